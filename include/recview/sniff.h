/*
 * sniff.h - `recview sniff`: what recview finds in CSV files (encoding, delimiter, quote, line ends,
 * BOM, header line, skipped rows, which column became which field with sample values, the date
 * order and what decided it, values it did not understand), as text or as one JSON object per file,
 * and the mapping file (mapping.h) that states all of it.
 *
 * JSON keys, one object per line: file, table (or null), mapping (the recview.map applied, or null),
 * mapping_for ("table": as to that table of the data set; "every file": only the settings it gives every
 * file, no table of it being this file; null), encoding ("utf-8", "utf-16le", "utf-16be",
 * "windows-1252", "macintosh"), encoding_stated (true when a mapping said it), delimiter (the
 * character), delimiter_name ("comma", "semicolon", "tab", "pipe"), delimiter_stated, quote, line_end
 * ("LF", "CRLF", "CR"), bom, final_newline, header_line, header_line_stated, rows, skipped_rows
 * [{line, why}], columns [{index, name, fields [{field, how ("name", "mapping", "pattern", "link"),
 * samples []}], samples []}], date_order [{field, order ("day-first", "month-first"), basis
 * ("values", "default", "mapping"), line}], not_understood [{field, value, line, count}], error
 * (only when the file could not be read).
 */
#ifndef RECVIEW_SNIFF_H
#define RECVIEW_SNIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct sniff_options {
	bool json;           /* --json */
	bool write;          /* --write: recview.map into the data set (the files' directory) */
	bool force;          /* --force: --write over an existing recview.map (files: updated) */
	bool help;           /* --help */
	const char *dir;     /* -C DIR or DIR: a data set */
	char **files;        /* FILE...: any CSV files (with --write: of one directory) */
	size_t nfiles;
};

/* Runs the subcommand; output on out, problems on stderr. Returns the exit code (cli.h). */
int rv_sniff_run(const struct sniff_options *o, FILE *out);

/* The spellings sniff prints: "utf-8", "windows-1252"...; "comma", "semicolon"...; "LF"... */
const char *rv_sniff_encoding_name(int encoding);
const char *rv_sniff_delimiter_name(char delim);

#endif
