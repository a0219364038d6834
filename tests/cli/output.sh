#!/bin/sh
# Output that cannot be written (a full disk, a closed stdout) is said on stderr and exits 4, for every
# action that prints; a broken pipe still ends recview through SIGPIPE, silently.
. tests/cli/lib.sh

# full NAME ARGS...: recview ARGS with stdout on /dev/full must exit 4 and say what it could not write
full() {
	name=$1
	shift
	timeout 20 "$BIN" "$@" >/dev/full 2>"$TMP/err"
	got=$?
	if [ "$got" -eq 4 ]; then echo "ok $name (exit 4)"; else echo "not ok $name: exit $got, wanted 4"; fi
	has "$name-message" err "cannot write"
	has "$name-reason" err "No space left on device"
}

full full-check --check data
has full-check-names err "cannot write the check summary to standard output"
full full-show --show SSR1-11 data
has full-show-names err "cannot write the recommendation to standard output"
full full-list --list data
has full-list-names err "cannot write the list to standard output"
full full-summary --summary data
has full-summary-names err "cannot write the summary to standard output"
full full-export-md --export md data
has full-export-md-names err "cannot write the md export to standard output"
full full-export-csv --export csv data
has full-export-csv-names err "cannot write the csv export to standard output"
full full-export-minutes --export minutes data
has full-export-minutes-names err "cannot write the minutes to standard output"
full full-help --help
has full-help-names err "cannot write the help to standard output"
full full-version --version
has full-version-names err "cannot write the version to standard output"

# A closed stdout: the write fails (no data file may take its place), the same way.
timeout 20 "$BIN" --version >&- 2>"$TMP/err"
got=$?
if [ "$got" -eq 4 ]; then echo "ok closed-stdout (exit 4)"; else echo "not ok closed-stdout: exit $got, wanted 4"; fi
has closed-stdout-message err "cannot write the version to standard output"
timeout 20 "$BIN" --list data >&- 2>"$TMP/err"
got=$?
if [ "$got" -eq 4 ]; then echo "ok closed-stdout-list (exit 4)"; else echo "not ok closed-stdout-list: exit $got, wanted 4"; fi

# stderr on /dev/full as well: nowhere to say it, so no loop, just exit 4.
timeout 20 "$BIN" --list data >/dev/full 2>/dev/full
got=$?
if [ "$got" -eq 4 ]; then echo "ok full-both (exit 4)"; else echo "not ok full-both: exit $got, wanted 4"; fi
# Problems that --check cannot write to stderr are output lost too.
mkdir "$TMP/warn"
printf 'id,status\nR-1,someday\n' >"$TMP/warn/recommendations.csv"
timeout 20 "$BIN" --check "$TMP/warn" >"$TMP/out" 2>/dev/full
got=$?
if [ "$got" -eq 4 ]; then echo "ok full-stderr-check (exit 4)"; else echo "not ok full-stderr-check: exit $got, wanted 4"; fi

# Output that is written is still exit 0 (and a usage error still 2).
run written-list 0 "$BIN" --list data
run usage-still-2 2 "$BIN" --frobnicate

# A reader that stops early: SIGPIPE ends recview as usual, with nothing said on stderr.
# (The data set is large enough that the output does not fit in the pipe's buffer.)
mkdir "$TMP/big"
awk 'BEGIN { print "id,title,text"; for (i = 1; i <= 3000; i++) printf "B-%d,Title %d,%s\n", i, i, "a long enough text to fill the pipe quickly and then some more words" }' >"$TMP/big/recommendations.csv"
{ timeout 20 "$BIN" --list "$TMP/big" 2>"$TMP/err"; echo $? >"$TMP/rc"; } | head -c 1 >/dev/null
rc=$(cat "$TMP/rc")
# Where SIGPIPE was ignored before this shell started, it cannot be restored: then EPIPE is an error.
# (SIGPIPE is signal 13: bit 0 of the fourth hex digit from the right of SigIgn.)
ignored=$(awk '/^SigIgn:/ { print (index("13579bdf", tolower(substr($2, length($2) - 3, 1))) > 0) }' /proc/$$/status 2>/dev/null)
if [ "$rc" -eq 141 ] || { [ "${ignored:-0}" = 1 ] && [ "$rc" -eq 4 ]; }; then echo "ok sigpipe-signal (exit $rc)"; else echo "not ok sigpipe-signal: exit $rc, wanted 141 (SIGPIPE)"; fi
if [ -s "$TMP/err" ] && [ "${ignored:-0}" != 1 ]; then echo "not ok sigpipe-quiet: stderr not empty"; sed 's/^/  err: /' "$TMP/err" | head -3; else echo "ok sigpipe-quiet"; fi
