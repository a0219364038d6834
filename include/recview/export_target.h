/*
 * export_target.h - the file an export is written to: never a file of the data set (nor its
 * directory), whatever path leads there (symlinks, "..", a hard link); an existing file is replaced
 * only when the user said so; the writing itself is atomic (rv_save_atomic), so a failed export
 * leaves the old file as it was.
 */
#ifndef RECVIEW_EXPORT_TARGET_H
#define RECVIEW_EXPORT_TARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/save.h"

struct rv_export_target {
	char *path;                 /* absolute, links and ".." resolved: the file that gets written */
	struct rv_file_stamp stamp; /* that file when it was checked (exists is false when there was none) */
};

enum rv_export_check {
	RV_EXPORT_NEW,     /* nothing there yet: may be written */
	RV_EXPORT_REPLACE, /* another file is there: ask before replacing it */
	RV_EXPORT_REFUSED, /* must not be written (why says why); nothing is written */
};

/*
 * Where an export of the data set in data_dir to path would go, and whether it may. Refused: the
 * data directory itself, any .csv file in it (existing or not: recview reads them, and creates
 * notes.csv and agenda.csv there), any file that is one of those under another name (symlink or hard
 * link: the same device and inode), directories and anything else that is not a regular file, and
 * paths that cannot be resolved. why gets a plain message naming the absolute path (not sanitised:
 * it holds the path as typed). Call rv_export_target_free afterwards whatever the answer.
 */
enum rv_export_check rv_export_target_check(const char *data_dir, const char *path, struct rv_export_target *out,
					    char *why, size_t whysize);

/*
 * Writes data to a target that rv_export_target_check allowed, atomically (temporary file, fsync,
 * rename). Nothing is written when the file changed since the check (or appeared, for a new one).
 * false with a message in err naming the path and the failed step; the old file is then intact.
 * ops NULL means the system calls.
 */
bool rv_export_target_write(const struct rv_export_target *t, const char *data, size_t len,
			    const struct rv_save_ops *ops, char *err, size_t errsize);

void rv_export_target_free(struct rv_export_target *t);

#endif
