/*
 * list_columns_rows.c - the cells of the lists whose rows are their view's own (list_columns.h): the
 * search results (a group of matches: its id, its hits, its fields matched, then its recommendation's
 * columns) and the log (a change: date, author, recommendation, item, kind, old -> new and note).
 */
#include <stdio.h>
#include <string.h>

#include "recview/activity.h"
#include "recview/list_columns.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/views.h"

/* ---- the log ---- */

/* "2026-12-02 10:15", "2016-06-30", "undated". */
static void short_date(const struct rv_activity *e, char *buf, size_t size)
{
	rv_activity_date(e, buf, size);
	if (!buf[0])
		snprintf(buf, size, "undated");
	else if (e->has_time && strlen(buf) >= 16) {
		buf[10] = ' ';
		buf[16] = '\0';
	}
}

/* The item within the recommendation: "D2", "Q1.1"; a note's goes without saying (its kind is note). */
static void item_label(const struct rv_model *m, const struct rv_activity *e, struct strbuf *out)
{
	rv_activity_item_name(m, e, out);
	if (out->len && out->data[0] == 'N')
		sb_reset(out);
}

static bool is_note(const struct rv_model *m, const struct rv_activity *e)
{
	struct rv_text kind = rv_activity_kind(m, e);
	return kind.len == 4 && memcmp(kind.ptr, "note", 4) == 0;
}

/* A change's text in a column: into buf for the date and the item (buf holds up to size bytes). */
static struct rv_text log_value(const struct rv_model *m, const struct rv_activity *e, enum rv_col_what what,
				char *buf, size_t size)
{
	struct strbuf item;
	switch (what) {
	case RV_COL_LOG_DATE:
		short_date(e, buf, size);
		return (struct rv_text){buf, strlen(buf)};
	case RV_COL_LOG_AUTHOR:
		return rv_activity_author(m, e);
	case RV_COL_LOG_REC:
		return rv_activity_rec_id(m, e);
	case RV_COL_LOG_ITEM:
		sb_init(&item);
		item_label(m, e, &item);
		snprintf(buf, size, "%s", item.data ? item.data : "");
		sb_free(&item);
		return (struct rv_text){buf, strlen(buf)};
	case RV_COL_LOG_KIND:
		return rv_activity_kind(m, e);
	case RV_COL_LOG_OLD:
		return rv_activity_old(m, e);
	case RV_COL_LOG_NEW:
		return rv_activity_new(m, e);
	case RV_COL_LOG_NOTE:
		return rv_activity_note(m, e);
	default:
		return (struct rv_text){"", 0};
	}
}

/* old -> new, then the note; cut at the cell's end (d->right is narrowed to it). */
static void draw_change(const struct rv_model *m, const struct rv_activity *e, struct draw *d)
{
	struct rv_text old = rv_activity_old(m, e), now = rv_activity_new(m, e);
	struct rv_text note = rv_activity_note(m, e);
	if (old.len) {
		draw_text(d, old.ptr, old.len, C_DIM);
		draw_str(d, d->ascii ? " -> " : " \xE2\x86\x92 ", C_DIM);
	}
	if (now.len)
		draw_text(d, now.ptr, now.len, C_DEFAULT);
	else if (old.len)
		draw_str(d, is_note(m, e) ? "(retracted)" : "(none)", C_WARNING);
	if (note.len) {
		draw_str(d, "  ", C_DEFAULT);
		draw_text(d, note.ptr, note.len, C_DIM);
	}
}

static enum color log_color(const struct rv_activity *e, enum rv_col_what what)
{
	switch (what) {
	case RV_COL_LOG_DATE:
		return e->undated ? C_DIM : C_DATE;
	case RV_COL_LOG_AUTHOR:
		return C_LABEL;
	case RV_COL_LOG_REC:
	case RV_COL_LOG_ITEM:
		return C_ID;
	case RV_COL_LOG_NEW:
		return C_DEFAULT;
	default:
		return C_DIM;
	}
}

/* A cell that draws as long as it likes (old -> new, the fields matched) is kept to w columns: the
 * drawable area ends with it, then the cell is padded to its width. */
struct clip {
	int right, end;
};

static struct clip clip_begin(struct draw *d, int w)
{
	struct clip c = {d->right, d->col + w};
	if (c.end < d->right)
		d->right = c.end;
	return c;
}

static void clip_end(struct draw *d, struct clip c)
{
	d->right = c.right;
	if (d->col < c.end)
		draw_spaces(d, c.end - d->col, C_DEFAULT);
}

void list_columns_log_cell(struct view *v, const struct rv_col_def *def, size_t ref, int w, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const struct rv_activity *e = log_row_entry(v, ref);
	if (!e) {
		draw_spaces(d, w, C_DEFAULT);
		return;
	}
	if (def->what == RV_COL_LOG_CHANGE) {
		struct clip c = clip_begin(d, w);
		draw_change(m, e, d);
		clip_end(d, c);
		return;
	}
	char buf[64];
	struct rv_text t = log_value(m, e, def->what, buf, sizeof(buf));
	draw_field(d, t.ptr, t.len, w, log_color(e, def->what));
}

/* ---- the search results ---- */

void list_columns_results_cell(struct view *v, const struct rv_col_def *def, size_t ref, int w, struct draw *d)
{
	struct results_row row;
	results_row_of(v, ref, &row);
	char count[16];
	switch (def->what) {
	case RV_COL_ID:
		draw_field(d, row.id.ptr, row.id.len, w, row.rec >= 0 ? C_ID : C_DIM);
		return;
	case RV_COL_HITS:
		snprintf(count, sizeof(count), "%u", row.hits);
		draw_field_right(d, count, strlen(count), w - def->mark, C_DIM);
		draw_spaces(d, def->mark, C_DIM);
		return;
	case RV_COL_MATCHED: {
		struct clip c = clip_begin(d, w);
		results_draw_matched(v, ref, d, w);
		clip_end(d, c);
		return;
	}
	default:
		if (row.rec >= 0) /* the recommendation's own columns; a review's row has none */
			list_columns_rec_cell(v, def, (size_t)row.rec, w, d);
		else
			draw_spaces(d, w, C_DEFAULT);
		return;
	}
}

/* ---- measuring ---- */

static int value_width(struct view *v, const struct rv_col_set *set, const struct rv_col_def *def, size_t ref)
{
	const struct rv_model *m = v->app->m;
	char buf[64];
	struct rv_text t = {"", 0};
	if (set->list == RV_COLS_LOG) {
		const struct rv_activity *e = log_row_entry(v, ref);
		if (e)
			t = log_value(m, e, def->what, buf, sizeof(buf));
	} else {
		struct results_row row;
		results_row_of(v, ref, &row);
		if (def->what == RV_COL_ID)
			t = row.id;
		else if (row.rec >= 0)
			t = rv_col_value(m, RV_COLS_RECS, def, (size_t)row.rec, v->app->as_of);
	}
	return text_width(t.ptr, t.len);
}

struct measure_lines {
	struct view *v;
	const struct rv_col_set *set;
};

static int line_value_width(void *ctx, const struct rv_col_def *def, size_t i)
{
	const struct measure_lines *ml = ctx;
	if (!ml->v->lines[i].link)
		return -1; /* the line saying that nothing matched */
	return value_width(ml->v, ml->set, def, ml->v->lines[i].ref);
}

void list_columns_measure_rows(struct view *v, const struct rv_col_set *set, int *natural)
{
	struct measure_lines ml = {v, set};
	rv_columns_measure_each(set, v->nlines, line_value_width, &ml, natural);
}
