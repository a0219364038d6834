/*
 * hyperlink.h - OSC 8 hyperlinks over the web addresses on the screen. ncurses does not write OSC 8,
 * so the drawing code records where each address was drawn (row, columns, target) and, once curses has
 * updated the terminal, those cells are written again from the screen's contents between an OSC 8
 * start and end, with the same attributes; the cursor is put back where curses left it.
 */
#ifndef RECVIEW_HYPERLINK_H
#define RECVIEW_HYPERLINK_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether hyperlinks are written: setting is "on", "off" or "auto"/NULL. auto turns them on unless TERM
 * names a terminal known not to take OSC 8: the Linux console (linux), vt100-style terminals (vt*),
 * cons25 and the like (cons*), and GNU screen (screen*) outside tmux; inside tmux ($TMUX set) they are
 * on. Never for a key script (its screen is virtual).
 */
void hyperlink_configure(const char *setting, bool script);
bool hyperlink_enabled(void);

/* A new frame is drawn: the addresses recorded for the last one are kept to be undone where gone. */
void hyperlink_frame_begin(void);
/* An address drawn on row at columns [col, col + width); s[0..len) is the whole address. */
void hyperlink_add(int row, int col, int width, const char *s, size_t len, bool www);
/* After doupdate: writes the hyperlinks of this frame (and plain cells where last frame's are gone). */
void hyperlink_frame_end(void);

#endif
