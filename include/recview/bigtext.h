/*
 * bigtext.h - big text on the walkthrough's slide, the parts that need no terminal: the setting, the
 * reading of the terminal's replies to the probe for the kitty text sizing protocol (OSC 66), the
 * text put in an OSC 66 sequence, and the block-letter font drawn where that protocol is missing.
 *
 * The probe (written by the UI, bigtext_probe.c) is RV_PROBE_QUERY: a carriage return, a cursor
 * position report request (CPR, CSI 6n), a space at scale 2 (OSC 66 ; s=2 ; space), a second CPR and
 * a primary device attributes request (DA1, CSI c), and a carriage return again (the shell's prompt
 * after recview starts in column 1, over the space). A terminal that knows the protocol draws that
 * space over 2 by 2 cells and its cursor moves 2 columns; one that does not moves it not at all. DA1
 * is answered by every terminal, so its reply ends the wait without a timeout. This is the detection
 * the protocol's documentation gives (https://sw.kovidgoyal.net/kitty/text-sizing-protocol/).
 */
#ifndef RECVIEW_BIGTEXT_H
#define RECVIEW_BIGTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/strbuf.h"

/* big-text in the configuration. */
enum rv_big_text {
	RV_BIG_AUTO,   /* OSC 66 when the probe's reply says the terminal has it, else block letters */
	RV_BIG_KITTY,  /* OSC 66 without asking (the user says the terminal has it) */
	RV_BIG_BLOCKS, /* block letters */
	RV_BIG_OFF,    /* normal text */
};

/* "auto", "kitty", "blocks" or "off"; NULL is auto. False for anything else. */
bool rv_big_text_parse(const char *s, enum rv_big_text *out);

#define RV_PROBE_QUERY "\r\x1b[6n\x1b]66;s=2; \x1b\\\x1b[6n\x1b[c\r"

/* The longest escape sequence the reader keeps whole; a longer one is given back as typed keys. */
#define RV_PROBE_SEQ_MAX 32

/* Reading the replies to RV_PROBE_QUERY from what the terminal sends, keys typed meanwhile included. */
struct rv_probe {
	int cpr_row[2], cpr_col[2]; /* the first two cursor position reports */
	int ncpr;
	bool done;                  /* the DA1 reply came: nothing more to wait for */
	char seq[RV_PROBE_SEQ_MAX]; /* an escape sequence begun, not yet ended */
	size_t nseq;
	struct strbuf rest;         /* every byte that is not part of a reply, in order: keys typed */
};

void rv_probe_init(struct rv_probe *p);
void rv_probe_free(struct rv_probe *p);
/* Reads n more bytes (a reply may come split over reads). True once the DA1 reply has come; the
 * bytes after it go to rest as they are. */
bool rv_probe_feed(struct rv_probe *p, const char *s, size_t n);
/* No more is read (done, or the time is up): a sequence left unfinished goes to rest. */
void rv_probe_finish(struct rv_probe *p);
/* True only when both positions came, on one row, the second 2 columns right of the first. */
bool rv_probe_positive(const struct rv_probe *p);

/*
 * The text of an OSC 66 sequence: s[0..len) sanitised (text.h: no control character, escape or C1
 * byte), on one line, cut to at most cols columns (with "…" when cut). Appends to out; returns the
 * columns it takes at scale 1. ascii: the terminal cannot show UTF-8 ("~" for the ellipsis).
 */
int rv_big_text_fit(struct strbuf *out, const char *s, size_t len, int cols, bool ascii);

/*
 * Splits s[0..len) (sanitised) into at most max_lines lines of at most cols columns each, at spaces;
 * the last line is cut with "…" when the text goes on. Each line is appended to lines[i] (reset
 * first). Returns the number of lines (0 for an empty text).
 */
size_t rv_big_text_lines(struct strbuf *lines, size_t max_lines, const char *s, size_t len, int cols, bool ascii);

/* ---- block letters: 5 rows, each glyph 3 (M, N, W: 4 or 5) columns wide and a column apart ---- */

enum { RV_BLOCK_ROWS = 5 };

/* The glyph of c (letters in either case, digits, space and - . / _ : , ' ( ) + ! ?): its rows, width
 * characters each, '#' filled, one after the other; NULL when there is none. */
const char *rv_block_glyph(char c, int *width);
/* Columns s[0..len) takes in block letters (a column after each glyph), or -1 when a character has
 * no glyph. */
int rv_block_width(const char *s, size_t len);

#endif
