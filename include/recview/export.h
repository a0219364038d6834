/*
 * export.h - documents made from the data set: minutes (of a session, or from the files alone) and
 * lists of recommendations as Markdown or CSV.
 */
#ifndef RECVIEW_EXPORT_H
#define RECVIEW_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "recview/as_of.h"
#include "recview/model.h"
#include "recview/strbuf.h"
#include "recview/triage.h"

/* Markdown minutes of the session: what changed, who, when, with the notes. */
void rv_session_minutes(const struct rv_session *s, struct strbuf *out);
/*
 * Minutes from the files alone (recview --export minutes): every status-history entry whose source
 * is "recview: AUTHOR" and every note, dated on or after since (YYYY-MM-DD, or NULL for all), in
 * date order, as Markdown.
 */
void rv_file_minutes(const struct rv_model *m, const char *since, struct strbuf *out);
/* The same up to a date (--as-of; RV_DATE_NONE: all): what was recorded by then by the as-of rule
 * (as_of.h), a history entry by its date, a note and a priority change by the day of their time; with
 * RV_AS_OF_DIM what was recorded later stays, its When cell marked "[after DATE]". */
void rv_file_minutes_as_of(const struct rv_model *m, const char *since, int32_t as_of, enum rv_as_of_later later,
			   struct strbuf *out);
/*
 * A Markdown table cell (or one line of a list): sanitised, so on one line with no control
 * character, pipes, backslashes and "<" escaped (so that no text from the data is read as HTML).
 */
void rv_markdown_cell(struct strbuf *out, const char *s, size_t len);
/*
 * A list of recommendations as Markdown (a table) or CSV (the recommendations.csv columns, with the
 * status as recview shows it where the file's own status cell is empty: read from the history).
 */
void rv_export_markdown(const struct rv_model *m, const uint32_t *recs, size_t n, const char *title,
			struct strbuf *out);
/* The same table as of a date (RV_DATE_NONE: now): the state in force then (the priority too); with
 * RV_AS_OF_DIM one more column, "Recorded after DATE", says what came later (as_of_later.h). */
void rv_export_markdown_as_of(const struct rv_model *m, const uint32_t *recs, size_t n, const char *title,
			      int32_t as_of, enum rv_as_of_later later, struct strbuf *out);
void rv_export_csv(const struct rv_model *m, const uint32_t *recs, size_t n, struct strbuf *out);
/* The same as of a date (--as-of): the status and decision cells hold the state in force then, and a
 * field recview logged a change of (priority, owner) the value recorded by then; the rest as in the file.
 * With RV_AS_OF_DIM a last column, "recorded after DATE", holds what was recorded later (as_of_later.h;
 * empty when nothing was); with RV_AS_OF_HIDE the columns are the file's alone. */
void rv_export_csv_as_of(const struct rv_model *m, const uint32_t *recs, size_t n, int32_t as_of,
			 enum rv_as_of_later later, struct strbuf *out);
/*
 * Deliverables, questions or history entries (child indices of kind, in the order shown) as their
 * list shows them: the recommendation's id, then a deliverable's status, description, owner, due date
 * ("done" when complete) and overdue mark (as of a day, RV_DATE_NONE: today); a question's id,
 * briefing, state (as shown: answered when it has an answer), text and answer; a history entry's
 * date, status, decision and note as written (export_items.c).
 */
void rv_export_items_markdown(const struct rv_model *m, enum rv_kind kind, const uint32_t *items, size_t n,
			      int32_t as_of, const char *title, struct strbuf *out);
void rv_export_items_csv(const struct rv_model *m, enum rv_kind kind, const uint32_t *items, size_t n, int32_t as_of,
			 struct strbuf *out);

#endif
