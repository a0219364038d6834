/* tags.c - tagged items and the ';' prefix (tags.h). */
#include "recview/tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/text.h"
#include "recview/views.h"

/* Kinds that can be tagged: the items triage changes. */
static bool taggable(enum rv_kind kind)
{
	return kind == RV_RECS || kind == RV_DELIVERABLES || kind == RV_QUESTIONS;
}

struct tags {
	uint8_t *on[RV_KIND_COUNT]; /* one byte per item: tagged or not */
	size_t size[RV_KIND_COUNT];
	size_t count[RV_KIND_COUNT];
	bool prefix;                /* ';' was pressed */
	const struct view *anchor;  /* V: the view and line a range starts at */
	size_t anchor_line;
	char **names;               /* tags_remember: "ID" or "ID\tD2", with the kind first */
	size_t nnames;
};

static struct tags *tags_of(struct app *app)
{
	if (!app->tags)
		app->tags = xcalloc(1, sizeof(struct tags));
	return app->tags;
}

bool tags_has(const struct app *app, struct rv_item it)
{
	const struct tags *t = app->tags;
	return t && taggable(it.kind) && it.index < t->size[it.kind] && t->on[it.kind][it.index];
}

void tags_set(struct app *app, struct rv_item it, bool on)
{
	if (!taggable(it.kind) || tags_has(app, it) == on)
		return;
	struct tags *t = tags_of(app);
	if (it.index >= t->size[it.kind]) {
		size_t size = it.index + 1024;
		t->on[it.kind] = xreallocarray(t->on[it.kind], size, 1);
		memset(t->on[it.kind] + t->size[it.kind], 0, size - t->size[it.kind]);
		t->size[it.kind] = size;
	}
	t->on[it.kind][it.index] = on;
	if (on)
		t->count[it.kind]++;
	else
		t->count[it.kind]--;
}

size_t tags_count(const struct app *app, enum rv_kind kind)
{
	const struct tags *t = app->tags;
	if (!t)
		return 0;
	if (kind != RV_KIND_COUNT)
		return t->count[kind];
	size_t n = 0;
	for (int k = 0; k < RV_KIND_COUNT; k++)
		n += t->count[k];
	return n;
}

size_t tags_list(const struct app *app, enum rv_kind kind, struct rv_item **out)
{
	size_t n = tags_count(app, kind);
	*out = xcalloc(n + 1, sizeof(**out));
	const struct tags *t = app->tags;
	size_t k = 0;
	for (size_t i = 0; t && i < t->size[kind] && k < n; i++)
		if (t->on[kind][i])
			(*out)[k++] = (struct rv_item){kind, i};
	return k;
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
	struct tags *t = app->tags;
	if (!t)
		return;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		if (t->on[k])
			memset(t->on[k], 0, t->size[k]);
		t->count[k] = 0;
	}
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
	struct tags *t = app->tags;
	if (!t)
		return;
	t->anchor = NULL;
	size_t n = tags_count(app, RV_KIND_COUNT);
	t->names = xcalloc(n + 1, sizeof(*t->names));
	t->nnames = 0;
	struct strbuf sb;
	sb_init(&sb);
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		for (size_t i = 0; i < t->size[k]; i++) {
			struct rv_item it = {(enum rv_kind)k, i};
			long rec = t->on[k][i] ? rv_item_rec(app->m, it) : -1;
			if (rec < 0)
				continue;
			sb_reset(&sb);
			sb_addc(&sb, (char)('0' + k));
			struct rv_text id = rv_rec_id(app->m, (size_t)rec);
			sb_add(&sb, id.ptr, id.len);
			sb_addc(&sb, '\t');
			if (rv_item_name(app->m, it, &sb))
				t->names[t->nnames++] = xstrdup(sb.data);
		}
	}
	sb_free(&sb);
	clear_all(app);
}

void tags_recall(struct app *app)
{
	struct tags *t = app->tags;
	if (!t || !t->names)
		return;
	for (size_t i = 0; i < t->nnames; i++) {
		const char *s = t->names[i];
		const char *tab = strchr(s, '\t');
		long rec = tab ? rv_find_rec(app->m, s + 1, (size_t)(tab - s - 1)) : -1;
		struct rv_item it;
		if (rec >= 0 && rv_item_find(app->m, (size_t)rec, tab + 1, strlen(tab + 1), &it) && (int)it.kind == s[0] - '0')
			tags_set(app, it, true);
		free(t->names[i]);
	}
	free(t->names);
	t->names = NULL;
	t->nnames = 0;
}

void tags_free(struct app *app)
{
	struct tags *t = app->tags;
	if (!t)
		return;
	for (int k = 0; k < RV_KIND_COUNT; k++)
		free(t->on[k]);
	for (size_t i = 0; i < t->nnames; i++)
		free(t->names[i]);
	free(t->names);
	free(t);
	app->tags = NULL;
}
