/*
 * item_ui.c - the keys for a recommendation's items: the owner (of a recommendation or a
 * deliverable), a deliverable's status and due date (a new date asks for the reason, kept with the
 * earlier one), a question's answer and status. Each asks on the prompt, then changes through the
 * session (triage.h rv_change_item_field): refused when read-only, undone with u.
 */
#include "recview/triage_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/date.h"
#include "recview/items.h"
#include "recview/tags.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"

static struct prompt_history owner_history, due_history, reason_history, answer_history;

/* "SSR1-3 deliverable 2", sanitised, into buf. */
static void describe(struct app *app, struct rv_item it, char *buf, size_t size)
{
	struct strbuf raw, clean;
	sb_init(&raw);
	sb_init(&clean);
	rv_item_describe(app->m, it, &raw);
	text_sanitize(&clean, raw.data, raw.len, 0);
	snprintf(buf, size, "%s", clean.data);
	sb_free(&raw);
	sb_free(&clean);
}

/* The deliverable or question under the cursor, of one of the kinds wanted; false (said so) when none. */
static bool current_item(struct app *app, bool deliverable, bool question, struct rv_item *out)
{
	if (view_current_item(app_current(app), out) &&
	    ((deliverable && out->kind == RV_DELIVERABLES) || (question && out->kind == RV_QUESTIONS)))
		return true;
	app_message(app, C_WARNING, "Put the cursor on a %s first (%s lists them, or the recommendation's page)",
		    deliverable && question ? "deliverable or a question" : deliverable ? "deliverable" : "question",
		    deliverable && question ? "d or a" : deliverable ? "d" : "a");
	return false;
}

/* The field's value now as the prompt's starting text (sanitised, on one line). */
static void current_value(struct app *app, struct rv_item it, int field, struct strbuf *out)
{
	char *now = rv_item_field_value(app->m, it, field);
	sb_reset(out);
	if (now)
		text_sanitize(out, now, strlen(now), 0);
	for (size_t i = 0; i < out->len; i++)
		if (out->data[i] == '\n' || out->data[i] == '\r' || out->data[i] == '\t')
			out->data[i] = ' ';
	free(now);
}

/* Asks with the field's value now as the starting text. */
static bool ask_from(struct app *app, const char *label, struct strbuf *value, const struct word_list *wl,
		     struct prompt_history *history)
{
	char *initial = xstrdup(value->data);
	bool ok = triage_ask(app, label, initial, value, wl, history);
	free(initial);
	return ok;
}

/* Reports a change that was made (or already so: nothing to undo then). */
static void done(struct app *app, bool ok, size_t applied_before, const char *what, const char *already)
{
	if (ok && app->session->applied == applied_before) {
		app_message(app, C_DIM, "%s", already);
		return;
	}
	triage_report(app, ok, what);
}

/*
 * The tagged items a key acts on: those of kind a (and kind b, when not RV_KIND_COUNT), after ';' or
 * a y to "apply to the 7 tagged?". 0: the one under the cursor instead; SIZE_MAX: nothing (said why).
 */
static size_t pick_tagged(struct app *app, enum rv_kind a, enum rv_kind b, struct rv_item **out)
{
	*out = NULL;
	bool prefix = tags_take_prefix(app);
	size_t n = tags_count(app, a) + (b != RV_KIND_COUNT ? tags_count(app, b) : 0);
	if (!n) {
		if (!prefix)
			return 0;
		app_message(app, C_WARNING, "Nothing of that kind is tagged (T tags the line): nothing was changed");
		return SIZE_MAX;
	}
	if (!prefix) {
		char question[128];
		snprintf(question, sizeof(question), "apply to the %zu tagged? y/n (n: only this one) ", n);
		if (!prompt_confirm(app, question))
			return 0;
	}
	struct rv_item *first, *second = NULL;
	size_t na = tags_list(app, a, &first), nb = b != RV_KIND_COUNT ? tags_list(app, b, &second) : 0;
	*out = xreallocarray(first, na + nb + 1, sizeof(**out));
	if (nb)
		memcpy(*out + na, second, nb * sizeof(**out));
	free(second);
	return na + nb;
}

/* One field set on each of n items as one group (one save, one undo step); none of it when one is
 * refused. */
static bool set_each(struct app *app, const struct rv_item *items, size_t n, bool (*set)(struct app *, struct rv_item,
											  const void *),
		     const void *ctx)
{
	struct rv_session *s = app->session;
	rv_session_begin_group(s);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++)
		ok = set(app, items[i], ctx);
	return rv_session_finish_group(s, ok);
}

bool triage_set_owner(struct app *app, struct rv_item it, const char *owner)
{
	int field = it.kind == RV_RECS ? REC_OWNER : it.kind == RV_DELIVERABLES ? DEL_RESPONSIBLE : -1;
	if (field < 0) {
		snprintf(app->session->error, sizeof(app->session->error), "only a recommendation or a deliverable has an owner");
		return false;
	}
	bool ok = rv_change_item_field(app->session, it, field, owner, NULL);
	if (!ok && triage_offer_utf8(app))
		ok = rv_change_item_field(app->session, it, field, owner, NULL);
	return ok;
}

/* Owners already named in the data set, for Tab: the recommendations' and the deliverables'. */
static size_t known_owners(const struct rv_model *m, const char **words, char **own, size_t max)
{
	size_t n = 0;
	for (int pass = 0; pass < 2; pass++) {
		enum rv_kind kind = pass ? RV_DELIVERABLES : RV_RECS;
		size_t total = pass ? rv_child_total(m, kind) : m->nrecs;
		for (size_t i = 0; i < total && n < max; i++) {
			struct rv_text t = pass ? rv_child_field(m, kind, i, DEL_RESPONSIBLE) : rv_rec_field(m, i, REC_OWNER);
			if (!t.len || t.len > 60)
				continue;
			struct strbuf sb;
			sb_init(&sb);
			text_sanitize(&sb, t.ptr, t.len, 0);
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++)
				seen = strcmp(words[k], sb.data) == 0;
			if (seen || !sb.len) {
				sb_free(&sb);
				continue;
			}
			own[n] = sb_detach(&sb);
			sb_free(&sb);
			words[n] = own[n];
			n++;
		}
	}
	return n;
}

static bool set_owner_one(struct app *app, struct rv_item it, const void *owner)
{
	return triage_set_owner(app, it, owner);
}

/* o on tagged recommendations and deliverables: one owner for all of them. */
static void set_owner_tagged(struct app *app, const struct rv_item *items, size_t n)
{
	char label[200], what[300];
	struct strbuf value;
	sb_init(&value);
	snprintf(label, sizeof(label), "owner of the %zu tagged (empty clears): ", n);
	if (triage_ask(app, label, NULL, &value, NULL, &owner_history)) {
		size_t before = app->session->applied;
		bool ok = set_each(app, items, n, set_owner_one, value.data);
		snprintf(what, sizeof(what), "owner of %zu tagged is now %.120s", n, value.len ? value.data : "nobody");
		done(app, ok, before, what, "The owners are already so: nothing changed");
	}
	sb_free(&value);
}

static void set_owner(struct app *app)
{
	struct rv_item it, *tagged;
	if (triage_read_only(app, REQ_SET_OWNER))
		return;
	size_t n = pick_tagged(app, RV_RECS, RV_DELIVERABLES, &tagged);
	if (n == SIZE_MAX)
		return;
	if (n) {
		set_owner_tagged(app, tagged, n);
		free(tagged);
		return;
	}
	if (!view_current_item(app_current(app), &it) || it.kind != RV_DELIVERABLES) {
		long rec = triage_selected_rec(app);
		if (rec < 0)
			return;
		it = (struct rv_item){RV_RECS, (size_t)rec};
	}
	char name[160], label[200], what[400];
	describe(app, it, name, sizeof(name));
	enum { MAX_OWNERS = 12 };
	const char *words[MAX_OWNERS];
	char *own[MAX_OWNERS];
	struct word_list wl = {words, known_owners(app->m, words, own, MAX_OWNERS)};
	struct strbuf value;
	sb_init(&value);
	current_value(app, it, it.kind == RV_RECS ? REC_OWNER : DEL_RESPONSIBLE, &value);
	snprintf(label, sizeof(label), "owner of %s (empty clears): ", name);
	if (ask_from(app, label, &value, wl.n ? &wl : NULL, &owner_history)) {
		size_t before = app->session->applied;
		bool ok = triage_set_owner(app, it, value.data);
		snprintf(what, sizeof(what), "owner of %s is now %.120s", name, value.len ? value.data : "nobody");
		done(app, ok, before, what, "The owner is already so: nothing changed");
	}
	for (size_t i = 0; i < wl.n; i++)
		free(own[i]);
	sb_free(&value);
}

struct field_value {
	int field;
	const char *value, *note;
};

static bool set_field_one(struct app *app, struct rv_item it, const void *ctx)
{
	const struct field_value *f = ctx;
	return rv_change_item_field(app->session, it, f->field, f->value, f->note);
}

/* e (or E with a reason) on tagged deliverables or questions: one value for all of them. */
static void set_field_tagged(struct app *app, const struct rv_item *items, size_t n, int field, const struct word_list *wl)
{
	bool due = items[0].kind == RV_DELIVERABLES && field == DEL_DUE;
	const char *what_field = due ? "due date" : "status";
	char label[200], what[300];
	struct strbuf value, reason;
	sb_init(&value);
	sb_init(&reason);
	snprintf(label, sizeof(label), "%s of the %zu tagged: ", what_field, n);
	bool asked = triage_ask(app, label, NULL, &value, wl, due ? &due_history : NULL) && value.len;
	if (asked && due) {
		snprintf(label, sizeof(label), "reason for the new date (kept with each old one): ");
		asked = triage_ask(app, label, NULL, &reason, NULL, &reason_history);
		if (asked && !reason.len) {
			app_message(app, C_WARNING, "Not changed: a new due date needs its reason");
			asked = false;
		}
	}
	if (asked) {
		size_t before = app->session->applied;
		struct field_value f = {field, value.data, reason.len ? reason.data : NULL};
		bool ok = set_each(app, items, n, set_field_one, &f);
		snprintf(what, sizeof(what), "%s of %zu tagged is now %.60s", what_field, n, value.data);
		done(app, ok, before, what, "They are so already: nothing changed");
	}
	sb_free(&value);
	sb_free(&reason);
}

static void item_status(struct app *app)
{
	static const char *const statuses[] = {"not started", "in planning", "in progress", "behind schedule", "complete"};
	static const char *const qstates[] = {"open", "answered", "follow-up", "closed"};
	static const struct word_list status_words = {statuses, 5}, qstate_words = {qstates, 4};
	struct rv_item it, *tagged = NULL;
	if (!current_item(app, true, true, &it) || triage_read_only(app, REQ_ITEM_STATUS))
		return;
	bool question = it.kind == RV_QUESTIONS;
	int field = question ? Q_STATUS : DEL_STATUS;
	/* Tagged items of the kind under the cursor: a question's states are not a deliverable's. */
	size_t n = pick_tagged(app, it.kind, RV_KIND_COUNT, &tagged);
	if (n == SIZE_MAX)
		return;
	if (n) {
		set_field_tagged(app, tagged, n, field, question ? &qstate_words : &status_words);
		free(tagged);
		return;
	}
	char name[160], label[200], what[400];
	describe(app, it, name, sizeof(name));
	struct strbuf value;
	sb_init(&value);
	current_value(app, it, field, &value);
	if (question && !value.len)
		sb_adds(&value, rv_qstatus_name(rv_question_state(app->m, it.index)));
	snprintf(label, sizeof(label), "status of %s: ", name);
	if (ask_from(app, label, &value, question ? &qstate_words : &status_words, NULL) && value.len) {
		size_t before = app->session->applied;
		bool ok = rv_change_item_field(app->session, it, field, value.data, NULL);
		snprintf(what, sizeof(what), "status of %s is now %.60s", name, value.data);
		done(app, ok, before, what, "The status is already so: nothing changed");
	}
	sb_free(&value);
}

static void set_due(struct app *app)
{
	struct rv_item it, *tagged = NULL;
	if (!current_item(app, true, false, &it) || triage_read_only(app, REQ_SET_DUE))
		return;
	size_t n = pick_tagged(app, RV_DELIVERABLES, RV_KIND_COUNT, &tagged);
	if (n == SIZE_MAX)
		return;
	if (n) {
		set_field_tagged(app, tagged, n, DEL_DUE, NULL);
		free(tagged);
		return;
	}
	char name[160], label[300], what[400];
	describe(app, it, name, sizeof(name));
	struct strbuf value, reason, was;
	sb_init(&value);
	sb_init(&reason);
	sb_init(&was);
	current_value(app, it, DEL_DUE, &was);
	snprintf(label, sizeof(label), "due date of %s (YYYY-MM-DD, YYYY-MM or 2016-Q3; now %.40s): ", name,
		 was.len ? was.data : "none");
	struct rv_date_value parsed;
	if (!triage_ask(app, label, NULL, &value, NULL, &due_history) || !value.len) {
		/* cancelled */
	} else if (rv_date_read(value.data, value.len, RV_DATE_DAY_FIRST, &parsed) == RV_DATE_BAD) {
		/* Said before the reason is asked for: the session would refuse it the same way. */
		struct strbuf shown;
		sb_init(&shown);
		text_sanitize(&shown, value.data, value.len, 0);
		app_message(app, C_ERROR, "Not changed: bad date '%.40s': use YYYY-MM-DD, YYYY-MM or a quarter (2016-Q3)",
			    shown.data);
		sb_free(&shown);
	} else {
		snprintf(label, sizeof(label), "reason for the new date (kept with %.40s): ", was.len ? was.data : "the old one");
		if (triage_ask(app, label, NULL, &reason, NULL, &reason_history)) {
			if (!reason.len) {
				app_message(app, C_WARNING, "Not changed: a new due date needs its reason");
			} else {
				size_t before = app->session->applied;
				bool ok = rv_change_item_field(app->session, it, DEL_DUE, value.data, reason.data);
				if (!ok && triage_offer_utf8(app))
					ok = rv_change_item_field(app->session, it, DEL_DUE, value.data, reason.data);
				snprintf(what, sizeof(what), "%s is now due %.40s (was %.40s)", name, value.data,
					 was.len ? was.data : "none");
				done(app, ok, before, what, "That is the due date already: nothing changed");
			}
		}
	}
	sb_free(&value);
	sb_free(&reason);
	sb_free(&was);
}

/*
 * The answer, and a question whose status says open (or follow-up) becomes answered with it, as one
 * change (undone together). Without a status the answer alone makes it answered.
 */
static void answer(struct app *app)
{
	struct rv_item it;
	if (!current_item(app, false, true, &it) || triage_read_only(app, REQ_ANSWER))
		return;
	struct rv_session *s = app->session;
	char name[160], label[200], what[400];
	describe(app, it, name, sizeof(name));
	struct strbuf value;
	sb_init(&value);
	current_value(app, it, Q_ANSWER, &value);
	snprintf(label, sizeof(label), "answer to %s: ", name);
	if (ask_from(app, label, &value, NULL, &answer_history)) {
		size_t before = s->applied;
		enum rv_qstatus st = (enum rv_qstatus)rv_child_at(app->m, RV_QUESTIONS, it.index)->status;
		rv_session_begin_group(s);
		bool ok = rv_change_item_field(s, it, Q_ANSWER, value.data, NULL);
		if (!ok && triage_offer_utf8(app))
			ok = rv_change_item_field(s, it, Q_ANSWER, value.data, NULL);
		bool answered = ok && value.len && s->applied != before;
		if (answered && rv_qstatus_is_open(st))
			ok = rv_change_item_field(s, it, Q_STATUS, "answered", NULL);
		bool saved = rv_session_end_group(s);
		snprintf(what, sizeof(what), "%s %s", name, value.len ? "answered" : "has no answer now");
		done(app, ok && saved, before, what, "That is the answer already: nothing changed");
	}
	sb_free(&value);
}

bool item_request(struct app *app, enum request req)
{
	switch (req) {
	case REQ_SET_OWNER:
		set_owner(app);
		return true;
	case REQ_ITEM_STATUS:
		item_status(app);
		return true;
	case REQ_SET_DUE:
		set_due(app);
		return true;
	case REQ_ANSWER:
		answer(app);
		return true;
	default:
		return false;
	}
}
