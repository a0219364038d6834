/* dispatch.h - what a key does: a view's own key, then the request it is bound to, handled by the
 * app (opening views, back and forward, quitting...), the split, tags, triage, marks, copying and
 * columns, then the view's engine and the view itself. */
#ifndef RECVIEW_DISPATCH_H
#define RECVIEW_DISPATCH_H

#include "recview/app.h"
#include "recview/keys.h"
#include "recview/request.h"

/* One key from the keyboard or a script (the mouse and resizing included). */
void dispatch_key(struct app *app, struct key key);
/* One request, for the view in front (the page beside the list when it has the keys). */
void dispatch_request(struct app *app, enum request req);

#endif
