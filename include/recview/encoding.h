/*
 * encoding.h - the character encodings exports come in, detected per file, decoded to UTF-8 for
 * reading (iconv) and encoded back for writing, so that a file keeps its own encoding.
 *
 * Detection, in order:
 *   1. a byte-order mark: FF FE UTF-16LE, FE FF UTF-16BE, EF BB BF UTF-8;
 *   2. UTF-16 without a mark: the zero bytes of ASCII text in every other position;
 *   3. valid UTF-8 (plain ASCII included);
 *   4. else a single-byte legacy encoding: Mac Roman when its signs outweigh Windows-1252's (line
 *      ends that are CR alone, as classic Mac Excel writes them, and the bytes Mac Roman uses for
 *      ’ “ ” – é è ç where Windows-1252 has rare letters or nothing), else Windows-1252.
 * The five bytes Windows-1252 leaves undefined (81 8D 8F 90 9D) are read as the C1 code points of the
 * same value and written back as those bytes, so that any file reads and writes back byte for byte.
 */
#ifndef RECVIEW_ENCODING_H
#define RECVIEW_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/strbuf.h"

enum rv_encoding {
	RV_ENC_UTF8,
	RV_ENC_UTF16LE,
	RV_ENC_UTF16BE,
	RV_ENC_CP1252,
	RV_ENC_MACROMAN,
};

/* "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Mac Roman". */
const char *rv_encoding_name(enum rv_encoding enc);
/* The encoding a name means: "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252" (or "cp1252"), "Mac
 * Roman" (or "macintosh"), ignoring case, '-', '_' and spaces. False for any other. */
bool rv_encoding_by_name(const char *name, enum rv_encoding *enc);

enum rv_encoding rv_encoding_detect(const char *buf, size_t len);
/* The same, saying too whether the bytes are valid UTF-8 throughout (one pass serves both). */
enum rv_encoding rv_encoding_detect_valid(const char *buf, size_t len, bool *valid);

/*
 * Appends the UTF-8 text of len bytes in enc to out. False when they are not valid in enc (an odd
 * byte count in UTF-16, a lone surrogate): *bad_at is then the offset of the first bad byte.
 */
bool rv_decode(enum rv_encoding enc, const char *in, size_t len, struct strbuf *out, size_t *bad_at);
/*
 * Appends UTF-8 text in encoding enc to out. False when enc cannot hold a character: *bad_at is then
 * the offset (in the UTF-8 text) of the first such character.
 */
bool rv_encode(enum rv_encoding enc, const char *in, size_t len, struct strbuf *out, size_t *bad_at);
/* Whether enc can hold every character of the UTF-8 text; else *bad_at as for rv_encode. */
bool rv_encoding_can_hold(enum rv_encoding enc, const char *text, size_t len, size_t *bad_at);

#endif
