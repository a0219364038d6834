/* bigtext.c - the setting, the probe's replies, OSC 66 text and block letters (bigtext.h). */
#include "recview/bigtext.h"

#include <string.h>

#include "recview/text.h"

bool rv_big_text_parse(const char *s, enum rv_big_text *out)
{
	static const char *const words[] = {"auto", "kitty", "blocks", "off"};
	if (!s) {
		*out = RV_BIG_AUTO;
		return true;
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (strcmp(s, words[i]) == 0) {
			*out = (enum rv_big_text)i;
			return true;
		}
	return false;
}

/* ---- the probe's replies ---- */

void rv_probe_init(struct rv_probe *p)
{
	memset(p, 0, sizeof(*p));
	sb_init(&p->rest);
}

void rv_probe_free(struct rv_probe *p)
{
	sb_free(&p->rest);
}

/* The sequence begun is not a reply: its bytes are keys, given back as they came. */
static void give_back_seq(struct rv_probe *p)
{
	sb_add(&p->rest, p->seq, p->nseq);
	p->nseq = 0;
}

/* "ESC [ ROW ; COL R" into row and col. */
static bool parse_cpr(const char *s, size_t n, int *row, int *col)
{
	int v[2] = {0, 0}, k = 0;
	bool digits = false;
	for (size_t i = 2; i + 1 < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (v[k] > 99999)
				return false;
			v[k] = v[k] * 10 + (s[i] - '0');
			digits = true;
		} else if (s[i] == ';' && k == 0 && digits) {
			k = 1;
			digits = false;
		} else {
			return false;
		}
	}
	if (k != 1 || !digits || s[n - 1] != 'R')
		return false;
	*row = v[0];
	*col = v[1];
	return true;
}

/* A whole CSI sequence: a position report (the first two), the DA1 reply, or keys. */
static void end_csi(struct rv_probe *p)
{
	int row, col;
	if (p->ncpr < 2 && parse_cpr(p->seq, p->nseq, &row, &col)) {
		p->cpr_row[p->ncpr] = row;
		p->cpr_col[p->ncpr] = col;
		p->ncpr++;
		p->nseq = 0;
	} else if (p->nseq >= 4 && p->seq[2] == '?' && p->seq[p->nseq - 1] == 'c') {
		p->done = true;
		p->nseq = 0;
	} else {
		give_back_seq(p); /* an arrow key, a function key, ... */
	}
}

static void feed_byte(struct rv_probe *p, char c)
{
	unsigned char u = (unsigned char)c;
	if (p->done) {
		sb_addc(&p->rest, c);
		return;
	}
	if (p->nseq == 0) {
		if (c == '\x1b')
			p->seq[p->nseq++] = c;
		else
			sb_addc(&p->rest, c);
		return;
	}
	if (p->nseq == 1) {
		if (c == '[') {
			p->seq[p->nseq++] = c;
			return;
		}
		give_back_seq(p); /* Esc, or Alt and a key */
		feed_byte(p, c);
		return;
	}
	if (u >= 0x20 && u <= 0x3f && p->nseq < RV_PROBE_SEQ_MAX - 1) {
		p->seq[p->nseq++] = c; /* parameters and intermediates */
		return;
	}
	if (u >= 0x40 && u <= 0x7e) {
		p->seq[p->nseq++] = c;
		end_csi(p);
		return;
	}
	/* Not a sequence after all (too long, or broken by a control byte): all of it is keys. */
	give_back_seq(p);
	feed_byte(p, c);
}

bool rv_probe_feed(struct rv_probe *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		feed_byte(p, s[i]);
	return p->done;
}

void rv_probe_finish(struct rv_probe *p)
{
	give_back_seq(p);
}

bool rv_probe_positive(const struct rv_probe *p)
{
	return p->ncpr == 2 && p->cpr_row[0] == p->cpr_row[1] && p->cpr_col[1] - p->cpr_col[0] == 2;
}

/* ---- OSC 66 text ---- */

int rv_big_text_fit(struct strbuf *out, const char *s, size_t len, int cols, bool ascii)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, 0);
	int used = clean.len ? text_cut(out, clean.data, clean.len, cols, ascii) : 0;
	sb_free(&clean);
	return used;
}

size_t rv_big_text_lines(struct strbuf *lines, size_t max_lines, const char *s, size_t len, int cols, bool ascii)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, 0);
	struct text_lines tl = {0};
	if (clean.len && cols > 0)
		text_wrap(&tl, clean.data, clean.len, cols);
	size_t n = tl.n < max_lines ? tl.n : max_lines;
	for (size_t i = 0; i < n; i++) {
		sb_reset(&lines[i]);
		const char *from = clean.data + tl.lines[i].off;
		if (i + 1 == n && tl.n > n) /* the last line shown: the rest of the text, cut */
			text_cut(&lines[i], from, clean.len - tl.lines[i].off, cols, ascii);
		else
			sb_add(&lines[i], from, tl.lines[i].len);
	}
	text_lines_free(&tl);
	sb_free(&clean);
	return n;
}

/* ---- block letters ---- */

const char *rv_block_glyph(char c, int *width)
{
	static const struct {
		char c;
		int width;
		const char *rows; /* RV_BLOCK_ROWS rows of width cells, '#' filled */
	} font[] = {
		{'0', 3, "###" "# #" "# #" "# #" "###"}, {'1', 3, " # " "## " " # " " # " "###"},
		{'2', 3, "###" "  #" "###" "#  " "###"}, {'3', 3, "###" "  #" " ##" "  #" "###"},
		{'4', 3, "# #" "# #" "###" "  #" "  #"}, {'5', 3, "###" "#  " "###" "  #" "###"},
		{'6', 3, "###" "#  " "###" "# #" "###"}, {'7', 3, "###" "  #" "  #" "  #" "  #"},
		{'8', 3, "###" "# #" "###" "# #" "###"}, {'9', 3, "###" "# #" "###" "  #" "###"},
		{'A', 3, " # " "# #" "###" "# #" "# #"}, {'B', 3, "## " "# #" "## " "# #" "## "},
		{'C', 3, "###" "#  " "#  " "#  " "###"}, {'D', 3, "## " "# #" "# #" "# #" "## "},
		{'E', 3, "###" "#  " "## " "#  " "###"}, {'F', 3, "###" "#  " "## " "#  " "#  "},
		{'G', 3, "###" "#  " "# #" "# #" "###"}, {'H', 3, "# #" "# #" "###" "# #" "# #"},
		{'I', 3, "###" " # " " # " " # " "###"}, {'J', 3, "  #" "  #" "  #" "# #" "###"},
		{'K', 3, "# #" "# #" "## " "# #" "# #"}, {'L', 3, "#  " "#  " "#  " "#  " "###"},
		{'M', 5, "#   #" "## ##" "# # #" "#   #" "#   #"}, {'N', 4, "#  #" "## #" "# ##" "#  #" "#  #"},
		{'O', 3, "###" "# #" "# #" "# #" "###"}, {'P', 3, "###" "# #" "###" "#  " "#  "},
		{'Q', 3, "###" "# #" "# #" "###" "  #"}, {'R', 3, "## " "# #" "## " "# #" "# #"},
		{'S', 3, "###" "#  " "###" "  #" "###"}, {'T', 3, "###" " # " " # " " # " " # "},
		{'U', 3, "# #" "# #" "# #" "# #" "###"}, {'V', 3, "# #" "# #" "# #" "# #" " # "},
		{'W', 5, "#   #" "#   #" "# # #" "## ##" "#   #"}, {'X', 3, "# #" "# #" " # " "# #" "# #"},
		{'Y', 3, "# #" "# #" " # " " # " " # "}, {'Z', 3, "###" "  #" " # " "#  " "###"},
		{' ', 2, "  " "  " "  " "  " "  "},      {'-', 3, "   " "   " "###" "   " "   "},
		{'.', 1, " " " " " " " " "#"},           {',', 2, "  " "  " "  " " #" "# "},
		{'/', 3, "  #" "  #" " # " "#  " "#  "}, {'_', 3, "   " "   " "   " "   " "###"},
		{':', 1, " " "#" " " "#" " "},           {'\'', 1, "#" "#" " " " " " "},
		{'(', 2, " #" "# " "# " "# " " #"},      {')', 2, "# " " #" " #" " #" "# "},
		{'+', 3, "   " " # " "###" " # " "   "}, {'!', 1, "#" "#" "#" " " "#"},
		{'?', 3, "###" "  #" " ##" "   " " # "},
	};
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	for (size_t i = 0; i < sizeof(font) / sizeof(*font); i++)
		if (font[i].c == c) {
			*width = font[i].width;
			return font[i].rows;
		}
	return NULL;
}

int rv_block_width(const char *s, size_t len)
{
	int total = 0, w;
	for (size_t i = 0; i < len; i++) {
		if (!rv_block_glyph(s[i], &w))
			return -1;
		total += w + 1;
	}
	return total;
}
