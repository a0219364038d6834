/* present.h - the walkthrough's parts: its state (view_present.c) and its slide (present_slide.c). */
#ifndef RECVIEW_PRESENT_H
#define RECVIEW_PRESENT_H

#include <stddef.h>
#include <stdint.h>

#include "recview/views.h"

struct view;
struct line;
struct draw;
struct rv_change;

/* The kinds of a slide's lines. */
enum {
	PL_BIG,      /* a row of the big id, status or title (present_big.c); sub: which row */
	PL_ID,       /* the id, when it is not big */
	PL_STATE,    /* glyph, status (ref 1: the status is big above), decision, priority */
	PL_TOPIC,
	PL_BLANK,
	PL_TEXT,
	PL_HEADING,  /* ref 1: the heading of what this meeting decided */
	PL_DELIVERABLE, /* ref: child */
	PL_LATEST,   /* the latest history entry's date and state; ref: child */
	PL_NOTE,     /* its note, or the next question */
	PL_EMPTY,
	PL_AS_OF,    /* the first row, when a date is in force: "as of DATE" (the slide has no title bar) */
	PL_DECIDED,  /* a change this meeting made to it; ref: the change's index in the session (a
		      * follower's: in present_state.decided) */
	PL_LATER,    /* as of a date with dim: a history entry recorded after it; ref: child */
	PL_LATER_TEXT, /* and its note, a note recorded after it, or how many more: dimmed */
};

struct present_state {
	uint32_t *recs;  /* what is walked through */
	enum present_source from;
	size_t n, at;
	double shown_at; /* when the current item's clock last ran */
	bool away;       /* the item's page or the overview, opened from the slide, is in front: the
			  * meeting is still on this item, so its clock runs on */
	/* A follower's slide: what the presenter's meeting decided about the item shown, as the files
	 * record it (rv_files_decided; the presenter's own slide reads its session). */
	struct rv_change *decided;
	size_t ndecided;
};

/*
 * How far a slide is scrolled, as followers are told it (follow.h): 0 at its top, else 1 + the number
 * of the paragraph at the top of the screen (a text, a heading, a deliverable, a note...), counted from
 * the slide's first. A paragraph is counted however many rows it wraps onto, and blank rows, the block
 * letters and what this meeting decided (the presenter's session made those changes, a follower's did
 * not) are not, so that a screen of another width, with more air or without that section comes to
 * the same text: the follower shows that paragraph from its start.
 */
size_t present_scroll_mark(const struct view *v);
/* Scrolls the slide to that mark (as far as it goes). */
void present_scroll_to_mark(struct view *v, size_t mark);
/* Seconds the walkthrough has spent on rec: the session's count, and for the current item while a
 * view opened from the slide is in front (away), the time since the clock last ran as well. */
double present_time_on(const struct present_state *st, const struct rv_session *s, size_t rec);
/* Fills the view's lines with the slide of the current item (or the empty slide); never refuses. */
bool present_slide_build(struct view *v);
/* How much air a slide has: blank rows above it, and between its sections. */
struct present_air {
	int top, gap;
};
/* The most air a screen of that many rows gives (a level: 0 compact, at 80x24), and each level's. */
int present_air_most(int lines);
struct present_air present_air_at(int level);
/* The columns a slide's text is wrapped at (a readable measure, whatever the width). */
int present_text_width(const struct view *v);
/* The content under the id, state and title (present_sections.c): what this meeting decided, the
 * text, deliverables, latest entry, notes and open questions, gap blank rows before each. */
/* Reads what the sections need from the files once per slide, however many times it is laid out: a
 * follower's "Decided in this meeting". */
void present_sections_prepare(struct view *v);
void present_sections_build(struct view *v, size_t rec, int gap);
/* Draws a line of those sections that needs more than its text; false for any other line. */
bool present_sections_draw(struct view *v, const struct line *line, struct draw *d);
/* The meeting clock of the footer: a bar over the walkthrough, this item's and all items' time
 * against their budgets (present_clock.c). */
void present_clock_draw(struct view *v, struct draw *d, int reserve);
/* The slide's id and its status, big where the terminal and the screen allow (present_big.c): side
 * by side when both fit so, else the id, a blank line and the status; a blank line after them. True
 * when the status is big (the state line then leaves it out). width: the slide's text width. */
bool present_big_heading(struct view *v, size_t rec, int width);
/* The title at scale 2 or 3 when the terminal takes OSC 66: false when it is not (then it is text). */
bool present_big_title(struct view *v, size_t rec, int width);
/* Draws a PL_BIG line at the slide's margin. */
void present_big_draw(struct view *v, const struct line *line, struct draw *d, int width);
/* Draws one line of the slide. */
void present_slide_draw(struct view *v, const struct line *line, struct draw *d);

#endif
