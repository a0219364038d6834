/*
 * follow.h - a walkthrough shared with followers (recview --follow DIR) through two things in the
 * data directory, neither of them part of the data set:
 *
 *   .recview-present        the presenter's state: who presents (pid, host, user), the walkthrough's
 *                           item ids in order, the position and how far its slide is scrolled, the
 *                           as-of date, when its meeting began and who records its
 *                           changes, a sequence number and when it was last written. Written atomically (a temporary file in the
 *                           directory, fsync'd, renamed over it), rewritten every few seconds while
 *                           the walkthrough is open, removed on leaving it.
 *   .recview-follow/HOST-PID one empty-ish file per follower, touched every few seconds, so that the
 *                           presenter can count those that are there.
 *
 * The state file comes from whoever can write the directory: it is parsed strictly (the format is
 * below, rv_follow_parse) and nothing in it ever names a file; a bad file is reported, never followed.
 * A presenter is gone when its pid is not alive on the same host, or the file was not rewritten for
 * RV_FOLLOW_STALE_SECS.
 */
#ifndef RECVIEW_FOLLOW_H
#define RECVIEW_FOLLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/error.h"
#include "recview/save.h"
#include "recview/strbuf.h"

#define RV_FOLLOW_STATE ".recview-present"
#define RV_FOLLOW_DIR ".recview-follow"
/* 2 added "scroll", 3 "since" and "author"; files of formats 1 and 2 still read (scroll 0, no meeting) */
#define RV_FOLLOW_VERSION 4

enum {
	RV_FOLLOW_NAME_MAX = 64,         /* a host or user name, in [A-Za-z0-9._-] */
	RV_FOLLOW_ID_MAX = 200,          /* bytes of one item id */
	RV_FOLLOW_LINE_MAX = 256,        /* bytes of any line, its newline included */
	RV_FOLLOW_ITEMS_MAX = 100000,
	RV_FOLLOW_SCROLL_MAX = 1000000,  /* rows of a slide scrolled off */
	RV_FOLLOW_BYTES_MAX = 1 << 22,   /* the whole file */
	RV_FOLLOW_HEARTBEAT_SECS = 10,   /* the presenter rewrites the file at least this often */
	RV_FOLLOW_STALE_SECS = 60,       /* a file older than this is a presenter gone */
	RV_FOLLOW_TOUCH_SECS = 5,        /* a follower touches its file this often */
	RV_FOLLOW_FRESH_SECS = 20,       /* a follower's file touched within this counts */
	RV_FOLLOW_SWEEP_SECS = 3600,     /* a follower's file older than this is removed by the next one */
};

/* Who is running: the pid, and the host and user names made safe ([A-Za-z0-9._-], else '_'). */
struct rv_follow_me {
	long pid;
	char host[RV_FOLLOW_NAME_MAX + 1];
	char user[RV_FOLLOW_NAME_MAX + 1];
};
void rv_follow_me_init(struct rv_follow_me *me);

struct rv_follow_state {
	struct rv_follow_me by;
	uint64_t seq;        /* one more at each change of what is shown */
	int64_t updated;     /* seconds since the epoch when it was written */
	int32_t as_of;       /* RV_DATE_NONE: now */
	size_t at, n;        /* at < n, or both 0 */
	size_t scroll;       /* the slide's rows of text above the presenter's screen (present.h) */
	/* The presenter's meeting, for a follower's "Decided in this meeting" (decided.h, rv_files_decided):
	 * since when its changes are recorded, in the files' time form ("2026-12-03T10:15:00"; "" none),
	 * and by whom (the session's author, as the files write it; "" anyone). */
	char since[20];
	char author[RV_FOLLOW_ID_MAX + 1];
	bool later_dim;      /* as of a date, what was recorded later is shown dimmed, not hidden (format 4) */
	char **ids;          /* n ids, each its own allocation */
};

void rv_follow_state_free(struct rv_follow_state *s);
/*
 * The file's text:
 *   recview-present 2
 *   pid 4242
 *   host alpha
 *   user alice
 *   seq 7
 *   updated 1796245200
 *   as-of 2026-05-01        (or "as-of none")
 *   at 1
 *   scroll 0                (not in format 1, which reads as scroll 0)
 *   since 2026-12-03T10:15:00  (or "since none"; only in format 3, as the next line)
 *   author Alice Example    (or "author *": anyone; an author is an id's characters)
 *   items 3
 *   SSR1-11                 (n lines, one id each)
 *   SSR1-25
 *   SSR2-10.1
 *   end
 * false when an id or the author cannot be written so (a control character, invalid UTF-8, too long),
 * or since is not such a time.
 */
bool rv_follow_format(const struct rv_follow_state *s, struct strbuf *out);
/* Whether the file can carry author as the meeting's (a line of it: UTF-8, no control character, at
 * most RV_FOLLOW_ID_MAX bytes). */
bool rv_follow_author_ok(const char *author);
/* Parses that text, every line checked: RV_OK, or RV_E_UNREADABLE with why in err ("line 3: ..."). */
enum rv_result rv_follow_parse(const char *data, size_t len, struct rv_follow_state *out, char *err, size_t errsize);

/* Writes dir/.recview-present atomically (the temporary file's name is one the store knows as its own). */
enum rv_result rv_follow_publish(const char *dir, const struct rv_follow_state *s, char *err, size_t errsize);
/* Reads and parses dir/.recview-present: RV_E_NOT_FOUND when there is none; RV_E_UNREADABLE when it is
 * not a regular file, too large, or does not parse. stamp (may be NULL): what was read, for a watch. */
enum rv_result rv_follow_read(const char *dir, struct rv_follow_state *out, struct rv_file_stamp *stamp, char *err,
			      size_t errsize);
/* Removes dir/.recview-present when it is me's (a file of another presenter stays). */
void rv_follow_withdraw(const char *dir, const struct rv_follow_me *me);
/* Whether the presenter of s is still there at wall time now (seconds). */
bool rv_follow_state_live(const struct rv_follow_state *s, const struct rv_follow_me *me, int64_t now);
/* Whether a and b show the same: items, position, scroll, date and meeting (seq and time aside). */
bool rv_follow_state_same_view(const struct rv_follow_state *a, const struct rv_follow_state *b);

/* A follower's file: made (the directory too), returning its descriptor, or -1 with err. Files of
 * followers gone for RV_FOLLOW_SWEEP_SECS are removed on the way. */
int rv_follow_join(const char *dir, const struct rv_follow_me *me, int64_t now, char *err, size_t errsize);
/* Touches it; made again when someone removed it. Returns the descriptor (-1: could not). */
int rv_follow_touch(const char *dir, const struct rv_follow_me *me, int fd, int64_t now);
/* Removes it and closes fd (the directory too, when it is left empty). */
void rv_follow_leave(const char *dir, const struct rv_follow_me *me, int fd);
/* How many followers' files were touched within RV_FOLLOW_FRESH_SECS of now. */
size_t rv_follow_count(const char *dir, int64_t now);

#endif
