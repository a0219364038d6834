/* change.c - applying a change to the session's model, and taking it back. */
#include "recview/change.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/date.h"
#include "recview/entity.h"
#include "recview/mapping.h"
#include "recview/vocab.h"

/* ---- applying and undoing ---- */

/* The rows that hold an item's fields: a recommendation's own rows (every row that repeats it in a flat
 * sheet, rv_rec_row_count), a child's one row. */
static size_t item_rows(const struct rv_model *m, struct rv_item it, uint32_t *first, size_t i)
{
	if (it.kind == RV_RECS) {
		*first = rv_rec_row_at(m, it.index, i);
		return rv_rec_row_count(m, it.index);
	}
	*first = rv_child_at(m, it.kind, it.index)->row;
	return 1;
}

/* The file a kind's rows are written in: recommendations.csv for a kind of a flat sheet. */
static enum rv_kind file_of(const struct rv_model *m, enum rv_kind kind)
{
	return rv_kind_flat(m, kind) ? RV_RECS : kind;
}

/*
 * Sets a field of an item, keeping what it was for undo: on each of its rows, which for a
 * recommendation of a flat sheet are every row that repeats it (one change, one save: the rows never
 * disagree on disk).
 */
static void set_item_cell(struct rv_session *s, struct rv_change *c, struct rv_item it, int field, const char *text)
{
	/* A field a mapping derives is never written (rv_change_writable refused the change; on files read
	 * again by a merge, the change goes on without it). */
	if (!rv_kind_has_field(s->m, it.kind, field) || !rv_model_field_settable(s->m, it.kind, field, NULL, 0))
		return;
	uint32_t row;
	size_t nrows = item_rows(s->m, it, &row, 0);
	struct rv_text old = rv_row_field(s->m, it.kind, row, field);
	if (old.len == strlen(text) && memcmp(old.ptr, text, old.len) == 0)
		return; /* already so: the file is not rewritten for it */
	free(c->cell.old_text);
	c->cell.old_text = xstrndup(old.ptr, old.len);
	c->cell.used = true;
	c->cell.field = field;
	c->cell.serial = s->model_serial;
	rv_model_set_field_undoable(s->m, it.kind, row, field, text, strlen(text), &c->cell.raw);
	free(c->cell.more);
	c->cell.more = nrows > 1 ? xreallocarray(NULL, nrows - 1, sizeof(*c->cell.more)) : NULL;
	c->cell.nmore = 0;
	for (size_t i = 1; i < nrows; i++) {
		item_rows(s->m, it, &row, i);
		if (rv_model_set_field_undoable(s->m, it.kind, row, field, text, strlen(text), &c->cell.more[c->cell.nmore]))
			c->cell.nmore++;
	}
	enum rv_kind file = file_of(s->m, it.kind);
	rv_session_touch(s, file);
	s->rewrite[file] = true; /* a field of a row on disk: the file is written whole */
}

static void set_cell(struct rv_session *s, struct rv_change *c, size_t rec, int field, const char *text)
{
	set_item_cell(s, c, (struct rv_item){RV_RECS, rec}, field, text);
}

/*
 * Puts the cell back: exactly as it was, raw bytes and all, on the model the change was applied to
 * (an undone row is written as it was read), the last row set first; by value on files read again
 * since (after a merge), on every row of the recommendation.
 */
static void undo_cell(struct rv_session *s, struct rv_change *c, const struct rv_item *it)
{
	if (!c->cell.used)
		return;
	enum rv_kind kind = it ? it->kind : c->cell.raw.kind, file = file_of(s->m, kind);
	if (c->cell.serial != s->model_serial) {
		const char *old = c->cell.old_text ? c->cell.old_text : "";
		bool set = false;
		uint32_t row;
		for (size_t i = 0, n = it ? item_rows(s->m, *it, &row, 0) : 0; i < n; i++) {
			item_rows(s->m, *it, &row, i);
			set |= rv_model_set_field(s->m, kind, row, c->cell.field, old, strlen(old));
		}
		if (set) {
			rv_session_touch(s, file);
			s->rewrite[file] = true;
		}
		return;
	}
	for (size_t i = c->cell.nmore; i > 0; i--)
		rv_model_restore_field(s->m, &c->cell.more[i - 1]);
	rv_model_restore_field(s->m, &c->cell.raw);
	rv_session_touch(s, file);
	s->rewrite[file] = true;
}

/* Appends a row with these fields to a child table (creating the file's table if the data set lacks it). */
static void append_row(struct rv_session *s, struct rv_change *c, enum rv_kind kind, const struct rv_field_value *values,
		       size_t n)
{
	c->row[kind] = rv_model_append_child(s->m, kind, values, n);
	c->appended[kind] = true;
	rv_session_touch(s, kind);
}

/* The item a change is about, on the model as it is now; false when it is gone. */
static bool change_item(const struct rv_model *m, const struct rv_change *c, long rec, struct rv_item *it)
{
	if (rec < 0)
		return false;
	if (c->kind != RV_CHANGE_FIELD) {
		*it = (struct rv_item){RV_RECS, (size_t)rec};
		return true;
	}
	const char *name = c->item ? c->item : "";
	return rv_item_find(m, (size_t)rec, name, strlen(name), it) && (int)it->kind == c->target;
}

/* The role that decides how a field's values compare and are written. */
static enum rv_role field_role(enum rv_kind kind, int field)
{
	return field >= 0 && field < rv_kind_def(kind)->nfields ? rv_kind_def(kind)->fields[field].role : RV_ROLE_NONE;
}

/* Whether two values of a field of kind mean the same: statuses by meaning, dates by date, else as written. */
bool rv_field_values_equal(enum rv_kind kind, int field, const char *a, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	switch (field_role(kind, field)) {
	case RV_ROLE_STATUS:
		return rv_status_parse(a, strlen(a)) == rv_status_parse(b, strlen(b));
	case RV_ROLE_STATE:
		return rv_qstatus_parse(a, strlen(a)) == rv_qstatus_parse(b, strlen(b));
	case RV_ROLE_PRIORITY:
		return rv_priority_parse(a, strlen(a)) == rv_priority_parse(b, strlen(b));
	case RV_ROLE_DATE: {
		int32_t x, y;
		if (rv_date_parse(a, strlen(a), &x) == RV_DATE_OK && rv_date_parse(b, strlen(b), &y) == RV_DATE_OK)
			return x == y;
		return strcmp(a, b) == 0;
	}
	default:
		return strcmp(a, b) == 0;
	}
}

char *rv_item_field_value(const struct rv_model *m, struct rv_item it, int field)
{
	struct rv_text v = it.kind == RV_RECS ? rv_rec_field(m, it.index, field) : rv_child_field(m, it.kind, it.index, field);
	return xstrndup(v.ptr, v.len);
}

/* A date as the column writes its dates (30/06/2016, Nov. 2015 style), from its last dated rows. */
static void date_like_column(const struct rv_model *m, enum rv_kind kind, int field, const char *iso, char *out,
			     size_t size)
{
	snprintf(out, size, "%s", iso);
	int32_t date;
	size_t rows = rv_kind_rows(m, kind);
	if (!rv_kind_has_field(m, kind, field) || rv_date_parse(iso, strlen(iso), &date) != RV_DATE_OK)
		return;
	enum rv_date_order order = rv_date_order_of(m, kind, field).order;
	for (size_t r = rows; r > 0 && r + 100 > rows; r--) {
		struct rv_text sample = rv_row_field(m, kind, (uint32_t)(r - 1), field);
		if (rv_date_write_like(date, sample.ptr, sample.len, order, out, size))
			return;
	}
}

/* A row of changes.csv for change c (the value as written into the item's file). */
static void log_field_change(struct rv_session *s, struct rv_change *c, const char *field_name, const char *written)
{
	const struct rv_field_value row[] = {
		{CHG_REC_ID, c->rec_id}, {CHG_ITEM, c->item},     {CHG_FIELD, field_name}, {CHG_VALUE, written},
		{CHG_PREVIOUS, c->before}, {CHG_TIME, c->time}, {CHG_AUTHOR, c->author}, {CHG_NOTE, c->note},
	};
	append_row(s, c, RV_CHANGES, row, sizeof(row) / sizeof(*row));
}

/* The value a field change writes, in the item's file's words (a status as the file spells it, a date in
 * its style); to be freed. */
static char *field_written(const struct rv_model *m, enum rv_kind kind, int field, const char *value)
{
	enum rv_role role = field_role(kind, field);
	if (role == RV_ROLE_STATUS || role == RV_ROLE_PRIORITY)
		return rv_file_word(m, kind, field, value);
	if (role == RV_ROLE_DATE) {
		char date[64];
		date_like_column(m, kind, field, value, date, sizeof(date));
		return xstrdup(date);
	}
	return xstrdup(value ? value : "");
}

/* The date of a new history row in the history's own style (30/06/2016). */
static void history_date(const struct rv_session *s, const char *iso, char *out, size_t size)
{
	date_like_column(s->m, RV_HISTORY, HIST_DATE, iso, out, size);
}

static void apply_field(struct rv_session *s, struct rv_change *c, long rec)
{
	struct rv_item it;
	if (!change_item(s->m, c, rec, &it))
		return; /* the item is gone from the files read again */
	char *written = field_written(s->m, it.kind, c->field, c->after);
	/* The cell holds the value in force: a change recorded before the field's latest one (a clock
	 * behind, a row carried over) only takes its place in changes.csv. */
	if (!rv_changelog_overrides(s->m, it.kind, c->field) &&
	    rv_changelog_in_force(s->m, it, c->field, c->time, strlen(c->time)))
		set_item_cell(s, c, it, c->field, written);
	log_field_change(s, c, rv_item_field_name(it.kind, c->field), written);
	if (it.kind != RV_RECS)
		rv_model_refresh_child(s->m, it.kind, it.index);
	free(written);
}

/* The fields of the row a change appends, and the texts they point to. */
struct new_row {
	struct rv_field_value v[5];
	size_t n;
	char date[32];
	char source[128];
	char *word; /* the status or decision in the history's own words (to be freed) */
};

/* The history row of a status or decision change. */
static void history_row(const struct rv_session *s, const struct rv_change *c, struct new_row *r)
{
	bool status = c->kind == RV_CHANGE_STATUS;
	r->word = rv_file_word(s->m, RV_HISTORY, status ? HIST_STATUS : HIST_DECISION, c->after);
	history_date(s, c->date, r->date, sizeof(r->date));
	snprintf(r->source, sizeof(r->source), "recview: %s", c->author);
	const struct rv_field_value entry[] = {
		{HIST_REC_ID, c->rec_id}, {HIST_DATE, r->date}, {status ? HIST_STATUS : HIST_DECISION, r->word},
		{HIST_SOURCE, r->source}, {HIST_NOTE, c->note},
	};
	memcpy(r->v, entry, sizeof(entry));
	r->n = sizeof(entry) / sizeof(*entry);
}

static void note_row(const struct rv_change *c, struct new_row *r)
{
	const struct rv_field_value note[] = {
		{NOTE_REC_ID, c->rec_id}, {NOTE_TIME, c->time}, {NOTE_AUTHOR, c->author}, {NOTE_TEXT, c->note},
	};
	memcpy(r->v, note, sizeof(note));
	r->n = sizeof(note) / sizeof(*note);
	r->word = NULL;
}

/* Whether field of recommendations may be set, if the file has it; else why. */
static bool rec_field_writable(const struct rv_session *s, int field, char *why, size_t size)
{
	return !rv_kind_has_field(s->m, RV_RECS, field) || rv_model_field_settable(s->m, RV_RECS, field, why, size);
}

bool rv_change_writable(const struct rv_session *s, const struct rv_change *c, char *why, size_t size)
{
	struct new_row row;
	bool ok = true;
	switch (c->kind) {
	case RV_CHANGE_STATUS:
	case RV_CHANGE_DECISION:
		if (!rec_field_writable(s, c->kind == RV_CHANGE_STATUS ? REC_STATUS : REC_DECISION, why, size))
			return false;
		history_row(s, c, &row);
		ok = rv_model_row_fits(s->m, RV_HISTORY, row.v, row.n, why, size);
		free(row.word);
		return ok;
	case RV_CHANGE_PRIORITY:
		return rec_field_writable(s, REC_PRIORITY, why, size);
	case RV_CHANGE_FIELD: {
		enum rv_kind kind = (enum rv_kind)c->target;
		if (rv_changelog_overrides(s->m, kind, c->field) || !rv_kind_has_field(s->m, kind, c->field))
			return true; /* only changes.csv is written */
		return rv_model_field_settable(s->m, kind, c->field, why, size);
	}
	case RV_CHANGE_NOTE:
		note_row(c, &row);
		return rv_model_row_fits(s->m, RV_NOTES, row.v, row.n, why, size);
	default:
		/* agenda.csv is written whole in recview's own columns: a mapping that derives its id
		 * would read something else from it. */
		if (rv_model_field_derived(s->m, RV_AGENDA, AGENDA_REC_ID))
			return rv_model_field_settable(s->m, RV_AGENDA, AGENDA_REC_ID, why, size);
		return true;
	}
}

/* An agenda item's budget, from minutes as the change holds them ("" none); nothing when it is off the agenda. */
static void set_minutes(struct rv_session *s, long rec, const char *text)
{
	long at = rec >= 0 ? rv_agenda_position(s, (size_t)rec) : -1;
	unsigned minutes = 0;
	if (at < 0 || !rv_minutes_parse(text, &minutes))
		return;
	s->agenda[at].minutes = minutes;
	rv_session_touch(s, RV_AGENDA);
}

void rv_change_apply(struct rv_session *s, struct rv_change *c)
{
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	if (rec < 0 || c->noop)
		return;
	free(c->cell.old_text);
	free(c->cell.more);
	memset(&c->cell, 0, sizeof(c->cell));
	memset(c->appended, 0, sizeof(c->appended));

	switch (c->kind) {
	case RV_CHANGE_STATUS:
	case RV_CHANGE_DECISION: {
		bool status = c->kind == RV_CHANGE_STATUS;
		/* In each file's own words: "Completed" where its statuses are written so. */
		char *in_recs = rv_file_word(s->m, RV_RECS, status ? REC_STATUS : REC_DECISION, c->after);
		/* The column holds the state in force: a backdated change only takes its place in the history. */
		int32_t date = RV_DATE_NONE;
		if (rv_date_parse(c->date, strlen(c->date), &date) != RV_DATE_OK)
			date = RV_DATE_NONE;
		if (rv_rec_entry_in_force(s->m, (size_t)rec, status, date))
			set_cell(s, c, (size_t)rec, status ? REC_STATUS : REC_DECISION, in_recs);
		free(in_recs);
		struct new_row entry;
		history_row(s, c, &entry);
		append_row(s, c, RV_HISTORY, entry.v, entry.n);
		/* When it was recorded: the history's date is the date in force, which a change can backdate
		 * (changelog.h, "recorded"). */
		log_field_change(s, c, status ? "status" : "decision", entry.word);
		free(entry.word);
		break;
	}
	case RV_CHANGE_PRIORITY: {
		char *word = rv_file_word(s->m, RV_RECS, REC_PRIORITY, c->after);
		set_cell(s, c, (size_t)rec, REC_PRIORITY, word);
		log_field_change(s, c, "priority", word);
		free(word);
		break;
	}
	case RV_CHANGE_FIELD:
		apply_field(s, c, rec);
		break;
	case RV_CHANGE_NOTE: {
		struct new_row note;
		note_row(c, &note);
		append_row(s, c, RV_NOTES, note.v, note.n);
		break;
	}
	case RV_CHANGE_AGENDA_ADD: {
		if (rv_agenda_position(s, (size_t)rec) >= 0)
			break;
		s->agenda = xreallocarray(s->agenda, s->nagenda + 2, sizeof(*s->agenda));
		struct rv_agenda_item *it = &s->agenda[s->nagenda++];
		it->rec = (uint32_t)rec;
		it->added = xstrdup(c->time);
		it->author = xstrdup(c->author);
		it->minutes = 0; /* a budget is set apart (rv_agenda_set_minutes) */
		c->agenda_to = (long)s->nagenda - 1;
		rv_session_touch(s, RV_AGENDA);
		break;
	}
	case RV_CHANGE_AGENDA_REMOVE:
	case RV_CHANGE_AGENDA_MOVE: {
		long from = rv_agenda_position(s, (size_t)rec);
		if (from < 0)
			break;
		struct rv_agenda_item it = s->agenda[from];
		memmove(s->agenda + from, s->agenda + from + 1, (s->nagenda - (size_t)from - 1) * sizeof(*s->agenda));
		s->nagenda--;
		c->agenda_from = from;
		if (c->kind == RV_CHANGE_AGENDA_REMOVE) {
			/* Kept in the change, so that undo puts the entry back as it was. */
			free(c->before);
			free(c->after);
			c->before = it.added;
			c->after = it.author;
			c->minutes = it.minutes;
		} else {
			long to = c->agenda_to < 0 ? 0 : c->agenda_to > (long)s->nagenda ? (long)s->nagenda : c->agenda_to;
			memmove(s->agenda + to + 1, s->agenda + to, (s->nagenda - (size_t)to) * sizeof(*s->agenda));
			s->agenda[to] = it;
			s->nagenda++;
		}
		rv_session_touch(s, RV_AGENDA);
		break;
	}
	case RV_CHANGE_AGENDA_MINUTES:
		set_minutes(s, rec, c->after);
		break;
	}
	rv_model_refresh_rec(s->m, (size_t)rec);
}

bool rv_change_values_equal(enum rv_change_kind kind, const char *a, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	switch (kind) {
	case RV_CHANGE_STATUS:
		return rv_status_parse(a, strlen(a)) == rv_status_parse(b, strlen(b));
	case RV_CHANGE_DECISION:
		return rv_decision_parse(a, strlen(a)) == rv_decision_parse(b, strlen(b));
	case RV_CHANGE_PRIORITY:
		return rv_priority_parse(a, strlen(a)) == rv_priority_parse(b, strlen(b));
	default:
		return strcmp(a, b) == 0;
	}
}

char *rv_change_current_value(const struct rv_model *m, enum rv_change_kind kind, size_t rec)
{
	if (kind == RV_CHANGE_STATUS)
		return xstrdup(rv_status_name(rv_rec_status(m, rec, RV_DATE_NONE)));
	if (kind == RV_CHANGE_DECISION)
		return xstrdup(rv_decision_name(rv_rec_decision(m, rec, RV_DATE_NONE)));
	struct rv_text pri = rv_rec_field(m, rec, REC_PRIORITY);
	return xstrndup(pri.ptr, pri.len);
}

bool rv_change_sets_value(const struct rv_change *c)
{
	return c->kind <= RV_CHANGE_PRIORITY || c->kind == RV_CHANGE_FIELD;
}

bool rv_change_shows_values(const struct rv_change *c)
{
	return c->kind <= RV_CHANGE_PRIORITY || (c->kind == RV_CHANGE_FIELD && c->target != RV_NOTES) ||
	       c->kind == RV_CHANGE_AGENDA_MINUTES;
}

bool rv_change_same_value(const struct rv_change *c, const char *a, const char *b)
{
	if (c->kind == RV_CHANGE_FIELD)
		return rv_field_values_equal((enum rv_kind)c->target, c->field, a, b);
	return rv_change_values_equal(c->kind, a, b);
}

char *rv_change_value_now(const struct rv_model *m, const struct rv_change *c)
{
	long rec = rv_find_rec(m, c->rec_id, strlen(c->rec_id));
	struct rv_item it;
	if (!change_item(m, c, rec, &it))
		return NULL;
	if (c->kind == RV_CHANGE_FIELD)
		return rv_item_field_value(m, it, c->field);
	return rv_change_current_value(m, c->kind, (size_t)rec);
}

/* Whether a cell holds text (a field the table lacks counts as holding anything; NULL as empty). */
static bool cell_holds(const struct rv_model *m, enum rv_kind kind, uint32_t row, int field, const char *text)
{
	if (!rv_kind_has_field(m, kind, field))
		return true;
	struct rv_text v = rv_row_field(m, kind, row, field);
	size_t len = text ? strlen(text) : 0;
	return v.len == len && (len == 0 || memcmp(v.ptr, text, len) == 0);
}

/* Whether a row of a child table is the one change c appended: the same values in every field it set. */
static bool row_is_from(const struct rv_session *s, const struct rv_change *c, enum rv_kind kind, uint32_t row,
			const char *date)
{
	const struct rv_model *m = s->m;
	if (row >= rv_kind_rows(m, kind))
		return false;
	if (kind == RV_NOTES)
		return cell_holds(m, kind, row, NOTE_REC_ID, c->rec_id) && cell_holds(m, kind, row, NOTE_TIME, c->time) &&
		       cell_holds(m, kind, row, NOTE_AUTHOR, c->author) && cell_holds(m, kind, row, NOTE_TEXT, c->note);
	if (kind == RV_CHANGES)
		return cell_holds(m, kind, row, CHG_REC_ID, c->rec_id) && cell_holds(m, kind, row, CHG_TIME, c->time) &&
		       cell_holds(m, kind, row, CHG_AUTHOR, c->author) && cell_holds(m, kind, row, CHG_ITEM, c->item) &&
		       cell_holds(m, kind, row, CHG_NOTE, c->note);
	char source[128];
	snprintf(source, sizeof(source), "recview: %s", c->author);
	/* The plain fields first: most rows differ in their id, and need no copy of their value. */
	if (!cell_holds(m, kind, row, HIST_REC_ID, c->rec_id) || !cell_holds(m, kind, row, HIST_SOURCE, source) ||
	    !cell_holds(m, kind, row, HIST_NOTE, c->note) ||
	    !(cell_holds(m, kind, row, HIST_DATE, c->date) || cell_holds(m, kind, row, HIST_DATE, date)))
		return false;
	bool status = c->kind == RV_CHANGE_STATUS;
	struct rv_text value = rv_row_field(m, kind, row, status ? HIST_STATUS : HIST_DECISION);
	char *written = xstrndup(value.ptr, value.len);
	bool same_value = rv_change_values_equal(c->kind, written, c->after); /* written in the file's words */
	free(written);
	return same_value;
}

/* The row c appended to a table: where it was put, else (the files were read again) the last row that
 * holds the same values; -1 when someone removed it. */
static long find_appended_row(const struct rv_session *s, const struct rv_change *c, enum rv_kind kind)
{
	char date[32]; /* as the history writes its dates */
	history_date(s, c->date, date, sizeof(date));
	if (row_is_from(s, c, kind, c->row[kind], date))
		return c->row[kind];
	for (size_t r = rv_kind_rows(s->m, kind); r > 0; r--)
		if (row_is_from(s, c, kind, (uint32_t)(r - 1), date))
			return (long)r - 1;
	return -1;
}

/* Whether the field c set still holds c's value: else someone changed it since, and undo would undo theirs. */
static bool field_still_ours(struct rv_session *s, const struct rv_change *c, long rec)
{
	if (!c->cell.used || c->cell.serial == s->model_serial)
		return true;
	static const char *const names[] = {"status", "decision", "priority"};
	const char *what = c->kind <= RV_CHANGE_PRIORITY ? names[c->kind]
			   : c->kind == RV_CHANGE_FIELD ? rv_item_field_name((enum rv_kind)c->target, c->field) : "field";
	char *now = rec >= 0 ? rv_change_value_now(s->m, c) : NULL;
	if (!now) {
		snprintf(s->error, sizeof(s->error), "%s%s%s is no longer in the files: its %s change cannot be undone",
			 c->rec_id, c->item && *c->item ? " " : "", c->item ? c->item : "", what);
		return false;
	}
	bool same = rv_change_same_value(c, now, c->after);
	if (!same)
		snprintf(s->error, sizeof(s->error),
			 "the %s of %s%s%s was changed on disk since (now \"%s\"): undoing yours would undo that, so nothing was changed",
			 what, c->rec_id, c->item && *c->item ? " " : "", c->item ? c->item : "", *now ? now : "(none)");
	free(now);
	return same;
}

static void agenda_remove_rec(struct rv_session *s, long rec)
{
	long at = rec >= 0 ? rv_agenda_position(s, (size_t)rec) : -1;
	if (at < 0)
		return;
	free(s->agenda[at].added);
	free(s->agenda[at].author);
	memmove(s->agenda + at, s->agenda + at + 1, (s->nagenda - (size_t)at - 1) * sizeof(*s->agenda));
	s->nagenda--;
	rv_session_touch(s, RV_AGENDA);
}

static void agenda_insert(struct rv_session *s, long at, struct rv_agenda_item it)
{
	s->agenda = xreallocarray(s->agenda, s->nagenda + 2, sizeof(*s->agenda));
	if (at < 0 || at > (long)s->nagenda)
		at = (long)s->nagenda;
	memmove(s->agenda + at + 1, s->agenda + at, (s->nagenda - (size_t)at) * sizeof(*s->agenda));
	s->agenda[at] = it;
	s->nagenda++;
	rv_session_touch(s, RV_AGENDA);
}

static void unapply_agenda(struct rv_session *s, struct rv_change *c, long rec)
{
	switch (c->kind) {
	case RV_CHANGE_AGENDA_ADD:
		agenda_remove_rec(s, rec);
		break;
	case RV_CHANGE_AGENDA_REMOVE:
		if (rec >= 0 && rv_agenda_position(s, (size_t)rec) < 0) {
			struct rv_agenda_item it = {(uint32_t)rec, xstrdup(c->before ? c->before : c->time),
						    xstrdup(c->after ? c->after : c->author), c->minutes};
			agenda_insert(s, c->agenda_from, it);
		}
		break;
	case RV_CHANGE_AGENDA_MOVE: {
		long at = rec >= 0 ? rv_agenda_position(s, (size_t)rec) : -1;
		if (at < 0)
			break;
		struct rv_agenda_item it = s->agenda[at];
		memmove(s->agenda + at, s->agenda + at + 1, (s->nagenda - (size_t)at - 1) * sizeof(*s->agenda));
		s->nagenda--;
		agenda_insert(s, c->agenda_from, it);
		break;
	}
	case RV_CHANGE_AGENDA_MINUTES:
		set_minutes(s, rec, c->before);
		break;
	default:
		break;
	}
}

bool rv_change_unapply(struct rv_session *s, struct rv_change *c)
{
	if (c->noop)
		return true;
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	if (!field_still_ours(s, c, rec))
		return false;
	/* Rows appended last come off first: changes are undone in reverse order. */
	for (int k = RV_KIND_COUNT - 1; k >= 0; k--) {
		if (!c->appended[k])
			continue;
		long row = find_appended_row(s, c, (enum rv_kind)k);
		if (row >= 0 && (size_t)row < s->saved_rows[k])
			s->rewrite[k] = true; /* a row on disk goes: the file is written whole */
		if (row >= 0) {
			rv_model_remove_row(s->m, (enum rv_kind)k, (uint32_t)row);
			rv_session_touch(s, k);
		}
	}
	struct rv_item it;
	bool found = change_item(s->m, c, rec, &it);
	undo_cell(s, c, found ? &it : NULL);
	if (found && it.kind != RV_RECS)
		rv_model_refresh_child(s->m, it.kind, it.index);
	unapply_agenda(s, c, rec);
	if (rec >= 0)
		rv_model_refresh_rec(s->m, (size_t)rec);
	return true;
}
