/* export_items.c - a list of deliverables, questions or history entries as its view shows them, as
 * Markdown or CSV: the states as shown (a question's state from its answer, a deliverable's overdue
 * mark), every cell sanitised (Markdown) or defused (CSV). */
#include "recview/export.h"
#include "recview/entity.h"

#include <string.h>

#include "recview/as_of.h"
#include "recview/items.h"
#include "recview/save.h"
#include "recview/text.h"

enum { MAX_COLS = 6 };

/* The cells of one row: the recommendation's id, then the kind's own columns. */
struct item_row {
	struct rv_text cell[MAX_COLS];
	size_t n;
};

static const char *const *headers(enum rv_kind kind, size_t *n)
{
	static const char *const del[] = {"Rec", "Status", "Deliverable", "Owner", "Due", "Overdue"};
	static const char *const q[] = {"Rec", "Q", "Briefing", "State", "Question", "Answer"};
	static const char *const hist[] = {"Rec", "Date", "Status", "Decision", "Note"};
	if (kind == RV_DELIVERABLES) {
		*n = 6;
		return del;
	}
	if (kind == RV_QUESTIONS) {
		*n = 6;
		return q;
	}
	*n = 5;
	return hist;
}

static struct rv_text word(const char *s)
{
	return (struct rv_text){s, strlen(s)};
}

/* The recommendation a child belongs to by its id, or the id it names when it links to none. */
static struct rv_text rec_of(const struct rv_model *m, enum rv_kind kind, size_t child)
{
	int32_t rec = rv_child_at(m, kind, child)->rec;
	return rec >= 0 ? rv_rec_id(m, (size_t)rec) : rv_child_role(m, kind, child, RV_ROLE_REC_LINK);
}

/* A row as of as_of: the status, owner, due date and answer recorded by then (as_of.h). */
static void item_row(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of, struct item_row *r)
{
	const struct rv_child *ch = rv_child_at(m, kind, child);
	r->n = 0;
	r->cell[r->n++] = rec_of(m, kind, child);
	if (kind == RV_DELIVERABLES) {
		enum rv_status st = rv_deliverable_status_as_of(m, child, as_of);
		bool done = st == RV_STATUS_COMPLETE;
		r->cell[r->n++] = word(rv_status_name(st));
		r->cell[r->n++] = rv_child_field(m, kind, child, DEL_DESCRIPTION);
		r->cell[r->n++] = rv_child_field_as_of(m, kind, child, DEL_RESPONSIBLE, as_of);
		r->cell[r->n++] = done ? word("done") : rv_child_field_as_of(m, kind, child, DEL_DUE, as_of);
		r->cell[r->n++] = word(!done && rv_deliverable_overdue_as_of(m, child, as_of) ? "overdue" : "");
	} else if (kind == RV_QUESTIONS) {
		r->cell[r->n++] = rv_child_field(m, kind, child, Q_QID);
		r->cell[r->n++] = rv_child_field(m, kind, child, Q_BRIEFING);
		r->cell[r->n++] = word(rv_qstatus_name(rv_question_state_as_of(m, child, as_of)));
		r->cell[r->n++] = rv_child_field(m, kind, child, Q_QUESTION);
		r->cell[r->n++] = rv_question_answer_as_of(m, child, as_of);
	} else {
		struct rv_text date = rv_child_field(m, kind, child, HIST_DATE);
		r->cell[r->n++] = ch->date_prec == RV_DATE_PREC_NONE && !date.len ? word("undated") : date;
		r->cell[r->n++] = rv_child_field(m, kind, child, HIST_STATUS);
		r->cell[r->n++] = rv_child_field(m, kind, child, HIST_DECISION);
		r->cell[r->n++] = rv_child_field(m, kind, child, HIST_NOTE);
	}
}

void rv_export_items_markdown(const struct rv_model *m, enum rv_kind kind, const uint32_t *items, size_t n,
			      int32_t as_of, const char *title, struct strbuf *out)
{
	static const char *const one[RV_KIND_COUNT] = {[RV_DELIVERABLES] = "deliverable", [RV_QUESTIONS] = "question",
							[RV_HISTORY] = "history entry"};
	static const char *const many[RV_KIND_COUNT] = {[RV_DELIVERABLES] = "deliverables", [RV_QUESTIONS] = "questions",
							 [RV_HISTORY] = "history entries"};
	size_t ncols;
	const char *const *head = headers(kind, &ncols);
	sb_adds(out, "# ");
	rv_markdown_cell(out, title ? title : "", title ? strlen(title) : 0);
	sb_addf(out, "\n\n%zu %s.\n\n|", n, n == 1 ? one[kind] : many[kind]);
	for (size_t c = 0; c < ncols; c++)
		sb_addf(out, " %s |", head[c]);
	sb_adds(out, "\n|");
	for (size_t c = 0; c < ncols; c++)
		sb_adds(out, "---|");
	sb_addc(out, '\n');
	for (size_t i = 0; i < n; i++) {
		struct item_row r;
		item_row(m, kind, items[i], as_of, &r);
		sb_adds(out, "|");
		for (size_t c = 0; c < r.n; c++) {
			sb_addc(out, ' ');
			rv_markdown_cell(out, r.cell[c].ptr, r.cell[c].len);
			sb_adds(out, " |");
		}
		sb_addc(out, '\n');
	}
}

/* A CSV cell, defused as rv_export_csv's cells are (a formula would run in a spreadsheet). */
static void csv_cell(struct strbuf *out, struct strbuf *tmp, struct rv_text t)
{
	sb_reset(tmp);
	rv_defuse_formula(tmp, t.ptr, t.len);
	csv_write_field(out, tmp->data, tmp->len);
}

void rv_export_items_csv(const struct rv_model *m, enum rv_kind kind, const uint32_t *items, size_t n, int32_t as_of,
			 struct strbuf *out)
{
	size_t ncols;
	const char *const *head = headers(kind, &ncols);
	struct strbuf tmp;
	sb_init(&tmp);
	for (size_t c = 0; c < ncols; c++) {
		if (c)
			sb_addc(out, ',');
		csv_cell(out, &tmp, word(head[c]));
	}
	sb_addc(out, '\n');
	for (size_t i = 0; i < n; i++) {
		struct item_row r;
		item_row(m, kind, items[i], as_of, &r);
		for (size_t c = 0; c < r.n; c++) {
			if (c)
				sb_addc(out, ',');
			csv_cell(out, &tmp, r.cell[c]);
		}
		sb_addc(out, '\n');
	}
	sb_free(&tmp);
}
