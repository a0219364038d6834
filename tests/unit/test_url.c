/* test_url.c - finding web addresses, wrapping that keeps them whole, and the OSC 8 / OSC 52 bytes. */
#include "tests.h"

#include <stdlib.h>
#include <string.h>

#include "recview/text.h"
#include "recview/url.h"

/* The addresses of s, "|"-separated, as found one after the other. */
static char *urls_of(const char *s)
{
	struct strbuf sb;
	struct rv_url u;
	size_t from = 0, len = strlen(s);
	sb_init(&sb);
	while (rv_url_next(s, len, from, &u)) {
		if (sb.len)
			sb_addc(&sb, '|');
		sb_add(&sb, s + u.off, u.len);
		from = u.off + u.len;
	}
	char *out = sb_detach(&sb);
	return out ? out : calloc(1, 1);
}

static void assert_urls(const char *s, const char *want)
{
	char *got = urls_of(s);
	if (strcmp(got, want) != 0)
		print_error("urls of \"%s\": got \"%s\", want \"%s\"\n", s, got, want);
	bool ok = strcmp(got, want) == 0;
	free(got);
	assert_true(ok);
}

static void test_finds_http_https_and_www(void **state)
{
	(void)state;
	assert_urls("see https://www.icann.org/resources/reviews for more", "https://www.icann.org/resources/reviews");
	assert_urls("http://a.example/x?y=1&z=2#top", "http://a.example/x?y=1&z=2#top");
	assert_urls("WWW.ICANN.ORG and HTTPS://X.ORG", "WWW.ICANN.ORG|HTTPS://X.ORG");
	assert_urls("two: https://a.org https://b.org/c", "https://a.org|https://b.org/c");
}

static void test_not_inside_words_or_without_host(void **state)
{
	(void)state;
	assert_urls("xhttps://a.org", "");
	assert_urls("awww.b.org", "");
	assert_urls("http:// nothing", "");
	assert_urls("https://", "");
	assert_urls("ftp://a.org", "");
	assert_urls("no address here.", "");
}

static void test_trailing_punctuation_left_out(void **state)
{
	(void)state;
	assert_urls("Go to https://icann.org.", "https://icann.org");
	assert_urls("(see https://icann.org/a)", "https://icann.org/a");
	assert_urls("(https://en.wikipedia.org/wiki/WHOIS_(protocol))", "https://en.wikipedia.org/wiki/WHOIS_(protocol)");
	assert_urls("\"https://icann.org/q?a=1\", said she;", "https://icann.org/q?a=1");
	assert_urls("[https://icann.org/x]!", "https://icann.org/x");
	assert_urls("<https://icann.org/y>", "https://icann.org/y");
	assert_urls("https://a.org/b... and", "https://a.org/b");
}

static void test_stops_at_control_and_invisible_characters(void **state)
{
	(void)state;
	assert_urls("https://a.org/x\x1b]0;owned\x07", "https://a.org/x");
	assert_urls("https://a.org/x\ty", "https://a.org/x");
	/* U+202E (right-to-left override) and U+200B (zero width space) end it. */
	assert_urls("https://a.org/x\xE2\x80\xAEgro.lim", "https://a.org/x");
	assert_urls("https://a.org/x\xE2\x80\x8By", "https://a.org/x");
	/* The sanitised forms of controls (^[, <U+202E>, \xFF) end it too. */
	assert_urls("https://a.org/x^[]0;", "https://a.org/x");
	assert_urls("https://a.org/x<U+202E>", "https://a.org/x");
	assert_urls("https://a.org/x\\xFF", "https://a.org/x");
	/* Letters outside ASCII are part of it. */
	assert_urls("https://b\xC3\xBC" "cher.example/\xC3\xA9t\xC3\xA9 ok", "https://b\xC3\xBC" "cher.example/\xC3\xA9t\xC3\xA9");
}

/* ---- wrapping ---- */

/* The wrapped lines of s at width, "|"-separated. */
static char *wrapped(const char *s, int width)
{
	struct text_lines tl = {0};
	struct strbuf sb;
	sb_init(&sb);
	text_wrap(&tl, s, strlen(s), width);
	for (size_t i = 0; i < tl.n; i++) {
		if (i)
			sb_addc(&sb, '|');
		sb_add(&sb, s + tl.lines[i].off, tl.lines[i].len);
	}
	text_lines_free(&tl);
	char *out = sb_detach(&sb);
	return out ? out : calloc(1, 1);
}

static void assert_wraps(const char *s, int width, const char *want)
{
	char *got = wrapped(s, width);
	if (strcmp(got, want) != 0)
		print_error("wrap \"%s\" at %d: got \"%s\", want \"%s\"\n", s, width, got, want);
	bool ok = strcmp(got, want) == 0;
	free(got);
	assert_true(ok);
}

static void test_wrap_moves_address_to_its_own_line(void **state)
{
	(void)state;
	/* A word of this length would be broken at 20; the address moves whole. */
	assert_wraps("read:https://a.org/abcdef now", 20, "read:|https://a.org/abcdef|now");
	assert_wraps("see https://a.org/abcde now", 20, "see|https://a.org/abcde|now");
	/* With the bracket before it: the bracket goes along. */
	assert_wraps("see (https://a.org/abcd) now", 20, "see|(https://a.org/abcd)|now");
	assert_wraps("see (https://a.org/abcdef) now", 20, "see (|https://a.org/abcdef|) now");
}

static void test_wrap_long_address_continues_unbroken_by_spaces(void **state)
{
	(void)state;
	/* Longer than a line: it starts a line and continues on the next, nothing lost. */
	assert_wraps("go https://a.org/0123456789abcdefghij end", 16,
		     "go|https://a.org/01|23456789abcdefgh|ij end");
}

static void test_wrap_plain_words_unchanged(void **state)
{
	(void)state;
	assert_wraps("no address in this text at all", 10, "no address|in this|text at|all");
	assert_wraps("short https://a.org fits", 40, "short https://a.org fits");
}

/* ---- link targets and escape sequences ---- */

static char *target_of(const char *s, bool www)
{
	struct strbuf sb;
	sb_init(&sb);
	rv_url_target(&sb, s, strlen(s), www);
	return sb_detach(&sb);
}

static void test_target_percent_encodes_all_but_printable_ascii(void **state)
{
	(void)state;
	char *t = target_of("https://a.org/\xC3\xA9 x\x1b\x07\x7f\xC2\x9B", false);
	assert_string_equal(t, "https://a.org/%C3%A9%20x%1B%07%7F%C2%9B");
	free(t);
	t = target_of("www.icann.org", true);
	assert_string_equal(t, "https://www.icann.org");
	free(t);
}

/* No ESC but the ones the sequence itself puts, no BEL, no C1 byte, nothing outside printable ASCII. */
static void assert_only_sequence_escapes(const struct strbuf *sb, size_t want_escapes)
{
	size_t escapes = 0;
	for (size_t i = 0; i < sb->len; i++) {
		unsigned char c = (unsigned char)sb->data[i];
		if (c == 0x1b)
			escapes++;
		else
			assert_true(c >= 0x20 && c < 0x7f);
	}
	assert_int_equal(escapes, want_escapes);
}

static void test_osc8_hostile_address_cannot_escape(void **state)
{
	(void)state;
	const char *hostile = "https://a.org/\x1b\\\x1b]0;owned\x07\xC2\x9D\x9C";
	struct strbuf sb;
	sb_init(&sb);
	rv_osc8_open(&sb, hostile, strlen(hostile), false);
	assert_only_sequence_escapes(&sb, 2);
	assert_string_equal(sb.data, "\x1b]8;;https://a.org/%1B\\%1B]0;owned%07%C2%9D%9C\x1b\\");
	sb_reset(&sb);
	rv_osc8_close(&sb);
	assert_string_equal(sb.data, "\x1b]8;;\x1b\\");
	sb_free(&sb);
}

static void test_base64(void **state)
{
	(void)state;
	const char *cases[][2] = {{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
				  {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct strbuf sb;
		sb_init(&sb);
		rv_base64(&sb, cases[i][0], strlen(cases[i][0]));
		assert_string_equal(sb.data ? sb.data : "", cases[i][1]);
		sb_free(&sb);
	}
	struct strbuf sb;
	sb_init(&sb);
	rv_base64(&sb, "\xff\x00\x1b", 3);
	assert_string_equal(sb.data, "/wAb");
	sb_free(&sb);
}

static void test_osc52_plain_and_tmux(void **state)
{
	(void)state;
	const char *text = "SSR1-11\x1b]0;x\x07";
	struct strbuf sb;
	sb_init(&sb);
	rv_osc52(&sb, text, strlen(text), false);
	assert_string_equal(sb.data, "\x1b]52;c;U1NSMS0xMRtdMDt4Bw==\a");
	sb_reset(&sb);
	rv_osc52(&sb, text, strlen(text), true);
	assert_string_equal(sb.data, "\x1bPtmux;\x1b\x1b]52;c;U1NSMS0xMRtdMDt4Bw==\a\x1b\\");
	sb_free(&sb);
}

int run_url_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_finds_http_https_and_www),
		cmocka_unit_test(test_not_inside_words_or_without_host),
		cmocka_unit_test(test_trailing_punctuation_left_out),
		cmocka_unit_test(test_stops_at_control_and_invisible_characters),
		cmocka_unit_test(test_wrap_moves_address_to_its_own_line),
		cmocka_unit_test(test_wrap_long_address_continues_unbroken_by_spaces),
		cmocka_unit_test(test_wrap_plain_words_unchanged),
		cmocka_unit_test(test_target_percent_encodes_all_but_printable_ascii),
		cmocka_unit_test(test_osc8_hostile_address_cannot_escape),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52_plain_and_tmux),
	};
	return cmocka_run_group_tests_name("url", tests, NULL, NULL);
}
