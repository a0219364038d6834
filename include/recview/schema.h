/*
 * schema.h - reading a header against the data contract in time linear in the header: a name is looked
 * up in a small hash of the accepted names, and positions come from one pass over the header's bytes.
 */
#ifndef RECVIEW_SCHEMA_H
#define RECVIEW_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "recview/model.h"

/* The field of kind whose canonical name or alias is norm (normalised by rv_normalize_name), or -1. */
int rv_field_by_name(enum rv_kind kind, const char *norm);

/* Line and character column of increasing byte offsets of one table, each byte read once. */
struct rv_pos_cursor {
	const struct csv_table *t;
	size_t off;        /* bytes before off have been read */
	size_t line_start; /* offset where the line of off begins */
	uint32_t line;     /* 1-based line of off */
	uint32_t chars;    /* characters from line_start to off */
};

void rv_pos_cursor_init(struct rv_pos_cursor *pc, const struct csv_table *t);
/* The position of off (not before the last one asked), as csv_table_position gives it. */
void rv_pos_cursor_at(struct rv_pos_cursor *pc, uint32_t off, uint32_t *line, uint32_t *col);

/* Bytes read by position cursors and names looked up, since the start: for tests that bound the work. */
extern size_t rv_schema_bytes_read, rv_schema_name_probes;

#endif
