#!/bin/sh
# x as of a date (tests/data/as-of, --as-of 2014-12-31): the list's export holds the recommendations
# the list shows by the state then (status:none: both, though both have a status now; the priority
# then in its column), and the page's
# export is the page as shown: with as-of-later = dim (--as-of-later dim), the notes recorded later
# kept and marked "[after 2014-12-31]"; with hide, left out.
. tests/tmux/lib.sh
REAL=$(cd "$TMP" && pwd -P)
mkdir "$TMP/data"
cp tests/data/as-of/*.csv "$TMP/data/"
# AO-2's priority changed today: the list as of 2014-12-31 shows the one then (P1).
env RECVIEW_NOW=2026-12-02T10:00:00 "$BIN" -C "$TMP/data" set AO-2 priority=P3 --author alice >/dev/null

start_command 80 24 "cd '$TMP' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $ABS_BIN --read-only --as-of 2014-12-31 --as-of-later dim data; sleep 30"
expect start "as of 2014-12-31"
keys f
keys status:none Enter
expect filtered "AO-2"
expect list-priority-then "P1"
expect_not list-priority-not-now "P3"
keys x
expect list-prompt "export to (.md or .csv):"
keys C-u list.md Enter
expect list-exported "Exported the list to $REAL/list.md"
if grep -q '^| AO-1 |' "$TMP/list.md" && grep -q '^| AO-2 |' "$TMP/list.md" &&
	grep -qF '2 recommendations, as of 2014-12-31' "$TMP/list.md"; then
	echo "ok list-as-of"
else
	echo "not ok list-as-of"
	sed 's/^/  | /' "$TMP/list.md" 2>/dev/null | head -8
fi
if grep -qF '| Recorded after 2014-12-31 |' "$TMP/list.md"; then echo "ok list-later-column"; else echo "not ok list-later-column"; fi

keys F
keys : AO-1 Enter
expect page "History (0, newest first), 1 after 2014-12-31 dimmed"
keys x
expect page-prompt "export to (.md or .csv): AO-1.md"
keys Enter
expect page-exported "Exported the page to $REAL/AO-1.md"
if grep -qF 'Signed off today.' "$TMP/AO-1.md" && grep -qF '[after 2014-12-31]' "$TMP/AO-1.md"; then
	echo "ok page-dim"
else
	echo "not ok page-dim"
	sed 's/^/  | /' "$TMP/AO-1.md" 2>/dev/null | tail -12
fi

# & hides them again: so does the export.
keys '&'
expect page-hide "History (0, newest first), 1 after 2014-12-31 hidden"
keys x
expect page-prompt-again "export to (.md or .csv): AO-1.md"
keys C-u AO-1-hidden.md Enter
expect page-exported-again "Exported the page to $REAL/AO-1-hidden.md"
if grep -qF 'Signed off today.' "$TMP/AO-1-hidden.md"; then echo "not ok page-hide"; else echo "ok page-hide"; fi
