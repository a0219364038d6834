/*
 * view_conflicts.c - what a merge could not combine: each field that was changed here and by someone
 * else, to different values. < keeps mine, > keeps theirs; Enter opens the recommendation.
 */
#include <stdio.h>
#include <string.h>

#include "recview/triage.h"
#include "recview/views.h"

enum { CF_INTRO, CF_HEAD, CF_MINE, CF_THEIRS, CF_BASE, CF_BLANK, CF_NONE };

static const char *const field_names[] = {"status", "decision", "priority", "note", "agenda", "agenda", "agenda",
					  "field", "agenda minutes"};

static bool conflicts_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	const struct rv_session *s = v->app->session;
	if (!s->nconflicts) {
		view_add_line(v, CF_NONE, 0, false);
		return true;
	}
	view_add_line(v, CF_INTRO, 0, false);
	view_add_line(v, CF_BLANK, 0, false);
	for (size_t i = 0; i < s->nconflicts; i++) {
		uint32_t ref = (uint32_t)i;
		view_add_line(v, CF_HEAD, ref, true);
		view_add_line(v, CF_MINE, ref, false);
		view_add_line(v, CF_THEIRS, ref, false);
		if (!s->conflicts[i].gone)
			view_add_line(v, CF_BASE, ref, false);
		view_add_line(v, CF_BLANK, ref, false);
	}
	return true;
}

static const char *value(const char *v)
{
	return v && *v ? v : "(none)";
}

static void conflicts_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_session *s = v->app->session;
	if (line->type == CF_NONE) {
		draw_str(d, "  No conflict: every change of yours is combined with the files.", C_DIM);
		return;
	}
	if (line->type == CF_INTRO) {
		draw_str(d, "  Changed here and by someone else since you read the files. Your changes wait here, not saved:",
			 C_WARNING);
		return;
	}
	if (line->type == CF_BLANK || line->ref >= s->nconflicts)
		return;
	const struct rv_conflict *c = &s->conflicts[line->ref];
	switch (line->type) {
	case CF_HEAD:
		draw_str(d, "  ", C_DEFAULT);
		draw_text(d, c->rec_id, strlen(c->rec_id), C_ID);
		draw_str(d, "  ", C_DEFAULT);
		draw_str(d, field_names[c->kind], C_LABEL);
		draw_str(d, "    < keep mine   > keep theirs", C_DIM);
		break;
	case CF_MINE: {
		draw_str(d, "      mine:    ", C_LABEL);
		draw_text(d, value(c->ours), strlen(value(c->ours)), C_DEFAULT);
		char n[64];
		snprintf(n, sizeof(n), "   (%zu change%s of yours, not saved)", c->nheld, c->nheld == 1 ? "" : "s");
		draw_str(d, n, C_DIM);
		break;
	}
	case CF_THEIRS:
		draw_str(d, "      theirs:  ", C_LABEL);
		if (c->gone) {
			draw_str(d, "the recommendation is no longer in recommendations.csv (only theirs can be kept)", C_WARNING);
			break;
		}
		draw_text(d, value(c->theirs), strlen(value(c->theirs)), C_DEFAULT);
		if (c->their_author || c->their_date) {
			draw_str(d, "   (", C_DIM);
			if (c->their_author)
				draw_text(d, c->their_author, strlen(c->their_author), C_DIM);
			if (c->their_author && c->their_date)
				draw_str(d, ", ", C_DIM);
			if (c->their_date)
				draw_text(d, c->their_date, strlen(c->their_date), C_DATE);
			draw_str(d, ")", C_DIM);
		} else {
			draw_str(d, "   (in the file now)", C_DIM);
		}
		break;
	case CF_BASE:
		draw_str(d, "      before:  ", C_LABEL);
		draw_text(d, value(c->base), strlen(value(c->base)), C_DIM);
		draw_str(d, "   (what both of you started from)", C_DIM);
		break;
	default:
		break;
	}
}

long conflicts_view_current(const struct view *v)
{
	if (!view_is_conflicts(v) || !v->nlines)
		return -1;
	const struct line *l = &v->lines[v->lineno];
	if (l->type == CF_NONE || l->type == CF_INTRO || l->ref >= v->app->session->nconflicts)
		return -1;
	return (long)l->ref;
}

static long conflicts_current_rec(struct view *v)
{
	long i = conflicts_view_current(v);
	if (i < 0)
		return -1;
	const char *id = v->app->session->conflicts[i].rec_id;
	return rv_find_rec(v->app->m, id, strlen(id));
}

static enum request conflicts_request(struct view *v, enum request req, struct line *line)
{
	(void)line;
	if (req != REQ_ENTER)
		return req;
	long rec = conflicts_current_rec(v);
	if (rec >= 0)
		app_open(v->app, rec_view_new(v->app, (size_t)rec));
	return REQ_NONE;
}

static void conflicts_crumb(struct view *v, struct strbuf *out)
{
	sb_addf(out, "Conflicts (%zu)", v->app->session->nconflicts);
}

/* < and > settle the conflict under the cursor: only here, where there is one. */
static const struct keybinding conflicts_keys[] = {
	{{'<', false}, REQ_KEEP_MINE},
	{{'>', false}, REQ_KEEP_THEIRS},
};

static const struct view_keymap conflicts_keymap = {conflicts_keys, KEYMAP_COUNT(conflicts_keys), NULL, 0};

static const struct view_ops conflicts_ops = {
	.id = VIEW_CONFLICTS,
	.keymap = &conflicts_keymap,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_CONFLICT,
	.name = "conflicts",
	.open = conflicts_open,
	.draw = conflicts_draw,
	.request = conflicts_request,
	.crumb = conflicts_crumb,
	.current_rec = conflicts_current_rec,
};

bool view_is_conflicts(const struct view *v)
{
	return v && v->ops->id == VIEW_CONFLICTS;
}

struct view *conflicts_view_new(struct app *app)
{
	struct view *v = view_new(app, &conflicts_ops, -1, -1, RV_RECS);
	/* The cursor starts on the first conflict. */
	for (size_t i = 0; v && i < v->nlines; i++) {
		if (v->lines[i].link) {
			v->lineno = i;
			break;
		}
	}
	return v;
}
