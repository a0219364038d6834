/* triage_ui.h - the triage keys: prompts for a change, undo and redo, saving again, exports. */
#ifndef RECVIEW_TRIAGE_UI_H
#define RECVIEW_TRIAGE_UI_H

#include "recview/app.h"

/* Handles a triage request; false when req is not one. */
bool triage_request(struct app *app, enum request req);

/* Someone else saved the files: read them again, merge the session's changes onto them (conflicts
 * open the conflicts view), every open view back in its place; false when not saved. */
bool app_merge(struct app *app);

#endif
