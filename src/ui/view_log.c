/*
 * view_log.c - the log: every change recorded in the data set, newest first (activity.h): date,
 * author, recommendation, item, kind, old -> new, note. f filters it (author:alice changed:>2026-11-01
 * item:SSR1 kind:note words), F clears the filter, Enter opens the item on its recommendation's page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/activity.h"
#include "recview/activity_sort.h"
#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/finding.h"
#include "recview/list_columns.h"
#include "recview/prompt.h"
#include "recview/search.h"
#include "recview/text.h"
#include "recview/views.h"

enum { LOG_LINE, LOG_EMPTY };

struct log_state {
	struct rv_activity *e;
	size_t n;
	unsigned long generation;        /* the model's, when e was built */
	bool built;
	struct rv_activity_filter *filter;
	char filter_text[512];
	size_t shown;
	int sort_key;  /* activity_sort.h; 0: newest first */
	bool sort_reverse;
};

static struct prompt_history log_filter_history;

static bool log_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct log_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (!st->built || st->generation != m->generation) {
		free(st->e);
		st->n = rv_activity_build(m, &st->e);
		st->generation = m->generation;
		st->built = true;
	}
	uint32_t *order = xcalloc(st->n + 1, sizeof(*order));
	st->shown = 0;
	/* As of a date, what was recorded after it is not in the log (or is dimmed). */
	bool hide = v->app->as_of_later != RV_AS_OF_DIM;
	for (size_t i = 0; i < st->n; i++)
		if (rv_activity_match(st->filter, m, &st->e[i]) &&
		    (!hide || rv_activity_recorded_by(m, &st->e[i], v->app->as_of)))
			order[st->shown++] = (uint32_t)i;
	rv_activity_sort(m, st->e, order, st->shown, st->sort_key, st->sort_reverse);
	for (size_t i = 0; i < st->shown; i++)
		view_add_line(v, LOG_LINE, order[i], true);
	free(order);
	if (!st->shown)
		view_add_line(v, LOG_EMPTY, 0, false);
	return true;
}

static void log_done(struct view *v)
{
	struct log_state *st = v->data;
	if (st) {
		free(st->e);
		rv_activity_filter_free(st->filter);
	}
}

/* The files were read again: the entries are built anew, the filter kept. */
static void log_reload(struct view *v, long cursor_rec)
{
	(void)cursor_rec;
	struct log_state *st = v->data;
	if (st)
		st->built = false;
}

const struct rv_activity *log_row_entry(const struct view *v, size_t ref)
{
	const struct log_state *st = v->data;
	return st && ref < st->n ? &st->e[ref] : NULL;
}

static void log_draw(struct view *v, const struct line *line, struct draw *d)
{
	struct log_state *st = v->data;
	if (line->type == LOG_EMPTY) {
		draw_str(d, st->filter ? "  No change in the log matches the filter: " : "  No change recorded in the data set.",
			 C_DIM);
		if (st->filter) {
			draw_str(d, st->filter_text, C_DIM);
			draw_str(d, "  (F clears it)", C_DIM);
		}
		return;
	}
	if (!rv_activity_recorded_by(v->app->m, &st->e[line->ref], v->app->as_of))
		d->dimmed = true; /* dim mode: recorded after the as-of date */
	list_columns_row(v, line->ref, d); /* date, author, rec, item, kind, change (list_columns_rows.c) */
}

static void log_header(struct view *v, struct draw *d)
{
	list_columns_header(v, d);
}

static const struct rv_activity *current(struct view *v)
{
	struct log_state *st = v->data;
	if (!st || !v->nlines || v->lines[v->lineno].type != LOG_LINE)
		return NULL;
	return &st->e[v->lines[v->lineno].ref];
}

static long log_current_rec(struct view *v)
{
	const struct rv_activity *e = current(v);
	return e ? e->rec : -1;
}

static enum request log_request(struct view *v, enum request req, struct line *line)
{
	(void)line;
	if (req != REQ_ENTER)
		return req;
	const struct rv_activity *e = current(v);
	struct rv_item it;
	if (!e)
		return REQ_NONE;
	if (!rv_activity_item(v->app->m, e, &it)) {
		app_message(v->app, C_WARNING, "This change is about a recommendation the data set does not have.");
		return REQ_NONE;
	}
	app_open(v->app, rec_view_new_at(v->app, (size_t)e->rec, it));
	return REQ_NONE;
}

static bool has(const struct rv_search *s, struct rv_text t)
{
	size_t off, len;
	return t.len && rv_search_next(s, t.ptr, t.len, 0, &off, &len);
}

static bool log_grep(struct view *v, const struct line *line, const struct rv_search *s)
{
	struct log_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (line->type != LOG_LINE)
		return false;
	const struct rv_activity *e = &st->e[line->ref];
	return has(s, rv_activity_author(m, e)) || has(s, rv_activity_rec_id(m, e)) || has(s, rv_activity_kind(m, e)) ||
	       has(s, rv_activity_old(m, e)) || has(s, rv_activity_new(m, e)) || has(s, rv_activity_note(m, e));
}

static void log_crumb(struct view *v, struct strbuf *out)
{
	struct log_state *st = v->data;
	sb_adds(out, "Log");
	if (st->filter) {
		sb_adds(out, " [");
		text_sanitize(out, st->filter_text, strlen(st->filter_text), 0);
		sb_addf(out, "] %zu of %zu", st->shown, st->n);
	} else if (st->shown != st->n) { /* as of a date: the rows recorded by then */
		sb_addf(out, " (%zu of %zu)", st->shown, st->n);
	} else {
		sb_addf(out, " (%zu)", st->n);
	}
	if (!st->sort_key && st->sort_reverse)
		sb_adds(out, " by oldest");
	else if (st->sort_key)
		sb_addf(out, " by %s%s", st->sort_reverse ? "-" : "", rv_activity_sort_names()[st->sort_key]);
}

/* Tab completes the fields and the kinds. */
static void complete_log_filter(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	(void)data;
	size_t begin = *cursor;
	while (begin > 0 && text->data[begin - 1] != ' ')
		begin--;
	if (begin < *cursor && text->data[begin] == '-')
		begin++;
	const char *word = text->data + begin;
	const char *colon = memchr(word, ':', *cursor - begin);
	const char *const *names = colon ? rv_activity_kinds() : rv_activity_filter_fields();
	if (colon && !(colon - word == 4 && memcmp(word, "kind", 4) == 0)) {
		snprintf(app->hint, sizeof(app->hint), "Type a value for %.*s:", (int)(colon - word), word);
		return;
	}
	size_t at = colon ? (size_t)(colon - text->data) + 1 : begin, n = 0;
	while (names[n])
		n++;
	char *prefix = xstrndup(text->data + at, *cursor - at);
	finding_complete(app, text, cursor, at, prefix, names, n, colon ? " " : ":");
	free(prefix);
}

static void set_filter(struct view *v)
{
	struct log_state *st = v->data;
	struct prompt_hooks hooks = {.complete = complete_log_filter, .history = &log_filter_history};
	struct strbuf text;
	sb_init(&text);
	sb_adds(&text, st->filter_text);
	snprintf(v->app->hint, sizeof(v->app->hint), "author:NAME changed:>DATE item:ID kind:KIND words   (Tab completes)");
	bool ok = prompt_read(v->app, "log filter: ", &text, &hooks);
	v->app->hint[0] = '\0';
	if (ok) {
		char err[512];
		struct rv_activity_filter *f = NULL;
		if (text.len && !(f = rv_activity_filter_parse(text.data, err, sizeof(err)))) {
			app_message(v->app, C_ERROR, "log filter: %s", err);
		} else {
			rv_activity_filter_free(st->filter);
			st->filter = f;
			snprintf(st->filter_text, sizeof(st->filter_text), "%s", f ? text.data : "");
			view_rebuild(v, v->width);
			view_move_to(v, 0, app_body_height(v));
		}
	}
	sb_free(&text);
}

static void complete_log_sort(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	(void)data;
	const char *const *names = rv_activity_sort_names();
	size_t n = 0, begin = text->len && text->data[0] == '-' ? 1 : 0;
	while (names[n])
		n++;
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "%.*s", (int)(*cursor - begin), text->data + begin);
	finding_complete(app, text, cursor, begin, prefix, names, n, "");
}

/* s: the log's own order; the first rows shown after it. */
static void set_sort(struct view *v, bool toggle)
{
	struct log_state *st = v->data;
	if (toggle) {
		st->sort_reverse = !st->sort_reverse;
	} else {
		struct prompt_hooks hooks = {.complete = complete_log_sort};
		struct strbuf text;
		sb_init(&text);
		snprintf(v->app->hint, sizeof(v->app->hint), "newest, oldest, author, id, kind   (-key reverses)");
		bool ok = prompt_read(v->app, "sort by: ", &text, &hooks);
		v->app->hint[0] = '\0';
		int key;
		bool reverse;
		if (ok && text.len && !rv_activity_sort_parse(text.data, &key, &reverse))
			app_message(v->app, C_ERROR, "sort: unknown key (known here: newest, oldest, author, id, kind)");
		else if (ok && text.len) {
			st->sort_key = key;
			st->sort_reverse = reverse;
		}
		sb_free(&text);
	}
	view_rebuild(v, v->width);
	view_move_to(v, 0, app_body_height(v));
	v->offset = 0;
}

/* f and F (as bound) filter this list instead of the recommendations; s and S sort it. */
static bool log_key(struct view *v, struct key key)
{
	struct log_state *st = v->data;
	enum request req = keys_lookup(key);
	if (req == REQ_FILTER) {
		set_filter(v);
		return true;
	}
	if (req == REQ_SORT || req == REQ_SORT_REVERSE) {
		set_sort(v, req == REQ_SORT_REVERSE);
		return true;
	}
	if (req == REQ_FILTER_CLEAR) {
		if (!st->filter) {
			app_message(v->app, C_DIM, "No filter to clear.");
			return true;
		}
		rv_activity_filter_free(st->filter);
		st->filter = NULL;
		st->filter_text[0] = '\0';
		view_rebuild(v, v->width);
		app_message(v->app, C_DIM, "Filter cleared.");
		return true;
	}
	return false;
}

static const struct view_ops log_ops = {
	.id = VIEW_LOG,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_FILTER | SCOPE_SORT | SCOPE_SPLIT | SCOPE_COLUMNS,
	.name = "log",
	.state_size = sizeof(struct log_state),
	.open = log_open,
	.draw = log_draw,
	.request = log_request,
	.crumb = log_crumb,
	.header = log_header,
	.grep = log_grep,
	.key = log_key,
	.current_rec = log_current_rec,
	.reload = log_reload,
	.done = log_done,
};

struct view *log_view_new(struct app *app)
{
	return view_new(app, &log_ops, -1, -1, RV_HISTORY);
}
