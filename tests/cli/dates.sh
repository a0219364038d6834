#!/bin/sh
# Date options (--since, --as-of) take YYYY-MM-DD, YYYY-MM or YYYY; anything else exits 2 and says why.
. tests/cli/lib.sh

# A data set with one change made with recview (on 2026-11-23), for the minutes.
mkdir "$TMP/data"
cp data/*.csv "$TMP/data/"
printf '<Colon>11<Enter>cin progress<Enter>checked<Enter><Enter>Q\n' >"$TMP/keys"
RECVIEW_NOW=2026-11-23T14:05:00 USER=alice LINES=30 COLUMNS=100 TERM=xterm RECVIEW_SCRIPT="$TMP/keys" \
	"$BIN" "$TMP/data" >/dev/null 2>&1

for bad in garbage 2015-13 2015-02-30 2015-6-30 15 "" "2015-06-30x" "June 2015"; do
	run "since-bad-$bad" 2 "$BIN" --export minutes --since "$bad" "$TMP/data"
	has "since-bad-$bad-message" err "recview: --since: '$bad' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
	if [ -s "$TMP/out" ]; then echo "not ok since-bad-$bad-no-output"; else echo "ok since-bad-$bad-no-output"; fi
	run "as-of-bad-$bad" 2 "$BIN" --summary --as-of "$bad" data
	has "as-of-bad-$bad-message" err "recview: --as-of: '$bad' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
done
# The browser's --as-of is checked before any terminal is needed.
run as-of-bad-browser 2 "$BIN" --as-of garbage data
has as-of-bad-browser-message err "--as-of: 'garbage' is not a date"

# The three good forms; the change of 2026-11-23 is in or out as the date says.
for good in 2026 2026-11 2026-11-23; do
	run "since-$good" 0 "$BIN" --export minutes --since "$good" "$TMP/data"
	has "since-$good-kept" out "| 2026-11-23T14:05:00 | alice | SSR1-11 | status: in progress | checked |"
	has "since-$good-heading" out "Since $good"
done
for later in 2027 2026-12 2026-11-24; do
	run "since-$later" 0 "$BIN" --export minutes --since "$later" "$TMP/data"
	lacks "since-$later-left-out" out "SSR1-11"
done
# Spaces around a date are no part of it: the comparison uses the date itself.
run since-spaces 0 "$BIN" --export minutes --since " 2026-11 " "$TMP/data"
has since-spaces-kept out "| 2026-11-23T14:05:00 | alice | SSR1-11 |"
has since-spaces-heading out "Since 2026-11"

# Dates in the files are read as exports write them and shown as written (tests/data/dates).
run show-written 0 "$BIN" --show D-1 tests/data/dates
has show-written-due-month out "Written as the seeds — due Nov. 2015"
has show-written-due-sept out "Seeds again — due Sept 2016"
has show-written-changed out "Changed    30 June 2016"
has show-written-history out "  30 June 2016  ✓ complete"
has show-undated-marked out "  6/30/2016 (undated)  ✓ complete"
# An unparsed newer entry after an ISO one counts as later: complete, not the older in progress.
run show-undated-later 0 "$BIN" --show D-2 tests/data/dates
has show-undated-later-status out "Status     complete (from the status history)"
has show-undated-later-history out "  end of June 2015 (undated)  ✓ complete"
has show-undated-later-changed out "Changed    2014-03-18"
# Exactly the values that are not dates are warnings, with FILE:LINE:COL; placeholders are not.
run check-dates 1 "$BIN" --check tests/data/dates
has check-dates-not-a-date err "tests/data/dates/status_history.csv:6:5: warning: bad date 'end of June 2015' (not a date; kept as written, undated)"
has check-dates-order err "tests/data/dates/status_history.csv:11:5: warning: bad date '6/30/2016' (this column reads dates day first"
has check-dates-due err "tests/data/dates/deliverables.csv:14:16: warning: bad date 'soonish'"
lacks check-dates-placeholders err "'TBD'"
lacks check-dates-nov err "Nov. 2015"
