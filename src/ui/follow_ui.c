/*
 * follow_ui.c - the presenter's side of a shared walkthrough (its file written, its followers
 * counted) and the follower's (the file watched, the walkthrough moved with it, a waiting screen).
 * See follow_ui.h; the files are follow.c's.
 */
#include "recview/follow_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recview/app.h"
#include "recview/as_of.h"
#include "recview/arena.h"
#include "recview/clock.h"
#include "recview/entity.h"
#include "recview/follow.h"
#include "recview/present.h"
#include "recview/store_watch.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"

/* How often a follower looks at the presenter's file (the watch's inotify events make it quick). */
#define FOLLOW_LOOK_MS 250

struct follow {
	bool following;          /* --follow */
	struct rv_follow_me me;
	char *dir;               /* the data directory, resolved */
	/* The presenter. */
	bool published;          /* our file is there */
	struct rv_follow_state last; /* what it says */
	uint64_t seq;
	double next_beat;        /* when it is written again anyway */
	unsigned long generation; /* of the model the ids were taken from */
	char blocked[400];       /* why the walkthrough is not shared, or "" */
	char walk_started[32];   /* when the walkthrough shared now was first seen open ("" none) */
	size_t nfollowers;
	double next_count;
	/* The follower. */
	struct rv_store_watch watch;
	struct rv_file_stamp stamp; /* the presenter's file as last read */
	bool looked;             /* read at least once */
	bool have;               /* state holds a file that parsed */
	struct rv_follow_state state;
	char why[300];           /* why the file cannot be followed, or "" */
	bool live;               /* a presenter is there */
	char last_by[2 * RV_FOLLOW_NAME_MAX + 2]; /* user@host of the last one followed, or "" */
	bool detached;           /* moved on one's own */
	long placed_rec;         /* where following put the walkthrough */
	int32_t own_as_of;       /* the date in force before following set the presenter's */
	int own_as_of_later;     /* and whether later records were hidden or dimmed (as_of_later) */
	int fd;                  /* our follower's file */
	double next_touch, next_look;
};

static double wall_now(void)
{
	return (double)time(NULL);
}

bool follow_active(const struct app *app)
{
	return app->follow && app->follow->following;
}

/* ---- the views ---- */

static bool is_walk(const struct view *v, bool following)
{
	if (v->ops->id != VIEW_PRESENT)
		return false;
	const struct present_state *st = v->data;
	return (st->from == PRESENT_FOLLOW) == following;
}

/* The topmost walkthrough of the kind asked for on the stack (a page opened from it keeps it open). */
static struct view *walk_on_stack(const struct app *app, bool following)
{
	for (size_t i = app->depth; i-- > 0;)
		if (is_walk(app->stack[i], following))
			return app->stack[i];
	return NULL;
}

static long walk_rec(struct view *v)
{
	const struct present_state *st = v->data;
	return st->n ? (long)st->recs[st->at] : -1;
}

/* ---- the presenter ---- */

/*
 * When the meeting whose changes a follower's slide lists (rv_files_decided) began: when the
 * walkthrough started, or the session's first change in effect when that is earlier (the presenter's
 * slide lists every change of its session).
 */
static void meeting_since(struct app *app, struct follow *f, char out[20])
{
	const struct rv_session *s = app->session;
	if (!f->walk_started[0])
		rv_now(f->walk_started);
	const char *since = f->walk_started;
	if (s->applied && strcmp(s->changes[0].time, since) < 0)
		since = s->changes[0].time;
	snprintf(out, 20, "%.19s", since);
}

/* The meeting: since then, by the session's author; an author the file cannot carry is left out
 * (then anyone's rows since then are listed). */
static void presenter_meeting(struct app *app, struct follow *f, struct rv_follow_state *out)
{
	meeting_since(app, f, out->since);
	const char *author = app->session->author;
	if (author && rv_follow_author_ok(author))
		snprintf(out->author, sizeof(out->author), "%s", author);
}

/* The walkthrough as the file tells it; false when nothing differs from what was written. */
static bool presenter_state(struct app *app, struct follow *f, struct view *v, struct rv_follow_state *out)
{
	const struct present_state *st = v->data;
	memset(out, 0, sizeof(*out));
	out->by = f->me;
	out->as_of = app->as_of;
	out->later_dim = app->as_of_later == RV_AS_OF_DIM;
	out->n = st->n > RV_FOLLOW_ITEMS_MAX ? RV_FOLLOW_ITEMS_MAX : st->n;
	out->at = st->at < out->n ? st->at : 0;
	out->scroll = present_scroll_mark(v);
	presenter_meeting(app, f, out);
	out->ids = xcalloc(out->n + 1, sizeof(*out->ids));
	for (size_t i = 0; i < out->n; i++) {
		struct rv_text id = rv_rec_id(app->m, st->recs[i]);
		out->ids[i] = xcalloc(id.len + 1, 1);
		memcpy(out->ids[i], id.ptr, id.len);
	}
	return !f->published || !rv_follow_state_same_view(out, &f->last);
}

/* Someone else presents in this directory now: then ours is not shared. */
static bool other_presenter(struct follow *f)
{
	struct rv_follow_state there;
	char err[8];
	bool other = false;
	if (rv_follow_read(f->dir, &there, NULL, err, sizeof(err)) == RV_OK) {
		other = (there.by.pid != f->me.pid || strcmp(there.by.host, f->me.host) != 0) &&
			rv_follow_state_live(&there, &f->me, (int64_t)wall_now());
		if (other)
			snprintf(f->blocked, sizeof(f->blocked), "not shared: %s@%s presents here", there.by.user,
				 there.by.host);
		rv_follow_state_free(&there);
	}
	return other;
}

static bool presenter_publish(struct app *app, struct follow *f, struct view *v, double now)
{
	const struct present_state *st = v->data;
	bool same_model = f->generation == app->m->generation;
	char since[20];
	meeting_since(app, f, since);
	bool moved = !f->published || !same_model || f->last.at != st->at || f->last.n != st->n ||
		     f->last.scroll != present_scroll_mark(v) || f->last.as_of != app->as_of ||
		     f->last.later_dim != (app->as_of_later == RV_AS_OF_DIM) || strcmp(f->last.since, since) != 0;
	if (!moved && now < f->next_beat)
		return false;
	struct rv_follow_state cur;
	bool changed = presenter_state(app, f, v, &cur);
	f->next_beat = now + RV_FOLLOW_HEARTBEAT_SECS;
	if (!f->published && other_presenter(f)) {
		rv_follow_state_free(&cur);
		return true;
	}
	cur.seq = changed ? ++f->seq : f->seq;
	cur.updated = (int64_t)wall_now();
	char err[300];
	bool was = f->published;
	if (rv_follow_publish(f->dir, &cur, err, sizeof(err)) == RV_OK) {
		f->published = true;
		f->blocked[0] = '\0';
	} else {
		snprintf(f->blocked, sizeof(f->blocked), "not shared: %s", err);
	}
	rv_follow_state_free(&f->last);
	f->last = cur;
	f->generation = app->m->generation;
	return was != f->published;
}

static void presenter_withdraw(struct follow *f)
{
	if (f->published)
		rv_follow_withdraw(f->dir, &f->me);
	f->published = false;
	f->walk_started[0] = '\0';
	rv_follow_state_free(&f->last);
	f->blocked[0] = '\0';
	f->nfollowers = 0;
}

static bool presenter_tick(struct app *app, struct follow *f, double now)
{
	struct view *v = walk_on_stack(app, false);
	if (!v) {
		bool was = f->published;
		presenter_withdraw(f);
		return was;
	}
	bool redraw = presenter_publish(app, f, v, now);
	if (f->published && now >= f->next_count) {
		size_t n = rv_follow_count(f->dir, (int64_t)wall_now());
		redraw |= n != f->nfollowers;
		f->nfollowers = n;
		f->next_count = now + 1;
	}
	return redraw;
}

/* ---- the follower ---- */

static void rebuild_waiting_views(struct app *app)
{
	for (size_t i = 0; i < app->depth; i++)
		if (app->stack[i]->ops->id == VIEW_FOLLOW)
			view_rebuild(app->stack[i], app->stack[i]->width);
}

/* Reads the presenter's file again (when the watch says it changed); false when it shows what it
 * showed before (a rewrite that only says the presenter is still there). */
static bool follower_read(struct follow *f)
{
	struct rv_follow_state fresh;
	char err[256] = "";
	enum rv_result r = rv_follow_read(f->dir, &fresh, &f->stamp, err, sizeof(err));
	if (r == RV_E_NOT_FOUND || !f->stamp.exists)
		memset(&f->stamp, 0, sizeof(f->stamp));
	bool same = r == RV_OK && f->have && rv_follow_state_same_view(&fresh, &f->state) &&
		    fresh.by.pid == f->state.by.pid && strcmp(fresh.by.host, f->state.by.host) == 0;
	rv_follow_state_free(&f->state);
	f->state = fresh;
	f->have = r == RV_OK;
	f->why[0] = '\0';
	if (r != RV_OK && r != RV_E_NOT_FOUND)
		snprintf(f->why, sizeof(f->why), "%s", err);
	return !same;
}

size_t follow_walk_items(struct app *app, uint32_t *recs)
{
	struct follow *f = app->follow;
	size_t n = 0;
	if (!f || !f->live)
		return 0;
	for (size_t i = 0; i < f->state.n && n < app->m->nrecs; i++) {
		long rec = rv_find_rec(app->m, f->state.ids[i], strlen(f->state.ids[i]));
		if (rec >= 0)
			recs[n++] = (uint32_t)rec;
	}
	return n;
}

/* The recommendation the presenter shows, in this data set (-1: not in it, or none). */
static long presenter_rec(const struct app *app, const struct follow *f)
{
	if (!f->live || !f->state.n)
		return -1;
	const char *id = f->state.ids[f->state.at];
	return rv_find_rec(app->m, id, strlen(id));
}

/* Puts the walkthrough on the presenter's item (or keeps it where it is, on one's own). */
static void place(struct app *app, struct follow *f, struct view *v)
{
	long here = walk_rec(v);
	long there = presenter_rec(app, f);
	v->ops->reload(v, here); /* the items again, as the file now has them */
	if (f->detached || there < 0 || !present_go_to_rec(v, there))
		(void)present_go_to_rec(v, walk_rec(v));
	else
		present_scroll_to_mark(v, f->state.scroll); /* where the presenter's slide is scrolled to */
	f->placed_rec = walk_rec(v);
}

static struct view *new_walk(struct app *app, struct follow *f)
{
	struct view *v = present_view_new(app, PRESENT_FOLLOW);
	if (v) {
		f->detached = false;
		place(app, f, v);
	}
	return v;
}

/* The presenter went: the walkthrough on screen closes, the waiting screen says so. */
static void presenter_gone(struct app *app, struct follow *f)
{
	struct view *v = walk_on_stack(app, true);
	if (v && app->stack[app->depth - 1] == v) {
		app_back(app);
		app_drop_forward(app);
	}
	app->as_of = f->own_as_of;
	app->as_of_later = f->own_as_of_later;
	f->detached = false;
	app_message(app, C_DIM, "The presenter left the walkthrough; waiting for the next one");
}

static void presenter_there(struct app *app, struct follow *f, bool started)
{
	app->as_of = f->state.as_of;
	app->as_of_later = f->state.later_dim ? RV_AS_OF_DIM : RV_AS_OF_HIDE; /* the presenter's, as its date */
	struct view *v = walk_on_stack(app, true);
	if (v) {
		place(app, f, v);
	} else if (app->depth && app->stack[app->depth - 1]->ops->id == VIEW_FOLLOW) {
		app_open(app, new_walk(app, f));
	} else if (started) {
		app_message(app, C_HEADING, "%s@%s presents a walkthrough: P follows it", f->state.by.user,
			    f->state.by.host);
	}
}

static bool follower_tick(struct app *app, struct follow *f, double now)
{
	if (now >= f->next_touch) {
		f->fd = rv_follow_touch(f->dir, &f->me, f->fd, (int64_t)wall_now());
		f->next_touch = now + RV_FOLLOW_TOUCH_SECS;
	}
	struct view *v = walk_on_stack(app, true);
	bool redraw = false;
	if (v && f->live && !f->detached && walk_rec(v) != f->placed_rec) {
		f->detached = true; /* moved here: on one's own until P */
		redraw = true;
	}
	if (now < f->next_look)
		return redraw;
	f->next_look = now + FOLLOW_LOOK_MS / 1000.0;
	bool changed = !f->looked;
	if (rv_store_watch_due(&f->watch, now) || changed) {
		const char *const names[] = {RV_FOLLOW_STATE};
		changed |= rv_store_watch_changed(&f->watch, &app->session->store, names, &f->stamp, 1, now);
	}
	f->looked = true;
	if (changed)
		changed = follower_read(f);
	bool live = f->have && rv_follow_state_live(&f->state, &f->me, (int64_t)wall_now());
	if (!changed && live == f->live)
		return redraw;
	bool started = live && !f->live;
	if (!live && f->live) {
		f->live = false;
		presenter_gone(app, f);
	} else if (live) {
		f->live = true;
		snprintf(f->last_by, sizeof(f->last_by), "%s@%s", f->state.by.user, f->state.by.host);
		presenter_there(app, f, started);
	}
	rebuild_waiting_views(app);
	return true;
}

struct view *follow_present_again(struct app *app)
{
	struct follow *f = app->follow;
	if (!f->live) {
		app_message(app, C_DIM, "Nobody presents in this data set yet: the walkthrough shows here when it starts");
		return NULL;
	}
	f->detached = false;
	struct view *v = app->depth ? app->stack[app->depth - 1] : NULL;
	if (v && is_walk(v, true)) {
		place(app, f, v);
		return NULL;
	}
	return new_walk(app, f);
}

/* ---- the waiting screen ---- */

enum { FL_HEAD, FL_TEXT, FL_BLANK };

static void add_text(struct view *v, uint16_t type, const char *s)
{
	view_add_wrapped(v, type, 0, false, s, strlen(s), v->width - 4 > 20 ? v->width - 4 : 20);
}

static bool follow_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct follow *f = v->app->follow;
	struct strbuf sb;
	sb_init(&sb);
	view_add_line(v, FL_BLANK, 0, false);
	if (f->live) {
		sb_addf(&sb, "%s@%s presents a walkthrough of %zu items here.", f->state.by.user, f->state.by.host,
			f->state.n);
		add_text(v, FL_HEAD, sb.data);
		view_add_line(v, FL_BLANK, 0, false);
		add_text(v, FL_TEXT, "P shows it and follows it again.");
	} else {
		sb_addf(&sb, "Waiting for a presenter in %s", v->app->m->dir);
		add_text(v, FL_HEAD, sb.data);
		view_add_line(v, FL_BLANK, 0, false);
		sb_reset(&sb);
		if (f->why[0])
			sb_addf(&sb, "%s cannot be followed: %s.", RV_FOLLOW_STATE, f->why);
		else if (f->have)
			sb_addf(&sb, "The walkthrough of %s@%s has ended.", f->state.by.user, f->state.by.host);
		else if (f->last_by[0])
			sb_addf(&sb, "The walkthrough of %s has ended.", f->last_by);
		else
			sb_adds(&sb, "Nobody presents yet.");
		add_text(v, FL_TEXT, sb.data);
		add_text(v, FL_TEXT, "When someone opens a walkthrough (P) on this data set, it shows here and moves "
				     "as theirs moves. This screen is read-only; q goes to the list, Q quits.");
	}
	sb_free(&sb);
	return true;
}

static void follow_draw(struct view *v, const struct line *line, struct draw *d)
{
	if (line->type == FL_BLANK)
		return;
	draw_str(d, "  ", C_DEFAULT);
	draw_text(d, view_line_text(v, line), line->len, line->type == FL_HEAD ? C_HEADING : C_DEFAULT);
}

static void follow_crumb(struct view *v, struct strbuf *out)
{
	(void)v;
	sb_adds(out, "Following");
}

static void follow_reload(struct view *v, long cursor_rec)
{
	(void)v;
	(void)cursor_rec; /* nothing of the model's is kept */
}

static const struct view_ops follow_ops = {
	.id = VIEW_FOLLOW,
	.scopes = SCOPE_MOVE | SCOPE_APP,
	.name = "following",
	.open = follow_open,
	.draw = follow_draw,
	.crumb = follow_crumb,
	.reload = follow_reload,
};

/* ---- the loop's part ---- */

void follow_start(struct app *app)
{
	if (app->script || !app->session->store.real)
		return;
	struct follow *f = xcalloc(1, sizeof(*f));
	f->following = app->opt && app->opt->follow;
	f->dir = xstrdup(app->session->store.real);
	f->fd = -1;
	f->placed_rec = -1;
	f->own_as_of = app->as_of;
	f->own_as_of_later = app->as_of_later;
	rv_follow_me_init(&f->me);
	app->follow = f;
	if (!f->following)
		return;
	const char *mode = getenv("RECVIEW_WATCH");
	double now = rv_monotonic_seconds();
	rv_store_watch_open(&f->watch, &app->session->store,
			    mode && strcmp(mode, "poll") == 0 ? RV_WATCH_POLL : RV_WATCH_NOTIFY, now);
	f->watch.interval = 1.0;
	f->watch.next_look = now + f->watch.interval;
	app_open(app, view_new(app, &follow_ops, -1, -1, RV_RECS));
}

void follow_stop(struct app *app)
{
	struct follow *f = app->follow;
	if (!f)
		return;
	presenter_withdraw(f);
	if (f->following) {
		rv_follow_leave(f->dir, &f->me, f->fd);
		rv_store_watch_close(&f->watch);
	}
	rv_follow_state_free(&f->state);
	free(f->dir);
	free(f);
	app->follow = NULL;
}

int follow_wait_ms(const struct app *app, int wait_ms)
{
	const struct follow *f = app->follow;
	int most = !f ? -1 : f->following ? FOLLOW_LOOK_MS : f->published || walk_on_stack(app, false) ? 1000 : -1;
	if (most < 0)
		return wait_ms;
	return wait_ms < 0 || wait_ms > most ? most : wait_ms;
}

bool follow_tick(struct app *app)
{
	struct follow *f = app->follow;
	if (!f || app->prompt)
		return false;
	double now = rv_monotonic_seconds();
	return f->following ? follower_tick(app, f, now) : presenter_tick(app, f, now);
}

bool follow_presenter_meeting(const struct app *app, const char **since, const char **author)
{
	const struct follow *f = app->follow;
	if (!f || !f->following || !f->live || !f->state.since[0])
		return false;
	*since = f->state.since;
	*author = f->state.author[0] ? f->state.author : NULL;
	return true;
}

bool present_followers_text(struct view *v, char *buf, size_t size, enum color *color)
{
	struct follow *f = v->app->follow;
	if (!f)
		return false;
	if (is_walk(v, true)) {
		if (!f->live)
			snprintf(buf, size, "    the presenter left");
		else if (f->detached)
			snprintf(buf, size, "    on your own: P follows %s again", f->state.by.user);
		else
			snprintf(buf, size, "    following %s@%s", f->state.by.user, f->state.by.host);
		*color = f->detached ? C_WARNING : C_DIM;
		return true;
	}
	if (f->blocked[0]) {
		snprintf(buf, size, "    %s", f->blocked);
		*color = C_DIM;
		return true;
	}
	if (f->published && f->nfollowers) {
		snprintf(buf, size, "    %zu following", f->nfollowers);
		*color = C_HEADING;
		return true;
	}
	return false;
}
