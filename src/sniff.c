/*
 * sniff.c - `recview sniff` (sniff.h): a data set is loaded as the browser loads it (its mapping
 * applied) and each of its files described. A file given alone in a directory that holds a
 * recview.map is read as that data set reads it, when the mapping (or the file's name) makes it one of
 * its tables, else with the mapping's settings for every file; elsewhere with detection only, its
 * table guessed from its name, else from its header.
 */
#include "recview/sniff.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The mapping's line that gave field its column: the last one whose column the file has (a line
 * naming a column it lacks is ignored, and the field found as usual). */
static const struct rv_map_field *mapped_field(const struct rv_model *m, const struct csv_table *t, int kind,
					       int field)
{
	if (!m || !m->mapping)
		return NULL;
	const struct rv_map_field *found = NULL;
	for (size_t i = 0; i < m->mapping->nfields; i++) {
		const struct rv_map_field *f = &m->mapping->fields[i];
		if ((int)f->kind == kind && f->field == field && (!f->column || rv_mapping_find_column(t, f->column) >= 0))
			found = f;
	}
	return found;
}

/* What made column col field f: its name, the mapping, a pattern, a link. */
static void field_origins(struct sniff_file *sf)
{
	for (int f = 0; f < RV_MAX_FIELDS; f++) {
		sf->how[f] = "name";
		sf->rule[f] = NULL;
		const struct rv_map_field *mf = sf->m ? mapped_field(sf->m, sf->csv, sf->kind, f) : NULL;
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
		if (def->fields[f].role != RV_ROLE_DATE || sf->col[f] < 0 || sf->orders[f].basis == RV_DATE_ORDER_MAPPED)
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

/* A table of a loaded data set, described. */
static void describe_table(struct sniff_file *sf, const struct rv_model *m, enum rv_kind k)
{
	const struct rv_table *t = &m->tables[k];
	memset(sf, 0, sizeof(*sf));
	sf->name = rv_table_file(m, k);
	sf->csv = &t->csv;
	sf->kind = (int)k;
	sf->m = m;
	sf->mapping = m->mapping ? m->mapping->path : NULL;
	sf->mapping_table = sf->mapping != NULL;
	for (int f = 0; f < RV_MAX_FIELDS; f++) {
		sf->col[f] = rv_field_column_number(m, k, f) - 1;
		sf->orders[f] = t->date_order[f];
	}
	describe(sf, &m->diags);
}

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
	for (int k = 0; k < RV_KIND_COUNT; k++)
		if (m.tables[k].present)
			describe_table(&files[n++], &m, (enum rv_kind)k);
	int code = EXIT_CLEAN;
	for (size_t i = 0; i < n; i++)
		sniff_print(&files[i], o->json, out);
	if (o->write)
		code = sniff_write_map(&m, files, n, o->dir, o->force, false);
	rv_model_free(&m);
	return code;
}

/* ---- files alone ---- */

/* The directory of a file given alone, as a data set of its own when it holds a recview.map (loaded
 * once for every file of it). */
struct file_dir {
	char *dir;
	bool loaded; /* m holds the data set, read with its mapping */
	struct rv_model m;
};

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

static void file_dir_free(struct file_dir *fd)
{
	if (fd->loaded)
		rv_model_free(&fd->m);
	free(fd->dir);
	memset(fd, 0, sizeof(*fd));
}

/* The data set of path's directory, when it has a mapping: loaded as the browser loads it. */
static const struct rv_model *mapped_dir(struct file_dir *fd, const char *path)
{
	char *dir = dir_of(path);
	if (fd->dir && strcmp(fd->dir, dir) == 0) {
		free(dir);
		return fd->loaded && fd->m.mapping ? &fd->m : NULL;
	}
	file_dir_free(fd);
	fd->dir = dir;
	struct strbuf map;
	sb_init(&map);
	sb_addf(&map, "%s/%s", dir, RV_MAP_FILE);
	struct stat st;
	if (stat(map.data, &st) == 0) {
		rv_model_load(&fd->m, dir); /* whether or not the recommendations load, its tables are read */
		fd->loaded = true;
	}
	sb_free(&map);
	return fd->loaded && fd->m.mapping ? &fd->m : NULL;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The table of m whose file path is (its mapping names it, or its name does), or -1. */
static int table_of(const struct rv_model *m, const char *path)
{
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const struct rv_table *t = &m->tables[k];
		if (!t->present || t->flat)
			continue;
		char *p = rv_model_path(m, (enum rv_kind)k);
		bool same = same_file(p, path);
		free(p);
		if (same)
			return k;
	}
	return -1;
}

/* A file read by detection alone, or with the settings a mapping gives every file (mp). */
static int sniff_plain_file(const char *path, const struct rv_mapping *mp, const struct sniff_options *o, FILE *out,
			    struct sniff_file *sf, struct csv_table *t, struct diag_list *dl)
{
	memset(sf, 0, sizeof(*sf));
	sf->name = path;
	struct csv_dialect stated = mp ? mp->all.dialect : (struct csv_dialect){0};
	if (csv_table_load_as(t, path, &stated, dl) != RV_OK) {
		sf->error = dl->n ? dl->items[0].msg : "cannot be read";
		sniff_print_error(sf, o->json, out);
		return EXIT_ERRORS;
	}
	sf->csv = t;
	sf->mapping = mp ? mp->path : NULL;
	sf->kind = t->header ? guess_kind(path, t) : -1;
	if (sf->kind >= 0)
		match_header(t, sf->kind, sf->col);
	else
		for (int f = 0; f < RV_MAX_FIELDS; f++)
			sf->col[f] = -1;
	if (mp && mp->all.has_date_order && sf->kind >= 0) {
		/* The date order the mapping gives every file, as a data set's own file would take it. */
		const struct rv_kind_def *def = rv_kind_def((enum rv_kind)sf->kind);
		for (int f = 0; f < def->nfields; f++)
			if (def->fields[f].role == RV_ROLE_DATE)
				sf->orders[f] = (struct rv_date_order_choice){.order = mp->all.date_order,
									      .basis = RV_DATE_ORDER_MAPPED};
	}
	describe(sf, dl);
	return EXIT_CLEAN;
}

/* One file; sf (and t, dl) keep what was found for --write, to be freed by the caller. */
static int sniff_one_file(const char *path, const struct sniff_options *o, FILE *out, struct file_dir *fd,
			  struct sniff_file *sf, struct csv_table *t, struct diag_list *dl)
{
	const struct rv_model *m = mapped_dir(fd, path);
	int k = m ? table_of(m, path) : -1;
	if (k >= 0) {
		describe_table(sf, m, (enum rv_kind)k);
		sf->name = path;
		sniff_print(sf, o->json, out);
		return EXIT_CLEAN;
	}
	int code = sniff_plain_file(path, m ? m->mapping : NULL, o, out, sf, t, dl);
	if (code == EXIT_CLEAN)
		sniff_print(sf, o->json, out);
	return code;
}

int rv_sniff_run(const struct sniff_options *o, FILE *out)
{
	if (!o->nfiles)
		return sniff_data_set(o, out);
	int code = EXIT_CLEAN;
	struct file_dir fd = {0};
	struct sniff_file *files = xcalloc(o->nfiles, sizeof(*files));
	struct csv_table *tables = xcalloc(o->nfiles, sizeof(*tables));
	struct diag_list *dls = xcalloc(o->nfiles, sizeof(*dls));
	for (size_t i = 0; i < o->nfiles; i++) {
		diag_list_init(&dls[i]);
		int c = sniff_one_file(o->files[i], o, out, &fd, &files[i], &tables[i], &dls[i]);
		if (c > code)
			code = c;
	}
	/* --write: all the files are in one directory (cli.c), whose model fd holds when it has a mapping. */
	if (o->write && code == EXIT_CLEAN)
		code = sniff_write_map(fd.loaded ? &fd.m : NULL, files, o->nfiles, fd.dir, o->force, true);
	for (size_t i = 0; i < o->nfiles; i++) {
		if (files[i].csv == &tables[i])
			csv_table_free(&tables[i]);
		diag_list_free(&dls[i]);
	}
	free(files);
	free(tables);
	free(dls);
	file_dir_free(&fd);
	return code;
}
