# Re-spells one table of the subset, row by row; reads and writes records (csv2rec.awk).
#   how=dates     the date columns (date, due, time) in a different human form on each row, the
#                 way a sheet edited by many hands ends up; slash dates are day-first throughout
#                 (30/06/2015 settles it). Empty dues of done deliverables get TBD, N/A, Ongoing
#                 in turn. Each change is listed on stderr as "FILE:LINE: WRITTEN = ISO" for EXPECTED.
#   how=child-ids the rec_id of a child row spelled another way on each row, with a review column
#                 after it (so that a bare "1" names SSR1-1)
#   how=rec-ids   the id of a recommendation spelled another way on each row
# file= names the table in the stderr listing.
BEGIN { FS = OFS = "\037"; n = 0 }
NR == 1 {
	header_index(col)
	if (how == "child-ids") { $1 = $1 OFS "review" }
	print; next
}
function num(id) { sub(/^[^-]*-/, "", id); return id }
function review(id) { sub(/-.*/, "", id); return id }
# Day precision: 1 30 June 2015, 2 Jun 30, 2015, 3 2015-06-30T00:00:00Z, 4 30/06/2015,
# 5 30.06.2015, 6 Jira's 30/Jun/15 9:30 AM, 7 as written (ISO).
function day_form(v, k,   y, m, d) {
	y = substr(v, 1, 4); m = substr(v, 6, 2) + 0; d = substr(v, 9, 2)
	if (k == 1) return (d + 0) " " month_name(m) " " y
	if (k == 2) return month_abbr(m) " " (d + 0) ", " y
	if (k == 3) return v "T00:00:00Z"
	if (k == 4) return d "/" substr(v, 6, 2) "/" y
	if (k == 5) return d "." substr(v, 6, 2) "." y
	if (k == 6) return d "/" month_abbr(m) "/" substr(y, 3, 2) " 9:30 AM"
	return v
}
# Month precision: 1 Oct 2015 (Sept for September), 2 Oct. 2015, 3 Oct-15, 4 Q4 2015,
# 5 October 2015, 6 as written (ISO).
function month_form(v, k,   y, m, a) {
	y = substr(v, 1, 4); m = substr(v, 6, 2) + 0; a = (m == 9 ? "Sept" : month_abbr(m))
	if (k == 1) return a " " y
	if (k == 2) return a ". " y
	if (k == 3) return month_abbr(m) "-" substr(y, 3, 2)
	if (k == 4) return "Q" int((m + 2) / 3) " " y
	if (k == 5) return month_name(m) " " y
	return v
}
function undated(k) { return k == 1 ? "TBD" : k == 2 ? "N/A" : k == 3 ? "Ongoing" : "" }
function respell_dates(   i, v, w) {
	for (i = 1; i <= NF; i++) {
		if (!(i == col["date"] || i == col["due"] || i == col["time"])) continue
		v = $i
		if (is_day(v)) { dk = dk % 7 + 1; w = day_form(v, dk) }
		else if (is_month(v)) { mk = mk % 6 + 1; w = month_form(v, mk) }
		else if (v == "" && i == col["due"]) { uk = uk % 6 + 1; w = undated(uk) }
		else continue
		if (w != v) printf "%s row %d: %s = %s\n", file, NR, w, (v == "" ? "no date" : v) > "/dev/stderr"
		$i = w
	}
}
# 1 Rec 1, 2 Rec. 1, 3 R-1, 4 #1, 5 SSR1-01 (leading zero), 6 SSR1_1, 7 1, 8 ssr1-1,
# 9 Recommendation 1, 10 as written
function id_form(id, k,   n, r) {
	n = num(id); r = review(id)
	if (k == 1) return "Rec " n
	if (k == 2) return "Rec. " n
	if (k == 3) return "R-" n
	if (k == 4) return "#" n
	if (k == 5) return r "-" (n ~ /^[0-9]$/ ? "0" n : n ~ /^[0-9]\./ ? "0" n : n)
	if (k == 6) return r "_" n
	if (k == 7) return n
	if (k == 8) return tolower(id)
	if (k == 9) return "Recommendation " n
	return id
}
{
	if (how == "dates") respell_dates()
	else if (how == "child-ids") { ik = ik % 10 + 1; r = review($1); w = id_form($1, ik); if (w != $1) printf "%s row %d: %s = %s\n", file, NR, w, $1 > "/dev/stderr"; $1 = w OFS r }
	else if (how == "rec-ids") { ik = ik % 10 + 1; w = id_form($col["id"], ik); if (w != $col["id"]) printf "%s row %d: %s = %s\n", file, NR, w, $col["id"] > "/dev/stderr"; $col["id"] = w }
	print
}
