/* activity.c - every change the data set records, newest first, and what each says (activity.h). */
#include "recview/activity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/changelog.h"
#include "recview/date.h"

static const struct rv_text empty = {"", 0};

static struct rv_text cstr(const char *s)
{
	return (struct rv_text){s, strlen(s)};
}

/* ---- when ---- */

static bool two_digits(const char *s, size_t len, size_t at, int *out)
{
	if (at + 2 > len || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9')
		return false;
	*out = (s[at] - '0') * 10 + (s[at + 1] - '0');
	return true;
}

/* The time of day after a date ("...T10:15:00", "... 9:30"), as hhmmss; false when there is none. */
static bool time_of_day(const char *s, size_t len, long *out)
{
	const char *colon = memchr(s, ':', len);
	if (!colon)
		return false;
	size_t c = (size_t)(colon - s);
	int h, mi, sec = 0;
	if (c >= 2 && two_digits(s, len, c - 2, &h)) {
		/* HH: */
	} else if (c >= 1 && s[c - 1] >= '0' && s[c - 1] <= '9') {
		h = s[c - 1] - '0';
	} else {
		return false;
	}
	if (!two_digits(s, len, c + 1, &mi) || h > 23 || mi > 59)
		return false;
	if (c + 3 < len && s[c + 3] == ':' && (!two_digits(s, len, c + 4, &sec) || sec > 60))
		sec = 0;
	*out = (long)h * 10000 + mi * 100 + sec;
	return true;
}

/* A time stamp of notes.csv, agenda.csv or changes.csv into e->when; undated when it is not a date.
 * recview writes ISO 8601; a numeric date written otherwise is read month first unless only day first
 * makes it a date (30/11/2026). */
static void set_time_stamp(struct rv_activity *e, struct rv_text t)
{
	struct rv_date_value d;
	bool ok = t.len && (rv_date_read(t.ptr, t.len, RV_DATE_MONTH_FIRST, &d) == RV_DATE_OK ||
			    rv_date_read(t.ptr, t.len, RV_DATE_DAY_FIRST, &d) == RV_DATE_OK);
	if (!ok || d.date == RV_DATE_NONE) {
		e->undated = true;
		e->when = 0;
		return;
	}
	long hms = 0;
	e->has_time = time_of_day(t.ptr, t.len, &hms);
	e->when = (int64_t)d.date * 1000000 + hms;
}

/* ---- building ---- */

struct builder {
	struct rv_activity *e;
	size_t n, cap;
};

static struct rv_activity *push(struct builder *b, enum rv_kind source, size_t child, long rec)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->e = xreallocarray(b->e, b->cap, sizeof(*b->e));
	}
	struct rv_activity *e = &b->e[b->n++];
	memset(e, 0, sizeof(*e));
	e->source = (uint8_t)source;
	e->child = (uint32_t)child;
	e->rec = (int32_t)rec;
	e->prev = UINT32_MAX;
	return e;
}

/* A history row: a status entry, a decision entry, or one that says neither. */
static void add_history(struct builder *b, const struct rv_model *m, size_t child, uint32_t *last_status,
			uint32_t *last_decision)
{
	const struct rv_child *h = rv_child_at(m, RV_HISTORY, child);
	bool st = rv_child_field(m, RV_HISTORY, child, HIST_STATUS).len > 0;
	bool dec = rv_child_field(m, RV_HISTORY, child, HIST_DECISION).len > 0;
	int64_t when = h->date == RV_DATE_NONE ? 0 : (int64_t)h->date * 1000000;
	bool undated = h->date_prec == RV_DATE_PREC_NONE;
	for (int what = RV_ACT_STATUS; what <= RV_ACT_OTHER; what++) {
		if ((what == RV_ACT_STATUS && !st) || (what == RV_ACT_DECISION && !dec) ||
		    (what == RV_ACT_OTHER && (st || dec)))
			continue;
		struct rv_activity *e = push(b, RV_HISTORY, child, h->rec);
		e->what = (uint8_t)what;
		e->when = when;
		e->undated = undated;
		if (what == RV_ACT_STATUS)
			e->prev = *last_status;
		else if (what == RV_ACT_DECISION)
			e->prev = *last_decision;
	}
	if (st)
		*last_status = (uint32_t)child;
	if (dec)
		*last_decision = (uint32_t)child;
}

static void add_histories(struct builder *b, const struct rv_model *m)
{
	/* Each recommendation's entries in the model's order (by date, undated ones in file order), so
	 * that the entry before is the one whose value was replaced. */
	for (size_t rec = 0; rec < m->nrecs; rec++) {
		uint32_t last_status = UINT32_MAX, last_decision = UINT32_MAX;
		for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_HISTORY); k++)
			add_history(b, m, rv_rec_child_index(m, rec, RV_HISTORY, k), &last_status, &last_decision);
	}
	for (size_t i = 0; i < rv_child_total(m, RV_HISTORY); i++) {
		if (rv_child_at(m, RV_HISTORY, i)->rec >= 0)
			continue;
		uint32_t none_status = UINT32_MAX, none_decision = UINT32_MAX;
		add_history(b, m, i, &none_status, &none_decision);
	}
}

/* The rows of a file whose time stamp is in field time_field. */
static void add_rows(struct builder *b, const struct rv_model *m, enum rv_kind kind, int time_field)
{
	for (size_t i = 0; i < rv_child_total(m, kind); i++) {
		if (kind == RV_CHANGES && rv_changes_row_records_state(m, i))
			continue; /* its history row is the entry */
		struct rv_activity *e = push(b, kind, i, rv_child_at(m, kind, i)->rec);
		e->what = RV_ACT_ROW;
		set_time_stamp(e, rv_child_field(m, kind, i, time_field));
	}
}

static int source_rank(int source)
{
	return source == RV_CHANGES ? 3 : source == RV_AGENDA ? 2 : source == RV_NOTES ? 1 : 0;
}

/* Newest first. */
static int compare(const void *pa, const void *pb)
{
	const struct rv_activity *a = pa, *b = pb;
	if (a->when != b->when)
		return a->when > b->when ? -1 : 1;
	int ra = source_rank(a->source), rb = source_rank(b->source);
	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->child != b->child)
		return a->child > b->child ? -1 : 1;
	return a->what < b->what ? -1 : a->what > b->what;
}

size_t rv_activity_build(const struct rv_model *m, struct rv_activity **out)
{
	struct builder b = {NULL, 0, 0};
	add_histories(&b, m);
	add_rows(&b, m, RV_NOTES, NOTE_TIME);
	add_rows(&b, m, RV_AGENDA, AGENDA_ADDED);
	add_rows(&b, m, RV_CHANGES, CHG_TIME);
	if (b.n)
		qsort(b.e, b.n, sizeof(*b.e), compare);
	*out = b.e;
	return b.n;
}

/* ---- what an entry says ---- */

void rv_activity_date(const struct rv_activity *e, char *buf, size_t size)
{
	if (!size)
		return;
	buf[0] = '\0';
	if (e->undated || !e->when)
		return;
	char date[16];
	int32_t d = (int32_t)(e->when / 1000000);
	long t = (long)(e->when % 1000000);
	rv_date_format(d, date, sizeof(date));
	if (e->has_time)
		snprintf(buf, size, "%sT%02ld:%02ld:%02ld", date, t / 10000, t / 100 % 100, t % 100);
	else
		snprintf(buf, size, "%s", date);
}

struct rv_text rv_history_author(const struct rv_model *m, size_t child, bool *is_recview)
{
	struct rv_text src = rv_child_field(m, RV_HISTORY, child, HIST_SOURCE);
	static const char prefix[] = "recview:";
	size_t n = sizeof(prefix) - 1;
	bool ours = src.len > n && memcmp(src.ptr, prefix, n) == 0;
	if (is_recview)
		*is_recview = ours;
	if (ours) {
		src.ptr += n;
		src.len -= n;
		while (src.len && (*src.ptr == ' ' || *src.ptr == '\t')) {
			src.ptr++;
			src.len--;
		}
	}
	return src;
}

struct rv_text rv_activity_author(const struct rv_model *m, const struct rv_activity *e)
{
	switch (e->source) {
	case RV_HISTORY:
		return rv_history_author(m, e->child, NULL);
	case RV_NOTES:
		return rv_child_field(m, RV_NOTES, e->child, NOTE_AUTHOR);
	case RV_AGENDA:
		return rv_child_field(m, RV_AGENDA, e->child, AGENDA_AUTHOR);
	case RV_CHANGES:
		return rv_child_field(m, RV_CHANGES, e->child, CHG_AUTHOR);
	default:
		return empty;
	}
}

struct rv_text rv_activity_rec_id(const struct rv_model *m, const struct rv_activity *e)
{
	if (e->rec >= 0)
		return rv_rec_id(m, (size_t)e->rec);
	return rv_child_role(m, (enum rv_kind)e->source, e->child, RV_ROLE_REC_LINK);
}

void rv_activity_item_name(const struct rv_model *m, const struct rv_activity *e, struct strbuf *out)
{
	if (e->source == RV_CHANGES) {
		struct rv_text item = rv_child_field(m, RV_CHANGES, e->child, CHG_ITEM);
		sb_add(out, item.ptr, item.len);
	} else if (e->source == RV_NOTES) {
		struct rv_text time = rv_child_field(m, RV_NOTES, e->child, NOTE_TIME);
		sb_addc(out, 'N');
		sb_add(out, time.ptr, time.len);
	}
}

bool rv_activity_item(const struct rv_model *m, const struct rv_activity *e, struct rv_item *out)
{
	if (e->rec < 0)
		return false;
	switch (e->source) {
	case RV_HISTORY:
	case RV_NOTES:
		*out = (struct rv_item){(enum rv_kind)e->source, e->child};
		return true;
	case RV_CHANGES: {
		struct rv_text item = rv_child_field(m, RV_CHANGES, e->child, CHG_ITEM);
		if (rv_item_find(m, (size_t)e->rec, item.ptr, item.len, out))
			return true;
		break;
	}
	default:
		break;
	}
	*out = (struct rv_item){RV_RECS, (size_t)e->rec};
	return true;
}

struct rv_text rv_activity_kind(const struct rv_model *m, const struct rv_activity *e)
{
	switch (e->source) {
	case RV_HISTORY:
		return cstr(e->what == RV_ACT_STATUS ? "status" : e->what == RV_ACT_DECISION ? "decision" : "history");
	case RV_NOTES:
		return cstr("note");
	case RV_AGENDA:
		return cstr("agenda");
	case RV_CHANGES:
		return rv_child_field(m, RV_CHANGES, e->child, CHG_FIELD);
	default:
		return empty;
	}
}

static int history_field(const struct rv_activity *e)
{
	return e->what == RV_ACT_STATUS ? HIST_STATUS : e->what == RV_ACT_DECISION ? HIST_DECISION : -1;
}

struct rv_text rv_activity_old(const struct rv_model *m, const struct rv_activity *e)
{
	if (e->source == RV_HISTORY && e->prev != UINT32_MAX && history_field(e) >= 0)
		return rv_child_field(m, RV_HISTORY, e->prev, history_field(e));
	if (e->source == RV_CHANGES)
		return rv_child_field(m, RV_CHANGES, e->child, CHG_PREVIOUS);
	return empty;
}

struct rv_text rv_activity_new(const struct rv_model *m, const struct rv_activity *e)
{
	switch (e->source) {
	case RV_HISTORY:
		return history_field(e) >= 0 ? rv_child_field(m, RV_HISTORY, e->child, history_field(e)) : empty;
	case RV_NOTES:
		/* As first written: the corrections are entries of their own. */
		return rv_child_text(m, RV_NOTES, rv_child_at(m, RV_NOTES, e->child), NOTE_TEXT);
	case RV_AGENDA:
		return cstr("on the agenda");
	case RV_CHANGES:
		return rv_child_field(m, RV_CHANGES, e->child, CHG_VALUE);
	default:
		return empty;
	}
}

struct rv_text rv_activity_note(const struct rv_model *m, const struct rv_activity *e)
{
	if (e->source == RV_HISTORY)
		return rv_child_field(m, RV_HISTORY, e->child, HIST_NOTE);
	if (e->source == RV_CHANGES)
		return rv_child_field(m, RV_CHANGES, e->child, CHG_NOTE);
	return empty;
}
