/*
 * table_files.h - which file of a data set directory holds a table. "recommendations.csv" itself;
 * else the one file whose name ends with the table's name after a separator, with a .csv, .tsv or .txt
 * extension, and a download's " (1)" allowed: "SSR tracker - recommendations.csv" (Google Sheets),
 * "recommendations (1).csv", "recommendations.txt" (Excel's Unicode Text). Case is ignored.
 */
#ifndef RECVIEW_TABLE_FILES_H
#define RECVIEW_TABLE_FILES_H

#include <stddef.h>

/*
 * The name (not the path) of the file in dir that holds the table whose own file name is file
 * ("recommendations.csv"); file itself when there is no other (to be created under that name).
 * *others counts further files that would match as well (the first in name order is taken).
 */
char *rv_find_table_file(const char *dir, const char *file, size_t *others);

/* The table (enum rv_kind) that a file of this name holds by the rules above ("SSR tracker -
 * notes.csv" holds the notes; a path's directories are ignored), or -1 for any other file. */
int rv_table_kind_of_name(const char *name);

struct rv_model;
/* Names the file of every table of m (m->dir set): rv_model_load calls it before reading any. */
void rv_model_find_table_files(struct rv_model *m);

#endif
