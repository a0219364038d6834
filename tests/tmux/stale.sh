#!/bin/sh
# Pages on the back and forward stacks follow a change: open a page, go back, change its status from
# the list, go forward: the page shows the new status (it was built before the change). The same for
# the as-of date: leaving it shows the present again on every page.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
START_ENV="USER=tester RECVIEW_NOW=2026-11-23T14:05:00"

start 120 40 "$DATA"
expect start "SSR1-11"
keys f 'SSR2-5.4' Enter
expect filtered "SSR2-5.4"
keys Enter
expect page "SSR2-5.4   · not started"
keys BSpace
expect back-in-list "Recommendations"
keys c
expect status-prompt "status of SSR2-5.4:"
keys 'in prog' Tab Enter Enter Enter
expect saved "Saved: status of SSR2-5.4 is now in progress"
expect list-updated "○ SSR2-5.4"
keys L
expect forward-page-updated "SSR2-5.4   ○ in progress"
expect forward-history "2026-11-23  ○ in progress"
# As of a date before the change, then back to now: the page reads the present again.
keys @ C-u '2022-07-01' Enter
expect as-of-page "SSR2-5.4   · not started"
keys BSpace
expect as-of-list "· SSR2-5.4"
keys @ C-u Enter
expect now-list "○ SSR2-5.4"
keys L
expect now-page "SSR2-5.4   ○ in progress"
keys Q
exited quit 0
