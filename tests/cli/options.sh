#!/bin/sh
# Command line: options, exit codes, --check and --show on the bundled data and on bad data.
. tests/cli/lib.sh
ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

run help 0 "$BIN" --help
has help-usage out "usage: recview [OPTIONS] [DIR]"
run version 0 "$BIN" --version
has version-text out "recview "
run unknown-option 2 "$BIN" --frobnicate
has unknown-option-message err "unknown option '--frobnicate'"
has unknown-option-usage err "usage: recview"
run missing-value 2 "$BIN" --show
has missing-value-message err "needs a value"
run two-dirs 2 "$BIN" --check data data
has two-dirs-message err "one data set directory at most"

run check-clean 0 "$BIN" --check data
has check-count out "recommendations: 91"
has check-problems out "problems: 0 errors, 0 warnings"
has check-deliverables out "deliverables.csv     78 rows"
has check-questions out "questions.csv        82 rows"
if [ -s "$TMP/err" ]; then echo "not ok check-clean-stderr: stderr not empty"; else echo "ok check-clean-stderr"; fi

run show 0 "$BIN" --show SSR1-11 data
has show-id out "SSR1-11"
has show-question out "11.13 (open) [GDD] On the status and deliverables of Rec 11"
has show-overdue out "Deliverables (4, 3 done, 1 overdue)"
has show-open-questions out "Questions (16, 16 open)"
has show-history out "History (3, newest first)"
# newest first: the 2016 entry comes before the 2014 one
first=$(grep -n '2016-06-30' "$TMP/out" | head -1 | cut -d: -f1)
second=$(grep -n '2014-03-18' "$TMP/out" | head -1 | cut -d: -f1)
if [ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ]; then echo "ok show-newest-first"; else echo "not ok show-newest-first"; fi
# 004's Project Status narrative, headed by its place in the seed; the seed's "2106" as written; its
# dated progress line as a history entry of its own; a due date as 004 wrote it beside the ISO month
has show-narrative out "Project status (from 004_468ec3b28ca421a3.txt:539-563)"
has show-narrative-2106 out "date estimated March 2106."
has show-progress-line out "2016-01-29  from 004_468ec3b28ca421a3.txt:547"
has show-due-as-written out "2015-10 (Oct 2015), overdue"
# SSR1-22: the note "Recommendations 20, 21, 22" refers to 20 (and 21); 6: both texts, each with its source
run show-22 0 "$BIN" --show SSR1-22 data
has show-22-note out "[Note: Recommendations 20, 21, 22 are addressed by the framework and related"
has show-22-refers-to-20 out "refers to    ○ SSR1-20  SSR Budget"
run show-6 0 "$BIN" --show SSR1-6 data
has show-6-text-000 out "Text (from 000_dd050d74c006ebf6.txt:130)"
has show-6-text-004 out "Text (from 004_468ec3b28ca421a3.txt:268)"
has show-6-longer out "ICANN should consider appropriate resourcing"
run show-nocase 0 "$BIN" --show ssr2-5.4 data
has show-ssr2 out "ICANN org should reach out to the community"
run show-unknown 2 "$BIN" --show SSR9-99 data
has show-unknown-message err "no recommendation with id 'SSR9-99'"
run show-suggest 2 "$BIN" --show 5.1 data
has show-suggest-message err "did you mean SSR2-5.1"

run no-dir 2 "$BIN" --check "$TMP/none"
has no-dir-message err "cannot open data set"
echo x >"$TMP/file"
run dir-is-file 2 "$BIN" --check "$TMP/file"
has dir-is-file-message err "not a directory"
mkdir "$TMP/empty"
run no-recommendations 2 "$BIN" --check "$TMP/empty"
has no-recommendations-message err "recommendations.csv: error: cannot open: No such file or directory"

# Warnings only: exit 1, and 2 with --strict.
mkdir "$TMP/warn"
printf 'id,status\nR-1,someday\nR-2,complete\n' >"$TMP/warn/recommendations.csv"
run warnings 1 "$BIN" --check "$TMP/warn"
has warnings-message err "recommendations.csv:2:5: warning: unknown status 'someday'"
run strict 2 "$BIN" --check --strict "$TMP/warn"
has strict-message err "recommendations.csv:2:5: error: unknown status 'someday'"

# Errors: a quote error and an unknown link; the rest still loads.
mkdir "$TMP/bad"
printf 'id,text\nR-1,"fine"\nR-2,"bad"x\nR-3,after\n' >"$TMP/bad/recommendations.csv"
printf 'rec_id,date,status\nR-9,2015-01-01,complete\nR-3,2015-13-01,complete\n' >"$TMP/bad/status_history.csv"
run errors 2 "$BIN" --check "$TMP/bad"
has errors-quote err "recommendations.csv:3:10: error: text after the closing quote"
has errors-link err "status_history.csv:2:1: warning: unknown recommendation 'R-9'"
has errors-date err "status_history.csv:3:5: warning: bad date '2015-13-01'"
has errors-rest-loads out "recommendations: 3"

# Hostile text never reaches the terminal as control characters.
mkdir "$TMP/hostile"
printf 'id,title,text\nH-1,"\033]2;pwned\007 title","bidi \342\200\256 evil \033[31m red \302\233 csi"\n' >"$TMP/hostile/recommendations.csv"
run hostile-show 0 "$BIN" --show H-1 "$TMP/hostile"
ctrl=$(LC_ALL=C tr -d '\n' <"$TMP/out" | LC_ALL=C tr -d '\040-\176\200-\377' | wc -c)
if [ "$ctrl" -eq 0 ]; then echo "ok hostile-no-controls"; else echo "not ok hostile-no-controls: $ctrl control bytes"; fi
has hostile-visible out "^[]2;pwned^G title"
has hostile-bidi out "<U+202E>"
has hostile-c1 out "<U+009B>"

# With no DIR: the data set beside the binary, or $RECVIEW_DATA.
# (only when the binary is the one in the tree: a sanitizer build lives in its own directory)
if [ -d "$(dirname "$ABS_BIN")/data" ]; then
	(cd "$TMP" && "$ABS_BIN" --check >"$TMP/out" 2>"$TMP/err")
	has default-dir out "recommendations: 91"
fi
RECVIEW_DATA="$TMP/warn" run env-dir 1 "$ABS_BIN" --check
has env-dir-count out "recommendations: 2"
