/*
 * test_mapping.c - recview.map: every setting read, every bad line reported at its line and column
 * with the rest applied, the dialect it states taken over detection, columns, patterns, a link
 * through another column and value maps applied when the model loads.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "recview/dialect.h"
#include "recview/entity.h"
#include "recview/mapping.h"
#include "recview/model.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/recview-mapping-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

static void parse_map(struct rv_mapping *mp, struct diag_list *dl, const char *text)
{
	rv_mapping_init(mp);
	diag_list_init(dl);
	rv_mapping_parse(mp, "recview.map", text, strlen(text), dl);
}

static void print_diags(const struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		char *line = diag_line(&dl->items[i]);
		print_message("%s\n", line);
		free(line);
	}
}

static void test_every_setting(void **state)
{
	(void)state;
	struct rv_mapping mp;
	struct diag_list dl;
	parse_map(&mp, &dl,
		  "# a comment\n"
		  "\n"
		  "recommendations.file = SSR tracker.csv   # a comment after a value\n"
		  "encoding = Windows-1252\n"
		  "delimiter = ;\n"
		  "header_line = 3\n"
		  "date_order = day-first\n"
		  "deliverables.encoding = utf-8\n"
		  "deliverables.delimiter = tab\n"
		  "deliverables.header_line = 1\n"
		  "deliverables.date_order = month-first\n"
		  "recommendations.id = Rec. No.\n"
		  "recommendations.number =\n"
		  "recommendations.title = title ~ ^SSR[0-9]+-[0-9.]+: (.*)$\n"
		  "deliverables.rec_id = Parent id -> recommendations.Issue id\n"
		  "status \"On hold\" = behind schedule\n"
		  "deliverables.status CLOSED = complete\n"
		  "decision Deferred = pending\n"
		  "priority High = P2\n"
		  "priority Medium =\n"
		  "notes.author = \"Rec #\"\n");
	print_diags(&dl);
	assert_int_equal(dl.n, 0);
	assert_string_equal(mp.tables[RV_RECS].file, "SSR tracker.csv");
	struct csv_dialect d = rv_mapping_dialect(&mp, RV_RECS);
	assert_true(d.has_encoding);
	assert_int_equal(d.encoding, RV_ENC_CP1252);
	assert_int_equal(d.delim, ';');
	assert_int_equal(d.header_line, 3);
	d = rv_mapping_dialect(&mp, RV_DELIVERABLES);
	assert_int_equal(d.encoding, RV_ENC_UTF8);
	assert_int_equal(d.delim, '\t');
	assert_int_equal(d.header_line, 1);
	enum rv_date_order order;
	assert_true(rv_mapping_date_order(&mp, RV_RECS, &order));
	assert_int_equal(order, RV_DATE_DAY_FIRST);
	assert_true(rv_mapping_date_order(&mp, RV_DELIVERABLES, &order));
	assert_int_equal(order, RV_DATE_MONTH_FIRST);
	assert_false(rv_mapping_date_order(NULL, RV_RECS, &order));

	assert_int_equal(mp.nfields, 5);
	assert_int_equal(mp.fields[0].field, REC_ID);
	assert_string_equal(mp.fields[0].column, "Rec. No.");
	assert_int_equal(mp.fields[0].line, 12);
	assert_int_equal(mp.fields[0].col, 22);
	assert_int_equal(mp.fields[1].field, REC_NUMBER);
	assert_null(mp.fields[1].column);
	assert_true(mp.fields[2].has_pattern);
	assert_string_equal(mp.fields[2].column, "title");
	size_t start, len;
	const char *title = "SSR1-11: Effectiveness";
	assert_true(rv_map_field_extract(&mp.fields[2], title, strlen(title), &start, &len));
	assert_int_equal(start, 9);
	assert_int_equal(len, strlen("Effectiveness"));
	assert_false(rv_map_field_extract(&mp.fields[2], "no id here", 10, &start, &len));
	assert_int_equal(mp.fields[3].kind, RV_DELIVERABLES);
	assert_int_equal(mp.fields[3].field, DEL_REC_ID);
	assert_true(mp.fields[3].has_link);
	assert_int_equal(mp.fields[3].link_kind, RV_RECS);
	assert_string_equal(mp.fields[3].column, "Parent id");
	assert_string_equal(mp.fields[3].link_column, "Issue id");
	assert_string_equal(mp.fields[4].column, "Rec #"); /* quoted: the # is no comment */

	int v;
	assert_true(rv_mapping_value(&mp, RV_RECS, RV_MAP_STATUS, LIT(" on HOLD "), &v));
	assert_int_equal(v, RV_STATUS_BEHIND);
	assert_true(rv_mapping_value(&mp, RV_DELIVERABLES, RV_MAP_STATUS, LIT("closed"), &v));
	assert_int_equal(v, RV_STATUS_COMPLETE);
	assert_false(rv_mapping_value(&mp, RV_RECS, RV_MAP_STATUS, LIT("CLOSED"), &v)); /* deliverables only */
	assert_true(rv_mapping_value(&mp, RV_RECS, RV_MAP_DECISION, LIT("Deferred"), &v));
	assert_int_equal(v, RV_DECISION_PENDING);
	assert_true(rv_mapping_value(&mp, RV_RECS, RV_MAP_PRIORITY, LIT("High"), &v));
	assert_int_equal(v, 2);
	assert_true(rv_mapping_value(&mp, RV_RECS, RV_MAP_PRIORITY, LIT("Medium"), &v));
	assert_int_equal(v, 0);
	assert_false(rv_mapping_value(&mp, RV_RECS, RV_MAP_PRIORITY, LIT("Low"), &v));
	rv_mapping_free(&mp);
	diag_list_free(&dl);
}

/* A table's own value map wins over one for every table, whatever their order. */
static void test_table_value_map_first(void **state)
{
	(void)state;
	struct rv_mapping mp;
	struct diag_list dl;
	parse_map(&mp, &dl, "deliverables.status Open = in progress\nstatus Open = not started\n");
	int v;
	assert_true(rv_mapping_value(&mp, RV_DELIVERABLES, RV_MAP_STATUS, LIT("Open"), &v));
	assert_int_equal(v, RV_STATUS_PROGRESS);
	assert_true(rv_mapping_value(&mp, RV_RECS, RV_MAP_STATUS, LIT("Open"), &v));
	assert_int_equal(v, RV_STATUS_NOT_STARTED);
	rv_mapping_free(&mp);
	diag_list_free(&dl);
}

static void test_every_error(void **state)
{
	(void)state;
	struct rv_mapping mp;
	struct diag_list dl;
	parse_map(&mp, &dl,
		  "colour = blue\n"                               /* 1 */
		  "tables.file = x.csv\n"                         /* 2 */
		  "recommendations.colour = Colour\n"             /* 3 */
		  "encoding = EBCDIC\n"                           /* 4 */
		  "delimiter = :\n"                               /* 5 */
		  "header_line = zero\n"                          /* 6 */
		  "date_order = year-first\n"                     /* 7 */
		  "recommendations.file = ../other.csv\n"         /* 8 */
		  "recommendations.id = title ~ ([a-z\n"          /* 9 */
		  "deliverables.rec_id = Parent -> nowhere\n"     /* 10 */
		  "status Done = whenever\n"                      /* 11 */
		  "status \"Done = complete\n"                    /* 12 */
		  "priority Top\n"                                /* 13 */
		  "recommendations.id\n"                          /* 14 */
		  "decision Deferred = maybe\n"                   /* 15 */
		  "priority Top = P9\n"                           /* 16 */
		  "recommendations.id = ~ x\n"                    /* 17 */
		  "recommendations.id = Rec. No.\n");             /* 18: good, applied */
	print_diags(&dl);
	assert_int_equal(dl.n, 17);
	assert_diag(&dl, 0, DIAG_WARNING, 1, 1, "unknown setting 'colour'");
	assert_diag(&dl, 1, DIAG_WARNING, 2, 1, "unknown table 'tables'");
	assert_diag(&dl, 2, DIAG_WARNING, 3, 17, "unknown field 'colour' of recommendations");
	assert_diag(&dl, 3, DIAG_WARNING, 4, 12, "unknown encoding 'EBCDIC'");
	assert_diag(&dl, 4, DIAG_WARNING, 5, 13, "unknown delimiter ':'");
	assert_diag(&dl, 5, DIAG_WARNING, 6, 15, "header_line must be a line number");
	assert_diag(&dl, 6, DIAG_WARNING, 7, 14, "date_order must be day-first or month-first");
	assert_diag(&dl, 7, DIAG_WARNING, 8, 24, "must be a file name in the data set directory");
	assert_diag(&dl, 8, DIAG_WARNING, 9, 30, "bad regular expression '([a-z'");
	assert_diag(&dl, 9, DIAG_WARNING, 10, 33, "a link names TABLE.COLUMN");
	assert_diag(&dl, 10, DIAG_WARNING, 11, 15, "unknown status 'whenever'");
	assert_diag(&dl, 11, DIAG_WARNING, 12, 8, "a quote is not closed");
	assert_diag(&dl, 12, DIAG_WARNING, 13, 10, "a value map is WORD = VALUE");
	assert_diag(&dl, 13, DIAG_WARNING, 14, 19, "expected '=' after 'recommendations.id'");
	assert_diag(&dl, 14, DIAG_WARNING, 15, 21, "unknown decision 'maybe'");
	assert_diag(&dl, 15, DIAG_WARNING, 16, 16, "unknown priority 'P9'");
	assert_diag(&dl, 16, DIAG_WARNING, 17, 22, "a pattern or a link needs a column");
	for (size_t i = 0; i < dl.n; i++) {
		char *line = diag_line(&dl.items[i]);
		bool ignored = strstr(line, "the line is ignored") != NULL;
		free(line);
		assert_true(ignored);
	}
	assert_int_equal(mp.nfields, 1);
	assert_string_equal(mp.fields[0].column, "Rec. No.");
	assert_null(mp.tables[RV_RECS].file);
	struct csv_dialect d = rv_mapping_dialect(&mp, RV_RECS);
	assert_false(d.has_encoding);
	assert_int_equal(d.delim, 0);
	assert_int_equal(d.header_line, 0);
	rv_mapping_free(&mp);
	diag_list_free(&dl);
}

/* ---- what a mapping states, over detection ---- */

static void parse_as(struct csv_table *t, struct diag_list *dl, const char *data, const struct csv_dialect *d)
{
	diag_list_init(dl);
	assert_int_equal(csv_table_parse_as(t, "t.csv", data, strlen(data), d, dl), RV_OK);
}

static void test_stated_delimiter(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	/* Detection takes the comma (two fields a row either way: the comma wins a tie); the mapping says
	 * semicolon. */
	struct csv_dialect d = {.delim = ';'};
	parse_as(&t, &dl, "id,x;text\nSSR1-1,y;a\nSSR1-2,z;b\n", &d);
	assert_int_equal(csv_table_delim(&t), ';');
	assert_int_equal(t.ncols, 2);
	assert_header_eq(&t, 0, "id,x");
	assert_cell_eq(&t, 0, 1, LIT("a"));
	assert_int_equal(t.stated.delim, ';');
	csv_table_free(&t);
	diag_list_free(&dl);
	parse_as(&t, &dl, "id,x;text\nSSR1-1,y;a\nSSR1-2,z;b\n", NULL);
	assert_int_equal(csv_table_delim(&t), ',');
	csv_table_free(&t);
	diag_list_free(&dl);
}

static void test_stated_encoding(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	/* Valid UTF-8 would be read as such; the mapping says Windows-1252. */
	struct csv_dialect d = {.has_encoding = true, .encoding = RV_ENC_CP1252};
	parse_as(&t, &dl, "id,text\nSSR1-1,caf\xC3\xA9\n", &d);
	assert_int_equal(t.encoding, RV_ENC_CP1252);
	assert_cell_eq(&t, 0, 1, LIT("caf\xC3\x83\xC2\xA9"));
	csv_table_free(&t);
	diag_list_free(&dl);
	/* A stated UTF-16 that the bytes are not: an error naming the mapping, not a crash. */
	d.encoding = RV_ENC_UTF16LE;
	diag_list_init(&dl);
	assert_int_equal(csv_table_parse_as(&t, "t.csv", LIT("id,text\n1,x\n1"), &d, &dl), RV_E_UNREADABLE);
	assert_diag(&dl, 0, DIAG_ERROR, 0, 0, "as the mapping says");
	diag_list_free(&dl);
}

static void test_stated_header_line(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	/* The first row is header-like (two cells), so detection would take it: the mapping says line 3. */
	struct csv_dialect d = {.header_line = 3};
	parse_as(&t, &dl, "Tracker,2016\n\nid,title,status\nSSR1-1,A,complete\n", &d);
	assert_int_equal(t.header_line, 3);
	assert_header_eq(&t, 0, "id");
	assert_int_equal(t.nrows, 1);
	assert_cell_eq(&t, 0, 0, LIT("SSR1-1"));
	assert_diag(&dl, 0, DIAG_NOTE, 1, 1, "the mapping puts it lower");
	csv_table_free(&t);
	diag_list_free(&dl);
	/* A line where no row starts: a warning, and the header found as usual. */
	d.header_line = 9;
	parse_as(&t, &dl, "id,title\nSSR1-1,A\n", &d);
	assert_int_equal(t.header_line, 1);
	assert_diag(&dl, 0, DIAG_WARNING, 9, 1, "no row starts");
	csv_table_free(&t);
	diag_list_free(&dl);
}

/* Semicolons inside quoted, multi-line comments (Jira's "date;author;text") make many short rows
 * when read as separators: the comma, whose rows agree on many fields, is the separator. */
static void test_separator_inside_quotes(void **state)
{
	(void)state;
	const char *jira = "Summary,Issue key,Issue id,Parent id,Type,Status,Priority,Comment\n"
			   "A,SSR-1,1,,Task,Done,Low,\"18/Mar/14;ssr;status: complete\nline\n30/Jun/15;ssr;done\n30/Jun/16;ssr;x\"\n"
			   "B,SSR-2,2,,Task,Done,Low,\"18/Mar/14;ssr;status: complete\nline\n30/Jun/15;ssr;done\n30/Jun/16;ssr;x\"\n";
	assert_int_equal(csv_sniff_delimiter(jira, strlen(jira)), ',');
	const char *europe = "id;number;text\nSSR2-5.4;5,4;a, b\nSSR2-1.1;1,1;c\n";
	assert_int_equal(csv_sniff_delimiter(europe, strlen(europe)), ';');
}

/* ---- applied when a data set loads ---- */

static const char *make_set(const char *name)
{
	static char dir[256];
	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	assert_int_equal(mkdir(dir, 0700), 0);
	return dir;
}

static void assert_text(struct rv_text t, const char *want)
{
	if (t.len != strlen(want) || memcmp(t.ptr, want, t.len) != 0)
		print_error("got '%.*s', want '%s'\n", (int)t.len, t.ptr, want);
	assert_true(t.len == strlen(want) && memcmp(t.ptr, want, t.len) == 0);
}

/* Jira: the id in a custom field, a sub-task's numeric parent pointing at the parent's Issue id. */
static void test_link_through_column(void **state)
{
	(void)state;
	const char *dir = make_set("jira");
	write_test_file(dir, "Jira.csv",
			"Summary,Issue id,Parent id,Status,Priority,Custom field (Recommendation ID)\n"
			"Publish remit,10001,,Done,Highest,SSR1-1\n"
			"Review remit,10002,,On hold,Medium,SSR1-2\n");
	write_test_file(dir, "Jira (1).csv",
			"Summary,Issue id,Parent id,Status\n"
			"Post comment,10016,10001,Done\n"
			"Publish,10017,10001,To Do\n"
			"Review,10018,10002,Done\n"
			"Orphan,10019,99999,Done\n");
	write_test_file(dir, "recview.map",
			"recommendations.file = Jira.csv\n"
			"deliverables.file = Jira (1).csv\n"
			"recommendations.id = Custom field (Recommendation ID)\n"
			"deliverables.rec_id = Parent id -> recommendations.Issue id\n"
			"deliverables.description = Summary\n"
			"status \"On hold\" = behind schedule\n"
			"status Done = complete\n"
			"deliverables.status \"To Do\" = not started\n"
			"priority Highest = P1\n"
			"priority Medium =\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.nrecs, 2);
	long r1 = rv_find_rec(&m, LIT("SSR1-1")), r2 = rv_find_rec(&m, LIT("SSR1-2"));
	assert_true(r1 >= 0 && r2 >= 0);
	assert_int_equal(rv_rec_child_count(&m, (size_t)r1, RV_DELIVERABLES), 2);
	assert_int_equal(rv_rec_child_count(&m, (size_t)r2, RV_DELIVERABLES), 1);
	assert_int_equal(m.recs[r1].status, RV_STATUS_COMPLETE);
	assert_int_equal(m.recs[r2].status, RV_STATUS_BEHIND);
	assert_int_equal(m.recs[r1].priority, 1);
	assert_int_equal(m.recs[r2].priority, 0);
	assert_int_equal(m.children[RV_DELIVERABLES][1].status, RV_STATUS_NOT_STARTED);
	/* The link field reads as the parent's id; the unknown parent is reported as written. */
	assert_text(rv_child_field(&m, RV_DELIVERABLES, 0, DEL_REC_ID), "SSR1-1");
	assert_int_equal(m.children[RV_DELIVERABLES][3].rec, -1);
	bool reported = false;
	for (size_t i = 0; i < m.diags.n; i++) {
		char *line = diag_line(&m.diags.items[i]);
		if (strstr(line, "Jira (1).csv:5:") && strstr(line, "unknown recommendation '99999'"))
			reported = true;
		free(line);
	}
	assert_true(reported);
	/* Read-only: writing the link would replace the Parent id. */
	assert_false(rv_model_set_field(&m, RV_DELIVERABLES, 0, DEL_REC_ID, LIT("SSR1-2")));
	rv_model_free(&m);
}

/* GitHub: the id and the status taken from the title and the labels by patterns. */
static void test_patterns(void **state)
{
	(void)state;
	const char *dir = make_set("github");
	write_test_file(dir, "issues.csv",
			"\"number\",\"title\",\"state\",\"labels\"\n"
			"1,\"SSR1-1: Publish remit\",\"CLOSED\",\"SSR1,status: complete,P2\"\n"
			"2,\"SSR1-2: Review remit\",\"OPEN\",\"SSR1,status: in progress\"\n");
	write_test_file(dir, "sub.csv", "\"number\",\"title\",\"state\",\"parent\"\n16,\"Post\",\"CLOSED\",\"#2\"\n");
	write_test_file(dir, "recview.map",
			"recommendations.file = issues.csv\n"
			"deliverables.file = sub.csv\n"
			"recommendations.id = title ~ ^(SSR[0-9]+-[0-9.]+)\n"
			"recommendations.title = title ~ ^SSR[0-9]+-[0-9.]+: (.*)$\n"
			"recommendations.status = labels ~ status: ([a-z ]+)\n"
			"recommendations.priority = labels ~ P[1-4]\n"
			"deliverables.rec_id = parent ~ ([0-9]+) -> recommendations.number\n"
			"deliverables.status CLOSED = complete\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.nrecs, 2);
	assert_text(rv_rec_id(&m, 0), "SSR1-1");
	assert_text(rv_rec_field(&m, 0, REC_TITLE), "Publish remit");
	assert_int_equal(m.recs[0].status, RV_STATUS_COMPLETE);
	assert_int_equal(m.recs[1].status, RV_STATUS_PROGRESS);
	assert_int_equal(m.recs[0].priority, 2);
	assert_int_equal(m.recs[1].priority, 0);
	assert_int_equal(rv_rec_child_count(&m, 1, RV_DELIVERABLES), 1);
	assert_int_equal(m.children[RV_DELIVERABLES][0].status, RV_STATUS_COMPLETE);
	/* "state" would be the status by its name: the mapping gave the status to labels. */
	assert_int_equal(rv_extra_count(&m, RV_RECS), 1); /* number is a field, labels two; state is extra */
	for (size_t i = 0; i < m.diags.n; i++)
		assert_true(m.diags.items[i].severity == DIAG_NOTE);
	rv_model_free(&m);
}

/* A column the mapping names that the file lacks: a warning at the mapping's line, the rest applies. */
static void test_missing_column(void **state)
{
	(void)state;
	const char *dir = make_set("missing");
	write_test_file(dir, "recommendations.csv", "Rec. No.,Title\nSSR1-1,A\n");
	write_test_file(dir, "recview.map", "recommendations.text = Body\nrecommendations.id = rec no\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_text(rv_rec_id(&m, 0), "SSR1-1");
	char want[300];
	snprintf(want, sizeof(want), "%s/recview.map:1:24: warning: no column 'Body'", dir);
	bool found = false;
	for (size_t i = 0; i < m.diags.n; i++) {
		char *line = diag_line(&m.diags.items[i]);
		found = found || strncmp(line, want, strlen(want)) == 0;
		free(line);
	}
	assert_true(found);
	rv_model_free(&m);
}

/* The date order a mapping states is used, and named when a value does not read in it. */
static void test_mapped_date_order(void **state)
{
	(void)state;
	const char *dir = make_set("dates");
	write_test_file(dir, "recommendations.csv", "id,title\nSSR1-1,A\n");
	write_test_file(dir, "deliverables.csv", "rec_id,description,due\nSSR1-1,x,06/07/2016\nSSR1-1,y,06/30/2016\n");
	write_test_file(dir, "recview.map", "deliverables.date_order = day-first\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.tables[RV_DELIVERABLES].date_order[DEL_DUE].basis, RV_DATE_ORDER_MAPPED);
	assert_int_equal(m.children[RV_DELIVERABLES][0].date, 20160706);
	bool named = false;
	for (size_t i = 0; i < m.diags.n; i++) {
		char *line = diag_line(&m.diags.items[i]);
		named = named || strstr(line, "as the mapping says");
		free(line);
	}
	assert_true(named);
	rv_model_free(&m);
}

int run_mapping_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_setting),      cmocka_unit_test(test_table_value_map_first),
		cmocka_unit_test(test_every_error),        cmocka_unit_test(test_stated_delimiter),
		cmocka_unit_test(test_stated_encoding),    cmocka_unit_test(test_stated_header_line),
		cmocka_unit_test(test_link_through_column), cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_missing_column),     cmocka_unit_test(test_mapped_date_order),
		cmocka_unit_test(test_separator_inside_quotes),
	};
	return cmocka_run_group_tests_name("mapping", tests, setup, teardown);
}
