/* helpers.c - what several test groups share: parsing from memory, cell and diagnostic checks. */
#include "tests.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "recview/model.h"
#include "recview/strbuf.h"

void parse_mem(struct parsed *p, const char *data, size_t len)
{
	diag_list_init(&p->dl);
	p->st = csv_table_parse(&p->t, "t.csv", data, len, &p->dl);
}

void parsed_free(struct parsed *p)
{
	if (p->st == RV_OK)
		csv_table_free(&p->t);
	diag_list_free(&p->dl);
}

void print_bytes(const char *label, const char *s, size_t len)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7F || c == '\\')
			sb_addf(&sb, "\\x%02X", c);
		else
			sb_addc(&sb, (char)c);
	}
	print_error("%s: [%s] (%zu bytes)\n", label, sb.data, len);
	sb_free(&sb);
}

void assert_cell_eq(const struct csv_table *t, size_t row, size_t col, const char *want, size_t want_len)
{
	assert_true(row < t->nrows);
	struct csv_cell c = csv_cell_at(t, row, col);
	if (c.len != want_len || memcmp(c.ptr, want, want_len) != 0) {
		print_error("row %zu col %zu differs\n", row, col);
		print_bytes("  got ", c.ptr, c.len);
		print_bytes("  want", want, want_len);
		fail();
	}
}

void assert_header_eq(const struct csv_table *t, size_t col, const char *want)
{
	assert_true(col < t->ncols);
	struct csv_cell h = t->header[col];
	if (h.len != strlen(want) || memcmp(h.ptr, want, h.len) != 0) {
		print_error("header col %zu differs\n", col);
		print_bytes("  got ", h.ptr, h.len);
		print_bytes("  want", want, strlen(want));
		fail();
	}
}

char *diag_line(const struct diag *d)
{
	struct strbuf sb;
	sb_init(&sb);
	diag_format(d, &sb);
	char *s = sb_detach(&sb);
	sb_free(&sb);
	return s;
}

void assert_diag(const struct diag_list *dl, size_t i, enum diag_severity sev, uint32_t line, uint32_t col,
		 const char *msg_part)
{
	if (i >= dl->n) {
		print_error("wanted diagnostic #%zu, there are only %zu\n", i, dl->n);
		fail();
	}
	const struct diag *d = &dl->items[i];
	char prefix[512];
	const char *sevname = sev == DIAG_ERROR ? "error" : sev == DIAG_NOTE ? "note" : "warning";
	if (line && col)
		snprintf(prefix, sizeof(prefix), "%s:%u:%u: %s: ", d->file, (unsigned)line, (unsigned)col, sevname);
	else if (line)
		snprintf(prefix, sizeof(prefix), "%s:%u: %s: ", d->file, (unsigned)line, sevname);
	else
		snprintf(prefix, sizeof(prefix), "%s: %s: ", d->file, sevname);

	char *text = diag_line(d);
	bool ok = d->severity == sev && d->line == line && d->col == col &&
		  strncmp(text, prefix, strlen(prefix)) == 0 && strstr(text + strlen(prefix), msg_part) != NULL;
	if (!ok) {
		print_error("diagnostic #%zu: got  \"%s\"\n", i, text);
		print_error("diagnostic #%zu: want \"%s...%s...\"\n", i, prefix, msg_part);
	}
	free(text);
	assert_true(ok);
}

char *read_whole_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb;
	sb_init(&sb);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&sb, buf, n);
	fclose(f);
	if (len)
		*len = sb.len;
	char *s = sb_detach(&sb);
	sb_free(&sb);
	return s;
}

void write_test_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

int make_test_set(char *dir, size_t size, const char *label, const struct test_file *files)
{
	snprintf(dir, size, "/tmp/recview-%s-XXXXXX", label);
	if (!mkdtemp(dir))
		return -1;
	for (const struct test_file *f = files; f->name; f++)
		write_test_file(dir, f->name, f->text);
	return 0;
}

int drop_test_set(void **state)
{
	if (*state)
		remove_tree(*state);
	return 0;
}

const char *test_path(const char *dir, const char *name)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		chmod(path, 0700); /* a test may have made it read-only */
		DIR *d = opendir(path);
		if (d) {
			struct dirent *e;
			while ((e = readdir(d)) != NULL) {
				if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
					continue;
				char sub[1024];
				snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
				remove_tree(sub);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

void load_ok(struct rv_model *m, const char *dir)
{
	enum rv_result res = rv_model_load(m, dir);
	if (res != RV_OK) {
		for (size_t i = 0; i < m->diags.n; i++) {
			char *line = diag_line(&m->diags.items[i]);
			print_error("%s\n", line);
			free(line);
		}
	}
	assert_int_equal(res, RV_OK);
}

