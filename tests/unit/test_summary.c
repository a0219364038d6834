/*
 * test_summary.c - the state of a recommendation as of a date (a small hand-written data set with
 * partial dates, entries without a status, status columns without history); the summary of the
 * bundled data set checked against counts taken straight from its CSV cells; the text report (no
 * control characters, no line wider than asked); the changes between two dates.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/summary.h"
#include "recview/text.h"
#include "recview/vocab.h"

static size_t rec_ok(const struct rv_model *m, const char *id)
{
	long rec = rv_find_rec(m, id, strlen(id));
	if (rec < 0)
		print_error("no recommendation %s\n", id);
	assert_true(rec >= 0);
	return (size_t)rec;
}

static int32_t date(const char *s)
{
	int32_t d = RV_DATE_NONE;
	assert_int_equal(rv_date_parse(s, strlen(s), &d), RV_DATE_OK);
	return d;
}

/* ---- a small data set written for the test ---- */

struct small {
	char dir[64];
	struct rv_model m;
};

static int small_setup(void **state)
{
	struct small *s = calloc(1, sizeof(*s));
	if (!s)
		return -1;
	snprintf(s->dir, sizeof(s->dir), "/tmp/recview-summary-XXXXXX");
	if (!mkdtemp(s->dir)) {
		free(s);
		return -1;
	}
	/* A-2 has a status column and no history status; B-1's topic holds an escape sequence. */
	write_test_file(s->dir, "recommendations.csv",
			"id,review,topic,title,decision,status\n"
			"A-1,A,T1,one,,\n"
			"A-2,A,,two,,complete\n"
			"A-3,A,T1,three,approved,\n"
			"B-1,B,\"T2\x1b[2J\",four,,\n");
	write_test_file(s->dir, "status_history.csv",
			"rec_id,date,decision,status\n"
			"A-1,2020-01-15,pending,not started\n"
			"A-1,2020-06-30,,complete\n"
			"A-1,2020-03,,in progress\n"
			"A-1,2020-03-10,approved,\n"
			"A-2,2020-02-01,approved,\n"
			"A-3,2020,,in planning\n");
	load_ok(&s->m, s->dir);
	*state = s;
	return 0;
}

static int small_teardown(void **state)
{
	struct small *s = *state;
	rv_model_free(&s->m);
	remove_tree(s->dir);
	free(s);
	return 0;
}

static void assert_state(const struct rv_model *m, const char *id, const char *when, enum rv_status st,
			 enum rv_decision d)
{
	size_t rec = rec_ok(m, id);
	int32_t at = when ? date(when) : RV_DATE_NONE;
	enum rv_status got_st = rv_status_as_of(m, rec, at);
	enum rv_decision got_d = rv_decision_as_of(m, rec, at);
	if (got_st != st || got_d != d)
		print_error("%s as of %s: status '%s' decision '%s', want '%s' '%s'\n", id, when ? when : "now",
			    rv_status_name(got_st), rv_decision_name(got_d), rv_status_name(st), rv_decision_name(d));
	assert_int_equal(got_st, st);
	assert_int_equal(got_d, d);
}

static void test_as_of_dated_entries(void **state)
{
	const struct rv_model *m = &((struct small *)*state)->m;
	assert_state(m, "A-1", "2020-01-14", RV_STATUS_NONE, RV_DECISION_NONE);
	assert_state(m, "A-1", "2020-01-15", RV_STATUS_NOT_STARTED, RV_DECISION_PENDING);
	assert_state(m, "A-1", "2020-02-29", RV_STATUS_NOT_STARTED, RV_DECISION_PENDING);
	/* An entry without a status leaves the status as it was; one without a decision, the decision. */
	assert_state(m, "A-1", "2020-03-10", RV_STATUS_PROGRESS, RV_DECISION_APPROVED);
	assert_state(m, "A-1", "2020-06-29", RV_STATUS_PROGRESS, RV_DECISION_APPROVED);
	assert_state(m, "A-1", "2020-06-30", RV_STATUS_COMPLETE, RV_DECISION_APPROVED);
	assert_state(m, "A-1", "2030-01-01", RV_STATUS_COMPLETE, RV_DECISION_APPROVED);
	assert_state(m, "A-1", NULL, RV_STATUS_COMPLETE, RV_DECISION_APPROVED);
	assert_state(m, "B-1", "2030-01-01", RV_STATUS_NONE, RV_DECISION_NONE);
	assert_state(m, "B-1", NULL, RV_STATUS_NONE, RV_DECISION_NONE);
}

/* A partial date compares as the start of its month (or year), on either side. */
static void test_as_of_partial_dates(void **state)
{
	const struct rv_model *m = &((struct small *)*state)->m;
	assert_state(m, "A-1", "2020-03-01", RV_STATUS_PROGRESS, RV_DECISION_PENDING);
	assert_state(m, "A-1", "2020-03", RV_STATUS_PROGRESS, RV_DECISION_PENDING);
	assert_state(m, "A-1", "2020-02", RV_STATUS_NOT_STARTED, RV_DECISION_PENDING);
	assert_state(m, "A-1", "2020", RV_STATUS_NONE, RV_DECISION_NONE);
	/* A-3's decision is in the column only: undated, it holds throughout. */
	assert_state(m, "A-3", "2019-12-31", RV_STATUS_NONE, RV_DECISION_APPROVED);
	assert_state(m, "A-3", "2020-01-01", RV_STATUS_PLANNING, RV_DECISION_APPROVED);
	assert_state(m, "A-3", "2020", RV_STATUS_PLANNING, RV_DECISION_APPROVED);
}

/* A value only a column gives (the history never dates it) holds at every date; a dated one starts
 * on its date. */
static void test_as_of_columns_only(void **state)
{
	const struct rv_model *m = &((struct small *)*state)->m;
	assert_state(m, "A-2", NULL, RV_STATUS_COMPLETE, RV_DECISION_APPROVED);
	assert_state(m, "A-2", "2020-01-31", RV_STATUS_COMPLETE, RV_DECISION_NONE);
	assert_state(m, "A-2", "2030-01-01", RV_STATUS_COMPLETE, RV_DECISION_APPROVED);
	assert_state(m, "A-3", NULL, RV_STATUS_PLANNING, RV_DECISION_APPROVED);
	assert_state(m, "A-3", "2030-01-01", RV_STATUS_PLANNING, RV_DECISION_APPROVED);
}

static void test_small_summary(void **state)
{
	const struct rv_model *m = &((struct small *)*state)->m;
	struct rv_summary s;
	rv_summary_build(m, RV_DATE_NONE, &s);
	assert_int_equal(s.nreviews, 2);
	assert_string_equal(s.reviews[0].label, "A");
	assert_string_equal(s.reviews[1].label, "B");
	assert_int_equal(s.reviews[0].total, 3);
	assert_int_equal(s.reviews[0].by_status[RV_STATUS_COMPLETE], 2);
	assert_int_equal(s.reviews[0].by_status[RV_STATUS_PLANNING], 1);
	assert_int_equal(s.reviews[0].by_decision[RV_DECISION_APPROVED], 3);
	assert_int_equal(s.reviews[1].by_status[RV_STATUS_NONE], 1);
	assert_int_equal(s.ntopics, 3);
	assert_string_equal(s.topics[0].label, "T1");
	assert_int_equal(s.topics[0].total, 2);
	assert_string_equal(s.topics[1].label, "(no topic)");
	assert_null(strchr(s.topics[2].label, '\x1b'));
	assert_int_equal(s.ntimelines, 2);
	const struct rv_timeline *a = &s.timelines[0];
	static const char *const want[] = {"2020", "2020-01-15", "2020-02-01", "2020-03", "2020-03-10", "2020-06-30"};
	assert_int_equal(a->n, 6);
	for (size_t k = 0; k < a->n; k++) {
		assert_string_equal(a->points[k].label, want[k]);
		assert_int_equal(a->points[k].total, 3);
		/* Each point is what rv_*_as_of say of that date. */
		size_t st[RV_STATUS_COUNT] = {0}, dec[RV_DECISION_COUNT] = {0};
		for (size_t r = 0; r < 3; r++) {
			st[rv_status_as_of(m, r, date(want[k]))]++;
			dec[rv_decision_as_of(m, r, date(want[k]))]++;
		}
		assert_memory_equal(st, a->points[k].by_status, sizeof(st));
		assert_memory_equal(dec, a->points[k].by_decision, sizeof(dec));
	}
	assert_int_equal(a->points[4].by_status[RV_STATUS_PROGRESS], 1);
	assert_int_equal(a->points[4].by_status[RV_STATUS_PLANNING], 1);
	assert_int_equal(a->points[4].by_status[RV_STATUS_COMPLETE], 1);
	assert_int_equal(a->points[4].by_decision[RV_DECISION_APPROVED], 3);
	assert_int_equal(s.timelines[1].n, 0);
	rv_summary_free(&s);

	/* As of a date: the counts then, and no point after it. */
	rv_summary_build(m, date("2020-02-15"), &s);
	assert_int_equal(s.timelines[0].n, 3);
	assert_int_equal(s.reviews[0].total, 3);
	assert_int_equal(s.reviews[0].by_status[RV_STATUS_NOT_STARTED], 1);
	assert_int_equal(s.reviews[0].by_status[RV_STATUS_PLANNING], 1);
	assert_int_equal(s.reviews[0].by_status[RV_STATUS_COMPLETE], 1); /* undated column value */
	assert_int_equal(s.reviews[0].by_decision[RV_DECISION_NONE], 0);
	assert_int_equal(s.reviews[0].by_decision[RV_DECISION_PENDING], 1);
	assert_int_equal(s.reviews[0].by_decision[RV_DECISION_APPROVED], 2);
	rv_summary_free(&s);
}

/* ---- the bundled data set ---- */

static int data_setup(void **state)
{
	struct rv_model *m = calloc(1, sizeof(*m));
	if (!m || rv_model_load(m, "data") != RV_OK) {
		free(m);
		return -1;
	}
	*state = m;
	return 0;
}

static int data_teardown(void **state)
{
	rv_model_free(*state);
	free(*state);
	return 0;
}

static bool cell_is(struct rv_text c, const char *s)
{
	return c.len == strlen(s) && memcmp(c.ptr, s, c.len) == 0;
}

/*
 * Independently of summary.c: the status of a recommendation from the status_history.csv cells, the
 * row with the latest full date on or before upto (NULL: any) that has a status.
 */
static enum rv_status csv_status(const struct rv_model *m, struct rv_text id, const char *upto)
{
	const struct rv_table *t = &m->tables[RV_HISTORY];
	char best[11] = "";
	enum rv_status st = RV_STATUS_NONE;
	for (uint32_t row = 0; row < t->csv.nrows; row++) {
		struct rv_text rid = rv_row_field(m, RV_HISTORY, row, HIST_REC_ID);
		struct rv_text d = rv_row_field(m, RV_HISTORY, row, HIST_DATE);
		struct rv_text s = rv_row_field(m, RV_HISTORY, row, HIST_STATUS);
		if (rid.len != id.len || memcmp(rid.ptr, id.ptr, id.len) != 0 || s.len == 0 || d.len != 10)
			continue;
		char ds[11];
		memcpy(ds, d.ptr, 10);
		ds[10] = '\0';
		if ((upto && strcmp(ds, upto) > 0) || strcmp(ds, best) < 0)
			continue;
		memcpy(best, ds, sizeof(best));
		st = rv_status_parse(s.ptr, s.len);
	}
	return st;
}

static void test_data_reviews(void **state)
{
	const struct rv_model *m = *state;
	struct rv_summary s;
	rv_summary_build(m, RV_DATE_NONE, &s);
	assert_int_equal(s.nreviews, 2);
	assert_string_equal(s.reviews[0].label, "SSR1");
	assert_string_equal(s.reviews[1].label, "SSR2");
	assert_int_equal(s.reviews[0].total, 28);
	assert_int_equal(s.reviews[0].by_decision[RV_DECISION_APPROVED], 28);
	assert_int_equal(s.reviews[1].by_decision[RV_DECISION_APPROVED], 14);
	assert_int_equal(s.reviews[1].by_decision[RV_DECISION_REJECTED], 18);
	assert_int_equal(s.reviews[1].by_decision[RV_DECISION_PENDING], 31);

	/* SSR1 statuses now, counted from the CSV cells. */
	size_t want[RV_STATUS_COUNT] = {0};
	for (size_t i = 0; i < m->nrecs; i++)
		if (cell_is(rv_rec_field(m, i, REC_REVIEW), "SSR1"))
			want[csv_status(m, rv_rec_field(m, i, REC_ID), NULL)]++;
	assert_int_equal(want[RV_STATUS_COMPLETE], 20);
	assert_int_equal(want[RV_STATUS_PROGRESS], 8);
	assert_memory_equal(want, s.reviews[0].by_status, sizeof(want));

	/* Topics cover every recommendation once. */
	size_t n = 0;
	for (size_t i = 0; i < s.ntopics; i++)
		n += s.topics[i].total;
	assert_int_equal(n, m->nrecs);
	assert_string_equal(s.topics[0].label, "Affirmation of Purpose \xE2\x80\x93 ICANN\xE2\x80\x99s Remit, Mission");
	rv_summary_free(&s);
}

/* The items per review: every question of the bundled data is open (none has an answer or a status);
 * 8 of SSR1's 78 deliverables have a date and are not done, 5 of them due before December 2015. */
static void test_data_items(void **state)
{
	const struct rv_model *m = *state;
	struct rv_summary s;
	rv_summary_build(m, RV_DATE_NONE, &s);
	assert_int_equal(s.reviews[0].questions, 82);
	assert_int_equal(s.reviews[0].questions_open, 82);
	assert_int_equal(s.reviews[0].deliverables, 78);
	assert_int_equal(s.reviews[0].deliverables_overdue, 8);
	assert_int_equal(s.reviews[1].questions + s.reviews[1].deliverables, 0);
	rv_summary_free(&s);
	rv_summary_build(m, date("2015-12-01"), &s);
	assert_int_equal(s.reviews[0].deliverables_overdue, 5);
	rv_summary_free(&s);
	rv_summary_build(m, date("2015-10-01"), &s);
	assert_int_equal(s.reviews[0].deliverables_overdue, 0);
	rv_summary_free(&s);
}

static void test_data_timeline(void **state)
{
	const struct rv_model *m = *state;
	struct rv_summary s;
	rv_summary_build(m, RV_DATE_NONE, &s);
	assert_int_equal(s.ntimelines, 2);
	assert_string_equal(s.timelines[0].review, "SSR1");
	static const char *const dates[] = {"2014-03-18", "2015-06-30", "2015-09-30", "2016-03-31", "2016-06-30"};
	const struct rv_timeline *tl = &s.timelines[0];
	assert_int_equal(tl->n, 5);
	for (size_t k = 0; k < 5; k++) {
		assert_string_equal(tl->points[k].label, dates[k]);
		size_t want[RV_STATUS_COUNT] = {0};
		for (size_t i = 0; i < m->nrecs; i++)
			if (cell_is(rv_rec_field(m, i, REC_REVIEW), "SSR1"))
				want[csv_status(m, rv_rec_field(m, i, REC_ID), dates[k])]++;
		assert_memory_equal(want, tl->points[k].by_status, sizeof(want));
		assert_int_equal(tl->points[k].total, 28);
		/* SSR1's decisions are undated (the column only): approved at every point. */
		assert_int_equal(tl->points[k].by_decision[RV_DECISION_APPROVED], 28);
	}
	assert_int_equal(tl->points[0].by_status[RV_STATUS_COMPLETE], 8);
	assert_int_equal(tl->points[0].by_status[RV_STATUS_PROGRESS], 20);
	assert_int_equal(tl->points[4].by_status[RV_STATUS_COMPLETE], 20);
	assert_int_equal(tl->points[4].by_status[RV_STATUS_PROGRESS], 8);
	assert_int_equal(s.timelines[1].n, 3);
	assert_string_equal(s.timelines[1].points[0].label, "2021-07-22");
	rv_summary_free(&s);
}

static void test_data_as_of(void **state)
{
	const struct rv_model *m = *state;
	struct rv_summary s;
	rv_summary_build(m, date("2014-12-31"), &s);
	assert_int_equal(s.reviews[0].total, 28);
	assert_int_equal(s.reviews[0].by_status[RV_STATUS_COMPLETE], 8);
	assert_int_equal(s.reviews[0].by_status[RV_STATUS_PROGRESS], 20);
	assert_int_equal(s.reviews[1].total, 63);
	assert_int_equal(s.reviews[1].by_status[RV_STATUS_NONE], 63);
	assert_int_equal(s.reviews[1].by_decision[RV_DECISION_NONE], 63);
	assert_int_equal(s.timelines[0].n, 1);
	assert_int_equal(s.timelines[1].n, 0);
	rv_summary_free(&s);
}

/* Every line at most width columns, no control character, the key lines there. */
static void check_text(const struct rv_summary *s, int width, bool bundled)
{
	struct strbuf out;
	sb_init(&out);
	rv_summary_text(s, width, &out);
	assert_int_equal(strlen(out.data), out.len);
	for (size_t i = 0; i < out.len; i++) {
		unsigned char c = (unsigned char)out.data[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			print_bytes("summary", out.data, out.len);
		assert_false((c < 0x20 && c != '\n') || c == 0x7f);
	}
	const char *line = out.data;
	while (*line) {
		const char *nl = strchr(line, '\n');
		assert_non_null(nl);
		int w = text_width(line, (size_t)(nl - line));
		if (w > width)
			print_error("width %d: %d columns: %.*s\n", width, w, (int)(nl - line), line);
		assert_true(w <= width);
		line = nl + 1;
	}
	if (width >= 80) {
		if (bundled)
			assert_non_null(strstr(out.data, "SSR1  28 recommendations\n"));
		assert_non_null(strstr(out.data, "Over time"));
		assert_non_null(strstr(out.data, "By topic\n"));
		assert_non_null(strstr(out.data, "\xE2\x9C\x93 complete"));
	}
	/* Deterministic. */
	struct strbuf again;
	sb_init(&again);
	rv_summary_text(s, width, &again);
	assert_string_equal(out.data, again.data);
	sb_free(&again);
	sb_free(&out);
}

static void test_data_text(void **state)
{
	const struct rv_model *m = *state;
	struct rv_summary s;
	rv_summary_build(m, RV_DATE_NONE, &s);
	static const int widths[] = {200, 120, 80, 60, 40, 20, 5, 1};
	for (size_t i = 0; i < sizeof(widths) / sizeof(*widths); i++)
		check_text(&s, widths[i], true);
	struct strbuf out;
	sb_init(&out);
	rv_summary_text(&s, 80, &out);
	assert_non_null(strstr(out.data, "Now: 91 recommendations in 2 reviews\n"));
	/* Each legend entry starts with its fill pattern: █ approved, █ complete, ▓ in progress. */
	assert_non_null(strstr(out.data, "2016-06-30  \xE2\x96\x88 approved 28  \xE2\x96\x88 \xE2\x9C\x93 complete 20  "
					 "\xE2\x96\x93 \xE2\x97\x8B in progress 8\n"));
	sb_free(&out);
	rv_summary_free(&s);
	rv_summary_build(m, date("2014-12-31"), &s);
	check_text(&s, 80, true);
	rv_summary_free(&s);
}

static void test_small_text_sanitised(void **state)
{
	const struct rv_model *m = &((struct small *)*state)->m;
	struct rv_summary s;
	rv_summary_build(m, RV_DATE_NONE, &s);
	check_text(&s, 80, false);
	check_text(&s, 30, false);
	rv_summary_free(&s);
}

static void test_data_changes(void **state)
{
	const struct rv_model *m = *state;
	struct strbuf out;
	sb_init(&out);
	rv_changes_between(m, date("2015-12-31"), date("2016-06-30"), &out);
	/* The expected lines, from the CSV cells. */
	size_t want = 0;
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text id = rv_rec_field(m, i, REC_ID);
		enum rv_status a = csv_status(m, id, "2015-12-31"), b = csv_status(m, id, "2016-06-30");
		char line[128];
		snprintf(line, sizeof(line), "%.*s  status: %s \xE2\x86\x92 %s\n", (int)id.len, id.ptr, rv_status_name(a),
			 rv_status_name(b));
		bool listed = strncmp(out.data, line, strlen(line)) == 0 || strstr(out.data, line) != NULL;
		if (a != b) {
			want++;
			if (!listed)
				print_error("missing: %s", line);
			assert_true(listed);
			assert_true(cell_is(rv_rec_field(m, i, REC_REVIEW), "SSR1"));
		}
	}
	assert_true(want > 0);
	char count[96];
	snprintf(count, sizeof(count), "%zu recommendation%s changed between 2015-12-31 and 2016-06-30\n", want,
		 want == 1 ? "" : "s");
	assert_non_null(strstr(out.data, count));
	/* One line per change, then the count: nothing else. */
	size_t lines = 0;
	for (size_t i = 0; i < out.len; i++)
		lines += out.data[i] == '\n';
	assert_int_equal(lines, want + 1);
	assert_non_null(strstr(out.data, "SSR1-25  status: in progress \xE2\x86\x92 complete\n"));
	sb_free(&out);

	/* Decisions too; nothing between a date and itself. */
	sb_init(&out);
	rv_changes_between(m, date("2021-07-21"), date("2021-07-22"), &out);
	assert_non_null(strstr(out.data, "SSR2-1.1  decision: none \xE2\x86\x92 approved\n"));
	sb_reset(&out);
	rv_changes_between(m, date("2016-06-30"), date("2016-06-30"), &out);
	assert_string_equal(out.data, "0 recommendations changed between 2016-06-30 and 2016-06-30\n");
	sb_free(&out);
}

int run_summary_tests(void)
{
	const struct CMUnitTest small[] = {
		cmocka_unit_test(test_as_of_dated_entries),
		cmocka_unit_test(test_as_of_partial_dates),
		cmocka_unit_test(test_as_of_columns_only),
		cmocka_unit_test(test_small_summary),
		cmocka_unit_test(test_small_text_sanitised),
	};
	const struct CMUnitTest data[] = {
		cmocka_unit_test(test_data_reviews),  cmocka_unit_test(test_data_timeline),
		cmocka_unit_test(test_data_as_of),    cmocka_unit_test(test_data_text),
		cmocka_unit_test(test_data_changes),
		cmocka_unit_test(test_data_items),
	};
	int failed = cmocka_run_group_tests_name("summary (small data set)", small, small_setup, small_teardown);
	failed += cmocka_run_group_tests_name("summary (data/)", data, data_setup, data_teardown);
	return failed;
}
