/*
 * store.c - all-or-nothing commits of several files of one data directory: lock, journal, recovery.
 * The protocol is described in store.h, the journal's format in journal.h. A torn journal means
 * nothing of it had been applied, since applying starts only once the journal is on disk.
 */
#include "recview/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/journal.h"
#include "recview/store_impl.h"
#include "recview/strbuf.h"
#include "recview/text.h"

void rv_store_set_err(char *err, size_t errsize, const char *fmt, ...)
{
	if (!err || !errsize)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
}

char *rv_store_join(const char *dir, const char *name)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", dir, name);
	return sb_detach(&sb);
}

/* A name for messages: sanitised, since it may come from a symlink a data set holds. */
static void clean_name(char *out, size_t size, const char *name)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, name, strlen(name), 0);
	snprintf(out, size, "%s", sb.data ? sb.data : "");
	sb_free(&sb);
}

/* The path of a data-set file for messages, as the user named the directory. */
static void shown_path(const struct rv_store *st, char *out, size_t size, const char *name)
{
	char *path = rv_store_join(st->dir, name);
	clean_name(out, size, path);
	free(path);
}

/* ---- open, lock ---- */

/* Whether a journal or a temporary file of recview is there (looked at without the lock, so that
 * opening a data set that needs nothing writes nothing, not even the lock file). */
static bool needs_recovery(const struct rv_store *st)
{
	char *journal = rv_store_join(st->real, RV_STORE_JOURNAL);
	struct stat s;
	bool found = lstat(journal, &s) == 0;
	free(journal);
	DIR *d = found ? NULL : opendir(st->real);
	struct dirent *de;
	while (d && !found && (de = readdir(d)))
		found = rv_store_is_temp_name(de->d_name);
	if (d)
		closedir(d);
	return found;
}

bool rv_store_open(struct rv_store *st, const char *dir, const struct rv_save_ops *ops, bool recover, char *err,
		   size_t errsize)
{
	memset(st, 0, sizeof(*st));
	st->lock_fd = -1;
	st->lock_timeout = 10;
	st->ops = ops ? ops : &rv_save_system_ops;
	st->dir = xstrdup(dir);
	st->real = realpath(dir, NULL);
	if (!st->real) {
		char name[256];
		clean_name(name, sizeof(name), dir);
		rv_store_set_err(err, errsize, "cannot resolve the data directory %s: %s", name, strerror(errno));
		return false;
	}
	if (recover && access(st->real, W_OK) == 0 && needs_recovery(st))
		rv_store_recover(st, err, errsize);
	return true;
}

void rv_store_close(struct rv_store *st)
{
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	free(st->dir);
	free(st->real);
	memset(st, 0, sizeof(*st));
	st->lock_fd = -1;
}

static bool store_lock(struct rv_store *st, char *err, size_t errsize)
{
	char *path = rv_store_join(st->real, RV_STORE_LOCK);
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
	free(path);
	if (fd < 0) {
		rv_store_set_err(err, errsize, "cannot open the lock file %s in the data directory: %s", RV_STORE_LOCK,
			strerror(errno));
		return false;
	}
	struct timespec pause = {0, 10 * 1000 * 1000};
	for (double waited = 0;; waited += 0.01) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			break;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			rv_store_set_err(err, errsize, "cannot lock the data set: %s", strerror(errno));
			close(fd);
			return false;
		}
		if (waited >= st->lock_timeout) {
			rv_store_set_err(err, errsize, "the data set is being written by another program (%s is locked)",
				RV_STORE_LOCK);
			close(fd);
			return false;
		}
		nanosleep(&pause, NULL);
	}
	st->lock_fd = fd;
	return true;
}

static void store_unlock(struct rv_store *st)
{
	if (st->lock_fd < 0)
		return;
	flock(st->lock_fd, LOCK_UN);
	close(st->lock_fd);
	st->lock_fd = -1;
}

/* ---- what may be written ---- */

/* Whether path lies inside the directory real (both resolved). */
static bool inside(const char *real, const char *path)
{
	size_t n = strlen(real);
	return strncmp(path, real, n) == 0 && path[n] == '/' && path[n + 1];
}

/*
 * The file a write of name replaces: a resolved path inside the data directory (malloc'd), or NULL
 * with the reason in why. *exists tells whether it exists.
 */
static char *write_target(const struct rv_store *st, const char *name, bool *exists, char *why, size_t whysize)
{
	char shown[256];
	clean_name(shown, sizeof(shown), name);
	*exists = false;
	if (!*name || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
		rv_store_set_err(why, whysize, "%s is not a file name of the data set", shown);
		return NULL;
	}
	char *path = rv_store_join(st->real, name);
	struct stat lst;
	if (lstat(path, &lst) != 0) {
		if (errno == ENOENT)
			return path;
		rv_store_set_err(why, whysize, "cannot look at %s: %s", shown, strerror(errno));
		free(path);
		return NULL;
	}
	if (S_ISLNK(lst.st_mode)) {
		char *target = realpath(path, NULL);
		if (!target) {
			rv_store_set_err(why, whysize, "%s is a symlink that leads nowhere (%s); recview does not create its target",
				shown, strerror(errno));
			free(path);
			return NULL;
		}
		if (!inside(st->real, target)) {
			rv_store_set_err(why, whysize, "%s is a symlink to a file outside the data set; recview writes only inside it",
				shown);
			free(target);
			free(path);
			return NULL;
		}
		if (strpbrk(target, "\t\n")) {
			rv_store_set_err(why, whysize, "%s leads to a file whose name holds a tab or line break", shown);
			free(target);
			free(path);
			return NULL;
		}
		free(path);
		path = target;
		if (stat(path, &lst) != 0) {
			rv_store_set_err(why, whysize, "cannot look at %s: %s", shown, strerror(errno));
			free(path);
			return NULL;
		}
	}
	if (!S_ISREG(lst.st_mode)) {
		rv_store_set_err(why, whysize, "%s is not a regular file; recview does not replace it", shown);
		free(path);
		return NULL;
	}
	*exists = true;
	return path;
}

bool rv_store_may_write(const struct rv_store *st, const char *name, bool *exists, char *why, size_t whysize)
{
	char *target = write_target(st, name, exists, why, whysize);
	free(target);
	return target != NULL;
}

bool rv_store_is_temp_name(const char *name)
{
	size_t n = strlen(name);
	static const char mark[] = ".recview-";
	size_t m = sizeof(mark) - 1;
	if (n < 1 + 1 + m + 6 || name[0] != '.')
		return false;
	if (memcmp(name + n - 6 - m, mark, m) != 0)
		return false;
	for (size_t i = n - 6; i < n; i++) {
		char c = name[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}



/* ---- recovery (store_recover.c) ---- */








enum rv_result rv_store_recover(struct rv_store *st, char *err, size_t errsize)
{
	if (!store_lock(st, err, errsize))
		return RV_E_FAILED;
	enum rv_result status = rv_store_recover_locked(st, err, errsize);
	store_unlock(st);
	return status;
}

/* ---- commit ---- */

/* Writes a whole new file to a temporary file beside its target, with the target's mode. */
static bool write_temp(const struct rv_save_ops *o, struct rv_journal_entry *e, const char *shown, char *err, size_t errsize)
{
	struct strbuf tmp;
	sb_init(&tmp);
	int fd = rv_create_temp(o, e->target, &tmp);
	if (fd < 0) {
		rv_store_set_err(err, errsize, "cannot create a temporary file beside %s: %s (nothing was saved)", shown, strerror(errno));
		sb_free(&tmp);
		return false;
	}
	e->temp = sb_detach(&tmp);
	sb_free(&tmp);
	struct stat old;
	bool have_old = e->old_exists && stat(e->target, &old) == 0;
	const char *after;
	const char *step = rv_fill_temp(o, fd, e->file->data, e->file->len, have_old ? &old : NULL, &after);
	int saved = errno;
	if (o->close(fd) != 0 && errno != EINTR && !step) {
		step = "cannot close";
		after = "";
		saved = errno;
	}
	if (step) {
		rv_store_set_err(err, errsize, "%s %s%s: %s (nothing was saved)", step, shown, after, strerror(saved));
		return false;
	}
	return true;
}

static void remove_temps_of(const struct rv_save_ops *o, struct rv_journal_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (e[i].temp)
			o->unlink(e[i].temp);
}

/*
 * Whether the file at path (of old_size bytes, checked to be what was read) begins with data[0..len):
 * then the bytes after it are kept in e, for a roll-back to put back.
 */
static bool cut_tail(const char *path, const char *data, size_t len, uint64_t old_size, struct rv_journal_entry *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	char buf[65536];
	size_t at = 0;
	bool same = true;
	while (same && at < len) {
		size_t want = len - at < sizeof(buf) ? len - at : sizeof(buf);
		ssize_t r = read(fd, buf, want);
		if (r < 0 && errno == EINTR)
			continue;
		same = r > 0 && memcmp(buf, data + at, (size_t)r) == 0;
		at += r > 0 ? (size_t)r : 0;
	}
	size_t tail = (size_t)(old_size - len);
	char *bytes = same ? xmalloc(tail + 1) : NULL;
	size_t got = 0;
	while (same && got < tail) {
		ssize_t r = read(fd, bytes + got, tail - got);
		if (r < 0 && errno == EINTR)
			continue;
		same = r > 0;
		got += r > 0 ? (size_t)r : 0;
	}
	close(fd);
	if (!same) {
		free(bytes);
		return false;
	}
	e->bytes = bytes;
	e->nbytes = tail;
	return true;
}

/* The journal entry of an append whose new bytes alone were given: O(new bytes), whatever the file's size. */
static enum rv_result prepare_append_only(struct rv_store_file *f, struct rv_journal_entry *e, const char *shown,
						bool *skip, char *err, size_t errsize)
{
	if (!f->expected.exists || !f->expected.has_state) {
		rv_store_set_err(err, errsize, "cannot add to %s: its content was not read first (nothing was saved)", shown);
		return RV_E_FAILED;
	}
	e->new_size = e->old_size + f->len;
	e->new_state = f->expected.state;
	rv_hash_update(&e->new_state, f->data, f->len);
	struct rv_hasher hs = e->new_state;
	e->new_hash = rv_hash_final(&hs);
	if (!f->len) {
		*skip = true;
		return RV_OK;
	}
	e->kind = RV_JOURNAL_APPEND;
	e->nbytes = f->len;
	e->bytes = xmalloc(e->nbytes + 1);
	memcpy(e->bytes, f->data, e->nbytes);
	return RV_OK;
}

/*
 * Checks one file and decides how it is written: nothing when it is unchanged, an append when the new
 * content only adds to the end of what is there, else a whole new file. Returns the status.
 */
static enum rv_result prepare_file(const struct rv_store *st, const struct rv_save_ops *o,
					 struct rv_store_file *f, struct rv_journal_entry *e, bool *skip, char *err, size_t errsize)
{
	char shown[512], why[768];
	shown_path(st, shown, sizeof(shown), f->name);
	bool exists;
	*skip = false;
	memset(e, 0, sizeof(*e));
	e->file = f;
	e->target = write_target(st, f->name, &exists, why, sizeof(why));
	if (!e->target) {
		rv_store_set_err(err, errsize, "%s (nothing was saved)", why);
		return RV_E_REFUSED;
	}
	if (!rv_file_unchanged(e->target, &f->expected)) {
		f->conflict = true;
		if (!f->expected.exists)
			rv_store_set_err(err, errsize, "conflict: %s was created by someone else meanwhile (nothing was saved)", shown);
		else if (!exists)
			rv_store_set_err(err, errsize, "conflict: %s was removed or renamed since it was read (nothing was saved)", shown);
		else
			rv_store_set_err(err, errsize, "conflict: %s was changed by someone else since it was read (nothing was saved)", shown);
		return RV_E_CONFLICT;
	}
	e->old_exists = f->expected.exists;
	e->old_size = (uint64_t)f->expected.size;
	e->old_hash = f->expected.hash;
	if (f->append_only)
		return prepare_append_only(f, e, shown, skip, err, errsize);
	e->new_size = f->len;
	/* One pass gives both the hash of the new content and that of its first old_size bytes (whether
	 * the file only grew); files here reach tens of megabytes. */
	bool may_grow = e->old_exists && e->old_size > 0 && e->old_size < f->len;
	struct rv_hasher hs, prefix;
	rv_hash_init(&hs);
	rv_hash_update(&hs, f->data, may_grow ? (size_t)e->old_size : 0);
	prefix = hs;
	bool grew = may_grow && rv_hash_final(&prefix) == e->old_hash;
	rv_hash_update(&hs, f->data + (may_grow ? e->old_size : 0), f->len - (may_grow ? (size_t)e->old_size : 0));
	e->new_state = hs;
	e->new_hash = rv_hash_final(&hs);
	if (e->old_exists && e->old_size == e->new_size && e->old_hash == e->new_hash) {
		*skip = true;
		return RV_OK;
	}
	if (e->old_exists && f->len < e->old_size && cut_tail(e->target, f->data, f->len, e->old_size, e)) {
		/* Rows appended before, taken back: the file is cut, not written again. */
		e->kind = RV_JOURNAL_TRUNCATE;
		return RV_OK;
	}
	if (grew) {
		e->kind = RV_JOURNAL_APPEND;
		e->nbytes = f->len - e->old_size;
		e->bytes = xmalloc(e->nbytes + 1);
		memcpy(e->bytes, f->data + e->old_size, e->nbytes);
		return RV_OK;
	}
	e->kind = RV_JOURNAL_REPLACE;
	return write_temp(o, e, shown, err, errsize) ? RV_OK : RV_E_FAILED;
}

static bool write_journal(const struct rv_store *st, const struct rv_save_ops *o, const struct rv_journal_entry *e, size_t n,
			  char *err, size_t errsize)
{
	struct strbuf text;
	sb_init(&text);
	rv_journal_text(st->real, e, n, &text);
	char *path = rv_store_join(st->real, RV_STORE_JOURNAL);
	int fd = o->open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	bool ok = fd >= 0;
	const char *step = "cannot create";
	if (ok && rv_write_all(o, fd, text.data, text.len) != 0) {
		ok = false;
		step = "cannot write";
	}
	if (ok && rv_fsync_retry(o, fd) != 0) {
		ok = false;
		step = "cannot flush";
	}
	int saved = errno;
	if (fd >= 0 && o->close(fd) != 0 && ok && errno != EINTR) {
		ok = false;
		step = "cannot close";
		saved = errno;
	}
	if (ok && rv_sync_dir(o, path) != 0) {
		ok = false;
		step = "cannot flush the directory of";
		saved = errno;
	}
	if (!ok) {
		rv_store_set_err(err, errsize, "%s the journal %s: %s (nothing was saved)", step, RV_STORE_JOURNAL, strerror(saved));
		if (fd >= 0)
			o->unlink(path);
	}
	free(path);
	sb_free(&text);
	return ok;
}

/* Takes back the appends of a commit that cannot go on; false when one could not be. */
static bool undo_appends(const struct rv_save_ops *o, struct rv_journal_entry *e, size_t n)
{
	bool clean = true;
	for (size_t i = 0; i < n; i++)
		if (e[i].kind != RV_JOURNAL_REPLACE && e[i].done)
			clean &= rv_store_undo_step(o, &e[i]);
	return clean;
}

/*
 * Appends in place; on failure every append already made is truncated away again. Returns 1, or 0
 * when it failed and nothing is left of it, or -1 when a torn append could not be taken back (the
 * journal must then stay, for recovery).
 */
static int apply_appends(const struct rv_store *st, const struct rv_save_ops *o, struct rv_journal_entry *e, size_t n, char *err, size_t errsize)
{
	for (size_t i = 0; i < n; i++) {
		if (e[i].kind == RV_JOURNAL_REPLACE)
			continue;
		bool append = e[i].kind == RV_JOURNAL_APPEND;
		int fd = o->open(e[i].target, O_WRONLY | (append ? O_APPEND : 0) | O_NOFOLLOW | O_CLOEXEC, 0);
		struct stat s;
		bool ok = fd >= 0 && fstat(fd, &s) == 0 && (uint64_t)s.st_size == e[i].old_size;
		/* Marked before writing: a short write (or a cut that failed halfway) must be undone too. */
		e[i].done = ok;
		if (append)
			ok = ok && rv_write_all(o, fd, e[i].bytes, e[i].nbytes) == 0 && rv_fsync_retry(o, fd) == 0;
		else
			ok = ok && o->ftruncate(fd, (off_t)e[i].new_size) == 0 && rv_fsync_retry(o, fd) == 0;
		int saved = errno;
		if (fd >= 0)
			o->close(fd);
		if (!ok) {
			char shown[512];
			shown_path(st, shown, sizeof(shown), e[i].file->name);
			rv_store_set_err(err, errsize, "cannot %s %s: %s (nothing was saved)", append ? "add to" : "shorten", shown,
					 strerror(saved));
			return undo_appends(o, e, i + 1) ? 0 : -1;
		}
	}
	return 1;
}

/* Renames the temporary files into place. Returns how many were put in place before a failure
 * (*ok false then), or all of them. */
static size_t apply_replaces(const struct rv_store *st, const struct rv_save_ops *o, struct rv_journal_entry *e, size_t n,
			     bool *ok, char *err, size_t errsize)
{
	size_t done = 0;
	*ok = true;
	for (size_t i = 0; i < n; i++) {
		if (e[i].kind != RV_JOURNAL_REPLACE)
			continue;
		if (rv_store_redo_replace(o, &e[i])) {
			e[i].done = true;
			done++;
			continue;
		}
		char shown[512];
		shown_path(st, shown, sizeof(shown), e[i].file->name);
		rv_store_set_err(err, errsize, "cannot put the new %s in place: %s", shown, strerror(errno));
		*ok = false;
		return done;
	}
	return done;
}


/* The stamps after a commit: the metadata now, and the hash already computed of the new content. */
static void fill_written(struct rv_journal_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct rv_store_file *f = e[i].file;
		struct stat s;
		memset(&f->written, 0, sizeof(f->written));
		if (stat(e[i].target, &s) == 0) {
			f->written.exists = true;
			f->written.dev = s.st_dev;
			f->written.ino = s.st_ino;
			f->written.size = s.st_size;
			f->written.mtime = s.st_mtim;
			f->written.ctime = s.st_ctim;
			f->written.hash = e[i].new_hash;
			f->written.state = e[i].new_state;
			f->written.has_state = true;
		}
		f->appended = e[i].kind == RV_JOURNAL_APPEND;
		f->truncated = e[i].kind == RV_JOURNAL_TRUNCATE;
	}
}

static bool recheck(const struct rv_store *st, struct rv_journal_entry *e, size_t n, char *err, size_t errsize)
{
	for (size_t i = 0; i < n; i++) {
		if (rv_file_unchanged(e[i].target, &e[i].file->expected))
			continue;
		char shown[512];
		shown_path(st, shown, sizeof(shown), e[i].file->name);
		e[i].file->conflict = true;
		rv_store_set_err(err, errsize, "conflict: %s was changed by another program while saving (nothing was saved)", shown);
		return false;
	}
	return true;
}

/* The commit with the lock held. */
static enum rv_result commit_locked(struct rv_store *st, const struct rv_save_ops *o, struct rv_store_file *files,
					  size_t n, char *err, size_t errsize)
{
	char *jpath = rv_store_join(st->real, RV_STORE_JOURNAL);
	enum rv_result status = RV_OK;
	if (access(jpath, F_OK) == 0 || errno != ENOENT)
		status = rv_store_recover_locked(st, err, errsize);
	struct rv_journal_entry *e = xcalloc(n + 1, sizeof(*e));
	size_t ne = 0;
	for (size_t i = 0; i < n && status == RV_OK; i++) {
		bool skip;
		status = prepare_file(st, o, &files[i], &e[ne], &skip, err, errsize);
		if (status == RV_OK && skip) {
			files[i].written = files[i].expected;
			free(e[ne].target);
			memset(&e[ne], 0, sizeof(e[ne]));
			continue;
		}
		ne++;
	}
	int appended = 1;
	bool renamed = true, pending = false;
	if (status == RV_OK && ne && !write_journal(st, o, e, ne, err, errsize))
		status = RV_E_FAILED;
	else if (status == RV_OK && ne && !recheck(st, e, ne, err, errsize))
		status = RV_E_CONFLICT;
	else if (status == RV_OK && ne && (appended = apply_appends(st, o, e, ne, err, errsize)) <= 0) {
		status = RV_E_FAILED;
		pending = appended < 0;
	} else if (status == RV_OK && ne) {
		size_t done = apply_replaces(st, o, e, ne, &renamed, err, errsize);
		if (!renamed) {
			status = RV_E_FAILED;
			/* Nothing put in place yet: take back the appends and it is as if nothing happened. */
			pending = done > 0 || !undo_appends(o, e, ne);
		}
	}
	if (pending) {
		/* Partly applied and not taken back: the journal stays, and the next open completes the save or
		 * takes back what was appended. */
		size_t used = strlen(err);
		snprintf(err + used, errsize - used, "%s", "; the save is completed or taken back when the data set is next opened");
		rv_journal_entries_free(e, ne);
		free(jpath);
		return RV_E_FAILED;
	}
	if (status == RV_OK && ne) {
		rv_sync_dir(o, jpath);
		o->unlink(jpath);
		rv_sync_dir(o, jpath);
		fill_written(e, ne);
	} else if (status != RV_OK) {
		remove_temps_of(o, e, ne);
		if (ne && status != RV_E_REFUSED)
			o->unlink(jpath); /* never applied: nothing to recover */
	}
	rv_journal_entries_free(e, ne);
	free(jpath);
	return status;
}

enum rv_result rv_store_commit(struct rv_store *st, struct rv_store_file *files, size_t n, char *err,
				     size_t errsize)
{
	if (err && errsize)
		err[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		files[i].appended = false;
		files[i].conflict = false;
	}
	const struct rv_save_ops o = rv_save_ops_complete(st->ops);
	if (!store_lock(st, err, errsize))
		return RV_E_FAILED;
	enum rv_result status = commit_locked(st, &o, files, n, err, errsize);
	store_unlock(st);
	return status;
}
