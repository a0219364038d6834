/*
 * decided.h - what a meeting decided about one recommendation: the session's changes in effect
 * (s->changes[0..applied), the very list the minutes tell, rv_session_minutes) that are about it, for
 * the walkthrough's slide. An undo takes a change out of effect, so it leaves the list too. The
 * agenda's own changes (put on, taken off, moved, a budget) are the meeting's plan, not a decision
 * about the recommendation: the minutes list them, the slide does not.
 */
#ifndef RECVIEW_DECIDED_H
#define RECVIEW_DECIDED_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/strbuf.h"
#include "recview/triage.h"

/* What a change set, in a word or three, as plain text: "status", "priority", "note", "owner of D2",
 * "answer of Q1.1", "note amended" (the minutes and the slide say it alike). */
void rv_change_label(const struct rv_change *c, struct strbuf *out);
/* Whether a change is told as "before -> after": a status, decision or priority, a field (not a note's). */
bool rv_change_told_as_values(const struct rv_change *c);
/* Whether a change is a decision about its recommendation (anything but the agenda's plan). */
bool rv_change_is_decision(const struct rv_change *c);
/* The changes in effect that decided something about rec, oldest first: how many there are; the
 * indexes into s->changes of the first max of them go to out (out may be NULL with max 0). */
size_t rv_session_decided(const struct rv_session *s, size_t rec, size_t *out, size_t max);
/* When a change was made as a clock reads it ("10:15"), from its time; "" when the time has none. */
void rv_change_clock(const struct rv_change *c, char out[6]);
/*
 * What a change did, in one line of plain text (not yet sanitised): "status: in progress → complete
 * (dated 2026-11-20) — waiting for the vendor", "note added: ...". ascii: "->" and "--" for the arrow
 * and the dash. The date is said only when the change is dated another day than it was made.
 */
void rv_decided_describe(const struct rv_change *c, bool ascii, struct strbuf *out);

/*
 * The same list from the files alone, for a follower's slide (the presenter's session is in another
 * process): the rows about rec that recorded.h collects, recorded at since or later (the files' time
 * form, "2026-12-03T10:15:00") by author (NULL: by anyone), oldest first (ties in the same second by
 * their changes.csv row, a note after them), each made into the change that recorded it (kind, before
 * and after, note, date, time), so that rv_decided_describe and rv_change_clock say it as they say the
 * session's. A change undone is gone from the files, so from the list too. How many went to *out
 * (NULL when none); rv_files_decided_free frees them.
 */
size_t rv_files_decided(const struct rv_model *m, size_t rec, const char *since, const char *author,
			struct rv_change **out);
void rv_files_decided_free(struct rv_change *list, size_t n);

#endif
