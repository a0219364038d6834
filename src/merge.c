/*
 * merge.c - carrying the session's unsaved changes onto files someone else saved meanwhile: a
 * three-way merge by value (base: what a change found; ours: what it set; theirs: the files now).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/change.h"
#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/text.h"

static const char *const field_names[] = {"status", "decision", "priority", "note", "agenda entry", "agenda entry",
					  "agenda place", "field", "agenda minutes"};

/* What a conflict is about: "status", or a field of an item ("owner of D2"). */
static void conflict_subject(const struct rv_conflict *c, struct strbuf *out)
{
	if (c->kind != RV_CHANGE_FIELD) {
		sb_adds(out, field_names[c->kind]);
		return;
	}
	const char *name = rv_item_field_name((enum rv_kind)c->target, c->field);
	sb_adds(out, name ? name : "field");
	if (c->item && *c->item)
		sb_addf(out, " of %s", c->item);
}

void rv_conflict_free(struct rv_conflict *c)
{
	free(c->rec_id);
	free(c->item);
	free(c->base);
	free(c->ours);
	free(c->theirs);
	free(c->their_author);
	free(c->their_date);
	for (size_t i = 0; i < c->nheld; i++)
		rv_change_free(&c->held[i]);
	free(c->held);
	memset(c, 0, sizeof(*c));
}

static const char *shown(const char *v)
{
	return v && *v ? v : "(none)";
}

void rv_conflict_describe(const struct rv_conflict *c, struct strbuf *out)
{
	struct strbuf line;
	sb_init(&line);
	conflict_subject(c, &line);
	sb_addf(&line, " of %s: ", c->rec_id);
	if (c->gone) {
		sb_addf(&line, "yours %s, but %s is no longer in the files",
			c->kind <= RV_CHANGE_PRIORITY || c->kind == RV_CHANGE_FIELD ? shown(c->ours) : "(an agenda change)",
			c->kind == RV_CHANGE_FIELD && c->item && *c->item ? "the item" : "the recommendation");
	} else {
		sb_addf(&line, "yours %s, theirs %s", shown(c->ours), shown(c->theirs));
		if (c->their_author || c->their_date)
			sb_addf(&line, " (%s%s%s)", c->their_author ? c->their_author : "",
				c->their_author && c->their_date ? ", " : "", c->their_date ? c->their_date : "");
		sb_addf(&line, ", both changed from %s", shown(c->base));
	}
	text_sanitize(out, line.data, line.len, 0);
	sb_free(&line);
}

/* Who set a field last, and when, as changes.csv says. */
static void their_field_author(const struct rv_model *m, size_t rec, const struct rv_change *c, struct rv_conflict *cf)
{
	struct rv_item it;
	const char *item = c->item ? c->item : "";
	if (!rv_item_find(m, rec, item, strlen(item), &it))
		return;
	long row = rv_changelog_latest(m, it, c->field);
	if (row < 0)
		return;
	struct rv_text author = rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_AUTHOR);
	struct rv_text time = rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_TIME);
	if (author.len)
		cf->their_author = xstrndup(author.ptr, author.len);
	if (time.len)
		cf->their_date = xstrndup(time.ptr, time.len < 10 ? time.len : 10);
}

/* Who set the status or decision last, and when, as the history says ("recview: NAME" rows name it). */
static void their_author(const struct rv_model *m, size_t rec, const struct rv_change *c, struct rv_conflict *cf)
{
	enum rv_change_kind kind = c->kind;
	if (kind == RV_CHANGE_FIELD) {
		their_field_author(m, rec, c, cf);
		return;
	}
	if (kind != RV_CHANGE_STATUS && kind != RV_CHANGE_DECISION)
		return;
	for (size_t k = rv_rec_child_count(m, rec, RV_HISTORY); k > 0; k--) {
		size_t i = rv_rec_child_index(m, rec, RV_HISTORY, k - 1);
		const struct rv_child *h = rv_child_at(m, RV_HISTORY, i);
		if (kind == RV_CHANGE_STATUS ? h->status == RV_STATUS_NONE : h->decision == RV_DECISION_NONE)
			continue;
		struct rv_text src = rv_child_role(m, RV_HISTORY, i, RV_ROLE_SOURCE);
		struct rv_text date = rv_child_role(m, RV_HISTORY, i, RV_ROLE_DATE);
		static const char prefix[] = "recview: ";
		size_t skip = src.len >= sizeof(prefix) - 1 && memcmp(src.ptr, prefix, sizeof(prefix) - 1) == 0
				      ? sizeof(prefix) - 1
				      : 0;
		if (src.len > skip)
			cf->their_author = xstrndup(src.ptr + skip, src.len - skip);
		if (date.len)
			cf->their_date = xstrndup(date.ptr, date.len);
		return;
	}
}

/* Whether a conflict is about the field change c sets. */
static bool same_field(const struct rv_conflict *cf, const struct rv_change *c)
{
	if (!rv_change_sets_value(c) || cf->kind != c->kind)
		return false;
	return c->kind != RV_CHANGE_FIELD || (cf->target == c->target && cf->field == c->field &&
					      strcmp(cf->item ? cf->item : "", c->item ? c->item : "") == 0);
}

static struct rv_conflict *find_conflict(struct rv_session *s, const struct rv_change *c)
{
	for (size_t i = 0; i < s->nconflicts; i++) {
		struct rv_conflict *cf = &s->conflicts[i];
		if (strcmp(cf->rec_id, c->rec_id) != 0)
			continue;
		if ((cf->gone && !cf->item) || same_field(cf, c))
			return cf;
	}
	return NULL;
}

/* Holds change c (its strings move into the conflict) in the conflict of its field, made if need be. */
static void hold(struct rv_session *s, struct rv_change *c, char *theirs, bool gone)
{
	struct rv_conflict *cf = find_conflict(s, c);
	if (!cf) {
		s->conflicts = xreallocarray(s->conflicts, s->nconflicts + 1, sizeof(*s->conflicts));
		cf = &s->conflicts[s->nconflicts++];
		memset(cf, 0, sizeof(*cf));
		cf->rec_id = xstrdup(c->rec_id);
		cf->kind = c->kind;
		cf->target = c->target;
		cf->field = c->field;
		cf->item = c->item ? xstrdup(c->item) : NULL;
		cf->base = xstrdup(c->before ? c->before : "");
		cf->theirs = theirs;
		theirs = NULL;
		cf->gone = gone;
		long rec = gone ? -1 : rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
		if (rec >= 0)
			their_author(s->m, (size_t)rec, c, cf);
	}
	free(theirs);
	free(cf->ours);
	cf->ours = xstrdup(c->after ? c->after : "");
	cf->held = xreallocarray(cf->held, cf->nheld + 1, sizeof(*cf->held));
	cf->held[cf->nheld++] = *c;
	memset(c, 0, sizeof(*c));
}

enum rebase { REBASE_APPLY, REBASE_NOOP, REBASE_HOLD };

/* What to do with one of our unsaved changes on their files; *theirs: their value when held. */
static enum rebase rebase_one(struct rv_session *s, struct rv_change *c, char **theirs, bool *gone)
{
	*theirs = NULL;
	*gone = false;
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	if (c->kind == RV_CHANGE_NOTE)
		return REBASE_APPLY; /* rows added on both sides are all kept */
	if (rec < 0) {
		*gone = true;
		return REBASE_HOLD;
	}
	if (rv_change_sets_value(c)) {
		if (find_conflict(s, c))
			return REBASE_HOLD; /* an earlier change of ours to the same field waits for the user */
		char *now = rv_change_value_now(s->m, c);
		if (!now) {
			*gone = true; /* its item (a deliverable, a question) is no longer there */
			return REBASE_HOLD;
		}
		if (rv_change_same_value(c, now, c->before) || rv_change_same_value(c, now, c->after)) {
			free(now);
			return REBASE_APPLY;
		}
		*theirs = now;
		return REBASE_HOLD;
	}
	long at = rv_agenda_position(s, (size_t)rec);
	switch (c->kind) {
	case RV_CHANGE_AGENDA_ADD:
		return at >= 0 ? REBASE_NOOP : REBASE_APPLY;
	case RV_CHANGE_AGENDA_REMOVE:
		return at < 0 ? REBASE_NOOP : REBASE_APPLY;
	case RV_CHANGE_AGENDA_MINUTES:
		return at < 0 ? REBASE_NOOP : REBASE_APPLY; /* the budget set last wins */
	default: {
		if (at < 0)
			return REBASE_NOOP;
		/* Moved by as many places, from where it is now. */
		long to = at + (c->agenda_to - c->agenda_from);
		c->agenda_from = at;
		c->agenda_to = to < 0 ? 0 : to >= (long)s->nagenda ? (long)s->nagenda - 1 : to;
		return REBASE_APPLY;
	}
	}
}

/* The session moves onto fresh: the old model is freed, fresh takes its place at the same address. */
static void switch_model(struct rv_session *s, struct rv_model *fresh)
{
	rv_session_clear_agenda(s);
	/* Views built on the old model see a newer generation, whatever the fresh one counted. */
	unsigned long generation = s->m->generation;
	rv_model_free(s->m);
	rv_model_move(s->m, fresh);
	if (s->m->generation <= generation)
		s->m->generation = generation + 1;
	s->model_serial++;
	memset(s->unsaved, 0, sizeof(s->unsaved));
	for (int k = 0; k < RV_KIND_COUNT; k++)
		s->gen[k]++;
	rv_session_stamp_tables(s);
	rv_session_load_agenda(s);
}

bool rv_session_merge(struct rv_session *s, struct rv_model *fresh)
{
	rv_session_wait(s);
	size_t on_disk = s->saved_applied < s->applied ? s->saved_applied : s->applied;
	switch_model(s, fresh);

	/* Saved changes undone since: their files hold them, so they are undone again, by value. */
	size_t not_undone = 0;
	for (size_t i = s->saved_applied; i > s->applied; i--)
		not_undone += !rv_change_unapply(s, &s->changes[i - 1]);

	size_t kept = on_disk, merged = 0;
	for (size_t i = on_disk; i < s->applied; i++) {
		struct rv_change c = s->changes[i];
		char *theirs;
		bool gone;
		switch (rebase_one(s, &c, &theirs, &gone)) {
		case REBASE_APPLY:
			rv_change_apply(s, &c);
			merged++;
			s->changes[kept++] = c;
			break;
		case REBASE_NOOP:
			c.noop = true;
			s->changes[kept++] = c;
			break;
		case REBASE_HOLD:
			hold(s, &c, theirs, gone);
			break;
		}
	}
	/* Held changes leave the log; the redo list stays after what is in effect. */
	size_t held = s->applied - kept;
	if (s->n > s->applied) /* a session without changes has no log at all: nothing to move */
		memmove(s->changes + kept, s->changes + s->applied, (s->n - s->applied) * sizeof(*s->changes));
	s->n -= held;
	s->applied = kept;
	s->saved_applied = on_disk;
	s->merged = merged;
	s->conflict = false;
	s->error[0] = '\0';
	if (not_undone)
		snprintf(s->error, sizeof(s->error), "%zu undo%s of saved changes could not be made again: changed on disk since",
			 not_undone, not_undone == 1 ? "" : "s");
	if (!rv_session_files_unsaved(s))
		return true;
	return rv_session_save(s);
}

/* A new entry at the end of the log, dropping what could have been redone (as a new change does). */
static struct rv_change *log_slot(struct rv_session *s)
{
	for (size_t i = s->applied; i < s->n; i++)
		rv_change_free(&s->changes[i]);
	s->n = s->applied;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->changes = xreallocarray(s->changes, s->cap, sizeof(*s->changes));
	}
	return &s->changes[s->n];
}

bool rv_conflict_resolve(struct rv_session *s, size_t i, bool keep_ours)
{
	if (i >= s->nconflicts) {
		snprintf(s->error, sizeof(s->error), "no such conflict");
		return false;
	}
	struct rv_conflict *cf = &s->conflicts[i];
	long rec = rv_find_rec(s->m, cf->rec_id, strlen(cf->rec_id));
	if (keep_ours && (cf->gone || rec < 0)) {
		snprintf(s->error, sizeof(s->error),
			 "%s is no longer in recommendations.csv, so yours cannot be made on it: keep theirs, or save elsewhere",
			 cf->rec_id);
		return false;
	}
	struct rv_conflict taken = *cf;
	memmove(cf, cf + 1, (s->nconflicts - i - 1) * sizeof(*cf));
	s->nconflicts--;
	if (keep_ours) {
		/* Made on top of theirs: each starts from the value it finds, so that undo puts theirs back. */
		for (size_t k = 0; k < taken.nheld; k++) {
			struct rv_change *c = log_slot(s);
			*c = taken.held[k];
			free(c->before);
			c->before = rv_change_value_now(s->m, c);
			if (!c->before)
				c->before = xstrdup("");
			c->noop = false;
			rv_change_apply(s, c);
			s->n++;
			s->applied = s->n;
		}
		taken.nheld = 0;
	}
	rv_conflict_free(&taken);
	s->error[0] = '\0';
	if (!rv_session_files_unsaved(s))
		return true;
	return rv_session_persist(s);
}
