/* export_target.c - the file an export goes to: resolved, checked against the data set, written atomically. */
#include "recview/export_target.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/save.h"
#include "recview/strbuf.h"

static void say(char *why, size_t size, const char *fmt, ...)
{
	if (!why || !size)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
}

/* path up to its last slash ("." when it has none, "/" for a name in the root) and what follows. */
static void split_path(const char *path, struct strbuf *dir, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		sb_adds(dir, ".");
		*base = path;
	} else {
		sb_add(dir, path, slash == path ? 1 : (size_t)(slash - path));
		*base = slash + 1;
	}
}

/* The absolute, resolved name of the file a write to path replaces or creates. malloc'd. */
static char *resolve(const char *path, int *err)
{
	char *cur = rv_resolve_write_target(path, err);
	if (!cur)
		return NULL;
	char *real = realpath(cur, NULL);
	if (real || errno != ENOENT) {
		if (!real)
			*err = errno;
		free(cur);
		return real;
	}
	/* Not there yet: its directory must be. */
	struct strbuf dir;
	sb_init(&dir);
	const char *base;
	split_path(cur, &dir, &base);
	char *rdir = *base ? realpath(dir.data, NULL) : NULL;
	if (!rdir)
		*err = *base ? errno : ENOENT;
	char *out = NULL;
	if (rdir) {
		sb_reset(&dir);
		sb_addf(&dir, "%s%s%s", rdir, strcmp(rdir, "/") == 0 ? "" : "/", base);
		out = xstrdup(dir.data);
	}
	free(rdir);
	sb_free(&dir);
	free(cur);
	return out;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* A name recview reads as data: .csv, .tsv and .txt files (table_files.h), and recview.map; in any
 * case, since a case-insensitive file system would read it as one. */
static bool csv_name(const char *name)
{
	size_t n = strlen(name);
	if (strcasecmp(name, "recview.map") == 0)
		return true;
	return n >= 4 && (strcasecmp(name + n - 4, ".csv") == 0 || strcasecmp(name + n - 4, ".tsv") == 0 ||
			  strcasecmp(name + n - 4, ".txt") == 0);
}

/* The data file of dir that is the same file as st (through any link), or NULL. malloc'd name. */
static char *data_file_of(const char *dir, const struct stat *st)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char *found = NULL;
	struct strbuf path;
	sb_init(&path);
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL) {
		if (!csv_name(e->d_name))
			continue;
		struct stat fst;
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, e->d_name);
		if (stat(path.data, &fst) == 0 && same_file(&fst, st))
			found = xstrdup(e->d_name);
	}
	closedir(d);
	sb_free(&path);
	return found;
}

/* The checks of a target that exists: not the data, not a directory, a regular file. */
static enum rv_export_check check_existing(const char *data_dir, const struct stat *dd, const char *target,
					   const struct stat *st, char *why, size_t whysize)
{
	if (same_file(st, dd)) {
		say(why, whysize, "%s is the directory of the data set; an export never replaces it", target);
		return RV_EXPORT_REFUSED;
	}
	if (S_ISDIR(st->st_mode)) {
		say(why, whysize, "%s is a directory; give the name of a file", target);
		return RV_EXPORT_REFUSED;
	}
	if (!S_ISREG(st->st_mode)) {
		say(why, whysize, "%s is not a regular file", target);
		return RV_EXPORT_REFUSED;
	}
	char *data = data_file_of(data_dir, st);
	if (data) {
		say(why, whysize, "%s is %s of the data set%s; an export never replaces a file of the data set",
		    target, data, st->st_nlink > 1 ? " (or a hard link to it)" : "");
		free(data);
		return RV_EXPORT_REFUSED;
	}
	return RV_EXPORT_REPLACE;
}

/* The check of a new file: not a data file in the data directory. */
static enum rv_export_check check_new(const struct stat *dd, const char *target, char *why, size_t whysize)
{
	struct strbuf dir;
	sb_init(&dir);
	const char *base;
	split_path(target, &dir, &base);
	struct stat pst;
	bool in_data = stat(dir.data, &pst) == 0 && same_file(&pst, dd);
	sb_free(&dir);
	if (in_data && csv_name(base)) {
		say(why, whysize, "%s would be a data file (.csv, .tsv, .txt or recview.map) in the directory of the data "
				  "set, which recview reads; choose another name or directory", target);
		return RV_EXPORT_REFUSED;
	}
	return RV_EXPORT_NEW;
}

enum rv_export_check rv_export_target_check(const char *data_dir, const char *path, struct rv_export_target *out,
					    char *why, size_t whysize)
{
	memset(out, 0, sizeof(*out));
	say(why, whysize, "%s", "");
	struct stat dd, st;
	if (stat(data_dir, &dd) != 0) {
		say(why, whysize, "cannot check the directory of the data set, %s: %s", data_dir, strerror(errno));
		return RV_EXPORT_REFUSED;
	}
	int e = 0;
	out->path = resolve(path, &e);
	if (!out->path) {
		say(why, whysize, "cannot export to %s: %s", path, strerror(e));
		return RV_EXPORT_REFUSED;
	}
	enum rv_export_check res;
	if (stat(out->path, &st) == 0)
		res = check_existing(data_dir, &dd, out->path, &st, why, whysize);
	else if (errno == ENOENT)
		res = check_new(&dd, out->path, why, whysize);
	else {
		say(why, whysize, "cannot export to %s: %s", out->path, strerror(errno));
		res = RV_EXPORT_REFUSED;
	}
	if (res != RV_EXPORT_REFUSED)
		rv_file_stamp_read(out->path, &out->stamp);
	return res;
}

bool rv_export_target_write(const struct rv_export_target *t, const char *data, size_t len,
			    const struct rv_save_ops *ops, char *err, size_t errsize)
{
	return rv_save_atomic(t->path, data, len, &t->stamp, ops, NULL, err, errsize) == RV_OK;
}

void rv_export_target_free(struct rv_export_target *t)
{
	free(t->path);
	t->path = NULL;
}
