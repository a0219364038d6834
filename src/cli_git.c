/* cli_git.c - the subcommands for a data set kept in git: merge-driver and git-setup (cli.h). */
#include "recview/cli.h"

#include <string.h>
#include <unistd.h>

#include "recview/diag.h"
#include "recview/git.h"
#include "recview/merge_file.h"

void cli_merge_driver_usage(FILE *out)
{
	fputs("usage: recview merge-driver BASE OURS THEIRS [PATH]\n"
	      "\n"
	      "git's merge driver for recview's tables (set up by recview git-setup; git calls it as\n"
	      "recview merge-driver %O %A %B %P). Rows are matched by key and merged cell by cell;\n"
	      "rows added on both sides of status_history.csv and notes.csv are all kept, in date\n"
	      "order. The result replaces OURS. A cell changed both ways is a conflict: markers go\n"
	      "around that row only, and the exit code is 1. Exit 0 merged, 1 conflicts, 2 an error.\n",
	      out);
}

void cli_git_setup_usage(FILE *out)
{
	fputs("usage: recview [-C DIR] git-setup [DIR]\n"
	      "\n"
	      "Makes the git clone holding the data set DIR (default: the current directory) merge its\n"
	      "CSV files with recview merge-driver: writes *.csv merge=recview into DIR/.gitattributes\n"
	      "(commit it) and sets merge.recview.driver in the clone's configuration (each clone\n"
	      "runs git-setup once). The team workflow is in recview(1).\n",
	      out);
}

static bool asks_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	return false;
}

int cli_merge_driver(int argc, char **argv, FILE *out, FILE *err)
{
	if (asks_help(argc, argv)) {
		cli_merge_driver_usage(out);
		return EXIT_CLEAN;
	}
	if (argc < 4 || argc > 5) {
		fputs("recview: merge-driver takes BASE OURS THEIRS and the file's PATH (git's %O %A %B %P)\n", err);
		cli_merge_driver_usage(err);
		return EXIT_ERRORS;
	}
	return rv_merge_driver(argv[1], argv[2], argv[3], argc == 5 ? argv[4] : argv[2], err);
}

int cli_git_setup(int argc, char **argv, const char *dir, FILE *out, FILE *err)
{
	if (asks_help(argc, argv)) {
		cli_git_setup_usage(out);
		return EXIT_CLEAN;
	}
	if (argc > 2 || (argc == 2 && dir) || (argc == 2 && argv[1][0] == '-')) {
		fputs("recview: git-setup takes one data set directory (or -C DIR before it)\n", err);
		cli_git_setup_usage(err);
		return EXIT_ERRORS;
	}
	if (argc == 2)
		dir = argv[1];
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	self[n > 0 ? n : 0] = '\0';
	return rv_git_setup(dir ? dir : ".", n > 0 ? self : NULL, out, err);
}
