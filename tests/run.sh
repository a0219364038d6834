#!/bin/sh
# Runs every test of recview and ends with one line "N passed, N failed".
#   unit:   the cmocka tests of the core (BUILD/unit-tests)
#   cli:    tests/cli/*.sh    command-line behaviour, exit codes and output
#   screen: tests/screen/*.script  keys played without a terminal, screens compared with *.screen files
#   tmux:   tests/tmux/*.sh   the real binary in a real terminal (skipped when tmux is missing)
# BIN names the binary under test (default ./recview), BUILD its build directory.
set -u
BIN=${BIN:-./recview}
BUILD=${BUILD:-build}
export BIN LC_ALL=C.UTF-8 TZ=UTC
# The data sets under test lie in recview's own git work tree: the status line would show its branch.
# git looks no further up than the work tree's top (tests/cli/git.sh makes its repositories elsewhere).
GIT_CEILING_DIRECTORIES=$(pwd)
export GIT_CEILING_DIRECTORIES
unset NO_COLOR RECVIEW_DATA RECVIEW_SCRIPT
passed=0
failed=0
todo=0
failures=""
# The bundled data and the test data must come out of the tests exactly as they went in.
fingerprint() { find data tests/data -type f -exec cksum {} + 2>/dev/null | sort; }
before=$(fingerprint)

count() { # name status
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $1"
	fi
}

# --- unit tests: cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)" per group
if [ -x "$BUILD/unit-tests" ]; then
	out=$(CMOCKA_MESSAGE_OUTPUT=stdout "$BUILD/unit-tests" 2>&1)
	status=$?
	printf '%s\n' "$out" | grep -E '^\[  (FAILED|ERROR)  \]|^\[  PASSED  \]' | sed 's/^/unit: /'
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		printf '%s\n' "$out" | tail -20
		f=1
		failures="$failures unit-tests(crashed)"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -gt 0 ] && failures="$failures unit-tests"
else
	echo "unit: $BUILD/unit-tests missing"
	failed=$((failed + 1))
fi

# --- command-line tests: each script prints "ok NAME" or "not ok NAME" per case. A line with
# "# TODO" (TAP's TODO directive: tests/cli/exports.sh marks the export dialects recview does not
# read yet) is counted apart, neither passed nor failed, so that a known gap never fails the run
# and never inflates the passed count; one that says "passes now" is shown.
for t in tests/cli/*.sh; do
	case $t in */lib.sh) continue ;; esac
	out=$(sh "$t" 2>&1)
	printf '%s\n' "$out" | grep -E '^not ok' | grep -v '# TODO' | sed "s|^|$t: |"
	printf '%s\n' "$out" | grep -E '^(not )?ok .*# TODO passes now' | sed "s|^|$t: |"
	printf '%s\n' "$out" | grep -E '^# measured: ' | sed "s|^# |$t: |" # figures a test reports
	p=$(printf '%s\n' "$out" | grep '^ok ' | grep -c -v '# TODO')
	f=$(printf '%s\n' "$out" | grep '^not ok' | grep -c -v '# TODO')
	d=$(printf '%s\n' "$out" | grep -E '^(not )?ok ' | grep -c '# TODO')
	passed=$((passed + p))
	failed=$((failed + f))
	todo=$((todo + d))
	[ "$f" -gt 0 ] && failures="$failures $t"
done

# --- screen tests without a terminal
for s in tests/screen/*.script; do
	[ -f "$s" ] || continue
	out=$(sh tests/screen/run-one.sh "$s" 2>&1)
	st=$?
	[ "$st" -ne 0 ] && printf '%s\n' "$out"
	count "$s" "$st"
done

# --- real terminal tests
if command -v tmux >/dev/null 2>&1; then
	for t in tests/tmux/*.sh; do
		case $t in */lib.sh) continue ;; esac
		out=$(sh "$t" 2>&1)
		st=$?
		printf '%s\n' "$out" | grep -E '^not ok' | sed "s|^|$t: |"
		p=$(printf '%s\n' "$out" | grep -c '^ok ')
		f=$(printf '%s\n' "$out" | grep -c '^not ok')
		if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
			printf '%s\n' "$out" | tail -5
			f=1
		fi
		# A script that stops on an error (a syntax error, a failed command under set -e) has its
		# checks after that unrun: its exit status counts as one failure more.
		if [ "$st" -ne 0 ]; then
			echo "$t: exited $st"
			printf '%s\n' "$out" | tail -3
			f=$((f + 1))
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		[ "$f" -gt 0 ] && failures="$failures $t"
	done
else
	echo "tmux: not installed, terminal tests skipped"
fi

if [ "$(fingerprint)" != "$before" ]; then
	echo "data: the tests changed files under data/ or tests/data/"
	failed=$((failed + 1))
	failures="$failures data-untouched"
else
	passed=$((passed + 1))
fi

[ "$todo" -gt 0 ] && echo "todo: $todo known gaps (TODO lines, not failures; see tests/cli/exports.sh)"
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
