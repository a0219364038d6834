/* target.c - resolving ':' names (recommendations, questions, deliverables, reviews) and completing them. */
#include "recview/target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recview/arena.h"
#include "recview/strbuf.h"

#define FORMS "try 11, SSR2-5.4, Q19, SSR1-3/D2"

static long find_in_review(const struct rv_model *m, struct rv_text review, const char *num, size_t len)
{
	if (!review.len)
		return -1;
	char id[512];
	int w = snprintf(id, sizeof(id), "%.*s-%.*s", (int)review.len, review.ptr, (int)len, num);
	return w > 0 && (size_t)w < sizeof(id) ? rv_find_rec(m, id, (size_t)w) : -1;
}

/* A recommendation by id, else a bare number in the review of here (in_here), or in any (!in_here). */
static long find_rec(const struct rv_model *m, const char *s, size_t len, long here, bool in_here)
{
	long rec = rv_find_rec(m, s, len);
	if (rec >= 0 || !len)
		return rec;
	if (in_here)
		return here >= 0 ? find_in_review(m, rv_rec_review_of(m, (size_t)here), s, len) : -1;
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text review = rv_rec_review_of(m, i);
		if (i > 0 && rv_text_same(review, rv_rec_review_of(m, i - 1)))
			continue; /* recommendations of a review come together: each review tried once */
		if ((rec = find_in_review(m, review, s, len)) >= 0)
			return rec;
	}
	return -1;
}

/* A question whose qid is s, among those of here's review (in_here) or any; -1 when none. */
static long find_qid(const struct rv_model *m, const char *s, size_t len, long here, bool in_here)
{
	struct rv_text want_review = here >= 0 ? rv_rec_review_of(m, (size_t)here) : (struct rv_text){"", 0};
	if (in_here && !want_review.len)
		return -1;
	size_t n = rv_child_total(m, RV_QUESTIONS);
	for (size_t q = 0; q < n; q++) {
		struct rv_text qid = rv_child_field(m, RV_QUESTIONS, q, Q_QID);
		long rec = rv_child_at(m, RV_QUESTIONS, q)->rec;
		if (qid.len != len || strncasecmp(qid.ptr, s, len) != 0 || rec < 0)
			continue;
		if (!in_here || rv_text_same(rv_rec_review_of(m, (size_t)rec), want_review))
			return (long)q;
	}
	return -1;
}

static void set_item(const struct rv_model *m, struct rv_target *out, enum rv_kind kind, size_t child)
{
	out->kind = RV_TARGET_ITEM;
	out->item = (struct rv_item){kind, child};
	out->rec = rv_item_rec(m, out->item);
}

static void set_rec(struct rv_target *out, long rec)
{
	out->kind = RV_TARGET_REC;
	out->rec = rec;
	out->item = (struct rv_item){RV_RECS, (size_t)rec};
}

/* A review named s: a recommendation's review or a row of reviews.csv (ignoring case). */
static bool find_review(const struct rv_model *m, const char *s, size_t len, struct rv_text *out)
{
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text r = rv_rec_review_of(m, i);
		if (r.len == len && strncasecmp(r.ptr, s, len) == 0)
			return *out = r, true;
	}
	size_t n = rv_child_total(m, RV_REVIEWS);
	for (size_t c = 0; c < n; c++) {
		struct rv_text r = rv_child_field(m, RV_REVIEWS, c, REV_REVIEW);
		if (r.len == len && strncasecmp(r.ptr, s, len) == 0)
			return *out = r, true;
	}
	return false;
}

/* "what": the name quoted for a message, cut and with control characters left out. */
static void quote(char *buf, size_t size, const char *s, size_t len)
{
	size_t k = 0;
	for (size_t i = 0; i < len && k + 4 < size && i < 40; i++)
		if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
			buf[k++] = s[i];
	buf[k] = '\0';
}

/* ID/ITEM: an item of a recommendation (D2, Q11.13, Q#3; the letter in either case). */
static bool resolve_item(const struct rv_model *m, const char *s, size_t slash, size_t len, long here,
			 struct rv_target *out, char *err, size_t errsize)
{
	char what[64], name[64];
	long rec = find_rec(m, s, slash, here, true);
	if (rec < 0)
		rec = find_rec(m, s, slash, here, false);
	if (rec < 0) {
		quote(what, sizeof(what), s, slash);
		snprintf(err, errsize, "No recommendation '%s' (%s)", what, FORMS);
		return false;
	}
	quote(name, sizeof(name), s + slash + 1, len - slash - 1);
	if (name[0] == 'd' || name[0] == 'q')
		name[0] = (char)(name[0] - 'a' + 'A');
	struct rv_item it;
	struct rv_text id = rv_rec_id(m, (size_t)rec);
	if ((name[0] == 'D' || name[0] == 'Q') && rv_item_find(m, (size_t)rec, name, strlen(name), &it)) {
		set_item(m, out, it.kind, it.index);
		return true;
	}
	/* What it has instead, by the names that reach them. */
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%.*s has no %s: ", (int)(id.len < 40 ? id.len : 40), id.ptr, name[0] ? name : "item named");
	size_t shown = 0;
	enum rv_kind kinds[] = {RV_DELIVERABLES, RV_QUESTIONS};
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < rv_rec_child_count(m, (size_t)rec, kinds[k]); i++, shown++) {
			if (shown == 8) {
				sb_adds(&sb, ", ...");
				break;
			}
			sb_adds(&sb, shown ? ", " : "it has ");
			rv_item_name(m, (struct rv_item){kinds[k], rv_rec_child_index(m, (size_t)rec, kinds[k], i)}, &sb);
		}
	if (!shown)
		sb_adds(&sb, "it has no deliverables or questions");
	snprintf(err, errsize, "%s", sb.data);
	sb_free(&sb);
	return false;
}

/* Q19, Q11.13: a question by its qid, here's review first. */
static bool resolve_qid(const struct rv_model *m, const char *s, size_t len, long here, struct rv_target *out, char *err,
			size_t errsize)
{
	long q = find_qid(m, s, len, here, true);
	if (q < 0)
		q = find_qid(m, s, len, here, false);
	if (q >= 0) {
		set_item(m, out, RV_QUESTIONS, (size_t)q);
		return true;
	}
	char what[64];
	quote(what, sizeof(what), s, len);
	snprintf(err, errsize, "No question with qid '%s' (%s)", what, FORMS);
	return false;
}

/* A bare name: a recommendation here, a question here, a recommendation or question anywhere. */
static bool resolve_bare(const struct rv_model *m, const char *s, size_t len, long here, struct rv_target *out)
{
	long rec = find_rec(m, s, len, here, true);
	if (rec >= 0)
		return set_rec(out, rec), true;
	long q = find_qid(m, s, len, here, true);
	long other = find_rec(m, s, len, here, false);
	if (q >= 0) {
		set_item(m, out, RV_QUESTIONS, (size_t)q);
		if (other >= 0) {
			struct rv_text id = rv_rec_id(m, (size_t)other);
			snprintf(out->also, sizeof(out->also), "%.*s", (int)(id.len < 60 ? id.len : 60), id.ptr);
		}
		return true;
	}
	if (other >= 0)
		return set_rec(out, other), true;
	if ((q = find_qid(m, s, len, here, false)) >= 0)
		return set_item(m, out, RV_QUESTIONS, (size_t)q), true;
	return false;
}

bool rv_target_resolve(const struct rv_model *m, const char *text, long here, struct rv_target *out, char *err,
		       size_t errsize)
{
	memset(out, 0, sizeof(*out));
	out->rec = -1;
	while (*text == ' ')
		text++;
	size_t len = strlen(text);
	while (len && text[len - 1] == ' ')
		len--;
	char what[64];
	if (!len) {
		snprintf(err, errsize, "Type a name (%s)", FORMS);
		return false;
	}
	const char *slash = memchr(text, '/', len);
	if (slash)
		return resolve_item(m, text, (size_t)(slash - text), len, here, out, err, errsize);
	long rec = rv_find_rec(m, text, len);
	if (rec >= 0)
		return set_rec(out, rec), true;
	if ((text[0] == 'Q' || text[0] == 'q') && len > 1 && text[1] >= '0' && text[1] <= '9')
		return resolve_qid(m, text + 1, len - 1, here, out, err, errsize);
	if (find_review(m, text, len, &out->review)) {
		out->kind = RV_TARGET_REVIEW;
		return true;
	}
	if (resolve_bare(m, text, len, here, out))
		return true;
	quote(what, sizeof(what), text, len);
	snprintf(err, errsize, "Nothing is called '%s' (%s)", what, FORMS);
	return false;
}

/* ---- completion ---- */

struct names {
	char **v;
	size_t n;
	const char *prefix;
	size_t plen;
};

static void add_name(struct names *ns, const char *s, size_t len)
{
	if (len < ns->plen || strncasecmp(s, ns->prefix, ns->plen) != 0)
		return;
	ns->v = xreallocarray(ns->v, ns->n + 1, sizeof(*ns->v));
	ns->v[ns->n++] = xstrndup(s, len);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* After "ID/": that recommendation's deliverables and questions, written after the ID as typed. */
static void add_items(const struct rv_model *m, struct names *ns, const char *text, size_t slash, long here)
{
	long rec = find_rec(m, text, slash, here, true);
	if (rec < 0)
		rec = find_rec(m, text, slash, here, false);
	if (rec < 0)
		return;
	enum rv_kind kinds[] = {RV_DELIVERABLES, RV_QUESTIONS};
	for (size_t k = 0; k < 2; k++) {
		size_t n = rv_rec_child_count(m, (size_t)rec, kinds[k]);
		for (size_t i = 0; i < n; i++) {
			struct strbuf sb;
			sb_init(&sb);
			sb_add(&sb, text, slash + 1);
			if (rv_item_name(m, (struct rv_item){kinds[k], rv_rec_child_index(m, (size_t)rec, kinds[k], i)}, &sb))
				add_name(ns, sb.data, sb.len);
			sb_free(&sb);
		}
	}
}

static void add_recs_and_reviews(const struct rv_model *m, struct names *ns)
{
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text id = rv_rec_id(m, i);
		struct rv_text review = rv_rec_review_of(m, i);
		add_name(ns, id.ptr, id.len);
		if (review.len && id.len > review.len + 1 && memcmp(id.ptr, review.ptr, review.len) == 0)
			add_name(ns, id.ptr + review.len + 1, id.len - review.len - 1);
		if (review.len && (i == 0 || !rv_text_same(review, rv_rec_review_of(m, i - 1))))
			add_name(ns, review.ptr, review.len);
	}
	size_t n = rv_child_total(m, RV_REVIEWS);
	for (size_t c = 0; c < n; c++) {
		struct rv_text r = rv_child_field(m, RV_REVIEWS, c, REV_REVIEW);
		add_name(ns, r.ptr, r.len);
	}
}

static void add_qids(const struct rv_model *m, struct names *ns, bool with_q)
{
	size_t n = rv_child_total(m, RV_QUESTIONS);
	for (size_t q = 0; q < n; q++) {
		struct rv_text qid = rv_child_field(m, RV_QUESTIONS, q, Q_QID);
		if (!qid.len || rv_child_at(m, RV_QUESTIONS, q)->rec < 0)
			continue;
		char buf[128];
		int w = snprintf(buf, sizeof(buf), "%s%.*s", with_q ? "Q" : "", (int)(qid.len < 100 ? qid.len : 100), qid.ptr);
		add_name(ns, buf, (size_t)w);
	}
}

size_t rv_target_complete(const struct rv_model *m, const char *text, long here, char ***out)
{
	struct names ns = {NULL, 0, text, strlen(text)};
	const char *slash = strchr(text, '/');
	if (slash) {
		add_items(m, &ns, text, (size_t)(slash - text), here);
	} else {
		add_recs_and_reviews(m, &ns);
		add_qids(m, &ns, false);
		if (text[0] == 'Q' || text[0] == 'q')
			add_qids(m, &ns, true);
	}
	if (ns.n > 1)
		qsort(ns.v, ns.n, sizeof(*ns.v), by_name);
	size_t k = 0;
	for (size_t i = 0; i < ns.n; i++) {
		if (k && strcmp(ns.v[k - 1], ns.v[i]) == 0)
			free(ns.v[i]);
		else
			ns.v[k++] = ns.v[i];
	}
	*out = ns.v;
	return k;
}

void rv_target_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
