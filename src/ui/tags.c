/* tags.c - tagged items and the ';' prefix (tags.h). */
#include "recview/tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/tagset.h"
#include "recview/text.h"
#include "recview/views.h"

struct tags {
	struct rv_tagset *set;      /* the items tagged (tagset.h) */
	bool prefix;                /* ';' was pressed */
	const struct view *anchor;  /* V: the view and line a range starts at */
	size_t anchor_line;
};

static struct tags *tags_of(struct app *app)
{
	if (!app->tags) {
		app->tags = xcalloc(1, sizeof(struct tags));
		app->tags->set = rv_tagset_new();
	}
	return app->tags;
}

bool tags_has(const struct app *app, struct rv_item it)
{
	return app->tags && rv_tagset_has(app->tags->set, it);
}

void tags_set(struct app *app, struct rv_item it, bool on)
{
	rv_tagset_set(tags_of(app)->set, it, on);
}

size_t tags_count(const struct app *app, enum rv_kind kind)
{
	return app->tags ? rv_tagset_count(app->tags->set, kind) : 0;
}

size_t tags_list(const struct app *app, enum rv_kind kind, struct rv_item **out)
{
	return rv_tagset_list(app->tags ? app->tags->set : NULL, kind, out);
}

bool tags_take_prefix(struct app *app)
{
	struct tags *t = app->tags;
	bool prefix = t && t->prefix;
	if (t)
		t->prefix = false;
	return prefix;
}

static void clear_all(struct app *app)
{
	if (app->tags)
		rv_tagset_clear(app->tags->set);
}

/* ---- lines ---- */

static bool line_item(struct view *v, size_t lineno, struct rv_item *it)
{
	return lineno < v->nlines && v->ops->line_item && v->ops->line_item(v, &v->lines[lineno], it);
}

size_t tags_shown(const struct view *v)
{
	size_t n = 0;
	struct rv_item it;
	for (size_t i = 0; i < v->nlines; i++)
		if (v->lines[i].sub == 0 && line_item((struct view *)v, i, &it) && tags_has(v->app, it))
			n++;
	return n;
}

void tags_describe(const struct app *app, enum rv_kind kind, size_t shown, struct strbuf *out)
{
	size_t n = tags_count(app, kind);
	if (!n)
		return;
	sb_addf(out, " \xC2\xB7 %zu tagged", n);
	if (n > shown)
		sb_addf(out, " (%zu hidden by the filter)", n - shown);
}

/* Tags (on) or untags every item line in [from, to]; returns how many changed. */
static size_t set_lines(struct view *v, size_t from, size_t to, bool on)
{
	size_t changed = 0;
	struct rv_item it;
	for (size_t i = from; i <= to && i < v->nlines; i++) {
		if (!line_item(v, i, &it) || tags_has(v->app, it) == on)
			continue;
		tags_set(v->app, it, on);
		changed++;
	}
	return changed;
}

/* Whether every item line in [from, to] is tagged already (then the keys untag). */
static bool all_tagged(struct view *v, size_t from, size_t to)
{
	struct rv_item it;
	bool any = false;
	for (size_t i = from; i <= to && i < v->nlines; i++) {
		if (!line_item(v, i, &it))
			continue;
		any = true;
		if (!tags_has(v->app, it))
			return false;
	}
	return any;
}

static void say_count(struct app *app, const char *did, size_t changed)
{
	size_t n = tags_count(app, RV_KIND_COUNT);
	app_message(app, C_DIM, "%s %zu; %zu tagged in all (; then a key applies it to them)", did, changed, n);
}

/* T: the line under the cursor, then the next line. */
static void tag_line(struct app *app, struct view *v)
{
	struct rv_item it;
	if (!line_item(v, v->lineno, &it)) {
		app_message(app, C_WARNING, "Nothing to tag here: T tags recommendations, deliverables and questions in lists");
		return;
	}
	tags_set(app, it, !tags_has(app, it));
	size_t n = tags_count(app, RV_KIND_COUNT);
	app_message(app, C_DIM, "%s; %zu tagged", tags_has(app, it) ? "Tagged" : "Untagged", n);
	view_request(v, REQ_MOVE_DOWN, app_body_height(v));
}

/* V: the first press marks where a range starts, the second tags it (or untags it, when all are). */
static void tag_range(struct app *app, struct view *v)
{
	struct tags *t = tags_of(app);
	if (t->anchor != v || t->anchor_line >= v->nlines) {
		t->anchor = v;
		t->anchor_line = v->lineno;
		app_message(app, C_DIM, "Range starts here: move, then V again tags the lines between");
		return;
	}
	size_t from = t->anchor_line < v->lineno ? t->anchor_line : v->lineno;
	size_t to = t->anchor_line < v->lineno ? v->lineno : t->anchor_line;
	t->anchor = NULL;
	bool on = !all_tagged(v, from, to);
	say_count(app, on ? "Tagged" : "Untagged", set_lines(v, from, to, on));
}

/* *: every line shown (or untags them all, when all are). */
static void tag_all(struct app *app, struct view *v)
{
	if (!v->nlines)
		return;
	bool on = !all_tagged(v, 0, v->nlines - 1);
	say_count(app, on ? "Tagged" : "Untagged", set_lines(v, 0, v->nlines - 1, on));
}

/* The recommendation an item belongs to, for matching it with a filter expression. */
static long item_rec(const struct app *app, struct rv_item it)
{
	return rv_item_rec(app->m, it);
}

/* C-t and C-k: the items of the view's lines whose recommendation matches an expression. */
static void tag_matching(struct app *app, struct view *v, bool on)
{
	struct strbuf expr;
	sb_init(&expr);
	const char *label = on ? "tag where (status:progress owner:OCTO ...): "
			       : "untag where (empty: every tag): ";
	if (!prompt_read(app, label, &expr, NULL)) {
		sb_free(&expr);
		return;
	}
	if (!on && !expr.len) {
		size_t n = tags_count(app, RV_KIND_COUNT);
		clear_all(app);
		app_message(app, C_DIM, "Untagged all %zu", n);
		sb_free(&expr);
		return;
	}
	char err[256];
	struct rv_query *q = rv_query_parse_model(expr.data, app->m, err, sizeof(err));
	if (!q) {
		app_message(app, C_ERROR, "%s", err);
		sb_free(&expr);
		return;
	}
	size_t changed = 0;
	struct rv_item it;
	for (size_t i = 0; i < v->nlines; i++) {
		if (!line_item(v, i, &it) || tags_has(app, it) == on)
			continue;
		long rec = item_rec(app, it);
		if (rec >= 0 && rv_query_match(q, app->m, (size_t)rec)) {
			tags_set(app, it, on);
			changed++;
		}
	}
	rv_query_free(q);
	sb_free(&expr);
	say_count(app, on ? "Tagged" : "Untagged", changed);
}

static void tag_prefix(struct app *app)
{
	size_t n = tags_count(app, RV_KIND_COUNT);
	if (!n) {
		app_message(app, C_WARNING, "Nothing is tagged: T tags the line, * every line, C-t by a filter");
		return;
	}
	tags_of(app)->prefix = true;
	app_message(app, C_DIM,
		    "; the next change applies to the %zu tagged (c status, C decision, p priority, i note, m agenda, o owner; "
		    "in lists of deliverables or questions e status, E due date)",
		    n);
}

bool tags_request(struct app *app, enum request req)
{
	struct view *v = app_current(app);
	switch (req) {
	case REQ_TAG:
		tag_line(app, v);
		return true;
	case REQ_TAG_RANGE:
		tag_range(app, v);
		return true;
	case REQ_TAG_ALL:
		tag_all(app, v);
		return true;
	case REQ_TAG_MATCHING:
		tag_matching(app, v, true);
		return true;
	case REQ_UNTAG_MATCHING:
		tag_matching(app, v, false);
		return true;
	case REQ_TAG_PREFIX:
		tag_prefix(app);
		return true;
	default:
		return false;
	}
}

/* ---- across a reload ---- */

void tags_remember(struct app *app)
{
	if (!app->tags)
		return;
	app->tags->anchor = NULL;
	rv_tagset_remember(app->tags->set, app->m);
}

void tags_recall(struct app *app)
{
	if (app->tags)
		rv_tagset_recall(app->tags->set, app->m);
}

void tags_free(struct app *app)
{
	if (!app->tags)
		return;
	rv_tagset_free(app->tags->set);
	free(app->tags);
	app->tags = NULL;
}
