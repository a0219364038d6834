/* hyperlink.c - OSC 8 hyperlinks written over the cells curses drew (hyperlink.h). */
#include "recview/hyperlink.h"
/* Before <term.h>, whose capability macros (columns, lines) would clash with the app's structs. */
#include "recview/terminal.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "recview/strbuf.h"
#include "recview/term_out.h"
#include "recview/url.h"

#define MAX_LINKS 512

struct link {
	int row, col, width;
	char *target; /* the OSC 8 start, sanitised (url.h) */
};

static bool enabled;
static struct link frame[2][MAX_LINKS];
static size_t nlinks[2];
static int cur; /* frame[cur] is being recorded; frame[!cur] was written last */
static struct strbuf out;

static bool term_starts(const char *term, const char *prefix)
{
	return strncmp(term, prefix, strlen(prefix)) == 0;
}

void hyperlink_configure(const char *setting, bool script)
{
	const char *term = getenv("TERM");
	const char *tmux = getenv("TMUX");
	bool in_tmux = tmux && *tmux;
	if (script || (setting && strcmp(setting, "off") == 0)) {
		enabled = false;
	} else if (setting && strcmp(setting, "on") == 0) {
		enabled = true;
	} else {
		term = term ? term : "";
		enabled = !(strcmp(term, "linux") == 0 || term_starts(term, "vt") || term_starts(term, "cons") ||
			    (term_starts(term, "screen") && !in_tmux));
	}
}

bool hyperlink_enabled(void)
{
	return enabled;
}

static void clear_frame(int f)
{
	for (size_t i = 0; i < nlinks[f]; i++)
		free(frame[f][i].target);
	nlinks[f] = 0;
}

void hyperlink_frame_begin(void)
{
	cur = !cur;
	clear_frame(cur);
}

void hyperlink_add(int row, int col, int width, const char *s, size_t len, bool www)
{
	if (!enabled || width <= 0 || nlinks[cur] == MAX_LINKS)
		return;
	struct strbuf t;
	sb_init(&t);
	rv_osc8_open(&t, s, len, www);
	frame[cur][nlinks[cur]++] = (struct link){row, col, width, sb_detach(&t)};
}

static bool same_link(const struct link *a, const struct link *b)
{
	return a->row == b->row && a->col == b->col && a->width == b->width && strcmp(a->target, b->target) == 0;
}

static bool in_frame(int f, const struct link *l)
{
	for (size_t i = 0; i < nlinks[f]; i++)
		if (same_link(&frame[f][i], l))
			return true;
	return false;
}

void hyperlink_frame_end(void)
{
	int last = !cur;
	if (!enabled || (!nlinks[cur] && !nlinks[last]))
		return;
	int y, x;
	getyx(curscr, y, x); /* where curses left the terminal's cursor (reading cells moves curscr's) */
	sb_reset(&out);
	term_out_to(&out);
	/* Cells that were a link and are not any more: written again without one. */
	for (size_t i = 0; i < nlinks[last]; i++) {
		const struct link *l = &frame[last][i];
		if (in_frame(cur, l))
			continue;
		term_out_move(l->row, l->col);
		term_out_cells(l->row, l->col, l->width);
	}
	for (size_t i = 0; i < nlinks[cur]; i++) {
		const struct link *l = &frame[cur][i];
		term_out_move(l->row, l->col);
		sb_adds(&out, l->target);
		term_out_cells(l->row, l->col, l->width);
		rv_osc8_close(&out);
	}
	wmove(curscr, y, x);
	term_out_move(y, x);
	fflush(stdout);
	terminal_write(out.data, out.len);
}
