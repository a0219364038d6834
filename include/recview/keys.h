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

/* Binds a key ("x", "C-n", "F5", "Enter", "Space", "Up"...) to a request named like "move-down";
 * false when either is unknown. Bindings come before the default table. */
bool keys_bind(const char *key, const char *request);
/* Whether a request of that name ("move-down") exists (for the configuration). */
bool keys_request_exists(const char *name);

/* The request a key runs, or REQ_NONE. */
enum request keys_lookup(struct key key);

/* "Enter", "C-f", "j", "PgDn" into buf; returns buf. */
const char *keys_name(struct key key, char *buf, size_t size);

/* All keys bound to req, comma separated, into buf; returns buf. */
const char *keys_for_request(enum request req, char *buf, size_t size);

#endif
