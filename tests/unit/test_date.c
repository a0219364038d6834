/*
 * test_date.c - the dates of real exports (date.h): every form read, what stays a warning, the order
 * of day and month decided per column, and, through the loader (tests/data/dates), the written text
 * kept beside the parsed date, and undated history entries in their file order.
 */
#include "tests.h"

#include <stdlib.h>
#include <string.h>

#include "recview/date.h"
#include "recview/entity.h"
#include "recview/model.h"

static enum rv_date_result read_as(const char *s, enum rv_date_order order, struct rv_date_value *v)
{
	return rv_date_read(s, strlen(s), order, v);
}

/* s reads as want (YYYYMMDD) with precision p, in both orders. */
static void assert_reads(const char *s, int32_t want, enum rv_date_precision p)
{
	for (int o = 0; o < 2; o++) {
		struct rv_date_value v = {-1, RV_DATE_PREC_NONE};
		enum rv_date_result r = read_as(s, (enum rv_date_order)o, &v);
		if (r != RV_DATE_OK || v.date != want || v.precision != p)
			fail_msg("'%s' (%s): result %d, date %d, precision %d; wanted %d, %d", s,
				 rv_date_order_name((enum rv_date_order)o), r, (int)v.date, v.precision, (int)want, p);
	}
}

static void assert_reads_in(const char *s, enum rv_date_order order, int32_t want)
{
	struct rv_date_value v;
	assert_int_equal(read_as(s, order, &v), RV_DATE_OK);
	assert_int_equal(v.date, want);
	assert_int_equal(v.precision, RV_DATE_PREC_DAY);
}

static void assert_bad(const char *s, enum rv_date_order order)
{
	struct rv_date_value v = {1, RV_DATE_PREC_DAY};
	if (read_as(s, order, &v) != RV_DATE_BAD)
		fail_msg("'%s' read as a date (%d) in %s", s, (int)v.date, rv_date_order_name(order));
	assert_int_equal(v.date, RV_DATE_NONE);
	assert_int_equal(v.precision, RV_DATE_PREC_NONE);
}

static void test_iso_dates_and_timestamps(void **state)
{
	(void)state;
	assert_reads("2016-06-30", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-09", 20160900, RV_DATE_PREC_MONTH);
	assert_reads("2016", 20160000, RV_DATE_PREC_YEAR);
	assert_reads("  2016-06-30 ", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-06-30T00:00:00Z", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-06-30T09:30", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-06-30T09:30:15.250+02:00", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-06-30T23:59:59-0500", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-06-30 09:30:00", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-06-30 09:30 UTC", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016/06/30", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-6-30", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016/6", 20160600, RV_DATE_PREC_MONTH);
	assert_reads("2016-02-29", 20160229, RV_DATE_PREC_DAY);
}

static void test_numeric_day_and_month(void **state)
{
	(void)state;
	/* Unambiguous either way round: one order reads it, the other does not. */
	assert_reads_in("6/30/2016", RV_DATE_MONTH_FIRST, 20160630);
	assert_bad("6/30/2016", RV_DATE_DAY_FIRST);
	assert_reads_in("30/06/2016", RV_DATE_DAY_FIRST, 20160630);
	assert_bad("30/06/2016", RV_DATE_MONTH_FIRST);
	assert_reads_in("30.06.2016", RV_DATE_DAY_FIRST, 20160630);
	assert_reads_in("30-06-2016", RV_DATE_DAY_FIRST, 20160630);
	assert_reads_in("06-30-2016", RV_DATE_MONTH_FIRST, 20160630);
	/* Ambiguous: the order decides. */
	assert_reads_in("7/1/2016", RV_DATE_MONTH_FIRST, 20160701);
	assert_reads_in("7/1/2016", RV_DATE_DAY_FIRST, 20160107);
	assert_reads_in("01.02.2016", RV_DATE_DAY_FIRST, 20160201);
	/* Two-digit years: 00-68 are 20xx, 69-99 are 19xx (POSIX %y). */
	assert_reads_in("30/06/16", RV_DATE_DAY_FIRST, 20160630);
	assert_reads_in("6/30/68", RV_DATE_MONTH_FIRST, 20680630);
	assert_reads_in("6/30/69", RV_DATE_MONTH_FIRST, 19690630);
	assert_reads_in("30.06.99", RV_DATE_DAY_FIRST, 19990630);
	/* A time after it, as spreadsheets write it. */
	assert_reads_in("6/30/2016 9:30", RV_DATE_MONTH_FIRST, 20160630);
	assert_reads_in("30/06/2016 21:30:00", RV_DATE_DAY_FIRST, 20160630);
	assert_reads_in("6/30/2016 9:30 PM", RV_DATE_MONTH_FIRST, 20160630);
	/* Month and year. */
	assert_reads("06/2016", 20160600, RV_DATE_PREC_MONTH);
	assert_reads("6.2016", 20160600, RV_DATE_PREC_MONTH);
}

/* Only a numeric day and month need the column's order; every other value reads the same either way. */
static void test_which_dates_need_the_order(void **state)
{
	(void)state;
	static const char *const ordered[] = {"6/30/2016", "30/06/2016", "7/1/2016", "01.02.2016", "30-06-16",
					      "6/30/2016 9:30 PM", "13/13/2016", " 7/1/2016 "};
	static const char *const either[] = {"2016-06-30", "2016/6/30", "2016-06", "2016", "Nov. 2015", "Sept 2016",
					     "30 June 2016", "Jun 30, 2016", "30/Jun/16 9:30 AM", "Q3 2016", "06/2016",
					     "TBD", "", "soon", "31/06", "1/2/3", "2016-02-30"};
	struct rv_date_value a, b;
	bool by_order;
	for (size_t i = 0; i < sizeof(ordered) / sizeof(*ordered); i++) {
		rv_date_read_noting_order(ordered[i], strlen(ordered[i]), RV_DATE_DAY_FIRST, &a, &by_order);
		if (!by_order)
			fail_msg("'%s' should need the order", ordered[i]);
	}
	for (size_t i = 0; i < sizeof(either) / sizeof(*either); i++) {
		const char *s = either[i];
		enum rv_date_result ra = rv_date_read_noting_order(s, strlen(s), RV_DATE_DAY_FIRST, &a, &by_order);
		if (by_order)
			fail_msg("'%s' should read without the order", s);
		enum rv_date_result rb = rv_date_read_noting_order(s, strlen(s), RV_DATE_MONTH_FIRST, &b, &by_order);
		assert_false(by_order);
		assert_int_equal(ra, rb);
		assert_int_equal(a.date, b.date);
		assert_int_equal(a.precision, b.precision);
		assert_int_equal(ra, rv_date_read(s, strlen(s), RV_DATE_DAY_FIRST, &b));
	}
}

static void test_month_names(void **state)
{
	(void)state;
	assert_reads("30 June 2016", 20160630, RV_DATE_PREC_DAY);
	assert_reads("30 Jun 2016", 20160630, RV_DATE_PREC_DAY);
	assert_reads("30-Jun-16", 20160630, RV_DATE_PREC_DAY);
	assert_reads("30th June 2016", 20160630, RV_DATE_PREC_DAY);
	assert_reads("1st Sept. 2016", 20160901, RV_DATE_PREC_DAY);
	assert_reads("Thu, 30 Jun 2016", 20160630, RV_DATE_PREC_DAY);
	assert_reads("Jun 30, 2016", 20160630, RV_DATE_PREC_DAY);
	assert_reads("June 30 2016", 20160630, RV_DATE_PREC_DAY);
	assert_reads("2016-Jun-30", 20160630, RV_DATE_PREC_DAY);
	assert_reads("JUNE 30, 2016", 20160630, RV_DATE_PREC_DAY);
	/* Without a day: the seeds' due dates, with or without a full stop. */
	assert_reads("Nov. 2015", 20151100, RV_DATE_PREC_MONTH);
	assert_reads("Nov 2015", 20151100, RV_DATE_PREC_MONTH);
	assert_reads("Sept 2016", 20160900, RV_DATE_PREC_MONTH);
	assert_reads("Sep 2016", 20160900, RV_DATE_PREC_MONTH);
	assert_reads("September 2016", 20160900, RV_DATE_PREC_MONTH);
	assert_reads("Dec 2015", 20151200, RV_DATE_PREC_MONTH);
	assert_reads("May 2016", 20160500, RV_DATE_PREC_MONTH);
	/* Excel's mmm-yy. */
	assert_reads("Feb-16", 20160200, RV_DATE_PREC_MONTH);
	assert_reads("Feb '16", 20160200, RV_DATE_PREC_MONTH);
	assert_reads("Feb-2016", 20160200, RV_DATE_PREC_MONTH);
	/* Jira. */
	assert_reads("30/Jun/16 9:30 AM", 20160630, RV_DATE_PREC_DAY);
	assert_reads("30/Jun/16 12:05 pm", 20160630, RV_DATE_PREC_DAY);
}

static void test_quarters(void **state)
{
	(void)state;
	assert_reads("Q3 2016", 20160700, RV_DATE_PREC_QUARTER);
	assert_reads("q1 2016", 20160100, RV_DATE_PREC_QUARTER);
	assert_reads("Q4-16", 20161000, RV_DATE_PREC_QUARTER);
	assert_reads("2016 Q2", 20160400, RV_DATE_PREC_QUARTER);
	assert_reads("2016-Q3", 20160700, RV_DATE_PREC_QUARTER);
	char buf[16];
	rv_date_format_precision(20160700, RV_DATE_PREC_QUARTER, buf, sizeof(buf));
	assert_string_equal(buf, "2016-Q3");
	rv_date_format_precision(20160700, RV_DATE_PREC_MONTH, buf, sizeof(buf));
	assert_string_equal(buf, "2016-07");
	rv_date_format_precision(20160000, RV_DATE_PREC_YEAR, buf, sizeof(buf));
	assert_string_equal(buf, "2016");
	rv_date_format_precision(RV_DATE_NONE, RV_DATE_PREC_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "");
}

static void test_placeholders_are_no_date(void **state)
{
	(void)state;
	/* Every placeholder: the reader looks for them only once a value fails to read as a date. */
	static const char *const none[] = {"", "   ", "TBD", "tbd", "TBC", "tbc", "TBA", "To be determined",
					   "TO BE CONFIRMED", "Ongoing", "ongoing", "On-going", "on going", "Continuous",
					   "N/A", "n/a", "NA", "N.A.", "Not applicable", "-", "--", "---",
					   "\xE2\x80\x93", "\xE2\x80\x94", "none", "NONE", "Unknown", "?", " TBD "};
	for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++) {
		struct rv_date_value v = {1, RV_DATE_PREC_DAY};
		if (read_as(none[i], RV_DATE_MONTH_FIRST, &v) != RV_DATE_EMPTY)
			fail_msg("'%s' is not read as no date", none[i]);
		assert_int_equal(v.date, RV_DATE_NONE);
		assert_int_equal(v.precision, RV_DATE_PREC_NONE);
	}
}

static void test_what_stays_a_warning(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"soon", "end of June 2015", "2015-02-29", "2015-13-01", "2016-06-31", "31/06/2016", "13/13/2016",
		"0/5/2016", "June", "Jun 16", "Jun 30", "30 June", "Q5 2016", "Q0 2016", "1/2/3", "99", "12345",
		"2016-06-30x", "2016-06-30T25:00", "2016-06-30T09:61", "6/30/2016 13:00 PM", "2016-06-309:30",
		"30/06/2016 09:30 +25", "Target Feb. 2016 for 2015 Report", "2016-06-30 2016-07-01", "Smarch 2016",
		"30 June 2016 and more", "6/30-2016", "\xC3\xA9t\xC3\xA9 2016", "0000",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		for (int o = 0; o < 2; o++)
			assert_bad(bad[i], (enum rv_date_order)o);
}

/* The votes of a column's values, then the decision. */
static struct rv_date_order_choice decide(const char *const *values, size_t n)
{
	struct rv_date_order_choice c = {0};
	for (size_t i = 0; i < n; i++)
		rv_date_order_vote(&c, values[i], strlen(values[i]), (uint32_t)i);
	rv_date_order_decide(&c);
	return c;
}

static void test_order_decided_per_column(void **state)
{
	(void)state;
	/* A day above 12 in the first place decides day first, whatever came before it. */
	static const char *const uk[] = {"01/07/2015", "2016-01-01", "Nov. 2015", "13/07/2015", "02/03/2016"};
	struct rv_date_order_choice c = decide(uk, 5);
	assert_int_equal(c.order, RV_DATE_DAY_FIRST);
	assert_int_equal(c.basis, RV_DATE_ORDER_VALUES);
	assert_int_equal(c.row, 3);
	/* In the second place: month first. */
	static const char *const us[] = {"7/1/2016", "6/30/2016 9:30 AM"};
	c = decide(us, 2);
	assert_int_equal(c.order, RV_DATE_MONTH_FIRST);
	assert_int_equal(c.basis, RV_DATE_ORDER_VALUES);
	assert_int_equal(c.row, 1);
	/* Both: the majority; a tie goes to the side that voted first. */
	static const char *const mixed[] = {"6/30/2016", "30/06/2016", "13/07/2016"};
	assert_int_equal(decide(mixed, 3).order, RV_DATE_DAY_FIRST);
	assert_int_equal(decide(mixed, 2).order, RV_DATE_MONTH_FIRST);
	assert_int_equal(decide(mixed + 1, 1).order, RV_DATE_DAY_FIRST);
	/* Ambiguous everywhere: dots read day first, slashes and dashes month first. */
	static const char *const dots[] = {"01.02.2016", "03.04.2016", "5/6/2016"};
	c = decide(dots, 3);
	assert_int_equal(c.order, RV_DATE_DAY_FIRST);
	assert_int_equal(c.basis, RV_DATE_ORDER_DEFAULT);
	static const char *const slashes[] = {"01/02/2016", "03-04-2016", "05.06.2016"};
	c = decide(slashes, 3);
	assert_int_equal(c.order, RV_DATE_MONTH_FIRST);
	assert_int_equal(c.basis, RV_DATE_ORDER_DEFAULT);
	/* No numeric date at all: month first, by default; none of these votes. */
	static const char *const words[] = {"2016-06-30", "Nov. 2015", "30/Jun/16", "TBD", "45/67/2016", ""};
	c = decide(words, 6);
	assert_int_equal(c.basis, RV_DATE_ORDER_DEFAULT);
	assert_int_equal(c.day_first + c.month_first + c.ambiguous, 0);
	/* A mapping's order is kept whatever the values say. */
	struct rv_date_order_choice mapped = {.order = RV_DATE_MONTH_FIRST, .basis = RV_DATE_ORDER_MAPPED};
	rv_date_order_vote(&mapped, "30/06/2016", 10, 0);
	rv_date_order_decide(&mapped);
	assert_int_equal(mapped.order, RV_DATE_MONTH_FIRST);
	assert_int_equal(mapped.basis, RV_DATE_ORDER_MAPPED);
}

/* ---- through the loader: tests/data/dates ---- */

static size_t rec_of(const struct rv_model *m, const char *id)
{
	long r = rv_find_rec(m, id, strlen(id));
	assert_true(r >= 0);
	return (size_t)r;
}

static void assert_text(struct rv_text t, const char *s)
{
	if (t.len != strlen(s) || memcmp(t.ptr, s, t.len) != 0)
		fail_msg("text '%.*s', wanted '%s'", (int)t.len, t.ptr, s);
}

static long diag_index(const struct rv_model *m, const char *prefix)
{
	for (size_t i = 0; i < m->diags.n; i++) {
		char *line = diag_line(&m->diags.items[i]);
		bool hit = strncmp(line, prefix, strlen(prefix)) == 0;
		free(line);
		if (hit)
			return (long)i;
	}
	return -1;
}

static void test_model_orders_each_file(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/dates");
	struct rv_date_order_choice h = rv_date_order_of(&m, RV_HISTORY, HIST_DATE);
	assert_int_equal(h.order, RV_DATE_DAY_FIRST);
	assert_int_equal(h.basis, RV_DATE_ORDER_VALUES);
	assert_int_equal(h.row, 1); /* 13/07/2015 */
	struct rv_date_order_choice d = rv_date_order_of(&m, RV_DELIVERABLES, DEL_DUE);
	assert_int_equal(d.order, RV_DATE_MONTH_FIRST);
	assert_int_equal(d.basis, RV_DATE_ORDER_VALUES);
	struct rv_date_order_choice r = rv_date_order_of(&m, RV_REVIEWS, REV_DATE);
	assert_int_equal(r.order, RV_DATE_DAY_FIRST);
	assert_int_equal(r.basis, RV_DATE_ORDER_DEFAULT);
	/* The same ambiguous spelling reads differently in the two files, as each file's order says. */
	assert_int_equal(rv_child_date(&m, RV_HISTORY, 0).date, 20150701);  /* 01/07/2015, day first */
	assert_int_equal(rv_child_date(&m, RV_DELIVERABLES, 1).date, 20160701); /* 7/1/2016, month first */
	assert_int_equal(rv_child_date(&m, RV_REVIEWS, 0).date, 20160201);  /* 01.02.2016 */
	/* Exactly three warnings: a value that is not a date, one against its column's order, one in deliverables. */
	assert_int_equal(m.diags.n, 3);
	assert_true(diag_index(&m, "tests/data/dates/status_history.csv:6:5: warning: bad date 'end of June 2015' "
				   "(not a date; kept as written, undated)") >= 0);
	assert_true(diag_index(&m, "tests/data/dates/status_history.csv:11:5: warning: bad date '6/30/2016' (this "
				   "column reads dates day first, as its other dates show; kept as written, undated)") >= 0);
	assert_true(diag_index(&m, "tests/data/dates/deliverables.csv:14:16: warning: bad date 'soonish'") >= 0);
	rv_model_free(&m);
}

static void test_model_keeps_written_text(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/dates");
	static const struct {
		const char *text;
		int32_t date;
		enum rv_date_precision p;
	} want[] = {
		{"6/30/2016", 20160630, RV_DATE_PREC_DAY},   {"7/1/2016", 20160701, RV_DATE_PREC_DAY},
		{"Nov. 2015", 20151100, RV_DATE_PREC_MONTH}, {"Sept 2016", 20160900, RV_DATE_PREC_MONTH},
		{"Feb-16", 20160200, RV_DATE_PREC_MONTH},    {"30/Jun/16 9:30 AM", 20160630, RV_DATE_PREC_DAY},
		{"TBD", RV_DATE_NONE, RV_DATE_PREC_NONE},    {"Ongoing", RV_DATE_NONE, RV_DATE_PREC_NONE},
		{"N/A", RV_DATE_NONE, RV_DATE_PREC_NONE},    {"-", RV_DATE_NONE, RV_DATE_PREC_NONE},
		{"2016-06-30T00:00:00Z", 20160630, RV_DATE_PREC_DAY}, {"Q3 2016", 20160700, RV_DATE_PREC_QUARTER},
		{"soonish", RV_DATE_NONE, RV_DATE_PREC_NONE},
	};
	assert_int_equal(rv_child_total(&m, RV_DELIVERABLES), sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++) {
		struct rv_date_text d = rv_child_date(&m, RV_DELIVERABLES, i);
		assert_text(d.text, want[i].text);
		assert_int_equal(d.date, want[i].date);
		assert_int_equal(d.precision, want[i].p);
		assert_int_equal(rv_child_undated(&m, RV_DELIVERABLES, i), want[i].p == RV_DATE_PREC_NONE);
	}
	/* The last change as its file writes it. */
	struct rv_date_text changed = rv_rec_last_change_date(&m, rec_of(&m, "D-1"), RV_DATE_NONE);
	assert_text(changed.text, "30 June 2016");
	assert_int_equal(changed.date, 20160630);
	assert_int_equal(rv_rec_last_change(&m, rec_of(&m, "D-1"), RV_DATE_NONE), 20160630);
	changed = rv_rec_last_change_date(&m, rec_of(&m, "D-1"), 20160101);
	assert_text(changed.text, "13/07/2015");
	rv_model_free(&m);
}

/* The i-th (oldest first) history entry of rec has this note. */
static void assert_entry(const struct rv_model *m, size_t rec, size_t i, const char *note_start)
{
	const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, i);
	struct rv_text note = rv_child_text(m, RV_HISTORY, h, HIST_NOTE);
	if (note.len < strlen(note_start) || memcmp(note.ptr, note_start, strlen(note_start)) != 0)
		fail_msg("entry %zu is '%.*s', wanted '%s...'", i, (int)note.len, note.ptr, note_start);
}

static void test_undated_entries_keep_file_order(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/dates");
	/* D-2: 2014-03-18 in progress, then an unparsed newer entry (complete): it counts as later, as
	 * the file puts it, instead of sorting before the ISO one and losing to it. */
	size_t d2 = rec_of(&m, "D-2");
	assert_entry(&m, d2, 0, "ISO");
	assert_entry(&m, d2, 1, "not a date");
	assert_int_equal(rv_rec_status(&m, d2, RV_DATE_NONE), RV_STATUS_COMPLETE);
	assert_int_equal(m.recs[d2].cur_status, RV_STATUS_COMPLETE);
	/* As of a date it counts once the entry before it does; its date is none to show. */
	assert_int_equal(rv_rec_status(&m, d2, 20140101), RV_STATUS_NONE);
	assert_int_equal(rv_rec_status(&m, d2, 20140318), RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_last_change(&m, d2, RV_DATE_NONE), 20140318);
	assert_text(rv_rec_last_change_date(&m, d2, RV_DATE_NONE).text, "2014-03-18");
	size_t undated = rv_rec_child_index(&m, d2, RV_HISTORY, 1);
	assert_true(rv_child_undated(&m, RV_HISTORY, undated));
	assert_int_equal(rv_child_date(&m, RV_HISTORY, undated).date, RV_DATE_NONE);
	/* D-3: a placeholder first in the file stays first; the dated entry after it is the current one. */
	size_t d3 = rec_of(&m, "D-3");
	assert_entry(&m, d3, 0, "a placeholder");
	assert_int_equal(rv_rec_status(&m, d3, RV_DATE_NONE), RV_STATUS_PROGRESS);
	assert_int_equal(rv_rec_status(&m, d3, 20150101), RV_STATUS_NOT_STARTED);
	/* D-1: by date across the forms, the entry against the column's order after its file predecessor. */
	size_t d1 = rec_of(&m, "D-1");
	assert_entry(&m, d1, 0, "ambiguous");
	assert_entry(&m, d1, 1, "a day above 12");
	assert_entry(&m, d1, 2, "a month name");
	assert_entry(&m, d1, 3, "month first");
	/* D-4: a quarter and a month that start the same day: file order. */
	size_t d4 = rec_of(&m, "D-4");
	assert_entry(&m, d4, 0, "a quarter");
	assert_int_equal(rv_rec_status(&m, d4, RV_DATE_NONE), RV_STATUS_BEHIND);
	assert_int_equal(rv_child_date(&m, RV_HISTORY, rv_rec_child_index(&m, d4, RV_HISTORY, 0)).precision,
			 RV_DATE_PREC_QUARTER);
	rv_model_free(&m);
}

/* An undated entry appended later (a change, a merge) goes after the last entry before it in the file. */
static void test_undated_entry_appended(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/dates");
	size_t d3 = rec_of(&m, "D-3");
	uint32_t row = (uint32_t)csv_table_append_row(&m.tables[RV_HISTORY].csv);
	rv_model_set_field(&m, RV_HISTORY, row, HIST_REC_ID, "D-3", 3);
	rv_model_set_field(&m, RV_HISTORY, row, HIST_DATE, "TBD", 3);
	rv_model_set_field(&m, RV_HISTORY, row, HIST_STATUS, "complete", 8);
	rv_model_set_field(&m, RV_HISTORY, row, HIST_NOTE, "appended", 8);
	rv_model_add_child(&m, RV_HISTORY, row);
	assert_int_equal(rv_rec_child_count(&m, d3, RV_HISTORY), 3);
	assert_entry(&m, d3, 2, "appended");
	assert_int_equal(rv_rec_status(&m, d3, RV_DATE_NONE), RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_status(&m, d3, 20160114), RV_STATUS_NOT_STARTED);
	assert_int_equal(rv_rec_status(&m, d3, 20160115), RV_STATUS_COMPLETE);
	rv_model_free(&m);
}

int run_date_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_dates_and_timestamps),
		cmocka_unit_test(test_numeric_day_and_month),
		cmocka_unit_test(test_which_dates_need_the_order),
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_quarters),
		cmocka_unit_test(test_placeholders_are_no_date),
		cmocka_unit_test(test_what_stays_a_warning),
		cmocka_unit_test(test_order_decided_per_column),
		cmocka_unit_test(test_model_orders_each_file),
		cmocka_unit_test(test_model_keeps_written_text),
		cmocka_unit_test(test_undated_entries_keep_file_order),
		cmocka_unit_test(test_undated_entry_appended),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
