#!/bin/sh
# x on a recommendation's page writes that page as Markdown (and only it: no other recommendation),
# or its row as CSV; x on a list of deliverables or questions writes those rows as the list shows
# them, states included.
. tests/tmux/lib.sh
REAL=$(cd "$TMP" && pwd -P)
mkdir "$TMP/data"
cp data/*.csv "$TMP/data/"
fingerprint() { cksum "$TMP"/data/*.csv; }
before=$(fingerprint)

EXIT_FILE="$TMP/exit-1"
start_command 120 40 "cd '$TMP' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $ABS_BIN --read-only data; echo \$? >$EXIT_FILE; sleep 30"
expect start "SSR1-11"

# The page of SSR1-11: the proposed name is its id.
keys : 11 Enter
expect page "Project status (from 004_468ec3b28ca421a3.txt:539-563)"
keys x
expect page-proposes-id "export to (.md or .csv): SSR1-11.md"
keys Enter
expect page-exported "Exported the page to $REAL/SSR1-11.md"
md="$TMP/SSR1-11.md"
if [ "$(grep -c '^# ' "$md" 2>/dev/null)" = 1 ] && head -1 "$md" | grep -qx '# SSR1-11'; then
	echo "ok page-one-heading"
else
	echo "not ok page-one-heading"
	head -5 "$md" 2>/dev/null | sed 's/^/  | /'
fi
for want in '## Deliverables (4, 3 done, 1 overdue)' '## Questions (16, 16 open)' '## History (3, newest first)' '## Project status (from 004_468ec3b28ca421a3.txt:539-563)' 'Closure date estimated March 2106.' \
	'## Notes (0)' '| area | ICANN Operational Responsibilities |' '- · Identify and implement measures of success' ', overdue'; do
	if grep -qF -- "$want" "$md"; then echo "ok page-has: $want"; else echo "not ok page-has: $want"; fi
done
# No other recommendation's row or page: the list export would hold all 91.
if grep -q '^| SSR' "$md" || grep -q 'SSR1-12\|SSR2-' "$md"; then echo "not ok page-only-this"; else echo "ok page-only-this"; fi

# As CSV: the header and this recommendation's row alone.
keys x
expect page-csv-prompt "export to (.md or .csv):"
keys C-u page.csv Enter
expect page-csv-exported "Exported the page to $REAL/page.csv"
# (a record may run over lines: its narrative has line breaks; a record starts "ID,REVIEW,")
if [ "$(grep -c '^SSR[0-9]*-[0-9.]*,SSR[0-9]*,' "$TMP/page.csv")" -eq 1 ] && sed -n 2p "$TMP/page.csv" | grep -q '^SSR1-11,'; then
	echo "ok page-csv-one-row"
else
	echo "not ok page-csv-one-row"
	head -3 "$TMP/page.csv" | cut -c1-100 | sed 's/^/  | /'
fi

# Its deliverables, as the list shows them: 4 rows (one runs over lines), the overdue one marked.
keys d
expect deliverables "Deliverables"
keys x
expect items-proposes "export to (.md or .csv): deliverables.md"
keys C-u items.csv Enter
expect items-exported "Exported the list to $REAL/items.csv"
if [ "$(grep -c '^SSR1-11,' "$TMP/items.csv")" -eq 4 ] && head -1 "$TMP/items.csv" | grep -qx 'Rec,Status,Deliverable,Owner,Due,Overdue'; then
	echo "ok items-rows"
else
	echo "not ok items-rows"
	cut -c1-100 "$TMP/items.csv" | sed 's/^/  | /'
fi
if grep -q '^SSR1-11,,.*,2015-10,overdue$' "$TMP/items.csv" && grep -q '^SSR1-11,complete,.*,done,$' "$TMP/items.csv"; then
	echo "ok items-states"
else
	echo "not ok items-states"
	cut -c1-120 "$TMP/items.csv" | sed 's/^/  | /'
fi

# Its questions as Markdown: the state as shown.
keys h a
expect questions "Questions"
keys x
expect questions-proposes "export to (.md or .csv): questions.md"
keys Enter
expect questions-exported "Exported the list to $REAL/questions.md"
if head -1 "$TMP/questions.md" | grep -qx '# Questions of SSR1-11' && grep -qF '16 questions.' "$TMP/questions.md" &&
	[ "$(grep -c '^| SSR1-11 | 11\.[0-9]* | GDD | open |' "$TMP/questions.md")" -eq 16 ]; then
	echo "ok questions-rows"
else
	echo "not ok questions-rows"
	head -8 "$TMP/questions.md" | cut -c1-100 | sed 's/^/  | /'
fi

keys Q
exited quit 0
if [ "$(fingerprint)" = "$before" ]; then echo "ok data-untouched"; else echo "not ok data-untouched"; fi
