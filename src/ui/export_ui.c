/* export_ui.c - x: what the current view shows, to a Markdown or CSV file (export.h, page.h), never
 * over a file of the data set (export_target.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recview/arena.h"
#include "recview/export.h"
#include "recview/export_target.h"
#include "recview/page.h"
#include "recview/prompt.h"
#include "recview/query.h"
#include "recview/triage_ui.h"
#include "recview/ui.h"
#include "recview/views.h"

static struct prompt_history export_history;

/* What x exports: the document the current view shows. */
enum export_what { EXPORT_LIST, EXPORT_AGENDA, EXPORT_MINUTES, EXPORT_PAGE, EXPORT_ITEMS };

static const char *const export_names[] = {"the list", "the agenda", "the minutes", "the page", "the list"};

struct export_source {
	enum export_what what;
	struct view *view;
};

/* The title of a list of deliverables, questions or history entries: "Deliverables of SSR1-11". */
static void items_title(struct app *app, const struct view *v, struct strbuf *out)
{
	static const char *const names[RV_KIND_COUNT] = {[RV_DELIVERABLES] = "Deliverables",
							  [RV_QUESTIONS] = "Questions", [RV_HISTORY] = "History"};
	sb_adds(out, names[v->kind] ? names[v->kind] : "Items");
	if (v->rec < 0) {
		sb_adds(out, " (all)");
		return;
	}
	struct rv_text id = rv_rec_id(app->m, (size_t)v->rec);
	sb_adds(out, " of ");
	sb_add(out, id.ptr, id.len);
}

/* The rows of a deliverables, questions or history list, in its order, as it shows them. */
static void export_items(struct app *app, struct view *v, bool csv, struct strbuf *data)
{
	uint32_t *items = NULL;
	size_t n = 0;
	children_view_rows(v, &items, &n);
	if (csv) {
		rv_export_items_csv(app->m, v->kind, items, n, app->as_of, data);
	} else {
		struct strbuf title;
		sb_init(&title);
		items_title(app, v, &title);
		rv_export_items_markdown(app->m, v->kind, items, n, app->as_of, title.data, data);
		sb_free(&title);
	}
	free(items);
}

/* The document the view shows: the minutes of the session, the agenda, the filtered list, one
 * recommendation's page (its row, as CSV), or a list of its deliverables, questions or history. */
static void export_document(struct app *app, const struct export_source *src, bool csv, struct strbuf *data)
{
	struct rv_session *s = app->session;
	if (src->what == EXPORT_MINUTES) {
		rv_session_minutes(s, data);
		return;
	}
	if (src->what == EXPORT_ITEMS) {
		export_items(app, src->view, csv, data);
		return;
	}
	if (src->what == EXPORT_PAGE && !csv) {
		struct rv_page page;
		/* As the page shows it: what was recorded later left out, or kept and marked (as-of-later). */
		rv_page_build_later(app->m, (size_t)src->view->rec, app->as_of, (enum rv_as_of_later)app->as_of_later,
				    &page);
		rv_page_markdown(&page, data);
		rv_page_free(&page);
		return;
	}
	uint32_t *recs = xcalloc(app->m->nrecs + 1, sizeof(*recs));
	size_t n = 0;
	if (src->what == EXPORT_PAGE) {
		recs[n++] = (uint32_t)src->view->rec;
	} else if (src->what == EXPORT_AGENDA) {
		for (size_t i = 0; i < s->nagenda; i++)
			recs[n++] = s->agenda[i].rec;
	} else {
		/* The list as it shows: filtered and sorted by the state in force on the as-of date. */
		n = rv_query_select_as_of(app->m, app->query, app->as_of, (enum rv_sort_key)app->sort_key,
					  app->sort_reverse, recs);
	}
	if (csv)
		rv_export_csv_as_of(app->m, recs, n, app->as_of, (enum rv_as_of_later)app->as_of_later, data);
	else
		rv_export_markdown_as_of(app->m, recs, n, src->what == EXPORT_AGENDA ? "Agenda" : "Recommendations",
					 app->as_of, (enum rv_as_of_later)app->as_of_later, data);
	free(recs);
}

/*
 * Writes the export to path: never over a file of the data set (export_target.h says which), and
 * over another existing file only when the user says y.
 */
static void export_to(struct app *app, const char *path, const struct export_source *src)
{
	struct rv_export_target t;
	char why[1024];
	enum rv_export_check check = rv_export_target_check(app->m->dir, path, &t, why, sizeof(why));
	if (check == RV_EXPORT_REFUSED) {
		app_message(app, C_ERROR, "NOT EXPORTED: %s", why);
		rv_export_target_free(&t);
		return;
	}
	if (check == RV_EXPORT_REPLACE) {
		struct strbuf question;
		sb_init(&question);
		sb_addf(&question, "replace %s? y/n ", t.path);
		bool yes = prompt_confirm(app, question.data);
		sb_free(&question);
		if (!yes) {
			app_message(app, C_WARNING, "Not exported: %s was left as it was", t.path);
			rv_export_target_free(&t);
			return;
		}
	}
	size_t n = strlen(path);
	bool csv = n > 4 && strcasecmp(path + n - 4, ".csv") == 0;
	struct strbuf data;
	sb_init(&data);
	export_document(app, src, csv, &data);
	char err[1024];
	if (rv_export_target_write(&t, data.data, data.len, app->session->ops, err, sizeof(err))) {
		app_message(app, C_ST_COMPLETE, "Exported %s to %s", export_names[src->what], t.path);
		if (src->what == EXPORT_MINUTES)
			minutes_mark_written(app);
	} else
		app_message(app, C_ERROR, "NOT EXPORTED: %s", err);
	sb_free(&data);
	rv_export_target_free(&t);
}

/* The name x proposes for a page: the recommendation's id in letters, digits, '.', '-' and '_'. */
static void page_file_name(struct app *app, size_t rec, struct strbuf *out)
{
	struct rv_text id = rv_rec_id(app->m, rec);
	for (size_t i = 0; i < id.len && out->len < 60; i++) {
		unsigned char c = (unsigned char)id.ptr[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    (c == '.' && out->len))
			sb_addc(out, (char)c);
	}
	sb_adds(out, out->len ? ".md" : "recommendation.md");
}

static void export_source_of(struct view *v, struct export_source *src)
{
	uint32_t *items = NULL;
	size_t n;
	src->view = v;
	src->what = EXPORT_LIST;
	if (v->ops->id == VIEW_AGENDA)
		src->what = EXPORT_AGENDA;
	else if (v->ops->id == VIEW_CHANGES)
		src->what = EXPORT_MINUTES;
	else if (v->ops->id == VIEW_REC && v->rec >= 0)
		src->what = EXPORT_PAGE;
	else if (children_view_rows(v, &items, &n))
		src->what = EXPORT_ITEMS;
	free(items);
}

/* x: what the current view shows (the list, the agenda, the changes, a recommendation's page, its
 * deliverables, questions or history) to a Markdown or CSV file. */
void export_view(struct app *app)
{
	static const char *const item_files[RV_KIND_COUNT] = {[RV_DELIVERABLES] = "deliverables.md",
							       [RV_QUESTIONS] = "questions.md", [RV_HISTORY] = "history.md"};
	struct export_source src;
	export_source_of(app_current(app), &src);
	struct strbuf path, initial;
	sb_init(&path);
	sb_init(&initial);
	if (src.what == EXPORT_PAGE)
		page_file_name(app, (size_t)src.view->rec, &initial);
	else if (src.what == EXPORT_ITEMS)
		sb_adds(&initial, item_files[src.view->kind] ? item_files[src.view->kind] : "items.md");
	else
		sb_adds(&initial, src.what == EXPORT_MINUTES ? "minutes.md" : src.what == EXPORT_AGENDA ? "agenda.md"
												 : "recommendations.md");
	if (triage_ask(app, "export to (.md or .csv): ", initial.data, &path, NULL, &export_history) && path.len)
		export_to(app, path.data, &src);
	sb_free(&initial);
	sb_free(&path);
}
