/*
 * view_columns.c - the column chooser of a list: every column it can show, the shown ones first in
 * their order. Space shows or hides, J and K move, + and - set a width, = fits it again, 0 puts the
 * defaults back. The list behind follows at once; the last line is the choice as the configuration
 * writes it (columns.LIST = ...), to keep it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/list_columns.h"
#include "recview/views.h"

enum { COLS_COLUMN, COLS_SPEC, COLS_NOTE };

struct columns_state {
	enum rv_col_list list;
	struct rv_col_set set;
	int natural[RV_COLS_MAX];
};

static struct rv_col_choice *choice(struct view *v)
{
	const struct columns_state *st = v->data;
	return list_columns_choice(v->app, st->list);
}

static bool columns_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct columns_state *st = v->data;
	const struct rv_col_choice *c = choice(v);
	for (size_t i = 0; i < c->n; i++) {
		int d = rv_columns_find(&st->set, c->cols[i].name);
		if (d >= 0)
			view_add_line(v, COLS_COLUMN, (uint32_t)d, true);
	}
	for (size_t d = 0; d < st->set.n; d++)
		if (rv_choice_find(c, st->set.defs[d].name) < 0)
			view_add_line(v, COLS_COLUMN, (uint32_t)d, true);
	view_add_line(v, COLS_NOTE, 0, false);
	struct strbuf spec;
	sb_init(&spec);
	sb_addf(&spec, "In the configuration: columns.%s = ", rv_col_list_name(st->list));
	rv_columns_format(c, &spec);
	view_add_wrapped(v, COLS_SPEC, 0, false, spec.data, spec.len, v->width > 1 ? v->width - 1 : 1);
	sb_free(&spec);
	return true;
}

/* How wide a column is: its own width, or how it fits. */
static void describe_width(const struct columns_state *st, const struct rv_col_def *def, int chosen, char *buf,
			   size_t size)
{
	int natural = st->natural[def - st->set.defs];
	if (chosen)
		snprintf(buf, size, "%d, set (= fits it again)", chosen);
	else if (def->fit == RV_FIT_FIXED)
		snprintf(buf, size, "%d", def->width);
	else if (def->fit == RV_FIT_CONTENT)
		snprintf(buf, size, "%d, fitted (at most %d)",
			 natural < def->min ? def->min : natural > def->width ? def->width : natural, def->width);
	else if (def->fit == RV_FIT_FLEX)
		snprintf(buf, size, "the rest");
	else
		snprintf(buf, size, "1/%d of the rest, if room", def->width);
}

static void columns_draw(struct view *v, const struct line *line, struct draw *d)
{
	struct columns_state *st = v->data;
	const struct rv_col_choice *c = choice(v);
	if (line->type == COLS_NOTE) {
		draw_str(d, "", C_DEFAULT);
		return;
	}
	if (line->type == COLS_SPEC) {
		const char *text = view_line_text(v, line);
		draw_text(d, text, line->len, C_DIM);
		return;
	}
	const struct rv_col_def *def = &st->set.defs[line->ref];
	int at = rv_choice_find(c, def->name);
	char width[80];
	describe_width(st, def, at >= 0 ? c->cols[at].width : 0, width, sizeof(width));
	draw_str(d, at >= 0 ? (d->ascii ? "[x] " : "[\xE2\x9C\x93] ") : "[ ] ", at >= 0 ? C_ST_COMPLETE : C_DIM);
	draw_field(d, def->name, strlen(def->name), 16, at >= 0 ? C_ID : C_DIM);
	draw_spaces(d, 1, C_DEFAULT);
	draw_field(d, def->header[0] ? def->header : "(a mark)", def->header[0] ? strlen(def->header) : 8, 16,
		   def->header[0] ? C_DEFAULT : C_DIM);
	draw_spaces(d, 1, C_DEFAULT);
	draw_str(d, width, C_DIM);
	if (def->sticky)
		draw_str(d, "; stays on < >", C_DIM);
}

static void columns_header(struct view *v, struct draw *d)
{
	(void)v;
	draw_field(d, "", 0, 4, C_HEADER);
	draw_field(d, "Column", 6, 17, C_HEADER);
	draw_field(d, "Header", 6, 17, C_HEADER);
	draw_str(d, "Width", C_HEADER);
	draw_spaces(d, draw_remaining(d), C_HEADER);
}

static void toggle(struct view *v, struct rv_col_choice *c, const struct rv_col_def *def)
{
	int at = rv_choice_find(c, def->name);
	if (at < 0) {
		if (c->n == RV_COLS_MAX)
			return;
		memset(&c->cols[c->n], 0, sizeof(c->cols[c->n]));
		memcpy(c->cols[c->n++].name, def->name, RV_COL_NAME);
		app_message(v->app, C_DIM, "%s shown, last: J and K move it", def->name);
		return;
	}
	if (def->what == RV_COL_ID || def->what == RV_COL_LOG_DATE) { /* what names each row */
		app_message(v->app, C_WARNING, "The %s column always shows (it stays when scrolling sideways).",
			    def->what == RV_COL_ID ? "id" : "date");
		return;
	}
	memmove(&c->cols[at], &c->cols[at + 1], (c->n - (size_t)at - 1) * sizeof(c->cols[0]));
	c->n--;
	app_message(v->app, C_DIM, "%s hidden", def->name);
}

static void move_column(struct view *v, struct rv_col_choice *c, const struct rv_col_def *def, int by)
{
	int at = rv_choice_find(c, def->name);
	int to = at + by;
	if (at < 0) {
		app_message(v->app, C_DIM, "Only shown columns have a place: Space shows it.");
		return;
	}
	if (to < 0 || (size_t)to >= c->n)
		return;
	struct rv_col_pick t = c->cols[at];
	c->cols[at] = c->cols[to];
	c->cols[to] = t;
	v->lineno = (size_t)to; /* the shown columns are the first lines, in order */
}

static void resize(struct view *v, struct rv_col_choice *c, const struct rv_col_def *def, int by)
{
	const struct columns_state *st = v->data;
	int at = rv_choice_find(c, def->name);
	if (at < 0) {
		app_message(v->app, C_DIM, "Show the column first (Space).");
		return;
	}
	if (def->fit == RV_FIT_FLEX) {
		app_message(v->app, C_DIM, "%s takes what the other columns leave: widen or narrow those.", def->name);
		return;
	}
	int w = c->cols[at].width;
	if (!w) {
		int natural = st->natural[def - st->set.defs];
		w = def->fit == RV_FIT_FIXED ? def->width : def->fit == RV_FIT_SHARE ? 20
			: natural < def->min ? def->min : natural > def->width ? def->width : natural;
	}
	w += by;
	if (w < 1 || w > RV_COL_WIDTH_MAX)
		return;
	c->cols[at].width = w;
	app_message(v->app, C_DIM, "%s: %d wide", def->name, w);
}

static enum request columns_request(struct view *v, enum request req, struct line *line)
{
	struct columns_state *st = v->data;
	struct rv_col_choice *c = choice(v);
	if (req == REQ_COLUMNS_RESET) {
		rv_columns_default(&st->set, c);
		c->set = true;
		app_message(v->app, C_DIM, "The default columns of the %s list", rv_col_list_name(st->list));
		view_rebuild(v, v->width);
		return REQ_NONE;
	}
	bool mine = req == REQ_COLUMN_TOGGLE || req == REQ_COLUMN_EARLIER || req == REQ_COLUMN_LATER ||
		    req == REQ_COLUMN_WIDER || req == REQ_COLUMN_NARROWER || req == REQ_COLUMN_FIT || req == REQ_ENTER;
	if (!mine)
		return req;
	if (line->type != COLS_COLUMN) {
		app_message(v->app, C_DIM, "Not a column: the line shows the choice for the configuration.");
		return REQ_NONE;
	}
	const struct rv_col_def *def = &st->set.defs[line->ref];
	if (req == REQ_COLUMN_TOGGLE || req == REQ_ENTER)
		toggle(v, c, def);
	else if (req == REQ_COLUMN_EARLIER || req == REQ_COLUMN_LATER)
		move_column(v, c, def, req == REQ_COLUMN_LATER ? 1 : -1);
	else if (req == REQ_COLUMN_FIT) {
		int at = rv_choice_find(c, def->name);
		if (at >= 0)
			c->cols[at].width = 0;
	} else
		resize(v, c, def, req == REQ_COLUMN_WIDER ? 1 : -1);
	size_t keep = v->lineno;
	view_rebuild(v, v->width);
	if (req == REQ_COLUMN_EARLIER || req == REQ_COLUMN_LATER)
		v->lineno = keep; /* rebuild found the column by its def: the same line */
	return REQ_NONE;
}

static void columns_crumb(struct view *v, struct strbuf *out)
{
	const struct columns_state *st = v->data;
	sb_addf(out, "Columns of %s", rv_col_list_name(st->list));
}

static const struct keybinding columns_keys[] = {
	{{' ', false}, REQ_COLUMN_TOGGLE}, {{'J', false}, REQ_COLUMN_LATER}, {{'K', false}, REQ_COLUMN_EARLIER},
	{{'+', false}, REQ_COLUMN_WIDER},  {{'-', false}, REQ_COLUMN_NARROWER}, {{'=', false}, REQ_COLUMN_FIT},
	{{'0', false}, REQ_COLUMNS_RESET}, {{'_', false}, REQ_BACK},
};

static const struct request_note columns_notes[] = {
	{REQ_ENTER, "Show or hide the column under the cursor, as Space does"},
};

static const struct view_keymap columns_keymap = {
	columns_keys, KEYMAP_COUNT(columns_keys), columns_notes, KEYMAP_COUNT(columns_notes),
};

static const struct view_ops columns_ops = {
	.id = VIEW_COLUMNS,
	.scopes = SCOPE_MOVE | SCOPE_APP,
	.name = "columns",
	.keymap = &columns_keymap,
	.state_size = sizeof(struct columns_state),
	.open = columns_open,
	.draw = columns_draw,
	.request = columns_request,
	.crumb = columns_crumb,
	.header = columns_header,
};

struct view *columns_view_new(struct app *app, struct view *of, enum rv_col_list list)
{
	struct columns_state init = {.list = list};
	list_columns_measure(of, list, &init.set, init.natural);
	return view_new_with(app, &columns_ops, -1, -1, RV_RECS, &init);
}
