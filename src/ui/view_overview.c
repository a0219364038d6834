/*
 * view_overview.c - the walkthrough's overview (= on the slide): every item with its position, id,
 * state, the time spent on it against its budget, and its title; the item on the slide is marked and
 * selected. Enter puts the walkthrough on the selected item; q or Backspace goes back unchanged.
 */
#include <stdio.h>
#include <string.h>

#include "recview/entity.h"
#include "recview/meeting.h"
#include "recview/present.h"
#include "recview/search.h"
#include "recview/triage.h"
#include "recview/views.h"

enum { OV_ITEM, OV_EMPTY };

/* The walkthrough it is the overview of: the view below it, which stays open under it. */
struct overview_state {
	struct view *walk;
};

static const struct present_state *walk_state(const struct view *v)
{
	const struct overview_state *ov = v->data;
	return ov->walk->data;
}

static bool overview_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	const struct present_state *st = walk_state(v);
	if (!st->n)
		view_add_line(v, OV_EMPTY, 0, false);
	for (size_t i = 0; i < st->n; i++)
		view_add_line(v, OV_ITEM, (uint32_t)i, true);
	v->lineno = st->n ? st->at : 0;
	return true;
}

enum { COL_POS = 7, COL_ID = 12, COL_STATE = 17, COL_TIME = 16 };

/* "3:12 / 5:00", "3:12" without a budget; over: spent beyond the budget. */
/* "3:12 / 5:00": the time on rec (the current item's still running) against its budget. */
static void time_text(const struct view *v, size_t rec, char *out, size_t size, bool *over)
{
	double spent = present_time_on(walk_state(v), v->app->session, rec);
	unsigned budget = rv_agenda_minutes(v->app->session, rec);
	char a[24], b[24];
	rv_clock_format(spent, a, sizeof(a));
	*over = budget && spent > budget * 60.0;
	if (!budget) {
		snprintf(out, size, "%s", a);
		return;
	}
	rv_clock_format(budget * 60.0, b, sizeof(b));
	snprintf(out, size, "%s / %s", a, b);
}

static void overview_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const struct present_state *st = walk_state(v);
	if (line->type == OV_EMPTY) {
		draw_str(d, "  Nothing is walked through: the agenda is empty and no recommendation matches the filter.", C_DIM);
		return;
	}
	size_t rec = st->recs[line->ref];
	bool here = line->ref == st->at;
	char pos[32];
	snprintf(pos, sizeof(pos), "%s%3u.", here ? (d->ascii ? "> " : "\xE2\x96\xB6 ") : "  ", line->ref + 1);
	draw_field(d, pos, strlen(pos), COL_POS, here ? C_HEADING : C_DIM);
	struct rv_text id = rv_rec_id(m, rec);
	draw_field(d, id.ptr, id.len, COL_ID, C_ID);
	enum rv_status status = rv_rec_status(m, rec, v->app->as_of);
	char state[64];
	snprintf(state, sizeof(state), "%s %s", rv_status_glyph(status, d->ascii),
		 status == RV_STATUS_NONE ? "no status" : rv_status_name(status));
	draw_field(d, state, strlen(state), COL_STATE, status_color(status));
	bool over;
	char t[64];
	time_text(v, rec, t, sizeof(t), &over);
	if (over) /* a glyph as well as the colour, for monochrome */
		snprintf(t + strlen(t), sizeof(t) - strlen(t), " %s", d->ascii ? "!" : "\xE2\x9A\xA0");
	bool spent = present_time_on(st, v->app->session, rec) > 0;
	draw_field_right(d, t, strlen(t), COL_TIME - 2, over ? C_ERROR : spent ? C_DEFAULT : C_DIM);
	draw_spaces(d, 2, C_DEFAULT);
	struct rv_text head = rv_rec_headline(m, rec);
	draw_field(d, head.ptr, head.len, draw_remaining(d), C_DEFAULT); /* cut with an ellipsis, as the lists */
}

static void overview_header(struct view *v, struct draw *d)
{
	(void)v;
	draw_field(d, "  #", 3, COL_POS, C_HEADER);
	draw_field(d, "ID", 2, COL_ID, C_HEADER);
	draw_field(d, "Status", 6, COL_STATE, C_HEADER);
	draw_field_right(d, "Time / budget", 13, COL_TIME - 2, C_HEADER);
	draw_spaces(d, 2, C_HEADER);
	draw_str(d, "Title or text", C_HEADER);
}

/* Enter: back to the walkthrough, on the selected item. */
static enum request overview_request(struct view *v, enum request req, struct line *line)
{
	struct overview_state *ov = v->data;
	if (req != REQ_ENTER || line->type != OV_ITEM)
		return req;
	const struct present_state *st = walk_state(v);
	long rec = (long)st->recs[line->ref];
	struct view *walk = ov->walk;
	app_back(v->app); /* frees this view: nothing of it is used after */
	present_go_to_rec(walk, rec);
	return REQ_NONE;
}

static long overview_current_rec(struct view *v)
{
	const struct present_state *st = walk_state(v);
	if (!v->nlines || v->lines[v->lineno].type != OV_ITEM)
		return -1;
	return (long)st->recs[v->lines[v->lineno].ref];
}

static void overview_crumb(struct view *v, struct strbuf *out)
{
	const struct present_state *st = walk_state(v);
	sb_addf(out, "Overview (%zu)", st->n);
}

static bool overview_grep(struct view *v, const struct line *line, const struct rv_search *s)
{
	const struct present_state *st = walk_state(v);
	return line->type == OV_ITEM && rv_rec_matches(v->app->m, st->recs[line->ref], s);
}

static const struct request_note overview_notes[] = {
	{REQ_ENTER, "Go to the selected item in the walkthrough"},
};

static const struct view_keymap overview_keymap = {NULL, 0, overview_notes, KEYMAP_COUNT(overview_notes)};

static const struct view_ops overview_ops = {
	.id = VIEW_OVERVIEW,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH,
	.name = "overview",
	.state_size = sizeof(struct overview_state),
	.open = overview_open,
	.draw = overview_draw,
	.header = overview_header,
	.request = overview_request,
	.crumb = overview_crumb,
	.grep = overview_grep,
	.keymap = &overview_keymap,
	.current_rec = overview_current_rec,
};

struct view *overview_view_new(struct app *app, struct view *walk)
{
	struct overview_state init = {walk};
	return view_new_with(app, &overview_ops, -1, -1, RV_RECS, &init);
}
