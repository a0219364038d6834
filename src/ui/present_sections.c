/*
 * present_sections.c - the content of the walkthrough's slide, below its id, state and title
 * (present_slide.c): what was decided in this meeting, the text, the deliverables with owner and due
 * date, the latest history entry, the notes and the open questions (as of a date with dim, the
 * entries and notes recorded later too, dimmed); and how much air goes between them at each size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/app.h"
#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/as_of_later.h"
#include "recview/decided.h"
#include "recview/entity.h"
#include "recview/follow_ui.h"
#include "recview/items.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"
#include "recview/present.h"

/* ---- air ---- */

int present_air_most(int lines)
{
	/* 80x24 stays compact; a projector's 40 and more rows get wider gaps and a top margin. */
	return lines >= 55 ? 2 : lines >= 40 ? 1 : 0;
}

struct present_air present_air_at(int level)
{
	struct present_air air = {level > 0 ? level : 0, 1 + (level > 0 ? level : 0)};
	return air;
}

/* ---- building ---- */

static void add_text(struct view *v, uint16_t type, uint32_t ref, const char *s, size_t len)
{
	view_add_wrapped(v, type, ref, false, s, len, present_text_width(v));
}

static void add_blank_lines(struct view *v, int gap)
{
	for (int i = 0; i < gap; i++)
		view_add_line(v, PL_BLANK, 0, false);
}

/* The columns before a decided change's text: its time ("10:15") and two spaces. */
enum { DECIDED_INDENT = 7 };

/* The change a decided line tells: the session's, or on a follower's slide the files' (ref: its index). */
static const struct rv_change *decided_change(const struct view *v, uint32_t ref)
{
	const struct present_state *st = v->data;
	const struct rv_session *s = v->app->session;
	if (st->from == PRESENT_FOLLOW)
		return ref < st->ndecided ? &st->decided[ref] : NULL;
	return s && ref < s->applied ? &s->changes[ref] : NULL;
}

/* A follower's: what the presenter's meeting decided about the item, read from the files the
 * presenter's session wrote (since its walkthrough began, by its author: follow_presenter_meeting). */
void present_sections_prepare(struct view *v)
{
	struct present_state *st = v->data;
	rv_files_decided_free(st->decided, st->ndecided);
	st->decided = NULL;
	st->ndecided = 0;
	const char *since, *author;
	if (st->from == PRESENT_FOLLOW && st->n && follow_presenter_meeting(v->app, &since, &author))
		st->ndecided = rv_files_decided(v->app->m, st->recs[st->at], since, author, &st->decided);
}

/*
 * What this meeting decided about the item, oldest first, each at its time: the session's changes in
 * effect (the minutes' own list, decided.h), so that the slide and the minutes agree, an undo takes
 * the line away and a triage key on the slide shows its line at once. A follower lists the same
 * changes as the files record them, in the same words. It comes right under the title, before the
 * text: the chair checks there that the key pressed recorded what the room decided, and the room has
 * read the text already.
 */
static void add_decided(struct view *v, size_t rec, int gap)
{
	const struct present_state *st = v->data;
	const struct rv_session *s = v->app->session;
	bool following = st->from == PRESENT_FOLLOW;
	size_t n = following ? st->ndecided : s ? rv_session_decided(s, rec, NULL, 0) : 0;
	if (!n)
		return;
	size_t *changes = xcalloc(n, sizeof(*changes));
	if (following)
		for (size_t i = 0; i < n; i++)
			changes[i] = i;
	else
		rv_session_decided(s, rec, changes, n);
	char heading[64];
	snprintf(heading, sizeof(heading), "Decided in this meeting  %zu change%s", n, n == 1 ? "" : "s");
	add_blank_lines(v, gap);
	add_text(v, PL_HEADING, 1, heading, strlen(heading));
	struct strbuf line;
	sb_init(&line);
	for (size_t i = 0; i < n; i++) {
		sb_reset(&line);
		rv_decided_describe(decided_change(v, (uint32_t)changes[i]), v->app->ascii, &line);
		view_add_wrapped(v, PL_DECIDED, (uint32_t)changes[i], false, line.data, line.len,
				 present_text_width(v) - DECIDED_INDENT);
	}
	sb_free(&line);
	free(changes);
}

/* As of a date with as-of-later = dim (&): what was recorded after the date is kept, dimmed and marked
 * "[after DATE]" as on the page; hidden otherwise. */
static bool keeps_later(const struct view *v)
{
	return v->app->as_of != RV_DATE_NONE && v->app->as_of_later == RV_AS_OF_DIM;
}

/* With dim, under a deliverable or question: the fields a later change set and what they read now,
 * "after 2015-06-30: status complete, owner Bob", as the page has it. */
static void add_later_values(struct view *v, enum rv_kind kind, size_t child)
{
	if (!keeps_later(v))
		return;
	struct strbuf line;
	sb_init(&line);
	if (rv_child_later_values(v->app->m, kind, child, v->app->as_of, &line))
		add_text(v, PL_LATER_TEXT, 0, line.data, line.len);
	sb_free(&line);
}

/* One deliverable: what, then who owns it and, until it is done, when it is due and whether that has
 * passed, all as of the date in force. */
static void add_deliverable(struct view *v, size_t d)
{
	const struct rv_model *m = v->app->m;
	int32_t as_of = v->app->as_of;
	struct rv_text desc = rv_child_field(m, RV_DELIVERABLES, d, DEL_DESCRIPTION);
	struct rv_text owner = rv_child_field_as_of(m, RV_DELIVERABLES, d, DEL_RESPONSIBLE, as_of);
	struct rv_text due = rv_child_field_as_of(m, RV_DELIVERABLES, d, DEL_DUE, as_of);
	bool done = rv_deliverable_status_as_of(m, d, as_of) == RV_STATUS_COMPLETE;
	struct strbuf line;
	sb_init(&line);
	sb_add(&line, desc.ptr, desc.len);
	bool open = owner.len || (!done && due.len);
	if (open)
		sb_adds(&line, "  (");
	sb_add(&line, owner.ptr, owner.len);
	if (!done && due.len) {
		sb_adds(&line, owner.len ? ", due " : "due ");
		sb_add(&line, due.ptr, due.len);
		if (rv_deliverable_overdue_as_of(m, d, as_of))
			sb_adds(&line, ", overdue");
	}
	if (open)
		sb_adds(&line, ")");
	view_add_wrapped(v, PL_DELIVERABLE, (uint32_t)d, false, line.data, line.len, present_text_width(v) - 4);
	sb_free(&line);	add_later_values(v, RV_DELIVERABLES, d);
}

static void add_deliverables(struct view *v, size_t rec, int gap)
{
	const struct rv_model *m = v->app->m;
	const struct rv_rec *r = rv_rec_at(m, rec);
	if (!r->count[RV_DELIVERABLES])
		return;
	char heading[96];
	size_t overdue = rv_rec_overdue_as_of(m, rec, v->app->as_of);
	snprintf(heading, sizeof(heading), "Deliverables  %u of %u done",
		 (unsigned)rv_rec_deliverables_done_as_of(m, rec, v->app->as_of), r->count[RV_DELIVERABLES]);
	if (overdue)
		snprintf(heading + strlen(heading), sizeof(heading) - strlen(heading), ", %zu overdue", overdue);
	add_blank_lines(v, gap);
	add_text(v, PL_HEADING, 0, heading, strlen(heading));
	for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++)
		add_deliverable(v, rv_rec_child_index(m, rec, RV_DELIVERABLES, k));
}

/* How many entries recorded after the date a slide keeps, of the history and of the notes (the
 * newest); the page has them all. */
enum { SLIDE_LATER = 3 };

/* "N more ... recorded after DATE on the page (Enter)", dimmed. */
static void add_more_later(struct view *v, size_t more, const char *what)
{
	struct strbuf line;
	sb_init(&line);
	sb_addf(&line, "%zu more %s%s ", more, what, more == 1 ? "" : "s");
	rv_after_words(v->app->as_of, &line);
	sb_adds(&line, " on the page (Enter)");
	add_text(v, PL_LATER_TEXT, 0, line.data, line.len);
	sb_free(&line);
}

/* How many history entries after position latest were recorded after the date: 0 unless the slide
 * keeps them (dim). */
static size_t later_entry_count(const struct view *v, size_t rec, long latest)
{
	const struct rv_model *m = v->app->m;
	size_t count = rv_rec_at(m, rec)->count[RV_HISTORY], later = 0;
	for (size_t k = (size_t)(latest + 1); keeps_later(v) && k < count; k++)
		later += !rv_child_recorded_by(m, RV_HISTORY, rv_rec_child_index(m, rec, RV_HISTORY, k), v->app->as_of);
	return later;
}

/* The later history entries after position latest: the newest SLIDE_LATER of them in date order
 * (what came next), each dimmed with its note. */
static void add_later_entries(struct view *v, size_t rec, long latest, size_t later)
{
	const struct rv_model *m = v->app->m;
	size_t count = rv_rec_at(m, rec)->count[RV_HISTORY];
	size_t skip = later > SLIDE_LATER ? later - SLIDE_LATER : 0;
	if (skip)
		add_more_later(v, skip, "entry");
	for (size_t k = (size_t)(latest + 1); k < count; k++) {
		size_t child = rv_rec_child_index(m, rec, RV_HISTORY, k);
		if (rv_child_recorded_by(m, RV_HISTORY, child, v->app->as_of) || (skip && skip--))
			continue;
		view_add_line(v, PL_LATER, (uint32_t)child, false);
		struct rv_text note = rv_child_field(m, RV_HISTORY, child, HIST_NOTE);
		if (note.len)
			add_text(v, PL_LATER_TEXT, 0, note.ptr, note.len);
	}
}

/* The latest entry in force on the date; with dim, the entries after it too. */
static void add_latest(struct view *v, size_t rec, int gap)
{
	const struct rv_model *m = v->app->m;
	long latest = rv_rec_latest_entry(m, rec, v->app->as_of); /* never an entry after the date in force */
	size_t later = later_entry_count(v, rec, latest);
	if (latest < 0 && !later)
		return;
	add_blank_lines(v, gap);
	if (latest >= 0) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, (size_t)latest);
		view_add_line(v, PL_LATEST, (uint32_t)rv_child_index_of(m, RV_HISTORY, h), false);
		struct rv_text note = rv_child_text(m, RV_HISTORY, h, HIST_NOTE);
		if (note.len)
			add_text(v, PL_NOTE, 0, note.ptr, note.len);
	}
	if (later)
		add_later_entries(v, rec, latest, later);
}

/* How many notes a slide shows, newest first; the page has the rest. */
enum { SLIDE_NOTES = 5 };

/* A note's line: "2026-12-02  alice: text", "[after DATE]" after the author when recorded later. */
static void add_note_line(struct view *v, size_t note, bool later)
{
	const struct rv_model *m = v->app->m;
	struct rv_text when = rv_child_field(m, RV_NOTES, note, NOTE_TIME);
	struct rv_text who = rv_child_field(m, RV_NOTES, note, NOTE_AUTHOR);
	struct rv_text text = rv_child_field(m, RV_NOTES, note, NOTE_TEXT);
	struct strbuf line;
	sb_init(&line);
	sb_add(&line, when.ptr, when.len < 10 ? when.len : 10);
	sb_adds(&line, "  ");
	sb_add(&line, who.ptr, who.len);
	if (later) {
		sb_adds(&line, "  ");
		rv_after_mark(v->app->as_of, &line);
	}
	sb_adds(&line, ": ");
	sb_add(&line, text.ptr, text.len);
	add_text(v, later ? PL_LATER_TEXT : PL_NOTE, 0, line.data, line.len);
	sb_free(&line);
}

/* What the notes list counts: shown and not, in time and recorded after the date (dim). */
struct note_counts {
	size_t readable, shown, later, later_shown;
	bool headed, said_more_later;
};

static void note_heading(struct view *v, struct note_counts *c, int gap)
{
	if (c->headed)
		return;
	c->headed = true;
	add_blank_lines(v, gap);
	add_text(v, PL_HEADING, 0, "Notes, newest first", 19);
}

/*
 * The notes recorded by the date in force that still read (not retracted), newest first; with dim the
 * notes recorded after it come first (they are the newest), the newest SLIDE_LATER of them dimmed and
 * marked, and how many more the page has where they end.
 */
static void add_notes(struct view *v, size_t rec, int gap)
{
	const struct rv_model *m = v->app->m;
	const struct rv_rec *r = rv_rec_at(m, rec);
	struct note_counts c = {0};
	for (size_t k = r->count[RV_NOTES]; k-- > 0;) {
		size_t note = rv_child_index_of(m, RV_NOTES, rv_rec_child(m, rec, RV_NOTES, k));
		if (!rv_child_field(m, RV_NOTES, note, NOTE_TEXT).len)
			continue;
		if (!rv_note_recorded_by(m, note, v->app->as_of)) {
			if (!keeps_later(v))
				continue;
			note_heading(v, &c, gap);
			if (c.later++ < SLIDE_LATER) {
				add_note_line(v, note, true);
				c.later_shown++;
			}
			continue;
		}
		if (c.later > c.later_shown && !c.said_more_later) {
			add_more_later(v, c.later - c.later_shown, "note");
			c.said_more_later = true;
		}
		note_heading(v, &c, gap);
		c.readable++;
		if (c.shown == SLIDE_NOTES)
			continue;
		add_note_line(v, note, false);
		c.shown++;
	}
	if (c.later > c.later_shown && !c.said_more_later)
		add_more_later(v, c.later - c.later_shown, "note");
	if (c.readable > c.shown) {
		char more[96];
		snprintf(more, sizeof(more), "%zu earlier note%s on the page (Enter)", c.readable - c.shown,
			 c.readable - c.shown == 1 ? "" : "s");
		add_text(v, PL_TOPIC, 0, more, strlen(more));
	}
}

/* Every open question (open or follow-up) with its state: how many of all, then each. */
static void add_open_questions(struct view *v, size_t rec, int gap)
{
	const struct rv_model *m = v->app->m;
	const struct rv_rec *r = rv_rec_at(m, rec);
	size_t open = 0;
	for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++) {
		size_t q = rv_child_index_of(m, RV_QUESTIONS, rv_rec_child(m, rec, RV_QUESTIONS, k));
		open += rv_qstatus_is_open(rv_question_state_as_of(m, q, v->app->as_of));
	}
	if (!open)
		return;
	char heading[64];
	snprintf(heading, sizeof(heading), "Open questions  %zu of %u", open, r->count[RV_QUESTIONS]);
	add_blank_lines(v, gap);
	add_text(v, PL_HEADING, 0, heading, strlen(heading));
	for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++) {
		const struct rv_child *c = rv_rec_child(m, rec, RV_QUESTIONS, k);
		size_t q = rv_child_index_of(m, RV_QUESTIONS, c);
		enum rv_qstatus st = rv_question_state_as_of(m, q, v->app->as_of);
		if (!rv_qstatus_is_open(st))
			continue;
		struct rv_text qid = rv_child_text(m, RV_QUESTIONS, c, Q_QID);
		struct rv_text text = rv_child_text(m, RV_QUESTIONS, c, Q_QUESTION);
		struct strbuf line;
		sb_init(&line);
		sb_add(&line, qid.ptr, qid.len);
		sb_adds(&line, "  (");
		sb_adds(&line, rv_qstatus_name(st));
		sb_adds(&line, ")  ");
		sb_add(&line, text.ptr, text.len);
		add_text(v, PL_NOTE, 1, line.data, line.len);
		sb_free(&line);
		add_later_values(v, RV_QUESTIONS, q);
	}
}

void present_sections_build(struct view *v, size_t rec, int gap)
{
	add_decided(v, rec, gap);
	struct rv_text text = rv_rec_field(v->app->m, rec, REC_TEXT);
	if (text.len) {
		add_blank_lines(v, gap);
		add_text(v, PL_TEXT, 0, text.ptr, text.len);
	}
	add_deliverables(v, rec, gap);
	add_latest(v, rec, gap);
	add_notes(v, rec, gap);
	add_open_questions(v, rec, gap);
}

/* ---- drawing ---- */

static void draw_deliverable(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	bool done = rv_deliverable_status_as_of(m, line->ref, v->app->as_of) == RV_STATUS_COMPLETE;
	bool late = !done && rv_deliverable_overdue_as_of(m, line->ref, v->app->as_of);
	if (line->sub == 0)
		draw_str(d, done ? (d->ascii ? "[x] " : "\xE2\x98\x91 ") : (d->ascii ? "[ ] " : "\xE2\x98\x90 "),
			 done ? C_ST_COMPLETE : late ? C_ERROR : C_ST_PROGRESS);
	else
		draw_str(d, d->ascii ? "    " : "  ", C_DEFAULT);
	draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
}

/* A history entry's line: label, date, status and decision; one recorded after the date (dim) is
 * dimmed and marked. */
static void draw_entry(struct view *v, const struct line *line, struct draw *d, bool later)
{
	const struct rv_model *m = v->app->m;
	const struct rv_child *h = rv_child_at(m, RV_HISTORY, line->ref);
	struct rv_text date = rv_child_text(m, RV_HISTORY, h, HIST_DATE);
	d->dimmed = later;
	draw_str(d, later ? "Later   " : "Latest  ", C_HEADING);
	draw_text(d, date.ptr, date.len, C_DATE);
	if (h->status != RV_STATUS_NONE) {
		draw_str(d, "  ", C_DEFAULT);
		draw_str(d, rv_status_glyph(h->status, d->ascii), status_color(h->status));
		draw_str(d, " ", C_DEFAULT);
		draw_str(d, rv_status_name(h->status), status_color(h->status));
	}
	if (h->decision != RV_DECISION_NONE) {
		draw_str(d, "  decision ", C_DIM);
		draw_str(d, rv_decision_name(h->decision), decision_color(h->decision));
	}
	if (later) {
		struct strbuf mark;
		sb_init(&mark);
		sb_adds(&mark, "  ");
		rv_after_mark(v->app->as_of, &mark);
		draw_str(d, mark.data, C_DIM);
		sb_free(&mark);
	}
}

/* A decided change: its time on its first row, the rows it wraps onto under its text. */
static void draw_decided(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_change *c = decided_change(v, line->ref);
	char clock[6] = "";
	if (line->sub == 0 && c)
		rv_change_clock(c, clock);
	draw_str(d, clock, C_DATE);
	draw_spaces(d, DECIDED_INDENT - (int)strlen(clock), C_DEFAULT);
	draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
}

bool present_sections_draw(struct view *v, const struct line *line, struct draw *d)
{
	switch (line->type) {
	case PL_DELIVERABLE:
		draw_deliverable(v, line, d);
		return true;
	case PL_LATEST:
	case PL_LATER:
		draw_entry(v, line, d, line->type == PL_LATER);
		return true;
	case PL_LATER_TEXT:
		d->dimmed = true;
		draw_text(d, view_line_text(v, line), line->len, C_DIM);
		return true;
	case PL_DECIDED:
		draw_decided(v, line, d);
		return true;
	default:
		return false;
	}
}
