/* screen.c - the browser's screen: the title bar, the view, the status line, and screen dumps for the
 * screen tests. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "recview/app.h"
#include "recview/arena.h"
#include "recview/finding.h"
#include "recview/bigtext_ui.h"
#include "recview/hyperlink.h"
#include "recview/live.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/split.h"
#include "recview/tags.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"

/* Below this the screen shows a message instead of views. */
#define MIN_COLS 30
#define MIN_LINES 6

bool app_screen_too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

static bool has_header(const struct view *v)
{
	return v && v->ops->header;
}

/* Where v is drawn: its pane of the split, else the whole screen under the title bar. */
static struct split_rect view_region(const struct view *v)
{
	struct split_rect r;
	if (v && split_region(v->app, v, &r))
		return r;
	int top = v && v->ops->fullscreen ? 0 : 1;
	return (struct split_rect){0, top, COLS > 1 ? COLS : 1, LINES - 1 - top};
}

/* The first screen row of a view's body: under the title bar, and its column header if it has one. */
int app_body_top(const struct view *v)
{
	return view_region(v).y + (has_header(v) ? 1 : 0);
}

int app_body_height(const struct view *v)
{
	struct split_rect r = view_region(v);
	int h = r.h - (has_header(v) ? 1 : 0);
	return h > 1 ? h : 1;
}

int app_body_width(void)
{
	return COLS > 1 ? COLS : 1;
}


static void draw_title(struct app *app)
{
	struct strbuf crumbs;
	sb_init(&crumbs);
	for (size_t i = 0; i < app->depth; i++) {
		if (i)
			sb_adds(&crumbs, app->ascii ? " > " : " \xE2\x80\xBA ");
		app->stack[i]->ops->crumb(app->stack[i], &crumbs);
	}
	struct view *v = app_current(app);
	char pos[48];
	snprintf(pos, sizeof(pos), " %zu/%zu ", v->nlines ? v->lineno + 1 : 0, v->nlines);
	/* The date in force, in every view while one is set: what is shown is the state then. */
	char as_of[40] = "";
	if (app->as_of != RV_DATE_NONE) {
		char date[16];
		rv_date_format(app->as_of, date, sizeof(date));
		snprintf(as_of, sizeof(as_of), " as of %s ", date);
	}
	int as_of_w = COLS >= 40 ? (int)strlen(as_of) : 0;
	int pos_w = (int)strlen(pos);
	int room = COLS - pos_w - as_of_w - 1;
	struct draw d;
	draw_begin(&d, stdscr, 0, 0, COLS, false, app->ascii);
	draw_str(&d, " ", C_TITLE);
	/* A long trail is cut from the left: where you are matters more than where you started. */
	int w = text_width(crumbs.data, crumbs.len);
	size_t start = 0;
	if (w > room - 1 && room > 2) {
		size_t pos_b = 0;
		struct glyph g;
		while (w > room - 2 && text_next_glyph(crumbs.data, crumbs.len, &pos_b, 0, &g))
			w -= g.width;
		start = pos_b;
		draw_str(&d, app->ascii ? "~" : "\xE2\x80\xA6", C_TITLE);
	}
	d.right = room > 0 ? room : 0;
	draw_text(&d, crumbs.data + start, crumbs.len - start, C_TITLE);
	d.right = COLS;
	draw_spaces(&d, COLS - pos_w - as_of_w - d.col, C_TITLE);
	if (as_of_w)
		draw_str(&d, as_of, C_TITLE);
	draw_str(&d, pos, C_TITLE);
	draw_spaces(&d, COLS - d.col, C_TITLE);
	sb_free(&crumbs);
}

/* The requests the status line offers when nothing else is said there, with a word each: the view's
 * own keys first, then those of the general ones it serves. */
static const struct {
	enum request req;
	const char *word;
	bool narrow; /* shown at under 70 columns too */
} key_hints[] = {
	{REQ_NEXT_ITEM, "next", true},   {REQ_PREV_ITEM, "previous", false}, {REQ_NEXT_REVIEW, "next", true},
	{REQ_PREV_REVIEW, "previous", false}, {REQ_KEEP_MINE, "mine", true},
	{REQ_KEEP_THEIRS, "theirs", true}, {REQ_VIEW_HELP, "help", true},   {REQ_BACK, "back", false},
	{REQ_ENTER, "open", false},      {REQ_SEARCH, "search", false},     {REQ_FILTER, "filter", false},
	{REQ_QUIT_VIEW, "close", true},
};

/* "? help  h back ...": the first key that reaches each request in the view in front. */
static void draw_key_hints(struct draw *d, const struct view *v, bool wide)
{
	const struct view_keymap *km = v ? v->ops->keymap : NULL;
	unsigned scopes = v ? v->ops->scopes : ~0u;
	bool first = true;
	for (size_t i = 0; i < sizeof(key_hints) / sizeof(*key_hints); i++) {
		enum request req = key_hints[i].req;
		char keys[96];
		if (!wide && !key_hints[i].narrow)
			continue;
		if (!keys_keymap_binds(km, req) && !(request_scope(req) & scopes & ~(unsigned)SCOPE_VIEW))
			continue;
		if (!keys_for_request_in(km, req, keys, sizeof(keys)))
			continue;
		char *comma = strchr(keys, ',');
		if (comma)
			*comma = '\0';
		draw_str(d, first ? "" : "  ", C_DIM);
		draw_str(d, keys, C_DIM);
		draw_str(d, " ", C_DIM);
		draw_str(d, key_hints[i].word, C_DIM);
		first = false;
	}
}

/* "[page] C-w list": the keys go to the page beside the list, and which key gives them back. */
static void draw_page_focus(struct draw *d, const struct view *page)
{
	char keys[96];
	draw_str(d, "[page] ", C_HEADING);
	if (!keys_for_request_in(page->ops->keymap, REQ_SPLIT_FOCUS, keys, sizeof(keys)))
		return;
	char *comma = strchr(keys, ',');
	if (comma)
		*comma = '\0';
	draw_str(d, keys, C_DIM);
	draw_str(d, " list  ", C_DIM);
}

static void draw_status(struct app *app)
{
	struct draw d;
	if (app->prompt) {
		if (app->hint[0] && LINES > 3) {
			draw_begin(&d, stdscr, LINES - 2, 0, COLS, false, app->ascii);
			draw_str(&d, app->hint, C_HEADER);
			draw_end(&d);
		}
		prompt_draw(app, app->prompt);
		return;
	}
	draw_begin(&d, stdscr, LINES - 1, 0, COLS, false, app->ascii);
	if (rv_session_busy(app->session))
		draw_str(&d, "[saving] ", C_DIM);
	else if (rv_session_has_unsaved(app->session))
		draw_str(&d, "[NOT SAVED: W] ", C_ERROR);
	else if (app->session->read_only)
		draw_str(&d, "[read-only] ", C_WARNING);
	if (app->message[0]) {
		draw_str(&d, app->message, app->message_color);
	} else {
		if (app->query) {
			draw_str(&d, "filter: ", C_HEADING);
			draw_str(&d, app->filter_text, C_DEFAULT);
			draw_str(&d, "  (F clears)  ", C_DIM);
		} else {
			struct view *page = split_focused_page(app);
			if (page)
				draw_page_focus(&d, page);
			draw_key_hints(&d, page ? page : app_current(app), COLS >= 70);
		}
		if (app->as_of != RV_DATE_NONE) {
			char date[16];
			rv_date_format(app->as_of, date, sizeof(date));
			draw_str(&d, "  as of ", C_HEADING);
			draw_str(&d, date, C_DATE);
		}
		if (app->sort_key != RV_SORT_ID || app->sort_reverse) {
			draw_str(&d, "  sort: ", C_HEADING);
			if (app->sort_reverse)
				draw_str(&d, "-", C_DEFAULT);
			draw_str(&d, rv_sort_name((enum rv_sort_key)app->sort_key), C_DEFAULT);
		}
		if (app->m->diags.n) {
			/* Every problem, the ones only counted too. */
			size_t total = app->m->diags.errors + app->m->diags.warnings;
			char problems[96];
			snprintf(problems, sizeof(problems), "  ! %zu problem%s", total, total == 1 ? "" : "s");
			draw_str(&d, problems, app->m->diags.errors ? C_ERROR : C_WARNING);
		}
	}
	if (app->git_branch[0] && COLS - d.col > (int)strlen(app->git_branch) + 8) {
		draw_str(&d, "  git:", C_DIM);
		draw_str(&d, app->git_branch, C_HEADING);
	}
	draw_end(&d);
}

/* Line i of v, its search matches looked for in its whole paragraph (as search_text.c finds them). */
static void draw_line(struct view *v, size_t i, struct draw *d)
{
	const char *text = NULL;
	size_t len = 0;
	if (!v->ops->grep)
		search_paragraph_text(v, i, &text, &len);
	draw_set_match_source(text, len);
	v->ops->draw(v, &v->lines[i], d);
	draw_set_match_source(NULL, 0);
}

/* v in its region; cursor: whether its cursor line is highlighted (a page beside the list shows
 * one only while it has the keys). */
static void draw_view(struct app *app, struct view *v, bool cursor)
{
	struct split_rect r = view_region(v);
	int top = r.y;
	if (v->ops->header) {
		struct draw d;
		draw_begin(&d, stdscr, top, r.x, r.w, false, app->ascii);
		v->ops->header(v, &d);
		draw_end(&d);
		top++;
	}
	int height = app_body_height(v);
	draw_set_url_source(v->text.data, v->text.len);
	for (int row = 0; row < height; row++) {
		size_t i = v->offset + (size_t)row;
		struct draw d;
		bool selected = cursor && i == v->lineno && i < v->nlines;
		draw_begin(&d, stdscr, top + row, r.x, r.w, selected, app->ascii);
		if (i < v->nlines)
			draw_line(v, i, &d);
		if (selected) /* the whole cursor line is highlighted, to the right edge */
			draw_spaces(&d, d.right - d.col, C_SELECTED);
		draw_end(&d);
	}
	draw_set_url_source(NULL, 0);
}

/* The line between the list and the page: a column beside it, or a row above it with the page's name
 * (page may be NULL: no item under the cursor). */
static void draw_separator(struct app *app, const struct split_layout *l, struct view *page, bool focus)
{
	enum color c = focus ? C_HEADING : C_DIM;
	struct draw d;
	if (l->shape == SPLIT_SIDE) {
		for (int row = 0; row < l->sep.h; row++) {
			draw_begin(&d, stdscr, l->sep.y + row, l->sep.x, 1, false, app->ascii);
			draw_str(&d, app->ascii ? "|" : "\xE2\x94\x82", c);
		}
		return;
	}
	const char *dash = app->ascii ? "-" : "\xE2\x94\x80";
	struct strbuf crumb;
	sb_init(&crumb);
	draw_begin(&d, stdscr, l->sep.y, l->sep.x, l->sep.w, false, app->ascii);
	draw_str(&d, dash, c);
	draw_str(&d, dash, c);
	if (page) {
		page->ops->crumb(page, &crumb);
		draw_str(&d, " ", c);
		draw_text(&d, crumb.data, crumb.len, focus ? C_HEADING : C_DEFAULT);
		draw_str(&d, " ", c);
	}
	while (d.col < d.right)
		draw_str(&d, dash, c);
	sb_free(&crumb);
}

/* The list in front and, when there is room, the page of its item beside it; returns the page. */
static struct view *draw_views(struct app *app, struct view *v)
{
	struct split_layout l = split_current(app);
	struct view *page = split_sync(app);
	draw_view(app, v, true);
	if (l.shape == SPLIT_NONE)
		return NULL;
	bool focus = split_focused_page(app) != NULL;
	draw_separator(app, &l, page, focus);
	if (page) {
		draw_view(app, page, focus);
	} else { /* no item under the cursor (an empty list, a heading) */
		for (int row = 0; row < l.page.h; row++) {
			struct draw d;
			draw_begin(&d, stdscr, l.page.y + row, l.page.x, l.page.w, false, app->ascii);
			draw_end(&d);
		}
	}
	return page;
}

/* The terminal's own cursor sits on the selected line, where screen readers look. */
static void draw_view_cursor(struct app *app, struct view *v)
{
	struct view *page = split_focused_page(app);
	if (page)
		v = page;
	int top = app_body_top(v);
	size_t row = v->lineno >= v->offset ? v->lineno - v->offset : 0;
	move(top + (int)row, view_region(v).x);
}

static void draw_too_small(void)
{
	erase();
	const char *msg = "terminal too small";
	char need[48];
	snprintf(need, sizeof(need), "need %dx%d", MIN_COLS, MIN_LINES);
	int row = LINES / 2 - 1 > 0 ? LINES / 2 - 1 : 0;
	mvaddnstr(row, 0, msg, COLS);
	if (row + 1 < LINES)
		mvaddnstr(row + 1, 0, need, COLS);
	if (row + 2 < LINES)
		mvaddnstr(row + 2, 0, "q quits", COLS);
}

void app_redraw(struct app *app)
{
	hyperlink_frame_begin();
	bigtext_frame_begin();
	if (app_screen_too_small()) {
		draw_too_small();
	} else {
		struct view *v = app_current(app);
		if (v->ops->fullscreen) {
			/* A walkthrough has the whole screen: one footer line, no title bar, no key hints. */
			if (v->width != COLS)
				view_rebuild(v, COLS);
			draw_view(app, v, true);
			if (app->prompt) {
				bigtext_forget_row(LINES - 2); /* the prompt's hint or completions go there */
				draw_status(app);
			} else {
				struct draw d;
				draw_begin(&d, stdscr, LINES - 1, 0, COLS, false, app->ascii);
				v->ops->footer(v, &d);
				bool fits = draw_remaining(&d) >= 4 + text_width(app->message, strlen(app->message));
				if (app->message[0] && fits) {
					draw_str(&d, "    ", C_DEFAULT);
					draw_str(&d, app->message, app->message_color);
				}
				draw_end(&d);
				if (app->message[0] && !fits && LINES > 2) {
					/* The clock stays: a message it leaves no room for goes on the line above
					 * until the next key. */
					bigtext_forget_row(LINES - 2);
					draw_begin(&d, stdscr, LINES - 2, 0, COLS, false, app->ascii);
					draw_str(&d, "  ", C_DEFAULT);
					draw_str(&d, app->message, app->message_color);
					draw_end(&d);
				}
			}
		} else {
			int width = view_region(v).w; /* before the title bar counts its lines */
			if (v->width != width)
				view_rebuild(v, width);
			draw_title(app);
			draw_views(app, v);
			draw_status(app);
		}
		app->last_drawn = v;
		/* The status line moved the cursor to its end; put it back on the selected line. */
		if (!app->prompt)
			draw_view_cursor(app, v);
	}
	wnoutrefresh(stdscr);
	/* Big text gone since the last frame is erased before curses writes over its rows. */
	bigtext_before_update();
	doupdate();
	/* After curses has written the frame: the addresses on it as OSC 8 hyperlinks, the slide's big
	 * text as OSC 66. */
	hyperlink_frame_end();
	bigtext_frame_end();
}

/* ---- screen dumps for tests ---- */

/* Whether the cell at (y, x) is drawn as a search match (on the cursor line too). */
static bool cell_is_match(int y, int x)
{
	attr_t a = (attr_t)(mvinch(y, x) & (A_ATTRIBUTES | A_COLOR));
	return a == draw_attr(C_MATCH) || a == (draw_attr(C_SELECTED) | A_UNDERLINE);
}

/* Under a row that shows search matches, a row with ^ below each of their cells. */
static void save_match_row(FILE *f, int y)
{
	int last = -1;
	for (int x = 0; x < COLS; x++)
		if (cell_is_match(y, x))
			last = x;
	if (last < 0)
		return;
	for (int x = 0; x <= last; x++)
		fputc(cell_is_match(y, x) ? '^' : ' ', f);
	fputc('\n', f);
}

void app_save_display(struct app *app, const char *path, bool matches)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		app_message(app, C_ERROR, "cannot write %s: %s", path, strerror(errno));
		return;
	}
	wchar_t *wbuf = xcalloc((size_t)COLS + 1, sizeof(*wbuf));
	for (int y = 0; y < LINES; y++) {
		int n = mvinnwstr(y, 0, wbuf, COLS);
		if (n < 0)
			n = 0;
		wbuf[n] = L'\0';
		while (n > 0 && wbuf[n - 1] == L' ')
			wbuf[--n] = L'\0';
		fprintf(f, "%ls\n", wbuf);
		if (matches)
			save_match_row(f, y);
	}
	free(wbuf);
	fclose(f);
}
