/*
 * script.h - keys and commands from a file instead of the keyboard, for screen tests without a
 * terminal (RECVIEW_SCRIPT=FILE). One step per key; lines starting with ':' are commands:
 *   :save-display FILE   write the screen as text
 *   :resize COLSxLINES   resize the virtual screen
*   :wait                 wait until a change being saved is on disk
 *   :mark, :time LABEL N  with RECVIEW_TIMING=FILE: write the time per step of the N steps since the mark
 * Keys are written as typed; special keys as <Enter> <Esc> <Tab> <S-Tab> <BS> <Up> <Down> <Left>
 * <Right> <PgUp> <PgDn> <Home> <End> <Space> <F1> <C-x> and <lt> for '<', <Colon> for ':' (a line starting with ':' is a command). '#' starts a comment line.
 */
#ifndef RECVIEW_SCRIPT_H
#define RECVIEW_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/keys.h"

enum script_step_kind {
	STEP_KEY,
	STEP_COMMAND,
};

struct script_step {
	enum script_step_kind kind;
	struct key key;
	const char *command; /* the line without ':' (owned by the script) */
	unsigned line;       /* line in the script, for messages */
};

struct script;

/* NULL and a message in err when the file cannot be read or a key name is unknown. */
struct script *script_load(const char *path, char *err, size_t errsize);
bool script_next(struct script *s, struct script_step *step);
void script_free(struct script *s);

#endif
