/* view_problems.c - the load diagnostics; Enter opens the row a problem names, maps a column that is
 * missing, chosen twice or named by recview.map but not in the file (view_mapping.c), or settles a
 * conflict a git merge left (ours or theirs). */
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/merge_file.h"
#include "recview/prompt.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/views.h"

/* PR_MORE: "… and N more like this" after the last problem kept of a kind; its ref is the kind. */
enum { PR_LINE, PR_EMPTY, PR_MORE };

static const char merge_conflict[] = "unresolved merge conflict at ";

static bool is_merge_conflict(const struct diag *dg)
{
	return dg->severity == DIAG_ERROR && dg->msg && strncmp(dg->msg, merge_conflict, sizeof(merge_conflict) - 1) == 0;
}

/* Enter on it opens a row, or the choice of a column, or settles a merge conflict. */
static bool opens_something(const struct diag *dg)
{
	return dg->row >= 0 || (dg->field >= 0 && dg->table >= 0) || is_merge_conflict(dg);
}

static bool problems_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	const struct diag_list *dl = &v->app->m->diags;
	if (!dl->n) {
		view_add_line(v, PR_EMPTY, 0, false);
		return true;
	}
	int width = v->width - 3 > 10 ? v->width - 3 : 10;
	size_t *last = diag_list_last_of_kinds(dl);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < dl->n; i++) {
		sb_reset(&sb);
		diag_format(&dl->items[i], &sb);
		view_add_wrapped(v, PR_LINE, (uint32_t)i, opens_something(&dl->items[i]), sb.data, sb.len, width);
		const struct diag_kind *k = diag_counted_after(dl, last, i);
		if (k) {
			sb_reset(&sb);
			diag_format_more(k, &sb);
			view_add_wrapped(v, PR_MORE, k->index, false, sb.data, sb.len, width);
		}
	}
	sb_free(&sb);
	free(last);
	return true;
}

static void problems_draw(struct view *v, const struct line *line, struct draw *d)
{
	if (line->type == PR_EMPTY) {
		draw_str(d, "  No problems: every file loaded cleanly.", C_DIM);
		return;
	}
	if (line->type == PR_MORE) {
		const struct diag_kind *k = v->app->m->diags.kinds[line->ref];
		draw_str(d, line->sub == 0 ? (k->severity == DIAG_ERROR ? "E " : k->severity == DIAG_NOTE ? "N " : "W ") : "    ",
			 k->severity == DIAG_ERROR ? C_ERROR : k->severity == DIAG_NOTE ? C_DIM : C_WARNING);
		draw_text(d, view_line_text(v, line), line->len, C_DIM);
		return;
	}
	const struct diag *dg = &v->app->m->diags.items[line->ref];
	if (line->sub == 0)
		draw_str(d, dg->severity == DIAG_ERROR ? "E " : dg->severity == DIAG_NOTE ? "N " : "W ",
			 dg->severity == DIAG_ERROR ? C_ERROR : dg->severity == DIAG_NOTE ? C_DIM : C_WARNING);
	else
		draw_str(d, "    ", C_DEFAULT);
	draw_text(d, view_line_text(v, line), line->len, line->sub == 0 && opens_something(dg) ? C_LINK : C_DEFAULT);
}

/* The recommendation at a row of recommendations.csv. */
static long rec_at_row(const struct rv_model *m, long row)
{
	for (size_t i = 0; i < m->nrecs; i++)
		if (rv_rec_row(m, i) == (uint32_t)row)
			return (long)i;
	return -1;
}

/* Enter on "unresolved merge conflict": keep ours' or theirs' rows, the file written without markers. */
static bool settle_merge_conflict(struct view *v, const struct diag *dg)
{
	if (!is_merge_conflict(dg))
		return false;
	struct app *app = v->app;
	const char *dir = app->m->dir;
	size_t dl = strlen(dir);
	if (strncmp(dg->file, dir, dl) != 0 || dg->file[dl] != '/' || strchr(dg->file + dl + 1, '/')) {
		app_message(app, C_ERROR, "That file is not in the data set's directory.");
		return true;
	}
	if (app->session->read_only || rv_session_has_unsaved(app->session)) {
		app_message(app, C_WARNING, "%s", app->session->read_only ? "Read-only: the conflict stays as it is."
									  : "Save the changes first (W), then settle the conflict.");
		return true;
	}
	struct strbuf answer;
	sb_init(&answer);
	bool asked = prompt_read(app, "keep which side: o ours (read now), t theirs (the notes show both): ", &answer, NULL);
	char c = asked && answer.len ? answer.data[0] : '\0';
	sb_free(&answer);
	if (c != 'o' && c != 't') {
		app_message(app, C_DIM, "Nothing changed: o keeps ours, t keeps theirs.");
		return true;
	}
	char *name = xstrdup(dg->file + dl + 1);
	char err[1024];
	if (rv_conflict_resolve_file(dir, name, dg->line, c == 'o', err, sizeof(err)) != RV_OK)
		app_message(app, C_ERROR, "NOT SETTLED: %s", err);
	else
		app_conflict_settled(app, name, c == 'o'); /* reads the files again: v is freed */
	free(name);
	return true;
}

static enum request problems_request(struct view *v, enum request req, struct line *line)
{
	if (req != REQ_ENTER)
		return req;
	const struct rv_model *m = v->app->m;
	if (line->type == PR_MORE) {
		app_message(v->app, C_DIM, "Those problems are only counted; recview --check --all lists every one.");
		return REQ_NONE;
	}
	if (line->type != PR_LINE) {
		return REQ_NONE;
	}
	const struct diag *dg = &m->diags.items[line->ref];
	if (settle_merge_conflict(v, dg))
		return REQ_NONE;
	if (dg->field >= 0 && dg->table >= 0) {
		/* A missing column, one of two that claim a field, or a line of recview.map naming a column the
		 * file lacks: the user says which it is. */
		app_open(v->app, mapping_view_new(v->app, (enum rv_kind)dg->table, dg->field, dg));
		return REQ_NONE;
	}
	if (dg->row < 0 || dg->table < 0) {
		app_message(v->app, C_DIM, "This problem concerns the whole file, not one row.");
		return REQ_NONE;
	}
	if (dg->table == RV_RECS) {
		long rec = rec_at_row(m, dg->row);
		if (rec >= 0)
			app_open(v->app, rec_view_new(v->app, (size_t)rec));
		return REQ_NONE;
	}
	if ((size_t)dg->row < rv_child_total(m, dg->table) && dg->table != RV_REVIEWS)
		app_open(v->app, item_view_new(v->app, (enum rv_kind)dg->table, (size_t)dg->row));
	else
		app_message(v->app, C_DIM, "That row is not shown in any view.");
	return REQ_NONE;
}

static void problems_crumb(struct view *v, struct strbuf *out)
{
	(void)v;
	sb_adds(out, "Problems");
}

static const struct request_note problems_notes[] = {
	{REQ_ENTER, "On a problem in a row of a file: open that row"},
	{REQ_ENTER, "On 'missing required column' or 'duplicate column': list the file's columns with three sample "
		    "values each, the cursor on the likeliest; Enter and y write TABLE.FIELD = COLUMN into "
		    "recview.map and read the data set again"},
	{REQ_ENTER, "On a recview.map line that names a column the file lacks ('no column ...'): pick the column "
		    "the same way; Enter and y write it on that line of recview.map (its comment, pattern and link "
		    "kept) and read the data set again"},
};

static const struct view_keymap problems_keymap = {NULL, 0, problems_notes, KEYMAP_COUNT(problems_notes)};

static const struct view_ops problems_ops = {
	.id = VIEW_PROBLEMS,
	.keymap = &problems_keymap,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH,
	.name = "problems",
	.open = problems_open,
	.draw = problems_draw,
	.request = problems_request,
	.crumb = problems_crumb,
};

struct view *problems_view_new(struct app *app)
{
	struct view *v = view_new(app, &problems_ops, -1, -1, RV_RECS);
	if (!v || rv_kind_usable(app->m, RV_RECS))
		return v;
	/* Nothing loaded: the cursor on what the user can mend here. */
	for (size_t i = 0; i < v->nlines; i++) {
		if (v->lines[i].type == PR_LINE && opens_something(&app->m->diags.items[v->lines[i].ref])) {
			view_move_to(v, i, app_body_height(v));
			break;
		}
	}
	return v;
}
