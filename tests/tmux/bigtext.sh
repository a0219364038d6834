#!/bin/sh
# Big text on the slide (bigtext_ui.h): OSC 66 is written only after the terminal answered the probe
# positively. recview runs under tests/tmux/ptyshim.c, a pty between tmux and it that records all it
# writes; with -a the shim answers the cursor position requests as a terminal with the kitty text
# sizing protocol would (the scaled space moves the cursor 2 columns), without it tmux answers
# itself (the cursor never moved: no). Keys typed while the replies are read (-k) are not lost;
# replies that come after the wait (-d) are never read as keys; a hostile title is sanitised inside
# OSC 66; big-text = off asks nothing and writes no OSC 66; big-text = kitty writes it without asking.
. tests/tmux/lib.sh
SHIM="$TMP/ptyshim"
if ! ${CC:-cc} -std=c11 -O2 -o "$SHIM" tests/tmux/ptyshim.c -lutil 2>"$TMP/cc.err"; then
	echo "not ok build-ptyshim"; cat "$TMP/cc.err"; exit 0
fi
CFG=$(pwd)/tests/data
RUN=0

# shim COLS LINES CONFIG SHIM-OPTIONS [DATA]: recview on DATA (the bundled data set) read-only under
# the shim; its output is recorded in $REC.
shim() {
	RUN=$((RUN + 1))
	REC="$TMP/rec-$RUN"
	EXIT_FILE="$TMP/exit-$RUN"
	start_command "$1" "$2" "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=tester XDG_CONFIG_HOME=$CFG/$3 $SHIM $4 -o $REC -- $ABS_BIN --read-only ${5:-$(pwd)/data}; echo \$? >$EXIT_FILE; sleep 30"
}

# The recording with each ESC starting a line: "]66;s=3;SSR1-2" is the OSC 66 of the id.
lines_of() { tr '\033' '\n' <"$REC"; }
has() { # NAME LINE: the recording has LINE (after an ESC)
	if lines_of | grep -qxF -- "$2"; then echo "ok $1"; else echo "not ok $1: no ESC$2 written"; fi
}
count_osc66() { lines_of | grep -c '^]66;'; }
count_is() { # NAME WANT GOT
	if [ "$3" = "$2" ]; then echo "ok $1"; else echo "not ok $1: $3, wanted $2"; fi
}
quit() { keys Q; sleep 0.3; keys q; exited "$1" 0; }

# --- a terminal with the protocol: P and Right typed during the probe open the walkthrough on item 2
shim 200 60 config-split-off "-a -k P\\\\e[C"
expect "positive-typed-keys-kept" "2 / 91"
has "positive-probe-sent" "]66;s=2; "
has "positive-id-scale-3" "]66;s=3;SSR1-2"
has "positive-status-scale-3" "]66;s=3;✓ complete"
has "positive-title-scale-3" "]66;s=3;Review remit"
# tmux shows nothing of OSC 66: the rows left for it are blank, no block letters, no id as text.
expect_not "positive-no-block-letters" "███"
expect_not "positive-rows-left-blank" "SSR1-2"
expect "positive-state-line" "Board: approved"
keys Right
expect "positive-next" "3 / 91"
has "positive-next-id" "]66;s=3;SSR1-3"
has "positive-title-two-lines-1" "]66;s=3;Consistent terminology and"
has "positive-title-two-lines-2" "]66;s=3;descriptions"
# The old slide's big text is cleared (the screen cleared and drawn again) before the new one is written.
if lines_of | awk '/^\]66;s=3;SSR1-2$/ { last2 = NR } /^\[2J$/ { if (last2) clear = NR } /^\]66;s=3;SSR1-3$/ && !first3 { first3 = NR }
	END { exit !(last2 && clear > last2 && first3 > clear) }'; then
	echo "ok positive-old-big-text-cleared"
else
	echo "not ok positive-old-big-text-cleared"
fi
resize 100 30
expect "positive-resized" "3 / 91"
sleep 0.5
has "positive-small-screen-scale-2" "]66;s=2;SSR1-3"
quit "positive-quit"

# --- a hostile data set: its title's escape sequences are made visible, never sent inside OSC 66
shim 200 60 config-split-off "-a" "$(pwd)/tests/data/hostile"
expect "hostile-list" "H-1"
keys P
expect "hostile-walkthrough" "1 / "
has "hostile-title-sanitised" "]66;s=3;^[]2;pwned^GTitle"
# Each OSC 66 runs to its own terminator: no ESC or BEL from the data inside it.
if lines_of | awk '/^\]66;/ { open = 1; if (index($0, "\007")) bad = 1; next } open { if (substr($0, 1, 1) != "\\") bad = 1; open = 0 }
	END { exit bad }'; then echo "ok hostile-osc66-whole"; else echo "not ok hostile-osc66-whole"; fi
if lines_of | grep -q '^\]2;pwned'; then echo "not ok hostile-no-raw-osc"; else echo "ok hostile-no-raw-osc"; fi
quit "hostile-quit"

# --- directly in tmux: it answers the cursor position itself, the cursor never moved
shim 200 60 config-split-off "-k P\\\\e[C"
expect "direct-typed-keys-kept" "2 / 91"
expect "direct-block-letters" "███"
count_is "direct-only-the-probe" 1 "$(count_osc66)"
has "direct-probe-was-sent" "]66;s=2; "
quit "direct-quit"

# --- the replies come after recview stopped waiting: negative, and no reply is read as keys
shim 200 60 config-split-off "-a -d 700 -k P\\\\e[C"
expect "late-typed-keys-kept" "2 / 91"
expect "late-block-letters" "███"
sleep 1.5 # the late replies have all come
expect_not "late-no-help-opened" "Keys of the"
expect_not "late-no-reply-as-keys" "1;3R"
expect "late-still-on-item-2" "2 / 91"
count_is "late-only-the-probe" 1 "$(count_osc66)"
quit "late-quit"

# --- big-text = off: nothing asked, nothing written, the id as text
shim 200 60 config-big-text-off "-a"
expect "off-list" "SSR1-1 "
keys P
expect "off-walkthrough" "1 / 91"
expect "off-id-as-text" "SSR1-1"
count_is "off-no-osc66" 0 "$(count_osc66)"
quit "off-quit"

# --- big-text = kitty: OSC 66 without asking
shim 200 60 config-big-text-kitty ""
expect "kitty-list" "SSR1-1 "
keys P
expect "kitty-walkthrough" "1 / 91"
has "kitty-id" "]66;s=3;SSR1-1"
if lines_of | grep -q '^\[6n$'; then echo "not ok kitty-not-asked"; else echo "ok kitty-not-asked"; fi
quit "kitty-quit"
