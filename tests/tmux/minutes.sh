#!/bin/sh
# The meeting's minutes at 80x24, 120x40, 200x60 and 240x67: walk three agenda items (a minute or
# more on the first, two on the second: RECVIEW_CLOCK=60); from the first slide's page a
# deliverable's due date; on the third slide a status change dated 2015-01-01, a decision, a note
# and an owner; M writes the minutes (the configuration's minutes-file, relative to the data
# directory): the items in order with their times, the changes with both dates, the note, the owner
# and the due date as actions with who each falls to, escaped. Quitting with minutes out of date
# asks first; Esc stays; Z from the list writes them again.
. tests/tmux/lib.sh
mkdir "$TMP/config" "$TMP/config/recview"
printf 'minutes-file = meeting-%%Y-%%m-%%d.md\n' >"$TMP/config/recview/config"
# RECVIEW_CLOCK=60: the meeting clock runs a minute a second, so the times are known to the minute.
START_ENV="USER=chair RECVIEW_NOW=2026-12-02T10:00:00 RECVIEW_CLOCK=60 XDG_CONFIG_HOME=$TMP/config"
# wait_clock PATTERN: until the footer's clock for this item matches PATTERN (a grep -E)
wait_clock() {
	i=0
	while [ $i -lt 150 ]; do
		screen | grep -qE "$1 this item" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# in_minutes NAME TEXT: the minutes file has TEXT (a fixed string)
in_minutes() {
	if grep -qF -- "$2" "$MIN"; then echo "ok $1"; else echo "not ok $1: lacks $2"; sed 's/^/  | /' "$MIN"; fi
}

for size in $SIZES; do
	DATA="$TMP/data-$size"
	mkdir "$DATA"
	cp data/*.csv "$DATA/"
	printf 'rec_id,added,author\nSSR1-11,2026-11-23T10:00:00,chair\nSSR1-25,2026-11-23T10:00:00,chair\nSSR2-10.1,2026-11-23T10:00:00,chair\n' >"$DATA/agenda.csv"
	MIN="$DATA/meeting-2026-12-02.md"
	start "$(cols_of $size)" "$(lines_of $size)" "$DATA"
	expect "list-$size" "SSR1-1 "
	keys P
	expect "asks-$size" "Present: a the agenda"
	keys a
	expect "first-$size" "1 / 3"
	check "first-a-minute-$size" wait_clock '[1-9]:[0-9][0-9]'
	# From the slide, its page: a deliverable's new due date, an action for its owner (Staff).
	keys Enter
	expect "first-page-$size" "Walkthrough 1/3 › SSR1-11"
	keys d
	expect "first-deliverables-$size" "SSR1-11 › Deliverables"
	keys E
	expect "due-prompt-$size" "due date of SSR1-11 deliverable 1"
	keys 2027-06 Enter
	expect "due-reason-prompt-$size" "reason for the new date"
	keys 'vendor late' Enter
	expect "due-saved-$size" "Saved: SSR1-11 deliverable 1 is now due 2027-06 (was 2015-10)"
	keys h BSpace
	expect "back-on-first-$size" "1 / 3"
	keys Space
	expect "second-$size" "2 / 3"
	check "second-two-minutes-$size" wait_clock '[2-9]:[0-9][0-9]'
	keys Space
	expect "third-$size" "3 / 3"
	# On the slide: a status change dated back, a decision, a note, an owner.
	keys c
	expect "status-prompt-$size" "status of SSR2-10.1:"
	keys 'behind schedule' Enter
	expect "note-prompt-$size" "note for SSR2-10.1 (optional):"
	keys 'late | again' Enter
	expect "date-prompt-$size" "date of the change: "
	keys C-u '2015-01-01' Enter
	expect "saved-$size" "Saved: status of SSR2-10.1"
	keys C
	expect "decision-prompt-$size" "decision of SSR2-10.1:"
	keys rejected Enter
	expect "decision-note-prompt-$size" "note for SSR2-10.1 (optional):"
	keys 'board said no' Enter
	expect "decision-date-prompt-$size" "date of the change: 2026-12-02"
	keys Enter
	expect "decision-saved-$size" "Saved: decision of SSR2-10.1 is now rejected"
	keys i
	expect "slide-note-prompt-$size" "note on SSR2-10.1:"
	keys 'check <soon> & again' Enter
	expect "slide-note-saved-$size" "Saved: note added to SSR2-10.1"
	keys o
	expect "owner-prompt-$size" "owner of SSR2-10.1 (empty clears):"
	keys 'Alice & Co' Enter
	expect "owner-saved-$size" "Saved: owner of SSR2-10.1 is now Alice & Co"
	keys M
	expect "minutes-prompt-$size" "minutes to: meeting-2026-12-02.md"
	keys Enter
	expect "minutes-written-$size" "Minutes written to"
	# The items presented, in order, with the time on each: at least the minutes the clock showed.
	grep -E '^\| SSR[0-9.-]+ \| [0-9]+:[0-9][0-9] \|$' "$MIN" >"$TMP/times"
	t1=$(sed -n 's/^| SSR1-11 | \([0-9]*\):.*/\1/p' "$TMP/times")
	t2=$(sed -n 's/^| SSR1-25 | \([0-9]*\):.*/\1/p' "$TMP/times")
	if [ "$(cut -d' ' -f2 "$TMP/times" | tr '\n' ' ')" = "SSR1-11 SSR1-25 SSR2-10.1 " ] &&
		[ "${t1:-0}" -ge 1 ] && [ "${t2:-0}" -ge 2 ]; then
		echo "ok minutes-times-$size"
	else
		echo "not ok minutes-times-$size"; sed 's/^/  | /' "$MIN"
	fi
	in_minutes "minutes-count-$size" "3 items presented"
	in_minutes "minutes-status-both-dates-$size" "| 2026-12-02T10:00:00 | chair | SSR2-10.1 | status: in progress → behind schedule (as of 2015-01-01) | late \\| again |"
	in_minutes "minutes-decision-$size" "| 2026-12-02T10:00:00 | chair | SSR2-10.1 | decision: approved → rejected (as of 2026-12-02) | board said no |"
	in_minutes "minutes-note-$size" "| 2026-12-02T10:00:00 | chair | SSR2-10.1 | note | check \\<soon> & again |"
	in_minutes "minutes-action-owner-$size" "| SSR2-10.1 | owner | Alice & Co | Alice & Co |  |"
	in_minutes "minutes-action-due-$size" "| SSR1-11 | due of D1 | 2027-06 | Staff | vendor late |"
	# A change after the minutes were written: quitting asks; Esc stays, w writes them and quits.
	keys i
	expect "note-after-prompt-$size" "note"
	keys 'follow up' Enter
	expect "note-after-saved-$size" "Saved"
	keys Q
	expect "quit-asks-$size" "minutes not written: w write, q quit anyway, Esc stay"
	keys Escape
	expect "stayed-$size" "Not quitting: Z writes the minutes"
	# Z, from the list, writes them again with the later note.
	keys q
	expect "left-walk-$size" "SSR1-1 "
	keys Z
	expect "z-prompt-$size" "minutes to: meeting-2026-12-02.md"
	keys Enter
	expect "z-written-$size" "Minutes written to"
	in_minutes "z-note-after-$size" "| note | follow up |"
	keys Q
	exited "quit-after-writing-$size" 0
done
# The file's minutes are recorded-time minutes too: the change of today dated 2015 is in since today.
"$ABS_BIN" --export minutes --since 2026-12-02 "$DATA" >"$TMP/file-minutes"
grep -qF '| 2026-12-02T10:00:00 | chair | SSR2-10.1 | status: behind schedule (effective 2015-01-01) | late \| again |' "$TMP/file-minutes" &&
	echo "ok export-since-recorded" || { echo "not ok export-since-recorded"; cat "$TMP/file-minutes"; }

# minutes-on-leave = yes: leaving the walkthrough writes them (an absolute minutes-file), and
# quitting then asks nothing.
mkdir "$TMP/config2" "$TMP/config2/recview"
printf 'minutes-file = %s/leave-%%Y.md\nminutes-on-leave = yes\n' "$TMP" >"$TMP/config2/recview/config"
START_ENV="USER=chair RECVIEW_NOW=2026-12-02T10:00:00 XDG_CONFIG_HOME=$TMP/config2"
start 80 24 "$DATA"
expect leave-list "SSR1-1 "
keys P
expect leave-asks "Present: a the agenda"
keys a
expect leave-first "1 / 3"
keys Space
expect leave-second "2 / 3"
keys q
expect leave-written "Minutes written to $TMP/leave-2026.md"
if grep -q '^| SSR1-25 | [0-9]*:[0-9][0-9] |$' "$TMP/leave-2026.md"; then echo "ok leave-file"; else echo "not ok leave-file"; cat "$TMP/leave-2026.md"; fi
keys Q
exited leave-quit-asks-nothing 0
