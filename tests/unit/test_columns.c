/*
 * test_columns.c - the column model of the lists (columns.h): the columns each list offers, the spec
 * of the configuration (columns.LIST = ...), widths fitted to the values and to the screen, order,
 * and scrolling sideways with the id kept.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/columns.h"
#include "recview/config.h"
#include "recview/entity.h"
#include "recview/strbuf.h"
#include "recview/text.h"

static void assert_parse_fails(const char *spec, const char *why)
{
	struct rv_col_choice c;
	char err[256];
	assert_false(rv_columns_parse(spec, strlen(spec), &c, err, sizeof(err)));
	assert_string_equal(err, why);
	assert_int_equal(c.n, 0);
}

static void test_parse_spec(void **state)
{
	(void)state;
	struct rv_col_choice c;
	char err[256];
	const char *spec = " id , Status:12,title ";
	assert_true(rv_columns_parse(spec, strlen(spec), &c, err, sizeof(err)));
	assert_true(c.set);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.cols[0].name, "id");
	assert_int_equal(c.cols[0].width, 0);
	assert_string_equal(c.cols[1].name, "status"); /* case ignored */
	assert_int_equal(c.cols[1].width, 12);
	assert_string_equal(c.cols[2].name, "title");

	struct strbuf out;
	sb_init(&out);
	rv_columns_format(&c, &out);
	assert_string_equal(out.data, "id,status:12,title"); /* what the chooser shows reads back */
	sb_free(&out);
}

static void test_bad_specs(void **state)
{
	(void)state;
	assert_parse_fails("", "a column without a name");
	assert_parse_fails("id,,title", "a column without a name");
	assert_parse_fails(":8", "a column without a name");
	assert_parse_fails("id:0", "bad width for id (a number from 1 to 200)");
	assert_parse_fails("id:201", "bad width for id (a number from 1 to 200)");
	assert_parse_fails("id:x", "bad width for id (a number from 1 to 200)");
	assert_parse_fails("id:", "bad width for id (a number from 1 to 200)");
	assert_parse_fails("id,ID", "column id given twice");
	assert_parse_fails("ti/tle", "'/' in a column name (letters, digits, _ - .)");
	assert_parse_fails("ti\x1btle", "'?' in a column name (letters, digits, _ - .)");
}

static void load(struct rv_model *m)
{
	assert_int_equal(rv_model_load(m, "data"), RV_OK);
}

static void test_available_columns(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	struct rv_col_set set;
	rv_columns_available(&m, RV_COLS_RECS, &set);
	const char *const shown[] = {"id", "decision", "priority", "topic", "title", "done", "open", "changed"};
	struct rv_col_choice def;
	rv_columns_default(&set, &def);
	assert_int_equal(def.n, sizeof(shown) / sizeof(*shown)); /* no notes in the bundled data: no mark */
	for (size_t i = 0; i < def.n; i++)
		assert_string_equal(def.cols[i].name, shown[i]);
	/* A status word, the owner, the other known fields by role and the data set's extra columns. */
	assert_true(rv_columns_find(&set, "status") >= 0);
	assert_true(rv_columns_find(&set, "owner") >= 0);
	assert_true(rv_columns_find(&set, "review") >= 0);
	int area = rv_columns_find(&set, "area");
	assert_true(area >= 0);
	assert_int_equal(set.defs[area].what, RV_COL_EXTRA);
	assert_true(rv_columns_find(&set, "priority_note") >= 0);

	rv_columns_available(&m, RV_COLS_DELIVERABLES, &set);
	assert_true(rv_columns_find(&set, "due_text") >= 0);
	assert_true(rv_columns_find(&set, "owner") >= 0);
	rv_columns_available(&m, RV_COLS_QUESTIONS, &set);
	assert_true(rv_columns_find(&set, "answered_by") >= 0);

	struct rv_col_choice c;
	char err[1024];
	assert_true(rv_columns_parse(LIT("qid,rec,nope"), &c, err, sizeof(err)));
	assert_false(rv_columns_check(&set, &c, err, sizeof(err)));
	assert_non_null(strstr(err, "unknown column nope for the questions list (known: qid, rec, status, question"));
	rv_model_free(&m);
}

/* Extra columns are named as the configuration can write them, apart from the built-in ones. */
static void test_extra_column_names(void **state)
{
	(void)state;
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, "tests/data/aliases"), RV_OK);
	struct rv_col_set set;
	rv_columns_available(&m, RV_COLS_RECS, &set);
	int area = rv_columns_find(&set, "area");
	int notes = rv_columns_find(&set, "notes_column"); /* "Notes" beside the mark of notes */
	assert_true(area >= 0 && notes >= 0);
	assert_string_equal(set.defs[area].header, "Area"); /* the header as the file writes it */
	assert_string_equal(set.defs[notes].header, "Notes");
	assert_int_equal(set.defs[notes].what, RV_COL_EXTRA);
	struct rv_col_choice c;
	char err[256];
	assert_true(rv_columns_parse(LIT("id,Notes_Column,area"), &c, err, sizeof(err)));
	assert_true(rv_columns_check(&set, &c, err, sizeof(err)));
	rv_model_free(&m);
}

static void test_measure_values(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	struct rv_col_set set;
	int natural[RV_COLS_MAX];
	rv_columns_available(&m, RV_COLS_RECS, &set);
	rv_columns_measure(&m, &set, NULL, 0, RV_DATE_NONE, natural);
	int widest = 2;
	for (size_t r = 0; r < m.nrecs; r++) {
		struct rv_text id = rv_rec_id(&m, r);
		int w = text_width(id.ptr, id.len);
		widest = w > widest ? w : widest;
	}
	assert_int_equal(natural[rv_columns_find(&set, "id")], widest);
	/* The status word: the longest of those shown ("in progress"), never less than its header. */
	assert_int_equal(natural[rv_columns_find(&set, "status")], 11);
	/* Over the rows given only: one recommendation. */
	uint32_t one = 0;
	rv_columns_measure(&m, &set, &one, 1, RV_DATE_NONE, natural);
	struct rv_text id0 = rv_rec_id(&m, 0);
	int w0 = text_width(id0.ptr, id0.len);
	assert_int_equal(natural[rv_columns_find(&set, "id")], w0 > 2 ? w0 : 2);
	rv_model_free(&m);
}

/* A recommendation's next due date: the first due of its deliverables not complete. */
static void test_next_due(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	struct rv_col_set set;
	rv_columns_available(&m, RV_COLS_RECS, &set);
	const struct rv_col_def *due = &set.defs[rv_columns_find(&set, "due")];
	size_t with_due = 0;
	for (size_t r = 0; r < m.nrecs; r++) {
		long d = rv_rec_next_due(&m, r);
		struct rv_text t = rv_col_value(&m, RV_COLS_RECS, due, r, RV_DATE_NONE);
		if (d < 0) {
			assert_int_equal(t.len, 0);
			continue;
		}
		with_due++;
		const struct rv_child *first = rv_child_at(&m, RV_DELIVERABLES, (size_t)d);
		assert_int_not_equal(first->status, RV_STATUS_COMPLETE);
		for (size_t k = 0; k < rv_rec_child_count(&m, r, RV_DELIVERABLES); k++) {
			const struct rv_child *ch = rv_child_at(&m, RV_DELIVERABLES, rv_rec_child_index(&m, r, RV_DELIVERABLES, k));
			if (ch->status != RV_STATUS_COMPLETE && ch->date_prec != RV_DATE_PREC_NONE)
				assert_true(ch->date >= first->date);
		}
		struct rv_text written = rv_child_field(&m, RV_DELIVERABLES, (size_t)d, DEL_DUE);
		assert_int_equal(t.len, written.len);
	}
	assert_true(with_due > 0);
	rv_model_free(&m);
}

/* The default set of the recommendations without a model: id fitted to 7 characters. */
static void recs_set(struct rv_col_set *set, int *natural)
{
	rv_columns_available(NULL, RV_COLS_RECS, set);
	memset(natural, 0, sizeof(int) * RV_COLS_MAX);
	natural[rv_columns_find(set, "id")] = 7;
}

static int width_of(const struct rv_col_set *set, const struct rv_col_layout *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(set->defs[l->slots[i].def].name, name) == 0)
			return l->slots[i].width;
	return 0;
}

static void assert_order(const struct rv_col_set *set, const struct rv_col_layout *l, const char *names)
{
	struct strbuf got;
	sb_init(&got);
	for (size_t i = 0; i < l->n; i++)
		sb_addf(&got, "%s%s", i ? "," : "", set->defs[l->slots[i].def].name);
	assert_string_equal(got.data ? got.data : "", names);
	sb_free(&got);
}

static void test_fit_default_layout(void **state)
{
	(void)state;
	struct rv_col_set set;
	int natural[RV_COLS_MAX];
	struct rv_col_layout l;
	recs_set(&set, natural);
	/* Wide: everything, the topic a third of what the title would have had. */
	rv_columns_fit(&set, NULL, natural, 198, 0, &l);
	assert_order(&set, &l, "id,decision,priority,topic,title,done,open,changed");
	int rest = 198 - (7 + 8 + 3 + 6 + 5 + 10) - 6; /* widths and the gaps between the 7 others */
	assert_int_equal(width_of(&set, &l, "topic"), rest / 3);
	assert_int_equal(width_of(&set, &l, "title"), rest - rest / 3 - 1);
	/* 80 columns less the marks: Open and Done go first, the title takes the rest. */
	rv_columns_fit(&set, NULL, natural, 78, 0, &l);
	assert_order(&set, &l, "id,decision,priority,title,changed");
	assert_int_equal(width_of(&set, &l, "title"), 78 - (7 + 8 + 3 + 10) - 4);
	assert_int_equal(l.dropped, 3); /* done, open, and the topic for want of room */
	/* Very narrow: then Changed, Pri and Decision; the id always stays. */
	rv_columns_fit(&set, NULL, natural, 20, 0, &l);
	assert_order(&set, &l, "id,title");
	assert_int_equal(width_of(&set, &l, "title"), 20 - 7 - 1);
	/* The widths used are the sum of the screen: no column lost, no gap counted twice. */
	rv_columns_fit(&set, NULL, natural, 120, 0, &l);
	int total = 0;
	for (size_t i = 0; i < l.n; i++)
		total += l.slots[i].width + (i ? 1 : 0);
	assert_int_equal(total, 120);
}

static void test_fit_chosen_columns(void **state)
{
	(void)state;
	struct rv_col_set set;
	int natural[RV_COLS_MAX];
	struct rv_col_layout l;
	struct rv_col_choice c;
	char err[256];
	recs_set(&set, natural);
	natural[rv_columns_find(&set, "status")] = 11;
	/* Order as chosen, a width of its own, a fitted one capped. */
	assert_true(rv_columns_parse(LIT("status,id,priority:6,title"), &c, err, sizeof(err)));
	rv_columns_fit(&set, &c, natural, 78, 0, &l);
	assert_order(&set, &l, "status,id,priority,title");
	assert_int_equal(width_of(&set, &l, "status"), 11);
	assert_int_equal(width_of(&set, &l, "priority"), 6);
	assert_int_equal(width_of(&set, &l, "title"), 78 - 11 - 7 - 6 - 3);
	natural[rv_columns_find(&set, "status")] = 40;
	rv_columns_fit(&set, &c, natural, 78, 0, &l);
	assert_int_equal(width_of(&set, &l, "status"), 16); /* at most its cap */
	/* A column chosen by the user stays while the default ones make room. */
	assert_true(rv_columns_parse(LIT("id,decision,status,title,open"), &c, err, sizeof(err)));
	natural[rv_columns_find(&set, "status")] = 11;
	rv_columns_fit(&set, &c, natural, 40, 0, &l);
	assert_order(&set, &l, "id,status,title");
	/* No flexible column: columns go only when they would not fit; the rest is blank. */
	assert_true(rv_columns_parse(LIT("id,decision,changed"), &c, err, sizeof(err)));
	rv_columns_fit(&set, &c, natural, 30, 0, &l);
	assert_order(&set, &l, "id,decision,changed");
	rv_columns_fit(&set, &c, natural, 20, 0, &l);
	assert_order(&set, &l, "id,decision"); /* Changed (dropped before Decision) goes */
	/* A column of another data set is passed over. */
	assert_true(rv_columns_parse(LIT("id,area,title"), &c, err, sizeof(err)));
	rv_columns_fit(&set, &c, natural, 40, 0, &l);
	assert_order(&set, &l, "id,title");
}

static void test_scroll_keeps_the_id(void **state)
{
	(void)state;
	struct rv_col_set set;
	int natural[RV_COLS_MAX];
	struct rv_col_layout l;
	recs_set(&set, natural);
	rv_columns_fit(&set, NULL, natural, 78, 1, &l);
	assert_order(&set, &l, "id,priority,title,done,open,changed"); /* Decision's room lets Done and Open in */
	assert_int_equal(l.skipped, 1);
	assert_int_equal(l.scrollable, 7); /* all but the id */
	/* Past the title, the columns narrow screens drop come back. */
	rv_columns_fit(&set, NULL, natural, 78, 4, &l);
	assert_order(&set, &l, "id,done,open,changed");
	rv_columns_fit(&set, NULL, natural, 78, 6, &l);
	assert_order(&set, &l, "id,changed");
	/* History: the date scrolls, the recommendation's id stays where it is. */
	rv_columns_available(NULL, RV_COLS_HISTORY, &set);
	memset(natural, 0, sizeof(natural));
	rv_columns_fit(&set, NULL, natural, 100, 2, &l);
	assert_order(&set, &l, "rec,decision,note");
	assert_int_equal(width_of(&set, &l, "rec"), 4);
}

/* ---- the configuration ---- */

static char cdir[64];

static int make_dir(void **state)
{
	(void)state;
	snprintf(cdir, sizeof(cdir), "/tmp/recview-columns-XXXXXX");
	return mkdtemp(cdir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	remove_tree(cdir);
	return 0;
}

static void test_config_columns(void **state)
{
	(void)state;
	write_test_file(cdir, "config",
			"columns.recommendations = id, status:12, title\n"
			"columns.history = date,rec:0\n"
			"columns.reviews = id\n"
			"columns.questions = qid,rec,text,text\n"
			"columns.deliverables = \"rec,description,due\"\n");
	char path[128];
	snprintf(path, sizeof(path), "%s/config", cdir);
	struct config c;
	struct diag_list dl;
	diag_list_init(&dl);
	config_load(&c, path, &dl, NULL);
	assert_string_equal(c.columns[RV_COLS_RECS], "id, status:12, title");
	assert_int_equal(c.columns_line[RV_COLS_RECS], 1);
	assert_null(c.columns[RV_COLS_HISTORY]);
	assert_null(c.columns[RV_COLS_QUESTIONS]);
	assert_string_equal(c.columns[RV_COLS_DELIVERABLES], "rec,description,due");
	assert_int_equal(dl.n, 3);
	const char *const want[] = {
		"columns.history: bad width for rec (a number from 1 to 200)",
		("unknown list 'reviews' (columns.recommendations, .deliverables, .questions, .history, .agenda, "
		 ".results, .log)"),
		"columns.questions: column text given twice",
	};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(dl.items[i].line, i + 2); /* FILE:LINE of the bad line */
		assert_string_equal(dl.items[i].file, path);
		assert_string_equal(dl.items[i].msg, want[i]);
	}
	config_free(&c);
	diag_list_free(&dl);
}


/* The names of a choice, comma-separated, for comparing a default set at once. */
static void assert_default(const struct rv_col_set *set, const char *want)
{
	struct rv_col_choice def;
	struct strbuf out;
	rv_columns_default(set, &def);
	sb_init(&out);
	rv_columns_format(&def, &out);
	assert_string_equal(out.data, want);
	sb_free(&out);
}

static const struct rv_col_def *def_named(const struct rv_col_set *set, const char *name)
{
	int d = rv_columns_find(set, name);
	assert_true(d >= 0);
	return &set->defs[d];
}

static void test_list_names(void **state)
{
	(void)state;
	const char *const names[] = {"recommendations", "deliverables", "questions", "history",
				     "agenda",          "results",      "log"};
	for (int l = 0; l < RV_COLS_LISTS; l++) {
		enum rv_col_list got;
		assert_true(rv_col_list_by_name(names[l], strlen(names[l]), &got));
		assert_int_equal(got, l);
		assert_string_equal(rv_col_list_name((enum rv_col_list)l), names[l]);
	}
	enum rv_col_list got;
	assert_false(rv_col_list_by_name("reviews", 7, &got));
	assert_false(rv_col_list_by_name("age", 3, &got)); /* a name's beginning is no name */
	assert_true(rv_col_list_of_recs(RV_COLS_AGENDA));
	assert_false(rv_col_list_of_recs(RV_COLS_RESULTS));
	assert_false(rv_col_list_of_recs(RV_COLS_LOG));
}

/* The agenda: the id, the status word, the item's budget and the title, every other column of the
 * recommendations (the data set's extra ones too) hidden until chosen. */
static void test_agenda_columns(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	struct rv_col_set set, recs;
	rv_columns_available(&m, RV_COLS_AGENDA, &set);
	rv_columns_available(&m, RV_COLS_RECS, &recs);
	assert_int_equal(set.list, RV_COLS_AGENDA);
	assert_default(&set, "id,status,minutes,title");
	for (size_t i = 0; i < recs.n; i++) /* each column of the recommendations, once */
		assert_true(rv_columns_find(&set, recs.defs[i].name) >= 0);
	assert_int_equal(set.n, recs.n + 1); /* and the budget, the agenda's own */
	assert_true(def_named(&set, "minutes")->right);
	assert_int_equal(def_named(&set, "minutes")->fit, RV_FIT_FIXED);
	assert_true(def_named(&set, "id")->sticky);
	assert_false(def_named(&set, "decision")->shown);
	assert_false(def_named(&set, "area")->shown);
	assert_int_equal(def_named(&set, "title")->fit, RV_FIT_FLEX);
	rv_model_free(&m);
}

/* The search results: id, hits and the fields matched; a recommendation's columns after them, the
 * title and the topic fitted to their values (the fields matched take what is left). */
static void test_results_columns(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	struct rv_col_set set;
	rv_columns_available(&m, RV_COLS_RESULTS, &set);
	assert_default(&set, "id,hits,matched");
	const char *const recs[] = {"status", "title", "topic", "decision", "priority", "owner", "due", "area"};
	for (size_t i = 0; i < sizeof(recs) / sizeof(*recs); i++)
		assert_false(def_named(&set, recs[i])->shown);
	assert_int_equal(def_named(&set, "matched")->fit, RV_FIT_FLEX);
	assert_int_equal(def_named(&set, "title")->fit, RV_FIT_CONTENT);
	assert_int_equal(def_named(&set, "topic")->fit, RV_FIT_CONTENT);
	assert_true(def_named(&set, "id")->sticky);
	assert_false(def_named(&set, "hits")->sticky);
	rv_model_free(&m);
}

/* The log: its own columns only (a change has no fields of a kind), the date the one that stays. */
static void test_log_columns(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	struct rv_col_set set;
	rv_columns_available(&m, RV_COLS_LOG, &set);
	assert_default(&set, "date,author,rec,item,kind,change");
	assert_int_equal(set.n, 9);
	assert_false(def_named(&set, "old")->shown);
	assert_false(def_named(&set, "new")->shown);
	assert_false(def_named(&set, "note")->shown);
	assert_true(def_named(&set, "date")->sticky);
	assert_false(def_named(&set, "rec")->sticky);
	assert_int_equal(rv_columns_find(&set, "source"), -1);
	rv_model_free(&m);
}

static void assert_widths(const struct rv_col_layout *l, const int *want, size_t n)
{
	assert_int_equal(l->n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(l->slots[i].width, want[i]);
}

/* The defaults lay out as the lists always did: the log's date 16, author 10, rec 10, item 5, kind 8
 * (a space after each); the results' id 9 beside the tag mark, hits 5; longer values widen theirs. */
static void test_fit_new_lists(void **state)
{
	(void)state;
	struct rv_col_set set;
	struct rv_col_layout l;
	int natural[RV_COLS_MAX] = {0};
	rv_columns_available(NULL, RV_COLS_LOG, &set);
	rv_columns_fit(&set, NULL, natural, 100, 0, &l);
	assert_widths(&l, (const int[]){16, 10, 10, 5, 8, 100 - 49 - 5}, 6);
	natural[rv_columns_find(&set, "rec")] = 13; /* SSR2-24.2.1.3 */
	natural[rv_columns_find(&set, "author")] = 30; /* fixed: a long file name is cut */
	rv_columns_fit(&set, NULL, natural, 100, 0, &l);
	assert_widths(&l, (const int[]){16, 10, 13, 5, 8, 100 - 52 - 5}, 6);
	rv_columns_fit(&set, NULL, natural, 100, 2, &l); /* scrolled: the date stays */
	assert_int_equal(l.skipped, 2);
	assert_string_equal(set.defs[l.slots[0].def].name, "date");
	assert_string_equal(set.defs[l.slots[1].def].name, "item");

	memset(natural, 0, sizeof(natural));
	rv_columns_available(NULL, RV_COLS_RESULTS, &set);
	rv_columns_fit(&set, NULL, natural, 79, 0, &l);
	assert_widths(&l, (const int[]){9, 5, 79 - 14 - 2}, 3);
	assert_true(set.defs[l.slots[1].def].right);

	rv_columns_available(NULL, RV_COLS_AGENDA, &set);
	rv_columns_fit(&set, NULL, natural, 72, 0, &l);
	assert_widths(&l, (const int[]){11, 15, 6, 72 - 32 - 3}, 4);
	natural[rv_columns_find(&set, "id")] = 14;
	rv_columns_fit(&set, NULL, natural, 72, 0, &l);
	assert_widths(&l, (const int[]){14, 15, 6, 72 - 35 - 3}, 4);
}

/* A chosen recommendation column in the results fits its values and leaves the rest to the matches;
 * one too many for the screen goes first from the right. */
static void test_fit_results_chosen(void **state)
{
	(void)state;
	struct rv_col_set set;
	struct rv_col_layout l;
	int natural[RV_COLS_MAX] = {0};
	rv_columns_available(NULL, RV_COLS_RESULTS, &set);
	natural[rv_columns_find(&set, "status")] = 11;
	natural[rv_columns_find(&set, "title")] = 60;
	struct rv_col_choice c;
	char err[256];
	const char *spec = "id,hits,status,title,matched";
	assert_true(rv_columns_parse(spec, strlen(spec), &c, err, sizeof(err)));
	assert_true(rv_columns_check(&set, &c, err, sizeof(err)));
	rv_columns_fit(&set, &c, natural, 120, 0, &l);
	assert_widths(&l, (const int[]){9, 5, 11, 40, 120 - 65 - 4}, 5); /* the title at its cap */
	rv_columns_fit(&set, &c, natural, 60, 0, &l);
	assert_true(l.dropped > 0);
	assert_string_equal(set.defs[l.slots[l.n - 1].def].name, "matched"); /* still there, narrowed */
}

/* The specs checked against the data set: a column it lacks is said with FILE:LINE, its list unchanged. */
static void test_config_against_data(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	const char *specs[RV_COLS_LISTS] = {"id,area:30,title", NULL, "qid,rec,nope", "rec,note"};
	unsigned lines[RV_COLS_LISTS] = {3, 0, 7, 9};
	struct rv_col_choice out[RV_COLS_LISTS];
	struct diag_list dl;
	diag_list_init(&dl);
	rv_columns_from_config(&m, specs, lines, "/home/u/.config/recview/config", &dl, out);
	assert_true(out[RV_COLS_RECS].set);
	assert_int_equal(out[RV_COLS_RECS].cols[1].width, 30);
	assert_false(out[RV_COLS_DELIVERABLES].set);
	assert_false(out[RV_COLS_QUESTIONS].set);
	assert_true(out[RV_COLS_HISTORY].set);
	assert_int_equal(dl.n, 1);
	assert_string_equal(dl.items[0].file, "/home/u/.config/recview/config");
	assert_int_equal(dl.items[0].line, 7);
	assert_non_null(strstr(dl.items[0].msg, "columns.questions: unknown column nope for the questions list (known: "));
	diag_list_free(&dl);
	rv_model_free(&m);
}

/* The new lists' specs: the agenda takes any column of the recommendations, the results theirs and
 * their own, the log only its own (a history field is no column of it). */
static void test_config_new_lists(void **state)
{
	(void)state;
	struct rv_model m;
	load(&m);
	const char *specs[RV_COLS_LISTS] = {NULL};
	unsigned lines[RV_COLS_LISTS] = {0};
	specs[RV_COLS_AGENDA] = "id,decision,area:12,title";
	specs[RV_COLS_RESULTS] = "id,hits,status,matched";
	specs[RV_COLS_LOG] = "date,rec,source";
	lines[RV_COLS_LOG] = 4;
	struct rv_col_choice out[RV_COLS_LISTS];
	struct diag_list dl;
	diag_list_init(&dl);
	rv_columns_from_config(&m, specs, lines, "config", &dl, out);
	assert_true(out[RV_COLS_AGENDA].set);
	assert_int_equal(out[RV_COLS_AGENDA].cols[2].width, 12);
	assert_true(out[RV_COLS_RESULTS].set);
	assert_int_equal(out[RV_COLS_RESULTS].n, 4);
	assert_false(out[RV_COLS_LOG].set);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.items[0].line, 4);
	assert_non_null(strstr(dl.items[0].msg, "columns.log: unknown column source for the log list (known: date, author, "
						"rec, item, kind, change, old, new, note)"));
	diag_list_free(&dl);
	rv_model_free(&m);
}

int run_columns_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_spec),
		cmocka_unit_test(test_bad_specs),
		cmocka_unit_test(test_available_columns),
		cmocka_unit_test(test_extra_column_names),
		cmocka_unit_test(test_measure_values),
		cmocka_unit_test(test_next_due),
		cmocka_unit_test(test_fit_default_layout),
		cmocka_unit_test(test_fit_chosen_columns),
		cmocka_unit_test(test_scroll_keeps_the_id),
		cmocka_unit_test_setup_teardown(test_config_columns, make_dir, remove_dir),
		cmocka_unit_test(test_config_against_data),
		cmocka_unit_test(test_list_names),
		cmocka_unit_test(test_agenda_columns),
		cmocka_unit_test(test_results_columns),
		cmocka_unit_test(test_log_columns),
		cmocka_unit_test(test_fit_new_lists),
		cmocka_unit_test(test_fit_results_chosen),
		cmocka_unit_test(test_config_new_lists),
	};
	return cmocka_run_group_tests_name("columns", tests, NULL, NULL);
}
