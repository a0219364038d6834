/*
 * tags.h - tagged items (recommendations, deliverables, questions) in the lists, and the ';' prefix
 * that makes the next triage key act on all of them, as neomutt's tag-prefix does.
 *
 * Tags belong to items, not to lines: they survive filtering, sorting and going back, and a merge
 * that reads the files again finds them again by id. Keys: T tags or untags the line under the
 * cursor; V marks the start of a range and V again tags (or untags) every line up to the cursor; *
 * tags (or untags) every line shown; C-t tags the items a filter expression matches, C-k untags them
 * (an empty expression: every tag).
 */
#ifndef RECVIEW_TAGS_H
#define RECVIEW_TAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/app.h"
#include "recview/changelog.h"

/* Handles a tag request (T, V, *, C-t, C-k, ;); false when req is not one. */
bool tags_request(struct app *app, enum request req);

bool tags_has(const struct app *app, struct rv_item it);
void tags_set(struct app *app, struct rv_item it, bool on);
/* How many items of kind are tagged (RV_KIND_COUNT: of any kind). */
size_t tags_count(const struct app *app, enum rv_kind kind);
/* The tagged items of kind, in index order (to be freed); their number. */
size_t tags_list(const struct app *app, enum rv_kind kind, struct rv_item **out);
/* Whether ';' was pressed: the next triage key applies to the tagged items. Clears it. */
bool tags_take_prefix(struct app *app);
/* A view's title part: " · 7 tagged (2 hidden by the filter)" for the tags of kind, of which shown
 * are on its lines; nothing when none is tagged. */
void tags_describe(const struct app *app, enum rv_kind kind, size_t shown, struct strbuf *out);
/* How many of a view's lines carry a tagged item. */
size_t tags_shown(const struct view *v);
/* Before the files are read again: the tags by name; after: found again on the new model. */
void tags_remember(struct app *app);
void tags_recall(struct app *app);
void tags_free(struct app *app);

#endif
