#!/bin/sh
# Command line: many problems of one kind are kept up to 1,000 per file and counted past that; --all keeps them all.
. tests/cli/lib.sh

mkdir -p "$TMP/dates"
printf 'id,title\nR-1,One\n' >"$TMP/dates/recommendations.csv"
awk 'BEGIN { print "rec_id,date"; for (i = 0; i < 1200; i++) print "R-1,2024-01-99" }' >"$TMP/dates/status_history.csv"

run many-dates 1 "$BIN" --check "$TMP/dates"
n=$(grep -c "bad date '2024-01-99'" "$TMP/err")
if [ "$n" -eq 1000 ]; then echo "ok many-dates-kept"; else echo "not ok many-dates-kept: $n lines"; fi
has many-dates-count err "status_history.csv: warning: … and 200 more like this"
has many-dates-last err "status_history.csv:1001:5: warning: bad date"
has many-dates-summary out "problems: 0 errors, 1200 warnings"

run all-dates 1 "$BIN" --check --all "$TMP/dates"
n=$(grep -c "bad date '2024-01-99'" "$TMP/err")
if [ "$n" -eq 1200 ]; then echo "ok all-dates-kept"; else echo "not ok all-dates-kept: $n lines"; fi
lacks all-dates-no-count err "more like this"

run all-without-check 2 "$BIN" --all --list "$TMP/dates"
has all-without-check-message err "--all goes with --check"

# Bad bytes: 10 of a kind per file listed, the others counted like any problem past its cap; --all
# lists all 50, each at its own column.
mkdir -p "$TMP/bytes"
# The header's é makes it a UTF-8 file with bad bytes (with none, it would be read as Windows-1252).
printf 'id,titl\303\251\n' >"$TMP/bytes/recommendations.csv"
awk 'BEGIN { for (i = 1; i <= 50; i++) printf "R-%d,bad \377 byte\n", i }' >>"$TMP/bytes/recommendations.csv"
run bytes-capped 1 "$BIN" --check "$TMP/bytes"
n=$(grep -c "invalid UTF-8 byte 0xFF" "$TMP/err")
if [ "$n" -eq 10 ]; then echo "ok bytes-ten-listed"; else echo "not ok bytes-ten-listed: $n lines"; fi
has bytes-count err "recommendations.csv: warning: … and 40 more like this"
has bytes-tenth err "recommendations.csv:11:10: warning: invalid UTF-8 byte 0xFF"
lacks bytes-no-old-summary err "not listed"
has bytes-summary out "problems: 0 errors, 50 warnings"

run bytes-all 1 "$BIN" --check --all "$TMP/bytes"
n=$(grep -c "invalid UTF-8 byte 0xFF" "$TMP/err")
if [ "$n" -eq 50 ]; then echo "ok bytes-all-listed"; else echo "not ok bytes-all-listed: $n lines"; fi
has bytes-all-last err "recommendations.csv:51:10: warning: invalid UTF-8 byte 0xFF"
lacks bytes-all-no-count err "more like this"
