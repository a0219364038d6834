/* test_csvread.c - one CSV file into rows and cells, with line and column of every problem. */
#include "tests.h"

#include <stdlib.h>
#include <string.h>

#include "recview/strbuf.h"

#define PARSE(p, s) parse_mem((p), LIT(s))
#define CELL(t, r, c, s) assert_cell_eq((t), (r), (c), LIT(s))

/* ---- well-formed files ---- */

static void test_simple_rows(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n1,2,3\n4,5,6\n");
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.dl.n, 0);
	assert_int_equal(p.t.ncols, 3);
	assert_int_equal(p.t.nrows, 2);
	CELL(&p.t, 0, 0, "1");
	CELL(&p.t, 0, 2, "3");
	CELL(&p.t, 1, 1, "5");
	assert_int_equal(p.t.rows[0].line, 2);
	assert_int_equal(p.t.rows[1].line, 3);
	assert_int_equal(p.t.rows[1].nfields, 3);
	parsed_free(&p);
}

static void test_header_cells(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "id,Rec #,Implementation Status\nx,y,z\n");
	assert_int_equal(p.t.ncols, 3);
	assert_int_equal(p.t.header_line, 1);
	assert_header_eq(&p.t, 0, "id");
	assert_header_eq(&p.t, 1, "Rec #");
	assert_header_eq(&p.t, 2, "Implementation Status");
	assert_int_equal(p.t.header[1].raw_off, 3);
	parsed_free(&p);
}

static void test_quoted_field_with_comma(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,\"x, y\"\n");
	assert_int_equal(p.dl.n, 0);
	assert_int_equal(p.t.rows[0].nfields, 2);
	CELL(&p.t, 0, 1, "x, y");
	/* raw_off is the opening quote. */
	assert_int_equal(csv_cell_at(&p.t, 0, 1).raw_off, 6);
	parsed_free(&p);
}

static void test_quoted_field_with_doubled_quotes(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,\"he said \"\"hi\"\"\"\n2,\"\"\"\"\n");
	assert_int_equal(p.dl.n, 0);
	CELL(&p.t, 0, 1, "he said \"hi\"");
	CELL(&p.t, 1, 1, "\"");
	parsed_free(&p);
}

static void test_quoted_field_keeps_lf(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,\"l1\nl2\"\n2,x\n");
	assert_int_equal(p.dl.n, 0);
	CELL(&p.t, 0, 1, "l1\nl2");
	assert_int_equal(p.t.rows[1].line, 4);
	parsed_free(&p);
}

static void test_quoted_field_keeps_crlf(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\r\n1,\"c1\r\nc2\"\r\n2,x\r\n");
	assert_int_equal(p.dl.n, 0);
	CELL(&p.t, 0, 1, "c1\r\nc2");
	assert_int_equal(p.t.rows[1].line, 4);
	parsed_free(&p);
}

static void test_empty_quoted_field(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n\"\",\"\",x\n");
	assert_int_equal(p.dl.n, 0);
	CELL(&p.t, 0, 0, "");
	CELL(&p.t, 0, 1, "");
	CELL(&p.t, 0, 2, "x");
	parsed_free(&p);
}

/* ---- line endings ---- */

static void test_crlf_line_endings(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\r\n1,2\r\n3,4\r\n");
	assert_int_equal(p.t.eol, CSV_EOL_CRLF);
	assert_true(p.t.final_eol);
	assert_int_equal(p.t.nrows, 2);
	CELL(&p.t, 0, 1, "2");
	CELL(&p.t, 1, 1, "4");
	assert_int_equal(p.t.rows[0].line, 2);
	assert_int_equal(p.t.rows[1].line, 3);
	/* The row's byte span leaves the line break out. */
	assert_int_equal(p.t.rows[0].raw_start, 5);
	assert_int_equal(p.t.rows[0].raw_end, 8);
	parsed_free(&p);
}

static void test_lf_line_endings(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,2\n3,4\n");
	assert_int_equal(p.t.eol, CSV_EOL_LF);
	assert_true(p.t.final_eol);
	assert_int_equal(p.t.nrows, 2);
	assert_int_equal(p.t.rows[1].line, 3);
	assert_int_equal(p.t.rows[1].raw_start, 8);
	assert_int_equal(p.t.rows[1].raw_end, 11);
	parsed_free(&p);
}

static void test_lone_cr_line_endings(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\r1,2\r3,4\r");
	assert_int_equal(p.t.eol, CSV_EOL_CR);
	assert_int_equal(p.t.nrows, 2);
	CELL(&p.t, 0, 0, "1");
	CELL(&p.t, 1, 1, "4");
	assert_int_equal(p.t.rows[0].line, 2);
	assert_int_equal(p.t.rows[1].line, 3);
	parsed_free(&p);
}

static void test_lone_cr_error_position(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\r1,2\r3,x\"y\r");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 3, 4, "quote character inside an unquoted field");
	parsed_free(&p);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,2\n3,4");
	assert_int_equal(p.dl.n, 0);
	assert_false(p.t.final_eol);
	assert_int_equal(p.t.nrows, 2);
	CELL(&p.t, 1, 1, "4");
	assert_int_equal(p.t.rows[1].raw_end, 11);
	parsed_free(&p);
}

static void test_blank_lines_skipped_with_line_numbers(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n\n1,2\n\n\n3,4\n\n");
	assert_int_equal(p.dl.n, 0);
	assert_int_equal(p.t.nrows, 2);
	assert_int_equal(p.t.rows[0].line, 3);
	assert_int_equal(p.t.rows[1].line, 6);
	CELL(&p.t, 1, 0, "3");
	parsed_free(&p);
}

static void test_blank_lines_before_header(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\n\r\na,b\n1,2\n");
	assert_int_equal(p.t.header_line, 3);
	assert_header_eq(&p.t, 0, "a");
	assert_int_equal(p.t.rows[0].line, 4);
	parsed_free(&p);
}

static void test_error_after_blank_lines_has_right_line(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,2\n\n\n\"x\"y,3\n");
	assert_int_equal(p.t.nrows, 2);
	assert_int_equal(p.t.rows[1].line, 5);
	assert_diag(&p.dl, 0, DIAG_ERROR, 5, 4, "text after the closing quote");
	parsed_free(&p);
}

/* ---- BOM, spaces, empty and ragged fields ---- */

static void test_utf8_bom_stripped(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xEF\xBB\xBFid,name\nx,y\n");
	assert_int_equal(p.dl.n, 0);
	assert_true(p.t.bom);
	assert_header_eq(&p.t, 0, "id");
	assert_int_equal(p.t.header[0].raw_off, 3);
	parsed_free(&p);
}

static void test_no_bom_flag_without_bom(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "id\nx\n");
	assert_false(p.t.bom);
	parsed_free(&p);
}

static void test_bom_not_counted_in_columns(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xEF\xBB\xBF\"a\"b,c\n1,2\n");
	assert_diag(&p.dl, 0, DIAG_ERROR, 1, 4, "text after the closing quote");
	parsed_free(&p);
}

static void test_spaces_kept_around_unquoted_fields(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, " a , b \n 1 ,2 \n");
	assert_int_equal(p.dl.n, 0);
	assert_header_eq(&p.t, 0, " a ");
	assert_header_eq(&p.t, 1, " b ");
	CELL(&p.t, 0, 0, " 1 ");
	CELL(&p.t, 0, 1, "2 ");
	parsed_free(&p);
}

static void test_empty_fields(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n,,\n1,,\n,,3\n");
	/* the row of empty fields only (Excel's ",,") is not data: skipped, with a note */
	assert_int_equal(p.t.nrows, 2);
	for (size_t r = 0; r < 2; r++)
		assert_int_equal(p.t.rows[r].nfields, 3);
	CELL(&p.t, 0, 0, "1");
	CELL(&p.t, 0, 1, "");
	CELL(&p.t, 1, 2, "3");
	assert_diag(&p.dl, 0, DIAG_NOTE, 2, 1, "row skipped: every field is empty");
	/* Only ",," and "1,," lack a value after their first field: the rows the check had to look at. */
	assert_int_equal(p.t.sparse_rows, 2);
	parsed_free(&p);
}

static void test_ragged_row_with_more_fields_kept(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,2,3,4\n5,6\n");
	assert_int_equal(p.t.rows[0].nfields, 4);
	CELL(&p.t, 0, 2, "3");
	CELL(&p.t, 0, 3, "4");
	CELL(&p.t, 1, 1, "6");
	parsed_free(&p);
}

static void test_ragged_row_with_fewer_fields_reads_empty(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n1\n2,3,4\n");
	assert_int_equal(p.t.rows[0].nfields, 1);
	CELL(&p.t, 0, 0, "1");
	CELL(&p.t, 0, 1, "");
	CELL(&p.t, 0, 2, "");
	CELL(&p.t, 1, 2, "4");
	parsed_free(&p);
}

/* ---- quote errors: reported, field read as written, the rest still loads ---- */

static void test_text_after_closing_quote(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "h1,h2,h3\na,\"b\"x,c\nd,e,f\n");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 2, 6, "text after the closing quote of a quoted field");
	assert_int_equal(p.t.nrows, 2);
	assert_int_equal(p.t.rows[0].nfields, 3);
	CELL(&p.t, 0, 0, "a");
	CELL(&p.t, 0, 1, "\"b\"x");
	CELL(&p.t, 0, 2, "c");
	CELL(&p.t, 1, 0, "d");
	CELL(&p.t, 1, 2, "f");
	assert_int_equal(p.t.rows[1].line, 3);
	parsed_free(&p);
}

static void test_bare_quote_in_unquoted_field(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "h1,h2,h3\na,b\"c,d\ne,f,g\n");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 2, 4, "quote character inside an unquoted field");
	assert_int_equal(p.t.nrows, 2);
	CELL(&p.t, 0, 1, "b\"c");
	CELL(&p.t, 0, 2, "d");
	CELL(&p.t, 1, 0, "e");
	parsed_free(&p);
}

static void test_two_quote_errors_in_one_row(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n1,\"a\"b,\"c\"d\n2,3,4\n");
	assert_int_equal(p.dl.n, 2);
	assert_diag(&p.dl, 0, DIAG_ERROR, 2, 6, "text after the closing quote");
	assert_diag(&p.dl, 1, DIAG_ERROR, 2, 11, "text after the closing quote");
	CELL(&p.t, 0, 1, "\"a\"b");
	CELL(&p.t, 0, 2, "\"c\"d");
	assert_int_equal(p.t.nrows, 2);
	parsed_free(&p);
}

static void test_quote_error_before_trailing_comma(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n1,\"x\"y,\n2,3,4\n");
	assert_int_equal(p.t.rows[0].nfields, 3);
	CELL(&p.t, 0, 1, "\"x\"y");
	CELL(&p.t, 0, 2, "");
	assert_int_equal(p.t.nrows, 2);
	parsed_free(&p);
}

static void test_quote_error_column_counts_characters(void **state)
{
	(void)state;
	struct parsed p;
	/* Line 2 is "ñ",x"y: the bare quote is the 6th character but the 7th byte. */
	PARSE(&p, "\xC3\xA9,\xC3\xBC\n\"\xC3\xB1\",x\"y\n");
	assert_diag(&p.dl, 0, DIAG_ERROR, 2, 6, "quote character inside an unquoted field");
	parsed_free(&p);
}

static void test_unterminated_quote_at_end_of_file(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,2\n3,\"x");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 3, 3, "unterminated quoted field");
	assert_int_equal(p.t.nrows, 2);
	CELL(&p.t, 1, 0, "3");
	CELL(&p.t, 1, 1, "\"x");
	parsed_free(&p);
}

static void test_unterminated_quote_rows_after_it_still_load(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,2\n3,\"x\n4,5\n6,7\n");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 3, 3, "the quote opened here is never closed");
	assert_int_equal(p.t.nrows, 4);
	CELL(&p.t, 1, 1, "\"x");
	CELL(&p.t, 2, 0, "4");
	CELL(&p.t, 2, 1, "5");
	CELL(&p.t, 3, 0, "6");
	CELL(&p.t, 3, 1, "7");
	assert_int_equal(p.t.rows[2].line, 4);
	assert_int_equal(p.t.rows[3].line, 5);
	parsed_free(&p);
}

static void test_unterminated_quote_in_crlf_file(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\r\n1,2\r\n\"x,3\r\n4,5\r\n");
	assert_diag(&p.dl, 0, DIAG_ERROR, 3, 1, "unterminated quoted field");
	assert_int_equal(p.t.nrows, 3);
	CELL(&p.t, 1, 0, "\"x,3");
	CELL(&p.t, 2, 1, "5");
	assert_int_equal(p.t.rows[2].line, 4);
	parsed_free(&p);
}

static void test_quote_error_after_multiline_field(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n\"l1\nl2\",ok\n5,\xC3\xA9\"\n");
	assert_int_equal(p.t.nrows, 2);
	CELL(&p.t, 0, 0, "l1\nl2");
	assert_int_equal(p.t.rows[1].line, 4);
	assert_diag(&p.dl, 0, DIAG_ERROR, 4, 4, "quote character inside an unquoted field");
	CELL(&p.t, 1, 1, "\xC3\xA9\"");
	parsed_free(&p);
}

/* ---- bytes ---- */

static void test_nul_byte_is_error_and_kept(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n1,x\0y\n2,3\n");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 2, 4, "NUL byte");
	assert_int_equal(csv_cell_at(&p.t, 0, 1).len, 3);
	CELL(&p.t, 0, 1, "x\0y");
	CELL(&p.t, 1, 0, "2");
	parsed_free(&p);
}

/* A NUL before the first CR: both are still found (one scan stops at whichever comes first). */
static void test_nul_byte_before_lone_cr_line_ends(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\r1,x\0y\r2,3\r");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 2, 4, "NUL byte");
	assert_int_equal(p.t.nrows, 2);
	assert_int_equal(p.t.rows[1].line, 3);
	assert_int_equal(p.t.eol, CSV_EOL_CR);
	CELL(&p.t, 1, 1, "3");
	parsed_free(&p);
}

static void test_nul_byte_in_quoted_multiline_field(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n\"x\0\ny\",2\n3,\0\n");
	assert_int_equal(p.dl.n, 2);
	assert_diag(&p.dl, 0, DIAG_ERROR, 2, 3, "NUL byte");
	assert_diag(&p.dl, 1, DIAG_ERROR, 4, 3, "NUL byte");
	CELL(&p.t, 0, 0, "x\0\ny");
	CELL(&p.t, 1, 1, "\0");
	parsed_free(&p);
}

static void test_invalid_utf8_is_warning_and_kept(void **state)
{
	(void)state;
	struct parsed p;
	/* the é makes it a UTF-8 file with a bad byte, not a legacy one */
	PARSE(&p, "a,b\xC3\xA9\n1,x\xFFy\n");
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_WARNING, 2, 4, "invalid UTF-8 byte 0xFF");
	CELL(&p.t, 0, 1, "x\xFFy");
	parsed_free(&p);
}

static void test_invalid_utf8_column_after_multibyte(void **state)
{
	(void)state;
	struct parsed p;
	/* Line 2: 1,€\xFF,\xFF — the bad bytes are characters 4 and 6. */
	PARSE(&p, "a,b\n1,\xE2\x82\xAC\xFF,\xFF\n");
	assert_int_equal(p.dl.n, 2);
	assert_diag(&p.dl, 0, DIAG_WARNING, 2, 4, "0xFF");
	assert_diag(&p.dl, 1, DIAG_WARNING, 2, 6, "0xFF");
	parsed_free(&p);
}

static void test_invalid_utf8_after_bom_on_line_one(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xEF\xBB\xBF" "ab\xE9,c\n1,2\n");
	assert_diag(&p.dl, 0, DIAG_WARNING, 1, 3, "0xE9");
	assert_header_eq(&p.t, 0, "ab\xE9");
	parsed_free(&p);
}

static void test_many_invalid_bytes_counted(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xC3\xA9\n\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\n\0\n");
	/* Ten listed; the other two counted with the kind, as every problem past its cap is. */
	assert_int_equal(p.dl.n, 11);
	assert_diag(&p.dl, 9, DIAG_WARNING, 2, 10, "0xFF");
	assert_diag(&p.dl, 10, DIAG_ERROR, 3, 1, "NUL byte");
	assert_int_equal(p.dl.items[9].kind->more, 2);
	assert_int_equal(p.dl.warnings, 12);
	assert_int_equal(p.dl.errors, 1);
	parsed_free(&p);
}

/* --check --all keeps every bad byte, each with its own column, however long the line. */
static void test_every_invalid_byte_kept_with_all(void **state)
{
	(void)state;
	struct parsed p;
	diag_set_keep_per_kind(0);
	PARSE(&p, "a\nx\xFF\xC3\xA9\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\r\xFF\n");
	diag_set_keep_per_kind(DIAG_KEEP_PER_KIND);
	assert_int_equal(p.dl.n, 13);
	assert_diag(&p.dl, 0, DIAG_WARNING, 2, 2, "0xFF");
	assert_diag(&p.dl, 1, DIAG_WARNING, 2, 4, "0xFF");
	assert_diag(&p.dl, 11, DIAG_WARNING, 2, 14, "0xFF");
	assert_diag(&p.dl, 12, DIAG_WARNING, 3, 1, "0xFF");
	assert_int_equal(p.dl.items[0].kind->more, 0);
	parsed_free(&p);
}

/* UTF-16 is decoded (the cells are UTF-8 text), its own bytes kept for writing back. */
static void test_utf16_with_bom_decoded(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xFF\xFE" "a\0,\0b\0\n\0" "\xE9\0,\0\x19\x20\n\0");
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.dl.n, 0);
	assert_int_equal(p.t.encoding, RV_ENC_UTF16LE);
	assert_false(p.t.lossy);
	assert_true(p.t.bom);
	assert_header_eq(&p.t, 1, "b");
	CELL(&p.t, 0, 0, "\xC3\xA9");
	CELL(&p.t, 0, 1, "\xE2\x80\x99");
	size_t len;
	const char *bytes = csv_table_file_bytes(&p.t, &len);
	assert_int_equal(len, 18);
	assert_memory_equal(bytes, "\xFF\xFE" "a\0", 4);
	parsed_free(&p);
}

static void test_utf16_big_endian_bom_decoded(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xFE\xFF\0a\0,\0b");
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.t.encoding, RV_ENC_UTF16BE);
	assert_header_eq(&p.t, 0, "a");
	parsed_free(&p);
}

static void test_utf16_without_bom_decoded(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "i\0d\0,\0x\0\n\0" "1\0,\0y\0\n\0");
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.t.encoding, RV_ENC_UTF16LE);
	CELL(&p.t, 0, 1, "y");
	parsed_free(&p);
}

/* An odd number of bytes is not UTF-16: said with the offset, nothing loaded. */
static void test_broken_utf16_refused(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xFF\xFE" "a\0,\0b");
	assert_int_equal(p.st, RV_E_UNREADABLE);
	assert_diag(&p.dl, 0, DIAG_ERROR, 0, 0, "not valid UTF-16LE");
	parsed_free(&p);
}

/* No valid UTF-8 sequence at all: a legacy file, Windows-1252 by default, its undefined bytes kept. */
static void test_windows_1252_decoded(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "id,title\r\n1,caf\xE9 \x92quoted\x92 \x96 \x81\r\n");
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.dl.n, 0);
	assert_int_equal(p.t.encoding, RV_ENC_CP1252);
	assert_false(p.t.lossy);
	CELL(&p.t, 0, 1, "caf\xC3\xA9 \xE2\x80\x99quoted\xE2\x80\x99 \xE2\x80\x93 \xC2\x81");
	parsed_free(&p);
}

/* CR line ends and Mac Roman's ’ and é: Excel for Mac. */
static void test_mac_roman_decoded(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "id,title\r1,caf\x8E \xD5s\r2,\xD2quoted\xD3\r");
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.t.encoding, RV_ENC_MACROMAN);
	assert_int_equal(p.t.eol, CSV_EOL_CR);
	CELL(&p.t, 0, 1, "caf\xC3\xA9 \xE2\x80\x99s");
	CELL(&p.t, 1, 1, "\xE2\x80\x9Cquoted\xE2\x80\x9D");
	parsed_free(&p);
}

static void test_empty_file(void **state)
{
	(void)state;
	struct parsed p;
	parse_mem(&p, "", 0);
	assert_int_equal(p.st, RV_OK);
	assert_null(p.t.header);
	assert_int_equal(p.t.nrows, 0);
	assert_int_equal(p.dl.n, 1);
	assert_diag(&p.dl, 0, DIAG_ERROR, 1, 1, "empty file");
	parsed_free(&p);
}

static void test_only_blank_lines_is_empty_file(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\n\r\n\n");
	assert_null(p.t.header);
	assert_diag(&p.dl, 0, DIAG_ERROR, 1, 1, "empty file");
	parsed_free(&p);
}

static void test_header_only(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b\n");
	assert_int_equal(p.dl.n, 0);
	assert_int_equal(p.t.ncols, 2);
	assert_int_equal(p.t.nrows, 0);
	parsed_free(&p);
}

/* ---- files ---- */

static void test_load_file(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	diag_list_init(&dl);
	assert_int_equal(csv_table_load(&t, "tests/data/model/reviews.csv", &dl), RV_OK);
	assert_int_equal(dl.n, 0);
	assert_string_equal(t.path, "tests/data/model/reviews.csv");
	assert_int_equal(t.nrows, 2);
	assert_cell_eq(&t, 1, 0, LIT("SSR2"));
	csv_table_free(&t);
	diag_list_free(&dl);
}

static void test_load_directory_unreadable(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	diag_list_init(&dl);
	assert_int_equal(csv_table_load(&t, "tests/data", &dl), RV_E_UNREADABLE);
	assert_int_equal(dl.n, 1);
	assert_diag(&dl, 0, DIAG_ERROR, 0, 0, "is a directory");
	char *line = diag_line(&dl.items[0]);
	bool ok = strcmp(line, "tests/data: error: is a directory, not a CSV file") == 0;
	free(line);
	assert_true(ok);
	diag_list_free(&dl);
}

static void test_load_missing_file_not_found(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	diag_list_init(&dl);
	assert_int_equal(csv_table_load(&t, "tests/data/no-such-file.csv", &dl), RV_E_NOT_FOUND);
	assert_int_equal(dl.n, 1);
	assert_diag(&dl, 0, DIAG_ERROR, 0, 0, "cannot open: No such file or directory");
	diag_list_free(&dl);
}

/* ---- positions and formatting ---- */

static void test_position_counts_characters_not_bytes(void **state)
{
	(void)state;
	struct parsed p;
	/* Line 2: "日本語,é,x" — x is at byte 17 of the line but character 7. */
	PARSE(&p, "a,b,c\n\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E,\xC3\xA9,x\n");
	struct csv_cell x = csv_cell_at(&p.t, 0, 2);
	assert_int_equal(x.raw_off, 6 + 13);
	uint32_t line, col;
	csv_table_position(&p.t, x.raw_off, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 7);
	csv_table_position(&p.t, csv_cell_at(&p.t, 0, 1).raw_off, &line, &col);
	assert_int_equal(col, 5);
	parsed_free(&p);
}

static void test_position_inside_multiline_row(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n1,\"two\nlines\",z\n");
	uint32_t line, col;
	csv_table_position(&p.t, csv_cell_at(&p.t, 0, 2).raw_off, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 8);
	csv_table_position(&p.t, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	parsed_free(&p);
}

static void test_diag_format_shapes(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_list_init(&dl);
	diag_add(&dl, DIAG_ERROR, "f.csv", 3, 7, "bad %s", "thing");
	diag_add(&dl, DIAG_WARNING, "f.csv", 4, 0, "whole line");
	diag_add(&dl, DIAG_ERROR, "dir\x1b[0m", 0, 0, "whole file");
	char *a = diag_line(&dl.items[0]), *b = diag_line(&dl.items[1]), *c = diag_line(&dl.items[2]);
	bool ok = strcmp(a, "f.csv:3:7: error: bad thing") == 0 && strcmp(b, "f.csv:4: warning: whole line") == 0 &&
		  strcmp(c, "dir^[[0m: error: whole file") == 0;
	if (!ok)
		print_error("got \"%s\" / \"%s\" / \"%s\"\n", a, b, c);
	free(a);
	free(b);
	free(c);
	assert_int_equal(dl.errors, 2);
	assert_int_equal(dl.warnings, 1);
	assert_true(dl.items[0].file == dl.items[1].file); /* file names are interned */
	diag_list_free(&dl);
	assert_true(ok);
}

static void test_diag_strict_turns_warnings_into_errors(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_list_init(&dl);
	diag_add(&dl, DIAG_WARNING, "f", 1, 1, "w");
	diag_add(&dl, DIAG_ERROR, "f", 2, 1, "e");
	diag_list_make_strict(&dl);
	assert_int_equal(dl.errors, 2);
	assert_int_equal(dl.warnings, 0);
	assert_int_equal(dl.items[0].severity, DIAG_ERROR);
	diag_list_free(&dl);
}

static void test_diag_quote_sanitises_and_cuts(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	diag_quote(&sb, LIT("a\x1b[2Jbcdefghijkl"), 10);
	bool ok = strcmp(sb.data, "'a^[[2Jbcd\xE2\x80\xA6'") == 0;
	if (!ok)
		print_error("got %s\n", sb.data);
	sb_free(&sb);
	assert_true(ok);
}

int run_csvread_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_rows),
		cmocka_unit_test(test_header_cells),
		cmocka_unit_test(test_quoted_field_with_comma),
		cmocka_unit_test(test_quoted_field_with_doubled_quotes),
		cmocka_unit_test(test_quoted_field_keeps_lf),
		cmocka_unit_test(test_quoted_field_keeps_crlf),
		cmocka_unit_test(test_empty_quoted_field),
		cmocka_unit_test(test_crlf_line_endings),
		cmocka_unit_test(test_lf_line_endings),
		cmocka_unit_test(test_lone_cr_line_endings),
		cmocka_unit_test(test_lone_cr_error_position),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_blank_lines_skipped_with_line_numbers),
		cmocka_unit_test(test_blank_lines_before_header),
		cmocka_unit_test(test_error_after_blank_lines_has_right_line),
		cmocka_unit_test(test_utf8_bom_stripped),
		cmocka_unit_test(test_no_bom_flag_without_bom),
		cmocka_unit_test(test_bom_not_counted_in_columns),
		cmocka_unit_test(test_spaces_kept_around_unquoted_fields),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_ragged_row_with_more_fields_kept),
		cmocka_unit_test(test_ragged_row_with_fewer_fields_reads_empty),
		cmocka_unit_test(test_text_after_closing_quote),
		cmocka_unit_test(test_bare_quote_in_unquoted_field),
		cmocka_unit_test(test_two_quote_errors_in_one_row),
		cmocka_unit_test(test_quote_error_before_trailing_comma),
		cmocka_unit_test(test_quote_error_column_counts_characters),
		cmocka_unit_test(test_unterminated_quote_at_end_of_file),
		cmocka_unit_test(test_unterminated_quote_rows_after_it_still_load),
		cmocka_unit_test(test_unterminated_quote_in_crlf_file),
		cmocka_unit_test(test_quote_error_after_multiline_field),
		cmocka_unit_test(test_nul_byte_is_error_and_kept),
		cmocka_unit_test(test_nul_byte_before_lone_cr_line_ends),
		cmocka_unit_test(test_nul_byte_in_quoted_multiline_field),
		cmocka_unit_test(test_invalid_utf8_is_warning_and_kept),
		cmocka_unit_test(test_invalid_utf8_column_after_multibyte),
		cmocka_unit_test(test_invalid_utf8_after_bom_on_line_one),
		cmocka_unit_test(test_many_invalid_bytes_counted),
		cmocka_unit_test(test_every_invalid_byte_kept_with_all),
		cmocka_unit_test(test_utf16_with_bom_decoded),
		cmocka_unit_test(test_utf16_big_endian_bom_decoded),
		cmocka_unit_test(test_utf16_without_bom_decoded),
		cmocka_unit_test(test_broken_utf16_refused),
		cmocka_unit_test(test_windows_1252_decoded),
		cmocka_unit_test(test_mac_roman_decoded),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_only_blank_lines_is_empty_file),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_directory_unreadable),
		cmocka_unit_test(test_load_missing_file_not_found),
		cmocka_unit_test(test_position_counts_characters_not_bytes),
		cmocka_unit_test(test_position_inside_multiline_row),
		cmocka_unit_test(test_diag_format_shapes),
		cmocka_unit_test(test_diag_strict_turns_warnings_into_errors),
		cmocka_unit_test(test_diag_quote_sanitises_and_cuts),
	};
	return cmocka_run_group_tests_name("csvread", tests, NULL, NULL);
}
