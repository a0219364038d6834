#!/bin/sh
# run.sh BUILD_BENCH_DIR - the load benchmark on generated data sets of 1k, 10k and 100k
# recommendations (make bench).
#
# Expects BUILD_BENCH_DIR/gen and BUILD_BENCH_DIR/bench; writes the data sets to
# BUILD_BENCH_DIR/data-<N>. A data set is generated when it is missing or when gen is newer than it
# and is a different program (make bench rebuilds gen each time; the build is reproducible, so an
# unchanged generator does not cost a regeneration).
#
# Environment: BENCH_SIZES (default "1000 10000 100000"), BENCH_REPEAT (default 5).
set -eu

if [ $# -ne 1 ]; then
	echo "usage: sh tests/bench/run.sh BUILD_BENCH_DIR" >&2
	exit 2
fi
dir=$1
gen=$dir/gen
bench=$dir/bench
sizes=${BENCH_SIZES:-1000 10000 100000}
repeat=${BENCH_REPEAT:-5}

for tool in "$gen" "$bench"; do
	if [ ! -x "$tool" ]; then
		echo "run.sh: $tool is missing: build it with make bench" >&2
		exit 2
	fi
done

# Prints nothing and succeeds when data set $1 must be (re)generated.
needs_gen() {
	stamp=$1/.generated
	[ -f "$stamp" ] || return 0
	[ -n "$(find "$gen" -newer "$stamp" 2>/dev/null)" ] || return 1
	sum=$(cksum <"$gen")
	if [ "$sum" = "$(cat "$stamp")" ]; then
		# Rebuilt but the same program: refresh the stamp so the next check is the cheap one.
		printf '%s\n' "$sum" >"$stamp"
		return 1
	fi
	return 0
}

for n in $sizes; do
	data=$dir/data-$n
	if needs_gen "$data"; then
		echo "generating $data"
		rm -rf "$data.tmp"
		"$gen" "$n" "$data.tmp"
		cksum <"$gen" >"$data.tmp/.generated"
		rm -rf "$data"
		mv "$data.tmp" "$data"
	fi
done

echo "recview load benchmark: best of $repeat; bare parse = read + libcsv only; MB = 10^6 bytes"
status=0
for n in $sizes; do
	"$bench" "$dir/data-$n" "$repeat" || status=1
done

# The browser on the largest set: start to first screen, then the time per key (keys played from
# tests/bench/keys.script without a terminal, each followed by a full redraw at 200x50).
largest=$(printf '%s\n' $sizes | sort -n | tail -1)
recview=${RECVIEW_BIN:-./recview}
if [ -x "$recview" ]; then
	echo "browser on $largest recommendations (200x50, time per key, best of 3 runs):"
	for run in 1 2 3; do
		LINES=50 COLUMNS=200 TERM=xterm RECVIEW_SCRIPT=tests/bench/keys.script \
			RECVIEW_TIMING="$dir/timing-$run.txt" "$recview" "$dir/data-$largest" >/dev/null 2>&1 || status=1
	done
	# Saving a change rewrites two files of the set: timed on a copy, so the generated set stays as made.
	rm -rf "$dir/triage-copy"
	cp -r "$dir/data-$largest" "$dir/triage-copy"
	LINES=50 COLUMNS=200 TERM=xterm RECVIEW_SCRIPT=tests/bench/triage.script \
		RECVIEW_TIMING="$dir/timing-triage.txt" "$recview" "$dir/triage-copy" >/dev/null 2>&1 || status=1
	rm -rf "$dir/triage-copy"
	cat "$dir"/timing-*.txt | awk '{ if (!($1 in best) || $2 < best[$1]) best[$1] = $2; if (!($1 in order)) { order[$1] = ++n; name[n] = $1 } }
		END { for (i = 1; i <= n; i++) printf "  %-14s %9.3f ms\n", name[i], best[name[i]] }'
fi
exit $status
