/*
 * test_fields.c - changes to fields of any item (triage.h rv_change_item_field, changelog.h): an
 * owner without an owner column, a deliverable's status, owner and revised due date, a question's
 * answer and status, a note amended and retracted; every change a row of changes.csv, undone byte for
 * byte; a group of changes saved in one commit and undone as one step; the values read back after a
 * reload and after a merge with someone else's save.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/change.h"
#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/query.h"
#include "recview/search.h"
#include "recview/strbuf.h"
#include "recview/triage.h"

#define NOW "2026-12-02T10:15:00"

static char dir[64];

static const char recs_csv[] = "id,review,title,status,priority\n"
			       "R-1,R,First,in progress,P2\n"
			       "R-2,R,Second,not started,\n";
static const char deliv_csv[] = "rec_id,description,responsible,due,status\r\n"
				"R-1,Draft,Staff,Nov. 2015,complete\r\n"
				"R-1,Publish,Staff,Sept 2016,\r\n"
				"R-2,Plan,Board,,\r\n";
static const char questions_csv[] = "rec_id,qid,question,answer,status\n"
				    "R-1,1.1,Who?,,\n"
				    "R-1,1.2,When?,,open\n";
static const char notes_csv[] = "rec_id,time,author,note\n"
				"R-1,2026-11-30T09:00:00,alice,first thoughts\n";

static int setup(void **state)
{
	*state = dir; /* drop_test_set removes it */
	setenv("RECVIEW_NOW", NOW, 1);
	static const struct test_file files[] = {
		{"recommendations.csv", recs_csv},
		{"deliverables.csv", deliv_csv},
		{"questions.csv", questions_csv},
		{"notes.csv", notes_csv},
		{NULL, NULL},
	};
	return make_test_set(dir, sizeof(dir), "fields", files);
}

struct fx {
	struct rv_model m;
	struct rv_session s;
};

static void fx_open_as(struct fx *f, const char *author)
{
	load_ok(&f->m, dir);
	rv_session_open(&f->s, &f->m, author, false);
}

static void fx_open(struct fx *f)
{
	fx_open_as(f, "bob");
}

static void fx_close(struct fx *f)
{
	rv_session_free(&f->s);
	rv_model_free(&f->m);
}

static char *file_text(const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *s = read_whole_file(path, NULL);
	return s ? s : xstrdup("");
}

static void assert_file(const char *name, const char *want)
{
	char *got = file_text(name);
	if (strcmp(got, want) != 0) {
		print_error("%s:\n got: [%s]\nwant: [%s]\n", name, got, want);
		free(got);
		fail();
	}
	free(got);
}

static void assert_text_is(struct rv_text t, const char *want)
{
	if (t.len != strlen(want) || memcmp(t.ptr, want, t.len) != 0) {
		print_error("got [%.*s], want [%s]\n", (int)t.len, t.ptr, want);
		fail();
	}
}

static struct rv_item child(const struct rv_model *m, const char *rec_id, enum rv_kind kind, size_t i)
{
	long rec = rv_find_rec(m, rec_id, strlen(rec_id));
	assert_true(rec >= 0);
	return (struct rv_item){kind, rv_rec_child_index(m, (size_t)rec, kind, i)};
}

static struct rv_item rec_item(const struct rv_model *m, const char *rec_id)
{
	long rec = rv_find_rec(m, rec_id, strlen(rec_id));
	assert_true(rec >= 0);
	return (struct rv_item){RV_RECS, (size_t)rec};
}

static void test_owner_without_column(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	assert_true(rv_change_item_field(&f.s, rec_item(&f.m, "R-2"), REC_OWNER, "OCTO", NULL));
	assert_text_is(rv_rec_field(&f.m, 1, REC_OWNER), "OCTO");
	/* recommendations.csv has no owner column: it is not rewritten, changes.csv says it. */
	assert_file("recommendations.csv", recs_csv);
	assert_file("changes.csv", "rec_id,item,field,value,previous,time,author,note\n"
				   "R-2,,owner,OCTO,,2026-12-02T10:15:00,bob,\n");
	fx_close(&f);
	/* Read back after a reload. */
	fx_open(&f);
	assert_text_is(rv_rec_field(&f.m, 1, REC_OWNER), "OCTO");
	assert_text_is(rv_rec_field(&f.m, 0, REC_OWNER), "");
	assert_true(rv_undo(&f.s) == false); /* a new session has nothing to undo */
	fx_close(&f);
}

static void test_deliverable_fields_and_undo(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	struct rv_item d2 = child(&f.m, "R-1", RV_DELIVERABLES, 1);
	struct strbuf name;
	sb_init(&name);
	assert_true(rv_item_name(&f.m, d2, &name));
	assert_string_equal(name.data, "D2");
	sb_free(&name);
	assert_true(rv_change_item_field(&f.s, d2, DEL_DUE, "2017-03", "waiting for the vendor"));
	/* The new date in the column's own style (a month: "Mar 2017"-like, as "Sept 2016" is written). */
	struct rv_text due = rv_child_field(&f.m, RV_DELIVERABLES, d2.index, DEL_DUE);
	assert_true(due.len > 0);
	assert_int_equal(rv_child_at(&f.m, RV_DELIVERABLES, d2.index)->date_prec, RV_DATE_PREC_MONTH);
	uint32_t rows[4];
	assert_int_equal(rv_changelog_rows(&f.m, d2, DEL_DUE, rows, 4), 1);
	assert_text_is(rv_row_field(&f.m, RV_CHANGES, rows[0], CHG_PREVIOUS), "Sept 2016");
	assert_text_is(rv_row_field(&f.m, RV_CHANGES, rows[0], CHG_NOTE), "waiting for the vendor");

	assert_true(rv_change_item_field(&f.s, d2, DEL_STATUS, "Complete", NULL));
	assert_int_equal(rv_child_at(&f.m, RV_DELIVERABLES, d2.index)->status, RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_deliverables_done(&f.m, 0), 2);
	assert_true(rv_change_item_field(&f.s, d2, DEL_RESPONSIBLE, "OCTO", NULL));
	assert_true(rv_change_item_field(&f.s, d2, DEL_STATUS, "nonsense", NULL) == false);
	assert_non_null(strstr(f.s.error, "unknown status"));

	/* Undo all three: the files come back byte for byte (changes.csv cut back to nothing but its header). */
	assert_true(rv_undo(&f.s));
	assert_true(rv_undo(&f.s));
	assert_true(rv_undo(&f.s));
	assert_file("deliverables.csv", deliv_csv);
	assert_file("changes.csv", "rec_id,item,field,value,previous,time,author,note\n");
	assert_int_equal(rv_rec_deliverables_done(&f.m, 0), 1);
	fx_close(&f);
}

static void test_question_answer_and_status(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	struct rv_item q = child(&f.m, "R-1", RV_QUESTIONS, 0);
	assert_true(rv_qstatus_is_open(rv_qstatus_effective(rv_child_at(&f.m, RV_QUESTIONS, q.index)->status, false)));
	assert_true(rv_change_item_field(&f.s, q, Q_ANSWER, "The CTO's team.", NULL));
	assert_true(rv_change_item_field(&f.s, q, Q_STATUS, "Follow up", NULL));
	fx_close(&f);
	assert_file("questions.csv", "rec_id,qid,question,answer,status\n"
				     "R-1,1.1,Who?,The CTO's team.,follow-up\n"
				     "R-1,1.2,When?,,open\n");
	fx_open(&f);
	q = child(&f.m, "R-1", RV_QUESTIONS, 0);
	assert_int_equal(rv_child_at(&f.m, RV_QUESTIONS, q.index)->status, RV_QSTATUS_FOLLOW_UP);
	long row = rv_changelog_latest(&f.m, q, Q_ANSWER);
	assert_true(row >= 0);
	assert_text_is(rv_row_field(&f.m, RV_CHANGES, (uint32_t)row, CHG_ITEM), "Q1.1");
	assert_text_is(rv_row_field(&f.m, RV_CHANGES, (uint32_t)row, CHG_AUTHOR), "bob");
	fx_close(&f);
}

static void test_note_amended_and_retracted(void **state)
{
	(void)state;
	struct fx f;
	fx_open_as(&f, "alice");
	struct rv_item n = child(&f.m, "R-1", RV_NOTES, 0);
	assert_true(rv_change_item_field(&f.s, n, NOTE_TEXT, "second thoughts", NULL));
	assert_text_is(rv_child_field(&f.m, RV_NOTES, n.index, NOTE_TEXT), "second thoughts");
	/* notes.csv is never rewritten: the correction is a row of changes.csv pointing at the note. */
	assert_file("notes.csv", notes_csv);
	assert_true(rv_change_item_field(&f.s, n, NOTE_TEXT, "", NULL));
	fx_close(&f);
	fx_open(&f);
	n = child(&f.m, "R-1", RV_NOTES, 0);
	assert_text_is(rv_child_field(&f.m, RV_NOTES, n.index, NOTE_TEXT), "");
	uint32_t rows[4];
	assert_int_equal(rv_changelog_rows(&f.m, n, NOTE_TEXT, rows, 4), 2);
	assert_text_is(rv_row_field(&f.m, RV_CHANGES, rows[0], CHG_PREVIOUS), "first thoughts");
	assert_text_is(rv_row_field(&f.m, RV_CHANGES, rows[0], CHG_ITEM), "N2026-11-30T09:00:00");
	assert_text_is(rv_row_field(&f.m, RV_CHANGES, rows[1], CHG_AUTHOR), "alice");
	fx_close(&f);
}

/* Only the note's author amends or retracts it: anyone else is refused, and nothing is written. */
static void test_note_amended_by_author_only(void **state)
{
	(void)state;
	struct fx f;
	fx_open_as(&f, "bob");
	struct rv_item n = child(&f.m, "R-1", RV_NOTES, 0);
	assert_false(rv_change_item_field(&f.s, n, NOTE_TEXT, "bob's thoughts", NULL));
	assert_non_null(strstr(f.s.error, "only alice, who wrote this note, can amend or retract it"));
	assert_false(rv_change_item_field(&f.s, n, NOTE_TEXT, "", NULL));
	assert_non_null(strstr(f.s.error, "only alice"));
	assert_text_is(rv_child_field(&f.m, RV_NOTES, n.index, NOTE_TEXT), "first thoughts");
	assert_int_equal(f.s.n, 0);
	fx_close(&f);
	char path[256];
	snprintf(path, sizeof(path), "%s/changes.csv", dir);
	assert_int_equal(access(path, F_OK), -1);
	/* Case matters: "Alice" is someone else. */
	fx_open_as(&f, "Alice");
	n = child(&f.m, "R-1", RV_NOTES, 0);
	assert_false(rv_change_item_field(&f.s, n, NOTE_TEXT, "x", NULL));
	fx_close(&f);
	/* A note bob wrote himself he can change. */
	fx_open_as(&f, "bob");
	assert_true(rv_add_note(&f.s, 0, "bob's note"));
	n = child(&f.m, "R-1", RV_NOTES, 1);
	assert_true(rv_change_item_field(&f.s, n, NOTE_TEXT, "bob's note, corrected", NULL));
	assert_text_is(rv_child_field(&f.m, RV_NOTES, n.index, NOTE_TEXT), "bob's note, corrected");
	fx_close(&f);
}

/* Whether the filter keeps recommendation rec. */
static bool filter_keeps(const struct rv_model *m, const char *expr, size_t rec)
{
	char err[256];
	struct rv_query *q = rv_query_parse(expr, err, sizeof(err));
	assert_non_null(q);
	bool keep = rv_query_match(q, m, rec);
	rv_query_free(q);
	return keep;
}

/* The notes of the whole-data-set search that match pattern. */
static size_t note_hits(const struct rv_model *m, const char *pattern)
{
	char err[128];
	struct rv_search *s = rv_search_compile(pattern, 0, err, sizeof(err));
	struct rv_hit *hits;
	size_t n = rv_search_all(m, s, &hits), notes = 0;
	for (size_t i = 0; i < n; i++)
		if (hits[i].kind == RV_NOTES) {
			assert_int_equal(hits[i].field, NOTE_TEXT);
			notes++;
		}
	free(hits);
	rv_search_free(s);
	return notes;
}

/* A note is found, filtered and counted by its text as it reads now: amended, by the new words only;
 * retracted, not at all. */
static void test_note_found_as_it_reads(void **state)
{
	(void)state;
	struct fx f;
	fx_open_as(&f, "alice");
	assert_true(filter_keeps(&f.m, "has:notes", 0));
	assert_false(filter_keeps(&f.m, "has:notes", 1));
	assert_true(filter_keeps(&f.m, "note:first", 0));
	assert_int_equal(note_hits(&f.m, "first"), 1);
	assert_int_equal(rv_rec_notes_shown(&f.m, 0), 1);
	struct rv_item n = child(&f.m, "R-1", RV_NOTES, 0);
	assert_true(rv_change_item_field(&f.s, n, NOTE_TEXT, "revised view", NULL));
	assert_false(filter_keeps(&f.m, "note:first", 0));
	assert_true(filter_keeps(&f.m, "note:revised -note:first", 0));
	assert_int_equal(note_hits(&f.m, "first"), 0);
	assert_int_equal(note_hits(&f.m, "revised"), 1);
	char err[64];
	struct rv_search *s = rv_search_compile("revised", 0, err, sizeof(err));
	assert_true(rv_rec_notes_match(&f.m, 0, s));
	assert_false(rv_rec_notes_match(&f.m, 1, s));
	rv_search_free(s);
	assert_true(rv_change_item_field(&f.s, n, NOTE_TEXT, "", NULL));
	assert_false(filter_keeps(&f.m, "has:notes", 0));
	assert_int_equal(note_hits(&f.m, "revised"), 0);
	assert_int_equal(rv_rec_notes_shown(&f.m, 0), 0);
	fx_close(&f);
}

static void test_group_is_one_step(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	rv_session_begin_group(&f.s);
	assert_true(rv_change_status(&f.s, 0, "complete", NULL, NULL));
	assert_true(rv_change_status(&f.s, 1, "complete", NULL, NULL));
	assert_true(rv_change_item_field(&f.s, rec_item(&f.m, "R-1"), REC_OWNER, "OCTO", NULL));
	/* Nothing is on disk before the group ends: one commit for all. */
	assert_file("recommendations.csv", recs_csv);
	assert_true(rv_session_end_group(&f.s));
	char *saved = file_text("recommendations.csv");
	assert_non_null(strstr(saved, "R-1,R,First,complete,P2"));
	assert_non_null(strstr(saved, "R-2,R,Second,complete,"));
	free(saved);
	/* One undo takes the three back. */
	assert_true(rv_undo(&f.s));
	assert_int_equal(f.s.applied, 0);
	assert_file("recommendations.csv", recs_csv);
	assert_text_is(rv_rec_field(&f.m, 0, REC_OWNER), "");
	assert_true(rv_redo(&f.s));
	assert_int_equal(f.s.applied, 3);
	assert_text_is(rv_rec_field(&f.m, 0, REC_OWNER), "OCTO");
	fx_close(&f);
}

static void test_cancelled_group_leaves_nothing(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	rv_session_begin_group(&f.s);
	assert_true(rv_change_status(&f.s, 0, "complete", "one", NULL));
	assert_true(rv_add_note(&f.s, 1, "two"));
	/* The third is refused; the group is taken back: nothing on disk, nothing to undo. */
	assert_false(rv_change_status(&f.s, 1, "nonsense", NULL, NULL));
	assert_true(rv_session_cancel_group(&f.s));
	assert_int_equal(f.s.applied, 0);
	assert_int_equal(f.s.n, 0);
	assert_file("recommendations.csv", recs_csv);
	assert_file("notes.csv", notes_csv);
	assert_false(rv_session_has_unsaved(&f.s));
	assert_false(rv_undo(&f.s));
	fx_close(&f);
}

static void test_field_merged_with_their_save(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	/* Someone else changes the first deliverable's owner and saves; we change the second's. */
	write_test_file(dir, "deliverables.csv", "rec_id,description,responsible,due,status\r\n"
						 "R-1,Draft,Legal,Nov. 2015,complete\r\n"
						 "R-1,Publish,Staff,Sept 2016,\r\n"
						 "R-2,Plan,Board,,\r\n");
	struct rv_item d2 = child(&f.m, "R-1", RV_DELIVERABLES, 1);
	assert_false(rv_change_item_field(&f.s, d2, DEL_RESPONSIBLE, "OCTO", NULL));
	assert_true(f.s.conflict);
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	load_ok(fresh, dir);
	assert_true(rv_session_merge(&f.s, fresh));
	free(fresh);
	assert_int_equal(f.s.nconflicts, 0);
	assert_file("deliverables.csv", "rec_id,description,responsible,due,status\r\n"
					"R-1,Draft,Legal,Nov. 2015,complete\r\n"
					"R-1,Publish,OCTO,Sept 2016,\r\n"
					"R-2,Plan,Board,,\r\n");
	fx_close(&f);
}

static void test_field_conflict_held(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	write_test_file(dir, "deliverables.csv", "rec_id,description,responsible,due,status\r\n"
						 "R-1,Draft,Staff,Nov. 2015,complete\r\n"
						 "R-1,Publish,Legal,Sept 2016,\r\n"
						 "R-2,Plan,Board,,\r\n");
	struct rv_item d2 = child(&f.m, "R-1", RV_DELIVERABLES, 1);
	assert_false(rv_change_item_field(&f.s, d2, DEL_RESPONSIBLE, "OCTO", NULL));
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	load_ok(fresh, dir);
	rv_session_merge(&f.s, fresh);
	free(fresh);
	assert_int_equal(f.s.nconflicts, 1);
	struct strbuf line;
	sb_init(&line);
	rv_conflict_describe(&f.s.conflicts[0], &line);
	assert_non_null(strstr(line.data, "owner of D2 of R-1: yours OCTO, theirs Legal"));
	sb_free(&line);
	assert_true(rv_conflict_resolve(&f.s, 0, true));
	char *saved = file_text("deliverables.csv");
	assert_non_null(strstr(saved, "R-1,Publish,OCTO,Sept 2016,"));
	free(saved);
	fx_close(&f);
}

static void test_field_conflict_names_their_author(void **state)
{
	(void)state;
	struct fx ours, theirs;
	fx_open(&ours);
	load_ok(&theirs.m, dir);
	rv_session_open(&theirs.s, &theirs.m, "alice", false);
	assert_true(rv_change_item_field(&theirs.s, child(&theirs.m, "R-1", RV_DELIVERABLES, 1), DEL_RESPONSIBLE, "Legal", NULL));
	fx_close(&theirs);
	assert_false(rv_change_item_field(&ours.s, child(&ours.m, "R-1", RV_DELIVERABLES, 1), DEL_RESPONSIBLE, "OCTO", NULL));
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	load_ok(fresh, dir);
	rv_session_merge(&ours.s, fresh);
	free(fresh);
	assert_int_equal(ours.s.nconflicts, 1);
	struct strbuf line;
	sb_init(&line);
	rv_conflict_describe(&ours.s.conflicts[0], &line);
	assert_non_null(strstr(line.data, "theirs Legal (alice, 2026-12-02)"));
	sb_free(&line);
	/* Theirs kept: our change is dropped, their row of changes.csv stays the only one. */
	assert_true(rv_conflict_resolve(&ours.s, 0, false));
	char *log = file_text("changes.csv");
	assert_non_null(strstr(log, "R-1,D2,owner,Legal,Staff,2026-12-02T10:15:00,alice,"));
	assert_null(strstr(log, "OCTO"));
	free(log);
	fx_close(&ours);
}

int run_fields_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_owner_without_column, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_deliverable_fields_and_undo, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_question_answer_and_status, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_note_amended_and_retracted, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_note_amended_by_author_only, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_note_found_as_it_reads, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_group_is_one_step, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_cancelled_group_leaves_nothing, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_field_merged_with_their_save, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_field_conflict_held, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_field_conflict_names_their_author, setup, drop_test_set),
	};
	return cmocka_run_group_tests_name("fields", tests, NULL, NULL);
}
