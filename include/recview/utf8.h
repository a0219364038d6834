/* utf8.h - strict UTF-8 decoding (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
#ifndef RECVIEW_UTF8_H
#define RECVIEW_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one code point from s[0..len). Returns the number of bytes used (1..4) and stores the code
 * point in *cp, or returns 0 for an invalid or truncated sequence (then *cp is the offending byte and
 * exactly one byte should be skipped). glibc's mbrtowc accepts 5- and 6-byte forms; this does not.
 */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (4 bytes at most); returns the length. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Offset of the first invalid byte in s[0..len), or len when it is all valid UTF-8. */
size_t utf8_first_invalid(const char *s, size_t len);

/* Number of code points in s[0..len), counting each invalid byte as one. */
size_t utf8_count_chars(const char *s, size_t len);

#endif
