#!/bin/sh
# The dashboard in a real terminal at 80x24, 120x40, 200x60 and 240x67, on tests/data/meeting (one
# recommendation of each status):
# - under --theme monochrome and under NO_COLOR=1: no colour is sent (capture-pane -e), the status
#   bar has one part per status, each in a fill pattern of its own, distinct from the others, in the
#   legend's order; the legend shows each pattern beside its glyph, word and count, never cut;
# - under --theme high-contrast: each part of the bar in a colour of its own (its own SGR);
# then the bundled data's SSR2 bar (█ complete, ▓ in progress, ▄ not started, ─ no status) and its
# legend wrapped at 80 columns, and the okabe-ito theme's xterm-256 colours.
. tests/tmux/lib.sh
START_ENV="XDG_CONFIG_HOME=$PWD/tests/data/config-split-off"
ESC=$(printf '\033')
STATUSES="complete|in progress|behind schedule|in planning|not started|unknown|no status"

# status_bar: the meeting review's status bar as drawn (the first of the dashboard: it has one
# review), with its SGR sequences, those before the label kept (they may set the first part's colour)
status_bar() {
	screen_e | grep -m1 -F 'status    ' | sed "s/^\(.*\)status    /\1@/; s/\(@[^ ]*\) .*/\1/; s/@//"
}
# legend_pattern WORD: the fill pattern the legend shows before WORD ("▒ ! behind schedule 1": ▒)
legend_pattern() {
	screen | grep -o "[^ ] \([^ ] \)\?$1 1" | head -1 | cut -d' ' -f1
}

# patterns NAME: each status's pattern, distinct, in the bar in the legend's order, the legend whole
patterns() {
	bar=$(status_bar | sed "s/${ESC}\[[0-9;]*m//g" | tr -d ' ')
	runs=$(printf '%s' "$bar" | grep -o . | uniq | tr -d '\n')
	want=""
	problems=""
	IFS='|'
	for word in $STATUSES; do
		p=$(legend_pattern "$word")
		[ -n "$p" ] || problems="$problems; the legend lacks '$word 1'"
		case $want in *"$p"*) problems="$problems; '$word' shares pattern $p" ;; esac
		want="$want$p"
	done
	unset IFS
	[ "$runs" = "$want" ] || problems="$problems; bar parts '$runs', legend patterns '$want'"
	screen | grep -qF '…' && problems="$problems; a legend cut short"
	if [ -z "$problems" ]; then echo "ok $1"; else echo "not ok $1$problems"; screen | sed 's/^/  | /'; fi
}

# no_colour NAME: capture-pane -e shows no foreground or background colour
no_colour() {
	if screen_e | grep -qE "${ESC}\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]"; then
		echo "not ok $1"; screen_e | grep -E "${ESC}\\[([0-9;]*;)?(3[0-7]|38;5)[;m]" | head -3 | cat -v
	else
		echo "ok $1"
	fi
}

# colours NAME: each part of the status bar starts with an SGR of its own colour, and no part
# shares its colour with another (two parts in one colour would be drawn under one SGR)
colours() {
	# One line per SGR sequence and the cells drawn under it.
	parts=$(status_bar | tr -d ' ' | sed "s/${ESC}\[/\n&/g" | grep -v '^$')
	seen="" problems="" n=0
	for line in $(printf '%s\n' "$parts" | sed "s/${ESC}\[\([0-9;]*\)m/\1:/"); do
		code=${line%%:*}
		cells=${line#*:}
		[ -n "$cells" ] || continue
		colour=$(printf '%s' "$code" | tr ';' '\n' | grep -E '^3[0-7]$' | tail -1)
		kinds=$(printf '%s' "$cells" | grep -o . | sort -u | wc -l)
		n=$((n + 1))
		[ "$kinds" -eq 1 ] || problems="$problems; $kinds parts in one colour ($cells)"
		[ -n "$colour" ] || problems="$problems; a part without a colour of its own ($cells)"
		case " $seen " in *" $colour "*) problems="$problems; colour $colour twice" ;; esac
		seen="$seen $colour"
	done
	[ "$n" -eq 7 ] || problems="$problems; $n coloured parts, wanted 7"
	if [ -z "$problems" ]; then echo "ok $1 ($seen)"; else echo "not ok $1$problems"; status_bar | cat -v; fi
}

for size in $SIZES; do
	c=$(cols_of $size) l=$(lines_of $size)
	for mode in monochrome nocolour; do
		if [ $mode = monochrome ]; then
			start "$c" "$l" --read-only --theme monochrome tests/data/meeting
		else
			START_ENV="$START_ENV NO_COLOR=1" start "$c" "$l" --read-only tests/data/meeting
		fi
		expect "list-$mode-$size" "MT-1"
		keys D
		expect "dashboard-$mode-$size" "MT  7 recommendations"
		patterns "patterns-$mode-$size"
		no_colour "no-colour-$mode-$size"
		keys Q
		exited "quit-$mode-$size" 0
	done
	start "$c" "$l" --read-only --theme high-contrast tests/data/meeting
	expect "list-high-contrast-$size" "MT-1"
	keys D
	expect "dashboard-high-contrast-$size" "MT  7 recommendations"
	colours "colours-high-contrast-$size"
	patterns "patterns-high-contrast-$size"
	keys Q
	exited "quit-high-contrast-$size" 0
done

# segments NAME: the second review's status bar (SSR2) holds each of the four patterns, in order.
segments() {
	bar=$(screen | grep '^    status ' | sed -n 2p)
	if printf '%s\n' "$bar" | grep -q '█▓*▓▄*▄─*─  '; then
		echo "ok $1"
	else
		echo "not ok $1: SSR2's bar lacks distinct parts: $bar"
		screen | sed 's/^/  | /'
	fi
}

start 80 24 --read-only --theme monochrome data
keys D
expect dashboard-80 "SSR2  63 recommendations"
segments segments-80x24
expect legend-pattern-80 "▓ ○ in progress 5"
expect legend-wrapped-80 "▄ · not started 7  ─ no status 49"
expect_not legend-not-cut-80 "not start…"
resize 200 60
expect legend-one-line-200 "█ ✓ complete 2  ▓ ○ in progress 5  ▄ · not started 7  ─ no status 49"
segments segments-200x60
keys q
start 200 60 --read-only --theme monochrome data
keys D
expect dashboard-200 "SSR2  63 recommendations"
segments segments-200x60-start
expect topics-grouped-200 "spellings"
keys Q
exited quit 0

# okabe-ito on a 256-colour terminal: complete in bluish green (xterm 35), in progress in sky
# blue (74), not started in yellow (221).
start 80 24 --read-only --theme okabe-ito data
keys D
expect dashboard-okabe-ito "SSR2  63 recommendations"
for c in 35 74 221; do
	if tmx capture-pane -e -p -t "$SESSION" | grep -q "38;5;${c}m"; then
		echo "ok okabe-ito-colour-$c"
	else
		echo "not ok okabe-ito-colour-$c: no xterm colour $c on the dashboard"
	fi
done
keys Q
exited okabe-ito-quit 0
