#!/bin/sh
# The split in a real terminal: the page beside the list at 120x40 and 200x60, following the cursor;
# C-w and a mouse click give the page the keys; none at 80x24; under the list at 80x50; | hides it.
. tests/tmux/lib.sh
# No configuration of the user's: split = auto, the default.
START_ENV="XDG_CONFIG_HOME=$TMP/none"
# A mouse press and release at column x, row y (1-based), as xterm's SGR mouse mode sends them.
click() { keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"; }

start 120 40 --mouse --read-only data
expect side-list "✓ SSR1-1    approved     Publish remit"
expect side-page "│SSR1-1   ✓ complete   approved"
keys j j j
expect follows "│SSR1-4   ○ in progress   approved"
keys C-w
expect focus-page "[read-only] [page]"
keys j j G
expect page-moved-not-list "  4/91"
keys h
expect_not focus-list "[page]"
click 100 10
expect click-page "[read-only] [page]"
click 10 8
# The row first: a check for what is gone passes only once the click has been drawn.
expect click-list-row "  6/91"
expect_not click-list "[page]"
resize 200 60
expect wide "│SSR1-6   ✓ complete   approved"
resize 80 24
expect_not off-80x24 "│"
expect_not off-80x24-page "── SSR1-6"
resize 80 50
expect stacked "── SSR1-6 ──"
resize 120 40
keys '|'
expect hidden "Split off"
expect_not hidden-page "│SSR1-6"
keys '|'
expect shown "│SSR1-6   ✓ complete   approved"
keys Q
exited quit 0

# { and } keep the ratio in the configuration file at once (made when missing, other lines kept);
# the next start has it.
mkdir -p "$TMP/keep/recview"
printf '# mine\ntheme = dark\n' >"$TMP/keep/recview/config"
START_ENV="XDG_CONFIG_HOME=$TMP/keep"
start 200 60 --read-only data
expect keep-start "│SSR1-1"
keys '}'
expect keep-saved "split-ratio = 55 saved in $TMP/keep/recview/config"
if [ "$(cat "$TMP/keep/recview/config")" = "$(printf '# mine\ntheme = dark\nsplit-ratio = 55')" ]; then
	echo "ok keep-file"
else
	echo "not ok keep-file: $(cat "$TMP/keep/recview/config")"
fi
keys Q
exited keep-quit 0
start 200 60 --read-only data
expect keep-again "│SSR1-1"
keys '}'
expect keep-read-back "Split: list 60%"
keys Q
exited keep-quit-again 0
