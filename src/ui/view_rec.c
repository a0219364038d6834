/* view_rec.c - one recommendation: its fields, its text, and everything linked to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/text.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/page.h"
#include "recview/views.h"
#include "recview/triage.h"
#include "recview/xref.h"

enum {
	L_TITLE,
	L_BLANK,
	L_FIELD,     /* ref: field index, RV_PAGE_CHANGED, or RV_PAGE_EXTRA + extra column (page.h) */
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
	L_FIELD_NAME, /* a field's label too wide to share the value's line; ref as L_FIELD */
	L_LATER,     /* a deliverable's or question's values recorded after the as-of date, dimmed */
};

/* The page the lines show (page.h), the item of each line, and the notes whose earlier versions are
 * shown (Enter on a note). */
struct rec_state {
	struct rv_page page;
	bool built;
	const struct rv_page_item **line_item; /* per line: the item it shows, or NULL */
	size_t cap;
	uint32_t *open;
	size_t n;
};

static struct rec_state *page_state(struct view *v)
{
	return v->data;
}

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
	struct rec_state *st = page_state(v);
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
	if (!st)
		return;
	if (st->built)
		rv_page_free(&st->page);
	free(st->line_item);
	free(st->open);
}

/* The page item a line shows (NULL for blank lines and headings). */
static const struct rv_page_item *line_item(const struct view *v, const struct line *line)
{
	const struct rec_state *st = v->data;
	size_t i = (size_t)(line - v->lines);
	return st && i < v->nlines && i < st->cap ? st->line_item[i] : NULL;
}

/* How many times a note was amended or retracted (rows of changes.csv). */
static size_t note_versions(const struct rv_model *m, size_t note)
{
	return rv_changelog_rows(m, (struct rv_item){RV_NOTES, note}, NOTE_TEXT, NULL, 0);
}

#define LABEL_WIDTH (((const struct rec_state *)v->data)->page.label_width)

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

/* Remembers which item the lines added since from show. */
static void note_items(struct view *v, size_t from, const struct rv_page_item *it)
{
	struct rec_state *st = v->data;
	if (v->nlines > st->cap) {
		size_t cap = v->nlines * 2;
		st->line_item = xreallocarray(st->line_item, cap, sizeof(*st->line_item));
		memset(st->line_item + st->cap, 0, (cap - st->cap) * sizeof(*st->line_item));
		st->cap = cap;
	}
	for (size_t i = from; i < v->nlines; i++)
		st->line_item[i] = it;
}

static void add_blank(struct view *v)
{
	view_add_line(v, L_BLANK, 0, false);
	note_items(v, v->nlines - 1, NULL);
}

/* A field: its label beside the value, or on a line of its own when it is too wide to fit. */
static void add_field_row(struct view *v, const struct rv_page_row *row)
{
	if (row->item->flags & RV_PF_LONG_LABEL)
		view_add_line(v, L_FIELD_NAME, row->item->ref, false);
	view_add_wrapped(v, L_FIELD, row->item->ref, false, row->text, row->len, wrap_width(v, LABEL_WIDTH));
}

/* A section's heading: Enter on the deliverables, questions or history opens their list. */
static void add_heading_row(struct view *v, const struct rv_page_row *row)
{
	static const int kind[RV_PAGE_NSECTIONS] = {[RV_PAGE_DELIVERABLES] = RV_DELIVERABLES,
						     [RV_PAGE_QUESTIONS] = RV_QUESTIONS, [RV_PAGE_HISTORY] = RV_HISTORY};
	enum rv_page_kind k = row->section->kind;
	add_blank(v);
	if (k == RV_PAGE_DELIVERABLES || k == RV_PAGE_QUESTIONS || k == RV_PAGE_HISTORY)
		view_add_wrapped(v, L_HEADING, (uint32_t)kind[k], true, row->text, row->len, wrap_width(v, 0));
	else
		view_add_wrapped(v, L_XREF_HEAD, 0, false, row->text, row->len, wrap_width(v, 0));
}

static void add_item_row(struct view *v, const struct rv_page_row *row)
{
	const struct rv_page_item *it = row->item;
	switch (it->kind) {
	case RV_PI_DELIVERABLE:
		view_add_wrapped(v, L_DELIVERABLE, it->ref, true, row->text, row->len, wrap_width(v, 4));
		return;
	case RV_PI_QUESTION:
		view_add_wrapped(v, L_QUESTION, it->ref, true, row->text, row->len, wrap_width(v, 4));
		return;
	case RV_PI_HISTORY:
		view_add_line(v, L_HISTORY, it->ref, true);
		return;
	case RV_PI_NOTE:
		view_add_line(v, L_NOTE_HEAD, it->ref, true);
		return;
	case RV_PI_REFERS_TO:
	case RV_PI_REFERRED_BY:
		view_add_line(v, it->kind == RV_PI_REFERS_TO ? L_XREF_OUT : L_XREF_IN, it->ref, true);
		return;
	default:
		return;
	}
}

static void add_detail_row(struct view *v, const struct rv_page_row *row)
{
	const struct rv_page_item *it = row->item;
	static const uint16_t type[] = {[RV_PI_DELIVERABLE] = L_REVISED, [RV_PI_QUESTION] = L_ANSWER,
					[RV_PI_HISTORY] = L_NOTE, [RV_PI_NOTE] = L_NOTE_TEXT};
	view_add_wrapped(v, type[it->kind], it->ref, false, row->text, row->len, wrap_width(v, 6));
}

/* One row of the page as lines of the view (page.h gives the rows in order). */
static void add_row(void *ctx, const struct rv_page_row *row)
{
	struct view *v = ctx;
	size_t from = v->nlines;
	switch (row->kind) {
	case RV_ROW_TITLE:
		view_add_line(v, L_TITLE, 0, false);
		note_items(v, from, NULL);
		add_blank(v);
		return;
	case RV_ROW_FIELD:
		add_field_row(v, row);
		break;
	case RV_ROW_TEXT:
		add_blank(v);
		from = v->nlines;
		view_add_wrapped(v, L_TEXT, 0, false, row->text, row->len, wrap_width(v, 2));
		break;
	case RV_ROW_HEADING:
		add_heading_row(v, row);
		break;
	case RV_ROW_NONE:
		view_add_line(v, L_NONE, 0, false);
		break;
	case RV_ROW_ITEM:
		add_item_row(v, row);
		break;
	case RV_ROW_DETAIL:
		add_detail_row(v, row);
		break;
	case RV_ROW_VERSION_HEAD:
		view_add_wrapped(v, L_NOTE_OLD_HEAD, row->item->ref, false, row->text, row->len, wrap_width(v, 6));
		break;
	case RV_ROW_VERSION:
		view_add_wrapped(v, L_NOTE_OLD, row->item->ref, false, row->text, row->len, wrap_width(v, 8));
		break;
	case RV_ROW_PARAGRAPH:
		view_add_wrapped(v, L_TEXT, 0, false, row->text, row->len, wrap_width(v, 2));
		break;
	case RV_ROW_LATER:
		view_add_wrapped(v, L_LATER, row->item->ref, false, row->text, row->len, wrap_width(v, 6));
		break;
	}
	note_items(v, from, row->item);
}

static bool versions_shown(void *ctx, uint32_t note)
{
	return note_open(ctx, note);
}

static bool rec_open(struct view *v, char *err, size_t errsize)
{
	if (v->rec < 0 || (size_t)v->rec >= v->app->m->nrecs) {
		snprintf(err, errsize, "No recommendation #%ld: the data set has %zu.", v->rec + 1, v->app->m->nrecs);
		return false;
	}
	struct rec_state *st = page_state(v);
	if (st->built)
		rv_page_free(&st->page);
	rv_page_build_later(v->app->m, (size_t)v->rec, v->app->as_of, v->app->as_of_later, &st->page);
	st->built = true;
	struct rv_page_walk walk = {.row = add_row, .versions = versions_shown, .ctx = v};
	rv_page_rows(&st->page, &walk);
	/* Lines from the text on that name another recommendation link to it. */
	size_t text_from = 0;
	while (text_from < v->nlines && v->lines[text_from].type != L_TEXT && v->lines[text_from].type != L_HEADING)
		text_from++;
	mark_reference_lines(v, text_from);
	return true;
}

static const char *field_label(const struct view *v, const struct line *line)
{
	const struct rv_page_item *it = line_item(v, line);
	return it ? it->label.ptr : "";
}

static void draw_title_line(struct view *v, struct draw *d)
{
	const struct rv_page *p = &((const struct rec_state *)v->data)->page;
	draw_text(d, p->id.ptr, p->id.len, C_ID);
	draw_str(d, "   ", C_DEFAULT);
	if (p->status != RV_STATUS_NONE) {
		draw_str(d, rv_status_glyph(p->status, d->ascii), status_color(p->status));
		draw_str(d, " ", C_DEFAULT);
		if (p->status == RV_STATUS_UNKNOWN)
			draw_text(d, p->status_raw.ptr, p->status_raw.len, C_ST_UNKNOWN);
		else
			draw_str(d, rv_status_name(p->status), status_color(p->status));
		draw_str(d, "   ", C_DEFAULT);
	}
	if (p->decision != RV_DECISION_NONE) {
		draw_str(d, rv_decision_name(p->decision), decision_color(p->decision));
		draw_str(d, "   ", C_DEFAULT);
	}
	draw_text(d, p->priority.ptr, p->priority.len, p->first_priority ? C_ERROR : C_DEFAULT);
	long at = rv_agenda_position(v->app->session, (size_t)v->rec);
	if (at >= 0) {
		char mark[48];
		snprintf(mark, sizeof(mark), "   on the agenda (%ld of %zu)", at + 1, v->app->session->nagenda);
		draw_str(d, mark, C_HEADING);
	}
}

/* "[after 2015-06-30]" after an entry recorded after the as-of date (dim mode), as rv_page_item_line. */
static void draw_later_mark(const struct rv_page_item *it, struct draw *d)
{
	if (!(it->flags & RV_PF_LATER))
		return;
	draw_str(d, "  [", C_DIM);
	draw_text(d, it->later.ptr, it->later.len, C_DIM);
	draw_str(d, "]", C_DIM);
}

/* A history entry in the words of rv_page_item_line, in colour. */
static void draw_history_entry(const struct rv_page_item *h, struct draw *d)
{
	draw_str(d, "  ", C_DEFAULT);
	draw_text(d, h->label.ptr, h->label.len, C_DATE);
	if (h->flags & RV_PF_UNDATED)
		draw_str(d, h->label.len ? " (undated)" : "undated", C_DIM);
	if (h->status_text.len) {
		draw_str(d, "  ", C_DEFAULT);
		draw_str(d, rv_status_glyph(h->status, d->ascii), status_color(h->status));
		draw_str(d, " ", C_DEFAULT);
		draw_text(d, h->status_text.ptr, h->status_text.len, status_color(h->status));
	}
	if (h->decision_text.len) {
		draw_str(d, "  decision: ", C_DIM);
		draw_text(d, h->decision_text.ptr, h->decision_text.len, decision_color(h->decision));
	}
	bool ours = h->flags & RV_PF_OURS;
	if (h->who.len) {
		draw_str(d, ours ? "  by " : "  from ", C_DIM);
		draw_text(d, h->who.ptr, h->who.len, ours ? C_LABEL : C_DIM);
	}
	draw_text(d, h->link.ptr, h->link.len, C_WARNING);
	draw_later_mark(h, d);
}

/* A note's time and author; "amended" when a correction changed it, and how to see what it said. */
static void draw_note_head(struct view *v, const struct rv_page_item *n, struct draw *d)
{
	draw_str(d, "  ", C_DEFAULT);
	draw_text(d, n->label.ptr, n->label.len, C_DATE);
	draw_str(d, "  ", C_DEFAULT);
	draw_text(d, n->who.ptr, n->who.len, C_LABEL);
	draw_later_mark(n, d);
	if (!n->nversions)
		return;
	if (n->flags & RV_PF_AMENDED) {
		draw_str(d, "  amended ", C_WARNING);
		draw_text(d, n->marked.ptr, n->marked.len, C_WARNING);
	}
	draw_str(d, note_open(v, n->ref) ? "  (Enter hides the earlier versions)" : "  (Enter shows the earlier versions)",
		 C_DIM);
}

static void draw_reference(const struct rv_page_item *r, struct draw *d)
{
	draw_str(d, r->kind == RV_PI_REFERS_TO ? "  refers to    " : "  referred by  ", C_DIM);
	draw_str(d, rv_status_glyph(r->status, d->ascii), status_color(r->status));
	draw_str(d, " ", C_DEFAULT);
	draw_text(d, r->label.ptr, r->label.len, C_LINK);
	draw_str(d, "  ", C_DEFAULT);
	draw_field(d, r->text.ptr, r->text.len, draw_remaining(d), C_DEFAULT);
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
	const char *text = view_line_text(v, line);
	const struct rv_page_item *dim = line->type != L_TITLE ? line_item(v, line) : NULL;
	/* Recorded after the as-of date, on a page that keeps such entries: all of it dimmed. */
	if (dim && (dim->flags & RV_PF_LATER))
		d->dimmed = true;

	switch (line->type) {
	case L_TITLE:
		draw_title_line(v, d);
		return;
	case L_FIELD_NAME: {
		const char *name = field_label(v, line);
		draw_label(d, name, strlen(name), draw_remaining(d));
		return;
	}
	case L_FIELD: {
		const struct rv_page_item *it = line_item(v, line);
		if (line->sub == 0 && it && !(it->flags & RV_PF_LONG_LABEL)) {
			const char *name = field_label(v, line);
			draw_label(d, name, strlen(name), LABEL_WIDTH);
		} else
			draw_spaces(d, LABEL_WIDTH, C_DEFAULT);
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	}
	case L_HEADING:
		draw_text(d, text, line->len, C_HEADING);
		return;
	case L_TEXT:
		draw_str(d, "  ", C_DEFAULT);
		draw_linked_text(v, line, d, C_DEFAULT);
		return;
	case L_DELIVERABLE: {
		const struct rv_page_item *it = line_item(v, line);
		draw_str(d, "  ", C_DEFAULT);
		if (line->sub == 0 && it)
			draw_str(d, rv_page_deliverable_glyph(it, d->ascii), status_color(it->status));
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
		if (line_item(v, line))
			draw_history_entry(line_item(v, line), d);
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
		if (line_item(v, line))
			draw_note_head(v, line_item(v, line), d);
		return;
	case L_NOTE_TEXT: {
		/* A retracted note's line says so, dimmed (the same line type, so that the cursor stays). */
		const struct rv_page_item *it = line_item(v, line);
		bool gone = it && (it->flags & RV_PF_RETRACTED);
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
	case L_LATER:
		draw_str(d, "      ", C_DEFAULT);
		draw_text(d, text, line->len, C_DIM);
		return;
	case L_REVISED:
	case L_ANSWER:
		draw_str(d, "      ", C_DEFAULT);
		draw_text(d, text, line->len, line->type == L_REVISED ? C_DIM : C_DEFAULT);
		return;
	case L_XREF_OUT:
	case L_XREF_IN:
		if (line_item(v, line))
			draw_reference(line_item(v, line), d);
		return;
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
	.state_size = sizeof(struct rec_state),
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
	if (!v)
		return NULL;
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
