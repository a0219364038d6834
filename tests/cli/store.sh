#!/bin/sh
# The store from the command line: a session whose changes cannot be saved exits non-zero and lists
# them; a crash's journal is recovered at the next open; a data set cannot make recview write outside it.
. tests/cli/lib.sh
export TERM=xterm LINES=30 COLUMNS=100 USER=tester RECVIEW_NOW=2026-11-23T14:05:00

fresh() { rm -rf "$TMP/ds"; mkdir "$TMP/ds"; cp data/*.csv "$TMP/ds/"; }

# A note that cannot be saved (the lock file cannot be opened): exit 5, the note listed on stderr.
fresh
mkdir "$TMP/ds/.recview.lock"
printf '<Colon>SSR1-11<Enter>\nikept in memory<Enter>\nQ\n' >"$TMP/script"
run unsaved-exits-non-zero 5 env RECVIEW_SCRIPT="$TMP/script" "$BIN" "$TMP/ds"
has unsaved-listed err "note of SSR1-11: kept in memory"
has unsaved-reason err "cannot open the lock file"
rmdir "$TMP/ds/.recview.lock"

# Saved: exit 0.
printf '<Colon>SSR1-11<Enter>\nion disk<Enter>\nQ\n' >"$TMP/script"
run saved-exits-zero 0 env RECVIEW_SCRIPT="$TMP/script" "$BIN" "$TMP/ds"
if grep -q 'SSR1-11,2026-11-23T14:05:00,tester,on disk' "$TMP/ds/notes.csv"; then echo "ok note-on-disk"; else echo "not ok note-on-disk"; fi

# A crash left a journal and a temporary file: the next open completes the save or rolls it back, and
# removes the temporary file.
fresh
cp "$TMP/ds/recommendations.csv" "$TMP/recs-before"
printf 'recview-journal 1\nR recommendations.csv\t.recommendations.csv.recview-AbC' >"$TMP/ds/.recview-journal"
printf 'half a file' >"$TMP/ds/.recommendations.csv.recview-AbCdEf"
printf 'Q\n' >"$TMP/script"
run recovery-open 0 env RECVIEW_SCRIPT="$TMP/script" "$BIN" "$TMP/ds"
if [ ! -e "$TMP/ds/.recview-journal" ] && [ ! -e "$TMP/ds/.recommendations.csv.recview-AbCdEf" ]; then
	echo "ok recovery-cleans-up"
else
	echo "not ok recovery-cleans-up: $(ls -a "$TMP/ds" | tr '\n' ' ')"
fi
if cmp -s "$TMP/recs-before" "$TMP/ds/recommendations.csv"; then echo "ok recovery-rolls-back-torn-journal"; else echo "not ok recovery-rolls-back-torn-journal"; fi

# agenda.csv a symlink to a file outside the data set: m refuses, the file is untouched.
fresh
printf 'precious\n' >"$TMP/outside"
ln -s "$TMP/outside" "$TMP/ds/agenda.csv"
printf '<Colon>SSR1-11<Enter>\nm\nQ\n' >"$TMP/script"
run symlink-outside 0 env RECVIEW_SCRIPT="$TMP/script" "$BIN" "$TMP/ds"
if [ "$(cat "$TMP/outside")" = precious ]; then echo "ok symlink-outside-untouched"; else echo "not ok symlink-outside-untouched"; fi

# notes.csv a dangling symlink (say to a not-yet-existing authorized_keys): i refuses, nothing is created.
fresh
ln -s "$TMP/nowhere/authorized_keys" "$TMP/ds/notes.csv"
printf '<Colon>SSR1-11<Enter>\nissh-ed25519 AAAA attacker<Enter>\nQ\n' >"$TMP/script"
run dangling-link 0 env RECVIEW_SCRIPT="$TMP/script" "$BIN" "$TMP/ds"
if [ ! -e "$TMP/nowhere" ]; then echo "ok dangling-link-not-followed"; else echo "not ok dangling-link-not-followed"; fi

# A history file that exists but cannot be read (UTF-16) is never replaced by a status change.
fresh
printf '\377\376r\000e\000c\000\n\000' >"$TMP/ds/status_history.csv"
cp "$TMP/ds/status_history.csv" "$TMP/hist-before"
printf '<Colon>SSR1-11<Enter>\ncin progress<Enter><Enter><Enter>\nQ\n' >"$TMP/script"
run unreadable-history 0 env RECVIEW_SCRIPT="$TMP/script" "$BIN" "$TMP/ds"
if cmp -s "$TMP/hist-before" "$TMP/ds/status_history.csv"; then echo "ok unreadable-not-replaced"; else echo "not ok unreadable-not-replaced"; fi
if diff -q data/recommendations.csv "$TMP/ds/recommendations.csv" >/dev/null; then echo "ok unreadable-no-half-change"; else echo "not ok unreadable-no-half-change"; fi

# A last row with an unterminated quote: nothing is appended after it (it would be swallowed).
fresh
printf 'SSR1-11,2016-01-01,,complete,x,"never closed\n' >>"$TMP/ds/status_history.csv"
cp "$TMP/ds/status_history.csv" "$TMP/hist-before"
printf '<Colon>SSR1-11<Enter>\ncin progress<Enter><Enter><Enter>\nQ\n' >"$TMP/script"
run open-quote 0 env RECVIEW_SCRIPT="$TMP/script" "$BIN" "$TMP/ds"
if cmp -s "$TMP/hist-before" "$TMP/ds/status_history.csv"; then echo "ok open-quote-nothing-appended"; else echo "not ok open-quote-nothing-appended"; fi
