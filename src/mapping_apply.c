/*
 * mapping_apply.c - a data set's recview.map applied while the model loads: the files it names, the
 * columns it gives each field, and the fields it takes out of a column by a pattern or through a
 * link, which become a value per row (rv_table.derived, derived.c) that the model reads instead of
 * the cell.
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
			m->tables[k].derived_by[f] = NULL;
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

const struct rv_map_field *rv_mapping_rule(const struct rv_mapping *mp, enum rv_kind kind, int field, uint32_t line)
{
	for (size_t i = 0; mp && i < mp->nfields; i++) {
		const struct rv_map_field *f = &mp->fields[i];
		if (f->kind == kind && f->field == field && (!line || f->line == line))
			return f;
	}
	return NULL;
}

const struct rv_map_field *rv_model_unmatched_rule(const struct rv_model *m, enum rv_kind kind, int field,
						   uint32_t line)
{
	const struct rv_table *t = &m->tables[kind];
	const struct rv_map_field *found = NULL;
	for (size_t i = 0; m->mapping && t->present && t->csv.header && i < m->mapping->nfields; i++) {
		const struct rv_map_field *f = &m->mapping->fields[i];
		if (f->kind == kind && f->field == field && f->column && (!line || f->line == line) &&
		    rv_mapping_find_column(&t->csv, f->column) < 0)
			found = f;
	}
	return found;
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

int rv_mapping_find_column(const struct csv_table *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (rv_mapping_same_column(t->header[c].ptr, t->header[c].len, name, strlen(name)))
			return (int)c;
	return -1;
}

struct diag *rv_model_report_no_column(struct rv_model *m, const struct rv_map_field *f, const char *name,
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
	struct diag *d = diag_add(&m->diags, DIAG_WARNING, m->mapping->path, f->line, f->col, "%s", sb.data);
	sb_free(&sb);
	return d;
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
		int col = f->column ? rv_mapping_find_column(&t->csv, f->column) : -1;
		if (f->column && col < 0) {
			/* The problems view offers the header to pick the column from (view_mapping.c). */
			struct diag *d = rv_model_report_no_column(m, f, f->column, &t->csv);
			d->table = (int16_t)kind;
			d->field = (int16_t)f->field;
			continue;
		}
		free(t->derived[f->field]);
		t->derived[f->field] = NULL;
		t->derived_by[f->field] = NULL;
		/* A column the header matched to another field by name goes to the field the mapping names. */
		for (int g = 0; g < RV_MAX_FIELDS && col >= 0; g++)
			if (g != f->field && !stated[g] && t->col[g] == col)
				t->col[g] = -1;
		t->col[f->field] = col;
		stated[f->field] = true;
		if (col >= 0 && (f->has_pattern || f->has_link))
			rv_model_derive_field(m, kind, f, col);
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
