#!/bin/sh
# The walkthrough under --theme high-contrast (made for projectors) at 80x24, 120x40, 200x60 and
# 240x67, through tests/data/meeting's seven recommendations (P l: the list, one of each status):
# each slide's status is in a colour of its own (capture-pane -e: the colour in force where its word
# is drawn), no two statuses alike, "no status recorded" included. Big text is off (the state line's
# words are read; tests/tmux/bigtext.sh and the screen scripts see the block letters).
. tests/tmux/lib.sh
START_ENV="RECVIEW_CLOCK=0 XDG_CONFIG_HOME=$PWD/tests/data/config-big-text-off"
ESC=$(printf '\033')

# colour_at WORD: the foreground colour (SGR 30-37) in force where the slide's state line ("○ in
# progress    Board: approved") shows WORD
colour_at() {
	line=$(screen_e | grep -m1 -F "    Board: ")
	before=${line%%"$1"*}
	[ "$before" != "$line" ] || return 0
	printf '%s' "$before" | grep -o "${ESC}\[[0-9;]*m" | tr -d "${ESC}[m" | tr ';' '\n' | grep -E '^3[0-7]$' | tail -1
}

for size in $SIZES; do
	start "$(cols_of $size)" "$(lines_of $size)" --read-only --theme high-contrast tests/data/meeting
	expect "list-$size" "MT-1"
	keys P l
	seen="" problems="" at=1
	for word in complete "in progress" "behind schedule" "in planning" "not started" unknown "no status recorded"; do
		expect "slide-$at-$size" "$at / 7"
		expect "slide-$at-state-$size" "$word    Board: "
		c=$(colour_at "$word")
		[ -n "$c" ] || problems="$problems; '$word' has no colour"
		case " $seen " in *" $c "*) problems="$problems; '$word' in colour $c as another status" ;; esac
		seen="$seen $c"
		keys Space
		at=$((at + 1))
	done
	if [ -z "$problems" ]; then echo "ok status-colours-$size ($seen)"; else echo "not ok status-colours-$size$problems"; fi
	keys q Q
	expect "minutes-question-$size" "minutes not written"
	keys q
	exited "quit-$size" 0
done
