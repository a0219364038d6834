/*
 * search_text.c - where a search matches in a view: over the text of each wrapped paragraph, not
 * over its screen lines, so that a phrase split by wrapping is found at any width. A match belongs
 * to the line it starts on.
 */
#include "recview/finding.h"

#include "recview/search.h"

/* Lines of one paragraph: added by one view_add_wrapped (same type and ref, sub counting up). */
static bool continues(const struct line *prev, const struct line *l)
{
	return l->sub > 0 && l->sub == prev->sub + 1 && l->type == prev->type && l->ref == prev->ref &&
	       l->off >= prev->off + prev->len;
}

/* The paragraph around line i: its first and last lines. */
static void paragraph(const struct view *v, size_t i, size_t *first, size_t *last)
{
	size_t a = i, b = i;
	while (a > 0 && continues(&v->lines[a - 1], &v->lines[a]))
		a--;
	while (b + 1 < v->nlines && continues(&v->lines[b], &v->lines[b + 1]))
		b++;
	*first = a;
	*last = b;
}

void search_paragraph_text(const struct view *v, size_t i, const char **text, size_t *len)
{
	size_t first, last;
	paragraph(v, i, &first, &last);
	const struct line *a = &v->lines[first], *z = &v->lines[last];
	*text = view_line_text(v, a);
	*len = z->off + z->len > a->off ? z->off + z->len - a->off : 0;
}

bool search_line_matches(struct view *v, size_t i, const struct rv_search *s)
{
	const struct line *line = &v->lines[i];
	if (v->ops->grep)
		return v->ops->grep(v, line, s);
	size_t first, last;
	paragraph(v, i, &first, &last);
	const struct line *a = &v->lines[first], *z = &v->lines[last];
	size_t end = z->off + z->len;
	if (end <= a->off)
		return false;
	/* The text between this line's start and the next line's belongs to this line. */
	size_t from = line->off - a->off, until = i < last ? v->lines[i + 1].off - a->off : end - a->off;
	size_t off, len;
	const char *text = view_line_text(v, a);
	return rv_search_next(s, text, end - a->off, from, &off, &len) && off < until;
}

size_t search_count(struct view *v, const struct rv_search *s)
{
	size_t n = 0;
	for (size_t i = 0; i < v->nlines;) {
		if (v->ops->grep) {
			n += v->ops->grep(v, &v->lines[i], s);
			i++;
			continue;
		}
		size_t first, last;
		paragraph(v, i, &first, &last);
		const struct line *a = &v->lines[first], *z = &v->lines[last];
		size_t end = z->off + z->len, from = 0, off, len;
		const char *text = view_line_text(v, a);
		while (end > a->off && rv_search_next(s, text, end - a->off, from, &off, &len)) {
			n++;
			from = off + (len ? len : 1);
		}
		i = last + 1;
	}
	return n;
}
