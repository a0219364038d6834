/* strbuf.h - growable byte buffer, always NUL-terminated. */
#ifndef RECVIEW_STRBUF_H
#define RECVIEW_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *data;  /* NUL-terminated contents (never NULL after init) */
	size_t len;  /* bytes used, without the NUL */
	size_t cap;  /* bytes allocated */
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s, size_t len);
void sb_addc(struct strbuf *sb, char c);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Hands the buffer to the caller (who frees it) and leaves sb empty. */
char *sb_detach(struct strbuf *sb);

#endif
