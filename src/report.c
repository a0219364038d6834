/* report.c - --check and --show as plain UTF-8 text; every string from a file is sanitised. */
#include "recview/report.h"
#include "recview/entity.h"
#include "recview/items.h"

#include <string.h>

#include "recview/text.h"
#include "recview/xref.h"

void report_diagnostics(const struct diag_list *dl, FILE *out)
{
	diag_list_write(dl, out);
}

/* Writes a cell sanitised on one line. */
static void put_cell(FILE *out, struct rv_text c)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, c.ptr, c.len, 0);
	fputs(sb.data, out);
	sb_free(&sb);
}

/* Writes text wrapped to width: indent spaces before the first line, hang before the others. */
static void put_hanging(FILE *out, const char *s, size_t len, int indent, int hang, int width)
{
	struct strbuf clean;
	struct text_lines tl = {0};
	sb_init(&clean);
	text_sanitize(&clean, s, len, TEXT_KEEP_NEWLINES);
	text_wrap(&tl, clean.data, clean.len, width - hang > 20 ? width - hang : 20);
	for (size_t i = 0; i < tl.n; i++)
		fprintf(out, "%*s%.*s\n", tl.lines[i].len ? (i ? hang : indent) : 0, "", (int)tl.lines[i].len,
			clean.data + tl.lines[i].off);
	text_lines_free(&tl);
	sb_free(&clean);
}

static void put_wrapped(FILE *out, const char *s, size_t len, int indent, int width)
{
	put_hanging(out, s, len, indent, indent, width);
}

void report_summary(const struct rv_model *m, FILE *out)
{
	size_t by_status[RV_STATUS_COUNT] = {0}, by_decision[RV_DECISION_COUNT] = {0};
	for (size_t i = 0; i < m->nrecs; i++) {
		by_status[rv_rec_status(m, i, RV_DATE_NONE)]++;
		by_decision[rv_rec_decision(m, i, RV_DATE_NONE)]++;
	}
	fprintf(out, "data set: ");
	put_cell(out, (struct rv_text){m->dir, strlen(m->dir)});
	fprintf(out, "\n");
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		enum rv_kind kind = (enum rv_kind)k;
		const struct rv_kind_def *def = rv_kind_def(kind);
		if (rv_kind_flat(m, kind)) {
			fprintf(out, "  %-20s %zu in %s (a flat sheet)\n", def->label, rv_child_total(m, kind), rv_table_file(m, RV_RECS));
			continue;
		}
		if (!rv_kind_present(m, kind)) {
			fprintf(out, "  %-20s %s\n", rv_table_file(m, kind), def->required ? "missing" : "absent (optional)");
			continue;
		}
		size_t nextra = rv_extra_count(m, kind);
		fprintf(out, "  %-20s %zu rows", rv_table_file(m, kind), rv_kind_rows(m, kind));
		if (rv_kind_encoding(m, kind) != RV_ENC_UTF8)
			fprintf(out, ", %s", rv_encoding_name(rv_kind_encoding(m, kind)));
		if (nextra)
			fprintf(out, ", %zu extra column%s", nextra, nextra == 1 ? "" : "s");
		bool usable = rv_kind_usable(m, kind);
		if (!usable)
			fprintf(out, " (not used: a required column is missing)");
		if (rv_field_of_role(kind, RV_ROLE_REC_LINK) >= 0 && usable) {
			size_t unlinked = 0;
			for (size_t c = 0; c < rv_child_total(m, kind); c++)
				unlinked += rv_child_at(m, kind, c)->rec < 0;
			if (unlinked)
				fprintf(out, ", %zu not linked to a recommendation", unlinked);
		}
		fprintf(out, "\n");
	}
	fprintf(out, "recommendations: %zu\n", m->nrecs);
	fprintf(out, "  decision:");
	for (int d = 1; d < RV_DECISION_COUNT; d++)
		if (by_decision[d])
			fprintf(out, " %s %zu,", rv_decision_name((enum rv_decision)d), by_decision[d]);
	fprintf(out, " none %zu\n", by_decision[RV_DECISION_NONE]);
	fprintf(out, "  status:");
	for (int s = 1; s < RV_STATUS_COUNT; s++)
		if (by_status[s])
			fprintf(out, " %s %zu,", rv_status_name((enum rv_status)s), by_status[s]);
	fprintf(out, " none %zu\n", by_status[RV_STATUS_NONE]);
	fprintf(out, "problems: %zu error%s, %zu warning%s\n", m->diags.errors, m->diags.errors == 1 ? "" : "s",
		m->diags.warnings, m->diags.warnings == 1 ? "" : "s");
}

/* "Label      value", the value wrapped under itself; label is already safe to print. */
static void put_field(FILE *out, const char *label, struct rv_text c, int width)
{
	int pad = 10 - text_width(label, strlen(label));
	fprintf(out, "%s%*s ", label, pad > 0 ? pad : 0, "");
	struct strbuf clean;
	struct text_lines tl = {0};
	sb_init(&clean);
	text_sanitize(&clean, c.ptr, c.len, TEXT_KEEP_NEWLINES);
	text_wrap(&tl, clean.data, clean.len, width - 11 > 20 ? width - 11 : 20);
	for (size_t i = 0; i < tl.n; i++)
		fprintf(out, "%*s%.*s\n", i ? 11 : 0, "", (int)tl.lines[i].len, clean.data + tl.lines[i].off);
	text_lines_free(&tl);
	sb_free(&clean);
}

static void show_fields(const struct rv_model *m, size_t rec, int width, FILE *out)
{
	static const struct {
		int field;
		const char *label;
	} order[] = {{REC_REVIEW, "Review"}, {REC_NUMBER, "Number"}, {REC_TOPIC, "Topic"}, {REC_TITLE, "Title"},
		     {REC_PRIORITY, "Priority"}, {REC_OWNER, "Owner"}, {REC_SOURCE, "Source"}};

	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++) {
		struct rv_text c = order[i].field == REC_REVIEW ? rv_rec_review_of(m, rec) : rv_rec_field(m, rec, order[i].field);
		if (c.len)
			put_field(out, order[i].label, c, width);
	}
	struct rv_text dec = rv_rec_field(m, rec, REC_DECISION);
	struct rv_text st = rv_rec_field(m, rec, REC_STATUS);
	fprintf(out, "%-10s ", "Decision");
	if (dec.len)
		put_cell(out, dec);
	else if (rv_rec_decision(m, rec, RV_DATE_NONE) != RV_DECISION_NONE)
		fprintf(out, "%s (from the status history)", rv_decision_name(rv_rec_decision(m, rec, RV_DATE_NONE)));
	else
		fprintf(out, "-");
	enum rv_status status = rv_rec_status(m, rec, RV_DATE_NONE);
	fprintf(out, "\n%-10s %s ", "Status", rv_status_glyph(status, false));
	if (st.len)
		put_cell(out, st);
	else if (status != RV_STATUS_NONE)
		fprintf(out, "%s (from the status history)", rv_status_name(status));
	else
		fprintf(out, "-");
	fprintf(out, "\n");
	struct rv_date_text changed = rv_rec_last_change_date(m, rec, RV_DATE_NONE);
	if (changed.precision != RV_DATE_PREC_NONE) {
		fprintf(out, "%-10s ", "Changed");
		put_cell(out, changed.text);
		fprintf(out, "\n");
	}
	for (size_t e = 0; e < rv_extra_count(m, RV_RECS); e++) {
		struct rv_text v = rv_rec_extra(m, rec, e);
		if (!v.len)
			continue;
		struct rv_text name = rv_extra_name(m, RV_RECS, e);
		struct strbuf label, clean;
		sb_init(&label);
		sb_init(&clean);
		text_sanitize(&clean, name.ptr, name.len, 0);
		if (name.len)
			text_cut(&label, clean.data, clean.len, 10, false);
		else
			sb_addf(&label, "column %d", rv_extra_column_number(m, RV_RECS, e));
		put_field(out, label.data, v, width);
		sb_free(&clean);
		sb_free(&label);
	}
}

static void show_deliverables(const struct rv_model *m, size_t rec, int width, FILE *out)
{
	const struct rv_rec *r = rv_rec_at(m, rec);
	int32_t day = rv_today_date();
	size_t overdue = rv_rec_overdue(m, rec, day);
	fprintf(out, "\nDeliverables (%u, %u done", r->count[RV_DELIVERABLES], r->deliverables_done);
	if (overdue)
		fprintf(out, ", %zu overdue", overdue);
	fprintf(out, ")\n");
	for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++) {
		const struct rv_child *d = rv_rec_child(m, rec, RV_DELIVERABLES, k);
		struct strbuf line;
		sb_init(&line);
		/* An open deliverable without a status of its own is shown as a plain bullet. */
		sb_addf(&line, "%s ", d->status == RV_STATUS_NONE ? "\xC2\xB7" : rv_status_glyph(d->status, false));
		text_sanitize(&line, rv_child_text(m, RV_DELIVERABLES, d, DEL_DESCRIPTION).ptr,
			      rv_child_text(m, RV_DELIVERABLES, d, DEL_DESCRIPTION).len, TEXT_KEEP_NEWLINES);
		struct rv_text resp = rv_child_text(m, RV_DELIVERABLES, d, DEL_RESPONSIBLE);
		struct rv_text due = rv_child_text(m, RV_DELIVERABLES, d, DEL_DUE);
		if (resp.len) {
			sb_adds(&line, " \xE2\x80\x94 ");
			text_sanitize(&line, resp.ptr, resp.len, 0);
		}
		if (d->status == RV_STATUS_COMPLETE)
			sb_adds(&line, " \xE2\x80\x94 done");
		else if (due.len) {
			sb_adds(&line, " \xE2\x80\x94 due ");
			text_sanitize(&line, due.ptr, due.len, 0);
			if (rv_deliverable_overdue(m, rv_child_index_of(m, RV_DELIVERABLES, d), day))
				sb_adds(&line, ", overdue");
		}
		rv_child_describe_link(m, RV_DELIVERABLES, d, &line);
		put_hanging(out, line.data, line.len, 2, 4, width);
		size_t child = rv_child_index_of(m, RV_DELIVERABLES, d);
		for (size_t i = 0; i < rv_due_revisions(m, child); i++) {
			sb_reset(&line);
			sb_adds(&line, "revised: ");
			rv_due_revision_describe(m, child, i, &line);
			put_wrapped(out, line.data, line.len, 6, width);
		}
		sb_free(&line);
	}
}

static void show_questions(const struct rv_model *m, size_t rec, int width, FILE *out)
{
	const struct rv_rec *r = rv_rec_at(m, rec);
	if (r->count[RV_QUESTIONS])
		fprintf(out, "\nQuestions (%u, %zu open)\n", r->count[RV_QUESTIONS], rv_rec_open_questions(m, rec));
	else
		fprintf(out, "\nQuestions (0)\n");
	for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++) {
		const struct rv_child *q = rv_rec_child(m, rec, RV_QUESTIONS, k);
		struct strbuf line;
		sb_init(&line);
		struct rv_text qid = rv_child_text(m, RV_QUESTIONS, q, Q_QID);
		struct rv_text brief = rv_child_text(m, RV_QUESTIONS, q, Q_BRIEFING);
		struct rv_text text = rv_child_text(m, RV_QUESTIONS, q, Q_QUESTION);
		struct rv_text answer = rv_child_text(m, RV_QUESTIONS, q, Q_ANSWER);
		text_sanitize(&line, qid.ptr, qid.len, 0);
		sb_addf(&line, " (%s)", rv_qstatus_name(rv_question_state(m, rv_child_index_of(m, RV_QUESTIONS, q))));
		if (brief.len) {
			sb_adds(&line, " [");
			text_sanitize(&line, brief.ptr, brief.len, 0);
			sb_adds(&line, "]");
		}
		sb_adds(&line, " ");
		text_sanitize(&line, text.ptr, text.len, TEXT_KEEP_NEWLINES);
		rv_child_describe_link(m, RV_QUESTIONS, q, &line);
		put_hanging(out, line.data, line.len, 2, 4, width);
		if (answer.len) {
			sb_reset(&line);
			sb_adds(&line, "Answer");
			struct strbuf by;
			sb_init(&by);
			if (rv_question_answered_describe(m, rv_child_index_of(m, RV_QUESTIONS, q), &by))
				sb_addf(&line, " (%s)", by.data);
			sb_free(&by);
			sb_adds(&line, ": ");
			text_sanitize(&line, answer.ptr, answer.len, TEXT_KEEP_NEWLINES);
			put_wrapped(out, line.data, line.len, 4, width);
		}
		sb_free(&line);
	}
}

static void show_history(const struct rv_model *m, size_t rec, int width, FILE *out)
{
	const struct rv_rec *r = rv_rec_at(m, rec);
	fprintf(out, "\nHistory (%u, newest first)\n", r->count[RV_HISTORY]);
	for (size_t k = r->count[RV_HISTORY]; k > 0; k--) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, k - 1);
		struct strbuf line;
		sb_init(&line);
		struct rv_text date = rv_child_text(m, RV_HISTORY, h, HIST_DATE);
		struct rv_text dec = rv_child_text(m, RV_HISTORY, h, HIST_DECISION);
		struct rv_text st = rv_child_text(m, RV_HISTORY, h, HIST_STATUS);
		struct rv_text note = rv_child_text(m, RV_HISTORY, h, HIST_NOTE);
		text_sanitize(&line, date.ptr, date.len, 0);
		if (h->date_prec == RV_DATE_PREC_NONE)
			sb_adds(&line, date.len ? " (undated)" : "undated");
		if (dec.len) {
			sb_adds(&line, "  decision: ");
			text_sanitize(&line, dec.ptr, dec.len, 0);
		}
		if (st.len) {
			sb_addf(&line, "  status: %s ", rv_status_glyph(h->status, false));
			text_sanitize(&line, st.ptr, st.len, 0);
		}
		rv_child_describe_link(m, RV_HISTORY, h, &line);
		put_wrapped(out, line.data, line.len, 2, width);
		if (note.len)
			put_wrapped(out, note.ptr, note.len, 6, width);
		sb_free(&line);
	}
}

static void show_reference_list(const struct rv_model *m, const char *label, const uint32_t *recs, size_t n,
				int width, FILE *out)
{
	for (size_t i = 0; i < n; i++) {
		struct strbuf line;
		sb_init(&line);
		struct rv_text id = rv_rec_field(m, recs[i], REC_ID);
		struct rv_text title = rv_rec_field(m, recs[i], REC_TITLE);
		sb_addf(&line, "%s ", label);
		text_sanitize(&line, id.ptr, id.len, 0);
		if (title.len) {
			sb_adds(&line, " \xE2\x80\x94 ");
			text_sanitize(&line, title.ptr, title.len, 0);
		}
		put_hanging(out, line.data, line.len, 2, 4, width);
		sb_free(&line);
	}
}

static void show_references(const struct rv_model *m, size_t rec, int width, FILE *out)
{
	const uint32_t *refs_out, *refs_in;
	size_t nout = rv_xref_out(m, rec, &refs_out);
	size_t nin = rv_xref_in(m, rec, &refs_in);
	fprintf(out, "\nReferences (refers to %zu, referred to by %zu)\n", nout, nin);
	show_reference_list(m, "refers to", refs_out, nout, width, out);
	show_reference_list(m, "referred to by", refs_in, nin, width, out);
}

void report_show(const struct rv_model *m, size_t rec, int width, FILE *out)
{
	struct rv_text id = rv_rec_field(m, rec, REC_ID);
	struct rv_text text = rv_rec_field(m, rec, REC_TEXT);
	put_cell(out, id);
	fprintf(out, "\n");
	show_fields(m, rec, width, out);
	if (text.len) {
		fprintf(out, "\nText\n");
		put_wrapped(out, text.ptr, text.len, 2, width);
	}
	show_deliverables(m, rec, width, out);
	show_questions(m, rec, width, out);
	show_history(m, rec, width, out);
	show_references(m, rec, width, out);
}
