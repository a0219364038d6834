/*
 * cli_triage.h - the triage actions as commands, for scripts and for entering a meeting's decisions
 * afterwards:
 *
 *   recview [-C DIR] set ID... FIELD=VALUE... [--note TEXT] [--date D] [--author A] [--dry-run]
 *   recview [-C DIR] set --filter EXPR FIELD=VALUE... [same options]
 *   recview [-C DIR] note ID TEXT [--author A] [--dry-run]
 *   recview [-C DIR] agenda add|remove ID... | agenda move ID (up|down|top|bottom | --to N) | agenda [list]
 *
 * An ID is a recommendation's id as --show takes it (exact, then ignoring case), or ID/D2 (its second
 * deliverable), ID/Q1.1 (its question 1.1; ID/Q#3 the third), ID/N<time> (its note written then).
 * The fields: a recommendation's status, decision, priority, owner and agenda (yes or no); a
 * deliverable's status, owner and due; a question's answer and status; a note's note (amended, ""
 * retracts it).
 *
 * One command is one transaction: every id and FIELD=VALUE is checked before anything changes, the
 * changes are made as one session group (one store commit, all files or none), and a change the
 * session refuses leaves every file as it was. When another writer saved meanwhile, the data set is
 * read again and the command made again on it (a few times). The same files, words and date styles
 * as the browser's changes; the browser's undo never sees them (they are not in its log).
 */
#ifndef RECVIEW_CLI_TRIAGE_H
#define RECVIEW_CLI_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "recview/changelog.h"
#include "recview/model.h"
#include "recview/save.h"
#include "recview/strbuf.h"

enum rv_cmd {
	RV_CMD_SET,
	RV_CMD_NOTE,
	RV_CMD_AGENDA,
};

enum rv_agenda_op {
	RV_AGENDA_LIST,
	RV_AGENDA_ADD,
	RV_AGENDA_REMOVE,
	RV_AGENDA_MOVE,
};

/* FIELD=VALUE as typed: pointers into argv. */
struct rv_assign {
	const char *field;
	size_t field_len;
	const char *value;
};

/* A parsed command line; the strings point into argv (ids and assigns are malloc'd arrays). */
struct rv_cmd_args {
	enum rv_cmd cmd;
	const char *dir;          /* -C DIR (before or after the command's name), or NULL */
	const char **ids;         /* set, agenda: the ids in the order given; note: one */
	size_t nids;
	struct rv_assign *assigns; /* set */
	size_t nassigns;
	const char *filter;       /* set --filter EXPR */
	const char *note;         /* set --note; note: the text */
	const char *date;         /* set --date YYYY-MM-DD (status and decision history) */
	const char *author;       /* --author A */
	enum rv_agenda_op agenda;
	int move_delta;           /* agenda move up (-1), down (+1); 0 with move_to */
	long move_to;             /* agenda move --to N (1-based), top (1), bottom (-1: the last); 0: none */
	bool dry_run;
	bool read_only;
	bool help;
};

/* Whether a subcommand's name is one of these (set, note, agenda). */
bool cli_triage_is_command(const char *name);

/*
 * Parses argv (argv[0] is the command's name); dir is the -C DIR given before it, or NULL. False with
 * the reason in err (a usage error); a->help asks for the command's help. Free with rv_cmd_args_free.
 */
bool rv_cmd_parse(int argc, char **argv, const char *dir, struct rv_cmd_args *a, char *err, size_t errsize);
void rv_cmd_args_free(struct rv_cmd_args *a);
void cli_triage_usage(enum rv_cmd cmd, FILE *out);

/* What a FIELD of a set means for an item of kind (RV_RECS, RV_DELIVERABLES, RV_QUESTIONS, RV_NOTES). */
enum rv_set_what {
	RV_SET_STATUS,    /* a recommendation's status (status_history.csv) */
	RV_SET_DECISION,
	RV_SET_PRIORITY,
	RV_SET_AGENDA,    /* yes: on the agenda, no: off it */
	RV_SET_FIELD,     /* an item's field through rv_change_item_field: field says which */
};

struct rv_set_field {
	enum rv_set_what what;
	int field; /* RV_SET_FIELD: the kind's field (REC_OWNER, DEL_DUE, Q_ANSWER...) */
};

/*
 * The field named name (len bytes) of an item of kind. False with a message in err: a name that is no
 * field at all (naming the known ones), or one that an item of that kind does not have (naming its).
 */
bool rv_set_field_parse(enum rv_kind kind, const char *name, size_t len, struct rv_set_field *out, char *err,
			size_t errsize);
/* Whether value is one the field takes (a status word, a date...), else false with why in err. */
bool rv_set_value_check(enum rv_kind kind, struct rv_set_field f, const char *value, char *err, size_t errsize);
/* agenda=yes|no: yes, y, true, on, 1 / no, n, false, off, 0; -1 for anything else. */
int rv_yes_no(const char *value);

/*
 * The item an ID names: a recommendation as written (rv_find_rec), else ID/ITEM with ITEM a
 * deliverable (D2), question (Q1.1, Q#3) or note (N<time>) of it. False with why in err.
 */
bool rv_cmd_find_item(const struct rv_model *m, const char *word, struct rv_item *out, char *err, size_t errsize);

/*
 * Runs a parsed command on the data set in dir: lines of what changed go to out, messages to err.
 * author: --author, else the configuration's, else NULL for $USER. ops: the system calls of saving
 * (NULL: the system's; tests inject faults). Returns the exit code (cli.h).
 */
int rv_cmd_run(const struct rv_cmd_args *a, const char *dir, const char *author, const struct rv_save_ops *ops,
	       struct strbuf *out, struct strbuf *err);

/* recview [-C DIR] set|note|agenda ...: argv[0] is the command's name. Returns the exit code. */
int cli_triage_main(int argc, char **argv, const char *dir);

#endif
