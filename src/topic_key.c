/* topic_key.c - the key that tells spelling variants of a topic for the same topic (topic_key.h). */
#include "recview/topic_key.h"

#include <stdbool.h>
#include <string.h>

/* Bytes of a separator (a blank, dash or slash) at s, 0 when there is none. */
static size_t separator_len(const unsigned char *s, size_t n)
{
	if (*s == ' ' || *s == '\t' || *s == '-' || *s == '_' || *s == '/')
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) /* no-break space */
		return 2;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0x95) /* U+2010..U+2015 */
		return 3;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) /* U+2212 minus */
		return 3;
	return 0;
}

/* Bytes of punctuation to drop at s, 0 when there is none. */
static size_t punctuation_len(const unsigned char *s, size_t n)
{
	if (*s < 0x80)
		return strchr("!\"#$%&'()*+,.:;<=>?@[\\]^`{|}~", *s) && *s ? 1 : 0;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0x98 || s[2] == 0x99 || s[2] == 0x9C || s[2] == 0x9D || s[2] == 0xA6))
		return 3;
	return 0;
}

/* Ends the word that starts at byte start of out: a plural's trailing s comes off. */
static void end_word(struct strbuf *out, size_t start)
{
	size_t n = out->len - start;
	const char *w = out->data + start;
	if (n >= 4 && w[n - 1] == 's' && w[n - 2] != 's')
		out->len--;
}

void rv_topic_key(const char *text, size_t len, struct strbuf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t begin = out->len;
	size_t word = out->len; /* where the current word starts */
	bool in_word = false;
	for (size_t i = 0; i < len;) {
		size_t k = separator_len(s + i, len - i);
		if (k) {
			if (in_word)
				end_word(out, word);
			in_word = false;
			i += k;
			continue;
		}
		k = punctuation_len(s + i, len - i);
		if (k) {
			i += k;
			continue;
		}
		if (!in_word) {
			if (out->len > begin)
				sb_addc(out, ' ');
			word = out->len;
			in_word = true;
		}
		char c = (char)s[i++];
		sb_addc(out, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
	if (in_word)
		end_word(out, word);
	if (out->len == begin)
		sb_add(out, text, len);
	if (out->data)
		out->data[out->len] = '\0';
}
