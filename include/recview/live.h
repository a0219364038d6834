/*
 * live.h - live updates in the browser. While it waits for a key, the data set's directory is
 * watched (store_watch.h); when someone else's change is confirmed and no save of ours is under way
 * (nor a prompt open), the files are read again under the store's lock, our changes merged onto them
 * (a conflict is held as at a save: M), every view put back on its recommendation, and the status line
 * says what changed ("alice: SSR1-20 status -> complete"). The recommendations changed stay marked in
 * the lists until the cursor has been on them; o lists every change of others since the start.
 *
 * RECVIEW_WATCH=off turns it off, RECVIEW_WATCH=poll looks at the files every 2 s without inotify.
 * Key scripts never watch (their screens must not depend on the clock).
 */
#ifndef RECVIEW_LIVE_H
#define RECVIEW_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "recview/app.h"
#include "recview/outside.h"

/* One change someone else made, as it came. */
struct live_entry {
	char time[32];               /* when it was seen here (local time, ISO 8601) */
	struct rv_outside_item item;
};

void live_start(struct app *app);
void live_stop(struct app *app);

/*
 * get_wch with a timeout of wait_ms (-1: none), watching the data set meanwhile: when others' changes
 * are merged, the screen is drawn again and ERR returned (views may have been closed: the caller looks
 * at the current one again). A key marks what the cursor is on as seen.
 */
int live_get_wch(struct app *app, int wait_ms, wint_t *ch);

/* Whether the recommendation was changed by someone else and not seen yet. */
bool live_unseen(const struct app *app, size_t rec);
/* The column before a recommendation's id in a list: its mark when it is unseen, else a space.
 * Returns the colour for its id. */
enum color live_mark(struct draw *d, const struct app *app, size_t rec);

/* Around a merge (of a live update, or of a save that found the files changed): what the session
 * holds before (NULL when live updates are off), then what others changed, kept in the log with their
 * recommendations marked, and said in one line appended to line (nothing when nothing changed). */
struct rv_outside_digest *live_before_merge(struct app *app);
void live_after_merge(struct app *app, struct rv_outside_digest *before, struct strbuf *line);

/* The changes of others seen since the start, oldest first. */
size_t live_count(const struct app *app);
const struct live_entry *live_entry_at(const struct app *app, size_t i);
/* How the data set is watched ("inotify", "a look every 2 s: why"), or why not. */
void live_describe(const struct app *app, struct strbuf *out);

#endif
