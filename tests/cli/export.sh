#!/bin/sh
# --export md|csv|minutes, --since, --read-only on the command line.
. tests/cli/lib.sh

run export-md 0 "$BIN" --export md --filter 'decision:rejected' data
has export-md-count out "18 recommendations."
has export-md-row out "| SSR2-2.1 | rejected |"
run export-csv 0 "$BIN" --export csv --filter 'review:SSR1 status:progress' --sort changed data
has export-csv-header out "id,review,number,topic,title,text,decision,status,priority,source,area,priority_note"
lines=$(wc -l <"$TMP/out")
if [ "$lines" -ge 9 ]; then echo "ok export-csv-rows"; else echo "not ok export-csv-rows: $lines lines"; fi
# The CSV export reads back as a data set with the same recommendations.
mkdir "$TMP/back"
cp "$TMP/out" "$TMP/back/recommendations.csv"
run export-csv-loads 0 "$BIN" --check "$TMP/back"
has export-csv-count out "recommendations: 8"
run export-bad-format 2 "$BIN" --export pdf data
has export-bad-format-message err "--export takes md, csv, minutes, slides or slides-html"
run since-alone 2 "$BIN" --since 2026-01-01 data
has since-alone-message err "--since goes with --export minutes"

# Minutes from the files: changes made with recview (a key script here), notes, --since.
mkdir "$TMP/data"
cp data/*.csv "$TMP/data/"
printf '<Colon>11<Enter>cin progress<Enter>asked the CTO | twice<Enter><Enter>iFollow up next week<Enter>Q\n' >"$TMP/keys"
RECVIEW_NOW=2026-11-23T14:05:00 USER=alice LINES=30 COLUMNS=100 TERM=xterm RECVIEW_SCRIPT="$TMP/keys" "$BIN" "$TMP/data" >/dev/null 2>&1
run minutes 0 "$BIN" --export minutes "$TMP/data"
has minutes-status out "| 2026-11-23T14:05:00 | alice | SSR1-11 | status: in progress | asked the CTO \| twice |"
has minutes-note out "| 2026-11-23T14:05:00 | alice | SSR1-11 | note | Follow up next week |"
lacks minutes-only-recview out "| 2016-06-30 |"
run minutes-since 0 "$BIN" --export minutes --since 2026-12 "$TMP/data"
lacks minutes-since-filters out "SSR1-11"

# --read-only in a key script: nothing is written.
cp -r "$TMP/data" "$TMP/before"
printf '<Colon>12<Enter>ccomplete<Enter><Enter><Enter>mQ\n' >"$TMP/keys2"
LINES=30 COLUMNS=100 TERM=xterm RECVIEW_SCRIPT="$TMP/keys2" "$BIN" --read-only "$TMP/data" >/dev/null 2>&1
if diff -r "$TMP/before" "$TMP/data" >/dev/null; then echo "ok read-only-writes-nothing"; else echo "not ok read-only-writes-nothing"; fi
