/*
 * change.h - the one path by which a change reaches the model: rv_change_apply puts a change value
 * into the session's model (cells set, rows appended, the agenda edited), rv_change_unapply takes
 * it back. Undo, redo and the merge after someone else's save all go through these two.
 */
#ifndef RECVIEW_CHANGE_H
#define RECVIEW_CHANGE_H

#include "recview/triage.h"

void rv_change_apply(struct rv_session *s, struct rv_change *c);
/*
 * Whether c can be made on the session's model so that the files read back what it means: no field a
 * mapping derives is set (rv_model_field_settable), and each row it appends reads back its values
 * (rv_model_row_fits). False with the reason in why; the session then refuses the change.
 */
bool rv_change_writable(const struct rv_session *s, const struct rv_change *c, char *why, size_t size);
/* False, with s->error, when the field it set was changed by someone else since (after a merge):
 * undoing it would undo theirs. Nothing is changed then. */
bool rv_change_unapply(struct rv_session *s, struct rv_change *c);
void rv_change_free(struct rv_change *c);

/* One line about a change (sanitised): "status of SSR1-3: in progress -> complete". */
void rv_change_describe(const struct rv_change *c, struct strbuf *out);
void rv_conflict_free(struct rv_conflict *c);

/* Whether two values of a status, decision or priority mean the same ("In Progress" = "in progress"). */
bool rv_change_values_equal(enum rv_change_kind kind, const char *a, const char *b);
/* The field a change of that kind sets, as the recommendation holds it now (to be freed). */
char *rv_change_current_value(const struct rv_model *m, enum rv_change_kind kind, size_t rec);

/* Whether a change sets a value that another writer could have set too (status, decision, priority, a
 * field); the value it would compare now (NULL when its item is gone, else to be freed); and whether two
 * values of its field mean the same. */
bool rv_change_sets_value(const struct rv_change *c);
/* Whether a change is told as "before -> after": a value set, or an agenda item's minutes. */
bool rv_change_shows_values(const struct rv_change *c);
char *rv_change_value_now(const struct rv_model *m, const struct rv_change *c);
bool rv_change_same_value(const struct rv_change *c, const char *a, const char *b);
bool rv_field_values_equal(enum rv_kind kind, int field, const char *a, const char *b);

/* A file changed in memory: it needs saving, and any save already under way is of an older state. */
void rv_session_touch(struct rv_session *s, int kind);
/* After a change: written now, or handed to the writer thread. */
bool rv_session_persist(struct rv_session *s);
/* Whether some file differs in memory from what is on disk (held conflicts aside). */
bool rv_session_files_unsaved(const struct rv_session *s);
/* What each file was when it was read; the session's agenda from the model's agenda.csv. */
void rv_session_stamp_tables(struct rv_session *s);
void rv_session_load_agenda(struct rv_session *s);
/* Frees the session's agenda, leaving it empty. */
void rv_session_clear_agenda(struct rv_session *s);

#endif
