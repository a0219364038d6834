/* entity.c - reading the model through text values and derived values (entity.h). */
#include "recview/entity.h"
#include "recview/changelog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/date.h"
#include "recview/dialect.h"
#include "recview/mapping.h"
#include "recview/model_cells.h"

static const struct rv_text empty_text = {"", 0};

static struct rv_text text_of(struct csv_cell c)
{
	return (struct rv_text){c.ptr, c.len};
}

/* ---- fields ---- */

/* The value changes.csv gives a field that has no cell of its own (changelog.h), if it gives one. */
static bool logged_value(const struct rv_model *m, enum rv_kind kind, size_t index, int field, struct rv_text *out)
{
	if (!m->changelog || field < 0 || field >= RV_MAX_FIELDS || !rv_changelog_overrides(m, kind, field))
		return false;
	long row = rv_changelog_latest(m, (struct rv_item){kind, index}, field);
	if (row < 0)
		return false;
	*out = text_of(rv_cell(m, RV_CHANGES, (uint32_t)row, CHG_VALUE));
	return true;
}

bool rv_text_same(struct rv_text a, struct rv_text b)
{
	return a.len == b.len && (!a.len || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool rv_text_is(struct rv_text t, const char *s)
{
	return rv_text_same(t, (struct rv_text){s, strlen(s)});
}

struct rv_text rv_rec_field(const struct rv_model *m, size_t rec, int field)
{
	if (rec >= m->nrecs)
		return empty_text;
	struct rv_text logged;
	if (logged_value(m, RV_RECS, rec, field, &logged))
		return logged;
	return text_of(rv_rec_cell(m, rec, field));
}

struct rv_text rv_rec_role(const struct rv_model *m, size_t rec, enum rv_role role)
{
	return rv_rec_field(m, rec, rv_field_of_role(RV_RECS, role));
}

struct rv_text rv_rec_id(const struct rv_model *m, size_t rec)
{
	return rv_rec_field(m, rec, REC_ID);
}

struct rv_text rv_rec_headline(const struct rv_model *m, size_t rec)
{
	struct rv_text t = rv_rec_field(m, rec, REC_TITLE);
	return t.len ? t : rv_rec_field(m, rec, REC_TEXT);
}

struct rv_text rv_rec_review_of(const struct rv_model *m, size_t rec)
{
	if (rec >= m->nrecs)
		return empty_text;
	return text_of(rv_rec_review(m, rec));
}

struct rv_text rv_child_field(const struct rv_model *m, enum rv_kind kind, size_t child, int field)
{
	if ((unsigned)kind >= RV_KIND_COUNT || child >= m->nchildren[kind])
		return empty_text;
	struct rv_text logged;
	if (logged_value(m, kind, child, field, &logged))
		return logged;
	return text_of(rv_child_cell(m, kind, child, field));
}

struct rv_text rv_child_role(const struct rv_model *m, enum rv_kind kind, size_t child, enum rv_role role)
{
	return rv_child_field(m, kind, child, rv_field_of_role(kind, role));
}

struct rv_text rv_row_field(const struct rv_model *m, enum rv_kind kind, uint32_t row, int field)
{
	if ((unsigned)kind >= RV_KIND_COUNT)
		return empty_text;
	return text_of(rv_cell(m, kind, row, field));
}

uint32_t rv_rec_row(const struct rv_model *m, size_t rec)
{
	return m->recs[rec].row;
}

struct rv_text rv_child_text(const struct rv_model *m, enum rv_kind kind, const struct rv_child *c, int field)
{
	if ((unsigned)kind >= RV_KIND_COUNT || !c)
		return empty_text;
	return text_of(rv_cell(m, kind, c->row, field));
}

const struct rv_child *rv_child_at(const struct rv_model *m, enum rv_kind kind, size_t child)
{
	return &m->children[kind][child];
}

static const struct rv_date_text no_date = {{"", 0}, RV_DATE_NONE, RV_DATE_PREC_NONE};

/* The date of child entity c of kind (c in m->children[kind]). */
static struct rv_date_text date_of(const struct rv_model *m, enum rv_kind kind, const struct rv_child *c)
{
	int field = rv_field_of_role(kind, RV_ROLE_DATE);
	if (field < 0)
		return no_date;
	struct rv_date_text d = {text_of(rv_cell(m, kind, c->row, field)), c->date, (enum rv_date_precision)c->date_prec};
	if (d.precision == RV_DATE_PREC_NONE)
		d.date = RV_DATE_NONE; /* an undated history entry's date field only orders it */
	return d;
}

struct rv_date_text rv_child_date(const struct rv_model *m, enum rv_kind kind, size_t child)
{
	if ((unsigned)kind >= RV_KIND_COUNT || child >= m->nchildren[kind])
		return no_date;
	return date_of(m, kind, &m->children[kind][child]);
}

bool rv_child_undated(const struct rv_model *m, enum rv_kind kind, size_t child)
{
	return rv_child_date(m, kind, child).precision == RV_DATE_PREC_NONE;
}

struct rv_date_order_choice rv_date_order_of(const struct rv_model *m, enum rv_kind kind, int field)
{
	struct rv_date_order_choice none = {0};
	if ((unsigned)kind >= RV_KIND_COUNT || field < 0 || field >= RV_MAX_FIELDS)
		return none;
	return m->tables[kind].date_order[field];
}

size_t rv_child_total(const struct rv_model *m, enum rv_kind kind)
{
	return (unsigned)kind < RV_KIND_COUNT ? m->nchildren[kind] : 0;
}

size_t rv_rec_child_index(const struct rv_model *m, size_t rec, enum rv_kind kind, size_t i)
{
	return m->child_index[kind][m->recs[rec].first[kind] + i];
}

size_t rv_rec_child_count(const struct rv_model *m, size_t rec, enum rv_kind kind)
{
	return m->recs[rec].count[kind];
}

/* ---- columns ---- */

bool rv_kind_present(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].present;
}

bool rv_kind_usable(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].present && m->tables[kind].usable;
}

bool rv_kind_has_field(const struct rv_model *m, enum rv_kind kind, int field)
{
	return rv_column(m, kind, field) >= 0;
}

bool rv_kind_lossy(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].present && m->tables[kind].csv.lossy;
}

enum rv_encoding rv_kind_encoding(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].present ? m->tables[kind].csv.encoding : RV_ENC_UTF8;
}

bool rv_kind_flat(const struct rv_model *m, enum rv_kind kind)
{
	return (unsigned)kind < RV_KIND_COUNT && m->tables[kind].flat;
}

bool rv_kind_unreadable(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].unreadable;
}

size_t rv_kind_rows(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].present ? m->tables[kind].csv.nrows : 0;
}

struct rv_text rv_kind_bytes(const struct rv_model *m, enum rv_kind kind)
{
	const struct rv_table *t = &m->tables[kind];
	if (!t->present || !t->csv.buf)
		return empty_text;
	size_t len;
	const char *bytes = csv_table_file_bytes(&t->csv, &len); /* the file's own bytes, not decoded */
	return (struct rv_text){bytes, len};
}

uint32_t rv_kind_open_quote_line(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].present ? m->tables[kind].csv.open_quote_line : 0;
}

/* The name of column col of kind's file as written. */
static struct rv_text header_at(const struct rv_model *m, enum rv_kind kind, size_t col)
{
	const struct rv_table *t = &m->tables[kind];
	const struct csv_table *csv = rv_kind_csv(m, kind);
	if (!(t->present || t->flat) || !csv->header || col >= csv->ncols)
		return empty_text;
	return text_of(csv->header[col]);
}

struct rv_text rv_field_header(const struct rv_model *m, enum rv_kind kind, int field)
{
	int col = rv_column(m, kind, field);
	return col < 0 ? empty_text : header_at(m, kind, (size_t)col);
}

int rv_field_column_number(const struct rv_model *m, enum rv_kind kind, int field)
{
	return rv_column(m, kind, field) + 1;
}

size_t rv_extra_count(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].present || m->tables[kind].flat ? m->tables[kind].nextra : 0;
}

struct rv_text rv_extra_name(const struct rv_model *m, enum rv_kind kind, size_t e)
{
	if (e >= rv_extra_count(m, kind))
		return empty_text;
	return header_at(m, kind, m->tables[kind].extra_cols[e]);
}

int rv_extra_column_number(const struct rv_model *m, enum rv_kind kind, size_t e)
{
	return e < rv_extra_count(m, kind) ? (int)m->tables[kind].extra_cols[e] + 1 : 0;
}

static struct rv_text extra_at(const struct rv_model *m, enum rv_kind kind, uint32_t row, size_t e)
{
	const struct rv_table *t = &m->tables[kind];
	const struct csv_table *csv = rv_kind_csv(m, kind);
	if (e >= rv_extra_count(m, kind) || row >= csv->nrows)
		return empty_text;
	return text_of(csv_cell_at(csv, row, t->extra_cols[e]));
}

struct rv_text rv_rec_extra(const struct rv_model *m, size_t rec, size_t e)
{
	return rec < m->nrecs ? extra_at(m, RV_RECS, m->recs[rec].row, e) : empty_text;
}

struct rv_text rv_child_extra(const struct rv_model *m, enum rv_kind kind, size_t child, size_t e)
{
	if ((unsigned)kind >= RV_KIND_COUNT || child >= m->nchildren[kind])
		return empty_text;
	return extra_at(m, kind, m->children[kind][child].row, e);
}

size_t rv_rec_header_columns(const struct rv_model *m)
{
	return m->tables[RV_RECS].present ? m->tables[RV_RECS].csv.ncols : 0;
}

struct rv_text rv_rec_column_name(const struct rv_model *m, size_t col)
{
	return header_at(m, RV_RECS, col);
}

size_t rv_rec_row_columns(const struct rv_model *m, size_t rec)
{
	const struct csv_table *t = &m->tables[RV_RECS].csv;
	if (rec >= m->nrecs)
		return 0;
	size_t nf = t->rows[m->recs[rec].row].nfields;
	return nf > t->ncols ? nf : t->ncols;
}

struct rv_text rv_rec_column(const struct rv_model *m, size_t rec, size_t col)
{
	if (rec >= m->nrecs)
		return empty_text;
	return text_of(csv_cell_at(&m->tables[RV_RECS].csv, m->recs[rec].row, col));
}

/* ---- derived values ---- */

/*
 * The status (decision) before the history's first dated one. When the history dates none, the
 * column's: it holds throughout. When that first entry is one recview wrote, the state the
 * recommendation had before it (the column's, kept in the changes.csv row of that change), so that a
 * decision taken in a meeting today does not wipe SSR1's column-only decisions from every earlier
 * date. -1 when the history says nothing then.
 */
static int state_at_start(const struct rv_model *m, size_t rec, bool decision)
{
	const struct rv_rec *r = &m->recs[rec];
	for (size_t k = 0; k < r->count[RV_HISTORY]; k++) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, k);
		if (decision ? h->decision == RV_DECISION_NONE : h->status == RV_STATUS_NONE)
			continue;
		struct rv_text author, before;
		if (!rv_history_recview_author(m, rv_rec_child_index(m, rec, RV_HISTORY, k), &author) ||
		    !rv_changes_state_before(m, rec, decision, &before))
			return -1;
		return decision ? (int)rv_model_decision(m, RV_RECS, before.ptr, before.len)
				: (int)rv_model_status(m, RV_RECS, before.ptr, before.len);
	}
	return decision ? (int)r->decision : (int)r->status;
}

bool rv_history_recview_author(const struct rv_model *m, size_t history, struct rv_text *author)
{
	static const char prefix[] = "recview: ";
	size_t n = sizeof(prefix) - 1;
	struct rv_text src = rv_child_field(m, RV_HISTORY, history, HIST_SOURCE);
	if (src.len < n || memcmp(src.ptr, prefix, n) != 0)
		return false;
	*author = (struct rv_text){src.ptr + n, src.len - n};
	return true;
}

enum rv_status rv_rec_status(const struct rv_model *m, size_t rec, int32_t as_of)
{
	const struct rv_rec *r = &m->recs[rec];
	if (as_of == RV_DATE_NONE)
		return r->cur_status;
	/* History is sorted by date (then file order): the last fitting entry that says a status. */
	bool dated = false;
	for (size_t k = r->count[RV_HISTORY]; k > 0; k--) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, k - 1);
		dated |= h->status != RV_STATUS_NONE;
		if (h->date <= as_of && h->status != RV_STATUS_NONE)
			return h->status;
	}
	/* A status the history never dates (only the column says it) is taken to hold throughout. */
	return dated ? rv_rec_status_at_start(m, rec) : r->status;
}

enum rv_status rv_rec_status_at_start(const struct rv_model *m, size_t rec)
{
	int st = state_at_start(m, rec, false);
	return st < 0 ? RV_STATUS_NONE : (enum rv_status)st;
}

enum rv_decision rv_rec_decision_at_start(const struct rv_model *m, size_t rec)
{
	int st = state_at_start(m, rec, true);
	return st < 0 ? RV_DECISION_NONE : (enum rv_decision)st;
}

enum rv_decision rv_rec_decision(const struct rv_model *m, size_t rec, int32_t as_of)
{
	const struct rv_rec *r = &m->recs[rec];
	if (as_of == RV_DATE_NONE)
		return r->cur_decision;
	bool dated = false;
	for (size_t k = r->count[RV_HISTORY]; k > 0; k--) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, k - 1);
		dated |= h->decision != RV_DECISION_NONE;
		if (h->date <= as_of && h->decision != RV_DECISION_NONE)
			return h->decision;
	}
	if (dated)
		return rv_rec_decision_at_start(m, rec);
	/* SSR1's decisions are in the column only: an undated decision holds throughout, unless recview
	 * changed it after the date (a history without a decision column cannot date that change). */
	struct rv_text then;
	if (rv_changes_state_as_of(m, rec, true, as_of, &then))
		return rv_model_decision(m, RV_RECS, then.ptr, then.len);
	return r->decision;
}

long rv_rec_latest_entry(const struct rv_model *m, size_t rec, int32_t as_of)
{
	for (size_t k = m->recs[rec].count[RV_HISTORY]; k > 0; k--)
		if (as_of == RV_DATE_NONE || rv_rec_child(m, rec, RV_HISTORY, k - 1)->date <= as_of)
			return (long)k - 1;
	return -1;
}

bool rv_history_recorded_by(const struct rv_model *m, size_t history, int32_t as_of)
{
	return as_of == RV_DATE_NONE || rv_child_at(m, RV_HISTORY, history)->date <= as_of;
}

bool rv_note_recorded_by(const struct rv_model *m, size_t note, int32_t as_of)
{
	if (as_of == RV_DATE_NONE)
		return true;
	struct rv_text t = rv_child_field(m, RV_NOTES, note, NOTE_TIME);
	int32_t day;
	/* The time is YYYY-MM-DDTHH:MM:SS (or just a day): its day is what counts. */
	if (t.len < 10 || rv_date_parse(t.ptr, 10, &day) != RV_DATE_OK)
		return true;
	return day <= as_of;
}

bool rv_rec_entry_in_force(const struct rv_model *m, size_t rec, bool status, int32_t date)
{
	const struct rv_rec *r = &m->recs[rec];
	for (size_t k = r->count[RV_HISTORY]; k > 0; k--) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, k - 1);
		if (status ? h->status != RV_STATUS_NONE : h->decision != RV_DECISION_NONE)
			return date == RV_DATE_NONE || h->date <= date;
	}
	return true;
}

int32_t rv_rec_last_change(const struct rv_model *m, size_t rec, int32_t as_of)
{
	const struct rv_rec *r = &m->recs[rec];
	if (as_of == RV_DATE_NONE)
		return r->last_change;
	for (size_t k = r->count[RV_HISTORY]; k > 0; k--) {
		int32_t d = rv_rec_child(m, rec, RV_HISTORY, k - 1)->date;
		if (d <= as_of)
			return d;
	}
	return RV_DATE_NONE;
}

struct rv_date_text rv_rec_last_change_date(const struct rv_model *m, size_t rec, int32_t as_of)
{
	const struct rv_rec *r = &m->recs[rec];
	for (size_t k = r->count[RV_HISTORY]; k > 0; k--) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, k - 1);
		if (h->date_prec != RV_DATE_PREC_NONE && (as_of == RV_DATE_NONE || h->date <= as_of))
			return date_of(m, RV_HISTORY, h);
	}
	return no_date;
}

int rv_rec_priority(const struct rv_model *m, size_t rec)
{
	return m->recs[rec].priority;
}

size_t rv_rec_deliverables_done(const struct rv_model *m, size_t rec)
{
	return m->recs[rec].deliverables_done;
}

bool rv_rec_duplicate(const struct rv_model *m, size_t rec)
{
	return m->recs[rec].duplicate;
}

enum rv_status rv_status_as_of(const struct rv_model *m, size_t rec, int32_t date)
{
	return rv_rec_status(m, rec, date);
}

enum rv_decision rv_decision_as_of(const struct rv_model *m, size_t rec, int32_t date)
{
	return rv_rec_decision(m, rec, date);
}

/* ---- changes ---- */

/* The table that holds a kind's rows: recommendations.csv's for a kind of a flat sheet. */
static struct csv_table *holding_table(struct rv_model *m, enum rv_kind kind)
{
	return &m->tables[m->tables[kind].flat ? RV_RECS : kind].csv;
}

bool rv_model_set_field(struct rv_model *m, enum rv_kind kind, uint32_t row, int field, const char *s, size_t len)
{
	int col = rv_column(m, kind, field);
	/* A field a mapping takes by a pattern or a link is not the cell's value: writing it would
	 * replace the whole cell (a GitHub issue's labels); nor is a column such a field reads (mapping.h). */
	struct csv_table *t = holding_table(m, kind);
	if (col < 0 || row >= t->nrows || !rv_model_field_settable(m, kind, field, NULL, 0))
		return false;
	csv_table_set_cell(t, row, (size_t)col, s, len);
	m->generation++;
	return true;
}

bool rv_model_set_role(struct rv_model *m, enum rv_kind kind, uint32_t row, enum rv_role role, const char *s,
		       size_t len)
{
	int field = rv_field_of_role(kind, role);
	return field >= 0 && rv_model_set_field(m, kind, row, field, s, len);
}

bool rv_model_set_field_undoable(struct rv_model *m, enum rv_kind kind, uint32_t row, int field, const char *s,
				 size_t len, struct rv_field_undo *undo)
{
	int col = rv_column(m, kind, field);
	const struct csv_table *t = holding_table(m, kind);
	if (col < 0 || row >= t->nrows)
		return false;
	const struct csv_row *r = &t->rows[row];
	undo->kind = kind;
	undo->row = row;
	undo->col = (uint32_t)col;
	undo->cell = csv_cell_at(t, row, (size_t)col);
	undo->flags = r->flags;
	undo->nfields = r->nfields;
	undo->first = r->first_cell;
	return rv_model_set_field(m, kind, row, field, s, len);
}

/* The row's cells are put back where they were (a widened row had its cells copied to the end). */
void rv_model_restore_field(struct rv_model *m, const struct rv_field_undo *undo)
{
	struct csv_table *t = holding_table(m, undo->kind);
	if (undo->row >= t->nrows)
		return;
	struct csv_row *r = &t->rows[undo->row];
	r->first_cell = undo->first;
	r->nfields = undo->nfields;
	r->flags = undo->flags;
	if (undo->col < r->nfields)
		t->cells[r->first_cell + undo->col] = undo->cell;
	m->generation++;
}

/*
 * The text each value goes into its column as (texts[i] for values[i]; NULL: nothing written): its
 * own, or for a field a mapping derives, the text its rule reads back as the value. False, with why,
 * when one has none (its text is then NULL), or two values of one column disagree.
 */
static bool plan_row(const struct rv_model *m, enum rv_kind kind, const struct rv_field_value *values, size_t n,
		     char **texts, char *why, size_t whysize)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		const char *v = values[i].text;
		texts[i] = NULL;
		if (rv_column(m, kind, values[i].field) < 0 || !v || !*v)
			continue;
		struct strbuf sb;
		sb_init(&sb);
		if (rv_model_source_text(m, kind, values[i].field, v, strlen(v), &sb, ok ? why : NULL, ok ? whysize : 0))
			texts[i] = sb_detach(&sb);
		else
			ok = false;
		sb_free(&sb);
	}
	for (size_t i = 0; i < n && ok; i++) {
		for (size_t j = i + 1; j < n && ok && texts[i]; j++) {
			if (!texts[j] || rv_column(m, kind, values[i].field) != rv_column(m, kind, values[j].field) ||
			    strcmp(texts[i], texts[j]) == 0)
				continue;
			ok = false;
			if (why && whysize) {
				struct strbuf sb;
				sb_init(&sb);
				rv_mapping_setting_name(kind, values[i].field, &sb);
				sb_adds(&sb, " and ");
				rv_mapping_setting_name(kind, values[j].field, &sb);
				sb_adds(&sb, " are one column, and a new row would need two values in it");
				snprintf(why, whysize, "%s", sb.data);
				sb_free(&sb);
			}
		}
	}
	return ok;
}

static void free_plan(char **texts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

bool rv_model_row_fits(const struct rv_model *m, enum rv_kind kind, const struct rv_field_value *values, size_t n,
		       char *why, size_t whysize)
{
	if (!m->tables[kind].present)
		return true; /* created with the contract's header: every field a column of its own */
	char **texts = xcalloc(n + 1, sizeof(*texts));
	bool ok = plan_row(m, kind, values, n, texts, why, whysize);
	free_plan(texts, n);
	return ok;
}

uint32_t rv_model_append_child(struct rv_model *m, enum rv_kind kind, const struct rv_field_value *values, size_t n)
{
	rv_model_create_table(m, kind);
	struct csv_table *t = &m->tables[kind].csv;
	char **texts = xcalloc(n + 1, sizeof(*texts));
	/* A value with no text that reads back as it is left out, never written as it is (the session
	 * refused such a change already: rv_model_row_fits). */
	plan_row(m, kind, values, n, texts, NULL, 0);
	uint32_t row = (uint32_t)csv_table_append_row(t);
	for (size_t i = 0; i < n; i++)
		if (texts[i])
			csv_table_set_cell(t, row, (size_t)rv_column(m, kind, values[i].field), texts[i], strlen(texts[i]));
	free_plan(texts, n);
	rv_model_derive_rows(m, kind); /* the mapping's values of the new row, by the rule of the others */
	rv_model_add_child(m, kind, row);
	return row;
}

void rv_model_touch(struct rv_model *m)
{
	m->generation++;
}

struct rv_stamp rv_stamp_now(const struct rv_model *m, int32_t as_of)
{
	return (struct rv_stamp){m->generation, as_of};
}

bool rv_stamp_stale(const struct rv_model *m, struct rv_stamp stamp, int32_t as_of)
{
	return stamp.generation != m->generation || stamp.as_of != as_of;
}

/* ---- the file's own words ---- */

/* Rows looked at for a file's spellings: its first and last, enough to see its habits. */
#define WORD_SAMPLE 2000

static int parse_as(enum rv_role role, const char *s, size_t len)
{
	if (role == RV_ROLE_STATUS)
		return (int)rv_status_parse(s, len);
	if (role == RV_ROLE_DECISION)
		return (int)rv_decision_parse(s, len);
	return rv_priority_parse(s, len);
}

struct spelling_count {
	struct rv_text text;
	size_t n;
};

char *rv_file_word(const struct rv_model *m, enum rv_kind kind, int field, const char *canonical)
{
	const struct rv_field_def *def = &rv_kind_def(kind)->fields[field];
	enum rv_role role = def->role;
	size_t rows = rv_kind_rows(m, kind);
	if (!canonical || !*canonical || !rv_kind_has_field(m, kind, field) ||
	    (role != RV_ROLE_STATUS && role != RV_ROLE_DECISION && role != RV_ROLE_PRIORITY))
		return xstrdup(canonical ? canonical : "");
	int want = parse_as(role, canonical, strlen(canonical));
	struct spelling_count seen[8];
	size_t nseen = 0, upper = 0, capital = 0, lower = 0;
	for (size_t i = 0; i < rows; i++) {
		if (i == WORD_SAMPLE && rows > 2 * WORD_SAMPLE)
			i = rows - WORD_SAMPLE;
		struct rv_text v = rv_row_field(m, kind, (uint32_t)i, field);
		if (!v.len)
			continue;
		bool all_upper = true;
		for (size_t k = 0; k < v.len; k++)
			all_upper &= !(v.ptr[k] >= 'a' && v.ptr[k] <= 'z');
		upper += all_upper;
		capital += !all_upper && v.ptr[0] >= 'A' && v.ptr[0] <= 'Z';
		lower += v.ptr[0] >= 'a' && v.ptr[0] <= 'z';
		if (parse_as(role, v.ptr, v.len) != want)
			continue;
		size_t k = 0;
		while (k < nseen && !(seen[k].text.len == v.len && memcmp(seen[k].text.ptr, v.ptr, v.len) == 0))
			k++;
		if (k == nseen && nseen < sizeof(seen) / sizeof(*seen))
			seen[nseen++] = (struct spelling_count){v, 0};
		if (k < nseen)
			seen[k].n++;
	}
	size_t best = 0;
	for (size_t k = 1; k < nseen; k++)
		if (seen[k].n > seen[best].n)
			best = k;
	if (nseen)
		return xstrndup(seen[best].text.ptr, seen[best].text.len);
	/* A value the file has not used yet: in its usual case ("Behind schedule", "DEFERRED"). */
	char *word = xstrdup(canonical);
	if (role == RV_ROLE_PRIORITY)
		return word;
	if (upper > capital + lower) {
		for (char *p = word; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
	} else if (capital > lower && word[0] >= 'a' && word[0] <= 'z') {
		word[0] = (char)(word[0] - 'a' + 'A');
	}
	return word;
}

/* ---- index records, for views that keep a child by its index ---- */

size_t rv_child_index_of(const struct rv_model *m, enum rv_kind kind, const struct rv_child *c)
{
	return (size_t)(c - m->children[kind]);
}

enum rv_status rv_rec_own_status(const struct rv_model *m, size_t rec)
{
	return m->recs[rec].status;
}

enum rv_decision rv_rec_own_decision(const struct rv_model *m, size_t rec)
{
	return m->recs[rec].decision;
}

const struct rv_rec *rv_rec_at(const struct rv_model *m, size_t rec)
{
	return &m->recs[rec];
}

/* ---- every column of a kind's file, by position (picking a column for a field) ---- */

size_t rv_kind_columns(const struct rv_model *m, enum rv_kind kind)
{
	const struct rv_table *t = &m->tables[kind];
	const struct csv_table *csv = rv_kind_csv(m, kind);
	return (t->present || t->flat) && csv->header ? csv->ncols : 0;
}

struct rv_text rv_column_name(const struct rv_model *m, enum rv_kind kind, size_t col)
{
	return header_at(m, kind, col);
}

struct rv_text rv_row_column(const struct rv_model *m, enum rv_kind kind, uint32_t row, size_t col)
{
	const struct csv_table *csv = rv_kind_csv(m, kind);
	if (col >= rv_kind_columns(m, kind) || row >= csv->nrows)
		return empty_text;
	return text_of(csv_cell_at(csv, row, col));
}

int rv_column_field(const struct rv_model *m, enum rv_kind kind, size_t col)
{
	for (int f = 0; f < RV_MAX_FIELDS; f++)
		if (rv_column(m, kind, f) >= 0 && (size_t)rv_column(m, kind, f) == col)
			return f;
	return -1;
}

bool rv_column_reads_like_sentences(const struct rv_model *m, enum rv_kind kind, size_t col)
{
	return col < rv_kind_columns(m, kind) && csv_column_reads_like_sentences(rv_kind_csv(m, kind), col);
}

size_t rv_rec_notes_shown(const struct rv_model *m, size_t rec)
{
	size_t n = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_NOTES); k++)
		n += rv_child_field(m, RV_NOTES, rv_rec_child_index(m, rec, RV_NOTES, k), NOTE_TEXT).len > 0;
	return n;
}
