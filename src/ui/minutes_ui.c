/*
 * minutes_ui.c - the meeting's minutes to a Markdown file: on request (WRITE_MINUTES), on leaving the
 * walkthrough when the configuration says minutes-on-leave = yes, and offered on quitting while a
 * walkthrough's times or changes since are not in a file written.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "recview/clock.h"
#include "recview/export.h"
#include "recview/export_target.h"
#include "recview/follow_ui.h"
#include "recview/prompt.h"
#include "recview/triage_ui.h"
#include "recview/ui.h"

static struct prompt_history minutes_history;

/* The file name the configuration gives (minutes-file, default minutes-%Y-%m-%d.md), its %-fields
 * filled from the time now (RECVIEW_NOW in tests). */
static void default_name(const struct app *app, struct strbuf *out)
{
	const char *pattern = app->opt && app->opt->minutes_file ? app->opt->minutes_file : "minutes-%Y-%m-%d.md";
	char now[32], name[1024];
	rv_now(now);
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
		   &tm.tm_sec) >= 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
	}
	tm.tm_isdst = -1;
	if (strftime(name, sizeof(name), pattern, &tm) == 0)
		snprintf(name, sizeof(name), "%s", pattern);
	sb_adds(out, name);
}

/* A name relative to the data directory (the configuration's, or as typed): the path it means. */
static void in_data_dir(const struct app *app, const char *name, struct strbuf *out)
{
	if (name[0] != '/') {
		sb_adds(out, app->m->dir);
		sb_addc(out, '/');
	}
	sb_adds(out, name);
}

bool minutes_pending(const struct app *app)
{
	const struct rv_session *s = app->session;
	if (!s || !s->ntimes)
		return false; /* no walkthrough held: no meeting to take minutes of */
	if (follow_active(app))
		return false; /* a follower watched the presenter's meeting: the minutes are the presenter's */
	return !app->minutes_written || s->applied != app->minutes_applied || s->ntimes != app->minutes_ntimes;
}

void minutes_mark_written(struct app *app)
{
	app->minutes_written = true;
	app->minutes_applied = app->session->applied;
	app->minutes_ntimes = app->session->ntimes;
}

bool minutes_write(struct app *app, bool ask)
{
	struct strbuf name, path;
	sb_init(&name);
	sb_init(&path);
	default_name(app, &name);
	bool go = true;
	if (ask) {
		struct strbuf typed;
		sb_init(&typed);
		go = triage_ask(app, "minutes to: ", name.data, &typed, NULL, &minutes_history) && typed.len;
		sb_reset(&name);
		sb_adds(&name, typed.data ? typed.data : "");
		sb_free(&typed);
	}
	bool ok = false;
	if (go) {
		in_data_dir(app, name.data, &path);
		struct rv_export_target t;
		char why[1200];
		enum rv_export_check check = rv_export_target_check(app->m->dir, path.data, &t, why, sizeof(why));
		struct strbuf doc;
		sb_init(&doc);
		rv_session_minutes(app->session, &doc);
		/* The minutes' own file is rewritten as the meeting goes on: replacing it needs no question. */
		ok = check != RV_EXPORT_REFUSED &&
		     rv_export_target_write(&t, doc.data ? doc.data : "", doc.len, app->session->ops, why, sizeof(why));
		if (ok) {
			minutes_mark_written(app);
			app_message(app, C_ST_COMPLETE, "Minutes written to %s", t.path);
		} else {
			app_message(app, C_ERROR, "MINUTES NOT WRITTEN: %s", why);
		}
		sb_free(&doc);
		rv_export_target_free(&t);
	}
	sb_free(&name);
	sb_free(&path);
	return ok;
}

bool minutes_may_quit(struct app *app)
{
	if (!minutes_pending(app))
		return true;
	int key = prompt_key(app, "minutes not written: w write, q quit anyway, Esc stay ");
	if (key == 'w')
		return minutes_write(app, true);
	if (key == 'q' || key < 0)
		return true; /* q, or a key script that ended */
	app_message(app, C_DIM, "Not quitting: Z writes the minutes");
	return false;
}
