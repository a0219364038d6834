/*
 * mapping_apply.c - a data set's recview.map applied while the model loads: the files it names, the
 * columns it gives each field, and the fields it takes out of a column by a pattern or through a
 * link, which become a value per row (rv_table.derived) that the model reads instead of the cell.
 */
#include "recview/mapping.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/model_cells.h"
#include "recview/strbuf.h"
#include "recview/vocab.h"

void rv_model_load_mapping(struct rv_model *m)
{
	struct rv_mapping *mp = xmalloc(sizeof(*mp));
	rv_mapping_init(mp);
	if (rv_mapping_load(mp, m->dir, &m->diags)) {
		m->mapping = mp;
		return;
	}
	rv_mapping_free(mp);
	free(mp);
}

void rv_model_map_files(struct rv_model *m)
{
	if (!m->mapping)
		return;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const char *file = m->mapping->tables[k].file;
		if (!file)
			continue;
		free(m->tables[k].file);
		m->tables[k].file = xstrdup(file);
	}
}

void rv_model_free_mapping(struct rv_model *m)
{
	for (int k = 0; k < RV_KIND_COUNT; k++)
		for (int f = 0; f < RV_MAX_FIELDS; f++) {
			free(m->tables[k].derived[f]);
			m->tables[k].derived[f] = NULL;
		}
	if (m->mapping) {
		rv_mapping_free(m->mapping);
		free(m->mapping);
		m->mapping = NULL;
	}
}

bool rv_mapping_states_field(const struct rv_mapping *mp, enum rv_kind kind, int field)
{
	for (size_t i = 0; mp && i < mp->nfields; i++)
		if (mp->fields[i].kind == kind && mp->fields[i].field == field)
			return true;
	return false;
}

bool rv_model_field_derived(const struct rv_model *m, enum rv_kind kind, int field)
{
	return field >= 0 && field < RV_MAX_FIELDS && m->tables[kind].derived[field] != NULL;
}

enum rv_status rv_model_status(const struct rv_model *m, enum rv_kind kind, const char *s, size_t len)
{
	int v;
	if (m->mapping && rv_mapping_value(m->mapping, kind, RV_MAP_STATUS, s, len, &v)) /* asked for every row */
		return (enum rv_status)v;
	return rv_status_parse(s, len);
}

enum rv_decision rv_model_decision(const struct rv_model *m, enum rv_kind kind, const char *s, size_t len)
{
	int v;
	if (m->mapping && rv_mapping_value(m->mapping, kind, RV_MAP_DECISION, s, len, &v)) /* asked for every row */
		return (enum rv_decision)v;
	return rv_decision_parse(s, len);
}

int rv_model_priority(const struct rv_model *m, enum rv_kind kind, const char *s, size_t len)
{
	int v;
	if (m->mapping && rv_mapping_value(m->mapping, kind, RV_MAP_PRIORITY, s, len, &v)) /* asked for every row */
		return v;
	return rv_priority_parse(s, len);
}

/* ---- columns ---- */

/* The first column of t whose header is name (as a mapping compares them), or -1. */
static int find_column(const struct csv_table *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (rv_mapping_same_column(t->header[c].ptr, t->header[c].len, name, strlen(name)))
			return (int)c;
	return -1;
}

static void no_such_column(struct rv_model *m, const struct rv_map_field *f, const char *name,
			   const struct csv_table *t)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "no column ");
	diag_quote(&sb, name, strlen(name), 40);
	sb_adds(&sb, " in ");
	diag_quote(&sb, t->path, strlen(t->path), 60);
	sb_adds(&sb, " (its columns:");
	for (size_t c = 0; c < t->ncols && sb.len < 300; c++) {
		sb_adds(&sb, c ? ", " : " ");
		diag_quote(&sb, t->header[c].ptr, t->header[c].len, 30);
	}
	sb_adds(&sb, "); the line is ignored");
	diag_add(&m->diags, DIAG_WARNING, m->mapping->path, f->line, f->col, "%s", sb.data);
	sb_free(&sb);
}

/* Link targets: a column's values, hashed, to the row holding each (the first of equal values). */
struct link_index {
	const struct csv_table *t;
	int col;
	uint32_t *slots; /* row + 1, 0 empty */
	size_t mask;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void link_index_build(struct link_index *ix, const struct csv_table *t, int col)
{
	size_t size = 16;
	while (size < t->nrows * 2)
		size *= 2;
	ix->t = t;
	ix->col = col;
	ix->slots = xcalloc(size, sizeof(*ix->slots));
	ix->mask = size - 1;
	for (size_t r = 0; r < t->nrows; r++) {
		struct csv_cell c = csv_cell_at(t, r, (size_t)col);
		if (!c.len)
			continue;
		size_t i = hash_bytes(c.ptr, c.len) & ix->mask;
		bool dup = false;
		for (; ix->slots[i]; i = (i + 1) & ix->mask) {
			struct csv_cell o = csv_cell_at(t, ix->slots[i] - 1, (size_t)col);
			if ((dup = o.len == c.len && memcmp(o.ptr, c.ptr, c.len) == 0))
				break;
		}
		if (!dup)
			ix->slots[i] = (uint32_t)r + 1;
	}
}

static long link_index_find(const struct link_index *ix, const char *s, size_t len)
{
	for (size_t i = hash_bytes(s, len) & ix->mask; ix->slots[i]; i = (i + 1) & ix->mask) {
		struct csv_cell o = csv_cell_at(ix->t, ix->slots[i] - 1, (size_t)ix->col);
		if (o.len == len && memcmp(o.ptr, s, len) == 0)
			return (long)ix->slots[i] - 1;
	}
	return -1;
}

/*
 * The value of the field in every row: the pattern's part of the cell (a span of it: nothing is
 * copied), then, through a link, the id of the row of the other table whose column holds it (that
 * row's own id cell). A value the link does not find stays as it is, so that it is reported unknown.
 */
static void derive(struct rv_model *m, enum rv_kind kind, const struct rv_map_field *f, int col)
{
	struct rv_table *t = &m->tables[kind];
	struct link_index ix = {0};
	int id_field = -1;
	if (f->has_link) {
		const struct rv_table *lt = &m->tables[f->link_kind];
		int lcol = lt->present && lt->csv.header ? find_column(&lt->csv, f->link_column) : -1;
		id_field = rv_field_of_role(f->link_kind, RV_ROLE_ID);
		if (lcol < 0 || id_field < 0) {
			if (lt->present && lt->csv.header)
				no_such_column(m, f, f->link_column, &lt->csv);
			else
				diag_add(&m->diags, DIAG_WARNING, m->mapping->path, f->line, f->col,
					 "the link goes to %s, which is not loaded; the line is ignored",
					 rv_mapping_kind_name(f->link_kind));
			return;
		}
		link_index_build(&ix, &lt->csv, lcol);
	}
	struct csv_cell *cells = xcalloc(t->csv.nrows + 1, sizeof(*cells));
	for (size_t r = 0; r < t->csv.nrows; r++) {
		struct csv_cell c = csv_cell_at(&t->csv, r, (size_t)col);
		size_t start, len;
		if (f->has_pattern) {
			if (rv_map_field_extract(f, c.ptr, c.len, &start, &len)) {
				c.ptr += start;
				c.len = (uint32_t)len;
			} else {
				c.len = 0;
			}
		}
		if (f->has_link && c.len) {
			long row = link_index_find(&ix, c.ptr, c.len);
			if (row >= 0) {
				struct csv_cell id = rv_cell(m, f->link_kind, (uint32_t)row, id_field);
				c.ptr = id.ptr;
				c.len = id.len;
			}
		}
		cells[r] = c;
	}
	free(ix.slots);
	free(t->derived[f->field]);
	t->derived[f->field] = cells;
	t->nderived = t->csv.nrows;
}

/* Columns no field claims, in file order. */
static void rebuild_extras(struct rv_table *t)
{
	t->nextra = 0;
	for (size_t c = 0; c < t->csv.ncols; c++) {
		bool claimed = false;
		for (int f = 0; f < RV_MAX_FIELDS && !claimed; f++)
			claimed = t->col[f] == (int)c;
		if (!claimed)
			t->extra_cols[t->nextra++] = (uint32_t)c;
	}
}

void rv_model_map_columns(struct rv_model *m, enum rv_kind kind)
{
	struct rv_mapping *mp = m->mapping;
	struct rv_table *t = &m->tables[kind];
	if (!mp || !t->csv.header)
		return;
	bool stated[RV_MAX_FIELDS] = {false};
	bool any = false;
	for (size_t i = 0; i < mp->nfields; i++) {
		const struct rv_map_field *f = &mp->fields[i];
		if (f->kind != kind)
			continue;
		any = true;
		int col = f->column ? find_column(&t->csv, f->column) : -1;
		if (f->column && col < 0) {
			no_such_column(m, f, f->column, &t->csv);
			continue;
		}
		free(t->derived[f->field]);
		t->derived[f->field] = NULL;
		/* A column the header matched to another field by name goes to the field the mapping names. */
		for (int g = 0; g < RV_MAX_FIELDS && col >= 0; g++)
			if (g != f->field && !stated[g] && t->col[g] == col)
				t->col[g] = -1;
		t->col[f->field] = col;
		stated[f->field] = true;
		if (col >= 0 && (f->has_pattern || f->has_link))
			derive(m, kind, f, col);
	}
	if (any)
		rebuild_extras(t);
	enum rv_date_order order;
	if (rv_mapping_date_order(mp, kind, &order)) {
		const struct rv_kind_def *def = rv_kind_def(kind);
		for (int f = 0; f < def->nfields; f++)
			if (def->fields[f].role == RV_ROLE_DATE)
				t->date_order[f] = (struct rv_date_order_choice){.order = order, .basis = RV_DATE_ORDER_MAPPED};
	}
}
