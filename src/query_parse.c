/*
 * query_parse.c - the filter language (query.h): a hand-written tokenizer and parser into a list of
 * ANDed terms (query_terms.h), and the names of the sort keys.
 *
 * Grammar (terms separated by white space):
 *   term   := ['-'] ( '"' phrase '"' | field ':' value | word )
 *   value  := '"' text '"' | bare            (changed:, due: take an operator first: = < > <= >=)
 * field:=value compares the whole value, field:~value its key (topic_key.h: case, blanks, dashes,
 * punctuation and plurals aside).
 * A field is a name that starts with a letter (letters, digits, '_', '-') followed by ':'; anything else
 * with a colon ("10:30") is a word. A quote starts a phrase only at the start of a term or of a value;
 * elsewhere it is an ordinary character, and a phrase runs to the next quote (there is no escape).
 */
#include "recview/query_terms.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/diag.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/text.h"
#include "recview/topic_key.h"
#include "recview/utf8.h"
#include "recview/vocab.h"

static const char *const has_names[HAS_COUNT] = {"deliverables", "questions", "history", "text", "priority", "open", "overdue", "notes"};

/*
 * The fields of each language, in the order they are listed to the user: a name, the term it makes
 * and the field it reads. Recommendations first; then the items of a list (query_items.h), whose
 * id: and review: are those of the recommendation an item belongs to.
 */
struct field_def {
	const char *name;
	enum term_kind kind;
	int field;
	bool alias; /* accepted, not listed */
};

static const struct field_def rec_fields[] = {
	{"id", T_CELL, REC_ID, false},         {"review", T_REVIEW, REC_REVIEW, false},
	{"number", T_CELL, REC_NUMBER, false}, {"topic", T_CELL, REC_TOPIC, false},
	{"title", T_CELL, REC_TITLE, false},   {"text", T_CELL, REC_TEXT, false},
	{"decision", T_DECISION, 0, false},    {"status", T_STATUS, 0, false},
	{"priority", T_PRIORITY, 0, false},    {"source", T_CELL, REC_SOURCE, false},
	{"briefing", T_BRIEFING, 0, false},    {"has", T_HAS, 0, false},
	{"changed", T_CHANGED, 0, false},      {"due", T_DUE, 0, false},
	{"question", T_QUESTION, 0, false},    {"owner", T_OWNER, 0, false},
	{"note", T_NOTE, 0, false},            {"responsible", T_OWNER, 0, true},
	{"assignee", T_OWNER, 0, true},        {NULL, T_WORD, 0, false},
};

static const struct field_def deliverable_fields[] = {
	{"id", T_CELL, DEL_REC_ID, false},        {"review", T_REVIEW, 0, false},
	{"text", T_CELL, DEL_DESCRIPTION, false}, {"owner", T_CELL, DEL_RESPONSIBLE, false},
	{"due", T_DUE, 0, false},                 {"status", T_STATUS, 0, false},
	{"source", T_CELL, DEL_SOURCE, false},    {"has", T_HAS, 0, false},
	{"description", T_CELL, DEL_DESCRIPTION, true}, {"responsible", T_CELL, DEL_RESPONSIBLE, true},
	{"assignee", T_CELL, DEL_RESPONSIBLE, true},    {NULL, T_WORD, 0, false},
};

static const struct field_def question_fields[] = {
	{"id", T_CELL, Q_REC_ID, false},        {"review", T_REVIEW, 0, false},
	{"qid", T_CELL, Q_QID, false},          {"briefing", T_CELL, Q_BRIEFING, false},
	{"text", T_CELL, Q_QUESTION, false},    {"answer", T_CELL, Q_ANSWER, false},
	{"status", T_QUESTION, 0, false},       {"asked", T_CELL, Q_ASKED, false},
	{"by", T_CELL, Q_ANSWERED_BY, false},   {"source", T_CELL, Q_SOURCE, false},
	{"has", T_HAS, 0, false},               {"question", T_CELL, Q_QUESTION, true},
	{"state", T_QUESTION, 0, true},         {NULL, T_WORD, 0, false},
};

static const struct field_def history_fields[] = {
	{"id", T_CELL, HIST_REC_ID, false},    {"review", T_REVIEW, 0, false},
	{"date", T_CHANGED, 0, false},         {"status", T_STATUS, 0, false},
	{"decision", T_DECISION, 0, false},    {"note", T_CELL, HIST_NOTE, false},
	{"source", T_CELL, HIST_SOURCE, false}, {"has", T_HAS, 0, false},
	{"changed", T_CHANGED, 0, true},       {"text", T_CELL, HIST_NOTE, true},
	{"author", T_CELL, HIST_SOURCE, true}, {NULL, T_WORD, 0, false},
};

static const struct field_def *fields_of(enum rv_kind kind)
{
	switch (kind) {
	case RV_DELIVERABLES:
		return deliverable_fields;
	case RV_QUESTIONS:
		return question_fields;
	case RV_HISTORY:
		return history_fields;
	default:
		return rec_fields;
	}
}

/* The listed names of each table, filled once (the tables never change). */
static const char *listed[4][24];

const char *const *rv_query_fields_of(enum rv_kind kind)
{
	int slot = kind == RV_DELIVERABLES ? 1 : kind == RV_QUESTIONS ? 2 : kind == RV_HISTORY ? 3 : 0;
	if (!listed[slot][0]) {
		size_t n = 0;
		for (const struct field_def *f = fields_of(kind); f->name && n + 1 < 24; f++)
			if (!f->alias)
				listed[slot][n++] = f->name;
	}
	return listed[slot];
}

const char *const *rv_query_fields(void)
{
	return rv_query_fields_of(RV_RECS);
}
/* ---- parsing ---- */

struct parser {
	const char *s;
	size_t len, pos;
	const struct rv_model *m;
	enum rv_kind kind; /* whose fields: RV_RECS or an item kind */
	char *err;
	size_t errsize;
	bool failed;
	struct rv_query *q;
	size_t cap;
};

/* 1-based character position of a byte offset. */
static size_t char_pos(const struct parser *p, size_t off)
{
	return utf8_count_chars(p->s, off) + 1;
}

static void fail(struct parser *p, struct strbuf *msg)
{
	if (!p->failed && p->err && p->errsize) {
		size_t n = msg->len < p->errsize - 1 ? msg->len : p->errsize - 1;
		memcpy(p->err, msg->data, n);
		p->err[n] = '\0';
	}
	p->failed = true;
	sb_free(msg);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_name_char(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static bool name_is(const char *s, size_t len, const char *name)
{
	if (strlen(name) != len)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[i])
			return false;
	}
	return true;
}

static struct term *add_term(struct parser *p, enum term_kind kind, bool neg)
{
	struct rv_query *q = p->q;
	if (q->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		q->terms = xreallocarray(q->terms, p->cap, sizeof(*q->terms));
	}
	struct term *t = &q->terms[q->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->neg = neg;
	return t;
}

/* The value as a smart-case literal (values are never empty: this does not fail). */
static struct rv_search *literal(const char *v, size_t len)
{
	char *z = xmalloc(len + 1);
	memcpy(z, v, len);
	z[len] = '\0';
	char err[64];
	struct rv_search *s = rv_search_compile(z, 0, err, sizeof(err));
	free(z);
	return s;
}

/* Reads a value at p->pos: a quoted string or a bare word. False (with an error) when it is missing. */
static bool read_value(struct parser *p, const char *after, size_t after_len, const char **v, size_t *vlen)
{
	size_t at = p->pos;
	if (at < p->len && p->s[at] == '"') {
		const char *close = memchr(p->s + at + 1, '"', p->len - at - 1);
		if (!close) {
			struct strbuf sb;
			sb_init(&sb);
			sb_addf(&sb, "unterminated quote at %zu", char_pos(p, at));
			fail(p, &sb);
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
	if (*vlen == 0) {
		struct strbuf sb;
		sb_init(&sb);
		sb_addf(&sb, "missing value after '%.*s' at %zu", (int)after_len, after, char_pos(p, at));
		fail(p, &sb);
		return false;
	}
	return true;
}

/* Which states of a vocabulary a value names: the spelling it is, else every name that contains it. */
static unsigned state_mask(const struct rv_search *s, const char *v, size_t len, bool status, bool exact)
{
	int parsed = status ? (int)rv_status_parse(v, len) : (int)rv_decision_parse(v, len);
	int unknown = status ? RV_STATUS_UNKNOWN : RV_DECISION_UNKNOWN;
	if (parsed != unknown && parsed != 0)
		return 1u << parsed;
	unsigned mask = 0;
	for (int st = 1; st <= unknown; st++) {
		const char *name = status ? rv_status_name((enum rv_status)st) : rv_decision_name((enum rv_decision)st);
		size_t off, mlen;
		if (exact ? name_is(v, len, name) : rv_search_next(s, name, strlen(name), 0, &off, &mlen))
			mask |= 1u << st;
	}
	return mask;
}

/*
 * Which question states a value names: the state it spells ("open", and its aliases, names the open
 * ones: open and follow-up), else every state whose name contains it ("follow", "ed").
 */
static unsigned question_mask(const struct rv_search *s, const char *v, size_t len, bool exact)
{
	enum rv_qstatus parsed = rv_qstatus_parse(v, len);
	if (parsed == RV_QSTATUS_OPEN)
		return 1u << RV_QSTATUS_OPEN | 1u << RV_QSTATUS_FOLLOW_UP;
	if (parsed != RV_QSTATUS_UNKNOWN && parsed != RV_QSTATUS_NONE)
		return 1u << parsed;
	unsigned mask = 0;
	for (int st = RV_QSTATUS_OPEN; st < RV_QSTATUS_UNKNOWN; st++) {
		const char *name = rv_qstatus_name((enum rv_qstatus)st);
		size_t off, mlen;
		if (exact ? name_is(v, len, name) : rv_search_next(s, name, strlen(name), 0, &off, &mlen))
			mask |= 1u << st;
	}
	return mask;
}

static bool parse_date_value(struct parser *p, struct term *t, const char *fname, size_t flen, size_t term_at)
{
	static const struct {
		const char *text;
		enum date_op op;
	} ops[] = {{"<=", OP_LE}, {">=", OP_GE}, {"<", OP_LT}, {">", OP_GT}, {"=", OP_EQ}};
	t->op = OP_EQ;
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
	/* "changed:" or "changed:>=" named in the message, as typed. */
	if (!read_value(p, fname, flen + (p->pos - op_at), &v, &vlen))
		return false;
	int32_t date;
	if (rv_date_parse(v, vlen, &date) != RV_DATE_OK) {
		struct strbuf sb;
		sb_init(&sb);
		sb_adds(&sb, "bad date ");
		diag_quote(&sb, v, vlen, 40);
		sb_addf(&sb, " after '%.*s' at %zu (expected YYYY, YYYY-MM or YYYY-MM-DD)", (int)flen, fname,
			char_pos(p, term_at));
		fail(p, &sb);
		return false;
	}
	t->lo = date;
	t->hi = date % 100 ? date : date % 10000 ? date + 99 : date + 9999;
	return true;
}

/* The extra column of the kind's file with this name (compared normalised), or -1. */
static long find_extra(const struct rv_model *m, enum rv_kind kind, const char *name, size_t len)
{
	if (!m)
		return -1;
	char want[128], have[128];
	if (len >= sizeof(want) || !rv_normalize_name(name, len, want, sizeof(want)))
		return -1;
	for (size_t k = 0; k < rv_extra_count(m, kind); k++) {
		struct rv_text h = rv_extra_name(m, kind, k);
		if (h.len < sizeof(have) && rv_normalize_name(h.ptr, h.len, have, sizeof(have)) &&
		    strcmp(want, have) == 0)
			return (long)k;
	}
	return -1;
}

static void unknown_field(struct parser *p, const char *name, size_t len, size_t at)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "unknown field ");
	diag_quote(&sb, name, len, 40);
	sb_addf(&sb, " at %zu (fields: ", char_pos(p, at));
	const char *const *names = rv_query_fields_of(p->kind);
	for (size_t i = 0; names[i]; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", names[i]);
	if (p->m) {
		for (size_t k = 0; k < rv_extra_count(p->m, p->kind); k++) {
			struct rv_text h = rv_extra_name(p->m, p->kind, k);
			if (h.len) {
				sb_adds(&sb, ", ");
				text_sanitize(&sb, h.ptr, h.len, 0);
			}
		}
	}
	sb_addc(&sb, ')');
	fail(p, &sb);
}

/* The field of the parser's language with this name, or NULL. */
static const struct field_def *find_field(const struct parser *p, const char *name, size_t len)
{
	for (const struct field_def *f = fields_of(p->kind); f->name; f++)
		if (name_is(name, len, f->name))
			return f;
	return NULL;
}

static void unknown_has(struct parser *p, const char *v, size_t vlen, size_t at)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "unknown value ");
	diag_quote(&sb, v, vlen, 40);
	sb_addf(&sb, " after 'has:' at %zu (known: ", char_pos(p, at));
	bool first = true;
	for (int i = 0; i < HAS_COUNT; i++) {
		if (p->kind == RV_RECS || (p->kind == RV_DELIVERABLES && (i == HAS_OPEN || i == HAS_OVERDUE))) {
			sb_addf(&sb, "%s%s", first ? "" : ", ", has_names[i]);
			first = false;
		}
	}
	sb_addf(&sb, "%sor any field)", first ? "" : ", ");
	fail(p, &sb);
}

/* has:deliverables (the words of has_names), else has:FIELD: any field of the language has a value. */
static void parse_has(struct parser *p, bool neg, const char *v, size_t vlen, size_t at)
{
	for (int i = 0; i < HAS_COUNT; i++) {
		bool known = p->kind == RV_RECS || (p->kind == RV_DELIVERABLES && (i == HAS_OPEN || i == HAS_OVERDUE));
		if (known && name_is(v, vlen, has_names[i])) {
			add_term(p, T_HAS, neg)->field = i;
			return;
		}
	}
	const struct field_def *f = find_field(p, v, vlen);
	long extra = f ? -1 : find_extra(p->m, p->kind, v, vlen);
	if ((!f || f->kind == T_HAS) && extra < 0) {
		unknown_has(p, v, vlen, at);
		return;
	}
	struct term *t = add_term(p, T_HAS_FIELD, neg);
	t->sub = f ? f->kind : T_EXTRA;
	t->field = f ? f->field : 0;
	t->extra = extra >= 0 ? (size_t)extra : 0;
}

/* The value of a text term, kept as typed for exact matching and compiled for substring matching. */
static void set_value(struct term *t, const char *v, size_t vlen)
{
	t->s = literal(v, vlen);
	t->value = xstrndup(v, vlen);
	t->vlen = vlen;
}

/* field:~value: matched by key, so the value is kept as its key. */
static void set_key_value(struct term *t, const char *v, size_t vlen)
{
	struct strbuf sb;
	sb_init(&sb);
	rv_topic_key(v, vlen, &sb);
	free(t->value);
	t->vlen = sb.len;
	t->value = sb_detach(&sb);
	sb_free(&sb);
	t->same_key = true;
}

static void parse_field_term(struct parser *p, bool neg, size_t at, size_t colon)
{
	const char *name = p->s + at;
	size_t nlen = colon - at;
	const char *after = name;
	size_t after_len = nlen + 1; /* "status:" */
	p->pos = colon + 1;

	const struct field_def *f = find_field(p, name, nlen);
	long extra = f ? -1 : find_extra(p->m, p->kind, name, nlen);
	if (!f && extra < 0) {
		unknown_field(p, name, nlen, at);
		return;
	}
	if (f && (f->kind == T_CHANGED || f->kind == T_DUE)) {
		struct term *t = add_term(p, f->kind, neg);
		parse_date_value(p, t, after, after_len, at);
		return;
	}
	/* field:=value matches the whole value only ("review:=SSR1" is not SSR10). */
	bool exact = p->pos < p->len && p->s[p->pos] == '=';
	/* field:~value: the same spelling but for case, blanks, dashes, punctuation and plurals. */
	bool same_key = !exact && p->pos < p->len && p->s[p->pos] == '~';
	if (exact || same_key) {
		p->pos++;
		after_len++;
	}
	const char *v;
	size_t vlen;
	if (!read_value(p, after, after_len, &v, &vlen))
		return;
	if (extra >= 0) {
		struct term *t = add_term(p, T_EXTRA, neg);
		t->extra = (size_t)extra;
		t->exact = exact;
		set_value(t, v, vlen);
		if (same_key)
			set_key_value(t, v, vlen);
		return;
	}
	enum term_kind k = f->kind;
	if (k == T_HAS) {
		parse_has(p, neg, v, vlen, at);
		return;
	}
	struct term *t = add_term(p, k, neg);
	t->field = f->field;
	t->exact = exact;
	set_value(t, v, vlen);
	if (same_key && k == T_CELL)
		set_key_value(t, v, vlen);
	/* status:none, decision:none, priority:none, question:none: no value recorded. */
	if ((k == T_STATUS || k == T_DECISION || k == T_PRIORITY || k == T_QUESTION) && name_is(v, vlen, "none")) {
		t->none = true;
		t->states = 1u; /* bit 0: the NONE value of each vocabulary */
		return;
	}
	if (k == T_STATUS || k == T_DECISION) {
		t->states = state_mask(t->s, v, vlen, k == T_STATUS, exact);
	} else if (k == T_QUESTION) {
		t->states = question_mask(t->s, v, vlen, exact);
	} else if (k == T_PRIORITY) {
		int pr = rv_priority_parse(v, vlen);
		t->priority = pr > 0 ? pr : 0;
	}
}

static void parse_term(struct parser *p)
{
	size_t start = p->pos;
	bool neg = false;
	if (p->s[p->pos] == '-') {
		if (p->pos + 1 >= p->len || is_space(p->s[p->pos + 1])) {
			struct strbuf sb;
			sb_init(&sb);
			sb_addf(&sb, "missing term after '-' at %zu", char_pos(p, start));
			fail(p, &sb);
			return;
		}
		neg = true;
		p->pos++;
	}
	size_t at = p->pos;
	if (p->s[at] == '"') {
		const char *v;
		size_t vlen;
		const char *close = memchr(p->s + at + 1, '"', p->len - at - 1);
		if (close && close == p->s + at + 1) {
			struct strbuf sb;
			sb_init(&sb);
			sb_addf(&sb, "empty quotes at %zu", char_pos(p, at));
			fail(p, &sb);
			return;
		}
		if (!read_value(p, "", 0, &v, &vlen))
			return;
		add_term(p, T_WORD, neg)->s = literal(v, vlen);
		return;
	}
	/* field:value when the word starts with a name and a colon. */
	size_t i = at;
	if (is_alpha(p->s[i])) {
		while (i < p->len && is_name_char(p->s[i]))
			i++;
		if (i < p->len && p->s[i] == ':') {
			parse_field_term(p, neg, at, i);
			return;
		}
	}
	size_t end = at;
	while (end < p->len && !is_space(p->s[end]))
		end++;
	add_term(p, T_WORD, neg)->s = literal(p->s + at, end - at);
	p->pos = end;
}

static struct rv_query *parse(const char *expr, const struct rv_model *m, enum rv_kind kind, char *err,
			      size_t errsize)
{
	struct parser p = {.s = expr ? expr : "", .m = m, .kind = kind, .err = err, .errsize = errsize};
	p.len = strlen(p.s);
	p.q = xcalloc(1, sizeof(*p.q));
	p.q->kind = kind;
	if (err && errsize)
		err[0] = '\0';
	for (;;) {
		while (p.pos < p.len && is_space(p.s[p.pos]))
			p.pos++;
		if (p.pos >= p.len || p.failed)
			break;
		parse_term(&p);
	}
	if (p.failed) {
		rv_query_free(p.q);
		return NULL;
	}
	return p.q;
}

struct rv_query *rv_query_parse(const char *expr, char *err, size_t errsize)
{
	return parse(expr, NULL, RV_RECS, err, errsize);
}

struct rv_query *rv_query_parse_model(const char *expr, const struct rv_model *m, char *err, size_t errsize)
{
	return parse(expr, m, RV_RECS, err, errsize);
}

struct rv_query *rv_query_parse_kind(const char *expr, const struct rv_model *m, enum rv_kind kind, char *err,
				     size_t errsize)
{
	return parse(expr, m, kind, err, errsize);
}

bool rv_query_add_value(struct strbuf *out, const char *v, size_t len)
{
	bool blank = false, quote = false;
	for (size_t i = 0; i < len; i++) {
		blank |= is_space(v[i]);
		quote |= v[i] == '"';
	}
	if (blank && quote)
		return false;
	if (blank || (len && v[0] == '"' && !quote)) {
		sb_addc(out, '"');
		sb_add(out, v, len);
		sb_addc(out, '"');
	} else {
		sb_add(out, v, len);
	}
	return true;
}

void rv_query_free(struct rv_query *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->n; i++) {
		rv_search_free(q->terms[i].s);
		free(q->terms[i].value);
	}
	free(q->terms);
	free(q);
}
/* ---- sort keys ---- */

static const char *const sort_names[RV_SORT_COUNT] = {
	"id", "status", "decision", "priority", "topic", "changed", "deliverables", "questions",
};

bool rv_sort_parse(const char *name, enum rv_sort_key *key, bool *reverse)
{
	bool rev = false;
	if (!name)
		return false;
	if (name[0] == '-') {
		rev = true;
		name++;
	}
	for (int k = 0; k < RV_SORT_COUNT; k++) {
		if (name_is(name, strlen(name), sort_names[k])) {
			*key = (enum rv_sort_key)k;
			*reverse = rev;
			return true;
		}
	}
	return false;
}

const char *rv_sort_name(enum rv_sort_key key)
{
	return (unsigned)key < RV_SORT_COUNT ? sort_names[key] : "id";
}
