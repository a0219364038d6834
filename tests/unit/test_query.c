/*
 * test_query.c - the filter language: the parser (every construct, every error with its message and
 * position), matching on a small data set written to a temporary directory and on the bundled one
 * (expected sets computed from the model's fields, not by the query code), sorting, and --list lines.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/query.h"
#include "recview/strbuf.h"
#include "recview/vocab.h"

/* ---- the small data set ---- */

static const char small_recs[] =
	"id,review,number,topic,title,text,decision,status,priority,source,area\n"
	"R-1,R,1,Zeta topic,Alpha,Root zone management,approved,in progress,P1,a.txt,DNS Ops\n"
	"R-2,R,2,alpha topic,Beta,,,,,b.txt,\n"
	"R-3,R,3,Middle,Gamma,Some text,maybe,someday,soonish,c.txt,Policy\n"
	"R-4,R,4,,,\"First line\tend\nsecond line\",pending,not started,2,d.txt,dns\n"
	"R-5,Q,5,Zeta topic,Epsilon Root,Done thing,approved,done,P3,e.txt,\n"
	"R-10,Q,10,Middle,Kappa,Kappa text,rejected,behind,,f.txt,\n"
	"R-6,Q,6,,Zed,,,,,g.txt,\n";

static const char small_history[] =
	"rec_id,date,decision,status,source,note\n"
	"R-1,2015-06-30,,in progress,h,note one\n"
	"R-2,2014-03,rejected,complete,h,partial date\n"
	"R-2,2016,,,h,later without a status\n"
	"R-5,2015-12-31,,complete,h,\n"
	"R-10,2017-01-15,,behind schedule,h,\n";

static const char small_deliverables[] =
	"rec_id,description,responsible,due,status,source\n"
	"R-1,Deliver A,Staff,2016-03-01,complete,s\n"
	"R-1,Deliver B,Staff,2016-03,in progress,s\n"
	"R-4,Deliver C,Staff,2015-06-30,complete,s\n"
	"R-5,Deliver D,OCTO,2014,,s\n"
	"R-5,Deliver E,Staff,2019-01-01,complete,s\n";

static const char small_questions[] =
	"rec_id,qid,briefing,asked,question,answer,status,source\n"
	"R-1,1.1,Compliance,Call,Q one?,,,s\n"
	"R-1,1.2,CTO,Call,Q two?,Yes.,,s\n"
	"R-3,3.1,GDD,Call,Q three?,,closed,s\n"
	"R-10,10.1,CTO,Call,Q four?,Partly.,follow-up,s\n";

struct fixture {
	char dir[64];
	struct rv_model small;
	struct rv_model real;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/recview-query-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	write_test_file(fx->dir, "recommendations.csv", small_recs);
	write_test_file(fx->dir, "status_history.csv", small_history);
	write_test_file(fx->dir, "deliverables.csv", small_deliverables);
	write_test_file(fx->dir, "questions.csv", small_questions);
	if (rv_model_load(&fx->small, fx->dir) != RV_OK)
		return -1;
	if (fx->small.diags.n != 3) { /* the three unknown values of R-3 are the only problems */
		for (size_t i = 0; i < fx->small.diags.n; i++) {
			char *line = diag_line(&fx->small.diags.items[i]);
			print_error("%s\n", line);
			free(line);
		}
		return -1;
	}
	if (rv_model_load(&fx->real, "data") != RV_OK)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	rv_model_free(&fx->small);
	rv_model_free(&fx->real);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

/* ---- helpers ---- */

/* The ids that rv_query_select gives, joined by spaces. */
static char *select_ids(const struct rv_model *m, const char *expr, const char *sort)
{
	char err[512];
	struct rv_query *q = rv_query_parse_model(expr, m, err, sizeof(err));
	if (!q)
		print_error("'%s': %s\n", expr, err);
	assert_non_null(q);
	enum rv_sort_key key = RV_SORT_ID;
	bool reverse = false;
	if (sort)
		assert_true(rv_sort_parse(sort, &key, &reverse));
	uint32_t *out = calloc(m->nrecs + 1, sizeof(*out));
	size_t n = rv_query_select(m, q, key, reverse, out);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		struct rv_text id = rv_rec_field(m, out[i], REC_ID);
		sb_addf(&sb, "%s%.*s", i ? " " : "", (int)id.len, id.ptr);
		/* rv_query_match agrees with the selection */
		assert_true(rv_query_match(q, m, out[i]));
	}
	free(out);
	rv_query_free(q);
	char *text = sb_detach(&sb);
	sb_free(&sb); /* sb_detach leaves an empty buffer behind */
	return text;
}

static void check_select(const struct rv_model *m, const char *expr, const char *sort, const char *want)
{
	char *got = select_ids(m, expr, sort);
	if (strcmp(got, want) != 0)
		print_error("filter '%s' sort '%s':\n  got  '%s'\n  want '%s'\n", expr, sort ? sort : "id", got, want);
	bool same = strcmp(got, want) == 0;
	free(got);
	assert_true(same);
}

#define SMALL(expr, want) check_select(&((struct fixture *)*state)->small, (expr), NULL, (want))
#define SORTED(sort, want) check_select(&((struct fixture *)*state)->small, "", (sort), (want))

/* The error message of a parse that must fail. */
static void check_error(const char *expr, const struct rv_model *m, const char *want)
{
	char err[512];
	memset(err, 'x', sizeof(err));
	struct rv_query *q = rv_query_parse_model(expr, m, err, sizeof(err));
	if (q || strcmp(err, want) != 0)
		print_error("'%s':\n  got  '%s'\n  want '%s'\n", expr, q ? "(parsed)" : err, want);
	assert_null(q);
	assert_string_equal(err, want);
}

#define FIELDS "id, review, number, topic, title, text, decision, status, priority, source, briefing, has, changed, due, question, owner, note"

/* ---- parser ---- */

static void test_parse_empty_matches_all(void **state)
{
	struct fixture *fx = *state;
	char err[64];
	struct rv_query *q = rv_query_parse("", err, sizeof(err));
	assert_non_null(q);
	for (size_t i = 0; i < fx->small.nrecs; i++)
		assert_true(rv_query_match(q, &fx->small, i));
	rv_query_free(q);
	q = rv_query_parse(" \t ", err, sizeof(err));
	assert_non_null(q);
	rv_query_free(q);
	assert_true(rv_query_match(NULL, &fx->small, 0));
	SMALL("", "R-1 R-2 R-3 R-4 R-5 R-6 R-10");
}

static void test_parse_every_construct(void **state)
{
	(void)state;
	static const char *const ok[] = {
		"word",
		"two words",
		"\"a quoted phrase\"",
		"-negated",
		"-\"negated phrase\"",
		"status:progress",
		"-status:complete",
		"title:\"quoted value\"",
		"STATUS:Progress",
		"changed:2015",
		"changed:=2015-06",
		"changed:<2015-06-01",
		"changed:>2015",
		"changed:<=2015",
		"changed:>=2015-01-01",
		"changed:\"2015\"",
		"due:>2016",
		"has:deliverables has:questions has:history has:text has:priority has:open",
		"priority:P1 priority:1 priority:p4 priority:high",
		"id:x review:x number:x topic:x title:x text:x decision:x status:x source:x briefing:x",
		"10:30",            /* not a field: a name starts with a letter */
		"a\"b",             /* a quote inside a word is a character */
		"status:in\"x",
		"  spaced   out  ",
		"--double",         /* the word -double, negated */
		"\"phrase\"next",   /* a phrase, then a word */
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++) {
		char err[512] = "";
		struct rv_query *q = rv_query_parse(ok[i], err, sizeof(err));
		if (!q)
			print_error("'%s': %s\n", ok[i], err);
		assert_non_null(q);
		rv_query_free(q);
	}
	assert_null(rv_query_parse("x:y", NULL, 0)); /* no room for a message: still fails cleanly */
}

static void test_parse_errors(void **state)
{
	struct fixture *fx = *state;
	check_error("stat:x", NULL, "unknown field 'stat' at 1 (fields: " FIELDS ")");
	check_error("a -stat:x", NULL, "unknown field 'stat' at 4 (fields: " FIELDS ")");
	check_error("http://example.org", NULL, "unknown field 'http' at 1 (fields: " FIELDS ")");
	/* positions count characters, not bytes */
	check_error("\xC3\xA9t\xC3\xA9 stat:x", NULL, "unknown field 'stat' at 5 (fields: " FIELDS ")");
	/* with a model, the extra columns are fields and are listed */
	check_error("stat:x", &fx->small, "unknown field 'stat' at 1 (fields: " FIELDS ", area)");
	check_error("area:x", NULL, "unknown field 'area' at 1 (fields: " FIELDS ")");

	check_error("status:", NULL, "missing value after 'status:' at 8");
	check_error("review:SSR1 status:", NULL, "missing value after 'status:' at 20");
	check_error("status: progress", NULL, "missing value after 'status:' at 8");
	check_error("title:\"\"", NULL, "missing value after 'title:' at 7");
	check_error("changed:>", NULL, "missing value after 'changed:>' at 10");
	check_error("changed:<= x", NULL, "missing value after 'changed:<=' at 11");

	check_error("title:\"abc", NULL, "unterminated quote at 7");
	check_error("review:SSR1 \"root zone", NULL, "unterminated quote at 13");
	check_error("a -\"b c", NULL, "unterminated quote at 4");

	check_error("changed:2015-13", NULL,
		    "bad date '2015-13' after 'changed:' at 1 (expected YYYY, YYYY-MM or YYYY-MM-DD)");
	check_error("x due:>=2015-02-30", NULL,
		    "bad date '2015-02-30' after 'due:' at 3 (expected YYYY, YYYY-MM or YYYY-MM-DD)");
	check_error("changed:soon", NULL,
		    "bad date 'soon' after 'changed:' at 1 (expected YYYY, YYYY-MM or YYYY-MM-DD)");

	check_error("has:foo", NULL,
		    "unknown value 'foo' after 'has:' at 1 (known: deliverables, questions, history, text, priority, open, overdue, notes, or any field)");
	check_error("a - b", NULL, "missing term after '-' at 3");
	check_error("a -", NULL, "missing term after '-' at 3");
	check_error("\"\"", NULL, "empty quotes at 1");
	check_error("x -\"\"", NULL, "empty quotes at 4");

	/* The first error is the one reported. */
	check_error("stat:x \"open", NULL, "unknown field 'stat' at 1 (fields: " FIELDS ")");
}

static void test_parse_error_truncated_to_buffer(void **state)
{
	(void)state;
	char err[16];
	memset(err, 'x', sizeof(err));
	assert_null(rv_query_parse("stat:x", err, sizeof(err)));
	assert_int_equal(strlen(err), sizeof(err) - 1);
	assert_memory_equal(err, "unknown field '", 15);
	/* user text in a message is sanitised */
	char big[512];
	assert_null(rv_query_parse("has:\x1b[31mx", big, sizeof(big)));
	assert_null(strchr(big, '\x1b'));
	assert_non_null(strstr(big, "unknown value '^[[31mx' after 'has:' at 1"));
}

static void test_query_fields_list(void **state)
{
	(void)state;
	const char *const *f = rv_query_fields();
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; f[i]; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", f[i]);
	assert_string_equal(sb.data, FIELDS);
	sb_free(&sb);
}

/* ---- matching on the small data set ---- */

static void test_match_status(void **state)
{
	SMALL("status:progress", "R-1");
	SMALL("status:\"in progress\"", "R-1");
	SMALL("status:Progress", "R-1"); /* a spelling of the vocabulary whatever its case */
	SMALL("status:complete", "R-2 R-5"); /* R-2 from its history, R-5 written "done" */
	SMALL("status:done", "R-2 R-5");
	SMALL("status:\xE2\x88\x9A", "R-2 R-5"); /* √ */
	SMALL("status:start", "R-4");      /* part of "not started" */
	SMALL("status:started", "R-1");    /* a spelling: "started" means in progress */
	SMALL("status:\"not started\"", "R-4");
	SMALL("status:in", "R-1 R-10");    /* in planning, in progress, behind schedule */
	SMALL("status:behind", "R-10");
	SMALL("status:some", "R-3");       /* outside the vocabulary: its cell */
	SMALL("status:Some", "");          /* smart case on the cell */
	SMALL("status:unknown", "R-3");
	SMALL("-status:complete", "R-1 R-3 R-4 R-6 R-10");
}

static void test_match_decision(void **state)
{
	SMALL("decision:rejected", "R-2 R-10"); /* R-2 from its history */
	SMALL("decision:approved", "R-1 R-5");
	SMALL("decision:pend", "R-4");
	SMALL("decision:maybe", "R-3");
	SMALL("decision:declined", "R-2 R-10"); /* a spelling */
	SMALL("-decision:approved", "R-2 R-3 R-4 R-6 R-10");
}

static void test_match_priority(void **state)
{
	SMALL("priority:P1", "R-1");
	SMALL("priority:1", "R-1");
	SMALL("priority:p1", "R-1");
	SMALL("priority:2", "R-4");
	SMALL("priority:soonish", "R-3"); /* outside the vocabulary: its cell */
	SMALL("priority:P", "R-1 R-5");
	SMALL("-priority:P1", "R-2 R-3 R-4 R-5 R-6 R-10");
}

static void test_match_has(void **state)
{
	SMALL("has:deliverables", "R-1 R-4 R-5");
	SMALL("has:questions", "R-1 R-3 R-10");
	SMALL("has:history", "R-1 R-2 R-5 R-10");
	SMALL("has:text", "R-1 R-3 R-4 R-5 R-10");
	SMALL("has:priority", "R-1 R-3 R-4 R-5");
	SMALL("has:open", "R-1 R-5");
	SMALL("HAS:Open", "R-1 R-5");
	SMALL("-has:history", "R-3 R-4 R-6");
}

static void test_match_briefing(void **state)
{
	SMALL("briefing:cto", "R-1 R-10");
	SMALL("briefing:CTO", "R-1 R-10");
	SMALL("briefing:Cto", "");
	SMALL("briefing:compliance", "R-1");
	SMALL("briefing:d", "R-3");
	SMALL("has:questions -briefing:cto", "R-3");
}

static void test_match_changed(void **state)
{
	/* last changes: R-1 2015-06-30, R-5 2015-12-31, R-2 2016, R-10 2017-01-15; none for R-3 R-4 R-6 */
	SMALL("changed:2015", "R-1 R-5");
	SMALL("changed:=2015", "R-1 R-5");
	SMALL("changed:2015-06", "R-1");
	SMALL("changed:2015-06-30", "R-1");
	SMALL("changed:>2015", "R-2 R-10");
	SMALL("changed:>2015-12-31", "R-2 R-10");
	SMALL("changed:>2015-12-30", "R-2 R-5 R-10");
	SMALL("changed:<2015-07", "R-1");
	SMALL("changed:<2015-06", "");
	SMALL("changed:<=2015-12", "R-1 R-5");
	SMALL("changed:>=2016", "R-2 R-10");
	SMALL("changed:2016", "R-2");
	SMALL("changed:2016-01", ""); /* 2016 as a whole is not within January */
	SMALL("changed:<2018", "R-1 R-2 R-5 R-10");
	SMALL("-changed:2015", "R-2 R-3 R-4 R-6 R-10");
}

static void test_match_due(void **state)
{
	/* open deliverables: R-1 due 2016-03, R-5 due 2014; the rest are complete */
	SMALL("due:2016", "R-1");
	SMALL("due:2016-03", "R-1");
	SMALL("due:<2015", "R-5");
	SMALL("due:2015-06-30", "");
	SMALL("due:>2018", "");
	SMALL("due:>=2014", "R-1 R-5");
}

/* Question states: the status, else answered with an answer, else open; "open" names open and follow-up. */
static void test_match_question(void **state)
{
	SMALL("question:open", "R-1 R-10");
	SMALL("question:pending", "R-1 R-10");
	SMALL("question:answered", "R-1");
	SMALL("question:closed", "R-3");
	SMALL("question:resolved", "R-3");
	SMALL("question:follow-up", "R-10");
	SMALL("question:follow", "R-10");
	SMALL("question:nothing-like-it", "");
	SMALL("-question:open", "R-2 R-3 R-4 R-5 R-6");
	SMALL("briefing:CTO question:open", "R-1 R-10");
	SMALL("briefing:GDD question:open", "");
	SMALL("briefing:GDD question:closed", "R-3");
	check_error("question:", NULL, "missing value after 'question:' at 10");
}

/* The recommendation's owner or any of its deliverables' (the small set has no owner column). */
static void test_match_owner(void **state)
{
	SMALL("owner:octo", "R-5");
	SMALL("owner:OCTO", "R-5");
	SMALL("owner:Octo", "");
	SMALL("responsible:staff", "R-1 R-4 R-5");
	SMALL("assignee:staff -owner:octo", "R-1 R-4");
}

/* Overdue: not complete and past the last day of its due date, today or on the as-of date. */
static void test_match_overdue(void **state)
{
	struct fixture *fx = *state;
	SMALL("has:overdue", "R-1 R-5");
	SMALL("-has:overdue", "R-2 R-3 R-4 R-6 R-10");
	char err[128];
	struct rv_query *q = rv_query_parse("has:overdue", err, sizeof(err));
	assert_non_null(q);
	uint32_t out[16];
	/* R-1's open deliverable is due 2016-03: overdue from April; R-5's is due 2014. */
	assert_int_equal(rv_query_select_as_of(&fx->small, q, 20160331, RV_SORT_ID, false, out), 1);
	struct rv_text id = rv_rec_id(&fx->small, out[0]);
	assert_int_equal(id.len, 3);
	assert_memory_equal(id.ptr, "R-5", 3);
	assert_int_equal(rv_query_select_as_of(&fx->small, q, 20160401, RV_SORT_ID, false, out), 2);
	assert_int_equal(rv_query_select_as_of(&fx->small, q, 20141231, RV_SORT_ID, false, out), 0);
	assert_int_equal(rv_query_select_as_of(&fx->small, q, 20150101, RV_SORT_ID, false, out), 1);
	rv_query_free(q);
	/* due: compares the open deliverables' due dates. */
	SMALL("due:<2016-06 has:overdue", "R-1 R-5");
	SMALL("due:>2015", "R-1");
}

static void test_match_text_fields(void **state)
{
	SMALL("id:R-1", "R-1 R-10");
	SMALL("review:Q", "R-5 R-6 R-10");
	SMALL("number:1", "R-1 R-10");
	SMALL("topic:zeta", "R-1 R-5");
	SMALL("topic:Zeta", "R-1 R-5");
	SMALL("topic:zeta -topic:Zeta", "");
	SMALL("title:a", "R-1 R-2 R-3 R-10");
	SMALL("title:\"Epsilon Root\"", "R-5");
	SMALL("text:line", "R-4");
	SMALL("text:\"first line\"", "R-4");
	SMALL("source:e.txt", "R-5");
	SMALL("area:dns", "R-1 R-4");
	SMALL("area:DNS", "R-1");
	SMALL("AREA:dns", "R-1 R-4");
	SMALL("area:\"dns ops\"", "R-1");
}

static void test_match_free_words(void **state)
{
	SMALL("root", "R-1 R-5");
	SMALL("Root", "R-1 R-5");
	SMALL("ROOT", "");
	SMALL("root zone", "R-1");
	SMALL("\"zone management\"", "R-1");
	SMALL("\"management zone\"", "");
	SMALL("-root", "R-2 R-3 R-4 R-6 R-10");
	SMALL("-\"root zone\"", "R-2 R-3 R-4 R-5 R-6 R-10");
	SMALL("policy", "R-3");      /* an extra column */
	SMALL("10", "R-10");         /* id and number */
	SMALL("kappa", "R-10");      /* title and text */
	SMALL("10:30", "");
	SMALL("topic", "R-1 R-2 R-5");
	SMALL("a.txt", "");          /* source is not searched by free words */
	SMALL("root status:progress priority:P1", "R-1");
}

/* ---- matching on the bundled data set, against sets computed from the model's fields ---- */

static bool cell_eq(struct rv_text c, const char *s)
{
	return c.len == strlen(s) && memcmp(c.ptr, s, c.len) == 0;
}

/* ASCII case-insensitive substring, written here independently of the search code. */
static bool contains_nocase(struct rv_text c, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= c.len; i++) {
		size_t k = 0;
		while (k < n) {
			char x = c.ptr[i + k], y = word[k];
			if (x >= 'A' && x <= 'Z')
				x = (char)(x - 'A' + 'a');
			if (x != y)
				break;
			k++;
		}
		if (k == n)
			return true;
	}
	return false;
}

static void check_real(const struct rv_model *m, const char *expr, const bool *want, size_t want_count)
{
	char err[512];
	struct rv_query *q = rv_query_parse_model(expr, m, err, sizeof(err));
	assert_non_null(q);
	uint32_t *out = calloc(m->nrecs + 1, sizeof(*out));
	size_t n = rv_query_select(m, q, RV_SORT_ID, false, out);
	size_t expected = 0;
	for (size_t i = 0; i < m->nrecs; i++)
		expected += want[i];
	if (n != expected || n != want_count)
		print_error("'%s': %zu selected, %zu expected (%zu by count)\n", expr, n, expected, want_count);
	assert_int_equal(n, expected);
	assert_int_equal(n, want_count);
	for (size_t i = 0; i < n; i++) {
		assert_true(want[out[i]]);
		if (i)
			assert_true(out[i - 1] < out[i]);
	}
	free(out);
	rv_query_free(q);
}

static void test_real_review_and_status(void **state)
{
	struct fixture *fx = *state;
	const struct rv_model *m = &fx->real;
	bool *want = calloc(m->nrecs, 1);
	for (size_t i = 0; i < m->nrecs; i++)
		want[i] = cell_eq(rv_rec_field(m, i, REC_REVIEW), "SSR1") && m->recs[i].cur_status == RV_STATUS_PROGRESS;
	check_real(m, "review:SSR1 status:progress", want, 8);
	for (size_t i = 0; i < m->nrecs; i++)
		want[i] = m->recs[i].cur_status != RV_STATUS_COMPLETE;
	check_real(m, "-status:complete", want, 69);
	free(want);
}

static void test_real_decision_rejected(void **state)
{
	struct fixture *fx = *state;
	const struct rv_model *m = &fx->real;
	bool *want = calloc(m->nrecs, 1);
	/* The decision column, else the latest history entry that has one. */
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text d = rv_rec_field(m, i, REC_DECISION);
		for (size_t k = m->recs[i].count[RV_HISTORY]; !d.len && k > 0; k--)
			d = rv_row_field(m, RV_HISTORY, rv_rec_child(m, i, RV_HISTORY, k - 1)->row, HIST_DECISION);
		want[i] = cell_eq(d, "rejected");
	}
	check_real(m, "decision:rejected", want, 18);
	free(want);
}

static void test_real_questions_and_briefing(void **state)
{
	struct fixture *fx = *state;
	const struct rv_model *m = &fx->real;
	bool *want = calloc(m->nrecs, 1);
	for (size_t i = 0; i < m->nrecs; i++)
		want[i] = m->recs[i].count[RV_QUESTIONS] > 0 && cell_eq(rv_rec_field(m, i, REC_REVIEW), "SSR1");
	check_real(m, "has:questions review:SSR1", want, 22);

	/* briefing: read the questions file row by row and mark the recommendation each one names */
	memset(want, 0, m->nrecs);
	size_t count = 0;
	for (size_t r = 0; r < m->tables[RV_QUESTIONS].csv.nrows; r++) {
		if (!contains_nocase(rv_row_field(m, RV_QUESTIONS, (uint32_t)r, Q_BRIEFING), "compliance"))
			continue;
		struct rv_text rid = rv_row_field(m, RV_QUESTIONS, (uint32_t)r, Q_REC_ID);
		long rec = rv_find_rec(m, rid.ptr, rid.len);
		assert_true(rec >= 0);
		count += !want[rec];
		want[rec] = true;
	}
	assert_true(count > 0);
	check_real(m, "briefing:compliance", want, count);
	free(want);
}

static void test_real_changed_after_2015(void **state)
{
	struct fixture *fx = *state;
	const struct rv_model *m = &fx->real;
	bool *want = calloc(m->nrecs, 1);
	/* the latest history date of each recommendation, from the history file's own cells */
	size_t count = 0;
	for (size_t i = 0; i < m->nrecs; i++) {
		char latest[16] = "";
		for (size_t k = 0; k < m->recs[i].count[RV_HISTORY]; k++) {
			struct rv_text d = rv_row_field(m, RV_HISTORY, rv_rec_child(m, i, RV_HISTORY, k)->row, HIST_DATE);
			char buf[16];
			snprintf(buf, sizeof(buf), "%.*s", (int)(d.len < 15 ? d.len : 15), d.ptr);
			if (strcmp(buf, latest) > 0)
				strcpy(latest, buf);
		}
		/* ISO dates compare as strings; anything in 2016 or later is after 2015-12-31 */
		want[i] = strcmp(latest, "2016") >= 0;
		count += want[i];
	}
	check_real(m, "changed:>2015-12-31", want, count);
	assert_int_equal(count, 75);
	free(want);
}

static void test_real_free_words(void **state)
{
	struct fixture *fx = *state;
	const struct rv_model *m = &fx->real;
	bool *want = calloc(m->nrecs, 1);
	static const int fields[] = {REC_ID, REC_TITLE, REC_TOPIC, REC_TEXT, REC_NUMBER, REC_REVIEW};
	const struct rv_table *t = &m->tables[RV_RECS];
	size_t count = 0;
	for (size_t i = 0; i < m->nrecs; i++) {
		bool hit = false;
		for (size_t f = 0; f < sizeof(fields) / sizeof(*fields); f++)
			hit |= contains_nocase(rv_rec_field(m, i, fields[f]), "root");
		for (size_t k = 0; k < t->nextra; k++)
			hit |= contains_nocase(rv_rec_extra(m, i, k), "root");
		want[i] = hit;
		count += hit;
	}
	assert_true(count > 0);
	check_real(m, "root", want, count);
	for (size_t i = 0; i < m->nrecs; i++)
		want[i] = !want[i];
	check_real(m, "-root", want, m->nrecs - count);
	free(want);
}

/* ---- sorting ---- */

static void test_sort_parse(void **state)
{
	(void)state;
	enum rv_sort_key key;
	bool reverse;
	assert_true(rv_sort_parse("changed", &key, &reverse));
	assert_int_equal(key, RV_SORT_CHANGED);
	assert_false(reverse);
	assert_true(rv_sort_parse("-changed", &key, &reverse));
	assert_int_equal(key, RV_SORT_CHANGED);
	assert_true(reverse);
	assert_true(rv_sort_parse("Priority", &key, &reverse));
	assert_int_equal(key, RV_SORT_PRIORITY);
	key = RV_SORT_TOPIC;
	assert_false(rv_sort_parse("bogus", &key, &reverse));
	assert_false(rv_sort_parse("", &key, &reverse));
	assert_false(rv_sort_parse("-", &key, &reverse));
	assert_false(rv_sort_parse("--id", &key, &reverse));
	assert_int_equal(key, RV_SORT_TOPIC); /* untouched on failure */
	static const char *const names[RV_SORT_COUNT] = {"id", "status", "decision", "priority",
							 "topic", "changed", "deliverables", "questions"};
	for (int k = 0; k < RV_SORT_COUNT; k++) {
		assert_string_equal(rv_sort_name((enum rv_sort_key)k), names[k]);
		assert_true(rv_sort_parse(names[k], &key, &reverse));
		assert_int_equal(key, k);
	}
}

static void test_sort_each_key(void **state)
{
	SORTED("id", "R-1 R-2 R-3 R-4 R-5 R-6 R-10");
	SORTED("-id", "R-10 R-6 R-5 R-4 R-3 R-2 R-1");
	/* not started, in progress, behind, complete (R-2 by its history, R-5), unknown, none */
	SORTED("status", "R-4 R-1 R-10 R-2 R-5 R-3 R-6");
	SORTED("-status", "R-6 R-3 R-2 R-5 R-10 R-1 R-4");
	SORTED("decision", "R-4 R-1 R-5 R-2 R-10 R-3 R-6");
	SORTED("-decision", "R-6 R-3 R-2 R-10 R-1 R-5 R-4");
	SORTED("priority", "R-1 R-4 R-5 R-3 R-2 R-6 R-10");
	SORTED("-priority", "R-2 R-6 R-10 R-3 R-5 R-4 R-1");
	SORTED("topic", "R-2 R-3 R-10 R-1 R-5 R-4 R-6"); /* alpha, Middle, Zeta ignoring case; empty last */
	SORTED("-topic", "R-4 R-6 R-1 R-5 R-3 R-10 R-2");
	SORTED("changed", "R-1 R-5 R-2 R-10 R-3 R-4 R-6");
	SORTED("-changed", "R-3 R-4 R-6 R-10 R-2 R-5 R-1");
	SORTED("deliverables", "R-1 R-5 R-4 R-2 R-3 R-6 R-10"); /* 1/2, 1/2, 1/1, then none */
	SORTED("-deliverables", "R-2 R-3 R-6 R-10 R-4 R-1 R-5");
	SORTED("questions", "R-2 R-4 R-5 R-6 R-3 R-10 R-1");
	SORTED("-questions", "R-1 R-3 R-10 R-2 R-4 R-5 R-6");
}

static void test_sort_with_filter(void **state)
{
	struct fixture *fx = *state;
	check_select(&fx->small, "-status:complete", "status", "R-4 R-1 R-10 R-3 R-6");
	check_select(&fx->small, "has:history", "-changed", "R-10 R-2 R-5 R-1");
	check_select(&fx->small, "nothing-matches-this", "topic", "");
}

/* On the bundled data: every key gives an order consistent with its key, and equal keys in id order. */
static uint64_t key_of(const struct rv_model *m, enum rv_sort_key key, size_t i)
{
	const struct rv_rec *r = &m->recs[i];
	switch (key) {
	case RV_SORT_STATUS:
		return r->cur_status == RV_STATUS_NONE ? 99 : (uint64_t)r->cur_status;
	case RV_SORT_DECISION:
		return r->cur_decision == RV_DECISION_NONE ? 99 : (uint64_t)r->cur_decision;
	case RV_SORT_PRIORITY:
		return r->priority == 0 ? 99 : r->priority < 0 ? 50 : (uint64_t)r->priority;
	case RV_SORT_CHANGED:
		return r->last_change == RV_DATE_NONE ? UINT64_MAX : (uint64_t)r->last_change;
	case RV_SORT_QUESTIONS:
		return r->count[RV_QUESTIONS];
	default:
		return 0;
	}
}

static void test_sort_real_data_consistent_and_stable(void **state)
{
	struct fixture *fx = *state;
	const struct rv_model *m = &fx->real;
	static const enum rv_sort_key keys[] = {RV_SORT_STATUS, RV_SORT_DECISION, RV_SORT_PRIORITY, RV_SORT_CHANGED,
						RV_SORT_QUESTIONS};
	uint32_t *out = calloc(m->nrecs, sizeof(*out));
	for (size_t k = 0; k < sizeof(keys) / sizeof(*keys); k++) {
		for (int rev = 0; rev < 2; rev++) {
			size_t n = rv_query_select(m, NULL, keys[k], rev, out);
			assert_int_equal(n, m->nrecs);
			for (size_t i = 1; i < n; i++) {
				uint64_t a = key_of(m, keys[k], out[i - 1]), b = key_of(m, keys[k], out[i]);
				if (rev ? a < b : a > b)
					print_error("key %d rev %d: position %zu out of order\n", keys[k], rev, i);
				assert_true(rev ? a >= b : a <= b);
				if (a == b)
					assert_true(out[i - 1] < out[i]); /* equal keys stay in id order */
			}
		}
	}
	/* The deliverables key: share done, then how many. */
	size_t n = rv_query_select(m, NULL, RV_SORT_DELIVERABLES, false, out);
	for (size_t i = 1; i < n; i++) {
		const struct rv_rec *a = &m->recs[out[i - 1]], *b = &m->recs[out[i]];
		uint64_t ta = a->count[RV_DELIVERABLES], tb = b->count[RV_DELIVERABLES];
		if (!tb)
			continue;
		assert_true(ta > 0); /* none last */
		uint64_t l = a->deliverables_done * tb, r = b->deliverables_done * ta;
		assert_true(l < r || (l == r && (ta < tb || (ta == tb && out[i - 1] < out[i]))));
	}
	free(out);
}

/* ---- --list lines ---- */

static char *list_line(const struct rv_model *m, const char *id)
{
	long rec = rv_find_rec(m, id, strlen(id));
	assert_true(rec >= 0);
	struct strbuf sb;
	sb_init(&sb);
	rv_list_line(m, (size_t)rec, &sb);
	char *text = sb_detach(&sb);
	sb_free(&sb); /* sb_detach leaves an empty buffer behind */
	return text;
}

static void check_line(const struct rv_model *m, const char *id, const char *want)
{
	char *got = list_line(m, id);
	assert_string_equal(got, want);
	free(got);
}

static void test_list_line(void **state)
{
	struct fixture *fx = *state;
	check_line(&fx->small, "R-1", "R-1\tR\tapproved\tin progress\tP1\t2015-06-30\t1/2\t2\tAlpha");
	check_line(&fx->small, "R-2", "R-2\tR\trejected\tcomplete\t\t2016\t0/0\t0\tBeta");
	/* values outside the vocabulary as written */
	check_line(&fx->small, "R-3", "R-3\tR\tmaybe\tsomeday\tsoonish\t\t0/0\t1\tGamma");
	/* no title: the text's first line, its tab made spaces */
	char *line = list_line(&fx->small, "R-4");
	assert_memory_equal(line, "R-4\tR\tpending\tnot started\tP2\t\t1/1\t0\tFirst line", 44);
	assert_null(strchr(line + 44, '\t'));
	assert_null(strstr(line, "second"));
	free(line);
	check_line(&fx->real, "SSR1-4", "SSR1-4\tSSR1\tapproved\tin progress\t\t2016-06-30\t3/4\t4\tDocument SSR relationships");
}

static void test_list_line_hostile(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/hostile"), RV_OK);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < m.nrecs; i++) {
		sb_reset(&sb);
		rv_list_line(&m, i, &sb);
		size_t tabs = 0;
		for (size_t k = 0; k < sb.len; k++) {
			unsigned char c = (unsigned char)sb.data[k];
			tabs += c == '\t';
			assert_true(c == '\t' || (c >= 0x20 && c != 0x7F));
		}
		assert_int_equal(tabs, 8);
		assert_int_equal(strlen(sb.data), sb.len);
	}
	sb_free(&sb);
	rv_model_free(&m);
}

int run_query_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_empty_matches_all),
		cmocka_unit_test(test_parse_every_construct),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_error_truncated_to_buffer),
		cmocka_unit_test(test_query_fields_list),
		cmocka_unit_test(test_match_status),
		cmocka_unit_test(test_match_decision),
		cmocka_unit_test(test_match_priority),
		cmocka_unit_test(test_match_has),
		cmocka_unit_test(test_match_briefing),
		cmocka_unit_test(test_match_changed),
		cmocka_unit_test(test_match_due),
		cmocka_unit_test(test_match_question),
		cmocka_unit_test(test_match_owner),
		cmocka_unit_test(test_match_overdue),
		cmocka_unit_test(test_match_text_fields),
		cmocka_unit_test(test_match_free_words),
		cmocka_unit_test(test_real_review_and_status),
		cmocka_unit_test(test_real_decision_rejected),
		cmocka_unit_test(test_real_questions_and_briefing),
		cmocka_unit_test(test_real_changed_after_2015),
		cmocka_unit_test(test_real_free_words),
		cmocka_unit_test(test_sort_parse),
		cmocka_unit_test(test_sort_each_key),
		cmocka_unit_test(test_sort_with_filter),
		cmocka_unit_test(test_sort_real_data_consistent_and_stable),
		cmocka_unit_test(test_list_line),
		cmocka_unit_test(test_list_line_hostile),
	};
	return cmocka_run_group_tests_name("query", tests, setup, teardown);
}
