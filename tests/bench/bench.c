/*
 * bench.c - load time and peak memory of a data set: `bench DIR [REPEAT]`.
 *
 * Three measurements, each against the same CSV files of DIR:
 *   bare parse  read every file into memory and run libcsv over the whole buffer with callbacks that
 *               only count (CSV_STRICT | CSV_STRICT_FINI, libcsv's defaults otherwise): the floor
 *               that any loader built on libcsv pays. Reading is included, as the loader reads too.
 *   load        rv_model_load + rv_model_free.
 *   peak RSS    ru_maxrss of a forked child that loads the data set, and of one that only reads the
 *               files and does the bare parse (the baseline: the files in memory plus the process).
 * Times are wall clock (CLOCK_MONOTONIC), best of REPEAT alternated runs after one untimed warm-up run.
 * MB are 10^6 bytes. The line printed ends with the loader's problem counts; any error fails the run
 * (exit 1), as the generated data sets are meant to load cleanly.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "recview/model.h"

#define MB 1e6

/* The files of a data set, in the order rv_model_load reads them (enum rv_kind). */
#define NFILES RV_KIND_COUNT

struct file_buf {
	char *data;
	size_t size;
	bool present;
};

struct counts {
	size_t fields; /* fields seen by libcsv, header included */
	size_t rows;   /* rows seen by libcsv, header included */
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "bench: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	exit(1);
}

static char *path_of(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *p = malloc(n);
	if (!p)
		die("%s", "out of memory");
	snprintf(p, n, "%s/%s", dir, file);
	return p;
}

/* Reads one file whole; an absent optional file is not present. */
static void read_file(const char *dir, enum rv_kind kind, struct file_buf *fb)
{
	const struct rv_kind_def *def = rv_kind_def(kind);
	char *path = path_of(dir, def->file);
	memset(fb, 0, sizeof(*fb));
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		if (errno == ENOENT && !def->required) {
			free(path);
			return;
		}
		die("cannot open %s", path);
	}
	struct stat st;
	if (fstat(fd, &st) != 0)
		die("cannot stat %s", path);
	fb->data = malloc((size_t)st.st_size + 1);
	if (!fb->data)
		die("%s", "out of memory");
	size_t len = 0;
	while (len < (size_t)st.st_size) {
		ssize_t n = read(fd, fb->data + len, (size_t)st.st_size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("read error on %s", path);
		len += (size_t)n;
	}
	close(fd);
	fb->data[len] = '\0';
	fb->size = len;
	fb->present = true;
	free(path);
}

static void read_all(const char *dir, struct file_buf fb[NFILES])
{
	for (int k = 0; k < NFILES; k++)
		read_file(dir, (enum rv_kind)k, &fb[k]);
}

static void free_all(struct file_buf fb[NFILES])
{
	for (int k = 0; k < NFILES; k++)
		free(fb[k].data);
}

static void count_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void count_row(int term, void *data)
{
	(void)term;
	((struct counts *)data)->rows++;
}

/*
 * The loader keeps spaces around unquoted fields, which libcsv only does through a per-character
 * callback: the bare parse is timed both with libcsv's defaults and with that callback.
 */
static bool keep_spaces;

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* libcsv over one whole buffer. */
static void bare_parse(const struct file_buf *fb, const char *name, struct counts *c)
{
	struct csv_parser p;
	memset(c, 0, sizeof(*c));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die("%s", "csv_init failed");
	if (keep_spaces)
		csv_set_space_func(&p, no_space);
	if (csv_parse(&p, fb->data, fb->size, count_field, count_row, c) != fb->size)
		die("libcsv cannot parse %s", name);
	if (csv_fini(&p, count_field, count_row, c) != 0)
		die("libcsv cannot parse the end of %s", name);
	csv_free(&p);
}

/* One bare run: read and parse every file, all of them in memory at once as the loader keeps them. */
static void bare_run(const char *dir, struct counts cnt[NFILES])
{
	struct file_buf fb[NFILES];
	read_all(dir, fb);
	for (int k = 0; k < NFILES; k++)
		if (fb[k].present)
			bare_parse(&fb[k], rv_kind_def((enum rv_kind)k)->file, &cnt[k]);
	free_all(fb);
}

static int child_bare(const char *dir)
{
	struct counts cnt[NFILES];
	bare_run(dir, cnt);
	return 0;
}

static int child_load(const char *dir)
{
	struct rv_model m;
	enum rv_result res = rv_model_load(&m, dir);
	int bad = res != RV_OK || m.diags.errors != 0;
	rv_model_free(&m);
	return bad;
}

/* Peak RSS in bytes of a child that runs fn. Called before the parent holds any data set. */
static double child_peak(int (*fn)(const char *), const char *dir)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		die("%s", "fork failed");
	if (pid == 0)
		_exit(fn(dir));
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			die("%s", "wait4 failed");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("a measuring child failed on %s", dir);
	return (double)ru.ru_maxrss * 1024.0; /* Linux: KiB */
}

/* The loader's problems: counted, the first ones printed. Returns the number of errors. */
static size_t check_diags(const struct rv_model *m)
{
	const struct diag_list *dl = &m->diags;
	if (dl->errors || dl->warnings) {
		struct strbuf sb;
		sb_init(&sb);
		for (size_t i = 0; i < dl->n && i < 20; i++) {
			sb_reset(&sb);
			diag_format(&dl->items[i], &sb);
			fprintf(stderr, "  %s\n", sb.data);
		}
		if (dl->n > 20)
			fprintf(stderr, "  ... %zu more\n", dl->n - 20);
		sb_free(&sb);
	}
	return dl->errors;
}

/* The loader must see what libcsv sees: the same rows and the same fields in every file. */
static void check_counts(const struct rv_model *m, const struct counts cnt[NFILES])
{
	for (int k = 0; k < NFILES; k++) {
		const struct rv_table *t = &m->tables[k];
		if (!t->present)
			continue;
		if (t->csv.nrows + 1 != cnt[k].rows || t->csv.ncells != cnt[k].fields) {
			fprintf(stderr, "bench: %s: libcsv saw %zu rows, %zu fields; the loader %zu rows, %zu fields\n",
				rv_kind_def((enum rv_kind)k)->file, cnt[k].rows, cnt[k].fields, t->csv.nrows + 1,
				t->csv.ncells);
			exit(1);
		}
	}
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench DIR [REPEAT]\n");
		return 2;
	}
	const char *dir = argv[1];
	int repeat = 5;
	if (argc == 3) {
		char *end;
		long r = strtol(argv[2], &end, 10);
		if (*end || end == argv[2] || r < 1 || r > 1000) {
			fprintf(stderr, "bench: REPEAT must be 1 to 1000\n");
			return 2;
		}
		repeat = (int)r;
	}

	/* Memory first, while this process is small: a forked child starts with our pages. */
	double rss_bare = child_peak(child_bare, dir);
	double rss_load = child_peak(child_load, dir);

	size_t file_bytes = 0;
	{
		struct file_buf fb[NFILES];
		read_all(dir, fb);
		for (int k = 0; k < NFILES; k++)
			file_bytes += fb[k].size;
		free_all(fb);
	}

	/* Warm-up runs that also check what loaded. */
	struct counts cnt[NFILES] = {{0, 0}};
	bare_run(dir, cnt);
	struct rv_model m;
	if (rv_model_load(&m, dir) != RV_OK) {
		check_diags(&m);
		rv_model_free(&m);
		fprintf(stderr, "bench: %s: the data set did not load\n", dir);
		return 1;
	}
	size_t nrecs = m.nrecs, errors = check_diags(&m), warnings = m.diags.warnings;
	check_counts(&m, cnt);
	rv_model_free(&m);
	if (errors) {
		fprintf(stderr, "bench: %s: %zu errors, %zu warnings\n", dir, errors, warnings);
		return 1;
	}

	/* Alternated, so that both see the same machine when something else runs beside us. */
	double best_bare = 1e300, best_spaces = 1e300, best_load = 1e300;
	for (int i = 0; i < repeat; i++) {
		double t0 = now_ms();
		keep_spaces = false;
		bare_run(dir, cnt);
		double t1 = now_ms();
		keep_spaces = true;
		bare_run(dir, cnt);
		double t2 = now_ms();
		rv_model_load(&m, dir);
		rv_model_free(&m);
		double t3 = now_ms();
		if (t1 - t0 < best_bare)
			best_bare = t1 - t0;
		if (t2 - t1 < best_spaces)
			best_spaces = t2 - t1;
		if (t3 - t2 < best_load)
			best_load = t3 - t2;
	}

	printf("%7zu recs  files %6.1f MB  bare parse %7.1f ms (keeping spaces %7.1f ms)  load %7.1f ms (%.2fx; %.2fx)  "
	       "peak RSS %6.1f MB (%.2fx files)  bare RSS %6.1f MB (%.2fx)  %zu errors, %zu warnings\n",
	       nrecs, (double)file_bytes / MB, best_bare, best_spaces, best_load, best_load / best_bare,
	       best_load / best_spaces, rss_load / MB, rss_load / (double)file_bytes, rss_bare / MB,
	       rss_bare / (double)file_bytes, errors, warnings);
	return 0;
}
