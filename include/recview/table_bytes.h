/*
 * table_bytes.h - what a save writes of a table: its file's bytes as the table now is, in the file's
 * own encoding and separator (untouched rows byte for byte), or only the rows added at its end. A
 * copy of a table can be turned into bytes in another thread while the model goes on changing.
 */
#ifndef RECVIEW_TABLE_BYTES_H
#define RECVIEW_TABLE_BYTES_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/encoding.h"
#include "recview/model.h"
#include "recview/strbuf.h"

/* A table's row and cell arrays, copied; the file's bytes and strings they point to are shared (they
 * do not change while the model lives). */
struct rv_table_copy;

struct rv_table_copy *rv_model_copy_table(const struct rv_model *m, enum rv_kind kind);
/* The file's new bytes from the copy (any thread); false when its encoding cannot hold a character. */
bool rv_table_copy_bytes(const struct rv_table_copy *c, struct strbuf *out);
void rv_table_copy_free(struct rv_table_copy *c);

/* The bytes of the rows from row on, as added at the file's end (a save by appending); false as above. */
bool rv_model_added_bytes(const struct rv_model *m, enum rv_kind kind, size_t row, struct strbuf *out);
/* Text in UTF-8 (recview's own agenda) turned into the bytes of kind's file; false as above. */
bool rv_model_encode_for(const struct rv_model *m, enum rv_kind kind, struct strbuf *text);
/* Whether the rows from row on were all added since the file was read (none read from it). */
bool rv_model_rows_added_from(const struct rv_model *m, enum rv_kind kind, size_t row);
/* The table as it is now, as its file's bytes (the agenda as read, for a save elsewhere). */
bool rv_model_table_bytes(const struct rv_model *m, enum rv_kind kind, struct strbuf *out);

#endif
