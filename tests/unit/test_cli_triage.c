/*
 * test_cli_triage.c - the triage commands (cli_triage.h): their arguments parsed and refused, the
 * fields each kind of item takes and the values each field takes, the ids and item names found; and
 * runs on a small data set: a change refused half-way writes nothing, a full disk writes nothing (exit
 * 5), another writer's save meanwhile is read and the command made again on it, a dry run writes nothing.
 */
#include "tests.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/cli.h"
#include "recview/cli_triage.h"
#include "recview/entity.h"
#include "recview/model.h"

/* ---- parsing ---- */

/* Parses the words of one command line (split at spaces); true when it parses. */
static bool parse_words(const char *line, struct rv_cmd_args *a, char *err, size_t errsize)
{
	static char buf[512];
	static char *argv[32];
	snprintf(buf, sizeof(buf), "%s", line);
	int argc = 0;
	for (char *w = strtok(buf, " "); w && argc < 31; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	return rv_cmd_parse(argc, argv, NULL, a, err, errsize);
}

static void refused(const char *line, const char *why)
{
	struct rv_cmd_args a;
	char err[1024];
	bool ok = parse_words(line, &a, err, sizeof(err));
	rv_cmd_args_free(&a);
	if (ok || !strstr(err, why)) {
		print_error("%s: %s, wanted a refusal with \"%s\"\n", line, ok ? "parsed" : err, why);
		fail();
	}
}

static void test_parse_set(void **state)
{
	(void)state;
	struct rv_cmd_args a;
	char err[1024];
	assert_true(parse_words("set SSR1-3 SSR1-4 status=complete owner=Legal team --note why --date 2026-11-30 -n", &a,
				err, sizeof(err)));
	assert_int_equal(a.cmd, RV_CMD_SET);
	assert_int_equal(a.nids, 3); /* "team" is a word without '=': an id, found or not later */
	assert_string_equal(a.ids[0], "SSR1-3");
	assert_int_equal(a.nassigns, 2);
	assert_int_equal(a.assigns[0].field_len, 6);
	assert_memory_equal(a.assigns[0].field, "status", 6);
	assert_string_equal(a.assigns[0].value, "complete");
	assert_string_equal(a.assigns[1].value, "Legal");
	assert_string_equal(a.note, "why");
	assert_string_equal(a.date, "2026-11-30");
	assert_true(a.dry_run);
	rv_cmd_args_free(&a);

	assert_true(parse_words("set --filter review:SSR1 priority=P1 -C /tmp/x", &a, err, sizeof(err)));
	assert_string_equal(a.filter, "review:SSR1");
	assert_string_equal(a.dir, "/tmp/x");
	assert_int_equal(a.nids, 0);
	rv_cmd_args_free(&a);

	/* A value may hold '=' and be empty; an id may hold '=' after a digit. */
	assert_true(parse_words("set R-1 answer=a=b priority=", &a, err, sizeof(err)));
	assert_string_equal(a.assigns[0].value, "a=b");
	assert_string_equal(a.assigns[1].value, "");
	rv_cmd_args_free(&a);

	refused("set SSR1-3", "nothing to set");
	refused("set status=complete", "give IDs or --filter");
	refused("set --filter x SSR1-3 status=complete", "ids or --filter, not both");
	refused("set SSR1-3 status=complete Status=x", "is given twice");
	refused("set SSR1-3 status=complete --date 2026-13-01", "is not a date");
	refused("set SSR1-3 status=complete --date 2026-11", "is not a date");
	refused("set SSR1-3 status=complete --to 2", "--to does not go with set");
	refused("set SSR1-3 status=complete --bogus", "unknown option '--bogus'");
	refused("set SSR1-3 status=complete --note", "needs a value");
	refused("set SSR1-3 status=complete --author=", "--author needs a name");
}

static void test_parse_note_and_agenda(void **state)
{
	(void)state;
	struct rv_cmd_args a;
	char err[1024];
	assert_true(parse_words("note SSR1-3 text --author jane", &a, err, sizeof(err)));
	assert_int_equal(a.cmd, RV_CMD_NOTE);
	assert_string_equal(a.ids[0], "SSR1-3");
	assert_string_equal(a.note, "text");
	assert_string_equal(a.author, "jane");
	rv_cmd_args_free(&a);
	refused("note SSR1-3", "give an ID and the note's TEXT");
	refused("note SSR1-3 a b", "give an ID and the note's TEXT");
	refused("note SSR1-3 a --date 2026-01-01", "--date does not go with note");

	assert_true(parse_words("agenda", &a, err, sizeof(err)));
	assert_int_equal(a.agenda, RV_AGENDA_LIST);
	rv_cmd_args_free(&a);
	assert_true(parse_words("agenda add A B C", &a, err, sizeof(err)));
	assert_int_equal(a.agenda, RV_AGENDA_ADD);
	assert_int_equal(a.nids, 3);
	rv_cmd_args_free(&a);
	assert_true(parse_words("agenda move A up", &a, err, sizeof(err)));
	assert_int_equal(a.nids, 1);
	assert_int_equal(a.move_delta, -1);
	rv_cmd_args_free(&a);
	assert_true(parse_words("agenda move A bottom", &a, err, sizeof(err)));
	assert_int_equal(a.move_to, -1);
	rv_cmd_args_free(&a);
	assert_true(parse_words("agenda move A --to 3", &a, err, sizeof(err)));
	assert_int_equal(a.move_to, 3);
	assert_int_equal(a.move_delta, 0);
	rv_cmd_args_free(&a);
	refused("agenda move A", "move where?");
	refused("agenda move A sideways", "is not up, down, top or bottom");
	refused("agenda move A B up", "move takes one id ('B' is one too many)");
	refused("agenda move A up --to 2", "not both");
	refused("agenda move A --to 0", "is not a position");
	refused("agenda add A --to 2", "--to goes with move");
	refused("agenda add", "give an ID");
	refused("agenda list A", "list takes no id");
	refused("agenda drop A", "is not list, add, remove or move");
	assert_true(cli_triage_is_command("agenda"));
	assert_false(cli_triage_is_command("sniff"));
}

/* ---- fields and values ---- */

static void field_refused(enum rv_kind kind, const char *name, const char *why)
{
	struct rv_set_field f;
	char err[512];
	assert_false(rv_set_field_parse(kind, name, strlen(name), &f, err, sizeof(err)));
	if (!strstr(err, why)) {
		print_error("%s: [%s], wanted [%s]\n", name, err, why);
		fail();
	}
}

static void test_fields_by_kind(void **state)
{
	(void)state;
	struct rv_set_field f;
	char err[512];
	assert_true(rv_set_field_parse(RV_RECS, "status", 6, &f, err, sizeof(err)));
	assert_int_equal(f.what, RV_SET_STATUS);
	assert_true(rv_set_field_parse(RV_RECS, "Owner", 5, &f, err, sizeof(err)));
	assert_int_equal(f.what, RV_SET_FIELD);
	assert_int_equal(f.field, REC_OWNER);
	assert_true(rv_set_field_parse(RV_DELIVERABLES, "owner", 5, &f, err, sizeof(err)));
	assert_int_equal(f.field, DEL_RESPONSIBLE);
	assert_true(rv_set_field_parse(RV_DELIVERABLES, "status", 6, &f, err, sizeof(err)));
	assert_int_equal(f.what, RV_SET_FIELD);
	assert_int_equal(f.field, DEL_STATUS);
	assert_true(rv_set_field_parse(RV_QUESTIONS, "answer", 6, &f, err, sizeof(err)));
	assert_int_equal(f.field, Q_ANSWER);
	assert_true(rv_set_field_parse(RV_RECS, "agenda", 6, &f, err, sizeof(err)));
	assert_int_equal(f.what, RV_SET_AGENDA);
	field_refused(RV_RECS, "stat", "unknown field 'stat' (fields: status, decision, priority, owner, agenda, due, answer, note)");
	field_refused(RV_RECS, "due", "'due' is not a field of a recommendation (a recommendation has: status, decision, "
				      "priority, owner, agenda)");
	field_refused(RV_DELIVERABLES, "decision", "a deliverable has: status, owner, due");
	field_refused(RV_QUESTIONS, "owner", "a question has: answer, status");
}

static void value_refused(enum rv_kind kind, const char *name, const char *value, const char *why)
{
	struct rv_set_field f;
	char err[512];
	assert_true(rv_set_field_parse(kind, name, strlen(name), &f, err, sizeof(err)));
	assert_false(rv_set_value_check(kind, f, value, err, sizeof(err)));
	if (!strstr(err, why)) {
		print_error("%s=%s: [%s], wanted [%s]\n", name, value, err, why);
		fail();
	}
}

static void value_taken(enum rv_kind kind, const char *name, const char *value)
{
	struct rv_set_field f;
	char err[512] = "";
	assert_true(rv_set_field_parse(kind, name, strlen(name), &f, err, sizeof(err)));
	if (!rv_set_value_check(kind, f, value, err, sizeof(err))) {
		print_error("%s=%s refused: %s\n", name, value, err);
		fail();
	}
}

static void test_values(void **state)
{
	(void)state;
	value_taken(RV_RECS, "status", "In Progress");
	value_taken(RV_RECS, "status", "done");
	value_refused(RV_RECS, "status", "finito", "unknown status 'finito'; use one of:");
	value_refused(RV_RECS, "status", "", "unknown status ''");
	value_taken(RV_DELIVERABLES, "status", ""); /* a deliverable's status can be cleared */
	value_taken(RV_RECS, "decision", "approved");
	value_refused(RV_RECS, "decision", "maybe", "unknown decision 'maybe'");
	value_taken(RV_RECS, "priority", "p2");
	value_taken(RV_RECS, "priority", "");
	value_refused(RV_RECS, "priority", "P9", "unknown priority 'P9'");
	value_taken(RV_RECS, "agenda", "Yes");
	value_refused(RV_RECS, "agenda", "later", "agenda takes yes or no");
	value_taken(RV_DELIVERABLES, "due", "2017-03-31");
	value_taken(RV_DELIVERABLES, "due", "2016-Q3");
	value_taken(RV_DELIVERABLES, "due", "TBD");
	value_refused(RV_DELIVERABLES, "due", "2017-13-45", "bad date '2017-13-45'");
	value_taken(RV_QUESTIONS, "status", "follow up");
	value_refused(RV_QUESTIONS, "status", "pondering", "unknown question status 'pondering'");
	value_taken(RV_QUESTIONS, "answer", "=1+1 anything goes");
	assert_int_equal(rv_yes_no("off"), 0);
	assert_int_equal(rv_yes_no("ON"), 1);
	assert_int_equal(rv_yes_no("2"), -1);
}

/* ---- a small data set ---- */

#define NOW "2026-12-02T10:15:00"

static char dir[64];

static const char recs_csv[] = "id,review,title,status,priority\n"
			       "R-1,R,First,in progress,P2\n"
			       "R-2,R,Second,not started,\n";
static const char deliv_csv[] = "rec_id,description,responsible,due,status\r\n"
				"R-1,Draft,Staff,Nov. 2015,complete\r\n"
				"R-1,Publish,Staff,Sept 2016,\r\n";
static const char questions_csv[] = "rec_id,qid,question,answer,status\n"
				    "R-1,1.1,Who?,,\n";
static const char history_csv[] = "rec_id,date,status,note\n"
				  "R-1,2026-01-05,in progress,\n";
static const char *const names[] = {"recommendations.csv", "deliverables.csv", "questions.csv", "status_history.csv"};
static const char *const texts[] = {recs_csv, deliv_csv, questions_csv, history_csv};

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	snprintf(dir, sizeof(dir), "/tmp/recview-clitriage-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	for (size_t i = 0; i < 4; i++)
		write_test_file(dir, names[i], texts[i]);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

static char *file_text(const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *s = read_whole_file(path, NULL);
	return s;
}

/* Every file as it was written at setup, and no other (no notes.csv, changes.csv, agenda.csv, journal). */
static void assert_untouched(void)
{
	for (size_t i = 0; i < 4; i++) {
		char *got = file_text(names[i]);
		assert_non_null(got);
		assert_string_equal(got, texts[i]);
		free(got);
	}
	static const char *const absent[] = {"notes.csv", "changes.csv", "agenda.csv", ".recview-journal"};
	for (size_t i = 0; i < 4; i++) {
		char *got = file_text(absent[i]);
		if (got)
			print_error("%s exists\n", absent[i]);
		assert_null(got);
	}
}

/* Runs one command line on dir; the exit code. */
static int run_line(const char *line, const struct rv_save_ops *ops, struct strbuf *out, struct strbuf *err)
{
	struct rv_cmd_args a;
	char why[1024];
	sb_reset(out);
	sb_reset(err);
	if (!parse_words(line, &a, why, sizeof(why))) {
		print_error("%s: %s\n", line, why);
		rv_cmd_args_free(&a);
		return -1;
	}
	int code = rv_cmd_run(&a, dir, "bob", ops, out, err);
	rv_cmd_args_free(&a);
	return code;
}

static void assert_has(const struct strbuf *sb, const char *want)
{
	if (!sb->data || !strstr(sb->data, want)) {
		print_error("[%s] lacks [%s]\n", sb->data ? sb->data : "", want);
		fail();
	}
}

static void test_run_set_and_unknowns(void **state)
{
	(void)state;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	assert_int_equal(run_line("set R-9 status=complete", NULL, &out, &err), EXIT_ERRORS);
	assert_has(&err, "no recommendation with id 'R-9'");
	assert_int_equal(run_line("set R-1 R-2 colour=red", NULL, &out, &err), EXIT_ERRORS);
	assert_has(&err, "R-1: unknown field 'colour'");
	assert_int_equal(run_line("set R-1/D3 status=complete", NULL, &out, &err), EXIT_ERRORS);
	assert_has(&err, "has no item 'D3'");
	assert_int_equal(run_line("set R-1/Q1.1 due=2017", NULL, &out, &err), EXIT_ERRORS);
	assert_int_equal(run_line("note R-1/D1 hello", NULL, &out, &err), EXIT_ERRORS);
	assert_has(&err, "is not a recommendation");
	assert_untouched();

	/* Ids as --show takes them (case), items by name (d2 as D2): one line per change, in order. */
	assert_int_equal(run_line("set r-1 r-1/d2 status=complete --note agreed", NULL, &out, &err), EXIT_CLEAN);
	assert_string_equal(out.data, "R-1: status in progress -> complete (note: agreed)\n"
				      "R-1/D2: status (none) -> complete (note: agreed)\n");
	char *hist = file_text("status_history.csv");
	assert_string_equal(hist, "rec_id,date,status,note\n"
				  "R-1,2026-01-05,in progress,\n"
				  "R-1,2026-12-02,complete,agreed\n");
	free(hist);
	/* The same again: so already, nothing written, exit 0. */
	assert_int_equal(run_line("set R-1 status=complete", NULL, &out, &err), EXIT_CLEAN);
	assert_int_equal(out.len, 0);
	assert_has(&err, "nothing to change");
	sb_free(&out);
	sb_free(&err);
}

static void test_refused_half_way_writes_nothing(void **state)
{
	(void)state;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	/* Refused by the check before anything is made: a note goes with no priority or agenda change. */
	assert_int_equal(run_line("set R-1 R-2 priority=P1 agenda=yes --note x", NULL, &out, &err), EXIT_ERRORS);
	assert_untouched();
	/* The session refuses the second recommendation's status (the data set's history has no decision
	 * column and recommendations.csv none either) after the first's priority was made in memory. */
	assert_int_equal(run_line("set R-2 R-1 priority=P3 decision=approved", NULL, &out, &err), EXIT_ERRORS);
	assert_has(&err, "decision column");
	assert_has(&err, "nothing was");
	assert_int_equal(out.len, 0);
	assert_untouched();
	sb_free(&out);
	sb_free(&err);
}

static void test_dry_run_and_read_only(void **state)
{
	(void)state;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	assert_int_equal(run_line("set --filter -status:progress priority=P4 status=in-progress -n", NULL, &out, &err),
			 EXIT_CLEAN);
	assert_string_equal(out.data, "R-2: priority (none) -> P4\n"
				      "R-2: status not started -> in progress\n");
	assert_has(&err, "dry run: 2 changes, nothing was written");
	assert_int_equal(run_line("agenda add R-2 R-1 --dry-run", NULL, &out, &err), EXIT_CLEAN);
	assert_string_equal(out.data, "R-2: added to the agenda (1 of 1)\n"
				      "R-1: added to the agenda (2 of 2)\n");
	assert_int_equal(run_line("note R-1 hello --read-only", NULL, &out, &err), EXIT_ERRORS);
	assert_has(&err, "read-only (--read-only): nothing was changed");
	assert_int_equal(run_line("set --filter review:NONE priority=P1", NULL, &out, &err), EXIT_CLEAN);
	assert_has(&err, "no recommendation matches the filter");
	assert_int_equal(run_line("set --filter review:NONE colour=red", NULL, &out, &err), EXIT_ERRORS);
	assert_untouched();
	sb_free(&out);
	sb_free(&err);
}

static ssize_t enospc_write(int fd, const void *buf, size_t len)
{
	(void)fd;
	(void)buf;
	(void)len;
	errno = ENOSPC;
	return -1;
}

static void test_full_disk_writes_nothing(void **state)
{
	(void)state;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	struct rv_save_ops full = rv_save_system_ops;
	full.write = enospc_write;
	assert_int_equal(run_line("set R-1 R-2 status=complete priority=P1", &full, &out, &err), EXIT_UNSAVED);
	assert_has(&err, "not saved: ");
	assert_has(&err, "No space left on device");
	assert_int_equal(out.len, 0); /* nothing said to be changed */
	assert_untouched();
	sb_free(&out);
	sb_free(&err);
}

/* Another writer saves recommendations.csv just as our commit begins (its first open). */
static int opens;
static int open_after_their_save(const char *path, int flags, mode_t mode)
{
	if (opens++ == 0) {
		char theirs[128];
		snprintf(theirs, sizeof(theirs), "%s/recommendations.csv", dir);
		FILE *f = fopen(theirs, "w");
		fputs("id,review,title,status,priority\n"
		      "R-1,R,First,in progress,P2\n"
		      "R-2,R,Second,not started,P4\n",
		      f);
		fclose(f);
	}
	return open(path, flags, mode);
}

static void test_their_save_meanwhile_is_merged(void **state)
{
	(void)state;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	struct rv_save_ops ops = rv_save_system_ops;
	ops.open = open_after_their_save;
	opens = 0;
	assert_int_equal(run_line("set R-1 priority=P1 owner=OCTO", &ops, &out, &err), EXIT_CLEAN);
	assert_true(opens > 1);
	assert_string_equal(out.data, "R-1: priority P2 -> P1\nR-1: owner (none) -> OCTO\n");
	char *recs = file_text("recommendations.csv");
	assert_string_equal(recs, "id,review,title,status,priority\n"
				  "R-1,R,First,in progress,P1\n"
				  "R-2,R,Second,not started,P4\n");
	free(recs);
	char *changes = file_text("changes.csv");
	assert_non_null(strstr(changes, "R-1,,owner,OCTO,,2026-12-02T10:15:00,bob,\n"));
	free(changes);
	sb_free(&out);
	sb_free(&err);
}

/* Another writer that saves before every one of our commits: a different priority of R-2 each time. */
static int open_while_they_keep_saving(const char *path, int flags, mode_t mode)
{
	if (strstr(path, "/.recommendations.csv.recview-") && (flags & O_CREAT)) {
		char theirs[128];
		snprintf(theirs, sizeof(theirs), "%s/recommendations.csv", dir);
		FILE *f = fopen(theirs, "w");
		fprintf(f, "id,review,title,status,priority\nR-1,R,First,in progress,P2\nR-2,R,Second,not started,P%d\n",
			1 + opens++ % 4);
		fclose(f);
	}
	return open(path, flags, mode);
}

static void test_they_keep_saving(void **state)
{
	(void)state;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	struct rv_save_ops ops = rv_save_system_ops;
	ops.open = open_while_they_keep_saving;
	opens = 0;
	assert_int_equal(run_line("set R-1 priority=P1 owner=OCTO", &ops, &out, &err), EXIT_UNSAVED);
	assert_int_equal(opens, 5); /* five rounds, each read again and made again */
	assert_has(&err, "another program kept saving these files");
	assert_has(&err, "nothing was written");
	assert_int_equal(out.len, 0);
	char *recs = file_text("recommendations.csv");
	assert_string_equal(recs, "id,review,title,status,priority\nR-1,R,First,in progress,P2\nR-2,R,Second,not started,P1\n");
	free(recs);
	assert_null(file_text("changes.csv"));
	sb_free(&out);
	sb_free(&err);
}

static void test_agenda_commands(void **state)
{
	(void)state;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	assert_int_equal(run_line("agenda add R-2 R-1 R-2", NULL, &out, &err), EXIT_CLEAN);
	assert_string_equal(out.data, "R-2: added to the agenda (1 of 1)\nR-1: added to the agenda (2 of 2)\n");
	assert_int_equal(run_line("agenda add R-1", NULL, &out, &err), EXIT_CLEAN); /* on it already */
	assert_int_equal(out.len, 0);
	assert_int_equal(run_line("agenda move R-1 top", NULL, &out, &err), EXIT_CLEAN);
	assert_string_equal(out.data, "R-1: moved on the agenda 2 -> 1 (of 2)\n");
	assert_int_equal(run_line("agenda move R-1 --to 9", NULL, &out, &err), EXIT_CLEAN);
	assert_string_equal(out.data, "R-1: moved on the agenda 1 -> 2 (of 2)\n");
	assert_int_equal(run_line("agenda list", NULL, &out, &err), EXIT_CLEAN);
	assert_string_equal(out.data, "1\tR-2\tSecond\n2\tR-1\tFirst\n");
	char *agenda = file_text("agenda.csv");
	assert_string_equal(agenda,
			    "rec_id,added,author,minutes\nR-2,2026-12-02T10:15:00,bob,\nR-1,2026-12-02T10:15:00,bob,\n");
	free(agenda);
	assert_int_equal(run_line("agenda remove R-2 R-1", NULL, &out, &err), EXIT_CLEAN);
	assert_string_equal(out.data, "R-2: removed from the agenda (was 1 of 2)\nR-1: removed from the agenda (was 1 of 1)\n");
	assert_int_equal(run_line("agenda move R-1 up", NULL, &out, &err), EXIT_ERRORS);
	assert_has(&err, "R-1 is not on the agenda");
	sb_free(&out);
	sb_free(&err);
}

int run_cli_triage_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_set),
		cmocka_unit_test(test_parse_note_and_agenda),
		cmocka_unit_test(test_fields_by_kind),
		cmocka_unit_test(test_values),
		cmocka_unit_test_setup_teardown(test_run_set_and_unknowns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_half_way_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dry_run_and_read_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_their_save_meanwhile_is_merged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_they_keep_saving, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agenda_commands, setup, teardown),
	};
	return cmocka_run_group_tests_name("cli_triage", tests, NULL, NULL);
}
