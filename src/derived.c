/*
 * derived.c - the values a mapping derives (mapping.h): a field taken out of a column by a pattern, or
 * through a link (the id of the row of another table whose column holds the value). They are computed
 * per row when the files are read and for every row appended since, by the same rule; and nothing is
 * written into a cell a rule reads unless the rule reads the intended value back from it.
 */
#include "recview/mapping.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/diag.h"
#include "recview/model_cells.h"
#include "recview/strbuf.h"

/* Bytes of a cell. */
struct span {
	const char *ptr;
	size_t len;
};

/* Link targets: a column's values, hashed, to the row holding each (the first of equal values). */
struct link_index {
	const struct csv_table *t;
	int col;
	uint32_t *slots; /* row + 1, 0 empty */
	size_t mask;
};

/* Where a rule's link goes: the table, the column looked in, the field given back (its id); ix, when
 * built, finds the row, else the column is scanned (the first row holding the value, as ix finds). */
struct link_target {
	enum rv_kind kind;
	const struct csv_table *t;
	int col;
	int id_field;
	const struct link_index *ix;
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

static bool same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

/* The row of the link's table whose column holds s, or -1. */
static long link_find(const struct link_target *lt, const char *s, size_t len)
{
	if (lt->ix) {
		const struct link_index *ix = lt->ix;
		for (size_t i = hash_bytes(s, len) & ix->mask; ix->slots[i]; i = (i + 1) & ix->mask) {
			struct csv_cell o = csv_cell_at(ix->t, ix->slots[i] - 1, (size_t)ix->col);
			if (same_bytes(o.ptr, o.len, s, len))
				return (long)ix->slots[i] - 1;
		}
		return -1;
	}
	for (size_t r = 0; r < lt->t->nrows; r++) {
		struct csv_cell o = csv_cell_at(lt->t, r, (size_t)lt->col);
		if (o.len && same_bytes(o.ptr, o.len, s, len))
			return (long)r;
	}
	return -1;
}

/* The link of rule f, as loaded: false when its table or column is not there. */
static bool link_target_of(const struct rv_model *m, const struct rv_map_field *f, struct link_target *lt)
{
	const struct rv_table *t = &m->tables[f->link_kind];
	memset(lt, 0, sizeof(*lt));
	lt->kind = f->link_kind;
	lt->t = &t->csv;
	lt->col = t->present && t->csv.header ? rv_mapping_find_column(&t->csv, f->link_column) : -1;
	lt->id_field = rv_field_of_role(f->link_kind, RV_ROLE_ID);
	return lt->col >= 0 && lt->id_field >= 0;
}

/*
 * The value rule f reads from a cell: the pattern's part of it (a span of it: nothing is copied; no
 * match: empty), then, through the link, the id of the row whose column holds it (that row's own id
 * cell). A value the link does not find stays as it is, so that it is reported unknown; *linked says
 * whether the link found it.
 */
static struct csv_cell read_through(const struct rv_model *m, const struct rv_map_field *f,
				    const struct link_target *lt, struct csv_cell c, bool *linked)
{
	size_t start, len;
	*linked = false;
	if (f->has_pattern) {
		if (rv_map_field_extract(f, c.ptr, c.len, &start, &len)) {
			c.ptr += start;
			c.len = (uint32_t)len;
		} else {
			c.len = 0;
		}
	}
	if (f->has_link && lt && c.len) {
		long row = link_find(lt, c.ptr, c.len);
		if (row >= 0) {
			struct csv_cell id = rv_cell(m, lt->kind, (uint32_t)row, lt->id_field);
			c.ptr = id.ptr;
			c.len = id.len;
			*linked = true;
		}
	}
	return c;
}

void rv_model_derive_field(struct rv_model *m, enum rv_kind kind, const struct rv_map_field *f, int col)
{
	struct rv_table *t = &m->tables[kind];
	struct link_index ix = {0};
	struct link_target lt;
	if (f->has_link) {
		if (!link_target_of(m, f, &lt)) {
			const struct rv_table *other = &m->tables[f->link_kind];
			if (other->present && other->csv.header)
				rv_model_report_no_column(m, f, f->link_column, &other->csv);
			else
				diag_add(&m->diags, DIAG_WARNING, m->mapping->path, f->line, f->col,
					 "the link goes to %s, which is not loaded; the line is ignored",
					 rv_mapping_kind_name(f->link_kind));
			return;
		}
		link_index_build(&ix, lt.t, lt.col);
		lt.ix = &ix;
	}
	struct csv_cell *cells = xcalloc(t->csv.nrows + 1, sizeof(*cells));
	for (size_t r = 0; r < t->csv.nrows; r++) {
		bool linked;
		cells[r] = read_through(m, f, f->has_link ? &lt : NULL, csv_cell_at(&t->csv, r, (size_t)col), &linked);
	}
	free(ix.slots);
	free(t->derived[f->field]);
	t->derived[f->field] = cells;
	t->derived_by[f->field] = f;
	t->nderived = t->csv.nrows;
}

void rv_model_derive_rows(struct rv_model *m, enum rv_kind kind)
{
	struct rv_table *t = &m->tables[kind];
	size_t n = t->csv.nrows;
	if (t->nderived >= n)
		return;
	for (int field = 0; field < RV_MAX_FIELDS; field++) {
		const struct rv_map_field *f = t->derived_by[field];
		if (!t->derived[field] || !f || t->col[field] < 0)
			continue;
		struct link_target lt;
		bool has_target = f->has_link && link_target_of(m, f, &lt);
		t->derived[field] = xreallocarray(t->derived[field], n + 1, sizeof(**t->derived));
		for (size_t r = t->nderived; r < n; r++) {
			bool linked;
			struct csv_cell c = csv_cell_at(&t->csv, r, (size_t)t->col[field]);
			t->derived[field][r] = read_through(m, f, has_target ? &lt : NULL, c, &linked);
		}
	}
	t->nderived = n;
}

/* ---- what may be written ---- */

/* "recommendations.status" */
static void setting(enum rv_kind kind, int field, struct strbuf *out)
{
	rv_mapping_setting_name(kind, field, out);
}

static void column_quoted(const struct rv_model *m, enum rv_kind kind, int col, struct strbuf *out)
{
	const struct csv_table *t = &m->tables[kind].csv;
	if (col >= 0 && (size_t)col < t->ncols)
		diag_quote(out, t->header[col].ptr, t->header[col].len, 40);
}

static void say(char *why, size_t whysize, const struct strbuf *sb)
{
	if (why && whysize)
		snprintf(why, whysize, "%s", sb->data ? sb->data : "");
}

/* A derived field of kind (other than field) that reads column col, or -1. */
static int other_reader(const struct rv_table *t, int field, int col)
{
	for (int g = 0; g < RV_MAX_FIELDS; g++)
		if (g != field && t->derived[g] && t->derived_by[g] && t->col[g] == col)
			return g;
	return -1;
}

/* A rule of another table (or of this one) that links through column col of kind, or NULL. */
static const struct rv_map_field *link_through(const struct rv_model *m, enum rv_kind kind, int field, int col)
{
	int id_field = rv_field_of_role(kind, RV_ROLE_ID);
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		for (int g = 0; g < RV_MAX_FIELDS; g++) {
			const struct rv_map_field *f = m->tables[k].derived_by[g];
			if (!f || !m->tables[k].derived[g] || !f->has_link || f->link_kind != kind)
				continue;
			if (field == id_field || rv_mapping_find_column(&m->tables[kind].csv, f->link_column) == col)
				return f;
		}
	}
	return NULL;
}

bool rv_model_field_settable(const struct rv_model *m, enum rv_kind kind, int field, char *why, size_t whysize)
{
	if ((unsigned)kind >= RV_KIND_COUNT || field < 0 || field >= RV_MAX_FIELDS)
		return true;
	const struct rv_table *t = &m->tables[kind];
	int col = t->col[field];
	struct strbuf sb;
	sb_init(&sb);
	setting(kind, field, &sb);
	const struct rv_map_field *f = t->derived[field] ? t->derived_by[field] : NULL;
	int other = col >= 0 ? other_reader(t, field, col) : -1;
	const struct rv_map_field *link = col >= 0 && !f && other < 0 ? link_through(m, kind, field, col) : NULL;
	if (f) {
		/* The cell holds more than the field (a title around an id, every label of an issue), or
		 * another row's value: writing the field would rewrite the whole of it. */
		sb_addf(&sb, " is read from ");
		column_quoted(m, kind, col, &sb);
		sb_addf(&sb, " %s (%s:%u), so recview does not write it", f->has_link ? "through a link" : "by a pattern",
			RV_MAP_FILE, f->line);
	} else if (other >= 0) {
		sb_adds(&sb, " is column ");
		column_quoted(m, kind, col, &sb);
		sb_adds(&sb, ", from which ");
		setting(kind, other, &sb);
		sb_addf(&sb, " is read too (%s:%u), so recview does not write it: that would change both",
			RV_MAP_FILE, t->derived_by[other]->line);
	} else if (link) {
		sb_adds(&sb, " is what ");
		setting(link->kind, link->field, &sb);
		sb_addf(&sb, " links through (%s:%u), so recview does not write it: rows linked by it would lose their link",
			RV_MAP_FILE, link->line);
	}
	bool ok = !f && other < 0 && !link;
	if (!ok)
		say(why, whysize, &sb);
	sb_free(&sb);
	return ok;
}

/* ---- the text a new row's cell needs ---- */

#define FRAME_ROWS 200 /* rows whose cells show how the column frames what the pattern takes */

/*
 * How the column frames the pattern's part of it: the same text before and after it in every one of
 * its first cells that match ("#" before the issue number of "#12"). False when they differ (a title
 * around an id) or none matches: then no frame.
 */
static bool pattern_frame(const struct csv_table *t, int col, const struct rv_map_field *f, size_t rows,
			  struct span *before, struct span *after)
{
	size_t seen = 0;
	for (size_t r = 0; r < rows && seen < FRAME_ROWS; r++) {
		struct csv_cell c = csv_cell_at(t, r, (size_t)col);
		size_t start, len;
		if (!c.len || !rv_map_field_extract(f, c.ptr, c.len, &start, &len))
			continue;
		struct span b = {c.ptr, start}, a = {c.ptr + start + len, c.len - start - len};
		if (seen++ == 0) {
			*before = b;
			*after = a;
		} else if (!same_bytes(b.ptr, b.len, before->ptr, before->len) ||
			   !same_bytes(a.ptr, a.len, after->ptr, after->len)) {
			return false;
		}
	}
	return seen > 0;
}

/* Whether rule f reads value back from text (through the link, when it has one). */
static bool reads_back(const struct rv_model *m, const struct rv_map_field *f, const struct link_target *lt,
		       const char *text, size_t len, const char *value, size_t vlen)
{
	struct csv_cell c = {text, (uint32_t)len, 0};
	bool linked;
	struct csv_cell got = read_through(m, f, lt, c, &linked);
	return (!f->has_link || linked) && same_bytes(got.ptr, got.len, value, vlen);
}

/* The row of the link's table whose id is value (the first), or -1. */
static long row_with_id(const struct rv_model *m, const struct link_target *lt, const char *value, size_t len)
{
	for (size_t r = 0; r < lt->t->nrows; r++) {
		struct csv_cell id = rv_cell(m, lt->kind, (uint32_t)r, lt->id_field);
		if (same_bytes(id.ptr, id.len, value, len))
			return (long)r;
	}
	return -1;
}

bool rv_model_source_text(const struct rv_model *m, enum rv_kind kind, int field, const char *value, size_t len,
			  struct strbuf *out, char *why, size_t whysize)
{
	const struct rv_table *t = &m->tables[kind];
	const struct rv_map_field *f =
		field >= 0 && field < RV_MAX_FIELDS && t->derived[field] ? t->derived_by[field] : NULL;
	if (!f || !len) {
		sb_add(out, value, len);
		return true;
	}
	struct strbuf sb;
	sb_init(&sb);
	setting(kind, field, &sb);
	struct link_target lt;
	struct span key = {value, len};
	bool ok = false;
	if (f->has_link && !link_target_of(m, f, &lt)) {
		sb_addf(&sb, " is read through a link (%s:%u) whose column is not there", RV_MAP_FILE, f->line);
	} else if (f->has_link) {
		long row = row_with_id(m, &lt, value, len);
		struct csv_cell k = row >= 0 ? csv_cell_at(lt.t, (size_t)row, (size_t)lt.col) : (struct csv_cell){"", 0, 0};
		key = (struct span){k.ptr, k.len};
		if (!key.len) {
			sb_addf(&sb, " is read through %s.", rv_mapping_kind_name(f->link_kind));
			diag_quote(&sb, f->link_column, strlen(f->link_column), 40);
			sb_addf(&sb, " (%s:%u), and ", RV_MAP_FILE, f->line);
			diag_quote(&sb, value, len, 40);
			sb_adds(&sb, row >= 0 ? " has none there, so a new row could not name it"
					      : " is not among its rows, so a new row could not name it");
		}
	}
	if (key.len) {
		struct strbuf text;
		sb_init(&text);
		struct span before = {"", 0}, after = {"", 0};
		const struct link_target *target = f->has_link ? &lt : NULL;
		/* In the column's own frame first ("#12"), else the bare value; either only if it reads back. */
		if (f->has_pattern && pattern_frame(&t->csv, t->col[field], f, t->nderived, &before, &after)) {
			sb_add(&text, before.ptr, before.len);
			sb_add(&text, key.ptr, key.len);
			sb_add(&text, after.ptr, after.len);
			ok = reads_back(m, f, target, text.data, text.len, value, len);
		}
		if (!ok) {
			sb_reset(&text);
			sb_add(&text, key.ptr, key.len);
			ok = reads_back(m, f, target, text.data, text.len, value, len);
		}
		if (ok) {
			sb_add(out, text.data, text.len);
		} else {
			sb_adds(&sb, " is read from ");
			column_quoted(m, kind, t->col[field], &sb);
			sb_addf(&sb, " %s (%s:%u), and no text written there would read back as ",
				f->has_link ? "through a link" : "by a pattern", RV_MAP_FILE, f->line);
			diag_quote(&sb, value, len, 40);
		}
		sb_free(&text);
	}
	if (!ok)
		say(why, whysize, &sb);
	sb_free(&sb);
	return ok;
}
