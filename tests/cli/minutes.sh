#!/bin/sh
# --export minutes selects by when a change was recorded (changes.csv), not the date it is in force:
# a change recorded on 2026-12-02 and dated 2015-01-01 is in the minutes since 2026-12-02, with both
# dates. -o FILE writes the export to FILE atomically, never over a file of the data set.
. tests/cli/lib.sh

mkdir "$TMP/data"
cp data/*.csv "$TMP/data/"
run backdate 0 env RECVIEW_NOW=2026-12-02T10:00:00 "$BIN" -C "$TMP/data" set SSR1-25 status=behind --date 2015-01-01 --note 'late | really' --author alice
has backdate-recorded-row out "SSR1-25: status complete -> behind schedule on 2015-01-01"
run since-recorded 0 "$BIN" --export minutes --since 2026-12-02 "$TMP/data"
has since-recorded-row out '| 2026-12-02T10:00:00 | alice | SSR1-25 | status: behind schedule (effective 2015-01-01) | late \| really |'
run since-later 0 "$BIN" --export minutes --since 2026-12-03 "$TMP/data"
lacks since-later-none out 'SSR1-25'
# The log shows the change once (its history row), and undoing it in the browser is tested in tmux.
run log-once 0 "$BIN" log --author alice "$TMP/data"
n=$(grep -c 'SSR1-25' "$TMP/out")
if [ "$n" = 1 ]; then echo "ok log-once-count"; else echo "not ok log-once-count: $n"; cat "$TMP/out"; fi

# Every field change recview logged is in the minutes, and the owners and due dates set are the
# actions, each with its owner (a due date's: its deliverable's).
run owner 0 env RECVIEW_NOW=2026-12-02T10:05:00 "$BIN" -C "$TMP/data" set SSR1-11/D1 owner=Bob due=2027-01 --author alice
run answer 0 env RECVIEW_NOW=2026-12-02T10:06:00 "$BIN" -C "$TMP/data" set SSR1-11/Q11.1 answer='The CTO' --author alice
run since-fields 0 "$BIN" --export minutes --since 2026-12-02 "$TMP/data"
has since-fields-owner out '| 2026-12-02T10:05:00 | alice | SSR1-11 | owner of D1: Staff → Bob |  |'
has since-fields-due out '| 2026-12-02T10:05:00 | alice | SSR1-11 | due of D1: 2015-10 → 2027-01 |  |'
has since-fields-answer out '| 2026-12-02T10:06:00 | alice | SSR1-11 | answer of Q11.1: (none) → The CTO |  |'
has since-actions out '| When | Who | Recommendation | Action | Set to | Owner | Note |'
has since-action-due out '| 2026-12-02T10:05:00 | alice | SSR1-11 | due of D1 | 2027-01 | Bob |  |'
run since-fields-later 0 "$BIN" --export minutes --since 2026-12-03 "$TMP/data"
lacks since-fields-later-none out '## Actions'

# Old files (no changes.csv row for a history entry): by the history's date.
mkdir "$TMP/old"
printf '%s\n' 'id,title' 'O-1,One' >"$TMP/old/recommendations.csv"
printf '%s\n' 'rec_id,date,decision,status,source,note' 'O-1,2026-11-30,,complete,recview: bob,done' >"$TMP/old/status_history.csv"
run old-since 0 "$BIN" --export minutes --since 2026-11-30 "$TMP/old"
has old-since-row out '| 2026-11-30 | bob | O-1 | status: complete | done |'

# -o FILE: the minutes on disk, nothing on stdout; a symlink stays a link.
run out-file 0 "$BIN" --export minutes --since 2026-12-02 -o "$TMP/minutes.md" "$TMP/data"
if [ -s "$TMP/out" ]; then echo "not ok out-file-no-stdout"; else echo "ok out-file-no-stdout"; fi
if grep -qF 'effective 2015-01-01' "$TMP/minutes.md"; then echo "ok out-file-contents"; else echo "not ok out-file-contents"; fi
echo old >"$TMP/real.md"
ln -s "$TMP/real.md" "$TMP/link.md"
run out-link 0 "$BIN" --export md --output "$TMP/link.md" "$TMP/data"
if [ -L "$TMP/link.md" ] && grep -qF '| SSR1-25 |' "$TMP/real.md"; then echo "ok out-link-kept"; else echo "not ok out-link-kept"; fi
# Never a file of the data set, nor a directory that is not there; the reason on stderr, exit 4.
cp "$TMP/data/recommendations.csv" "$TMP/recs-before"
run out-data-file 4 "$BIN" --export csv -o "$TMP/data/recommendations.csv" "$TMP/data"
has out-data-file-why err 'recview: -o:'
if cmp -s "$TMP/recs-before" "$TMP/data/recommendations.csv"; then echo "ok out-data-file-intact"; else echo "not ok out-data-file-intact"; fi
run out-no-dir 4 "$BIN" --export minutes -o "$TMP/none/minutes.md" "$TMP/data"
has out-no-dir-why err 'recview: -o:'
run out-without-export 2 "$BIN" --list -o "$TMP/x.md" "$TMP/data"
has out-without-export-why err '-o goes with --export'
