/*
 * url.h - web addresses in untrusted text: where they are (http://, https:// and www. forms), what
 * they point to as a link target of printable ASCII only, and the escape sequences that hand them to
 * the terminal (OSC 8 hyperlinks) or copy text to its clipboard (OSC 52).
 */
#ifndef RECVIEW_URL_H
#define RECVIEW_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/strbuf.h"

/* One address in a text: bytes [off, off + len). */
struct rv_url {
	size_t off, len;
	bool www; /* written without a scheme ("www.icann.org"): its target gets https:// */
};

/*
 * The first address that starts at or after from in s[0..len). An address starts with http://,
 * https:// or www. (any case) where no letter, digit or address character comes before it, and runs
 * up to a space, a control character, one of < > " { } | \ ^ ` or an invisible or spacing Unicode
 * character. Trailing punctuation (. , ; : ! ? ' " *) is not part of it, nor a closing ) or ] that
 * opens nowhere inside it ("(see https://x.org/a)" ends before ")"). False when there is none.
 */
bool rv_url_next(const char *s, size_t len, size_t from, struct rv_url *out);

/*
 * The address as a link target: https:// put before a www. form, every byte outside printable ASCII
 * (and the space) percent-encoded, so that no control, escape or non-ASCII byte is left.
 */
void rv_url_target(struct strbuf *out, const char *s, size_t len, bool www);

/* OSC 8: the start of a hyperlink to the target of s (sanitised as rv_url_target), and its end. */
void rv_osc8_open(struct strbuf *out, const char *s, size_t len, bool www);
void rv_osc8_close(struct strbuf *out);

/* RFC 4648 base64 of data[0..len), with padding, no line breaks. */
void rv_base64(struct strbuf *out, const void *data, size_t len);

/*
 * OSC 52: put data on the clipboard ("ESC ] 52 ; c ; BASE64 BEL"). Inside tmux the sequence is
 * wrapped for its passthrough ("ESC P tmux; ESC ESC ] 52 ... BEL ESC \"), every ESC in it doubled.
 */
void rv_osc52(struct strbuf *out, const char *data, size_t len, bool tmux);

#endif
