/* report.c - --check and --show as plain UTF-8 text; every string from a file is sanitised. */
#include "recview/report.h"
#include "recview/date.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/page.h"

#include <string.h>

#include "recview/text.h"

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

/* The page the browser shows, as plain text (page.h): the same fields, sections and marks. */
void report_show_text_as_of(const struct rv_model *m, size_t rec, int32_t as_of, enum rv_as_of_later later, int width,
			    struct strbuf *out)
{
	struct rv_page page;
	if (as_of != RV_DATE_NONE) {
		char day[16];
		rv_date_format(as_of, day, sizeof(day));
		if (later == RV_AS_OF_DIM)
			sb_addf(out, "As of %s: what was recorded later is kept, marked [after %s]\n\n", day, day);
		else
			sb_addf(out, "As of %s: what was recorded later is left out\n\n", day);
	}
	rv_page_build_later(m, rec, as_of, later, &page);
	rv_page_text(&page, width, out);
	rv_page_free(&page);
}

void report_show_text(const struct rv_model *m, size_t rec, int width, struct strbuf *out)
{
	report_show_text_as_of(m, rec, RV_DATE_NONE, RV_AS_OF_HIDE, width, out);
}

void report_show(const struct rv_model *m, size_t rec, int width, FILE *out)
{
	struct strbuf text;
	sb_init(&text);
	report_show_text(m, rec, width, &text);
	fwrite(text.data, 1, text.len, out);
	sb_free(&text);
}
