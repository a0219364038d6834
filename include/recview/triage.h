/*
 * triage.h - the changes a triage session makes: status, decision, priority, notes and the agenda.
 * Every change is applied in memory, written at once (save.h: atomic, never over a file someone else
 * changed), logged with its author and time, and can be undone and redone in order.
 *
 * Where changes go:
 *   status / decision  a new dated row in status_history.csv (note, source "recview: AUTHOR"), and the
 *                      status / decision column of recommendations.csv follows when the file has one
 *   priority           the priority column of recommendations.csv
 *   note               a new row in notes.csv (rec_id, time, author, note): notes are only ever added
 *   agenda             agenda.csv (rec_id, added, author, minutes), rewritten in agenda order; minutes is
 *                      the item's budget in the meeting (empty: none)
 * Missing status_history.csv, notes.csv and agenda.csv are created with the contract's header.
 */
#ifndef RECVIEW_TRIAGE_H
#define RECVIEW_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/clock.h"
#include "recview/model.h"
#include "recview/changelog.h"
#include "recview/save.h"
#include "recview/store.h"
#include "recview/strbuf.h"

enum rv_change_kind {
	RV_CHANGE_STATUS,
	RV_CHANGE_DECISION,
	RV_CHANGE_PRIORITY,
	RV_CHANGE_NOTE,
	RV_CHANGE_AGENDA_ADD,
	RV_CHANGE_AGENDA_REMOVE,
	RV_CHANGE_AGENDA_MOVE,
	RV_CHANGE_FIELD,  /* a field of a recommendation, deliverable, question or note (changes.csv) */
	RV_CHANGE_AGENDA_MINUTES, /* an agenda item's budget (before, after: minutes as text, "" none) */
};

/*
 * What a change did to a cell, so that undo puts back exactly what was there. The raw bytes hold
 * while the model is the one the change was applied to (serial); after a merge loaded the files
 * again, undo works by value: the field of the recommendation goes back to the change's before,
 * provided it still holds the change's after.
 */
struct rv_cell_undo {
	bool used;
	int field;
	unsigned serial;
	char *old_text;            /* the old cell's value, for an undo by value */
	struct rv_field_undo raw;  /* the cell as it was, for an undo on the same model */
	struct rv_field_undo *more; /* the same field of the other rows that repeat the recommendation (a
				     * flat sheet, rv_rec_row_count), in row order; malloc'd */
	size_t nmore;
};

struct rv_change {
	enum rv_change_kind kind;
	char *rec_id;          /* by id, so that a reload can apply it again */
	char *before, *after;  /* status, decision or priority as written */
	char *note;            /* the note, or the note of a status or decision change */
	char date[16];         /* the history entry's date (YYYY-MM-DD) */
	char time[32];         /* when it was made, local time, ISO 8601 */
	char *author;
	long agenda_from, agenda_to; /* positions, for agenda changes */
	unsigned minutes;            /* the budget of the agenda entry removed, for its undo */
	struct rv_cell_undo cell;
	bool appended[RV_KIND_COUNT]; /* it appended a row to that table */
	uint32_t row[RV_KIND_COUNT];  /* which row; undo finds it again by its content when rows moved */
	bool noop;                    /* rebased onto files that already had it (an agenda entry): nothing to do */
	/* RV_CHANGE_FIELD: the item's kind (RV_RECS, RV_DELIVERABLES, RV_QUESTIONS, RV_NOTES), its name
	 * within the recommendation (changelog.h: "" itself, "D2", "Q1.1", "N<time>") and the field. */
	int target;
	char *item;
	int field;
	/* Changes made as one (to every tagged item): undone and redone together; 0 for a change alone. */
	unsigned group;
};

/*
 * A real conflict found by a merge: the same field of one recommendation changed here and on disk,
 * to different values. Our changes to it are held (not in effect, not saved) until the user keeps
 * ours or theirs.
 */
struct rv_conflict {
	char *rec_id;
	enum rv_change_kind kind;      /* status, decision, priority or field; a note or else when the recommendation is gone */
	int target, field;             /* RV_CHANGE_FIELD: which field of which item (as in struct rv_change) */
	char *item;
	char *base, *ours, *theirs;    /* the value both started from, ours (the last held change's), theirs */
	char *their_author;            /* who made theirs, when the history says (else NULL) */
	char *their_date;              /* and when */
	bool gone;                     /* the recommendation is no longer in recommendations.csv */
	struct rv_change *held;        /* our changes to it, oldest first */
	size_t nheld;
};

struct rv_agenda_item {
	uint32_t rec;   /* index into the model's recommendations */
	char *added;    /* when it was put on the agenda */
	char *author;
	unsigned minutes; /* its budget in the meeting; 0: none */
};

struct rv_save_job;

/* Time spent on a recommendation in a walkthrough, for the minutes. */
struct rv_time_spent {
	char *rec_id;
	double seconds;
};

struct rv_session {
	struct rv_model *m;
	char *author;
	bool read_only;
	char read_only_why[600];
	struct rv_change *changes;
	size_t n, cap;
	size_t applied;                        /* changes[0..applied) are in effect; the rest can be redone */
	struct rv_file_stamp stamps[RV_KIND_COUNT]; /* each file as read or last written */
	bool unsaved[RV_KIND_COUNT];           /* changed in memory, not yet on disk */
	bool conflict;                         /* the last save found a file changed by someone else */
	char error[768];                       /* the last save's problem, in plain words */
	struct rv_agenda_item *agenda;         /* recommendations on the agenda, in order */
	size_t nagenda;
	const struct rv_save_ops *ops;         /* system calls, replaceable by tests */
	struct rv_store store;                 /* writes the data set's files: one commit per save */
	/*
	 * With async, a change returns once it is applied and its files are serialised; a background
	 * thread writes them, and rv_session_poll picks up the result (the interface never waits for a
	 * disk). gen counts the changes of each file, so that a write of an older state does not mark a
	 * newer one saved.
	 */
	bool async;
	struct rv_save_job *job;               /* the save being written, or NULL */
	unsigned gen[RV_KIND_COUNT];
	/* What is on disk of each table: its first saved_rows rows. A table that since only gained rows
	 * at its end is saved by appending those (no copy, no rewrite); rewrite says a row on disk was
	 * removed or changed. */
	size_t saved_rows[RV_KIND_COUNT];
	bool rewrite[RV_KIND_COUNT];
	int cannot_hold;                       /* the kind whose file's encoding refused the last change, or -1 */
	size_t last_commit_bytes;              /* bytes the last save handed to the store (appends: the rows) */
	bool finished_ok;                      /* the result of the last finished background save */
	size_t saved_applied;                  /* changes[0..saved_applied) are all on disk */
	unsigned model_serial;                 /* bumped when a merge puts the session on newly read files */
	struct rv_conflict *conflicts;         /* what the last merge could not combine, for the user to pick */
	size_t nconflicts;
	size_t merged;                         /* the last merge: changes of ours carried onto the files */
	struct rv_time_spent *times;           /* walkthrough: time per recommendation, in first-shown order */
	size_t ntimes;
	unsigned group;                        /* the group being made (rv_session_begin_group), or 0 */
	bool group_unsaved[RV_KIND_COUNT];     /* unsaved and rewrite as they were when it began: a group */
	bool group_rewrite[RV_KIND_COUNT];     /* taken back before its save leaves the files as they were */
	unsigned last_group;
};

/* Starts a session on a loaded model. read_only: as asked (--read-only), else decided by whether the
 * data set can be written. author: NULL for $USER. */
void rv_session_open(struct rv_session *s, struct rv_model *m, const char *author, bool read_only);
void rv_session_free(struct rv_session *s);

/* Why nothing can be changed (read-only), or NULL. */
const char *rv_session_why_read_only(const struct rv_session *s);

/* Changes: each applies, logs and saves; the result is the save's (the change stays in memory even
 * when the save fails, and rv_session_save retries). A value outside the vocabulary is refused
 * (false, with the reason in s->error) before anything changes. date NULL: today. */
bool rv_change_status(struct rv_session *s, size_t rec, const char *status, const char *note, const char *date);
bool rv_change_decision(struct rv_session *s, size_t rec, const char *decision, const char *note, const char *date);
bool rv_change_priority(struct rv_session *s, size_t rec, const char *priority);
bool rv_add_note(struct rv_session *s, size_t rec, const char *note);
bool rv_agenda_toggle(struct rv_session *s, size_t rec);
bool rv_agenda_move(struct rv_session *s, size_t rec, int delta);
long rv_agenda_position(const struct rv_session *s, size_t rec);
/* The budget of an agenda item in whole minutes (0 clears it); refused (false, s->error) for a
 * recommendation not on the agenda or more than RV_MINUTES_MAX. Undone like any change. */
#define RV_MINUTES_MAX 999
bool rv_agenda_set_minutes(struct rv_session *s, size_t rec, unsigned minutes);
/* A recommendation's budget on the agenda, 0 when it has none or is not on it. */
unsigned rv_agenda_minutes(const struct rv_session *s, size_t rec);
/* Reads a budget as typed: whole minutes ("5", " 12 "); "" is none (0). False for anything else. */
bool rv_minutes_parse(const char *text, unsigned *minutes);

/*
 * Fields of any item (changelog.h): a recommendation's owner, a deliverable's status, owner or due
 * date, a question's answer or status, a note's text (amended; "" retracts it). The value is checked
 * against the field's vocabulary or as a date, written in the file's words and date style, into the
 * item's cell where its file has the column, and always as a row of changes.csv with the note (the
 * reason for a new due date). False, with s->error, when refused; nothing is changed then. A note is
 * amended or retracted by its author only (the session's author is its author column).
 */
bool rv_change_item_field(struct rv_session *s, struct rv_item it, int field, const char *value, const char *note);
/* Whether the session's author may amend or retract note (a child index of RV_NOTES): its author
 * only; else false with the reason in why. */
bool rv_note_amendable(const struct rv_session *s, size_t note, char *why, size_t whysize);
/* The value of that field now, as rv_change_item_field would compare it (to be freed). */
char *rv_item_field_value(const struct rv_model *m, struct rv_item it, int field);

/*
 * Changes made between begin and end form one group: they are saved in one commit when the group
 * ends, and undone and redone as one step. end returns the save's result (true when nothing was made).
 */
void rv_session_begin_group(struct rv_session *s);
bool rv_session_end_group(struct rv_session *s);
/* Ends a group by taking back what it made (one of its changes was refused): nothing of it is saved. */
bool rv_session_cancel_group(struct rv_session *s);
/* Ends a group after its changes were made (ok) or one was refused (not ok): saved as one, or all of
 * it taken back with the refusal's reason left in s->error. True when made and saved. */
bool rv_session_finish_group(struct rv_session *s, bool ok);

bool rv_undo(struct rv_session *s);
bool rv_redo(struct rv_session *s);

/* Writes every file with unsaved changes; false with s->error (and s->conflict) when one fails.
 * Waits for a background save first. */
bool rv_session_save(struct rv_session *s);
/* Background saving: is a save being written; did one finish since the last poll (its result is then
 * in s->finished_ok and s->error); wait until nothing is being written (before quitting). */
bool rv_session_busy(const struct rv_session *s);
bool rv_session_poll(struct rv_session *s);
void rv_session_wait(struct rv_session *s);
/* Writes the whole data set as it is in memory to another directory (save elsewhere). */
bool rv_session_save_to(struct rv_session *s, const char *dir);
bool rv_session_has_unsaved(const struct rv_session *s);
/* The changes that are not on disk, one line each ("status of SSR1-3: in progress -> complete"). */
void rv_session_describe_unsaved(const struct rv_session *s, struct strbuf *out);
/* How many changes are not on disk. */
size_t rv_session_count_unsaved(const struct rv_session *s);
/*
 * After a conflict (someone else saved the files), a three-way merge: base = what was read, ours =
 * the unsaved changes, theirs = fresh, the data set as it is now (loaded by the caller). The old
 * model is freed and fresh moved into its place (s->m keeps its address). Our unsaved changes are
 * made again on theirs: changes to different fields combine, notes and history rows from both sides
 * are kept, agenda edits are made again by recommendation; where the same field changed both ways,
 * our changes are held as a conflict (s->conflicts). Saved changes stay undoable (by value). The
 * result is that of saving what was combined.
 */
bool rv_session_merge(struct rv_session *s, struct rv_model *fresh);
/* Settles conflict i: keep ours (our held changes are made on top of theirs) or theirs (ours are
 * dropped). Saves; false with s->error as for any change. */
bool rv_conflict_resolve(struct rv_session *s, size_t i, bool keep_ours);
/* One line about a conflict: "status of SSR1-3: yours complete, theirs (jane, 2026-11-30) deferred". */
void rv_conflict_describe(const struct rv_conflict *c, struct strbuf *out);

/* Converts the file of kind to UTF-8 in memory, to be written (whole) with the next change: after a
 * change was refused because the file's encoding cannot hold its text (s->cannot_hold). */
bool rv_session_convert_to_utf8(struct rv_session *s, enum rv_kind kind);

/* Adds time spent presenting a recommendation (walkthrough minutes). */
void rv_session_add_time(struct rv_session *s, size_t rec, double seconds);

#endif
