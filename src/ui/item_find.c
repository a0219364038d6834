/* item_find.c - f, F, s and S in an item list (item_find.h): its own filter and order. */
#include "recview/item_find.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/filter_prompt.h"
#include "recview/finding.h"
#include "recview/query.h"
#include "recview/query_items.h"
#include "recview/text.h"
#include "recview/views.h"

static struct prompt_history item_filter_history, item_sort_history;

static size_t count_items(struct app *app, void *data, const struct rv_query *q, size_t *total)
{
	const struct item_finder *f = data;
	size_t n = 0;
	*total = f->nall;
	for (size_t i = 0; i < f->nall; i++)
		n += rv_item_query_match(q, app->m, f->all[i], app->as_of);
	return n;
}

/* The view rebuilt for a new filter or order, the first rows in sight. */
static void show_top(struct view *v)
{
	view_rebuild(v, v->width);
	view_move_to(v, 0, app_body_height(v));
	v->offset = 0;
}

static void read_filter(struct view *v, struct item_finder *f)
{
	struct filter_target target = {.kind = f->kind, .count = count_items, .data = f};
	struct strbuf text;
	sb_init(&text);
	sb_adds(&text, f->filter_text);
	struct rv_query *q;
	if (filter_prompt_read(v->app, "filter: ", &target, &text, &item_filter_history, &q)) {
		rv_query_free(f->query);
		f->query = q;
		snprintf(f->filter_text, sizeof(f->filter_text), "%s", q ? text.data : "");
		show_top(v);
	}
	sb_free(&text);
}

static void complete_sort(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	const struct item_finder *f = data;
	const char *const *names = rv_item_sort_names(f->kind);
	size_t n = 0;
	while (names[n])
		n++;
	size_t begin = text->len && text->data[0] == '-' ? 1 : 0;
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "%.*s", (int)(*cursor - begin), text->data + begin);
	finding_complete(app, text, cursor, begin, prefix, names, n, "");
}

static void sort_names(enum rv_kind kind, struct strbuf *out)
{
	const char *const *names = rv_item_sort_names(kind);
	for (size_t i = 0; names[i]; i++)
		sb_addf(out, "%s%s", i ? ", " : "", names[i]);
}

static void read_sort(struct view *v, struct item_finder *f)
{
	struct prompt_hooks hooks = {.complete = complete_sort, .history = &item_sort_history, .data = f};
	struct strbuf text, known;
	sb_init(&text);
	sb_init(&known);
	sort_names(f->kind, &known);
	snprintf(v->app->hint, sizeof(v->app->hint), "%s   (-key reverses, Tab completes)", known.data);
	bool ok = prompt_read(v->app, "sort by: ", &text, &hooks);
	v->app->hint[0] = '\0';
	int key;
	bool reverse;
	if (ok && text.len) {
		if (!rv_item_sort_parse(f->kind, text.data, &key, &reverse)) {
			app_message(v->app, C_ERROR, "sort: unknown key (known here: %s; -key reverses)", known.data);
		} else {
			f->sort_key = key;
			f->sort_reverse = reverse;
			show_top(v);
		}
	}
	sb_free(&known);
	sb_free(&text);
}

bool item_finder_request(struct view *v, struct item_finder *f, enum request req)
{
	switch (req) {
	case REQ_FILTER:
		read_filter(v, f);
		return true;
	case REQ_FILTER_CLEAR:
		if (!f->query) {
			app_message(v->app, C_DIM, "No filter to clear in this list.");
			return true;
		}
		rv_query_free(f->query);
		f->query = NULL;
		f->filter_text[0] = '\0';
		show_top(v);
		app_message(v->app, C_DIM, "Filter cleared.");
		return true;
	case REQ_SORT:
		read_sort(v, f);
		return true;
	case REQ_SORT_REVERSE:
		f->sort_reverse = !f->sort_reverse;
		show_top(v);
		app_message(v->app, C_DIM, "Sorted by %s, %s", rv_item_sort_names(f->kind)[f->sort_key],
			    f->sort_reverse ? "reversed" : "ascending");
		return true;
	default:
		return false;
	}
}

void item_finder_describe(const struct item_finder *f, size_t shown, struct strbuf *out)
{
	if (f->query) {
		sb_adds(out, " [");
		text_sanitize(out, f->filter_text, strlen(f->filter_text), 0);
		sb_addf(out, "] %zu of %zu", shown, f->nall);
	}
	if (f->sort_key || f->sort_reverse)
		sb_addf(out, " by %s%s", f->sort_reverse ? "-" : "", rv_item_sort_names(f->kind)[f->sort_key]);
}

void item_finder_free(struct item_finder *f)
{
	rv_query_free(f->query);
	f->query = NULL;
}
