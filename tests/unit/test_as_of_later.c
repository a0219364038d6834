/*
 * test_as_of_later.c - what of a recommendation was recorded after an as-of date (as_of_later.h), and
 * the command-line outputs that keep it marked "[after DATE]" on request (RV_AS_OF_DIM) or leave it
 * out (RV_AS_OF_HIDE): the list line, the Markdown and CSV tables, the minutes, the page as text and
 * the handout. No output but the browser's uses colour: the marks are words.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/as_of_later.h"
#include "recview/export.h"
#include "recview/handout.h"
#include "recview/model.h"
#include "recview/query.h"
#include "recview/report.h"
#include "recview/summary.h"
#include "recview/triage.h"

static char dir[64];

/* R-1 completed in 2016, its deliverable done, its question answered, a note and its priority set
 * today (2026-12-02); R-2 has nothing after 2015-06-30. */
static const char recs_csv[] = "id,title,status,priority\n"
			       "R-1,First,,P1\n"
			       "R-2,Second,,P2\n";
static const char history_csv[] = "rec_id,date,decision,status,source,note\n"
				  "R-1,2015-03-01,,in progress,report,Started.\n"
				  "R-2,2015-04-01,,not started,report,\n"
				  "R-1,2016-03-31,,complete,report,Done.\n";
static const char deliv_csv[] = "rec_id,description,responsible,due,status\n"
				"R-1,Report,Staff,2015-10,complete\n";
static const char questions_csv[] = "rec_id,qid,question,answer,status\n"
				    "R-1,1.1,Who?,The CTO.,\n";
static const char notes_csv[] = "rec_id,time,author,text\n"
				"R-1,2015-01-10T09:00:00,alice,Early note.\n"
				"R-1,2026-12-02T09:00:00,alice,Today's note.\n";
static const char changes_csv[] = "rec_id,item,field,value,previous,time,author,note\n"
				  "R-1,D1,status,complete,in progress,2026-12-02T10:00:00,alice,\n"
				  "R-1,Q1.1,answer,The CTO.,,2026-12-02T10:10:00,alice,\n"
				  "R-1,,priority,P1,P3,2026-12-02T10:20:00,alice,moved up\n";

static const char later_r1[] = "status complete, priority P1; 1 history entry, 1 note, 1 deliverable changed, "
			       "1 question answered or changed";

static int setup(void **state)
{
	*state = dir; /* drop_test_set removes it */
	setenv("RECVIEW_NOW", "2026-12-02T12:00:00", 1);
	static const struct test_file files[] = {
		{"recommendations.csv", recs_csv},
		{"status_history.csv", history_csv},
		{"deliverables.csv", deliv_csv},
		{"questions.csv", questions_csv},
		{"notes.csv", notes_csv},
		{"changes.csv", changes_csv},
		{NULL, NULL},
	};
	return make_test_set(dir, sizeof(dir), "later", files);
}

static bool has(const struct strbuf *sb, const char *s)
{
	return sb->data && strstr(sb->data, s) != NULL;
}

/* What came later, counted and described; nothing for a recommendation without, nor for "now". */
static void test_count_and_describe(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	struct rv_rec_later l;
	assert_true(rv_rec_later_count(&m, 0, 20150630, &l));
	assert_true(l.status);
	assert_false(l.decision);
	assert_true(l.priority);
	assert_int_equal(l.history, 1);
	assert_int_equal(l.notes, 1);
	assert_int_equal(l.deliverables, 1);
	assert_int_equal(l.questions, 1);
	struct strbuf sb;
	sb_init(&sb);
	assert_true(rv_rec_later_describe(&m, 0, 20150630, &sb));
	assert_string_equal(sb.data, later_r1);
	sb_reset(&sb);
	/* As of a day after everything but today's changes: those alone. */
	assert_true(rv_rec_later_describe(&m, 0, 20161231, &sb));
	assert_string_equal(sb.data, "priority P1; 1 note, 1 deliverable changed, 1 question answered or changed");
	sb_reset(&sb);
	assert_false(rv_rec_later_describe(&m, 1, 20150630, &sb));
	assert_int_equal(sb.len, 0);
	assert_false(rv_rec_later_count(&m, 0, RV_DATE_NONE, &l));
	assert_false(rv_rec_later_describe(&m, 0, RV_DATE_NONE, &sb));
	assert_int_equal(sb.len, 0);
	rv_after_mark(20150630, &sb);
	assert_string_equal(sb.data, "[after 2015-06-30]");
	sb_free(&sb);
	rv_model_free(&m);
}

/* A deliverable's and a question's fields set later, in the words the page and the slide show under
 * them; nothing (and the buffer as it was) when nothing changed later or no date is in force. */
static void test_child_later_values(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "> ");
	assert_true(rv_child_later_values(&m, RV_DELIVERABLES, 0, 20150630, &sb));
	assert_string_equal(sb.data, "> after 2015-06-30: status complete");
	sb_reset(&sb);
	assert_true(rv_child_later_values(&m, RV_QUESTIONS, 0, 20150630, &sb));
	assert_string_equal(sb.data, "after 2015-06-30: answer The CTO.");
	sb_reset(&sb);
	sb_adds(&sb, "kept");
	assert_false(rv_child_later_values(&m, RV_DELIVERABLES, 0, 20261231, &sb));
	assert_string_equal(sb.data, "kept");
	assert_false(rv_child_later_values(&m, RV_DELIVERABLES, 0, RV_DATE_NONE, &sb));
	assert_string_equal(sb.data, "kept");
	sb_free(&sb);
	rv_model_free(&m);
}

/* --list: a tenth field with what came later when dim, none when hidden; the priority then. */
static void test_list_line(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	struct strbuf sb;
	sb_init(&sb);
	rv_list_line_later(&m, 0, 20150630, false, &sb);
	assert_string_equal(sb.data, "R-1\tR\t\tin progress\tP3\t2015-03-01\t0/1\t1\tFirst");
	sb_reset(&sb);
	rv_list_line_later(&m, 0, 20150630, true, &sb);
	assert_true(has(&sb, "\tFirst\tafter 2015-06-30: status complete, priority P1; 1 history entry"));
	sb_reset(&sb);
	rv_list_line_later(&m, 1, 20150630, true, &sb);
	assert_true(has(&sb, "\tSecond\t"));
	assert_int_equal(sb.data[sb.len - 1], '\t'); /* the field is there, empty: ten fields on every line */
	sb_reset(&sb);
	rv_list_line_later(&m, 0, RV_DATE_NONE, true, &sb);
	assert_string_equal(sb.data, "R-1\tR\t\tcomplete\tP1\t2016-03-31\t1/1\t1\tFirst");
	sb_free(&sb);
	rv_model_free(&m);
}

/* The Markdown and CSV tables: one more column when dim, the file's columns alone when hidden. */
static void test_tables(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	uint32_t recs[] = {0, 1};
	struct strbuf sb;
	sb_init(&sb);
	rv_export_csv_as_of(&m, recs, 2, 20150630, RV_AS_OF_DIM, &sb);
	assert_string_equal(sb.data, "id,title,status,priority,recorded after 2015-06-30\n"
				     "R-1,First,in progress,P3,\"status complete, priority P1; 1 history entry, 1 note, "
				     "1 deliverable changed, 1 question answered or changed\"\n"
				     "R-2,Second,not started,P2,\n");
	sb_reset(&sb);
	rv_export_csv_as_of(&m, recs, 2, 20150630, RV_AS_OF_HIDE, &sb);
	assert_string_equal(sb.data, "id,title,status,priority\nR-1,First,in progress,P3\nR-2,Second,not started,P2\n");
	sb_reset(&sb);
	rv_export_csv_as_of(&m, recs, 2, RV_DATE_NONE, RV_AS_OF_DIM, &sb);
	assert_false(has(&sb, "recorded after"));
	sb_reset(&sb);
	rv_export_markdown_as_of(&m, recs, 2, "T", 20150630, RV_AS_OF_DIM, &sb);
	assert_true(has(&sb, "2 recommendations, as of 2015-06-30 (what was recorded later in the last column)."));
	assert_true(has(&sb, "| Title or text | Recorded after 2015-06-30 |\n|---|---|---|---|---|---|---|\n"));
	assert_true(has(&sb, "| R-1 |  | in progress | P3 | 2015-03-01 | First | status complete, priority P1;"));
	assert_true(has(&sb, "| R-2 |  | not started | P2 | 2015-04-01 | Second |  |\n"));
	sb_reset(&sb);
	rv_export_markdown_as_of(&m, recs, 2, "T", 20150630, RV_AS_OF_HIDE, &sb);
	assert_true(has(&sb, "as of 2015-06-30 (what was recorded later left out)"));
	assert_false(has(&sb, "Recorded after"));
	assert_false(has(&sb, "status complete"));
	sb_free(&sb);
	rv_model_free(&m);
}

/* The minutes up to a date: what was recorded later stays, marked, when dim; else it is left out. */
static void test_minutes(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	struct strbuf sb;
	sb_init(&sb);
	rv_file_minutes_as_of(&m, NULL, 20150630, RV_AS_OF_DIM, &sb);
	assert_true(has(&sb, "Up to 2015-06-30; what was recorded later is marked [after 2015-06-30]"));
	assert_true(has(&sb, "| 2015-01-10T09:00:00 | alice | R-1 | note | Early note. |"));
	assert_true(has(&sb, "| 2026-12-02T09:00:00 [after 2015-06-30] | alice | R-1 | note | Today's note. |"));
	assert_true(has(&sb, "| 2026-12-02T10:20:00 [after 2015-06-30] | alice | R-1 | priority: P3 → P1 | moved up |"));
	sb_reset(&sb);
	rv_file_minutes_as_of(&m, NULL, 20150630, RV_AS_OF_HIDE, &sb);
	assert_true(has(&sb, "Early note."));
	assert_false(has(&sb, "Today's note."));
	assert_false(has(&sb, "[after"));
	assert_false(has(&sb, "priority: P3"));
	sb_free(&sb);
	rv_model_free(&m);
}

/* --show and the handout: the date in force said, later entries marked in words (greyed in HTML). */
static void test_page_outputs(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	struct strbuf sb;
	sb_init(&sb);
	report_show_text_as_of(&m, 0, 20150630, RV_AS_OF_DIM, 80, &sb);
	assert_true(has(&sb, "As of 2015-06-30: what was recorded later is kept, marked [after 2015-06-30]\n"));
	assert_true(has(&sb, "2016-03-31  ✓ complete  from report  [after 2015-06-30]"));
	assert_true(has(&sb, "Today's note."));
	assert_false(has(&sb, "\x1b")); /* words, never colour */
	sb_reset(&sb);
	report_show_text_as_of(&m, 0, 20150630, RV_AS_OF_HIDE, 80, &sb);
	assert_true(has(&sb, "As of 2015-06-30: what was recorded later is left out\n"));
	/* The priority then, in the title line and the fields; P1 was set today. */
	assert_true(has(&sb, "R-1   ○ in progress   P3\n"));
	assert_true(has(&sb, "Priority   P3\n"));
	assert_false(has(&sb, "P1"));
	assert_false(has(&sb, "Today's note."));
	assert_false(has(&sb, "2016-03-31"));
	sb_reset(&sb);
	uint32_t recs[] = {0};
	rv_handout_markdown(&m, recs, 1, 20150630, RV_AS_OF_DIM, &sb);
	assert_true(has(&sb, "1 slide, as of 2015-06-30\n"));
	assert_true(has(&sb, "[after 2015-06-30]"));
	sb_reset(&sb);
	rv_handout_html(&m, recs, 1, 20150630, RV_AS_OF_DIM, &sb);
	assert_true(has(&sb, "<p>1 slide, as of 2015-06-30</p>"));
	assert_true(has(&sb, "<span class=later>"));
	assert_true(has(&sb, "Today&#39;s note."));
	sb_reset(&sb);
	rv_handout_html(&m, recs, 1, 20150630, RV_AS_OF_HIDE, &sb);
	assert_false(has(&sb, "<span class=later>"));
	assert_false(has(&sb, "Today&#39;s note."));
	sb_free(&sb);
	rv_model_free(&m);
}

/*
 * A decision only the column gives (SSR1's) holds at every date; a decision taken in a meeting today
 * is a dated entry, and before it the recommendation keeps the decision it had (changes.csv keeps
 * it), in the readings as of a date and in the summary's counts over time.
 */
static void test_decision_before_a_meeting(void **state)
{
	(void)state;
	char d[64];
	static const struct test_file files[] = {
		{"recommendations.csv", "id,title,decision,status\nM-1,One,approved,in progress\nM-2,Two,approved,\n"},
		{"status_history.csv", "rec_id,date,decision,status,source,note\nM-2,2015-03-01,,complete,report,\n"},
		{NULL, NULL},
	};
	assert_int_equal(make_test_set(d, sizeof(d), "meeting", files), 0);
	struct rv_model m;
	load_ok(&m, d);
	assert_int_equal(rv_rec_decision(&m, 0, 20150630), RV_DECISION_APPROVED);
	struct rv_session s;
	rv_session_open(&s, &m, "chair", false);
	assert_true(rv_change_decision(&s, 0, "rejected", "decided today", NULL));
	assert_true(rv_change_status(&s, 1, "not started", "reopened", NULL));
	rv_session_free(&s);
	rv_model_free(&m);

	load_ok(&m, d);
	assert_int_equal(rv_rec_decision(&m, 0, RV_DATE_NONE), RV_DECISION_REJECTED);
	assert_int_equal(rv_rec_decision(&m, 0, 20150630), RV_DECISION_APPROVED);
	assert_int_equal(rv_rec_decision_at_start(&m, 0), RV_DECISION_APPROVED);
	assert_int_equal(rv_rec_status(&m, 0, 20150630), RV_STATUS_PROGRESS); /* never dated: throughout */
	/* A status the source's history dates first: none before that entry, as before. */
	assert_int_equal(rv_rec_status(&m, 1, 20150101), RV_STATUS_NONE);
	assert_int_equal(rv_rec_status(&m, 1, 20150630), RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_status_at_start(&m, 1), RV_STATUS_NONE);
	struct rv_summary sum;
	rv_summary_build(&m, 20150630, &sum);
	assert_int_equal(sum.reviews[0].by_decision[RV_DECISION_APPROVED], 2);
	rv_summary_free(&sum);
	rv_summary_build(&m, RV_DATE_NONE, &sum);
	assert_true(sum.ntimelines == 1 && sum.timelines[0].n >= 2);
	/* Over time: approved both at the first date, one rejected at the meeting's. */
	assert_int_equal(sum.timelines[0].points[0].by_decision[RV_DECISION_APPROVED], 2);
	assert_int_equal(sum.timelines[0].points[sum.timelines[0].n - 1].by_decision[RV_DECISION_REJECTED], 1);
	rv_summary_free(&sum);
	rv_model_free(&m);
	remove_tree(d);
}

/* A history without a decision column cannot date a decision taken today: its changes.csv rows do,
 * so before them the column's old value holds (approved), and each later one from its day. */
static void test_decision_without_a_history_column(void **state)
{
	(void)state;
	char d[64];
	static const struct test_file files[] = {
		{"recommendations.csv", "id,title,decision,status\nN-1,One,approved,in progress\n"},
		{"status_history.csv", "rec_id,date,status,source,note\nN-1,2015-03-01,in progress,report,\n"},
		{"changes.csv", "rec_id,item,field,value,previous,time,author,note\n"
				"N-1,,decision,pending,approved,2026-12-01T09:00:00,chair,\n"
				"N-1,,decision,rejected,pending,2026-12-02T10:00:00,chair,\n"},
		{NULL, NULL},
	};
	assert_int_equal(make_test_set(d, sizeof(d), "nodecision", files), 0);
	/* The column says what the last change set. */
	write_test_file(d, "recommendations.csv", "id,title,decision,status\nN-1,One,rejected,in progress\n");
	struct rv_model m;
	load_ok(&m, d);
	assert_int_equal(rv_rec_decision(&m, 0, 20150630), RV_DECISION_APPROVED);
	assert_int_equal(rv_rec_decision(&m, 0, 20261130), RV_DECISION_APPROVED);
	assert_int_equal(rv_rec_decision(&m, 0, 20261201), RV_DECISION_PENDING);
	assert_int_equal(rv_rec_decision(&m, 0, 20261202), RV_DECISION_REJECTED);
	assert_int_equal(rv_rec_decision(&m, 0, RV_DATE_NONE), RV_DECISION_REJECTED);
	rv_model_free(&m);
	remove_tree(d);
}

int run_as_of_later_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_and_describe),
		cmocka_unit_test(test_child_later_values),
		cmocka_unit_test(test_list_line),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_page_outputs),
		cmocka_unit_test(test_decision_before_a_meeting),
		cmocka_unit_test(test_decision_without_a_history_column),
	};
	return cmocka_run_group_tests_name("as_of_later", tests, setup, drop_test_set);
}
