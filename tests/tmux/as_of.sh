#!/bin/sh
# A change dated back with the triage keys keeps its place, at 80x24, 120x40, 200x60 and 240x67:
# SSR1-25 set to "behind schedule" on 2015-01-01 stays complete (its 2016-03-31 entry) in the page,
# the list and the walkthrough's slide, the entry sits below the 2016 one in the history (date order,
# newest first), and as of 2015-06-30 it is the state in force.
. tests/tmux/lib.sh
START_ENV="USER=tester RECVIEW_NOW=2026-11-23T14:05:00 RECVIEW_CLOCK=0 XDG_CONFIG_HOME=$(pwd)/tests/data/config-big-text-off"

for size in $SIZES; do
	tag=$size
	DATA="$TMP/data-$tag"
	mkdir "$DATA"
	cp data/*.csv "$DATA/"
	start "$(cols_of $size)" "$(lines_of $size)" "$DATA"
	expect "$tag-start" "SSR1-1"
	keys ':' 'SSR1-25' Enter
	expect "$tag-opened" "SSR1-25   ✓ complete"
	keys c
	expect "$tag-status-prompt" "status of SSR1-25:"
	keys 'behind schedule' Enter
	expect "$tag-note-prompt" "note for SSR1-25 (optional):"
	keys 'late, recorded now' Enter
	expect "$tag-date-prompt" "date of the change: 2026-11-23"
	keys C-u '2015-01-01' Enter
	expect "$tag-saved" "Saved: status of SSR1-25"
	expect "$tag-page-still-complete" "SSR1-25   ✓ complete"
	keys G
	expect "$tag-history" "2015-01-01  ! behind schedule"
	# Its place: below the 2016 entry (in force) and above the 2014 one, the page read from its top.
	keys g
	check "$tag-page-top" wait_top
	check "$tag-page-read" read_page "$TMP/page"
	newer=$(grep -m1 -nF '2016-03-31  ✓ complete' "$TMP/page" | cut -d: -f1)
	below=$(grep -m1 -nF '2015-01-01  ! behind schedule' "$TMP/page" | cut -d: -f1)
	older=$(grep -m1 -nF '2014-03-18  ○ in progress' "$TMP/page" | cut -d: -f1)
	if [ -n "$newer" ] && [ -n "$below" ] && [ -n "$older" ] && [ "$newer" -lt "$below" ] && [ "$below" -lt "$older" ]; then
		echo "ok $tag-history-order"
	else
		echo "not ok $tag-history-order: lines $newer $below $older"; sed 's/^/  | /' "$TMP/page"
	fi
	keys h f 'id:SSR1-25' Enter
	expect "$tag-list-complete" "✓ SSR1-25"
	expect "$tag-list-changed" "2016-03-31"
	# The walkthrough of the filtered list: its one slide has the 2016 entry in force.
	keys P
	expect "$tag-slide" "1 / 1"
	check "$tag-slide-read" read_slide "$TMP/slide"
	# "behind schedule" only where the slide says what this meeting decided ("complete → behind schedule").
	if grep -qF '✓ complete    Board: approved' "$TMP/slide" && grep -qF '2016-03-31' "$TMP/slide" &&
		! grep -F 'behind schedule' "$TMP/slide" | grep -qvF '→ behind schedule'; then
		echo "ok $tag-slide-complete"
	else
		echo "not ok $tag-slide-complete"; sed 's/^/  | /' "$TMP/slide"
	fi
	keys Q
	expect "$tag-minutes-question" "minutes not written"
	keys q
	exited "$tag-quit" 0
	start "$(cols_of $size)" "$(lines_of $size)" --as-of 2015-06-30 "$DATA"
	keys ':' 'SSR1-25' Enter
	expect "$tag-as-of-page" "SSR1-25   ! behind schedule"
	expect "$tag-as-of-title" "as of 2015-06-30"
	expect_not "$tag-as-of-no-2016" "2016-03-31"
	keys Q
	exited "$tag-as-of-quit" 0
done
