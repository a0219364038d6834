#!/bin/sh
# The triage commands (recview set, note, agenda) on a copy of the bundled data set and on an Excel
# export (Windows-1252, semicolons, CRLF, dd.mm.yyyy): each change in the file it belongs to, the rows
# it does not touch byte for byte the same, new rows in the file's own encoding, separator, line end
# and date style; an unknown id, field or value, or a change refused half-way, exits 2 with every file
# unchanged; --filter changes each match; --dry-run and --read-only write nothing; the result loads
# clean; and the browser opened afterwards has nothing to undo (the commands are not in its log).
. tests/cli/lib.sh
export RECVIEW_NOW=2026-12-02T10:00:00 USER=tester XDG_CONFIG_HOME="$TMP/config" HOME="$TMP"

# unchanged NAME DIR ORIG: every file of DIR is byte for byte the one in ORIG, and there is no other
unchanged() {
	if diff -r "$2" "$3" >"$TMP/diff" 2>&1; then
		echo "ok $1"
	else
		echo "not ok $1: files changed"
		head -5 "$TMP/diff" | sed 's/^/  /'
	fi
}

# only_appended NAME OLD NEW: NEW is OLD with bytes added at its end
only_appended() {
	size=$(wc -c <"$2" | tr -d ' ')
	if [ "$(wc -c <"$3" | tr -d ' ')" -gt "$size" ] && cmp -s -n "$size" "$2" "$3"; then
		echo "ok $1"
	else
		echo "not ok $1: $3 is not $2 with rows added"
	fi
}

# lines_changed NAME OLD NEW N: N lines of OLD differ in NEW, none added or removed
lines_changed() {
	got=$(diff "$2" "$3" | grep -c '^>')
	gone=$(diff "$2" "$3" | grep -c '^<')
	if [ "$got" -eq "$4" ] && [ "$gone" -eq "$4" ]; then
		echo "ok $1"
	else
		echo "not ok $1: $got lines new, $gone gone, wanted $4 changed"
		diff "$2" "$3" | head -6 | cut -c1-160 | sed 's/^/  /'
	fi
}

# is NAME ACTUAL EXPECTED: two strings equal
is() {
	if [ "$2" = "$3" ]; then
		echo "ok $1"
	else
		echo "not ok $1: got [$2], wanted [$3]"
	fi
}

# ---- the bundled data set ----
d=$TMP/data
cp -R data "$d"
cp -R data "$d.orig"

run set-unknown-id 2 "$BIN" -C "$d" set SSR9-99 status=complete
has set-unknown-id-says err "no recommendation with id 'SSR9-99'"
run set-unknown-id-among-known 2 "$BIN" -C "$d" set SSR1-4 SSR9-99 priority=P1
run set-unknown-field 2 "$BIN" -C "$d" set SSR1-4 colour=red
has set-unknown-field-names-known err "unknown field 'colour' (fields: status, decision, priority, owner, agenda, due, answer, note)"
run set-field-of-another-kind 2 "$BIN" -C "$d" set SSR1-4 due=2017-03
has set-field-of-another-kind-says err "'due' is not a field of a recommendation"
run set-unknown-status 2 "$BIN" -C "$d" set SSR1-4 SSR1-5 status=finito
has set-unknown-status-says err "unknown status 'finito'; use one of:"
run set-unknown-item 2 "$BIN" -C "$d" set SSR1-4/D9 status=complete
run set-bad-due 2 "$BIN" -C "$d" set SSR1-4/D1 due=2017-13-45
run note-unknown-id 2 "$BIN" -C "$d" note SSR9-99 "text"
run agenda-add-unknown-second 2 "$BIN" -C "$d" agenda add SSR1-4 SSR9-99
run set-read-only 2 "$BIN" -C "$d" set SSR1-4 priority=P1 --read-only
has set-read-only-says err "read-only (--read-only): nothing was changed"
run set-dry-run 0 "$BIN" -C "$d" set --filter review:SSR1 status=complete priority=P2 --dry-run
has set-dry-run-lists out "SSR1-4: status in progress -> complete"
has set-dry-run-says err "nothing was written"
run set-no-args 2 "$BIN" -C "$d" set
run set-help 0 "$BIN" set --help
has set-help-usage out "usage: recview [-C DIR] set ID... FIELD=VALUE..."
unchanged refused-and-dry-runs-write-nothing "$d" "$d.orig"
if [ "$(id -u)" != 0 ]; then
	chmod a-w "$d"
	run set-read-only-dir 2 "$BIN" -C "$d" set SSR1-4 priority=P1
	has set-read-only-dir-says err "cannot be written"
	chmod u+w "$d"
else
	echo "ok set-read-only-dir # skipped as root, who may write anywhere"
fi

# a status with its note and date: one row of recommendations.csv (it has a status column), one
# history row appended
cp -R "$d" "$TMP/step"
run set-status 0 "$BIN" -C "$d" set ssr1-4 status=complete --note "agreed, at last" --date 2026-11-30
same_text=$(cat "$TMP/out")
is set-status-line "$same_text" "SSR1-4: status in progress -> complete on 2026-11-30 (note: agreed, at last)"
lines_changed set-status-one-row "$TMP/step/recommendations.csv" "$d/recommendations.csv" 1
only_appended set-status-history-appended "$TMP/step/status_history.csv" "$d/status_history.csv"
is set-status-history-row "$(tail -n 1 "$d/status_history.csv")" 'SSR1-4,2026-11-30,,complete,recview: tester,"agreed, at last"'
for f in deliverables questions reviews; do
	cmp -s "$TMP/step/$f.csv" "$d/$f.csv" && echo "ok set-status-$f-untouched" || echo "not ok set-status-$f-untouched"
done

# a deliverable's owner and due date, a question's answer and status: their rows, and changes.csv
rm -rf "$TMP/step" && cp -R "$d" "$TMP/step"
run set-deliverable 0 "$BIN" -C "$d" set SSR1-4/D4 owner=OCTO due=2017-03-31 --note "vendor late"
is set-deliverable-lines "$(cat "$TMP/out")" "SSR1-4/D4: owner Staff -> OCTO (note: vendor late)
SSR1-4/D4: due 2016-09 -> 2017-03-31 (note: vendor late)"
lines_changed set-deliverable-one-row "$TMP/step/deliverables.csv" "$d/deliverables.csv" 1
run set-question 0 "$BIN" -C "$d" set SSR1-4/Q4.1 "answer=The CTO's team; see the wiki." status=answered
lines_changed set-question-one-row "$TMP/step/questions.csv" "$d/questions.csv" 1
printf '%s\n' "rec_id,item,field,value,previous,time,author,note" \
	'SSR1-4,,status,complete,in progress,2026-12-02T10:00:00,tester,"agreed, at last"' \
	"SSR1-4,D4,owner,OCTO,Staff,2026-12-02T10:00:00,tester,vendor late" \
	"SSR1-4,D4,due,2017-03-31,2016-09,2026-12-02T10:00:00,tester,vendor late" \
	"SSR1-4,Q4.1,answer,The CTO's team; see the wiki.,,2026-12-02T10:00:00,tester," \
	"SSR1-4,Q4.1,status,answered,,2026-12-02T10:00:00,tester," >"$TMP/want-changes"
cmp -s "$TMP/want-changes" "$d/changes.csv" && echo "ok changes-csv-rows" || {
	echo "not ok changes-csv-rows"
	diff "$TMP/want-changes" "$d/changes.csv" | head -5
}
cmp -s "$TMP/step/recommendations.csv" "$d/recommendations.csv" && echo "ok set-items-recs-untouched" ||
	echo "not ok set-items-recs-untouched"

# a note; the agenda
run note 0 "$BIN" -C "$d" note SSR1-4 "Board to confirm, with the vendor" --author "Zoé"
is note-line "$(cat "$TMP/out")" "SSR1-4: note added: Board to confirm, with the vendor"
is notes-csv "$(cat "$d/notes.csv")" 'rec_id,time,author,note
SSR1-4,2026-12-02T10:00:00,Zoé,"Board to confirm, with the vendor"'
run agenda-add 0 "$BIN" -C "$d" agenda add SSR1-4 SSR1-2 SSR1-7
run agenda-move 0 "$BIN" -C "$d" agenda move SSR1-7 top
is agenda-move-line "$(cat "$TMP/out")" "SSR1-7: moved on the agenda 3 -> 1 (of 3)"
run agenda-remove 0 "$BIN" -C "$d" agenda remove SSR1-2
run agenda-list 0 "$BIN" -C "$d" agenda
is agenda-list-lines "$(cat "$TMP/out")" "1	SSR1-7	Clear SSR objectives and priorities
2	SSR1-4	Document SSR relationships"
is agenda-csv "$(cat "$d/agenda.csv")" "rec_id,added,author,minutes
SSR1-7,2026-12-02T10:00:00,tester,
SSR1-4,2026-12-02T10:00:00,tester,"
run set-agenda-field 0 "$BIN" -C "$d" set SSR1-5 agenda=yes SSR1-7 --dry-run
is set-agenda-field-line "$(cat "$TMP/out")" "SSR1-5: added to the agenda (3 of 3)"

# --filter: every match changed, in one commit; the count said
rm -rf "$TMP/step" && cp -R "$d" "$TMP/step"
n=$("$BIN" --list --filter 'review:SSR2 decision:pending' "$d" | wc -l | tr -d ' ')
run set-filter 0 "$BIN" -C "$d" set --filter 'review:SSR2 decision:pending' priority=P3
is set-filter-lines "$(wc -l <"$TMP/out" | tr -d ' ')" "$n"
has set-filter-count err "set: $n recommendations matched, $n changes made"
is set-filter-all-p3 "$("$BIN" --list --filter 'review:SSR2 decision:pending' "$d" | cut -f5 | sort -u)" "P3"
lines_changed set-filter-rows "$TMP/step/recommendations.csv" "$d/recommendations.csv" "$n"
run set-filter-again 0 "$BIN" -C "$d" set --filter 'review:SSR2 decision:pending' priority=P3
is set-filter-again-nothing "$(wc -c <"$TMP/out" | tr -d ' ')" 0
run set-filter-none 0 "$BIN" -C "$d" set --filter 'review:NOSUCH' priority=P3
has set-filter-none-says err "no recommendation matches the filter"

# what is printed is sanitised: a typed escape sequence never reaches the terminal
run set-escape 0 "$BIN" -C "$d" set SSR1-5 "owner=$(printf 'A\033[31mB')"
if grep -q "$(printf '\033')" "$TMP/out"; then echo "not ok set-escape-sanitised"; else echo "ok set-escape-sanitised"; fi

run check-clean 0 "$BIN" --check "$d"
has check-clean-summary out "problems: 0 errors, 0 warnings"

# the browser has nothing of it to undo, and changes nothing when asked to
rm -rf "$TMP/step" && cp -R "$d" "$TMP/step"
printf 'u\n:save-display %s\nq\n' "$TMP/undo.screen" >"$TMP/keys"
LINES=30 COLUMNS=100 TERM=xterm RECVIEW_SCRIPT=$TMP/keys "$BIN" "$d" >/dev/null 2>&1
if tail -n 1 "$TMP/undo.screen" | grep -qF "nothing to undo"; then echo "ok browser-nothing-to-undo"; else
	echo "not ok browser-nothing-to-undo: $(tail -n 1 "$TMP/undo.screen")"
fi
rm -f "$d/.recview.lock" "$TMP/step/.recview.lock"
unchanged browser-undo-changes-nothing "$d" "$TMP/step"

# ---- an Excel export: Windows-1252, semicolons, CRLF, dd.mm.yyyy ----
x=$TMP/excel
cp -R tests/data/exports/excel-europe-cp1252 "$x"
cp -R "$x" "$x.orig"
run excel-unknown-id 2 "$BIN" -C "$x" set SSR1-11 SSR1-99 status=complete
run excel-unknown-field 2 "$BIN" -C "$x" set SSR1-11/D1 priority=P1
# refused half-way: the priority is made in memory, then the status's note cannot go into the
# Windows-1252 history: nothing is written at all
run excel-refused-half-way 2 "$BIN" -C "$x" set SSR1-11 SSR1-3 priority=P1 "status=in progress" --note "ok 😀"
has excel-refused-half-way-says err "cannot hold"
unchanged excel-refused-write-nothing "$x" "$x.orig"

run excel-set-status 0 "$BIN" -C "$x" set SSR1-11 status=complete --note "Zoé agreed – done"
run excel-set-deliverable 0 "$BIN" -C "$x" set SSR1-11/D1 due=2017-03-31 "owner=Zoé"
run excel-note 0 "$BIN" -C "$x" note SSR1-11 "café noted"
decode() { iconv -f CP1252 -t UTF-8 "$1"; }
decode "$x.orig/recommendations.csv" >"$TMP/r0" && decode "$x/recommendations.csv" >"$TMP/r1"
lines_changed excel-recs-one-row "$TMP/r0" "$TMP/r1" 1
has_line() { # NAME FILE LINE (decoded, CRLF)
	if decode "$2" | grep -qxF -- "$(printf '%s\r' "$3")"; then echo "ok $1"; else
		echo "not ok $1: $2 lacks [$3]"
		decode "$2" | tail -n 2 | sed 's/^/  /'
	fi
}
only_appended excel-history-appended "$x.orig/status_history.csv" "$x/status_history.csv"
has_line excel-history-row "$x/status_history.csv" "SSR1-11;02.12.2026;;complete;recview: tester;Zoé agreed – done"
decode "$x.orig/deliverables.csv" >"$TMP/d0" && decode "$x/deliverables.csv" >"$TMP/d1"
lines_changed excel-deliverables-one-row "$TMP/d0" "$TMP/d1" 1
grep -qF "Zoé;31.03.2017;" "$TMP/d1" && echo "ok excel-due-in-its-style" || echo "not ok excel-due-in-its-style"
only_appended excel-notes-appended "$x.orig/notes.csv" "$x/notes.csv"
has_line excel-note-row "$x/notes.csv" "SSR1-11;2026-12-02T10:00:00;tester;café noted"
cmp -s "$x.orig/questions.csv" "$x/questions.csv" && echo "ok excel-questions-untouched" || echo "not ok excel-questions-untouched"
run excel-check-clean 0 "$BIN" --check "$x"
has excel-check-clean-summary out "problems: 0 errors, 0 warnings"
