/*
 * flat.h - a flat sheet: one recommendations table that also holds each recommendation's deliverables
 * (or questions), one row per child, the recommendation's columns repeated on each of its rows or left
 * empty below its first (merged cells, exported). It loads as recommendations with their children:
 * the recommendation is its first row, and every row that repeats it is its own too, so that a change
 * writes them all (rv_rec_row_count, entity.h).
 *
 * The rule (detected, never guessed from one row): there is no file of that child kind; among the
 * columns no recommendation field claimed are the child's text ("deliverable", "question") and at
 * least one more of its fields ("responsible"/"owner", "due", "deliverable status", "qid"...; a name
 * may begin with the kind's name); some rows continue the row above: the same id with every
 * recommendation column the same, or an empty id with every recommendation column empty; and every
 * row does one or the other or starts a recommendation. Other columns are the child's when their
 * values change from row to row within a recommendation.
 *
 * For the model's own files (model.c, links.c, entity.c); the rest reads the outcome through entity.h.
 */
#ifndef RECVIEW_FLAT_H
#define RECVIEW_FLAT_H

#include <stdbool.h>
#include <stdint.h>

#include "recview/model.h"

/* Before the recommendations are built: finds whether recommendations.csv is a flat sheet, and if so
 * makes the child kind's table the view of its columns (rv_table.flat) and tells it in a note. */
void rv_flat_detect(struct rv_model *m);
/* Whether row r of recommendations.csv begins a recommendation (every row does in a sheet not flat). */
bool rv_flat_starts_rec(const struct rv_model *m, uint32_t row);
/* After the recommendations are built: which recommendation each row belongs to. */
void rv_flat_index(struct rv_model *m);
/* A flat kind's row: the recommendation it belongs to (-1 none), and whether it holds a child at all
 * (a recommendation without deliverables has one row with the child's columns empty). */
int32_t rv_flat_rec_of(const struct rv_model *m, uint32_t row);
bool rv_flat_child_row(const struct rv_model *m, enum rv_kind kind, uint32_t row);
void rv_flat_free(struct rv_model *m);

#endif
