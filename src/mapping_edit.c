/*
 * mapping_edit.c - changing one setting of recview.map: the browser's answer to a missing column.
 * Only the line of that setting changes; every other line, comment and line end stays as written.
 */
#include "recview/mapping.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/save.h"
#include "recview/schema.h"
#include "recview/store.h"
#include "recview/strbuf.h"
#include "recview/vocab.h"

#define MAP_EDIT_MAX (1024 * 1024) /* as the reader: a mapping is a few dozen lines */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The line's comment with the spaces before it ("   # ours"), as the reader finds it; end if none. */
static const char *comment_tail(const char *p, const char *end)
{
	bool quoted = false;
	for (const char *c = p; c < end; c++) {
		if (*c == '"') {
			quoted = !quoted;
		} else if (*c == '#' && !quoted && (c == p || is_blank(c[-1]))) {
			while (c > p && is_blank(c[-1]))
				c--;
			return c;
		}
	}
	return end;
}

/* What a line must set to be the one changed: kind's field (name NULL), or the table setting name. */
struct target {
	enum rv_kind kind;
	int field;
	const char *name; /* "file", "encoding", "delimiter", "header_line", "date_order" */
};

/* Whether the line [p, end) is a setting TABLE.KEY = ... that t names: TABLE by any of its names, a
 * field by any of its names. */
static bool sets(const char *p, const char *end, const struct target *t)
{
	while (p < end && is_blank(*p))
		p++;
	const char *key = p;
	while (p < end && !is_blank(*p) && *p != '=' && *p != '\r')
		p++;
	const char *dot = memchr(key, '.', (size_t)(p - key));
	if (!dot || rv_mapping_kind(key, (size_t)(dot - key)) != (int)t->kind)
		return false;
	size_t nlen = (size_t)(p - dot - 1);
	if (t->name) {
		if (nlen != strlen(t->name) || memcmp(dot + 1, t->name, nlen) != 0)
			return false;
	} else {
		char norm[64];
		if (nlen >= sizeof(norm))
			return false;
		rv_normalize_name(dot + 1, nlen, norm, sizeof(norm));
		if (!norm[0] || rv_field_by_name(t->kind, norm) != t->field)
			return false;
	}
	while (p < end && is_blank(*p))
		p++;
	/* "deliverables.status CLOSED = complete" is a value map, not the status column. */
	return p < end && *p == '=';
}

/* Whether the line [p, end) is a setting TABLE.KEY = ... of kind (a value map is not). */
static bool sets_of_table(const char *p, const char *end, enum rv_kind kind)
{
	while (p < end && is_blank(*p))
		p++;
	const char *key = p;
	while (p < end && !is_blank(*p) && *p != '=' && *p != '\r')
		p++;
	const char *dot = memchr(key, '.', (size_t)(p - key));
	if (!dot || rv_mapping_kind(key, (size_t)(dot - key)) != (int)kind)
		return false;
	while (p < end && is_blank(*p))
		p++;
	return p < end && *p == '=';
}

/* The line [p, end)'s end without its line break. */
static const char *content_end(const char *p, const char *end)
{
	return end > p && end[-1] == '\r' ? end - 1 : end;
}

/* How text ends its lines: as its first line does (none: LF). */
static const char *line_end_of(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	return nl && nl > p && nl[-1] == '\r' ? "\r\n" : "\n";
}

/*
 * Appends text[0..len) to out with the line that t names replaced by line (no line end): line number
 * at if that one sets it, else the first that does; its comment and line end stay, a later line that
 * sets it too (which would override it) goes, every other line stays as it is. When no line sets it,
 * line is added after the last setting of its table (with its fellows), else at the end.
 */
static void replace_setting(const char *text, size_t len, const struct target *t, uint32_t at, const char *line,
			    struct strbuf *out)
{
	const char *p = text ? text : "", *end = p + (text ? len : 0);
	const char *eol = line_end_of(p, end);
	bool at_sets = false, any = false;
	uint32_t no = 0, last_of_table = 0;
	for (const char *q = p; q < end;) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		const char *stop = content_end(q, nl ? nl : end);
		no++;
		any = any || sets(q, stop, t);
		at_sets = at_sets || (no == at && sets(q, stop, t));
		if (sets_of_table(q, stop, t->kind))
			last_of_table = no;
		q = nl ? nl + 1 : end;
	}
	if (!at_sets)
		at = 0;
	bool replaced = false;
	no = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = content_end(p, nl ? nl : end);
		const char *next = nl ? nl + 1 : end;
		no++;
		bool setting = sets(p, stop, t);
		if (setting && !replaced && (!at || at == no)) {
			/* That line takes the new value, keeping its comment and line end. */
			sb_adds(out, line);
			const char *comment = comment_tail(p, stop);
			sb_add(out, comment, (size_t)(next - comment));
			replaced = true;
		} else if (!(setting && replaced)) {
			/* (A later one would override it: it goes. An earlier one is overridden, and stays.) */
			sb_add(out, p, (size_t)(next - p));
		}
		if (!any && !replaced && no == last_of_table) {
			if (!nl)
				sb_adds(out, eol);
			sb_adds(out, line);
			sb_adds(out, eol);
			replaced = true;
		}
		p = next;
	}
	if (!replaced) {
		if (out->len && out->data[out->len - 1] != '\n')
			sb_adds(out, eol);
		sb_adds(out, line);
		sb_adds(out, eol);
	}
	if (!out->data)
		sb_adds(out, "");
}


void rv_mapping_setting_name(enum rv_kind kind, int field, struct strbuf *out)
{
	sb_addf(out, "%s.", rv_mapping_kind_name(kind));
	for (const char *c = rv_kind_def(kind)->fields[field].name; *c; c++)
		sb_addc(out, *c == ' ' ? '_' : *c); /* one word, as recview sniff --write names it */
}

/* Whether the column's name needs quotes to come back as it is: a #, a quote, spaces at an end. */
static bool needs_quotes(const char *s, size_t len)
{
	if (!len)
		return true;
	if (is_blank(s[0]) || is_blank(s[len - 1]) || s[0] == '"')
		return true;
	return memchr(s, '#', len) != NULL;
}

static bool has_letter_or_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    (unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* A standalone ~ or an -> would read as a pattern or a link. */
static bool reads_as_more(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '-' && i + 1 < len && s[i + 1] == '>')
			return true;
		if (s[i] == '~' && (i == 0 || is_blank(s[i - 1])) && (i + 1 == len || is_blank(s[i + 1])))
			return true;
	}
	return false;
}

/* A name as a mapping reads it back: quoted when it must be; control characters (a line break inside
 * a header cell) become spaces, which the comparison of column names ignores anyway. */
static void name_value(struct strbuf *out, const char *column, size_t clen)
{
	bool quote = needs_quotes(column, clen);
	if (quote)
		sb_addc(out, '"');
	for (size_t i = 0; i < clen; i++) {
		unsigned char c = (unsigned char)column[i];
		if (c < 0x20 || c == 0x7f)
			sb_addc(out, ' ');
		else if (c == '"' && quote)
			sb_adds(out, "\"\"");
		else
			sb_addc(out, (char)c);
	}
	if (quote)
		sb_addc(out, '"');
}

/* "TABLE.FIELD = COLUMN" and what follows the column (its pattern and link), if anything. */
static void setting_line(struct strbuf *out, const struct rv_map_column *c, size_t clen)
{
	rv_mapping_setting_name(c->kind, c->field, out);
	sb_adds(out, " = ");
	name_value(out, c->column, clen);
	if (c->rest)
		sb_adds(out, c->rest);
}

void rv_map_field_rest(const struct rv_map_field *f, struct strbuf *out)
{
	if (f->has_pattern)
		sb_addf(out, " ~ %s", f->pattern_text);
	if (f->has_link) {
		sb_addf(out, " -> %s.", rv_mapping_kind_name(f->link_kind));
		name_value(out, f->link_column, strlen(f->link_column));
	}
}

bool rv_mapping_set_field(const char *text, size_t len, const struct rv_map_column *c, struct strbuf *out, char *why,
			  size_t whysize)
{
	enum rv_kind kind = c->kind;
	int field = c->field;
	const char *column = c->column;
	size_t clen = strlen(column);
	if (field < 0 || field >= rv_kind_def(kind)->nfields) {
		snprintf(why, whysize, "no such field");
		return false;
	}
	if (!has_letter_or_digit(column, clen)) {
		snprintf(why, whysize, "a column is named by its letters and digits, and this one has none");
		return false;
	}
	if (reads_as_more(column, clen)) {
		snprintf(why, whysize, "a column name with '->' or a lone '~' cannot be written in %s", RV_MAP_FILE);
		return false;
	}
	struct strbuf line;
	sb_init(&line);
	setting_line(&line, c, clen);
	struct target t = {kind, field, NULL};
	replace_setting(text, len, &t, c->line, line.data, out);
	sb_free(&line);
	return true;
}

bool rv_mapping_sets_table(const char *text, size_t len, enum rv_kind kind)
{
	const char *p = text ? text : "", *end = p + (text ? len : 0);
	for (const char *q = p; q < end;) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		if (sets_of_table(q, content_end(q, nl ? nl : end), kind))
			return true;
		q = nl ? nl + 1 : end;
	}
	return false;
}

static bool table_setting_known(const char *name)
{
	static const char *const names[] = {"file", "encoding", "delimiter", "header_line", "date_order"};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

bool rv_mapping_set_table(const char *text, size_t len, enum rv_kind kind, const char *name, const char *value,
			  struct strbuf *out)
{
	bool punctuation = strcmp(name, "delimiter") == 0 && strlen(value) == 1 && strchr(",;|", value[0]);
	if (!table_setting_known(name) || !(punctuation || has_letter_or_digit(value, strlen(value))))
		return false;
	struct strbuf line;
	sb_init(&line);
	sb_addf(&line, "%s.%s = ", rv_mapping_kind_name(kind), name);
	name_value(&line, value, strlen(value));
	struct target t = {kind, -1, name};
	replace_setting(text, len, &t, 0, line.data, out);
	sb_free(&line);
	return true;
}

/* Reads dir/recview.map (none: empty, *exists false); false with err when it cannot be read. */
static bool read_map(const char *path, struct strbuf *text, bool *exists, char *err, size_t errsize)
{
	*exists = false;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT)
			return true;
		snprintf(err, errsize, "cannot read %s: %s", RV_MAP_FILE, strerror(errno));
		return false;
	}
	struct stat st;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= MAP_EDIT_MAX;
	if (!ok)
		snprintf(err, errsize, "%s is not a regular file of at most 1 MiB: left as it is", RV_MAP_FILE);
	char chunk[8192];
	ssize_t n;
	while (ok && (n = read(fd, chunk, sizeof(chunk))) > 0)
		sb_add(text, chunk, (size_t)n);
	close(fd);
	*exists = ok;
	return ok;
}

enum rv_result rv_mapping_rewrite(const char *dir, rv_mapping_edit_fn edit, void *ctx, char *err, size_t errsize)
{
	struct rv_store st;
	if (!rv_store_open(&st, dir, NULL, false, err, errsize))
		return RV_E_FAILED;
	enum rv_result res = RV_OK;
	bool exists = false;
	struct strbuf old, text;
	sb_init(&old);
	sb_init(&text);
	size_t dl = strlen(dir);
	char *path = xmalloc(dl + sizeof(RV_MAP_FILE) + 2);
	snprintf(path, dl + sizeof(RV_MAP_FILE) + 2, "%s/%s", dir, RV_MAP_FILE);
	char why[512];
	if (!rv_store_may_write(&st, RV_MAP_FILE, &exists, why, sizeof(why))) {
		snprintf(err, errsize, "%s", why);
		res = RV_E_REFUSED;
	} else if (!read_map(path, &old, &exists, err, errsize)) {
		res = RV_E_UNREADABLE;
	} else if (!edit(exists ? (old.data ? old.data : "") : NULL, old.len, exists, ctx, &text, why, sizeof(why))) {
		snprintf(err, errsize, "%s", why);
		res = RV_E_REFUSED;
	} else {
		struct rv_store_file file = {.name = RV_MAP_FILE, .data = text.data ? text.data : "", .len = text.len};
		/* The stamp of the bytes just read: a change made since then is a conflict, not overwritten. */
		if (exists)
			rv_file_stamp_of(path, old.data ? old.data : "", old.len, &file.expected);
		else
			rv_file_stamp_read(path, &file.expected);
		res = rv_store_commit(&st, &file, 1, err, errsize);
	}
	free(path);
	sb_free(&old);
	sb_free(&text);
	rv_store_close(&st);
	return res;
}

static bool set_one_field(const char *text, size_t len, bool exists, void *ctx, struct strbuf *out, char *why,
			  size_t whysize)
{
	(void)exists;
	return rv_mapping_set_field(text, len, ctx, out, why, whysize);
}

enum rv_result rv_mapping_write_field(const char *dir, const struct rv_map_column *c, char *err, size_t errsize)
{
	return rv_mapping_rewrite(dir, set_one_field, (void *)c, err, errsize);
}
