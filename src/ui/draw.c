/* draw.c - sanitised, width-aware drawing of cells. */
#include "recview/draw.h"

#include <string.h>

#include "recview/hyperlink.h"
#include "recview/search.h"
#include "recview/text.h"
#include "recview/url.h"

static attr_t attrs[C_COUNT];
static const struct rv_search *highlight;
/* The paragraph of the line being drawn (draw_set_match_source). */
static const char *match_source;
static size_t match_source_len;
/* The text of the view being drawn: where a wrapped line's address continues (draw_set_url_source). */
static const char *url_source;
static size_t url_source_len;
/* How far before and after a line its word is looked for: a longer address links to its part. */
#define URL_REACH 4096

/* An address a string shows part of: the bytes [from, to) of the string, drawn at [col_from, col_to). */
struct url_part {
	size_t from, to;
	const char *url; /* the whole address */
	size_t url_len;
	bool www;
	int col_from, col_to;
};

void draw_set_highlight(const struct rv_search *s)
{
	highlight = s;
}

void draw_set_match_source(const char *text, size_t len)
{
	match_source = text;
	match_source_len = len;
}

/* The theme chosen (theme.h), given to curses by draw_init_colors. */
static const struct rv_theme *theme;

bool draw_set_theme(const char *name)
{
	const struct rv_theme *t = rv_theme_find(name, strlen(name));
	if (t)
		theme = t;
	return t != NULL;
}

const char *draw_theme_names(void)
{
	return rv_theme_names();
}

static attr_t curses_attrs(unsigned a)
{
	return (a & RV_BOLD ? A_BOLD : 0) | (a & RV_UNDERLINE ? A_UNDERLINE : 0) | (a & RV_REVERSE ? A_REVERSE : 0) |
	       (a & RV_DIM ? A_DIM : 0);
}

void draw_init_colors(bool use_color)
{
	if (!theme)
		theme = rv_theme_at(0);
	const struct rv_color_def *defs = theme->defs;
	if (use_color && !theme->mono && has_colors() && start_color() == OK) {
		use_default_colors();
		/* A theme of xterm-256 colours falls back to its 8-colour set on a smaller palette. */
		if (theme->defs8 && COLORS < 256)
			defs = theme->defs8;
		for (int c = 1; c < C_COUNT; c++) {
			init_pair((short)c, defs[c].fg, defs[c].bg);
			attrs[c] = COLOR_PAIR(c) | curses_attrs(defs[c].extra);
		}
		attrs[C_DEFAULT] = A_NORMAL;
		/* A theme with a background of its own paints the whole screen with it. */
		if (defs[C_DEFAULT].bg >= 0) {
			init_pair((short)C_COUNT, defs[C_DEFAULT].fg, defs[C_DEFAULT].bg);
			attrs[C_DEFAULT] = COLOR_PAIR(C_COUNT) | curses_attrs(defs[C_DEFAULT].extra);
			bkgdset(COLOR_PAIR(C_COUNT));
		}
	} else {
		for (int c = 0; c < C_COUNT; c++)
			attrs[c] = curses_attrs(defs[c].mono);
	}
}

attr_t draw_attr(enum color c)
{
	return attrs[c];
}

void draw_begin(struct draw *d, WINDOW *win, int row, int col, int width, bool selected, bool ascii)
{
	d->win = win;
	d->row = row;
	d->col = col;
	d->right = col + width;
	d->selected = selected;
	d->ascii = ascii;
	d->dimmed = false;
}

static attr_t attr_for(const struct draw *d, enum color c)
{
	/* On the cursor line only control-character markers and matches keep a look of their own. */
	if (d->selected)
		return c == C_ESCAPE || c == C_MATCH ? attrs[C_SELECTED] | A_UNDERLINE : attrs[C_SELECTED];
	if (d->dimmed && c != C_ESCAPE && c != C_MATCH)
		return attrs[C_DIM];
	return attrs[c];
}

int draw_remaining(const struct draw *d)
{
	return d->right > d->col ? d->right - d->col : 0;
}

static void put_bytes(struct draw *d, const char *s, size_t n, int width, attr_t attr)
{
	wattrset(d->win, attr);
	mvwaddnstr(d->win, d->row, d->col, s, (int)n);
	d->col += width;
}

/*
 * A character and its combining marks in one call; the marks left out follow as a count, "<+N marks>".
 * Marks without a character of their own join what is before them, except at the start of the text.
 */
static void draw_cluster(struct draw *d, const struct glyph *g, int start, attr_t attr)
{
	int count_width = (int)(g->nbytes - g->cluster_len);
	int cluster_width = g->width - count_width;
	if (d->ascii && (unsigned char)g->bytes[0] >= 0x80) {
		/* A terminal without UTF-8 gets a placeholder of the same width. */
		for (int k = 0; k < cluster_width; k++)
			put_bytes(d, "?", 1, 1, attr_for(d, C_ESCAPE));
	} else if (cluster_width > 0) {
		put_bytes(d, g->bytes, g->cluster_len, cluster_width, attr);
	} else if (d->col > start) {
		wattrset(d->win, attr);
		waddnstr(d->win, g->bytes, (int)g->cluster_len);
	}
	if (count_width)
		put_bytes(d, g->bytes + g->cluster_len, (size_t)count_width, count_width, attr_for(d, C_ESCAPE));
}

/*
 * Byte ranges of the search matches in s, at most max of them. A slice of the paragraph being drawn
 * is searched with the whole paragraph around it, and gets the parts of the matches that fall in it.
 */
static size_t find_matches(const char *s, size_t len, size_t (*ranges)[2], size_t max)
{
	const char *text = s;
	size_t text_len = len, at = 0;
	if (match_source && s >= match_source && s + len <= match_source + match_source_len) {
		text = match_source;
		text_len = match_source_len;
		at = (size_t)(s - match_source);
	}
	size_t n = 0, from = 0, off, mlen;
	while (highlight && n < max && from < text_len &&
	       rv_search_next(highlight, text, text_len, from, &off, &mlen)) {
		size_t end = off + (mlen ? mlen : 1);
		from = end;
		if (end <= at)
			continue;
		if (off >= at + len)
			break;
		ranges[n][0] = (off > at ? off : at) - at;
		ranges[n][1] = (end < at + len ? end : at + len) - at;
		n++;
	}
	return n;
}

void draw_set_url_source(const char *text, size_t len)
{
	url_source = text;
	url_source_len = len;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\n';
}

/*
 * The addresses that s[0..len) shows part of, at most max. A slice of the view's text (a wrapped line)
 * is looked at with the rest of its word around it, so that the lines of a long address link to all of
 * it; any other string alone.
 */
static size_t find_urls(const char *s, size_t len, struct url_part *parts, size_t max)
{
	const char *lo = s, *hi = s + len;
	if (url_source && s >= url_source && s + len <= url_source + url_source_len) {
		const char *end = url_source + url_source_len;
		while (lo > url_source && !is_blank(lo[-1]) && s - lo < URL_REACH)
			lo--;
		while (hi < end && !is_blank(*hi) && hi - (s + len) < URL_REACH)
			hi++;
	}
	size_t n = 0, from = 0;
	struct rv_url u;
	while (n < max && rv_url_next(lo, (size_t)(hi - lo), from, &u)) {
		from = u.off + u.len;
		const char *a = lo + u.off, *b = a + u.len;
		if (b <= s || a >= s + len)
			continue;
		parts[n] = (struct url_part){(size_t)((a > s ? a : s) - s), (size_t)((b < s + len ? b : s + len) - s),
					     a, u.len, u.www, -1, -1};
		n++;
	}
	return n;
}

/* The hyperlinks of the addresses drawn (hyperlink.h), in screen coordinates. */
static void add_hyperlinks(const struct draw *d, const struct url_part *parts, size_t n)
{
	int by, bx;
	getbegyx(d->win, by, bx);
	for (size_t i = 0; i < n; i++)
		if (parts[i].col_from >= 0 && parts[i].col_to > parts[i].col_from)
			hyperlink_add(by + d->row, bx + parts[i].col_from, parts[i].col_to - parts[i].col_from,
				      parts[i].url, parts[i].url_len, parts[i].www);
}

int draw_text(struct draw *d, const char *s, size_t len, enum color c)
{
	int start = d->col;
	size_t pos = 0, before;
	size_t ranges[32][2], nranges = find_matches(s, len, ranges, 32), r = 0;
	struct url_part urls[8];
	size_t nurls = find_urls(s, len, urls, 8), u = 0;
	enum color base = c;
	struct glyph g;
	for (;;) {
		before = pos;
		if (d->col >= d->right || !text_next_glyph(s, len, &pos, 0, &g))
			break;
		while (r < nranges && ranges[r][1] <= before)
			r++;
		while (u < nurls && urls[u].to <= before)
			u++;
		struct url_part *in_url = u < nurls && urls[u].from <= before ? &urls[u] : NULL;
		c = r < nranges && ranges[r][0] <= before ? C_MATCH : in_url ? C_LINK : base;
		if (in_url && in_url->col_from < 0)
			in_url->col_from = d->col;
		int room = d->right - d->col;
		if (g.kind == GLYPH_TAB) {
			/* Cells show a TAB as one space; page text arrives with TABs already expanded. */
			draw_spaces(d, 1, c);
			continue;
		}
		if (g.width > room)
			break;
		if (g.kind == GLYPH_ESCAPE) {
			put_bytes(d, g.bytes, g.nbytes, g.width, attr_for(d, C_ESCAPE));
		} else {
			draw_cluster(d, &g, start, attr_for(d, c));
		}
		if (in_url)
			in_url->col_to = d->col;
	}
	add_hyperlinks(d, urls, nurls);
	return d->col - start;
}

int draw_str(struct draw *d, const char *s, enum color c)
{
	return draw_text(d, s, strlen(s), c);
}

void draw_spaces(struct draw *d, int n, enum color c)
{
	static const char spaces[] = "                                ";
	wattrset(d->win, attr_for(d, c));
	while (n > 0 && d->col < d->right) {
		int k = n < (int)sizeof(spaces) - 1 ? n : (int)sizeof(spaces) - 1;
		if (k > d->right - d->col)
			k = d->right - d->col;
		mvwaddnstr(d->win, d->row, d->col, spaces, k);
		d->col += k;
		n -= k;
	}
}

void draw_field(struct draw *d, const char *s, size_t len, int width, enum color c)
{
	if (width <= 0)
		return;
	int end = d->col + width;
	int saved_right = d->right;
	bool cut = text_width(s, len) > width;
	if (end - (cut ? 1 : 0) < d->right)
		d->right = end - (cut ? 1 : 0);
	draw_text(d, s, len, c);
	d->right = saved_right;
	if (cut) {
		draw_spaces(d, end - 1 - d->col, c);
		draw_str(d, d->ascii ? "~" : "\u2026", C_DIM);
	}
	draw_spaces(d, end - d->col, c);
}

void draw_field_right(struct draw *d, const char *s, size_t len, int width, enum color c)
{
	int w = text_width(s, len);
	if (w < width)
		draw_spaces(d, width - w, c);
	draw_field(d, s, len, w < width ? w : width, c);
}

void draw_end(struct draw *d)
{
	draw_spaces(d, d->right - d->col, C_DEFAULT);
}
