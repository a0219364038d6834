/* view_recs.c - the recommendations table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/live.h"
#include "recview/items.h"
#include "recview/query.h"
#include "recview/search.h"
#include "recview/tags.h"
#include "recview/text.h"
#include "recview/views.h"

enum { RECS_LINE, RECS_EMPTY };

struct recs_state {
	int id_width;    /* the longest id, measured once */
	uint32_t *order; /* the recommendations shown: filtered and sorted */
	size_t n;
};

/* Column widths for the current screen width; 0 hides a column. */
struct recs_layout {
	int id, decision, priority, topic, title, deliverables, questions, changed;
	int notes; /* 2: the mark of a recommendation with notes, after its id (only when the data set has notes) */
};

static int max_id_width(const struct rv_model *m)
{
	int w = 2;
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text id = rv_rec_field(m, i, REC_ID);
		int iw = text_width(id.ptr, id.len);
		if (iw > w)
			w = iw;
	}
	return w > 14 ? 14 : w;
}

/* Narrow screens drop the least needed columns first; the title always keeps the rest. */
static struct recs_layout layout_for(const struct view *v)
{
	struct recs_layout l = {0};
	int width = v->width;
	l.id = ((const struct recs_state *)v->data)->id_width;
	l.decision = 8;
	l.priority = 3;
	l.deliverables = 6; /* "12/13!": done of all, ! when one is overdue */
	l.questions = 5;    /* "3/16": open of all */
	l.changed = 10;
	l.notes = rv_child_total(v->app->m, RV_NOTES) > 0 ? 2 : 0;
	int fixed = 2 + l.id + l.notes + 1 + l.decision + 1 + l.priority + 1 + l.deliverables + 1 + l.questions + 1 + l.changed + 1;
	if (width - fixed < 40) {
		fixed -= l.questions + 1;
		l.questions = 0;
	}
	if (width - fixed < 40) {
		fixed -= l.deliverables + 1;
		l.deliverables = 0;
	}
	if (width - fixed < 30) {
		fixed -= l.changed + 1;
		l.changed = 0;
	}
	if (width - fixed < 24) {
		fixed -= l.priority + 1;
		l.priority = 0;
	}
	if (width - fixed < 16) {
		fixed -= l.decision + 1;
		l.decision = 0;
	}
	int rest = width - fixed;
	if (rest < 1)
		rest = 1;
	/* The topic gets a third of what is left, when there is room for both. */
	l.topic = rest >= 60 ? rest / 3 : 0;
	l.title = rest - (l.topic ? l.topic + 1 : 0);
	return l;
}

static void recs_open(struct view *v)
{
	const struct rv_model *m = v->app->m;
	struct recs_state *st = v->data;
	if (!st) {
		st = v->data = xcalloc(1, sizeof(*st));
		st->id_width = max_id_width(m);
		st->order = xcalloc(m->nrecs + 1, sizeof(*st->order));
	}
	st->n = rv_query_select_as_of(m, v->app->query, v->app->as_of, (enum rv_sort_key)v->app->sort_key,
				      v->app->sort_reverse, st->order);
	if (!st->n)
		view_add_line(v, RECS_EMPTY, 0, false);
	for (size_t i = 0; i < st->n; i++)
		view_add_line(v, RECS_LINE, st->order[i], true);
}

static void recs_done(struct view *v)
{
	struct recs_state *st = v->data;
	if (st)
		free(st->order);
}

bool view_is_recs(const struct view *v)
{
	return v->ops->id == VIEW_RECS;
}

static long recs_current_rec(struct view *v)
{
	if (!v->nlines || v->lines[v->lineno].type != RECS_LINE)
		return -1;
	return (long)v->lines[v->lineno].ref;
}

/* A recommendation matches when any of its own fields does, or the text of one of its notes. */
static bool recs_grep(struct view *v, const struct line *line, const struct rv_search *s)
{
	const struct rv_model *m = v->app->m;
	return line->type == RECS_LINE && (rv_rec_matches(m, line->ref, s) || rv_rec_notes_match(m, line->ref, s));
}

/* The title, or the text's first line when there is no title. */
static struct rv_text rec_headline(const struct rv_model *m, size_t rec)
{
	struct rv_text c = rv_rec_headline(m, rec);
	const char *nl = memchr(c.ptr, '\n', c.len);
	if (nl)
		c.len = (size_t)(nl - c.ptr);
	return c;
}

static void gap(struct draw *d)
{
	draw_spaces(d, 1, C_DEFAULT);
}

static void recs_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	if (line->type == RECS_EMPTY) {
		draw_str(d, "  No recommendation matches the filter: ", C_DIM);
		draw_str(d, v->app->filter_text, C_DIM);
		draw_str(d, "  (F clears it)", C_DIM);
		return;
	}
	const struct rv_rec *r = rv_rec_at(m, line->ref);
	struct recs_layout l = layout_for(v);
	char buf[32];
	enum rv_status status = rv_rec_status(m, line->ref, v->app->as_of);
	enum rv_decision decision = rv_rec_decision(m, line->ref, v->app->as_of);

	draw_str(d, rv_status_glyph(status, d->ascii), status_color(status));
	enum color id_color = live_unseen(v->app, line->ref) ? C_CHANGED : C_ID; /* changed by someone else, not seen yet */
	if (tags_has(v->app, (struct rv_item){RV_RECS, line->ref}))
		draw_tag_mark(d, true);
	else
		live_mark(d, v->app, line->ref);
	struct rv_text id = rv_rec_field(m, line->ref, REC_ID);
	draw_field(d, id.ptr, id.len, l.id, id_color);
	if (l.notes) {
		/* A recommendation with notes that read (not all retracted). */
		bool noted = rv_rec_notes_shown(m, line->ref) > 0;
		gap(d);
		draw_str(d, noted ? (d->ascii ? "*" : "\xE2\x9C\x8E" /* ✎ */) : " ", C_LABEL);
	}
	gap(d);
	if (l.decision) {
		const char *dec = rv_decision_name(decision);
		struct rv_text raw = rv_rec_field(m, line->ref, REC_DECISION);
		if (decision == RV_DECISION_UNKNOWN)
			draw_field(d, raw.ptr, raw.len, l.decision, C_ST_UNKNOWN);
		else
			draw_field(d, dec, strlen(dec), l.decision, decision_color(decision));
		gap(d);
	}
	if (l.priority) {
		struct rv_text p = rv_rec_field(m, line->ref, REC_PRIORITY);
		draw_field(d, p.ptr, p.len, l.priority, rv_rec_priority(m, line->ref) == 1 ? C_ERROR : C_DEFAULT);
		gap(d);
	}
	if (l.topic) {
		struct rv_text t = rv_rec_field(m, line->ref, REC_TOPIC);
		draw_field(d, t.ptr, t.len, l.topic, C_DIM);
		gap(d);
	}
	struct rv_text head = rec_headline(m, line->ref);
	draw_field(d, head.ptr, head.len, l.title, C_DEFAULT);
	if (l.deliverables) {
		gap(d);
		if (r->count[RV_DELIVERABLES])
			snprintf(buf, sizeof(buf), "%u/%u", r->deliverables_done, r->count[RV_DELIVERABLES]);
		else
			buf[0] = '\0';
		bool overdue = rv_rec_overdue(m, line->ref, rv_overdue_day(v->app->as_of)) > 0;
		draw_field_right(d, buf, strlen(buf), l.deliverables - 1, C_DEFAULT);
		draw_str(d, overdue ? "!" : " ", C_ERROR);
	}
	if (l.questions) {
		gap(d);
		if (r->count[RV_QUESTIONS])
			snprintf(buf, sizeof(buf), "%zu/%u", rv_rec_open_questions(m, line->ref), r->count[RV_QUESTIONS]);
		else
			buf[0] = '\0';
		draw_field_right(d, buf, strlen(buf), l.questions, C_DEFAULT);
	}
	if (l.changed) {
		gap(d);
		struct rv_date_text changed = rv_rec_last_change_date(m, line->ref, v->app->as_of);
		rv_date_format_precision(changed.date, changed.precision, buf, sizeof(buf)); /* aligned: 2016-Q3 */
		draw_field(d, buf, strlen(buf), l.changed, C_DATE);
	}
}

static void recs_header(struct view *v, struct draw *d)
{
	struct recs_layout l = layout_for(v);
	draw_field(d, "", 0, 2, C_HEADER);
	draw_field(d, "ID", 2, l.id + l.notes + 1, C_HEADER);
	if (l.decision)
		draw_field(d, "Decision", 8, l.decision + 1, C_HEADER);
	if (l.priority)
		draw_field(d, "Pri", 3, l.priority + 1, C_HEADER);
	if (l.topic)
		draw_field(d, "Topic", 5, l.topic + 1, C_HEADER);
	draw_field(d, "Title or text", 13, l.title, C_HEADER);
	if (l.deliverables) {
		draw_spaces(d, 1, C_HEADER);
		draw_field_right(d, "Done", 4, l.deliverables - 1, C_HEADER);
		draw_spaces(d, 1, C_HEADER);
	}
	if (l.questions) {
		draw_spaces(d, 1, C_HEADER);
		draw_field_right(d, "Open", 4, l.questions, C_HEADER);
	}
	if (l.changed) {
		draw_spaces(d, 1, C_HEADER);
		draw_field(d, "Changed", 7, l.changed, C_HEADER);
	}
	draw_spaces(d, draw_remaining(d), C_HEADER);
}

static enum request recs_request(struct view *v, enum request req, struct line *line)
{
	if (req != REQ_ENTER || line->type != RECS_LINE)
		return req;
	app_open(v->app, rec_view_new(v->app, line->ref));
	return REQ_NONE;
}

static void recs_crumb(struct view *v, struct strbuf *out)
{
	const struct recs_state *st = v->data;
	sb_adds(out, "Recommendations");
	if (v->app->query) {
		sb_adds(out, " [");
		text_sanitize(out, v->app->filter_text, strlen(v->app->filter_text), 0);
		sb_addf(out, "] %zu of %zu", st->n, v->app->m->nrecs);
	}
	tags_describe(v->app, RV_RECS, tags_shown(v), out);
}

static bool recs_line_item(struct view *v, const struct line *line, struct rv_item *out)
{
	(void)v;
	if (line->type != RECS_LINE)
		return false;
	*out = (struct rv_item){RV_RECS, line->ref};
	return true;
}

static const struct view_ops recs_ops = {
	.id = VIEW_RECS,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_FILTER | SCOPE_SORT | SCOPE_TAGS | SCOPE_REC | SCOPE_EXPORT | SCOPE_SPLIT,
	.name = "recommendations",
	.open = recs_open,
	.draw = recs_draw,
	.request = recs_request,
	.crumb = recs_crumb,
	.header = recs_header,
	.grep = recs_grep,
	.current_rec = recs_current_rec,
	.line_item = recs_line_item,
	.done = recs_done,
};

struct view *recs_view_new(struct app *app)
{
	return view_new(app, &recs_ops, -1, -1, RV_RECS);
}
