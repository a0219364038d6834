/* decided.c - the changes a meeting made to one recommendation, as the minutes and the slide tell them
 * (decided.h). */
#include "recview/decided.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/change.h"
#include "recview/changelog.h"
#include "recview/date.h"
#include "recview/entity.h"
#include "recview/recorded.h"
#include "recview/vocab.h"

void rv_change_label(const struct rv_change *c, struct strbuf *out)
{
	static const char *const labels[] = {"status", "decision", "priority", "note", "added to the agenda",
					     "removed from the agenda", "moved on the agenda", "field", "minutes on the agenda"};
	if (c->kind != RV_CHANGE_FIELD) {
		sb_adds(out, (size_t)c->kind < sizeof(labels) / sizeof(*labels) ? labels[c->kind] : "change");
		return;
	}
	const char *name = rv_item_field_name((enum rv_kind)c->target, c->field);
	if (c->target == RV_NOTES)
		name = c->after && *c->after ? "note amended" : "note retracted";
	sb_adds(out, name ? name : "field");
	if (c->item && *c->item && c->target != RV_NOTES) {
		sb_adds(out, " of ");
		sb_adds(out, c->item);
	}
}

bool rv_change_told_as_values(const struct rv_change *c)
{
	return c->kind <= RV_CHANGE_PRIORITY || (c->kind == RV_CHANGE_FIELD && c->target != RV_NOTES);
}

bool rv_change_is_decision(const struct rv_change *c)
{
	return c->kind == RV_CHANGE_STATUS || c->kind == RV_CHANGE_DECISION || c->kind == RV_CHANGE_PRIORITY ||
	       c->kind == RV_CHANGE_NOTE || c->kind == RV_CHANGE_FIELD;
}

size_t rv_session_decided(const struct rv_session *s, size_t rec, size_t *out, size_t max)
{
	struct rv_text id = rv_rec_id(s->m, rec);
	size_t n = 0;
	for (size_t i = 0; i < s->applied; i++) {
		const struct rv_change *c = &s->changes[i];
		if (!rv_change_is_decision(c) || c->noop || !c->rec_id || strlen(c->rec_id) != id.len ||
		    memcmp(c->rec_id, id.ptr, id.len) != 0)
			continue;
		if (n < max)
			out[n] = i;
		n++;
	}
	return n;
}

void rv_change_clock(const struct rv_change *c, char out[6])
{
	/* "2026-12-03T10:15:00": the hour and minute after the T. */
	out[0] = '\0';
	if (strlen(c->time) >= 16 && c->time[10] == 'T' && c->time[13] == ':') {
		memcpy(out, c->time + 11, 5);
		out[5] = '\0';
	}
}

static void value(struct strbuf *out, const char *s)
{
	sb_adds(out, s && *s ? s : "(none)");
}

void rv_decided_describe(const struct rv_change *c, bool ascii, struct strbuf *out)
{
	rv_change_label(c, out);
	if (c->kind == RV_CHANGE_NOTE) {
		sb_adds(out, " added: ");
		sb_adds(out, c->note ? c->note : "");
		return;
	}
	if (c->kind == RV_CHANGE_FIELD && c->target == RV_NOTES && c->after && *c->after) {
		sb_adds(out, ": ");
		sb_adds(out, c->after); /* the note as it reads now */
	}
	if (rv_change_told_as_values(c)) {
		sb_adds(out, ": ");
		value(out, c->before);
		sb_adds(out, ascii ? " -> " : " \xE2\x86\x92 ");
		value(out, c->after);
	}
	/* A change dated another day than it was made (set in the past): that day. */
	if (c->kind <= RV_CHANGE_DECISION && *c->date && strncmp(c->time, c->date, strlen(c->date)) != 0) {
		sb_adds(out, " (dated ");
		sb_adds(out, c->date);
		sb_adds(out, ")");
	}
	if (c->note && *c->note) {
		sb_adds(out, ascii ? " -- " : " \xE2\x80\x94 ");
		sb_adds(out, c->note);
	}
}

/* ---- the same from the files (a follower's slide) ---- */

static char *dup_text(struct rv_text t)
{
	return xstrndup(t.ptr, t.len);
}

/* A status, decision or priority as the session words it ("complete", "P1"), however the file spells it. */
static char *canonical(enum rv_change_kind kind, struct rv_text t)
{
	if (kind == RV_CHANGE_STATUS) {
		enum rv_status st = rv_status_parse(t.ptr, t.len);
		if (st != RV_STATUS_NONE && st != RV_STATUS_UNKNOWN)
			return xstrdup(rv_status_name(st));
	} else if (kind == RV_CHANGE_DECISION) {
		enum rv_decision d = rv_decision_parse(t.ptr, t.len);
		if (d != RV_DECISION_NONE && d != RV_DECISION_UNKNOWN)
			return xstrdup(rv_decision_name(d));
	} else if (kind == RV_CHANGE_PRIORITY) {
		int p = rv_priority_parse(t.ptr, t.len);
		if (p > 0) {
			char word[16];
			snprintf(word, sizeof(word), "P%d", p);
			return xstrdup(word);
		}
	}
	return dup_text(t);
}

/* A status or decision entry of the history, with its changes.csv row (what it replaced). */
static void from_history(const struct rv_model *m, const struct rv_recorded *r, struct rv_change *c)
{
	struct rv_text field = r->state_row >= 0 ? rv_child_field(m, RV_CHANGES, (size_t)r->state_row, CHG_FIELD)
						 : (struct rv_text){"", 0};
	struct rv_text status = rv_child_field(m, RV_HISTORY, r->child, HIST_STATUS);
	bool is_status = field.len ? field.len == 6 : status.len > 0;
	c->kind = is_status ? RV_CHANGE_STATUS : RV_CHANGE_DECISION;
	if (r->state_row >= 0)
		c->before = dup_text(rv_child_field(m, RV_CHANGES, (size_t)r->state_row, CHG_PREVIOUS));
	c->after = canonical(c->kind, rv_child_field(m, RV_HISTORY, r->child, is_status ? HIST_STATUS : HIST_DECISION));
	struct rv_text note = rv_child_field(m, RV_HISTORY, r->child, HIST_NOTE);
	c->note = note.len ? dup_text(note) : NULL;
	int32_t date = rv_child_at(m, RV_HISTORY, r->child)->date;
	if (date != RV_DATE_NONE)
		rv_date_format(date, c->date, sizeof(c->date));
}

/* A row of changes.csv: a priority, or a field of the recommendation or of one of its items. */
static void from_changes(const struct rv_model *m, const struct rv_recorded *r, struct rv_change *c)
{
	struct rv_text name = rv_child_field(m, RV_CHANGES, r->child, CHG_FIELD);
	struct rv_text item = rv_child_field(m, RV_CHANGES, r->child, CHG_ITEM);
	struct rv_text note = rv_child_field(m, RV_CHANGES, r->child, CHG_NOTE);
	enum rv_kind target = !item.len ? RV_RECS
			      : item.ptr[0] == 'D' ? RV_DELIVERABLES
			      : item.ptr[0] == 'Q' ? RV_QUESTIONS
						   : RV_NOTES;
	bool priority = target == RV_RECS && name.len == 8 && memcmp(name.ptr, "priority", 8) == 0;
	c->kind = priority ? RV_CHANGE_PRIORITY : RV_CHANGE_FIELD;
	c->target = (int)target;
	c->field = rv_item_field_parse(target, name.ptr, name.len);
	c->item = dup_text(item);
	c->before = dup_text(rv_child_field(m, RV_CHANGES, r->child, CHG_PREVIOUS));
	c->after = canonical(c->kind, rv_child_field(m, RV_CHANGES, r->child, CHG_VALUE));
	c->note = note.len ? dup_text(note) : NULL;
}

static void from_recorded(const struct rv_model *m, size_t rec, const struct rv_recorded *r, struct rv_change *c)
{
	memset(c, 0, sizeof(*c));
	c->rec_id = dup_text(rv_rec_id(m, rec));
	c->author = dup_text(rv_recorded_author(m, r));
	snprintf(c->time, sizeof(c->time), "%s", r->when);
	if (r->kind == RV_HISTORY) {
		from_history(m, r, c);
	} else if (r->kind == RV_CHANGES) {
		from_changes(m, r, c);
	} else {
		/* The note as it was written (notes.csv is never rewritten; an amendment is a change of its own). */
		c->kind = RV_CHANGE_NOTE;
		c->note = dup_text(rv_row_field(m, RV_NOTES, rv_child_at(m, RV_NOTES, r->child)->row, NOTE_TEXT));
	}
}

/* Where a row stands among those of the same second: its changes.csv row (the order they were
 * recorded in), a note after them. */
static size_t recorded_order(const struct rv_recorded *r)
{
	return r->kind == RV_CHANGES ? r->child : r->state_row >= 0 ? (size_t)r->state_row : SIZE_MAX;
}

static int by_time_then_order(const void *a, const void *b)
{
	const struct rv_recorded *x = a, *y = b;
	int c = strcmp(x->when, y->when);
	if (c)
		return c;
	size_t ox = recorded_order(x), oy = recorded_order(y);
	return ox < oy ? -1 : ox > oy ? 1 : (x->child < y->child ? -1 : x->child > y->child);
}

size_t rv_files_decided(const struct rv_model *m, size_t rec, const char *since, const char *author,
			struct rv_change **out)
{
	struct rv_recorded *rows;
	size_t total = rv_recorded_collect(m, (long)rec, &rows), n = 0;
	for (size_t i = 0; i < total; i++)
		if (strcmp(rows[i].when, since ? since : "") >= 0 &&
		    (!author || rv_text_is(rv_recorded_author(m, &rows[i]), author)))
			rows[n++] = rows[i];
	qsort(rows, n, sizeof(*rows), by_time_then_order);
	*out = n ? xcalloc(n, sizeof(**out)) : NULL;
	for (size_t i = 0; i < n; i++)
		from_recorded(m, rec, &rows[i], &(*out)[i]);
	free(rows);
	return n;
}

void rv_files_decided_free(struct rv_change *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rv_change_free(&list[i]);
	free(list);
}
