/* triage.c - the session: changes made, logged, undone and redone; each saved at once. */
#include "recview/triage.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/change.h"
#include "recview/entity.h"
#include "recview/text.h"

/* ---- the session ---- */

void rv_session_load_agenda(struct rv_session *s)
{
	const struct rv_model *m = s->m;
	size_t n = rv_child_total(m, RV_AGENDA);
	s->agenda = xcalloc(n + 1, sizeof(*s->agenda));
	s->nagenda = 0;
	for (size_t i = 0; i < n; i++) {
		const struct rv_child *c = rv_child_at(m, RV_AGENDA, i);
		if (c->rec < 0 || rv_agenda_position(s, (size_t)c->rec) >= 0)
			continue;
		struct rv_text added = rv_child_field(m, RV_AGENDA, i, AGENDA_ADDED);
		struct rv_text author = rv_child_field(m, RV_AGENDA, i, AGENDA_AUTHOR);
		struct rv_text minutes = rv_child_field(m, RV_AGENDA, i, AGENDA_MINUTES);
		struct rv_agenda_item *it = &s->agenda[s->nagenda++];
		it->rec = (uint32_t)c->rec;
		it->added = xstrndup(added.ptr, added.len);
		it->author = xstrndup(author.ptr, author.len);
		char *typed = xstrndup(minutes.ptr, minutes.len);
		if (!rv_minutes_parse(typed, &it->minutes))
			it->minutes = 0; /* not a number of minutes: no budget */
		free(typed);
	}
}

bool rv_minutes_parse(const char *text, unsigned *minutes)
{
	const char *p = text ? text : "";
	unsigned long n = 0;
	bool digits = false;
	while (*p == ' ' || *p == '\t')
		p++;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (unsigned long)(*p - '0');
		digits = true;
		if (n > RV_MINUTES_MAX)
			return false;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p)
		return false;
	*minutes = digits ? (unsigned)n : 0;
	return true;
}

unsigned rv_agenda_minutes(const struct rv_session *s, size_t rec)
{
	long at = rv_agenda_position(s, rec);
	return at >= 0 ? s->agenda[at].minutes : 0;
}

static void decide_read_only(struct rv_session *s, bool asked)
{
	s->read_only = true;
	if (asked) {
		snprintf(s->read_only_why, sizeof(s->read_only_why), "read-only (--read-only)");
		return;
	}
	char *recs = rv_model_path(s->m, RV_RECS);
	if (access(s->m->dir, W_OK) != 0)
		snprintf(s->read_only_why, sizeof(s->read_only_why), "read-only: the data set directory cannot be written (%s)",
			 strerror(errno));
	else if (access(recs, W_OK) != 0)
		snprintf(s->read_only_why, sizeof(s->read_only_why), "read-only: recommendations.csv cannot be written (%s)",
			 strerror(errno));
	else
		s->read_only = false;
	free(recs);
}

/* What each file was when it was read; the loaded bytes are hashed, not read again. */
void rv_session_stamp_tables(struct rv_session *s)
{
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		char *path = rv_model_path(s->m, (enum rv_kind)k);
		if (rv_kind_present(s->m, (enum rv_kind)k)) {
			struct rv_text bytes = rv_kind_bytes(s->m, (enum rv_kind)k);
			rv_file_stamp_of(path, bytes.ptr, bytes.len, &s->stamps[k]);
		}
		else
			rv_file_stamp_read(path, &s->stamps[k]);
		s->saved_rows[k] = rv_kind_rows(s->m, (enum rv_kind)k);
		s->rewrite[k] = false;
		free(path);
	}
}

void rv_session_open(struct rv_session *s, struct rv_model *m, const char *author, bool read_only)
{
	memset(s, 0, sizeof(*s));
	s->m = m;
	const char *user = author && *author ? author : getenv("USER");
	s->author = xstrdup(user && *user ? user : "unknown");
	s->ops = &rv_save_system_ops;
	s->cannot_hold = -1;
	decide_read_only(s, read_only);
	/* A save that a crash interrupted is completed or rolled back before anything is read from disk
	 * again; the model was loaded before, so it is loaded again when recovery changed a file. */
	char err[512] = "";
	if (!rv_store_open(&s->store, m->dir, s->ops, !s->read_only, err, sizeof(err)) && !s->read_only) {
		s->read_only = true;
		snprintf(s->read_only_why, sizeof(s->read_only_why), "read-only: %s", err);
	}
	if (err[0])
		snprintf(s->error, sizeof(s->error), "%s", err);
	rv_session_stamp_tables(s);
	rv_session_load_agenda(s);
}

void rv_change_free(struct rv_change *c)
{
	free(c->rec_id);
	free(c->before);
	free(c->after);
	free(c->note);
	free(c->author);
	free(c->cell.old_text);
	free(c->cell.more);
	free(c->item);
}

void rv_session_add_time(struct rv_session *s, size_t rec, double seconds)
{
	struct rv_text id = rv_rec_id(s->m, rec);
	for (size_t i = 0; i < s->ntimes; i++) {
		if (strlen(s->times[i].rec_id) == id.len && memcmp(s->times[i].rec_id, id.ptr, id.len) == 0) {
			s->times[i].seconds += seconds;
			return;
		}
	}
	s->times = xreallocarray(s->times, s->ntimes + 1, sizeof(*s->times));
	s->times[s->ntimes].rec_id = xstrndup(id.ptr, id.len);
	s->times[s->ntimes++].seconds = seconds;
}

void rv_session_free(struct rv_session *s)
{
	rv_session_wait(s);
	for (size_t i = 0; i < s->ntimes; i++)
		free(s->times[i].rec_id);
	free(s->times);
	for (size_t i = 0; i < s->n; i++)
		rv_change_free(&s->changes[i]);
	free(s->changes);
	rv_session_clear_agenda(s);
	free(s->author);
	for (size_t i = 0; i < s->nconflicts; i++)
		rv_conflict_free(&s->conflicts[i]);
	free(s->conflicts);
	rv_store_close(&s->store);
	memset(s, 0, sizeof(*s));
}

const char *rv_session_why_read_only(const struct rv_session *s)
{
	return s->read_only ? s->read_only_why : NULL;
}

bool rv_session_has_unsaved(const struct rv_session *s)
{
	return rv_session_files_unsaved(s) || s->nconflicts > 0;
}

static size_t count_held(const struct rv_session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nconflicts; i++)
		n += s->conflicts[i].nheld;
	return n;
}

size_t rv_session_count_unsaved(const struct rv_session *s)
{
	size_t held = count_held(s);
	if (!rv_session_files_unsaved(s))
		return held;
	/* Undoing a saved change is itself a change that needs saving: count at least one. */
	return held + (s->applied > s->saved_applied ? s->applied - s->saved_applied : 1);
}

void rv_change_describe(const struct rv_change *c, struct strbuf *out)
{
	static const char *const what[] = {"status", "decision", "priority", "note", "added to the agenda",
					   "removed from the agenda", "moved on the agenda", "field", "minutes"};
	struct strbuf line;
	sb_init(&line);
	if (c->kind == RV_CHANGE_FIELD) {
		const char *name = rv_item_field_name((enum rv_kind)c->target, c->field);
		bool retract = c->target == RV_NOTES && (!c->after || !*c->after);
		sb_addf(&line, "%s of %s%s%s", retract ? "note retracted" : c->target == RV_NOTES ? "note amended" : name ? name : "field",
			c->rec_id, c->item && *c->item ? " " : "", c->item ? c->item : "");
	} else {
		sb_addf(&line, "%s of %s", what[c->kind], c->rec_id);
	}
	if (rv_change_shows_values(c))
		sb_addf(&line, ": %s -> %s", c->before && *c->before ? c->before : "(none)",
			c->after && *c->after ? c->after : "(none)");
	if (c->note)
		sb_addf(&line, ": %s", c->note);
	text_sanitize(out, line.data, line.len, 0);
	sb_free(&line);
}

void rv_session_describe_unsaved(const struct rv_session *s, struct strbuf *out)
{
	if (!rv_session_has_unsaved(s))
		return;
	if (s->applied <= s->saved_applied && !s->nconflicts)
		sb_adds(out, "  undoing changes that had been saved\n");
	for (size_t i = s->saved_applied; i < s->applied; i++) {
		sb_adds(out, "  ");
		rv_change_describe(&s->changes[i], out);
		sb_addc(out, '\n');
	}
	for (size_t i = 0; i < s->nconflicts; i++) {
		sb_adds(out, "  in conflict with the files: ");
		rv_conflict_describe(&s->conflicts[i], out);
		sb_addc(out, '\n');
	}
}

void rv_session_clear_agenda(struct rv_session *s)
{
	for (size_t i = 0; i < s->nagenda; i++) {
		free(s->agenda[i].added);
		free(s->agenda[i].author);
	}
	free(s->agenda);
	s->agenda = NULL;
	s->nagenda = 0;
}

long rv_agenda_position(const struct rv_session *s, size_t rec)
{
	for (size_t i = 0; i < s->nagenda; i++)
		if (s->agenda[i].rec == rec)
			return (long)i;
	return -1;
}

/* A file changed in memory: it needs saving, and any save already under way is of an older state. */
void rv_session_touch(struct rv_session *s, int kind)
{
	s->unsaved[kind] = true;
	s->gen[kind]++;
}

/* ---- applying and undoing ---- */

/* Text the user typed: defused against spreadsheet formulas before it is stored. */
static char *typed(const char *text)
{
	struct strbuf sb;
	sb_init(&sb);
	if (text)
		rv_defuse_formula(&sb, text, strlen(text));
	char *result = sb_detach(&sb);
	sb_free(&sb);
	return result;
}

/* A change of kind to recommendation rec, by the session's author, now; commit logs it. */
static void new_change(const struct rv_session *s, struct rv_change *c, enum rv_change_kind kind, size_t rec)
{
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	struct rv_text id = rv_rec_id(s->m, rec);
	c->rec_id = xstrndup(id.ptr, id.len);
	c->author = xstrdup(s->author);
	rv_now(c->time);
}

static bool refuse_read_only(struct rv_session *s)
{
	if (!s->read_only)
		return false;
	snprintf(s->error, sizeof(s->error), "%s: nothing was changed", s->read_only_why);
	return true;
}

/*
 * Logs the change (filled in by the caller, and taken over), applies it and saves; a change the files
 * could not read back as meant (a field a mapping derives) is refused first, with nothing changed.
 * Within a group, the group's end saves.
 */
static bool commit(struct rv_session *s, struct rv_change *change)
{
	char why[512];
	if (!rv_change_writable(s, change, why, sizeof(why))) {
		snprintf(s->error, sizeof(s->error), "%s: nothing was changed", why);
		rv_change_free(change);
		return false;
	}
	/* A new change drops what could have been redone. */
	for (size_t i = s->applied; i < s->n; i++)
		rv_change_free(&s->changes[i]);
	s->n = s->applied;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->changes = xreallocarray(s->changes, s->cap, sizeof(*s->changes));
	}
	struct rv_change *c = &s->changes[s->n];
	*c = *change;
	c->group = s->group;
	s->n++;
	s->applied = s->n;
	rv_change_apply(s, c);
	return s->group ? true : rv_session_persist(s);
}

void rv_session_begin_group(struct rv_session *s)
{
	s->group = ++s->last_group;
	memcpy(s->group_unsaved, s->unsaved, sizeof(s->unsaved));
	memcpy(s->group_rewrite, s->rewrite, sizeof(s->rewrite));
}

bool rv_session_cancel_group(struct rv_session *s)
{
	unsigned group = s->group;
	s->group = 0;
	/* Nothing of the group was saved: it is taken back in memory, and forgotten. */
	while (group && s->applied && s->changes[s->applied - 1].group == group) {
		rv_change_unapply(s, &s->changes[s->applied - 1]);
		s->applied--;
	}
	for (size_t i = s->applied; i < s->n; i++)
		rv_change_free(&s->changes[i]);
	s->n = s->applied;
	/* Memory is as the files are again (a table made for the group is empty and stays unwritten). */
	memcpy(s->unsaved, s->group_unsaved, sizeof(s->unsaved));
	memcpy(s->rewrite, s->group_rewrite, sizeof(s->rewrite));
	return rv_session_files_unsaved(s) ? rv_session_persist(s) : true;
}

bool rv_session_finish_group(struct rv_session *s, bool ok)
{
	bool made = s->applied > 0 && s->changes[s->applied - 1].group == s->group;
	if (ok || !made) {
		bool saved = rv_session_end_group(s);
		return ok && saved;
	}
	char why[sizeof(s->error)];
	snprintf(why, sizeof(why), "%s", s->error);
	rv_session_cancel_group(s);
	snprintf(s->error, sizeof(s->error), "%s", why);
	return false;
}

bool rv_session_end_group(struct rv_session *s)
{
	unsigned group = s->group;
	s->group = 0;
	bool made = s->applied > 0 && s->changes[s->applied - 1].group == group;
	return made ? rv_session_persist(s) : true;
}

/* Whether a file's own encoding can hold text the change writes into it (an emoji cannot go into Windows-1252). */
static bool fits(struct rv_session *s, enum rv_kind kind, const char *text)
{
	enum rv_encoding enc = rv_kind_encoding(s->m, kind);
	size_t bad;
	if (!text || !rv_kind_present(s->m, kind) || rv_encoding_can_hold(enc, text, strlen(text), &bad))
		return true;
	size_t n = 1;
	while (text[bad + n] && ((unsigned char)text[bad + n] & 0xC0) == 0x80)
		n++;
	struct strbuf shown;
	sb_init(&shown);
	text_sanitize(&shown, text + bad, n, 0);
	snprintf(s->error, sizeof(s->error), "%s is in %s, which cannot hold \"%s\": nothing was changed",
		 rv_table_file(s->m, kind), rv_encoding_name(enc), shown.data);
	sb_free(&shown);
	s->cannot_hold = (int)kind;
	return false;
}

static bool can_write(struct rv_session *s, enum rv_kind kind);

bool rv_session_convert_to_utf8(struct rv_session *s, enum rv_kind kind)
{
	if (refuse_read_only(s) || !can_write(s, kind))
		return false;
	if (!rv_model_convert_to_utf8(s->m, kind)) {
		snprintf(s->error, sizeof(s->error), "%s is in UTF-8 already", rv_table_file(s->m, kind));
		return false;
	}
	/* Every byte of it is written again, with the change that needed it. */
	rv_session_touch(s, kind);
	s->rewrite[kind] = true;
	s->cannot_hold = -1;
	return true;
}

/*
 * Whether the file of a table may be written: it is not one that exists but could not be read (that is
 * never replaced), and the store allows it (inside the data set, no dangling symlink...).
 */
static bool can_write(struct rv_session *s, enum rv_kind kind)
{
	const char *file = rv_table_file(s->m, kind);
	bool exists;
	char why[512];
	if (rv_kind_unreadable(s->m, kind)) {
		snprintf(s->error, sizeof(s->error),
			 "%s exists but could not be read (see !), so recview does not replace it: nothing was changed", file);
		return false;
	}
	if (rv_kind_lossy(s->m, kind)) {
		snprintf(s->error, sizeof(s->error),
			 "%s would not be written back byte for byte in %s (see !), so recview does not write it: nothing was changed",
			 file, rv_encoding_name(rv_kind_encoding(s->m, kind)));
		return false;
	}
	if (!rv_store_may_write(&s->store, file, &exists, why, sizeof(why))) {
		snprintf(s->error, sizeof(s->error), "%s: nothing was changed", why);
		return false;
	}
	return true;
}

/*
 * Whether a row appended to a child file can name its recommendation and hold field (-1: none needed);
 * else s->error says why. A file the data set lacks is created with every column.
 */
static bool can_append(struct rv_session *s, enum rv_kind kind, int field)
{
	const struct rv_kind_def *def = rv_kind_def(kind);
	if (!can_write(s, kind))
		return false;
	if (!rv_kind_present(s->m, kind))
		return true;
	uint32_t open_quote = rv_kind_open_quote_line(s->m, kind);
	if (open_quote) {
		/* The next load would read an appended row as part of that never-closed field. */
		char *path = rv_model_path(s->m, kind);
		struct strbuf shown;
		sb_init(&shown);
		text_sanitize(&shown, path, strlen(path), 0);
		snprintf(s->error, sizeof(s->error),
			 "%s:%u: a quoted field opened here is never closed, so a row added after it would become part of "
			 "it; close the quote first: nothing was changed",
			 shown.data, open_quote);
		sb_free(&shown);
		free(path);
		return false;
	}
	for (int f = 0; f < def->nfields; f++) {
		if ((def->fields[f].required || f == field) && !rv_kind_has_field(s->m, kind, f)) {
			char name[64];
			snprintf(name, sizeof(name), "%s", def->fields[f].name);
			for (char *p = name; *p; p++)
				if (*p == ' ')
					*p = '_';
			snprintf(s->error, sizeof(s->error), "%s has no %s column: nothing was changed", def->file, name);
			return false;
		}
	}
	return true;
}

static bool change_state(struct rv_session *s, size_t rec, bool status, const char *value, const char *note,
			 const char *date)
{
	s->cannot_hold = -1;
	if (refuse_read_only(s))
		return false;
	const char *canon;
	if (status) {
		enum rv_status st = rv_status_parse(value, strlen(value));
		if (st == RV_STATUS_NONE || st == RV_STATUS_UNKNOWN) {
			snprintf(s->error, sizeof(s->error), "unknown status; use one of: %s", rv_status_vocabulary());
			return false;
		}
		canon = rv_status_name(st);
	} else {
		enum rv_decision d = rv_decision_parse(value, strlen(value));
		if (d == RV_DECISION_NONE || d == RV_DECISION_UNKNOWN) {
			snprintf(s->error, sizeof(s->error), "unknown decision; use one of: %s", rv_decision_vocabulary());
			return false;
		}
		canon = rv_decision_name(d);
	}
	int32_t parsed;
	char today[16];
	rv_today(today);
	if (!date || !*date)
		date = today;
	if (rv_date_parse(date, strlen(date), &parsed) != RV_DATE_OK || strlen(date) != 10) {
		snprintf(s->error, sizeof(s->error), "bad date '%.20s': use YYYY-MM-DD", date);
		return false;
	}
	if (!can_append(s, RV_HISTORY, -1) || !can_write(s, RV_RECS) || !fits(s, RV_HISTORY, note) ||
	    !fits(s, RV_HISTORY, s->author))
		return false;
	/* Its changes.csv row (when it was recorded) is written too, or nothing is. */
	if (!can_append(s, RV_CHANGES, CHG_VALUE) || !fits(s, RV_CHANGES, note) || !fits(s, RV_CHANGES, s->author))
		return false;
	if (!rv_kind_has_field(s->m, RV_RECS, status ? REC_STATUS : REC_DECISION) && rv_kind_present(s->m, RV_HISTORY) &&
	    !rv_kind_has_field(s->m, RV_HISTORY, status ? HIST_STATUS : HIST_DECISION)) {
		snprintf(s->error, sizeof(s->error),
			 "neither recommendations.csv nor status_history.csv has a %s column: nothing was changed",
			 status ? "status" : "decision");
		return false;
	}
	struct rv_change c;
	new_change(s, &c, status ? RV_CHANGE_STATUS : RV_CHANGE_DECISION, rec);
	c.before = xstrdup(status ? rv_status_name(rv_rec_status(s->m, rec, RV_DATE_NONE))
				  : rv_decision_name(rv_rec_decision(s->m, rec, RV_DATE_NONE)));
	c.after = xstrdup(canon);
	c.note = note && *note ? typed(note) : NULL;
	snprintf(c.date, sizeof(c.date), "%s", date);
	return commit(s, &c);
}

bool rv_change_status(struct rv_session *s, size_t rec, const char *status, const char *note, const char *date)
{
	return change_state(s, rec, true, status, note, date);
}

bool rv_change_decision(struct rv_session *s, size_t rec, const char *decision, const char *note, const char *date)
{
	return change_state(s, rec, false, decision, note, date);
}

bool rv_change_priority(struct rv_session *s, size_t rec, const char *priority)
{
	if (refuse_read_only(s))
		return false;
	int p = rv_priority_parse(priority, strlen(priority));
	if (p < 0) {
		snprintf(s->error, sizeof(s->error), "unknown priority; use P1, P2, P3, P4 or nothing");
		return false;
	}
	if (!rv_kind_has_field(s->m, RV_RECS, REC_PRIORITY)) {
		snprintf(s->error, sizeof(s->error), "recommendations.csv has no priority column");
		return false;
	}
	if (!can_write(s, RV_RECS))
		return false;
	struct rv_change c;
	new_change(s, &c, RV_CHANGE_PRIORITY, rec);
	struct rv_text old = rv_rec_field(s->m, rec, REC_PRIORITY);
	char canon[16] = "";
	if (p > 0)
		snprintf(canon, sizeof(canon), "P%d", p);
	c.before = xstrndup(old.ptr, old.len);
	c.after = xstrdup(canon);
	return commit(s, &c);
}

bool rv_add_note(struct rv_session *s, size_t rec, const char *note)
{
	s->cannot_hold = -1;
	if (refuse_read_only(s))
		return false;
	if (!note || !*note) {
		snprintf(s->error, sizeof(s->error), "an empty note is not added");
		return false;
	}
	if (!can_append(s, RV_NOTES, NOTE_TEXT) || !fits(s, RV_NOTES, note) || !fits(s, RV_NOTES, s->author))
		return false;
	struct rv_change c;
	new_change(s, &c, RV_CHANGE_NOTE, rec);
	c.note = typed(note);
	return commit(s, &c);
}

bool rv_agenda_toggle(struct rv_session *s, size_t rec)
{
	if (refuse_read_only(s))
		return false;
	if (!can_write(s, RV_AGENDA))
		return false;
	long at = rv_agenda_position(s, rec);
	struct rv_change c;
	new_change(s, &c, at >= 0 ? RV_CHANGE_AGENDA_REMOVE : RV_CHANGE_AGENDA_ADD, rec);
	c.agenda_from = at;
	return commit(s, &c);
}

bool rv_agenda_move(struct rv_session *s, size_t rec, int delta)
{
	if (refuse_read_only(s))
		return false;
	long at = rv_agenda_position(s, rec);
	if (at < 0) {
		snprintf(s->error, sizeof(s->error), "not on the agenda");
		return false;
	}
	if (!can_write(s, RV_AGENDA))
		return false;
	long to = at + delta;
	if (to < 0 || to >= (long)s->nagenda) {
		snprintf(s->error, sizeof(s->error), "already %s of the agenda", delta < 0 ? "at the top" : "at the end");
		return false;
	}
	struct rv_change c;
	new_change(s, &c, RV_CHANGE_AGENDA_MOVE, rec);
	c.agenda_from = at;
	c.agenda_to = to;
	return commit(s, &c);
}

/* Minutes as the file and the change log write them: "" for none. */
static char *minutes_text(unsigned minutes)
{
	char buf[16] = "";
	if (minutes)
		snprintf(buf, sizeof(buf), "%u", minutes);
	return xstrdup(buf);
}

bool rv_agenda_set_minutes(struct rv_session *s, size_t rec, unsigned minutes)
{
	if (refuse_read_only(s))
		return false;
	long at = rv_agenda_position(s, rec);
	if (at < 0) {
		snprintf(s->error, sizeof(s->error), "not on the agenda: only an agenda item has a budget");
		return false;
	}
	if (minutes > RV_MINUTES_MAX) {
		snprintf(s->error, sizeof(s->error), "a budget is at most %d minutes", RV_MINUTES_MAX);
		return false;
	}
	if (!can_write(s, RV_AGENDA))
		return false;
	if (s->agenda[at].minutes == minutes) {
		snprintf(s->error, sizeof(s->error), "the budget is %u minutes already", minutes);
		return false;
	}
	struct rv_change c;
	new_change(s, &c, RV_CHANGE_AGENDA_MINUTES, rec);
	c.agenda_from = at;
	c.before = minutes_text(s->agenda[at].minutes);
	c.after = minutes_text(minutes);
	return commit(s, &c);
}

bool rv_undo(struct rv_session *s)
{
	if (refuse_read_only(s))
		return false;
	if (!s->applied) {
		snprintf(s->error, sizeof(s->error), "nothing to undo");
		return false;
	}
	if (s->nconflicts) {
		snprintf(s->error, sizeof(s->error), "settle the %zu conflict%s with the files first (C lists them): nothing was undone",
			 s->nconflicts, s->nconflicts == 1 ? "" : "s");
		return false;
	}
	/* A group comes off whole, or not at all: a member that cannot be undone puts back the others. */
	unsigned group = s->changes[s->applied - 1].group;
	size_t from = s->applied;
	do {
		if (!rv_change_unapply(s, &s->changes[s->applied - 1])) {
			while (s->applied < from)
				rv_change_apply(s, &s->changes[s->applied++]);
			return false;
		}
		s->applied--;
	} while (group && s->applied && s->changes[s->applied - 1].group == group);
	return rv_session_persist(s);
}

bool rv_redo(struct rv_session *s)
{
	if (refuse_read_only(s))
		return false;
	if (s->applied == s->n) {
		snprintf(s->error, sizeof(s->error), "nothing to redo");
		return false;
	}
	unsigned group = s->changes[s->applied].group;
	do
		rv_change_apply(s, &s->changes[s->applied++]);
	while (group && s->applied < s->n && s->changes[s->applied].group == group);
	return rv_session_persist(s);
}

/* ---- fields of any item ---- */

/* The fields a triage change may set, by kind (changelog.h). */
static bool field_settable(enum rv_kind kind, int field)
{
	switch (kind) {
	case RV_RECS:
		return field == REC_OWNER;
	case RV_DELIVERABLES:
		return field == DEL_STATUS || field == DEL_RESPONSIBLE || field == DEL_DUE;
	case RV_QUESTIONS:
		return field == Q_ANSWER || field == Q_STATUS;
	case RV_NOTES:
		return field == NOTE_TEXT;
	default:
		return false;
	}
}

/* A typed value in the field's canonical form (a status word, an ISO date), or NULL with s->error. */
static char *canonical_value(struct rv_session *s, enum rv_kind kind, int field, const char *value)
{
	enum rv_role role = rv_kind_def(kind)->fields[field].role;
	size_t len = strlen(value);
	if (role == RV_ROLE_STATUS) {
		enum rv_status st = rv_status_parse(value, len);
		if (st == RV_STATUS_UNKNOWN) {
			snprintf(s->error, sizeof(s->error), "unknown status; use one of: %s", rv_status_vocabulary());
			return NULL;
		}
		return xstrdup(rv_status_name(st));
	}
	if (role == RV_ROLE_STATE) {
		enum rv_qstatus st = rv_qstatus_parse(value, len);
		if (st == RV_QSTATUS_UNKNOWN) {
			snprintf(s->error, sizeof(s->error), "unknown question status; use one of: %s", rv_qstatus_vocabulary());
			return NULL;
		}
		return xstrdup(rv_qstatus_name(st));
	}
	if (role == RV_ROLE_DATE) {
		struct rv_date_value v;
		if (rv_date_read(value, len, RV_DATE_DAY_FIRST, &v) == RV_DATE_BAD) {
			snprintf(s->error, sizeof(s->error), "bad date '%.30s': use YYYY-MM-DD, YYYY-MM or a quarter (2016-Q3)",
				 value);
			return NULL;
		}
		if (v.precision == RV_DATE_PREC_NONE)
			return typed(value); /* empty, or a placeholder such as TBD */
		char iso[16];
		rv_date_format_precision(v.date, v.precision, iso, sizeof(iso));
		return xstrdup(iso);
	}
	return typed(value);
}

/* Whether a change to the item's field can be written: its file (where the field is a cell) and changes.csv. */
static bool can_write_item(struct rv_session *s, struct rv_item it, int field, const char *value, const char *note)
{
	enum rv_kind file = rv_kind_flat(s->m, it.kind) ? RV_RECS : it.kind;
	if (!rv_changelog_overrides(s->m, it.kind, field) && rv_kind_has_field(s->m, it.kind, field) &&
	    (!can_write(s, file) || !fits(s, file, value)))
		return false;
	return can_append(s, RV_CHANGES, CHG_VALUE) && fits(s, RV_CHANGES, value) && fits(s, RV_CHANGES, note) &&
	       fits(s, RV_CHANGES, s->author);
}

bool rv_note_amendable(const struct rv_session *s, size_t note, char *why, size_t whysize)
{
	struct rv_text who = rv_child_field(s->m, RV_NOTES, note, NOTE_AUTHOR);
	if (s->author && who.len == strlen(s->author) && memcmp(who.ptr, s->author, who.len) == 0)
		return true;
	struct strbuf safe;
	sb_init(&safe);
	text_sanitize(&safe, who.ptr, who.len, 0);
	if (who.len)
		snprintf(why, whysize, "only %.200s, who wrote this note, can amend or retract it", safe.data);
	else
		snprintf(why, whysize, "this note names no author: nobody can amend or retract it");
	sb_free(&safe);
	return false;
}

bool rv_change_item_field(struct rv_session *s, struct rv_item it, int field, const char *value, const char *note)
{
	s->cannot_hold = -1;
	if (refuse_read_only(s))
		return false;
	long rec = rv_item_rec(s->m, it);
	struct strbuf name;
	sb_init(&name);
	if (!field_settable(it.kind, field) || rec < 0 || !rv_item_name(s->m, it, &name)) {
		snprintf(s->error, sizeof(s->error), "that field cannot be changed here");
		sb_free(&name);
		return false;
	}
	if (it.kind == RV_NOTES && !rv_note_amendable(s, it.index, s->error, sizeof(s->error))) {
		sb_free(&name);
		return false;
	}
	char *canon = canonical_value(s, it.kind, field, value ? value : "");
	char *now = canon ? rv_item_field_value(s->m, it, field) : NULL;
	bool ok = canon && can_write_item(s, it, field, canon, note);
	if (ok && !rv_field_values_equal(it.kind, field, now, canon)) {
		struct rv_change c;
		new_change(s, &c, RV_CHANGE_FIELD, (size_t)rec);
		c.target = (int)it.kind;
		c.field = field;
		c.item = sb_detach(&name);
		c.before = now;
		c.after = canon;
		c.note = note && *note ? typed(note) : NULL;
		sb_free(&name);
		return commit(s, &c);
	}
	/* Already so: nothing to write. */
	free(canon);
	free(now);
	sb_free(&name);
	return ok;
}

