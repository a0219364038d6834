#!/bin/sh
# A follower shows the presenter's walkthrough as of the presenter's date and the way the presenter
# treats what came later: tests/data/as-of-slide as of 2015-06-30 hides the note of 2026 on both
# screens; & on the presenter keeps it, dimmed and marked "[after 2015-06-30]", on the follower too
# (whose own setting is hide); & again hides it on both; at 80x24 and 240x67.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp tests/data/as-of-slide/*.csv "$DATA/"
CONF="XDG_CONFIG_HOME=$PWD/tests/data/config-big-text-off"
RUN="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color RECVIEW_CLOCK=0 $CONF USER=tester $ABS_BIN"

on() { SESSION=$1; }
for size in 80x24 240x67; do
	set -- "$(cols_of $size)" "$(lines_of $size)"
	tmx -f /dev/null new-session -d -s pres -x "$1" -y "$2" "$RUN --as-of 2015-06-30 $DATA; sleep 30"
	tmx new-session -d -s foll -x "$1" -y "$2" "USER=viewer $RUN --follow $DATA; sleep 30"
	on pres
	expect "list-$size" "AS-1"
	keys P
	expect "slide-$size" "1 / 1"
	on foll
	expect "follower-slide-$size" "1 / 1"
	expect "follower-as-of-$size" "as of 2015-06-30"
	expect "follower-then-$size" "Legal has the first draft."
	expect_not "follower-hides-$size" "Signed off today."
	on pres
	keys '&'
	expect "presenter-dims-$size" "Signed off today."
	on foll
	expect "follower-dims-$size" "Signed off today."
	expect "follower-marks-$size" "[after 2015-06-30]"
	on pres
	keys '&'
	expect_not "presenter-hides-again-$size" "Signed off today."
	on foll
	expect_not "follower-hides-again-$size" "Signed off today."
	tmx kill-session -t pres 2>/dev/null
	tmx kill-session -t foll 2>/dev/null
	sleep 0.3
done
