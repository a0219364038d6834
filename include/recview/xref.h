/*
 * xref.h - cross-references between recommendations of the same review, found in their texts:
 * "See Recommendation 25", "related to Recommendations 4, 5 and 14", "Recommendations 25 – 28",
 * "Rec 11", "as outlined in Recommendation 2", "Recommendation 5.4".
 */
#ifndef RECVIEW_XREF_H
#define RECVIEW_XREF_H

#include <stddef.h>
#include <stdint.h>

struct rv_model;

/*
 * One reference found in a text: the bytes that name it and the recommendation it names. The numbers
 * a range fills in ("26" and "27" of "Recommendations 25 – 28") have the whole range as their span.
 */
struct rv_xref_span {
	size_t off, len; /* the number as written ("25" in "Recommendations 4, 25") */
	long rec;        /* index into rv_model.recs */
};

/* Index of all references, built on the first rv_xref_out or rv_xref_in (or by rv_xref_build). */
struct rv_xref_index {
	uint32_t *out_first, *out_count; /* per recommendation: what it refers to */
	uint32_t *out;                   /* rec indices, unique, in id order */
	uint32_t *in_first, *in_count;   /* per recommendation: what refers to it (backlinks) */
	uint32_t *in;
};

void rv_xref_build(struct rv_model *m);
void rv_xref_free(struct rv_xref_index *x);

/*
 * References in one text of a recommendation of the given review ("SSR1"): at most max spans, in
 * text order; returns how many were found (may exceed max). A reference to the text's own
 * recommendation is not one (self: its index, or -1). out may be NULL when max is 0. The patterns
 * and what is not a reference are described at the top of xref.c.
 */
size_t rv_xref_scan(const struct rv_model *m, const char *review, size_t review_len, long self,
		    const char *s, size_t len, struct rv_xref_span *out, size_t max);

/* What a recommendation refers to, and what refers to it; returns the count. */
size_t rv_xref_out(const struct rv_model *m, size_t rec, const uint32_t **recs);
size_t rv_xref_in(const struct rv_model *m, size_t rec, const uint32_t **recs);

#endif
