/* as_of_later.c - what of a recommendation was recorded after an as-of date (as_of_later.h). */
#include "recview/as_of_later.h"

#include <string.h>

#include "recview/as_of.h"
#include "recview/changelog.h"
#include "recview/date.h"
#include "recview/entity.h"
#include "recview/items.h"

/* The fields of a deliverable or question (kind) whose later changes are told. */
static size_t later_fields(enum rv_kind kind, const int **fields)
{
	static const int del[] = {DEL_STATUS, DEL_RESPONSIBLE, DEL_DUE}, q[] = {Q_ANSWER, Q_STATUS};
	*fields = kind == RV_DELIVERABLES ? del : q;
	return kind == RV_DELIVERABLES ? sizeof(del) / sizeof(*del) : sizeof(q) / sizeof(*q);
}

static bool is_answer(enum rv_kind kind, int field)
{
	return kind == RV_QUESTIONS && field == Q_ANSWER;
}

/* A field changed after as_of: logged so, or for an answer given after it (logged, or dated so by
 * the file). */
static bool field_changed_later(const struct rv_model *m, enum rv_kind kind, size_t child, int field, int32_t as_of)
{
	if (is_answer(kind, field))
		return !rv_text_same(rv_question_answer_as_of(m, child, as_of), rv_child_field(m, kind, child, field));
	return rv_child_field_later(m, kind, child, field, as_of);
}

static bool child_changed_later(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of)
{
	const int *fields;
	size_t n = later_fields(kind, &fields);
	for (size_t i = 0; i < n; i++)
		if (field_changed_later(m, kind, child, fields[i], as_of))
			return true;
	return false;
}

/* How many of rec's children of kind match: recorded after as_of (history, notes), or changed after. */
static size_t children_later(const struct rv_model *m, size_t rec, enum rv_kind kind, int32_t as_of)
{
	size_t n = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, kind); k++) {
		size_t c = rv_rec_child_index(m, rec, kind, k);
		if (kind == RV_DELIVERABLES || kind == RV_QUESTIONS)
			n += child_changed_later(m, kind, c, as_of);
		else
			n += !rv_child_recorded_by(m, kind, c, as_of);
	}
	return n;
}

bool rv_rec_later_count(const struct rv_model *m, size_t rec, int32_t as_of, struct rv_rec_later *out)
{
	memset(out, 0, sizeof(*out));
	if (as_of == RV_DATE_NONE)
		return false;
	out->status = rv_rec_status(m, rec, as_of) != rv_rec_status(m, rec, RV_DATE_NONE);
	out->decision = rv_rec_decision(m, rec, as_of) != rv_rec_decision(m, rec, RV_DATE_NONE);
	out->priority = rv_child_field_later(m, RV_RECS, rec, REC_PRIORITY, as_of);
	out->owner = rv_child_field_later(m, RV_RECS, rec, REC_OWNER, as_of);
	out->history = children_later(m, rec, RV_HISTORY, as_of);
	out->notes = children_later(m, rec, RV_NOTES, as_of);
	out->deliverables = children_later(m, rec, RV_DELIVERABLES, as_of);
	out->questions = children_later(m, rec, RV_QUESTIONS, as_of);
	return out->status || out->decision || out->priority || out->owner || out->history || out->notes ||
	       out->deliverables || out->questions;
}

/* ", " between the parts of one group. */
static void part(struct strbuf *out, size_t *shown)
{
	if ((*shown)++)
		sb_adds(out, ", ");
}

static void count_part(struct strbuf *out, size_t *shown, size_t n, const char *one, const char *many)
{
	if (!n)
		return;
	part(out, shown);
	sb_addf(out, "%zu %s", n, n == 1 ? one : many);
}

static void value_part(struct strbuf *out, size_t *shown, const char *label, struct rv_text now)
{
	part(out, shown);
	sb_addf(out, "%s ", label);
	if (now.len)
		sb_add(out, now.ptr, now.len);
	else
		sb_adds(out, "(none)");
}

static struct rv_text word(const char *s)
{
	return (struct rv_text){s, strlen(s)};
}

bool rv_rec_later_describe(const struct rv_model *m, size_t rec, int32_t as_of, struct strbuf *out)
{
	struct rv_rec_later l;
	if (!rv_rec_later_count(m, rec, as_of, &l))
		return false;
	size_t shown = 0;
	enum rv_status st = rv_rec_status(m, rec, RV_DATE_NONE);
	enum rv_decision dec = rv_rec_decision(m, rec, RV_DATE_NONE);
	if (l.status)
		value_part(out, &shown, "status", st == RV_STATUS_NONE ? word("") : word(rv_status_name(st)));
	if (l.decision)
		value_part(out, &shown, "decision", dec == RV_DECISION_NONE ? word("") : word(rv_decision_name(dec)));
	if (l.priority)
		value_part(out, &shown, "priority", rv_rec_field(m, rec, REC_PRIORITY));
	if (l.owner)
		value_part(out, &shown, "owner", rv_rec_field(m, rec, REC_OWNER));
	size_t values = shown;
	if (values && (l.history || l.notes || l.deliverables || l.questions))
		sb_adds(out, "; ");
	shown = 0;
	count_part(out, &shown, l.history, "history entry", "history entries");
	count_part(out, &shown, l.notes, "note", "notes");
	count_part(out, &shown, l.deliverables, "deliverable changed", "deliverables changed");
	count_part(out, &shown, l.questions, "question answered or changed", "questions answered or changed");
	return true;
}

bool rv_child_later_values(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of,
			   struct strbuf *out)
{
	const int *fields;
	size_t n = later_fields(kind, &fields), shown = 0, start = out->len;
	if (as_of == RV_DATE_NONE)
		return false;
	rv_after_words(as_of, out);
	sb_adds(out, ": ");
	for (size_t i = 0; i < n; i++) {
		struct rv_text now = rv_child_field(m, kind, child, fields[i]);
		struct rv_text then = is_answer(kind, fields[i]) ? rv_question_answer_as_of(m, child, as_of)
					     : rv_child_field_as_of(m, kind, child, fields[i], as_of);
		if (rv_text_same(now, then))
			continue;
		sb_addf(out, "%s%s ", shown++ ? ", " : "", rv_item_field_name(kind, fields[i]));
		sb_add(out, now.len ? now.ptr : "(none)", now.len ? now.len : 6);
	}
	if (!shown) { /* nothing changed later: take the words back */
		out->len = start;
		out->data[start] = '\0';
	}
	return shown > 0;
}

void rv_after_words(int32_t as_of, struct strbuf *out)
{
	char day[16];
	rv_date_format(as_of, day, sizeof(day));
	sb_addf(out, "after %s", day);
}

void rv_after_mark(int32_t as_of, struct strbuf *out)
{
	sb_addc(out, '[');
	rv_after_words(as_of, out);
	sb_addc(out, ']');
}
