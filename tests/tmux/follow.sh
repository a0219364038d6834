#!/bin/sh
# A walkthrough followed from a second terminal: two tmux sessions on one copy of the data, at 80x24,
# 120x40, 200x60 and 240x67. The follower waits for a presenter; the presenter presses P and takes
# three steps (forward, forward, back) and forward again, each slide shown by the follower in turn
# (its position, state and text); the presenter's footer counts "1 following"; a status set on the
# slide reaches the follower, with its line under "Decided in this meeting", and an undo takes both
# back; moving alone and P to follow again; the presenter quits and the
# follower waits again; a bad state file is said, never followed.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
printf 'rec_id,added,author\nSSR1-11,2026-11-23T10:00:00,chair\nSSR1-25,2026-11-23T10:00:00,chair\nSSR2-10.1,2026-11-23T10:00:00,chair\n' >"$DATA/agenda.csv"
RUN="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=tester $ABS_BIN"

# on NAME: the helpers of lib.sh act on that session
on() { SESSION=$1; }
open_two() { # COLS LINES
	tmx -f /dev/null new-session -d -s pres -x "$1" -y "$2" "$RUN $DATA; echo \$? >$TMP/exit-pres; sleep 30"
	tmx new-session -d -s foll -x "$1" -y "$2" "USER=viewer $RUN --follow $DATA; echo \$? >$TMP/exit-foll; sleep 30"
}
close_two() {
	tmx kill-session -t pres 2>/dev/null
	tmx kill-session -t foll 2>/dev/null
	sleep 0.3
}

for size in $SIZES; do
	set -- "$(cols_of $size)" "$(lines_of $size)"
	open_two "$1" "$2"
	on foll
	expect "waits-$1" "Waiting for a presenter in $DATA"
	on pres
	expect "list-$1" "SSR1-1 "
	keys P
	expect "asks-$1" "Present: a the agenda"
	keys a
	expect "first-$1" "1 / 3"
	on foll
	expect "follower-first-$1" "1 / 3"
	expect "follower-first-id-$1" "following tester@"
	if big_letters "$1" "$2"; then # the status word in block letters
		expect "follower-first-state-$1" "███ █  █    ███ ██  ███ ███ ██  ███ ███ ███"
	else
		expect "follower-first-state-$1" "in progress    Board: approved"
	fi
	on pres
	expect "one-following-$1" "1 following"
	keys Space
	on foll
	expect "follower-second-$1" "2 / 3"
	if big_letters "$1" "$2"; then
		expect "follower-second-state-$1" "███ ███ █   █ ███ █   ███ ███ ███"
	else
		expect "follower-second-state-$1" "complete    Board: approved"
	fi
	on pres
	keys Space
	on foll
	expect "follower-third-$1" "3 / 3"
	expect "follower-third-text-$1" "ICANN org should post a web page"
	on pres
	keys Left
	expect "presenter-back-$1" "2 / 3"
	on foll
	expect "follower-back-$1" "2 / 3"
	expect "follower-back-text-$1" "Risk Management"
	expect_not "follower-back-not-third-$1" "ICANN org should post a web page"
	on pres
	keys Space
	on foll
	expect "follower-third-again-$1" "3 / 3"
	# Moving alone, then P follows again.
	keys Left
	expect "alone-$1" "on your own: P follows tester again"
	expect "alone-at-second-$1" "2 / 3"
	keys P
	expect "refollows-$1" "3 / 3"
	expect_not "not-alone-$1" "on your own"
	# A status set on the presenter's slide reaches the follower (the data set is read again).
	if [ "$1" = 80 ]; then
		on pres
		keys c
		expect "status-prompt" "status of SSR2-10.1:"
		keys complete Enter
		wait_for "note for SSR2-10.1" || keys y
		expect "note-prompt" "note for SSR2-10.1"
		keys Enter
		expect "date-prompt" "date of the change"
		keys Enter
		expect "saved" "Saved: status of SSR2-10.1"
		on foll
		expect "follower-sees-status" "complete    Board: approved    priority P1"
		expect "follower-still-third" "3 / 3"
		# What the presenter's meeting decided shows on the follower's slide too, in the same words,
		# from the files the presenter's session wrote; an undo takes it off both.
		expect "follower-decided-heading" "Decided in this meeting  1 change"
		expect "follower-decided-line" "status: in progress → complete"
		on pres
		expect "presenter-decided-line" "status: in progress → complete"
		keys u
		expect "undone" "undid the status of SSR2-10.1"
		expect_not "presenter-undo-takes-line" "status: in progress → complete"
		on foll
		expect_not "follower-undo-takes-line" "status: in progress → complete"
		expect_not "follower-undo-takes-heading" "Decided in this meeting"
		expect "follower-sees-undo" "in progress    Board: approved    priority P1"
	fi
	on pres
	keys Escape Escape q
	expect "presenter-left-walk-$1" "SSR1-1 "
	on foll
	expect "waits-again-$1" "Waiting for a presenter in $DATA"
	expect "ended-$1" "has ended"
	[ ! -e "$DATA/.recview-present" ] && echo "ok state-removed-$1" || echo "not ok state-removed-$1"
	on pres
	keys Q
	expect "presenter-minutes-question-$1" "minutes not written"
	keys q
	i=0; while [ ! -s "$TMP/exit-pres" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(cat "$TMP/exit-pres" 2>/dev/null)" = 0 ] && echo "ok presenter-quit-$1" || echo "not ok presenter-quit-$1"
	on foll
	keys Q
	i=0; while [ ! -s "$TMP/exit-foll" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(cat "$TMP/exit-foll" 2>/dev/null)" = 0 ] && echo "ok follower-quit-$1" || echo "not ok follower-quit-$1"
	[ -z "$(ls -A "$DATA/.recview-follow" 2>/dev/null)" ] && echo "ok follower-file-removed-$1" ||
		echo "not ok follower-file-removed-$1"
	rm -f "$TMP/exit-pres" "$TMP/exit-foll"
	close_two
done

# The presenter's as-of date holds on the follower; a second presenter in the same directory is not
# shared (its footer says who presents), and the follower stays with the first.
tmx -f /dev/null new-session -d -s pres -x 80 -y 24 "$RUN --as-of 2021-01-01 $DATA; sleep 30"
tmx new-session -d -s foll -x 80 -y 24 "USER=viewer $RUN --follow $DATA; sleep 30"
on pres
expect "as-of-list" "as of 2021-01-01"
keys P a
expect "as-of-first" "1 / 3"
on foll
expect "follower-as-of" "as of 2021-01-01"
expect "follower-as-of-first" "1 / 3"
tmx new-session -d -s pres2 -x 80 -y 24 "USER=second $RUN $DATA; sleep 30"
on pres2
expect "second-list" "SSR1-1 "
keys P a
expect "second-not-shared" "not shared: tester@"
keys Space Space
expect "second-at-third" "3 / 3"
on foll
expect_not "follower-stays-with-first" "3 / 3"
expect "follower-still-first" "1 / 3"
for s in pres2 pres foll; do on $s; keys Q q; done
sleep 0.5
for s in pres2 pres foll; do tmx kill-session -t $s 2>/dev/null; done
[ ! -e "$DATA/.recview-present" ] && echo "ok state-removed-as-of" || echo "not ok state-removed-as-of"

# A state file that is not one: said, never followed; a good one written later is followed.
printf 'recview-present 1\npid 1\nhost ../../etc\n' >"$DATA/.recview-present"
tmx -f /dev/null new-session -d -s foll -x 80 -y 24 "USER=viewer $RUN --follow $DATA; sleep 30"
on foll
expect "bad-file-said" ".recview-present cannot be followed: line 3"
expect "bad-file-waits" "Waiting for a presenter"
rm -f "$DATA/.recview-present"
# A presenter gone without removing its file (a pid that is not running): waiting, not following.
sh -c 'exit 0' &
dead=$!
wait $dead
printf 'recview-present 1\npid %s\nhost %s\nuser ghost\nseq 1\nupdated %s\nas-of none\nat 0\nitems 1\nSSR1-11\nend\n' \
	"$dead" "$(uname -n | tr -c 'A-Za-z0-9._\n-' _)" "$(date +%s)" >"$DATA/.recview-present"
expect "stale-file-ended" "The walkthrough of ghost@"
expect_not "stale-not-followed" "1 / 1"
keys Q
tmx kill-session -t foll 2>/dev/null
exit 0
