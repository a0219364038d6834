/* report.h - plain-text output for the command line: --check and --show. */
#ifndef RECVIEW_REPORT_H
#define RECVIEW_REPORT_H

#include <stdio.h>

#include "recview/as_of.h"
#include "recview/model.h"
#include "recview/strbuf.h"

/* Every load problem, one line each. */
void report_diagnostics(const struct diag_list *dl, FILE *out);

/* What loaded: counts per file, links, status and decision tallies. */
void report_summary(const struct rv_model *m, FILE *out);

/* A recommendation's page (page.h) as plain text wrapped to width columns: appended to out, or
 * written to a stream. */
void report_show_text(const struct rv_model *m, size_t rec, int width, struct strbuf *out);
/* The page as of a date (RV_DATE_NONE: now), headed by the date in force: what was recorded later is
 * left out (RV_AS_OF_HIDE), or kept and marked "[after DATE]" (RV_AS_OF_DIM). */
void report_show_text_as_of(const struct rv_model *m, size_t rec, int32_t as_of, enum rv_as_of_later later, int width,
			    struct strbuf *out);
void report_show(const struct rv_model *m, size_t rec, int width, FILE *out);

#endif
