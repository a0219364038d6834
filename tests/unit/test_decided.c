/*
 * test_decided.c - what a meeting decided about one recommendation (decided.h): the session's changes
 * in effect about it, oldest first, each with its clock time and "old → new"; another
 * recommendation's changes and the agenda's plan left out; an undo takes a change off the list and a
 * redo puts it back; the minutes tell each change in the same words.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/decided.h"
#include "recview/entity.h"
#include "recview/export.h"
#include "recview/model.h"
#include "recview/triage.h"

#define NOW "2026-12-02T10:15:00"

static char dir[64];

static const char recs_csv[] = "id,review,title,status,priority\n"
			       "R-1,R,First,in progress,P2\n"
			       "R-2,R,Second,not started,\n";
static const char deliv_csv[] = "rec_id,description,responsible,due,status\n"
				"R-1,Draft,Staff,Nov. 2015,complete\n"
				"R-1,Publish,Staff,Sept 2016,\n";

static int setup(void **state)
{
	*state = dir; /* drop_test_set removes it */
	setenv("RECVIEW_NOW", NOW, 1);
	static const struct test_file files[] = {
		{"recommendations.csv", recs_csv},
		{"deliverables.csv", deliv_csv},
		{NULL, NULL},
	};
	return make_test_set(dir, sizeof(dir), "decided", files);
}

struct fx {
	struct rv_model m;
	struct rv_session s;
};

static void fx_open(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	load_ok(&f->m, dir);
	rv_session_open(&f->s, &f->m, "chair", false);
}

static void fx_close(struct fx *f)
{
	rv_session_free(&f->s);
	rv_model_free(&f->m);
}

/* The line the slide shows for the change at index i of the session. */
static void assert_line(const struct fx *f, size_t i, bool ascii, const char *want)
{
	struct strbuf line;
	sb_init(&line);
	rv_decided_describe(&f->s.changes[i], ascii, &line);
	assert_string_equal(line.data, want);
	sb_free(&line);
}

static void test_changes_of_one_recommendation(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	size_t got[8];
	assert_int_equal(rv_session_decided(&f.s, 0, got, 8), 0);
	assert_true(rv_change_status(&f.s, 0, "complete", "all done", NULL));
	assert_true(rv_change_priority(&f.s, 1, "P1"));           /* another recommendation */
	assert_true(rv_agenda_toggle(&f.s, 0));                   /* the agenda's plan */
	assert_true(rv_add_note(&f.s, 0, "the board agreed"));
	struct rv_item d2 = {RV_DELIVERABLES, rv_rec_child_index(&f.m, 0, RV_DELIVERABLES, 1)};
	assert_true(rv_change_item_field(&f.s, d2, DEL_RESPONSIBLE, "OCTO", NULL));
	assert_true(rv_change_decision(&f.s, 0, "approved", NULL, "2026-11-20"));

	assert_int_equal(rv_session_decided(&f.s, 0, got, 8), 4);
	assert_int_equal(got[0], 0);
	assert_int_equal(got[1], 3);
	assert_int_equal(got[2], 4);
	assert_int_equal(got[3], 5);
	assert_int_equal(rv_session_decided(&f.s, 1, got, 8), 1);
	assert_int_equal(got[0], 1);
	/* max bounds what is written, not what is counted */
	assert_int_equal(rv_session_decided(&f.s, 0, got, 2), 4);

	char clock[6];
	rv_change_clock(&f.s.changes[0], clock);
	assert_string_equal(clock, "10:15");
	assert_line(&f, 0, false, "status: in progress \xE2\x86\x92 complete \xE2\x80\x94 all done");
	assert_line(&f, 0, true, "status: in progress -> complete -- all done");
	assert_line(&f, 3, true, "note added: the board agreed");
	assert_line(&f, 4, true, "owner of D2: Staff -> OCTO");
	/* dated in the past: that day is said */
	assert_line(&f, 5, true, "decision: (none) -> approved (dated 2026-11-20)");
	assert_line(&f, 1, true, "priority: (none) -> P1");
	fx_close(&f);
}

static void test_undo_takes_it_off(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	size_t got[4];
	assert_true(rv_change_status(&f.s, 0, "not started", NULL, NULL));
	assert_true(rv_change_priority(&f.s, 0, "P1"));
	assert_int_equal(rv_session_decided(&f.s, 0, got, 4), 2);
	assert_true(rv_undo(&f.s));
	assert_int_equal(rv_session_decided(&f.s, 0, got, 4), 1);
	assert_int_equal(got[0], 0);
	assert_true(rv_undo(&f.s));
	assert_int_equal(rv_session_decided(&f.s, 0, got, 4), 0);
	assert_true(rv_redo(&f.s));
	assert_int_equal(rv_session_decided(&f.s, 0, got, 4), 1);
	fx_close(&f);
}

/* The minutes (Z) tell each change in the words the slide uses. */
static void test_minutes_say_the_same(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f);
	struct rv_item d2 = {RV_DELIVERABLES, rv_rec_child_index(&f.m, 0, RV_DELIVERABLES, 1)};
	assert_true(rv_change_item_field(&f.s, d2, DEL_RESPONSIBLE, "OCTO", NULL));
	assert_true(rv_change_status(&f.s, 0, "complete", NULL, NULL));
	struct strbuf doc, label;
	sb_init(&doc);
	sb_init(&label);
	rv_session_minutes(&f.s, &doc);
	size_t got[4];
	assert_int_equal(rv_session_decided(&f.s, 0, got, 4), 2);
	for (size_t k = 0; k < 2; k++) {
		sb_reset(&label);
		rv_change_label(&f.s.changes[got[k]], &label);
		sb_adds(&label, ": ");
		assert_non_null(strstr(doc.data, label.data));
	}
	assert_non_null(strstr(doc.data, "owner of D2: Staff \xE2\x86\x92 OCTO"));
	sb_free(&doc);
	sb_free(&label);
	fx_close(&f);
}

/* The lines a follower's slide shows for rec, from the files alone (a model read again from them). */
static size_t file_lines(const char *since, const char *author, size_t rec, char lines[][160], size_t max)
{
	struct rv_model m;
	memset(&m, 0, sizeof(m));
	load_ok(&m, dir);
	struct rv_change *list;
	size_t n = rv_files_decided(&m, rec, since, author, &list);
	struct strbuf line;
	sb_init(&line);
	for (size_t i = 0; i < n && i < max; i++) {
		sb_reset(&line);
		char clock[6];
		rv_change_clock(&list[i], clock);
		sb_addf(&line, "%s ", clock);
		rv_decided_describe(&list[i], true, &line);
		snprintf(lines[i], 160, "%s", line.data);
	}
	sb_free(&line);
	rv_files_decided_free(list, n);
	rv_model_free(&m);
	return n;
}

/* The same line as the session's change at index i says it, with its clock. */
static void session_line(const struct fx *f, size_t i, char out[160])
{
	struct strbuf line;
	sb_init(&line);
	char clock[6];
	rv_change_clock(&f->s.changes[i], clock);
	sb_addf(&line, "%s ", clock);
	rv_decided_describe(&f->s.changes[i], true, &line);
	snprintf(out, 160, "%s", line.data);
	sb_free(&line);
}

/* A follower, reading the files the presenter's session wrote, tells the meeting's changes in the
 * very words of the presenter's slide, in the same order; what was recorded before the meeting, or by
 * someone else, is not on it; an undo takes the line away. */
static void test_files_tell_the_same(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", "2026-12-02T09:00:00", 1);
	struct fx before;
	memset(&before, 0, sizeof(before));
	load_ok(&before.m, dir);
	rv_session_open(&before.s, &before.m, "chair", false);
	assert_true(rv_add_note(&before.s, 0, "before the meeting"));
	fx_close(&before);

	setenv("RECVIEW_NOW", "2026-12-02T10:15:00", 1);
	struct fx f;
	fx_open(&f);
	assert_true(rv_change_status(&f.s, 0, "complete", "all done", NULL));
	setenv("RECVIEW_NOW", "2026-12-02T10:16:00", 1);
	assert_true(rv_change_priority(&f.s, 0, "P1"));
	assert_true(rv_change_priority(&f.s, 1, "P3")); /* another recommendation */
	setenv("RECVIEW_NOW", "2026-12-02T10:17:00", 1);
	assert_true(rv_add_note(&f.s, 0, "the board agreed"));
	struct rv_item d2 = {RV_DELIVERABLES, rv_rec_child_index(&f.m, 0, RV_DELIVERABLES, 1)};
	setenv("RECVIEW_NOW", "2026-12-02T10:18:00", 1);
	assert_true(rv_change_item_field(&f.s, d2, DEL_RESPONSIBLE, "OCTO", NULL));
	assert_true(rv_change_decision(&f.s, 0, "approved", NULL, "2026-11-20"));
	rv_session_wait(&f.s);

	/* someone else, at the same time */
	struct fx other;
	memset(&other, 0, sizeof(other));
	load_ok(&other.m, dir);
	rv_session_open(&other.s, &other.m, "bob", false);
	assert_true(rv_add_note(&other.s, 0, "bob's aside"));
	fx_close(&other);

	char got[8][160], want[160];
	size_t decided[8];
	size_t n = rv_session_decided(&f.s, 0, decided, 8);
	assert_int_equal(n, 5);
	assert_int_equal(file_lines("2026-12-02T10:00:00", "chair", 0, got, 8), n);
	for (size_t k = 0; k < n; k++) {
		session_line(&f, decided[k], want);
		assert_string_equal(got[k], want);
	}
	assert_string_equal(got[0], "10:15 status: in progress -> complete -- all done");
	assert_string_equal(got[4], "10:18 decision: (none) -> approved (dated 2026-11-20)");
	/* by anyone: bob's note too; since earlier: the note before the meeting too */
	assert_int_equal(file_lines("2026-12-02T10:00:00", NULL, 0, got, 8), 6);
	assert_string_equal(got[5], "10:18 note added: bob's aside");
	assert_int_equal(file_lines("2026-12-02T08:00:00", "chair", 0, got, 8), 6);
	assert_string_equal(got[0], "09:00 note added: before the meeting");
	assert_int_equal(file_lines("2026-12-02T10:00:00", "chair", 1, got, 8), 1);
	assert_string_equal(got[0], "10:16 priority: (none) -> P3");

	assert_true(rv_undo(&f.s)); /* the decision */
	rv_session_wait(&f.s);
	assert_int_equal(file_lines("2026-12-02T10:00:00", "chair", 0, got, 8), 4);
	session_line(&f, decided[3], want);
	assert_string_equal(got[3], want);
	fx_close(&f);
	setenv("RECVIEW_NOW", NOW, 1);
}

int run_decided_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_changes_of_one_recommendation, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_undo_takes_it_off, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_minutes_say_the_same, setup, drop_test_set),
		cmocka_unit_test_setup_teardown(test_files_tell_the_same, setup, drop_test_set),
	};
	return cmocka_run_group_tests_name("decided", tests, NULL, NULL);
}
