/*
 * live.c - live updates: the data set watched while the browser waits for a key, others' changes
 * merged and shown as they come, the recommendations they changed marked until seen. See live.h.
 */
#include "recview/live.h"

#include <curses.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/clock.h"
#include "recview/entity.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/views.h"

/* The log of others' changes keeps the newest this many. */
#define LIVE_LOG_MAX 2000
/* While another program holds the lock, the next try comes after this many milliseconds. */
#define LIVE_RETRY_MS 100

struct live {
	struct rv_store_watch watch;
	bool look;                /* the files are to be looked at when nothing stands in the way */
	bool pending;             /* a change was confirmed: the files are to be read again */
	double retry_at;          /* a writer held the lock: not before this */
	char **unseen;            /* ids of recommendations others changed, not seen yet, in byte order */
	size_t nunseen;
	struct live_entry *log;
	size_t nlog;
};

void live_start(struct app *app)
{
	const char *mode = getenv("RECVIEW_WATCH");
	if (app->script || (mode && strcmp(mode, "off") == 0) || !app->session->store.real)
		return;
	struct live *l = xcalloc(1, sizeof(*l));
	rv_store_watch_open(&l->watch, &app->session->store,
			    mode && strcmp(mode, "poll") == 0 ? RV_WATCH_POLL : RV_WATCH_NOTIFY, rv_monotonic_seconds());
	app->live = l;
}

void live_stop(struct app *app)
{
	struct live *l = app->live;
	if (!l)
		return;
	rv_store_watch_close(&l->watch);
	for (size_t i = 0; i < l->nunseen; i++)
		free(l->unseen[i]);
	free(l->unseen);
	for (size_t i = 0; i < l->nlog; i++)
		rv_outside_item_free(&l->log[i].item);
	free(l->log);
	free(l);
	app->live = NULL;
}

/* ---- the recommendations not seen yet, by id (so that they survive every reading of the files) ---- */

static int cmp_id(const char *a, const char *b, size_t blen)
{
	size_t alen = strlen(a);
	int c = memcmp(a, b, alen < blen ? alen : blen);
	return c ? c : alen < blen ? -1 : alen > blen;
}

/* Where id is, or would go, in the unseen list; *found says which. */
static size_t unseen_at(const struct live *l, const char *id, size_t len, bool *found)
{
	size_t lo = 0, hi = l->nunseen;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_id(l->unseen[mid], id, len);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

static void mark_unseen(struct live *l, const char *id)
{
	bool found;
	size_t at = unseen_at(l, id, strlen(id), &found);
	if (found)
		return;
	l->unseen = xreallocarray(l->unseen, l->nunseen + 1, sizeof(*l->unseen));
	memmove(l->unseen + at + 1, l->unseen + at, (l->nunseen - at) * sizeof(*l->unseen));
	l->unseen[at] = xstrdup(id);
	l->nunseen++;
}

bool live_unseen(const struct app *app, size_t rec)
{
	const struct live *l = app->live;
	if (!l || !l->nunseen || rec >= app->m->nrecs)
		return false;
	struct rv_text id = rv_rec_id(app->m, rec);
	bool found;
	unseen_at(l, id.ptr, id.len, &found);
	return found;
}

/* A key came: what the cursor is on has been seen. */
static void seen_under_cursor(struct app *app)
{
	struct live *l = app->live;
	if (!l || !l->nunseen || !app->depth)
		return;
	long rec = view_current_rec(app->stack[app->depth - 1]);
	if (rec < 0 || (size_t)rec >= app->m->nrecs)
		return;
	struct rv_text id = rv_rec_id(app->m, (size_t)rec);
	bool found;
	size_t at = unseen_at(l, id.ptr, id.len, &found);
	if (!found)
		return;
	free(l->unseen[at]);
	memmove(l->unseen + at, l->unseen + at + 1, (l->nunseen - at - 1) * sizeof(*l->unseen));
	l->nunseen--;
}

enum color live_mark(struct draw *d, const struct app *app, size_t rec)
{
	if (!live_unseen(app, rec)) {
		draw_spaces(d, 1, C_DEFAULT);
		return C_ID;
	}
	draw_str(d, d->ascii ? "*" : "\xE2\x80\xA2", C_CHANGED);
	return C_CHANGED;
}

/* ---- the log ---- */

size_t live_count(const struct app *app)
{
	return app->live ? app->live->nlog : 0;
}

const struct live_entry *live_entry_at(const struct app *app, size_t i)
{
	return &app->live->log[i];
}

void live_describe(const struct app *app, struct strbuf *out)
{
	const struct live *l = app->live;
	if (!l) {
		sb_adds(out, app->script ? "not watched (a key script)" : "not watched (RECVIEW_WATCH=off)");
		return;
	}
	if (rv_store_watch_fd(&l->watch) >= 0)
		sb_addf(out, "watched with inotify, and looked at every %.0f s", l->watch.interval);
	else
		sb_addf(out, "looked at every %.0f s%s%s", l->watch.interval, l->watch.why[0] ? ": " : "", l->watch.why);
}

/* Keeps what came (the items move into the log) and marks the recommendations. */
static void record(struct live *l, struct rv_outside *o)
{
	char now[32];
	rv_now(now);
	for (size_t i = 0; i < o->n; i++) {
		struct rv_outside_item *it = &o->items[i];
		if (it->rec_id && it->kind != RV_OUT_REMOVED)
			mark_unseen(l, it->rec_id);
		if (l->nlog == LIVE_LOG_MAX) {
			rv_outside_item_free(&l->log[0].item);
			memmove(l->log, l->log + 1, (l->nlog - 1) * sizeof(*l->log));
			l->nlog--;
		}
		l->log = xreallocarray(l->log, l->nlog + 1, sizeof(*l->log));
		struct live_entry *e = &l->log[l->nlog++];
		snprintf(e->time, sizeof(e->time), "%s", now);
		e->item = *it;
	}
	free(o->items);
	o->items = NULL;
	o->n = 0;
}

/* ---- reading the files again ---- */

struct rv_outside_digest *live_before_merge(struct app *app)
{
	return app->live ? rv_outside_digest_take(app->session) : NULL;
}

void live_after_merge(struct app *app, struct rv_outside_digest *before, struct strbuf *line)
{
	if (!before)
		return;
	struct rv_outside o = {0};
	rv_outside_diff(before, app->session, &o);
	rv_outside_digest_free(before);
	if (o.n)
		rv_outside_summary(&o, app->ascii, 300, line);
	if (o.n > 1)
		sb_adds(line, "  (O lists them)");
	record(app->live, &o);
}

static void say(struct app *app, const char *theirs, bool saved)
{
	struct rv_session *s = app->session;
	if (!theirs[0])
		theirs = "The files changed on disk and were read again";
	char conflicts[128];
	app_conflicts_note(app, conflicts, sizeof(conflicts));
	if (!saved)
		app_message(app, C_ERROR, "%s; merged, but NOT SAVED: %s%s", theirs, s->error, conflicts);
	else
		app_message(app, s->nconflicts ? C_WARNING : C_CHANGED, "%s%s", theirs, conflicts);
}

/* Reads the files again and merges (when they cannot be read now, only the status line says so). */
static bool read_again(struct app *app, struct live *l)
{
	struct rv_session *s = app->session;
	/* A large data set takes seconds to read: say why the keys wait. */
	app_message(app, C_DIM, "The data set changed on disk: reading it again ...");
	app_redraw(app);
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	enum rv_result res = rv_model_load(fresh, app->m->dir);
	rv_store_watch_release(&l->watch);
	if (res != RV_OK) {
		rv_model_free(fresh);
		free(fresh);
		app_message(app, C_ERROR, "The files changed on disk but cannot be read now; what is shown is as before");
		return true;
	}
	size_t conflicts_before = s->nconflicts;
	struct rv_outside_digest *before = live_before_merge(app);
	bool saved = app_merge_model(app, fresh);
	free(fresh);
	struct strbuf theirs;
	sb_init(&theirs);
	live_after_merge(app, before, &theirs);
	say(app, theirs.data ? theirs.data : "", saved);
	sb_free(&theirs);
	if (s->nconflicts > conflicts_before && !view_is_conflicts(app->stack[app->depth - 1]))
		app_open(app, conflicts_view_new(app));
	return true;
}

/* What the watch asks for, when nothing stands in the way; true when the screen changed. */
static bool tick(struct app *app, struct live *l)
{
	struct rv_session *s = app->session;
	double now = rv_monotonic_seconds();
	if (rv_store_watch_due(&l->watch, now))
		l->look = true;
	/* Never under a prompt (what it is about must stay put), nor while a save of ours is written. */
	if ((!l->look && !l->pending) || app->prompt || rv_session_busy(s) || now < l->retry_at)
		return false;
	/* Looked at again when it was put off: a save of ours since may have merged it already. */
	l->look = false;
	l->pending = rv_session_changed_on_disk(s, &l->watch, now);
	if (!l->pending)
		return false;
	switch (rv_store_watch_hold(&l->watch, &s->store)) {
	case RV_STORE_WRITING:
		l->retry_at = now + LIVE_RETRY_MS / 1000.0;
		return false;
	case RV_STORE_INTERRUPTED:
		if (!s->read_only) {
			/* A commit cut short by a crash: completed or taken back first, then read. */
			char err[512] = "";
			if (rv_store_recover(&s->store, err, sizeof(err)) != RV_OK)
				l->retry_at = now + l->watch.interval;
			l->look = true;
			return false;
		}
		break; /* read-only: read what is there, as opening it would */
	case RV_STORE_CALM:
		break;
	}
	l->pending = false;
	return read_again(app, l);
}

/*
 * Waits at most wait_ms (-1: as long as it takes) for a key, watching the data set meanwhile.
 * 1: input is waiting; 0: the time passed, or a signal came; -1: others' changes were merged.
 */
static int live_wait(struct app *app, int wait_ms)
{
	struct live *l = app->live;
	if (!l)
		return 1;
	double start = rv_monotonic_seconds();
	for (;;) {
		if (tick(app, l))
			return -1;
		double now = rv_monotonic_seconds();
		int left = wait_ms < 0 ? -1 : wait_ms - (int)((now - start) * 1000.0);
		if (wait_ms >= 0 && left <= 0)
			return 0;
		int ms = rv_store_watch_wait_ms(&l->watch, now);
		if ((l->look || l->pending) && !app->prompt && !rv_session_busy(app->session))
			ms = LIVE_RETRY_MS;
		if (left >= 0 && left < ms)
			ms = left;
		struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {rv_store_watch_fd(&l->watch), POLLIN, 0}};
		int r = poll(p, p[1].fd >= 0 ? 2 : 1, ms);
		if (r < 0)
			return 0; /* a signal: a resize, or one that ends recview; curses and the loop see which */
		if (r > 0 && p[0].revents)
			return 1; /* a key, or the terminal gone: curses says which */
	}
}

int live_get_wch(struct app *app, int wait_ms, wint_t *ch)
{
	int ready = live_wait(app, wait_ms);
	if (ready < 0) {
		app_redraw(app);
		return ERR;
	}
	timeout(ready ? wait_ms : 0);
	int res = get_wch(ch);
	if (res != ERR)
		seen_under_cursor(app);
	return res;
}
