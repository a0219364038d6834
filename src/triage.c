/* triage.c - changes of a triage session: applied, logged, saved at once, undoable. */
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
#include "recview/text.h"

/* ---- the session ---- */

static void load_agenda(struct rv_session *s)
{
	const struct rv_model *m = s->m;
	size_t n = m->nchildren[RV_AGENDA];
	s->agenda = xcalloc(n + 1, sizeof(*s->agenda));
	s->nagenda = 0;
	for (size_t i = 0; i < n; i++) {
		const struct rv_child *c = &m->children[RV_AGENDA][i];
		if (c->rec < 0 || rv_agenda_position(s, (size_t)c->rec) >= 0)
			continue;
		struct csv_cell added = rv_cell(m, RV_AGENDA, c->row, AGENDA_ADDED);
		struct csv_cell author = rv_cell(m, RV_AGENDA, c->row, AGENDA_AUTHOR);
		struct rv_agenda_item *it = &s->agenda[s->nagenda++];
		it->rec = (uint32_t)c->rec;
		it->added = xstrndup(added.ptr, added.len);
		it->author = xstrndup(author.ptr, author.len);
	}
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
static void stamp_tables(struct rv_session *s)
{
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const struct rv_table *t = &s->m->tables[k];
		char *path = rv_model_path(s->m, (enum rv_kind)k);
		if (t->present)
			rv_file_stamp_of(path, t->csv.buf, t->csv.size, &s->stamps[k]);
		else
			rv_file_stamp_read(path, &s->stamps[k]);
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
	stamp_tables(s);
	load_agenda(s);
}

static void change_free(struct rv_change *c)
{
	free(c->rec_id);
	free(c->before);
	free(c->after);
	free(c->note);
	free(c->author);
}

void rv_session_add_time(struct rv_session *s, size_t rec, double seconds)
{
	struct csv_cell id = rv_rec_cell(s->m, rec, REC_ID);
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
		change_free(&s->changes[i]);
	free(s->changes);
	for (size_t i = 0; i < s->nagenda; i++) {
		free(s->agenda[i].added);
		free(s->agenda[i].author);
	}
	free(s->agenda);
	free(s->author);
	rv_store_close(&s->store);
	memset(s, 0, sizeof(*s));
}

const char *rv_session_why_read_only(const struct rv_session *s)
{
	return s->read_only ? s->read_only_why : NULL;
}

bool rv_session_has_unsaved(const struct rv_session *s)
{
	for (int k = 0; k < RV_KIND_COUNT; k++)
		if (s->unsaved[k])
			return true;
	return false;
}

size_t rv_session_count_unsaved(const struct rv_session *s)
{
	if (!rv_session_has_unsaved(s))
		return 0;
	/* Undoing a saved change is itself a change that needs saving: count at least one. */
	return s->applied > s->saved_applied ? s->applied - s->saved_applied : 1;
}

void rv_session_describe_unsaved(const struct rv_session *s, struct strbuf *out)
{
	static const char *const what[] = {"status", "decision", "priority", "note", "added to the agenda",
					   "removed from the agenda", "moved on the agenda"};
	if (!rv_session_has_unsaved(s))
		return;
	if (s->applied <= s->saved_applied) {
		sb_adds(out, "  undoing changes that had been saved\n");
		return;
	}
	for (size_t i = s->saved_applied; i < s->applied; i++) {
		const struct rv_change *c = &s->changes[i];
		struct strbuf line;
		sb_init(&line);
		sb_addf(&line, "%s of %s", what[c->kind], c->rec_id);
		if (c->kind <= RV_CHANGE_PRIORITY)
			sb_addf(&line, ": %s -> %s", c->before && *c->before ? c->before : "(none)",
				c->after && *c->after ? c->after : "(none)");
		if (c->note)
			sb_addf(&line, ": %s", c->note);
		sb_adds(out, "  ");
		text_sanitize(out, line.data, line.len, 0);
		sb_addc(out, '\n');
		sb_free(&line);
	}
}

long rv_agenda_position(const struct rv_session *s, size_t rec)
{
	for (size_t i = 0; i < s->nagenda; i++)
		if (s->agenda[i].rec == rec)
			return (long)i;
	return -1;
}

/* A file changed in memory: it needs saving, and any save already under way is of an older state. */
static void touch(struct rv_session *s, int kind)
{
	s->unsaved[kind] = true;
	s->gen[kind]++;
}

/* ---- saving ---- */

static void agenda_text(const struct rv_session *s, struct strbuf *out)
{
	sb_adds(out, "rec_id,added,author\n");
	for (size_t i = 0; i < s->nagenda; i++) {
		struct csv_cell id = rv_rec_cell(s->m, s->agenda[i].rec, REC_ID);
		csv_write_field(out, id.ptr, id.len);
		sb_addc(out, ',');
		csv_write_field(out, s->agenda[i].added, strlen(s->agenda[i].added));
		sb_addc(out, ',');
		csv_write_field(out, s->agenda[i].author, strlen(s->agenda[i].author));
		sb_addc(out, '\n');
	}
	/* Rows naming a recommendation the data set does not have are kept, after the agenda. */
	const struct rv_model *m = s->m;
	for (size_t i = 0; i < m->nchildren[RV_AGENDA]; i++) {
		const struct rv_child *c = &m->children[RV_AGENDA][i];
		if (c->rec >= 0)
			continue;
		for (int f = 0; f < AGENDA_NFIELDS; f++) {
			struct csv_cell v = rv_cell(m, RV_AGENDA, c->row, f);
			if (f)
				sb_addc(out, ',');
			csv_write_field(out, v.ptr, v.len);
		}
		sb_addc(out, '\n');
	}
}

static bool agenda_changed(const struct rv_session *s)
{
	for (size_t i = 0; i < s->applied; i++)
		if (s->changes[i].kind >= RV_CHANGE_AGENDA_ADD)
			return true;
	return false;
}

static void table_text(const struct rv_session *s, enum rv_kind kind, struct strbuf *out)
{
	/*
	 * The agenda is recview's own file, rewritten in agenda order while a change to it is in effect
	 * (with every change to it undone, it is written as it was read); the others keep every byte they had.
	 */
	if (kind == RV_AGENDA && (agenda_changed(s) || !s->m->tables[RV_AGENDA].present))
		agenda_text(s, out);
	else
		csv_table_serialize(&s->m->tables[kind].csv, out);
}

static struct rv_save_job *prepare_job(struct rv_session *s);
static void *write_job(void *arg);
static void collect_job(struct rv_session *s);

/* The same job as a background save, written here and now. */
bool rv_session_save(struct rv_session *s)
{
	rv_session_wait(s);
	struct rv_save_job *job = prepare_job(s);
	write_job(job);
	s->job = job;
	collect_job(s);
	return s->finished_ok;
}

/* Whether dir is the data set's own directory (or leads to it). */
static bool is_own_dir(const struct rv_session *s, const char *dir)
{
	struct stat a, b;
	return stat(dir, &a) == 0 && stat(s->m->dir, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

bool rv_session_save_to(struct rv_session *s, const char *dir)
{
	rv_session_wait(s);
	if (is_own_dir(s, dir)) {
		snprintf(s->error, sizeof(s->error),
			 "that is the data set's own directory: saving elsewhere never writes there (W retries or reloads)");
		return false;
	}
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		if (!s->m->tables[k].present && !(k == RV_AGENDA && s->nagenda))
			continue;
		struct strbuf data, path;
		sb_init(&data);
		sb_init(&path);
		table_text(s, (enum rv_kind)k, &data);
		sb_addf(&path, "%s/%s", dir, rv_kind_def((enum rv_kind)k)->file);
		char err[512];
		enum rv_save_result res = rv_save_atomic(path.data, data.data, data.len, NULL, s->ops, NULL, err, sizeof(err));
		sb_free(&data);
		sb_free(&path);
		if (res != RV_SAVE_OK) {
			snprintf(s->error, sizeof(s->error), "%s", err);
			return false;
		}
	}
	return true;
}

/* ---- saving in the background ---- */

struct save_file {
	int kind;
	bool snapshot_used;
	struct csv_table snapshot;          /* the table as it was: its own row and cell arrays, the rest shared */
	struct strbuf data;                 /* the file's new bytes */
	unsigned gen;                       /* the change count the bytes reflect */
};

struct rv_save_job {
	struct save_file files[RV_KIND_COUNT];
	struct rv_store_file commit[RV_KIND_COUNT]; /* the same files, as the store takes them */
	size_t n;
	size_t applied_at_start;            /* the session's applied count the files reflect */
	struct rv_store *store;
	enum rv_store_status result;
	char err[768];
	pthread_t thread;
	atomic_bool finished;
};

/*
 * The writer thread touches nothing but its job and the store: table snapshots whose row and cell
 * arrays are its own copies (the file bytes and the strings they point to never change while a model
 * lives). All the files of the job are one commit: all written, or none.
 */
static void *write_job(void *arg)
{
	struct rv_save_job *job = arg;
	for (size_t i = 0; i < job->n; i++) {
		struct save_file *f = &job->files[i];
		if (f->snapshot_used)
			csv_table_serialize(&f->snapshot, &f->data);
		job->commit[i].data = f->data.data ? f->data.data : "";
		job->commit[i].len = f->data.len;
	}
	job->result = rv_store_commit(job->store, job->commit, job->n, job->err, sizeof(job->err));
	atomic_store(&job->finished, true);
	return NULL;
}

static struct rv_save_job *prepare_job(struct rv_session *s)
{
	struct rv_save_job *job = xcalloc(1, sizeof(*job));
	s->store.ops = s->ops;
	job->store = &s->store;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		if (!s->unsaved[k])
			continue;
		struct save_file *f = &job->files[job->n];
		job->commit[job->n].name = rv_kind_def((enum rv_kind)k)->file;
		job->commit[job->n].expected = s->stamps[k];
		job->n++;
		f->kind = k;
		sb_init(&f->data);
		if (k == RV_AGENDA) {
			table_text(s, (enum rv_kind)k, &f->data);
		} else {
			/* Serialising a large file takes a while: the thread does it, from a copy of the arrays. */
			const struct csv_table *t = &s->m->tables[k].csv;
			f->snapshot = *t;
			f->snapshot.rows = xreallocarray(NULL, t->nrows + 1, sizeof(*t->rows));
			f->snapshot.cells = xreallocarray(NULL, t->ncells + 1, sizeof(*t->cells));
			memcpy(f->snapshot.rows, t->rows, t->nrows * sizeof(*t->rows));
			memcpy(f->snapshot.cells, t->cells, t->ncells * sizeof(*t->cells));
			f->snapshot.header = f->snapshot.cells;
			f->snapshot_used = true;
		}
		f->gen = s->gen[k];
	}
	atomic_init(&job->finished, false);
	job->applied_at_start = s->applied;
	job->thread = pthread_self(); /* until a thread of its own writes it */
	return job;
}

static void start_job(struct rv_session *s)
{
	struct rv_save_job *job = prepare_job(s);
	s->job = job;
	if (pthread_create(&job->thread, NULL, write_job, job) != 0) {
		/* No thread: write it here and now. */
		write_job(job);
		job->thread = pthread_self();
	}
}

/* Takes in a finished job's results; the interface thread only. */
static void collect_job(struct rv_session *s)
{
	struct rv_save_job *job = s->job;
	if (!pthread_equal(job->thread, pthread_self()))
		pthread_join(job->thread, NULL);
	s->job = NULL;
	s->finished_ok = job->result == RV_STORE_OK;
	s->conflict = job->result == RV_STORE_CONFLICT;
	snprintf(s->error, sizeof(s->error), "%s", s->finished_ok ? "" : job->err);
	for (size_t i = 0; i < job->n; i++) {
		struct save_file *f = &job->files[i];
		if (s->finished_ok) {
			s->stamps[f->kind] = job->commit[i].written;
			if (s->gen[f->kind] == f->gen)
				s->unsaved[f->kind] = false;
		}
		sb_free(&f->data);
		if (f->snapshot_used) {
			free(f->snapshot.rows);
			free(f->snapshot.cells);
		}
	}
	if (s->finished_ok && job->applied_at_start == s->applied && !rv_session_has_unsaved(s))
		s->saved_applied = s->applied;
	free(job);
}

bool rv_session_busy(const struct rv_session *s)
{
	return s->job != NULL;
}

bool rv_session_poll(struct rv_session *s)
{
	if (!s->job || !atomic_load(&s->job->finished))
		return false;
	collect_job(s);
	/* Changes made while it was being written go out next, unless it failed (W says what to do). */
	if (s->finished_ok && rv_session_has_unsaved(s))
		start_job(s);
	return true;
}

void rv_session_wait(struct rv_session *s)
{
	while (s->job) {
		collect_job(s);
		if (s->finished_ok && rv_session_has_unsaved(s))
			start_job(s);
	}
}

/* After a change: written now, or handed to the writer thread. */
static bool persist(struct rv_session *s)
{
	if (!s->async)
		return rv_session_save(s);
	if (!s->job)
		start_job(s);
	return true;
}

/* ---- applying and undoing ---- */

static struct rv_change *new_change(struct rv_session *s, enum rv_change_kind kind, size_t rec)
{
	/* A new change drops what could have been redone. */
	for (size_t i = s->applied; i < s->n; i++)
		change_free(&s->changes[i]);
	s->n = s->applied;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->changes = xreallocarray(s->changes, s->cap, sizeof(*s->changes));
	}
	struct rv_change *c = &s->changes[s->n];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	struct csv_cell id = rv_rec_cell(s->m, rec, REC_ID);
	c->rec_id = xstrndup(id.ptr, id.len);
	c->author = xstrdup(s->author);
	rv_now(c->time);
	return c;
}

static void set_cell(struct rv_session *s, struct rv_change *c, enum rv_kind kind, uint32_t row, int col,
		     const char *text)
{
	struct csv_table *t = &s->m->tables[kind].csv;
	struct csv_row *r = &t->rows[row];
	c->cell.used = true;
	c->cell.kind = kind;
	c->cell.row = row;
	c->cell.col = (uint32_t)col;
	c->cell.old = csv_cell_at(t, row, (size_t)col);
	c->cell.old_flags = r->flags;
	c->cell.old_nfields = r->nfields;
	c->cell.old_first = r->first_cell;
	csv_table_set_cell(t, row, (size_t)col, text, strlen(text));
	touch(s, kind);
}

/* Puts the cell back exactly as it was, raw bytes and all: an undone row is written as it was read. */
static void undo_cell(struct rv_session *s, struct rv_change *c)
{
	if (!c->cell.used)
		return;
	struct csv_table *t = &s->m->tables[c->cell.kind].csv;
	struct csv_row *r = &t->rows[c->cell.row];
	r->first_cell = c->cell.old_first;
	r->nfields = c->cell.old_nfields;
	r->flags = c->cell.old_flags;
	if (c->cell.col < r->nfields)
		t->cells[r->first_cell + c->cell.col] = c->cell.old;
	touch(s, c->cell.kind);
}

/* Appends a row to a child table (creating the file's table if the data set lacks it). */
static uint32_t append_row(struct rv_session *s, struct rv_change *c, enum rv_kind kind)
{
	rv_model_create_table(s->m, kind);
	uint32_t row = (uint32_t)csv_table_append_row(&s->m->tables[kind].csv);
	c->appended[kind] = true;
	touch(s, kind);
	return row;
}

static void put(struct rv_session *s, enum rv_kind kind, uint32_t row, int field, const char *text)
{
	int col = rv_column(s->m, kind, field);
	if (col >= 0 && text && *text)
		csv_table_set_cell(&s->m->tables[kind].csv, row, (size_t)col, text, strlen(text));
}

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

static void apply(struct rv_session *s, struct rv_change *c)
{
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	if (rec < 0)
		return;
	memset(&c->cell, 0, sizeof(c->cell));
	memset(c->appended, 0, sizeof(c->appended));
	char source[128];
	snprintf(source, sizeof(source), "recview: %s", c->author);

	switch (c->kind) {
	case RV_CHANGE_STATUS:
	case RV_CHANGE_DECISION: {
		bool status = c->kind == RV_CHANGE_STATUS;
		int rec_field = status ? REC_STATUS : REC_DECISION;
		int col = rv_column(s->m, RV_RECS, rec_field);
		if (col >= 0)
			set_cell(s, c, RV_RECS, s->m->recs[rec].row, col, c->after);
		uint32_t row = append_row(s, c, RV_HISTORY);
		put(s, RV_HISTORY, row, HIST_REC_ID, c->rec_id);
		put(s, RV_HISTORY, row, HIST_DATE, c->date);
		put(s, RV_HISTORY, row, status ? HIST_STATUS : HIST_DECISION, c->after);
		put(s, RV_HISTORY, row, HIST_SOURCE, source);
		put(s, RV_HISTORY, row, HIST_NOTE, c->note);
		rv_model_add_child(s->m, RV_HISTORY, row);
		break;
	}
	case RV_CHANGE_PRIORITY:
		set_cell(s, c, RV_RECS, s->m->recs[rec].row, rv_column(s->m, RV_RECS, REC_PRIORITY), c->after);
		break;
	case RV_CHANGE_NOTE: {
		uint32_t row = append_row(s, c, RV_NOTES);
		put(s, RV_NOTES, row, NOTE_REC_ID, c->rec_id);
		put(s, RV_NOTES, row, NOTE_TIME, c->time);
		put(s, RV_NOTES, row, NOTE_AUTHOR, c->author);
		put(s, RV_NOTES, row, NOTE_TEXT, c->note);
		rv_model_add_child(s->m, RV_NOTES, row);
		break;
	}
	case RV_CHANGE_AGENDA_ADD: {
		s->agenda = xreallocarray(s->agenda, s->nagenda + 2, sizeof(*s->agenda));
		struct rv_agenda_item *it = &s->agenda[s->nagenda++];
		it->rec = (uint32_t)rec;
		it->added = xstrdup(c->time);
		it->author = xstrdup(c->author);
		c->agenda_to = (long)s->nagenda - 1;
		touch(s, RV_AGENDA);
		break;
	}
	case RV_CHANGE_AGENDA_REMOVE:
	case RV_CHANGE_AGENDA_MOVE: {
		long from = rv_agenda_position(s, (size_t)rec);
		if (from < 0)
			break;
		struct rv_agenda_item it = s->agenda[from];
		memmove(s->agenda + from, s->agenda + from + 1, (s->nagenda - (size_t)from - 1) * sizeof(*s->agenda));
		s->nagenda--;
		c->agenda_from = from;
		if (c->kind == RV_CHANGE_AGENDA_REMOVE) {
			/* Kept in the change, so that undo puts the entry back as it was. */
			free(c->before);
			free(c->after);
			c->before = it.added;
			c->after = it.author;
		} else {
			long to = c->agenda_to < 0 ? 0 : c->agenda_to > (long)s->nagenda ? (long)s->nagenda : c->agenda_to;
			memmove(s->agenda + to + 1, s->agenda + to, (s->nagenda - (size_t)to) * sizeof(*s->agenda));
			s->agenda[to] = it;
			s->nagenda++;
		}
		touch(s, RV_AGENDA);
		break;
	}
	}
	rv_model_refresh_rec(s->m, (size_t)rec);
}

static void unapply(struct rv_session *s, struct rv_change *c)
{
	long rec = rv_find_rec(s->m, c->rec_id, strlen(c->rec_id));
	/* Rows appended last come off first: changes are undone in reverse order. */
	for (int k = RV_KIND_COUNT - 1; k >= 0; k--) {
		if (!c->appended[k])
			continue;
		rv_model_drop_last_child(s->m, (enum rv_kind)k);
		csv_table_drop_last_row(&s->m->tables[k].csv);
		touch(s, k);
	}
	undo_cell(s, c);
	switch (c->kind) {
	case RV_CHANGE_AGENDA_ADD:
		if (s->nagenda) {
			s->nagenda--;
			free(s->agenda[s->nagenda].added);
			free(s->agenda[s->nagenda].author);
		}
		touch(s, RV_AGENDA);
		break;
	case RV_CHANGE_AGENDA_REMOVE: {
		s->agenda = xreallocarray(s->agenda, s->nagenda + 2, sizeof(*s->agenda));
		long from = c->agenda_from;
		memmove(s->agenda + from + 1, s->agenda + from, (s->nagenda - (size_t)from) * sizeof(*s->agenda));
		s->agenda[from].rec = (uint32_t)rec;
		s->agenda[from].added = xstrdup(c->before ? c->before : c->time);
		s->agenda[from].author = xstrdup(c->after ? c->after : c->author);
		s->nagenda++;
		touch(s, RV_AGENDA);
		break;
	}
	case RV_CHANGE_AGENDA_MOVE: {
		long at = rv_agenda_position(s, (size_t)rec);
		if (at >= 0) {
			struct rv_agenda_item it = s->agenda[at];
			memmove(s->agenda + at, s->agenda + at + 1, (s->nagenda - (size_t)at - 1) * sizeof(*s->agenda));
			memmove(s->agenda + c->agenda_from + 1, s->agenda + c->agenda_from,
				(s->nagenda - 1 - (size_t)c->agenda_from) * sizeof(*s->agenda));
			s->agenda[c->agenda_from] = it;
		}
		touch(s, RV_AGENDA);
		break;
	}
	default:
		break;
	}
	if (rec >= 0)
		rv_model_refresh_rec(s->m, (size_t)rec);
}

static bool refuse_read_only(struct rv_session *s)
{
	if (!s->read_only)
		return false;
	snprintf(s->error, sizeof(s->error), "%s: nothing was changed", s->read_only_why);
	return true;
}

/* Logs c (already filled in), applies it and saves. */
static bool commit(struct rv_session *s, struct rv_change *c)
{
	s->n++;
	s->applied = s->n;
	apply(s, c);
	return persist(s);
}

/*
 * Whether the file of a table may be written: it is not one that exists but could not be read (that is
 * never replaced), and the store allows it (inside the data set, no dangling symlink...).
 */
static bool can_write(struct rv_session *s, enum rv_kind kind)
{
	const char *file = rv_kind_def(kind)->file;
	bool exists;
	char why[512];
	if (s->m->tables[kind].unreadable) {
		snprintf(s->error, sizeof(s->error),
			 "%s exists but could not be read (see !), so recview does not replace it: nothing was changed", file);
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
	const struct rv_table *t = &s->m->tables[kind];
	const struct rv_kind_def *def = rv_kind_def(kind);
	if (!can_write(s, kind))
		return false;
	if (!t->present)
		return true;
	if (t->csv.open_quote_line) {
		/* The next load would read an appended row as part of that never-closed field. */
		char *path = rv_model_path(s->m, kind);
		struct strbuf shown;
		sb_init(&shown);
		text_sanitize(&shown, path, strlen(path), 0);
		snprintf(s->error, sizeof(s->error),
			 "%s:%u: a quoted field opened here is never closed, so a row added after it would become part of "
			 "it; close the quote first: nothing was changed",
			 shown.data, t->csv.open_quote_line);
		sb_free(&shown);
		free(path);
		return false;
	}
	for (int f = 0; f < def->nfields; f++) {
		if ((def->fields[f].required || f == field) && t->col[f] < 0) {
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
	if (!can_append(s, RV_HISTORY, -1) || !can_write(s, RV_RECS))
		return false;
	if (rv_column(s->m, RV_RECS, status ? REC_STATUS : REC_DECISION) < 0 && s->m->tables[RV_HISTORY].present &&
	    rv_column(s->m, RV_HISTORY, status ? HIST_STATUS : HIST_DECISION) < 0) {
		snprintf(s->error, sizeof(s->error),
			 "neither recommendations.csv nor status_history.csv has a %s column: nothing was changed",
			 status ? "status" : "decision");
		return false;
	}
	struct rv_change *c = new_change(s, status ? RV_CHANGE_STATUS : RV_CHANGE_DECISION, rec);
	const struct rv_rec *r = &s->m->recs[rec];
	c->before = xstrdup(status ? rv_status_name(r->cur_status) : rv_decision_name(r->cur_decision));
	c->after = xstrdup(canon);
	c->note = note && *note ? typed(note) : NULL;
	snprintf(c->date, sizeof(c->date), "%s", date);
	return commit(s, c);
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
	if (rv_column(s->m, RV_RECS, REC_PRIORITY) < 0) {
		snprintf(s->error, sizeof(s->error), "recommendations.csv has no priority column");
		return false;
	}
	if (!can_write(s, RV_RECS))
		return false;
	struct rv_change *c = new_change(s, RV_CHANGE_PRIORITY, rec);
	struct csv_cell old = rv_rec_cell(s->m, rec, REC_PRIORITY);
	char canon[16] = "";
	if (p > 0)
		snprintf(canon, sizeof(canon), "P%d", p);
	c->before = xstrndup(old.ptr, old.len);
	c->after = xstrdup(canon);
	return commit(s, c);
}

bool rv_add_note(struct rv_session *s, size_t rec, const char *note)
{
	if (refuse_read_only(s))
		return false;
	if (!note || !*note) {
		snprintf(s->error, sizeof(s->error), "an empty note is not added");
		return false;
	}
	if (!can_append(s, RV_NOTES, NOTE_TEXT))
		return false;
	struct rv_change *c = new_change(s, RV_CHANGE_NOTE, rec);
	c->note = typed(note);
	return commit(s, c);
}

bool rv_agenda_toggle(struct rv_session *s, size_t rec)
{
	if (refuse_read_only(s))
		return false;
	if (!can_write(s, RV_AGENDA))
		return false;
	long at = rv_agenda_position(s, rec);
	struct rv_change *c = new_change(s, at >= 0 ? RV_CHANGE_AGENDA_REMOVE : RV_CHANGE_AGENDA_ADD, rec);
	c->agenda_from = at;
	return commit(s, c);
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
	struct rv_change *c = new_change(s, RV_CHANGE_AGENDA_MOVE, rec);
	c->agenda_from = at;
	c->agenda_to = to;
	return commit(s, c);
}

bool rv_undo(struct rv_session *s)
{
	if (refuse_read_only(s))
		return false;
	if (!s->applied) {
		snprintf(s->error, sizeof(s->error), "nothing to undo");
		return false;
	}
	if (s->applied <= s->undo_floor) {
		snprintf(s->error, sizeof(s->error), "the changes made before the reload cannot be undone here");
		return false;
	}
	unapply(s, &s->changes[--s->applied]);
	return persist(s);
}

bool rv_redo(struct rv_session *s)
{
	if (refuse_read_only(s))
		return false;
	if (s->applied == s->n) {
		snprintf(s->error, sizeof(s->error), "nothing to redo");
		return false;
	}
	apply(s, &s->changes[s->applied++]);
	return persist(s);
}

bool rv_session_reload(struct rv_session *s, struct rv_model *fresh)
{
	rv_session_wait(s);
	for (size_t i = 0; i < s->nagenda; i++) {
		free(s->agenda[i].added);
		free(s->agenda[i].author);
	}
	free(s->agenda);
	s->m = fresh;
	memset(s->unsaved, 0, sizeof(s->unsaved));
	stamp_tables(s);
	load_agenda(s);
	/*
	 * What is on disk already holds the changes saved before; the ones made since are made again on
	 * it. The redo list is dropped, and the earlier changes can no longer be undone: their undo data
	 * belonged to the old files.
	 */
	for (size_t i = s->applied; i < s->n; i++)
		change_free(&s->changes[i]);
	s->n = s->applied;
	size_t from = s->saved_applied < s->applied ? s->saved_applied : s->applied;
	for (size_t i = from; i < s->applied; i++)
		apply(s, &s->changes[i]);
	s->undo_floor = from;
	return rv_session_save(s);
}
