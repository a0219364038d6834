/*
 * ui.c - the browser: the main loop, the title bar and status line, and the requests
 * that concern more than one view (opening, back and forward, quitting).
 */
#include "recview/ui.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "recview/app.h"
#include "recview/copy.h"
#include "recview/finding.h"
#include "recview/git.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/search.h"
#include "recview/split.h"
#include "recview/summary.h"
#include "recview/tags.h"
#include "recview/terminal.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/keys.h"
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

static void drop_forward(struct app *app)
{
	while (app->nforward)
		view_free(app->forward[--app->nforward]);
}

void app_open(struct app *app, struct view *v)
{
	drop_forward(app);
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
	for (;;) {
		wint_t ch;
		if (terminal_lost())
			return false;
		/* While a save is written in the background, look up now and then to say when it is done; the
		 * data set is watched meanwhile (others' changes are merged and shown as they come). */
		struct view *cur = app_current(app);
		int res = live_get_wch(app, rv_session_busy(app->session) ? 50 : cur && cur->ops->fullscreen ? 1000 : -1, &ch);
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
		return true;
	}
}

static void handle_mouse(struct app *app)
{
	MEVENT ev;
	struct view *v = app_current(app);
	if (getmouse(&ev) != OK || !v)
		return;
	/* With the split, the pane under the pointer: a click gives it the keys, the wheel scrolls it. */
	struct view *at = split_view_at(app, ev.y, ev.x, !(ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)));
	if (at)
		v = at;
	int top = app_body_top(v), height = app_body_height(v);
	if (ev.bstate & BUTTON4_PRESSED) {
		for (int i = 0; i < 3; i++)
			view_request(v, REQ_MOVE_UP, height);
		return;
	}
	if (ev.bstate & BUTTON5_PRESSED) {
		for (int i = 0; i < 3; i++)
			view_request(v, REQ_MOVE_DOWN, height);
		return;
	}
	if (ev.y < top || ev.y >= top + height)
		return;
	size_t i = v->offset + (size_t)(ev.y - top);
	if (i >= v->nlines)
		return;
	view_move_to(v, i, height);
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED && v->ops->request)
		v->ops->request(v, REQ_ENTER, &v->lines[v->lineno]);
}

static void open_child_list(struct app *app, enum rv_kind kind)
{
	struct view *v = app_current(app);
	long rec = v->rec;
	app_open(app, children_view_new(app, kind, rec));
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

/* @: a date shows everything as it stood then; DATE..DATE lists what moved; empty returns to now. */
static void as_of_prompt(struct app *app)
{
	struct strbuf text;
	sb_init(&text);
	if (app->as_of != RV_DATE_NONE) {
		char d[16];
		rv_date_format(app->as_of, d, sizeof(d));
		sb_adds(&text, d);
	}
	snprintf(app->hint, sizeof(app->hint), "YYYY-MM-DD shows that day; FROM..TO lists what moved; empty: now");
	bool ok = prompt_read(app, "as of: ", &text, NULL);
	app->hint[0] = '\0';
	if (!ok) {
		sb_free(&text);
		return;
	}
	char *dots = strstr(text.data, "..");
	int32_t from, to;
	if (dots) {
		*dots = '\0';
		if (rv_date_parse(text.data, strlen(text.data), &from) != RV_DATE_OK ||
		    rv_date_parse(dots + 2, strlen(dots + 2), &to) != RV_DATE_OK) {
			app_message(app, C_ERROR, "as of: use YYYY-MM-DD..YYYY-MM-DD");
		} else {
			struct strbuf out;
			sb_init(&out);
			rv_changes_between(app->m, from, to, &out);
			char title[64];
			snprintf(title, sizeof(title), "Moved %s..%s", text.data, dots + 2);
			app_open(app, text_view_new(app, title, out.data));
			sb_free(&out);
		}
	} else if (!text.len) {
		app->as_of = RV_DATE_NONE;
		app_message(app, C_DIM, "Showing the data as it is now.");
	} else if (rv_date_parse(text.data, text.len, &from) != RV_DATE_OK) {
		app_message(app, C_ERROR, "as of: '%s' is not a date (YYYY-MM-DD)", text.data);
	} else {
		app->as_of = from;
		app_message(app, C_HEADING, "Showing the data as of %s: @ then Enter on an empty date returns to now", text.data);
	}
	sb_free(&text);
}

/*
 * Whether to quit now: yes when every change is on disk. Otherwise, at the keyboard, only when the user
 * says so; a key script quits (and exits non-zero, listing what is not saved).
 */
static bool may_quit(struct app *app)
{
	struct rv_session *s = app->session;
	if (rv_session_busy(s)) {
		app_message(app, C_DIM, "Saving before quitting ...");
		app_redraw(app);
		app_finish_saving(app, true);
	}
	if (!rv_session_has_unsaved(s) || app->script)
		return true;
	size_t n = rv_session_count_unsaved(s);
	char label[128];
	/* Short enough for 80 columns; why it was not saved is on the status line already. */
	snprintf(label, sizeof(label), "%zu change%s NOT saved. Quit and lose %s? yes/no (W retries): ", n,
		 n == 1 ? "" : "s", n == 1 ? "it" : "them");
	struct strbuf answer;
	sb_init(&answer);
	bool quit = prompt_read(app, label, &answer, NULL) && strcmp(answer.data ? answer.data : "", "yes") == 0;
	sb_free(&answer);
	if (!quit)
		app_message(app, C_WARNING, "Not quitting: W retries the save, or saves the data set elsewhere");
	return quit;
}

/* Requests that are about the app rather than one view. */
static void handle_request(struct app *app, enum request req)
{
	struct view *v = app_current(app);
	int height = app_body_height(v);

	switch (req) {
	case REQ_QUIT:
		app->running = !may_quit(app);
		return;
	case REQ_QUIT_VIEW:
		if (!app_back(app))
			app->running = !may_quit(app);
		else
			drop_forward(app);
		return;
	case REQ_BACK:
		if (!app_back(app))
			app_message(app, C_DIM, "This is the first view; q quits.");
		return;
	case REQ_FORWARD:
		if (!app_forward(app))
			app_message(app, C_DIM, "Nothing to go forward to.");
		return;
	case REQ_VIEW_RECS:
		/* The list is home: go back to it (L comes forward again) rather than stacking another. */
		while (!view_is_recs(app_current(app)) && app_back(app))
			;
		if (!view_is_recs(app_current(app)))
			app_open(app, recs_view_new(app));
		return;
	case REQ_VIEW_DELIVERABLES:
		open_child_list(app, RV_DELIVERABLES);
		return;
	case REQ_VIEW_QUESTIONS:
		open_child_list(app, RV_QUESTIONS);
		return;
	case REQ_VIEW_HISTORY:
		open_child_list(app, RV_HISTORY);
		return;
	case REQ_VIEW_PROBLEMS:
		app_open(app, problems_view_new(app));
		return;
	case REQ_VIEW_HELP:
		app_open(app, help_view_new(app, v));
		return;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		return;
	case REQ_SEARCH:
		finding_search(app);
		return;
	case REQ_SEARCH_NEXT:
		finding_next(app, 1);
		return;
	case REQ_SEARCH_PREV:
		finding_next(app, -1);
		return;
	case REQ_SEARCH_RESULTS:
		finding_results(app);
		return;
	case REQ_FILTER:
	case REQ_FILTER_CLEAR:
	case REQ_SORT:
	case REQ_SORT_REVERSE:
		finding_list_request(app, req);
		return;
	case REQ_JUMP:
		finding_jump(app);
		return;
	case REQ_PRESENT:
		app_open(app, present_view_new(app));
		return;
	case REQ_DASHBOARD:
		app_open(app, dashboard_view_new(app));
		return;
	case REQ_VIEW_LOG:
		app_open(app, log_view_new(app));
		return;
	case REQ_VIEW_REVIEW:
		reviews_open_current(app);
		return;
	case REQ_AS_OF:
		as_of_prompt(app);
		return;
	default:
		if (split_request(app, req) || tags_request(app, req) || triage_request(app, req) ||
		    marks_request(app, req) || copy_request(app, req) || list_columns_request(app, req))
			return;
		break;
	}
	if (view_request(v, req, height))
		return;
	if (v->ops->request && v->nlines) {
		req = v->ops->request(v, req, &v->lines[v->lineno]);
		if (req == REQ_NONE)
			return;
	}
	if (req == REQ_NEXT_LINK || req == REQ_PREV_LINK)
		app_message(app, C_DIM, "No more links in that direction.");
}

static void handle_key(struct app *app, struct key key)
{
	app->message[0] = '\0';
	if (key.is_fn && key.code == KEY_RESIZE)
		return;
	if (key.is_fn && key.code == KEY_MOUSE) {
		handle_mouse(app);
		return;
	}
	if (app_screen_too_small()) {
		if (!key.is_fn && (key.code == 'q' || key.code == 'Q'))
			app->running = false;
		return;
	}
	enum request req;
	switch (split_key(app, key, &req)) {
	case SPLIT_KEY_DONE:
		return;
	case SPLIT_KEY_ON_PAGE:
		split_set_acting(app, true);
		handle_request(app, req);
		split_set_acting(app, false);
		return;
	case SPLIT_KEY_NOT_MINE:
		break;
	}
	struct view *v = app_current(app);
	if (v->ops->key && v->ops->key(v, key))
		return;
	req = keys_lookup_in(v->ops->keymap, key);
	if (req == REQ_NONE) {
		char name[32];
		app_message(app, C_WARNING, "Key %s does nothing here; ? lists the keys.", keys_name(key, name, sizeof(name)));
		return;
	}
	handle_request(app, req);
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
		handle_key(&app, key);
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
	drop_forward(&app);
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
