/*
 * model_cells.h - the cells and columns behind the model's fields, for the model's own files
 * (model.c, entity.c, entity_scan.c, links.c, flat.c) only. Everything else reads fields as text through entity.h.
 */
#ifndef RECVIEW_MODEL_CELLS_H
#define RECVIEW_MODEL_CELLS_H

#include "recview/model.h"

/* The table that holds the rows of kind: its own, or the recommendations' for a flat sheet's children. */
const struct csv_table *rv_kind_csv(const struct rv_model *m, enum rv_kind kind);
/* A known field of a row, or an empty cell when the file lacks that column. */
struct csv_cell rv_cell(const struct rv_model *m, enum rv_kind kind, uint32_t row, int field);
struct csv_cell rv_rec_cell(const struct rv_model *m, size_t rec, int field);
struct csv_cell rv_child_cell(const struct rv_model *m, enum rv_kind kind, size_t child, int field);
/* Column of a known field of a table, or -1. */
int rv_column(const struct rv_model *m, enum rv_kind kind, int field);
/* The review a recommendation belongs to: its review column, else its id up to the last '-'
 * (rv_rec_review_of in entity.h gives it as text). */
struct csv_cell rv_rec_review(const struct rv_model *m, size_t rec);

#endif
