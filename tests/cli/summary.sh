#!/bin/sh
# --summary [--as-of DATE]: the counts per review, over time and per topic.
. tests/cli/lib.sh

run summary 0 "$BIN" --summary data
has summary-total out "Now: 91 recommendations in 2 reviews"
has summary-ssr1 out "SSR1  28 recommendations"
has summary-ssr2 out "SSR2  63 recommendations"
has summary-ssr1-approved out "  decision  approved          28 "
has summary-ssr2-rejected out "            rejected          18 "
has summary-ssr2-pending out "            pending           31 "
has summary-ssr1-complete out "  status    ✓ complete        20 "
has summary-over-time out "Over time"
has summary-first-point out "SSR1  2014-03-18  █ approved 28  █ ✓ complete 8  ▓ ○ in progress 20"
has summary-topic out "By topic"
has summary-no-topic out "(no topic)"
wide=$(LC_ALL=C.UTF-8 wc -L <"$TMP/out")
if [ "$wide" -le 80 ]; then echo "ok summary-width"; else echo "not ok summary-width: $wide columns"; fi
if LC_ALL=C grep -q "$(printf '\033')" "$TMP/out"; then echo "not ok summary-no-escapes"; else echo "ok summary-no-escapes"; fi

run summary-as-of 0 "$BIN" --summary --as-of 2014-12-31 data
has summary-as-of-heading out "As of 2014-12-31: 91 recommendations in 2 reviews"
has summary-as-of-complete out "  status    ✓ complete         8 "
has summary-as-of-progress out "            ○ in progress     20 "
lacks summary-as-of-no-later out "2015-06-30"
run summary-as-of-month 0 "$BIN" --summary --as-of 2016-03 data
has summary-as-of-month-heading out "As of 2016-03:"

run summary-bad-date 2 "$BIN" --summary --as-of 2014-13-45 data
has summary-bad-date-message err "--as-of"
lacks summary-bad-date-no-output out "recommendations"
run summary-as-of-with-check 2 "$BIN" --check --as-of 2014-12-31 data
has summary-as-of-with-check-message err "--as-of goes with --summary, --show, --list, --export or the browser"
