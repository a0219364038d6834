/* view_results.c - every match of a search across the data set, with its entity and a snippet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/search.h"
#include "recview/text.h"
#include "recview/tags.h"
#include "recview/views.h"

enum { RES_HIT, RES_EMPTY };

struct results_state {
	struct rv_hit *hits;
	size_t n;
	char pattern[256];
};

static void results_open(struct view *v)
{
	struct results_state *st = v->data;
	if (!st) {
		st = v->data = xcalloc(1, sizeof(*st));
		st->n = rv_search_all(v->app->m, v->app->search, &st->hits);
		snprintf(st->pattern, sizeof(st->pattern), "%s", v->app->search_text);
	}
	if (!st->n)
		view_add_line(v, RES_EMPTY, 0, false);
	for (size_t i = 0; i < st->n; i++)
		view_add_line(v, RES_HIT, (uint32_t)i, true);
}

static void results_done(struct view *v)
{
	struct results_state *st = v->data;
	if (st)
		free(st->hits);
}

static const char *kind_label(enum rv_kind kind)
{
	static const char *const labels[RV_KIND_COUNT] = {"rec", "deliverable", "question", "history", "review", "note"};
	return labels[kind];
}

/* The recommendation id a hit belongs to, as written. */
static struct rv_text hit_rec_id(const struct rv_model *m, const struct rv_hit *h)
{
	if (h->kind == RV_RECS)
		return rv_rec_id(m, h->index);
	return rv_child_role(m, h->kind, h->index, RV_ROLE_REC_LINK);
}

static const char *field_name(const struct rv_model *m, const struct rv_hit *h, char *buf, size_t size)
{
	if (h->field >= 0)
		return rv_kind_def(h->kind)->fields[h->field].name;
	struct rv_text name = rv_extra_name(m, h->kind, (size_t)(-1 - h->field));
	snprintf(buf, size, "%.*s", (int)name.len, name.ptr);
	return buf;
}

/* The item of a hit, when it is one that can be tagged. */
static bool results_line_item(struct view *v, const struct line *line, struct rv_item *out)
{
	const struct results_state *st = v->data;
	if (line->type != RES_HIT)
		return false;
	const struct rv_hit *h = &st->hits[line->ref];
	if (h->kind != RV_RECS && h->kind != RV_DELIVERABLES && h->kind != RV_QUESTIONS)
		return false;
	*out = (struct rv_item){h->kind, h->index};
	return true;
}

static void results_draw(struct view *v, const struct line *line, struct draw *d)
{
	struct results_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (line->type == RES_EMPTY) {
		draw_str(d, "  No match for /", C_DIM);
		draw_str(d, st->pattern, C_DIM);
		draw_str(d, " anywhere in the data set.", C_DIM);
		return;
	}
	const struct rv_hit *h = &st->hits[line->ref];
	char name[64];
	const char *label = kind_label(h->kind);
	struct rv_item it;
	draw_tag_mark(d, results_line_item(v, line, &it) && tags_has(v->app, it));
	draw_field(d, label, strlen(label), 12, C_DIM);
	struct rv_text id = hit_rec_id(m, h);
	draw_field(d, id.ptr, id.len, 10, C_ID);
	draw_spaces(d, 1, C_DEFAULT);
	const char *fname = field_name(m, h, name, sizeof(name));
	draw_field(d, fname, strlen(fname), 11, C_LABEL);
	/* A snippet that starts a little before the match, on one line. */
	struct rv_text c = rv_hit_cell(m, h);
	size_t from = h->off > 24 ? h->off - 24 : 0;
	while (from > 0 && from < c.len && ((unsigned char)c.ptr[from] & 0xC0) == 0x80)
		from--;
	if (from)
		draw_str(d, d->ascii ? "~" : "\xE2\x80\xA6", C_DIM);
	draw_field(d, c.ptr + from, c.len - from, draw_remaining(d), C_DEFAULT);
}

static enum request results_request(struct view *v, enum request req, struct line *line)
{
	struct results_state *st = v->data;
	if (req != REQ_ENTER)
		return req;
	if (line->type != RES_HIT)
		return REQ_NONE;
	const struct rv_hit *h = &st->hits[line->ref];
	long rec = h->kind == RV_NOTES ? rv_child_at(v->app->m, RV_NOTES, h->index)->rec : -1;
	if (h->kind == RV_RECS)
		app_open(v->app, rec_view_new(v->app, h->index));
	else if (h->kind == RV_NOTES && rec >= 0)
		/* A note has no page of its own: its recommendation's, on the note. */
		app_open(v->app, rec_view_new_at(v->app, (size_t)rec, (struct rv_item){RV_NOTES, h->index}));
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
	size_t off, len;
	if (line->type != RES_HIT)
		return false;
	struct rv_text c = rv_hit_cell(v->app->m, &st->hits[line->ref]);
	return rv_search_next(s, c.ptr, c.len, 0, &off, &len);
}

static void results_crumb(struct view *v, struct strbuf *out)
{
	struct results_state *st = v->data;
	sb_addf(out, "Matches of /");
	text_sanitize(out, st->pattern, strlen(st->pattern), 0);
	sb_addf(out, " (%zu)", st->n);
}

static void results_header(struct view *v, struct draw *d)
{
	(void)v;
	draw_field(d, " Entity", 7, 13, C_HEADER);
	draw_field(d, "Rec", 3, 11, C_HEADER);
	draw_field(d, "Field", 5, 11, C_HEADER);
	draw_field(d, "Match", 5, draw_remaining(d), C_HEADER);
}

static const struct view_ops results_ops = {
	.id = VIEW_RESULTS,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_TAGS | SCOPE_REC | SCOPE_SPLIT,
	.name = "search results",
	.open = results_open,
	.draw = results_draw,
	.request = results_request,
	.crumb = results_crumb,
	.header = results_header,
	.grep = results_grep,
	.line_item = results_line_item,
	.done = results_done,
};

struct view *results_view_new(struct app *app)
{
	return view_new(app, &results_ops, -1, -1, RV_RECS);
}
