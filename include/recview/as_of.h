/*
 * as_of.h - a deliverable's and a question's fields as they stood on a date.
 *
 * The fields changed through recview (a deliverable's status, owner and due date; a question's answer
 * and status) are logged in changes.csv (changelog.h) with the time they were recorded. As of a date,
 * the value in force is the one recorded by the end of that day: the `previous` of the first change
 * recorded after it (in time order, changelog.h), else the value read now. A question's answer the
 * file dates (its answered column) after the day, with no change logged, was not there yet either.
 * RV_DATE_NONE everywhere means now: these are then the plain readings (rv_child_field, items.h).
 *
 * Views, exports and counts read through these when an as-of date is in force, so that a deliverable
 * done today does not count as done on 2015-06-30. Nothing here writes.
 */
#ifndef RECVIEW_AS_OF_H
#define RECVIEW_AS_OF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/entity.h"
#include "recview/vocab.h"

/* What views do with what was recorded after the as-of date: leave it out (the default), or show it
 * dimmed and marked "after DATE" (config as-of-later = dim, the key that toggles it). */
enum rv_as_of_later { RV_AS_OF_HIDE, RV_AS_OF_DIM };
/* "hide" or "dim" into *out; false for another word. */
bool rv_as_of_later_parse(const char *s, enum rv_as_of_later *out);
/* A setting's choice (--as-of-later, the configuration's as-of-later): hide unless it says dim (NULL:
 * not set; a bad word was refused where it was read). */
enum rv_as_of_later rv_as_of_later_setting(const char *s);

/* Whether a child was recorded by as_of: a history entry by its date, a note by its time
 * (entity.h); deliverables and questions always (their changes are read as of the date instead). */
bool rv_child_recorded_by(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of);
/* Keeps, in order, the items of kind recorded by as_of: how many. */
size_t rv_items_recorded_by(const struct rv_model *m, enum rv_kind kind, uint32_t *items, size_t n, int32_t as_of);

struct rv_activity;
/* Whether a row of the log (activity.h) was recorded by as_of: a history entry and a note as above,
 * an agenda or changes.csv row by the day of its time (one without a date counts as recorded). */
bool rv_activity_recorded_by(const struct rv_model *m, const struct rv_activity *e, int32_t as_of);

/* A known field of a child (or of a recommendation, kind RV_RECS) as it read on as_of. */
struct rv_text rv_child_field_as_of(const struct rv_model *m, enum rv_kind kind, size_t child, int field,
				    int32_t as_of);
/* Whether the field was changed after as_of (what is read now was recorded later): the mark a
 * "dimmed, after DATE" view puts on it. False for RV_DATE_NONE. */
bool rv_child_field_later(const struct rv_model *m, enum rv_kind kind, size_t child, int field, int32_t as_of);
/* A recommendation's priority on as_of as a number (1 for P1, 0 none; rv_rec_priority now): the list's
 * Pri column and the slide read it so. */
int rv_rec_priority_as_of(const struct rv_model *m, size_t rec, int32_t as_of);

/* A deliverable's status on as_of (the parsed status field: rv_child_at(...)->status now). */
enum rv_status rv_deliverable_status_as_of(const struct rv_model *m, size_t d, int32_t as_of);
/* Its due date on as_of, parsed in the column's order, as written. */
struct rv_date_text rv_deliverable_due_as_of(const struct rv_model *m, size_t d, int32_t as_of);
/* Overdue on as_of (today for RV_DATE_NONE), by its status and due date then. */
bool rv_deliverable_overdue_as_of(const struct rv_model *m, size_t d, int32_t as_of);
/* A recommendation's deliverables complete, and overdue, on as_of. */
size_t rv_rec_deliverables_done_as_of(const struct rv_model *m, size_t rec, int32_t as_of);
size_t rv_rec_overdue_as_of(const struct rv_model *m, size_t rec, int32_t as_of);

/* A question's answer on as_of (empty when it was given later). */
struct rv_text rv_question_answer_as_of(const struct rv_model *m, size_t q, int32_t as_of);
/* Its state on as_of (rv_question_state now), and how many of a recommendation's were open. */
enum rv_qstatus rv_question_state_as_of(const struct rv_model *m, size_t q, int32_t as_of);
size_t rv_rec_open_questions_as_of(const struct rv_model *m, size_t rec, int32_t as_of);

#endif
