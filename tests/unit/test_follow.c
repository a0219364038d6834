/*
 * test_follow.c - the walkthrough's state file and followers' files (follow.c): written and read back,
 * every bad file refused with a reason (wrong version, long lines, control characters, bad numbers,
 * ids that are no ids), a link or a FIFO never followed nor written through, a presenter gone by its
 * pid or its age, and the followers counted while fresh.
 */
#include "tests.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "recview/date.h"
#include "recview/follow.h"

static char dir[64];

static int make_dir(void **state)
{
	*state = dir; /* drop_test_set removes it */
	static const struct test_file none[] = {{NULL, NULL}};
	return make_test_set(dir, sizeof(dir), "follow", none);
}

#define path_of(name) test_path(dir, (name))

static void write_text(const char *name, const char *text)
{
	FILE *f = fopen(path_of(name), "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *ids3[] = {"SSR1-11", "SSR1-25", "SSR2-10.1"};

static struct rv_follow_state sample(void)
{
	struct rv_follow_state s = {.seq = 7, .updated = 1796245200, .at = 1, .scroll = 12, .n = 3, .ids = ids3};
	s.by.pid = 4242;
	strcpy(s.by.host, "alpha");
	strcpy(s.by.user, "alice");
	rv_date_parse("2026-05-01", 10, &s.as_of);
	strcpy(s.since, "2026-05-01T10:15:00");
	strcpy(s.author, "Alice Example");
	return s;
}

static const char good[] = "recview-present 4\npid 4242\nhost alpha\nuser alice\nseq 7\nupdated 1796245200\n"
			   "as-of 2026-05-01\nat 1\nscroll 12\nsince 2026-05-01T10:15:00\nauthor Alice Example\n"
			   "later hide\nitems 3\nSSR1-11\nSSR1-25\nSSR2-10.1\nend\n";
/* A file of format 3 (before hide or dim was shared): it reads, hiding what came later. */
static const char format3[] = "recview-present 3\npid 4242\nhost alpha\nuser alice\nseq 7\nupdated 1796245200\n"
			      "as-of 2026-05-01\nat 1\nscroll 12\nsince 2026-05-01T10:15:00\nauthor Alice Example\n"
			      "items 3\nSSR1-11\nSSR1-25\nSSR2-10.1\nend\n";
/* A file of format 2 (before the meeting was shared): it reads, with no meeting (nothing decided). */
static const char format2[] = "recview-present 2\npid 4242\nhost alpha\nuser alice\nseq 7\nupdated 1796245200\n"
			      "as-of 2026-05-01\nat 1\nscroll 12\nitems 3\nSSR1-11\nSSR1-25\nSSR2-10.1\nend\n";
/* A file of format 1 (before the scroll was shared): it reads, unscrolled. */
static const char format1[] = "recview-present 1\npid 4242\nhost alpha\nuser alice\nseq 7\nupdated 1796245200\n"
			      "as-of 2026-05-01\nat 1\nitems 3\nSSR1-11\nSSR1-25\nSSR2-10.1\nend\n";

static void test_format_and_parse(void **state)
{
	(void)state;
	struct rv_follow_state s = sample(), back;
	struct strbuf sb;
	sb_init(&sb);
	assert_true(rv_follow_format(&s, &sb));
	assert_string_equal(sb.data, good);
	char err[128] = "";
	assert_int_equal(rv_follow_parse(sb.data, sb.len, &back, err, sizeof(err)), RV_OK);
	assert_true(rv_follow_state_same_view(&s, &back));
	assert_int_equal(back.by.pid, 4242);
	assert_string_equal(back.by.host, "alpha");
	assert_string_equal(back.by.user, "alice");
	assert_int_equal(back.seq, 7);
	assert_int_equal(back.scroll, 12);
	assert_string_equal(back.since, "2026-05-01T10:15:00");
	assert_string_equal(back.author, "Alice Example");
	/* Another scroll is another view: the follower scrolls with the presenter. */
	back.scroll = 13;
	assert_false(rv_follow_state_same_view(&s, &back));
	back.scroll = 12;
	/* So is another meeting: its decided lines differ. */
	strcpy(back.since, "2026-05-01T10:16:00");
	assert_false(rv_follow_state_same_view(&s, &back));
	strcpy(back.since, "2026-05-01T10:15:00");
	/* And the presenter's dim: the follower dims what it hid. */
	back.later_dim = true;
	assert_false(rv_follow_state_same_view(&s, &back));
	rv_follow_state_free(&back);
	sb_reset(&sb);
	s.later_dim = true;
	assert_true(rv_follow_format(&s, &sb));
	assert_non_null(strstr(sb.data, "\nlater dim\nitems 3\n"));
	assert_int_equal(rv_follow_parse(sb.data, sb.len, &back, err, sizeof(err)), RV_OK);
	assert_true(back.later_dim);
	rv_follow_state_free(&back);
	s.later_dim = false;
	sb_free(&sb);
	assert_int_equal(rv_follow_parse(format3, strlen(format3), &back, err, sizeof(err)), RV_OK);
	assert_false(back.later_dim);
	assert_string_equal(back.author, "Alice Example");
	rv_follow_state_free(&back);
	assert_int_equal(rv_follow_parse(format2, strlen(format2), &back, err, sizeof(err)), RV_OK);
	assert_int_equal(back.scroll, 12);
	assert_string_equal(back.since, "");
	assert_string_equal(back.author, "");
	rv_follow_state_free(&back);
	/* No meeting: "since none", "author *" (anyone), read back as empty. */
	struct rv_follow_state open = sample();
	open.since[0] = open.author[0] = '\0';
	sb_init(&sb);
	assert_true(rv_follow_format(&open, &sb));
	assert_non_null(strstr(sb.data, "\nsince none\nauthor *\n"));
	assert_int_equal(rv_follow_parse(sb.data, sb.len, &back, err, sizeof(err)), RV_OK);
	assert_string_equal(back.since, "");
	assert_string_equal(back.author, "");
	rv_follow_state_free(&back);
	sb_free(&sb);
	/* An author that cannot be written on one line is not shared. */
	strcpy(open.author, "al\nice");
	sb_init(&sb);
	assert_false(rv_follow_format(&open, &sb));
	sb_free(&sb);
	assert_int_equal(rv_follow_parse(format1, strlen(format1), &back, err, sizeof(err)), RV_OK);
	assert_int_equal(back.at, 1);
	assert_int_equal(back.scroll, 0);
	assert_int_equal(back.n, 3);
	rv_follow_state_free(&back);
	/* No date, no items. */
	struct rv_follow_state empty = sample();
	empty.n = empty.at = 0;
	empty.as_of = RV_DATE_NONE;
	sb_init(&sb);
	assert_true(rv_follow_format(&empty, &sb));
	assert_int_equal(rv_follow_parse(sb.data, sb.len, &back, err, sizeof(err)), RV_OK);
	assert_int_equal(back.n, 0);
	assert_int_equal(back.as_of, RV_DATE_NONE);
	rv_follow_state_free(&back);
	sb_free(&sb);
}

/* Each bad text: refused, with the line named in the reason. */
static void refused(const char *text, size_t len, const char *why)
{
	struct rv_follow_state s;
	char err[160] = "";
	assert_int_equal(rv_follow_parse(text, len, &s, err, sizeof(err)), RV_E_UNREADABLE);
	if (!strstr(err, why))
		fail_msg("\"%s\" does not say \"%s\"", err, why);
	assert_null(s.ids);
}

/* good with its first occurrence of from replaced by to. */
static void refused_with(const char *from, const char *to, const char *why)
{
	char text[1024];
	const char *at = strstr(good, from);
	assert_non_null(at);
	int n = snprintf(text, sizeof(text), "%.*s%s%s", (int)(at - good), good, to, at + strlen(from));
	refused(text, (size_t)n, why);
}

static void test_bad_files(void **state)
{
	(void)state;
	refused(LIT(""), "ends early");
	refused(LIT("hello\n"), "not a recview walkthrough");
	refused(LIT("recview-present 5\n"), "format 5 is not one this recview reads");
	refused(LIT("recview-present 0\n"), "format 0 is not one this recview reads");
	refused(LIT("recview-present 01\n"), "not one this recview reads");
	refused_with("pid 4242", "pid -1", "\"pid\" is not a number");
	refused_with("pid 4242", "pid 99999999999", "\"pid\" is not a number");
	refused_with("pid 4242", "pid 0", "no pid");
	refused_with("pid 4242\n", "", "\"pid\" was expected");
	refused_with("host alpha", "host ../../etc", "\"host\" is not a name");
	refused_with("host alpha", "host .hidden", "\"host\" is not a name");
	refused_with("user alice", "user al ice", "\"user\" is not a name");
	refused_with("user alice", "user al\x1b[2Jice", "control character");
	refused_with("seq 7", "seq 7x", "\"seq\" is not a number");
	refused_with("as-of 2026-05-01", "as-of 2026-13-45", "\"as-of\" is not a date");
	refused_with("as-of 2026-05-01", "as-of 2026-05", "\"as-of\" is not a date");
	refused_with("at 1", "at 3", "past the last item");
	refused_with("scroll 12\n", "", "\"scroll\" was expected");
	refused_with("scroll 12", "scroll -1", "\"scroll\" is not a number");
	refused_with("scroll 12", "scroll 1000001", "\"scroll\" is not a number");
	refused_with("since 2026-05-01T10:15:00\n", "", "\"since\" was expected");
	refused_with("since 2026-05-01T10:15:00", "since 2026-05-01", "\"since\" is not a time");
	refused_with("since 2026-05-01T10:15:00", "since 2026-05-01T10:15:0x", "\"since\" is not a time");
	refused_with("author Alice Example\n", "", "\"author\" was expected");
	refused_with("author Alice Example", "author Al\xff", "\"author\" is not a name");
	refused_with("author Alice Example", "author Al\x1b[2Jice", "control character");
	refused_with("later hide\n", "", "\"later\" was expected");
	refused_with("later hide", "later grey", "\"later\" is not hide or dim");
	refused_with("items 3", "items 4", "the file ends early");
	refused_with("items 3", "items 2", "\"end\" was expected after the items");
	refused_with("items 3", "items 100001", "\"items\" is not a number");
	refused_with("SSR1-25", "SSR1\x07-25", "control character");
	refused_with("SSR1-25", "SSR1\xff-25", "not UTF-8");
	refused_with("SSR1-25\n", "\n", "not an item id");
	refused_with("SSR1-25", "SSR1-25\r", "control character");
	refused_with("end\n", "end", "no line end");
	refused_with("end\n", "end\nmore\n", "more after \"end\"");
	refused_with("end\n", "end\n\n", "more after \"end\"");
	char text[1024];
	int n = snprintf(text, sizeof(text), "recview-present 1\npid 4242\nhost %0300d\n", 1);
	refused(text, (size_t)n, "line 3: the line is too long");
	refused(LIT("recview-present 1\npid 4242\nhost al\0pha\n"), "control character");
}

/* An id that is a path is only an id: nothing is made of it but a lookup. */
static void test_ids_are_never_paths(void **state)
{
	(void)state;
	char *ids[] = {"../../etc/passwd", "/tmp/x", "a/b"};
	struct rv_follow_state s = sample(), back;
	s.ids = ids;
	assert_int_equal(rv_follow_publish(dir, &s, (char[64]){0}, 64), RV_OK);
	char err[128] = "";
	assert_int_equal(rv_follow_read(dir, &back, NULL, err, sizeof(err)), RV_OK);
	assert_string_equal(back.ids[0], "../../etc/passwd");
	rv_follow_state_free(&back);
	struct stat st;
	assert_int_not_equal(stat(path_of("a"), &st), 0);
	/* An id that cannot be written so is refused, and nothing is written. */
	char *bad[] = {"SSR1\n-11", "x", "y"};
	s.ids = bad;
	unlink(path_of(RV_FOLLOW_STATE));
	assert_int_equal(rv_follow_publish(dir, &s, err, sizeof(err)), RV_E_REFUSED);
	assert_int_not_equal(stat(path_of(RV_FOLLOW_STATE), &st), 0);
}

static void test_publish_read_withdraw(void **state)
{
	(void)state;
	struct rv_follow_state s = sample(), back;
	char err[256] = "";
	assert_int_equal(rv_follow_read(dir, &back, NULL, err, sizeof(err)), RV_E_NOT_FOUND);
	assert_int_equal(rv_follow_publish(dir, &s, err, sizeof(err)), RV_OK);
	struct rv_file_stamp stamp;
	assert_int_equal(rv_follow_read(dir, &back, &stamp, err, sizeof(err)), RV_OK);
	assert_true(stamp.exists);
	assert_int_equal(stamp.size, (off_t)strlen(good));
	assert_true(rv_follow_state_same_view(&s, &back));
	rv_follow_state_free(&back);
	struct stat st;
	assert_int_equal(stat(path_of(RV_FOLLOW_STATE), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644 & ~umask(022));
	/* Someone else's file stays; ours goes. */
	struct rv_follow_me other = s.by;
	other.pid++;
	rv_follow_withdraw(dir, &other);
	assert_int_equal(stat(path_of(RV_FOLLOW_STATE), &st), 0);
	rv_follow_withdraw(dir, &s.by);
	assert_int_not_equal(stat(path_of(RV_FOLLOW_STATE), &st), 0);
	/* No temporary file is left. */
	assert_int_equal(rmdir(dir), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
}

/* A link is replaced, never written through; a FIFO or a directory is not read. */
static void test_links_and_odd_files(void **state)
{
	(void)state;
	write_text("victim", "keep me\n");
	assert_int_equal(symlink("victim", path_of(RV_FOLLOW_STATE)), 0);
	struct rv_follow_state s = sample(), back;
	char err[256] = "";
	assert_int_equal(rv_follow_read(dir, &back, NULL, err, sizeof(err)), RV_E_UNREADABLE);
	assert_string_equal(err, "it is a symbolic link");
	assert_int_equal(rv_follow_publish(dir, &s, err, sizeof(err)), RV_OK);
	FILE *f = fopen(path_of("victim"), "r");
	char buf[32] = "";
	assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	assert_string_equal(buf, "keep me\n");
	struct stat st;
	assert_int_equal(lstat(path_of(RV_FOLLOW_STATE), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	unlink(path_of(RV_FOLLOW_STATE));
	assert_int_equal(mkfifo(path_of(RV_FOLLOW_STATE), 0600), 0);
	assert_int_equal(rv_follow_read(dir, &back, NULL, err, sizeof(err)), RV_E_UNREADABLE);
	assert_string_equal(err, "it is not a regular file");
	unlink(path_of(RV_FOLLOW_STATE));
	assert_int_equal(mkdir(path_of(RV_FOLLOW_STATE), 0700), 0);
	assert_int_equal(rv_follow_read(dir, &back, NULL, err, sizeof(err)), RV_E_UNREADABLE);
	assert_int_not_equal(rv_follow_publish(dir, &s, err, sizeof(err)), RV_OK);
	rmdir(path_of(RV_FOLLOW_STATE));
	/* Too large a file is not read whole. */
	f = fopen(path_of(RV_FOLLOW_STATE), "w");
	for (int i = 0; i < RV_FOLLOW_BYTES_MAX / 64 + 2; i++)
		fputs("0123456789012345678901234567890123456789012345678901234567890123", f);
	fclose(f);
	assert_int_equal(rv_follow_read(dir, &back, NULL, err, sizeof(err)), RV_E_UNREADABLE);
	assert_string_equal(err, "the file is too large");
}

static void test_staleness(void **state)
{
	(void)state;
	struct rv_follow_me me;
	rv_follow_me_init(&me);
	struct rv_follow_state s = sample();
	s.by = me;
	int64_t now = (int64_t)time(NULL);
	s.updated = now;
	assert_true(rv_follow_state_live(&s, &me, now));
	s.updated = now - RV_FOLLOW_STALE_SECS - 1;
	assert_false(rv_follow_state_live(&s, &me, now));
	/* Same host, a pid that is not running. */
	s.updated = now;
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	assert_true(child > 0);
	while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
		;
	s.by.pid = child;
	assert_false(rv_follow_state_live(&s, &me, now));
	/* Another host: its pid means nothing here, its age does. */
	strcpy(s.by.host, "elsewhere");
	assert_true(rv_follow_state_live(&s, &me, now));
	s.updated = now - RV_FOLLOW_STALE_SECS - 1;
	assert_false(rv_follow_state_live(&s, &me, now));
}

static void test_followers_counted(void **state)
{
	(void)state;
	int64_t now = (int64_t)time(NULL);
	assert_int_equal(rv_follow_count(dir, now), 0);
	struct rv_follow_me a = {.pid = 11, .host = "alpha", .user = "alice"}, b = {.pid = 12, .host = "beta", .user = "bob"};
	char err[256] = "";
	int fa = rv_follow_join(dir, &a, now, err, sizeof(err));
	assert_true(fa >= 0);
	int fb = rv_follow_join(dir, &b, now, err, sizeof(err));
	assert_true(fb >= 0);
	assert_int_equal(rv_follow_count(dir, now), 2);
	/* Not touched for a while: no longer counted, and swept by the next one to join. */
	assert_int_equal(rv_follow_count(dir, now + RV_FOLLOW_FRESH_SECS + 5), 0);
	/* Removed by someone: touching makes it again. */
	unlink(path_of(RV_FOLLOW_DIR "/alpha-11"));
	assert_int_equal(rv_follow_count(dir, now), 1);
	fa = rv_follow_touch(dir, &a, fa, now);
	assert_true(fa >= 0);
	assert_int_equal(rv_follow_count(dir, now), 2);
	/* Odd entries are not followers. */
	write_text(RV_FOLLOW_DIR "/notes.txt", "x");
	assert_int_equal(symlink("/etc/passwd", path_of(RV_FOLLOW_DIR "/evil-1")), 0);
	assert_int_equal(mkdir(path_of(RV_FOLLOW_DIR "/dir-2"), 0700), 0);
	assert_int_equal(rv_follow_count(dir, now), 2);
	rv_follow_leave(dir, &a, fa);
	assert_int_equal(rv_follow_count(dir, now), 1);
	struct timespec old[2] = {{.tv_sec = now - RV_FOLLOW_SWEEP_SECS - 10}, {.tv_sec = now - RV_FOLLOW_SWEEP_SECS - 10}};
	assert_int_equal(utimensat(AT_FDCWD, path_of(RV_FOLLOW_DIR "/beta-12"), old, 0), 0);
	fa = rv_follow_join(dir, &a, now, err, sizeof(err));
	struct stat st;
	assert_int_not_equal(stat(path_of(RV_FOLLOW_DIR "/beta-12"), &st), 0);
	close(fb);
	rv_follow_leave(dir, &a, fa);
	/* The followers' directory as a link: never written into. */
	remove_tree(path_of(RV_FOLLOW_DIR));
	assert_int_equal(mkdir(path_of("elsewhere"), 0700), 0);
	assert_int_equal(symlink("elsewhere", path_of(RV_FOLLOW_DIR)), 0);
	assert_int_equal(rv_follow_join(dir, &a, now, err, sizeof(err)), -1);
	assert_int_equal(rmdir(path_of("elsewhere")), 0);
}

int run_follow_tests(void)
{
#define FOLLOW_TEST(f) cmocka_unit_test_setup_teardown(f, make_dir, drop_test_set)
	const struct CMUnitTest tests[] = {
		FOLLOW_TEST(test_format_and_parse),  FOLLOW_TEST(test_bad_files),
		FOLLOW_TEST(test_ids_are_never_paths), FOLLOW_TEST(test_publish_read_withdraw),
		FOLLOW_TEST(test_links_and_odd_files), FOLLOW_TEST(test_staleness),
		FOLLOW_TEST(test_followers_counted),
	};
#undef FOLLOW_TEST
	return cmocka_run_group_tests_name("follow", tests, NULL, NULL);
}
