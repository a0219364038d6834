/* store_impl.h - what store.c and store_recover.c share; no other module includes it. */
#ifndef RECVIEW_STORE_IMPL_H
#define RECVIEW_STORE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/error.h"
#include "recview/journal.h"
#include "recview/save.h"
#include "recview/store.h"

void rv_store_set_err(char *err, size_t errsize, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
char *rv_store_join(const char *dir, const char *name);

/* The hash of the first len bytes of path; false when it has fewer. */
bool rv_store_prefix_hash(const char *path, uint64_t len, uint64_t *hash);
/* Whether path is a regular file of that size and hash. */
bool rv_store_file_is(const char *path, uint64_t size, uint64_t hash);

/* One step of a journal taken back or made again; true when the file is as wanted. */
bool rv_store_undo_append(const struct rv_save_ops *ops, const struct rv_journal_entry *e);
bool rv_store_redo_append(const struct rv_save_ops *ops, const struct rv_journal_entry *e);
bool rv_store_replace_ready(const struct rv_journal_entry *e);
bool rv_store_redo_replace(const struct rv_save_ops *ops, const struct rv_journal_entry *e);
bool rv_store_redo_truncate(const struct rv_save_ops *ops, const struct rv_journal_entry *e);
bool rv_store_undo_truncate(const struct rv_save_ops *ops, const struct rv_journal_entry *e);
/* Any step, by its kind. */
bool rv_store_redo_step(const struct rv_save_ops *ops, const struct rv_journal_entry *e);
bool rv_store_undo_step(const struct rv_save_ops *ops, const struct rv_journal_entry *e);

/* Removes recview's temporary files from the data directory; how many. */
size_t rv_store_remove_temps(struct rv_store *st);
/* Recovery with the lock held. */
enum rv_result rv_store_recover_locked(struct rv_store *st, char *err, size_t errsize);

#endif
