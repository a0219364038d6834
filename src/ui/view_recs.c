/* view_recs.c - the recommendations table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/live.h"
#include "recview/items.h"
#include "recview/list_columns.h"
#include "recview/query.h"
#include "recview/search.h"
#include "recview/tags.h"
#include "recview/text.h"
#include "recview/views.h"

enum { RECS_LINE, RECS_EMPTY };

struct recs_state {
	uint32_t *order; /* the recommendations shown: filtered and sorted */
	size_t n;
};

static bool recs_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	const struct rv_model *m = v->app->m;
	struct recs_state *st = v->data;
	if (!st->order)
		st->order = xcalloc(m->nrecs + 1, sizeof(*st->order));
	st->n = rv_query_select_as_of(m, v->app->query, v->app->as_of, (enum rv_sort_key)v->app->sort_key,
				      v->app->sort_reverse, st->order);
	if (!st->n)
		view_add_line(v, RECS_EMPTY, 0, false);
	for (size_t i = 0; i < st->n; i++)
		view_add_line(v, RECS_LINE, st->order[i], true);
	return true;
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

static void recs_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	if (line->type == RECS_EMPTY) {
		draw_str(d, "  No recommendation matches the filter: ", C_DIM);
		draw_str(d, v->app->filter_text, C_DIM);
		draw_str(d, "  (F clears it)", C_DIM);
		return;
	}
	enum rv_status status = rv_rec_status(m, line->ref, v->app->as_of);
	draw_str(d, rv_status_glyph(status, d->ascii), status_color(status));
	if (tags_has(v->app, (struct rv_item){RV_RECS, line->ref}))
		draw_tag_mark(d, true);
	else
		live_mark(d, v->app, line->ref);
	list_columns_row(v, line->ref, d); /* the columns chosen, fitted to the width (list_columns.c) */
}

static void recs_header(struct view *v, struct draw *d)
{
	draw_field(d, "", 0, 2, C_HEADER);
	list_columns_header(v, d);
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
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_FILTER | SCOPE_SORT | SCOPE_TAGS | SCOPE_REC | SCOPE_EXPORT | SCOPE_SPLIT |
	          SCOPE_COLUMNS,
	.name = "recommendations",
	.state_size = sizeof(struct recs_state),
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
