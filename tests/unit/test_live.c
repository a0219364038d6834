/*
 * test_live.c - live updates: the store watching its directory (inotify and looks at the metadata),
 * a change confirmed against the session's stamps (its own saves never count), the lock respected,
 * and what someone else changed, by value and in words.
 */
#include "tests.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/outside.h"
#include "recview/store_watch.h"
#include "recview/triage.h"

#define NOW "2026-11-23T14:05:00"

static char root[64];
static char dir[128];

static const char recs0[] = "id,review,number,title,text,decision,status,priority,source\n"
			    "R-1,R,1,One,First text,approved,,P2,s1\n"
			    "R-2,R,2,Two,Second,pending,in progress,,s1\n"
			    "R-3,R,3,,Third text,,,,s1\n";
static const char hist0[] = "rec_id,date,decision,status,source,note\n"
			    "R-1,2020-01-01,approved,in planning,s1,\n";

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	snprintf(root, sizeof(root), "/tmp/recview-live-XXXXXX");
	if (!mkdtemp(root))
		return -1;
	snprintf(dir, sizeof(dir), "%s/ds", root);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

struct side {
	struct rv_model *m;
	struct rv_session s;
};

static void fresh_set(void)
{
	remove_tree(dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	write_test_file(dir, "recommendations.csv", recs0);
	write_test_file(dir, "status_history.csv", hist0);
	write_test_file(dir, "notes.csv", "rec_id,time,author,note\n");
}

static void open_side(struct side *p, const char *author)
{
	p->m = xcalloc(1, sizeof(*p->m));
	load_ok(p->m, dir);
	rv_session_open(&p->s, p->m, author, false);
}

static void close_side(struct side *p)
{
	rv_session_free(&p->s);
	rv_model_free(p->m);
	free(p->m);
}

static size_t rec_of(const struct side *p, const char *id)
{
	long r = rv_find_rec(p->m, id, strlen(id));
	assert_true(r >= 0);
	return (size_t)r;
}

/* The data set read again and merged into p, with what changed meanwhile in *out. */
static void reload(struct side *p, struct rv_outside *out)
{
	struct rv_outside_digest *d = rv_outside_digest_take(&p->s);
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	load_ok(fresh, dir);
	rv_session_merge(&p->s, fresh);
	free(fresh);
	memset(out, 0, sizeof(*out));
	rv_outside_diff(d, &p->s, out);
	rv_outside_digest_free(d);
}

static char *summary(const struct rv_outside *o, bool ascii)
{
	struct strbuf sb;
	sb_init(&sb);
	rv_outside_summary(o, ascii, 200, &sb);
	return sb_detach(&sb);
}

static void assert_summary(const struct rv_outside *o, const char *want)
{
	char *got = summary(o, false);
	assert_string_equal(got, want);
	free(got);
}

/* ---- the watch ---- */

/* Looks only: the session's own save is no change; someone else's is, once it stopped changing. */
static void test_poll_own_save_is_no_change(void **state)
{
	(void)state;
	fresh_set();
	struct side ann, bob;
	open_side(&ann, "ann");
	open_side(&bob, "bob");
	struct rv_store_watch w;
	rv_store_watch_open(&w, &ann.s.store, RV_WATCH_POLL, 0);
	assert_int_equal(rv_store_watch_fd(&w), -1);
	assert_false(rv_store_watch_due(&w, 1.0));
	assert_int_equal(rv_store_watch_wait_ms(&w, 1.0), 1001);
	assert_true(rv_store_watch_due(&w, 2.0));
	assert_false(rv_session_changed_on_disk(&ann.s, &w, 2.0));

	assert_true(rv_change_status(&ann.s, rec_of(&ann, "R-1"), "complete", NULL, NULL));
	assert_true(rv_store_watch_due(&w, 4.0));
	assert_false(rv_session_changed_on_disk(&ann.s, &w, 4.0));

	/* bob read the files before ann's save: his save merges; ann then sees it on a look */
	rv_session_free(&bob.s);
	rv_model_free(bob.m);
	load_ok(bob.m, dir);
	rv_session_open(&bob.s, bob.m, "bob", false);
	assert_true(rv_add_note(&bob.s, rec_of(&bob, "R-2"), "from bob"));
	assert_true(rv_store_watch_due(&w, 6.0));
	/* first seen changed on this look: not settled, looked at again once quiet */
	assert_false(rv_session_changed_on_disk(&ann.s, &w, 6.0));
	assert_int_equal(rv_store_watch_wait_ms(&w, 6.0), 201);
	assert_false(rv_store_watch_due(&w, 6.1));
	assert_true(rv_store_watch_due(&w, 6.25));
	assert_true(rv_session_changed_on_disk(&ann.s, &w, 6.25));
	struct rv_outside o;
	reload(&ann, &o);
	assert_summary(&o, "bob: R-2 note: from bob");
	rv_outside_free(&o);
	/* the stamps follow the reload: nothing more to see */
	assert_true(rv_store_watch_due(&w, 8.3));
	assert_false(rv_session_changed_on_disk(&ann.s, &w, 8.3));
	rv_store_watch_close(&w);
	close_side(&bob);
	close_side(&ann);
}

/* A file touched (same bytes, new time) is no change, and is not read again at every look. */
static void test_touched_file_is_no_change(void **state)
{
	(void)state;
	fresh_set();
	struct side ann;
	open_side(&ann, "ann");
	struct rv_store_watch w;
	rv_store_watch_open(&w, &ann.s.store, RV_WATCH_POLL, 0);
	char path[256];
	snprintf(path, sizeof(path), "%s/recommendations.csv", dir);
	struct timespec times[2] = {{1000000, 0}, {1000000, 0}};
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	assert_true(rv_store_watch_due(&w, 2.0));
	assert_false(rv_session_changed_on_disk(&ann.s, &w, 2.0));
	/* judged once at that metadata: the next look reuses it */
	size_t i = 0;
	while (i < w.nseen && strcmp(w.seen[i].name, "recommendations.csv") != 0)
		i++;
	assert_true(i < w.nseen);
	assert_false(w.seen[i].differs);
	assert_int_equal(w.seen[i].mtime.tv_sec, 1000000);
	assert_true(rv_store_watch_due(&w, 4.0));
	assert_false(rv_session_changed_on_disk(&ann.s, &w, 4.0));
	rv_store_watch_close(&w);
	close_side(&ann);
}

/* A system without inotify (or out of inotify instances) has the looks only: tested above. */
static void skip_without_inotify(const struct rv_store_watch *w)
{
	if (rv_store_watch_fd(w) < 0) {
		print_message("no inotify here (%s): skipped\n", w->why);
		skip();
	}
	assert_string_equal(w->why, "");
}

/* Waits until the watch's descriptor is readable (at most a second). */
static bool events_come(const struct rv_store_watch *w)
{
	struct pollfd p = {rv_store_watch_fd(w), POLLIN, 0};
	return poll(&p, 1, 1000) == 1;
}

/* inotify: another writer's rename is seen at once, after the quiet time; recview's temporary files,
 * journal and lock are not events at all. */
static void test_inotify_events(void **state)
{
	(void)state;
	fresh_set();
	struct side ann, bob;
	open_side(&ann, "ann");
	open_side(&bob, "bob");
	struct rv_store_watch w;
	rv_store_watch_open(&w, &ann.s.store, RV_WATCH_NOTIFY, 0);
	skip_without_inotify(&w);

	write_test_file(dir, ".notes.csv.recview-AbC123", "x");
	write_test_file(dir, ".recview-journal", "x");
	write_test_file(dir, ".recview.lock", "");
	char path[256];
	snprintf(path, sizeof(path), "%s/.recview-journal", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/.notes.csv.recview-AbC123", dir);
	unlink(path);
	assert_true(events_come(&w));
	assert_false(rv_store_watch_due(&w, 0.5));
	assert_int_equal(w.events, 0);

	assert_true(rv_change_priority(&bob.s, rec_of(&bob, "R-3"), "P1"));
	assert_true(events_come(&w));
	assert_false(rv_store_watch_due(&w, 0.6));
	assert_true(w.events > 0);
	assert_int_equal(rv_store_watch_wait_ms(&w, 0.6), 201);
	assert_false(rv_store_watch_due(&w, 0.7));
	assert_true(rv_store_watch_due(&w, 0.81));
	assert_true(w.by_events);
	assert_true(rv_session_changed_on_disk(&ann.s, &w, 0.81));
	struct rv_outside o;
	reload(&ann, &o);
	assert_summary(&o, "Changed on disk: R-3 priority \xE2\x86\x92 P1");
	rv_outside_free(&o);

	/* ann's own save makes events too, and is no change */
	assert_true(rv_add_note(&ann.s, rec_of(&ann, "R-1"), "mine"));
	assert_true(events_come(&w));
	assert_false(rv_store_watch_due(&w, 1.0));
	assert_true(rv_store_watch_due(&w, 1.3));
	assert_false(rv_session_changed_on_disk(&ann.s, &w, 1.3));
	rv_store_watch_close(&w);
	close_side(&bob);
	close_side(&ann);
}

/* Bursts: each event starts the quiet time again. */
static void test_burst_waits_for_quiet(void **state)
{
	(void)state;
	fresh_set();
	struct side ann;
	open_side(&ann, "ann");
	struct rv_store_watch w;
	rv_store_watch_open(&w, &ann.s.store, RV_WATCH_NOTIFY, 0);
	skip_without_inotify(&w);
	write_test_file(dir, "deliverables.csv", "rec_id,description\nR-1,first\n");
	assert_true(events_come(&w));
	assert_false(rv_store_watch_due(&w, 0.1));
	write_test_file(dir, "questions.csv", "rec_id,qid,question\nR-1,Q1,Why?\n");
	assert_true(events_come(&w));
	assert_false(rv_store_watch_due(&w, 0.25)); /* 0.15 after the first, but a second came */
	assert_true(rv_store_watch_due(&w, 0.5));
	assert_true(rv_session_changed_on_disk(&ann.s, &w, 0.5));
	rv_store_watch_close(&w);
	close_side(&ann);
}

/* The lock: a writer holding it, or a journal left, means not now. */
static void test_hold_respects_the_lock(void **state)
{
	(void)state;
	fresh_set();
	struct side ann;
	open_side(&ann, "ann");
	struct rv_store_watch w;
	rv_store_watch_open(&w, &ann.s.store, RV_WATCH_POLL, 0);
	/* never written by recview: no lock file, calm, nothing created */
	assert_int_equal(rv_store_watch_hold(&w, &ann.s.store), RV_STORE_CALM);
	assert_int_equal(w.lock_fd, -1);
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, RV_STORE_LOCK);
	assert_int_equal(access(path, F_OK), -1);

	int writer = open(path, O_RDWR | O_CREAT, 0644);
	assert_true(writer >= 0);
	assert_int_equal(flock(writer, LOCK_EX), 0);
	assert_int_equal(rv_store_watch_hold(&w, &ann.s.store), RV_STORE_WRITING);
	assert_int_equal(flock(writer, LOCK_UN), 0);

	assert_int_equal(rv_store_watch_hold(&w, &ann.s.store), RV_STORE_CALM);
	assert_true(w.lock_fd >= 0);
	/* held shared: a commit waits for it */
	assert_int_equal(flock(writer, LOCK_EX | LOCK_NB), -1);
	rv_store_watch_release(&w);
	assert_int_equal(flock(writer, LOCK_EX | LOCK_NB), 0);
	assert_int_equal(flock(writer, LOCK_UN), 0);
	close(writer);

	write_test_file(dir, RV_STORE_JOURNAL, "torn");
	assert_int_equal(rv_store_watch_hold(&w, &ann.s.store), RV_STORE_INTERRUPTED);
	assert_int_equal(w.lock_fd, -1);
	rv_store_watch_close(&w);
	close_side(&ann);
}

/* ---- what changed ---- */

/* Another recview's changes, each with its author from the files. */
static void test_what_they_changed(void **state)
{
	(void)state;
	fresh_set();
	struct side ann, alice;
	open_side(&ann, "ann");
	open_side(&alice, "alice");
	assert_true(rv_change_status(&alice.s, rec_of(&alice, "R-2"), "complete", "done at last", NULL));
	assert_true(rv_add_note(&alice.s, rec_of(&alice, "R-1"), "Ask the CTO about measures of success, twice"));
	assert_true(rv_agenda_toggle(&alice.s, rec_of(&alice, "R-3")));
	assert_true(rv_change_decision(&alice.s, rec_of(&alice, "R-3"), "rejected", NULL, NULL));
	struct rv_outside o;
	reload(&ann, &o);
	assert_int_equal(o.n, 4);
	assert_int_equal(o.items[0].kind, RV_OUT_NOTE);
	assert_string_equal(o.items[0].rec_id, "R-1");
	assert_string_equal(o.items[0].author, "alice");
	assert_int_equal(o.items[1].kind, RV_OUT_STATUS);
	assert_string_equal(o.items[1].before, "in progress");
	assert_string_equal(o.items[1].after, "complete");
	assert_string_equal(o.items[1].author, "alice");
	assert_int_equal(o.items[2].kind, RV_OUT_DECISION);
	assert_int_equal(o.items[3].kind, RV_OUT_AGENDA_ADD);
	assert_string_equal(o.items[3].author, "alice");
	assert_summary(&o, "alice: 4 changes (R-1 note: Ask the CTO about measures of success, t\xE2\x80\xA6, "
			   "R-2 status \xE2\x86\x92 complete, R-3 decision \xE2\x86\x92 rejected, R-3 on the agenda)");
	char *ascii = summary(&o, true);
	assert_non_null(strstr(ascii, "R-2 status -> complete"));
	free(ascii);
	/* the session follows: the agenda and the status */
	assert_int_equal(ann.s.nagenda, 1);
	assert_int_equal(rv_rec_status(ann.m, rec_of(&ann, "R-2"), RV_DATE_NONE), RV_STATUS_COMPLETE);
	rv_outside_free(&o);

	/* nothing more: an empty diff */
	reload(&ann, &o);
	assert_int_equal(o.n, 0);
	rv_outside_free(&o);
	close_side(&alice);
	close_side(&ann);
}

/* A field changes.csv gives (an owner without an owner column) is said with its author. */
static void test_logged_field_they_changed(void **state)
{
	(void)state;
	fresh_set();
	struct side ann, alice;
	open_side(&ann, "ann");
	open_side(&alice, "alice");
	assert_true(rv_change_item_field(&alice.s, (struct rv_item){RV_RECS, rec_of(&alice, "R-2")}, REC_OWNER, "OCTO", NULL));
	assert_true(rv_change_priority(&alice.s, rec_of(&alice, "R-3"), "P2"));
	struct rv_outside o;
	reload(&ann, &o);
	assert_int_equal(o.n, 2);
	assert_int_equal(o.items[0].kind, RV_OUT_FIELD);
	assert_string_equal(o.items[0].rec_id, "R-2");
	assert_string_equal(o.items[0].before, "owner");
	assert_string_equal(o.items[0].after, "OCTO");
	assert_string_equal(o.items[0].author, "alice");
	assert_int_equal(o.items[1].kind, RV_OUT_PRIORITY); /* once: as the column's, not also as a row */
	char *got = summary(&o, true);
	assert_non_null(strstr(got, "R-2 owner -> OCTO"));
	free(got);
	rv_outside_free(&o);
	close_side(&alice);
	close_side(&ann);
}

/* Our own changes, saved or not saved yet (made again by the merge), are never someone else's. */
static void test_own_changes_never_show(void **state)
{
	(void)state;
	fresh_set();
	struct side ann, bob;
	open_side(&ann, "ann");
	open_side(&bob, "bob");
	assert_true(rv_add_note(&ann.s, rec_of(&ann, "R-1"), "saved note of ann's"));
	assert_true(rv_agenda_toggle(&ann.s, rec_of(&ann, "R-2")));
	struct rv_outside o;
	reload(&ann, &o);
	assert_int_equal(o.n, 0);
	rv_outside_free(&o);

	/* bob saves (merging ann's); ann's next change finds his save and is not on disk yet */
	assert_true(rv_change_priority(&bob.s, rec_of(&bob, "R-3"), "P4"));
	assert_false(rv_change_status(&ann.s, rec_of(&ann, "R-1"), "complete", NULL, NULL));
	assert_true(ann.s.conflict);
	reload(&ann, &o);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.items[0].kind, RV_OUT_PRIORITY);
	assert_string_equal(o.items[0].rec_id, "R-3");
	assert_null(o.items[0].author);
	rv_outside_free(&o);
	assert_false(rv_session_has_unsaved(&ann.s));
	close_side(&bob);
	close_side(&ann);
}

/* A conflict holds our change: theirs shows, and the row our held change had added is not theirs. */
static void test_held_conflict_shows_theirs_only(void **state)
{
	(void)state;
	fresh_set();
	struct side ann, bob;
	open_side(&ann, "ann");
	open_side(&bob, "bob");
	assert_true(rv_change_status(&bob.s, rec_of(&bob, "R-2"), "not started", NULL, NULL));
	assert_false(rv_change_status(&ann.s, rec_of(&ann, "R-2"), "complete", NULL, NULL));
	struct rv_outside o;
	reload(&ann, &o);
	assert_int_equal(ann.s.nconflicts, 1);
	assert_int_equal(o.n, 1);
	assert_summary(&o, "bob: R-2 status \xE2\x86\x92 not started");
	rv_outside_free(&o);
	close_side(&bob);
	close_side(&ann);
}

/* Recommendations added and removed, other columns edited, rows of children, the agenda's order. */
static void test_rows_and_recommendations(void **state)
{
	(void)state;
	fresh_set();
	write_test_file(dir, "deliverables.csv", "rec_id,description,status\nR-1,Plan,in progress\nR-1,Report,\n");
	write_test_file(dir, "agenda.csv", "rec_id,added,author\nR-1,2026-11-23T09:00:00,chair\n"
					   "R-2,2026-11-23T09:00:00,chair\n");
	struct side ann;
	open_side(&ann, "ann");
	/* as a spreadsheet writes: whole files, renamed into place */
	write_test_file(dir, "recommendations.csv.new", "id,review,number,title,text,decision,status,priority,source\n"
							"R-1,R,1,One (revised),First text,approved,,P2,s1\n"
							"R-2,R,2,Two,Second,pending,in progress,,s1\n"
							"R-4,R,4,Four,New one,,,,s1\n");
	write_test_file(dir, "deliverables.csv.new", "rec_id,description,status\nR-1,Plan,complete\nR-1,Report,\n"
						     "R-2,Audit,\n");
	write_test_file(dir, "agenda.csv.new", "rec_id,added,author\nR-2,2026-11-23T09:00:00,chair\n"
					       "R-1,2026-11-23T09:00:00,chair\n");
	const char *names[] = {"recommendations.csv", "deliverables.csv", "agenda.csv"};
	for (size_t i = 0; i < 3; i++) {
		char from[256], to[256];
		snprintf(from, sizeof(from), "%s/%s.new", dir, names[i]);
		snprintf(to, sizeof(to), "%s/%s", dir, names[i]);
		assert_int_equal(rename(from, to), 0);
	}
	struct rv_outside o;
	reload(&ann, &o);
	struct strbuf all;
	sb_init(&all);
	for (size_t i = 0; i < o.n; i++) {
		rv_outside_describe(&o.items[i], true, &all);
		sb_adds(&all, "; ");
	}
	assert_string_equal(all.data, "R-1 edited; R-1 deliverable changed; R-2 deliverable added; R-3 removed; "
				      "R-4 added; agenda reordered; ");
	assert_summary(&o, "Changed on disk: 6 changes (R-1 edited, R-1 deliverable changed, R-2 deliverable added, "
			   "R-3 removed, R-4 added, agenda reordered)");
	sb_free(&all);
	rv_outside_free(&o);
	close_side(&ann);
}

/* Names in words: one, two, many authors; and what the files say is shown safely. */
static void test_summary_words_and_hostile_text(void **state)
{
	(void)state;
	struct rv_outside o = {0};
	const char *who[] = {"alice", "bob", "alice", "carol\x1b[31m", NULL};
	for (size_t i = 0; i < 5; i++) {
		o.items = xreallocarray(o.items, o.n + 1, sizeof(*o.items));
		struct rv_outside_item *it = &o.items[o.n++];
		memset(it, 0, sizeof(*it));
		it->kind = RV_OUT_STATUS;
		it->rec_id = xstrdup(i == 3 ? "SSR1-\x1b]0;x\x07" : "SSR1-20");
		it->after = xstrdup("complete");
		it->author = who[i] ? xstrdup(who[i]) : NULL;
	}
	char *s = summary(&o, false);
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\x07'));
	const char *head = "alice and 2 others: 5 changes (SSR1-20 status \xE2\x86\x92 complete, ";
	assert_memory_equal(s, head, strlen(head));
	assert_non_null(strstr(s, "SSR1-^[]0;x^G status"));
	free(s);
	rv_outside_item_free(&o.items[2]);
	rv_outside_item_free(&o.items[3]);
	rv_outside_item_free(&o.items[4]);
	o.n = 2;
	assert_summary(&o, "alice and bob: 2 changes (SSR1-20 status \xE2\x86\x92 complete, SSR1-20 status \xE2\x86\x92 complete)");
	/* a short limit cuts the list */
	struct strbuf sb;
	sb_init(&sb);
	rv_outside_summary(&o, true, 10, &sb);
	assert_string_equal(sb.data, "alice and bob: 2 changes (SSR1-20 status -> complete, ...)");
	sb_free(&sb);
	rv_outside_free(&o);
}

int run_live_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_poll_own_save_is_no_change),
		cmocka_unit_test(test_touched_file_is_no_change),
		cmocka_unit_test(test_inotify_events),
		cmocka_unit_test(test_burst_waits_for_quiet),
		cmocka_unit_test(test_hold_respects_the_lock),
		cmocka_unit_test(test_what_they_changed),
		cmocka_unit_test(test_logged_field_they_changed),
		cmocka_unit_test(test_own_changes_never_show),
		cmocka_unit_test(test_held_conflict_shows_theirs_only),
		cmocka_unit_test(test_rows_and_recommendations),
		cmocka_unit_test(test_summary_words_and_hostile_text),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
