/*
 * split.h - the list and the page of the item under its cursor, side by side or one above the other
 * (tig's vertical-split, gh-dash's preview). The layout rules are plain arithmetic on the terminal's
 * size (src/split_layout.c, tested without a terminal); the pane itself is drawn by the usual views
 * into a region of the screen (src/ui/split.c, screen.c).
 */
#ifndef RECVIEW_SPLIT_H
#define RECVIEW_SPLIT_H

#include <stdbool.h>

#include "recview/keys.h"
#include "recview/request.h"

/* split = auto | on | off in the configuration. */
enum split_mode { SPLIT_AUTO, SPLIT_ON, SPLIT_OFF };
enum split_shape { SPLIT_NONE, SPLIT_SIDE, SPLIT_STACKED };

#define SPLIT_RATIO_MIN 20
#define SPLIT_RATIO_MAX 80
#define SPLIT_RATIO_DEFAULT 50
#define SPLIT_RATIO_STEP 5
/* With split = auto the list keeps this many columns beside a page of at least SPLIT_PAGE_COLS:
 * side by side from 117 columns. Narrower but this tall, the page goes under the list. */
#define SPLIT_LIST_COLS 76
#define SPLIT_PAGE_COLS 40
#define SPLIT_STACK_LINES 40

/* A region of the screen: column x, row y, w columns, h rows. */
struct split_rect {
	int x, y, w, h;
};

/*
 * Where the list and the page go in a terminal of cols x lines (the title bar on the first row and
 * the status line on the last stay whole). Side by side a column between them is the separator, one
 * above the other a row (sep). With SPLIT_NONE the list has the whole body and page is empty.
 */
struct split_layout {
	enum split_shape shape;
	struct split_rect list, page, sep;
};

struct split_layout split_layout(int cols, int lines, enum split_mode mode, int ratio);
/* The ratio kept within [SPLIT_RATIO_MIN, SPLIT_RATIO_MAX]. */
int split_clamp_ratio(int ratio);
/* "auto", "on", "off" (also yes/no, true/false, 1/0 for on and off); false when it is none of those. */
bool split_parse_mode(const char *s, enum split_mode *out);
const char *split_mode_name(enum split_mode mode);

/* ---- the browser's side (src/ui/split.c) ---- */
struct app;
struct view;

/* The split's state starts from the configuration (cli options); freed with split_free. */
void split_init(struct app *app);
/* The page beside the list is built again before it is drawn next (what it shows changed: &). */
void split_page_stale(struct app *app);
void split_free(struct app *app);
/* The layout for the view in front now: SPLIT_NONE unless it is a list (SCOPE_SPLIT) on a screen that
 * has room, or the split is off. */
struct split_layout split_current(struct app *app);
/* The region v is drawn in when it is one of the two panes now (false: the whole screen). */
bool split_region(struct app *app, const struct view *v, struct split_rect *out);
/* Makes the page follow the list's cursor; returns the page to draw, or NULL when no split is shown. */
struct view *split_sync(struct app *app);
/* The page pane when it has the keys now (focused and shown), else NULL. */
struct view *split_focused_page(struct app *app);
/* The view requests act on while the page has the keys (app_current): the page, else NULL. */
struct view *split_acting(struct app *app);
/* The split's requests (SCOPE_SPLIT): true when req is one. */
bool split_request(struct app *app, enum request req);
/* While the page has the keys (a request of it runs), app_current is the page. */
void split_set_acting(struct app *app, bool on);
enum split_key {
	SPLIT_KEY_NOT_MINE, /* as usual: the list's keys */
	SPLIT_KEY_DONE,     /* done here */
	SPLIT_KEY_ON_PAGE,  /* run *req with the page as the view in front (split_set_acting) */
};
/* A key while the page pane is focused. */
enum split_key split_key(struct app *app, struct key key, enum request *req);
/* The pane at screen row y, column x (NULL: none, or no split); with focus, the keys go to it. */
struct view *split_view_at(struct app *app, int y, int x, bool focus);
/* Before the model is read again or merged: the page goes (its indices may not hold). */
void split_drop_page(struct app *app);
/* A new view went on top: the keys go back to the list side. */
void split_view_opened(struct app *app);

#endif
