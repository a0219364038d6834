/*
 * vocab.h - the two status axes (the Board's decision and the implementation stage), priorities,
 * dates (date.h) and recommendation ids: parsing the spellings found in real exports, and ordering.
 */
#ifndef RECVIEW_VOCAB_H
#define RECVIEW_VOCAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/date.h"

/* Implementation stage, in the order a recommendation moves through it. */
enum rv_status {
	RV_STATUS_NONE,        /* empty */
	RV_STATUS_NOT_STARTED,
	RV_STATUS_PLANNING,
	RV_STATUS_PROGRESS,
	RV_STATUS_BEHIND,      /* in progress, behind schedule */
	RV_STATUS_COMPLETE,
	RV_STATUS_UNKNOWN,     /* a value outside the vocabulary, kept as written */
	RV_STATUS_COUNT
};

/* The Board's action on a recommendation. */
enum rv_decision {
	RV_DECISION_NONE,
	RV_DECISION_PENDING,
	RV_DECISION_APPROVED,
	RV_DECISION_REJECTED,
	RV_DECISION_UNKNOWN,
	RV_DECISION_COUNT
};

enum rv_status rv_status_parse(const char *s, size_t len);
enum rv_decision rv_decision_parse(const char *s, size_t len);
/* Canonical word: "in progress", "approved"; "" for NONE, "unknown" for UNKNOWN. */
const char *rv_status_name(enum rv_status st);
const char *rv_decision_name(enum rv_decision d);
/* One-column glyph of a status, with an ASCII fallback. */
const char *rv_status_glyph(enum rv_status st, bool ascii);
/* The vocabulary as one line, for messages and --help. */
const char *rv_status_vocabulary(void);
const char *rv_decision_vocabulary(void);

/* A question's state: open (asked, no answer yet), answered, follow-up (answered, more asked), closed. */
enum rv_qstatus {
	RV_QSTATUS_NONE,      /* empty: open, or answered when it has an answer (rv_qstatus_effective) */
	RV_QSTATUS_OPEN,
	RV_QSTATUS_ANSWERED,
	RV_QSTATUS_FOLLOW_UP,
	RV_QSTATUS_CLOSED,
	RV_QSTATUS_UNKNOWN,
	RV_QSTATUS_COUNT
};
enum rv_qstatus rv_qstatus_parse(const char *s, size_t len);
const char *rv_qstatus_name(enum rv_qstatus st);
const char *rv_qstatus_vocabulary(void);
/* The state a question is in: its status, else answered when it has an answer, else open. */
enum rv_qstatus rv_qstatus_effective(enum rv_qstatus st, bool has_answer);
/* Whether a question in that state still waits for something (open or follow-up). */
bool rv_qstatus_is_open(enum rv_qstatus st);

/* P1..P4 (also "p1", "1"): 1..4; 0 for empty; -1 for anything else. */
int rv_priority_parse(const char *s, size_t len);

/* Natural order of ids: SSR1-2 < SSR1-10, SSR2-5.4 < SSR2-5.10; letters compare without case. */
int rv_id_compare(const char *a, size_t alen, const char *b, size_t blen);

/* Header-name normalisation: lower case, '_' and '-' as spaces, runs of spaces folded, trimmed. */
size_t rv_normalize_name(const char *s, size_t len, char *out, size_t size);

#endif
