/*
 * activity_filter.c - the log's filter (activity.h): author:, changed:, item:, kind: and words, with
 * the tokens, quotes, negation and date operators of the recommendations' filter (query.h), and the
 * lines of "recview log".
 */
#include "recview/activity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/date.h"
#include "recview/diag.h"
#include "recview/search.h"
#include "recview/text.h"
#include "recview/utf8.h"

enum fterm_kind { F_WORD, F_AUTHOR, F_CHANGED, F_ITEM, F_KIND };
enum fdate_op { FOP_EQ, FOP_LT, FOP_GT, FOP_LE, FOP_GE };

struct fterm {
	enum fterm_kind kind;
	bool neg;
	struct rv_search *s;  /* F_WORD, F_AUTHOR */
	char *value;          /* F_ITEM, F_KIND */
	enum fdate_op op;     /* F_CHANGED */
	int32_t lo, hi;
};

struct rv_activity_filter {
	struct fterm *t;
	size_t n;
};

static const char *const field_names[] = {"author", "changed", "item", "kind", NULL};
static const char *const kind_names[] = {"status", "decision", "history", "note", "agenda", "owner",
					 "priority", "due", "answer", NULL};

const char *const *rv_activity_filter_fields(void)
{
	return field_names;
}

const char *const *rv_activity_kinds(void)
{
	return kind_names;
}

void rv_activity_filter_free(struct rv_activity_filter *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		rv_search_free(f->t[i].s);
		free(f->t[i].value);
	}
	free(f->t);
	free(f);
}

/* ---- parsing ---- */

struct fparser {
	const char *s;
	size_t len, pos;
	char *err;
	size_t errsize;
	bool failed;
};

static void failf(struct fparser *p, struct strbuf *msg)
{
	if (!p->failed && p->err && p->errsize)
		snprintf(p->err, p->errsize, "%s", msg->data);
	p->failed = true;
	sb_free(msg);
}

static size_t char_pos(const struct fparser *p, size_t off)
{
	return utf8_count_chars(p->s, off) + 1;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A value: a quoted string or a bare word; false (with the error) when missing or unterminated. */
static bool read_value(struct fparser *p, const char *after, size_t after_len, const char **v, size_t *vlen)
{
	size_t at = p->pos;
	struct strbuf sb;
	sb_init(&sb);
	if (at < p->len && p->s[at] == '"') {
		const char *close = memchr(p->s + at + 1, '"', p->len - at - 1);
		if (!close) {
			sb_addf(&sb, "unterminated quote at %zu", char_pos(p, at));
			failf(p, &sb);
			return false;
		}
		*v = p->s + at + 1;
		*vlen = (size_t)(close - *v);
		p->pos = (size_t)(close - p->s) + 1;
	} else {
		size_t end = at;
		while (end < p->len && !is_space(p->s[end]))
			end++;
		*v = p->s + at;
		*vlen = end - at;
		p->pos = end;
	}
	if (!*vlen) {
		if (after_len)
			sb_addf(&sb, "missing value after '%.*s' at %zu", (int)after_len, after, char_pos(p, at));
		else
			sb_addf(&sb, "empty quotes at %zu", char_pos(p, at));
		failf(p, &sb);
		return false;
	}
	sb_free(&sb);
	return true;
}

static struct rv_search *literal(const char *v, size_t len)
{
	char *z = xstrndup(v, len);
	char err[64];
	struct rv_search *s = rv_search_compile(z, 0, err, sizeof(err));
	free(z);
	return s;
}

static bool parse_date(struct fparser *p, struct fterm *t, size_t at, size_t name_len)
{
	static const struct {
		const char *text;
		enum fdate_op op;
	} ops[] = {{"<=", FOP_LE}, {">=", FOP_GE}, {"<", FOP_LT}, {">", FOP_GT}, {"=", FOP_EQ}};
	size_t op_at = p->pos;
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++) {
		size_t n = strlen(ops[i].text);
		if (p->pos + n <= p->len && memcmp(p->s + p->pos, ops[i].text, n) == 0) {
			t->op = ops[i].op;
			p->pos += n;
			break;
		}
	}
	const char *v;
	size_t vlen;
	if (!read_value(p, p->s + at, name_len + 1 + (p->pos - op_at), &v, &vlen))
		return false;
	int32_t date;
	if (rv_date_parse(v, vlen, &date) != RV_DATE_OK) {
		struct strbuf sb;
		sb_init(&sb);
		sb_adds(&sb, "bad date ");
		diag_quote(&sb, v, vlen, 40);
		sb_addf(&sb, " after 'changed:' at %zu (expected YYYY, YYYY-MM or YYYY-MM-DD)", char_pos(p, at));
		failf(p, &sb);
		return false;
	}
	t->lo = date;
	t->hi = date % 100 ? date : date % 10000 ? date + 99 : date + 9999;
	return true;
}

static bool known_kind(const char *v, size_t len)
{
	for (size_t i = 0; kind_names[i]; i++)
		if (text_equal_nocase(v, len, kind_names[i], strlen(kind_names[i])))
			return true;
	return false;
}

static void unknown(struct fparser *p, const char *what, const char *v, size_t len, size_t at,
		    const char *const *names)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "unknown %s ", what);
	diag_quote(&sb, v, len, 40);
	sb_addf(&sb, " at %zu (%ss: ", char_pos(p, at), what);
	for (size_t i = 0; names[i]; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", names[i]);
	sb_addc(&sb, ')');
	failf(p, &sb);
}

static void parse_field(struct fparser *p, struct fterm *t, size_t at, size_t colon)
{
	const char *name = p->s + at;
	size_t nlen = colon - at;
	static const enum fterm_kind kinds[] = {F_AUTHOR, F_CHANGED, F_ITEM, F_KIND};
	long which = -1;
	for (size_t i = 0; field_names[i]; i++)
		if (text_equal_nocase(name, nlen, field_names[i], strlen(field_names[i])))
			which = (long)i;
	if (which < 0) {
		unknown(p, "field", name, nlen, at, field_names);
		return;
	}
	t->kind = kinds[which];
	p->pos = colon + 1;
	if (t->kind == F_CHANGED) {
		parse_date(p, t, at, nlen);
		return;
	}
	const char *v;
	size_t vlen;
	if (!read_value(p, name, nlen + 1, &v, &vlen))
		return;
	if (t->kind == F_AUTHOR) {
		t->s = literal(v, vlen);
	} else if (t->kind == F_KIND && !known_kind(v, vlen)) {
		unknown(p, "kind", v, vlen, at, kind_names);
	} else {
		t->value = xstrndup(v, vlen);
	}
}

static void parse_term(struct fparser *p, struct fterm *t)
{
	size_t start = p->pos;
	if (p->s[p->pos] == '-') {
		if (p->pos + 1 >= p->len || is_space(p->s[p->pos + 1])) {
			struct strbuf sb;
			sb_init(&sb);
			sb_addf(&sb, "missing term after '-' at %zu", char_pos(p, start));
			failf(p, &sb);
			return;
		}
		t->neg = true;
		p->pos++;
	}
	size_t at = p->pos, i = at;
	if (is_alpha(p->s[i])) {
		while (i < p->len && (is_alpha(p->s[i]) || p->s[i] == '_' || p->s[i] == '-'))
			i++;
		if (i < p->len && p->s[i] == ':') {
			parse_field(p, t, at, i);
			return;
		}
	}
	const char *v;
	size_t vlen;
	t->kind = F_WORD;
	if (read_value(p, "", 0, &v, &vlen))
		t->s = literal(v, vlen);
}

struct rv_activity_filter *rv_activity_filter_parse(const char *expr, char *err, size_t errsize)
{
	struct fparser p = {.s = expr ? expr : "", .err = err, .errsize = errsize};
	p.len = strlen(p.s);
	if (err && errsize)
		err[0] = '\0';
	struct rv_activity_filter *f = xcalloc(1, sizeof(*f));
	size_t cap = 0;
	for (;;) {
		while (p.pos < p.len && is_space(p.s[p.pos]))
			p.pos++;
		if (p.pos >= p.len || p.failed)
			break;
		if (f->n == cap) {
			cap = cap ? cap * 2 : 4;
			f->t = xreallocarray(f->t, cap, sizeof(*f->t));
		}
		struct fterm *t = &f->t[f->n++];
		memset(t, 0, sizeof(*t));
		parse_term(&p, t);
	}
	if (p.failed) {
		rv_activity_filter_free(f);
		return NULL;
	}
	return f;
}

/* ---- matching ---- */

static bool has(const struct rv_search *s, struct rv_text t)
{
	size_t off, len;
	return s && t.len && rv_search_next(s, t.ptr, t.len, 0, &off, &len);
}

static bool date_matches(const struct fterm *t, const struct rv_activity *e)
{
	if (e->undated || !e->when)
		return false;
	int32_t lo = (int32_t)(e->when / 1000000);
	int32_t hi = lo % 100 ? lo : lo % 10000 ? lo + 99 : lo + 9999;
	switch (t->op) {
	case FOP_EQ:
		return lo >= t->lo && hi <= t->hi;
	case FOP_LT:
		return hi < t->lo;
	case FOP_GT:
		return lo > t->hi;
	case FOP_LE:
		return hi <= t->hi;
	case FOP_GE:
		return lo >= t->lo;
	}
	return false;
}

static bool word_matches(const struct fterm *t, const struct rv_model *m, const struct rv_activity *e)
{
	if (has(t->s, rv_activity_author(m, e)) || has(t->s, rv_activity_rec_id(m, e)) ||
	    has(t->s, rv_activity_kind(m, e)) || has(t->s, rv_activity_old(m, e)) ||
	    has(t->s, rv_activity_new(m, e)) || has(t->s, rv_activity_note(m, e)))
		return true;
	struct strbuf item;
	sb_init(&item);
	rv_activity_item_name(m, e, &item);
	bool found = has(t->s, (struct rv_text){item.data, item.len});
	sb_free(&item);
	return found;
}

static bool term_matches(const struct fterm *t, const struct rv_model *m, const struct rv_activity *e)
{
	switch (t->kind) {
	case F_WORD:
		return word_matches(t, m, e);
	case F_AUTHOR:
		return has(t->s, rv_activity_author(m, e));
	case F_CHANGED:
		return date_matches(t, e);
	case F_ITEM: {
		struct rv_text id = rv_activity_rec_id(m, e);
		size_t n = strlen(t->value);
		return id.len >= n && text_equal_nocase(id.ptr, n, t->value, n);
	}
	case F_KIND: {
		struct rv_text k = rv_activity_kind(m, e);
		return text_equal_nocase(k.ptr, k.len, t->value, strlen(t->value));
	}
	}
	return false;
}

bool rv_activity_match(const struct rv_activity_filter *f, const struct rv_model *m, const struct rv_activity *e)
{
	if (!f)
		return true;
	for (size_t i = 0; i < f->n; i++)
		if (term_matches(&f->t[i], m, e) == f->t[i].neg)
			return false;
	return true;
}

/* ---- recview log ---- */

/* A sanitised field with no tab or line break left in it. */
static void add_field(struct strbuf *out, struct rv_text t)
{
	size_t from = out->len;
	text_sanitize(out, t.ptr, t.len, 0);
	for (size_t i = from; i < out->len; i++)
		if (out->data[i] == '\t' || out->data[i] == '\n' || out->data[i] == '\r')
			out->data[i] = ' ';
}

void rv_activity_line(const struct rv_model *m, const struct rv_activity *e, struct strbuf *out)
{
	char date[32];
	rv_activity_date(e, date, sizeof(date));
	sb_adds(out, date[0] ? date : "undated");
	sb_addc(out, '\t');
	add_field(out, rv_activity_author(m, e));
	sb_addc(out, '\t');
	add_field(out, rv_activity_rec_id(m, e));
	sb_addc(out, '\t');
	struct strbuf item;
	sb_init(&item);
	rv_activity_item_name(m, e, &item);
	add_field(out, (struct rv_text){item.data, item.len});
	sb_free(&item);
	sb_addc(out, '\t');
	add_field(out, rv_activity_kind(m, e));
	sb_addc(out, '\t');
	add_field(out, rv_activity_old(m, e));
	sb_addc(out, '\t');
	add_field(out, rv_activity_new(m, e));
	sb_addc(out, '\t');
	add_field(out, rv_activity_note(m, e));
}

bool rv_activity_filter_add(struct rv_activity_filter *f, const char *field, const char *value, char *err,
			    size_t errsize)
{
	/* "field:" then the value as one quoted-free token, parsed as a term of its own. */
	struct strbuf expr;
	sb_init(&expr);
	sb_addf(&expr, "%s:", field);
	size_t at = expr.len;
	sb_adds(&expr, value);
	struct fparser p = {.s = expr.data, .len = expr.len, .err = err, .errsize = errsize};
	if (err && errsize)
		err[0] = '\0';
	struct fterm t;
	memset(&t, 0, sizeof(t));
	if (!*value) {
		snprintf(err, errsize, "missing value after '%s:'", field);
		p.failed = true;
	} else if (strcmp(field, "changed") == 0) {
		t.kind = F_CHANGED;
		p.pos = at;
		parse_date(&p, &t, 0, at - 1);
	} else if (strcmp(field, "author") == 0) {
		t.kind = F_AUTHOR;
		t.s = literal(value, strlen(value));
	} else {
		parse_field(&p, &t, 0, at - 1);
	}
	sb_free(&expr);
	if (p.failed) {
		rv_search_free(t.s);
		free(t.value);
		return false;
	}
	f->t = xreallocarray(f->t, f->n + 1, sizeof(*f->t));
	f->t[f->n++] = t;
	return true;
}
