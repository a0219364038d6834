#!/bin/sh
# The dashboard in a real terminal under --theme monochrome, at 80x24 and 200x60: SSR2's status bar
# has a part of its own pattern per status (█ complete, ▓ in progress, ▄ not started, ─ no status),
# the legend shows each pattern beside its word and is never cut ("· not start" at 80 columns before
# legends wrapped). Then the okabe-ito theme's xterm-256 colours.
. tests/tmux/lib.sh
START_ENV="XDG_CONFIG_HOME=$PWD/tests/data/config-split-off"

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
