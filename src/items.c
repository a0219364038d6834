/* items.c - question states, overdue deliverables, answers and revised due dates (items.h). */
#include "recview/items.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/changelog.h"
#include "recview/clock.h"
#include "recview/date.h"
#include "recview/model.h"
#include "recview/text.h"

int32_t rv_today_date(void)
{
	char today[16];
	int32_t date = RV_DATE_NONE;
	rv_today(today);
	if (rv_date_parse(today, strlen(today), &date) != RV_DATE_OK)
		return RV_DATE_NONE;
	return date;
}

int32_t rv_overdue_day(int32_t as_of)
{
	return as_of != RV_DATE_NONE ? as_of : rv_today_date();
}

enum rv_qstatus rv_question_state(const struct rv_model *m, size_t q)
{
	const struct rv_child *c = rv_child_at(m, RV_QUESTIONS, q);
	return rv_qstatus_effective((enum rv_qstatus)c->status, rv_child_field(m, RV_QUESTIONS, q, Q_ANSWER).len > 0);
}

size_t rv_rec_open_questions(const struct rv_model *m, size_t rec)
{
	size_t n = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_QUESTIONS); k++)
		n += rv_qstatus_is_open(rv_question_state(m, rv_rec_child_index(m, rec, RV_QUESTIONS, k)));
	return n;
}

bool rv_deliverable_overdue(const struct rv_model *m, size_t d, int32_t day)
{
	const struct rv_child *c = rv_child_at(m, RV_DELIVERABLES, d);
	if (c->status == RV_STATUS_COMPLETE || day == RV_DATE_NONE)
		return false;
	struct rv_date_text due = rv_child_date(m, RV_DELIVERABLES, d);
	int32_t last = rv_date_last_day(due.date, due.precision);
	return last != RV_DATE_NONE && last < day;
}

size_t rv_rec_overdue(const struct rv_model *m, size_t rec, int32_t day)
{
	size_t n = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_DELIVERABLES); k++)
		n += rv_deliverable_overdue(m, rv_rec_child_index(m, rec, RV_DELIVERABLES, k), day);
	return n;
}

size_t rv_rec_open_deliverables(const struct rv_model *m, size_t rec)
{
	return rv_rec_child_count(m, rec, RV_DELIVERABLES) - rv_rec_deliverables_done(m, rec);
}

/* A time stamp of changes.csv (2026-12-02T10:15:00) as its date. */
static struct rv_text date_part(struct rv_text t)
{
	if (t.len > 10 && t.ptr[10] == 'T')
		t.len = 10;
	return t;
}

bool rv_question_answered(const struct rv_model *m, size_t q, struct rv_text *when, struct rv_text *who)
{
	struct rv_text answer = rv_child_field(m, RV_QUESTIONS, q, Q_ANSWER);
	if (!answer.len)
		return false;
	long row = rv_changelog_latest(m, (struct rv_item){RV_QUESTIONS, q}, Q_ANSWER);
	if (row >= 0 && rv_text_same(rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_VALUE), answer)) {
		*when = date_part(rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_TIME));
		*who = rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_AUTHOR);
		return true;
	}
	*when = rv_child_field(m, RV_QUESTIONS, q, Q_ANSWERED);
	*who = rv_child_field(m, RV_QUESTIONS, q, Q_ANSWERED_BY);
	return when->len || who->len;
}

bool rv_question_answered_describe(const struct rv_model *m, size_t q, struct strbuf *out)
{
	struct rv_text when, who;
	if (!rv_question_answered(m, q, &when, &who))
		return false;
	text_sanitize(out, when.ptr, when.len, 0);
	if (who.len) {
		sb_adds(out, when.len ? " by " : "by ");
		text_sanitize(out, who.ptr, who.len, 0);
	}
	return true;
}

size_t rv_due_revisions(const struct rv_model *m, size_t d)
{
	return rv_changelog_rows(m, (struct rv_item){RV_DELIVERABLES, d}, DEL_DUE, NULL, 0);
}

void rv_due_revision_describe(const struct rv_model *m, size_t d, size_t i, struct strbuf *out)
{
	struct rv_item it = {RV_DELIVERABLES, d};
	size_t n = rv_changelog_rows(m, it, DEL_DUE, NULL, 0);
	if (i >= n)
		return;
	uint32_t *rows = xcalloc(n, sizeof(*rows));
	rv_changelog_rows(m, it, DEL_DUE, rows, n);
	uint32_t row = rows[i];
	free(rows);
	struct rv_text was = rv_row_field(m, RV_CHANGES, row, CHG_PREVIOUS);
	struct rv_text who = rv_row_field(m, RV_CHANGES, row, CHG_AUTHOR);
	struct rv_text when = rv_row_field(m, RV_CHANGES, row, CHG_TIME);
	struct rv_text why = rv_row_field(m, RV_CHANGES, row, CHG_NOTE);
	sb_adds(out, "was ");
	if (was.len)
		text_sanitize(out, was.ptr, was.len, 0);
	else
		sb_adds(out, "no date");
	sb_adds(out, " (");
	text_sanitize(out, who.len ? who.ptr : "someone", who.len ? who.len : 7, 0);
	if (when.len) {
		sb_adds(out, ", ");
		text_sanitize(out, when.ptr, when.len < 10 ? when.len : 10, 0);
	}
	if (why.len) {
		sb_adds(out, ": ");
		text_sanitize(out, why.ptr, why.len, 0);
	}
	sb_addc(out, ')');
}
