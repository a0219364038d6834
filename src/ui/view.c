/* view.c - the generic view engine: lines, cursor, scrolling, links, rebuilding on resize. */
#include "recview/view.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "recview/app.h"
#include "recview/arena.h"
#include "recview/text.h"
#include "recview/views.h"

struct line *view_add_line(struct view *v, uint16_t type, uint32_t ref, bool link)
{
	if (v->nlines == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->lines = xreallocarray(v->lines, v->cap, sizeof(*v->lines));
	}
	struct line *l = &v->lines[v->nlines++];
	memset(l, 0, sizeof(*l));
	l->type = type;
	l->ref = ref;
	l->link = link;
	return l;
}

void view_add_wrapped(struct view *v, uint16_t type, uint32_t ref, bool link, const char *s, size_t len, int width)
{
	struct strbuf clean;
	struct text_lines tl = {0};
	sb_init(&clean);
	text_sanitize(&clean, s, len, TEXT_KEEP_NEWLINES);
	text_wrap(&tl, clean.data, clean.len, width);
	size_t base = v->text.len;
	sb_add(&v->text, clean.data, clean.len);
	/* Each text ends with a break, so that an address at its end never runs into the next text. */
	sb_addc(&v->text, '\n');
	for (size_t i = 0; i < tl.n; i++) {
		struct line *l = view_add_line(v, type, ref, link && i == 0);
		l->sub = (uint32_t)i;
		l->off = (uint32_t)(base + tl.lines[i].off);
		l->len = (uint32_t)tl.lines[i].len;
	}
	text_lines_free(&tl);
	sb_free(&clean);
}

const char *view_line_text(const struct view *v, const struct line *line)
{
	return v->text.data + line->off;
}

void view_clear_lines(struct view *v)
{
	v->nlines = 0;
	sb_reset(&v->text);
}

struct view *view_new(struct app *app, const struct view_ops *ops, long rec, long item, enum rv_kind kind)
{
	return view_new_with(app, ops, rec, item, kind, NULL);
}

struct view *view_new_with(struct app *app, const struct view_ops *ops, long rec, long item, enum rv_kind kind,
			   const void *init)
{
	/* A view without its id would be told from the others by nothing: a mistake in its declaration. */
	assert(ops->id > VIEW_NONE && ops->id < VIEW_COUNT);
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = ops;
	v->app = app;
	v->rec = rec;
	v->item = item;
	v->kind = kind;
	/* One rule for every view's state: the engine's, zeroed or a copy of init, before the first open. */
	assert(!init || ops->state_size);
	if (ops->state_size) {
		v->data = xcalloc(1, ops->state_size);
		if (init)
			memcpy(v->data, init, ops->state_size);
	}
	sb_init(&v->text);
	v->width = app_body_width();
	v->built = rv_stamp_now(app->m, app->as_of);
	char err[512] = "";
	if (!ops->open(v, err, sizeof(err))) {
		/* Not pushed as an empty view: the user reads why instead. */
		app_message(app, C_WARNING, "%s", err[0] ? err : "Nothing to show here.");
		view_free(v);
		return NULL;
	}
	return v;
}

void view_free(struct view *v)
{
	if (!v)
		return;
	if (v->ops->done)
		v->ops->done(v);
	free(v->data);
	free(v->columns);
	free(v->lines);
	sb_free(&v->text);
	free(v);
}

void view_reset_state(struct view *v)
{
	if (v->ops->done)
		v->ops->done(v);
	if (v->data)
		memset(v->data, 0, v->ops->state_size);
}

static void clamp(struct view *v, int height)
{
	if (v->nlines == 0) {
		v->lineno = v->offset = 0;
		return;
	}
	if (v->lineno >= v->nlines)
		v->lineno = v->nlines - 1;
	size_t h = height > 0 ? (size_t)height : 1;
	if (v->lineno < v->offset)
		v->offset = v->lineno;
	if (v->lineno >= v->offset + h)
		v->offset = v->lineno - h + 1;
	/* Never leave empty rows at the bottom when there is text above. */
	if (v->nlines >= h && v->offset > v->nlines - h)
		v->offset = v->nlines - h;
	if (v->nlines < h)
		v->offset = 0;
}

void view_move_to(struct view *v, size_t lineno, int height)
{
	v->lineno = lineno;
	clamp(v, height);
}

void view_rebuild(struct view *v, int width)
{
	/* Keep the cursor on the same item and the same relative screen row. */
	struct line anchor = v->nlines ? v->lines[v->lineno] : (struct line){0};
	size_t row = v->lineno - v->offset;
	v->width = width;
	v->built = rv_stamp_now(v->app->m, v->app->as_of);
	view_clear_lines(v);
	char err[512] = "";
	if (!v->ops->open(v, err, sizeof(err))) /* it could be built before: say why it is empty now */
		app_message(v->app, C_WARNING, "%s", err[0] ? err : "Nothing to show here any more.");
	size_t best = 0;
	for (size_t i = 0; i < v->nlines; i++) {
		const struct line *l = &v->lines[i];
		if (l->type == anchor.type && l->ref == anchor.ref) {
			best = i;
			if (l->sub >= anchor.sub)
				break;
		}
	}
	v->lineno = best;
	v->offset = best > row ? best - row : 0;
	clamp(v, app_body_height(v));
}

void view_refresh(struct view *v)
{
	if (rv_stamp_stale(v->app->m, v->built, v->app->as_of))
		view_rebuild(v, v->width);
}

static bool find_link(struct view *v, int dir, int height)
{
	size_t i = v->lineno;
	while (dir > 0 ? i + 1 < v->nlines : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		if (v->lines[i].link) {
			view_move_to(v, i, height);
			return true;
		}
	}
	return false;
}

bool view_request(struct view *v, enum request req, int height)
{
	size_t old = v->lineno;
	size_t page = height > 1 ? (size_t)height - 1 : 1;
	size_t last = v->nlines ? v->nlines - 1 : 0;

	/* A full-screen view (the slide) has no cursor: a line down or up scrolls it. */
	if (v->ops->fullscreen && (req == REQ_MOVE_DOWN || req == REQ_MOVE_UP)) {
		size_t h = height > 0 ? (size_t)height : 1;
		if (req == REQ_MOVE_DOWN && v->offset + h < v->nlines)
			v->offset++;
		else if (req == REQ_MOVE_UP && v->offset > 0)
			v->offset--;
		v->lineno = v->offset;
		return true;
	}
	switch (req) {
	case REQ_MOVE_DOWN:
		if (v->lineno < last)
			v->lineno++;
		break;
	case REQ_MOVE_UP:
		if (v->lineno > 0)
			v->lineno--;
		break;
	case REQ_PAGE_DOWN:
	case REQ_HALF_DOWN: {
		size_t step = req == REQ_PAGE_DOWN ? page : page / 2 + 1;
		v->lineno = v->lineno + step < last ? v->lineno + step : last;
		/* The page moves as far as it can, up to showing the last line at the bottom. */
		size_t h = height > 0 ? (size_t)height : 1, most = v->nlines > h ? v->nlines - h : 0;
		v->offset = v->offset + step < most ? v->offset + step : most;
		break;
	}
	case REQ_PAGE_UP:
	case REQ_HALF_UP: {
		size_t step = req == REQ_PAGE_UP ? page : page / 2 + 1;
		v->lineno = v->lineno > step ? v->lineno - step : 0;
		v->offset = v->offset > step ? v->offset - step : 0;
		break;
	}
	case REQ_MOVE_FIRST:
		v->lineno = 0;
		break;
	case REQ_MOVE_LAST:
		v->lineno = last;
		break;
	case REQ_NEXT_LINK:
		return find_link(v, 1, height);
	case REQ_PREV_LINK:
		return find_link(v, -1, height);
	default:
		return false;
	}
	clamp(v, height);
	return v->lineno != old;
}

long view_current_rec(const struct view *v)
{
	if (v->ops->current_rec)
		return v->ops->current_rec((struct view *)v);
	return v->rec;
}

bool view_current_item(const struct view *v, struct rv_item *out)
{
	return v->ops->current_item && v->ops->current_item((struct view *)v, out);
}
