/*
 * test_triage.c - a triage session (triage.h) on copies of data sets: every change is written at once
 * and exactly where the data contract says (checked byte for byte against the files as they were),
 * the model follows, undo and redo give the files back byte for byte, read-only sessions refuse,
 * failed saves keep the change in memory, a conflict is detected and merged by a reload; minutes and
 * exports.
 *
 * Every test works in a fresh mkdtemp directory (removed afterwards): the bundled data set copied
 * there with plain C file copying, or small data sets written by hand. RECVIEW_NOW fixes the clock.
 */
#include "tests.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/export.h"
#include "recview/model.h"
#include "recview/report.h"
#include "recview/save.h"
#include "recview/strbuf.h"
#include "recview/triage.h"

#define NOW "2026-11-23T14:05:00"
#define TODAY "2026-11-23"
#define NOTES_HEADER "rec_id,time,author,note\n"
#define AGENDA_HEADER "rec_id,added,author,minutes\n"

/* ---- the fixture: a fresh directory per test ---- */

static char root[64];

static int setup(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	snprintf(root, sizeof(root), "/tmp/recview-triage-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	setenv("RECVIEW_NOW", NOW, 1);
	remove_tree(root);
	return 0;
}

/* root/a[/b], in one of a few rotating buffers. */
static const char *in_root(const char *a, const char *b)
{
	static char bufs[64][512];
	static int next;
	char *p = bufs[next++ % 64];
	if (b)
		snprintf(p, sizeof(bufs[0]), "%s/%s/%s", root, a, b);
	else
		snprintf(p, sizeof(bufs[0]), "%s/%s", root, a);
	return p;
}

/* ---- files ---- */

static void print_escaped(const char *label, const char *s, size_t len)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F || c == '\\')
			sb_addf(&sb, "\\x%02X", c);
		else
			sb_addc(&sb, (char)c);
	}
	print_error("%s: [%s] (%zu bytes)\n", label, sb.data, len);
	sb_free(&sb);
}

/* Asserts two byte strings are equal, showing where they first differ. */
static void assert_bytes(const char *what, const char *got, size_t got_len, const char *want, size_t want_len)
{
	if (got_len == want_len && (want_len == 0 || memcmp(got, want, want_len) == 0))
		return;
	size_t i = 0;
	while (i < got_len && i < want_len && got[i] == want[i])
		i++;
	print_error("%s: bytes differ at offset %zu (got %zu bytes, want %zu)\n", what, i, got_len, want_len);
	size_t from = i > 60 ? i - 60 : 0;
	size_t gl = got_len - from < 160 ? got_len - from : 160;
	size_t wl = want_len - from < 160 ? want_len - from : 160;
	print_escaped("  got ", got + from, got_len > from ? gl : 0);
	print_escaped("  want", want + from, want_len > from ? wl : 0);
	fail();
}

static void assert_text(const char *what, const char *got, const char *want)
{
	assert_bytes(what, got, strlen(got), want, strlen(want));
}

static void put_file(const char *path, const char *data)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		print_error("cannot write %s: %s\n", path, strerror(errno));
	assert_non_null(f);
	size_t len = strlen(data);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The whole file, malloc'd and NUL-terminated (the files here hold no NUL). */
static char *slurp(const char *path)
{
	size_t len;
	char *s = read_whole_file(path, &len);
	if (!s)
		print_error("cannot read %s\n", path);
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

static void assert_file_is(const char *path, const char *want)
{
	char *got = slurp(path);
	assert_bytes(path, got, strlen(got), want, strlen(want));
	free(got);
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	assert_non_null(in);
	FILE *out = fopen(to, "wb");
	assert_non_null(out);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	assert_false(ferror(in));
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/* Copies the *.csv files of from into a new directory to. */
static void copy_csvs(const char *from, const char *to)
{
	assert_int_equal(mkdir(to, 0755), 0);
	DIR *d = opendir(from);
	assert_non_null(d);
	struct dirent *e;
	size_t copied = 0;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0 || e->d_name[0] == '.')
			continue;
		char src[1024], dst[1024];
		snprintf(src, sizeof(src), "%s/%s", from, e->d_name);
		snprintf(dst, sizeof(dst), "%s/%s", to, e->d_name);
		struct stat st;
		if (stat(src, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		copy_file(src, dst);
		copied++;
	}
	closedir(d);
	assert_true(copied > 0);
}

/* The bundled data set, copied to root/name; returns the copy's path. */
static const char *bundled_copy(const char *name)
{
	const char *dst = in_root(name, NULL);
	copy_csvs("data", dst);
	return dst;
}

/* ---- snapshots: every file of a directory (hidden ones too, so that a left temporary file shows) ---- */

struct file_copy {
	char name[256];
	char *data;
	size_t len;
};

struct snap {
	struct file_copy *f;
	size_t n;
};

static int compare_copies(const void *a, const void *b)
{
	return strcmp(((const struct file_copy *)a)->name, ((const struct file_copy *)b)->name);
}

static void snap_take(struct snap *sn, const char *dirpath)
{
	memset(sn, 0, sizeof(*sn));
	DIR *d = opendir(dirpath);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		/* The lock file is the store's own (empty, left in place: removing it would race). */
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, ".recview.lock"))
			continue;
		sn->f = xreallocarray(sn->f, sn->n + 1, sizeof(*sn->f));
		struct file_copy *fc = &sn->f[sn->n++];
		snprintf(fc->name, sizeof(fc->name), "%s", e->d_name);
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dirpath, e->d_name);
		fc->data = read_whole_file(path, &fc->len);
		assert_non_null(fc->data);
	}
	closedir(d);
	if (sn->n)
		qsort(sn->f, sn->n, sizeof(*sn->f), compare_copies);
}

static void snap_free(struct snap *sn)
{
	for (size_t i = 0; i < sn->n; i++)
		free(sn->f[i].data);
	free(sn->f);
	memset(sn, 0, sizeof(*sn));
}

static const struct file_copy *snap_find(const struct snap *sn, const char *name)
{
	for (size_t i = 0; i < sn->n; i++)
		if (!strcmp(sn->f[i].name, name))
			return &sn->f[i];
	return NULL;
}

static void print_names(const char *label, const struct snap *sn)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < sn->n; i++)
		sb_addf(&sb, " %s", sn->f[i].name);
	print_error("%s:%s\n", label, sb.data);
	sb_free(&sb);
}

/* The header a session gives a file it creates (triage.h: "created with the contract's header"). */
static const char *created_header(const char *name)
{
	if (!strcmp(name, "notes.csv"))
		return NOTES_HEADER;
	if (!strcmp(name, "agenda.csv"))
		return AGENDA_HEADER;
	if (!strcmp(name, "status_history.csv"))
		return "rec_id,date,decision,status,source,note\n";
	if (!strcmp(name, "changes.csv"))
		return "rec_id,item,field,value,previous,time,author,note\n";
	return NULL;
}

/*
 * The directory holds exactly the files of want, byte for byte. With created_ok, a file want lacks
 * may also be there when it holds nothing but the header a session creates it with: undoing the
 * change that created notes.csv or agenda.csv empties the file but leaves it (see the report).
 */
static void assert_dir_is2(const char *dirpath, const struct snap *want, bool created_ok, const char *what)
{
	struct snap got;
	snap_take(&got, dirpath);
	for (size_t i = 0; i < got.n; i++) {
		const struct file_copy *g = &got.f[i];
		const struct file_copy *w = snap_find(want, g->name);
		if (!w) {
			const char *header = created_header(g->name);
			if (created_ok && header && g->len == strlen(header) && !memcmp(g->data, header, g->len))
				continue;
			print_error("%s: %s/%s should not be there\n", what, dirpath, g->name);
			print_names("  got ", &got);
			print_names("  want", want);
			fail();
		}
		char label[512];
		snprintf(label, sizeof(label), "%s: %s", what, g->name);
		assert_bytes(label, g->data, g->len, w->data, w->len);
	}
	for (size_t i = 0; i < want->n; i++) {
		if (!snap_find(&got, want->f[i].name)) {
			print_error("%s: %s/%s is missing\n", what, dirpath, want->f[i].name);
			fail();
		}
	}
	snap_free(&got);
}

static void assert_dir_is(const char *dirpath, const struct snap *want, const char *what)
{
	assert_dir_is2(dirpath, want, false, what);
}

/* ---- text helpers ---- */

/* Where the line that begins with prefix starts (there must be exactly one). */
static const char *line_starting(const char *text, const char *prefix)
{
	const char *found = NULL;
	size_t plen = strlen(prefix);
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (!strncmp(p, prefix, plen)) {
			if (found) {
				print_error("more than one line begins with \"%s\"\n", prefix);
				fail();
			}
			found = p;
		}
	}
	if (!found)
		print_error("no line begins with \"%s\"\n", prefix);
	assert_non_null(found);
	return found;
}

/* text with from replaced by to in the line that begins with prefix (from must be in that line). */
static char *replace_in_line(const char *text, const char *prefix, const char *from, const char *to)
{
	const char *line = line_starting(text, prefix);
	const char *end = strchr(line, '\n');
	const char *at = strstr(line, from);
	if (!at || (end && at > end))
		print_error("\"%s\" is not in the line of \"%s\"\n", from, prefix);
	assert_true(at && (!end || at < end));
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, text, (size_t)(at - text));
	sb_adds(&sb, to);
	sb_adds(&sb, at + strlen(from));
	char *s = sb_detach(&sb);
	sb_free(&sb);
	return s;
}

static char *concat(const char *a, const char *b)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, a);
	sb_adds(&sb, b);
	char *s = sb_detach(&sb);
	sb_free(&sb);
	return s;
}

/* Compared line by line, before and after differ in exactly one line, which begins with prefix. */
static void assert_only_line_differs(const char *before, const char *after, const char *prefix)
{
	const char *a = before, *b = after;
	size_t line = 1, differing = 0, plen = strlen(prefix);
	for (;;) {
		const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
		size_t la = ea ? (size_t)(ea - a) : strlen(a), lb = eb ? (size_t)(eb - b) : strlen(b);
		if (la != lb || memcmp(a, b, la) != 0) {
			differing++;
			if (strncmp(a, prefix, plen) != 0 || strncmp(b, prefix, plen) != 0) {
				print_error("line %zu differs and is not the line of \"%s\"\n", line, prefix);
				print_escaped("  before", a, la);
				print_escaped("  after ", b, lb);
				fail();
			}
		}
		if (!ea || !eb) {
			assert_true(!ea && !eb); /* as many lines */
			break;
		}
		a = ea + 1;
		b = eb + 1;
		line++;
	}
	assert_int_equal(differing, 1);
}

static void assert_contains(const char *what, const char *hay, const char *needle)
{
	if (!strstr(hay, needle)) {
		print_error("%s: wanted \"%s\" in:\n%s\n", what, needle, hay);
		fail();
	}
}

/* ---- models and sessions ---- */

static struct rv_model *load_model(const char *dirpath)
{
	struct rv_model *m = xcalloc(1, sizeof(*m));
	if (rv_model_load(m, dirpath) != RV_OK) {
		for (size_t i = 0; i < m->diags.n; i++) {
			char *line = diag_line(&m->diags.items[i]);
			print_error("%s\n", line);
			free(line);
		}
		fail();
	}
	return m;
}

static void free_model(struct rv_model *m)
{
	rv_model_free(m);
	free(m);
}

static size_t rec_of(const struct rv_model *m, const char *id)
{
	long r = rv_find_rec(m, id, strlen(id));
	if (r < 0)
		print_error("no recommendation %s\n", id);
	assert_true(r >= 0);
	return (size_t)r;
}

static void assert_cell_is(struct rv_text c, const char *want)
{
	assert_bytes("cell", c.ptr, c.len, want, strlen(want));
}

/* A model and its session. */
struct ts {
	struct rv_model *m;
	struct rv_session s;
};

static void ts_open(struct ts *t, const char *dirpath, bool read_only)
{
	t->m = load_model(dirpath);
	rv_session_open(&t->s, t->m, "tester", read_only);
	if (!read_only && t->s.read_only)
		print_error("opened read-only: %s\n", t->s.read_only_why);
	assert_int_equal(t->s.read_only, read_only);
}

static void ts_close(struct ts *t)
{
	rv_session_free(&t->s);
	free_model(t->m);
	t->m = NULL;
}

/* What --show prints for a recommendation. */
static void show_text(const struct rv_model *m, size_t rec, struct strbuf *out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	report_show(m, rec, 100, f);
	fclose(f);
	sb_add(out, buf, len);
	free(buf);
}

#define SAME(field)                                                                                           \
	do {                                                                                                  \
		if ((a)->field != (b)->field) {                                                               \
			print_error("%s: %s differs: in memory %lld, on disk %lld\n", what, #field,           \
				    (long long)(a)->field, (long long)(b)->field);                            \
			fail();                                                                               \
		}                                                                                             \
	} while (0)

static void same_rec(const struct rv_rec *a, const struct rv_rec *b, const char *what)
{
	SAME(row);
	SAME(status);
	SAME(decision);
	SAME(cur_status);
	SAME(cur_decision);
	SAME(priority);
	SAME(last_change);
	SAME(deliverables_done);
	SAME(duplicate);
	for (int k = RV_DELIVERABLES; k < RV_AGENDA; k++) {
		SAME(first[k]);
		SAME(count[k]);
	}
}

static void same_child(const struct rv_child *a, const struct rv_child *b, const char *what)
{
	SAME(row);
	SAME(rec);
	SAME(status);
	SAME(decision);
	SAME(date);
}

/*
 * The model in memory is what loading the files on disk gives: every table cell, every derived state
 * and index, and (with_show) what --show prints for every recommendation. The agenda is the session's
 * (s->agenda), not the model's: it is compared by assert_agenda_matches_disk.
 */
static void assert_model_matches_disk(const struct rv_model *m, bool with_show)
{
	struct rv_model *fresh = load_model(m->dir);
	char what[128];
	assert_int_equal(m->nrecs, fresh->nrecs);
	for (int k = 0; k < RV_AGENDA; k++) {
		const struct rv_table *ta = &m->tables[k], *tb = &fresh->tables[k];
		snprintf(what, sizeof(what), "%s", rv_kind_def((enum rv_kind)k)->file);
		if (ta->present != tb->present)
			print_error("%s: present %d in memory, %d on disk\n", what, ta->present, tb->present);
		assert_int_equal(ta->present, tb->present);
		if (!ta->present)
			continue;
		assert_int_equal(ta->csv.ncols, tb->csv.ncols);
		assert_int_equal(ta->csv.nrows, tb->csv.nrows);
		for (size_t r = 0; r < ta->csv.nrows; r++) {
			size_t nf = ta->csv.rows[r].nfields > tb->csv.rows[r].nfields ? ta->csv.rows[r].nfields
										: tb->csv.rows[r].nfields;
			for (size_t c = 0; c < nf; c++) {
				struct csv_cell x = csv_cell_at(&ta->csv, r, c), y = csv_cell_at(&tb->csv, r, c);
				if (x.len != y.len || memcmp(x.ptr, y.ptr, x.len) != 0)
					print_error("%s: row %zu column %zu\n", what, r, c);
				assert_bytes(what, x.ptr, x.len, y.ptr, y.len);
			}
		}
		if (k == RV_RECS || k == RV_REVIEWS)
			continue;
		assert_int_equal(m->nchildren[k], fresh->nchildren[k]);
		for (size_t i = 0; i < m->nchildren[k]; i++) {
			snprintf(what, sizeof(what), "%s child %zu", rv_kind_def((enum rv_kind)k)->file, i);
			same_child(&m->children[k][i], &fresh->children[k][i], what);
		}
		size_t linked = m->nrecs ? m->recs[m->nrecs - 1].first[k] + m->recs[m->nrecs - 1].count[k] : 0;
		for (size_t i = 0; i < linked; i++) {
			if (m->child_index[k][i] != fresh->child_index[k][i])
				print_error("%s: child_index[%zu]: %u in memory, %u on disk\n",
					    rv_kind_def((enum rv_kind)k)->file, i, m->child_index[k][i],
					    fresh->child_index[k][i]);
			assert_int_equal(m->child_index[k][i], fresh->child_index[k][i]);
		}
	}
	for (size_t i = 0; i < m->nrecs; i++) {
		struct rv_text id = rv_rec_field(m, i, REC_ID);
		snprintf(what, sizeof(what), "recommendation %.*s", (int)id.len, id.ptr);
		same_rec(&m->recs[i], &fresh->recs[i], what);
		assert_int_equal(rv_find_rec(m, id.ptr, id.len), (long)i);
	}
	if (with_show) {
		struct strbuf a, b;
		sb_init(&a);
		sb_init(&b);
		for (size_t i = 0; i < m->nrecs; i++) {
			sb_reset(&a);
			sb_reset(&b);
			show_text(m, i, &a);
			show_text(fresh, i, &b);
			assert_bytes("--show", a.data, a.len, b.data, b.len);
		}
		sb_free(&a);
		sb_free(&b);
	}
	free_model(fresh);
}

/* The session's agenda is what a session opened on the files on disk loads, in the same order. */
static void assert_agenda_matches_disk(const struct rv_session *s)
{
	struct rv_model *fresh = load_model(s->m->dir);
	struct rv_session s2;
	rv_session_open(&s2, fresh, "someone else", false);
	assert_int_equal(s->nagenda, s2.nagenda);
	for (size_t i = 0; i < s->nagenda; i++) {
		struct rv_text a = rv_rec_field(s->m, s->agenda[i].rec, REC_ID);
		struct rv_text b = rv_rec_field(fresh, s2.agenda[i].rec, REC_ID);
		assert_bytes("agenda id", a.ptr, a.len, b.ptr, b.len);
		assert_string_equal(s->agenda[i].added, s2.agenda[i].added);
		assert_string_equal(s->agenda[i].author, s2.agenda[i].author);
	}
	rv_session_free(&s2);
	free_model(fresh);
}

/* The ids on the agenda, joined with spaces. */
static void agenda_ids(const struct rv_session *s, struct strbuf *out)
{
	sb_reset(out);
	for (size_t i = 0; i < s->nagenda; i++) {
		struct rv_text id = rv_rec_field(s->m, s->agenda[i].rec, REC_ID);
		if (i)
			sb_addc(out, ' ');
		sb_add(out, id.ptr, id.len);
	}
}

static void assert_agenda_ids(const struct rv_session *s, const char *want)
{
	struct strbuf sb;
	sb_init(&sb);
	agenda_ids(s, &sb);
	assert_string_equal(sb.data, want);
	sb_free(&sb);
}

/* ---- system calls that fail on demand ---- */

static ssize_t enospc_write(int fd, const void *buf, size_t len)
{
	(void)fd;
	(void)buf;
	(void)len;
	errno = ENOSPC;
	return -1;
}

static int no_fsync(int fd)
{
	(void)fd;
	return 0;
}

/* ---- small data sets ---- */

static const char small_recs[] = "id,review,number,title,text,decision,status,priority,source\n"
				 "R-1,R,1,One,First text,approved,,P2,s1\n"
				 "R-2,R,2,Two,\"Second, with a comma\",pending,in progress,,s1\n"
				 "R-3,R,3,,Third text,,,,s1\n"
				 "R-10,R,10,Ten,Tenth,rejected,complete,P4,s1\n";
static const char small_history[] = "rec_id,date,decision,status,source,note\n"
				    "R-1,2020-01-01,approved,in planning,s1,\n"
				    "R-2,2021-05-05,,in progress,s1,\"two\nlines\"\n"
				    "R-3,2019-03-03,pending,,s1,\n";

static const char *small_copy(const char *name)
{
	const char *d = in_root(name, NULL);
	assert_int_equal(mkdir(d, 0755), 0);
	put_file(in_root(name, "recommendations.csv"), small_recs);
	put_file(in_root(name, "status_history.csv"), small_history);
	return d;
}

/* ---- status ---- */

static void test_status_change_writes_the_row_and_the_history(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *recs_path = in_root("ds", "recommendations.csv");
	const char *hist_path = in_root("ds", "status_history.csv");
	struct snap orig;
	snap_take(&orig, ds);
	char *recs0 = slurp(recs_path), *hist0 = slurp(hist_path);

	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");
	const struct rv_rec *r = &t.m->recs[rec];
	assert_int_equal(r->cur_status, RV_STATUS_NOT_STARTED);
	uint32_t nhist = r->count[RV_HISTORY];
	size_t hist_rows = t.m->tables[RV_HISTORY].csv.nrows;

	assert_true(rv_change_status(&t.s, rec, "in progress", "the note", NULL));
	assert_string_equal(t.s.error, "");
	assert_false(t.s.conflict);
	assert_false(rv_session_has_unsaved(&t.s));

	/* recommendations.csv: that one line changed, and in it only the status */
	char *recs1 = slurp(recs_path);
	assert_only_line_differs(recs0, recs1, "SSR2-5.4,");
	char *want = replace_in_line(recs0, "SSR2-5.4,", ",approved,not started,,", ",approved,in progress,,");
	assert_text("recommendations.csv", recs1, want);
	free(want);

	/* status_history.csv: exactly one line more, at the end */
	want = concat(hist0, "SSR2-5.4,2026-11-23,,in progress,recview: tester,the note\n");
	assert_file_is(hist_path, want);
	free(want);

	/* changes.csv: when it was recorded (the history's date is the date in force) */
	const char *changes_path = in_root("ds", "changes.csv");
	char line[256];
	snprintf(line, sizeof(line), "rec_id,item,field,value,previous,time,author,note\n"
				     "SSR2-5.4,,status,in progress,not started,%s,tester,the note\n", t.s.changes[0].time);
	assert_file_is(changes_path, line);
	unlink(changes_path);

	/* nothing else */
	struct snap now;
	snap_take(&now, ds);
	assert_int_equal(now.n, orig.n);
	for (size_t i = 0; i < now.n; i++) {
		assert_string_equal(now.f[i].name, orig.f[i].name);
		if (strcmp(now.f[i].name, "recommendations.csv") && strcmp(now.f[i].name, "status_history.csv"))
			assert_bytes(now.f[i].name, now.f[i].data, now.f[i].len, orig.f[i].data, orig.f[i].len);
	}
	snap_free(&now);

	/* the model */
	r = &t.m->recs[rec];
	assert_int_equal(r->status, RV_STATUS_PROGRESS);
	assert_int_equal(r->cur_status, RV_STATUS_PROGRESS);
	assert_int_equal(r->cur_decision, RV_DECISION_APPROVED);
	assert_int_equal(r->last_change, 20261123);
	assert_int_equal(r->count[RV_HISTORY], nhist + 1);
	assert_int_equal(t.m->tables[RV_HISTORY].csv.nrows, hist_rows + 1);
	const struct rv_child *h = rv_rec_child(t.m, rec, RV_HISTORY, nhist);
	assert_int_equal(h->row, hist_rows);
	assert_int_equal(h->rec, (int32_t)rec);
	assert_int_equal(h->status, RV_STATUS_PROGRESS);
	assert_int_equal(h->decision, RV_DECISION_NONE);
	assert_int_equal(h->date, 20261123);
	assert_cell_is(rv_row_field(t.m, RV_HISTORY, h->row, HIST_SOURCE), "recview: tester");
	assert_cell_is(rv_row_field(t.m, RV_HISTORY, h->row, HIST_NOTE), "the note");
	assert_cell_is(rv_rec_field(t.m, rec, REC_STATUS), "in progress");
	assert_int_equal(rv_find_rec(t.m, "SSR2-5.4", 8), (long)rec);
	assert_int_equal(rv_find_rec(t.m, "ssr2-5.4", 8), (long)rec);

	/* --show says so, newest history entry first, and so does a model loaded from disk */
	struct strbuf show;
	sb_init(&show);
	show_text(t.m, rec, &show);
	assert_contains("--show", show.data, "in progress\n");
	assert_contains("--show", show.data, "Changed       2026-11-23\n");
	assert_contains("--show", show.data, "\nHistory (4, newest first)\n  2026-11-23  \xE2\x97\x8B in progress  by ");
	assert_contains("--show", show.data, "\n      the note\n");
	sb_free(&show);
	assert_model_matches_disk(t.m, true);

	/* the log */
	assert_int_equal(t.s.n, 1);
	assert_int_equal(t.s.applied, 1);
	const struct rv_change *c = &t.s.changes[0];
	assert_int_equal(c->kind, RV_CHANGE_STATUS);
	assert_string_equal(c->rec_id, "SSR2-5.4");
	assert_string_equal(c->before, "not started");
	assert_string_equal(c->after, "in progress");
	assert_string_equal(c->note, "the note");
	assert_string_equal(c->date, TODAY);
	assert_string_equal(c->time, NOW);
	assert_string_equal(c->author, "tester");

	ts_close(&t);
	free(recs0);
	free(recs1);
	free(hist0);
	snap_free(&orig);
}

/* An SSR1 recommendation has an empty status column (its state comes from the history): it gets the value. */
static void test_status_change_fills_an_empty_status_column(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *recs_path = in_root("ds", "recommendations.csv");
	const char *hist_path = in_root("ds", "status_history.csv");
	char *recs0 = slurp(recs_path), *hist0 = slurp(hist_path);

	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR1-1");
	assert_int_equal(t.m->recs[rec].status, RV_STATUS_NONE);
	assert_int_equal(t.m->recs[rec].cur_status, RV_STATUS_COMPLETE);

	/* an alias is written as the canonical word; a note that looks like a formula is defused */
	assert_true(rv_change_status(&t.s, rec, "Delayed", "=HYPERLINK(\"x\")", "2026-11-01"));
	char *recs1 = slurp(recs_path);
	assert_only_line_differs(recs0, recs1, "SSR1-1,");
	char *want = replace_in_line(recs0, "SSR1-1,", ",approved,,,", ",approved,behind schedule,,");
	assert_text("recommendations.csv", recs1, want);
	free(want);
	want = concat(hist0, "SSR1-1,2026-11-01,,behind schedule,recview: tester,\"'=HYPERLINK(\"\"x\"\")\"\n");
	assert_file_is(hist_path, want);
	free(want);

	const struct rv_rec *r = &t.m->recs[rec];
	assert_int_equal(r->status, RV_STATUS_BEHIND);
	assert_int_equal(r->cur_status, RV_STATUS_BEHIND);
	assert_int_equal(r->last_change, 20261101);
	assert_string_equal(t.s.changes[0].before, "complete"); /* what it was: from the history */
	assert_string_equal(t.s.changes[0].after, "behind schedule");
	assert_model_matches_disk(t.m, true);

	ts_close(&t);
	free(recs0);
	free(recs1);
	free(hist0);
}

/* A date before the latest entry: the entry goes among the history by date and the later entry stays in force. */
static void test_status_change_with_an_earlier_date(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");
	size_t hist_rows = t.m->tables[RV_HISTORY].csv.nrows;
	assert_true(rv_change_status(&t.s, rec, "in planning", NULL, "2022-01-01"));
	const struct rv_rec *r = &t.m->recs[rec];
	assert_int_equal(r->count[RV_HISTORY], 4);
	assert_int_equal(rv_rec_child(t.m, rec, RV_HISTORY, 1)->row, hist_rows); /* 2021-07-22 < it < 2022-05-01 */
	assert_int_equal(rv_rec_child(t.m, rec, RV_HISTORY, 3)->date, 20220630);
	assert_int_equal(r->last_change, 20220630);
	assert_int_equal(r->cur_status, RV_STATUS_NOT_STARTED); /* the 2022-06-30 entry */
	assert_int_equal(rv_rec_status(t.m, rec, 20220101), RV_STATUS_PLANNING);
	assert_model_matches_disk(t.m, true);
	ts_close(&t);
}

/* A change dated back to 2015-01-01 against a 2016 entry: in force between the two, never after. */
static void test_backdated_change_keeps_its_place(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *recs_path = in_root("ds", "recommendations.csv");
	char *recs0 = slurp(recs_path);
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR1-25");
	assert_int_equal(t.m->recs[rec].cur_status, RV_STATUS_COMPLETE);
	assert_true(rv_change_status(&t.s, rec, "behind schedule", NULL, "2015-01-01"));
	assert_int_equal(t.m->recs[rec].cur_status, RV_STATUS_COMPLETE); /* 2016-03-31 still wins */
	assert_int_equal(rv_rec_status(t.m, rec, RV_DATE_NONE), RV_STATUS_COMPLETE);
	assert_int_equal(rv_rec_status(t.m, rec, 20141231), RV_STATUS_PROGRESS);
	assert_int_equal(rv_rec_status(t.m, rec, 20150630), RV_STATUS_BEHIND);
	assert_int_equal(rv_rec_status(t.m, rec, 20160701), RV_STATUS_COMPLETE);
	assert_int_equal(t.m->recs[rec].last_change, 20160331);
	char *recs1 = slurp(recs_path);
	assert_text("recommendations.csv (the column keeps the state in force)", recs1, recs0);
	/* The same date as the latest entry: recorded later, so it wins the tie. */
	assert_true(rv_change_status(&t.s, rec, "in progress", NULL, "2016-03-31"));
	assert_int_equal(t.m->recs[rec].cur_status, RV_STATUS_PROGRESS);
	assert_int_equal(rv_rec_status(t.m, rec, 20160701), RV_STATUS_PROGRESS);
	assert_model_matches_disk(t.m, true);
	ts_close(&t);
	free(recs0);
	free(recs1);
}

/* Values outside the vocabulary and bad dates are refused before anything changes. */
static void test_changes_refused_change_nothing(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");

	assert_false(rv_change_status(&t.s, rec, "finished soon", "x", NULL));
	assert_string_equal(t.s.error,
			    "unknown status; use one of: not started, in planning, in progress, behind schedule, complete");
	assert_false(rv_change_status(&t.s, rec, "", "x", NULL));
	assert_string_equal(t.s.error,
			    "unknown status; use one of: not started, in planning, in progress, behind schedule, complete");
	assert_false(rv_change_decision(&t.s, rec, "maybe", NULL, NULL));
	assert_string_equal(t.s.error, "unknown decision; use one of: pending, approved, rejected");

	static const char *const bad_dates[] = {"2026-13-01", "2026-02-30", "2026-11", "2026", "26-11-23",
						"2026-11-23x", "2026/11/23", " 2026-11-23", "yesterday", "0000-01-01"};
	for (size_t i = 0; i < sizeof(bad_dates) / sizeof(*bad_dates); i++) {
		assert_false(rv_change_status(&t.s, rec, "complete", NULL, bad_dates[i]));
		char want[128];
		snprintf(want, sizeof(want), "bad date '%.20s': use YYYY-MM-DD", bad_dates[i]);
		assert_string_equal(t.s.error, want);
		assert_false(rv_change_decision(&t.s, rec, "approved", NULL, bad_dates[i]));
		assert_string_equal(t.s.error, want);
	}

	static const char *const bad_priorities[] = {"P5", "P0", "0", "soonish", "P1P2", "-1"};
	for (size_t i = 0; i < sizeof(bad_priorities) / sizeof(*bad_priorities); i++) {
		assert_false(rv_change_priority(&t.s, rec, bad_priorities[i]));
		assert_string_equal(t.s.error, "unknown priority; use P1, P2, P3, P4 or nothing");
	}
	assert_false(rv_add_note(&t.s, rec, ""));
	assert_string_equal(t.s.error, "an empty note is not added");
	assert_false(rv_add_note(&t.s, rec, NULL));
	assert_false(rv_agenda_move(&t.s, rec, -1));
	assert_string_equal(t.s.error, "not on the agenda");

	assert_int_equal(t.s.n, 0);
	assert_false(rv_session_has_unsaved(&t.s));
	assert_int_equal(t.m->recs[rec].cur_status, RV_STATUS_NOT_STARTED);
	assert_dir_is(ds, &orig, "after refused changes");
	assert_model_matches_disk(t.m, false);

	assert_false(rv_undo(&t.s));
	assert_string_equal(t.s.error, "nothing to undo");
	assert_false(rv_redo(&t.s));
	assert_string_equal(t.s.error, "nothing to redo");

	/* a refused change does not drop what could be redone */
	assert_true(rv_change_priority(&t.s, rec, "P3"));
	assert_true(rv_undo(&t.s));
	assert_false(rv_change_status(&t.s, rec, "nope", NULL, NULL));
	assert_true(rv_redo(&t.s));
	assert_int_equal(t.m->recs[rec].priority, 3);

	ts_close(&t);
	snap_free(&orig);
}

/* ---- decision, priority ---- */

static void test_decision_change(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *recs_path = in_root("ds", "recommendations.csv");
	const char *hist_path = in_root("ds", "status_history.csv");
	char *recs0 = slurp(recs_path), *hist0 = slurp(hist_path);
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");

	assert_true(rv_change_decision(&t.s, rec, "Declined", NULL, "2026-11-20"));
	char *recs1 = slurp(recs_path);
	assert_only_line_differs(recs0, recs1, "SSR2-5.4,");
	char *want = replace_in_line(recs0, "SSR2-5.4,", ",approved,not started,,", ",rejected,not started,,");
	assert_text("recommendations.csv", recs1, want);
	free(want);
	want = concat(hist0, "SSR2-5.4,2026-11-20,rejected,,recview: tester,\n");
	assert_file_is(hist_path, want);
	free(want);

	const struct rv_rec *r = &t.m->recs[rec];
	assert_int_equal(r->decision, RV_DECISION_REJECTED);
	assert_int_equal(r->cur_decision, RV_DECISION_REJECTED);
	assert_int_equal(r->cur_status, RV_STATUS_NOT_STARTED);
	assert_int_equal(r->last_change, 20261120);
	const struct rv_child *h = rv_rec_child(t.m, rec, RV_HISTORY, r->count[RV_HISTORY] - 1);
	assert_int_equal(h->decision, RV_DECISION_REJECTED);
	assert_int_equal(h->status, RV_STATUS_NONE);
	assert_string_equal(t.s.changes[0].before, "approved");
	assert_string_equal(t.s.changes[0].after, "rejected");
	assert_null(t.s.changes[0].note);
	assert_model_matches_disk(t.m, true);

	ts_close(&t);
	free(recs0);
	free(recs1);
	free(hist0);
}

static void test_priority_change(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *recs_path = in_root("ds", "recommendations.csv");
	struct snap orig;
	snap_take(&orig, ds);
	char *recs0 = slurp(recs_path);
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");
	assert_int_equal(t.m->recs[rec].priority, 0);

	static const struct {
		const char *typed, *written;
		int value;
	} steps[] = {{"p2", "P2", 2}, {"3", "P3", 3}, {" P1 ", "P1", 1}, {"P4", "P4", 4}};
	for (size_t i = 0; i < sizeof(steps) / sizeof(*steps); i++) {
		assert_true(rv_change_priority(&t.s, rec, steps[i].typed));
		char to[64];
		snprintf(to, sizeof(to), ",not started,%s,002_", steps[i].written);
		char *want = replace_in_line(recs0, "SSR2-5.4,", ",not started,,002_", to);
		char *got = slurp(recs_path);
		assert_text("recommendations.csv", got, want);
		assert_only_line_differs(recs0, got, "SSR2-5.4,");
		free(got);
		free(want);
		assert_int_equal(t.m->recs[rec].priority, steps[i].value);
		assert_cell_is(rv_rec_field(t.m, rec, REC_PRIORITY), steps[i].written);
	}
	assert_model_matches_disk(t.m, true);
	assert_string_equal(t.s.changes[1].before, "P2");
	assert_string_equal(t.s.changes[1].after, "P3");

	/* empty clears it: the line is as it was */
	assert_true(rv_change_priority(&t.s, rec, ""));
	assert_int_equal(t.m->recs[rec].priority, 0);
	/* The line is as it was; changes.csv keeps the log of the four changes. */
	assert_file_is(recs_path, recs0);
	assert_true(file_exists(in_root("ds", "changes.csv")));
	assert_string_equal(t.s.changes[4].after, "");

	ts_close(&t);
	free(recs0);
	snap_free(&orig);
}

static void test_priority_without_a_column_is_refused(void **state)
{
	(void)state;
	const char *ds = in_root("np", NULL);
	assert_int_equal(mkdir(ds, 0755), 0);
	put_file(in_root("np", "recommendations.csv"), "id,title\nA-1,One\n");
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);
	assert_false(rv_change_priority(&t.s, 0, "P1"));
	assert_string_equal(t.s.error, "recommendations.csv has no priority column");
	assert_int_equal(t.s.n, 0);
	assert_dir_is(ds, &orig, "no priority column");
	ts_close(&t);
	snap_free(&orig);
}

/*
 * A data set with no status_history.csv gets one (with the contract's header) on the first status
 * change; one whose recommendations.csv has no status column records the status in the history only.
 */
static void test_status_without_history_file_or_column(void **state)
{
	(void)state;
	const char *ds = in_root("nh", NULL);
	assert_int_equal(mkdir(ds, 0755), 0);
	const char *recs = "id,title\nA-1,One\nA-2,Two\n";
	put_file(in_root("nh", "recommendations.csv"), recs);
	struct ts t;
	ts_open(&t, ds, false);
	assert_true(rv_change_status(&t.s, 1, "complete", "done, at last", NULL));
	assert_true(rv_change_decision(&t.s, 1, "approved", NULL, "2026-10-01"));
	assert_file_is(in_root("nh", "recommendations.csv"), recs);
	assert_file_is(in_root("nh", "status_history.csv"), "rec_id,date,decision,status,source,note\n"
							     "A-2,2026-11-23,,complete,recview: tester,\"done, at last\"\n"
							     "A-2,2026-10-01,approved,,recview: tester,\n");
	const struct rv_rec *r = &t.m->recs[1];
	assert_int_equal(r->cur_status, RV_STATUS_COMPLETE);
	assert_int_equal(r->cur_decision, RV_DECISION_APPROVED);
	assert_int_equal(r->last_change, 20261123);
	assert_int_equal(rv_rec_child(t.m, 1, RV_HISTORY, 0)->date, 20261001); /* by date */
	assert_model_matches_disk(t.m, true);

	assert_true(rv_undo(&t.s));
	assert_true(rv_undo(&t.s));
	assert_int_equal(t.m->recs[1].cur_status, RV_STATUS_NONE);
	assert_file_is(in_root("nh", "recommendations.csv"), recs);
	/* the file the session created stays, with its header only */
	assert_file_is(in_root("nh", "status_history.csv"), "rec_id,date,decision,status,source,note\n");
	assert_model_matches_disk(t.m, true);
	ts_close(&t);
}

/*
 * A change with nowhere to go is refused: a decision when neither file has a decision column, a status
 * or note when the history or notes file cannot take a row for a recommendation (no rec_id column).
 */
static void test_changes_refused_when_the_files_cannot_hold_them(void **state)
{
	(void)state;
	const char *ds = in_root("nd", NULL);
	assert_int_equal(mkdir(ds, 0755), 0);
	put_file(in_root("nd", "recommendations.csv"), "id,title,status\nA-1,One,\n");
	put_file(in_root("nd", "status_history.csv"), "rec_id,date,status,source,note\nA-1,2020-01-01,complete,s,\n");
	put_file(in_root("nd", "notes.csv"), "rec_id,time,author\nA-1,2026-01-01T10:00:00,bob\n");
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);
	assert_false(rv_change_decision(&t.s, 0, "approved", NULL, NULL));
	assert_string_equal(t.s.error,
			    "neither recommendations.csv nor status_history.csv has a decision column: nothing was changed");
	assert_false(rv_add_note(&t.s, 0, "a note"));
	assert_string_equal(t.s.error, "notes.csv has no note column: nothing was changed");
	assert_int_equal(t.s.n, 0);
	assert_dir_is(ds, &orig, "refused");
	/* the status has its column */
	assert_true(rv_change_status(&t.s, 0, "in progress", NULL, NULL));
	assert_file_is(in_root("nd", "status_history.csv"), "rec_id,date,status,source,note\nA-1,2020-01-01,complete,s,\n"
								"A-1,2026-11-23,in progress,recview: tester,\n");
	ts_close(&t);
	snap_free(&orig);

	/* history and notes files without a rec_id column */
	ds = in_root("ni", NULL);
	assert_int_equal(mkdir(ds, 0755), 0);
	put_file(in_root("ni", "recommendations.csv"), "id,title,status,decision\nA-1,One,,\n");
	put_file(in_root("ni", "status_history.csv"), "date,status\n2020-01-01,complete\n");
	put_file(in_root("ni", "notes.csv"), "time,note\n2026-01-01T10:00:00,old\n");
	snap_take(&orig, ds);
	ts_open(&t, ds, false);
	assert_false(rv_change_status(&t.s, 0, "complete", NULL, NULL));
	assert_string_equal(t.s.error, "status_history.csv has no rec_id column: nothing was changed");
	assert_false(rv_change_decision(&t.s, 0, "approved", NULL, NULL));
	assert_string_equal(t.s.error, "status_history.csv has no rec_id column: nothing was changed");
	assert_false(rv_add_note(&t.s, 0, "a note"));
	assert_string_equal(t.s.error, "notes.csv has no rec_id column: nothing was changed");
	assert_false(rv_change_priority(&t.s, 0, "P1")); /* no priority column either */
	assert_int_equal(t.s.n, 0);
	assert_dir_is(ds, &orig, "refused");
	ts_close(&t);
	snap_free(&orig);
}

/* CRLF files, a BOM, no final line break: kept; appended rows use the file's line break. */
static void test_changes_keep_line_breaks_and_bom(void **state)
{
	(void)state;
	const char *ds = in_root("crlf", NULL);
	assert_int_equal(mkdir(ds, 0755), 0);
	const char *recs0 = "\xEF\xBB\xBFid,title,status,priority\r\nX-1,\"One, first\",not started,\r\nX-2,Two,complete,P1";
	const char *hist0 = "rec_id,date,status,source,decision,note\r\nX-1,2020-01-01,not started,s,,\r\n";
	put_file(in_root("crlf", "recommendations.csv"), recs0);
	put_file(in_root("crlf", "status_history.csv"), hist0);
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);

	assert_true(rv_change_status(&t.s, 1, "in progress", "two\nlines", NULL));
	assert_file_is(in_root("crlf", "recommendations.csv"),
		       "\xEF\xBB\xBFid,title,status,priority\r\nX-1,\"One, first\",not started,\r\nX-2,Two,in progress,P1");
	assert_file_is(in_root("crlf", "status_history.csv"),
		       "rec_id,date,status,source,decision,note\r\nX-1,2020-01-01,not started,s,,\r\n"
		       "X-2,2026-11-23,in progress,recview: tester,,\"two\nlines\"\r\n");
	assert_true(rv_change_priority(&t.s, 0, "P2"));
	assert_file_is(in_root("crlf", "recommendations.csv"),
		       "\xEF\xBB\xBFid,title,status,priority\r\nX-1,\"One, first\",not started,P2\r\nX-2,Two,in progress,P1");
	assert_model_matches_disk(t.m, true);

	assert_true(rv_undo(&t.s));
	assert_true(rv_undo(&t.s));
	assert_dir_is2(ds, &orig, true, "undone");
	ts_close(&t);
	snap_free(&orig);
}

/* ---- notes ---- */

static void test_notes_create_then_append(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *notes_path = in_root("ds", "notes.csv");
	struct snap orig;
	snap_take(&orig, ds);
	assert_false(file_exists(notes_path));
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");

	assert_true(rv_add_note(&t.s, rec, "first note"));
	assert_file_is(notes_path, NOTES_HEADER "SSR2-5.4,2026-11-23T14:05:00,tester,first note\n");
	assert_int_equal(t.m->recs[rec].count[RV_NOTES], 1);
	const struct rv_child *n0 = rv_rec_child(t.m, rec, RV_NOTES, 0);
	assert_int_equal(n0->row, 0);
	assert_cell_is(rv_row_field(t.m, RV_NOTES, n0->row, NOTE_TEXT), "first note");
	assert_cell_is(rv_row_field(t.m, RV_NOTES, n0->row, NOTE_AUTHOR), "tester");
	assert_cell_is(rv_row_field(t.m, RV_NOTES, n0->row, NOTE_TIME), NOW);
	/* nothing else changed */
	struct snap with_notes;
	snap_take(&with_notes, ds);
	assert_int_equal(with_notes.n, orig.n + 1);
	for (size_t i = 0; i < orig.n; i++) {
		const struct file_copy *f = snap_find(&with_notes, orig.f[i].name);
		assert_non_null(f);
		assert_bytes(f->name, f->data, f->len, orig.f[i].data, orig.f[i].len);
	}
	snap_free(&with_notes);

	/* formulas are defused; quotes and commas quoted; the time is the clock's */
	setenv("RECVIEW_NOW", "2026-11-23T15:30:00", 1);
	assert_true(rv_add_note(&t.s, rec, "=1+2"));
	assert_true(rv_add_note(&t.s, rec, "+41"));
	assert_true(rv_add_note(&t.s, rec, "-minus"));
	assert_true(rv_add_note(&t.s, rec, "@SUM(A1)"));
	assert_true(rv_add_note(&t.s, rec, "a, \"quoted\" note"));
	size_t other = rec_of(t.m, "SSR1-1");
	assert_true(rv_add_note(&t.s, other, "x=1 is fine"));
	assert_file_is(notes_path, NOTES_HEADER "SSR2-5.4,2026-11-23T14:05:00,tester,first note\n"
						"SSR2-5.4,2026-11-23T15:30:00,tester,'=1+2\n"
						"SSR2-5.4,2026-11-23T15:30:00,tester,'+41\n"
						"SSR2-5.4,2026-11-23T15:30:00,tester,'-minus\n"
						"SSR2-5.4,2026-11-23T15:30:00,tester,'@SUM(A1)\n"
						"SSR2-5.4,2026-11-23T15:30:00,tester,\"a, \"\"quoted\"\" note\"\n"
						"SSR1-1,2026-11-23T15:30:00,tester,x=1 is fine\n");
	assert_int_equal(t.m->recs[rec].count[RV_NOTES], 6);
	assert_int_equal(t.m->recs[other].count[RV_NOTES], 1);
	assert_cell_is(rv_row_field(t.m, RV_NOTES, rv_rec_child(t.m, rec, RV_NOTES, 1)->row, NOTE_TEXT), "'=1+2");
	assert_cell_is(rv_row_field(t.m, RV_NOTES, rv_rec_child(t.m, rec, RV_NOTES, 5)->row, NOTE_TEXT),
		       "a, \"quoted\" note");
	assert_string_equal(t.s.changes[1].note, "'=1+2");

	/* the note of a status change is defused too */
	assert_true(rv_change_status(&t.s, rec, "complete", "-done", NULL));
	char *hist = slurp(in_root("ds", "status_history.csv"));
	size_t hl = strlen(hist);
	const char *tail = "\nSSR2-5.4,2026-11-23,,complete,recview: tester,'-done\n";
	assert_true(hl > strlen(tail));
	assert_string_equal(hist + hl - strlen(tail), tail);
	free(hist);

	assert_model_matches_disk(t.m, true);
	ts_close(&t);
	snap_free(&orig);
}

static void test_notes_append_to_an_existing_file(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	const char *notes0 = "rec_id,time,author,note\nR-1,2026-01-01T10:00:00,alice,old note\n";
	put_file(in_root("sm", "notes.csv"), notes0);
	struct ts t;
	ts_open(&t, ds, false);
	size_t r1 = rec_of(t.m, "R-1");
	assert_int_equal(t.m->recs[r1].count[RV_NOTES], 1);
	assert_true(rv_add_note(&t.s, r1, "new note"));
	char *want = concat(notes0, "R-1,2026-11-23T14:05:00,tester,new note\n");
	assert_file_is(in_root("sm", "notes.csv"), want);
	free(want);
	assert_int_equal(t.m->recs[r1].count[RV_NOTES], 2);
	assert_cell_is(rv_row_field(t.m, RV_NOTES, rv_rec_child(t.m, r1, RV_NOTES, 1)->row, NOTE_TEXT), "new note");
	assert_model_matches_disk(t.m, true);
	assert_true(rv_undo(&t.s));
	assert_file_is(in_root("sm", "notes.csv"), notes0);
	assert_model_matches_disk(t.m, true);
	ts_close(&t);
}

/* ---- the agenda ---- */

static void test_agenda_toggle_move_and_reopen(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	const char *path = in_root("sm", "agenda.csv");
	struct ts t;
	ts_open(&t, ds, false);
	size_t r1 = rec_of(t.m, "R-1"), r2 = rec_of(t.m, "R-2"), r3 = rec_of(t.m, "R-3"), r10 = rec_of(t.m, "R-10");
	assert_int_equal(t.s.nagenda, 0);
	assert_int_equal(rv_agenda_position(&t.s, r1), -1);

#define A1 "R-1,2026-11-23T14:05:00,tester,\n"
#define A10 "R-10,2026-11-23T14:06:00,tester,\n"
#define A2 "R-2,2026-11-23T14:07:00,tester,\n"
	assert_true(rv_agenda_toggle(&t.s, r1));
	assert_file_is(path, AGENDA_HEADER A1);
	setenv("RECVIEW_NOW", "2026-11-23T14:06:00", 1);
	assert_true(rv_agenda_toggle(&t.s, r10));
	assert_file_is(path, AGENDA_HEADER A1 A10);
	setenv("RECVIEW_NOW", "2026-11-23T14:07:00", 1);
	assert_true(rv_agenda_toggle(&t.s, r2));
	assert_file_is(path, AGENDA_HEADER A1 A10 A2);
	assert_agenda_ids(&t.s, "R-1 R-10 R-2");
	assert_int_equal(rv_agenda_position(&t.s, r1), 0);
	assert_int_equal(rv_agenda_position(&t.s, r10), 1);
	assert_int_equal(rv_agenda_position(&t.s, r2), 2);
	assert_int_equal(rv_agenda_position(&t.s, r3), -1);

	assert_true(rv_agenda_move(&t.s, r2, -1));
	assert_file_is(path, AGENDA_HEADER A1 A2 A10);
	assert_true(rv_agenda_move(&t.s, r1, +1));
	assert_file_is(path, AGENDA_HEADER A2 A1 A10);
	assert_agenda_ids(&t.s, "R-2 R-1 R-10");

	assert_false(rv_agenda_move(&t.s, r2, -1));
	assert_string_equal(t.s.error, "already at the top of the agenda");
	assert_false(rv_agenda_move(&t.s, r10, +1));
	assert_string_equal(t.s.error, "already at the end of the agenda");
	assert_false(rv_agenda_move(&t.s, r3, +1));
	assert_string_equal(t.s.error, "not on the agenda");
	assert_false(rv_agenda_move(&t.s, r2, +5));
	assert_file_is(path, AGENDA_HEADER A2 A1 A10);

	assert_true(rv_agenda_toggle(&t.s, r1));
	assert_file_is(path, AGENDA_HEADER A2 A10);
	assert_agenda_ids(&t.s, "R-2 R-10");
	assert_int_equal(rv_agenda_position(&t.s, r1), -1);
	assert_agenda_matches_disk(&t.s);
	/* the other files are untouched */
	assert_file_is(in_root("sm", "recommendations.csv"), small_recs);
	assert_file_is(in_root("sm", "status_history.csv"), small_history);
	assert_int_equal(t.s.n, 6);
	ts_close(&t);

	/* opened again, by someone else: the same agenda, the same order, its entries as they were */
	t.m = load_model(ds);
	rv_session_open(&t.s, t.m, "ann", false);
	assert_agenda_ids(&t.s, "R-2 R-10");
	assert_string_equal(t.s.agenda[0].added, "2026-11-23T14:07:00");
	assert_string_equal(t.s.agenda[0].author, "tester");
	assert_string_equal(t.s.agenda[1].added, "2026-11-23T14:06:00");
	setenv("RECVIEW_NOW", "2026-11-24T09:00:00", 1);
	assert_true(rv_agenda_move(&t.s, r10, -1));
	assert_true(rv_agenda_toggle(&t.s, r3));
	assert_file_is(path, AGENDA_HEADER A10 A2 "R-3,2026-11-24T09:00:00,ann,\n");
	assert_true(rv_undo(&t.s));
	assert_true(rv_undo(&t.s));
	assert_file_is(path, AGENDA_HEADER A2 A10);
	assert_true(rv_redo(&t.s));
	assert_file_is(path, AGENDA_HEADER A10 A2);
	rv_session_free(&t.s);
	free_model(t.m);
#undef A1
#undef A2
#undef A10
}

/*
 * agenda.csv as someone may write it: a recommendation listed twice is on the agenda once (the first
 * row), an unknown id is not on it but its row is not lost.
 */
static void test_agenda_file_as_written_by_hand(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	put_file(in_root("sm", "agenda.csv"),
		 "rec_id,added,author\nR-3,2026-01-01,bob\nZ-9,2026-01-03,eve\nR-1,,\nR-3,2026-01-02,eve\n");
	struct ts t;
	ts_open(&t, ds, false);
	assert_agenda_ids(&t.s, "R-3 R-1");
	assert_string_equal(t.s.agenda[0].added, "2026-01-01");
	assert_string_equal(t.s.agenda[0].author, "bob");
	assert_string_equal(t.s.agenda[1].added, "");
	char *orig = slurp(in_root("sm", "agenda.csv"));
	assert_true(rv_agenda_move(&t.s, rec_of(t.m, "R-1"), -1));
	/* rewritten in agenda order, gaining the minutes column; the row of an unknown recommendation is
	 * kept, at the end */
	assert_file_is(in_root("sm", "agenda.csv"),
		       "rec_id,added,author,minutes\nR-1,,,\nR-3,2026-01-01,bob,\nZ-9,2026-01-03,eve,\n");
	assert_agenda_matches_disk(&t.s);
	/* undone, the file is as it was, byte for byte */
	assert_true(rv_undo(&t.s));
	assert_file_is(in_root("sm", "agenda.csv"), orig);
	assert_agenda_matches_disk(&t.s);
	free(orig);
	ts_close(&t);
}

/* ---- undo and redo ---- */

/* One change of every kind on the bundled data set; false when it was refused. */
static bool make_change(struct rv_session *s, int step)
{
	struct rv_model *m = s->m;
	switch (step) {
	case 0:
		return rv_change_status(s, rec_of(m, "SSR2-5.4"), "in progress", "n1", NULL);
	case 1:
		return rv_change_decision(s, rec_of(m, "SSR2-5.4"), "rejected", NULL, "2026-11-20");
	case 2:
		return rv_change_priority(s, rec_of(m, "SSR2-5.4"), "P1");
	case 3:
		return rv_add_note(s, rec_of(m, "SSR1-1"), "=a note");
	case 4:
		return rv_agenda_toggle(s, rec_of(m, "SSR2-5.4"));
	case 5:
		return rv_agenda_toggle(s, rec_of(m, "SSR1-2"));
	case 6:
		return rv_agenda_move(s, rec_of(m, "SSR1-2"), -1);
	case 7:
		return rv_change_status(s, rec_of(m, "SSR1-1"), "in planning", "back, \"again\"", "2026-01-01");
	case 8:
		return rv_change_priority(s, rec_of(m, "SSR2-5.4"), "");
	case 9:
		return rv_add_note(s, rec_of(m, "SSR2-5.4"), "second");
	case 10:
		return rv_agenda_toggle(s, rec_of(m, "SSR2-5.4"));
	case 11:
		return rv_change_decision(s, rec_of(m, "SSR1-1"), "pending", "back | to pending", NULL);
	case 12:
		return rv_change_priority(s, rec_of(m, "SSR1-28"), "P4");
	case 13:
		return rv_change_status(s, rec_of(m, "SSR2-5.4"), "complete", NULL, NULL);
	default:
		return false;
	}
}
#define NSTEPS 14

static void test_undo_redo_every_kind(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	struct snap snaps[NSTEPS + 1];
	snap_take(&snaps[0], ds);
	struct ts t;
	ts_open(&t, ds, false);

	for (int i = 0; i < NSTEPS; i++) {
		char clock[32];
		snprintf(clock, sizeof(clock), "2026-11-23T14:%02d:00", 5 + i);
		setenv("RECVIEW_NOW", clock, 1);
		if (!make_change(&t.s, i))
			print_error("change %d: %s\n", i, t.s.error);
		assert_false(rv_session_has_unsaved(&t.s));
		snap_take(&snaps[i + 1], ds);
	}
	assert_model_matches_disk(t.m, true);
	assert_agenda_matches_disk(&t.s);
	assert_int_equal(t.s.applied, NSTEPS);

	/* undone in reverse order: after each undo the files are as they were before that change */
	for (int i = NSTEPS; i > 0; i--) {
		if (!rv_undo(&t.s))
			print_error("undo %d: %s\n", i, t.s.error);
		char what[64];
		snprintf(what, sizeof(what), "after undoing change %d", i - 1);
		assert_dir_is2(ds, &snaps[i - 1], true, what);
		assert_model_matches_disk(t.m, false);
		assert_agenda_matches_disk(&t.s);
	}
	assert_int_equal(t.s.applied, 0);
	assert_int_equal(t.s.n, NSTEPS);
	assert_model_matches_disk(t.m, true);
	assert_false(rv_undo(&t.s));
	assert_string_equal(t.s.error, "nothing to undo");

	/* redone: the same bytes again, the same times */
	for (int i = 0; i < NSTEPS; i++) {
		if (!rv_redo(&t.s))
			print_error("redo %d: %s\n", i, t.s.error);
		char what[64];
		snprintf(what, sizeof(what), "after redoing change %d", i);
		assert_dir_is2(ds, &snaps[i + 1], true, what);
	}
	assert_model_matches_disk(t.m, true);
	assert_false(rv_redo(&t.s));
	assert_string_equal(t.s.error, "nothing to redo");

	/* a new change after an undo drops what could have been redone */
	assert_true(rv_undo(&t.s));
	assert_true(rv_undo(&t.s));
	assert_true(rv_undo(&t.s));
	assert_int_equal(t.s.applied, NSTEPS - 3);
	assert_true(rv_add_note(&t.s, rec_of(t.m, "SSR2-1.1"), "instead"));
	assert_int_equal(t.s.n, NSTEPS - 2);
	assert_int_equal(t.s.applied, NSTEPS - 2);
	assert_false(rv_redo(&t.s));
	assert_string_equal(t.s.error, "nothing to redo");
	assert_model_matches_disk(t.m, false);

	/* and everything undone gives the original files back */
	while (t.s.applied)
		assert_true(rv_undo(&t.s));
	assert_dir_is2(ds, &snaps[0], true, "everything undone");
	assert_model_matches_disk(t.m, true);
	assert_agenda_matches_disk(&t.s);
	ts_close(&t);
	for (int i = 0; i <= NSTEPS; i++)
		snap_free(&snaps[i]);
}

/* On a data set that already has notes.csv and agenda.csv, everything undone is every byte as it was. */
static void test_undo_everything_exactly(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	put_file(in_root("sm", "notes.csv"), "rec_id,time,author,note\nR-2,2026-01-01T10:00:00,bob,\"a, b\"\n");
	put_file(in_root("sm", "agenda.csv"), AGENDA_HEADER "R-10,2026-01-01T10:00:00,bob,\n");
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);
	size_t r1 = rec_of(t.m, "R-1"), r2 = rec_of(t.m, "R-2"), r3 = rec_of(t.m, "R-3"), r10 = rec_of(t.m, "R-10");
	assert_true(rv_change_status(&t.s, r1, "complete", "n", NULL));
	assert_true(rv_change_status(&t.s, r1, "in progress", NULL, "2026-11-24"));
	assert_true(rv_change_decision(&t.s, r3, "approved", NULL, NULL));
	assert_true(rv_change_priority(&t.s, r2, "P3"));
	assert_true(rv_change_priority(&t.s, r1, ""));
	assert_true(rv_add_note(&t.s, r3, "note"));
	assert_true(rv_agenda_toggle(&t.s, r1));
	assert_true(rv_agenda_move(&t.s, r1, -1));
	assert_true(rv_agenda_toggle(&t.s, r10));
	assert_true(rv_agenda_toggle(&t.s, r10));
	assert_agenda_ids(&t.s, "R-1 R-10");
	assert_model_matches_disk(t.m, true);
	assert_agenda_matches_disk(&t.s);
	while (t.s.applied)
		assert_true(rv_undo(&t.s));
	assert_dir_is2(ds, &orig, true, "everything undone");
	assert_model_matches_disk(t.m, true);
	assert_agenda_matches_disk(&t.s);
	ts_close(&t);
	snap_free(&orig);
}

/* ---- round trip, read-only ---- */

static void test_open_and_close_changes_nothing(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);
	assert_false(rv_session_has_unsaved(&t.s));
	assert_true(rv_session_save(&t.s));
	assert_string_equal(t.s.error, "");
	assert_null(rv_session_why_read_only(&t.s));
	ts_close(&t);
	assert_dir_is(ds, &orig, "opened and closed");

	const char *sm = small_copy("sm");
	snap_free(&orig);
	snap_take(&orig, sm);
	ts_open(&t, sm, false);
	ts_close(&t);
	assert_dir_is(sm, &orig, "small, opened and closed");
	snap_free(&orig);
}

/* Every change, undo and redo is refused with the reason; nothing is written. */
static void expect_all_refused(struct ts *t, const char *why)
{
	char want[512];
	snprintf(want, sizeof(want), "%s: nothing was changed", why);
	size_t rec = 0;
	assert_false(rv_change_status(&t->s, rec, "complete", NULL, NULL));
	assert_string_equal(t->s.error, want);
	t->s.error[0] = '\0';
	assert_false(rv_change_decision(&t->s, rec, "approved", NULL, NULL));
	assert_string_equal(t->s.error, want);
	t->s.error[0] = '\0';
	assert_false(rv_change_priority(&t->s, rec, "P1"));
	assert_string_equal(t->s.error, want);
	t->s.error[0] = '\0';
	assert_false(rv_add_note(&t->s, rec, "n"));
	assert_string_equal(t->s.error, want);
	t->s.error[0] = '\0';
	assert_false(rv_agenda_toggle(&t->s, rec));
	assert_string_equal(t->s.error, want);
	t->s.error[0] = '\0';
	assert_false(rv_agenda_move(&t->s, rec, 1));
	assert_string_equal(t->s.error, want);
	t->s.error[0] = '\0';
	assert_false(rv_undo(&t->s));
	assert_string_equal(t->s.error, want);
	t->s.error[0] = '\0';
	assert_false(rv_redo(&t->s));
	assert_string_equal(t->s.error, want);
	assert_int_equal(t->s.n, 0);
	assert_false(rv_session_has_unsaved(&t->s));
}

static void test_read_only_when_asked(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, true);
	assert_true(t.s.read_only);
	assert_string_equal(rv_session_why_read_only(&t.s), "read-only (--read-only)");
	expect_all_refused(&t, "read-only (--read-only)");
	assert_true(rv_session_save(&t.s));
	assert_model_matches_disk(t.m, false);
	ts_close(&t);
	assert_dir_is(ds, &orig, "read-only session");
	snap_free(&orig);
}

static void test_read_only_directory(void **state)
{
	(void)state;
	/*
	 * Permissions do not stop root (access(2) says W_OK for any directory), so a session run as root
	 * would rightly not open read-only: the case is skipped then.
	 */
	if (geteuid() == 0) {
		skip();
		return;
	}
	const char *ds = small_copy("sm");
	struct snap orig;
	snap_take(&orig, ds);
	assert_int_equal(chmod(ds, 0555), 0);
	struct ts t;
	t.m = load_model(ds);
	rv_session_open(&t.s, t.m, "tester", false);
	assert_true(t.s.read_only);
	assert_non_null(strstr(rv_session_why_read_only(&t.s), "the data set directory cannot be written"));
	char why[sizeof(t.s.read_only_why)];
	snprintf(why, sizeof(why), "%s", t.s.read_only_why);
	expect_all_refused(&t, why);
	ts_close(&t);
	assert_int_equal(chmod(ds, 0755), 0);
	assert_dir_is(ds, &orig, "read-only directory");

	/* a writable directory with a read-only recommendations.csv */
	assert_int_equal(chmod(in_root("sm", "recommendations.csv"), 0444), 0);
	t.m = load_model(ds);
	rv_session_open(&t.s, t.m, "tester", false);
	assert_true(t.s.read_only);
	assert_non_null(strstr(rv_session_why_read_only(&t.s), "recommendations.csv cannot be written"));
	ts_close(&t);
	snap_free(&orig);
}

/* ---- failures and conflicts ---- */

static void test_save_failure_keeps_the_change(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *recs_path = in_root("ds", "recommendations.csv");
	const char *hist_path = in_root("ds", "status_history.csv");
	struct snap orig;
	snap_take(&orig, ds);
	char *recs0 = slurp(recs_path), *hist0 = slurp(hist_path);
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");

	struct rv_save_ops full = rv_save_system_ops;
	full.write = enospc_write;
	t.s.ops = &full;
	assert_false(rv_change_status(&t.s, rec, "complete", "done it", NULL));
	assert_false(t.s.conflict);
	char want[1024];
	snprintf(want, sizeof(want), "cannot write %s: No space left on device (nothing was saved)", recs_path);
	assert_string_equal(t.s.error, want);
	assert_true(rv_session_has_unsaved(&t.s));
	assert_true(t.s.unsaved[RV_RECS]);
	assert_true(t.s.unsaved[RV_HISTORY]);
	assert_int_equal(t.m->recs[rec].cur_status, RV_STATUS_COMPLETE); /* in memory all the same */
	assert_int_equal(t.s.applied, 1);
	assert_dir_is(ds, &orig, "after a failed save"); /* no temporary file left either */

	/* a second change while the disk is full, then a retry that fails */
	assert_false(rv_add_note(&t.s, rec, "kept too"));
	assert_true(t.s.unsaved[RV_NOTES]);
	assert_false(rv_session_save(&t.s));
	assert_string_equal(t.s.error, want);
	assert_dir_is(ds, &orig, "after a failed retry");

	/* room again: the retry writes everything */
	t.s.ops = &rv_save_system_ops;
	assert_true(rv_session_save(&t.s));
	assert_string_equal(t.s.error, "");
	assert_false(rv_session_has_unsaved(&t.s));
	char *w = replace_in_line(recs0, "SSR2-5.4,", ",approved,not started,,", ",approved,complete,,");
	assert_file_is(recs_path, w);
	free(w);
	w = concat(hist0, "SSR2-5.4,2026-11-23,,complete,recview: tester,done it\n");
	assert_file_is(hist_path, w);
	free(w);
	assert_file_is(in_root("ds", "notes.csv"), NOTES_HEADER "SSR2-5.4,2026-11-23T14:05:00,tester,kept too\n");
	assert_model_matches_disk(t.m, true);

	/* an undo that cannot be saved is undone in memory, and saved later */
	t.s.ops = &full;
	assert_false(rv_undo(&t.s));
	assert_false(rv_undo(&t.s));
	assert_int_equal(t.m->recs[rec].cur_status, RV_STATUS_NOT_STARTED);
	assert_true(rv_session_has_unsaved(&t.s));
	t.s.ops = &rv_save_system_ops;
	assert_true(rv_session_save(&t.s));
	assert_dir_is2(ds, &orig, true, "undone after a failed save");
	assert_model_matches_disk(t.m, true);

	ts_close(&t);
	free(recs0);
	free(hist0);
	snap_free(&orig);
}

/* A file the save would create says so. */
static void test_save_failure_of_a_new_file(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	struct ts t;
	ts_open(&t, ds, false);
	struct rv_save_ops full = rv_save_system_ops;
	full.write = enospc_write;
	t.s.ops = &full;
	assert_false(rv_add_note(&t.s, 0, "n"));
	char want[1024];
	snprintf(want, sizeof(want), "cannot write %s: No space left on device (nothing was saved)",
		 in_root("sm", "notes.csv"));
	assert_string_equal(t.s.error, want);
	assert_false(file_exists(in_root("sm", "notes.csv")));
	assert_int_equal(t.m->recs[0].count[RV_NOTES], 1);
	t.s.ops = &rv_save_system_ops;
	assert_true(rv_session_save(&t.s));
	assert_file_is(in_root("sm", "notes.csv"), NOTES_HEADER "R-1,2026-11-23T14:05:00,tester,n\n");
	ts_close(&t);
}

/* Someone else appends to status_history.csv: the next change is not written over it; a reload merges. */
static void test_conflict_then_reload(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *recs_path = in_root("ds", "recommendations.csv");
	const char *hist_path = in_root("ds", "status_history.csv");
	char *recs0 = slurp(recs_path), *hist0 = slurp(hist_path);
	struct rv_model *old = load_model(ds);
	struct rv_session s;
	rv_session_open(&s, old, "tester", false);
	size_t rec = rec_of(old, "SSR2-5.4");

	const char *theirs = "SSR1-2,2026-11-22,,complete,someone else,their line\n";
	FILE *f = fopen(hist_path, "a");
	assert_non_null(f);
	fputs(theirs, f);
	assert_int_equal(fclose(f), 0);
	char *hist_theirs = concat(hist0, theirs);

	assert_false(rv_change_status(&s, rec, "in progress", "the note", NULL));
	assert_true(s.conflict);
	assert_true(rv_session_has_unsaved(&s));
	assert_true(s.unsaved[RV_HISTORY]);
	char want[1024];
	snprintf(want, sizeof(want), "conflict: %s was changed by someone else since it was read (nothing was saved)",
		 hist_path);
	assert_string_equal(s.error, want);
	assert_file_is(hist_path, hist_theirs); /* their line kept, ours not written over it */
	assert_int_equal(old->recs[rec].cur_status, RV_STATUS_PROGRESS);

	/* a retry is refused the same way */
	assert_false(rv_session_save(&s));
	assert_true(s.conflict);
	assert_file_is(hist_path, hist_theirs);

	/* load what is on disk, move the session to it: both lines are there */
	struct rv_model *fresh = load_model(ds);
	assert_true(rv_session_merge(&s, fresh));
	assert_ptr_equal(s.m, old); /* the merged model takes the old one's place */
	free(fresh);
	fresh = old;
	assert_false(s.conflict);
	assert_false(rv_session_has_unsaved(&s));
	assert_string_equal(s.error, "");
	char *hist_both = concat(hist_theirs, "SSR2-5.4,2026-11-23,,in progress,recview: tester,the note\n");
	assert_file_is(hist_path, hist_both);
	char *recs1 = replace_in_line(recs0, "SSR2-5.4,", ",approved,not started,,", ",approved,in progress,,");
	assert_file_is(recs_path, recs1);
	rec = rec_of(fresh, "SSR2-5.4");
	assert_int_equal(fresh->recs[rec].cur_status, RV_STATUS_PROGRESS);
	assert_int_equal(fresh->recs[rec].count[RV_HISTORY], 4);
	size_t ssr1_2 = rec_of(fresh, "SSR1-2");
	const struct rv_child *h = rv_rec_child(fresh, ssr1_2, RV_HISTORY, fresh->recs[ssr1_2].count[RV_HISTORY] - 1);
	assert_cell_is(rv_row_field(fresh, RV_HISTORY, h->row, HIST_NOTE), "their line");
	assert_model_matches_disk(fresh, true);
	assert_int_equal(s.applied, 1);

	/* the session goes on normally on the new model */
	assert_true(rv_add_note(&s, rec, "after the reload"));
	assert_file_is(in_root("ds", "notes.csv"), NOTES_HEADER "SSR2-5.4,2026-11-23T14:05:00,tester,after the reload\n");
	assert_true(rv_undo(&s));
	assert_file_is(hist_path, hist_both);
	assert_model_matches_disk(fresh, true);

	struct strbuf min;
	sb_init(&min);
	rv_session_minutes(&s, &min);
	assert_contains("minutes", min.data, "| SSR2-5.4 | status: not started \xE2\x86\x92 in progress (as of 2026-11-23) | the note |\n");
	sb_free(&min);

	/* the change made again can be undone: the files are as the other writer left them */
	assert_true(rv_undo(&s));
	assert_file_is(hist_path, hist_theirs);
	assert_file_is(recs_path, recs0);
	assert_int_equal(fresh->recs[rec].cur_status, RV_STATUS_NOT_STARTED);
	assert_model_matches_disk(fresh, true);

	rv_session_free(&s);
	free_model(fresh);
	free(recs0);
	free(recs1);
	free(hist0);
	free(hist_theirs);
	free(hist_both);
}

/*
 * After a reload, undoing the change that was applied again gives back the files as the other writer
 * left them, and changes saved before the conflict are not made twice.
 */
static void test_reload_after_earlier_saved_changes(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	const char *recs_path = in_root("sm", "recommendations.csv");
	const char *hist_path = in_root("sm", "status_history.csv");
	struct rv_model *old = load_model(ds);
	struct rv_session s;
	rv_session_open(&s, old, "tester", false);

	/* saved before anyone else wrote */
	assert_true(rv_change_status(&s, rec_of(old, "R-1"), "complete", "first", NULL));
	assert_true(rv_add_note(&s, rec_of(old, "R-1"), "a note"));
	assert_true(rv_agenda_toggle(&s, rec_of(old, "R-1")));
	char *recs_saved = slurp(recs_path);

	const char *theirs = "R-10,2026-11-22,,complete,someone else,\n";
	FILE *f = fopen(hist_path, "a");
	assert_non_null(f);
	fputs(theirs, f);
	assert_int_equal(fclose(f), 0);

	assert_false(rv_change_status(&s, rec_of(old, "R-2"), "behind schedule", "second", NULL));
	assert_true(s.conflict);
	struct rv_model *fresh = load_model(ds);
	assert_true(rv_session_merge(&s, fresh));
	free(fresh);
	fresh = old;

	char *want = concat(small_history, "R-1,2026-11-23,,complete,recview: tester,first\n");
	char *w2 = concat(want, theirs);
	char *w3 = concat(w2, "R-2,2026-11-23,,behind schedule,recview: tester,second\n");
	assert_file_is(hist_path, w3);
	assert_file_is(in_root("sm", "notes.csv"), NOTES_HEADER "R-1,2026-11-23T14:05:00,tester,a note\n");
	assert_file_is(in_root("sm", "agenda.csv"), AGENDA_HEADER "R-1,2026-11-23T14:05:00,tester,\n");
	assert_model_matches_disk(fresh, true);
	assert_agenda_matches_disk(&s);

	/* undoing the change made again after the reload */
	assert_true(rv_undo(&s));
	assert_file_is(hist_path, w2);
	assert_file_is(recs_path, recs_saved);
	assert_model_matches_disk(fresh, true);

	rv_session_free(&s);
	free_model(fresh);
	free(recs_saved);
	free(want);
	free(w2);
	free(w3);
}

/* Someone else changes recommendations.csv: the change is not saved anywhere, and a reload makes it once. */
static void test_conflict_in_recommendations(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	const char *recs_path = in_root("sm", "recommendations.csv");
	const char *hist_path = in_root("sm", "status_history.csv");
	struct rv_model *old = load_model(ds);
	struct rv_session s;
	rv_session_open(&s, old, "tester", false);

	char *theirs = replace_in_line(small_recs, "R-10,", ",Ten,", ",Ten (renamed),");
	put_file(recs_path, theirs);
	assert_false(rv_change_status(&s, rec_of(old, "R-1"), "complete", NULL, NULL));
	assert_true(s.conflict);
	assert_file_is(recs_path, theirs);

	struct rv_model *fresh = load_model(ds);
	assert_true(rv_session_merge(&s, fresh));
	free(fresh);
	fresh = old;
	char *want_recs = replace_in_line(theirs, "R-1,", ",approved,,P2,", ",approved,complete,P2,");
	assert_file_is(recs_path, want_recs);
	char *want_hist = concat(small_history, "R-1,2026-11-23,,complete,recview: tester,\n");
	assert_file_is(hist_path, want_hist);
	assert_model_matches_disk(fresh, true);

	assert_true(rv_undo(&s));
	assert_file_is(recs_path, theirs);
	assert_file_is(hist_path, small_history);
	assert_model_matches_disk(fresh, true);

	rv_session_free(&s);
	free_model(fresh);
	free(theirs);
	free(want_recs);
	free(want_hist);
}

/* ---- saving elsewhere ---- */

static void test_save_to_another_directory(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	const char *other = in_root("other", NULL);
	assert_int_equal(mkdir(other, 0755), 0);
	struct snap orig;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);
	size_t rec = rec_of(t.m, "SSR2-5.4");

	/* changes that could not be saved where they belong */
	struct rv_save_ops full = rv_save_system_ops;
	full.write = enospc_write;
	t.s.ops = &full;
	assert_false(rv_change_status(&t.s, rec, "complete", NULL, NULL));
	assert_false(rv_change_priority(&t.s, rec, "P2"));
	assert_false(rv_add_note(&t.s, rec, "elsewhere"));
	assert_false(rv_agenda_toggle(&t.s, rec));
	assert_false(rv_session_save_to(&t.s, other)); /* the same full disk */
	t.s.ops = &rv_save_system_ops;

	assert_true(rv_session_save_to(&t.s, other));
	assert_dir_is(ds, &orig, "the originals after saving elsewhere");
	assert_true(rv_session_has_unsaved(&t.s)); /* they still are not saved where they belong */

	/* what was written elsewhere is what saving here writes */
	assert_true(rv_session_save(&t.s));
	struct snap here;
	snap_take(&here, ds);
	assert_dir_is(other, &here, "saved elsewhere");
	assert_non_null(snap_find(&here, "notes.csv"));
	struct rv_model *copy = load_model(other);
	assert_int_equal(copy->recs[rec_of(copy, "SSR2-5.4")].cur_status, RV_STATUS_COMPLETE);
	free_model(copy);

	char missing[1024];
	snprintf(missing, sizeof(missing), "%s/no/such/dir", root);
	assert_false(rv_session_save_to(&t.s, missing));
	assert_non_null(strstr(t.s.error, missing));

	ts_close(&t);
	snap_free(&here);
	snap_free(&orig);
}

/* ---- minutes and exports ---- */

static void assert_no_controls(const char *what, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		bool c1 = c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F;
		if ((c < 0x20 && c != '\n') || c == 0x7F || c1) {
			print_error("%s: control character 0x%02X at %zu\n", what, c, i);
			fail();
		}
	}
}

static void test_minutes(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	struct ts t;
	ts_open(&t, ds, false);
	size_t r1 = rec_of(t.m, "R-1"), r2 = rec_of(t.m, "R-2"), r3 = rec_of(t.m, "R-3");

	struct strbuf out;
	sb_init(&out);
	rv_session_minutes(&t.s, &out);
	char want[4096];
	snprintf(want, sizeof(want), "# Triage minutes\n\nData set: %s  \n0 changes.\n\n", ds);
	assert_string_equal(out.data, want);

	assert_true(rv_change_status(&t.s, r1, "in progress", "a | b", NULL));
	setenv("RECVIEW_NOW", "2026-11-23T14:10:00", 1);
	assert_true(rv_change_decision(&t.s, r3, "approved", NULL, "2026-11-01"));
	assert_true(rv_change_priority(&t.s, r3, "P1"));
	assert_true(rv_add_note(&t.s, r2, "esc \x1B[31mred\x1B[0m and \xC2\x9B"));
	assert_true(rv_agenda_toggle(&t.s, r2));
	assert_true(rv_agenda_toggle(&t.s, r3));
	assert_true(rv_agenda_move(&t.s, r3, -1));
	setenv("RECVIEW_NOW", "2026-11-23T14:20:00", 1);
	assert_true(rv_add_note(&t.s, r2, "two\nlines\tand a tab"));
	assert_true(rv_agenda_toggle(&t.s, r3));

	sb_reset(&out);
	rv_session_minutes(&t.s, &out);
	assert_no_controls("minutes", out.data, out.len);
	snprintf(want, sizeof(want),
		 "# Triage minutes\n\nData set: %s  \n9 changes, 2026-11-23T14:05:00 to 2026-11-23T14:20:00.\n\n"
		 "| When | Who | Recommendation | Change | Note |\n|---|---|---|---|---|\n"
		 "| 2026-11-23T14:05:00 | tester | R-1 | status: in planning \xE2\x86\x92 in progress (as of 2026-11-23) | a \\| b |\n"
		 "| 2026-11-23T14:10:00 | tester | R-3 | decision: pending \xE2\x86\x92 approved (as of 2026-11-01) |  |\n"
		 "| 2026-11-23T14:10:00 | tester | R-3 | priority: (none) \xE2\x86\x92 P1 |  |\n",
		 ds);
	if (strncmp(out.data, want, strlen(want)) != 0)
		assert_bytes("minutes", out.data, out.len, want, strlen(want));
	/* the note with escapes: made visible, on its row */
	const char *row = strstr(out.data, "| 2026-11-23T14:10:00 | tester | R-2 | note | esc ");
	assert_non_null(row);
	const char *eol = strchr(row, '\n');
	assert_non_null(eol);
	assert_true(eol - row > 40);
	char *rowcopy = strndup(row, (size_t)(eol - row));
	assert_non_null(strstr(rowcopy, "red"));
	free(rowcopy);
	assert_true(eol[-1] == '|');
	assert_contains("minutes", out.data,
			"| 2026-11-23T14:10:00 | tester | R-2 | added to the agenda |  |\n"
			"| 2026-11-23T14:10:00 | tester | R-3 | added to the agenda |  |\n"
			"| 2026-11-23T14:10:00 | tester | R-3 | moved on the agenda |  |\n"
			"| 2026-11-23T14:20:00 | tester | R-2 | note | two lines       and a tab |\n"
			"| 2026-11-23T14:20:00 | tester | R-3 | removed from the agenda |  |\n"
			"\n## Agenda\n\n1. R-2 \xE2\x80\x94 Two (in progress)\n");
	/* one line per change: 2 of header, 9 rows */
	size_t table_lines = 0;
	for (const char *p = strstr(out.data, "| When"); p && *p == '|'; p = strchr(p, '\n') + 1)
		table_lines++;
	assert_int_equal(table_lines, 11);

	/* undone changes are not in the minutes */
	assert_true(rv_undo(&t.s));
	sb_reset(&out);
	rv_session_minutes(&t.s, &out);
	assert_contains("minutes", out.data, "\n8 changes, 2026-11-23T14:05:00 to 2026-11-23T14:20:00.\n");
	assert_null(strstr(out.data, "removed from the agenda"));
	assert_contains("minutes", out.data, "\n## Agenda\n\n1. R-3\n2. R-2 \xE2\x80\x94 Two (in progress)\n");
	sb_free(&out);
	ts_close(&t);
}

/* An author with a pipe and a control character, a data set path with a pipe. */
static void test_minutes_escape_everything(void **state)
{
	(void)state;
	const char *ds = small_copy("a|b");
	struct rv_model *m = load_model(ds);
	struct rv_session s;
	rv_session_open(&s, m, "ann|\x07bob", false);
	assert_true(rv_add_note(&s, 0, "x"));
	struct strbuf out;
	sb_init(&out);
	rv_session_minutes(&s, &out);
	assert_no_controls("minutes", out.data, out.len);
	assert_non_null(strstr(out.data, "a\\|b  \n"));
	assert_non_null(strstr(out.data, "| ann\\|"));
	assert_null(strstr(out.data, "ann|"));
	sb_free(&out);
	rv_session_free(&s);
	free_model(m);
}

static void test_export_markdown(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	struct ts t;
	ts_open(&t, ds, false);
	uint32_t recs[] = {(uint32_t)rec_of(t.m, "R-10"), (uint32_t)rec_of(t.m, "R-1"), (uint32_t)rec_of(t.m, "R-3"),
			   (uint32_t)rec_of(t.m, "R-2")};
	struct strbuf out;
	sb_init(&out);
	rv_export_markdown(t.m, recs, 4, "Agenda | 23 Nov", &out);
	assert_string_equal(out.data, "# Agenda \\| 23 Nov\n\n4 recommendations.\n\n"
				      "| Id | Decision | Status | Priority | Changed | Title or text |\n"
				      "|---|---|---|---|---|---|\n"
				      "| R-10 | rejected | complete | P4 |  | Ten |\n"
				      "| R-1 | approved | in planning | P2 | 2020-01-01 | One |\n"
				      "| R-3 | pending |  |  | 2019-03-03 | Third text |\n"
				      "| R-2 | pending | in progress |  | 2021-05-05 | Two |\n");
	/* after a change the export shows it */
	assert_true(rv_change_status(&t.s, recs[1], "complete", NULL, NULL));
	sb_reset(&out);
	rv_export_markdown(t.m, recs + 1, 1, NULL, &out);
	assert_string_equal(out.data, "# \n\n1 recommendation.\n\n"
				      "| Id | Decision | Status | Priority | Changed | Title or text |\n"
				      "|---|---|---|---|---|---|\n"
				      "| R-1 | approved | complete | P2 | 2026-11-23 | One |\n");
	sb_reset(&out);
	rv_export_markdown(t.m, NULL, 0, "none", &out);
	assert_string_equal(out.data, "# none\n\n0 recommendations.\n\n"
				      "| Id | Decision | Status | Priority | Changed | Title or text |\n"
				      "|---|---|---|---|---|---|\n");
	sb_free(&out);
	ts_close(&t);
}

/* Exported CSV parses back to the header of recommendations.csv and the same cells. */
static void check_csv_export(const struct rv_model *m, const uint32_t *recs, size_t n)
{
	struct strbuf out;
	sb_init(&out);
	rv_export_csv(m, recs, n, &out);
	struct parsed p;
	parse_mem(&p, out.data, out.len);
	assert_int_equal(p.st, RV_OK);
	const struct csv_table *t = &m->tables[RV_RECS].csv;
	assert_int_equal(p.t.ncols, t->ncols);
	for (size_t c = 0; c < t->ncols; c++)
		assert_bytes("header", p.t.header[c].ptr, p.t.header[c].len, t->header[c].ptr, t->header[c].len);
	assert_int_equal(p.t.nrows, n);
	for (size_t i = 0; i < n; i++) {
		uint32_t row = m->recs[recs[i]].row;
		size_t nf = t->rows[row].nfields > t->ncols ? t->rows[row].nfields : t->ncols;
		assert_int_equal(p.t.rows[i].nfields, nf);
		int status_col = rv_field_column_number(m, RV_RECS, REC_STATUS) - 1;
		for (size_t c = 0; c < nf; c++) {
			struct csv_cell want = csv_cell_at(t, row, c);
			/* an empty status cell is exported with the status the history gives */
			const char *derived = rv_status_name(rv_rec_status(m, recs[i], RV_DATE_NONE));
			if (!want.len && (int)c == status_col) {
				assert_cell_eq(&p.t, i, c, derived, strlen(derived));
				continue;
			}
			/* a cell a spreadsheet would run ("- (Phase I) …") is defused */
			struct strbuf defused;
			sb_init(&defused);
			rv_defuse_formula(&defused, want.ptr, want.len);
			assert_cell_eq(&p.t, i, c, defused.len ? defused.data : "", defused.len);
			sb_free(&defused);
		}
	}
	parsed_free(&p);
	sb_free(&out);
}

static void test_export_csv(void **state)
{
	(void)state;
	const char *ds = bundled_copy("ds");
	struct ts t;
	ts_open(&t, ds, false);
	uint32_t recs[] = {(uint32_t)rec_of(t.m, "SSR2-5.4"), (uint32_t)rec_of(t.m, "SSR1-1"),
			   (uint32_t)rec_of(t.m, "SSR1-3")};
	check_csv_export(t.m, recs, 3);

	/* the first line is recommendations.csv's header line */
	struct strbuf out;
	sb_init(&out);
	rv_export_csv(t.m, recs, 1, &out);
	char *file = slurp(in_root("ds", "recommendations.csv"));
	size_t hl = (size_t)(strchr(file, '\n') - file) + 1;
	assert_true(out.len > hl);
	assert_memory_equal(out.data, file, hl);
	free(file);
	sb_free(&out);

	/* every recommendation, after a change */
	assert_true(rv_change_status(&t.s, recs[0], "complete", NULL, NULL));
	uint32_t *all = xcalloc(t.m->nrecs, sizeof(*all));
	for (size_t i = 0; i < t.m->nrecs; i++)
		all[i] = (uint32_t)i;
	check_csv_export(t.m, all, t.m->nrecs);
	free(all);
	ts_close(&t);

	/* short and long rows, quotes, line breaks (formulas: test_export.c) */
	const char *sm = in_root("rag", NULL);
	assert_int_equal(mkdir(sm, 0755), 0);
	put_file(in_root("rag", "recommendations.csv"), "id,title,text\n"
							"A-1,\"a \"\"quoted\"\" title\",\"two\nlines\"\n"
							"A-2\n"
							"A-3,1+2,x,extra\n");
	ts_open(&t, sm, false);
	uint32_t three[] = {2, 1, 0};
	check_csv_export(t.m, three, 3);
	sb_init(&out);
	rv_export_csv(t.m, three, 3, &out);
	assert_string_equal(out.data, "id,title,text\nA-3,1+2,x,extra\nA-2,,\nA-1,\"a \"\"quoted\"\" title\",\"two\nlines\"\n");
	sb_free(&out);
	ts_close(&t);
}

/* ---- a larger data set: 2,000 recommendations, 200 random changes, 200 undos ---- */

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

#define BIG_RECS 2000

static void write_big_data_set(void)
{
	static const char *const statuses[] = {"", "not started", "in planning", "in progress", "behind schedule",
					       "complete", "Done", "\xE2\x88\x9A"};
	static const char *const decisions[] = {"", "pending", "approved", "rejected", "adopted"};
	struct strbuf recs, hist, dels, notes, agenda;
	sb_init(&recs);
	sb_init(&hist);
	sb_init(&dels);
	sb_init(&notes);
	sb_init(&agenda);
	sb_adds(&recs, "id,review,number,title,text,decision,status,priority,source,extra\n");
	sb_adds(&hist, "rec_id,date,decision,status,source,note\n");
	sb_adds(&dels, "rec_id,description,due,status\n");
	sb_adds(&notes, NOTES_HEADER);
	sb_adds(&agenda, AGENDA_HEADER);
	for (uint32_t i = 0; i < BIG_RECS; i++) {
		uint32_t review = i / 500 + 1, number = i % 500 + 1;
		sb_addf(&recs, "G%u-%u,G%u,%u,", review, number, review, number);
		switch (rnd(4)) {
		case 0:
			sb_addf(&recs, "\"Title, %u\",", i);
			break;
		case 1:
			sb_addf(&recs, "\"a \"\"quoted\"\" %u\",", i);
			break;
		default:
			sb_addf(&recs, "Title %u,", i);
		}
		if (rnd(10) == 0)
			sb_adds(&recs, "\"Text over\ntwo lines\",");
		else
			sb_addf(&recs, "Text of %u,", i);
		/* the first review keeps its state in the history only, as SSR1 does */
		sb_addf(&recs, "%s,%s,", review == 1 ? "" : decisions[rnd(5)], review == 1 ? "" : statuses[rnd(8)]);
		uint32_t p = rnd(6);
		if (p >= 1 && p <= 4)
			sb_addf(&recs, "P%u", p);
		if (rnd(50) == 0)
			sb_adds(&recs, ",src\n"); /* a short row */
		else
			sb_addf(&recs, ",src,%s\n", rnd(3) ? "" : "x");
		for (uint32_t h = rnd(4); h > 0; h--)
			sb_addf(&hist, "G%u-%u,20%02u-%02u-%02u,%s,%s,src,%s\n", review, number, 10 + rnd(15), 1 + rnd(12),
				1 + rnd(28), decisions[rnd(5)], statuses[rnd(8)], rnd(5) ? "" : "\"a, note\"");
		for (uint32_t d = rnd(3); d > 0; d--)
			sb_addf(&dels, "G%u-%u,Deliverable,2027-01-01,%s\n", review, number, statuses[rnd(8)]);
		if (rnd(20) == 0)
			sb_addf(&notes, "G%u-%u,2026-01-01T10:00:00,bob,old note %u\n", review, number, i);
		if (i % 400 == 7)
			sb_addf(&agenda, "G%u-%u,2026-01-01T10:00:00,bob,\n", review, number);
	}
	sb_adds(&hist, "G9-1,2020-01-01,,complete,src,unknown recommendation\n");
	put_file(in_root("big", "recommendations.csv"), recs.data);
	put_file(in_root("big", "status_history.csv"), hist.data);
	put_file(in_root("big", "deliverables.csv"), dels.data);
	put_file(in_root("big", "notes.csv"), notes.data);
	put_file(in_root("big", "agenda.csv"), agenda.data);
	sb_free(&recs);
	sb_free(&hist);
	sb_free(&dels);
	sb_free(&notes);
	sb_free(&agenda);
}

static void random_change(struct rv_session *s)
{
	static const char *const statuses[] = {"not started", "in planning", "in progress", "behind schedule",
					       "complete", "done", "ongoing"};
	static const char *const decisions[] = {"pending", "approved", "rejected", "on hold"};
	static const char *const priorities[] = {"P1", "P2", "P3", "P4", "", "p2", "4"};
	static const char *const notes[] = {"short", "=formula()", "with, comma", "with \"quotes\"", "two\nlines",
					    "-minus", " padded "};
	for (;;) {
		size_t rec = rnd(BIG_RECS);
		char date[16];
		snprintf(date, sizeof(date), "20%02u-%02u-%02u", 10 + rnd(17), 1 + rnd(12), 1 + rnd(28));
		bool ok;
		switch (rnd(7)) {
		case 0:
			ok = rv_change_status(s, rec, statuses[rnd(7)], rnd(2) ? notes[rnd(7)] : NULL, rnd(2) ? date : NULL);
			break;
		case 1:
			ok = rv_change_decision(s, rec, decisions[rnd(4)], rnd(2) ? notes[rnd(7)] : NULL, rnd(2) ? date : NULL);
			break;
		case 2:
			ok = rv_change_priority(s, rec, priorities[rnd(7)]);
			break;
		case 3:
			ok = rv_add_note(s, rec, notes[rnd(7)]);
			break;
		case 4:
			ok = rv_agenda_toggle(s, rec);
			break;
		default: {
			if (s->nagenda < 2)
				continue;
			size_t at = rnd((uint32_t)s->nagenda);
			int delta = at == 0 ? 1 : at + 1 == s->nagenda ? -1 : rnd(2) ? 1 : -1;
			ok = rv_agenda_move(s, s->agenda[at].rec, delta);
		}
		}
		if (!ok)
			print_error("random change refused: %s\n", s->error);
		assert_true(ok);
		return;
	}
}

static void test_large_random_changes_undone(void **state)
{
	(void)state;
	const char *ds = in_root("big", NULL);
	assert_int_equal(mkdir(ds, 0755), 0);
	rng_state = 0x9E3779B97F4A7C15ULL;
	write_big_data_set();
	struct snap orig, after;
	snap_take(&orig, ds);
	struct ts t;
	ts_open(&t, ds, false);
	assert_int_equal(t.m->nrecs, BIG_RECS);
	/* fsync makes no difference to what is written, only to how long 600 saves take */
	struct rv_save_ops fast = rv_save_system_ops;
	fast.fsync = no_fsync;
	t.s.ops = &fast;

	for (int i = 0; i < 200; i++) {
		char clock[32];
		snprintf(clock, sizeof(clock), "2026-11-%02dT%02d:%02d:00", 23 + i / 100, 8 + i / 60 % 10, i % 60);
		setenv("RECVIEW_NOW", clock, 1);
		random_change(&t.s);
		assert_false(rv_session_has_unsaved(&t.s));
		if (i % 50 == 49) {
			assert_model_matches_disk(t.m, false);
			assert_agenda_matches_disk(&t.s);
		}
	}
	snap_take(&after, ds);
	for (int i = 0; i < 200; i++) {
		if (!rv_undo(&t.s))
			print_error("undo %d: %s\n", i, t.s.error);
		if (i % 50 == 49)
			assert_model_matches_disk(t.m, false);
	}
	assert_dir_is2(ds, &orig, true, "200 changes undone");
	assert_model_matches_disk(t.m, false);
	assert_agenda_matches_disk(&t.s);

	for (int i = 0; i < 200; i++)
		assert_true(rv_redo(&t.s));
	assert_dir_is(ds, &after, "200 changes redone");
	assert_model_matches_disk(t.m, false);
	assert_agenda_matches_disk(&t.s);

	ts_close(&t);
	snap_free(&orig);
	snap_free(&after);
}

/* Background saving: the change returns at once, the thread writes; a change made while it writes
 * goes out next; a conflict found by the thread writes nothing. */
static void test_async_saving(void **state)
{
	(void)state;
	const char *ds = small_copy("sm");
	const char *hist_path = in_root("sm", "status_history.csv");
	struct rv_model *m = load_model(ds);
	struct rv_session s;
	rv_session_open(&s, m, "tester", false);
	s.async = true;

	assert_true(rv_change_status(&s, rec_of(m, "R-1"), "complete", "first", NULL));
	assert_true(rv_add_note(&s, rec_of(m, "R-1"), "while it writes"));
	rv_session_wait(&s);
	assert_false(rv_session_busy(&s));
	assert_false(rv_session_has_unsaved(&s));
	assert_true(s.finished_ok);
	char *want = concat(small_history, "R-1,2026-11-23,,complete,recview: tester,first\n");
	assert_file_is(hist_path, want);
	assert_file_is(in_root("sm", "notes.csv"), NOTES_HEADER "R-1,2026-11-23T14:05:00,tester,while it writes\n");
	assert_model_matches_disk(m, true);

	/* Someone else writes the history file: the thread's save of the next change finds it. */
	FILE *f = fopen(hist_path, "a");
	assert_non_null(f);
	fputs("R-10,2026-11-22,,complete,someone else,\n", f);
	assert_int_equal(fclose(f), 0);
	char *theirs = concat(want, "R-10,2026-11-22,,complete,someone else,\n");
	assert_true(rv_change_status(&s, rec_of(m, "R-2"), "in progress", NULL, NULL));
	while (!rv_session_poll(&s))
		;
	assert_false(s.finished_ok);
	assert_true(s.conflict);
	assert_true(rv_session_has_unsaved(&s));
	assert_file_is(hist_path, theirs);

	rv_session_free(&s);
	free_model(m);
	free(want);
	free(theirs);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int run_triage_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(test_status_change_writes_the_row_and_the_history),
		T(test_status_change_fills_an_empty_status_column),
		T(test_status_change_with_an_earlier_date),
		T(test_backdated_change_keeps_its_place),
		T(test_changes_refused_change_nothing),
		T(test_decision_change),
		T(test_priority_change),
		T(test_priority_without_a_column_is_refused),
		T(test_status_without_history_file_or_column),
		T(test_changes_refused_when_the_files_cannot_hold_them),
		T(test_changes_keep_line_breaks_and_bom),
		T(test_notes_create_then_append),
		T(test_notes_append_to_an_existing_file),
		T(test_agenda_toggle_move_and_reopen),
		T(test_agenda_file_as_written_by_hand),
		T(test_undo_redo_every_kind),
		T(test_undo_everything_exactly),
		T(test_open_and_close_changes_nothing),
		T(test_read_only_when_asked),
		T(test_read_only_directory),
		T(test_save_failure_keeps_the_change),
		T(test_save_failure_of_a_new_file),
		T(test_conflict_then_reload),
		T(test_reload_after_earlier_saved_changes),
		T(test_async_saving),
		T(test_conflict_in_recommendations),
		T(test_save_to_another_directory),
		T(test_minutes),
		T(test_minutes_escape_everything),
		T(test_export_markdown),
		T(test_export_csv),
		T(test_large_random_changes_undone),
	};
	return cmocka_run_group_tests_name("triage", tests, NULL, NULL);
}
