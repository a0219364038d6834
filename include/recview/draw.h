/*
 * draw.h - the one place that puts text on the screen: widths, cutting, colours and the sanitising
 * of every string. Views never compute screen columns by hand.
 */
#ifndef RECVIEW_DRAW_H
#define RECVIEW_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "recview/theme.h"

struct draw {
	WINDOW *win;
	int row;       /* screen row */
	int col;       /* next column */
	int right;     /* first column past the drawable area */
	bool selected; /* the cursor line: one attribute for all of it */
	bool ascii;    /* the terminal cannot show UTF-8 */
	bool dimmed;   /* everything in C_DIM (an entry recorded after the as-of date); draw_begin clears it */
};

struct rv_search;

/* Matches of this search are highlighted in every text drawn (NULL: none). */
void draw_set_highlight(const struct rv_search *s);

/* The wrapped paragraph the line being drawn is a slice of (NULL: none): matches are looked for in
 * all of it, so that a match that wraps is highlighted on each of its lines. */
void draw_set_match_source(const char *text, size_t len);

/* The text of the view being drawn (its lines are slices of it), so that every line of a wrapped web
 * address links to the whole of it; NULL: none. Addresses are drawn in C_LINK, as hyperlinks. */
void draw_set_url_source(const char *text, size_t len);

/* Chooses the theme (before draw_init_colors), by its name in theme.h. */
bool draw_set_theme(const char *name);
const char *draw_theme_names(void);

/* Colours on (with NO_COLOR unset and a colour terminal) or attributes only. */
void draw_init_colors(bool use_color);
attr_t draw_attr(enum color c);

void draw_begin(struct draw *d, WINDOW *win, int row, int col, int width, bool selected, bool ascii);
/* Text from a file (sanitised here), cut at the right edge. Returns the columns used. */
int draw_text(struct draw *d, const char *s, size_t len, enum color c);
int draw_str(struct draw *d, const char *s, enum color c);
/* Exactly width columns: the text cut with an ellipsis, or padded with spaces. */
void draw_field(struct draw *d, const char *s, size_t len, int width, enum color c);
/* Same, aligned to the right (numbers). */
void draw_field_right(struct draw *d, const char *s, size_t len, int width, enum color c);
void draw_spaces(struct draw *d, int n, enum color c);
/* Fills the rest of the line. */
void draw_end(struct draw *d);
int draw_remaining(const struct draw *d);

#endif
