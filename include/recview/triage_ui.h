/* triage_ui.h - the triage keys: prompts for a change, undo and redo, saving again, exports. */
#ifndef RECVIEW_TRIAGE_UI_H
#define RECVIEW_TRIAGE_UI_H

#include "recview/app.h"
#include "recview/changelog.h"
#include "recview/prompt.h"
#include "recview/strbuf.h"

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
/* ---- shared by the triage keys (triage_ui.c) and the item keys (item_ui.c) ---- */

/* Completion among a fixed list of words (the whole text is the word). */
struct word_list {
	const char *const *words;
	size_t n;
};

/* x: what the current view shows (the list, the agenda, the changes, a recommendation's page, a
 * list of deliverables, questions or history) to a Markdown or CSV file (export_ui.c). */
void export_view(struct app *app);

/* The session's minutes (rv_session_minutes) to a Markdown file (minutes_ui.c): the configuration's
 * minutes-file (strftime-like, relative to the data directory), asked with it prefilled when ask;
 * false, said on the status line, unless written. */
bool minutes_write(struct app *app, bool ask);
/* Whether a walkthrough was held and its times or the changes since are in no minutes written. */
bool minutes_pending(const struct app *app);
/* The minutes as they are now are in a file (written here, or exported with x). */
void minutes_mark_written(struct app *app);
/* On quitting with minutes pending: "w write, q quit anyway, Esc stay"; whether to quit. */
bool minutes_may_quit(struct app *app);

/* Asks on the prompt (the words shown and completed with Tab); false when cancelled. */
bool triage_ask(struct app *app, const char *label, const char *initial, struct strbuf *out, const struct word_list *wl,
		struct prompt_history *history);
/* Says what happened: saved, or kept in memory and why not saved (s->error). */
void triage_report(struct app *app, bool ok, const char *what);
/* Nothing can be changed now (read-only, or showing the past): says so with the keys of req. */
bool triage_read_only(struct app *app, enum request req);
/* After a change its file's encoding cannot hold: offers UTF-8; true when converted (try again). */
bool triage_offer_utf8(struct app *app);
/* The recommendation of the current view or under its cursor, or -1 (said so). */
long triage_selected_rec(struct app *app);

/* #: asks for the minutes the meeting has for the agenda item selected and sets them (agenda_minutes.c). */
void agenda_set_minutes(struct app *app);

/* ---- the items of a recommendation (item_ui.c) ---- */

/* Handles an item request (owner, a deliverable's status and due date, a question's answer and
 * status); false when req is not one. */
bool item_request(struct app *app, enum request req);

/*
 * Sets the owner of one item, a recommendation or a deliverable, to owner ("" clears it), without
 * asking: what the owner key does once it has the name, and what a change to many items calls for
 * each (inside rv_session_begin_group / rv_session_end_group). False with app->session->error when
 * refused (read-only, a field that cannot be written); nothing is reported on the status line.
 */
bool triage_set_owner(struct app *app, struct rv_item it, const char *owner);

#endif
