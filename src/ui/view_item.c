/* view_item.c - the page of one deliverable, question or history entry, with its recommendation as a link. */
#include <stdio.h>
#include <string.h>

#include "recview/as_of.h"
#include "recview/changelog.h"
#include "recview/date.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/views.h"

enum {
	IT_REC_LINK,
	IT_FIELD,
	IT_BLANK,
	IT_DERIVED, /* what the fields say together; ref: its label */
	IT_LATER,   /* as of a date, dim mode: a field's value recorded after it ("after DATE: ..."); ref: field */
};

/* The labels of derived lines. */
enum { DER_STATE, DER_OVERDUE, DER_REVISED, DER_ANSWERED };
static const char *const derived_labels[] = {"State", "Overdue", "Revised", "Answered"};

#define LABEL_WIDTH label_width(v->app->m, v->kind, 12)
#define EXTRA_BASE 100

static void add_derived(struct view *v, uint32_t label, const char *text, size_t len, int width)
{
	view_add_wrapped(v, IT_DERIVED, label, false, text, len, width);
}

/* A question's state and who answered it; a deliverable's overdue and its revised due dates. */
static void add_derived_lines(struct view *v, int width)
{
	const struct rv_model *m = v->app->m;
	size_t item = (size_t)v->item;
	struct strbuf sb;
	sb_init(&sb);
	int32_t as_of = v->app->as_of;
	if (v->kind == RV_QUESTIONS) {
		enum rv_qstatus st = rv_question_state_as_of(m, item, as_of);
		sb_adds(&sb, rv_qstatus_name(st));
		if (!rv_child_field_as_of(m, RV_QUESTIONS, item, Q_STATUS, as_of).len)
			sb_adds(&sb, st == RV_QSTATUS_ANSWERED ? " (it has an answer)" : " (no answer yet)");
		add_derived(v, DER_STATE, sb.data, sb.len, width);
		sb_reset(&sb);
		/* Who answered, while the answer shown is the one read now (not one given later). */
		bool later = rv_question_answer_as_of(m, item, as_of).len != rv_child_field(m, RV_QUESTIONS, item, Q_ANSWER).len ||
			     rv_child_field_later(m, RV_QUESTIONS, item, Q_ANSWER, as_of);
		if (!later && rv_question_answered_describe(m, item, &sb))
			add_derived(v, DER_ANSWERED, sb.data, sb.len, width);
	} else if (v->kind == RV_DELIVERABLES) {
		int32_t day = rv_overdue_day(as_of);
		if (rv_deliverable_overdue_as_of(m, item, as_of)) {
			struct rv_date_text due = rv_deliverable_due_as_of(m, item, as_of);
			char last[16], on[16];
			rv_date_format(rv_date_last_day(due.date, due.precision), last, sizeof(last));
			rv_date_format(day, on, sizeof(on));
			sb_addf(&sb, "yes: not complete, and due by %s (%s %s)", last,
				v->app->as_of != RV_DATE_NONE ? "as of" : "today is", on);
			add_derived(v, DER_OVERDUE, sb.data, sb.len, width);
		}
		size_t revisions = rv_changelog_rows_by(m, (struct rv_item){RV_DELIVERABLES, item}, DEL_DUE, as_of);
		for (size_t i = 0; i < revisions; i++) {
			sb_reset(&sb);
			rv_due_revision_describe(m, item, i, &sb);
			add_derived(v, DER_REVISED, sb.data, sb.len, width);
		}
	}
	sb_free(&sb);
}

/* A field as it read on the as-of date (as_of.h), or now. */
static struct rv_text field_as_of(const struct view *v, const struct rv_child *ch, int f)
{
	const struct rv_model *m = v->app->m;
	if (v->app->as_of == RV_DATE_NONE)
		return rv_child_text(m, v->kind, ch, f);
	if (v->kind == RV_QUESTIONS && f == Q_ANSWER)
		return rv_question_answer_as_of(m, (size_t)v->item, v->app->as_of);
	return rv_child_field_as_of(m, v->kind, (size_t)v->item, f, v->app->as_of);
}

/* Dim mode: a field whose value now was recorded after the as-of date gets it on a dimmed line. */
static void add_later_value(struct view *v, int f, struct rv_text then, int width)
{
	if (v->app->as_of == RV_DATE_NONE || v->app->as_of_later != RV_AS_OF_DIM)
		return;
	struct rv_text now = rv_child_field(v->app->m, v->kind, (size_t)v->item, f);
	if (now.len == then.len && (!now.len || memcmp(now.ptr, then.ptr, now.len) == 0))
		return;
	char day[16];
	rv_date_format(v->app->as_of, day, sizeof(day));
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "after %s: ", day);
	sb_add(&sb, now.len ? now.ptr : "(none)", now.len ? now.len : 6);
	view_add_wrapped(v, IT_LATER, (uint32_t)f, false, sb.data, sb.len, width);
	sb_free(&sb);
}

static bool item_open(struct view *v, char *err, size_t errsize)
{
	const struct rv_model *m = v->app->m;
	if (v->item < 0 || (size_t)v->item >= rv_child_total(m, v->kind)) {
		snprintf(err, errsize, "No row #%ld of %s: it has %zu.", v->item + 1, rv_kind_def(v->kind)->file,
			 rv_child_total(m, v->kind));
		return false;
	}
	const struct rv_kind_def *def = rv_kind_def(v->kind);
	const struct rv_child *ch = rv_child_at(m, v->kind, (size_t)v->item);
	int link = rv_field_of_role(v->kind, RV_ROLE_REC_LINK);
	int width = v->width - LABEL_WIDTH - 1 > 10 ? v->width - LABEL_WIDTH - 1 : 10;

	for (int f = 0; f < def->nfields; f++) {
		struct rv_text c = field_as_of(v, ch, f);
		if (v->kind == RV_QUESTIONS && (f == Q_ANSWERED || f == Q_ANSWERED_BY))
			continue; /* said on the Answered line, with what recview recorded */
		if (f == link) {
			/* Its recommendation's id: a link back. */
			view_add_line(v, IT_REC_LINK, 0, ch->rec >= 0);
			view_add_line(v, IT_BLANK, 0, false);
			continue;
		}
		if (f == rv_field_of_role(v->kind, RV_ROLE_DATE) && def->by_date && ch->date_prec == RV_DATE_PREC_NONE) {
			/* A history entry without a usable date keeps its place in the file's order: say so. */
			struct strbuf sb;
			sb_init(&sb);
			sb_add(&sb, c.ptr, c.len);
			sb_adds(&sb, c.len ? " (undated)" : "undated");
			view_add_wrapped(v, IT_FIELD, (uint32_t)f, false, sb.data, sb.len, width);
			sb_free(&sb);
			continue;
		}
		if (c.len)
			view_add_wrapped(v, IT_FIELD, (uint32_t)f, false, c.ptr, c.len, width);
		add_later_value(v, f, c, width);
	}
	for (size_t e = 0; e < rv_extra_count(m, v->kind); e++) {
		struct rv_text c = rv_child_extra(m, v->kind, (size_t)v->item, e);
		if (c.len)
			view_add_wrapped(v, IT_FIELD, EXTRA_BASE + (uint32_t)e, false, c.ptr, c.len, width);
	}
	add_derived_lines(v, width);
	return true;
}

static void draw_field_label(struct view *v, uint32_t ref, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	char label[64];
	if (ref < EXTRA_BASE) {
		const char *name = rv_kind_def(v->kind)->fields[ref].name;
		snprintf(label, sizeof(label), "%s", name);
		if (label[0] >= 'a' && label[0] <= 'z')
			label[0] = (char)(label[0] - 'a' + 'A');
		draw_label(d, label, strlen(label), LABEL_WIDTH);
		return;
	}
	struct rv_text name = rv_extra_name(m, v->kind, ref - EXTRA_BASE);
	if (name.len) {
		draw_label(d, name.ptr, name.len, LABEL_WIDTH);
	} else {
		snprintf(label, sizeof(label), "column %d", rv_extra_column_number(m, v->kind, ref - EXTRA_BASE));
		draw_label(d, label, strlen(label), LABEL_WIDTH);
	}
}

static void item_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const struct rv_child *ch = rv_child_at(m, v->kind, (size_t)v->item);
	if (line->type == IT_REC_LINK) {
		struct rv_text rid = rv_child_role(m, v->kind, (size_t)v->item, RV_ROLE_REC_LINK);
		draw_label(d, "Rec", 3, LABEL_WIDTH);
		if (ch->rec < 0) {
			draw_text(d, rid.ptr, rid.len, C_WARNING);
			draw_str(d, "  (no such recommendation)", C_WARNING);
			return;
		}
		draw_text(d, rid.ptr, rid.len, C_LINK);
		struct rv_text title = rv_rec_headline(m, (size_t)ch->rec);
		if (title.len) {
			draw_str(d, "  ", C_DEFAULT);
			draw_field(d, title.ptr, title.len, draw_remaining(d), C_DIM);
		}
		return;
	}
	if (line->type == IT_DERIVED) {
		if (line->sub == 0)
			draw_label(d, derived_labels[line->ref], strlen(derived_labels[line->ref]), LABEL_WIDTH);
		else
			draw_spaces(d, LABEL_WIDTH, C_DEFAULT);
		enum color c = C_DEFAULT;
		if (line->ref == DER_STATE)
			c = qstate_color(rv_question_state_as_of(m, (size_t)v->item, v->app->as_of));
		else if (line->ref == DER_OVERDUE)
			c = C_ERROR;
		draw_text(d, view_line_text(v, line), line->len, c);
		return;
	}
	if (line->type == IT_FIELD) {
		if (line->sub == 0)
			draw_field_label(v, line->ref, d);
		else
			draw_spaces(d, LABEL_WIDTH, C_DEFAULT);
		enum color c = C_DEFAULT;
		if ((int)line->ref == rv_field_of_role(v->kind, RV_ROLE_STATUS))
			c = status_color(v->kind == RV_DELIVERABLES ? rv_deliverable_status_as_of(m, (size_t)v->item, v->app->as_of)
								    : (enum rv_status)ch->status);
		draw_text(d, view_line_text(v, line), line->len, c);
	}
	if (line->type == IT_LATER) {
		draw_spaces(d, LABEL_WIDTH, C_DEFAULT);
		draw_text(d, view_line_text(v, line), line->len, C_DIM);
	}
}

static enum request item_request(struct view *v, enum request req, struct line *line)
{
	if (req != REQ_ENTER)
		return req;
	const struct rv_child *ch = rv_child_at(v->app->m, v->kind, v->item);
	if (line->type == IT_REC_LINK && ch->rec >= 0) {
		app_open(v->app, rec_view_new(v->app, (size_t)ch->rec));
		return REQ_NONE;
	}
	app_message(v->app, C_DIM, "Nothing to open on this line; Tab goes to the recommendation.");
	return REQ_NONE;
}

static void item_crumb(struct view *v, struct strbuf *out)
{
	const struct rv_model *m = v->app->m;
	if (v->kind == RV_QUESTIONS) {
		struct rv_text qid = rv_child_field(m, RV_QUESTIONS, (size_t)v->item, Q_QID);
		sb_adds(out, "Question ");
		text_sanitize(out, qid.ptr, qid.len, 0);
	} else if (v->kind == RV_HISTORY) {
		struct rv_text date = rv_child_field(m, RV_HISTORY, (size_t)v->item, HIST_DATE);
		sb_adds(out, "Entry ");
		text_sanitize(out, date.ptr, date.len, 0);
		if (rv_child_undated(m, RV_HISTORY, (size_t)v->item))
			sb_adds(out, date.len ? " (undated)" : "(undated)");
	} else {
		sb_addf(out, "Deliverable %ld", (long)rv_child_at(m, v->kind, v->item)->row + 1);
	}
}

static bool item_current_item(struct view *v, struct rv_item *out)
{
	if (v->kind != RV_DELIVERABLES && v->kind != RV_QUESTIONS)
		return false;
	*out = (struct rv_item){v->kind, (size_t)v->item};
	return true;
}

static const struct view_ops item_ops = {
	.id = VIEW_ITEM,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_REC | SCOPE_ITEM,
	.current_item = item_current_item,
	.name = "item",
	.open = item_open,
	.draw = item_draw,
	.request = item_request,
	.crumb = item_crumb,
};

struct view *item_view_new(struct app *app, enum rv_kind kind, size_t child)
{
	/* A child that is not there is refused by item_open (its recommendation is read only if it is). */
	long rec = child < rv_child_total(app->m, kind) ? rv_child_at(app->m, kind, child)->rec : -1;
	return view_new(app, &item_ops, rec, (long)child, kind);
}
