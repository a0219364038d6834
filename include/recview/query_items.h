/*
 * query_items.h - the filter language and sorting of the item lists: deliverables, questions and
 * history, of one recommendation or of all. The language is the recommendations' (query.h): terms
 * ANDed, '-' negates, field:value a part of the value, field:=value the whole value, free words any
 * field of the item (extra columns too); with each kind's own fields:
 *
 *   deliverables  id review text owner due status source has      (description, responsible)
 *   questions     id review qid briefing text answer status asked by source has   (question, state)
 *   history       id review date status decision note source has  (changed, text, author)
 *
 * id: and review: are the recommendation's the item belongs to (as written when it links to none).
 * due: and date: take a date with = < > <= >= as changed: does. status: of a question is its state
 * (open, answered, follow-up, closed; "open" names the open ones). status:none (decision:none): none
 * recorded. has:FIELD: the field has a value; deliverables also take has:open (not done) and
 * has:overdue (not done, due before today, items.h, or before the as-of date).
 */
#ifndef RECVIEW_QUERY_ITEMS_H
#define RECVIEW_QUERY_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/model.h"

struct rv_query;

/* NULL on a syntax error, with the message in err (as rv_query_parse). Extra columns by name too. */
struct rv_query *rv_item_query_parse(const char *expr, const struct rv_model *m, enum rv_kind kind, char *err,
				     size_t errsize);
/* Whether item child of the query's kind matches (q NULL: always), the state read as of as_of. */
bool rv_item_query_match(const struct rv_query *q, const struct rv_model *m, size_t child, int32_t as_of);
/* The field names of a kind's filter, NULL-terminated, for completion and help. */
const char *const *rv_item_query_fields(enum rv_kind kind);

/*
 * Sort keys of a kind's list, NULL-terminated; the first, "order", is the list's own order (history
 * newest first, questions by briefing). Others: id (natural order of the recommendation's id),
 * status, due or date (undated last), owner, briefing, qid, decision, text, source. Equal keys keep
 * the list's order; -key reverses.
 */
const char *const *rv_item_sort_names(enum rv_kind kind);
/* "due" or "-due": the key's number in rv_item_sort_names(kind); false for an unknown key. */
bool rv_item_sort_parse(enum rv_kind kind, const char *name, int *key, bool *reverse);

/*
 * Keeps the items (child indices, n of them) that match q, in their order, then sorts them by key
 * (0 and not reversed: as given); returns how many are left at the start of items.
 */
size_t rv_item_select(const struct rv_model *m, enum rv_kind kind, const struct rv_query *q, int32_t as_of, int key,
		      bool reverse, uint32_t *items, size_t n);

#endif
