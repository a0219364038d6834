# Functions shared by the generator's awk programs (POSIX awk: mawk and gawk give the same bytes).
function month_abbr(m) { return substr("JanFebMarAprMayJunJulAugSepOctNovDec", 3 * m - 2, 3) }
function month_name(m,   names, k) {
	k = split("January February March April May June July August September October November December", names, " ")
	return names[m + 0]
}
function is_day(v) { return v ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ }
function is_month(v) { return v ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]$/ }
function is_time(v) { return v ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]/ }
# An ISO date, month or date-time as a spreadsheet in locale style shows it: us (Excel, English
# (United States): 6/30/2015, Oct-15, 7/4/2016 10:15), uk (30/06/2015, Oct-15, 04/07/2016 10:15),
# eu (Excel in a German or Dutch locale with the cells as short dates: 30.06.2015, 01.10.2015,
# 04.07.2016 10:15), iso (unchanged). Anything else is left as it is.
function locale_date(v, style,   y, m, dd, t) {
	if (style == "iso" || style == "") return v
	y = substr(v, 1, 4); m = substr(v, 6, 2); dd = substr(v, 9, 2); t = substr(v, 12, 5)
	if (is_time(v)) {
		if (style == "us") return (m + 0) "/" (dd + 0) "/" y " " (substr(t, 1, 2) + 0) substr(t, 3)
		if (style == "uk") return dd "/" m "/" y " " t
		if (style == "eu") return dd "." m "." y " " t
	}
	if (is_day(v)) {
		if (style == "us") return (m + 0) "/" (dd + 0) "/" y
		if (style == "uk") return dd "/" m "/" y
		if (style == "eu") return dd "." m "." y
	}
	if (is_month(v)) {
		if (style == "us" || style == "uk") return month_abbr(m + 0) "-" substr(y, 3, 2)
		if (style == "eu") return "01." m "." y
	}
	return v
}
# Column positions by header name: col[NAME] = index, from the header record in $0.
function header_index(col,   i) { for (i = 1; i <= NF; i++) col[$i] = i }
