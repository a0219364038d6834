/*
 * split.c - the page of the item under a list's cursor beside the list (split.h). The page is an
 * ordinary view (view_rec.c, view_item.c) kept out of the view stack: screen.c draws it into its
 * region and it is made again whenever the list's cursor reaches another item.
 */
#include "recview/split.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "recview/app.h"
#include "recview/arena.h"
#include "recview/config.h"
#include "recview/script.h"
#include "recview/views.h"

struct split {
	enum split_mode mode;
	int ratio;
	bool focus_page;      /* the keys go to the page */
	bool acting;          /* a request of the page is running: app_current is the page */
	struct view *page;    /* NULL until a list with room for it is in front */
	struct rv_item shown; /* what page shows (RV_RECS: a recommendation's page) */
};

void split_page_stale(struct app *app)
{
	struct split *s = app->split;
	if (s && s->page)
		s->page->built.generation = ~0ul;
}

void split_init(struct app *app)
{
	struct split *s = xcalloc(1, sizeof(*s));
	s->mode = (enum split_mode)app->opt->split;
	s->ratio = app->opt->split_ratio ? split_clamp_ratio(app->opt->split_ratio) : SPLIT_RATIO_DEFAULT;
	app->split = s;
}

static void drop_page(struct split *s)
{
	view_free(s->page);
	s->page = NULL;
	s->focus_page = false;
}

void split_free(struct app *app)
{
	if (!app->split)
		return;
	drop_page(app->split);
	free(app->split);
	app->split = NULL;
}

/* The view on top of the stack, with no refreshing (app_current may be the page). */
static struct view *top_view(struct app *app)
{
	return app->depth ? app->stack[app->depth - 1] : NULL;
}

static bool splits(const struct view *v)
{
	return v && !v->ops->fullscreen && (v->ops->scopes & SCOPE_SPLIT);
}

struct split_layout split_current(struct app *app)
{
	struct split *s = app->split;
	if (!s || app_screen_too_small() || !splits(top_view(app)))
		return split_layout(COLS, LINES, SPLIT_OFF, SPLIT_RATIO_DEFAULT);
	return split_layout(COLS, LINES, s->mode, s->ratio);
}

bool split_region(struct app *app, const struct view *v, struct split_rect *out)
{
	if (!app || !app->split || !v)
		return false;
	struct split_layout l = split_current(app);
	if (l.shape == SPLIT_NONE)
		return false;
	if (v == top_view(app))
		*out = l.list;
	else if (v == app->split->page)
		*out = l.page;
	else
		return false;
	return true;
}

/* What the page beside list shows: the row's own page for a deliverable, question or history entry,
 * else the page of the recommendation (a note: its recommendation's page, on the note). */
static bool page_target(struct app *app, struct view *list, struct rv_item *out)
{
	if (children_view_current_row(list, out))
		return true;
	if (list->ops->line_item && list->nlines && list->ops->line_item(list, &list->lines[list->lineno], out))
		return out->kind != RV_REVIEWS;
	if (view_current_item(list, out))
		return true;
	long rec = view_current_rec(list);
	if (rec < 0 || (size_t)rec >= app->m->nrecs)
		return false;
	*out = (struct rv_item){RV_RECS, (size_t)rec};
	return true;
}

static struct view *page_new(struct app *app, struct rv_item it)
{
	if (it.kind == RV_RECS)
		return rec_view_new(app, it.index);
	if (it.kind == RV_NOTES) {
		long rec = rv_item_rec(app->m, it);
		return rec >= 0 ? rec_view_new_at(app, (size_t)rec, it) : NULL;
	}
	return item_view_new(app, it.kind, it.index);
}

struct view *split_sync(struct app *app)
{
	struct split *s = app->split;
	struct split_layout l = split_current(app);
	if (!s || l.shape == SPLIT_NONE) {
		if (s && s->page)
			drop_page(s);
		return NULL;
	}
	struct rv_item it;
	if (!page_target(app, top_view(app), &it)) {
		drop_page(s);
		return NULL;
	}
	if (!s->page || s->shown.kind != it.kind || s->shown.index != it.index) {
		bool focus = s->focus_page;
		drop_page(s);
		s->page = page_new(app, it);
		s->shown = it;
		s->focus_page = focus && s->page;
		if (!s->page)
			return NULL;
	}
	view_refresh(s->page);
	if (s->page->width != l.page.w)
		view_rebuild(s->page, l.page.w);
	return s->page;
}

struct view *split_focused_page(struct app *app)
{
	struct split *s = app->split;
	if (!s || !s->focus_page || !s->page || split_current(app).shape == SPLIT_NONE)
		return NULL;
	return s->page;
}

struct view *split_acting(struct app *app)
{
	return app->split && app->split->acting ? app->split->page : NULL;
}

void split_set_acting(struct app *app, bool on)
{
	if (app->split)
		app->split->acting = on && app->split->page;
}

void split_drop_page(struct app *app)
{
	if (app->split)
		drop_page(app->split);
}

void split_view_opened(struct app *app)
{
	if (app->split) {
		app->split->focus_page = false;
		app->split->acting = false;
	}
}

/*
 * The ratio is kept in the configuration file at once (split-ratio = N), so that the next start has
 * it; a key script never writes the user's file.
 */
static void save_ratio(struct app *app, char *said, size_t saidsize)
{
	char value[16], err[300];
	snprintf(value, sizeof(value), "%d", app->split->ratio);
	if (app->script) {
		snprintf(said, saidsize, "not saved from a key script");
		return;
	}
	char *fallback = app->opt->config_path ? NULL : config_default_path();
	const char *path = app->opt->config_path ? app->opt->config_path : fallback;
	if (config_save_setting(path, "split-ratio", value, err, sizeof(err)))
		snprintf(said, saidsize, "split-ratio = %s saved in %s", value, path);
	else
		snprintf(said, saidsize, "not saved: %s", err);
	free(fallback);
}

static void say_ratio(struct app *app)
{
	struct split_layout l = split_current(app);
	int shown = l.shape == SPLIT_SIDE ? l.list.w : l.list.h;
	char said[400];
	save_ratio(app, said, sizeof(said));
	app_message(app, C_DIM, "Split: list %d%% (%d %s); %s", app->split->ratio, shown,
		    l.shape == SPLIT_SIDE ? "columns" : "rows", said);
}

static void toggle(struct app *app)
{
	struct split *s = app->split;
	if (split_current(app).shape != SPLIT_NONE) {
		s->mode = SPLIT_OFF;
		drop_page(s);
		app_message(app, C_DIM, "Split off: | shows it again (split = off in the config keeps it off)");
		return;
	}
	s->mode = SPLIT_ON;
	if (!splits(top_view(app)))
		app_message(app, C_DIM, "Split on: lists show the page of the item under the cursor beside them");
	else if (split_current(app).shape == SPLIT_NONE)
		app_message(app, C_WARNING, "Split on, but the terminal has no room for it");
	else
		app_message(app, C_DIM, "Split on: C-w moves the keys to the page, { } resize it");
}

bool split_request(struct app *app, enum request req)
{
	struct split *s = app->split;
	if (!s)
		return false;
	bool shown = split_current(app).shape != SPLIT_NONE;
	switch (req) {
	case REQ_SPLIT_TOGGLE:
		toggle(app);
		return true;
	case REQ_SPLIT_FOCUS:
		if (!shown || !split_sync(app))
			app_message(app, C_DIM, "No page beside this view (| shows the split in lists).");
		else
			s->focus_page = !s->focus_page;
		return true;
	case REQ_SPLIT_NARROWER:
	case REQ_SPLIT_WIDER:
		s->ratio = split_clamp_ratio(s->ratio + (req == REQ_SPLIT_WIDER ? SPLIT_RATIO_STEP : -SPLIT_RATIO_STEP));
		if (shown) {
			say_ratio(app);
		} else {
			char said[400];
			save_ratio(app, said, sizeof(said));
			app_message(app, C_DIM, "No split here; the list gets %d%% of it (%s)", s->ratio, said);
		}
		return true;
	default:
		return false;
	}
}

/* Requests the page answers itself while it has the keys; the rest (views, filters, tags...) are the
 * list's, as when the list has them. */
static bool page_answers(const struct view *page, enum request req)
{
	unsigned own = SCOPE_MOVE | SCOPE_SEARCH | SCOPE_REC | SCOPE_ITEM | SCOPE_EXPORT | SCOPE_VIEW;
	if (req == REQ_VIEW_HELP || keys_keymap_binds(page->ops->keymap, req))
		return true;
	return (request_scope(req) & page->ops->scopes & own) != 0;
}

enum split_key split_key(struct app *app, struct key key, enum request *req)
{
	struct view *page = split_focused_page(app);
	if (!page)
		return SPLIT_KEY_NOT_MINE;
	if (page->ops->key && page->ops->key(page, key))
		return SPLIT_KEY_DONE;
	*req = keys_lookup_in(page->ops->keymap, key);
	if (*req == REQ_BACK || *req == REQ_QUIT_VIEW) {
		/* Leaving the page means going back to the list beside it. */
		app->split->focus_page = false;
		return SPLIT_KEY_DONE;
	}
	if (*req == REQ_NONE || request_scope(*req) == SCOPE_SPLIT || *req == REQ_FORWARD || !page_answers(page, *req))
		return SPLIT_KEY_NOT_MINE;
	return SPLIT_KEY_ON_PAGE;
}

static bool inside(const struct split_rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

struct view *split_view_at(struct app *app, int y, int x, bool focus)
{
	struct split *s = app->split;
	struct split_layout l = split_current(app);
	if (!s || l.shape == SPLIT_NONE || !s->page)
		return NULL;
	struct view *v = inside(&l.page, y, x) ? s->page : inside(&l.list, y, x) ? top_view(app) : NULL;
	if (v && focus)
		s->focus_page = v == s->page;
	return v;
}
