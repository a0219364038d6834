/* encoding.c - detecting a file's encoding, and converting to and from UTF-8 with iconv. */
#include "recview/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/utf8.h"

static const char *const iconv_names[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "CP1252", "MACINTOSH"};

const char *rv_encoding_name(enum rv_encoding enc)
{
	static const char *const names[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Mac Roman"};
	return names[enc];
}

/* Spellings compared without case, '-', '_' or spaces: "utf-8" = "UTF8", "Mac Roman" = "macroman". */
bool rv_encoding_by_name(const char *name, enum rv_encoding *enc)
{
	static const struct {
		const char *name;
		enum rv_encoding enc;
	} names[] = {
		{"utf8", RV_ENC_UTF8},         {"utf16le", RV_ENC_UTF16LE},   {"utf16be", RV_ENC_UTF16BE},
		{"windows1252", RV_ENC_CP1252}, {"cp1252", RV_ENC_CP1252},     {"ansi", RV_ENC_CP1252},
		{"macroman", RV_ENC_MACROMAN},  {"macintosh", RV_ENC_MACROMAN}, {"mac", RV_ENC_MACROMAN},
	};
	char folded[24];
	size_t n = 0;
	for (const char *p = name; *p; p++) {
		if (*p == '-' || *p == '_' || *p == ' ')
			continue;
		if (n + 1 >= sizeof(folded))
			return false;
		folded[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	}
	folded[n] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(folded, names[i].name) == 0) {
			*enc = names[i].enc;
			return true;
		}
	}
	return false;
}

static bool looks_like_utf16(const unsigned char *u, size_t len, bool *little)
{
	/* ASCII text in UTF-16: a zero byte in every other place, over the first characters. */
	size_t n = len < 64 ? len & ~(size_t)1 : 64, zero_odd = 0, zero_even = 0;
	if (n < 4)
		return false;
	for (size_t i = 0; i < n; i += 2) {
		zero_even += u[i] == 0;
		zero_odd += u[i + 1] == 0;
	}
	size_t pairs = n / 2;
	*little = zero_odd * 10 >= pairs * 9 && zero_even == 0;
	bool big = zero_even * 10 >= pairs * 9 && zero_odd == 0;
	return *little || big;
}

/* Signs of Mac Roman against Windows-1252 in a file that is not UTF-8. */
static bool looks_like_mac_roman(const unsigned char *u, size_t len)
{
	size_t mac = 0, win = 0;
	bool lf = false, cr = false;
	for (size_t i = 0; i < len; i++) {
		switch (u[i]) {
		case '\n': lf = true; break;
		case '\r': cr = true; break;
		/* Mac Roman: ’ “ ” – — é è ç ê; in Windows-1252 rare letters, or undefined (8D 8F 90). */
		case 0xD5: case 0xD2: case 0xD3: case 0xD0: case 0xD1: case 0x8E: case 0x8F: case 0x8D: case 0x90:
			mac++;
			break;
		/* Windows-1252: ’ “ ” – — é è à ç; in Mac Roman í ì î ñ ó »  and so on. */
		case 0x92: case 0x93: case 0x94: case 0x96: case 0x97: case 0xE9: case 0xE8: case 0xE0: case 0xE7:
			win++;
			break;
		default:
			break;
		}
	}
	if (cr && !lf)
		mac += 1 + len / 1000; /* CR alone ends lines in classic Mac files */
	return mac > win;
}

/* Whether the bytes hold one well-formed multi-byte UTF-8 sequence: legacy text practically never does. */
static bool has_utf8_sequence(const unsigned char *u, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (u[i] < 0xC2 || u[i] > 0xF4)
			continue;
		size_t n = u[i] < 0xE0 ? 1 : u[i] < 0xF0 ? 2 : 3, k = 1;
		while (k <= n && i + k < len && (u[i + k] & 0xC0) == 0x80)
			k++;
		if (k == n + 1)
			return true;
	}
	return false;
}

enum rv_encoding rv_encoding_detect(const char *buf, size_t len)
{
	bool valid;
	return rv_encoding_detect_valid(buf, len, &valid);
}

enum rv_encoding rv_encoding_detect_valid(const char *buf, size_t len, bool *valid)
{
	const unsigned char *u = (const unsigned char *)buf;
	*valid = false;
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return RV_ENC_UTF16LE;
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return RV_ENC_UTF16BE;
	bool little;
	if (looks_like_utf16(u, len, &little))
		return little ? RV_ENC_UTF16LE : RV_ENC_UTF16BE;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*valid = utf8_first_invalid(buf, len) >= len;
		return RV_ENC_UTF8;
	}
	if (utf8_first_invalid(buf, len) >= len) {
		*valid = true;
		return RV_ENC_UTF8;
	}
	if (has_utf8_sequence(u, len))
		return RV_ENC_UTF8; /* UTF-8 with a few bad bytes (reported as such), not a legacy file */
	return looks_like_mac_roman(u, len) ? RV_ENC_MACROMAN : RV_ENC_CP1252;
}

static bool cp1252_undefined(unsigned c)
{
	return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* One iconv pass of in into out; stops at the first byte or character it cannot take (*stop). */
static bool convert(iconv_t cd, const char *in, size_t len, struct strbuf *out, size_t *done, int *err)
{
	char *src = (char *)in;
	size_t left = len;
	char chunk[16384];
	while (left) {
		char *dst = chunk;
		size_t room = sizeof(chunk);
		size_t r = iconv(cd, &src, &left, &dst, &room);
		sb_add(out, chunk, (size_t)(dst - chunk));
		if (r == (size_t)-1 && errno != E2BIG) {
			*err = errno;
			*done = (size_t)(src - in);
			return false;
		}
	}
	*done = len;
	return true;
}

static bool run(const char *to, const char *from, bool decoding, enum rv_encoding enc, const char *in, size_t len,
		struct strbuf *out, size_t *bad_at)
{
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1) {
		*bad_at = 0;
		return false;
	}
	size_t at = 0;
	bool ok = true;
	while (at < len) {
		size_t done;
		int err = 0;
		if (convert(cd, in + at, len - at, out, &done, &err))
			break;
		at += done;
		unsigned char c = (unsigned char)in[at];
		/* Windows-1252's undefined bytes travel as the C1 code points of the same value. */
		if (enc == RV_ENC_CP1252 && err == EILSEQ && decoding && cp1252_undefined(c)) {
			sb_addc(out, (char)0xC2);
			sb_addc(out, (char)c);
			at++;
		} else if (enc == RV_ENC_CP1252 && err == EILSEQ && !decoding && c == 0xC2 && at + 1 < len &&
			   cp1252_undefined((unsigned char)in[at + 1])) {
			sb_addc(out, in[at + 1]);
			at += 2;
		} else {
			*bad_at = at;
			ok = false;
			break;
		}
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return ok;
}

bool rv_decode(enum rv_encoding enc, const char *in, size_t len, struct strbuf *out, size_t *bad_at)
{
	if (enc == RV_ENC_UTF8) {
		sb_add(out, in, len);
		return true;
	}
	return run("UTF-8", iconv_names[enc], true, enc, in, len, out, bad_at);
}

bool rv_encode(enum rv_encoding enc, const char *in, size_t len, struct strbuf *out, size_t *bad_at)
{
	if (enc == RV_ENC_UTF8) {
		sb_add(out, in, len);
		return true;
	}
	return run(iconv_names[enc], "UTF-8", false, enc, in, len, out, bad_at);
}

bool rv_encoding_can_hold(enum rv_encoding enc, const char *text, size_t len, size_t *bad_at)
{
	if (enc != RV_ENC_CP1252 && enc != RV_ENC_MACROMAN)
		return true; /* the UTFs hold every character */
	struct strbuf sink;
	sb_init(&sink);
	bool ok = rv_encode(enc, text, len, &sink, bad_at);
	sb_free(&sink);
	return ok;
}
