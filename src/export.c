/* export.c - what leaves recview as documents: the minutes of a session or of the files, and lists of
 * recommendations as Markdown or CSV. */
#include "recview/export.h"
#include "recview/entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/changelog.h"
#include "recview/date.h"
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

/* Whether a change gives someone an action: an owner set (of the recommendation or a deliverable),
 * or a deliverable's due date. */
static bool is_action(const struct rv_change *c)
{
	if (c->kind != RV_CHANGE_FIELD)
		return false;
	return (c->target == RV_RECS && c->field == REC_OWNER) ||
	       (c->target == RV_DELIVERABLES && (c->field == DEL_RESPONSIBLE || c->field == DEL_DUE));
}

/* Who an action falls to: the owner it set, or for a deliverable's due date its responsible as it
 * stands now (the cell, which a later owner change of the session has set). */
static void action_owner(const struct rv_session *s, const struct rv_change *c, struct strbuf *out)
{
	if ((c->target == RV_RECS && c->field == REC_OWNER) || (c->target == RV_DELIVERABLES && c->field == DEL_RESPONSIBLE)) {
		md_str(out, c->after && *c->after ? c->after : "(none)");
		return;
	}
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	struct rv_item it;
	struct rv_text who = {0};
	if (rec >= 0 && c->item && rv_item_find(s->m, (size_t)rec, c->item, strlen(c->item), &it))
		who = rv_child_field(s->m, RV_DELIVERABLES, it.index, DEL_RESPONSIBLE);
	if (who.len)
		rv_markdown_cell(out, who.ptr, who.len);
	else
		sb_adds(out, "(none)");
}

/* The actions of the session, with their owners: what each owner or due date change set, and who it
 * falls to. */
static void session_actions(const struct rv_session *s, struct strbuf *out)
{
	bool any = false;
	for (size_t i = 0; i < s->applied; i++) {
		const struct rv_change *c = &s->changes[i];
		if (!is_action(c))
			continue;
		if (!any)
			sb_adds(out, "\n## Actions\n\n| Recommendation | Action | Set to | Owner | Note |\n|---|---|---|---|---|\n");
		any = true;
		sb_adds(out, "| ");
		md_str(out, c->rec_id);
		sb_adds(out, " | ");
		change_label(c, out);
		sb_adds(out, " | ");
		md_str(out, c->after && *c->after ? c->after : "(none)");
		sb_adds(out, " | ");
		action_owner(s, c, out);
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

struct minute {
	char when[32];      /* when it was recorded (a history row: its date when the files do not say) */
	char effective[16]; /* a history row recorded on another day than its date: that date */
	enum rv_kind kind;
	uint32_t child;
};

static int by_when(const void *a, const void *b)
{
	const struct minute *x = a, *y = b;
	int c = strcmp(x->when, y->when);
	return c ? c : (x->child < y->child ? -1 : x->child > y->child);
}

/* The rows of changes.csv that say when a status or decision change was recorded, by recommendation. */
struct recorded {
	int32_t rec;
	uint32_t row;
	bool used;
};

static int by_rec(const void *a, const void *b)
{
	const struct recorded *x = a, *y = b;
	if (x->rec != y->rec)
		return x->rec < y->rec ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static size_t recorded_rows(const struct rv_model *m, struct recorded **out)
{
	size_t n = 0, total = rv_child_total(m, RV_CHANGES);
	*out = xcalloc(total + 1, sizeof(**out));
	for (size_t i = 0; i < total; i++)
		if (rv_child_at(m, RV_CHANGES, i)->rec >= 0 && rv_changes_row_records_state(m, i))
			(*out)[n++] = (struct recorded){rv_child_at(m, RV_CHANGES, i)->rec, (uint32_t)i, false};
	qsort(*out, n, sizeof(**out), by_rec);
	return n;
}

static bool same_text(struct rv_text a, struct rv_text b)
{
	return a.len == b.len && (!a.len || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* Whether changes.csv row r records history row h: the same recommendation, author, value and note. */
static bool records_entry(const struct rv_model *m, uint32_t r, size_t h, struct rv_text author)
{
	struct rv_text field = rv_child_field(m, RV_CHANGES, r, CHG_FIELD);
	int hf = field.len == 6 ? HIST_STATUS : HIST_DECISION;
	struct rv_text value = rv_child_field(m, RV_HISTORY, h, hf);
	return value.len && same_text(rv_child_field(m, RV_CHANGES, r, CHG_VALUE), value) &&
	       same_text(rv_child_field(m, RV_CHANGES, r, CHG_AUTHOR), author) &&
	       same_text(rv_child_field(m, RV_CHANGES, r, CHG_NOTE), rv_child_field(m, RV_HISTORY, h, HIST_NOTE));
}

/*
 * When history row h (written by recview, author after "recview: ") was recorded, into mi: the time of
 * the first unused changes.csv row that records it; false when there is none (files written before
 * recview kept it: the minutes go by the history's date).
 */
static bool recorded_time(const struct rv_model *m, struct recorded *rows, size_t n, size_t h, struct rv_text author,
			  struct minute *mi)
{
	int32_t rec = rv_child_at(m, RV_HISTORY, h)->rec;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rows[mid].rec < rec)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < n && rows[k].rec == rec; k++) {
		if (rows[k].used || !records_entry(m, rows[k].row, h, author))
			continue;
		rows[k].used = true;
		struct rv_text when = rv_child_field(m, RV_CHANGES, rows[k].row, CHG_TIME);
		snprintf(mi->when, sizeof(mi->when), "%.*s", (int)(when.len < 31 ? when.len : 31), when.ptr);
		int32_t date = rv_child_at(m, RV_HISTORY, h)->date;
		char iso[16] = "";
		if (date != RV_DATE_NONE)
			rv_date_format(date, iso, sizeof(iso));
		if (*iso && strncmp(mi->when, iso, strlen(iso)) != 0)
			snprintf(mi->effective, sizeof(mi->effective), "%s", iso);
		return true;
	}
	return false;
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

/* Whether a row of the minutes was recorded by as_of (always for RV_DATE_NONE). */
static bool minute_by(const struct rv_model *m, const struct minute *mi, int32_t as_of)
{
	if (as_of == RV_DATE_NONE || mi->kind != RV_CHANGES)
		return rv_child_recorded_by(m, (enum rv_kind)mi->kind, mi->child, as_of);
	int32_t day;
	return strlen(mi->when) < 10 || rv_date_parse(mi->when, 10, &day) != RV_DATE_OK || day <= as_of;
}

void rv_file_minutes(const struct rv_model *m, const char *since, struct strbuf *out)
{
	rv_file_minutes_as_of(m, since, RV_DATE_NONE, out);
}

void rv_file_minutes_as_of(const struct rv_model *m, const char *since, int32_t as_of, struct strbuf *out)
{
	size_t cap = rv_child_total(m, RV_HISTORY) + rv_child_total(m, RV_NOTES) + rv_child_total(m, RV_CHANGES) + 1, n = 0;
	struct minute *list = xcalloc(cap, sizeof(*list));
	struct recorded *rows;
	size_t nrows = recorded_rows(m, &rows);
	for (size_t i = 0; i < rv_child_total(m, RV_HISTORY); i++) {
		struct rv_text src = rv_child_field(m, RV_HISTORY, i, HIST_SOURCE);
		struct rv_text date = rv_child_field(m, RV_HISTORY, i, HIST_DATE);
		if (src.len < 9 || memcmp(src.ptr, "recview: ", 9) != 0)
			continue;
		struct rv_text author = {src.ptr + 9, src.len - 9};
		if (!recorded_time(m, rows, nrows, i, author, &list[n]))
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
	if (as_of != RV_DATE_NONE) {
		char day[16];
		rv_date_format(as_of, day, sizeof(day));
		sb_addf(out, "  \nUp to %s", day);
	}
	sb_adds(out, "\n\n| When | Who | Recommendation | Change | Note |\n|---|---|---|---|---|\n");
	for (size_t i = 0; i < n; i++) {
		const struct minute *mi = &list[i];
		if ((since && strncmp(mi->when, since, strlen(since)) < 0) || !minute_by(m, mi, as_of))
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
			if (*mi->effective)
				sb_addf(out, " (effective %s)", mi->effective);
		}
		sb_adds(out, " | ");
		rv_markdown_cell(out, text.ptr, text.len);
		sb_adds(out, " |\n");
	}
	free(rows);
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
	rv_export_csv_as_of(m, recs, n, RV_DATE_NONE, out);
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

void rv_export_csv_as_of(const struct rv_model *m, const uint32_t *recs, size_t n, int32_t as_of, struct strbuf *out)
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
			cell = csv_cell_as_of(m, recs[i], c, as_of, cell);
			if (c)
				sb_addc(out, ',');
			csv_export_field(out, &tmp, cell.ptr, cell.len);
		}
		sb_addc(out, '\n');
	}
	sb_free(&tmp);
}
