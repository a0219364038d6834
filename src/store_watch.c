/*
 * store_watch.c - watching a data directory for other writers: inotify events, looks at the files'
 * metadata, a change confirmed by content against the caller's stamps, and the lock taken shared
 * while the files are read again. See store_watch.h.
 */
#include "recview/store_watch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/store_impl.h"

#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)
#define WATCH_SELF (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)

void rv_store_watch_open(struct rv_store_watch *w, const struct rv_store *st, enum rv_watch_mode mode, double now)
{
	memset(w, 0, sizeof(*w));
	w->fd = -1;
	w->lock_fd = -1;
	w->mode = mode;
	w->interval = 2.0;
	w->quiet = 0.2;
	w->last_event = -1;
	w->next_look = now + w->interval;
	if (mode != RV_WATCH_NOTIFY)
		return;
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0) {
		snprintf(w->why, sizeof(w->why), "inotify is not available (%s)", strerror(errno));
		return;
	}
	if (inotify_add_watch(fd, st->real, WATCH_EVENTS | IN_ONLYDIR) < 0) {
		snprintf(w->why, sizeof(w->why), "the data directory cannot be watched (%s)", strerror(errno));
		close(fd);
		return;
	}
	w->fd = fd;
}

void rv_store_watch_close(struct rv_store_watch *w)
{
	rv_store_watch_release(w);
	if (w->fd >= 0)
		close(w->fd);
	for (size_t i = 0; i < w->nseen; i++)
		free(w->seen[i].name);
	free(w->seen);
	memset(w, 0, sizeof(*w));
	w->fd = -1;
	w->lock_fd = -1;
}

int rv_store_watch_fd(const struct rv_store_watch *w)
{
	return w->fd;
}

int rv_store_watch_wait_ms(const struct rv_store_watch *w, double now)
{
	double at = w->last_event >= 0 ? w->last_event + w->quiet : w->next_look;
	double ms = (at - now) * 1000.0;
	if (ms <= 0)
		return 0;
	return ms > 60000 ? 60000 : (int)ms + 1;
}

/* Names in the directory that are recview's own bookkeeping, never a data file. */
static bool is_bookkeeping(const char *name)
{
	return strcmp(name, RV_STORE_JOURNAL) == 0 || strcmp(name, RV_STORE_LOCK) == 0 || rv_store_is_temp_name(name);
}

/* Reads every event waiting; the watch falls back to looks when the directory went away. */
static void take_events(struct rv_store_watch *w, double now)
{
	_Alignas(struct inotify_event) char buf[8192];
	while (w->fd >= 0) {
		ssize_t n = read(w->fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;
			p += sizeof(*ev) + ev->len;
			if (ev->mask & IN_Q_OVERFLOW) {
				w->last_event = now; /* events were lost: look at everything */
				w->from_events = true;
			} else if (ev->mask & WATCH_SELF) {
				snprintf(w->why, sizeof(w->why), "the data directory was moved or removed");
				close(w->fd);
				w->fd = -1;
				w->last_event = now;
				return;
			} else if (ev->len && ev->name[0] && !is_bookkeeping(ev->name)) {
				w->last_event = now;
				w->from_events = true;
				w->events++;
			}
		}
	}
}

bool rv_store_watch_due(struct rv_store_watch *w, double now)
{
	take_events(w, now);
	if (w->last_event >= 0) {
		if (now - w->last_event < w->quiet)
			return false;
		w->last_event = -1;
		w->by_events = w->from_events;
		w->from_events = false;
		w->next_look = now + w->interval;
		return true;
	}
	if (now < w->next_look)
		return false;
	w->by_events = false;
	w->next_look = now + w->interval;
	return true;
}

void rv_store_watch_again(struct rv_store_watch *w, double now)
{
	w->last_event = now;
}

static struct rv_watch_seen *seen_of(struct rv_store_watch *w, const char *name)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (strcmp(w->seen[i].name, name) == 0)
			return &w->seen[i];
	w->seen = xreallocarray(w->seen, w->nseen + 1, sizeof(*w->seen));
	struct rv_watch_seen *s = &w->seen[w->nseen++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->exists = false;
	s->size = -1; /* never looked at: no metadata matches it */
	return s;
}

static bool same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* The metadata of st (or of no file) is what a stamp or a look recorded. */
static bool same_meta(bool exists, const struct stat *st, bool m_exists, dev_t dev, ino_t ino, off_t size,
		      struct timespec mtime, struct timespec ctime)
{
	if (!exists || !m_exists)
		return exists == m_exists && size != -1;
	return st->st_dev == dev && st->st_ino == ino && st->st_size == size && same_time(st->st_mtim, mtime) &&
	       same_time(st->st_ctim, ctime);
}

static bool judged_against(const struct rv_watch_seen *s, const struct rv_file_stamp *e)
{
	return s->against_exists == e->exists && (!e->exists || (s->against_size == e->size && s->against_hash == e->hash));
}

/* One file: whether it differs from expected; *moving when it changed since the previous look. */
static bool file_differs(struct rv_store_watch *w, const struct rv_store *st, const char *name,
			 const struct rv_file_stamp *expected, bool *moving)
{
	char *path = rv_store_join(st->real, name);
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	if (!exists && errno != ENOENT) {
		free(path);
		return false; /* cannot be looked at now: no news */
	}
	struct rv_watch_seen *s = seen_of(w, name);
	bool differs;
	*moving = false;
	if (same_meta(exists, &sb, expected->exists, expected->dev, expected->ino, expected->size, expected->mtime,
		      expected->ctime)) {
		differs = false;
	} else if (same_meta(exists, &sb, s->exists, s->dev, s->ino, s->size, s->mtime, s->ctime) &&
		   judged_against(s, expected)) {
		differs = s->differs;
	} else {
		*moving = true;
		differs = !rv_file_unchanged(path, expected);
	}
	free(path);
	s->exists = exists;
	if (exists) {
		s->dev = sb.st_dev;
		s->ino = sb.st_ino;
		s->size = sb.st_size;
		s->mtime = sb.st_mtim;
		s->ctime = sb.st_ctim;
	} else {
		s->size = 0;
	}
	s->differs = differs;
	s->against_exists = expected->exists;
	s->against_size = expected->size;
	s->against_hash = expected->hash;
	return differs;
}

bool rv_store_watch_changed(struct rv_store_watch *w, const struct rv_store *st, const char *const *names,
			    const struct rv_file_stamp *expected, size_t n, double now)
{
	bool changed = false, settled = true;
	for (size_t i = 0; i < n; i++) {
		bool moving;
		if (file_differs(w, st, names[i], &expected[i], &moving)) {
			changed = true;
			settled &= !moving;
		}
	}
	if (changed && !settled && !w->by_events) {
		/* Found by a look while still being written: once more when it has been quiet. */
		w->last_event = now;
		return false;
	}
	return changed;
}

enum rv_store_calm rv_store_watch_hold(struct rv_store_watch *w, const struct rv_store *st)
{
	rv_store_watch_release(w);
	char *lock = rv_store_join(st->real, RV_STORE_LOCK);
	int fd = open(lock, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(lock);
	if (fd >= 0) {
		int r;
		while ((r = flock(fd, LOCK_SH | LOCK_NB)) != 0 && errno == EINTR)
			;
		if (r != 0) {
			close(fd);
			return RV_STORE_WRITING;
		}
	}
	char *journal = rv_store_join(st->real, RV_STORE_JOURNAL);
	struct stat sb;
	bool interrupted = lstat(journal, &sb) == 0;
	free(journal);
	if (interrupted) {
		if (fd >= 0)
			close(fd);
		return RV_STORE_INTERRUPTED;
	}
	w->lock_fd = fd;
	return RV_STORE_CALM;
}

void rv_store_watch_release(struct rv_store_watch *w)
{
	if (w->lock_fd < 0)
		return;
	flock(w->lock_fd, LOCK_UN);
	close(w->lock_fd);
	w->lock_fd = -1;
}
