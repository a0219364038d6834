/* view_agenda.c - the meeting agenda, in order, with each item's budget; K and J move an item, m takes it
 * off, # sets its minutes. */
#include <stdio.h>
#include <string.h>

#include "recview/search.h"
#include "recview/entity.h"
#include "recview/list_columns.h"
#include "recview/live.h"
#include "recview/triage.h"
#include "recview/views.h"

enum { AG_ITEM, AG_EMPTY };

static bool agenda_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	const struct rv_session *s = v->app->session;
	if (!s->nagenda)
		view_add_line(v, AG_EMPTY, 0, false);
	for (size_t i = 0; i < s->nagenda; i++)
		view_add_line(v, AG_ITEM, s->agenda[i].rec, true);
	return true;
}

static void agenda_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	if (line->type == AG_EMPTY) {
		draw_str(d, "  The agenda is empty: m marks a recommendation for it.", C_DIM);
		return;
	}
	enum rv_status status = rv_rec_status(m, line->ref, v->app->as_of);
	char pos[32];
	snprintf(pos, sizeof(pos), "%3ld. ", rv_agenda_position(v->app->session, line->ref) + 1);
	draw_str(d, pos, C_DIM);
	draw_str(d, rv_status_glyph(status, d->ascii), status_color(status));
	live_mark(d, v->app, line->ref); /* changed by someone else, not seen yet */
	list_columns_row(v, line->ref, d); /* the columns chosen, fitted to the width (list_columns.c) */
}

/* Above the position, glyph and mark: nothing; then the columns' headers (the budget's among them). */
static void agenda_header(struct view *v, struct draw *d)
{
	draw_field(d, "", 0, 7, C_HEADER);
	list_columns_header(v, d);
}

static enum request agenda_request(struct view *v, enum request req, struct line *line)
{
	if (req != REQ_ENTER || line->type != AG_ITEM)
		return req;
	app_open(v->app, rec_view_new(v->app, line->ref));
	return REQ_NONE;
}

static long agenda_current_rec(struct view *v)
{
	if (!v->nlines || v->lines[v->lineno].type != AG_ITEM)
		return -1;
	return (long)v->lines[v->lineno].ref;
}

static void agenda_crumb(struct view *v, struct strbuf *out)
{
	sb_addf(out, "Agenda (%zu)", v->app->session->nagenda);
}

static bool agenda_grep(struct view *v, const struct line *line, const struct rv_search *s)
{
	const struct rv_model *m = v->app->m;
	return line->type == AG_ITEM && rv_rec_matches(m, line->ref, s);
}

static const struct view_ops agenda_ops = {
	.id = VIEW_AGENDA,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_REC | SCOPE_AGENDA | SCOPE_EXPORT | SCOPE_SPLIT |
		  SCOPE_COLUMNS,
	.name = "agenda",
	.open = agenda_open,
	.draw = agenda_draw,
	.header = agenda_header,
	.request = agenda_request,
	.crumb = agenda_crumb,
	.grep = agenda_grep,
	.current_rec = agenda_current_rec,
};

struct view *agenda_view_new(struct app *app)
{
	return view_new(app, &agenda_ops, -1, -1, RV_AGENDA);
}
