# Helpers for tests that drive the real binary in tmux: start it at a size, type, read the screen.
BIN=${BIN:-./recview}
ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SOCK=recview-test-$$
TMP=$(mktemp -d)
tmx() { tmux -L "$SOCK" "$@"; }
cleanup() { tmx kill-server 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

# start COLS LINES ARGS...: runs recview in a fresh tmux session; its exit code lands in $EXIT_FILE
start() {
	cols=$1 lines=$2
	shift 2
	# Each run has an exit file of its own: an earlier run may still be finishing.
	EXIT_FILE="$TMP/exit-$((SESSIONS + 1))"
	start_command "$cols" "$lines" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color ${START_ENV:-} $ABS_BIN $*; echo \$? >$EXIT_FILE; sleep 30"
	wait_for ""
}

# start_command COLS LINES COMMAND: a new session for COMMAND. It is made before the old one is
# closed: closing the last session stops the server, and a session asked for meanwhile can be lost.
SESSIONS=0
SESSION=none
start_command() {
	SESSIONS=$((SESSIONS + 1))
	new=s$SESSIONS
	tmx -f /dev/null new-session -d -s "$new" -x "$1" -y "$2" "$3"
	tmx kill-session -t "$SESSION" 2>/dev/null
	SESSION=$new
}

keys() { tmx send-keys -t "$SESSION" "$@"; }
screen() { tmx capture-pane -p -t "$SESSION"; }

# wait_for TEXT: until the screen shows TEXT (or 10 seconds pass: CI machines can be busy)
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if [ -z "$1" ]; then
			[ -n "$(screen | tr -d ' \n')" ] && return 0
		elif screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# expect NAME TEXT: the screen shows TEXT
expect() {
	if wait_for "$2"; then
		echo "ok $1"
	else
		echo "not ok $1: screen lacks: $2"
		screen | sed 's/^/  | /'
	fi
}

# expect_not NAME TEXT: after a short settle, the screen does not show TEXT. Text that should go away
# (a resize, a key that closes something) is given up to 10 seconds to go: a busy machine draws late.
expect_not() {
	sleep 0.3
	i=0
	while screen | grep -qF -- "$2" && [ $i -lt 97 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if screen | grep -qF -- "$2"; then
		echo "not ok $1: screen shows: $2"
		screen | sed 's/^/  | /'
	else
		echo "ok $1"
	fi
}

# exited NAME CODE: recview ended with CODE
exited() {
	i=0
	while [ ! -s "$EXIT_FILE" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	got=$(cat "$EXIT_FILE" 2>/dev/null)
	if [ "$got" = "$2" ]; then echo "ok $1"; else echo "not ok $1: exit '$got', wanted $2"; fi
}

resize() { tmx resize-window -t "$SESSION" -x "$1" -y "$2"; }

# The sizes the meeting tests run at: a laptop, a bigger window, a projector, a wide projector.
SIZES="80x24 120x40 200x60 240x67"
# cols_of 80x24 / lines_of 80x24: the two halves of a size
cols_of() { echo "${1%x*}"; }
lines_of() { echo "${1#*x}"; }
# big_letters COLS LINES: the slide draws its id and status in block letters at that size (from
# 120x40, as present_slide.c decides; big-text = off in the configuration turns them off)
big_letters() { [ "$1" -ge 120 ] && [ "$2" -ge 40 ]; }

# screen_e: the screen with its colours and attributes (SGR sequences), as capture-pane -e gives it
screen_e() { tmx capture-pane -e -p -t "$SESSION"; }

# wait_changed FILE: until the screen differs from the one saved in FILE (10 seconds at most)
wait_changed() {
	i=0
	while [ $i -lt 100 ]; do
		screen | cmp -s - "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# read_slide FILE: every line of the walkthrough's slide into FILE, j scrolling it while the footer
# says it continues below (▼). Fails when a j moves nothing.
read_slide() {
	screen >"$1"
	screen >"$TMP/read-last"
	reads=0
	while grep -qF '▼' "$TMP/read-last" && [ $reads -lt 200 ]; do
		keys j
		wait_changed "$TMP/read-last" || return 1
		screen >"$TMP/read-last"
		cat "$TMP/read-last" >>"$1"
		reads=$((reads + 1))
	done
}

# read_page FILE: every line of the page in front into FILE, Space paging until the title bar's
# position reads N/N (its last line). Fails when a Space moves nothing.
read_page() {
	screen >"$1"
	screen >"$TMP/read-last"
	reads=0
	while ! head -1 "$TMP/read-last" | grep -qE ' ([0-9]+)/\1$' && [ $reads -lt 100 ]; do
		keys Space
		wait_changed "$TMP/read-last" || return 1
		screen >"$TMP/read-last"
		cat "$TMP/read-last" >>"$1"
		reads=$((reads + 1))
	done
}

# wait_top: until the title bar's position reads 1/N (the page in front shown from its first line)
wait_top() {
	i=0
	while [ $i -lt 100 ]; do
		screen | head -1 | grep -qE ' 1/[0-9]+$' && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# check NAME COMMAND...: ok when COMMAND succeeds, else not ok and the screen
check() {
	name=$1
	shift
	if "$@"; then
		echo "ok $name"
	else
		echo "not ok $name"
		screen | sed 's/^/  | /'
	fi
}
