/*
 * test_reviews.c - reviews and their milestones and work streams (reviews.h): grouping per review,
 * date order with undated rows last, past / now / to come on a date, scope items; and the bundled
 * data set's SSR2 timeline.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/reviews.h"

static char dir[64];

static int make_set(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/recview-reviews-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	write_test_file(dir, "recommendations.csv", "id,review,title\nR-1,R,One\nR-2,R,Two\nX-1,X,Ex\n");
	write_test_file(dir, "reviews.csv",
			"review,date,kind,name,description,source\n"
			"R,2020-05-01,milestone,Final,,s\n"
			"R,2019-01-10,milestone,Start,,s\n"
			"R,,milestone,Someday,,s\n"
			"R,,workstream,Stream A,\"one; two;; three ;\",s\n"
			"R,2020-05-01,milestone,Final too,,s\n"
			"R,2030-01-01,milestone,Later,,s\n"
			"Z,2018-03-03,Milestone,Only here,,s\n"
			"Z,,Work Stream,Stream Z,single,s\n");
	return 0;
}

static int remove_set(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

static const char *milestone_name(const struct rv_model *m, const struct rv_review *r, size_t i)
{
	static char buf[64];
	struct rv_text t = rv_child_field(m, RV_REVIEWS, r->milestones[i], REV_NAME);
	snprintf(buf, sizeof(buf), "%.*s", (int)t.len, t.ptr);
	return buf;
}

static void test_grouped_and_ordered(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, dir), RV_OK);
	struct rv_review_set s;
	rv_reviews_build(&m, &s);
	assert_int_equal(s.n, 3); /* R and X from the recommendations, then Z from reviews.csv */
	assert_string_equal(s.reviews[0].name, "R");
	assert_string_equal(s.reviews[1].name, "X");
	assert_string_equal(s.reviews[2].name, "Z");
	assert_int_equal(s.reviews[0].nrecs, 2);
	assert_int_equal(s.reviews[2].nrecs, 0);
	const struct rv_review *r = &s.reviews[0];
	assert_int_equal(r->nmilestones, 5);
	assert_string_equal(milestone_name(&m, r, 0), "Start");
	assert_string_equal(milestone_name(&m, r, 1), "Final");     /* a tie keeps file order */
	assert_string_equal(milestone_name(&m, r, 2), "Final too");
	assert_string_equal(milestone_name(&m, r, 3), "Later");
	assert_string_equal(milestone_name(&m, r, 4), "Someday");   /* undated last */
	assert_int_equal(r->nstreams, 1);
	assert_int_equal(s.reviews[1].nmilestones + s.reviews[1].nstreams, 0);
	assert_int_equal(s.reviews[2].nstreams, 1); /* "Work Stream", any case */
	assert_int_equal(rv_reviews_find(&s, "z", 1), 2);
	assert_int_equal(rv_reviews_find(&s, "Q", 1), -1);
	rv_reviews_free(&s);
	rv_model_free(&m);
}

static void test_past_now_to_come(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, dir), RV_OK);
	struct rv_review_set s;
	rv_reviews_build(&m, &s);
	const struct rv_review *r = &s.reviews[0];
	assert_int_equal(rv_milestone_when(&m, r, 0, 20210101), RV_WHEN_PAST);
	assert_int_equal(rv_milestone_when(&m, r, 1, 20210101), RV_WHEN_NOW);
	assert_int_equal(rv_milestone_when(&m, r, 2, 20210101), RV_WHEN_NOW); /* the same date: now too */
	assert_int_equal(rv_milestone_when(&m, r, 3, 20210101), RV_WHEN_TO_COME);
	assert_int_equal(rv_milestone_when(&m, r, 4, 20210101), RV_WHEN_UNDATED);
	/* Before the first milestone everything is to come; on its day it is now. */
	assert_int_equal(rv_milestone_when(&m, r, 0, 20180101), RV_WHEN_TO_COME);
	assert_int_equal(rv_milestone_when(&m, r, 0, 20190110), RV_WHEN_NOW);
	assert_int_equal(rv_milestone_when(&m, r, 1, 20190110), RV_WHEN_TO_COME);
	assert_int_equal(rv_milestone_when(&m, r, 9, 20190110), RV_WHEN_UNDATED);
	rv_reviews_free(&s);
	rv_model_free(&m);
}

static void test_scope_items(void **state)
{
	(void)state;
	struct rv_text items[4];
	const char *s = "one; two;; three ;";
	assert_int_equal(rv_scope_items(s, strlen(s), items, 4), 3);
	assert_int_equal(items[2].len, 5);
	assert_memory_equal(items[2].ptr, "three", 5);
	assert_int_equal(rv_scope_items("a;b;c;d;e", 9, items, 4), 5); /* counted beyond max */
	assert_int_equal(rv_scope_items("", 0, items, 4), 0);
	assert_int_equal(rv_scope_items(" ; ", 3, items, 4), 0);
}

/* The bundled data set: SSR2's 22 milestones from 2016-06-30 to 2022-05-10, 3 work streams. */
static void test_bundled_ssr2(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "data"), RV_OK);
	struct rv_review_set s;
	rv_reviews_build(&m, &s);
	long i = rv_reviews_find(&s, "SSR2", 4);
	assert_true(i >= 0);
	const struct rv_review *r = &s.reviews[i];
	assert_int_equal(r->nmilestones, 22);
	assert_int_equal(r->nstreams, 3);
	assert_int_equal(rv_child_date(&m, RV_REVIEWS, r->milestones[0]).date, 20160630);
	assert_int_equal(rv_child_date(&m, RV_REVIEWS, r->milestones[21]).date, 20220510);
	for (size_t k = 1; k < r->nmilestones; k++)
		assert_true(rv_child_date(&m, RV_REVIEWS, r->milestones[k - 1]).date <=
			    rv_child_date(&m, RV_REVIEWS, r->milestones[k]).date);
	struct rv_text scope = rv_child_field(&m, RV_REVIEWS, r->streams[0], REV_DESCRIPTION);
	assert_int_equal(rv_scope_items(scope.ptr, scope.len, NULL, 0), 7);
	long one = rv_reviews_find(&s, "SSR1", 4);
	assert_true(one >= 0);
	assert_int_equal(s.reviews[one].nrecs, 28);
	assert_int_equal(s.reviews[one].nmilestones, 0);
	rv_reviews_free(&s);
	rv_model_free(&m);
}

int run_reviews_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_grouped_and_ordered, make_set, remove_set),
		cmocka_unit_test_setup_teardown(test_past_now_to_come, make_set, remove_set),
		cmocka_unit_test(test_scope_items),
		cmocka_unit_test(test_bundled_ssr2),
	};
	return cmocka_run_group_tests_name("reviews", tests, NULL, NULL);
}
