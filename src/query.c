/*
 * query.c - the filter language: a hand-written tokenizer and parser into a list of ANDed terms, the
 * matching of a term against one recommendation, sorting, and the lines of --list.
 *
 * Grammar (terms separated by white space):
 *   term   := ['-'] ( '"' phrase '"' | field ':' value | word )
 *   value  := '"' text '"' | bare            (changed:, due: take an operator first: = < > <= >=)
 * A field is a name that starts with a letter (letters, digits, '_', '-') followed by ':'; anything else
 * with a colon ("10:30") is a word. A quote starts a phrase only at the start of a term or of a value;
 * elsewhere it is an ordinary character, and a phrase runs to the next quote (there is no escape).
 */
#include "recview/query.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/diag.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/search.h"
#include "recview/text.h"
#include "recview/utf8.h"
#include "recview/vocab.h"

enum term_kind {
	T_WORD,     /* free word or phrase: any text of the recommendation */
	T_CELL,     /* a known text field of the recommendation (field) */
	T_REVIEW,   /* the review column, else the id up to its last '-' */
	T_EXTRA,    /* an extra column of recommendations.csv (extra) */
	T_STATUS,   /* current status */
	T_DECISION, /* current decision */
	T_PRIORITY,
	T_BRIEFING, /* any question's briefing */
	T_HAS,
	T_CHANGED,  /* last change date */
	T_DUE,      /* due date of any open deliverable */
};

enum has_what { HAS_DELIVERABLES, HAS_QUESTIONS, HAS_HISTORY, HAS_TEXT, HAS_PRIORITY, HAS_OPEN, HAS_COUNT };
static const char *const has_names[HAS_COUNT] = {"deliverables", "questions", "history", "text", "priority", "open"};

enum date_op { OP_EQ, OP_LT, OP_GT, OP_LE, OP_GE };

struct term {
	enum term_kind kind;
	bool neg;
	int field;              /* T_CELL: REC_*; T_HAS: enum has_what */
	size_t extra;           /* T_EXTRA: extra column number */
	struct rv_search *s;    /* the value as a smart-case literal (text fields, unknown states) */
	unsigned states;        /* T_STATUS / T_DECISION: bit per enum value that matches */
	int priority;           /* T_PRIORITY: 1..4, or 0 to match the raw cell with s */
	enum date_op op;        /* T_CHANGED / T_DUE */
	int32_t lo, hi;         /* the date's extent: missing month/day as 00 (lo) and 99 (hi) */
};

struct rv_query {
	struct term *terms;
	size_t n;
};

/* The fields of the language, in the order they are listed to the user. */
static const char *const field_names[] = {
	"id",     "review", "number",   "topic", "title",   "text", "decision", "status",
	"priority", "source", "briefing", "has", "changed", "due",  NULL,
};

const char *const *rv_query_fields(void)
{
	return field_names;
}

/* ---- parsing ---- */

struct parser {
	const char *s;
	size_t len, pos;
	const struct rv_model *m;
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
static unsigned state_mask(const struct rv_search *s, const char *v, size_t len, bool status)
{
	int parsed = status ? (int)rv_status_parse(v, len) : (int)rv_decision_parse(v, len);
	int unknown = status ? RV_STATUS_UNKNOWN : RV_DECISION_UNKNOWN;
	if (parsed != unknown && parsed != 0)
		return 1u << parsed;
	unsigned mask = 0;
	for (int st = 1; st <= unknown; st++) {
		const char *name = status ? rv_status_name((enum rv_status)st) : rv_decision_name((enum rv_decision)st);
		size_t off, mlen;
		if (rv_search_next(s, name, strlen(name), 0, &off, &mlen))
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

/* The extra column of recommendations.csv with this name (compared normalised), or -1. */
static long find_extra(const struct rv_model *m, const char *name, size_t len)
{
	if (!m)
		return -1;
	char want[128], have[128];
	if (len >= sizeof(want) || !rv_normalize_name(name, len, want, sizeof(want)))
		return -1;
	for (size_t k = 0; k < rv_extra_count(m, RV_RECS); k++) {
		struct rv_text h = rv_extra_name(m, RV_RECS, k);
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
	for (size_t i = 0; field_names[i]; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", field_names[i]);
	if (p->m) {
		for (size_t k = 0; k < rv_extra_count(p->m, RV_RECS); k++) {
			struct rv_text h = rv_extra_name(p->m, RV_RECS, k);
			if (h.len) {
				sb_adds(&sb, ", ");
				text_sanitize(&sb, h.ptr, h.len, 0);
			}
		}
	}
	sb_addc(&sb, ')');
	fail(p, &sb);
}

static void parse_field_term(struct parser *p, bool neg, size_t at, size_t colon)
{
	const char *name = p->s + at;
	size_t nlen = colon - at;
	const char *after = name;
	size_t after_len = nlen + 1; /* "status:" */
	p->pos = colon + 1;

	static const struct {
		const char *name;
		enum term_kind kind;
		int field;
	} known[] = {
		{"id", T_CELL, REC_ID},         {"review", T_REVIEW, REC_REVIEW}, {"number", T_CELL, REC_NUMBER},
		{"topic", T_CELL, REC_TOPIC},   {"title", T_CELL, REC_TITLE},     {"text", T_CELL, REC_TEXT},
		{"decision", T_DECISION, 0},    {"status", T_STATUS, 0},          {"priority", T_PRIORITY, 0},
		{"source", T_CELL, REC_SOURCE}, {"briefing", T_BRIEFING, 0},      {"has", T_HAS, 0},
		{"changed", T_CHANGED, 0},      {"due", T_DUE, 0},
	};
	long kind = -1;
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (name_is(name, nlen, known[i].name))
			kind = (long)i;
	long extra = kind < 0 ? find_extra(p->m, name, nlen) : -1;
	if (kind < 0 && extra < 0) {
		unknown_field(p, name, nlen, at);
		return;
	}
	if (kind >= 0 && (known[kind].kind == T_CHANGED || known[kind].kind == T_DUE)) {
		struct term *t = add_term(p, known[kind].kind, neg);
		parse_date_value(p, t, after, after_len, at);
		return;
	}
	const char *v;
	size_t vlen;
	if (!read_value(p, after, after_len, &v, &vlen))
		return;
	if (extra >= 0) {
		struct term *t = add_term(p, T_EXTRA, neg);
		t->extra = (size_t)extra;
		t->s = literal(v, vlen);
		return;
	}
	enum term_kind k = known[kind].kind;
	if (k == T_HAS) {
		int what = -1;
		for (int i = 0; i < HAS_COUNT; i++)
			if (name_is(v, vlen, has_names[i]))
				what = i;
		if (what < 0) {
			struct strbuf sb;
			sb_init(&sb);
			sb_adds(&sb, "unknown value ");
			diag_quote(&sb, v, vlen, 40);
			sb_addf(&sb, " after 'has:' at %zu (known: ", char_pos(p, at));
			for (int i = 0; i < HAS_COUNT; i++)
				sb_addf(&sb, "%s%s", i ? ", " : "", has_names[i]);
			sb_addc(&sb, ')');
			fail(p, &sb);
			return;
		}
		add_term(p, T_HAS, neg)->field = what;
		return;
	}
	struct term *t = add_term(p, k, neg);
	t->field = known[kind].field;
	t->s = literal(v, vlen);
	if (k == T_STATUS || k == T_DECISION) {
		t->states = state_mask(t->s, v, vlen, k == T_STATUS);
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

static struct rv_query *parse(const char *expr, const struct rv_model *m, char *err, size_t errsize)
{
	struct parser p = {.s = expr ? expr : "", .m = m, .err = err, .errsize = errsize};
	p.len = strlen(p.s);
	p.q = xcalloc(1, sizeof(*p.q));
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
	return parse(expr, NULL, err, errsize);
}

struct rv_query *rv_query_parse_model(const char *expr, const struct rv_model *m, char *err, size_t errsize)
{
	return parse(expr, m, err, errsize);
}

void rv_query_free(struct rv_query *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->n; i++)
		rv_search_free(q->terms[i].s);
	free(q->terms);
	free(q);
}

/* ---- matching ---- */

static bool cell_has(const struct rv_search *s, struct rv_text c)
{
	size_t off, len;
	return c.len && rv_search_next(s, c.ptr, c.len, 0, &off, &len);
}

/*
 * The text a state was read from on as_of: the recommendation's column when it has a value (and the
 * history never dates one), else the latest history entry by then that has one.
 */
static struct rv_text state_text(const struct rv_model *m, size_t rec, bool status, int32_t as_of)
{
	const struct rv_rec *r = &m->recs[rec];
	int rec_field = status ? REC_STATUS : REC_DECISION;
	if (as_of == RV_DATE_NONE && (status ? r->status != RV_STATUS_NONE : r->decision != RV_DECISION_NONE))
		return rv_rec_field(m, rec, rec_field);
	for (size_t k = rv_rec_child_count(m, rec, RV_HISTORY); k > 0; k--) {
		size_t h = rv_rec_child_index(m, rec, RV_HISTORY, k - 1);
		const struct rv_child *c = rv_child_at(m, RV_HISTORY, h);
		if ((status ? c->status != RV_STATUS_NONE : c->decision != RV_DECISION_NONE) &&
		    (as_of == RV_DATE_NONE || c->date <= as_of))
			return rv_child_role(m, RV_HISTORY, h, status ? RV_ROLE_STATUS : RV_ROLE_DECISION);
	}
	return rv_rec_field(m, rec, rec_field);
}

static bool date_matches(const struct term *t, int32_t date)
{
	if (date == RV_DATE_NONE)
		return false;
	int32_t lo = date, hi = date % 100 ? date : date % 10000 ? date + 99 : date + 9999;
	switch (t->op) {
	case OP_EQ:
		return lo >= t->lo && hi <= t->hi;
	case OP_LT:
		return hi < t->lo;
	case OP_GT:
		return lo > t->hi;
	case OP_LE:
		return hi <= t->hi;
	case OP_GE:
		return lo >= t->lo;
	}
	return false;
}

/* Per-term answers computed for every recommendation at once (see prepare), or NULL. */
static bool term_matches(const struct term *t, const struct rv_model *m, size_t rec, int32_t as_of,
			 const uint8_t *known)
{
	if (known)
		return known[rec];
	const struct rv_rec *r = &m->recs[rec];
	enum rv_status status = rv_rec_status(m, rec, as_of);
	enum rv_decision decision = rv_rec_decision(m, rec, as_of);
	switch (t->kind) {
	case T_WORD: {
		static const int fields[] = {REC_ID, REC_TITLE, REC_TOPIC, REC_TEXT, REC_NUMBER, REC_REVIEW};
		for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
			if (cell_has(t->s, rv_rec_field(m, rec, fields[i])))
				return true;
		for (size_t k = 0; k < rv_extra_count(m, RV_RECS); k++)
			if (cell_has(t->s, rv_rec_extra(m, rec, k)))
				return true;
		return false;
	}
	case T_CELL:
		return cell_has(t->s, rv_rec_field(m, rec, t->field));
	case T_REVIEW:
		return cell_has(t->s, rv_rec_review_of(m, rec));
	case T_EXTRA:
		return cell_has(t->s, rv_rec_extra(m, rec, t->extra));
	case T_STATUS:
		if (t->states & (1u << status))
			return true;
		return status == RV_STATUS_UNKNOWN && cell_has(t->s, state_text(m, rec, true, as_of));
	case T_DECISION:
		if (t->states & (1u << decision))
			return true;
		return decision == RV_DECISION_UNKNOWN && cell_has(t->s, state_text(m, rec, false, as_of));
	case T_PRIORITY:
		if (t->priority)
			return r->priority == t->priority;
		return cell_has(t->s, rv_rec_field(m, rec, REC_PRIORITY));
	case T_BRIEFING:
		for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++)
			if (cell_has(t->s, rv_child_field(m, RV_QUESTIONS, rv_rec_child_index(m, rec, RV_QUESTIONS, k), Q_BRIEFING)))
				return true;
		return false;
	case T_HAS:
		switch ((enum has_what)t->field) {
		case HAS_DELIVERABLES:
			return r->count[RV_DELIVERABLES] > 0;
		case HAS_QUESTIONS:
			return r->count[RV_QUESTIONS] > 0;
		case HAS_HISTORY:
			return r->count[RV_HISTORY] > 0;
		case HAS_TEXT:
			return rv_rec_field(m, rec, REC_TEXT).len > 0;
		case HAS_PRIORITY:
			return r->priority != 0;
		case HAS_OPEN:
			return r->deliverables_done < r->count[RV_DELIVERABLES];
		case HAS_COUNT:
			break;
		}
		return false;
	case T_CHANGED:
		return date_matches(t, rv_rec_last_change(m, rec, as_of));
	case T_DUE:
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++) {
			const struct rv_child *d = rv_rec_child(m, rec, RV_DELIVERABLES, k);
			if (d->status != RV_STATUS_COMPLETE && date_matches(t, d->date))
				return true;
		}
		return false;
	}
	return false;
}

bool rv_query_match(const struct rv_query *q, const struct rv_model *m, size_t rec)
{
	if (!q)
		return true;
	for (size_t i = 0; i < q->n; i++)
		if (term_matches(&q->terms[i], m, rec, RV_DATE_NONE, NULL) == q->terms[i].neg)
			return false;
	return true;
}

/*
 * briefing: looks at questions. For a whole selection it is faster to read the questions once in file
 * order and mark their recommendations than to visit each recommendation's questions.
 */
static uint8_t *prepare(const struct term *t, const struct rv_model *m)
{
	if (t->kind != T_BRIEFING)
		return NULL;
	uint8_t *known = xcalloc(m->nrecs + 1, 1);
	size_t n = m->nchildren[RV_QUESTIONS];
	for (size_t i = 0; i < n; i++) {
		const struct rv_child *c = &m->children[RV_QUESTIONS][i];
#ifdef __GNUC__
		/* The cells are far apart in the file: ask for one a few rows ahead while this one is read. */
		if (i + 16 < n)
			__builtin_prefetch(rv_child_field(m, RV_QUESTIONS, i + 16, Q_BRIEFING).ptr);
#endif
		if (c->rec >= 0 && !known[c->rec] && cell_has(t->s, rv_child_field(m, RV_QUESTIONS, i, Q_BRIEFING)))
			known[c->rec] = 1;
	}
	return known;
}

/* ---- sorting ---- */

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

struct sort_ctx {
	const struct rv_model *m;
	enum rv_sort_key key;
	bool reverse;
	uint64_t *keys;          /* numeric keys by rec index (all keys but topic) */
	int32_t as_of;
	struct rv_text *topics;  /* topic texts by rec index */
};

#define EMPTY_KEY UINT64_MAX

/* A key that sorts ascending: empty values get EMPTY_KEY. */
static uint64_t numeric_key(const struct rv_model *m, enum rv_sort_key key, size_t rec, int32_t as_of)
{
	const struct rv_rec *r = &m->recs[rec];
	switch (key) {
	case RV_SORT_STATUS: {
		/* not started < planning < progress < behind < complete < unknown; none last */
		enum rv_status st = rv_rec_status(m, rec, as_of);
		return st == RV_STATUS_NONE ? EMPTY_KEY : (uint64_t)st;
	}
	case RV_SORT_DECISION: {
		enum rv_decision d = rv_rec_decision(m, rec, as_of);
		return d == RV_DECISION_NONE ? EMPTY_KEY : (uint64_t)d;
	}
	case RV_SORT_PRIORITY:
		/* P1..P4, then a value outside the vocabulary; none last */
		return r->priority == 0 ? EMPTY_KEY : r->priority < 0 ? 5 : (uint64_t)r->priority;
	case RV_SORT_CHANGED:
	{
		int32_t changed = rv_rec_last_change(m, rec, as_of);
		return changed == RV_DATE_NONE ? EMPTY_KEY : (uint64_t)changed;
	}
	case RV_SORT_DELIVERABLES: {
		/* share done (to 1/2^20), then how many; none last */
		uint64_t total = r->count[RV_DELIVERABLES];
		if (!total)
			return EMPTY_KEY;
		uint64_t ratio = ((uint64_t)r->deliverables_done << 20) / total;
		return ratio << 32 | total;
	}
	case RV_SORT_QUESTIONS:
		return r->count[RV_QUESTIONS];
	case RV_SORT_ID:
	case RV_SORT_TOPIC:
	case RV_SORT_COUNT:
		break;
	}
	return rec;
}

/* Text order without ASCII case, then bytes; empty last. */
static int compare_text(struct rv_text a, struct rv_text b)
{
	if (!a.len || !b.len)
		return (a.len == 0) - (b.len == 0);
	size_t n = a.len < b.len ? a.len : b.len;
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a.ptr[i], y = (unsigned char)b.ptr[i];
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return x < y ? -1 : 1;
	}
	if (a.len != b.len)
		return a.len < b.len ? -1 : 1;
	int c = memcmp(a.ptr, b.ptr, a.len);
	return c < 0 ? -1 : c > 0;
}

/* Key order (reversed with -key), then id order: a total order, so the sort is stable by design. */
static int compare(const struct sort_ctx *c, uint32_t a, uint32_t b)
{
	int r = 0;
	if (c->key == RV_SORT_TOPIC)
		r = compare_text(c->topics[a], c->topics[b]);
	else if (c->key != RV_SORT_ID)
		r = c->keys[a] < c->keys[b] ? -1 : c->keys[a] > c->keys[b];
	if (c->reverse)
		r = -r;
	if (r)
		return r;
	return a < b ? -1 : a > b;
}

static void merge_sort(const struct sort_ctx *c, uint32_t *v, uint32_t *tmp, size_t n)
{
	if (n < 2)
		return;
	if (n <= 16) {
		for (size_t i = 1; i < n; i++) {
			uint32_t x = v[i];
			size_t j = i;
			while (j > 0 && compare(c, v[j - 1], x) > 0) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
		return;
	}
	size_t h = n / 2;
	merge_sort(c, v, tmp, h);
	merge_sort(c, v + h, tmp, n - h);
	if (compare(c, v[h - 1], v[h]) <= 0)
		return;
	memcpy(tmp, v, h * sizeof(*v));
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		v[k++] = compare(c, v[j], tmp[i]) < 0 ? v[j++] : tmp[i++];
	while (i < h)
		v[k++] = tmp[i++];
}

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/*
 * Topics repeat: each distinct topic is sorted once and its rank becomes the key of every
 * recommendation that has it (an empty topic gets EMPTY_KEY).
 */
static void topic_keys(const struct rv_model *m, const uint32_t *recs, size_t n, uint64_t *keys)
{
	size_t size = 16;
	while (size < n * 2)
		size *= 2;
	uint32_t *slots = xcalloc(size, sizeof(*slots)); /* rec + 1 of the first with that topic */
	uint32_t *uniq = xmalloc((n + 1) * sizeof(*uniq));
	uint32_t *first = xmalloc((n + 1) * sizeof(*first));
	struct rv_text *topics = xmalloc((m->nrecs + 1) * sizeof(*topics));
	size_t nu = 0;
	for (size_t i = 0; i < n; i++) {
		struct rv_text c = topics[recs[i]] = rv_rec_field(m, recs[i], REC_TOPIC);
		size_t at = hash_bytes(c.ptr, c.len) & (size - 1);
		for (;; at = (at + 1) & (size - 1)) {
			if (!slots[at]) {
				slots[at] = recs[i] + 1;
				uniq[nu++] = recs[i];
				break;
			}
			struct rv_text o = topics[slots[at] - 1];
			if (o.len == c.len && memcmp(o.ptr, c.ptr, c.len) == 0)
				break;
		}
		first[i] = slots[at] - 1;
	}
	struct sort_ctx tc = {.m = m, .key = RV_SORT_TOPIC, .topics = topics};
	uint32_t *tmp = xmalloc((nu / 2 + 1) * sizeof(*tmp));
	merge_sort(&tc, uniq, tmp, nu);
	for (size_t j = 0; j < nu; j++)
		keys[uniq[j]] = topics[uniq[j]].len ? j : EMPTY_KEY;
	for (size_t i = 0; i < n; i++)
		keys[recs[i]] = keys[first[i]];
	free(tmp);
	free(topics);
	free(first);
	free(uniq);
	free(slots);
}

size_t rv_query_select(const struct rv_model *m, const struct rv_query *q, enum rv_sort_key key, bool reverse,
		       uint32_t *out)
{
	return rv_query_select_as_of(m, q, RV_DATE_NONE, key, reverse, out);
}

size_t rv_query_select_as_of(const struct rv_model *m, const struct rv_query *q, int32_t as_of, enum rv_sort_key key,
			     bool reverse, uint32_t *out)
{
	size_t n = 0, nterms = q ? q->n : 0;
	uint8_t **known = xcalloc(nterms + 1, sizeof(*known));
	for (size_t k = 0; k < nterms; k++)
		known[k] = prepare(&q->terms[k], m);
	for (size_t i = 0; i < m->nrecs; i++) {
		size_t k = 0;
		while (k < nterms && term_matches(&q->terms[k], m, i, as_of, known[k]) != q->terms[k].neg)
			k++;
		if (k == nterms)
			out[n++] = (uint32_t)i;
	}
	for (size_t k = 0; k < nterms; k++)
		free(known[k]);
	free(known);
	if (n < 2 || (key == RV_SORT_ID && !reverse))
		return n; /* recommendations are kept in id order */
	if (key == RV_SORT_ID) {
		for (size_t i = 0, j = n - 1; i < j; i++, j--) {
			uint32_t x = out[i];
			out[i] = out[j];
			out[j] = x;
		}
		return n;
	}
	struct sort_ctx c = {.m = m, .key = (unsigned)key < RV_SORT_COUNT ? key : RV_SORT_ID, .reverse = reverse,
			     .as_of = as_of};
	c.keys = xmalloc((m->nrecs + 1) * sizeof(*c.keys));
	if (c.key == RV_SORT_TOPIC) {
		topic_keys(m, out, n, c.keys);
		c.key = RV_SORT_STATUS; /* any numeric key: compare() reads keys[] */
	} else {
		for (size_t i = 0; i < n; i++)
			c.keys[out[i]] = numeric_key(m, c.key, out[i], as_of);
	}
	uint32_t *tmp = xmalloc((n / 2 + 1) * sizeof(*tmp));
	merge_sort(&c, out, tmp, n);
	free(tmp);
	free(c.keys);
	return n;
}

/* ---- --list ---- */

/* Appends a sanitised field with no tab or line break left in it. */
static void add_field(struct strbuf *out, const char *s, size_t len)
{
	size_t from = out->len;
	text_sanitize(out, s, len, 0);
	for (size_t i = from; i < out->len; i++)
		if (out->data[i] == '\t' || out->data[i] == '\n' || out->data[i] == '\r')
			out->data[i] = ' ';
}

static void add_cell(struct strbuf *out, struct rv_text c)
{
	add_field(out, c.ptr, c.len);
}

void rv_list_line(const struct rv_model *m, size_t rec, struct strbuf *out)
{
	const struct rv_rec *r = &m->recs[rec];
	char buf[32];
	add_cell(out, rv_rec_id(m, rec));
	sb_addc(out, '\t');
	add_cell(out, rv_rec_review_of(m, rec));
	sb_addc(out, '\t');
	enum rv_decision decision = rv_rec_decision(m, rec, RV_DATE_NONE);
	enum rv_status status = rv_rec_status(m, rec, RV_DATE_NONE);
	if (decision == RV_DECISION_UNKNOWN)
		add_cell(out, state_text(m, rec, false, RV_DATE_NONE));
	else
		sb_adds(out, rv_decision_name(decision));
	sb_addc(out, '\t');
	if (status == RV_STATUS_UNKNOWN)
		add_cell(out, state_text(m, rec, true, RV_DATE_NONE));
	else
		sb_adds(out, rv_status_name(status));
	sb_addc(out, '\t');
	if (r->priority > 0)
		sb_addf(out, "P%d", r->priority);
	else if (r->priority < 0)
		add_cell(out, rv_rec_field(m, rec, REC_PRIORITY));
	sb_addc(out, '\t');
	rv_date_format(rv_rec_last_change(m, rec, RV_DATE_NONE), buf, sizeof(buf));
	sb_adds(out, buf);
	sb_addf(out, "\t%u/%u\t%u\t", r->deliverables_done, r->count[RV_DELIVERABLES], r->count[RV_QUESTIONS]);
	struct rv_text title = rv_rec_field(m, rec, REC_TITLE);
	if (title.len) {
		add_cell(out, title);
	} else {
		struct rv_text text = rv_rec_field(m, rec, REC_TEXT);
		size_t n = 0;
		while (n < text.len && text.ptr[n] != '\n' && text.ptr[n] != '\r')
			n++;
		add_field(out, text.ptr, n);
	}
}
