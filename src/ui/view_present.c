/*
 * view_present.c - walking a meeting through the agenda on a projector: what is walked through, the
 * moves between items, a one-line footer with the position and the meeting clock (the slide itself is
 * present_slide.c, the clock present_clock.c). Space, PgDn and Right go on; PgUp and Left go back; Enter opens the page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recview/arena.h"
#include "recview/app.h"
#include "recview/copy.h"
#include "recview/finding.h"
#include "recview/follow_ui.h"
#include "recview/prompt.h"
#include "recview/target.h"
#include "recview/keys.h"
#include "recview/entity.h"
#include "recview/decided.h"
#include "recview/items.h"
#include "recview/meeting.h"
#include "recview/query.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/views.h"
#include "recview/present.h"

static bool present_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	return present_slide_build(v);
}

/* The clock of the current item runs while the walkthrough is on screen, and while the page or the
 * overview opened from it is (reading the item's page is still discussing it). */
static void tick(struct view *v)
{
	struct present_state *st = v->data;
	double now = rv_meeting_seconds();
	if (st->n && (v->app->last_drawn == v || st->away))
		rv_session_add_time(v->app->session, st->recs[st->at], now - st->shown_at);
	st->shown_at = now;
	st->away = false;
}

double present_time_on(const struct present_state *st, const struct rv_session *s, size_t rec)
{
	double spent = rv_session_time_on(s, rec);
	if (st->away && st->n && st->recs[st->at] == rec)
		spent += rv_meeting_seconds() - st->shown_at;
	return spent;
}

/* Opens a view over the walkthrough with the item's clock running on. */
static void open_away(struct view *v, struct view *over)
{
	struct present_state *st = v->data;
	tick(v);
	app_open(v->app, over);
	st->away = true;
}

/* "3 / 12": where the walkthrough is; then, when the slide is taller than the screen, which way it
 * continues, so that nothing is cut without a word. */
static void footer_position(struct view *v, const struct present_state *st, struct draw *d)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "  %zu / %zu", st->at + 1, st->n);
	draw_str(d, buf, C_HEADING);
	size_t height = (size_t)app_body_height(v);
	bool below = v->offset + height < v->nlines, above = v->offset > 0;
	if (!below && !above)
		return;
	draw_str(d, "  ", C_DEFAULT);
	if (below)
		draw_str(d, d->ascii ? "v" : "\xE2\x96\xBC", C_WARNING); /* ▼ */
	if (above)
		draw_str(d, d->ascii ? "^" : "\xE2\x96\xB2", C_WARNING); /* ▲ */
	/* Short: at 80 columns the clock needs the room (the help says what j and k do here). */
	snprintf(buf, sizeof(buf), below && above ? " j k" : below ? " j" : " k");
	draw_str(d, buf, C_WARNING);
}

/* The footer, part by part: the position, then the meeting clock (present_clock.c). */
static void present_footer(struct view *v, struct draw *d)
{
	struct present_state *st = v->data;
	tick(v);
	if (!st->n)
		return;
	char follow[512];
	enum color follow_color = C_DIM;
	bool following = present_followers_text(v, follow, sizeof(follow), &follow_color);
	footer_position(v, st, d);
	/* The clock gives up its words and its bar before the followers' part is cut. */
	present_clock_draw(v, d, following ? text_width(follow, strlen(follow)) : 0);
	if (following)
		draw_text(d, follow, strlen(follow), follow_color);
}

static void go_to(struct view *v, size_t at)
{
	struct present_state *st = v->data;
	tick(v);
	st->at = at;
	view_clear_lines(v);
	(void)present_slide_build(v); /* it never refuses */
	v->lineno = v->offset = 0;
}

/* Whether a line counts for the scroll mark (present.h), and whether it starts a paragraph (not a
 * wrapped text's next row, nor the block letters' lower rows). What was recorded after the date is
 * not counted: a follower that hides it (its own as-of-later) comes to the same text. */
static bool counted(const struct line *l)
{
	return l->type != PL_BLANK && l->type != PL_DECIDED && !(l->type == PL_HEADING && l->ref == 1) &&
	       l->type != PL_LATER && l->type != PL_LATER_TEXT;
}

static bool starts_paragraph(const struct line *l)
{
	return counted(l) && l->sub == 0;
}

size_t present_scroll_mark(const struct view *v)
{
	if (!v->offset)
		return 0;
	/* The paragraph of the first counted row at the top of the screen or below it. */
	size_t started = 0, i = 0;
	for (; i < v->nlines; i++) {
		started += starts_paragraph(&v->lines[i]);
		if (i >= v->offset && counted(&v->lines[i]))
			break;
	}
	return started;
}

void present_scroll_to_mark(struct view *v, size_t mark)
{
	size_t i = 0;
	if (mark) {
		for (size_t started = 0; i < v->nlines; i++)
			if (starts_paragraph(&v->lines[i]) && ++started == mark)
				break;
		if (i >= v->nlines)
			i = v->nlines ? v->nlines - 1 : 0;
	}
	v->offset = i;
	view_move_to(v, i, app_body_height(v)); /* no further than the last screenful */
}

bool present_go_to_rec(struct view *v, long rec)
{
	struct present_state *st = v->data;
	for (size_t i = 0; i < st->n; i++)
		if ((long)st->recs[i] == rec) {
			go_to(v, i);
			return true;
		}
	return false;
}

/* Tab after ':' in the walkthrough: the ids of its own items only. */
static void complete_walk_id(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	const struct present_state *st = data;
	char **names = xcalloc(st->n + 1, sizeof(*names));
	for (size_t i = 0; i < st->n; i++) {
		struct rv_text id = rv_rec_field(app->m, st->recs[i], REC_ID);
		names[i] = xcalloc(id.len + 1, 1);
		memcpy(names[i], id.ptr, id.len);
	}
	char prefix[256];
	snprintf(prefix, sizeof(prefix), "%s", text->data ? text->data : "");
	finding_complete(app, text, cursor, 0, prefix, (const char *const *)names, st->n, "");
	for (size_t i = 0; i < st->n; i++)
		free(names[i]);
	free(names);
}

/* ':' in the walkthrough goes to one of its items (an id or a number, as ':' takes them) and stays in it. */
void present_jump(struct view *v)
{
	struct present_state *st = v->data;
	struct prompt_hooks hooks = {.complete = complete_walk_id, .data = st};
	struct strbuf text;
	sb_init(&text);
	snprintf(v->app->hint, sizeof(v->app->hint), "an item of this walkthrough: its id or number; Tab completes");
	bool ok = prompt_read(v->app, ":", &text, &hooks);
	v->app->hint[0] = '\0';
	if (ok && text.len) {
		struct rv_target t;
		char err[320];
		long here = st->n ? (long)st->recs[st->at] : -1;
		if (!rv_target_resolve(v->app->m, text.data, here, &t, err, sizeof(err)))
			app_message(v->app, C_ERROR, "%s", err);
		else if (!present_go_to_rec(v, t.rec))
			app_message(v->app, C_ERROR, "Not an item of this walkthrough");
	}
	sb_free(&text);
}

/* Space, PgDn and Right go to the next item, PgUp and Left to the previous one, Enter opens its page. */
static enum request present_request(struct view *v, enum request req, struct line *line)
{
	struct present_state *st = v->data;
	(void)line;
	if (req == REQ_NEXT_ITEM || req == REQ_PREV_ITEM) {
		bool next = req == REQ_NEXT_ITEM;
		if (next && st->at + 1 < st->n)
			go_to(v, st->at + 1);
		else if (!next && st->at > 0)
			go_to(v, st->at - 1);
		else
			app_message(v->app, C_DIM, next ? "This is the last item." : "This is the first item.");
		return REQ_NONE;
	}
	if (req == REQ_OVERVIEW) {
		open_away(v, overview_view_new(v->app, v));
		return REQ_NONE;
	}
	if (req == REQ_ENTER && st->n) {
		open_away(v, rec_view_new(v->app, st->recs[st->at]));
		return REQ_NONE;
	}
	return req;
}

static const struct keybinding present_keys[] = {
	{{' ', false}, REQ_NEXT_ITEM},      {{KEY_NPAGE, true}, REQ_NEXT_ITEM}, {{KEY_RIGHT, true}, REQ_NEXT_ITEM},
	{{KEY_PPAGE, true}, REQ_PREV_ITEM}, {{KEY_LEFT, true}, REQ_PREV_ITEM}, {{'=', false}, REQ_OVERVIEW},
	{{'M', false}, REQ_WRITE_MINUTES},
};

static const struct request_note present_notes[] = {
	{REQ_ENTER, "Open the page of the item shown (Backspace comes back to the walkthrough)"},
	{REQ_MOVE_DOWN, "Scroll a slide taller than the screen (the footer shows \xE2\x96\xBC while it continues below)"},
	{REQ_MOVE_UP, "Scroll it back up (the footer shows \xE2\x96\xB2 while there is more above)"},
};

static const struct view_keymap present_keymap = {
	present_keys, KEYMAP_COUNT(present_keys), present_notes, KEYMAP_COUNT(present_notes),
};

static long present_current_rec(struct view *v)
{
	struct present_state *st = v->data;
	return st->n ? (long)st->recs[st->at] : -1;
}

static void present_crumb(struct view *v, struct strbuf *out)
{
	struct present_state *st = v->data;
	sb_addf(out, "Walkthrough %zu/%zu", st->n ? st->at + 1 : 0, st->n);
}

static void present_done(struct view *v)
{
	struct present_state *st = v->data;
	if (st) {
		tick(v);
		free(st->recs);
		rv_files_decided_free(st->decided, st->ndecided);
		/* minutes-on-leave = yes: leaving the walkthrough writes its minutes, without a question. */
		if (v->app->opt && v->app->opt->minutes_on_leave && v->app->session && v->app->running)
			minutes_write(v->app, false);
	}
}

/* What is walked through: the agenda, else the list as filtered and sorted now. */
static void select_recs(struct present_state *st, struct app *app)
{
	const struct rv_session *s = app->session;
	free(st->recs);
	st->n = 0;
	st->recs = xcalloc(app->m->nrecs + 1, sizeof(*st->recs));
	if (st->from == PRESENT_AGENDA) {
		for (size_t i = 0; i < s->nagenda; i++)
			st->recs[st->n++] = s->agenda[i].rec;
	} else if (st->from == PRESENT_FOLLOW) {
		st->n = follow_walk_items(app, st->recs);
	} else {
		st->n = rv_query_select_as_of(app->m, app->query, app->as_of, (enum rv_sort_key)app->sort_key,
					      app->sort_reverse, st->recs);
	}
}

/* After the files were read again: the same walkthrough, on the same recommendation when it is still there. */
static void present_reload(struct view *v, long cursor_rec)
{
	struct present_state *st = v->data;
	select_recs(st, v->app);
	st->at = 0;
	for (size_t i = 0; i < st->n; i++)
		if ((long)st->recs[i] == (cursor_rec >= 0 ? cursor_rec : v->rec))
			st->at = i;
}

static const struct view_ops present_ops = {
	.id = VIEW_PRESENT,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_REC | SCOPE_AGENDA,
	.reload = present_reload,
	.name = "walkthrough",
	.state_size = sizeof(struct present_state),
	.open = present_open,
	.draw = present_slide_draw,
	.request = present_request,
	.crumb = present_crumb,
	.keymap = &present_keymap,
	.footer = present_footer,
	.fullscreen = true,
	.current_rec = present_current_rec,
	.done = present_done,
};

struct view *present_view_new(struct app *app, enum present_source from)
{
	struct present_state init = {0};
	init.from = from;
	select_recs(&init, app);
	init.shown_at = rv_meeting_seconds();
	return view_new_with(app, &present_ops, -1, -1, RV_RECS, &init);
}

struct view *present_view_choose(struct app *app)
{
	const char *pref = app->opt ? app->opt->present : NULL;
	struct view *cur = app_current(app);
	if (follow_active(app))
		return follow_present_again(app); /* a follower shows what the presenter shows */
	if (!app->session->nagenda)
		return present_view_new(app, PRESENT_LIST);
	if ((cur && cur->ops->id == VIEW_AGENDA) || (pref && strcmp(pref, "agenda") == 0))
		return present_view_new(app, PRESENT_AGENDA);
	if (pref && strcmp(pref, "list") == 0)
		return present_view_new(app, PRESENT_LIST);
	struct key key;
	if (!copy_ask_key(app, "Present: a the agenda, l the list as filtered now (Esc: nothing) ", &key) || key.is_fn)
		return NULL;
	if (key.code == 'a')
		return present_view_new(app, PRESENT_AGENDA);
	if (key.code == 'l')
		return present_view_new(app, PRESENT_LIST);
	return NULL;
}
