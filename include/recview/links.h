/*
 * links.h - how a row of a child file finds its recommendation: by its id exactly, then ignoring
 * case, then by the id rule (ids that differ only in case, punctuation, a prefix such as "Rec." or
 * "#", leading zeros, '_' for '-', or a bare number read with the review beside it). The index of
 * the id rule is built once, the first time an id needs it, in time linear in the recommendations.
 * The model's own files (model.c, flat.c) use it; views read the outcome through entity.h.
 */
#ifndef RECVIEW_LINKS_H
#define RECVIEW_LINKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/model.h"
#include "recview/strbuf.h"

/* How a child found its recommendation (struct rv_child's link). */
enum rv_link_how {
	RV_LINK_EXACT,    /* the id as the recommendation writes it (or no link at all) */
	RV_LINK_CASE,     /* the same id in other case */
	RV_LINK_SPELLING, /* another spelling of it, by the id rule */
};

/* The longest key kept; longer ids are compared by their first RV_ID_KEY_MAX bytes of key. */
#define RV_ID_KEY_MAX 96

/*
 * The normalised key of an id (the id rule): lower case; a leading "Recommendation", "Rec", "Rec.",
 * "R-" or "#" dropped; leading zeros dropped from numbers not after a '.'; every other run of
 * punctuation or space between two numbers or two words read as one '|', '.' between numbers kept,
 * and none between a word and a number ("SSR1-01", "ssr1_1" and "SSR1 1" are all "ssr1|1").
 * Returns its length (0: the id has nothing to key, such as "#" or "-"); out holds size bytes.
 */
size_t rv_id_key(const char *id, size_t len, char *out, size_t size);
/* Whether a key is a bare number ("1", "4.1"): no letters. */
bool rv_id_key_bare(const char *key, size_t len);

/* Indexes the ids of m->recs (exact and case-folded), reporting empty and duplicate ids. */
void rv_links_index_ids(struct rv_model *m);
void rv_links_free(struct rv_model *m);

/* The last answer, for the next row (child files are grouped by recommendation). */
struct rv_link_cache {
	struct csv_cell id, review;
	long rec;
	uint8_t how;
	bool used;
};

/*
 * The recommendation a row of a child kind names in its rec_id cell, or -1; *how says by which rule.
 * An empty id, an unknown one (with "did you mean ...?" when a recommendation is near) and one the
 * id rule finds in two recommendations (a warning naming both; no link) are reported. cache may be
 * NULL.
 */
long rv_links_resolve(struct rv_model *m, enum rv_kind kind, uint32_t row, struct rv_link_cache *cache, uint8_t *how);
/* One note per child file that has links made by case or by the id rule: n of them, the first being
 * child first (counted while the children are read, so that no pass over them is needed). */
void rv_links_note(struct rv_model *m, enum rv_kind kind, size_t n, size_t first);

/*
 * The nearest recommendation to an id none has, for "did you mean": the smallest edit distance
 * between their keys, at most 2 (and less than half the key), ties to the first in id order; -1 when
 * none is that near. Bounded: one probe per deletion of a character of the key, whatever the size.
 */
long rv_links_suggest(struct rv_model *m, const char *id, size_t len);

/* Hash probes made by the id rule since the start: for tests that bound the work. */
extern size_t rv_links_probes;

#endif
