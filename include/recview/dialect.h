/*
 * dialect.h - how a CSV file is written, found from its first rows: the field separator, the header
 * row under any title rows, and the rows around the table that are not data.
 *
 *   separator  of comma, semicolon, TAB and '|', the one whose rows agree best on one field count
 *              above 1: the most fields in the rows that have the most common count (rows times
 *              count, so that a separator that also occurs in quoted multi-line text, splitting it
 *              into many short rows, loses); then more such rows; then the comma. A decimal comma
 *              (3,5) in a semicolon file stays text.
 *   header     the first row with at least two non-empty cells, covering at least half of the
 *              table's usual field count; the rows above it (a title, "Exported on ...", empty rows)
 *              are skipped.
 *   not data   rows of empty fields only (Excel's ",,,,") and rows whose only non-empty field is
 *              the first, holding words rather than an id ("Prepared by ...", a legend), in a table
 *              of three or more columns.
 * Skipped rows stay in the file byte for byte (they are never written over) and are reported as notes.
 */
#ifndef RECVIEW_DIALECT_H
#define RECVIEW_DIALECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/csvread.h"

/* The separator of text (UTF-8), judged on its first rows. */
char csv_sniff_delimiter(const char *text, size_t len);

/* After parsing with the first row as header: moves the header under any title rows and takes the
 * rows that are not data out of the table, each reported as a note. */
void csv_table_settle_header(struct csv_table *t);

/* git's conflict markers left in a table (csv_conflicts.c): the marker rows and theirs' side are
 * taken out of the rows (ours' side is read), each conflict reported as an error with both sides'
 * rows as notes. Called first by csv_table_settle_header's taking out of rows that are not data. */
void csv_table_take_conflicts(struct csv_table *t);

/* Whether most of a column's first values are sentences (four spaces or more), as an id never is. */
bool csv_column_reads_like_sentences(const struct csv_table *t, size_t col);
/* The header is the row that starts on physical line line (a mapping said so): the rows above it are
 * skipped as notes, then the rows that are not data as above. False (a warning said why, nothing
 * moved) when no row starts there. */
bool csv_table_set_header_line(struct csv_table *t, uint32_t line);

#endif
