/*
 * present_slide.c - the walkthrough's slide: one recommendation per screen, the id, status and title
 * big (present_big.c), generous margins, its text, deliverables, latest entry and open questions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/app.h"
#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"
#include "recview/present.h"

/* ---- building one screen ---- */

/* A readable line length: text lines no longer than this many columns, however wide the screen. */
enum { SLIDE_MEASURE = 84 };

/* The slide is one centred block of at most SLIDE_MEASURE columns (2 columns of margin when narrower). */
static int margin(const struct view *v)
{
	if (v->width - 4 <= SLIDE_MEASURE)
		return 2;
	return (v->width - SLIDE_MEASURE) / 2;
}

static int text_width_for(const struct view *v)
{
	int w = v->width - 2 * margin(v);
	if (w > SLIDE_MEASURE)
		w = SLIDE_MEASURE;
	return w > 20 ? w : 20;
}

static void add_text(struct view *v, uint16_t type, uint32_t ref, const char *s, size_t len)
{
	view_add_wrapped(v, type, ref, false, s, len, text_width_for(v));
}

/* How many notes a slide shows, newest first; the page has the rest. */
enum { SLIDE_NOTES = 5 };

static void add_blank_lines(struct view *v, int gap)
{
	for (int i = 0; i < gap; i++)
		view_add_line(v, PL_BLANK, 0, false);
}

/* The notes recorded by the date in force that still read (not retracted), newest first. */
static void add_notes(struct view *v, size_t rec, int gap)
{
	const struct rv_model *m = v->app->m;
	const struct rv_rec *r = rv_rec_at(m, rec);
	size_t shown = 0, readable = 0;
	for (size_t k = r->count[RV_NOTES]; k-- > 0;) {
		size_t note = rv_child_index_of(m, RV_NOTES, rv_rec_child(m, rec, RV_NOTES, k));
		struct rv_text text = rv_child_field(m, RV_NOTES, note, NOTE_TEXT);
		if (!text.len || !rv_note_recorded_by(m, note, v->app->as_of))
			continue;
		if (!readable++) {
			add_blank_lines(v, gap);
			add_text(v, PL_HEADING, 0, "Notes, newest first", 19);
		}
		if (shown == SLIDE_NOTES)
			continue;
		struct rv_text when = rv_child_field(m, RV_NOTES, note, NOTE_TIME);
		struct rv_text who = rv_child_field(m, RV_NOTES, note, NOTE_AUTHOR);
		struct strbuf line;
		sb_init(&line);
		sb_add(&line, when.ptr, when.len < 10 ? when.len : 10);
		sb_adds(&line, "  ");
		sb_add(&line, who.ptr, who.len);
		sb_adds(&line, ": ");
		sb_add(&line, text.ptr, text.len);
		add_text(v, PL_NOTE, 0, line.data, line.len);
		sb_free(&line);
		shown++;
	}
	if (readable > shown) {
		char more[96];
		snprintf(more, sizeof(more), "%zu earlier note%s on the page (Enter)", readable - shown,
			 readable - shown == 1 ? "" : "s");
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
	}
}

bool present_slide_build(struct view *v)
{
	struct present_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (!st->n) {
		view_add_line(v, PL_EMPTY, 0, false);
		return true;
	}
	size_t rec = st->recs[st->at];
	const struct rv_rec *r = rv_rec_at(m, rec);
	v->rec = (long)rec;

	view_add_line(v, v->app->as_of != RV_DATE_NONE ? PL_AS_OF : PL_BLANK, 0, false);
	/* The id, the status and the title big where they can be (present_big.c). */
	bool big_status = present_big_heading(v, rec, text_width_for(v));
	view_add_line(v, PL_STATE, big_status, false);
	struct rv_text topic = rv_rec_field(m, rec, REC_TOPIC);
	struct rv_text title = rv_rec_field(m, rec, REC_TITLE);
	if (topic.len)
		add_text(v, PL_TOPIC, 0, topic.ptr, topic.len);
	if (title.len && !present_big_title(v, rec, text_width_for(v)))
		add_text(v, PL_TOPIC, 1, title.ptr, title.len);
	/* More room, more air. */
	int gap = LINES >= 40 ? 2 : 1;
	for (int i = 0; i < gap; i++)
		view_add_line(v, PL_BLANK, 0, false);
	struct rv_text text = rv_rec_field(m, rec, REC_TEXT);
	if (text.len)
		add_text(v, PL_TEXT, 0, text.ptr, text.len);

	if (r->count[RV_DELIVERABLES]) {
		char heading[96];
		size_t overdue = rv_rec_overdue_as_of(m, rec, v->app->as_of);
		snprintf(heading, sizeof(heading), "Deliverables  %u of %u done", (unsigned)rv_rec_deliverables_done_as_of(m, rec, v->app->as_of),
			 r->count[RV_DELIVERABLES]);
		if (overdue)
			snprintf(heading + strlen(heading), sizeof(heading) - strlen(heading), ", %zu overdue", overdue);
		for (int i = 0; i < gap; i++)
			view_add_line(v, PL_BLANK, 0, false);
		add_text(v, PL_HEADING, 0, heading, strlen(heading));
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++) {
			const struct rv_child *d = rv_rec_child(m, rec, RV_DELIVERABLES, k);
			struct strbuf line;
			sb_init(&line);
			struct rv_text desc = rv_child_text(m, RV_DELIVERABLES, d, DEL_DESCRIPTION);
			struct rv_text due = rv_child_field_as_of(m, RV_DELIVERABLES, rv_child_index_of(m, RV_DELIVERABLES, d), DEL_DUE, v->app->as_of);
			sb_add(&line, desc.ptr, desc.len);
			if (rv_deliverable_status_as_of(m, rv_child_index_of(m, RV_DELIVERABLES, d), v->app->as_of) != RV_STATUS_COMPLETE && due.len) {
				sb_adds(&line, "  (due ");
				sb_add(&line, due.ptr, due.len);
				if (rv_deliverable_overdue_as_of(m, rv_child_index_of(m, RV_DELIVERABLES, d), v->app->as_of))
					sb_adds(&line, ", overdue");
				sb_adds(&line, ")");
			}
			view_add_wrapped(v, PL_DELIVERABLE, (uint32_t)rv_child_index_of(m, RV_DELIVERABLES, d), false, line.data,
					 line.len, text_width_for(v) - 4);
			sb_free(&line);
		}
	}
	long latest = rv_rec_latest_entry(m, rec, v->app->as_of); /* never an entry after the date in force */
	if (latest >= 0) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, (size_t)latest);
		for (int i = 0; i < gap; i++)
			view_add_line(v, PL_BLANK, 0, false);
		view_add_line(v, PL_LATEST, (uint32_t)rv_child_index_of(m, RV_HISTORY, h), false);
		struct rv_text note = rv_child_text(m, RV_HISTORY, h, HIST_NOTE);
		if (note.len)
			add_text(v, PL_NOTE, 0, note.ptr, note.len);
	}
	add_notes(v, rec, gap);
	add_open_questions(v, rec, gap);
	return true;
}

/* ---- drawing ---- */

/* big_status: the status is drawn big above, the line has the rest. */
static void draw_state(struct view *v, struct draw *d, bool big_status)
{
	const struct rv_model *m = v->app->m;
	size_t rec = (size_t)v->rec;
	enum rv_status status = rv_rec_status(m, rec, v->app->as_of);
	enum rv_decision decision = rv_rec_decision(m, rec, v->app->as_of);
	const char *gap = big_status ? "" : "    "; /* before each part but a first one */
	if (big_status) {
		/* said above, in big letters */
	} else if (status != RV_STATUS_NONE) {
		draw_str(d, rv_status_glyph(status, d->ascii), status_color(status));
		draw_str(d, " ", C_DEFAULT);
		draw_str(d, rv_status_name(status), status_color(status));
	} else {
		draw_str(d, "no status recorded", C_DIM);
	}
	if (decision != RV_DECISION_NONE) {
		draw_str(d, gap, C_DEFAULT);
		draw_str(d, "Board: ", C_DIM);
		draw_str(d, rv_decision_name(decision), decision_color(decision));
		gap = "    ";
	}
	struct rv_text pri = rv_rec_field(m, (size_t)v->rec, REC_PRIORITY);
	if (pri.len) {
		draw_str(d, gap, C_DEFAULT);
		draw_str(d, "priority ", C_DIM);
		draw_text(d, pri.ptr, pri.len, rv_rec_priority(m, rec) == 1 ? C_ERROR : C_HEADING);
		gap = "    ";
	}
	if (rv_agenda_position(v->app->session, (size_t)v->rec) >= 0) {
		draw_str(d, gap, C_DEFAULT);
		draw_str(d, "on the agenda", C_HEADING);
	}
}

void present_slide_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const char *text = view_line_text(v, line);
	if (line->type == PL_EMPTY) {
		draw_str(d, "  Nothing to present: the agenda is empty and no recommendation matches the filter.", C_DIM);
		return;
	}
	draw_spaces(d, margin(v), C_DEFAULT);
	if (line->type == PL_AS_OF) {
		char date[16];
		rv_date_format(v->app->as_of, date, sizeof(date));
		draw_str(d, "as of ", C_HEADING);
		draw_str(d, date, C_DATE);
		return;
	}
	switch (line->type) {
	case PL_BIG:
		present_big_draw(v, line, d, text_width_for(v));
		return;
	case PL_ID: {
		struct rv_text id = rv_rec_field(m, (size_t)v->rec, REC_ID);
		draw_text(d, id.ptr, id.len, C_ID);
		return;
	}
	case PL_STATE:
		draw_state(v, d, line->ref != 0);
		return;
	case PL_TOPIC:
		draw_text(d, text, line->len, line->ref ? C_HEADING : C_LABEL);
		return;
	case PL_TEXT:
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	case PL_HEADING:
		draw_text(d, text, line->len, C_HEADING);
		return;
	case PL_DELIVERABLE: {
		const struct rv_child *c = rv_child_at(m, RV_DELIVERABLES, line->ref);
		bool done = rv_deliverable_status_as_of(m, rv_child_index_of(m, RV_DELIVERABLES, c), v->app->as_of) == RV_STATUS_COMPLETE;
		bool late = !done && rv_deliverable_overdue_as_of(m, line->ref, v->app->as_of);
		if (line->sub == 0)
			draw_str(d, done ? (d->ascii ? "[x] " : "\xE2\x98\x91 ") : (d->ascii ? "[ ] " : "\xE2\x98\x90 "),
				 done ? C_ST_COMPLETE : late ? C_ERROR : C_ST_PROGRESS);
		else
			draw_str(d, d->ascii ? "    " : "  ", C_DEFAULT);
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	}
	case PL_LATEST: {
		const struct rv_child *h = rv_child_at(m, RV_HISTORY, line->ref);
		struct rv_text date = rv_child_text(m, RV_HISTORY, h, HIST_DATE);
		draw_str(d, "Latest  ", C_HEADING);
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
		return;
	}
	case PL_NOTE:
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	default:
		return;
	}
}

