/*
 * summary.h - the whole data set in numbers: per review, how many recommendations stand at each
 * decision and each implementation status; the same per topic; and how that distribution moved over
 * time, at each date of the status history. Also the state of a recommendation as of a date.
 */
#ifndef RECVIEW_SUMMARY_H
#define RECVIEW_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/entity.h"
#include "recview/model.h"
#include "recview/strbuf.h"

/* The state of a recommendation as of a date: rv_rec_status / rv_rec_decision in entity.h. */

struct rv_spelling {
	char *text;
	size_t count;
};

/* Counts of one group of recommendations (a review, a topic, a review at a date). */
struct rv_tally {
	char *label;                          /* "SSR1", a topic, or a date "2015-06-30" */
	size_t total;
	size_t by_decision[RV_DECISION_COUNT];
	size_t by_status[RV_STATUS_COUNT];
	/* Their items (reviews only): questions and the open ones (items.h), deliverables and those
	 * overdue and done on the as-of date (or today: as_of.h). */
	size_t questions, questions_open;
	size_t deliverables, deliverables_overdue, deliverables_done;
	/* A topic grouped from several spellings (rv_summary_build_grouped): each with its count, the
	 * label's first, then in order of first appearance; none when it has one spelling. */
	struct rv_spelling *spellings;
	size_t nspellings;
};

struct rv_timeline {
	char *review;
	struct rv_tally *points; /* one per distinct history date of that review, oldest first */
	size_t n;
};

struct rv_summary {
	struct rv_tally *reviews;     /* in order of first appearance in id order */
	size_t nreviews;
	struct rv_tally *topics;      /* per topic (recommendations without a topic: label "(no topic)") */
	size_t ntopics;
	struct rv_timeline *timelines; /* per review */
	size_t ntimelines;
	int32_t as_of;                /* the date the counts are for, or RV_DATE_NONE for now */
};

/* Counts as of a date (RV_DATE_NONE: now). */
void rv_summary_build(const struct rv_model *m, int32_t as_of, struct rv_summary *out);
/* The same with the topics that share a key (topic_key.h) counted as one, under their most common
 * spelling (of equals, the first in id order). */
void rv_summary_build_grouped(const struct rv_model *m, int32_t as_of, struct rv_summary *out);
void rv_summary_free(struct rv_summary *s);

/* recview --summary: the counts as text with horizontal bars (glyphs and words, no colour), at most
 * width columns wide. Each status's and decision's bar is drawn in its own fill pattern, the
 * dashboard's (theme.h: rv_status_pattern), and each count of a legend ("▓ ○ in progress 8") starts
 * with it, so that the bars read apart without colour; ascii: the ASCII glyphs and patterns. */
void rv_summary_text(const struct rv_summary *s, int width, struct strbuf *out);
void rv_summary_text_glyphs(const struct rv_summary *s, int width, bool ascii, struct strbuf *out);

/* What moved between two dates: one line per recommendation whose status or decision differs. */
void rv_changes_between(const struct rv_model *m, int32_t from, int32_t to, struct strbuf *out);

#endif
