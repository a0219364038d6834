/* view_text.c - a page of plain text (what moved between two dates), wrapped to the width. */
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/views.h"

enum { TX_LINE };

struct text_state {
	char *title;
	char *text;
};

static bool text_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct text_state *st = v->data;
	view_add_wrapped(v, TX_LINE, 0, false, st->text, strlen(st->text), v->width - 2 > 10 ? v->width - 2 : 10);
	return true;
}

static void text_draw(struct view *v, const struct line *line, struct draw *d)
{
	draw_str(d, " ", C_DEFAULT);
	draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
}

static void text_crumb(struct view *v, struct strbuf *out)
{
	sb_adds(out, ((struct text_state *)v->data)->title);
}

static void text_done(struct view *v)
{
	struct text_state *st = v->data;
	free(st->title);
	free(st->text);
}

/* The files were read again: the text is kept as it was made (it holds nothing of the model's). */
static void text_reload(struct view *v, long cursor_rec)
{
	(void)v;
	(void)cursor_rec;
}

static const struct view_ops text_ops = {
	.id = VIEW_TEXT,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH,
	.name = "text",
	.state_size = sizeof(struct text_state),
	.open = text_open,
	.draw = text_draw,
	.crumb = text_crumb,
	.reload = text_reload,
	.done = text_done,
};

struct view *text_view_new(struct app *app, const char *title, const char *text)
{
	struct text_state init = {.title = xstrdup(title), .text = xstrdup(text)};
	return view_new_with(app, &text_ops, -1, -1, RV_RECS, &init);
}
