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

/* Combining marks kept on one character; more are shown as a count, "<+499992 marks>". */
#define TEXT_MAX_MARKS 8

/*
 * One glyph cluster: a character with the combining marks that follow it (at most TEXT_MAX_MARKS, each
 * 4 bytes at most), then the count of the marks left out, if any.
 */
struct glyph {
	enum glyph_kind kind;
	char bytes[80];      /* what to show, NUL-terminated: the cluster, then the count */
	size_t nbytes;       /* length of bytes[] */
	size_t cluster_len;  /* bytes of the cluster in bytes[]; the count (plain ASCII) follows */
	int width;           /* terminal columns of it all (TAB: 0, the caller expands it) */
	size_t marks_left_out; /* combining marks consumed but not shown */
	size_t src_len;      /* input bytes consumed */
};

enum text_flags {
	TEXT_KEEP_NEWLINES = 1 << 0, /* line breaks stay line breaks; otherwise they become spaces */
};

/* Call once; makes character widths independent of the process locale. */
void text_init(void);

/*
 * Reads the glyph cluster at s[*pos]; advances *pos past it and all the combining marks that follow.
 * Returns false at the end. The work is linear in the marks, the output bounded.
 */
bool text_next_glyph(const char *s, size_t len, size_t *pos, unsigned flags, struct glyph *g);

/* Terminal columns of one code point: 0 for combining marks, 2 for wide, -1 for non-printables. */
int text_cp_width(uint32_t cp);

/*
 * Appends the sanitised form of s[0..len) to out: TABs expanded (8 columns), controls made visible,
 * combining marks past TEXT_MAX_MARKS on one character replaced by their count.
 */
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
 * between characters. A web address (url.h) is never broken: one that does not fit the rest of a line
 * starts the next, and only one longer than a whole line continues on the lines after it. Appends to *out (call text_lines_free when done).
 */
void text_wrap(struct text_lines *out, const char *s, size_t len, int width);
void text_lines_free(struct text_lines *tl);

/* True when s[0..len) holds any glyph that is not plain text (used by --check to say so). */
bool text_has_escapes(const char *s, size_t len);
/* Whether two byte strings are equal but for ASCII case (ids, words of a vocabulary). */
bool text_equal_nocase(const char *a, size_t alen, const char *b, size_t blen);

#endif
