/* view_children.c - deliverables, questions (grouped by briefing) or history: of one recommendation or all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/item_find.h"
#include "recview/items.h"
#include "recview/list_columns.h"
#include "recview/query.h"
#include "recview/query_items.h"
#include "recview/search.h"
#include "recview/text.h"
#include "recview/tags.h"
#include "recview/views.h"

enum { CH_ITEM, CH_GROUP, CH_EMPTY };

struct children_state {
	uint32_t *all;   /* the list's items in its own order, before the filter */
	size_t nall;
	unsigned long generation; /* of the model when all was collected */
	uint32_t *items; /* child indices in display order: filtered and sorted */
	size_t n;
	struct item_finder find; /* this list's own filter and order */
};

static const struct rv_model *sort_model;

/*
 * All the history: newest first, then file order. An undated entry sorts with the date of the entry
 * before it in the file (model.h) and counts as later than that one: it comes first among its date.
 */
static int by_date_desc(const void *a, const void *b)
{
	const struct rv_child *x = rv_child_at(sort_model, RV_HISTORY, *(const uint32_t *)a);
	const struct rv_child *y = rv_child_at(sort_model, RV_HISTORY, *(const uint32_t *)b);
	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	bool ux = x->date_prec == RV_DATE_PREC_NONE, uy = y->date_prec == RV_DATE_PREC_NONE;
	if (ux != uy)
		return ux ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static void collect(struct view *v, struct children_state *st)
{
	const struct rv_model *m = v->app->m;
	free(st->items);
	if (v->rec >= 0) {
		const struct rv_rec *r = rv_rec_at(m, v->rec);
		st->n = r->count[v->kind];
		st->items = xcalloc(st->n + 1, sizeof(*st->items));
		for (size_t k = 0; k < st->n; k++)
			st->items[k] = (uint32_t)rv_child_index_of(m, v->kind, rv_rec_child(m, (size_t)v->rec, v->kind, k));
	} else {
		st->n = rv_child_total(m, v->kind);
		st->items = xcalloc(st->n + 1, sizeof(*st->items));
		for (size_t k = 0; k < st->n; k++)
			st->items[k] = (uint32_t)k;
	}
	if (v->kind == RV_HISTORY && v->rec >= 0) {
		/* One recommendation's history: the model's order (by date, undated entries in their place), newest first. */
		for (size_t k = 0; k < st->n / 2; k++) {
			uint32_t t = st->items[k];
			st->items[k] = st->items[st->n - 1 - k];
			st->items[st->n - 1 - k] = t;
		}
	} else if (v->kind == RV_HISTORY) {
		sort_model = m;
		qsort(st->items, st->n, sizeof(*st->items), by_date_desc);
		sort_model = NULL;
	}
}

struct briefing_group {
	size_t start, count; /* a run of the briefing-sorted items */
	size_t first;        /* display position of its first question */
};

static int by_briefing(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b; /* {child, position} pairs */
	struct rv_text bx = rv_child_field(sort_model, RV_QUESTIONS, x[0], Q_BRIEFING);
	struct rv_text by = rv_child_field(sort_model, RV_QUESTIONS, y[0], Q_BRIEFING);
	size_t n = bx.len < by.len ? bx.len : by.len;
	int c = memcmp(bx.ptr, by.ptr, n);
	if (c || bx.len != by.len)
		return c ? c : (bx.len < by.len ? -1 : 1);
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

static bool same_briefing(const struct rv_model *m, uint32_t a, uint32_t b)
{
	struct rv_text x = rv_child_field(m, RV_QUESTIONS, a, Q_BRIEFING);
	struct rv_text y = rv_child_field(m, RV_QUESTIONS, b, Q_BRIEFING);
	return x.len == y.len && memcmp(x.ptr, y.ptr, x.len) == 0;
}

static int by_first(const void *a, const void *b)
{
	const struct briefing_group *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Questions grouped by briefing, groups in the order they first appear: O(n log n) at any size. */
static void add_question_groups(struct view *v, struct children_state *st)
{
	const struct rv_model *m = v->app->m;
	uint32_t (*pairs)[2] = xcalloc(st->n + 1, sizeof(*pairs));
	struct briefing_group *groups = xcalloc(st->n + 1, sizeof(*groups));
	size_t ngroups = 0;
	for (size_t i = 0; i < st->n; i++) {
		pairs[i][0] = st->items[i];
		pairs[i][1] = (uint32_t)i;
	}
	sort_model = m;
	qsort(pairs, st->n, sizeof(*pairs), by_briefing);
	for (size_t i = 0; i < st->n; i++) {
		if (i == 0 || !same_briefing(m, pairs[i - 1][0], pairs[i][0]))
			groups[ngroups++] = (struct briefing_group){i, 0, pairs[i][1]};
		groups[ngroups - 1].count++;
	}
	sort_model = NULL;
	qsort(groups, ngroups, sizeof(*groups), by_first);
	for (size_t g = 0; g < ngroups; g++) {
		struct line *head = view_add_line(v, CH_GROUP, pairs[groups[g].start][0], false);
		head->sub = (uint32_t)groups[g].count;
		for (size_t k = 0; k < groups[g].count; k++)
			view_add_line(v, CH_ITEM, pairs[groups[g].start + k][0], true);
	}
	free(groups);
	free(pairs);
}

/* The list's items (again when the model changed), then those its filter keeps in its order. */
static void select_items(struct view *v, struct children_state *st)
{
	const struct rv_model *m = v->app->m;
	if (!st->all || st->generation != m->generation) {
		collect(v, st); /* into st->items, freeing the old selection */
		free(st->all);
		st->all = st->items;
		st->nall = st->n;
		st->generation = m->generation;
		st->find.all = st->all;
		st->find.nall = st->nall;
		st->items = xcalloc(st->nall + 1, sizeof(*st->items));
	}
	memcpy(st->items, st->all, st->nall * sizeof(*st->items));
	st->n = rv_item_select(m, v->kind, st->find.query, v->app->as_of, st->find.sort_key, st->find.sort_reverse,
			       st->items, st->nall);
	/* As of a date, the history entries dated after it are not in the list (or are dimmed). */
	if (v->app->as_of_later != RV_AS_OF_DIM)
		st->n = rv_items_recorded_by(m, v->kind, st->items, st->n, v->app->as_of);
}

static bool children_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct children_state *st = v->data;
	st->find.kind = v->kind;
	select_items(v, st);
	if (!st->n) {
		view_add_line(v, CH_EMPTY, 0, false);
		return true;
	}
	/* Grouped by briefing in the list's own order; another order is one flat list. */
	if (v->kind == RV_QUESTIONS && !st->find.sort_key && !st->find.sort_reverse) {
		add_question_groups(v, st);
		return true;
	}
	for (size_t i = 0; i < st->n; i++)
		view_add_line(v, CH_ITEM, st->items[i], true);
	return true;
}

/* The files were read again: the items are collected anew, the filter and order kept. */
static void children_reload(struct view *v, long cursor_rec)
{
	struct children_state *st = v->data;
	(void)cursor_rec;
	if (st) {
		free(st->all);
		st->all = NULL;
	}
}

static void children_done(struct view *v)
{
	struct children_state *st = v->data;
	if (st) {
		free(st->items);
		free(st->all);
		item_finder_free(&st->find);
	}
}

/* The marks before the columns: a deliverable's status and tag, a question's tag. */
static void draw_marks(struct view *v, size_t child, struct draw *d)
{
	enum rv_status st = v->kind == RV_DELIVERABLES ? rv_deliverable_status_as_of(v->app->m, child, v->app->as_of)
						      : RV_STATUS_NONE;
	if (v->kind == RV_DELIVERABLES)
		draw_str(d, st == RV_STATUS_NONE ? (d->ascii ? "-" : "\xC2\xB7") : rv_status_glyph(st, d->ascii),
			 status_color(st));
	if (v->kind == RV_DELIVERABLES || v->kind == RV_QUESTIONS)
		draw_tag_mark(d, tags_has(v->app, (struct rv_item){v->kind, child}));
	if (v->kind == RV_QUESTIONS)
		draw_spaces(d, 1, C_DEFAULT);
}

static void children_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	if (line->type == CH_EMPTY) {
		const struct children_state *st = v->data;
		draw_str(d, st->find.query ? "  none matches the filter (F clears it)" : "  none", C_DIM);
		return;
	}
	if (line->type == CH_GROUP) {
		struct rv_text b = rv_child_field(m, RV_QUESTIONS, line->ref, Q_BRIEFING);
		char count[32];
		draw_text(d, b.len ? b.ptr : "(no briefing)", b.len ? b.len : 13, C_HEADING);
		snprintf(count, sizeof(count), " (%u)", line->sub);
		draw_str(d, count, C_HEADING);
		return;
	}
	/* Dim mode: an entry recorded after the as-of date is in the list, dimmed. */
	if (!rv_child_recorded_by(m, v->kind, line->ref, v->app->as_of))
		d->dimmed = true;
	draw_marks(v, line->ref, d);
	list_columns_row(v, line->ref, d); /* the columns chosen, fitted to the width (list_columns.c) */
}

static void children_header(struct view *v, struct draw *d)
{
	if (v->kind != RV_HISTORY)
		draw_field(d, "", 0, 2, C_HEADER); /* above the marks */
	list_columns_header(v, d);
}

static enum request children_request(struct view *v, enum request req, struct line *line)
{
	struct children_state *st = v->data;
	if (item_finder_request(v, &st->find, req))
		return REQ_NONE;
	if (req != REQ_ENTER)
		return req;
	if (line->type != CH_ITEM) {
		app_message(v->app, C_DIM, "Nothing to open on this line.");
		return REQ_NONE;
	}
	app_open(v->app, item_view_new(v->app, v->kind, line->ref));
	return REQ_NONE;
}

/* A child matches when any of its fields does, extra columns included. */
static bool children_grep(struct view *v, const struct line *line, const struct rv_search *s)
{
	const struct rv_model *m = v->app->m;
	return line->type == CH_ITEM && rv_child_matches(m, v->kind, line->ref, s);
}

static long children_current_rec(struct view *v)
{
	if (v->rec >= 0)
		return v->rec;
	if (!v->nlines || v->lines[v->lineno].type != CH_ITEM)
		return -1;
	return rv_child_at(v->app->m, v->kind, v->lines[v->lineno].ref)->rec;
}

static bool children_current_item(struct view *v, struct rv_item *out)
{
	if ((v->kind != RV_DELIVERABLES && v->kind != RV_QUESTIONS) || !v->nlines || v->lines[v->lineno].type != CH_ITEM)
		return false;
	*out = (struct rv_item){v->kind, v->lines[v->lineno].ref};
	return true;
}

static void children_crumb(struct view *v, struct strbuf *out)
{
	static const char *const names[RV_KIND_COUNT] = {[RV_DELIVERABLES] = "Deliverables",
							  [RV_QUESTIONS] = "Questions", [RV_HISTORY] = "History"};
	const struct children_state *st = v->data;
	sb_adds(out, names[v->kind]);
	if (v->rec < 0)
		sb_adds(out, " (all)");
	item_finder_describe(&st->find, st->n, out);
	tags_describe(v->app, v->kind, tags_shown(v), out);
}

static bool children_line_item(struct view *v, const struct line *line, struct rv_item *out)
{
	if (line->type != CH_ITEM || (v->kind != RV_DELIVERABLES && v->kind != RV_QUESTIONS))
		return false;
	*out = (struct rv_item){v->kind, line->ref};
	return true;
}

static const struct view_ops children_ops = {
	.id = VIEW_CHILDREN,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_FILTER | SCOPE_SORT | SCOPE_TAGS | SCOPE_REC | SCOPE_ITEM | SCOPE_EXPORT | SCOPE_SPLIT |
	          SCOPE_COLUMNS,
	.name = "list",
	.state_size = sizeof(struct children_state),
	.open = children_open,
	.draw = children_draw,
	.request = children_request,
	.crumb = children_crumb,
	.header = children_header,
	.grep = children_grep,
	.current_rec = children_current_rec,
	.line_item = children_line_item,
	.current_item = children_current_item,
	.reload = children_reload,
	.done = children_done,
};

bool children_view_current_row(const struct view *v, struct rv_item *out)
{
	if (v->ops != &children_ops || !v->nlines || v->lines[v->lineno].type != CH_ITEM)
		return false;
	*out = (struct rv_item){v->kind, v->lines[v->lineno].ref};
	return true;
}

bool children_view_rows(const struct view *v, uint32_t **items, size_t *n)
{
	if (v->ops != &children_ops)
		return false;
	*items = xcalloc(v->nlines + 1, sizeof(**items));
	*n = 0;
	for (size_t i = 0; i < v->nlines; i++)
		if (v->lines[i].type == CH_ITEM)
			(*items)[(*n)++] = v->lines[i].ref;
	return true;
}

struct view *children_view_new(struct app *app, enum rv_kind kind, long rec)
{
	return view_new(app, &children_ops, rec, -1, kind);
}
