/*
 * csv_conflicts.c - a table that holds git's conflict markers (a merge left unresolved): the marker
 * rows are no data, the rows of ours' side are read, those of theirs' (and of the base, in git's
 * diff3 style) are skipped, and the conflict is reported as an error at the first marker's line,
 * each side's rows as notes, so that the problems view shows both. Every byte stays in the file.
 */
#include "recview/dialect.h"

#include <string.h>

#include "recview/strbuf.h"

enum side { OUTSIDE, OURS, BASE, THEIRS };

/* Whether a row is a marker line: one field, seven times c, then nothing or a space and a label. */
static bool is_marker(const struct csv_table *t, const struct csv_row *r, char c)
{
	if (r->nfields == 0)
		return false;
	for (uint32_t k = 1; k < r->nfields; k++)
		if (t->cells[r->first_cell + k].len)
			return false;
	const struct csv_cell *first = &t->cells[r->first_cell];
	if (first->len < 7 || r->raw_start >= t->size || t->buf[r->raw_start] != c)
		return false;
	for (int i = 0; i < 7; i++)
		if (first->ptr[i] != c)
			return false;
	return first->len == 7 || first->ptr[7] == ' ';
}

/* The cells of theirs' row that differ from ours' row at the same place of the block, first: a long
 * row cut for the screen still shows them. */
static void add_differences(struct strbuf *msg, const struct csv_table *t, const struct csv_row *r,
			    const struct csv_row *ours)
{
	size_t n = r->nfields > ours->nfields ? r->nfields : ours->nfields, shown = 0;
	for (size_t c = 0; c < n && shown < 4; c++) {
		struct csv_cell a = c < ours->nfields ? t->cells[ours->first_cell + c] : (struct csv_cell){"", 0, 0};
		struct csv_cell b = c < r->nfields ? t->cells[r->first_cell + c] : (struct csv_cell){"", 0, 0};
		if (a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0))
			continue;
		sb_adds(msg, shown++ ? "; " : "");
		if (c < t->ncols && t->header[c].len)
			diag_quote(msg, t->header[c].ptr, t->header[c].len, 30);
		else
			sb_addf(msg, "column %zu", c + 1);
		sb_adds(msg, " is ");
		diag_quote(msg, b.ptr, b.len, 40);
		sb_adds(msg, " where ours has ");
		diag_quote(msg, a.ptr, a.len, 40);
	}
	if (shown)
		sb_adds(msg, "; the row: ");
}

static void note_side_row(struct csv_table *t, const struct csv_row *r, enum side side, const struct csv_row *ours)
{
	struct strbuf msg;
	sb_init(&msg);
	sb_adds(&msg, side == OURS ? "merge conflict, ours (read): " : side == THEIRS ? "merge conflict, theirs (not read): "
											: "merge conflict, base (not read): ");
	if (ours)
		add_differences(&msg, t, r, ours);
	diag_quote(&msg, t->buf + r->raw_start, r->raw_end - r->raw_start, 200);
	struct diag *d = diag_add(t->diags, DIAG_NOTE, t->path, r->line, 1, "%s", msg.data);
	d->row = -1;
	sb_free(&msg);
}

static void report_block(struct csv_table *t, uint32_t line, uint32_t ours, uint32_t theirs)
{
	diag_add(t->diags, DIAG_ERROR, t->path, line, 1,
		 "unresolved merge conflict at %s:%u: %u row%s of ours read, %u of theirs not; keep one side "
		 "and remove the markers (the notes below show both)",
		 t->path, line, ours, ours == 1 ? "" : "s", theirs);
}

void csv_table_take_conflicts(struct csv_table *t)
{
	size_t kept = 0;
	enum side side = OUTSIDE;
	uint32_t block_line = 0, nours = 0, ntheirs = 0;
	size_t first_ours = 0; /* where the block's ours rows are kept */
	for (size_t i = 0; i < t->nrows; i++) {
		const struct csv_row *r = &t->rows[i];
		char c = r->nfields && t->cells[r->first_cell].len >= 7 ? t->cells[r->first_cell].ptr[0] : '\0';
		bool marker = (c == '<' || c == '|' || c == '=' || c == '>') && is_marker(t, r, c);
		if (marker && c == '<' && side == OUTSIDE) {
			side = OURS;
			block_line = r->line;
			nours = ntheirs = 0;
			first_ours = kept;
			continue;
		}
		if (marker && c == '|' && side == OURS) {
			side = BASE;
			continue;
		}
		if (marker && c == '=' && side != THEIRS) {
			if (side == OUTSIDE) /* the block began above the header */
				block_line = r->line;
			side = THEIRS;
			continue;
		}
		if (marker && c == '>' && side != OUTSIDE) {
			report_block(t, block_line, nours, ntheirs);
			side = OUTSIDE;
			continue;
		}
		if (side != OUTSIDE)
			note_side_row(t, r, side, side == THEIRS && ntheirs < nours ? &t->rows[first_ours + ntheirs] : NULL);
		if (side == OURS)
			nours++;
		if (side == THEIRS)
			ntheirs++;
		if (side == OUTSIDE || side == OURS)
			t->rows[kept++] = *r;
	}
	if (side != OUTSIDE)
		report_block(t, block_line, nours, ntheirs);
	t->nrows = kept;
}
