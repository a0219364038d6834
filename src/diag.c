/* diag.c - the list of load problems. */
#include "recview/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/text.h"

void diag_list_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof(*dl));
}

void diag_list_free(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++)
		free(dl->items[i].msg);
	for (size_t i = 0; i < dl->nfiles; i++)
		free(dl->files[i]);
	free(dl->items);
	free(dl->files);
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

struct diag *diag_add(struct diag_list *dl, enum diag_severity sev, const char *file, uint32_t line,
		      uint32_t col, const char *fmt, ...)
{
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 32;
		dl->items = xreallocarray(dl->items, dl->cap, sizeof(*dl->items));
	}
	struct strbuf sb;
	va_list ap;
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);

	struct diag *d = &dl->items[dl->n++];
	d->severity = sev;
	d->file = diag_intern_file(dl, file);
	d->line = line;
	d->col = col;
	d->msg = sb_detach(&sb);
	d->table = -1;
	d->row = -1;
	sb_free(&sb);
	if (sev == DIAG_ERROR)
		dl->errors++;
	else
		dl->warnings++;
	return d;
}

void diag_format(const struct diag *d, struct strbuf *out)
{
	struct strbuf file;
	sb_init(&file);
	text_sanitize(&file, d->file, strlen(d->file), 0);
	sb_add(out, file.data, file.len);
	sb_free(&file);
	if (d->line) {
		sb_addf(out, ":%u", (unsigned)d->line);
		if (d->col)
			sb_addf(out, ":%u", (unsigned)d->col);
	}
	sb_addf(out, ": %s: %s", d->severity == DIAG_ERROR ? "error" : "warning", d->msg);
}

void diag_list_make_strict(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		if (dl->items[i].severity == DIAG_WARNING) {
			dl->items[i].severity = DIAG_ERROR;
			dl->warnings--;
			dl->errors++;
		}
	}
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
