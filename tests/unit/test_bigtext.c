/*
 * test_bigtext.c - big text (bigtext.h): the replies to the OSC 66 probe read as positive only when the
 * cursor moved 2 columns, however the replies come (split, mixed with keys, garbled, missing), with
 * every typed byte given back in order; the setting; OSC 66 text sanitised and cut; the block font.
 */
#include "tests.h"

#include <string.h>

#include "recview/bigtext.h"

/* Feeds the chunks, finishes, and checks the outcome and the bytes given back. */
static void probe(const char *const *chunks, size_t n, bool want_done, bool want_positive, const char *want_rest)
{
	struct rv_probe p;
	rv_probe_init(&p);
	bool done = false;
	for (size_t i = 0; i < n; i++)
		done = rv_probe_feed(&p, chunks[i], strlen(chunks[i]));
	rv_probe_finish(&p);
	assert_int_equal(done, want_done);
	assert_int_equal(rv_probe_positive(&p), want_positive);
	assert_int_equal(p.rest.len, strlen(want_rest));
	if (p.rest.len)
		assert_memory_equal(p.rest.data, want_rest, p.rest.len);
	rv_probe_free(&p);
}

#define PROBE(want_done, want_positive, want_rest, ...)                                                       \
	do {                                                                                                       \
		const char *const chunks_[] = {__VA_ARGS__};                                                       \
		probe(chunks_, sizeof(chunks_) / sizeof(*chunks_), want_done, want_positive, want_rest);           \
	} while (0)

static void test_positive(void **state)
{
	(void)state;
	PROBE(true, true, "", "\x1b[12;1R\x1b[12;3R\x1b[?62;22c");
	/* kitty's DA1 */
	PROBE(true, true, "", "\x1b[1;1R\x1b[1;3R\x1b[?62;c");
}

static void test_negative(void **state)
{
	(void)state;
	/* The terminal ignored OSC 66: the cursor did not move. */
	PROBE(true, false, "", "\x1b[5;1R\x1b[5;1R\x1b[?1;2c");
	/* It printed the space as normal text: one column. */
	PROBE(true, false, "", "\x1b[5;1R\x1b[5;2R\x1b[?1;2c");
	/* Moved 2 columns but onto another row (wrapped): not the protocol. */
	PROBE(true, false, "", "\x1b[5;79R\x1b[6;1R\x1b[?1;2c");
	/* Only DA1 answered (no CPR at all), or one CPR. */
	PROBE(true, false, "", "\x1b[?1;2c");
	PROBE(true, false, "", "\x1b[5;1R\x1b[?1;2c");
	/* Nothing at all came back within the time. */
	PROBE(false, false, "", "");
	/* The positions came but DA1 did not: still read, not done. */
	PROBE(false, true, "", "\x1b[3;1R\x1b[3;3R");
}

static void test_garbage(void **state)
{
	(void)state;
	/* Not replies: kept as keys, nothing positive. */
	PROBE(false, false, "\x1b[;R\x1b[1;R\x1b[a;bR", "\x1b[;R\x1b[1;R\x1b[a;bR");
	/* An overlong sequence is given back whole. */
	PROBE(false, false, "\x1b[11111111111111111111111111111111111111R",
	      "\x1b[11111111111111111111111111111111111111R");
	/* A sequence broken by a control byte; a lone ESC at the end. */
	PROBE(false, false, "\x1b[1\x01x\x1b", "\x1b[1\x01x\x1b");
	/* A position too large to be one. */
	PROBE(true, false, "\x1b[999999999;1R", "\x1b[999999999;1R\x1b[?62c");
}

static void test_split(void **state)
{
	(void)state;
	/* A byte at a time. */
	const char *all = "\x1b[40;1R\x1b[40;3R\x1b[?62;22c";
	const char *bytes[64];
	char one[64][2];
	size_t n = strlen(all);
	for (size_t i = 0; i < n; i++) {
		one[i][0] = all[i];
		one[i][1] = '\0';
		bytes[i] = one[i];
	}
	probe(bytes, n, true, true, "");
	/* Cut in the middle of each reply. */
	PROBE(true, true, "", "\x1b[40;", "1R\x1b", "[40;3", "R\x1b[?", "62;22c");
}

static void test_mixed_with_keys(void **state)
{
	(void)state;
	/* Keys typed before, between and after the replies come back in order, arrows whole. */
	PROBE(true, true, "jk\x1b[Bq\x1bOA ", "jk\x1b[5;1R", "\x1b[B", "q\x1b[5;3R\x1b", "OA\x1b[?62;22c ");
	/* Esc typed just before a reply, and UTF-8. */
	PROBE(true, false, "\x1b\xc3\xa9", "\x1b\x1b[2;1R\xc3\xa9\x1b[2;1R\x1b[?6c");
	/* After DA1 nothing is a reply any more: a third position (Shift-F3 looks like one) is a key. */
	PROBE(true, true, "\x1b[1;2R", "\x1b[1;1R\x1b[1;3R\x1b[?62c\x1b[1;2R");
	/* A key that looks like a position report before the replies counts as one: then negative, never
	 * falsely positive (the report of the probe's end would be the third). */
	PROBE(true, false, "\x1b[9;9R", "\x1b[1;2R\x1b[9;1R\x1b[9;9R\x1b[?62c");
}

static void test_setting(void **state)
{
	(void)state;
	enum rv_big_text b;
	assert_true(rv_big_text_parse(NULL, &b));
	assert_int_equal(b, RV_BIG_AUTO);
	assert_true(rv_big_text_parse("kitty", &b));
	assert_int_equal(b, RV_BIG_KITTY);
	assert_true(rv_big_text_parse("blocks", &b));
	assert_int_equal(b, RV_BIG_BLOCKS);
	assert_true(rv_big_text_parse("off", &b));
	assert_int_equal(b, RV_BIG_OFF);
	assert_true(rv_big_text_parse("auto", &b));
	assert_int_equal(b, RV_BIG_AUTO);
	assert_false(rv_big_text_parse("on", &b));
	assert_false(rv_big_text_parse("", &b));
}

static void test_fit(void **state)
{
	(void)state;
	struct strbuf out;
	sb_init(&out);
	/* Escapes, BEL, C1 and newlines never reach the OSC 66 sequence. */
	const char hostile[] = "A\x1b]66;s=7;X\x07\x1b\\\n\xc2\x9b" "B";
	rv_big_text_fit(&out, hostile, sizeof(hostile) - 1, 80, false);
	for (size_t i = 0; i < out.len; i++) {
		unsigned char u = (unsigned char)out.data[i];
		assert_true(u >= 0x20 && u != 0x7f);
		if (u == 0xc2)
			assert_true((unsigned char)out.data[i + 1] >= 0xa0);
	}
	sb_reset(&out);
	assert_int_equal(rv_big_text_fit(&out, "SSR1-11", 7, 10, false), 7);
	assert_string_equal(out.data, "SSR1-11");
	sb_reset(&out);
	assert_int_equal(rv_big_text_fit(&out, "behind schedule", 15, 8, false), 8);
	assert_string_equal(out.data, "behind \xe2\x80\xa6");
	sb_reset(&out);
	assert_int_equal(rv_big_text_fit(&out, "behind schedule", 15, 8, true), 8);
	assert_string_equal(out.data, "behind ~");
	sb_free(&out);
}

static void test_lines(void **state)
{
	(void)state;
	struct strbuf lines[2];
	sb_init(&lines[0]);
	sb_init(&lines[1]);
	const char *t = "Improve the security of the root zone keys";
	assert_int_equal(rv_big_text_lines(lines, 2, t, strlen(t), 100, false), 1);
	assert_string_equal(lines[0].data, t);
	assert_int_equal(rv_big_text_lines(lines, 2, t, strlen(t), 20, false), 2);
	assert_string_equal(lines[0].data, "Improve the security");
	assert_string_equal(lines[1].data, "of the root zone ke\xe2\x80\xa6");
	assert_int_equal(rv_big_text_lines(lines, 2, "", 0, 20, false), 0);
	/* A control character in a title is made visible, never sent. */
	assert_int_equal(rv_big_text_lines(lines, 2, "a\x1b[2Jb", 6, 20, false), 1);
	assert_null(memchr(lines[0].data, '\x1b', lines[0].len));
	sb_free(&lines[0]);
	sb_free(&lines[1]);
}

static void test_font(void **state)
{
	(void)state;
	int w;
	/* Every letter, digit and the punctuation of ids and status words has a glyph of its width. */
	const char *need = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -./_:,'()+!?";
	for (const char *c = need; *c; c++) {
		const char *rows = rv_block_glyph(*c, &w);
		assert_non_null(rows);
		assert_true(w >= 1 && w <= 5);
		assert_int_equal(strlen(rows), (size_t)(w * RV_BLOCK_ROWS));
	}
	assert_null(rv_block_glyph('\x1b', &w));
	assert_null(rv_block_glyph('*', &w));
	/* Letters are distinct where it matters: B and 8, S and 5 may look alike, M N W and H may not. */
	assert_string_not_equal(rv_block_glyph('B', &w), rv_block_glyph('8', &w));
	assert_string_not_equal(rv_block_glyph('H', &w), rv_block_glyph('N', &w));
	assert_int_equal(rv_block_width("SSR1-11", 7), 7 * 4);
	assert_int_equal(rv_block_width("in progress", 11), 9 * 4 + 5 + 3); /* N is 4 wide, a space 2 */
	assert_int_equal(rv_block_width("a*", 2), -1);
}

int run_bigtext_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positive),   cmocka_unit_test(test_negative),
		cmocka_unit_test(test_garbage),    cmocka_unit_test(test_split),
		cmocka_unit_test(test_mixed_with_keys), cmocka_unit_test(test_setting),
		cmocka_unit_test(test_fit),        cmocka_unit_test(test_lines),
		cmocka_unit_test(test_font),
	};
	return cmocka_run_group_tests_name("bigtext", tests, NULL, NULL);
}
