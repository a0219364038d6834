/* finding.c - search as you type, n/N, the results view, filter, sort and jump, with completion. */
#include "recview/finding.h"
#include "recview/entity.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recview/filter_prompt.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/search.h"
#include "recview/target.h"
#include "recview/text.h"
#include "recview/views.h"

static struct prompt_history search_history, filter_history, sort_history, jump_history;

void finding_free(struct app *app)
{
	rv_search_free(app->search);
	app->search = NULL;
	rv_query_free(app->query);
	app->query = NULL;
	draw_set_highlight(NULL);
	prompt_history_free(&search_history);
	prompt_history_free(&filter_history);
	prompt_history_free(&sort_history);
	prompt_history_free(&jump_history);
}

/* ---- search ---- */

/* The first matching line from start in direction dir, wrapping around; -1 when none. */
static long find_line(struct view *v, size_t start, int dir, const struct rv_search *s, bool *wrapped)
{
	size_t n = v->nlines;
	*wrapped = false;
	for (size_t k = 0; k < n; k++) {
		size_t i = dir > 0 ? (start + k) % n : (start + n - k % n) % n;
		if (dir > 0 ? i < start : i > start)
			*wrapped = true;
		if (search_line_matches(v, i, s))
			return (long)i;
	}
	return -1;
}

struct search_session {
	struct view *view;
	size_t start_line, start_offset; /* where the search began: each keystroke searches from there */
	struct rv_search *live;          /* the pattern being typed */
	bool regex;
};

static void live_search(struct app *app, const char *text, void *data)
{
	struct search_session *ss = data;
	char err[256];
	rv_search_free(ss->live);
	ss->live = NULL;
	app->hint[0] = '\0';
	draw_set_highlight(NULL);
	if (!*text) {
		view_move_to(ss->view, ss->start_line, app_body_height(ss->view));
		return;
	}
	ss->live = rv_search_compile(text, ss->regex ? RV_SEARCH_REGEX : 0, err, sizeof(err));
	if (!ss->live) {
		snprintf(app->hint, sizeof(app->hint), "%s", err);
		return;
	}
	draw_set_highlight(ss->live);
	bool wrapped;
	long i = find_line(ss->view, ss->start_line, 1, ss->live, &wrapped);
	if (i < 0) {
		snprintf(app->hint, sizeof(app->hint), "No match in this view (R lists the whole data set after Enter)");
		view_move_to(ss->view, ss->start_line, app_body_height(ss->view));
		ss->view->offset = ss->start_offset;
		return;
	}
	view_move_to(ss->view, (size_t)i, app_body_height(ss->view));
}

static const char *toggle_regex(struct app *app, void *data)
{
	struct search_session *ss = data;
	(void)app;
	ss->regex = !ss->regex;
	return ss->regex ? "regex/" : "/";
}

void finding_search(struct app *app)
{
	struct view *v = app_current(app);
	struct search_session ss = {v, v->lineno, v->offset, NULL, app->search_regex};
	struct prompt_hooks hooks = {.changed = live_search, .toggle = toggle_regex, .history = &search_history, .data = &ss};
	struct strbuf text;
	sb_init(&text);
	bool ok = prompt_read(app, ss.regex ? "regex/" : "/", &text, &hooks);
	app->hint[0] = '\0';
	if (ok && ss.live) {
		rv_search_free(app->search);
		app->search = ss.live;
		app->search_regex = ss.regex;
		snprintf(app->search_text, sizeof(app->search_text), "%s", text.data);
		draw_set_highlight(app->search);
		size_t n = search_count(v, app->search);
		if (search_line_matches(v, v->lineno, app->search))
			app_message(app, C_DIM, "/%s: %zu in this view; n/N next/previous, R everywhere", app->search_text, n);
		else
			app_message(app, C_WARNING, "/%s: no match in this view; R lists the whole data set", app->search_text);
	} else {
		/* Cancelled: back where the search began, with the previous highlight. */
		rv_search_free(ss.live);
		view_move_to(v, ss.start_line, app_body_height(v));
		v->offset = ss.start_offset;
		draw_set_highlight(app->search);
	}
	sb_free(&text);
}

void finding_next(struct app *app, int dir)
{
	struct view *v = app_current(app);
	if (!app->search) {
		app_message(app, C_DIM, "No search yet: / searches.");
		return;
	}
	if (!v->nlines)
		return;
	bool wrapped;
	size_t start = dir > 0 ? (v->lineno + 1) % v->nlines : (v->lineno + v->nlines - 1) % v->nlines;
	long i = find_line(v, start, dir, app->search, &wrapped);
	if (i < 0) {
		app_message(app, C_WARNING, "/%s: no match in this view; R lists the whole data set", app->search_text);
		return;
	}
	if ((dir > 0 && (size_t)i <= v->lineno) || (dir < 0 && (size_t)i >= v->lineno))
		app_message(app, C_DIM, "Search wrapped around");
	view_move_to(v, (size_t)i, app_body_height(v));
}

void finding_results(struct app *app)
{
	app_open(app, results_view_new(app)); /* without a search, the view says what to do */
}

/* ---- filter ---- */

static void replace_word(struct strbuf *text, size_t *cursor, size_t begin, const char *with)
{
	struct strbuf out;
	sb_init(&out);
	sb_add(&out, text->data, begin);
	sb_adds(&out, with);
	size_t new_cursor = out.len;
	sb_add(&out, text->data + *cursor, text->len - *cursor);
	sb_reset(text);
	sb_add(text, out.data, out.len);
	*cursor = new_cursor;
	sb_free(&out);
}

/*
 * Completes word (typed prefix) among candidates: one match replaces it, several are shown in the
 * hint and the common prefix is filled in. suffix is added after a unique completion.
 */
void finding_complete(struct app *app, struct strbuf *text, size_t *cursor, size_t begin, const char *prefix,
		      const char *const *cands, size_t n, const char *suffix)
{
	size_t plen = strlen(prefix), matches = 0, common = 0;
	const char *first = NULL;
	struct strbuf hint;
	sb_init(&hint);
	for (size_t i = 0; i < n; i++) {
		if (strncasecmp(cands[i], prefix, plen) != 0)
			continue;
		if (!first) {
			first = cands[i];
			common = strlen(first);
		} else {
			size_t k = 0;
			while (k < common && cands[i][k] && tolower((unsigned char)cands[i][k]) == tolower((unsigned char)first[k]))
				k++;
			common = k;
		}
		if (matches < 40)
			sb_addf(&hint, "%s%s", matches ? "  " : "", cands[i]);
		matches++;
	}
	if (!matches) {
		snprintf(app->hint, sizeof(app->hint), "No completion for '%s'", prefix);
	} else if (matches == 1) {
		struct strbuf w;
		sb_init(&w);
		sb_adds(&w, first);
		sb_adds(&w, suffix);
		replace_word(text, cursor, begin, w.data);
		sb_free(&w);
		app->hint[0] = '\0';
	} else {
		char *pre = xstrndup(first, common > plen ? common : plen);
		if (common > plen)
			replace_word(text, cursor, begin, pre);
		free(pre);
		snprintf(app->hint, sizeof(app->hint), "%zu: %s%s", matches, hint.data, matches > 40 ? " ..." : "");
	}
	sb_free(&hint);
}

/* The recommendations list in front, its cursor on the first line (the first rows are what a new
 * filter or order is judged by). */
static void show_list_top(struct app *app)
{
	struct view *v = app_current(app);
	if (!view_is_recs(v))
		return;
	view_move_to(v, 0, app_body_height(v));
	v->offset = 0;
}

void finding_filter(struct app *app)
{
	struct filter_target target = {.kind = RV_RECS, .count = filter_prompt_count_recs};
	struct strbuf text;
	sb_init(&text);
	sb_adds(&text, app->filter_text);
	struct rv_query *q;
	if (filter_prompt_read(app, "filter: ", &target, &text, &filter_history, &q)) {
		rv_query_free(app->query);
		app->query = q;
		snprintf(app->filter_text, sizeof(app->filter_text), "%s", q ? text.data : "");
		app_refresh_lists(app);
		show_list_top(app);
	}
	sb_free(&text);
}

bool app_set_filter(struct app *app, const char *text)
{
	char err[512];
	struct rv_query *q = NULL;
	if (*text && !(q = rv_query_parse_model(text, app->m, err, sizeof(err)))) {
		app_message(app, C_ERROR, "filter: %s", err);
		return false;
	}
	rv_query_free(app->query);
	app->query = q;
	snprintf(app->filter_text, sizeof(app->filter_text), "%s", q ? text : "");
	app_refresh_lists(app);
	return true;
}

void finding_filter_clear(struct app *app)
{
	if (!app->query) {
		app_message(app, C_DIM, "No filter to clear.");
		return;
	}
	rv_query_free(app->query);
	app->query = NULL;
	app->filter_text[0] = '\0';
	app_refresh_lists(app);
	app_message(app, C_DIM, "Filter cleared.");
}

/* ---- sort ---- */

static void complete_sort(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	const char *names[RV_SORT_COUNT];
	(void)data;
	for (int k = 0; k < RV_SORT_COUNT; k++)
		names[k] = rv_sort_name((enum rv_sort_key)k);
	size_t begin = text->len && text->data[0] == '-' ? 1 : 0;
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "%.*s", (int)(*cursor - begin), text->data + begin);
	finding_complete(app, text, cursor, begin, prefix, names, RV_SORT_COUNT, "");
}

void finding_sort(struct app *app)
{
	struct prompt_hooks hooks = {.complete = complete_sort, .history = &sort_history};
	struct strbuf text;
	sb_init(&text);
	bool ok = prompt_read(app, "sort by: ", &text, &hooks);
	app->hint[0] = '\0';
	if (ok && text.len) {
		enum rv_sort_key key;
		bool reverse;
		if (!rv_sort_parse(text.data, &key, &reverse)) {
			struct strbuf known;
			sb_init(&known);
			for (int k = 0; k < RV_SORT_COUNT; k++)
				sb_addf(&known, "%s%s", k ? ", " : "", rv_sort_name((enum rv_sort_key)k));
			app_message(app, C_ERROR, "sort: unknown key (known: %s; -key reverses)", known.data);
			sb_free(&known);
		} else {
			app->sort_key = (int)key;
			app->sort_reverse = reverse;
			app_refresh_lists(app);
			show_list_top(app);
		}
	}
	sb_free(&text);
}

void finding_sort_reverse(struct app *app)
{
	app->sort_reverse = !app->sort_reverse;
	app_refresh_lists(app);
	show_list_top(app);
	app_message(app, C_DIM, "Sorted by %s, %s", rv_sort_name((enum rv_sort_key)app->sort_key),
		    app->sort_reverse ? "reversed" : "ascending");
}

/* ---- the list in front ---- */

void finding_list_request(struct app *app, enum request req)
{
	struct view *v = app_current(app);
	if (view_is_recs(v)) {
		if (req == REQ_FILTER)
			finding_filter(app);
		else if (req == REQ_FILTER_CLEAR)
			finding_filter_clear(app);
		else if (req == REQ_SORT)
			finding_sort(app);
		else
			finding_sort_reverse(app);
		return;
	}
	/* A list with a filter and an order of its own (deliverables, questions, history) takes them. */
	if (v->ops->request && v->nlines && v->ops->request(v, req, &v->lines[v->lineno]) == REQ_NONE)
		return;
	bool filtering = req == REQ_FILTER || req == REQ_FILTER_CLEAR;
	app_message(app, C_DIM, "Nothing to %s in this view; L goes to the recommendations list.",
		    filtering ? "filter" : "sort");
}

/* ---- jump ---- */

static long find_in_review(const struct rv_model *m, const struct rv_text review, const char *text)
{
	char id[256];
	snprintf(id, sizeof(id), "%.*s-%s", (int)review.len, review.ptr, text);
	return rv_find_rec(m, id, strlen(id));
}

long finding_resolve_id(const struct app *app, const char *text)
{
	const struct rv_model *m = app->m;
	long rec = rv_find_rec(m, text, strlen(text));
	if (rec >= 0 || !*text)
		return rec;
	/* A bare number: first in the review of where we are, then in any review. */
	long here = app->depth ? view_current_rec(app->stack[app->depth - 1]) : -1;
	if (here >= 0 && (rec = find_in_review(m, rv_rec_review_of(m, (size_t)here), text)) >= 0)
		return rec;
	for (size_t i = 0; i < m->nrecs; i++) {
		rec = find_in_review(m, rv_rec_review_of(m, i), text);
		if (rec >= 0)
			return rec;
	}
	return -1;
}

/* The recommendation a bare number is read against: the current one, else (in a review's view) the
 * first of that review. */
static long jump_here(struct app *app)
{
	struct view *v = app->depth ? app->stack[app->depth - 1] : NULL;
	long here = v ? view_current_rec(v) : -1;
	struct strbuf review;
	sb_init(&review);
	if (here < 0 && v && view_current_review(v, &review))
		for (size_t i = 0; i < app->m->nrecs && here < 0; i++) {
			struct rv_text r = rv_rec_review_of(app->m, i);
			if (r.len == review.len && memcmp(r.ptr, review.data, r.len) == 0)
				here = (long)i;
		}
	sb_free(&review);
	return here;
}

/* Completion of every form ':' takes (target.h): ids, numbers, qids, reviews, ID/D1 and ID/Q1.1. */
static void complete_jump(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	(void)data;
	long here = jump_here(app);
	char **names;
	size_t n = rv_target_complete(app->m, text->data ? text->data : "", here, &names);
	char prefix[256];
	snprintf(prefix, sizeof(prefix), "%s", text->data ? text->data : "");
	finding_complete(app, text, cursor, 0, prefix, (const char *const *)names, n, "");
	rv_target_names_free(names, n);
}

/* Opens what a ':' name resolved to: a recommendation's page, a deliverable's or question's, a review. */
static void open_target(struct app *app, const struct rv_target *t)
{
	switch (t->kind) {
	case RV_TARGET_REC:
		app_open(app, rec_view_new(app, (size_t)t->rec));
		break;
	case RV_TARGET_ITEM:
		app_open(app, item_view_new(app, t->item.kind, t->item.index));
		break;
	case RV_TARGET_REVIEW:
		app_open(app, reviews_view_named(app, t->review.ptr, t->review.len));
		break;
	}
	if (t->also[0]) {
		struct strbuf q;
		sb_init(&q);
		text_sanitize(&q, t->also, strlen(t->also), 0);
		app_message(app, C_DIM, "This is a question; the recommendation is :%s", q.data);
		sb_free(&q);
	}
}

void finding_jump(struct app *app)
{
	struct prompt_hooks hooks = {.complete = complete_jump, .history = &jump_history};
	struct strbuf text;
	sb_init(&text);
	snprintf(app->hint, sizeof(app->hint), "11, SSR2-5.4, Q19 or 11.13 a question, SSR1-3/D2 a deliverable, SSR2 a review; Tab completes");
	bool ok = prompt_read(app, ":", &text, &hooks);
	app->hint[0] = '\0';
	if (ok && text.len) {
		long here = jump_here(app);
		struct rv_target t;
		char err[320];
		if (!rv_target_resolve(app->m, text.data, here, &t, err, sizeof(err)))
			app_message(app, C_ERROR, "%s", err);
		else
			open_target(app, &t);
	}
	sb_free(&text);
}
