#!/bin/sh
# --list, --filter and --sort on the bundled data set.
. tests/cli/lib.sh
TAB=$(printf '\t')

run list-all 0 "$BIN" --list data
n=$(wc -l <"$TMP/out")
if [ "$n" -eq 91 ]; then echo "ok list-all-count"; else echo "not ok list-all-count: $n lines, wanted 91"; fi
# no header: the first line is the first recommendation, id first and tab-separated, 9 fields
has list-first-line out "SSR1-1${TAB}SSR1${TAB}approved${TAB}complete${TAB}${TAB}2015-06-30${TAB}3/3${TAB}2${TAB}Publish remit"
if awk -F'\t' 'NF != 9 { bad = 1 } END { exit bad }' "$TMP/out"; then echo "ok list-nine-fields"; else echo "not ok list-nine-fields"; fi
if [ -s "$TMP/err" ]; then echo "not ok list-stderr: stderr not empty"; else echo "ok list-stderr"; fi

run list-short 0 "$BIN" -l data
n=$(wc -l <"$TMP/out")
if [ "$n" -eq 91 ]; then echo "ok list-short-count"; else echo "not ok list-short-count: $n lines"; fi

run filter 0 "$BIN" --list --filter 'review:SSR1 status:progress' data
n=$(wc -l <"$TMP/out")
if [ "$n" -eq 8 ]; then echo "ok filter-count"; else echo "not ok filter-count: $n lines, wanted 8"; fi
if cut -f1 "$TMP/out" | grep -qv '^SSR1-'; then echo "not ok filter-ids"; else echo "ok filter-ids"; fi
if cut -f4 "$TMP/out" | grep -qvx 'in progress'; then echo "not ok filter-status"; else echo "ok filter-status"; fi

# The items: the 8 SSR1 deliverables with a date are not done and long past due; every question of
# the bundled data is open (no answer, no status); every deliverable's owner is Staff.
run filter-overdue 0 "$BIN" --list --filter has:overdue data
if [ "$(cut -f1 "$TMP/out" | tr '\n' ' ')" = "SSR1-4 SSR1-5 SSR1-7 SSR1-11 SSR1-12 SSR1-20 SSR1-21 SSR1-22 " ]; then
	echo "ok filter-overdue"
else
	echo "not ok filter-overdue: $(cut -f1 "$TMP/out" | tr '\n' ' ')"
fi
run filter-due-before 0 "$BIN" --list --filter 'due:<2016' data
n=$(wc -l <"$TMP/out")
if [ "$n" -eq 6 ]; then echo "ok filter-due-before"; else echo "not ok filter-due-before: $n lines, wanted 6"; fi
run filter-question-open 0 "$BIN" --list --filter 'question:open' data
"$BIN" --list data | awk -F'\t' '$8 > 0' >"$TMP/expected"
if cmp -s "$TMP/out" "$TMP/expected"; then echo "ok filter-question-open"; else echo "not ok filter-question-open"; fi
run filter-question-answered 0 "$BIN" --list --filter 'question:answered' data
if [ -s "$TMP/out" ]; then echo "not ok filter-question-answered: matches"; else echo "ok filter-question-answered"; fi
run filter-owner 0 "$BIN" --list --filter 'owner:Staff' data
"$BIN" --list data | awk -F'\t' '$7 != "0/0"' >"$TMP/expected"
if cmp -s "$TMP/out" "$TMP/expected"; then echo "ok filter-owner"; else echo "not ok filter-owner"; fi
run filter-bad-question 2 "$BIN" --list --filter 'question:' data
has filter-bad-question-message err "missing value after 'question:' at 10"

run filter-rejected 0 "$BIN" --list --filter decision:rejected data
n=$(wc -l <"$TMP/out")
if [ "$n" -eq 18 ]; then echo "ok filter-rejected-count"; else echo "not ok filter-rejected-count: $n lines, wanted 18"; fi

# the bundled data set's own columns: review and status of every line, counted with awk
run filter-negated 0 "$BIN" --list --filter '-status:complete' data
"$BIN" --list data | awk -F'\t' '$4 != "complete"' >"$TMP/expected"
same filter-negated-lines out "$TMP/expected"

run sort-changed 0 "$BIN" --list --sort -changed data
cut -f6 "$TMP/out" >"$TMP/dates"
sort -r "$TMP/dates" >"$TMP/dates.sorted"
if cmp -s "$TMP/dates" "$TMP/dates.sorted"; then echo "ok sort-dates-descending"; else echo "not ok sort-dates-descending"; fi
# equal dates stay in id order: the first lines are SSR2 ones changed on 2022-06-30, in --list order
cut -f1,6 "$TMP/out" | grep '2022-06-30$' | cut -f1 >"$TMP/newest"
"$BIN" --list data | awk -F'\t' '$6 == "2022-06-30" { print $1 }' >"$TMP/newest.expected"
if [ -s "$TMP/newest" ] && cmp -s "$TMP/newest" "$TMP/newest.expected"; then echo "ok sort-stable"; else echo "not ok sort-stable"; fi
run sort-changed-asc 0 "$BIN" --list --sort changed data
cut -f6 "$TMP/out" | grep . >"$TMP/dates"
sort "$TMP/dates" >"$TMP/dates.sorted"
if cmp -s "$TMP/dates" "$TMP/dates.sorted"; then echo "ok sort-dates-ascending"; else echo "not ok sort-dates-ascending"; fi

run filter-syntax 2 "$BIN" --list --filter 'title:"open' data
has filter-syntax-message err "recview: --filter: unterminated quote at 7"
if [ -s "$TMP/out" ]; then echo "not ok filter-syntax-stdout: stdout not empty"; else echo "ok filter-syntax-stdout"; fi
run filter-unknown-field 2 "$BIN" --list --filter 'stat:x' data
has filter-unknown-field-message err "recview: --filter: unknown field 'stat' at 1 (fields: id, review,"
has filter-extra-columns err "area, priority_note)"
run filter-extra-column 0 "$BIN" --list --filter 'area:remit' data
if [ -s "$TMP/out" ]; then echo "ok filter-extra-column-lines"; else echo "not ok filter-extra-column-lines"; fi

run sort-unknown 2 "$BIN" --list --sort bogus data
has sort-unknown-message err "recview: --sort: unknown key 'bogus' (known: id, status, decision, priority, topic, changed, deliverables, questions; -KEY reverses)"
run filter-without-list 2 "$BIN" --filter status:complete data
has filter-without-list-message err "--filter goes with --list"
run sort-without-list 2 "$BIN" --sort id data
has sort-without-list-message err "--sort goes with --list"
run filter-missing-value 2 "$BIN" --list --filter
has filter-missing-value-message err "needs a value"
