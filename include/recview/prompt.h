/*
 * prompt.h - a one-line editor on the status line: UTF-8 text, cursor movement, word delete, history,
 * completion and an incremental callback. Esc or C-g cancels; Enter accepts.
 */
#ifndef RECVIEW_PROMPT_H
#define RECVIEW_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/strbuf.h"

struct app;

#define PROMPT_HISTORY_MAX 50

struct prompt_history {
	char *items[PROMPT_HISTORY_MAX]; /* oldest first */
	size_t n;
};

struct prompt_hooks {
	/* Called after every change of the text (incremental search). */
	void (*changed)(struct app *app, const char *text, void *data);
	/* Tab: may rewrite text and move *cursor (a byte offset). */
	void (*complete)(struct app *app, struct strbuf *text, size_t *cursor, void *data);
	/* C-r: toggles something (regex search); returns the new label. */
	const char *(*toggle)(struct app *app, void *data);
	struct prompt_history *history;
	void *data;
};

/* The prompt being edited, drawn by the status line. */
struct prompt_state {
	const char *label;
	struct strbuf *text;
	size_t cursor;  /* byte offset in text */
	size_t scroll;  /* first byte shown when the text is wider than the line */
};

/* Edits text (initially its current contents); true when accepted with Enter. */
bool prompt_read(struct app *app, const char *label, struct strbuf *text, const struct prompt_hooks *hooks);
/* Asks question (sanitised by the caller) on the status line: true when the next key is y. */
bool prompt_confirm(struct app *app, const char *question);
/* Asks question and returns the key pressed (its character), 27 for a function key, -1 when no key
 * comes (a key script that ended). */
int prompt_key(struct app *app, const char *question);
void prompt_draw(struct app *app, struct prompt_state *p);
void prompt_history_add(struct prompt_history *h, const char *text);
void prompt_history_free(struct prompt_history *h);

#endif
