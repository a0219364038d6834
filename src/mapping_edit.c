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

/* Whether the line [p, end) is a setting TABLE.FIELD = ... of kind's field, by any name of either. */
static bool sets_field(const char *p, const char *end, enum rv_kind kind, int field)
{
	while (p < end && is_blank(*p))
		p++;
	const char *key = p;
	while (p < end && !is_blank(*p) && *p != '=' && *p != '\r')
		p++;
	const char *dot = memchr(key, '.', (size_t)(p - key));
	if (!dot || rv_mapping_kind(key, (size_t)(dot - key)) != (int)kind)
		return false;
	size_t nlen = (size_t)(p - dot - 1);
	char norm[64];
	if (nlen >= sizeof(norm))
		return false;
	rv_normalize_name(dot + 1, nlen, norm, sizeof(norm));
	if (!norm[0] || rv_field_by_name(kind, norm) != field)
		return false;
	while (p < end && is_blank(*p))
		p++;
	/* "deliverables.status CLOSED = complete" is a value map, not the status column. */
	return p < end && *p == '=';
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

/* Whether the line [p, end), number no, is the one to replace: line, else the first that sets it. */
static bool is_target(const struct rv_map_column *c, uint32_t no, bool replaced)
{
	return !replaced && (!c->line || c->line == no);
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
	bool replaced = false;
	const char *eol_style = NULL;
	const char *p = text ? text : "", *end = p + (text ? len : 0);
	/* The line asked for must set the field; else the first that does is the one. */
	bool line_sets = false;
	uint32_t no = 0;
	for (const char *q = p; c->line && q < end && !line_sets;) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		const char *stop = nl ? nl : end;
		line_sets = ++no == c->line && sets_field(q, stop > q && stop[-1] == '\r' ? stop - 1 : stop, kind, field);
		q = nl ? nl + 1 : end;
	}
	struct rv_map_column target = *c;
	if (!line_sets)
		target.line = 0;
	no = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		const char *content_end = line_end > p && line_end[-1] == '\r' ? line_end - 1 : line_end;
		if (!eol_style && nl)
			eol_style = content_end < line_end ? "\r\n" : "\n";
		const char *next = nl ? nl + 1 : end;
		no++;
		if (sets_field(p, content_end, kind, field) && is_target(&target, no, replaced)) {
			/* That line takes the new value, keeping its comment and line end. */
			setting_line(out, c, clen);
			const char *comment = comment_tail(p, content_end);
			sb_add(out, comment, (size_t)(next - comment));
			replaced = true;
		} else if (sets_field(p, content_end, kind, field) && replaced) {
			/* A later one would override it: it goes. (An earlier one is overridden, and stays.) */
		} else {
			sb_add(out, p, (size_t)(next - p));
		}
		p = next;
	}
	if (!replaced) {
		if (out->len && out->data[out->len - 1] != '\n')
			sb_adds(out, eol_style ? eol_style : "\n");
		setting_line(out, c, clen);
		sb_adds(out, eol_style ? eol_style : "\n");
	}
	if (!out->data)
		sb_adds(out, "");
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

enum rv_result rv_mapping_write_field(const char *dir, const struct rv_map_column *c, char *err, size_t errsize)
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
	} else if (!rv_mapping_set_field(old.data, old.len, c, &text, why, sizeof(why))) {
		snprintf(err, errsize, "%s", why);
		res = RV_E_REFUSED;
	} else {
		struct rv_store_file file = {.name = RV_MAP_FILE, .data = text.data, .len = text.len};
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
