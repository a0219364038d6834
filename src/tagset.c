/* tagset.c - a set of tagged items, kept by index and, across a reload, by name (tagset.h). */
#include "recview/tagset.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/strbuf.h"

struct tag_name {
	enum rv_kind kind;
	char *id;   /* the recommendation's id */
	char *item; /* the item's name within it (changelog.h) */
};

struct rv_tagset {
	uint8_t *on[RV_KIND_COUNT]; /* one byte per item: tagged or not */
	size_t size[RV_KIND_COUNT];
	size_t count[RV_KIND_COUNT];
	struct tag_name *names;     /* rv_tagset_remember: each tag by name */
	size_t nnames;
};

struct rv_tagset *rv_tagset_new(void)
{
	return xcalloc(1, sizeof(struct rv_tagset));
}

static void forget_names(struct rv_tagset *t)
{
	for (size_t i = 0; i < t->nnames; i++) {
		free(t->names[i].id);
		free(t->names[i].item);
	}
	free(t->names);
	t->names = NULL;
	t->nnames = 0;
}

void rv_tagset_free(struct rv_tagset *t)
{
	if (!t)
		return;
	for (int k = 0; k < RV_KIND_COUNT; k++)
		free(t->on[k]);
	forget_names(t);
	free(t);
}

bool rv_tagset_taggable(enum rv_kind kind)
{
	return kind == RV_RECS || kind == RV_DELIVERABLES || kind == RV_QUESTIONS;
}

bool rv_tagset_has(const struct rv_tagset *t, struct rv_item it)
{
	return t && rv_tagset_taggable(it.kind) && it.index < t->size[it.kind] && t->on[it.kind][it.index];
}

bool rv_tagset_set(struct rv_tagset *t, struct rv_item it, bool on)
{
	if (!rv_tagset_taggable(it.kind) || rv_tagset_has(t, it) == on)
		return false;
	if (it.index >= t->size[it.kind]) {
		size_t size = it.index + 1024;
		t->on[it.kind] = xreallocarray(t->on[it.kind], size, 1);
		memset(t->on[it.kind] + t->size[it.kind], 0, size - t->size[it.kind]);
		t->size[it.kind] = size;
	}
	t->on[it.kind][it.index] = on;
	if (on)
		t->count[it.kind]++;
	else
		t->count[it.kind]--;
	return true;
}

size_t rv_tagset_count(const struct rv_tagset *t, enum rv_kind kind)
{
	if (!t)
		return 0;
	if (kind != RV_KIND_COUNT)
		return t->count[kind];
	size_t n = 0;
	for (int k = 0; k < RV_KIND_COUNT; k++)
		n += t->count[k];
	return n;
}

size_t rv_tagset_list(const struct rv_tagset *t, enum rv_kind kind, struct rv_item **out)
{
	size_t n = rv_tagset_count(t, kind);
	*out = xcalloc(n + 1, sizeof(**out));
	size_t k = 0;
	for (size_t i = 0; t && i < t->size[kind] && k < n; i++)
		if (t->on[kind][i])
			(*out)[k++] = (struct rv_item){kind, i};
	return k;
}

void rv_tagset_clear(struct rv_tagset *t)
{
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		if (t->on[k])
			memset(t->on[k], 0, t->size[k]);
		t->count[k] = 0;
	}
}

void rv_tagset_remember(struct rv_tagset *t, const struct rv_model *m)
{
	forget_names(t);
	t->names = xcalloc(rv_tagset_count(t, RV_KIND_COUNT) + 1, sizeof(*t->names));
	struct strbuf item;
	sb_init(&item);
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		for (size_t i = 0; i < t->size[k]; i++) {
			struct rv_item it = {(enum rv_kind)k, i};
			long rec = t->on[k][i] ? rv_item_rec(m, it) : -1;
			sb_reset(&item);
			if (rec < 0 || !rv_item_name(m, it, &item))
				continue;
			struct rv_text id = rv_rec_id(m, (size_t)rec);
			struct tag_name *n = &t->names[t->nnames++];
			n->kind = (enum rv_kind)k;
			n->id = xstrndup(id.ptr, id.len);
			n->item = xstrdup(item.data ? item.data : "");
		}
	}
	sb_free(&item);
	rv_tagset_clear(t);
}

size_t rv_tagset_recall(struct rv_tagset *t, const struct rv_model *m)
{
	size_t lost = 0;
	for (size_t i = 0; i < t->nnames; i++) {
		const struct tag_name *n = &t->names[i];
		long rec = rv_find_rec(m, n->id, strlen(n->id));
		struct rv_item it;
		if (rec >= 0 && rv_item_find(m, (size_t)rec, n->item, strlen(n->item), &it) && it.kind == n->kind)
			rv_tagset_set(t, it, true);
		else
			lost++;
	}
	forget_names(t);
	return lost;
}
