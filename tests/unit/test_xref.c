/*
 * test_xref.c - cross-references between recommendations: what rv_xref_scan finds in a text (every
 * pattern, with its exact span), the index rv_xref_build makes of a small data set, and the
 * references of the bundled data set in data/.
 */
#include "tests.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/xref.h"

/* ---- the fixture: a data set written to a temporary directory ---- */

struct fixture {
	char dir[64];
	struct rv_model m;
};

static const char *const fixture_files[] = {"recommendations.csv", "deliverables.csv", "status_history.csv",
					    "questions.csv"};

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/*
 * CCT-3; SSR1-1 to SSR1-28, SSR1-30, SSR1-40, SSR1-40A, SSR1-2012; SSR2-4.1, 5.1, 5.2, 5.4, 9.1; X-1 and
 * X-2 of the review "Review X". Texts with references on SSR1-1, SSR1-2, SSR1-3 (deliverables and
 * history), SSR2-5.1 (history) and X-1; a question of SSR1-5 refers to 6, but questions are not scanned.
 */
static int fixture_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	if (!fx)
		return -1;
	strcpy(fx->dir, "/tmp/recview-xref-XXXXXX");
	if (!mkdtemp(fx->dir)) {
		free(fx);
		return -1;
	}
	char recs[8192];
	size_t at = 0;
	at += (size_t)snprintf(recs + at, sizeof(recs) - at,
			       "id,review,title,text\n"
			       "CCT-3,CCT,,\n"
			       "SSR1-1,SSR1,Related: Rec 3,See Recommendation 2 and Recommendation 1.\n"
			       "SSR1-2,SSR1,,\"SSR2 Recommendation 5.4 and Recommendations 25 \xE2\x80\x93 28, see also SSR1 "
			       "Recommendation 2.\"\n");
	for (int i = 3; i <= 28; i++)
		at += (size_t)snprintf(recs + at, sizeof(recs) - at, "SSR1-%d,SSR1,Title %d,\n", i, i);
	snprintf(recs + at, sizeof(recs) - at,
		 "SSR1-30,SSR1,,\nSSR1-40,SSR1,,\nSSR1-40A,SSR1,,\nSSR1-2012,SSR1,,\n"
		 "SSR2-4.1,SSR2,,\nSSR2-5.1,SSR2,,\nSSR2-5.2,SSR2,,\nSSR2-5.4,SSR2,,\nSSR2-9.1,SSR2,,\n"
		 "X-1,Review X,,See Recommendation 2\nX-2,Review X,,\n");
	write_file(fx->dir, "recommendations.csv", recs);
	write_file(fx->dir, "deliverables.csv",
		   "rec_id,description\n"
		   "SSR1-3,See Recommendation 25\n"
		   "SSR1-3,see Recommendation 25 again; rec 4\n"
		   "SSR1-9,Nothing here (recommended)\n");
	write_file(fx->dir, "status_history.csv",
		   "rec_id,date,note\n"
		   "SSR1-3,2015-01-01,under Recommendation 26\n"
		   "SSR2-5.1,2022-06-30,Recommendation 5.2 and SSR1 Recommendation 11\n");
	write_file(fx->dir, "questions.csv", "rec_id,question\nSSR1-5,See Recommendation 6\n");
	if (rv_model_load(&fx->m, fx->dir) != RV_OK || fx->m.diags.n != 0) {
		for (size_t i = 0; i < fx->m.diags.n; i++) {
			char *line = diag_line(&fx->m.diags.items[i]);
			fprintf(stderr, "fixture: %s\n", line);
			free(line);
		}
		return -1;
	}
	*state = fx;
	return 0;
}

static int fixture_teardown(void **state)
{
	struct fixture *fx = *state;
	if (!fx)
		return 0;
	rv_model_free(&fx->m);
	for (size_t i = 0; i < sizeof(fixture_files) / sizeof(*fixture_files); i++) {
		char path[256];
		snprintf(path, sizeof(path), "%s/%s", fx->dir, fixture_files[i]);
		unlink(path);
	}
	rmdir(fx->dir);
	free(fx);
	return 0;
}

static const struct rv_model *fixture_model(void **state)
{
	return &((struct fixture *)*state)->m;
}

/* ---- helpers ---- */

static long rec_of(const struct rv_model *m, const char *id)
{
	long rec = rv_find_rec(m, id, strlen(id));
	if (rec < 0)
		print_error("no recommendation %s\n", id);
	assert_true(rec >= 0);
	return rec;
}

/*
 * An expected reference: the span as written and the id it names. A range's filled-in numbers have
 * the whole range as their span: mark them with range (their span starts where the previous one did).
 */
struct want {
	const char *span;
	const char *id;
	bool range;
};

#define MAX_SPANS 64

static bool is_token_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The first occurrence of tok at or after from that is a whole number ("5" is not in "5.4" or "25"). */
static const char *find_token(const char *text, size_t from, const char *tok)
{
	size_t n = strlen(tok);
	for (const char *p = strstr(text + from, tok); p; p = strstr(p + 1, tok)) {
		if (p > text && (is_token_char(p[-1]) || (p[-1] == '.' && p - 1 > text && is_token_char(p[-2]))))
			continue;
		if (is_token_char(p[n]) || (p[n] == '.' && p[n + 1] >= '0' && p[n + 1] <= '9'))
			continue;
		return p;
	}
	return NULL;
}

/*
 * Scans text as a text of recommendation self_id (NULL: none) of review, and asserts the spans in
 * order: each one is the first whole-number occurrence of its text at or after the end of the
 * previous one (the start, for a range's filled-in numbers), and names its id.
 */
static void check_scan_n(const struct rv_model *m, const char *review, const char *self_id, const char *text,
			 const struct want *w, size_t nw)
{
	struct rv_xref_span spans[MAX_SPANS];
	long self = self_id ? rec_of(m, self_id) : -1;
	size_t n = rv_xref_scan(m, review, strlen(review), self, text, strlen(text), spans, MAX_SPANS);
	if (n != nw) {
		print_error("\"%s\": %zu references, want %zu\n", text, n, nw);
		for (size_t i = 0; i < n && i < MAX_SPANS; i++) {
			struct rv_text id = rv_rec_field(m, (size_t)spans[i].rec, REC_ID);
			print_error("  [%zu] \"%.*s\" at %zu -> %.*s\n", i, (int)spans[i].len, text + spans[i].off,
				    spans[i].off, (int)id.len, id.ptr);
		}
	}
	assert_int_equal(n, nw);
	size_t cursor = 0, prev_off = 0;
	for (size_t i = 0; i < nw; i++) {
		const char *hit = find_token(text, w[i].range ? prev_off : cursor, w[i].span);
		if (!hit)
			print_error("\"%s\": no \"%s\" where wanted\n", text, w[i].span);
		assert_non_null(hit);
		size_t off = (size_t)(hit - text);
		if (spans[i].off != off || spans[i].len != strlen(w[i].span))
			print_error("\"%s\" [%zu]: span \"%.*s\" at %zu, want \"%s\" at %zu\n", text, i, (int)spans[i].len,
				    text + spans[i].off, spans[i].off, w[i].span, off);
		assert_int_equal(spans[i].off, off);
		assert_int_equal(spans[i].len, strlen(w[i].span));
		assert_int_equal(spans[i].rec, rec_of(m, w[i].id));
		if (!w[i].range) {
			prev_off = off;
			cursor = off + strlen(w[i].span);
		}
	}
}

#define CHECK(m, review, self, text, ...)                                                                  \
	do {                                                                                               \
		static const struct want w_[] = {__VA_ARGS__};                                             \
		check_scan_n((m), (review), (self), (text), w_, sizeof(w_) / sizeof(*w_));                 \
	} while (0)

static void check_none(const struct rv_model *m, const char *review, const char *self_id, const char *text)
{
	check_scan_n(m, review, self_id, text, NULL, 0);
}

/* ---- rv_xref_scan ---- */

static void test_scan_exact_offsets(void **state)
{
	const struct rv_model *m = fixture_model(state);
	struct rv_xref_span s[8];
	const char *t = "See Recommendation 25";
	assert_int_equal(rv_xref_scan(m, LIT("SSR1"), -1, t, strlen(t), s, 8), 1);
	assert_int_equal(s[0].off, 19);
	assert_int_equal(s[0].len, 2);
	assert_int_equal(s[0].rec, rec_of(m, "SSR1-25"));

	t = "Recommendations 25 \xE2\x80\x93 28 will";
	assert_int_equal(rv_xref_scan(m, LIT("SSR1"), -1, t, strlen(t), s, 8), 4);
	assert_int_equal(s[0].off, 16); /* 25 */
	assert_int_equal(s[0].len, 2);
	assert_int_equal(s[1].off, 16); /* 26: the range "25 – 28" */
	assert_int_equal(s[1].len, 9);
	assert_int_equal(s[1].rec, rec_of(m, "SSR1-26"));
	assert_int_equal(s[2].off, 16);
	assert_int_equal(s[2].len, 9);
	assert_int_equal(s[2].rec, rec_of(m, "SSR1-27"));
	assert_int_equal(s[3].off, 23); /* 28 */
	assert_int_equal(s[3].len, 2);
	assert_int_equal(s[3].rec, rec_of(m, "SSR1-28"));

	t = "SSR2 Recommendation 5.4";
	assert_int_equal(rv_xref_scan(m, LIT("SSR1"), -1, t, strlen(t), s, 8), 1);
	assert_int_equal(s[0].off, 20);
	assert_int_equal(s[0].len, 3);
	assert_int_equal(s[0].rec, rec_of(m, "SSR2-5.4"));
}

static void test_scan_keywords(void **state)
{
	const struct rv_model *m = fixture_model(state);
	CHECK(m, "SSR1", NULL, "See Recommendation 25", {"25", "SSR1-25", false});
	CHECK(m, "SSR1", NULL, "as outlined in Recommendation 2.", {"2", "SSR1-2", false});
	CHECK(m, "SSR1", NULL, "On the status and deliverables of Rec 11 it says", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "see Rec. 11", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "Recs 4 and 5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "Recs. 4, 5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "as required in recommendation 11?", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "the dashboard for rec 11 and", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "REC 11", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "SEE RECOMMENDATION 25", {"25", "SSR1-25", false});
	CHECK(m, "SSR1", NULL, "rEcOmMeNdAtIoNs 4, 5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "(see Recommendation 12)", {"12", "SSR1-12", false});
	CHECK(m, "SSR1", NULL, "Recommendation\xC2\xA0" "25", {"25", "SSR1-25", false});
	CHECK(m, "SSR1", NULL, "Recommendation\n25", {"25", "SSR1-25", false});
	CHECK(m, "SSR1", NULL, "in Recommendation 4\xE2\x80\x99s deliverables", {"4", "SSR1-4", false});
	CHECK(m, "SSR1", NULL, "\xE2\x80\x94Recommendation 4", {"4", "SSR1-4", false});
	CHECK(m, "SSR1", NULL, "see Recommendation 2 and Recommendation 12 and rec 22", {"2", "SSR1-2", false},
	      {"12", "SSR1-12", false}, {"22", "SSR1-22", false});
}

static void test_scan_lists(void **state)
{
	const struct rv_model *m = fixture_model(state);
	CHECK(m, "SSR1", NULL, "This is related to Recommendations 4, 5 and 14.", {"4", "SSR1-4", false},
	      {"5", "SSR1-5", false}, {"14", "SSR1-14", false});
	CHECK(m, "SSR1", NULL, "[Note: Recommendations 20, 21, 22 are addressed by the framework", {"20", "SSR1-20", false},
	      {"21", "SSR1-21", false}, {"22", "SSR1-22", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4, 5, and 6", {"4", "SSR1-4", false}, {"5", "SSR1-5", false},
	      {"6", "SSR1-6", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4,5,6", {"4", "SSR1-4", false}, {"5", "SSR1-5", false},
	      {"6", "SSR1-6", false});
	CHECK(m, "SSR1", NULL, "Recommendation 4 or 5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4 & 5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4/5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4 and/or 5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	/* The list ends at a word that is no separator. */
	CHECK(m, "SSR1", NULL, "related to Recommendation 21 (budget and organization decisions) and 22",
	      {"21", "SSR1-21", false});
	CHECK(m, "SSR1", NULL, "Recommendation 2 for information on 3 items", {"2", "SSR1-2", false});
	CHECK(m, "SSR1", NULL, "Recommendation 4 and the other 5", {"4", "SSR1-4", false});
	/* The same recommendation twice: two spans. */
	CHECK(m, "SSR1", NULL, "Recommendation 25; see Recommendation 25", {"25", "SSR1-25", false},
	      {"25", "SSR1-25", false});
}

static void test_scan_ranges(void **state)
{
	const struct rv_model *m = fixture_model(state);
	CHECK(m, "SSR1", NULL, "Recommendations 25 \xE2\x80\x93 28 will reach closure", {"25", "SSR1-25", false},
	      {"25 \xE2\x80\x93 28", "SSR1-26", true}, {"25 \xE2\x80\x93 28", "SSR1-27", true}, {"28", "SSR1-28", false});
	CHECK(m, "SSR1", NULL, "Recommendations 25-28", {"25", "SSR1-25", false}, {"25-28", "SSR1-26", true},
	      {"25-28", "SSR1-27", true}, {"28", "SSR1-28", false});
	CHECK(m, "SSR1", NULL, "Recommendations 25 - 28", {"25", "SSR1-25", false}, {"25 - 28", "SSR1-26", true},
	      {"25 - 28", "SSR1-27", true}, {"28", "SSR1-28", false});
	CHECK(m, "SSR1", NULL, "Recommendations 25\xE2\x80\x94" "28", {"25", "SSR1-25", false},
	      {"25\xE2\x80\x94" "28", "SSR1-26", true}, {"25\xE2\x80\x94" "28", "SSR1-27", true}, {"28", "SSR1-28", false});
	CHECK(m, "SSR1", NULL, "Recommendations 25\xE2\x80\x93" "27.", {"25", "SSR1-25", false},
	      {"25\xE2\x80\x93" "27", "SSR1-26", true}, {"27", "SSR1-27", false});
	CHECK(m, "SSR1", NULL, "Recommendations 25 to 27", {"25", "SSR1-25", false}, {"25 to 27", "SSR1-26", true},
	      {"27", "SSR1-27", false});
	CHECK(m, "SSR1", NULL, "Recommendations 25 through 27", {"25", "SSR1-25", false},
	      {"25 through 27", "SSR1-26", true}, {"27", "SSR1-27", false});
	/* Only the numbers that exist: 29 and 31 do not. */
	CHECK(m, "SSR1", NULL, "Recommendations 27-31", {"27", "SSR1-27", false}, {"27-31", "SSR1-28", true},
	      {"27-31", "SSR1-30", true});
	/* Dotted numbers: 5.3 does not exist. */
	CHECK(m, "SSR2", NULL, "Recommendations 5.1\xE2\x80\x93" "5.4", {"5.1", "SSR2-5.1", false},
	      {"5.1\xE2\x80\x93" "5.4", "SSR2-5.2", true}, {"5.4", "SSR2-5.4", false});
	/* A range inside a list, then more of the list. */
	CHECK(m, "SSR1", NULL, "Recommendations 1-3, 5 and 7", {"1", "SSR1-1", false}, {"1-3", "SSR1-2", true},
	      {"3", "SSR1-3", false}, {"5", "SSR1-5", false}, {"7", "SSR1-7", false});
	/* Backwards: the two numbers only. */
	CHECK(m, "SSR1", NULL, "Recommendations 28-25", {"28", "SSR1-28", false}, {"25", "SSR1-25", false});
	/* Not ranges: a hyphenated word, a year, a run too long to be one. */
	CHECK(m, "SSR1", NULL, "Recommendation 5-related work", {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "Recommendation 5 - 2012 report", {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "Recommendations 1-100000", {"1", "SSR1-1", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4 to ICANN", {"4", "SSR1-4", false});
}

static void test_scan_nonexistent(void **state)
{
	const struct rv_model *m = fixture_model(state);
	check_none(m, "SSR1", NULL, "Recommendation 99");
	check_none(m, "SSR1", NULL, "Recommendation 0");
	check_none(m, "SSR1", NULL, "Recommendation 29.");
	CHECK(m, "SSR1", NULL, "Recommendations 4, 99 and 5", {"4", "SSR1-4", false}, {"5", "SSR1-5", false});
	/* Dotted numbers are not cut back: SSR1-5.4 does not exist. */
	check_none(m, "SSR1", NULL, "Recommendation 5.4");
	/* No review: no id. */
	check_none(m, "", NULL, "Recommendation 5");
	/* A review without these numbers. */
	check_none(m, "SSR2", NULL, "Recommendations 4, 5 and 14");
}

static void test_scan_self(void **state)
{
	const struct rv_model *m = fixture_model(state);
	check_none(m, "SSR1", "SSR1-25", "See Recommendation 25");
	CHECK(m, "SSR1", "SSR1-25", "Recommendations 25 \xE2\x80\x93 28 will reach closure",
	      {"25 \xE2\x80\x93 28", "SSR1-26", true}, {"25 \xE2\x80\x93 28", "SSR1-27", true}, {"28", "SSR1-28", false});
	CHECK(m, "SSR1", "SSR1-4", "Recommendations 4, 5 and 14", {"5", "SSR1-5", false}, {"14", "SSR1-14", false});
	check_none(m, "SSR2", "SSR2-4.1", "programs in place through which Recommendation 4.1 has already been implemented");
	check_none(m, "SSR1", "SSR1-12", "agreements and MoUs as envisioned by SSR1 recommendation 12?");
	/* The same number in another review is not the text's own. */
	CHECK(m, "SSR2", "SSR2-5.4", "SSR2 Recommendation 5.4 and SSR1 Recommendation 5", {"5", "SSR1-5", false});
}

static void test_scan_explicit_review(void **state)
{
	const struct rv_model *m = fixture_model(state);
	CHECK(m, "SSR1", NULL, "SSR2 Recommendation 5.4", {"5.4", "SSR2-5.4", false});
	CHECK(m, "SSR2", NULL, "SSR1 Recommendation 11", {"11", "SSR1-11", false});
	CHECK(m, "SSR2", NULL, "SSR1 Recommendations 4, 5 and 25-26", {"4", "SSR1-4", false}, {"5", "SSR1-5", false},
	      {"25", "SSR1-25", false}, {"26", "SSR1-26", false});
	CHECK(m, "SSR2", NULL, "SSR1\xE2\x80\x99s Recommendation 4", {"4", "SSR1-4", false});
	CHECK(m, "SSR2", NULL, "SSR1's Rec 4", {"4", "SSR1-4", false});
	CHECK(m, "SSR2", NULL, "as envisioned by ssr1 recommendation 12", {"12", "SSR1-12", false});
	CHECK(m, "SSR1", NULL, "CCT Recommendation 3", {"3", "CCT-3", false});
	/* A review we do not have: another document, not ours. */
	check_none(m, "SSR1", NULL, "SSAC Recommendation 5");
	check_none(m, "SSR1", NULL, "ATRT3 Recommendation 5");
	/* Words that are no review: the text's own review. */
	CHECK(m, "SSR1", NULL, "The Recommendation 5", {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "the Board's Recommendation 5", {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "A Recommendation 5", {"5", "SSR1-5", false});
	CHECK(m, "SSR1", NULL, "SSR-related Recommendation 5", {"5", "SSR1-5", false});
	/* Each keyword has its own review. */
	CHECK(m, "SSR1", NULL, "SSR2 Recommendation 5.2 and Recommendation 5.4, Recommendation 5", {"5.2", "SSR2-5.2", false},
	      {"5", "SSR1-5", false});
}

static void test_scan_sub_ids(void **state)
{
	const struct rv_model *m = fixture_model(state);
	CHECK(m, "SSR1", NULL, "Recommendation 23A/23B/23C", {"23A", "SSR1-23", false}, {"23B", "SSR1-23", false},
	      {"23C", "SSR1-23", false});
	CHECK(m, "SSR1", NULL, "Recommendation 40A", {"40A", "SSR1-40A", false});
	CHECK(m, "SSR1", NULL, "recommendation 40a", {"40a", "SSR1-40A", false});
	CHECK(m, "SSR1", NULL, "Recommendation 40B", {"40B", "SSR1-40", false});
	CHECK(m, "SSR1", NULL, "Recommendations 6A and 6B.", {"6A", "SSR1-6", false}, {"6B", "SSR1-6", false});
	CHECK(m, "SSR1", NULL, "Recommendation 07", {"07", "SSR1-7", false});
	/* A number that runs into a word is none. */
	check_none(m, "SSR1", NULL, "Recommendation 12pm");
	check_none(m, "SSR1", NULL, "Recommendation 1st");
}

static void test_scan_years_and_counts(void **state)
{
	const struct rv_model *m = fixture_model(state);
	/* SSR1-2012 and SSR1-30 exist, which makes these meaningful. */
	CHECK(m, "SSR1", NULL, "Recommendation 11 of 2012", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "Recommendations 11, 2012 and 2013", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "Recommendation 11 and 2012", {"11", "SSR1-11", false});
	CHECK(m, "SSR1", NULL, "Recommendation 4, 30 June 2016", {"4", "SSR1-4", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4 and 30 Sept. 2016", {"4", "SSR1-4", false});
	CHECK(m, "SSR1", NULL, "Recommendations 4 and 30", {"4", "SSR1-4", false}, {"30", "SSR1-30", false});
	/* A number written right after the keyword is one, whatever it looks like. */
	CHECK(m, "SSR1", NULL, "Recommendation 2012", {"2012", "SSR1-2012", false});
	check_none(m, "SSR1", NULL, "the 28 SSR1 recommendations");
	check_none(m, "SSR1", NULL, "ICANN’s implementation of 28 SSR1 recommendations from 2012");
	check_none(m, "SSR1", NULL, "the 28 SSR Review Team recommendations adopted by the ICANN Board");
	check_none(m, "SSR1", NULL, "in the 5 years between when the recommendation was approved");
	check_none(m, "SSR1", NULL, "referred to in bullet point 9 of recommendation");
}

static void test_scan_not_references(void **state)
{
	const struct rv_model *m = fixture_model(state);
	check_none(m, "SSR1", NULL, "#6 - ICANN should");
	check_none(m, "SSR1", NULL, "see #6");
	check_none(m, "SSR1", NULL, "Recommendation #6");
	check_none(m, "SSR1", NULL, "recommended 5 changes; recorded 4; recent 3; direct 2; precise 1; correct 7");
	check_none(m, "SSR1", NULL, "Prec 5, Rect 4, Recall 3");
	check_none(m, "SSR1", NULL, "SSR1 Recommendations (see Appendix D: Findings Related to SSR1 Recommendations)");
	check_none(m, "SSR1", NULL, "This recommendation is complete.");
	check_none(m, "SSR1", NULL, "Recommendation");
	check_none(m, "SSR1", NULL, "Rec");
	check_none(m, "SSR1", NULL, "re");
	check_none(m, "SSR1", NULL, "");
	/* Short and odd inputs. */
	struct rv_xref_span s[4];
	assert_int_equal(rv_xref_scan(fixture_model(state), LIT("SSR1"), -1, NULL, 0, s, 4), 0);
	assert_int_equal(rv_xref_scan(fixture_model(state), LIT("SSR1"), -1, "Rec 4", 3, s, 4), 0);
	/* The length bounds the text: "Rec 4" of "Rec 45". */
	assert_int_equal(rv_xref_scan(fixture_model(state), LIT("SSR1"), -1, "Rec 45", 5, s, 4), 1);
	assert_int_equal(s[0].rec, rec_of(fixture_model(state), "SSR1-4"));
	/* NUL bytes are text like any other. */
	const char nul[] = "x\0Rec 4\0Rec 5";
	assert_int_equal(rv_xref_scan(fixture_model(state), LIT("SSR1"), -1, nul, sizeof(nul) - 1, s, 4), 2);
	assert_int_equal(s[0].off, 6);
	assert_int_equal(s[1].off, 12);
}

static void test_scan_max(void **state)
{
	const struct rv_model *m = fixture_model(state);
	const char *t = "Recommendations 4, 5, 6 and 7";
	struct rv_xref_span s[4] = {{0, 0, -7}, {0, 0, -7}, {0, 0, -7}, {0, 0, -7}};
	assert_int_equal(rv_xref_scan(m, LIT("SSR1"), -1, t, strlen(t), s, 2), 4);
	assert_int_equal(s[0].rec, rec_of(m, "SSR1-4"));
	assert_int_equal(s[1].rec, rec_of(m, "SSR1-5"));
	assert_int_equal(s[2].rec, -7); /* untouched */
	assert_int_equal(rv_xref_scan(m, LIT("SSR1"), -1, t, strlen(t), NULL, 0), 4);
	assert_int_equal(rv_xref_scan(m, LIT("SSR1"), -1, t, strlen(t), s, 0), 4);
	assert_int_equal(s[0].rec, rec_of(m, "SSR1-4"));
}

/* A text of many ranges costs a bounded number of look-ups: the long ones are not filled in. */
static void test_scan_hostile_ranges(void **state)
{
	const struct rv_model *m = fixture_model(state);
	size_t reps = 2000, len = 0;
	char *t = malloc(reps * 8 + 32);
	assert_non_null(t);
	len += (size_t)sprintf(t, "Recs 1-1000");
	for (size_t i = 1; i < reps; i++)
		len += (size_t)sprintf(t + len, ",1-1000");
	size_t n = rv_xref_scan(m, LIT("SSR1"), -1, t, len, NULL, 0);
	/* Every "1" is one; a short text may fill in ranges only up to its budget (64 + 8 a byte). */
	assert_true(n >= reps);
	assert_true(n <= reps + 64 + 8 * len);
	free(t);
	/* A short range in a short text is always filled in. */
	const char *r = "Recs 1-28";
	assert_int_equal(rv_xref_scan(m, LIT("SSR1"), -1, r, strlen(r), NULL, 0), 28);
}

/* ---- the index ---- */

static void assert_list(const struct rv_model *m, const uint32_t *got, size_t n, const char *const *want, size_t nw,
			const char *what, const char *id)
{
	bool same = n == nw;
	for (size_t i = 0; same && i < n; i++)
		same = got[i] == (uint32_t)rec_of(m, want[i]);
	if (!same) {
		print_error("%s of %s:", what, id);
		for (size_t i = 0; i < n; i++) {
			struct rv_text c = rv_rec_field(m, got[i], REC_ID);
			print_error(" %.*s", (int)c.len, c.ptr);
		}
		print_error("; want");
		for (size_t i = 0; i < nw; i++)
			print_error(" %s", want[i]);
		print_error("\n");
	}
	assert_true(same);
}

static void check_out(const struct rv_model *m, const char *id, const char *const *want, size_t nw)
{
	const uint32_t *recs = NULL;
	size_t n = rv_xref_out(m, (size_t)rec_of(m, id), &recs);
	assert_true(n == 0 || recs != NULL);
	assert_list(m, recs, n, want, nw, "references", id);
}

static void check_in(const struct rv_model *m, const char *id, const char *const *want, size_t nw)
{
	const uint32_t *recs = NULL;
	size_t n = rv_xref_in(m, (size_t)rec_of(m, id), &recs);
	assert_true(n == 0 || recs != NULL);
	assert_list(m, recs, n, want, nw, "backlinks", id);
}

#define OUT(m, id, ...)                                                                                    \
	do {                                                                                               \
		static const char *const w_[] = {__VA_ARGS__};                                             \
		check_out((m), (id), w_, sizeof(w_) / sizeof(*w_));                                        \
	} while (0)
#define IN(m, id, ...)                                                                                     \
	do {                                                                                               \
		static const char *const w_[] = {__VA_ARGS__};                                             \
		check_in((m), (id), w_, sizeof(w_) / sizeof(*w_));                                         \
	} while (0)
#define NO_OUT(m, id) check_out((m), (id), NULL, 0)
#define NO_IN(m, id) check_in((m), (id), NULL, 0)

/* Out lists are sorted and unique, and the backlinks are exactly their reverse. Returns the edges. */
static size_t assert_index_consistent(const struct rv_model *m)
{
	size_t edges = 0, back = 0;
	for (size_t i = 0; i < m->nrecs; i++) {
		const uint32_t *out, *in;
		size_t n = rv_xref_out(m, i, &out);
		for (size_t k = 0; k < n; k++) {
			assert_true(out[k] < m->nrecs);
			assert_true(out[k] != i);
			if (k)
				assert_true(out[k - 1] < out[k]);
			/* i is among the backlinks of out[k] */
			const uint32_t *b;
			size_t nb = rv_xref_in(m, out[k], &b);
			bool found = false;
			for (size_t j = 0; j < nb; j++)
				found |= b[j] == i;
			assert_true(found);
		}
		edges += n;
		size_t nin = rv_xref_in(m, i, &in);
		for (size_t k = 1; k < nin; k++)
			assert_true(in[k - 1] < in[k]);
		back += nin;
	}
	assert_int_equal(edges, back);
	return edges;
}

static void test_build_fixture(void **state)
{
	const struct rv_model *m = fixture_model(state);
	/* Title "Rec 3" and text "Recommendation 2 and Recommendation 1" (itself). */
	OUT(m, "SSR1-1", "SSR1-2", "SSR1-3");
	/* Another review, a range, and itself. */
	OUT(m, "SSR1-2", "SSR1-25", "SSR1-26", "SSR1-27", "SSR1-28", "SSR2-5.4");
	/* Two deliverables (25 twice, 4) and a history note (26): unique, in id order. */
	OUT(m, "SSR1-3", "SSR1-4", "SSR1-25", "SSR1-26");
	OUT(m, "SSR2-5.1", "SSR1-11", "SSR2-5.2");
	/* A review column that is not the prefix of the ids: numbers are read in the ids' review. */
	OUT(m, "X-1", "X-2");
	IN(m, "X-2", "X-1");
	/* Questions are not scanned. */
	NO_OUT(m, "SSR1-5");
	NO_OUT(m, "SSR1-9");
	NO_OUT(m, "CCT-3");

	IN(m, "SSR1-2", "SSR1-1");
	IN(m, "SSR1-3", "SSR1-1");
	IN(m, "SSR1-4", "SSR1-3");
	IN(m, "SSR1-25", "SSR1-2", "SSR1-3");
	IN(m, "SSR1-26", "SSR1-2", "SSR1-3");
	IN(m, "SSR1-27", "SSR1-2");
	IN(m, "SSR1-28", "SSR1-2");
	IN(m, "SSR1-11", "SSR2-5.1");
	IN(m, "SSR2-5.2", "SSR2-5.1");
	IN(m, "SSR2-5.4", "SSR1-2");
	NO_IN(m, "SSR1-1");
	NO_IN(m, "SSR1-6");
	assert_int_equal(assert_index_consistent(m), 13);

	/* Out of range and an unloaded model: nothing. */
	const uint32_t *recs = (const uint32_t *)m;
	assert_int_equal(rv_xref_out(m, m->nrecs, &recs), 0);
	assert_null(recs);
	assert_int_equal(rv_xref_in(m, m->nrecs + 5, NULL), 0);
	struct rv_model none;
	assert_int_equal(rv_model_load(&none, "tests/unit/no-such-data-set"), RV_E_UNREADABLE);
	assert_int_equal(rv_xref_out(&none, 0, &recs), 0);
	assert_int_equal(rv_xref_in(&none, 0, &recs), 0);
	rv_model_free(&none);
}

/* Building again gives the same index and leaks nothing. */
static void test_build_twice(void **state)
{
	struct fixture *fx = *state;
	rv_xref_build(&fx->m);
	rv_xref_build(&fx->m);
	assert_int_equal(assert_index_consistent(&fx->m), 13);
	OUT(&fx->m, "SSR1-3", "SSR1-4", "SSR1-25", "SSR1-26");
}

/* ---- the bundled data set ---- */

static void test_real_data(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "data"), RV_OK);

	/* Deliverables "See Recommendation 25"; 27's 2014 note: "the Framework under Recommendation 26". */
	OUT(&m, "SSR1-26", "SSR1-25");
	OUT(&m, "SSR1-27", "SSR1-25", "SSR1-26");
	OUT(&m, "SSR1-28", "SSR1-25");
	IN(&m, "SSR1-25", "SSR1-26", "SSR1-27", "SSR1-28");
	/* Deliverable "Recommendations 25 – 28 will reach closure", 2014 note "under Recommendation 26". */
	OUT(&m, "SSR1-25", "SSR1-26", "SSR1-27", "SSR1-28");
	IN(&m, "SSR1-26", "SSR1-25", "SSR1-27");
	IN(&m, "SSR1-27", "SSR1-25");
	IN(&m, "SSR1-28", "SSR1-15", "SSR1-25");
	/* 2014 notes: "related to Recommendation 28", "Recommendations 4, 5 and 14", "Recommendation 21". */
	OUT(&m, "SSR1-15", "SSR1-28");
	OUT(&m, "SSR1-16", "SSR1-4", "SSR1-5", "SSR1-14");
	/* 2014 note "Recommendation 21"; Project Status "[Note: Recommendations 20, 21, 22 are addressed …]"
	 * and "as outlined in Recommendation 2" (20, 21, 22 alike). */
	OUT(&m, "SSR1-22", "SSR1-2", "SSR1-20", "SSR1-21");
	OUT(&m, "SSR1-20", "SSR1-2", "SSR1-21", "SSR1-22");
	OUT(&m, "SSR1-21", "SSR1-2", "SSR1-20", "SSR1-22");
	IN(&m, "SSR1-20", "SSR1-21", "SSR1-22");
	/* Project Status: "(see Recommendation 2)" (7, 8), "See Recommendation 2" (19), "(see
	 * Recommendation 12)" (13). */
	OUT(&m, "SSR1-7", "SSR1-2");
	OUT(&m, "SSR1-8", "SSR1-2");
	OUT(&m, "SSR1-19", "SSR1-2");
	OUT(&m, "SSR1-13", "SSR1-12");
	IN(&m, "SSR1-12", "SSR1-13");
	/* Deliverables: "noted in Recommendation 4", "See Recommendation 2 for information". */
	OUT(&m, "SSR1-5", "SSR1-4");
	OUT(&m, "SSR1-17", "SSR1-2");
	IN(&m, "SSR1-4", "SSR1-5", "SSR1-16");
	IN(&m, "SSR1-2", "SSR1-7", "SSR1-8", "SSR1-17", "SSR1-19", "SSR1-20", "SSR1-21", "SSR1-22");
	/* SSR2-4.1 and SSR2-9.1 name only themselves; SSR2-1.1 says "the SSR1 Recommendations" (no number). */
	NO_OUT(&m, "SSR2-4.1");
	NO_OUT(&m, "SSR2-9.1");
	NO_OUT(&m, "SSR2-1.1");
	NO_IN(&m, "SSR2-4.1");
	NO_OUT(&m, "SSR1-10");
	NO_OUT(&m, "SSR1-1");
	/* That is all of them: 15 recommendations, 26 references. */
	assert_int_equal(assert_index_consistent(&m), 26);

	/* The spans in the deliverable of SSR1-25. */
	long r25 = rec_of(&m, "SSR1-25");
	bool seen = false;
	for (size_t k = 0; k < m.recs[r25].count[RV_DELIVERABLES]; k++) {
		const struct rv_child *d = rv_rec_child(&m, (size_t)r25, RV_DELIVERABLES, k);
		struct rv_text c = rv_row_field(&m, RV_DELIVERABLES, d->row, DEL_DESCRIPTION);
		struct rv_xref_span s[8];
		size_t n = rv_xref_scan(&m, LIT("SSR1"), r25, c.ptr, c.len, s, 8);
		if (!n)
			continue;
		seen = true;
		assert_int_equal(n, 3);
		assert_int_equal(s[0].len, strlen("25 \xE2\x80\x93 28"));
		assert_memory_equal(c.ptr + s[0].off, "25 \xE2\x80\x93 28", s[0].len);
		assert_int_equal(s[0].rec, rec_of(&m, "SSR1-26"));
		assert_int_equal(s[1].rec, rec_of(&m, "SSR1-27"));
		assert_memory_equal(c.ptr + s[2].off, "28", 2);
		assert_int_equal(s[2].rec, rec_of(&m, "SSR1-28"));
		/* Without a self, 25 is a reference too. */
		assert_int_equal(rv_xref_scan(&m, LIT("SSR1"), -1, c.ptr, c.len, s, 8), 4);
	}
	assert_true(seen);

	/* Questions are not in the index, but scanning them finds their own recommendation only. */
	for (size_t q = 0; q < m.nchildren[RV_QUESTIONS]; q++) {
		const struct rv_child *ch = &m.children[RV_QUESTIONS][q];
		if (ch->rec < 0)
			continue;
		struct rv_text c = rv_row_field(&m, RV_QUESTIONS, ch->row, Q_QUESTION);
		struct rv_text review = rv_rec_review_of(&m, (size_t)ch->rec);
		assert_int_equal(rv_xref_scan(&m, review.ptr, review.len, ch->rec, c.ptr, c.len, NULL, 0), 0);
	}
	rv_model_free(&m);
}

int run_xref_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan_exact_offsets),
		cmocka_unit_test(test_scan_keywords),
		cmocka_unit_test(test_scan_lists),
		cmocka_unit_test(test_scan_ranges),
		cmocka_unit_test(test_scan_nonexistent),
		cmocka_unit_test(test_scan_self),
		cmocka_unit_test(test_scan_explicit_review),
		cmocka_unit_test(test_scan_sub_ids),
		cmocka_unit_test(test_scan_years_and_counts),
		cmocka_unit_test(test_scan_not_references),
		cmocka_unit_test(test_scan_max),
		cmocka_unit_test(test_scan_hostile_ranges),
		cmocka_unit_test(test_build_fixture),
		cmocka_unit_test(test_build_twice),
		cmocka_unit_test(test_real_data),
	};
	return cmocka_run_group_tests_name("xref", tests, fixture_setup, fixture_teardown);
}
