#!/bin/sh
# The meeting's minutes: walk three agenda items, record a status change dated 2015-01-01 on the
# third, M writes the minutes (the configuration's minutes-file, relative to the data directory):
# items, times, the change with both dates. Quitting with minutes out of date asks first; Esc stays.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA" "$TMP/config" "$TMP/config/recview"
cp data/*.csv "$DATA/"
printf 'rec_id,added,author\nSSR1-11,2026-11-23T10:00:00,chair\nSSR1-25,2026-11-23T10:00:00,chair\nSSR2-10.1,2026-11-23T10:00:00,chair\n' >"$DATA/agenda.csv"
printf 'minutes-file = meeting-%%Y-%%m-%%d.md\n' >"$TMP/config/recview/config"
START_ENV="USER=chair RECVIEW_NOW=2026-12-02T10:00:00 XDG_CONFIG_HOME=$TMP/config"
MIN="$DATA/meeting-2026-12-02.md"

start 100 30 "$DATA"
expect list "SSR1-1 "
keys P
expect asks "Present: a the agenda"
keys a
expect first "1 / 3"
keys Space
expect second "2 / 3"
keys Space
expect third "3 / 3"
keys c
expect status-prompt "status of SSR2-10.1:"
keys 'behind schedule' Enter
expect note-prompt "note for SSR2-10.1 (optional):"
keys 'late | again' Enter
expect date-prompt "date of the change: "
keys C-u '2015-01-01' Enter
expect saved "Saved: status of SSR2-10.1"
keys M
expect minutes-prompt "minutes to: meeting-2026-12-02.md"
keys Enter
expect minutes-written "Minutes written to"
for item in SSR1-11 SSR1-25 SSR2-10.1; do
	if grep -q "^| $item | [0-9]*:[0-9][0-9] |\$" "$MIN"; then echo "ok minutes-time-$item"; else echo "not ok minutes-time-$item"; cat "$MIN"; fi
done
if grep -qF '| chair | SSR2-10.1 | status: ' "$MIN" && grep -qF '(as of 2015-01-01) | late \| again |' "$MIN" &&
	grep -qF '| 2026-12-02T10:00:00 |' "$MIN"; then
	echo "ok minutes-change-both-dates"
else
	echo "not ok minutes-change-both-dates"; cat "$MIN"
fi
grep -q '^3 items presented' "$MIN" && echo "ok minutes-count" || echo "not ok minutes-count"
# A change after the minutes were written: quitting asks; Esc stays, w writes them and quits.
keys i
expect note-after-prompt "note"
keys 'follow up' Enter
expect note-after-saved "Saved"
keys Q
expect quit-asks "minutes not written: w write, q quit anyway, Esc stay"
keys Escape
expect stayed "Not quitting: Z writes the minutes"
keys Q
expect quit-asks-again "minutes not written"
keys w
expect rewrite-prompt "minutes to: "
keys Enter
exited quit-after-writing 0
# The file's minutes are recorded-time minutes too: the change of today dated 2015 is in since today.
"$ABS_BIN" --export minutes --since 2026-12-02 "$DATA" >"$TMP/file-minutes"
grep -qF '| 2026-12-02T10:00:00 | chair | SSR2-10.1 | status: behind schedule (effective 2015-01-01) | late \| again |' "$TMP/file-minutes" &&
	echo "ok export-since-recorded" || { echo "not ok export-since-recorded"; cat "$TMP/file-minutes"; }

# minutes-on-leave = yes: leaving the walkthrough writes them (an absolute minutes-file), and
# quitting then asks nothing.
mkdir "$TMP/config2" "$TMP/config2/recview"
printf 'minutes-file = %s/leave-%%Y.md\nminutes-on-leave = yes\n' "$TMP" >"$TMP/config2/recview/config"
START_ENV="USER=chair RECVIEW_NOW=2026-12-02T10:00:00 XDG_CONFIG_HOME=$TMP/config2"
start 80 24 "$DATA"
expect leave-list "SSR1-1 "
keys P
expect leave-asks "Present: a the agenda"
keys a
expect leave-first "1 / 3"
keys Space
expect leave-second "2 / 3"
keys q
expect leave-written "Minutes written to $TMP/leave-2026.md"
if grep -q '^| SSR1-25 | [0-9]*:[0-9][0-9] |$' "$TMP/leave-2026.md"; then echo "ok leave-file"; else echo "not ok leave-file"; cat "$TMP/leave-2026.md"; fi
keys Q
exited leave-quit-asks-nothing 0
