/*
 * merge_ui.c - when someone else saved the files: the data set is read again, the session merges
 * its changes onto it, and every open view (back and forward) finds its place again by id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/live.h"
#include "recview/mapping.h"
#include "recview/split.h"
#include "recview/tags.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/views.h"

/* Where a view was, in terms that survive a new reading of the files. */
struct place {
	char *rec_id;      /* of v->rec */
	char *cursor_id;   /* of the recommendation under the cursor */
	long ordinal;      /* v->item as the how-many-th child of its recommendation, or v->item itself */
	bool by_ordinal;
};

static char *rec_id_of(const struct rv_model *m, long rec)
{
	if (rec < 0 || (size_t)rec >= m->nrecs)
		return NULL;
	struct rv_text id = rv_rec_id(m, (size_t)rec);
	return xstrndup(id.ptr, id.len);
}

static void remember(const struct view *v, struct place *p)
{
	const struct rv_model *m = v->app->m;
	memset(p, 0, sizeof(*p));
	p->rec_id = rec_id_of(m, v->rec);
	p->cursor_id = rec_id_of(m, view_current_rec(v));
	p->ordinal = v->item;
	bool child = v->kind != RV_RECS && v->item >= 0 && (size_t)v->item < rv_child_total(m, v->kind);
	if (child && v->rec >= 0 && rv_child_at(m, v->kind, (size_t)v->item)->rec == v->rec) {
		for (size_t k = 0; k < rv_rec_child_count(m, (size_t)v->rec, v->kind); k++) {
			if (rv_rec_child_index(m, (size_t)v->rec, v->kind, k) == (size_t)v->item) {
				p->ordinal = (long)k;
				p->by_ordinal = true;
			}
		}
	}
}

static long find_id(const struct rv_model *m, const char *id)
{
	return id ? rv_find_rec(m, id, strlen(id)) : -1;
}

/* Puts a view back on the model read again; false when what it showed is gone. */
static bool restore(struct view *v, const struct place *p)
{
	const struct rv_model *m = v->app->m;
	if (p->rec_id) {
		v->rec = find_id(m, p->rec_id);
		if (v->rec < 0)
			return false;
	} else if (v->rec >= 0) {
		return false;
	}
	if (p->by_ordinal) {
		if ((size_t)p->ordinal >= rv_rec_child_count(m, (size_t)v->rec, v->kind))
			return false;
		v->item = (long)rv_rec_child_index(m, (size_t)v->rec, v->kind, (size_t)p->ordinal);
	} else if (v->item >= 0 && v->kind != RV_RECS && (size_t)v->item >= rv_child_total(m, v->kind)) {
		return false;
	}
	long want = find_id(m, p->cursor_id);
	if (v->ops->reload)
		v->ops->reload(v, want);
	else if (v->data)
		view_reset_state(v); /* what it kept from the old model is built again by its open */
	view_rebuild(v, v->width);
	if (want >= 0 && view_current_rec(v) != want) {
		for (size_t i = 0; i < v->nlines; i++) {
			view_move_to(v, i, app_body_height(v));
			if (view_current_rec(v) == want)
				break;
		}
	}
	return true;
}

static void free_places(struct place *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].rec_id);
		free(p[i].cursor_id);
	}
}

/* Every view finds its place again; one that cannot (its recommendation is gone) closes, with those above it. */
static void restore_views(struct app *app, struct place *back, struct place *fwd)
{
	size_t keep = 0;
	while (keep < app->depth && restore(app->stack[keep], &back[keep]))
		keep++;
	if (keep == 0) {
		/* The first view is the list: it always comes back. */
		keep = 1;
	}
	while (app->depth > keep)
		view_free(app->stack[--app->depth]);
	bool forward_ok = keep == app->depth;
	for (size_t i = app->nforward; forward_ok && i > 0; i--)
		forward_ok = restore(app->forward[i - 1], &fwd[i - 1]);
	if (!forward_ok)
		while (app->nforward)
			view_free(app->forward[--app->nforward]);
}

void app_conflicts_note(const struct app *app, char *out, size_t size)
{
	const struct rv_session *s = app->session;
	out[0] = '\0';
	if (s->nconflicts)
		snprintf(out, size, "; %zu conflict%s for you to settle: M lists %s", s->nconflicts,
			 s->nconflicts == 1 ? "" : "s", s->nconflicts == 1 ? "it" : "them");
}

/* theirs: what they changed, in words (live.h), said first; "" when not known. */
static void say_how_it_went(struct app *app, bool ok, const char *theirs)
{
	struct rv_session *s = app->session;
	char conflicts[128];
	app_conflicts_note(app, conflicts, sizeof(conflicts));
	const char *lead = theirs[0] ? theirs : "Someone else saved these files";
	const char *sep = theirs[0] ? "; " : ": ";
	if (!ok)
		app_message(app, C_ERROR, "%s; merged, but NOT SAVED: %s%s", lead, s->error, conflicts);
	else if (s->nconflicts)
		app_message(app, C_WARNING, "%s%s%zu change%s of yours merged onto theirs%s", lead, sep, s->merged,
			    s->merged == 1 ? "" : "s", conflicts);
	else
		app_message(app, C_ST_COMPLETE, "%s%smerged %zu change%s of yours onto theirs, saved%s%s", lead, sep, s->merged,
			    s->merged == 1 ? "" : "s", s->error[0] ? "; " : "", s->error);
}

bool app_merge_model(struct app *app, struct rv_model *fresh)
{
	struct place back[APP_MAX_DEPTH], fwd[APP_MAX_DEPTH];
	size_t nback = app->depth, nfwd = app->nforward;
	for (size_t i = 0; i < app->depth; i++)
		remember(app->stack[i], &back[i]);
	for (size_t i = 0; i < app->nforward; i++)
		remember(app->forward[i], &fwd[i]);
	tags_remember(app);
	split_drop_page(app); /* made again from the list's cursor once the list has found its place */
	bool saved = rv_session_merge(app->session, fresh); /* fresh moves into app->m, which s->m is */
	tags_recall(app);
	restore_views(app, back, fwd);
	free_places(back, nback);
	free_places(fwd, nfwd);
	return saved;
}

/* One merge: false when the files could not be read again (nothing changed then). */
static bool merge_once(struct app *app, bool *saved)
{
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	if (rv_model_load(fresh, app->m->dir) != RV_OK) {
		rv_model_free(fresh);
		free(fresh);
		return false;
	}
	*saved = app_merge_model(app, fresh);
	free(fresh);
	return true;
}

/* Another writer can save again between our reading and our save: a few rounds, then W is left. */
#define MERGE_ROUNDS 5

bool app_merge(struct app *app)
{
	struct rv_session *s = app->session;
	bool ok = false;
	struct rv_outside_digest *before = live_before_merge(app);
	for (int round = 0; round < MERGE_ROUNDS; round++) {
		if (!merge_once(app, &ok)) {
			rv_outside_digest_free(before);
			app_message(app, C_ERROR,
				    "Someone changed the files and they cannot be read again now; your changes are kept here (W)");
			return false;
		}
		if (ok || !s->conflict)
			break;
	}
	struct strbuf theirs;
	sb_init(&theirs);
	live_after_merge(app, before, &theirs);
	say_how_it_went(app, ok, theirs.data ? theirs.data : "");
	sb_free(&theirs);
	if (s->nconflicts)
		app_open(app, conflicts_view_new(app));
	return ok;
}

/* The data set read again after a change of recview's own (a mapping): only the list stays open. */
static bool reload(struct app *app)
{
	struct rv_model *fresh = xcalloc(1, sizeof(*fresh));
	if (rv_model_load(fresh, app->m->dir) != RV_OK && !rv_model_lacks_columns(fresh)) {
		rv_model_free(fresh);
		free(fresh);
		return false;
	}
	while (app->depth > 1)
		view_free(app->stack[--app->depth]);
	while (app->nforward)
		view_free(app->forward[--app->nforward]);
	struct place list;
	remember(app->stack[0], &list);
	tags_remember(app);
	split_drop_page(app);
	rv_session_merge(app->session, fresh); /* changes of this session, if any, are kept */
	tags_recall(app);
	free(fresh);
	restore_views(app, &list, NULL);
	free_places(&list, 1);
	return true;
}

void app_mapped(struct app *app, enum rv_kind kind, int field, const char *column)
{
	struct strbuf what;
	sb_init(&what);
	rv_mapping_setting_name(kind, field, &what);
	sb_adds(&what, " = ");
	text_sanitize(&what, column, strlen(column), 0);
	if (!reload(app)) {
		app_message(app, C_ERROR, "Wrote %s (%s), but the files cannot be read again now", RV_MAP_FILE, what.data);
		sb_free(&what);
		return;
	}
	const struct rv_model *m = app->m;
	size_t problems = m->diags.errors + m->diags.warnings;
	if (app->session->error[0])
		app_message(app, C_ERROR, "Wrote %s (%s) and read the files again; %s", RV_MAP_FILE, what.data,
			    app->session->error);
	else if (!rv_kind_usable(m, RV_RECS))
		app_message(app, C_ERROR, "Wrote %s (%s); still no recommendations: press ! for the problems", RV_MAP_FILE,
			    what.data);
	else if (problems)
		app_message(app, C_WARNING, "Wrote %s (%s): %zu recommendation%s loaded, %zu problem%s (! lists them)",
			    RV_MAP_FILE, what.data, m->nrecs, m->nrecs == 1 ? "" : "s", problems, problems == 1 ? "" : "s");
	else
		app_message(app, C_ST_COMPLETE, "Wrote %s (%s): %zu recommendation%s loaded", RV_MAP_FILE, what.data,
			    m->nrecs, m->nrecs == 1 ? "" : "s");
	sb_free(&what);
}

void app_conflict_settled(struct app *app, const char *file, bool keep_ours)
{
	struct strbuf name;
	sb_init(&name);
	text_sanitize(&name, file, strlen(file), 0);
	if (!reload(app))
		app_message(app, C_ERROR, "Kept %s in %s, but the files cannot be read again now", keep_ours ? "ours" : "theirs",
			    name.data);
	else if (app->m->diags.errors)
		app_message(app, C_WARNING, "Kept %s in %s and read the files again: %zu error%s left (! lists them)",
			    keep_ours ? "ours" : "theirs", name.data, app->m->diags.errors, app->m->diags.errors == 1 ? "" : "s");
	else
		app_message(app, C_ST_COMPLETE, "Kept %s in %s, without the conflict markers", keep_ours ? "ours" : "theirs",
			    name.data);
	sb_free(&name);
}
