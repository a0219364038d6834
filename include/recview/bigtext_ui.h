/*
 * bigtext_ui.h - big text on the terminal (bigtext.h has the parts without one).
 *
 * Which kind: big-text = auto (the default) sends the probe (bigtext.h) to the terminal before curses
 * starts, when standard input and output are a terminal, no key script plays, and TERM is not one
 * known to print an OSC it does not know (linux, vt*, cons*); the replies are read for at most
 * BIGTEXT_PROBE_MS, raw, and OSC 66 is used only when they say the cursor moved 2 columns. Keys typed
 * meanwhile are kept and read before any other (bigtext_typed_key); replies that come later (a slow
 * link) are recognised and dropped (bigtext_late_reply), never taken for keys. kitty uses OSC 66 without asking;
 * blocks draws block letters; off, normal text. A key script never gets OSC 66 (its screen is virtual).
 *
 * Writing OSC 66: the slide leaves the rows of a big text blank and records it (bigtext_add) while
 * the frame is drawn; when a big text of the last frame is not in this one, curses clears and redraws
 * the whole screen (a cleared screen has no scaled character left; erasing cells would miss one that
 * curses' scrolling of a region moved); after the update, every big text of the frame is written
 * again, and the cursor put back where curses left it.
 */
#ifndef RECVIEW_BIGTEXT_UI_H
#define RECVIEW_BIGTEXT_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/keys.h"
#include "recview/theme.h"

enum { BIGTEXT_PROBE_MS = 300, BIGTEXT_LATE_MS = 10000 };

/* Before curses starts: the setting (NULL: auto) and, for auto, the probe. */
void bigtext_configure(const char *setting, bool script);
/* After curses starts (keypad on): the bytes typed during the probe become keys. */
void bigtext_keys_typed(void);
/* The next key typed during the probe; false when there is none left. */
bool bigtext_typed_key(struct key *key);
/* A key read from curses: true when it is a reply to the probe that came after the wait (for up to
 * BIGTEXT_LATE_MS, until the DA1 reply), to be dropped. What followed an ESC and was no reply is
 * queued for bigtext_typed_key. */
bool bigtext_late_reply(const struct key *key);

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
/* Just before doupdate: a big text gone since the last frame makes it a full redraw. */
void bigtext_before_update(void);
/* Just after doupdate: writes this frame's big texts. */
void bigtext_frame_end(void);

#endif
