/* reviews.c - reviews with their milestones (a dated timeline) and work streams, from reviews.csv. */
#include "recview/reviews.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recview/arena.h"

static bool text_is(struct rv_text t, const char *word)
{
	return t.len == strlen(word) && strncasecmp(t.ptr, word, t.len) == 0;
}

bool rv_review_row_is_stream(const struct rv_model *m, size_t child)
{
	struct rv_text k = rv_child_field(m, RV_REVIEWS, child, REV_KIND);
	return text_is(k, "workstream") || text_is(k, "work stream") || text_is(k, "stream") ||
	       text_is(k, "work-stream");
}

long rv_reviews_find(const struct rv_review_set *s, const char *name, size_t len)
{
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->reviews[i].name) == len && memcmp(s->reviews[i].name, name, len) == 0)
			return (long)i;
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->reviews[i].name) == len && strncasecmp(s->reviews[i].name, name, len) == 0)
			return (long)i;
	return -1;
}

/* The review of that name, added at the end when it is new (exact names: SSR1 and ssr1 differ). */
static struct rv_review *review_of(struct rv_review_set *s, struct rv_text name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->reviews[i].name) == name.len && memcmp(s->reviews[i].name, name.ptr, name.len) == 0)
			return &s->reviews[i];
	s->reviews = xreallocarray(s->reviews, s->n + 1, sizeof(*s->reviews));
	struct rv_review *r = &s->reviews[s->n++];
	memset(r, 0, sizeof(*r));
	r->name = xstrndup(name.ptr, name.len);
	return r;
}

static void push(uint32_t **a, size_t *n, uint32_t v)
{
	*a = xreallocarray(*a, *n + 1, sizeof(**a));
	(*a)[(*n)++] = v;
}

/* The model the milestones are sorted against (qsort has no context argument). */
static const struct rv_model *sort_model;

static int by_date(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	struct rv_date_text dx = rv_child_date(sort_model, RV_REVIEWS, x), dy = rv_child_date(sort_model, RV_REVIEWS, y);
	bool ux = dx.precision == RV_DATE_PREC_NONE, uy = dy.precision == RV_DATE_PREC_NONE;
	if (ux != uy)
		return ux ? 1 : -1;
	if (!ux && dx.date != dy.date)
		return dx.date < dy.date ? -1 : 1;
	return x < y ? -1 : x > y;
}

void rv_reviews_build(const struct rv_model *m, struct rv_review_set *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text name = rv_rec_review_of(m, i);
		if (name.len)
			review_of(out, name)->nrecs++;
	}
	size_t rows = rv_child_total(m, RV_REVIEWS);
	for (size_t c = 0; c < rows; c++) {
		struct rv_text name = rv_child_field(m, RV_REVIEWS, c, REV_REVIEW);
		if (!name.len)
			continue;
		struct rv_review *r = review_of(out, name);
		if (rv_review_row_is_stream(m, c))
			push(&r->streams, &r->nstreams, (uint32_t)c);
		else
			push(&r->milestones, &r->nmilestones, (uint32_t)c);
	}
	sort_model = m;
	for (size_t i = 0; i < out->n; i++)
		if (out->reviews[i].nmilestones > 1)
			qsort(out->reviews[i].milestones, out->reviews[i].nmilestones, sizeof(uint32_t), by_date);
	sort_model = NULL;
}

void rv_reviews_free(struct rv_review_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->reviews[i].name);
		free(s->reviews[i].milestones);
		free(s->reviews[i].streams);
	}
	free(s->reviews);
	memset(s, 0, sizeof(*s));
}

enum rv_when rv_milestone_when(const struct rv_model *m, const struct rv_review *r, size_t i, int32_t today)
{
	if (i >= r->nmilestones)
		return RV_WHEN_UNDATED;
	struct rv_date_text d = rv_child_date(m, RV_REVIEWS, r->milestones[i]);
	if (d.precision == RV_DATE_PREC_NONE)
		return RV_WHEN_UNDATED;
	if (d.date > today)
		return RV_WHEN_TO_COME;
	/* Milestones are in date order: "now" is the latest date on or before today. */
	int32_t latest = d.date;
	for (size_t k = i + 1; k < r->nmilestones; k++) {
		struct rv_date_text n = rv_child_date(m, RV_REVIEWS, r->milestones[k]);
		if (n.precision == RV_DATE_PREC_NONE || n.date > today)
			break;
		latest = n.date;
	}
	return latest == d.date ? RV_WHEN_NOW : RV_WHEN_PAST;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t rv_scope_items(const char *s, size_t len, struct rv_text *items, size_t max)
{
	size_t n = 0, start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != ';')
			continue;
		size_t a = start, b = i;
		while (a < b && is_space(s[a]))
			a++;
		while (b > a && is_space(s[b - 1]))
			b--;
		if (b > a) {
			if (n < max)
				items[n] = (struct rv_text){s + a, b - a};
			n++;
		}
		start = i + 1;
	}
	return n;
}
