/*
 * test_export.c - exports are safe: CSV cells that a spreadsheet would run get an apostrophe, no
 * Markdown cell can split its table row (pipes, backslashes, line breaks), the file of an export is
 * never a file of the data set whatever path leads there, and a failed export leaves the old file.
 *
 * Each test works in a fresh mkdtemp directory, removed afterwards.
 */
#include "tests.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/activity.h"
#include "recview/arena.h"
#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/export.h"
#include "recview/handout.h"
#include "recview/export_target.h"
#include "recview/model.h"
#include "recview/save.h"
#include "recview/strbuf.h"
#include "recview/triage.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", "2026-11-23T14:05:00", 1);
	snprintf(root, sizeof(root), "/tmp/recview-export-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

/* root/a[/b], in one of a few rotating buffers. */
static const char *at(const char *a, const char *b)
{
	static char bufs[16][512];
	static int next;
	char *p = bufs[next++ % 16];
	snprintf(p, 512, "%s/%s%s%s", root, a, b ? "/" : "", b ? b : "");
	return p;
}

/* A data set root/name holding recommendations.csv (and status_history.csv when history is not NULL). */
static const char *data_set(const char *name, const char *recs, const char *history)
{
	const char *d = at(name, NULL);
	assert_int_equal(mkdir(d, 0755), 0);
	write_test_file(d, "recommendations.csv", recs);
	if (history)
		write_test_file(d, "status_history.csv", history);
	return d;
}

static struct rv_model *load(const char *dir)
{
	struct rv_model *m = xcalloc(1, sizeof(*m));
	load_ok(m, dir);
	return m;
}

static void unload(struct rv_model *m)
{
	rv_model_free(m);
	free(m);
}

/* The index of the recommendation with that id. */
static uint32_t rec_of(const struct rv_model *m, const char *id)
{
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text c = rv_rec_field(m, i, REC_ID);
		if (c.len == strlen(id) && memcmp(c.ptr, id, c.len) == 0)
			return (uint32_t)i;
	}
	fail_msg("no recommendation %s", id);
	return 0;
}

static void assert_has(const char *what, const char *s, const char *part)
{
	if (!strstr(s, part)) {
		print_error("%s lacks: %s\n", what, part);
		print_bytes(what, s, strlen(s));
		fail();
	}
}

/* ---- CSV: formulas defused ---- */

static const char formula_recs[] = "id,title,=cmd,@who\n"
				   "R-1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+cmd|' /C calc'!A0,@SUM(A1)\n"
				   "R-2,-2+3,\"\tTAB\",\"\rCR\"\n"
				   "R-3,plain = text,a-b,'=already\n";

static void test_csv_export_defuses_formulas(void **state)
{
	(void)state;
	struct rv_model *m = load(data_set("f", formula_recs, NULL));
	uint32_t recs[] = {rec_of(m, "R-1"), rec_of(m, "R-2"), rec_of(m, "R-3")};
	struct strbuf out;
	sb_init(&out);
	rv_export_csv(m, recs, 3, &out);
	assert_string_equal(out.data, "id,title,'=cmd,'@who\n"
				      "R-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+cmd|' /C calc'!A0,'@SUM(A1)\n"
				      "R-2,'-2+3,'\tTAB,\"'\rCR\"\n"
				      "R-3,plain = text,a-b,'=already\n");
	/* read back, every cell that began with a formula character now begins with an apostrophe */
	struct parsed p;
	parse_mem(&p, out.data, out.len);
	assert_int_equal(p.st, RV_OK);
	assert_header_eq(&p.t, 2, "'=cmd");
	assert_header_eq(&p.t, 3, "'@who");
	assert_cell_eq(&p.t, 0, 1, LIT("'=HYPERLINK(\"http://x\",\"y\")"));
	assert_cell_eq(&p.t, 0, 2, LIT("'+cmd|' /C calc'!A0"));
	assert_cell_eq(&p.t, 0, 3, LIT("'@SUM(A1)"));
	assert_cell_eq(&p.t, 1, 1, LIT("'-2+3"));
	assert_cell_eq(&p.t, 1, 2, LIT("'\tTAB"));
	assert_cell_eq(&p.t, 1, 3, LIT("'\rCR"));
	parsed_free(&p);
	sb_free(&out);
	unload(m);
}

/* ---- Markdown: a cell never splits its row ---- */

/*
 * The cells of a table row as GitHub-flavoured Markdown splits them: a backslash escapes the next
 * character, any other pipe separates. The row "| a | b |" has 2.
 */
static int md_row_cells(const char *line, size_t len)
{
	if (len < 2 || line[0] != '|' || line[len - 1] != '|')
		return -1;
	int pipes = 0;
	for (size_t i = 0; i < len; i++) {
		if (line[i] == '\\')
			i++;
		else if (line[i] == '|')
			pipes++;
	}
	return pipes - 1;
}

/* Every line of s from the one starting with header to the next non-table line has ncols cells. */
static void assert_table(const char *what, const char *s, const char *header, int ncols, int nrows)
{
	const char *p = strstr(s, header);
	assert_non_null(p);
	int rows = 0;
	while (*p == '|') {
		const char *eol = strchr(p, '\n');
		assert_non_null(eol);
		int cells = md_row_cells(p, (size_t)(eol - p));
		if (cells != ncols) {
			print_error("%s: row %d has %d cells, wanted %d\n", what, rows, cells, ncols);
			print_bytes(what, p, (size_t)(eol - p));
			fail();
		}
		rows++;
		p = eol + 1;
	}
	assert_int_equal(rows, nrows + 2);
}

static const char slash_recs[] = "id,title,text,priority\n"
				 "R-1,ends in a backslash\\,,P1\\\n"
				 "R-2,\"x\\|y\",,\n"
				 "R-3,\"two\nlines\",,\"a\r\nb\"\n"
				 "R\\|4,\"cr\ronly\",,\n"
				 "R-5,\"\\\\\",,|\n";

static void test_markdown_export_escapes_backslashes_and_breaks(void **state)
{
	(void)state;
	struct rv_model *m = load(data_set("md", slash_recs, NULL));
	uint32_t recs[] = {rec_of(m, "R-1"), rec_of(m, "R-2"), rec_of(m, "R-3"), rec_of(m, "R\\|4"), rec_of(m, "R-5")};
	struct strbuf out;
	sb_init(&out);
	rv_export_markdown(m, recs, 5, "back\\ and | pipe", &out);
	assert_has("markdown", out.data, "# back\\\\ and \\| pipe\n");
	assert_table("markdown", out.data, "| Id |", 6, 5);
	assert_has("markdown", out.data, "| R-1 |  |  | P1\\\\ |  | ends in a backslash\\\\ |\n");
	assert_has("markdown", out.data, "| R-2 |  |  |  |  | x\\\\\\|y |\n");
	assert_has("markdown", out.data, "| R-3 |  |  | a b |  | two lines |\n");
	assert_has("markdown", out.data, "| R\\\\\\|4 |  |  |  |  | cr only |\n");
	assert_has("markdown", out.data, "| R-5 |  |  | \\| |  | \\\\\\\\ |\n");
	sb_free(&out);
	unload(m);
}

/* A "<" from the data is escaped: shown as HTML, the Markdown has no tag of the data's. */
static void test_markdown_cell_escapes_tags(void **state)
{
	(void)state;
	struct strbuf out;
	sb_init(&out);
	const char *s = "<script>alert(1)</script> & <b>";
	rv_markdown_cell(&out, s, strlen(s));
	assert_string_equal(out.data, "\\<script>alert(1)\\</script> & \\<b>");
	sb_free(&out);
}

static void test_session_minutes_escape_backslashes_and_breaks(void **state)
{
	(void)state;
	struct rv_model *m = load(data_set("sm", slash_recs, "rec_id,date,status,source\nR-1,2020-01-01,in planning,s1\n"));
	struct rv_session s;
	rv_session_open(&s, m, "ann\\", false);
	uint32_t r1 = rec_of(m, "R-1"), r2 = rec_of(m, "R-2"), r4 = rec_of(m, "R\\|4");
	assert_true(rv_change_status(&s, r1, "in progress", "ends in \\", NULL));
	assert_true(rv_add_note(&s, r4, "x\\|y and\nnext line"));
	assert_true(rv_add_note(&s, r2, "cr\rand crlf\r\nhere\\"));
	assert_true(rv_agenda_toggle(&s, r1));
	assert_true(rv_agenda_toggle(&s, r4));
	struct strbuf out;
	sb_init(&out);
	rv_session_minutes(&s, &out);
	assert_table("minutes", out.data, "| When |", 5, 5);
	assert_has("minutes", out.data, "| ann\\\\ | R-1 | status: in planning \xE2\x86\x92 in progress (as of 2026-11-23) | ends in \\\\ |\n");
	assert_has("minutes", out.data, "| ann\\\\ | R\\\\\\|4 | note | x\\\\\\|y and next line |\n");
	assert_has("minutes", out.data, "| ann\\\\ | R-2 | note | cr and crlf here\\\\ |\n");
	assert_has("minutes", out.data, "\n1. R-1 \xE2\x80\x94 ends in a backslash\\\\ (in progress)\n2. R\\\\\\|4 \xE2\x80\x94 cr only\n");
	sb_free(&out);
	rv_session_free(&s);
	unload(m);
}

/* The session's minutes: the items presented with their times and in all, the changes, and the
 * actions with their owners, every cell escaped. */
static void test_session_minutes_actions_and_times(void **state)
{
	(void)state;
	const char *d = data_set("sa", "id,title,status\nR-1,One,\nR|2,Two,\n",
				 "rec_id,date,status,source\nR-1,2020-01-01,in planning,s1\n");
	write_test_file(d, "deliverables.csv", "rec_id,description,responsible,due,status\nR-1,First,Alice | ops,2027-01,\nR-1,Second,,2027-02,\n");
	struct rv_model *m = load(d);
	struct rv_session s;
	rv_session_open(&s, m, "ann", false);
	uint32_t r1 = rec_of(m, "R-1"), r2 = rec_of(m, "R|2");
	rv_session_add_time(&s, r1, 65.2);
	rv_session_add_time(&s, r2, 130);
	assert_true(rv_change_status(&s, r1, "complete", "done", "2015-01-01"));
	assert_true(rv_change_item_field(&s, (struct rv_item){RV_RECS, r2}, REC_OWNER, "OCTO | CTO", "asked"));
	/* A due date falls to the deliverable's responsible; an owner change before it names the new one. */
	struct rv_item d1, d2;
	assert_true(rv_item_find(m, r1, "D1", 2, &d1));
	assert_true(rv_item_find(m, r1, "D2", 2, &d2));
	assert_true(rv_change_item_field(&s, d1, DEL_DUE, "2027-06", "vendor late"));
	assert_true(rv_change_item_field(&s, d2, DEL_RESPONSIBLE, "Bob", ""));
	assert_true(rv_change_item_field(&s, d2, DEL_DUE, "2027-07", "moved"));
	struct strbuf out;
	sb_init(&out);
	rv_session_minutes(&s, &out);
	assert_has("actions", out.data, "## Actions\n\n| Recommendation | Action | Set to | Owner | Note |\n|---|---|---|---|---|\n"
					"| R\\|2 | owner | OCTO \\| CTO | OCTO \\| CTO | asked |\n"
					"| R-1 | due of D1 | 2027-06 | Alice \\| ops | vendor late |\n"
					"| R-1 | owner of D2 | Bob | Bob |  |\n"
					"| R-1 | due of D2 | 2027-07 | Bob | moved |\n");
	assert_has("times", out.data, "| R-1 | 1:05 |\n| R\\|2 | 2:10 |\n\n2 items presented, 3:15 in all.\n");
	assert_has("change", out.data, "| ann | R-1 | status: in planning \xE2\x86\x92 complete (as of 2015-01-01) | done |\n");
	sb_free(&out);
	rv_session_free(&s);
	unload(m);
}

static void test_file_minutes_escape_backslashes_and_breaks(void **state)
{
	(void)state;
	const char *d = data_set("fm", slash_recs,
				 "rec_id,date,decision,status,source,note\n"
				 "R-1,2026-11-20,,in progress,recview: bob\\,\"said \\\"\n"
				 "R\\|4,2026-11-21,approved\\,,recview: eve,\"one\ntwo\\|three\"\n");
	write_test_file(d, "notes.csv", "rec_id,time,author,note\nR-2,2026-11-22T10:00:00,al\\ | x,\"a\r\nb\\\"\n");
	struct rv_model *m = load(d);
	struct strbuf out;
	sb_init(&out);
	rv_file_minutes(m, NULL, &out);
	assert_table("file minutes", out.data, "| When |", 5, 3);
	assert_has("file minutes", out.data, "| 2026-11-20 | bob\\\\ | R-1 | status: in progress | said \\\\ |\n");
	assert_has("file minutes", out.data, "| 2026-11-21 | eve | R\\\\\\|4 | decision: approved\\\\ | one two\\\\\\|three |\n");
	assert_has("file minutes", out.data, "| 2026-11-22T10:00:00 | al\\\\ \\| x | R-2 | note | a b\\\\ |\n");
	/* --since is the user's text too */
	sb_reset(&out);
	rv_file_minutes(m, "2026|\\\n", &out);
	assert_has("file minutes", out.data, "  \nSince 2026\\|\\\\ \n\n| When |");
	sb_free(&out);
	unload(m);
}

/*
 * A change recorded today and dated in the past is in the minutes since today (the time changes.csv
 * says it was recorded), with the date it is in force; the log counts it once; undone, it is gone
 * from the minutes as from the history.
 */
static void test_file_minutes_select_by_recorded_time(void **state)
{
	(void)state;
	const char *d = data_set("rt", "id,title,status\nR-1,One,\nR-2,Two,\n",
				 "rec_id,date,decision,status,source,note\nR-1,2016-01-01,,in progress,s1,\n"
				 "R-2,2026-11-20,,complete,recview: old,before the log\n");
	struct rv_model *m = load(d);
	struct rv_session s;
	rv_session_open(&s, m, "ann", false);
	size_t before = 0;
	struct rv_activity *log = NULL;
	before = rv_activity_build(m, &log);
	free(log);
	assert_true(rv_change_status(&s, rec_of(m, "R-1"), "behind", "late | really", "2015-01-01"));
	assert_int_equal(rv_activity_build(m, &log), before + 1);
	free(log);
	struct rv_model *again = load(d);
	struct strbuf out;
	sb_init(&out);
	rv_file_minutes(again, "2026-11-23", &out);
	assert_has("since the recorded day", out.data,
		   "| 2026-11-23T14:05:00 | ann | R-1 | status: behind schedule (effective 2015-01-01) | late \\| really |\n");
	assert_null(strstr(out.data, "R-2")); /* no recorded time: its own date, before --since */
	sb_reset(&out);
	rv_file_minutes(again, "2026-11-24", &out);
	assert_null(strstr(out.data, "R-1"));
	sb_reset(&out);
	rv_file_minutes(again, "2026-11-20", &out);
	assert_has("old row by its date", out.data, "| 2026-11-20 | old | R-2 | status: complete | before the log |\n");
	unload(again);

	assert_true(rv_undo(&s));
	again = load(d);
	sb_reset(&out);
	rv_file_minutes(again, NULL, &out);
	assert_null(strstr(out.data, "R-1"));
	assert_int_equal(rv_child_total(again, RV_CHANGES), 0);
	unload(again);
	sb_free(&out);
	rv_session_free(&s);
	unload(m);
}

/*
 * The minutes from the files hold every field change of changes.csv at the time it was recorded (an
 * owner, a deliverable's status and due date, an answer, a note amended), not a status change's own
 * row twice, and list the actions (owners and due dates set) with who owns them.
 */
static void test_file_minutes_field_changes_and_actions(void **state)
{
	(void)state;
	const char *d = data_set("fc", "id,title,status,owner\nR-1,One,,Alice\n",
				 "rec_id,date,decision,status,source,note\nR-1,2015-01-01,,complete,recview: ann,done\n");
	write_test_file(d, "deliverables.csv", "rec_id,description,responsible,due,status\nR-1,Plan,Bob,2027-01,done\n");
	write_test_file(d, "questions.csv", "rec_id,qid,question,answer\nR-1,1.1,Who?,The CTO\n");
	write_test_file(d, "changes.csv",
			"rec_id,item,field,value,previous,time,author,note\n"
			"R-1,,status,complete,in progress,2026-11-23T09:00:00,ann,done\n"
			"R-1,,owner,Alice,,2026-11-23T09:01:00,ann,\n"
			"R-1,D1,owner,Bob,Staff,2026-11-23T09:02:00,ann,\n"
			"R-1,D1,due,2027-01,2015-10,2026-11-23T09:03:00,ann,slipped\n"
			"R-1,D1,status,done,in progress,2026-11-23T09:04:00,ann,\n"
			"R-1,Q1.1,answer,The CTO,,2026-11-23T09:05:00,ann,\n");
	struct rv_model *m = load(d);
	struct strbuf out;
	sb_init(&out);
	rv_file_minutes(m, "2026-11-23", &out);
	assert_has("status", out.data, "| 2026-11-23T09:00:00 | ann | R-1 | status: complete (effective 2015-01-01) | done |\n");
	assert_has("owner", out.data, "| 2026-11-23T09:01:00 | ann | R-1 | owner: (none) → Alice |  |\n");
	assert_has("deliverable owner", out.data, "| 2026-11-23T09:02:00 | ann | R-1 | owner of D1: Staff → Bob |  |\n");
	assert_has("due", out.data, "| 2026-11-23T09:03:00 | ann | R-1 | due of D1: 2015-10 → 2027-01 | slipped |\n");
	assert_has("deliverable status", out.data, "| R-1 | status of D1: in progress → done |");
	assert_has("answer", out.data, "| R-1 | answer of Q1.1: (none) → The CTO |");
	assert_null(strstr(out.data, "status: complete → ")); /* the status change once, as its history row */
	assert_has("actions", out.data, "\n## Actions\n\n| When | Who | Recommendation | Action | Set to | Owner | Note |\n");
	assert_has("action owner", out.data, "| 2026-11-23T09:01:00 | ann | R-1 | owner | Alice | Alice |  |\n");
	/* a due date's owner is its deliverable's */
	assert_has("action due", out.data, "| 2026-11-23T09:03:00 | ann | R-1 | due of D1 | 2027-01 | Bob | slipped |\n");
	assert_null(strstr(strstr(out.data, "## Actions"), "answer")); /* an answer is no action */
	sb_reset(&out);
	rv_file_minutes(m, "2026-11-24", &out);
	assert_null(strstr(out.data, "## Actions"));
	sb_free(&out);
	unload(m);
}

/* ---- where an export may go ---- */

static const char tiny_recs[] = "id,title\nR-1,One\n";

static const char *refused(const char *data, const char *path, const char *why_part)
{
	static char why[1024];
	struct rv_export_target t;
	enum rv_export_check got = rv_export_target_check(data, path, &t, why, sizeof(why));
	if (got != RV_EXPORT_REFUSED) {
		print_error("%s: not refused (%d, to %s)\n", path, (int)got, t.path ? t.path : "?");
		fail();
	}
	if (!strstr(why, why_part)) {
		print_error("%s: the reason \"%s\" lacks \"%s\"\n", path, why, why_part);
		fail();
	}
	rv_export_target_free(&t);
	return why;
}

/* The resolved path of an allowed target, which must be want (absolute). */
static void allowed(const char *data, const char *path, enum rv_export_check want_check, const char *want)
{
	char why[1024];
	struct rv_export_target t;
	enum rv_export_check got = rv_export_target_check(data, path, &t, why, sizeof(why));
	if (got != want_check) {
		print_error("%s: got %d (%s), wanted %d\n", path, (int)got, why, (int)want_check);
		fail();
	}
	assert_string_equal(t.path, want);
	assert_int_equal(t.stamp.exists, want_check == RV_EXPORT_REPLACE);
	rv_export_target_free(&t);
}

/* A data set at root/data (its files as recview reads them) and a directory root/out beside it. */
static char *data_and_out(void)
{
	const char *d = data_set("data", tiny_recs, "rec_id,date,status\nR-1,2020-01-01,complete\n");
	write_test_file(d, "questions.csv", "rec_id,question\n");
	write_test_file(d, "extra.csv", "a\n");
	write_test_file(d, "README.md", "about\n");
	assert_int_equal(mkdir(at("out", NULL), 0755), 0);
	char *real = realpath(root, NULL);
	assert_non_null(real);
	return real;
}

static void test_export_never_replaces_a_data_file(void **state)
{
	(void)state;
	char *real = data_and_out();
	char d[512];
	snprintf(d, sizeof(d), "%s", at("data", NULL));
	char want[1024];

	/* the files themselves, by any path */
	snprintf(want, sizeof(want), "%s/data/recommendations.csv is recommendations.csv of the data set", real);
	refused(d, at("data", "recommendations.csv"), want);
	refused(d, at("out", "../data/recommendations.csv"), want);
	refused(d, at("data", "./../data/status_history.csv"), "status_history.csv of the data set");
	refused(d, at("data", "questions.csv"), "questions.csv of the data set");
	refused(d, at("data", "extra.csv"), "extra.csv of the data set");
	/* a .csv that recview would read or create there: notes, agenda, anything */
	snprintf(want, sizeof(want), "%s/data/notes.csv would be a data file (.csv, .tsv, .txt or recview.map) in the directory of the data set", real);
	refused(d, at("data", "notes.csv"), want);
	refused(d, at("data", "agenda.csv"), "agenda.csv would be a data file");
	refused(d, at("data", "new.CSV"), "new.CSV would be a data file");
	/* what recview reads as data under other names: Excel's Unicode Text, a TSV, the mapping */
	refused(d, at("data", "recommendations.txt"), "recommendations.txt would be a data file");
	refused(d, at("data", "sheet.tsv"), "sheet.tsv would be a data file");
	refused(d, at("data", "recview.map"), "recview.map would be a data file");
	/* the directory, by any path */
	snprintf(want, sizeof(want), "%s/data is the directory of the data set", real);
	refused(d, d, want);
	refused(d, at("data", "."), want);
	refused(d, at("out", ".."), "is a directory");
	refused(d, at("out", "../data/"), want);

	/* symlinks: to a data file, dangling into the data directory, to the directory */
	assert_int_equal(symlink("../data/recommendations.csv", at("out", "link.csv")), 0);
	refused(d, at("out", "link.csv"), "recommendations.csv of the data set");
	assert_int_equal(symlink(at("data", "agenda.csv"), at("out", "dangling.md")), 0);
	refused(d, at("out", "dangling.md"), "agenda.csv would be a data file (.csv, .tsv, .txt or recview.map) in the directory of the data set");
	assert_int_equal(symlink("link.csv", at("out", "chain.md")), 0);
	refused(d, at("out", "chain.md"), "recommendations.csv of the data set");
	assert_int_equal(symlink("../data", at("out", "datalink")), 0);
	refused(d, at("out", "datalink"), "is the directory of the data set");
	refused(d, at("out", "datalink/status_history.csv"), "status_history.csv of the data set");
	refused(d, at("out", "datalink/new.csv"), "new.csv would be a data file");
	/* a data set opened through a link is the same data set */
	refused(at("out", "datalink"), at("data", "questions.csv"), "questions.csv of the data set");
	/* a hard link elsewhere to a data file: the same device and inode */
	assert_int_equal(link(at("data", "questions.csv"), at("out", "hard.md")), 0);
	refused(d, at("out", "hard.md"), "questions.csv of the data set (or a hard link to it)");
	/* a data file that is a symlink to a file elsewhere: that file is data too */
	write_test_file(at("out", NULL), "reviews-real.csv", "review,title\n");
	assert_int_equal(symlink(at("out", "reviews-real.csv"), at("data", "reviews.csv")), 0);
	refused(d, at("out", "reviews-real.csv"), "reviews.csv of the data set");

	/* not files, and paths that lead nowhere */
	refused(d, "/dev/full", "/dev/full is not a regular file");
	refused(d, at("nowhere", "x.md"), "No such file or directory");
	refused(d, at("out", "sub/"), "No such file or directory");
	assert_int_equal(symlink("loop", at("out", "loop")), 0);
	refused(d, at("out", "loop"), "Too many levels of symbolic links");
	free(real);
}

static void test_export_allowed_targets_are_absolute(void **state)
{
	(void)state;
	char *real = data_and_out();
	char d[512];
	snprintf(d, sizeof(d), "%s", at("data", NULL));
	char want[1024];

	snprintf(want, sizeof(want), "%s/out/new.csv", real);
	allowed(d, at("out", "new.csv"), RV_EXPORT_NEW, want);
	allowed(d, at("data", "../out/new.csv"), RV_EXPORT_NEW, want);
	/* other files in the data directory are no data: an export may go there */
	snprintf(want, sizeof(want), "%s/data/list.md", real);
	allowed(d, at("data", "list.md"), RV_EXPORT_NEW, want);
	snprintf(want, sizeof(want), "%s/data/README.md", real);
	allowed(d, at("data", "README.md"), RV_EXPORT_REPLACE, want);
	/* an existing file, directly and through a link, dangling links to where a file would be */
	write_test_file(at("out", NULL), "old.md", "old\n");
	snprintf(want, sizeof(want), "%s/out/old.md", real);
	allowed(d, at("out", "old.md"), RV_EXPORT_REPLACE, want);
	assert_int_equal(symlink("old.md", at("out", "to-old.csv")), 0);
	allowed(d, at("out", "to-old.csv"), RV_EXPORT_REPLACE, want);
	assert_int_equal(symlink("later.md", at("out", "to-later")), 0);
	snprintf(want, sizeof(want), "%s/out/later.md", real);
	allowed(d, at("out", "to-later"), RV_EXPORT_NEW, want);
	/* a relative path is taken from the working directory and made absolute */
	char *cwd = getcwd(NULL, 0);
	assert_non_null(cwd);
	assert_int_equal(chdir(at("out", NULL)), 0);
	snprintf(want, sizeof(want), "%s/out/rel.md", real);
	allowed(d, "rel.md", RV_EXPORT_NEW, want);
	allowed(d, "./rel.md", RV_EXPORT_NEW, want);
	refused(d, "../data/recommendations.csv", "recommendations.csv of the data set");
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	free(real);
}

/* ---- writing: atomic, and a failure leaves the old file ---- */

static struct {
	int write_errno, fsync_errno, rename_errno;
} fault;

static ssize_t fault_write(int fd, const void *buf, size_t len)
{
	if (fault.write_errno) {
		errno = fault.write_errno;
		return -1;
	}
	return write(fd, buf, len);
}

static int fault_fsync(int fd)
{
	if (fault.fsync_errno) {
		errno = fault.fsync_errno;
		return -1;
	}
	return fsync(fd);
}

static int fault_rename(const char *from, const char *to)
{
	if (fault.rename_errno) {
		errno = fault.rename_errno;
		return -1;
	}
	return rename(from, to);
}

static int plain_open(const char *path, int flags, mode_t mode)
{
	return open(path, flags, mode);
}

static const struct rv_save_ops fault_ops = {
	.open = plain_open, .write = fault_write, .fsync = fault_fsync, .close = close, .rename = fault_rename};

static void assert_file_is(const char *path, const char *want)
{
	size_t len;
	char *got = read_whole_file(path, &len);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Only the listed names are in dir (no temporary file left behind). */
static void assert_dir_holds(const char *dir, size_t n)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t count = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			count++;
	closedir(d);
	assert_int_equal(count, n);
}

/* One failing export over out/old.md: false, the reason names the step, the old file is intact. */
static void failed_export(const char *step, const char *reason)
{
	char why[1024], err[1024];
	struct rv_export_target t;
	assert_int_equal(rv_export_target_check(at("data", NULL), at("out", "old.md"), &t, why, sizeof(why)),
			 RV_EXPORT_REPLACE);
	assert_false(rv_export_target_write(&t, LIT("new\n"), &fault_ops, err, sizeof(err)));
	assert_has("error", err, step);
	assert_has("error", err, t.path);
	assert_has("error", err, reason);
	assert_has("error", err, "(the file was not changed)");
	assert_file_is(at("out", "old.md"), "old\n");
	assert_dir_holds(at("out", NULL), 1);
	rv_export_target_free(&t);
	memset(&fault, 0, sizeof(fault));
}

static void test_export_write_is_atomic(void **state)
{
	(void)state;
	free(data_and_out());
	char why[1024], err[1024];
	struct rv_export_target t;

	/* a new file, then replacing it */
	assert_int_equal(rv_export_target_check(at("data", NULL), at("out", "old.md"), &t, why, sizeof(why)),
			 RV_EXPORT_NEW);
	assert_true(rv_export_target_write(&t, LIT("old\n"), NULL, err, sizeof(err)));
	assert_file_is(at("out", "old.md"), "old\n");
	rv_export_target_free(&t);

	/* a full disk, a failed flush, a failed rename: the old file stays */
	fault.write_errno = ENOSPC;
	failed_export("cannot write", "No space left on device");
	fault.fsync_errno = EIO;
	failed_export("cannot flush", "Input/output error");
	fault.rename_errno = EROFS;
	failed_export("cannot replace", "Read-only file system");

	/* the file changed between the question and the writing: not overwritten */
	assert_int_equal(rv_export_target_check(at("data", NULL), at("out", "old.md"), &t, why, sizeof(why)),
			 RV_EXPORT_REPLACE);
	write_test_file(at("out", NULL), "old.md", "someone else's\n");
	assert_false(rv_export_target_write(&t, LIT("new\n"), NULL, err, sizeof(err)));
	assert_has("error", err, "changed on disk");
	assert_file_is(at("out", "old.md"), "someone else's\n");
	rv_export_target_free(&t);

	/* a file that appeared meanwhile is not overwritten either */
	assert_int_equal(rv_export_target_check(at("data", NULL), at("out", "late.md"), &t, why, sizeof(why)),
			 RV_EXPORT_NEW);
	write_test_file(at("out", NULL), "late.md", "theirs\n");
	assert_false(rv_export_target_write(&t, LIT("new\n"), NULL, err, sizeof(err)));
	assert_file_is(at("out", "late.md"), "theirs\n");
	rv_export_target_free(&t);

	/* the replacement when all goes well */
	assert_int_equal(rv_export_target_check(at("data", NULL), at("out", "old.md"), &t, why, sizeof(why)),
			 RV_EXPORT_REPLACE);
	assert_true(rv_export_target_write(&t, LIT("new\n"), NULL, err, sizeof(err)));
	assert_file_is(at("out", "old.md"), "new\n");
	assert_dir_holds(at("out", NULL), 2);
	rv_export_target_free(&t);
}

/* The handout presents the agenda's items in agenda order, narrowed by the filter's selection. */
static void test_handout_agenda_order_narrowed_by_filter(void **state)
{
	(void)state;
	const char *d = data_set("ho", "id,title\nA-1,one\nA-2,two\nA-3,three\n", NULL);
	write_test_file(d, "agenda.csv", "rec_id,added,author\nA-3,2026-11-20T10:00:00,al\nA-1,2026-11-20T10:00:00,al\n");
	struct rv_model *m = load(d);
	uint32_t all[3] = {rec_of(m, "A-1"), rec_of(m, "A-2"), rec_of(m, "A-3")}, out[3];
	assert_int_equal(rv_handout_select(m, all, 3, out), 2);
	assert_int_equal(out[0], rec_of(m, "A-3"));
	assert_int_equal(out[1], rec_of(m, "A-1"));
	assert_int_equal(rv_handout_select(m, all, 1, out), 1); /* the filter keeps only A-1 */
	assert_int_equal(out[0], rec_of(m, "A-1"));
	struct strbuf sb;
	sb_init(&sb);
	rv_handout_html(m, out, 1, RV_DATE_NONE, RV_AS_OF_HIDE, &sb);
	assert_has("one slide", sb.data, "<p>1 slide</p>");
	assert_null(strstr(sb.data, "<script"));
	sb_free(&sb);
	unload(m);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int run_export_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(test_csv_export_defuses_formulas),
		T(test_markdown_export_escapes_backslashes_and_breaks),
		T(test_markdown_cell_escapes_tags),
		T(test_session_minutes_escape_backslashes_and_breaks),
		T(test_session_minutes_actions_and_times),
		T(test_file_minutes_escape_backslashes_and_breaks),
		T(test_file_minutes_select_by_recorded_time),
		T(test_file_minutes_field_changes_and_actions),
		T(test_export_never_replaces_a_data_file),
		T(test_export_allowed_targets_are_absolute),
		T(test_export_write_is_atomic),
		T(test_handout_agenda_order_narrowed_by_filter),
	};
	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
