/*
 * bigtext_ui.h - big text on the terminal (bigtext.h has the parts without one).
 *
 * Which kind: big-text = auto (the default) sends the probe (bigtext.h) to the terminal before curses
 * starts, when standard input and output are a terminal, no key script plays, and TERM is not one
 * known to print an OSC it does not know (linux, vt*, cons*); the replies are read for at most
 * BIGTEXT_PROBE_MS, raw, and OSC 66 is used only when they say the cursor moved 2 columns. Keys typed
 * meanwhile are kept and read before any other (bigtext_typed_key). kitty uses OSC 66 without asking;
 * blocks draws block letters; off, normal text. A key script never gets OSC 66 (its screen is virtual).
 *
 * Writing OSC 66: the slide leaves the rows of a big text blank and records it (bigtext_add) while
 * the frame is drawn; before curses updates the terminal, the big texts of the last frame that are
 * not in this one are erased (their top row written again from curscr: a scaled character goes when
 * its top-left cell is overwritten); after the update, every big text of the frame is written again,
 * and the cursor put back where curses left it.
 */
#ifndef RECVIEW_BIGTEXT_UI_H
#define RECVIEW_BIGTEXT_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/keys.h"
#include "recview/theme.h"

enum { BIGTEXT_PROBE_MS = 300 };

/* Before curses starts: the setting (NULL: auto) and, for auto, the probe. */
void bigtext_configure(const char *setting, bool script);
/* After curses starts (keypad on): the bytes typed during the probe become keys. */
void bigtext_keys_typed(void);
/* The next key typed during the probe; false when there is none left. */
bool bigtext_typed_key(struct key *key);

/* OSC 66 is written (big-text = kitty, or auto and the terminal said yes). */
bool bigtext_scaled(void);
/* Block letters where there is room (big-text = blocks, or auto and no OSC 66). */
bool bigtext_blocks(void);

void bigtext_frame_begin(void);
/* A big text at scale on row, from col, in colour c: text is sanitised and fits (rv_big_text_fit); the
 * rows row .. row + scale - 1 were left blank. */
void bigtext_add(int row, int col, int scale, enum color c, const char *text, size_t len);
/* Drops the big texts of this frame that cover row (something else is drawn there). */
void bigtext_forget_row(int row);
/* Just before doupdate: erases what is gone since the last frame. */
void bigtext_before_update(void);
/* Just after doupdate: writes this frame's big texts. */
void bigtext_frame_end(void);

#endif
