/*
 * follow_ui.h - a walkthrough seen from other terminals (follow.h has the files).
 *
 * The presenter: while a walkthrough (P) is open, its items, position and as-of date are written to
 * DIR/.recview-present when they change and every few seconds; the file goes when the walkthrough is
 * left; the footer counts the followers ("2 following"). A walkthrough started while another
 * recview presents in the same directory is not shared (the footer says who presents).
 *
 * The follower (recview --follow DIR, read-only): a screen that waits for a presenter, then the same
 * walkthrough (present_view_new with PRESENT_FOLLOW), moved as the presenter moves; the data set is
 * read again as live updates read it (live.h), so a status set on the slide shows here too. Moving
 * here goes on one's own (the footer says so); P follows the presenter again.
 *
 * Key scripts neither present nor follow (their screens must not depend on the clock).
 */
#ifndef RECVIEW_FOLLOW_UI_H
#define RECVIEW_FOLLOW_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/theme.h"

struct app;
struct view;
struct draw;

/* After the first views are open: the follower's waiting screen goes on top (--follow). */
void follow_start(struct app *app);
/* Before the session closes: the presenter's file removed, the follower's file too. */
void follow_stop(struct app *app);
/* The longest the main loop may wait for a key: the follower looks at the file often. */
int follow_wait_ms(const struct app *app, int wait_ms);
/* What is due now (write, count, look, follow); true when the screen is to be drawn again. */
bool follow_tick(struct app *app);
/* Whether this recview follows (--follow). */
bool follow_active(const struct app *app);
/* The presenter's items found in this data set, in order, into recs (room for every recommendation). */
size_t follow_walk_items(struct app *app, uint32_t *recs);
/* The presenter's meeting as its file says it (follow.h): since when (the files' time form) and by
 * whom (NULL: anyone) its changes are recorded; false when not following, or the file says none. */
bool follow_presenter_meeting(const struct app *app, const char **since, const char **author);
/* P in a follower: back to what the presenter shows (a new walkthrough to open, or NULL). */
struct view *follow_present_again(struct app *app);
/* The walkthrough footer's part, into buf with its colour: "2 following" (presenter), "following
 * alice@host" (follower); false when there is nothing to say. */
bool present_followers_text(struct view *v, char *buf, size_t size, enum color *color);

#endif
