/*
 * csvread.c - CSV files through libcsv, with positions.
 *
 * libcsv reports fields and rows through callbacks but never says where they were. In strict mode,
 * with no trimming, it does not need to: a field's raw bytes follow from its value (see on_field), so
 * the offset of every field and row is counted from the values as they arrive, and line/column
 * numbers are counted from the offsets only when a message needs them.
 *
 * libcsv runs in strict mode because its lenient mode silently swallows the rest of a file after a
 * stray quote. A strict error is reported here and the field is read literally instead, so the rest
 * still loads and nothing is dropped.
 */
#include "recview/csvread.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/dialect.h"
#include "recview/utf8.h"

/*
 * Bad bytes of one kind listed per file (a binary file holds thousands); the others are counted like
 * any problem past the cap ("… and N more like this"), and --check --all lists every one.
 */
#define BYTE_REPORTS_PER_KIND 10

struct parse_ctx {
	struct csv_table *t;
	size_t field_end;   /* offset just after the last field's raw bytes */
	size_t field_start; /* where the next field begins (before skipping line breaks) */
	bool in_row;        /* a row has fields but no end yet */
	uint32_t row_first_cell;
	uint32_t row_nfields;
	uint32_t row_start;
	bool have_header;
	bool has_cr;        /* the file holds a CR at all (most do not: lone-CR checks are skipped) */
	/* Row start lines are counted incrementally: row starts only move forward. */
	size_t line_off;
	uint32_t line_no;
};

static int never_space(unsigned char c)
{
	(void)c;
	return 0;
}

static bool is_eol(char c)
{
	return c == '\n' || c == '\r';
}

/* Counts line breaks (LF, CRLF, lone CR) in buf[from..to); memchr does the searching. */
static uint32_t count_breaks(const char *buf, size_t size, size_t from, size_t to, bool has_cr)
{
	uint32_t n = 0;
	for (const char *p = buf + from; p < buf + to && (p = memchr(p, '\n', (size_t)(buf + to - p))); p++)
		n++;
	if (has_cr)
		for (const char *p = buf + from; p < buf + to && (p = memchr(p, '\r', (size_t)(buf + to - p))); p++)
			if ((size_t)(p - buf) + 1 >= size || p[1] != '\n')
				n++;
	return n;
}

void csv_table_position(const struct csv_table *t, uint32_t off, uint32_t *line, uint32_t *col)
{
	/* Start from the last row (or the header) that begins at or before off. */
	size_t from = t->bom ? 3 : 0;
	uint32_t ln = 1;
	if (t->header_line && t->nrows) {
		size_t lo = 0, hi = t->nrows;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (t->rows[mid].raw_start <= off)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0) {
			from = t->rows[lo - 1].raw_start;
			ln = t->rows[lo - 1].line;
		}
	}
	if (off > t->size)
		off = (uint32_t)t->size;
	size_t line_start = from;
	for (size_t i = from; i < off; i++) {
		if (t->buf[i] == '\n' || (t->buf[i] == '\r' && (i + 1 >= t->size || t->buf[i + 1] != '\n'))) {
			ln++;
			line_start = i + 1;
		}
	}
	*line = ln;
	*col = (uint32_t)utf8_count_chars(t->buf + line_start, off - line_start) + 1;
}

static void report_at(struct csv_table *t, enum diag_severity sev, size_t off, const char *fmt, const char *detail)
{
	uint32_t line, col;
	csv_table_position(t, (uint32_t)off, &line, &col);
	diag_add(t->diags, sev, t->path, line, col, fmt, detail);
}

/* Where the next field really begins: a row's first field comes after any blank lines. */
static size_t field_begin(const struct parse_ctx *c)
{
	const struct csv_table *t = c->t;
	size_t off = c->field_start;
	if (c->in_row)
		return off;
	while (off < t->size && is_eol(t->buf[off]))
		off++;
	return off;
}

static uint32_t line_of_row_start(struct parse_ctx *c, size_t off)
{
	c->line_no += count_breaks(c->t->buf, c->t->size, c->line_off, off, c->has_cr);
	c->line_off = off;
	return c->line_no;
}

static void push_cell(struct parse_ctx *c, const char *ptr, size_t len, size_t raw_off)
{
	struct csv_table *t = c->t;
	if (t->ncells == t->cells_cap) {
		t->cells_cap = t->cells_cap ? t->cells_cap * 2 : 1024;
		t->cells = xreallocarray(t->cells, t->cells_cap, sizeof(*t->cells));
	}
	if (!c->in_row) {
		c->in_row = true;
		c->row_first_cell = (uint32_t)t->ncells;
		c->row_nfields = 0;
		c->row_start = (uint32_t)raw_off;
	}
	struct csv_cell *cell = &t->cells[t->ncells++];
	cell->ptr = ptr;
	cell->len = (uint32_t)len;
	cell->raw_off = (uint32_t)raw_off;
	c->row_nfields++;
}

/* Whether a row has a value after its first field (its cells were just stored: still in the cache). */
static bool has_later_value(const struct csv_table *t, uint32_t first, uint32_t n)
{
	for (uint32_t k = 1; k < n; k++)
		if (t->cells[first + k].len)
			return true;
	return false;
}

static void end_row(struct parse_ctx *c, size_t raw_end)
{
	struct csv_table *t = c->t;
	if (!c->in_row)
		return;
	c->in_row = false;
	uint32_t line = line_of_row_start(c, c->row_start);
	if (!c->have_header) {
		/* The header is the first row: cells[0..ncols). t->header is set once the cells stop moving. */
		c->have_header = true;
		t->ncols = c->row_nfields;
		t->header_line = line;
		t->header_end = (uint32_t)raw_end;
		return;
	}
	if (t->nrows == t->rows_cap) {
		t->rows_cap = t->rows_cap ? t->rows_cap * 2 : 256;
		t->rows = xreallocarray(t->rows, t->rows_cap, sizeof(*t->rows));
	}
	if (!has_later_value(t, c->row_first_cell, c->row_nfields))
		t->sparse_rows++;
	struct csv_row *r = &t->rows[t->nrows++];
	r->flags = 0;
	r->first_cell = c->row_first_cell;
	r->nfields = c->row_nfields;
	r->line = line;
	r->raw_start = c->row_start;
	r->raw_end = (uint32_t)raw_end;
}

/* Stores a field that libcsv handed us, pointing into the file where its bytes are unchanged. */
static size_t count_quotes(const char *s, size_t len)
{
	size_t n = 0;
	for (const char *p = s; (p = memchr(p, '"', len - (size_t)(p - s))); p++)
		n++;
	return n;
}

/*
 * Stores a field that libcsv handed us. Strict mode and no trimming make the raw form of a field
 * follow from its value: an unquoted field is its bytes as they are; a quoted one is a quote, the
 * value with each quote doubled, and a quote. So where the field ends is known without asking libcsv,
 * and a field without doubled quotes is used in place, not copied.
 */
static void on_field(void *s, size_t len, void *data)
{
	struct parse_ctx *c = data;
	struct csv_table *t = c->t;
	size_t fs = field_begin(c);
	const char *value = s ? s : "";
	const char *ptr;
	size_t fe;

	if (fs < t->size && t->buf[fs] == '"') {
		size_t quotes = count_quotes(value, len);
		fe = fs + len + quotes + 2;
		ptr = quotes ? arena_strndup(&t->strings, value, len) : t->buf + fs + 1;
	} else {
		fe = fs + len;
		ptr = t->buf + fs;
	}
	if (fe > t->size)
		fe = t->size;
	push_cell(c, ptr, len, fs);
	c->field_end = fe;
	c->field_start = fe + 1;
}

static void on_row(int term, void *data)
{
	struct parse_ctx *c = data;
	(void)term;
	end_row(c, c->field_end);
	/* The next row starts after this one's line break (and any blank lines): see field_begin. */
	c->field_start = c->field_end;
}

static size_t line_end_from(const struct csv_table *t, size_t off)
{
	while (off < t->size && !is_eol(t->buf[off]))
		off++;
	return off;
}

/*
 * A strict-mode error at offset err: report it, take the field literally, and say where to resume.
 * Returns the offset to go on from; *row_open tells whether the row goes on after it.
 */
static size_t recover_quote_error(struct parse_ctx *c, size_t err, bool at_eof)
{
	struct csv_table *t = c->t;
	size_t fs = field_begin(c);
	size_t fs_line_end = line_end_from(t, fs);
	size_t fe;

	if (at_eof) {
		uint32_t col;
		csv_table_position(t, (uint32_t)fs, &t->open_quote_line, &col);
		report_at(t, DIAG_ERROR, fs,
			  "unterminated quoted field: the quote opened here is never closed; "
			  "the field is read to the end of this line%s", "");
		fe = fs_line_end;
	} else if (err <= fs_line_end) {
		const char *what = t->buf[fs] == '"' ? "text after the closing quote of a quoted field"
						   : "quote character inside an unquoted field";
		report_at(t, DIAG_ERROR, err, "%s; the field is read as written", what);
		fe = err;
		while (fe < t->size && t->buf[fe] != csv_table_delim(t) && !is_eol(t->buf[fe]))
			fe++;
	} else {
		uint32_t eline, ecol;
		csv_table_position(t, (uint32_t)err, &eline, &ecol);
		char where[48];
		snprintf(where, sizeof(where), "%u:%u", eline, ecol);
		report_at(t, DIAG_ERROR, fs,
			  "quoted field that begins here has text after its closing quote at %s; "
			  "the field is read to the end of this line instead", where);
		fe = fs_line_end;
	}

	push_cell(c, t->buf + fs, fe - fs, fs);
	if (fe < t->size && t->buf[fe] == csv_table_delim(t)) {
		c->field_start = fe + 1;
		/* A trailing comma at the end of a line still ends with an empty field. */
		if (fe + 1 >= t->size || is_eol(t->buf[fe + 1])) {
			push_cell(c, "", 0, fe + 1);
			end_row(c, fe + 1);
			c->field_start = fe + 1;
			return fe + 1;
		}
		return fe + 1;
	}
	end_row(c, fe);
	c->field_start = fe;
	return fe;
}

/*
 * Line/column of increasing offsets in one pass (report_bytes runs before any row is known): the
 * column is counted on from the last offset, so that listing every bad byte of a long line
 * (--check --all) stays linear.
 */
struct pos_cursor {
	size_t off, line_start;
	uint32_t line;
	size_t chars; /* characters from line_start to off */
};

static void cursor_report(struct csv_table *t, struct pos_cursor *pc, enum diag_severity sev, size_t at,
			  const char *fmt, const char *detail)
{
	size_t from = pc->off;
	for (size_t i = pc->off; i < at; i++) {
		if (t->buf[i] == '\n' || (t->buf[i] == '\r' && (i + 1 >= t->size || t->buf[i + 1] != '\n'))) {
			pc->line++;
			pc->line_start = i + 1;
			pc->chars = 0;
			from = i + 1;
		}
	}
	pc->chars += utf8_count_chars(t->buf + from, at - from);
	pc->off = at;
	diag_add(t->diags, sev, t->path, pc->line, (uint32_t)pc->chars + 1, fmt, detail);
}

/*
 * One bad byte: with its position while the list keeps problems of its kind, else only counted (its
 * position would never be shown). *seen counts them; *keep is the kind's limit, set at the first.
 */
static void report_byte(struct csv_table *t, struct pos_cursor *pc, enum diag_severity sev, size_t at,
			const char *fmt, const char *detail, size_t *seen, size_t *keep)
{
	if ((*seen)++ == 0)
		*keep = diag_limit_kind(t->diags, sev, t->path, fmt, BYTE_REPORTS_PER_KIND);
	if (!*keep || *seen <= *keep)
		cursor_report(t, pc, sev, at, fmt, detail);
	else
		diag_add(t->diags, sev, t->path, 0, 0, fmt, detail);
}

/*
 * Whether the text holds a CR or a NUL byte. One pass finds either: buf is NUL-terminated, so the
 * span without a CR ends at the first NUL, which is the terminator only when neither occurs.
 */
static bool has_cr_or_nul(const struct csv_table *t)
{
	return strcspn(t->buf, "\r") < t->size;
}

/* Invalid UTF-8 and NUL bytes (no_nul: the file has no NUL), each with its position; the bytes are kept. */
static void report_bytes(struct csv_table *t, size_t start, bool valid_utf8, bool no_nul)
{
	static const char bad_utf8[] = "invalid UTF-8 byte %s (kept, shown as \\x..)";
	static const char nul_byte[] = "NUL byte in text (kept, shown as ^@)%s";
	struct pos_cursor utf = {start, start, 1, 0}, nul = {start, start, 1, 0};
	size_t utf_seen = 0, utf_keep = 0, nul_seen = 0, nul_keep = 0;
	const char *buf = t->buf;
	size_t i = valid_utf8 ? t->size : start; /* a file found valid throughout needs no second look */
	while (i < t->size) {
		size_t at = i + utf8_first_invalid(buf + i, t->size - i);
		if (at >= t->size)
			break;
		char detail[8];
		snprintf(detail, sizeof(detail), "0x%02X", (unsigned char)buf[at]);
		report_byte(t, &utf, DIAG_WARNING, at, bad_utf8, detail, &utf_seen, &utf_keep);
		i = at + 1;
	}
	for (i = no_nul ? t->size : start; i < t->size; i++) {
		const char *p = memchr(buf + i, '\0', t->size - i);
		if (!p)
			break;
		i = (size_t)(p - buf);
		report_byte(t, &nul, DIAG_ERROR, i, nul_byte, "", &nul_seen, &nul_keep);
	}
}

static void run_parser(struct parse_ctx *c, size_t pos)
{
	struct csv_table *t = c->t;
	struct csv_parser p;

	for (;;) {
		if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
			fprintf(stderr, "recview: out of memory\n");
			exit(3);
		}
		csv_set_space_func(&p, never_space);
		csv_set_delim(&p, (unsigned char)csv_table_delim(t));
		c->field_start = pos;
		/* The rest of the file in one call: positions come from the fields themselves (on_field). */
		size_t n = csv_parse(&p, t->buf + pos, t->size - pos, on_field, on_row, c);
		if (n != t->size - pos) {
			if (csv_error(&p) != CSV_EPARSE) {
				fprintf(stderr, "recview: %s: %s\n", t->path, csv_strerror(csv_error(&p)));
				exit(3);
			}
			csv_free(&p);
			pos = recover_quote_error(c, pos + n, false);
			continue;
		}
		if (csv_fini(&p, on_field, on_row, c) != 0) {
			csv_free(&p);
			pos = recover_quote_error(c, t->size, true);
			continue;
		}
		csv_free(&p);
		end_row(c, t->size);
		return;
	}
}

static void detect_line_endings(struct csv_table *t, size_t start)
{
	t->eol = CSV_EOL_LF;
	/* The break that ends the header row (as the parser saw it) tells the file's style. */
	size_t end = t->header_line ? t->header_end : t->size;
	if (end < t->size) {
		if (t->buf[end] == '\r')
			t->eol = end + 1 < t->size && t->buf[end + 1] == '\n' ? CSV_EOL_CRLF : CSV_EOL_CR;
	}
	t->final_eol = t->size > start && is_eol(t->buf[t->size - 1]);
}

/*
 * A file that is not UTF-8 is read decoded (buf), its own bytes kept (raw) for the stamps and for
 * writing back: encoding the text again must give them back exactly, else the file is never written.
 */
static bool decode_file(struct csv_table *t, bool *valid_utf8)
{
	*valid_utf8 = false;
	t->encoding = t->stated.has_encoding ? t->stated.encoding : rv_encoding_detect_valid(t->buf, t->size, valid_utf8);
	if (t->encoding == RV_ENC_UTF8)
		return true;
	*valid_utf8 = true; /* decoded by iconv: valid UTF-8 by construction */
	struct strbuf text;
	sb_init(&text);
	size_t bad = 0;
	if (!rv_decode(t->encoding, t->buf, t->size, &text, &bad)) {
		diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "not valid %s (read as such %s) at byte %zu",
			 rv_encoding_name(t->encoding),
			 t->stated.has_encoding ? "as the mapping says" : "from its first bytes", bad);
		sb_free(&text);
		return false;
	}
	if (text.len > CSV_MAX_FILE_SIZE) {
		diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "file too large once decoded (%zu bytes; at most 4 GiB)", text.len);
		sb_free(&text);
		return false;
	}
	struct strbuf again;
	sb_init(&again);
	t->lossy = !rv_encode(t->encoding, text.data, text.len, &again, &bad) || again.len != t->size ||
		   memcmp(again.data, t->buf, t->size) != 0;
	sb_free(&again);
	t->raw = t->buf;
	t->raw_size = t->size;
	t->size = text.len;
	t->buf = sb_detach(&text);
	if (t->lossy)
		diag_add(t->diags, DIAG_WARNING, t->path, 0, 0,
			 "read as %s, but writing it back would not give the same bytes: recview never writes it",
			 rv_encoding_name(t->encoding));
	return true;
}

char csv_table_delim(const struct csv_table *t)
{
	return t->delim ? t->delim : ',';
}

const char *csv_table_file_bytes(const struct csv_table *t, size_t *len)
{
	*len = t->raw ? t->raw_size : t->size;
	return t->raw ? t->raw : t->buf;
}

static enum rv_result parse_owned(struct csv_table *t)
{
	size_t start = 0;
	if (t->size > CSV_MAX_FILE_SIZE) {
		diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "file too large (%zu bytes; at most 4 GiB)", t->size);
		return RV_E_UNREADABLE;
	}
	bool valid_utf8;
	if (!decode_file(t, &valid_utf8))
		return RV_E_UNREADABLE;
	if (t->size >= 3 && memcmp(t->buf, "\xEF\xBB\xBF", 3) == 0) {
		t->bom = true;
		start = 3;
	}
	bool cr_or_nul = has_cr_or_nul(t); /* most files have neither: one pass instead of two */
	report_bytes(t, start, valid_utf8, !cr_or_nul);

	t->delim = t->stated.delim ? t->stated.delim : csv_sniff_delimiter(t->buf + start, t->size - start);
	struct parse_ctx c = {.t = t, .line_off = start, .line_no = 1};
	c.has_cr = cr_or_nul && memchr(t->buf, '\r', t->size) != NULL;
	run_parser(&c, start);
	if (!c.have_header) {
		diag_add(t->diags, DIAG_ERROR, t->path, 1, 1, "empty file: no header line");
		return RV_OK;
	}
	/* The header is the first row stored, unless title rows stand above it. */
	t->header = t->cells;
	if (!t->stated.header_line || !csv_table_set_header_line(t, t->stated.header_line))
		csv_table_settle_header(t);
	detect_line_endings(t, start);
	return RV_OK;
}

static void table_init(struct csv_table *t, const char *path, const struct csv_dialect *stated,
		       struct diag_list *diags)
{
	memset(t, 0, sizeof(*t));
	if (stated)
		t->stated = *stated;
	t->path = xstrdup(path);
	t->diags = diags;
	arena_init(&t->strings, 16 * 1024);
}

enum rv_result csv_table_parse(struct csv_table *t, const char *path, const char *data, size_t size,
				struct diag_list *diags)
{
	return csv_table_parse_as(t, path, data, size, NULL, diags);
}

enum rv_result csv_table_parse_as(struct csv_table *t, const char *path, const char *data, size_t size,
				   const struct csv_dialect *stated, struct diag_list *diags)
{
	table_init(t, path, stated, diags);
	t->buf = xmalloc(size + 1);
	if (size)
		memcpy(t->buf, data, size);
	t->buf[size] = '\0';
	t->size = size;
	enum rv_result st = parse_owned(t);
	if (st != RV_OK)
		csv_table_free(t);
	return st;
}

static enum rv_result read_file(struct csv_table *t)
{
	int fd = open(t->path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		int err = errno;
		diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "cannot open: %s", strerror(err));
		return err == ENOENT ? RV_E_NOT_FOUND : RV_E_UNREADABLE;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "cannot read: %s", strerror(errno));
		close(fd);
		return RV_E_UNREADABLE;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "%s",
			 S_ISDIR(st.st_mode) ? "is a directory, not a CSV file" : "not a regular file");
		close(fd);
		return RV_E_UNREADABLE;
	}
	if ((uint64_t)st.st_size > CSV_MAX_FILE_SIZE) {
		diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "file too large (%lld bytes; at most 4 GiB)",
			 (long long)st.st_size);
		close(fd);
		return RV_E_UNREADABLE;
	}
	size_t cap = (size_t)st.st_size + 1, len = 0;
	t->buf = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap) {
			/* The file grew while we read it. */
			cap *= 2;
			t->buf = xrealloc(t->buf, cap);
		}
		ssize_t n = read(fd, t->buf + len, cap - 1 - len);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			diag_add(t->diags, DIAG_ERROR, t->path, 0, 0, "read error: %s", strerror(errno));
			close(fd);
			return RV_E_UNREADABLE;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	t->buf[len] = '\0';
	t->size = len;
	return RV_OK;
}

enum rv_result csv_table_load(struct csv_table *t, const char *path, struct diag_list *diags)
{
	return csv_table_load_as(t, path, NULL, diags);
}

enum rv_result csv_table_load_as(struct csv_table *t, const char *path, const struct csv_dialect *stated,
				  struct diag_list *diags)
{
	table_init(t, path, stated, diags);
	enum rv_result st = read_file(t);
	if (st == RV_OK)
		st = parse_owned(t);
	if (st != RV_OK)
		csv_table_free(t);
	return st;
}

void csv_table_free(struct csv_table *t)
{
	free(t->cuts);
	free(t->raw);
	free(t->path);
	free(t->buf);
	free(t->rows);
	free(t->cells);
	arena_free(&t->strings);
	memset(t, 0, sizeof(*t));
}

struct csv_cell csv_cell_at(const struct csv_table *t, size_t row, size_t col)
{
	const struct csv_row *r = &t->rows[row];
	if (col < r->nfields)
		return t->cells[r->first_cell + col];
	struct csv_cell empty = {"", 0, r->raw_end};
	return empty;
}

static void reserve_cells(struct csv_table *t, size_t extra)
{
	while (t->ncells + extra > t->cells_cap) {
		t->cells_cap = t->cells_cap ? t->cells_cap * 2 : 1024;
		t->cells = xreallocarray(t->cells, t->cells_cap, sizeof(*t->cells));
	}
	/* The header lives at the start of the cell array. */
	t->header = t->ncols ? t->cells + t->header_cell : t->header;
}

/* Makes row hold at least n cells; a row's cells must stay contiguous, so a short row is moved. */
static void widen_row(struct csv_table *t, size_t row, size_t n)
{
	struct csv_row *r = &t->rows[row];
	if (r->nfields >= n)
		return;
	if ((size_t)r->first_cell + r->nfields != t->ncells) {
		reserve_cells(t, n);
		memcpy(t->cells + t->ncells, t->cells + r->first_cell, r->nfields * sizeof(*t->cells));
		r->first_cell = (uint32_t)t->ncells;
		t->ncells += r->nfields;
	}
	reserve_cells(t, n - r->nfields);
	for (size_t i = r->nfields; i < n; i++) {
		struct csv_cell *c = &t->cells[t->ncells++];
		c->ptr = "";
		c->len = 0;
		c->raw_off = CSV_CELL_CHANGED;
	}
	r->nfields = (uint32_t)n;
	r->flags |= CSV_ROW_DIRTY;
}

void csv_table_set_cell(struct csv_table *t, size_t row, size_t col, const char *s, size_t len)
{
	widen_row(t, row, col + 1);
	struct csv_row *r = &t->rows[row];
	struct csv_cell *c = &t->cells[r->first_cell + col];
	c->ptr = arena_strndup(&t->strings, s, len);
	c->len = (uint32_t)len;
	c->raw_off = CSV_CELL_CHANGED;
	r->flags |= CSV_ROW_DIRTY;
}

size_t csv_table_append_row(struct csv_table *t)
{
	if (t->nrows == t->rows_cap) {
		t->rows_cap = t->rows_cap ? t->rows_cap * 2 : 256;
		t->rows = xreallocarray(t->rows, t->rows_cap, sizeof(*t->rows));
	}
	struct csv_row *r = &t->rows[t->nrows];
	memset(r, 0, sizeof(*r));
	r->first_cell = (uint32_t)t->ncells;
	/* Appended rows sit after the file's end, so positions still search in order. */
	r->raw_start = r->raw_end = (uint32_t)t->size;
	r->line = t->nrows ? t->rows[t->nrows - 1].line + 1 : t->header_line + 1;
	r->flags = CSV_ROW_ADDED | CSV_ROW_DIRTY;
	t->nrows++;
	widen_row(t, t->nrows - 1, t->ncols);
	return t->nrows - 1;
}

void csv_table_drop_last_row(struct csv_table *t)
{
	if (t->nrows && (t->rows[t->nrows - 1].flags & CSV_ROW_ADDED))
		t->nrows--;
}

/* The length of the line break at off, if one is there. */
static uint32_t line_break_at(const struct csv_table *t, uint32_t off)
{
	if (off >= t->size)
		return 0;
	if (t->buf[off] == '\r')
		return off + 1 < t->size && t->buf[off + 1] == '\n' ? 2 : 1;
	return t->buf[off] == '\n';
}

void csv_table_remove_row(struct csv_table *t, size_t row)
{
	if (row >= t->nrows)
		return;
	const struct csv_row *r = &t->rows[row];
	if (!(r->flags & CSV_ROW_ADDED)) {
		struct csv_span cut = {r->raw_start, r->raw_end + line_break_at(t, r->raw_end)};
		size_t at = t->ncuts;
		while (at > 0 && t->cuts[at - 1].start > cut.start)
			at--;
		t->cuts = xreallocarray(t->cuts, t->ncuts + 1, sizeof(*t->cuts));
		memmove(t->cuts + at + 1, t->cuts + at, (t->ncuts - at) * sizeof(*t->cuts));
		t->cuts[at] = cut;
		t->ncuts++;
	}
	memmove(t->rows + row, t->rows + row + 1, (t->nrows - row - 1) * sizeof(*t->rows));
	t->nrows--;
}
