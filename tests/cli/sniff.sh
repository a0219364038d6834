#!/bin/sh
# recview sniff: what is found in each file (text and --json, parsed back here without jq), -C DIR,
# any CSV file alone, --write proposing a recview.map that loads the set the same way and never
# replacing one without --force, output errors (exit 4), and the detection's accuracy on the export
# corpus: each file's encoding and delimiter as sniff finds them (detection alone, no mapping),
# against the "file" lines of the sets' EXPECTED.
. tests/cli/lib.sh
CORPUS=tests/data/exports

run sniff-text 0 "$BIN" sniff "$CORPUS/excel-europe-cp1252"
has sniff-text-encoding out "encoding     windows-1252 (detected)"
has sniff-text-delimiter out "delimiter    semicolon (detected)"
has sniff-text-line-ends out "line ends    CRLF, final newline: yes"
has sniff-text-column out "-> id (by name): 'SSR1-1', 'SSR1-2', 'SSR1-3'"
has sniff-text-date-order out "date order   due: day first"

run sniff-C 0 "$BIN" -C "$CORPUS/title-rows" sniff
has sniff-C-header out "header       line 3 (detected)"
has sniff-C-skipped out "skipped      line 20: only its first field is filled"

# The mapping's work is reported as such: a link, a pattern, what the mapping states.
run sniff-mapping 0 "$BIN" sniff "$CORPUS/github"
has sniff-mapping-pattern out "-> id (by pattern '^(SSR[0-9]+-[0-9.]+)'): 'SSR1-1', 'SSR1-2', 'SSR1-3'"
has sniff-mapping-link out "-> rec id (by link '([0-9]+)' to recommendations.'number'): 'SSR1-1', 'SSR1-2', 'SSR1-3'"
has sniff-mapping-stated out "delimiter    comma (as the mapping says)"

# Values not understood, and a hostile value shown visibly.
mkdir "$TMP/odd"
printf 'id,status,due\nSSR1-1,soonish,2016-06-30\nSSR1-2,\033[31mred,bad date\n' >"$TMP/odd/recommendations.csv"
run sniff-unknown 0 "$BIN" sniff "$TMP/odd/recommendations.csv"
has sniff-unknown-status out "not understood status 'soonish' (line 2)"
has sniff-unknown-sanitised out "'^[[31mred'"
lacks sniff-unknown-no-escape out "$(printf '\033')"

# --json: one object per file, every documented key, values as the text says.
run sniff-json 0 "$BIN" sniff --json "$CORPUS/excel-unicode-text"
awk '
function fail(why) { print "not ok sniff-json-parse: line " NR ": " why; bad = 1 }
{
	line = $0; depth = 0; instr = 0
	if (substr(line, 1, 1) != "{" || substr(line, length(line), 1) != "}") fail("not one object")
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (instr) { if (c == "\\") i++; else if (c == "\"") instr = 0; continue }
		if (c == "\"") instr = 1
		else if (c == "{" || c == "[") depth++
		else if (c == "}" || c == "]") { depth--; if (depth < 0) fail("unbalanced") }
		else if (c < " ") fail("a control character")
	}
	if (depth != 0 || instr) fail("unbalanced at the end")
	n = split("file table encoding delimiter quote line_end bom header_line skipped_rows columns date_order not_understood", keys, " ")
	for (k = 1; k <= n; k++) if (index(line, "\"" keys[k] "\":") == 0) fail("no key " keys[k])
	objects++
}
END { if (!bad && objects == 5) print "ok sniff-json-parse"; else if (!bad) print "not ok sniff-json-parse: " objects " objects, not 5" }
' "$TMP/out"
has sniff-json-encoding out '"encoding":"utf-16le"'
has sniff-json-delimiter out '"delimiter":"\t","delimiter_name":"tab"'
has sniff-json-bom out '"bom":true'
has sniff-json-line-end out '"line_end":"CRLF"'

# Any CSV file, not only a data set's: the table guessed from the name, else the header.
printf 'Rec #,Owner,Due date\nSSR1-1,Ops,6/30/2016\n' >"$TMP/export.csv"
run sniff-file 0 "$BIN" sniff --json "$TMP/export.csv"
has sniff-file-table out '"table":"deliverables"'
has sniff-file-date out '"date_order":[{"field":"due","order":"month-first","basis":"values","line":2}]'
run sniff-missing 2 "$BIN" sniff "$TMP/nothing.csv"
has sniff-missing-says err "cannot open"

# --write: a recview.map that states what was found, loads the set as before, and is kept.
cp -R "$CORPUS/custom-tracker" "$TMP/ct"
"$BIN" --list "$TMP/ct" >"$TMP/list-before" 2>/dev/null
run sniff-write 0 "$BIN" sniff --write "$TMP/ct"
has sniff-write-says err "wrote recview.map"
[ -f "$TMP/ct/recview.map" ] && echo "ok sniff-write-file" || echo "not ok sniff-write-file"
cp "$TMP/ct/recview.map" "$TMP/map-written"
has sniff-write-map-status map-written "recommendations.status = Implementation status"
"$BIN" --check "$TMP/ct" >/dev/null 2>"$TMP/check-err"
if grep -q 'recview.map' "$TMP/check-err"; then echo "not ok sniff-write-reads-back"; sed 's/^/  /' "$TMP/check-err" | head -3
else echo "ok sniff-write-reads-back"; fi
"$BIN" --list "$TMP/ct" >"$TMP/list-after" 2>/dev/null
same sniff-write-same-load list-after "$TMP/list-before"
cp "$TMP/ct/recview.map" "$TMP/map-before"
echo "# mine" >>"$TMP/ct/recview.map"
cp "$TMP/ct/recview.map" "$TMP/map-edited"
run sniff-write-refuses 2 "$BIN" sniff --write "$TMP/ct"
has sniff-write-refuses-says err "recview.map is already there (--force replaces it)"
same sniff-write-kept ct/recview.map "$TMP/map-edited"
run sniff-write-force 0 "$BIN" sniff --write --force "$TMP/ct"
same sniff-write-forced ct/recview.map "$TMP/map-before"
run sniff-force-alone 2 "$BIN" sniff --force "$TMP/ct"
run sniff-write-files 2 "$BIN" sniff --write "$TMP/export.csv"
run sniff-bad-option 2 "$BIN" sniff --bogus
has sniff-bad-option-says err "unknown option '--bogus'"

# Output that cannot be written: exit 4, said on stderr.
if [ -w /dev/full ]; then
	run sniff-full 4 sh -c "\"$BIN\" sniff \"$CORPUS/libreoffice\" >/dev/full"
	has sniff-full-says err "cannot write the sniff report"
fi

# Accuracy of detection on the corpus: encoding and delimiter of every file against EXPECTED.
total=0 enc_ok=0 delim_ok=0 eol_ok=0 header_ok=0
: >"$TMP/misses"
for expected in "$CORPUS"/*/EXPECTED; do
	set_dir=$(dirname "$expected")
	grep '^file ' "$expected" | while IFS= read -r line; do
		name=${line#file }
		name=${name%%: encoding=*}
		facts=${line#*: encoding=}
		enc=${facts%% *}
		delim=$(echo "$facts" | sed -n 's/.*delimiter=\([a-z]*\).*/\1/p')
		eol=$(echo "$facts" | sed -n 's/.*line-end=\([A-Z]*\).*/\1/p')
		header=$(echo "$facts" | sed -n 's/.*header-line=\([0-9]*\).*/\1/p')
		"$BIN" sniff --json "$set_dir/$name" >"$TMP/one" 2>/dev/null
		got_enc=$(sed -n 's/.*"encoding":"\([^"]*\)".*/\1/p' "$TMP/one")
		got_delim=$(sed -n 's/.*"delimiter_name":"\([^"]*\)".*/\1/p' "$TMP/one")
		got_eol=$(sed -n 's/.*"line_end":"\([^"]*\)".*/\1/p' "$TMP/one")
		got_header=$(sed -n 's/.*"header_line":\([0-9]*\).*/\1/p' "$TMP/one")
		printf '%s %s %s %s\n' "$([ "$got_enc" = "$enc" ] && echo 1 || echo 0)" \
			"$([ "$got_delim" = "$delim" ] && echo 1 || echo 0)" \
			"$([ "$got_eol" = "$eol" ] && echo 1 || echo 0)" \
			"$([ "$got_header" = "$header" ] && echo 1 || echo 0)"
		[ "$got_enc" = "$enc" ] && [ "$got_delim" = "$delim" ] ||
			echo "$(basename "$set_dir")/$name: encoding $got_enc (wanted $enc), delimiter $got_delim (wanted $delim)" >>"$TMP/misses"
	done
done >"$TMP/scores"
read -r total enc_ok delim_ok eol_ok header_ok <<EOF
$(awk '{ n++; e += $1; d += $2; l += $3; h += $4 } END { print n, e, d, l, h }' "$TMP/scores")
EOF
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", b ? 100 * a / b : 0 }'; }
echo "# measured: detection on $total files of $CORPUS: encoding $enc_ok/$total ($(pct "$enc_ok" "$total")), delimiter $delim_ok/$total ($(pct "$delim_ok" "$total")), line ends $eol_ok/$total ($(pct "$eol_ok" "$total")), header line $header_ok/$total ($(pct "$header_ok" "$total"))"
if [ "$total" -gt 0 ] && [ "$enc_ok" -eq "$total" ] && [ "$delim_ok" -eq "$total" ]; then
	echo "ok sniff-accuracy ($total files: encoding $(pct "$enc_ok" "$total"), delimiter $(pct "$delim_ok" "$total"))"
else
	echo "not ok sniff-accuracy: encoding $enc_ok/$total, delimiter $delim_ok/$total"
	sed 's/^/  /' "$TMP/misses" | head -10
fi
