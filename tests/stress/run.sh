#!/usr/bin/env bash
# make stress: the crash, concurrency and full-disk tests of saving, one after the other; ends with
# "N passed, N failed, N skipped". Each test prints its seed: SEED=N bash tests/stress/NAME.sh
# replays its changes; RUNS=N bash tests/stress/NAME.sh changes the number of runs.
set -u
cd "$(dirname "$0")/../.." || exit 2
passed=0 failed=0 skipped=0 failures=""
fingerprint() { find data tests/data -type f -exec cksum {} + 2>/dev/null | sort; }
before=$(fingerprint)
for t in crash concurrent fulldisk; do
	start=$(date +%s)
	out=$(timeout 600 bash "tests/stress/$t.sh" 2>&1)
	rc=$?
	printf '%s\n' "$out" | grep -E '^(not ok|skipped|#|  run)' | sed "s|^|$t: |"
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok')
	s=$(printf '%s\n' "$out" | grep -c '^skipped')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$t: exited $rc:"
		printf '%s\n' "$out" | tail -5
		f=1
	fi
	echo "$t: $p passed, $f failed, $s skipped in $(($(date +%s) - start)) s"
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	[ "$f" -gt 0 ] && failures="$failures $t"
done
if [ "$(fingerprint)" != "$before" ]; then
	echo "data: the stress tests changed files under data/ or tests/data/"
	failed=$((failed + 1))
	failures="$failures data-untouched"
fi
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
