# The status/decision invariant of recview's changes, over three TSV files (csv2tsv.awk):
#   1. recommendations.csv as it was (pristine), 2. status_history.csv now, 3. recommendations.csv now.
# A change of status (decision) sets the column and appends a history row with source "recview: ...";
# undo restores the column and removes the row. So for every recommendation, its status column equals
# the status of its last "recview:" history row (in file order) that has one, and the pristine column
# when there is none; the same for the decision. Rows of recommendations not in `touched` (ids
# separated by spaces) are as they were. Prints one line per violation.
FNR == 1 {
	file++
	for (i = 1; i <= NF; i++)
		col[file, $i] = i
	next
}
file == 1 {
	id = $col[1, "id"]
	p_status[id] = $col[1, "status"]
	p_decision[id] = $col[1, "decision"]
	p_line[id] = $0
	next
}
file == 2 {
	if (index($col[2, "source"], "recview: ") != 1)
		next
	id = $col[2, "rec_id"]
	if ($col[2, "status"] != "")
		h_status[id] = $col[2, "status"]
	if ($col[2, "decision"] != "")
		h_decision[id] = $col[2, "decision"]
	next
}
file == 3 {
	id = $col[3, "id"]
	if (seen[id]++)
		print "duplicate-rec " id ": twice in recommendations.csv"
	if (!(id in p_line)) {
		print "unknown-rec " id ": not in the original recommendations.csv"
		next
	}
	want = (id in h_status) ? h_status[id] : p_status[id]
	if ($col[3, "status"] != want)
		print "status-pair " id ": status column '" $col[3, "status"] "', last recview history row says '" \
			((id in h_status) ? h_status[id] : "(none; original '" p_status[id] "')") "'"
	want = (id in h_decision) ? h_decision[id] : p_decision[id]
	if ($col[3, "decision"] != want)
		print "decision-pair " id ": decision column '" $col[3, "decision"] "', last recview history row says '" \
			((id in h_decision) ? h_decision[id] : "(none; original '" p_decision[id] "')") "'"
	if (index(" " touched " ", " " id " ") == 0 && $0 != p_line[id])
		print "untouched-row " id ": changed although no change was made to it"
}
END {
	for (id in p_line)
		if (!(id in seen))
			print "lost-rec " id ": missing from recommendations.csv"
}
