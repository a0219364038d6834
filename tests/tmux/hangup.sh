#!/bin/sh
# The terminal goes away under the browser (its pane killed, the tmux server killed) without a SIGHUP
# reaching it: recview notices, does not spin on a dead terminal, and exits as after a signal: 0 with
# everything saved, 5 with the changes that are not on disk listed on stderr.
. tests/tmux/lib.sh

# The wrapper ignores SIGHUP, so that it lives to write recview's exit code; recview sets its own
# handler, but the hangup of a pseudo-terminal need not send it a signal at all.
cat >"$TMP/wrap.sh" <<'WRAP'
#!/bin/sh
trap '' HUP
out=$1
shift
sh -c 'echo $$ >"$0.pid"; exec "$@"' "$out" "$@" 2>"$out.err"
echo $? >"$out.exit"
WRAP

# hung NAME OUT: recview (pid in OUT.pid) has ended within 5 seconds; else it is stopped here.
hung() {
	pid=$(cat "$2.pid" 2>/dev/null)
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		echo "not ok $1: recview $pid still running: $(ps -o stat=,pcpu= -p "$pid")"
		kill -KILL "$pid"
	elif [ -z "$pid" ]; then
		echo "not ok $1: recview never started"
	else
		echo "ok $1"
	fi
}

# code NAME OUT CODE
code() {
	i=0
	while [ ! -s "$2.exit" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	got=$(cat "$2.exit" 2>/dev/null)
	if [ "$got" = "$3" ]; then echo "ok $1"; else echo "not ok $1: exit '$got', wanted $3"; cat "$2.err"; fi
}

ENVS="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=tester RECVIEW_NOW=2026-11-23T14:05:00"

# The pane is killed while the list is shown, nothing changed: exit 0.
start_command 100 30 "sh $TMP/wrap.sh $TMP/pane $ENVS $ABS_BIN --read-only data"
expect pane-start "SSR1-1 "
tmx kill-pane -t "$SESSION"
hung pane-killed-ends "$TMP/pane"
code pane-killed-exit "$TMP/pane" 0

# The server is killed with a change that could not be saved (the lock file cannot be made): exit 5
# and the change on stderr.
mkdir "$TMP/ds"
cp data/*.csv "$TMP/ds/"
mkdir "$TMP/ds/.recview.lock"
start_command 100 30 "sh $TMP/wrap.sh $TMP/server $ENVS $ABS_BIN $TMP/ds"
expect server-start "SSR1-1 "
keys : SSR1-11 Enter
expect server-opened "SSR1-11"
keys i 'kept in memory' Enter
expect server-not-saved "NOT SAVED"
tmx kill-server
hung server-killed-ends "$TMP/server"
code server-killed-exit "$TMP/server" 5
if grep -q "note of SSR1-11: kept in memory" "$TMP/server.err"; then
	echo "ok server-killed-lists-unsaved"
else
	echo "not ok server-killed-lists-unsaved"
	sed 's/^/  | /' "$TMP/server.err"
fi

# The same while a prompt waits for its answer: the prompt gives up and recview still ends.
start_command 100 30 "sh $TMP/wrap.sh $TMP/prompt $ENVS $ABS_BIN --read-only data"
expect prompt-start "SSR1-1 "
keys f
expect prompt-shown "filter"
tmx kill-server
hung prompt-killed-ends "$TMP/prompt"
code prompt-killed-exit "$TMP/prompt" 0
