#!/bin/sh
# The meeting clock at 80x24, 120x40, 200x60 and 240x67, in the default, high-contrast and monochrome
# themes: SSR1-11 has 1 minute on the agenda (agenda.csv's minutes column); RECVIEW_CLOCK=0 stops the
# clock (0:00, under budget), RECVIEW_CLOCK=60 runs it a minute a second, so the walkthrough's footer
# goes over budget at once: a warning glyph (⚠) where it showed the clock glyph (◷), and the time in
# the error colour (seen with capture-pane -e: red where yellow; in monochrome no colour, and the
# words "this item" bold with the time where they were dim).
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
printf 'rec_id,added,author,minutes\nSSR1-11,2026-11-23T10:00:00,chair,1\nSSR1-25,2026-11-23T10:00:00,chair,\nSSR2-10.1,2026-11-23T10:00:00,chair,4\n' >"$DATA/agenda.csv"
ESC=$(printf '\033')
footer() { screen_e | grep -F "this item"; }
# item_sgr: the SGR sequences in force where the footer's "M:SS / 1:00 this item" is drawn
item_sgr() {
	footer | sed -n "s/.*[^m]\(\(${ESC}\[[0-9;]*m\)\{1,\}\)[^${ESC}]*[0-9]:[0-9][0-9] \/ 1:00.*/\1/p" | cat -v
}
# wait_over: until the footer shows the warning glyph (the clock runs a minute a second)
wait_over() {
	i=0
	while [ $i -lt 100 ]; do
		footer | grep -qF "⚠" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

for size in $SIZES; do
	for theme in default high-contrast monochrome; do
		tag=$size-$theme
		START_ENV="USER=tester RECVIEW_CLOCK=0"
		start "$(cols_of $size)" "$(lines_of $size)" --read-only --theme $theme "$DATA"
		expect "list-$tag" "SSR1-1 "
		keys A
		expect "budget-column-$tag" "1:00"
		keys P
		expect "under-$tag" "0:00 / 1:00 this item"
		under=$(item_sgr)
		if footer | grep -qF "◷" && ! footer | grep -qF "⚠" && ! footer | grep -qF '1:00 this item' &&
			[ -n "$under" ] && ! printf '%s' "$under" | grep -q '31m'; then
			echo "ok under-plain-$tag"
		else
			echo "not ok under-plain-$tag: '$under'"; footer | cat -v
		fi
		keys Q
		# A walkthrough was held and its minutes were not written: quitting asks first.
		expect "minutes-question-$tag" "minutes not written: w write, q quit anyway, Esc stay"
		keys q
		exited "quit-stopped-$tag" 0

		START_ENV="USER=tester RECVIEW_CLOCK=60"
		start "$(cols_of $size)" "$(lines_of $size)" --read-only --theme $theme "$DATA"
		expect "list-fast-$tag" "SSR1-1 "
		keys A P
		expect "walk-$tag" "1 / 3"
		check "over-glyph-$tag" wait_over
		over=$(item_sgr)
		if [ "$theme" = monochrome ]; then
			# No colour at all: the error attribute is bold, so the words "this item" lose their dim
			# (drawn on from the time without a new SGR) and no colour code is sent.
			if footer | grep -qF '1:00 this item' && ! footer | grep -qE "${ESC}\\[([0-9;]*;)?(3[0-7]|38;5)[;m]"; then
				echo "ok over-attribute-$tag"
			else
				echo "not ok over-attribute-$tag"; footer | cat -v
			fi
		elif [ "$over" != "$under" ] && printf '%s' "$over" | grep -q '31m'; then
			echo "ok over-colour-$tag"
		else
			echo "not ok over-colour-$tag: '$over' (under budget '$under')"; footer | cat -v
		fi
		expect "over-in-all-$tag" "/ 5:00 in all"
		keys Q q
		exited "quit-$tag" 0
	done
done
