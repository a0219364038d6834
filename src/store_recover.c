/* store_recover.c - the store's recovery: a commit a crash interrupted, completed or rolled back. */
#include "recview/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/journal.h"
#include "recview/store_impl.h"
#include "recview/strbuf.h"

/* The hash of the first len bytes of path; false when it has fewer. */
bool rv_store_prefix_hash(const char *path, uint64_t len, uint64_t *hash)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	struct rv_hasher hs;
	rv_hash_init(&hs);
	char buf[65536];
	uint64_t left = len;
	while (left) {
		ssize_t r = read(fd, buf, left < sizeof(buf) ? (size_t)left : sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		rv_hash_update(&hs, buf, (size_t)r);
		left -= (uint64_t)r;
	}
	close(fd);
	*hash = rv_hash_final(&hs);
	return left == 0;
}

bool rv_store_file_is(const char *path, uint64_t size, uint64_t hash)
{
	struct stat s;
	uint64_t h;
	return stat(path, &s) == 0 && S_ISREG(s.st_mode) && (uint64_t)s.st_size == size && rv_store_prefix_hash(path, size, &h) &&
	       h == hash;
}

/* Truncates an append back to its old length, when the file still begins with the old content. */
bool rv_store_undo_append(const struct rv_save_ops *ops, const struct rv_journal_entry *e)
{
	struct stat s;
	uint64_t h;
	if (stat(e->target, &s) != 0 || (uint64_t)s.st_size < e->old_size)
		return false;
	if ((uint64_t)s.st_size == e->old_size)
		return true;
	if (!rv_store_prefix_hash(e->target, e->old_size, &h) || h != e->old_hash)
		return false;
	int fd = ops->open(e->target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0);
	if (fd < 0)
		return false;
	bool ok = ops->ftruncate(fd, (off_t)e->old_size) == 0 && rv_fsync_retry(ops, fd) == 0;
	ops->close(fd);
	return ok;
}

/* Writes an append again from its journaled bytes (after truncating a torn one). */
/* Appends the journaled bytes (an append's, or what a truncation cut off) and fsyncs; true when the
 * file then has the size and hash wanted. */
static bool append_bytes(const struct rv_save_ops *ops, const struct rv_journal_entry *e, uint64_t size, uint64_t hash)
{
	int fd = ops->open(e->target, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0);
	if (fd < 0)
		return false;
	bool ok = rv_write_all(ops, fd, e->bytes, e->nbytes) == 0 && rv_fsync_retry(ops, fd) == 0;
	ops->close(fd);
	return ok && rv_store_file_is(e->target, size, hash);
}

bool rv_store_redo_append(const struct rv_save_ops *ops, const struct rv_journal_entry *e)
{
	if (rv_store_file_is(e->target, e->new_size, e->new_hash))
		return true;
	if (!rv_store_undo_append(ops, e))
		return false;
	return append_bytes(ops, e, e->new_size, e->new_hash);
}

/* Cuts a file back to its new length, when it still holds the old content (or already the new). */
bool rv_store_redo_truncate(const struct rv_save_ops *ops, const struct rv_journal_entry *e)
{
	if (rv_store_file_is(e->target, e->new_size, e->new_hash))
		return true;
	if (!rv_store_file_is(e->target, e->old_size, e->old_hash))
		return false;
	int fd = ops->open(e->target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0);
	if (fd < 0)
		return false;
	bool ok = ops->ftruncate(fd, (off_t)e->new_size) == 0 && rv_fsync_retry(ops, fd) == 0;
	ops->close(fd);
	return ok && rv_store_file_is(e->target, e->new_size, e->new_hash);
}

/* Puts the bytes a truncation cut off back (from the journal), when the file is as it left it. */
bool rv_store_undo_truncate(const struct rv_save_ops *ops, const struct rv_journal_entry *e)
{
	if (rv_store_file_is(e->target, e->old_size, e->old_hash))
		return true;
	if (!rv_store_file_is(e->target, e->new_size, e->new_hash))
		return false;
	return append_bytes(ops, e, e->old_size, e->old_hash);
}

bool rv_store_redo_step(const struct rv_save_ops *ops, const struct rv_journal_entry *e)
{
	switch (e->kind) {
	case RV_JOURNAL_REPLACE:
		return rv_store_redo_replace(ops, e);
	case RV_JOURNAL_APPEND:
		return rv_store_redo_append(ops, e);
	default:
		return rv_store_redo_truncate(ops, e);
	}
}

/* Rolling back: a replace not yet renamed leaves the file as it was (its temporary file is removed after). */
bool rv_store_undo_step(const struct rv_save_ops *ops, const struct rv_journal_entry *e)
{
	switch (e->kind) {
	case RV_JOURNAL_APPEND:
		return rv_store_undo_append(ops, e);
	case RV_JOURNAL_TRUNCATE:
		return rv_store_undo_truncate(ops, e);
	default:
		return true;
	}
}

/* Whether a replace can be completed: already in place, or its temporary file whole. */
bool rv_store_replace_ready(const struct rv_journal_entry *e)
{
	return rv_store_file_is(e->target, e->new_size, e->new_hash) || rv_store_file_is(e->temp, e->new_size, e->new_hash);
}

bool rv_store_redo_replace(const struct rv_save_ops *ops, const struct rv_journal_entry *e)
{
	if (rv_store_file_is(e->target, e->new_size, e->new_hash)) {
		ops->unlink(e->temp);
		return true;
	}
	if (!e->old_exists) {
		if (ops->link(e->temp, e->target) != 0)
			return false;
		ops->unlink(e->temp);
		return true;
	}
	return ops->rename(e->temp, e->target) == 0;
}

/* Removes recview's temporary files from the data directory. Returns how many. */
size_t rv_store_remove_temps(struct rv_store *st)
{
	const struct rv_save_ops o = rv_save_ops_complete(st->ops);
	DIR *d = opendir(st->real);
	size_t removed = 0;
	if (!d)
		return 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!rv_store_is_temp_name(de->d_name))
			continue;
		char *path = rv_store_join(st->real, de->d_name);
		struct stat s;
		if (lstat(path, &s) == 0 && S_ISREG(s.st_mode) && o.unlink(path) == 0)
			removed++;
		free(path);
	}
	closedir(d);
	return removed;
}

static void add_count(struct strbuf *sb, size_t n, const char *what)
{
	if (n)
		sb_addf(sb, "%s%zu %s%s", sb->len ? "; " : "", n, what, n == 1 ? "" : "s");
}

/* With the lock held. */
enum rv_result rv_store_recover_locked(struct rv_store *st, char *err, size_t errsize)
{
	const struct rv_save_ops o = rv_save_ops_complete(st->ops);
	char *jpath = rv_store_join(st->real, RV_STORE_JOURNAL);
	struct strbuf text, said;
	sb_init(&text);
	sb_init(&said);
	enum rv_result status = RV_OK;
	int fd = open(jpath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0) {
		char buf[65536];
		ssize_t r;
		while ((r = read(fd, buf, sizeof(buf))) > 0 || (r < 0 && errno == EINTR))
			if (r > 0)
				sb_add(&text, buf, (size_t)r);
		close(fd);
		size_t n;
		bool complete;
		struct rv_journal_entry *e = rv_journal_read(st->real, text.data ? text.data : "", text.len, &n, &complete);
		bool forward = complete;
		for (size_t i = 0; i < n && forward; i++)
			if (e[i].kind == RV_JOURNAL_REPLACE && !rv_store_replace_ready(&e[i]))
				forward = false;
		bool ok = true;
		for (size_t i = 0; i < n; i++) {
			if (forward)
				ok &= rv_store_redo_step(&o, &e[i]);
			else
				ok &= rv_store_undo_step(&o, &e[i]);
		}
		if (ok) {
			rv_sync_dir(&o, jpath);
			o.unlink(jpath);
			rv_sync_dir(&o, jpath);
			if (forward)
				sb_addf(&said, "completed a save that was interrupted (%zu file%s)", n, n == 1 ? "" : "s");
			else
				sb_adds(&said, "rolled back a save that was interrupted before it was written");
		} else {
			status = RV_E_FAILED;
			rv_store_set_err(err, errsize,
				"an interrupted save could not be %s: the files changed since; %s is kept for inspection",
				forward ? "completed" : "rolled back", RV_STORE_JOURNAL);
			sb_adds(&said, "an interrupted save could not be recovered; see ");
			sb_adds(&said, RV_STORE_JOURNAL);
		}
		rv_journal_entries_free(e, n);
	}
	if (status == RV_OK)
		add_count(&said, rv_store_remove_temps(st), "leftover temporary file removed");
	snprintf(st->recovered, sizeof(st->recovered), "%s", said.data ? said.data : "");
	sb_free(&said);
	sb_free(&text);
	free(jpath);
	return status;
}
