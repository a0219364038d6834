#!/bin/sh
# Builds the export corpus (tests/data/exports/*/) from the bundled data set, imitating how each tool
# writes its CSV. Run from the repository root:
#     sh tests/data/exports/generate.sh [OUTDIR]      (default: tests/data/exports)
# Needs only sh, awk (mawk or gawk), sed,windows-1252) sed "s/$SQRT/?/g; s/$CIRCLE/?/g; s/$CHECK/?/g; s/$LOZENGE/?/g" |macintosh) sed "s/$CIRCLE/?/g; s/$CHECK/?/g" | iconv (glibc), od, printf: what Debian 12 has without python3.
# Deterministic: the same input gives the same bytes (tests/cli/exports-corpus.sh checks it against the
# committed files). What each set imitates, and why, is in tests/data/exports/README.md.
set -eu
LC_ALL=C
export LC_ALL
HERE=$(dirname "$0")
GEN=$HERE/gen
SRC=${SRC:-data}
OUT=${1:-$HERE}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# The subset: SSR1-1 to SSR1-7, SSR1-11 and SSR1-20 with all their children (every SSR1 quirk: √ and ○ in the notes,
# ’ – “ ” • in the texts, the dated deliverables), and six SSR2 recommendations for the other
# decisions, statuses and priorities.
SUBSET="SSR1-1 SSR1-2 SSR1-3 SSR1-4 SSR1-5 SSR1-6 SSR1-7 SSR1-11 SSR1-20
SSR2-1.1 SSR2-3.1 SSR2-4.1 SSR2-5.4 SSR2-10.1 SSR2-19.1"
TABLES="recommendations deliverables questions status_history"

awkf() { awk -f "$GEN/lib.awk" "$@"; }

# --- the bundled files as records (gen/csv2rec.awk), cut down to the subset
for t in $TABLES; do
	awk -f "$GEN/csv2rec.awk" "$SRC/$t.csv" |
		awk -v keep="$SUBSET" 'BEGIN { FS = "\037"; n = split(keep, k, /[ \n]+/); for (i = 1; i <= n; i++) want[k[i]] = 1 }
			NR == 1 || ($1 in want)' |
		# The corpus imitates trackers' exports as they were before the data set gained 004's
		# Project Status narratives (data/README.md): their columns, and the history's progress
		# lines (a source that names a line, FILE:LINE), are left out, so that the corpus stays
		# the same files.
		awk -v hist="$([ "$t" = status_history ] && echo 1 || echo 0)" 'BEGIN { FS = OFS = "\037"; split("project_status project_status_source text_source other_text other_text_source", d, " "); for (i in d) drop[d[i]] = 1 }
			NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "source") src = i; keep[i] = !($i in drop) } }
			NR > 1 && src && $src ~ /\.txt:[0-9]/ && hist { next }
			{ line = ""; n = 0; for (i = 1; i <= NF; i++) if (keep[i]) line = line (n++ ? OFS : "") $i; print line }' >"$W/$t.rec"
done
# One note, as a team member would type it in recview: the bundled data has no é, and a note is
# where the issue saw "cafÃ©" come back from Excel. It is the corpus's only invented text.
printf 'rec_id\037time\037author\037note\nSSR1-11\0372016-07-04T10:15:00\037Zo\303\251 Laurent\037Metrics r\303\251sum\303\251 checked with the GDD team \342\200\223 see \342\200\234Abuse metrics\342\200\235\n' >"$W/notes.rec"
awkf -f "$GEN/current.awk" "$W/recommendations.rec" "$W/status_history.rec" >"$W/current.rec"

# encode ENC IN OUT: UTF-8 IN written as ENC to OUT. Characters the legacy encodings lack become "?",
# as Excel writes them (cp1252 has no √ ○ ✓ ◊; Mac Roman has √ and ◊ but no ○ ✓); iconv then fails on
# anything else, so that nothing is lost silently.
SQRT=$(printf '\342\210\232') CIRCLE=$(printf '\342\227\213') CHECK=$(printf '\342\234\223') LOZENGE=$(printf '\342\227\212')
encode() {
	case $1 in
	utf-8) cp "$2" "$3" ;;
	utf-8-bom) { printf '\357\273\277'; cat "$2"; } >"$3" ;;
	windows-1252)
		sed "s/$SQRT/?/g; s/$CIRCLE/?/g; s/$CHECK/?/g; s/$LOZENGE/?/g" "$2" >"$W/lossy"
		iconv -f UTF-8 -t CP1252 "$W/lossy" >"$3" ;;
	macintosh)
		sed "s/$CIRCLE/?/g; s/$CHECK/?/g" "$2" >"$W/lossy"
		iconv -f UTF-8 -t MACINTOSH "$W/lossy" >"$3" ;;
	utf-16le) { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$2"; } >"$3" ;;
	*) echo "generate.sh: unknown encoding $1" >&2; exit 1 ;;
	esac
}

# table REC OUT STYLE ENC DELIM EOL [FINAL [TRAIL [DEC]]]: one file as a spreadsheet saves it:
# dates in STYLE (gen/lib.awk locale_date), DELIM between cells, EOL after rows (no EOL after the
# last when FINAL is 0), TRAIL empty rows at the end (Excel's ",,,," rows), decimal commas in the
# columns DEC. Every row as wide as the used range. Each step writes a file, so that set -e sees a
# failure.
table() {
	awkf -v style="$3" -v datecols=date,due,time -v deccols="${9:-}" -f "$GEN/xform.awk" "$1" >"$W/step1"
	i=0
	while [ "$i" -lt "${8:-0}" ]; do echo >>"$W/step1"; i=$((i + 1)); done
	awk -f "$GEN/emit.awk" -v d="$5" -v eol="$6" -v final="${7:-1}" -v pad=1 "$W/step1" >"$W/step2"
	encode "$4" "$W/step2" "$2"
}

# dataset SET EXT STYLE ENC DELIM EOL [FINAL [TRAIL [DEC]]]: every table and the notes, alike.
dataset() {
	set_dir=$OUT/$1
	mkdir -p "$set_dir"
	for t in $TABLES notes; do
		table "$W/$t.rec" "$set_dir/$t.$2" "$3" "$4" "$5" "$6" "${7:-1}" "${8:-0}" "${9:-}"
	done
}

CRLF='\r\n'
LF='\n'
CR='\r'
TAB='	'

# --- the whole data set, once per spreadsheet dialect
dataset excel-windows-us     csv us  windows-1252 ,      "$CRLF" 1 3
dataset excel-windows-uk     csv uk  windows-1252 ,      "$CRLF" 1 1
dataset excel-csv-utf8       csv us  utf-8-bom    ,      "$CRLF"
dataset excel-europe-cp1252  csv eu  windows-1252 ';'    "$CRLF" 1 0 number
dataset excel-europe-utf8    csv eu  utf-8-bom    ';'    "$CRLF" 1 0 number
dataset excel-unicode-text   txt us  utf-16le     "$TAB" "$CRLF"
dataset excel-mac            csv us  macintosh    ,      "$CR"
dataset libreoffice          csv iso utf-8        ,      "$LF"
dataset google-sheets-renamed csv iso utf-8       ,      "$CRLF" 0
# Google Sheets names a download "<spreadsheet> - <sheet>.csv".
mkdir -p "$OUT/google-sheets"
for t in $TABLES notes; do
	cp "$OUT/google-sheets-renamed/$t.csv" "$OUT/google-sheets/SSR tracker - $t.csv"
done

# write REC OUT ENC DELIM EOL [QUOTE [NULLS]]: records written as they are (no date changes).
write() {
	awk -f "$GEN/emit.awk" -v d="$4" -v eol="$5" -v quote="${6:-minimal}" -v nulls="${7:-}" -v pad=1 "$1" >"$W/step2"
	encode "$3" "$W/step2" "$2"
}
# plain SET TABLE...: tables as LibreOffice saves them (UTF-8, LF), for the sets that change one thing
plain() {
	s=$1
	shift
	mkdir -p "$OUT/$s"
	for t in "$@"; do write "$W/$t.rec" "$OUT/$s/$t.csv" utf-8 , "$LF"; done
}
shape() { awkf -v shape="$1" -f "$GEN/shapes.awk" "$W/recommendations.rec" "$W/deliverables.rec" "$W/current.rec" \
	"$W/questions.rec" "$W/status_history.rec" >"$W/$1.rec"; }

# --- a sheet prettified for printing: a title and an empty row above the header, a legend below
plain title-rows deliverables questions status_history notes
{
	printf 'SSR1 and SSR2 recommendations \342\200\223 implementation status, 30 June 2022\n\n'
	cat "$W/recommendations.rec"
	printf '\nLegend: decision is the Board\342\200\231s action; status is the implementation stage (complete, in progress, not started)\n'
	printf 'Prepared by: SSR2 Review Team support staff, from ICANN\342\200\231s implementation reports\n'
} >"$W/titled.rec"
write "$W/titled.rec" "$OUT/title-rows/recommendations.csv" utf-8 , "$LF"

# --- dates in every human form (gen/respell.awk); the list of changes goes into EXPECTED
plain mixed-dates recommendations questions
: >"$W/dates.list"
for t in deliverables status_history notes; do
	awkf -v how=dates -v file="$t.csv" -f "$GEN/respell.awk" "$W/$t.rec" >"$W/md-$t.rec" 2>>"$W/dates.list"
	write "$W/md-$t.rec" "$OUT/mixed-dates/$t.csv" utf-8 , "$LF"
done

# --- ids spelled another way: in the children, then in the recommendations
plain ids-children recommendations
: >"$W/ids.list"
for t in deliverables questions status_history notes; do
	awkf -v how=child-ids -v file="$t.csv" -f "$GEN/respell.awk" "$W/$t.rec" >"$W/ids.rec" 2>>"$W/ids.list"
	write "$W/ids.rec" "$OUT/ids-children/$t.csv" utf-8 , "$LF"
done
plain ids-parents deliverables questions status_history notes
awkf -v how=rec-ids -v file=recommendations.csv -f "$GEN/respell.awk" "$W/recommendations.rec" >"$W/ids.rec" 2>"$W/parents.list"
write "$W/ids.rec" "$OUT/ids-parents/recommendations.csv" utf-8 , "$LF"

# --- one table: flat sheets, a home-made tracker
for s in flat flat-merged tracker; do
	shape "$s"
	d=$s
	[ "$s" = tracker ] && d=custom-tracker
	mkdir -p "$OUT/$d"
	write "$W/$s.rec" "$OUT/$d/recommendations.csv" utf-8 , "$LF"
done

# --- Jira: two filters exported with "Export CSV (all fields)"; the second download is "Jira (1).csv"
mkdir -p "$OUT/jira" "$OUT/github"
shape jira-recs
shape jira-subtasks
write "$W/jira-recs.rec" "$OUT/jira/Jira.csv" utf-8 , "$LF"
write "$W/jira-subtasks.rec" "$OUT/jira/Jira (1).csv" utf-8 , "$LF"
cp "$GEN/jira.map" "$OUT/jira/recview.map"

# --- GitHub: gh issue list --json ... | jq -r '.[] | [...] | @csv', and the sub-issues likewise
shape github-issues
shape github-subs
write "$W/github-issues.rec" "$OUT/github/issues.csv" utf-8 , "$LF" strings closedAt
write "$W/github-subs.rec" "$OUT/github/sub-issues.csv" utf-8 , "$LF" strings
cp "$GEN/github.map" "$OUT/github/recview.map"

# --- half converted: one file saved as Unicode Text (renamed .csv), one from a European Excel
plain half-converted questions status_history notes
table "$W/recommendations.rec" "$OUT/half-converted/recommendations.csv" us utf-16le "$TAB" "$CRLF"
table "$W/deliverables.rec" "$OUT/half-converted/deliverables.csv" eu windows-1252 ';' "$CRLF"

# --- EXPECTED, from gen/expected.sh and the lists above
. "$GEN/expected.sh"
