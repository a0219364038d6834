#!/usr/bin/env bash
# Concurrency test: two recview processes (A and B) on one data set at once, RUNS times on a fresh
# copy of data/. Each adds a few notes ("A-RUN-K", "B-RUN-K") and changes the status of a
# recommendation of its own; in two runs out of three both also change the status of one shared
# recommendation (the same value, or two different values: a real conflict). Both load the data set
# before either changes anything: each key script starts with two :save-display into FIFOs that the
# test opens only when both processes have reached the first (a barrier).
# After both exit, it checks:
#   notes-kept      every note of a process that exited 0 is in notes.csv exactly once
#   status-kept     every status change of a process that exited 0 has its history row exactly once,
#                   and its own recommendation's status column says its value
#   nothing-doubled no note and no history row is there twice, whatever the exit codes
#   conflicts       two different values for one status: either a real conflict, reported on stderr
#                   (a line with "conflict" naming the recommendation) by a process that exits non-zero,
#                   or the later writer had merged the earlier's change before making its own: both
#                   exit 0 and the column holds the value of the later history row
#   priority-kept   the priority a process that exited 0 set on its own recommendation is in its
#                   priority column, and changes.csv has that change's row exactly once
#   pairs           status and decision columns agree with the last recview history rows (pairs.awk;
#                   the shared recommendation of a conflict aside)
#   parse           every file parses; no temporary file or journal is left after both exited
#   SEED=1234 RUNS=100 bash tests/stress/concurrent.sh       KEEP=DIR keeps the data of failing runs
#   SEQUENTIAL=1: one process after the other instead (every check must pass: a check of the checks)
set -u
# shellcheck source=tests/stress/lib.sh
. "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-150}
SEED=${SEED:-$(($(date +%s) % 32768))}
RANDOM=$SEED
echo "# concurrent: seed $SEED, $RUNS runs of two processes, a fresh copy of data/ each run"

OWN_A=(SSR1-1 SSR1-2 SSR1-3 SSR1-4 SSR1-5)
OWN_B=(SSR2-1.1 SSR2-2.1 SSR2-2.2 SSR2-2.3 SSR2-2.4)
SHARED=(SSR1-11 SSR1-20 SSR2-5.4 SSR2-9.2)
NOTE_RECS=(SSR1-11 SSR1-20 SSR2-5.4 SSR2-9.2 SSR1-1 SSR2-1.1)
STATUSES=("not started" "in planning" "in progress" "behind schedule" "complete")

PRISTINE=$TMP/pristine
ASKS_FIRST=$(asks_first data)
mkdir "$PRISTINE"
cp data/*.csv "$PRISTINE/"
baseline "$PRISTINE" "$TMP/baseline"

declare -A count bad_runs exits
INVARIANTS="notes-kept status-kept priority-kept nothing-doubled conflicts pairs parse"
for inv in $INVARIANTS; do count[$inv]=0; bad_runs[$inv]=""; done
details=$TMP/details
: >"$details"
apart=0 notes_typed=0 notes_expected=0 notes_found=0 conflicts_made=0 conflicts_reported=0 conflicts_merged=0

violation() {
	inv=$1 run=$2
	shift 2
	count[$inv]=$((count[$inv] + 1))
	case " ${bad_runs[$inv]} " in *" $run "*) ;; *) bad_runs[$inv]="${bad_runs[$inv]} $run" ;; esac
	printf '  run %s (%s): %s: %s\n' "$run" "$desc" "$inv" "$*" >>"$details"
}

# script P RUN OWN SHARED_VALUE: the key script of process P; its notes go to $TMP/P.notes, its
# status changes (id TAB value TAB note) to $TMP/P.status
script() {
	p=$1 run=$2 own=$3 shared_value=$4
	: >"$TMP/$p.notes"
	: >"$TMP/$p.status"
	nnotes=$((2 + RANDOM % 3))
	contested_at=$((RANDOM % (nnotes + 1)))
	{
		echo ":save-display $TMP/$p.barrier1"
		echo ":save-display $TMP/$p.barrier2"
		v=${STATUSES[RANDOM % 5]}
		echo "<Colon>$own<Enter>c$v<Enter>$(confirm_key "$own" "$v")$p-s-$run-0<Enter><Enter>"
		printf '%s\t%s\t%s\n' "$own" "$v" "$p-s-$run-0" >>"$TMP/$p.status"
		# A priority: the prompt starts with the current one, C-u clears it.
		pri=P$((1 + RANDOM % 4))
		echo "p<C-u>$pri<Enter>"
		echo "$pri" >"$TMP/$p.priority"
		for k in $(seq 1 "$nnotes"); do
			if [ -n "$shared_value" ] && [ "$k" -eq $((contested_at + 1)) ]; then
				echo "<Colon>$shared<Enter>c$shared_value<Enter>$(confirm_key "$shared" "$shared_value")$p-s-$run-c<Enter><Enter>"
				printf '%s\t%s\t%s\n' "$shared" "$shared_value" "$p-s-$run-c" >>"$TMP/$p.status"
			fi
			id=${NOTE_RECS[RANDOM % ${#NOTE_RECS[@]}]}
			echo "<Colon>$id<Enter>i$p-$run-$k<Enter>"
			echo "$p-$run-$k" >>"$TMP/$p.notes"
		done
		if [ -n "$shared_value" ] && [ "$contested_at" -eq "$nnotes" ]; then
			echo "<Colon>$shared<Enter>c$shared_value<Enter>$(confirm_key "$shared" "$shared_value")$p-s-$run-c<Enter><Enter>"
			printf '%s\t%s\t%s\n' "$shared" "$shared_value" "$p-s-$run-c" >>"$TMP/$p.status"
		fi
	} >"$TMP/$p.script"
}

# together_run: A and B at once, both loaded before either changes anything; sets rc_a, rc_b and
# together (0 when the barrier was missed).
together_run() {
	RECVIEW_SCRIPT=$TMP/A.script timeout 20 "$ABS_BIN" "$dir" >/dev/null 2>"$TMP/A.err" &
	pid_a=$!
	RECVIEW_SCRIPT=$TMP/B.script timeout 20 "$ABS_BIN" "$dir" >/dev/null 2>"$TMP/B.err" &
	pid_b=$!
	# Both have loaded the data set (each is at its first barrier) before either goes on. Should one
	# not get there in 5 s (say, a store that locks out a second session), every barrier is opened
	# and the run does not count as simultaneous: its conflict is not checked.
	readers=""
	if [ $((RANDOM % 2)) -eq 0 ]; then first=A second=B; else first=B second=A; fi
	if timeout 5 cat "$TMP/A.barrier1" >/dev/null; then
		if timeout 5 cat "$TMP/B.barrier1" >/dev/null; then
			together=1
			pending="$first.barrier2 $second.barrier2"
		else
			together=0
			pending="B.barrier1 A.barrier2 B.barrier2"
		fi
	else
		together=0
		pending="A.barrier1 B.barrier1 A.barrier2 B.barrier2"
	fi
	for f in $pending; do
		timeout 30 cat "$TMP/$f" >/dev/null &
		readers="$readers $!"
	done
	[ $together -eq 1 ] || apart=$((apart + 1))
	wait "$pid_a"
	rc_a=$?
	wait "$pid_b"
	rc_b=$?
	for r in $readers; do kill "$r" 2>/dev/null; wait "$r" 2>/dev/null; done
}

for run in $(seq 1 "$RUNS"); do
	dir=$TMP/run-$run
	cp -r "$PRISTINE" "$dir"
	mode=$((RANDOM % 3)) # 0: nothing shared, 1: the same value, 2: two values (a conflict)
	shared=${SHARED[RANDOM % ${#SHARED[@]}]}
	va="" vb=""
	if [ $mode -ge 1 ]; then
		va=${STATUSES[RANDOM % 5]}
		vb=$va
		[ $mode -eq 2 ] && while [ "$vb" = "$va" ]; do vb=${STATUSES[RANDOM % 5]}; done
	fi
	own_a=${OWN_A[RANDOM % ${#OWN_A[@]}]}
	own_b=${OWN_B[RANDOM % ${#OWN_B[@]}]}
	case $mode in 0) desc="no shared change" ;; 1) desc="both set $shared to $va" ;; 2) desc="$shared: A $va, B $vb" ;; esac
	script A "$run" "$own_a" "$va"
	script B "$run" "$own_b" "$vb"
	for p in A B; do rm -f "$TMP/$p.barrier1" "$TMP/$p.barrier2"; mkfifo "$TMP/$p.barrier1" "$TMP/$p.barrier2"; done
	if [ -n "${SEQUENTIAL:-}" ]; then
		# The checks' own check: one process after the other must pass every one of them.
		exec 6<>"$TMP/A.barrier1" 7<>"$TMP/A.barrier2" 8<>"$TMP/B.barrier1" 9<>"$TMP/B.barrier2"
		RECVIEW_SCRIPT=$TMP/A.script timeout 20 "$ABS_BIN" "$dir" >/dev/null 2>"$TMP/A.err"
		rc_a=$?
		RECVIEW_SCRIPT=$TMP/B.script timeout 20 "$ABS_BIN" "$dir" >/dev/null 2>"$TMP/B.err"
		rc_b=$?
		exec 6>&- 7>&- 8>&- 9>&-
		together=0
		apart=$((apart + 1))
	else
		together_run
	fi
	exits[$rc_a]=$((${exits[$rc_a]:-0} + 1))
	exits[$rc_b]=$((${exits[$rc_b]:-0} + 1))

	# Notes: kept when the process says so, never twice.
	for p in A B; do
		[ $p = A ] && rc=$rc_a || rc=$rc_b
		while read -r text; do
			notes_typed=$((notes_typed + 1))
			n=$(count_text "$dir/notes.csv" note "$text")
			[ "$n" -gt 1 ] && violation nothing-doubled "$run" "note $text is in notes.csv $n times"
			if [ "$rc" -eq 0 ]; then
				notes_expected=$((notes_expected + 1))
				if [ "$n" -eq 1 ]; then
					notes_found=$((notes_found + 1))
				else
					violation notes-kept "$run" "$p exited 0 but note $text is in notes.csv $n times"
				fi
			fi
		done <"$TMP/$p.notes"
		while IFS=$'\t' read -r id value text; do
			n=$(count_text "$dir/status_history.csv" note "$text")
			[ "$n" -gt 1 ] && violation nothing-doubled "$run" "history row $text is there $n times"
			[ "$rc" -eq 0 ] && [ "$n" -ne 1 ] &&
				violation status-kept "$run" "$p exited 0 but its status change of $id ($text) has $n history rows"
		done <"$TMP/$p.status"
		own=$own_a
		[ $p = B ] && own=$own_b
		value=$(head -1 "$TMP/$p.status" | cut -f2)
		col=$(column_of "$dir/recommendations.csv" "$own" status)
		[ "$rc" -eq 0 ] && [ "$col" != "$value" ] &&
			violation status-kept "$run" "$p exited 0 but the status of $own is '$col', not '$value'"
		pri=$(cat "$TMP/$p.priority")
		col=$(column_of "$dir/recommendations.csv" "$own" priority)
		n=0
		[ -f "$dir/changes.csv" ] && n=$(tsv "$dir/changes.csv" | awk -F '\t' -v id="$own" -v v="$pri" \
			'$1 == id && $3 == "priority" && $4 == v { n++ } END { print n + 0 }')
		[ "$n" -gt 1 ] && violation nothing-doubled "$run" "the priority row of $own is in changes.csv $n times"
		[ "$rc" -eq 0 ] && { [ "$col" != "$pri" ] || [ "$n" -ne 1 ]; } &&
			violation priority-kept "$run" "$p exited 0 but $own has priority '$col' and $n changes.csv rows for $pri"
	done

	# Two values for one status. Either a real conflict (a change made without having seen the
	# other's): said on stderr by a process that exits non-zero; or the later writer had merged the
	# earlier's change before making its own: both rows kept, and the column holds the later row's value.
	if [ $mode -eq 2 ] && [ $together -eq 1 ]; then
		conflicts_made=$((conflicts_made + 1))
		reported=0
		for p in A B; do
			[ $p = A ] && rc=$rc_a || rc=$rc_b
			grep -qi conflict "$TMP/$p.err" && grep -qF "$shared" "$TMP/$p.err" && [ "$rc" -ne 0 ] && reported=1
		done
		row_a=$(row_of "$dir/status_history.csv" note "A-s-$run-c")
		row_b=$(row_of "$dir/status_history.csv" note "B-s-$run-c")
		col=$(column_of "$dir/recommendations.csv" "$shared" status)
		later=""
		[ "$row_a" -gt 0 ] && [ "$row_b" -gt 0 ] && { [ "$row_a" -gt "$row_b" ] && later=$va || later=$vb; }
		if [ $reported -eq 1 ]; then
			conflicts_reported=$((conflicts_reported + 1))
		elif [ "$rc_a" -eq 0 ] && [ "$rc_b" -eq 0 ] && [ -n "$later" ] && [ "$col" = "$later" ]; then
			conflicts_merged=$((conflicts_merged + 1))
		else
			violation conflicts "$run" "neither reported nor merged in order (rows A $row_a B $row_b, column '$col'; A exit $rc_a: $(head -c 150 "$TMP/A.err" | tr '\n' ' ') | B exit $rc_b: $(head -c 150 "$TMP/B.err" | tr '\n' ' '))"
		fi
		col=$(column_of "$dir/recommendations.csv" "$shared" status)
		if { [ "$rc_a" -eq 0 ] || [ "$rc_b" -eq 0 ]; } && [ "$col" != "$va" ] && [ "$col" != "$vb" ]; then
			violation conflicts "$run" "the status of $shared is '$col', neither side's value"
		fi
	fi

	touched="$own_a $own_b"
	[ $mode -ge 1 ] && touched="$touched $shared"
	out=$(pairs "$PRISTINE" "$dir" "$touched")
	[ $mode -eq 2 ] && out=$(printf '%s\n' "$out" | grep -v "^status-pair $shared:")
	[ -z "$out" ] || violation pairs "$run" "$(printf '%s' "$out" | head -3 | tr '\n' ';')"
	out=$(check_errors "$dir" "$TMP/baseline") || violation parse "$run" "$out"
	left=$(leftovers "$dir" | tr '\n' ' ')
	[ -z "$left" ] || violation parse "$run" "left after both exited: $left"
	if [ -n "${KEEP:-}" ] && grep -q "^  run $run " "$details"; then
		mkdir -p "$KEEP" && cp -r "$dir" "$KEEP/run-$run" && cp "$TMP"/[AB].script "$TMP"/[AB].err "$KEEP/run-$run/"
	fi
	rm -rf "$dir"
done

total=0
for inv in $INVARIANTS; do
	total=$((total + count[$inv]))
	verdict "concurrent-$inv" "${count[$inv]}" "${count[$inv]} violations in $(runs_list "${bad_runs[$inv]}")"
done
[ "$RUNS" -ge 100 ] || not_ok concurrent-enough-runs "$RUNS runs, at least 100 are needed"
[ $((RUNS - apart)) -ge $((RUNS / 2)) ] || not_ok concurrent-simultaneous "only $((RUNS - apart)) of $RUNS runs had both processes loaded at once"
if [ -s "$details" ]; then
	echo "# violations (first 30):"
	head -30 "$details"
fi
by_code=""
for code in $(printf '%s\n' "${!exits[@]}" | sort -n); do by_code="$by_code $code:${exits[$code]}"; done
echo "# concurrent: seed $SEED: $RUNS runs ($apart not simultaneous); notes typed $notes_typed, expected (exit 0) $notes_expected, found $notes_found;" \
	"conflicts made $conflicts_made, reported $conflicts_reported, merged in order $conflicts_merged; exits by code (code:processes)$by_code; $total violations"
summary concurrent
