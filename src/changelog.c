/* changelog.c - the index of changes.csv: which row last set which field of which item (changelog.h). */
#include "recview/changelog.h"
#include "recview/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/model_cells.h"
#include "recview/schema.h"
#include "recview/text.h"

struct changelog_entry {
	uint32_t index; /* the item's index (recommendation or child) */
	uint32_t row;   /* the row of changes.csv */
	int64_t time;   /* when it was recorded, YYYYMMDDhhmmss (time_key) */
	uint8_t kind;
	uint8_t field;
};

struct rv_changelog {
	/* by kind, index, field, then time recorded and row: a row appended late (a merge, a hand edit)
	 * but recorded earlier takes its place in time order, and never reads as the latest. */
	struct changelog_entry *e;
	size_t n;
};

/* ---- items ---- */

long rv_item_rec(const struct rv_model *m, struct rv_item it)
{
	if (it.kind == RV_RECS)
		return it.index < m->nrecs ? (long)it.index : -1;
	if ((unsigned)it.kind >= RV_KIND_COUNT || it.index >= m->nchildren[it.kind])
		return -1;
	return m->children[it.kind][it.index].rec;
}

/* The position of a child among its recommendation's children of its kind, or -1. */
static long ordinal_of(const struct rv_model *m, struct rv_item it, size_t rec)
{
	size_t n = rv_rec_child_count(m, rec, it.kind);
	for (size_t k = 0; k < n; k++)
		if (rv_rec_child_index(m, rec, it.kind, k) == it.index)
			return (long)k;
	return -1;
}

/* Whether a question's qid is its own within its recommendation (it can name it). */
static bool qid_names(const struct rv_model *m, size_t rec, struct rv_text qid)
{
	if (!qid.len || memchr(qid.ptr, '\0', qid.len))
		return false;
	size_t same = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_QUESTIONS); k++) {
		struct rv_text o = rv_child_field(m, RV_QUESTIONS, rv_rec_child_index(m, rec, RV_QUESTIONS, k), Q_QID);
		same += o.len == qid.len && memcmp(o.ptr, qid.ptr, qid.len) == 0;
	}
	return same == 1;
}

bool rv_item_name(const struct rv_model *m, struct rv_item it, struct strbuf *out)
{
	if (it.kind == RV_RECS)
		return it.index < m->nrecs;
	long rec = rv_item_rec(m, it);
	long k = rec >= 0 ? ordinal_of(m, it, (size_t)rec) : -1;
	if (k < 0)
		return false;
	switch (it.kind) {
	case RV_DELIVERABLES:
		sb_addf(out, "D%ld", k + 1);
		return true;
	case RV_QUESTIONS: {
		struct rv_text qid = rv_child_field(m, RV_QUESTIONS, it.index, Q_QID);
		if (qid_names(m, (size_t)rec, qid)) {
			sb_addc(out, 'Q');
			sb_add(out, qid.ptr, qid.len);
		} else {
			sb_addf(out, "Q#%ld", k + 1);
		}
		return true;
	}
	case RV_NOTES: {
		struct rv_text time = rv_child_field(m, RV_NOTES, it.index, NOTE_TIME);
		if (!time.len)
			return false;
		sb_addc(out, 'N');
		sb_add(out, time.ptr, time.len);
		return true;
	}
	default:
		return false;
	}
}

static bool text_is(struct rv_text t, const char *s, size_t len)
{
	return t.len == len && memcmp(t.ptr, s, len) == 0;
}

/* "12" as a number from 1, else 0. */
static size_t ordinal_number(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9' || n > 1000000)
			return 0;
		n = n * 10 + (size_t)(s[i] - '0');
	}
	return n;
}

bool rv_item_find(const struct rv_model *m, size_t rec, const char *name, size_t len, struct rv_item *out)
{
	if (rec >= m->nrecs)
		return false;
	if (len == 0) {
		*out = (struct rv_item){RV_RECS, rec};
		return true;
	}
	enum rv_kind kind = name[0] == 'D' ? RV_DELIVERABLES : name[0] == 'Q' ? RV_QUESTIONS
			    : name[0] == 'N' ? RV_NOTES : RV_KIND_COUNT;
	if (kind == RV_KIND_COUNT)
		return false;
	size_t n = rv_rec_child_count(m, rec, kind);
	bool by_position = kind == RV_DELIVERABLES || (kind == RV_QUESTIONS && len > 1 && name[1] == '#');
	if (by_position) {
		size_t skip = kind == RV_QUESTIONS ? 2 : 1;
		size_t k = ordinal_number(name + skip, len - skip);
		if (k == 0 || k > n)
			return false;
		*out = (struct rv_item){kind, rv_rec_child_index(m, rec, kind, k - 1)};
		return true;
	}
	int field = kind == RV_QUESTIONS ? Q_QID : NOTE_TIME;
	for (size_t k = 0; k < n; k++) {
		size_t child = rv_rec_child_index(m, rec, kind, k);
		if (text_is(rv_child_field(m, kind, child, field), name + 1, len - 1)) {
			*out = (struct rv_item){kind, child};
			return true;
		}
	}
	return false;
}

void rv_item_describe(const struct rv_model *m, struct rv_item it, struct strbuf *out)
{
	long rec = rv_item_rec(m, it);
	struct strbuf line;
	sb_init(&line);
	if (rec >= 0) {
		struct rv_text id = rv_rec_id(m, (size_t)rec);
		sb_add(&line, id.ptr, id.len);
	} else {
		sb_adds(&line, "(unlinked)");
	}
	long k = rec >= 0 && it.kind != RV_RECS ? ordinal_of(m, it, (size_t)rec) : -1;
	if (it.kind == RV_DELIVERABLES && k >= 0)
		sb_addf(&line, " deliverable %ld", k + 1);
	if (it.kind == RV_QUESTIONS && k >= 0) {
		struct rv_text qid = rv_child_field(m, RV_QUESTIONS, it.index, Q_QID);
		if (qid.len) {
			sb_adds(&line, " question ");
			sb_add(&line, qid.ptr, qid.len);
		} else {
			sb_addf(&line, " question %ld", k + 1);
		}
	}
	if (it.kind == RV_NOTES) {
		struct rv_text time = rv_child_field(m, RV_NOTES, it.index, NOTE_TIME);
		sb_adds(&line, " note of ");
		sb_add(&line, time.ptr, time.len < 10 ? time.len : 10);
	}
	text_sanitize(out, line.data ? line.data : "", line.len, 0);
	sb_free(&line);
}

/* ---- field names ---- */

const char *rv_item_field_name(enum rv_kind kind, int field)
{
	if ((unsigned)kind >= RV_KIND_COUNT || field < 0 || field >= rv_kind_def(kind)->nfields)
		return NULL;
	if ((kind == RV_RECS && field == REC_OWNER) || (kind == RV_DELIVERABLES && field == DEL_RESPONSIBLE))
		return "owner";
	return rv_kind_def(kind)->fields[field].name;
}

int rv_item_field_parse(enum rv_kind kind, const char *name, size_t len)
{
	char norm[64];
	if ((unsigned)kind >= RV_KIND_COUNT || !len || len >= sizeof(norm))
		return -1;
	rv_normalize_name(name, len, norm, sizeof(norm));
	if (strcmp(norm, "owner") == 0)
		return kind == RV_RECS ? REC_OWNER : kind == RV_DELIVERABLES ? DEL_RESPONSIBLE : -1;
	return rv_field_by_name(kind, norm);
}

/* ---- the index ---- */

/* A time of changes.csv (2026-12-02T10:15:00, or a day) as YYYYMMDDhhmmss; 0 when it has no date,
 * which sorts first and counts as recorded by any day (as notes without a time do). */
static int64_t time_key(struct rv_text t)
{
	int32_t day;
	if (t.len < 10 || rv_date_parse(t.ptr, 10, &day) != RV_DATE_OK)
		return 0;
	int64_t rest = 0;
	size_t digits = 0;
	for (size_t i = 11; i < t.len && digits < 6; i++) {
		if (t.ptr[i] >= '0' && t.ptr[i] <= '9') {
			rest = rest * 10 + (t.ptr[i] - '0');
			digits++;
		} else if (t.ptr[i] != ':') {
			break;
		}
	}
	while (digits++ < 6)
		rest *= 10;
	return (int64_t)day * 1000000 + rest;
}

static int compare_entries(const void *a, const void *b)
{
	const struct changelog_entry *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	if (x->field != y->field)
		return x->field < y->field ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

void rv_changelog_free(struct rv_model *m)
{
	if (m->changelog)
		free(m->changelog->e);
	free(m->changelog);
	m->changelog = NULL;
}

bool rv_changes_row_records_state(const struct rv_model *m, size_t row)
{
	struct rv_text item = rv_child_field(m, RV_CHANGES, row, CHG_ITEM);
	struct rv_text field = rv_child_field(m, RV_CHANGES, row, CHG_FIELD);
	return !item.len && (text_is(field, "status", 6) || text_is(field, "decision", 8));
}

/* Whether row is a status (decision) row of a change recview made to a recommendation. */
static bool is_state_row(const struct rv_model *m, size_t row, bool decision)
{
	const char *name = decision ? "decision" : "status";
	return rv_changes_row_records_state(m, row) &&
	       text_is(rv_child_field(m, RV_CHANGES, row, CHG_FIELD), name, strlen(name));
}

static int64_t row_time(const struct rv_model *m, size_t row)
{
	return time_key(rv_child_field(m, RV_CHANGES, row, CHG_TIME));
}

bool rv_changes_state_before(const struct rv_model *m, size_t rec, bool decision, struct rv_text *previous)
{
	long first = -1;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_CHANGES); k++) {
		size_t row = rv_rec_child_index(m, rec, RV_CHANGES, k);
		if (is_state_row(m, row, decision) && (first < 0 || row_time(m, row) < row_time(m, (size_t)first)))
			first = (long)row;
	}
	if (first < 0)
		return false;
	*previous = rv_child_field(m, RV_CHANGES, (size_t)first, CHG_PREVIOUS);
	return previous->len > 0;
}

bool rv_changes_state_as_of(const struct rv_model *m, size_t rec, bool decision, int32_t as_of, struct rv_text *out)
{
	long last_by = -1, first_after = -1;
	for (size_t k = 0; as_of != RV_DATE_NONE && k < rv_rec_child_count(m, rec, RV_CHANGES); k++) {
		size_t row = rv_rec_child_index(m, rec, RV_CHANGES, k);
		if (!is_state_row(m, row, decision))
			continue;
		int64_t t = row_time(m, row);
		if (t / 1000000 <= as_of) { /* by then (no date counts so): the latest, the file's last of a tie */
			if (last_by < 0 || t >= row_time(m, (size_t)last_by))
				last_by = (long)row;
		} else if (first_after < 0 || t < row_time(m, (size_t)first_after)) {
			first_after = (long)row; /* after it: the earliest */
		}
	}
	if (first_after < 0)
		return false;
	*out = last_by >= 0 ? rv_child_field(m, RV_CHANGES, (size_t)last_by, CHG_VALUE)
			    : rv_child_field(m, RV_CHANGES, (size_t)first_after, CHG_PREVIOUS);
	return true;
}

void rv_changelog_rebuild(struct rv_model *m)
{
	rv_changelog_free(m);
	size_t n = m->nchildren[RV_CHANGES];
	if (!n)
		return;
	struct rv_changelog *log = xcalloc(1, sizeof(*log));
	log->e = xcalloc(n, sizeof(*log->e));
	for (size_t i = 0; i < n; i++) {
		const struct rv_child *c = &m->children[RV_CHANGES][i];
		struct rv_item it;
		struct rv_text item = rv_child_field(m, RV_CHANGES, i, CHG_ITEM);
		struct rv_text field = rv_child_field(m, RV_CHANGES, i, CHG_FIELD);
		if (c->rec < 0 || rv_changes_row_records_state(m, i) || !rv_item_find(m, (size_t)c->rec, item.ptr, item.len, &it))
			continue; /* a status or decision is the history's, never the log's */
		int f = rv_item_field_parse(it.kind, field.ptr, field.len);
		if (f < 0)
			continue;
		int64_t t = time_key(rv_child_field(m, RV_CHANGES, i, CHG_TIME));
		log->e[log->n++] = (struct changelog_entry){(uint32_t)it.index, c->row, t, (uint8_t)it.kind, (uint8_t)f};
	}
	qsort(log->e, log->n, sizeof(*log->e), compare_entries);
	m->changelog = log;
}

/* The first entry for the item's field, and how many there are. */
static size_t find_entries(const struct rv_model *m, struct rv_item it, int field, size_t *count)
{
	*count = 0;
	const struct rv_changelog *log = m->changelog;
	if (!log || field < 0)
		return 0;
	struct changelog_entry key = {(uint32_t)it.index, 0, INT64_MIN, (uint8_t)it.kind, (uint8_t)field};
	size_t lo = 0, hi = log->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (compare_entries(&log->e[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < log->n && log->e[end].kind == key.kind && log->e[end].index == key.index && log->e[end].field == key.field)
		end++;
	*count = end - lo;
	return lo;
}

long rv_changelog_latest(const struct rv_model *m, struct rv_item it, int field)
{
	size_t n, first = find_entries(m, it, field, &n);
	return n ? (long)m->changelog->e[first + n - 1].row : -1;
}

size_t rv_changelog_rows(const struct rv_model *m, struct rv_item it, int field, uint32_t *rows, size_t max)
{
	size_t n, first = find_entries(m, it, field, &n);
	for (size_t i = 0; i < n && i < max; i++)
		rows[i] = m->changelog->e[first + i].row;
	return n;
}

bool rv_changelog_value_as_of(const struct rv_model *m, struct rv_item it, int field, int32_t as_of,
			      struct rv_text *out)
{
	if (as_of == RV_DATE_NONE)
		return false;
	size_t n, first = find_entries(m, it, field, &n);
	for (size_t i = 0; i < n; i++) {
		uint32_t row = m->changelog->e[first + i].row;
		/* A day's key ends in 000000: anything recorded on a later day is after as_of. The value
		 * then is the one the last change recorded by then set (in time order: a row recorded
		 * earlier but appended later counts where it belongs), else what the first later one
		 * says was there before it. */
		if (m->changelog->e[first + i].time / 1000000 > as_of) {
			if (i > 0)
				*out = rv_row_field(m, RV_CHANGES, m->changelog->e[first + i - 1].row, CHG_VALUE);
			else
				*out = rv_row_field(m, RV_CHANGES, row, CHG_PREVIOUS);
			return true;
		}
	}
	return false;
}

size_t rv_changelog_rows_by(const struct rv_model *m, struct rv_item it, int field, int32_t as_of)
{
	size_t n, first = find_entries(m, it, field, &n);
	if (as_of == RV_DATE_NONE)
		return n;
	size_t k = 0;
	while (k < n && m->changelog->e[first + k].time / 1000000 <= as_of)
		k++;
	return k;
}

bool rv_changelog_in_force(const struct rv_model *m, struct rv_item it, int field, const char *time, size_t len)
{
	size_t n, first = find_entries(m, it, field, &n);
	return !n || m->changelog->e[first + n - 1].time <= time_key((struct rv_text){time, len});
}

bool rv_changelog_overrides(const struct rv_model *m, enum rv_kind kind, int field)
{
	if (kind == RV_NOTES && field == NOTE_TEXT)
		return true;
	return m->tables[kind].col[field] < 0;
}
