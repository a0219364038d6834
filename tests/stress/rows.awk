# Rows a burst of changes added, against its plan. Files: the plan (kind TAB id TAB value TAB text,
# one line per status, decision and note change), then the TSV (csv2tsv.awk) of status_history.csv
# (kind=history) or notes.csv (kind=notes). Every row recview wrote (history: source "recview: ...")
# must be one of the plan's, for its recommendation and value, and there at most once.
FNR == NR {
	plan_kind[$4] = $1
	plan_id[$4] = $2
	plan_value[$4] = $3
	next
}
FNR == 1 {
	for (i = 1; i <= NF; i++)
		col[$i] = i
	next
}
kind == "history" && index($col["source"], "recview: ") == 1 {
	text = $col["note"]
	what = $col["status"] != "" ? "status" : "decision"
	value = $col[what]
	id = $col["rec_id"]
}
kind == "notes" {
	text = $col["note"]
	what = "note"
	value = ""
	id = $col["rec_id"]
}
(kind == "notes") || (kind == "history" && index($col["source"], "recview: ") == 1) {
	if (!(text in plan_kind))
		print kind "-row " id ": '" text "' was never made"
	else if (plan_kind[text] != what || plan_id[text] != id || plan_value[text] != value)
		print kind "-row " id ": '" text "' is " what " '" value "', the change was " plan_kind[text] " '" \
			plan_value[text] "' of " plan_id[text]
	if (seen[text]++ == 1)
		print kind "-row " id ": '" text "' is there more than once"
}
