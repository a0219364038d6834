/*
 * save.c - writing a CSV file back: serialising an edited table so that everything unchanged keeps
 * its exact bytes, and replacing the file on disk atomically.
 *
 * Serialising. The original buffer is copied verbatim except for the byte spans of changed rows,
 * which are rebuilt cell by cell: an unchanged cell copies its raw bytes (quotes and all), a changed
 * one is written with csv_write_field. Appended rows go at the very end of the file, after whatever
 * followed the last original row (trailing blank lines included), each ended with the file's line
 * break. When the file did not end with a line break one is added before the first appended row, and
 * the file then ends with a line break: "no final newline" is not kept once rows are appended, so that
 * the next append does not touch the previous last line.
 *
 * Saving. A temporary file ".<name>.recview-XXXXXX" is created next to the target (after following
 * symlinks), written, fsync'd, given the original's mode (and, best effort, its owner), closed and
 * renamed over the target; then the directory is fsync'd. Until the rename nothing the user sees has
 * changed, and any failure removes the temporary file.
 */
#include "recview/save.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "recview/arena.h"

/* ---- serialising ---- */

static const char *eol_text(enum csv_eol eol)
{
	switch (eol) {
	case CSV_EOL_CRLF:
		return "\r\n";
	case CSV_EOL_CR:
		return "\r";
	case CSV_EOL_LF:
	default:
		return "\n";
	}
}

void csv_write_field(struct strbuf *out, const char *s, size_t len)
{
	csv_write_field_delim(out, s, len, ',');
}

void csv_write_field_delim(struct strbuf *out, const char *s, size_t len, char delim)
{
	if (len == 0)
		return;
	bool quote = s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t';
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == delim || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		sb_add(out, s, len);
		return;
	}
	sb_addc(out, '"');
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"') {
			sb_add(out, s + from, i + 1 - from); /* up to and with the quote, which is then doubled */
			sb_addc(out, '"');
			from = i + 1;
		}
	}
	sb_add(out, s + from, len - from);
	sb_addc(out, '"');
}

void rv_defuse_formula(struct strbuf *out, const char *s, size_t len)
{
	if (len > 0 && strchr("=+-@\t\r", s[0]) && s[0] != '\0')
		sb_addc(out, '\'');
	sb_add(out, s, len);
}

/*
 * Where the raw field that begins at buf[start] ends (the offset of its separating comma, or limit):
 * the reader's own rule. An unquoted field runs to the first comma; a quoted one to its closing quote
 * (a doubled quote is part of the value), then on to the next comma, which covers fields that the
 * reader recovered as written after a quote error. A quoted field never closed before limit ends there.
 */
static size_t raw_field_end(const char *buf, size_t start, size_t limit, char delim)
{
	size_t i = start;
	if (i < limit && buf[i] == '"') {
		for (i++; i < limit; i++) {
			if (buf[i] != '"')
				continue;
			if (i + 1 < limit && buf[i + 1] == '"') {
				i++;
				continue;
			}
			i++;
			break;
		}
	}
	while (i < limit && buf[i] != delim)
		i++;
	return i;
}

/* The end of the raw bytes of cell i of an original row (cell i itself unchanged). */
static size_t raw_cell_end(const struct csv_table *t, const struct csv_row *r, size_t i)
{
	const struct csv_cell *cells = t->cells + r->first_cell;
	size_t start = cells[i].raw_off;
	size_t limit = r->raw_end;
	for (size_t j = i + 1; j < r->nfields; j++) {
		size_t next = cells[j].raw_off;
		if (next == CSV_CELL_CHANGED)
			continue; /* changed, or added by widening: its start is no longer known */
		if (next > start && next - 1 <= limit) {
			if (j == i + 1)
				return next - 1; /* the comma before the next cell */
			limit = next - 1;
		}
		break;
	}
	return raw_field_end(t->buf, start, limit, csv_table_delim(t));
}

/* Writes one row: raw bytes for unchanged cells of an original row, csv_write_field for the rest. */
static void write_row(const struct csv_table *t, const struct csv_row *r, struct strbuf *out)
{
	size_t before = out->len;
	bool original = !(r->flags & CSV_ROW_ADDED);
	for (size_t i = 0; i < r->nfields; i++) {
		const struct csv_cell *c = &t->cells[r->first_cell + i];
		if (i)
			sb_addc(out, csv_table_delim(t));
		if (original && c->raw_off != CSV_CELL_CHANGED && c->raw_off <= r->raw_end) {
			size_t end = raw_cell_end(t, r, i);
			sb_add(out, t->buf + c->raw_off, end - c->raw_off);
		} else {
			csv_write_field_delim(out, c->ptr, c->len, csv_table_delim(t));
		}
	}
	/* A row of one empty field would be a blank line, which readers skip: write it as "". */
	if (r->nfields == 1 && out->len == before)
		sb_add(out, "\"\"", 2);
}

void csv_table_write_row(const struct csv_table *t, size_t row, struct strbuf *out)
{
	if (row < t->nrows)
		write_row(t, &t->rows[row], out);
}

/* The file's bytes [from, to) as read, less the rows removed since. */
static void copy_read_bytes(const struct csv_table *t, struct strbuf *out, size_t from, size_t to)
{
	for (size_t i = 0; i < t->ncuts && from < to; i++) {
		const struct csv_span *c = &t->cuts[i];
		if (c->end <= from || c->start >= to)
			continue;
		if (c->start > from)
			sb_add(out, t->buf + from, c->start - from);
		from = c->end;
	}
	if (from < to)
		sb_add(out, t->buf + from, to - from);
}

void csv_table_serialize(const struct csv_table *t, struct strbuf *out)
{
	size_t pos = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct csv_row *r = &t->rows[i];
		if ((r->flags & CSV_ROW_ADDED) || !(r->flags & CSV_ROW_DIRTY))
			continue;
		if (r->raw_start < pos || r->raw_end < r->raw_start || r->raw_end > t->size)
			continue; /* cannot happen with a table from the reader */
		copy_read_bytes(t, out, pos, r->raw_start);
		write_row(t, r, out);
		pos = r->raw_end;
	}
	if (t->buf && pos < t->size)
		copy_read_bytes(t, out, pos, t->size);

	const char *eol = eol_text(t->eol);
	size_t content_start = out->len;
	bool first = true;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct csv_row *r = &t->rows[i];
		if (!(r->flags & CSV_ROW_ADDED))
			continue;
		if (first) {
			size_t bom = t->bom ? 3 : 0;
			char last = out->len ? out->data[out->len - 1] : '\0';
			if (content_start > bom && last != '\n' && last != '\r')
				sb_adds(out, eol);
			first = false;
		}
		write_row(t, r, out);
		sb_adds(out, eol);
	}
}

void csv_table_serialize_added(const struct csv_table *t, size_t from, struct strbuf *out)
{
	const char *eol = eol_text(t->eol);
	/* Added rows come last: the first of them may need a line break after the file's last row. */
	bool first = from == 0 || !(t->rows[from - 1].flags & CSV_ROW_ADDED);
	size_t bom = t->bom ? 3 : 0;
	if (first && t->buf && t->size > bom && t->buf[t->size - 1] != '\n' && t->buf[t->size - 1] != '\r')
		sb_adds(out, eol);
	for (size_t i = from; i < t->nrows; i++) {
		write_row(t, &t->rows[i], out);
		sb_adds(out, eol);
	}
}

bool csv_table_encode_text(const struct csv_table *t, struct strbuf *text, size_t *bad_at)
{
	if (t->encoding == RV_ENC_UTF8)
		return true;
	struct strbuf bytes;
	sb_init(&bytes);
	if (!rv_encode(t->encoding, text->data ? text->data : "", text->len, &bytes, bad_at)) {
		sb_free(&bytes);
		return false;
	}
	sb_free(text);
	*text = bytes;
	return true;
}

/* ---- file stamps ---- */

/*
 * The content hash reads eight bytes at a time (files here reach hundreds of megabytes); a streaming
 * state carries partial words across reads, so a file read in pieces hashes like the same bytes in
 * memory.
 */

#define HASH_SEED UINT64_C(14695981039346656037)
#define HASH_MUL UINT64_C(0x9E3779B97F4A7C15)

static void hash_word(struct rv_hasher *hs, uint64_t w)
{
	hs->h = (hs->h ^ w) * HASH_MUL;
	hs->h ^= hs->h >> 29;
}

void rv_hash_init(struct rv_hasher *hs)
{
	memset(hs, 0, sizeof(*hs));
	hs->h = HASH_SEED;
}

void rv_hash_update(struct rv_hasher *hs, const char *data, size_t len)
{
	hs->len += len;
	while (len && hs->ntail) {
		hs->tail[hs->ntail++] = (unsigned char)*data++;
		len--;
		if (hs->ntail == 8) {
			uint64_t w;
			memcpy(&w, hs->tail, 8);
			hash_word(hs, w);
			hs->ntail = 0;
		}
	}
	if (hs->ntail)
		return; /* the bytes given all went into a word still short of eight */
	for (; len >= 8; data += 8, len -= 8) {
		uint64_t w;
		memcpy(&w, data, 8);
		hash_word(hs, w);
	}
	memcpy(hs->tail, data, len);
	hs->ntail = len;
}

uint64_t rv_hash_final(struct rv_hasher *hs)
{
	uint64_t w = 0;
	memcpy(&w, hs->tail, hs->ntail);
	hash_word(hs, w);
	hash_word(hs, hs->len);
	return hs->h;
}

uint64_t rv_hash_bytes(const char *data, size_t len)
{
	struct rv_hasher hs;
	rv_hash_init(&hs);
	rv_hash_update(&hs, data, len);
	return rv_hash_final(&hs);
}

static void stamp_from_stat(struct rv_file_stamp *out, const struct stat *st)
{
	out->exists = true;
	out->dev = st->st_dev;
	out->ino = st->st_ino;
	out->size = st->st_size;
	out->mtime = st->st_mtim;
	out->ctime = st->st_ctim;
}

void rv_file_stamp_read(const char *path, struct rv_file_stamp *out)
{
	memset(out, 0, sizeof(*out));
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) != 0) {
		close(fd);
		fd = -1;
	}
	if (fd < 0 && stat(path, &st) != 0)
		return;
	stamp_from_stat(out, &st);
	out->hash = rv_hash_bytes("", 0);
	if (fd < 0)
		return; /* exists but unreadable: the metadata alone must match */
	if (S_ISREG(st.st_mode)) {
		struct rv_hasher hs;
		char buf[65536];
		rv_hash_init(&hs);
		for (;;) {
			ssize_t n = read(fd, buf, sizeof(buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			rv_hash_update(&hs, buf, (size_t)n);
		}
		out->state = hs;
		out->has_state = true;
		out->hash = rv_hash_final(&hs);
	}
	close(fd);
}

void rv_file_stamp_of(const char *path, const char *data, size_t len, struct rv_file_stamp *out)
{
	struct stat st;
	memset(out, 0, sizeof(*out));
	if (stat(path, &st) != 0)
		return;
	stamp_from_stat(out, &st);
	rv_hash_init(&out->state);
	rv_hash_update(&out->state, data, len);
	out->has_state = true;
	struct rv_hasher hs = out->state;
	out->hash = rv_hash_final(&hs);
}

bool rv_file_stamp_equal(const struct rv_file_stamp *a, const struct rv_file_stamp *b)
{
	if (a->exists != b->exists)
		return false;
	return !a->exists || (a->size == b->size && a->hash == b->hash);
}

static bool same_timespec(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

bool rv_file_unchanged(const char *path, const struct rv_file_stamp *expected)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return !expected->exists && errno == ENOENT;
	if (!expected->exists)
		return false;
	/*
	 * ctime cannot be set back by a program: identical metadata means the bytes were not written, once
	 * the file is older than the clock's tick. Within it, another writer's file can carry the very same
	 * metadata: file systems stamp times from a coarse clock (a few milliseconds), and a file renamed
	 * into place can get the inode number of one removed just before (its own earlier version). Such a
	 * file is read and hashed.
	 */
	struct timespec clock;
	clock_gettime(CLOCK_REALTIME, &clock);
	bool settled = clock.tv_sec > st.st_ctim.tv_sec + 1;
	if (settled && st.st_dev == expected->dev && st.st_ino == expected->ino && st.st_size == expected->size &&
	    same_timespec(st.st_mtim, expected->mtime) && same_timespec(st.st_ctim, expected->ctime))
		return true;
	struct rv_file_stamp now;
	rv_file_stamp_read(path, &now);
	return rv_file_stamp_equal(expected, &now);
}

/* ---- atomic replacement ---- */

static int sys_open(const char *path, int flags, mode_t mode)
{
	return open(path, flags, mode);
}

static ssize_t sys_write(int fd, const void *buf, size_t len)
{
	return write(fd, buf, len);
}

static int sys_fsync(int fd)
{
	return fsync(fd);
}

static int sys_close(int fd)
{
	return close(fd);
}

static int sys_rename(const char *from, const char *to)
{
	return rename(from, to);
}

static int sys_link(const char *from, const char *to)
{
	return link(from, to);
}

static int sys_unlink(const char *path)
{
	return unlink(path);
}

static int sys_ftruncate(int fd, off_t len)
{
	return ftruncate(fd, len);
}

const struct rv_save_ops rv_save_system_ops = {
	.open = sys_open,
	.write = sys_write,
	.fsync = sys_fsync,
	.close = sys_close,
	.rename = sys_rename,
	.link = sys_link,
	.unlink = sys_unlink,
	.ftruncate = sys_ftruncate,
};

struct rv_save_ops rv_save_ops_complete(const struct rv_save_ops *ops)
{
	struct rv_save_ops o = ops ? *ops : rv_save_system_ops;
	const struct rv_save_ops *d = &rv_save_system_ops;
	if (!o.open)
		o.open = d->open;
	if (!o.write)
		o.write = d->write;
	if (!o.fsync)
		o.fsync = d->fsync;
	if (!o.close)
		o.close = d->close;
	if (!o.rename)
		o.rename = d->rename;
	if (!o.link)
		o.link = d->link;
	if (!o.unlink)
		o.unlink = d->unlink;
	if (!o.ftruncate)
		o.ftruncate = d->ftruncate;
	return o;
}

static void set_err(char *err, size_t errsize, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errsize, const char *fmt, ...)
{
	if (!err || !errsize)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
}

/* The target of a link, resolved against the directory of the link; malloc'd. */
static char *read_link(const char *link, int *err)
{
	size_t cap = 256;
	for (;;) {
		char *buf = xmalloc(cap);
		ssize_t n = readlink(link, buf, cap);
		if (n < 0) {
			*err = errno;
			free(buf);
			return NULL;
		}
		if ((size_t)n < cap) {
			buf[n] = '\0';
			const char *slash = strrchr(link, '/');
			if (buf[0] == '/' || !slash)
				return buf;
			size_t dirlen = (size_t)(slash - link) + 1;
			char *joined = xmalloc(dirlen + (size_t)n + 1);
			memcpy(joined, link, dirlen);
			memcpy(joined + dirlen, buf, (size_t)n + 1);
			free(buf);
			return joined;
		}
		free(buf);
		cap *= 2;
	}
}

char *rv_resolve_write_target(const char *path, int *err)
{
	char *real = realpath(path, NULL);
	if (real)
		return real;
	if (errno != ENOENT) {
		*err = errno;
		return NULL;
	}
	char *cur = xstrdup(path);
	for (int depth = 0; depth < 40; depth++) {
		struct stat st;
		if (lstat(cur, &st) != 0) {
			if (errno == ENOENT)
				return cur;
			*err = errno;
			free(cur);
			return NULL;
		}
		if (!S_ISLNK(st.st_mode))
			return cur;
		char *next = read_link(cur, err);
		free(cur);
		if (!next)
			return NULL;
		cur = next;
	}
	free(cur);
	*err = ELOOP;
	return NULL;
}

mode_t rv_current_umask(void)
{
	mode_t m = umask(0);
	umask(m);
	return m;
}

static uint64_t random_bits(void)
{
	static uint64_t state;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (!state)
		state = (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)&ts;
	state += UINT64_C(0x9E3779B97F4A7C15) ^ (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 30;
	uint64_t z = state;
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* Keeps temporary names within NAME_MAX however long the file's name is. */
#define TEMP_BASE_MAX 200
#define TEMP_TRIES 100

/* Creates dir/.base.recview-XXXXXX with O_EXCL; the name goes to tmp. Returns the fd or -1 (errno). */
int rv_create_temp(const struct rv_save_ops *ops, const char *target, struct strbuf *tmp)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	const char *base = target + dirlen;
	size_t baselen = strlen(base);
	if (baselen > TEMP_BASE_MAX)
		baselen = TEMP_BASE_MAX;
	for (int attempt = 0; attempt < TEMP_TRIES; attempt++) {
		sb_reset(tmp);
		sb_add(tmp, target, dirlen);
		sb_addc(tmp, '.');
		sb_add(tmp, base, baselen);
		sb_adds(tmp, ".recview-");
		uint64_t r = random_bits();
		for (int k = 0; k < 6; k++, r /= 62)
			sb_addc(tmp, alphabet[r % 62]);
		int fd = ops->open(tmp->data, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
		if (fd >= 0)
			return fd;
		if (errno != EEXIST && errno != EINTR)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

/* Writes everything, going on after short writes and interruptions. Returns 0 or -1 (errno). */
int rv_write_all(const struct rv_save_ops *ops, int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		size_t chunk = len - off;
		if (chunk > (size_t)1 << 30)
			chunk = (size_t)1 << 30;
		ssize_t n = ops->write(fd, data + off, chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = EIO; /* no progress: do not spin */
			return -1;
		}
		off += (size_t)n;
	}
	return 0;
}

int rv_fsync_retry(const struct rv_save_ops *ops, int fd)
{
	int rc;
	do
		rc = ops->fsync(fd);
	while (rc != 0 && errno == EINTR);
	return rc;
}

/* The directory part of target ("." when there is none). */
static void dir_of(const char *target, struct strbuf *dir)
{
	const char *slash = strrchr(target, '/');
	if (!slash)
		sb_adds(dir, ".");
	else if (slash == target)
		sb_adds(dir, "/");
	else
		sb_add(dir, target, (size_t)(slash - target));
}

/* fsyncs the directory so that the rename itself is on disk. Returns 0, or -1 with errno. */
int rv_sync_dir(const struct rv_save_ops *ops, const char *target)
{
	struct strbuf dir;
	sb_init(&dir);
	dir_of(target, &dir);
	int fd = ops->open(dir.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	sb_free(&dir);
	if (fd < 0)
		return -1;
	int rc = rv_fsync_retry(ops, fd);
	int saved = errno;
	ops->close(fd);
	/* Some file systems cannot sync a directory at all; that is no failure of ours. */
	if (rc != 0 && (saved == EINVAL || saved == ENOTSUP || saved == EBADF))
		rc = 0;
	errno = saved;
	return rc;
}

const char *rv_fill_temp(const struct rv_save_ops *ops, int fd, const char *data, size_t len, const struct stat *old,
			 const char **after)
{
	*after = "";
	if (rv_write_all(ops, fd, data, len) != 0)
		return "cannot write";
	if (rv_fsync_retry(ops, fd) != 0) {
		*after = " to disk";
		return "cannot flush";
	}
	/* Owner first: a chown clears set-id bits, which the chmod then puts back. Best effort only. */
	if (old && (old->st_uid != geteuid() || old->st_gid != getegid()) && fchown(fd, old->st_uid, old->st_gid) != 0 &&
	    fchown(fd, (uid_t)-1, old->st_gid) != 0) {
		/* Not permitted: the file then belongs to whoever saved it, as with most editors. */
	}
	mode_t mode = old ? old->st_mode & 07777 : 0666 & ~rv_current_umask();
	if (fchmod(fd, mode) != 0)
		return "cannot set the permissions of";
	return NULL;
}

enum rv_result rv_save_atomic(const char *path, const char *data, size_t len,
				   const struct rv_file_stamp *expected, const struct rv_save_ops *ops,
				   struct rv_file_stamp *written, char *err, size_t errsize)
{
	if (!ops)
		ops = &rv_save_system_ops;
	if (err && errsize)
		err[0] = '\0';

	int e = 0;
	char *target = rv_resolve_write_target(path, &e);
	if (!target) {
		set_err(err, errsize, "cannot find where %s leads: %s (the file was not changed)", path, strerror(e));
		return RV_E_FAILED;
	}

	struct rv_file_stamp now;
	rv_file_stamp_read(target, &now);
	const char *unchanged = now.exists ? "(the file was not changed)" : "(the file was not created)";
	if (expected && !rv_file_stamp_equal(expected, &now)) {
		if (!expected->exists)
			set_err(err, errsize, "%s was created by someone else since it was opened; not saved %s", path,
				unchanged);
		else if (!now.exists)
			set_err(err, errsize, "%s was removed or renamed since it was read; not saved", path);
		else
			set_err(err, errsize, "%s was changed on disk since it was read; not saved %s", path, unchanged);
		free(target);
		return RV_E_CONFLICT;
	}

	struct stat st;
	bool exists = stat(target, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		set_err(err, errsize, "cannot save %s: not a regular file (the file was not changed)", path);
		free(target);
		return RV_E_FAILED;
	}

	struct strbuf tmp;
	sb_init(&tmp);
	const char *step, *step_after = "";
	int fd = rv_create_temp(ops, target, &tmp);
	if (fd < 0) {
		e = errno;
		set_err(err, errsize, "cannot create a temporary file next to %s: %s %s", path, strerror(e), unchanged);
		sb_free(&tmp);
		free(target);
		return RV_E_FAILED;
	}

	struct stat done;
	step = rv_fill_temp(ops, fd, data, len, exists ? &st : NULL, &step_after);
	if (step)
		goto fail;
	if (fstat(fd, &done) != 0) {
		step = "cannot check";
		goto fail;
	}
	if (ops->close(fd) != 0 && errno != EINTR) {
		/* The descriptor is gone whatever close says (EINTR included, on Linux). */
		fd = -1;
		step = "cannot close";
		goto fail;
	}
	fd = -1;
	if (ops->rename(tmp.data, target) != 0) {
		step = "cannot replace";
		goto fail;
	}
	sb_free(&tmp);

	if (rv_sync_dir(ops, target) != 0) {
		e = errno;
		set_err(err, errsize, "saved %s, but its directory could not be flushed to disk: %s", path, strerror(e));
	}
	free(target);
	if (written) {
		memset(written, 0, sizeof(*written));
		stamp_from_stat(written, &done);
		written->hash = rv_hash_bytes(data, len);
	}
	return RV_OK;

fail:
	e = errno;
	set_err(err, errsize, "%s %s%s: %s %s", step, path, step_after, strerror(e), unchanged);
	if (fd >= 0)
		ops->close(fd);
	unlink(tmp.data);
	sb_free(&tmp);
	free(target);
	return RV_E_FAILED;
}
