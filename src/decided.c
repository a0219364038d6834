/* decided.c - the changes a meeting made to one recommendation, as the minutes and the slide tell them
 * (decided.h). */
#include "recview/decided.h"

#include <string.h>

#include "recview/changelog.h"
#include "recview/entity.h"

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
