/*
 * change.h - the one path by which a change reaches the model: rv_change_apply puts a change value
 * into the session's model (cells set, rows appended, the agenda edited), rv_change_unapply takes
 * it back. Undo, redo and the merge after someone else's save all go through these two.
 */
#ifndef RECVIEW_CHANGE_H
#define RECVIEW_CHANGE_H

#include "recview/triage.h"

void rv_change_apply(struct rv_session *s, struct rv_change *c);
void rv_change_unapply(struct rv_session *s, struct rv_change *c);
void rv_change_free(struct rv_change *c);

/* A file changed in memory: it needs saving, and any save already under way is of an older state. */
void rv_session_touch(struct rv_session *s, int kind);
/* After a change: written now, or handed to the writer thread. */
bool rv_session_persist(struct rv_session *s);
/* What each file was when it was read; the session's agenda from the model's agenda.csv. */
void rv_session_stamp_tables(struct rv_session *s);
void rv_session_load_agenda(struct rv_session *s);

#endif
