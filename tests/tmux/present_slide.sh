#!/bin/sh
# The slide at 240x67, with a follower at 80x24: deliverables name their owner; an item that fits
# has a top margin and wide gaps, one that does not is compact; a status set on the slide shows at
# once under "Decided in this meeting" with its time and old -> new, and goes again on undo, on the
# follower too (read from the files the presenter's session wrote, in the same words); the presenter's scrolling (j, G)
# moves the follower's slide to the same text, and the next item starts at the top on both.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
printf 'rec_id,added,author\nSSR1-11,2026-11-23T10:00:00,chair\nSSR1-25,2026-11-23T10:00:00,chair\nSSR2-10.1,2026-11-23T10:00:00,chair\n' >"$DATA/agenda.csv"
RUN="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=tester RECVIEW_CLOCK=0 $ABS_BIN"
on() { SESSION=$1; }
# first_text: the first row of the screen with text on it, its spaces trimmed
first_text() { screen | grep -m1 '[^ ]' | sed 's/^ *//; s/ *$//'; }
# blank_top N: the first N rows of the screen are blank
blank_top() {
	if [ -z "$(screen | head -n "$2" | tr -d ' \n')" ]; then echo "ok $1"; else
		echo "not ok $1: rows 1-$2 are not blank"
		screen | head -n "$2" | sed 's/^/  | /'
	fi
}
# top_is NAME TEXT: the first row with text starts with TEXT (given time to get there)
top_is() {
	i=0
	while [ $i -lt 100 ]; do
		case "$(first_text)" in "$2"*) echo "ok $1"; return ;; esac
		sleep 0.1
		i=$((i + 1))
	done
	echo "not ok $1: the top row is not $2"
	screen | head -5 | sed 's/^/  | /'
}

tmx -f /dev/null new-session -d -s pres -x 240 -y 67 "$RUN $DATA; sleep 30"
tmx new-session -d -s foll -x 80 -y 24 "USER=viewer $RUN --follow $DATA; sleep 30"
on foll
expect "follower-waits" "Waiting for a presenter"
on pres
expect "list" "SSR1-1 "
keys P a
expect "first" "1 / 3"
# SSR1-11 does not fit 67 rows: compact (the block letters on row 2), continued below.
expect "owner-and-due" "(Staff, due 2015-10, overdue)"
expect "continued" "1 / 3  ▼ j"
blank_top "compact-when-it-does-not-fit" 1
on foll
expect "follower-first" "1 / 3"
top_is "follower-at-top" "SSR1-11"

# The presenter scrolls 15 rows: the deliverables' heading at the top, there on the follower too.
on pres
keys j j j j j j j j j j j j j j j
top_is "presenter-scrolled" "Deliverables  3 of 4 done, 1 overdue"
on foll
top_is "follower-scrolled-with-presenter" "Deliverables  3 of 4 done, 1 overdue"
expect "follower-says-both-ways" "▼▲ j k"
on pres
keys G
expect "presenter-at-end" "1 / 3  ▲ k"
on foll
expect_not "follower-left-deliverables" "Deliverables  3 of 4"
expect "follower-in-questions" "(open)"

# The next item (SSR1-25) fits with a top margin and gaps of two rows (not with three): both start at
# its top.
on pres
keys Space
expect "second" "2 / 3"
expect "second-owner" "collision issues.  (Staff)"
blank_top "top-margin" 2
screen | grep -B2 "Deliverables  6 of 6 done" | head -2 | grep -q "[^ ]" && echo "not ok gap-of-two" || echo "ok gap-of-two"
expect_not "second-fits" "2 / 3  ▼"
on foll
expect "follower-second" "2 / 3"
top_is "follower-second-at-top" "SSR1-25"

# A status on the slide: "Decided in this meeting" at once, with the time and old -> new; u takes it away.
on pres
keys c
expect "status-prompt" "status of SSR1-25:"
keys "in progress" Enter
expect "note-prompt" "note for SSR1-25"
keys "reopened for the ERM update" Enter
expect "date-prompt" "date of the change"
keys Enter
expect "saved" "Saved: status of SSR1-25"
expect "decided-heading" "Decided in this meeting  1 change"
expect "decided-line" "status: complete → in progress — reopened for the ERM update"
screen | grep -q '[0-2][0-9]:[0-5][0-9]  status: complete → in progress' && echo "ok decided-time" ||
	echo "not ok decided-time"
pres_line=$(screen | grep -o '[0-2][0-9]:[0-5][0-9]  status: complete → in progress — reopened for the ERM update')
[ -n "$pres_line" ] && echo "ok presenter-line-read" || echo "not ok presenter-line-read"
on foll
expect "follower-sees-status" "in progress    Board: approved"
expect "follower-decided-heading" "Decided in this meeting  1 change"
expect "follower-decided-same-line" "$pres_line"
on pres
keys u
expect "undone" "undid the status of SSR1-25"
expect_not "decided-gone" "Decided in this meeting"
# At 240x67 the status word is in block letters beside the id (its top row here), the rest under them.
expect "state-back" "███ ███ █   █ ███ █   ███ ███ ███"
expect "state-back-line" "  Board: approved"
on foll
expect_not "follower-decided-gone" "Decided in this meeting"
expect "follower-state-back" "complete    Board: approved"

on pres
keys Escape Escape Q
expect "minutes-question" "minutes not written"
keys q
on foll
keys Q
sleep 0.5
tmx kill-session -t pres 2>/dev/null
tmx kill-session -t foll 2>/dev/null
exit 0
