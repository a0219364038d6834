/* cli.c - command-line parsing. */
#include "recview/cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/cli_triage.h"
#include "recview/diag.h"
#include "recview/sniff.h"

#ifndef RECVIEW_DATADIR
#define RECVIEW_DATADIR "/usr/local/share/recview/data"
#endif

void cli_usage(FILE *out)
{
	fputs("usage: recview [OPTIONS] [DIR]\n"
	      "       recview --check [--strict] [--all] [DIR]\n"
	      "       recview --show ID [--as-of DATE] [DIR]\n"
	      "       recview --list [--filter EXPR] [--sort KEY] [--as-of DATE] [DIR]\n"
	      "       recview --export md|csv [--filter EXPR] [--sort KEY] [--as-of DATE] [-o FILE] [DIR]\n"
	      "       recview --export minutes [--since DATE] [--as-of DATE] [-o FILE] [DIR]\n"
	      "       recview --export slides|slides-html [--filter EXPR] [--as-of DATE] [-o FILE] [DIR]\n"
	      "       recview --summary [--as-of DATE] [DIR]\n"
	      "       recview --follow [DIR]\n"
	      "       recview [-C DIR] sniff [--json] [--write [--force]] [DIR | FILE...]\n"
	      "       recview [-C DIR] git-setup [DIR]\n"
	      "       recview merge-driver BASE OURS THEIRS [PATH]\n"
	      "       recview [-C DIR] set ID... FIELD=VALUE... [--note TEXT] [--date D] [--author A]\n"
	      "       recview [-C DIR] set --filter EXPR FIELD=VALUE... [--note TEXT] [--dry-run]\n"
	      "       recview [-C DIR] note ID TEXT [--author A]\n"
	      "       recview [-C DIR] agenda [list | add ID... | remove ID... | move ID up|down|--to N]\n"
	      "                    (each subcommand's --help says more)\n"
	      "       recview [-C DIR] log [--since DATE] [--author NAME] [--filter EXPR]\n"
	      "\n"
	      "Browse the recommendations of a review team, with their deliverables, questions\n"
	      "and status history, from a directory of CSV files (default: the bundled data set).\n"
	      "\n"
	      "  -c, --check       check the data set: problems on stderr, a summary on stdout;\n"
	      "                    exit 0 clean, 1 warnings only, 2 errors\n"
	      "      --all         with --check: every problem, not the first 1,000 of each kind per file\n"
	      "  -s, --show ID     print a recommendation and everything linked to it\n"
	      "  -l, --list        one tab-separated line per recommendation: id, review, decision,\n"
	      "                    status, priority, last change, deliverables done/total, questions, title\n"
	      "      --filter EXPR with --list: only what matches EXPR, e.g. 'review:SSR1 -status:complete'\n"
	      "                    (the filter language is in recview(1))\n"
	      "      --sort KEY    with --list: id, status, decision, priority, topic, changed,\n"
	      "                    deliverables or questions; -KEY reverses\n"
	      "  -e, --export FMT  the (filtered, sorted) recommendations as a Markdown table (md) or as\n"
	      "                    CSV with the columns of recommendations.csv (csv), on stdout;\n"
	      "                    minutes: the changes and notes made with recview, as Markdown\n"
	      "      --since DATE  with --export minutes: only those recorded on or after DATE\n"
	      "  -o, --output FILE with --export: write FILE (atomically) instead of standard output\n"
	      "      --summary     the counts per review and topic, by decision and status, with bars,\n"
	      "                    and how they moved at each date of the status history\n"
	      "      --as-of DATE  with --summary, --show, --list, --export or the browser: the\n"
	      "                    state on DATE (YYYY-MM-DD, YYYY-MM or YYYY, a partial date meaning\n"
	      "                    its start); what was recorded after it is left out (csv: the\n"
	      "                    status and decision then; minutes: up to DATE)\n"
	      "      --as-of-later hide|dim  with --as-of: what was recorded later left out\n"
	      "                    (hide), or kept and marked [after DATE] (dim)\n"
	      "      --read-only   browse without changing anything (for walkthroughs)\n"
	      "      --follow      show the walkthrough someone presents (P) on DIR, live, read-only\n"
	      "      --commit      in a git work tree: on quit, git commit the files the session\n"
	      "                    changed, with its minutes as the message (also: git = commit)\n"
	      "      --strict      treat warnings as errors\n"
	      "      --mouse       enable the mouse in the browser\n"
	      "      --ascii       ASCII glyphs and bar patterns (as when the locale is not UTF-8)\n"
	      "      --theme NAME  default, light, high-contrast (for projectors), monochrome or\n"
	      "                    okabe-ito (colour-blind safe)\n"
	      "  -h, --help        show this help\n"
	      "  -V, --version     show the version\n"
	      "\n"
	      "Exit codes: 0 clean, 1 warnings (--check), 2 errors or a usage error, 3 no usable\n"
	      "terminal, 4 output that could not be written, 5 changes that could not be saved,\n"
	      "6 saved but not committed (see recview(1)).\n",
	      out);
}

void cli_say_quoted(const char *command, const char *fmt, const char *s)
{
	struct strbuf quoted;
	sb_init(&quoted);
	diag_quote(&quoted, s, strlen(s), 60);
	fprintf(stderr, "recview: %s%s", command ? command : "", command ? ": " : "");
	fprintf(stderr, fmt, quoted.data);
	fputc('\n', stderr);
	sb_free(&quoted);
}

static void say_quoted(const char *fmt, const char *s)
{
	cli_say_quoted(NULL, fmt, s);
}

/* The option getopt stopped at, as typed: a short one alone (the x of "-cx", where argv[optind - 1]
 * may still be the word before), a long one whole. */
static const char *option_as_typed(char **argv, char shortopt[3])
{
	const char *arg = argv[optind - 1];
	if (optopt > 0 && optopt <= 0xff && strncmp(arg, "--", 2) != 0) {
		shortopt[0] = '-';
		shortopt[1] = (char)optopt;
		shortopt[2] = '\0';
		return shortopt;
	}
	return arg;
}

bool cli_parse(int argc, char **argv, struct cli_options *opt)
{
	static const struct option longopts[] = {
		{"check", no_argument, NULL, 'c'},  {"show", required_argument, NULL, 's'},
		{"strict", no_argument, NULL, 'S'}, {"mouse", no_argument, NULL, 'm'},
		{"theme", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},   {"version", no_argument, NULL, 'V'},
		{"list", no_argument, NULL, 'l'},   {"filter", required_argument, NULL, 'F'},
		{"sort", required_argument, NULL, 'O'},
		{"export", required_argument, NULL, 'e'}, {"read-only", no_argument, NULL, 'R'},
		{"since", required_argument, NULL, 'T'}, {"output", required_argument, NULL, 'o'},
		{"follow", no_argument, NULL, 'W'},
		{"summary", no_argument, NULL, 'U'}, {"as-of", required_argument, NULL, 'A'},
		{"all", no_argument, NULL, 'L'},
		{"commit", no_argument, NULL, 'G'},
		{"ascii", no_argument, NULL, 'a'},
		{"as-of-later", required_argument, NULL, 'D'},
		{NULL, 0, NULL, 0},
	};
	memset(opt, 0, sizeof(*opt));
	opt->action = CLI_BROWSE;
	opterr = 0;
	optind = 1;
	int c;
	char shortopt[3];
	while ((c = getopt_long(argc, argv, ":cs:le:o:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			opt->action = CLI_CHECK;
			break;
		case 's':
			opt->action = CLI_SHOW;
			opt->show_id = optarg;
			break;
		case 'l':
			opt->action = CLI_LIST;
			break;
		case 'F':
			opt->filter = optarg;
			break;
		case 'O':
			opt->sort = optarg;
			break;
		case 'S':
			opt->strict = true;
			break;
		case 'L':
			opt->all = true;
			break;
		case 'e':
			if (strcmp(optarg, "md") != 0 && strcmp(optarg, "csv") != 0 && strcmp(optarg, "minutes") != 0 &&
			    strcmp(optarg, "slides") != 0 && strcmp(optarg, "slides-html") != 0) {
				say_quoted("--export takes md, csv, minutes, slides or slides-html, not %s", optarg);
				cli_usage(stderr);
				return false;
			}
			opt->action = CLI_EXPORT;
			opt->export_format = optarg;
			break;
		case 'R':
			opt->read_only = true;
			break;
		case 'W':
			opt->follow = true;
			opt->read_only = true;
			break;
		case 'G':
			opt->commit = true;
			break;
		case 'T':
			opt->since = optarg;
			break;
		case 'o':
			opt->output = optarg;
			break;
		case 'U':
			opt->action = CLI_SUMMARY;
			break;
		case 'A':
			opt->as_of = optarg;
			break;
		case 'D':
			if (strcmp(optarg, "hide") != 0 && strcmp(optarg, "dim") != 0) {
				say_quoted("--as-of-later takes hide or dim, not %s", optarg);
				cli_usage(stderr);
				return false;
			}
			opt->as_of_later = optarg;
			break;
		case 'm':
			opt->mouse = true;
			break;
		case 'a':
			opt->ascii = true;
			break;
		case 't':
			opt->theme = optarg;
			break;
		case 'h':
			opt->action = CLI_HELP;
			return true;
		case 'V':
			opt->action = CLI_VERSION;
			return true;
		case ':':
			say_quoted("option %s needs a value", option_as_typed(argv, shortopt));
			cli_usage(stderr);
			return false;
		default:
			say_quoted("unknown option %s", option_as_typed(argv, shortopt));
			cli_usage(stderr);
			return false;
		}
	}
	if ((opt->filter || opt->sort) && opt->action != CLI_LIST && opt->action != CLI_EXPORT) {
		fprintf(stderr, "recview: %s goes with --list or --export\n", opt->filter ? "--filter" : "--sort");
		cli_usage(stderr);
		return false;
	}
	if (opt->output && opt->action != CLI_EXPORT) {
		fprintf(stderr, "recview: -o goes with --export\n");
		cli_usage(stderr);
		return false;
	}
	if (opt->since && !(opt->action == CLI_EXPORT && strcmp(opt->export_format, "minutes") == 0)) {
		fprintf(stderr, "recview: --since goes with --export minutes\n");
		cli_usage(stderr);
		return false;
	}
	if (opt->as_of && opt->action != CLI_SUMMARY && opt->action != CLI_BROWSE && opt->action != CLI_SHOW &&
	    opt->action != CLI_LIST && opt->action != CLI_EXPORT) {
		fprintf(stderr, "recview: --as-of goes with --summary, --show, --list, --export or the browser\n");
		cli_usage(stderr);
		return false;
	}
	if (opt->as_of_later && opt->action != CLI_BROWSE && opt->action != CLI_SHOW && opt->action != CLI_LIST &&
	    opt->action != CLI_EXPORT) {
		fprintf(stderr, "recview: --as-of-later goes with --show, --list, --export or the browser\n");
		cli_usage(stderr);
		return false;
	}
	if (opt->commit && (opt->action != CLI_BROWSE || opt->read_only)) {
		fprintf(stderr, "recview: --commit goes with the browser (not with --read-only)\n");
		cli_usage(stderr);
		return false;
	}
	if (opt->follow && (opt->action != CLI_BROWSE || opt->commit)) {
		fprintf(stderr, "recview: --follow goes with the browser (not with --commit)\n");
		cli_usage(stderr);
		return false;
	}
	if (opt->all && opt->action != CLI_CHECK) {
		fprintf(stderr, "recview: --all goes with --check\n");
		cli_usage(stderr);
		return false;
	}
	if (optind < argc)
		opt->dir = argv[optind++];
	if (optind < argc) {
		say_quoted("one data set directory at most (%s is one too many)", argv[optind]);
		cli_usage(stderr);
		return false;
	}
	return true;
}

static bool has_data_set(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	if ((size_t)snprintf(path, sizeof(path), "%s/recommendations.csv", dir) >= sizeof(path))
		return false;
	return stat(path, &st) == 0;
}

const char *cli_data_dir(const struct cli_options *opt, const char *argv0)
{
	static char beside[PATH_MAX];
	const char *env = getenv("RECVIEW_DATA");
	(void)argv0;
	if (opt->dir)
		return opt->dir;
	if (env && *env)
		return env;
	if (opt->config_data && *opt->config_data)
		return opt->config_data;
	/* Run from the build tree: the data set beside the binary. */
	ssize_t n = readlink("/proc/self/exe", beside, sizeof(beside) - 6);
	if (n > 0) {
		beside[n] = '\0';
		char *slash = strrchr(beside, '/');
		if (slash) {
			strcpy(slash + 1, "data");
			if (has_data_set(beside))
				return beside;
		}
	}
	return RECVIEW_DATADIR;
}

int cli_subcommand(int argc, char **argv, const char **dir)
{
	int i = 1;
	*dir = NULL;
	if (i + 1 < argc && strcmp(argv[i], "-C") == 0) {
		*dir = argv[i + 1];
		i += 2;
	}
	static const char *const names[] = {"sniff", "merge-driver", "git-setup", "log"};
	for (size_t k = 0; i < argc && k < sizeof(names) / sizeof(*names); k++)
		if (strcmp(argv[i], names[k]) == 0)
			return i;
	return i < argc && cli_triage_is_command(argv[i]) ? i : 0;
}

void cli_sniff_usage(FILE *out)
{
	fputs("usage: recview [-C DIR] sniff [--json] [--write [--force]] [DIR | FILE...]\n"
	      "\n"
	      "What recview finds in each file: encoding, delimiter, quote, line ends, BOM, header line,\n"
	      "skipped rows, which column became which field with sample values, the date order and\n"
	      "what decided it, values it did not understand. DIR (or -C DIR) is a data set, loaded\n"
	      "with its recview.map; FILEs are any CSV files, read as their directory's recview.map\n"
	      "says when it has one. Default: the data set recview opens.\n"
	      "\n"
	      "      --json        one JSON object per file (keys in recview(1))\n"
	      "      --write       write DIR/recview.map stating what was found (never over one\n"
	      "                    that is there, unless --force); with FILEs, the recview.map of\n"
	      "                    their directory (all in one), stating those files\n"
	      "      --force       with --write: replace an existing recview.map (with FILEs: update\n"
	      "                    it, their settings replaced and every other line kept)\n"
	      "  -C DIR            the data set\n"
	      "  -h, --help        show this help\n",
	      out);
}

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory of a path as named ("." for a bare name), resolved when it exists. */
static char *directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (slash == path ? 1 : (size_t)(slash - path)) : 1;
	char *dir = malloc(len + 1);
	if (!dir)
		return NULL;
	memcpy(dir, slash ? path : ".", len);
	dir[len] = '\0';
	char *real = realpath(dir, NULL);
	if (real) {
		free(dir);
		return real;
	}
	return dir;
}

/* --write with files writes the recview.map of their directory: they must all be in one (said). */
static bool one_directory(char **files, size_t n)
{
	char *first = directory_of(files[0]);
	bool same = first != NULL;
	for (size_t i = 1; i < n && same; i++) {
		char *dir = directory_of(files[i]);
		same = dir && strcmp(dir, first) == 0;
		if (!same) {
			struct strbuf a, b;
			sb_init(&a);
			sb_init(&b);
			diag_quote(&a, files[0], strlen(files[0]), 60);
			diag_quote(&b, files[i], strlen(files[i]), 60);
			fprintf(stderr,
				"recview: sniff: --write with files writes the recview.map of their directory, and %s and %s "
				"are in two: name files of one directory (or the directory)\n",
				a.data, b.data);
			sb_free(&a);
			sb_free(&b);
			cli_sniff_usage(stderr);
		}
		free(dir);
	}
	free(first);
	return same;
}

bool cli_parse_sniff(int argc, char **argv, const char *dir, struct sniff_options *o)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'}, {"write", no_argument, NULL, 'w'},
		{"force", no_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	o->dir = dir;
	opterr = 0;
	optind = 1;
	int c;
	char shortopt[3];
	while ((c = getopt_long(argc, argv, ":C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			o->json = true;
			break;
		case 'w':
			o->write = true;
			break;
		case 'f':
			o->force = true;
			break;
		case 'C':
			o->dir = optarg;
			break;
		case 'h':
			o->help = true;
			return true;
		case ':':
			say_quoted("sniff: option %s needs a value", option_as_typed(argv, shortopt));
			cli_sniff_usage(stderr);
			return false;
		default:
			say_quoted("sniff: unknown option %s", option_as_typed(argv, shortopt));
			cli_sniff_usage(stderr);
			return false;
		}
	}
	if (optind + 1 == argc && !o->dir && is_directory(argv[optind])) {
		o->dir = argv[optind];
	} else if (optind < argc) {
		if (o->dir) {
			fputs("recview: sniff: a data set (-C DIR) or files, not both\n", stderr);
			cli_sniff_usage(stderr);
			return false;
		}
		o->files = argv + optind;
		o->nfiles = (size_t)(argc - optind);
	}
	if (o->force && !o->write) {
		fputs("recview: sniff: --force goes with --write\n", stderr);
		cli_sniff_usage(stderr);
		return false;
	}
	if (o->write && o->nfiles && !one_directory(o->files, o->nfiles))
		return false;
	return true;
}
