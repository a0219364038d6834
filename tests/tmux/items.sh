#!/bin/sh
# The items of a recommendation in a real terminal, on a copy of the bundled data: a deliverable
# given a new due date with its reason (deliverables.csv and a row of changes.csv, the page saying
# "revised: was ..."), undone byte for byte; a question answered; complete asks while items are open;
# --read-only refuses the item keys. At 80x24 and 120x40.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
cp -r "$DATA" "$TMP/before"
START_ENV="USER=alice RECVIEW_NOW=2026-12-02T10:15:00"

start 80 24 "$DATA"
expect start "SSR1-1"
keys ':' 'SSR1-4' Enter
expect page "Project status (from 004_468ec3b28ca421a3.txt:196-201)"
# the due date as the ISO month, and as 004 wrote it
keys / '2016-09 (Sept 2016), overdue' Enter
expect overdue-line "2016-09 (Sept 2016), overdue"
keys d
expect deliverables "Extract and catalogue"
keys j j j E
expect due-prompt "due date of SSR1-4 deliverable 4"
keys '2027-03' Enter
expect reason-prompt "reason for the new date (kept with 2016-09):"
keys 'waiting for the vendor' Enter
expect due-saved "Saved: SSR1-4 deliverable 4 is now due 2027-03 (was 2016-09)"
if grep -qF 'SSR1-4,(Phase II) Extract and catalogue SSR-related elements of MOUs,Staff,2027-03,,' "$DATA/deliverables.csv"; then
	echo "ok due-cell"
else
	echo "not ok due-cell"; grep -F 'Extract and catalogue' "$DATA/deliverables.csv"
fi
if [ "$(tail -1 "$DATA/changes.csv")" = 'SSR1-4,D4,due,2027-03,2016-09,2026-12-02T10:15:00,alice,waiting for the vendor' ]; then
	echo "ok due-logged"
else
	echo "not ok due-logged"; cat "$DATA/changes.csv"
fi
keys h / 'revised' Enter
expect revised "revised: was 2016-09 (alice, 2026-12-02: waiting for the vendor)"
expect no-longer-overdue "Deliverables (4, 3 done)"
keys u
expect undone "Saved: undid the due of SSR1-4 D4"
keys / '2016-09 (Sept 2016), overdue' Enter
expect overdue-again "2016-09 (Sept 2016), overdue"
if cmp -s "$TMP/before/deliverables.csv" "$DATA/deliverables.csv"; then echo "ok undo-bytes"; else echo "not ok undo-bytes"; fi
if [ "$(cat "$DATA/changes.csv")" = 'rec_id,item,field,value,previous,time,author,note' ]; then
	echo "ok undo-log"
else
	echo "not ok undo-log"; cat "$DATA/changes.csv"
fi

# A question answered from the recommendation's page (Tab goes to its line), at 120x40.
resize 120 40
keys a
expect questions "What accounts for the inconsistencies"
keys j I
expect answer-prompt "answer to SSR1-4 question 4.1:"
keys 'They are being merged into one.' Enter
expect answer-saved "Saved: SSR1-4 question 4.1 answered"
keys Enter
expect answer-page "Answered    2026-12-02 by alice"
expect answer-state "State       answered"
if grep -q '^SSR1-4,4.1,.*,They are being merged into one\.,,003_' "$DATA/questions.csv"; then
	echo "ok answer-cell"
else
	echo "not ok answer-cell"; grep -F 'SSR1-4,4.1' "$DATA/questions.csv"
fi
# Complete while items are open asks; n changes nothing.
keys h h c 'complete' Enter
expect complete-asks "SSR1-4 has 1 open deliverable and 3 open questions: set complete anyway? (y/n)"
keys n
expect complete-declined "Not changed: the status of SSR1-4 stays as it was"
keys Q
exited quit 0

# Read-only: the item keys change nothing.
cp -r "$DATA" "$TMP/ro"
start 80 24 --read-only "$TMP/ro"
keys ':' 'SSR1-4' Enter d E
expect ro-due "read-only (--read-only): E changes nothing"
keys o
expect ro-owner "read-only (--read-only): o changes nothing"
keys Q
if diff -r "$DATA" "$TMP/ro" >/dev/null; then echo "ok ro-untouched"; else echo "not ok ro-untouched"; fi
