/*
 * test_dialect.c - data sets in the encodings exports come in: read decoded, changed, and written
 * back in their own encoding, every untouched byte the same; text a file's encoding cannot hold is
 * refused before anything is written.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "recview/arena.h"
#include "recview/encoding.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/strbuf.h"
#include "recview/table_files.h"
#include "recview/triage.h"

#define NOW "2026-11-23T14:05:00"

static char root[64];

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	snprintf(root, sizeof(root), "/tmp/recview-dialect-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

static const char *path_of(const char *name)
{
	static char bufs[8][512];
	static int next;
	char *p = bufs[next++ % 8];
	snprintf(p, sizeof(bufs[0]), "%s/ds/%s", root, name);
	return p;
}

static void put(const char *name, const char *bytes, size_t len)
{
	FILE *f = fopen(path_of(name), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void assert_file_bytes(const char *name, const char *want, size_t want_len)
{
	size_t len;
	char *got = read_whole_file(path_of(name), &len);
	assert_non_null(got);
	if (len != want_len || memcmp(got, want, len) != 0) {
		print_bytes("got ", got, len);
		print_bytes("want", want, want_len);
		fail();
	}
	free(got);
}

/* UTF-8 text in enc (the test's own expectations are written in UTF-8). */
static char *in_encoding(enum rv_encoding enc, const char *utf8, size_t *len)
{
	struct strbuf sb;
	sb_init(&sb);
	size_t bad;
	assert_true(rv_encode(enc, utf8, strlen(utf8), &sb, &bad));
	*len = sb.len;
	return sb_detach(&sb);
}

struct set {
	struct rv_model m;
	struct rv_session s;
};

static void open_set(struct set *x, enum rv_encoding enc, const char *recs, const char *hist)
{
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/ds", root);
	remove_tree(dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	size_t n;
	char *b = in_encoding(enc, recs, &n);
	put("recommendations.csv", b, n);
	free(b);
	b = in_encoding(enc, hist, &n);
	put("status_history.csv", b, n);
	free(b);
	load_ok(&x->m, dir);
	rv_session_open(&x->s, &x->m, "zoë", false);
}

static void close_set(struct set *x)
{
	rv_session_free(&x->s);
	rv_model_free(&x->m);
}

static void assert_file_in(enum rv_encoding enc, const char *name, const char *utf8)
{
	size_t n;
	char *want = in_encoding(enc, utf8, &n);
	assert_file_bytes(name, want, n);
	free(want);
}

static const char recs_text[] = "id,review,number,title,text,decision,status,priority,source\r\n"
				"R-1,R,1,Caf\xC3\xA9 \xE2\x80\x93 the \xE2\x80\x9C" "first\xE2\x80\x9D,It\xE2\x80\x99s text,approved,in "
				"progress,,s1\r\n"
				"R-2,R,2,Two,Second,pending,,,s1\r\n";
static const char hist_text[] = "rec_id,date,decision,status,source,note\r\n"
				"R-1,2020-01-01,approved,in progress,s1,d\xC3\xA9j\xC3\xA0 vu\r\n";

static void check_change_written_back(enum rv_encoding enc)
{
	struct set x;
	open_set(&x, enc, recs_text, hist_text);
	assert_int_equal(x.m.tables[RV_RECS].csv.encoding, enc);
	assert_int_equal(x.m.diags.n, 0);
	long r1 = rv_find_rec(&x.m, "R-1", 3);
	struct rv_text title = rv_rec_field(&x.m, (size_t)r1, REC_TITLE);
	assert_int_equal(title.len, strlen("Caf\xC3\xA9 \xE2\x80\x93 the \xE2\x80\x9C" "first\xE2\x80\x9D"));

	/* a status change: the history row appended in the file's encoding, the other rows untouched */
	assert_true(rv_change_status(&x.s, (size_t)r1, "complete", "na\xC3\xAFve \xE2\x80\x99note\xE2\x80\x99", NULL));
	assert_string_equal(x.s.error, "");
	assert_file_in(enc, "status_history.csv",
		       "rec_id,date,decision,status,source,note\r\n"
		       "R-1,2020-01-01,approved,in progress,s1,d\xC3\xA9j\xC3\xA0 vu\r\n"
		       "R-1,2026-11-23,,complete,recview: zo\xC3\xAB,na\xC3\xAFve \xE2\x80\x99note\xE2\x80\x99\r\n");
	assert_file_in(enc, "recommendations.csv",
		       "id,review,number,title,text,decision,status,priority,source\r\n"
		       "R-1,R,1,Caf\xC3\xA9 \xE2\x80\x93 the \xE2\x80\x9C" "first\xE2\x80\x9D,It\xE2\x80\x99s text,approved,complete,,s1\r\n"
		       "R-2,R,2,Two,Second,pending,,,s1\r\n");
	/* undo gives back the very bytes */
	assert_true(rv_undo(&x.s));
	assert_file_in(enc, "recommendations.csv", recs_text);
	assert_file_in(enc, "status_history.csv", hist_text);
	close_set(&x);
}

static void test_windows_1252_written_back(void **state)
{
	(void)state;
	check_change_written_back(RV_ENC_CP1252);
}

static void test_utf16le_written_back(void **state)
{
	(void)state;
	check_change_written_back(RV_ENC_UTF16LE);
}

static void test_utf16be_written_back(void **state)
{
	(void)state;
	check_change_written_back(RV_ENC_UTF16BE);
}

/* An emoji cannot go into a Windows-1252 file: refused, with the reason, and nothing written. */
static void test_text_the_encoding_cannot_hold_is_refused(void **state)
{
	(void)state;
	struct set x;
	open_set(&x, RV_ENC_CP1252, recs_text, hist_text);
	long r1 = rv_find_rec(&x.m, "R-1", 3);
	assert_false(rv_change_status(&x.s, (size_t)r1, "complete", "done \xF0\x9F\x8E\x89", NULL));
	assert_non_null(strstr(x.s.error, "status_history.csv is in Windows-1252, which cannot hold"));
	assert_non_null(strstr(x.s.error, "nothing was changed"));
	assert_false(rv_session_has_unsaved(&x.s));
	assert_file_in(RV_ENC_CP1252, "status_history.csv", hist_text);
	assert_file_in(RV_ENC_CP1252, "recommendations.csv", recs_text);
	close_set(&x);
}

/* Asked to, a file is converted to UTF-8 with the change that needed it: one commit, all of it rewritten. */
static void test_convert_to_utf8_for_a_change(void **state)
{
	(void)state;
	struct set x;
	open_set(&x, RV_ENC_CP1252, recs_text, hist_text);
	long r1 = rv_find_rec(&x.m, "R-1", 3);
	assert_false(rv_change_status(&x.s, (size_t)r1, "complete", "done \xF0\x9F\x8E\x89", NULL));
	assert_int_equal(x.s.cannot_hold, RV_HISTORY);
	assert_true(rv_session_convert_to_utf8(&x.s, RV_HISTORY));
	assert_true(rv_change_status(&x.s, (size_t)r1, "complete", "done \xF0\x9F\x8E\x89", NULL));
	assert_false(rv_session_has_unsaved(&x.s));
	assert_file_in(RV_ENC_UTF8, "status_history.csv",
		       "rec_id,date,decision,status,source,note\r\n"
		       "R-1,2020-01-01,approved,in progress,s1,d\xC3\xA9j\xC3\xA0 vu\r\n"
		       "R-1,2026-11-23,,complete,recview: zo\xC3\xAB,done \xF0\x9F\x8E\x89\r\n");
	/* the other file keeps its own encoding */
	assert_int_equal(rv_encoding_detect(LIT("x")), RV_ENC_UTF8);
	assert_int_equal(x.m.tables[RV_RECS].csv.encoding, RV_ENC_CP1252);
	assert_false(rv_session_convert_to_utf8(&x.s, RV_HISTORY)); /* UTF-8 already */
	close_set(&x);
}

/* Detection of the legacy encodings from their byte patterns; UTF-8 with a stray byte stays UTF-8. */
static void test_detection(void **state)
{
	(void)state;
	assert_int_equal(rv_encoding_detect(LIT("id\n1\n")), RV_ENC_UTF8);
	assert_int_equal(rv_encoding_detect(LIT("caf\xC3\xA9 \xFF\n")), RV_ENC_UTF8);
	assert_int_equal(rv_encoding_detect(LIT("\xEF\xBB\xBF" "caf\xE9\n")), RV_ENC_UTF8);
	assert_int_equal(rv_encoding_detect(LIT("caf\xE9 \x92s\r\n")), RV_ENC_CP1252);
	assert_int_equal(rv_encoding_detect(LIT("caf\x8E \xD5s\r")), RV_ENC_MACROMAN);
	assert_int_equal(rv_encoding_detect(LIT("\xFF\xFEi\0")), RV_ENC_UTF16LE);
	assert_int_equal(rv_encoding_detect(LIT("\xFE\xFF\0i")), RV_ENC_UTF16BE);
	/* the five bytes Windows-1252 leaves undefined travel through as C1 code points */
	struct strbuf a, b;
	sb_init(&a);
	sb_init(&b);
	size_t bad;
	assert_true(rv_decode(RV_ENC_CP1252, LIT("\x81\x8D\x8F\x90\x9D\x80"), &a, &bad));
	assert_string_equal(a.data, "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D\xE2\x82\xAC");
	assert_true(rv_encode(RV_ENC_CP1252, a.data, a.len, &b, &bad));
	assert_int_equal(b.len, 6);
	assert_memory_equal(b.data, "\x81\x8D\x8F\x90\x9D\x80", 6);
	sb_reset(&b);
	assert_false(rv_encode(RV_ENC_CP1252, LIT("ok \xE4\xB8\xAD"), &b, &bad));
	assert_int_equal(bad, 3);
	sb_free(&a);
	sb_free(&b);
}

/* The file of a table under the names downloads give it; recview's own files only by the same pattern. */
static void test_table_file_names(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/ds", root);
	remove_tree(dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	put("SSR tracker - recommendations.csv", LIT("id,title\nR-1,One\n"));
	put("deliverables (1).csv", LIT("rec_id,description\nR-1,a\n"));
	put("SSR tracker - notes.csv", LIT("rec_id,time,author,note\nR-1,2026-01-01T00:00:00,ann,hi\n"));
	put("meeting agenda.csv", LIT("rec_id\nR-1\n"));
	put("my_questions.txt", LIT("rec_id,qid,question\nR-1,1.1,why\n"));
	put("prerecommendations.csv", LIT("x\n"));
	size_t others;
	char *name = rv_find_table_file(dir, "recommendations.csv", &others);
	assert_string_equal(name, "SSR tracker - recommendations.csv");
	assert_int_equal(others, 0);
	free(name);
	struct rv_model m;
	load_ok(&m, dir);
	assert_string_equal(rv_table_file(&m, RV_RECS), "SSR tracker - recommendations.csv");
	assert_string_equal(rv_table_file(&m, RV_DELIVERABLES), "deliverables (1).csv");
	assert_string_equal(rv_table_file(&m, RV_QUESTIONS), "my_questions.txt");
	assert_string_equal(rv_table_file(&m, RV_NOTES), "SSR tracker - notes.csv");
	assert_string_equal(rv_table_file(&m, RV_AGENDA), "agenda.csv"); /* not "meeting agenda.csv" */
	assert_true(m.tables[RV_NOTES].present);
	assert_false(m.tables[RV_AGENDA].present);
	assert_int_equal(m.recs[0].count[RV_DELIVERABLES], 1);
	rv_model_free(&m);
}

/* A tracker's own header: punctuation does not matter, and a column of sentences is never the id. */
static void test_tracker_header(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/ds", root);
	remove_tree(dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	put("recommendations.csv",
	    LIT("Rec. No.,Recommendation,Implementation status:,Priority level,Board action\n"
		"R-1,ICANN should publish a single clear statement of its remit.,On hold,High,Approved in part\n"
		"R-2,ICANN should review its definition of the remit every year.,Completed,Low,Deferred\n"));
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.diags.n, 0);
	long r = rv_find_rec(&m, "R-1", 3);
	assert_true(r >= 0);
	struct rv_text text = rv_rec_field(&m, (size_t)r, REC_TEXT);
	assert_int_equal(text.len, strlen("ICANN should publish a single clear statement of its remit."));
	assert_int_equal(rv_rec_status(&m, (size_t)r, RV_DATE_NONE), RV_STATUS_BEHIND);
	assert_int_equal(rv_rec_decision(&m, (size_t)r, RV_DATE_NONE), RV_DECISION_APPROVED);
	assert_int_equal(rv_rec_priority(&m, (size_t)r), 2);
	r = rv_find_rec(&m, "R-2", 3);
	assert_int_equal(rv_rec_status(&m, (size_t)r, RV_DATE_NONE), RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_decision(&m, (size_t)r, RV_DATE_NONE), RV_DECISION_PENDING);
	assert_int_equal(rv_rec_priority(&m, (size_t)r), 4);
	rv_model_free(&m);
}

/* A change is written in the file's own words: its spelling of the value, else its case. */
static void test_change_in_the_files_words(void **state)
{
	(void)state;
	struct set x;
	open_set(&x, RV_ENC_UTF8,
		 "id,title,status,priority\nR-1,One,In Progress,High\nR-2,Two,Completed,Low\nR-3,Three,,\n",
		 "rec_id,date,status,source\nR-2,2020-01-01,DONE,s\nR-1,2020-01-01,OPEN,s\n");
	long r1 = rv_find_rec(&x.m, "R-1", 3), r3 = rv_find_rec(&x.m, "R-3", 3);
	assert_true(rv_change_status(&x.s, (size_t)r1, "complete", NULL, NULL));
	assert_true(rv_change_status(&x.s, (size_t)r3, "behind schedule", NULL, NULL));
	assert_true(rv_change_priority(&x.s, (size_t)r3, "P4"));
	assert_file_in(RV_ENC_UTF8, "recommendations.csv",
		       "id,title,status,priority\nR-1,One,Completed,High\nR-2,Two,Completed,Low\nR-3,Three,Behind schedule,Low\n");
	assert_file_in(RV_ENC_UTF8, "status_history.csv",
		       "rec_id,date,status,source\nR-2,2020-01-01,DONE,s\nR-1,2020-01-01,OPEN,s\n"
		       "R-1,2026-11-23,DONE,recview: zo\xC3\xAB\n"
		       "R-3,2026-11-23,BEHIND SCHEDULE,recview: zo\xC3\xAB\n");
	/* undo finds its rows again although they hold the file's words, not recview's */
	assert_true(rv_undo(&x.s));
	assert_true(rv_undo(&x.s));
	assert_true(rv_undo(&x.s));
	assert_file_in(RV_ENC_UTF8, "status_history.csv", "rec_id,date,status,source\nR-2,2020-01-01,DONE,s\nR-1,2020-01-01,OPEN,s\n");
	close_set(&x);
}

/* New history dates in the history's own style; undo still finds the row. */
static void test_dates_in_the_files_style(void **state)
{
	(void)state;
	static const struct {
		const char *sample, *want;
	} cases[] = {
		{"30/06/2016", "23/11/2026"}, {"6/30/2016", "11/23/2026"}, {"30.06.2016", "23.11.2026"},
		{"30 June 2016", "23 November 2026"}, {"Jun 30, 2016", "Nov 23, 2026"}, {"2016-06-30", "2026-11-23"},
		{"Nov. 2015", "2026-11-23"}, /* a month: its style says nothing of days, so ISO */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char hist[256], want[512];
		snprintf(hist, sizeof(hist), "rec_id,date,status,source\nR-1,\"%s\",in progress,s\n", cases[i].sample);
		struct set x;
		open_set(&x, RV_ENC_UTF8, "id,title,status\nR-1,One,in progress\n", hist);
		assert_true(rv_change_status(&x.s, 0, "complete", NULL, NULL));
		snprintf(want, sizeof(want), "%sR-1,%s%s%s,complete,recview: zo\xC3\xAB\n", hist,
			 strchr(cases[i].want, ',') ? "\"" : "", cases[i].want, strchr(cases[i].want, ',') ? "\"" : "");
		assert_file_in(RV_ENC_UTF8, "status_history.csv", want);
		assert_true(rv_undo(&x.s));
		assert_file_in(RV_ENC_UTF8, "status_history.csv", hist);
		close_set(&x);
	}
}

int run_dialect_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_1252_written_back),
		cmocka_unit_test(test_utf16le_written_back),
		cmocka_unit_test(test_utf16be_written_back),
		cmocka_unit_test(test_text_the_encoding_cannot_hold_is_refused),
		cmocka_unit_test(test_detection),
		cmocka_unit_test(test_convert_to_utf8_for_a_change),
		cmocka_unit_test(test_table_file_names),
		cmocka_unit_test(test_tracker_header),
		cmocka_unit_test(test_change_in_the_files_words),
		cmocka_unit_test(test_dates_in_the_files_style),
	};
	return cmocka_run_group_tests_name("dialect", tests, setup, teardown);
}
