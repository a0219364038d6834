/*
 * view_results.c - every match of a search across the data set, one line per recommendation (its own
 * fields, deliverables, questions, history and notes) with the count and each matched field named
 * apart from its excerpt; then a line per review milestone or work stream, and per item that names
 * no known recommendation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/filter_prompt.h"
#include "recview/finding.h"
#include "recview/list_columns.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/search.h"
#include "recview/search_groups.h"
#include "recview/text.h"
#include "recview/tags.h"
#include "recview/views.h"

enum { RES_GROUP, RES_EMPTY };

struct results_state {
	struct rv_hit *all;  /* every hit of the search */
	size_t nall;
	struct rv_hit *hits; /* those recorded by the as-of date (all of them without one), grouped */
	size_t n;
	bool chosen;          /* hits chosen from all, for the as-of date chosen_for */
	int32_t chosen_for;
	struct rv_hit_group *groups;
	size_t ngroups;
	char pattern[256];
	/* Its own filter (the recommendations' language, on each group's recommendation) and order. */
	struct rv_query *query;
	char filter_text[512];
	bool by_hits; /* most hits first, else the recommendations' id order */
	bool searched; /* hits and groups found (false: zeroed, to search) */
	size_t shown;
};

/* As of a date, the hits in a history entry or note recorded after it are left out (dim mode keeps
 * them): chosen again, and grouped, when the date or the mode changed. */
static void choose_hits(struct view *v, struct results_state *st)
{
	int32_t as_of = v->app->as_of_later == RV_AS_OF_DIM ? RV_DATE_NONE : v->app->as_of;
	if (st->chosen && st->chosen_for == as_of)
		return;
	free(st->hits);
	free(st->groups);
	st->hits = xcalloc(st->nall + 1, sizeof(*st->hits));
	st->n = 0;
	for (size_t i = 0; i < st->nall; i++)
		if (st->all[i].kind == RV_RECS || rv_child_recorded_by(v->app->m, st->all[i].kind, st->all[i].index, as_of))
			st->hits[st->n++] = st->all[i];
	st->ngroups = rv_hit_groups(v->app->m, st->hits, st->n, &st->groups);
	st->chosen = true;
	st->chosen_for = as_of;
}

/* A group is shown when the filter takes its recommendation (a group without one: no filter). */
static bool group_shown(const struct view *v, const struct results_state *st, const struct rv_hit_group *g)
{
	if (!st->query)
		return true;
	return g->rec >= 0 && rv_query_match(st->query, v->app->m, (size_t)g->rec);
}

static const struct results_state *sort_state;

/* Most hits first; equal counts keep the groups' order. */
static int by_hits(const void *a, const void *b)
{
	const struct rv_hit_group *x = &sort_state->groups[*(const uint32_t *)a];
	const struct rv_hit_group *y = &sort_state->groups[*(const uint32_t *)b];
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

static bool results_open(struct view *v, char *err, size_t errsize)
{
	struct results_state *st = v->data;
	if (!st->searched && !v->app->search) {
		snprintf(err, errsize, "No search yet: / searches, then R lists every match.");
		return false;
	}
	if (!st->searched) {
		st->searched = true;
		st->nall = rv_search_all(v->app->m, v->app->search, &st->all);
		snprintf(st->pattern, sizeof(st->pattern), "%s", v->app->search_text);
		st->chosen = false;
	}
	choose_hits(v, st);
	uint32_t *order = xcalloc(st->ngroups + 1, sizeof(*order));
	size_t n = 0;
	for (size_t i = 0; i < st->ngroups; i++)
		if (group_shown(v, st, &st->groups[i]))
			order[n++] = (uint32_t)i;
	if (st->by_hits) {
		sort_state = st;
		qsort(order, n, sizeof(*order), by_hits);
		sort_state = NULL;
	}
	st->shown = n;
	if (!n)
		view_add_line(v, RES_EMPTY, 0, false);
	for (size_t i = 0; i < n; i++)
		view_add_line(v, RES_GROUP, order[i], true);
	free(order);
	return true;
}

static void results_done(struct view *v)
{
	struct results_state *st = v->data;
	if (st) {
		free(st->all);
		free(st->hits);
		free(st->groups);
		rv_query_free(st->query);
	}
}

static const char *kind_label(enum rv_kind kind)
{
	static const char *const labels[RV_KIND_COUNT] = {"", "deliverable", "question", "history", "review", "note"};
	return (unsigned)kind < RV_KIND_COUNT && labels[kind] ? labels[kind] : "";
}

/* What a hit's field is called: a recommendation's field by name; an item by its kind, and the field
 * when it is not the item's main text ("deliverable", "deliverable responsible"). */
static void field_label(const struct rv_model *m, const struct rv_hit *h, struct strbuf *out)
{
	const char *kind = kind_label(h->kind);
	if (h->field < 0) {
		struct rv_text name = rv_extra_name(m, h->kind, (size_t)(-1 - h->field));
		if (*kind)
			sb_addf(out, "%s ", kind);
		text_sanitize(out, name.ptr, name.len, 0);
		return;
	}
	const struct rv_field_def *f = &rv_kind_def(h->kind)->fields[h->field];
	if (!*kind)
		sb_adds(out, f->name);
	else if (f->role == RV_ROLE_TEXT)
		sb_adds(out, kind);
	else
		sb_addf(out, "%s %s", kind, f->name);
}

/* The id shown for a group: its recommendation's, a review's name, or the id an item names. */
static struct rv_text group_id(const struct rv_model *m, const struct results_state *st, const struct rv_hit_group *g)
{
	const struct rv_hit *h = &st->hits[g->first];
	if (g->rec >= 0)
		return rv_rec_id(m, (size_t)g->rec);
	if (h->kind == RV_REVIEWS)
		return rv_child_field(m, RV_REVIEWS, h->index, REV_REVIEW);
	return rv_child_role(m, h->kind, h->index, RV_ROLE_REC_LINK);
}

static bool results_line_item(struct view *v, const struct line *line, struct rv_item *out)
{
	const struct results_state *st = v->data;
	if (line->type != RES_GROUP || st->groups[line->ref].rec < 0)
		return false;
	*out = (struct rv_item){RV_RECS, (size_t)st->groups[line->ref].rec};
	return true;
}

/* One matched field: its label, then an excerpt from a little before the match, in width columns. */
static void draw_hit(struct view *v, const struct rv_hit *h, struct draw *d, int width)
{
	const struct rv_model *m = v->app->m;
	struct strbuf label;
	sb_init(&label);
	field_label(m, h, &label);
	int start = draw_remaining(d);
	draw_text(d, label.data, label.len, C_LABEL);
	draw_str(d, ": ", C_DIM);
	sb_free(&label);
	struct rv_text c = rv_hit_cell(m, h);
	/* A little before the match: a quarter of the room, so that the match itself is seen. */
	int room = width - (start - draw_remaining(d)) - 1;
	size_t lead = room > 4 ? (size_t)room / 4 : 0;
	size_t from = h->off > lead ? h->off - (lead > 16 ? 16 : lead) : 0;
	while (from > 0 && from < c.len && ((unsigned char)c.ptr[from] & 0xC0) == 0x80)
		from--;
	if (from)
		draw_str(d, d->ascii ? "~" : "\xE2\x80\xA6", C_DIM);
	int used = start - draw_remaining(d), left = width - used;
	int wide = text_width(c.ptr + from, c.len - from); /* no padding after a short excerpt */
	if (left > 0 && from < c.len)
		draw_field(d, c.ptr + from, c.len - from, wide < left ? wide : left, C_DEFAULT);
}

static void results_draw(struct view *v, const struct line *line, struct draw *d)
{
	struct results_state *st = v->data;
	if (line->type == RES_EMPTY && st->ngroups) {
		draw_str(d, "  No match is about a recommendation the filter takes (F clears it).", C_DIM);
		return;
	}
	if (line->type == RES_EMPTY) {
		draw_str(d, "  No match for /", C_DIM);
		draw_str(d, st->pattern, C_DIM);
		draw_str(d, " anywhere in the data set.", C_DIM);
		return;
	}
	struct rv_item it;
	draw_tag_mark(d, results_line_item(v, line, &it) && tags_has(v->app, it));
	list_columns_row(v, line->ref, d); /* the columns chosen, fitted to the width (list_columns.c) */
}

void results_row_of(const struct view *v, size_t ref, struct results_row *out)
{
	const struct results_state *st = v->data;
	const struct rv_hit_group *g = &st->groups[ref];
	*out = (struct results_row){g->rec, group_id(v->app->m, st, g), g->n};
}

/* The fields share the cell (two, three from 80 columns), then how many more there are. */
void results_draw_matched(struct view *v, size_t ref, struct draw *d, int width)
{
	const struct results_state *st = v->data;
	const struct rv_hit_group *g = &st->groups[ref];
	uint32_t most = width >= 80 ? 3 : 2, fit = g->n < most ? g->n : most;
	char more[24] = "";
	if (g->n > fit)
		snprintf(more, sizeof(more), " +%u more", g->n - fit);
	for (uint32_t k = 0; k < fit && draw_remaining(d) > 8; k++) {
		if (k)
			draw_str(d, d->ascii ? " | " : " \xC2\xB7 ", C_DIM);
		int rest = draw_remaining(d) - (int)strlen(more) - (int)(fit - k - 1) * 3;
		draw_hit(v, &st->hits[g->first + k], d, rest / (int)(fit - k));
	}
	draw_str(d, more, C_DIM);
}

/* Enter: the recommendation's page, on the first matched item; an item without one, its own page. */
static size_t count_groups(struct app *app, void *data, const struct rv_query *q, size_t *total)
{
	const struct results_state *st = data;
	size_t n = 0;
	for (size_t i = 0; i < st->ngroups; i++)
		n += !q || (st->groups[i].rec >= 0 && rv_query_match(q, app->m, (size_t)st->groups[i].rec));
	*total = st->ngroups;
	return n;
}

static void show_top(struct view *v)
{
	view_rebuild(v, v->width);
	view_move_to(v, 0, app_body_height(v));
	v->offset = 0;
}

static const char *const sort_keys[] = {"id", "hits"};

static void complete_sort(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	(void)data;
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "%.*s", (int)*cursor, text->data);
	finding_complete(app, text, cursor, 0, prefix, sort_keys, 2, "");
}

/* "id" (the recommendations' order) or "hits" (most first); false when cancelled or unknown. */
static bool read_sort(struct view *v, struct strbuf *text)
{
	struct prompt_hooks hooks = {.complete = complete_sort};
	snprintf(v->app->hint, sizeof(v->app->hint), "id, hits (most first)   (Tab completes)");
	bool ok = prompt_read(v->app, "sort by: ", text, &hooks);
	v->app->hint[0] = '\0';
	if (ok && text->len && strcmp(text->data, "id") != 0 && strcmp(text->data, "hits") != 0) {
		app_message(v->app, C_ERROR, "sort: unknown key (known here: id, hits)");
		return false;
	}
	return ok && text->len;
}

/* f F s S: the results' own filter (by their recommendations' fields) and order (id or hits). */
static bool results_find(struct view *v, struct results_state *st, enum request req)
{
	static struct prompt_history history;
	struct filter_target target = {.kind = RV_RECS, .count = count_groups, .data = st};
	struct strbuf text;
	struct rv_query *q;
	switch (req) {
	case REQ_FILTER:
		sb_init(&text);
		sb_adds(&text, st->filter_text);
		if (filter_prompt_read(v->app, "filter: ", &target, &text, &history, &q)) {
			rv_query_free(st->query);
			st->query = q;
			snprintf(st->filter_text, sizeof(st->filter_text), "%s", q ? text.data : "");
			show_top(v);
		}
		sb_free(&text);
		return true;
	case REQ_FILTER_CLEAR:
		rv_query_free(st->query);
		st->query = NULL;
		st->filter_text[0] = '\0';
		show_top(v);
		return true;
	case REQ_SORT:
		sb_init(&text);
		if (read_sort(v, &text)) {
			st->by_hits = strcmp(text.data, "hits") == 0;
			show_top(v);
		}
		sb_free(&text);
		return true;
	case REQ_SORT_REVERSE:
		st->by_hits = !st->by_hits;
		show_top(v);
		app_message(v->app, C_DIM, "Sorted by %s", st->by_hits ? "hits, most first" : "id");
		return true;
	default:
		return false;
	}
}

static enum request results_request(struct view *v, enum request req, struct line *line)
{
	struct results_state *st = v->data;
	if (results_find(v, st, req))
		return REQ_NONE;
	if (req != REQ_ENTER)
		return req;
	if (line->type != RES_GROUP)
		return REQ_NONE;
	const struct rv_hit_group *g = &st->groups[line->ref];
	const struct rv_hit *h = &st->hits[g->first];
	if (g->rec >= 0 && h->kind == RV_RECS)
		app_open(v->app, rec_view_new(v->app, (size_t)g->rec));
	else if (g->rec >= 0)
		app_open(v->app, rec_view_new_at(v->app, (size_t)g->rec, (struct rv_item){h->kind, h->index}));
	else if (h->kind == RV_NOTES)
		app_message(v->app, C_DIM, "This note is about a recommendation the data set does not have.");
	else if (h->kind != RV_REVIEWS)
		app_open(v->app, item_view_new(v->app, h->kind, h->index));
	else {
		/* A milestone or work stream: its review's view. */
		struct rv_text name = rv_child_field(v->app->m, RV_REVIEWS, h->index, REV_REVIEW);
		app_open(v->app, reviews_view_named(v->app, name.ptr, name.len));
	}
	return REQ_NONE;
}

static bool results_grep(struct view *v, const struct line *line, const struct rv_search *s)
{
	struct results_state *st = v->data;
	if (line->type != RES_GROUP)
		return false;
	const struct rv_hit_group *g = &st->groups[line->ref];
	for (uint32_t k = 0; k < g->n; k++) {
		struct rv_text c = rv_hit_cell(v->app->m, &st->hits[g->first + k]);
		size_t off, len;
		if (rv_search_next(s, c.ptr, c.len, 0, &off, &len))
			return true;
	}
	return false;
}

static long results_current_rec(struct view *v)
{
	struct results_state *st = v->data;
	if (!v->nlines || v->lines[v->lineno].type != RES_GROUP)
		return -1;
	return st->groups[v->lines[v->lineno].ref].rec;
}

static void results_crumb(struct view *v, struct strbuf *out)
{
	struct results_state *st = v->data;
	sb_addf(out, "Matches of /");
	text_sanitize(out, st->pattern, strlen(st->pattern), 0);
	size_t recs = 0;
	for (size_t i = 0; i < st->ngroups; i++)
		recs += st->groups[i].rec >= 0;
	sb_addf(out, " (%zu in %zu recommendation%s", st->n, recs, recs == 1 ? "" : "s");
	if (st->ngroups > recs)
		sb_addf(out, ", %zu other", st->ngroups - recs);
	sb_addc(out, ')');
	if (st->query) {
		sb_adds(out, " [");
		text_sanitize(out, st->filter_text, strlen(st->filter_text), 0);
		sb_addf(out, "] %zu of %zu", st->shown, st->ngroups);
	}
	if (st->by_hits)
		sb_adds(out, " by hits");
}

static void results_header(struct view *v, struct draw *d)
{
	draw_field(d, "", 0, 1, C_HEADER); /* over the tag mark */
	list_columns_header(v, d);
}

static const struct view_ops results_ops = {
	.id = VIEW_RESULTS,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_FILTER | SCOPE_SORT | SCOPE_TAGS | SCOPE_REC | SCOPE_SPLIT |
		  SCOPE_COLUMNS,
	.name = "search results",
	.state_size = sizeof(struct results_state),
	.open = results_open,
	.draw = results_draw,
	.request = results_request,
	.crumb = results_crumb,
	.header = results_header,
	.grep = results_grep,
	.current_rec = results_current_rec,
	.line_item = results_line_item,
	.done = results_done,
};

struct view *results_view_new(struct app *app)
{
	return view_new(app, &results_ops, -1, -1, RV_RECS);
}
