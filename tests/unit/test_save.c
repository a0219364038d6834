/*
 * test_save.c - writing tables back (csv_table_serialize, csv_write_field, rv_defuse_formula) and
 * replacing files atomically (rv_file_stamp_*, rv_save_atomic), with failures injected at every step.
 *
 * Every test that touches the disk works in a fresh mkdtemp directory, removed afterwards.
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

#include "recview/save.h"
#include "recview/strbuf.h"

#define PARSE(p, s) parse_mem((p), LIT(s))

/* ---- helpers ---- */

/* Asserts two byte strings are equal, showing the first difference. */
static void assert_bytes(const char *what, const char *got, size_t got_len, const char *want, size_t want_len)
{
	if (got_len == want_len && (want_len == 0 || memcmp(got, want, want_len) == 0))
		return;
	size_t i = 0;
	while (i < got_len && i < want_len && got[i] == want[i])
		i++;
	print_error("%s: bytes differ at offset %zu (got %zu bytes, want %zu)\n", what, i, got_len, want_len);
	size_t from = i > 40 ? i - 40 : 0;
	print_bytes("  got ", got + from, (got_len > from ? got_len - from : 0) < 120 ? got_len - from : 120);
	print_bytes("  want", want + from, (want_len > from ? want_len - from : 0) < 120 ? want_len - from : 120);
	fail();
}

/* The file's bytes as a save writes them: serialised, then in the file's own encoding. */
static void serialize(const struct csv_table *t, struct strbuf *out)
{
	sb_reset(out);
	csv_table_serialize(t, out);
	size_t bad;
	assert_true(csv_table_encode_text(t, out, &bad));
}

/* ---- round trips: property checks on one table ---- */

/* Where the raw bytes of original cell col of row r end, from the reader's offsets (no edits made). */
static size_t orig_cell_end(const struct csv_table *t, const struct csv_row *r, size_t col)
{
	if (col + 1 < r->nfields)
		return t->cells[r->first_cell + col + 1].raw_off - 1;
	return r->raw_end;
}

/* What the file should become when the cells of row ri for which change[col] holds become "X". */
static void expected_with_changes(const struct csv_table *t, size_t ri, const bool *change, struct strbuf *out)
{
	const struct csv_row *r = &t->rows[ri];
	sb_reset(out);
	sb_add(out, t->buf, r->raw_start);
	for (size_t col = 0; col < r->nfields; col++) {
		if (col)
			sb_addc(out, csv_table_delim(t));
		const struct csv_cell *c = &t->cells[r->first_cell + col];
		if (change[col])
			sb_addc(out, 'X');
		else
			sb_add(out, t->buf + c->raw_off, orig_cell_end(t, r, col) - c->raw_off);
	}
	sb_add(out, t->buf + r->raw_end, t->size - r->raw_end);
}

/* Changes the marked cells of row ri to "X", serialises, compares, and puts the row back as it was. */
static void check_change(struct csv_table *t, size_t ri, const bool *change, const char *what, struct strbuf *got,
			 struct strbuf *want)
{
	struct csv_row saved_row = t->rows[ri];
	size_t n = saved_row.nfields;
	struct csv_cell *saved = malloc(n * sizeof(*saved));
	assert_non_null(saved);
	memcpy(saved, t->cells + saved_row.first_cell, n * sizeof(*saved));

	expected_with_changes(t, ri, change, want);
	size_t bad;
	assert_true(csv_table_encode_text(t, want, &bad)); /* in the file's own encoding */
	for (size_t col = 0; col < n; col++)
		if (change[col])
			csv_table_set_cell(t, ri, col, "X", 1);
	serialize(t, got);
	if (got->len != want->len || memcmp(got->data, want->data, want->len) != 0)
		print_error("%s: row %zu (line %u)\n", what, ri, (unsigned)saved_row.line);
	assert_bytes(what, got->data, got->len, want->data, want->len);

	memcpy(t->cells + saved_row.first_cell, saved, n * sizeof(*saved));
	t->rows[ri] = saved_row;
	free(saved);
}

/*
 * The table serialises to its own bytes: untouched, with every row marked dirty (each rebuilt from
 * its cells' raw bytes), and with any one cell changed, or all cells of a row but one, only those
 * cells differ. The last two check where unchanged cells end when their neighbours lost their offsets.
 */
static void check_table(struct csv_table *t, const char *what)
{
	struct strbuf got, want;
	sb_init(&got);
	sb_init(&want);

	size_t file_len;
	const char *file = csv_table_file_bytes(t, &file_len);
	serialize(t, &got);
	assert_bytes(what, got.data, got.len, file, file_len);

	for (size_t i = 0; i < t->nrows; i++)
		t->rows[i].flags |= CSV_ROW_DIRTY;
	serialize(t, &got);
	assert_bytes(what, got.data, got.len, file, file_len);
	for (size_t i = 0; i < t->nrows; i++)
		t->rows[i].flags &= ~(uint32_t)CSV_ROW_DIRTY;

	for (size_t ri = 0; ri < t->nrows; ri++) {
		size_t n = t->rows[ri].nfields;
		bool *change = calloc(n, sizeof(*change));
		assert_non_null(change);
		for (size_t col = 0; col < n; col++) {
			memset(change, 0, n * sizeof(*change));
			change[col] = true;
			check_change(t, ri, change, what, &got, &want);
			if (n > 1) {
				for (size_t k = 0; k < n; k++)
					change[k] = k != col;
				check_change(t, ri, change, what, &got, &want);
			}
		}
		free(change);
	}
	sb_free(&got);
	sb_free(&want);
}

/* Loads a file with csv_table_load and checks it; returns false when the reader refuses the file. */
static bool check_file(const char *path)
{
	struct diag_list dl;
	diag_list_init(&dl);
	struct csv_table t;
	enum rv_result st = csv_table_load(&t, path, &dl);
	if (st != RV_OK) {
		diag_list_free(&dl);
		return false;
	}
	size_t len;
	char *bytes = read_whole_file(path, &len);
	assert_non_null(bytes);
	struct strbuf out;
	sb_init(&out);
	serialize(&t, &out);
	assert_bytes(path, out.data, out.len, bytes, len);
	sb_free(&out);
	free(bytes);
	check_table(&t, path);
	csv_table_free(&t);
	diag_list_free(&dl);
	return true;
}

struct file_count {
	size_t ok, refused;
};

/* Every *.csv under dir (recursively when deep), or every regular file when all. */
static void check_dir(const char *dir, bool deep, bool all, struct file_count *n)
{
	DIR *d = opendir(dir);
	if (!d)
		print_error("cannot open %s\n", dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		struct stat st;
		assert_int_equal(stat(path, &st), 0);
		if (S_ISDIR(st.st_mode)) {
			if (deep)
				check_dir(path, deep, all, n);
			continue;
		}
		size_t nl = strlen(e->d_name);
		if (!S_ISREG(st.st_mode) || (!all && (nl < 4 || strcmp(e->d_name + nl - 4, ".csv") != 0)))
			continue;
		if (check_file(path)) {
			n->ok++;
		} else {
			/* Every encoding is read now (UTF-16 decoded): a refusal is a failure. */
			print_error("%s: refused by the reader\n", path);
			fail();
			n->refused++;
		}
	}
	closedir(d);
}

static void test_roundtrip_csv_spectrum(void **state)
{
	(void)state;
	struct file_count n = {0, 0};
	check_dir(CSV_SPECTRUM_DIR "/csvs", false, true, &n);
	assert_true(n.ok >= 12);
	assert_int_equal(n.refused, 0);
}

static void test_roundtrip_bundled_data(void **state)
{
	(void)state;
	struct file_count n = {0, 0};
	check_dir("data", true, false, &n);
	assert_true(n.ok >= 5);
	assert_int_equal(n.refused, 0);
}

static void test_roundtrip_test_data(void **state)
{
	(void)state;
	struct file_count n = {0, 0};
	check_dir("tests/data", true, false, &n);
	assert_true(n.ok >= 35); /* 37 CSV files at the time of writing, and the export corpus */
	assert_int_equal(n.refused, 0); /* UTF-16 and legacy encodings are read, and written back as they were */
}

/* Files written here for what the fixtures may not hold. */
static const struct {
	const char *data;
	size_t len;
} samples[] = {
	{LIT("a,b\n1,2\n")},
	{LIT("a,b\r\n1,2\r\n")},
	{LIT("a,b\r1,2\r3,4")},
	{LIT("a,b\n1,2")},
	{LIT("\xEF\xBB\xBF" "a,b\r\n1,\"2\"\r\n")},
	{LIT("a,b\n\n\n1,2\n\n3,4\n\n\n")},
	{LIT("\n\r\n\na,b\n1,2\n")},
	{LIT("a,b,c\n1\n1,2,3,4,5\n,\n,,,,\n")},
	{LIT("a,b\n\"1\",\"x,\"\"y\"\"\"\n\"\",\"\"\n")},
	{LIT("a,b\n\"multi\nline\",2\n\"x\r\ny\",\"p\rq\"\n")},
	{LIT("a,b\n1,\"unterminated\nand more\n")},
	{LIT("a,b\n1,\"2\"\"\n")},
	{LIT("a,b\n\"x\"y,2\n\"x\"y\"z\",\"w\"\n")},
	{LIT("a,b\nx\"y,2\n3,x\"\"y\"\n")},
	{LIT("a,b\n\"a\nb\"x,y\n3,4\n")},
	{LIT("a,b\n\"a,\"\"b\nc\"x,y\n3,4\n")},
	{LIT("a,b\n1,2,\n1,\n,\n")},
	{LIT("a,b\n\"x\"y,\n")},
	{LIT("a,b\n ,  \n\t,\" \"\n")},
	{LIT("a,b\n1\0002,3\n\0,\"\0\"\n")},
	{LIT("a,b\n\xff\xfe,\xc3\n\xed\xa0\x80,\xc0\xaf\n")},
	{LIT("a,b\r\n1,2\n3,4\r5,6")},
	{LIT("a\n\"\"\n\" \"\n")},
	{LIT("a,b\n1,2\n\r\n\r\n")},
	{LIT("a,\"b\nc\"\n1,2\n")},
	{LIT("h\n")},
	{LIT("h")},
	{LIT("")},
	{LIT("\xEF\xBB\xBF")},
	{LIT("\n\n")},
	{LIT("a,b\n\"open,\n")},
	{LIT("a,b\n1,\"x\" \n2,\" y\"z\"\n")},
};

static void test_roundtrip_samples(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(*samples); i++) {
		struct parsed p;
		parse_mem(&p, samples[i].data, samples[i].len);
		assert_int_equal(p.st, RV_OK);
		char what[32];
		snprintf(what, sizeof(what), "sample %zu", i);
		check_table(&p.t, what);
		parsed_free(&p);
	}
}

/*
 * Random files over an alphabet of the bytes that matter (separators, quotes, line breaks, spaces,
 * NUL, a BOM start), with a fixed seed: every quote error the reader can recover from turns up.
 */
static void test_roundtrip_random(void **state)
{
	(void)state;
	static const char alphabet[] = {'a', 'b', ',', ',', '"', '"', '\n', '\r', ' ', '\t', '\0', '\xEF'};
	uint32_t seed = 12345;
	char buf[64];
	for (int n = 0; n < 3000; n++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % sizeof(buf);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % sizeof(alphabet)];
		}
		struct parsed p;
		parse_mem(&p, buf, len);
		if (p.st == RV_OK) {
			char what[32];
			snprintf(what, sizeof(what), "random file %d", n);
			check_table(&p.t, what);
		}
		parsed_free(&p);
	}
}

/* ---- edits ---- */

/* Lines of text split on '\n' (with their ends), compared: the number of lines that differ. */
static size_t lines_differing(const char *a, size_t alen, const char *b, size_t blen, size_t *nlines)
{
	size_t diff = 0, lines = 0, i = 0, j = 0;
	while (i < alen || j < blen) {
		size_t ie = i, je = j;
		while (ie < alen && a[ie] != '\n')
			ie++;
		while (je < blen && b[je] != '\n')
			je++;
		if (ie - i != je - j || memcmp(a + i, b + j, ie - i) != 0)
			diff++;
		lines++;
		i = ie < alen ? ie + 1 : ie;
		j = je < blen ? je + 1 : je;
	}
	*nlines = lines;
	return diff;
}

static void test_edit_one_cell_only_that_row(void **state)
{
	(void)state;
	const char *path = "data/recommendations.csv";
	struct diag_list dl;
	diag_list_init(&dl);
	struct csv_table t;
	assert_int_equal(csv_table_load(&t, path, &dl), RV_OK);
	assert_true(t.nrows > 6);
	/* Row 0: SSR1-1, whose topic is quoted because it holds a comma. */
	const struct csv_row r = t.rows[0];
	size_t title_col = 4;
	assert_header_eq(&t, title_col, "title");
	struct csv_cell topic = csv_cell_at(&t, 0, 3);
	assert_int_equal(t.buf[topic.raw_off], '"');

	csv_table_set_cell(&t, 0, title_col, LIT("Publish the remit, clearly"));
	struct strbuf out;
	sb_init(&out);
	csv_table_serialize(&t, &out);

	/* Everything before and after the row is the file's own bytes. */
	assert_true(out.len > r.raw_start);
	assert_memory_equal(out.data, t.buf, r.raw_start);
	size_t tail = t.size - r.raw_end;
	assert_memory_equal(out.data + out.len - tail, t.buf + r.raw_end, tail);
	/* One line differs, and in it the quoted topic is still quoted. */
	size_t nlines;
	assert_int_equal(lines_differing(out.data, out.len, t.buf, t.size, &nlines), 1);
	assert_true(nlines > t.nrows);
	const char *row = out.data + r.raw_start;
	const char *want = "SSR1-1,SSR1,1,\"Affirmation of Purpose \xE2\x80\x93 ICANN\xE2\x80\x99s Remit, Mission\","
			   "\"Publish the remit, clearly\",\"ICANN should publish";
	assert_memory_equal(row, want, strlen(want));

	/* Read back: the new value and the others as they were. */
	struct parsed p;
	parse_mem(&p, out.data, out.len);
	assert_int_equal(p.t.nrows, t.nrows);
	assert_cell_eq(&p.t, 0, title_col, LIT("Publish the remit, clearly"));
	assert_cell_eq(&p.t, 0, 3, topic.ptr, topic.len);
	parsed_free(&p);
	sb_free(&out);
	csv_table_free(&t);
	diag_list_free(&dl);
}

static void expect_serialized(const struct csv_table *t, const char *want, size_t want_len)
{
	struct strbuf out;
	sb_init(&out);
	csv_table_serialize(t, &out);
	assert_bytes("serialised", out.data, out.len, want, want_len);
	sb_free(&out);
}

static void test_edit_keeps_raw_neighbours(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "id,topic,title,x\r\n1,\"Remit, Mission\",Old,\"q\"\"\"\r\n2,\"Other\",x,y\r\n");
	csv_table_set_cell(&p.t, 0, 2, LIT("New, \"improved\""));
	expect_serialized(&p.t, LIT("id,topic,title,x\r\n1,\"Remit, Mission\",\"New, \"\"improved\"\"\",\"q\"\"\"\r\n"
				    "2,\"Other\",x,y\r\n"));
	/* The quoted neighbours of a changed cell keep their form; an empty value is written as nothing. */
	csv_table_set_cell(&p.t, 1, 2, LIT(""));
	expect_serialized(&p.t, LIT("id,topic,title,x\r\n1,\"Remit, Mission\",\"New, \"\"improved\"\"\",\"q\"\"\"\r\n"
				    "2,\"Other\",,y\r\n"));
	csv_table_set_cell(&p.t, 0, 0, LIT("7"));
	csv_table_set_cell(&p.t, 1, 3, LIT(" padded"));
	expect_serialized(&p.t, LIT("id,topic,title,x\r\n7,\"Remit, Mission\",\"New, \"\"improved\"\"\",\"q\"\"\"\r\n"
				    "2,\"Other\",,\" padded\"\r\n"));
	parsed_free(&p);
}

static void test_edit_row_with_multiline_cell(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n1,\"two\nlines\",3\n4,5,6\n");
	csv_table_set_cell(&p.t, 0, 2, LIT("three"));
	expect_serialized(&p.t, LIT("a,b,c\n1,\"two\nlines\",three\n4,5,6\n"));
	csv_table_set_cell(&p.t, 0, 1, LIT("one line"));
	expect_serialized(&p.t, LIT("a,b,c\n1,one line,three\n4,5,6\n"));
	csv_table_set_cell(&p.t, 1, 0, LIT("x\ny"));
	expect_serialized(&p.t, LIT("a,b,c\n1,one line,three\n\"x\ny\",5,6\n"));
	parsed_free(&p);
}

static void test_edit_single_column_row_to_empty(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a\nx\ny\n");
	/* An empty line would be skipped when read again: a lone empty field is written as "". */
	csv_table_set_cell(&p.t, 0, 0, LIT(""));
	expect_serialized(&p.t, LIT("a\n\"\"\ny\n"));
	parsed_free(&p);
}

static void test_widen_short_row(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "a,b,c\n1,\"2\"\n3,4,5\n\"6\"\n");
	/* Row 0 is not the last in the cell array: its cells are moved, with their offsets. */
	csv_table_set_cell(&p.t, 0, 2, LIT("x"));
	expect_serialized(&p.t, LIT("a,b,c\n1,\"2\",x\n3,4,5\n\"6\"\n"));
	/* Row 2 is last: widened in place, two columns further than the header. */
	csv_table_set_cell(&p.t, 2, 4, LIT("far"));
	expect_serialized(&p.t, LIT("a,b,c\n1,\"2\",x\n3,4,5\n\"6\",,,,far\n"));
	/* A cell before the added ones changes; the other original cell keeps its quotes. */
	csv_table_set_cell(&p.t, 0, 0, LIT("w"));
	expect_serialized(&p.t, LIT("a,b,c\nw,\"2\",x\n3,4,5\n\"6\",,,,far\n"));
	parsed_free(&p);

	PARSE(&p, "a,b,c\n\"1\",\"2\"\n");
	csv_table_set_cell(&p.t, 0, 1, LIT("z"));
	csv_table_set_cell(&p.t, 0, 2, LIT("y"));
	expect_serialized(&p.t, LIT("a,b,c\n\"1\",z,y\n"));
	parsed_free(&p);
}

/* ---- appended rows ---- */

static void append(struct csv_table *t, const char *a, const char *b)
{
	size_t r = csv_table_append_row(t);
	csv_table_set_cell(t, r, 0, a, strlen(a));
	if (b)
		csv_table_set_cell(t, r, 1, b, strlen(b));
}

#define APPEND_CASE(in, a, b, want)                          \
	do {                                                 \
		struct parsed p_;                            \
		PARSE(&p_, in);                              \
		assert_int_equal(p_.st, RV_OK);             \
		append(&p_.t, a, b);                         \
		expect_serialized(&p_.t, LIT(want));         \
		parsed_free(&p_);                            \
	} while (0)

static void test_append_rows_line_breaks(void **state)
{
	(void)state;
	APPEND_CASE("h1,h2\n1,2\n", "x", "y z ", "h1,h2\n1,2\nx,\"y z \"\n");
	APPEND_CASE("h1,h2\r\n1,2\r\n", "x", "y", "h1,h2\r\n1,2\r\nx,y\r\n");
	APPEND_CASE("h1,h2\r1,2\r", "x", "y", "h1,h2\r1,2\rx,y\r");
	/* No final line break: one is added, and the appended row ends with one. */
	APPEND_CASE("h1,h2\n1,2", "x", "y", "h1,h2\n1,2\nx,y\n");
	APPEND_CASE("h1,h2\r\n1,2", "x", "y", "h1,h2\r\n1,2\r\nx,y\r\n");
	APPEND_CASE("h1,h2\r1,2", "x", "y", "h1,h2\r1,2\rx,y\r");
	/* Header only, no line break at all: LF. */
	APPEND_CASE("h1,h2", "x", "y", "h1,h2\nx,y\n");
	APPEND_CASE("\xEF\xBB\xBFh1,h2\r\n", "x", "y", "\xEF\xBB\xBFh1,h2\r\nx,y\r\n");
	/* After what follows the last row: trailing blank lines stay where they were. */
	APPEND_CASE("h1,h2\n1,2\n\n", "x", "y", "h1,h2\n1,2\n\nx,y\n");
	/* Empty cells, and a one-column row that is empty. */
	APPEND_CASE("h1,h2\n", "", NULL, "h1,h2\n,\n");
	APPEND_CASE("h\n1\n", "", NULL, "h\n1\n\"\"\n");
	APPEND_CASE("h1,h2\n1,2\n", "=1+2", "a\nb", "h1,h2\n1,2\n=1+2,\"a\nb\"\n");
}

static void test_append_several_and_edit(void **state)
{
	(void)state;
	struct parsed p;
	PARSE(&p, "\xEF\xBB\xBFid,v\r\n1,\"a\"\r\n2,b");
	append(&p.t, "3", "c");
	append(&p.t, "4", "d, e");
	csv_table_set_cell(&p.t, 0, 1, LIT("A"));
	const char want[] = "\xEF\xBB\xBFid,v\r\n1,A\r\n2,b\r\n3,c\r\n4,\"d, e\"\r\n";
	expect_serialized(&p.t, LIT(want));

	/* Read back: the appended rows are there with their values. */
	struct parsed q;
	PARSE(&q, want);
	assert_int_equal(q.dl.n, 0);
	assert_int_equal(q.t.nrows, 4);
	assert_cell_eq(&q.t, 0, 1, LIT("A"));
	assert_cell_eq(&q.t, 2, 0, LIT("3"));
	assert_cell_eq(&q.t, 3, 1, LIT("d, e"));
	parsed_free(&q);

	/* Undoing the appends leaves only the edit. */
	csv_table_drop_last_row(&p.t);
	csv_table_drop_last_row(&p.t);
	csv_table_drop_last_row(&p.t); /* not an appended row: stays */
	expect_serialized(&p.t, LIT("\xEF\xBB\xBFid,v\r\n1,A\r\n2,b"));
	parsed_free(&p);

	PARSE(&p, "a,b\n1,2");
	append(&p.t, "x", "y");
	csv_table_drop_last_row(&p.t);
	expect_serialized(&p.t, LIT("a,b\n1,2"));
	parsed_free(&p);
}

/* ---- csv_write_field and rv_defuse_formula ---- */

static void expect_field(const char *in, size_t len, const char *want, size_t want_len)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "<");
	csv_write_field(&sb, in, len);
	assert_bytes("field", sb.data + 1, sb.len - 1, want, want_len);

	/* What was written reads back as the value. */
	struct strbuf file;
	sb_init(&file);
	sb_adds(&file, "h,z\n");
	sb_add(&file, sb.data + 1, sb.len - 1);
	sb_adds(&file, ",end\n");
	struct parsed p;
	parse_mem(&p, file.data, file.len);
	assert_int_equal(p.t.nrows, 1);
	assert_cell_eq(&p.t, 0, 0, in, len);
	assert_cell_eq(&p.t, 0, 1, LIT("end"));
	parsed_free(&p);
	sb_free(&file);
	sb_free(&sb);
}

static void test_write_field_quoting(void **state)
{
	(void)state;
	expect_field(LIT("plain"), LIT("plain"));
	expect_field(LIT(""), LIT(""));
	expect_field(LIT("a b"), LIT("a b"));
	expect_field(LIT("a,b"), LIT("\"a,b\""));
	expect_field(LIT("say \"hi\""), LIT("\"say \"\"hi\"\"\""));
	expect_field(LIT("\""), LIT("\"\"\"\""));
	expect_field(LIT("\"\""), LIT("\"\"\"\"\"\""));
	expect_field(LIT("a\nb"), LIT("\"a\nb\""));
	expect_field(LIT("a\rb"), LIT("\"a\rb\""));
	expect_field(LIT("a\r\nb"), LIT("\"a\r\nb\""));
	expect_field(LIT(" lead"), LIT("\" lead\""));
	expect_field(LIT("trail "), LIT("\"trail \""));
	expect_field(LIT("\tlead"), LIT("\"\tlead\""));
	expect_field(LIT("trail\t"), LIT("\"trail\t\""));
	expect_field(LIT(" "), LIT("\" \""));
	expect_field(LIT("in\tside"), LIT("in\tside"));
	expect_field(LIT("caf\xC3\xA9 \xE2\x80\x93 ok"), LIT("caf\xC3\xA9 \xE2\x80\x93 ok"));
	expect_field(LIT("nul\0byte"), LIT("nul\0byte"));
	expect_field(LIT("=1+2"), LIT("=1+2"));
}

static void expect_defused(const char *in, size_t len, const char *want, size_t want_len)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "<");
	rv_defuse_formula(&sb, in, len);
	assert_memory_equal(sb.data, "<", 1); /* appends */
	assert_bytes("defused", sb.data + 1, sb.len - 1, want, want_len);
	sb_free(&sb);
}

static void test_defuse_formula(void **state)
{
	(void)state;
	expect_defused(LIT("=1+2"), LIT("'=1+2"));
	expect_defused(LIT("=HYPERLINK(\"http://x\")"), LIT("'=HYPERLINK(\"http://x\")"));
	expect_defused(LIT("+1"), LIT("'+1"));
	expect_defused(LIT("-1"), LIT("'-1"));
	expect_defused(LIT("@SUM(A1)"), LIT("'@SUM(A1)"));
	expect_defused(LIT("\t=1"), LIT("'\t=1"));
	expect_defused(LIT("\r=1"), LIT("'\r=1"));
	expect_defused(LIT("a=b"), LIT("a=b"));
	expect_defused(LIT("plain"), LIT("plain"));
	expect_defused(LIT(""), LIT(""));
	expect_defused(LIT(" =1"), LIT(" =1"));
	expect_defused(LIT("'=1"), LIT("'=1"));
	expect_defused(LIT("\0=1"), LIT("\0=1"));
}

/* ---- saving: a fresh directory per test, and system calls that fail on demand ---- */

static char dir[64];

static int dir_setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/recview-save-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int dir_teardown(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

/* dir/name, in one of a few rotating buffers. */
static const char *in_dir(const char *name)
{
	static char bufs[8][256];
	static int next;
	char *b = bufs[next++ % 8];
	snprintf(b, sizeof(bufs[0]), "%s/%s", dir, name);
	return b;
}

static void put_file(const char *path, const char *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	assert_int_equal(fchmod(fd, mode), 0);
	assert_int_equal(close(fd), 0);
}

static void assert_file(const char *path, const char *want, size_t want_len)
{
	size_t len;
	char *got = read_whole_file(path, &len);
	if (!got)
		print_error("cannot read %s\n", path);
	assert_non_null(got);
	assert_bytes(path, got, len, want, want_len);
	free(got);
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of a directory, sorted and joined with spaces: what is there, temporary files included. */
static void assert_listing(const char *path, const char *want)
{
	DIR *d = opendir(path);
	assert_non_null(d);
	char *names[64];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 64)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		sb_addf(&sb, "%s%s", i ? " " : "", names[i]);
		free(names[i]);
	}
	if (strcmp(sb.data, want) != 0)
		print_error("%s holds \"%s\", want \"%s\"\n", path, sb.data, want);
	assert_string_equal(sb.data, want);
	sb_free(&sb);
}

/* The lowest free descriptor: unchanged across a save when none leaked. */
static int lowest_free_fd(void)
{
	int fd = open("/dev/null", O_RDONLY);
	assert_true(fd >= 0);
	close(fd);
	return fd;
}

static struct fault {
	int open_fail, open_errno; /* the Nth open fails (1-based; 0: none) */
	int open_eexist;           /* the first N opens find their name taken */
	int write_fail, write_errno;
	size_t write_max;          /* writes take at most this much (0: all) */
	bool write_eintr;          /* every odd write is interrupted */
	bool write_zero;           /* writes make no progress */
	int fsync_fail, fsync_errno;
	int close_fail, close_errno;
	int rename_fail, rename_errno;
	int n_open, n_write, n_fsync, n_close, n_rename;
	int open_flags[8];
	char open_path[8][256];
} F;

static int fk_open(const char *path, int flags, mode_t mode)
{
	int i = F.n_open++;
	if (i < 8) {
		F.open_flags[i] = flags;
		snprintf(F.open_path[i], sizeof(F.open_path[i]), "%s", path);
	}
	if (F.n_open <= F.open_eexist) {
		errno = EEXIST;
		return -1;
	}
	if (F.n_open == F.open_fail) {
		errno = F.open_errno;
		return -1;
	}
	return open(path, flags, mode);
}

static ssize_t fk_write(int fd, const void *buf, size_t len)
{
	F.n_write++;
	if (F.n_write == F.write_fail) {
		errno = F.write_errno;
		return -1;
	}
	if (F.write_zero)
		return 0;
	if (F.write_eintr && F.n_write % 2 == 1) {
		errno = EINTR;
		return -1;
	}
	if (F.write_max && len > F.write_max)
		len = F.write_max;
	return write(fd, buf, len);
}

static int fk_fsync(int fd)
{
	F.n_fsync++;
	if (F.n_fsync == F.fsync_fail) {
		errno = F.fsync_errno;
		return -1;
	}
	return fsync(fd);
}

static int fk_close(int fd)
{
	F.n_close++;
	int rc = close(fd);
	if (F.n_close == F.close_fail) {
		errno = F.close_errno;
		return -1;
	}
	return rc;
}

static int fk_rename(const char *from, const char *to)
{
	F.n_rename++;
	if (F.n_rename == F.rename_fail) {
		errno = F.rename_errno;
		return -1;
	}
	return rename(from, to);
}

static const struct rv_save_ops fault_ops = {
	.open = fk_open, .write = fk_write, .fsync = fk_fsync, .close = fk_close, .rename = fk_rename};

static int save_setup(void **state)
{
	memset(&F, 0, sizeof(F));
	return dir_setup(state);
}

static const char original[] = "id,status\n1,open\n2,\"closed, done\"\n";
static const char replacement[] = "id,status\n1,done\n2,\"closed, done\"\n3,new\n";

/*
 * A save with F's fault fails: the message names the step and the file, and afterwards the original
 * is byte-identical with its mode, its stamp unchanged, no temporary file is left, no descriptor leaked.
 */
static void expect_failed_save(const char *want_msg_start)
{
	const char *path = in_dir("a.csv");
	put_file(path, LIT(original), 0640);
	struct rv_file_stamp before, after;
	rv_file_stamp_read(path, &before);
	int fd0 = lowest_free_fd();

	char err[512] = "junk";
	enum rv_result rc =
		rv_save_atomic(path, LIT(replacement), &before, &fault_ops, NULL, err, sizeof(err));
	assert_int_equal(rc, RV_E_FAILED);
	char want[512];
	snprintf(want, sizeof(want), want_msg_start, path);
	if (strncmp(err, want, strlen(want)) != 0)
		print_error("message \"%s\", want it to begin \"%s\"\n", err, want);
	assert_true(strncmp(err, want, strlen(want)) == 0);
	assert_non_null(strstr(err, "(the file was not changed)"));

	assert_file(path, LIT(original));
	assert_int_equal(mode_of(path), 0640);
	rv_file_stamp_read(path, &after);
	assert_true(rv_file_stamp_equal(&before, &after));
	assert_listing(dir, "a.csv");
	assert_int_equal(lowest_free_fd(), fd0);
}

static void test_save_fails_at_open(void **state)
{
	(void)state;
	F.open_fail = 1;
	F.open_errno = EACCES;
	expect_failed_save("cannot create a temporary file next to %s: Permission denied");
	assert_int_equal(F.n_write, 0);
	assert_int_equal(F.n_rename, 0);
}

static void test_save_fails_when_every_name_taken(void **state)
{
	(void)state;
	F.open_eexist = 1000;
	expect_failed_save("cannot create a temporary file next to %s: File exists");
	assert_true(F.n_open >= 10);
}

static void test_save_fails_at_write(void **state)
{
	(void)state;
	F.write_fail = 1;
	F.write_errno = EIO;
	expect_failed_save("cannot write %s: Input/output error");
}

static void test_save_fails_at_write_enospc_after_short_write(void **state)
{
	(void)state;
	F.write_max = 5;
	F.write_fail = 3;
	F.write_errno = ENOSPC;
	expect_failed_save("cannot write %s: No space left on device (the file was not changed)");
	assert_int_equal(F.n_write, 3);
}

static void test_save_fails_when_write_makes_no_progress(void **state)
{
	(void)state;
	F.write_zero = true;
	expect_failed_save("cannot write %s");
	assert_int_equal(F.n_write, 1);
}

static void test_save_fails_at_fsync(void **state)
{
	(void)state;
	F.fsync_fail = 1;
	F.fsync_errno = EIO;
	expect_failed_save("cannot flush %s to disk: Input/output error");
	assert_int_equal(F.n_rename, 0);
}

static void test_save_fails_at_close(void **state)
{
	(void)state;
	F.close_fail = 1;
	F.close_errno = EIO;
	expect_failed_save("cannot close %s: Input/output error");
	assert_int_equal(F.n_close, 1); /* not closed twice */
	assert_int_equal(F.n_rename, 0);
}

static void test_save_fails_at_rename(void **state)
{
	(void)state;
	F.rename_fail = 1;
	F.rename_errno = EXDEV;
	expect_failed_save("cannot replace %s: Invalid cross-device link");
}

/* A save with F's behaviour succeeds; returns the error text (empty unless a warning). */
static void expect_good_save(const char *path, const struct rv_file_stamp *expected, char *err, size_t errsize)
{
	struct rv_file_stamp written, reread;
	int fd0 = lowest_free_fd();
	assert_int_equal(rv_save_atomic(path, LIT(replacement), expected, &fault_ops, &written, err, errsize),
			 RV_OK);
	assert_file(path, LIT(replacement));
	rv_file_stamp_read(path, &reread);
	assert_true(written.exists);
	assert_true(rv_file_stamp_equal(&written, &reread));
	assert_int_equal(lowest_free_fd(), fd0);
}

static void test_save_short_writes_and_eintr(void **state)
{
	(void)state;
	const char *path = in_dir("a.csv");
	put_file(path, LIT(original), 0644);
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	F.write_max = 3;
	F.write_eintr = true;
	char err[256];
	expect_good_save(path, &st, err, sizeof(err));
	assert_string_equal(err, "");
	size_t chunks = (sizeof(replacement) - 1 + 2) / 3;
	assert_int_equal(F.n_write, (int)(2 * chunks));
	assert_listing(dir, "a.csv");
}

static void test_save_steps_in_order(void **state)
{
	(void)state;
	const char *path = in_dir("a.csv");
	put_file(path, LIT(original), 0644);
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	F.open_eexist = 3; /* three names taken: a fourth is tried */
	char err[256];
	expect_good_save(path, &st, err, sizeof(err));
	assert_string_equal(err, "");

	/* Four tries at a temporary name next to the file, then the directory. */
	assert_int_equal(F.n_open, 5);
	char *real_dir = realpath(dir, NULL);
	assert_non_null(real_dir);
	char prefix[256];
	snprintf(prefix, sizeof(prefix), "%s/.a.csv.recview-", real_dir);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(F.open_flags[i], O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC);
		assert_int_equal(strlen(F.open_path[i]), strlen(prefix) + 6);
		assert_memory_equal(F.open_path[i], prefix, strlen(prefix));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(F.open_path[i], F.open_path[j]);
	}
	assert_string_equal(F.open_path[4], real_dir);
	free(real_dir);
	assert_true(F.open_flags[4] & O_DIRECTORY);
	/* The file and the directory were both fsync'd and closed; one rename. */
	assert_int_equal(F.n_fsync, 2);
	assert_int_equal(F.n_close, 2);
	assert_int_equal(F.n_rename, 1);
	assert_listing(dir, "a.csv");
}

static void test_save_directory_fsync_failure_is_a_warning(void **state)
{
	(void)state;
	const char *path = in_dir("a.csv");
	put_file(path, LIT(original), 0644);
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	F.fsync_fail = 2;
	F.fsync_errno = EIO;
	/* The file is already replaced when the directory is synced: the save did happen. */
	char err[256];
	expect_good_save(path, &st, err, sizeof(err));
	assert_non_null(strstr(err, "directory"));
	assert_non_null(strstr(err, "Input/output error"));
	assert_listing(dir, "a.csv");
}

static void test_save_conflict_same_size_and_mtime(void **state)
{
	(void)state;
	const char *path = in_dir("a.csv");
	put_file(path, LIT(original), 0644);
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);

	/* Someone changes one byte in place and puts the time back: only the content tells. */
	static const char other[] = "id,status\n1,OPEN\n2,\"closed, done\"\n";
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, LIT(other)), (ssize_t)(sizeof(other) - 1));
	struct timespec times[2] = {st.mtime, st.mtime};
	assert_int_equal(futimens(fd, times), 0);
	close(fd);
	struct rv_file_stamp now;
	rv_file_stamp_read(path, &now);
	assert_int_equal(now.ino, st.ino);
	assert_int_equal(now.size, st.size);
	assert_int_equal(now.mtime.tv_nsec, st.mtime.tv_nsec);
	assert_true(now.hash != st.hash);

	char err[256];
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &st, &fault_ops, NULL, err, sizeof(err)),
			 RV_E_CONFLICT);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "changed on disk"));
	assert_int_equal(F.n_open + F.n_write + F.n_rename, 0);
	assert_file(path, LIT(other));
	assert_listing(dir, "a.csv");
}

static void test_save_conflict_replaced_or_removed(void **state)
{
	(void)state;
	const char *path = in_dir("a.csv");
	put_file(path, LIT(original), 0644);
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	char err[256];

	/* Another program saved it the same way: same bytes, another inode. That is no change. */
	put_file(in_dir("b.csv"), LIT(original), 0644);
	assert_int_equal(rename(in_dir("b.csv"), path), 0);
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &st, &rv_save_system_ops, NULL, err, sizeof(err)),
			 RV_OK);
	assert_file(path, LIT(replacement));
	put_file(path, LIT(original), 0644);

	/* Appended to. */
	rv_file_stamp_read(path, &st);
	put_file(path, LIT("id,status\n1,open\n2,\"closed, done\"\n9,x\n"), 0644);
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &st, &rv_save_system_ops, NULL, err, sizeof(err)),
			 RV_E_CONFLICT);

	/* Removed: not silently created again. */
	rv_file_stamp_read(path, &st);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &st, &rv_save_system_ops, NULL, err, sizeof(err)),
			 RV_E_CONFLICT);
	assert_non_null(strstr(err, "removed"));
	assert_listing(dir, "");
}

static void test_save_without_expected_stamp(void **state)
{
	(void)state;
	const char *path = in_dir("a.csv");
	put_file(path, LIT("whatever"), 0644);
	char err[256];
	expect_good_save(path, NULL, err, sizeof(err));
	assert_listing(dir, "a.csv");
}

static void test_save_through_symlinks(void **state)
{
	(void)state;
	assert_int_equal(mkdir(in_dir("sub"), 0755), 0);
	const char *real = in_dir("sub/real.csv");
	put_file(real, LIT(original), 0640);
	assert_int_equal(symlink("sub/real.csv", in_dir("link.csv")), 0);
	assert_int_equal(symlink(in_dir("link.csv"), in_dir("link2.csv")), 0); /* absolute, to a link */

	const char *path = in_dir("link2.csv");
	struct rv_file_stamp st, st_real;
	rv_file_stamp_read(path, &st);
	rv_file_stamp_read(real, &st_real);
	assert_true(rv_file_stamp_equal(&st, &st_real));

	char err[256];
	expect_good_save(path, &st, err, sizeof(err));
	/* The links are still links, to where they pointed; the target has the new bytes and its mode. */
	struct stat ls;
	assert_int_equal(lstat(in_dir("link.csv"), &ls), 0);
	assert_true(S_ISLNK(ls.st_mode));
	assert_int_equal(lstat(in_dir("link2.csv"), &ls), 0);
	assert_true(S_ISLNK(ls.st_mode));
	char target[256];
	ssize_t n = readlink(in_dir("link.csv"), target, sizeof(target) - 1);
	assert_true(n > 0);
	target[n] = '\0';
	assert_string_equal(target, "sub/real.csv");
	assert_file(real, LIT(replacement));
	assert_int_equal(mode_of(real), 0640);
	/* The temporary file was made next to the target, and is gone. */
	char *real_dir = realpath(in_dir("sub"), NULL);
	assert_non_null(real_dir);
	char want_prefix[512];
	snprintf(want_prefix, sizeof(want_prefix), "%s/.real.csv.recview-", real_dir);
	free(real_dir);
	assert_memory_equal(F.open_path[0], want_prefix, strlen(want_prefix));
	assert_listing(dir, "link.csv link2.csv sub");
	assert_listing(in_dir("sub"), "real.csv");
}

static void test_save_through_dangling_symlink_creates_target(void **state)
{
	(void)state;
	assert_int_equal(symlink("new.csv", in_dir("link.csv")), 0);
	struct rv_file_stamp st;
	rv_file_stamp_read(in_dir("link.csv"), &st);
	assert_false(st.exists);
	char err[256];
	expect_good_save(in_dir("link.csv"), &st, err, sizeof(err));
	struct stat ls;
	assert_int_equal(lstat(in_dir("link.csv"), &ls), 0);
	assert_true(S_ISLNK(ls.st_mode));
	assert_file(in_dir("new.csv"), LIT(replacement));
	assert_listing(dir, "link.csv new.csv");
}

static void test_save_keeps_mode(void **state)
{
	(void)state;
	static const mode_t modes[] = {0600, 0640, 0664, 0444};
	for (size_t i = 0; i < sizeof(modes) / sizeof(*modes); i++) {
		const char *path = in_dir("a.csv");
		put_file(path, LIT(original), modes[i]);
		struct rv_file_stamp st;
		rv_file_stamp_read(path, &st);
		char err[256];
		expect_good_save(path, &st, err, sizeof(err));
		assert_int_equal(mode_of(path), modes[i]);
		assert_int_equal(unlink(path), 0);
	}
	assert_listing(dir, "");
}

static void test_save_new_file(void **state)
{
	(void)state;
	const char *path = in_dir("new.csv");
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	assert_false(st.exists);
	mode_t old = umask(027);
	char err[256];
	expect_good_save(path, &st, err, sizeof(err));
	umask(old);
	assert_int_equal(mode_of(path), 0640); /* 0666 less the umask */
	assert_listing(dir, "new.csv");

	/* Saved again from the stamp of the first save: the expected state is now "exists". */
	unlink(path);
	old = umask(022);
	struct rv_file_stamp written;
	assert_int_equal(rv_save_atomic(path, LIT(original), &st, &rv_save_system_ops, &written, err, sizeof(err)),
			 RV_OK);
	umask(old);
	assert_int_equal(mode_of(path), 0644);
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &written, &rv_save_system_ops, NULL, err, sizeof(err)),
			 RV_OK);
	assert_file(path, LIT(replacement));
}

static void test_save_new_file_refused_when_it_appeared(void **state)
{
	(void)state;
	const char *path = in_dir("new.csv");
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	put_file(path, LIT("someone else's\n"), 0644);
	char err[256];
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &st, &fault_ops, NULL, err, sizeof(err)),
			 RV_E_CONFLICT);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "created by someone else"));
	assert_file(path, LIT("someone else's\n"));
	assert_int_equal(F.n_open, 0);
	assert_listing(dir, "new.csv");
}

static void test_save_new_file_failure_says_not_created(void **state)
{
	(void)state;
	const char *path = in_dir("new.csv");
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	F.rename_fail = 1;
	F.rename_errno = EACCES;
	char err[256];
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &st, &fault_ops, NULL, err, sizeof(err)),
			 RV_E_FAILED);
	char want[512];
	snprintf(want, sizeof(want), "cannot replace %s: Permission denied (the file was not created)", path);
	assert_string_equal(err, want);
	assert_listing(dir, "");
}

static void test_save_into_missing_directory(void **state)
{
	(void)state;
	const char *path = in_dir("nowhere/a.csv");
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);
	char err[256];
	assert_int_equal(rv_save_atomic(path, LIT(replacement), &st, &rv_save_system_ops, NULL, err, sizeof(err)),
			 RV_E_FAILED);
	assert_non_null(strstr(err, "No such file or directory"));
	assert_listing(dir, "");
}

static void test_stamps(void **state)
{
	(void)state;
	struct rv_file_stamp a, b;
	rv_file_stamp_read(in_dir("none.csv"), &a);
	assert_false(a.exists);
	rv_file_stamp_read(in_dir("other.csv"), &b);
	assert_true(rv_file_stamp_equal(&a, &b));

	put_file(in_dir("empty.csv"), "", 0, 0644);
	rv_file_stamp_read(in_dir("empty.csv"), &a);
	assert_true(a.exists);
	assert_int_equal(a.size, 0);
	/* The hash of what is read from disk equals the hash of the same bytes in memory. */
	struct rv_file_stamp mem;
	rv_file_stamp_of(in_dir("empty.csv"), "", 0, &mem);
	assert_true(a.hash == mem.hash);
	assert_false(rv_file_stamp_equal(&a, &b));

	put_file(in_dir("a.csv"), "a", 1, 0644);
	rv_file_stamp_read(in_dir("a.csv"), &a);
	rv_file_stamp_of(in_dir("a.csv"), "a", 1, &mem);
	assert_true(a.hash == mem.hash);
	assert_true(rv_file_stamp_equal(&a, &mem));
	rv_file_stamp_read(in_dir("a.csv"), &b);
	assert_true(rv_file_stamp_equal(&a, &b));
	/* Changed means other content: new metadata with the same bytes is the same file. */
	b.mtime.tv_nsec ^= 1;
	assert_true(rv_file_stamp_equal(&a, &b));
	b = a;
	b.ino++;
	assert_true(rv_file_stamp_equal(&a, &b));
	b.hash ^= 1;
	assert_false(rv_file_stamp_equal(&a, &b));
	b = a;
	b.size++;
	assert_false(rv_file_stamp_equal(&a, &b));
	/* touch: a new mtime, the same bytes: unchanged (read and hashed again to tell). */
	struct timespec times[2] = {{0, UTIME_NOW}, {12345, 0}};
	assert_int_equal(utimensat(AT_FDCWD, in_dir("a.csv"), times, 0), 0);
	assert_true(rv_file_unchanged(in_dir("a.csv"), &a));
	put_file(in_dir("a.csv"), "b", 1, 0644);
	assert_false(rv_file_unchanged(in_dir("a.csv"), &a));
	b = a;
	b.hash++;
	assert_false(rv_file_stamp_equal(&a, &b));

	/* A file larger than one read buffer. */
	struct strbuf big;
	sb_init(&big);
	for (int i = 0; i < 20000; i++)
		sb_addf(&big, "%d,row %d\n", i, i);
	put_file(in_dir("big.csv"), big.data, big.len, 0644);
	rv_file_stamp_read(in_dir("big.csv"), &a);
	rv_file_stamp_of(in_dir("big.csv"), big.data, big.len, &mem);
	assert_true(a.hash == mem.hash);
	/* One byte different anywhere: another hash. */
	big.data[big.len / 2] ^= 1;
	struct rv_file_stamp other;
	rv_file_stamp_of(in_dir("big.csv"), big.data, big.len, &other);
	assert_false(other.hash == mem.hash);
	sb_free(&big);
}

/* Load, edit, serialise, save with the stamp, load again: the whole path a user's edit takes. */
static void test_edit_and_save_end_to_end(void **state)
{
	(void)state;
	size_t len;
	char *bytes = read_whole_file("data/status_history.csv", &len);
	assert_non_null(bytes);
	const char *path = in_dir("status_history.csv");
	put_file(path, bytes, len, 0644);
	struct rv_file_stamp st;
	rv_file_stamp_read(path, &st);

	struct diag_list dl;
	diag_list_init(&dl);
	struct csv_table t;
	assert_int_equal(csv_table_load(&t, path, &dl), RV_OK);
	size_t last = t.nrows - 1;
	csv_table_set_cell(&t, last, 1, LIT("an edit, with a comma"));
	size_t r = csv_table_append_row(&t);
	struct strbuf v;
	sb_init(&v);
	rv_defuse_formula(&v, LIT("=cmd|' /C calc'!A0"));
	csv_table_set_cell(&t, r, 0, v.data, v.len);
	csv_table_set_cell(&t, r, 1, LIT("x")); /* a row with one filled field of words would be read as a note */
	struct strbuf out;
	sb_init(&out);
	csv_table_serialize(&t, &out);
	char err[256];
	assert_int_equal(rv_save_atomic(path, out.data, out.len, &st, NULL, NULL, err, sizeof(err)), RV_OK);
	csv_table_free(&t);

	assert_int_equal(csv_table_load(&t, path, &dl), RV_OK);
	assert_int_equal(t.nrows, last + 2);
	assert_cell_eq(&t, last, 1, LIT("an edit, with a comma"));
	assert_cell_eq(&t, last + 1, 0, v.data, v.len);
	assert_memory_equal(t.buf, bytes, t.rows[last].raw_start);
	csv_table_free(&t);
	diag_list_free(&dl);
	sb_free(&out);
	sb_free(&v);
	free(bytes);
	assert_listing(dir, "status_history.csv");
}

/*
 * The content hash fed in pieces (a file read in chunks, a commit that hashes what was there and then
 * what it adds) is the hash of the whole, wherever the pieces split: also when a piece ends inside a
 * word of eight bytes and the next one does not fill it (recovery compares the two).
 */
static void test_hash_in_pieces_is_hash_of_whole(void **state)
{
	(void)state;
	char data[64];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)('a' + (i * 7) % 26);
	for (size_t n = 0; n <= sizeof(data); n++) {
		uint64_t whole = rv_hash_bytes(data, n);
		for (size_t a = 0; a <= n; a++) {
			for (size_t b = a; b <= n; b++) {
				struct rv_hasher hs;
				rv_hash_init(&hs);
				rv_hash_update(&hs, data, a);
				struct rv_hasher copy = hs; /* a state taken and finished on the way, as commits do */
				(void)rv_hash_final(&copy);
				rv_hash_update(&hs, data + a, b - a);
				rv_hash_update(&hs, data + b, n - b);
				if (rv_hash_final(&hs) != whole) {
					print_error("%zu bytes in pieces %zu, %zu, %zu: a different hash\n", n, a, b - a, n - b);
					fail();
				}
			}
		}
	}
}

#define SAVE_TEST(f) cmocka_unit_test_setup_teardown(f, save_setup, dir_teardown)

int run_save_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_in_pieces_is_hash_of_whole),
		cmocka_unit_test(test_roundtrip_csv_spectrum),
		cmocka_unit_test(test_roundtrip_bundled_data),
		cmocka_unit_test(test_roundtrip_test_data),
		cmocka_unit_test(test_roundtrip_samples),
		cmocka_unit_test(test_roundtrip_random),
		cmocka_unit_test(test_edit_one_cell_only_that_row),
		cmocka_unit_test(test_edit_keeps_raw_neighbours),
		cmocka_unit_test(test_edit_row_with_multiline_cell),
		cmocka_unit_test(test_edit_single_column_row_to_empty),
		cmocka_unit_test(test_widen_short_row),
		cmocka_unit_test(test_append_rows_line_breaks),
		cmocka_unit_test(test_append_several_and_edit),
		cmocka_unit_test(test_write_field_quoting),
		cmocka_unit_test(test_defuse_formula),
		SAVE_TEST(test_save_fails_at_open),
		SAVE_TEST(test_save_fails_when_every_name_taken),
		SAVE_TEST(test_save_fails_at_write),
		SAVE_TEST(test_save_fails_at_write_enospc_after_short_write),
		SAVE_TEST(test_save_fails_when_write_makes_no_progress),
		SAVE_TEST(test_save_fails_at_fsync),
		SAVE_TEST(test_save_fails_at_close),
		SAVE_TEST(test_save_fails_at_rename),
		SAVE_TEST(test_save_short_writes_and_eintr),
		SAVE_TEST(test_save_steps_in_order),
		SAVE_TEST(test_save_directory_fsync_failure_is_a_warning),
		SAVE_TEST(test_save_conflict_same_size_and_mtime),
		SAVE_TEST(test_save_conflict_replaced_or_removed),
		SAVE_TEST(test_save_without_expected_stamp),
		SAVE_TEST(test_save_through_symlinks),
		SAVE_TEST(test_save_through_dangling_symlink_creates_target),
		SAVE_TEST(test_save_keeps_mode),
		SAVE_TEST(test_save_new_file),
		SAVE_TEST(test_save_new_file_refused_when_it_appeared),
		SAVE_TEST(test_save_new_file_failure_says_not_created),
		SAVE_TEST(test_save_into_missing_directory),
		SAVE_TEST(test_stamps),
		SAVE_TEST(test_edit_and_save_end_to_end),
	};
	return cmocka_run_group_tests_name("save", tests, NULL, NULL);
}
