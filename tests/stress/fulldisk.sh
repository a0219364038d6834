#!/usr/bin/env bash
# Full-disk test (needs root for a tmpfs): the data set on a 300k tmpfs, a filler file takes all the
# space but K pages (K = 0..MAX_FREE_PAGES, so that whatever order the store writes its files in, some
# K leaves room for the first and not for the second), and a key script changes one status (a row in
# status_history.csv and the status column of recommendations.csv). Each K must end one of two ways:
#   saved    exit 0, the history row once, the column says the new status, nothing else changed
#   refused  exit non-zero, the change named on stderr, every file byte-identical to before
# Anything else (a status without its history row, a row without its status, exit 0 with the files as
# before) is a violation; with no page free it must be refused; no temporary file may stay behind.
# Then the retry: a failed save on a full disk, the filler removed while the process waits at a
# barrier (a :save-display into a FIFO), W retries: exit 0 and the change on disk once.
set -u
# shellcheck source=tests/stress/lib.sh
. "$(dirname "$0")/lib.sh"

MAX_FREE_PAGES=${MAX_FREE_PAGES:-30}
REC=SSR2-5.4
if [ "$(id -u)" != 0 ]; then
	skip fulldisk "needs root for a tmpfs"
	summary fulldisk
	exit 0
fi
MNT=$TMP/mnt
mkdir "$MNT"
if ! mount -t tmpfs -o size=300k tmpfs "$MNT" 2>"$TMP/mount-err"; then
	skip fulldisk "cannot mount a tmpfs: $(head -c 200 "$TMP/mount-err")"
	summary fulldisk
	exit 0
fi
trap 'umount "$MNT" 2>/dev/null; rm -rf "$TMP" "$XDG_CONFIG_HOME"' EXIT

PRISTINE=$TMP/pristine
mkdir "$PRISTINE"
cp data/*.csv "$PRISTINE/"
DIR=$MNT/data
PAGE=$(stat -f -c %S "$MNT")

# fresh FREE_PAGES: the pristine data set on the tmpfs and a filler that leaves FREE_PAGES pages free
fresh() {
	rm -rf "${MNT:?}"/* "$MNT"/.[!.]* 2>/dev/null
	mkdir "$DIR"
	cp "$PRISTINE"/*.csv "$DIR/"
	dd if=/dev/zero of="$MNT/filler" bs="$PAGE" 2>/dev/null
	[ "$1" -gt 0 ] && truncate -s "-$(($1 * PAGE))" "$MNT/filler"
	rm -rf "$TMP/before"
	cp -r "$DIR" "$TMP/before"
}

free_bytes() { echo $(($(stat -f -c '%a' "$MNT") * PAGE)); }

# unchanged: every file as before, and no file more
# The lock file is the store's own and may stay.
unchanged() { diff -r -x .recview.lock "$TMP/before" "$DIR" >/dev/null; }

# saved TEXT: the change is on disk once, in both files, and nothing else changed
saved() {
	[ "$(count_text "$DIR/status_history.csv" note "$1")" -eq 1 ] &&
		[ "$(column_of "$DIR/recommendations.csv" "$REC" status)" = complete ] &&
		[ -z "$(pairs "$PRISTINE" "$DIR" "$REC")" ] &&
		for f in deliverables.csv questions.csv reviews.csv; do cmp -s "$PRISTINE/$f" "$DIR/$f" || return 1; done
}

# torn: what is half there
torn() {
	echo "history rows with the note: $(count_text "$DIR/status_history.csv" note "$1"), status column:" \
		"'$(column_of "$DIR/recommendations.csv" "$REC" status)'; $(pairs "$PRISTINE" "$DIR" "$REC" | head -2 | tr '\n' ';')"
}

outcomes=""
for k in $(seq 0 "$MAX_FREE_PAGES"); do
	fresh "$k"
	free=$(free_bytes)
	printf '<Colon>%s<Enter>ccomplete<Enter>FULL-%s<Enter><Enter>\n' "$REC" "$k" >"$TMP/script"
	RECVIEW_SCRIPT=$TMP/script timeout 20 "$ABS_BIN" "$DIR" >/dev/null 2>"$TMP/err"
	rc=$?
	left=$(leftovers "$DIR" | tr '\n' ' ')
	name="fulldisk-free-$k-pages"
	if unchanged; then
		outcomes="$outcomes $k:refused(exit-$rc)"
		why=""
		[ "$rc" -eq 0 ] && why="exit 0"
		grep -qF "$REC" "$TMP/err" || why="${why:+$why, }stderr does not name the change"
		if [ -n "$why" ]; then
			not_ok "$name" "$free bytes free: not saved (files unchanged), but $why; stderr: $(head -c 200 "$TMP/err" | tr '\n' ' ')"
		else
			ok "$name (refused, exit $rc)"
		fi
	elif saved "FULL-$k"; then
		outcomes="$outcomes $k:saved(exit-$rc)"
		if [ "$k" -eq 0 ]; then
			not_ok "$name" "saved with no page free? exit $rc"
		elif [ "$rc" -ne 0 ]; then
			not_ok "$name" "$free bytes free: saved, but exit $rc: $(head -c 200 "$TMP/err" | tr '\n' ' ')"
		else
			ok "$name (saved)"
		fi
	else
		outcomes="$outcomes $k:TORN(exit-$rc)"
		not_ok "$name" "$free bytes free, exit $rc: half saved: $(torn "FULL-$k")"
	fi
	[ -z "$left" ] || not_ok "$name-leftovers" "temporary files left: $left"
done
echo "# fulldisk: free pages:outcome:$outcomes"
case $outcomes in
*saved*) ;;
*) not_ok fulldisk-sweep "no amount of free space up to $MAX_FREE_PAGES pages let the change be saved" ;;
esac

# The retry: fails on the full disk, waits at a barrier while the filler goes, then W retries.
fresh 0
rm -f "$TMP/b1" "$TMP/b2"
mkfifo "$TMP/b1" "$TMP/b2"
{
	printf '<Colon>%s<Enter>ccomplete<Enter>RETRY<Enter><Enter>\n' "$REC"
	echo ":wait"
	echo ":save-display $TMP/b1"
	echo ":save-display $TMP/b2"
	echo "W<Enter>"
	echo ":wait"
} >"$TMP/script"
RECVIEW_SCRIPT=$TMP/script timeout 20 "$ABS_BIN" "$DIR" >/dev/null 2>"$TMP/err" &
pid=$!
timeout 10 cat "$TMP/b1" >"$TMP/screen"
if unchanged && grep -qF "NOT SAVED" "$TMP/screen"; then
	ok "fulldisk-retry-fails-first"
else
	not_ok fulldisk-retry-fails-first "on a full disk: $(grep -F 'SAVE' "$TMP/screen" | head -2); files unchanged: $(unchanged && echo yes || echo no)"
fi
rm -f "$MNT/filler"
timeout 10 cat "$TMP/b2" >/dev/null
wait "$pid"
rc=$?
if [ "$rc" -eq 0 ] && saved RETRY; then
	ok "fulldisk-retry-saves"
else
	not_ok fulldisk-retry-saves "after W with room again: exit $rc, $(torn RETRY) $(head -c 200 "$TMP/err" | tr '\n' ' ')"
fi
left=$(leftovers "$DIR" | tr '\n' ' ')
if [ -z "$left" ]; then ok fulldisk-retry-leftovers; else not_ok fulldisk-retry-leftovers "temporary files left: $left"; fi

# A signal that ends a session whose change is not on disk (the disk is full): exit non-zero, the
# change named on stderr, the files as before.
fresh 0
rm -f "$TMP/b1" "$TMP/b2"
mkfifo "$TMP/b1" "$TMP/b2"
{
	printf '<Colon>%s<Enter>ccomplete<Enter>SIGNAL<Enter><Enter>\n' "$REC"
	echo ":wait"
	echo ":save-display $TMP/b1"
	echo ":save-display $TMP/b2"
} >"$TMP/script"
RECVIEW_SCRIPT=$TMP/script timeout 20 "$ABS_BIN" "$DIR" >/dev/null 2>"$TMP/err" &
pid=$!
timeout 10 cat "$TMP/b1" >/dev/null
kill -TERM "$pid"
sleep 0.2
exec 7<>"$TMP/b2" # lets the last :save-display through, should the signal not have stopped it
wait "$pid"
rc=$?
exec 7>&-
why=""
[ "$rc" -eq 0 ] && why="exit 0"
grep -qF "$REC" "$TMP/err" || why="${why:+$why, }stderr does not name the change"
unchanged || why="${why:+$why, }the files changed"
if [ -z "$why" ]; then
	ok "fulldisk-signal-unsaved (exit $rc)"
else
	not_ok fulldisk-signal-unsaved "SIGTERM with the change not on disk: $why (exit $rc); stderr: $(head -c 200 "$TMP/err" | tr '\n' ' ')"
fi
summary fulldisk
