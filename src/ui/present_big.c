/*
 * present_big.c - the slide's big id, status and title. Where the terminal has the kitty text sizing
 * protocol (bigtext_ui.h) they are written with OSC 66 at scale 2 (3 on a screen of 200x60 or more,
 * when they fit) over rows the slide leaves blank; elsewhere the id and the status word are drawn in
 * block letters when the screen is large enough (120x40); else, or when one does not fit, as text.
 * The id and the status share their rows when both fit side by side, else they are stacked.
 */
#include <stdio.h>
#include <string.h>

#include "recview/app.h"
#include "recview/bigtext.h"
#include "recview/bigtext_ui.h"
#include "recview/entity.h"
#include "recview/present.h"
#include "recview/text.h"
#include "recview/views.h"

/* A PL_BIG line: ref says what it is a row of, at which scale (0: block letters), which title line;
 * sub says which of its rows. */
enum big_kind { BIG_ID, BIG_STATUS, BIG_BOTH, BIG_TITLE }; /* BIG_BOTH: the id, then the status */
#define BIG_REF(kind, scale, index) ((uint32_t)(kind) | (uint32_t)(scale) << 4 | (uint32_t)(index) << 8)
#define BIG_KIND(ref) ((enum big_kind)((ref) & 0xf))
#define BIG_SCALE(ref) ((int)(((ref) >> 4) & 0xf))
#define BIG_INDEX(ref) ((size_t)((ref) >> 8))

/* Title lines at most, and how many lines it may take to be drawn at scale 3 rather than 2. */
enum { BIG_TITLE_LINES = 2 };
/* Between the id and the status on one row: columns of block letters (after the glyphs' own), or
 * scaled cells. */
enum { BLOCKS_APART = 4, SCALED_APART = 2 };

/* The scale of OSC 66 text on this screen, 0 when there is none. */
static int slide_scale(const struct view *v)
{
	if (!bigtext_scaled() || v->width < 60 || LINES < 24)
		return 0;
	return v->width >= 200 && LINES >= 60 ? 3 : 2;
}

static bool blocks_fit_screen(const struct view *v)
{
	return bigtext_blocks() && v->width >= 120 && LINES >= 40;
}

/* The status as the slide shows it big: its glyph and name at scale, the name alone in block letters. */
static void status_text(const struct view *v, enum rv_status st, bool with_glyph, struct strbuf *out)
{
	if (with_glyph) {
		sb_adds(out, rv_status_glyph(st, v->app->ascii));
		sb_addc(out, ' ');
	}
	sb_adds(out, rv_status_name(st));
}

static bool fits_at(const char *s, size_t len, int scale, int width)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, 0);
	bool fits = clean.len && text_width(clean.data, clean.len) * scale <= width;
	sb_free(&clean);
	return fits;
}

static void add_rows(struct view *v, uint32_t ref, int rows)
{
	for (int r = 0; r < rows; r++)
		view_add_line(v, PL_BIG, ref, false)->sub = (uint32_t)r;
}

/* The id and the status as the slide shows them big: the id, the status with its glyph (scaled) and
 * the status word alone (block letters); both status strings empty without a status. */
struct heading {
	struct strbuf id, scaled, word;
	enum rv_status st;
};

static void heading_of(const struct view *v, size_t rec, struct heading *h)
{
	const struct rv_model *m = v->app->m;
	struct rv_text id = rv_rec_field(m, rec, REC_ID);
	sb_init(&h->id);
	sb_init(&h->scaled);
	sb_init(&h->word);
	sb_add(&h->id, id.ptr, id.len);
	h->st = rv_rec_status(m, rec, v->app->as_of);
	if (h->st != RV_STATUS_NONE) {
		status_text(v, h->st, true, &h->scaled);
		status_text(v, h->st, false, &h->word);
	}
}

static void heading_free(struct heading *h)
{
	sb_free(&h->id);
	sb_free(&h->scaled);
	sb_free(&h->word);
}

static int scaled_width(const struct strbuf *s)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s->data, s->len, 0);
	int w = text_width(clean.data, clean.len);
	sb_free(&clean);
	return w;
}

/* One of the id and the status, big if it can be: true when it is. */
static bool add_big(struct view *v, enum big_kind kind, const char *scaled, const char *blocks, int scale,
		    int width)
{
	if (scale && fits_at(scaled, strlen(scaled), scale, width)) {
		add_rows(v, BIG_REF(kind, scale, 0), scale);
		return true;
	}
	int w = rv_block_width(blocks, strlen(blocks));
	if (!scale && blocks_fit_screen(v) && w > 0 && w <= width) {
		add_rows(v, BIG_REF(kind, 0, 0), RV_BLOCK_ROWS);
		return true;
	}
	return false;
}

/* The id and the status side by side on the same big rows, when both are big and fit so. */
static bool add_both(struct view *v, const struct heading *h, int scale, int width)
{
	if (h->st == RV_STATUS_NONE)
		return false;
	if (scale) {
		if ((scaled_width(&h->id) + SCALED_APART + scaled_width(&h->scaled)) * scale > width)
			return false;
		add_rows(v, BIG_REF(BIG_BOTH, scale, 0), scale);
		return true;
	}
	int wi = rv_block_width(h->id.data, h->id.len), ws = rv_block_width(h->word.data, h->word.len);
	if (!blocks_fit_screen(v) || wi <= 0 || ws <= 0 || wi + BLOCKS_APART + ws > width)
		return false;
	add_rows(v, BIG_REF(BIG_BOTH, 0, 0), RV_BLOCK_ROWS);
	return true;
}

bool present_big_heading(struct view *v, size_t rec, int width)
{
	struct heading h;
	heading_of(v, rec, &h);
	int scale = slide_scale(v);
	/* One scale for both: 3 only when both fit at it. */
	if (scale == 3 && (!fits_at(h.id.data, h.id.len, 3, width) || (h.scaled.len && !fits_at(h.scaled.data, h.scaled.len, 3, width))))
		scale = 2;
	bool big_status = add_both(v, &h, scale, width);
	if (big_status) {
		view_add_line(v, PL_BLANK, 0, false);
	} else {
		/* Stacked: the id, a blank line, the status (and a blank line under block letters). */
		if (!add_big(v, BIG_ID, h.id.data, h.id.data, scale, width))
			view_add_line(v, PL_ID, 0, false);
		view_add_line(v, PL_BLANK, 0, false);
		big_status = h.st != RV_STATUS_NONE && add_big(v, BIG_STATUS, h.scaled.data, h.word.data, scale, width);
		if (big_status && !scale)
			view_add_line(v, PL_BLANK, 0, false);
	}
	heading_free(&h);
	return big_status;
}

/* The title's lines at scale: at most BIG_TITLE_LINES, the last cut when it goes on; their count. */
static size_t title_lines(const struct view *v, struct rv_text title, int scale, int width, struct strbuf *lines)
{
	return rv_big_text_lines(lines, BIG_TITLE_LINES, title.ptr, title.len, width / scale, v->app->ascii);
}

/* The scale of the title: 3 where the slide has it and all the title fits in BIG_TITLE_LINES lines. */
static int title_scale(const struct view *v, struct rv_text title, int width)
{
	int scale = slide_scale(v);
	if (scale == 3) {
		struct strbuf lines[BIG_TITLE_LINES + 1];
		for (size_t i = 0; i <= BIG_TITLE_LINES; i++)
			sb_init(&lines[i]);
		size_t n = rv_big_text_lines(lines, BIG_TITLE_LINES + 1, title.ptr, title.len, width / 3, v->app->ascii);
		for (size_t i = 0; i <= BIG_TITLE_LINES; i++)
			sb_free(&lines[i]);
		if (n > BIG_TITLE_LINES)
			scale = 2;
	}
	return scale;
}

bool present_big_title(struct view *v, size_t rec, int width)
{
	struct rv_text title = rv_rec_field(v->app->m, rec, REC_TITLE);
	int scale = title.len ? title_scale(v, title, width) : 0;
	if (!scale)
		return false;
	struct strbuf lines[BIG_TITLE_LINES];
	for (size_t i = 0; i < BIG_TITLE_LINES; i++)
		sb_init(&lines[i]);
	size_t n = title_lines(v, title, scale, width, lines);
	for (size_t k = 0; k < n; k++)
		add_rows(v, BIG_REF(BIG_TITLE, scale, k), scale);
	for (size_t i = 0; i < BIG_TITLE_LINES; i++)
		sb_free(&lines[i]);
	return n > 0;
}

/* ---- drawing ---- */

static void draw_block_row(struct draw *d, const char *s, size_t len, uint32_t row, enum color c)
{
	const char *block = d->ascii ? "#" : "\xE2\x96\x88"; /* █ */
	for (size_t i = 0; i < len; i++) {
		int w;
		const char *rows = rv_block_glyph(s[i], &w);
		if (!rows)
			return;
		for (int x = 0; x < w; x++)
			draw_str(d, rows[row * (uint32_t)w + (uint32_t)x] == '#' ? block : " ", c);
		draw_str(d, " ", C_DEFAULT);
	}
}

/* Both on one row: the id, then the status after a gap. */
static void draw_both(struct view *v, const struct line *line, struct draw *d, int width)
{
	struct heading h;
	heading_of(v, (size_t)v->rec, &h);
	int scale = BIG_SCALE(line->ref);
	if (!scale) {
		draw_block_row(d, h.id.data, h.id.len, line->sub, C_ID);
		draw_spaces(d, BLOCKS_APART, C_DEFAULT);
		draw_block_row(d, h.word.data, h.word.len, line->sub, status_color(h.st));
	} else if (line->sub == 0 && d->row + scale <= LINES - 1) {
		struct strbuf fit;
		sb_init(&fit);
		int used = rv_big_text_fit(&fit, h.id.data, h.id.len, width / scale, v->app->ascii);
		bigtext_add(d->row, d->col, scale, C_ID, fit.data, fit.len);
		int at = (used + SCALED_APART) * scale;
		sb_reset(&fit);
		rv_big_text_fit(&fit, h.scaled.data, h.scaled.len, (width - at) / scale, v->app->ascii);
		bigtext_add(d->row, d->col + at, scale, status_color(h.st), fit.data, fit.len);
		sb_free(&fit);
	}
	heading_free(&h);
}

/* What a big line shows and in which colour, into text. */
static enum color big_text_of(struct view *v, const struct line *line, int width, struct strbuf *text)
{
	const struct rv_model *m = v->app->m;
	size_t rec = (size_t)v->rec;
	int scale = BIG_SCALE(line->ref);
	enum rv_status st = rv_rec_status(m, rec, v->app->as_of);
	switch (BIG_KIND(line->ref)) {
	case BIG_ID: {
		struct rv_text id = rv_rec_field(m, rec, REC_ID);
		sb_add(text, id.ptr, id.len);
		return C_ID;
	}
	case BIG_STATUS:
	case BIG_BOTH: /* drawn by draw_both */
		status_text(v, st, scale != 0, text);
		return status_color(st);
	case BIG_TITLE: {
		struct rv_text title = rv_rec_field(m, rec, REC_TITLE);
		struct strbuf lines[BIG_TITLE_LINES];
		for (size_t i = 0; i < BIG_TITLE_LINES; i++)
			sb_init(&lines[i]);
		size_t n = title_lines(v, title, scale, width, lines);
		if (BIG_INDEX(line->ref) < n)
			sb_add(text, lines[BIG_INDEX(line->ref)].data, lines[BIG_INDEX(line->ref)].len);
		for (size_t i = 0; i < BIG_TITLE_LINES; i++)
			sb_free(&lines[i]);
		return C_HEADING;
	}
	}
	return C_DEFAULT;
}

void present_big_draw(struct view *v, const struct line *line, struct draw *d, int width)
{
	if (BIG_KIND(line->ref) == BIG_BOTH) {
		draw_both(v, line, d, width);
		return;
	}
	int scale = BIG_SCALE(line->ref);
	struct strbuf text;
	sb_init(&text);
	enum color c = big_text_of(v, line, width, &text);
	if (!scale) {
		draw_block_row(d, text.data, text.len, line->sub, c);
	} else if (line->sub == 0 && d->row + scale <= LINES - 1) {
		/* Its rows stay blank here; the text is written over them once the frame is on the screen.
		 * One scrolled partly out of sight, or over the footer, is not written at all. */
		struct strbuf fit;
		sb_init(&fit);
		rv_big_text_fit(&fit, text.data, text.len, width / scale, v->app->ascii);
		bigtext_add(d->row, d->col, scale, c, fit.data, fit.len);
		sb_free(&fit);
	}
	sb_free(&text);
}
