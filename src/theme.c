/* theme.c - the colour themes as data (theme.h); draw.c gives them to curses. */
#include "recview/theme.h"

#include <string.h>

/* default: for a dark terminal background. */
static const struct rv_color_def theme_default[C_COUNT] = {
	[C_DEFAULT] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_TITLE] = {RV_COLOR_WHITE, RV_COLOR_BLUE, RV_BOLD, RV_REVERSE},
	[C_STATUS] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_HEADER] = {RV_COLOR_YELLOW, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
	[C_SELECTED] = {RV_COLOR_BLACK, RV_COLOR_CYAN, 0, RV_REVERSE},
	[C_ID] = {RV_COLOR_CYAN, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_DATE] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_BOLD, 0},
	[C_DIM] = {RV_COLOR_NONE, RV_COLOR_NONE, RV_DIM, RV_DIM},
	[C_LINK] = {RV_COLOR_CYAN, RV_COLOR_NONE, RV_UNDERLINE, RV_UNDERLINE},
	[C_ESCAPE] = {RV_COLOR_RED, RV_COLOR_NONE, RV_REVERSE, RV_REVERSE},
	[C_HEADING] = {RV_COLOR_YELLOW, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_LABEL] = {RV_COLOR_GREEN, RV_COLOR_NONE, 0, RV_BOLD},
	[C_ST_COMPLETE] = {RV_COLOR_GREEN, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PROGRESS] = {RV_COLOR_YELLOW, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PLANNING] = {RV_COLOR_CYAN, RV_COLOR_NONE, 0, 0},
	[C_ST_NOT_STARTED] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_ST_BEHIND] = {RV_COLOR_RED, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_ST_UNKNOWN] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, 0, 0},
	[C_ST_NONE] = {RV_COLOR_BLUE, RV_COLOR_NONE, 0, RV_DIM},
	[C_DEC_APPROVED] = {RV_COLOR_GREEN, RV_COLOR_NONE, 0, 0},
	[C_DEC_REJECTED] = {RV_COLOR_RED, RV_COLOR_NONE, 0, 0},
	[C_DEC_PENDING] = {RV_COLOR_YELLOW, RV_COLOR_NONE, 0, 0},
	[C_ERROR] = {RV_COLOR_RED, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_WARNING] = {RV_COLOR_YELLOW, RV_COLOR_NONE, 0, 0},
	[C_MATCH] = {RV_COLOR_BLACK, RV_COLOR_YELLOW, 0, RV_REVERSE | RV_BOLD},
	[C_TAGGED] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_CHANGED] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
};

/* light: for a light background (little yellow or cyan text, which washes out on white: only for
 * the rarest statuses, an unknown word and none, which their patterns tell apart as well). */
static const struct rv_color_def theme_light[C_COUNT] = {
	[C_DEFAULT] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_TITLE] = {RV_COLOR_WHITE, RV_COLOR_BLUE, RV_BOLD, RV_REVERSE},
	[C_STATUS] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_HEADER] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
	[C_SELECTED] = {RV_COLOR_WHITE, RV_COLOR_BLUE, 0, RV_REVERSE},
	[C_ID] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_DATE] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, 0, 0},
	[C_DIM] = {RV_COLOR_NONE, RV_COLOR_NONE, RV_DIM, RV_DIM},
	[C_LINK] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_UNDERLINE, RV_UNDERLINE},
	[C_ESCAPE] = {RV_COLOR_RED, RV_COLOR_NONE, RV_REVERSE, RV_REVERSE},
	[C_HEADING] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_LABEL] = {RV_COLOR_GREEN, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_ST_COMPLETE] = {RV_COLOR_GREEN, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PROGRESS] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PLANNING] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, 0, 0},
	[C_ST_NOT_STARTED] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_ST_BEHIND] = {RV_COLOR_RED, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_ST_UNKNOWN] = {RV_COLOR_CYAN, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_NONE] = {RV_COLOR_YELLOW, RV_COLOR_NONE, 0, RV_DIM},
	[C_DEC_APPROVED] = {RV_COLOR_GREEN, RV_COLOR_NONE, RV_BOLD, 0},
	[C_DEC_REJECTED] = {RV_COLOR_RED, RV_COLOR_NONE, RV_BOLD, 0},
	[C_DEC_PENDING] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, 0, 0},
	[C_ERROR] = {RV_COLOR_RED, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_WARNING] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, 0},
	[C_MATCH] = {RV_COLOR_BLACK, RV_COLOR_YELLOW, 0, RV_REVERSE | RV_BOLD},
	[C_TAGGED] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_CHANGED] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
};

/* high-contrast: for projectors: a black background of its own, bright colours in bold, nothing dim. */
static const struct rv_color_def theme_high_contrast[C_COUNT] = {
	[C_DEFAULT] = {RV_COLOR_WHITE, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_TITLE] = {RV_COLOR_BLACK, RV_COLOR_WHITE, RV_BOLD, RV_REVERSE | RV_BOLD},
	[C_STATUS] = {RV_COLOR_WHITE, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_HEADER] = {RV_COLOR_YELLOW, RV_COLOR_BLACK, RV_BOLD | RV_UNDERLINE, RV_BOLD | RV_UNDERLINE},
	[C_SELECTED] = {RV_COLOR_BLACK, RV_COLOR_YELLOW, RV_BOLD, RV_REVERSE | RV_BOLD},
	[C_ID] = {RV_COLOR_CYAN, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_DATE] = {RV_COLOR_CYAN, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_DIM] = {RV_COLOR_WHITE, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_LINK] = {RV_COLOR_CYAN, RV_COLOR_BLACK, RV_BOLD | RV_UNDERLINE, RV_BOLD | RV_UNDERLINE},
	[C_ESCAPE] = {RV_COLOR_BLACK, RV_COLOR_RED, RV_BOLD, RV_REVERSE | RV_BOLD},
	[C_HEADING] = {RV_COLOR_YELLOW, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_LABEL] = {RV_COLOR_GREEN, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ST_COMPLETE] = {RV_COLOR_GREEN, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ST_PROGRESS] = {RV_COLOR_YELLOW, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ST_PLANNING] = {RV_COLOR_CYAN, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ST_NOT_STARTED] = {RV_COLOR_WHITE, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ST_BEHIND] = {RV_COLOR_RED, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ST_UNKNOWN] = {RV_COLOR_MAGENTA, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ST_NONE] = {RV_COLOR_BLUE, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_DEC_APPROVED] = {RV_COLOR_GREEN, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_DEC_REJECTED] = {RV_COLOR_RED, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_DEC_PENDING] = {RV_COLOR_YELLOW, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_ERROR] = {RV_COLOR_RED, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_WARNING] = {RV_COLOR_YELLOW, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_MATCH] = {RV_COLOR_BLACK, RV_COLOR_CYAN, RV_BOLD, RV_REVERSE | RV_BOLD},
	[C_TAGGED] = {RV_COLOR_MAGENTA, RV_COLOR_BLACK, RV_BOLD, RV_BOLD},
	[C_CHANGED] = {RV_COLOR_MAGENTA, RV_COLOR_BLACK, RV_BOLD | RV_UNDERLINE, RV_BOLD | RV_UNDERLINE},
};

/*
 * okabe-ito: colour-blind safe (Okabe and Ito's palette), for a dark background. Each colour is the
 * nearest of xterm-256: bluish green #009E73 = 35 complete, sky blue #56B4E9 = 74 in progress,
 * vermillion #D55E00 = 166 behind, blue #0072B2 = 25 planning, yellow #F0E442 = 221 not started,
 * reddish purple #CC79A7 = 175 unknown, grey #999999 = 246 no status; orange #E69F00 = 178 headings,
 * pending and warnings.
 */
static const struct rv_color_def theme_okabe_ito[C_COUNT] = {
	[C_DEFAULT] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_TITLE] = {RV_COLOR_WHITE, RV_COLOR_BLUE, RV_BOLD, RV_REVERSE},
	[C_STATUS] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_HEADER] = {178, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
	[C_SELECTED] = {RV_COLOR_BLACK, RV_COLOR_CYAN, 0, RV_REVERSE},
	[C_ID] = {74, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_DATE] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_BOLD, 0},
	[C_DIM] = {RV_COLOR_NONE, RV_COLOR_NONE, RV_DIM, RV_DIM},
	[C_LINK] = {74, RV_COLOR_NONE, RV_UNDERLINE, RV_UNDERLINE},
	[C_ESCAPE] = {RV_COLOR_RED, RV_COLOR_NONE, RV_REVERSE, RV_REVERSE},
	[C_HEADING] = {178, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_LABEL] = {RV_COLOR_GREEN, RV_COLOR_NONE, 0, RV_BOLD},
	[C_ST_COMPLETE] = {35, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PROGRESS] = {74, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PLANNING] = {25, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_NOT_STARTED] = {221, RV_COLOR_NONE, 0, 0},
	[C_ST_BEHIND] = {166, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_ST_UNKNOWN] = {175, RV_COLOR_NONE, 0, 0},
	[C_ST_NONE] = {246, RV_COLOR_NONE, 0, RV_DIM},
	[C_DEC_APPROVED] = {35, RV_COLOR_NONE, 0, 0},
	[C_DEC_REJECTED] = {166, RV_COLOR_NONE, 0, 0},
	[C_DEC_PENDING] = {178, RV_COLOR_NONE, 0, 0},
	[C_ERROR] = {166, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_WARNING] = {178, RV_COLOR_NONE, 0, 0},
	[C_MATCH] = {RV_COLOR_BLACK, RV_COLOR_YELLOW, 0, RV_REVERSE | RV_BOLD},
	[C_TAGGED] = {175, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_CHANGED] = {175, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
};

/* okabe-ito on a terminal of 8 colours: the nearest ANSI colour of each, still one per status. */
static const struct rv_color_def theme_okabe_ito_8[C_COUNT] = {
	[C_DEFAULT] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_TITLE] = {RV_COLOR_WHITE, RV_COLOR_BLUE, RV_BOLD, RV_REVERSE},
	[C_STATUS] = {RV_COLOR_NONE, RV_COLOR_NONE, 0, 0},
	[C_HEADER] = {RV_COLOR_YELLOW, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
	[C_SELECTED] = {RV_COLOR_BLACK, RV_COLOR_CYAN, 0, RV_REVERSE},
	[C_ID] = {RV_COLOR_CYAN, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_DATE] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_BOLD, 0},
	[C_DIM] = {RV_COLOR_NONE, RV_COLOR_NONE, RV_DIM, RV_DIM},
	[C_LINK] = {RV_COLOR_CYAN, RV_COLOR_NONE, RV_UNDERLINE, RV_UNDERLINE},
	[C_ESCAPE] = {RV_COLOR_RED, RV_COLOR_NONE, RV_REVERSE, RV_REVERSE},
	[C_HEADING] = {RV_COLOR_YELLOW, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_LABEL] = {RV_COLOR_GREEN, RV_COLOR_NONE, 0, RV_BOLD},
	[C_ST_COMPLETE] = {RV_COLOR_GREEN, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PROGRESS] = {RV_COLOR_CYAN, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_PLANNING] = {RV_COLOR_BLUE, RV_COLOR_NONE, RV_BOLD, 0},
	[C_ST_NOT_STARTED] = {RV_COLOR_YELLOW, RV_COLOR_NONE, 0, 0},
	[C_ST_BEHIND] = {RV_COLOR_RED, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_ST_UNKNOWN] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, 0, 0},
	[C_ST_NONE] = {RV_COLOR_WHITE, RV_COLOR_NONE, 0, RV_DIM},
	[C_DEC_APPROVED] = {RV_COLOR_GREEN, RV_COLOR_NONE, 0, 0},
	[C_DEC_REJECTED] = {RV_COLOR_RED, RV_COLOR_NONE, 0, 0},
	[C_DEC_PENDING] = {RV_COLOR_YELLOW, RV_COLOR_NONE, 0, 0},
	[C_ERROR] = {RV_COLOR_RED, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_WARNING] = {RV_COLOR_YELLOW, RV_COLOR_NONE, 0, 0},
	[C_MATCH] = {RV_COLOR_BLACK, RV_COLOR_YELLOW, 0, RV_REVERSE | RV_BOLD},
	[C_TAGGED] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, RV_BOLD},
	[C_CHANGED] = {RV_COLOR_MAGENTA, RV_COLOR_NONE, RV_BOLD, RV_BOLD | RV_UNDERLINE},
};

static const struct rv_theme themes[] = {
	{"default", theme_default, NULL, false},
	{"light", theme_light, NULL, false},
	{"high-contrast", theme_high_contrast, NULL, false},
	{"monochrome", theme_default, NULL, true},
	{"okabe-ito", theme_okabe_ito, theme_okabe_ito_8, false},
};

const struct rv_theme *rv_theme_find(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(themes) / sizeof(*themes); i++)
		if (strlen(themes[i].name) == len && memcmp(themes[i].name, name, len) == 0)
			return &themes[i];
	return NULL;
}

const struct rv_theme *rv_theme_at(size_t i)
{
	return i < sizeof(themes) / sizeof(*themes) ? &themes[i] : NULL;
}

const char *rv_theme_names(void)
{
	return "default, light, high-contrast, monochrome, okabe-ito";
}

enum color rv_status_color(enum rv_status st)
{
	switch (st) {
	case RV_STATUS_COMPLETE:
		return C_ST_COMPLETE;
	case RV_STATUS_PROGRESS:
		return C_ST_PROGRESS;
	case RV_STATUS_PLANNING:
		return C_ST_PLANNING;
	case RV_STATUS_NOT_STARTED:
		return C_ST_NOT_STARTED;
	case RV_STATUS_BEHIND:
		return C_ST_BEHIND;
	case RV_STATUS_UNKNOWN:
		return C_ST_UNKNOWN;
	default:
		return C_ST_NONE;
	}
}

enum color rv_decision_color(enum rv_decision d)
{
	switch (d) {
	case RV_DECISION_APPROVED:
		return C_DEC_APPROVED;
	case RV_DECISION_REJECTED:
		return C_DEC_REJECTED;
	case RV_DECISION_PENDING:
		return C_DEC_PENDING;
	case RV_DECISION_UNKNOWN:
		return C_ST_UNKNOWN;
	default:
		return C_ST_NONE;
	}
}

/*
 * Fills from dense to sparse in the order the bars draw them (done first, nothing recorded last):
 * full, dark, medium and light shade, lower half, quadrants, a thin line. The ASCII set keeps that
 * order with characters that differ in shape as well as weight, none of them a status glyph of
 * vocab.c, so that a legend's "pattern glyph word" never reads two ways.
 */
const char *rv_status_pattern(enum rv_status st, bool ascii)
{
	static const char *const utf8[RV_STATUS_COUNT] = {
		[RV_STATUS_COMPLETE] = "\xE2\x96\x88",    /* █ */
		[RV_STATUS_PROGRESS] = "\xE2\x96\x93",    /* ▓ */
		[RV_STATUS_BEHIND] = "\xE2\x96\x92",      /* ▒ */
		[RV_STATUS_PLANNING] = "\xE2\x96\x91",    /* ░ */
		[RV_STATUS_NOT_STARTED] = "\xE2\x96\x84", /* ▄ */
		[RV_STATUS_UNKNOWN] = "\xE2\x96\x9A",     /* ▚ */
		[RV_STATUS_NONE] = "\xE2\x94\x80",         /* ─ */
	};
	static const char *const plain[RV_STATUS_COUNT] = {
		[RV_STATUS_COMPLETE] = "#", [RV_STATUS_PROGRESS] = "=", [RV_STATUS_BEHIND] = "x",
		[RV_STATUS_PLANNING] = ":", [RV_STATUS_NOT_STARTED] = "-", [RV_STATUS_UNKNOWN] = "%",
		[RV_STATUS_NONE] = "_",
	};
	if ((unsigned)st >= RV_STATUS_COUNT)
		st = RV_STATUS_NONE;
	return ascii ? plain[st] : utf8[st];
}

const char *rv_decision_pattern(enum rv_decision d, bool ascii)
{
	static const char *const utf8[RV_DECISION_COUNT] = {
		[RV_DECISION_APPROVED] = "\xE2\x96\x88", /* █ */
		[RV_DECISION_PENDING] = "\xE2\x96\x92",  /* ▒ */
		[RV_DECISION_REJECTED] = "\xE2\x96\x84", /* ▄ */
		[RV_DECISION_UNKNOWN] = "\xE2\x96\x9A",  /* ▚ */
		[RV_DECISION_NONE] = "\xE2\x94\x80",      /* ─ */
	};
	static const char *const plain[RV_DECISION_COUNT] = {
		[RV_DECISION_APPROVED] = "#", [RV_DECISION_PENDING] = "=", [RV_DECISION_REJECTED] = "x",
		[RV_DECISION_UNKNOWN] = "%", [RV_DECISION_NONE] = "_",
	};
	if ((unsigned)d >= RV_DECISION_COUNT)
		d = RV_DECISION_NONE;
	return ascii ? plain[d] : utf8[d];
}
