/* report.h - plain-text output for the command line: --check and --show. */
#ifndef RECVIEW_REPORT_H
#define RECVIEW_REPORT_H

#include <stdio.h>

#include "recview/model.h"

/* Every load problem, one line each. */
void report_diagnostics(const struct diag_list *dl, FILE *out);

/* What loaded: counts per file, links, status and decision tallies. */
void report_summary(const struct rv_model *m, FILE *out);

/* A recommendation and everything linked to it, wrapped to width columns. */
void report_show(const struct rv_model *m, size_t rec, int width, FILE *out);

#endif
