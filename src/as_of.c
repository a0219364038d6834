/* as_of.c - deliverables' and questions' fields as they stood on a date (as_of.h). */
#include "recview/as_of.h"

#include "recview/activity.h"
#include "recview/changelog.h"
#include "recview/date.h"
#include "recview/items.h"
#include "recview/mapping.h"
#include "recview/model.h"

#include <string.h>

bool rv_as_of_later_parse(const char *s, enum rv_as_of_later *out)
{
	if (strcmp(s, "hide") == 0 || strcmp(s, "dim") == 0) {
		*out = s[0] == 'd' ? RV_AS_OF_DIM : RV_AS_OF_HIDE;
		return true;
	}
	return false;
}

enum rv_as_of_later rv_as_of_later_setting(const char *s)
{
	enum rv_as_of_later later = RV_AS_OF_HIDE;
	if (s && !rv_as_of_later_parse(s, &later))
		later = RV_AS_OF_HIDE;
	return later;
}

bool rv_child_recorded_by(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of)
{
	if (kind == RV_HISTORY)
		return rv_history_recorded_by(m, child, as_of);
	if (kind == RV_NOTES)
		return rv_note_recorded_by(m, child, as_of);
	return true;
}

size_t rv_items_recorded_by(const struct rv_model *m, enum rv_kind kind, uint32_t *items, size_t n, int32_t as_of)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (rv_child_recorded_by(m, kind, items[i], as_of))
			items[kept++] = items[i];
	return kept;
}

bool rv_activity_recorded_by(const struct rv_model *m, const struct rv_activity *e, int32_t as_of)
{
	if (as_of == RV_DATE_NONE)
		return true;
	if (e->source == RV_HISTORY || e->source == RV_NOTES)
		return rv_child_recorded_by(m, (enum rv_kind)e->source, e->child, as_of);
	return e->when == 0 || e->when / 1000000 <= as_of;
}

static struct rv_text field_now(const struct rv_model *m, enum rv_kind kind, size_t index, int field)
{
	return kind == RV_RECS ? rv_rec_field(m, index, field) : rv_child_field(m, kind, index, field);
}

struct rv_text rv_child_field_as_of(const struct rv_model *m, enum rv_kind kind, size_t child, int field,
				    int32_t as_of)
{
	struct rv_text before;
	if (rv_changelog_value_as_of(m, (struct rv_item){kind, child}, field, as_of, &before))
		return before;
	return field_now(m, kind, child, field);
}

bool rv_child_field_later(const struct rv_model *m, enum rv_kind kind, size_t child, int field, int32_t as_of)
{
	struct rv_text before;
	return rv_changelog_value_as_of(m, (struct rv_item){kind, child}, field, as_of, &before);
}

enum rv_status rv_deliverable_status_as_of(const struct rv_model *m, size_t d, int32_t as_of)
{
	struct rv_text before;
	if (rv_changelog_value_as_of(m, (struct rv_item){RV_DELIVERABLES, d}, DEL_STATUS, as_of, &before))
		return rv_model_status(m, RV_DELIVERABLES, before.ptr, before.len);
	return (enum rv_status)rv_child_at(m, RV_DELIVERABLES, d)->status;
}

struct rv_date_text rv_deliverable_due_as_of(const struct rv_model *m, size_t d, int32_t as_of)
{
	struct rv_text before;
	if (!rv_changelog_value_as_of(m, (struct rv_item){RV_DELIVERABLES, d}, DEL_DUE, as_of, &before))
		return rv_child_date(m, RV_DELIVERABLES, d);
	/* The earlier due date as the column would read it (its own day-month order). */
	struct rv_date_value v;
	enum rv_date_order order = rv_date_order_of(m, RV_DELIVERABLES, DEL_DUE).order;
	if (rv_date_read(before.ptr, before.len, order, &v) != RV_DATE_OK)
		v = (struct rv_date_value){RV_DATE_NONE, RV_DATE_PREC_NONE};
	return (struct rv_date_text){before, v.date, v.precision};
}

bool rv_deliverable_overdue_as_of(const struct rv_model *m, size_t d, int32_t as_of)
{
	int32_t day = rv_overdue_day(as_of);
	if (as_of == RV_DATE_NONE)
		return rv_deliverable_overdue(m, d, day);
	if (rv_deliverable_status_as_of(m, d, as_of) == RV_STATUS_COMPLETE || day == RV_DATE_NONE)
		return false;
	struct rv_date_text due = rv_deliverable_due_as_of(m, d, as_of);
	int32_t last = rv_date_last_day(due.date, due.precision);
	return last != RV_DATE_NONE && last < day;
}

size_t rv_rec_deliverables_done_as_of(const struct rv_model *m, size_t rec, int32_t as_of)
{
	if (as_of == RV_DATE_NONE)
		return rv_rec_deliverables_done(m, rec);
	size_t n = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_DELIVERABLES); k++)
		n += rv_deliverable_status_as_of(m, rv_rec_child_index(m, rec, RV_DELIVERABLES, k), as_of) ==
		     RV_STATUS_COMPLETE;
	return n;
}

size_t rv_rec_overdue_as_of(const struct rv_model *m, size_t rec, int32_t as_of)
{
	size_t n = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_DELIVERABLES); k++)
		n += rv_deliverable_overdue_as_of(m, rv_rec_child_index(m, rec, RV_DELIVERABLES, k), as_of);
	return n;
}

/* Whether the file dates the question's answer (its answered column) after as_of. */
static bool answered_later(const struct rv_model *m, size_t q, int32_t as_of)
{
	struct rv_text when = rv_child_field(m, RV_QUESTIONS, q, Q_ANSWERED);
	struct rv_date_value v;
	enum rv_date_order order = rv_date_order_of(m, RV_QUESTIONS, Q_ANSWERED).order;
	if (!when.len || rv_date_read(when.ptr, when.len, order, &v) != RV_DATE_OK)
		return false;
	return v.date > as_of;
}

struct rv_text rv_question_answer_as_of(const struct rv_model *m, size_t q, int32_t as_of)
{
	struct rv_text before;
	if (rv_changelog_value_as_of(m, (struct rv_item){RV_QUESTIONS, q}, Q_ANSWER, as_of, &before))
		return before;
	if (as_of != RV_DATE_NONE && rv_changelog_latest(m, (struct rv_item){RV_QUESTIONS, q}, Q_ANSWER) < 0 &&
	    answered_later(m, q, as_of))
		return (struct rv_text){"", 0};
	return rv_child_field(m, RV_QUESTIONS, q, Q_ANSWER);
}

enum rv_qstatus rv_question_state_as_of(const struct rv_model *m, size_t q, int32_t as_of)
{
	if (as_of == RV_DATE_NONE)
		return rv_question_state(m, q);
	struct rv_text st = rv_child_field_as_of(m, RV_QUESTIONS, q, Q_STATUS, as_of);
	enum rv_qstatus status = rv_child_field_later(m, RV_QUESTIONS, q, Q_STATUS, as_of)
					 ? rv_qstatus_parse(st.ptr, st.len)
					 : (enum rv_qstatus)rv_child_at(m, RV_QUESTIONS, q)->status;
	return rv_qstatus_effective(status, rv_question_answer_as_of(m, q, as_of).len > 0);
}

size_t rv_rec_open_questions_as_of(const struct rv_model *m, size_t rec, int32_t as_of)
{
	size_t n = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_QUESTIONS); k++)
		n += rv_qstatus_is_open(rv_question_state_as_of(m, rv_rec_child_index(m, rec, RV_QUESTIONS, k), as_of));
	return n;
}

int rv_rec_priority_as_of(const struct rv_model *m, size_t rec, int32_t as_of)
{
	struct rv_text then; /* one lookup: a change logged after the date says what it was then */
	if (!rv_changelog_value_as_of(m, (struct rv_item){RV_RECS, rec}, REC_PRIORITY, as_of, &then))
		return rv_rec_priority(m, rec);
	return rv_model_priority(m, RV_RECS, then.ptr, then.len);
}
