#!/bin/sh
# --as-of-later hide|dim (tests/data/as-of, as of 2015-06-30, with a note, a deliverable's status and
# owner and an answer recorded on 2026-12-02): by default what was recorded later is left out of
# --show, --list, --export md, csv, minutes and slides; with dim (or the configuration's
# as-of-later = dim) it is kept and marked "[after 2015-06-30]" in words, never in colour.
. tests/cli/lib.sh
D=tests/data/as-of
A="--as-of 2015-06-30"

run show-hide 0 "$BIN" --show AO-1 $A "$D"
has show-hide-date out "As of 2015-06-30: what was recorded later is left out"
lacks show-hide-note out "Signed off today."
run show-dim 0 "$BIN" --show AO-1 $A --as-of-later dim "$D"
has show-dim-date out "As of 2015-06-30: what was recorded later is kept, marked [after 2015-06-30]"
has show-dim-note out "2026-12-02T09:00:00  alice  [after 2015-06-30]"
has show-dim-text out "Signed off today."
has show-dim-deliverable out "after 2015-06-30: status complete, owner Bob"
has show-dim-answer out "after 2015-06-30: answer The CTO signs it."
has show-dim-then out "Draft the policy — Staff — due 2015-10"
lacks show-dim-colour out "$(printf '\033')"
run show-now 0 "$BIN" --show AO-1 --as-of-later dim "$D"
lacks show-now-no-date out "As of"
lacks show-now-no-mark out "[after"

# The page's fields as of the date: no status cell the history did not give yet (AO-1's "in progress"
# came on 2015-03-01), no decision either.
run show-fields-then 0 "$BIN" --show AO-1 --as-of 2014-12-31 "$D"
lacks show-fields-no-status out "Status     in progress"
lacks show-fields-no-decision out "Decision   approved"
has show-fields-priority out "Priority   P2"
run show-fields-now 0 "$BIN" --show AO-1 "$D"
has show-fields-status-now out "Status     in progress"

run list-hide 0 "$BIN" --list $A "$D"
fields=$(awk -F'\t' '{print NF}' "$TMP/out" | sort -u)
[ "$fields" = 9 ] && echo "ok list-hide-fields" || echo "not ok list-hide-fields: $fields"
run list-dim 0 "$BIN" --list $A --as-of-later dim "$D"
fields=$(awk -F'\t' '{print NF}' "$TMP/out" | sort -u)
[ "$fields" = 10 ] && echo "ok list-dim-fields" || echo "not ok list-dim-fields: $fields"
has list-dim-ao1 out "	Publish the escrow policy	after 2015-06-30: 1 note, 1 deliverable changed, 1 question answered or changed"
has list-dim-ao2 out "	Audit the root zone keys	"

run md-dim 0 "$BIN" --export md $A --as-of-later dim "$D"
has md-dim-head out "| Title or text | Recorded after 2015-06-30 |"
has md-dim-ao1 out "| Publish the escrow policy | 1 note, 1 deliverable changed, 1 question answered or changed |"
run md-hide 0 "$BIN" --export md $A "$D"
lacks md-hide-column out "Recorded after"
has md-hide-said out "as of 2015-06-30 (what was recorded later left out)"

run csv-dim 0 "$BIN" --export csv $A --as-of-later dim "$D"
has csv-dim-head out "id,review,title,decision,status,priority,recorded after 2015-06-30"
has csv-dim-ao1 out 'AO-1,AO,Publish the escrow policy,approved,in progress,P2,"1 note, 1 deliverable changed, 1 question answered or changed"'
has csv-dim-ao2 out "AO-2,AO,Audit the root zone keys,pending,not started,P1,"
run csv-hide 0 "$BIN" --export csv $A "$D"
has csv-hide-head out "id,review,title,decision,status,priority"
lacks csv-hide-column out "recorded after"

run minutes-dim 0 "$BIN" --export minutes $A --as-of-later dim "$D"
has minutes-dim-head out "Up to 2015-06-30; what was recorded later is marked [after 2015-06-30]"
has minutes-dim-late out "| 2026-12-02T09:00:00 [after 2015-06-30] | alice | AO-1 | note | Signed off today. |"
has minutes-dim-early out "| 2015-05-10T09:00:00 | alice | AO-1 | note | Legal has the first draft. |"
run minutes-hide 0 "$BIN" --export minutes $A "$D"
lacks minutes-hide-late out "Signed off today."

run slides-dim 0 "$BIN" --export slides $A --as-of-later dim "$D"
has slides-dim-count out "2 slides, as of 2015-06-30"
has slides-dim-note out "[after 2015-06-30]"
run html-dim 0 "$BIN" --export slides-html $A --as-of-later dim "$D"
has html-dim-class out "<span class=later>"
has html-dim-note out "Signed off today."
run html-hide 0 "$BIN" --export slides-html $A "$D"
lacks html-hide-note out "Signed off today."

# The configuration's as-of-later, as the browser takes it; the option wins over it.
mkdir -p "$TMP/cfg/recview"
printf 'as-of-later = dim\n' >"$TMP/cfg/recview/config"
run config-dim 0 env XDG_CONFIG_HOME="$TMP/cfg" "$BIN" --show AO-1 $A "$D"
has config-dim-note out "Signed off today."
run config-option-wins 0 env XDG_CONFIG_HOME="$TMP/cfg" "$BIN" --show AO-1 $A --as-of-later hide "$D"
lacks config-option-wins-note out "Signed off today."

# A bad word, or the option where it means nothing, is a usage error.
run bad-word 2 "$BIN" --show AO-1 $A --as-of-later grey "$D"
has bad-word-said err "--as-of-later takes hide or dim, not 'grey'"
run with-summary 2 "$BIN" --summary --as-of-later dim "$D"
has with-summary-said err "--as-of-later goes with --show, --list, --export or the browser"

# A priority changed later: as of the date, --filter and --sort read the priority then (AO-1 was P2
# until it was raised to P1 today), not today's.
mkdir -p "$TMP/raised" && cp "$D"/*.csv "$TMP/raised/"
sed -i 's/^AO-1,AO,Publish the escrow policy,approved,in progress,P2$/AO-1,AO,Publish the escrow policy,approved,in progress,P1/' \
	"$TMP/raised/recommendations.csv"
echo 'AO-1,,priority,P1,P2,2026-12-02T11:00:00,alice,raised' >>"$TMP/raised/changes.csv"
run priority-then 0 "$BIN" --list $A --filter priority:P2 "$TMP/raised"
has priority-then-ao1 out "AO-1	"
run priority-then-p1 0 "$BIN" --list $A --filter priority:=P1 "$TMP/raised"
lacks priority-then-p1-not-ao1 out "AO-1	"
has priority-then-p1-ao2 out "AO-2	"
run priority-now 0 "$BIN" --list --filter priority:P1 "$TMP/raised"
has priority-now-ao1 out "AO-1	"
run priority-sort-then 0 "$BIN" --list $A --sort priority "$TMP/raised"
first=$(head -1 "$TMP/out" | cut -f1)
[ "$first" = AO-2 ] && echo "ok priority-sort-then-first" || echo "not ok priority-sort-then-first: $first"
