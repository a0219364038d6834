/*
 * csvread.h - one CSV file read through libcsv into rows of cells, with the line and column of
 * everything, and the raw bytes kept so that unchanged rows can be written back as they were.
 */
#ifndef RECVIEW_CSVREAD_H
#define RECVIEW_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/error.h"
#include "recview/arena.h"
#include "recview/diag.h"
#include "recview/encoding.h"

/* Files are limited to what 32-bit offsets reach. */
#define CSV_MAX_FILE_SIZE ((size_t)UINT32_MAX - 1)

/* A field's value: bytes (not NUL-terminated, may hold NULs) and where it began in the file. */
struct csv_cell {
	const char *ptr;  /* value; points into the file buffer or the table's arena */
	uint32_t len;     /* bytes */
	uint32_t raw_off; /* offset of the field's first raw byte (its opening quote, if any) */
};

/* A cell whose value was changed after loading (its raw bytes no longer apply). */
#define CSV_CELL_CHANGED UINT32_MAX

enum csv_row_flags {
	CSV_ROW_DIRTY = 1 << 0, /* some cell changed: the row is serialised on save */
	CSV_ROW_ADDED = 1 << 1, /* not in the file as read: appended on save */
};

struct csv_row {
	uint32_t first_cell; /* index of its first cell in csv_table.cells */
	uint32_t nfields;    /* fields as read: may differ from the header's count */
	uint32_t flags;      /* enum csv_row_flags */
	uint32_t line;       /* physical line where the row starts, 1-based */
	uint32_t raw_start;  /* byte span of the row in the file, without its line break */
	uint32_t raw_end;
};

enum csv_eol {
	CSV_EOL_LF,
	CSV_EOL_CRLF,
	CSV_EOL_CR,
};

/* A byte span [start, end) of a file. */
struct csv_span {
	uint32_t start, end;
};

/*
 * What is stated about a file (by a mapping, recview.map) instead of detected: whatever is left unset
 * (has_encoding false, delim 0, header_line 0) is found from the file as usual.
 */
struct csv_dialect {
	bool has_encoding;
	enum rv_encoding encoding;
	char delim;           /* ',', ';', '\t' or '|'; 0: found from the first rows */
	uint32_t header_line; /* the physical line of the header; 0: the first row like one */
};

struct csv_table {
	char *path;             /* as given */
	struct csv_dialect stated; /* what was stated rather than detected (zero: everything detected) */
	char *buf;              /* the file's text in UTF-8, NUL-terminated: its bytes, or decoded */
	size_t size;            /* bytes in buf */
	enum rv_encoding encoding; /* of the file (encoding.h); buf is always UTF-8 */
	char *raw;              /* the file's own bytes when it is not UTF-8 (buf is decoded), else NULL */
	size_t raw_size;
	bool lossy;             /* encoding buf again would not give raw back: the file is never written */
	char delim;             /* between fields: ',' (also when 0), ';', '\t' or '|', found from the first rows */
	uint32_t header_cell;   /* the header's first cell in cells (rows above it are skipped) */
	bool bom;               /* a UTF-8 BOM was there (and is skipped) */
	enum csv_eol eol;       /* the file's line break, from its first row */
	bool final_eol;         /* the file ends with a line break */
	struct csv_cell *header; /* header names */
	size_t ncols;
	uint32_t header_line;
	uint32_t header_end;    /* offset of the header row's line break */
	struct csv_row *rows; /* data rows, in file order */
	size_t nrows, rows_cap;
	size_t sparse_rows;   /* rows read with no value after their first field: only these can be
			       * rows that are not data (dialect.c), so none means none to look for */
	struct csv_cell *cells;
	size_t ncells, cells_cap;
	struct arena strings; /* values that differ from their raw bytes ("" unescaped) */
	uint32_t open_quote_line; /* the line of a quote never closed before the end of the file, or 0:
				   * a row appended after it would be read as part of that field */
	struct csv_span *cuts;  /* byte spans of removed rows (with their line breaks), in file order */
	size_t ncuts;
	struct diag_list *diags;
};

/* Reading a table (error.h): RV_OK (read, possibly with problems reported in diags); RV_E_NOT_FOUND,
 * no such file; RV_E_UNREADABLE, not a regular file, unreadable, too large, or not decodable. */

/* Reads path; problems go to diags. On RV_OK the table must be freed. */
enum rv_result csv_table_load(struct csv_table *t, const char *path, struct diag_list *diags);

/* Parses size bytes from data (copied) as if read from path. */
enum rv_result csv_table_parse(struct csv_table *t, const char *path, const char *data, size_t size,
				struct diag_list *diags);

/* The same with what stated says taken as given, the rest detected (stated NULL: all detected). */
enum rv_result csv_table_load_as(struct csv_table *t, const char *path, const struct csv_dialect *stated,
				  struct diag_list *diags);
enum rv_result csv_table_parse_as(struct csv_table *t, const char *path, const char *data, size_t size,
				   const struct csv_dialect *stated, struct diag_list *diags);

void csv_table_free(struct csv_table *t);

/* The field separator of the file. */
char csv_table_delim(const struct csv_table *t);

/* The file's bytes as they are on disk (raw, or buf for a UTF-8 file). */
const char *csv_table_file_bytes(const struct csv_table *t, size_t *len);

/* The cell of a row, or an empty cell when the row is short. */
struct csv_cell csv_cell_at(const struct csv_table *t, size_t row, size_t col);

/*
 * Editing. Values are copied into the table's arena. A changed cell is marked CSV_CELL_CHANGED and its
 * row CSV_ROW_DIRTY; csv_table_append_row adds a CSV_ROW_ADDED row of ncols empty cells and returns
 * its index. A row shorter than col + 1 fields is extended with empty cells.
 */
void csv_table_set_cell(struct csv_table *t, size_t row, size_t col, const char *s, size_t len);
size_t csv_table_append_row(struct csv_table *t);
/* Removes the last row if it was appended (undo of an append). */
void csv_table_drop_last_row(struct csv_table *t);
/* Removes any row: an appended one is forgotten; one read from the file is cut from what is written
 * back (its bytes and its line break), every other byte staying as it was. Later rows move up one. */
void csv_table_remove_row(struct csv_table *t, size_t row);

/* Line and character column (both 1-based) of a byte offset. */
void csv_table_position(const struct csv_table *t, uint32_t off, uint32_t *line, uint32_t *col);

#endif
