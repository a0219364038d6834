/*
 * xref.c - cross-references between recommendations, found in their texts.
 *
 * A reference is a keyword ("Recommendation", "Recommendations", "Rec", "Rec.", "Recs", any case)
 * followed by a list of numbers: "Recommendation 25", "Recommendations 4, 5 and 14",
 * "Recommendations 25 – 28" (a range: every number in it that exists), "Rec 11",
 * "Recommendation 5.4", "Recommendation 23A" (the id SSR1-23A if there is one, else SSR1-23).
 * A number becomes the id REVIEW-NUMBER; one that names no recommendation is no reference. A
 * review written just before the keyword ("SSR2 Recommendation 5.4", "SSR1's Recommendation 11")
 * names the review instead of the text's own.
 *
 * Not references: a number before the keyword ("the 28 SSR1 recommendations"), "#6", a year or a
 * date that follows a list ("Recommendation 11, 2012", "Recommendation 4, 30 June 2016"), and
 * whatever follows a word that is not a list separator ("Recommendation 11 of 2012" is 11 only).
 *
 * The scan is one pass over the text: a Horspool search for "rec" (without case), and a short
 * parse at each hit. The index is two CSR arrays built with a counting sort.
 */
#include "recview/xref.h"
#include "recview/entity.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/model.h"

#define NOPOS ((size_t)-1)
#define MAX_RANGE 1000    /* longer "ranges" are not ranges: "Recommendation 5 - 2016" */
/*
 * Numbers filled in between the ends of ranges, per text: 64 + 8 per byte. It keeps a hostile text
 * ("Recs 1-1000, 1-1000, ...") linear; a range beyond it is not expanded (its two ends still count).
 */
#define RANGE_BUDGET(len) (64 + 8 * (len))
#define MAX_REVIEW_LEN 64 /* an explicit review before the keyword */
#define ID_BUF 256

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_word(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || c == '_';
}

static unsigned char lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char)(c - 'A' + 'a') : c;
}

/* ---- small lexical pieces ---- */

/* Bytes of the white space at s[i] (ASCII, NBSP, narrow NBSP, thin and hair space), or 0. */
static size_t space_at(const unsigned char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	unsigned char c = s[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
		return 1;
	if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
		return 2;
	if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0xAF || s[i + 2] == 0x89 || s[i + 2] == 0x8A))
		return 3;
	return 0;
}

static size_t skip_space(const unsigned char *s, size_t len, size_t i)
{
	size_t n;
	while ((n = space_at(s, len, i)) > 0)
		i += n;
	return i;
}

/* Bytes of a dash at s[i]: '-', U+2010 to U+2014 (hyphens, figure dash, en and em dash), U+2212. */
static size_t dash_at(const unsigned char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	if (s[i] == '-')
		return 1;
	if (s[i] == 0xE2 && i + 2 < len &&
	    ((s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0x94) || (s[i + 1] == 0x88 && s[i + 2] == 0x92)))
		return 3;
	return 0;
}

/* The word w (lower case) at s[i], in any case, as a whole word: its length, or 0. */
static size_t word_at(const unsigned char *s, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (i + n > len)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (lower(s[i + k]) != (unsigned char)w[k])
			return 0;
	if (i + n < len && is_word(s[i + n]))
		return 0;
	return n;
}

/* A month name or its abbreviation, capitalised or upper case ("June", "Sept.", "DEC"), at s[i]. */
static bool month_at(const unsigned char *s, size_t len, size_t i)
{
	static const char *const months[] = {"january", "february", "march",     "april",   "may",      "june",
					     "july",    "august",   "september", "october", "november", "december"};
	if (i >= len || !is_upper(s[i]))
		return false;
	size_t n = 0;
	while (i + n < len && is_alpha(s[i + n]))
		n++;
	if (n < 3)
		return false;
	for (size_t m = 0; m < sizeof(months) / sizeof(*months); m++) {
		size_t ml = strlen(months[m]);
		if (n > ml)
			continue;
		size_t k = 0;
		while (k < n && lower(s[i + k]) == (unsigned char)months[m][k])
			k++;
		if (k == n && (n == 3 || n == ml || (m == 8 && n == 4)))
			return true;
	}
	return false;
}

/*
 * The keyword at s[i] (i is at a word start): "recommendations", "recommendation", "recs" or
 * "rec", any case, not followed by a letter; "recs" and "rec" may take a full stop. Its length, or 0.
 */
static size_t keyword_at(const unsigned char *s, size_t len, size_t i)
{
	static const char *const words[] = {"recommendations", "recommendation", "recs", "rec"};
	for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
		size_t n = strlen(words[w]), k = 0;
		if (i + n > len)
			continue;
		while (k < n && lower(s[i + k]) == (unsigned char)words[w][k])
			k++;
		if (k < n || (i + n < len && is_alpha(s[i + n])))
			continue;
		if (w >= 2 && i + n < len && s[i + n] == '.')
			n++;
		return n;
	}
	return 0;
}

/* Next "rec" in any case at or after i (Horspool on a three-byte pattern), or NOPOS. */
static size_t find_rec(const unsigned char *s, size_t len, size_t i)
{
	while (i + 3 <= len) {
		unsigned char c = lower(s[i + 2]);
		if (c == 'c') {
			if (lower(s[i]) == 'r' && lower(s[i + 1]) == 'e')
				return i;
			i += 3;
		} else if (c == 'e') {
			i += 1;
		} else if (c == 'r') {
			i += 2;
		} else {
			i += 3;
		}
	}
	return NOPOS;
}

/* ---- numbers ---- */

struct number {
	size_t off, end;      /* as written: "23A", "5.4" */
	size_t last;          /* start of the last dotted component */
	unsigned long val;    /* value of the last component (capped) */
	bool dotted, letter;
};

/* A number at s[i]: digits, ".digits" parts, an optional single letter; not part of a longer word. */
static bool parse_number(const unsigned char *s, size_t len, size_t i, struct number *n)
{
	if (i >= len || !is_digit(s[i]))
		return false;
	n->off = i;
	n->dotted = n->letter = false;
	size_t j = i;
	for (;;) {
		n->last = j;
		n->val = 0;
		while (j < len && is_digit(s[j])) {
			if (n->val < 100000000UL)
				n->val = n->val * 10 + (unsigned long)(s[j] - '0');
			j++;
		}
		if (j + 1 < len && s[j] == '.' && is_digit(s[j + 1])) {
			n->dotted = true;
			j++;
			continue;
		}
		break;
	}
	if (j < len && is_alpha(s[j]) && (j + 1 >= len || !is_word(s[j + 1]))) {
		n->letter = true;
		j++;
	}
	if (j < len && is_word(s[j]))
		return false;
	n->end = j;
	return true;
}

/* A plain four-digit number that reads as a year. */
static bool is_year(const struct number *n)
{
	return !n->dotted && !n->letter && n->end - n->off == 4 && n->val >= 1900 && n->val <= 2099;
}

/* ---- finding the recommendation a number names ---- */

struct scan {
	const struct rv_model *m;
	const unsigned char *s;
	const char *review;
	size_t review_len;
	long self;
	struct rv_xref_span *out;
	size_t max, n;
	size_t budget; /* numbers ranges may still fill in */
};

/* REVIEW-TEXT looked up as an id, or -1. */
static long lookup(const struct scan *sc, const unsigned char *text, size_t len)
{
	char id[ID_BUF];
	if (!sc->review_len || sc->review_len + 1 + len > sizeof(id))
		return -1;
	memcpy(id, sc->review, sc->review_len);
	id[sc->review_len] = '-';
	memcpy(id + sc->review_len + 1, text, len);
	return rv_find_rec(sc->m, id, sc->review_len + 1 + len);
}

/* The recommendation a number names: as written, else without leading zeros, else without its letter. */
static long lookup_number(const struct scan *sc, const struct number *n)
{
	const unsigned char *t = sc->s + n->off;
	size_t len = n->end - n->off;
	long rec = lookup(sc, t, len);
	size_t z = 0;
	while (z + 1 < len && t[z] == '0' && is_digit(t[z + 1]))
		z++;
	if (rec < 0 && z)
		rec = lookup(sc, t + z, len - z);
	if (rec < 0 && n->letter) {
		rec = lookup(sc, t, len - 1);
		if (rec < 0 && z)
			rec = lookup(sc, t + z, len - 1 - z);
	}
	return rec;
}

static void emit(struct scan *sc, long rec, size_t off, size_t end)
{
	if (rec < 0 || rec == sc->self)
		return;
	if (sc->n < sc->max) {
		sc->out[sc->n].off = off;
		sc->out[sc->n].len = end - off;
		sc->out[sc->n].rec = rec;
	}
	sc->n++;
}

/* "5.1 – 5.4": the same prefix, no letters, a short increasing run within the budget. */
static bool expandable(const struct scan *sc, const struct number *lo, const struct number *hi)
{
	if (lo->letter || hi->letter || hi->val <= lo->val || hi->val - lo->val > MAX_RANGE ||
	    hi->val - lo->val - 1 > sc->budget)
		return false;
	size_t plo = lo->last - lo->off, phi = hi->last - hi->off;
	return plo == phi && memcmp(sc->s + lo->off, sc->s + hi->off, plo) == 0;
}

/* The numbers strictly between lo and hi; their span is the whole range as written. */
static void emit_between(struct scan *sc, const struct number *lo, const struct number *hi)
{
	unsigned char buf[ID_BUF];
	size_t plen = lo->last - lo->off;
	if (plen + 12 > sizeof(buf))
		return;
	sc->budget -= hi->val - lo->val - 1;
	memcpy(buf, sc->s + lo->off, plen);
	for (unsigned long v = lo->val + 1; v < hi->val; v++) {
		char digits[12];
		size_t nd = 0;
		for (unsigned long x = v; x; x /= 10)
			digits[nd++] = (char)('0' + x % 10);
		for (size_t k = 0; k < nd; k++)
			buf[plen + k] = (unsigned char)digits[nd - 1 - k];
		emit(sc, lookup(sc, buf, plen + nd), lo->off, hi->end);
	}
}

/*
 * A range after prev at i: a dash, "to", "through" or "thru", then a number. Returns the end of the
 * number and fills hi, or NOPOS.
 */
static size_t range_at(const unsigned char *s, size_t len, size_t i, struct number *hi)
{
	size_t p = skip_space(s, len, i), d = dash_at(s, len, p);
	if (!d) {
		d = word_at(s, len, p, "to");
		if (!d)
			d = word_at(s, len, p, "through");
		if (!d)
			d = word_at(s, len, p, "thru");
		if (!d || !space_at(s, len, p + d))
			return NOPOS;
	}
	p = skip_space(s, len, p + d);
	return parse_number(s, len, p, hi) ? hi->end : NOPOS;
}

/* A list separator at i: ",", "/", "&", "and", "or", ", and", "and/or". Where the next item starts, or NOPOS. */
static size_t separator_at(const unsigned char *s, size_t len, size_t i)
{
	size_t p = skip_space(s, len, i);
	bool sep = false;
	if (p < len && (s[p] == ',' || s[p] == '/' || s[p] == '&')) {
		sep = true;
		p = skip_space(s, len, p + 1);
	}
	size_t w = word_at(s, len, p, "and");
	if (!w)
		w = word_at(s, len, p, "or");
	if (w) {
		p += w;
		if (w == 3 && p + 2 < len && s[p] == '/' && word_at(s, len, p + 1, "or"))
			p += 3;
		if (!space_at(s, len, p))
			return NOPOS;
		sep = true;
		p = skip_space(s, len, p);
	}
	return sep ? p : NOPOS;
}

/* The numbers after a keyword, from the first one at i; returns where the list ends. */
static size_t scan_list(struct scan *sc, size_t len, size_t i)
{
	const unsigned char *s = sc->s;
	struct number prev, next;
	if (!parse_number(s, len, i, &prev))
		return i;
	emit(sc, lookup_number(sc, &prev), prev.off, prev.end);
	size_t j = prev.end;
	bool after_range = false;
	for (;;) {
		size_t e = after_range ? NOPOS : range_at(s, len, j, &next);
		if (e != NOPOS) {
			if ((is_year(&next) && prev.val < 1000) || month_at(s, len, skip_space(s, len, e)))
				break;
			if (expandable(sc, &prev, &next)) {
				emit_between(sc, &prev, &next);
				after_range = true;
			}
			emit(sc, lookup_number(sc, &next), next.off, next.end);
			prev = next;
			j = e;
			continue;
		}
		size_t p = separator_at(s, len, j);
		if (p == NOPOS || !parse_number(s, len, p, &next))
			break;
		if ((is_year(&next) && prev.val < 1000) || month_at(s, len, skip_space(s, len, next.end)))
			break;
		emit(sc, lookup_number(sc, &next), next.off, next.end);
		prev = next;
		j = next.end;
		after_range = false;
	}
	return j;
}

/*
 * An explicit review just before the keyword at k: "SSR1 Recommendation", "SSR2’s Recommendations".
 * The word counts when it starts with a letter and has digits ("SSR1", "ATRT3"), or is two or more
 * capitals ("CCT"; not when the keyword is in capitals too: "SEE RECOMMENDATION 25").
 */
static bool review_before(const unsigned char *s, size_t k, bool caps_keyword, size_t *off, size_t *len)
{
	size_t p = k, spaces = 0;
	for (;;) {
		if (p >= 1 && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\n' || s[p - 1] == '\r'))
			p--;
		else if (p >= 2 && s[p - 2] == 0xC2 && s[p - 1] == 0xA0)
			p -= 2;
		else
			break;
		spaces++;
	}
	if (!spaces)
		return false;
	if (p >= 2 && lower(s[p - 1]) == 's' && s[p - 2] == '\'')
		p -= 2;
	else if (p >= 4 && lower(s[p - 1]) == 's' && s[p - 4] == 0xE2 && s[p - 3] == 0x80 && s[p - 2] == 0x99)
		p -= 4;
	size_t end = p;
	while (p > 0 && end - p <= MAX_REVIEW_LEN && (is_word(s[p - 1]) || s[p - 1] == '-'))
		p--;
	while (p < end && s[p] == '-')
		p++;
	while (end > p && s[end - 1] == '-')
		end--;
	if (end == p || end - p > MAX_REVIEW_LEN || (p > 0 && is_word(s[p - 1])))
		return false;
	bool digits = false, lowers = false;
	for (size_t q = p; q < end; q++) {
		digits |= is_digit(s[q]);
		lowers |= s[q] >= 'a' && s[q] <= 'z';
	}
	if (!is_alpha(s[p]) || (!digits && (lowers || caps_keyword || end - p < 2)))
		return false;
	*off = p;
	*len = end - p;
	return true;
}

size_t rv_xref_scan(const struct rv_model *m, const char *review, size_t review_len, long self, const char *text,
		    size_t len, struct rv_xref_span *out, size_t max)
{
	struct scan sc = {m, (const unsigned char *)text, review, review_len, self, out, out ? max : 0, 0,
			  RANGE_BUDGET(len)};
	const unsigned char *s = sc.s;
	if (!m || !m->nrecs || !text)
		return 0;
	size_t i = 0, k;
	while ((k = find_rec(s, len, i)) != NOPOS) {
		i = k + 3;
		if (k > 0 && is_word(s[k - 1]))
			continue;
		size_t kw = keyword_at(s, len, k);
		if (!kw)
			continue;
		size_t p = skip_space(s, len, k + kw);
		if (p >= len || !is_digit(s[p]))
			continue;
		bool caps = true;
		for (size_t q = k; q < k + kw; q++)
			caps &= !(s[q] >= 'a' && s[q] <= 'z');
		size_t roff, rlen;
		if (review_before(s, k, caps, &roff, &rlen)) {
			sc.review = text + roff;
			sc.review_len = rlen;
		} else {
			sc.review = review;
			sc.review_len = review ? review_len : 0;
		}
		i = scan_list(&sc, len, p);
	}
	return sc.n;
}

/* ---- the index ---- */

struct u32vec {
	uint32_t *v;
	size_t n, cap;
};

static void u32_push(struct u32vec *a, uint32_t x)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xreallocarray(a->v, a->cap, sizeof(*a->v));
	}
	a->v[a->n++] = x;
}

static int compare_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

struct build {
	const struct rv_model *m;
	struct rv_xref_span *spans;
	size_t cap;
	uint32_t *seen;  /* rec index + 1 of the last recommendation that referred to each one */
	struct u32vec out;
};

/* References of one text of recommendation rec, appended to b->out when new for it. */
static void build_text(struct build *b, size_t rec, struct rv_text review, struct rv_text text)
{
	if (!text.len)
		return;
	size_t n = rv_xref_scan(b->m, review.ptr, review.len, (long)rec, text.ptr, text.len, b->spans, b->cap);
	if (n > b->cap) {
		while (b->cap < n)
			b->cap *= 2;
		b->spans = xreallocarray(b->spans, b->cap, sizeof(*b->spans));
		n = rv_xref_scan(b->m, review.ptr, review.len, (long)rec, text.ptr, text.len, b->spans, b->cap);
	}
	for (size_t k = 0; k < n; k++) {
		size_t t = (size_t)b->spans[k].rec;
		if (b->seen[t] == rec + 1)
			continue;
		b->seen[t] = (uint32_t)(rec + 1);
		if (b->out.n < UINT32_MAX)
			u32_push(&b->out, (uint32_t)t);
	}
}

/*
 * The review whose numbers a recommendation's texts name: its review column when its own id is
 * written REVIEW-..., else its id up to the last '-' (so that REVIEW-NUMBER can be an id at all).
 */
static struct rv_text rec_review(const struct rv_model *m, size_t rec)
{
	struct rv_text review = rv_rec_review_of(m, rec), id = rv_rec_field(m, rec, REC_ID);
	if (review.len < id.len && id.ptr[review.len] == '-' && memcmp(id.ptr, review.ptr, review.len) == 0)
		return review;
	for (uint32_t k = id.len; k > 0; k--)
		if (id.ptr[k - 1] == '-') {
			id.len = k - 1;
			return id;
		}
	return review;
}

void rv_xref_build(struct rv_model *m)
{
	struct rv_xref_index *x = &m->xref;
	rv_xref_free(x);
	m->xref_generation = m->generation;
	size_t nrecs = m->nrecs;
	x->out_first = xcalloc(nrecs + 1, sizeof(uint32_t));
	x->out_count = xcalloc(nrecs + 1, sizeof(uint32_t));
	x->in_first = xcalloc(nrecs + 1, sizeof(uint32_t));
	x->in_count = xcalloc(nrecs + 1, sizeof(uint32_t));

	struct build b = {m, NULL, 64, xcalloc(nrecs + 1, sizeof(uint32_t)), {NULL, 0, 0}};
	b.spans = xcalloc(b.cap, sizeof(*b.spans));
	for (size_t i = 0; i < nrecs; i++) {
		const struct rv_rec *r = rv_rec_at(m, i);
		struct rv_text review = rec_review(m, i);
		size_t first = b.out.n;
		build_text(&b, i, review, rv_rec_field(m, i, REC_TITLE));
		build_text(&b, i, review, rv_rec_field(m, i, REC_TEXT));
		build_text(&b, i, review, rv_rec_field(m, i, REC_OTHER_TEXT));
		build_text(&b, i, review, rv_rec_field(m, i, REC_PROJECT_STATUS));
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++)
			build_text(&b, i, review,
				   rv_child_text(m, RV_DELIVERABLES, rv_rec_child(m, i, RV_DELIVERABLES, k), DEL_DESCRIPTION));
		for (size_t k = 0; k < r->count[RV_HISTORY]; k++)
			build_text(&b, i, review,
				   rv_child_text(m, RV_HISTORY, rv_rec_child(m, i, RV_HISTORY, k), HIST_NOTE));
		x->out_first[i] = (uint32_t)first;
		x->out_count[i] = (uint32_t)(b.out.n - first);
		if (x->out_count[i] > 1)
			qsort(b.out.v + first, x->out_count[i], sizeof(uint32_t), compare_u32);
	}
	free(b.spans);
	free(b.seen);
	x->out = b.out.v ? b.out.v : xcalloc(1, sizeof(uint32_t));

	/* Backlinks: a counting sort by target; sources come in ascending order, so each list is sorted. */
	size_t nedges = b.out.n;
	x->in = xcalloc(nedges + 1, sizeof(uint32_t));
	for (size_t e = 0; e < nedges; e++)
		x->in_count[x->out[e]]++;
	uint32_t at = 0;
	for (size_t i = 0; i < nrecs; i++) {
		x->in_first[i] = at;
		at += x->in_count[i];
	}
	uint32_t *fill = xcalloc(nrecs + 1, sizeof(uint32_t));
	for (size_t i = 0; i < nrecs; i++)
		for (uint32_t e = x->out_first[i]; e < x->out_first[i] + x->out_count[i]; e++) {
			uint32_t t = x->out[e];
			x->in[x->in_first[t] + fill[t]++] = (uint32_t)i;
		}
	free(fill);
}

void rv_xref_free(struct rv_xref_index *x)
{
	free(x->out_first);
	free(x->out_count);
	free(x->out);
	free(x->in_first);
	free(x->in_count);
	free(x->in);
	memset(x, 0, sizeof(*x));
}

size_t rv_xref_out(const struct rv_model *m, size_t rec, const uint32_t **recs)
{
	const struct rv_xref_index *x = &m->xref;
	/* Built on first use, and again after a change: a data set opens without scanning all of its
	 * text twice. Every model is created writable; only this cache is filled in behind the const. */
	if ((!x->out_first || m->xref_generation != m->generation) && m->nrecs)
		rv_xref_build((struct rv_model *)m);
	if (!x->out_first || rec >= m->nrecs) {
		if (recs)
			*recs = NULL;
		return 0;
	}
	if (recs)
		*recs = x->out + x->out_first[rec];
	return x->out_count[rec];
}

size_t rv_xref_in(const struct rv_model *m, size_t rec, const uint32_t **recs)
{
	const struct rv_xref_index *x = &m->xref;
	/* Built on first use, and again after a change: a data set opens without scanning all of its
	 * text twice. Every model is created writable; only this cache is filled in behind the const. */
	if ((!x->out_first || m->xref_generation != m->generation) && m->nrecs)
		rv_xref_build((struct rv_model *)m);
	if (!x->in_first || rec >= m->nrecs) {
		if (recs)
			*recs = NULL;
		return 0;
	}
	if (recs)
		*recs = x->in + x->in_first[rec];
	return x->in_count[rec];
}
