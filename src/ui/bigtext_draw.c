/* bigtext_draw.c - OSC 66 big text written over the blank rows the slide left for it (bigtext_ui.h). */
#include "recview/bigtext_ui.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "recview/draw.h"
#include "recview/strbuf.h"
#include "recview/term_out.h"
#include "recview/text.h"
#include "recview/terminal.h"

enum { MAX_BIG = 16 };

struct big {
	int row, col, scale, width; /* width: columns at scale 1 */
	attr_t attrs;
	char *text;
};

static struct big frame[2][MAX_BIG];
static size_t nbig[2];
static int cur; /* frame[cur] is being recorded; frame[!cur] was written last */
static struct strbuf out;

static void clear_frame(int f)
{
	for (size_t i = 0; i < nbig[f]; i++)
		free(frame[f][i].text);
	nbig[f] = 0;
}

void bigtext_frame_begin(void)
{
	cur = !cur;
	clear_frame(cur);
}

void bigtext_add(int row, int col, int scale, enum color c, const char *text, size_t len)
{
	if (!bigtext_scaled() || nbig[cur] == MAX_BIG || !len || row < 0 || row + scale > LINES)
		return;
	char *copy = malloc(len + 1);
	if (!copy)
		return;
	memcpy(copy, text, len);
	copy[len] = '\0';
	frame[cur][nbig[cur]++] = (struct big){row, col, scale, text_width(text, len), draw_attr(c), copy};
}

void bigtext_forget_row(int row)
{
	size_t kept = 0;
	for (size_t i = 0; i < nbig[cur]; i++) {
		struct big *b = &frame[cur][i];
		if (row >= b->row && row < b->row + b->scale)
			free(b->text);
		else
			frame[cur][kept++] = *b;
	}
	nbig[cur] = kept;
}

static bool same_big(const struct big *a, const struct big *b)
{
	return a->row == b->row && a->col == b->col && a->scale == b->scale && a->attrs == b->attrs &&
	       strcmp(a->text, b->text) == 0;
}

static bool in_frame(int f, const struct big *b)
{
	for (size_t i = 0; i < nbig[f]; i++)
		if (same_big(&frame[f][i], b))
			return true;
	return false;
}

/*
 * A big text of the last frame is not in this one (another slide, a scroll, another view): the whole
 * screen is cleared and drawn again. Erasing only its cells would not do: curses may scroll a region
 * of the screen to save output (its hash of lines, which no option turns off), and a scaled character
 * in that region would move where curses believes there is nothing.
 */
void bigtext_before_update(void)
{
	int last = !cur;
	for (size_t i = 0; i < nbig[last]; i++)
		if (!in_frame(cur, &frame[last][i])) {
			clearok(curscr, TRUE);
			return;
		}
}

void bigtext_frame_end(void)
{
	if (!nbig[cur])
		return;
	sb_reset(&out);
	term_out_to(&out);
	for (size_t i = 0; i < nbig[cur]; i++) {
		const struct big *b = &frame[cur][i];
		term_out_move(b->row, b->col);
		term_out_attrs(b->attrs & ~A_COLOR, (short)PAIR_NUMBER(b->attrs));
		sb_addf(&out, "\x1b]66;s=%d;%s\x1b\\", b->scale, b->text);
		term_out_attrs(A_NORMAL, 0);
	}
	int y, x;
	getyx(curscr, y, x); /* where curses left the cursor */
	term_out_move(y, x);
	terminal_write(out.data, out.len);
}
