/* test_schema.c - headers are read in time linear in their width, with the same answers as before. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/model.h"
#include "recview/schema.h"
#include "recview/strbuf.h"
#include "tests.h"

/* Every accepted name finds its field; the first field to claim a name keeps it. */
static void test_field_by_name(void **state)
{
	(void)state;
	assert_int_equal(rv_field_by_name(RV_RECS, "id"), REC_ID);
	assert_int_equal(rv_field_by_name(RV_RECS, "rec #"), REC_ID);
	assert_int_equal(rv_field_by_name(RV_RECS, "implementation status"), REC_STATUS);
	assert_int_equal(rv_field_by_name(RV_RECS, "description"), REC_TEXT);
	assert_int_equal(rv_field_by_name(RV_HISTORY, "date"), HIST_DATE);
	assert_int_equal(rv_field_by_name(RV_QUESTIONS, "id"), Q_QID);
	assert_int_equal(rv_field_by_name(RV_DELIVERABLES, "id"), DEL_REC_ID);
	assert_int_equal(rv_field_by_name(RV_RECS, "identifier"), -1);
	assert_int_equal(rv_field_by_name(RV_RECS, ""), -1);
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const struct rv_kind_def *def = rv_kind_def((enum rv_kind)k);
		for (int f = 0; f < def->nfields; f++) {
			char norm[64];
			rv_normalize_name(def->fields[f].name, strlen(def->fields[f].name), norm, sizeof(norm));
			assert_int_equal(rv_field_by_name((enum rv_kind)k, norm), f);
		}
	}
}

/* The one-pass cursor gives csv_table_position's answer for every header name, across quoted line breaks. */
static void test_cursor_matches_position(void **state)
{
	(void)state;
	struct parsed p;
	static const char data[] = "\xEF\xBB\xBF\n\nid,\"two\nlines\",\xC3\xA9t\xC3\xA9,\"cr\r\nlf\",\"lone\rcr\",x,,\xE2\x82\xAC\n1,2,3,4,5,6,7,8\n";
	parse_mem(&p, LIT(data));
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.t.ncols, 8);
	struct rv_pos_cursor pc;
	rv_pos_cursor_init(&pc, &p.t);
	for (size_t c = 0; c < p.t.ncols; c++) {
		uint32_t l1, c1, l2, c2;
		csv_table_position(&p.t, p.t.header[c].raw_off, &l1, &c1);
		rv_pos_cursor_at(&pc, p.t.header[c].raw_off, &l2, &c2);
		if (l1 != l2 || c1 != c2)
			print_error("column %zu: position %u:%u, cursor %u:%u\n", c + 1, l1, c1, l2, c2);
		assert_int_equal(l1, l2);
		assert_int_equal(c1, c2);
	}
	parsed_free(&p);
}

#define WIDE_COLS 100000

/*
 * A header of 100,000 columns: each byte of it is read once for positions and each name costs a probe
 * or two (it used to rescan the line from its start for every column: 89 s).
 */
static void test_wide_header_is_linear(void **state)
{
	(void)state;
	char dir[] = "/tmp/recview-wide-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "id,title");
	for (int c = 2; c < WIDE_COLS - 2; c++)
		sb_addf(&sb, ",extra column %d", c);
	sb_adds(&sb, ",,Title\n"); /* a nameless column and a duplicate at the far end */
	size_t header_len = sb.len;
	sb_adds(&sb, "R-1,A title\n");
	write_test_file(dir, "recommendations.csv", sb.data);

	size_t bytes0 = rv_schema_bytes_read, probes0 = rv_schema_name_probes;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, dir), RV_OK);
	size_t bytes = rv_schema_bytes_read - bytes0, probes = rv_schema_name_probes - probes0;
	assert_int_equal(m.tables[RV_RECS].csv.ncols, WIDE_COLS);
	assert_int_equal(m.tables[RV_RECS].col[REC_ID], 0);
	assert_int_equal(m.tables[RV_RECS].col[REC_TITLE], 1);
	assert_int_equal(m.tables[RV_RECS].nextra, WIDE_COLS - 2);
	if (bytes > header_len || probes > 4 * WIDE_COLS)
		print_error("%zu bytes read for a header of %zu, %zu name probes for %d names\n", bytes, header_len,
			    probes, WIDE_COLS);
	assert_true(bytes <= header_len);
	assert_true(probes <= 4 * WIDE_COLS);

	/* Positions of the two problems at the end of the line are still exact. */
	size_t col_empty = header_len - strlen(",Title\n") + 1;
	assert_int_equal(m.diags.n, 3); /* and the short row */
	assert_diag(&m.diags, 0, DIAG_WARNING, 1, (uint32_t)col_empty, "column 99999 has no name");
	assert_diag(&m.diags, 1, DIAG_WARNING, 1, (uint32_t)col_empty + 1, "duplicate column 'Title'");
	rv_model_free(&m);
	sb_free(&sb);
	remove_tree(dir);
}

int run_schema_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_by_name),
		cmocka_unit_test(test_cursor_matches_position),
		cmocka_unit_test(test_wide_header_is_linear),
	};
	return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
