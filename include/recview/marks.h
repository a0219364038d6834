/*
 * marks.h - places (a view, the item it is about, the line under the cursor) remembered under a
 * letter, as in less: b then a letter remembers the place, ' then the letter returns there, '' returns
 * to where the last jump left. And a jump list across views: every change of the view in front is a
 * jump; C-o goes back to the previous place, C-e forward again (a new jump drops the places ahead).
 * A place re-opens its view by view id (view.h) and the view's arguments, never by name: views whose
 * contents come from a prompt (help, search results, text, the walkthrough, mapping, conflicts) are
 * not places.
 */
#ifndef RECVIEW_MARKS_H
#define RECVIEW_MARKS_H

#include <stdbool.h>

#include "recview/app.h"

struct place;

/* Handles b, ', C-o and C-e; false when req is none of them. */
bool marks_request(struct app *app, enum request req);
/* Around each key: the place before it is noted, and when the view in front changed, it joins the
 * jump list. */
void marks_before_key(struct app *app);
void marks_after_key(struct app *app);
void marks_free(struct app *app);

#endif
