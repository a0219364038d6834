/* sniff_out.c - sniff's findings as text and as JSON (keys in sniff.h); sniff_map.c writes them as a recview.map. */
#include "recview/sniff_out.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/cli.h"
#include "recview/diag.h"
#include "recview/report.h"
#include "recview/sniff.h"
#include "recview/store.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/vocab.h"

#define SAMPLE_COLS 40

static const char *line_end_name(enum csv_eol eol)
{
	return eol == CSV_EOL_CRLF ? "CRLF" : eol == CSV_EOL_CR ? "CR" : "LF";
}

static const char *field_name(int kind, int field)
{
	return rv_kind_def((enum rv_kind)kind)->fields[field].name;
}

static const char *basis_name(enum rv_date_order_basis b)
{
	return b == RV_DATE_ORDER_VALUES ? "values" : b == RV_DATE_ORDER_MAPPED ? "mapping" : "default";
}

/* Up to SNIFF_SAMPLES distinct non-empty values of a field (field >= 0) or of a column. */
static size_t samples(const struct sniff_file *sf, int field, size_t col, struct rv_text *out)
{
	size_t n = 0;
	for (size_t r = 0; r < sf->csv->nrows && n < SNIFF_SAMPLES; r++) {
		struct rv_text v;
		if (field >= 0) {
			v = sniff_cell(sf, r, field);
		} else {
			struct csv_cell c = csv_cell_at(sf->csv, r, col);
			v = (struct rv_text){c.ptr, c.len};
		}
		bool seen = !v.len;
		for (size_t i = 0; i < n && !seen; i++)
			seen = out[i].len == v.len && memcmp(out[i].ptr, v.ptr, v.len) == 0;
		if (!seen)
			out[n++] = v;
	}
	return n;
}

/* ---- JSON ---- */

static void json_str(struct strbuf *sb, const char *s, size_t len)
{
	struct strbuf clean, cut;
	sb_init(&clean);
	sb_init(&cut);
	text_sanitize(&clean, s, len, 0);
	text_cut(&cut, clean.data ? clean.data : "", clean.len, 200, false);
	sb_addc(sb, '"');
	for (size_t i = 0; i < cut.len; i++) {
		unsigned char c = (unsigned char)cut.data[i];
		if (c == '"' || c == '\\')
			sb_addf(sb, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			sb_addf(sb, "\\u%04x", c);
		else
			sb_addc(sb, (char)c);
	}
	sb_addc(sb, '"');
	sb_free(&clean);
	sb_free(&cut);
}

static void json_cstr(struct strbuf *sb, const char *s)
{
	json_str(sb, s, strlen(s));
}

static void json_samples(struct strbuf *sb, const struct rv_text *v, size_t n)
{
	sb_addc(sb, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_addc(sb, ',');
		json_str(sb, v[i].ptr, v[i].len);
	}
	sb_addc(sb, ']');
}

static void json_columns(struct strbuf *sb, const struct sniff_file *sf)
{
	sb_adds(sb, ",\"columns\":[");
	for (size_t c = 0; c < sf->csv->ncols; c++) {
		struct rv_text v[SNIFF_SAMPLES];
		sb_addf(sb, "%s{\"index\":%zu,\"name\":", c ? "," : "", c + 1);
		json_str(sb, sf->csv->header[c].ptr, sf->csv->header[c].len);
		sb_adds(sb, ",\"fields\":[");
		bool first = true;
		for (int f = 0; sf->kind >= 0 && f < rv_kind_def((enum rv_kind)sf->kind)->nfields; f++) {
			if (sf->col[f] != (int)c)
				continue;
			sb_addf(sb, "%s{\"field\":", first ? "" : ",");
			json_cstr(sb, field_name(sf->kind, f));
			sb_addf(sb, ",\"how\":\"%s\",\"samples\":", sf->how[f]);
			json_samples(sb, v, samples(sf, f, c, v));
			sb_addc(sb, '}');
			first = false;
		}
		sb_adds(sb, "],\"samples\":");
		json_samples(sb, v, samples(sf, -1, c, v));
		sb_addc(sb, '}');
	}
	sb_addc(sb, ']');
}

static void json_dates_unknown(struct strbuf *sb, const struct sniff_file *sf)
{
	sb_adds(sb, ",\"date_order\":[");
	bool first = true;
	for (int f = 0; sf->kind >= 0 && f < rv_kind_def((enum rv_kind)sf->kind)->nfields; f++) {
		if (rv_kind_def((enum rv_kind)sf->kind)->fields[f].role != RV_ROLE_DATE || sf->col[f] < 0)
			continue;
		const struct rv_date_order_choice *o = &sf->orders[f];
		uint32_t line = o->basis == RV_DATE_ORDER_VALUES && o->row < sf->csv->nrows ? sf->csv->rows[o->row].line : 0;
		sb_addf(sb, "%s{\"field\":", first ? "" : ",");
		json_cstr(sb, field_name(sf->kind, f));
		sb_addf(sb, ",\"order\":\"%s\",\"basis\":\"%s\",\"line\":%u}",
			o->order == RV_DATE_DAY_FIRST ? "day-first" : "month-first", basis_name(o->basis), line);
		first = false;
	}
	sb_adds(sb, "],\"not_understood\":[");
	for (size_t i = 0; i < sf->nunknown; i++) {
		const struct sniff_unknown *u = &sf->unknown[i];
		sb_addf(sb, "%s{\"field\":", i ? "," : "");
		json_cstr(sb, field_name(sf->kind, u->field));
		sb_adds(sb, ",\"value\":");
		json_str(sb, u->value.ptr, u->value.len);
		sb_addf(sb, ",\"line\":%u,\"count\":%zu}", u->line, u->count);
	}
	sb_addc(sb, ']');
}

static void print_json(const struct sniff_file *sf, FILE *out)
{
	const struct csv_table *t = sf->csv;
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "{\"file\":");
	json_cstr(&sb, sf->name);
	sb_adds(&sb, ",\"table\":");
	if (sf->kind >= 0)
		json_cstr(&sb, rv_mapping_kind_name((enum rv_kind)sf->kind));
	else
		sb_adds(&sb, "null");
	sb_adds(&sb, ",\"mapping\":");
	if (sf->mapping) {
		json_cstr(&sb, sf->mapping);
		sb_addf(&sb, ",\"mapping_for\":\"%s\"", sf->mapping_table ? "table" : "every file");
	} else {
		sb_adds(&sb, "null,\"mapping_for\":null");
	}
	char delim[2] = {csv_table_delim(t), '\0'};
	sb_addf(&sb, ",\"encoding\":\"%s\",\"encoding_stated\":%s,\"delimiter\":\"%s\"", rv_sniff_encoding_name(t->encoding),
		t->stated.has_encoding ? "true" : "false", delim[0] == '\t' ? "\\t" : delim);
	sb_addf(&sb, ",\"delimiter_name\":\"%s\",\"delimiter_stated\":%s,\"quote\":\"\\\"\",\"line_end\":\"%s\"",
		rv_sniff_delimiter_name(delim[0]), t->stated.delim ? "true" : "false", line_end_name(t->eol));
	sb_addf(&sb, ",\"bom\":%s,\"final_newline\":%s,\"header_line\":%u,\"header_line_stated\":%s,\"rows\":%zu",
		sf->bom ? "true" : "false", t->final_eol ? "true" : "false", t->header_line,
		t->stated.header_line ? "true" : "false", t->nrows);
	sb_adds(&sb, ",\"skipped_rows\":[");
	for (size_t i = 0; i < sf->nskipped; i++) {
		sb_addf(&sb, "%s{\"line\":%u,\"why\":", i ? "," : "", sf->skipped[i].line);
		json_cstr(&sb, sf->skipped[i].why);
		sb_addc(&sb, '}');
	}
	sb_addc(&sb, ']');
	if (t->header) {
		json_columns(&sb, sf);
		json_dates_unknown(&sb, sf);
	}
	sb_adds(&sb, "}\n");
	fwrite(sb.data, 1, sb.len, out);
	sb_free(&sb);
}

/* ---- text ---- */

static void quoted(struct strbuf *sb, const char *s, size_t len, int cols)
{
	diag_quote(sb, s, len, cols);
}

static void text_samples(struct strbuf *sb, const struct rv_text *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sb_adds(sb, i ? ", " : ": ");
		quoted(sb, v[i].ptr, v[i].len, SAMPLE_COLS);
	}
}

static void text_columns(struct strbuf *sb, const struct sniff_file *sf)
{
	for (size_t c = 0; c < sf->csv->ncols; c++) {
		struct rv_text v[SNIFF_SAMPLES];
		sb_addf(sb, "  column %-3zu ", c + 1);
		quoted(sb, sf->csv->header[c].ptr, sf->csv->header[c].len, 40);
		bool any = false;
		for (int f = 0; sf->kind >= 0 && f < rv_kind_def((enum rv_kind)sf->kind)->nfields; f++) {
			if (sf->col[f] != (int)c)
				continue;
			sb_addf(sb, "\n      -> %s (by %s", field_name(sf->kind, f), sf->how[f]);
			const struct rv_map_field *rule = sf->rule[f];
			if (rule && rule->has_pattern) {
				sb_adds(sb, " ");
				quoted(sb, rule->pattern_text, strlen(rule->pattern_text), 40);
			}
			if (rule && rule->has_link) {
				sb_addf(sb, " to %s.", rv_mapping_kind_name(rule->link_kind));
				quoted(sb, rule->link_column, strlen(rule->link_column), 40);
			}
			sb_adds(sb, ")");
			text_samples(sb, v, samples(sf, f, c, v));
			any = true;
		}
		if (!any) {
			sb_adds(sb, " (extra)");
			text_samples(sb, v, samples(sf, -1, c, v));
		}
		sb_addc(sb, '\n');
	}
}

static void text_dates_unknown(struct strbuf *sb, const struct sniff_file *sf)
{
	for (int f = 0; sf->kind >= 0 && f < rv_kind_def((enum rv_kind)sf->kind)->nfields; f++) {
		if (rv_kind_def((enum rv_kind)sf->kind)->fields[f].role != RV_ROLE_DATE || sf->col[f] < 0)
			continue;
		const struct rv_date_order_choice *o = &sf->orders[f];
		sb_addf(sb, "  date order   %s: %s, ", field_name(sf->kind, f), rv_date_order_name(o->order));
		if (o->basis == RV_DATE_ORDER_MAPPED)
			sb_adds(sb, "as the mapping says\n");
		else if (o->basis == RV_DATE_ORDER_VALUES && o->row < sf->csv->nrows) {
			struct rv_text v = sniff_cell(sf, o->row, f);
			sb_addf(sb, "decided by line %u: ", sf->csv->rows[o->row].line);
			quoted(sb, v.ptr, v.len, SAMPLE_COLS);
			sb_addf(sb, " (%u day first, %u month first)\n", o->day_first, o->month_first);
		} else
			sb_addf(sb, "by default (%u dates either way, %u with dots)\n", o->ambiguous, o->ambiguous_dots);
	}
	for (size_t i = 0; i < sf->nunknown; i++) {
		const struct sniff_unknown *u = &sf->unknown[i];
		sb_addf(sb, "  not understood %s ", field_name(sf->kind, u->field));
		quoted(sb, u->value.ptr, u->value.len, SAMPLE_COLS);
		sb_addf(sb, " (line %u%s", u->line, u->count > 1 ? ", " : "");
		if (u->count > 1)
			sb_addf(sb, "%zu times", u->count);
		sb_adds(sb, ")\n");
	}
	if (sf->unknown_more)
		sb_addf(sb, "  not understood: %zu more\n", sf->unknown_more);
}

static void print_text(const struct sniff_file *sf, FILE *out)
{
	const struct csv_table *t = sf->csv;
	struct strbuf sb;
	sb_init(&sb);
	quoted(&sb, sf->name, strlen(sf->name), 80);
	sb_addc(&sb, '\n');
	sb_addf(&sb, "  table        %s\n", sf->kind >= 0 ? rv_mapping_kind_name((enum rv_kind)sf->kind) : "none fits");
	if (sf->mapping) {
		sb_adds(&sb, "  mapping      ");
		quoted(&sb, sf->mapping, strlen(sf->mapping), 80);
		sb_adds(&sb, sf->mapping_table ? " (used: its table, dialect, dates and columns for this file)\n"
					       : " (used: its settings for every file; no table of it is this file)\n");
	}
	sb_addf(&sb, "  encoding     %s (%s)\n", rv_sniff_encoding_name(t->encoding),
		t->stated.has_encoding ? "as the mapping says" : "detected");
	char d = csv_table_delim(t);
	sb_addf(&sb, "  delimiter    %s (%s)\n", rv_sniff_delimiter_name(d), t->stated.delim ? "as the mapping says" : "detected");
	sb_adds(&sb, "  quote        \"\n");
	sb_addf(&sb, "  line ends    %s, final newline: %s\n", line_end_name(t->eol), t->final_eol ? "yes" : "no");
	sb_addf(&sb, "  BOM          %s\n", sf->bom ? "yes" : "no");
	if (t->header)
		sb_addf(&sb, "  header       line %u (%s): %zu columns, %zu rows\n", t->header_line,
			t->stated.header_line ? "as the mapping says" : "detected", t->ncols, t->nrows);
	else
		sb_adds(&sb, "  header       none (an empty file)\n");
	for (size_t i = 0; i < sf->nskipped; i++) {
		sb_addf(&sb, "  skipped      line %u: ", sf->skipped[i].line);
		text_sanitize(&sb, sf->skipped[i].why, strlen(sf->skipped[i].why), 0);
		sb_addc(&sb, '\n');
	}
	if (t->header) {
		text_columns(&sb, sf);
		text_dates_unknown(&sb, sf);
	}
	fwrite(sb.data, 1, sb.len, out);
	sb_free(&sb);
}

void sniff_print(const struct sniff_file *sf, bool json, FILE *out)
{
	if (json)
		print_json(sf, out);
	else
		print_text(sf, out);
}

void sniff_print_error(const struct sniff_file *sf, bool json, FILE *out)
{
	struct strbuf sb;
	sb_init(&sb);
	if (json) {
		sb_adds(&sb, "{\"file\":");
		json_cstr(&sb, sf->name);
		sb_adds(&sb, ",\"error\":");
		json_cstr(&sb, sf->error ? sf->error : "cannot be read");
		sb_adds(&sb, "}\n");
		fwrite(sb.data, 1, sb.len, out);
	} else {
		quoted(&sb, sf->name, strlen(sf->name), 80);
		fprintf(stderr, "recview: sniff: %s: %s\n", sb.data, sf->error ? sf->error : "cannot be read");
	}
	sb_free(&sb);
}

void sniff_report_problems(const struct diag_list *dl)
{
	report_diagnostics(dl, stderr);
}
