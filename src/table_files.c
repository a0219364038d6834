/* table_files.c - finding the file of each table in a data set directory (see table_files.h). */
#include "recview/table_files.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "recview/arena.h"
#include "recview/model.h"
#include "recview/strbuf.h"

static bool has_extension(const char *name, size_t len, size_t *stem)
{
	static const char *const exts[] = {".csv", ".tsv", ".txt"};
	for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++) {
		if (len > 4 && strcasecmp(name + len - 4, exts[i]) == 0) {
			*stem = len - 4;
			return true;
		}
	}
	return false;
}

/* A browser's " (1)" after a second download of the same name. */
static size_t without_copy_number(const char *name, size_t len)
{
	if (len >= 4 && name[len - 1] == ')') {
		size_t i = len - 2;
		while (i > 0 && name[i] >= '0' && name[i] <= '9')
			i--;
		if (i + 2 < len && name[i] == '(' && i > 0 && name[i - 1] == ' ')
			return i - 1;
	}
	return len;
}

static bool is_separator(char c)
{
	return c == ' ' || c == '-' || c == '_' || c == '.';
}

/* Whether a directory entry holds table (the table's name without extension, e.g. "recommendations"). */
static bool names_table(const char *name, const char *table, size_t tlen)
{
	size_t len = strlen(name), stem;
	if (name[0] == '.' || !has_extension(name, len, &stem))
		return false;
	stem = without_copy_number(name, stem);
	if (stem < tlen || strncasecmp(name + stem - tlen, table, tlen) != 0)
		return false;
	return stem == tlen || is_separator(name[stem - tlen - 1]);
}

int rv_table_kind_of_name(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	int best = -1;
	size_t best_len = 0;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const char *own = rv_kind_def((enum rv_kind)k)->file;
		size_t tlen = strcspn(own, ".");
		/* The longest table name that fits wins: "status_history.csv" is not a "history" table. */
		char table[64];
		if (tlen >= sizeof(table))
			continue;
		memcpy(table, own, tlen);
		table[tlen] = '\0';
		if (names_table(base, table, tlen) && tlen > best_len) {
			best = k;
			best_len = tlen;
		}
	}
	return best;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *rv_find_table_file(const char *dir, const char *file, size_t *others)
{
	*others = 0;
	struct strbuf path;
	sb_init(&path);
	sb_addf(&path, "%s/%s", dir, file);
	struct stat st;
	bool exact = lstat(path.data, &st) == 0;
	sb_free(&path);
	if (exact)
		return xstrdup(file);
	const char *dot = strrchr(file, '.');
	size_t tlen = dot ? (size_t)(dot - file) : strlen(file);
	char table[64];
	if (tlen >= sizeof(table))
		return xstrdup(file);
	memcpy(table, file, tlen);
	table[tlen] = '\0';

	DIR *d = opendir(dir);
	if (!d)
		return xstrdup(file);
	char **found = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!names_table(e->d_name, table, tlen))
			continue;
		found = xreallocarray(found, n + 1, sizeof(*found));
		found[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (!n)
		return xstrdup(file);
	qsort(found, n, sizeof(*found), compare_names);
	char *name = found[0];
	for (size_t i = 1; i < n; i++)
		free(found[i]);
	free(found);
	*others = n - 1;
	return name;
}

static char *path_in(const char *dir, const char *file)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", dir, file);
	return sb_detach(&sb);
}

/*
 * The file of each table: its own name; else, when recommendations came in another name ("SSR tracker -
 * recommendations.csv"), the same name with the table's; else (the tables of an export, not recview's
 * own notes and agenda) any file table_files.h accepts.
 */
void rv_model_find_table_files(struct rv_model *m)
{
	const char *recs_default = rv_kind_def(RV_RECS)->file;
	size_t others;
	m->tables[RV_RECS].file = rv_find_table_file(m->dir, recs_default, &others);
	const char *recs = m->tables[RV_RECS].file;
	const char *at = strstr(recs, "recommendations");
	if (!at)
		at = strstr(recs, "Recommendations");
	for (int k = RV_RECS + 1; k < RV_KIND_COUNT; k++) {
		const char *own = rv_kind_def((enum rv_kind)k)->file;
		char *path = path_in(m->dir, own);
		struct stat st;
		bool exists = lstat(path, &st) == 0;
		free(path);
		char *name = NULL;
		if (!exists && at && strcmp(recs, recs_default) != 0) {
			/* "SSR tracker - recommendations.csv" gives "SSR tracker - deliverables.csv" */
			struct strbuf sb;
			sb_init(&sb);
			size_t stem = strcspn(own, ".");
			sb_add(&sb, recs, (size_t)(at - recs));
			sb_add(&sb, own, stem);
			sb_adds(&sb, at + strlen("recommendations"));
			char *p = path_in(m->dir, sb.data);
			if (lstat(p, &st) == 0)
				name = sb_detach(&sb);
			free(p);
			sb_free(&sb);
		}
		if (!name && !exists && k != RV_NOTES && k != RV_AGENDA && k != RV_CHANGES)
			name = rv_find_table_file(m->dir, own, &others);
		m->tables[k].file = name ? name : xstrdup(own);
	}
}

const char *rv_table_file(const struct rv_model *m, enum rv_kind kind)
{
	return m->tables[kind].file ? m->tables[kind].file : rv_kind_def(kind)->file;
}

