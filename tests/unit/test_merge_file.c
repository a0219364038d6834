/*
 * test_merge_file.c - git's merge of one table file (merge_file.h): each case gives base, ours and
 * theirs as the tools write them (recview appending rows, a spreadsheet rewriting a cell) and checks
 * the merged bytes exactly, the conflicts and what the driver leaves in %A; then a table left with
 * conflict markers, read as loading reads it.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/merge_file.h"
#include "recview/model.h"
#include "recview/strbuf.h"
#include "recview/table_files.h"

#define RECS_HEADER "id,title,status,priority\n"
#define HIST_HEADER "rec_id,date,decision,status,source,note\n"

struct result {
	enum rv_result res;
	struct strbuf out;
	struct rv_merge_report rep;
};

static void merge3(struct result *r, const char *name, const char *base, const char *ours, const char *theirs)
{
	sb_init(&r->out);
	rv_merge_report_init(&r->rep);
	r->res = rv_merge_tables(name, base, strlen(base), ours, strlen(ours), theirs, strlen(theirs), &r->out, &r->rep);
}

static void assert_merged(struct result *r, enum rv_result want, const char *text)
{
	if (r->res != want || r->out.len != strlen(text) || memcmp(r->out.data, text, r->out.len) != 0) {
		print_message("merge gave %s (%s), wanted %s\n", rv_result_name(r->res), r->rep.why, rv_result_name(want));
		print_bytes("got", r->out.data ? r->out.data : "", r->out.len);
		print_bytes("want", text, strlen(text));
	}
	assert_int_equal(r->res, want);
	assert_int_equal(r->out.len, strlen(text));
	assert_memory_equal(r->out.data, text, strlen(text));
}

static void result_free(struct result *r)
{
	sb_free(&r->out);
	rv_merge_report_free(&r->rep);
}

static void test_table_of_name(void **state)
{
	(void)state;
	assert_int_equal(rv_table_kind_of_name("recommendations.csv"), RV_RECS);
	assert_int_equal(rv_table_kind_of_name("data/SSR tracker - status_history.csv"), RV_HISTORY);
	assert_int_equal(rv_table_kind_of_name("notes (1).csv"), RV_NOTES);
	assert_int_equal(rv_table_kind_of_name("Deliverables.tsv"), RV_DELIVERABLES);
	assert_int_equal(rv_table_kind_of_name("budget.csv"), -1);
	assert_int_equal(rv_table_kind_of_name(".recview-journal"), -1);
}

/* Each side changed other cells, of one row and of others: all of it is kept. */
static void test_cell_from_one_side(void **state)
{
	(void)state;
	struct result r;
	merge3(&r, "recommendations.csv", RECS_HEADER "R-1,One,open,P1\nR-2,Two,open,P2\nR-3,Three,open,\n",
	       RECS_HEADER "R-1,One,complete,P1\nR-2,Two,open,P2\nR-3,Three,open,\n",
	       RECS_HEADER "R-1,One,open,P3\nR-2,Two,open,P2\nR-3,Three again,open,\n");
	assert_merged(&r, RV_OK, RECS_HEADER "R-1,One,complete,P3\nR-2,Two,open,P2\nR-3,Three again,open,\n");
	assert_int_equal(r.rep.conflicts, 0);
	result_free(&r);
}

/* The same new value on both sides is no conflict. */
static void test_same_value_both_sides(void **state)
{
	(void)state;
	struct result r;
	merge3(&r, "recommendations.csv", RECS_HEADER "R-1,One,open,P1\nR-2,Two,open,\n",
	       RECS_HEADER "R-1,One,complete,P1\nR-2,Two,open,\n", RECS_HEADER "R-1,One,complete,P1\nR-2,Two,open,P4\n");
	assert_merged(&r, RV_OK, RECS_HEADER "R-1,One,complete,P1\nR-2,Two,open,P4\n");
	result_free(&r);
}

/* One cell changed both ways: markers around that row only, each side with the other merges made. */
static void test_true_conflict(void **state)
{
	(void)state;
	struct result r;
	merge3(&r, "recommendations.csv", RECS_HEADER "R-1,One,open,P1\nR-2,Two,open,\nR-3,Three,open,\n",
	       RECS_HEADER "R-1,One,complete,P1\nR-2,Two,open,\nR-3,Three,open,\n",
	       RECS_HEADER "R-1,One!,deferred,P1\nR-2,Two,open,\nR-3,Three,in progress,\n");
	assert_merged(&r, RV_E_CONFLICT,
		      RECS_HEADER "<<<<<<< ours\nR-1,One!,complete,P1\n=======\nR-1,One!,deferred,P1\n>>>>>>> theirs\n"
				  "R-2,Two,open,\nR-3,Three,in progress,\n");
	assert_int_equal(r.rep.conflicts, 1);
	assert_non_null(strstr(r.rep.details.data, "'R-1': 'status': ours 'complete', theirs 'deferred'"));
	result_free(&r);
}

/* History rows added on both sides are all kept, interleaved by date, ours first on the same date. */
static void test_appended_rows_in_date_order(void **state)
{
	(void)state;
	const char *base = HIST_HEADER "R-1,2020-01-01,,open,,\nR-2,2020-02-01,,open,,\n";
	struct result r;
	merge3(&r, "status_history.csv", base,
	       HIST_HEADER "R-1,2020-01-01,,open,,\nR-2,2020-02-01,,open,,\nR-1,2026-03-01,,complete,recview: ann,a\n"
			   "R-2,2026-05-01,,complete,recview: ann,b\n",
	       HIST_HEADER "R-1,2020-01-01,,open,,\nR-2,2020-02-01,,open,,\nR-3,2026-02-01,,open,recview: bob,c\n"
			   "R-3,2026-03-01,,in progress,recview: bob,d\nR-3,2026-04-01,,complete,recview: bob,e\n");
	assert_merged(&r, RV_OK,
		      HIST_HEADER "R-1,2020-01-01,,open,,\nR-2,2020-02-01,,open,,\nR-3,2026-02-01,,open,recview: bob,c\n"
				  "R-1,2026-03-01,,complete,recview: ann,a\nR-3,2026-03-01,,in progress,recview: bob,d\n"
				  "R-3,2026-04-01,,complete,recview: bob,e\nR-2,2026-05-01,,complete,recview: ann,b\n");
	assert_int_equal(r.rep.from_theirs, 3);
	result_free(&r);
}

/* A note added on both sides (the same row: pulled by both) is kept once. */
static void test_duplicate_appended_row(void **state)
{
	(void)state;
	const char *h = "rec_id,time,author,note\n";
	struct result r;
	merge3(&r, "notes.csv", "rec_id,time,author,note\nR-1,2026-01-01T10:00:00,ann,first\n",
	       "rec_id,time,author,note\nR-1,2026-01-01T10:00:00,ann,first\nR-2,2026-01-02T09:00:00,ann,\"both, same\"\n",
	       "rec_id,time,author,note\nR-1,2026-01-01T10:00:00,ann,first\nR-2,2026-01-02T09:00:00,ann,\"both, same\"\n"
	       "R-3,2026-01-02T11:00:00,bob,theirs\n");
	struct strbuf want;
	sb_init(&want);
	sb_addf(&want, "%sR-1,2026-01-01T10:00:00,ann,first\nR-2,2026-01-02T09:00:00,ann,\"both, same\"\n"
		       "R-3,2026-01-02T11:00:00,bob,theirs\n", h);
	assert_merged(&r, RV_OK, want.data);
	sb_free(&want);
	result_free(&r);
}

/* changes.csv is append-only too: both sides' field changes kept, in time order. */
static void test_changes_log_appended_both_sides(void **state)
{
	(void)state;
	const char *h = "rec_id,item,field,value,previous,time,author,note\n";
	struct strbuf base, ours, theirs, want;
	sb_init(&base);
	sb_init(&ours);
	sb_init(&theirs);
	sb_init(&want);
	sb_addf(&base, "%sR-1,,owner,OCTO,,2026-11-01T09:00:00,ann,\n", h);
	sb_addf(&ours, "%sR-1,,owner,OCTO,,2026-11-01T09:00:00,ann,\nR-1,D2,due,2017-03,2016-09,2026-12-02T10:00:00,ann,late\n", h);
	sb_addf(&theirs, "%sR-1,,owner,OCTO,,2026-11-01T09:00:00,ann,\nR-2,Q1.1,answer,Yes,,2026-12-01T15:00:00,bob,\n", h);
	sb_addf(&want, "%sR-1,,owner,OCTO,,2026-11-01T09:00:00,ann,\nR-2,Q1.1,answer,Yes,,2026-12-01T15:00:00,bob,\n"
		       "R-1,D2,due,2017-03,2016-09,2026-12-02T10:00:00,ann,late\n", h);
	struct result r;
	merge3(&r, "changes.csv", base.data, ours.data, theirs.data);
	assert_merged(&r, RV_OK, want.data);
	result_free(&r);
	sb_free(&base);
	sb_free(&ours);
	sb_free(&theirs);
	sb_free(&want);
}

/* Rows removed on one side go; a row removed on one side and changed on the other is a conflict. */
static void test_deleted_rows(void **state)
{
	(void)state;
	const char *base = RECS_HEADER "R-1,One,open,\nR-2,Two,open,\nR-3,Three,open,\nR-4,Four,open,\n";
	struct result r;
	merge3(&r, "recommendations.csv", base, RECS_HEADER "R-1,One,open,\nR-3,Three,open,\nR-4,Four,done,\n",
	       RECS_HEADER "R-1,One,open,\nR-2,Two,open,\nR-3,Three,open,\n");
	assert_merged(&r, RV_E_CONFLICT,
		      RECS_HEADER "R-1,One,open,\nR-3,Three,open,\n<<<<<<< ours\nR-4,Four,done,\n=======\n>>>>>>> theirs\n");
	assert_non_null(strstr(r.rep.details.data, "'R-4': changed in ours, removed in theirs"));
	result_free(&r);

	merge3(&r, "recommendations.csv", base, RECS_HEADER "R-1,One,open,\nR-2,Two,open,\nR-3,Three,open,\n",
	       RECS_HEADER "R-1,One,open,\nR-2,Two,open,\nR-3,Three,open,\nR-4,Four,late,\n");
	assert_merged(&r, RV_E_CONFLICT,
		      RECS_HEADER "R-1,One,open,\nR-2,Two,open,\nR-3,Three,open,\n<<<<<<< ours\n=======\nR-4,Four,late,\n"
				  ">>>>>>> theirs\n");
	result_free(&r);
}

/* The agenda: ours' order, then theirs' additions; removals on either side honoured; a
 * recommendation put on it by both sides is there once, as ours put it. */
static void test_agenda_order(void **state)
{
	(void)state;
	const char *h = "rec_id,added,author\n";
	struct strbuf b, o, t, want;
	sb_init(&b);
	sb_init(&o);
	sb_init(&t);
	sb_init(&want);
	sb_addf(&b, "%sR-1,t1,ann\nR-2,t1,ann\nR-3,t1,ann\n", h);
	sb_addf(&o, "%sR-3,t1,ann\nR-1,t1,ann\nR-5,t2,ann\nR-4,t2,ann\n", h);          /* moved, R-2 gone, two added */
	sb_addf(&t, "%sR-1,t1,ann\nR-2,t1,ann\nR-6,t3,bob\nR-4,t3,bob\n", h);          /* R-3 gone, two added */
	sb_addf(&want, "%sR-1,t1,ann\nR-5,t2,ann\nR-4,t2,ann\nR-6,t3,bob\n", h);
	struct result r;
	merge3(&r, "agenda.csv", b.data, o.data, t.data);
	assert_merged(&r, RV_OK, want.data);
	result_free(&r);
	sb_free(&b);
	sb_free(&o);
	sb_free(&t);
	sb_free(&want);
}

/* A Windows-1252 file with semicolons and CRLF stays so; theirs, in UTF-8 with commas, is written
 * in ours' dialect, and ours' untouched rows keep their bytes (quotes where none were needed). */
static void test_cp1252_semicolon_kept(void **state)
{
	(void)state;
	const char *base = "id;title;status\r\nR-1;\"Caf\xe9\";open\r\nR-2;Na\xefve;open\r\n";
	const char *ours = "id;title;status\r\nR-1;\"Caf\xe9\";open\r\nR-2;Na\xefve;complete\r\n";
	const char *theirs = "id,title,status\nR-1,Café,deferred\nR-2,Naïve,open\nR-3,\"Déjà; vu\",open\n";
	struct result r;
	merge3(&r, "recommendations.csv", base, ours, theirs);
	assert_merged(&r, RV_OK,
		      "id;title;status\r\nR-1;\"Caf\xe9\";deferred\r\nR-2;Na\xefve;complete\r\nR-3;\"D\xe9j\xe0; vu\";open\r\n");
	result_free(&r);
}

/* Untouched rows byte for byte: odd quoting, a multi-line field, a BOM, rows that are not data, no
 * final line break. */
static void test_untouched_rows_byte_exact(void **state)
{
	(void)state;
	const char *base = "\xEF\xBB\xBF" "id,title,status\n\"R-1\",\"Line one\nline two\",\"open\"\n,,\nR-2,Two,open";
	const char *ours = "\xEF\xBB\xBF" "id,title,status\n\"R-1\",\"Line one\nline two\",\"open\"\n,,\nR-2,Two,open";
	const char *theirs = "\xEF\xBB\xBF" "id,title,status\nR-1,\"Line one\nline two\",open\nR-2,Two,done\n";
	struct result r;
	merge3(&r, "recommendations.csv", base, ours, theirs);
	assert_merged(&r, RV_OK,
		      "\xEF\xBB\xBF" "id,title,status\n\"R-1\",\"Line one\nline two\",\"open\"\n,,\nR-2,Two,done");
	result_free(&r);
	/* A cell taken from theirs rewrites that cell only: the others keep their quotes. */
	merge3(&r, "recommendations.csv", base, ours,
	       "\xEF\xBB\xBF" "id,title,status\nR-1,\"Line one\nline two\",\"in progress\"\nR-2,Two,open");
	assert_merged(&r, RV_OK,
		      "\xEF\xBB\xBF" "id,title,status\n\"R-1\",\"Line one\nline two\",in progress\n,,\nR-2,Two,open");
	result_free(&r);
}

/* Deliverables: a description changed on one side pairs by place with the status changed on the
 * other; theirs' new deliverable goes after its recommendation's, ours' own first. */
static void test_deliverables_by_place(void **state)
{
	(void)state;
	const char *h = "rec_id,description,status\n";
	struct strbuf b, o, t, want;
	sb_init(&b);
	sb_init(&o);
	sb_init(&t);
	sb_init(&want);
	sb_addf(&b, "%sR-1,Draft,open\nR-1,Publish,open\nR-2,Plan,open\n", h);
	sb_addf(&o, "%sR-1,Draft,complete\nR-1,Publish,open\nR-1,Ours new,open\nR-2,Plan,open\n", h);
	sb_addf(&t, "%sR-1,Draft the report,open\nR-1,Publish,open\nR-1,Theirs new,open\nR-2,Plan,open\n", h);
	sb_addf(&want, "%sR-1,Draft the report,complete\nR-1,Publish,open\nR-1,Ours new,open\nR-1,Theirs new,open\n"
		       "R-2,Plan,open\n", h);
	struct result r;
	merge3(&r, "deliverables.csv", b.data, o.data, t.data);
	assert_merged(&r, RV_OK, want.data);
	result_free(&r);
	sb_free(&b);
	sb_free(&o);
	sb_free(&t);
	sb_free(&want);
}

/* Questions are keyed by recommendation and qid: the same qid under two recommendations is two rows. */
static void test_questions_keyed_by_rec_and_qid(void **state)
{
	(void)state;
	const char *h = "rec_id,qid,question,answer\n";
	struct strbuf b, o, t, want;
	sb_init(&b);
	sb_init(&o);
	sb_init(&t);
	sb_init(&want);
	sb_addf(&b, "%sR-1,1,Why?,\nR-2,1,How?,\n", h);
	sb_addf(&o, "%sR-1,1,Why?,Because\nR-2,1,How?,\n", h);
	sb_addf(&t, "%sR-1,1,Why?,\nR-2,1,How?,Thus\nR-2,2,When?,\n", h);
	sb_addf(&want, "%sR-1,1,Why?,Because\nR-2,1,How?,Thus\nR-2,2,When?,\n", h);
	struct result r;
	merge3(&r, "questions.csv", b.data, o.data, t.data);
	assert_merged(&r, RV_OK, want.data);
	result_free(&r);
	sb_free(&b);
	sb_free(&o);
	sb_free(&t);
	sb_free(&want);
}

/* A recommendation added on both sides with different values: a conflict of the two rows. */
static void test_added_both_sides_differently(void **state)
{
	(void)state;
	struct result r;
	merge3(&r, "recommendations.csv", "", RECS_HEADER "R-1,One,open,\n", RECS_HEADER "R-1,One,complete,\n");
	assert_merged(&r, RV_E_CONFLICT,
		      RECS_HEADER "<<<<<<< ours\nR-1,One,open,\n=======\nR-1,One,complete,\n>>>>>>> theirs\n");
	result_free(&r);
	merge3(&r, "recommendations.csv", "", RECS_HEADER "R-1,One,open,\n", RECS_HEADER "R-1,One,open,\nR-2,Two,,\n");
	assert_merged(&r, RV_OK, RECS_HEADER "R-1,One,open,\nR-2,Two,,\n");
	result_free(&r);
}

/* What cannot be merged cell by cell is refused, for a line-based merge. */
static void test_refused(void **state)
{
	(void)state;
	struct result r;
	merge3(&r, "budget.csv", "a,b\n1,2\n", "a,b\n1,3\n", "a,b\n0,2\n");
	assert_int_equal(r.res, RV_E_REFUSED);
	assert_int_equal(r.out.len, 0);
	result_free(&r);
	merge3(&r, "recommendations.csv", RECS_HEADER "R-1,One,open,\n", RECS_HEADER "R-1,One,done,\n",
	       "id,title,status,priority,tags\nR-1,One,open,,x\n");
	assert_int_equal(r.res, RV_E_REFUSED);
	assert_non_null(strstr(r.rep.why, "headers"));
	result_free(&r);
	merge3(&r, "recommendations.csv", "title,status\nOne,open\n", "title,status\nOne,done\n", "title,status\nOne,x\n");
	assert_int_equal(r.res, RV_E_REFUSED);
	result_free(&r);
}

/* A table left with conflict markers: the markers and theirs' side are no rows, ours' side is read,
 * and the conflict is an error, both sides' rows notes. */
static void test_reading_conflict_markers(void **state)
{
	(void)state;
	struct parsed p;
	parse_mem(&p, LIT(RECS_HEADER "R-1,One,open,\n<<<<<<< ours\nR-2,Two,complete,\n=======\nR-2,Two,deferred,\n"
				      ">>>>>>> theirs\nR-3,Three,open,\n"));
	assert_int_equal(p.st, RV_OK);
	assert_int_equal(p.t.nrows, 3);
	assert_cell_eq(&p.t, 1, 2, LIT("complete"));
	assert_cell_eq(&p.t, 2, 0, LIT("R-3"));
	assert_int_equal(p.dl.errors, 1);
	bool error = false, ours = false, theirs = false;
	for (size_t i = 0; i < p.dl.n; i++) {
		char *line = diag_line(&p.dl.items[i]);
		error |= strstr(line, ":3:1: error: unresolved merge conflict at ") != NULL;
		ours |= strstr(line, ":4:1: note: merge conflict, ours (read): 'R-2,Two,complete,'") != NULL;
		theirs |= strstr(line, ":6:1: note: merge conflict, theirs (not read): 'status' is 'deferred' where ours "
				       "has 'complete'; the row: 'R-2,Two,deferred,'") != NULL;
		free(line);
	}
	assert_true(error && ours && theirs);
	parsed_free(&p);
}

/* Settling a conflict keeps one side's rows, drops the markers (and a diff3 base), nothing else. */
static void test_resolve_conflict_text(void **state)
{
	(void)state;
	const char *text = "id,s\r\nR-1,a\r\n<<<<<<< ours\r\nR-2,b\r\n||||||| base\r\nR-2,x\r\n=======\r\nR-2,c\r\n"
			   ">>>>>>> theirs\r\nR-3,d";
	struct strbuf out;
	sb_init(&out);
	assert_true(rv_conflict_resolve_text(text, strlen(text), 3, true, &out));
	assert_string_equal(out.data, "id,s\r\nR-1,a\r\nR-2,b\r\nR-3,d");
	sb_reset(&out);
	assert_true(rv_conflict_resolve_text(text, strlen(text), 3, false, &out));
	assert_string_equal(out.data, "id,s\r\nR-1,a\r\nR-2,c\r\nR-3,d");
	sb_reset(&out);
	assert_false(rv_conflict_resolve_text(text, strlen(text), 2, true, &out));
	sb_reset(&out);
	assert_false(rv_conflict_resolve_text(LIT("id\n<<<<<<< ours\nR-1\n=======\n"), 2, true, &out));
	sb_free(&out);
}

/* The driver replaces %A: merged (exit 0), with markers (exit 1), and line by line for other files. */
static void test_driver_writes_ours(void **state)
{
	(void)state;
	char dir[] = "/tmp/recview-mergefile-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char o[600], a[600], b[600];
	snprintf(o, sizeof(o), "%s/O", dir);
	snprintf(a, sizeof(a), "%s/A", dir);
	snprintf(b, sizeof(b), "%s/B", dir);
	write_test_file(dir, "O", RECS_HEADER "R-1,One,open,\nR-2,Two,open,\n");
	write_test_file(dir, "A", RECS_HEADER "R-1,One,done,\nR-2,Two,open,\n");
	write_test_file(dir, "B", RECS_HEADER "R-1,One,open,\nR-2,Two,late,\n");
	FILE *err = tmpfile();
	assert_int_equal(rv_merge_driver(o, a, b, "data/recommendations.csv", err), 0);
	char *got = read_whole_file(a, NULL);
	assert_string_equal(got, RECS_HEADER "R-1,One,done,\nR-2,Two,late,\n");
	free(got);
	write_test_file(dir, "B", RECS_HEADER "R-1,One,deferred,\nR-2,Two,open,\n");
	write_test_file(dir, "A", RECS_HEADER "R-1,One,done,\nR-2,Two,open,\n");
	assert_int_equal(rv_merge_driver(o, a, b, "recommendations.csv", err), 1);
	got = read_whole_file(a, NULL);
	assert_string_equal(got, RECS_HEADER "<<<<<<< ours\nR-1,One,done,\n=======\nR-1,One,deferred,\n>>>>>>> theirs\n"
					     "R-2,Two,open,\n");
	free(got);
	/* Not a table: lines (git merge-file) */
	write_test_file(dir, "O", "a\nb\nc\nd\ne\n");
	write_test_file(dir, "A", "A\nb\nc\nd\ne\n");
	write_test_file(dir, "B", "a\nb\nc\nd\nE\n");
	assert_int_equal(rv_merge_driver(o, a, b, "README.txt", err), 0);
	got = read_whole_file(a, NULL);
	assert_string_equal(got, "A\nb\nc\nd\nE\n");
	free(got);
	fclose(err);
	remove_tree(dir);
}

int run_merge_file_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_of_name),
		cmocka_unit_test(test_cell_from_one_side),
		cmocka_unit_test(test_same_value_both_sides),
		cmocka_unit_test(test_true_conflict),
		cmocka_unit_test(test_appended_rows_in_date_order),
		cmocka_unit_test(test_duplicate_appended_row),
		cmocka_unit_test(test_changes_log_appended_both_sides),
		cmocka_unit_test(test_deleted_rows),
		cmocka_unit_test(test_agenda_order),
		cmocka_unit_test(test_cp1252_semicolon_kept),
		cmocka_unit_test(test_untouched_rows_byte_exact),
		cmocka_unit_test(test_deliverables_by_place),
		cmocka_unit_test(test_questions_keyed_by_rec_and_qid),
		cmocka_unit_test(test_added_both_sides_differently),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_reading_conflict_markers),
		cmocka_unit_test(test_resolve_conflict_text),
		cmocka_unit_test(test_driver_writes_ours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
