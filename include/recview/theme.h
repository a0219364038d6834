/*
 * theme.h - the colour themes as data, without curses: which colour and attributes each part of the
 * screen takes (enum color), per theme; and what marks a status or a decision in a bar besides its
 * colour (a fill pattern), so that the dashboard reads without colours. draw.c turns these into
 * curses pairs and attributes.
 */
#ifndef RECVIEW_THEME_H
#define RECVIEW_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/vocab.h"

enum color {
	C_DEFAULT,
	C_TITLE,      /* the breadcrumb bar */
	C_STATUS,     /* the status line */
	C_HEADER,     /* column headers */
	C_SELECTED,   /* the cursor line */
	C_ID,
	C_DATE,
	C_DIM,
	C_LINK,
	C_ESCAPE,     /* control characters made visible */
	C_HEADING,    /* section headings on a page */
	C_LABEL,      /* field labels */
	C_ST_COMPLETE,
	C_ST_PROGRESS,
	C_ST_PLANNING,
	C_ST_NOT_STARTED,
	C_ST_BEHIND,
	C_ST_UNKNOWN,
	C_ST_NONE,    /* no status recorded (a part of a dashboard bar) */
	C_DEC_APPROVED,
	C_DEC_REJECTED,
	C_DEC_PENDING,
	C_ERROR,
	C_WARNING,
	C_MATCH,
	C_TAGGED,     /* the mark of a tagged item */
	C_CHANGED,    /* a row someone else changed, not seen yet (beside its mark) */
	C_COUNT
};

/* Colour numbers as terminals count them: the eight ANSI colours, then xterm-256 (16..255). */
enum {
	RV_COLOR_NONE = -1, /* the terminal's own foreground or background */
	RV_COLOR_BLACK = 0,
	RV_COLOR_RED,
	RV_COLOR_GREEN,
	RV_COLOR_YELLOW,
	RV_COLOR_BLUE,
	RV_COLOR_MAGENTA,
	RV_COLOR_CYAN,
	RV_COLOR_WHITE,
};

/* Attributes, combined with |. */
enum {
	RV_BOLD = 1,
	RV_UNDERLINE = 2,
	RV_REVERSE = 4,
	RV_DIM = 8,
};

struct rv_color_def {
	short fg, bg;
	unsigned extra; /* attributes added in colour mode */
	unsigned mono;  /* attributes used without colours */
};

struct rv_theme {
	const char *name;
	const struct rv_color_def *defs;  /* C_COUNT entries */
	const struct rv_color_def *defs8; /* on a terminal with fewer than 256 colours; NULL: defs */
	bool mono;                        /* attributes only, even on a colour terminal */
};

/* The themes by name ("default", "light", "high-contrast", "monochrome", "okabe-ito"); NULL: none. */
const struct rv_theme *rv_theme_find(const char *name, size_t len);
const struct rv_theme *rv_theme_at(size_t i); /* NULL past the last */
/* "default, light, high-contrast, monochrome, okabe-ito" */
const char *rv_theme_names(void);

/* The colour of a status or decision as a part of a bar (no status: C_ST_NONE). */
enum color rv_status_color(enum rv_status st);
enum color rv_decision_color(enum rv_decision d);

/* The fill pattern of a status's or a decision's part of a bar: one column, distinct per value,
 * UTF-8 block shades or (ascii) plain characters. */
const char *rv_status_pattern(enum rv_status st, bool ascii);
const char *rv_decision_pattern(enum rv_decision d, bool ascii);

#endif
