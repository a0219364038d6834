/*
 * merge_file.c - the three-way merge of one table file, row by row and cell by cell (merge_file.h).
 *
 * Each version is parsed as loading parses it. Rows are matched to the base by key (with an
 * occurrence number, so that a key written twice matches twice), deliverables and questions then by
 * their place among their recommendation's rows when their key changed. The result is ours' text
 * with changes: an ours row is copied (row and what follows it up to the next row: its line break,
 * rows that are not data) or rewritten with theirs' cells, dropped when theirs removed it, or put
 * between conflict markers; the rows that only theirs has are put after an anchor, the ours row they
 * follow. The text is then encoded in ours' encoding.
 */
#include "recview/merge_file.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/csvread.h"
#include "recview/date.h"
#include "recview/diag.h"
#include "recview/dialect.h"
#include "recview/model.h"
#include "recview/save.h"
#include "recview/schema.h"
#include "recview/table_files.h"
#include "recview/vocab.h"

#define KEY_SEP '\x1f'
#define MAX_KEYS 3

/* How a table's rows are matched and where theirs' go. */
struct rule {
	int fields[MAX_KEYS]; /* key fields of the kind */
	int nfields;
	bool whole_row;       /* append-only: a row is its content; theirs' rows join ours' added ones by date */
	bool by_place;        /* unmatched rows pair by their place among their recommendation's rows */
	bool theirs_at_end;   /* the agenda: theirs' additions after ours' rows */
	bool keep_ours;       /* a key added on both sides keeps ours' row (no conflict) */
	int date_field;       /* whole_row: the field that orders rows, or -1 */
};

static bool rule_for(int kind, struct rule *r)
{
	memset(r, 0, sizeof(*r));
	r->date_field = -1;
	switch (kind) {
	case RV_RECS:
		r->fields[r->nfields++] = REC_ID;
		return true;
	case RV_DELIVERABLES:
		r->fields[r->nfields++] = DEL_REC_ID;
		r->fields[r->nfields++] = DEL_DESCRIPTION;
		r->by_place = true;
		return true;
	case RV_QUESTIONS:
		r->fields[r->nfields++] = Q_REC_ID;
		r->fields[r->nfields++] = Q_QID;
		r->by_place = true;
		return true;
	case RV_REVIEWS:
		r->fields[r->nfields++] = REV_REVIEW;
		r->fields[r->nfields++] = REV_NAME;
		return true;
	case RV_HISTORY:
		r->whole_row = true;
		r->date_field = HIST_DATE;
		return true;
	case RV_NOTES:
		r->whole_row = true;
		r->date_field = NOTE_TIME;
		return true;
	case RV_CHANGES:
		r->whole_row = true;
		r->date_field = CHG_TIME;
		return true;
	case RV_AGENDA:
		r->fields[r->nfields++] = AGENDA_REC_ID;
		r->theirs_at_end = true;
		r->keep_ours = true;
		return true;
	default:
		return false;
	}
}

/* A row's key: its bytes (in the version's key text), and which occurrence of that key it is. */
struct keyed {
	const char *ptr;
	uint32_t len;
	uint32_t row;
	uint32_t occ;
};

struct version {
	struct csv_table t;
	struct diag_list diags;
	bool has_header;
	size_t width;          /* the header's column count */
	struct strbuf keytext; /* every row's key, one after another */
	struct keyed *keys;    /* by key, then row */
	struct keyed *places;  /* by_place: by recommendation, then row; occ is the place */
	long *base;            /* ours, theirs: the base row each row matches, or -1 */
	long *peer;            /* ours, theirs: the other side's row added under the same key, or -1 */
	long *in_ours, *in_theirs; /* base: the matching row of each side, or -1 */
};

struct merge {
	int kind;
	struct rule rule;
	int col[RV_MAX_FIELDS];
	struct version v[3]; /* base, ours, theirs */
	struct strbuf text;  /* the result, in UTF-8 */
	const char *eol;
	long *anchor_first, *anchor_last, *anchor_next; /* theirs' rows after each ours row (+1; 0: before all) */
	struct rv_merge_report *r;
};

enum { BASE, OURS, THEIRS };

void rv_merge_report_init(struct rv_merge_report *r)
{
	memset(r, 0, sizeof(*r));
	r->kind = -1;
	sb_init(&r->details);
}

void rv_merge_report_free(struct rv_merge_report *r)
{
	sb_free(&r->details);
}

/* ---- reading ---- */

static void version_free(struct version *v)
{
	if (v->t.buf)
		csv_table_free(&v->t);
	diag_list_free(&v->diags);
	sb_free(&v->keytext);
	free(v->keys);
	free(v->places);
	free(v->base);
	free(v->peer);
	free(v->in_ours);
	free(v->in_theirs);
}

static size_t nrows(const struct version *v)
{
	return v->has_header ? v->t.nrows : 0;
}

static struct csv_cell cell(const struct version *v, size_t row, size_t col)
{
	return csv_cell_at(&v->t, row, col);
}

static bool same_value(struct csv_cell a, struct csv_cell b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static size_t row_width(const struct version *v, size_t row)
{
	size_t n = v->t.rows[row].nfields;
	return n > v->width ? n : v->width;
}

static bool rows_equal(const struct version *a, size_t ra, const struct version *b, size_t rb)
{
	size_t wa = row_width(a, ra), wb = row_width(b, rb), w = wa > wb ? wa : wb;
	for (size_t c = 0; c < w; c++)
		if (!same_value(cell(a, ra, c), cell(b, rb, c)))
			return false;
	return true;
}

static bool read_version(struct version *v, const char *label, const char *data, size_t len)
{
	diag_list_init(&v->diags);
	sb_init(&v->keytext);
	if (csv_table_parse(&v->t, label, data, len, &v->diags) != RV_OK)
		return false;
	v->has_header = v->t.header != NULL;
	v->width = v->t.ncols;
	return true;
}

static bool same_header(const struct version *a, const struct version *b)
{
	if (a->t.ncols != b->t.ncols)
		return false;
	for (size_t c = 0; c < a->t.ncols; c++) {
		char na[128], nb[128];
		rv_normalize_name(a->t.header[c].ptr, a->t.header[c].len, na, sizeof(na));
		rv_normalize_name(b->t.header[c].ptr, b->t.header[c].len, nb, sizeof(nb));
		if (strcmp(na, nb) != 0)
			return false;
	}
	return true;
}

/* The column of each field, from ours' header: the first column to claim a field keeps it. */
static void find_columns(struct merge *M)
{
	const struct csv_table *t = &M->v[OURS].t;
	for (int f = 0; f < RV_MAX_FIELDS; f++)
		M->col[f] = -1;
	for (size_t c = 0; c < t->ncols; c++) {
		char norm[128];
		rv_normalize_name(t->header[c].ptr, t->header[c].len, norm, sizeof(norm));
		int f = norm[0] ? rv_field_by_name((enum rv_kind)M->kind, norm) : -1;
		if (f >= 0 && M->col[f] < 0)
			M->col[f] = (int)c;
	}
}

/* ---- keys ---- */

static int compare_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	uint32_t n = a->len < b->len ? a->len : b->len;
	int c = n ? memcmp(a->ptr, b->ptr, n) : 0;
	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

static bool same_key(const struct keyed *a, const struct keyed *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->ptr, b->ptr, a->len) == 0);
}

/* Sorts, then numbers each key's rows in file order. offs holds each key's offset in text. */
static struct keyed *sort_keys(const struct strbuf *text, const size_t *offs, size_t n)
{
	struct keyed *k = xcalloc(n + 1, sizeof(*k));
	const char *data = text->data ? text->data : "";
	for (size_t i = 0; i < n; i++) {
		k[i].ptr = data + offs[i];
		k[i].len = (uint32_t)(offs[i + 1] - offs[i]);
		k[i].row = (uint32_t)i;
	}
	qsort(k, n, sizeof(*k), compare_keyed);
	for (size_t i = 0; i < n; i++)
		k[i].occ = i && same_key(&k[i], &k[i - 1]) ? k[i - 1].occ + 1 : 0;
	return k;
}

static void add_key_cells(struct strbuf *sb, const struct version *v, size_t row, const int *cols, int ncols)
{
	for (int i = 0; i < ncols; i++) {
		if (i)
			sb_addc(sb, KEY_SEP);
		struct csv_cell c = cell(v, row, (size_t)cols[i]);
		sb_add(sb, c.ptr, c.len);
	}
}

static void add_row_cells(struct strbuf *sb, const struct version *v, size_t row)
{
	size_t start = sb->len, w = row_width(v, row), end = start;
	for (size_t c = 0; c < w; c++) {
		if (c)
			sb_addc(sb, KEY_SEP);
		struct csv_cell x = cell(v, row, c);
		sb_add(sb, x.ptr, x.len);
		if (x.len)
			end = sb->len;
	}
	sb->len = end; /* trailing empty fields are no part of the row's content */
}

/* The keys of every row, and for by_place kinds the recommendation of every row. */
static void build_keys(struct merge *M, struct version *v)
{
	size_t n = nrows(v);
	size_t *offs = xcalloc(n + 1, sizeof(*offs));
	int cols[MAX_KEYS];
	for (int i = 0; i < M->rule.nfields; i++)
		cols[i] = M->col[M->rule.fields[i]];
	for (size_t i = 0; i < n; i++) {
		offs[i] = v->keytext.len;
		if (M->rule.whole_row)
			add_row_cells(&v->keytext, v, i);
		else
			add_key_cells(&v->keytext, v, i, cols, M->rule.nfields);
	}
	offs[n] = v->keytext.len;
	if (M->rule.by_place) {
		size_t *poffs = xcalloc(n + 1, sizeof(*poffs));
		for (size_t i = 0; i < n; i++) {
			poffs[i] = v->keytext.len;
			add_key_cells(&v->keytext, v, i, cols, 1);
		}
		poffs[n] = v->keytext.len;
		/* Pointers are taken once the text no longer moves. */
		v->places = sort_keys(&v->keytext, poffs, n);
		free(poffs);
	}
	v->keys = sort_keys(&v->keytext, offs, n);
	free(offs);
	v->base = xcalloc(n + 1, sizeof(long));
	v->peer = xcalloc(n + 1, sizeof(long));
	v->in_ours = xcalloc(n + 1, sizeof(long));
	v->in_theirs = xcalloc(n + 1, sizeof(long));
	for (size_t i = 0; i <= n; i++)
		v->base[i] = v->peer[i] = v->in_ours[i] = v->in_theirs[i] = -1;
}

static int compare_key_occ(const struct keyed *a, const struct keyed *b)
{
	struct keyed x = *a, y = *b;
	x.row = y.row = 0;
	int c = compare_keyed(&x, &y);
	return c ? c : a->occ < b->occ ? -1 : a->occ > b->occ;
}

/*
 * Pairs the entries of a and b with the same key and occurrence, where want_a and want_b allow
 * (rows still unmatched, for instance); calls pair for each.
 */
typedef bool (*wants_fn)(const struct version *v, uint32_t row);
static void join(const struct keyed *a, size_t na, const struct version *va, wants_fn want_a, const struct keyed *b,
		 size_t nb, const struct version *vb, wants_fn want_b, long *a_to_b, long *b_to_a)
{
	size_t i = 0, j = 0;
	while (i < na && j < nb) {
		if (want_a && !want_a(va, a[i].row)) {
			i++;
			continue;
		}
		if (want_b && !want_b(vb, b[j].row)) {
			j++;
			continue;
		}
		int c = compare_key_occ(&a[i], &b[j]);
		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			a_to_b[a[i].row] = b[j].row;
			b_to_a[b[j].row] = a[i].row;
			i++;
			j++;
		}
	}
}

static bool base_unmatched_in_ours(const struct version *v, uint32_t row)
{
	return v->in_ours[row] < 0;
}

static bool base_unmatched_in_theirs(const struct version *v, uint32_t row)
{
	return v->in_theirs[row] < 0;
}

static bool side_unmatched(const struct version *v, uint32_t row)
{
	return v->base[row] < 0;
}

/*
 * By key first; then, for deliverables and questions, the rows left pair by place: a row's place
 * among all its recommendation's rows, so that a deliverable whose description changed pairs with
 * the one at the same place.
 */
static void match_rows(struct merge *M)
{
	struct version *b = &M->v[BASE], *o = &M->v[OURS], *t = &M->v[THEIRS];
	join(b->keys, nrows(b), b, NULL, o->keys, nrows(o), o, NULL, b->in_ours, o->base);
	join(b->keys, nrows(b), b, NULL, t->keys, nrows(t), t, NULL, b->in_theirs, t->base);
	if (M->rule.by_place) {
		join(b->places, nrows(b), b, base_unmatched_in_ours, o->places, nrows(o), o, side_unmatched, b->in_ours,
		     o->base);
		join(b->places, nrows(b), b, base_unmatched_in_theirs, t->places, nrows(t), t, side_unmatched,
		     b->in_theirs, t->base);
	}
	/* Rows added on both sides under one key. */
	join(o->keys, nrows(o), o, side_unmatched, t->keys, nrows(t), t, side_unmatched, o->peer, t->peer);
}

/* ---- writing the result ---- */

static void ensure_eol(struct merge *M)
{
	const struct strbuf *s = &M->text;
	if (s->len && s->data[s->len - 1] != '\n' && s->data[s->len - 1] != '\r')
		sb_adds(&M->text, M->eol);
}

static void add_line(struct merge *M, const char *s, size_t len)
{
	ensure_eol(M);
	sb_add(&M->text, s, len);
	sb_adds(&M->text, M->eol);
}

/* Ours' row as read, without its line break. */
static void ours_raw(const struct merge *M, size_t row, struct strbuf *out)
{
	const struct csv_table *t = &M->v[OURS].t;
	sb_add(out, t->buf + t->rows[row].raw_start, t->rows[row].raw_end - t->rows[row].raw_start);
}

/* Theirs' row in ours' separator: as read when the separators agree, else written cell by cell. */
static void theirs_text(const struct merge *M, size_t row, struct strbuf *out)
{
	const struct csv_table *o = &M->v[OURS].t, *t = &M->v[THEIRS].t;
	if (csv_table_delim(o) == csv_table_delim(t)) {
		sb_add(out, t->buf + t->rows[row].raw_start, t->rows[row].raw_end - t->rows[row].raw_start);
		return;
	}
	size_t w = t->rows[row].nfields;
	for (size_t c = 0; c < w; c++) {
		struct csv_cell x = csv_cell_at(t, row, c);
		if (c)
			sb_addc(out, csv_table_delim(o));
		csv_write_field_delim(out, x.ptr, x.len, csv_table_delim(o));
	}
	if (w == 1 && !csv_cell_at(t, row, 0).len)
		sb_adds(out, "\"\"");
}

static void add_conflict(struct merge *M, const struct strbuf *ours, const struct strbuf *theirs)
{
	add_line(M, "<<<<<<< ours", 12);
	if (ours)
		add_line(M, ours->data ? ours->data : "", ours->len);
	add_line(M, "=======", 7);
	if (theirs)
		add_line(M, theirs->data ? theirs->data : "", theirs->len);
	add_line(M, ">>>>>>> theirs", 14);
	M->r->conflicts++;
}

/* "SSR1-3" (the key's cells, with spaces), or "line N" when the key is the whole row. */
static void describe_row(const struct merge *M, const struct version *v, size_t row, struct strbuf *out)
{
	if (M->rule.whole_row) {
		sb_addf(out, "line %u", v->t.rows[row].line);
		return;
	}
	struct strbuf key;
	sb_init(&key);
	for (int i = 0; i < M->rule.nfields; i++) {
		struct csv_cell c = cell(v, row, (size_t)M->col[M->rule.fields[i]]);
		if (i && c.len)
			sb_addc(&key, ' ');
		sb_add(&key, c.ptr, c.len);
	}
	diag_quote(out, key.data ? key.data : "", key.len, 40);
	sb_free(&key);
}

static void detail_value(struct strbuf *out, const char *side, struct csv_cell c)
{
	sb_addf(out, "%s ", side);
	diag_quote(out, c.ptr, c.len, 40);
}

static void note_row_conflict(struct merge *M, const struct version *v, size_t row, const char *what)
{
	sb_adds(&M->r->details, "  ");
	describe_row(M, v, row, &M->r->details);
	sb_addf(&M->r->details, ": %s\n", what);
}

/* The gap after ours' row: its line break and what lies before the next row (rows that are not data). */
static void ours_gap(struct merge *M, size_t row, bool drop_break)
{
	const struct csv_table *t = &M->v[OURS].t;
	size_t from = t->rows[row].raw_end;
	size_t to = row + 1 < t->nrows ? t->rows[row + 1].raw_start : t->size;
	if (drop_break && from < to) {
		if (t->buf[from] == '\r' && from + 1 < to && t->buf[from + 1] == '\n')
			from += 2;
		else if (t->buf[from] == '\n' || t->buf[from] == '\r')
			from++;
	}
	sb_add(&M->text, t->buf + from, to - from);
}

/* The cells of ours' row o that theirs changed from base row b (b < 0: no base: every difference is
 * a conflict); ours' table takes them. Conflicting columns go to conflicts. */
static size_t merge_cells(struct merge *M, long b, size_t o, size_t t, size_t *conflicts, size_t *nconf)
{
	struct version *vb = &M->v[BASE], *vo = &M->v[OURS], *vt = &M->v[THEIRS];
	size_t w = row_width(vo, o), wt = row_width(vt, t), taken = 0;
	if (b >= 0 && row_width(vb, (size_t)b) > w)
		w = row_width(vb, (size_t)b);
	if (wt > w)
		w = wt;
	*nconf = 0;
	for (size_t c = 0; c < w; c++) {
		struct csv_cell co = cell(vo, o, c), ct = cell(vt, t, c);
		if (same_value(co, ct))
			continue;
		struct csv_cell cb = b >= 0 ? cell(vb, (size_t)b, c) : co;
		if (b >= 0 && same_value(co, cb)) {
			csv_table_set_cell(&vo->t, o, c, ct.ptr, ct.len);
			taken++;
		} else if (b < 0 || !same_value(ct, cb)) {
			conflicts[(*nconf)++] = c;
		}
	}
	return taken;
}

static void column_name(const struct merge *M, size_t c, struct strbuf *out)
{
	const struct csv_table *t = &M->v[OURS].t;
	if (c < t->ncols && t->header[c].len)
		diag_quote(out, t->header[c].ptr, t->header[c].len, 30);
	else
		sb_addf(out, "column %zu", c + 1);
}

/* A row both sides kept: merged cell by cell, or a conflict between markers. */
static void emit_merged(struct merge *M, long b, size_t o, size_t t)
{
	struct version *vo = &M->v[OURS], *vt = &M->v[THEIRS];
	size_t w = row_width(vo, o) + row_width(vt, t) + (b >= 0 ? row_width(&M->v[BASE], (size_t)b) : 0);
	size_t *conf = xcalloc(w + 1, sizeof(*conf)), nconf;
	struct csv_cell *theirs_vals = xcalloc(w + 1, sizeof(*theirs_vals));
	size_t taken = merge_cells(M, b, o, t, conf, &nconf);
	M->r->from_theirs += taken > 0;
	if (!nconf) {
		if (!taken) {
			ours_raw(M, o, &M->text);
		} else {
			csv_table_write_row(&vo->t, o, &M->text);
		}
		ours_gap(M, o, false);
	} else {
		for (size_t i = 0; i < nconf; i++) {
			theirs_vals[i] = cell(vt, t, conf[i]);
			sb_adds(&M->r->details, "  ");
			describe_row(M, vo, o, &M->r->details);
			sb_adds(&M->r->details, ": ");
			column_name(M, conf[i], &M->r->details);
			sb_adds(&M->r->details, ": ");
			detail_value(&M->r->details, "ours", cell(vo, o, conf[i]));
			detail_value(&M->r->details, ", theirs", theirs_vals[i]);
			sb_addc(&M->r->details, '\n');
		}
		struct strbuf ours_side, theirs_side;
		sb_init(&ours_side);
		sb_init(&theirs_side);
		if (taken)
			csv_table_write_row(&vo->t, o, &ours_side);
		else
			ours_raw(M, o, &ours_side);
		for (size_t i = 0; i < nconf; i++)
			csv_table_set_cell(&vo->t, o, conf[i], theirs_vals[i].ptr, theirs_vals[i].len);
		csv_table_write_row(&vo->t, o, &theirs_side);
		add_conflict(M, &ours_side, &theirs_side);
		ours_gap(M, o, true);
		sb_free(&ours_side);
		sb_free(&theirs_side);
	}
	free(conf);
	free(theirs_vals);
}

/* Ours' row o: as it was, merged with theirs, dropped, or in a conflict. */
static void emit_ours_row(struct merge *M, size_t o)
{
	struct version *vb = &M->v[BASE], *vo = &M->v[OURS], *vt = &M->v[THEIRS];
	long b = vo->base[o];
	if (b >= 0) {
		long t = vb->in_theirs[b];
		if (t >= 0) {
			emit_merged(M, b, o, (size_t)t);
		} else if (rows_equal(vo, o, vb, (size_t)b)) {
			ours_gap(M, o, true); /* theirs removed it, ours left it alone */
		} else {
			struct strbuf ours_side;
			sb_init(&ours_side);
			ours_raw(M, o, &ours_side);
			note_row_conflict(M, vo, o, "changed in ours, removed in theirs");
			add_conflict(M, &ours_side, NULL);
			ours_gap(M, o, true);
			sb_free(&ours_side);
		}
		return;
	}
	long t = vo->peer[o];
	if (t < 0 || rows_equal(vo, o, vt, (size_t)t) || M->rule.keep_ours) {
		ours_raw(M, o, &M->text);
		ours_gap(M, o, false);
	} else {
		emit_merged(M, -1, o, (size_t)t);
	}
}

/* Theirs' row t, which ours does not have: an addition, or changed in theirs and removed in ours. */
static void emit_theirs_row(struct merge *M, size_t t)
{
	struct version *vt = &M->v[THEIRS];
	struct strbuf row;
	sb_init(&row);
	theirs_text(M, t, &row);
	if (vt->base[t] >= 0) {
		note_row_conflict(M, vt, t, "removed in ours, changed in theirs");
		add_conflict(M, NULL, &row);
	} else {
		add_line(M, row.data ? row.data : "", row.len);
		M->r->from_theirs++;
	}
	sb_free(&row);
}

/* Whether theirs' row t goes into the result apart from ours' rows, and is not just a row removed. */
static bool theirs_only(const struct merge *M, size_t t)
{
	const struct version *vb = &M->v[BASE], *vt = &M->v[THEIRS];
	long b = vt->base[t];
	if (b < 0)
		return vt->peer[t] < 0;
	if (vb->in_ours[b] >= 0)
		return false;
	/* Ours removed it: a conflict only when theirs changed it. */
	return !rows_equal(vt, t, vb, (size_t)b);
}

static void anchor_add(struct merge *M, long anchor, size_t t)
{
	size_t a = (size_t)(anchor + 1);
	M->anchor_next[t] = -1;
	if (M->anchor_last[a] >= 0)
		M->anchor_next[M->anchor_last[a]] = (long)t;
	else
		M->anchor_first[a] = (long)t;
	M->anchor_last[a] = (long)t;
}

/* ISO dates and times compare as text; other dates as days; anything else as equal. */
static int compare_when(struct csv_cell a, struct csv_cell b)
{
	bool iso_a = a.len >= 10 && a.ptr[4] == '-' && a.ptr[7] == '-';
	bool iso_b = b.len >= 10 && b.ptr[4] == '-' && b.ptr[7] == '-';
	if (iso_a && iso_b) {
		size_t n = a.len < b.len ? a.len : b.len;
		int c = memcmp(a.ptr, b.ptr, n);
		return c ? c : a.len < b.len ? -1 : a.len > b.len;
	}
	int32_t da, db;
	if (rv_date_parse(a.ptr, a.len, &da) == RV_DATE_OK && rv_date_parse(b.ptr, b.len, &db) == RV_DATE_OK)
		return da < db ? -1 : da > db;
	return 0;
}

/* Where each of theirs' rows goes: after the ours row it follows in theirs (after ours' additions
 * there); the agenda's at the end; history and notes among ours' added rows by date. */
static void place_theirs(struct merge *M)
{
	struct version *vo = &M->v[OURS], *vt = &M->v[THEIRS];
	size_t no = nrows(vo), nt = nrows(vt);
	long *skip = xcalloc(no + 1, sizeof(*skip));
	for (size_t i = no; i-- > 0;)
		skip[i] = i + 1 < no && vo->base[i + 1] < 0 ? skip[i + 1] : (long)i;
	size_t tail = 0; /* ours' added rows at its end start here */
	for (size_t i = 0; i < no; i++)
		if (vo->base[i] >= 0)
			tail = i + 1;
	long cur = -1;
	size_t next_ours = tail;
	int dcol = M->rule.date_field >= 0 ? M->col[M->rule.date_field] : -1;
	for (size_t t = 0; t < nt; t++) {
		long b = vt->base[t];
		long o = b >= 0 ? M->v[BASE].in_ours[b] : vt->peer[t];
		if (!theirs_only(M, t)) {
			if (o >= 0)
				cur = skip[o];
			continue;
		}
		long anchor = cur;
		if (M->rule.theirs_at_end) {
			anchor = (long)no - 1;
		} else if (M->rule.whole_row) {
			/* After ours' added rows dated on or before it. */
			while (next_ours < no && (dcol < 0 || compare_when(cell(vt, t, (size_t)dcol),
									 cell(vo, next_ours, (size_t)dcol)) >= 0))
				next_ours++;
			anchor = (long)next_ours - 1;
		}
		anchor_add(M, anchor, t);
	}
	free(skip);
}

static void emit_anchored(struct merge *M, long anchor)
{
	for (long t = M->anchor_first[anchor + 1]; t >= 0; t = M->anchor_next[t])
		emit_theirs_row(M, (size_t)t);
}

static void write_result(struct merge *M)
{
	const struct csv_table *t = &M->v[OURS].t;
	size_t no = nrows(&M->v[OURS]);
	size_t prefix = no ? t->rows[0].raw_start : t->size;
	sb_add(&M->text, t->buf, prefix);
	emit_anchored(M, -1);
	for (size_t o = 0; o < no; o++) {
		emit_ours_row(M, o);
		emit_anchored(M, (long)o);
	}
}

/* ---- the merge ---- */

static enum rv_result refuse(struct rv_merge_report *r, const char *why)
{
	snprintf(r->why, sizeof(r->why), "%s", why);
	return RV_E_REFUSED;
}

static enum rv_result check_versions(struct merge *M)
{
	const struct version *b = &M->v[BASE], *o = &M->v[OURS], *t = &M->v[THEIRS];
	if (!o->has_header || !t->has_header)
		return refuse(M->r, "ours or theirs has no header row");
	if (!same_header(o, t) || (b->has_header && !same_header(b, o)))
		return refuse(M->r, "the versions' headers name different columns");
	if (o->t.lossy)
		return refuse(M->r, "ours cannot be written back byte for byte in its encoding");
	find_columns(M);
	for (int i = 0; i < M->rule.nfields; i++) {
		/* A place is key enough for a deliverable or a question without description or qid. */
		if (M->col[M->rule.fields[i]] < 0 && !(i > 0 && M->rule.by_place))
			return refuse(M->r, "the table lacks the column that identifies its rows");
	}
	if (M->rule.nfields > 1 && M->col[M->rule.fields[M->rule.nfields - 1]] < 0)
		M->rule.nfields--; /* by place alone */
	return RV_OK;
}

static const char *eol_of(const struct csv_table *t)
{
	return t->eol == CSV_EOL_CRLF ? "\r\n" : t->eol == CSV_EOL_CR ? "\r" : "\n";
}

enum rv_result rv_merge_tables(const char *name, const char *base, size_t base_len, const char *ours,
			       size_t ours_len, const char *theirs, size_t theirs_len, struct strbuf *out,
			       struct rv_merge_report *r)
{
	struct merge M;
	memset(&M, 0, sizeof(M));
	M.r = r;
	M.kind = r->kind = rv_table_kind_of_name(name);
	if (M.kind < 0 || !rule_for(M.kind, &M.rule))
		return refuse(r, "not one of recview's tables");
	sb_init(&M.text);
	enum rv_result res = RV_OK;
	const char *labels[3] = {"base", "ours", "theirs"};
	const char *data[3] = {base, ours, theirs};
	size_t lens[3] = {base_len, ours_len, theirs_len};
	for (int i = 0; i < 3 && res == RV_OK; i++)
		if (!read_version(&M.v[i], labels[i], data[i], lens[i]))
			res = refuse(r, "a version cannot be read as CSV");
	if (res == RV_OK)
		res = check_versions(&M);
	if (res == RV_OK) {
		for (int i = 0; i < 3; i++)
			build_keys(&M, &M.v[i]);
		match_rows(&M);
		M.eol = eol_of(&M.v[OURS].t);
		size_t no = nrows(&M.v[OURS]), nt = nrows(&M.v[THEIRS]);
		M.anchor_first = xcalloc(no + 2, sizeof(long));
		M.anchor_last = xcalloc(no + 2, sizeof(long));
		M.anchor_next = xcalloc(nt + 1, sizeof(long));
		for (size_t i = 0; i < no + 2; i++)
			M.anchor_first[i] = M.anchor_last[i] = -1;
		place_theirs(&M);
		write_result(&M);
		size_t bad;
		if (!csv_table_encode_text(&M.v[OURS].t, &M.text, &bad))
			res = refuse(r, "theirs has text that ours' encoding cannot hold");
	}
	if (res == RV_OK) {
		sb_add(out, M.text.data ? M.text.data : "", M.text.len);
		res = r->conflicts ? RV_E_CONFLICT : RV_OK;
	}
	free(M.anchor_first);
	free(M.anchor_last);
	free(M.anchor_next);
	sb_free(&M.text);
	for (int i = 0; i < 3; i++)
		version_free(&M.v[i]);
	return res;
}
