/* activity_cli.c - "recview [-C DIR] log": every change the data set records, one line each (activity.h). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "recview/activity.h"
#include "recview/cli.h"
#include "recview/date.h"
#include "recview/diag.h"
#include "recview/report.h"

void cli_log_usage(FILE *out)
{
	fputs("usage: recview [-C DIR] log [--since DATE] [--author NAME] [--filter EXPR] [DIR]\n"
	      "\n"
	      "Every change recorded in the data set, newest first: status and decision rows of the\n"
	      "history, notes, the agenda, and the changes of changes.csv (owners, priorities,\n"
	      "deliverables, answers, notes amended or retracted). One tab-separated line each:\n"
	      "date, author, id, item, kind, old value, new value, note.\n"
	      "\n"
	      "      --since DATE  only those on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"
	      "      --author NAME only those whose author contains NAME\n"
	      "      --filter EXPR the log's filter: author:NAME changed:>DATE item:ID kind:KIND words\n"
	      "  -C DIR            the data set\n"
	      "  -h, --help        show this help\n",
	      out);
}

static void say(const char *fmt, const char *s)
{
	cli_say_quoted("log", fmt, s);
}

struct log_options {
	const char *dir, *since, *author, *filter;
	bool help;
};

static bool parse_log(int argc, char **argv, struct log_options *o)
{
	static const struct option longopts[] = {
		{"since", required_argument, NULL, 's'}, {"author", required_argument, NULL, 'a'},
		{"filter", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, ":C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			o->since = optarg;
			break;
		case 'a':
			o->author = optarg;
			break;
		case 'f':
			o->filter = optarg;
			break;
		case 'C':
			o->dir = optarg;
			break;
		case 'h':
			o->help = true;
			return true;
		case ':':
			say("option %s needs a value", argv[optind - 1]);
			return false;
		default:
			say("unknown option %s", argv[optind - 1]);
			return false;
		}
	}
	if (optind < argc && !o->dir)
		o->dir = argv[optind++];
	if (optind < argc) {
		say("one data set directory at most (%s is one too many)", argv[optind]);
		return false;
	}
	return true;
}

/* The filter the options make; NULL with the reason said. */
static struct rv_activity_filter *make_filter(const struct log_options *o)
{
	char err[512];
	struct rv_activity_filter *f = rv_activity_filter_parse(o->filter ? o->filter : "", err, sizeof(err));
	if (!f) {
		say("--filter %s: ", o->filter);
		fprintf(stderr, "  %s\n", err);
		return NULL;
	}
	if (o->since) {
		int32_t d;
		char ge[64];
		snprintf(ge, sizeof(ge), ">=%.40s", o->since);
		if (strlen(o->since) > 40 || rv_date_parse(o->since, strlen(o->since), &d) != RV_DATE_OK ||
		    !rv_activity_filter_add(f, "changed", ge, err, sizeof(err))) {
			say("--since takes a date (YYYY-MM-DD, YYYY-MM or YYYY), not %s", o->since);
			rv_activity_filter_free(f);
			return NULL;
		}
	}
	if (o->author && !rv_activity_filter_add(f, "author", o->author, err, sizeof(err))) {
		say("--author %s: ", o->author);
		fprintf(stderr, "  %s\n", err);
		rv_activity_filter_free(f);
		return NULL;
	}
	return f;
}

int cli_run_log(int argc, char **argv, const char *dir, const char *argv0)
{
	struct log_options o = {.dir = dir};
	if (!parse_log(argc, argv, &o)) {
		cli_log_usage(stderr);
		return EXIT_ERRORS;
	}
	if (o.help) {
		cli_log_usage(stdout);
		return EXIT_CLEAN;
	}
	struct rv_activity_filter *f = make_filter(&o);
	if (!f)
		return EXIT_ERRORS;
	struct cli_options opt;
	memset(&opt, 0, sizeof(opt));
	opt.dir = o.dir;
	const char *data = cli_data_dir(&opt, argv0);
	struct rv_model m;
	if (rv_model_load(&m, data) != RV_OK) {
		report_diagnostics(&m.diags, stderr);
		say("no data set could be loaded from %s", data);
		rv_model_free(&m);
		rv_activity_filter_free(f);
		return EXIT_ERRORS;
	}
	struct rv_activity *e;
	size_t n = rv_activity_build(&m, &e);
	struct strbuf line;
	sb_init(&line);
	for (size_t i = 0; i < n; i++) {
		if (!rv_activity_match(f, &m, &e[i]))
			continue;
		sb_reset(&line);
		rv_activity_line(&m, &e[i], &line);
		sb_addc(&line, '\n');
		if (fwrite(line.data, 1, line.len, stdout) != line.len)
			break;
	}
	sb_free(&line);
	free(e);
	rv_activity_filter_free(f);
	rv_model_free(&m);
	return EXIT_CLEAN;
}
