/*
 * test_entity.c - reading the model through entity.h: field roles in the schema, text of
 * recommendations and of their children, derived values now and as of a date, the generation that
 * every change bumps (the cross-references and the current status follow it), and reading the past
 * without writing into the model.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/entity.h"
#include "recview/query.h"
#include "recview/save.h"
#include "recview/strbuf.h"
#include "recview/summary.h"
#include "recview/xref.h"

static void assert_text(struct rv_text t, const char *want)
{
	assert_int_equal(t.len, strlen(want));
	assert_memory_equal(t.ptr, want, t.len);
}

static long find(const struct rv_model *m, const char *id)
{
	long rec = rv_find_rec(m, id, strlen(id));
	assert_true(rec >= 0);
	return rec;
}

static void test_every_field_has_a_role(void **state)
{
	(void)state;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const struct rv_kind_def *def = rv_kind_def((enum rv_kind)k);
		for (int f = 0; f < def->nfields; f++) {
			assert_true(def->fields[f].role > RV_ROLE_NONE && def->fields[f].role < RV_ROLE_COUNT);
			/* The first field of a role is the one asked for. */
			assert_true(rv_field_of_role((enum rv_kind)k, def->fields[f].role) <= f);
		}
		/* Every kind but the recommendations and the reviews belongs to a recommendation. */
		int link = rv_field_of_role((enum rv_kind)k, RV_ROLE_REC_LINK);
		if (k == RV_RECS || k == RV_REVIEWS)
			assert_int_equal(link, -1);
		else
			assert_true(link >= 0 && def->fields[link].required);
	}
	assert_int_equal(rv_field_of_role(RV_HISTORY, RV_ROLE_STATUS), HIST_STATUS);
	assert_int_equal(rv_field_of_role(RV_RECS, RV_ROLE_STATUS), REC_STATUS);
	assert_int_equal(rv_field_of_role(RV_DELIVERABLES, RV_ROLE_DATE), DEL_DUE);
	assert_int_equal(rv_field_of_role(RV_NOTES, RV_ROLE_TEXT), NOTE_TEXT);
	/* A question's state is not an implementation status, a note's time not a date. */
	assert_int_equal(rv_field_of_role(RV_QUESTIONS, RV_ROLE_STATUS), -1);
	assert_int_equal(rv_field_of_role(RV_NOTES, RV_ROLE_DATE), -1);
	assert_int_equal(rv_field_of_role(RV_RECS, RV_ROLE_NONE), -1);
	assert_true(rv_kind_def(RV_HISTORY)->by_date);
	assert_false(rv_kind_def(RV_DELIVERABLES)->by_date);
}

static void test_fields_of_recs_and_children(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/model"), RV_OK);
	size_t rec = (size_t)find(&m, "SSR1-10");
	assert_text(rv_rec_id(&m, rec), "SSR1-10");
	assert_text(rv_rec_field(&m, rec, REC_TITLE), "Ten");
	assert_text(rv_rec_role(&m, rec, RV_ROLE_TITLE), "Ten");
	assert_text(rv_rec_headline(&m, rec), "Ten");
	assert_text(rv_rec_review_of(&m, rec), "SSR1");
	assert_text(rv_rec_field(&m, rec, REC_TEXT), ""); /* no such column */
	assert_false(rv_kind_has_field(&m, RV_RECS, REC_TEXT));
	assert_true(rv_kind_has_field(&m, RV_RECS, REC_TITLE));
	assert_text(rv_field_header(&m, RV_RECS, REC_TITLE), "title");
	assert_int_equal(rv_field_column_number(&m, RV_RECS, REC_TITLE), 3);
	assert_text(rv_rec_field(&m, m.nrecs, REC_ID), ""); /* out of range: empty, no crash */

	/* History oldest first, by date; each child's text by field and by role. */
	assert_int_equal(rv_rec_child_count(&m, rec, RV_HISTORY), 3);
	size_t oldest = rv_rec_child_index(&m, rec, RV_HISTORY, 0);
	assert_text(rv_child_field(&m, RV_HISTORY, oldest, HIST_NOTE), "oldest");
	assert_text(rv_child_role(&m, RV_HISTORY, oldest, RV_ROLE_TEXT), "oldest");
	assert_text(rv_child_role(&m, RV_HISTORY, oldest, RV_ROLE_REC_LINK), "SSR1-10");
	assert_int_equal(rv_child_at(&m, RV_HISTORY, oldest)->status, RV_STATUS_NOT_STARTED);
	size_t newest = rv_rec_child_index(&m, rec, RV_HISTORY, 2);
	assert_text(rv_child_field(&m, RV_HISTORY, newest, HIST_NOTE), "newest");
	size_t first = rv_rec_child_index(&m, rec, RV_DELIVERABLES, 0);
	assert_text(rv_child_field(&m, RV_DELIVERABLES, first, DEL_DESCRIPTION), "First");
	assert_text(rv_child_role(&m, RV_DELIVERABLES, first, RV_ROLE_DATE), "2016-01-01");
	assert_text(rv_child_field(&m, RV_DELIVERABLES, rv_child_total(&m, RV_DELIVERABLES), DEL_DUE), "");
	assert_true(rv_kind_present(&m, RV_REVIEWS) && rv_kind_usable(&m, RV_REVIEWS));
	assert_int_equal(rv_kind_rows(&m, RV_REVIEWS), 2);
	assert_int_equal(rv_extra_count(&m, RV_RECS), 0);

	/* Derived: the current state comes from the latest entry; the past from the entries by then. */
	assert_int_equal(rv_rec_status(&m, rec, RV_DATE_NONE), RV_STATUS_PROGRESS);
	assert_int_equal(rv_rec_status(&m, rec, 20150701), RV_STATUS_PLANNING);
	assert_int_equal(rv_rec_status(&m, rec, 20140101), RV_STATUS_NONE);
	assert_int_equal(rv_rec_decision(&m, rec, RV_DATE_NONE), RV_DECISION_APPROVED);
	assert_int_equal(rv_rec_last_change(&m, rec, RV_DATE_NONE), 20160115);
	assert_int_equal(rv_rec_last_change(&m, rec, 20150701), 20150600);
	assert_int_equal(rv_rec_last_change(&m, rec, 20140101), RV_DATE_NONE);
	assert_int_equal(rv_rec_priority(&m, rec), 1);
	assert_false(rv_rec_duplicate(&m, rec));
	rv_model_free(&m);
}

/* A data set of review A in a temporary directory, history with one entry of A-1. */
static void write_set(char *dir)
{
	strcpy(dir, "/tmp/recview-entity-XXXXXX");
	assert_non_null(mkdtemp(dir));
	const char *files[][2] = {
		{"recommendations.csv", "id,review,title,text,status\nA-1,A,One,First text,\nA-20,A,Twenty,Other text,\n"},
		{"status_history.csv", "rec_id,date,decision,status,note\nA-1,2020-01-01,,not started,opened\n"},
	};
	for (size_t i = 0; i < 2; i++) {
		char path[128];
		snprintf(path, sizeof(path), "%s/%s", dir, files[i][0]);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(files[i][1], f);
		fclose(f);
	}
}

static void remove_set(const char *dir)
{
	char path[128];
	const char *names[] = {"recommendations.csv", "status_history.csv"};
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void put(struct rv_model *m, uint32_t row, int field, const char *s)
{
	assert_true(rv_model_set_field(m, RV_HISTORY, row, field, s, strlen(s)));
}

static void test_generation_keeps_derived_data_current(void **state)
{
	(void)state;
	char dir[64];
	write_set(dir);
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, dir), RV_OK);
	size_t one = (size_t)find(&m, "A-1"), twenty = (size_t)find(&m, "A-20");
	const uint32_t *refs;
	assert_int_equal(rv_xref_out(&m, one, &refs), 0);
	assert_int_equal(rv_xref_in(&m, twenty, &refs), 0);
	assert_int_equal(rv_rec_status(&m, one, RV_DATE_NONE), RV_STATUS_NOT_STARTED);
	struct rv_stamp built = rv_stamp_now(&m, RV_DATE_NONE);
	assert_false(rv_stamp_stale(&m, built, RV_DATE_NONE));
	assert_true(rv_stamp_stale(&m, built, 20200101)); /* another date is another reading */

	/* A change whose note refers to Recommendation 20. */
	unsigned long before = m.generation;
	uint32_t row = (uint32_t)csv_table_append_row(&m.tables[RV_HISTORY].csv);
	put(&m, row, HIST_REC_ID, "A-1");
	put(&m, row, HIST_DATE, "2021-02-03");
	put(&m, row, HIST_STATUS, "in progress");
	put(&m, row, HIST_NOTE, "See Recommendation 20");
	rv_model_add_child(&m, RV_HISTORY, row);
	assert_true(m.generation > before);
	assert_true(rv_stamp_stale(&m, built, RV_DATE_NONE));

	assert_int_equal(rv_rec_status(&m, one, RV_DATE_NONE), RV_STATUS_PROGRESS);
	assert_int_equal(rv_rec_last_change(&m, one, RV_DATE_NONE), 20210203);
	assert_int_equal(rv_xref_out(&m, one, &refs), 1);
	assert_int_equal(refs[0], twenty);
	assert_int_equal(rv_xref_in(&m, twenty, &refs), 1);
	assert_int_equal(refs[0], one);

	/* Undone: the reference goes again. */
	before = m.generation;
	rv_model_drop_last_child(&m, RV_HISTORY);
	csv_table_drop_last_row(&m.tables[RV_HISTORY].csv);
	assert_true(m.generation > before);
	assert_int_equal(rv_xref_out(&m, one, &refs), 0);
	assert_int_equal(rv_rec_status(&m, one, RV_DATE_NONE), RV_STATUS_NOT_STARTED);

	/* Changes made elsewhere say so with rv_model_touch. */
	built = rv_stamp_now(&m, RV_DATE_NONE);
	rv_model_touch(&m);
	assert_true(rv_stamp_stale(&m, built, RV_DATE_NONE));
	rv_model_free(&m);
	remove_set(dir);
}

/* Everything a view reads of a recommendation, for comparing before and after. */
static void snapshot(const struct rv_model *m, struct strbuf *out)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, (const char *)m->recs, m->nrecs * sizeof(*m->recs));
	for (int k = 0; k < RV_KIND_COUNT; k++)
		sb_add(&sb, (const char *)m->children[k], m->nchildren[k] * sizeof(struct rv_child));
	sb_addf(&sb, "%lu", m->generation);
	*out = sb;
}

static void test_as_of_reads_without_writing(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "data"), RV_OK);
	struct strbuf before, after;
	snapshot(&m, &before);

	char err[256];
	struct rv_query *q = rv_query_parse_model("status:complete", &m, err, sizeof(err));
	assert_non_null(q);
	uint32_t *now = calloc(m.nrecs + 1, sizeof(*now)), *then = calloc(m.nrecs + 1, sizeof(*then));
	size_t nnow = rv_query_select(&m, q, RV_SORT_CHANGED, false, now);
	size_t nthen = rv_query_select_as_of(&m, q, 20160101, RV_SORT_CHANGED, false, then);
	assert_true(nthen < nnow); /* fewer were complete then */
	for (size_t i = 0; i < nthen; i++)
		assert_int_equal(rv_rec_status(&m, then[i], 20160101), RV_STATUS_COMPLETE);
	for (size_t i = 0; i < m.nrecs; i++) {
		(void)rv_rec_status(&m, i, 20160101);
		(void)rv_rec_decision(&m, i, 20160101);
		(void)rv_rec_last_change(&m, i, 20160101);
	}
	struct rv_summary sum;
	rv_summary_build(&m, 20160101, &sum);
	rv_summary_free(&sum);

	/* Back to now: the same selection as before, and the model as it was, byte for byte. */
	snapshot(&m, &after);
	assert_int_equal(before.len, after.len);
	assert_memory_equal(before.data, after.data, before.len);
	uint32_t *again = calloc(m.nrecs + 1, sizeof(*again));
	assert_int_equal(rv_query_select(&m, q, RV_SORT_CHANGED, false, again), nnow);
	assert_memory_equal(now, again, nnow * sizeof(*now));
	sb_free(&before);
	sb_free(&after);
	free(now);
	free(then);
	free(again);
	rv_query_free(q);
	rv_model_free(&m);
}

/* A table as it would be written. */
static char *serialized(const struct rv_model *m, enum rv_kind kind)
{
	struct strbuf sb;
	sb_init(&sb);
	csv_table_serialize(&m->tables[kind].csv, &sb);
	char *text = sb_detach(&sb);
	sb_free(&sb);
	return text;
}

static void test_append_child_with_fields(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	size_t rec = (size_t)find(&m, "SSR1-2");
	size_t rows = rv_kind_rows(&m, RV_HISTORY), before = rv_rec_child_count(&m, rec, RV_HISTORY);
	char *original = serialized(&m, RV_HISTORY);
	unsigned long gen = m.generation;

	/* status_history.csv has no source column: that value is left out; a NULL note stays empty. */
	const struct rv_field_value entry[] = {
		{HIST_REC_ID, "SSR1-2"}, {HIST_DATE, "2017-01-01"}, {HIST_STATUS, "complete"},
		{HIST_SOURCE, "recview: jane"}, {HIST_NOTE, NULL},
	};
	uint32_t row = rv_model_append_child(&m, RV_HISTORY, entry, sizeof(entry) / sizeof(*entry));
	assert_int_equal(row, rows);
	assert_int_equal(rv_kind_rows(&m, RV_HISTORY), rows + 1);
	assert_true(m.generation > gen);
	assert_text(rv_row_field(&m, RV_HISTORY, row, HIST_DATE), "2017-01-01");
	assert_text(rv_row_field(&m, RV_HISTORY, row, HIST_SOURCE), "");
	assert_text(rv_row_field(&m, RV_HISTORY, row, HIST_NOTE), "");
	/* It joined the indexes: the recommendation's latest entry, its current status and last change. */
	assert_int_equal(rv_rec_child_count(&m, rec, RV_HISTORY), before + 1);
	size_t last = rv_rec_child_index(&m, rec, RV_HISTORY, before);
	assert_int_equal(rv_child_at(&m, RV_HISTORY, last)->row, row);
	assert_text(rv_child_role(&m, RV_HISTORY, last, RV_ROLE_STATUS), "complete");
	assert_int_equal(rv_rec_last_change(&m, rec, RV_DATE_NONE), 20170101);
	char *now = serialized(&m, RV_HISTORY);
	size_t olen = strlen(original);
	assert_int_equal(strlen(now), olen + strlen("SSR1-2,2017-01-01,,complete,\n"));
	assert_memory_equal(now, original, olen);
	assert_string_equal(now + olen, "SSR1-2,2017-01-01,,complete,\n");
	free(now);

	/* Removing it gives back the file's bytes and the recommendation's history. */
	rv_model_remove_row(&m, RV_HISTORY, row);
	assert_int_equal(rv_rec_child_count(&m, rec, RV_HISTORY), before);
	now = serialized(&m, RV_HISTORY);
	assert_string_equal(now, original);
	free(now);
	free(original);

	/* A file the data set lacks is made with the contract's header. */
	assert_false(rv_kind_present(&m, RV_NOTES));
	const struct rv_field_value note[] = {{NOTE_REC_ID, "SSR1-2"}, {NOTE_AUTHOR, "jane"}, {NOTE_TEXT, "a note"}};
	row = rv_model_append_child(&m, RV_NOTES, note, 3);
	assert_int_equal(row, 0);
	assert_true(rv_kind_present(&m, RV_NOTES));
	assert_int_equal(rv_child_total(&m, RV_NOTES), 1);
	assert_int_equal(rv_child_at(&m, RV_NOTES, 0)->rec, (int32_t)rec);
	now = serialized(&m, RV_NOTES);
	assert_string_equal(now, "rec_id,time,author,note\nSSR1-2,,jane,a note\n");
	free(now);
	rv_model_free(&m);
}

static void test_set_field_by_role(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/model");
	size_t rec = (size_t)find(&m, "SSR1-10");
	uint32_t row = rv_rec_row(&m, rec);
	unsigned long gen = m.generation;
	assert_true(rv_model_set_role(&m, RV_RECS, row, RV_ROLE_PRIORITY, LIT("P3")));
	assert_true(m.generation > gen);
	assert_text(rv_rec_field(&m, rec, REC_PRIORITY), "P3");
	rv_model_refresh_rec(&m, rec);
	assert_int_equal(rv_rec_priority(&m, rec), 3);
	/* The first field of a role: a history entry's status, not its decision. */
	size_t h = rv_rec_child_index(&m, rec, RV_HISTORY, 0);
	assert_true(rv_model_set_role(&m, RV_HISTORY, rv_child_at(&m, RV_HISTORY, h)->row, RV_ROLE_STATUS, LIT("complete")));
	assert_text(rv_child_field(&m, RV_HISTORY, h, HIST_STATUS), "complete");
	assert_text(rv_child_field(&m, RV_HISTORY, h, HIST_DECISION), "approved");

	/* No field of that role in the kind, or none in its file, or no such row: nothing changes. */
	gen = m.generation;
	assert_false(rv_model_set_role(&m, RV_RECS, row, RV_ROLE_ANSWER, LIT("x")));
	assert_false(rv_model_set_role(&m, RV_RECS, row, RV_ROLE_TEXT, LIT("x")));
	assert_false(rv_model_set_role(&m, RV_RECS, (uint32_t)rv_kind_rows(&m, RV_RECS), RV_ROLE_TITLE, LIT("x")));
	assert_int_equal(m.generation, gen);
	assert_text(rv_rec_field(&m, rec, REC_TEXT), "");
	rv_model_free(&m);
}

/* A field put back with rv_model_restore_field is written as it was read: quotes, short row and all. */
static void test_restore_field_gives_back_the_bytes(void **state)
{
	(void)state;
	char dir[] = "/tmp/recview-entity-XXXXXX";
	assert_non_null(mkdtemp(dir));
	static const char recs[] = "id,review,title,status,priority\r\nA-1,A,\"One, \"\"quoted\"\"\",complete,P1\r\nA-2,A,Two\r\n";
	write_test_file(dir, "recommendations.csv", recs);
	struct rv_model m;
	load_ok(&m, dir);
	struct rv_field_undo one, two;
	uint32_t r1 = rv_rec_row(&m, (size_t)find(&m, "A-1")), r2 = rv_rec_row(&m, (size_t)find(&m, "A-2"));
	assert_true(rv_model_set_field_undoable(&m, RV_RECS, r1, REC_TITLE, LIT("One"), &one));
	/* A-2's row is short: setting its priority widens it. */
	assert_true(rv_model_set_field_undoable(&m, RV_RECS, r2, REC_PRIORITY, LIT("P2"), &two));
	char *now = serialized(&m, RV_RECS);
	assert_string_equal(now, "id,review,title,status,priority\r\nA-1,A,One,complete,P1\r\nA-2,A,Two,,P2\r\n");
	free(now);
	unsigned long gen = m.generation;
	rv_model_restore_field(&m, &two);
	rv_model_restore_field(&m, &one);
	assert_true(m.generation > gen);
	assert_text(rv_rec_field(&m, (size_t)find(&m, "A-1"), REC_TITLE), "One, \"quoted\"");
	now = serialized(&m, RV_RECS);
	assert_string_equal(now, recs);
	free(now);
	/* A field the file lacks is not set, and says so. */
	assert_false(rv_model_set_field_undoable(&m, RV_RECS, r1, REC_TEXT, LIT("x"), &one));
	rv_model_free(&m);
	remove_tree(dir);
}

/* The field scan meets every field once: field by field, or over the bytes plus the loose values. */
static void test_field_scan(void **state)
{
	(void)state;
	char dir[] = "/tmp/recview-entity-XXXXXX";
	assert_non_null(mkdtemp(dir));
	/* B-2 comes first in the file but second in id order; a quoted value is not a span of the bytes. */
	write_test_file(dir, "recommendations.csv", "id,review,title,area\nB-2,B,\"Two \"\"x\"\"\",north\nB-1,B,One,south\n");
	struct rv_model m;
	load_ok(&m, dir);
	size_t one = (size_t)find(&m, "B-1"), two = (size_t)find(&m, "B-2");
	int nf = rv_kind_def(RV_RECS)->nfields;

	struct rv_field_scan *sc = rv_field_scan_open(&m, RV_RECS);
	assert_non_null(sc);
	struct rv_scan_field f;
	size_t n = 0;
	while (rv_field_scan_next(sc, &f)) {
		/* Rows in file order: B-2's four fields, then B-1's. */
		assert_int_equal(f.entity, n < 4 ? two : one);
		n++;
	}
	assert_int_equal(n, 8);
	rv_field_scan_close(sc);

	/* Over the bytes: "south" is B-1's extra column; the header is not a field; "Two" is loose. */
	sc = rv_field_scan_open(&m, RV_RECS);
	struct rv_text bytes = rv_field_scan_bytes(sc);
	const char *south = strstr(bytes.ptr, "south");
	assert_int_equal(rv_field_scan_at(sc, 0, &f), RV_SCAN_NONE);
	assert_int_equal(rv_field_scan_at(sc, (size_t)(south - bytes.ptr) + 2, &f), RV_SCAN_FIELD);
	assert_int_equal(f.entity, one);
	assert_int_equal(f.order, nf); /* the first extra column */
	assert_text(f.text, "south");
	assert_int_equal(rv_field_scan_at(sc, bytes.len, &f), RV_SCAN_END);
	assert_true(rv_field_scan_next_loose(sc, 1, &f));
	assert_int_equal(f.entity, two);
	assert_int_equal(f.order, REC_TITLE);
	assert_text(f.text, "Two \"x\"");
	assert_false(rv_field_scan_next_loose(sc, 1, &f));
	rv_field_scan_close(sc);

	/* A value set since is loose too, and only values of at least min_len bytes are given. */
	assert_true(rv_model_set_field(&m, RV_RECS, rv_rec_row(&m, one), REC_REVIEW, LIT("C")));
	sc = rv_field_scan_open(&m, RV_RECS);
	assert_true(rv_field_scan_next_loose(sc, 2, &f));
	assert_text(f.text, "Two \"x\"");
	assert_false(rv_field_scan_next_loose(sc, 2, &f));
	rv_field_scan_close(sc);
	sc = rv_field_scan_open(&m, RV_RECS);
	assert_true(rv_field_scan_next_loose(sc, 1, &f));
	assert_true(rv_field_scan_next_loose(sc, 1, &f));
	assert_int_equal(f.entity, one);
	assert_text(f.text, "C");
	rv_field_scan_close(sc);

	/* No usable file, no scan. */
	assert_null(rv_field_scan_open(&m, RV_QUESTIONS));
	rv_model_free(&m);
	remove_tree(dir);
}

int run_entity_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_field_has_a_role),
		cmocka_unit_test(test_fields_of_recs_and_children),
		cmocka_unit_test(test_generation_keeps_derived_data_current),
		cmocka_unit_test(test_as_of_reads_without_writing),
		cmocka_unit_test(test_append_child_with_fields),
		cmocka_unit_test(test_set_field_by_role),
		cmocka_unit_test(test_restore_field_gives_back_the_bytes),
		cmocka_unit_test(test_field_scan),
	};
	return cmocka_run_group_tests_name("entity", tests, NULL, NULL);
}
