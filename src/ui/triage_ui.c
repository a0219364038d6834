/* triage_ui.c - the triage keys: each asks what it needs on the prompt, then changes and saves. */
#include "recview/triage_ui.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>

#include "recview/arena.h"
#include "recview/change.h"

#include "recview/finding.h"
#include "recview/prompt.h"
#include "recview/items.h"
#include "recview/query.h"
#include "recview/tags.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"

static struct prompt_history value_history, note_history;

static void complete_word(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	const struct word_list *wl = data;
	char *prefix = xstrndup(text->data, *cursor);
	finding_complete(app, text, cursor, 0, prefix, wl->words, wl->n, "");
	free(prefix);
}

bool triage_ask(struct app *app, const char *label, const char *initial, struct strbuf *out, const struct word_list *wl,
		struct prompt_history *history)
{
	struct prompt_hooks hooks = {.complete = wl ? complete_word : NULL, .history = history, .data = (void *)wl};
	sb_reset(out);
	sb_adds(out, initial ? initial : "");
	if (wl) {
		/* Show the choices at once. */
		struct strbuf all;
		sb_init(&all);
		for (size_t i = 0; i < wl->n; i++)
			sb_addf(&all, "%s%s", i ? "  " : "", wl->words[i]);
		snprintf(app->hint, sizeof(app->hint), "%s   (Tab completes, Esc cancels)", all.data);
		sb_free(&all);
	}
	bool ok = prompt_read(app, label, out, &hooks);
	app->hint[0] = '\0';
	return ok;
}

static void rebuild_views(struct app *app)
{
	for (size_t i = 0; i < app->depth; i++)
		view_rebuild(app->stack[i], app->stack[i]->width);
}

void triage_report(struct app *app, bool ok, const char *what)
{
	struct rv_session *s = app->session;
	if (!ok && s->conflict) {
		/* Someone else saved meanwhile: merged at once, nothing to ask unless a field changed both ways. */
		app_merge(app);
		return;
	}
	rebuild_views(app);
	if (ok && rv_session_busy(s)) {
		/* Written in the background: the status line says "Saved" when it is on disk. */
		snprintf(app->saving_what, sizeof(app->saving_what), "%s", what);
		app_message(app, C_DIM, "Saving: %s ...", what);
	} else if (ok)
		app_message(app, C_ST_COMPLETE, "Saved: %s", what);
	else if (rv_session_has_unsaved(s))
		app_message(app, C_ERROR, "NOT SAVED: %s. %s is kept here; W retries, reloads or saves elsewhere", s->error, what);
	else
		app_message(app, C_ERROR, "%s", s->error);
}

long triage_selected_rec(struct app *app)
{
	long rec = view_current_rec(app_current(app));
	if (rec < 0)
		app_message(app, C_WARNING, "Select a recommendation first.");
	return rec;
}

bool triage_read_only(struct app *app, enum request req)
{
	if (app->as_of != RV_DATE_NONE) {
		app_message(app, C_WARNING, "Showing the past (as of): changes are made in the present; @ and an empty date return to now");
		return true;
	}
	const char *why = rv_session_why_read_only(app->session);
	if (!why)
		return false;
	char keys[64];
	keys_for_request(req, keys, sizeof(keys));
	app_message(app, C_WARNING, "%s: %s changes nothing", why, keys);
	return true;
}


/*
 * After a change that its file's encoding cannot hold (an emoji into Windows-1252): offers to convert
 * that file to UTF-8, written whole with the change; true when converted (the change is to be tried again).
 */
bool triage_offer_utf8(struct app *app)
{
	struct rv_session *s = app->session;
	if (s->cannot_hold < 0)
		return false;
	enum rv_kind kind = (enum rv_kind)s->cannot_hold;
	char question[1024];
	snprintf(question, sizeof(question), "%.600s. Convert %s to UTF-8 (the whole file written again)? y/n ", s->error,
		 rv_table_file(app->m, kind));
	if (!prompt_confirm(app, question))
		return false;
	return rv_session_convert_to_utf8(s, kind);
}

static void id_of(struct app *app, long rec, char *buf, size_t size)
{
	struct rv_text id = rv_rec_id(app->m, (size_t)rec);
	snprintf(buf, size, "%.*s", (int)id.len, id.ptr);
}

/* The recommendations a change is made to, and how they are named in prompts and messages. */
struct targets {
	uint32_t *recs;
	size_t n;
	char name[96]; /* "SSR1-3", or "7 tagged" */
};

static void targets_free(struct targets *t)
{
	free(t->recs);
	t->recs = NULL;
	t->n = 0;
}

/*
 * What a triage key acts on: every tagged recommendation after ';', or when some are tagged and the
 * answer to "apply to 7 tagged?" is y; else the one under the cursor. False when there is none or the
 * view is read-only (a message says why).
 */
static bool pick_targets(struct app *app, enum request req, struct targets *t)
{
	memset(t, 0, sizeof(*t));
	bool prefix = tags_take_prefix(app);
	size_t tagged = tags_count(app, RV_RECS);
	if (prefix && !tagged) {
		app_message(app, C_WARNING, "No recommendation is tagged (T tags one): nothing was changed");
		return false;
	}
	if (triage_read_only(app, req))
		return false;
	bool all = prefix;
	if (!prefix && tagged) {
		char question[128];
		snprintf(question, sizeof(question), "apply to the %zu tagged recommendation%s? y/n (n: only this one) ", tagged,
			 tagged == 1 ? "" : "s");
		all = prompt_confirm(app, question);
	}
	if (all) {
		struct rv_item *items;
		t->n = tags_list(app, RV_RECS, &items);
		t->recs = xcalloc(t->n + 1, sizeof(*t->recs));
		for (size_t i = 0; i < t->n; i++)
			t->recs[i] = (uint32_t)items[i].index;
		free(items);
		snprintf(t->name, sizeof(t->name), "%zu tagged", t->n);
		return true;
	}
	long rec = triage_selected_rec(app);
	if (rec < 0)
		return false;
	t->recs = xcalloc(1, sizeof(*t->recs));
	t->recs[0] = (uint32_t)rec;
	t->n = 1;
	id_of(app, rec, t->name, sizeof(t->name));
	return true;
}

/* A change made to each target, in one group (one commit, one undo step); false with s->error at the
 * first that is refused, the others of the group then taken back. */
typedef bool (*change_one)(struct rv_session *s, size_t rec, const void *ctx);

static bool change_each(struct app *app, const struct targets *t, change_one one, const void *ctx)
{
	struct rv_session *s = app->session;
	if (t->n == 1)
		return one(s, t->recs[0], ctx);
	rv_session_begin_group(s);
	bool ok = true;
	for (size_t i = 0; i < t->n && ok; i++)
		ok = one(s, t->recs[i], ctx);
	/* Refused part-way (a file that cannot hold the text...): none of it is made. */
	return rv_session_finish_group(s, ok);
}

/* How many open deliverables and questions a recommendation has; true when it has some. */
static bool has_open_items(const struct app *app, size_t rec, size_t *deliverables, size_t *questions)
{
	*deliverables = rv_rec_open_deliverables(app->m, rec);
	*questions = rv_rec_open_questions(app->m, rec);
	return *deliverables || *questions;
}

/*
 * Setting complete while deliverables or questions are open asks first: "SSR1-3 has 2 open
 * deliverables and 1 open question: set complete anyway? (y/n)", or for tagged ones "3 of the 7
 * tagged have open deliverables or questions: ...". True to go on.
 */
static bool complete_anyway(struct app *app, const struct targets *t, const char *value)
{
	if (rv_status_parse(value, strlen(value)) != RV_STATUS_COMPLETE)
		return true;
	size_t deliverables = 0, questions = 0, open = 0;
	for (size_t i = 0; i < t->n; i++) {
		size_t d, q;
		if (has_open_items(app, t->recs[i], &d, &q))
			open++;
		deliverables += d;
		questions += q;
	}
	if (!open)
		return true;
	struct strbuf q;
	sb_init(&q);
	if (t->n > 1) {
		sb_addf(&q, "%zu of the %s %s open deliverables or questions", open, t->name, open == 1 ? "has" : "have");
	} else {
		sb_addf(&q, "%s has ", t->name);
		if (deliverables)
			sb_addf(&q, "%zu open deliverable%s", deliverables, deliverables == 1 ? "" : "s");
		if (deliverables && questions)
			sb_adds(&q, " and ");
		if (questions)
			sb_addf(&q, "%zu open question%s", questions, questions == 1 ? "" : "s");
	}
	sb_adds(&q, ": set complete anyway? (y/n) ");
	bool yes = prompt_confirm(app, q.data);
	if (!yes)
		app_message(app, C_WARNING, "Not changed: the status of %s stays as it was", t->name);
	sb_free(&q);
	return yes;
}

struct state_change {
	bool status;
	const char *value, *note, *date;
};

static bool change_state_one(struct rv_session *s, size_t rec, const void *ctx)
{
	const struct state_change *c = ctx;
	return c->status ? rv_change_status(s, rec, c->value, c->note, c->date)
			 : rv_change_decision(s, rec, c->value, c->note, c->date);
}

static void change_state(struct app *app, bool status)
{
	static const char *const statuses[] = {"not started", "in planning", "in progress", "behind schedule", "complete"};
	static const char *const decisions[] = {"pending", "approved", "rejected"};
	static const struct word_list status_words = {statuses, 5}, decision_words = {decisions, 3};
	struct targets t;
	if (!pick_targets(app, status ? REQ_CHANGE_STATUS : REQ_CHANGE_DECISION, &t))
		return;
	char label[160], today[16], what[256];
	struct strbuf value, note, date;
	sb_init(&value);
	sb_init(&note);
	sb_init(&date);
	rv_today(today);
	snprintf(label, sizeof(label), "%s of %s: ", status ? "status" : "decision", t.name);
	if (triage_ask(app, label, NULL, &value, status ? &status_words : &decision_words, &value_history) && value.len &&
	    (!status || complete_anyway(app, &t, value.data))) {
		snprintf(label, sizeof(label), "note for %s (optional): ", t.name);
		if (triage_ask(app, label, NULL, &note, NULL, &note_history)) {
			snprintf(label, sizeof(label), "date of the change: ");
			if (triage_ask(app, label, today, &date, NULL, NULL)) {
				struct state_change c = {status, value.data, note.data, date.data};
				bool ok = false;
				for (int attempt = 0; attempt < 2; attempt++) {
					ok = change_each(app, &t, change_state_one, &c);
					if (ok || attempt || !triage_offer_utf8(app))
						break;
				}
				snprintf(what, sizeof(what), "%s of %s is now %s", status ? "status" : "decision", t.name, value.data);
				triage_report(app, ok, what);
			}
		}
	}
	sb_free(&value);
	sb_free(&note);
	sb_free(&date);
	targets_free(&t);
}

static bool change_priority_one(struct rv_session *s, size_t rec, const void *ctx)
{
	return rv_change_priority(s, rec, ctx);
}

static void change_priority(struct app *app)
{
	static const char *const priorities[] = {"P1", "P2", "P3", "P4"};
	static const struct word_list words = {priorities, 4};
	struct targets t;
	if (!pick_targets(app, REQ_CHANGE_PRIORITY, &t))
		return;
	char label[160], what[160];
	char current[16] = "";
	if (t.n == 1) {
		struct rv_text now = rv_rec_field(app->m, t.recs[0], REC_PRIORITY);
		snprintf(current, sizeof(current), "%.*s", (int)now.len, now.ptr);
	}
	struct strbuf value;
	sb_init(&value);
	snprintf(label, sizeof(label), "priority of %s (empty clears): ", t.name);
	if (triage_ask(app, label, current, &value, &words, &value_history)) {
		bool ok = change_each(app, &t, change_priority_one, value.data);
		snprintf(what, sizeof(what), "priority of %s is now %s", t.name, value.len ? value.data : "none");
		triage_report(app, ok, what);
	}
	sb_free(&value);
	targets_free(&t);
}

static bool add_note_one(struct rv_session *s, size_t rec, const void *ctx)
{
	return rv_add_note(s, rec, ctx);
}

static void add_note(struct app *app)
{
	struct targets t;
	if (!pick_targets(app, REQ_ADD_NOTE, &t))
		return;
	char label[160], what[160];
	struct strbuf note;
	sb_init(&note);
	snprintf(label, sizeof(label), "note on %s: ", t.name);
	if (triage_ask(app, label, NULL, &note, NULL, &note_history) && note.len) {
		bool ok = change_each(app, &t, add_note_one, note.data);
		if (!ok && triage_offer_utf8(app))
			ok = change_each(app, &t, add_note_one, note.data);
		snprintf(what, sizeof(what), "note added to %s", t.name);
		triage_report(app, ok, what);
	}
	sb_free(&note);
	targets_free(&t);
}

/* m on tagged recommendations: all onto the agenda, or all off it when every one is on it already. */
static bool agenda_set_one(struct rv_session *s, size_t rec, const void *ctx)
{
	bool on = *(const bool *)ctx;
	if ((rv_agenda_position(s, rec) >= 0) == on)
		return true;
	return rv_agenda_toggle(s, rec);
}

/* The note under the cursor of a recommendation's page that the session's author may change, or -1
 * (said why). */
static long own_note(struct app *app, enum request req)
{
	long note = rec_view_current_note(app_current(app));
	if (note < 0) {
		app_message(app, C_WARNING, "Put the cursor on a note of a recommendation's page first (Tab goes from link to link).");
		return -1;
	}
	if (triage_read_only(app, req))
		return -1;
	char why[300];
	if (!rv_note_amendable(app->session, (size_t)note, why, sizeof(why))) {
		app_message(app, C_WARNING, "%s", why);
		return -1;
	}
	return note;
}

/* "SSR1-3 of 2026-11-30T09:00:00": which note, in words, for the prompt and the message. */
static void note_words(struct app *app, long note, char *buf, size_t size)
{
	struct rv_text when = rv_child_field(app->m, RV_NOTES, (size_t)note, NOTE_TIME);
	long rec = rv_child_at(app->m, RV_NOTES, (size_t)note)->rec;
	char id[64];
	id_of(app, rec, id, sizeof(id));
	snprintf(buf, size, "note of %.*s on %s", (int)(when.len < 40 ? when.len : 40), when.ptr, id);
}

static void retract_note(struct app *app)
{
	long note = own_note(app, REQ_RETRACT_NOTE);
	if (note < 0)
		return;
	if (!rv_child_field(app->m, RV_NOTES, (size_t)note, NOTE_TEXT).len) {
		app_message(app, C_DIM, "This note is retracted already; e gives it a text again.");
		return;
	}
	char which[160], question[256], what[200];
	note_words(app, note, which, sizeof(which));
	struct strbuf safe;
	sb_init(&safe);
	text_sanitize(&safe, which, strlen(which), 0);
	snprintf(question, sizeof(question), "Retract your %s? Its text stays in the log. y/n ", safe.data);
	sb_free(&safe);
	if (!prompt_confirm(app, question))
		return;
	bool ok = rv_change_item_field(app->session, (struct rv_item){RV_NOTES, (size_t)note}, NOTE_TEXT, "", NULL);
	snprintf(what, sizeof(what), "%s retracted", which);
	triage_report(app, ok, what);
}

static void amend_note(struct app *app)
{
	long note = own_note(app, REQ_ITEM_STATUS);
	if (note < 0)
		return;
	char which[160], label[200], what[200];
	note_words(app, note, which, sizeof(which));
	snprintf(label, sizeof(label), "amend the %s: ", which);
	struct rv_text now = rv_child_field(app->m, RV_NOTES, (size_t)note, NOTE_TEXT);
	char *initial = xstrndup(now.ptr, now.len);
	struct strbuf text;
	sb_init(&text);
	if (triage_ask(app, label, initial, &text, NULL, &note_history)) {
		if (!text.len) {
			app_message(app, C_DIM, "An empty note is a retracted one: X retracts it.");
		} else {
			struct rv_item it = {RV_NOTES, (size_t)note};
			bool ok = rv_change_item_field(app->session, it, NOTE_TEXT, text.data, NULL);
			if (!ok && triage_offer_utf8(app))
				ok = rv_change_item_field(app->session, it, NOTE_TEXT, text.data, NULL);
			snprintf(what, sizeof(what), "%s amended", which);
			triage_report(app, ok, what);
		}
	}
	free(initial);
	sb_free(&text);
}

static void agenda_toggle(struct app *app)
{
	struct targets t;
	if (!pick_targets(app, REQ_AGENDA_TOGGLE, &t))
		return;
	struct rv_session *s = app->session;
	bool all_on = true;
	for (size_t i = 0; i < t.n; i++)
		all_on &= rv_agenda_position(s, t.recs[i]) >= 0;
	bool on = !all_on;
	char what[160];
	bool ok = change_each(app, &t, agenda_set_one, &on);
	snprintf(what, sizeof(what), "%s %s the agenda (%zu item%s)", t.name, on ? "added to" : "removed from", s->nagenda,
		 s->nagenda == 1 ? "" : "s");
	triage_report(app, ok, what);
	targets_free(&t);
}

static void agenda_move(struct app *app, int delta)
{
	long rec = triage_selected_rec(app);
	if (rec < 0 || triage_read_only(app, delta < 0 ? REQ_AGENDA_UP : REQ_AGENDA_DOWN))
		return;
	char id[64], what[128];
	id_of(app, rec, id, sizeof(id));
	bool ok = rv_agenda_move(app->session, (size_t)rec, delta);
	long at = rv_agenda_position(app->session, (size_t)rec);
	snprintf(what, sizeof(what), "%s is item %ld of the agenda", id, at + 1);
	triage_report(app, ok, what);
	/* In the agenda view the cursor follows the item it moved. */
	struct view *v = app_current(app);
	if (ok && v->rec < 0) {
		for (size_t i = 0; i < v->nlines; i++)
			if (v->lines[i].ref == (uint32_t)rec && v->lines[i].link)
				view_move_to(v, i, app_body_height(v));
	}
}

/* How many changes an undo (or redo) at change which takes: its whole group. */
static size_t group_size(const struct rv_session *s, size_t which, bool undo)
{
	unsigned group = s->changes[which].group;
	if (!group)
		return 1;
	size_t n = 0;
	if (undo)
		for (size_t i = which + 1; i > 0 && s->changes[i - 1].group == group; i--)
			n++;
	else
		for (size_t i = which; i < s->n && s->changes[i].group == group; i++)
			n++;
	return n;
}

static void undo_redo(struct app *app, bool undo)
{
	struct rv_session *s = app->session;
	if (triage_read_only(app, undo ? REQ_UNDO : REQ_REDO))
		return;
	size_t which = undo ? s->applied - (s->applied ? 1 : 0) : s->applied;
	char what[256];
	size_t grouped = which < s->n ? group_size(s, which, undo) : 0;
	if (grouped > 1) {
		snprintf(what, sizeof(what), "%s %zu changes made together", undo ? "undid" : "redid", grouped);
	} else if (which < s->n && s->changes[which].kind == RV_CHANGE_FIELD && s->changes[which].target == RV_NOTES) {
		/* "undid the amendment of the note of 2026-11-30T09:00:00 on SSR1-3" (item is N and the time) */
		const struct rv_change *c = &s->changes[which];
		snprintf(what, sizeof(what), "%s the %s of the note of %s on %s", undo ? "undid" : "redid",
			 c->after && *c->after ? "amendment" : "retraction", c->item && *c->item ? c->item + 1 : "?", c->rec_id);
	} else if (which < s->n) {
		const struct rv_change *c = &s->changes[which];
		const char *field = c->kind == RV_CHANGE_FIELD ? rv_item_field_name((enum rv_kind)c->target, c->field) : NULL;
		snprintf(what, sizeof(what), "%s %s%s of %s%s%s", undo ? "undid" : "redid",
			 c->kind <= RV_CHANGE_DECISION ? (c->kind ? "the decision" : "the status")
			 : c->kind == RV_CHANGE_PRIORITY ? "the priority"
			 : c->kind == RV_CHANGE_NOTE ? "the note"
			 : c->kind == RV_CHANGE_FIELD ? "the " : "the agenda change",
			 field ? field : "", c->rec_id, c->item && *c->item ? " " : "", c->item ? c->item : "");
	} else

		snprintf(what, sizeof(what), "nothing");
	bool ok = undo ? rv_undo(s) : rv_redo(s);
	triage_report(app, ok, what);
}

/* W: after a failed save, try again; or read the files again and merge the changes onto them; or save elsewhere. */
static void save_again(struct app *app)
{
	struct rv_session *s = app->session;
	if (!rv_session_has_unsaved(s)) {
		app_message(app, C_DIM, "Everything is saved.");
		return;
	}
	struct strbuf answer;
	sb_init(&answer);
	const char *label = s->conflict ? "someone changed the files: merge (your changes onto theirs), retry, or a directory: "
					: "retry, merge (read the files again, your changes onto them), or a directory to save to: ";
	if (triage_ask(app, label, s->conflict ? "merge" : "retry", &answer, NULL, NULL)) {
		if (strcmp(answer.data, "retry") == 0) {
			triage_report(app, rv_session_save(s), "all changes");
		} else if (strcmp(answer.data, "reload") == 0 || strcmp(answer.data, "merge") == 0) {
			app_merge(app);
		} else if (answer.len) {
			bool ok = rv_session_save_to(s, answer.data);
			if (ok)
				app_message(app, C_ST_COMPLETE, "Saved the whole data set to %s (the original files were not changed)", answer.data);
			else
				app_message(app, C_ERROR, "NOT SAVED to %s: %s", answer.data, s->error);
		}
	}
	sb_free(&answer);
}

/* < and > in the conflicts view: settle the conflict under the cursor. */
static void settle_conflict(struct app *app, bool mine)
{
	struct rv_session *s = app->session;
	long i = conflicts_view_current(app_current(app));
	if (i < 0) {
		app_message(app, C_DIM, s->nconflicts ? "Put the cursor on a conflict (M lists them)." : "No conflict to settle.");
		return;
	}
	char what[256];
	struct strbuf line;
	sb_init(&line);
	const struct rv_conflict *c = &s->conflicts[i];
	sb_addf(&line, "%s of %s%s%s: %s kept", c->kind == RV_CHANGE_STATUS ? "status" : c->kind == RV_CHANGE_DECISION ? "decision"
						   : c->kind == RV_CHANGE_PRIORITY ? "priority"
						   : c->kind == RV_CHANGE_FIELD ? rv_item_field_name((enum rv_kind)c->target, c->field)
										: "change",
		c->rec_id, c->item && *c->item ? " " : "", c->item ? c->item : "", mine ? "yours" : "theirs");
	snprintf(what, sizeof(what), "%s", line.data);
	sb_free(&line);
	bool ok = rv_conflict_resolve(s, (size_t)i, mine);
	if (!ok && !rv_session_files_unsaved(s) && s->nconflicts) {
		app_message(app, C_ERROR, "%s", s->error);
		return;
	}
	if (!s->nconflicts)
		snprintf(what + strlen(what), sizeof(what) - strlen(what), "; no conflict left");
	triage_report(app, ok, what);
}

bool triage_request(struct app *app, enum request req)
{
	switch (req) {
	case REQ_CHANGE_STATUS:
		change_state(app, true);
		return true;
	case REQ_CHANGE_DECISION:
		change_state(app, false);
		return true;
	case REQ_CHANGE_PRIORITY:
		change_priority(app);
		return true;
	case REQ_ADD_NOTE:
		add_note(app);
		return true;
	case REQ_ITEM_STATUS:
		/* e edits the item under the cursor: a note's text here, a deliverable's or question's status there. */
		if (rec_view_current_note(app_current(app)) < 0)
			return item_request(app, req);
		amend_note(app);
		return true;
	case REQ_RETRACT_NOTE:
		retract_note(app);
		return true;
	case REQ_AGENDA_TOGGLE:
		agenda_toggle(app);
		return true;
	case REQ_AGENDA_UP:
		agenda_move(app, -1);
		return true;
	case REQ_AGENDA_DOWN:
		agenda_move(app, 1);
		return true;
	case REQ_AGENDA_MINUTES:
		agenda_set_minutes(app);
		return true;
	case REQ_VIEW_AGENDA:
		app_open(app, agenda_view_new(app));
		return true;
	case REQ_UNDO:
		undo_redo(app, true);
		return true;
	case REQ_REDO:
		undo_redo(app, false);
		return true;
	case REQ_VIEW_CHANGES:
		app_open(app, changes_view_new(app));
		return true;
	case REQ_VIEW_OTHERS:
		app_open(app, others_view_new(app));
		return true;
	case REQ_SAVE:
		save_again(app);
		return true;
	case REQ_EXPORT:
		export_view(app);
		return true;
	case REQ_WRITE_MINUTES:
		minutes_write(app, true);
		return true;
	case REQ_VIEW_CONFLICTS:
		app_open(app, conflicts_view_new(app));
		return true;
	case REQ_KEEP_MINE:
	case REQ_KEEP_THEIRS:
		settle_conflict(app, req == REQ_KEEP_MINE);
		return true;
	default:
		return item_request(app, req);
	}
}
