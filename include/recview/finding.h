/* finding.h - the commands that find things: search, filter, sort, jump to an id. */
#ifndef RECVIEW_FINDING_H
#define RECVIEW_FINDING_H

#include "recview/app.h"

void finding_search(struct app *app);
/* dir: +1 next, -1 previous. */
void finding_next(struct app *app, int dir);
void finding_results(struct app *app);
void finding_filter(struct app *app);
void finding_filter_clear(struct app *app);
void finding_sort(struct app *app);
void finding_sort_reverse(struct app *app);
void finding_jump(struct app *app);
/* f, F, s, S: on the list in front (the recommendations, or a list with its own filter and order). */
void finding_list_request(struct app *app, enum request req);
/*
 * Tab completion: the typed word text[begin..*cursor) (prefix) among cands; one match replaces it
 * (with suffix after), several fill in their common prefix and are listed in app->hint.
 */
void finding_complete(struct app *app, struct strbuf *text, size_t *cursor, size_t begin, const char *prefix,
		      const char *const *cands, size_t n, const char *suffix);
/* The text of the wrapped paragraph line i of v belongs to (its lines are slices of it). */
void search_paragraph_text(const struct view *v, size_t i, const char **text, size_t *len);
/* Whether line i of v has a match: one that starts on it, in the text of its wrapped paragraph (or
 * the view's own grep). */
bool search_line_matches(struct view *v, size_t i, const struct rv_search *s);
/* How many matches the view has (each paragraph's text searched whole; with grep: lines). */
size_t search_count(struct view *v, const struct rv_search *s);
/* Frees what the app holds for finding (search, query, histories). */
void finding_free(struct app *app);

/* The recommendation an id names, as typed after ':' ("11" in the current review, "SSR2-5.4"); -1 if none. */
long finding_resolve_id(const struct app *app, const char *text);

#endif
