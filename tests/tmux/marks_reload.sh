#!/bin/sh
# Marks and the jump list remember what a place is about (a recommendation by its id), not a line
# number: after another reviewer adds SSR1-11a, which sorts before SSR1-12, a mark set on SSR1-12
# (its page, its row in the list) still returns to SSR1-12; one whose recommendation went away says so.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"

START_ENV="USER=dan RECVIEW_NOW=2026-11-23T14:05:00"
start 100 30 "$DATA"
expect start "SSR1-11"
keys ':' 'SSR1-12' Enter
expect page "Recommendations › SSR1-12"
keys b a h
i=0
while [ $i -lt 11 ]; do keys j; i=$((i + 1)); done
expect list-on-12 "12/91"
keys b b k k k
expect list-moved "9/91"

# Someone else's program adds a recommendation that sorts before SSR1-12.
printf 'SSR1-11a,SSR1,11a,Added topic,Added by another reviewer,"A row another reviewer added.",approved,,,,,,,,,,\n' \
	>>"$DATA/recommendations.csv"
expect reloaded "9/92"
expect told "SSR1-11a added"
keys "'" b
expect list-mark-kept "13/92"
keys "'" a
expect page-mark-kept "Recommendations › SSR1-12"
expect_not page-mark-not-moved "Recommendations › SSR1-11a"
# C-o goes back through the jump list to the list's row, found again by its id too.
keys C-o
expect jump-back "13/92"

# A mark on SSR1-28's page, then SSR1-28 is renamed on disk: the mark says it is gone.
keys ':' 'SSR1-28' Enter
expect page-28 "Recommendations › SSR1-28"
keys b c h
sed 's/^SSR1-28,/SSR1-28x,/' "$DATA/recommendations.csv" >"$TMP/renamed.csv"
mv "$TMP/renamed.csv" "$DATA/recommendations.csv"
expect renamed "SSR1-28x"
keys "'" c
expect gone "That place is gone"
keys q
exited quit 0
