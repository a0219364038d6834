# The current state of each recommendation, as a tracker keeps it in columns: the status (and
# decision) column of recommendations, else the latest dated history entry that has one (a later
# row wins a tie, as in recview). Usage: awk -f lib.awk -f current.awk recommendations.rec
# status_history.rec; writes rec_id, status, decision, changed (the latest history date).
BEGIN { FS = OFS = "\037" }
FNR == 1 { delete col; header_index(col); file++; next }
file == 1 { n++; id[n] = $col["id"]; st[$col["id"]] = $col["status"]; de[$col["id"]] = $col["decision"]; next }
{
	r = $col["rec_id"]; d = $col["date"]
	if ($col["status"] != "" && d >= hs_date[r]) { hs_date[r] = d; hs[r] = $col["status"] }
	if ($col["decision"] != "" && d >= hd_date[r]) { hd_date[r] = d; hd[r] = $col["decision"] }
	if (d > changed[r]) changed[r] = d
}
END {
	print "rec_id", "status", "decision", "changed"
	for (i = 1; i <= n; i++) {
		r = id[i]
		print r, (st[r] != "" ? st[r] : hs[r]), (de[r] != "" ? de[r] : hd[r]), changed[r]
	}
}
