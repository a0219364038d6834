/*
 * conflict_resolve.c - settling a conflict that a merge left in a table file (merge_file.h): the
 * block whose first marker is on a given line keeps ours' or theirs' rows, its markers (and a diff3
 * base part) go, every other byte stays; the file is written through the store.
 */
#include "recview/merge_file.h"

#include <stdlib.h>
#include <string.h>

#include "recview/save.h"
#include "recview/store.h"

/* The end of the line that starts at off (its line break included), and where its text ends. */
static size_t line_end(const char *s, size_t len, size_t off, size_t *text_end)
{
	size_t i = off;
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	*text_end = i;
	if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
		return i + 2;
	return i < len ? i + 1 : i;
}

static bool is_marker(const char *s, size_t len, char c)
{
	if (len < 7)
		return false;
	for (size_t i = 0; i < 7; i++)
		if (s[i] != c)
			return false;
	return len == 7 || s[7] == ' ';
}

bool rv_conflict_resolve_text(const char *text, size_t len, uint32_t line, bool keep_ours, struct strbuf *out)
{
	size_t off = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	uint32_t at = 1;
	size_t start = 0;
	while (off < len && at < line) {
		size_t te;
		off = line_end(text, len, off, &te);
		at++;
	}
	size_t te, next = line_end(text, len, off, &te);
	if (at != line || !is_marker(text + off, te - off, '<'))
		return false;
	start = off;
	enum { OURS, BASE, THEIRS } side = OURS;
	sb_add(out, text, start);
	for (off = next; off < len; off = next) {
		next = line_end(text, len, off, &te);
		const char *s = text + off;
		size_t n = te - off;
		if (side == OURS && is_marker(s, n, '|')) {
			side = BASE;
		} else if (side != THEIRS && is_marker(s, n, '=')) {
			side = THEIRS;
		} else if (side == THEIRS && is_marker(s, n, '>')) {
			sb_add(out, text + next, len - next);
			return true;
		} else if ((side == OURS && keep_ours) || (side == THEIRS && !keep_ours)) {
			sb_add(out, s, next - off);
		}
	}
	return false; /* never closed: nothing is written */
}

enum rv_result rv_conflict_resolve_file(const char *dir, const char *name, uint32_t line, bool keep_ours, char *err,
					size_t errsize)
{
	struct rv_store st;
	if (!rv_store_open(&st, dir, NULL, false, err, errsize))
		return RV_E_FAILED;
	struct strbuf path, old, text;
	sb_init(&path);
	sb_init(&old);
	sb_init(&text);
	sb_addf(&path, "%s/%s", dir, name);
	enum rv_result res = RV_OK;
	bool exists = false;
	int e = 0;
	char why[512];
	if (!rv_store_may_write(&st, name, &exists, why, sizeof(why))) {
		snprintf(err, errsize, "%s", why);
		res = RV_E_REFUSED;
	} else if (!exists) {
		snprintf(err, errsize, "%s is gone", name);
		res = RV_E_NOT_FOUND;
	} else if (!rv_read_file_bytes(path.data, &old, &e)) {
		snprintf(err, errsize, "cannot read %s: %s", name, strerror(e));
		res = RV_E_UNREADABLE;
	} else if (!rv_conflict_resolve_text(old.data ? old.data : "", old.len, line, keep_ours, &text)) {
		snprintf(err, errsize, "no whole conflict starts on line %u of %s (UTF-16 files are settled by hand)", line, name);
		res = RV_E_NOT_FOUND;
	} else {
		struct rv_store_file file = {.name = name, .data = text.data ? text.data : "", .len = text.len};
		/* The stamp of the bytes just read: a change made since is a conflict, not overwritten. */
		rv_file_stamp_of(path.data, old.data ? old.data : "", old.len, &file.expected);
		res = rv_store_commit(&st, &file, 1, err, errsize);
	}
	sb_free(&path);
	sb_free(&old);
	sb_free(&text);
	rv_store_close(&st);
	return res;
}
