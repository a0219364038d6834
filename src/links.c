/*
 * links.c - a child row's recommendation: the id index (exact and case-folded), the id rule's keys
 * (links.h) and "did you mean".
 *
 * The rule's index holds up to three keys per recommendation: the key of its id (a bare number
 * qualified by its review column: "Rec 1" of SSR1 is "ssr1|1"), the key of its review and number
 * columns ("SSR1" and "01": "ssr1|1"), and its bare number ("#1") for children that give the number
 * with no review. A key two recommendations share is ambiguous: a child naming it links to neither
 * and is told both. Both indexes are built the first time an id needs them, so a data set whose ids
 * all match exactly pays nothing for them.
 */
#include "recview/links.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/diag.h"
#include "recview/entity.h"
#include "recview/model_cells.h"
#include "recview/text.h"
#include "recview/vocab.h"

size_t rv_links_probes;

struct key_entry {
	uint64_t hash;
	uint32_t off, len; /* in keys */
	int32_t rec, other; /* other: a second recommendation with the same key, or -1 */
};

/* "Did you mean": every key and each of its one-character deletions, by a 32-bit hash. */
struct near_slot {
	uint32_t hash;
	uint32_t rec; /* + 1; 0 = empty */
};

struct rv_link_index {
	bool built;
	struct key_entry *entries;
	size_t nentries, cap;
	uint32_t *slots; /* entry index + 1, 0 = empty */
	size_t nslots;
	char *keys;
	size_t keys_len, keys_cap;
	int review_col[RV_KIND_COUNT]; /* a child file's review column, -1 none, -2 not looked for */
	bool near_built;
	struct near_slot *near;
	size_t nnear;
};

/* ---- the exact index ---- */

static uint64_t hash_bytes(const char *s, size_t len, bool fold)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (fold && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 1099511628211ULL;
	}
	return h;
}

/* Ids are hashed without case, so one probe sequence finds both exact and case-folded matches. */
long rv_find_rec(const struct rv_model *m, const char *id, size_t len)
{
	if (!m->id_hash_size)
		return -1;
	size_t mask = m->id_hash_size - 1;
	long folded = -1;
	for (size_t i = hash_bytes(id, len, true) & mask;; i = (i + 1) & mask) {
		uint32_t slot = m->id_hash[i];
		if (!slot)
			return folded;
		struct csv_cell c = rv_rec_cell(m, slot - 1, REC_ID);
		if (c.len == len && memcmp(c.ptr, id, len) == 0)
			return (long)slot - 1;
		if (folded < 0 && text_equal_nocase(c.ptr, c.len, id, len))
			folded = (long)slot - 1;
	}
}

static struct diag *report_at(struct rv_model *m, enum rv_kind kind, uint32_t row, struct csv_cell cell,
			      enum diag_severity sev, const char *msg)
{
	const struct csv_table *t = rv_kind_csv(m, kind);
	uint32_t line, col;
	csv_table_position(t, cell.raw_off, &line, &col);
	struct diag *d = diag_add(&m->diags, sev, t->path, line, col, "%s", msg);
	d->table = (int)kind;
	d->row = (long)row;
	return d;
}

void rv_links_index_ids(struct rv_model *m)
{
	const struct csv_table *t = rv_kind_csv(m, RV_RECS);
	m->links = xcalloc(1, sizeof(*m->links));
	for (int k = 0; k < RV_KIND_COUNT; k++)
		m->links->review_col[k] = -2;
	m->id_hash_size = 16;
	while (m->id_hash_size < m->nrecs * 2)
		m->id_hash_size *= 2;
	m->id_hash = xcalloc(m->id_hash_size, sizeof(*m->id_hash));
	size_t mask = m->id_hash_size - 1;

	/* Insert in file order so that the first of two duplicate rows owns the id. */
	uint32_t *by_row = xcalloc(t->nrows + 1, sizeof(*by_row));
	for (size_t i = 0; i < m->nrecs; i++)
		by_row[m->recs[i].row] = (uint32_t)i + 1;
	for (size_t r = 0; r < t->nrows; r++) {
		if (!by_row[r])
			continue; /* a flat sheet's row under its recommendation's first */
		size_t i = by_row[r] - 1;
		struct csv_cell id = rv_rec_cell(m, i, REC_ID);
		if (id.len == 0) {
			report_at(m, RV_RECS, (uint32_t)r, id, DIAG_ERROR, "empty id (the row is kept, but nothing can link to it)");
			continue;
		}
		size_t slot = hash_bytes(id.ptr, id.len, true) & mask;
		bool dup = false;
		for (; m->id_hash[slot]; slot = (slot + 1) & mask) {
			size_t other = m->id_hash[slot] - 1;
			struct csv_cell oid = rv_rec_cell(m, other, REC_ID);
			if (oid.len == id.len && memcmp(oid.ptr, id.ptr, id.len) == 0) {
				struct strbuf sb;
				sb_init(&sb);
				sb_adds(&sb, "duplicate id ");
				diag_quote(&sb, id.ptr, id.len, 40);
				sb_addf(&sb, " (first on line %u); links go to the first", t->rows[m->recs[other].row].line);
				report_at(m, RV_RECS, (uint32_t)r, id, DIAG_ERROR, sb.data);
				sb_free(&sb);
				m->recs[i].duplicate = true;
				dup = true;
				break;
			}
		}
		if (!dup)
			m->id_hash[slot] = (uint32_t)i + 1;
	}
	free(by_row);
}

void rv_links_free(struct rv_model *m)
{
	struct rv_link_index *x = m->links;
	free(m->id_hash);
	m->id_hash = NULL;
	m->id_hash_size = 0;
	if (!x)
		return;
	free(x->entries);
	free(x->slots);
	free(x->keys);
	free(x->near);
	free(x);
	m->links = NULL;
}

/* ---- the id rule's keys ---- */

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Letters, and every byte of a non-ASCII character (kept as it is). */
static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t skip_separators(const char *s, size_t len, size_t i)
{
	while (i < len && !is_alpha((unsigned char)s[i]) && !is_digit((unsigned char)s[i]))
		i++;
	return i;
}

/* Word w (lower case) at s[i], case ignored, not followed by a letter. */
static bool word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (len - i < n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char)s[i + k]) != (unsigned char)w[k])
			return false;
	return i + n == len || !is_alpha((unsigned char)s[i + n]);
}

/* Where the id proper begins: after "Recommendation", "Rec", "Rec.", "R-", "#" and the like. */
static size_t skip_prefix(const char *s, size_t len)
{
	size_t i = skip_separators(s, len, 0);
	for (;;) {
		size_t j = i;
		if (word_at(s, len, i, "recommendation"))
			j = i + 14;
		else if (word_at(s, len, i, "rec"))
			j = i + 3;
		else if (i + 1 < len && lower((unsigned char)s[i]) == 'r' && strchr("-.# ", s[i + 1]))
			j = i + 1;
		if (j == i)
			return i;
		j = skip_separators(s, len, j);
		if (j >= len)
			return i; /* "Rec" alone is an id like any other */
		i = j;
	}
}

size_t rv_id_key(const char *s, size_t len, char *out, size_t size)
{
	size_t n = 0;
	int prev = 0; /* 0 nothing yet, 1 a letter, 2 a digit */
	char sep = 0; /* the separator since the last letter or digit: '.', '-' for any other, 0 none */
	if (size < 4)
		return 0;
	for (size_t i = skip_prefix(s, len); i < len && n + 3 < size;) {
		unsigned char c = (unsigned char)s[i];
		if (is_digit(c)) {
			size_t j = i;
			while (j < len && is_digit((unsigned char)s[j]))
				j++;
			bool decimals = prev == 2 && sep == '.';
			if (prev == 2)
				out[n++] = decimals ? '.' : '|';
			size_t k = i;
			while (!decimals && k + 1 < j && s[k] == '0')
				k++; /* SSR1-01 is SSR1-1; SSR2-1.10 stays SSR2-1.10 */
			while (k < j && n + 1 < size)
				out[n++] = s[k++];
			prev = 2;
			sep = 0;
			i = j;
		} else if (is_alpha(c)) {
			if (prev == 1 && sep)
				out[n++] = '|';
			out[n++] = (char)lower(c);
			prev = 1;
			sep = 0;
			i++;
		} else {
			if (sep != '.')
				sep = c == '.' ? '.' : '-';
			i++;
		}
	}
	out[n] = '\0';
	return n;
}

bool rv_id_key_bare(const char *key, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (is_alpha((unsigned char)key[i]))
			return false;
	return len > 0;
}

/* A bare number qualified by a review's key, as the key of "REVIEW-NUMBER" reads. */
static size_t qualify(const char *review, size_t rlen, const char *bare, size_t blen, char *out, size_t size)
{
	char rk[RV_ID_KEY_MAX];
	size_t n = rv_id_key(review, rlen, rk, sizeof(rk));
	if (!n || n + blen + 2 > size)
		return 0;
	memcpy(out, rk, n);
	if (is_digit((unsigned char)rk[n - 1]))
		out[n++] = '|';
	memcpy(out + n, bare, blen);
	n += blen;
	out[n] = '\0';
	return n;
}

/* The key of a recommendation's id, a bare number qualified by its review column. */
static size_t rec_key(const struct rv_model *m, size_t rec, char *out, size_t size)
{
	struct csv_cell id = rv_rec_cell(m, rec, REC_ID), review = rv_rec_cell(m, rec, REC_REVIEW);
	char k[RV_ID_KEY_MAX];
	size_t n = rv_id_key(id.ptr, id.len, k, sizeof(k));
	if (n && review.len && rv_id_key_bare(k, n)) {
		size_t q = qualify(review.ptr, review.len, k, n, out, size);
		if (q)
			return q;
	}
	memcpy(out, k, n + 1);
	return n;
}

/* Its bare number: the number column's, else the id's last number ("ssr2|10.1": "10.1"). */
static size_t rec_bare_key(const struct rv_model *m, size_t rec, const char *key, size_t klen, char *out)
{
	struct csv_cell number = rv_rec_cell(m, rec, REC_NUMBER);
	size_t n = rv_id_key(number.ptr, number.len, out, RV_ID_KEY_MAX);
	if (n && rv_id_key_bare(out, n))
		return n;
	size_t start = klen;
	while (start > 0 && (is_digit((unsigned char)key[start - 1]) || key[start - 1] == '.'))
		start--;
	if (start == klen || (start > 0 && key[start - 1] != '|'))
		return 0; /* "icann1": no number of its own */
	memcpy(out, key + start, klen - start);
	out[klen - start] = '\0';
	return klen - start;
}

static struct key_entry *find_key(const struct rv_link_index *x, const char *key, size_t len)
{
	if (!x->nslots)
		return NULL;
	uint64_t h = hash_bytes(key, len, false);
	size_t mask = x->nslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		rv_links_probes++;
		uint32_t s = x->slots[i];
		if (!s)
			return NULL;
		struct key_entry *e = &x->entries[s - 1];
		if (e->hash == h && e->len == len && memcmp(x->keys + e->off, key, len) == 0)
			return e;
	}
}

static void add_key(struct rv_link_index *x, const char *key, size_t len, size_t rec)
{
	if (!len)
		return;
	struct key_entry *e = find_key(x, key, len);
	if (e) {
		if (e->rec != (int32_t)rec && e->other < 0)
			e->other = (int32_t)rec;
		return;
	}
	if (x->keys_len + len + 1 > x->keys_cap) {
		x->keys_cap = (x->keys_len + len + 1) * 2;
		x->keys = xreallocarray(x->keys, x->keys_cap, 1);
	}
	memcpy(x->keys + x->keys_len, key, len);
	uint64_t h = hash_bytes(key, len, false);
	x->entries[x->nentries] = (struct key_entry){h, (uint32_t)x->keys_len, (uint32_t)len, (int32_t)rec, -1};
	x->keys_len += len;
	size_t mask = x->nslots - 1, i = h & mask;
	while (x->slots[i])
		i = (i + 1) & mask;
	x->slots[i] = (uint32_t)++x->nentries;
}

/* Three keys per recommendation, in id order: one pass. */
static void build_rule_index(struct rv_model *m)
{
	struct rv_link_index *x = m->links;
	x->built = true;
	x->cap = m->nrecs * 3 + 1;
	x->entries = xcalloc(x->cap, sizeof(*x->entries));
	x->nslots = 16;
	while (x->nslots < x->cap * 2)
		x->nslots *= 2;
	x->slots = xcalloc(x->nslots, sizeof(*x->slots));
	for (size_t i = 0; i < m->nrecs; i++) {
		if (m->recs[i].duplicate)
			continue;
		char key[RV_ID_KEY_MAX], rn[RV_ID_KEY_MAX], bare[RV_ID_KEY_MAX + 1];
		size_t n = rec_key(m, i, key, sizeof(key));
		add_key(x, key, n, i);
		struct csv_cell review = rv_rec_cell(m, i, REC_REVIEW), number = rv_rec_cell(m, i, REC_NUMBER);
		char nk[RV_ID_KEY_MAX];
		size_t nn = rv_id_key(number.ptr, number.len, nk, sizeof(nk));
		if (review.len && nn && rv_id_key_bare(nk, nn)) {
			size_t q = qualify(review.ptr, review.len, nk, nn, rn, sizeof(rn));
			if (q && (q != n || memcmp(rn, key, n) != 0))
				add_key(x, rn, q, i);
		}
		bare[0] = '#';
		size_t b = rec_bare_key(m, i, key, n, bare + 1);
		if (b)
			add_key(x, bare, b + 1, i);
	}
}

/* ---- resolving a child's id ---- */

/* A child file's review column: a column no field claimed, named "review" or "review team". */
static int child_review_col(struct rv_model *m, enum rv_kind kind)
{
	struct rv_link_index *x = m->links;
	if (x->review_col[kind] != -2)
		return x->review_col[kind];
	x->review_col[kind] = -1;
	size_t ne = rv_extra_count(m, kind);
	for (size_t e = 0; e < ne; e++) {
		struct rv_text name = rv_extra_name(m, kind, e);
		char norm[32];
		rv_normalize_name(name.ptr, name.len, norm, sizeof(norm));
		if (strcmp(norm, "review") == 0 || strcmp(norm, "review team") == 0) {
			x->review_col[kind] = rv_extra_column_number(m, kind, e) - 1;
			break;
		}
	}
	return x->review_col[kind];
}

static struct csv_cell child_review(struct rv_model *m, enum rv_kind kind, uint32_t row)
{
	struct csv_cell none = {"", 0, 0};
	int col = m->links ? child_review_col(m, kind) : -1;
	const struct csv_table *t = rv_kind_csv(m, kind);
	if (col < 0 || row >= t->nrows)
		return none;
	return csv_cell_at(t, row, (size_t)col);
}

/* The id rule's entry for a child's id (with its review), or NULL. */
static const struct key_entry *rule_lookup(struct rv_model *m, struct csv_cell id, struct csv_cell review)
{
	if (!m->links)
		return NULL;
	if (!m->links->built)
		build_rule_index(m);
	char key[RV_ID_KEY_MAX + 1], q[RV_ID_KEY_MAX];
	size_t n = rv_id_key(id.ptr, id.len, key + 1, RV_ID_KEY_MAX);
	if (!n)
		return NULL;
	if (!rv_id_key_bare(key + 1, n))
		return find_key(m->links, key + 1, n);
	if (review.len) {
		size_t qn = qualify(review.ptr, review.len, key + 1, n, q, sizeof(q));
		return qn ? find_key(m->links, q, qn) : NULL;
	}
	key[0] = '#'; /* a bare number and no review: the recommendations' numbers */
	return find_key(m->links, key, n + 1);
}

static void report_unknown(struct rv_model *m, enum rv_kind kind, uint32_t row, struct csv_cell id)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "unknown recommendation ");
	diag_quote(&sb, id.ptr, id.len, 40);
	sb_adds(&sb, ": no such id in recommendations.csv");
	long near = rv_links_suggest(m, id.ptr, id.len);
	if (near >= 0) {
		struct csv_cell nid = rv_rec_cell(m, (size_t)near, REC_ID);
		sb_adds(&sb, "; did you mean ");
		text_sanitize(&sb, nid.ptr, nid.len, 0);
		sb_adds(&sb, "?");
	}
	sb_adds(&sb, " (the row is kept and listed on its own)");
	report_at(m, kind, row, id, DIAG_WARNING, sb.data);
	sb_free(&sb);
}

static void put_rec_line(struct rv_model *m, struct strbuf *sb, int32_t rec)
{
	struct csv_cell id = rv_rec_cell(m, (size_t)rec, REC_ID);
	text_sanitize(sb, id.ptr, id.len, 0);
	sb_addf(sb, " (line %u)", rv_kind_csv(m, RV_RECS)->rows[m->recs[rec].row].line);
}

static void report_ambiguous(struct rv_model *m, enum rv_kind kind, uint32_t row, struct csv_cell id,
			     const struct key_entry *e)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "ambiguous recommendation ");
	diag_quote(&sb, id.ptr, id.len, 40);
	sb_adds(&sb, ": the id rule reads it as ");
	put_rec_line(m, &sb, e->rec);
	sb_adds(&sb, " and as ");
	put_rec_line(m, &sb, e->other);
	sb_adds(&sb, "; linked to neither (the row is kept and listed on its own)");
	report_at(m, kind, row, id, DIAG_WARNING, sb.data);
	sb_free(&sb);
}

static bool same_cell(struct csv_cell a, struct csv_cell b)
{
	return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

/*
 * The recommendation after the last one linked, when it holds id exactly and owns it (no earlier row
 * has the same id): what the id index would find, without its probe. Child files mostly follow the
 * recommendations' order, so most rows that do not repeat the last id name the next one.
 */
static long next_rec_owning(const struct rv_model *m, const struct rv_link_cache *cache, struct csv_cell id)
{
	if (!cache || !cache->used || cache->rec < 0 || (size_t)cache->rec + 1 >= m->nrecs)
		return -1;
	size_t next = (size_t)cache->rec + 1;
	if (m->recs[next].duplicate || !same_cell(rv_rec_cell(m, next, REC_ID), id))
		return -1;
	return (long)next;
}

long rv_links_resolve(struct rv_model *m, enum rv_kind kind, uint32_t row, struct rv_link_cache *cache, uint8_t *how)
{
	struct csv_cell id = rv_cell(m, kind, row, rv_field_of_role(kind, RV_ROLE_REC_LINK));
	*how = RV_LINK_EXACT;
	if (!id.len) {
		report_at(m, kind, row, id, DIAG_WARNING, "empty rec_id: linked to no recommendation (kept)");
		return -1;
	}
	/* An id found as written (or but for case) needs no review: the child's review is read only for the rule. */
	if (cache && cache->used && cache->how != RV_LINK_SPELLING && same_cell(cache->id, id)) {
		*how = cache->how;
		return cache->rec;
	}
	struct csv_cell review = {"", 0, 0};
	long rec = next_rec_owning(m, cache, id); /* exact when found */
	if (rec < 0 && (rec = rv_find_rec(m, id.ptr, id.len)) >= 0) {
		*how = same_cell(rv_rec_cell(m, (size_t)rec, REC_ID), id) ? RV_LINK_EXACT : RV_LINK_CASE;
	} else if (rec < 0) {
		review = child_review(m, kind, row);
		if (cache && cache->used && cache->how == RV_LINK_SPELLING && same_cell(cache->id, id) &&
		    same_cell(cache->review, review)) {
			*how = cache->how;
			return cache->rec;
		}
		const struct key_entry *e = rule_lookup(m, id, review);
		if (e && e->other >= 0) {
			report_ambiguous(m, kind, row, id, e);
			return -1;
		}
		if (!e) {
			report_unknown(m, kind, row, id);
			return -1;
		}
		rec = e->rec;
		*how = RV_LINK_SPELLING;
	}
	if (cache)
		*cache = (struct rv_link_cache){id, review, rec, *how, true};
	return rec;
}

void rv_links_note(struct rv_model *m, enum rv_kind kind, size_t n, size_t first)
{
	if (!n)
		return;
	const struct rv_child *c = &m->children[kind][first];
	struct csv_cell id = rv_cell(m, kind, c->row, rv_field_of_role(kind, RV_ROLE_REC_LINK));
	struct csv_cell rid = rv_rec_cell(m, (size_t)c->rec, REC_ID);
	struct strbuf sb;
	sb_init(&sb);
	if (n == 1)
		sb_adds(&sb, "1 row names its recommendation by another spelling of its id, linked by the id rule (");
	else
		sb_addf(&sb, "%zu rows name their recommendation by another spelling of its id, linked by the id rule (first ", n);
	diag_quote(&sb, id.ptr, id.len, 40);
	sb_adds(&sb, " as ");
	text_sanitize(&sb, rid.ptr, rid.len, 0);
	sb_adds(&sb, ")");
	report_at(m, kind, c->row, id, DIAG_NOTE, sb.data);
	sb_free(&sb);
}

bool rv_child_describe_link(const struct rv_model *m, enum rv_kind kind, const struct rv_child *c, struct strbuf *out)
{
	if ((unsigned)kind >= RV_KIND_COUNT || !c || c->rec < 0 || c->link == RV_LINK_EXACT)
		return false;
	struct csv_cell id = rv_cell(m, kind, c->row, rv_field_of_role(kind, RV_ROLE_REC_LINK));
	struct csv_cell rid = rv_rec_cell(m, (size_t)c->rec, REC_ID);
	sb_adds(out, " \xE2\x80\x94 linked as ");
	text_sanitize(out, rid.ptr, rid.len, 0);
	sb_adds(out, " (written ");
	diag_quote(out, id.ptr, id.len, 40);
	sb_adds(out, ")");
	return true;
}

/* ---- did you mean ---- */

static uint32_t hash32_skip(const char *key, size_t len, size_t skip)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		if (i != skip)
			h = (h ^ (unsigned char)key[i]) * 16777619u;
	return h;
}

static void near_add(struct rv_link_index *x, uint32_t h, size_t rec)
{
	size_t mask = x->nnear - 1, i = h & mask;
	while (x->near[i].rec) {
		if (x->near[i].hash == h && x->near[i].rec == rec + 1)
			return;
		i = (i + 1) & mask;
	}
	x->near[i] = (struct near_slot){h, (uint32_t)rec + 1};
}

/* Keys longer than this have no deletions indexed: "did you mean" is for ids of a usual length. */
enum { NEAR_MAX_KEY = 32 };

static void build_near(struct rv_model *m)
{
	struct rv_link_index *x = m->links;
	x->near_built = true;
	size_t total = 0;
	char key[RV_ID_KEY_MAX];
	for (size_t i = 0; i < m->nrecs; i++) {
		size_t n = rec_key(m, i, key, sizeof(key));
		total += n <= NEAR_MAX_KEY ? n + 1 : 1;
	}
	x->nnear = 16;
	while (x->nnear < total * 2)
		x->nnear *= 2;
	x->near = xcalloc(x->nnear, sizeof(*x->near));
	for (size_t i = 0; i < m->nrecs; i++) {
		size_t n = rec_key(m, i, key, sizeof(key));
		if (!n || m->recs[i].duplicate)
			continue;
		near_add(x, hash32_skip(key, n, SIZE_MAX), i);
		for (size_t j = 0; n <= NEAR_MAX_KEY && j < n; j++)
			near_add(x, hash32_skip(key, n, j), i);
	}
}

/* Levenshtein distance, or max + 1 once it is sure to exceed max. */
static size_t edit_distance(const char *a, size_t an, const char *b, size_t bn, size_t max)
{
	if ((an > bn ? an - bn : bn - an) > max || an > NEAR_MAX_KEY || bn > NEAR_MAX_KEY)
		return max + 1;
	size_t row[NEAR_MAX_KEY + 1];
	for (size_t j = 0; j <= bn; j++)
		row[j] = j;
	for (size_t i = 1; i <= an; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= bn; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[bn];
}

long rv_links_suggest(struct rv_model *m, const char *id, size_t len)
{
	if (!m->links || !m->nrecs)
		return -1;
	if (!m->links->near_built)
		build_near(m);
	struct rv_link_index *x = m->links;
	char q[RV_ID_KEY_MAX];
	size_t n = rv_id_key(id, len, q, sizeof(q));
	if (!n || n > NEAR_MAX_KEY)
		return -1;
	long best = -1;
	size_t best_d = 3, mask = x->nnear - 1;
	for (size_t j = 0; j <= n; j++) {
		uint32_t h = hash32_skip(q, n, j == n ? SIZE_MAX : j);
		for (size_t i = h & mask; x->near[i].rec; i = (i + 1) & mask) {
			rv_links_probes++;
			if (x->near[i].hash != h)
				continue;
			size_t rec = x->near[i].rec - 1;
			char key[RV_ID_KEY_MAX];
			size_t kn = rec_key(m, rec, key, sizeof(key));
			size_t d = edit_distance(q, n, key, kn, 2);
			if (d * 2 >= n || d > 2)
				continue;
			if (d < best_d || (d == best_d && (long)rec < best)) {
				best_d = d;
				best = (long)rec;
			}
		}
	}
	return best;
}
