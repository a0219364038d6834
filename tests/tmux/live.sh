#!/bin/sh
# Live updates: two people at one meeting, each with a recview on the same data set. What one saves
# shows up in the other's views at once (inotify), said on the status line with who did it, the row
# marked until the cursor has been on it; a page open stays open and shows it; a prompt is never
# disturbed (the update waits, and a save that meets the other's change merges as before); a third
# recview that only looks at the files every 2 s (RECVIEW_WATCH=poll) gets it too, and so do changes
# made by another program (notes appended by a script, several at once); O lists them all; a page that
# is not about a recommendation (what moved between two dates) stays open through an update.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"

# run NAME USER [ENV]: a recview in session NAME, as USER
run() {
	tmx -f /dev/null new-session -d -s "$1" -x 120 -y 40 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=$2 RECVIEW_NOW=2026-11-23T14:05:00 ${3:-} $ABS_BIN $DATA; echo \$? >$TMP/exit-$1; sleep 30"
}
ms() { echo $(($(date +%s%N) / 1000000)); }
run ann ann
run bob bob
run carol carol RECVIEW_WATCH=poll
for s in ann bob carol; do SESSION=$s; expect "$s-start" "SSR1-11"; done

# ann sets SSR1-20 complete; bob's list follows, without a key.
SESSION=ann
keys ':' 'SSR1-20' Enter c 'complete' Enter y Enter Enter
expect ann-saved "Saved: status of SSR1-20 is now complete"
t0=$(ms)
SESSION=bob
expect bob-told "ann: SSR1-20 status → complete"
echo "# measured: ann's save shown in bob's list after $(($(ms) - t0)) ms (inotify)"
expect bob-row-marked "✓•SSR1-20"
# carol looks every 2 s only
SESSION=carol
expect carol-told "ann: SSR1-20 status → complete"
echo "# measured: ... in carol's after $(($(ms) - t0)) ms (a look every 2 s)"
expect carol-row-marked "✓•SSR1-20"

# The mark stays while the cursor is away, and on the row itself until the next key.
SESSION=bob
keys j
expect bob-still-marked "✓•SSR1-20"
i=0
while [ $i -lt 18 ]; do keys j; i=$((i + 1)); done
expect bob-on-row "20/91"
expect bob-marked-under-cursor "✓•SSR1-20"
keys j
expect bob-seen "✓ SSR1-20"
expect_not bob-mark-gone "•SSR1-20"
# carol opens it: seen
SESSION=carol
keys ':' 'SSR1-20' Enter
expect carol-page "SSR1-20   ✓ complete"
keys h
expect carol-seen "✓ SSR1-20"

# bob reads SSR1-11's page; ann adds a note to it: bob's page shows it, still on SSR1-11.
SESSION=bob
keys ':' 'SSR1-11' Enter
expect bob-page "Recommendations › SSR1-11"
SESSION=ann
keys ':' 'SSR1-11' Enter i 'Ask the CTO about measures of success' Enter
expect ann-note-saved "Saved: note added to SSR1-11"
SESSION=bob
expect bob-page-told "ann: SSR1-11 note: Ask the CTO about measures of success"
expect bob-page-shows-note "Ask the CTO about measures of success"
expect bob-page-kept "Recommendations › SSR1-11"

# bob's status prompt on SSR1-3 is open when ann sets its priority: nothing moves under the prompt.
keys ':' 'SSR1-3' Enter c
expect bob-prompt "status of SSR1-3:"
SESSION=ann
keys ':' 'SSR1-3' Enter p 'P1' Enter
expect ann-priority-saved "Saved: priority of SSR1-3"
SESSION=bob
sleep 1
expect bob-prompt-kept "status of SSR1-3:"
expect_not bob-not-reloaded-under-prompt "ann: SSR1-3"
# his save meets ann's change: merged at the save, and what she did is said too
keys 'in planning' Enter Enter Enter
expect bob-merged-at-save "Changed on disk: SSR1-3 priority → P1; merged 1 change of yours onto theirs, saved"
if grep -q '^SSR1-3,.*,in planning,P1,' "$DATA/recommendations.csv"; then echo "ok both-kept"; else echo "not ok both-kept"; grep '^SSR1-3,' "$DATA/recommendations.csv"; fi
SESSION=ann
expect ann-told-bob "bob: SSR1-3 status → in planning"

# A real conflict: bob's status prompt on SSR1-4 is open when ann sets its status; he picks another.
# His save meets hers: held as a conflict (M), said with what she did; he keeps hers.
SESSION=bob
keys ':' 'SSR1-4' Enter c
expect bob-prompt-2 "status of SSR1-4:"
SESSION=ann
keys ':' 'SSR1-4' Enter c 'behind schedule' Enter Enter Enter
expect ann-status-saved "Saved: status of SSR1-4 is now behind schedule"
SESSION=bob
sleep 0.5
keys 'complete' Enter y Enter Enter
expect bob-conflict "Conflicts (1)"
expect bob-conflict-said "ann: SSR1-4 status → behind schedule; 0 changes of yours merged onto theirs; 1 conflict"
keys '>'
expect bob-kept-theirs "status of SSR1-4: theirs kept; no conflict left"
if grep -q '^SSR1-4,.*recview: bob' "$DATA/status_history.csv"; then echo "not ok held-not-written"; else echo "ok held-not-written"; fi
keys r
expect bob-list-again "Recommendations"

# Another program appends notes by three people at once: one line says it all; then a history row.
printf 'SSR1-5,2026-11-23T15:00:00,dave,Budget line checked\nSSR1-6,2026-11-23T15:00:00,erin,Ask legal\nSSR1-7,2026-11-23T15:00:00,frank,Done?\n' >>"$DATA/notes.csv"
SESSION=bob
expect bob-many "dave and 2 others: 3 changes (SSR1-5 note: Budget line checked, SSR1-6 note: Ask legal, SSR1-7 note: Done?)"
printf 'SSR1-7,2026-11-23,,complete,recview: gus,\n' >>"$DATA/status_history.csv"
expect bob-history "gus: SSR1-7 status → complete"
keys O
expect others-view "Changed by others (8)"
expect others-newest "14:05:00 gus         •SSR1-7 status → complete"
expect others-note "14:05:00 erin        •SSR1-6 note: Ask legal"
expect others-how "The data set is watched with inotify"
# carol (looks every 2 s) has them all too, marked
SESSION=carol
expect carol-marked-5 "○•SSR1-5"
expect carol-marked-6 "✓•SSR1-6"
expect carol-marked-7 "✓•SSR1-7"
# a page that holds no recommendation (what moved between two dates) stays open through an update
keys @ '2015-01-01..2016-12-31' Enter
expect carol-moved-view "Moved 2015-01-01..2016-12-31"
printf 'SSR1-8,2026-11-23T15:30:00,dave,Checked again\n' >>"$DATA/notes.csv"
expect carol-told-on-text-view "dave: SSR1-8 note: Checked again"
expect carol-text-view-kept "Moved 2015-01-01..2016-12-31"

# Nobody ever restarted; everyone's changes are on disk.
for s in ann bob carol; do SESSION=$s; keys Q; done
i=0
while { [ ! -s "$TMP/exit-ann" ] || [ ! -s "$TMP/exit-bob" ] || [ ! -s "$TMP/exit-carol" ]; } && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
codes="$(cat "$TMP/exit-ann" 2>/dev/null) $(cat "$TMP/exit-bob" 2>/dev/null) $(cat "$TMP/exit-carol" 2>/dev/null)"
if [ "$codes" = "0 0 0" ]; then echo "ok all-exit-0"; else echo "not ok all-exit-0: $codes"; fi
