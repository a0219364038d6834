/*
 * date_style.c - writing a date the way a file writes its dates: the style of one of its own values
 * (30/06/2016, 6/30/2016, 30.06.2016, 30 June 2016, Jun 30, 2016, 30-Jun-16 ...), found by writing
 * that value's date in each known style until one gives its text back.
 */
#include "recview/date.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
					  "July",    "August",   "September", "October", "November", "December"};

/*
 * Styles, as letters: Y year, y two-digit year, m month 01-12, n month 1-12, d day 01-31, e day 1-31,
 * B month name, b its first three letters; anything else is written as it is.
 */
static const char *const styles[] = {
	"Y-m-d", "d/m/Y", "m/d/Y", "e/n/Y", "n/e/Y", "d.m.Y", "e.n.Y", "d-m-Y", "m-d-Y", "d/m/y", "m/d/y", "e/n/y",
	"n/e/y", "d.m.y", "Y/m/d", "e B Y", "d B Y", "e b Y", "d b Y", "B e, Y", "b e, Y", "d-b-y", "e-b-y", "d-b-Y",
	"e-b-Y", "d/b/y", "Y-b-d", "Ymd",
};

static void write_style(const char *style, int32_t date, char *out, size_t size)
{
	int y = date / 10000, m = date / 100 % 100, d = date % 100;
	size_t n = 0;
	out[0] = '\0';
	for (const char *p = style; *p && n + 1 < size; p++) {
		char piece[16];
		switch (*p) {
		case 'Y': snprintf(piece, sizeof(piece), "%04d", y); break;
		case 'y': snprintf(piece, sizeof(piece), "%02d", y % 100); break;
		case 'm': snprintf(piece, sizeof(piece), "%02d", m); break;
		case 'n': snprintf(piece, sizeof(piece), "%d", m); break;
		case 'd': snprintf(piece, sizeof(piece), "%02d", d); break;
		case 'e': snprintf(piece, sizeof(piece), "%d", d); break;
		case 'B': snprintf(piece, sizeof(piece), "%s", m >= 1 && m <= 12 ? month_names[m - 1] : "?"); break;
		case 'b': snprintf(piece, sizeof(piece), "%.3s", m >= 1 && m <= 12 ? month_names[m - 1] : "?"); break;
		default: piece[0] = *p; piece[1] = '\0'; break;
		}
		size_t len = strlen(piece);
		if (n + len >= size)
			break;
		memcpy(out + n, piece, len + 1);
		n += len;
	}
}

/* Whether a style with a numeric day and month puts them in order (styles with a month name always do). */
static bool agrees(const char *style, enum rv_date_order order)
{
	const char *day = strpbrk(style, "de"), *month = strpbrk(style, "mn");
	if (!day || !month || strchr(style, 'Y') == style)
		return true;
	return order == RV_DATE_DAY_FIRST ? day < month : month < day;
}

bool rv_date_write_like(int32_t date, const char *sample, size_t len, enum rv_date_order order, char *out, size_t size)
{
	struct rv_date_value v;
	if (!sample || rv_date_read(sample, len, order, &v) != RV_DATE_OK || v.precision != RV_DATE_PREC_DAY)
		return false;
	char text[64];
	/* 05/05/2016 reads either way: the column's order says which style it is. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < sizeof(styles) / sizeof(*styles); i++) {
			if (pass == 0 && !agrees(styles[i], order))
				continue;
			write_style(styles[i], v.date, text, sizeof(text));
			if (strlen(text) == len && memcmp(text, sample, len) == 0) {
				write_style(styles[i], date, out, size);
				return true;
			}
		}
	}
	return false;
}
