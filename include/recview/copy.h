/*
 * copy.h - copying to the clipboard and opening web addresses: y then a letter copies the id, the
 * title, the text, the page as Markdown or the address under the cursor; U opens an address in a
 * browser.
 *
 * Where a copy goes (configuration: clipboard = auto | osc52 | file | off):
 *   osc52  the terminal's clipboard through OSC 52, base64 (inside tmux wrapped for its passthrough,
 *          which needs `set -g allow-passthrough on`, or tmux's own `set-clipboard on`);
 *   file   $XDG_CACHE_HOME/recview/clipboard.txt (else ~/.cache/recview/clipboard.txt), written 0600
 *          in a directory made 0700; the message names it;
 *   auto   osc52 where hyperlinks' auto rule (hyperlink.h) says the terminal is a modern one, else file;
 *          file for a key script and for a copy too long for OSC 52 (more than COPY_OSC52_MAX bytes).
 * Every copied text is sanitised as it would be shown (no control character but the line break).
 */
#ifndef RECVIEW_COPY_H
#define RECVIEW_COPY_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/request.h"
#include "recview/strbuf.h"

struct app;
struct view;

/* Terminals take OSC 52 up to some size (xterm: about 100,000 bytes of base64). */
#define COPY_OSC52_MAX 74000

void copy_configure(const char *setting, bool script);
/* REQ_COPY and REQ_OPEN_URL; false for any other request. */
bool copy_request(struct app *app, enum request req);

/* The next key, asked on the status line (question sanitised by the caller); false without one. */
struct key;
bool copy_ask_key(struct app *app, const char *question, struct key *key);

/* The file a copy is written to when it goes to a file (malloc'd), or NULL without XDG_CACHE_HOME or HOME. */
char *copy_file_path(void);

/*
 * The address to act on, its target (url.h) put in target: those of the cursor line, else those on the
 * screen, else those of the recommendation's title and text; the one chosen (a digit) when there are
 * several. False, with a message said, when there is none or none was chosen.
 */
bool copy_pick_url(struct app *app, struct view *v, const char *verb, struct strbuf *target);
/* Opens target with $BROWSER (a list separated by ':'; %s stands for the address), else xdg-open, run
 * through posix_spawnp with an argument vector (never a shell); says what happened. */
void copy_open_url(struct app *app, const char *target);

#endif
