#!/bin/sh
# A change dated back with the triage keys keeps its place: at 80x24 and 200x60, SSR1-25 set to
# "behind schedule" on 2015-01-01 stays complete (its 2016-03-31 entry) in the page and the list,
# the entry sits below the 2016 one in the history, and as of 2015-06-30 it is the state in force.
. tests/tmux/lib.sh
START_ENV="USER=tester RECVIEW_NOW=2026-11-23T14:05:00 XDG_CONFIG_HOME=$(pwd)/tests/data/config-split-off"

for size in "80 24" "200 60"; do
	tag=$(echo "$size" | tr ' ' x)
	DATA="$TMP/data-$tag"
	mkdir "$DATA"
	cp data/*.csv "$DATA/"
	# shellcheck disable=SC2086
	start $size "$DATA"
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
	# Its place: below the 2016 entry (in force) and above the 2014 one.
	screen >"$TMP/screen"
	below=$(grep -nF '2015-01-01  ! behind schedule' "$TMP/screen" | cut -d: -f1)
	older=$(grep -nF '2014-03-18  ○ in progress' "$TMP/screen" | cut -d: -f1)
	if [ -n "$below" ] && [ -n "$older" ] && [ "$below" -lt "$older" ]; then
		echo "ok $tag-history-order"
	else
		echo "not ok $tag-history-order"; sed 's/^/  | /' "$TMP/screen"
	fi
	keys h f 'id:SSR1-25' Enter
	expect "$tag-list-complete" "✓ SSR1-25"
	expect "$tag-list-changed" "2016-03-31"
	keys Q
	exited "$tag-quit" 0
	# shellcheck disable=SC2086
	start $size --as-of 2015-06-30 "$DATA"
	keys ':' 'SSR1-25' Enter
	expect "$tag-as-of-page" "SSR1-25   ! behind schedule"
	expect "$tag-as-of-title" "as of 2015-06-30"
	expect_not "$tag-as-of-no-2016" "2016-03-31"
	keys Q
	exited "$tag-as-of-quit" 0
done
