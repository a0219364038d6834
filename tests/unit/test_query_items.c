/*
 * test_query_items.c - exact matching, status:none and has:FIELD in the recommendations' filter;
 * quoting a completed value; and the item lists' filter and sort (query_items.h) on a small data
 * set written to a temporary directory and on the bundled one.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/query.h"
#include "recview/query_items.h"
#include "recview/strbuf.h"

static const char recs_csv[] =
	"id,review,number,title,text,decision,status,owner\n"
	"SSR1-1,SSR1,1,One,Text one,approved,in progress,OCTO\n"
	"SSR1-2,SSR1,2,Two,Text two,,,\n"
	"SSR10-1,SSR10,1,Ten,Text ten,pending,not started, Staff \n";

static const char deliverables_csv[] =
	"rec_id,description,responsible,due,status,source\n"
	"SSR1-1,Write the plan,OCTO,2016-03,complete,s\n"
	"SSR1-1,Publish data escrow report,Staff,2015-06,in progress,s\n"
	"SSR10-1,Train staff,,2017-01,,s\n";

static const char questions_csv[] =
	"rec_id,qid,briefing,asked,question,answer,status,source\n"
	"SSR1-1,1.1,CTO,Call,Q one?,,,s\n"
	"SSR1-1,1.2,CTO Office,Call,Q two?,Yes.,,s\n"
	"SSR10-1,10.1,Compliance,Call,Q three?,,closed,s\n";

static const char history_csv[] =
	"rec_id,date,decision,status,source,note\n"
	"SSR1-1,2015-06-30,approved,in progress,h,first\n"
	"SSR1-2,2014-03,,,h,a note\n"
	"SSR10-1,2017-01-15,pending,not started,h,\n";

struct fixture {
	char dir[64];
	struct rv_model m;
	struct rv_model real;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/recview-qitems-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	write_test_file(fx->dir, "recommendations.csv", recs_csv);
	write_test_file(fx->dir, "deliverables.csv", deliverables_csv);
	write_test_file(fx->dir, "questions.csv", questions_csv);
	write_test_file(fx->dir, "status_history.csv", history_csv);
	if (rv_model_load(&fx->m, fx->dir) != RV_OK || rv_model_load(&fx->real, "data") != RV_OK)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	rv_model_free(&fx->m);
	rv_model_free(&fx->real);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

/* The ids of the recommendations a filter selects, joined by spaces. */
static void check_recs(const struct rv_model *m, const char *expr, const char *want)
{
	char err[512];
	struct rv_query *q = rv_query_parse_model(expr, m, err, sizeof(err));
	if (!q)
		print_error("'%s': %s\n", expr, err);
	assert_non_null(q);
	uint32_t *out = calloc(m->nrecs + 1, sizeof(*out));
	size_t n = rv_query_select(m, q, RV_SORT_ID, false, out);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		struct rv_text id = rv_rec_field(m, out[i], REC_ID);
		sb_addf(&sb, "%s%.*s", i ? " " : "", (int)id.len, id.ptr);
	}
	if (strcmp(sb.data ? sb.data : "", want) != 0)
		print_error("filter '%s': got '%s', want '%s'\n", expr, sb.data ? sb.data : "", want);
	assert_string_equal(sb.data ? sb.data : "", want);
	sb_free(&sb);
	free(out);
	rv_query_free(q);
}

/* The items a filter and a sort select from every item of kind, each named by field, joined by spaces. */
static void check_items(const struct rv_model *m, enum rv_kind kind, const char *expr, const char *sort, int field,
			const char *want)
{
	char err[512];
	struct rv_query *q = rv_item_query_parse(expr, m, kind, err, sizeof(err));
	if (!q)
		print_error("'%s': %s\n", expr, err);
	assert_non_null(q);
	int key = 0;
	bool reverse = false;
	if (sort)
		assert_true(rv_item_sort_parse(kind, sort, &key, &reverse));
	size_t total = rv_child_total(m, kind);
	uint32_t *items = calloc(total + 1, sizeof(*items));
	for (size_t i = 0; i < total; i++)
		items[i] = (uint32_t)i;
	size_t n = rv_item_select(m, kind, q, RV_DATE_NONE, key, reverse, items, total);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		struct rv_text t = rv_child_field(m, kind, items[i], field);
		sb_addf(&sb, "%s%.*s", i ? "|" : "", (int)t.len, t.ptr);
		assert_true(rv_item_query_match(q, m, items[i], RV_DATE_NONE));
	}
	if (strcmp(sb.data ? sb.data : "", want) != 0)
		print_error("%s filter '%s' sort '%s': got '%s', want '%s'\n", kind == RV_QUESTIONS ? "questions" : "items",
			    expr, sort ? sort : "order", sb.data ? sb.data : "", want);
	assert_string_equal(sb.data ? sb.data : "", want);
	sb_free(&sb);
	free(items);
	rv_query_free(q);
}

static size_t count_items(const struct rv_model *m, enum rv_kind kind, const char *expr)
{
	char err[512];
	struct rv_query *q = rv_item_query_parse(expr, m, kind, err, sizeof(err));
	assert_non_null(q);
	size_t n = 0;
	for (size_t i = 0; i < rv_child_total(m, kind); i++)
		n += rv_item_query_match(q, m, i, RV_DATE_NONE);
	rv_query_free(q);
	return n;
}

static size_t count_recs(const struct rv_model *m, const char *expr)
{
	char err[512];
	struct rv_query *q = rv_query_parse_model(expr, m, err, sizeof(err));
	assert_non_null(q);
	size_t n = 0;
	for (size_t i = 0; i < m->nrecs; i++)
		n += rv_query_match(q, m, i);
	rv_query_free(q);
	return n;
}

#define FX ((struct fixture *)*state)

static void test_exact_review(void **state)
{
	check_recs(&FX->m, "review:SSR1", "SSR1-1 SSR1-2 SSR10-1");
	check_recs(&FX->m, "review:=SSR1", "SSR1-1 SSR1-2");
	check_recs(&FX->m, "review:=\"SSR1\"", "SSR1-1 SSR1-2");
	check_recs(&FX->m, "review:=ssr10", "SSR10-1");
	check_recs(&FX->m, "-review:=SSR1", "SSR10-1");
	check_recs(&FX->m, "review:=SSR", "");
	/* Blanks around a cell do not count; smart case as for substrings. */
	check_recs(&FX->m, "owner:=staff", "SSR1-1 SSR10-1"); /* a deliverable's owner counts */
	check_recs(&FX->m, "owner:=Staff", "SSR1-1 SSR10-1");
	check_recs(&FX->m, "owner:=octo", "SSR1-1");
	check_recs(&FX->m, "owner:=STAFF", "");
	check_recs(&FX->m, "owner:=OCT", "");
	check_recs(&FX->m, "briefing:=CTO", "SSR1-1");
	check_recs(&FX->m, "briefing:CTO", "SSR1-1");
	check_recs(&FX->m, "status:=progress", "SSR1-1");
	check_recs(&FX->m, "status:=\"not started\"", "SSR10-1");
	check_recs(&FX->m, "status:=start", "");
	check_recs(&FX->m, "status:start", "SSR10-1");
}

static void test_exact_errors(void **state)
{
	char err[256];
	(void)state;
	assert_null(rv_query_parse("review:=", err, sizeof(err)));
	assert_string_equal(err, "missing value after 'review:=' at 9");
	assert_null(rv_query_parse("has:nothing", err, sizeof(err)));
	assert_non_null(strstr(err, "unknown value 'nothing' after 'has:' at 1"));
	assert_non_null(strstr(err, "or any field"));
}

static void test_status_none_and_has_field(void **state)
{
	check_recs(&FX->m, "status:none", "SSR1-2");
	check_recs(&FX->m, "-status:none", "SSR1-1 SSR10-1");
	check_recs(&FX->m, "decision:none", "SSR1-2");
	check_recs(&FX->m, "has:status", "SSR1-1 SSR10-1");
	check_recs(&FX->m, "-has:status", "SSR1-2");
	check_recs(&FX->m, "has:decision", "SSR1-1 SSR10-1");
	check_recs(&FX->m, "has:owner", "SSR1-1 SSR10-1");
	check_recs(&FX->m, "has:briefing", "SSR1-1 SSR10-1");
	check_recs(&FX->m, "has:due", "SSR1-1 SSR10-1");
	check_recs(&FX->m, "has:title has:review", "SSR1-1 SSR1-2 SSR10-1");
	check_recs(&FX->m, "has:deliverables", "SSR1-1 SSR10-1");
	/* The bundled data: every recommendation either has a status or has none. */
	const struct rv_model *real = &FX->real;
	assert_int_equal(count_recs(real, "status:none") + count_recs(real, "has:status"), real->nrecs);
	assert_int_equal(count_recs(real, "status:none"), count_recs(real, "-has:status"));
}

static void test_quote_value(void **state)
{
	struct strbuf sb;
	sb_init(&sb);
	(void)state;
	assert_true(rv_query_add_value(&sb, "not started", 11));
	assert_string_equal(sb.data, "\"not started\"");
	sb_reset(&sb);
	assert_true(rv_query_add_value(&sb, "progress", 8));
	assert_string_equal(sb.data, "progress");
	sb_reset(&sb);
	assert_false(rv_query_add_value(&sb, "a \"b\"", 5));
	assert_int_equal(sb.len, 0);
	sb_free(&sb);
	/* What completion writes reads back as the value: 7 of the 91 bundled recommendations. */
	assert_int_equal(count_recs(&FX->real, "status:\"not started\""), 7);
	assert_int_equal(FX->real.nrecs, 91);
}

static void test_item_fields(void **state)
{
	const struct rv_model *m = &FX->m;
	check_items(m, RV_DELIVERABLES, "", NULL, DEL_DESCRIPTION, "Write the plan|Publish data escrow report|Train staff");
	check_items(m, RV_DELIVERABLES, "owner:octo", NULL, DEL_DESCRIPTION, "Write the plan");
	check_items(m, RV_DELIVERABLES, "due:<2016", NULL, DEL_DESCRIPTION, "Publish data escrow report");
	check_items(m, RV_DELIVERABLES, "status:none", NULL, DEL_DESCRIPTION, "Train staff");
	check_items(m, RV_DELIVERABLES, "-has:owner", NULL, DEL_DESCRIPTION, "Train staff");
	check_items(m, RV_DELIVERABLES, "has:open", NULL, DEL_DESCRIPTION, "Publish data escrow report|Train staff");
	check_items(m, RV_DELIVERABLES, "review:=SSR1", NULL, DEL_DESCRIPTION, "Write the plan|Publish data escrow report");
	check_items(m, RV_DELIVERABLES, "escrow", NULL, DEL_DESCRIPTION, "Publish data escrow report");
	check_items(m, RV_DELIVERABLES, "id:SSR10", NULL, DEL_DESCRIPTION, "Train staff");
	check_items(m, RV_QUESTIONS, "briefing:CTO", NULL, Q_QID, "1.1|1.2");
	check_items(m, RV_QUESTIONS, "briefing:=CTO", NULL, Q_QID, "1.1");
	check_items(m, RV_QUESTIONS, "status:open", NULL, Q_QID, "1.1");
	check_items(m, RV_QUESTIONS, "status:answered", NULL, Q_QID, "1.2");
	check_items(m, RV_QUESTIONS, "status:none", NULL, Q_QID, "1.1|1.2");
	check_items(m, RV_QUESTIONS, "has:answer", NULL, Q_QID, "1.2");
	check_items(m, RV_HISTORY, "date:>2015", NULL, HIST_REC_ID, "SSR10-1");
	check_items(m, RV_HISTORY, "status:none", NULL, HIST_REC_ID, "SSR1-2");
	check_items(m, RV_HISTORY, "decision:approved", NULL, HIST_REC_ID, "SSR1-1");
	check_items(m, RV_HISTORY, "has:note", NULL, HIST_REC_ID, "SSR1-1|SSR1-2");
	check_items(m, RV_HISTORY, "note:note", NULL, HIST_REC_ID, "SSR1-2");
}

static void test_item_errors(void **state)
{
	char err[512];
	assert_null(rv_item_query_parse("title:x", &FX->m, RV_DELIVERABLES, err, sizeof(err)));
	assert_non_null(strstr(err, "unknown field 'title' at 1 (fields: id, review, text, owner, due, status"));
	assert_null(rv_item_query_parse("has:overdue", &FX->m, RV_QUESTIONS, err, sizeof(err)));
	assert_null(rv_item_query_parse("date:2015-13", &FX->m, RV_HISTORY, err, sizeof(err)));
	struct rv_query *q = rv_item_query_parse("has:overdue", &FX->m, RV_DELIVERABLES, err, sizeof(err));
	assert_non_null(q);
	rv_query_free(q);
	const char *const *f = rv_item_query_fields(RV_QUESTIONS);
	assert_string_equal(f[0], "id");
	assert_string_equal(f[3], "briefing");
}

static void test_item_sort(void **state)
{
	const struct rv_model *m = &FX->m;
	int key;
	bool reverse;
	assert_false(rv_item_sort_parse(RV_DELIVERABLES, "priority", &key, &reverse));
	assert_true(rv_item_sort_parse(RV_DELIVERABLES, "-due", &key, &reverse));
	assert_true(reverse);
	assert_string_equal(rv_item_sort_names(RV_HISTORY)[0], "order");
	check_items(m, RV_DELIVERABLES, "", "due", DEL_DESCRIPTION, "Publish data escrow report|Write the plan|Train staff");
	check_items(m, RV_DELIVERABLES, "", "-due", DEL_DESCRIPTION, "Train staff|Write the plan|Publish data escrow report");
	/* No owner comes last; ties keep the list's order. */
	check_items(m, RV_DELIVERABLES, "", "owner", DEL_DESCRIPTION, "Write the plan|Publish data escrow report|Train staff");
	check_items(m, RV_DELIVERABLES, "", "status", DEL_DESCRIPTION, "Publish data escrow report|Write the plan|Train staff");
	check_items(m, RV_DELIVERABLES, "", "-id", DEL_DESCRIPTION, "Train staff|Write the plan|Publish data escrow report");
	check_items(m, RV_QUESTIONS, "", "-qid", Q_QID, "10.1|1.2|1.1");
	check_items(m, RV_HISTORY, "", "date", HIST_REC_ID, "SSR1-2|SSR1-1|SSR10-1");
	check_items(m, RV_HISTORY, "has:status", "-date", HIST_REC_ID, "SSR10-1|SSR1-1");
}

/* On the bundled data, a filter and its negation split every list. */
static void test_item_real_data(void **state)
{
	const struct rv_model *m = &FX->real;
	static const struct {
		enum rv_kind kind;
		const char *expr;
	} cases[] = {
		{RV_DELIVERABLES, "due:<2016"}, {RV_DELIVERABLES, "status:complete"}, {RV_DELIVERABLES, "has:owner"},
		{RV_QUESTIONS, "briefing:CTO"},  {RV_QUESTIONS, "status:open"},       {RV_HISTORY, "status:none"},
		{RV_HISTORY, "date:2016"},       {RV_DELIVERABLES, "review:=SSR1"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char neg[64];
		snprintf(neg, sizeof(neg), "-%s", cases[i].expr);
		size_t yes = count_items(m, cases[i].kind, cases[i].expr), no = count_items(m, cases[i].kind, neg);
		assert_int_equal(yes + no, rv_child_total(m, cases[i].kind));
		assert_true(yes > 0);
	}
}

int run_query_items_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_review),
		cmocka_unit_test(test_exact_errors),
		cmocka_unit_test(test_status_none_and_has_field),
		cmocka_unit_test(test_quote_value),
		cmocka_unit_test(test_item_fields),
		cmocka_unit_test(test_item_errors),
		cmocka_unit_test(test_item_sort),
		cmocka_unit_test(test_item_real_data),
	};
	return cmocka_run_group_tests_name("query_items", tests, setup, teardown);
}
