/*
 * view_help.c - the keys of the view it was opened from: that view's own keys (its keymap) and what
 * general keys do in it, then the general requests it serves, grouped, each with the keys that reach
 * it there (a user's binding replaces the default it takes over), and the requests left without a key.
 * Generated from the request table and the key tables, so that help and keys never drift apart.
 */
#include <string.h>

#include "recview/arena.h"
#include "recview/keys.h"
#include "recview/split.h"
#include "recview/text.h"
#include "recview/views.h"

enum { HELP_TITLE, HELP_BLANK, HELP_SECTION, HELP_KEY, HELP_NOTE, HELP_UNBOUND };

#define HELP_KEYS_MAX 32
#define HELP_TEXT_MIN 20

struct help_state {
	const struct view_ops *about; /* NULL: every request */
	unsigned shown_scopes;        /* what the screen offers besides the view's own: the split's keys */
	int keys_width;               /* the key column, fitted to the longest list of keys (at most a third of the width, 32) */
};

static const struct {
	unsigned scopes;
	const char *title;
} help_sections[] = {
	{SCOPE_MOVE, "Moving around"},
	{SCOPE_APP, "Views, jumps and undo"},
	{SCOPE_SEARCH, "Searching"},
	{SCOPE_FILTER | SCOPE_SORT, "Filtering and sorting"},
	{SCOPE_TAGS, "Tags"},
	{SCOPE_REC, "Changing the recommendation"},
	{SCOPE_ITEM, "Changing the item under the cursor"},
	{SCOPE_AGENDA, "The agenda"},
	{SCOPE_CONFLICT, "Settling conflicts"},
	{SCOPE_EXPORT, "Exporting"},
	{SCOPE_SPLIT, "The list and the page side by side"},
	{SCOPE_COLUMNS, "Columns"},
};

#define NSECTIONS (sizeof(help_sections) / sizeof(*help_sections))
#define SECTION_UNBOUND NSECTIONS

static const struct view_keymap *about_keymap(const struct view *v)
{
	const struct help_state *st = v->data;
	return st->about ? st->about->keymap : NULL;
}

static unsigned about_scopes(const struct view *v)
{
	const struct help_state *st = v->data;
	return st->about ? st->about->scopes | st->shown_scopes : ~0u;
}

/* Whether req is one of the view's own keys or has a note there (listed in its section, not again
 * under the general ones). */
static bool keymap_has(const struct view_keymap *km, enum request req)
{
	if (keys_keymap_binds(km, req))
		return true;
	for (size_t i = 0; km && i < km->nnotes; i++)
		if (km->notes[i].req == req)
			return true;
	return false;
}

static size_t keys_of(const struct view *v, enum request req, char *buf, size_t size)
{
	return keys_for_request_in(about_keymap(v), req, buf, size);
}

static int text_width_for(const struct view *v)
{
	const struct help_state *st = v->data;
	int w = v->width - st->keys_width - 1;
	return w > HELP_TEXT_MIN ? w : HELP_TEXT_MIN;
}

static void add_request(struct view *v, enum request req)
{
	const char *help = request_help(req);
	view_add_wrapped(v, HELP_KEY, (uint32_t)req, false, help, strlen(help), text_width_for(v));
}

/* The key column fits the longest list of keys shown, within HELP_KEYS_MAX. */
static void fit_keys_width(struct view *v)
{
	struct help_state *st = v->data;
	int most = v->width / 3 < HELP_KEYS_MAX ? v->width / 3 : HELP_KEYS_MAX;
	st->keys_width = 8;
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		char keys[96];
		if (!keys_of(v, (enum request)r, keys, sizeof(keys)))
			continue;
		int w = text_width(keys, strlen(keys)) + 1;
		if (w > st->keys_width)
			st->keys_width = w < most ? w : most;
	}
}

static void add_own_keys(struct view *v)
{
	const struct view_keymap *km = about_keymap(v);
	if (!km || (!km->nkeys && !km->nnotes))
		return;
	view_add_line(v, HELP_SECTION, (uint32_t)NSECTIONS + 1, false);
	for (size_t i = 0; i < km->nkeys; i++) {
		bool first = true;
		for (size_t k = 0; k < i; k++)
			first = first && km->keys[k].req != km->keys[i].req;
		char keys[96];
		if (first && keys_of(v, km->keys[i].req, keys, sizeof(keys)))
			add_request(v, km->keys[i].req);
	}
	for (size_t i = 0; i < km->nnotes; i++)
		view_add_wrapped(v, HELP_NOTE, (uint32_t)i, false, km->notes[i].help, strlen(km->notes[i].help),
				 text_width_for(v));
	view_add_line(v, HELP_BLANK, 0, false);
}

static void add_section(struct view *v, size_t section)
{
	bool headed = false;
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		enum request req = (enum request)r;
		char keys[96];
		if (!(request_scope(req) & help_sections[section].scopes & about_scopes(v)) ||
		    keymap_has(about_keymap(v), req) || !keys_of(v, req, keys, sizeof(keys)))
			continue;
		if (!headed)
			view_add_line(v, HELP_SECTION, (uint32_t)section, false);
		headed = true;
		add_request(v, req);
	}
	if (headed)
		view_add_line(v, HELP_BLANK, 0, false);
}

/* Requests the view serves that no key reaches there (a binding took their only key): by name, to bind. */
static void add_unbound(struct view *v)
{
	bool headed = false;
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		enum request req = (enum request)r;
		char keys[96];
		if (!(request_scope(req) & about_scopes(v) & ~(unsigned)SCOPE_VIEW) || keys_of(v, req, keys, sizeof(keys)))
			continue;
		if (!headed)
			view_add_line(v, HELP_SECTION, (uint32_t)SECTION_UNBOUND, false);
		headed = true;
		const char *help = request_help(req);
		view_add_wrapped(v, HELP_UNBOUND, (uint32_t)req, false, help, strlen(help), text_width_for(v));
	}
}

static bool help_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	fit_keys_width(v);
	view_add_line(v, HELP_TITLE, 0, false);
	view_add_line(v, HELP_BLANK, 0, false);
	add_own_keys(v);
	for (size_t i = 0; i < NSECTIONS; i++)
		add_section(v, i);
	add_unbound(v);
	return true;
}

static void draw_section(struct view *v, const struct line *line, struct draw *d)
{
	const struct help_state *st = v->data;
	if (line->ref == SECTION_UNBOUND) {
		draw_str(d, "Without a key here (bind KEY NAME in the config)", C_HEADING);
	} else if (line->ref == NSECTIONS + 1) {
		draw_str(d, "In the ", C_HEADING);
		draw_str(d, st->about->name, C_HEADING);
		draw_str(d, " view", C_HEADING);
	} else {
		draw_str(d, help_sections[line->ref].title, C_HEADING);
	}
}

static void draw_keys_column(struct view *v, const struct line *line, enum request req, struct draw *d)
{
	const struct help_state *st = v->data;
	char keys[96];
	if (line->sub == 0) {
		keys_of(v, req, keys, sizeof(keys));
		draw_field(d, keys, strlen(keys), st->keys_width, C_ID);
	} else {
		draw_spaces(d, st->keys_width, C_DEFAULT);
	}
	draw_spaces(d, 1, C_DEFAULT);
}

static void help_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct help_state *st = v->data;
	switch (line->type) {
	case HELP_TITLE:
		draw_str(d, "Keys of the ", C_HEADING);
		draw_str(d, st->about ? st->about->name : "every", C_HEADING);
		draw_str(d, st->about ? " view (? in another view shows its keys)" : " view", C_HEADING);
		return;
	case HELP_SECTION:
		draw_section(v, line, d);
		return;
	case HELP_KEY:
		draw_keys_column(v, line, (enum request)line->ref, d);
		draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
		return;
	case HELP_NOTE:
		draw_keys_column(v, line, about_keymap(v)->notes[line->ref].req, d);
		draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
		return;
	case HELP_UNBOUND: {
		char name[64];
		keys_request_config_name((enum request)line->ref, name, sizeof(name));
		if (line->sub == 0)
			draw_field(d, name, strlen(name), st->keys_width, C_DIM);
		else
			draw_spaces(d, st->keys_width, C_DEFAULT);
		draw_spaces(d, 1, C_DEFAULT);
		draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
		return;
	}
	default:
		return;
	}
}

static void help_crumb(struct view *v, struct strbuf *out)
{
	(void)v;
	sb_adds(out, "Help");
}

/* The files were read again: the view it came from still holds (its ops are not the model's). */
static void help_reload(struct view *v, long cursor_rec)
{
	(void)v;
	(void)cursor_rec;
}

static const struct view_ops help_ops = {
	.id = VIEW_HELP,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH,
	.name = "help",
	.state_size = sizeof(struct help_state),
	.open = help_open,
	.draw = help_draw,
	.crumb = help_crumb,
	.reload = help_reload,
};

struct view *help_view_new(struct app *app, const struct view *about)
{
	struct help_state init = {.about = about ? about->ops : NULL};
	/* A page in the split's pane (or a list beside its page) answers the split's keys too; a page on
	 * the whole screen does not list them. */
	if (split_current(app).shape != SPLIT_NONE)
		init.shown_scopes = SCOPE_SPLIT;
	return view_new_with(app, &help_ops, -1, -1, RV_RECS, &init);
}
