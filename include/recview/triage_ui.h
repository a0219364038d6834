/* triage_ui.h - the triage keys: prompts for a change, undo and redo, saving again, exports. */
#ifndef RECVIEW_TRIAGE_UI_H
#define RECVIEW_TRIAGE_UI_H

#include "recview/app.h"

/* Handles a triage request; false when req is not one. */
bool triage_request(struct app *app, enum request req);

#endif
