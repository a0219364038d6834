/*
 * query.c - evaluating a filter (query.h, its terms in query_terms.h): the matching of a term against
 * one recommendation, selecting and sorting, and the lines of --list.
 */
#include "recview/query_terms.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/as_of_later.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/model.h"
#include "recview/text.h"
#include "recview/topic_key.h"
#include "recview/vocab.h"

/* ---- matching ---- */

static bool cell_has(const struct rv_search *s, struct rv_text c)
{
	size_t off, len;
	return c.len && rv_search_next(s, c.ptr, c.len, 0, &off, &len);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The whole cell (blanks around it aside) is the value: smart case, as the substring search is. */
static bool cell_equals(const char *v, size_t vlen, struct rv_text c)
{
	while (c.len && is_blank(c.ptr[0])) {
		c.ptr++;
		c.len--;
	}
	while (c.len && is_blank(c.ptr[c.len - 1]))
		c.len--;
	if (c.len != vlen)
		return false;
	bool fold = true;
	for (size_t i = 0; i < vlen; i++)
		if (v[i] >= 'A' && v[i] <= 'Z')
			fold = false;
	for (size_t i = 0; i < vlen; i++)
		if (fold ? lower(c.ptr[i]) != v[i] : c.ptr[i] != v[i])
			return false;
	return true;
}

bool rv_term_cell_matches(const struct term *t, struct rv_text c)
{
	if (t->same_key) {
		struct strbuf key;
		sb_init(&key);
		rv_topic_key(c.ptr, c.len, &key);
		bool same = c.len && key.len == t->vlen && memcmp(key.data, t->value, key.len) == 0;
		sb_free(&key);
		return same;
	}
	if (t->exact)
		return cell_equals(t->value, t->vlen, c);
	return cell_has(t->s, c);
}

/* has:FIELD on a recommendation: the field the term names has a value. */
static bool rec_has_field(const struct term *t, const struct rv_model *m, size_t rec, int32_t as_of)
{
	const struct rv_rec *r = rv_rec_at(m, rec);
	switch (t->sub) {
	case T_CELL:
		return rv_rec_field(m, rec, t->field).len > 0;
	case T_REVIEW:
		return rv_rec_review_of(m, rec).len > 0;
	case T_EXTRA:
		return rv_rec_extra(m, rec, t->extra).len > 0;
	case T_STATUS:
		return rv_rec_status(m, rec, as_of) != RV_STATUS_NONE;
	case T_DECISION:
		return rv_rec_decision(m, rec, as_of) != RV_DECISION_NONE;
	case T_PRIORITY:
		return rv_rec_priority_as_of(m, rec, as_of) != 0;
	case T_CHANGED:
		return rv_rec_last_change(m, rec, as_of) != RV_DATE_NONE;
	case T_QUESTION:
		return r->count[RV_QUESTIONS] > 0;
	case T_NOTE:
		return rv_rec_notes_shown(m, rec) > 0;
	case T_DUE:
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++)
			if (rv_rec_child(m, rec, RV_DELIVERABLES, k)->date != RV_DATE_NONE)
				return true;
		return false;
	case T_BRIEFING:
		for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++)
			if (rv_child_field(m, RV_QUESTIONS, rv_rec_child_index(m, rec, RV_QUESTIONS, k), Q_BRIEFING).len)
				return true;
		return false;
	case T_OWNER:
		if (rv_rec_field(m, rec, REC_OWNER).len)
			return true;
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++)
			if (rv_child_field(m, RV_DELIVERABLES, rv_rec_child_index(m, rec, RV_DELIVERABLES, k), DEL_RESPONSIBLE).len)
				return true;
		return false;
	default:
		return false;
	}
}

/*
 * The text a state was read from on as_of: the recommendation's column when it has a value (and the
 * history never dates one), else the latest history entry by then that has one.
 */
static struct rv_text state_text(const struct rv_model *m, size_t rec, bool status, int32_t as_of)
{
	const struct rv_rec *r = rv_rec_at(m, rec);
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

bool rv_term_date_matches(const struct term *t, int32_t date)
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
static bool term_matches(const struct term *t, const struct rv_model *m, size_t rec, int32_t as_of, int32_t day,
			 const uint8_t *known)
{
	if (known)
		return known[rec];
	const struct rv_rec *r = rv_rec_at(m, rec);
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
		return rv_term_cell_matches(t, rv_rec_field(m, rec, t->field));
	case T_REVIEW:
		return rv_term_cell_matches(t, rv_rec_review_of(m, rec));
	case T_EXTRA:
		return rv_term_cell_matches(t, rv_rec_extra(m, rec, t->extra));
	case T_STATUS:
		if (t->states & (1u << status))
			return true;
		return !t->none && status == RV_STATUS_UNKNOWN && rv_term_cell_matches(t, state_text(m, rec, true, as_of));
	case T_DECISION:
		if (t->states & (1u << decision))
			return true;
		return !t->none && decision == RV_DECISION_UNKNOWN && rv_term_cell_matches(t, state_text(m, rec, false, as_of));
	case T_PRIORITY: {
		int priority = rv_rec_priority_as_of(m, rec, as_of);
		if (t->none)
			return priority == 0;
		if (t->priority)
			return priority == t->priority;
		return rv_term_cell_matches(t, rv_child_field_as_of(m, RV_RECS, rec, REC_PRIORITY, as_of));
	}
	case T_NOTE:
		return rv_rec_notes_match(m, rec, t->s);
	case T_BRIEFING:
		for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++)
			if (rv_term_cell_matches(t, rv_child_field(m, RV_QUESTIONS, rv_rec_child_index(m, rec, RV_QUESTIONS, k), Q_BRIEFING)))
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
			return rv_rec_priority_as_of(m, rec, as_of) != 0;
		case HAS_OPEN:
			return rv_rec_deliverables_done_as_of(m, rec, as_of) < r->count[RV_DELIVERABLES];
		case HAS_OVERDUE:
			return as_of == RV_DATE_NONE ? rv_rec_overdue(m, rec, day) > 0 : rv_rec_overdue_as_of(m, rec, as_of) > 0;
		case HAS_NOTES:
			return rv_rec_notes_shown(m, rec) > 0;
		case HAS_COUNT:
			break;
		}
		return false;
	case T_CHANGED:
		return rv_term_date_matches(t, rv_rec_last_change(m, rec, as_of));
	case T_DUE:
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++) {
			size_t d = rv_rec_child_index(m, rec, RV_DELIVERABLES, k);
			if (rv_deliverable_status_as_of(m, d, as_of) != RV_STATUS_COMPLETE &&
			    rv_term_date_matches(t, rv_deliverable_due_as_of(m, d, as_of).date))
				return true;
		}
		return false;
	case T_QUESTION:
		if (t->none)
			return r->count[RV_QUESTIONS] == 0;
		for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++) {
			size_t q = rv_rec_child_index(m, rec, RV_QUESTIONS, k);
			if (t->states & (1u << rv_question_state_as_of(m, q, as_of)))
				return true;
			/* A state outside the vocabulary matches by its words. */
			if (rv_child_at(m, RV_QUESTIONS, q)->status == RV_QSTATUS_UNKNOWN &&
			    rv_term_cell_matches(t, rv_child_field(m, RV_QUESTIONS, q, Q_STATUS)))
				return true;
		}
		return false;
	case T_HAS_FIELD:
		return rec_has_field(t, m, rec, as_of);
	case T_OWNER:
		if (rv_term_cell_matches(t, rv_rec_field(m, rec, REC_OWNER)))
			return true;
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++)
			if (rv_term_cell_matches(t, rv_child_field(m, RV_DELIVERABLES,
								    rv_rec_child_index(m, rec, RV_DELIVERABLES, k), DEL_RESPONSIBLE)))
				return true;
		return false;
	}
	return false;
}

bool rv_query_match(const struct rv_query *q, const struct rv_model *m, size_t rec)
{
	if (!q)
		return true;
	int32_t day = rv_today_date();
	for (size_t i = 0; i < q->n; i++)
		if (term_matches(&q->terms[i], m, rec, RV_DATE_NONE, day, NULL) == q->terms[i].neg)
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
	size_t n = rv_child_total(m, RV_QUESTIONS);
	for (size_t i = 0; i < n; i++) {
		const struct rv_child *c = rv_child_at(m, RV_QUESTIONS, i);
#ifdef __GNUC__
		/* The cells are far apart in the file: ask for one a few rows ahead while this one is read. */
		if (i + 16 < n)
			__builtin_prefetch(rv_child_field(m, RV_QUESTIONS, i + 16, Q_BRIEFING).ptr);
#endif
		if (c->rec >= 0 && !known[c->rec] && rv_term_cell_matches(t, rv_child_field(m, RV_QUESTIONS, i, Q_BRIEFING)))
			known[c->rec] = 1;
	}
	return known;
}
/* ---- sorting ---- */

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
	const struct rv_rec *r = rv_rec_at(m, rec);
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
	case RV_SORT_PRIORITY: {
		/* P1..P4, then a value outside the vocabulary; none last */
		int priority = rv_rec_priority_as_of(m, rec, as_of);
		return priority == 0 ? EMPTY_KEY : priority < 0 ? 5 : (uint64_t)priority;
	}
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
		uint64_t ratio = ((uint64_t)rv_rec_deliverables_done_as_of(m, rec, as_of) << 20) / total;
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
	int32_t day = rv_overdue_day(as_of);
	for (size_t i = 0; i < m->nrecs; i++) {
		size_t k = 0;
		while (k < nterms && term_matches(&q->terms[k], m, i, as_of, day, known[k]) != q->terms[k].neg)
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

void rv_list_line_as_of(const struct rv_model *m, size_t rec, int32_t as_of, struct strbuf *out)
{
	const struct rv_rec *r = rv_rec_at(m, rec);
	char buf[32];
	add_cell(out, rv_rec_id(m, rec));
	sb_addc(out, '\t');
	add_cell(out, rv_rec_review_of(m, rec));
	sb_addc(out, '\t');
	enum rv_decision decision = rv_rec_decision(m, rec, as_of);
	enum rv_status status = rv_rec_status(m, rec, as_of);
	if (decision == RV_DECISION_UNKNOWN)
		add_cell(out, state_text(m, rec, false, as_of));
	else
		sb_adds(out, rv_decision_name(decision));
	sb_addc(out, '\t');
	if (status == RV_STATUS_UNKNOWN)
		add_cell(out, state_text(m, rec, true, as_of));
	else
		sb_adds(out, rv_status_name(status));
	sb_addc(out, '\t');
	if (rv_child_field_later(m, RV_RECS, rec, REC_PRIORITY, as_of))
		add_cell(out, rv_child_field_as_of(m, RV_RECS, rec, REC_PRIORITY, as_of)); /* set later: the one then */
	else if (r->priority > 0)
		sb_addf(out, "P%d", r->priority);
	else if (r->priority < 0)
		add_cell(out, rv_rec_field(m, rec, REC_PRIORITY));
	sb_addc(out, '\t');
	rv_date_format(rv_rec_last_change(m, rec, as_of), buf, sizeof(buf));
	sb_adds(out, buf);
	sb_addf(out, "\t%zu/%u\t%u\t", rv_rec_deliverables_done_as_of(m, rec, as_of), r->count[RV_DELIVERABLES],
		r->count[RV_QUESTIONS]);
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

void rv_list_line_later(const struct rv_model *m, size_t rec, int32_t as_of, bool dim, struct strbuf *out)
{
	rv_list_line_as_of(m, rec, as_of, out);
	if (!dim || as_of == RV_DATE_NONE)
		return;
	struct strbuf later;
	sb_init(&later);
	rv_after_words(as_of, &later);
	sb_adds(&later, ": ");
	size_t start = later.len;
	rv_rec_later_describe(m, rec, as_of, &later);
	sb_addc(out, '\t');
	if (later.len > start)
		add_field(out, later.data, later.len);
	sb_free(&later);
}

void rv_list_line(const struct rv_model *m, size_t rec, struct strbuf *out)
{
	rv_list_line_as_of(m, rec, RV_DATE_NONE, out);
}
