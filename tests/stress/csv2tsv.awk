# CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) to one record per
# line with TAB between fields. A TAB, CR or LF inside a field becomes a space (the stress checks
# compare ids, states and texts they typed themselves). A leading BOM and CRLF line ends are dropped;
# a blank line is no record. An unterminated quote ends the output with an error (exit 2).
{
	line = $0
	if (NR == 1)
		sub(/^\357\273\277/, "", line)
	if (open)
		rec = rec "\n" line
	else
		rec = line
	open = 1
	n = gsub(/"/, "\"", line)
	if (n % 2)
		quoted = !quoted
	if (!quoted) {
		sub(/\r$/, "", rec)
		if (rec != "")
			emit(rec)
		open = 0
	}
}
END {
	if (open && quoted) {
		print "csv2tsv: " FILENAME ": unterminated quote" >"/dev/stderr"
		exit 2
	}
}
function emit(r,   out, f, i, c, n, q) {
	out = ""
	f = ""
	q = 0
	n = length(r)
	for (i = 1; i <= n; i++) {
		c = substr(r, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr(r, i + 1, 1) == "\"") {
					f = f "\""
					i++
				} else
					q = 0
			} else if (c == "\t" || c == "\n" || c == "\r")
				f = f " "
			else
				f = f c
		} else if (c == "\"")
			q = 1
		else if (c == ",") {
			out = out f "\t"
			f = ""
		} else if (c == "\t")
			f = f " "
		else
			f = f c
	}
	print out f
}
