#!/bin/sh
# recview sniff: what is found in each file (text and --json, parsed back here without jq), -C DIR,
# any CSV file alone (read as its directory's recview.map says, when there is one), --write proposing
# a recview.map that loads the set the same way and never replacing one without --force (with files:
# their directory's, updated in place with --force), output errors (exit 4), and the detection's accuracy on the export
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

# A file alone in a directory with a recview.map is read as that data set reads it (Jira's sub-tasks
# through their link), and the report says the mapping was used: the same as the data set's report.
run sniff-file-mapped 0 "$BIN" sniff "$CORPUS/jira/Jira (1).csv"
has sniff-file-mapped-says out "mapping      '$CORPUS/jira/recview.map' (used: its table, dialect, dates and columns for this file)"
has sniff-file-mapped-link out "-> rec id (by link to recommendations.'Issue id'): 'SSR1-1', 'SSR1-2', 'SSR1-3'"
has sniff-file-mapped-stated out "delimiter    comma (as the mapping says)"
sed 1d "$TMP/out" >"$TMP/alone"
"$BIN" sniff "$CORPUS/jira" | awk '/^'"'"'Jira \(1\)\.csv'"'"'$/ { on = 1; next } /^'"'"'/ { on = 0 } on' >"$TMP/in-set"
same sniff-file-mapped-as-set alone "$TMP/in-set"
run sniff-file-mapped-json 0 "$BIN" sniff --json "$CORPUS/github/sub-issues.csv"
has sniff-file-mapped-json-key out "\"mapping\":\"$CORPUS/github/recview.map\",\"mapping_for\":\"table\""
has sniff-file-mapped-json-link out '{"field":"rec id","how":"link","samples":["SSR1-1","SSR1-2","SSR1-3"]}'
run sniff-file-unmapped-json 0 "$BIN" sniff --json "$TMP/export.csv"
has sniff-file-unmapped-json-key out '"mapping":null,"mapping_for":null'
# A file the mapping names no table for: its settings for every file apply, and that is said.
cp -R "$CORPUS/jira" "$TMP/jira"
printf 'Rec #,Owner,Due date\nSSR1-1,Ops,06/07/2016\n' >"$TMP/jira/plan.csv"
run sniff-file-every 0 "$BIN" sniff "$TMP/jira/plan.csv"
has sniff-file-every-says out "(used: its settings for every file; no table of it is this file)"
has sniff-file-every-delim out "delimiter    comma (as the mapping says)"
has sniff-file-every-table out "table        deliverables"
has sniff-file-every-date out "date order   due: day first, as the mapping says"

# --write with files: the recview.map of their directory, stating them; the set loads as before.
cp -R "$CORPUS/excel-europe-cp1252" "$TMP/ee"
"$BIN" --list "$TMP/ee" >"$TMP/ee-before" 2>/dev/null
run sniff-write-files 0 "$BIN" sniff --write "$TMP/ee/recommendations.csv" "$TMP/ee/deliverables.csv"
has sniff-write-files-says err "wrote recview.map in '$TMP/ee'"
cp "$TMP/ee/recview.map" "$TMP/ee-map"
has sniff-write-files-recs ee-map "recommendations.delimiter = ;"
has sniff-write-files-enc ee-map "deliverables.encoding = Windows-1252"
lacks sniff-write-files-only-these ee-map "questions."
"$BIN" --check "$TMP/ee" >/dev/null 2>"$TMP/check-err"
lacks sniff-write-files-reads-back check-err "recview.map"
"$BIN" --list "$TMP/ee" >"$TMP/ee-after" 2>/dev/null
same sniff-write-files-same-load ee-after "$TMP/ee-before"
run sniff-write-files-refuses 2 "$BIN" sniff --write "$TMP/ee/questions.csv"
has sniff-write-files-refuses-says err "recview.map is already there (--force updates it: these files' settings replaced, every other line kept)"
same sniff-write-files-kept ee/recview.map "$TMP/ee-map"
# --force updates it: the other lines (and a comment, a value map of one's own) stay, the new file's
# settings are added; made again, nothing changes.
printf '# mine\nstatus "On hold" = behind schedule\n' >>"$TMP/ee/recview.map"
cp "$TMP/ee/recview.map" "$TMP/ee-edited"
run sniff-write-files-force 0 "$BIN" sniff --write --force "$TMP/ee/questions.csv"
has sniff-write-files-force-says err "updated recview.map in '$TMP/ee'"
cp "$TMP/ee/recview.map" "$TMP/ee-updated"
size=$(wc -c <"$TMP/ee-edited" | tr -d ' ')
cmp -s -n "$size" "$TMP/ee-edited" "$TMP/ee-updated" && echo "ok sniff-write-files-force-keeps" ||
	echo "not ok sniff-write-files-force-keeps: $(diff "$TMP/ee-edited" "$TMP/ee-updated" | head -5)"
has sniff-write-files-force-adds ee-updated "questions.file = questions.csv"
"$BIN" sniff --write --force "$TMP/ee/questions.csv" "$TMP/ee/recommendations.csv" >/dev/null 2>&1
same sniff-write-files-force-again ee/recview.map "$TMP/ee-updated"
"$BIN" --list "$TMP/ee" >"$TMP/ee-after" 2>/dev/null
same sniff-write-files-force-same-load ee-after "$TMP/ee-before"
# An update of a mapped file keeps its link, its value maps and its comments; the set loads the same.
"$BIN" --list "$TMP/jira" >"$TMP/jira-before" 2>/dev/null
run sniff-write-jira 0 "$BIN" sniff --write --force "$TMP/jira/Jira (1).csv"
cp "$TMP/jira/recview.map" "$TMP/jira-map"
has sniff-write-jira-link jira-map "deliverables.rec_id = Parent id -> recommendations.Issue id"
has sniff-write-jira-values jira-map 'deliverables.status "To Do" = not started'
has sniff-write-jira-comment jira-map "# A sub-task names its parent by the parent's numeric"
"$BIN" --list "$TMP/jira" >"$TMP/jira-after" 2>/dev/null
same sniff-write-jira-same-load jira-after "$TMP/jira-before"
# Files of two directories, or two files of one table: usage errors, nothing written.
run sniff-write-two-dirs 2 "$BIN" sniff --write "$TMP/ee/questions.csv" "$TMP/export.csv"
has sniff-write-two-dirs-says err "are in two: name files of one directory"
cp "$TMP/ee/recommendations.csv" "$TMP/ee/recommendations (1).csv"
run sniff-write-same-table 2 "$BIN" sniff --write --force "$TMP/ee/recommendations.csv" "$TMP/ee/recommendations (1).csv"
has sniff-write-same-table-says err "are both recommendations: name one file per table"
same sniff-write-same-table-kept ee/recview.map "$TMP/ee-updated"
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
