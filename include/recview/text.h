/*
 * text.h - what untrusted CSV text looks like on a terminal: sanitising, display width, cutting and
 * wrapping. Every string from a data file goes through here before it is drawn or printed, so that no
 * control character, escape sequence, bidi override or zero-width character reaches the terminal.
 */
#ifndef RECVIEW_TEXT_H
#define RECVIEW_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/strbuf.h"

enum glyph_kind {
	GLYPH_TEXT,    /* printable character, bytes copied as they are */
	GLYPH_ESCAPE,  /* made visible: ^[, <U+202E>, \xFF */
	GLYPH_NEWLINE, /* LF, CRLF or lone CR... only with TEXT_KEEP_NEWLINES */
	GLYPH_TAB,     /* a TAB, expanded to spaces by the caller's column */
};

struct glyph {
	enum glyph_kind kind;
	char bytes[16]; /* what to show, NUL-terminated */
	size_t nbytes;  /* length of bytes[] */
	int width;      /* terminal columns (TAB: 0, the caller expands it) */
	size_t src_len; /* input bytes consumed */
};

enum text_flags {
	TEXT_KEEP_NEWLINES = 1 << 0, /* line breaks stay line breaks; otherwise they become spaces */
};

/* Call once; makes character widths independent of the process locale. */
void text_init(void);

/* Reads the glyph at s[*pos]; advances *pos. Returns false at the end. */
bool text_next_glyph(const char *s, size_t len, size_t *pos, unsigned flags, struct glyph *g);

/* Terminal columns of one code point: 0 for combining marks, 2 for wide, -1 for non-printables. */
int text_cp_width(uint32_t cp);

/* Appends the sanitised form of s[0..len) to out: TABs expanded (8 columns), controls made visible. */
void text_sanitize(struct strbuf *out, const char *s, size_t len, unsigned flags);

/* Display width of a sanitised single-line string. */
int text_width(const char *s, size_t len);

/*
 * Appends at most width columns of a sanitised single-line string, ending with "…" (or "~" when
 * ascii_only) when it had to cut. A wide character is never split. Returns the columns used.
 */
int text_cut(struct strbuf *out, const char *s, size_t len, int width, bool ascii_only);

/* One wrapped line: a slice of the sanitised text. */
struct text_line {
	size_t off; /* byte offset into the wrapped text */
	size_t len; /* bytes, without the trailing space or newline */
};

struct text_lines {
	struct text_line *lines;
	size_t n, cap;
};

/*
 * Wraps sanitised text (newlines kept) to width columns at spaces; a word longer than a line is broken
 * between characters. Appends to *out (call text_lines_free when done).
 */
void text_wrap(struct text_lines *out, const char *s, size_t len, int width);
void text_lines_free(struct text_lines *tl);

/* True when s[0..len) holds any glyph that is not plain text (used by --check to say so). */
bool text_has_escapes(const char *s, size_t len);

#endif
