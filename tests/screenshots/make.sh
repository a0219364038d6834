#!/bin/sh
# Screenshots of recview for the README: run the real binary in tmux, capture the pane with its
# colours, turn it into HTML with aha and render that to PNG with headless Chromium.
#
#   sh tests/screenshots/make.sh        (or: make screenshots)
#
# Every run uses --read-only, so the data set is never changed.
set -eu

BIN=${BIN:-./recview}
DATA=${DATA:-data}
OUT=${OUT:-screenshots}
PACKAGES="tmux aha chromium fonts-dejavu-core"

# Rendering: DejaVu Sans Mono at 16.61px is 10px wide (an advance of 1233/2048 em), so the block
# characters of bars and big letters join without seams; each line is 19px high.
FONT_PX=16.61
CHAR_W100=1000 # character width in 1/100 px
LINE_PX=19
PAD=8

ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
ABS_DATA=$(cd "$DATA" && pwd)
SOCK=recview-shots-$$
TMP=$(mktemp -d)

tmx() { tmux -L "$SOCK" "$@"; }

cleanup() {
	tmx kill-server 2>/dev/null || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

# install_deps: the Debian packages that are missing, through sudo when not root
install_deps() {
	missing=""
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "installing:$missing"
	if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086 # one word per package
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
}

# start COLS LINES ARGS...: recview in a fresh tmux session of that size. The previous session
# is closed only after the new one exists, so the tmux server stays up in between.
N=0
start() {
	COLS=$1 LINES=$2
	shift 2
	old=shot$N
	N=$((N + 1))
	tmx -f /dev/null new-session -d -s "shot$N" -x "$COLS" -y "$LINES" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=$TMP/config \
		XDG_STATE_HOME=$TMP/state XDG_DATA_HOME=$TMP/share $ABS_BIN --read-only $* $ABS_DATA; sleep 60"
	tmx kill-session -t "$old" 2>/dev/null || true
}

keys() { tmx send-keys -t "shot$N" "$@"; }

# wait_for TEXT: until the screen shows TEXT; fails after 10 seconds
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		tmx capture-pane -p -t "shot$N" | grep -qF -- "$1" && { sleep 0.3; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	echo "make.sh: timed out waiting for '$1'; the screen was:" >&2
	tmx capture-pane -p -t "shot$N" >&2
	exit 1
}

# to_html NAME: the pane with its colours (and trailing spaces, which may be coloured) as a
# black-background HTML page. aha draws black text (SGR 30) as dim grey: make it black again.
to_html() {
	tmx capture-pane -e -p -N -t "shot$N" >"$TMP/$1.ans"
	{
		cat <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
html, body { margin: 0; background: #000; color: #d0d0d0; }
pre { margin: 0; padding: ${PAD}px; font-family: "DejaVu Sans Mono", monospace;
      font-size: ${FONT_PX}px; line-height: ${LINE_PX}px; font-variant-ligatures: none; }
</style></head><body><pre>
EOF
		aha --black --no-header <"$TMP/$1.ans" | sed 's/\([";]\)color:dimgray/\1color:#000/g'
		echo '</pre></body></html>'
	} >"$TMP/$1.html"
}

# to_png NAME: renders the HTML page at the terminal's size into $OUT/NAME.png
to_png() {
	w=$((COLS * CHAR_W100 / 100 + 2 * PAD + 2))
	h=$((LINES * LINE_PX + 2 * PAD))
	profile=$(mktemp -d)
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --hide-scrollbars --window-size="$w,$h" \
		--screenshot="$OUT/$1.png" "file://$TMP/$1.html" >"$TMP/chromium.log" 2>&1 ||
		{ cat "$TMP/chromium.log" >&2; rm -rf "$profile"; exit 1; }
	rm -rf "$profile"
	[ -s "$OUT/$1.png" ] || { echo "make.sh: no $OUT/$1.png" >&2; exit 1; }
	echo "$OUT/$1.png (${COLS}x${LINES}, ${w}x${h}px)"
}

# shoot NAME: capture the current screen as $OUT/NAME.png
shoot() {
	to_html "$1"
	to_png "$1"
}

shot_list() {
	start 120 36
	wait_for "SSR1-11 "
	shoot 01-list
}

shot_recommendation() {
	start 120 36
	wait_for "SSR1-11 "
	keys : ; keys -l SSR1-11 ; keys Enter
	wait_for "Recommendations › SSR1-11"
	shoot 02-recommendation
}

shot_questions() {
	keys a
	wait_for "› Questions"
	shoot 03-questions
}

shot_history() {
	start 120 36
	wait_for "SSR1-11 "
	keys t
	wait_for "› History (all)"
	shoot 04-history
}

shot_dashboard() {
	start 120 36
	wait_for "SSR1-11 "
	keys D
	wait_for "› Dashboard"
	shoot 05-dashboard
}

shot_presentation() {
	start 160 45 --theme high-contrast
	wait_for "SSR1-11 "
	keys P
	wait_for "1 / "
	shoot 06-presentation
}

shot_search() {
	start 120 36
	wait_for "SSR1-11 "
	keys / ; keys -l escrow ; keys Enter
	wait_for "/escrow"
	keys R
	wait_for "› Matches of /escrow"
	shoot 07-search
}

main() {
	install_deps
	[ -x "$BIN" ] || { echo "make.sh: build $BIN first (make)" >&2; exit 1; }
	mkdir -p "$OUT"
	shot_list
	shot_recommendation
	shot_questions
	shot_history
	shot_dashboard
	shot_presentation
	shot_search
}

main "$@"
