/* url.c - web addresses in text, their link targets, and the OSC 8 and OSC 52 sequences. */
#include "recview/url.h"

#include <string.h>

#include "recview/utf8.h"

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool starts_nocase(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != prefix[i])
			return false;
	}
	return true;
}

/* Unicode characters that separate words or cannot be seen: never part of an address. */
static bool is_unicode_break(uint32_t cp)
{
	return cp < 0xA0 || cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

/* Bytes of the address character at s[0..len), or 0 where the address ends. */
static size_t url_char(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80)
		return c > 0x20 && c < 0x7F && !strchr("<>\"{}|\\^`", c) ? 1 : 0;
	uint32_t cp;
	size_t n = utf8_decode((const unsigned char *)s, len, &cp);
	return n && !is_unicode_break(cp) ? n : 0;
}

/* Where the address may start: not inside a word or another address. */
static bool starts_word(const char *s, size_t at)
{
	if (at == 0)
		return true;
	unsigned char c = (unsigned char)s[at - 1];
	return !is_alnum(c) && c < 0x80 && !strchr("/.@-_%~+", c);
}

static size_t count_char(const char *s, size_t len, char c)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == c;
	return n;
}

/* The address without what a sentence puts after it: punctuation, an unmatched closing bracket. */
static size_t trim_trailing(const char *s, size_t len)
{
	while (len) {
		char c = s[len - 1];
		if (strchr(".,;:!?'\"*", c))
			len--;
		else if (c == ')' && count_char(s, len, ')') > count_char(s, len, '('))
			len--;
		else if (c == ']' && count_char(s, len, ']') > count_char(s, len, '['))
			len--;
		else
			break;
	}
	return len;
}

/* The length of the scheme (or www.) that starts an address at s, or 0. */
static size_t prefix_len(const char *s, size_t len, bool *www)
{
	*www = false;
	if (starts_nocase(s, len, "https://"))
		return 8;
	if (starts_nocase(s, len, "http://"))
		return 7;
	if (starts_nocase(s, len, "www.")) {
		*www = true;
		return 4;
	}
	return 0;
}

bool rv_url_next(const char *s, size_t len, size_t from, struct rv_url *out)
{
	for (size_t i = from; i < len; i++) {
		if (s[i] != 'h' && s[i] != 'H' && s[i] != 'w' && s[i] != 'W')
			continue;
		bool www;
		size_t pre = prefix_len(s + i, len - i, &www);
		if (!pre || !starts_word(s, i))
			continue;
		size_t end = i + pre, n;
		while (end < len && (n = url_char(s + end, len - end)) != 0)
			end += n;
		size_t ulen = trim_trailing(s + i, end - i);
		/* A host must follow: one letter or digit at least ("http://" alone is no address). */
		if (ulen > pre && (is_alnum((unsigned char)s[i + pre]) || (unsigned char)s[i + pre] >= 0x80)) {
			*out = (struct rv_url){i, ulen, www};
			return true;
		}
		i = end > i ? end - 1 : i;
	}
	return false;
}

void rv_url_target(struct strbuf *out, const char *s, size_t len, bool www)
{
	static const char hex[] = "0123456789ABCDEF";
	if (www)
		sb_adds(out, "https://");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c > 0x20 && c < 0x7F) {
			sb_addc(out, (char)c);
		} else {
			sb_addc(out, '%');
			sb_addc(out, hex[c >> 4]);
			sb_addc(out, hex[c & 15]);
		}
	}
}

void rv_osc8_open(struct strbuf *out, const char *s, size_t len, bool www)
{
	sb_adds(out, "\033]8;;");
	rv_url_target(out, s, len, www);
	sb_adds(out, "\033\\");
}

void rv_osc8_close(struct strbuf *out)
{
	sb_adds(out, "\033]8;;\033\\");
}

void rv_base64(struct strbuf *out, const void *data, size_t len)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = data;
	size_t i = 0;
	for (; i + 2 < len; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		char q[4] = {abc[v >> 18], abc[(v >> 12) & 63], abc[(v >> 6) & 63], abc[v & 63]};
		sb_add(out, q, 4);
	}
	if (i < len) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < len ? (unsigned)p[i + 1] << 8 : 0);
		char q[4] = {abc[v >> 18], abc[(v >> 12) & 63], i + 1 < len ? abc[(v >> 6) & 63] : '=', '='};
		sb_add(out, q, 4);
	}
}

void rv_osc52(struct strbuf *out, const char *data, size_t len, bool tmux)
{
	/* Only base64 goes between the ESCs: the data cannot end the sequence early. */
	sb_adds(out, tmux ? "\033Ptmux;\033\033]52;c;" : "\033]52;c;");
	rv_base64(out, data, len);
	sb_adds(out, tmux ? "\a\033\\" : "\a");
}
