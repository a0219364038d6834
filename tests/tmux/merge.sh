#!/bin/sh
# Two people on one data set, each in their own terminal: ann saves first; bob's next save finds the
# files changed and merges (different recommendations: combined, nothing asked); then both change the
# same status: bob is shown the conflict with ann's value and name, keeps his, and undo gives hers back.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"

# run NAME USER: a recview in session NAME, as USER. Live updates are off: this is about the merge at
# a save, which live updates would otherwise make before the save, depending on timing (live.sh).
run() {
	tmx -f /dev/null new-session -d -s "$1" -x 120 -y 40 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=$2 RECVIEW_NOW=2026-11-23T14:05:00 RECVIEW_WATCH=off $ABS_BIN $DATA; echo \$? >$TMP/exit-$1; sleep 30"
}
run ann ann
run bob bob
SESSION=ann
expect ann-start "SSR1-11"
SESSION=bob
expect bob-start "SSR1-11"

# ann: SSR2-5.4 complete, saved.
SESSION=ann
keys ':' 'SSR2-5.4' Enter c 'complete' Enter Enter Enter
expect ann-saved "Saved: status of SSR2-5.4 is now complete"

# bob, who read the files before: a note and a status elsewhere; the status finds ann's save and merges.
SESSION=bob
keys ':' 'SSR1-11' Enter c 'in planning' Enter 'from bob' Enter Enter
expect bob-merged "Someone else saved these files: merged 1 change of yours onto theirs, saved"
expect bob-page-kept "SSR1-11"
if grep -q '^SSR2-5.4,2026-11-23,,complete,recview: ann' "$DATA/status_history.csv" &&
	grep -q '^SSR1-11,2026-11-23,,in planning,recview: bob,from bob' "$DATA/status_history.csv"; then
	echo "ok both-history-rows"
else
	echo "not ok both-history-rows"; tail -3 "$DATA/status_history.csv"
fi
if grep -q '^SSR2-5.4,.*,complete,' "$DATA/recommendations.csv"; then echo "ok ann-status-kept"; else echo "not ok ann-status-kept"; fi

# Both change SSR1-3, ann first; bob's copy is from before ann's.
SESSION=ann
keys ':' 'SSR1-3' Enter c 'behind schedule' Enter Enter Enter
# bob saved since ann read the files: her save merges too
expect ann-saved-2 "Someone else saved these files: merged 1 change of yours onto theirs, saved"
SESSION=bob
keys ':' 'SSR1-3' Enter
expect bob-sees-merged-copy "SSR1-3"
keys c 'complete' Enter y Enter Enter
# bob's merge made him current after his first save; ann's second save came after: a conflict.
expect conflict-shown "Conflicts (1)"
expect conflict-line "SSR1-3  status"
expect conflict-mine "mine:    complete"
expect conflict-theirs "theirs:  behind schedule   (ann, 2026-11-23)"
expect conflict-message "1 conflict for you to settle"
if grep -q '^SSR1-3,.*recview: bob' "$DATA/status_history.csv"; then echo "not ok held-not-written"; else echo "ok held-not-written"; fi
# Quitting now would lose it: asked.
keys Q
expect quit-asks "NOT saved"
keys n Enter
keys "<"
expect kept-mine "Saved: status of SSR1-3: yours kept; no conflict left"
if grep -q '^SSR1-3,2026-11-23,,complete,recview: bob' "$DATA/status_history.csv"; then echo "ok mine-written"; else echo "not ok mine-written"; fi
keys h
keys u
expect undo-gives-theirs "Saved: undid the status of SSR1-3"
if grep -q '^SSR1-3,.*,behind schedule,' "$DATA/recommendations.csv"; then echo "ok theirs-back"; else echo "not ok theirs-back"; grep '^SSR1-3,' "$DATA/recommendations.csv"; fi

keys Q
SESSION=ann
keys Q
i=0
while { [ ! -s "$TMP/exit-ann" ] || [ ! -s "$TMP/exit-bob" ]; } && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ "$(cat "$TMP/exit-ann" 2>/dev/null)" = 0 ] && [ "$(cat "$TMP/exit-bob" 2>/dev/null)" = 0 ]; then
	echo "ok both-exit-0"
else
	echo "not ok both-exit-0: ann $(cat "$TMP/exit-ann" 2>/dev/null), bob $(cat "$TMP/exit-bob" 2>/dev/null)"
fi
