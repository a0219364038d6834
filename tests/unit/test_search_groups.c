/*
 * test_search_groups.c - the matches of a search grouped by recommendation: notes (as they read now)
 * and the reviews' milestones are searched; each recommendation is one group with its hits together,
 * its own fields first; another kind's row is one group.
 */
#include "tests.h"

#include <stdlib.h>
#include <string.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/search.h"
#include "recview/search_groups.h"

static struct rv_search *compile(const char *p)
{
	char err[128];
	struct rv_search *s = rv_search_compile(p, 0, err, sizeof(err));
	assert_non_null(s);
	return s;
}

/* tests/data/notes: NT-2's title, a history note and a note hold "audit". */
static void test_groups_notes(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/notes"), RV_OK);
	struct rv_search *s = compile("audit");
	struct rv_hit *hits;
	size_t n = rv_search_all(&m, s, &hits);
	struct rv_hit_group *g;
	size_t ng = rv_hit_groups(&m, hits, n, &g);
	assert_int_equal(n, 3);
	assert_int_equal(ng, 1);
	assert_int_equal(g[0].n, 3);
	assert_int_equal(g[0].first, 0);
	struct rv_text id = rv_rec_id(&m, (size_t)g[0].rec);
	assert_int_equal(id.len, 4);
	assert_memory_equal(id.ptr, "NT-2", 4);
	assert_int_equal(hits[0].kind, RV_RECS);
	assert_int_equal(hits[1].kind, RV_HISTORY);
	assert_int_equal(hits[2].kind, RV_NOTES);
	free(g);
	free(hits);
	rv_search_free(s);
	rv_model_free(&m);
}

/* The bundled data: groups cover every hit once, a recommendation's hits are together and in id
 * order; "volunteer" is found in reviews.csv only, one group per milestone row. */
static void test_groups_real_data(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "data"), RV_OK);
	struct rv_search *s = compile("ssr");
	struct rv_hit *hits;
	size_t n = rv_search_all(&m, s, &hits);
	struct rv_hit_group *g;
	size_t ng = rv_hit_groups(&m, hits, n, &g);
	assert_true(ng > 1 && ng < n);
	size_t covered = 0;
	long last = -1;
	for (size_t i = 0; i < ng; i++) {
		assert_int_equal(g[i].first, covered);
		covered += g[i].n;
		for (uint32_t k = 0; k < g[i].n; k++)
			assert_int_equal(rv_hit_rec(&m, &hits[g[i].first + k]), g[i].rec);
		if (g[i].rec >= 0) {
			assert_true(g[i].rec > last);
			last = g[i].rec;
		}
	}
	assert_int_equal(covered, n);
	free(g);
	free(hits);
	rv_search_free(s);

	s = compile("volunteer");
	n = rv_search_all(&m, s, &hits);
	ng = rv_hit_groups(&m, hits, n, &g);
	assert_int_equal(n, 3);
	assert_int_equal(ng, 2); /* "Call for Volunteers" (name and description), "... Extension" */
	for (size_t i = 0; i < n; i++)
		assert_int_equal(hits[i].kind, RV_REVIEWS);
	assert_int_equal(g[0].rec, -1);
	assert_int_equal(g[0].n, 2);
	free(g);
	free(hits);
	rv_search_free(s);
	rv_model_free(&m);
}

int run_search_groups_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_notes),
		cmocka_unit_test(test_groups_real_data),
	};
	return cmocka_run_group_tests_name("search_groups", tests, NULL, NULL);
}
