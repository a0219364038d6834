/* diag.c - the list of load problems: small records, at most a few of each kind, texts built when shown. */
#include "recview/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "recview/text.h"

static size_t keep_per_kind = DIAG_KEEP_PER_KIND;

void diag_set_keep_per_kind(size_t n)
{
	keep_per_kind = n;
}

void diag_list_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof(*dl));
	dl->keep_per_kind = keep_per_kind;
	arena_init(&dl->text, 16 * 1024);
}

void diag_list_free(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->nfiles; i++)
		free(dl->files[i]);
	for (size_t i = 0; i < dl->nkinds; i++)
		free(dl->kinds[i]);
	free(dl->items);
	free(dl->files);
	free(dl->kinds);
	free(dl->kind_hash);
	arena_free(&dl->text);
	memset(dl, 0, sizeof(*dl));
}

const char *diag_intern_file(struct diag_list *dl, const char *file)
{
	for (size_t i = 0; i < dl->nfiles; i++)
		if (strcmp(dl->files[i], file) == 0)
			return dl->files[i];
	dl->files = xreallocarray(dl->files, dl->nfiles + 1, sizeof(*dl->files));
	dl->files[dl->nfiles] = xstrdup(file);
	return dl->files[dl->nfiles++];
}

/* ---- kinds: a hash on (file, fixed text, tail) ---- */

static size_t kind_hash_of(const char *file, const char *what, size_t len, const char *tail)
{
	uint64_t h = 1469598103934665603ULL ^ (uint64_t)(uintptr_t)file;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)what[i]) * 1099511628211ULL;
	for (const char *s = tail ? tail : ""; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)(h ^ (h >> 29));
}

static bool kind_is(const struct diag_kind *k, const char *file, const char *what, size_t len, const char *tail)
{
	if (k->file != file || strncmp(k->what, what, len) != 0 || k->what[len] != '\0')
		return false;
	return (!k->tail && !tail) || (k->tail && tail && strcmp(k->tail, tail) == 0);
}

static void kind_hash_grow(struct diag_list *dl)
{
	free(dl->kind_hash);
	dl->kind_hash_size = dl->kind_hash_size ? dl->kind_hash_size * 2 : 64;
	dl->kind_hash = xcalloc(dl->kind_hash_size, sizeof(*dl->kind_hash));
	size_t mask = dl->kind_hash_size - 1;
	for (size_t i = 0; i < dl->nkinds; i++) {
		const struct diag_kind *k = dl->kinds[i];
		size_t slot = kind_hash_of(k->file, k->what, strlen(k->what), k->tail) & mask;
		while (dl->kind_hash[slot])
			slot = (slot + 1) & mask;
		dl->kind_hash[slot] = (uint32_t)i + 1;
	}
}

static struct diag_kind *kind_of(struct diag_list *dl, enum diag_severity sev, const char *file, const char *what,
				 size_t len, const char *tail)
{
	if (2 * (dl->nkinds + 1) > dl->kind_hash_size)
		kind_hash_grow(dl);
	size_t mask = dl->kind_hash_size - 1;
	size_t slot = kind_hash_of(file, what, len, tail) & mask;
	for (; dl->kind_hash[slot]; slot = (slot + 1) & mask) {
		struct diag_kind *k = dl->kinds[dl->kind_hash[slot] - 1];
		if (kind_is(k, file, what, len, tail))
			return k;
	}
	struct diag_kind *k = xcalloc(1, sizeof(*k));
	k->file = file;
	k->what = arena_strndup(&dl->text, what, len);
	k->tail = tail;
	k->severity = sev;
	k->index = (uint32_t)dl->nkinds;
	dl->kinds = xreallocarray(dl->kinds, dl->nkinds + 1, sizeof(*dl->kinds));
	dl->kinds[dl->nkinds++] = k;
	dl->kind_hash[slot] = k->index + 1;
	return k;
}

/* Counts the problem; returns the record to fill in, or NULL when its kind has all the list keeps. */
static struct diag *new_item(struct diag_list *dl, struct diag_kind *k, enum diag_severity sev, uint32_t line,
			     uint32_t col)
{
	if (sev == DIAG_ERROR)
		dl->errors++;
	else if (sev == DIAG_NOTE)
		dl->notes++;
	else
		dl->warnings++;
	size_t keep = k->limit ? k->limit : dl->keep_per_kind;
	if (keep && k->kept >= keep) {
		k->more++;
		return NULL;
	}
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 32;
		dl->items = xreallocarray(dl->items, dl->cap, sizeof(*dl->items));
	}
	k->kept++;
	struct diag *d = &dl->items[dl->n++];
	memset(d, 0, sizeof(*d));
	d->severity = sev;
	d->file = k->file;
	d->kind = k;
	d->line = line;
	d->col = col;
	d->table = -1;
	d->field = -1;
	d->row = -1;
	return d;
}

static struct diag *counted_only(struct diag_list *dl)
{
	memset(&dl->counted, 0, sizeof(dl->counted));
	dl->counted.table = -1;
	dl->counted.field = -1;
	dl->counted.row = -1;
	return &dl->counted;
}

/* Lists made with memset alone still work. */
static void ensure_arena(struct diag_list *dl)
{
	if (!dl->text.block_size)
		arena_init(&dl->text, 16 * 1024);
}

struct diag *diag_add(struct diag_list *dl, enum diag_severity sev, const char *file, uint32_t line,
		      uint32_t col, const char *fmt, ...)
{
	ensure_arena(dl);
	/* A message given whole is of the kind of its fixed start: the text before the value it quotes. */
	const char *what = fmt;
	size_t what_len = strlen(fmt);
	va_list ap;
	if (strcmp(fmt, "%s") == 0) {
		va_start(ap, fmt);
		what = va_arg(ap, const char *);
		va_end(ap);
		what_len = strcspn(what, "'");
	}
	struct diag_kind *k = kind_of(dl, sev, diag_intern_file(dl, file), what, what_len, NULL);
	struct diag *d = new_item(dl, k, sev, line, col);
	if (!d)
		return counted_only(dl);

	struct strbuf sb;
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	d->msg = arena_strndup(&dl->text, sb.data ? sb.data : "", sb.len);
	sb_free(&sb);
	return d;
}

struct diag *diag_add_value(struct diag_list *dl, enum diag_severity sev, const char *file, uint32_t line,
			    uint32_t col, const char *what, const char *value, size_t len, const char *tail)
{
	ensure_arena(dl);
	struct diag_kind *k = kind_of(dl, sev, diag_intern_file(dl, file), what, strlen(what), tail ? tail : "");
	struct diag *d = new_item(dl, k, sev, line, col);
	if (!d)
		return counted_only(dl);
	struct strbuf sb;
	sb_init(&sb);
	diag_quote(&sb, value, len, 40);
	d->value = arena_strndup(&dl->text, sb.data, sb.len);
	sb_free(&sb);
	return d;
}

size_t diag_limit_kind(struct diag_list *dl, enum diag_severity sev, const char *file, const char *fmt, size_t n)
{
	ensure_arena(dl);
	if (!dl->keep_per_kind)
		return 0;
	struct diag_kind *k = kind_of(dl, sev, diag_intern_file(dl, file), fmt, strlen(fmt), NULL);
	if (n && n < dl->keep_per_kind)
		k->limit = n;
	return k->limit ? k->limit : dl->keep_per_kind;
}

/* ---- showing them ---- */

void diag_message(const struct diag *d, struct strbuf *out)
{
	if (d->msg) {
		sb_adds(out, d->msg);
	} else if (d->kind && d->value) {
		sb_addf(out, "%s %s%s", d->kind->what, d->value, d->kind->tail ? d->kind->tail : "");
	}
}

static void add_file(struct strbuf *out, const char *path)
{
	struct strbuf file;
	sb_init(&file);
	text_sanitize(&file, path, strlen(path), 0);
	sb_add(out, file.data, file.len);
	sb_free(&file);
}

static const char *severity_name(enum diag_severity sev)
{
	return sev == DIAG_ERROR ? "error" : sev == DIAG_NOTE ? "note" : "warning";
}

void diag_format(const struct diag *d, struct strbuf *out)
{
	add_file(out, d->file);
	if (d->line) {
		sb_addf(out, ":%u", (unsigned)d->line);
		if (d->col)
			sb_addf(out, ":%u", (unsigned)d->col);
	}
	sb_addf(out, ": %s: ", severity_name(d->severity));
	diag_message(d, out);
}

/* 299000 as "299,000". */
static void add_count(struct strbuf *out, size_t n)
{
	char digits[32];
	int len = snprintf(digits, sizeof(digits), "%zu", n);
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			sb_addc(out, ',');
		sb_addc(out, digits[i]);
	}
}

void diag_format_more(const struct diag_kind *k, struct strbuf *out)
{
	add_file(out, k->file);
	sb_addf(out, ": %s: \u2026 and ", severity_name(k->severity));
	add_count(out, k->more);
	sb_adds(out, " more like this");
}

size_t *diag_list_last_of_kinds(const struct diag_list *dl)
{
	/* The list may have been sorted since: find the last problem of each kind. */
	size_t *last = xcalloc(dl->nkinds + 1, sizeof(*last));
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].kind)
			last[dl->items[i].kind->index] = i + 1;
	return last;
}

const struct diag_kind *diag_counted_after(const struct diag_list *dl, const size_t *last, size_t i)
{
	const struct diag_kind *k = dl->items[i].kind;
	return k && k->more && last[k->index] == i + 1 ? k : NULL;
}

void diag_list_write(const struct diag_list *dl, FILE *out)
{
	size_t *last = diag_list_last_of_kinds(dl);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag_kind *k = diag_counted_after(dl, last, i);
		sb_reset(&sb);
		diag_format(&dl->items[i], &sb);
		if (k) {
			sb_addc(&sb, '\n');
			diag_format_more(k, &sb);
		}
		fprintf(out, "%s\n", sb.data);
	}
	sb_free(&sb);
	free(last);
}

void diag_list_make_strict(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++)
		if (dl->items[i].severity == DIAG_WARNING)
			dl->items[i].severity = DIAG_ERROR;
	for (size_t i = 0; i < dl->nkinds; i++)
		if (dl->kinds[i]->severity == DIAG_WARNING)
			dl->kinds[i]->severity = DIAG_ERROR;
	dl->errors += dl->warnings;
	dl->warnings = 0;
}

void diag_quote(struct strbuf *out, const char *s, size_t len, int max_cols)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, 0);
	sb_addc(out, '\'');
	text_cut(out, clean.data, clean.len, max_cols, false);
	sb_addc(out, '\'');
	sb_free(&clean);
}

struct diag_sort_item {
	struct diag d;
	size_t file_order; /* index of its file among the files read */
	size_t index;      /* position before sorting: keeps the sort stable */
};

static int compare_diags(const void *a, const void *b)
{
	const struct diag_sort_item *x = a, *y = b;
	if (x->file_order != y->file_order)
		return x->file_order < y->file_order ? -1 : 1;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	if (x->d.col != y->d.col)
		return x->d.col < y->d.col ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Problems in the order the files were read, then by line and column. */
void diag_list_sort(struct diag_list *dl)
{
	struct diag_sort_item *items = xcalloc(dl->n + 1, sizeof(*items));
	for (size_t i = 0; i < dl->n; i++) {
		items[i].d = dl->items[i];
		items[i].index = i;
		for (size_t f = 0; f < dl->nfiles; f++)
			if (dl->files[f] == dl->items[i].file)
				items[i].file_order = f;
	}
	qsort(items, dl->n, sizeof(*items), compare_diags);
	for (size_t i = 0; i < dl->n; i++)
		dl->items[i] = items[i].d;
	free(items);
}
