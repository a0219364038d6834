/*
 * view.h - the generic view engine. A view is a list of lines built by its open callback and drawn
 * one line at a time by its draw callback; the engine owns the cursor, scrolling, the back and
 * forward stacks, links and resizing. Adding a view means writing a struct view_ops, nothing here.
 */
#ifndef RECVIEW_VIEW_H
#define RECVIEW_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/changelog.h"
#include "recview/draw.h"
#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/keys.h"
#include "recview/model.h"
#include "recview/request.h"
#include "recview/strbuf.h"

/* Every view, declared once (its ops are in src/ui/view_NAME.c): no view is told by its name. */
#define VIEW_INFO(_) \
	_(RECS) _(REC) _(CHILDREN) _(ITEM) _(PROBLEMS) _(MAPPING) _(HELP) _(RESULTS) _(AGENDA) \
	_(DASHBOARD) _(TEXT) _(PRESENT) _(CHANGES) _(OTHERS) _(CONFLICTS) _(LOG) _(REVIEWS) \
	_(COLUMNS) _(FOLLOW) _(OVERVIEW)

#define VIEW_ENUM(id) VIEW_##id,
enum view_id {
	VIEW_NONE, /* an ops that forgot its id: caught by view_new */
	VIEW_INFO(VIEW_ENUM)
	VIEW_COUNT
};
#undef VIEW_ENUM

struct app;
struct view;
struct rv_search;
struct list_columns;

struct line {
	uint16_t type;   /* view-specific */
	bool link;       /* Tab stops here and Enter follows it */
	uint32_t ref;    /* what the line shows: a recommendation, a child, a problem... */
	uint32_t sub;    /* which wrapped line of that item */
	uint32_t off;    /* text of a wrapped line: a slice of view->text */
	uint32_t len;
};

struct view_ops {
	enum view_id id;                          /* which view it is (views.h) */
	const char *name;                         /* "recommendations", also the help section */
	/* Which requests of the table the view serves (SCOPE_*, request.h): its help lists those. */
	unsigned scopes;
	/* Optional: its own keys, and what general requests do in it, for its help (keys.h). */
	const struct view_keymap *keymap;
	/* The size of its private state: the engine gives it as v->data, zeroed (or a copy of the
	 * constructor's init, view_new_with), before the first open, and frees it after done. 0: none. */
	size_t state_size;
	/* Builds the lines for the current width; called again when the width changes. false, with why
	 * in err (one sentence): the view cannot be built (nothing to show, a bad argument), and is not
	 * opened (error.h's convention). */
	bool (*open)(struct view *v, char *err, size_t errsize);
	/* Draws one line; d spans the view's width. */
	void (*draw)(struct view *v, const struct line *line, struct draw *d);
	/* A request the engine did not handle (Enter on a line...). Returns REQ_NONE when done. */
	enum request (*request)(struct view *v, enum request req, struct line *line);
	/* Its part of the breadcrumb: "SSR1-11", "Questions". */
	void (*crumb)(struct view *v, struct strbuf *out);
	/* Optional sticky line above the body (column headers). */
	void (*header)(struct view *v, struct draw *d);
	/* Optional: does the line match the search? (n, N and incremental search) */
	bool (*grep)(struct view *v, const struct line *line, const struct rv_search *s);
	/* Optional: a key before the key table sees it (true: handled). */
	bool (*key)(struct view *v, struct key key);
	/* Optional, with fullscreen: the one line at the bottom instead of the title bar and status line. */
	void (*footer)(struct view *v, struct draw *d);
	bool fullscreen;
	/* Optional: the recommendation under the cursor, when it is not v->rec. */
	long (*current_rec)(struct view *v);
	/* Optional: the deliverable or question the view is about or its cursor is on (false: none). */
	bool (*current_item)(struct view *v, struct rv_item *out);
	/* Optional: the files were read again (a merge) and v->rec, v->item found again by id; rebuild
	 * what is kept in data, the cursor on cursor_rec when it is still there. Without it, the state is
	 * reset (done, then zeroed: view_reset_state) for open to build again. */
	void (*reload)(struct view *v, long cursor_rec);
	/* Optional: the name of the review the view is about or its cursor is on (false: none); without
	 * it, the review of the current recommendation. */
	bool (*current_review)(struct view *v, struct strbuf *out);
	/* Optional: the item a line shows, for tagging (a recommendation, deliverable or question). */
	bool (*line_item)(struct view *v, const struct line *line, struct rv_item *out);
	/* Optional: frees what the state points to (the engine frees the state itself after it). */
	void (*done)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct app *app;
	struct line *lines;
	size_t nlines, cap;
	struct strbuf text;     /* sanitised text of wrapped lines */
	size_t lineno;          /* cursor */
	size_t offset;          /* first line shown */
	int width;              /* the width the lines were built for */
	long rec;               /* the recommendation it is about, or -1 */
	long item;              /* the child or problem it is about, or -1 */
	enum rv_kind kind;      /* child kind for child lists and pages */
	struct rv_stamp built;  /* the model's generation and the as-of date the lines were built for */
	void *data;             /* the view's state, ops->state_size bytes (NULL without); the engine's */
	struct list_columns *columns; /* a list's columns: fitted widths, sideways scroll (list_columns.c) */
};

/* ---- building lines ---- */
struct line *view_add_line(struct view *v, uint16_t type, uint32_t ref, bool link);
/*
 * Adds raw text (sanitised here) wrapped to width - hang columns, as lines of one type; the first
 * line can be shorter by first_indent... all lines keep their text in v->text.
 */
void view_add_wrapped(struct view *v, uint16_t type, uint32_t ref, bool link, const char *s, size_t len, int width);
void view_clear_lines(struct view *v);
const char *view_line_text(const struct view *v, const struct line *line);

/* ---- the engine ---- */
/* A new view, its lines built; NULL when its open refused, its message then on the app's status line
 * (app_open takes NULL and opens nothing). */
struct view *view_new(struct app *app, const struct view_ops *ops, long rec, long item, enum rv_kind kind);
/*
 * view_new with the state's first contents: init (ops->state_size bytes, NULL: zeroed) is copied into
 * the state before open builds the lines; what its pointers own passes to the view (freed by done).
 */
struct view *view_new_with(struct app *app, const struct view_ops *ops, long rec, long item, enum rv_kind kind,
			   const void *init);
/* Frees what the state points to (done) and zeroes it, for open to build it again from the start. */
void view_reset_state(struct view *v);
void view_free(struct view *v);
/* Rebuilds the lines (after a resize), keeping the cursor on the same item. */
void view_rebuild(struct view *v, int width);
/* Rebuilds a view built before the model last changed, or for another as-of date. */
void view_refresh(struct view *v);
void view_move_to(struct view *v, size_t lineno, int height);
/* Moves the cursor; returns false when it could not move. */
bool view_request(struct view *v, enum request req, int height);

#endif
