/*
 * query_items.c - filtering and sorting the item lists (query_items.h): a term of the filter language
 * (parsed by query_parse.c with the kind's fields) matched against one deliverable, question or
 * history entry, and the sort keys of those lists.
 */
#include "recview/query_items.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/query_terms.h"
#include "recview/search.h"
#include "recview/vocab.h"

struct rv_query *rv_item_query_parse(const char *expr, const struct rv_model *m, enum rv_kind kind, char *err,
				     size_t errsize)
{
	return rv_query_parse_kind(expr, m, kind, err, errsize);
}

const char *const *rv_item_query_fields(enum rv_kind kind)
{
	return rv_query_fields_of(kind);
}

/* The review of the recommendation an item belongs to; unlinked, its id up to the last '-'. */
static struct rv_text item_review(const struct rv_model *m, enum rv_kind kind, size_t child)
{
	const struct rv_child *c = rv_child_at(m, kind, child);
	if (c->rec >= 0)
		return rv_rec_review_of(m, (size_t)c->rec);
	struct rv_text id = rv_child_role(m, kind, child, RV_ROLE_REC_LINK);
	while (id.len && id.ptr[id.len - 1] != '-')
		id.len--;
	if (id.len)
		id.len--;
	return id;
}

/* has:FIELD on an item: the field the term names has a value. */
static bool item_has_field(const struct term *t, const struct rv_model *m, enum rv_kind kind, size_t child)
{
	const struct rv_child *c = rv_child_at(m, kind, child);
	switch (t->sub) {
	case T_CELL:
		return rv_child_field(m, kind, child, t->field).len > 0;
	case T_REVIEW:
		return item_review(m, kind, child).len > 0;
	case T_EXTRA:
		return rv_child_extra(m, kind, child, t->extra).len > 0;
	case T_STATUS:
		return c->status != RV_STATUS_NONE;
	case T_DECISION:
		return c->decision != RV_DECISION_NONE;
	case T_QUESTION:
		return rv_child_field(m, kind, child, Q_STATUS).len > 0;
	case T_DUE:
	case T_CHANGED:
		return c->date_prec != RV_DATE_PREC_NONE;
	default:
		return false;
	}
}

/* A state term: the states it names, none recorded, or the words of a state outside the vocabulary. */
static bool state_matches(const struct term *t, unsigned state, bool unknown, struct rv_text cell)
{
	if (t->states & (1u << state))
		return true;
	return !t->none && unknown && rv_term_cell_matches(t, cell);
}

/* A child's status on as_of: a deliverable's as recorded by then (as_of.h), the rest as parsed. */
static unsigned status_as_of(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of)
{
	if (kind == RV_DELIVERABLES)
		return rv_deliverable_status_as_of(m, child, as_of);
	return rv_child_at(m, kind, child)->status;
}

static bool item_term_matches(const struct term *t, const struct rv_model *m, enum rv_kind kind, size_t child,
			      int32_t as_of)
{
	const struct rv_child *c = rv_child_at(m, kind, child);
	switch (t->kind) {
	case T_WORD:
		return rv_child_matches(m, kind, child, t->s);
	case T_CELL:
		return rv_term_cell_matches(t, rv_child_field_as_of(m, kind, child, t->field, as_of));
	case T_REVIEW:
		return rv_term_cell_matches(t, item_review(m, kind, child));
	case T_EXTRA:
		return rv_term_cell_matches(t, rv_child_extra(m, kind, child, t->extra));
	case T_STATUS: {
		unsigned st = status_as_of(m, kind, child, as_of);
		return state_matches(t, st, st == RV_STATUS_UNKNOWN, rv_child_role(m, kind, child, RV_ROLE_STATUS));
	}
	case T_DECISION:
		return state_matches(t, c->decision, c->decision == RV_DECISION_UNKNOWN,
				     rv_child_role(m, kind, child, RV_ROLE_DECISION));
	case T_QUESTION: {
		struct rv_text cell = rv_child_field_as_of(m, kind, child, Q_STATUS, as_of);
		if (t->none)
			return cell.len == 0;
		return state_matches(t, rv_question_state_as_of(m, child, as_of), c->status == RV_QSTATUS_UNKNOWN, cell);
	}
	case T_DUE:
	case T_CHANGED:
		return rv_term_date_matches(t, c->date_prec == RV_DATE_PREC_NONE ? RV_DATE_NONE : c->date);
	case T_HAS:
		if (t->field == HAS_OPEN)
			return status_as_of(m, kind, child, as_of) != RV_STATUS_COMPLETE;
		if (t->field == HAS_OVERDUE)
			return rv_deliverable_overdue_as_of(m, child, as_of);
		return false;
	case T_HAS_FIELD:
		return item_has_field(t, m, kind, child);
	default:
		return false;
	}
}

static bool matches(const struct rv_query *q, const struct rv_model *m, size_t child, int32_t as_of)
{
	for (size_t i = 0; i < q->n; i++)
		if (item_term_matches(&q->terms[i], m, q->kind, child, as_of) == q->terms[i].neg)
			return false;
	return true;
}

bool rv_item_query_match(const struct rv_query *q, const struct rv_model *m, size_t child, int32_t as_of)
{
	return !q || matches(q, m, child, as_of);
}

/* ---- sorting ---- */

enum item_key { K_ORDER, K_ID, K_STATUS, K_DATE, K_OWNER, K_BRIEFING, K_QID, K_DECISION, K_TEXT, K_SOURCE };

struct sort_name {
	const char *name;
	enum item_key key;
	int field; /* the text field compared (K_OWNER, K_BRIEFING, K_QID, K_TEXT, K_SOURCE) */
};

static const struct sort_name deliverable_keys[] = {
	{"order", K_ORDER, 0},  {"id", K_ID, 0},  {"status", K_STATUS, 0}, {"due", K_DATE, 0},
	{"owner", K_OWNER, DEL_RESPONSIBLE}, {"text", K_TEXT, DEL_DESCRIPTION}, {"source", K_SOURCE, DEL_SOURCE},
	{NULL, K_ORDER, 0},
};
static const struct sort_name question_keys[] = {
	{"order", K_ORDER, 0}, {"id", K_ID, 0}, {"qid", K_QID, Q_QID}, {"briefing", K_BRIEFING, Q_BRIEFING},
	{"status", K_STATUS, 0}, {"text", K_TEXT, Q_QUESTION}, {"source", K_SOURCE, Q_SOURCE},
	{NULL, K_ORDER, 0},
};
static const struct sort_name history_keys[] = {
	{"order", K_ORDER, 0},   {"id", K_ID, 0}, {"date", K_DATE, 0}, {"status", K_STATUS, 0},
	{"decision", K_DECISION, 0}, {"source", K_SOURCE, HIST_SOURCE}, {"note", K_TEXT, HIST_NOTE},
	{NULL, K_ORDER, 0},
};

static const struct sort_name *keys_of(enum rv_kind kind)
{
	return kind == RV_QUESTIONS ? question_keys : kind == RV_HISTORY ? history_keys : deliverable_keys;
}

const char *const *rv_item_sort_names(enum rv_kind kind)
{
	static const char *names[3][12];
	int slot = kind == RV_QUESTIONS ? 1 : kind == RV_HISTORY ? 2 : 0;
	if (!names[slot][0]) {
		size_t n = 0;
		for (const struct sort_name *k = keys_of(kind); k->name && n + 1 < 12; k++)
			names[slot][n++] = k->name;
	}
	return names[slot];
}

bool rv_item_sort_parse(enum rv_kind kind, const char *name, int *key, bool *reverse)
{
	if (!name)
		return false;
	bool rev = name[0] == '-';
	name += rev;
	const struct sort_name *keys = keys_of(kind);
	for (int i = 0; keys[i].name; i++) {
		if (strcmp(keys[i].name, name) == 0) {
			*key = i;
			*reverse = rev;
			return true;
		}
	}
	return false;
}

struct sort_item {
	uint32_t child, pos;
	uint64_t num;          /* numeric keys; UINT64_MAX: no value */
	struct rv_text text;   /* text keys */
	bool by_text, natural; /* natural: ids and qids in natural order (vocab.h) */
};

static int compare_text(const struct sort_item *a, const struct sort_item *b)
{
	if (!a->text.len || !b->text.len)
		return (a->text.len == 0) - (b->text.len == 0);
	if (a->natural)
		return rv_id_compare(a->text.ptr, a->text.len, b->text.ptr, b->text.len);
	size_t n = a->text.len < b->text.len ? a->text.len : b->text.len;
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a->text.ptr[i], y = (unsigned char)b->text.ptr[i];
		x = (unsigned char)(x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x);
		y = (unsigned char)(y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
		if (x != y)
			return x < y ? -1 : 1;
	}
	return a->text.len < b->text.len ? -1 : a->text.len > b->text.len;
}

static bool sort_reverse;

static int compare_items(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	int r = a->by_text ? compare_text(a, b) : (a->num < b->num ? -1 : a->num > b->num);
	if (sort_reverse)
		r = -r;
	return r ? r : (a->pos < b->pos ? -1 : a->pos > b->pos);
}

static void item_key(const struct rv_model *m, enum rv_kind kind, const struct sort_name *k, struct sort_item *it)
{
	const struct rv_child *c = rv_child_at(m, kind, it->child);
	switch (k->key) {
	case K_ORDER:
		it->num = it->pos;
		break;
	case K_ID:
		it->by_text = it->natural = true;
		it->text = rv_child_role(m, kind, it->child, RV_ROLE_REC_LINK);
		break;
	case K_QID:
		it->by_text = it->natural = true;
		it->text = rv_child_field(m, kind, it->child, k->field);
		break;
	case K_STATUS:
		if (kind == RV_QUESTIONS)
			it->num = (uint64_t)rv_question_state(m, it->child);
		else
			it->num = c->status == RV_STATUS_NONE ? UINT64_MAX : c->status;
		break;
	case K_DECISION:
		it->num = c->decision == RV_DECISION_NONE ? UINT64_MAX : c->decision;
		break;
	case K_DATE:
		it->num = c->date_prec == RV_DATE_PREC_NONE ? UINT64_MAX : (uint64_t)(uint32_t)c->date;
		break;
	case K_OWNER:
	case K_BRIEFING:
	case K_TEXT:
	case K_SOURCE:
		it->by_text = true;
		it->text = rv_child_field(m, kind, it->child, k->field);
		break;
	}
}

size_t rv_item_select(const struct rv_model *m, enum rv_kind kind, const struct rv_query *q, int32_t as_of, int key,
		      bool reverse, uint32_t *items, size_t n)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (!q || matches(q, m, items[i], as_of))
			items[kept++] = items[i];
	const struct sort_name *keys = keys_of(kind);
	size_t nkeys = 0;
	while (keys[nkeys].name)
		nkeys++;
	if (kept < 2 || key < 0 || (size_t)key >= nkeys || (key == 0 && !reverse))
		return kept;
	struct sort_item *v = xcalloc(kept, sizeof(*v));
	for (size_t i = 0; i < kept; i++) {
		v[i].child = items[i];
		v[i].pos = (uint32_t)i;
		item_key(m, kind, &keys[key], &v[i]);
	}
	sort_reverse = reverse;
	qsort(v, kept, sizeof(*v), compare_items);
	for (size_t i = 0; i < kept; i++)
		items[i] = v[i].child;
	free(v);
	return kept;
}
