/* view_problems.c - the load diagnostics; Enter opens the row a problem names. */
#include <string.h>

#include "recview/views.h"

enum { PR_LINE, PR_EMPTY };

static void problems_open(struct view *v)
{
	const struct diag_list *dl = &v->app->m->diags;
	if (!dl->n) {
		view_add_line(v, PR_EMPTY, 0, false);
		return;
	}
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < dl->n; i++) {
		sb_reset(&sb);
		diag_format(&dl->items[i], &sb);
		view_add_wrapped(v, PR_LINE, (uint32_t)i, dl->items[i].row >= 0, sb.data, sb.len,
				 v->width - 3 > 10 ? v->width - 3 : 10);
	}
	sb_free(&sb);
}

static void problems_draw(struct view *v, const struct line *line, struct draw *d)
{
	if (line->type == PR_EMPTY) {
		draw_str(d, "  No problems: every file loaded cleanly.", C_DIM);
		return;
	}
	const struct diag *dg = &v->app->m->diags.items[line->ref];
	if (line->sub == 0)
		draw_str(d, dg->severity == DIAG_ERROR ? "E " : "W ", dg->severity == DIAG_ERROR ? C_ERROR : C_WARNING);
	else
		draw_str(d, "    ", C_DEFAULT);
	draw_text(d, view_line_text(v, line), line->len, line->sub == 0 && dg->row >= 0 ? C_LINK : C_DEFAULT);
}

/* The recommendation at a row of recommendations.csv. */
static long rec_at_row(const struct rv_model *m, long row)
{
	for (size_t i = 0; i < m->nrecs; i++)
		if (m->recs[i].row == (uint32_t)row)
			return (long)i;
	return -1;
}

static enum request problems_request(struct view *v, enum request req, struct line *line)
{
	if (req != REQ_ENTER)
		return req;
	const struct rv_model *m = v->app->m;
	if (line->type != PR_LINE) {
		return REQ_NONE;
	}
	const struct diag *dg = &m->diags.items[line->ref];
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
	if ((size_t)dg->row < m->nchildren[dg->table] && dg->table != RV_REVIEWS)
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

static const struct view_ops problems_ops = {
	.name = "problems",
	.open = problems_open,
	.draw = problems_draw,
	.request = problems_request,
	.crumb = problems_crumb,
};

struct view *problems_view_new(struct app *app)
{
	return view_new(app, &problems_ops, -1, -1, RV_RECS);
}
