# Reads RFC 4180 CSV (LF line ends, as the bundled data is written) and writes one record per line:
# fields joined by \037 (unit separator), a line break inside a field as \035. Every later stage of
# the generator works on this form, which needs no quoting.
BEGIN { US = "\037"; NL = "\035"; inq = 0; rec = ""; nf = 0; fld = "" }
function end_field() { rec = rec (nf ? US : "") fld; nf++; fld = "" }
{
	n = length($0)
	for (i = 1; i <= n; i++) {
		c = substr($0, i, 1)
		if (inq) {
			if (c == "\"") {
				if (substr($0, i + 1, 1) == "\"") { fld = fld "\""; i++ } else inq = 0
			} else fld = fld c
		} else if (c == "\"") inq = 1
		else if (c == ",") end_field()
		else fld = fld c
	}
	if (inq) { fld = fld NL; next }
	end_field(); print rec; rec = ""; nf = 0
}
END { if (inq) { print "csv2rec: unterminated quote at end of input" > "/dev/stderr"; exit 1 } }
