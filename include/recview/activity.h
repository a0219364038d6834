/*
 * activity.h - every change the data set records, as one list, newest first: the rows of
 * status_history.csv (a status or a decision set, with its note), notes.csv (a note written),
 * agenda.csv (a recommendation put on the agenda) and changes.csv (an owner, a priority, a
 * deliverable's status, owner or due date, a question's answer or status, a note amended or retracted).
 *
 * An entry is small (which row of which file, and when); its texts are read from the model on demand
 * and hold until the model changes. Who made a history entry is its source: "recview: alice" names
 * alice, any other source is given as written. The old value of a status or decision is that of the
 * recommendation's history entry before it that says one.
 *
 * Order: newest first by date and time (a date without a time counts as the start of its day), ties
 * by file (changes, agenda, notes, history) and then by row, later first. A history entry without a
 * usable date keeps its place in the model's order (it sorts with the entry before it in the file,
 * model.h) and is marked undated; one that comes first sorts last.
 *
 * The filter language of the log (rv_activity_filter_parse), terms ANDed, '-' negates one:
 *   author:NAME     who made it (contains NAME; smart case)
 *   changed:DATE    its date within DATE; changed:>D, <D, >=D, <=D as in query.h (undated never match)
 *   item:ID         the recommendation whose id starts with ID (any case)
 *   kind:KIND       status, decision, history, note, agenda, owner, priority, due, answer, ...
 *   words, "a phrase"   in the author, id, item, old and new values and the note
 */
#ifndef RECVIEW_ACTIVITY_H
#define RECVIEW_ACTIVITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/strbuf.h"

/* What a history row says: both a status and a decision make two entries. */
enum rv_activity_what {
	RV_ACT_ROW,      /* the row of its file (a note, an agenda entry, a change) */
	RV_ACT_STATUS,   /* a history row's status */
	RV_ACT_DECISION, /* a history row's decision */
	RV_ACT_OTHER,    /* a history row that sets neither (a note, a source) */
};

struct rv_activity {
	int64_t when;     /* YYYYMMDDhhmmss (a date alone: hhmmss 0); 0 when nothing orders it */
	uint32_t child;   /* its row: the index among the children of source */
	uint32_t prev;    /* status, decision: the history entry before it that says one, or UINT32_MAX */
	int32_t rec;      /* its recommendation, or -1 (a row whose rec_id matches none) */
	uint8_t source;   /* RV_HISTORY, RV_NOTES, RV_AGENDA or RV_CHANGES */
	uint8_t what;     /* enum rv_activity_what */
	bool undated;     /* no usable date: placed by the model's order */
	bool has_time;    /* when has a time of day */
};

/* Every entry of the data set, newest first; *out is allocated (free it). Returns the count. */
size_t rv_activity_build(const struct rv_model *m, struct rv_activity **out);

/* Its date as ISO 8601 ("2026-12-02T10:15:00", "2016-06-30", "2016-06"), "" when undated. */
void rv_activity_date(const struct rv_activity *e, char *buf, size_t size);
/* Who made it: the author column, or a history entry's source ("recview: NAME": NAME). */
struct rv_text rv_activity_author(const struct rv_model *m, const struct rv_activity *e);
/* The id of its recommendation (as the row writes it when it matches none). */
struct rv_text rv_activity_rec_id(const struct rv_model *m, const struct rv_activity *e);
/* What it is about within the recommendation, as changes.csv names it ("" itself, "D2", "Q1.1",
 * "N2026-11-30T10:00:00"), appended to out. */
void rv_activity_item_name(const struct rv_model *m, const struct rv_activity *e, struct strbuf *out);
/* The item itself, for opening it; false when it is not found (its recommendation is unknown). */
bool rv_activity_item(const struct rv_model *m, const struct rv_activity *e, struct rv_item *out);
/* Its kind: "status", "decision", "history", "note", "agenda", or the field changes.csv names. */
struct rv_text rv_activity_kind(const struct rv_model *m, const struct rv_activity *e);
/* The value before and after (a note written: its text as first written; "" when none). */
struct rv_text rv_activity_old(const struct rv_model *m, const struct rv_activity *e);
struct rv_text rv_activity_new(const struct rv_model *m, const struct rv_activity *e);
/* The note that goes with it (a history entry's note, the reason given for a change). */
struct rv_text rv_activity_note(const struct rv_model *m, const struct rv_activity *e);

/* Who made history entry child: its source, NAME for "recview: NAME" (is_recview then true). */
struct rv_text rv_history_author(const struct rv_model *m, size_t child, bool *is_recview);

/* ---- the log's filter ---- */

struct rv_activity_filter;

/* NULL on a syntax error with a message in err (an unknown field or kind, a bad date); an empty
 * expression matches everything. */
struct rv_activity_filter *rv_activity_filter_parse(const char *expr, char *err, size_t errsize);
void rv_activity_filter_free(struct rv_activity_filter *f);
/* Adds the term field:value with value taken whole (no quotes or spaces parsed in it: a name given on
 * the command line); false with a message in err as for parsing. */
bool rv_activity_filter_add(struct rv_activity_filter *f, const char *field, const char *value, char *err,
			    size_t errsize);
bool rv_activity_match(const struct rv_activity_filter *f, const struct rv_model *m, const struct rv_activity *e);
/* The fields and kinds the filter knows, NULL-terminated (completion, help). */
const char *const *rv_activity_filter_fields(void);
const char *const *rv_activity_kinds(void);

/* One line of "recview log": date, author, id, item, kind, old, new, note, tab-separated, sanitised
 * (no control character, tab or line break inside a field), without the line break. */
void rv_activity_line(const struct rv_model *m, const struct rv_activity *e, struct strbuf *out);

#endif
