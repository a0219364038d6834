/* triage_ui.c - the triage keys: each asks what it needs on the prompt, then changes and saves. */
#include "recview/triage_ui.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>

#include "recview/arena.h"
#include "recview/change.h"

#include "recview/export.h"
#include "recview/export_target.h"
#include "recview/finding.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"

static struct prompt_history value_history, note_history, export_history;

/* Completion among a fixed list of words (the whole text is the word). */
struct word_list {
	const char *const *words;
	size_t n;
};

static void complete_word(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	const struct word_list *wl = data;
	char *prefix = xstrndup(text->data, *cursor);
	finding_complete(app, text, cursor, 0, prefix, wl->words, wl->n, "");
	free(prefix);
}

/* Asks on the prompt; false when cancelled. */
static bool ask(struct app *app, const char *label, const char *initial, struct strbuf *out, const struct word_list *wl,
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

/* Says what happened: saved, or kept in memory and why not saved. */
static void report(struct app *app, bool ok, const char *what)
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

static long selected_rec(struct app *app)
{
	long rec = view_current_rec(app_current(app));
	if (rec < 0)
		app_message(app, C_WARNING, "Select a recommendation first.");
	return rec;
}

static bool read_only(struct app *app, enum request req)
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
static bool offer_utf8(struct app *app)
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

static void change_state(struct app *app, bool status)
{
	static const char *const statuses[] = {"not started", "in planning", "in progress", "behind schedule", "complete"};
	static const char *const decisions[] = {"pending", "approved", "rejected"};
	static const struct word_list status_words = {statuses, 5}, decision_words = {decisions, 3};
	long rec = selected_rec(app);
	if (rec < 0 || read_only(app, status ? REQ_CHANGE_STATUS : REQ_CHANGE_DECISION))
		return;
	char id[64], label[128], today[16], what[256];
	id_of(app, rec, id, sizeof(id));
	struct strbuf value, note, date;
	sb_init(&value);
	sb_init(&note);
	sb_init(&date);
	rv_today(today);
	snprintf(label, sizeof(label), "%s of %s: ", status ? "status" : "decision", id);
	if (ask(app, label, NULL, &value, status ? &status_words : &decision_words, &value_history) && value.len) {
		snprintf(label, sizeof(label), "note for %s (optional): ", id);
		if (ask(app, label, NULL, &note, NULL, &note_history)) {
			snprintf(label, sizeof(label), "date of the change: ");
			if (ask(app, label, today, &date, NULL, NULL)) {
				bool ok = false;
				for (int attempt = 0; attempt < 2; attempt++) {
					ok = status ? rv_change_status(app->session, (size_t)rec, value.data, note.data, date.data)
						    : rv_change_decision(app->session, (size_t)rec, value.data, note.data, date.data);
					if (ok || attempt || !offer_utf8(app))
						break;
				}
				snprintf(what, sizeof(what), "%s of %s is now %s", status ? "status" : "decision", id, value.data);
				report(app, ok, what);
			}
		}
	}
	sb_free(&value);
	sb_free(&note);
	sb_free(&date);
}

static void change_priority(struct app *app)
{
	static const char *const priorities[] = {"P1", "P2", "P3", "P4"};
	static const struct word_list words = {priorities, 4};
	long rec = selected_rec(app);
	if (rec < 0 || read_only(app, REQ_CHANGE_PRIORITY))
		return;
	char id[64], label[96], what[128];
	id_of(app, rec, id, sizeof(id));
	struct rv_text now = rv_rec_field(app->m, (size_t)rec, REC_PRIORITY);
	char current[16];
	snprintf(current, sizeof(current), "%.*s", (int)now.len, now.ptr);
	struct strbuf value;
	sb_init(&value);
	snprintf(label, sizeof(label), "priority of %s (empty clears): ", id);
	if (ask(app, label, current, &value, &words, &value_history)) {
		bool ok = rv_change_priority(app->session, (size_t)rec, value.data);
		snprintf(what, sizeof(what), "priority of %s is now %s", id, value.len ? value.data : "none");
		report(app, ok, what);
	}
	sb_free(&value);
}

static void add_note(struct app *app)
{
	long rec = selected_rec(app);
	if (rec < 0 || read_only(app, REQ_ADD_NOTE))
		return;
	char id[64], label[96], what[128];
	id_of(app, rec, id, sizeof(id));
	struct strbuf note;
	sb_init(&note);
	snprintf(label, sizeof(label), "note on %s: ", id);
	if (ask(app, label, NULL, &note, NULL, &note_history) && note.len) {
		bool ok = rv_add_note(app->session, (size_t)rec, note.data);
		if (!ok && offer_utf8(app))
			ok = rv_add_note(app->session, (size_t)rec, note.data);
		snprintf(what, sizeof(what), "note added to %s", id);
		report(app, ok, what);
	}
	sb_free(&note);
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
	if (read_only(app, req))
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
	report(app, ok, what);
}

static void amend_note(struct app *app)
{
	long note = own_note(app, REQ_AMEND_NOTE);
	if (note < 0)
		return;
	char which[160], label[200], what[200];
	note_words(app, note, which, sizeof(which));
	snprintf(label, sizeof(label), "amend the %s: ", which);
	struct rv_text now = rv_child_field(app->m, RV_NOTES, (size_t)note, NOTE_TEXT);
	char *initial = xstrndup(now.ptr, now.len);
	struct strbuf text;
	sb_init(&text);
	if (ask(app, label, initial, &text, NULL, &note_history)) {
		if (!text.len) {
			app_message(app, C_DIM, "An empty note is a retracted one: X retracts it.");
		} else {
			struct rv_item it = {RV_NOTES, (size_t)note};
			bool ok = rv_change_item_field(app->session, it, NOTE_TEXT, text.data, NULL);
			if (!ok && offer_utf8(app))
				ok = rv_change_item_field(app->session, it, NOTE_TEXT, text.data, NULL);
			snprintf(what, sizeof(what), "%s amended", which);
			report(app, ok, what);
		}
	}
	free(initial);
	sb_free(&text);
}

static void agenda_toggle(struct app *app)
{
	long rec = selected_rec(app);
	if (rec < 0 || read_only(app, REQ_AGENDA_TOGGLE))
		return;
	char id[64], what[128];
	id_of(app, rec, id, sizeof(id));
	bool was = rv_agenda_position(app->session, (size_t)rec) >= 0;
	bool ok = rv_agenda_toggle(app->session, (size_t)rec);
	snprintf(what, sizeof(what), "%s %s the agenda (%zu item%s)", id, was ? "removed from" : "added to",
		 app->session->nagenda, app->session->nagenda == 1 ? "" : "s");
	report(app, ok, what);
}

static void agenda_move(struct app *app, int delta)
{
	long rec = selected_rec(app);
	if (rec < 0 || read_only(app, delta < 0 ? REQ_AGENDA_UP : REQ_AGENDA_DOWN))
		return;
	char id[64], what[128];
	id_of(app, rec, id, sizeof(id));
	bool ok = rv_agenda_move(app->session, (size_t)rec, delta);
	long at = rv_agenda_position(app->session, (size_t)rec);
	snprintf(what, sizeof(what), "%s is item %ld of the agenda", id, at + 1);
	report(app, ok, what);
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
	if (read_only(app, undo ? REQ_UNDO : REQ_REDO))
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
	report(app, ok, what);
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
	if (ask(app, label, s->conflict ? "merge" : "retry", &answer, NULL, NULL)) {
		if (strcmp(answer.data, "retry") == 0) {
			report(app, rv_session_save(s), "all changes");
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

/* A yes-or-no question on the prompt line: one key, y (or Y) for yes, anything else for no. */
/* The document the view shows: the minutes of the session, the agenda or the filtered list. */
static void export_document(struct app *app, bool minutes, bool agenda, bool csv, struct strbuf *data)
{
	struct rv_session *s = app->session;
	if (minutes) {
		rv_session_minutes(s, data);
		return;
	}
	uint32_t *recs = xcalloc(app->m->nrecs + 1, sizeof(*recs));
	size_t n = 0;
	if (agenda) {
		for (size_t i = 0; i < s->nagenda; i++)
			recs[n++] = s->agenda[i].rec;
	} else {
		n = rv_query_select(app->m, app->query, (enum rv_sort_key)app->sort_key, app->sort_reverse, recs);
	}
	if (csv)
		rv_export_csv(app->m, recs, n, data);
	else
		rv_export_markdown(app->m, recs, n, agenda ? "Agenda" : "Recommendations", data);
	free(recs);
}

/*
 * Writes the export to path: never over a file of the data set (export_target.h says which), and
 * over another existing file only when the user says y.
 */
static void export_to(struct app *app, const char *path, bool minutes, bool agenda)
{
	struct rv_export_target t;
	char why[1024];
	enum rv_export_check check = rv_export_target_check(app->m->dir, path, &t, why, sizeof(why));
	if (check == RV_EXPORT_REFUSED) {
		app_message(app, C_ERROR, "NOT EXPORTED: %s", why);
		rv_export_target_free(&t);
		return;
	}
	if (check == RV_EXPORT_REPLACE) {
		struct strbuf question;
		sb_init(&question);
		sb_addf(&question, "replace %s? y/n ", t.path);
		bool yes = prompt_confirm(app, question.data);
		sb_free(&question);
		if (!yes) {
			app_message(app, C_WARNING, "Not exported: %s was left as it was", t.path);
			rv_export_target_free(&t);
			return;
		}
	}
	size_t n = strlen(path);
	bool csv = n > 4 && strcasecmp(path + n - 4, ".csv") == 0;
	struct strbuf data;
	sb_init(&data);
	export_document(app, minutes, agenda, csv, &data);
	char err[1024];
	if (rv_export_target_write(&t, data.data, data.len, app->session->ops, err, sizeof(err)))
		app_message(app, C_ST_COMPLETE, "Exported %s to %s", minutes ? "the minutes" : agenda ? "the agenda" : "the list",
			    t.path);
	else
		app_message(app, C_ERROR, "NOT EXPORTED: %s", err);
	sb_free(&data);
	rv_export_target_free(&t);
}

/* x: what the current view shows (the list, the agenda or the changes) to a Markdown or CSV file. */
static void export_view(struct app *app)
{
	struct view *v = app_current(app);
	bool agenda = v->ops->name && strcmp(v->ops->name, "agenda") == 0;
	bool minutes = v->ops->name && strcmp(v->ops->name, "changes") == 0;
	struct strbuf path;
	sb_init(&path);
	const char *initial = minutes ? "minutes.md" : agenda ? "agenda.md" : "recommendations.md";
	if (ask(app, "export to (.md or .csv): ", initial, &path, NULL, &export_history) && path.len)
		export_to(app, path.data, minutes, agenda);
	sb_free(&path);
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
	report(app, ok, what);
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
	case REQ_AMEND_NOTE:
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
	case REQ_SAVE:
		save_again(app);
		return true;
	case REQ_EXPORT:
		export_view(app);
		return true;
	case REQ_VIEW_CONFLICTS:
		app_open(app, conflicts_view_new(app));
		return true;
	case REQ_KEEP_MINE:
	case REQ_KEEP_THEIRS:
		settle_conflict(app, req == REQ_KEEP_MINE);
		return true;
	default:
		return false;
	}
}
