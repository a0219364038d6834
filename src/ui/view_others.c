/* view_others.c - what others changed in the data set while this session was open, newest first. */
#include <stdio.h>
#include <string.h>

#include "recview/live.h"
#include "recview/views.h"

enum { OT_ITEM, OT_EMPTY, OT_HOW };

static bool others_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	size_t n = live_count(v->app);
	if (!n)
		view_add_line(v, OT_EMPTY, 0, false);
	for (size_t i = n; i > 0; i--)
		view_add_line(v, OT_ITEM, (uint32_t)(i - 1), true);
	view_add_line(v, OT_HOW, 0, false);
	return true;
}

static long others_current_rec(struct view *v)
{
	if (!v->nlines || v->lines[v->lineno].type != OT_ITEM)
		return -1;
	const char *id = live_entry_at(v->app, v->lines[v->lineno].ref)->item.rec_id;
	return id ? rv_find_rec(v->app->m, id, strlen(id)) : -1;
}

static void others_draw(struct view *v, const struct line *line, struct draw *d)
{
	if (line->type == OT_EMPTY) {
		draw_str(d, "  Nobody else has changed the data set since it was opened.", C_DIM);
		return;
	}
	if (line->type == OT_HOW) {
		struct strbuf how;
		sb_init(&how);
		sb_adds(&how, "  The data set is ");
		live_describe(v->app, &how);
		sb_adds(&how, ".");
		draw_text(d, how.data, how.len, C_DIM);
		sb_free(&how);
		return;
	}
	const struct live_entry *e = live_entry_at(v->app, line->ref);
	const char *clock = strlen(e->time) >= 19 ? e->time + 11 : e->time;
	draw_field(d, clock, strlen(clock), 9, C_DATE);
	const char *who = e->item.author ? e->item.author : "?";
	draw_field(d, who, strlen(who), 12, e->item.author ? C_DEFAULT : C_DIM);
	long rec = e->item.rec_id ? rv_find_rec(v->app->m, e->item.rec_id, strlen(e->item.rec_id)) : -1;
	if (rec >= 0)
		live_mark(d, v->app, (size_t)rec);
	else
		draw_spaces(d, 1, C_DEFAULT);
	struct strbuf what;
	sb_init(&what);
	rv_outside_describe(&e->item, d->ascii, &what);
	draw_text(d, what.data, what.len, C_DEFAULT);
	sb_free(&what);
}

static enum request others_request(struct view *v, enum request req, struct line *line)
{
	(void)line;
	if (req != REQ_ENTER)
		return req;
	long rec = others_current_rec(v);
	if (rec >= 0)
		app_open(v->app, rec_view_new(v->app, (size_t)rec));
	else if (v->lines[v->lineno].type == OT_ITEM)
		app_message(v->app, C_DIM, "That recommendation is no longer in the data set.");
	return REQ_NONE;
}

static void others_crumb(struct view *v, struct strbuf *out)
{
	sb_addf(out, "Changed by others (%zu)", live_count(v->app));
}

static const struct view_ops others_ops = {
	.id = VIEW_OTHERS,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH,
	.name = "changed by others",
	.open = others_open,
	.draw = others_draw,
	.request = others_request,
	.crumb = others_crumb,
	.current_rec = others_current_rec,
};

struct view *others_view_new(struct app *app)
{
	return view_new(app, &others_ops, -1, -1, RV_RECS);
}
