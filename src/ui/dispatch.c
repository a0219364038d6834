/*
 * dispatch.c - what a key does: the view's own key handler, the keymaps, then the requests that
 * concern more than one view (opening, back and forward, quitting, the as-of date), handed on to the
 * split, tags, triage, marks, copying and columns, then to the view's engine and the view.
 */
#include "recview/dispatch.h"

#include <stdio.h>
#include <string.h>

#include "recview/as_of.h"
#include "recview/copy.h"
#include "recview/finding.h"
#include "recview/list_columns.h"
#include "recview/marks.h"
#include "recview/prompt.h"
#include "recview/split.h"
#include "recview/summary.h"
#include "recview/tags.h"
#include "recview/terminal.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/views.h"

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

/* &: what was recorded after the as-of date, hidden or dimmed; every open view is built again. */
static void as_of_later_toggle(struct app *app)
{
	app->as_of_later = app->as_of_later == RV_AS_OF_DIM ? RV_AS_OF_HIDE : RV_AS_OF_DIM;
	for (size_t i = 0; i < app->depth; i++)
		app->stack[i]->built.generation = ~0ul; /* stale: built for the other choice */
	split_page_stale(app);
	bool dim = app->as_of_later == RV_AS_OF_DIM;
	if (app->as_of == RV_DATE_NONE)
		app_message(app, C_DIM, "As of a date, later entries will be %s (no date in force now: @ sets one).",
			    dim ? "shown dimmed" : "hidden");
	else
		app_message(app, C_HEADING, "Entries recorded after the date are %s.",
			    dim ? "shown dimmed, marked 'after DATE'" : "hidden");
}

/*
 * Whether to quit now: yes when every change is on disk. Otherwise, at the keyboard, only when the user
 * says so; a key script quits (and exits non-zero, listing what is not saved).
 */
static bool may_quit(struct app *app)
{
	struct rv_session *s = app->session;
	if (!minutes_may_quit(app))
		return false;
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
void dispatch_request(struct app *app, enum request req)
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
			app_drop_forward(app);
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
		if (v->ops->id == VIEW_PRESENT)
			present_jump(v); /* stays in the walkthrough */
		else
			finding_jump(app);
		return;
	case REQ_PRESENT:
		{
			struct view *pv = present_view_choose(app);
			if (pv)
				app_open(app, pv);
		}
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
	case REQ_AS_OF_LATER:
		as_of_later_toggle(app);
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

void dispatch_key(struct app *app, struct key key)
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
		dispatch_request(app, req);
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
	dispatch_request(app, req);
}
