#!/bin/sh
# Notes in a real terminal: alice writes a note, amends it (the page says "amended", notes.csv is
# untouched, changes.csv has the correction), sees the earlier version, undoes the amendment (the
# files come back byte for byte), retracts it; bob cannot change it; the log lists it all with
# authors; an ASCII terminal marks the list with '*'.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
# The log's lines are checked whole: the list keeps its full width (split = off).
START_ENV="USER=alice RECVIEW_NOW=2026-12-02T10:15:00 XDG_CONFIG_HOME=$(pwd)/tests/data/config-split-off"

start 120 40 "$DATA"
keys ':' 11 Enter i 'Ask the CTO about measures' Enter
expect note-saved "Saved: note added to SSR1-11"
cp "$DATA/notes.csv" "$TMP/notes-before"
keys G k k k
keys e
expect amend-prompt "amend the note of 2026-12-02T10:15:00 on SSR1-11: Ask the CTO about measures"
keys ' of success' Enter
expect amend-saved "Saved: note of 2026-12-02T10:15:00 on SSR1-11 amended"
expect page-amended "alice  amended 2026-12-02"
expect page-new-text "Ask the CTO about measures of success"
if cmp -s "$TMP/notes-before" "$DATA/notes.csv"; then echo "ok notes-file-untouched"; else echo "not ok notes-file-untouched"; fi
if grep -q '^SSR1-11,N2026-12-02T10:15:00,note,Ask the CTO about measures of success,Ask the CTO about measures,2026-12-02T10:15:00,alice,$' "$DATA/changes.csv"; then
	echo "ok changes-row"
else
	echo "not ok changes-row"; cat "$DATA/changes.csv"
fi
cp "$DATA/changes.csv" "$TMP/changes-amended"
keys Enter
expect versions-shown "first version, 2026-12-02T10:15:00, alice:"
keys u
expect undone "Saved: undid the amendment of the note of 2026-12-02T10:15:00 on SSR1-11"
expect_not page-not-amended "amended 2026-12-02"
expect page-old-text "Ask the CTO about measures"
if [ "$(cat "$DATA/changes.csv")" = "rec_id,item,field,value,previous,time,author,note" ]; then echo "ok undo-cuts-changes"; else echo "not ok undo-cuts-changes"; cat "$DATA/changes.csv"; fi
keys C-r
expect redone "Saved: redid the amendment of the note of 2026-12-02T10:15:00 on SSR1-11"
if cmp -s "$TMP/changes-amended" "$DATA/changes.csv"; then echo "ok redo-same-bytes"; else echo "not ok redo-same-bytes"; fi
keys X
expect retract-confirm "Retract your note of 2026-12-02T10:15:00 on SSR1-11? Its text stays in the log. y/n"
keys y
expect retracted "(retracted by alice on 2026-12-02)"
expect retracted-cursor-stays "Notes (1)"
keys B
expect log-view "Log ("
expect log-retract "alice      SSR1-11          note     Ask the CTO about measures of success → (retracted)"
keys f 'author:alice kind:note' Enter
expect log-filtered "Log [author:alice kind:note] 3 of"
keys G Enter
expect log-opens-page "SSR1-11   "
keys Q
exited quit 0

# bob sees alice's note and cannot change it.
START_ENV="USER=bob RECVIEW_NOW=2026-12-03T09:00:00"
start 120 40 "$DATA"
keys ':' 11 Enter G k k k e
expect bob-refused "only alice, who wrote this note, can amend or retract it"
keys X
expect bob-refused-retract "only alice, who wrote this note, can amend or retract it"
keys Q
exited bob-quit 0

# The log on the command line names the author of each change.
"$ABS_BIN" log --author alice "$DATA" >"$TMP/log"
if [ "$(wc -l <"$TMP/log")" -eq 3 ] && head -1 "$TMP/log" | grep -q "note	Ask the CTO about measures of success		$"; then
	echo "ok cli-log"
else
	echo "not ok cli-log"; cat "$TMP/log"
fi

# An ASCII terminal marks a recommendation with notes with '*' (a retracted note is no mark: a new
# note first).
START_ENV="USER=alice RECVIEW_NOW=2026-12-03T10:00:00"
start 120 40 "$DATA"
keys ':' 11 Enter i 'Second thoughts' Enter
expect second-note "Saved: note added to SSR1-11"
keys Q
START_ENV="LANG=C LC_ALL=C"
start_command 120 40 "env LANG=C LC_ALL=C TERM=xterm-256color $ABS_BIN --read-only $DATA; sleep 30"
wait_for "SSR1-1"
keys ':' 11 Enter h
sleep 0.3
if screen | grep -qE '^. SSR1-11 +\* approved'; then echo "ok ascii-mark"; else echo "not ok ascii-mark"; screen | sed 's/^/  | /'; fi
if screen | grep -qE '^. SSR1-12 +approved'; then echo "ok ascii-no-mark"; else echo "not ok ascii-no-mark"; fi
