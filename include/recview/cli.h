/* cli.h - the command line: options, the data set to open, and what to do with it. */
#ifndef RECVIEW_CLI_H
#define RECVIEW_CLI_H

#include <stdbool.h>
#include <stdio.h>

enum cli_action {
	CLI_BROWSE,
	CLI_CHECK,
	CLI_SHOW,
	CLI_LIST,
	CLI_EXPORT,
	CLI_SUMMARY,
	CLI_HELP,
	CLI_VERSION,
	CLI_SNIFF,   /* recview sniff (a subcommand) */
	CLI_MERGE_DRIVER, /* recview merge-driver (a subcommand) */
	CLI_GIT_SETUP,    /* recview git-setup (a subcommand) */
	CLI_TRIAGE,  /* recview set, note, agenda (cli_triage.h) */
	CLI_LOG,     /* recview log (a subcommand) */
};

struct cli_options {
	enum cli_action action;
	const char *show_id; /* --show ID */
	const char *dir;     /* DIR, or NULL for the bundled data set */
	bool strict;         /* warnings count as errors */
	bool all;            /* --all, with --check: every problem, not the first 1,000 of each kind */
	bool mouse;          /* --mouse (or mouse = on in the configuration) */
	bool ascii;          /* --ascii: ASCII glyphs and bar patterns (also when the locale is not UTF-8) */
	int split;           /* the configuration's split (enum split_mode, split.h; 0 auto) */
	int split_ratio;     /* the configuration's split-ratio, 0 for the default */
	const char *theme;   /* --theme NAME, else the configuration's */
	const char *hyperlinks; /* the configuration's: auto, on, off (NULL: auto) */
	const char *clipboard;  /* the configuration's: auto, osc52, file, off (NULL: auto) */
	const char *topic_grouping; /* the configuration's: normalise, off (NULL: normalise) */
	const char *present;        /* the configuration's: ask, agenda, list (NULL: ask) */
	const char *as_of_later;    /* the configuration's: hide, dim (NULL: hide) */
	const char *big_text;       /* the configuration's: auto, kitty, blocks, off (NULL: auto) */
	const char *minutes_file;   /* the configuration's minutes-file (NULL: minutes-%Y-%m-%d.md) */
	bool minutes_on_leave;      /* minutes-on-leave = yes: the minutes are written on leaving the walkthrough */
	const char *author;  /* from the configuration, else $USER */
	const char *config_data; /* the configuration's data directory */
	const char *config_path; /* the configuration file read, for the lines of its messages */
	const char *columns[7];  /* columns.LIST of the configuration, by enum rv_col_list (columns.h) */
	unsigned columns_line[7];
	bool read_only;      /* --read-only: no change is made or saved */
	bool follow;         /* --follow: show the walkthrough presented in the data set (read-only) */
	bool commit;         /* --commit (or git = commit in the configuration): git commit the session on quit */
	const char *export_format; /* --export md|csv|minutes */
	const char *since;   /* --since DATE, with --export minutes */
	const char *output;  /* -o FILE, with --export: the file written instead of stdout, or NULL */
	const char *as_of;   /* --as-of DATE, with --summary or the browser */
	const char *filter;  /* --filter EXPR (with --list), or NULL */
	const char *sort;    /* --sort KEY (with --list), or NULL */
	double start_time;   /* CLOCK_MONOTONIC seconds when main began (for timing) */
	char recovered[512]; /* what recovering an interrupted save did before loading, or "" */
};

/* Exit codes, as documented in the man page. */
enum {
	EXIT_CLEAN = 0,    /* loaded without problems */
	EXIT_WARNINGS = 1, /* --check: warnings only */
	EXIT_ERRORS = 2,   /* errors in the data, an unknown id, or a usage error */
	EXIT_FATAL = 3,    /* out of memory, or no terminal the browser can use */
	EXIT_OUTPUT = 4,   /* the output could not be written (full disk, closed stdout) */
	EXIT_UNSAVED = 5,  /* the browser ended with changes that are not on disk */
	EXIT_GIT = 6,      /* the session was saved, but committing it (--commit) failed */
};

/* "recview: " (and "COMMAND: ") + fmt, its one %s replaced by s quoted safely (s comes from the command
 * line or the environment), on stderr. */
void cli_say_quoted(const char *command, const char *fmt, const char *s);

/* Parses argv; on a usage error prints why and the usage to stderr and returns false. */
bool cli_parse(int argc, char **argv, struct cli_options *opt);
void cli_usage(FILE *out);

/*
 * Subcommands, git style: "recview [-C DIR] sniff ...". The index in argv of the subcommand's name
 * (after any -C DIR, which sets *dir), or 0 when there is none (the options as before).
 */
int cli_subcommand(int argc, char **argv, const char **dir);
struct sniff_options;
/* The options of "sniff" (argv[0] is "sniff"); on a usage error says why and returns false. */
bool cli_parse_sniff(int argc, char **argv, const char *dir, struct sniff_options *o);
void cli_sniff_usage(FILE *out);
/* recview merge-driver BASE OURS THEIRS [PATH] (argv[0] is "merge-driver"): an exit code. */
int cli_merge_driver(int argc, char **argv, FILE *out, FILE *err);
void cli_merge_driver_usage(FILE *out);
/* recview [-C DIR] git-setup [DIR] (argv[0] is "git-setup"; dir from -C, or NULL): an exit code. */
int cli_git_setup(int argc, char **argv, const char *dir, FILE *out, FILE *err);
void cli_git_setup_usage(FILE *out);
/* "recview [-C DIR] log ..." (argv[0] is "log"): prints the data set's changes (activity.h); the exit code. */
int cli_run_log(int argc, char **argv, const char *dir, const char *argv0);
void cli_log_usage(FILE *out);
/* The data set directory: DIR, $RECVIEW_DATA, data/ beside the binary, or the installed one. */
const char *cli_data_dir(const struct cli_options *opt, const char *argv0);

#endif
