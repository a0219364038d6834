/* view_help.c - every key, generated from the request table and the key table, then what keys do in
 * the view it was opened from (REQUEST_IN_VIEW_TABLE). */
#include <string.h>

#include "recview/arena.h"
#include "recview/keys.h"
#include "recview/views.h"

enum { HELP_TITLE, HELP_KEY, HELP_BLANK, HELP_IN_VIEW, HELP_NOTE };

#define HELP_KEYS_WIDTH 24

static void help_open(struct view *v)
{
	view_add_line(v, HELP_TITLE, 0, false);
	view_add_line(v, HELP_BLANK, 0, false);
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++)
		view_add_line(v, HELP_KEY, (uint32_t)r, false);
	enum request req;
	const char *help;
	int width = v->width - HELP_KEYS_WIDTH - 2 > 20 ? v->width - HELP_KEYS_WIDTH - 2 : 20;
	for (size_t i = 0; request_in_view(v->data, i, &req, &help); i++) {
		if (i == 0) {
			view_add_line(v, HELP_BLANK, 0, false);
			view_add_line(v, HELP_IN_VIEW, 0, false);
		}
		view_add_wrapped(v, HELP_NOTE, (uint32_t)i, false, help, strlen(help), width);
	}
}

/* The request of the i-th entry for the view the help is about. */
static enum request note_request(const struct view *v, uint32_t i)
{
	enum request req = REQ_NONE;
	const char *help;
	request_in_view(v->data, i, &req, &help);
	return req;
}

static void help_draw(struct view *v, const struct line *line, struct draw *d)
{
	if (line->type == HELP_TITLE) {
		const char *about = v->data ? (const char *)v->data : "recommendations";
		draw_str(d, "Keys (you came from the ", C_HEADING);
		draw_str(d, about, C_HEADING);
		draw_str(d, " view)", C_HEADING);
		return;
	}
	if (line->type == HELP_IN_VIEW) {
		draw_str(d, "In the ", C_HEADING);
		draw_str(d, (const char *)v->data, C_HEADING);
		draw_str(d, " view", C_HEADING);
		return;
	}
	char keys[96];
	if (line->type == HELP_NOTE) {
		keys_for_request(note_request(v, line->ref), keys, sizeof(keys));
		if (line->sub == 0)
			draw_field(d, keys, strlen(keys), HELP_KEYS_WIDTH, C_ID);
		else
			draw_spaces(d, HELP_KEYS_WIDTH, C_DEFAULT);
		draw_spaces(d, 1, C_DEFAULT);
		draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
		return;
	}
	if (line->type != HELP_KEY)
		return;
	keys_for_request((enum request)line->ref, keys, sizeof(keys));
	draw_field(d, keys, strlen(keys), HELP_KEYS_WIDTH, C_ID);
	draw_spaces(d, 1, C_DEFAULT);
	draw_str(d, request_help((enum request)line->ref), C_DEFAULT);
}

static void help_crumb(struct view *v, struct strbuf *out)
{
	(void)v;
	sb_adds(out, "Help");
}

/* The files were read again: the name of the view it came from still holds (it is not the model's). */
static void help_reload(struct view *v, long cursor_rec)
{
	(void)v;
	(void)cursor_rec;
}

static const struct view_ops help_ops = {
	.name = "help",
	.open = help_open,
	.draw = help_draw,
	.crumb = help_crumb,
	.reload = help_reload,
};

struct view *help_view_new(struct app *app, const struct view *about)
{
	struct view *v = view_new(app, &help_ops, -1, -1, RV_RECS);
	if (about) {
		v->data = xstrdup(about->ops->name);
		view_rebuild(v, v->width); /* with what keys do in that view */
	}
	return v;
}
