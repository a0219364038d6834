#!/usr/bin/env bash
# Crash test: a burst of mixed changes (status, decision, priority, notes, agenda, undo, redo) played
# by a key script is killed with SIGKILL at a random moment, RUNS times, each on a fresh copy of data/.
# After each kill, and after the next session that can write has opened the data set (that is where
# recovery runs), it checks:
#   parse        every file still parses: --check shows no error the pristine copy did not have
#                (before and after that open)
#   pairs        every status/decision change is in both files or in neither (pairs.awk)
#   rows         every recview history row, note and agenda row is one the burst made, at most once,
#                for the right recommendation; files the burst never changes are byte-identical
#   leftovers    no temporary file (.NAME.recview-XXXXXX) and no .recview-journal after that open
#   open         that open exits 0
#   completed    a run that was not killed in time exited 0 with the files of an uncut run
# Randomness comes from $RANDOM seeded with SEED (printed), so a failure can be replayed:
#   SEED=1234 RUNS=60 bash tests/stress/crash.sh       KEEP=DIR keeps the data of failing runs
set -u
# shellcheck source=tests/stress/lib.sh
. "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-100}
CHANGES=${CHANGES:-50}
SEED=${SEED:-$(($(date +%s) % 32768))}
RANDOM=$SEED
echo "# crash: seed $SEED, $RUNS runs of $CHANGES changes, a fresh copy of data/ each run"

POOL=(SSR1-1 SSR1-3 SSR1-11 SSR1-20 SSR2-1.1 SSR2-5.4 SSR2-9.2 SSR2-20.1)
STATUSES=("not started" "in planning" "in progress" "behind schedule" "complete")
DECISIONS=(pending approved rejected)

PRISTINE=$TMP/pristine
ASKS_FIRST=$(asks_first data)
mkdir "$PRISTINE"
cp data/*.csv "$PRISTINE/"
baseline "$PRISTINE" "$TMP/baseline"

# burst RUN SCRIPT PLAN: writes a key script of CHANGES changes on recommendations of POOL, and the
# plan (kind, id, value, text: one TAB-separated line per status, decision and note) the checks use.
# The ids it touched go to $touched.
burst() {
	: >"$3"
	touched=""
	{
		echo "# crash run $1"
		for k in $(seq 1 "$CHANGES"); do
			id=${POOL[RANDOM % ${#POOL[@]}]}
			r=$((RANDOM % 100))
			case " $touched " in *" $id "*) ;; *) touched="$touched $id" ;; esac
			echo "<Colon>$id<Enter>"
			if [ $r -lt 25 ]; then
				v=${STATUSES[RANDOM % 5]}
				echo "c$v<Enter>$(confirm_key "$id" "$v")S-$1-$k<Enter><Enter>"
				printf 'status\t%s\t%s\tS-%s-%s\n' "$id" "$v" "$1" "$k" >>"$3"
			elif [ $r -lt 40 ]; then
				v=${DECISIONS[RANDOM % 3]}
				echo "C$v<Enter>D-$1-$k<Enter><Enter>"
				printf 'decision\t%s\t%s\tD-%s-%s\n' "$id" "$v" "$1" "$k" >>"$3"
			elif [ $r -lt 55 ]; then
				p=$((RANDOM % 5))
				[ $p -eq 0 ] && echo "p<C-u><Enter>" || echo "p<C-u>P$p<Enter>"
			elif [ $r -lt 75 ]; then
				echo "iN-$1-$k<Enter>"
				printf 'note\t%s\t\tN-%s-%s\n' "$id" "$1" "$k" >>"$3"
			elif [ $r -lt 85 ]; then
				echo "m"
			elif [ $r -lt 97 ]; then
				echo "u"
			else
				echo "<C-r>"
			fi
		done
	} >"$2"
}

# rows DIR PLAN TOUCHED: recview's history rows, notes and agenda rows are the burst's, once each
rows() {
	dir=$1
	tsv "$dir/status_history.csv" | awk -F '\t' -v kind=history -f "$HERE/rows.awk" "$2" - || true
	[ -f "$dir/notes.csv" ] && { tsv "$dir/notes.csv" | awk -F '\t' -v kind=notes -f "$HERE/rows.awk" "$2" - || true; }
	if [ -f "$dir/agenda.csv" ]; then
		tsv "$dir/agenda.csv" | awk -F '\t' -v touched="$3" '
			NR == 1 { next }
			NF != 4 { print "agenda-row line " NR ": " NF " fields" }
			index(" " touched " ", " " $1 " ") == 0 { print "agenda-row " $1 ": never marked" }
			seen[$1]++ == 1 { print "agenda-row " $1 ": twice on the agenda" }'
	fi
	for f in deliverables.csv questions.csv reviews.csv; do
		cmp -s "$PRISTINE/$f" "$dir/$f" || echo "untouched-file $f changed"
	done
}

# The uncut run: its files are what a run that is not killed must leave, its length bounds the kill.
burst 0 "$TMP/ref.script" "$TMP/ref.plan"
REF=$TMP/ref
cp -r "$PRISTINE" "$REF"
t0=$(now_ms)
RECVIEW_SCRIPT=$TMP/ref.script timeout 60 "$ABS_BIN" "$REF" >/dev/null 2>"$TMP/ref.err"
ref_rc=$?
DURATION=$(($(now_ms) - t0))
[ "$DURATION" -lt 20 ] && DURATION=20
if [ "$ref_rc" -eq 0 ] && [ -z "$(pairs "$PRISTINE" "$REF" "$touched")" ] &&
	[ -z "$(rows "$REF" "$TMP/ref.plan" "$touched")" ]; then
	ok "crash-uncut-run (${DURATION} ms for $CHANGES changes)"
else
	not_ok crash-uncut-run "exit $ref_rc: $(head -c 300 "$TMP/ref.err"; pairs "$PRISTINE" "$REF" "$touched" | head -3)"
fi

kills=0 completed=0 odd_exit=0 left_by_kill=0
declare -A bad_runs count
for inv in parse pairs rows leftovers open completed; do count[$inv]=0; bad_runs[$inv]=""; done
details=$TMP/details
: >"$details"

# same_file A B: both absent, or the same bytes
same_file() {
	if [ -e "$1" ] || [ -e "$2" ]; then cmp -s "$1" "$2"; fi
}

# violation INV RUN TEXT...: one broken invariant in one run
violation() {
	inv=$1 run=$2
	shift 2
	count[$inv]=$((count[$inv] + 1))
	case " ${bad_runs[$inv]} " in *" $run "*) ;; *) bad_runs[$inv]="${bad_runs[$inv]} $run" ;; esac
	printf '  run %s (kill at %s ms): %s: %s\n' "$run" "$delay" "$inv" "$*" >>"$details"
}

for run in $(seq 1 "$RUNS"); do
	dir=$TMP/run-$run
	cp -r "$PRISTINE" "$dir"
	burst "$run" "$TMP/script" "$TMP/plan"
	delay=$((1 + RANDOM % DURATION))
	RECVIEW_SCRIPT=$TMP/script "$ABS_BIN" "$dir" >/dev/null 2>"$TMP/err" &
	pid=$!
	sleep_ms "$delay"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	# The kill moment is uniform in [1, DURATION] ms; DURATION follows the machine's speed, so that
	# most runs are killed (shorter after a run that finished first, a little longer after a kill).
	if [ "$rc" -eq 137 ]; then
		kills=$((kills + 1))
		DURATION=$((DURATION + DURATION / 50 + 1))
	elif [ "$rc" -eq 0 ]; then
		completed=$((completed + 1))
		DURATION=$((DURATION * 9 / 10))
		[ "$DURATION" -lt 20 ] && DURATION=20
	else
		odd_exit=$((odd_exit + 1))
		violation completed "$run" "exited $rc without being killed: $(head -c 200 "$TMP/err")"
	fi
	n=$(leftovers "$dir" | wc -l)
	left_by_kill=$((left_by_kill + n))
	out=$(check_errors "$dir" "$TMP/baseline") || violation parse "$run" "before the next open: $out"
	orc=$(open_for_writing "$dir")
	[ "$orc" -eq 0 ] || violation open "$run" "the next open exited $orc: $(head -c 200 "$TMP/open-err")"
	left=$(leftovers "$dir" | tr '\n' ' ')
	[ -z "$left" ] || violation leftovers "$run" "after the next open: $left"
	out=$(check_errors "$dir" "$TMP/baseline") || violation parse "$run" "after the next open: $out"
	out=$(pairs "$PRISTINE" "$dir" "$touched")
	[ -z "$out" ] || violation pairs "$run" "$(printf '%s' "$out" | head -3 | tr '\n' ';')"
	out=$(rows "$dir" "$TMP/plan" "$touched")
	[ -z "$out" ] || violation rows "$run" "$(printf '%s' "$out" | head -3 | tr '\n' ';')"
	# Exit 0 means every change is on disk: the files are those of the same burst played uncut.
	if [ "$rc" -eq 0 ]; then
		rm -rf "$TMP/uncut" && cp -r "$PRISTINE" "$TMP/uncut"
		RECVIEW_SCRIPT=$TMP/script timeout 60 "$ABS_BIN" "$TMP/uncut" >/dev/null 2>&1
		for f in recommendations.csv status_history.csv notes.csv agenda.csv; do
			same_file "$TMP/uncut/$f" "$dir/$f" ||
				violation completed "$run" "exit 0 but $f differs from the same burst played uncut"
		done
	fi
	if [ -n "${KEEP:-}" ] && grep -q "^  run $run " "$details"; then
		mkdir -p "$KEEP" && cp -r "$dir" "$KEEP/run-$run" && cp "$TMP/script" "$KEEP/run-$run.script"
	fi
	rm -rf "$dir"
done

total=0
for inv in parse pairs rows leftovers open completed; do
	total=$((total + count[$inv]))
	verdict "crash-$inv" "${count[$inv]}" "${count[$inv]} violations in $(runs_list "${bad_runs[$inv]}")"
done
[ "$RUNS" -ge 40 ] || not_ok crash-enough-runs "$RUNS runs, at least 40 are needed"
[ "$kills" -gt 0 ] || not_ok crash-killed "no run was killed before its end: nothing was tested"
if [ -s "$details" ]; then
	echo "# violations (first 30):"
	head -30 "$details"
fi
echo "# crash: seed $SEED: $RUNS runs, $kills killed, $completed finished before the kill, $odd_exit other exits;" \
	"$left_by_kill temporary files right after the kills; $total violations"
summary crash
