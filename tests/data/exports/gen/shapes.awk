# The single-table and re-spelled shapes of the corpus, from the records of the subset.
# Usage: awk -f lib.awk -f shapes.awk -v shape=SHAPE recommendations.rec deliverables.rec current.rec
# [questions.rec status_history.rec]; writes records (csv2rec.awk) on stdout.
#   flat, flat-merged   one row per deliverable with the recommendation's columns repeated, or empty
#                       below its first row (cells that were merged); a recommendation without
#                       deliverables has one row
#   tracker             a home-made tracker's columns and words
#   jira-recs, jira-subtasks       Jira's "Export CSV (all fields)" of two filters
#   github-issues, github-subs     gh issue list --json ... | jq -r '@csv'; the sub-issues
BEGIN { FS = OFS = "\037" }
FNR == 1 { file++; delete col; header_index(col); for (k in col) c[file, k] = col[k]; next }
file == 1 { nr++; for (k = 1; k <= NF; k++) rec[nr, k] = $k; rid[nr] = $col["id"]; row_of[$col["id"]] = nr; next }
file == 2 { nd++; for (k = 1; k <= NF; k++) del[nd, k] = $k; did[nd] = $col["rec_id"]; next }
file == 3 { cur_status[$1] = $2; cur_decision[$1] = $3; changed[$1] = $4; next }
file == 5 { r = $col["rec_id"]; nh[r]++; hist[r, nh[r]] = $0; next }
function R(i, name) { return rec[i, c[1, name]] }
function D(j, name) { return del[j, c[2, name]] }
function long_date(v) { return (substr(v, 9, 2) + 0) " " month_name(substr(v, 6, 2) + 0) " " substr(v, 1, 4) }
# Jira's date-time form, as its default "dd/MMM/yy h:mm a" writes it: 30/Jun/16 12:00 AM
function jira_date(v) { return v == "" ? "" : substr(v, 9, 2) "/" month_abbr(substr(v, 6, 2) + 0) "/" substr(v, 3, 2) " 12:00 AM" }
function first_line(s) { sub(/\035.*/, "", s); return s }
function flat(merged,   i, j, n, first) {
	print "id", "review", "number", "topic", "title", "text", "decision", "status", "priority", "deliverable", "responsible", "due", "deliverable status", "due_text"
	for (i = 1; i <= nr; i++) {
		n = 0
		for (j = 1; j <= nd; j++) if (did[j] == rid[i]) {
			first = (n++ == 0) || !merged
			print (first ? rid[i] OFS R(i, "review") OFS R(i, "number") OFS R(i, "topic") OFS R(i, "title") OFS R(i, "text") OFS cur_decision[rid[i]] OFS cur_status[rid[i]] OFS R(i, "priority") : OFS OFS OFS OFS OFS OFS OFS OFS), D(j, "description"), D(j, "responsible"), D(j, "due"), D(j, "status"), D(j, "due_text")
		}
		if (n == 0) print rid[i], R(i, "review"), R(i, "number"), R(i, "topic"), R(i, "title"), R(i, "text"), cur_decision[rid[i]], cur_status[rid[i]], R(i, "priority"), "", "", "", "", ""
	}
}
# The tracker's words: its statuses, Board actions and priority levels (README.md says which is which).
function tracker_status(id) {
	if (cur_status[id] == "complete") return "Completed"
	if (cur_status[id] == "in progress") return "In progress"
	if (cur_status[id] == "not started") return "Not started"
	if (cur_decision[id] == "pending") return "On hold"
	return ""
}
function tracker_action(id) {
	if (id == "SSR2-1.1") return "Approved in part"
	if (cur_decision[id] == "approved") return id ~ /^SSR2/ ? "Accepted in principle" : "Approved"
	if (cur_decision[id] == "pending") return "Deferred"
	if (cur_decision[id] == "rejected") return "Not approved"
	return ""
}
function tracker_priority(id, p) {
	if (id == "SSR1-11") return "High"
	if (id == "SSR1-20") return "Medium"
	return p == "P1" ? "Critical" : p == "P2" ? "High" : p == "P3" ? "Medium" : p == "P4" ? "Low" : ""
}
function tracker(   i, j, target) {
	print "Rec. No.", "Recommendation", "Owner", "Target date", "Implementation status", "Board action", "Priority level", "Last updated"
	for (i = 1; i <= nr; i++) {
		target = ""
		for (j = 1; j <= nd; j++) if (did[j] == rid[i] && D(j, "due_text") != "") target = D(j, "due_text")
		print rid[i], R(i, "text"), "ICANN org", target, tracker_status(rid[i]), tracker_action(rid[i]), tracker_priority(rid[i], R(i, "priority")), long_date(changed[rid[i]])
	}
}
function jira_status(id) {
	if (cur_status[id] == "complete") return "Done"
	if (cur_status[id] == "in progress") return "In Progress"
	if (cur_status[id] == "not started") return "To Do"
	return "Backlog"
}
function jira_priority(p) { return p == "P1" ? "Highest" : p == "P2" ? "High" : p == "P4" ? "Low" : "Medium" }
function jira_comment(r, k,   f, n, s) {
	if (k > nh[r]) return ""
	n = split(hist[r, k], f, "\037")
	s = (f[c[5, "decision"]] != "" ? "decision: " f[c[5, "decision"]] : "status: " f[c[5, "status"]])
	if (f[c[5, "note"]] != "") s = s "\035" f[c[5, "note"]]
	return jira_date(f[c[5, "date"]]) ";ssr-support;" s
}
function jira_head() {
	print "Summary", "Issue key", "Issue id", "Parent id", "Issue Type", "Status", "Project key", "Project name", "Priority", "Assignee", "Reporter", "Created", "Updated", "Due date", "Labels", "Labels", "Labels", "Description", "Custom field (Recommendation ID)", "Custom field (Board decision)", "Comment", "Comment", "Comment"
}
function jira_recs(   i, id, summary, created) {
	jira_head()
	for (i = 1; i <= nr; i++) {
		id = rid[i]; summary = R(i, "title") != "" ? R(i, "title") : id
		created = substr(hist[id, 1], index(hist[id, 1], "\037") + 1, 10)
		print summary, "SSR-" i, 10000 + i, "", "Recommendation", jira_status(id), "SSR", "SSR implementation", jira_priority(R(i, "priority")), "", "ssr-support", jira_date(created), jira_date(changed[id]), "", R(i, "review"), "board-" cur_decision[id], (R(i, "priority") != "" ? "priority-" tolower(R(i, "priority")) : ""), R(i, "text"), id, cur_decision[id], jira_comment(id, 1), jira_comment(id, 2), jira_comment(id, 3)
	}
}
function jira_subtasks(   j, due, st) {
	jira_head()
	for (j = 1; j <= nd; j++) {
		due = D(j, "due"); if (due ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]$/) due = due "-01"
		st = D(j, "status") == "complete" ? "Done" : "To Do"
		print first_line(D(j, "description")), "SSR-" (nr + j), 10000 + nr + j, 10000 + row_of[did[j]], "Sub-task", st, "SSR", "SSR implementation", "Medium", "", "ssr-support", "", "", jira_date(due), "", "", "", D(j, "description"), "", "", "", "", ""
	}
}
function github_issues(   i, id, closed, created) {
	print "number", "title", "state", "labels", "createdAt", "closedAt", "url", "body"
	for (i = 1; i <= nr; i++) {
		id = rid[i]
		created = substr(hist[id, 1], index(hist[id, 1], "\037") + 1, 10)
		closed = (cur_status[id] == "complete" || cur_decision[id] == "rejected") ? changed[id] "T00:00:00Z" : ""
		print i, id (R(i, "title") != "" ? ": " R(i, "title") : ""), (closed != "" ? "CLOSED" : "OPEN"), R(i, "review") (cur_status[id] != "" ? ",status: " cur_status[id] : "") ",decision: " cur_decision[id] (R(i, "priority") != "" ? "," R(i, "priority") : ""), created "T00:00:00Z", closed, "https://github.com/example/ssr-tracker/issues/" i, R(i, "text")
	}
}
function github_subs(   j) {
	print "number", "title", "state", "parent", "url"
	for (j = 1; j <= nd; j++)
		print nr + j, D(j, "description"), (D(j, "status") == "complete" ? "CLOSED" : "OPEN"), "#" row_of[did[j]], "https://github.com/example/ssr-tracker/issues/" (nr + j)
}
END {
	if (shape == "flat") flat(0)
	else if (shape == "flat-merged") flat(1)
	else if (shape == "tracker") tracker()
	else if (shape == "jira-recs") jira_recs()
	else if (shape == "jira-subtasks") jira_subtasks()
	else if (shape == "github-issues") github_issues()
	else if (shape == "github-subs") github_subs()
	else { print "shapes.awk: unknown shape " shape > "/dev/stderr"; exit 1 }
}
