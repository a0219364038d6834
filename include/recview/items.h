/*
 * items.h - where a recommendation's items stand: the state of each question (open, answered,
 * follow-up, closed) and who recorded its answer when, the deliverables that are overdue, and the
 * revised due dates of a deliverable with their reasons (all read from the model, changes.csv
 * included; nothing here writes).
 *
 * Overdue: a deliverable that is not complete and whose due date's last day (a month's last day for
 * "2015-11", a quarter's or a year's for those) lies before the day it is judged on: today, or the
 * as-of date the views show. A deliverable without a usable due date is never overdue.
 */
#ifndef RECVIEW_ITEMS_H
#define RECVIEW_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/entity.h"
#include "recview/strbuf.h"
#include "recview/vocab.h"

/* Today as a date (RECVIEW_NOW fixes it, clock.h). */
int32_t rv_today_date(void);
/* The day overdue is judged on: as_of, or today for RV_DATE_NONE. */
int32_t rv_overdue_day(int32_t as_of);

/* The state question q is in: its status, else answered when it has an answer, else open. */
enum rv_qstatus rv_question_state(const struct rv_model *m, size_t q);
/* How many of a recommendation's questions are open (open or follow-up). */
size_t rv_rec_open_questions(const struct rv_model *m, size_t rec);

/* Whether deliverable d is overdue on day. */
bool rv_deliverable_overdue(const struct rv_model *m, size_t d, int32_t day);
/* How many of a recommendation's deliverables are overdue on day. */
size_t rv_rec_overdue(const struct rv_model *m, size_t rec, int32_t day);
/* How many of a recommendation's deliverables are not complete. */
size_t rv_rec_open_deliverables(const struct rv_model *m, size_t rec);

/*
 * When and by whom question q was answered: the latest row of changes.csv that set its answer
 * (its date, YYYY-MM-DD, and author), while the answer is still the one that row wrote; else the
 * file's own answered and answered-by columns, as written (either may be empty). False when neither
 * says anything, or the question has no answer.
 */
bool rv_question_answered(const struct rv_model *m, size_t q, struct rv_text *when, struct rv_text *who);
/* The same as "2026-12-02 by alice" (or the part that is known), sanitised, appended to out. */
bool rv_question_answered_describe(const struct rv_model *m, size_t q, struct strbuf *out);

/* How many times deliverable d's due date was changed through recview (rows of changes.csv). */
size_t rv_due_revisions(const struct rv_model *m, size_t d);
/* The i-th of them, oldest first, as "was Sept 2016 (alice, 2026-12-02: waiting for the vendor)",
 * appended to out, sanitised. */
void rv_due_revision_describe(const struct rv_model *m, size_t d, size_t i, struct strbuf *out);

#endif
