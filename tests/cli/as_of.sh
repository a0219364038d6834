#!/bin/sh
# --as-of with --show and --list: the state in force on the date, nothing recorded after it; a change
# dated back before a later entry takes its place in the history and does not override that entry.
. tests/cli/lib.sh

run show-as-of 0 "$BIN" --show SSR1-25 --as-of 2015-06-30 data
has show-as-of-status out "Status        in progress (from the status history)"
has show-as-of-changed out "Changed       2014-03-18"
lacks show-as-of-no-2016 out "2016-03-31"
has show-as-of-hidden out "History (1, newest first), 1 after 2015-06-30 hidden"
run show-now 0 "$BIN" --show SSR1-25 data
has show-now-2016 out "2016-03-31"

run list-as-of 0 "$BIN" --list --as-of 2015-06-30 --filter id:SSR1-25 data
has list-as-of-line out "SSR1-25	SSR1	approved	in progress		2014-03-18	"
run list-as-of-filter 0 "$BIN" --list --as-of 2015-06-30 --filter status:complete data
lacks list-as-of-filter-state out "SSR1-25	"

# A change recorded today, dated 2015-01-01: the 2016 entry stays in force now and in --summary.
mkdir "$TMP/data"
cp data/*.csv "$TMP/data/"
run backdate 0 "$BIN" -C "$TMP/data" set SSR1-25 status=behind --date 2015-01-01
run backdate-list 0 "$BIN" --list --filter id:SSR1-25 "$TMP/data"
has backdate-list-2016 out "SSR1-25	SSR1	approved	complete		2016-03-31	"
run backdate-list-then 0 "$BIN" --list --as-of 2015-06-30 --filter id:SSR1-25 "$TMP/data"
has backdate-list-then-state out "SSR1-25	SSR1	approved	behind schedule		2015-01-01	"
run backdate-show 0 "$BIN" --show SSR1-25 "$TMP/data"
has backdate-show-status out "Status        complete"
run backdate-summary 0 "$BIN" --summary --as-of 2016-07-01 "$TMP/data"
has backdate-summary-complete out "status    ✓ complete        20"
has backdate-summary-progress out "○ in progress      8"

# --export md agrees with --list.
run export-as-of 0 "$BIN" --export md --as-of 2015-06-30 --filter id:SSR1-25 data
has export-as-of-row out "| SSR1-25 | approved | in progress |  | 2014-03-18 |"
run export-backdated 0 "$BIN" --export md --filter id:SSR1-25 "$TMP/data"
has export-backdated-row out "| SSR1-25 | approved | complete |  | 2016-03-31 |"

# An answer and a note recorded on 2026-12-02 are not on the page as of 2026-12-01, and are after it.
RECVIEW_NOW=2026-12-02T10:00:00 USER=tester "$BIN" -C "$TMP/data" set SSR1-25/Q25.1 "answer=Written later." >/dev/null 2>&1
RECVIEW_NOW=2026-12-02T10:00:00 USER=tester "$BIN" -C "$TMP/data" note SSR1-25 "A note of later." >/dev/null 2>&1
run answer-now 0 "$BIN" --show SSR1-25 "$TMP/data"
has answer-now-shown out "Written later."
has note-now-shown out "A note of later."
run answer-before 0 "$BIN" --show SSR1-25 --as-of 2026-12-01 "$TMP/data"
lacks answer-before-hidden out "Written later."
lacks note-before-hidden out "A note of later."
has note-before-count out "Notes (0), 1 after 2026-12-01 hidden"
run answer-after 0 "$BIN" --show SSR1-25 --as-of 2026-12-02 "$TMP/data"
has answer-after-shown out "Written later."
