/*
 * recorded.c - the rows that record a change, at the time each was recorded (recorded.h): the
 * minutes from the files and a follower's "Decided in this meeting" both read them.
 */
#include "recview/recorded.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/changelog.h"
#include "recview/date.h"
#include "recview/entity.h"

static int by_when(const void *a, const void *b)
{
	const struct rv_recorded *x = a, *y = b;
	int c = strcmp(x->when, y->when);
	return c ? c : (x->child < y->child ? -1 : x->child > y->child);
}

/* The rows of changes.csv that say when a status or decision change was recorded, by recommendation. */
struct state_row {
	int32_t rec;
	uint32_t row;
	bool used;
};

static int by_rec(const void *a, const void *b)
{
	const struct state_row *x = a, *y = b;
	if (x->rec != y->rec)
		return x->rec < y->rec ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static size_t state_rows(const struct rv_model *m, struct state_row **out)
{
	size_t n = 0, total = rv_child_total(m, RV_CHANGES);
	*out = xcalloc(total + 1, sizeof(**out));
	for (size_t i = 0; i < total; i++)
		if (rv_child_at(m, RV_CHANGES, i)->rec >= 0 && rv_changes_row_records_state(m, i))
			(*out)[n++] = (struct state_row){rv_child_at(m, RV_CHANGES, i)->rec, (uint32_t)i, false};
	qsort(*out, n, sizeof(**out), by_rec);
	return n;
}

/* Whether changes.csv row r records history row h: the same recommendation, author, value and note. */
static bool records_entry(const struct rv_model *m, uint32_t r, size_t h, struct rv_text author)
{
	struct rv_text field = rv_child_field(m, RV_CHANGES, r, CHG_FIELD);
	int hf = field.len == 6 ? HIST_STATUS : HIST_DECISION;
	struct rv_text value = rv_child_field(m, RV_HISTORY, h, hf);
	return value.len && rv_text_same(rv_child_field(m, RV_CHANGES, r, CHG_VALUE), value) &&
	       rv_text_same(rv_child_field(m, RV_CHANGES, r, CHG_AUTHOR), author) &&
	       rv_text_same(rv_child_field(m, RV_CHANGES, r, CHG_NOTE), rv_child_field(m, RV_HISTORY, h, HIST_NOTE));
}

static void copy_when(char when[32], struct rv_text t)
{
	snprintf(when, 32, "%.*s", (int)(t.len < 31 ? t.len : 31), t.ptr);
}

/*
 * When history row h (written by recview, author after "recview: ") was recorded, into r: the time of
 * the first unused changes.csv row that records it; false when there is none (files written before
 * recview kept it: the minutes go by the history's date).
 */
static bool recorded_time(const struct rv_model *m, struct state_row *rows, size_t n, size_t h, struct rv_text author,
			  struct rv_recorded *r)
{
	int32_t rec = rv_child_at(m, RV_HISTORY, h)->rec;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rows[mid].rec < rec)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < n && rows[k].rec == rec; k++) {
		if (rows[k].used || !records_entry(m, rows[k].row, h, author))
			continue;
		rows[k].used = true;
		r->state_row = (long)rows[k].row;
		copy_when(r->when, rv_child_field(m, RV_CHANGES, rows[k].row, CHG_TIME));
		int32_t date = rv_child_at(m, RV_HISTORY, h)->date;
		char iso[16] = "";
		if (date != RV_DATE_NONE)
			rv_date_format(date, iso, sizeof(iso));
		if (*iso && strncmp(r->when, iso, strlen(iso)) != 0)
			snprintf(r->effective, sizeof(r->effective), "%s", iso);
		return true;
	}
	return false;
}

static bool about(const struct rv_model *m, enum rv_kind kind, size_t i, long rec)
{
	return rec < 0 || rv_child_at(m, kind, i)->rec == (int32_t)rec;
}

size_t rv_recorded_collect(const struct rv_model *m, long rec, struct rv_recorded **out)
{
	size_t cap = rv_child_total(m, RV_HISTORY) + rv_child_total(m, RV_NOTES) + rv_child_total(m, RV_CHANGES) + 1, n = 0;
	struct rv_recorded *list = xcalloc(cap, sizeof(*list));
	struct state_row *rows;
	size_t nrows = state_rows(m, &rows);
	for (size_t i = 0; i < rv_child_total(m, RV_HISTORY); i++) {
		struct rv_text author;
		if (!about(m, RV_HISTORY, i, rec) || !rv_history_recview_author(m, i, &author))
			continue;
		list[n].state_row = -1;
		if (!recorded_time(m, rows, nrows, i, author, &list[n]))
			copy_when(list[n].when, rv_child_field(m, RV_HISTORY, i, HIST_DATE));
		list[n].kind = RV_HISTORY;
		list[n++].child = (uint32_t)i;
	}
	for (size_t i = 0; i < rv_child_total(m, RV_NOTES); i++) {
		if (!about(m, RV_NOTES, i, rec))
			continue;
		copy_when(list[n].when, rv_child_field(m, RV_NOTES, i, NOTE_TIME));
		list[n].state_row = -1;
		list[n].kind = RV_NOTES;
		list[n++].child = (uint32_t)i;
	}
	/* The field changes of changes.csv (a priority, an owner, a deliverable's status or due date, an
	 * answer, a note amended), at the time they were recorded; a status or decision change's own row
	 * is left out (its history row is the change). */
	for (size_t i = 0; i < rv_child_total(m, RV_CHANGES); i++) {
		if (!about(m, RV_CHANGES, i, rec) || !rv_child_field(m, RV_CHANGES, i, CHG_FIELD).len ||
		    rv_changes_row_records_state(m, i))
			continue;
		copy_when(list[n].when, rv_child_field(m, RV_CHANGES, i, CHG_TIME));
		list[n].state_row = -1;
		list[n].kind = RV_CHANGES;
		list[n++].child = (uint32_t)i;
	}
	free(rows);
	qsort(list, n, sizeof(*list), by_when);
	*out = list;
	return n;
}

struct rv_text rv_recorded_author(const struct rv_model *m, const struct rv_recorded *r)
{
	struct rv_text author = {"", 0};
	if (r->kind == RV_HISTORY)
		(void)rv_history_recview_author(m, r->child, &author);
	else
		author = rv_child_field(m, r->kind, r->child, r->kind == RV_NOTES ? NOTE_AUTHOR : CHG_AUTHOR);
	return author;
}
