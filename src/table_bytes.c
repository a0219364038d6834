/* table_bytes.c - a table turned into its file's bytes for a save (see table_bytes.h). */
#include "recview/table_bytes.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/save.h"

struct rv_table_copy {
	struct csv_table t;
};

struct rv_table_copy *rv_model_copy_table(const struct rv_model *m, enum rv_kind kind)
{
	const struct csv_table *t = &m->tables[kind].csv;
	struct rv_table_copy *c = xcalloc(1, sizeof(*c));
	c->t = *t;
	c->t.rows = xreallocarray(NULL, t->nrows + 1, sizeof(*t->rows));
	c->t.cells = xreallocarray(NULL, t->ncells + 1, sizeof(*t->cells));
	memcpy(c->t.rows, t->rows, t->nrows * sizeof(*t->rows));
	memcpy(c->t.cells, t->cells, t->ncells * sizeof(*t->cells));
	c->t.cuts = xreallocarray(NULL, t->ncuts + 1, sizeof(*t->cuts));
	if (t->ncuts)
		memcpy(c->t.cuts, t->cuts, t->ncuts * sizeof(*t->cuts));
	c->t.header = c->t.cells + t->header_cell;
	return c;
}

bool rv_table_copy_bytes(const struct rv_table_copy *c, struct strbuf *out)
{
	size_t bad;
	sb_reset(out);
	csv_table_serialize(&c->t, out);
	return csv_table_encode_text(&c->t, out, &bad);
}

void rv_table_copy_free(struct rv_table_copy *c)
{
	if (!c)
		return;
	free(c->t.rows);
	free(c->t.cells);
	free(c->t.cuts);
	free(c);
}

bool rv_model_added_bytes(const struct rv_model *m, enum rv_kind kind, size_t row, struct strbuf *out)
{
	size_t bad;
	csv_table_serialize_added(&m->tables[kind].csv, row, out);
	return csv_table_encode_text(&m->tables[kind].csv, out, &bad);
}

bool rv_model_encode_for(const struct rv_model *m, enum rv_kind kind, struct strbuf *text)
{
	size_t bad;
	return !m->tables[kind].present || csv_table_encode_text(&m->tables[kind].csv, text, &bad);
}

bool rv_model_rows_added_from(const struct rv_model *m, enum rv_kind kind, size_t row)
{
	const struct csv_table *t = &m->tables[kind].csv;
	if (t->nrows < row)
		return false;
	for (size_t i = row; i < t->nrows; i++)
		if (!(t->rows[i].flags & CSV_ROW_ADDED))
			return false;
	return true;
}

bool rv_model_table_bytes(const struct rv_model *m, enum rv_kind kind, struct strbuf *out)
{
	size_t bad;
	csv_table_serialize(&m->tables[kind].csv, out);
	return csv_table_encode_text(&m->tables[kind].csv, out, &bad);
}
