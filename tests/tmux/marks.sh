#!/bin/sh
# A title with 500,000 combining marks draws as one character and its count, and keys stay quick.
. tests/tmux/lib.sh

mkdir -p "$TMP/marks"
awk 'BEGIN {
	printf "id,title,status\nR-1,\"a";
	for (i = 0; i < 500000; i++) printf "\xCC\x8A";
	printf " tail\",complete\nR-2,Plain title,complete\n";
}' >"$TMP/marks/recommendations.csv"

start 100 24 --read-only "$TMP/marks"
expect marks-list "<+499992 marks> tail"
expect marks-plain "Plain title"
# 60 moves, then Enter: the page shows within the wait only if each redraw is quick (0.3 s each before).
i=0
while [ $i -lt 30 ]; do keys j k; i=$((i + 1)); done
keys Enter
expect marks-page "Recommendations › R-1"
expect marks-page-title "<+499992 marks> tail"
keys q
expect marks-back "Plain title"
keys q
exited marks-quit 0
