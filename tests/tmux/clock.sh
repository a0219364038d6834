#!/bin/sh
# The meeting clock at 80x24, 120x40, 200x60 and 240x67: SSR1-11 has 1 minute on the agenda
# (agenda.csv's minutes column); RECVIEW_CLOCK=60 runs the meeting clock a minute a second, so the
# walkthrough's footer goes over budget at once: a warning glyph and the error colour (seen with
# capture-pane -e) where it showed the clock glyph in its plain colour.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
printf 'rec_id,added,author,minutes\nSSR1-11,2026-11-23T10:00:00,chair,1\nSSR1-25,2026-11-23T10:00:00,chair,\nSSR2-10.1,2026-11-23T10:00:00,chair,4\n' >"$DATA/agenda.csv"
footer() { tmx capture-pane -e -p -t "$SESSION" | grep -F "this item"; }

for size in "80 24" "120 40" "200 60" "240 67"; do
	set -- $size
	START_ENV="USER=tester RECVIEW_CLOCK=0"
	start "$1" "$2" --read-only "$DATA"
	expect "list-$1" "SSR1-1 "
	keys A
	expect "budget-column-$1" "1:00"
	keys P
	expect "under-$1" "0:00 / 1:00 this item"
	if footer | grep -q '31m'; then echo "not ok under-plain-$1"; footer | cat -v; else echo "ok under-plain-$1"; fi
	keys Q
	# A walkthrough was held and its minutes were not written: quitting asks first.
	expect "minutes-question-$1" "minutes not written: w write, q quit anyway, Esc stay"
	keys q
	exited "quit-stopped-$1" 0

	START_ENV="USER=tester RECVIEW_CLOCK=60"
	start "$1" "$2" --read-only "$DATA"
	expect "list-fast-$1" "SSR1-1 "
	keys A P
	expect "walk-$1" "1 / 3"
	sleep 1.5
	keys C-l
	expect "over-$1" "/ 1:00 this item"
	if footer | grep -q "⚠" && footer | grep -q '31m'; then
		echo "ok over-glyph-and-colour-$1"
	else
		echo "not ok over-glyph-and-colour-$1"; footer | cat -v
	fi
	expect "over-in-all-$1" "/ 5:00 in all"
	keys Q q
	exited "quit-$1" 0
done
