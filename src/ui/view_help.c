/* view_help.c - every key, generated from the request table and the key table. */
#include <string.h>

#include "recview/arena.h"
#include "recview/keys.h"
#include "recview/views.h"

enum { HELP_TITLE, HELP_KEY, HELP_BLANK };

static void help_open(struct view *v)
{
	view_add_line(v, HELP_TITLE, 0, false);
	view_add_line(v, HELP_BLANK, 0, false);
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++)
		view_add_line(v, HELP_KEY, (uint32_t)r, false);
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
	if (line->type != HELP_KEY)
		return;
	char keys[96];
	keys_for_request((enum request)line->ref, keys, sizeof(keys));
	draw_field(d, keys, strlen(keys), 24, C_ID);
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
	if (about)
		v->data = xstrdup(about->ops->name);
	return v;
}
