/*
 * cli_triage_run.c - running a triage command (cli_triage.h): the data set loaded as the browser loads
 * it, every id and value checked, the changes made as one session group and saved in one commit, made
 * again on the files read anew when another writer saved meanwhile.
 */
#include "recview/cli_triage.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/change.h"
#include "recview/cli.h"
#include "recview/config.h"
#include "recview/diag.h"
#include "recview/entity.h"
#include "recview/query.h"
#include "recview/report.h"
#include "recview/store.h"
#include "recview/text.h"
#include "recview/triage.h"

/* Another writer can save again between our reading and our save: this many rounds, then exit 5. */
#define SAVE_ROUNDS 5

static const char *const command_name[] = {"set", "note", "agenda"};

/* One run on one reading of the data set. */
struct run {
	const struct rv_cmd_args *a;
	struct rv_model m;
	struct rv_session s;
	struct rv_item *items;        /* what the ids name (or what the filter matched), deduplicated */
	size_t nitems;
	size_t matched;               /* --filter: how many matched */
	struct strbuf lines;          /* one line per change made */
	size_t made, unchanged;
	struct strbuf *err;
	bool loaded, opened;
};

/* "recview: CMD: " + a message, and a line end. */
static void say(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct run *r, const char *fmt, ...)
{
	char msg[1536];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sb_addf(r->err, "recview: %s: %s\n", command_name[r->a->cmd], msg);
}

/* A save that a crash interrupted is completed or rolled back before the files are read. */
static void recover_store(const char *dir, struct strbuf *err)
{
	struct rv_store st;
	char msg[512] = "";
	if (rv_store_open(&st, dir, NULL, true, msg, sizeof(msg)) && (msg[0] || st.recovered[0])) {
		sb_adds(err, "recview: recovery: ");
		text_sanitize(err, msg[0] ? msg : st.recovered, strlen(msg[0] ? msg : st.recovered), 0);
		sb_addc(err, '\n');
	}
	rv_store_close(&st);
}

static bool load(struct run *r, const char *dir, const char *author, const struct rv_save_ops *ops)
{
	enum rv_result res = rv_model_load(&r->m, dir);
	r->loaded = true;
	if (res != RV_OK) {
		struct strbuf shown;
		sb_init(&shown);
		text_sanitize(&shown, dir, strlen(dir), 0);
		char *text = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&text, &len);
		if (f) {
			report_diagnostics(&r->m.diags, f);
			fclose(f);
			sb_add(r->err, text, len);
			free(text);
		}
		sb_addf(r->err, "recview: no data set could be loaded from %s\n", shown.data);
		sb_free(&shown);
		return false;
	}
	rv_session_open(&r->s, &r->m, author, r->a->read_only);
	r->opened = true;
	if (ops)
		r->s.ops = ops;
	r->s.async = false;
	return true;
}

static void run_free(struct run *r)
{
	if (r->opened)
		rv_session_free(&r->s);
	if (r->loaded)
		rv_model_free(&r->m);
	free(r->items);
	sb_free(&r->lines);
}

/* ---- what the command is about ---- */

static void add_item(struct run *r, struct rv_item it)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].kind == it.kind && r->items[i].index == it.index)
			return; /* named twice: once is enough */
	r->items[r->nitems++] = it;
}

static bool resolve_ids(struct run *r)
{
	r->items = xcalloc(r->a->nids + 1, sizeof(*r->items));
	for (size_t i = 0; i < r->a->nids; i++) {
		char why[768];
		struct rv_item it;
		if (!rv_cmd_find_item(&r->m, r->a->ids[i], &it, why, sizeof(why))) {
			struct strbuf dir;
			sb_init(&dir);
			text_sanitize(&dir, r->m.dir, strlen(r->m.dir), 0);
			say(r, "%s in %s; nothing was written", why, dir.data);
			sb_free(&dir);
			return false;
		}
		if (r->a->cmd != RV_CMD_SET && it.kind != RV_RECS) {
			struct strbuf q;
			sb_init(&q);
			diag_quote(&q, r->a->ids[i], strlen(r->a->ids[i]), 40);
			say(r, "%s is not a recommendation; nothing was written", q.data);
			sb_free(&q);
			return false;
		}
		add_item(r, it);
	}
	return true;
}

static bool resolve_filter(struct run *r)
{
	char why[1024];
	struct rv_query *q = rv_query_parse_model(r->a->filter, &r->m, why, sizeof(why));
	if (!q) {
		struct strbuf safe;
		sb_init(&safe);
		text_sanitize(&safe, why, strlen(why), 0);
		say(r, "--filter: %s; nothing was written", safe.data);
		sb_free(&safe);
		return false;
	}
	uint32_t *order = xcalloc(r->m.nrecs + 1, sizeof(*order));
	size_t n = rv_query_select(&r->m, q, RV_SORT_ID, false, order);
	r->items = xcalloc(n + 1, sizeof(*r->items));
	for (size_t i = 0; i < n; i++)
		add_item(r, (struct rv_item){RV_RECS, order[i]});
	r->matched = n;
	free(order);
	rv_query_free(q);
	return true;
}

/* How the command line names an item: SSR1-3, SSR1-3/D2, SSR1-3/Q1.1 (sanitised). */
static void item_label(const struct rv_model *m, struct rv_item it, struct strbuf *out)
{
	struct strbuf line;
	sb_init(&line);
	long rec = rv_item_rec(m, it);
	if (rec >= 0) {
		struct rv_text id = rv_rec_id(m, (size_t)rec);
		sb_add(&line, id.ptr, id.len);
	}
	if (it.kind != RV_RECS) {
		sb_addc(&line, '/');
		rv_item_name(m, it, &line);
	}
	text_sanitize(out, line.data ? line.data : "", line.len, 0);
	sb_free(&line);
}

/* Every FIELD=VALUE for an item of kind; false, said, when one is not a field of it or its value is bad. */
static bool check_kind(struct run *r, enum rv_kind kind, const char *who, bool *dated, bool *noted)
{
	const struct rv_cmd_args *a = r->a;
	for (size_t k = 0; k < a->nassigns; k++) {
		char why[768];
		struct rv_set_field f;
		if (!rv_set_field_parse(kind, a->assigns[k].field, a->assigns[k].field_len, &f, why, sizeof(why)) ||
		    !rv_set_value_check(kind, f, a->assigns[k].value, why, sizeof(why))) {
			say(r, "%s%s; nothing was written", who, why);
			return false;
		}
		*dated |= f.what == RV_SET_STATUS || f.what == RV_SET_DECISION;
		*noted |= f.what != RV_SET_PRIORITY && f.what != RV_SET_AGENDA;
	}
	return true;
}

/* Every FIELD=VALUE against every item's kind, before anything changes. */
static bool check_assigns(struct run *r)
{
	const struct rv_cmd_args *a = r->a;
	bool dated = false, noted = false;
	if (a->filter && !check_kind(r, RV_RECS, "", &dated, &noted))
		return false;
	for (size_t i = 0; i < r->nitems; i++) {
		struct strbuf who;
		sb_init(&who);
		item_label(&r->m, r->items[i], &who);
		sb_adds(&who, ": ");
		bool ok = check_kind(r, r->items[i].kind, who.data, &dated, &noted);
		sb_free(&who);
		if (!ok)
			return false;
	}
	if (a->date && !dated) {
		say(r, "--date goes with status= or decision= of a recommendation; nothing was written");
		return false;
	}
	if (a->note && !noted) {
		say(r, "--note goes with status, decision, owner, due, answer or a question's status (a priority or "
		       "agenda change has no note); nothing was written");
		return false;
	}
	return true;
}

/* ---- making the changes ---- */

static void describe(const struct run *r, const struct rv_change *c, struct strbuf *out)
{
	static const char *const what[] = {"status", "decision", "priority"};
	const struct rv_session *s = &r->s;
	struct strbuf line;
	sb_init(&line);
	sb_adds(&line, c->rec_id);
	if (c->kind == RV_CHANGE_FIELD && c->item && *c->item)
		sb_addf(&line, "/%s", c->item);
	sb_adds(&line, ": ");
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	switch (c->kind) {
	case RV_CHANGE_NOTE:
		sb_addf(&line, "note added: %s", c->note);
		break;
	case RV_CHANGE_AGENDA_ADD:
		sb_addf(&line, "added to the agenda (%ld of %zu)", rec >= 0 ? rv_agenda_position(s, (size_t)rec) + 1 : 0,
			s->nagenda);
		break;
	case RV_CHANGE_AGENDA_REMOVE:
		sb_addf(&line, "removed from the agenda (was %ld of %zu)", c->agenda_from + 1, s->nagenda + 1);
		break;
	case RV_CHANGE_AGENDA_MOVE:
		sb_addf(&line, "moved on the agenda %ld -> %ld (of %zu)", c->agenda_from + 1, c->agenda_to + 1, s->nagenda);
		break;
	case RV_CHANGE_AGENDA_MINUTES:
		sb_addf(&line, "minutes %s -> %s", c->before && *c->before ? c->before : "(none)",
			c->after && *c->after ? c->after : "(none)");
		break;
	case RV_CHANGE_FIELD:
		if (c->target == RV_NOTES) {
			sb_adds(&line, c->after && *c->after ? "note amended: " : "note retracted");
			sb_adds(&line, c->after ? c->after : "");
			break;
		}
		sb_adds(&line, rv_item_field_name((enum rv_kind)c->target, c->field));
		/* fall through */
	default:
		if (c->kind <= RV_CHANGE_PRIORITY)
			sb_adds(&line, what[c->kind]);
		sb_addf(&line, " %s -> %s", c->before && *c->before ? c->before : "(none)",
			c->after && *c->after ? c->after : "(none)");
		if ((c->kind == RV_CHANGE_STATUS || c->kind == RV_CHANGE_DECISION) && r->a->date)
			sb_addf(&line, " on %s", c->date);
		if (c->note)
			sb_addf(&line, " (note: %s)", c->note);
	}
	text_sanitize(out, line.data, line.len, 0);
	sb_addc(out, '\n');
	sb_free(&line);
}

/* After a call to the session: the changes it made described, or why it refused. */
static bool took(struct run *r, bool ok, size_t before, struct rv_item it)
{
	if (!ok) {
		struct strbuf name;
		sb_init(&name);
		item_label(&r->m, it, &name);
		struct strbuf why;
		sb_init(&why);
		text_sanitize(&why, r->s.error, strlen(r->s.error), 0);
		say(r, "%s: %s%s", name.data, why.data, strstr(r->s.error, "nothing was") ? "" : "; nothing was written");
		sb_free(&why);
		sb_free(&name);
		return false;
	}
	if (r->s.applied == before)
		r->unchanged++;
	for (size_t i = before; i < r->s.applied; i++) {
		describe(r, &r->s.changes[i], &r->lines);
		r->made++;
	}
	return true;
}

static enum rv_change_kind state_kind(enum rv_set_what w)
{
	return w == RV_SET_STATUS ? RV_CHANGE_STATUS : w == RV_SET_DECISION ? RV_CHANGE_DECISION : RV_CHANGE_PRIORITY;
}

static bool set_one(struct run *r, struct rv_item it, struct rv_set_field f, const char *value)
{
	struct rv_session *s = &r->s;
	size_t before = s->applied;
	const char *note = r->a->note;
	bool ok = true;
	if (f.what == RV_SET_FIELD)
		return took(r, rv_change_item_field(s, it, f.field, value, note), before, it);
	if (f.what == RV_SET_AGENDA) {
		bool on = rv_agenda_position(s, it.index) >= 0;
		if (on != (rv_yes_no(value) == 1))
			ok = rv_agenda_toggle(s, it.index);
		return took(r, ok, before, it);
	}
	/* A status, decision or priority it already has is left alone: no history row saying nothing new. */
	char *now = rv_change_current_value(s->m, state_kind(f.what), it.index);
	bool same = rv_change_values_equal(state_kind(f.what), now, value);
	free(now);
	if (!same && f.what == RV_SET_STATUS)
		ok = rv_change_status(s, it.index, value, note, r->a->date);
	else if (!same && f.what == RV_SET_DECISION)
		ok = rv_change_decision(s, it.index, value, note, r->a->date);
	else if (!same)
		ok = rv_change_priority(s, it.index, value);
	return took(r, ok, before, it);
}

static bool apply_set(struct run *r)
{
	for (size_t i = 0; i < r->nitems; i++) {
		for (size_t k = 0; k < r->a->nassigns; k++) {
			struct rv_set_field f;
			char why[512];
			/* Parsed again for this item's kind (checked already). */
			rv_set_field_parse(r->items[i].kind, r->a->assigns[k].field, r->a->assigns[k].field_len, &f, why,
					   sizeof(why));
			if (!set_one(r, r->items[i], f, r->a->assigns[k].value))
				return false;
		}
	}
	return true;
}

/* agenda move: the one id to its place. */
static bool apply_move(struct run *r, size_t rec)
{
	struct rv_session *s = &r->s;
	long at = rv_agenda_position(s, rec);
	struct rv_text id = rv_rec_id(&r->m, rec);
	struct strbuf shown;
	sb_init(&shown);
	text_sanitize(&shown, id.ptr, id.len, 0);
	if (at < 0) {
		say(r, "%s is not on the agenda; nothing was written", shown.data);
		sb_free(&shown);
		return false;
	}
	long last = (long)s->nagenda - 1;
	long to = r->a->move_to == -1 ? last : r->a->move_to > 0 ? r->a->move_to - 1 : at + r->a->move_delta;
	if (to > last)
		to = last;
	if (to < 0)
		to = 0;
	sb_free(&shown);
	size_t before = s->applied;
	bool ok = to == at || rv_agenda_move(s, rec, (int)(to - at));
	return took(r, ok, before, (struct rv_item){RV_RECS, rec});
}

static bool apply_agenda(struct run *r)
{
	struct rv_session *s = &r->s;
	for (size_t i = 0; i < r->nitems; i++) {
		size_t rec = r->items[i].index;
		if (r->a->agenda == RV_AGENDA_MOVE)
			return apply_move(r, rec);
		bool on = rv_agenda_position(s, rec) >= 0;
		size_t before = s->applied;
		bool ok = on == (r->a->agenda == RV_AGENDA_ADD) || rv_agenda_toggle(s, rec);
		if (!took(r, ok, before, r->items[i]))
			return false;
	}
	return true;
}

static bool apply(struct run *r)
{
	switch (r->a->cmd) {
	case RV_CMD_SET:
		return apply_set(r);
	case RV_CMD_NOTE: {
		size_t before = r->s.applied;
		return took(r, rv_add_note(&r->s, r->items[0].index, r->a->note), before, r->items[0]);
	}
	case RV_CMD_AGENDA:
		return apply_agenda(r);
	}
	return false;
}

/* agenda list: position, id, title, tab-separated (sanitised). */
static void list_agenda(struct run *r, struct strbuf *out)
{
	for (size_t i = 0; i < r->s.nagenda; i++) {
		struct rv_text id = rv_rec_id(&r->m, r->s.agenda[i].rec);
		struct rv_text title = rv_rec_headline(&r->m, r->s.agenda[i].rec);
		sb_addf(out, "%zu\t", i + 1);
		text_sanitize(out, id.ptr, id.len, 0);
		sb_addc(out, '\t');
		text_sanitize(out, title.ptr, title.len, 0);
		sb_addc(out, '\n');
	}
}

/* ---- one round ---- */

enum round { ROUND_DONE, ROUND_AGAIN };

/* Loads, checks, makes the changes and saves them; *code is the exit code when done. */
static enum round one_round(struct run *r, const char *dir, const char *author, const struct rv_save_ops *ops,
			    struct strbuf *out, int *code, bool last)
{
	const struct rv_cmd_args *a = r->a;
	*code = EXIT_ERRORS;
	if (!load(r, dir, author, ops))
		return ROUND_DONE;
	const char *read_only = rv_session_why_read_only(&r->s);
	if (read_only && !(a->cmd == RV_CMD_AGENDA && a->agenda == RV_AGENDA_LIST)) {
		struct strbuf why;
		sb_init(&why);
		text_sanitize(&why, read_only, strlen(read_only), 0);
		say(r, "%s: nothing was changed", why.data);
		sb_free(&why);
		return ROUND_DONE;
	}
	if (a->cmd == RV_CMD_AGENDA && a->agenda == RV_AGENDA_LIST) {
		list_agenda(r, out);
		*code = EXIT_CLEAN;
		return ROUND_DONE;
	}
	if (!(a->filter ? resolve_filter(r) : resolve_ids(r)))
		return ROUND_DONE;
	if (a->cmd == RV_CMD_SET && !check_assigns(r))
		return ROUND_DONE;
	if (a->filter && !r->nitems) {
		say(r, "no recommendation matches the filter; nothing was changed");
		*code = EXIT_CLEAN;
		return ROUND_DONE;
	}
	rv_session_begin_group(&r->s);
	if (!apply(r))
		return ROUND_DONE; /* the group is dropped unsaved: nothing was written */
	if (a->dry_run) {
		r->s.group = 0;
		sb_add(out, r->lines.data ? r->lines.data : "", r->lines.len);
		say(r, "dry run: %zu change%s, nothing was written", r->made, r->made == 1 ? "" : "s");
		*code = EXIT_CLEAN;
		return ROUND_DONE;
	}
	if (!rv_session_end_group(&r->s)) {
		if (r->s.conflict && !last)
			return ROUND_AGAIN;
		struct strbuf why;
		sb_init(&why);
		text_sanitize(&why, r->s.error, strlen(r->s.error), 0);
		say(r, "not saved: %s%s; nothing was written", why.data,
		    r->s.conflict ? " (another program kept saving these files: try again)" : "");
		sb_free(&why);
		*code = EXIT_UNSAVED;
		return ROUND_DONE;
	}
	sb_add(out, r->lines.data ? r->lines.data : "", r->lines.len);
	if (a->filter)
		say(r, "%zu recommendation%s matched, %zu change%s made%s", r->matched, r->matched == 1 ? "" : "s", r->made,
		    r->made == 1 ? "" : "s", r->unchanged ? " (the rest were so already)" : "");
	else if (!r->made)
		say(r, "nothing to change: it is so already");
	*code = EXIT_CLEAN;
	return ROUND_DONE;
}

int rv_cmd_run(const struct rv_cmd_args *a, const char *dir, const char *author, const struct rv_save_ops *ops,
	       struct strbuf *out, struct strbuf *err)
{
	if (!a->read_only)
		recover_store(dir, err);
	int code = EXIT_ERRORS;
	for (int round = 0; round < SAVE_ROUNDS; round++) {
		struct run r;
		memset(&r, 0, sizeof(r));
		r.a = a;
		r.err = err;
		sb_init(&r.lines);
		enum round next = one_round(&r, dir, author, ops, out, &code, round == SAVE_ROUNDS - 1);
		run_free(&r);
		if (next == ROUND_DONE)
			break;
	}
	return code;
}

/* ---- the command line ---- */

int cli_triage_main(int argc, char **argv, const char *dir)
{
	struct rv_cmd_args a;
	char why[1024];
	if (!rv_cmd_parse(argc, argv, dir, &a, why, sizeof(why))) {
		fprintf(stderr, "recview: %s\n", why);
		cli_triage_usage(a.cmd, stderr);
		rv_cmd_args_free(&a);
		return EXIT_ERRORS;
	}
	if (a.help) {
		cli_triage_usage(a.cmd, stdout);
		rv_cmd_args_free(&a);
		return EXIT_CLEAN;
	}
	/* The author and the data directory of the configuration, as the browser takes them. */
	struct config cfg;
	struct diag_list ignored;
	diag_list_init(&ignored);
	char *path = config_default_path();
	config_load(&cfg, path, &ignored, NULL);
	free(path);
	struct cli_options opt;
	memset(&opt, 0, sizeof(opt));
	opt.dir = a.dir;
	opt.config_data = cfg.data;
	struct strbuf out, err;
	sb_init(&out);
	sb_init(&err);
	int code = rv_cmd_run(&a, cli_data_dir(&opt, argv[0]), a.author ? a.author : cfg.author, NULL, &out, &err);
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	fflush(stdout);
	fwrite(err.data ? err.data : "", 1, err.len, stderr);
	sb_free(&out);
	sb_free(&err);
	config_free(&cfg);
	diag_list_free(&ignored);
	rv_cmd_args_free(&a);
	return code;
}
