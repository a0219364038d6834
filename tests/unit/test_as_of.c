/*
 * test_as_of.c - deliverables and questions as of a date (as_of.h): a status, owner or answer changed
 * after the date reads as before it; the counts follow; a change recorded earlier but appended later
 * keeps its place in time order and never overrides the later one, read or applied; the page keeps
 * what was recorded later dimmed and marked on request (RV_AS_OF_DIM), and leaves it out otherwise.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/as_of.h"
#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/model.h"
#include "recview/page.h"
#include "recview/triage.h"

static char dir[64];

static const char recs_csv[] = "id,title,status\n"
			       "R-1,First,in progress\n";
/* D1 done today (2026-12-02), D2 given to Bob today, D3 done long ago. */
static const char deliv_csv[] = "rec_id,description,responsible,due,status\n"
				"R-1,Report,Staff,2015-10,complete\n"
				"R-1,Plan,Bob,2016-01,in progress\n"
				"R-1,Old,Staff,2014-01,complete\n";
static const char questions_csv[] = "rec_id,qid,question,answer,status\n"
				    "R-1,1.1,Who?,The CTO.,\n";
static const char notes_csv[] = "rec_id,time,author,text\n"
				"R-1,2015-01-10T09:00:00,alice,Early note.\n"
				"R-1,2026-12-02T09:00:00,alice,Today's note.\n";
/* The last row was recorded on 2026-11-01 but appended after the 2026-12-02 one (a merge). */
static const char changes_csv[] = "rec_id,item,field,value,previous,time,author,note\n"
				  "R-1,D1,status,complete,in progress,2026-12-02T10:00:00,alice,\n"
				  "R-1,D2,owner,Bob,Staff,2026-12-02T10:05:00,alice,\n"
				  "R-1,Q1.1,answer,The CTO.,,2026-12-02T10:10:00,alice,\n"
				  "R-1,D2,status,in progress,in planning,2026-12-02T11:00:00,alice,\n"
				  "R-1,D2,status,behind schedule,not started,2026-11-01T08:00:00,bob,\n";

static int setup(void **state)
{
	*state = dir; /* drop_test_set removes it */
	setenv("RECVIEW_NOW", "2026-12-02T12:00:00", 1);
	static const struct test_file files[] = {
		{"recommendations.csv", recs_csv},
		{"deliverables.csv", deliv_csv},
		{"questions.csv", questions_csv},
		{"notes.csv", notes_csv},
		{"changes.csv", changes_csv},
		{NULL, NULL},
	};
	return make_test_set(dir, sizeof(dir), "as-of", files);
}

static size_t child(const struct rv_model *m, enum rv_kind kind, size_t k)
{
	return rv_rec_child_index(m, 0, kind, k);
}

static void assert_text(struct rv_text t, const char *want)
{
	assert_int_equal(t.len, strlen(want));
	assert_memory_equal(t.ptr, want, t.len);
}

/* A deliverable done today is not done as of 2015-06-30; the counts say so too. */
static void test_status_changed_later(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	size_t d1 = child(&m, RV_DELIVERABLES, 0);
	assert_int_equal(rv_deliverable_status_as_of(&m, d1, RV_DATE_NONE), RV_STATUS_COMPLETE);
	assert_int_equal(rv_deliverable_status_as_of(&m, d1, 20150630), RV_STATUS_PROGRESS);
	assert_int_equal(rv_deliverable_status_as_of(&m, d1, 20261202), RV_STATUS_COMPLETE); /* that day counts */
	assert_int_equal(rv_deliverable_status_as_of(&m, d1, 20261201), RV_STATUS_PROGRESS);
	assert_int_equal(rv_rec_deliverables_done(&m, 0), 2);
	assert_int_equal(rv_rec_deliverables_done_as_of(&m, 0, 20150630), 1);
	assert_int_equal(rv_rec_deliverables_done_as_of(&m, 0, RV_DATE_NONE), 2);
	/* Due 2015-10 and not complete then: overdue as of 2016-01-01, not as of 2015-06-30; never now. */
	assert_false(rv_deliverable_overdue_as_of(&m, d1, 20150630));
	assert_true(rv_deliverable_overdue_as_of(&m, d1, 20160101));
	assert_false(rv_deliverable_overdue_as_of(&m, d1, RV_DATE_NONE));
	assert_true(rv_child_field_later(&m, RV_DELIVERABLES, d1, DEL_STATUS, 20150630));
	assert_false(rv_child_field_later(&m, RV_DELIVERABLES, d1, DEL_STATUS, RV_DATE_NONE));
	rv_model_free(&m);
}

/* An owner and an answer recorded today: the owner before, no answer, an open question. */
static void test_owner_and_answer(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	size_t d2 = child(&m, RV_DELIVERABLES, 1), q = child(&m, RV_QUESTIONS, 0);
	assert_text(rv_child_field_as_of(&m, RV_DELIVERABLES, d2, DEL_RESPONSIBLE, 20150630), "Staff");
	assert_text(rv_child_field_as_of(&m, RV_DELIVERABLES, d2, DEL_RESPONSIBLE, RV_DATE_NONE), "Bob");
	assert_text(rv_question_answer_as_of(&m, q, 20150630), "");
	assert_int_equal(rv_question_state_as_of(&m, q, 20150630), RV_QSTATUS_OPEN);
	assert_int_equal(rv_question_state_as_of(&m, q, RV_DATE_NONE), RV_QSTATUS_ANSWERED);
	assert_int_equal(rv_rec_open_questions_as_of(&m, 0, 20150630), 1);
	assert_int_equal(rv_rec_open_questions_as_of(&m, 0, RV_DATE_NONE), 0);
	rv_model_free(&m);
}

/* D2's "behind schedule" was recorded on 2026-11-01, appended after the 2026-12-02 change: in time
 * order it comes first, so it is never the latest, and it is what D2 read from 11-01 to 12-01. */
static void test_backdated_keeps_its_place(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	size_t d2 = child(&m, RV_DELIVERABLES, 1);
	struct rv_item it = {RV_DELIVERABLES, d2};
	uint32_t rows[2];
	assert_int_equal(rv_changelog_rows(&m, it, DEL_STATUS, rows, 2), 2);
	assert_int_equal(rows[0], 4); /* the 11-01 row first, though later in the file */
	assert_int_equal(rows[1], 3);
	assert_int_equal(rv_changelog_latest(&m, it, DEL_STATUS), 3);
	assert_int_equal(rv_deliverable_status_as_of(&m, d2, RV_DATE_NONE), RV_STATUS_PROGRESS);
	/* From 11-01 what the 11-01 change set; before it what that change says was there. */
	assert_int_equal(rv_deliverable_status_as_of(&m, d2, 20261115), RV_STATUS_BEHIND);
	assert_int_equal(rv_deliverable_status_as_of(&m, d2, 20261015), RV_STATUS_NOT_STARTED);
	assert_int_equal(rv_changelog_rows_by(&m, it, DEL_STATUS, 20261115), 1);
	/* A change recorded before the latest one would not be in force; one recorded after it is. */
	assert_false(rv_changelog_in_force(&m, it, DEL_STATUS, "2026-11-20T00:00:00", 19));
	assert_true(rv_changelog_in_force(&m, it, DEL_STATUS, "2026-12-02T11:00:00", 19));
	rv_model_free(&m);
}

/* Applied with a clock behind the latest change: changes.csv gets the row, the cell stays. */
static void test_backdated_change_never_overrides(void **state)
{
	(void)state;
	struct rv_model m;
	struct rv_session s;
	load_ok(&m, dir);
	size_t d2 = child(&m, RV_DELIVERABLES, 1);
	struct rv_item it = {RV_DELIVERABLES, d2};
	setenv("RECVIEW_NOW", "2026-11-20T09:00:00", 1);
	rv_session_open(&s, &m, "carol", false);
	assert_true(rv_change_item_field(&s, it, DEL_STATUS, "complete", NULL));
	assert_int_equal(rv_changelog_rows(&m, it, DEL_STATUS, NULL, 0), 3);
	assert_int_equal(rv_deliverable_status_as_of(&m, d2, RV_DATE_NONE), RV_STATUS_PROGRESS);
	assert_int_equal(rv_deliverable_status_as_of(&m, d2, 20261125), RV_STATUS_COMPLETE);
	rv_session_free(&s);
	rv_model_free(&m);
	setenv("RECVIEW_NOW", "2026-12-02T12:00:00", 1);
}

static const struct rv_page_item *find_item(const struct rv_page *p, enum rv_page_kind sec, const char *text)
{
	for (size_t i = 0; i < p->sections[sec].n; i++) {
		const struct rv_page_item *it = &p->sections[sec].items[i];
		if (it->text.len == strlen(text) && memcmp(it->text.ptr, text, it->text.len) == 0)
			return it;
	}
	return NULL;
}

static bool label_has(const struct rv_page *p, enum rv_page_kind sec, const char *s)
{
	return strstr(p->sections[sec].label.ptr, s) != NULL;
}

/* The page as of 2015-06-30: hidden by default, dimmed and marked on request. */
static void test_page_hide_and_dim(void **state)
{
	(void)state;
	struct rv_model m;
	struct rv_page p;
	load_ok(&m, dir);
	rv_page_build(&m, 0, 20150630, &p);
	assert_null(find_item(&p, RV_PAGE_NOTES, "Today's note."));
	assert_non_null(find_item(&p, RV_PAGE_NOTES, "Early note."));
	assert_true(label_has(&p, RV_PAGE_NOTES, "1 after 2015-06-30 hidden"));
	assert_true(label_has(&p, RV_PAGE_DELIVERABLES, "(3, 1 done"));
	const struct rv_page_item *d1 = find_item(&p, RV_PAGE_DELIVERABLES, "Report");
	assert_non_null(d1);
	assert_int_equal(d1->status, RV_STATUS_PROGRESS);
	assert_int_equal(d1->later.len, 0);
	assert_int_equal(p.sections[RV_PAGE_QUESTIONS].items[0].answer.len, 0);
	rv_page_free(&p);

	rv_page_build_later(&m, 0, 20150630, RV_AS_OF_DIM, &p);
	const struct rv_page_item *late = find_item(&p, RV_PAGE_NOTES, "Today's note.");
	assert_non_null(late);
	assert_true(late->flags & RV_PF_LATER);
	assert_text(late->later, "after 2015-06-30");
	assert_false(find_item(&p, RV_PAGE_NOTES, "Early note.")->flags & RV_PF_LATER);
	assert_true(label_has(&p, RV_PAGE_NOTES, "1 after 2015-06-30 dimmed"));
	d1 = find_item(&p, RV_PAGE_DELIVERABLES, "Report");
	assert_int_equal(d1->status, RV_STATUS_PROGRESS); /* the value then, with what came later beside it */
	assert_false(d1->flags & RV_PF_LATER);
	assert_text(d1->later, "after 2015-06-30: status complete");
	const struct rv_page_item *d2 = find_item(&p, RV_PAGE_DELIVERABLES, "Plan");
	assert_text(d2->owner, "Staff");
	assert_non_null(strstr(d2->later.ptr, "owner Bob"));
	/* The plain page says it in words. */
	struct strbuf out;
	sb_init(&out);
	rv_page_text(&p, 80, &out);
	assert_non_null(strstr(out.data, "Today's note."));
	assert_non_null(strstr(out.data, "[after 2015-06-30]"));
	assert_non_null(strstr(out.data, "after 2015-06-30: status complete"));
	sb_free(&out);
	rv_page_free(&p);
	/* Now: nothing is later. */
	rv_page_build_later(&m, 0, RV_DATE_NONE, RV_AS_OF_DIM, &p);
	assert_false(find_item(&p, RV_PAGE_NOTES, "Today's note.")->flags & RV_PF_LATER);
	assert_int_equal(find_item(&p, RV_PAGE_DELIVERABLES, "Report")->later.len, 0);
	rv_page_free(&p);
	rv_model_free(&m);
}

static void test_later_words(void **state)
{
	(void)state;
	enum rv_as_of_later l = RV_AS_OF_HIDE;
	assert_true(rv_as_of_later_parse("dim", &l));
	assert_int_equal(l, RV_AS_OF_DIM);
	assert_true(rv_as_of_later_parse("hide", &l));
	assert_int_equal(l, RV_AS_OF_HIDE);
	assert_false(rv_as_of_later_parse("fade", &l));
	/* A setting: dim only when it says so. */
	assert_int_equal(rv_as_of_later_setting("dim"), RV_AS_OF_DIM);
	assert_int_equal(rv_as_of_later_setting("hide"), RV_AS_OF_HIDE);
	assert_int_equal(rv_as_of_later_setting(NULL), RV_AS_OF_HIDE);
	assert_int_equal(rv_as_of_later_setting("fade"), RV_AS_OF_HIDE);
}

/* The slide's state line and the list's Pri column: a priority set today (P2 -> P1) is P2 as of
 * 2015-06-30, and its number too; a decision taken today is none then. Without a date, today's. */
static void test_priority_and_decision_then(void **state)
{
	(void)state;
	char pdir[64];
	static const struct test_file files[] = {
		{"recommendations.csv", "id,title,decision,status,priority\nR-1,First,,in progress,P2\n"},
		{"status_history.csv", "rec_id,date,decision,status,source\nR-1,2015-01-01,,in progress,report\n"},
		{NULL, NULL},
	};
	assert_int_equal(make_test_set(pdir, sizeof(pdir), "as-of-pri", files), 0);
	struct rv_model m;
	memset(&m, 0, sizeof(m));
	load_ok(&m, pdir);
	struct rv_session s;
	rv_session_open(&s, &m, "chair", false);
	assert_true(rv_change_priority(&s, 0, "P1"));
	assert_true(rv_change_decision(&s, 0, "approved", NULL, NULL));
	int32_t then;
	assert_int_equal(rv_date_parse("2015-06-30", 10, &then), RV_DATE_OK);
	assert_text(rv_child_field_as_of(&m, RV_RECS, 0, REC_PRIORITY, then), "P2");
	assert_int_equal(rv_rec_priority_as_of(&m, 0, then), 2);
	assert_int_equal(rv_rec_decision(&m, 0, then), RV_DECISION_NONE);
	assert_text(rv_child_field_as_of(&m, RV_RECS, 0, REC_PRIORITY, RV_DATE_NONE), "P1");
	assert_int_equal(rv_rec_priority_as_of(&m, 0, RV_DATE_NONE), 1);
	assert_int_equal(rv_rec_decision(&m, 0, RV_DATE_NONE), RV_DECISION_APPROVED);
	rv_session_free(&s);
	rv_model_free(&m);
	remove_tree(pdir);
}

int run_as_of_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_changed_later),
		cmocka_unit_test(test_owner_and_answer),
		cmocka_unit_test(test_backdated_keeps_its_place),
		cmocka_unit_test(test_backdated_change_never_overrides),
		cmocka_unit_test(test_page_hide_and_dim),
		cmocka_unit_test(test_later_words),
		cmocka_unit_test(test_priority_and_decision_then),
	};
	return cmocka_run_group_tests_name("as_of", tests, setup, drop_test_set);
}
