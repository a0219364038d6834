/* date.c - ISO dates for options, and the dates of real exports for files (date.h). */
#include "recview/date.h"

#include <stdio.h>
#include <string.h>

static bool read_digits(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *len)
{
	while (*len && is_space((*s)[0]))
		(*s)++, (*len)--;
	while (*len && is_space((*s)[*len - 1]))
		(*len)--;
}

enum rv_date_result rv_date_parse(const char *s, size_t len, int32_t *out)
{
	int y, m = 0, d = 0;
	trim(&s, &len);
	*out = RV_DATE_NONE;
	if (len == 0)
		return RV_DATE_EMPTY;
	if (len != 4 && len != 7 && len != 10)
		return RV_DATE_BAD;
	if (!read_digits(s, 4, &y) || y < 1)
		return RV_DATE_BAD;
	if (len >= 7 && (s[4] != '-' || !read_digits(s + 5, 2, &m) || m < 1 || m > 12))
		return RV_DATE_BAD;
	if (len == 10 && (s[7] != '-' || !read_digits(s + 8, 2, &d) || d < 1 || d > days_in_month(y, m)))
		return RV_DATE_BAD;
	*out = y * 10000 + m * 100 + d;
	return RV_DATE_OK;
}

void rv_date_format(int32_t date, char *buf, size_t size)
{
	int y = date / 10000, m = date / 100 % 100, d = date % 100;
	if (date == RV_DATE_NONE)
		snprintf(buf, size, "%s", "");
	else if (m == 0)
		snprintf(buf, size, "%04d", y);
	else if (d == 0)
		snprintf(buf, size, "%04d-%02d", y, m);
	else
		snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

int32_t rv_date_last_day(int32_t date, enum rv_date_precision precision)
{
	if (date == RV_DATE_NONE || precision == RV_DATE_PREC_NONE)
		return RV_DATE_NONE;
	int y = date / 10000, m = date / 100 % 100;
	switch (precision) {
	case RV_DATE_PREC_DAY:
		return date;
	case RV_DATE_PREC_MONTH:
		break;
	case RV_DATE_PREC_QUARTER:
		m = m ? (m - 1) / 3 * 3 + 3 : 12;
		break;
	case RV_DATE_PREC_YEAR:
	case RV_DATE_PREC_NONE:
		m = 12;
		break;
	}
	if (m < 1 || m > 12)
		m = 12;
	return y * 10000 + m * 100 + days_in_month(y, m);
}

void rv_date_format_precision(int32_t date, enum rv_date_precision precision, char *buf, size_t size)
{
	if (precision == RV_DATE_PREC_QUARTER && date != RV_DATE_NONE)
		snprintf(buf, size, "%04d-Q%d", (int)(date / 10000), (int)((date / 100 % 100 + 2) / 3));
	else
		rv_date_format(date, buf, size);
}

/* ---- reading the dates of files ---- */

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Equal without case to the NUL-terminated word w. */
static bool word_is(const char *s, size_t len, const char *w)
{
	size_t i = 0;
	for (; i < len && w[i]; i++)
		if (lower(s[i]) != w[i])
			return false;
	return i == len && !w[i];
}

static const char *const placeholders[] = {
	"tbd", "tbc", "tba", "to be determined", "to be confirmed", "ongoing", "on-going", "on going",
	"continuous", "n/a", "na", "n.a.", "not applicable", "none", "unknown", "?", "-", "--", "---",
	"\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */,
};

static bool is_placeholder(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof(placeholders) / sizeof(*placeholders); i++)
		if (word_is(s, len, placeholders[i]))
			return true;
	return false;
}

/* 1..12 for an English month name, full or cut to three letters or more ("Sept", "Nov"), else 0. */
static int month_of(const char *s, size_t len)
{
	static const char *const names[] = {"january", "february", "march",     "april",   "may",      "june",
					    "july",    "august",   "september", "october", "november", "december"};
	if (len < 3 || len > 9)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t i = 0;
		while (i < len && names[m][i] && lower(s[i]) == names[m][i])
			i++;
		if (i == len)
			return m + 1;
	}
	return 0;
}

static bool is_weekday(const char *s, size_t len)
{
	static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
	if (len < 3 || len > 9)
		return false;
	for (int d = 0; d < 7; d++) {
		size_t i = 0;
		while (i < len && names[d][i] && lower(s[i]) == names[d][i])
			i++;
		if (i == len)
			return true;
	}
	return false;
}

/* A number, a word or a quarter (Q3), with the separator written before it (0: none, ' ': spaces only). */
enum item_kind { ITEM_NUM, ITEM_MONTH, ITEM_QUARTER };
struct item {
	enum item_kind kind;
	int value;      /* the number, the month 1..12, the quarter 1..4 */
	int digits;     /* ITEM_NUM: how many */
	char sep;       /* the separator before it */
};

#define MAX_ITEMS 4

static bool is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '/' || c == '-' || c == '.' || c == ',' || c == '\'';
}

/* Splits a date (its time already cut off) into at most MAX_ITEMS items; false when it cannot be one. */
static bool split_items(const char *s, size_t len, struct item *items, int *nitems)
{
	int n = 0;
	char sep = 0;
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		if (is_separator(c)) {
			/* A run of separators counts as its first one that is not a space (", " is ','). */
			if (!sep || (sep == ' ' && !is_space(c)))
				sep = is_space(c) ? ' ' : c;
			i++;
			continue;
		}
		size_t start = i;
		if (is_digit(c)) {
			int v = 0;
			while (i < len && is_digit(s[i]) && i - start < 5)
				v = v * 10 + (s[i++] - '0');
			if (i - start > 4 || n == MAX_ITEMS)
				return false;
			items[n++] = (struct item){ITEM_NUM, v, (int)(i - start), sep};
		} else if (is_letter(c)) {
			while (i < len && is_letter(s[i]))
				i++;
			size_t wl = i - start;
			int month;
			if (wl == 1 && lower(c) == 'q' && i < len && s[i] >= '1' && s[i] <= '4' &&
			    (i + 1 == len || !is_digit(s[i + 1]))) {
				if (n == MAX_ITEMS)
					return false;
				items[n++] = (struct item){ITEM_QUARTER, s[i++] - '0', 0, sep};
			} else if (n > 0 && items[n - 1].kind == ITEM_NUM && !sep &&
				   (word_is(s + start, wl, "st") || word_is(s + start, wl, "nd") ||
				    word_is(s + start, wl, "rd") || word_is(s + start, wl, "th"))) {
				/* "30th": the ordinal's letters belong to the number */
			} else if (n == 0 && is_weekday(s + start, wl)) {
				/* "Thu, 30 Jun 2016": the weekday says nothing more */
			} else if ((month = month_of(s + start, wl)) != 0) {
				if (n == MAX_ITEMS)
					return false;
				items[n++] = (struct item){ITEM_MONTH, month, 0, sep};
			} else {
				return false;
			}
		} else {
			return false;
		}
		sep = 0;
	}
	*nitems = n;
	return n > 0;
}

/* A two-digit year as POSIX strptime's %y reads it. */
static int full_year(const struct item *it)
{
	if (it->digits == 4)
		return it->value;
	return it->value < 69 ? 2000 + it->value : 1900 + it->value;
}

static bool is_year(const struct item *it, bool two_digits_too)
{
	return it->kind == ITEM_NUM && ((it->digits == 4 && it->value >= 1) || (two_digits_too && it->digits == 2));
}

static bool is_small(const struct item *it)
{
	return it->kind == ITEM_NUM && it->digits <= 2;
}

static bool numeric_sep(char c)
{
	return c == '/' || c == '-' || c == '.';
}

static bool make_date(int y, int m, int d, enum rv_date_precision p, struct rv_date_value *out)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || (p == RV_DATE_PREC_DAY && (d < 1 || d > days_in_month(y, m))))
		return false;
	out->date = y * 10000 + (p == RV_DATE_PREC_YEAR ? 0 : m * 100) + (p == RV_DATE_PREC_DAY ? d : 0);
	out->precision = p;
	return true;
}

static bool read_two(const struct item *a, const struct item *b, struct rv_date_value *out)
{
	if (a->kind == ITEM_MONTH && is_year(b, false))      /* Nov. 2015, Sept 2016 */
		return make_date(b->value, a->value, 0, RV_DATE_PREC_MONTH, out);
	if (a->kind == ITEM_MONTH && is_year(b, true) && (b->sep == '-' || b->sep == '/' || b->sep == '\''))
		return make_date(full_year(b), a->value, 0, RV_DATE_PREC_MONTH, out); /* Feb-16 */
	if (a->kind == ITEM_QUARTER && is_year(b, true))     /* Q3 2016, Q3-16 */
		return make_date(full_year(b), a->value * 3 - 2, 0, RV_DATE_PREC_QUARTER, out);
	if (is_year(a, false) && b->kind == ITEM_QUARTER)    /* 2016 Q3 */
		return make_date(a->value, b->value * 3 - 2, 0, RV_DATE_PREC_QUARTER, out);
	if (is_year(a, false) && is_small(b) && numeric_sep(b->sep)) /* 2016-09, 2016/9 */
		return make_date(a->value, b->value, 0, RV_DATE_PREC_MONTH, out);
	if (is_small(a) && is_year(b, false) && numeric_sep(b->sep)) /* 06/2016 */
		return make_date(b->value, a->value, 0, RV_DATE_PREC_MONTH, out);
	return false;
}

/* *by_order is set when the day and month are numbers that only the column's order tells apart. */
static bool read_three(const struct item *a, const struct item *b, const struct item *c, enum rv_date_order order,
		       struct rv_date_value *out, bool *by_order)
{
	if (a->kind == ITEM_NUM && b->kind == ITEM_NUM && c->kind == ITEM_NUM) {
		if (!numeric_sep(b->sep) || c->sep != b->sep)
			return false;
		if (is_year(a, false) && is_small(b) && is_small(c))   /* 2016-06-30, 2016/6/30 */
			return make_date(a->value, b->value, c->value, RV_DATE_PREC_DAY, out);
		if (!is_small(a) || !is_small(b) || !is_year(c, true))
			return false;
		*by_order = true;
		int day = order == RV_DATE_DAY_FIRST ? a->value : b->value;
		int month = order == RV_DATE_DAY_FIRST ? b->value : a->value;
		return make_date(full_year(c), month, day, RV_DATE_PREC_DAY, out);
	}
	if (is_small(a) && b->kind == ITEM_MONTH && is_year(c, true)) /* 30 June 2016, 30/Jun/16 */
		return make_date(full_year(c), b->value, a->value, RV_DATE_PREC_DAY, out);
	if (a->kind == ITEM_MONTH && is_small(b) && is_year(c, false)) /* Jun 30, 2016 */
		return make_date(c->value, a->value, b->value, RV_DATE_PREC_DAY, out);
	if (is_year(a, false) && b->kind == ITEM_MONTH && is_small(c)) /* 2016-Jun-30 */
		return make_date(a->value, b->value, c->value, RV_DATE_PREC_DAY, out);
	return false;
}

static bool read_number(const char *s, size_t *i, size_t len, int max_digits, int *out)
{
	size_t start = *i;
	int v = 0;
	while (*i < len && is_digit(s[*i]) && (int)(*i - start) < max_digits)
		v = v * 10 + (s[(*i)++] - '0');
	*out = v;
	return *i > start;
}

static void skip_spaces(const char *s, size_t *i, size_t len)
{
	while (*i < len && is_space(s[*i]))
		(*i)++;
}

/* A zone after a time: Z, UTC, GMT, +02, +0200, +02:00, -05:00. */
static bool read_zone(const char *s, size_t i, size_t len)
{
	if (i == len)
		return true;
	if (word_is(s + i, len - i, "z") || word_is(s + i, len - i, "utc") || word_is(s + i, len - i, "gmt"))
		return true;
	if (s[i] != '+' && s[i] != '-')
		return false;
	i++;
	int h, mm = 0;
	size_t at = i;
	if (!read_number(s, &i, len, 2, &h) || i - at != 2 || h > 14)
		return false;
	if (i < len && s[i] == ':')
		i++;
	if (i < len) {
		at = i;
		if (!read_number(s, &i, len, 2, &mm) || i - at != 2 || mm > 59)
			return false;
	}
	return i == len;
}

/* H:MM[:SS[.fff]] [AM|PM|a.m.|p.m.] [zone], from s[i] to the end. */
static bool read_time(const char *s, size_t i, size_t len)
{
	int h, mi, sec = 0;
	if (!read_number(s, &i, len, 2, &h) || i >= len || s[i++] != ':')
		return false;
	size_t at = i;
	if (!read_number(s, &i, len, 2, &mi) || i - at != 2 || mi > 59)
		return false;
	if (i < len && s[i] == ':') {
		i++;
		at = i;
		if (!read_number(s, &i, len, 2, &sec) || i - at != 2 || sec > 60)
			return false;
		if (i < len && (s[i] == '.' || s[i] == ',') && i + 1 < len && is_digit(s[i + 1]))
			for (i++; i < len && is_digit(s[i]); i++)
				;
	}
	skip_spaces(s, &i, len);
	static const char *const am_pm[] = {"am", "pm", "a.m.", "p.m."};
	for (size_t k = 0; k < 4; k++) {
		size_t wl = strlen(am_pm[k]);
		if (len - i >= wl && word_is(s + i, wl, am_pm[k]) && (i + wl == len || !is_letter(s[i + wl]))) {
			if (h < 1 || h > 12)
				return false;
			i += wl;
			skip_spaces(s, &i, len);
			return read_zone(s, i, len);
		}
	}
	return h <= 23 && read_zone(s, i, len);
}

/* Cuts a time off the end of s: len becomes the length of the date before it. False: a bad time. */
static bool cut_time(const char *s, size_t *len)
{
	const char *colon = memchr(s, ':', *len);
	if (!colon)
		return true;
	size_t t = (size_t)(colon - s);
	while (t > 0 && is_digit(s[t - 1]))
		t--;
	if (!read_time(s, t, *len))
		return false;
	size_t d = t;
	/* 2016-06-30T09:30 (the T right after the date), "30/06/2016 09:30", "Jun 30, 2016, 9:30 AM" */
	if (d > 0 && (s[d - 1] == 'T' || s[d - 1] == 't') && d > 1 && is_digit(s[d - 2]))
		d--;
	while (d > 0 && (is_space(s[d - 1]) || s[d - 1] == ','))
		d--;
	if (d == t && t > 0)
		return false; /* digits run straight into the time: "2016-06-309:30" */
	*len = d;
	return d > 0;
}

enum rv_date_result rv_date_read_noting_order(const char *s, size_t len, enum rv_date_order order,
					       struct rv_date_value *out, bool *by_order)
{
	*by_order = false;
	out->date = RV_DATE_NONE;
	out->precision = RV_DATE_PREC_NONE;
	trim(&s, &len);
	/* The common case first: an ISO date exactly (before the placeholders, which no digit begins). */
	if ((len == 10 || len == 7 || len == 4) && s[0] >= '0' && s[0] <= '9' &&
	    rv_date_parse(s, len, &out->date) == RV_DATE_OK) {
		out->precision = len == 10 ? RV_DATE_PREC_DAY : len == 7 ? RV_DATE_PREC_MONTH : RV_DATE_PREC_YEAR;
		return RV_DATE_OK;
	}
	if (len == 0)
		return RV_DATE_EMPTY;
	out->date = RV_DATE_NONE;
	struct item items[MAX_ITEMS];
	int n = 0;
	size_t date_len = len;
	bool ok = cut_time(s, &date_len) && split_items(s, date_len, items, &n);
	if (ok && n == 1)
		ok = is_year(&items[0], false) && make_date(items[0].value, 1, 0, RV_DATE_PREC_YEAR, out);
	else if (ok && n == 2)
		ok = read_two(&items[0], &items[1], out);
	else if (ok && n == 3)
		ok = read_three(&items[0], &items[1], &items[2], order, out, by_order);
	else
		ok = false;
	if (!ok) {
		out->date = RV_DATE_NONE;
		out->precision = RV_DATE_PREC_NONE;
		/* Looked for only now: no placeholder reads as a date, and most values are dates. */
		return is_placeholder(s, len) ? RV_DATE_EMPTY : RV_DATE_BAD;
	}
	return RV_DATE_OK;
}

enum rv_date_result rv_date_read(const char *s, size_t len, enum rv_date_order order, struct rv_date_value *out)
{
	bool by_order;
	return rv_date_read_noting_order(s, len, order, out, &by_order);
}

/* ---- the order of day and month in a column ---- */

void rv_date_order_vote(struct rv_date_order_choice *choice, const char *s, size_t len, uint32_t row)
{
	trim(&s, &len);
	/* Only A<sep>B<sep>YY(YY) with one- or two-digit A and B votes; anything else returns early. */
	if (len < 6 || !is_digit(s[0]))
		return;
	size_t i = 0;
	int a, b, y;
	if (!read_number(s, &i, len, 3, &a) || i > 2 || i >= len || !numeric_sep(s[i]))
		return;
	char sep = s[i++];
	size_t at = i;
	if (!read_number(s, &i, len, 3, &b) || i - at > 2 || i >= len || s[i] != sep)
		return;
	at = ++i;
	if (!read_number(s, &i, len, 5, &y) || (i - at != 2 && i - at != 4))
		return;
	if (i < len && !is_space(s[i]) && s[i] != 'T')
		return;
	if (a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31)
		return;
	if (a > 12) {
		if (!choice->day_first++)
			choice->day_first_row = row;
	} else if (b > 12) {
		if (!choice->month_first++)
			choice->month_first_row = row;
	} else {
		choice->ambiguous++;
		choice->ambiguous_dots += sep == '.';
	}
}

void rv_date_order_decide(struct rv_date_order_choice *c)
{
	if (c->basis == RV_DATE_ORDER_MAPPED)
		return;
	if (c->day_first || c->month_first) {
		bool day_first = c->day_first != c->month_first
					 ? c->day_first > c->month_first
					 : !c->month_first || (c->day_first && c->day_first_row < c->month_first_row);
		c->order = day_first ? RV_DATE_DAY_FIRST : RV_DATE_MONTH_FIRST;
		c->basis = RV_DATE_ORDER_VALUES;
		c->row = day_first ? c->day_first_row : c->month_first_row;
		return;
	}
	c->basis = RV_DATE_ORDER_DEFAULT;
	c->order = c->ambiguous_dots * 2 > c->ambiguous ? RV_DATE_DAY_FIRST : RV_DATE_MONTH_FIRST;
}

const char *rv_date_order_name(enum rv_date_order order)
{
	return order == RV_DATE_DAY_FIRST ? "day first" : "month first";
}
