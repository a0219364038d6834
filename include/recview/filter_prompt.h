/*
 * filter_prompt.h - the prompt that reads a filter for a list (the recommendations or an item list):
 * completion of the list's fields and values, and the count of what it keeps as it is typed.
 */
#ifndef RECVIEW_FILTER_PROMPT_H
#define RECVIEW_FILTER_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/app.h"
#include "recview/model.h"
#include "recview/prompt.h"

struct rv_query;

/* What a filter is read for: the kind whose fields it names, and how many of the list q keeps. */
struct filter_target {
	enum rv_kind kind; /* RV_RECS: the recommendations' language (query.h), else query_items.h */
	size_t (*count)(struct app *app, void *data, const struct rv_query *q, size_t *total);
	void *data;
};

/*
 * Edits text (the list's filter so far) on the status line; true when accepted and it parses, with
 * *out the query (NULL for an empty text). A filter that does not parse is said on the message line.
 */
bool filter_prompt_read(struct app *app, const char *label, const struct filter_target *target, struct strbuf *text,
			struct prompt_history *history, struct rv_query **out);
/* The count of the recommendations list (as of the app's date). */
size_t filter_prompt_count_recs(struct app *app, void *data, const struct rv_query *q, size_t *total);

#endif
