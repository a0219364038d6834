/*
 * journal.h - the store's journal of a commit, as text (see store.c for when it is written):
 *
 *   recview-journal 1
 *   R <target>\t<temp>\t<old: 0|1> <old size> <old hash>\t<new size> <new hash>
 *   A <target>\t<old size> <old hash>\t<new size> <new hash>\t<appended bytes in hex>
 *   T <target>\t<old size> <old hash>\t<new size> <new hash>\t<removed bytes in hex>
 *   end <hash of the lines above>
 *
 * Names are relative to the data directory. A journal without its "end" line, or whose hash does not
 * match, was torn while being written.
 */
#ifndef RECVIEW_JOURNAL_H
#define RECVIEW_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/store.h"
#include "recview/strbuf.h"

/* A truncation is an append taken back (undoing rows that were appended): the journal keeps the bytes
 * it removes, so that a commit that cannot go on puts them back. */
enum rv_journal_kind { RV_JOURNAL_REPLACE, RV_JOURNAL_APPEND, RV_JOURNAL_TRUNCATE };

struct rv_journal_entry {
	enum rv_journal_kind kind;
	char *target;          /* absolute */
	char *temp;            /* absolute, for RV_JOURNAL_REPLACE */
	bool old_exists;
	uint64_t old_size, old_hash, new_size, new_hash;
	struct rv_hasher new_state; /* during a commit: the hasher after the new content */
	char *bytes;           /* RV_JOURNAL_APPEND: what is appended; RV_JOURNAL_TRUNCATE: what is cut off */
	size_t nbytes;
	struct rv_store_file *file; /* the caller's, during a commit */
	bool done;
};

void rv_journal_entries_free(struct rv_journal_entry *e, size_t n);
/* The journal of entries e[0..n), the paths in them made relative to the directory real. */
void rv_journal_text(const char *real, const struct rv_journal_entry *e, size_t n, struct strbuf *out);
/* The entries of a journal (paths made absolute under real), or NULL with *complete false when it was
 * torn, forged or names a path outside real. */
struct rv_journal_entry *rv_journal_read(const char *real, const char *data, size_t len, size_t *n, bool *complete);

#endif
