/*
 * topic_key.h - one spelling for the variants of a topic ("Operation Excellence" and
 * "Operations Excellence", "Standards  and-Compliance"), so that the dashboard counts them as one.
 *
 * The key of a text, word by word:
 *   - letters A-Z are lower-cased (other letters are kept as they are);
 *   - blanks (space, TAB, no-break space), dashes (- _ and U+2010..U+2015, U+2212) and slashes
 *     separate words; runs of them count as one, and none is kept at either end;
 *   - other punctuation is dropped: ASCII ! " # $ % & ' ( ) * + , . : ; < = > ? @ [ \ ] ^ ` { | } ~
 *     and the curly quotes U+2018, U+2019, U+201C, U+201D and the ellipsis U+2026;
 *   - a word of four characters or more that ends in a single "s" loses it (a plural: "operations",
 *     "standards"; "process", "access" keep theirs).
 * Digits and every other character are kept. A text whose key is empty keeps its own text as key.
 */
#ifndef RECVIEW_TOPIC_KEY_H
#define RECVIEW_TOPIC_KEY_H

#include <stddef.h>

#include "recview/strbuf.h"

/* Appends the key of s (len bytes, UTF-8) to out. */
void rv_topic_key(const char *s, size_t len, struct strbuf *out);

#endif
