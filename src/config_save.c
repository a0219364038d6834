/*
 * config_save.c - one setting written back into the configuration file (config.h).
 *
 * The file is the user's: every other line, comment and line ending stays as it was. The setting's
 * last line (the one that wins when the file is read) is replaced, or the setting is appended. The new
 * text goes to a temporary file beside the real one, which is synced and renamed over it, so that a
 * crash or a full disk leaves the old file whole. A symbolic link (a configuration kept with one's
 * dotfiles) stays a link: the file it names is the one rewritten.
 */
#include "recview/config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/strbuf.h"

enum { CONFIG_SAVE_MAX = 1 << 20 }; /* a configuration is a few lines: anything larger is refused */

/* Whether the line s[0..len) sets name ("name = ...", blanks allowed around the name). */
static bool line_sets(const char *s, size_t len, const char *name)
{
	size_t i = 0, n = strlen(name);
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* a byte order mark before the first line */
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (len - i < n || memcmp(s + i, name, n) != 0)
		return false;
	i += n;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < len && s[i] == '=';
}

/* The file's text, or empty when there is none yet; false with err set when it cannot be read. */
static bool read_old(const char *path, struct strbuf *out, bool *exists, mode_t *mode, char *err, size_t errsize)
{
	*exists = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return true;
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return false;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > CONFIG_SAVE_MAX) {
		snprintf(err, errsize, "%s: not a configuration file recview can rewrite", path);
		close(fd);
		return false;
	}
	*exists = true;
	*mode = st.st_mode & 07777;
	char buf[8192];
	ssize_t got;
	while ((got = read(fd, buf, sizeof(buf))) > 0)
		sb_add(out, buf, (size_t)got);
	int saved = errno;
	close(fd);
	if (got < 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(saved));
		return false;
	}
	return true;
}

/* old with the setting's last line replaced by line (its line ending kept), or line appended. */
static void with_setting(const struct strbuf *old, const char *name, const char *line, struct strbuf *out)
{
	const char *s = old->data ? old->data : "";
	size_t len = old->len, last = (size_t)-1, last_len = 0;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - s) : len;
		size_t body = end > at && s[end - 1] == '\r' ? end - 1 - at : end - at;
		if (line_sets(s + at, body, name)) {
			last = at;
			last_len = body;
		}
		at = nl ? end + 1 : len;
	}
	if (last == (size_t)-1) {
		sb_add(out, s, len);
		if (len && s[len - 1] != '\n')
			sb_adds(out, "\n");
		sb_adds(out, line);
		sb_adds(out, "\n");
		return;
	}
	/* A BOM before the replaced first line stays. */
	size_t keep = last == 0 && last_len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	sb_add(out, s, last + keep);
	sb_adds(out, line);
	sb_add(out, s + last + last_len, len - last - last_len);
}

/* Makes the directories above path that are missing (0700: they hold the user's settings). */
static bool make_parents(const char *path, char *err, size_t errsize)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir)) {
		snprintf(err, errsize, "%s: the path is too long", path);
		return false;
	}
	for (char *p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			snprintf(err, errsize, "cannot make %s: %s", dir, strerror(errno));
			return false;
		}
		*p = '/';
	}
	return true;
}

/* Writes text to a temporary file beside target, synced, then renames it over target. */
static bool replace_file(const char *target, const struct strbuf *text, mode_t mode, char *err, size_t errsize)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof(tmp), "%s.tmp-XXXXXX", target) >= (int)sizeof(tmp)) {
		snprintf(err, errsize, "%s: the path is too long", target);
		return false;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errsize, "cannot write beside %s: %s", target, strerror(errno));
		return false;
	}
	bool ok = fchmod(fd, mode) == 0;
	for (size_t done = 0; ok && done < text->len;) {
		ssize_t w = write(fd, text->data + done, text->len - done);
		if (w < 0 && errno == EINTR)
			continue;
		ok = w > 0;
		done += ok ? (size_t)w : 0;
	}
	ok = ok && fsync(fd) == 0;
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (ok && rename(tmp, target) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		snprintf(err, errsize, "cannot write %s: %s (it is as it was)", target, strerror(saved));
	}
	return ok;
}

bool config_save_setting(const char *path, const char *name, const char *value, char *err, size_t errsize)
{
	if (!path || !*path) {
		snprintf(err, errsize, "no configuration file: neither XDG_CONFIG_HOME nor HOME is set");
		return false;
	}
	char target[PATH_MAX];
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if (!realpath(path, target)) {
			snprintf(err, errsize, "%s: a link to nothing (%s)", path, strerror(errno));
			return false;
		}
	} else if (snprintf(target, sizeof(target), "%s", path) >= (int)sizeof(target)) {
		snprintf(err, errsize, "%s: the path is too long", path);
		return false;
	}
	struct strbuf old, text, line;
	sb_init(&old);
	sb_init(&text);
	sb_init(&line);
	bool exists = false;
	mode_t mode = 0644;
	bool ok = read_old(target, &old, &exists, &mode, err, errsize) && (exists || make_parents(target, err, errsize));
	if (ok) {
		sb_addf(&line, "%s = %s", name, value);
		with_setting(&old, name, line.data, &text);
		ok = replace_file(target, &text, mode, err, errsize);
	}
	sb_free(&old);
	sb_free(&text);
	sb_free(&line);
	return ok;
}
