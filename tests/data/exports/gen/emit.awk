# Writes records (see csv2rec.awk) as a spreadsheet would save them.
#   d      delimiter (default ",")
#   eol    record terminator: "\r\n", "\n" or "\r"
#   nl     what a line break inside a cell becomes (default "\n", as Excel, LibreOffice and Sheets write it)
#   quote  "minimal": only cells holding the delimiter, a quote or a line break (RFC 4180, Excel,
#          LibreOffice and Sheets by default); "strings": every cell but whole numbers, as jq's
#          @csv writes JSON strings and numbers, except empty cells of the columns named in
#          nulls (comma-separated: JSON null, which @csv writes as nothing)
#   pad    1: every row as wide as the widest (a spreadsheet saves its whole used range)
#   final  0: no terminator after the last record (Google Sheets)
BEGIN { FS = "\037"; if (d == "") d = ","; if (eol == "") eol = "\n"; if (nl == "") nl = "\n"
	if (quote == "") quote = "minimal"; if (final == "") final = 1; n = 0; width = 0
	split(nulls, nullname, ",") }
{ n++; row[n] = $0; if (NF > width) width = NF }
function cell(s, i,   q) {
	if (quote == "strings") q = !(s ~ /^-?[0-9]+$/ || (s == "" && (i in nullcol)))
	else q = index(s, d) || index(s, "\"") || index(s, "\035") || index(s, "\r")
	gsub(/\035/, nl, s)
	if (!q) return s
	gsub(/"/, "\"\"", s)
	return "\"" s "\""
}
END {
	k = split(row[1], f, "\037")
	for (i = 1; i <= k; i++) for (j in nullname) if (f[i] == nullname[j]) nullcol[i] = 1
	for (r = 1; r <= n; r++) {
		k = split(row[r], f, "\037")
		if (row[r] == "") k = 0
		cols = pad ? width : k
		line = ""
		for (i = 1; i <= cols; i++) line = line (i > 1 ? d : "") cell(i <= k ? f[i] : "", r > 1 ? i : 0)
		printf "%s%s", line, (r < n || final) ? eol : ""
	}
}
