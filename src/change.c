/* change.c - applying a change to the session's model, and taking it back. */
#include "recview/change.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/change.h"
#include "recview/text.h"

/* ---- applying and undoing ---- */

static void set_cell(struct rv_session *s, struct rv_change *c, enum rv_kind kind, uint32_t row, int col,
		     const char *text)
{
	struct csv_table *t = &s->m->tables[kind].csv;
	struct csv_row *r = &t->rows[row];
	c->cell.used = true;
	c->cell.kind = kind;
	c->cell.row = row;
	c->cell.col = (uint32_t)col;
	c->cell.old = csv_cell_at(t, row, (size_t)col);
	c->cell.old_flags = r->flags;
	c->cell.old_nfields = r->nfields;
	c->cell.old_first = r->first_cell;
	csv_table_set_cell(t, row, (size_t)col, text, strlen(text));
	rv_session_touch(s, kind);
}

/* Puts the cell back exactly as it was, raw bytes and all: an undone row is written as it was read. */
static void undo_cell(struct rv_session *s, struct rv_change *c)
{
	if (!c->cell.used)
		return;
	struct csv_table *t = &s->m->tables[c->cell.kind].csv;
	struct csv_row *r = &t->rows[c->cell.row];
	r->first_cell = c->cell.old_first;
	r->nfields = c->cell.old_nfields;
	r->flags = c->cell.old_flags;
	if (c->cell.col < r->nfields)
		t->cells[r->first_cell + c->cell.col] = c->cell.old;
	rv_session_touch(s, c->cell.kind);
}

/* Appends a row to a child table (creating the file's table if the data set lacks it). */
static uint32_t append_row(struct rv_session *s, struct rv_change *c, enum rv_kind kind)
{
	rv_model_create_table(s->m, kind);
	uint32_t row = (uint32_t)csv_table_append_row(&s->m->tables[kind].csv);
	c->appended[kind] = true;
	rv_session_touch(s, kind);
	return row;
}

static void put(struct rv_session *s, enum rv_kind kind, uint32_t row, int field, const char *text)
{
	int col = rv_column(s->m, kind, field);
	if (col >= 0 && text && *text)
		csv_table_set_cell(&s->m->tables[kind].csv, row, (size_t)col, text, strlen(text));
}


void rv_change_apply(struct rv_session *s, struct rv_change *c)
{
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	if (rec < 0)
		return;
	memset(&c->cell, 0, sizeof(c->cell));
	memset(c->appended, 0, sizeof(c->appended));
	char source[128];
	snprintf(source, sizeof(source), "recview: %s", c->author);

	switch (c->kind) {
	case RV_CHANGE_STATUS:
	case RV_CHANGE_DECISION: {
		bool status = c->kind == RV_CHANGE_STATUS;
		int rec_field = status ? REC_STATUS : REC_DECISION;
		int col = rv_column(s->m, RV_RECS, rec_field);
		if (col >= 0)
			set_cell(s, c, RV_RECS, s->m->recs[rec].row, col, c->after);
		uint32_t row = append_row(s, c, RV_HISTORY);
		put(s, RV_HISTORY, row, HIST_REC_ID, c->rec_id);
		put(s, RV_HISTORY, row, HIST_DATE, c->date);
		put(s, RV_HISTORY, row, status ? HIST_STATUS : HIST_DECISION, c->after);
		put(s, RV_HISTORY, row, HIST_SOURCE, source);
		put(s, RV_HISTORY, row, HIST_NOTE, c->note);
		rv_model_add_child(s->m, RV_HISTORY, row);
		break;
	}
	case RV_CHANGE_PRIORITY:
		set_cell(s, c, RV_RECS, s->m->recs[rec].row, rv_column(s->m, RV_RECS, REC_PRIORITY), c->after);
		break;
	case RV_CHANGE_NOTE: {
		uint32_t row = append_row(s, c, RV_NOTES);
		put(s, RV_NOTES, row, NOTE_REC_ID, c->rec_id);
		put(s, RV_NOTES, row, NOTE_TIME, c->time);
		put(s, RV_NOTES, row, NOTE_AUTHOR, c->author);
		put(s, RV_NOTES, row, NOTE_TEXT, c->note);
		rv_model_add_child(s->m, RV_NOTES, row);
		break;
	}
	case RV_CHANGE_AGENDA_ADD: {
		s->agenda = xreallocarray(s->agenda, s->nagenda + 2, sizeof(*s->agenda));
		struct rv_agenda_item *it = &s->agenda[s->nagenda++];
		it->rec = (uint32_t)rec;
		it->added = xstrdup(c->time);
		it->author = xstrdup(c->author);
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
		} else {
			long to = c->agenda_to < 0 ? 0 : c->agenda_to > (long)s->nagenda ? (long)s->nagenda : c->agenda_to;
			memmove(s->agenda + to + 1, s->agenda + to, (s->nagenda - (size_t)to) * sizeof(*s->agenda));
			s->agenda[to] = it;
			s->nagenda++;
		}
		rv_session_touch(s, RV_AGENDA);
		break;
	}
	}
	rv_model_refresh_rec(s->m, (size_t)rec);
}

void rv_change_unapply(struct rv_session *s, struct rv_change *c)
{
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	/* Rows appended last come off first: changes are undone in reverse order. */
	for (int k = RV_KIND_COUNT - 1; k >= 0; k--) {
		if (!c->appended[k])
			continue;
		rv_model_drop_last_child(s->m, (enum rv_kind)k);
		csv_table_drop_last_row(&s->m->tables[k].csv);
		rv_session_touch(s, k);
	}
	undo_cell(s, c);
	switch (c->kind) {
	case RV_CHANGE_AGENDA_ADD:
		if (s->nagenda) {
			s->nagenda--;
			free(s->agenda[s->nagenda].added);
			free(s->agenda[s->nagenda].author);
		}
		rv_session_touch(s, RV_AGENDA);
		break;
	case RV_CHANGE_AGENDA_REMOVE: {
		s->agenda = xreallocarray(s->agenda, s->nagenda + 2, sizeof(*s->agenda));
		long from = c->agenda_from;
		memmove(s->agenda + from + 1, s->agenda + from, (s->nagenda - (size_t)from) * sizeof(*s->agenda));
		s->agenda[from].rec = (uint32_t)rec;
		s->agenda[from].added = xstrdup(c->before ? c->before : c->time);
		s->agenda[from].author = xstrdup(c->after ? c->after : c->author);
		s->nagenda++;
		rv_session_touch(s, RV_AGENDA);
		break;
	}
	case RV_CHANGE_AGENDA_MOVE: {
		long at = rv_agenda_position(s, (size_t)rec);
		if (at >= 0) {
			struct rv_agenda_item it = s->agenda[at];
			memmove(s->agenda + at, s->agenda + at + 1, (s->nagenda - (size_t)at - 1) * sizeof(*s->agenda));
			memmove(s->agenda + c->agenda_from + 1, s->agenda + c->agenda_from,
				(s->nagenda - 1 - (size_t)c->agenda_from) * sizeof(*s->agenda));
			s->agenda[c->agenda_from] = it;
		}
		rv_session_touch(s, RV_AGENDA);
		break;
	}
	default:
		break;
	}
	if (rec >= 0)
		rv_model_refresh_rec(s->m, (size_t)rec);
}
