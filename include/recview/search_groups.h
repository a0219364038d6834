/*
 * search_groups.h - the matches of a search (search.h) grouped by what they are about: one group per
 * recommendation (its own fields, its deliverables, questions, history and notes), then one per
 * row of another kind: a review milestone or work stream (reviews.csv), an item that names no known
 * recommendation. The search results view shows a group per line with its count.
 */
#ifndef RECVIEW_SEARCH_GROUPS_H
#define RECVIEW_SEARCH_GROUPS_H

#include <stddef.h>
#include <stdint.h>

#include "recview/search.h"

struct rv_hit_group {
	long rec;            /* the recommendation, or -1 (a review's row, an item linked to none) */
	uint32_t first, n;   /* its hits: hits[first .. first + n) once grouped */
};

/*
 * Reorders hits (nhits of them, as rv_search_all gives them) so that each group's are together, in
 * their order within it (the recommendation's own fields first, then deliverables, questions,
 * history, notes); groups in id order of their recommendation, then the others in the order found.
 * *groups is allocated (free it); returns the number of groups.
 */
size_t rv_hit_groups(const struct rv_model *m, struct rv_hit *hits, size_t nhits, struct rv_hit_group **groups);
/* The recommendation a hit is about, or -1. */
long rv_hit_rec(const struct rv_model *m, const struct rv_hit *hit);

#endif
