/*
 * reviews.h - the reviews of a data set and what reviews.csv says of each: its milestones in date
 * order (a timeline: past, now, to come) and its work streams with their scope items. A review is
 * known from reviews.csv or from the recommendations that name it; no curses here.
 */
#ifndef RECVIEW_REVIEWS_H
#define RECVIEW_REVIEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/entity.h"
#include "recview/model.h"

struct rv_review {
	char *name;             /* as written (raw bytes: sanitise before showing) */
	uint32_t *milestones;   /* RV_REVIEWS child indices: dated by date (file order on a tie), undated last */
	size_t nmilestones;
	uint32_t *streams;      /* work streams (kind "workstream"), in file order */
	size_t nstreams;
	size_t nrecs;           /* recommendations of this review */
};

struct rv_review_set {
	struct rv_review *reviews; /* the recommendations' reviews in id order, then those only reviews.csv has */
	size_t n;
};

void rv_reviews_build(const struct rv_model *m, struct rv_review_set *out);
void rv_reviews_free(struct rv_review_set *s);
/* The review of that name (exact, then ignoring ASCII case), or -1. */
long rv_reviews_find(const struct rv_review_set *s, const char *name, size_t len);

/* Whether a row of reviews.csv is a work stream (kind "workstream", "work stream", "stream"). */
bool rv_review_row_is_stream(const struct rv_model *m, size_t child);

/* Where a milestone stands on a date: before the latest one reached, that one (now), or after. */
enum rv_when { RV_WHEN_PAST, RV_WHEN_NOW, RV_WHEN_TO_COME, RV_WHEN_UNDATED };
/* The i-th milestone of r on today (a date, vocab.h): the latest date reached is "now" (each
 * milestone of that date); earlier ones are past, later ones to come. */
enum rv_when rv_milestone_when(const struct rv_model *m, const struct rv_review *r, size_t i, int32_t today);

/* Splits a work stream's scope ("a; b; c") into its items, trimmed, empty ones left out: up to max
 * spans into items; returns how many there are (may exceed max). */
size_t rv_scope_items(const char *s, size_t len, struct rv_text *items, size_t max);

#endif
