/* test_topic_key.c - the key of a topic's spelling (topic_key.h), the dashboard's topics grouped by it
 * (rv_summary_build_grouped) and the filter term topic:~ that lists a group. */
#include "tests.h"

#include <stdlib.h>
#include <string.h>

#include "recview/model.h"
#include "recview/query.h"
#include "recview/summary.h"
#include "recview/topic_key.h"

static void assert_key(const char *text, const char *want)
{
	struct strbuf sb;
	sb_init(&sb);
	rv_topic_key(text, strlen(text), &sb);
	if (strcmp(sb.data, want) != 0)
		fail_msg("key of \"%s\": \"%s\", not \"%s\"", text, sb.data, want);
	sb_free(&sb);
}

static void test_case_spacing_dashes(void **state)
{
	(void)state;
	assert_key("Operation Excellence", "operation excellence");
	assert_key("  OPERATION\t\texcellence ", "operation excellence");
	assert_key("Operation-Excellence", "operation excellence");
	assert_key("Operation \xE2\x80\x93 Excellence", "operation excellence");     /* en dash */
	assert_key("Operation\xE2\x80\x94" "Excellence", "operation excellence");     /* em dash */
	assert_key("Operation_Excellence / Rules", "operation excellence rule");
	assert_key("Operation\xC2\xA0" "Excellence", "operation excellence");         /* no-break space */
}

static void test_plurals_and_punctuation(void **state)
{
	(void)state;
	assert_key("Operations Excellence", "operation excellence");
	assert_key("Standards, and Compliance.", "standard and compliance");
	assert_key("Process Access", "process access");      /* ss is no plural */
	assert_key("DNS Bus", "dns bus");                    /* short words keep their s */
	assert_key("ICANN\xE2\x80\x99s Remit\xE2\x80\xA6", "icann remit");
	assert_key("(Security) & \"Stability\"", "security stability");
	assert_key("2016 Rules", "2016 rule");
	assert_key("Caf\xC3\xA9s", "caf\xC3\xA9");           /* other letters kept as they are */
	assert_key("--", "--");                              /* nothing left: its own text */
	assert_key("", "");
}

/* The bundled data's "Operation(s) Excellence – Standards and Compliance": one row of two spellings. */
static void test_grouped_summary(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	struct rv_summary plain, grouped;
	rv_summary_build(&m, RV_DATE_NONE, &plain);
	rv_summary_build_grouped(&m, RV_DATE_NONE, &grouped);
	assert_true(grouped.ntopics < plain.ntopics);
	size_t total = 0, found = 0;
	for (size_t i = 0; i < grouped.ntopics; i++) {
		const struct rv_tally *t = &grouped.topics[i];
		total += t->total;
		if (strcmp(t->label, "Operations Excellence \xE2\x80\x93 Standards and Compliance") != 0)
			continue;
		found++;
		assert_int_equal(t->total, 2);
		assert_int_equal(t->nspellings, 2);
		assert_string_equal(t->spellings[0].text, t->label);
		assert_string_equal(t->spellings[1].text, "Operation Excellence \xE2\x80\x93 Standards and Compliance");
		assert_int_equal(t->spellings[0].count + t->spellings[1].count, 2);
	}
	assert_int_equal(found, 1);
	assert_int_equal(total, m.nrecs);
	for (size_t i = 0; i < plain.ntopics; i++)
		assert_int_equal(plain.topics[i].nspellings, 0);
	rv_summary_free(&plain);
	rv_summary_free(&grouped);

	char err[200];
	struct rv_query *q = rv_query_parse("topic:~\"operation excellence standards and compliance\"", err, sizeof(err));
	assert_non_null(q);
	size_t matched = 0;
	for (size_t r = 0; r < m.nrecs; r++)
		matched += rv_query_match(q, &m, r);
	assert_int_equal(matched, 2);
	rv_query_free(q);
	rv_model_free(&m);
}

int run_topic_key_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_spacing_dashes),
		cmocka_unit_test(test_plurals_and_punctuation),
		cmocka_unit_test(test_grouped_summary),
	};
	return cmocka_run_group_tests_name("topic_key", tests, NULL, NULL);
}
