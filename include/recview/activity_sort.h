/*
 * activity_sort.h - the orders of the log (activity.h): newest first as built, or by author,
 * recommendation id (natural order) or kind, equal keys newest first, no value last; -key reverses
 * (no value first, as the recommendations' sort).
 */
#ifndef RECVIEW_ACTIVITY_SORT_H
#define RECVIEW_ACTIVITY_SORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/activity.h"

/* The sort keys, NULL-terminated: "newest" (the log's own order), "author", "id", "kind". */
const char *const *rv_activity_sort_names(void);
/* "author" or "-author": the key's number; false for an unknown key ("oldest" is "-newest"). */
bool rv_activity_sort_parse(const char *name, int *key, bool *reverse);
/* Sorts order (n indices into e, newest first as built) by key. */
void rv_activity_sort(const struct rv_model *m, const struct rv_activity *e, uint32_t *order, size_t n, int key,
		      bool reverse);

#endif
