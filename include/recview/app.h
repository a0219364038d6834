/* app.h - the browser's state: the data set, the view stacks, the screen and the message line. */
#ifndef RECVIEW_APP_H
#define RECVIEW_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "recview/cli.h"
#include "recview/draw.h"
#include "recview/keys.h"
#include "recview/model.h"
#include "recview/view.h"

#define APP_MAX_DEPTH 64

struct script;
struct prompt_state;
struct rv_search;
struct rv_query;
struct rv_session;
struct tags;
struct live;
struct follow;
struct split;
struct marks;
struct rv_col_choice;

struct app {
	struct rv_model *m;
	const struct cli_options *opt;
	struct view *stack[APP_MAX_DEPTH];   /* open views, the last one shown */
	size_t depth;
	struct view *forward[APP_MAX_DEPTH]; /* views left by going back, for going forward */
	size_t nforward;
	bool ascii;                          /* no UTF-8 on this terminal */
	bool running;
	char message[512];                   /* shown on the status line until the next key */
	enum color message_color;
	struct script *script;               /* keys from a file instead of the keyboard */
	struct prompt_state *prompt;         /* the line being edited, drawn on the status line */
	char hint[512];                      /* shown above the prompt (completions) */
	/* Search: the last accepted pattern, compiled; highlighted in every view. */
	struct rv_search *search;
	char search_text[256];
	bool search_regex;
	/* The filter and order of the recommendations list. */
	struct rv_query *query;
	char filter_text[512];
	int sort_key;                        /* enum rv_sort_key */
	bool sort_reverse;
	struct rv_session *session;          /* triage: changes, undo, saving, the agenda */
	char saving_what[256];               /* the change being written in the background */
	struct view *last_drawn;             /* the view on screen at the last frame (presentation clock) */
	/* The session's minutes as last written to a file: its changes and walkthrough items then
	 * (export_ui.c, minutes_pending). */
	bool minutes_written;
	size_t minutes_applied, minutes_ntimes;
	struct tags *tags;                   /* tagged items and the ; prefix (tags.h) */
	char git_branch[64];                 /* the git branch the data set is on (sanitised), or "" */
	int32_t as_of;                       /* views read the state on this date (entity.h: a parameter of
					      * reading, never written into the model); RV_DATE_NONE: now */
	int as_of_later;                     /* enum rv_as_of_later: what was recorded after as_of is hidden
					      * or dimmed (config as-of-later, the as-of-later request) */
	struct live *live;                   /* live updates: the data set watched, others' changes (live.h) */
	struct follow *follow;               /* a walkthrough shared with other terminals (follow_ui.h) */
	struct split *split;                 /* the page beside a list (split.h) */
	struct marks *marks;                 /* places under letters and the jump list (marks.h) */
	struct rv_col_choice *columns;       /* the columns chosen for each list (columns.h), NULL: defaults */
};

/* Shows v on top; the forward history is dropped, as in a web browser. NULL (a view that refused to
 * open, its message said) opens nothing. */
void app_open(struct app *app, struct view *v);
/* Frees the views left by going back (nothing to go forward to any more). */
void app_drop_forward(struct app *app);
/* Back to the view below; false at the first view. */
bool app_back(struct app *app);
bool app_forward(struct app *app);
struct view *app_current(struct app *app);
void app_message(struct app *app, enum color c, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The screen is below the smallest size the views are drawn at (a message says so instead). */
bool app_screen_too_small(void);
/* The first screen row of a view's body. */
int app_body_top(const struct view *v);
/* Writes the screen as text to path (screen tests: ":save-display PATH"); matches: with a row of ^
 * under the cells drawn as search matches (":save-matches PATH"). */
void app_save_display(struct app *app, const char *path, bool matches);
/* Rows and columns of the body of a view (between the title bar and the status line). */
int app_body_height(const struct view *v);
int app_body_width(void);
/* Draws everything now (the prompt uses it while editing). */
void app_redraw(struct app *app);
/* The next key from the keyboard or the script; false when there is none (end of script, signal). */
bool app_read_key(struct app *app, struct key *key);
/* Picks up a finished background save and says how it went; true when one finished. */
bool app_finish_saving(struct app *app, bool wait);
/* Sets the list's filter (empty: none); false with a message when it does not parse. */
bool app_set_filter(struct app *app, const char *text);
/* Rebuilds every open recommendations list after the filter or the order changed. */
void app_refresh_lists(struct app *app);

#endif
