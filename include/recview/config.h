/*
 * config.h - the configuration file: $XDG_CONFIG_HOME/recview/config, else ~/.config/recview/config.
 * One setting per line; '#' starts a comment anywhere outside double quotes ("a # b" keeps it):
 *   theme = default | light | high-contrast | monochrome | okabe-ito
 *   author = Jane Doe
 *   mouse = on | off
 *   data = /path/to/data/set
 *   git = commit | off      in a git work tree: commit the session's files on quit (as --commit)
 *   split = auto | on | off the list and the page of its item side by side (auto: when there is room)
 *   split-ratio = 50        percent of the split for the list, 20 to 80
 *   hyperlinks = auto | on | off         web addresses as OSC 8 hyperlinks (terminal.h: what auto means)
 *   clipboard = auto | osc52 | file | off  where y copies to (copy.h)
 *   topic-grouping = normalise | off  the dashboard counts spelling variants of a topic as one
 *                           (topic_key.h) or each as written
 *   big-text = auto | kitty | blocks | off  the walkthrough's id, status and title: OSC 66 text sizing
 *                           where the terminal answers the probe for it, else block letters (bigtext.h)
 *   as-of-later = hide | dim  as of a date, what was recorded later is left out, or shown dimmed and
 *                           marked "after DATE" (the as-of-later request toggles it)
 *   bind KEY REQUEST        e.g.  bind x quit   bind C-n move-down   bind F5 redraw   bind "#" quit
 *   columns.LIST = SPEC     the columns of a list (recommendations, deliverables, questions, history,
 *                           agenda, results, log):
 *                           names in order, each with an optional width (columns.h): id,status:12,title
 * A bad line is reported with its line number and skipped; the rest still applies.
 */
#ifndef RECVIEW_CONFIG_H
#define RECVIEW_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/diag.h"

struct config_binding {
	char *key;     /* as written: "x", "C-n", "F5", "Enter", "Space" */
	char *request; /* as written: "move-down" (request names: lower case, '-' for '_') */
	unsigned line;
};

struct config {
	char *path;     /* the file read, or NULL when there is none */
	char *theme;    /* NULL: not set */
	char *author;
	int mouse;      /* -1 not set, 0 off, 1 on */
	char *data;
	int git_commit; /* -1 not set, 0 off, 1 commit */
	int split;      /* -1 not set, else enum split_mode (split.h) */
	int split_ratio; /* 0 not set */
	char *hyperlinks; /* auto | on | off, as written; NULL: not set (auto) */
	char *clipboard;  /* auto | osc52 | file | off; NULL: not set (auto) */
	char *topic_grouping; /* normalise | off; NULL: not set (normalise) */
	char *present;        /* ask | agenda | list: what P walks through when both exist; NULL: ask */
	char *as_of_later;    /* hide | dim; NULL: not set (hide) */
	char *big_text;       /* auto | kitty | blocks | off; NULL: not set (auto) */
	char *minutes_file;   /* minutes-file: the minutes' file name, strftime-like (%Y...); NULL: the default */
	char *minutes_on_leave; /* minutes-on-leave: yes | no, write the minutes on leaving the walkthrough */
	char *columns[7]; /* columns.LIST, by enum rv_col_list (columns.h); NULL: not set */
	unsigned columns_line[7];
	struct config_binding *bindings;
	size_t nbindings;
};

/* The file's path from the environment (XDG_CONFIG_HOME, HOME); NULL when neither is set. */
char *config_default_path(void);
/* Reads path (a missing file is no problem: an empty config); problems go to diags as
 * "PATH:LINE: warning: ...". validate_request tells whether a request name exists (may be NULL). */
void config_load(struct config *c, const char *path, struct diag_list *diags,
		 bool (*validate_request)(const char *name));
void config_free(struct config *c);
/*
 * Writes "name = value" into the configuration file at path: its last line setting name is replaced
 * (the other lines, comments and line endings stay), else the line is appended; the file and the
 * directories above it are made when missing. Atomic (a synced temporary file renamed over it); a
 * symbolic link stays one and the file it names is rewritten. False, with the reason in err.
 */
bool config_save_setting(const char *path, const char *name, const char *value, char *err, size_t errsize);

#endif
