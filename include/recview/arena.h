/* arena.h - bump allocator for strings and small objects that live as long as a data set. */
#ifndef RECVIEW_ARENA_H
#define RECVIEW_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head; /* newest block; older ones follow */
	size_t block_size;        /* size of a fresh block */
	size_t used_bytes;        /* bytes handed out, for statistics */
};

void arena_init(struct arena *a, size_t block_size);
void arena_free(struct arena *a);
/* Memory aligned for any object; aborts on out-of-memory, like xmalloc. */
void *arena_alloc(struct arena *a, size_t size);
/* A NUL-terminated copy of len bytes (which may contain NULs). */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);

/* Allocation helpers that exit with a message instead of returning NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* The first len bytes of s (which need not be NUL-terminated), NUL-terminated. */
char *xstrndup(const char *s, size_t len);

#endif
