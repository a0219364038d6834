#!/bin/sh
# As of a date in the walkthrough, at 80x24, 120x40, 200x60 and 240x67: with --as-of 2015-06-30, P and
# : to SSR1-25, neither the slide (read to its end with j) nor the recommendation's page (Enter, read
# to its end) shows the 2016-03-31 entry that made it complete: its status then is in progress, and
# the slide's head and the page's title bar name the date in force.
. tests/tmux/lib.sh
START_ENV="RECVIEW_CLOCK=0 XDG_CONFIG_HOME=$PWD/tests/data/config-big-text-off"

# lacks NAME FILE TEXT / lacks_word NAME FILE WORD: FILE (the screens read) has no TEXT / WORD
lacks() {
	if grep -qF -- "$3" "$2"; then echo "not ok $1: shows $3"; grep -F -- "$3" "$2" | sed 's/^/  | /'; else echo "ok $1"; fi
}
lacks_word() {
	if grep -qw -- "$3" "$2"; then echo "not ok $1: shows $3"; grep -w -- "$3" "$2" | sed 's/^/  | /'; else echo "ok $1"; fi
}
has() {
	if grep -qF -- "$3" "$2"; then echo "ok $1"; else echo "not ok $1: lacks $3"; sed 's/^/  | /' "$2"; fi
}

for size in $SIZES; do
	start "$(cols_of $size)" "$(lines_of $size)" --read-only --as-of 2015-06-30 data
	expect "list-$size" "as of 2015-06-30"
	keys P
	expect "walk-$size" "1 / 91"
	keys : SSR1-25 Enter
	expect "at-ssr1-25-$size" "25 / 91"
	check "slide-read-$size" read_slide "$TMP/slide"
	has "slide-head-as-of-$size" "$TMP/slide" "as of 2015-06-30"
	has "slide-in-progress-$size" "$TMP/slide" "○ in progress    Board: approved"
	has "slide-latest-2014-$size" "$TMP/slide" "2014-03-18"
	lacks "slide-no-2016-$size" "$TMP/slide" "2016"
	lacks "slide-no-2016-text-$size" "$TMP/slide" "This recommendation is complete"
	lacks_word "slide-no-complete-$size" "$TMP/slide" "complete"
	keys Enter
	expect "page-$size" "Walkthrough 25/91 › SSR1-25"
	check "page-read-$size" read_page "$TMP/page"
	has "page-title-as-of-$size" "$TMP/page" "as of 2015-06-30"
	has "page-in-progress-$size" "$TMP/page" "Status        in progress (from the status history)"
	has "page-hidden-said-$size" "$TMP/page" "1 after 2015-06-30 hidden"
	lacks "page-no-2016-$size" "$TMP/page" "2016-03-31"
	lacks "page-no-2016-text-$size" "$TMP/page" "This recommendation is complete"
	lacks "page-not-complete-$size" "$TMP/page" "✓ complete"
	keys BSpace
	expect "back-$size" "25 / 91"
	keys Q
	expect "minutes-question-$size" "minutes not written"
	keys q
	exited "quit-$size" 0
done
