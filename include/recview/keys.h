/* keys.h - which key runs which request, and the names of keys for help and scripts. */
#ifndef RECVIEW_KEYS_H
#define RECVIEW_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/request.h"

/* A key as the browser sees it: a character (wint_t value) or a curses KEY_* code. */
struct key {
	int code;     /* character, or KEY_* when is_fn */
	bool is_fn;   /* a function key (arrows, F1, resize...) */
};

struct keybinding {
	struct key key;
	enum request req;
};

/*
 * A view's own keys (the walkthrough's Space is "next item", not "page down"), looked up after the
 * user's bindings and before the general table, and what general requests do in that view, for its
 * help.
 */
struct request_note {
	enum request req;
	const char *help;
};

struct view_keymap {
	const struct keybinding *keys;
	size_t nkeys;
	const struct request_note *notes;
	size_t nnotes;
};

#define KEYMAP_COUNT(a) (sizeof(a) / sizeof(*(a)))

/* Binds a key ("x", "C-n", "F5", "Enter", "Space", "Up"...) to a request named like "move-down";
 * false when either is unknown. Bindings come before the default table. */
bool keys_bind(const char *key, const char *request);
/* The name of req in the configuration ("move-down"), into buf; returns buf. */
const char *keys_request_config_name(enum request req, char *buf, size_t size);
/* Whether a request of that name ("move-down") exists (for the configuration). */
bool keys_request_exists(const char *name);

/* The request a key runs, or REQ_NONE: the user's binding, else the keymap's (may be NULL), else the
 * general table's. */
enum request keys_lookup_in(const struct view_keymap *keymap, struct key key);
/* Whether the keymap (may be NULL) has a key of its own for req. */
bool keys_keymap_binds(const struct view_keymap *keymap, enum request req);
/* keys_lookup_in without a view's keymap. */
enum request keys_lookup(struct key key);

/* "Enter", "C-f", "j", "PgDn" into buf; returns buf. */
const char *keys_name(struct key key, char *buf, size_t size);

/* All keys bound to req, comma separated, into buf; returns buf. */
const char *keys_for_request(enum request req, char *buf, size_t size);
/*
 * The keys that run req in a view with that keymap (NULL: none), comma separated, each named once,
 * into buf: the user's bindings, then the keymap's and the general table's keys that no binding took
 * over. Returns how many.
 */
size_t keys_for_request_in(const struct view_keymap *keymap, enum request req, char *buf, size_t size);

#endif
