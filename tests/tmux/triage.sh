#!/bin/sh
# Triage in a real terminal: change a status with a note, quit, reopen, see it; undo it; a note and
# the agenda; --read-only; kill -9 in the middle of a run of changes.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
START_ENV="USER=tester RECVIEW_NOW=2026-11-23T14:05:00"

start 120 40 "$DATA"
expect start "SSR1-11"
keys ':' 'SSR2-5.4' Enter
expect opened "SSR2-5.4   · not started"
keys c
expect status-prompt "status of SSR2-5.4:"
keys 'in prog' Tab
expect status-completed "status of SSR2-5.4: in progress"
keys Enter
expect note-prompt "note for SSR2-5.4 (optional):"
keys 'Report drafted, =SUM(A1) not a formula' Enter
expect date-prompt "date of the change: 2026-11-23"
keys Enter
expect saved "Saved: status of SSR2-5.4 is now in progress"
expect page-updated "SSR2-5.4   ○ in progress"
expect history-entry "2026-11-23  ○ in progress"
keys Q
exited quit 0
if tail -1 "$DATA/status_history.csv" | grep -qF "SSR2-5.4,2026-11-23,,in progress,recview: tester,'=SUM(A1) not a formula"; then
	echo "not ok history-line: formula text not defused as expected"; tail -1 "$DATA/status_history.csv"
elif tail -1 "$DATA/status_history.csv" | grep -qF "SSR2-5.4,2026-11-23,,in progress,recview: tester,\"Report drafted, =SUM(A1) not a formula\""; then
	echo "ok history-line"
else
	echo "not ok history-line:"; tail -1 "$DATA/status_history.csv"
fi
if grep -q '^SSR2-5.4,SSR2,5.4,,,.*,approved,in progress,,' "$DATA/recommendations.csv"; then echo "ok status-column"; else echo "not ok status-column"; fi
# Only that one line of recommendations.csv changed.
changed=$(diff data/recommendations.csv "$DATA/recommendations.csv" | grep -c '^>')
if [ "$changed" -eq 1 ]; then echo "ok one-line-changed"; else echo "not ok one-line-changed: $changed"; fi

# Reopen: the change is there, in the list and in the history.
cp "$DATA/status_history.csv" "$TMP/history-after-change"
cp "$DATA/recommendations.csv" "$TMP/recs-after-change"
start 120 40 "$DATA"
keys f 'status:progress review:SSR2' Enter
expect in-list "SSR2-5.4"
keys j Enter
expect reopened-history "Report drafted, =SUM(A1) not a formula"
# A second change, then undo and redo in this session: the files follow, byte for byte.
keys C 'rejected' Enter Enter Enter
expect decision-saved "Saved: decision of SSR2-5.4 is now rejected"
expect decision-shown "SSR2-5.4   ○ in progress   rejected"
keys u
expect undone "Saved: undid the decision of SSR2-5.4"
expect page-after-undo "SSR2-5.4   ○ in progress   approved"
if cmp -s "$TMP/history-after-change" "$DATA/status_history.csv" && cmp -s "$TMP/recs-after-change" "$DATA/recommendations.csv"; then
	echo "ok undo-restores-bytes"
else
	echo "not ok undo-restores-bytes"
fi
keys C-r
expect redone "Saved: redid the decision of SSR2-5.4"
keys u
expect undone-again "Saved: undid the decision of SSR2-5.4"
keys Q
exited quit-after-undo 0

# A note with its author and time, and the agenda.
start 120 40 "$DATA"
keys ':' 11 Enter i 'Ask the CTO about measures of success' Enter
expect note-saved "Saved: note added to SSR1-11"
keys G
expect note-shown "2026-11-23T14:05:00  tester"
keys g
# A long pasted note arrives whole, nothing dropped.
long=$(printf 'word%03d ' $(seq 1 80))
keys i
tmx send-keys -t "$SESSION" -l "$long"
keys Enter
expect long-note-saved "Saved: note added to SSR1-11"
keys g
keys m
expect agenda-mark "on the agenda (1 of 1)"
keys A
expect agenda-view "Agenda (1)"
expect agenda-item "1. ○ SSR1-11"
keys w
expect changes-view "Changes (3)"
keys Q
# The files are read once recview has exited: the last save may still be being written until then.
exited quit-after-agenda 0
if grep -q '^SSR1-11,2026-11-23T14:05:00,tester,Ask the CTO about measures of success$' "$DATA/notes.csv"; then echo "ok notes-file"; else echo "not ok notes-file"; cat "$DATA/notes.csv"; fi
# All 80 words of the pasted note, in order, on one row.
words=$(grep -o 'word[0-9]*' "$DATA/notes.csv" | tr '\n' ' ')
if [ "$words" = "$long" ]; then echo "ok long-note-whole"; else echo "not ok long-note-whole: $words"; fi
if grep -q '^SSR1-11,2026-11-23T14:05:00,tester,$' "$DATA/agenda.csv"; then echo "ok agenda-file"; else echo "not ok agenda-file"; cat "$DATA/agenda.csv"; fi

# --read-only: every editing key says why it does nothing, and nothing is written.
cp -r "$DATA" "$TMP/before"
start 120 40 --read-only "$DATA"
expect ro-marker "[read-only]"
keys ':' 11 Enter c
expect ro-status "read-only (--read-only): c changes nothing"
keys i
expect ro-note "read-only (--read-only): i changes nothing"
keys m
expect ro-agenda "read-only (--read-only): m changes nothing"
keys u
expect ro-undo "read-only (--read-only): u changes nothing"
keys Q
exited ro-quit 0
if diff -r "$TMP/before" "$DATA" >/dev/null; then echo "ok ro-untouched"; else echo "not ok ro-untouched"; fi

# kill -9 during a run of changes: every file is either as before or as after each change.
start 120 40 "$DATA"
keys ':' 1 Enter
for i in 1 2 3 4 5 6; do keys m; done
keys c 'complete' Enter y 'final' Enter Enter
sleep 0.2
pkill -KILL -f "^$ABS_BIN $DATA"
sleep 0.3
ls "$DATA" | grep -q recview- && echo "not ok kill9-no-temp: temporary file left" || echo "ok kill9-no-temp"
if "$ABS_BIN" --check "$DATA" >/dev/null 2>"$TMP/err"; then echo "ok kill9-loads-clean"; else echo "not ok kill9-loads-clean"; cat "$TMP/err"; fi
# The agenda file holds a whole number of complete lines of its four columns (SSR1-1 on it or not), never half a line.
if awk -F, 'NR > 1 && NF != 4 { bad = 1 } END { exit bad }' "$DATA/agenda.csv"; then echo "ok kill9-agenda-whole"; else echo "not ok kill9-agenda-whole"; fi
