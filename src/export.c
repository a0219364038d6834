/* export.c - what leaves recview as documents: the minutes of a session or of the files, and lists of
 * recommendations as Markdown or CSV. */
#include "recview/export.h"
#include "recview/entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/save.h"
#include "recview/text.h"

/*
 * A Markdown table cell: sanitised (so on one line: line breaks become spaces, controls are made
 * visible), with pipes and backslashes escaped. Both are needed: with only pipes escaped, the cell
 * a\|b would become a\\|b, an escaped backslash and then a real pipe that splits the cell.
 */
void rv_markdown_cell(struct strbuf *out, const char *s, size_t len)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, 0);
	for (size_t i = 0; i < clean.len; i++) {
		if (clean.data[i] == '|' || clean.data[i] == '\\')
			sb_addc(out, '\\');
		sb_addc(out, clean.data[i]);
	}
	sb_free(&clean);
}

static void md_str(struct strbuf *out, const char *s)
{
	rv_markdown_cell(out, s ? s : "", s ? strlen(s) : 0);
}

/* What a change set, in a word or three ("owner of D2"). */
static void change_label(const struct rv_change *c, struct strbuf *out)
{
	static const char *const labels[] = {"status", "decision", "priority", "note", "added to the agenda",
					     "removed from the agenda", "moved on the agenda", "field", "minutes on the agenda"};
	if (c->kind != RV_CHANGE_FIELD) {
		sb_adds(out, labels[c->kind]);
		return;
	}
	const char *name = rv_item_field_name((enum rv_kind)c->target, c->field);
	if (c->target == RV_NOTES)
		name = c->after && *c->after ? "note amended" : "note retracted";
	sb_adds(out, name ? name : "field");
	if (c->item && *c->item && c->target != RV_NOTES) {
		sb_adds(out, " of ");
		md_str(out, c->item);
	}
}

void rv_session_minutes(const struct rv_session *s, struct strbuf *out)
{
	sb_adds(out, "# Triage minutes\n\n");
	sb_adds(out, "Data set: ");
	md_str(out, s->m->dir);
	sb_addf(out, "  \n%zu change%s", s->applied, s->applied == 1 ? "" : "s");
	if (s->applied) {
		sb_adds(out, ", ");
		md_str(out, s->changes[0].time);
		sb_adds(out, " to ");
		md_str(out, s->changes[s->applied - 1].time);
	}
	sb_adds(out, ".\n\n");
	if (s->applied) {
		sb_adds(out, "| When | Who | Recommendation | Change | Note |\n|---|---|---|---|---|\n");
		for (size_t i = 0; i < s->applied; i++) {
			const struct rv_change *c = &s->changes[i];
			sb_adds(out, "| ");
			md_str(out, c->time);
			sb_adds(out, " | ");
			md_str(out, c->author);
			sb_adds(out, " | ");
			md_str(out, c->rec_id);
			sb_adds(out, " | ");
			change_label(c, out);
			if (c->kind <= RV_CHANGE_PRIORITY || (c->kind == RV_CHANGE_FIELD && c->target != RV_NOTES)) {
				sb_adds(out, ": ");
				md_str(out, c->before && *c->before ? c->before : "(none)");
				sb_adds(out, " \xE2\x86\x92 ");
				md_str(out, c->after && *c->after ? c->after : "(none)");
				if (c->kind <= RV_CHANGE_DECISION) {
					sb_adds(out, " (as of ");
					md_str(out, c->date);
					sb_adds(out, ")");
				}
			}
			sb_adds(out, " | ");
			md_str(out, c->note);
			sb_adds(out, " |\n");
		}
	}
	if (s->ntimes) {
		sb_adds(out, "\n## Walkthrough\n\n| Recommendation | Time |\n|---|---|\n");
		for (size_t i = 0; i < s->ntimes; i++) {
			long secs = (long)(s->times[i].seconds + 0.5);
			sb_adds(out, "| ");
			md_str(out, s->times[i].rec_id);
			sb_addf(out, " | %ld:%02ld |\n", secs / 60, secs % 60);
		}
	}
	if (s->nagenda) {
		sb_adds(out, "\n## Agenda\n\n");
		for (size_t i = 0; i < s->nagenda; i++) {
			struct rv_text id = rv_rec_field(s->m, s->agenda[i].rec, REC_ID);
			struct rv_text title = rv_rec_field(s->m, s->agenda[i].rec, REC_TITLE);
			sb_addf(out, "%zu. ", i + 1);
			rv_markdown_cell(out, id.ptr, id.len);
			if (title.len) {
				sb_adds(out, " \xE2\x80\x94 ");
				rv_markdown_cell(out, title.ptr, title.len);
			}
			enum rv_status st = rv_rec_status(s->m, s->agenda[i].rec, RV_DATE_NONE);
			if (st != RV_STATUS_NONE)
				sb_addf(out, " (%s)", rv_status_name(st));
			sb_addc(out, '\n');
		}
	}
}

struct minute {
	char when[32];
	enum rv_kind kind;
	uint32_t child;
};

static int by_when(const void *a, const void *b)
{
	const struct minute *x = a, *y = b;
	int c = strcmp(x->when, y->when);
	return c ? c : (x->child < y->child ? -1 : x->child > y->child);
}

/* The cells every row of the minutes starts with: when it was recorded, who, the recommendation. */
static void minute_row_start(struct strbuf *out, const struct minute *mi, struct rv_text who, struct rv_text rid)
{
	sb_adds(out, "| ");
	md_str(out, mi->when);
	sb_adds(out, " | ");
	rv_markdown_cell(out, who.ptr, who.len);
	sb_adds(out, " | ");
	rv_markdown_cell(out, rid.ptr, rid.len);
}

/* A priority change's row: when recorded, who, the recommendation, old -> new, its note. */
static void priority_minute(const struct rv_model *m, const struct minute *mi, struct strbuf *out)
{
	int32_t linked = rv_child_at(m, RV_CHANGES, mi->child)->rec;
	struct rv_text rid = linked >= 0 ? rv_rec_id(m, (size_t)linked) : rv_child_field(m, RV_CHANGES, mi->child, CHG_REC_ID);
	struct rv_text who = rv_child_field(m, RV_CHANGES, mi->child, CHG_AUTHOR);
	struct rv_text before = rv_child_field(m, RV_CHANGES, mi->child, CHG_PREVIOUS);
	struct rv_text after = rv_child_field(m, RV_CHANGES, mi->child, CHG_VALUE);
	struct rv_text note = rv_child_field(m, RV_CHANGES, mi->child, CHG_NOTE);
	minute_row_start(out, mi, who, rid);
	sb_adds(out, " | priority: ");
	rv_markdown_cell(out, before.len ? before.ptr : "(none)", before.len ? before.len : 6);
	sb_adds(out, " \xE2\x86\x92 ");
	rv_markdown_cell(out, after.len ? after.ptr : "(none)", after.len ? after.len : 6);
	sb_adds(out, " | ");
	rv_markdown_cell(out, note.ptr, note.len);
	sb_adds(out, " |\n");
}

void rv_file_minutes(const struct rv_model *m, const char *since, struct strbuf *out)
{
	size_t cap = rv_child_total(m, RV_HISTORY) + rv_child_total(m, RV_NOTES) + rv_child_total(m, RV_CHANGES) + 1, n = 0;
	struct minute *list = xcalloc(cap, sizeof(*list));
	for (size_t i = 0; i < rv_child_total(m, RV_HISTORY); i++) {
		struct rv_text src = rv_child_field(m, RV_HISTORY, i, HIST_SOURCE);
		struct rv_text date = rv_child_field(m, RV_HISTORY, i, HIST_DATE);
		if (src.len < 9 || memcmp(src.ptr, "recview: ", 9) != 0)
			continue;
		snprintf(list[n].when, sizeof(list[n].when), "%.*s", (int)(date.len < 31 ? date.len : 31), date.ptr);
		list[n].kind = RV_HISTORY;
		list[n++].child = (uint32_t)i;
	}
	for (size_t i = 0; i < rv_child_total(m, RV_NOTES); i++) {
		struct rv_text when = rv_child_field(m, RV_NOTES, i, NOTE_TIME);
		snprintf(list[n].when, sizeof(list[n].when), "%.*s", (int)(when.len < 31 ? when.len : 31), when.ptr);
		list[n].kind = RV_NOTES;
		list[n++].child = (uint32_t)i;
	}
	/* A recommendation's priority changes (changes.csv), at the time they were recorded. */
	for (size_t i = 0; i < rv_child_total(m, RV_CHANGES); i++) {
		struct rv_text field = rv_child_field(m, RV_CHANGES, i, CHG_FIELD);
		struct rv_text item = rv_child_field(m, RV_CHANGES, i, CHG_ITEM);
		struct rv_text when = rv_child_field(m, RV_CHANGES, i, CHG_TIME);
		if (item.len || field.len != 8 || memcmp(field.ptr, "priority", 8) != 0)
			continue;
		snprintf(list[n].when, sizeof(list[n].when), "%.*s", (int)(when.len < 31 ? when.len : 31), when.ptr);
		list[n].kind = RV_CHANGES;
		list[n++].child = (uint32_t)i;
	}
	qsort(list, n, sizeof(*list), by_when);
	sb_adds(out, "# Minutes\n\nData set: ");
	md_str(out, m->dir);
	if (since) {
		sb_adds(out, "  \nSince ");
		md_str(out, since);
	}
	sb_adds(out, "\n\n| When | Who | Recommendation | Change | Note |\n|---|---|---|---|---|\n");
	for (size_t i = 0; i < n; i++) {
		const struct minute *mi = &list[i];
		if (since && strncmp(mi->when, since, strlen(since)) < 0)
			continue;
		if (mi->kind == RV_CHANGES) {
			priority_minute(m, mi, out);
			continue;
		}
		bool note = mi->kind == RV_NOTES;
		/* The recommendation by its own id, however the row wrote it (the id rule, links.h). */
		int32_t linked = rv_child_at(m, mi->kind, mi->child)->rec;
		struct rv_text rid = linked >= 0 ? rv_rec_id(m, (size_t)linked)
						 : rv_child_role(m, mi->kind, mi->child, RV_ROLE_REC_LINK);
		struct rv_text who = rv_child_role(m, mi->kind, mi->child, note ? RV_ROLE_AUTHOR : RV_ROLE_SOURCE);
		struct rv_text text = rv_child_role(m, mi->kind, mi->child, RV_ROLE_TEXT);
		if (!note) {
			who.ptr += 9;
			who.len -= 9;
		}
		minute_row_start(out, mi, who, rid);
		sb_adds(out, " | ");
		if (note) {
			sb_adds(out, "note");
		} else {
			struct rv_text st = rv_child_field(m, RV_HISTORY, mi->child, HIST_STATUS);
			struct rv_text dec = rv_child_field(m, RV_HISTORY, mi->child, HIST_DECISION);
			if (st.len) {
				sb_adds(out, "status: ");
				rv_markdown_cell(out, st.ptr, st.len);
			}
			if (dec.len) {
				sb_adds(out, st.len ? "; decision: " : "decision: ");
				rv_markdown_cell(out, dec.ptr, dec.len);
			}
		}
		sb_adds(out, " | ");
		rv_markdown_cell(out, text.ptr, text.len);
		sb_adds(out, " |\n");
	}
	free(list);
}

void rv_export_markdown_as_of(const struct rv_model *m, const uint32_t *recs, size_t n, const char *title,
			      int32_t as_of, struct strbuf *out)
{
	sb_adds(out, "# ");
	md_str(out, title);
	sb_addf(out, "\n\n%zu recommendation%s.\n\n", n, n == 1 ? "" : "s");
	sb_adds(out, "| Id | Decision | Status | Priority | Changed | Title or text |\n|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < n; i++) {
		size_t rec = recs[i];
		struct rv_text id = rv_rec_id(m, rec);
		struct rv_text pri = rv_rec_field(m, rec, REC_PRIORITY);
		struct rv_text head = rv_rec_headline(m, rec);
		char date[16];
		rv_date_format(rv_rec_last_change(m, rec, as_of), date, sizeof(date));
		sb_adds(out, "| ");
		rv_markdown_cell(out, id.ptr, id.len);
		sb_addf(out, " | %s | %s | ", rv_decision_name(rv_rec_decision(m, rec, as_of)),
			rv_status_name(rv_rec_status(m, rec, as_of)));
		rv_markdown_cell(out, pri.ptr, pri.len);
		sb_addf(out, " | %s | ", date);
		rv_markdown_cell(out, head.ptr, head.len);
		sb_adds(out, " |\n");
	}
}

void rv_export_markdown(const struct rv_model *m, const uint32_t *recs, size_t n, const char *title,
			struct strbuf *out)
{
	rv_export_markdown_as_of(m, recs, n, title, RV_DATE_NONE, out);
}

/*
 * One cell of an exported CSV file, which is made to be opened in a spreadsheet: a cell that would
 * run as a formula there (=, +, -, @, TAB, CR first) gets a leading apostrophe, as typed text does.
 */
static void csv_export_field(struct strbuf *out, struct strbuf *tmp, const char *s, size_t len)
{
	sb_reset(tmp);
	rv_defuse_formula(tmp, s, len);
	csv_write_field(out, tmp->data, tmp->len);
}

void rv_export_csv(const struct rv_model *m, const uint32_t *recs, size_t n, struct strbuf *out)
{
	struct strbuf tmp;
	sb_init(&tmp);
	for (size_t c = 0; c < rv_rec_header_columns(m); c++) {
		struct rv_text name = rv_rec_column_name(m, c);
		if (c)
			sb_addc(out, ',');
		csv_export_field(out, &tmp, name.ptr, name.len);
	}
	sb_addc(out, '\n');
	/* An empty status cell holds the status the history gives, as every view shows it. */
	int status_col = rv_field_column_number(m, RV_RECS, REC_STATUS) - 1;
	for (size_t i = 0; i < n; i++) {
		size_t nf = rv_rec_row_columns(m, recs[i]);
		if (status_col >= 0 && nf <= (size_t)status_col && rv_rec_status(m, recs[i], RV_DATE_NONE) != RV_STATUS_NONE)
			nf = (size_t)status_col + 1; /* a short row gets the cells up to its status */
		for (size_t c = 0; c < nf; c++) {
			struct rv_text cell = c < rv_rec_row_columns(m, recs[i]) ? rv_rec_column(m, recs[i], c) : (struct rv_text){"", 0};
			if (!cell.len && (int)c == status_col) {
				const char *word = rv_status_name(rv_rec_status(m, recs[i], RV_DATE_NONE));
				cell = (struct rv_text){word, strlen(word)};
			}
			if (c)
				sb_addc(out, ',');
			csv_export_field(out, &tmp, cell.ptr, cell.len);
		}
		sb_addc(out, '\n');
	}
	sb_free(&tmp);
}
