/*
 * outside.h - changes someone else made to the open data set: whether its files changed since the
 * session last read or wrote them, and, once they were read again and merged, what changed, by value
 * ("alice: SSR1-20 status -> complete").
 *
 * A digest is taken of the session before the merge (each recommendation's status, decision,
 * priority, a hash of its other columns, hashes of its children's rows; the session's agenda), and
 * compared with the session after it. Our own unsaved changes, made again by the merge, are on both
 * sides and never show; held conflicts show theirs. Who made a change is what the files say: a
 * history row's source "recview: NAME", a note's or an agenda entry's author.
 */
#ifndef RECVIEW_OUTSIDE_H
#define RECVIEW_OUTSIDE_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/store_watch.h"
#include "recview/strbuf.h"
#include "recview/triage.h"

/* Whether a file of the data set differs from what the session last read or wrote (false while a
 * save of its own is being written: its stamps are not known until it is picked up). */
bool rv_session_changed_on_disk(struct rv_session *s, struct rv_store_watch *w, double now);

enum rv_outside_kind {
	RV_OUT_ADDED,         /* a recommendation that was not there */
	RV_OUT_REMOVED,
	RV_OUT_STATUS,        /* after: the status now */
	RV_OUT_DECISION,
	RV_OUT_PRIORITY,
	RV_OUT_EDITED,        /* another column of the recommendation */
	RV_OUT_FIELD,         /* a field changes.csv gives (an owner, a due date, an answer): before names it, after the value */
	RV_OUT_NOTE,          /* after: the note */
	RV_OUT_ROWS_ADDED,    /* rows of a child kind (count) */
	RV_OUT_ROWS_REMOVED,
	RV_OUT_ROWS_CHANGED,
	RV_OUT_AGENDA_ADD,
	RV_OUT_AGENDA_REMOVE,
	RV_OUT_AGENDA_ORDER,  /* the same recommendations in another order (rec_id NULL) */
};

struct rv_outside_item {
	enum rv_outside_kind kind;
	enum rv_kind child;   /* for the row kinds */
	unsigned count;       /* rows */
	char *rec_id;         /* as the files spell it; NULL for the agenda's order */
	char *before, *after; /* status, decision, priority; a note's text in after */
	char *author;         /* who, when the files say; else NULL */
};

struct rv_outside {
	struct rv_outside_item *items;
	size_t n;
};

struct rv_outside_digest;

/* What the session holds now, by value; taken before a merge. */
struct rv_outside_digest *rv_outside_digest_take(const struct rv_session *s);
void rv_outside_digest_free(struct rv_outside_digest *d);
/* What differs between the digest and the session now, in the order of the recommendations' ids
 * (the agenda last), appended to out. */
void rv_outside_diff(const struct rv_outside_digest *before, const struct rv_session *s, struct rv_outside *out);
void rv_outside_free(struct rv_outside *o);
void rv_outside_item_free(struct rv_outside_item *it);

/* One change, sanitised: "SSR1-20 status -> complete" ("→" unless ascii). */
void rv_outside_describe(const struct rv_outside_item *it, bool ascii, struct strbuf *out);
/* All of them in one line, sanitised: "alice: SSR1-20 status -> complete", "alice and 2 others: 5
 * changes (SSR1-20 status -> complete, SSR1-3 note: ..., ...)"; at most about max bytes. */
void rv_outside_summary(const struct rv_outside *o, bool ascii, size_t max, struct strbuf *out);

#endif
