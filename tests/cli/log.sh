#!/bin/sh
# recview log: every change the data set records, newest first, one tab-separated line each (date,
# author, id, item, kind, old, new, note); --since, --author, --filter, -C DIR, control characters
# made visible, usage errors (exit 2), a data set that cannot load (exit 2), output errors (exit 4).
. tests/cli/lib.sh
D="$TMP/set"
mkdir "$D"
printf 'id,title,status\nR-1,First,complete\nR-2,Second,in progress\n' >"$D/recommendations.csv"
printf 'rec_id,date,decision,status,source,note\nR-1,2016-06-30,,in progress,report.txt,started\nR-1,2026-11-20,approved,complete,recview: alice,done\nR-2,2026-11-25,,in progress,recview: bob,\n' >"$D/status_history.csv"
printf 'rec_id,time,author,note\nR-2,2026-12-01T08:00:00,bob,"red \033[31malert\tand a tab"\n' >"$D/notes.csv"
printf 'rec_id,item,field,value,previous,time,author,note\nR-2,N2026-12-01T08:00:00,note,,red alert,2026-12-02T09:00:00,bob,\n' >"$D/changes.csv"
printf 'rec_id,added,author\nR-1,2026-11-28T12:00:00,carol\n' >"$D/agenda.csv"
TAB=$(printf '\t')

run log 0 "$BIN" log "$D"
has log-first-newest out "2026-12-02T09:00:00${TAB}bob${TAB}R-2${TAB}N2026-12-01T08:00:00${TAB}note${TAB}red alert${TAB}${TAB}"
has log-status-old-new out "2026-11-20${TAB}alice${TAB}R-1${TAB}${TAB}status${TAB}in progress${TAB}complete${TAB}done"
has log-decision out "2026-11-20${TAB}alice${TAB}R-1${TAB}${TAB}decision${TAB}${TAB}approved${TAB}done"
has log-agenda out "2026-11-28T12:00:00${TAB}carol${TAB}R-1${TAB}${TAB}agenda${TAB}${TAB}on the agenda${TAB}"
has log-source-as-author out "2016-06-30${TAB}report.txt${TAB}R-1"
if [ "$(wc -l <"$TMP/out")" -eq 7 ]; then echo "ok log-count"; else echo "not ok log-count: $(wc -l <"$TMP/out")"; fi
if head -1 "$TMP/out" | grep -q '^2026-12-02T09' && tail -1 "$TMP/out" | grep -q '^2016-06-30'; then
	echo "ok log-order"
else
	echo "not ok log-order"; sed 's/^/  | /' "$TMP/out"
fi
# Eight fields on every line, and no escape or tab inside a field.
if awk -F'\t' 'NF != 8 { bad = 1 } END { exit bad }' "$TMP/out"; then echo "ok log-eight-fields"; else echo "not ok log-eight-fields"; fi
lacks log-no-escape out "$(printf '\033')"
has log-escape-visible out "red ^[[31malert"

run log-C 0 "$BIN" -C "$D" log --author alice
if [ "$(wc -l <"$TMP/out")" -eq 2 ] && ! grep -qv "${TAB}alice${TAB}" "$TMP/out"; then echo "ok log-author"; else echo "not ok log-author"; sed 's/^/  | /' "$TMP/out"; fi

run log-since 0 "$BIN" log --since 2026-11-28 "$D"
if [ "$(wc -l <"$TMP/out")" -eq 3 ]; then echo "ok log-since-count"; else echo "not ok log-since-count"; sed 's/^/  | /' "$TMP/out"; fi
lacks log-since-older out "2026-11-25"

run log-filter 0 "$BIN" log --filter 'kind:status changed:>2020 -author:bob' "$D"
if [ "$(cat "$TMP/out")" = "2026-11-20${TAB}alice${TAB}R-1${TAB}${TAB}status${TAB}in progress${TAB}complete${TAB}done" ]; then
	echo "ok log-filter-exact"
else
	echo "not ok log-filter-exact"; sed 's/^/  | /' "$TMP/out"
fi
run log-filter-item 0 "$BIN" log --filter 'item:r-2 kind:note' "$D"
if [ "$(wc -l <"$TMP/out")" -eq 2 ]; then echo "ok log-filter-item"; else echo "not ok log-filter-item"; fi

# The bundled data set: its history, sources as the authors.
run log-bundled 0 "$BIN" log data
if [ "$(wc -l <"$TMP/out")" -gt 100 ]; then echo "ok log-bundled-lines"; else echo "not ok log-bundled-lines"; fi

run log-help 0 "$BIN" log --help
has log-help-text out "usage: recview [-C DIR] log"
run log-bad-option 2 "$BIN" log --nonsense "$D"
has log-bad-option-says err "unknown option '--nonsense'"
run log-bad-since 2 "$BIN" log --since tomorrow "$D"
has log-bad-since-says err "--since takes a date"
run log-bad-filter 2 "$BIN" log --filter 'who:me' "$D"
has log-bad-filter-says err "unknown field 'who' at 1"
run log-two-dirs 2 "$BIN" log "$D" "$D"
run log-no-data 2 "$BIN" log "$TMP/nothing-here"
has log-no-data-says err "no data set could be loaded"
if [ -w /dev/full ]; then
	"$BIN" log "$D" >/dev/full 2>"$TMP/err"
	got=$?
	if [ "$got" -eq 4 ]; then echo "ok log-full-disk (exit 4)"; else echo "not ok log-full-disk: exit $got"; fi
fi
