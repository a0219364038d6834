/* activity_sort.c - the orders of the log (activity_sort.h). */
#include "recview/activity_sort.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/vocab.h"

enum { K_NEWEST, K_AUTHOR, K_ID, K_KIND, K_COUNT };

static const char *const names[K_COUNT + 1] = {"newest", "author", "id", "kind", NULL};

const char *const *rv_activity_sort_names(void)
{
	return names;
}

bool rv_activity_sort_parse(const char *name, int *key, bool *reverse)
{
	if (!name)
		return false;
	bool rev = name[0] == '-';
	name += rev;
	if (strcmp(name, "oldest") == 0) {
		*key = K_NEWEST;
		*reverse = !rev;
		return true;
	}
	for (int k = 0; k < K_COUNT; k++) {
		if (strcmp(name, names[k]) == 0) {
			*key = k;
			*reverse = rev;
			return true;
		}
	}
	return false;
}

struct entry_key {
	uint32_t index; /* into e: the log's order, newest first */
	struct rv_text text;
};

static bool natural; /* ids compare in natural order (vocab.h) */
static bool reversed;

static int compare_text(struct rv_text a, struct rv_text b)
{
	if (!a.len || !b.len)
		return (a.len == 0) - (b.len == 0); /* no value last */
	if (natural)
		return rv_id_compare(a.ptr, a.len, b.ptr, b.len);
	size_t n = a.len < b.len ? a.len : b.len;
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a.ptr[i], y = (unsigned char)b.ptr[i];
		x = (unsigned char)(x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x);
		y = (unsigned char)(y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
		if (x != y)
			return x < y ? -1 : 1;
	}
	return a.len < b.len ? -1 : a.len > b.len;
}

static int compare_entries(const void *pa, const void *pb)
{
	const struct entry_key *a = pa, *b = pb;
	int r = compare_text(a->text, b->text);
	if (reversed)
		r = -r;
	return r ? r : (a->index < b->index ? -1 : a->index > b->index);
}

void rv_activity_sort(const struct rv_model *m, const struct rv_activity *e, uint32_t *order, size_t n, int key,
		      bool reverse)
{
	if (key <= K_NEWEST || key >= K_COUNT) {
		for (size_t i = 0; reverse && i < n / 2; i++) {
			uint32_t t = order[i];
			order[i] = order[n - 1 - i];
			order[n - 1 - i] = t;
		}
		return;
	}
	struct entry_key *k = xcalloc(n + 1, sizeof(*k));
	for (size_t i = 0; i < n; i++) {
		const struct rv_activity *x = &e[order[i]];
		k[i].index = order[i];
		k[i].text = key == K_AUTHOR ? rv_activity_author(m, x) : key == K_ID ? rv_activity_rec_id(m, x)
											: rv_activity_kind(m, x);
	}
	natural = key == K_ID;
	reversed = reverse;
	qsort(k, n, sizeof(*k), compare_entries);
	for (size_t i = 0; i < n; i++)
		order[i] = k[i].index;
	free(k);
}
