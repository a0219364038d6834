/* term_out.c - writing over the cells curses drew (term_out.h). */
#include "recview/term_out.h"

#include <limits.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

static struct strbuf *out;

void term_out_to(struct strbuf *sb)
{
	out = sb;
}

static int capture(int c)
{
	sb_addc(out, (char)c);
	return c;
}

void term_out_move(int row, int col)
{
	const char *cup = tigetstr("cup");
	if (cup && cup != (const char *)-1)
		tputs(tiparm(cup, row, col), 1, capture);
}

void term_out_attrs(attr_t attrs, short pair)
{
	vid_puts(attrs, pair, NULL, capture);
}

void term_out_cells(int row, int col, int width)
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
				sb_add(out, mb, n);
		}
		if (!wch[0])
			sb_addc(out, ' ');
		c += w > 0 ? w : 1;
	}
	vid_puts(A_NORMAL, 0, NULL, capture);
}
