/*
 * sniff_map.c - `recview sniff --write`: what sniff found, as a recview.map (mapping.h) written through
 * the store. A data set's is written whole; for files named alone, the recview.map of their directory
 * is written stating them, or (--force) updated: their settings replaced, every other line kept.
 */
#include "recview/sniff_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/cli.h"
#include "recview/diag.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/vocab.h"

/* "recview: sniff --write: MESSAGE", the message sanitised (it names paths as typed). */
static void say(const char *msg)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, msg, strlen(msg), 0);
	fprintf(stderr, "recview: sniff --write: %s\n", sb.data ? sb.data : "");
	sb_free(&sb);
}

/* A value as a mapping reads it back: quoted when it holds a # or a quote, or spaces at its ends. */
static void map_value(struct strbuf *sb, const char *s, size_t len)
{
	bool quote = len && (s[0] == ' ' || s[len - 1] == ' ' || memchr(s, '#', len) || memchr(s, '"', len) ||
			     s[0] == '~');
	if (!quote) {
		text_sanitize(sb, s, len, 0);
		return;
	}
	sb_addc(sb, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			sb_addc(sb, '"');
		if (s[i] == '\n' || s[i] == '\r')
			sb_addc(sb, ' ');
		else
			sb_addc(sb, s[i]);
	}
	sb_addc(sb, '"');
}

/* The file's name in its directory: what TABLE.file names. */
static const char *file_name(const struct sniff_file *sf)
{
	const char *slash = strrchr(sf->name, '/');
	return slash ? slash + 1 : sf->name;
}

/* As the whole file writes it: the character, or tab. */
static const char *delimiter_word(char d)
{
	return d == '\t' ? "tab" : d == ';' ? ";" : d == '|' ? "|" : ",";
}

/* The date order of the file's first date column; false when it has none. */
static bool file_date_order(const struct sniff_file *sf, enum rv_date_order *order)
{
	const struct rv_kind_def *def = rv_kind_def((enum rv_kind)sf->kind);
	for (int f = 0; f < def->nfields; f++) {
		if (def->fields[f].role == RV_ROLE_DATE && sf->col[f] >= 0) {
			*order = sf->orders[f].order;
			return true;
		}
	}
	return false;
}

static const char *order_word(enum rv_date_order order)
{
	return order == RV_DATE_DAY_FIRST ? "day-first" : "month-first";
}

/* "# recommendations.status "Soonish" =    # not understood: ..." for a value not understood. */
static bool unknown_line(const struct sniff_file *sf, const struct sniff_unknown *u, struct strbuf *sb)
{
	enum rv_role role = rv_kind_def((enum rv_kind)sf->kind)->fields[u->field].role;
	if (role == RV_ROLE_DATE)
		return false;
	sb_addf(sb, "# %s.%s ", rv_mapping_kind_name((enum rv_kind)sf->kind),
		role == RV_ROLE_STATUS ? "status" : role == RV_ROLE_DECISION ? "decision" : "priority");
	sb_addc(sb, '"');
	text_sanitize(sb, u->value.ptr, u->value.len, 0);
	sb_adds(sb, "\" =    # not understood: say what it means, and remove the first #\n");
	return true;
}

/* ---- a whole recview.map ---- */

static void map_file(struct strbuf *sb, const struct sniff_file *sf)
{
	const char *table = rv_mapping_kind_name((enum rv_kind)sf->kind);
	const struct csv_table *t = sf->csv;
	sb_addf(sb, "\n# %s\n%s.file = ", table, table);
	const char *name = file_name(sf);
	map_value(sb, name, strlen(name));
	char d = csv_table_delim(t);
	sb_addf(sb, "\n%s.encoding = %s\n%s.delimiter = %s\n%s.header_line = %u\n", table,
		rv_encoding_name(t->encoding), table, delimiter_word(d), table, t->header_line);
	enum rv_date_order order;
	if (file_date_order(sf, &order))
		sb_addf(sb, "%s.date_order = %s\n", table, order_word(order));
	const struct rv_kind_def *def = rv_kind_def((enum rv_kind)sf->kind);
	for (int f = 0; f < def->nfields; f++) {
		if (sf->col[f] < 0)
			continue;
		const struct rv_map_field *rule = sf->rule[f];
		struct csv_cell h = t->header[sf->col[f]];
		rv_mapping_setting_name((enum rv_kind)sf->kind, f, sb);
		sb_adds(sb, " = ");
		map_value(sb, h.ptr, h.len);
		if (rule)
			rv_map_field_rest(rule, sb);
		sb_addc(sb, '\n');
	}
	for (size_t i = 0; i < sf->nunknown; i++)
		unknown_line(sf, &sf->unknown[i], sb);
}

static void map_values(struct strbuf *sb, const struct rv_model *m)
{
	if (!m || !m->mapping || !m->mapping->nvalues)
		return;
	sb_adds(sb, "\n# the value maps of the mapping this one replaces\n");
	static const char *const vocab[] = {"status", "decision", "priority"};
	for (size_t i = 0; i < m->mapping->nvalues; i++) {
		const struct rv_map_value *v = &m->mapping->values[i];
		if (v->kind >= 0)
			sb_addf(sb, "%s.", rv_mapping_kind_name((enum rv_kind)v->kind));
		sb_addf(sb, "%s \"", vocab[v->vocab]);
		for (const char *c = v->word; *c; c++) {
			if (*c == '"')
				sb_addc(sb, '"');
			sb_addc(sb, *c);
		}
		sb_adds(sb, "\" = ");
		if (v->vocab == RV_MAP_STATUS)
			sb_adds(sb, rv_status_name((enum rv_status)v->value));
		else if (v->vocab == RV_MAP_DECISION)
			sb_adds(sb, rv_decision_name((enum rv_decision)v->value));
		else if (v->value > 0)
			sb_addf(sb, "P%d", v->value);
		sb_addc(sb, '\n');
	}
}

/* Whether a file is written into the mapping: it has a table and a header. */
static bool mapped(const struct sniff_file *sf)
{
	return sf->kind >= 0 && sf->csv && sf->csv->header;
}

/* ---- an existing recview.map updated for some files ---- */

/* The setting made on text (in *cur), the result in *cur again: two buffers taking turns. */
struct turns {
	struct strbuf a, b;
	struct strbuf *cur;
};

static struct strbuf *next_buf(struct turns *tt)
{
	struct strbuf *next = tt->cur == &tt->a ? &tt->b : &tt->a;
	sb_reset(next);
	return next;
}

static void set_table(struct turns *tt, enum rv_kind kind, const char *name, const char *value)
{
	struct strbuf *next = next_buf(tt);
	if (rv_mapping_set_table(tt->cur->data, tt->cur->len, kind, name, value, next))
		tt->cur = next;
}

/* One file's settings over what the mapping says; a column whose name it cannot hold is said and left out. */
static void update_file(struct turns *tt, const struct sniff_file *sf)
{
	enum rv_kind kind = (enum rv_kind)sf->kind;
	const struct csv_table *t = sf->csv;
	char line[16];
	if (!rv_mapping_sets_table(tt->cur->data, tt->cur->len, kind)) {
		/* A table the mapping said nothing of: its lines come at the end, under its name. */
		if (tt->cur->len && tt->cur->data[tt->cur->len - 1] != '\n')
			sb_addc(tt->cur, '\n');
		sb_addf(tt->cur, "\n# %s\n", rv_mapping_kind_name(kind));
	}
	set_table(tt, kind, "file", file_name(sf));
	set_table(tt, kind, "encoding", rv_encoding_name(t->encoding));
	set_table(tt, kind, "delimiter", delimiter_word(csv_table_delim(t)));
	snprintf(line, sizeof(line), "%u", t->header_line);
	set_table(tt, kind, "header_line", line);
	enum rv_date_order order;
	if (file_date_order(sf, &order))
		set_table(tt, kind, "date_order", order_word(order));
	const struct rv_kind_def *def = rv_kind_def(kind);
	for (int f = 0; f < def->nfields; f++) {
		if (sf->col[f] < 0)
			continue;
		struct csv_cell h = t->header[sf->col[f]];
		char *column = xstrndup(h.ptr, h.len);
		struct strbuf rest;
		sb_init(&rest);
		if (sf->rule[f])
			rv_map_field_rest(sf->rule[f], &rest);
		struct rv_map_column c = {kind, f, column, rest.len ? rest.data : NULL, 0};
		struct strbuf *next = next_buf(tt);
		char why[256];
		if (rv_mapping_set_field(tt->cur->data, tt->cur->len, &c, next, why, sizeof(why))) {
			tt->cur = next;
		} else {
			struct strbuf msg;
			sb_init(&msg);
			sb_addf(&msg, "column %d of ", sf->col[f] + 1);
			diag_quote(&msg, sf->name, strlen(sf->name), 60);
			sb_addf(&msg, " is left out: %s", why);
			say(msg.data);
			sb_free(&msg);
		}
		sb_free(&rest);
		free(column);
	}
	/* Values not understood, as comments to fill in; one already there is not added again. */
	for (size_t i = 0; i < sf->nunknown; i++) {
		struct strbuf ul;
		sb_init(&ul);
		if (unknown_line(sf, &sf->unknown[i], &ul) && !strstr(tt->cur->data ? tt->cur->data : "", ul.data)) {
			if (tt->cur->len && tt->cur->data[tt->cur->len - 1] != '\n')
				sb_addc(tt->cur, '\n');
			sb_adds(tt->cur, ul.data);
		}
		sb_free(&ul);
	}
}

/* ---- writing ---- */

struct map_edit {
	const struct rv_model *m;
	const struct sniff_file *files;
	size_t n;
	bool force, only_these;
	bool already; /* refused: there is one, and no --force */
	bool updated;
};

static bool edit_map(const char *text, size_t len, bool exists, void *ctx, struct strbuf *out, char *why,
		     size_t whysize)
{
	struct map_edit *e = ctx;
	if (exists && !e->force) {
		snprintf(why, whysize, e->only_these ? "%s is already there (--force updates it: these files' settings "
						       "replaced, every other line kept)"
						     : "%s is already there (--force replaces it)",
			 RV_MAP_FILE);
		e->already = true;
		return false;
	}
	if (exists && e->only_these) {
		struct turns tt;
		sb_init(&tt.a);
		sb_init(&tt.b);
		sb_add(&tt.a, text, len);
		tt.cur = &tt.a;
		for (size_t i = 0; i < e->n; i++)
			if (mapped(&e->files[i]))
				update_file(&tt, &e->files[i]);
		sb_add(out, tt.cur->data ? tt.cur->data : "", tt.cur->len);
		sb_free(&tt.a);
		sb_free(&tt.b);
		e->updated = true;
		return true;
	}
	sb_adds(out, "# recview.map: how the files of this data set map onto recview's tables, as recview sniff\n"
		     "# found them. Keep it, and edit it where it is wrong (see recview(1), \"The mapping file\").\n");
	for (size_t i = 0; i < e->n; i++)
		if (mapped(&e->files[i]))
			map_file(out, &e->files[i]);
	if (!e->only_these)
		map_values(out, e->m);
	return true;
}

/* Files alone: each fits a table, and no two the same one; false (said) otherwise. */
static bool one_file_per_table(const struct sniff_file *files, size_t n)
{
	size_t tables = 0;
	for (size_t i = 0; i < n; i++) {
		struct strbuf msg;
		sb_init(&msg);
		diag_quote(&msg, files[i].name, strlen(files[i].name), 60);
		if (!mapped(&files[i])) {
			sb_adds(&msg, " fits no table: it is left out");
			say(msg.data);
		}
		for (size_t j = 0; j < i && mapped(&files[i]); j++) {
			if (!mapped(&files[j]) || files[j].kind != files[i].kind)
				continue;
			sb_adds(&msg, " and ");
			diag_quote(&msg, files[j].name, strlen(files[j].name), 60);
			sb_addf(&msg, " are both %s: name one file per table",
				rv_mapping_kind_name((enum rv_kind)files[i].kind));
			say(msg.data);
			sb_free(&msg);
			return false;
		}
		tables += mapped(&files[i]);
		sb_free(&msg);
	}
	if (!tables)
		say("no file fits a table: nothing to write");
	return tables > 0;
}

int sniff_write_map(const struct rv_model *m, const struct sniff_file *files, size_t n, const char *dir, bool force,
		    bool only_these)
{
	if (only_these && !one_file_per_table(files, n))
		return EXIT_ERRORS;
	struct map_edit e = {.m = m, .files = files, .n = n, .force = force, .only_these = only_these};
	char err[1024] = "";
	enum rv_result res = rv_mapping_rewrite(dir, edit_map, &e, err, sizeof(err));
	if (res == RV_OK) {
		struct strbuf where;
		sb_init(&where);
		diag_quote(&where, dir, strlen(dir), 60);
		fprintf(stderr, "recview: sniff: %s %s in %s\n", e.updated ? "updated" : "wrote", RV_MAP_FILE, where.data);
		sb_free(&where);
		return EXIT_CLEAN;
	}
	say(err);
	return res == RV_E_REFUSED || res == RV_E_UNREADABLE ? EXIT_ERRORS : EXIT_OUTPUT;
}
