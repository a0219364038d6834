/*
 * test_export.c - exports are safe: CSV cells that a spreadsheet would run get an apostrophe, no
 * Markdown cell can split its table row (pipes, backslashes, line breaks).
 *
 * Each test works in a fresh mkdtemp directory, removed afterwards.
 */
#include "tests.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/export.h"
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
		struct csv_cell c = rv_rec_cell(m, i, REC_ID);
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
	assert_int_equal(p.st, CSV_OK);
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

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int run_export_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(test_csv_export_defuses_formulas),
		T(test_markdown_export_escapes_backslashes_and_breaks),
		T(test_session_minutes_escape_backslashes_and_breaks),
		T(test_file_minutes_escape_backslashes_and_breaks),
	};
	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
