/*
 * test_derived.c - the values a mapping derives (a pattern, a link through another column) on rows
 * added after loading: computed by the same rule as the rows read, written into their column only as
 * a text that reads back through the rule (a Jira "Issue id", a GitHub "#2"), and a change that would
 * write into a derived field, or a row whose derived field no text reads back as, refused with the
 * reason and nothing changed: checked in memory, on disk, after reloading, after undo and after a merge.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/mapping.h"
#include "recview/model.h"
#include "recview/triage.h"

#define NOW "2026-11-23T14:05:00"

static char root[64];

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	snprintf(root, sizeof(root), "/tmp/recview-derived-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

static const char *make_set(const char *name)
{
	static char dir[256];
	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	assert_int_equal(mkdir(dir, 0700), 0);
	return dir;
}

static void assert_text(struct rv_text t, const char *want)
{
	if (t.len != strlen(want) || memcmp(t.ptr, want, t.len) != 0) {
		print_error("got '%.*s', wanted '%s'\n", (int)t.len, t.ptr, want);
		fail();
	}
}

static void assert_file(const char *dir, const char *name, const char *want)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	size_t len;
	char *got = read_whole_file(path, &len);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void assert_has(const char *text, const char *part)
{
	if (!strstr(text, part)) {
		print_error("'%s' lacks '%s'\n", text, part);
		fail();
	}
}

static size_t rec_of(const struct rv_model *m, const char *id)
{
	long r = rv_find_rec(m, id, strlen(id));
	assert_true(r >= 0);
	return (size_t)r;
}

/* A model and its session. */
struct ts {
	struct rv_model m;
	struct rv_session s;
};

static void ts_open(struct ts *t, const char *dir)
{
	load_ok(&t->m, dir);
	rv_session_open(&t->s, &t->m, "tester", false);
	assert_false(t->s.read_only);
}

static void ts_close(struct ts *t)
{
	rv_session_free(&t->s);
	rv_model_free(&t->m);
}

/* Jira: the history names its recommendation by the numeric "Issue id", as the sub-tasks do. */
static const char jira_recs[] = "Summary,Issue key,Issue id,Status,Custom field (Recommendation ID)\n"
				"Publish remit,SSR-1,10001,Done,SSR1-1\n"
				"Review remit,SSR-2,10002,In Progress,SSR1-2\n"
				"Not in Jira yet,,,To Do,SSR1-3\n";
static const char jira_history[] = "Issue id,Date,Status,Source,Note\n"
				   "10001,2015-06-30,complete,jira,\n";
static const char jira_map[] = "recommendations.file = Jira.csv\n"
			       "status_history.file = history.csv\n"
			       "recommendations.id = Custom field (Recommendation ID)\n"
			       "status_history.rec_id = Issue id -> recommendations.Issue id\n"
			       "status \"In Progress\" = in progress\n"
			       "status Done = complete\n"
			       "status \"To Do\" = not started\n";

static const char *jira_set(const char *name)
{
	const char *dir = make_set(name);
	write_test_file(dir, "Jira.csv", jira_recs);
	write_test_file(dir, "history.csv", jira_history);
	write_test_file(dir, "recview.map", jira_map);
	return dir;
}

/* A status change's history row gets the recommendation's Issue id, which the link reads back as its id. */
static void test_appended_row_through_link(void **state)
{
	(void)state;
	const char *dir = jira_set("jira-link");
	struct ts t;
	ts_open(&t, dir);
	size_t r2 = rec_of(&t.m, "SSR1-2");
	assert_int_equal(rv_rec_child_count(&t.m, r2, RV_HISTORY), 0);
	assert_true(rv_change_status(&t.s, r2, "complete", NULL, "2026-11-23"));
	assert_file(dir, "history.csv", "Issue id,Date,Status,Source,Note\n"
					"10001,2015-06-30,complete,jira,\n"
					"10002,2026-11-23,complete,recview: tester,\n");
	/* In memory the new row reads as the others do: its rec_id is the recommendation's id. */
	size_t n = rv_child_total(&t.m, RV_HISTORY);
	assert_int_equal(n, 2);
	assert_text(rv_child_field(&t.m, RV_HISTORY, n - 1, HIST_REC_ID), "SSR1-2");
	assert_int_equal(rv_rec_child_count(&t.m, r2, RV_HISTORY), 1);
	assert_int_equal(rv_rec_status(&t.m, r2, RV_DATE_NONE), RV_STATUS_COMPLETE);
	/* Undo finds the row by its values (the derived id among them) and takes it off. */
	assert_true(rv_undo(&t.s));
	assert_file(dir, "history.csv", jira_history);
	assert_int_equal(rv_rec_child_count(&t.m, r2, RV_HISTORY), 0);
	assert_true(rv_redo(&t.s));
	assert_int_equal(rv_rec_child_count(&t.m, r2, RV_HISTORY), 1);
	ts_close(&t);

	/* Read again, the row links the same way. */
	struct rv_model m;
	load_ok(&m, dir);
	r2 = rec_of(&m, "SSR1-2");
	assert_int_equal(rv_rec_child_count(&m, r2, RV_HISTORY), 1);
	assert_text(rv_child_field(&m, RV_HISTORY, 1, HIST_REC_ID), "SSR1-2");
	rv_model_free(&m);
}

/* A recommendation without an Issue id cannot be named through the link: refused, nothing written. */
static void test_append_refused_without_key(void **state)
{
	(void)state;
	const char *dir = jira_set("jira-nokey");
	struct ts t;
	ts_open(&t, dir);
	size_t r3 = rec_of(&t.m, "SSR1-3");
	assert_false(rv_change_status(&t.s, r3, "in progress", "started", "2026-11-23"));
	assert_has(t.s.error, "status_history.rec_id is read through recommendations.'Issue id' (recview.map:4)");
	assert_has(t.s.error, "'SSR1-3' has none there");
	assert_has(t.s.error, "nothing was changed");
	assert_int_equal(t.s.n, 0);
	assert_false(rv_session_has_unsaved(&t.s));
	assert_int_equal(rv_child_total(&t.m, RV_HISTORY), 1);
	assert_int_equal(rv_rec_status(&t.m, r3, RV_DATE_NONE), RV_STATUS_NOT_STARTED);
	assert_file(dir, "history.csv", jira_history);
	assert_file(dir, "Jira.csv", jira_recs);
	/* The link's column is what rows are named by: it is not a field anyone may set. */
	char why[512];
	assert_false(rv_model_field_settable(&t.m, RV_HISTORY, HIST_REC_ID, why, sizeof(why)));
	assert_has(why, "status_history.rec_id is read from 'Issue id' through a link (recview.map:4)");
	assert_false(rv_model_set_field(&t.m, RV_HISTORY, 0, HIST_REC_ID, LIT("SSR1-2")));
	ts_close(&t);
}

/* GitHub: a comment names its issue as "#2"; a new one is written the same way, and links. */
static void test_appended_row_in_the_column_frame(void **state)
{
	(void)state;
	const char *dir = make_set("github-frame");
	static const char issues[] = "number,title,labels\n"
				     "1,\"SSR1-1: Publish remit\",\"SSR1,status: complete\"\n"
				     "2,\"SSR1-2: Review remit\",\"SSR1,status: in progress\"\n";
	static const char comments[] = "issue,created,author,body\n"
				       "#1,2015-06-30T10:00:00,ssr-support,Published\n";
	write_test_file(dir, "issues.csv", issues);
	write_test_file(dir, "comments.csv", comments);
	write_test_file(dir, "recview.map",
			"recommendations.file = issues.csv\n"
			"notes.file = comments.csv\n"
			"recommendations.id = title ~ ^(SSR[0-9]+-[0-9.]+)\n"
			"recommendations.status = labels ~ status: ([a-z ]+)\n"
			"notes.rec_id = issue ~ [#]([0-9]+) -> recommendations.number\n"
			"notes.time = created\n"
			"notes.note = body\n");
	struct ts t;
	ts_open(&t, dir);
	size_t r2 = rec_of(&t.m, "SSR1-2");
	if (!rv_add_note(&t.s, r2, "Review started")) {
		print_error("%s\n", t.s.error);
		fail();
	}
	assert_file(dir, "comments.csv", "issue,created,author,body\n"
					 "#1,2015-06-30T10:00:00,ssr-support,Published\n"
					 "#2," NOW ",tester,Review started\n");
	assert_int_equal(rv_rec_child_count(&t.m, r2, RV_NOTES), 1);
	assert_text(rv_child_field(&t.m, RV_NOTES, 1, NOTE_REC_ID), "SSR1-2");
	/* The number the notes link through, and the labels a pattern reads, are not written. */
	char why[512];
	assert_false(rv_model_field_settable(&t.m, RV_RECS, REC_NUMBER, why, sizeof(why)));
	assert_has(why, "recommendations.number is what notes.rec_id links through (recview.map:5)");
	assert_false(rv_model_set_field(&t.m, RV_RECS, 0, REC_NUMBER, LIT("7")));
	assert_false(rv_change_status(&t.s, r2, "complete", NULL, "2026-11-23"));
	assert_has(t.s.error, "recommendations.status is read from 'labels' by a pattern (recview.map:4), so "
			      "recview does not write it");
	assert_file(dir, "issues.csv", issues);
	assert_int_equal(rv_rec_status(&t.m, r2, RV_DATE_NONE), RV_STATUS_PROGRESS);
	ts_close(&t);
}

/* A pattern without a link: the value in the column's frame ("[SSR1-2]"), else refused. */
static void test_pattern_frame_and_refusal(void **state)
{
	(void)state;
	const char *dir = make_set("pattern");
	write_test_file(dir, "recommendations.csv", "id,title\nSSR1-1,One\nSSR1-2,Two\nR3,Three\n");
	write_test_file(dir, "notes.csv", "ref,time,author,note\n[SSR1-1],2015-06-30T10:00:00,ann,First\n");
	write_test_file(dir, "recview.map", "notes.rec_id = ref ~ ^\\[(SSR[0-9]+-[0-9]+)\\]$\n");
	struct ts t;
	ts_open(&t, dir);
	assert_true(rv_add_note(&t.s, rec_of(&t.m, "SSR1-2"), "Second"));
	assert_file(dir, "notes.csv", "ref,time,author,note\n[SSR1-1],2015-06-30T10:00:00,ann,First\n"
				      "[SSR1-2]," NOW ",tester,Second\n");
	assert_int_equal(rv_rec_child_count(&t.m, rec_of(&t.m, "SSR1-2"), RV_NOTES), 1);
	/* "R3" is no id the pattern takes: no text in that column would read back as it. */
	assert_false(rv_add_note(&t.s, rec_of(&t.m, "R3"), "Third"));
	assert_has(t.s.error, "notes.rec_id is read from 'ref' by a pattern (recview.map:1), and no text "
			      "written there would read back as 'R3'");
	assert_int_equal(t.s.n, 1);
	assert_int_equal(rv_child_total(&t.m, RV_NOTES), 2);
	ts_close(&t);
}

/* A refused change leaves the log alone: what could be redone still can be. */
static void test_refusal_keeps_redo(void **state)
{
	(void)state;
	const char *dir = jira_set("jira-redo");
	struct ts t;
	ts_open(&t, dir);
	assert_true(rv_add_note(&t.s, rec_of(&t.m, "SSR1-1"), "kept"));
	assert_true(rv_undo(&t.s));
	assert_false(rv_change_status(&t.s, rec_of(&t.m, "SSR1-3"), "complete", NULL, "2026-11-23"));
	assert_true(rv_redo(&t.s));
	assert_int_equal(rv_rec_child_count(&t.m, rec_of(&t.m, "SSR1-1"), RV_NOTES), 1);
	ts_close(&t);
}

/* Two fields of one column in a new row would need two values there: refused. */
static void test_two_fields_one_column(void **state)
{
	(void)state;
	const char *dir = make_set("one-column");
	write_test_file(dir, "recommendations.csv", "id,title\nSSR1-1,One\n");
	write_test_file(dir, "notes.csv", "rec_id,time,body\nSSR1-1,2015-06-30T10:00:00,First\n");
	write_test_file(dir, "recview.map", "notes.author = body\nnotes.note = body\n");
	struct ts t;
	ts_open(&t, dir);
	assert_false(rv_add_note(&t.s, 0, "Second"));
	assert_has(t.s.error, "notes.author and notes.note are one column");
	assert_file(dir, "notes.csv", "rec_id,time,body\nSSR1-1,2015-06-30T10:00:00,First\n");
	ts_close(&t);
}

/* Someone else added a history row meanwhile: the merge makes ours again on the files as they are,
 * and the row appended there is derived by the rule too. */
static void test_appended_after_merge(void **state)
{
	(void)state;
	const char *dir = jira_set("jira-merge");
	struct ts t;
	ts_open(&t, dir);
	write_test_file(dir, "history.csv", "Issue id,Date,Status,Source,Note\n"
					    "10001,2015-06-30,complete,jira,\n"
					    "10001,2016-01-01,complete,jira,again\n");
	assert_false(rv_change_status(&t.s, rec_of(&t.m, "SSR1-2"), "complete", NULL, "2026-11-23"));
	assert_true(t.s.conflict);
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	load_ok(fresh, dir);
	assert_true(rv_session_merge(&t.s, fresh));
	free(fresh);
	assert_file(dir, "history.csv", "Issue id,Date,Status,Source,Note\n"
					"10001,2015-06-30,complete,jira,\n"
					"10001,2016-01-01,complete,jira,again\n"
					"10002,2026-11-23,complete,recview: tester,\n");
	size_t r2 = rec_of(&t.m, "SSR1-2");
	assert_int_equal(rv_rec_child_count(&t.m, r2, RV_HISTORY), 1);
	assert_text(rv_child_field(&t.m, RV_HISTORY, 2, HIST_REC_ID), "SSR1-2");
	assert_true(rv_undo(&t.s));
	assert_int_equal(rv_rec_child_count(&t.m, r2, RV_HISTORY), 0);
	ts_close(&t);
}

/* The model alone: rows appended get the rule's value; a field or column a rule reads is never set. */
static void test_model_rows_and_columns(void **state)
{
	(void)state;
	const char *dir = make_set("model");
	write_test_file(dir, "recommendations.csv", "Summary,Parent\nSSR1-1: One,\nSSR1-2: Two,\n");
	write_test_file(dir, "recview.map",
			"recommendations.id = Summary ~ ^(SSR[0-9]+-[0-9]+)\n"
			"recommendations.title = Summary\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_text(rv_rec_id(&m, 1), "SSR1-2");
	char why[512];
	/* The title is the whole cell the id is read from: setting it would change the id. */
	assert_false(rv_model_field_settable(&m, RV_RECS, REC_TITLE, why, sizeof(why)));
	assert_has(why, "recommendations.title is column 'Summary', from which recommendations.id is read too "
			"(recview.map:1)");
	assert_false(rv_model_set_field(&m, RV_RECS, 0, REC_TITLE, LIT("SSR9-9: else")));
	assert_text(rv_rec_id(&m, 0), "SSR1-1");
	assert_false(rv_model_field_settable(&m, RV_RECS, REC_ID, why, sizeof(why)));
	assert_has(why, "recommendations.id is read from 'Summary' by a pattern (recview.map:1)");
	/* Rows added to a table with a derived field: the rule reads their cells, not the raw text. */
	struct rv_model n;
	const char *dir2 = make_set("model-notes");
	write_test_file(dir2, "recommendations.csv", "id,title\nSSR1-1,One\n");
	write_test_file(dir2, "notes.csv", "rec_id,time,author,note\n");
	write_test_file(dir2, "recview.map", "notes.rec_id = note ~ ^\\[([^]]+)\\]\nnotes.note = note\n");
	load_ok(&n, dir2);
	const struct rv_field_value values[] = {{NOTE_AUTHOR, "ann"}, {NOTE_TEXT, "[SSR1-1] first"}};
	uint32_t row = rv_model_append_child(&n, RV_NOTES, values, 2);
	assert_text(rv_row_field(&n, RV_NOTES, row, NOTE_REC_ID), "SSR1-1");
	assert_text(rv_row_field(&n, RV_NOTES, row, NOTE_TEXT), "[SSR1-1] first");
	assert_int_equal(rv_rec_child_count(&n, 0, RV_NOTES), 1);
	/* Taken off and added again with another value: the value follows the cell. */
	rv_model_remove_row(&n, RV_NOTES, row);
	assert_int_equal(rv_rec_child_count(&n, 0, RV_NOTES), 0);
	const struct rv_field_value other[] = {{NOTE_TEXT, "[SSR7-7] elsewhere"}};
	row = rv_model_append_child(&n, RV_NOTES, other, 1);
	assert_text(rv_row_field(&n, RV_NOTES, row, NOTE_REC_ID), "SSR7-7");
	assert_int_equal(rv_rec_child_count(&n, 0, RV_NOTES), 0);
	rv_model_free(&n);
	rv_model_free(&m);
}

int run_derived_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appended_row_through_link),  cmocka_unit_test(test_append_refused_without_key),
		cmocka_unit_test(test_appended_row_in_the_column_frame), cmocka_unit_test(test_pattern_frame_and_refusal),
		cmocka_unit_test(test_refusal_keeps_redo),         cmocka_unit_test(test_two_fields_one_column),
		cmocka_unit_test(test_appended_after_merge),       cmocka_unit_test(test_model_rows_and_columns),
	};
	return cmocka_run_group_tests_name("derived", tests, setup, teardown);
}
