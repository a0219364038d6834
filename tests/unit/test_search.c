/*
 * test_search.c - finding text: literal and regular-expression patterns, smart case, texts that are not
 * NUL-terminated or hold NUL bytes, invalid patterns; rv_search_all on a small data set (every hit
 * checked), against a cell-by-cell search on the bundled and hostile data sets, and on the bundled data
 * with a word counted independently.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/search.h"

/* ---- helpers ---- */

/*
 * ASan's regexec interceptor reads the text up to a NUL whatever REG_STARTEND says, so under ASan the
 * copies get a NUL after their end; valgrind checks the exact-size buffers.
 */
#if defined(__SANITIZE_ADDRESS__)
#define TEXT_PAD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEXT_PAD 1
#endif
#endif
#ifndef TEXT_PAD
#define TEXT_PAD 0
#endif

static struct rv_search *compile_ok(const char *pattern, unsigned flags)
{
	char err[256] = "";
	struct rv_search *s = rv_search_compile(pattern, flags, err, sizeof(err));
	if (!s)
		print_error("'%s': %s\n", pattern, err);
	assert_non_null(s);
	return s;
}

/* The first match of pattern in text[0..len) from `from`: "off+len", or "none". */
static void check_next(const char *pattern, unsigned flags, const char *text, size_t len, size_t from,
		       long want_off, size_t want_len)
{
	struct rv_search *s = compile_ok(pattern, flags);
	/* a heap copy of exactly len bytes: reading past it is a valgrind error */
	char *copy = malloc(len + TEXT_PAD ? len + TEXT_PAD : 1);
	memcpy(copy, text, len);
	if (TEXT_PAD)
		copy[len] = '\0';
	size_t off = 12345, mlen = 12345;
	bool found = rv_search_next(s, copy, len, from, &off, &mlen);
	if (found != (want_off >= 0) || (found && (off != (size_t)want_off || mlen != want_len)))
		print_error("'%s' in %zu bytes from %zu: got %s %zu+%zu, want %ld+%zu\n", pattern, len, from,
			    found ? "match" : "none", off, mlen, want_off, want_len);
	assert_int_equal(found, want_off >= 0);
	if (found) {
		assert_int_equal(off, (size_t)want_off);
		assert_int_equal(mlen, want_len);
	}
	free(copy);
	rv_search_free(s);
}

#define NEXT(pat, text, from, off, len) check_next((pat), 0, LIT(text), (from), (off), (len))
#define RNEXT(pat, text, from, off, len) check_next((pat), RV_SEARCH_REGEX, LIT(text), (from), (off), (len))

/* ---- compiling ---- */

static void test_compile_errors(void **state)
{
	(void)state;
	char err[256];
	strcpy(err, "untouched");
	assert_null(rv_search_compile("", 0, err, sizeof(err)));
	assert_string_equal(err, "empty pattern");
	assert_null(rv_search_compile("", RV_SEARCH_REGEX, err, sizeof(err)));
	assert_null(rv_search_compile(NULL, 0, err, sizeof(err)));

	static const char *const bad[] = {"a(", "[z-a]", "a{2,1}", "(", "[[:nope:]]", "x\\"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		err[0] = '\0';
		assert_null(rv_search_compile(bad[i], RV_SEARCH_REGEX, err, sizeof(err)));
		if (!err[0])
			print_error("'%s': no message\n", bad[i]);
		assert_true(err[0] != '\0');
	}
	/* regerror's own words */
	assert_null(rv_search_compile("a(", RV_SEARCH_REGEX, err, sizeof(err)));
	assert_non_null(strstr(err, "("));
	/* a small buffer, or none */
	char tiny[4];
	assert_null(rv_search_compile("a(", RV_SEARCH_REGEX, tiny, sizeof(tiny)));
	assert_int_equal(strlen(tiny), 3);
	assert_null(rv_search_compile("a(", RV_SEARCH_REGEX, NULL, 0));
	/* the same patterns are fine as literals */
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		rv_search_free(compile_ok(bad[i], 0));
	rv_search_free(NULL);
}

/* ---- literals ---- */

static void test_literal_basics(void **state)
{
	(void)state;
	NEXT("abc", "xxabcxx", 0, 2, 3);
	NEXT("abc", "xxABCxx", 0, 2, 3);   /* no upper case in the pattern: any case */
	NEXT("abc", "xxAbCxx", 0, 2, 3);
	NEXT("Abc", "xxabcxx", 0, -1, 0);  /* an upper-case letter: exact case */
	NEXT("Abc", "abc Abc", 0, 4, 3);
	NEXT("abc", "abc abc", 1, 4, 3);   /* from */
	NEXT("abc", "abc abc", 4, 4, 3);
	NEXT("abc", "abc abc", 5, -1, 0);
	NEXT("abc", "abc", 3, -1, 0);      /* from at the end */
	NEXT("abc", "abc", 4, -1, 0);      /* from past the end */
	NEXT("abcd", "abc", 0, -1, 0);     /* longer than the text */
	NEXT("a", "", 0, -1, 0);
	NEXT("a.c", "abc a.c", 0, 4, 3);   /* no special characters in a literal */
	NEXT("(x)*", "x (x)* y", 0, 2, 4);
	NEXT("\\", "a\\b", 0, 1, 1);
	NEXT("aab", "aaab", 0, 1, 3);      /* overlapping starts */
	NEXT("ss", "sSs", 0, 0, 2);
	NEXT("1-2", "SSR1-2", 0, 3, 3);
	NEXT("[", "a[b", 0, 1, 1);
}

static void test_literal_with_nul_bytes(void **state)
{
	(void)state;
	NEXT("xyz", "ab\0cd\0xyz", 0, 6, 3);
	NEXT("cd", "ab\0cd\0xyz", 0, 3, 2);
	NEXT("XYZ", "ab\0cd\0XYZ", 0, 6, 3);
	NEXT("b", "\0\0\0b", 0, 3, 1);
	RNEXT("xyz", "ab\0cd\0xyz", 0, 6, 3);
	RNEXT("x.z", "ab\0cd\0xyz", 0, 6, 3);
	RNEXT("c[d-e]", "ab\0cd\0xyz", 0, 3, 2);
	RNEXT("y+", "\0\0yy\0y", 0, 2, 2);
	RNEXT("y+", "\0\0yy\0y", 4, 5, 1);
}

static void test_literal_non_ascii(void **state)
{
	(void)state;
	/* a lower-case non-ASCII letter ignores case beyond ASCII */
	NEXT("\xC3\xA9t\xC3\xA9", "x \xC3\x89T\xC3\x89 y", 0, 2, 5);             /* été in ÉTÉ */
	NEXT("caf\xC3\xA9", "Le CAF\xC3\x89 noir", 0, 3, 5);                    /* café in CAFÉ */
	NEXT("caf\xC3\xA9", "le caf\xC3\xA9", 0, 3, 5);
	NEXT("caf\xC3\xA9", "le cafe", 0, -1, 0);
	/* an upper-case one is exact */
	NEXT("\xC3\x89t\xC3\xA9", "\xC3\xA9t\xC3\xA9", 0, -1, 0);
	NEXT("\xC3\x89t\xC3\xA9", "x\xC3\x89t\xC3\xA9", 0, 1, 5);
	NEXT("S\xC3\xA9" "curit\xC3\xA9", "la s\xC3\xA9" "curit\xC3\xA9 / S\xC3\xA9" "curit\xC3\xA9", 0, 16, 10);
	/* characters without case: bytes, with ASCII around them ignoring case */
	NEXT("\xE6\xBC\xA2\xE5\xAD\x97", "ab\xE6\xBC\xA2\xE5\xAD\x97", 0, 2, 6);   /* 漢字 */
	NEXT("x\xE6\xBC\xA2", "X\xE6\xBC\xA2", 0, 0, 4);
	NEXT("\xE2\x88\x9A", "ok \xE2\x88\x9A done", 0, 3, 3);                  /* √ */
	/* a literal that has regular-expression characters and non-ASCII letters */
	NEXT("\xC3\xA9.(x)", "\xC3\x89.(X) \xC3\xA9x(x)", 0, 0, 6);
	NEXT("\xC3\xA9.(x)", "\xC3\xA9x(x)", 0, -1, 0);
	/* invalid UTF-8 in the text is just bytes */
	NEXT("caf\xC3\xA9", "\xFF\xFE caf\xC3\xA9", 0, 3, 5);
}

/* Texts long enough for the 32-byte blocks, in exact-size buffers, with the match at every place. */
static void test_literal_long_texts(void **state)
{
	(void)state;
	static const char *const pats[] = {"needle", "NEEDLE", "Needle", "n", "ne", "ee", "e", "needle in",
					   "\xC3\xA9t\xC3\xA9"};
	char text[300];
	for (size_t p = 0; p < sizeof(pats) / sizeof(*pats); p++) {
		size_t plen = strlen(pats[p]);
		for (size_t len = plen; len < sizeof(text); len += 37) {
			for (size_t at = 0; at + plen <= len; at += 13) {
				memset(text, 'x', len);
				memcpy(text + len - plen, pats[p], plen); /* also one at the very end */
				memcpy(text + at, pats[p], plen);
				check_next(pats[p], 0, text, len, 0, (long)at, plen);
				if (at + plen < len - plen)
					check_next(pats[p], 0, text, len, at + 1, (long)(len - plen), plen);
				check_next(pats[p], 0, text, len - 1, at + 1, -1, 0);
			}
		}
	}
}

/* A plain reference: the first place where the pattern matches, ASCII case folded or not. */
static long naive_find(const char *pat, size_t plen, bool fold, const char *t, size_t n, size_t from)
{
	for (size_t i = from; i + plen <= n; i++) {
		size_t k = 0;
		while (k < plen) {
			char a = t[i + k], b = pat[k];
			if (fold && a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != b)
				break;
			k++;
		}
		if (k == plen)
			return (long)i;
	}
	return -1;
}

static void test_literal_random_against_reference(void **state)
{
	(void)state;
	static const char alphabet[] = "aAbBzZ ,\"\n\xC3";
	unsigned seed = 12345;
	char text[200], pat[8];
	for (int round = 0; round < 3000; round++) {
		seed = seed * 1103515245u + 12345u;
		size_t n = (seed >> 8) % sizeof(text);
		size_t plen = 1 + (seed >> 20) % 5;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		bool upper = false;
		for (size_t i = 0; i < plen; i++) {
			seed = seed * 1103515245u + 12345u;
			/* mostly taken from the text, so that there are matches */
			if (n && (seed >> 16) % 3)
				pat[i] = text[((seed >> 4) % n)];
			else
				pat[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 2)]; /* no lone \xC3 */
			if (pat[i] == '\xC3')
				pat[i] = 'b';
			upper |= pat[i] >= 'A' && pat[i] <= 'Z';
		}
		pat[plen] = '\0';
		size_t from = n ? (seed >> 3) % (n + 1) : 0;
		long want = naive_find(pat, plen, !upper, text, n, from);
		check_next(pat, 0, text, n, from, want, plen);
	}
}

/* ---- regular expressions ---- */

static void test_regex(void **state)
{
	(void)state;
	RNEXT("a.c", "xxabcxx", 0, 2, 3);
	RNEXT("a.c", "xxABCxx", 0, 2, 3);      /* smart case */
	RNEXT("A.c", "xxABCxx", 0, -1, 0);
	RNEXT("[a-z]+", "12 ABC de", 0, 3, 3); /* ignoring case: ABC */
	RNEXT("[A-Z]+", "12 abc DE", 0, 7, 2); /* an upper-case letter: exact */
	RNEXT("SSR[12]-[0-9]+", "see SSR2-14 and SSR1-3", 0, 4, 7);
	RNEXT("SSR[12]-[0-9]+", "see SSR2-14 and SSR1-3", 5, 16, 6);
	RNEXT("^ab", "abab", 0, 0, 2);
	RNEXT("^ab", "abab", 1, -1, 0);        /* ^ is the start of the text, not of the search */
	RNEXT("ab$", "abab", 0, 2, 2);
	RNEXT("x*", "abc", 1, 1, 0);           /* an empty match */
	RNEXT("(red|green) (fox|cat)", "a GREEN cat", 0, 2, 9);
	RNEXT("caf\xC3\xA9", "CAF\xC3\x89", 0, 0, 5);
	RNEXT("\xC3\xA9+", "x\xC3\x89\xC3\xA9y", 0, 1, 4);
	RNEXT("a", "b", 0, -1, 0);
	RNEXT("b", "ab", 3, -1, 0);            /* from past the end */
	RNEXT("needle", "haystack", 0, -1, 0);  /* no operator: searched as a literal */
	RNEXT("needle", "a NEEDLE", 0, 2, 6);
}

static void test_regex_long_text_exact_buffer(void **state)
{
	(void)state;
	char text[1000];
	memset(text, 'x', sizeof(text));
	memcpy(text + sizeof(text) - 4, "y1z2", 4);
	check_next("y[0-9]z[0-9]", RV_SEARCH_REGEX, text, sizeof(text), 0, (long)sizeof(text) - 4, 4);
	check_next("[0-9]$", RV_SEARCH_REGEX, text, sizeof(text), 0, (long)sizeof(text) - 1, 1);
	check_next("y[0-9]z[0-9]", RV_SEARCH_REGEX, text, sizeof(text) - 1, 0, -1, 0);
}

/* ---- rv_search_all ---- */

static const char small_recs[] =
	"id,review,number,topic,title,text,decision,status,priority,source,area\n"
	"R-2,R,2,Topic two,Second,\"A \"\"quoted\"\" word, twice: word\",approved,complete,P1,s2.txt,Word area\n"
	"R-1,R,1,Topic one,First word,Plain text,,,,s1.txt,\n"
	"R-10,R,10,Topic ten,Tenth,\"multi\nline word\",,,,s10.txt,other\n";

static const char small_deliverables[] =
	"rec_id,description,responsible,due,status,source\n"
	"R-1,a word here,Staff,,complete,d.txt\n"
	"R-9,orphan word,Staff,,,d.txt\n"
	"R-2,nothing,Word team,,,d.txt\n";

static const char small_history[] =
	"rec_id,date,decision,status,source,note\n"
	"R-10,2015-01-01,,complete,h.txt,\"the \"\"word\"\"\"\n";

struct fixture {
	char dir[64];
	struct rv_model small;
	struct rv_model real;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/recview-search-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	write_test_file(fx->dir, "recommendations.csv", small_recs);
	write_test_file(fx->dir, "deliverables.csv", small_deliverables);
	write_test_file(fx->dir, "status_history.csv", small_history);
	if (rv_model_load(&fx->small, fx->dir) != RV_OK || rv_model_load(&fx->real, "data") != RV_OK)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	rv_model_free(&fx->small);
	rv_model_free(&fx->real);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

/* Every hit as "kind:id:field:off+len" lines, with the matched bytes checked against rv_hit_cell. */
static char *describe_hits(const struct rv_model *m, const char *pattern, unsigned flags)
{
	struct rv_search *s = compile_ok(pattern, flags);
	struct rv_hit *hits;
	size_t n = rv_search_all(m, s, &hits);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		const struct rv_hit *h = &hits[i];
		struct rv_text id = h->kind == RV_RECS ? rv_rec_field(m, h->index, REC_ID)
							: rv_child_field(m, h->kind, h->index, 0);
		sb_addf(&sb, "%d:%.*s:%d:%u+%u\n", (int)h->kind, (int)id.len, id.ptr, h->field, h->off, h->len);
		struct rv_text c = rv_hit_cell(m, h);
		assert_true(h->off + h->len <= c.len);
		size_t off, len;
		assert_true(rv_search_next(s, c.ptr, c.len, 0, &off, &len));
		assert_int_equal(off, h->off);
		assert_int_equal(len, h->len);
	}
	free(hits);
	rv_search_free(s);
	char *text = sb_detach(&sb);
	sb_free(&sb); /* sb_detach leaves an empty buffer behind */
	return text;
}

static void check_hits(const struct rv_model *m, const char *pattern, unsigned flags, const char *want)
{
	char *got = describe_hits(m, pattern, flags);
	if (strcmp(got, want) != 0)
		print_error("'%s':\n--- got\n%s--- want\n%s", pattern, got, want);
	bool same = strcmp(got, want) == 0;
	free(got);
	assert_true(same);
}

static void test_search_all_small(void **state)
{
	struct fixture *fx = *state;
	/*
	 * Recommendations in id order with fields in contract order and the extra column
	 * area as -1; then deliverables (the orphan too) and history in file order. The quoted cells with
	 * doubled quotes are not the file's bytes: their offsets are in the unquoted value.
	 */
	check_hits(&fx->small, "word", 0,
		   "0:R-1:4:6+4\n"   /* title "First word" */
		   "0:R-2:5:11+4\n"  /* text 'A "quoted" word, twice: word': the first one */
		   "0:R-2:-1:0+4\n"  /* area "Word area" */
		   "0:R-10:5:11+4\n" /* text across a line break */
		   "1:R-1:1:2+4\n"
		   "1:R-9:1:7+4\n"
		   "1:R-2:2:0+4\n"   /* responsible "Word team" */
		   "3:R-10:5:5+4\n"); /* note 'the "word"' */
	check_hits(&fx->small, "Word", 0, "0:R-2:-1:0+4\n1:R-2:2:0+4\n");
	check_hits(&fx->small, "\"", 0, "0:R-2:5:2+1\n3:R-10:5:4+1\n");
	check_hits(&fx->small, "\"word\"", 0, "3:R-10:5:4+6\n");
	check_hits(&fx->small, ", t", 0, "0:R-2:5:15+3\n");
	check_hits(&fx->small, "r-1", 0, "0:R-1:0:0+3\n0:R-10:0:0+3\n1:R-1:0:0+3\n3:R-10:0:0+3\n");
	check_hits(&fx->small, "i\nl", 0, "0:R-10:5:4+3\n");
	check_hits(&fx->small, "s1.", 0, "0:R-1:9:0+3\n");
	check_hits(&fx->small, "nowhere", 0, "");
	/* rv_search_all by regular expression: cell by cell */
	check_hits(&fx->small, "w[o]rd$", RV_SEARCH_REGEX, "0:R-1:4:6+4\n0:R-2:5:24+4\n0:R-10:5:11+4\n1:R-9:1:7+4\n");
	check_hits(&fx->small, "^t[a-z]+", RV_SEARCH_REGEX,
		   "0:R-1:3:0+5\n0:R-2:3:0+5\n0:R-10:3:0+5\n0:R-10:4:0+5\n3:R-10:5:0+3\n");
}

static void test_search_all_missing_tables(void **state)
{
	(void)state;
	char dir[64];
	snprintf(dir, sizeof(dir), "/tmp/recview-search-XXXXXX");
	assert_non_null(mkdtemp(dir));
	write_test_file(dir, "recommendations.csv", "id,title\nA-1,word\n");
	write_test_file(dir, "questions.csv", "qid,question\n1,word\n"); /* no rec_id: not usable */
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, dir), RV_OK);
	check_hits(&m, "word", 0, "0:A-1:4:0+4\n");
	check_hits(&m, "wor.", RV_SEARCH_REGEX, "0:A-1:4:0+4\n");
	rv_model_free(&m);
	remove_tree(dir);
}

/* The same hits as a plain search of every cell, in the documented order. */
static void check_against_cells(const struct rv_model *m, const char *pattern, unsigned flags)
{
	struct rv_search *s = compile_ok(pattern, flags);
	struct rv_hit *hits;
	size_t n = rv_search_all(m, s, &hits), k = 0;
	static const enum rv_kind kinds[] = {RV_RECS, RV_DELIVERABLES, RV_QUESTIONS, RV_HISTORY, RV_REVIEWS};
	for (size_t ki = 0; ki < 5; ki++) {
		enum rv_kind kind = kinds[ki];
		const struct rv_table *t = &m->tables[kind];
		if (!t->present || !t->usable)
			continue;
		size_t count = kind == RV_RECS ? m->nrecs : m->nchildren[kind];
		int nf = rv_kind_def(kind)->nfields;
		for (size_t i = 0; i < count; i++) {
			uint32_t row = kind == RV_RECS ? m->recs[i].row : m->children[kind][i].row;
			for (int f = 0; f < nf + (int)t->nextra; f++) {
				struct rv_text c;
				if (f < nf && t->col[f] < 0)
					continue;
				c = f < nf ? rv_row_field(m, kind, row, f) : kind == RV_RECS ? rv_rec_extra(m, i, (size_t)(f - nf)) : rv_child_extra(m, kind, i, (size_t)(f - nf));
				size_t off, len;
				if (!c.len || !rv_search_next(s, c.ptr, c.len, 0, &off, &len))
					continue;
				int16_t field = (int16_t)(f < nf ? f : -1 - (f - nf));
				if (k >= n || hits[k].kind != kind || hits[k].index != i || hits[k].field != field ||
				    hits[k].off != off || hits[k].len != len) {
					print_error("'%s': hit %zu differs (kind %d index %zu field %d)\n", pattern, k, kind, i,
						    field);
					fail();
				}
				k++;
			}
		}
	}
	assert_int_equal(k, n);
	free(hits);
	rv_search_free(s);
}

static void test_search_all_matches_cell_search(void **state)
{
	struct fixture *fx = *state;
	static const char *const literals[] = {"ssr", "SSR", "the", "icann", "\"", ",", "√", "e",
					       "o\xE2\x80\x99s", "caf\xC3\xA9", ("s\xC3\xA9" "curit\xC3\xA9")};
	for (size_t i = 0; i < sizeof(literals) / sizeof(*literals); i++)
		check_against_cells(&fx->real, literals[i], 0);
	check_against_cells(&fx->real, "SSR[0-9]-[0-9]+", RV_SEARCH_REGEX);
	check_against_cells(&fx->real, "^[a-z]+$", RV_SEARCH_REGEX);
	check_against_cells(&fx->small, "word", 0);
	check_against_cells(&fx->small, "\"", 0);

	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/hostile"), RV_OK);
	static const char *const hostile[] = {"a", "e", "\"", "\x1b", "\\", " ", "\xE2\x80\xAE", "x"};
	for (size_t i = 0; i < sizeof(hostile) / sizeof(*hostile); i++)
		check_against_cells(&m, hostile[i], 0);
	check_against_cells(&m, ".", RV_SEARCH_REGEX);
	rv_model_free(&m);
}

/*
 * "budget" in the bundled data: `grep -oi budget` over recommendations.csv, deliverables.csv,
 * questions.csv and status_history.csv counts 34 + 17 + 10 + 11 = 72 occurrences, and a hit is a field.
 * Recommendations: 8 in titles and texts, and 26 in the Project Status narratives of 10 of them
 * (2, 7, 8, 17, 18, 19, 20, 21, 22, 23): 18 fields. Deliverables: the descriptions of 52 and 66 (SSR1-18
 * and SSR1-23) hold it twice: 15. History: the notes of SSR1-7 and SSR1-22 hold it twice, and the six
 * dated progress lines of SSR1-20, 21 and 22 once each: 9. So 18 + 15 + 10 + 9 = 52 hits.
 */
static void test_search_all_real_data_count(void **state)
{
	struct fixture *fx = *state;
	struct rv_search *s = compile_ok("budget", 0);
	struct rv_hit *hits;
	size_t n = rv_search_all(&fx->real, s, &hits);
	size_t per_kind[RV_KIND_COUNT] = {0};
	for (size_t i = 0; i < n; i++)
		per_kind[hits[i].kind]++;
	assert_int_equal(n, 52);
	assert_int_equal(per_kind[RV_RECS], 18);
	assert_int_equal(per_kind[RV_DELIVERABLES], 15);
	assert_int_equal(per_kind[RV_QUESTIONS], 10);
	assert_int_equal(per_kind[RV_HISTORY], 9);
	assert_int_equal(per_kind[RV_REVIEWS], 0);
	free(hits);
	rv_search_free(s);

	/* "Budget" with a capital: fewer */
	s = compile_ok("Budget", 0);
	size_t capital = rv_search_all(&fx->real, s, &hits);
	assert_true(capital > 0 && capital < n);
	free(hits);
	rv_search_free(s);
}

int run_search_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compile_errors),
		cmocka_unit_test(test_literal_basics),
		cmocka_unit_test(test_literal_with_nul_bytes),
		cmocka_unit_test(test_literal_non_ascii),
		cmocka_unit_test(test_literal_long_texts),
		cmocka_unit_test(test_literal_random_against_reference),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_regex_long_text_exact_buffer),
		cmocka_unit_test(test_search_all_small),
		cmocka_unit_test(test_search_all_missing_tables),
		cmocka_unit_test(test_search_all_matches_cell_search),
		cmocka_unit_test(test_search_all_real_data_count),
	};
	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
