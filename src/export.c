/* export.c - what leaves recview as documents: the minutes of a session or of the files, and lists of
 * recommendations as Markdown or CSV. */
#include "recview/export.h"
#include "recview/entity.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/as_of_later.h"
#include "recview/changelog.h"
#include "recview/date.h"
#include "recview/decided.h"
#include "recview/recorded.h"
#include "recview/save.h"
#include "recview/text.h"

/*
 * A Markdown table cell: sanitised (so on one line: line breaks become spaces, controls are made
 * visible), with pipes and backslashes escaped. Both are needed: with only pipes escaped, the cell
 * a\|b would become a\\|b, an escaped backslash and then a real pipe that splits the cell. A "<" is
 * escaped too: where the Markdown is shown as HTML, "<script>" from a title would be a tag.
 */
void rv_markdown_cell(struct strbuf *out, const char *s, size_t len)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, 0);
	for (size_t i = 0; i < clean.len; i++) {
		if (clean.data[i] == '|' || clean.data[i] == '\\' || clean.data[i] == '<')
			sb_addc(out, '\\');
		sb_addc(out, clean.data[i]);
	}
	sb_free(&clean);
}

static void md_str(struct strbuf *out, const char *s)
{
	rv_markdown_cell(out, s ? s : "", s ? strlen(s) : 0);
}

/* What a change set, in a word or three ("owner of D2"): the slide's words too (decided.h). */
static void change_label(const struct rv_change *c, struct strbuf *out)
{
	struct strbuf label;
	sb_init(&label);
	rv_change_label(c, &label);
	md_str(out, label.data);
	sb_free(&label);
}

/* Whether a change gives someone an action: an owner set (of the recommendation or a deliverable),
 * or a deliverable's due date. */
static bool is_action(const struct rv_change *c)
{
	if (c->kind != RV_CHANGE_FIELD)
		return false;
	return (c->target == RV_RECS && c->field == REC_OWNER) ||
	       (c->target == RV_DELIVERABLES && (c->field == DEL_RESPONSIBLE || c->field == DEL_DUE));
}

/* Who owns an action: the owner it sets, or for a due date its deliverable's owner (as of as_of). */
static struct rv_text action_owner(const struct rv_model *m, long rec, struct rv_text item, bool sets_owner,
				   struct rv_text value, int32_t as_of)
{
	struct rv_item it;
	if (sets_owner)
		return value;
	if (rec >= 0 && item.len && rv_item_find(m, (size_t)rec, item.ptr, item.len, &it) && it.kind == RV_DELIVERABLES)
		return rv_child_field_as_of(m, RV_DELIVERABLES, it.index, DEL_RESPONSIBLE, as_of);
	return (struct rv_text){"", 0};
}

static struct rv_text text_of(const char *s)
{
	return (struct rv_text){s ? s : "", s ? strlen(s) : 0};
}

/* The actions of the session, with their owners: what each owner or due date change set, and who
 * owns it (the owner set; for a due date, the deliverable's owner). */
static void session_actions(const struct rv_session *s, struct strbuf *out)
{
	bool any = false;
	for (size_t i = 0; i < s->applied; i++) {
		const struct rv_change *c = &s->changes[i];
		if (!is_action(c))
			continue;
		if (!any)
			sb_adds(out, "\n## Actions\n\n| Recommendation | Action | Set to | Owner | Note |\n"
				     "|---|---|---|---|---|\n");
		any = true;
		sb_adds(out, "| ");
		md_str(out, c->rec_id);
		sb_adds(out, " | ");
		change_label(c, out);
		sb_adds(out, " | ");
		md_str(out, c->after && *c->after ? c->after : "(none)");
		sb_adds(out, " | ");
		long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
		bool sets_owner = (c->target == RV_RECS && c->field == REC_OWNER) ||
				  (c->target == RV_DELIVERABLES && c->field == DEL_RESPONSIBLE);
		struct rv_text owner = action_owner(s->m, rec, text_of(c->item), sets_owner, text_of(c->after), RV_DATE_NONE);
		rv_markdown_cell(out, owner.ptr, owner.len);
		sb_adds(out, " | ");
		md_str(out, c->note);
		sb_adds(out, " |\n");
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
			if (rv_change_told_as_values(c)) {
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
	session_actions(s, out);
	if (s->ntimes) {
		double total = 0;
		sb_adds(out, "\n## Walkthrough\n\n| Recommendation | Time |\n|---|---|\n");
		for (size_t i = 0; i < s->ntimes; i++) {
			long secs = (long)(s->times[i].seconds + 0.5);
			total += s->times[i].seconds;
			sb_adds(out, "| ");
			md_str(out, s->times[i].rec_id);
			sb_addf(out, " | %ld:%02ld |\n", secs / 60, secs % 60);
		}
		long secs = (long)(total + 0.5);
		sb_addf(out, "\n%zu item%s presented, %ld:%02ld in all.\n", s->ntimes, s->ntimes == 1 ? "" : "s", secs / 60,
			secs % 60);
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

/* The cells every row of the minutes starts with: when it was recorded (marked "[after DATE]" when
 * after is a date: a row kept though recorded after the as-of date), who, the recommendation. */
static void minute_row_start(struct strbuf *out, const struct rv_recorded *mi, int32_t after, struct rv_text who,
			     struct rv_text rid)
{
	sb_adds(out, "| ");
	md_str(out, mi->when);
	if (after != RV_DATE_NONE) {
		sb_addc(out, ' ');
		rv_after_mark(after, out);
	}
	sb_adds(out, " | ");
	rv_markdown_cell(out, who.ptr, who.len);
	sb_adds(out, " | ");
	rv_markdown_cell(out, rid.ptr, rid.len);
}

/* The recommendation a changes.csv row is about: its id as loaded, else as the row writes it. */
static struct rv_text change_rec_id(const struct rv_model *m, size_t row)
{
	int32_t linked = rv_child_at(m, RV_CHANGES, row)->rec;
	return linked >= 0 ? rv_rec_id(m, (size_t)linked) : rv_child_field(m, RV_CHANGES, row, CHG_REC_ID);
}

/* Whether a changes.csv row gives someone an action, as a session's minutes count them: an owner set
 * (of the recommendation or a deliverable), or a deliverable's due date. */
static bool row_is_action(const struct rv_model *m, size_t row)
{
	struct rv_text field = rv_child_field(m, RV_CHANGES, row, CHG_FIELD);
	struct rv_text item = rv_child_field(m, RV_CHANGES, row, CHG_ITEM);
	bool on_rec_or_deliverable = !item.len || item.ptr[0] == 'D';
	return on_rec_or_deliverable && (rv_text_is(field, "owner") || (item.len && rv_text_is(field, "due")));
}

/* A field change's words: "priority", "owner of D1", "answer of Q1.1", "note amended". */
static void field_change_label(const struct rv_model *m, size_t row, struct strbuf *out)
{
	struct rv_text field = rv_child_field(m, RV_CHANGES, row, CHG_FIELD);
	struct rv_text item = rv_child_field(m, RV_CHANGES, row, CHG_ITEM);
	if (item.len && item.ptr[0] == 'N') {
		sb_adds(out, rv_child_field(m, RV_CHANGES, row, CHG_VALUE).len ? "note amended" : "note retracted");
		return;
	}
	rv_markdown_cell(out, field.ptr, field.len);
	if (item.len) {
		sb_adds(out, " of ");
		rv_markdown_cell(out, item.ptr, item.len);
	}
}

static void md_value(struct strbuf *out, struct rv_text v)
{
	rv_markdown_cell(out, v.len ? v.ptr : "(none)", v.len ? v.len : 6);
}

/* A field change's row (changes.csv: a priority, an owner, a deliverable's status or due date, an
 * answer, a note amended): when recorded, who, the recommendation, field: old -> new, its note. */
static void field_minute(const struct rv_model *m, const struct rv_recorded *mi, int32_t after_day, struct strbuf *out)
{
	struct rv_text rid = change_rec_id(m, mi->child);
	struct rv_text who = rv_child_field(m, RV_CHANGES, mi->child, CHG_AUTHOR);
	struct rv_text note = rv_child_field(m, RV_CHANGES, mi->child, CHG_NOTE);
	minute_row_start(out, mi, after_day, who, rid);
	sb_adds(out, " | ");
	field_change_label(m, mi->child, out);
	struct rv_text item = rv_child_field(m, RV_CHANGES, mi->child, CHG_ITEM);
	if (!item.len || item.ptr[0] != 'N') {
		sb_adds(out, ": ");
		md_value(out, rv_child_field(m, RV_CHANGES, mi->child, CHG_PREVIOUS));
		sb_adds(out, " \xE2\x86\x92 ");
		md_value(out, rv_child_field(m, RV_CHANGES, mi->child, CHG_VALUE));
	}
	sb_adds(out, " | ");
	rv_markdown_cell(out, note.ptr, note.len);
	sb_adds(out, " |\n");
}

/* The actions among the minutes' rows (shown[k] says which were kept), with who owns them. */
static void file_actions(const struct rv_model *m, const struct rv_recorded *list, const int32_t *shown, size_t n,
			 int32_t as_of, struct strbuf *out)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const struct rv_recorded *mi = &list[i];
		if (shown[i] == INT32_MIN || mi->kind != RV_CHANGES || !row_is_action(m, mi->child))
			continue;
		if (!any)
			sb_adds(out, "\n## Actions\n\n| When | Who | Recommendation | Action | Set to | Owner | Note |\n"
				     "|---|---|---|---|---|---|---|\n");
		any = true;
		int32_t linked = rv_child_at(m, RV_CHANGES, mi->child)->rec;
		struct rv_text rid = change_rec_id(m, mi->child);
		struct rv_text note = rv_child_field(m, RV_CHANGES, mi->child, CHG_NOTE);
		minute_row_start(out, mi, shown[i], rv_child_field(m, RV_CHANGES, mi->child, CHG_AUTHOR), rid);
		sb_adds(out, " | ");
		field_change_label(m, mi->child, out);
		struct rv_text value = rv_child_field(m, RV_CHANGES, mi->child, CHG_VALUE);
		sb_adds(out, " | ");
		md_value(out, value);
		sb_adds(out, " | ");
		struct rv_text owner = action_owner(m, linked, rv_child_field(m, RV_CHANGES, mi->child, CHG_ITEM),
						    rv_text_is(rv_child_field(m, RV_CHANGES, mi->child, CHG_FIELD), "owner"), value,
						    as_of);
		rv_markdown_cell(out, owner.ptr, owner.len);
		sb_adds(out, " | ");
		rv_markdown_cell(out, note.ptr, note.len);
		sb_adds(out, " |\n");
	}
}

/* Whether a row of the minutes was recorded by as_of (always for RV_DATE_NONE). */
static bool minute_by(const struct rv_model *m, const struct rv_recorded *mi, int32_t as_of)
{
	if (as_of == RV_DATE_NONE || mi->kind != RV_CHANGES)
		return rv_child_recorded_by(m, (enum rv_kind)mi->kind, mi->child, as_of);
	int32_t day;
	return strlen(mi->when) < 10 || rv_date_parse(mi->when, 10, &day) != RV_DATE_OK || day <= as_of;
}

void rv_file_minutes(const struct rv_model *m, const char *since, struct strbuf *out)
{
	rv_file_minutes_as_of(m, since, RV_DATE_NONE, RV_AS_OF_HIDE, out);
}

void rv_file_minutes_as_of(const struct rv_model *m, const char *since, int32_t as_of, enum rv_as_of_later later,
			   struct strbuf *out)
{
	struct rv_recorded *list;
	size_t n = rv_recorded_collect(m, -1, &list);
	sb_adds(out, "# Minutes\n\nData set: ");
	md_str(out, m->dir);
	if (since) {
		sb_adds(out, "  \nSince ");
		md_str(out, since);
	}
	if (as_of != RV_DATE_NONE) {
		char day[16];
		rv_date_format(as_of, day, sizeof(day));
		sb_addf(out, "  \nUp to %s", day);
		if (later == RV_AS_OF_DIM) {
			sb_adds(out, "; what was recorded later is marked ");
			rv_after_mark(as_of, out);
		}
	}
	sb_adds(out, "\n\n| When | Who | Recommendation | Change | Note |\n|---|---|---|---|---|\n");
	/* Each row's mark: INT32_MIN left out, RV_DATE_NONE shown, a date: kept though recorded after it. */
	int32_t *shown = xcalloc(n + 1, sizeof(*shown));
	for (size_t i = 0; i < n; i++) {
		const struct rv_recorded *mi = &list[i];
		shown[i] = INT32_MIN;
		if (since && strncmp(mi->when, since, strlen(since)) < 0)
			continue;
		bool in_time = minute_by(m, mi, as_of);
		if (!in_time && later != RV_AS_OF_DIM)
			continue;
		shown[i] = in_time ? RV_DATE_NONE : as_of;
		if (mi->kind == RV_CHANGES) {
			field_minute(m, mi, shown[i], out);
			continue;
		}
		bool note = mi->kind == RV_NOTES;
		/* The recommendation by its own id, however the row wrote it (the id rule, links.h). */
		int32_t linked = rv_child_at(m, mi->kind, mi->child)->rec;
		struct rv_text rid = linked >= 0 ? rv_rec_id(m, (size_t)linked)
						 : rv_child_role(m, mi->kind, mi->child, RV_ROLE_REC_LINK);
		struct rv_text text = rv_child_role(m, mi->kind, mi->child, RV_ROLE_TEXT);
		minute_row_start(out, mi, shown[i], rv_recorded_author(m, mi), rid);
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
			if (*mi->effective)
				sb_addf(out, " (effective %s)", mi->effective);
		}
		sb_adds(out, " | ");
		rv_markdown_cell(out, text.ptr, text.len);
		sb_adds(out, " |\n");
	}
	file_actions(m, list, shown, n, as_of, out);
	free(shown);
	free(list);
}

/* The table's heading: its title, how many, the date in force and what is done with later records. */
static void markdown_heading(const char *title, size_t n, int32_t as_of, bool dim, struct strbuf *out)
{
	sb_adds(out, "# ");
	md_str(out, title);
	sb_addf(out, "\n\n%zu recommendation%s", n, n == 1 ? "" : "s");
	if (as_of != RV_DATE_NONE) {
		char day[16];
		rv_date_format(as_of, day, sizeof(day));
		sb_addf(out, ", as of %s (%s)", day,
			dim ? "what was recorded later in the last column" : "what was recorded later left out");
	}
	sb_adds(out, ".\n\n| Id | Decision | Status | Priority | Changed | Title or text |");
	if (dim) {
		sb_adds(out, " Recorded ");
		rv_after_words(as_of, out);
		sb_adds(out, " |");
	}
	sb_adds(out, dim ? "\n|---|---|---|---|---|---|---|\n" : "\n|---|---|---|---|---|---|\n");
}

/* The last cell of a row that keeps what was recorded later: what it was, or empty. */
static void markdown_later_cell(const struct rv_model *m, size_t rec, int32_t as_of, struct strbuf *out)
{
	struct strbuf later;
	sb_init(&later);
	rv_rec_later_describe(m, rec, as_of, &later);
	sb_adds(out, " ");
	rv_markdown_cell(out, later.data ? later.data : "", later.len);
	sb_adds(out, " |");
	sb_free(&later);
}

void rv_export_markdown_as_of(const struct rv_model *m, const uint32_t *recs, size_t n, const char *title,
			      int32_t as_of, enum rv_as_of_later later, struct strbuf *out)
{
	bool dim = later == RV_AS_OF_DIM && as_of != RV_DATE_NONE;
	markdown_heading(title, n, as_of, dim, out);
	for (size_t i = 0; i < n; i++) {
		size_t rec = recs[i];
		struct rv_text id = rv_rec_id(m, rec);
		struct rv_text pri = rv_child_field_as_of(m, RV_RECS, rec, REC_PRIORITY, as_of);
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
		sb_adds(out, " |");
		if (dim)
			markdown_later_cell(m, rec, as_of, out);
		sb_addc(out, '\n');
	}
}

void rv_export_markdown(const struct rv_model *m, const uint32_t *recs, size_t n, const char *title,
			struct strbuf *out)
{
	rv_export_markdown_as_of(m, recs, n, title, RV_DATE_NONE, RV_AS_OF_HIDE, out);
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
	rv_export_csv_as_of(m, recs, n, RV_DATE_NONE, RV_AS_OF_HIDE, out);
}

/* A cell of a recommendation's row as of as_of: its status and decision in force then, a logged
 * field's value recorded by then (word holds a status's or decision's name). */
static struct rv_text csv_cell_as_of(const struct rv_model *m, size_t rec, size_t col, int32_t as_of,
				     struct rv_text cell)
{
	int field = rv_column_field(m, RV_RECS, col);
	if (as_of == RV_DATE_NONE || field < 0)
		return cell;
	if (field == REC_STATUS) {
		enum rv_status st = rv_rec_status(m, rec, as_of);
		if (st == rv_rec_own_status(m, rec) && st != RV_STATUS_NONE)
			return cell; /* the same state: in the file's own words */
		const char *word = st == RV_STATUS_NONE ? "" : rv_status_name(st);
		return (struct rv_text){word, strlen(word)};
	}
	if (field == REC_DECISION) {
		enum rv_decision d = rv_rec_decision(m, rec, as_of);
		if (d == rv_rec_own_decision(m, rec) && d != RV_DECISION_NONE)
			return cell;
		const char *word = d == RV_DECISION_NONE ? "" : rv_decision_name(d);
		return (struct rv_text){word, strlen(word)};
	}
	/* Only a value changes.csv says was set later is replaced: the rest is copied as the file has it. */
	return rv_child_field_later(m, RV_RECS, rec, field, as_of) ? rv_child_field_as_of(m, RV_RECS, rec, field, as_of)
								   : cell;
}

/* The extra last cell of a row that keeps what was recorded later, after the file's columns (a short
 * row is filled with empty cells up to them, so that the cell stays under its name). */
static void csv_later_cell(const struct rv_model *m, size_t rec, size_t cells, int32_t as_of, struct strbuf *tmp,
			   struct strbuf *out)
{
	for (size_t c = cells; c < rv_rec_header_columns(m); c++)
		sb_addc(out, ',');
	struct strbuf later;
	sb_init(&later);
	rv_rec_later_describe(m, rec, as_of, &later);
	sb_addc(out, ',');
	csv_export_field(out, tmp, later.data ? later.data : "", later.len);
	sb_free(&later);
}

void rv_export_csv_as_of(const struct rv_model *m, const uint32_t *recs, size_t n, int32_t as_of,
			 enum rv_as_of_later later, struct strbuf *out)
{
	bool dim = later == RV_AS_OF_DIM && as_of != RV_DATE_NONE;
	struct strbuf tmp;
	sb_init(&tmp);
	for (size_t c = 0; c < rv_rec_header_columns(m); c++) {
		struct rv_text name = rv_rec_column_name(m, c);
		if (c)
			sb_addc(out, ',');
		csv_export_field(out, &tmp, name.ptr, name.len);
	}
	if (dim) {
		sb_reset(&tmp);
		sb_adds(&tmp, "recorded ");
		rv_after_words(as_of, &tmp);
		sb_addc(out, ',');
		csv_write_field(out, tmp.data, tmp.len);
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
			cell = csv_cell_as_of(m, recs[i], c, as_of, cell);
			if (c)
				sb_addc(out, ',');
			csv_export_field(out, &tmp, cell.ptr, cell.len);
		}
		if (dim)
			csv_later_cell(m, recs[i], nf, as_of, &tmp, out);
		sb_addc(out, '\n');
	}
	sb_free(&tmp);
}
