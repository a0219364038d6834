/* diag.h - load problems, each one line "FILE:LINE:COL: error|warning: message". */
#ifndef RECVIEW_DIAG_H
#define RECVIEW_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "recview/arena.h"
#include "recview/strbuf.h"

enum diag_severity {
	DIAG_WARNING,
	DIAG_ERROR,
	DIAG_NOTE,    /* what recview did about the file's layout (a title row skipped): not a problem */
};

/* Problems kept per kind and file; the others are only counted (diag_set_keep_per_kind changes it). */
#define DIAG_KEEP_PER_KIND 1000

/*
 * A kind of problem: one message of one file, whatever value or numbers it holds. Its text is the
 * format given to diag_add (a message given whole as "%s" is of the kind of its text up to its first
 * quote), or the fixed text around the value of diag_add_value.
 */
struct diag_kind {
	const char *file;  /* interned */
	const char *what;  /* the fixed text (owned by the list) */
	const char *tail;  /* diag_add_value: the fixed text after the value (static); else NULL */
	enum diag_severity severity;
	uint32_t index;    /* in diag_list.kinds */
	size_t limit;      /* diag_limit_kind: keep at most this many (0: the list's keep_per_kind) */
	size_t kept;       /* problems of this kind in items */
	size_t more;       /* problems of this kind only counted */
};

/* A small record: the text of a value problem is built when it is shown (diag_message). */
struct diag {
	enum diag_severity severity;
	uint32_t line;    /* 1-based; 0 when the problem is the whole file */
	uint32_t col;     /* 1-based character column; 0 when not known */
	int16_t table;    /* enum rv_kind of the row (or, with field, of the file) it names, or -1 */
	int16_t field;    /* a column of that table that is missing or was chosen twice (a mapping can say
			   * which one it is: view_mapping.c), or -1 */
	long row;         /* data row index in that table, or -1 */
	const char *file; /* path as the user gave it (owned by the list) */
	const struct diag_kind *kind;
	const char *msg;   /* diag_add: the message, already sanitised; NULL for a value problem */
	const char *value; /* diag_add_value: the value, quoted and sanitised; else NULL */
};

struct diag_list {
	struct diag *items;
	size_t n, cap;
	size_t errors, warnings; /* every problem, kept or only counted */
	size_t notes;            /* notes are not problems: they change no exit code */
	char **files; /* interned file names */
	size_t nfiles;
	size_t keep_per_kind;      /* 0: keep every problem */
	struct diag_kind **kinds;  /* in order of first report */
	size_t nkinds;
	uint32_t *kind_hash;       /* open addressing: kind index + 1, 0 = empty */
	size_t kind_hash_size;
	struct arena text;         /* messages, quoted values and kind names */
	struct diag counted;       /* what diag_add returns for a problem only counted */
};

void diag_list_init(struct diag_list *dl);
void diag_list_free(struct diag_list *dl);

/* Lists initialised from now on keep n problems per kind and file (0: all of them; --check --all). */
void diag_set_keep_per_kind(size_t n);

/*
 * Reports a problem. Past the list's limit for its kind it is only counted: the pointer returned is
 * then to a scratch record, which the caller may still fill in (table, row).
 */
struct diag *diag_add(struct diag_list *dl, enum diag_severity sev, const char *file, uint32_t line,
		      uint32_t col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/*
 * A problem about a value: "WHAT 'value' TAIL", the value quoted as diag_quote does (40 columns).
 * what and tail must be static strings; the record keeps only the quoted value.
 */
struct diag *diag_add_value(struct diag_list *dl, enum diag_severity sev, const char *file, uint32_t line,
			    uint32_t col, const char *what, const char *value, size_t len, const char *tail);

/*
 * Keeps at most n problems of the kind diag_add(dl, sev, file, ..., fmt, ...) makes, fewer than the
 * list keeps of others (the rest are counted); a list that keeps all (--check --all) keeps all of
 * these too. Returns how many of the kind will be kept, 0 meaning all.
 */
size_t diag_limit_kind(struct diag_list *dl, enum diag_severity sev, const char *file, const char *fmt, size_t n);

/* Registers a file name; problems are listed in the order files were registered. */
const char *diag_intern_file(struct diag_list *dl, const char *file);

/* The message alone, without file, position and severity. */
void diag_message(const struct diag *d, struct strbuf *out);

/* "FILE:LINE:COL: error: message" (LINE and COL left out when 0). */
void diag_format(const struct diag *d, struct strbuf *out);

/* "FILE: warning: … and 299,000 more like this": problems of a kind only counted. */
void diag_format_more(const struct diag_kind *k, struct strbuf *out);

/*
 * For diag_counted_after: the index + 1 of the last problem of each kind in the list as it is now
 * (0 for a kind with none kept). Free it with free().
 */
size_t *diag_list_last_of_kinds(const struct diag_list *dl);

/* The kind whose "… and N more like this" line follows problem i (its last one kept), or NULL. */
const struct diag_kind *diag_counted_after(const struct diag_list *dl, const size_t *last, size_t i);

/*
 * Writes every problem on its own line; after the last one of a kind that had more than the list
 * keeps, the line of diag_format_more.
 */
void diag_list_write(const struct diag_list *dl, FILE *out);

/* Turns every warning into an error (--strict). */
void diag_list_make_strict(struct diag_list *dl);

/*
 * Appends 'text' quoted and sanitised, cut to max_cols columns: for quoting data in a message.
 */
void diag_quote(struct strbuf *out, const char *s, size_t len, int max_cols);

/* Sorts the problems in the order their files were interned (read), then by line and column, stably. */
void diag_list_sort(struct diag_list *dl);

#endif
