#!/bin/sh
# Presentation mode: P with an agenda asks, a presents it; walk the three items forward and back,
# open one and return, at 80x24, 120x40, 200x60 and 240x67; the time spent goes into the minutes.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
printf 'rec_id,added,author\nSSR1-11,2026-11-23T10:00:00,chair\nSSR1-25,2026-11-23T10:00:00,chair\nSSR2-10.1,2026-11-23T10:00:00,chair\n' >"$DATA/agenda.csv"
START_ENV="USER=tester"

for size in $SIZES; do
	set -- "$(cols_of $size)" "$(lines_of $size)"
	start "$1" "$2" "$DATA"
	expect "list-$1" "SSR1-1 "
	keys P
	expect "asks-$1" "Present: a the agenda, l the list as filtered now"
	keys a
	expect "first-$1" "1 / 3"
	if big_letters "$1" "$2"; then # the status word in block letters, the rest of the state line under it
		expect "first-status-big-$1" "███ █  █    ███ ██  ███ ███ ██  ███ ███ ███"
		expect "first-state-$1" "  Board: approved    on the agenda"
	else
		expect "first-state-$1" "in progress    Board: approved    on the agenda"
	fi
	expect_not "no-title-bar-$1" "Recommendations"
	keys Space
	expect "second-$1" "2 / 3"
	if big_letters "$1" "$2"; then
		expect "second-status-big-$1" "███ ███ █   █ ███ █   ███ ███ ███"
		expect "second-state-$1" "  Board: approved"
	else
		expect "second-state-$1" "complete    Board: approved"
	fi
	keys Right
	expect "third-$1" "3 / 3"
	expect "third-text-$1" "ICANN org should post a web page"
	keys Space
	expect "last-$1" "This is the last item."
	keys Left PPage
	expect "back-to-first-$1" "1 / 3"
	keys Enter
	expect "page-opened-$1" "Walkthrough 1/3 › SSR1-11"
	keys BSpace
	expect "returned-$1" "1 / 3"
	if big_letters "$1" "$2"; then
		expect "block-letters" "███ ███ ██"
	fi
	sleep 1.2
	expect "clock-$1" ":0"
	keys w
	keys x C-u "$TMP/minutes-$1.md" Enter
	expect "minutes-exported-$1" "Exported the minutes"
	keys Q
	exited "quit-$1" 0
	if grep -q '^## Walkthrough' "$TMP/minutes-$1.md" && grep -q '^| SSR1-11 | 0:0[0-9] |' "$TMP/minutes-$1.md"; then
		echo "ok minutes-walkthrough-$1"
	else
		echo "not ok minutes-walkthrough-$1"; cat "$TMP/minutes-$1.md"
	fi
done
