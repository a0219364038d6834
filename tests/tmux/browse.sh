#!/bin/sh
# The browser in a real terminal: open, navigate, back, resize, tiny terminal, quit.
. tests/tmux/lib.sh
# The list's own columns at 120 (Topic): the list keeps the whole width (split = off; tests/tmux/split.sh
# has the split).
START_ENV="XDG_CONFIG_HOME=$(pwd)/tests/data/config-split-off"

start 120 40 --read-only data
expect list-title "Recommendations"
expect list-row "SSR1-11   approved"
expect list-topic "Topic"
keys j j j j j j j j j j Enter
expect rec-page "Recommendations › SSR1-11"
expect rec-status "SSR1-11   ○ in progress   approved"
expect rec-text "ICANN should finalize and implement measures of success"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Enter
expect question-page "Question 11.4"
expect question-link "SSR1-11  Effectiveness of mechanisms to mitigate abuse"
keys BSpace
expect back-to-rec "Recommendations › SSR1-11 "
keys h
expect back-to-list " Recommendations  "
expect cursor-restored "11/91"

# Resize from 200x60 down to 40x10 and back: the screen follows every time.
resize 200 60
expect wide "Changed"
resize 40 10
expect narrow "SSR1-11"
expect_not narrow-no-topic "Topic"
resize 20 5
expect tiny "terminal too small"
resize 120 40
expect restored "Title or text"

keys '?'
expect help "Open the selected item"
expect help-keys "Enter, l, Right"
keys q
expect help-closed " Recommendations  "
keys q
exited quit 0

# Ctrl-C restores the terminal and exits.
start 80 24 --read-only data
expect sigint-start "SSR1-1 "
keys C-c
exited sigint 130
