/* main.c - recview: load a data set, then check it, print one recommendation, or browse it. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/cli.h"
#include "recview/cli_triage.h"
#include "recview/sniff.h"
#include "recview/config.h"
#include "recview/draw.h"
#include "recview/export.h"
#include "recview/export_target.h"
#include "recview/handout.h"
#include "recview/keys.h"
#include "recview/model.h"
#include "recview/query.h"
#include "recview/report.h"
#include "recview/store.h"
#include "recview/summary.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/ui.h"

#ifndef RECVIEW_VERSION
#define RECVIEW_VERSION "0.1.0"
#endif

/* Why the first write to stdout failed, for the message at the end (a large fwrite bypasses the
 * buffer, so fflush cannot tell it again). */
static int stdout_errno;

static void put_stdout(const struct strbuf *sb)
{
	if (fwrite(sb->data, 1, sb->len, stdout) != sb->len && !stdout_errno)
		stdout_errno = errno;
}

static int output_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col > 120 ? 120 : ws.ws_col;
	return 80;
}

static int exit_code_for(const struct diag_list *dl)
{
	return dl->errors ? EXIT_ERRORS : dl->warnings ? EXIT_WARNINGS : EXIT_CLEAN;
}

/* The data set directory (or any text from outside), made safe to print: controls shown visibly. */
static char *safe_text(const char *s)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, s, strlen(s), 0);
	char *out = sb_detach(&sb);
	sb_free(&sb);
	return out;
}

/* Ids that contain what was asked, to help after a typo. */
static void suggest_ids(const struct rv_model *m, const char *id)
{
	size_t shown = 0, len = strlen(id);
	for (size_t i = 0; i < m->nrecs && shown < 8; i++) {
		struct rv_text c = rv_rec_field(m, i, REC_ID);
		for (size_t k = 0; len && k + len <= c.len; k++) {
			if (strncasecmp(c.ptr + k, id, len) == 0) {
				struct strbuf sb;
				sb_init(&sb);
				text_sanitize(&sb, c.ptr, c.len, 0);
				fprintf(stderr, "%s %s", shown ? "," : "recview: did you mean", sb.data);
				sb_free(&sb);
				shown++;
				break;
			}
		}
	}
	if (shown)
		fprintf(stderr, "?\n");
}

static int run_show(const struct rv_model *m, const char *id, int32_t as_of, enum rv_as_of_later later)
{
	long rec = rv_find_rec(m, id, strlen(id));
	if (rec < 0) {
		struct strbuf sb;
		sb_init(&sb);
		diag_quote(&sb, id, strlen(id), 40);
		char *dir = safe_text(m->dir);
		fprintf(stderr, "recview: no recommendation with id %s in %s\n", sb.data, dir);
		free(dir);
		sb_free(&sb);
		suggest_ids(m, id);
		return EXIT_ERRORS;
	}
	struct strbuf page;
	sb_init(&page);
	report_show_text_as_of(m, (size_t)rec, as_of, later, output_width(), &page);
	put_stdout(&page);
	sb_free(&page);
	if (m->diags.n)
		fprintf(stderr, "recview: the data set has %zu error(s) and %zu warning(s); see recview --check\n",
			m->diags.errors, m->diags.warnings);
	return EXIT_CLEAN;
}

/*
 * -o FILE: the export written to FILE atomically (export_target.h: never a file of the data set; a
 * symlink is followed and stays a link; a file already there is replaced, as the user named it).
 * false, with the reason on stderr, unless it is on disk.
 */
static bool write_output(const char *data_dir, const char *path, const struct strbuf *data)
{
	struct rv_export_target t;
	char why[1200];
	bool ok = rv_export_target_check(data_dir, path, &t, why, sizeof(why)) != RV_EXPORT_REFUSED &&
		  rv_export_target_write(&t, data->data ? data->data : "", data->len, NULL, why, sizeof(why));
	if (!ok) {
		char *safe = safe_text(why);
		fprintf(stderr, "recview: -o: %s\n", safe);
		free(safe);
	}
	rv_export_target_free(&t);
	return ok;
}

/* --list: one line per selected recommendation; a bad --filter or --sort is a usage error. */
static int run_list(const struct rv_model *m, const struct cli_options *opt, int32_t as_of)
{
	enum rv_sort_key key = RV_SORT_ID;
	bool reverse = false;
	if (opt->sort && !rv_sort_parse(opt->sort, &key, &reverse)) {
		struct strbuf quoted;
		sb_init(&quoted);
		diag_quote(&quoted, opt->sort, strlen(opt->sort), 40);
		fprintf(stderr, "recview: --sort: unknown key %s (known:", quoted.data);
		sb_free(&quoted);
		for (int k = 0; k < RV_SORT_COUNT; k++)
			fprintf(stderr, "%s %s", k ? "," : "", rv_sort_name((enum rv_sort_key)k));
		fprintf(stderr, "; -KEY reverses)\n");
		return EXIT_ERRORS;
	}
	char err[1024];
	struct rv_query *q = NULL;
	if (opt->filter && !(q = rv_query_parse_model(opt->filter, m, err, sizeof(err)))) {
		/* The message may quote the expression as typed. */
		char *safe = safe_text(err);
		fprintf(stderr, "recview: --filter: %s\n", safe);
		free(safe);
		return EXIT_ERRORS;
	}
	uint32_t *order = xcalloc(m->nrecs + 1, sizeof(*order));
	size_t n = rv_query_select_as_of(m, q, as_of, key, reverse, order);
	struct strbuf line;
	sb_init(&line);
	enum rv_as_of_later later = rv_as_of_later_setting(opt->as_of_later);
	if (opt->action == CLI_EXPORT) {
		if (strncmp(opt->export_format, "slides", 6) == 0) {
			/* The agenda's items when there is one, narrowed by the filter (handout.h). */
			uint32_t *shown = xcalloc(n + 1, sizeof(*shown));
			size_t k = rv_handout_select(m, order, n, shown);
			if (strcmp(opt->export_format, "slides") == 0)
				rv_handout_markdown(m, shown, k, as_of, later, &line);
			else
				rv_handout_html(m, shown, k, as_of, later, &line);
			free(shown);
		} else if (strcmp(opt->export_format, "minutes") == 0)
			rv_file_minutes_as_of(m, opt->since, as_of, later, &line);
		else if (strcmp(opt->export_format, "csv") == 0)
			rv_export_csv_as_of(m, order, n, as_of, later, &line);
		else
			rv_export_markdown_as_of(m, order, n, opt->filter ? opt->filter : "Recommendations", as_of, later,
						 &line);
		if (opt->output && !write_output(m->dir, opt->output, &line)) {
			sb_free(&line);
			free(order);
			rv_query_free(q);
			return EXIT_OUTPUT;
		}
		if (!opt->output)
			put_stdout(&line);
	}
	for (size_t i = 0; opt->action == CLI_LIST && i < n; i++) {
		sb_reset(&line);
		rv_list_line_later(m, order[i], as_of, later == RV_AS_OF_DIM, &line);
		sb_addc(&line, '\n');
		put_stdout(&line);
	}
	sb_free(&line);
	free(order);
	rv_query_free(q);
	if (m->diags.n)
		fprintf(stderr, "recview: the data set has %zu error(s) and %zu warning(s); see recview --check\n",
			m->diags.errors, m->diags.warnings);
	return EXIT_CLEAN;
}

/* ASCII glyphs and patterns: --ascii, or a locale that is not UTF-8 (as the browser decides). */
static bool output_ascii(const struct cli_options *opt)
{
	const char *enc = nl_langinfo(CODESET);
	return opt->ascii || !enc || strcmp(enc, "UTF-8") != 0;
}

/* --summary [--as-of DATE]: the counts as text, on stdout; topics grouped as the dashboard groups
 * them (topic-grouping in the config), bars in the dashboard's patterns. */
static int run_summary(const struct rv_model *m, const struct cli_options *opt, int32_t as_of)
{
	struct rv_summary s;
	struct strbuf sb, dir;
	sb_init(&sb);
	sb_init(&dir);
	text_sanitize(&dir, m->dir, strlen(m->dir), 0);
	sb_adds(&sb, "Data set: ");
	text_cut(&sb, dir.data, dir.len, output_width() - 10, false);
	sb_addc(&sb, '\n');
	if (opt->topic_grouping && strcmp(opt->topic_grouping, "off") == 0)
		rv_summary_build(m, as_of, &s);
	else
		rv_summary_build_grouped(m, as_of, &s);
	rv_summary_text_glyphs(&s, output_width(), output_ascii(opt), &sb);
	put_stdout(&sb);
	rv_summary_free(&s);
	sb_free(&dir);
	sb_free(&sb);
	return EXIT_CLEAN;
}

/* A save that a crash interrupted is completed or rolled back before the files are read. */
static void recover_store(const char *dir, char *said, size_t size)
{
	struct rv_store st;
	char err[512] = "";
	if (rv_store_open(&st, dir, NULL, true, err, sizeof(err)))
		snprintf(said, size, "%s", err[0] ? err : st.recovered);
	rv_store_close(&st);
}

/* Before the browser: a bad theme name stops it; configuration problems join the load problems (!). */
static bool config_and_theme_ok(const struct cli_options *opt, const struct diag_list *cfg_diags, struct rv_model *m)
{
	if (opt->theme && !draw_set_theme(opt->theme)) {
		struct strbuf quoted;
		sb_init(&quoted);
		diag_quote(&quoted, opt->theme, strlen(opt->theme), 40);
		fprintf(stderr, "recview: unknown theme %s (known: %s)\n", quoted.data, draw_theme_names());
		sb_free(&quoted);
		return false;
	}
	for (size_t i = 0; i < cfg_diags->n; i++) {
		const struct diag *d = &cfg_diags->items[i];
		diag_add(&m->diags, d->severity, d->file, d->line, d->col, "%s", d->msg);
	}
	return true;
}

/* A date option (--since, --as-of): YYYY-MM-DD, YYYY-MM or YYYY; anything else is a usage error. */
static bool date_option_ok(const char *name, const char *value, int32_t *date)
{
	if (rv_date_parse(value, strlen(value), date) == RV_DATE_OK)
		return true;
	struct strbuf quoted;
	sb_init(&quoted);
	diag_quote(&quoted, value, strlen(value), 40);
	fprintf(stderr, "recview: %s: %s is not a date (YYYY-MM-DD, YYYY-MM or YYYY)\n", name, quoted.data);
	sb_free(&quoted);
	return false;
}

/* What an action writes on stdout, as named when it cannot be written. */
static const char *output_name(const struct cli_options *opt)
{
	switch (opt->action) {
	case CLI_HELP:
		return "the help";
	case CLI_VERSION:
		return "the version";
	case CLI_CHECK:
		return "the check summary";
	case CLI_SHOW:
		return "the recommendation";
	case CLI_LIST:
		return "the list";
	case CLI_SUMMARY:
		return "the summary";
	case CLI_EXPORT:
		return strcmp(opt->export_format, "minutes") == 0 ? "the minutes"
		       : strcmp(opt->export_format, "csv") == 0  ? "the csv export"
								 : "the md export";
	case CLI_SNIFF:
		return "the sniff report";
	case CLI_MERGE_DRIVER:
		return "the merge driver's report";
	case CLI_GIT_SETUP:
		return "the git setup report";
	case CLI_TRIAGE:
		return "the changes made";
	case CLI_LOG:
		return "the log";
	case CLI_BROWSE:
		break;
	}
	return "the output";
}

/* A closed standard descriptor is opened read-only on /dev/null: a file opened later cannot take its
 * number (and get the output), and a write to it fails, so that it is reported like any other. */
static void fill_closed_descriptors(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
			(void)open("/dev/null", O_RDONLY);
}

/*
 * Standard output is flushed and closed before the exit, so that a write that failed (a full disk,
 * /dev/full, a closed stdout) is said on stderr and exits EXIT_OUTPUT instead of passing for success.
 * A broken pipe never gets here: SIGPIPE keeps its default and ends the process as usual. A failure
 * of stderr itself is counted the same, without a second attempt to say it.
 */
static int finish_output(int code, const char *what)
{
	bool failed = ferror(stdout) != 0;
	int err = stdout_errno;
	if (fflush(stdout) != 0) {
		failed = true;
		if (!err)
			err = errno;
	}
	if (fclose(stdout) != 0) {
		failed = true;
		if (!err)
			err = errno;
	}
	if (failed)
		fprintf(stderr, "recview: cannot write %s to standard output: %s\n", what,
			err ? strerror(err) : "a write failed");
	if (fflush(stderr) != 0 || ferror(stderr))
		failed = true;
	return failed && code < 128 ? EXIT_OUTPUT : code;
}

/* recview [-C DIR] sniff ...: argv[sub] is "sniff". */
static int run_sniff(int argc, char **argv, int sub, const char *dir, struct cli_options *opt)
{
	struct sniff_options so;
	memset(opt, 0, sizeof(*opt));
	opt->action = CLI_SNIFF;
	if (!cli_parse_sniff(argc - sub, argv + sub, dir, &so))
		return EXIT_ERRORS;
	if (so.help) {
		cli_sniff_usage(stdout);
		return EXIT_CLEAN;
	}
	if (!so.dir && !so.nfiles)
		so.dir = cli_data_dir(opt, argv[0]);
	return rv_sniff_run(&so, stdout);
}

static int run(int argc, char **argv, double start, struct cli_options *opt)
{
	const char *sub_dir;
	int sub = cli_subcommand(argc, argv, &sub_dir);
	if (sub && strcmp(argv[sub], "merge-driver") == 0) {
		memset(opt, 0, sizeof(*opt));
		opt->action = CLI_MERGE_DRIVER;
		return cli_merge_driver(argc - sub, argv + sub, stdout, stderr);
	}
	if (sub && strcmp(argv[sub], "git-setup") == 0) {
		memset(opt, 0, sizeof(*opt));
		opt->action = CLI_GIT_SETUP;
		return cli_git_setup(argc - sub, argv + sub, sub_dir, stdout, stderr);
	}
	if (sub && cli_triage_is_command(argv[sub])) {
		memset(opt, 0, sizeof(*opt));
		opt->action = CLI_TRIAGE;
		return cli_triage_main(argc - sub, argv + sub, sub_dir);
	}
	if (sub && strcmp(argv[sub], "log") == 0) {
		memset(opt, 0, sizeof(*opt));
		opt->action = CLI_LOG;
		return cli_run_log(argc - sub, argv + sub, sub_dir, argv[0]);
	}
	if (sub)
		return run_sniff(argc, argv, sub, sub_dir, opt);
	if (!cli_parse(argc, argv, opt))
		return EXIT_ERRORS;
	if (opt->action == CLI_HELP) {
		cli_usage(stdout);
		return EXIT_CLEAN;
	}
	if (opt->action == CLI_VERSION) {
		printf("recview %s\n", RECVIEW_VERSION);
		return EXIT_CLEAN;
	}
	int32_t as_of = RV_DATE_NONE, since = RV_DATE_NONE;
	static char since_text[16];
	if (opt->as_of && !date_option_ok("--as-of", opt->as_of, &as_of))
		return EXIT_ERRORS;
	if (opt->since) {
		if (!date_option_ok("--since", opt->since, &since))
			return EXIT_ERRORS;
		/* The minutes compare it as text: the canonical form, without the spaces a date may have. */
		rv_date_format(since, since_text, sizeof(since_text));
		opt->since = since_text;
	}

	opt->start_time = start;
	/* The configuration: theme, author, mouse, data set, key bindings. A bad line is said and skipped. */
	struct config cfg;
	struct diag_list cfg_diags;
	diag_list_init(&cfg_diags);
	char *cfg_path = config_default_path();
	config_load(&cfg, cfg_path, &cfg_diags, keys_request_exists);
	free(cfg_path);
	if (!opt->theme)
		opt->theme = cfg.theme;
	opt->author = cfg.author;
	opt->config_data = cfg.data;
	opt->hyperlinks = cfg.hyperlinks;
	opt->clipboard = cfg.clipboard;
	opt->topic_grouping = cfg.topic_grouping;
	opt->present = cfg.present;
	if (!opt->as_of_later) /* --as-of-later wins over the configuration */
		opt->as_of_later = cfg.as_of_later;
	if (!opt->big_text) /* --big-text wins over the configuration */
		opt->big_text = cfg.big_text;
	opt->minutes_file = cfg.minutes_file;
	opt->minutes_on_leave = cfg.minutes_on_leave && strcmp(cfg.minutes_on_leave, "yes") == 0;
	opt->config_path = cfg.path;
	for (size_t l = 0; l < sizeof(cfg.columns) / sizeof(*cfg.columns); l++) {
		opt->columns[l] = cfg.columns[l];
		opt->columns_line[l] = cfg.columns_line[l];
	}
	if (cfg.mouse == 1)
		opt->mouse = true;
	if (cfg.split >= 0)
		opt->split = cfg.split;
	opt->split_ratio = cfg.split_ratio;
	if (cfg.git_commit == 1 && !opt->read_only && opt->action == CLI_BROWSE)
		opt->commit = true;
	for (size_t i = 0; i < cfg.nbindings; i++) {
		if (!keys_bind(cfg.bindings[i].key, cfg.bindings[i].request)) {
			struct strbuf quoted;
			sb_init(&quoted);
			diag_quote(&quoted, cfg.bindings[i].key, strlen(cfg.bindings[i].key), 20);
			diag_add(&cfg_diags, DIAG_WARNING, cfg.path, cfg.bindings[i].line, 0, "cannot bind %s",
				 quoted.data);
			sb_free(&quoted);
		}
	}
	struct rv_model m;
	const char *dir = cli_data_dir(opt, argv[0]);
	if (opt->action == CLI_BROWSE && !opt->read_only)
		recover_store(dir, opt->recovered, sizeof(opt->recovered));
	if (opt->all)
		diag_set_keep_per_kind(0); /* --check --all: keep every problem */
	enum rv_result res = rv_model_load(&m, dir);
	if (opt->strict)
		diag_list_make_strict(&m.diags);

	int code;
	/* A missing column of recommendations.csv is one the browser can map (view_mapping.c). */
	bool mappable = opt->action == CLI_BROWSE && res == RV_E_UNREADABLE && rv_model_lacks_columns(&m);
	if (res == RV_E_UNREADABLE && !mappable) {
		report_diagnostics(&m.diags, stderr);
		char *safe = safe_text(dir);
		fprintf(stderr, "recview: no data set could be loaded from %s\n", safe);
		free(safe);
		code = EXIT_ERRORS;
	} else if (opt->action == CLI_BROWSE && !config_and_theme_ok(opt, &cfg_diags, &m)) {
		code = EXIT_ERRORS;
	} else if (opt->action == CLI_CHECK) {
		fflush(stdout);
		report_diagnostics(&m.diags, stderr);
		report_summary(&m, stdout);
		code = exit_code_for(&m.diags);
	} else if (opt->action == CLI_SHOW) {
		code = run_show(&m, opt->show_id, as_of, rv_as_of_later_setting(opt->as_of_later));
	} else if (opt->action == CLI_SUMMARY) {
		code = run_summary(&m, opt, as_of);
	} else if (opt->action == CLI_LIST || opt->action == CLI_EXPORT) {
		code = run_list(&m, opt, as_of);
	} else {
		code = ui_run(&m, opt);
	}
	rv_model_free(&m);
	config_free(&cfg);
	diag_list_free(&cfg_diags);
	return code;
}

int main(int argc, char **argv)
{
	struct cli_options opt;
	double start = rv_monotonic_seconds();
	fill_closed_descriptors();
	setlocale(LC_ALL, "");
	text_init();
	int code = run(argc, argv, start, &opt);
	return finish_output(code, output_name(&opt));
}
