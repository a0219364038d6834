/*
 * test_meeting.c - the meeting's budgets and clock: an agenda item's minutes set through the session's
 * change path (written into agenda.csv, which an old file gains as a column; undone and redone; kept
 * through a removal undone), minutes as typed, the clock's format, the bar, over budget, and the
 * meeting clock that RECVIEW_CLOCK=0 stops for tests.
 */
#include "tests.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/clock.h"
#include "recview/entity.h"
#include "recview/meeting.h"
#include "recview/model.h"
#include "recview/triage.h"

#define NOW "2026-11-23T14:05:00"
#define RECS "id,review,number,title,text,decision,status,priority,source\n" \
	     "R-1,R,1,One,First,approved,,P2,s1\nR-2,R,2,Two,Second,pending,in progress,,s1\nR-3,R,3,Three,Third,,,,s1\n"
/* An agenda file from before budgets: no minutes column. */
#define OLD_AGENDA "rec_id,added,author\nR-2,2026-11-20T10:00:00,bob\nR-1,2026-11-20T10:01:00,bob\n"

static char dir[64];

struct meeting {
	struct rv_model *m;
	struct rv_session s;
};

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	snprintf(dir, sizeof(dir), "/tmp/recview-meeting-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	write_test_file(dir, "recommendations.csv", RECS);
	write_test_file(dir, "agenda.csv", OLD_AGENDA);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

static void meeting_open(struct meeting *t, bool read_only)
{
	t->m = xcalloc(1, sizeof(*t->m));
	load_ok(t->m, dir);
	rv_session_open(&t->s, t->m, "tester", read_only);
	assert_int_equal(t->s.read_only, read_only);
}

static void meeting_close(struct meeting *t)
{
	rv_session_free(&t->s);
	rv_model_free(t->m);
	free(t->m);
}

static size_t rec(const struct meeting *t, const char *id)
{
	long r = rv_find_rec(t->m, id, strlen(id));
	assert_true(r >= 0);
	return (size_t)r;
}

static void assert_agenda_file(const char *want)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/agenda.csv", dir);
	size_t len;
	char *got = read_whole_file(path, &len);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Minutes set from the change path: the old file gains the column, undo gives its bytes back, redo
 * and a new session read the budget again. */
static void test_minutes_set_undone_and_read_again(void **state)
{
	(void)state;
	struct meeting t;
	meeting_open(&t, false);
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-2")), 0);
	assert_true(rv_agenda_set_minutes(&t.s, rec(&t, "R-2"), 5));
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-2")), 5);
	assert_agenda_file("rec_id,added,author,minutes\nR-2,2026-11-20T10:00:00,bob,5\nR-1,2026-11-20T10:01:00,bob,\n");
	assert_int_equal(t.s.changes[t.s.n - 1].kind, RV_CHANGE_AGENDA_MINUTES);
	assert_string_equal(t.s.changes[t.s.n - 1].before, "");
	assert_string_equal(t.s.changes[t.s.n - 1].after, "5");

	assert_true(rv_undo(&t.s));
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-2")), 0);
	assert_agenda_file(OLD_AGENDA); /* every agenda change undone: the file as it was read */
	assert_true(rv_redo(&t.s));
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-2")), 5);
	assert_true(rv_agenda_set_minutes(&t.s, rec(&t, "R-1"), 12));
	meeting_close(&t);

	meeting_open(&t, false);
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-2")), 5);
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-1")), 12);
	assert_string_equal(t.s.agenda[0].added, "2026-11-20T10:00:00");
	assert_string_equal(t.s.agenda[0].author, "bob");
	/* cleared: the cell is empty again */
	assert_true(rv_agenda_set_minutes(&t.s, rec(&t, "R-1"), 0));
	assert_agenda_file("rec_id,added,author,minutes\nR-2,2026-11-20T10:00:00,bob,5\nR-1,2026-11-20T10:01:00,bob,\n");
	assert_true(rv_undo(&t.s));
	assert_agenda_file("rec_id,added,author,minutes\nR-2,2026-11-20T10:00:00,bob,5\nR-1,2026-11-20T10:01:00,bob,12\n");
	meeting_close(&t);
}

/* Taken off the agenda and put back by undo, an item keeps its budget. */
static void test_removal_undone_keeps_minutes(void **state)
{
	(void)state;
	struct meeting t;
	meeting_open(&t, false);
	assert_true(rv_agenda_set_minutes(&t.s, rec(&t, "R-1"), 7));
	assert_true(rv_agenda_toggle(&t.s, rec(&t, "R-1")));
	assert_int_equal(rv_agenda_position(&t.s, rec(&t, "R-1")), -1);
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-1")), 0);
	assert_true(rv_undo(&t.s));
	assert_int_equal(rv_agenda_position(&t.s, rec(&t, "R-1")), 1);
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-1")), 7);
	/* put on the agenda anew, an item has no budget */
	assert_true(rv_agenda_toggle(&t.s, rec(&t, "R-3")));
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-3")), 0);
	assert_agenda_file("rec_id,added,author,minutes\nR-2,2026-11-20T10:00:00,bob,\nR-1,2026-11-20T10:01:00,bob,7\n"
			   "R-3," NOW ",tester,\n");
	meeting_close(&t);
}

static void test_minutes_refused(void **state)
{
	(void)state;
	struct meeting t;
	meeting_open(&t, false);
	assert_false(rv_agenda_set_minutes(&t.s, rec(&t, "R-3"), 5));
	assert_string_equal(t.s.error, "not on the agenda: only an agenda item has a budget");
	assert_false(rv_agenda_set_minutes(&t.s, rec(&t, "R-1"), RV_MINUTES_MAX + 1));
	assert_false(rv_agenda_set_minutes(&t.s, rec(&t, "R-1"), 0)); /* none already */
	assert_int_equal(t.s.n, 0);
	assert_agenda_file(OLD_AGENDA);
	meeting_close(&t);

	meeting_open(&t, true);
	assert_false(rv_agenda_set_minutes(&t.s, rec(&t, "R-1"), 5));
	assert_non_null(strstr(t.s.error, "nothing was changed"));
	meeting_close(&t);
}

/* A budget as someone types or writes it: whole minutes, blanks around; a cell that is no number reads
 * as no budget. */
static void test_minutes_parse(void **state)
{
	(void)state;
	unsigned m = 99;
	assert_true(rv_minutes_parse("5", &m));
	assert_int_equal(m, 5);
	assert_true(rv_minutes_parse(" 12 ", &m));
	assert_int_equal(m, 12);
	assert_true(rv_minutes_parse("", &m));
	assert_int_equal(m, 0);
	assert_true(rv_minutes_parse("999", &m));
	assert_int_equal(m, 999);
	assert_false(rv_minutes_parse("1000", &m));
	assert_false(rv_minutes_parse("5:00", &m));
	assert_false(rv_minutes_parse("-3", &m));
	assert_false(rv_minutes_parse("five", &m));
	assert_false(rv_minutes_parse("99999999999999999999", &m));

	write_test_file(dir, "agenda.csv", "rec_id,added,author,minutes\nR-1,,,soon\nR-2,,, 4\n");
	struct meeting t;
	meeting_open(&t, false);
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-1")), 0);
	assert_int_equal(rv_agenda_minutes(&t.s, rec(&t, "R-2")), 4);
	meeting_close(&t);
}

static void assert_clock(double seconds, const char *want)
{
	char buf[32];
	rv_clock_format(seconds, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

static void test_clock_format_and_bar(void **state)
{
	(void)state;
	assert_clock(0, "0:00");
	assert_clock(7.9, "0:07");
	assert_clock(192, "3:12");
	assert_clock(3599, "59:59");
	assert_clock(3723, "1:02:03");
	assert_clock(-5, "0:00");
	assert_int_equal(rv_progress_cells(0, 4, 10), 0);
	assert_int_equal(rv_progress_cells(1, 4, 10), 3); /* 2.5 rounds up */
	assert_int_equal(rv_progress_cells(2, 3, 24), 16);
	assert_int_equal(rv_progress_cells(4, 4, 10), 10);
	assert_int_equal(rv_progress_cells(9, 4, 10), 10);
	assert_int_equal(rv_progress_cells(1, 0, 10), 0);
}

/* This item's time against its budget, all items' against theirs; at the budget is not over it. */
static void test_meeting_over_budget(void **state)
{
	(void)state;
	struct meeting t;
	meeting_open(&t, false);
	size_t r1 = rec(&t, "R-1"), r2 = rec(&t, "R-2"), r3 = rec(&t, "R-3");
	assert_true(rv_agenda_set_minutes(&t.s, r2, 5));
	assert_true(rv_agenda_set_minutes(&t.s, r1, 3));
	uint32_t walk[] = {(uint32_t)r2, (uint32_t)r1, (uint32_t)r3};
	struct rv_meeting mc;
	rv_meeting_measure(&t.s, walk, 3, 0, &mc);
	assert_int_equal(mc.budget, 5);
	assert_int_equal(mc.total_budget, 8);
	assert_false(mc.over);
	assert_false(mc.total_over);

	rv_session_add_time(&t.s, r2, 300.4); /* 5:00 of 5:00 */
	rv_meeting_measure(&t.s, walk, 3, 0, &mc);
	assert_false(mc.over);
	rv_session_add_time(&t.s, r2, 1);
	rv_meeting_measure(&t.s, walk, 3, 0, &mc);
	assert_true(mc.over);
	assert_false(mc.total_over);
	assert_true(mc.item > 301 && mc.item < 302);

	rv_session_add_time(&t.s, r1, 100);
	rv_meeting_measure(&t.s, walk, 3, 1, &mc);
	assert_int_equal(mc.at, 1);
	assert_int_equal(mc.budget, 3);
	assert_false(mc.over);
	assert_true(mc.total > 401 && mc.total < 402);
	rv_session_add_time(&t.s, r3, 100); /* no budget of its own: never over, counts in all */
	rv_meeting_measure(&t.s, walk, 3, 2, &mc);
	assert_int_equal(mc.budget, 0);
	assert_false(mc.over);
	assert_true(mc.total_over); /* 8:21 of 8:00 */
	assert_int_equal((long)rv_session_time_on(&t.s, r3), 100);
	meeting_close(&t);
}

/* RECVIEW_CLOCK=0 stops the meeting clock: only rv_meeting_advance moves it. */
static void test_meeting_clock_stopped(void **state)
{
	(void)state;
	setenv("RECVIEW_CLOCK", "0", 1);
	double t0 = rv_meeting_seconds();
	double t1 = rv_meeting_seconds();
	assert_true(t1 - t0 == 0);
	rv_meeting_advance(320);
	assert_true(rv_meeting_seconds() - t0 == 320);
	rv_meeting_advance(-5); /* never back */
	assert_true(rv_meeting_seconds() - t0 == 320);
	unsetenv("RECVIEW_CLOCK");
}

int run_meeting_tests(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_minutes_set_undone_and_read_again),
		T(test_removal_undone_keeps_minutes),
		T(test_minutes_refused),
		T(test_minutes_parse),
		cmocka_unit_test(test_clock_format_and_bar),
		T(test_meeting_over_budget),
		cmocka_unit_test(test_meeting_clock_stopped),
	};
#undef T
	return cmocka_run_group_tests_name("meeting", tests, NULL, NULL);
}
