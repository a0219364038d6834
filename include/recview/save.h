/*
 * save.h - writing a CSV file back safely. Unchanged rows (and everything between them: blank lines,
 * line breaks, a BOM) are written back byte for byte; only changed and added rows are serialised.
 * A file is replaced atomically: a temporary file in the same directory, written, flushed, fsync'd,
 * renamed over the original, then the directory fsync'd. Any failure leaves the original as it was.
 */
#ifndef RECVIEW_SAVE_H
#define RECVIEW_SAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "recview/error.h"
#include "recview/csvread.h"
#include "recview/strbuf.h"

/* A 64-bit hash of file contents, eight bytes at a time; streaming gives the same as all at once. */
struct rv_hasher {
	uint64_t h;
	unsigned char tail[8];
	size_t ntail;
	uint64_t len;
};

/*
 * What a file was when it was read: a later save refuses to overwrite a file someone else changed.
 * "Changed" means other content (size and hash); the metadata only lets an unchanged file be
 * recognised without reading it again (a touched file, with a new mtime, is read and found the same).
 */
struct rv_file_stamp {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
	uint64_t hash; /* of the content (rv_hash_bytes) */
	/* The hasher after the content, before rv_hash_final: a commit that only appends to the file
	 * (rv_store_file.append_only) continues it instead of hashing the old bytes again. */
	struct rv_hasher state;
	bool has_state;
};

void rv_hash_init(struct rv_hasher *hs);
void rv_hash_update(struct rv_hasher *hs, const char *data, size_t len);
uint64_t rv_hash_final(struct rv_hasher *hs);
uint64_t rv_hash_bytes(const char *data, size_t len);

/* Reads the stamp of path (following symlinks); exists = false when there is no file. */
void rv_file_stamp_read(const char *path, struct rv_file_stamp *out);
/* The stamp of a file whose content is already in memory (just read): no second read. */
void rv_file_stamp_of(const char *path, const char *data, size_t len, struct rv_file_stamp *out);
/* The same content (existence, size and hash). */
bool rv_file_stamp_equal(const struct rv_file_stamp *a, const struct rv_file_stamp *b);
/* Whether path still holds what expected describes: the metadata when it is identical, else the
 * content read and hashed. */
bool rv_file_unchanged(const char *path, const struct rv_file_stamp *expected);

/* The system calls of a save, replaceable by tests to inject failures and short writes. */
struct rv_save_ops {
	int (*open)(const char *path, int flags, mode_t mode);
	ssize_t (*write)(int fd, const void *buf, size_t len);
	int (*fsync)(int fd);
	int (*close)(int fd);
	int (*rename)(const char *from, const char *to);
	/* NULL in any of these (and above) means the system call itself */
	int (*link)(const char *from, const char *to);
	int (*unlink)(const char *path);
	int (*ftruncate)(int fd, off_t len);
};
extern const struct rv_save_ops rv_save_system_ops;

/* rv_save_atomic's result (error.h): RV_OK; RV_E_CONFLICT, the file changed on disk since expected
 * was taken; RV_E_FAILED, a step failed (the original untouched, the temporary file removed). */

/*
 * Atomically replaces path with data[0..len). expected: the stamp taken when the file was read (NULL
 * to skip the check); for a new file expected->exists is false and the file must not exist now.
 * A symlink is saved through: the link stays and its target is replaced. The mode of the original
 * is kept (new files get 0666 less the umask, as open(2) would give them); its owner and group too
 * when permitted. On success *written (if not NULL) is the new stamp.
 * err gets a plain message naming the step that failed and the path as given, e.g. "cannot write
 * data/x.csv: No space left on device (the file was not changed)". On RV_OK err is empty, or
 * holds a warning when the file was replaced but its directory could not be fsync'd (the save did
 * happen, so that is not a failure). ops NULL means rv_save_system_ops.
 */
enum rv_result rv_save_atomic(const char *path, const char *data, size_t len,
				   const struct rv_file_stamp *expected, const struct rv_save_ops *ops,
				   struct rv_file_stamp *written, char *err, size_t errsize);

/*
 * The bytes of a table as it now is: the original buffer for unchanged stretches, serialised rows
 * for changed ones (CSV_ROW_DIRTY; within them, unchanged cells keep their raw bytes and changed
 * cells, marked with raw_off == CSV_CELL_CHANGED, are quoted as needed) and appended rows (after
 * the last original row, with the file's line break).
 * Appended rows go at the very end (after any trailing blank lines), each followed by the file's line
 * break (LF when the file has none); a file without a final line break gets one before them, so it
 * ends with one afterwards. A row of a single empty field is written as "" (a blank line is no row).
 */
void csv_table_serialize(const struct csv_table *t, struct strbuf *out);
/* What csv_table_serialize writes for the added rows from row on: appended to a file that holds the
 * rest, it gives the same bytes. */
void csv_table_serialize_added(const struct csv_table *t, size_t from, struct strbuf *out);
/* One row as csv_table_serialize writes it, without a line break: unchanged cells of a row read from
 * the file keep their raw bytes, changed ones are quoted as needed (text in UTF-8, as buf). */
void csv_table_write_row(const struct csv_table *t, size_t row, struct strbuf *out);
/* Turns serialised UTF-8 text into the file's bytes, in its own encoding (in place). False when the
 * encoding cannot hold a character: *bad_at is its offset in the text. */
bool csv_table_encode_text(const struct csv_table *t, struct strbuf *text, size_t *bad_at);

/*
 * Appends one field, quoted when it holds a comma, quote, CR or LF or begins or ends with a space or
 * tab; quotes inside are doubled. An empty value is written as nothing.
 */
void csv_write_field(struct strbuf *out, const char *s, size_t len);
/* The same for a file whose fields are separated by delim (a semicolon, a TAB...). */
void csv_write_field_delim(struct strbuf *out, const char *s, size_t len, char delim);

/*
 * Text a user typed, made safe for spreadsheets: a value beginning with '=', '+', '-' or '@' (or,
 * as OWASP lists them too, a tab or CR) gets a leading apostrophe, so that opening the CSV in a
 * spreadsheet does not run it as a formula. Appends to out. Existing cells are never passed through this.
 */
void rv_defuse_formula(struct strbuf *out, const char *s, size_t len);

/* The steps of a safe write, shared with the store. Each returns 0, or -1 with errno. */
/* Creates DIR/.BASE.recview-XXXXXX beside target with O_EXCL (mode 0600); its name goes to tmp. */
int rv_create_temp(const struct rv_save_ops *ops, const char *target, struct strbuf *tmp);
/* Writes everything, going on after short writes and interruptions. */
int rv_write_all(const struct rv_save_ops *ops, int fd, const char *data, size_t len);
int rv_fsync_retry(const struct rv_save_ops *ops, int fd);
/* fsyncs the directory holding target (a file system that cannot is no failure). */
int rv_sync_dir(const struct rv_save_ops *ops, const char *target);
/*
 * The file that a save of path replaces: path with every symlink resolved (realpath), or, when the
 * file does not exist yet, the name that a chain of links (possibly dangling) ends at. malloc'd; NULL
 * with *err set when it cannot be told.
 */
char *rv_resolve_write_target(const char *path, int *err);
/*
 * Fills a temporary file that is to replace old (NULL: a new file): the data, fsync'd, then old's
 * owner (best effort) and mode, or a new file's mode. Returns NULL, or the step that failed ("cannot
 * write", "cannot flush"...) with errno set; *after is what goes after the file's name (" to disk").
 */
const char *rv_fill_temp(const struct rv_save_ops *ops, int fd, const char *data, size_t len, const struct stat *old,
			 const char **after);
/* The process's umask (read without changing it for longer than the two calls). */
mode_t rv_current_umask(void);
/* ops with every NULL member replaced by the system call. */
struct rv_save_ops rv_save_ops_complete(const struct rv_save_ops *ops);

#endif
