/*
 * test_model.c - data sets: header aliases, extra columns, load failures, value problems, links,
 * derived state and indexes; then the bundled data set in data/.
 */
#include "tests.h"

#include <stdlib.h>
#include <string.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/vocab.h"

static bool cell_is(struct rv_text c, const char *s)
{
	return c.len == strlen(s) && memcmp(c.ptr, s, c.len) == 0;
}

static void assert_cell_is(struct rv_text c, const char *s)
{
	if (!cell_is(c, s))
		print_error("cell is \"%.*s\", want \"%s\"\n", (int)c.len, c.ptr, s);
	assert_true(cell_is(c, s));
}

static long find(const struct rv_model *m, const char *id)
{
	return rv_find_rec(m, id, strlen(id));
}

static size_t find_ok(const struct rv_model *m, const char *id)
{
	long rec = find(m, id);
	if (rec < 0)
		print_error("no recommendation %s\n", id);
	assert_true(rec >= 0);
	return (size_t)rec;
}

/* The diagnostic whose formatted line starts with prefix, or -1. */
static long find_diag(const struct rv_model *m, const char *prefix)
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

static bool same_id_nocase(struct rv_text a, struct rv_text b)
{
	if (a.len != b.len)
		return false;
	for (uint32_t i = 0; i < a.len; i++) {
		char x = a.ptr[i], y = b.ptr[i];
		x = (char)(x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x);
		y = (char)(y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
		if (x != y)
			return false;
	}
	return true;
}

/* Every linked child names its recommendation, and the per-recommendation index lists exactly them. */
static void assert_indexes_consistent(const struct rv_model *m)
{
	static const int rec_id_field[RV_KIND_COUNT] = {-1, DEL_REC_ID, Q_REC_ID, HIST_REC_ID, -1};
	for (int k = RV_DELIVERABLES; k <= RV_HISTORY; k++) {
		size_t linked = 0, indexed = 0;
		for (size_t c = 0; c < m->nchildren[k]; c++) {
			const struct rv_child *ch = &m->children[k][c];
			if (ch->rec < 0)
				continue;
			linked++;
			assert_true((size_t)ch->rec < m->nrecs);
			struct rv_text rid = rv_child_field(m, (enum rv_kind)k, c, rec_id_field[k]);
			struct rv_text id = rv_rec_field(m, (size_t)ch->rec, REC_ID);
			if (!same_id_nocase(rid, id))
				print_error("kind %d child %zu: rec_id %.*s linked to %.*s\n", k, c, (int)rid.len, rid.ptr,
					    (int)id.len, id.ptr);
			assert_true(same_id_nocase(rid, id));
		}
		for (size_t r = 0; r < m->nrecs; r++) {
			for (size_t i = 0; i < m->recs[r].count[k]; i++) {
				const struct rv_child *ch = rv_rec_child(m, r, (enum rv_kind)k, i);
				assert_int_equal(ch->rec, (int32_t)r);
				indexed++;
			}
		}
		assert_int_equal(linked, indexed);
	}
}

static void assert_recs_in_natural_order(const struct rv_model *m)
{
	for (size_t i = 1; i < m->nrecs; i++) {
		struct rv_text a = rv_rec_field(m, i - 1, REC_ID), b = rv_rec_field(m, i, REC_ID);
		assert_true(rv_id_compare(a.ptr, a.len, b.ptr, b.len) <= 0);
	}
}

/* ---- header aliases ---- */

static void test_aliases_map_recommendation_columns(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/aliases");
	const struct rv_table *t = &m.tables[RV_RECS];
	assert_int_equal(t->col[REC_ID], 0);      /* Rec # */
	assert_int_equal(t->col[REC_REVIEW], 1);  /* Review Team */
	assert_int_equal(t->col[REC_TITLE], 2);
	assert_int_equal(t->col[REC_TEXT], 3);    /* Description */
	assert_int_equal(t->col[REC_DECISION], 4); /* Board Action */
	assert_int_equal(t->col[REC_STATUS], 5);  /* Implementation Status */
	assert_int_equal(t->col[REC_PRIORITY], 6); /* Priority Level */
	assert_int_equal(t->col[REC_NUMBER], -1);
	size_t r1 = find_ok(&m, "R-1");
	assert_cell_is(rv_rec_field(&m, r1, REC_TEXT), "Text of one");
	assert_cell_is(rv_rec_field(&m, r1, REC_NUMBER), "");
	assert_int_equal(m.recs[r1].priority, 1);
	assert_int_equal(m.recs[find_ok(&m, "R-10")].status, RV_STATUS_PROGRESS);
	assert_int_equal(m.recs[find_ok(&m, "R-2")].decision, RV_DECISION_REJECTED);
	assert_int_equal(m.diags.n, 0);
	rv_model_free(&m);
}

static void test_aliases_extra_columns_kept(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/aliases");
	const struct rv_table *t = &m.tables[RV_RECS];
	assert_int_equal(t->nextra, 2);
	assert_int_equal(t->extra_cols[0], 7);
	assert_int_equal(t->extra_cols[1], 8);
	assert_cell_is(rv_extra_name(&m, RV_RECS, 0), "Area");
	size_t r10 = find_ok(&m, "R-10");
	assert_cell_is(rv_rec_extra(&m, r10, 1), "note ten");
	rv_model_free(&m);
}

static void test_aliases_map_child_columns(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/aliases");
	const struct rv_table *del = &m.tables[RV_DELIVERABLES];
	assert_int_equal(del->col[DEL_REC_ID], 0);      /* Rec ID */
	assert_int_equal(del->col[DEL_DESCRIPTION], 1); /* Deliverable */
	assert_int_equal(del->col[DEL_RESPONSIBLE], 2); /* Owner */
	assert_int_equal(del->col[DEL_DUE], 3);         /* Due Date */
	assert_int_equal(del->col[DEL_STATUS], 4);      /* State */
	assert_int_equal(m.tables[RV_QUESTIONS].col[Q_REC_ID], 0);   /* Rec */
	assert_int_equal(m.tables[RV_QUESTIONS].col[Q_QID], 1);      /* Question # */
	assert_int_equal(m.tables[RV_QUESTIONS].col[Q_ANSWER], 3);   /* Response */
	assert_int_equal(m.tables[RV_HISTORY].col[HIST_REC_ID], 0);  /* Recommendation */
	assert_int_equal(m.tables[RV_HISTORY].col[HIST_DATE], 1);    /* As Of */
	assert_int_equal(m.tables[RV_HISTORY].col[HIST_NOTE], 4);    /* Notes */
	size_t r1 = find_ok(&m, "R-1");
	assert_int_equal(m.recs[r1].count[RV_DELIVERABLES], 1);
	assert_int_equal(m.recs[r1].deliverables_done, 1);
	assert_int_equal(m.recs[r1].count[RV_HISTORY], 1);
	assert_int_equal(m.recs[find_ok(&m, "R-2")].count[RV_QUESTIONS], 1);
	assert_indexes_consistent(&m);
	rv_model_free(&m);
}

/* ---- load failures ---- */

static void test_missing_recommendations_file_fails(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/norecs"), RV_E_UNREADABLE);
	assert_int_equal(m.diags.errors, 1);
	assert_diag(&m.diags, 0, DIAG_ERROR, 0, 0, "cannot open: No such file or directory");
	assert_string_equal(m.diags.items[0].file, "tests/data/norecs/recommendations.csv");
	rv_model_free(&m);
}

static void test_data_dir_that_is_a_file_fails(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/model/reviews.csv"), RV_E_UNREADABLE);
	assert_int_equal(m.diags.n, 1);
	assert_diag(&m.diags, 0, DIAG_ERROR, 0, 0, "not a directory");
	assert_string_equal(m.diags.items[0].file, "tests/data/model/reviews.csv");
	rv_model_free(&m);
}

static void test_missing_data_dir_fails(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/no-such-dir"), RV_E_UNREADABLE);
	assert_int_equal(m.diags.n, 1);
	assert_diag(&m.diags, 0, DIAG_ERROR, 0, 0, "cannot open data set: No such file or directory");
	rv_model_free(&m);
}

static void test_missing_required_column_in_recommendations_fails(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/bad/noid"), RV_E_UNREADABLE);
	assert_int_equal(m.diags.n, 1);
	assert_diag(&m.diags, 0, DIAG_ERROR, 1, 0, "missing required column 'id'");
	assert_string_equal(m.diags.items[0].file, "tests/data/bad/noid/recommendations.csv");
	rv_model_free(&m);
}

static void test_missing_required_column_in_child_file(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/structure");
	assert_true(m.tables[RV_DELIVERABLES].present);
	assert_false(m.tables[RV_DELIVERABLES].usable);
	assert_int_equal(m.nchildren[RV_DELIVERABLES], 0);
	assert_true(find_diag(&m, "tests/data/bad/structure/deliverables.csv:1: error: missing required column") >= 0);
	/* Header after two blank lines: the error names line 3. */
	assert_false(m.tables[RV_HISTORY].usable);
	assert_true(find_diag(&m, "tests/data/bad/structure/status_history.csv:3: error: missing required column 'date'") >=
		    0);
	rv_model_free(&m);
}

static void test_optional_files_may_be_absent(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/order");
	assert_false(m.tables[RV_QUESTIONS].present);
	assert_false(m.tables[RV_HISTORY].present);
	assert_false(m.tables[RV_REVIEWS].present);
	assert_int_equal(m.nchildren[RV_QUESTIONS], 0);
	rv_model_free(&m);
}

/* ---- values ---- */

static void test_duplicate_id_both_rows_kept(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/values");
	assert_int_equal(m.nrecs, 7);
	size_t first = find_ok(&m, "V-1");
	assert_int_equal(m.recs[first].row, 0);
	assert_false(m.recs[first].duplicate);
	size_t dups = 0;
	for (size_t i = 0; i < m.nrecs; i++) {
		if (m.recs[i].duplicate) {
			dups++;
			assert_int_equal(m.recs[i].row, 4);
			assert_cell_is(rv_rec_field(&m, i, REC_TITLE), "duplicate");
		}
	}
	assert_int_equal(dups, 1);
	long d = find_diag(&m, "tests/data/bad/values/recommendations.csv:6:1: error: duplicate id 'V-1' (first on line 2)");
	assert_true(d >= 0);
	assert_int_equal(m.diags.items[d].table, RV_RECS);
	assert_int_equal(m.diags.items[d].row, 4);
	rv_model_free(&m);
}

static void test_empty_id_row_kept(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/values");
	size_t empty = 0;
	for (size_t i = 0; i < m.nrecs; i++)
		if (rv_rec_field(&m, i, REC_ID).len == 0) {
			empty++;
			assert_cell_is(rv_rec_field(&m, i, REC_TITLE), "empty id");
		}
	assert_int_equal(empty, 1);
	assert_true(find_diag(&m, "tests/data/bad/values/recommendations.csv:7:1: error: empty id") >= 0);
	assert_int_equal(find(&m, ""), -1);
	rv_model_free(&m);
}

static void test_unknown_values_kept_verbatim_with_warning(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/values");
	size_t v2 = find_ok(&m, "V-2"), v3 = find_ok(&m, "V-3"), v4 = find_ok(&m, "V-4");
	assert_int_equal(m.recs[v2].status, RV_STATUS_UNKNOWN);
	assert_cell_is(rv_rec_field(&m, v2, REC_STATUS), "Finished-ish");
	assert_int_equal(m.recs[v3].decision, RV_DECISION_UNKNOWN);
	assert_cell_is(rv_rec_field(&m, v3, REC_DECISION), "maybe");
	assert_int_equal(m.recs[v4].priority, -1);
	assert_cell_is(rv_rec_field(&m, v4, REC_PRIORITY), "P9");
	long d = find_diag(&m, "tests/data/bad/values/recommendations.csv:3:25: warning: unknown status 'Finished-ish'");
	assert_true(d >= 0);
	assert_int_equal(m.diags.items[d].row, (long)m.recs[v2].row);
	assert_true(find_diag(&m, "tests/data/bad/values/recommendations.csv:4:18: warning: unknown decision 'maybe'") >= 0);
	assert_true(find_diag(&m, "tests/data/bad/values/recommendations.csv:5:36: warning: unknown priority 'P9'") >= 0);
	rv_model_free(&m);
}

static void test_quoted_values_parsed_after_unquoting(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/values");
	size_t v5 = find_ok(&m, "V-5");
	assert_int_equal(m.recs[v5].status, RV_STATUS_COMPLETE); /* "  complete  " */
	assert_cell_is(rv_rec_field(&m, v5, REC_DECISION), "Approved, mostly");
	/* The column of a quoted value is its opening quote. */
	assert_true(find_diag(&m, "tests/data/bad/values/recommendations.csv:8:16: warning: unknown decision") >= 0);
	rv_model_free(&m);
}

static void test_bad_dates_warned_and_undated(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/values");
	const struct rv_child *h = m.children[RV_HISTORY];
	assert_int_equal(m.nchildren[RV_HISTORY], 8);
	assert_int_equal(h[0].date, 20160229); /* leap day */
	assert_int_equal(h[0].date_prec, RV_DATE_PREC_DAY);
	/* Not dates: undated, and kept in file order after the leap day (their sort date is its date). */
	assert_int_equal(h[1].date_prec, RV_DATE_PREC_NONE);
	assert_int_equal(h[2].date_prec, RV_DATE_PREC_NONE);
	assert_int_equal(rv_child_date(&m, RV_HISTORY, 1).date, RV_DATE_NONE);
	assert_int_equal(h[1].date, 20160229);
	assert_int_equal(h[2].date, 20160229);
	/* Read now: a one-digit month, a month name; an empty date is undated without a warning. */
	assert_int_equal(h[3].date, 20150630);
	assert_int_equal(h[4].date_prec, RV_DATE_PREC_NONE);
	assert_int_equal(h[5].date, 20150600);
	assert_int_equal(h[5].date_prec, RV_DATE_PREC_MONTH);
	assert_int_equal(h[6].date, 20170100);
	assert_int_equal(h[7].date, 20170000);
	assert_int_equal(h[7].date_prec, RV_DATE_PREC_YEAR);
	assert_true(find_diag(&m, "tests/data/bad/values/status_history.csv:3:5: warning: bad date '2015-02-29' (not a date; "
				  "kept as written, undated)") >= 0);
	assert_true(find_diag(&m, "tests/data/bad/values/status_history.csv:5:5:") < 0);
	assert_true(find_diag(&m, "tests/data/bad/values/status_history.csv:6:5:") < 0);
	assert_true(find_diag(&m, "tests/data/bad/values/status_history.csv:7:5:") < 0);
	/* A bad due date on the row after a two-line description. */
	assert_true(find_diag(&m, "tests/data/bad/values/deliverables.csv:5:8: warning: bad date '2016-02-30'") >= 0);
	rv_model_free(&m);
}

/* ---- links ---- */

static void test_child_with_unknown_rec_id_kept(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/links");
	assert_int_equal(m.nchildren[RV_DELIVERABLES], 4);
	const struct rv_child *del = m.children[RV_DELIVERABLES];
	assert_int_equal(del[0].rec, find(&m, "L-1"));
	assert_int_equal(del[1].rec, -1);
	assert_cell_is(rv_child_field(&m, RV_DELIVERABLES, 1, DEL_DESCRIPTION), "unknown rec");
	assert_int_equal(del[2].rec, find(&m, "L-2")); /* l-2: case differs, still linked */
	assert_int_equal(del[3].rec, -1);
	assert_true(find_diag(&m, "tests/data/bad/links/deliverables.csv:3:1: warning: unknown recommendation 'L-9'") >= 0);
	assert_true(find_diag(&m, "tests/data/bad/links/deliverables.csv:5:1: warning: empty rec_id") >= 0);
	assert_int_equal(m.recs[find_ok(&m, "L-2")].count[RV_DELIVERABLES], 1);
	assert_indexes_consistent(&m);
	rv_model_free(&m);
}

/* ---- derived state ---- */

static void test_status_from_status_column(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	/* SSR1-2 says complete; its only history entry says in progress: the column wins. */
	size_t r = find_ok(&m, "SSR1-2");
	assert_int_equal(m.recs[r].status, RV_STATUS_COMPLETE);
	assert_int_equal(m.recs[r].cur_status, RV_STATUS_COMPLETE);
	assert_int_equal(m.recs[r].last_change, 20160229);
	rv_model_free(&m);
}

static void test_status_from_latest_history_entry(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	/* SSR1-10: no status column value; history 2014-03-18, 2015-06, 2016-01-15 (newest: in progress). */
	size_t r = find_ok(&m, "SSR1-10");
	assert_int_equal(m.recs[r].status, RV_STATUS_NONE);
	assert_int_equal(m.recs[r].cur_status, RV_STATUS_PROGRESS);
	assert_int_equal(m.recs[r].last_change, 20160115);
	/* SSR2-5.4: year-only 2018 is the newest; the decision comes from the only entry that has one. */
	r = find_ok(&m, "SSR2-5.4");
	assert_int_equal(m.recs[r].cur_status, RV_STATUS_BEHIND);
	assert_int_equal(m.recs[r].decision, RV_DECISION_NONE);
	assert_int_equal(m.recs[r].cur_decision, RV_DECISION_PENDING);
	assert_int_equal(m.recs[r].last_change, 20180000);
	rv_model_free(&m);
}

static void test_no_status_anywhere_stays_none(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	size_t r = find_ok(&m, "SSR2-5.10");
	assert_int_equal(m.recs[r].cur_status, RV_STATUS_NONE);
	assert_int_equal(m.recs[r].cur_decision, RV_DECISION_PENDING);
	assert_int_equal(m.recs[r].last_change, RV_DATE_NONE);
	assert_int_equal(m.recs[r].count[RV_HISTORY], 0);
	rv_model_free(&m);
}

static void test_history_sorted_by_date(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	size_t r = find_ok(&m, "SSR1-10");
	assert_int_equal(m.recs[r].count[RV_HISTORY], 3);
	static const int32_t want[] = {20140318, 20150600, 20160115};
	static const char *const notes[] = {"oldest", "middle (month only)", "newest"};
	for (size_t i = 0; i < 3; i++) {
		const struct rv_child *h = rv_rec_child(&m, r, RV_HISTORY, i);
		assert_int_equal(h->date, want[i]);
		assert_cell_is(rv_row_field(&m, RV_HISTORY, h->row, HIST_NOTE), notes[i]);
	}
	r = find_ok(&m, "SSR2-5.4");
	int32_t prev = 0;
	for (size_t i = 0; i < m.recs[r].count[RV_HISTORY]; i++) {
		int32_t d = rv_rec_child(&m, r, RV_HISTORY, i)->date;
		assert_true(d >= prev);
		prev = d;
	}
	rv_model_free(&m);
}

static void test_deliverables_done_count(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	size_t r = find_ok(&m, "SSR1-10");
	assert_int_equal(m.recs[r].count[RV_DELIVERABLES], 3);
	assert_int_equal(m.recs[r].deliverables_done, 2); /* complete, done; not in progress */
	/* Deliverables stay in file order. */
	assert_cell_is(rv_row_field(&m, RV_DELIVERABLES, rv_rec_child(&m, r, RV_DELIVERABLES, 0)->row, DEL_DESCRIPTION), "First");
	assert_cell_is(rv_row_field(&m, RV_DELIVERABLES, rv_rec_child(&m, r, RV_DELIVERABLES, 2)->row, DEL_DESCRIPTION), "Third");
	r = find_ok(&m, "SSR1-2");
	assert_int_equal(m.recs[r].count[RV_DELIVERABLES], 1);
	assert_int_equal(m.recs[r].deliverables_done, 0);
	assert_int_equal(m.recs[find_ok(&m, "SSR2-1.1")].deliverables_done, 1);
	rv_model_free(&m);
}

static void test_find_rec_exact_and_case_insensitive(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	long exact = find(&m, "SSR2-5.4");
	assert_true(exact >= 0);
	assert_cell_is(rv_rec_field(&m, (size_t)exact, REC_ID), "SSR2-5.4");
	assert_int_equal(find(&m, "ssr2-5.4"), exact);
	assert_int_equal(find(&m, "Ssr2-5.4"), exact);
	assert_int_equal(find(&m, "SSR2-5"), -1);
	assert_int_equal(find(&m, "SSR2-5.40"), -1);
	assert_int_equal(find(&m, "SSR9-1"), -1);
	assert_int_equal(find(&m, ""), -1);
	rv_model_free(&m);
}

static void test_recs_in_natural_id_order(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	static const char *const want[] = {"SSR1-2", "SSR1-10", "SSR1-28", "SSR2-1.1", "SSR2-5.4", "SSR2-5.10"};
	assert_int_equal(m.nrecs, 6);
	for (size_t i = 0; i < 6; i++)
		assert_cell_is(rv_rec_field(&m, i, REC_ID), want[i]);
	rv_model_free(&m);
}

static void test_child_links_ignore_case(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	assert_int_equal(m.diags.errors + m.diags.warnings, 0);
	assert_int_equal(m.diags.notes, 1); /* the link by case is told, as a note */
	assert_int_equal(m.recs[find_ok(&m, "SSR1-2")].count[RV_QUESTIONS], 1); /* written ssr1-2 */
	assert_indexes_consistent(&m);
	rv_model_free(&m);
}

static void test_review_from_column_or_id(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	assert_cell_is(rv_rec_review_of(&m, find_ok(&m, "SSR2-5.10")), "SSR2");
	rv_model_free(&m);
	load_ok(&m, "tests/data/bad/links"); /* no review column: the id up to its last '-' */
	assert_cell_is(rv_rec_review_of(&m, find_ok(&m, "L-2")), "L");
	rv_model_free(&m);
}

static void test_diagnostics_sorted_by_line_within_file(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/bad/values");
	for (size_t i = 1; i < m.diags.n; i++) {
		const struct diag *a = &m.diags.items[i - 1], *b = &m.diags.items[i];
		if (a->file == b->file)
			assert_true(a->line < b->line || (a->line == b->line && a->col <= b->col));
	}
	rv_model_free(&m);
}

/* ---- the bundled data set ---- */

static void test_real_data_loads_cleanly(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	for (size_t i = 0; i < m.diags.n; i++) {
		char *line = diag_line(&m.diags.items[i]);
		print_error("%s\n", line);
		free(line);
	}
	assert_int_equal(m.diags.errors, 0);
	assert_int_equal(m.diags.warnings, 0);
	assert_int_equal(m.nrecs, 91);
	assert_int_equal(m.nchildren[RV_DELIVERABLES], 78);
	assert_int_equal(m.nchildren[RV_QUESTIONS], 82);
	assert_int_equal(m.nchildren[RV_HISTORY], 143);
	rv_model_free(&m);
}

static bool starts_with(struct rv_text t, const char *prefix)
{
	return t.len >= strlen(prefix) && !memcmp(t.ptr, prefix, strlen(prefix));
}

/* 004's Project Status: a narrative for each of the 28 SSR1 recommendations, traced to its lines of the
 * seed; its 7 dated progress lines as history entries with a note alone; its own text of 6 beside 000's. */
static void test_real_data_project_status(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	size_t narratives = 0, traced = 0, other_texts = 0, progress = 0;
	for (size_t i = 0; i < m.nrecs; i++) {
		bool ssr1 = cell_is(rv_rec_review_of(&m, i), "SSR1");
		struct rv_text status = rv_rec_field(&m, i, REC_PROJECT_STATUS);
		assert_true(ssr1 || !status.len);
		narratives += status.len > 0;
		traced += starts_with(rv_rec_field(&m, i, REC_PROJECT_STATUS_SOURCE), "004_468ec3b28ca421a3.txt:");
		other_texts += rv_rec_field(&m, i, REC_OTHER_TEXT).len > 0;
	}
	assert_int_equal(narratives, 28);
	assert_int_equal(traced, 28);
	assert_int_equal(other_texts, 1);
	size_t six = (size_t)rv_find_rec(&m, "SSR1-6", 6);
	assert_true(starts_with(rv_rec_field(&m, six, REC_OTHER_TEXT), "ICANN should publish a document"));
	assert_true(starts_with(rv_rec_field(&m, six, REC_TEXT_SOURCE), "000_dd050d74c006ebf6.txt:"));
	for (size_t c = 0; c < m.nchildren[RV_HISTORY]; c++) {
		const struct rv_child *h = &m.children[RV_HISTORY][c];
		if (!starts_with(rv_row_field(&m, RV_HISTORY, h->row, HIST_SOURCE), "004_468ec3b28ca421a3.txt:"))
			continue;
		assert_int_equal(h->status, RV_STATUS_NONE);
		assert_int_equal(h->decision, RV_DECISION_NONE);
		assert_true(h->date_prec != RV_DATE_PREC_NONE);
		progress++;
	}
	assert_int_equal(progress, 7); /* 11: one; 20, 21, 22: two each */
	/* the current state is still the last entry that gives one */
	assert_int_equal(rv_rec_status(&m, (size_t)rv_find_rec(&m, "SSR1-20", 7), RV_DATE_NONE), RV_STATUS_PROGRESS);
	rv_model_free(&m);
}

static void test_real_data_reviews(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	size_t ssr1 = 0, ssr2 = 0;
	for (size_t i = 0; i < m.nrecs; i++) {
		struct rv_text review = rv_rec_review_of(&m, i);
		ssr1 += cell_is(review, "SSR1");
		ssr2 += cell_is(review, "SSR2");
	}
	assert_int_equal(ssr1, 28);
	assert_int_equal(ssr2, 63);
	assert_recs_in_natural_order(&m);
	rv_model_free(&m);
}

static void test_real_data_every_child_linked(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	for (int k = RV_DELIVERABLES; k <= RV_HISTORY; k++) {
		assert_true(m.nchildren[k] > 0);
		for (size_t c = 0; c < m.nchildren[k]; c++)
			assert_true(m.children[k][c].rec >= 0);
	}
	assert_indexes_consistent(&m);
	rv_model_free(&m);
}

static void test_real_data_ssr1_history_2014_03_18(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	size_t checked = 0;
	for (size_t i = 0; i < m.nrecs; i++) {
		if (!cell_is(rv_rec_review_of(&m, i), "SSR1"))
			continue;
		bool found = false;
		for (size_t k = 0; k < m.recs[i].count[RV_HISTORY]; k++)
			found |= rv_rec_child(&m, i, RV_HISTORY, k)->date == 20140318;
		if (!found)
			print_error("%.*s has no history entry dated 2014-03-18\n", (int)rv_rec_field(&m, i, REC_ID).len,
				    rv_rec_field(&m, i, REC_ID).ptr);
		assert_true(found);
		checked++;
	}
	assert_int_equal(checked, 28);
	rv_model_free(&m);
}

static void test_real_data_ssr2_decisions(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	size_t count[RV_DECISION_COUNT] = {0};
	for (size_t i = 0; i < m.nrecs; i++)
		if (cell_is(rv_rec_review_of(&m, i), "SSR2"))
			count[m.recs[i].cur_decision]++;
	assert_int_equal(count[RV_DECISION_APPROVED], 14);
	assert_int_equal(count[RV_DECISION_REJECTED], 18);
	assert_int_equal(count[RV_DECISION_PENDING], 31);
	assert_int_equal(count[RV_DECISION_NONE] + count[RV_DECISION_UNKNOWN], 0);
	rv_model_free(&m);
}

int run_model_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aliases_map_recommendation_columns),
		cmocka_unit_test(test_aliases_extra_columns_kept),
		cmocka_unit_test(test_aliases_map_child_columns),
		cmocka_unit_test(test_missing_recommendations_file_fails),
		cmocka_unit_test(test_data_dir_that_is_a_file_fails),
		cmocka_unit_test(test_missing_data_dir_fails),
		cmocka_unit_test(test_missing_required_column_in_recommendations_fails),
		cmocka_unit_test(test_missing_required_column_in_child_file),
		cmocka_unit_test(test_optional_files_may_be_absent),
		cmocka_unit_test(test_duplicate_id_both_rows_kept),
		cmocka_unit_test(test_empty_id_row_kept),
		cmocka_unit_test(test_unknown_values_kept_verbatim_with_warning),
		cmocka_unit_test(test_quoted_values_parsed_after_unquoting),
		cmocka_unit_test(test_bad_dates_warned_and_undated),
		cmocka_unit_test(test_child_with_unknown_rec_id_kept),
		cmocka_unit_test(test_status_from_status_column),
		cmocka_unit_test(test_status_from_latest_history_entry),
		cmocka_unit_test(test_no_status_anywhere_stays_none),
		cmocka_unit_test(test_history_sorted_by_date),
		cmocka_unit_test(test_deliverables_done_count),
		cmocka_unit_test(test_find_rec_exact_and_case_insensitive),
		cmocka_unit_test(test_recs_in_natural_id_order),
		cmocka_unit_test(test_child_links_ignore_case),
		cmocka_unit_test(test_review_from_column_or_id),
		cmocka_unit_test(test_diagnostics_sorted_by_line_within_file),
		cmocka_unit_test(test_real_data_loads_cleanly),
		cmocka_unit_test(test_real_data_reviews),
		cmocka_unit_test(test_real_data_every_child_linked),
		cmocka_unit_test(test_real_data_project_status),
		cmocka_unit_test(test_real_data_ssr1_history_2014_03_18),
		cmocka_unit_test(test_real_data_ssr2_decisions),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
