/*
 * test_flat.c - flat sheets (flat.h): a recommendations table that holds the deliverables too, with
 * the recommendation's columns repeated or merged (empty below its first row); tables with duplicate
 * ids that are not flat sheets; a status change that writes every row repeating the recommendation
 * in one save, and its undo, byte for byte.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/flat.h"
#include "recview/model.h"
#include "recview/triage.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", "2026-11-23T14:05:00", 1);
	snprintf(dir, sizeof(dir), "/tmp/recview-flat-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

static size_t rec_ok(const struct rv_model *m, const char *id)
{
	long rec = rv_find_rec(m, id, strlen(id));
	if (rec < 0)
		fail_msg("no recommendation %s", id);
	return (size_t)rec;
}

static void assert_text_is(struct rv_text t, const char *want)
{
	if (t.len != strlen(want) || memcmp(t.ptr, want, t.len) != 0)
		fail_msg("'%.*s' is not '%s'", (int)t.len, t.ptr, want);
}

static char *file_in_dir(const char *name)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	size_t len;
	char *text = read_whole_file(path, &len);
	assert_non_null(text);
	return text;
}

/* The export corpus's flat sheet: the recommendation's columns repeated on each deliverable's row. */
static void test_flat_repeated(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/exports/flat");
	assert_int_equal(m.diags.errors + m.diags.warnings, 0);
	assert_int_equal(m.diags.notes, 1);
	assert_diag(&m.diags, 0, DIAG_NOTE, 1, 0, "a flat sheet: the recommendations with their deliverables (columns "
						  "deliverable, responsible, due, deliverable status, due_text)");
	assert_int_equal(m.nrecs, 15);
	assert_true(rv_kind_flat(&m, RV_DELIVERABLES));
	assert_false(rv_kind_flat(&m, RV_QUESTIONS));
	assert_int_equal(rv_child_total(&m, RV_DELIVERABLES), 29);
	size_t one = rec_ok(&m, "SSR1-1");
	assert_int_equal(rv_rec_child_count(&m, one, RV_DELIVERABLES), 3);
	assert_int_equal(rv_rec_row_count(&m, one), 3);
	assert_int_equal(rv_rec_row_at(&m, one, 0), rv_rec_row(&m, one));
	assert_int_equal(rv_rec_row_at(&m, one, 2), rv_rec_row(&m, one) + 2);
	size_t d = rv_rec_child_index(&m, one, RV_DELIVERABLES, 1);
	assert_text_is(rv_child_field(&m, RV_DELIVERABLES, d, DEL_DESCRIPTION), "Incorporate into SSR Framework");
	assert_text_is(rv_child_field(&m, RV_DELIVERABLES, d, DEL_RESPONSIBLE), "Staff");
	/* The child's columns are no longer the recommendation's extras; due_text is the deliverable's. */
	for (size_t e = 0; e < rv_extra_count(&m, RV_RECS); e++)
		assert_int_not_equal(rv_extra_name(&m, RV_RECS, e).len, strlen("due_text"));
	/* due_text is a known field of the deliverable (the due date as written), not an extra column. */
	assert_int_equal(rv_extra_count(&m, RV_DELIVERABLES), 0);
	assert_true(rv_field_column_number(&m, RV_DELIVERABLES, DEL_DUE_TEXT) > 0);
	/* A recommendation without deliverables has one row, and no deliverable from it. */
	size_t pending = rec_ok(&m, "SSR2-3.1");
	assert_int_equal(rv_rec_child_count(&m, pending, RV_DELIVERABLES), 0);
	assert_int_equal(rv_rec_status(&m, rec_ok(&m, "SSR1-11"), RV_DATE_NONE), RV_STATUS_PROGRESS);
	/* A search scans the deliverables in the recommendations' file. */
	struct rv_field_scan *sc = rv_field_scan_open(&m, RV_DELIVERABLES);
	assert_non_null(sc);
	struct rv_scan_field f;
	size_t texts = 0;
	while (rv_field_scan_next(sc, &f))
		if (f.order == DEL_DESCRIPTION) {
			assert_ptr_equal(rv_child_field(&m, RV_DELIVERABLES, f.entity, DEL_DESCRIPTION).ptr, f.text.ptr);
			texts++;
		}
	assert_int_equal(texts, 29);
	rv_field_scan_close(sc);
	rv_model_free(&m);
}

/* The same with the recommendation's cells merged: empty below its first row. */
static void test_flat_merged(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/exports/flat-merged");
	assert_int_equal(m.diags.errors + m.diags.warnings, 0);
	assert_int_equal(m.nrecs, 15);
	assert_int_equal(rv_child_total(&m, RV_DELIVERABLES), 29);
	size_t two = rec_ok(&m, "SSR1-2");
	assert_int_equal(rv_rec_child_count(&m, two, RV_DELIVERABLES), 4);
	assert_int_equal(rv_rec_row_count(&m, two), 1); /* the rows below do not repeat it */
	for (size_t i = 0; i < rv_child_total(&m, RV_DELIVERABLES); i++)
		assert_true(rv_child_at(&m, RV_DELIVERABLES, i)->rec >= 0);
	rv_model_free(&m);
}

/* Duplicate ids are not a flat sheet unless the rows agree and there are deliverable columns. */
static void test_duplicates_not_flat(void **state)
{
	(void)state;
	static const char *const sheets[] = {
		/* the recommendation's columns disagree */
		"id,title,status,deliverable,responsible\nA-1,one,complete,d1,x\nA-1,other,complete,d2,y\n",
		/* no deliverable columns: owner and due are the recommendation's own (a tracker's) */
		"id,title,owner,due\nA-1,one,x,2016-01\nA-1,one,x,2016-01\n",
		/* an empty id below a row, with the recommendation's columns not empty */
		"id,title,deliverable,responsible\nA-1,one,d1,x\n,two,d2,y\n",
		/* no row continues another */
		"id,title,deliverable,responsible\nA-1,one,d1,x\nA-2,two,d2,y\n",
	};
	static const size_t nrecs[] = {2, 2, 2, 2};
	for (size_t i = 0; i < sizeof(sheets) / sizeof(*sheets); i++) {
		write_test_file(dir, "recommendations.csv", sheets[i]);
		struct rv_model m;
		load_ok(&m, dir);
		if (rv_kind_flat(&m, RV_DELIVERABLES))
			fail_msg("sheet %zu taken as flat", i);
		assert_int_equal(m.nrecs, nrecs[i]);
		assert_int_equal(rv_child_total(&m, RV_DELIVERABLES), 0);
		rv_model_free(&m);
	}
	/* A deliverables file of its own: the recommendations table is not read as one. */
	write_test_file(dir, "recommendations.csv", "id,title,deliverable,responsible\nA-1,one,d1,x\nA-1,one,d2,y\n");
	write_test_file(dir, "deliverables.csv", "rec_id,description\nA-1,own\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_false(rv_kind_flat(&m, RV_DELIVERABLES));
	assert_int_equal(m.nrecs, 2);
	assert_int_equal(m.diags.errors, 1); /* the duplicate id */
	rv_model_free(&m);
}

/* Questions may be the children of a flat sheet as well. */
static void test_flat_questions(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv",
			"id,title,qid,question,answer\nA-1,one,1.1,why?,because\nA-1,one,1.2,how?,\nA-2,two,,,\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_true(rv_kind_flat(&m, RV_QUESTIONS));
	assert_int_equal(m.nrecs, 2);
	assert_int_equal(rv_rec_child_count(&m, rec_ok(&m, "A-1"), RV_QUESTIONS), 2);
	assert_int_equal(rv_rec_child_count(&m, rec_ok(&m, "A-2"), RV_QUESTIONS), 0);
	rv_model_free(&m);
}

static const char sheet[] = "id,title,status,priority,deliverable,responsible,due\r\n"
			    "R-1,\"one, first\",in progress,P2,d1,Staff,2016-01\r\n"
			    "R-1,\"one, first\",in progress,P2,\"d2, quoted\",Staff,2016-02\r\n"
			    "R-1,\"one, first\",in progress,P2,d3,,\r\n"
			    "R-2,two,,,d4,Staff,\r\n";

/* A status change writes each row that repeats the recommendation, in one save; undo gives the bytes back. */
static void test_flat_change_every_row_undone_exactly(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv", sheet);
	struct rv_model *m = xcalloc(1, sizeof(*m));
	load_ok(m, dir);
	assert_true(rv_kind_flat(m, RV_DELIVERABLES));
	struct rv_session s;
	rv_session_open(&s, m, "tester", false);
	assert_false(s.read_only);
	size_t one = rec_ok(m, "R-1");
	assert_true(rv_change_status(&s, one, "complete", NULL, NULL));
	assert_true(rv_change_priority(&s, one, "P1"));
	char *after = file_in_dir("recommendations.csv");
	assert_string_equal(after, "id,title,status,priority,deliverable,responsible,due\r\n"
				   "R-1,\"one, first\",complete,P1,d1,Staff,2016-01\r\n"
				   "R-1,\"one, first\",complete,P1,\"d2, quoted\",Staff,2016-02\r\n"
				   "R-1,\"one, first\",complete,P1,d3,,\r\n"
				   "R-2,two,,,d4,Staff,\r\n");
	free(after);
	/* Read again, the sheet is still flat: the rows still agree. */
	struct rv_model again;
	load_ok(&again, dir);
	assert_true(rv_kind_flat(&again, RV_DELIVERABLES));
	assert_int_equal(rv_rec_status(&again, rec_ok(&again, "R-1"), RV_DATE_NONE), RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_child_count(&again, rec_ok(&again, "R-1"), RV_DELIVERABLES), 3);
	rv_model_free(&again);
	while (s.applied)
		assert_true(rv_undo(&s));
	char *undone = file_in_dir("recommendations.csv");
	assert_string_equal(undone, sheet);
	free(undone);
	assert_true(rv_redo(&s));
	after = file_in_dir("recommendations.csv");
	assert_non_null(strstr(after, "R-1,\"one, first\",complete,P2,d3,,\r\n"));
	free(after);
	rv_session_free(&s);
	rv_model_free(m);
	free(m);
}

/* In a merged sheet only the first row holds the recommendation's cells: it alone is written. */
static void test_flat_merged_change_first_row_only(void **state)
{
	(void)state;
	static const char merged[] = "id,title,status,deliverable,responsible\n"
				     "R-1,one,in progress,d1,Staff\n"
				     ",,,d2,Staff\n"
				     "R-2,two,,d3,Staff\n";
	write_test_file(dir, "recommendations.csv", merged);
	struct rv_model *m = xcalloc(1, sizeof(*m));
	load_ok(m, dir);
	struct rv_session s;
	rv_session_open(&s, m, "tester", false);
	assert_true(rv_change_status(&s, rec_ok(m, "R-1"), "complete", NULL, NULL));
	char *after = file_in_dir("recommendations.csv");
	assert_string_equal(after, "id,title,status,deliverable,responsible\n"
				   "R-1,one,complete,d1,Staff\n"
				   ",,,d2,Staff\n"
				   "R-2,two,,d3,Staff\n");
	free(after);
	assert_true(rv_undo(&s));
	char *undone = file_in_dir("recommendations.csv");
	assert_string_equal(undone, merged);
	free(undone);
	rv_session_free(&s);
	rv_model_free(m);
	free(m);
}

int run_flat_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flat_repeated),
		cmocka_unit_test(test_flat_merged),
		cmocka_unit_test_setup_teardown(test_duplicates_not_flat, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flat_questions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flat_change_every_row_undone_exactly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flat_merged_change_first_row_only, setup, teardown),
	};
	return cmocka_run_group_tests_name("flat", tests, NULL, NULL);
}
