/* journal.c - writing and reading the store's journal (the format is in journal.h). */
#include "recview/journal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/save.h"

static char *join(const char *dir, const char *name)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", dir, name);
	return sb_detach(&sb);
}

void rv_journal_entries_free(struct rv_journal_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].target);
		free(e[i].temp);
		free(e[i].bytes);
	}
	free(e);
}

static const char *relative(const char *real, const char *path)
{
	size_t n = strlen(real);
	return strncmp(path, real, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

void rv_journal_text(const char *real, const struct rv_journal_entry *e, size_t n, struct strbuf *out)
{
	sb_adds(out, "recview-journal 1\n");
	for (size_t i = 0; i < n; i++) {
		if (e[i].kind == RV_JOURNAL_REPLACE) {
			sb_addf(out, "R %s\t%s\t%d %" PRIu64 " %" PRIu64 "\t%" PRIu64 " %" PRIu64 "\n",
				relative(real, e[i].target), relative(real, e[i].temp), e[i].old_exists ? 1 : 0, e[i].old_size,
				e[i].old_hash, e[i].new_size, e[i].new_hash);
			continue;
		}
		sb_addf(out, "%c %s\t%" PRIu64 " %" PRIu64 "\t%" PRIu64 " %" PRIu64 "\t",
			e[i].kind == RV_JOURNAL_TRUNCATE ? 'T' : 'A', relative(real, e[i].target), e[i].old_size, e[i].old_hash,
			e[i].new_size, e[i].new_hash);
		for (size_t k = 0; k < e[i].nbytes; k++)
			sb_addf(out, "%02x", (unsigned char)e[i].bytes[k]);
		sb_addc(out, '\n');
	}
	uint64_t h = rv_hash_bytes(out->data, out->len);
	sb_addf(out, "end %" PRIu64 "\n", h);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* A path of the journal, made absolute; NULL when it would leave the data directory. */
static char *journal_path(const char *real, const char *rel, size_t len)
{
	char *name = xstrndup(rel, len);
	bool bad = !len || name[0] == '/' || strstr(name, "..") != NULL;
	char *path = bad ? NULL : join(real, name);
	free(name);
	return path;
}

static bool parse_entry(const char *real, char *line, struct rv_journal_entry *e)
{
	memset(e, 0, sizeof(*e));
	char *f[5] = {0};
	size_t nf = 0;
	for (char *p = line + 2; nf < 5; nf++) {
		f[nf] = p;
		char *tab = strchr(p, '\t');
		if (!tab) {
			nf++;
			break;
		}
		*tab = '\0';
		p = tab + 1;
	}
	int old_exists = 1, used = 0;
	if (line[0] == 'R' && nf == 4) {
		e->kind = RV_JOURNAL_REPLACE;
		e->target = journal_path(real, f[0], strlen(f[0]));
		e->temp = journal_path(real, f[1], strlen(f[1]));
		if (sscanf(f[2], "%d %" SCNu64 " %" SCNu64 "%n", &old_exists, &e->old_size, &e->old_hash, &used) != 3 ||
		    sscanf(f[3], "%" SCNu64 " %" SCNu64, &e->new_size, &e->new_hash) != 2)
			return false;
		e->old_exists = old_exists != 0;
		return e->target && e->temp;
	}
	if ((line[0] == 'A' || line[0] == 'T') && nf == 4) {
		e->kind = line[0] == 'A' ? RV_JOURNAL_APPEND : RV_JOURNAL_TRUNCATE;
		e->old_exists = true;
		e->target = journal_path(real, f[0], strlen(f[0]));
		if (sscanf(f[1], "%" SCNu64 " %" SCNu64, &e->old_size, &e->old_hash) != 2 ||
		    sscanf(f[2], "%" SCNu64 " %" SCNu64, &e->new_size, &e->new_hash) != 2)
			return false;
		size_t hex = strlen(f[3]);
		if (hex % 2)
			return false;
		e->bytes = xmalloc(hex / 2 + 1);
		for (size_t k = 0; k < hex / 2; k++) {
			int hi = hexval(f[3][2 * k]), lo = hexval(f[3][2 * k + 1]);
			if (hi < 0 || lo < 0)
				return false;
			e->bytes[k] = (char)(hi << 4 | lo);
		}
		e->nbytes = hex / 2;
		/* The sizes must agree with the bytes: a forged line could otherwise cut a file anywhere. */
		uint64_t lo = e->kind == RV_JOURNAL_APPEND ? e->old_size : e->new_size;
		uint64_t hi = e->kind == RV_JOURNAL_APPEND ? e->new_size : e->old_size;
		return e->target != NULL && hi >= lo && hi - lo == e->nbytes;
	}
	return false;
}

/* Reads a journal: its entries, or none (*complete false) when it was torn. */
struct rv_journal_entry *rv_journal_read(const char *real, const char *data, size_t len, size_t *n, bool *complete)
{
	*n = 0;
	*complete = false;
	const char *end = NULL;
	for (const char *p = data; p < data + len;) {
		const char *nl = memchr(p, '\n', (size_t)(data + len - p));
		if (!nl)
			break;
		if (nl - p > 4 && memcmp(p, "end ", 4) == 0)
			end = p;
		p = nl + 1;
	}
	if (!end || len < 18 || memcmp(data, "recview-journal 1\n", 18) != 0)
		return NULL;
	uint64_t want = 0;
	if (sscanf(end + 4, "%" SCNu64, &want) != 1 || want != rv_hash_bytes(data, (size_t)(end - data)))
		return NULL;
	char *copy = xstrndup(data + 18, (size_t)(end - data) - 18);
	size_t cap = 8;
	struct rv_journal_entry *e = xcalloc(cap, sizeof(*e));
	bool ok = true;
	for (char *line = copy; *line && ok;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (*n == cap)
			e = xreallocarray(e, cap *= 2, sizeof(*e));
		ok = parse_entry(real, line, &e[*n]);
		(*n)++;
		line = nl ? nl + 1 : line + strlen(line);
	}
	free(copy);
	if (!ok) {
		rv_journal_entries_free(e, *n);
		*n = 0;
		return NULL;
	}
	*complete = true;
	return e;
}
