/*
 * store_watch.h - noticing that someone else changed a data set's files while it is open.
 *
 * The directory is watched with inotify (a file closed after writing, renamed into or out of it,
 * created, removed, its attributes changed) and, every interval seconds, each file's metadata is
 * looked at too: the only way when inotify is not there (or asked off), and a backstop on file systems
 * that do not report another machine's writes (NFS, SMB). Events alone report nothing: a file changed
 * when its content (size and hash) differs from the stamp the caller last read or wrote, so that
 * recview's own saves never count, and events about its temporary files, journal and lock are not
 * even looked at. A burst of events (a writer renaming several files) is looked at once the directory
 * has been quiet for quiet seconds; a change found by looking at the metadata counts once the files
 * stopped changing from one look to the next.
 *
 * Time is a parameter (seconds on a monotonic clock), so that tests choose it.
 */
#ifndef RECVIEW_STORE_WATCH_H
#define RECVIEW_STORE_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "recview/save.h"
#include "recview/store.h"

enum rv_watch_mode {
	RV_WATCH_NOTIFY, /* inotify, with a look at the metadata every interval */
	RV_WATCH_POLL,   /* the looks only */
};

/* A file as the last look found it, and what its content was judged against. */
struct rv_watch_seen {
	char *name;
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
	bool differs;            /* its content differed from the expected stamp below */
	bool against_exists;
	off_t against_size;
	uint64_t against_hash;
};

struct rv_store_watch {
	int fd;                  /* inotify on the data directory, or -1: looks only */
	enum rv_watch_mode mode; /* what was asked */
	char why[256];           /* why there is no inotify when it was asked, or "" */
	double interval;         /* seconds between two looks at the metadata */
	double quiet;            /* seconds without an event before a burst is looked at */
	double last_event;       /* when the last event came (or a look found files still changing); < 0: none */
	double next_look;        /* when the metadata is looked at next */
	bool from_events;        /* last_event was set by an event (else by a look or a retry) */
	bool by_events;          /* the look now due follows events (else the clock, a retry) */
	struct rv_watch_seen *seen;
	size_t nseen;
	int lock_fd;             /* held shared while the caller reads the files again, else -1 */
	unsigned long events;    /* events taken in that were about the data set's files */
};

/* Starts watching the store's directory. Never fails: without inotify it looks at the files every
 * interval (w->why says why). now: the clock. */
void rv_store_watch_open(struct rv_store_watch *w, const struct rv_store *st, enum rv_watch_mode mode, double now);
void rv_store_watch_close(struct rv_store_watch *w);

/* The descriptor to wait on for events (readable when some came), or -1. */
int rv_store_watch_fd(const struct rv_store_watch *w);
/* Milliseconds until rv_store_watch_due has something to do (0: now). */
int rv_store_watch_wait_ms(const struct rv_store_watch *w, double now);
/*
 * Takes in the events that came (never blocks) and says whether the files are to be looked at now:
 * a burst of events has been quiet long enough, or the clock says it is time for a look.
 */
bool rv_store_watch_due(struct rv_store_watch *w, double now);
/* A look that could not be done now (a save of our own under way, a writer holding the lock) is
 * due again after quiet seconds. */
void rv_store_watch_again(struct rv_store_watch *w, double now);

/*
 * The look: whether one of the files names[0..n) (in the data directory) differs in content from
 * expected[i], as last read or written. Metadata identical to the expected stamp, or to what the last
 * look found and judged, spares reading a file. On a look the clock asked for, a file found changed
 * while it was still changing since the previous look does not count yet: the look is due again after
 * quiet seconds.
 */
bool rv_store_watch_changed(struct rv_store_watch *w, const struct rv_store *st, const char *const *names,
			    const struct rv_file_stamp *expected, size_t n, double now);

/* Whether the files may be read again now: no commit is being written, none was left interrupted. */
enum rv_store_calm {
	RV_STORE_CALM,        /* held: rv_store_watch_release lets writers in again */
	RV_STORE_WRITING,     /* another process holds the lock: a commit is under way */
	RV_STORE_INTERRUPTED, /* a journal is there and nobody writes: a commit was cut short (recovery) */
};
/* Takes the store's lock shared (a commit holds it exclusively), never waiting, and checks that no
 * journal is there. A data set that was never written by recview has no lock file: calm, nothing held. */
enum rv_store_calm rv_store_watch_hold(struct rv_store_watch *w, const struct rv_store *st);
void rv_store_watch_release(struct rv_store_watch *w);

#endif
