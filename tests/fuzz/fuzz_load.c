/*
 * fuzz_load.c - libFuzzer target for the CSV reader, the loader and the plain-text report (make fuzz).
 *
 * Each input is
 *   1. parsed as recommendations.csv by csv_table_parse, every cell and position read back;
 *   2. written to a scratch data-set directory as recommendations.csv and, the same bytes, as
 *      status_history.csv, so that a file whose header names both kinds of columns links its rows to
 *      themselves; then loaded with rv_model_load;
 *   3. printed: report_show of the first recommendation (at two widths), report_summary and
 *      report_diagnostics, into an open_memstream buffer. Everything printed from a file must be
 *      sanitised, so the output may hold no byte below 0x20 but '\n', and no 0x7F: abort() if it does.
 * ASan/UBSan and the leak checker catch the rest.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/csvread.h"
#include "recview/save.h"
#include "recview/strbuf.h"
#include "recview/model.h"
#include "recview/report.h"
#include "recview/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char scratch_dir[4096];
static char rec_path[4200];
static char hist_path[4200];

static void remove_scratch(void)
{
	unlink(rec_path);
	unlink(hist_path);
	rmdir(scratch_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	text_init();
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	snprintf(scratch_dir, sizeof(scratch_dir), "%s/recview-fuzz-XXXXXX", tmp);
	if (!mkdtemp(scratch_dir)) {
		fprintf(stderr, "fuzz_load: mkdtemp %s: %s\n", scratch_dir, strerror(errno));
		abort();
	}
	snprintf(rec_path, sizeof(rec_path), "%s/recommendations.csv", scratch_dir);
	snprintf(hist_path, sizeof(hist_path), "%s/status_history.csv", scratch_dir);
	atexit(remove_scratch);
	return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		fprintf(stderr, "fuzz_load: %s: %s\n", path, strerror(errno));
		abort();
	}
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "fuzz_load: write %s: %s\n", path, strerror(errno));
			abort();
		}
		done += (size_t)n;
	}
	close(fd);
}

/* Printed text may hold line breaks but no other control character. */
static void check_output(const char *what, const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		if ((c < 0x20 && c != '\n') || c == 0x7F) {
			size_t from = i > 40 ? i - 40 : 0;
			fprintf(stderr, "fuzz_load: %s printed byte 0x%02X at offset %zu, after: ", what, c, i);
			for (size_t k = from; k < i; k++)
				fprintf(stderr, (unsigned char)buf[k] < 0x20 || buf[k] == 0x7F ? "\\x%02X" : "%c",
					(unsigned char)buf[k]);
			fprintf(stderr, "\n");
			abort();
		}
	}
}

/* Reads back every cell of a table the way the views do, so a bad offset or length shows up. */
static void walk_table(const struct csv_table *t)
{
	volatile unsigned sink = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		const struct csv_cell h = t->header[c];
		for (uint32_t k = 0; k < h.len; k++)
			sink += (unsigned char)h.ptr[k];
	}
	for (size_t r = 0; r < t->nrows; r++) {
		size_t n = t->rows[r].nfields > t->ncols ? t->rows[r].nfields : t->ncols;
		for (size_t c = 0; c <= n; c++) {
			struct csv_cell cell = csv_cell_at(t, r, c);
			for (uint32_t k = 0; k < cell.len; k++)
				sink += (unsigned char)cell.ptr[k];
			uint32_t line, col;
			csv_table_position(t, cell.raw_off, &line, &col);
			sink += line + col;
		}
	}
	(void)sink;
}

/* Output of one report into memory, checked. */
struct capture {
	char *buf;
	size_t len;
	FILE *f;
};

static void capture_open(struct capture *cap)
{
	cap->buf = NULL;
	cap->len = 0;
	cap->f = open_memstream(&cap->buf, &cap->len);
	if (!cap->f)
		abort();
}

static void capture_close(struct capture *cap, const char *what)
{
	if (fclose(cap->f) != 0)
		abort();
	check_output(what, cap->buf, cap->len);
	free(cap->buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* 1. The CSV reader alone. */
	struct diag_list dl;
	struct csv_table t;
	diag_list_init(&dl);
	if (csv_table_parse(&t, "recommendations.csv", (const char *)data, size, &dl) == RV_OK) {
		walk_table(&t);
		/* Saved without a change, in its own encoding and separator, a file gives back its bytes. */
		struct strbuf out;
		sb_init(&out);
		csv_table_serialize(&t, &out);
		size_t bad;
		if (!t.lossy && (!csv_table_encode_text(&t, &out, &bad) || out.len != size ||
				 (size && memcmp(out.data, data, size) != 0))) {
			fprintf(stderr, "fuzz_load: written back, %zu bytes differ from the %zu read (%s, separator 0x%02X)\n",
				out.len, size, rv_encoding_name(t.encoding), (unsigned)(unsigned char)csv_table_delim(&t));
			abort();
		}
		sb_free(&out);
		csv_table_free(&t);
	}
	diag_list_free(&dl);

	/* 2. A data set of these bytes. */
	write_file(rec_path, data, size);
	write_file(hist_path, data, size);
	struct rv_model m;
	enum rv_result res = rv_model_load(&m, scratch_dir);

	/* 3. What the command line prints of it. */
	struct capture cap;
	if (res == RV_OK && m.nrecs > 0) {
		capture_open(&cap);
		report_show(&m, 0, 80, cap.f);
		capture_close(&cap, "report_show (width 80)");
		capture_open(&cap);
		report_show(&m, 0, 24, cap.f);
		capture_close(&cap, "report_show (width 24)");
	}
	if (res == RV_OK) {
		capture_open(&cap);
		report_summary(&m, cap.f);
		capture_close(&cap, "report_summary");
	}
	capture_open(&cap);
	report_diagnostics(&m.diags, cap.f);
	capture_close(&cap, "report_diagnostics");

	rv_model_free(&m);
	return 0;
}
