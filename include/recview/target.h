/*
 * target.h - what a name typed after ':' stands for: a recommendation (SSR2-5.4, or 11 in the review
 * of where one is), a question (Q19 or SSR1-11/Q11.13 by its qid, SSR1-11/Q#3 by position, or its
 * bare qid 11.13 when no recommendation has that number), a deliverable (SSR1-3/D2, the second of
 * SSR1-3 in file order: the names of changes.csv and `recview set`), or a review (SSR2). No curses.
 */
#ifndef RECVIEW_TARGET_H
#define RECVIEW_TARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/model.h"

enum rv_target_kind { RV_TARGET_REC, RV_TARGET_ITEM, RV_TARGET_REVIEW };

struct rv_target {
	enum rv_target_kind kind;
	long rec;              /* the recommendation, or the item's (-1 for a review) */
	struct rv_item item;   /* RV_TARGET_ITEM: the deliverable or question; else {RV_RECS, rec} */
	struct rv_text review; /* RV_TARGET_REVIEW: its name as the data set writes it */
	char also[96];         /* another entity the same bare name could mean ("SSR2-11.1"), or "" */
};

/*
 * Resolves text; here is the recommendation of where one is (-1: none), whose review a bare number
 * is looked up in first. False with a message for the user in err (what was not found, and the
 * forms that are understood).
 */
bool rv_target_resolve(const struct rv_model *m, const char *text, long here, struct rv_target *out, char *err,
		       size_t errsize);

/*
 * The names that complete text: recommendation ids and numbers, qids (bare and as Q19), review names,
 * and after "ID/" the items of that recommendation (ID/D1, ID/Q11.13). Sorted, each once, all
 * starting with text (ignoring case); *out is an array of n strings (free with rv_target_names_free).
 */
size_t rv_target_complete(const struct rv_model *m, const char *text, long here, char ***out);
void rv_target_names_free(char **names, size_t n);

#endif
