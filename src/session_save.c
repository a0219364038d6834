/* session_save.c - writing a session's changed files: one store commit, here or in the background. */
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
#include "recview/table_bytes.h"
#include "recview/change.h"
#include "recview/entity.h"
#include "recview/text.h"

/* ---- saving ---- */

static void agenda_text(const struct rv_session *s, struct strbuf *out)
{
	/* minutes came later: an older file gains the column the first time it is written */
	sb_adds(out, "rec_id,added,author,minutes\n");
	for (size_t i = 0; i < s->nagenda; i++) {
		struct rv_text id = rv_rec_id(s->m, s->agenda[i].rec);
		csv_write_field(out, id.ptr, id.len);
		sb_addc(out, ',');
		csv_write_field(out, s->agenda[i].added, strlen(s->agenda[i].added));
		sb_addc(out, ',');
		csv_write_field(out, s->agenda[i].author, strlen(s->agenda[i].author));
		sb_addc(out, ',');
		if (s->agenda[i].minutes)
			sb_addf(out, "%u", s->agenda[i].minutes);
		sb_addc(out, '\n');
	}
	/* Rows naming a recommendation the data set does not have are kept, after the agenda. */
	const struct rv_model *m = s->m;
	for (size_t i = 0; i < rv_child_total(m, RV_AGENDA); i++) {
		if (rv_child_at(m, RV_AGENDA, i)->rec >= 0)
			continue;
		for (int f = 0; f < AGENDA_NFIELDS; f++) {
			struct rv_text v = rv_child_field(m, RV_AGENDA, i, f);
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
	if (kind == RV_AGENDA && (agenda_changed(s) || !rv_kind_present(s->m, RV_AGENDA)))
		agenda_text(s, out);
	else
		rv_model_table_bytes(s->m, kind, out);
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
		if (!rv_kind_present(s->m, (enum rv_kind)k) && !(k == RV_AGENDA && s->nagenda))
			continue;
		struct strbuf data, path;
		sb_init(&data);
		sb_init(&path);
		table_text(s, (enum rv_kind)k, &data);
		sb_addf(&path, "%s/%s", dir, rv_table_file(s->m, (enum rv_kind)k));
		char err[512];
		enum rv_result res = rv_save_atomic(path.data, data.data, data.len, NULL, s->ops, NULL, err, sizeof(err));
		sb_free(&data);
		sb_free(&path);
		if (res != RV_OK) {
			snprintf(s->error, sizeof(s->error), "%s", err);
			return false;
		}
	}
	return true;
}

/* ---- saving in the background ---- */

struct save_file {
	int kind;
	size_t nrows;                       /* rows of the table the bytes reflect */
	enum rv_encoding encoding;          /* of the file */
	bool unencodable;                   /* its encoding cannot hold the new text: the commit is refused */
	struct rv_table_copy *copy;         /* the table as it was, turned into bytes by the writer thread */
	struct strbuf data;                 /* the file's new bytes */
	unsigned gen;                       /* the change count the bytes reflect */
};

struct rv_save_job {
	struct save_file files[RV_KIND_COUNT];
	struct rv_store_file commit[RV_KIND_COUNT]; /* the same files, as the store takes them */
	size_t n;
	size_t applied_at_start;            /* the session's applied count the files reflect */
	struct rv_store *store;
	enum rv_result result;
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
		if (f->unencodable || (f->copy && !rv_table_copy_bytes(f->copy, &f->data))) {
			/* Refused at the change already; this is the last line of defence, before anything is written. */
			snprintf(job->err, sizeof(job->err), "%s is in %s, which cannot hold a character of the change (nothing was saved)",
				 job->commit[i].name, rv_encoding_name(f->encoding));
			job->result = RV_E_FAILED;
			atomic_store(&job->finished, true);
			return NULL;
		}
		job->commit[i].data = f->data.data ? f->data.data : "";
		job->commit[i].len = f->data.len;
	}
	job->result = rv_store_commit(job->store, job->commit, job->n, job->err, sizeof(job->err));
	atomic_store(&job->finished, true);
	return NULL;
}

/* Whether the table on disk holds every row of the one in memory but the added ones at its end. */
static bool only_appended(const struct rv_session *s, enum rv_kind kind)
{
	return !s->rewrite[kind] && s->stamps[kind].exists && s->stamps[kind].has_state &&
	       rv_model_rows_added_from(s->m, kind, s->saved_rows[kind]);
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
		job->commit[job->n].name = rv_table_file(s->m, (enum rv_kind)k);
		job->commit[job->n].expected = s->stamps[k];
		job->n++;
		f->kind = k;
		sb_init(&f->data);
		f->nrows = rv_kind_rows(s->m, (enum rv_kind)k);
		f->encoding = rv_kind_encoding(s->m, (enum rv_kind)k);
		if (k == RV_AGENDA) {
			table_text(s, (enum rv_kind)k, &f->data);
			f->unencodable = !rv_model_encode_for(s->m, (enum rv_kind)k, &f->data);
		} else if (only_appended(s, (enum rv_kind)k)) {
			/* A status history or notes that only grew: the new rows alone, appended by the store. */
			f->unencodable = !rv_model_added_bytes(s->m, (enum rv_kind)k, s->saved_rows[k], &f->data);
			job->commit[job->n - 1].append_only = !f->unencodable;
		} else {
			/* Serialising a large file takes a while: the thread does it, from a copy of the arrays. */
			f->copy = rv_model_copy_table(s->m, (enum rv_kind)k);
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
	s->finished_ok = job->result == RV_OK;
	s->conflict = job->result == RV_E_CONFLICT;
	snprintf(s->error, sizeof(s->error), "%s", s->finished_ok ? "" : job->err);
	s->last_commit_bytes = 0;
	for (size_t i = 0; i < job->n; i++) {
		struct save_file *f = &job->files[i];
		s->last_commit_bytes += job->commit[i].len;
		if (s->finished_ok) {
			s->stamps[f->kind] = job->commit[i].written;
			s->saved_rows[f->kind] = f->nrows;
			if (s->gen[f->kind] == f->gen) {
				s->unsaved[f->kind] = false;
				s->rewrite[f->kind] = false;
			}
		}
		sb_free(&f->data);
		rv_table_copy_free(f->copy);
	}
	if (s->finished_ok && job->applied_at_start == s->applied && !rv_session_files_unsaved(s))
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
	if (s->finished_ok && rv_session_files_unsaved(s))
		start_job(s);
	return true;
}

void rv_session_wait(struct rv_session *s)
{
	while (s->job) {
		collect_job(s);
		if (s->finished_ok && rv_session_files_unsaved(s))
			start_job(s);
	}
}

/* After a change: written now, or handed to the writer thread. */
bool rv_session_persist(struct rv_session *s)
{
	if (!s->async)
		return rv_session_save(s);
	if (!s->job)
		start_job(s);
	return true;
}

bool rv_session_files_unsaved(const struct rv_session *s)
{
	for (int k = 0; k < RV_KIND_COUNT; k++)
		if (s->unsaved[k])
			return true;
	return false;
}
