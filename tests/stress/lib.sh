# Helpers for the stress tests (bash): results, CSV reading, the checks every test shares.
# Each test prints "ok NAME" / "not ok NAME: details" / "skipped NAME: why", and ends with
# "NAME: N passed, N failed, N skipped"; it exits non-zero when anything failed.
BIN=${BIN:-./recview}
ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export LC_ALL=C.UTF-8 TZ=UTC LINES=30 COLUMNS=100 TERM=xterm
export USER=stress RECVIEW_NOW=2026-11-23T14:05:00
unset NO_COLOR RECVIEW_DATA RECVIEW_SCRIPT RECVIEW_TIMING
# No configuration of the user's may change the author or bind keys away.
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME
TMP=$(mktemp -d)
trap 'rm -rf "$TMP" "$XDG_CONFIG_HOME"' EXIT

passed=0
failed=0
skipped=0
failures=""

ok() { echo "ok $1"; passed=$((passed + 1)); }
not_ok() {
	echo "not ok $1: $2"
	failed=$((failed + 1))
	failures="$failures $1"
}
skip() { echo "skipped $1: $2"; skipped=$((skipped + 1)); }

# verdict NAME COUNT DETAILS: ok when COUNT is 0, else not ok with the details
verdict() {
	if [ "$2" -eq 0 ]; then ok "$1"; else not_ok "$1" "$3"; fi
}

# runs_list "RUN RUN ...": "N runs: 1 2 3 ..." (the first 15)
runs_list() {
	read -ra list <<<"$1"
	more=""
	[ "${#list[@]}" -gt 15 ] && more=" ..."
	echo "${#list[@]} runs: ${list[*]:0:15}$more"
}

summary() {
	[ -n "$failures" ] && echo "failed:$failures"
	echo "$1: $passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
}

# tsv FILE: the CSV file as one record per line, fields separated by TAB (see csv2tsv.awk)
tsv() { awk -f "$HERE/csv2tsv.awk" "$1"; }

# now_ms: milliseconds of the wall clock
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# sleep_ms N
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# leftovers DIR: the store's temporary files and journal that are still in DIR, one a line
leftovers() { find "$1" -maxdepth 1 \( -name '.*.recview-*' -o -name '.recview-journal*' \) -printf '%f\n' 2>/dev/null; }

# check_errors DIR BASELINE: the error lines of --check on DIR that the pristine copy did not have
# (paths written as DIR); prints them, returns 1 when there is any or --check exits worse than 1.
check_errors() {
	timeout 20 "$ABS_BIN" --check "$1" >/dev/null 2>"$TMP/check-err"
	rc=$?
	grep -F ': error:' "$TMP/check-err" | sed "s|$1|DIR|g" | sort >"$TMP/check-now"
	new=$(comm -13 "$2" "$TMP/check-now")
	[ -n "$new" ] && printf '%s\n' "$new"
	[ "$rc" -gt 1 ] && echo "--check exited $rc"
	[ -z "$new" ] && [ "$rc" -le 1 ]
}

# baseline DIR OUT: the error lines of --check on the pristine DIR, for check_errors
baseline() {
	timeout 20 "$ABS_BIN" --check "$1" 2>&1 >/dev/null | grep -F ': error:' | sed "s|$1|DIR|g" | sort >"$2"
}

# open_for_writing DIR: the next session that can write (a key script with no key): recovery runs here.
# Prints its exit code.
EMPTY_SCRIPT=$TMP/empty.script
echo "# no keys: open the data set for writing and leave" >"$EMPTY_SCRIPT"
open_for_writing() {
	RECVIEW_SCRIPT=$EMPTY_SCRIPT timeout 20 "$ABS_BIN" "$1" >/dev/null 2>"$TMP/open-err"
	echo $?
}

# pairs PRISTINE_DIR DIR TOUCHED: the status/decision invariant (pairs.awk); prints violations
pairs() {
	tsv "$1/recommendations.csv" >"$TMP/p-recs.tsv"
	tsv "$2/status_history.csv" >"$TMP/hist.tsv"
	tsv "$2/recommendations.csv" >"$TMP/recs.tsv"
	awk -F '\t' -v touched="$3" -f "$HERE/pairs.awk" "$TMP/p-recs.tsv" "$TMP/hist.tsv" "$TMP/recs.tsv"
	priority_pairs "$1" "$2"
}

# priority_pairs PRISTINE DIR: a priority change is in both files or in neither: each recommendation's
# priority column is the value of its last priority row in changes.csv, or as it was without one.
priority_pairs() {
	[ -f "$2/changes.csv" ] || return 0
	tsv "$2/changes.csv" >"$TMP/changes.tsv"
	awk -F '\t' '
		FNR == 1 { part++ }
		part == 1 && FNR == 1 { for (i = 1; i <= NF; i++) { if ($i == "priority") p0 = i; if ($i == "id") k0 = i }; next }
		part == 1 { was[$k0] = $p0; next }
		part == 2 && FNR == 1 { next }
		part == 2 { if ($3 == "priority") last[$1] = $4; next }
		part == 3 && FNR == 1 { for (i = 1; i <= NF; i++) { if ($i == "priority") p = i; if ($i == "id") k = i }; next }
		part == 3 {
			want = ($k in last) ? last[$k] : was[$k]
			if ($p != want) print "priority " $k ": column says \"" $p "\", changes.csv says \"" want "\""
		}' "$TMP/p-recs.tsv" "$TMP/changes.tsv" "$TMP/recs.tsv"
}

# count_text FILE TSV-COLUMN-NAME TEXT: how many rows of the CSV FILE have TEXT in that column
count_text() {
	[ -f "$1" ] || { echo 0; return; }
	tsv "$1" | awk -F '\t' -v col="$2" -v text="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
		c && $c == text { n++ }
		END { print n + 0 }'
}

# row_of FILE COLUMN-NAME TEXT: the number of the last data row with TEXT in that column, or 0
row_of() {
	[ -f "$1" ] || { echo 0; return; }
	tsv "$1" | awk -F '\t' -v col="$2" -v text="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
		c && $c == text { n = NR - 1 }
		END { print n + 0 }'
}

# column_of FILE ID COLUMN-NAME: the value of that column in the row of recommendation ID
column_of() {
	tsv "$1" | awk -F '\t' -v id="$2" -v col="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) { if ($i == col) c = i; if ($i == "id") k = i }; next }
		$k == id { print $c; exit }'
}

# asks_first DIR: the ids of the recommendations that have an open deliverable (not complete) or an
# open question (no answer, and open or no status), one per line: setting them complete asks y/n first.
asks_first() {
	{
		[ -f "$1/deliverables.csv" ] && tsv "$1/deliverables.csv" | awk -F '\t' '
			NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "rec_id") r = i; if ($i == "status") s = i }; next }
			$s != "complete" { print $r }'
		[ -f "$1/questions.csv" ] && tsv "$1/questions.csv" | awk -F '\t' '
			NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "rec_id") r = i; if ($i == "status") s = i; if ($i == "answer") a = i }; next }
			$a == "" && ($s == "" || $s == "open" || $s == "follow-up") { print $r }'
	} | sort -u
}

# confirm_key ID VALUE: "y" when setting ID to VALUE asks first (ASKS_FIRST holds asks_first's ids)
confirm_key() {
	[ "$2" = complete ] && printf '%s\n' "$ASKS_FIRST" | grep -qxF -- "$1" && printf 'y'
	return 0
}
