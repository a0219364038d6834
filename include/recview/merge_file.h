/*
 * merge_file.h - the three-way merge of one table file, as git's merge driver for recview's tables
 * (recview merge-driver %O %A %B %P).
 *
 * The three versions (base, ours, theirs) are read as loading reads them (csvread.c: each in its own
 * encoding and separator) and matched row by row by key, the table told by the file's name
 * (table_files.h) and the key columns by the schema's header names:
 *   recommendations  id
 *   questions        rec id and qid, else the row's place among its recommendation's questions
 *   deliverables     rec id and description, else the row's place among its recommendation's
 *   reviews          review and name
 *   agenda           rec id: theirs' additions after ours' rows, removals on either side honoured
 *   status history, notes  append-only: a row is its whole content; rows added on either side are
 *                    all kept (a row added on both sides once), theirs' interleaved with ours' added
 *                    rows in date order; a row removed on one side is removed
 * A matched row is merged cell by cell: a cell changed on one side takes that side's value, the same
 * value on both sides is no conflict, two different new values are a true conflict. So is a row
 * removed on one side and changed on the other, and a row added on both sides under one key with
 * different values. Rows added by theirs go after the row they follow in theirs (after ours'
 * additions there).
 *
 * The result is written in ours' dialect: its encoding, separator, line ends and BOM; rows nobody
 * changed keep their bytes (ours' rows exactly, theirs' added rows too when the separators agree). A
 * true conflict puts standard markers around the row in question only:
 *   <<<<<<< ours / the row with ours' values / ======= / the row with theirs' / >>>>>>> theirs
 * (each side with every other change merged), and everything else is merged.
 */
#ifndef RECVIEW_MERGE_FILE_H
#define RECVIEW_MERGE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "recview/error.h"
#include "recview/strbuf.h"

struct rv_merge_report {
	int kind;               /* the table (enum rv_kind), or -1 for a file that holds none */
	size_t conflicts;       /* rows between conflict markers */
	size_t from_theirs;     /* rows added or cells taken from theirs */
	struct strbuf details;  /* one line per conflict: "SSR1-3: status: ours 'complete', theirs 'deferred'" (sanitised) */
	char why[512];          /* RV_E_REFUSED: why the tables cannot be merged cell by cell */
};

void rv_merge_report_init(struct rv_merge_report *r);
void rv_merge_report_free(struct rv_merge_report *r);

/*
 * Merges the bytes of three versions of the file name (only its last component counts). Result
 * (error.h): RV_OK, merged cleanly into out (the file's bytes); RV_E_CONFLICT, merged with conflict
 * markers around the rows that conflict; RV_E_REFUSED, not a table that can be merged cell by cell
 * (no known table, its key columns missing, headers that differ, a file that cannot be written back
 * the same): r->why says why and out is untouched, for a line-based merge instead.
 */
enum rv_result rv_merge_tables(const char *name, const char *base, size_t base_len, const char *ours,
			       size_t ours_len, const char *theirs, size_t theirs_len, struct strbuf *out,
			       struct rv_merge_report *r);

/*
 * Settling a conflict a merge left: the block whose "<<<<<<<" marker is on physical line line keeps
 * ours' rows (keep_ours) or theirs', without its markers; every other byte as it was. False when no
 * block that is closed starts there (out untouched past what was added).
 */
bool rv_conflict_resolve_text(const char *text, size_t len, uint32_t line, bool keep_ours, struct strbuf *out);
/* The same for the file name of the data set dir, written through the store (inside the data set,
 * atomically, refused when it changed since it was read). Result as rv_store_commit's, or
 * RV_E_NOT_FOUND when no conflict starts there. */
enum rv_result rv_conflict_resolve_file(const char *dir, const char *name, uint32_t line, bool keep_ours, char *err,
					size_t errsize);

/* Reads a whole file into out; false with *err = errno. */
bool rv_read_file_bytes(const char *path, struct strbuf *out, int *err);

/*
 * git's merge driver: base_path %O, ours_path %A (replaced by the result, atomically), theirs_path
 * %B, name %P. A table is merged by rv_merge_tables; any other file, or one that cannot be merged cell
 * by cell, line by line (unchanged on one side: the other; else git merge-file). Says what it did on
 * err. Returns 0 merged cleanly, 1 conflicts left in the file (git then marks it conflicted), 2 an
 * error (the file left as ours was).
 */
int rv_merge_driver(const char *base_path, const char *ours_path, const char *theirs_path, const char *name,
		    FILE *err);

#endif
