#!/bin/sh
# The terminal done right: mouse, suspend and resume, signals, NO_COLOR, an ASCII locale, hostile text.
. tests/tmux/lib.sh
ESC=$(printf '\033')

# Mouse (with --mouse): a click selects, a double click opens, the wheel scrolls.
start 100 30 --mouse --read-only data
expect mouse-start "SSR1-1 "
keys -l "${ESC}[<0;10;8M${ESC}[<0;10;8m"
expect mouse-click " 6/91"
keys -l "${ESC}[<65;10;8M"
expect mouse-wheel-down " 9/91"
keys -l "${ESC}[<64;10;8M"
expect mouse-wheel-up " 6/91"
keys -l "${ESC}[<0;10;5M${ESC}[<0;10;5m${ESC}[<0;10;5M${ESC}[<0;10;5m"
expect mouse-double-click "Recommendations › SSR1-3"
keys Q
exited mouse-quit 0

# Without --mouse, mouse reports are not taken (copy and paste stays with the terminal).
start 100 30 --read-only data
keys -l "${ESC}[<0;10;8M${ESC}[<0;10;8m"
expect_not no-mouse-by-default " 6/91"
keys Q

# Ctrl-Z in an interactive shell: the shell comes back, fg resumes with the screen as it was.
start_command 100 30 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color PS1='shell$ ' bash --norc -i"
wait_for 'shell$'
keys "$ABS_BIN --read-only data" Enter
expect before-suspend "SSR1-1 "
keys j j j
expect moved " 4/91"
keys C-z
expect suspended "Stopped"
keys "fg" Enter
expect resumed " 4/91"
keys Q
expect shell-back 'shell$'

# SIGTERM: clean exit, terminal restored.
start 100 30 --read-only data
expect term-start "Recommendations"
pkill -TERM -f "^$ABS_BIN --read-only data"
exited sigterm 143

# NO_COLOR: attributes only, no colour escape in what the terminal received.
START_ENV=NO_COLOR=1 start 100 30 --read-only data
expect nocolor-start "SSR1-1 "
if tmx capture-pane -e -p -t "$SESSION" | grep -qE "${ESC}\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]"; then
	echo "not ok no-color: colour escapes on screen"
else
	echo "ok no-color"
fi
keys Q
start 100 30 --read-only data
expect color-start "SSR1-1 "
if tmx capture-pane -e -p -t "$SESSION" | grep -qE "${ESC}\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]"; then
	echo "ok color-by-default"
else
	echo "not ok color-by-default: no colour escapes"
fi
keys Q

# An ASCII locale: glyphs and separators fall back to ASCII, other characters to '?'.
START_ENV="LANG=C LC_ALL=C" start 100 30 --read-only data
expect ascii-glyph "+ SSR1-1 "
expect ascii-progress "o SSR1-4 "
keys j j j j j j j j j j Enter
expect ascii-crumb "Recommendations > SSR1-11"
keys Q

# Hostile text: the window title does not change, nothing leaks onto the screen as a sequence.
start 100 30 --read-only tests/data/hostile
expect hostile-start "H-1"
keys Enter
expect hostile-visible "^[]2;pwned^GTitle"
title=$(tmx display-message -p -t "$SESSION" '#{pane_title}')
case $title in *pwned*) echo "not ok hostile-title: $title" ;; *) echo "ok hostile-title" ;; esac
expect hostile-bidi "<U+202E> override"
keys Q
exited hostile-quit 0
