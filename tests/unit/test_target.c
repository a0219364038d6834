/*
 * test_target.c - what a name after ':' stands for (target.h): recommendations by id and by number in
 * the review of where one is, questions by qid (Q19, 11.13) and by position, deliverables
 * (SSR1-3/D2), reviews, clear messages for unknown names; and completion of each form. On the bundled
 * data set.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/target.h"

static struct rv_model m;

static int load(void **state)
{
	(void)state;
	return rv_model_load(&m, "data") == RV_OK ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	rv_model_free(&m);
	return 0;
}

static long rec(const char *id)
{
	return rv_find_rec(&m, id, strlen(id));
}

static const char *rec_id(long r)
{
	static char buf[64];
	struct rv_text t = rv_rec_id(&m, (size_t)r);
	snprintf(buf, sizeof(buf), "%.*s", (int)t.len, t.ptr);
	return buf;
}

static const char *qid_of(const struct rv_target *t)
{
	static char buf[64];
	struct rv_text q = rv_child_field(&m, RV_QUESTIONS, t->item.index, Q_QID);
	snprintf(buf, sizeof(buf), "%.*s", (int)q.len, q.ptr);
	return buf;
}

static void test_recommendations(void **state)
{
	(void)state;
	struct rv_target t;
	char err[256];
	assert_true(rv_target_resolve(&m, "SSR2-5.4", -1, &t, err, sizeof(err)));
	assert_int_equal(t.kind, RV_TARGET_REC);
	assert_string_equal(rec_id(t.rec), "SSR2-5.4");
	assert_true(rv_target_resolve(&m, " ssr1-11 ", -1, &t, err, sizeof(err))); /* case, spaces */
	assert_string_equal(rec_id(t.rec), "SSR1-11");
	/* A bare number: in the review of where one is first. */
	assert_true(rv_target_resolve(&m, "11", rec("SSR1-2"), &t, err, sizeof(err)));
	assert_string_equal(rec_id(t.rec), "SSR1-11");
	assert_true(rv_target_resolve(&m, "5.4", rec("SSR1-2"), &t, err, sizeof(err)));
	assert_string_equal(rec_id(t.rec), "SSR2-5.4");
	assert_true(rv_target_resolve(&m, "11.1", rec("SSR2-1.1"), &t, err, sizeof(err)));
	assert_int_equal(t.kind, RV_TARGET_REC);
	assert_string_equal(rec_id(t.rec), "SSR2-11.1");
}

static void test_questions(void **state)
{
	(void)state;
	struct rv_target t;
	char err[256];
	assert_true(rv_target_resolve(&m, "11.13", rec("SSR1-1"), &t, err, sizeof(err)));
	assert_int_equal(t.kind, RV_TARGET_ITEM);
	assert_int_equal(t.item.kind, RV_QUESTIONS);
	assert_string_equal(qid_of(&t), "11.13");
	assert_string_equal(rec_id(t.rec), "SSR1-11");
	assert_string_equal(t.also, "");
	/* From SSR2's list too: no SSR2-11.13, so the question. */
	assert_true(rv_target_resolve(&m, "11.13", rec("SSR2-1.1"), &t, err, sizeof(err)));
	assert_int_equal(t.item.kind, RV_QUESTIONS);
	/* In SSR1, 11.1 is a question; the recommendation of that number elsewhere is said. */
	assert_true(rv_target_resolve(&m, "11.1", rec("SSR1-1"), &t, err, sizeof(err)));
	assert_int_equal(t.kind, RV_TARGET_ITEM);
	assert_string_equal(t.also, "SSR2-11.1");
	assert_true(rv_target_resolve(&m, "Q19", -1, &t, err, sizeof(err)));
	assert_string_equal(qid_of(&t), "19");
	assert_string_equal(rec_id(t.rec), "SSR1-19");
	assert_true(rv_target_resolve(&m, "q11.13", -1, &t, err, sizeof(err)));
	assert_string_equal(qid_of(&t), "11.13");
	assert_true(rv_target_resolve(&m, "SSR1-11/Q11.13", -1, &t, err, sizeof(err)));
	assert_string_equal(qid_of(&t), "11.13");
	assert_true(rv_target_resolve(&m, "SSR1-11/q#2", -1, &t, err, sizeof(err)));
	assert_string_equal(qid_of(&t), "11.2");
	assert_false(rv_target_resolve(&m, "Q99", -1, &t, err, sizeof(err)));
	assert_non_null(strstr(err, "No question with qid '99'"));
}

static void test_deliverables_and_reviews(void **state)
{
	(void)state;
	struct rv_target t;
	char err[256];
	assert_true(rv_target_resolve(&m, "SSR1-3/D2", -1, &t, err, sizeof(err)));
	assert_int_equal(t.kind, RV_TARGET_ITEM);
	assert_int_equal(t.item.kind, RV_DELIVERABLES);
	assert_int_equal(t.item.index, rv_rec_child_index(&m, (size_t)rec("SSR1-3"), RV_DELIVERABLES, 1));
	assert_true(rv_target_resolve(&m, "3/d2", rec("SSR1-1"), &t, err, sizeof(err)));
	assert_int_equal(t.item.kind, RV_DELIVERABLES);
	assert_false(rv_target_resolve(&m, "SSR1-3/D99", -1, &t, err, sizeof(err)));
	assert_string_equal(err, "SSR1-3 has no D99: it has D1, D2, Q3.1, Q3.2");
	assert_false(rv_target_resolve(&m, "SSR9-1/D1", -1, &t, err, sizeof(err)));
	assert_non_null(strstr(err, "No recommendation 'SSR9-1'"));
	assert_true(rv_target_resolve(&m, "ssr2", -1, &t, err, sizeof(err)));
	assert_int_equal(t.kind, RV_TARGET_REVIEW);
	assert_int_equal(t.review.len, 4);
	assert_memory_equal(t.review.ptr, "SSR2", 4);
	assert_false(rv_target_resolve(&m, "ssr9-1", -1, &t, err, sizeof(err)));
	assert_non_null(strstr(err, "Nothing is called 'ssr9-1'"));
	assert_non_null(strstr(err, "SSR1-3/D2"));
	assert_false(rv_target_resolve(&m, "\x1b[2J", -1, &t, err, sizeof(err)));
	assert_null(strchr(err, '\x1b')); /* the name is quoted without its control characters */
	assert_false(rv_target_resolve(&m, "", -1, &t, err, sizeof(err)));
}

static bool has(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

static void test_completion(void **state)
{
	(void)state;
	char **v;
	size_t n = rv_target_complete(&m, "SSR1-3/", -1, &v);
	assert_true(n >= 2);
	assert_true(has(v, n, "SSR1-3/D1") && has(v, n, "SSR1-3/D2"));
	rv_target_names_free(v, n);
	n = rv_target_complete(&m, "SSR1-11/Q11.1", -1, &v);
	assert_true(has(v, n, "SSR1-11/Q11.13") && has(v, n, "SSR1-11/Q11.1"));
	assert_false(has(v, n, "SSR1-11/Q11.2"));
	rv_target_names_free(v, n);
	n = rv_target_complete(&m, "Q1", -1, &v);
	assert_true(has(v, n, "Q19") && has(v, n, "Q11.13"));
	rv_target_names_free(v, n);
	n = rv_target_complete(&m, "11.1", -1, &v);
	assert_true(has(v, n, "11.13") && has(v, n, "11.1"));
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(v[i - 1], v[i]) < 0); /* sorted, each once */
	rv_target_names_free(v, n);
	n = rv_target_complete(&m, "ssr", -1, &v);
	assert_true(has(v, n, "SSR2") && has(v, n, "SSR1") && has(v, n, "SSR2-5.4"));
	rv_target_names_free(v, n);
	n = rv_target_complete(&m, "zz", -1, &v);
	assert_int_equal(n, 0);
	rv_target_names_free(v, n);
}

int run_target_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recommendations),
		cmocka_unit_test(test_questions),
		cmocka_unit_test(test_deliverables_and_reviews),
		cmocka_unit_test(test_completion),
	};
	return cmocka_run_group_tests_name("target", tests, load, unload);
}
