/*
 * test_hostile.c - tests/data/hostile holds terminal escape sequences (OSC title, CSI, DCS,
 * hyperlinks), bidi overrides and isolates, zero-width characters, C1 controls, wide CJK and
 * combining marks in every file. Nothing of it may reach the output as a control: report output may
 * hold no byte < 0x20 but '\n', no DEL, no C1 control, no bidi or zero-width character, and must be
 * valid UTF-8.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/model.h"
#include "recview/report.h"
#include "recview/text.h"
#include "recview/utf8.h"

#define HOSTILE_DIR "tests/data/hostile"

struct captured {
	char *buf;
	size_t len;
};

/* Describes the first forbidden byte sequence in s, or returns NULL when s is clean. */
static const char *first_forbidden(const char *s, size_t len, size_t *at)
{
	static const struct {
		const char *bytes;
		const char *what;
	} banned[] = {
		{"\xE2\x80\xAE", "U+202E RLO"}, {"\xE2\x80\xAD", "U+202D LRO"}, {"\xE2\x80\xAB", "U+202B RLE"},
		{"\xE2\x81\xA6", "U+2066 LRI"}, {"\xE2\x81\xA7", "U+2067 RLI"}, {"\xE2\x81\xA9", "U+2069 PDI"},
		{"\xE2\x80\x8B", "U+200B ZWSP"}, {"\xE2\x80\x8F", "U+200F RLM"}, {"\xEF\xBB\xBF", "U+FEFF BOM"},
	};
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		*at = i;
		if ((c < 0x20 && c != '\n') || c == 0x7F)
			return "C0 control or DEL";
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F)
			return "C1 control";
		for (size_t b = 0; b < sizeof(banned) / sizeof(*banned); b++)
			if (i + 3 <= len && memcmp(s + i, banned[b].bytes, 3) == 0)
				return banned[b].what;
	}
	*at = utf8_first_invalid(s, len);
	return *at < len ? "invalid UTF-8" : NULL;
}

static void assert_clean(const struct captured *out, const char *what)
{
	size_t at = 0;
	const char *bad = first_forbidden(out->buf, out->len, &at);
	if (bad) {
		size_t from = at > 20 ? at - 20 : 0;
		print_error("%s: %s at byte %zu, after \"%.*s\"\n", what, bad, at, (int)(at - from), out->buf + from);
	}
	assert_null(bad);
}

static void show_all(const struct rv_model *m, int width, struct captured *out)
{
	FILE *f = open_memstream(&out->buf, &out->len);
	assert_non_null(f);
	for (size_t i = 0; i < m->nrecs; i++)
		report_show(m, i, width, f);
	fclose(f);
}

static void test_hostile_loads_without_errors(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, HOSTILE_DIR), RV_OK);
	assert_int_equal(m.nrecs, 2);
	assert_int_equal(m.diags.errors, 0);
	/* H-2's hostile status and the one stray 0x9B byte in questions.csv. */
	assert_int_equal(m.diags.warnings, 2);
	for (size_t i = 0; i < m.diags.n; i++) {
		const struct diag *d = &m.diags.items[i];
		if (strstr(d->file, "questions.csv"))
			assert_diag(&m.diags, i, DIAG_WARNING, 3, 28, "invalid UTF-8 byte 0x9B");
		else
			assert_diag(&m.diags, i, DIAG_WARNING, 4, 59, "unknown status '^[]2;pwned^G<U+202E>'");
	}
	assert_int_equal(m.recs[0].count[RV_DELIVERABLES], 2);
	assert_int_equal(m.recs[0].count[RV_QUESTIONS], 1);
	assert_int_equal(m.recs[0].count[RV_HISTORY], 2);
	rv_model_free(&m);
}

static void test_hostile_show_has_no_control_bytes(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, HOSTILE_DIR), RV_OK);
	static const int widths[] = {20, 40, 60, 80, 132};
	for (size_t w = 0; w < sizeof(widths) / sizeof(*widths); w++) {
		struct captured out = {0};
		show_all(&m, widths[w], &out);
		size_t at;
		const char *bad = first_forbidden(out.buf, out.len, &at);
		if (bad)
			print_error("width %d: %s at byte %zu\n", widths[w], bad, at);
		free(out.buf);
		assert_null(bad);
	}
	rv_model_free(&m);
}

static void test_hostile_show_makes_escapes_visible(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, HOSTILE_DIR), RV_OK);
	struct captured out = {0};
	show_all(&m, 80, &out);
	rv_model_free(&m);
	/* Shown, not dropped: the reader can see what the file tried to do. */
	bool title = strstr(out.buf, "^[]2;pwned^GTitle") != NULL;
	bool note = strstr(out.buf, "^[]2;pwned^G note^[[0m") != NULL;
	bool rlo = strstr(out.buf, "<U+202E>gnp.exe") != NULL;
	bool c1 = strstr(out.buf, "<U+009B> C1 CSI") != NULL;
	bool zw = strstr(out.buf, "zero<U+200B>width") != NULL;
	bool bad_byte = strstr(out.buf, "\\x9B?") != NULL;
	bool cjk = strstr(out.buf, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") != NULL;
	bool combining = strstr(out.buf, "e\xCC\x81 a\xCC\x8A") != NULL;
	free(out.buf);
	assert_true(title);
	assert_true(note);
	assert_true(rlo);
	assert_true(c1);
	assert_true(zw);
	assert_true(bad_byte);
	assert_true(cjk);
	assert_true(combining);
}

static void test_hostile_show_fits_width(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, HOSTILE_DIR), RV_OK);
	struct captured out = {0};
	show_all(&m, 60, &out);
	rv_model_free(&m);
	int widest = 0;
	char *line = out.buf, *end = out.buf + out.len;
	while (line < end) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t len = nl ? (size_t)(nl - line) : (size_t)(end - line);
		int w = text_width(line, len);
		if (w > 60)
			print_error("line of %d columns: %.*s\n", w, (int)len, line);
		widest = w > widest ? w : widest;
		line += len + 1;
	}
	free(out.buf);
	assert_true(widest <= 60);
}

static void test_hostile_check_output_clean(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, HOSTILE_DIR), RV_OK);
	struct captured out = {0};
	FILE *f = open_memstream(&out.buf, &out.len);
	assert_non_null(f);
	report_diagnostics(&m.diags, f);
	report_summary(&m, f);
	fclose(f);
	rv_model_free(&m);
	assert_clean(&out, "--check output");
	bool summary = strstr(out.buf, "recommendations: 2\n") != NULL;
	bool quoted = strstr(out.buf, "recommendations.csv:4:59: ") != NULL &&
		      strstr(out.buf, "warning: unknown status '^[]2;pwned^G<U+202E>' (kept as written") != NULL;
	free(out.buf);
	assert_true(summary);
	assert_true(quoted);
}

int run_hostile_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_loads_without_errors),
		cmocka_unit_test(test_hostile_show_has_no_control_bytes),
		cmocka_unit_test(test_hostile_show_makes_escapes_visible),
		cmocka_unit_test(test_hostile_show_fits_width),
		cmocka_unit_test(test_hostile_check_output_clean),
	};
	return cmocka_run_group_tests_name("hostile", tests, NULL, NULL);
}
