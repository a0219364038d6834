/*
 * entity_scan.c - every field of a kind's entities, for a search over the whole data set (entity.h).
 * Besides field by field, a scan offers the file's bytes as read, so that a literal is looked for in
 * one pass over them and each match placed in its row and cell afterwards; that is what makes a
 * search of a large data set fast. Rows map to entities: a child's index is its row; a
 * recommendation's, and a flat sheet's child's (flat.h), come from a table built when the scan opens.
 */
#include "recview/entity.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/model_cells.h"

struct rv_field_scan {
	const struct csv_table *t;
	size_t base;          /* where the bytes handed out begin in the file (the header's line break) */
	int norders;          /* known fields, then extra columns */
	int *order;           /* column -> field order, or -1 */
	int *col_of;          /* field order -> column, or -1 */
	uint32_t *rank;       /* RV_RECS, flat kinds: row -> entity (UINT32_MAX: none); NULL: row = child index */
	size_t nentities;
	size_t at_row;        /* rv_field_scan_at: the row of the last offset */
	size_t next_row;      /* rv_field_scan_next: the row and field order next */
	int next_order;
	bool loose_started;   /* rv_field_scan_next_loose: the next cell, the row of the last */
	size_t loose_cell, loose_row;
};

/* What each column of a table is: its field order (known fields, then extra columns), or -1. */
static int *column_orders(const struct rv_table *t, const struct csv_table *csv, int nfields)
{
	int *order = xmalloc((csv->ncols + 1) * sizeof(*order));
	for (size_t c = 0; c < csv->ncols; c++)
		order[c] = -1;
	for (int f = 0; f < nfields; f++)
		if (t->col[f] >= 0 && (size_t)t->col[f] < csv->ncols)
			order[t->col[f]] = f;
	for (size_t k = 0; k < t->nextra; k++)
		if (t->extra_cols[k] < csv->ncols)
			order[t->extra_cols[k]] = nfields + (int)k;
	return order;
}

struct rv_field_scan *rv_field_scan_open(const struct rv_model *m, enum rv_kind kind)
{
	if ((unsigned)kind >= RV_KIND_COUNT)
		return NULL;
	const struct rv_table *t = &m->tables[kind];
	size_t n = kind == RV_RECS ? m->nrecs : m->nchildren[kind];
	const struct csv_table *csv = rv_kind_csv(m, kind); /* a flat sheet's children: the recommendations' */
	if (!(t->present || t->flat) || !t->usable || !n || n > csv->nrows)
		return NULL;
	struct rv_field_scan *sc = xcalloc(1, sizeof(*sc));
	int nfields = rv_kind_def(kind)->nfields;
	sc->t = csv;
	sc->base = csv->header_end < csv->size ? csv->header_end : csv->size;
	sc->nentities = n;
	sc->norders = nfields + (int)t->nextra;
	sc->order = column_orders(t, csv, nfields);
	sc->col_of = xmalloc(((size_t)sc->norders + 1) * sizeof(*sc->col_of));
	for (int o = 0; o < sc->norders; o++)
		sc->col_of[o] = -1;
	for (size_t c = 0; c < csv->ncols; c++)
		if (sc->order[c] >= 0)
			sc->col_of[sc->order[c]] = (int)c;
	if (kind == RV_RECS || t->flat) {
		sc->rank = xmalloc((csv->nrows + 1) * sizeof(*sc->rank));
		for (size_t r = 0; r < csv->nrows; r++)
			sc->rank[r] = UINT32_MAX;
		for (size_t i = 0; i < n; i++)
			sc->rank[kind == RV_RECS ? m->recs[i].row : m->children[kind][i].row] = (uint32_t)i;
	}
	return sc;
}

void rv_field_scan_close(struct rv_field_scan *sc)
{
	if (!sc)
		return;
	free(sc->order);
	free(sc->col_of);
	free(sc->rank);
	free(sc);
}

/* The entity of a row, or false when the row is none's. */
static bool entity_of(const struct rv_field_scan *sc, size_t row, uint32_t *entity)
{
	if (sc->rank) {
		*entity = sc->rank[row];
		return *entity != UINT32_MAX;
	}
	*entity = (uint32_t)row;
	return row < sc->nentities;
}

static void found(struct rv_scan_field *f, uint32_t entity, int order, struct csv_cell c)
{
	f->entity = entity;
	f->order = order;
	f->text = (struct rv_text){c.ptr, c.len};
}

bool rv_field_scan_next(struct rv_field_scan *sc, struct rv_scan_field *f)
{
	const struct csv_table *t = sc->t;
	for (; sc->next_row < t->nrows; sc->next_row++, sc->next_order = 0) {
		const struct csv_row *row = &t->rows[sc->next_row];
		uint32_t entity;
		if (!entity_of(sc, sc->next_row, &entity))
			continue;
		while (sc->next_order < sc->norders) {
			int o = sc->next_order++, col = sc->col_of[o];
			if (col < 0 || (uint32_t)col >= row->nfields)
				continue;
			found(f, entity, o, t->cells[row->first_cell + (uint32_t)col]);
			return true;
		}
	}
	return false;
}

struct rv_text rv_field_scan_bytes(const struct rv_field_scan *sc)
{
	return (struct rv_text){sc->t->buf + sc->base, sc->t->size - sc->base};
}

static bool in_buffer(const struct csv_table *t, struct csv_cell c)
{
	uintptr_t p = (uintptr_t)c.ptr, b = (uintptr_t)t->buf;
	return p >= b && p + c.len <= b + t->size;
}

enum rv_scan_at rv_field_scan_at(struct rv_field_scan *sc, size_t off, struct rv_scan_field *f)
{
	const struct csv_table *t = sc->t;
	size_t o = sc->base + off, r = sc->at_row;
	while (r < t->nrows && t->rows[r].raw_end <= o)
		r++;
	sc->at_row = r;
	if (r == t->nrows)
		return RV_SCAN_END;
	const struct csv_row *row = &t->rows[r];
	uint32_t entity;
	if (o < row->raw_start || !entity_of(sc, r, &entity))
		return RV_SCAN_NONE;
#ifdef __GNUC__
	/* Offsets come in file order: the cells of the next rows are likely wanted soon. */
	for (size_t ahead = 1; ahead <= 4 && r + ahead < t->nrows; ahead++)
		__builtin_prefetch(&t->cells[t->rows[r + ahead].first_cell]);
#endif
	/* The last cell starting at or before o (a row's cells are adjacent: a linear scan is fastest). */
	const struct csv_cell *cells = t->cells + row->first_cell;
	uint32_t col = 0;
	while (col + 1 < row->nfields && cells[col + 1].raw_off <= o)
		col++;
	if (col >= t->ncols || sc->order[col] < 0 || !in_buffer(t, cells[col]))
		return RV_SCAN_NONE;
	found(f, entity, sc->order[col], cells[col]);
	return RV_SCAN_FIELD;
}

/* In one pass over the cells, the rows following along. */
bool rv_field_scan_next_loose(struct rv_field_scan *sc, size_t min_len, struct rv_scan_field *f)
{
	const struct csv_table *t = sc->t;
	if (!t->nrows)
		return false;
	if (!sc->loose_started) {
		sc->loose_started = true;
		sc->loose_cell = t->rows[0].first_cell;
	}
	uintptr_t b = (uintptr_t)t->buf, e = b + t->size;
	while (sc->loose_cell < t->ncells) {
		size_t ci = sc->loose_cell++;
		struct csv_cell cell = t->cells[ci];
		uintptr_t p = (uintptr_t)cell.ptr;
		if ((p >= b && p + cell.len <= e) || cell.len < min_len)
			continue;
		size_t rr = sc->loose_row;
		while (rr + 1 < t->nrows && t->rows[rr + 1].first_cell <= ci)
			rr++;
		sc->loose_row = rr;
		size_t col = ci - t->rows[rr].first_cell;
		uint32_t entity;
		if (col < t->ncols && col < t->rows[rr].nfields && sc->order[col] >= 0 && entity_of(sc, rr, &entity)) {
			found(f, entity, sc->order[col], cell);
			return true;
		}
	}
	return false;
}
