/* search_groups.c - the matches of a search grouped by recommendation (search_groups.h). */
#include "recview/search_groups.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"

long rv_hit_rec(const struct rv_model *m, const struct rv_hit *hit)
{
	if (hit->kind == RV_RECS)
		return (long)hit->index;
	if (hit->kind == RV_REVIEWS)
		return -1;
	return rv_child_at(m, hit->kind, hit->index)->rec;
}

size_t rv_hit_groups(const struct rv_model *m, struct rv_hit *hits, size_t nhits, struct rv_hit_group **groups)
{
	/* A group key per hit: rec index, else m->nrecs + the place of its row's first hit. */
	size_t nkeys = m->nrecs + nhits;
	uint32_t *count = xcalloc(nkeys + 1, sizeof(*count));
	size_t *key = xmalloc((nhits + 1) * sizeof(*key));
	for (size_t i = 0; i < nhits; i++) {
		long rec = rv_hit_rec(m, &hits[i]);
		/* Another row's fields are together in the search's order: one group per row. */
		bool same_row = i && rv_hit_rec(m, &hits[i - 1]) < 0 && hits[i - 1].kind == hits[i].kind &&
				hits[i - 1].index == hits[i].index;
		key[i] = rec >= 0 ? (size_t)rec : same_row ? key[i - 1] : m->nrecs + i;
		count[key[i]]++;
	}
	/* A counting sort by key keeps the search's order (kind by kind) within a group. */
	size_t *start = xcalloc(nkeys + 1, sizeof(*start));
	size_t ngroups = 0;
	for (size_t k = 0, at = 0; k < nkeys; k++) {
		start[k] = at;
		at += count[k];
		ngroups += count[k] > 0;
	}
	struct rv_hit *sorted = xmalloc((nhits + 1) * sizeof(*sorted));
	size_t *fill = xmalloc((nkeys + 1) * sizeof(*fill));
	memcpy(fill, start, nkeys * sizeof(*fill));
	for (size_t i = 0; i < nhits; i++)
		sorted[fill[key[i]]++] = hits[i];
	if (nhits)
		memcpy(hits, sorted, nhits * sizeof(*hits));
	struct rv_hit_group *g = xcalloc(ngroups + 1, sizeof(*g));
	size_t n = 0;
	for (size_t k = 0; k < nkeys; k++) {
		if (!count[k])
			continue;
		g[n].rec = k < m->nrecs ? (long)k : -1;
		g[n].first = (uint32_t)start[k];
		g[n].n = count[k];
		n++;
	}
	free(fill);
	free(sorted);
	free(start);
	free(key);
	free(count);
	*groups = g;
	return n;
}
