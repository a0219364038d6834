/*
 * ui.c - the browser's lifecycle: the app (its view stacks, the message line, keys read from the
 * keyboard or a script) and the main loop. What a key does is dispatch.c's.
 */
#include "recview/ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "recview/app.h"
#include "recview/bigtext_ui.h"
#include "recview/as_of.h"
#include "recview/dispatch.h"
#include "recview/finding.h"
#include "recview/follow_ui.h"
#include "recview/git.h"
#include "recview/split.h"
#include "recview/tags.h"
#include "recview/terminal.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/list_columns.h"
#include "recview/live.h"
#include "recview/marks.h"
#include "recview/script.h"
#include "recview/text.h"
#include "recview/views.h"


/* A message of recview's own on stderr, with text from outside (paths, ...) shown safely. */
static void say_safely(const char *prefix, const char *text)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, text, strlen(text), 0);
	fprintf(stderr, "recview: %s%s\n", prefix, sb.data);
	sb_free(&sb);
}

/* ---- the app ---- */

/*
 * The one place where views catch up with the model: whichever view becomes current (opened, reached
 * by going back or forward, or shown again after a change) is rebuilt when the model changed since it
 * was built, or the as-of date did.
 */
struct view *app_current(struct app *app)
{
	if (!app->depth)
		return NULL;
	struct view *v = split_acting(app); /* the page beside the list has the keys */
	if (v) {
		view_refresh(v);
		return v;
	}
	v = app->stack[app->depth - 1];
	view_refresh(v);
	return v;
}

void app_message(struct app *app, enum color c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
	app->message_color = c;
}

void app_drop_forward(struct app *app)
{
	while (app->nforward)
		view_free(app->forward[--app->nforward]);
}

void app_open(struct app *app, struct view *v)
{
	if (!v)
		return; /* the view refused to open; its message is on the status line */
	app_drop_forward(app);
	split_view_opened(app);
	if (app->depth == APP_MAX_DEPTH) {
		/* The oldest view goes; the list view at the bottom stays. */
		view_free(app->stack[1]);
		memmove(app->stack + 1, app->stack + 2, (APP_MAX_DEPTH - 2) * sizeof(*app->stack));
		app->depth--;
	}
	app->stack[app->depth++] = v;
}

bool app_back(struct app *app)
{
	if (app->depth <= 1)
		return false;
	struct view *v = app->stack[--app->depth];
	if (app->nforward == APP_MAX_DEPTH)
		view_free(v);
	else
		app->forward[app->nforward++] = v;
	return true;
}

bool app_forward(struct app *app)
{
	if (!app->nforward || app->depth == APP_MAX_DEPTH)
		return false;
	app->stack[app->depth++] = app->forward[--app->nforward];
	return true;
}

/* ---- drawing ---- */

/* ---- timing for the benchmark: RECVIEW_TIMING=FILE and ":time LABEL N" in a script ---- */

static FILE *timing_out;
static double timing_mark;

static void timing_open(const struct app *app)
{
	const char *path = getenv("RECVIEW_TIMING");
	if (!path || !*path)
		return;
	timing_out = fopen(path, "w");
	timing_mark = rv_monotonic_seconds();
	if (timing_out)
		fprintf(timing_out, "first-screen %.3f ms\n", (timing_mark - app->opt->start_time) * 1000.0);
}

/* Time per step since the last mark, over n steps. */
static void timing_log(const char *label, int n)
{
	double now = rv_monotonic_seconds();
	if (timing_out && n > 0)
		fprintf(timing_out, "%s %.3f ms\n", label, (now - timing_mark) * 1000.0 / n);
	timing_mark = now;
}

static void run_command(struct app *app, const char *cmd)
{
	int cols, lines, n;
	char label[64];
	if (strncmp(cmd, "save-display ", 13) == 0) {
		app_redraw(app);
		app_save_display(app, cmd + 13, false);
	} else if (strncmp(cmd, "save-matches ", 13) == 0) {
		app_redraw(app);
		app_save_display(app, cmd + 13, true);
	} else if (sscanf(cmd, "resize %dx%d", &cols, &lines) == 2) {
		resizeterm(lines, cols);
	} else if (sscanf(cmd, "advance %d", &n) == 1) {
		rv_meeting_advance(n); /* the meeting clock, stopped by RECVIEW_CLOCK=0 */
	} else if (strcmp(cmd, "wait") == 0) {
		app_finish_saving(app, true);
	} else if (strcmp(cmd, "mark") == 0) {
		timing_log("", 0);
	} else if (sscanf(cmd, "time %63s %d", label, &n) == 2) {
		app_redraw(app);
		timing_log(label, n);
	} else {
		app_message(app, C_ERROR, "unknown script command: %s", cmd);
	}
}

/* ---- input ---- */

bool app_finish_saving(struct app *app, bool wait)
{
	struct rv_session *s = app->session;
	if (!rv_session_busy(s))
		return false;
	if (wait)
		rv_session_wait(s);
	else if (!rv_session_poll(s))
		return false;
	if (rv_session_busy(s))
		return true; /* the next save is under way */
	if (s->conflict) {
		app->saving_what[0] = '\0';
		app_merge(app);
		return true;
	}
	if (!rv_session_has_unsaved(s))
		app_message(app, C_ST_COMPLETE, "Saved: %s", app->saving_what[0] ? app->saving_what : "all changes");
	else
		app_message(app, C_ERROR, "NOT SAVED: %s. %s is kept here; W retries, reloads or saves elsewhere", s->error,
			    app->saving_what[0] ? app->saving_what : "the change");
	app->saving_what[0] = '\0';
	rv_git_branch(app->m->dir, app->git_branch, sizeof(app->git_branch)); /* a save may follow a checkout */
	return true;
}

bool app_read_key(struct app *app, struct key *key)
{
	if (app->script) {
		struct script_step step;
		for (;;) {
			if (!script_next(app->script, &step))
				return false;
			if (step.kind == STEP_KEY) {
				/* Scripts are deterministic: a key waits until the last change is on disk. */
				app_finish_saving(app, true);
				*key = step.key;
				return true;
			}
			run_command(app, step.command);
		}
	}
	if (bigtext_typed_key(key)) /* typed while the terminal answered the probe */
		return true;
	for (;;) {
		wint_t ch;
		if (terminal_lost())
			return false;
		/* A walkthrough shared or followed (follow_ui.h): its file written, read, counted. */
		if (follow_tick(app))
			app_redraw(app);
		/* While a save is written in the background, look up now and then to say when it is done; the
		 * data set is watched meanwhile (others' changes are merged and shown as they come). */
		struct view *cur = app_current(app);
		int wait = rv_session_busy(app->session) ? 50 : cur && cur->ops->fullscreen ? 1000 : -1;
		int res = live_get_wch(app, follow_wait_ms(app, wait), &ch);
		if (terminal_quit_signal())
			return false;
		if (app_finish_saving(app, false))
			app_redraw(app);
		if (res == ERR) {
			/* A timeout, or a terminal gone away: then every read fails at once, never to block again. */
			if (terminal_lost())
				return false;
			if (app_current(app)->ops->fullscreen)
				app_redraw(app); /* the walkthrough's clock (cur may be gone: a merge closes views) */
			continue;
		}
		key->code = (int)ch;
		key->is_fn = res == KEY_CODE_YES;
		if (bigtext_late_reply(key)) /* a reply to the probe that came after it gave up waiting */
			continue;
		return true;
	}
}

void app_refresh_lists(struct app *app)
{
	for (size_t i = 0; i < app->depth; i++)
		if (view_is_recs(app->stack[i]))
			view_rebuild(app->stack[i], app->stack[i]->width);
	for (size_t i = 0; i < app->nforward; i++)
		if (view_is_recs(app->forward[i]))
			view_rebuild(app->forward[i], app->forward[i]->width);
}

int ui_run(struct rv_model *m, const struct cli_options *opt)
{
	struct app app;
	memset(&app, 0, sizeof(app));
	app.m = m;
	app.opt = opt;
	const char *script = getenv("RECVIEW_SCRIPT");
	if (script && *script) {
		char err[256];
		app.script = script_load(script, err, sizeof(err));
		if (!app.script) {
			say_safely("", err);
			return EXIT_ERRORS;
		}
	}
	struct strbuf why;
	sb_init(&why);
	if (!app.script && terminal_problem(&why)) {
		fprintf(stderr, "recview: %s\n", why.data);
		sb_free(&why);
		return EXIT_FATAL;
	}
	struct rv_session session;
	rv_session_open(&session, m, opt->author, opt->read_only);
	session.async = true;
	app.session = &session;
	rv_git_branch(m->dir, app.git_branch, sizeof(app.git_branch));
	terminal_install_signals();
	if (!terminal_start(&app, &why)) {
		fprintf(stderr, "recview: %s\n", why.data);
		sb_free(&why);
		terminal_stop();
		script_free(app.script);
		rv_session_free(&session);
		return EXIT_FATAL;
	}
	sb_free(&why);
	list_columns_init(&app);
	live_start(&app);
	split_init(&app);
	app_open(&app, recs_view_new(&app));
	bool lacks = rv_model_lacks_columns(m);
	if (lacks)
		app_open(&app, problems_view_new(&app));
	if (opt->as_of)
		rv_date_parse(opt->as_of, strlen(opt->as_of), &app.as_of);
	app.as_of_later = (int)rv_as_of_later_setting(opt->as_of_later);
	follow_start(&app);
	if (opt->recovered[0])
		app_message(&app, C_WARNING, "Recovery: %s", opt->recovered);
	else if (session.error[0])
		app_message(&app, C_ERROR, "%s", session.error);
	else if (lacks) {
		struct strbuf file;
		sb_init(&file);
		const char *name = rv_table_file(m, RV_RECS);
		text_sanitize(&file, name, strlen(name), 0);
		app_message(&app, C_ERROR, "%s lacks a column recview needs: Enter on the error picks one of its columns",
			    file.data);
		sb_free(&file);
	} else if (m->diags.n)
		app_message(&app, m->diags.errors ? C_ERROR : C_WARNING,
			    "%zu problem%s while loading (%zu error%s): press ! to see them",
			    m->diags.errors + m->diags.warnings, m->diags.errors + m->diags.warnings == 1 ? "" : "s",
			    m->diags.errors, m->diags.errors == 1 ? "" : "s");
	app.running = true;
	app_redraw(&app);
	timing_open(&app);
	while (app.running) {
		app_redraw(&app);
		struct key key;
		if (!app_read_key(&app, &key))
			break;
		marks_before_key(&app);
		dispatch_key(&app, key);
		marks_after_key(&app);
	}
	/* Nothing typed is lost on the way out: a save under way is finished first. */
	if (rv_session_busy(&session)) {
		app_message(&app, C_DIM, "Saving before quitting ...");
		app_redraw(&app);
		app_finish_saving(&app, true);
	}
	terminal_stop();
	if (timing_out)
		fclose(timing_out);
	finding_free(&app);
	list_columns_free(&app);
	tags_free(&app);
	marks_free(&app);
	live_stop(&app);
	follow_stop(&app);
	app_drop_forward(&app);
	split_free(&app);
	while (app.depth)
		view_free(app.stack[--app.depth]);
	script_free(app.script);
	/* What could not be written is said once more, outside the screen, so that it is not missed; exit 0
	 * only when every change is on disk. */
	bool unsaved = rv_session_has_unsaved(&session);
	if (unsaved) {
		struct strbuf list;
		sb_init(&list);
		rv_session_describe_unsaved(&session, &list);
		char head[64];
		snprintf(head, sizeof(head), "%zu change(s) NOT saved: ", rv_session_count_unsaved(&session));
		say_safely(head, session.error[0] ? session.error : "not written");
		fputs(list.data ? list.data : "", stderr);
		sb_free(&list);
	}
	int code = terminal_quit_signal() ? 128 + terminal_quit_signal() : unsaved ? EXIT_UNSAVED : EXIT_CLEAN;
	if (code == EXIT_CLEAN && opt->commit) /* never unasked, and only what is all on disk */
		code = rv_session_commit_on_quit(&session, opt->author, stderr);
	rv_session_free(&session);
	return code;
}
