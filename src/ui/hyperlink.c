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

static int capture(int c)
{
	sb_addc(&out, (char)c);
	return c;
}

static void move_to(int row, int col)
{
	const char *cup = tigetstr("cup");
	if (cup && cup != (const char *)-1)
		tputs(tiparm(cup, row, col), 1, capture);
}

/* The cells [col, col + width) of row as the terminal shows them (curscr): characters, attributes. */
static void put_cells(int row, int col, int width)
{
	attr_t last_attrs = (attr_t)-1;
	short last_pair = -1;
	for (int c = col; c < col + width && c < COLS;) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1];
		attr_t attrs;
		short pair;
		if (mvwin_wch(curscr, row, c, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
			break;
		if (attrs != last_attrs || pair != last_pair) {
			vid_puts(attrs, pair, NULL, capture);
			last_attrs = attrs;
			last_pair = pair;
		}
		int w = wch[0] ? wcwidth(wch[0]) : 1;
		for (size_t k = 0; wch[k]; k++) {
			char mb[MB_LEN_MAX];
			mbstate_t st;
			memset(&st, 0, sizeof(st));
			size_t n = wcrtomb(mb, wch[k], &st);
			/* Only printable characters went into curses (draw.c sanitises); be sure of it. */
			if (n != (size_t)-1 && !(n == 1 && ((unsigned char)mb[0] < 0x20 || mb[0] == 0x7f)))
				sb_add(&out, mb, n);
		}
		if (!wch[0])
			sb_addc(&out, ' ');
		c += w > 0 ? w : 1;
	}
	vid_puts(A_NORMAL, 0, NULL, capture);
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
	/* Cells that were a link and are not any more: written again without one. */
	for (size_t i = 0; i < nlinks[last]; i++) {
		const struct link *l = &frame[last][i];
		if (in_frame(cur, l))
			continue;
		move_to(l->row, l->col);
		put_cells(l->row, l->col, l->width);
	}
	for (size_t i = 0; i < nlinks[cur]; i++) {
		const struct link *l = &frame[cur][i];
		move_to(l->row, l->col);
		sb_adds(&out, l->target);
		put_cells(l->row, l->col, l->width);
		rv_osc8_close(&out);
	}
	wmove(curscr, y, x);
	move_to(y, x);
	fflush(stdout);
	terminal_write(out.data, out.len);
}
