/*
 * sniff.c - `recview sniff` (sniff.h): a data set is loaded as the browser loads it (its mapping
 * applied) and each of its files described; a file given alone is read with detection only, its
 * table guessed from its name, else from its header.
 */
#include "recview/sniff.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/cli.h"
#include "recview/entity.h"
#include "recview/mapping.h"
#include "recview/model.h"
#include "recview/schema.h"
#include "recview/sniff_out.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/vocab.h"

const char *rv_sniff_encoding_name(int encoding)
{
	static const char *const names[] = {"utf-8", "utf-16le", "utf-16be", "windows-1252", "macintosh"};
	return encoding >= 0 && encoding <= RV_ENC_MACROMAN ? names[encoding] : "unknown";
}

const char *rv_sniff_delimiter_name(char delim)
{
	switch (delim) {
	case ';':
		return "semicolon";
	case '\t':
		return "tab";
	case '|':
		return "pipe";
	default:
		return "comma";
	}
}

/* ---- one file ---- */

static const struct rv_model no_model; /* file mode: no mapping, no tables */

struct rv_text sniff_cell(const struct sniff_file *sf, size_t row, int field)
{
	if (sf->m)
		return rv_row_field(sf->m, (enum rv_kind)sf->kind, (uint32_t)row, field);
	if (field < 0 || sf->col[field] < 0)
		return (struct rv_text){"", 0};
	struct csv_cell c = csv_cell_at(sf->csv, row, (size_t)sf->col[field]);
	return (struct rv_text){c.ptr, c.len};
}

static const struct rv_map_field *mapped_field(const struct rv_model *m, int kind, int field)
{
	if (!m || !m->mapping)
		return NULL;
	const struct rv_map_field *found = NULL;
	for (size_t i = 0; i < m->mapping->nfields; i++)
		if ((int)m->mapping->fields[i].kind == kind && m->mapping->fields[i].field == field)
			found = &m->mapping->fields[i];
	return found;
}

/* What made column col field f: its name, the mapping, a pattern, a link. */
static void field_origins(struct sniff_file *sf)
{
	for (int f = 0; f < RV_MAX_FIELDS; f++) {
		sf->how[f] = "name";
		sf->rule[f] = NULL;
		const struct rv_map_field *mf = sf->m ? mapped_field(sf->m, sf->kind, f) : NULL;
		if (!mf)
			continue;
		sf->rule[f] = mf;
		sf->how[f] = mf->has_link ? "link" : mf->has_pattern ? "pattern" : "mapping";
	}
}

/* The skipped rows of the file: the notes loading gave about it. */
static void collect_skipped(struct sniff_file *sf, const struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->items[i];
		if (d->severity != DIAG_NOTE || !d->file || strcmp(d->file, sf->csv->path) != 0 || !d->msg)
			continue;
		const char *why = strstr(d->msg, "row skipped: ");
		if (!why || sf->nskipped >= SNIFF_MAX_SKIPPED)
			continue;
		sf->skipped[sf->nskipped].line = d->line;
		sf->skipped[sf->nskipped].why = why + strlen("row skipped: ");
		sf->nskipped++;
	}
}

static void add_unknown(struct sniff_file *sf, int field, struct rv_text v, uint32_t line)
{
	for (size_t i = 0; i < sf->nunknown; i++) {
		struct sniff_unknown *u = &sf->unknown[i];
		if (u->field == field && u->value.len == v.len && memcmp(u->value.ptr, v.ptr, v.len) == 0) {
			u->count++;
			return;
		}
	}
	if (sf->nunknown >= SNIFF_MAX_UNKNOWN) {
		sf->unknown_more++;
		return;
	}
	sf->unknown[sf->nunknown++] = (struct sniff_unknown){field, v, line, 1};
}

/* Status, decision and priority values the vocabularies (and the mapping's value maps) do not know,
 * and dates that do not read in their column's order. */
static void collect_unknown(struct sniff_file *sf)
{
	const struct rv_kind_def *def = rv_kind_def((enum rv_kind)sf->kind);
	const struct rv_model *m = sf->m ? sf->m : &no_model;
	for (int f = 0; f < def->nfields; f++) {
		enum rv_role role = def->fields[f].role;
		bool vocab = role == RV_ROLE_STATUS || role == RV_ROLE_DECISION || role == RV_ROLE_PRIORITY;
		if ((!vocab && role != RV_ROLE_DATE) || sf->col[f] < 0)
			continue;
		for (size_t r = 0; r < sf->csv->nrows; r++) {
			struct rv_text v = sniff_cell(sf, r, f);
			bool bad;
			if (role == RV_ROLE_STATUS)
				bad = rv_model_status(m, (enum rv_kind)sf->kind, v.ptr, v.len) == RV_STATUS_UNKNOWN;
			else if (role == RV_ROLE_DECISION)
				bad = rv_model_decision(m, (enum rv_kind)sf->kind, v.ptr, v.len) == RV_DECISION_UNKNOWN;
			else if (role == RV_ROLE_PRIORITY)
				bad = rv_model_priority(m, (enum rv_kind)sf->kind, v.ptr, v.len) < 0;
			else {
				struct rv_date_value dv;
				bad = rv_date_read(v.ptr, v.len, sf->orders[f].order, &dv) == RV_DATE_BAD;
			}
			if (bad)
				add_unknown(sf, f, v, sf->csv->rows[r].line);
		}
	}
}

/* File mode: the date order of each date column, decided from its values as the model does. */
static void decide_orders(struct sniff_file *sf)
{
	const struct rv_kind_def *def = rv_kind_def((enum rv_kind)sf->kind);
	for (int f = 0; f < def->nfields; f++) {
		if (def->fields[f].role != RV_ROLE_DATE || sf->col[f] < 0)
			continue;
		struct rv_date_order_choice *c = &sf->orders[f];
		for (size_t r = 0; r < sf->csv->nrows; r++) {
			struct rv_text v = sniff_cell(sf, r, f);
			rv_date_order_vote(c, v.ptr, v.len, (uint32_t)r);
		}
		rv_date_order_decide(c);
	}
}

/* File mode: fields by header name, the first column of a name winning, as the loader does. */
static size_t match_header(const struct csv_table *t, int kind, int *col)
{
	size_t hits = 0;
	for (int f = 0; f < RV_MAX_FIELDS; f++)
		col[f] = -1;
	for (size_t c = 0; c < t->ncols; c++) {
		char norm[128];
		rv_normalize_name(t->header[c].ptr, t->header[c].len, norm, sizeof(norm));
		int f = norm[0] ? rv_field_by_name((enum rv_kind)kind, norm) : -1;
		if (f >= 0 && col[f] < 0) {
			col[f] = (int)c;
			hits++;
		}
	}
	return hits;
}

/* The table a lone file holds: the one its name ends with, else the one its header fits best. */
static int guess_kind(const char *path, const struct csv_table *t)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t len = dot ? (size_t)(dot - base) : strlen(base);
	char norm[256];
	size_t n = rv_normalize_name(base, len, norm, sizeof(norm));
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const char *label = rv_kind_def((enum rv_kind)k)->label;
		size_t ll = strlen(label);
		if (n >= ll && strcmp(norm + n - ll, label) == 0)
			return k;
	}
	int best = -1;
	size_t best_hits = 1;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		int col[RV_MAX_FIELDS];
		size_t hits = match_header(t, k, col);
		const struct rv_kind_def *def = rv_kind_def((enum rv_kind)k);
		bool required = true;
		for (int f = 0; f < def->nfields; f++)
			required = required && (!def->fields[f].required || col[f] >= 0);
		if (required && hits > best_hits) {
			best = k;
			best_hits = hits;
		}
	}
	return best;
}

static void describe(struct sniff_file *sf, const struct diag_list *dl)
{
	const struct csv_table *t = sf->csv;
	size_t len;
	const unsigned char *raw = (const unsigned char *)csv_table_file_bytes(t, &len);
	sf->bom = (len >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) ||
		  (len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF);
	collect_skipped(sf, dl);
	field_origins(sf);
	if (sf->kind >= 0 && t->header) {
		if (!sf->m)
			decide_orders(sf);
		collect_unknown(sf);
	}
}

/* ---- the two modes ---- */

static int sniff_data_set(const struct sniff_options *o, FILE *out)
{
	struct rv_model m;
	if (rv_model_load(&m, o->dir) == RV_E_UNREADABLE && !m.tables[RV_RECS].present) {
		sniff_report_problems(&m.diags);
		rv_model_free(&m);
		return EXIT_ERRORS;
	}
	struct sniff_file files[RV_KIND_COUNT];
	size_t n = 0;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const struct rv_table *t = &m.tables[k];
		if (!t->present)
			continue;
		struct sniff_file *sf = &files[n++];
		memset(sf, 0, sizeof(*sf));
		sf->name = rv_table_file(&m, (enum rv_kind)k);
		sf->csv = &t->csv;
		sf->kind = k;
		sf->m = &m;
		for (int f = 0; f < RV_MAX_FIELDS; f++) {
			sf->col[f] = rv_field_column_number(&m, (enum rv_kind)k, f) - 1;
			sf->orders[f] = t->date_order[f];
		}
		describe(sf, &m.diags);
	}
	int code = EXIT_CLEAN;
	for (size_t i = 0; i < n; i++)
		sniff_print(&files[i], o->json, out);
	if (o->write)
		code = sniff_write_map(&m, files, n, o->dir, o->force);
	rv_model_free(&m);
	return code;
}

static int sniff_one_file(const char *path, const struct sniff_options *o, FILE *out)
{
	struct csv_table t;
	struct diag_list dl;
	diag_list_init(&dl);
	struct sniff_file sf;
	memset(&sf, 0, sizeof(sf));
	sf.name = path;
	int code = EXIT_CLEAN;
	if (csv_table_load(&t, path, &dl) != RV_OK) {
		sf.error = dl.n ? dl.items[0].msg : "cannot be read";
		sniff_print_error(&sf, o->json, out);
		code = EXIT_ERRORS;
	} else {
		sf.csv = &t;
		sf.kind = t.header ? guess_kind(path, &t) : -1;
		if (sf.kind >= 0)
			match_header(&t, sf.kind, sf.col);
		else
			for (int f = 0; f < RV_MAX_FIELDS; f++)
				sf.col[f] = -1;
		describe(&sf, &dl);
		sniff_print(&sf, o->json, out);
		csv_table_free(&t);
	}
	diag_list_free(&dl);
	return code;
}

int rv_sniff_run(const struct sniff_options *o, FILE *out)
{
	if (!o->nfiles)
		return sniff_data_set(o, out);
	int code = EXIT_CLEAN;
	for (size_t i = 0; i < o->nfiles; i++) {
		int c = sniff_one_file(o->files[i], o, out);
		if (c > code)
			code = c;
	}
	return code;
}
