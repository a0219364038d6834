/* split_layout.c - where the list and the page of the split go on a screen of a given size (split.h). */
#include "recview/split.h"

#include <string.h>

/* Smallest panes when the split is asked for (split = on) on a screen too small for the auto rules. */
#define ON_MIN_COLS 30
#define ON_MIN_ROWS 6
/* Rows the list and the page keep one above the other with split = auto. */
#define STACK_LIST_ROWS 10
#define STACK_PAGE_ROWS 12

int split_clamp_ratio(int ratio)
{
	return ratio < SPLIT_RATIO_MIN ? SPLIT_RATIO_MIN : ratio > SPLIT_RATIO_MAX ? SPLIT_RATIO_MAX : ratio;
}

static int clamp(int n, int lo, int hi)
{
	return n < lo ? lo : n > hi ? hi : n;
}

/* The list gets ratio percent of total - 1 (the separator), within [lo, total - 1 - page_min]. */
static int list_share(int total, int ratio, int lo, int page_min)
{
	return clamp((total - 1) * split_clamp_ratio(ratio) / 100, lo, total - 1 - page_min);
}

static struct split_layout side(int cols, int top, int rows, int list_w)
{
	struct split_layout l = {.shape = SPLIT_SIDE};
	l.list = (struct split_rect){0, top, list_w, rows};
	l.sep = (struct split_rect){list_w, top, 1, rows};
	l.page = (struct split_rect){list_w + 1, top, cols - list_w - 1, rows};
	return l;
}

static struct split_layout stacked(int cols, int top, int rows, int list_h)
{
	struct split_layout l = {.shape = SPLIT_STACKED};
	l.list = (struct split_rect){0, top, cols, list_h};
	l.sep = (struct split_rect){0, top + list_h, cols, 1};
	l.page = (struct split_rect){0, top + list_h + 1, cols, rows - list_h - 1};
	return l;
}

struct split_layout split_layout(int cols, int lines, enum split_mode mode, int ratio)
{
	int top = 1, rows = lines - 2; /* under the title bar, above the status line */
	struct split_layout none;
	memset(&none, 0, sizeof(none));
	none.shape = SPLIT_NONE;
	none.list = (struct split_rect){0, top, cols, rows > 1 ? rows : 1};
	if (mode == SPLIT_OFF || cols < 1 || rows < 1)
		return none;
	/* Wide: the list keeps its columns (id, status, title) and the page has a readable width. */
	if (cols >= SPLIT_LIST_COLS + 1 + SPLIT_PAGE_COLS) {
		/* split = on follows the ratio further: the list may get narrower than its columns. */
		int lo = mode == SPLIT_ON ? ON_MIN_COLS : SPLIT_LIST_COLS;
		return side(cols, top, rows, list_share(cols, ratio, lo, SPLIT_PAGE_COLS));
	}
	/* Narrow but tall: the page under the list, full width. */
	if (lines >= SPLIT_STACK_LINES)
		return stacked(cols, top, rows, list_share(rows, ratio, STACK_LIST_ROWS, STACK_PAGE_ROWS));
	if (mode == SPLIT_AUTO)
		return none;
	/* Asked for on a small screen: the ratio as it is, while both panes keep a little room. */
	if (cols >= 2 * ON_MIN_COLS + 1)
		return side(cols, top, rows, list_share(cols, ratio, ON_MIN_COLS, ON_MIN_COLS));
	if (rows >= 2 * ON_MIN_ROWS + 1)
		return stacked(cols, top, rows, list_share(rows, ratio, ON_MIN_ROWS, ON_MIN_ROWS));
	return none;
}

bool split_parse_mode(const char *s, enum split_mode *out)
{
	static const struct {
		const char *word;
		enum split_mode mode;
	} words[] = {
		{"auto", SPLIT_AUTO}, {"on", SPLIT_ON},  {"yes", SPLIT_ON},  {"true", SPLIT_ON},   {"1", SPLIT_ON},
		{"off", SPLIT_OFF},   {"no", SPLIT_OFF}, {"false", SPLIT_OFF}, {"0", SPLIT_OFF},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (strcmp(s, words[i].word) == 0) {
			*out = words[i].mode;
			return true;
		}
	return false;
}

const char *split_mode_name(enum split_mode mode)
{
	return mode == SPLIT_ON ? "on" : mode == SPLIT_OFF ? "off" : "auto";
}
