/*
 * test_store.c - the store's commits: all files or none, with a failure injected at every system
 * call of a commit, and with a crash (a child process killed at that call) followed by recovery; the
 * lock; conflicts by content; what may be written (symlinks, non-regular files).
 */
#include "tests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <dirent.h>
#include <unistd.h>

#include "recview/save.h"
#include "recview/store.h"

static char dir[256];

static const char recs0[] = "id,status\nR1,open\nR2,open\n";
static const char recs1[] = "id,status\nR1,done\nR2,open\n";
static const char hist0[] = "rec_id,date,status\nR1,2020-01-01,open\n";
static const char hist1[] = "rec_id,date,status\nR1,2020-01-01,open\nR1,2026-11-23,done\n";

/* ---- faults: the Nth system call of a commit fails, or kills the process ---- */

static struct {
	int calls;     /* calls so far */
	int fail_at;   /* this call fails (0: none) */
	bool crash;    /* ... by killing the process instead */
	void (*hook)(int call); /* called before each call */
} F;

static bool trip(void)
{
	F.calls++;
	if (F.hook)
		F.hook(F.calls);
	if (F.calls != F.fail_at)
		return false;
	if (F.crash)
		kill(getpid(), SIGKILL);
	errno = ENOSPC;
	return true;
}

static int fk_open(const char *p, int fl, mode_t m)
{
	return trip() ? -1 : open(p, fl, m);
}
static ssize_t fk_write(int fd, const void *b, size_t n)
{
	return trip() ? -1 : write(fd, b, n);
}
static int fk_fsync(int fd)
{
	return trip() ? -1 : fsync(fd);
}
static int fk_close(int fd)
{
	if (trip()) {
		close(fd);
		return -1;
	}
	return close(fd);
}
static int fk_rename(const char *a, const char *b)
{
	return trip() ? -1 : rename(a, b);
}
static int fk_link(const char *a, const char *b)
{
	return trip() ? -1 : link(a, b);
}
static int fk_unlink(const char *p)
{
	return trip() ? -1 : unlink(p);
}
static int fk_ftruncate(int fd, off_t n)
{
	return trip() ? -1 : ftruncate(fd, n);
}

static const struct rv_save_ops fault_ops = {
	.open = fk_open, .write = fk_write, .fsync = fk_fsync, .close = fk_close, .rename = fk_rename,
	.link = fk_link, .unlink = fk_unlink, .ftruncate = fk_ftruncate,
};

/* ---- fixtures ---- */

/* The commit is the undo of the status change: the files start as after it and go back (the history
 * is cut short, not rewritten). */
static bool undoing;

static const char *in_dir(const char *name)
{
	static char path[4][512];
	static int k;
	k = (k + 1) % 4;
	snprintf(path[k], sizeof(path[k]), "%s/%s", dir, name);
	return path[k];
}

static int setup(void **state)
{
	(void)state;
	memset(&F, 0, sizeof(F));
	snprintf(dir, sizeof(dir), "/tmp/recview-store-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	write_test_file(dir, "recommendations.csv", undoing ? recs1 : recs0);
	write_test_file(dir, "status_history.csv", undoing ? hist1 : hist0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

static bool file_equals(const char *name, const char *want)
{
	size_t len;
	char *got = read_whole_file(in_dir(name), &len);
	bool same = got && len == strlen(want) && memcmp(got, want, len) == 0;
	free(got);
	return same;
}

/* The names in the directory other than the two data files and the lock file. */
static void assert_no_leftovers(void)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	while ((de = readdir(d))) {
		const char *n = de->d_name;
		if (!strcmp(n, ".") || !strcmp(n, "..") || !strcmp(n, "recommendations.csv") ||
		    !strcmp(n, "status_history.csv") || !strcmp(n, "notes.csv") || !strcmp(n, RV_STORE_LOCK))
			continue;
		print_error("left over: %s\n", n);
		closedir(d);
		fail();
	}
	closedir(d);
}

/* The two files of a status change: both as before, or both as after. */
static bool all_or_nothing(void)
{
	bool before = file_equals("recommendations.csv", recs0) && file_equals("status_history.csv", hist0);
	bool after = file_equals("recommendations.csv", recs1) && file_equals("status_history.csv", hist1);
	return before != after;
}

static bool after_state(void)
{
	if (undoing)
		return file_equals("recommendations.csv", recs0) && file_equals("status_history.csv", hist0);
	return file_equals("recommendations.csv", recs1) && file_equals("status_history.csv", hist1);
}

/* The history's change handed over as the new row alone (rv_store_file.append_only). */
static bool history_append_only;

static void fill(struct rv_store_file f[2])
{
	memset(f, 0, 2 * sizeof(*f));
	f[0].name = "recommendations.csv";
	f[0].data = undoing ? recs0 : recs1;
	f[0].len = strlen(f[0].data);
	rv_file_stamp_read(in_dir("recommendations.csv"), &f[0].expected);
	f[1].name = "status_history.csv";
	f[1].data = undoing ? hist0 : hist1;
	f[1].len = strlen(f[1].data);
	if (history_append_only && !undoing) {
		f[1].data = hist1 + strlen(hist0);
		f[1].len = strlen(hist1) - strlen(hist0);
		f[1].append_only = true;
	}
	rv_file_stamp_read(in_dir("status_history.csv"), &f[1].expected);
}

static enum rv_result commit_status_change(const struct rv_save_ops *ops, char *err, size_t errsize)
{
	struct rv_store st;
	char e[256];
	assert_true(rv_store_open(&st, dir, ops, false, e, sizeof(e)));
	struct rv_store_file f[2];
	fill(f);
	enum rv_result res = rv_store_commit(&st, f, 2, err, errsize);
	if (res == RV_OK) {
		assert_true(undoing ? f[1].truncated : f[1].appended);
		assert_false(f[0].appended || f[0].truncated);
		struct rv_file_stamp now;
		rv_file_stamp_read(in_dir("status_history.csv"), &now);
		assert_true(rv_file_stamp_equal(&now, &f[1].written));
		assert_true(rv_file_unchanged(in_dir("recommendations.csv"), &f[0].written));
	}
	rv_store_close(&st);
	return res;
}

static void recover(void)
{
	struct rv_store st;
	char err[256] = "";
	assert_true(rv_store_open(&st, dir, NULL, true, err, sizeof(err)));
	assert_string_equal(err, "");
	rv_store_close(&st);
}

/* ---- tests ---- */

static void test_commit_writes_both(void **state)
{
	(void)state;
	char err[512];
	assert_int_equal(commit_status_change(NULL, err, sizeof(err)), RV_OK);
	assert_true(after_state());
	assert_no_leftovers();
}

static void test_calls_of_a_commit(void **state)
{
	(void)state;
	char err[512];
	assert_int_equal(commit_status_change(&fault_ops, err, sizeof(err)), RV_OK);
	/* temp open, write, fsync, close; journal open, write, fsync, close, dir open, fsync, close; ... */
	assert_true(F.calls > 15);
}

/* Every call of a commit fails in turn: the files are all before or all after, nothing is left over. */
static void test_failure_at_every_call(void **state)
{
	(void)state;
	assert_int_equal(commit_status_change(&fault_ops, NULL, 0), RV_OK);
	int total = F.calls;
	for (int at = 1; at <= total; at++) {
		teardown(NULL);
		setup(NULL);
		F.fail_at = at;
		char err[512] = "";
		enum rv_result res = commit_status_change(&fault_ops, err, sizeof(err));
		if (!all_or_nothing()) {
			print_error("failure at call %d of %d: files half written (%s)\n", at, total, err);
			fail();
		}
		if (res != RV_OK && after_state() && access(in_dir(RV_STORE_JOURNAL), F_OK) != 0) {
			print_error("failure at call %d: reported failed but saved, with no journal (%s)\n", at, err);
			fail();
		}
		if (res == RV_OK && !after_state()) {
			print_error("failure at call %d: reported saved but not written\n", at);
			fail();
		}
		F.fail_at = 0;
		recover();
		assert_true(all_or_nothing());
		assert_no_leftovers();
		assert_false(res == RV_OK && !after_state());
	}
}

/* A crash at every call: a child process runs the commit and is killed there; recovery then leaves
 * every file all-before or all-after, and no journal or temporary file. */
static void test_crash_at_every_call(void **state)
{
	(void)state;
	assert_int_equal(commit_status_change(&fault_ops, NULL, 0), RV_OK);
	int total = F.calls, forward = 0, back = 0;
	for (int at = 1; at <= total; at++) {
		teardown(NULL);
		setup(NULL);
		fflush(NULL);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			F.calls = 0;
			F.fail_at = at;
			F.crash = true;
			commit_status_change(&fault_ops, NULL, 0);
			_exit(0);
		}
		int ws;
		assert_int_equal(waitpid(pid, &ws, 0), pid);
		assert_true(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);
		recover();
		if (!all_or_nothing()) {
			print_error("crash at call %d of %d: files half written after recovery\n", at, total);
			fail();
		}
		after_state() ? forward++ : back++;
		assert_no_leftovers();
	}
	/* Early crashes roll back, late ones complete. */
	assert_true(forward > 0 && back > 0);
}

/* The journal torn while being written: recovery rolls back (nothing had been applied). */
static void test_torn_journal_rolls_back(void **state)
{
	(void)state;
	write_test_file(dir, RV_STORE_JOURNAL, "recview-journal 1\nR recommendations.csv\t.recommendations.csv.recview-Ab");
	write_test_file(dir, ".recommendations.csv.recview-AbCdEf", recs1);
	recover();
	assert_true(file_equals("recommendations.csv", recs0));
	assert_no_leftovers();
}

/* A journal that does not hash right is not trusted, even when complete-looking. */
static void test_journal_with_bad_hash_is_ignored(void **state)
{
	(void)state;
	write_test_file(dir, RV_STORE_JOURNAL, "recview-journal 1\nA status_history.csv\t1 2\t3 4\t41\nend 12345\n");
	recover();
	assert_true(file_equals("status_history.csv", hist0));
	assert_no_leftovers();
}

static void test_conflict_means_other_content(void **state)
{
	(void)state;
	struct rv_store st;
	char err[512];
	assert_true(rv_store_open(&st, dir, NULL, false, err, sizeof(err)));
	struct rv_store_file f[2];
	fill(f);
	/* touched: same bytes, new mtime: no conflict */
	struct timespec t[2] = {{1, 0}, {2, 0}};
	assert_int_equal(utimensat(AT_FDCWD, in_dir("recommendations.csv"), t, 0), 0);
	assert_int_equal(rv_store_commit(&st, f, 2, err, sizeof(err)), RV_OK);
	/* someone else appended to the history: conflict, nothing written */
	rv_store_close(&st);
	teardown(NULL);
	setup(NULL);
	assert_true(rv_store_open(&st, dir, NULL, false, err, sizeof(err)));
	fill(f);
	write_test_file(dir, "status_history.csv", "rec_id,date,status\nR1,2020-01-01,open\nR2,2021-01-01,x\n");
	assert_int_equal(rv_store_commit(&st, f, 2, err, sizeof(err)), RV_E_CONFLICT);
	assert_true(f[1].conflict);
	assert_non_null(strstr(err, "status_history.csv was changed by someone else"));
	assert_true(file_equals("recommendations.csv", recs0));
	rv_store_close(&st);
	assert_no_leftovers();
}

/* A writer that takes no lock, between the check and the renames: caught by the re-check. */
static void overwrite_recs(int call)
{
	if (call == 9)
		write_test_file(dir, "recommendations.csv", "id,status\nR1,theirs\nR2,open\n");
}

static void test_recheck_catches_a_writer_without_lock(void **state)
{
	(void)state;
	F.hook = overwrite_recs;
	char err[512];
	assert_int_equal(commit_status_change(&fault_ops, err, sizeof(err)), RV_E_CONFLICT);
	assert_true(file_equals("recommendations.csv", "id,status\nR1,theirs\nR2,open\n"));
	assert_true(file_equals("status_history.csv", hist0));
	assert_no_leftovers();
}

static void test_lock_keeps_out_a_second_writer(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(in_dir(RV_STORE_LOCK), O_RDWR | O_CREAT, 0644);
		flock(fd, LOCK_EX);
		char c = 'x';
		(void)!write(fds[1], &c, 1);
		pause();
		_exit(0);
	}
	char c;
	assert_int_equal(read(fds[0], &c, 1), 1);
	struct rv_store st;
	char err[512];
	assert_true(rv_store_open(&st, dir, NULL, false, err, sizeof(err)));
	st.lock_timeout = 0.2;
	struct rv_store_file f[2];
	fill(f);
	assert_int_equal(rv_store_commit(&st, f, 2, err, sizeof(err)), RV_E_FAILED);
	assert_non_null(strstr(err, "locked"));
	assert_true(file_equals("recommendations.csv", recs0));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_int_equal(rv_store_commit(&st, f, 2, err, sizeof(err)), RV_OK);
	rv_store_close(&st);
	close(fds[0]);
	close(fds[1]);
}

static void test_what_may_be_written(void **state)
{
	(void)state;
	struct rv_store st;
	char err[512], why[512];
	bool exists;
	assert_true(rv_store_open(&st, dir, NULL, false, err, sizeof(err)));
	/* outside the data set: refused, and the target is untouched */
	char outside[512];
	snprintf(outside, sizeof(outside), "%s-outside", dir);
	FILE *o = fopen(outside, "w");
	fputs("precious\n", o);
	fclose(o);
	assert_int_equal(symlink(outside, in_dir("agenda.csv")), 0);
	assert_false(rv_store_may_write(&st, "agenda.csv", &exists, why, sizeof(why)));
	assert_non_null(strstr(why, "outside the data set"));
	struct rv_store_file f = {.name = "agenda.csv", .data = "x\n", .len = 2};
	rv_file_stamp_read(in_dir("agenda.csv"), &f.expected);
	assert_int_equal(rv_store_commit(&st, &f, 1, err, sizeof(err)), RV_E_REFUSED);
	size_t len;
	char *kept = read_whole_file(outside, &len);
	assert_string_equal(kept, "precious\n");
	free(kept);
	unlink(outside);
	/* dangling: never followed, the target is not created */
	unlink(in_dir("agenda.csv"));
	assert_int_equal(symlink("/tmp/recview-store-no-such-dir/authorized_keys", in_dir("notes.csv")), 0);
	assert_false(rv_store_may_write(&st, "notes.csv", &exists, why, sizeof(why)));
	assert_non_null(strstr(why, "leads nowhere"));
	unlink(in_dir("notes.csv"));
	/* inside: written through, the link stays */
	assert_int_equal(mkdir(in_dir("sub"), 0755), 0);
	write_test_file(dir, "sub/real.csv", "a\n");
	assert_int_equal(symlink("sub/real.csv", in_dir("notes.csv")), 0);
	assert_true(rv_store_may_write(&st, "notes.csv", &exists, why, sizeof(why)));
	assert_true(exists);
	struct rv_store_file g = {.name = "notes.csv", .data = "b\n", .len = 2};
	rv_file_stamp_read(in_dir("notes.csv"), &g.expected);
	assert_int_equal(rv_store_commit(&st, &g, 1, err, sizeof(err)), RV_OK);
	struct stat ls;
	assert_int_equal(lstat(in_dir("notes.csv"), &ls), 0);
	assert_true(S_ISLNK(ls.st_mode));
	assert_true(file_equals("sub/real.csv", "b\n"));
	/* a directory is never replaced */
	assert_int_equal(mkdir(in_dir("reviews.csv"), 0755), 0);
	assert_false(rv_store_may_write(&st, "reviews.csv", &exists, why, sizeof(why)));
	assert_non_null(strstr(why, "not a regular file"));
	/* names that leave the directory */
	assert_false(rv_store_may_write(&st, "../x.csv", &exists, why, sizeof(why)));
	rv_store_close(&st);
}

static void test_new_file_is_not_created_over_one_that_appeared(void **state)
{
	(void)state;
	struct rv_store st;
	char err[512];
	assert_true(rv_store_open(&st, dir, NULL, false, err, sizeof(err)));
	struct rv_store_file f = {.name = "notes.csv", .data = "mine\n", .len = 5};
	rv_file_stamp_read(in_dir("notes.csv"), &f.expected);
	assert_false(f.expected.exists);
	write_test_file(dir, "notes.csv", "theirs\n");
	assert_int_equal(rv_store_commit(&st, &f, 1, err, sizeof(err)), RV_E_CONFLICT);
	assert_true(file_equals("notes.csv", "theirs\n"));
	rv_store_close(&st);
}

static void test_temp_names(void **state)
{
	(void)state;
	assert_true(rv_store_is_temp_name(".notes.csv.recview-Ab3dE9"));
	assert_false(rv_store_is_temp_name("notes.csv.recview-Ab3dE9"));
	assert_false(rv_store_is_temp_name(".notes.csv.recview-Ab3d"));
	assert_false(rv_store_is_temp_name(".recview.lock"));
	/* leftovers are removed at the next open that recovers, other hidden files are not */
	write_test_file(dir, ".notes.csv.recview-Ab3dE9", "junk");
	write_test_file(dir, ".keep-me", "mine");
	recover();
	assert_int_equal(access(in_dir(".notes.csv.recview-Ab3dE9"), F_OK), -1);
	assert_int_equal(access(in_dir(".keep-me"), F_OK), 0);
	unlink(in_dir(".keep-me"));
}

/* ---- append_only: the new bytes alone, the old ones neither handed over nor hashed ---- */

static void test_append_only_writes_the_tail(void **state)
{
	(void)state;
	history_append_only = true;
	char err[512];
	assert_int_equal(commit_status_change(NULL, err, sizeof(err)), RV_OK);
	history_append_only = false;
	assert_true(after_state());
	assert_no_leftovers();

	/* The stamp written carries the hasher on: a second append from it, with a stamp as a read gives. */
	struct rv_store st;
	assert_true(rv_store_open(&st, dir, NULL, false, err, sizeof(err)));
	struct rv_store_file f;
	memset(&f, 0, sizeof(f));
	f.name = "status_history.csv";
	f.data = "R2,2026-11-24,open\n";
	f.len = strlen(f.data);
	f.append_only = true;
	rv_file_stamp_read(in_dir("status_history.csv"), &f.expected);
	assert_true(f.expected.has_state);
	assert_int_equal(rv_store_commit(&st, &f, 1, err, sizeof(err)), RV_OK);
	assert_true(f.appended);
	struct rv_file_stamp now;
	rv_file_stamp_read(in_dir("status_history.csv"), &now);
	assert_true(rv_file_stamp_equal(&now, &f.written));
	assert_true(f.written.has_state);
	f.expected = f.written;
	f.data = "R2,2026-11-25,done\n";
	f.len = strlen(f.data);
	assert_int_equal(rv_store_commit(&st, &f, 1, err, sizeof(err)), RV_OK);
	rv_store_close(&st);
	char want[256];
	snprintf(want, sizeof(want), "%sR2,2026-11-24,open\nR2,2026-11-25,done\n", hist1);
	assert_true(file_equals("status_history.csv", want));
	rv_file_stamp_read(in_dir("status_history.csv"), &now);
	assert_true(rv_file_stamp_equal(&now, &f.written));
}

static void test_append_only_failure_at_every_call(void **state)
{
	history_append_only = true;
	test_failure_at_every_call(state);
	history_append_only = false;
}

static void test_append_only_crash_at_every_call(void **state)
{
	history_append_only = true;
	test_crash_at_every_call(state);
	history_append_only = false;
}

/* Someone else appended meanwhile: a conflict; a stamp without the hasher: refused. Nothing written. */
static void test_append_only_checks_first(void **state)
{
	(void)state;
	struct rv_store st;
	char err[512];
	assert_true(rv_store_open(&st, dir, NULL, false, err, sizeof(err)));
	history_append_only = true;
	struct rv_store_file f[2];
	fill(f);
	history_append_only = false;
	write_test_file(dir, "status_history.csv", "rec_id,date,status\nR1,2020-01-01,open\nR2,2021-01-01,x\n");
	assert_int_equal(rv_store_commit(&st, f, 2, err, sizeof(err)), RV_E_CONFLICT);
	assert_true(f[1].conflict);
	write_test_file(dir, "status_history.csv", hist0);
	history_append_only = true;
	fill(f);
	history_append_only = false;
	f[1].expected.has_state = false;
	assert_int_equal(rv_store_commit(&st, f, 2, err, sizeof(err)), RV_E_FAILED);
	assert_non_null(strstr(err, "status_history.csv: its content was not read first"));
	rv_store_close(&st);
	assert_true(file_equals("recommendations.csv", recs0));
	assert_true(file_equals("status_history.csv", hist0));
	assert_no_leftovers();
}

/* The undo of appended rows cuts the file short, every call failed and crashed in turn as for a commit. */
static void test_truncate_cuts_the_tail(void **state)
{
	(void)state;
	undoing = true;
	teardown(NULL);
	setup(NULL);
	char err[512];
	assert_int_equal(commit_status_change(NULL, err, sizeof(err)), RV_OK);
	assert_true(after_state());
	assert_no_leftovers();
	undoing = false;
}

static void test_truncate_failure_at_every_call(void **state)
{
	undoing = true;
	teardown(NULL);
	setup(NULL);
	test_failure_at_every_call(state);
	undoing = false;
}

static void test_truncate_crash_at_every_call(void **state)
{
	undoing = true;
	teardown(NULL);
	setup(NULL);
	test_crash_at_every_call(state);
	undoing = false;
}

#define STORE_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int run_store_tests(void)
{
	const struct CMUnitTest tests[] = {
		STORE_TEST(test_commit_writes_both),
		STORE_TEST(test_calls_of_a_commit),
		STORE_TEST(test_failure_at_every_call),
		STORE_TEST(test_crash_at_every_call),
		STORE_TEST(test_torn_journal_rolls_back),
		STORE_TEST(test_journal_with_bad_hash_is_ignored),
		STORE_TEST(test_conflict_means_other_content),
		STORE_TEST(test_recheck_catches_a_writer_without_lock),
		STORE_TEST(test_lock_keeps_out_a_second_writer),
		STORE_TEST(test_what_may_be_written),
		STORE_TEST(test_new_file_is_not_created_over_one_that_appeared),
		STORE_TEST(test_temp_names),
		STORE_TEST(test_append_only_writes_the_tail),
		STORE_TEST(test_append_only_failure_at_every_call),
		STORE_TEST(test_append_only_crash_at_every_call),
		STORE_TEST(test_append_only_checks_first),
		STORE_TEST(test_truncate_cuts_the_tail),
		STORE_TEST(test_truncate_failure_at_every_call),
		STORE_TEST(test_truncate_crash_at_every_call),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
