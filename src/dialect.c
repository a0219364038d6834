/* dialect.c - the separator, the header row and the rows that are not data (see dialect.h). */
#include "recview/dialect.h"

#include <csv.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* The first rows are enough to judge by. */
#define SNIFF_BYTES (64 * 1024)
#define SNIFF_ROWS 100
#define HEADER_SEARCH_ROWS 20

struct counter {
	uint32_t fields;              /* of the row being read */
	uint32_t counts[SNIFF_ROWS];  /* fields per finished row */
	size_t rows;
};

static void count_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counter *)data)->fields++;
}

static void count_row(int term, void *data)
{
	(void)term;
	struct counter *c = data;
	if (c->rows < SNIFF_ROWS)
		c->counts[c->rows++] = c->fields;
	c->fields = 0;
}

static int no_space(unsigned char ch)
{
	(void)ch;
	return 0;
}

/* The most common field count above 1 of the rows, and how many rows have it. */
static void modal_count(const struct counter *c, uint32_t *mode, size_t *freq)
{
	*mode = 0;
	*freq = 0;
	for (size_t i = 0; i < c->rows; i++) {
		if (c->counts[i] < 2)
			continue;
		size_t n = 0;
		for (size_t j = 0; j < c->rows; j++)
			n += c->counts[j] == c->counts[i];
		if (n > *freq || (n == *freq && c->counts[i] > *mode)) {
			*mode = c->counts[i];
			*freq = n;
		}
	}
}

char csv_sniff_delimiter(const char *text, size_t len)
{
	static const char candidates[] = {',', ';', '\t', '|'};
	size_t sample = len < SNIFF_BYTES ? len : SNIFF_BYTES;
	char best = ',';
	uint32_t best_mode = 0;
	size_t best_freq = 0;
	for (size_t k = 0; k < sizeof(candidates); k++) {
		/* A separator the sample lacks gives one field per row: it could never be chosen. */
		if (!memchr(text, candidates[k], sample))
			continue;
		struct csv_parser p;
		if (csv_init(&p, 0) != 0)
			return ',';
		csv_set_space_func(&p, no_space);
		csv_set_delim(&p, (unsigned char)candidates[k]);
		struct counter c;
		memset(&c, 0, sizeof(c));
		/* In pieces, to stop at SNIFF_ROWS rows: a big file's first rows are enough. */
		size_t at = 0;
		while (at < sample && c.rows < SNIFF_ROWS) {
			size_t piece = sample - at < 4096 ? sample - at : 4096;
			csv_parse(&p, text + at, piece, count_field, count_row, &c);
			at += piece;
		}
		if (at == len)
			csv_fini(&p, count_field, count_row, &c);
		else if (c.rows > 1 && c.rows < SNIFF_ROWS)
			c.rows--; /* the last row may be cut by the sample */
		csv_free(&p);
		uint32_t mode;
		size_t freq;
		modal_count(&c, &mode, &freq);
		/* The fields in rows that agree: a separator that also occurs inside quoted text (Jira's
		 * "date;author;text" comments over several lines) makes many short rows, not many fields. */
		uint64_t cells = (uint64_t)freq * mode, best_cells = (uint64_t)best_freq * best_mode;
		if (cells > best_cells || (cells == best_cells && freq > best_freq)) {
			best = candidates[k];
			best_mode = mode;
			best_freq = freq;
		}
	}
	return best;
}

/* Whether most of a column's first values are sentences (four spaces or more), as an id never is. */
bool csv_column_reads_like_sentences(const struct csv_table *t, size_t col)
{
	size_t seen = 0, sentences = 0;
	for (size_t r = 0; r < t->nrows && seen < 20; r++) {
		struct csv_cell v = csv_cell_at(t, r, col);
		if (!v.len)
			continue;
		seen++;
		size_t spaces = 0;
		for (uint32_t i = 0; i < v.len; i++)
			spaces += v.ptr[i] == ' ';
		sentences += spaces >= 4;
	}
	return seen && sentences * 2 > seen;
}

/* ---- the header and the rows that are not data ---- */

static size_t nonempty_cells(const struct csv_table *t, uint32_t first, uint32_t n)
{
	size_t k = 0;
	for (uint32_t i = 0; i < n; i++)
		k += t->cells[first + i].len > 0;
	return k;
}

/* The most common field count of the data rows (what a header should cover). */
static uint32_t usual_field_count(const struct csv_table *t)
{
	struct counter c;
	memset(&c, 0, sizeof(c));
	for (size_t i = 0; i < t->nrows && c.rows < SNIFF_ROWS; i++)
		c.counts[c.rows++] = t->rows[i].nfields;
	uint32_t mode;
	size_t freq;
	modal_count(&c, &mode, &freq);
	return mode ? mode : (uint32_t)t->ncols;
}

static bool header_like(size_t nonempty, uint32_t usual)
{
	return nonempty >= 2 && nonempty * 2 >= usual;
}

/* Words rather than an id: a space between two non-space characters. */
static bool has_words(const char *s, size_t len)
{
	for (size_t i = 1; i + 1 < len; i++)
		if (s[i] == ' ' && s[i - 1] != ' ' && s[i + 1] != ' ')
			return true;
	return false;
}

static void note_row(struct csv_table *t, uint32_t line, const char *why)
{
	diag_add(t->diags, DIAG_NOTE, t->path, line, 1, "row skipped: %s", why);
}

static void drop_rows(struct csv_table *t, size_t from, size_t n)
{
	memmove(t->rows + from, t->rows + from + n, (t->nrows - from - n) * sizeof(*t->rows));
	t->nrows -= n;
}

/* Data row i becomes the header; the old header and the rows above i are skipped, each as a note. */
static void header_at_row(struct csv_table *t, size_t i, const char *why)
{
	const struct csv_row *r = &t->rows[i];
	note_row(t, t->header_line, why);
	for (size_t k = 0; k < i; k++)
		note_row(t, t->rows[k].line, why);
	t->header_cell = r->first_cell;
	t->header = t->cells + t->header_cell;
	t->ncols = r->nfields;
	t->header_line = r->line;
	t->header_end = r->raw_end;
	drop_rows(t, 0, i + 1);
}

/* A title row (or a few) above the real header: the header moves down to the first row like one. */
static void move_header_down(struct csv_table *t)
{
	uint32_t usual = usual_field_count(t);
	if (header_like(nonempty_cells(t, 0, (uint32_t)t->ncols), usual))
		return;
	size_t limit = t->nrows < HEADER_SEARCH_ROWS ? t->nrows : HEADER_SEARCH_ROWS;
	for (size_t i = 0; i < limit; i++) {
		const struct csv_row *r = &t->rows[i];
		if (!header_like(nonempty_cells(t, r->first_cell, r->nfields), usual))
			continue;
		header_at_row(t, i, "above the header (a title, or empty)");
		return;
	}
}

/* Excel's ",,,," rows and one-cell notes ("Prepared by ...") are not data. */
static void drop_non_data_rows(struct csv_table *t)
{
	csv_table_take_conflicts(t);
	if (!t->sparse_rows)
		return; /* every row has a value after its first field (the parser counted): all data */
	size_t kept = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct csv_row *r = &t->rows[i];
		/* Most rows have a field after the first: data, without counting the rest. */
		bool later = false;
		for (uint32_t k = 1; k < r->nfields && !later; k++)
			later = t->cells[r->first_cell + k].len > 0;
		if (later) {
			t->rows[kept++] = *r;
			continue;
		}
		size_t filled = nonempty_cells(t, r->first_cell, r->nfields);
		const struct csv_cell *first = &t->cells[r->first_cell];
		bool note = filled == 1 && t->ncols >= 3 && r->nfields && first->len && has_words(first->ptr, first->len);
		if (r->nfields > 1 && filled == 0) {
			note_row(t, r->line, "every field is empty");
			continue;
		}
		if (note) {
			note_row(t, r->line, "only its first field is filled, with words: a note or a legend, not data");
			continue;
		}
		t->rows[kept++] = *r;
	}
	t->nrows = kept;
}

void csv_table_settle_header(struct csv_table *t)
{
	if (!t->header)
		return;
	move_header_down(t);
	drop_non_data_rows(t);
}

bool csv_table_set_header_line(struct csv_table *t, uint32_t line)
{
	if (!t->header)
		return false;
	if (line == t->header_line) {
		drop_non_data_rows(t);
		return true;
	}
	size_t i = 0;
	while (i < t->nrows && t->rows[i].line < line)
		i++;
	if (i == t->nrows || t->rows[i].line != line) {
		diag_add(t->diags, DIAG_WARNING, t->path, line, 1,
			 "the mapping puts the header on line %u, where no row starts: the header is found as usual",
			 line);
		return false;
	}
	header_at_row(t, i, "above the header (the mapping puts it lower)");
	drop_non_data_rows(t);
	return true;
}
