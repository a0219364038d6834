/*
 * changelog.h - changes.csv, recview's log of the field changes that are not a status or a decision
 * (those are rows of status_history.csv): an owner, a priority, a deliverable's status, owner or due
 * date, a question's answer or status, a note amended or retracted. One row per change, only ever
 * appended:
 *
 *   rec_id,item,field,value,previous,time,author,note
 *   SSR1-3,D2,due,2017-03-31,Nov. 2015,2026-12-02T10:15:00,alice,"waiting for the vendor"
 *
 * item names what the change is about within the recommendation rec_id: empty for the
 * recommendation itself, "D2" for its second deliverable (file order), "Q1.1" for the question whose
 * qid is 1.1 ("Q#3": the third, when questions have no qid), "N2026-11-30T10:00:00" for its note
 * written at that time. field is the field's name (rv_item_field_name).
 *
 * Where the item's file has a column for the field, the change sets that cell too, and the cell is
 * what is read. Where it has none (no owner column in recommendations.csv; notes, whose file is never
 * rewritten), the latest row of changes.csv for the field is its value. The earlier rows are its
 * history (a deliverable's revised due dates, a note's earlier versions).
 *
 * A status or decision change is a row of status_history.csv, whose date is the date in force (a
 * change can be dated in the past). recview also appends a row here for it (field "status" or
 * "decision", value and previous as in the history, time when it was recorded), so that the files
 * say when each change was made: the minutes select by it. Those rows are never a field's value
 * (the history is), nor a second entry of the log: rv_changes_row_records_state says which they are.
 */
#ifndef RECVIEW_CHANGELOG_H
#define RECVIEW_CHANGELOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/entity.h"
#include "recview/strbuf.h"

/* Something a change is about: a recommendation (kind RV_RECS, index into m->recs) or a child entity
 * (deliverable, question or note, index among the children of its kind). */
struct rv_item {
	enum rv_kind kind;
	size_t index;
};

/* The recommendation an item belongs to, or -1 (a child whose recommendation is unknown). */
long rv_item_rec(const struct rv_model *m, struct rv_item it);
/* Its name in changes.csv (see above), appended to out; false for an item that has none. */
bool rv_item_name(const struct rv_model *m, struct rv_item it, struct strbuf *out);
/* The item of recommendation rec with that name; false when there is none. */
bool rv_item_find(const struct rv_model *m, size_t rec, const char *name, size_t len, struct rv_item *out);
/* How people call it: "SSR1-3", "SSR1-3 deliverable 2", "SSR1-3 question 1.1", "SSR1-3 note of 2026-11-30". */
void rv_item_describe(const struct rv_model *m, struct rv_item it, struct strbuf *out);

/* A field's name in changes.csv ("owner" for a recommendation's owner and a deliverable's responsible,
 * else the field's own: "status", "due", "answer", "note", "priority"), or NULL. */
const char *rv_item_field_name(enum rv_kind kind, int field);
/* The field of kind a name in changes.csv stands for, or -1. */
int rv_item_field_parse(enum rv_kind kind, const char *name, size_t len);

/* Whether row (a child of RV_CHANGES) records when a status or decision change was made: its history
 * row is the change itself. */
bool rv_changes_row_records_state(const struct rv_model *m, size_t row);

/* The status (decision) rec had before recview first changed it: the previous value of the earliest
 * recorded (by time, then file order) of its status (decision) rows; false when there is none, or
 * it is empty. */
bool rv_changes_state_before(const struct rv_model *m, size_t rec, bool decision, struct rv_text *previous);
/* The status (decision) rec had on as_of by its changes.csv state rows, for a history that cannot date
 * it (no decision column): the value of the last row recorded by then, else the previous value of the
 * first; false when no row was recorded after as_of (the column's value held then too). */
bool rv_changes_state_as_of(const struct rv_model *m, size_t rec, bool decision, int32_t as_of, struct rv_text *out);

/* Builds the index of changes.csv (after loading, and whenever its rows change). */
void rv_changelog_rebuild(struct rv_model *m);
void rv_changelog_free(struct rv_model *m);
/* The rows of a field are in the order they were recorded (the time column, then file order): a
 * row appended after another but recorded before it keeps its place, and is never the latest. */
/* The row of changes.csv that last set this field of this item, or -1. */
long rv_changelog_latest(const struct rv_model *m, struct rv_item it, int field);
/* The rows that set it, oldest first: how many there are; the first max of them go to rows. */
size_t rv_changelog_rows(const struct rv_model *m, struct rv_item it, int field, uint32_t *rows, size_t max);
/* How many of those rows were recorded by as_of (all for RV_DATE_NONE): the first ones. */
size_t rv_changelog_rows_by(const struct rv_model *m, struct rv_item it, int field, int32_t as_of);
/*
 * The value a field had on as_of (a date) when changes.csv records a change of it after that day:
 * in time order, the value the last change recorded by then set, else the previous value of the
 * first change, in out; false when none came later (what is read now held then too), and for
 * RV_DATE_NONE. A time without a date counts as recorded (it sorts first).
 */
bool rv_changelog_value_as_of(const struct rv_model *m, struct rv_item it, int field, int32_t as_of,
			      struct rv_text *out);
/* Whether a change of the field recorded at time (changes.csv's form) would be the latest: none of its
 * logged changes was recorded after it. Only then does it set the item's cell. */
bool rv_changelog_in_force(const struct rv_model *m, struct rv_item it, int field, const char *time, size_t len);
/* Whether the field's value is the latest change's rather than a cell: its file has no column for it,
 * or it is a note's text (notes.csv is never rewritten). */
bool rv_changelog_overrides(const struct rv_model *m, enum rv_kind kind, int field);

#endif
