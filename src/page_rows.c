/* page_rows.c - a page's rows in order, the words of each item's line, and the page as plain text. */
#include "recview/page.h"

#include <string.h>

#include "recview/text.h"

#define DASH " \xE2\x80\x94 "

const char *rv_page_deliverable_glyph(const struct rv_page_item *it, bool ascii)
{
	if (it->status == RV_STATUS_NONE)
		return ascii ? "-" : "\xC2\xB7";
	return rv_status_glyph(it->status, ascii);
}

static void add_text(struct strbuf *out, struct rv_text t)
{
	sb_add(out, t.ptr, t.len);
}

void rv_page_title_line(const struct rv_page *p, bool ascii, struct strbuf *out)
{
	add_text(out, p->id);
	sb_adds(out, "   ");
	if (p->status != RV_STATUS_NONE) {
		sb_adds(out, rv_status_glyph(p->status, ascii));
		sb_addc(out, ' ');
		if (p->status == RV_STATUS_UNKNOWN)
			add_text(out, p->status_raw);
		else
			sb_adds(out, rv_status_name(p->status));
		sb_adds(out, "   ");
	}
	if (p->decision != RV_DECISION_NONE) {
		sb_adds(out, rv_decision_name(p->decision));
		sb_adds(out, "   ");
	}
	add_text(out, p->priority);
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

static void deliverable_line(const struct rv_page_item *it, struct strbuf *out)
{
	add_text(out, it->text);
	if (it->owner.len) {
		sb_adds(out, DASH);
		add_text(out, it->owner);
	}
	if (it->flags & RV_PF_DONE) {
		sb_adds(out, DASH "done");
	} else if (it->due.len) {
		sb_adds(out, DASH "due ");
		add_text(out, it->due);
		if (it->due_text.len) {
			sb_adds(out, " (");
			add_text(out, it->due_text);
			sb_adds(out, ")");
		}
		if (it->flags & RV_PF_OVERDUE)
			sb_adds(out, ", overdue");
	}
}

static void question_line(const struct rv_page_item *it, struct strbuf *out)
{
	add_text(out, it->label);
	sb_addf(out, " (%s)", rv_qstatus_name(it->qstate));
	if (it->briefing.len) {
		sb_adds(out, " [");
		add_text(out, it->briefing);
		sb_adds(out, "]");
	}
	sb_addc(out, ' ');
	add_text(out, it->text);
}

static void history_line(const struct rv_page_item *it, bool ascii, struct strbuf *out)
{
	add_text(out, it->label);
	/* An entry without a usable date keeps its place in the file's order: say so. */
	if (it->flags & RV_PF_UNDATED)
		sb_adds(out, it->label.len ? " (undated)" : "undated");
	if (it->status_text.len) {
		sb_addf(out, "  %s ", rv_status_glyph(it->status, ascii));
		add_text(out, it->status_text);
	}
	if (it->decision_text.len) {
		sb_adds(out, "  decision: ");
		add_text(out, it->decision_text);
	}
	/* Who made it: recview's own entries name their author, others their source. */
	if (it->who.len) {
		sb_adds(out, it->flags & RV_PF_OURS ? "  by " : "  from ");
		add_text(out, it->who);
	}
}

/* The item's first line. A deliverable's glyph is not part of it (renderers put it before the text
 * that wraps); the rest is all there. */
static void item_words(const struct rv_page_item *it, bool ascii, struct strbuf *out);

void rv_page_item_line(const struct rv_page_item *it, bool ascii, struct strbuf *out)
{
	item_words(it, ascii, out);
	/* Kept on a page that dims what was recorded after its date: say so in the words too. */
	if (it->flags & RV_PF_LATER) {
		sb_adds(out, "  [");
		add_text(out, it->later);
		sb_addc(out, ']');
	}
}

static void item_words(const struct rv_page_item *it, bool ascii, struct strbuf *out)
{
	switch (it->kind) {
	case RV_PI_FIELD:
	case RV_PI_PARAGRAPH:
		add_text(out, it->text);
		return;
	case RV_PI_DELIVERABLE:
		deliverable_line(it, out);
		break;
	case RV_PI_QUESTION:
		question_line(it, out);
		break;
	case RV_PI_HISTORY:
		history_line(it, ascii, out);
		break;
	case RV_PI_NOTE:
		add_text(out, it->label);
		sb_adds(out, "  ");
		add_text(out, it->who);
		if (it->flags & RV_PF_AMENDED) {
			sb_adds(out, "  amended ");
			add_text(out, it->marked);
		}
		return;
	case RV_PI_REFERS_TO:
	case RV_PI_REFERRED_BY:
		sb_adds(out, it->kind == RV_PI_REFERS_TO ? "refers to    " : "referred by  ");
		sb_adds(out, rv_status_glyph(it->status, ascii));
		sb_addc(out, ' ');
		add_text(out, it->label);
		sb_adds(out, "  ");
		add_text(out, it->text);
		return;
	}
	add_text(out, it->link);
}

static void emit(const struct rv_page_walk *w, enum rv_page_row_kind kind, const struct rv_page_section *sec,
		 const struct rv_page_item *it, const char *text, size_t len)
{
	struct rv_page_row row = {kind, sec, it, text ? text : "", text ? len : 0};
	w->row(w->ctx, &row);
}

static void emit_sb(const struct rv_page_walk *w, enum rv_page_row_kind kind, const struct rv_page_section *sec,
		    const struct rv_page_item *it, const struct strbuf *sb)
{
	emit(w, kind, sec, it, sb->data, sb->len);
}

/* A note's earlier versions as rows: a head ("first version, WHEN, WHO:") and the text. */
static void emit_versions(const struct rv_page_walk *w, const struct rv_page_section *sec, const struct rv_page_item *it,
			  struct strbuf *sb)
{
	for (size_t k = 0; k < it->nversions; k++) {
		const struct rv_page_version *ver = &it->versions[k];
		sb_reset(sb);
		sb_addf(sb, "%s version, %.*s, ", ver->first ? "first" : "amended", (int)ver->when.len, ver->when.ptr);
		add_text(sb, ver->who);
		sb_adds(sb, ":");
		emit_sb(w, RV_ROW_VERSION_HEAD, sec, it, sb);
		if (ver->text.len)
			emit(w, RV_ROW_VERSION, sec, it, ver->text.ptr, ver->text.len);
		else
			emit(w, RV_ROW_VERSION, sec, it, "(retracted)", 11);
	}
}

/* What goes under an item's first line. */
static void emit_details(const struct rv_page_walk *w, const struct rv_page_section *sec, const struct rv_page_item *it,
			 struct strbuf *sb)
{
	if (it->later.len && !(it->flags & RV_PF_LATER))
		emit(w, RV_ROW_LATER, sec, it, it->later.ptr, it->later.len);
	switch (it->kind) {
	case RV_PI_DELIVERABLE:
		for (size_t i = 0; i < it->nrevisions; i++) {
			sb_reset(sb);
			sb_adds(sb, "revised: ");
			add_text(sb, it->revisions[i]);
			emit_sb(w, RV_ROW_DETAIL, sec, it, sb);
		}
		return;
	case RV_PI_QUESTION:
		if (!it->answer.len)
			return;
		sb_reset(sb);
		sb_adds(sb, "answer");
		if (it->answered.len)
			sb_addf(sb, " (%.*s)", (int)it->answered.len, it->answered.ptr);
		sb_adds(sb, ": ");
		add_text(sb, it->answer);
		emit_sb(w, RV_ROW_DETAIL, sec, it, sb);
		return;
	case RV_PI_HISTORY:
		if (it->text.len)
			emit(w, RV_ROW_DETAIL, sec, it, it->text.ptr, it->text.len);
		return;
	case RV_PI_NOTE:
		if (it->flags & RV_PF_RETRACTED) {
			sb_reset(sb);
			sb_addf(sb, "(retracted by %.*s on %.*s)", (int)it->marked_by.len, it->marked_by.ptr,
				(int)it->marked.len, it->marked.ptr);
			emit_sb(w, RV_ROW_DETAIL, sec, it, sb);
		} else {
			emit(w, RV_ROW_DETAIL, sec, it, it->text.ptr, it->text.len);
		}
		if (it->nversions && w->versions && w->versions(w->ctx, it->ref))
			emit_versions(w, sec, it, sb);
		return;
	default:
		return;
	}
}

/* The text as a row of its own; two texts (two sources) each under a heading that names its source. */
static void emit_texts(const struct rv_page_walk *w, const struct rv_page_section *text)
{
	if (text->n == 1 && !text->items[0].label.len) {
		emit(w, RV_ROW_TEXT, text, &text->items[0], text->items[0].text.ptr, text->items[0].text.len);
		return;
	}
	for (size_t i = 0; i < text->n; i++) {
		const struct rv_page_item *it = &text->items[i];
		emit(w, RV_ROW_HEADING, text, NULL, it->label.ptr, it->label.len);
		emit(w, RV_ROW_PARAGRAPH, text, it, it->text.ptr, it->text.len);
	}
}

void rv_page_rows(const struct rv_page *p, const struct rv_page_walk *w)
{
	struct strbuf sb;
	sb_init(&sb);
	rv_page_title_line(p, w->ascii, &sb);
	emit_sb(w, RV_ROW_TITLE, NULL, NULL, &sb);
	const struct rv_page_section *fields = &p->sections[RV_PAGE_FIELDS];
	for (size_t i = 0; i < fields->n; i++)
		emit(w, RV_ROW_FIELD, fields, &fields->items[i], fields->items[i].text.ptr, fields->items[i].text.len);
	emit_texts(w, &p->sections[RV_PAGE_TEXT]);
	const struct rv_page_section *status = &p->sections[RV_PAGE_PROJECT_STATUS];
	if (status->n) {
		emit(w, RV_ROW_HEADING, status, NULL, status->label.ptr, status->label.len);
		emit(w, RV_ROW_PARAGRAPH, status, &status->items[0], status->items[0].text.ptr, status->items[0].text.len);
	}
	for (int k = RV_PAGE_DELIVERABLES; k < RV_PAGE_NSECTIONS; k++) {
		const struct rv_page_section *sec = &p->sections[k];
		emit(w, RV_ROW_HEADING, sec, NULL, sec->label.ptr, sec->label.len);
		if (!sec->n)
			emit(w, RV_ROW_NONE, sec, NULL, "none", 4);
		for (size_t i = 0; i < sec->n; i++) {
			const struct rv_page_item *it = &sec->items[i];
			sb_reset(&sb);
			rv_page_item_line(it, w->ascii, &sb);
			emit_sb(w, RV_ROW_ITEM, sec, it, &sb);
			emit_details(w, sec, it, &sb);
		}
	}
	sb_free(&sb);
}

/* ---- plain text (recview --show) ---- */

struct plain {
	const struct rv_page *page;
	struct strbuf *out;
	int width;
};

/* Text wrapped to the width: indent spaces before the first line, hang before the others. */
static void put_hanging(struct plain *pl, const char *s, size_t len, int indent, int hang)
{
	struct strbuf clean;
	struct text_lines tl = {0};
	sb_init(&clean);
	text_sanitize(&clean, s, len, TEXT_KEEP_NEWLINES);
	text_wrap(&tl, clean.data, clean.len, pl->width - hang - 1 > 20 ? pl->width - hang - 1 : 20);
	for (size_t i = 0; i < tl.n; i++)
		sb_addf(pl->out, "%*s%.*s\n", tl.lines[i].len ? (i ? hang : indent) : 0, "", (int)tl.lines[i].len,
			clean.data + tl.lines[i].off);
	text_lines_free(&tl);
	sb_free(&clean);
}

/* "Label      value", the value wrapped under itself; a label too wide has a line of its own. */
static void put_field(struct plain *pl, const struct rv_page_row *row)
{
	int lw = pl->page->label_width;
	struct strbuf label;
	sb_init(&label);
	text_sanitize(&label, row->item->label.ptr, row->item->label.len, 0);
	if (row->item->flags & RV_PF_LONG_LABEL) {
		sb_addf(pl->out, "%s\n", label.data);
		put_hanging(pl, row->text, row->len, lw, lw);
	} else {
		int pad = lw - text_width(label.data, label.len);
		sb_addf(pl->out, "%s%*s", label.data, pad > 0 ? pad : 0, "");
		put_hanging(pl, row->text, row->len, 0, lw);
	}
	sb_free(&label);
}

static void plain_item(struct plain *pl, const struct rv_page_row *row)
{
	const struct rv_page_item *it = row->item;
	if (it->kind == RV_PI_DELIVERABLE) {
		struct strbuf line;
		sb_init(&line);
		sb_addf(&line, "%s ", rv_page_deliverable_glyph(it, false));
		sb_add(&line, row->text, row->len);
		put_hanging(pl, line.data, line.len, 2, 4);
		sb_free(&line);
		return;
	}
	bool hangs = it->kind == RV_PI_QUESTION || it->kind == RV_PI_REFERS_TO || it->kind == RV_PI_REFERRED_BY;
	put_hanging(pl, row->text, row->len, 2, hangs ? 4 : 2);
}

static void plain_row(void *ctx, const struct rv_page_row *row)
{
	struct plain *pl = ctx;
	switch (row->kind) {
	case RV_ROW_TITLE:
		put_hanging(pl, row->text, row->len, 0, 0);
		sb_addc(pl->out, '\n');
		return;
	case RV_ROW_FIELD:
		put_field(pl, row);
		return;
	case RV_ROW_TEXT:
		sb_addc(pl->out, '\n');
		put_hanging(pl, row->text, row->len, 2, 2);
		return;
	case RV_ROW_HEADING:
		sb_addc(pl->out, '\n');
		put_hanging(pl, row->text, row->len, 0, 0);
		return;
	case RV_ROW_NONE:
		sb_adds(pl->out, "  none\n");
		return;
	case RV_ROW_ITEM:
		plain_item(pl, row);
		return;
	case RV_ROW_DETAIL:
	case RV_ROW_VERSION_HEAD:
	case RV_ROW_LATER:
		put_hanging(pl, row->text, row->len, 6, 6);
		return;
	case RV_ROW_VERSION:
		put_hanging(pl, row->text, row->len, 8, 8);
		return;
	case RV_ROW_PARAGRAPH:
		put_hanging(pl, row->text, row->len, 2, 2);
		return;
	}
}

void rv_page_text(const struct rv_page *p, int width, struct strbuf *out)
{
	struct plain pl = {p, out, width};
	struct rv_page_walk w = {.row = plain_row, .ctx = &pl};
	rv_page_rows(p, &w);
}
