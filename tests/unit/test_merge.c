/*
 * test_merge.c - someone else saves the files while a session has changes: the three-way merge.
 * Every case writes "theirs" the way another recview or a spreadsheet would (a whole new file, or
 * a line appended), makes "ours" fail with a conflict, then merges and checks the files byte for
 * byte, the conflicts held, their settling, and undo afterwards.
 */
#include "tests.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/change.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/xref.h"
#include "recview/strbuf.h"
#include "recview/save.h"
#include "recview/triage.h"

#define NOW "2026-11-23T14:05:00"
#define NOTES_HEADER "rec_id,time,author,note\n"
#define AGENDA_HEADER "rec_id,added,author\n"

static char root[64];

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	snprintf(root, sizeof(root), "/tmp/recview-merge-XXXXXX");
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
	static char bufs[16][512];
	static int next;
	char *p = bufs[next++ % 16];
	snprintf(p, sizeof(bufs[0]), "%s/ds/%s", root, name);
	return p;
}

static void put(const char *name, const char *text)
{
	FILE *f = fopen(path_of(name), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

static void append(const char *name, const char *text)
{
	FILE *f = fopen(path_of(name), "ab");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void assert_file(const char *name, const char *want)
{
	size_t len;
	char *got = read_whole_file(path_of(name), &len);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static const char recs0[] = "id,review,number,title,text,decision,status,priority,source\n"
			    "R-1,R,1,One,First text,approved,,P2,s1\n"
			    "R-2,R,2,Two,Second,pending,in progress,,s1\n"
			    "R-3,R,3,,Third text,,,,s1\n";
static const char hist0[] = "rec_id,date,decision,status,source,note\n"
			    "R-1,2020-01-01,approved,in planning,s1,\n";

struct fixture {
	struct rv_model *m;
	struct rv_session s;
};

static void open_set(struct fixture *f)
{
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/ds", root);
	remove_tree(dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	put("recommendations.csv", recs0);
	put("status_history.csv", hist0);
	f->m = xcalloc(1, sizeof(*f->m));
	load_ok(f->m, dir);
	rv_session_open(&f->s, f->m, "ann", false);
}

static size_t rec(const struct fixture *f, const char *id)
{
	long r = rv_find_rec(f->m, id, strlen(id));
	assert_true(r >= 0);
	return (size_t)r;
}

/* The data set as it is now, merged into the session (which keeps its model's address). */
static bool merge(struct fixture *f)
{
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/ds", root);
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	load_ok(fresh, dir);
	bool ok = rv_session_merge(&f->s, fresh);
	free(fresh);
	assert_ptr_equal(f->s.m, f->m);
	return ok;
}

static void close_set(struct fixture *f)
{
	rv_session_free(&f->s);
	rv_model_free(f->m);
	free(f->m);
}

/* Theirs changed R-2's priority, ours R-1's status: different fields combine, nothing to ask. */
static void test_different_fields_combine(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	const char *theirs = "id,review,number,title,text,decision,status,priority,source\n"
			     "R-1,R,1,One,First text,approved,,P2,s1\n"
			     "R-2,R,2,Two,Second,pending,in progress,P1,s1\n"
			     "R-3,R,3,,Third text,,,,s1\n";
	put("recommendations.csv", theirs);
	assert_false(rv_change_status(&f.s, rec(&f, "R-1"), "complete", "done", NULL));
	assert_true(f.s.conflict);
	assert_true(merge(&f));
	assert_int_equal(f.s.nconflicts, 0);
	assert_int_equal(f.s.merged, 1);
	assert_false(rv_session_has_unsaved(&f.s));
	assert_file("recommendations.csv", "id,review,number,title,text,decision,status,priority,source\n"
					   "R-1,R,1,One,First text,approved,complete,P2,s1\n"
					   "R-2,R,2,Two,Second,pending,in progress,P1,s1\n"
					   "R-3,R,3,,Third text,,,,s1\n");
	assert_file("status_history.csv", "rec_id,date,decision,status,source,note\n"
					  "R-1,2020-01-01,approved,in planning,s1,\n"
					  "R-1,2026-11-23,,complete,recview: ann,done\n");
	/* undo after the merge takes back ours only */
	assert_true(rv_undo(&f.s));
	assert_file("recommendations.csv", theirs);
	assert_file("status_history.csv", hist0);
	close_set(&f);
}

/* Rows added on both sides are all kept, theirs first. */
static void test_appends_from_both_sides_are_kept(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	put("notes.csv", NOTES_HEADER);
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/ds", root);
	rv_session_free(&f.s);
	rv_model_free(f.m);
	load_ok(f.m, dir);
	rv_session_open(&f.s, f.m, "ann", false);
	append("notes.csv", "R-1,2026-11-23T10:00:00,bob,bob's note\n");
	append("status_history.csv", "R-3,2026-11-22,,not started,recview: bob,\n");
	assert_false(rv_add_note(&f.s, rec(&f, "R-1"), "ann's note"));
	assert_false(rv_change_status(&f.s, rec(&f, "R-2"), "complete", NULL, NULL));
	assert_true(merge(&f));
	assert_int_equal(f.s.nconflicts, 0);
	assert_int_equal(f.s.merged, 2);
	assert_file("notes.csv", NOTES_HEADER "R-1,2026-11-23T10:00:00,bob,bob's note\n"
					      "R-1," NOW ",ann,ann's note\n");
	assert_file("status_history.csv", "rec_id,date,decision,status,source,note\n"
					  "R-1,2020-01-01,approved,in planning,s1,\n"
					  "R-3,2026-11-22,,not started,recview: bob,\n"
					  "R-2,2026-11-23,,complete,recview: ann,\n");
	assert_int_equal(f.m->recs[rec(&f, "R-3")].cur_status, RV_STATUS_NOT_STARTED);
	assert_int_equal(f.m->recs[rec(&f, "R-2")].cur_status, RV_STATUS_COMPLETE);
	close_set(&f);
}

/* Both set the same field to the same value: no conflict. */
static void test_same_value_both_ways(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	put("recommendations.csv", "id,review,number,title,text,decision,status,priority,source\n"
				   "R-1,R,1,One,First text,approved,,P2,s1\n"
				   "R-2,R,2,Two,Second,pending,Complete,,s1\n"
				   "R-3,R,3,,Third text,,,,s1\n");
	assert_false(rv_change_status(&f.s, rec(&f, "R-2"), "complete", NULL, NULL));
	assert_true(merge(&f));
	assert_int_equal(f.s.nconflicts, 0);
	assert_false(rv_session_has_unsaved(&f.s));
	close_set(&f);
}

static const char recs_theirs_r2[] = "id,review,number,title,text,decision,status,priority,source\n"
				     "R-1,R,1,One,First text,approved,,P2,s1\n"
				     "R-2,R,2,Two,Second,pending,not started,,s1\n"
				     "R-3,R,3,,Third text,,,,s1\n";

/* The same field changed both ways: held, shown with both values, nothing of ours written. */
static void make_status_conflict(struct fixture *f)
{
	open_set(f);
	put("recommendations.csv", recs_theirs_r2);
	append("status_history.csv", "R-2,2026-11-22,,not started,recview: bob,\n");
	assert_false(rv_change_status(&f->s, rec(f, "R-2"), "complete", "mine", NULL));
	assert_false(rv_add_note(&f->s, rec(f, "R-3"), "a note")); /* notes.csv is new: combined */
	assert_true(merge(f));
	assert_int_equal(f->s.nconflicts, 1);
	const struct rv_conflict *c = &f->s.conflicts[0];
	assert_string_equal(c->rec_id, "R-2");
	assert_int_equal(c->kind, RV_CHANGE_STATUS);
	assert_string_equal(c->base, "in progress");
	assert_string_equal(c->ours, "complete");
	assert_string_equal(c->theirs, "not started");
	assert_string_equal(c->their_author, "bob");
	assert_string_equal(c->their_date, "2026-11-22");
	assert_int_equal(c->nheld, 1);
	/* what could be combined is saved; ours for R-2 is not */
	assert_file("recommendations.csv", recs_theirs_r2);
	assert_file("notes.csv", NOTES_HEADER "R-3," NOW ",ann,a note\n");
	assert_true(rv_session_has_unsaved(&f->s));
	assert_int_equal(rv_session_count_unsaved(&f->s), 1);
	struct strbuf sb;
	sb_init(&sb);
	rv_session_describe_unsaved(&f->s, &sb);
	assert_non_null(strstr(sb.data, "status of R-2: yours complete, theirs not started (bob, 2026-11-22), both changed "
					 "from in progress"));
	sb_free(&sb);
	/* undo waits for the conflict to be settled */
	assert_false(rv_undo(&f->s));
	assert_non_null(strstr(f->s.error, "conflict"));
}

static void test_conflict_keep_mine(void **state)
{
	(void)state;
	struct fixture f;
	make_status_conflict(&f);
	assert_true(rv_conflict_resolve(&f.s, 0, true));
	assert_int_equal(f.s.nconflicts, 0);
	assert_false(rv_session_has_unsaved(&f.s));
	assert_file("recommendations.csv", "id,review,number,title,text,decision,status,priority,source\n"
					   "R-1,R,1,One,First text,approved,,P2,s1\n"
					   "R-2,R,2,Two,Second,pending,complete,,s1\n"
					   "R-3,R,3,,Third text,,,,s1\n");
	assert_file("status_history.csv", "rec_id,date,decision,status,source,note\n"
					  "R-1,2020-01-01,approved,in planning,s1,\n"
					  "R-2,2026-11-22,,not started,recview: bob,\n"
					  "R-2,2026-11-23,,complete,recview: ann,mine\n");
	/* undo puts theirs back, not the base */
	assert_true(rv_undo(&f.s));
	assert_file("recommendations.csv", recs_theirs_r2);
	assert_int_equal(f.m->recs[rec(&f, "R-2")].cur_status, RV_STATUS_NOT_STARTED);
	close_set(&f);
}

static void test_conflict_keep_theirs(void **state)
{
	(void)state;
	struct fixture f;
	make_status_conflict(&f);
	assert_true(rv_conflict_resolve(&f.s, 0, false));
	assert_int_equal(f.s.nconflicts, 0);
	assert_false(rv_session_has_unsaved(&f.s));
	assert_file("recommendations.csv", recs_theirs_r2);
	assert_int_equal(f.m->recs[rec(&f, "R-2")].cur_status, RV_STATUS_NOT_STARTED);
	/* the note, combined before, can still be undone */
	assert_true(rv_undo(&f.s));
	assert_file("notes.csv", NOTES_HEADER);
	close_set(&f);
}

/* Two changes of ours to one field: one conflict holding both; keeping mine makes both, in order. */
static void test_chain_of_changes_is_one_conflict(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	put("recommendations.csv", recs_theirs_r2);
	assert_false(rv_change_status(&f.s, rec(&f, "R-2"), "behind schedule", NULL, NULL));
	assert_false(rv_change_status(&f.s, rec(&f, "R-2"), "complete", NULL, NULL));
	assert_true(merge(&f));
	assert_int_equal(f.s.nconflicts, 1);
	assert_int_equal(f.s.conflicts[0].nheld, 2);
	assert_string_equal(f.s.conflicts[0].ours, "complete");
	assert_null(f.s.conflicts[0].their_author); /* their change left no history row */
	assert_true(rv_conflict_resolve(&f.s, 0, true));
	assert_file("status_history.csv", "rec_id,date,decision,status,source,note\n"
					  "R-1,2020-01-01,approved,in planning,s1,\n"
					  "R-2,2026-11-23,,behind schedule,recview: ann,\n"
					  "R-2,2026-11-23,,complete,recview: ann,\n");
	assert_int_equal(f.m->recs[rec(&f, "R-2")].cur_status, RV_STATUS_COMPLETE);
	close_set(&f);
}

/* Theirs removed the recommendation: ours cannot be made on it; theirs can be kept. */
static void test_recommendation_gone(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	const char *theirs = "id,review,number,title,text,decision,status,priority,source\n"
			     "R-1,R,1,One,First text,approved,,P2,s1\n"
			     "R-3,R,3,,Third text,,,,s1\n";
	put("recommendations.csv", theirs);
	assert_false(rv_change_priority(&f.s, rec(&f, "R-2"), "P1"));
	assert_true(merge(&f));
	assert_int_equal(f.s.nconflicts, 1);
	assert_true(f.s.conflicts[0].gone);
	assert_false(rv_conflict_resolve(&f.s, 0, true));
	assert_non_null(strstr(f.s.error, "no longer in recommendations.csv"));
	assert_int_equal(f.s.nconflicts, 1);
	assert_true(rv_conflict_resolve(&f.s, 0, false));
	assert_false(rv_session_has_unsaved(&f.s));
	assert_file("recommendations.csv", theirs);
	close_set(&f);
}

/* A change saved before the merge is undone by value: its history row found again and removed, its
 * cell put back, theirs left alone. */
static void test_undo_of_a_change_saved_before_the_merge(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	assert_true(rv_change_status(&f.s, rec(&f, "R-1"), "complete", "saved first", NULL));
	append("status_history.csv", "R-3,2026-11-22,,not started,recview: bob,\n");
	assert_false(rv_change_status(&f.s, rec(&f, "R-2"), "behind schedule", NULL, NULL));
	assert_true(merge(&f));
	assert_int_equal(f.s.merged, 1);
	assert_true(rv_undo(&f.s)); /* R-2, made again on theirs */
	assert_true(rv_undo(&f.s)); /* R-1, saved before: by value */
	assert_file("recommendations.csv", recs0);
	assert_file("status_history.csv", "rec_id,date,decision,status,source,note\n"
					  "R-1,2020-01-01,approved,in planning,s1,\n"
					  "R-3,2026-11-22,,not started,recview: bob,\n");
	assert_int_equal(f.m->recs[rec(&f, "R-1")].cur_status, RV_STATUS_PLANNING);
	/* and redo makes it again */
	assert_true(rv_redo(&f.s));
	assert_int_equal(f.m->recs[rec(&f, "R-1")].cur_status, RV_STATUS_COMPLETE);
	close_set(&f);
}

/* Undo never undoes someone else's later change of the same field. */
static void test_undo_refused_when_they_changed_it_since(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	assert_true(rv_change_status(&f.s, rec(&f, "R-2"), "complete", NULL, NULL));
	put("recommendations.csv", recs_theirs_r2);
	assert_false(rv_change_priority(&f.s, rec(&f, "R-1"), "P1"));
	assert_true(merge(&f));
	assert_int_equal(f.s.nconflicts, 0);
	assert_true(rv_undo(&f.s)); /* the priority */
	assert_false(rv_undo(&f.s)); /* the status: theirs is not started now */
	assert_non_null(strstr(f.s.error, "changed on disk since"));
	assert_non_null(strstr(f.s.error, "not started"));
	assert_file("recommendations.csv", recs_theirs_r2);
	assert_int_equal(f.s.applied, 1);
	close_set(&f);
}

/* Agenda edits are made again by recommendation: an entry both added is there once. */
static void test_agenda_merges_by_recommendation(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	assert_true(rv_agenda_toggle(&f.s, rec(&f, "R-3")));
	put("agenda.csv", AGENDA_HEADER "R-3,2026-11-23T09:00:00,bob\nR-2,2026-11-23T09:01:00,bob\n");
	assert_false(rv_agenda_toggle(&f.s, rec(&f, "R-1")));
	assert_true(merge(&f));
	assert_int_equal(f.s.nconflicts, 0);
	assert_file("agenda.csv", "rec_id,added,author,minutes\nR-3,2026-11-23T09:00:00,bob,\nR-2,2026-11-23T09:01:00,bob,\n"
				  "R-1," NOW ",ann,\n");
	assert_true(rv_undo(&f.s));
	/* written again (our R-3 is still in effect, merged as nothing to do), with the minutes column */
	assert_file("agenda.csv", "rec_id,added,author,minutes\nR-3,2026-11-23T09:00:00,bob,\nR-2,2026-11-23T09:01:00,bob,\n");
	close_set(&f);
}

/* A saved change undone, then theirs written: the undo is made again on their files. */
static void test_undo_of_saved_change_carried_over(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	assert_true(rv_change_status(&f.s, rec(&f, "R-1"), "complete", NULL, NULL));
	const char *theirs = "id,review,number,title,text,decision,status,priority,source\n"
			     "R-1,R,1,One,First text,approved,complete,P2,s1\n"
			     "R-2,R,2,Two,Second,pending,in progress,P3,s1\n"
			     "R-3,R,3,,Third text,,,,s1\n";
	put("recommendations.csv", theirs);
	assert_false(rv_undo(&f.s));
	assert_true(f.s.conflict);
	assert_true(merge(&f));
	assert_file("recommendations.csv", "id,review,number,title,text,decision,status,priority,source\n"
					   "R-1,R,1,One,First text,approved,,P2,s1\n"
					   "R-2,R,2,Two,Second,pending,in progress,P3,s1\n"
					   "R-3,R,3,,Third text,,,,s1\n");
	assert_file("status_history.csv", hist0);
	assert_false(rv_session_has_unsaved(&f.s));
	close_set(&f);
}

/* A row read from a file and removed again: every other byte stays as it was (CRLF, no final break). */
static void test_removed_row_leaves_the_rest_byte_exact(void **state)
{
	(void)state;
	struct parsed p;
	static const char text[] = "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n3,w";
	parse_mem(&p, LIT(text));
	assert_int_equal(p.t.nrows, 3);
	csv_table_remove_row(&p.t, 1);
	struct strbuf out;
	sb_init(&out);
	csv_table_serialize(&p.t, &out);
	assert_string_equal(out.data, "a,b\r\n1,\"x\r\ny\"\r\n3,w");
	csv_table_remove_row(&p.t, 1);
	sb_reset(&out);
	csv_table_serialize(&p.t, &out);
	assert_string_equal(out.data, "a,b\r\n1,\"x\r\ny\"\r\n");
	sb_free(&out);
	parsed_free(&p);
}

/* After a merge every derived thing is of the files as merged: their history row's reference is in the
 * cross-references, current statuses are theirs and ours, and a stamp taken before is stale. */
static void test_merge_makes_derived_data_current(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	struct rv_stamp before = rv_stamp_now(f.m, RV_DATE_NONE);
	const uint32_t *refs;
	assert_int_equal(rv_xref_out(f.m, rec(&f, "R-1"), &refs), 0);
	append("status_history.csv", "R-1,2026-11-22,,in progress,recview: bob,See Recommendation 3\n");
	assert_false(rv_change_status(&f.s, rec(&f, "R-2"), "complete", NULL, NULL));
	assert_true(merge(&f));
	assert_true(rv_stamp_stale(f.m, before, RV_DATE_NONE));
	assert_int_equal(rv_xref_out(f.m, rec(&f, "R-1"), &refs), 1);
	assert_int_equal(refs[0], rec(&f, "R-3"));
	assert_int_equal(rv_rec_status(f.m, rec(&f, "R-1"), RV_DATE_NONE), RV_STATUS_PROGRESS);
	assert_int_equal(rv_rec_status(f.m, rec(&f, "R-2"), RV_DATE_NONE), RV_STATUS_COMPLETE);
	/* and after undoing ours, still theirs */
	assert_true(rv_undo(&f.s));
	assert_int_equal(rv_rec_status(f.m, rec(&f, "R-2"), RV_DATE_NONE), RV_STATUS_PROGRESS);
	assert_int_equal(rv_xref_out(f.m, rec(&f, "R-1"), &refs), 1);
	close_set(&f);
}

/* Every kind of change, its undo and its redo make the model newer: views and derived data built
 * before are stale, and the current state follows. */
static void test_every_change_kind_bumps_the_generation(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	size_t r1 = rec(&f, "R-1");
	for (int kind = 0; kind < 6; kind++) {
		struct rv_stamp before = rv_stamp_now(f.m, RV_DATE_NONE);
		bool ok = false;
		switch (kind) {
		case 0: ok = rv_change_status(&f.s, r1, "complete", "See Recommendation 3", NULL); break;
		case 1: ok = rv_change_decision(&f.s, r1, "rejected", NULL, NULL); break;
		case 2: ok = rv_change_priority(&f.s, r1, "P1"); break;
		case 3: ok = rv_add_note(&f.s, r1, "a note"); break;
		case 4: ok = rv_agenda_toggle(&f.s, r1); break;
		default: ok = rv_agenda_toggle(&f.s, rec(&f, "R-2")) && rv_agenda_move(&f.s, rec(&f, "R-2"), -1); break;
		}
		assert_true(ok);
		assert_true(rv_stamp_stale(f.m, before, RV_DATE_NONE));
		before = rv_stamp_now(f.m, RV_DATE_NONE);
		assert_true(rv_undo(&f.s));
		assert_true(rv_stamp_stale(f.m, before, RV_DATE_NONE));
		before = rv_stamp_now(f.m, RV_DATE_NONE);
		assert_true(rv_redo(&f.s));
		assert_true(rv_stamp_stale(f.m, before, RV_DATE_NONE));
	}
	const uint32_t *refs;
	assert_int_equal(rv_rec_status(f.m, r1, RV_DATE_NONE), RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_decision(f.m, r1, RV_DATE_NONE), RV_DECISION_REJECTED);
	assert_int_equal(rv_rec_priority(f.m, r1), 1);
	assert_int_equal(rv_xref_out(f.m, r1, &refs), 1);
	assert_int_equal(refs[0], rec(&f, "R-3"));
	close_set(&f);
}

/* ---- saving by appending ---- */

static size_t bytes_written;

static ssize_t counting_write(int fd, const void *buf, size_t len)
{
	ssize_t n = write(fd, buf, len);
	if (n > 0)
		bytes_written += (size_t)n;
	return n;
}

static ino_t inode_of(const char *name)
{
	struct stat st;
	assert_int_equal(stat(path_of(name), &st), 0);
	return st.st_ino;
}

/* A note, and a status change to the value the column already has, only append their rows: a few
 * hundred bytes written, however large the files; a status change to another value rewrites
 * recommendations.csv. The files read back the same as a whole rewrite would make them. */
static void test_appends_write_only_the_new_rows(void **state)
{
	(void)state;
	struct fixture f;
	open_set(&f);
	struct strbuf big;
	sb_init(&big);
	sb_adds(&big, NOTES_HEADER);
	for (int i = 0; i < 3000; i++)
		sb_addf(&big, "R-3,2026-01-01T00:00:00,bob,an earlier note number %d\n", i);
	put("notes.csv", big.data);
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/ds", root);
	rv_session_free(&f.s);
	rv_model_free(f.m);
	load_ok(f.m, dir);
	rv_session_open(&f.s, f.m, "ann", false);
	static struct rv_save_ops ops;
	ops = rv_save_ops_complete(NULL);
	ops.write = counting_write;
	f.s.ops = &ops;

	ino_t recs_inode = inode_of("recommendations.csv"), notes_inode = inode_of("notes.csv");
	bytes_written = 0;
	assert_true(rv_add_note(&f.s, rec(&f, "R-1"), "small"));
	assert_true(bytes_written < 1000);
	assert_true(f.s.last_commit_bytes < 100); /* the row alone was serialised and handed over */
	assert_int_equal(inode_of("notes.csv"), notes_inode);
	sb_adds(&big, "R-1," NOW ",ann,small\n");
	assert_file("notes.csv", big.data);

	bytes_written = 0;
	assert_true(rv_change_status(&f.s, rec(&f, "R-2"), "in progress", "again", NULL));
	assert_true(bytes_written < 1000);
	assert_true(f.s.last_commit_bytes < 200); /* its history row and its changes.csv row */
	assert_int_equal(inode_of("recommendations.csv"), recs_inode);
	assert_file("recommendations.csv", recs0);
	assert_file("status_history.csv", "rec_id,date,decision,status,source,note\n"
					  "R-1,2020-01-01,approved,in planning,s1,\n"
					  "R-2,2026-11-23,,in progress,recview: ann,again\n");

	assert_true(rv_change_status(&f.s, rec(&f, "R-2"), "complete", NULL, NULL));
	assert_true(inode_of("recommendations.csv") != recs_inode);
	/* undo of an appended row that is on disk writes the file whole, as it was */
	assert_true(rv_undo(&f.s));
	assert_true(rv_undo(&f.s));
	assert_file("status_history.csv", hist0);
	assert_true(rv_undo(&f.s));
	sb_free(&big);
	close_set(&f);
}

int run_merge_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_different_fields_combine),
		cmocka_unit_test(test_appends_from_both_sides_are_kept),
		cmocka_unit_test(test_same_value_both_ways),
		cmocka_unit_test(test_conflict_keep_mine),
		cmocka_unit_test(test_conflict_keep_theirs),
		cmocka_unit_test(test_chain_of_changes_is_one_conflict),
		cmocka_unit_test(test_recommendation_gone),
		cmocka_unit_test(test_undo_of_a_change_saved_before_the_merge),
		cmocka_unit_test(test_undo_refused_when_they_changed_it_since),
		cmocka_unit_test(test_agenda_merges_by_recommendation),
		cmocka_unit_test(test_undo_of_saved_change_carried_over),
		cmocka_unit_test(test_removed_row_leaves_the_rest_byte_exact),
		cmocka_unit_test(test_appends_write_only_the_new_rows),
		cmocka_unit_test(test_merge_makes_derived_data_current),
		cmocka_unit_test(test_every_change_kind_bumps_the_generation),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
