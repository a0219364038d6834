/* test_utf8.c - strict UTF-8 decoding (RFC 3629). */
#include "tests.h"

#include "recview/utf8.h"

static size_t decode(const char *s, size_t len, uint32_t *cp)
{
	return utf8_decode((const unsigned char *)s, len, cp);
}

static void assert_rejected(const char *s, size_t len)
{
	uint32_t cp = 0;
	assert_int_equal(decode(s, len, &cp), 0);
	/* The offending byte is what the caller shows and skips. */
	assert_int_equal(cp, (unsigned char)s[0]);
	assert_int_equal(utf8_first_invalid(s, len), 0);
}

static void test_decode_valid_one_to_four_bytes(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(decode(LIT("A"), &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(decode(LIT("\x7F"), &cp), 1);
	assert_int_equal(cp, 0x7F);
	assert_int_equal(decode(LIT("\xC2\x80"), &cp), 2);
	assert_int_equal(cp, 0x80);
	assert_int_equal(decode(LIT("\xDF\xBF"), &cp), 2);
	assert_int_equal(cp, 0x7FF);
	assert_int_equal(decode(LIT("\xE0\xA0\x80"), &cp), 3);
	assert_int_equal(cp, 0x800);
	assert_int_equal(decode(LIT("\xE2\x82\xAC"), &cp), 3); /* € */
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(decode(LIT("\xEF\xBF\xBF"), &cp), 3);
	assert_int_equal(cp, 0xFFFF);
	assert_int_equal(decode(LIT("\xF0\x90\x80\x80"), &cp), 4);
	assert_int_equal(cp, 0x10000);
	assert_int_equal(decode(LIT("\xF4\x8F\xBF\xBF"), &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
}

static void test_decode_stops_after_one_character(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(decode(LIT("\xC3\xA9xyz"), &cp), 2);
	assert_int_equal(cp, 0xE9);
}

static void test_decode_rejects_overlongs(void **state)
{
	(void)state;
	assert_rejected(LIT("\xC0\x80"));
	assert_rejected(LIT("\xC1\xBF"));
	assert_rejected(LIT("\xE0\x80\x80"));
	assert_rejected(LIT("\xE0\x9F\xBF"));
	assert_rejected(LIT("\xF0\x80\x80\x80"));
	assert_rejected(LIT("\xF0\x8F\xBF\xBF"));
}

static void test_decode_rejects_surrogates(void **state)
{
	(void)state;
	assert_rejected(LIT("\xED\xA0\x80")); /* U+D800 */
	assert_rejected(LIT("\xED\xBF\xBF")); /* U+DFFF */
	uint32_t cp;
	assert_int_equal(decode(LIT("\xED\x9F\xBF"), &cp), 3); /* U+D7FF is fine */
	assert_int_equal(cp, 0xD7FF);
}

static void test_decode_rejects_above_10ffff(void **state)
{
	(void)state;
	assert_rejected(LIT("\xF4\x90\x80\x80"));
	assert_rejected(LIT("\xF5\x80\x80\x80"));
	assert_rejected(LIT("\xF7\xBF\xBF\xBF"));
	assert_rejected(LIT("\xF8\x88\x80\x80\x80"));    /* 5-byte form */
	assert_rejected(LIT("\xFC\x84\x80\x80\x80\x80")); /* 6-byte form */
	assert_rejected(LIT("\xFE"));
	assert_rejected(LIT("\xFF"));
}

static void test_decode_rejects_truncated_sequences(void **state)
{
	(void)state;
	assert_rejected(LIT("\xC3"));
	assert_rejected(LIT("\xE2\x82"));
	assert_rejected(LIT("\xF0\x9F\x98"));
	/* Cut short by an ASCII byte rather than by the end. */
	assert_rejected(LIT("\xE2\x82x"));
	assert_rejected(LIT("\xC3 "));
}

static void test_decode_rejects_lone_continuation_bytes(void **state)
{
	(void)state;
	assert_rejected(LIT("\x80"));
	assert_rejected(LIT("\xBF"));
	assert_rejected(LIT("\xA9x"));
}

static void test_encode_round_trips(void **state)
{
	(void)state;
	const uint32_t cps[] = {0x24, 0xA2, 0x7FF, 0x800, 0x20AC, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF};
	for (size_t i = 0; i < sizeof(cps) / sizeof(*cps); i++) {
		char buf[4];
		uint32_t back = 0;
		size_t n = utf8_encode(cps[i], buf);
		assert_int_equal(decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
}

static void test_first_invalid_offsets(void **state)
{
	(void)state;
	assert_int_equal(utf8_first_invalid(LIT("")), 0);
	assert_int_equal(utf8_first_invalid(LIT("plain ascii")), 11);
	assert_int_equal(utf8_first_invalid(LIT("caf\xC3\xA9 \xE6\x97\xA5\xF0\x9F\x98\x80")), 13);
	assert_int_equal(utf8_first_invalid(LIT("caf\xE9!")), 3);
	assert_int_equal(utf8_first_invalid(LIT("\xC3\xA9\xC0\x80")), 2);
	assert_int_equal(utf8_first_invalid(LIT("ok\xE2\x82")), 2); /* truncated at the end */
	assert_int_equal(utf8_first_invalid(LIT("a\xED\xA0\x80z")), 1);
}

static void test_count_chars_counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(utf8_count_chars(LIT("")), 0);
	assert_int_equal(utf8_count_chars(LIT("abc")), 3);
	assert_int_equal(utf8_count_chars(LIT("\xC3\xA9t\xC3\xA9")), 3);              /* été */
	assert_int_equal(utf8_count_chars(LIT("\xE6\x97\xA5\xE6\x9C\xAC")), 2);      /* 日本 */
	assert_int_equal(utf8_count_chars(LIT("\xF0\x9F\x98\x80!")), 2);
}

static void test_count_chars_counts_each_invalid_byte_once(void **state)
{
	(void)state;
	assert_int_equal(utf8_count_chars(LIT("a\xFF" "b")), 3);
	assert_int_equal(utf8_count_chars(LIT("\xED\xA0\x80")), 3);   /* surrogate: 3 bad bytes */
	assert_int_equal(utf8_count_chars(LIT("\xE2\x82" "x")), 3);   /* truncated + x */
	assert_int_equal(utf8_count_chars(LIT("\xC0\xAF")), 2);
}

int run_utf8_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid_one_to_four_bytes),
		cmocka_unit_test(test_decode_stops_after_one_character),
		cmocka_unit_test(test_decode_rejects_overlongs),
		cmocka_unit_test(test_decode_rejects_surrogates),
		cmocka_unit_test(test_decode_rejects_above_10ffff),
		cmocka_unit_test(test_decode_rejects_truncated_sequences),
		cmocka_unit_test(test_decode_rejects_lone_continuation_bytes),
		cmocka_unit_test(test_encode_round_trips),
		cmocka_unit_test(test_first_invalid_offsets),
		cmocka_unit_test(test_count_chars_counts_code_points),
		cmocka_unit_test(test_count_chars_counts_each_invalid_byte_once),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
