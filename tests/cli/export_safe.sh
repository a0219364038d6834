#!/bin/sh
# --export csv defuses cells that a spreadsheet would run (the header too); --export md and minutes
# escape backslashes and pipes and keep line breaks out of table rows.
. tests/cli/lib.sh

mkdir "$TMP/f"
printf '%s\n' 'id,title,=cmd,priority' \
	'R-1,"=HYPERLINK(""http://x"",""y"")",+cmd|'"'"' /C calc'"'"'!A0,@SUM(A1)' \
	'R-2,"ends in \","x\|y","two' 'lines"' >"$TMP/f/recommendations.csv"
printf '%s\n' 'rec_id,date,status,source,note' 'R-2,2026-11-20,in progress,recview: bob\,"said \"' >"$TMP/f/status_history.csv"
run export-csv-formulas 0 "$BIN" --export csv "$TMP/f"
has csv-header-defused out "id,title,'=cmd,priority"
has csv-hyperlink-defused out "R-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+cmd|' /C calc'!A0,'@SUM(A1)"
lacks csv-no-bare-formula out ",=HYPERLINK"
run export-md-backslash 0 "$BIN" --export md "$TMP/f"
has md-backslash-escaped out '| R-2 |  | in progress | two lines | 2026-11-20 | ends in \\ |'
run export-minutes-backslash 0 "$BIN" --export minutes "$TMP/f"
has minutes-backslash-escaped out '| 2026-11-20 | bob\\ | R-2 | status: in progress | said \\ |'
