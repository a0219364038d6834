/* cli_triage.c - the triage commands' arguments: parsing, the fields and values they take, their help. */
#include "recview/cli_triage.h"

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recview/arena.h"
#include "recview/date.h"
#include "recview/diag.h"
#include "recview/entity.h"
#include "recview/vocab.h"

static const char *const command_names[] = {"set", "note", "agenda"};

bool cli_triage_is_command(const char *name)
{
	for (size_t i = 0; i < sizeof(command_names) / sizeof(*command_names); i++)
		if (strcmp(name, command_names[i]) == 0)
			return true;
	return false;
}

void cli_triage_usage(enum rv_cmd cmd, FILE *out)
{
	if (cmd == RV_CMD_SET)
		fputs("usage: recview [-C DIR] set ID... FIELD=VALUE... [--note TEXT] [--date D] [--author A]\n"
		      "                         [--dry-run]\n"
		      "       recview [-C DIR] set --filter EXPR FIELD=VALUE... [the same options]\n"
		      "\n"
		      "Sets fields of recommendations, deliverables and questions, as one change: every ID and\n"
		      "FIELD=VALUE is checked first, and nothing is written unless all of it can be.\n"
		      "\n"
		      "  ID                a recommendation (SSR1-3, as --show takes it), ID/D2 its second\n"
		      "                    deliverable, ID/Q1.1 its question 1.1 (ID/Q#3: the third),\n"
		      "                    ID/N<time> its note written at that time\n"
		      "  FIELD=VALUE       a recommendation: status, decision, priority, owner, agenda=yes|no;\n"
		      "                    a deliverable: status, owner, due; a question: answer, status;\n"
		      "                    a note: note (\"\" retracts it)\n"
		      "      --filter EXPR the recommendations that match EXPR (the filter language of --list)\n"
		      "      --note TEXT   the note of a status or decision change (its history row), the reason\n"
		      "                    of any other field's change (changes.csv)\n"
		      "      --date D      the date of the status or decision change (YYYY-MM-DD; default today)\n"
		      "      --author A    who made it (default: the configuration's author, else $USER)\n"
		      "  -n, --dry-run     print what would change; write nothing\n"
		      "      --read-only   refuse to change anything (exit 2)\n"
		      "  -C DIR            the data set\n"
		      "  -h, --help        show this help\n"
		      "\n"
		      "One line per change on stdout: \"SSR1-3: status in progress -> complete\". Exit codes: 0 done\n"
		      "(or nothing to change), 2 an unknown id, field or value, or a change refused (nothing\n"
		      "written), 5 the changes could not be saved (nothing written).\n",
		      out);
	else if (cmd == RV_CMD_NOTE)
		fputs("usage: recview [-C DIR] note ID TEXT [--author A] [--dry-run]\n"
		      "\n"
		      "Adds a note to a recommendation (a row of notes.csv). A TEXT that begins with '-' goes\n"
		      "after --.\n"
		      "\n"
		      "      --author A    who wrote it (default: the configuration's author, else $USER)\n"
		      "  -n, --dry-run     print what would change; write nothing\n"
		      "      --read-only   refuse to change anything (exit 2)\n"
		      "  -C DIR            the data set\n"
		      "  -h, --help        show this help\n",
		      out);
	else
		fputs("usage: recview [-C DIR] agenda [list]\n"
		      "       recview [-C DIR] agenda add|remove ID... [--author A] [--dry-run]\n"
		      "       recview [-C DIR] agenda move ID up|down|top|bottom [--dry-run]\n"
		      "       recview [-C DIR] agenda move ID --to N [--dry-run]\n"
		      "\n"
		      "The meeting's agenda (agenda.csv). list prints it: position, id, title. add appends the\n"
		      "recommendations in the order given (one already on it stays where it is); remove takes\n"
		      "them off (one not on it is left alone); move moves one a place up or down, to the top or\n"
		      "the bottom, or to position N (1 is the top).\n"
		      "\n"
		      "      --to N        with move: the position to move to\n"
		      "      --author A    who added it (default: the configuration's author, else $USER)\n"
		      "  -n, --dry-run     print what would change; write nothing\n"
		      "      --read-only   refuse to change anything (exit 2)\n"
		      "  -C DIR            the data set\n"
		      "  -h, --help        show this help\n",
		      out);
}

/* err = "CMD: " + fmt with its one %s replaced by s quoted safely (it comes from the command line). */
static void say_quoted(char *err, size_t size, const char *cmd, const char *fmt, const char *s)
{
	struct strbuf q, line;
	sb_init(&q);
	sb_init(&line);
	diag_quote(&q, s, strlen(s), 60);
	sb_addf(&line, "%s: ", cmd);
	sb_addf(&line, fmt, q.data);
	snprintf(err, size, "%s", line.data);
	sb_free(&q);
	sb_free(&line);
}

/* FIELD=VALUE: a word whose part before '=' is a name (letters, '_', '-', spaces). */
static bool is_assignment(const char *word, size_t *name_len)
{
	const char *eq = strchr(word, '=');
	if (!eq || eq == word)
		return false;
	for (const char *p = word; p < eq; p++)
		if (!isalpha((unsigned char)*p) && *p != '_' && *p != '-' && *p != ' ')
			return false;
	*name_len = (size_t)(eq - word);
	return true;
}

static bool parse_set_words(int argc, char **argv, struct rv_cmd_args *a, char *err, size_t errsize)
{
	a->ids = xcalloc((size_t)argc + 1, sizeof(*a->ids));
	a->assigns = xcalloc((size_t)argc + 1, sizeof(*a->assigns));
	for (int i = optind; i < argc; i++) {
		size_t len;
		if (!is_assignment(argv[i], &len)) {
			a->ids[a->nids++] = argv[i];
			continue;
		}
		for (size_t k = 0; k < a->nassigns; k++) {
			if (a->assigns[k].field_len == len && strncasecmp(a->assigns[k].field, argv[i], len) == 0) {
				say_quoted(err, errsize, "set", "%s is given twice", argv[i]);
				return false;
			}
		}
		a->assigns[a->nassigns++] = (struct rv_assign){argv[i], len, argv[i] + len + 1};
	}
	if (!a->nassigns) {
		snprintf(err, errsize, "set: nothing to set: give FIELD=VALUE (status=complete, owner=OCTO...)");
		return false;
	}
	if (a->filter && a->nids) {
		say_quoted(err, errsize, "set", "ids or --filter, not both (%s is an id)", a->ids[0]);
		return false;
	}
	if (!a->filter && !a->nids) {
		snprintf(err, errsize, "set: which? give IDs or --filter EXPR");
		return false;
	}
	if (a->date) {
		int32_t d;
		if (strlen(a->date) != 10 || rv_date_parse(a->date, 10, &d) != RV_DATE_OK) {
			say_quoted(err, errsize, "set", "--date: %s is not a date (YYYY-MM-DD)", a->date);
			return false;
		}
	}
	return true;
}

/* agenda move's place: up, down, top, bottom, or --to N. */
static bool parse_move(const char *word, struct rv_cmd_args *a, char *err, size_t errsize)
{
	if (!word && !a->move_to) {
		snprintf(err, errsize, "agenda: move where? up, down, top, bottom or --to N");
		return false;
	}
	if (word && a->move_to) {
		say_quoted(err, errsize, "agenda", "move: %s or --to N, not both", word);
		return false;
	}
	if (!word)
		return true;
	if (strcmp(word, "up") == 0)
		a->move_delta = -1;
	else if (strcmp(word, "down") == 0)
		a->move_delta = 1;
	else if (strcmp(word, "top") == 0)
		a->move_to = 1;
	else if (strcmp(word, "bottom") == 0)
		a->move_to = -1;
	else {
		say_quoted(err, errsize, "agenda", "move: %s is not up, down, top or bottom", word);
		return false;
	}
	return true;
}

static bool parse_agenda_words(int argc, char **argv, struct rv_cmd_args *a, char *err, size_t errsize)
{
	static const char *const ops[] = {"list", "add", "remove", "move"};
	int i = optind;
	a->agenda = RV_AGENDA_LIST;
	if (i < argc) {
		size_t k = 0;
		while (k < 4 && strcmp(argv[i], ops[k]) != 0)
			k++;
		if (k == 4) {
			say_quoted(err, errsize, "agenda", "%s is not list, add, remove or move", argv[i]);
			return false;
		}
		a->agenda = (enum rv_agenda_op)k;
		i++;
	}
	a->ids = xcalloc((size_t)argc + 1, sizeof(*a->ids));
	for (; i < argc; i++)
		a->ids[a->nids++] = argv[i];
	if (a->move_to && a->agenda != RV_AGENDA_MOVE) {
		snprintf(err, errsize, "agenda: --to goes with move");
		return false;
	}
	if (a->agenda == RV_AGENDA_LIST) {
		if (a->nids) {
			say_quoted(err, errsize, "agenda", "list takes no id (%s)", a->ids[0]);
			return false;
		}
		return true;
	}
	if (!a->nids) {
		snprintf(err, errsize, "agenda: %s which? give an ID", ops[a->agenda]);
		return false;
	}
	if (a->agenda != RV_AGENDA_MOVE)
		return true;
	if (a->nids > 2) {
		say_quoted(err, errsize, "agenda", "move takes one id (%s is one too many)", a->ids[1]);
		return false;
	}
	return parse_move(a->nids == 2 ? a->ids[--a->nids] : NULL, a, err, errsize);
}

static bool parse_note_words(int argc, char **argv, struct rv_cmd_args *a, char *err, size_t errsize)
{
	if (argc - optind != 2) {
		snprintf(err, errsize, "note: give an ID and the note's TEXT (in quotes)");
		return false;
	}
	a->ids = xcalloc(2, sizeof(*a->ids));
	a->ids[a->nids++] = argv[optind];
	a->note = argv[optind + 1];
	if (!*a->note) {
		snprintf(err, errsize, "note: an empty note is not added");
		return false;
	}
	return true;
}

/* The number of --to N: 1 or more. */
static bool parse_position(const char *s, long *out)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (!*s || *end || n < 1 || n > 1000000000L)
		return false;
	*out = n;
	return true;
}

/* An option the command does not take, as typed. */
static const char *option_as_typed(char **argv, char buf[3])
{
	const char *arg = argv[optind - 1];
	if (optopt > 0 && optopt <= 0xff && strncmp(arg, "--", 2) != 0) {
		buf[0] = '-';
		buf[1] = (char)optopt;
		buf[2] = '\0';
		return buf;
	}
	return arg;
}

static bool option_applies(enum rv_cmd cmd, int c)
{
	switch (c) {
	case 'F':
	case 'N':
	case 'D':
		return cmd == RV_CMD_SET;
	case 'T':
		return cmd == RV_CMD_AGENDA;
	default:
		return true;
	}
}

bool rv_cmd_parse(int argc, char **argv, const char *dir, struct rv_cmd_args *a, char *err, size_t errsize)
{
	static const struct option longopts[] = {
		{"filter", required_argument, NULL, 'F'}, {"note", required_argument, NULL, 'N'},
		{"date", required_argument, NULL, 'D'},   {"author", required_argument, NULL, 'a'},
		{"to", required_argument, NULL, 'T'},     {"dry-run", no_argument, NULL, 'n'},
		{"read-only", no_argument, NULL, 'R'},    {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(a, 0, sizeof(*a));
	a->dir = dir;
	err[0] = '\0';
	if (argc < 1 || !cli_triage_is_command(argv[0])) {
		snprintf(err, errsize, "not a triage command");
		return false;
	}
	a->cmd = strcmp(argv[0], "set") == 0 ? RV_CMD_SET : strcmp(argv[0], "note") == 0 ? RV_CMD_NOTE : RV_CMD_AGENDA;
	const char *name = argv[0];
	opterr = 0;
	optind = 1;
	int c;
	char buf[3];
	while ((c = getopt_long(argc, argv, ":C:nh", longopts, NULL)) != -1) {
		if (c != ':' && c != '?' && !option_applies(a->cmd, c)) {
			snprintf(err, errsize, "%s: --%s does not go with %s", name,
				 c == 'F' ? "filter" : c == 'N' ? "note" : c == 'D' ? "date" : "to", name);
			return false;
		}
		switch (c) {
		case 'C': a->dir = optarg; break;
		case 'F': a->filter = optarg; break;
		case 'N': a->note = optarg; break;
		case 'D': a->date = optarg; break;
		case 'a': a->author = optarg; break;
		case 'n': a->dry_run = true; break;
		case 'R': a->read_only = true; break;
		case 'T':
			if (!parse_position(optarg, &a->move_to)) {
				say_quoted(err, errsize, name, "--to: %s is not a position (1 is the top)", optarg);
				return false;
			}
			break;
		case 'h':
			a->help = true;
			return true;
		case ':':
			say_quoted(err, errsize, name, "option %s needs a value", option_as_typed(argv, buf));
			return false;
		default:
			say_quoted(err, errsize, name, "unknown option %s", option_as_typed(argv, buf));
			return false;
		}
	}
	if (a->author && !*a->author) {
		snprintf(err, errsize, "%s: --author needs a name", name);
		return false;
	}
	if (a->cmd == RV_CMD_SET)
		return parse_set_words(argc, argv, a, err, errsize);
	if (a->cmd == RV_CMD_NOTE)
		return parse_note_words(argc, argv, a, err, errsize);
	return parse_agenda_words(argc, argv, a, err, errsize);
}

void rv_cmd_args_free(struct rv_cmd_args *a)
{
	free(a->ids);
	free(a->assigns);
	a->ids = NULL;
	a->assigns = NULL;
	a->nids = a->nassigns = 0;
}

/* ---- fields and values ---- */

struct field_name {
	const char *name;
	enum rv_kind kind;
	struct rv_set_field f;
};

static const struct field_name field_names[] = {
	{"status", RV_RECS, {RV_SET_STATUS, REC_STATUS}},
	{"decision", RV_RECS, {RV_SET_DECISION, REC_DECISION}},
	{"priority", RV_RECS, {RV_SET_PRIORITY, REC_PRIORITY}},
	{"owner", RV_RECS, {RV_SET_FIELD, REC_OWNER}},
	{"agenda", RV_RECS, {RV_SET_AGENDA, -1}},
	{"status", RV_DELIVERABLES, {RV_SET_FIELD, DEL_STATUS}},
	{"owner", RV_DELIVERABLES, {RV_SET_FIELD, DEL_RESPONSIBLE}},
	{"responsible", RV_DELIVERABLES, {RV_SET_FIELD, DEL_RESPONSIBLE}},
	{"due", RV_DELIVERABLES, {RV_SET_FIELD, DEL_DUE}},
	{"answer", RV_QUESTIONS, {RV_SET_FIELD, Q_ANSWER}},
	{"status", RV_QUESTIONS, {RV_SET_FIELD, Q_STATUS}},
	{"note", RV_NOTES, {RV_SET_FIELD, NOTE_TEXT}},
	{"text", RV_NOTES, {RV_SET_FIELD, NOTE_TEXT}},
};
#define NFIELD_NAMES (sizeof(field_names) / sizeof(*field_names))

static const char *kind_word(enum rv_kind kind)
{
	switch (kind) {
	case RV_DELIVERABLES: return "a deliverable";
	case RV_QUESTIONS: return "a question";
	case RV_NOTES: return "a note";
	default: return "a recommendation";
	}
}

/* An alias: not listed in messages. */
static bool is_alias(const char *name)
{
	return strcmp(name, "responsible") == 0 || strcmp(name, "text") == 0;
}

/* The names of kind's fields ("status, owner, due"), or of every field (kind RV_KIND_COUNT). */
static void list_names(enum rv_kind kind, struct strbuf *out)
{
	size_t start = out->len;
	for (size_t i = 0; i < NFIELD_NAMES; i++) {
		if ((kind != RV_KIND_COUNT && field_names[i].kind != kind) || is_alias(field_names[i].name))
			continue;
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen |= (kind == RV_KIND_COUNT || field_names[k].kind == kind) &&
				strcmp(field_names[k].name, field_names[i].name) == 0;
		if (!seen)
			sb_addf(out, "%s%s", out->len > start ? ", " : "", field_names[i].name);
	}
}

bool rv_set_field_parse(enum rv_kind kind, const char *name, size_t len, struct rv_set_field *out, char *err,
			size_t errsize)
{
	char norm[32];
	rv_normalize_name(name, len < 31 ? len : 31, norm, sizeof(norm));
	for (char *p = norm; *p; p++)
		if (*p == ' ')
			*p = '_';
	bool known = false;
	for (size_t i = 0; i < NFIELD_NAMES; i++) {
		if (strcmp(norm, field_names[i].name) != 0)
			continue;
		known = true;
		if (field_names[i].kind == kind) {
			*out = field_names[i].f;
			return true;
		}
	}
	struct strbuf names, typed;
	sb_init(&names);
	sb_init(&typed);
	diag_quote(&typed, name, len, 30);
	list_names(known ? kind : RV_KIND_COUNT, &names);
	if (known)
		snprintf(err, errsize, "%s is not a field of %s (%s has: %s)", typed.data, kind_word(kind), kind_word(kind),
			 names.data);
	else
		snprintf(err, errsize, "unknown field %s (fields: %s)", typed.data, names.data);
	sb_free(&names);
	sb_free(&typed);
	return false;
}

int rv_yes_no(const char *v)
{
	static const char *const yes[] = {"yes", "y", "true", "on", "1"};
	static const char *const no[] = {"no", "n", "false", "off", "0"};
	for (size_t i = 0; i < 5; i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	}
	return -1;
}

bool rv_set_value_check(enum rv_kind kind, struct rv_set_field f, const char *value, char *err, size_t errsize)
{
	size_t len = strlen(value);
	struct strbuf q;
	sb_init(&q);
	diag_quote(&q, value, len, 40);
	bool ok = true;
	if (f.what == RV_SET_STATUS || (f.what == RV_SET_FIELD && kind == RV_DELIVERABLES && f.field == DEL_STATUS)) {
		enum rv_status st = rv_status_parse(value, len);
		ok = st != RV_STATUS_UNKNOWN && (st != RV_STATUS_NONE || f.what == RV_SET_FIELD);
		if (!ok)
			snprintf(err, errsize, "unknown status %s; use one of: %s", q.data, rv_status_vocabulary());
	} else if (f.what == RV_SET_DECISION) {
		enum rv_decision d = rv_decision_parse(value, len);
		ok = d != RV_DECISION_UNKNOWN && d != RV_DECISION_NONE;
		if (!ok)
			snprintf(err, errsize, "unknown decision %s; use one of: %s", q.data, rv_decision_vocabulary());
	} else if (f.what == RV_SET_PRIORITY) {
		ok = rv_priority_parse(value, len) >= 0;
		if (!ok)
			snprintf(err, errsize, "unknown priority %s; use P1, P2, P3, P4 or nothing", q.data);
	} else if (f.what == RV_SET_AGENDA) {
		ok = rv_yes_no(value) >= 0;
		if (!ok)
			snprintf(err, errsize, "agenda takes yes or no, not %s", q.data);
	} else if (kind == RV_QUESTIONS && f.field == Q_STATUS) {
		ok = rv_qstatus_parse(value, len) != RV_QSTATUS_UNKNOWN;
		if (!ok)
			snprintf(err, errsize, "unknown question status %s; use one of: %s", q.data, rv_qstatus_vocabulary());
	} else if (kind == RV_DELIVERABLES && f.field == DEL_DUE) {
		struct rv_date_value v;
		ok = rv_date_read(value, len, RV_DATE_DAY_FIRST, &v) != RV_DATE_BAD;
		if (!ok)
			snprintf(err, errsize, "bad date %s: use YYYY-MM-DD, YYYY-MM or a quarter (2016-Q3)", q.data);
	}
	sb_free(&q);
	return ok;
}

/* ---- ids ---- */

static void quote_word(struct strbuf *out, const char *s, size_t len)
{
	diag_quote(out, s, len, 40);
}

bool rv_cmd_find_item(const struct rv_model *m, const char *word, struct rv_item *out, char *err, size_t errsize)
{
	size_t len = strlen(word);
	long rec = rv_find_rec(m, word, len);
	if (rec >= 0) {
		*out = (struct rv_item){RV_RECS, (size_t)rec};
		return true;
	}
	const char *slash = strrchr(word, '/');
	struct strbuf q;
	sb_init(&q);
	if (!slash || slash == word || !slash[1] || (rec = rv_find_rec(m, word, (size_t)(slash - word))) < 0) {
		quote_word(&q, word, slash && slash != word ? (size_t)(slash - word) : len);
		snprintf(err, errsize, "no recommendation with id %s", q.data);
		sb_free(&q);
		return false;
	}
	/* d2 is D2, q1.1 is Q1.1: the letter in either case. */
	char *name = xstrdup(slash + 1);
	name[0] = (char)toupper((unsigned char)name[0]);
	bool found = strchr("DQN", name[0]) && rv_item_find(m, (size_t)rec, name, strlen(name), out);
	if (!found) {
		quote_word(&q, slash + 1, strlen(slash + 1));
		struct rv_text id = rv_rec_id(m, (size_t)rec);
		struct strbuf shown;
		sb_init(&shown);
		quote_word(&shown, id.ptr, id.len);
		size_t nd = rv_rec_child_count(m, (size_t)rec, RV_DELIVERABLES);
		size_t nq = rv_rec_child_count(m, (size_t)rec, RV_QUESTIONS);
		if (!strchr("DQN", name[0]))
			snprintf(err, errsize, "%s: %s names no item (D2 a deliverable, Q1.1 a question, N<time> a note)",
				 shown.data, q.data);
		else
			snprintf(err, errsize, "%s has no item %s (it has %zu deliverable%s, D1..D%zu, and %zu question%s)",
				 shown.data, q.data, nd, nd == 1 ? "" : "s", nd, nq, nq == 1 ? "" : "s");
		sb_free(&shown);
	}
	free(name);
	sb_free(&q);
	return found;
}
