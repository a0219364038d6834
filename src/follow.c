/*
 * follow.c - the presenter's state file and the followers' files in the data directory (follow.h):
 * written atomically, parsed strictly (the file is anyone's who can write the directory), counted.
 */
#include "recview/follow.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/date.h"
#include "recview/utf8.h"

/* ---- who is running ---- */

static bool name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
	       c == '-';
}

/* A host or user name as files may carry it: at most RV_FOLLOW_NAME_MAX of [A-Za-z0-9._-], not
 * starting with a dot; anything else becomes '_'. */
static void safe_name(const char *s, char out[RV_FOLLOW_NAME_MAX + 1])
{
	size_t n = 0;
	for (; s && s[n] && n < RV_FOLLOW_NAME_MAX; n++)
		out[n] = name_char(s[n]) && !(n == 0 && s[n] == '.') ? s[n] : '_';
	if (!n)
		out[n++] = '_';
	out[n] = '\0';
}

void rv_follow_me_init(struct rv_follow_me *me)
{
	char host[256] = "";
	if (gethostname(host, sizeof(host) - 1) != 0)
		host[0] = '\0';
	host[sizeof(host) - 1] = '\0';
	const char *user = getenv("USER");
	if (!user || !*user)
		user = getenv("LOGNAME");
	me->pid = (long)getpid();
	safe_name(host, me->host);
	safe_name(user ? user : "unknown", me->user);
}

static bool valid_name(const char *s, size_t len)
{
	if (!len || len > RV_FOLLOW_NAME_MAX || s[0] == '.')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!name_char(s[i]))
			return false;
	return true;
}

/* ---- the state file's text ---- */

void rv_follow_state_free(struct rv_follow_state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->ids[i]);
	free(s->ids);
	memset(s, 0, sizeof(*s));
}

static bool valid_id(const char *s, size_t len)
{
	if (!len || len > RV_FOLLOW_ID_MAX || utf8_first_invalid(s, len) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

bool rv_follow_author_ok(const char *author)
{
	return valid_id(author, strlen(author));
}

/* A time as the files record it: YYYY-MM-DDTHH:MM:SS, digits where digits go. */
static bool valid_time(const char *s, size_t len)
{
	static const char form[] = "0000-00-00T00:00:00";
	if (len != sizeof(form) - 1)
		return false;
	for (size_t i = 0; i < len; i++)
		if (form[i] == '0' ? s[i] < '0' || s[i] > '9' : s[i] != form[i])
			return false;
	return true;
}

/* The meeting's lines (format 3): its start, or none; its author, or * for anyone. */
static bool format_meeting(const struct rv_follow_state *s, struct strbuf *out)
{
	size_t since = strlen(s->since), author = strlen(s->author);
	sb_addf(out, "since %s\nauthor %s\n", since ? s->since : "none", author ? s->author : "*");
	return (!since || valid_time(s->since, since)) && (!author || valid_id(s->author, author));
}

bool rv_follow_format(const struct rv_follow_state *s, struct strbuf *out)
{
	char date[16] = "none";
	if (s->as_of != RV_DATE_NONE)
		rv_date_format(s->as_of, date, sizeof(date));
	sb_addf(out, "recview-present %d\npid %ld\nhost %s\nuser %s\nseq %" PRIu64 "\nupdated %" PRId64 "\n",
		RV_FOLLOW_VERSION, s->by.pid, s->by.host, s->by.user, s->seq, s->updated);
	sb_addf(out, "as-of %s\nat %zu\nscroll %zu\n", date, s->at, s->scroll);
	bool meeting = format_meeting(s, out);
	sb_addf(out, "later %s\nitems %zu\n", s->later_dim ? "dim" : "hide", s->n);
	if (!meeting || s->n > RV_FOLLOW_ITEMS_MAX || (s->n ? s->at >= s->n : s->at != 0) || s->scroll > RV_FOLLOW_SCROLL_MAX ||
	    !valid_name(s->by.host, strlen(s->by.host)) || !valid_name(s->by.user, strlen(s->by.user)))
		return false;
	for (size_t i = 0; i < s->n; i++) {
		size_t len = strlen(s->ids[i]);
		if (!valid_id(s->ids[i], len))
			return false;
		sb_add(out, s->ids[i], len);
		sb_addc(out, '\n');
	}
	sb_adds(out, "end\n");
	return true;
}

struct reader {
	const char *p, *end;
	size_t lineno;
	const char *line; /* the current line, without its newline */
	size_t len;
	char *err;
	size_t errsize;
};

static bool fail(struct reader *r, const char *why)
{
	snprintf(r->err, r->errsize, "line %zu: %s", r->lineno, why);
	return false;
}

/* The next line: ends with a newline, fits RV_FOLLOW_LINE_MAX, holds no control character. */
static bool next_line(struct reader *r)
{
	r->lineno++;
	if (r->p >= r->end)
		return fail(r, "the file ends early");
	const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	size_t len = nl ? (size_t)(nl - r->p) : (size_t)(r->end - r->p);
	if (len + 1 > RV_FOLLOW_LINE_MAX)
		return fail(r, "the line is too long");
	if (!nl)
		return fail(r, "the last line has no line end");
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)r->p[i] < 0x20 || r->p[i] == 0x7f)
			return fail(r, "a control character");
	r->line = r->p;
	r->len = len;
	r->p = nl + 1;
	return true;
}

/* "KEY VALUE": the value, or NULL (said) when the line is not that key. */
static const char *keyed(struct reader *r, const char *key, size_t *vlen)
{
	char why[64];
	size_t k = strlen(key);
	if (!next_line(r))
		return NULL;
	if (r->len < k + 2 || memcmp(r->line, key, k) != 0 || r->line[k] != ' ') {
		snprintf(why, sizeof(why), "\"%s\" was expected here", key);
		fail(r, why);
		return NULL;
	}
	*vlen = r->len - k - 1;
	return r->line + k + 1;
}

/* A decimal number without sign or leading zero, at most max. */
static bool number(const char *s, size_t len, uint64_t max, uint64_t *out)
{
	if (!len || len > 20 || (s[0] == '0' && len > 1))
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9' || v > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return v <= max;
}

static bool keyed_number(struct reader *r, const char *key, uint64_t max, uint64_t *out)
{
	size_t len;
	const char *v = keyed(r, key, &len);
	if (!v)
		return false;
	if (!number(v, len, max, out)) {
		char why[64];
		snprintf(why, sizeof(why), "\"%s\" is not a number in range", key);
		return fail(r, why);
	}
	return true;
}

static bool keyed_name(struct reader *r, const char *key, char out[RV_FOLLOW_NAME_MAX + 1])
{
	size_t len;
	const char *v = keyed(r, key, &len);
	if (!v)
		return false;
	if (!valid_name(v, len)) {
		char why[64];
		snprintf(why, sizeof(why), "\"%s\" is not a name of letters, digits, . _ -", key);
		return fail(r, why);
	}
	memcpy(out, v, len);
	out[len] = '\0';
	return true;
}

/* The header line; *version: the format it says (1 or RV_FOLLOW_VERSION). */
static bool header(struct reader *r, uint64_t *version)
{
	if (!next_line(r))
		return false;
	static const char magic[] = "recview-present ";
	size_t m = sizeof(magic) - 1;
	if (r->len <= m || memcmp(r->line, magic, m) != 0)
		return fail(r, "not a recview walkthrough state file");
	if (!number(r->line + m, r->len - m, 1000000, version) || *version < 1 || *version > RV_FOLLOW_VERSION) {
		char why[96];
		int shown = r->len - m > 12 ? 12 : (int)(r->len - m);
		snprintf(why, sizeof(why), "format %.*s is not one this recview reads (it reads %d)", shown, r->line + m,
			 RV_FOLLOW_VERSION);
		return fail(r, why);
	}
	return true;
}

static bool as_of_line(struct reader *r, int32_t *as_of)
{
	size_t len;
	const char *v = keyed(r, "as-of", &len);
	if (!v)
		return false;
	*as_of = RV_DATE_NONE;
	if (len == 4 && memcmp(v, "none", 4) == 0)
		return true;
	char back[16];
	if (len != 10 || rv_date_parse(v, len, as_of) != RV_DATE_OK)
		return fail(r, "\"as-of\" is not a date (YYYY-MM-DD) or none");
	rv_date_format(*as_of, back, sizeof(back));
	if (strlen(back) != len || memcmp(back, v, len) != 0)
		return fail(r, "\"as-of\" is not a date (YYYY-MM-DD) or none");
	return true;
}

/* "since TIME|none" and "author NAME|*" (format 3). */
static bool meeting_lines(struct reader *r, struct rv_follow_state *s)
{
	size_t len;
	const char *v = keyed(r, "since", &len);
	if (!v)
		return false;
	if (!(len == 4 && memcmp(v, "none", 4) == 0)) {
		if (!valid_time(v, len))
			return fail(r, "\"since\" is not a time (YYYY-MM-DDTHH:MM:SS) or none");
		memcpy(s->since, v, len);
		s->since[len] = '\0';
	}
	v = keyed(r, "author", &len);
	if (!v)
		return false;
	if (len == 1 && v[0] == '*')
		return true;
	if (!valid_id(v, len))
		return fail(r, "\"author\" is not a name (too long, or not UTF-8)");
	memcpy(s->author, v, len);
	s->author[len] = '\0';
	return true;
}

/* "later hide|dim" (format 4): what the presenter's as-of date does with what came after it. */
static bool later_line(struct reader *r, bool *dim)
{
	size_t len;
	const char *v = keyed(r, "later", &len);
	if (!v)
		return false;
	*dim = len == 3 && memcmp(v, "dim", 3) == 0;
	if (!*dim && !(len == 4 && memcmp(v, "hide", 4) == 0))
		return fail(r, "\"later\" is not hide or dim");
	return true;
}

static bool fields(struct reader *r, struct rv_follow_state *s)
{
	uint64_t version, pid, seq, updated, at, n, scroll = 0;
	if (!header(r, &version) || !keyed_number(r, "pid", INT32_MAX, &pid) || !keyed_name(r, "host", s->by.host) ||
	    !keyed_name(r, "user", s->by.user) || !keyed_number(r, "seq", UINT64_C(1) << 62, &seq) ||
	    !keyed_number(r, "updated", INT64_C(1) << 40, &updated) || !as_of_line(r, &s->as_of) ||
	    !keyed_number(r, "at", RV_FOLLOW_ITEMS_MAX, &at) ||
	    (version >= 2 && !keyed_number(r, "scroll", RV_FOLLOW_SCROLL_MAX, &scroll)) ||
	    (version >= 3 && !meeting_lines(r, s)) ||
	    (version >= 4 && !later_line(r, &s->later_dim)) ||
	    !keyed_number(r, "items", RV_FOLLOW_ITEMS_MAX, &n))
		return false;
	if (pid == 0)
		return fail(r, "no pid");
	if (n ? at >= n : at != 0)
		return fail(r, "\"at\" is past the last item");
	s->by.pid = (long)pid;
	s->seq = seq;
	s->updated = (int64_t)updated;
	s->at = (size_t)at;
	s->scroll = (size_t)scroll;
	s->ids = xcalloc(n + 1, sizeof(*s->ids));
	for (; s->n < n; s->n++) {
		if (!next_line(r))
			return false;
		if (!valid_id(r->line, r->len))
			return fail(r, "not an item id (empty, too long, or not UTF-8)");
		s->ids[s->n] = xcalloc(r->len + 1, 1);
		memcpy(s->ids[s->n], r->line, r->len);
	}
	if (!next_line(r))
		return false;
	if (r->len != 3 || memcmp(r->line, "end", 3) != 0)
		return fail(r, "\"end\" was expected after the items");
	if (r->p != r->end) {
		r->lineno++;
		return fail(r, "more after \"end\"");
	}
	return true;
}

enum rv_result rv_follow_parse(const char *data, size_t len, struct rv_follow_state *out, char *err, size_t errsize)
{
	memset(out, 0, sizeof(*out));
	char scratch[1];
	struct reader r = {.p = data, .end = data + len, .err = err ? err : scratch, .errsize = err ? errsize : 1};
	if (len > RV_FOLLOW_BYTES_MAX) {
		snprintf(r.err, r.errsize, "the file is too large");
		return RV_E_UNREADABLE;
	}
	if (fields(&r, out))
		return RV_OK;
	rv_follow_state_free(out);
	return RV_E_UNREADABLE;
}

bool rv_follow_state_same_view(const struct rv_follow_state *a, const struct rv_follow_state *b)
{
	if (a->n != b->n || a->at != b->at || a->scroll != b->scroll || a->as_of != b->as_of ||
	    strcmp(a->since, b->since) != 0 || strcmp(a->author, b->author) != 0 || a->later_dim != b->later_dim)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->ids[i], b->ids[i]) != 0)
			return false;
	return true;
}

bool rv_follow_state_live(const struct rv_follow_state *s, const struct rv_follow_me *me, int64_t now)
{
	if (now - s->updated > RV_FOLLOW_STALE_SECS)
		return false;
	if (strcmp(s->by.host, me->host) != 0)
		return true; /* its pid means nothing here: the age decides */
	return kill((pid_t)s->by.pid, 0) == 0 || errno == EPERM;
}

/* ---- the state file on disk ---- */

static char *join(const char *dir, const char *name)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", dir, name);
	return sb_detach(&sb);
}

enum rv_result rv_follow_publish(const char *dir, const struct rv_follow_state *s, char *err, size_t errsize)
{
	struct strbuf text, tmp;
	sb_init(&text);
	sb_init(&tmp);
	enum rv_result res = RV_E_FAILED;
	char *path = join(dir, RV_FOLLOW_STATE);
	const struct rv_save_ops *ops = &rv_save_system_ops;
	int fd = -1;
	if (!rv_follow_format(s, &text)) {
		snprintf(err, errsize, "an item id cannot be shared (a control character, or too long)");
		res = RV_E_REFUSED;
		goto out;
	}
	/* A new file in the directory (O_EXCL), renamed over the name: a link there is replaced, never
	 * followed, so nothing outside the directory is ever written. */
	fd = rv_create_temp(ops, path, &tmp);
	if (fd < 0 || fchmod(fd, 0644 & ~rv_current_umask()) != 0 || rv_write_all(ops, fd, text.data, text.len) != 0 ||
	    rv_fsync_retry(ops, fd) != 0) {
		snprintf(err, errsize, "cannot write %s: %s", RV_FOLLOW_STATE, strerror(errno));
		goto out;
	}
	int closed = close(fd);
	fd = -1;
	if (closed != 0 || rename(tmp.data, path) != 0) {
		snprintf(err, errsize, "cannot write %s: %s", RV_FOLLOW_STATE, strerror(errno));
		goto out;
	}
	sb_reset(&tmp);
	(void)rv_sync_dir(ops, path);
	res = RV_OK;
out:
	if (fd >= 0)
		close(fd);
	if (tmp.len)
		unlink(tmp.data);
	free(path);
	sb_free(&text);
	sb_free(&tmp);
	return res;
}

enum rv_result rv_follow_read(const char *dir, struct rv_follow_state *out, struct rv_file_stamp *stamp, char *err,
			      size_t errsize)
{
	memset(out, 0, sizeof(*out));
	if (stamp) {
		memset(stamp, 0, sizeof(*stamp));
	}
	char *path = join(dir, RV_FOLLOW_STATE);
	/* Never a link, and never blocking on a FIFO put there. */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	free(path);
	if (fd < 0) {
		if (errno == ENOENT)
			return RV_E_NOT_FOUND;
		snprintf(err, errsize, "%s", errno == ELOOP ? "it is a symbolic link" : strerror(errno));
		return RV_E_UNREADABLE;
	}
	struct stat st;
	struct strbuf data;
	sb_init(&data);
	enum rv_result res = RV_E_UNREADABLE;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "it is not a regular file");
		goto out;
	}
	char buf[8192];
	ssize_t got;
	while ((got = read(fd, buf, sizeof(buf))) > 0 && data.len <= RV_FOLLOW_BYTES_MAX)
		sb_add(&data, buf, (size_t)got);
	if (got < 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		goto out;
	}
	if (stamp) {
		stamp->exists = true;
		stamp->dev = st.st_dev;
		stamp->ino = st.st_ino;
		stamp->size = (off_t)data.len;
		stamp->mtime = st.st_mtim;
		stamp->ctime = st.st_ctim;
		stamp->hash = rv_hash_bytes(data.data ? data.data : "", data.len);
	}
	res = rv_follow_parse(data.data ? data.data : "", data.len, out, err, errsize);
out:
	close(fd);
	sb_free(&data);
	return res;
}

void rv_follow_withdraw(const char *dir, const struct rv_follow_me *me)
{
	struct rv_follow_state s;
	char err[8];
	if (rv_follow_read(dir, &s, NULL, err, sizeof(err)) != RV_OK)
		return;
	if (s.by.pid == me->pid && strcmp(s.by.host, me->host) == 0) {
		char *path = join(dir, RV_FOLLOW_STATE);
		unlink(path);
		free(path);
	}
	rv_follow_state_free(&s);
}

/* ---- followers ---- */

/* "HOST-PID": the follower's file name. */
static void follower_name(const struct rv_follow_me *me, char *out, size_t size)
{
	snprintf(out, size, "%s-%ld", me->host, me->pid);
}

/* A name a follower's file can have: a safe name that ends in -DIGITS. */
static bool follower_file(const char *name)
{
	size_t len = strlen(name);
	const char *dash = strrchr(name, '-');
	if (!dash || dash == name || !dash[1] || name[0] == '.' || len > RV_FOLLOW_NAME_MAX + 12)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!name_char(name[i]))
			return false;
	for (const char *p = dash + 1; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

/* The followers' directory, opened without following a link; -1 when it is not there or not one. */
static int open_followers(const char *dir)
{
	char *path = join(dir, RV_FOLLOW_DIR);
	int dfd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	free(path);
	return dfd;
}

/* Calls each(dfd, name, st, now, ctx) for every follower's file; returns how many it said yes to. */
static size_t each_follower(int dfd, int64_t now, bool (*each)(int dfd, const char *name, const struct stat *st,
							       int64_t now))
{
	int dup_fd = dup(dfd);
	DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	if (!d) {
		if (dup_fd >= 0)
			close(dup_fd);
		return 0;
	}
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		if (!follower_file(e->d_name) || fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		n += each(dfd, e->d_name, &st, now);
	}
	closedir(d);
	return n;
}

static bool is_fresh(int dfd, const char *name, const struct stat *st, int64_t now)
{
	(void)dfd;
	(void)name;
	int64_t age = now - (int64_t)st->st_mtim.tv_sec;
	return age <= RV_FOLLOW_FRESH_SECS && age >= -RV_FOLLOW_FRESH_SECS;
}

static bool sweep_gone(int dfd, const char *name, const struct stat *st, int64_t now)
{
	if (now - (int64_t)st->st_mtim.tv_sec > RV_FOLLOW_SWEEP_SECS)
		unlinkat(dfd, name, 0);
	return false;
}

size_t rv_follow_count(const char *dir, int64_t now)
{
	int dfd = open_followers(dir);
	if (dfd < 0)
		return 0;
	size_t n = each_follower(dfd, now, is_fresh);
	close(dfd);
	return n;
}

int rv_follow_join(const char *dir, const struct rv_follow_me *me, int64_t now, char *err, size_t errsize)
{
	char *path = join(dir, RV_FOLLOW_DIR);
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		snprintf(err, errsize, "cannot make %s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	int dfd = open_followers(dir);
	if (dfd < 0) {
		snprintf(err, errsize, "cannot open %s: %s", path, errno == ELOOP ? "a symbolic link" : strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	each_follower(dfd, now, sweep_gone);
	char name[RV_FOLLOW_NAME_MAX + 32];
	follower_name(me, name, sizeof(name));
	/* A file of our own name left by a process of the same pid long ago is replaced, never opened:
	 * O_EXCL, so that a link put there leads nowhere. */
	unlinkat(dfd, name, 0);
	int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		snprintf(err, errsize, "cannot write %s/%s: %s", RV_FOLLOW_DIR, name, strerror(errno));
		close(dfd);
		return -1;
	}
	struct strbuf text;
	sb_init(&text);
	sb_addf(&text, "user %s\n", me->user);
	(void)rv_write_all(&rv_save_system_ops, fd, text.data, text.len);
	sb_free(&text);
	close(dfd);
	return fd;
}

int rv_follow_touch(const char *dir, const struct rv_follow_me *me, int fd, int64_t now)
{
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_nlink > 0 && futimens(fd, NULL) == 0)
		return fd;
	if (fd >= 0)
		close(fd);
	char err[8];
	return rv_follow_join(dir, me, now, err, sizeof(err));
}

void rv_follow_leave(const char *dir, const struct rv_follow_me *me, int fd)
{
	int dfd = open_followers(dir);
	if (fd >= 0)
		close(fd);
	if (dfd < 0)
		return;
	char name[RV_FOLLOW_NAME_MAX + 32];
	follower_name(me, name, sizeof(name));
	unlinkat(dfd, name, 0);
	close(dfd);
	char *path = join(dir, RV_FOLLOW_DIR);
	rmdir(path); /* fails while others follow: they keep it */
	free(path);
}
