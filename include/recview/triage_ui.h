/* triage_ui.h - the triage keys: prompts for a change, undo and redo, saving again, exports. */
#ifndef RECVIEW_TRIAGE_UI_H
#define RECVIEW_TRIAGE_UI_H

#include "recview/app.h"

/* Handles a triage request; false when req is not one. */
bool triage_request(struct app *app, enum request req);

/* Someone else saved the files: read them again, merge the session's changes onto them (conflicts
 * open the conflicts view), every open view back in its place; false when not saved. */
bool app_merge(struct app *app);
/* The same with the files already read (fresh moves into the session's model): the session's
 * changes merged onto them, every open view back in its place; rv_session_merge's result. */
bool app_merge_model(struct app *app, struct rv_model *fresh);
/* "; 2 conflicts for you to settle: M lists them", or "" when there is none. */
void app_conflicts_note(const struct app *app, char *out, size_t size);

/* recview.map now says kind.field = column: the data set is read again for it to take effect, every
 * view above the list closed, and the status line says how it went. */
void app_mapped(struct app *app, enum rv_kind kind, int field, const char *column);

/* A conflict a git merge left in file was settled (keep_ours: ours' rows kept, else theirs'): the
 * data set is read again, as for app_mapped. */
void app_conflict_settled(struct app *app, const char *file, bool keep_ours);

#endif
