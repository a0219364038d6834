/*
 * test_activity.c - the log of every change a data set records (activity.h): one entry per history
 * status or decision (old value from the entry before), note, agenda entry and changes.csv row;
 * newest first with undated history kept in the model's order; authors from each source; the
 * filter (author:, changed:, item:, kind:, words, negation, errors) and the lines of "recview log".
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/activity.h"
#include "recview/activity_sort.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/strbuf.h"
#include "recview/triage.h"

static char dir[64];

static const char recs_csv[] = "id,title,status,decision\n"
			       "R-1,First,complete,approved\n"
			       "R-2,Second,in progress,\n"
			       "S-1,Third,,\n";
static const char history_csv[] = "rec_id,date,decision,status,source,note\n"
				  "R-1,2016-06-30,,in progress,report.txt,started\n"
				  "R-1,TBD,,behind schedule,report.txt,\n"
				  "R-1,2026-11-20,approved,complete,recview: alice,done at last\n"
				  "R-2,2015-01-10,,not started,,\n"
				  "R-2,2026-11-25,,in progress,recview: bob,\n";
static const char notes_csv[] = "rec_id,time,author,note\n"
				"R-1,2026-11-30T09:00:00,alice,first thoughts\n"
				"R-2,2026-12-01T08:00:00,bob,\"a note\x1b[31m with an escape\ton a tab\"\n";
static const char agenda_csv[] = "rec_id,added,author\n"
				 "R-2,2026-11-28T12:00:00,carol\n";
static const char changes_csv[] = "rec_id,item,field,value,previous,time,author,note\n"
				  "R-1,N2026-11-30T09:00:00,note,second thoughts,first thoughts,2026-12-01T10:00:00,alice,\n"
				  "S-1,,owner,OCTO,,2026-11-02T09:30:00,dave,\"handed over\"\n";

static int setup(void **state)
{
	*state = dir; /* drop_test_set removes it */
	static const struct test_file files[] = {
		{"recommendations.csv", recs_csv},
		{"status_history.csv", history_csv},
		{"notes.csv", notes_csv},
		{"agenda.csv", agenda_csv},
		{"changes.csv", changes_csv},
		{NULL, NULL},
	};
	return make_test_set(dir, sizeof(dir), "activity", files);
}

/* The lines of "recview log" for the entries the filter keeps, joined. */
static char *log_text(const struct rv_model *m, const char *filter)
{
	char err[256];
	struct rv_activity_filter *f = rv_activity_filter_parse(filter, err, sizeof(err));
	if (!f) {
		print_error("filter %s: %s\n", filter, err);
		fail();
	}
	struct rv_activity *e;
	size_t n = rv_activity_build(m, &e);
	struct strbuf out;
	sb_init(&out);
	for (size_t i = 0; i < n; i++)
		if (rv_activity_match(f, m, &e[i])) {
			rv_activity_line(m, &e[i], &out);
			sb_addc(&out, '\n');
		}
	free(e);
	rv_activity_filter_free(f);
	return sb_detach(&out);
}

static void assert_log(const struct rv_model *m, const char *filter, const char *want)
{
	char *got = log_text(m, filter);
	if (strcmp(got, want) != 0) {
		print_error("filter [%s]\n got:\n%s\nwant:\n%s\n", filter, got, want);
		free(got);
		fail();
	}
	free(got);
}

static void test_every_source_newest_first(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	assert_log(&m, "",
		   "2026-12-01T10:00:00\talice\tR-1\tN2026-11-30T09:00:00\tnote\tfirst thoughts\tsecond thoughts\t\n"
		   "2026-12-01T08:00:00\tbob\tR-2\tN2026-12-01T08:00:00\tnote\t\ta note^[[31m with an escape     on a tab\t\n"
		   "2026-11-30T09:00:00\talice\tR-1\tN2026-11-30T09:00:00\tnote\t\tfirst thoughts\t\n"
		   "2026-11-28T12:00:00\tcarol\tR-2\t\tagenda\t\ton the agenda\t\n"
		   "2026-11-25\tbob\tR-2\t\tstatus\tnot started\tin progress\t\n"
		   "2026-11-20\talice\tR-1\t\tstatus\tbehind schedule\tcomplete\tdone at last\n"
		   "2026-11-20\talice\tR-1\t\tdecision\t\tapproved\tdone at last\n"
		   "2026-11-02T09:30:00\tdave\tS-1\t\towner\t\tOCTO\thanded over\n"
		   "undated\treport.txt\tR-1\t\tstatus\tin progress\tbehind schedule\t\n"
		   "2016-06-30\treport.txt\tR-1\t\tstatus\t\tin progress\tstarted\n"
		   "2015-01-10\t\tR-2\t\tstatus\t\tnot started\t\n");
	rv_model_free(&m);
}

/* The authors (or ids) of the log in an order, joined by spaces. */
static void check_sorted(const struct rv_model *m, const char *key, bool by_id, const char *want)
{
	struct rv_activity *e;
	size_t n = rv_activity_build(m, &e);
	uint32_t *order = calloc(n + 1, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	int k;
	bool reverse;
	assert_true(rv_activity_sort_parse(key, &k, &reverse));
	rv_activity_sort(m, e, order, n, k, reverse);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		struct rv_text t = by_id ? rv_activity_rec_id(m, &e[order[i]]) : rv_activity_author(m, &e[order[i]]);
		sb_addf(&sb, "%s%.*s", i ? " " : "", t.len ? (int)t.len : 1, t.len ? t.ptr : "-");
	}
	if (strcmp(sb.data, want) != 0)
		print_error("sort %s: got '%s', want '%s'\n", key, sb.data, want);
	assert_string_equal(sb.data, want);
	sb_free(&sb);
	free(order);
	free(e);
}

static void test_sort(void **state)
{
	(void)state;
	struct rv_model m;
	int k;
	bool reverse;
	load_ok(&m, dir);
	assert_false(rv_activity_sort_parse("date", &k, &reverse));
	check_sorted(&m, "newest", false, "alice bob alice carol bob alice alice dave report.txt report.txt -");
	check_sorted(&m, "oldest", false, "- report.txt report.txt dave alice alice bob carol alice bob alice");
	/* Equal keys stay newest first; no author last (first reversed, as the list's sort). */
	check_sorted(&m, "author", false, "alice alice alice alice bob bob carol dave report.txt report.txt -");
	check_sorted(&m, "-author", false, "- report.txt report.txt dave carol bob bob alice alice alice alice");
	check_sorted(&m, "id", true, "R-1 R-1 R-1 R-1 R-1 R-1 R-2 R-2 R-2 R-2 S-1");
	rv_model_free(&m);
}

static void test_entry_fields(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	struct rv_activity *e;
	size_t n = rv_activity_build(&m, &e);
	assert_int_equal(n, 11);
	/* The undated entry sits right after the dated one before it in the file, and says so. */
	assert_true(e[8].undated);
	char date[32];
	rv_activity_date(&e[8], date, sizeof(date));
	assert_string_equal(date, "");
	/* A history entry opens as itself, a note as itself, an amendment as its note, an agenda row as
	 * its recommendation. */
	struct rv_item it;
	assert_true(rv_activity_item(&m, &e[0], &it));
	assert_int_equal(it.kind, RV_NOTES);
	assert_int_equal(it.index, 0);
	assert_true(rv_activity_item(&m, &e[3], &it));
	assert_int_equal(it.kind, RV_RECS);
	assert_int_equal(it.index, 1);
	assert_true(rv_activity_item(&m, &e[4], &it));
	assert_int_equal(it.kind, RV_HISTORY);
	bool ours;
	struct rv_text who = rv_history_author(&m, it.index, &ours);
	assert_true(ours);
	assert_int_equal(who.len, 3);
	assert_memory_equal(who.ptr, "bob", 3);
	who = rv_history_author(&m, 0, &ours);
	assert_false(ours);
	assert_int_equal(who.len, strlen("report.txt"));
	free(e);
	rv_model_free(&m);
}

static void test_filters(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	assert_log(&m, "author:alice kind:status", "2026-11-20\talice\tR-1\t\tstatus\tbehind schedule\tcomplete\tdone at last\n");
	assert_log(&m, "changed:>2026-11-30 -kind:note", "");
	assert_log(&m, "changed:2026-11 kind:owner", "2026-11-02T09:30:00\tdave\tS-1\t\towner\t\tOCTO\thanded over\n");
	/* Undated entries never match a date; -changed: keeps them. */
	assert_log(&m, "changed:<2016 item:r-", "2015-01-10\t\tR-2\t\tstatus\t\tnot started\t\n");
	char *all = log_text(&m, "item:R -changed:>=2000");
	assert_string_equal(all, "undated\treport.txt\tR-1\t\tstatus\tin progress\tbehind schedule\t\n");
	free(all);
	/* item: is a prefix of the id; words look in the values and notes. */
	assert_log(&m, "item:S", "2026-11-02T09:30:00\tdave\tS-1\t\towner\t\tOCTO\thanded over\n");
	assert_log(&m, "\"handed over\"", "2026-11-02T09:30:00\tdave\tS-1\t\towner\t\tOCTO\thanded over\n");
	assert_log(&m, "second kind:NOTE",
		   "2026-12-01T10:00:00\talice\tR-1\tN2026-11-30T09:00:00\tnote\tfirst thoughts\tsecond thoughts\t\n");
	char err[256];
	assert_null(rv_activity_filter_parse("who:alice", err, sizeof(err)));
	assert_string_equal(err, "unknown field 'who' at 1 (fields: author, changed, item, kind)");
	assert_null(rv_activity_filter_parse("kind:x", err, sizeof(err)));
	assert_non_null(strstr(err, "unknown kind 'x' at 1 (kinds: status, decision"));
	assert_null(rv_activity_filter_parse("a changed:>2026-13", err, sizeof(err)));
	assert_non_null(strstr(err, "bad date '2026-13' after 'changed:' at 3"));
	assert_null(rv_activity_filter_parse("author:", err, sizeof(err)));
	assert_string_equal(err, "missing value after 'author:' at 8");
	/* A term added whole: a name with a space in it. */
	struct rv_activity_filter *f = rv_activity_filter_parse("", err, sizeof(err));
	assert_true(rv_activity_filter_add(f, "author", "report.txt", err, sizeof(err)));
	assert_true(rv_activity_filter_add(f, "changed", ">=2016", err, sizeof(err)));
	assert_false(rv_activity_filter_add(f, "changed", ">=soon", err, sizeof(err)));
	struct rv_activity *e;
	size_t n = rv_activity_build(&m, &e), kept = 0;
	for (size_t i = 0; i < n; i++)
		kept += rv_activity_match(f, &m, &e[i]);
	assert_int_equal(kept, 1);
	free(e);
	rv_activity_filter_free(f);
	rv_model_free(&m);
}

/* Changes made in a session are entries at once, with the session's author. */
static void test_session_changes_logged(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", "2026-12-02T10:15:00", 1);
	struct rv_model m;
	load_ok(&m, dir);
	struct rv_session s;
	rv_session_open(&s, &m, "erin", false);
	assert_true(rv_change_decision(&s, 1, "rejected", "not now", NULL));
	assert_true(rv_change_item_field(&s, (struct rv_item){RV_RECS, 2}, REC_OWNER, "Legal", NULL));
	assert_log(&m, "author:erin",
		   "2026-12-02T10:15:00\terin\tS-1\t\towner\tOCTO\tLegal\t\n"
		   "2026-12-02\terin\tR-2\t\tdecision\t\trejected\tnot now\n");
	rv_session_free(&s);
	rv_model_free(&m);
	unsetenv("RECVIEW_NOW");
}

/* Time stamps as files write them: a time after a space, a date alone (the start of its day), none. */
static void test_time_stamps(void **state)
{
	(void)state;
	write_test_file(dir, "notes.csv", "rec_id,time,author,note\n"
					  "R-1,soon,ann,undated note\n"
					  "R-1,30/11/2026,ann,a date alone\n"
					  "R-1,2026-11-30 9:30,ann,a time after a space\n");
	write_test_file(dir, "changes.csv", "rec_id,item,field,value,previous,time,author,note\n");
	write_test_file(dir, "agenda.csv", "rec_id,added,author\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_log(&m, "author:ann",
		   "2026-11-30T09:30:00\tann\tR-1\tN2026-11-30 9:30\tnote\t\ta time after a space\t\n"
		   "2026-11-30\tann\tR-1\tN30/11/2026\tnote\t\ta date alone\t\n"
		   "undated\tann\tR-1\tNsoon\tnote\t\tundated note\t\n");
	assert_log(&m, "author:ann changed:2026-11-30", "2026-11-30T09:30:00\tann\tR-1\tN2026-11-30 9:30\tnote\t\ta time after a space\t\n"
							"2026-11-30\tann\tR-1\tN30/11/2026\tnote\t\ta date alone\t\n");
	rv_model_free(&m);
}

int run_activity_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_source_newest_first, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_entry_fields, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_sort, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_filters, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_session_changes_logged, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_time_stamps, setup, drop_test_set),
	};
	return cmocka_run_group_tests_name("activity", tests, NULL, NULL);
}
