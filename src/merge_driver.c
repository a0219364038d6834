/*
 * merge_driver.c - recview merge-driver %O %A %B %P: git's merge of one file (merge_file.h). A table
 * is merged row by row and cell by cell; any other file, or a table that cannot be merged so, line
 * by line: a side unchanged from the base gives the other, else git merge-file. The result replaces
 * %A atomically (a temporary file beside it, renamed).
 */
#include "recview/merge_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "recview/diag.h"
#include "recview/git.h"
#include "recview/save.h"
#include "recview/text.h"

bool rv_read_file_bytes(const char *path, struct strbuf *out, int *err)
{
	int fd = open(path, O_RDONLY | O_NOCTTY);
	if (fd < 0) {
		*err = errno;
		return false;
	}
	char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			close(fd);
			return false;
		}
		sb_add(out, buf, (size_t)n);
	}
	close(fd);
	return true;
}

static bool same_bytes(const struct strbuf *a, const struct strbuf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

static void say(FILE *err, const char *name, const char *fmt, const char *detail)
{
	struct strbuf safe;
	sb_init(&safe);
	diag_quote(&safe, name, strlen(name), 60);
	fprintf(err, "recview merge-driver: %s: ", safe.data);
	fprintf(err, fmt, detail ? detail : "");
	fputc('\n', err);
	sb_free(&safe);
}

/* git merge-file, its result on stdout: 0 clean, 1 conflicts, 2 it failed. */
static int merge_lines(const char *base, const char *ours, const char *theirs, struct strbuf *out, FILE *err,
		       const char *name)
{
	struct rv_git_run r;
	rv_git_run_init(&r);
	const char *args[] = {"merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", "--", ours, base, theirs, NULL};
	rv_git(NULL, args, NULL, 0, NULL, &r);
	int code = 2;
	if (r.status >= 0 && r.status < 127) {
		sb_add(out, r.out.data ? r.out.data : "", r.out.len);
		code = r.status == 0 ? 0 : 1;
	} else {
		struct strbuf safe;
		sb_init(&safe);
		text_sanitize(&safe, r.err.data ? r.err.data : "", r.err.len, 0);
		say(err, name, "git merge-file failed: %s", safe.data);
		sb_free(&safe);
	}
	rv_git_run_free(&r);
	return code;
}

static bool write_result(const char *path, const struct strbuf *text, FILE *err, const char *name)
{
	char why[600];
	if (rv_save_atomic(path, text->data ? text->data : "", text->len, NULL, NULL, NULL, why, sizeof(why)) == RV_OK)
		return true;
	struct strbuf safe;
	sb_init(&safe);
	text_sanitize(&safe, why, strlen(why), 0);
	say(err, name, "%s", safe.data);
	sb_free(&safe);
	return false;
}

int rv_merge_driver(const char *base_path, const char *ours_path, const char *theirs_path, const char *name,
		    FILE *err)
{
	struct strbuf v[3], out;
	const char *paths[3] = {base_path, ours_path, theirs_path};
	for (int i = 0; i < 3; i++)
		sb_init(&v[i]);
	sb_init(&out);
	int code = 0;
	for (int i = 0; i < 3 && code == 0; i++) {
		int e = 0;
		if (!rv_read_file_bytes(paths[i], &v[i], &e)) {
			say(err, name, "cannot read a version: %s", strerror(e));
			code = 2;
		}
	}
	if (code == 0 && (same_bytes(&v[1], &v[2]) || same_bytes(&v[0], &v[2]))) {
		/* Theirs changed nothing, or made the same change: ours stands. */
	} else if (code == 0 && same_bytes(&v[0], &v[1])) {
		code = write_result(ours_path, &v[2], err, name) ? 0 : 2;
	} else if (code == 0) {
		struct rv_merge_report rep;
		rv_merge_report_init(&rep);
		enum rv_result res = rv_merge_tables(name, v[0].data ? v[0].data : "", v[0].len, v[1].data ? v[1].data : "",
						     v[1].len, v[2].data ? v[2].data : "", v[2].len, &out, &rep);
		if (res == RV_E_REFUSED) {
			if (rep.kind >= 0)
				say(err, name, "merged line by line: %s", rep.why);
			code = merge_lines(base_path, ours_path, theirs_path, &out, err, name);
		} else {
			code = res == RV_OK ? 0 : 1;
		}
		if (code != 2 && !write_result(ours_path, &out, err, name))
			code = 2;
		if (res == RV_E_CONFLICT && code == 1) {
			char count[64];
			snprintf(count, sizeof(count), "%zu", rep.conflicts);
			say(err, name, "%s conflicting row(s) left between conflict markers (the rest is merged):", count);
			fputs(rep.details.data ? rep.details.data : "", err);
		} else if (res == RV_E_REFUSED && code == 1) {
			say(err, name, "%sconflicts left between conflict markers", "");
		}
		rv_merge_report_free(&rep);
	}
	for (int i = 0; i < 3; i++)
		sb_free(&v[i]);
	sb_free(&out);
	return code;
}
