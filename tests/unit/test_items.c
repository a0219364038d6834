/*
 * test_items.c - where items stand (items.h): the last day of a due date of each precision, overdue
 * deliverables on the days around it (today or an as-of date), question states and counts, who gave
 * an answer and when (from changes.csv, only while the answer is the one recorded), revised due dates
 * with their reasons, gone again after an undo.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/changelog.h"
#include "recview/date.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/model.h"
#include "recview/strbuf.h"
#include "recview/triage.h"

#define NOW "2026-12-02T10:15:00"

static char dir[64];

static const char recs_csv[] = "id,title,status\n"
			       "R-1,First,in progress\n"
			       "R-2,Second,\n";
static const char deliv_csv[] = "rec_id,description,responsible,due,status\n"
				"R-1,Month,Staff,Nov. 2015,\n"
				"R-1,Day,Staff,2015-11-30,in progress\n"
				"R-1,Quarter,Staff,Q4 2015,\n"
				"R-1,Year,Staff,2015,\n"
				"R-1,Done,Staff,2014-01-01,complete\n"
				"R-1,Undated,Staff,TBD,\n"
				"R-2,Later,Board,Sept 2016,\n";
static const char questions_csv[] = "rec_id,qid,question,answer,status\n"
				    "R-1,1.1,Who?,,\n"
				    "R-1,1.2,When?,Soon.,\n"
				    "R-1,1.3,Why?,Because.,follow up\n"
				    "R-1,1.4,How?,,resolved\n"
				    "R-2,2.1,What?,,waiting on legal\n";

static int setup(void **state)
{
	*state = dir; /* drop_test_set removes it */
	setenv("RECVIEW_NOW", NOW, 1);
	static const struct test_file files[] = {
		{"recommendations.csv", recs_csv},
		{"deliverables.csv", deliv_csv},
		{"questions.csv", questions_csv},
		{NULL, NULL},
	};
	return make_test_set(dir, sizeof(dir), "items", files);
}

static size_t deliverable(const struct rv_model *m, size_t rec, size_t k)
{
	return rv_rec_child_index(m, rec, RV_DELIVERABLES, k);
}

static void test_last_day(void **state)
{
	(void)state;
	assert_int_equal(rv_date_last_day(20151130, RV_DATE_PREC_DAY), 20151130);
	assert_int_equal(rv_date_last_day(20151100, RV_DATE_PREC_MONTH), 20151130);
	assert_int_equal(rv_date_last_day(20160200, RV_DATE_PREC_MONTH), 20160229);
	assert_int_equal(rv_date_last_day(21000200, RV_DATE_PREC_MONTH), 21000228);
	assert_int_equal(rv_date_last_day(20151000, RV_DATE_PREC_QUARTER), 20151231);
	assert_int_equal(rv_date_last_day(20160100, RV_DATE_PREC_QUARTER), 20160331);
	assert_int_equal(rv_date_last_day(20150000, RV_DATE_PREC_YEAR), 20151231);
	assert_int_equal(rv_date_last_day(RV_DATE_NONE, RV_DATE_PREC_NONE), RV_DATE_NONE);
}

static void test_overdue_around_the_due_date(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(rv_today_date(), 20261202);
	assert_int_equal(rv_overdue_day(RV_DATE_NONE), 20261202);
	assert_int_equal(rv_overdue_day(20151201), 20151201);
	size_t month = deliverable(&m, 0, 0), day = deliverable(&m, 0, 1), quarter = deliverable(&m, 0, 2);
	size_t year = deliverable(&m, 0, 3), done = deliverable(&m, 0, 4), undated = deliverable(&m, 0, 5);
	/* "Nov. 2015" is due until the end of November. */
	assert_false(rv_deliverable_overdue(&m, month, 20151115));
	assert_false(rv_deliverable_overdue(&m, month, 20151130));
	assert_true(rv_deliverable_overdue(&m, month, 20151201));
	assert_false(rv_deliverable_overdue(&m, day, 20151130));
	assert_true(rv_deliverable_overdue(&m, day, 20151201));
	assert_false(rv_deliverable_overdue(&m, quarter, 20151231));
	assert_true(rv_deliverable_overdue(&m, quarter, 20160101));
	assert_false(rv_deliverable_overdue(&m, year, 20151231));
	assert_true(rv_deliverable_overdue(&m, year, 20160101));
	/* Complete, or without a date: never. */
	assert_false(rv_deliverable_overdue(&m, done, 20261202));
	assert_false(rv_deliverable_overdue(&m, undated, 20261202));
	/* An as-of month (2015-12: its start) counts November's end as past. */
	assert_true(rv_deliverable_overdue(&m, month, 20151200));
	assert_int_equal(rv_rec_overdue(&m, 0, 20151201), 2);
	assert_int_equal(rv_rec_overdue(&m, 0, 20160101), 4);
	assert_int_equal(rv_rec_overdue(&m, 0, rv_overdue_day(RV_DATE_NONE)), 4);
	assert_int_equal(rv_rec_overdue(&m, 1, 20160930), 0);
	assert_int_equal(rv_rec_overdue(&m, 1, 20161001), 1);
	assert_int_equal(rv_rec_open_deliverables(&m, 0), 5);
	rv_model_free(&m);
}

static void test_question_states(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	static const enum rv_qstatus want[] = {RV_QSTATUS_OPEN, RV_QSTATUS_ANSWERED, RV_QSTATUS_FOLLOW_UP,
					       RV_QSTATUS_CLOSED};
	for (size_t k = 0; k < 4; k++)
		assert_int_equal(rv_question_state(&m, rv_rec_child_index(&m, 0, RV_QUESTIONS, k)), want[k]);
	/* A state outside the vocabulary, without an answer: still waiting. */
	assert_int_equal(rv_question_state(&m, rv_rec_child_index(&m, 1, RV_QUESTIONS, 0)), RV_QSTATUS_OPEN);
	assert_int_equal(rv_rec_open_questions(&m, 0), 2);
	assert_int_equal(rv_rec_open_questions(&m, 1), 1);
	rv_model_free(&m);
}

static void assert_text_is(struct rv_text t, const char *want)
{
	if (t.len != strlen(want) || memcmp(t.ptr, want, t.len) != 0) {
		print_error("got [%.*s], want [%s]\n", (int)t.len, t.ptr, want);
		fail();
	}
}

static void test_answer_attributed(void **state)
{
	(void)state;
	struct rv_model m;
	struct rv_session s;
	load_ok(&m, dir);
	rv_session_open(&s, &m, "alice", false);
	size_t q1 = rv_rec_child_index(&m, 0, RV_QUESTIONS, 0), q2 = rv_rec_child_index(&m, 0, RV_QUESTIONS, 1);
	struct rv_text when, who;
	/* The file's own answers have nobody recview knows of. */
	assert_false(rv_question_answered(&m, q2, &when, &who));
	assert_false(rv_question_answered(&m, q1, &when, &who));
	assert_true(rv_change_item_field(&s, (struct rv_item){RV_QUESTIONS, q1}, Q_ANSWER, "The CTO's team.", NULL));
	assert_int_equal(rv_question_state(&m, q1), RV_QSTATUS_ANSWERED);
	assert_int_equal(rv_rec_open_questions(&m, 0), 1);
	assert_true(rv_question_answered(&m, q1, &when, &who));
	assert_text_is(when, "2026-12-02");
	assert_text_is(who, "alice");
	rv_session_free(&s);
	rv_model_free(&m);

	/* After a reload, and not once the file says another answer than the one recorded. */
	load_ok(&m, dir);
	q1 = rv_rec_child_index(&m, 0, RV_QUESTIONS, 0);
	assert_true(rv_question_answered(&m, q1, &when, &who));
	assert_text_is(who, "alice");
	rv_model_free(&m);
	write_test_file(dir, "questions.csv", "rec_id,qid,question,answer,status\n"
					      "R-1,1.1,Who?,Someone else.,\n");
	load_ok(&m, dir);
	assert_false(rv_question_answered(&m, rv_rec_child_index(&m, 0, RV_QUESTIONS, 0), &when, &who));
	rv_model_free(&m);
}

/* A file's own answered and answered-by columns (by their aliases), read only; recview's own record wins. */
static void test_answer_columns_of_the_file(void **state)
{
	(void)state;
	write_test_file(dir, "questions.csv", "rec_id,qid,question,answer,status,Answered On,Answered By\n"
					      "R-1,1.1,Who?,The CTO.,,\"May 3, 2016\",CTO office\n"
					      "R-1,1.2,When?,Soon.,,,Board\n"
					      "R-1,1.3,Why?,,,2016-05-04,\n");
	struct rv_model m;
	struct rv_session s;
	load_ok(&m, dir);
	assert_true(rv_kind_has_field(&m, RV_QUESTIONS, Q_ANSWERED));
	assert_true(rv_kind_has_field(&m, RV_QUESTIONS, Q_ANSWERED_BY));
	size_t q[3];
	for (size_t k = 0; k < 3; k++)
		q[k] = rv_rec_child_index(&m, 0, RV_QUESTIONS, k);
	struct strbuf sb;
	sb_init(&sb);
	assert_true(rv_question_answered_describe(&m, q[0], &sb));
	assert_string_equal(sb.data, "May 3, 2016 by CTO office");
	sb_reset(&sb);
	assert_true(rv_question_answered_describe(&m, q[1], &sb));
	assert_string_equal(sb.data, "by Board");
	sb_reset(&sb);
	/* No answer: nobody answered it, whatever the columns say. */
	assert_false(rv_question_answered_describe(&m, q[2], &sb));
	/* The columns cannot be set; an answer given in recview is attributed by its own record. */
	rv_session_open(&s, &m, "alice", false);
	assert_false(rv_change_item_field(&s, (struct rv_item){RV_QUESTIONS, q[0]}, Q_ANSWERED, "2026-12-02", NULL));
	assert_true(rv_change_item_field(&s, (struct rv_item){RV_QUESTIONS, q[0]}, Q_ANSWER, "The CTO's team.", NULL));
	sb_reset(&sb);
	assert_true(rv_question_answered_describe(&m, q[0], &sb));
	assert_string_equal(sb.data, "2026-12-02 by alice");
	sb_free(&sb);
	rv_session_free(&s);
	rv_model_free(&m);
}

static void test_due_revisions(void **state)
{
	(void)state;
	struct rv_model m;
	struct rv_session s;
	load_ok(&m, dir);
	rv_session_open(&s, &m, "alice", false);
	size_t d = deliverable(&m, 1, 0);
	struct rv_item it = {RV_DELIVERABLES, d};
	assert_int_equal(rv_due_revisions(&m, d), 0);
	assert_true(rv_deliverable_overdue(&m, d, rv_today_date()));
	assert_true(rv_change_item_field(&s, it, DEL_DUE, "2027-03", "waiting for the vendor"));
	assert_false(rv_deliverable_overdue(&m, d, rv_today_date()));
	setenv("RECVIEW_NOW", "2026-12-03T09:00:00", 1);
	assert_true(rv_change_item_field(&s, it, DEL_DUE, "2027-06-30", NULL));
	setenv("RECVIEW_NOW", NOW, 1);
	assert_int_equal(rv_due_revisions(&m, d), 2);
	struct strbuf sb;
	sb_init(&sb);
	rv_due_revision_describe(&m, d, 0, &sb);
	assert_string_equal(sb.data, "was Sept 2016 (alice, 2026-12-02: waiting for the vendor)");
	sb_reset(&sb);
	rv_due_revision_describe(&m, d, 1, &sb);
	assert_non_null(strstr(sb.data, "(alice, 2026-12-03)"));
	assert_true(strncmp(sb.data, "was ", 4) == 0 && strstr(sb.data, "2027") != NULL);
	sb_reset(&sb);
	rv_due_revision_describe(&m, d, 2, &sb);
	assert_int_equal(sb.len, 0);
	/* Undone: the revision goes with it, and the earlier date is back. */
	assert_true(rv_undo(&s));
	assert_true(rv_undo(&s));
	assert_int_equal(rv_due_revisions(&m, d), 0);
	assert_true(rv_deliverable_overdue(&m, d, rv_today_date()));
	sb_free(&sb);
	rv_session_free(&s);
	rv_model_free(&m);
}

int run_items_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_day),
		cmocka_unit_test_setup_teardown(test_overdue_around_the_due_date, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_question_states, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_answer_attributed, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_answer_columns_of_the_file, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_due_revisions, setup, drop_test_set),
	};
	return cmocka_run_group_tests_name("items", tests, NULL, NULL);
}
