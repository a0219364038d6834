/*
 * test_mapping_edit.c - one setting of recview.map changed: that line replaced (a later one that
 * would override it dropped), every other line, comment and line end kept, the line added when
 * absent, a name quoted when it must be, and the file written through the store.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "recview/entity.h"
#include "recview/mapping.h"
#include "recview/model.h"
#include "recview/strbuf.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/recview-mapedit-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

/* The text with kind.field set to column; fails the test when it is refused. */
static char *set(const char *text, enum rv_kind kind, int field, const char *column)
{
	struct strbuf out;
	sb_init(&out);
	char why[256] = "";
	struct rv_map_column c = {kind, field, column, NULL, 0};
	bool ok = rv_mapping_set_field(text, text ? strlen(text) : 0, &c, &out, why, sizeof(why));
	if (!ok)
		fail_msg("refused: %s", why);
	return sb_detach(&out);
}

static void test_replaces_only_that_setting(void **state)
{
	(void)state;
	const char *text = "# our tracker\r\n"
			   "recommendations.title = Name   # the short one\r\n"
			   "  recommendations.ID = Old column\r\n"
			   "recommendations.status \"On hold\" = behind schedule\r\n"
			   "deliverables.id = Parent\r\n"
			   "recommendations.id = Another\r\n"
			   "delimiter = ;";
	char *got = set(text, RV_RECS, REC_ID, "Rec. No.");
	assert_string_equal(got, "# our tracker\r\n"
				 "recommendations.title = Name   # the short one\r\n"
				 "recommendations.id = Rec. No.\r\n"
				 "recommendations.status \"On hold\" = behind schedule\r\n"
				 "deliverables.id = Parent\r\n"
				 "delimiter = ;");
	free(got);
	/* The status column is a setting; a value map of status is not. */
	got = set("recommendations.status CLOSED = complete\nrecommendations.status = State\n", RV_RECS, REC_STATUS,
		  "Implementation status");
	assert_string_equal(got, "recommendations.status CLOSED = complete\nrecommendations.status = Implementation status\n");
	free(got);
	/* Another name of the table and an alias of the field are the same setting. */
	got = set("history.recommendation = X\n", RV_HISTORY, HIST_REC_ID, "Rec");
	assert_string_equal(got, "status_history.rec_id = Rec\n");
	free(got);
	/* The line's own comment stays; a # inside quotes is no comment. */
	got = set("recommendations.id = \"a # b\"\t# was wrong\n", RV_RECS, REC_ID, "Ref");
	assert_string_equal(got, "recommendations.id = Ref\t# was wrong\n");
	free(got);
}

static void test_adds_when_absent(void **state)
{
	(void)state;
	char *got = set(NULL, RV_RECS, REC_ID, "Ref code");
	assert_string_equal(got, "recommendations.id = Ref code\n");
	free(got);
	got = set("# no final line end\ndelimiter = ;", RV_DELIVERABLES, DEL_REC_ID, "Parent id");
	assert_string_equal(got, "# no final line end\ndelimiter = ;\ndeliverables.rec_id = Parent id\n");
	free(got);
	got = set("encoding = UTF-8\r\n", RV_RECS, REC_ID, "Ref");
	assert_string_equal(got, "encoding = UTF-8\r\nrecommendations.id = Ref\r\n");
	free(got);
	/* A value map of status is no status column: the setting is added beside it. */
	got = set("deliverables.status CLOSED = complete\n", RV_DELIVERABLES, DEL_STATUS, "State");
	assert_string_equal(got, "deliverables.status CLOSED = complete\ndeliverables.status = State\n");
	free(got);
}

/* What is written reads back as the same column. */
static void test_quoted_names_read_back(void **state)
{
	(void)state;
	const char *names[] = {"# of rec", "say \"hi\" # x", " padded ", "Rec.\nNo."};
	const char *expect[] = {"# of rec", "say \"hi\" # x", " padded ", "Rec. No."};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		char *text = set("# kept\n", RV_RECS, REC_ID, names[i]);
		assert_non_null(strstr(text, "# kept\n"));
		struct rv_mapping mp;
		struct diag_list dl;
		rv_mapping_init(&mp);
		diag_list_init(&dl);
		rv_mapping_parse(&mp, "recview.map", text, strlen(text), &dl);
		assert_int_equal(dl.n, 0);
		assert_int_equal(mp.nfields, 1);
		assert_int_equal(mp.fields[0].field, REC_ID);
		assert_string_equal(mp.fields[0].column, expect[i]);
		rv_mapping_free(&mp);
		diag_list_free(&dl);
		free(text);
	}
}

static void test_refuses_what_cannot_be_written(void **state)
{
	(void)state;
	const char *bad[] = {"", "...", "a -> b", "a ~ b"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct strbuf out;
		sb_init(&out);
		char why[256] = "";
		struct rv_map_column c = {RV_RECS, REC_ID, bad[i], NULL, 0};
		assert_false(rv_mapping_set_field("x = y\n", 6, &c, &out, why, sizeof(why)));
		assert_true(why[0] != '\0');
		sb_free(&out);
	}
}

static enum rv_result write_field(const char *dir, enum rv_kind kind, int field, const char *column, char *err,
				  size_t errsize)
{
	struct rv_map_column c = {kind, field, column, NULL, 0};
	return rv_mapping_write_field(dir, &c, err, errsize);
}

static char *read_back(const char *dir, const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[4096];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void test_written_through_the_store(void **state)
{
	(void)state;
	char err[512] = "";
	assert_int_equal(write_field(root, RV_RECS, REC_ID, "Ref code", err, sizeof(err)), RV_OK);
	assert_string_equal(read_back(root, RV_MAP_FILE), "recommendations.id = Ref code\n");
	write_test_file(root, RV_MAP_FILE, "# mine\nrecommendations.id = Ref code\ndelimiter = ;\n");
	assert_int_equal(write_field(root, RV_RECS, REC_ID, "Rec. No.", err, sizeof(err)), RV_OK);
	assert_string_equal(read_back(root, RV_MAP_FILE), "# mine\nrecommendations.id = Rec. No.\ndelimiter = ;\n");
	/* A mapping that is not a regular file is left alone, with the reason. */
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, RV_MAP_FILE);
	remove(path);
	assert_int_equal(mkdir(path, 0755), 0);
	err[0] = '\0';
	assert_int_not_equal(write_field(root, RV_RECS, REC_ID, "Ref", err, sizeof(err)), RV_OK);
	assert_true(err[0] != '\0');
}

/* Two columns claim the id: a problem that names the table and field (the browser offers to map it),
 * and none once the mapping says which. */
static void test_duplicate_column_until_mapped(void **state)
{
	(void)state;
	char dir[128];
	snprintf(dir, sizeof(dir), "%s/dup", root);
	assert_int_equal(mkdir(dir, 0755), 0);
	write_test_file(dir, "recommendations.csv", "Rec ID,id,title\nR1,SSR1-1,A\nR2,SSR1-2,B\n");
	struct rv_model m;
	load_ok(&m, dir);
	bool offered = false;
	for (size_t i = 0; i < m.diags.n; i++)
		offered = offered || (m.diags.items[i].table == RV_RECS && m.diags.items[i].field == REC_ID);
	assert_true(offered);
	rv_model_free(&m);
	char err[256];
	assert_int_equal(write_field(dir, RV_RECS, REC_ID, "id", err, sizeof(err)), RV_OK);
	load_ok(&m, dir);
	assert_int_equal(m.diags.n, 0);
	assert_int_equal(m.tables[RV_RECS].col[REC_ID], 1);
	rv_model_free(&m);
}

/* A missing id: the error names the field, and the model is whole but empty (for the browser). */
static void test_missing_id_is_mappable(void **state)
{
	(void)state;
	char dir[128];
	snprintf(dir, sizeof(dir), "%s/missing", root);
	assert_int_equal(mkdir(dir, 0755), 0);
	write_test_file(dir, "recommendations.csv", "Ref code,title\nSSR1-1,A\n");
	write_test_file(dir, "deliverables.csv", "rec_id,description\nSSR1-1,x\n");
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, dir), RV_E_UNREADABLE);
	assert_true(rv_model_lacks_columns(&m));
	assert_int_equal(m.nrecs, 0);
	assert_int_equal(m.diags.n, 1);
	assert_int_equal(m.diags.items[0].table, RV_RECS);
	assert_int_equal(m.diags.items[0].field, REC_ID);
	assert_int_equal(rv_find_rec(&m, "SSR1-1", 6), -1);
	rv_model_free(&m);
	char err[256];
	assert_int_equal(write_field(dir, RV_RECS, REC_ID, "Ref code", err, sizeof(err)), RV_OK);
	load_ok(&m, dir);
	assert_int_equal(m.nrecs, 1);
	assert_int_equal(m.nchildren[RV_DELIVERABLES], 1);
	assert_int_equal(m.children[RV_DELIVERABLES][0].rec, 0);
	rv_model_free(&m);
	/* A data set without recommendations.csv is not one to map. */
	remove_tree(dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(rv_model_load(&m, dir), RV_E_UNREADABLE);
	assert_false(rv_model_lacks_columns(&m));
	rv_model_free(&m);
}

/* The line a problem is on is the one replaced; an earlier one (overridden) stays, a later one goes. */
static void test_replaces_the_line_named(void **state)
{
	(void)state;
	const char *text = "# ours\n"
			   "recommendations.id = Ref\n"
			   "delimiter = ,\n"
			   "recommendations.id = Rec Number   # renamed\n"
			   "encoding = UTF-8\n"
			   "recommendations.id = Later\n";
	struct rv_map_column c = {RV_RECS, REC_ID, "Custom field (Recommendation ID)", NULL, 4};
	struct strbuf out;
	sb_init(&out);
	char why[256] = "";
	assert_true(rv_mapping_set_field(text, strlen(text), &c, &out, why, sizeof(why)));
	assert_string_equal(out.data, "# ours\n"
				      "recommendations.id = Ref\n"
				      "delimiter = ,\n"
				      "recommendations.id = Custom field (Recommendation ID)   # renamed\n"
				      "encoding = UTF-8\n");
	/* A line that does not set the field: the first that does is replaced, as without one. */
	sb_reset(&out);
	c.line = 3;
	assert_true(rv_mapping_set_field(text, strlen(text), &c, &out, why, sizeof(why)));
	assert_string_equal(out.data, "# ours\n"
				      "recommendations.id = Custom field (Recommendation ID)\n"
				      "delimiter = ,\n"
				      "encoding = UTF-8\n");
	sb_free(&out);
}

/* A line's pattern and link stay when its column is replaced, and read back as they were. */
static void test_pattern_and_link_kept(void **state)
{
	(void)state;
	const char *text = "recommendations.id = title ~ ^(SSR[0-9]+-[0-9.]+)   # the id starts the title\n"
			   "deliverables.rec_id = parent ~ ([0-9]+) -> recommendations.\"Issue number\"\n";
	struct rv_mapping mp;
	struct diag_list dl;
	rv_mapping_init(&mp);
	diag_list_init(&dl);
	rv_mapping_parse(&mp, "recview.map", text, strlen(text), &dl);
	assert_int_equal(mp.nfields, 2);
	struct strbuf rest, out;
	sb_init(&rest);
	sb_init(&out);
	rv_map_field_rest(&mp.fields[1], &rest);
	assert_string_equal(rest.data, " ~ ([0-9]+) -> recommendations.Issue number");
	sb_reset(&rest);
	rv_map_field_rest(&mp.fields[0], &rest);
	struct rv_map_column c = {RV_RECS, REC_ID, "Issue title", rest.data, 1};
	char why[256] = "";
	assert_true(rv_mapping_set_field(text, strlen(text), &c, &out, why, sizeof(why)));
	assert_string_equal(out.data, "recommendations.id = Issue title ~ ^(SSR[0-9]+-[0-9.]+)   # the id starts the title\n"
				      "deliverables.rec_id = parent ~ ([0-9]+) -> recommendations.\"Issue number\"\n");
	struct rv_mapping back;
	rv_mapping_init(&back);
	rv_mapping_parse(&back, "recview.map", out.data, out.len, &dl);
	assert_int_equal(dl.n, 0);
	assert_string_equal(back.fields[0].column, "Issue title");
	assert_true(back.fields[0].has_pattern);
	assert_string_equal(back.fields[0].pattern_text, "^(SSR[0-9]+-[0-9.]+)");
	rv_mapping_free(&back);
	rv_mapping_free(&mp);
	diag_list_free(&dl);
	sb_free(&rest);
	sb_free(&out);
}

/* A line naming a column the file lacks: its problem names the table and field (the browser offers
 * the header), the line is found again, and mended on that line it is no problem any more. */
static void test_unmatched_line_is_mappable(void **state)
{
	(void)state;
	char dir[128];
	snprintf(dir, sizeof(dir), "%s/unmatched", root);
	assert_int_equal(mkdir(dir, 0755), 0);
	write_test_file(dir, "recommendations.csv", "id,title,Progress\nSSR1-1,A,complete\nSSR1-2,B,in progress\n");
	write_test_file(dir, RV_MAP_FILE, "# the tracker\nrecommendations.status = Implementation Status   # renamed\n");
	struct rv_model m;
	load_ok(&m, dir);
	const struct diag *offered = NULL;
	for (size_t i = 0; i < m.diags.n; i++)
		if (m.diags.items[i].table == RV_RECS && m.diags.items[i].field == REC_STATUS)
			offered = &m.diags.items[i];
	assert_non_null(offered);
	assert_int_equal(offered->line, 2);
	assert_non_null(strstr(offered->file, RV_MAP_FILE));
	const struct rv_map_field *rule = rv_model_unmatched_rule(&m, RV_RECS, REC_STATUS, 2);
	assert_non_null(rule);
	assert_string_equal(rule->column, "Implementation Status");
	assert_null(rv_model_unmatched_rule(&m, RV_RECS, REC_STATUS, 1));
	assert_null(rv_model_unmatched_rule(&m, RV_RECS, REC_TITLE, 0));
	rv_model_free(&m);
	char err[256];
	struct rv_map_column c = {RV_RECS, REC_STATUS, "Progress", NULL, 2};
	assert_int_equal(rv_mapping_write_field(dir, &c, err, sizeof(err)), RV_OK);
	assert_string_equal(read_back(dir, RV_MAP_FILE), "# the tracker\nrecommendations.status = Progress   # renamed\n");
	load_ok(&m, dir);
	assert_int_equal(m.diags.n, 0);
	assert_int_equal(m.tables[RV_RECS].col[REC_STATUS], 2);
	assert_null(rv_model_unmatched_rule(&m, RV_RECS, REC_STATUS, 0));
	rv_model_free(&m);
}

/* A table setting (file, encoding, delimiter, header_line, date_order) replaced by any name of the
 * table, its comment kept; one for every file (no table) is another setting and stays. */
static void test_table_settings(void **state)
{
	(void)state;
	const char *text = "encoding = UTF-8\n"
			   "history.file = old.csv   # the export of 2016\n"
			   "status_history.delimiter = ;\n"
			   "status_history.file = later.csv\n";
	struct strbuf a, b;
	sb_init(&a);
	sb_init(&b);
	assert_true(rv_mapping_set_table(text, strlen(text), RV_HISTORY, "file", "SSR history (2).csv", &a));
	assert_true(rv_mapping_set_table(a.data, a.len, RV_HISTORY, "encoding", "Windows-1252", &b));
	assert_string_equal(b.data, "encoding = UTF-8\n"
				    "status_history.file = SSR history (2).csv   # the export of 2016\n"
				    "status_history.delimiter = ;\n"
				    "status_history.encoding = Windows-1252\n");
	/* A setting the table lacks goes with its fellows, not after the value maps. */
	sb_reset(&a);
	const char *grouped = "recommendations.file = r.csv\nrecommendations.id = Ref   # ours\n\n"
			      "deliverables.file = d.csv\nstatus Done = complete\nrecommendations.status X = complete\n";
	assert_true(rv_mapping_set_table(grouped, strlen(grouped), RV_RECS, "header_line", "3", &a));
	assert_string_equal(a.data, "recommendations.file = r.csv\nrecommendations.id = Ref   # ours\n"
				    "recommendations.header_line = 3\n\n"
				    "deliverables.file = d.csv\nstatus Done = complete\nrecommendations.status X = complete\n");
	assert_true(rv_mapping_sets_table(grouped, strlen(grouped), RV_DELIVERABLES));
	assert_false(rv_mapping_sets_table(grouped, strlen(grouped), RV_HISTORY));
	sb_reset(&a);
	assert_true(rv_mapping_set_table(NULL, 0, RV_RECS, "delimiter", "tab", &a));
	assert_string_equal(a.data, "recommendations.delimiter = tab\n");
	/* What reads back: the file name quoted when it must be, the rest as the reader takes it. */
	sb_reset(&a);
	assert_true(rv_mapping_set_table("", 0, RV_RECS, "file", "#1 export.csv", &a));
	struct rv_mapping mp;
	struct diag_list dl;
	rv_mapping_init(&mp);
	diag_list_init(&dl);
	rv_mapping_parse(&mp, "recview.map", a.data, a.len, &dl);
	assert_int_equal(dl.n, 0);
	assert_string_equal(mp.tables[RV_RECS].file, "#1 export.csv");
	rv_mapping_free(&mp);
	diag_list_free(&dl);
	sb_reset(&a);
	assert_false(rv_mapping_set_table("", 0, RV_RECS, "colour", "red", &a));
	assert_false(rv_mapping_set_table("", 0, RV_RECS, "encoding", ";", &a));
	assert_true(rv_mapping_set_table("", 0, RV_RECS, "delimiter", ";", &a));
	assert_string_equal(a.data, "recommendations.delimiter = ;\n");
	sb_free(&a);
	sb_free(&b);
}

int run_mapping_edit_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replaces_only_that_setting),
		cmocka_unit_test(test_adds_when_absent),
		cmocka_unit_test(test_quoted_names_read_back),
		cmocka_unit_test(test_refuses_what_cannot_be_written),
		cmocka_unit_test(test_written_through_the_store),
		cmocka_unit_test(test_duplicate_column_until_mapped),
		cmocka_unit_test(test_missing_id_is_mappable),
		cmocka_unit_test(test_replaces_the_line_named),
		cmocka_unit_test(test_pattern_and_link_kept),
		cmocka_unit_test(test_unmatched_line_is_mappable),
		cmocka_unit_test(test_table_settings),
	};
	return cmocka_run_group_tests_name("mapping_edit", tests, setup, teardown);
}
