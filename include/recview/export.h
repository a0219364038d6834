/*
 * export.h - documents made from the data set: minutes (of a session, or from the files alone) and
 * lists of recommendations as Markdown or CSV.
 */
#ifndef RECVIEW_EXPORT_H
#define RECVIEW_EXPORT_H

#include <stddef.h>
#include <stdint.h>

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
/*
 * A Markdown table cell (or one line of a list): sanitised, so on one line with no control
 * character, pipes and backslashes escaped.
 */
void rv_markdown_cell(struct strbuf *out, const char *s, size_t len);
/* A list of recommendations as Markdown (a table) or CSV (the recommendations.csv columns). */
void rv_export_markdown(const struct rv_model *m, const uint32_t *recs, size_t n, const char *title,
			struct strbuf *out);
void rv_export_csv(const struct rv_model *m, const uint32_t *recs, size_t n, struct strbuf *out);

#endif
