/* flat.c - a recommendations table that holds its deliverables or questions too (flat.h). */
#include "recview/flat.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/model_cells.h"
#include "recview/schema.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/vocab.h"

struct rv_flat {
	enum rv_kind kind;   /* the children it holds */
	uint32_t *group_end; /* per row: for a recommendation's first row, the row after its last; else 0 */
	int32_t *row_rec;    /* per row: its recommendation, once they are built */
	size_t nrows;
};

/* What a flat sheet's columns would be, while it is being found out. */
struct flat_plan {
	enum rv_kind kind;
	int col[RV_MAX_FIELDS]; /* the child's fields, columns of recommendations.csv */
	bool *child_col;        /* per column: the child's (a field of it or an extra) */
	size_t nfields;         /* child fields found */
	uint32_t *group_end;
	size_t continued;       /* rows that continue the row above */
};

static struct csv_cell cell(const struct csv_table *t, uint32_t row, int col)
{
	struct csv_cell none = {"", 0, 0};
	return col < 0 ? none : csv_cell_at(t, row, (size_t)col);
}

static bool same(struct csv_cell a, struct csv_cell b)
{
	return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

/* The child field a column of recommendations.csv names ("deliverable status": the status), or -1. */
static int child_field(enum rv_kind kind, struct csv_cell header)
{
	char norm[128];
	rv_normalize_name(header.ptr, header.len, norm, sizeof(norm));
	const char *prefix = kind == RV_DELIVERABLES ? "deliverable " : "question ";
	const char *name = strncmp(norm, prefix, strlen(prefix)) == 0 ? norm + strlen(prefix) : norm;
	int f = rv_field_by_name(kind, name);
	return f == rv_field_of_role(kind, RV_ROLE_REC_LINK) ? -1 : f;
}

/* The child fields among the columns no recommendation field claimed; true when there are enough. */
static bool plan_columns(const struct rv_model *m, struct flat_plan *p)
{
	const struct rv_table *recs = &m->tables[RV_RECS];
	for (int f = 0; f < RV_MAX_FIELDS; f++)
		p->col[f] = -1;
	p->nfields = 0;
	for (size_t e = 0; e < recs->nextra; e++) {
		uint32_t c = recs->extra_cols[e];
		int f = child_field(p->kind, recs->csv.header[c]);
		if (f < 0 || p->col[f] >= 0)
			continue;
		p->col[f] = (int)c;
		p->child_col[c] = true;
		p->nfields++;
	}
	/* "Responsible" names a recommendation's owner too: in a flat sheet it is the child's. */
	int owner = recs->col[REC_OWNER];
	int f = owner >= 0 ? child_field(p->kind, recs->csv.header[owner]) : -1;
	if (f >= 0 && p->col[f] < 0) {
		p->col[f] = owner;
		p->child_col[owner] = true;
		p->nfields++;
	}
	int text = rv_field_of_role(p->kind, RV_ROLE_TEXT);
	return text >= 0 && p->col[text] >= 0 && p->nfields >= 2;
}

/* Whether row r continues the recommendation that starts at first: its columns the same, or empty. */
static bool continues(const struct rv_model *m, const struct flat_plan *p, uint32_t first, uint32_t r, bool merged)
{
	const struct rv_table *recs = &m->tables[RV_RECS];
	for (int f = 0; f < REC_NFIELDS; f++) {
		int c = recs->col[f];
		if (f == REC_ID || c < 0 || p->child_col[c]) /* an owner column that is the child's */
			continue;
		struct csv_cell v = cell(&recs->csv, r, c);
		if (merged ? v.len != 0 : !same(v, cell(&recs->csv, first, c)))
			return false;
	}
	return true;
}

/* Groups the rows: each a recommendation's first or one that continues it; false when a row is neither. */
static bool plan_groups(const struct rv_model *m, struct flat_plan *p)
{
	const struct csv_table *t = &m->tables[RV_RECS].csv;
	int idc = m->tables[RV_RECS].col[REC_ID];
	long first = -1;
	for (uint32_t r = 0; r < t->nrows; r++) {
		struct csv_cell id = cell(t, r, idc);
		if (first >= 0 && (!id.len || same(id, cell(t, (uint32_t)first, idc)))) {
			if (!continues(m, p, (uint32_t)first, r, id.len == 0))
				return false;
			p->continued++;
			continue;
		}
		if (!id.len)
			return false;
		if (first >= 0)
			p->group_end[first] = r;
		first = r;
	}
	if (first >= 0)
		p->group_end[first] = (uint32_t)t->nrows;
	return p->continued > 0;
}

/* Columns of neither kind's fields are the child's when they change within a recommendation. */
static void plan_extras(const struct rv_model *m, struct flat_plan *p)
{
	const struct rv_table *recs = &m->tables[RV_RECS];
	int idc = recs->col[REC_ID];
	for (size_t e = 0; e < recs->nextra; e++) {
		uint32_t c = recs->extra_cols[e];
		if (p->child_col[c])
			continue;
		for (uint32_t first = 0; first < recs->csv.nrows && !p->child_col[c]; first++) {
			for (uint32_t r = first + 1; r < p->group_end[first]; r++) {
				struct csv_cell v = cell(&recs->csv, r, (int)c);
				bool merged = cell(&recs->csv, r, idc).len == 0;
				if (merged ? v.len != 0 : !same(v, cell(&recs->csv, first, (int)c))) {
					p->child_col[c] = true;
					break;
				}
			}
		}
	}
}

/* The child kind's table becomes a view of its columns; the recommendations keep the others. */
static void apply_plan(struct rv_model *m, const struct flat_plan *p)
{
	struct rv_table *recs = &m->tables[RV_RECS], *t = &m->tables[p->kind];
	memcpy(t->col, p->col, sizeof(t->col));
	t->col[rv_field_of_role(p->kind, RV_ROLE_REC_LINK)] = recs->col[REC_ID];
	if (recs->col[REC_OWNER] >= 0 && p->child_col[recs->col[REC_OWNER]])
		recs->col[REC_OWNER] = -1;
	t->flat = true;
	t->usable = true;
	free(t->extra_cols);
	t->extra_cols = xcalloc(recs->nextra + 1, sizeof(*t->extra_cols));
	t->nextra = 0;
	size_t kept = 0;
	for (size_t e = 0; e < recs->nextra; e++) {
		uint32_t c = recs->extra_cols[e];
		bool field = false;
		for (int f = 0; f < RV_MAX_FIELDS; f++)
			field |= p->col[f] == (int)c;
		if (!p->child_col[c])
			recs->extra_cols[kept++] = c;
		else if (!field)
			t->extra_cols[t->nextra++] = c;
	}
	recs->nextra = kept;
	m->flat = xcalloc(1, sizeof(*m->flat));
	m->flat->kind = p->kind;
	m->flat->group_end = p->group_end;
	m->flat->nrows = recs->csv.nrows;
	m->flat->row_rec = xcalloc(recs->csv.nrows + 1, sizeof(*m->flat->row_rec));
}

/* "recommendations.csv holds the deliverables too (...)": a note, at the header. */
static void tell(struct rv_model *m, const struct flat_plan *p)
{
	const struct rv_table *recs = &m->tables[RV_RECS];
	struct strbuf sb;
	sb_init(&sb);
	size_t n = 0;
	for (size_t c = 0; c < recs->csv.ncols; c++) {
		if (!p->child_col[c])
			continue;
		sb_adds(&sb, n++ ? ", " : "");
		text_sanitize(&sb, recs->csv.header[c].ptr, recs->csv.header[c].len, 0);
	}
	char *cols = xstrdup(sb.data ? sb.data : "");
	sb_reset(&sb);
	sb_addf(&sb, "a flat sheet: the recommendations with their %s (columns %s), %zu rows continuing the row above",
		rv_kind_def(p->kind)->label, cols, p->continued);
	free(cols);
	diag_add(&m->diags, DIAG_NOTE, recs->csv.path, recs->csv.header_line ? recs->csv.header_line : 1, 0, "%s", sb.data);
	sb_free(&sb);
}

void rv_flat_detect(struct rv_model *m)
{
	const struct rv_table *recs = &m->tables[RV_RECS];
	if (!recs->usable || recs->col[REC_ID] < 0 || !recs->nextra)
		return;
	static const enum rv_kind kinds[] = {RV_DELIVERABLES, RV_QUESTIONS};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		const struct rv_table *t = &m->tables[kinds[k]];
		if (t->present || t->unreadable)
			continue;
		struct flat_plan p = {.kind = kinds[k]};
		p.child_col = xcalloc(recs->csv.ncols + 1, sizeof(*p.child_col));
		p.group_end = xcalloc(recs->csv.nrows + 1, sizeof(*p.group_end));
		bool flat = plan_columns(m, &p) && plan_groups(m, &p);
		if (flat) {
			plan_extras(m, &p);
			tell(m, &p);
			apply_plan(m, &p);
		} else {
			free(p.group_end);
		}
		free(p.child_col);
		if (flat)
			return;
	}
}

bool rv_flat_starts_rec(const struct rv_model *m, uint32_t row)
{
	return !m->flat || (row < m->flat->nrows && m->flat->group_end[row] != 0);
}

void rv_flat_index(struct rv_model *m)
{
	struct rv_flat *f = m->flat;
	if (!f)
		return;
	for (size_t r = 0; r < f->nrows; r++)
		f->row_rec[r] = -1;
	for (size_t i = 0; i < m->nrecs; i++)
		for (uint32_t r = m->recs[i].row; r < f->group_end[m->recs[i].row]; r++)
			f->row_rec[r] = (int32_t)i;
}

int32_t rv_flat_rec_of(const struct rv_model *m, uint32_t row)
{
	return m->flat && row < m->flat->nrows ? m->flat->row_rec[row] : -1;
}

bool rv_flat_child_row(const struct rv_model *m, enum rv_kind kind, uint32_t row)
{
	const struct rv_table *t = &m->tables[kind];
	int link = rv_field_of_role(kind, RV_ROLE_REC_LINK);
	for (int f = 0; f < rv_kind_def(kind)->nfields; f++)
		if (f != link && rv_cell(m, kind, row, f).len)
			return true;
	const struct csv_table *csv = rv_kind_csv(m, kind);
	for (size_t e = 0; e < t->nextra; e++)
		if (csv_cell_at(csv, row, t->extra_cols[e]).len)
			return true;
	return false;
}

void rv_flat_free(struct rv_model *m)
{
	if (!m->flat)
		return;
	free(m->flat->group_end);
	free(m->flat->row_rec);
	free(m->flat);
	m->flat = NULL;
}

/* ---- the rows of a recommendation (entity.h) ---- */

size_t rv_rec_row_count(const struct rv_model *m, size_t rec)
{
	if (!m->flat || rec >= m->nrecs)
		return rec < m->nrecs;
	const struct csv_table *t = &m->tables[RV_RECS].csv;
	int idc = m->tables[RV_RECS].col[REC_ID];
	uint32_t first = m->recs[rec].row;
	size_t n = 0;
	for (uint32_t r = first; r < m->flat->group_end[first]; r++)
		n += cell(t, r, idc).len != 0; /* merged rows below the first do not repeat it */
	return n;
}

uint32_t rv_rec_row_at(const struct rv_model *m, size_t rec, size_t i)
{
	uint32_t first = m->recs[rec].row;
	if (!m->flat || !i)
		return first;
	const struct csv_table *t = &m->tables[RV_RECS].csv;
	int idc = m->tables[RV_RECS].col[REC_ID];
	for (uint32_t r = first; r < m->flat->group_end[first]; r++)
		if (cell(t, r, idc).len != 0 && i-- == 0)
			return r;
	return first;
}
