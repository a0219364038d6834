/* view_rec.c - one recommendation: its fields, its text, and everything linked to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/activity.h"
#include "recview/arena.h"
#include "recview/text.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/views.h"
#include "recview/triage.h"
#include "recview/xref.h"

enum {
	L_TITLE,
	L_BLANK,
	L_FIELD,     /* ref: field index, or EXTRA_BASE + extra column */
	L_HEADING,   /* ref: the child kind it lists */
	L_TEXT,
	L_DELIVERABLE, /* ref: child index */
	L_QUESTION,
	L_HISTORY,
	L_NOTE,      /* a history entry's note; ref: child index */
	L_NONE,      /* "none" under an empty section */
	L_XREF_OUT,  /* a recommendation this one refers to; ref: rec index */
	L_XREF_IN,   /* a recommendation that refers to this one */
	L_XREF_HEAD, /* heading of the references */
	L_NOTE_HEAD, /* a note's author and time; ref: child index in notes */
	L_REVISED,   /* a deliverable's earlier due date; ref: child index */
	L_ANSWER,    /* a question's answer, with who gave it; ref: child index */
	L_NOTE_TEXT, /* its text as it reads now, or "(retracted by alice on 2026-12-02)" */
	L_NOTE_OLD_HEAD, /* an earlier version's time and author, shown on request; ref: child index in notes */
	L_NOTE_OLD,  /* its text */
};

/* The notes whose earlier versions are shown (Enter on a note). */
struct rec_state {
	uint32_t *open;
	size_t n;
};

static bool note_open(const struct view *v, uint32_t note)
{
	const struct rec_state *st = v->data;
	for (size_t i = 0; st && i < st->n; i++)
		if (st->open[i] == note)
			return true;
	return false;
}

static void toggle_note(struct view *v, uint32_t note)
{
	struct rec_state *st = v->data;
	if (!st)
		st = v->data = xcalloc(1, sizeof(*st));
	for (size_t i = 0; i < st->n; i++)
		if (st->open[i] == note) {
			st->open[i] = st->open[--st->n];
			return;
		}
	st->open = xreallocarray(st->open, st->n + 1, sizeof(*st->open));
	st->open[st->n++] = note;
}

static void rec_done(struct view *v)
{
	struct rec_state *st = v->data;
	if (st)
		free(st->open);
}

/* How many times a note was amended or retracted (rows of changes.csv). */
static size_t note_versions(const struct rv_model *m, size_t note)
{
	return rv_changelog_rows(m, (struct rv_item){RV_NOTES, note}, NOTE_TEXT, NULL, 0);
}

#define LABEL_WIDTH label_width(v->app->m, RV_RECS, 11)
#define EXTRA_BASE 100

static int wrap_width(const struct view *v, int indent)
{
	int w = v->width - indent - 1;
	return w > 10 ? w : 10;
}

/* References named in one wrapped line of this page's text. */
static size_t line_refs(struct view *v, const struct line *line, struct rv_xref_span *spans, size_t max)
{
	const struct rv_model *m = v->app->m;
	struct rv_text review = rv_rec_review_of(m, (size_t)v->rec);
	size_t n = rv_xref_scan(m, review.ptr, review.len, v->rec, view_line_text(v, line), line->len, spans, max);
	return n < max ? n : max;
}

/* Text lines that name another recommendation become links to it. */
static void mark_reference_lines(struct view *v, size_t from)
{
	struct rv_xref_span span;
	for (size_t i = from; i < v->nlines; i++)
		if (!v->lines[i].link && line_refs(v, &v->lines[i], &span, 1))
			v->lines[i].link = true;
}

static void add_field(struct view *v, uint32_t ref, struct rv_text value)
{
	if (value.len)
		view_add_wrapped(v, L_FIELD, ref, false, value.ptr, value.len, wrap_width(v, LABEL_WIDTH));
}

static void add_heading(struct view *v, enum rv_kind kind, const char *text)
{
	view_add_line(v, L_BLANK, 0, false);
	view_add_wrapped(v, L_HEADING, (uint32_t)kind, true, text, strlen(text), wrap_width(v, 0));
}

static void add_fields(struct view *v)
{
	const struct rv_model *m = v->app->m;
	size_t rec = (size_t)v->rec;
	static const int order[] = {REC_REVIEW, REC_NUMBER, REC_TOPIC, REC_TITLE, REC_DECISION, REC_STATUS,
				    REC_PRIORITY, REC_OWNER, REC_SOURCE};
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++) {
		struct rv_text c = order[i] == REC_REVIEW ? rv_rec_review_of(m, rec) : rv_rec_field(m, rec, order[i]);
		if (c.len || (order[i] != REC_DECISION && order[i] != REC_STATUS)) {
			add_field(v, (uint32_t)order[i], c);
			continue;
		}
		/* An empty status or decision column shows what the history says, and says so. */
		char derived[96];
		int32_t as_of = v->app->as_of;
		const char *word = order[i] == REC_STATUS ? rv_status_name(rv_rec_status(m, rec, as_of))
							  : rv_decision_name(rv_rec_decision(m, rec, as_of));
		if (!*word)
			continue;
		snprintf(derived, sizeof(derived), "%s (from the status history)", word);
		add_field(v, (uint32_t)order[i], (struct rv_text){derived, (uint32_t)strlen(derived)});
	}
	/* The date of the last change as its file writes it ("30 June 2016"). */
	struct rv_date_text changed = rv_rec_last_change_date(m, rec, v->app->as_of);
	if (changed.precision != RV_DATE_PREC_NONE)
		add_field(v, EXTRA_BASE - 1, changed.text);
	for (size_t e = 0; e < rv_extra_count(m, RV_RECS); e++)
		add_field(v, EXTRA_BASE + (uint32_t)e, rv_rec_extra(m, rec, e));
}

/* Under a deliverable its revised due dates; under a question its answer, with who gave it and when. */
static void add_item_details(struct view *v, enum rv_kind kind, uint32_t child)
{
	const struct rv_model *m = v->app->m;
	struct strbuf sb;
	sb_init(&sb);
	if (kind == RV_DELIVERABLES) {
		for (size_t i = 0; i < rv_due_revisions(m, child); i++) {
			sb_reset(&sb);
			sb_adds(&sb, "revised: ");
			rv_due_revision_describe(m, child, i, &sb);
			view_add_wrapped(v, L_REVISED, child, false, sb.data, sb.len, wrap_width(v, 6));
		}
	} else if (kind == RV_QUESTIONS) {
		struct rv_text answer = rv_child_field(m, RV_QUESTIONS, child, Q_ANSWER);
		if (answer.len) {
			struct strbuf by;
			sb_init(&by);
			sb_adds(&sb, "answer");
			if (rv_question_answered_describe(m, child, &by))
				sb_addf(&sb, " (%s)", by.data);
			sb_free(&by);
			sb_adds(&sb, ": ");
			sb_add(&sb, answer.ptr, answer.len);
			view_add_wrapped(v, L_ANSWER, child, false, sb.data, sb.len, wrap_width(v, 6));
		}
	}
	sb_free(&sb);
}

static void add_children(struct view *v, enum rv_kind kind, int line_type, int text_field)
{
	const struct rv_model *m = v->app->m;
	const struct rv_rec *r = rv_rec_at(m, v->rec);
	char heading[96];
	int32_t day = rv_overdue_day(v->app->as_of);
	size_t overdue = kind == RV_DELIVERABLES ? rv_rec_overdue(m, (size_t)v->rec, day) : 0;
	if (kind == RV_DELIVERABLES && overdue)
		snprintf(heading, sizeof(heading), "Deliverables (%u, %u done, %zu overdue)", r->count[kind],
			 r->deliverables_done, overdue);
	else if (kind == RV_DELIVERABLES)
		snprintf(heading, sizeof(heading), "Deliverables (%u, %u done)", r->count[kind], r->deliverables_done);
	else if (kind == RV_QUESTIONS && r->count[kind])
		snprintf(heading, sizeof(heading), "Questions (%u, %zu open)", r->count[kind],
			 rv_rec_open_questions(m, (size_t)v->rec));
	else if (kind == RV_QUESTIONS)
		snprintf(heading, sizeof(heading), "Questions (%u)", r->count[kind]);
	else
		snprintf(heading, sizeof(heading), "History (%u, newest first)", r->count[kind]);
	add_heading(v, kind, heading);
	if (!r->count[kind]) {
		view_add_line(v, L_NONE, 0, false);
		return;
	}
	for (size_t k = 0; k < r->count[kind]; k++) {
		/* History reads newest first, like a timeline. */
		size_t idx = kind == RV_HISTORY ? r->count[kind] - 1 - k : k;
		const struct rv_child *ch = rv_rec_child(m, (size_t)v->rec, kind, idx);
		uint32_t child = (uint32_t)rv_child_index_of(m, kind, ch);
		if (kind == RV_HISTORY) {
			view_add_line(v, L_HISTORY, child, true);
			struct rv_text note = rv_child_text(m, kind, ch, HIST_NOTE);
			if (note.len)
				view_add_wrapped(v, L_NOTE, child, false, note.ptr, note.len, wrap_width(v, 6));
			continue;
		}
		struct strbuf sb;
		sb_init(&sb);
		if (kind == RV_QUESTIONS) {
			struct rv_text qid = rv_child_text(m, kind, ch, Q_QID);
			struct rv_text brief = rv_child_text(m, kind, ch, Q_BRIEFING);
			sb_add(&sb, qid.ptr, qid.len);
			sb_addf(&sb, " (%s)", rv_qstatus_name(rv_question_state(m, child)));
			if (brief.len) {
				sb_adds(&sb, " [");
				sb_add(&sb, brief.ptr, brief.len);
				sb_adds(&sb, "]");
			}
			sb_adds(&sb, " ");
		}
		struct rv_text text = rv_child_text(m, kind, ch, text_field);
		sb_add(&sb, text.ptr, text.len);
		if (kind == RV_DELIVERABLES) {
			struct rv_text resp = rv_child_text(m, kind, ch, DEL_RESPONSIBLE);
			struct rv_text due = rv_child_text(m, kind, ch, DEL_DUE);
			if (resp.len) {
				sb_adds(&sb, " \xE2\x80\x94 ");
				sb_add(&sb, resp.ptr, resp.len);
			}
			if (ch->status == RV_STATUS_COMPLETE) {
				sb_adds(&sb, " \xE2\x80\x94 done");
			} else if (due.len) {
				sb_adds(&sb, " \xE2\x80\x94 due ");
				sb_add(&sb, due.ptr, due.len);
				if (rv_deliverable_overdue(m, child, day))
					sb_adds(&sb, ", overdue");
			}
		}
		rv_child_describe_link(m, kind, ch, &sb);
		view_add_wrapped(v, (uint16_t)line_type, child, true, sb.data, sb.len, wrap_width(v, 4));
		sb_free(&sb);
		add_item_details(v, kind, child);
	}
}

/* A note's earlier versions, oldest first: the text first written, then each correction but the last. */
static void add_note_versions(struct view *v, uint32_t child, size_t nrows)
{
	const struct rv_model *m = v->app->m;
	uint32_t *rows = xcalloc(nrows, sizeof(*rows));
	rv_changelog_rows(m, (struct rv_item){RV_NOTES, child}, NOTE_TEXT, rows, nrows);
	for (size_t k = 0; k < nrows; k++) {
		struct rv_text when, who, text;
		if (k == 0) {
			when = rv_child_field(m, RV_NOTES, child, NOTE_TIME);
			who = rv_child_field(m, RV_NOTES, child, NOTE_AUTHOR);
			text = rv_child_text(m, RV_NOTES, rv_child_at(m, RV_NOTES, child), NOTE_TEXT);
		} else {
			when = rv_row_field(m, RV_CHANGES, rows[k - 1], CHG_TIME);
			who = rv_row_field(m, RV_CHANGES, rows[k - 1], CHG_AUTHOR);
			text = rv_row_field(m, RV_CHANGES, rows[k - 1], CHG_VALUE);
		}
		struct strbuf head;
		sb_init(&head);
		sb_addf(&head, "%s version, %.*s, ", k ? "amended" : "first", (int)when.len, when.ptr);
		sb_add(&head, who.ptr, who.len);
		sb_adds(&head, ":");
		view_add_wrapped(v, L_NOTE_OLD_HEAD, child, false, head.data, head.len, wrap_width(v, 6));
		sb_free(&head);
		if (text.len)
			view_add_wrapped(v, L_NOTE_OLD, child, false, text.ptr, text.len, wrap_width(v, 8));
		else
			view_add_wrapped(v, L_NOTE_OLD, child, false, "(retracted)", 11, wrap_width(v, 8));
	}
	free(rows);
}

/* Notes added in triage, oldest first: the file is only ever added to; a correction is a row of
 * changes.csv, and the note reads as corrected, marked so, its earlier versions on request. */
static void add_notes(struct view *v)
{
	const struct rv_model *m = v->app->m;
	const struct rv_rec *r = rv_rec_at(m, v->rec);
	char heading[64];
	snprintf(heading, sizeof(heading), "Notes (%u)", r->count[RV_NOTES]);
	view_add_line(v, L_BLANK, 0, false);
	view_add_wrapped(v, L_XREF_HEAD, 0, false, heading, strlen(heading), wrap_width(v, 0));
	if (!r->count[RV_NOTES])
		view_add_line(v, L_NONE, 0, false);
	for (size_t k = 0; k < r->count[RV_NOTES]; k++) {
		uint32_t child = (uint32_t)rv_rec_child_index(m, (size_t)v->rec, RV_NOTES, k);
		struct rv_text text = rv_child_field(m, RV_NOTES, child, NOTE_TEXT);
		size_t versions = note_versions(m, child);
		view_add_line(v, L_NOTE_HEAD, child, true);
		if (text.len || !versions) {
			view_add_wrapped(v, L_NOTE_TEXT, child, false, text.ptr, text.len, wrap_width(v, 6));
		} else {
			long row = rv_changelog_latest(m, (struct rv_item){RV_NOTES, child}, NOTE_TEXT);
			struct rv_text who = rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_AUTHOR);
			struct rv_text when = rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_TIME);
			char gone[320];
			snprintf(gone, sizeof(gone), "(retracted by %.*s on %.*s)", (int)(who.len < 200 ? who.len : 200), who.ptr,
				 (int)(when.len < 10 ? when.len : 10), when.ptr);
			view_add_wrapped(v, L_NOTE_TEXT, child, false, gone, strlen(gone), wrap_width(v, 6));
		}
		if (versions && note_open(v, child))
			add_note_versions(v, child, versions);
	}
}

/* "See Recommendation 25" and the like, both ways. */
static void add_references(struct view *v)
{
	const uint32_t *out, *in;
	size_t nout = rv_xref_out(v->app->m, (size_t)v->rec, &out);
	size_t nin = rv_xref_in(v->app->m, (size_t)v->rec, &in);
	char heading[96];
	snprintf(heading, sizeof(heading), "References (refers to %zu, referred to by %zu)", nout, nin);
	view_add_line(v, L_BLANK, 0, false);
	view_add_wrapped(v, L_XREF_HEAD, 0, false, heading, strlen(heading), wrap_width(v, 0));
	if (!nout && !nin)
		view_add_line(v, L_NONE, 0, false);
	for (size_t i = 0; i < nout; i++)
		view_add_line(v, L_XREF_OUT, out[i], true);
	for (size_t i = 0; i < nin; i++)
		view_add_line(v, L_XREF_IN, in[i], true);
}

static void rec_open(struct view *v)
{
	const struct rv_model *m = v->app->m;
	view_add_line(v, L_TITLE, 0, false);
	view_add_line(v, L_BLANK, 0, false);
	add_fields(v);
	struct rv_text text = rv_rec_field(m, (size_t)v->rec, REC_TEXT);
	size_t text_from = v->nlines;
	if (text.len) {
		view_add_line(v, L_BLANK, 0, false);
		view_add_wrapped(v, L_TEXT, 0, false, text.ptr, text.len, wrap_width(v, 2));
	}
	add_children(v, RV_DELIVERABLES, L_DELIVERABLE, DEL_DESCRIPTION);
	add_children(v, RV_QUESTIONS, L_QUESTION, Q_QUESTION);
	add_children(v, RV_HISTORY, L_HISTORY, HIST_NOTE);
	add_notes(v);
	mark_reference_lines(v, text_from);
	add_references(v);
}

static const char *field_label(const struct view *v, uint32_t ref, char *buf, size_t size)
{
	static const char *const labels[REC_NFIELDS] = {
		[REC_ID] = "Id",         [REC_REVIEW] = "Review",     [REC_NUMBER] = "Number",
		[REC_TOPIC] = "Topic",   [REC_TITLE] = "Title",       [REC_TEXT] = "Text",
		[REC_DECISION] = "Decision", [REC_STATUS] = "Status", [REC_PRIORITY] = "Priority",
		[REC_SOURCE] = "Source",     [REC_OWNER] = "Owner",
	};
	if (ref < REC_NFIELDS)
		return labels[ref];
	if (ref == EXTRA_BASE - 1)
		return "Changed";
	const struct rv_model *m = v->app->m;
	struct rv_text name = rv_extra_name(m, RV_RECS, ref - EXTRA_BASE);
	if (!name.len) {
		snprintf(buf, size, "column %d", rv_extra_column_number(m, RV_RECS, ref - EXTRA_BASE));
		return buf;
	}
	snprintf(buf, size, "%.*s", (int)name.len, name.ptr);
	return buf;
}

static void draw_title_line(struct view *v, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	size_t rec = (size_t)v->rec;
	enum rv_status status = rv_rec_status(m, rec, v->app->as_of);
	enum rv_decision decision = rv_rec_decision(m, rec, v->app->as_of);
	struct rv_text id = rv_rec_id(m, rec);
	draw_text(d, id.ptr, id.len, C_ID);
	draw_str(d, "   ", C_DEFAULT);
	if (status != RV_STATUS_NONE) {
		draw_str(d, rv_status_glyph(status, d->ascii), status_color(status));
		draw_str(d, " ", C_DEFAULT);
		if (status == RV_STATUS_UNKNOWN) {
			struct rv_text raw = rv_rec_field(m, rec, REC_STATUS);
			draw_text(d, raw.ptr, raw.len, C_ST_UNKNOWN);
		} else {
			draw_str(d, rv_status_name(status), status_color(status));
		}
		draw_str(d, "   ", C_DEFAULT);
	}
	if (decision != RV_DECISION_NONE) {
		draw_str(d, rv_decision_name(decision), decision_color(decision));
		draw_str(d, "   ", C_DEFAULT);
	}
	struct rv_text pri = rv_rec_field(m, rec, REC_PRIORITY);
	draw_text(d, pri.ptr, pri.len, rv_rec_priority(m, rec) == 1 ? C_ERROR : C_DEFAULT);
	long at = rv_agenda_position(v->app->session, (size_t)v->rec);
	if (at >= 0) {
		char mark[48];
		snprintf(mark, sizeof(mark), "   on the agenda (%ld of %zu)", at + 1, v->app->session->nagenda);
		draw_str(d, mark, C_HEADING);
	}
}

static void draw_history_entry(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const struct rv_child *h = rv_child_at(m, RV_HISTORY, line->ref);
	struct rv_text date = rv_child_text(m, RV_HISTORY, h, HIST_DATE);
	struct rv_text st = rv_child_text(m, RV_HISTORY, h, HIST_STATUS);
	struct rv_text dec = rv_child_text(m, RV_HISTORY, h, HIST_DECISION);
	draw_str(d, "  ", C_DEFAULT);
	draw_text(d, date.ptr, date.len, C_DATE);
	/* An entry without a usable date keeps its place in the file's order: say so. */
	if (h->date_prec == RV_DATE_PREC_NONE)
		draw_str(d, date.len ? " (undated)" : "undated", C_DIM);
	if (st.len) {
		draw_str(d, "  ", C_DEFAULT);
		draw_str(d, rv_status_glyph(h->status, d->ascii), status_color(h->status));
		draw_str(d, " ", C_DEFAULT);
		draw_text(d, st.ptr, st.len, status_color(h->status));
	}
	if (dec.len) {
		draw_str(d, "  decision: ", C_DIM);
		draw_text(d, dec.ptr, dec.len, decision_color(h->decision));
	}
	/* Who made it: recview's own entries name their author, others their source. */
	bool ours;
	struct rv_text who = rv_history_author(m, line->ref, &ours);
	if (who.len) {
		draw_str(d, ours ? "  by " : "  from ", C_DIM);
		draw_text(d, who.ptr, who.len, ours ? C_LABEL : C_DIM);
	}
}

/* A note's time and author; "amended" when a correction changed it, and how to see what it said. */
static void draw_note_head(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	struct rv_text when = rv_child_field(m, RV_NOTES, line->ref, NOTE_TIME);
	struct rv_text who = rv_child_field(m, RV_NOTES, line->ref, NOTE_AUTHOR);
	draw_str(d, "  ", C_DEFAULT);
	draw_text(d, when.ptr, when.len, C_DATE);
	draw_str(d, "  ", C_DEFAULT);
	draw_text(d, who.ptr, who.len, C_LABEL);
	size_t versions = note_versions(m, line->ref);
	if (!versions)
		return;
	if (rv_child_field(m, RV_NOTES, line->ref, NOTE_TEXT).len) {
		long row = rv_changelog_latest(m, (struct rv_item){RV_NOTES, line->ref}, NOTE_TEXT);
		struct rv_text on = rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_TIME);
		draw_str(d, "  amended ", C_WARNING);
		draw_text(d, on.ptr, on.len < 10 ? on.len : 10, C_WARNING);
	}
	draw_str(d, note_open(v, line->ref) ? "  (Enter hides the earlier versions)" : "  (Enter shows the earlier versions)",
		 C_DIM);
}

/* A wrapped line with the references it names drawn as links. */
static void draw_linked_text(struct view *v, const struct line *line, struct draw *d, enum color base)
{
	struct rv_xref_span spans[16];
	size_t n = line_refs(v, line, spans, 16), at = 0;
	const char *text = view_line_text(v, line);
	for (size_t i = 0; i < n; i++) {
		if (spans[i].off < at)
			continue;
		draw_text(d, text + at, spans[i].off - at, base);
		draw_text(d, text + spans[i].off, spans[i].len, C_LINK);
		at = spans[i].off + spans[i].len;
	}
	draw_text(d, text + at, line->len - at, base);
}

static void rec_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const char *text = view_line_text(v, line);
	char label[64];

	switch (line->type) {
	case L_TITLE:
		draw_title_line(v, d);
		return;
	case L_FIELD:
		if (line->sub == 0) {
			const char *name = field_label(v, line->ref, label, sizeof(label));
			draw_label(d, name, strlen(name), LABEL_WIDTH);
		} else
			draw_spaces(d, LABEL_WIDTH, C_DEFAULT);
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	case L_HEADING:
		draw_text(d, text, line->len, C_HEADING);
		return;
	case L_TEXT:
		draw_str(d, "  ", C_DEFAULT);
		draw_linked_text(v, line, d, C_DEFAULT);
		return;
	case L_DELIVERABLE: {
		const struct rv_child *ch = rv_child_at(m, RV_DELIVERABLES, line->ref);
		draw_str(d, "  ", C_DEFAULT);
		if (line->sub == 0)
			draw_str(d, ch->status == RV_STATUS_NONE ? (d->ascii ? "-" : "\xC2\xB7")
								 : rv_status_glyph(ch->status, d->ascii),
				 status_color(ch->status));
		else
			draw_str(d, " ", C_DEFAULT);
		draw_str(d, " ", C_DEFAULT);
		draw_linked_text(v, line, d, line->sub == 0 ? C_LINK : C_DEFAULT);
		return;
	}
	case L_QUESTION:
		draw_str(d, line->sub ? "    " : "  ", C_DEFAULT);
		draw_text(d, text, line->len, line->sub == 0 ? C_LINK : C_DEFAULT);
		return;
	case L_HISTORY:
		draw_history_entry(v, line, d);
		return;
	case L_NOTE:
		draw_str(d, "      ", C_DEFAULT);
		draw_linked_text(v, line, d, C_DEFAULT);
		return;
	case L_NONE:
		draw_str(d, "  none", C_DIM);
		return;
	case L_XREF_HEAD:
		draw_text(d, text, line->len, C_HEADING);
		return;
	case L_NOTE_HEAD:
		draw_note_head(v, line, d);
		return;
	case L_NOTE_TEXT: {
		/* A retracted note's line says so, dimmed (the same line type, so that the cursor stays). */
		bool gone = !rv_child_field(m, RV_NOTES, line->ref, NOTE_TEXT).len && note_versions(m, line->ref);
		draw_str(d, "      ", C_DEFAULT);
		draw_text(d, text, line->len, gone ? C_DIM : C_DEFAULT);
		return;
	}
	case L_NOTE_OLD_HEAD:
		draw_str(d, "      ", C_DEFAULT);
		draw_text(d, text, line->len, C_DIM);
		return;
	case L_NOTE_OLD:
		draw_str(d, "        ", C_DEFAULT);
		draw_text(d, text, line->len, C_DIM);
		return;
	case L_REVISED:
	case L_ANSWER:
		draw_str(d, "      ", C_DEFAULT);
		draw_text(d, text, line->len, line->type == L_REVISED ? C_DIM : C_DEFAULT);
		return;
	case L_XREF_OUT:
	case L_XREF_IN: {
		enum rv_status other = rv_rec_status(m, line->ref, v->app->as_of);
		struct rv_text id = rv_rec_id(m, line->ref);
		struct rv_text title = rv_rec_headline(m, line->ref);
		draw_str(d, line->type == L_XREF_OUT ? "  refers to    " : "  referred by  ", C_DIM);
		draw_str(d, rv_status_glyph(other, d->ascii), status_color(other));
		draw_str(d, " ", C_DEFAULT);
		draw_text(d, id.ptr, id.len, C_LINK);
		draw_str(d, "  ", C_DEFAULT);
		draw_field(d, title.ptr, title.len, draw_remaining(d), C_DEFAULT);
		return;
	}
	default:
		return;
	}
}

static enum request rec_request(struct view *v, enum request req, struct line *line)
{
	if (req != REQ_ENTER)
		return req;
	switch (line->type) {
	case L_DELIVERABLE:
	case L_REVISED:
		app_open(v->app, item_view_new(v->app, RV_DELIVERABLES, line->ref));
		return REQ_NONE;
	case L_QUESTION:
	case L_ANSWER:
		app_open(v->app, item_view_new(v->app, RV_QUESTIONS, line->ref));
		return REQ_NONE;
	case L_HISTORY:
		app_open(v->app, item_view_new(v->app, RV_HISTORY, line->ref));
		return REQ_NONE;
	case L_TEXT:
	case L_NOTE: {
		/* A line that names another recommendation opens it; any other note opens its entry. */
		struct rv_xref_span span;
		if (line_refs(v, line, &span, 1))
			app_open(v->app, rec_view_new(v->app, (size_t)span.rec));
		else if (line->type == L_NOTE)
			app_open(v->app, item_view_new(v->app, RV_HISTORY, line->ref));
		else
			app_message(v->app, C_DIM, "Nothing to open on this line; Tab goes to the next link.");
		return REQ_NONE;
	}
	case L_HEADING:
		app_open(v->app, children_view_new(v->app, (enum rv_kind)line->ref, v->rec));
		return REQ_NONE;
	case L_NOTE_HEAD:
	case L_NOTE_TEXT:
	case L_NOTE_OLD_HEAD:
	case L_NOTE_OLD:
		if (!note_versions(v->app->m, line->ref)) {
			app_message(v->app, C_DIM, "This note was never amended: it reads as first written.");
			return REQ_NONE;
		}
		toggle_note(v, line->ref);
		view_rebuild(v, v->width);
		return REQ_NONE;
	case L_XREF_OUT:
	case L_XREF_IN:
		app_open(v->app, rec_view_new(v->app, line->ref));
		return REQ_NONE;
	default:
		app_message(v->app, C_DIM, "Nothing to open on this line; Tab goes to the next link.");
		return REQ_NONE;
	}
}

static void rec_crumb(struct view *v, struct strbuf *out)
{
	struct rv_text id = rv_rec_field(v->app->m, (size_t)v->rec, REC_ID);
	text_sanitize(out, id.ptr, id.len, 0);
}

/* On a deliverable's or a question's lines: that item. */
static bool rec_current_item(struct view *v, struct rv_item *out)
{
	if (!v->nlines)
		return false;
	const struct line *line = &v->lines[v->lineno];
	if (line->type == L_DELIVERABLE || line->type == L_REVISED)
		*out = (struct rv_item){RV_DELIVERABLES, line->ref};
	else if (line->type == L_QUESTION || line->type == L_ANSWER)
		*out = (struct rv_item){RV_QUESTIONS, line->ref};
	else
		return false;
	return true;
}

static const struct view_ops rec_ops = {
	.id = VIEW_REC,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_REC | SCOPE_ITEM | SCOPE_EXPORT,
	.current_item = rec_current_item,
	.name = "recommendation",
	.open = rec_open,
	.draw = rec_draw,
	.request = rec_request,
	.crumb = rec_crumb,
	.done = rec_done,
};

struct view *rec_view_new(struct app *app, size_t rec)
{
	return view_new(app, &rec_ops, (long)rec, -1, RV_RECS);
}

struct view *rec_view_new_at(struct app *app, size_t rec, struct rv_item item)
{
	struct view *v = rec_view_new(app, rec);
	int type = item.kind == RV_DELIVERABLES ? L_DELIVERABLE : item.kind == RV_QUESTIONS ? L_QUESTION
		   : item.kind == RV_HISTORY ? L_HISTORY : item.kind == RV_NOTES ? L_NOTE_HEAD : -1;
	for (size_t i = 0; type >= 0 && i < v->nlines; i++)
		if (v->lines[i].type == type && v->lines[i].ref == item.index && v->lines[i].sub == 0) {
			view_move_to(v, i, app_body_height(v));
			break;
		}
	return v;
}

long rec_view_current_note(const struct view *v)
{
	if (v->ops->id != VIEW_REC || !v->nlines)
		return -1;
	const struct line *l = &v->lines[v->lineno];
	switch (l->type) {
	case L_NOTE_HEAD:
	case L_NOTE_TEXT:
	case L_NOTE_OLD_HEAD:
	case L_NOTE_OLD:
		return (long)l->ref;
	default:
		return -1;
	}
}
