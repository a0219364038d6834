# Per-file changes a spreadsheet makes when it saves: dates in its locale's style (style=us|uk|eu,
# in the columns named by datecols, comma-separated), decimal commas in numbers (the columns in
# deccols), and ✓-like characters the target encoding lacks replaced by "?" as Excel does
# (lossy=1; see ASCII_ONLY in generate.sh). Reads and writes records (csv2rec.awk).
BEGIN { FS = OFS = "\037"; split(datecols, dc, ","); split(deccols, nc, ",") }
NR == 1 { header_index(col); for (k in dc) if (dc[k] in col) isdate[col[dc[k]]] = 1
	for (k in nc) if (nc[k] in col) isdec[col[nc[k]]] = 1; print; next }
{
	for (i = 1; i <= NF; i++) {
		if (i in isdate) $i = locale_date($i, style)
		if ((i in isdec) && $i ~ /^[0-9]+\.[0-9]+$/) sub(/\./, ",", $i)
	}
	print
}
