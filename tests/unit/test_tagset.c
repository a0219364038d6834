/*
 * test_tagset.c - tagged items (tagset.h): the set itself; tags kept on their items by name when the
 * files are read again with rows moved, and lost only with their item; a change made to every tagged
 * item as one group: one save, one undo step giving the files back byte for byte, nothing saved when
 * one of them is refused.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/tagset.h"
#include "recview/triage.h"

static char dir[64];

static const char recs_csv[] = "id,title,status\n"
			       "R-1,One,in progress\n"
			       "R-2,Two,in progress\n"
			       "R-3,Three,not started\n";
static const char deliv_csv[] = "rec_id,description,responsible,due,status\n"
				"R-1,Draft,Staff,2016-09,\n"
				"R-2,Plan,Staff,,\n"
				"R-2,Publish,Staff,,\n";

static int setup(void **state)
{
	*state = dir; /* drop_test_set removes it */
	setenv("RECVIEW_NOW", "2026-12-02T10:15:00", 1);
	static const struct test_file files[] = {
		{"recommendations.csv", recs_csv},
		{"deliverables.csv", deliv_csv},
		{NULL, NULL},
	};
	return make_test_set(dir, sizeof(dir), "tagset", files);
}

static size_t rec_index(const struct rv_model *m, const char *id)
{
	long rec = rv_find_rec(m, id, strlen(id));
	assert_true(rec >= 0);
	return (size_t)rec;
}

static struct rv_item deliverable(const struct rv_model *m, const char *id, size_t k)
{
	return (struct rv_item){RV_DELIVERABLES, rv_rec_child_index(m, rec_index(m, id), RV_DELIVERABLES, k)};
}

static void assert_file(const char *name, const char *want)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *got = read_whole_file(path, NULL);
	assert_non_null(got);
	if (strcmp(got, want) != 0) {
		print_error("%s:\n got: [%s]\nwant: [%s]\n", name, got, want);
		free(got);
		fail();
	}
	free(got);
}

static void test_set_count_list(void **state)
{
	(void)state;
	struct rv_tagset *t = rv_tagset_new();
	assert_true(rv_tagset_set(t, (struct rv_item){RV_RECS, 2}, true));
	assert_true(rv_tagset_set(t, (struct rv_item){RV_RECS, 5000}, true)); /* grows */
	assert_false(rv_tagset_set(t, (struct rv_item){RV_RECS, 2}, true));   /* already */
	assert_true(rv_tagset_set(t, (struct rv_item){RV_QUESTIONS, 0}, true));
	assert_false(rv_tagset_set(t, (struct rv_item){RV_HISTORY, 0}, true)); /* not taggable */
	assert_int_equal(rv_tagset_count(t, RV_RECS), 2);
	assert_int_equal(rv_tagset_count(t, RV_KIND_COUNT), 3);
	struct rv_item *items;
	assert_int_equal(rv_tagset_list(t, RV_RECS, &items), 2);
	assert_int_equal(items[0].index, 2);
	assert_int_equal(items[1].index, 5000);
	free(items);
	assert_true(rv_tagset_set(t, (struct rv_item){RV_RECS, 2}, false));
	assert_false(rv_tagset_has(t, (struct rv_item){RV_RECS, 2}));
	assert_int_equal(rv_tagset_count(t, RV_RECS), 1);
	rv_tagset_clear(t);
	assert_int_equal(rv_tagset_count(t, RV_KIND_COUNT), 0);
	rv_tagset_free(t);
}

/* Someone adds a recommendation and a deliverable above the tagged ones: the tags follow the items. */
static void test_tags_follow_items_across_reload(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, dir);
	struct rv_tagset *t = rv_tagset_new();
	rv_tagset_set(t, (struct rv_item){RV_RECS, rec_index(&m, "R-2")}, true);
	rv_tagset_set(t, (struct rv_item){RV_RECS, rec_index(&m, "R-3")}, true);
	rv_tagset_set(t, deliverable(&m, "R-2", 1), true); /* Publish, R-2's D2 */
	rv_tagset_remember(t, &m);
	assert_int_equal(rv_tagset_count(t, RV_KIND_COUNT), 0);
	rv_model_free(&m);

	write_test_file(dir, "recommendations.csv", "id,title,status\nR-0,Zero,\nR-1,One,in progress\nR-2,Two,in progress\n");
	write_test_file(dir, "deliverables.csv", "rec_id,description,responsible,due,status\n"
						 "R-0,First,Staff,,\nR-1,Draft,Staff,2016-09,\nR-2,Plan,Staff,,\nR-2,Publish,Staff,,\n");
	load_ok(&m, dir);
	/* R-3 is gone: its tag with it. */
	assert_int_equal(rv_tagset_recall(t, &m), 1);
	assert_true(rv_tagset_has(t, (struct rv_item){RV_RECS, rec_index(&m, "R-2")}));
	assert_false(rv_tagset_has(t, (struct rv_item){RV_RECS, rec_index(&m, "R-1")}));
	struct rv_item *items;
	assert_int_equal(rv_tagset_list(t, RV_DELIVERABLES, &items), 1);
	assert_int_equal(items[0].index, deliverable(&m, "R-2", 1).index);
	struct rv_text desc = rv_child_field(&m, RV_DELIVERABLES, items[0].index, DEL_DESCRIPTION);
	assert_int_equal(desc.len, 7);
	assert_memory_equal(desc.ptr, "Publish", 7);
	free(items);
	rv_tagset_free(t);
	rv_model_free(&m);
}

/* ;c on tagged recommendations: one commit, one undo step, the files as they were. */
static void test_change_to_tagged_is_one_step(void **state)
{
	(void)state;
	struct rv_model m;
	struct rv_session s;
	load_ok(&m, dir);
	rv_session_open(&s, &m, "bob", false);
	struct rv_tagset *t = rv_tagset_new();
	rv_tagset_set(t, (struct rv_item){RV_RECS, rec_index(&m, "R-1")}, true);
	rv_tagset_set(t, (struct rv_item){RV_RECS, rec_index(&m, "R-3")}, true);
	struct rv_item *items;
	size_t n = rv_tagset_list(t, RV_RECS, &items);
	rv_session_begin_group(&s);
	for (size_t i = 0; i < n; i++)
		assert_true(rv_change_status(&s, items[i].index, "complete", "agreed", "2026-12-02"));
	assert_true(rv_session_end_group(&s));
	assert_file("recommendations.csv", "id,title,status\nR-1,One,complete\nR-2,Two,in progress\nR-3,Three,complete\n");
	assert_true(rv_undo(&s));
	assert_int_equal(s.applied, 0);
	assert_file("recommendations.csv", recs_csv);
	free(items);
	rv_tagset_free(t);
	rv_session_free(&s);
	rv_model_free(&m);
}

/* ;E with one bad value among the tagged: none of it is saved. */
static void test_refused_member_saves_nothing(void **state)
{
	(void)state;
	struct rv_model m;
	struct rv_session s;
	load_ok(&m, dir);
	rv_session_open(&s, &m, "bob", false);
	struct rv_item items[] = {deliverable(&m, "R-1", 0), deliverable(&m, "R-2", 0), deliverable(&m, "R-2", 1)};
	const char *dues[] = {"2017-03", "2017-04", "soon"};
	rv_session_begin_group(&s);
	bool ok = true;
	for (size_t i = 0; i < 3 && ok; i++)
		ok = rv_change_item_field(&s, items[i], DEL_DUE, dues[i], "late");
	assert_false(ok);
	assert_non_null(strstr(s.error, "bad date"));
	assert_true(rv_session_cancel_group(&s));
	assert_file("deliverables.csv", deliv_csv);
	char changes[256];
	snprintf(changes, sizeof(changes), "%s/changes.csv", dir);
	assert_int_not_equal(access(changes, F_OK), 0);
	assert_false(rv_session_has_unsaved(&s));
	rv_session_free(&s);
	rv_model_free(&m);
}

int run_tagset_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_count_list),
		cmocka_unit_test_setup_teardown(test_tags_follow_items_across_reload, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_change_to_tagged_is_one_step, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_refused_member_saves_nothing, setup, drop_test_set),
	};
	return cmocka_run_group_tests_name("tagset", tests, NULL, NULL);
}
