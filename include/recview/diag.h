/* diag.h - load problems, each one line "FILE:LINE:COL: error|warning: message". */
#ifndef RECVIEW_DIAG_H
#define RECVIEW_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/strbuf.h"

enum diag_severity {
	DIAG_WARNING,
	DIAG_ERROR,
};

struct diag {
	enum diag_severity severity;
	const char *file; /* path as the user gave it (owned by the list) */
	uint32_t line;    /* 1-based; 0 when the problem is the whole file */
	uint32_t col;     /* 1-based character column; 0 when not known */
	char *msg;        /* already sanitised: safe to print */
	int table;        /* enum rv_kind of the row it names, or -1 */
	long row;         /* data row index in that table, or -1 */
};

struct diag_list {
	struct diag *items;
	size_t n, cap;
	size_t errors, warnings;
	char **files; /* interned file names */
	size_t nfiles;
};

void diag_list_init(struct diag_list *dl);
void diag_list_free(struct diag_list *dl);

struct diag *diag_add(struct diag_list *dl, enum diag_severity sev, const char *file, uint32_t line,
		      uint32_t col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Registers a file name; problems are listed in the order files were registered. */
const char *diag_intern_file(struct diag_list *dl, const char *file);

/* "FILE:LINE:COL: error: message" (LINE and COL left out when 0). */
void diag_format(const struct diag *d, struct strbuf *out);

/* Turns every warning into an error (--strict). */
void diag_list_make_strict(struct diag_list *dl);

/*
 * Appends 'text' quoted and sanitised, cut to max_cols columns: for quoting data in a message.
 */
void diag_quote(struct strbuf *out, const char *s, size_t len, int max_cols);

#endif
