/*
 * term_out.h - bytes written to the terminal over what curses drew (OSC 8 hyperlinks, OSC 66 big
 * text), after its frame: cursor moves, attributes and cells as the terminal shows them (curscr),
 * collected into a buffer and written at once with terminal_write. Needs curses running.
 */
#ifndef RECVIEW_TERM_OUT_H
#define RECVIEW_TERM_OUT_H

#include <curses.h>

#include "recview/strbuf.h"

/* Where the calls below append their bytes (until the next call). */
void term_out_to(struct strbuf *out);
/* The cursor to row, col (terminfo cup). */
void term_out_move(int row, int col);
/* The attributes and colour pair curses would set for them. */
void term_out_attrs(attr_t attrs, short pair);
/* The cells [col, col + width) of row as the terminal shows them (curscr): characters and
 * attributes, ending with the attributes reset. */
void term_out_cells(int row, int col, int width);

#endif
