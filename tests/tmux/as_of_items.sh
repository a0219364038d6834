#!/bin/sh
# A deliverable's status changed today (changes.csv) is not there as of 2015-06-30, at 80x24, 120x40,
# 200x60 and 240x67: SSR1-11's first deliverable, set complete on 2026-12-02, reads "3 done" on the
# page, has no status on its own page and does not count in the dashboard's done deliverables; &
# shows it dimmed with "after 2015-06-30"; without --as-of it is done everywhere.
. tests/tmux/lib.sh
START_ENV="USER=tester RECVIEW_NOW=2026-12-02T12:00:00 XDG_CONFIG_HOME=$(pwd)/tests/data/config-split-off"
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
RECVIEW_NOW=2026-12-02T10:00:00 USER=tester "$BIN" -C "$DATA" set SSR1-11/D1 status=complete >/dev/null 2>&1
if grep -qF 'SSR1-11,D1,status,complete,,2026-12-02T10:00:00,tester,' "$DATA/changes.csv"; then
	echo "ok set-today"
else
	echo "not ok set-today"; cat "$DATA/changes.csv"
fi

for size in $SIZES; do
	tag=$size
	start "$(cols_of $size)" "$(lines_of $size)" --as-of 2015-06-30 "$DATA"
	expect "$tag-start" "as of 2015-06-30"
	keys ':' 'SSR1-11' Enter / 'Deliverables (4' Enter
	expect "$tag-page-then" "Deliverables (4, 3 done)"
	expect_not "$tag-page-then-not-4" "Deliverables (4, 4 done)"
	keys d Enter
	expect "$tag-item-then" "Due         2015-10"
	expect_not "$tag-item-then-no-status" "Status      complete"
	keys '&'
	expect "$tag-item-dim" "after 2015-06-30: complete"
	keys '&' h h D
	expect "$tag-dashboard-then" "overdue   0 of 78 deliverables, 70 done"
	keys Q
	exited "$tag-then-quit" 0
	start "$(cols_of $size)" "$(lines_of $size)" "$DATA"
	keys ':' 'SSR1-11' Enter / 'Deliverables (4' Enter
	expect "$tag-page-now" "Deliverables (4, 4 done)"
	keys D
	expect "$tag-dashboard-now" "overdue   7 of 78 deliverables, 71 done"
	keys Q
	exited "$tag-now-quit" 0
done
