#!/bin/sh
# --as-of and the items changed through recview (changes.csv, tests/data/as-of): --show, --list,
# --export csv, md, minutes and --summary as of 2015-06-30 leave out what was recorded on 2026-12-02;
# --summary draws each status in its own fill pattern, ASCII with --ascii, wrapped to 80 columns.
. tests/cli/lib.sh
D=tests/data/as-of

run show-now 0 "$BIN" --show AO-1 "$D"
has show-now-done out "Deliverables (2, 1 done, 1 overdue)"
has show-now-answer out "The CTO signs it."
run show-then 0 "$BIN" --show AO-1 --as-of 2015-06-30 "$D"
has show-then-open out "Deliverables (2, 0 done)"
has show-then-owner out "Draft the policy — Staff — due 2015-10"
lacks show-then-no-answer out "The CTO signs it."
has show-then-question out "1.1 (open) Who signs the policy?"
lacks show-then-no-note out "Signed off today."

run list-then 0 "$BIN" --list --as-of 2015-06-30 --filter id:AO-1 "$D"
has list-then-done out "	0/2	"
run list-now 0 "$BIN" --list --filter id:AO-1 "$D"
has list-now-done out "	1/2	"

# --export csv: the recommendations' status and decision cells as in force on the date.
run csv-then 0 "$BIN" --export csv --as-of 2014-12-31 "$D"
has csv-then-header out "id,review,title,decision,status,priority"
has csv-then-ao1 out "AO-1,AO,Publish the escrow policy,,,P2"
run csv-mid 0 "$BIN" --export csv --as-of 2015-06-30 "$D"
has csv-mid-ao1 out "AO-1,AO,Publish the escrow policy,approved,in progress,P2"
has csv-mid-ao2 out "AO-2,AO,Audit the root zone keys,pending,not started,P1"
run csv-now 0 "$BIN" --export csv "$D"
has csv-now-ao2 out "AO-2,AO,Audit the root zone keys,pending,not started,P1"

# --export minutes up to a date: today's note is not in the minutes of 2015.
run minutes-then 0 "$BIN" --export minutes --as-of 2015-06-30 "$D"
has minutes-then-up-to out "Up to 2015-06-30"
has minutes-then-early out "Legal has the first draft."
lacks minutes-then-no-today out "Signed off today."
run minutes-now 0 "$BIN" --export minutes "$D"
has minutes-now-today out "Signed off today."

# --summary: done deliverables as of the date, and each status's bar in its own pattern.
run summary-then 0 "$BIN" --summary --as-of 2015-06-30 "$D"
has summary-then-done out "overdue deliverables 0 of 3, 1 done"
run summary-now 0 "$BIN" --summary "$D"
has summary-now-done out "overdue deliverables 1 of 3, 2 done"
run summary-data 0 "$BIN" --summary data
# The bar of each status line is one fill character, and no two statuses share one: SSR2 has four
# statuses, each line's last word its bar.
grep -A3 '^  status    ✓ complete         2 ' "$TMP/out" | awk '{print $NF}' >"$TMP/bars"
lines=$(wc -l <"$TMP/bars")
patterns=$(cut -c1-3 "$TMP/bars" | sort -u | wc -l)
mixed=$(while read -r bar; do printf '%s' "$bar" | sed "s/$(printf '%s' "$bar" | cut -c1-3)//g"; done <"$TMP/bars")
if [ "$lines" -eq 4 ] && [ "$patterns" -eq 4 ] && [ -z "$mixed" ]; then
	echo "ok summary-patterns"
else
	echo "not ok summary-patterns: $patterns patterns on $lines status lines"; cat "$TMP/bars"
fi
has summary-legend out "▓ ○ in progress 8"
run summary-ascii 0 "$BIN" --summary --ascii data
has summary-ascii-complete out "  status    + complete        20 ####"
has summary-ascii-progress out "            o in progress      8 ===="
has summary-ascii-legend out "= o in progress 8"
if grep -qE '█|▓|▒|░|▄|▚|─|✓|○' "$TMP/out"; then echo "not ok summary-ascii-only"; else echo "ok summary-ascii-only"; fi
run summary-c-locale 0 env LC_ALL=C "$BIN" --summary data
has summary-c-locale-ascii out "  status    + complete        20 ####"
wide=$(LC_ALL=C.UTF-8 wc -L <"$TMP/out")
if [ "$wide" -le 80 ]; then echo "ok summary-ascii-width"; else echo "not ok summary-ascii-width: $wide"; fi
