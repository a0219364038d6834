/* sniff_out.h - what sniff found in one file, and how it is printed or written (sniff.c, sniff_out.c). */
#ifndef RECVIEW_SNIFF_OUT_H
#define RECVIEW_SNIFF_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "recview/csvread.h"
#include "recview/date.h"
#include "recview/entity.h"
#include "recview/mapping.h"
#include "recview/model.h"

#define SNIFF_MAX_SKIPPED 50
#define SNIFF_MAX_UNKNOWN 12
#define SNIFF_SAMPLES 3

struct sniff_skipped {
	uint32_t line;
	const char *why;
};

struct sniff_unknown {
	int field;
	struct rv_text value;
	uint32_t line; /* the first */
	size_t count;
};

struct sniff_file {
	const char *name;             /* as shown */
	const struct csv_table *csv;  /* NULL when it could not be read (error) */
	const char *error;
	int kind;                     /* enum rv_kind, or -1 when no table fits */
	const struct rv_model *m;     /* a data set's model (also a file alone in a directory with a
				       * recview.map that reads it as a table), else NULL */
	const char *mapping;          /* the recview.map applied to it, or NULL */
	bool mapping_table;           /* it applied as to that table (else only its settings for every file) */
	int col[RV_MAX_FIELDS];       /* column of each field, or -1 */
	const char *how[RV_MAX_FIELDS];  /* "name", "mapping", "pattern", "link" */
	const struct rv_map_field *rule[RV_MAX_FIELDS]; /* the mapping's line, if any */
	struct rv_date_order_choice orders[RV_MAX_FIELDS];
	bool bom;
	struct sniff_skipped skipped[SNIFF_MAX_SKIPPED];
	size_t nskipped;
	struct sniff_unknown unknown[SNIFF_MAX_UNKNOWN];
	size_t nunknown, unknown_more;
};

/* A field's value in a row, as the loader reads it (a mapping's pattern or link applied). */
struct rv_text sniff_cell(const struct sniff_file *sf, size_t row, int field);

void sniff_print(const struct sniff_file *sf, bool json, FILE *out);
void sniff_print_error(const struct sniff_file *sf, bool json, FILE *out);
/* The problems that kept a data set from loading, on stderr. */
void sniff_report_problems(const struct diag_list *dl);
/*
 * recview.map stating what was found, through the store; returns the exit code. For a data set
 * (only_these false) the whole file, never over one without force. For files alone (only_these) in
 * dir, whose data set m is when dir has a mapping: a new one stating these files, or with force the
 * one there updated, these files' settings replaced and every other line kept.
 */
int sniff_write_map(const struct rv_model *m, const struct sniff_file *files, size_t n, const char *dir, bool force,
		    bool only_these);

#endif
