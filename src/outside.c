/*
 * outside.c - what someone else changed in the open data set: a digest of the session before its
 * files were read again and merged, compared by value with the session after. See outside.h.
 */
#include "recview/outside.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/text.h"

bool rv_session_changed_on_disk(struct rv_session *s, struct rv_store_watch *w, double now)
{
	if (rv_session_busy(s) || !s->store.real)
		return false;
	const char *names[RV_KIND_COUNT];
	for (int k = 0; k < RV_KIND_COUNT; k++)
		names[k] = rv_table_file(s->m, (enum rv_kind)k);
	return rv_store_watch_changed(w, &s->store, names, s->stamps, RV_KIND_COUNT, now);
}

/* The kinds whose rows belong to a recommendation and are compared row by row. */
static const enum rv_kind row_kinds[] = {RV_DELIVERABLES, RV_QUESTIONS, RV_HISTORY, RV_NOTES, RV_CHANGES};
#define NROW_KINDS (sizeof(row_kinds) / sizeof(*row_kinds))

struct digest_rec {
	char *id;
	size_t id_len;
	char *status, *decision, *priority;
	uint64_t own;                 /* its other columns */
	size_t first;                 /* its row hashes in the digest's array, kind after kind */
	uint32_t count[NROW_KINDS];
};

struct rv_outside_digest {
	struct digest_rec *recs;      /* in byte order of the ids */
	size_t n;
	uint64_t *hashes;
	size_t nhashes, cap;
	char **agenda;                /* ids, in agenda order */
	size_t nagenda;
};

/* ---- values by which things are compared ---- */

static void hash_text(struct rv_hasher *hs, struct rv_text t)
{
	uint64_t len = t.len;
	rv_hash_update(hs, (const char *)&len, sizeof(len));
	rv_hash_update(hs, t.ptr, t.len);
}

static char *text_dup(struct rv_text t)
{
	return xstrndup(t.ptr ? t.ptr : "", t.len);
}

static char *status_word(const struct rv_model *m, size_t rec)
{
	enum rv_status st = rv_rec_status(m, rec, RV_DATE_NONE);
	struct rv_text raw = rv_rec_field(m, rec, REC_STATUS);
	if (st == RV_STATUS_UNKNOWN && raw.len)
		return text_dup(raw);
	return xstrdup(st == RV_STATUS_NONE ? "" : rv_status_name(st));
}

static char *decision_word(const struct rv_model *m, size_t rec)
{
	enum rv_decision d = rv_rec_decision(m, rec, RV_DATE_NONE);
	struct rv_text raw = rv_rec_field(m, rec, REC_DECISION);
	if (d == RV_DECISION_UNKNOWN && raw.len)
		return text_dup(raw);
	return xstrdup(d == RV_DECISION_NONE ? "" : rv_decision_name(d));
}

/* Every column of the recommendation's rows but those of its status, decision and priority. */
static uint64_t own_hash(const struct rv_model *m, size_t rec)
{
	int skip[3] = {rv_field_column_number(m, RV_RECS, REC_STATUS) - 1,
		       rv_field_column_number(m, RV_RECS, REC_DECISION) - 1,
		       rv_field_column_number(m, RV_RECS, REC_PRIORITY) - 1};
	size_t ncols = rv_kind_columns(m, RV_RECS);
	if (rv_rec_row_columns(m, rec) > ncols)
		ncols = rv_rec_row_columns(m, rec);
	struct rv_hasher hs;
	rv_hash_init(&hs);
	for (size_t r = 0; r < rv_rec_row_count(m, rec); r++) {
		uint32_t row = rv_rec_row_at(m, rec, r);
		for (size_t c = 0; c < ncols; c++)
			if ((int)c != skip[0] && (int)c != skip[1] && (int)c != skip[2])
				hash_text(&hs, rv_row_column(m, RV_RECS, row, c));
	}
	return rv_hash_final(&hs);
}

static uint64_t child_hash(const struct rv_model *m, enum rv_kind kind, size_t child)
{
	struct rv_hasher hs;
	rv_hash_init(&hs);
	for (int f = 0; f < rv_kind_def(kind)->nfields; f++)
		hash_text(&hs, rv_child_field(m, kind, child, f));
	for (size_t e = 0; e < rv_extra_count(m, kind); e++)
		hash_text(&hs, rv_child_extra(m, kind, child, e));
	return rv_hash_final(&hs);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);
	return c ? c : alen < blen ? -1 : alen > blen;
}

static int cmp_digest_rec(const void *a, const void *b)
{
	const struct digest_rec *x = a, *y = b;
	return cmp_bytes(x->id, x->id_len, y->id, y->id_len);
}

/* ---- the digest ---- */

static void push_hash(struct rv_outside_digest *d, uint64_t h)
{
	if (d->nhashes == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->hashes = xreallocarray(d->hashes, d->cap, sizeof(*d->hashes));
	}
	d->hashes[d->nhashes++] = h;
}

static char *agenda_id(const struct rv_session *s, size_t i)
{
	return text_dup(rv_rec_id(s->m, s->agenda[i].rec));
}

struct rv_outside_digest *rv_outside_digest_take(const struct rv_session *s)
{
	const struct rv_model *m = s->m;
	struct rv_outside_digest *d = xcalloc(1, sizeof(*d));
	d->recs = xcalloc(m->nrecs + 1, sizeof(*d->recs));
	d->n = m->nrecs;
	for (size_t r = 0; r < m->nrecs; r++) {
		struct digest_rec *dr = &d->recs[r];
		struct rv_text id = rv_rec_id(m, r);
		dr->id = text_dup(id);
		dr->id_len = id.len;
		dr->status = status_word(m, r);
		dr->decision = decision_word(m, r);
		dr->priority = text_dup(rv_rec_field(m, r, REC_PRIORITY));
		dr->own = own_hash(m, r);
		dr->first = d->nhashes;
		for (size_t k = 0; k < NROW_KINDS; k++) {
			size_t n = rv_rec_child_count(m, r, row_kinds[k]);
			size_t start = d->nhashes;
			for (size_t i = 0; i < n; i++)
				push_hash(d, child_hash(m, row_kinds[k], rv_rec_child_index(m, r, row_kinds[k], i)));
			if (n > 1)
				qsort(d->hashes + start, n, sizeof(*d->hashes), cmp_u64);
			dr->count[k] = (uint32_t)n;
		}
	}
	qsort(d->recs, d->n, sizeof(*d->recs), cmp_digest_rec);
	d->agenda = xcalloc(s->nagenda + 1, sizeof(*d->agenda));
	d->nagenda = s->nagenda;
	for (size_t i = 0; i < s->nagenda; i++)
		d->agenda[i] = agenda_id(s, i);
	return d;
}

void rv_outside_digest_free(struct rv_outside_digest *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->recs[i].id);
		free(d->recs[i].status);
		free(d->recs[i].decision);
		free(d->recs[i].priority);
	}
	free(d->recs);
	free(d->hashes);
	for (size_t i = 0; i < d->nagenda; i++)
		free(d->agenda[i]);
	free(d->agenda);
	free(d);
}

/* ---- the items ---- */

static struct rv_outside_item *add_item(struct rv_outside *o, enum rv_outside_kind kind, const char *rec_id)
{
	o->items = xreallocarray(o->items, o->n + 1, sizeof(*o->items));
	struct rv_outside_item *it = &o->items[o->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->rec_id = rec_id ? xstrdup(rec_id) : NULL;
	return it;
}

void rv_outside_item_free(struct rv_outside_item *it)
{
	free(it->rec_id);
	free(it->before);
	free(it->after);
	free(it->author);
	memset(it, 0, sizeof(*it));
}

void rv_outside_free(struct rv_outside *o)
{
	for (size_t i = 0; i < o->n; i++)
		rv_outside_item_free(&o->items[i]);
	free(o->items);
	o->items = NULL;
	o->n = 0;
}

/* Who wrote a row: its author column, else a source "recview: NAME"; NULL when the row does not say. */
static char *row_author(const struct rv_model *m, enum rv_kind kind, size_t child)
{
	struct rv_text a = rv_child_role(m, kind, child, RV_ROLE_AUTHOR);
	if (a.len)
		return text_dup(a);
	static const char prefix[] = "recview: ";
	struct rv_text src = rv_child_role(m, kind, child, RV_ROLE_SOURCE);
	size_t n = sizeof(prefix) - 1;
	if (src.len > n && memcmp(src.ptr, prefix, n) == 0)
		return xstrndup(src.ptr + n, src.len - n);
	return NULL;
}

/* A recommendation's children now, one kind: their hashes sorted, with their indexes. */
struct hashed {
	uint64_t h;
	size_t child;
};

static int cmp_hashed(const void *a, const void *b)
{
	return cmp_u64(&((const struct hashed *)a)->h, &((const struct hashed *)b)->h);
}

/* What one kind's rows of a recommendation did: rows now that were not there (their indexes in
 * *added, malloc'd), and how many that were there are gone. */
static size_t rows_added(const struct rv_model *m, size_t rec, enum rv_kind kind, const uint64_t *old, size_t nold,
			 size_t **added, size_t *removed)
{
	size_t n = rv_rec_child_count(m, rec, kind);
	struct hashed *now = xcalloc(n + 1, sizeof(*now));
	for (size_t i = 0; i < n; i++) {
		now[i].child = rv_rec_child_index(m, rec, kind, i);
		now[i].h = child_hash(m, kind, now[i].child);
	}
	qsort(now, n, sizeof(*now), cmp_hashed);
	*added = xcalloc(n + 1, sizeof(**added));
	size_t na = 0, i = 0, j = 0;
	*removed = 0;
	while (i < nold || j < n) {
		if (j == n || (i < nold && old[i] < now[j].h)) {
			(*removed)++;
			i++;
		} else if (i == nold || now[j].h < old[i]) {
			(*added)[na++] = now[j++].child;
		} else {
			i++;
			j++;
		}
	}
	free(now);
	/* In file order, so that "the newest" is the last. */
	for (size_t a = 1; a < na; a++)
		for (size_t b = a; b > 0 && (*added)[b - 1] > (*added)[b]; b--) {
			size_t t = (*added)[b];
			(*added)[b] = (*added)[b - 1];
			(*added)[b - 1] = t;
		}
	return na;
}

/* The author of the newest added history row that gives a status (or a decision). */
static char *history_author(const struct rv_model *m, const size_t *added, size_t n, bool decision)
{
	for (size_t i = n; i > 0; i--) {
		const struct rv_child *h = rv_child_at(m, RV_HISTORY, added[i - 1]);
		if (decision ? h->decision != RV_DECISION_NONE : h->status != RV_STATUS_NONE)
			return row_author(m, RV_HISTORY, added[i - 1]);
	}
	return NULL;
}

static bool words_differ(const char *a, const char *b)
{
	return strcmp(a, b) != 0;
}

static void value_item(struct rv_outside *o, enum rv_outside_kind kind, const char *id, const char *before,
		       char *after, char *author)
{
	struct rv_outside_item *it = add_item(o, kind, id);
	it->before = xstrdup(before);
	it->after = after;
	it->author = author;
}

/* A row of changes.csv someone else added: "owner of D2 -> OCTO" (a priority is said as the column's). */
static void field_item(struct rv_outside *o, const struct rv_model *m, const char *id, size_t row)
{
	struct rv_text field = rv_child_field(m, RV_CHANGES, row, CHG_FIELD);
	if ((field.len == 8 && memcmp(field.ptr, "priority", 8) == 0) || rv_changes_row_records_state(m, row))
		return; /* said as the column's, or as the history row's */
	struct rv_text item = rv_child_field(m, RV_CHANGES, row, CHG_ITEM);
	struct strbuf what;
	sb_init(&what);
	sb_add(&what, field.ptr, field.len);
	if (item.len) {
		sb_adds(&what, " of ");
		sb_add(&what, item.ptr, item.len);
	}
	struct rv_outside_item *it = add_item(o, RV_OUT_FIELD, id);
	it->before = xstrdup(what.data ? what.data : "");
	it->after = text_dup(rv_child_field(m, RV_CHANGES, row, CHG_VALUE));
	it->author = text_dup(rv_child_field(m, RV_CHANGES, row, CHG_AUTHOR));
	if (it->author && !*it->author) {
		free(it->author);
		it->author = NULL;
	}
	sb_free(&what);
}

/* The rows of one kind of a matched recommendation; history rows that gave a reported status or
 * decision are that item already. */
static void row_items(struct rv_outside *o, const struct rv_model *m, const char *id, enum rv_kind kind,
		      const size_t *added, size_t na, size_t removed, bool explained)
{
	size_t plain = 0;
	char *author = NULL;
	for (size_t i = 0; i < na; i++) {
		if (kind == RV_CHANGES) {
			field_item(o, m, id, added[i]);
			continue;
		}
		if (kind == RV_NOTES) {
			struct rv_outside_item *it = add_item(o, RV_OUT_NOTE, id);
			it->after = text_dup(rv_child_role(m, kind, added[i], RV_ROLE_TEXT));
			it->author = row_author(m, kind, added[i]);
			continue;
		}
		const struct rv_child *c = rv_child_at(m, kind, added[i]);
		if (kind == RV_HISTORY && explained && (c->status != RV_STATUS_NONE || c->decision != RV_DECISION_NONE))
			continue;
		if (!author)
			author = row_author(m, kind, added[i]);
		plain++;
	}
	if (plain || removed) {
		enum rv_outside_kind k = plain && removed ? RV_OUT_ROWS_CHANGED : plain ? RV_OUT_ROWS_ADDED : RV_OUT_ROWS_REMOVED;
		struct rv_outside_item *it = add_item(o, k, id);
		it->child = kind;
		it->count = (unsigned)(plain > removed ? plain : removed);
		it->author = author;
		author = NULL;
	}
	free(author);
}

/* Rows of kind that our changes held by a conflict on this recommendation had added: they were in
 * effect before the merge and are not after it, and they are ours, not someone else's doing. */
static size_t held_rows(const struct rv_session *s, const char *id, enum rv_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nconflicts; i++)
		if (strcmp(s->conflicts[i].rec_id, id) == 0)
			for (size_t h = 0; h < s->conflicts[i].nheld; h++)
				n += s->conflicts[i].held[h].appended[kind];
	return n;
}

/* One recommendation that is on both sides. */
static void diff_rec(struct rv_outside *o, const struct rv_outside_digest *d, const struct digest_rec *dr,
		     const struct rv_session *s, size_t rec)
{
	const struct rv_model *m = s->m;
	const char *id = dr->id;
	size_t *added[NROW_KINDS], na[NROW_KINDS], removed[NROW_KINDS];
	size_t at = dr->first;
	for (size_t k = 0; k < NROW_KINDS; k++) {
		const uint64_t *old = dr->count[k] ? d->hashes + at : NULL;
		na[k] = rows_added(m, rec, row_kinds[k], old, dr->count[k], &added[k], &removed[k]);
		size_t held = held_rows(s, id, row_kinds[k]);
		removed[k] -= held < removed[k] ? held : removed[k];
		at += dr->count[k];
	}
	const size_t hist = 2; /* row_kinds[2] */
	bool explained = false;
	char *now = status_word(m, rec);
	if (words_differ(dr->status, now)) {
		value_item(o, RV_OUT_STATUS, id, dr->status, now, history_author(m, added[hist], na[hist], false));
		explained = true;
	} else {
		free(now);
	}
	now = decision_word(m, rec);
	if (words_differ(dr->decision, now)) {
		value_item(o, RV_OUT_DECISION, id, dr->decision, now, history_author(m, added[hist], na[hist], true));
		explained = true;
	} else {
		free(now);
	}
	now = text_dup(rv_rec_field(m, rec, REC_PRIORITY));
	if (words_differ(dr->priority, now))
		value_item(o, RV_OUT_PRIORITY, id, dr->priority, now, NULL);
	else
		free(now);
	if (dr->own != own_hash(m, rec))
		add_item(o, RV_OUT_EDITED, id);
	for (size_t k = 0; k < NROW_KINDS; k++) {
		row_items(o, m, id, row_kinds[k], added[k], na[k], removed[k], explained);
		free(added[k]);
	}
}

struct id_ref {
	struct rv_text id;
	size_t rec;
};

static int cmp_id_ref(const void *a, const void *b)
{
	const struct id_ref *x = a, *y = b;
	return cmp_bytes(x->id.ptr, x->id.len, y->id.ptr, y->id.len);
}

static bool in_list(char *const *list, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], id) == 0)
			return true;
	return false;
}

static void diff_agenda(struct rv_outside *o, const struct rv_outside_digest *d, const struct rv_session *s)
{
	char **now = xcalloc(s->nagenda + 1, sizeof(*now));
	for (size_t i = 0; i < s->nagenda; i++)
		now[i] = agenda_id(s, i);
	for (size_t i = 0; i < s->nagenda; i++) {
		if (in_list(d->agenda, d->nagenda, now[i]))
			continue;
		struct rv_outside_item *it = add_item(o, RV_OUT_AGENDA_ADD, now[i]);
		if (s->agenda[i].author && *s->agenda[i].author)
			it->author = xstrdup(s->agenda[i].author);
	}
	for (size_t i = 0; i < d->nagenda; i++)
		if (!in_list(now, s->nagenda, d->agenda[i]))
			add_item(o, RV_OUT_AGENDA_REMOVE, d->agenda[i]);
	/* The ones on both, in the order of each side. */
	size_t i = 0, j = 0;
	bool moved = false;
	while (!moved) {
		while (i < d->nagenda && !in_list(now, s->nagenda, d->agenda[i]))
			i++;
		while (j < s->nagenda && !in_list(d->agenda, d->nagenda, now[j]))
			j++;
		if (i == d->nagenda || j == s->nagenda)
			break;
		moved = strcmp(d->agenda[i++], now[j++]) != 0;
	}
	if (moved)
		add_item(o, RV_OUT_AGENDA_ORDER, NULL);
	for (size_t k = 0; k < s->nagenda; k++)
		free(now[k]);
	free(now);
}

void rv_outside_diff(const struct rv_outside_digest *before, const struct rv_session *s, struct rv_outside *out)
{
	const struct rv_model *m = s->m;
	struct id_ref *now = xcalloc(m->nrecs + 1, sizeof(*now));
	for (size_t r = 0; r < m->nrecs; r++) {
		now[r].id = rv_rec_id(m, r);
		now[r].rec = r;
	}
	qsort(now, m->nrecs, sizeof(*now), cmp_id_ref);
	size_t i = 0, j = 0;
	while (i < before->n || j < m->nrecs) {
		const struct digest_rec *dr = i < before->n ? &before->recs[i] : NULL;
		int c = !dr ? 1 : j == m->nrecs ? -1 : cmp_bytes(dr->id, dr->id_len, now[j].id.ptr, now[j].id.len);
		if (c < 0) {
			add_item(out, RV_OUT_REMOVED, dr->id);
			i++;
		} else if (c > 0) {
			char *id = text_dup(now[j].id);
			add_item(out, RV_OUT_ADDED, id);
			free(id);
			j++;
		} else {
			diff_rec(out, before, dr, s, now[j].rec);
			i++;
			j++;
		}
	}
	free(now);
	diff_agenda(out, before, s);
}

/* ---- in words ---- */

static const char *row_word(enum rv_kind kind, bool plural)
{
	switch (kind) {
	case RV_DELIVERABLES:
		return plural ? "deliverables" : "deliverable";
	case RV_QUESTIONS:
		return plural ? "questions" : "question";
	case RV_HISTORY:
		return plural ? "history entries" : "history entry";
	case RV_NOTES:
		return plural ? "notes" : "note";
	default:
		return plural ? "rows" : "row";
	}
}

/* At most n bytes of s, cut at a character's start, with "…" when cut. */
static void add_cut(struct strbuf *out, const char *s, size_t n, bool ascii)
{
	size_t len = strlen(s);
	if (len <= n) {
		sb_adds(out, s);
		return;
	}
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	sb_add(out, s, n);
	sb_adds(out, ascii ? "..." : "\xE2\x80\xA6");
}

static void describe_raw(const struct rv_outside_item *it, bool ascii, struct strbuf *out)
{
	static const char *const fields[] = {[RV_OUT_STATUS] = "status", [RV_OUT_DECISION] = "decision",
					     [RV_OUT_PRIORITY] = "priority"};
	const char *arrow = ascii ? " -> " : " \xE2\x86\x92 ";
	if (it->rec_id) {
		sb_adds(out, it->rec_id);
		sb_addc(out, ' ');
	}
	switch (it->kind) {
	case RV_OUT_ADDED:
		sb_adds(out, "added");
		break;
	case RV_OUT_REMOVED:
		sb_adds(out, "removed");
		break;
	case RV_OUT_STATUS:
	case RV_OUT_DECISION:
	case RV_OUT_PRIORITY:
		sb_adds(out, fields[it->kind]);
		if (it->after && *it->after)
			sb_addf(out, "%s%s", arrow, it->after);
		else
			sb_adds(out, " cleared");
		break;
	case RV_OUT_EDITED:
		sb_adds(out, "edited");
		break;
	case RV_OUT_FIELD:
		add_cut(out, it->before ? it->before : "", 30, ascii);
		if (it->after && *it->after) {
			sb_adds(out, arrow);
			add_cut(out, it->after, 40, ascii);
		} else {
			sb_adds(out, " cleared");
		}
		break;
	case RV_OUT_NOTE:
		sb_adds(out, "note: ");
		add_cut(out, it->after ? it->after : "", 40, ascii);
		break;
	case RV_OUT_ROWS_ADDED:
	case RV_OUT_ROWS_REMOVED:
	case RV_OUT_ROWS_CHANGED:
		if (it->count > 1)
			sb_addf(out, "%u ", it->count);
		sb_addf(out, "%s %s", row_word(it->child, it->count > 1),
			it->kind == RV_OUT_ROWS_ADDED ? "added" : it->kind == RV_OUT_ROWS_REMOVED ? "removed" : "changed");
		break;
	case RV_OUT_AGENDA_ADD:
		sb_adds(out, "on the agenda");
		break;
	case RV_OUT_AGENDA_REMOVE:
		sb_adds(out, "off the agenda");
		break;
	case RV_OUT_AGENDA_ORDER:
		sb_adds(out, "agenda reordered");
		break;
	}
}

void rv_outside_describe(const struct rv_outside_item *it, bool ascii, struct strbuf *out)
{
	struct strbuf raw;
	sb_init(&raw);
	describe_raw(it, ascii, &raw);
	text_sanitize(out, raw.data, raw.len, 0);
	sb_free(&raw);
}

/* "alice", "alice and bob", "alice and 2 others"; "Changed on disk" when no change says who. */
static void authors(const struct rv_outside *o, struct strbuf *out)
{
	const char *first = NULL, *second = NULL;
	size_t n = 0;
	for (size_t i = 0; i < o->n; i++) {
		const char *a = o->items[i].author;
		bool seen = false;
		for (size_t j = 0; a && j < i && !seen; j++)
			seen = o->items[j].author && strcmp(o->items[j].author, a) == 0;
		if (!a || seen)
			continue;
		if (!n)
			first = a;
		else if (n == 1)
			second = a;
		n++;
	}
	if (!n)
		sb_adds(out, "Changed on disk");
	else if (n == 1)
		sb_adds(out, first);
	else if (n == 2)
		sb_addf(out, "%s and %s", first, second);
	else
		sb_addf(out, "%s and %zu others", first, n - 1);
}

void rv_outside_summary(const struct rv_outside *o, bool ascii, size_t max, struct strbuf *out)
{
	struct strbuf raw;
	sb_init(&raw);
	authors(o, &raw);
	sb_adds(&raw, ": ");
	if (o->n == 1) {
		describe_raw(&o->items[0], ascii, &raw);
	} else {
		sb_addf(&raw, "%zu changes (", o->n);
		for (size_t i = 0; i < o->n; i++) {
			if (i && raw.len >= max) {
				sb_adds(&raw, ascii ? ", ..." : ", \xE2\x80\xA6");
				break;
			}
			if (i)
				sb_adds(&raw, ", ");
			describe_raw(&o->items[i], ascii, &raw);
		}
		sb_addc(&raw, ')');
	}
	text_sanitize(out, raw.data, raw.len, 0);
	sb_free(&raw);
}
