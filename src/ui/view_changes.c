/* view_changes.c - the changes of this session, newest last; undone ones are shown as such. */
#include <stdio.h>
#include <string.h>

#include "recview/change.h"
#include "recview/triage.h"
#include "recview/views.h"

enum { CHANGE_LINE, CHANGE_EMPTY };

static bool changes_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	const struct rv_session *s = v->app->session;
	if (!s->n)
		view_add_line(v, CHANGE_EMPTY, 0, false);
	for (size_t i = 0; i < s->n; i++)
		view_add_line(v, CHANGE_LINE, (uint32_t)i, true);
	return true;
}

static void changes_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_session *s = v->app->session;
	if (line->type == CHANGE_EMPTY) {
		draw_str(d, "  No change yet in this session.", C_DIM);
		return;
	}
	static const char *const kinds[] = {"status", "decision", "priority", "note", "agenda +", "agenda -", "agenda move",
					    "field", "minutes"};
	const struct rv_change *c = &s->changes[line->ref];
	bool undone = line->ref >= s->applied;
	enum color base = undone ? C_DIM : C_DEFAULT;
	draw_field(d, c->time, strlen(c->time), 20, C_DATE);
	draw_field(d, c->author, strlen(c->author), 10, C_DIM);
	draw_field(d, c->rec_id, strlen(c->rec_id), 11, C_ID);
	const char *kind = kinds[c->kind];
	if (c->kind == RV_CHANGE_FIELD)
		kind = c->target == RV_NOTES ? (c->after && *c->after ? "note amended" : "note retracted")
					     : rv_item_field_name((enum rv_kind)c->target, c->field);
	draw_field(d, kind, strlen(kind), 12, C_LABEL);
	if (c->kind == RV_CHANGE_FIELD && c->item && *c->item && c->target != RV_NOTES) {
		draw_text(d, c->item, strlen(c->item), C_ID);
		draw_str(d, " ", base);
	}
	if (rv_change_shows_values(c)) {
		draw_str(d, c->before && *c->before ? c->before : "(none)", base);
		draw_str(d, d->ascii ? " -> " : " \xE2\x86\x92 ", base);
		draw_str(d, c->after && *c->after ? c->after : "(none)", base);
		draw_str(d, "  ", base);
	}
	if (c->note)
		draw_text(d, c->note, strlen(c->note), base);
	if (undone)
		draw_str(d, "  (undone)", C_WARNING);
}

static long changes_current_rec(struct view *v)
{
	if (!v->nlines || v->lines[v->lineno].type != CHANGE_LINE)
		return -1;
	const char *id = v->app->session->changes[v->lines[v->lineno].ref].rec_id;
	return rv_find_rec(v->app->m, id, strlen(id));
}

static enum request changes_request(struct view *v, enum request req, struct line *line)
{
	(void)line;
	if (req != REQ_ENTER)
		return req;
	long rec = changes_current_rec(v);
	if (rec >= 0)
		app_open(v->app, rec_view_new(v->app, (size_t)rec));
	return REQ_NONE;
}

static void changes_crumb(struct view *v, struct strbuf *out)
{
	sb_addf(out, "Changes (%zu)", v->app->session->applied);
}

static const struct view_ops changes_ops = {
	.id = VIEW_CHANGES,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_EXPORT,
	.name = "changes",
	.open = changes_open,
	.draw = changes_draw,
	.request = changes_request,
	.crumb = changes_crumb,
	.current_rec = changes_current_rec,
};

struct view *changes_view_new(struct app *app)
{
	return view_new(app, &changes_ops, -1, -1, RV_HISTORY);
}
