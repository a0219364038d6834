/* model.c - loading a data set directory and building its indexes. */
#include "recview/model.h"
#include "recview/changelog.h"

#include "recview/table_files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "recview/arena.h"
#include "recview/dialect.h"
#include "recview/flat.h"
#include "recview/links.h"
#include "recview/mapping.h"
#include "recview/model_cells.h"
#include "recview/schema.h"
#include "recview/strbuf.h"

static const struct csv_cell empty_cell = {"", 0, 0};

const struct csv_table *rv_kind_csv(const struct rv_model *m, enum rv_kind kind)
{
	return &m->tables[m->tables[kind].flat ? RV_RECS : kind].csv;
}

struct csv_cell rv_cell(const struct rv_model *m, enum rv_kind kind, uint32_t row, int field)
{
	const struct rv_table *t = &m->tables[kind];
	const struct csv_table *csv = rv_kind_csv(m, kind);
	if (!(t->present || t->flat) || field < 0 || field >= RV_MAX_FIELDS || t->col[field] < 0 || row >= csv->nrows)
		return empty_cell;
	if (row < t->nderived && t->derived[field]) /* nderived is 0 unless a mapping derives a field */
		return t->derived[field][row];
	return csv_cell_at(csv, row, (size_t)t->col[field]);
}

struct csv_cell rv_rec_cell(const struct rv_model *m, size_t rec, int field)
{
	return rv_cell(m, RV_RECS, m->recs[rec].row, field);
}

struct csv_cell rv_child_cell(const struct rv_model *m, enum rv_kind kind, size_t child, int field)
{
	return rv_cell(m, kind, m->children[kind][child].row, field);
}

const struct rv_child *rv_rec_child(const struct rv_model *m, size_t rec, enum rv_kind kind, size_t i)
{
	const struct rv_rec *r = &m->recs[rec];
	return &m->children[kind][m->child_index[kind][r->first[kind] + i]];
}

struct csv_cell rv_rec_review(const struct rv_model *m, size_t rec)
{
	struct csv_cell review = rv_rec_cell(m, rec, REC_REVIEW);
	if (review.len)
		return review;
	struct csv_cell id = rv_rec_cell(m, rec, REC_ID);
	for (uint32_t i = id.len; i > 0; i--) {
		if (id.ptr[i - 1] == '-') {
			id.len = i - 1;
			return id;
		}
	}
	return empty_cell;
}

/* "unknown status 'x' (kept as written; known: ...)": the value is quoted when the problem is shown. */
static void report_value(struct rv_model *m, enum rv_kind kind, uint32_t row, struct csv_cell cell,
			 enum diag_severity sev, const char *what, const char *tail)
{
	const struct csv_table *t = rv_kind_csv(m, kind);
	uint32_t line, col;
	csv_table_position(t, cell.raw_off, &line, &col);
	struct diag *d = diag_add_value(&m->diags, sev, t->path, line, col, what, cell.ptr, cell.len, tail);
	d->table = (int)kind;
	d->row = (long)row;
}

/* ---- headers ---- */

static void map_header(struct rv_model *m, enum rv_kind kind)
{
	struct rv_table *t = &m->tables[kind];
	const struct rv_kind_def *def = rv_kind_def(kind);
	for (int f = 0; f < RV_MAX_FIELDS; f++)
		t->col[f] = -1;
	t->extra_cols = xcalloc(t->csv.ncols + 1, sizeof(*t->extra_cols));
	t->nextra = 0;

	/* Linear in the header: one hash probe per name, one pass for the positions. */
	struct rv_pos_cursor pos;
	rv_pos_cursor_init(&pos, &t->csv);
	for (size_t c = 0; c < t->csv.ncols; c++) {
		struct csv_cell h = t->csv.header[c];
		char norm[128];
		rv_normalize_name(h.ptr, h.len, norm, sizeof(norm));
		uint32_t line, col;
		rv_pos_cursor_at(&pos, h.raw_off, &line, &col);
		int f = norm[0] ? rv_field_by_name(kind, norm) : -1;
		if (f >= 0 && (def->fields[f].role == RV_ROLE_ID || def->fields[f].role == RV_ROLE_REC_LINK) &&
		    csv_column_reads_like_sentences(&t->csv, c)) {
			/* "Recommendation" holding the recommendations' text is their text, never their id. */
			int text = rv_field_of_role(kind, RV_ROLE_TEXT);
			f = text >= 0 && t->col[text] < 0 ? text : -1;
		}
		if (!norm[0]) {
			diag_add(&m->diags, DIAG_WARNING, t->csv.path, line, col,
				 "column %zu has no name (kept as an extra column)", c + 1);
		} else if (f >= 0 && t->col[f] >= 0 && rv_mapping_states_field(m->mapping, kind, f)) {
			f = -1; /* two columns claim it, and the mapping says which one it is: no question left */
		} else if (f >= 0 && t->col[f] >= 0) {
			struct strbuf sb;
			sb_init(&sb);
			sb_adds(&sb, "duplicate column ");
			diag_quote(&sb, h.ptr, h.len, 40);
			sb_addf(&sb, ": '%s' is already column %d; this one is kept as an extra column",
				def->fields[f].name, t->col[f] + 1);
			struct diag *d = diag_add(&m->diags, DIAG_WARNING, t->csv.path, line, col, "%s", sb.data);
			d->table = (int16_t)kind;
			d->field = (int16_t)f;
			sb_free(&sb);
			f = -1;
		}
		if (f >= 0)
			t->col[f] = (int)c;
		else
			t->extra_cols[t->nextra++] = (uint32_t)c;
	}
}

static void check_required(struct rv_model *m, enum rv_kind kind)
{
	struct rv_table *t = &m->tables[kind];
	const struct rv_kind_def *def = rv_kind_def(kind);
	t->usable = true;
	for (int f = 0; f < def->nfields; f++) {
		if (def->fields[f].required && t->col[f] < 0) {
			/* Named as a header (and recview.map) writes it: rec_id, not "rec id". */
			char name[64];
			snprintf(name, sizeof(name), "%s", def->fields[f].name);
			for (char *p = name; *p; p++)
				if (*p == ' ')
					*p = '_';
			struct diag *d = diag_add(&m->diags, DIAG_ERROR, t->csv.path,
						  t->csv.header_line ? t->csv.header_line : 1, 0, "missing required column '%s'", name);
			d->table = (int16_t)kind;
			d->field = (int16_t)f;
			t->usable = false;
		}
	}
}

static void check_ragged_rows(struct rv_model *m, enum rv_kind kind)
{
	struct rv_table *t = &m->tables[kind];
	for (size_t r = 0; r < t->csv.nrows; r++) {
		const struct csv_row *row = &t->csv.rows[r];
		if (row->nfields == t->csv.ncols)
			continue;
		struct diag *d;
		if (row->nfields > t->csv.ncols) {
			struct csv_cell first_extra = t->csv.cells[row->first_cell + t->csv.ncols];
			uint32_t line, col;
			csv_table_position(&t->csv, first_extra.raw_off, &line, &col);
			d = diag_add(&m->diags, DIAG_WARNING, t->csv.path, line, col,
				     "row has %u fields but the header has %zu; the extra fields are kept", row->nfields,
				     t->csv.ncols);
		} else {
			d = diag_add(&m->diags, DIAG_WARNING, t->csv.path, row->line, 1,
				     "row has %u fields but the header has %zu; the missing ones are empty",
				     row->nfields, t->csv.ncols);
		}
		d->table = (int)kind;
		d->row = (long)r;
	}
}

static const struct rv_model *sort_model; /* qsort has no context argument in C11 */

static int compare_recs(const void *a, const void *b)
{
	const struct rv_rec *x = a, *y = b;
	struct csv_cell ix = rv_cell(sort_model, RV_RECS, x->row, REC_ID);
	struct csv_cell iy = rv_cell(sort_model, RV_RECS, y->row, REC_ID);
	int c = rv_id_compare(ix.ptr, ix.len, iy.ptr, iy.len);
	if (c)
		return c;
	return x->row < y->row ? -1 : x->row > y->row;
}

static void build_recs(struct rv_model *m)
{
	struct rv_table *t = &m->tables[RV_RECS];
	m->recs = xcalloc(t->csv.nrows + 1, sizeof(*m->recs));
	m->nrecs = 0;
	for (size_t r = 0; r < t->csv.nrows; r++)
		if (rv_flat_starts_rec(m, (uint32_t)r))
			m->recs[m->nrecs++].row = (uint32_t)r;
	/* Exports are usually in id order already: then there is nothing to sort. */
	sort_model = m;
	bool sorted = true;
	for (size_t r = 1; r < m->nrecs && sorted; r++)
		sorted = compare_recs(&m->recs[r - 1], &m->recs[r]) < 0;
	if (!sorted)
		qsort(m->recs, m->nrecs, sizeof(*m->recs), compare_recs);
	sort_model = NULL;

	rv_links_index_ids(m);
	rv_flat_index(m);
}

static void parse_rec_values(struct rv_model *m)
{
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_rec *rec = &m->recs[i];
		struct csv_cell st = rv_rec_cell(m, i, REC_STATUS);
		struct csv_cell dec = rv_rec_cell(m, i, REC_DECISION);
		struct csv_cell pri = rv_rec_cell(m, i, REC_PRIORITY);
		rec->status = rv_model_status(m, RV_RECS, st.ptr, st.len);
		rec->decision = rv_model_decision(m, RV_RECS, dec.ptr, dec.len);
		int p = rv_model_priority(m, RV_RECS, pri.ptr, pri.len);
		rec->priority = (int8_t)p;
		if (rec->status == RV_STATUS_UNKNOWN)
			report_value(m, RV_RECS, rec->row, st, DIAG_WARNING, "unknown status",
				     " (kept as written; known: not started, in planning, in progress, behind schedule, complete)");
		if (rec->decision == RV_DECISION_UNKNOWN)
			report_value(m, RV_RECS, rec->row, dec, DIAG_WARNING, "unknown decision",
				     " (kept as written; known: pending, approved, rejected)");
		if (p < 0)
			report_value(m, RV_RECS, rec->row, pri, DIAG_WARNING, "unknown priority", " (kept as written; known: P1 to P4)");
	}
}

/* The fields the model reads of every kind, found by their role in the schema (schema.c). */
static int rec_id_field(enum rv_kind kind)
{
	return rv_field_of_role(kind, RV_ROLE_REC_LINK);
}

/* The fields of a kind that every child row is read for, by their role (schema.c), -1 when it has none. */
struct child_fields {
	int link, status, decision, date;
};

static struct child_fields child_fields_of(enum rv_kind kind)
{
	return (struct child_fields){rec_id_field(kind), rv_field_of_role(kind, RV_ROLE_STATUS),
				     rv_field_of_role(kind, RV_ROLE_DECISION), rv_field_of_role(kind, RV_ROLE_DATE)};
}

/*
 * Day or month first for each date field of a kind, decided from the column's values (date.h) while
 * its rows are read, so that the column is read once: each row votes as it goes by. The first date
 * that needs the order (6/7/2016) ends that: the rows left vote at once and the order is decided
 * before it is read. Any other date reads the same in either order.
 */
struct date_votes {
	bool open[RV_MAX_FIELDS]; /* a field being decided */
	int fields[RV_MAX_FIELDS]; /* those fields, nfields of them (0: all decided) */
	int nfields;
	size_t nrows;
};

static void votes_begin(struct rv_model *m, enum rv_kind kind, size_t nrows, struct date_votes *dv)
{
	struct rv_table *t = &m->tables[kind];
	const struct rv_kind_def *def = rv_kind_def(kind);
	memset(dv, 0, sizeof(*dv));
	dv->nrows = nrows;
	for (int f = 0; f < def->nfields; f++) {
		struct rv_date_order_choice *c = &t->date_order[f];
		if (def->fields[f].role != RV_ROLE_DATE || t->col[f] < 0 || c->basis == RV_DATE_ORDER_MAPPED)
			continue;
		*c = (struct rv_date_order_choice){0};
		dv->open[f] = true;
		dv->fields[dv->nfields++] = f;
	}
}

/* The votes of rows [from, to) for every field still being decided. */
static void votes_take(struct rv_model *m, enum rv_kind kind, const struct date_votes *dv, size_t from, size_t to)
{
	struct rv_table *t = &m->tables[kind];
	for (size_t r = from; r < to; r++) {
		for (int i = 0; i < dv->nfields; i++) {
			struct csv_cell cell = rv_cell(m, kind, (uint32_t)r, dv->fields[i]);
			rv_date_order_vote(&t->date_order[dv->fields[i]], cell.ptr, cell.len, (uint32_t)r);
		}
	}
}

/* The rows from `from` on vote, and every open field is decided. */
static void votes_close(struct rv_model *m, enum rv_kind kind, struct date_votes *dv, size_t from)
{
	votes_take(m, kind, dv, from, dv->nrows);
	for (int i = 0; i < dv->nfields; i++)
		rv_date_order_decide(&m->tables[kind].date_order[dv->fields[i]]);
	memset(dv->open, 0, sizeof(dv->open));
	dv->nfields = 0;
}

/*
 * The date of a child row as the column's order reads it; not a date: a warning, and undated. votes:
 * the orders being decided while the rows are read (NULL: decided already).
 */
static void parse_date(struct rv_model *m, enum rv_kind kind, uint32_t row, int field, struct rv_child *ch,
		       struct date_votes *votes)
{
	const struct rv_date_order_choice *order = &m->tables[kind].date_order[field];
	struct csv_cell d = rv_cell(m, kind, row, field);
	struct rv_date_value v;
	bool by_order;
	enum rv_date_result res = rv_date_read_noting_order(d.ptr, d.len, order->order, &v, &by_order);
	if (by_order && votes && votes->open[field]) {
		votes_close(m, kind, votes, (size_t)row + 1);
		res = rv_date_read(d.ptr, d.len, order->order, &v);
	}
	ch->date = v.date;
	ch->date_prec = (uint8_t)v.precision;
	if (res != RV_DATE_BAD)
		return;
	/* Static tails (a problem kind is its text): which order the column reads, when the other reads it. */
	static const char *const tails[2][2] = {
		{" (this column reads dates month first, as its other dates show; kept as written, undated)",
		 " (this column reads dates day first, as its other dates show; kept as written, undated)"},
		{" (this column reads dates month first, as the mapping says; kept as written, undated)",
		 " (this column reads dates day first, as the mapping says; kept as written, undated)"},
	};
	enum rv_date_order other = order->order == RV_DATE_DAY_FIRST ? RV_DATE_MONTH_FIRST : RV_DATE_DAY_FIRST;
	const char *tail = " (not a date; kept as written, undated)";
	if (order->basis != RV_DATE_ORDER_DEFAULT && rv_date_read(d.ptr, d.len, other, &v) == RV_DATE_OK)
		tail = tails[order->basis == RV_DATE_ORDER_MAPPED][order->order == RV_DATE_DAY_FIRST];
	report_value(m, kind, row, d, DIAG_WARNING, "bad date", tail);
}

/* What reading the rows of a kind one after the other carries from row to row. */
struct child_reading {
	struct child_fields fields;
	struct rv_link_cache cache;
	struct date_votes votes;
};

/* One child row; rd is NULL for a row added later (the orders decided, no cache). */
static void parse_child(struct rv_model *m, enum rv_kind kind, uint32_t row, struct rv_child *ch, struct child_reading *rd)
{
	ch->row = row;
	ch->rec = -1;
	struct child_fields f = rd ? rd->fields : child_fields_of(kind);
	if (f.link >= 0 && m->tables[kind].flat)
		ch->rec = rv_flat_rec_of(m, row); /* a merged row has no id: its recommendation is the one above */
	else if (f.link >= 0)
		ch->rec = (int32_t)rv_links_resolve(m, kind, row, rd ? &rd->cache : NULL, &ch->link);
	if (f.status >= 0) {
		struct csv_cell st = rv_cell(m, kind, row, f.status);
		ch->status = rv_model_status(m, kind, st.ptr, st.len);
		if (ch->status == RV_STATUS_UNKNOWN)
			report_value(m, kind, row, st, DIAG_WARNING, "unknown status",
				     " (kept as written; known: not started, in planning, in progress, behind schedule, complete)");
	}
	if (f.decision >= 0) {
		struct csv_cell dec = rv_cell(m, kind, row, f.decision);
		ch->decision = rv_model_decision(m, kind, dec.ptr, dec.len);
		if (ch->decision == RV_DECISION_UNKNOWN)
			report_value(m, kind, row, dec, DIAG_WARNING, "unknown decision",
				     " (kept as written; known: pending, approved, rejected)");
	}
	int state = rv_field_of_role(kind, RV_ROLE_STATE);
	if (state >= 0) {
		/* A question's state (vocab.h); a word outside the vocabulary is kept as written. */
		struct csv_cell st = rv_cell(m, kind, row, state);
		ch->status = (uint8_t)rv_qstatus_parse(st.ptr, st.len);
	}
	/* Notes carry a time ("2026-11-23T14:05"), not a date: it is kept as written. */
	if (f.date >= 0)
		parse_date(m, kind, row, f.date, ch, rd ? &rd->votes : NULL);
}

/* A child's parsed state from its fields as they read now (a change set one, or changes.csv gives it). */
void rv_model_refresh_child(struct rv_model *m, enum rv_kind kind, size_t child)
{
	if ((unsigned)kind >= RV_KIND_COUNT || child >= m->nchildren[kind])
		return;
	m->generation++;
	struct rv_child *ch = &m->children[kind][child];
	int status = rv_field_of_role(kind, RV_ROLE_STATUS), state = rv_field_of_role(kind, RV_ROLE_STATE);
	int date = rv_field_of_role(kind, RV_ROLE_DATE);
	if (status >= 0) {
		struct rv_text st = rv_child_field(m, kind, child, status);
		ch->status = rv_model_status(m, kind, st.ptr, st.len);
	}
	if (state >= 0) {
		struct rv_text st = rv_child_field(m, kind, child, state);
		ch->status = (uint8_t)rv_qstatus_parse(st.ptr, st.len);
	}
	if (date >= 0 && !rv_kind_def(kind)->by_date) {
		struct rv_text d = rv_child_field(m, kind, child, date);
		struct rv_date_value v;
		rv_date_read(d.ptr, d.len, m->tables[kind].date_order[date].order, &v);
		ch->date = v.date;
		ch->date_prec = (uint8_t)v.precision;
	}
	if (ch->rec >= 0)
		rv_model_refresh_rec(m, (size_t)ch->rec);
}

static const struct rv_child *dated_children; /* qsort has no context argument in C11 */

/* Rows of a by_date kind (history) of one recommendation: by date, then file order (an undated row has
 * the date of the row before it, so it follows that one). */
static int compare_dated(const void *a, const void *b)
{
	const struct rv_child *x = &dated_children[*(const uint32_t *)a];
	const struct rv_child *y = &dated_children[*(const uint32_t *)b];
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* An undated entry takes the date of the entry before it in file order (model.h); the index of each
 * recommendation is still in file order here. */
static void anchor_undated(struct rv_model *m, enum rv_kind kind)
{
	for (size_t i = 0; i < m->nrecs; i++) {
		const struct rv_rec *r = &m->recs[i];
		int32_t before = RV_DATE_NONE;
		for (uint32_t k = 0; k < r->count[kind]; k++) {
			struct rv_child *c = &m->children[kind][m->child_index[kind][r->first[kind] + k]];
			if (c->date_prec == RV_DATE_PREC_NONE)
				c->date = before;
			else
				before = c->date;
		}
	}
}

static void build_children(struct rv_model *m, enum rv_kind kind)
{
	struct rv_table *t = &m->tables[kind];
	size_t rows = t->usable ? rv_kind_csv(m, kind)->nrows : 0, n = 0;
	m->children[kind] = xcalloc(rows + 1, sizeof(struct rv_child));
	m->child_index[kind] = xcalloc(rows + 1, sizeof(uint32_t));
	struct child_reading rd = {.fields = child_fields_of(kind)};
	size_t nonexact = 0, first_nonexact = 0;
	votes_begin(m, kind, rows, &rd.votes);
	for (size_t r = 0; r < rows; r++) {
		votes_take(m, kind, &rd.votes, r, r + 1); /* every row of a flat sheet votes, as its column's */
		if (t->flat && !rv_flat_child_row(m, kind, (uint32_t)r))
			continue;
		struct rv_child *ch = &m->children[kind][n];
		parse_child(m, kind, (uint32_t)r, ch, &rd);
		if (ch->rec >= 0 && ch->link != RV_LINK_EXACT && !nonexact++)
			first_nonexact = n;
		n++;
	}
	votes_close(m, kind, &rd.votes, rows);
	m->nchildren[kind] = n;
	if (rec_id_field(kind) < 0)
		return;
	rv_links_note(m, kind, nonexact, first_nonexact);

	/* Group by recommendation: count, prefix sums, fill (a counting sort, stable in file order). */
	for (size_t r = 0; r < n; r++)
		if (m->children[kind][r].rec >= 0)
			m->recs[m->children[kind][r].rec].count[kind]++;
	uint32_t at = 0;
	for (size_t i = 0; i < m->nrecs; i++) {
		m->recs[i].first[kind] = at;
		at += m->recs[i].count[kind];
	}
	uint32_t *fill = xcalloc(m->nrecs + 1, sizeof(*fill));
	for (size_t r = 0; r < n; r++) {
		int32_t rec = m->children[kind][r].rec;
		if (rec >= 0)
			m->child_index[kind][m->recs[rec].first[kind] + fill[rec]++] = (uint32_t)r;
	}
	free(fill);

	if (kind == RV_CHANGES)
		rv_changelog_rebuild(m);
	if (rv_kind_def(kind)->by_date) {
		anchor_undated(m, kind);
		dated_children = m->children[kind];
		for (size_t i = 0; i < m->nrecs; i++)
			qsort(m->child_index[kind] + m->recs[i].first[kind], m->recs[i].count[kind], sizeof(uint32_t),
			      compare_dated);
		dated_children = NULL;
	}
}

/* The current state: the recommendation's own columns, else the latest history entry saying it. */
void rv_model_refresh_rec(struct rv_model *m, size_t i)
{
	m->generation++;
	{
		struct rv_rec *r = &m->recs[i];
		struct csv_cell st = rv_rec_cell(m, i, REC_STATUS);
		struct csv_cell dec = rv_rec_cell(m, i, REC_DECISION);
		struct csv_cell pri = rv_rec_cell(m, i, REC_PRIORITY);
		r->status = rv_model_status(m, RV_RECS, st.ptr, st.len);
		r->decision = rv_model_decision(m, RV_RECS, dec.ptr, dec.len);
		r->priority = (int8_t)rv_model_priority(m, RV_RECS, pri.ptr, pri.len);
		r->last_change = RV_DATE_NONE;
		r->deliverables_done = 0;
		r->cur_status = r->status;
		r->cur_decision = r->decision;
		for (size_t k = r->count[RV_HISTORY]; k > 0; k--) {
			const struct rv_child *h = rv_rec_child(m, i, RV_HISTORY, k - 1);
			if (r->last_change == RV_DATE_NONE)
				r->last_change = h->date;
			if (r->cur_status == RV_STATUS_NONE && h->status != RV_STATUS_NONE)
				r->cur_status = h->status;
			if (r->cur_decision == RV_DECISION_NONE && h->decision != RV_DECISION_NONE)
				r->cur_decision = h->decision;
		}
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++)
			if (rv_rec_child(m, i, RV_DELIVERABLES, k)->status == RV_STATUS_COMPLETE)
				r->deliverables_done++;
	}
}

static void derive_current(struct rv_model *m)
{
	for (size_t i = 0; i < m->nrecs; i++)
		rv_model_refresh_rec(m, i);
}

static char *join_path(const char *dir, const char *file)
{
	size_t dl = strlen(dir);
	char *p = xmalloc(dl + strlen(file) + 2);
	memcpy(p, dir, dl);
	p[dl] = '\0';
	if (dl && dir[dl - 1] != '/')
		strcat(p, "/");
	strcat(p, file);
	return p;
}

static void load_table(struct rv_model *m, enum rv_kind kind)
{
	const struct rv_kind_def *def = rv_kind_def(kind);
	struct rv_table *t = &m->tables[kind];
	char *path = join_path(m->dir, rv_table_file(m, kind));
	struct stat st;

	for (int f = 0; f < RV_MAX_FIELDS; f++)
		t->col[f] = -1;
	/* An optional file that is simply absent is no problem. */
	if (!def->required && stat(path, &st) != 0 && errno == ENOENT) {
		free(path);
		return;
	}
	struct csv_dialect stated = rv_mapping_dialect(m->mapping, kind);
	enum rv_result res = csv_table_load_as(&t->csv, path, &stated, &m->diags);
	free(path);
	if (res != RV_OK) {
		t->unreadable = res == RV_E_UNREADABLE || def->required;
		return;
	}
	t->present = true;
	if (!t->csv.header) {
		t->usable = false;
		return;
	}
	map_header(m, kind);
	rv_model_map_columns(m, kind);
	check_required(m, kind);
	check_ragged_rows(m, kind);
}

enum rv_result rv_model_load(struct rv_model *m, const char *dir)
{
	memset(m, 0, sizeof(*m));
	diag_list_init(&m->diags);
	m->dir = xstrdup(dir);

	struct stat st;
	if (stat(dir, &st) != 0) {
		diag_add(&m->diags, DIAG_ERROR, dir, 0, 0, "cannot open data set: %s", strerror(errno));
		return RV_E_UNREADABLE;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_add(&m->diags, DIAG_ERROR, dir, 0, 0, "not a directory: a data set is a directory of CSV files");
		return RV_E_UNREADABLE;
	}
	/* Problems are listed in the order the files are read, whichever reports first. */
	rv_model_load_mapping(m);
	rv_model_find_table_files(m);
	rv_model_map_files(m);
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		char *path = join_path(dir, rv_table_file(m, (enum rv_kind)k));
		diag_intern_file(&m->diags, path);
		free(path);
	}
	for (int k = 0; k < RV_KIND_COUNT; k++)
		load_table(m, (enum rv_kind)k);
	if (!m->tables[RV_RECS].usable) {
		if (rv_model_lacks_columns(m)) {
			/* Nothing to show, but the browser can open on it to offer a mapping of the column:
			 * no recommendations, so the child files are read but not linked (no flood of
			 * unknown ids). */
			m->recs = xcalloc(1, sizeof(*m->recs));
			rv_links_index_ids(m);
			diag_list_sort(&m->diags);
		}
		return RV_E_UNREADABLE;
	}

	rv_flat_detect(m);
	build_recs(m);
	parse_rec_values(m);
	for (int k = RV_DELIVERABLES; k < RV_KIND_COUNT; k++)
		build_children(m, (enum rv_kind)k);
	derive_current(m);
	diag_list_sort(&m->diags);
	return RV_OK;
}

bool rv_model_lacks_columns(const struct rv_model *m)
{
	const struct rv_table *t = &m->tables[RV_RECS];
	return t->present && t->csv.header && !t->usable;
}

void rv_model_free(struct rv_model *m)
{
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		if (m->tables[k].present)
			csv_table_free(&m->tables[k].csv);
		free(m->tables[k].extra_cols);
		free(m->tables[k].file);
		free(m->children[k]);
		free(m->child_index[k]);
	}
	rv_model_free_mapping(m);
	rv_changelog_free(m);
	free(m->recs);
	rv_links_free(m);
	rv_flat_free(m);
	rv_xref_free(&m->xref);
	free(m->dir);
	diag_list_free(&m->diags);
	memset(m, 0, sizeof(*m));
}

int rv_column(const struct rv_model *m, enum rv_kind kind, int field)
{
	const struct rv_table *t = &m->tables[kind];
	return (t->present || t->flat) && field >= 0 && field < RV_MAX_FIELDS ? t->col[field] : -1;
}

/* Children of recommendation i occupy child_index[first[i] .. first[i] + count[i]), in rec order. */
static size_t linked_children(const struct rv_model *m, enum rv_kind kind)
{
	if (!m->nrecs)
		return 0;
	const struct rv_rec *last = &m->recs[m->nrecs - 1];
	return (size_t)last->first[kind] + last->count[kind];
}

/* Where a child goes among its recommendation's children: history by date, others at the end. */
static size_t child_slot(const struct rv_model *m, enum rv_kind kind, const struct rv_rec *r, uint32_t child)
{
	size_t at = r->first[kind] + r->count[kind];
	if (!rv_kind_def(kind)->by_date)
		return at;
	const struct rv_child *c = &m->children[kind][child];
	while (at > r->first[kind]) {
		const struct rv_child *prev = &m->children[kind][m->child_index[kind][at - 1]];
		if (prev->date < c->date || (prev->date == c->date && prev->row < c->row))
			break;
		at--;
	}
	return at;
}

/* The date an undated row appended to a by_date kind takes: that of the rec's last row before it. */
static int32_t date_before(const struct rv_model *m, enum rv_kind kind, const struct rv_rec *r, uint32_t row)
{
	int32_t date = RV_DATE_NONE;
	uint32_t best = 0;
	bool found = false;
	for (uint32_t k = 0; k < r->count[kind]; k++) {
		const struct rv_child *c = &m->children[kind][m->child_index[kind][r->first[kind] + k]];
		if (c->row < row && (!found || c->row > best)) {
			found = true;
			best = c->row;
			date = c->date;
		}
	}
	return date;
}

void rv_model_add_child(struct rv_model *m, enum rv_kind kind, uint32_t row)
{
	size_t n = m->nchildren[kind];
	m->children[kind] = xreallocarray(m->children[kind], n + 2, sizeof(struct rv_child));
	m->child_index[kind] = xreallocarray(m->child_index[kind], n + 2, sizeof(uint32_t));
	struct rv_child *c = &m->children[kind][n];
	m->generation++;
	memset(c, 0, sizeof(*c));
	parse_child(m, kind, row, c, NULL);
	if (c->rec < 0) {
		m->nchildren[kind] = n + 1;
		return;
	}

	size_t rec = (size_t)c->rec;
	if (rv_kind_def(kind)->by_date && c->date_prec == RV_DATE_PREC_NONE)
		c->date = date_before(m, kind, &m->recs[rec], c->row);
	size_t at = child_slot(m, kind, &m->recs[rec], (uint32_t)n);
	size_t linked = linked_children(m, kind);
	memmove(m->child_index[kind] + at + 1, m->child_index[kind] + at, (linked - at) * sizeof(uint32_t));
	m->child_index[kind][at] = (uint32_t)n;
	m->nchildren[kind] = n + 1;
	m->recs[rec].count[kind]++;
	for (size_t i = rec + 1; i < m->nrecs; i++)
		m->recs[i].first[kind]++;
	if (kind == RV_CHANGES)
		rv_changelog_rebuild(m);
	rv_model_refresh_rec(m, rec);
}

void rv_model_drop_last_child(struct rv_model *m, enum rv_kind kind)
{
	size_t n = m->nchildren[kind];
	if (!n)
		return;
	int32_t rec = m->children[kind][n - 1].rec;
	m->generation++;
	m->nchildren[kind] = n - 1;
	if (rec < 0)
		return;
	struct rv_rec *r = &m->recs[rec];
	size_t at = r->first[kind];
	while (at < (size_t)r->first[kind] + r->count[kind] && m->child_index[kind][at] != n - 1)
		at++;
	size_t linked = linked_children(m, kind);
	memmove(m->child_index[kind] + at, m->child_index[kind] + at + 1, (linked - at - 1) * sizeof(uint32_t));
	r->count[kind]--;
	for (size_t i = (size_t)rec + 1; i < m->nrecs; i++)
		m->recs[i].first[kind]--;
	if (kind == RV_CHANGES)
		rv_changelog_rebuild(m);
	rv_model_refresh_rec(m, (size_t)rec);
}

char *rv_model_path(const struct rv_model *m, enum rv_kind kind)
{
	return join_path(m->dir, rv_table_file(m, kind));
}

void rv_model_create_table(struct rv_model *m, enum rv_kind kind)
{
	struct rv_table *t = &m->tables[kind];
	if (t->present)
		return;
	m->generation++;
	const struct rv_kind_def *def = rv_kind_def(kind);
	struct strbuf header;
	sb_init(&header);
	for (int f = 0; f < def->nfields; f++) {
		if (f)
			sb_addc(&header, ',');
		for (const char *c = def->fields[f].name; *c; c++)
			sb_addc(&header, *c == ' ' ? '_' : *c);
	}
	sb_addc(&header, '\n');
	char *path = rv_model_path(m, kind);
	if (csv_table_parse(&t->csv, path, header.data, header.len, &m->diags) == RV_OK) {
		t->present = true;
		free(t->extra_cols);
		map_header(m, kind);
		check_required(m, kind);
	}
	free(path);
	sb_free(&header);
}

void rv_model_move(struct rv_model *dst, struct rv_model *src)
{
	*dst = *src;
	/* Tables report problems into their model's list: point them at its new place. */
	for (int k = 0; k < RV_KIND_COUNT; k++)
		dst->tables[k].csv.diags = &dst->diags;
	memset(src, 0, sizeof(*src));
}

void rv_model_remove_row(struct rv_model *m, enum rv_kind kind, uint32_t row)
{
	struct rv_table *t = &m->tables[kind];
	if (!t->present || row >= t->csv.nrows)
		return;
	if (row + 1 == t->csv.nrows && (t->csv.rows[row].flags & CSV_ROW_ADDED) && row + 1 == m->nchildren[kind]) {
		rv_model_drop_last_child(m, kind);
		csv_table_drop_last_row(&t->csv);
		if (row < t->nderived)
			t->nderived = row;
		return;
	}
	/* Rare (an undo after a merge): the children of the kind are indexed again, row numbers having moved. */
	csv_table_remove_row(&t->csv, row);
	if (row < t->nderived) {
		/* The values a mapping derived per row move up with their rows. */
		for (int f = 0; f < RV_MAX_FIELDS; f++)
			if (t->derived[f])
				memmove(t->derived[f] + row, t->derived[f] + row + 1, (t->nderived - row - 1) * sizeof(**t->derived));
		t->nderived--;
	}
	free(m->children[kind]);
	free(m->child_index[kind]);
	for (size_t i = 0; i < m->nrecs; i++)
		m->recs[i].first[kind] = m->recs[i].count[kind] = 0;
	build_children(m, kind);
	if (kind != RV_CHANGES && m->changelog)
		rv_changelog_rebuild(m); /* items are named by their place among their recommendation's */
	derive_current(m);
}

bool rv_model_convert_to_utf8(struct rv_model *m, enum rv_kind kind)
{
	struct csv_table *t = &m->tables[kind].csv;
	if (!m->tables[kind].present || t->encoding == RV_ENC_UTF8)
		return false;
	/* buf is the text in UTF-8 already: written as it is from now on (raw stays what is on disk). */
	t->encoding = RV_ENC_UTF8;
	t->lossy = false;
	m->generation++;
	return true;
}
