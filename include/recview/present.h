/* present.h - the walkthrough's parts: its state (view_present.c) and its slide (present_slide.c). */
#ifndef RECVIEW_PRESENT_H
#define RECVIEW_PRESENT_H

#include <stddef.h>
#include <stdint.h>

#include "recview/views.h"

struct view;
struct line;
struct draw;

/* The kinds of a slide's lines. */
enum {
	PL_BIG,      /* a row of the big id, status or title (present_big.c); sub: which row */
	PL_ID,       /* the id, when it is not big */
	PL_STATE,    /* glyph, status (ref 1: the status is big above it), decision, priority */
	PL_TOPIC,
	PL_BLANK,
	PL_TEXT,
	PL_HEADING,
	PL_DELIVERABLE, /* ref: child */
	PL_LATEST,   /* the latest history entry's date and state; ref: child */
	PL_NOTE,     /* its note, or the next question */
	PL_EMPTY,
	PL_AS_OF,    /* the first row, when a date is in force: "as of DATE" (the slide has no title bar) */
};

struct present_state {
	uint32_t *recs;  /* what is walked through */
	enum present_source from;
	size_t n, at;
	double shown_at; /* when the current item's clock last ran */
};

/* Fills the view's lines with the slide of the current item (or the empty slide); never refuses. */
bool present_slide_build(struct view *v);
/* The meeting clock of the footer: a bar over the walkthrough, this item's and all items' time
 * against their budgets (present_clock.c). */
void present_clock_draw(struct view *v, struct draw *d, int reserve);
/* The slide's id, a blank line and its status, big where the terminal and the screen allow
 * (present_big.c); true when the status is big (the state line then leaves it out). width: the
 * slide's text width. */
bool present_big_heading(struct view *v, size_t rec, int width);
/* The title at scale 2 or 3 when the terminal takes OSC 66: false when it is not (then it is text). */
bool present_big_title(struct view *v, size_t rec, int width);
/* Draws a PL_BIG line at the slide's margin. */
void present_big_draw(struct view *v, const struct line *line, struct draw *d, int width);
/* Draws one line of the slide. */
void present_slide_draw(struct view *v, const struct line *line, struct draw *d);

#endif
