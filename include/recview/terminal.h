/* terminal.h - the browser's terminal: can it run here, starting and stopping curses, signals. */
#ifndef RECVIEW_TERMINAL_H
#define RECVIEW_TERMINAL_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/app.h"
#include "recview/strbuf.h"

/* True, with why said, when the browser cannot run: stdin or stdout is not a terminal, or TERM is
 * unset or dumb. A key script needs none of it and does not ask. */
bool terminal_problem(struct strbuf *why);
/* Starts curses on the terminal TERM names, or on a virtual screen when app->script is set; sets
 * app->ascii from the locale. False, with why said (an unknown TERM, no cursor addressing), when not. */
bool terminal_start(struct app *app, struct strbuf *why);
/* Ends curses and frees what terminal_start made; harmless when it did not start. */
void terminal_stop(void);
/* Ctrl-C, SIGTERM and SIGHUP ask to quit; a crash restores the terminal before dying. */
void terminal_install_signals(void);
/* The signal that asked to quit, or 0. */
int terminal_quit_signal(void);
/* True once the terminal has gone away (hung up, closed): the browser then quits as after a signal.
 * Asked after a read of a key failed; never true for a key script. */
bool terminal_lost(void);
/* Writes bytes curses does not know of (OSC 8, OSC 52) straight to the terminal, after whatever
 * stdio still holds; a failed write drops the rest (the screen is redrawn, nothing else is lost). */
void terminal_write(const char *s, size_t len);

#endif
