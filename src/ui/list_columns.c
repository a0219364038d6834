/*
 * list_columns.c - a list's columns on the screen (list_columns.h): the layout comes from the column
 * model (columns.c), the cells are drawn here, the choice is the app's, the sideways scroll the view's.
 */
#include "recview/list_columns.h"
#include "recview/as_of.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/live.h"
#include "recview/meeting.h"
#include "recview/triage.h"
#include "recview/views.h"

_Static_assert(RV_COLS_LISTS == sizeof(((struct cli_options *)0)->columns) / sizeof(const char *),
	       "a configured spec per list");

/* What a view keeps about its columns: the set and the widths measured, for one state of its rows. */
struct list_columns {
	enum rv_col_list list;
	struct rv_col_set set;
	int natural[RV_COLS_MAX];
	unsigned long generation;
	int32_t as_of;
	size_t nlines;
	bool measured;
	int hscroll; /* columns scrolled past on the left */
};

bool list_columns_of(const struct view *v, enum rv_col_list *out)
{
	static const struct {
		enum view_id id;
		enum rv_col_list list;
	} lists[] = {{VIEW_RECS, RV_COLS_RECS},
		     {VIEW_AGENDA, RV_COLS_AGENDA},
		     {VIEW_RESULTS, RV_COLS_RESULTS},
		     {VIEW_LOG, RV_COLS_LOG}};
	for (size_t i = 0; i < sizeof(lists) / sizeof(*lists); i++)
		if (v->ops->id == lists[i].id) {
			*out = lists[i].list;
			return true;
		}
	if (v->ops->id != VIEW_CHILDREN)
		return false;
	switch (v->kind) {
	case RV_DELIVERABLES:
		*out = RV_COLS_DELIVERABLES;
		return true;
	case RV_QUESTIONS:
		*out = RV_COLS_QUESTIONS;
		return true;
	case RV_HISTORY:
		*out = RV_COLS_HISTORY;
		return true;
	default:
		return false;
	}
}

/* ---- the choice ---- */

void list_columns_init(struct app *app)
{
	app->columns = xcalloc(RV_COLS_LISTS, sizeof(*app->columns));
	const struct cli_options *opt = app->opt;
	if (opt)
		rv_columns_from_config(app->m, opt->columns, opt->columns_line, opt->config_path, &app->m->diags,
				       app->columns);
}

void list_columns_free(struct app *app)
{
	free(app->columns);
	app->columns = NULL;
}

struct rv_col_choice *list_columns_choice(struct app *app, enum rv_col_list list)
{
	if (!app->columns)
		app->columns = xcalloc(RV_COLS_LISTS, sizeof(*app->columns));
	struct rv_col_choice *c = &app->columns[list];
	if (!c->set) {
		struct rv_col_set set;
		rv_columns_available(app->m, list, &set);
		rv_columns_default(&set, c);
		c->set = true;
	}
	return c;
}

static const struct rv_col_choice *choice_of(const struct view *v, enum rv_col_list list)
{
	return v->app->columns ? &v->app->columns[list] : NULL;
}

/* ---- measuring ---- */

static struct list_columns *columns_of(struct view *v, enum rv_col_list list)
{
	if (!v->columns) {
		v->columns = xcalloc(1, sizeof(*v->columns));
		v->columns->list = list;
	}
	struct list_columns *lc = v->columns;
	const struct rv_model *m = v->app->m;
	if (lc->measured && lc->generation == m->generation && lc->as_of == v->app->as_of && lc->nlines == v->nlines)
		return lc;
	rv_columns_available(m, list, &lc->set);
	if (list == RV_COLS_RECS) {
		/* Over every recommendation, not those the filter shows: the columns stay put while filtering. */
		rv_columns_measure(m, &lc->set, NULL, 0, v->app->as_of, lc->natural);
	} else if (list == RV_COLS_RESULTS || list == RV_COLS_LOG) {
		list_columns_measure_rows(v, &lc->set, lc->natural); /* rows of the view's own (list_columns_rows.c) */
	} else {
		uint32_t *refs = xcalloc(v->nlines + 1, sizeof(*refs));
		size_t n = 0;
		for (size_t i = 0; i < v->nlines; i++)
			if (v->lines[i].link) /* the rows; group headings are no links */
				refs[n++] = v->lines[i].ref;
		rv_columns_measure(m, &lc->set, refs, n, v->app->as_of, lc->natural);
		free(refs);
	}
	lc->generation = m->generation;
	lc->as_of = v->app->as_of;
	lc->nlines = v->nlines;
	lc->measured = true;
	return lc;
}

void list_columns_measure(struct view *v, enum rv_col_list list, struct rv_col_set *set, int *natural)
{
	struct list_columns *lc = columns_of(v, list);
	*set = lc->set;
	memcpy(natural, lc->natural, sizeof(lc->natural));
}

static struct list_columns *layout(struct view *v, const struct draw *d, struct rv_col_layout *out)
{
	enum rv_col_list list;
	if (!list_columns_of(v, &list))
		return NULL;
	struct list_columns *lc = columns_of(v, list);
	rv_columns_fit(&lc->set, choice_of(v, list), lc->natural, draw_remaining(d), lc->hscroll, out);
	return lc;
}

/* ---- drawing ---- */

static enum color style_color(enum rv_col_style s)
{
	static const enum color colors[] = {[RV_COL_PLAIN] = C_DEFAULT, [RV_COL_DIM] = C_DIM, [RV_COL_IDLIKE] = C_ID,
					    [RV_COL_DATELIKE] = C_DATE};
	return colors[s];
}

void list_columns_header(struct view *v, struct draw *d)
{
	struct rv_col_layout l;
	struct list_columns *lc = layout(v, d, &l);
	for (size_t i = 0; lc && i < l.n; i++) {
		const struct rv_col_def *def = &lc->set.defs[l.slots[i].def];
		int w = l.slots[i].width;
		bool after_sticky = i && lc->set.defs[l.slots[i - 1].def].sticky && !def->sticky;
		if (after_sticky && l.skipped)
			draw_str(d, d->ascii ? "<" : "\xE2\x80\xB9" /* ‹ */, C_HEADER); /* columns scrolled off here */
		else if (i)
			draw_spaces(d, 1, C_HEADER);
		if (def->right) {
			draw_field_right(d, def->header, strlen(def->header), w - def->mark, C_HEADER);
			draw_spaces(d, def->mark, C_HEADER);
		} else {
			draw_field(d, def->header, strlen(def->header), w, C_HEADER);
		}
	}
	draw_spaces(d, draw_remaining(d), C_HEADER);
}

void list_columns_rec_cell(struct view *v, const struct rv_col_def *def, size_t rec, int w, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const struct rv_rec *r = rv_rec_at(m, rec);
	char buf[32];
	switch (def->what) {
	case RV_COL_ID: {
		struct rv_text id = rv_rec_field(m, rec, REC_ID);
		/* changed by someone else, not seen yet */
		draw_field(d, id.ptr, id.len, w, live_unseen(v->app, rec) ? C_CHANGED : C_ID);
		return;
	}
	case RV_COL_NOTES: {
		/* A recommendation with notes that read (not all retracted). */
		const char *mark = rv_rec_notes_shown(m, rec) > 0 ? (d->ascii ? "*" : "\xE2\x9C\x8E" /* ✎ */) : " ";
		draw_field(d, mark, strlen(mark), w, C_LABEL);
		return;
	}
	case RV_COL_DECISION: {
		enum rv_decision decision = rv_rec_decision(m, rec, v->app->as_of);
		struct rv_text raw = rv_rec_field(m, rec, REC_DECISION);
		const char *dec = rv_decision_name(decision);
		if (decision == RV_DECISION_UNKNOWN)
			draw_field(d, raw.ptr, raw.len, w, C_ST_UNKNOWN);
		else
			draw_field(d, dec, strlen(dec), w, decision_color(decision));
		return;
	}
	case RV_COL_PRIORITY: {
		/* The priority in force on the as-of date: a later change logged in changes.csv is not there yet. */
		struct rv_text p = rv_child_field_as_of(m, RV_RECS, rec, REC_PRIORITY, v->app->as_of);
		bool first = rv_rec_priority_as_of(m, rec, v->app->as_of) == 1;
		draw_field(d, p.ptr, p.len, w, first ? C_ERROR : C_DEFAULT);
		return;
	}
	case RV_COL_DONE: {
		buf[0] = '\0';
		if (r->count[RV_DELIVERABLES])
			snprintf(buf, sizeof(buf), "%zu/%u", rv_rec_deliverables_done_as_of(m, rec, v->app->as_of),
				 r->count[RV_DELIVERABLES]);
		bool overdue = rv_rec_overdue_as_of(m, rec, v->app->as_of) > 0;
		draw_field_right(d, buf, strlen(buf), w - 1, C_DEFAULT);
		draw_str(d, overdue ? "!" : " ", C_ERROR);
		return;
	}
	case RV_COL_OPEN:
		buf[0] = '\0';
		if (r->count[RV_QUESTIONS])
			snprintf(buf, sizeof(buf), "%zu/%u", rv_rec_open_questions_as_of(m, rec, v->app->as_of),
				 r->count[RV_QUESTIONS]);
		draw_field_right(d, buf, strlen(buf), w, C_DEFAULT);
		return;
	case RV_COL_CHANGED: {
		struct rv_date_text changed = rv_rec_last_change_date(m, rec, v->app->as_of);
		rv_date_format_precision(changed.date, changed.precision, buf, sizeof(buf)); /* aligned: 2016-Q3 */
		draw_field(d, buf, strlen(buf), w, C_DATE);
		return;
	}
	case RV_COL_NEXT_DUE: {
		struct rv_text t = rv_col_value(m, RV_COLS_RECS, def, rec, v->app->as_of);
		bool overdue = rv_rec_overdue_as_of(m, rec, v->app->as_of) > 0;
		draw_field(d, t.ptr, t.len, w - 1, overdue ? C_ERROR : C_DATE);
		draw_str(d, overdue ? "!" : " ", C_ERROR);
		return;
	}
	case RV_COL_STATUS: {
		enum rv_status st = rv_rec_status(m, rec, v->app->as_of);
		struct rv_text t = rv_col_value(m, RV_COLS_RECS, def, rec, v->app->as_of);
		draw_field(d, t.ptr, t.len, w, status_color(st));
		return;
	}
	case RV_COL_MINUTES: {
		unsigned minutes = rv_agenda_minutes(v->app->session, rec);
		buf[0] = '\0';
		if (minutes)
			rv_clock_format(minutes * 60.0, buf, sizeof(buf));
		draw_field_right(d, buf, strlen(buf), w, C_DEFAULT);
		return;
	}
	default: {
		struct rv_text t = rv_col_value(m, RV_COLS_RECS, def, rec, v->app->as_of);
		draw_field(d, t.ptr, t.len, w, style_color(def->style));
		return;
	}
	}
}

/* A child's status on the as-of date: a deliverable's as recorded by then, the rest as parsed. */
static enum rv_status child_status(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of)
{
	if (kind == RV_DELIVERABLES)
		return rv_deliverable_status_as_of(m, child, as_of);
	return (enum rv_status)rv_child_at(m, kind, child)->status;
}

static void draw_child_cell(struct view *v, enum rv_col_list list, const struct rv_col_def *def, size_t child,
			    int w, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	enum rv_kind kind = rv_col_list_kind(list);
	const struct rv_child *ch = rv_child_at(m, kind, child);
	struct rv_text t = rv_col_value(m, list, def, child, v->app->as_of);
	switch (def->what) {
	case RV_COL_ID:
		draw_field(d, t.ptr, t.len, w, ch->rec >= 0 ? C_ID : C_WARNING);
		return;
	case RV_COL_STATUS:
		draw_field(d, t.ptr, t.len, w, status_color(child_status(m, kind, child, v->app->as_of)));
		return;
	case RV_COL_DUE: {
		struct rv_text due = rv_child_field_as_of(m, kind, child, DEL_DUE, v->app->as_of);
		bool overdue = rv_deliverable_overdue_as_of(m, child, v->app->as_of);
		if (rv_deliverable_status_as_of(m, child, v->app->as_of) == RV_STATUS_COMPLETE)
			draw_field(d, "done", 4, w - 1, C_ST_COMPLETE);
		else
			draw_field(d, due.ptr, due.len, w - 1, overdue ? C_ERROR : C_DATE);
		draw_str(d, overdue ? "!" : " ", C_ERROR);
		return;
	}
	case RV_COL_QSTATE: {
		enum rv_qstatus state = rv_question_state_as_of(m, child, v->app->as_of);
		const char *word = rv_qstatus_name(state);
		draw_field(d, word, strlen(word), w, qstate_color(state));
		return;
	}
	case RV_COL_DATE: {
		struct rv_text date = rv_child_field(m, kind, child, HIST_DATE);
		if (ch->date_prec == RV_DATE_PREC_NONE) /* undated: its place in the file orders it */
			draw_field(d, date.len ? date.ptr : "undated", date.len ? date.len : 7, w, C_DIM);
		else
			draw_field(d, date.ptr, date.len, w, C_DATE);
		return;
	}
	case RV_COL_HSTATUS: {
		struct rv_text st = rv_child_field(m, kind, child, HIST_STATUS);
		draw_str(d, st.len ? rv_status_glyph(ch->status, d->ascii) : " ", status_color(ch->status));
		draw_spaces(d, 1, C_DEFAULT);
		draw_field(d, st.ptr, st.len, w - 2, status_color(ch->status));
		return;
	}
	case RV_COL_HDECISION: {
		struct rv_text dec = rv_child_field(m, kind, child, HIST_DECISION);
		draw_field(d, dec.ptr, dec.len, w, decision_color(ch->decision));
		return;
	}
	default:
		draw_field(d, t.ptr, t.len, w, style_color(def->style));
		return;
	}
}

void list_columns_row(struct view *v, size_t ref, struct draw *d)
{
	struct rv_col_layout l;
	struct list_columns *lc = layout(v, d, &l);
	for (size_t i = 0; lc && i < l.n; i++) {
		const struct rv_col_def *def = &lc->set.defs[l.slots[i].def];
		if (i)
			draw_spaces(d, 1, C_DEFAULT);
		if (rv_col_list_of_recs(lc->list))
			list_columns_rec_cell(v, def, ref, l.slots[i].width, d);
		else if (lc->list == RV_COLS_RESULTS)
			list_columns_results_cell(v, def, ref, l.slots[i].width, d);
		else if (lc->list == RV_COLS_LOG)
			list_columns_log_cell(v, def, ref, l.slots[i].width, d);
		else
			draw_child_cell(v, lc->list, def, ref, l.slots[i].width, d);
	}
}

/* ---- requests ---- */

/* Sideways: the columns after the sticky ones go off on the left, one at a time. */
static void scroll_sideways(struct app *app, struct view *v, enum rv_col_list list, int by)
{
	struct list_columns *lc = columns_of(v, list);
	struct rv_col_layout l;
	rv_columns_fit(&lc->set, choice_of(v, list), lc->natural, v->width, lc->hscroll, &l);
	int to = lc->hscroll + by;
	if (to < 0 || to >= l.scrollable) {
		app_message(app, C_DIM, to < 0 ? "Already at the first column; > scrolls to the right."
					       : "At the last column; < scrolls back.");
		return;
	}
	lc->hscroll = to;
	if (to == 0)
		app_message(app, C_DIM, "Columns from the first again.");
	else
		app_message(app, C_DIM, "%d column%s off to the left, the id kept (< brings %s back)", to,
			    to == 1 ? "" : "s", to == 1 ? "it" : "them");
}

bool list_columns_request(struct app *app, enum request req)
{
	if (req != REQ_COLUMNS && req != REQ_SCROLL_LEFT && req != REQ_SCROLL_RIGHT)
		return false;
	struct view *v = app_current(app);
	enum rv_col_list list;
	if (!list_columns_of(v, &list)) {
		app_message(app, C_DIM, "This view has no columns to choose or scroll.");
		return true;
	}
	if (req == REQ_COLUMNS)
		app_open(app, columns_view_new(app, v, list));
	else
		scroll_sideways(app, v, list, req == REQ_SCROLL_RIGHT ? 1 : -1);
	return true;
}
