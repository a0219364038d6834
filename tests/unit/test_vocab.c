/* test_vocab.c - status and decision vocabularies, priorities, dates, id order, header names. */
#include "tests.h"

#include <string.h>

#include "recview/vocab.h"

#define STATUS(s) rv_status_parse((s), strlen(s))
#define DECISION(s) rv_decision_parse((s), strlen(s))
#define PRIORITY(s) rv_priority_parse((s), strlen(s))

/* ---- status ---- */

static void test_status_canonical_words(void **state)
{
	(void)state;
	assert_int_equal(STATUS("not started"), RV_STATUS_NOT_STARTED);
	assert_int_equal(STATUS("in planning"), RV_STATUS_PLANNING);
	assert_int_equal(STATUS("in progress"), RV_STATUS_PROGRESS);
	assert_int_equal(STATUS("behind schedule"), RV_STATUS_BEHIND);
	assert_int_equal(STATUS("complete"), RV_STATUS_COMPLETE);
}

static void test_status_other_spellings(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum rv_status want;
	} cases[] = {
		{"completed", RV_STATUS_COMPLETE}, {"done", RV_STATUS_COMPLETE}, {"implemented", RV_STATUS_COMPLETE},
		{"fully implemented", RV_STATUS_COMPLETE}, {"closed", RV_STATUS_COMPLETE},
		{"finished", RV_STATUS_COMPLETE}, {"progress", RV_STATUS_PROGRESS}, {"in process", RV_STATUS_PROGRESS},
		{"planned/in process", RV_STATUS_PROGRESS}, {"ongoing", RV_STATUS_PROGRESS},
		{"started", RV_STATUS_PROGRESS}, {"underway", RV_STATUS_PROGRESS}, {"under way", RV_STATUS_PROGRESS},
		{"partially implemented", RV_STATUS_PROGRESS}, {"WIP", RV_STATUS_PROGRESS},
		{"planning", RV_STATUS_PLANNING}, {"planned", RV_STATUS_PLANNING},
		{"implementation design", RV_STATUS_PLANNING}, {"not begun", RV_STATUS_NOT_STARTED},
		{"to do", RV_STATUS_NOT_STARTED}, {"todo", RV_STATUS_NOT_STARTED}, {"behind", RV_STATUS_BEHIND},
		{"delayed", RV_STATUS_BEHIND},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		if (STATUS(cases[i].text) != cases[i].want)
			print_error("status \"%s\"\n", cases[i].text);
		assert_int_equal(STATUS(cases[i].text), cases[i].want);
	}
}

static void test_status_glyphs(void **state)
{
	(void)state;
	assert_int_equal(STATUS("\xE2\x88\x9A"), RV_STATUS_COMPLETE); /* √ */
	assert_int_equal(STATUS("\xE2\x9C\x93"), RV_STATUS_COMPLETE); /* ✓ */
	assert_int_equal(STATUS("\xE2\x9C\x94"), RV_STATUS_COMPLETE); /* ✔ */
	assert_int_equal(STATUS("\xE2\x97\x8B"), RV_STATUS_PROGRESS); /* ○ */
	assert_int_equal(STATUS("\xE2\x97\x8A"), RV_STATUS_PLANNING); /* ◊ */
	assert_int_equal(STATUS(" \xE2\x9C\x93 "), RV_STATUS_COMPLETE);
}

static void test_status_case_space_and_separator_variants(void **state)
{
	(void)state;
	assert_int_equal(STATUS("In Progress"), RV_STATUS_PROGRESS);
	assert_int_equal(STATUS("IN PROGRESS"), RV_STATUS_PROGRESS);
	assert_int_equal(STATUS(" complete "), RV_STATUS_COMPLETE);
	assert_int_equal(STATUS("in_progress"), RV_STATUS_PROGRESS);
	assert_int_equal(STATUS("in-progress"), RV_STATUS_PROGRESS);
	assert_int_equal(STATUS("in   progress"), RV_STATUS_PROGRESS);
	assert_int_equal(STATUS("Not_Started"), RV_STATUS_NOT_STARTED);
}

static void test_status_unknown_and_empty(void **state)
{
	(void)state;
	assert_int_equal(STATUS(""), RV_STATUS_NONE);
	assert_int_equal(STATUS("   "), RV_STATUS_NONE);
	assert_int_equal(STATUS("Finished-ish"), RV_STATUS_UNKNOWN);
	assert_int_equal(STATUS("completely"), RV_STATUS_UNKNOWN);
	assert_int_equal(STATUS("x"), RV_STATUS_UNKNOWN);
	/* Longer than any spelling: unknown, not a truncated match. */
	assert_int_equal(STATUS("complete complete complete complete complete complete complete complete complete"),
			 RV_STATUS_UNKNOWN);
}

static void test_status_names_and_glyphs(void **state)
{
	(void)state;
	assert_string_equal(rv_status_name(RV_STATUS_PROGRESS), "in progress");
	assert_string_equal(rv_status_name(RV_STATUS_NONE), "");
	assert_string_equal(rv_status_name(RV_STATUS_UNKNOWN), "unknown");
	assert_string_equal(rv_status_glyph(RV_STATUS_COMPLETE, true), "+");
	assert_string_equal(rv_status_glyph(RV_STATUS_COMPLETE, false), "\xE2\x9C\x93");
	/* Every name parses back to its status. */
	for (int s = RV_STATUS_NOT_STARTED; s < RV_STATUS_UNKNOWN; s++)
		assert_int_equal(STATUS(rv_status_name((enum rv_status)s)), s);
}

/* ---- decision ---- */

static void test_decision_spellings(void **state)
{
	(void)state;
	assert_int_equal(DECISION("approved"), RV_DECISION_APPROVED);
	assert_int_equal(DECISION("Approved"), RV_DECISION_APPROVED);
	assert_int_equal(DECISION("adopted"), RV_DECISION_APPROVED);
	assert_int_equal(DECISION("accepted"), RV_DECISION_APPROVED);
	assert_int_equal(DECISION("rejected"), RV_DECISION_REJECTED);
	assert_int_equal(DECISION("Not Approved"), RV_DECISION_REJECTED);
	assert_int_equal(DECISION("declined"), RV_DECISION_REJECTED);
	assert_int_equal(DECISION("pending"), RV_DECISION_PENDING);
	assert_int_equal(DECISION("Placed in Pending Status"), RV_DECISION_PENDING);
	assert_int_equal(DECISION("deferred"), RV_DECISION_PENDING);
	assert_int_equal(DECISION(" on_hold "), RV_DECISION_PENDING);
}

static void test_decision_unknown_and_empty(void **state)
{
	(void)state;
	assert_int_equal(DECISION(""), RV_DECISION_NONE);
	assert_int_equal(DECISION("maybe"), RV_DECISION_UNKNOWN);
	assert_int_equal(DECISION("Approved, mostly"), RV_DECISION_UNKNOWN);
	assert_string_equal(rv_decision_name(RV_DECISION_REJECTED), "rejected");
}

/* ---- priority ---- */

static void test_priority_values(void **state)
{
	(void)state;
	assert_int_equal(PRIORITY("P1"), 1);
	assert_int_equal(PRIORITY("p2"), 2);
	assert_int_equal(PRIORITY(" P3 "), 3);
	assert_int_equal(PRIORITY("4"), 4);
	assert_int_equal(PRIORITY(""), 0);
	assert_int_equal(PRIORITY("  "), 0);
}

static void test_priority_out_of_range_or_text(void **state)
{
	(void)state;
	assert_int_equal(PRIORITY("P0"), -1);
	assert_int_equal(PRIORITY("P5"), -1);
	assert_int_equal(PRIORITY("P9"), -1);
	assert_int_equal(PRIORITY("5"), -1);
	assert_int_equal(PRIORITY("high"), 2); /* a tracker's word for P2 */
	assert_int_equal(PRIORITY("highish"), -1);
	assert_int_equal(PRIORITY("P12"), -1);
}

/* ---- dates ---- */

static enum rv_date_result date(const char *s, int32_t *out)
{
	return rv_date_parse(s, strlen(s), out);
}

static void test_date_full_month_year(void **state)
{
	(void)state;
	int32_t d = -1;
	assert_int_equal(date("2015-06-30", &d), RV_DATE_OK);
	assert_int_equal(d, 20150630);
	assert_int_equal(date("2016-09", &d), RV_DATE_OK);
	assert_int_equal(d, 20160900);
	assert_int_equal(date("2014", &d), RV_DATE_OK);
	assert_int_equal(d, 20140000);
	assert_int_equal(date(" 2014-03-18 ", &d), RV_DATE_OK);
	assert_int_equal(d, 20140318);
}

static void test_date_leap_day(void **state)
{
	(void)state;
	int32_t d;
	assert_int_equal(date("2016-02-29", &d), RV_DATE_OK);
	assert_int_equal(d, 20160229);
	assert_int_equal(date("2000-02-29", &d), RV_DATE_OK);
	assert_int_equal(date("2015-02-29", &d), RV_DATE_BAD);
	assert_int_equal(date("1900-02-29", &d), RV_DATE_BAD);
}

static void test_date_bad_values(void **state)
{
	(void)state;
	int32_t d = 1;
	assert_int_equal(date("2015-13-01", &d), RV_DATE_BAD);
	assert_int_equal(d, RV_DATE_NONE);
	assert_int_equal(date("2015-00-10", &d), RV_DATE_BAD);
	assert_int_equal(date("2015-06-31", &d), RV_DATE_BAD);
	assert_int_equal(date("2015-06-00", &d), RV_DATE_BAD);
	assert_int_equal(date("2015-6-30", &d), RV_DATE_BAD);
	assert_int_equal(date("2015/06/30", &d), RV_DATE_BAD);
	assert_int_equal(date("June 2015", &d), RV_DATE_BAD);
	assert_int_equal(date("30.06.2015", &d), RV_DATE_BAD);
	assert_int_equal(date("0000", &d), RV_DATE_BAD);
	assert_int_equal(date("20150630", &d), RV_DATE_BAD);
}

static void test_date_empty(void **state)
{
	(void)state;
	int32_t d = 1;
	assert_int_equal(date("", &d), RV_DATE_EMPTY);
	assert_int_equal(d, RV_DATE_NONE);
	assert_int_equal(date("   ", &d), RV_DATE_EMPTY);
}

static void test_date_format(void **state)
{
	(void)state;
	char buf[16];
	rv_date_format(20150630, buf, sizeof(buf));
	assert_string_equal(buf, "2015-06-30");
	rv_date_format(20160900, buf, sizeof(buf));
	assert_string_equal(buf, "2016-09");
	rv_date_format(20140000, buf, sizeof(buf));
	assert_string_equal(buf, "2014");
	rv_date_format(RV_DATE_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "");
}

static void test_date_round_trip(void **state)
{
	(void)state;
	static const char *const dates[] = {"2016-02-29", "2014-03-18", "2021-07", "2012", "0001-01-01"};
	for (size_t i = 0; i < sizeof(dates) / sizeof(*dates); i++) {
		int32_t d;
		char buf[16];
		assert_int_equal(date(dates[i], &d), RV_DATE_OK);
		rv_date_format(d, buf, sizeof(buf));
		assert_string_equal(buf, dates[i]);
	}
}

/* ---- ids ---- */

static int idcmp(const char *a, const char *b)
{
	return rv_id_compare(a, strlen(a), b, strlen(b));
}

static void assert_before(const char *a, const char *b)
{
	if (idcmp(a, b) >= 0 || idcmp(b, a) <= 0)
		print_error("expected %s < %s\n", a, b);
	assert_true(idcmp(a, b) < 0);
	assert_true(idcmp(b, a) > 0);
}

static void test_id_numbers_compare_as_numbers(void **state)
{
	(void)state;
	assert_before("SSR1-2", "SSR1-10");
	assert_before("SSR1-9", "SSR1-28");
	assert_before("SSR2-5.4", "SSR2-5.10");
	assert_before("SSR2-1.1", "SSR2-1.2");
	assert_before("SSR2-1.9", "SSR2-2.1");
	assert_before("SSR1-28", "SSR2-1.1");
	assert_before("SSR2-24.2", "SSR2-25.1");
}

static void test_id_prefix_sorts_first(void **state)
{
	(void)state;
	assert_before("SSR1", "SSR1-1");
	assert_before("SSR2-5", "SSR2-5.1");
}

static void test_id_case_insensitive(void **state)
{
	(void)state;
	assert_before("ssr1-2", "SSR1-10");
	assert_before("SSR1-2", "ssr1-10");
	assert_before("abc-2", "ABD-1");
}

static void test_id_equal_only_when_identical(void **state)
{
	(void)state;
	assert_int_equal(idcmp("SSR1-2", "SSR1-2"), 0);
	assert_int_equal(idcmp("", ""), 0);
	/* Equal but for case or leading zeros: still ordered, both ways. */
	assert_int_not_equal(idcmp("ssr1-2", "SSR1-2"), 0);
	assert_int_equal(idcmp("ssr1-2", "SSR1-2"), -idcmp("SSR1-2", "ssr1-2"));
	assert_int_not_equal(idcmp("SSR1-02", "SSR1-2"), 0);
	assert_int_equal(idcmp("SSR1-02", "SSR1-2"), -idcmp("SSR1-2", "SSR1-02"));
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void test_id_total_order(void **state)
{
	(void)state;
	static const char *const ids[] = {
		"SSR1-1", "SSR1-2", "SSR1-10", "ssr1-10", "SSR1-010", "SSR1-28", "SSR2-1.1", "SSR2-5.4",
		"SSR2-5.10", "SSR2-5.10a", "SSR2-5", "SSR2", "ssr2", "", "A", "a", "a0", "a00", "a1", "A-1",
		"x_1", "x-1", "x1", "0", "00", "9", "10", "SSR2-05.4", "RDS-WHOIS2-1", "ATRT3-4",
	};
	const size_t n = sizeof(ids) / sizeof(*ids);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(idcmp(ids[i], ids[i]), 0);
		for (size_t j = 0; j < n; j++) {
			int ij = sign(idcmp(ids[i], ids[j]));
			assert_int_equal(ij, -sign(idcmp(ids[j], ids[i])));
			if (i != j)
				assert_int_not_equal(ij, 0);
			for (size_t k = 0; k < n; k++) {
				if (ij < 0 && sign(idcmp(ids[j], ids[k])) < 0) {
					if (idcmp(ids[i], ids[k]) >= 0)
						print_error("not transitive: %s < %s < %s\n", ids[i], ids[j], ids[k]);
					assert_true(idcmp(ids[i], ids[k]) < 0);
				}
			}
		}
	}
}

/* ---- header names ---- */

static void assert_normalizes(const char *in, const char *want)
{
	char out[64];
	size_t n = rv_normalize_name(in, strlen(in), out, sizeof(out));
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void test_normalize_names(void **state)
{
	(void)state;
	assert_normalizes("  Rec #", "rec #");
	assert_normalizes("Implementation_Status", "implementation status");
	assert_normalizes("REC-ID", "rec id");
	assert_normalizes("rec_id", "rec id");
	assert_normalizes(" Due   Date ", "due date");
	assert_normalizes("Description\r", "description");
	assert_normalizes("", "");
	assert_normalizes(" _- ", "");
}

static void test_normalize_truncates_to_buffer(void **state)
{
	(void)state;
	char out[6];
	size_t n = rv_normalize_name(LIT("Implementation Status"), out, sizeof(out));
	assert_int_equal(n, 5);
	assert_string_equal(out, "imple");
}

int run_vocab_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_canonical_words),
		cmocka_unit_test(test_status_other_spellings),
		cmocka_unit_test(test_status_glyphs),
		cmocka_unit_test(test_status_case_space_and_separator_variants),
		cmocka_unit_test(test_status_unknown_and_empty),
		cmocka_unit_test(test_status_names_and_glyphs),
		cmocka_unit_test(test_decision_spellings),
		cmocka_unit_test(test_decision_unknown_and_empty),
		cmocka_unit_test(test_priority_values),
		cmocka_unit_test(test_priority_out_of_range_or_text),
		cmocka_unit_test(test_date_full_month_year),
		cmocka_unit_test(test_date_leap_day),
		cmocka_unit_test(test_date_bad_values),
		cmocka_unit_test(test_date_empty),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_round_trip),
		cmocka_unit_test(test_id_numbers_compare_as_numbers),
		cmocka_unit_test(test_id_prefix_sorts_first),
		cmocka_unit_test(test_id_case_insensitive),
		cmocka_unit_test(test_id_equal_only_when_identical),
		cmocka_unit_test(test_id_total_order),
		cmocka_unit_test(test_normalize_names),
		cmocka_unit_test(test_normalize_truncates_to_buffer),
	};
	return cmocka_run_group_tests_name("vocab", tests, NULL, NULL);
}
