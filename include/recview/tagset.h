/*
 * tagset.h - a set of tagged items (recommendations, deliverables, questions), as the lists tag them
 * for a change made to all of them at once (the browser's T and ;, tags.h).
 *
 * Items are held by index for speed, and by name across a reload (rv_tagset_remember before the
 * files are read again, rv_tagset_recall after): a recommendation by its id, a child by its id and
 * its item name (changelog.h: D2, Q1.1), so that a tag stays on its item when rows move.
 */
#ifndef RECVIEW_TAGSET_H
#define RECVIEW_TAGSET_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/changelog.h"

struct rv_tagset;

struct rv_tagset *rv_tagset_new(void);
void rv_tagset_free(struct rv_tagset *t);

/* Whether the item's kind can be tagged: recommendations, deliverables and questions. */
bool rv_tagset_taggable(enum rv_kind kind);
bool rv_tagset_has(const struct rv_tagset *t, struct rv_item it);
/* Tags (on) or untags an item; false when that changed nothing (or the kind cannot be tagged). */
bool rv_tagset_set(struct rv_tagset *t, struct rv_item it, bool on);
/* How many items of kind are tagged (RV_KIND_COUNT: of every kind). */
size_t rv_tagset_count(const struct rv_tagset *t, enum rv_kind kind);
/* The tagged items of kind in index order (to be freed), and their number. */
size_t rv_tagset_list(const struct rv_tagset *t, enum rv_kind kind, struct rv_item **out);
void rv_tagset_clear(struct rv_tagset *t);

/* Keeps every tag by name, for the model about to be replaced; the tags by index are cleared. */
void rv_tagset_remember(struct rv_tagset *t, const struct rv_model *m);
/* Tags again, on the new model, the items remembered that are still there; returns how many are not. */
size_t rv_tagset_recall(struct rv_tagset *t, const struct rv_model *m);

#endif
