#!/bin/sh
# The walkthrough's overview in a real terminal, at 80x24, 120x40, 200x60 and 240x67: = on the slide
# lists every item with the one on the slide marked, Enter on another puts the walkthrough on it, q
# leaves the overview with the walkthrough where it was.
. tests/tmux/lib.sh
START_ENV="RECVIEW_CLOCK=0 XDG_CONFIG_HOME=$PWD/tests/data/config-split-off"
for size in $SIZES; do
	set -- "$(cols_of $size)" "$(lines_of $size)"
	start "$1" "$2" --read-only data
	expect "list-$1" "SSR1-1 "
	keys P Space Space
	expect "third-$1" "3 / 91"
	keys =
	expect "overview-$1" "Overview (91)"
	expect "marked-$1" "▶   3. SSR1-3"
	keys j j Enter
	expect "jumped-$1" "5 / 91"
	expect "jumped-slide-$1" "ICANN should use the definition of its SSR relationships"
	keys =
	expect "overview-again-$1" "▶   5. SSR1-5"
	keys q
	expect "back-unchanged-$1" "5 / 91"
	keys Q q
	exited "quit-$1" 0
done
