/*
 * query_terms.h - a parsed filter (query.h) as its terms: what query_parse.c builds and query.c
 * matches. Private to those two files.
 */
#ifndef RECVIEW_QUERY_TERMS_H
#define RECVIEW_QUERY_TERMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/query.h"
#include "recview/search.h"

enum term_kind {
	T_WORD,     /* free word or phrase: any text of the recommendation */
	T_CELL,     /* a known text field of the recommendation (field) */
	T_REVIEW,   /* the review column, else the id up to its last '-' */
	T_EXTRA,    /* an extra column of recommendations.csv (extra) */
	T_STATUS,   /* current status */
	T_DECISION, /* current decision */
	T_PRIORITY,
	T_BRIEFING, /* any question's briefing */
	T_HAS,
	T_CHANGED,  /* last change date */
	T_DUE,      /* due date of any open deliverable */
	T_QUESTION, /* any question in one of the states (states: bit per enum rv_qstatus) */
	T_OWNER,    /* the recommendation's owner or any deliverable's */
	T_NOTE,     /* any note's text as it reads now */
	T_HAS_FIELD, /* has:FIELD: the field (sub, field, extra) has a value */
};

enum has_what { HAS_DELIVERABLES, HAS_QUESTIONS, HAS_HISTORY, HAS_TEXT, HAS_PRIORITY, HAS_OPEN, HAS_OVERDUE, HAS_NOTES, HAS_COUNT };

enum date_op { OP_EQ, OP_LT, OP_GT, OP_LE, OP_GE };

struct term {
	enum term_kind kind;
	bool neg;
	bool exact;             /* field:=value: the whole value, not a part of it */
	bool same_key;          /* field:~value: the same key as the value (topic_key.h), in value */
	bool none;              /* status:none (decision:, priority:, question:): no value recorded */
	enum term_kind sub;     /* T_HAS_FIELD: the kind of the field asked about */
	int field;              /* T_CELL: REC_* (items: the kind's field); T_HAS: enum has_what */
	size_t extra;           /* T_EXTRA: extra column number */
	struct rv_search *s;    /* the value as a smart-case literal (text fields, unknown states) */
	char *value;            /* the value as typed (exact matching) */
	size_t vlen;
	unsigned states;        /* T_STATUS / T_DECISION / T_QUESTION: bit per enum value that matches */
	int priority;           /* T_PRIORITY: 1..4, or 0 to match the raw cell with s */
	enum date_op op;        /* T_CHANGED / T_DUE */
	int32_t lo, hi;         /* the date's extent: missing month/day as 00 (lo) and 99 (hi) */
};

struct rv_query {
	struct term *terms;
	size_t n;
	enum rv_kind kind;      /* RV_RECS, or the kind of item a list query_items.c filters holds */
};

struct rv_model;
/* Parses a filter over recommendations (RV_RECS) or over items of kind (query_items.h). */
struct rv_query *rv_query_parse_kind(const char *expr, const struct rv_model *m, enum rv_kind kind, char *err,
				     size_t errsize);
/* The field names a kind's filter knows, NULL-terminated. */
const char *const *rv_query_fields_of(enum rv_kind kind);
/* A cell against an exact or substring term value (smart case, surrounding blanks ignored when exact). */
bool rv_term_cell_matches(const struct term *t, struct rv_text c);
/* A date against changed:/due:/date: (no date never matches). */
bool rv_term_date_matches(const struct term *t, int32_t date);

#endif
