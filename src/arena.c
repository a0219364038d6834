/* arena.c - bump allocator; one free() per block instead of one per string. */
#include "recview/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next; /* older block */
	size_t size;              /* usable bytes in data[] */
	size_t used;              /* bytes taken */
	max_align_t data[];       /* storage, aligned for anything */
};

static void out_of_memory(size_t size)
{
	fprintf(stderr, "recview: out of memory (asked for %zu bytes)\n", size);
	exit(3);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (!q)
		out_of_memory(size);
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len + 1);
	return p;
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void arena_init(struct arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size ? block_size : 64 * 1024;
	a->used_bytes = 0;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used_bytes = 0;
}

void *arena_alloc(struct arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size_t need = (size + align - 1) / align * align;
	struct arena_block *b = a->head;

	if (!b || b->size - b->used < need) {
		/* Big requests get a block of their own so that small ones keep filling the current block. */
		size_t cap = need > a->block_size / 4 ? need : a->block_size;
		struct arena_block *nb = xmalloc(sizeof(*nb) + cap);
		nb->size = cap;
		nb->used = 0;
		if (b && cap != a->block_size) {
			nb->next = b->next;
			b->next = nb;
			b = nb;
		} else {
			nb->next = b;
			a->head = nb;
			b = nb;
		}
	}
	void *p = (char *)b->data + b->used;
	b->used += need;
	a->used_bytes += need;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
