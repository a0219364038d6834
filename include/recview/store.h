/*
 * store.h - the only code that writes a data set's files. A commit replaces or appends to several
 * files of one data directory all-or-nothing, under an advisory lock, through a journal:
 *
 *   1. lock      flock(.recview.lock); a journal left by a crash is recovered first
 *   2. check     each file is what the caller last saw (content: size and hash, not mtime); a file
 *                that changed is a conflict and nothing is written
 *   3. prepare   a file that only grew at its end is appended to (its old length journaled), one that is
 *                its old content cut short is truncated (the bytes cut off journaled); any other
 *                is written whole to a temporary file beside it, fsync'd. A caller that knows it only
 *                adds rows hands over those bytes alone (append_only): no copy or hash of the old ones
 *   4. journal   .recview-journal lists every step with the hashes before and after; fsync'd, with the
 *                directory; from here on the commit will be completed, by us or by recovery
 *   5. re-check  the files once more (a program that takes no lock is caught here)
 *   6. apply     appends (O_APPEND, fsync), renames (link for a new file, so that nothing is replaced
 *                that appeared meanwhile), the directory fsync'd
 *   7. done      the journal removed, the directory fsync'd, the lock released
 *
 * Recovery (at open and before any commit, under the lock): a journal that is incomplete (torn while
 * being written) is rolled back: nothing had been applied yet. A complete one is rolled forward when
 * every temporary file is present and whole (or already in place), and rolled back otherwise (appends
 * truncated to their old length). Temporary files of recview left in the directory are removed.
 *
 * What may be written: only files in the data directory. A symlink is written through only when its
 * target lies inside the data directory; a dangling symlink is never followed; a file that exists but
 * is not a regular file is never replaced. Such a commit is refused (RV_E_REFUSED) with the reason.
 */
#ifndef RECVIEW_STORE_H
#define RECVIEW_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/error.h"
#include "recview/save.h"

#define RV_STORE_JOURNAL ".recview-journal"
#define RV_STORE_LOCK ".recview.lock"

/* A commit's result (error.h): RV_OK; RV_E_CONFLICT, a file changed since it was read; RV_E_REFUSED, a
 * file may not be written (outside the data set, not a regular file...); RV_E_FAILED, a step failed
 * (disk full, permissions, the lock). Whatever the failure, nothing was written. */

struct rv_store {
	char *dir;                     /* as given, for messages */
	char *real;                    /* the directory with every symlink resolved */
	const struct rv_save_ops *ops; /* system calls, replaceable by tests */
	int lock_fd;                   /* held between lock and unlock, else -1 */
	double lock_timeout;           /* seconds to wait for another writer */
	char recovered[512];           /* what the last recovery did, in plain words, or "" */
};

/* One file of a commit. */
struct rv_store_file {
	const char *name;                /* inside the data directory: "notes.csv" */
	const char *data;                /* the file's whole new content (append_only: what is added) */
	size_t len;
	/* data is only what goes after the expected content, which must exist with its hasher state
	 * (has_state): the old bytes are neither handed over nor hashed again; the file is appended to. */
	bool append_only;
	struct rv_file_stamp expected;   /* as last read or written; exists = false for a new file */
	struct rv_file_stamp written;    /* out: the stamp after the commit */
	bool appended;                   /* out: written by appending to it */
	bool truncated;                  /* out: written by cutting it short (rows appended before, taken back) */
	bool conflict;                   /* out: this file had changed */
};

/*
 * Opens the store of dir (which must exist). With recover, takes the lock (when the directory can be
 * written) and recovers a crashed commit and leftover temporary files; st->recovered says what was
 * done. Returns false with err when dir cannot be resolved. ops NULL: the system's.
 */
bool rv_store_open(struct rv_store *st, const char *dir, const struct rv_save_ops *ops, bool recover, char *err,
		   size_t errsize);
void rv_store_close(struct rv_store *st);

/* Recovers a journal and leftover temporary files (takes the lock itself). */
enum rv_result rv_store_recover(struct rv_store *st, char *err, size_t errsize);

/* Writes files[0..n) as one all-or-nothing change. err says why not, naming the file. */
enum rv_result rv_store_commit(struct rv_store *st, struct rv_store_file *files, size_t n, char *err,
				     size_t errsize);

/*
 * Whether name (in the data directory) may be written, and why not: the rules above. *exists tells
 * whether there is a file now (following a symlink inside the data set).
 */
bool rv_store_may_write(const struct rv_store *st, const char *name, bool *exists, char *why, size_t whysize);

/* Whether a file name is one of recview's temporary files (".NAME.recview-XXXXXX"). */
bool rv_store_is_temp_name(const char *name);

#endif
