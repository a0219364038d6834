/* text.c - sanitising, width, cutting and wrapping of untrusted text. */
#define _GNU_SOURCE
#include "recview/text.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "recview/arena.h"
#include "recview/url.h"
#include "recview/utf8.h"

static locale_t utf8_locale;

void text_init(void)
{
	if (utf8_locale)
		return;
	utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* Characters that change how the terminal lays text out, though wcwidth calls them printable. */
static bool is_layout_control(uint32_t cp)
{
	return cp == 0x061C                     /* ARABIC LETTER MARK */
	    || cp == 0x00AD                     /* SOFT HYPHEN: invisible on most terminals */
	    || (cp >= 0x200B && cp <= 0x200F)   /* zero-width space/joiners, LRM, RLM */
	    || (cp >= 0x2028 && cp <= 0x202E)   /* line/paragraph separators, embeddings, overrides */
	    || (cp >= 0x2060 && cp <= 0x206F)   /* word joiner, invisible operators, isolates */
	    || cp == 0xFEFF                     /* BOM / zero-width no-break space */
	    || (cp >= 0xFFF9 && cp <= 0xFFFB)   /* interlinear annotation */
	    || (cp >= 0xE0000 && cp <= 0xE007F); /* tag characters */
}

int text_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0xA0 || is_layout_control(cp))
		return -1;
	if (cp >= 0x0300 && cp <= 0x036F) /* combining diacritical marks: the common case, no locale switch */
		return 0;
	if (!utf8_locale)
		text_init();
	int w;
	if (utf8_locale) {
		locale_t old = uselocale(utf8_locale);
		w = wcwidth((wchar_t)cp);
		uselocale(old);
	} else {
		w = wcwidth((wchar_t)cp);
	}
	return w;
}

static void glyph_set(struct glyph *g, enum glyph_kind kind, const char *bytes, size_t n, int width)
{
	g->kind = kind;
	memcpy(g->bytes, bytes, n);
	g->bytes[n] = '\0';
	g->nbytes = g->cluster_len = n;
	g->width = width;
	g->marks_left_out = 0;
}

/* The combining mark (a zero-width printable character) at s[i], or 0 bytes. */
static size_t mark_at(const unsigned char *u, size_t len, size_t i)
{
	uint32_t cp;
	size_t n = i < len ? utf8_decode(u + i, len - i, &cp) : 0;
	return n && cp >= 0xA0 && text_cp_width(cp) == 0 ? n : 0;
}

/* Takes the marks after a character into its cluster: TEXT_MAX_MARKS of them, then only counts them. */
static size_t take_marks(struct glyph *g, const unsigned char *u, size_t len, size_t i)
{
	size_t kept = 0, n;
	while ((n = mark_at(u, len, i)) != 0) {
		if (kept < TEXT_MAX_MARKS) {
			memcpy(g->bytes + g->nbytes, u + i, n);
			g->nbytes += n;
			kept++;
		} else {
			g->marks_left_out++;
		}
		i += n;
	}
	g->cluster_len = g->nbytes;
	if (g->marks_left_out) {
		int w = snprintf(g->bytes + g->nbytes, sizeof(g->bytes) - g->nbytes, "<+%zu marks>", g->marks_left_out);
		g->nbytes += (size_t)w;
		g->width += w;
	}
	g->bytes[g->nbytes] = '\0';
	return i;
}

static void glyph_escape(struct glyph *g, const char *fmt, unsigned value)
{
	char tmp[16];
	int n = snprintf(tmp, sizeof(tmp), fmt, value);
	glyph_set(g, GLYPH_ESCAPE, tmp, (size_t)n, n);
}

bool text_next_glyph(const char *s, size_t len, size_t *pos, unsigned flags, struct glyph *g)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = *pos;
	if (i >= len)
		return false;

	uint32_t cp;
	size_t n = utf8_decode(u + i, len - i, &cp);
	if (n == 0) {
		glyph_escape(g, "\\x%02X", u[i]);
		g->src_len = 1;
	} else if (cp == '\n' || cp == '\r') {
		size_t used = (cp == '\r' && i + 1 < len && u[i + 1] == '\n') ? 2 : 1;
		if (flags & TEXT_KEEP_NEWLINES)
			glyph_set(g, GLYPH_NEWLINE, "\n", 1, 0);
		else
			glyph_set(g, GLYPH_TEXT, " ", 1, 1);
		g->src_len = used;
	} else if (cp == '\t') {
		glyph_set(g, GLYPH_TAB, " ", 1, 0);
		g->src_len = 1;
	} else if (cp < 0x20 || cp == 0x7F) {
		char caret[2] = {'^', cp == 0x7F ? '?' : (char)(cp + '@')};
		glyph_set(g, GLYPH_ESCAPE, caret, 2, 2);
		g->src_len = 1;
	} else {
		int w = text_cp_width(cp);
		if (w < 0) {
			glyph_escape(g, "<U+%04X>", cp);
			g->src_len = n;
		} else {
			glyph_set(g, GLYPH_TEXT, s + i, n, w);
			g->src_len = take_marks(g, u, len, i + n) - i;
		}
	}
	*pos = i + g->src_len;
	return true;
}

void text_sanitize(struct strbuf *out, const char *s, size_t len, unsigned flags)
{
	size_t pos = 0;
	int col = 0;
	struct glyph g;
	while (text_next_glyph(s, len, &pos, flags, &g)) {
		if (g.kind == GLYPH_TAB) {
			int spaces = 8 - col % 8;
			for (int k = 0; k < spaces; k++)
				sb_addc(out, ' ');
			col += spaces;
			continue;
		}
		sb_add(out, g.bytes, g.nbytes);
		col = g.kind == GLYPH_NEWLINE ? 0 : col + g.width;
	}
}

bool text_has_escapes(const char *s, size_t len)
{
	size_t pos = 0;
	struct glyph g;
	while (text_next_glyph(s, len, &pos, TEXT_KEEP_NEWLINES, &g))
		if (g.kind == GLYPH_ESCAPE)
			return true;
	return false;
}

int text_width(const char *s, size_t len)
{
	size_t pos = 0;
	int w = 0;
	struct glyph g;
	while (text_next_glyph(s, len, &pos, 0, &g))
		w += g.kind == GLYPH_TAB ? 1 : g.width;
	return w;
}

int text_cut(struct strbuf *out, const char *s, size_t len, int width, bool ascii_only)
{
	if (width <= 0)
		return 0;
	int total = text_width(s, len);
	if (total <= width) {
		sb_add(out, s, len);
		return total;
	}
	/* Leave one column for the ellipsis. */
	int room = width - 1, used = 0;
	size_t pos = 0, before;
	struct glyph g;
	for (;;) {
		before = pos;
		if (!text_next_glyph(s, len, &pos, 0, &g))
			break;
		int w = g.kind == GLYPH_TAB ? 1 : g.width;
		if (used + w > room)
			break;
		sb_add(out, s + before, pos - before);
		used += w;
	}
	sb_adds(out, ascii_only ? "~" : "\u2026");
	return used + 1;
}

static void lines_push(struct text_lines *tl, size_t off, size_t len)
{
	if (tl->n == tl->cap) {
		tl->cap = tl->cap ? tl->cap * 2 : 16;
		tl->lines = xreallocarray(tl->lines, tl->cap, sizeof(*tl->lines));
	}
	tl->lines[tl->n].off = off;
	tl->lines[tl->n].len = len;
	tl->n++;
}

void text_lines_free(struct text_lines *tl)
{
	free(tl->lines);
	tl->lines = NULL;
	tl->n = tl->cap = 0;
}

/* Trailing spaces of a wrapped line are not part of it. */
static size_t trim_right(const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	return end;
}

static bool is_space_glyph(const struct glyph *g)
{
	return g->kind == GLYPH_TEXT && g->nbytes == 1 && g->bytes[0] == ' ';
}

void text_wrap(struct text_lines *out, const char *s, size_t len, int width)
{
	const size_t none = (size_t)-1;
	size_t line_start = 0, pos = 0;
	size_t brk = none;      /* just after the last space that follows text on this line */
	int col = 0, col_at_brk = 0;
	bool has_text = false;  /* the line holds something besides spaces */
	bool wrapped = false;   /* the line continues a paragraph: its leading spaces are dropped */
	struct glyph g;
	struct rv_url url;      /* the next address in the text: kept whole on a line when it fits one */
	bool have_url = rv_url_next(s, len, 0, &url);

	if (width < 1)
		width = 1;
	for (;;) {
		size_t before = pos;
		if (!text_next_glyph(s, len, &pos, TEXT_KEEP_NEWLINES, &g)) {
			lines_push(out, line_start, trim_right(s, line_start, len) - line_start);
			return;
		}
		if (g.kind == GLYPH_NEWLINE) {
			lines_push(out, line_start, trim_right(s, line_start, before) - line_start);
			line_start = pos;
			col = 0;
			brk = none;
			has_text = wrapped = false;
			continue;
		}
		bool space = is_space_glyph(&g);
		if (space && wrapped && col == 0) {
			line_start = pos;
			continue;
		}
		int w = g.kind == GLYPH_TAB ? 1 : g.width;
		while (have_url && before >= url.off + url.len)
			have_url = rv_url_next(s, len, url.off + url.len, &url);
		if (have_url && before == url.off && col > 0) {
			/* An address that does not fit what is left of the line starts the next one. */
			int uw = text_width(s + url.off, url.len);
			if (col + uw > width) {
				wrapped = true;
				size_t at = brk != none && col - col_at_brk + uw <= width ? brk : before;
				lines_push(out, line_start, trim_right(s, line_start, at) - line_start);
				line_start = at;
				col = at == brk ? col - col_at_brk : 0;
				has_text = col > 0;
				brk = none;
			}
		}
		if (col + w > width && col > 0) {
			wrapped = true;
			if (space) {
				/* The overflowing space itself is the break. */
				lines_push(out, line_start, trim_right(s, line_start, before) - line_start);
				line_start = pos;
				col = 0;
				brk = none;
				has_text = false;
				continue;
			}
			if (brk != none) {
				lines_push(out, line_start, trim_right(s, line_start, brk) - line_start);
				line_start = brk;
				col -= col_at_brk;
				has_text = col > 0;
			} else {
				/* No space to break at: the word itself is broken. */
				lines_push(out, line_start, before - line_start);
				line_start = before;
				col = 0;
				has_text = false;
			}
			brk = none;
		}
		col += w;
		if (space && has_text) {
			brk = pos;
			col_at_brk = col;
		}
		if (!space)
			has_text = true;
	}
}

bool text_equal_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return false;
	for (size_t i = 0; i < alen; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}
