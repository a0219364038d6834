/* test_text.c - sanitising, width, cutting and wrapping of untrusted text. */
#include "tests.h"

#include <stdlib.h>
#include <string.h>

#include "recview/text.h"
#include "recview/utf8.h"

/* The sanitised form of s, malloc'd. */
static char *sanitized(const char *s, size_t len, unsigned flags)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, s, len, flags);
	char *out = sb_detach(&sb);
	sb_free(&sb);
	return out;
}

static void assert_sanitizes_to(const char *s, size_t len, unsigned flags, const char *want)
{
	char *got = sanitized(s, len, flags);
	if (strcmp(got, want) != 0)
		print_error("sanitised: got \"%s\", want \"%s\"\n", got, want);
	bool ok = strcmp(got, want) == 0;
	free(got);
	assert_true(ok);
}

/* ---- text_sanitize ---- */

static void test_sanitize_keeps_plain_text(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("Hello, world"), 0, "Hello, world");
	assert_sanitizes_to(LIT("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"), 0, "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC");
}

static void test_sanitize_caret_notation_for_c0_and_del(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("a\x1b[31mb"), 0, "a^[[31mb");
	assert_sanitizes_to(LIT("bell\x07"), 0, "bell^G");
	assert_sanitizes_to(LIT("del\x7F"), 0, "del^?");
	assert_sanitizes_to(LIT("nul\0x"), 0, "nul^@x");
	assert_sanitizes_to(LIT("\x01\x1F"), 0, "^A^_");
}

static void test_sanitize_c1_controls_as_code_points(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("\xC2\x85"), 0, "<U+0085>");
	assert_sanitizes_to(LIT("x\xC2\x9B" "2J"), 0, "x<U+009B>2J");
	assert_sanitizes_to(LIT("\xC2\x80\xC2\x9F"), 0, "<U+0080><U+009F>");
}

static void test_sanitize_bidi_controls_visible(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("a\xE2\x80\xAE" "b"), 0, "a<U+202E>b");   /* RLO */
	assert_sanitizes_to(LIT("a\xE2\x81\xA6" "b"), 0, "a<U+2066>b");   /* LRI */
	assert_sanitizes_to(LIT("\xE2\x81\xA9"), 0, "<U+2069>");           /* PDI */
	assert_sanitizes_to(LIT("\xE2\x80\x8F"), 0, "<U+200F>");           /* RLM */
}

static void test_sanitize_zero_width_visible(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("zero\xE2\x80\x8Bwidth"), 0, "zero<U+200B>width");
	assert_sanitizes_to(LIT("\xEF\xBB\xBFid"), 0, "<U+FEFF>id");
	assert_sanitizes_to(LIT("\xE2\x80\x8D"), 0, "<U+200D>");
}

static void test_sanitize_invalid_bytes_as_hex(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("a\xFFz"), 0, "a\\xFFz");
	assert_sanitizes_to(LIT("\xC0\xAF"), 0, "\\xC0\\xAF");
	assert_sanitizes_to(LIT("\xED\xA0\x80"), 0, "\\xED\\xA0\\x80");
	assert_sanitizes_to(LIT("\xE2\x82"), 0, "\\xE2\\x82");
}

static void test_sanitize_osc_title_leaves_no_control_byte(void **state)
{
	(void)state;
	char *got = sanitized(LIT("\x1b]2;title\x07rest\x1b\\"), 0);
	size_t len = strlen(got);
	size_t controls = 0;
	for (size_t i = 0; i < len; i++)
		controls += (unsigned char)got[i] < 0x20 || (unsigned char)got[i] == 0x7F;
	bool same = strcmp(got, "^[]2;title^Grest^[\\") == 0;
	free(got);
	assert_int_equal(controls, 0);
	assert_true(same);
}

static void test_sanitize_expands_tabs_to_multiple_of_8(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("\t"), 0, "        ");
	assert_sanitizes_to(LIT("a\tb"), 0, "a       b");
	assert_sanitizes_to(LIT("abcdefg\tx"), 0, "abcdefg x");
	assert_sanitizes_to(LIT("abcdefgh\tx"), 0, "abcdefgh        x");
	/* Columns, not bytes: 日 is 2 columns wide, é is 1 column in 2 bytes. */
	assert_sanitizes_to(LIT("\xE6\x97\xA5\tx"), 0, "\xE6\x97\xA5      x");
	assert_sanitizes_to(LIT("\xC3\xA9\tx"), 0, "\xC3\xA9       x");
	/* An escape takes the columns it is shown in. */
	assert_sanitizes_to(LIT("\x1b\tx"), 0, "^[      x");
}

static void test_sanitize_tab_columns_restart_after_newline(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("abc\n\tx"), TEXT_KEEP_NEWLINES, "abc\n        x");
}

static void test_sanitize_newlines_become_spaces_by_default(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("l1\nl2\r\nl3\rl4"), 0, "l1 l2 l3 l4");
}

static void test_sanitize_keeps_newlines_when_asked(void **state)
{
	(void)state;
	assert_sanitizes_to(LIT("l1\nl2\r\nl3\rl4"), TEXT_KEEP_NEWLINES, "l1\nl2\nl3\nl4");
}

static void test_has_escapes(void **state)
{
	(void)state;
	assert_false(text_has_escapes(LIT("plain \xC3\xA9 text\nwith a newline\tand tab")));
	assert_true(text_has_escapes(LIT("x\x1b[0m")));
	assert_true(text_has_escapes(LIT("x\xE2\x80\xAE")));
	assert_true(text_has_escapes(LIT("x\xFF")));
}

/* ---- width ---- */

static void test_width_ascii(void **state)
{
	(void)state;
	assert_int_equal(text_width(LIT("")), 0);
	assert_int_equal(text_width(LIT("hello")), 5);
}

static void test_width_cjk_two_columns_each(void **state)
{
	(void)state;
	assert_int_equal(text_width(LIT("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E")), 6); /* 日本語 */
	assert_int_equal(text_width(LIT("a\xE5\xAE\x89" "b")), 4);                    /* a安b */
	assert_int_equal(text_cp_width(0x3042), 2);
}

static void test_width_combining_marks_zero(void **state)
{
	(void)state;
	assert_int_equal(text_width(LIT("e\xCC\x81")), 1);          /* e + U+0301 */
	assert_int_equal(text_width(LIT("a\xCC\x8A\xCC\xA3")), 1); /* a + two marks */
	assert_int_equal(text_cp_width(0x0301), 0);
}

/* "a" and n combining rings (U+030A), malloc'd. */
static char *many_marks(size_t n, size_t *len)
{
	char *s = malloc(1 + 2 * n + 1);
	assert_non_null(s);
	s[0] = 'a';
	for (size_t i = 0; i < n; i++)
		memcpy(s + 1 + 2 * i, "\xCC\x8A", 2);
	*len = 1 + 2 * n;
	s[*len] = '\0';
	return s;
}

/* A character and its marks are one glyph: one draw call, however many marks there are. */
static void test_cluster_is_one_glyph(void **state)
{
	(void)state;
	size_t pos = 0;
	struct glyph g;
	assert_true(text_next_glyph(LIT("e\xCC\x81\xCC\xA3x"), &pos, 0, &g));
	assert_int_equal(g.kind, GLYPH_TEXT);
	assert_int_equal(g.src_len, 5);
	assert_int_equal(g.nbytes, 5);
	assert_int_equal(g.cluster_len, 5);
	assert_int_equal(g.width, 1);
	assert_int_equal(g.marks_left_out, 0);
	assert_memory_equal(g.bytes, "e\xCC\x81\xCC\xA3", 5);
	assert_true(text_next_glyph(LIT("e\xCC\x81\xCC\xA3x"), &pos, 0, &g));
	assert_string_equal(g.bytes, "x");
	assert_false(text_next_glyph(LIT("e\xCC\x81\xCC\xA3x"), &pos, 0, &g));
}

/* 500,000 marks on one character: TEXT_MAX_MARKS are kept, the others shown as their count. */
static void test_cluster_caps_marks_with_a_count(void **state)
{
	(void)state;
	size_t len;
	char *s = many_marks(500000, &len);
	size_t pos = 0;
	struct glyph g;
	assert_true(text_next_glyph(s, len, &pos, 0, &g));
	assert_int_equal(pos, len);
	assert_int_equal(g.marks_left_out, 500000 - TEXT_MAX_MARKS);
	assert_int_equal(g.cluster_len, 1 + 2 * TEXT_MAX_MARKS);
	assert_string_equal(g.bytes + g.cluster_len, "<+499992 marks>");
	assert_int_equal(g.width, 1 + (int)strlen("<+499992 marks>"));
	assert_false(text_next_glyph(s, len, &pos, 0, &g));

	/* Sanitised, the text is small and reads back the same. */
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, s, len, 0);
	assert_int_equal(sb.len, 1 + 2 * TEXT_MAX_MARKS + strlen("<+499992 marks>"));
	assert_string_equal(sb.data + 1 + 2 * TEXT_MAX_MARKS, "<+499992 marks>");
	assert_int_equal(text_width(s, len), text_width(sb.data, sb.len));
	assert_int_equal(text_width(s, len), 16);
	assert_true(text_has_escapes(s, len) == false);
	sb_free(&sb);

	/* Exactly TEXT_MAX_MARKS marks: no count. */
	free(s);
	s = many_marks(TEXT_MAX_MARKS, &len);
	pos = 0;
	assert_true(text_next_glyph(s, len, &pos, 0, &g));
	assert_int_equal(g.marks_left_out, 0);
	assert_int_equal(g.nbytes, len);
	assert_int_equal(g.width, 1);
	free(s);
}

/* Marks with no character before them (at the start, after a control) are a cluster of their own. */
static void test_marks_without_a_base(void **state)
{
	(void)state;
	assert_int_equal(text_width(LIT("\xCC\x81\xCC\x81")), 0);
	size_t pos = 0;
	struct glyph g;
	assert_true(text_next_glyph(LIT("\x1b\xCC\x81\xCC\x81"), &pos, 0, &g));
	assert_int_equal(g.kind, GLYPH_ESCAPE);
	assert_true(text_next_glyph(LIT("\x1b\xCC\x81\xCC\x81"), &pos, 0, &g));
	assert_int_equal(g.kind, GLYPH_TEXT);
	assert_int_equal(g.src_len, 4);
	assert_int_equal(g.width, 0);
	/* A wide character keeps its marks and its two columns. */
	assert_int_equal(text_width(LIT("\xE6\x97\xA5\xCC\x81")), 2);
}

/* Cutting and wrapping a cluster with a count never split it. */
static void test_cut_and_wrap_keep_cluster_whole(void **state)
{
	(void)state;
	size_t len;
	char *s = many_marks(1000, &len);
	struct strbuf clean, out;
	sb_init(&clean);
	sb_init(&out);
	text_sanitize(&clean, s, len, 0);
	sb_adds(&clean, " tail");
	/* The character keeps its marks; the count reads on as plain text. */
	assert_int_equal(text_cut(&out, clean.data, clean.len, 2, true), 2);
	assert_int_equal(out.len, 1 + 2 * TEXT_MAX_MARKS + 1);
	assert_memory_equal(out.data, s, 1 + 2 * TEXT_MAX_MARKS);
	sb_reset(&out);
	assert_int_equal(text_cut(&out, clean.data, clean.len, 8, true), 8);
	assert_string_equal(out.data + 1 + 2 * TEXT_MAX_MARKS, "<+992 ~");
	struct text_lines tl = {0};
	text_wrap(&tl, clean.data, clean.len, 40);
	assert_int_equal(tl.n, 1);
	text_lines_free(&tl);
	sb_free(&clean);
	sb_free(&out);
	free(s);
}

static void test_width_controls_not_printable(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0x1B), -1);
	assert_int_equal(text_cp_width(0x85), -1);
	assert_int_equal(text_cp_width(0x202E), -1);
	assert_int_equal(text_cp_width(0xFEFF), -1);
}

/* ---- text_cut ---- */

static int cut(const char *s, size_t len, int width, bool ascii, char **out)
{
	struct strbuf sb;
	sb_init(&sb);
	int used = text_cut(&sb, s, len, width, ascii);
	*out = sb_detach(&sb);
	sb_free(&sb);
	return used;
}

static void test_cut_short_text_unchanged(void **state)
{
	(void)state;
	char *out;
	int used = cut(LIT("abc"), 3, false, &out);
	bool same = strcmp(out, "abc") == 0;
	free(out);
	assert_int_equal(used, 3);
	assert_true(same);
}

static void test_cut_ends_with_ellipsis(void **state)
{
	(void)state;
	char *out;
	int used = cut(LIT("abcdefgh"), 5, false, &out);
	bool ok = strcmp(out, "abcd\xE2\x80\xA6") == 0 && text_width(out, strlen(out)) == 5;
	free(out);
	assert_int_equal(used, 5);
	assert_true(ok);
}

static void test_cut_ascii_variant_uses_tilde(void **state)
{
	(void)state;
	char *out;
	int used = cut(LIT("abcdefgh"), 5, true, &out);
	bool ok = strcmp(out, "abcd~") == 0;
	free(out);
	assert_int_equal(used, 5);
	assert_true(ok);
}

static void test_cut_never_splits_wide_character(void **state)
{
	(void)state;
	/* 日本語テキスト is 14 columns; at 6, "日本" (4) + one free column + "…" would be 6, but 語 does not fit in 1. */
	static const char cjk[] = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88";
	for (int width = 1; width <= 14; width++) {
		char *out;
		int used = cut(cjk, sizeof(cjk) - 1, width, false, &out);
		size_t len = strlen(out);
		bool valid = utf8_first_invalid(out, len) == len;
		int w = text_width(out, len);
		bool ellipsis = len >= 3 && memcmp(out + len - 3, "\xE2\x80\xA6", 3) == 0;
		free(out);
		assert_true(valid);
		assert_true(w <= width);
		assert_int_equal(used, w);
		if (width < 14)
			assert_true(ellipsis);
	}
	char *out;
	cut(cjk, sizeof(cjk) - 1, 6, false, &out);
	bool ok = strcmp(out, "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6") == 0;
	free(out);
	assert_true(ok);
}

static void test_cut_zero_width_gives_nothing(void **state)
{
	(void)state;
	char *out;
	int used = cut(LIT("abc"), 0, false, &out);
	bool empty = out[0] == '\0';
	free(out);
	assert_int_equal(used, 0);
	assert_true(empty);
}

/* ---- text_wrap ---- */

struct wrapped {
	char lines[16][64];
	size_t n;
	int max_width;
};

static void wrap(const char *s, int width, struct wrapped *w)
{
	struct text_lines tl = {0};
	text_wrap(&tl, s, strlen(s), width);
	memset(w, 0, sizeof(*w));
	w->n = tl.n;
	for (size_t i = 0; i < tl.n && i < 16; i++) {
		size_t len = tl.lines[i].len < 63 ? tl.lines[i].len : 63;
		memcpy(w->lines[i], s + tl.lines[i].off, len);
		int lw = text_width(s + tl.lines[i].off, tl.lines[i].len);
		if (lw > w->max_width)
			w->max_width = lw;
	}
	text_lines_free(&tl);
}

static void assert_wrap(const char *s, int width, size_t n, const char *const *want)
{
	struct wrapped w;
	wrap(s, width, &w);
	bool ok = w.n == n;
	for (size_t i = 0; ok && i < n; i++)
		ok = strcmp(w.lines[i], want[i]) == 0;
	if (!ok) {
		print_error("wrap of \"%s\" at %d gave %zu lines:\n", s, width, w.n);
		for (size_t i = 0; i < w.n && i < 16; i++)
			print_error("  [%s]\n", w.lines[i]);
	}
	assert_true(ok);
	assert_true(w.max_width <= width);
}

static void test_wrap_at_spaces(void **state)
{
	(void)state;
	const char *want[] = {"the quick", "brown fox", "jumps over", "the lazy", "dog"};
	assert_wrap("the quick brown fox jumps over the lazy dog", 10, 5, want);
}

static void test_wrap_breaks_long_word(void **state)
{
	(void)state;
	const char *want[] = {"supercalif", "ragilistic", "expialidoc", "ious word"};
	assert_wrap("supercalifragilisticexpialidocious word", 10, 4, want);
}

static void test_wrap_respects_newlines(void **state)
{
	(void)state;
	const char *want[] = {"one", "two three", "", "four"};
	assert_wrap("one\ntwo three\n\nfour", 20, 4, want);
}

static void test_wrap_cjk_by_width(void **state)
{
	(void)state;
	/* 日本語のテキストを折り返す: 13 characters, 2 columns each; 3 fit in 7 columns. */
	const char *want[] = {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD",
			      "\xE3\x82\xB9\xE3\x83\x88\xE3\x82\x92", "\xE6\x8A\x98\xE3\x82\x8A\xE8\xBF\x94",
			      "\xE3\x81\x99"};
	assert_wrap("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83"
		    "\x88\xE3\x82\x92\xE6\x8A\x98\xE3\x82\x8A\xE8\xBF\x94\xE3\x81\x99",
		    7, 5, want);
}

static void test_wrap_exact_fit(void **state)
{
	(void)state;
	const char *want[] = {"abcde", "fghij"};
	assert_wrap("abcde fghij", 5, 2, want);
}

static void test_wrap_no_line_wider_than_width(void **state)
{
	(void)state;
	static const char *const texts[] = {
		("The ICANN Board and ICANN org should perform a further comprehensive review of the SSR1 "
		 "recommendations and execute a new plan."),
		"a \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E mixed e\xCC\x81t\xC3\xA9 words",
		"^[]2;title^G escaped <U+202E> text \\xFF with https://example.org/a/very/long/path/that/breaks",
		"line one\nline two is longer than the others\n\nlast",
	};
	for (size_t t = 0; t < sizeof(texts) / sizeof(*texts); t++) {
		for (int width = 2; width <= 30; width++) {
			struct text_lines tl = {0};
			text_wrap(&tl, texts[t], strlen(texts[t]), width);
			int widest = 0;
			for (size_t i = 0; i < tl.n; i++) {
				int w = text_width(texts[t] + tl.lines[i].off, tl.lines[i].len);
				widest = w > widest ? w : widest;
			}
			text_lines_free(&tl);
			if (widest > width)
				print_error("text %zu at width %d has a line of %d columns\n", t, width, widest);
			assert_true(widest <= width);
		}
	}
}

/*
 * A run of spaces at a break is a break, not a line: "aaaa  bbbb" at 4 columns is "aaaa" then "bbbb".
 * Known failure: text_wrap breaks at the first overflowing space, then starts the next line with the
 * second space; when "bbbb" overflows, it breaks at that space and pushes the line [" "], trimmed
 * to "", so a blank line appears in the middle of a paragraph.
 */
static void test_wrap_double_space_at_break_makes_no_empty_line(void **state)
{
	(void)state;
	const char *want[] = {"aaaa", "bbbb"};
	assert_wrap("aaaa  bbbb", 4, 2, want);
}

/* A detached buffer owns nothing (dropping it leaks nothing, as the sanitizer build checks) and
 * still works when used again. */
static void test_detach_leaves_a_usable_empty_buffer(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", "dir", "name");
	char *first = sb_detach(&sb);
	assert_string_equal(first, "dir/name");
	assert_null(sb.data);
	assert_int_equal(sb.len, 0);
	char *empty = sb_detach(&sb);
	assert_string_equal(empty, "");
	sb_reset(&sb);
	sb_addf(&sb, "%d", 42);
	sb_adds(&sb, "!");
	assert_string_equal(sb.data, "42!");
	sb_free(&sb);
	free(first);
	free(empty);
}

int run_text_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detach_leaves_a_usable_empty_buffer),
		cmocka_unit_test(test_sanitize_keeps_plain_text),
		cmocka_unit_test(test_sanitize_caret_notation_for_c0_and_del),
		cmocka_unit_test(test_sanitize_c1_controls_as_code_points),
		cmocka_unit_test(test_sanitize_bidi_controls_visible),
		cmocka_unit_test(test_sanitize_zero_width_visible),
		cmocka_unit_test(test_sanitize_invalid_bytes_as_hex),
		cmocka_unit_test(test_sanitize_osc_title_leaves_no_control_byte),
		cmocka_unit_test(test_sanitize_expands_tabs_to_multiple_of_8),
		cmocka_unit_test(test_sanitize_tab_columns_restart_after_newline),
		cmocka_unit_test(test_sanitize_newlines_become_spaces_by_default),
		cmocka_unit_test(test_sanitize_keeps_newlines_when_asked),
		cmocka_unit_test(test_has_escapes),
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_width_cjk_two_columns_each),
		cmocka_unit_test(test_width_combining_marks_zero),
		cmocka_unit_test(test_width_controls_not_printable),
		cmocka_unit_test(test_cluster_is_one_glyph),
		cmocka_unit_test(test_cluster_caps_marks_with_a_count),
		cmocka_unit_test(test_marks_without_a_base),
		cmocka_unit_test(test_cut_and_wrap_keep_cluster_whole),
		cmocka_unit_test(test_cut_short_text_unchanged),
		cmocka_unit_test(test_cut_ends_with_ellipsis),
		cmocka_unit_test(test_cut_ascii_variant_uses_tilde),
		cmocka_unit_test(test_cut_never_splits_wide_character),
		cmocka_unit_test(test_cut_zero_width_gives_nothing),
		cmocka_unit_test(test_wrap_at_spaces),
		cmocka_unit_test(test_wrap_breaks_long_word),
		cmocka_unit_test(test_wrap_respects_newlines),
		cmocka_unit_test(test_wrap_cjk_by_width),
		cmocka_unit_test(test_wrap_exact_fit),
		cmocka_unit_test(test_wrap_no_line_wider_than_width),
		cmocka_unit_test(test_wrap_double_space_at_break_makes_no_empty_line),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
