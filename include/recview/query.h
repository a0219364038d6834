/*
 * query.h - the filter language and sorting of recommendations, shared by the browser and --list.
 *
 *   status:progress decision:approved review:SSR1 priority:P1 briefing:compliance
 *   has:questions changed:>2015-12-31 -status:complete free words "quoted words"
 *   question:open owner:OCTO has:overdue due:<2016-06
 *
 * Terms are ANDed; '-' negates a term; field:value matches when the field contains value (smart
 * case: ignoring case unless value has an upper-case letter); field:=value when the field is value
 * (review:=SSR1 is not SSR10; blanks around the cell ignored); status:none, decision:none,
 * priority:none: no value recorded (question:none: no questions); has:FIELD (any field of the
 * language or extra column): the field has a value; status and decision values also match
 * by vocabulary ("progress" = in progress, "done" = complete). changed: and due: take =, <, >, <=, >=
 * before a date (YYYY, YYYY-MM or YYYY-MM-DD). has: takes deliverables, questions, history, text,
 * priority, open (a deliverable not done), overdue (a deliverable overdue, items.h: today, or on the
 * as-of date of rv_query_select_as_of). question: a question in that state (vocab.h; "open" names
 * the open ones, open and follow-up). owner: (also responsible:, assignee:) the recommendation's
 * owner or any of its deliverables'. * notes (a note that is not retracted). note:WORD: a note whose text as it reads now (amended: the new
 * text) contains WORD. Free words match any text of the recommendation (id,
 * title, topic, text, extra columns).
 */
#ifndef RECVIEW_QUERY_H
#define RECVIEW_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/strbuf.h"

struct rv_model;
struct rv_query;

/*
 * NULL on a syntax error, with a message naming the position (1-based character) in err:
 *   unknown field 'stat' at 1 (fields: id, review, ...)
 *   missing value after 'status:' at 8          unterminated quote at 14
 *   bad date '2015-13' after 'changed:' at 1 (expected YYYY, YYYY-MM or YYYY-MM-DD)
 *   unknown value 'x' after 'has:' at 1 (known: ...)   missing term after '-' at 3   empty quotes at 5
 * An empty expression is a query that matches everything.
 *
 * Details: status: and decision: match the current state (rv_rec_status / rv_rec_decision): a value that
 * is a spelling of the vocabulary ("done", "progress", "√") names that state only; any other value
 * names every state whose canonical name contains it ("start" = not started, "in" = in planning or in
 * progress, "unknown"), and also matches a state outside the vocabulary whose cell contains it.
 * priority: P1..P4 or 1..4, else a substring of the priority cell. briefing: any question of the
 * recommendation. Dates compare by their extent: changed:2015 is within 2015, changed:>2015 after
 * 2015-12-31, changed:<2015-06 before 2015-06-01; <= and >= include the extent; a recommendation with
 * no date never matches. due: any deliverable not complete whose due date compares so. Free words and
 * quoted phrases look in id, title, topic, text, number, review and the extra columns.
 * A quote starts a phrase only at the start of a term or of a value and runs to the next quote.
 *
 * rv_query_parse knows the fields of the language only; rv_query_parse_model also accepts the extra
 * columns of m's recommendations.csv by name (area:, priority_note:, compared like header names) and
 * lists them in its unknown-field message. Match such a query only against that model.
 */
struct rv_query *rv_query_parse(const char *expr, char *err, size_t errsize);
struct rv_query *rv_query_parse_model(const char *expr, const struct rv_model *m, char *err, size_t errsize);
bool rv_query_match(const struct rv_query *q, const struct rv_model *m, size_t rec);
void rv_query_free(struct rv_query *q);

/* The field names of the language, NULL-terminated, for completion and help. */
const char *const *rv_query_fields(void);
/*
 * Appends a value as the language reads it back as one value: in quotes when it holds a blank or
 * starts with a quote ("not started" -> "\"not started\""), else as it is. A value that holds both a
 * blank and a quote cannot be written (there is no escape): false, nothing appended.
 */
bool rv_query_add_value(struct strbuf *out, const char *v, size_t len);

enum rv_sort_key {
	RV_SORT_ID,
	RV_SORT_STATUS,
	RV_SORT_DECISION,
	RV_SORT_PRIORITY,
	RV_SORT_TOPIC,
	RV_SORT_CHANGED,
	RV_SORT_DELIVERABLES,
	RV_SORT_QUESTIONS,
	RV_SORT_COUNT
};

/*
 * "changed" or "-changed" (reverse); false for an unknown key. Ascending orders: id natural order;
 * status not started < in planning < in progress < behind schedule < complete < unknown; decision
 * pending < approved < rejected < unknown; priority P1 < P4 < unknown; topic ignoring ASCII case;
 * changed oldest first; deliverables by the share done, then by how many; questions by how many.
 * Empty values (no status, no priority, no change, no deliverable) come last. Reverse is the key order
 * reversed, empty values included (they come first); equal keys always stay in id order.
 */
bool rv_sort_parse(const char *name, enum rv_sort_key *key, bool *reverse);
const char *rv_sort_name(enum rv_sort_key key);

/*
 * Recommendations (indices into m->recs) that match q (all when q is NULL), sorted; returns n.
 * out must hold m->nrecs indices.
 */
size_t rv_query_select(const struct rv_model *m, const struct rv_query *q, enum rv_sort_key key, bool reverse,
		       uint32_t *out);
/* The same as the data stood on as_of (RV_DATE_NONE: now): status:, decision:, changed: and the
 * status, decision and changed orders read the state of that date (rv_rec_status in entity.h). */
size_t rv_query_select_as_of(const struct rv_model *m, const struct rv_query *q, int32_t as_of, enum rv_sort_key key,
			     bool reverse, uint32_t *out);

/*
 * One line of --list: id, review, decision, status, priority, last change, deliverables done/total,
 * questions, title (or the text's first line), tab-separated, sanitised, no tab or newline inside.
 */
void rv_list_line(const struct rv_model *m, size_t rec, struct strbuf *out);
/* The same line as of a date (RV_DATE_NONE: now): the state in force then (the priority too). */
void rv_list_line_as_of(const struct rv_model *m, size_t rec, int32_t as_of, struct strbuf *out);
/* The same line and, when dim and as_of is a date, a tenth field: what of rec was recorded after
 * as_of, "after 2015-06-30: status complete; 1 note" (as_of_later.h), or empty. */
void rv_list_line_later(const struct rv_model *m, size_t rec, int32_t as_of, bool dim, struct strbuf *out);

#endif
