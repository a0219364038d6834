/*
 * search.c - finding text across a data set.
 *
 * Three matchers, chosen when the pattern is compiled (smart case: a pattern with no upper-case letter,
 * ASCII or not, ignores case):
 *   exact  a literal with an upper-case letter, compared byte for byte;
 *   fold   a literal without one whose letters are all ASCII (characters without case, such as CJK
 *          or symbols, are bytes), compared with an ASCII case fold;
 *   regex  RV_SEARCH_REGEX (POSIX extended; one without any operator is a literal), or a literal with
 *          non-ASCII lower-case letters: escaped, with REG_ICASE, so that "é" finds "É". Such a literal
 *          keeps its longest run of case-stable bytes as a prefilter: texts without it are skipped.
 * Literals are found 32 positions at a time by their two rarest bytes (AVX2, where the CPU has it),
 * else by memchr on the rarest byte (both of its cases when folding). Regular expressions run in the
 * C.UTF-8 locale whatever the process locale is (the data is UTF-8), with REG_STARTEND so that the
 * text need not be NUL-terminated and may hold NUL bytes.
 *
 * rv_search_all with a literal (or a prefilter) scans each file's bytes in one pass rather than cell by
 * cell, and the model's field scan (rv_field_scan_at, entity.h) places each match in its entity and
 * field; values that are not their raw bytes (quoted fields with doubled quotes, changed cells) are
 * searched on their own. Regular expressions go field by field.
 */
#include "recview/search.h"

#include <locale.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "recview/arena.h"
#include "recview/strbuf.h"
#include "recview/utf8.h"

enum matcher {
	M_EXACT,
	M_FOLD,
	M_REGEX,
};

struct rv_search {
	enum matcher mode;
	unsigned char *pat; /* the literal; lower-cased for M_FOLD */
	size_t n;
	size_t anchor;      /* index of the byte looked for with memchr */
	unsigned char a_lo, a_up;
	size_t v1, v2;      /* the two rarest positions, compared 32 at a time where the CPU can */
	struct rv_search *pre; /* M_REGEX: a literal every match contains, or NULL */
	regex_t re;
};

static unsigned char fold_table[256];

static void init_fold_table(void)
{
	if (fold_table['A'])
		return;
	for (int c = 0; c < 256; c++)
		fold_table[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

/* ---- the locale for regular expressions and case tests ---- */

static locale_t utf8_locale;

static locale_t search_locale(void)
{
	if (!utf8_locale)
		utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	return utf8_locale;
}

/* Runs in the C.UTF-8 locale when it exists, else in the process locale. */
static locale_t enter_locale(void)
{
	locale_t l = search_locale();
	return l ? uselocale(l) : (locale_t)0;
}

static void leave_locale(locale_t old)
{
	if (old)
		uselocale(old);
}

/* ---- compiling ---- */

/* Smart case: does the pattern have an upper-case letter (ASCII, or any script the locale knows)? */
static bool has_upper(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				return true;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			i++;
			continue;
		}
		locale_t l = search_locale();
		if (l && iswupper_l((wint_t)cp, l))
			return true;
		i += n;
	}
	return false;
}

/* How common a byte is in English-like text (higher: more common); the anchor is the rarest. */
static int byte_rank(unsigned char c)
{
	static const char common[] = " etaoinshrdlcumfpgwyb,.vk"; /* most common first */
	if (c >= 'A' && c <= 'Z') {
		const char *p = memchr(common, c - 'A' + 'a', sizeof(common) - 1);
		return p ? (int)(sizeof(common) - (size_t)(p - common)) / 4 : 0;
	}
	const char *p = memchr(common, c, sizeof(common) - 1);
	if (p)
		return (int)(sizeof(common) - (size_t)(p - common)) + 2;
	if (c >= '0' && c <= '9')
		return 3;
	if (c == '-' || c == '\'' || c == '\n')
		return 2;
	if (c >= 0x80)
		return 2;
	return 1;
}

static void choose_anchor(struct rv_search *s)
{
	size_t best = 0;
	int best_rank = 1 << 30;
	for (size_t i = 0; i < s->n; i++) {
		unsigned char c = s->pat[i];
		int r = byte_rank(c);
		if (s->mode == M_FOLD && c >= 'a' && c <= 'z')
			r += byte_rank((unsigned char)(c - 'a' + 'A'));
		if (r < best_rank) {
			best_rank = r;
			best = i;
		}
	}
	s->anchor = best;
	s->v1 = s->v2 = best;
	best_rank = 1 << 30;
	for (size_t i = 0; i < s->n; i++) {
		unsigned char c = s->pat[i];
		int r = byte_rank(c);
		if (s->mode == M_FOLD && c >= 'a' && c <= 'z')
			r += byte_rank((unsigned char)(c - 'a' + 'A'));
		if (i != s->anchor && r < best_rank) {
			best_rank = r;
			s->v2 = i;
		}
	}
	if (s->v2 < s->v1) {
		s->v1 = s->v2;
		s->v2 = s->anchor;
	}
	s->a_lo = s->pat[best];
	s->a_up = s->a_lo;
	if (s->mode == M_FOLD && s->a_lo >= 'a' && s->a_lo <= 'z')
		s->a_up = (unsigned char)(s->a_lo - 'a' + 'A');
}

static void set_error(char *err, size_t errsize, const char *msg)
{
	if (err && errsize) {
		size_t n = strlen(msg);
		if (n >= errsize)
			n = errsize - 1;
		memcpy(err, msg, n);
		err[n] = '\0';
	}
}

static bool compile_regex(struct rv_search *s, const char *pattern, bool icase, char *err, size_t errsize)
{
	locale_t old = enter_locale();
	int rc = regcomp(&s->re, pattern, REG_EXTENDED | (icase ? REG_ICASE : 0));
	if (rc != 0) {
		char msg[256];
		regerror(rc, &s->re, msg, sizeof(msg));
		set_error(err, errsize, msg);
		/* regcomp leaves nothing to free after a failure. */
	}
	leave_locale(old);
	return rc == 0;
}

/* Does a code point have another case (in the C.UTF-8 locale)? */
static bool has_case(uint32_t cp)
{
	locale_t l = search_locale();
	if (!l)
		return true;
	return towupper_l((wint_t)cp, l) != (wint_t)cp || towlower_l((wint_t)cp, l) != (wint_t)cp;
}

/*
 * The longest run of the pattern whose bytes match only themselves or their ASCII other case under
 * REG_ICASE: characters without case, and ASCII but for i, k and s (which also match dotless i, the
 * Kelvin sign and the long s). Every match of the pattern contains it: a prefilter. Length 0: none.
 */
static size_t stable_run(const char *p, size_t len, size_t *at)
{
	size_t best = 0, run_start = 0;
	*at = 0;
	for (size_t i = 0; i <= len;) {
		uint32_t cp = 0;
		size_t n = 1;
		bool stable = false;
		if (i < len) {
			unsigned char c = (unsigned char)p[i];
			if (c < 0x80) {
				c = fold_table[c];
				stable = c != 'i' && c != 'k' && c != 's';
			} else if ((n = utf8_decode((const unsigned char *)p + i, len - i, &cp)) != 0) {
				stable = !has_case(cp);
			} else {
				n = 1;
			}
		}
		if (!stable) {
			if (i - run_start > best) {
				best = i - run_start;
				*at = run_start;
			}
			run_start = i + n;
		}
		i += n;
	}
	return best;
}

static bool all_caseless(const char *p, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = (unsigned char)p[i] < 0x80 ? 1 : utf8_decode((const unsigned char *)p + i, len - i, &cp);
		if (n > 1 && has_case(cp))
			return false;
		i += n ? n : 1;
	}
	return true;
}

/* A literal, case-sensitive or ASCII-folded: never fails. */
static struct rv_search *compile_literal(const char *pattern, size_t len, bool icase)
{
	struct rv_search *s = xcalloc(1, sizeof(*s));
	s->mode = icase ? M_FOLD : M_EXACT;
	s->n = len;
	s->pat = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++)
		s->pat[i] = icase ? fold_table[(unsigned char)pattern[i]] : (unsigned char)pattern[i];
	s->pat[len] = '\0';
	choose_anchor(s);
	return s;
}

struct rv_search *rv_search_compile(const char *pattern, unsigned flags, char *err, size_t errsize)
{
	size_t len = pattern ? strlen(pattern) : 0;
	if (!len) {
		set_error(err, errsize, "empty pattern");
		return NULL;
	}
	init_fold_table();
	bool icase = !has_upper(pattern, len);
	bool special = strpbrk(pattern, ".[]()*+?{}|^$\\") != NULL;
	struct strbuf escaped;
	const char *re = pattern;

	sb_init(&escaped);
	if (!(flags & RV_SEARCH_REGEX) || !special) {
		/* A literal (or a regular expression without an operator, which is one). */
		if (!icase || all_caseless(pattern, len)) {
			sb_free(&escaped);
			return compile_literal(pattern, len, icase);
		}
		/* Case-insensitive beyond ASCII: the literal as an escaped regular expression. */
		for (size_t i = 0; i < len; i++) {
			if (strchr(".[]()*+?{}|^$\\", pattern[i]))
				sb_addc(&escaped, '\\');
			sb_addc(&escaped, pattern[i]);
		}
		re = escaped.data;
	}
	struct rv_search *s = xcalloc(1, sizeof(*s));
	s->mode = M_REGEX;
	bool ok = compile_regex(s, re, icase, err, errsize);
	if (ok && re == escaped.data) {
		size_t at, n = stable_run(pattern, len, &at);
		if (n >= 2)
			s->pre = compile_literal(pattern + at, n, true);
	}
	sb_free(&escaped);
	if (!ok) {
		free(s);
		return NULL;
	}
	return s;
}

void rv_search_free(struct rv_search *s)
{
	if (!s)
		return;
	if (s->mode == M_REGEX)
		regfree(&s->re);
	rv_search_free(s->pre);
	free(s->pat);
	free(s);
}

/* ---- matching ---- */

static bool fold_equal(const unsigned char *text, const unsigned char *pat, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold_table[text[i]] != pat[i])
			return false;
	return true;
}

/*
 * A scan of one text for a literal. The next occurrence of each case of the anchor byte is remembered, so
 * that successive searches in the same text (rv_search_all) never look at a byte twice.
 */
struct lit_scan {
	const struct rv_search *s;
	const unsigned char *t, *end; /* the text; end: one past the last place the anchor may be */
	const unsigned char *ql, *qu; /* next anchor of each case at or after *_from, NULL: none */
	const unsigned char *ql_from, *qu_from;
};

static void lit_init(struct lit_scan *ls, const struct rv_search *s, const unsigned char *t, size_t n)
{
	ls->s = s;
	ls->t = t;
	ls->end = n >= s->n ? t + (n - s->n) + s->anchor + 1 : t;
	ls->ql = ls->qu = NULL;
	ls->ql_from = ls->qu_from = ls->end + 1; /* nothing known yet */
}

/* The first occurrence of byte c at or after p, from the cache when it still says. */
static const unsigned char *next_byte(const struct lit_scan *ls, unsigned char c, const unsigned char *p,
				      const unsigned char **q, const unsigned char **q_from)
{
	if (*q_from <= p && (!*q || *q >= p))
		return *q;
	*q_from = p;
	*q = p < ls->end ? memchr(p, c, (size_t)(ls->end - p)) : NULL;
	return *q;
}

/* Offset of the first occurrence of the literal at or after offset from, or -1. */
static long lit_find(struct lit_scan *ls, size_t from)
{
	const struct rv_search *s = ls->s;
	const unsigned char *p = ls->t + from + s->anchor;
	bool two = s->a_lo != s->a_up;
	while (p < ls->end) {
		const unsigned char *ql = next_byte(ls, s->a_lo, p, &ls->ql, &ls->ql_from);
		const unsigned char *qu = two ? next_byte(ls, s->a_up, p, &ls->qu, &ls->qu_from) : NULL;
		const unsigned char *q = !qu || (ql && ql < qu) ? ql : qu;
		if (!q)
			return -1;
		const unsigned char *start = q - s->anchor;
		if (s->mode == M_EXACT ? memcmp(start, s->pat, s->n) == 0 : fold_equal(start, s->pat, s->n))
			return (long)(start - ls->t);
		p = q + 1;
	}
	return -1;
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_VECTOR_FIND 1

/*
 * The two rarest bytes of the pattern compared at 32 positions at once (AVX2), the candidates then
 * compared in full. A letter of a case-folded pattern is compared with bit 0x20 set on both sides: only
 * its two cases have that image. Returns the first match at or after from, or -1 with *resume set to
 * where the blocks stopped (the rest is shorter than a block).
 */
__attribute__((target("avx2"))) static long vector_find(const struct rv_search *s, const unsigned char *t,
							  size_t n, size_t from, size_t *resume)
{
	unsigned char b1 = s->pat[s->v1], b2 = s->pat[s->v2];
	bool fold = s->mode == M_FOLD;
	const __m256i f1 = _mm256_set1_epi8((char)b1), f2 = _mm256_set1_epi8((char)b2);
	const __m256i o1 = _mm256_set1_epi8(fold && b1 >= 'a' && b1 <= 'z' ? 0x20 : 0);
	const __m256i o2 = _mm256_set1_epi8(fold && b2 >= 'a' && b2 <= 'z' ? 0x20 : 0);
	size_t i = from;
	/* Blocks while the last byte the pattern may cover stays in the text. */
	while (n >= s->n && i + 32 <= n - s->n + 1) {
		__m256i x1 = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(const void *)(t + i + s->v1)), o1);
		__m256i x2 = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(const void *)(t + i + s->v2)), o2);
		unsigned mask = (unsigned)_mm256_movemask_epi8(
			_mm256_and_si256(_mm256_cmpeq_epi8(x1, f1), _mm256_cmpeq_epi8(x2, f2)));
		while (mask) {
			size_t at = i + (size_t)__builtin_ctz(mask);
			if (s->mode == M_EXACT ? memcmp(t + at, s->pat, s->n) == 0 : fold_equal(t + at, s->pat, s->n))
				return (long)at;
			mask &= mask - 1;
		}
		i += 32;
	}
	*resume = i;
	return -1;
}

static bool have_avx2(void)
{
	static int known = -1;
	if (known < 0) {
		__builtin_cpu_init();
		known = __builtin_cpu_supports("avx2") ? 1 : 0;
	}
	return known == 1;
}
#endif

/* A short text: a plain loop costs less than setting up memchr. */
static long short_find(const struct rv_search *s, const unsigned char *t, size_t n, size_t from)
{
	if (n < s->n)
		return -1;
	const unsigned char *pat = s->pat;
	for (size_t i = from; i <= n - s->n; i++) {
		unsigned char c = s->mode == M_FOLD ? fold_table[t[i + s->anchor]] : t[i + s->anchor];
		if (c == s->a_lo &&
		    (s->mode == M_EXACT ? memcmp(t + i, pat, s->n) == 0 : fold_equal(t + i, pat, s->n)))
			return (long)i;
	}
	return -1;
}

/* The first match at or after from: 32 positions at a time where the CPU can, then byte by byte. */
static long lit_search(struct lit_scan *ls, size_t n, size_t from)
{
	if (n - from < 64)
		return short_find(ls->s, ls->t, n, from);
#ifdef HAVE_VECTOR_FIND
	if (n - from >= 64 && have_avx2()) {
		long at = vector_find(ls->s, ls->t, n, from, &from);
		if (at >= 0)
			return at;
	}
#else
	(void)n;
#endif
	return lit_find(ls, from);
}

static long find_literal(const struct rv_search *s, const unsigned char *t, size_t n)
{
	struct lit_scan ls;
	lit_init(&ls, s, t, n);
	return lit_search(&ls, n, 0);
}

bool rv_search_next(const struct rv_search *s, const char *text, size_t len, size_t from, size_t *off,
		    size_t *mlen)
{
	if (!text) {
		text = "";
		len = 0;
	}
	if (!s || from > len)
		return false;
	if (s->mode != M_REGEX) {
		long at = find_literal(s, (const unsigned char *)text + from, len - from);
		if (at < 0)
			return false;
		*off = from + (size_t)at;
		*mlen = s->n;
		return true;
	}
	if (s->pre && find_literal(s->pre, (const unsigned char *)text + from, len - from) < 0)
		return false;
	regmatch_t pm[1];
	pm[0].rm_so = (regoff_t)from;
	pm[0].rm_eo = (regoff_t)len;
	locale_t old = enter_locale();
	int rc = regexec(&s->re, text, 1, pm, REG_STARTEND);
	leave_locale(old);
	if (rc != 0 || pm[0].rm_so < 0)
		return false;
	*off = (size_t)pm[0].rm_so;
	*mlen = (size_t)(pm[0].rm_eo - pm[0].rm_so);
	return true;
}

/* ---- every match in a data set ---- */

struct raw_hit {
	uint32_t entity; /* rec index or child index */
	uint16_t order;  /* known field, or nfields + extra column */
	uint32_t off, len;
};

struct hit_list {
	struct raw_hit *items;
	size_t n, cap;
};

static void hit_push(struct hit_list *hl, const struct rv_scan_field *f, size_t off, size_t len)
{
	if (hl->n == hl->cap) {
		hl->cap = hl->cap ? hl->cap * 2 : 256;
		hl->items = xreallocarray(hl->items, hl->cap, sizeof(*hl->items));
	}
	hl->items[hl->n++] = (struct raw_hit){f->entity, (uint16_t)f->order, (uint32_t)off, (uint32_t)len};
}

/* Field by field: for regular expressions. */
static void scan_fields(struct rv_field_scan *sc, const struct rv_search *s, struct hit_list *hl)
{
	struct rv_scan_field f;
	while (rv_field_scan_next(sc, &f)) {
		size_t off, len;
		if (f.text.len && rv_search_next(s, f.text.ptr, f.text.len, 0, &off, &len))
			hit_push(hl, &f, off, len);
	}
}

/*
 * A literal over the file's bytes: each match is placed in its row and cell; a cell gets its first
 * match only. Values that are not spans of the bytes are searched one by one afterwards.
 */
static void scan_bytes(struct rv_field_scan *sc, const struct rv_search *s, const struct rv_search *full,
		       struct hit_list *hl)
{
	struct rv_text bytes = rv_field_scan_bytes(sc);
	struct lit_scan ls;
	lit_init(&ls, s, (const unsigned char *)bytes.ptr, bytes.len);
	size_t from = 0;
	while (from < bytes.len) {
		long at = lit_search(&ls, bytes.len, from);
		if (at < 0)
			break;
		size_t o = (size_t)at;
		from = o + 1;
		struct rv_scan_field f;
		enum rv_scan_at where = rv_field_scan_at(sc, o, &f);
		if (where == RV_SCAN_END)
			break;
		if (where == RV_SCAN_NONE)
			continue;
		size_t start = (size_t)(f.text.ptr - bytes.ptr);
		if (o < start || o + s->n > start + f.text.len)
			continue;
		size_t off = o - start, len = s->n;
		if (full == s || rv_search_next(full, f.text.ptr, f.text.len, 0, &off, &len))
			hit_push(hl, &f, off, len);
		from = start + f.text.len;
	}
	struct rv_scan_field f;
	while (rv_field_scan_next_loose(sc, s->n, &f)) {
		size_t off, len;
		if (rv_search_next(full, f.text.ptr, f.text.len, 0, &off, &len))
			hit_push(hl, &f, off, len);
	}
}

static void append_hits(struct rv_hit **out, size_t *n, size_t *cap, enum rv_kind kind, const struct raw_hit *h,
			int nfields)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*out = xreallocarray(*out, *cap, sizeof(**out));
	}
	struct rv_hit *hit = &(*out)[(*n)++];
	hit->kind = kind;
	hit->index = h->entity;
	hit->field = (int16_t)(h->order < nfields ? h->order : -1 - (h->order - nfields));
	hit->off = h->off;
	hit->len = h->len;
}

size_t rv_search_all(const struct rv_model *m, const struct rv_search *s, struct rv_hit **hits)
{
	static const enum rv_kind kinds[] = {RV_RECS, RV_DELIVERABLES, RV_QUESTIONS, RV_HISTORY, RV_REVIEWS};
	struct rv_hit *out = NULL;
	size_t n = 0, cap = 0;
	*hits = NULL;
	if (!s)
		return 0;
	for (size_t ki = 0; ki < sizeof(kinds) / sizeof(*kinds); ki++) {
		enum rv_kind kind = kinds[ki];
		struct rv_field_scan *sc = rv_field_scan_open(m, kind);
		if (!sc)
			continue;
		size_t nents = kind == RV_RECS ? m->nrecs : rv_child_total(m, kind);
		int nfields = rv_kind_def(kind)->nfields;
		struct hit_list hl = {NULL, 0, 0};
		if (s->mode != M_REGEX)
			scan_bytes(sc, s, s, &hl);
		else if (s->pre)
			scan_bytes(sc, s->pre, s, &hl);
		else
			scan_fields(sc, s, &hl);
		rv_field_scan_close(sc);

		/* Group by entity (a counting sort: recommendations in id order, children in file order). */
		size_t *start = xcalloc(nents + 2, sizeof(*start));
		for (size_t i = 0; i < hl.n; i++)
			start[hl.items[i].entity + 1]++;
		for (size_t i = 0; i < nents; i++)
			start[i + 1] += start[i];
		struct raw_hit *sorted = xmalloc((hl.n + 1) * sizeof(*sorted));
		for (size_t i = 0; i < hl.n; i++)
			sorted[start[hl.items[i].entity]++] = hl.items[i];
		free(hl.items);
		/* Fields in order within an entity: a handful at most, so an insertion sort. */
		for (size_t i = 1; i < hl.n; i++) {
			struct raw_hit h = sorted[i];
			size_t j = i;
			while (j > 0 && sorted[j - 1].entity == h.entity && sorted[j - 1].order > h.order) {
				sorted[j] = sorted[j - 1];
				j--;
			}
			sorted[j] = h;
		}
		for (size_t i = 0; i < hl.n; i++)
			append_hits(&out, &n, &cap, kind, &sorted[i], nfields);
		free(sorted);
		free(start);
	}
	/* Notes by their text as it reads now: an amended note is found by its new words, a retracted one
	 * not at all (the file keeps what was first written). */
	for (size_t i = 0; i < rv_child_total(m, RV_NOTES); i++) {
		struct rv_text t = rv_child_field(m, RV_NOTES, i, NOTE_TEXT);
		size_t off, len;
		if (!t.len || !rv_search_next(s, t.ptr, t.len, 0, &off, &len))
			continue;
		struct raw_hit h = {(uint32_t)i, NOTE_TEXT, (uint32_t)off, (uint32_t)len};
		append_hits(&out, &n, &cap, RV_NOTES, &h, NOTE_NFIELDS);
	}
	*hits = out;
	return n;
}

struct rv_text rv_hit_cell(const struct rv_model *m, const struct rv_hit *hit)
{
	size_t k = (size_t)(-1 - hit->field);
	if (hit->kind == RV_RECS)
		return hit->field >= 0 ? rv_rec_field(m, hit->index, hit->field) : rv_rec_extra(m, hit->index, k);
	return hit->field >= 0 ? rv_child_field(m, hit->kind, hit->index, hit->field)
			       : rv_child_extra(m, hit->kind, hit->index, k);
}

static bool text_has(const struct rv_search *s, struct rv_text t)
{
	size_t off, len;
	return t.len && rv_search_next(s, t.ptr, t.len, 0, &off, &len);
}

bool rv_rec_matches(const struct rv_model *m, size_t rec, const struct rv_search *s)
{
	for (int f = 0; f < rv_kind_def(RV_RECS)->nfields; f++)
		if (text_has(s, rv_rec_field(m, rec, f)))
			return true;
	for (size_t e = 0; e < rv_extra_count(m, RV_RECS); e++)
		if (text_has(s, rv_rec_extra(m, rec, e)))
			return true;
	return false;
}

bool rv_rec_notes_match(const struct rv_model *m, size_t rec, const struct rv_search *s)
{
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_NOTES); k++)
		if (text_has(s, rv_child_field(m, RV_NOTES, rv_rec_child_index(m, rec, RV_NOTES, k), NOTE_TEXT)))
			return true;
	return false;
}

bool rv_child_matches(const struct rv_model *m, enum rv_kind kind, size_t child, const struct rv_search *s)
{
	for (int f = 0; f < rv_kind_def(kind)->nfields; f++)
		if (text_has(s, rv_child_field(m, kind, child, f)))
			return true;
	for (size_t e = 0; e < rv_extra_count(m, kind); e++)
		if (text_has(s, rv_child_extra(m, kind, child, e)))
			return true;
	return false;
}
