/* views.h - constructors of the views, one source file each. */
#ifndef RECVIEW_VIEWS_H
#define RECVIEW_VIEWS_H

#include "recview/app.h"
#include "recview/changelog.h"

struct view *recs_view_new(struct app *app);
struct view *rec_view_new(struct app *app, size_t rec);
/* The page of the recommendation of item, the cursor on the item (a deliverable, question, history
 * entry or note; the top for the recommendation itself). */
struct view *rec_view_new_at(struct app *app, size_t rec, struct rv_item item);
/* The note (a child index of RV_NOTES) under the cursor of a recommendation's page, or -1. */
long rec_view_current_note(const struct view *v);
/* Every change recorded in the data set, newest first, with a filter of its own (activity.h). */
struct view *log_view_new(struct app *app);
/* Deliverables, questions or history: of one recommendation (rec >= 0) or of all. */
struct view *children_view_new(struct app *app, enum rv_kind kind, long rec);
/* When v is such a list: the row under its cursor (any kind, history too); false on a heading. */
bool children_view_current_row(const struct view *v, struct rv_item *out);
/* When v is such a list: the child indices of its rows in the order shown (freed by the caller). */
bool children_view_rows(const struct view *v, uint32_t **items, size_t *n);
/* The page of one deliverable or question or history entry. */
struct view *item_view_new(struct app *app, enum rv_kind kind, size_t child);
struct view *problems_view_new(struct app *app);
/* Which column of kind's file is field: the header with samples; Enter maps it in recview.map (on the
 * line of recview.map the problem from is about, when it is one). */
struct view *mapping_view_new(struct app *app, enum rv_kind kind, int field, const struct diag *from);
struct view *help_view_new(struct app *app, const struct view *about);
/* Every match of the app's search across the data set. */
struct view *results_view_new(struct app *app);
/* A row of the search results for its columns (list_columns_rows.c): the recommendation (-1: none),
 * the id shown, the count of hits; its fields matched drawn in width columns. */
struct results_row {
	long rec;
	struct rv_text id;
	unsigned hits;
};
void results_row_of(const struct view *v, size_t ref, struct results_row *out);
void results_draw_matched(struct view *v, size_t ref, struct draw *d, int width);
/* A row of the log: the change it shows. */
struct rv_activity;
const struct rv_activity *log_row_entry(const struct view *v, size_t ref);
struct view *agenda_view_new(struct app *app);
struct view *dashboard_view_new(struct app *app);
/* One review: its milestones as a dated timeline and its work streams (reviews.h); by its index in
 * rv_reviews_build's order, or by name (the first review when none has it). */
struct view *reviews_view_new(struct app *app, long index);
struct view *reviews_view_named(struct app *app, const char *name, size_t len);
/* The review of the current view (the dashboard's row, the recommendation under the cursor), opened;
 * the first review when nothing there names one. */
void reviews_open_current(struct app *app);
/* The review a view is about or its cursor is on, appended to out; false when none. */
bool view_current_review(const struct view *v, struct strbuf *out);
/* Plain text in a view (what moved between two dates). */
struct view *text_view_new(struct app *app, const char *title, const char *text);
/* One recommendation per screen: the agenda, or the list as filtered and sorted now. */
/* What P walks through: the agenda in order, or the list as filtered and sorted now; a follower
 * (--follow) walks through what the presenter's file names (follow_ui.h). */
enum present_source { PRESENT_AGENDA, PRESENT_LIST, PRESENT_FOLLOW };
struct view *present_view_new(struct app *app, enum present_source from);
/* P: the agenda from the agenda view, the list when there is no agenda, else the configured default
 * or a one-key choice (a agenda, l list). NULL: the choice was cancelled. */
struct view *present_view_choose(struct app *app);
/* Shows the walkthrough's item about rec; false when rec is not one of its items. */
bool present_go_to_rec(struct view *v, long rec);
/* The overview of the walkthrough walk (=): every item, its time and budget; Enter goes to one. */
struct view *overview_view_new(struct app *app, struct view *walk);
/* ':' in the walkthrough: a prompt completing over its items' ids; it goes there and stays in it. */
void present_jump(struct view *v);
struct view *changes_view_new(struct app *app);
/* What others changed in the data set while it was open (live.h), newest first. */
struct view *others_view_new(struct app *app);
/* What a merge could not combine: each field changed here and on disk, to keep mine or theirs. */
struct view *conflicts_view_new(struct app *app);
bool view_is_conflicts(const struct view *v);
/* The conflict under the cursor of the conflicts view, or -1. */
long conflicts_view_current(const struct view *v);
/* True for the recommendations list (filter and sort apply to it). */
bool view_is_recs(const struct view *v);
/* The recommendation a view is about, or that its cursor is on; -1 when none. */
long view_current_rec(const struct view *v);
/* The deliverable or question a view is about, or that its cursor is on; false when none. */
bool view_current_item(const struct view *v, struct rv_item *out);

/* Shared by views: the colour of a status or decision. */
enum color status_color(enum rv_status st);
enum color decision_color(enum rv_decision d);
/* The colour of a question's state (waiting stands out, settled is quiet). */
enum color qstate_color(enum rv_qstatus st);
/* Columns for field labels: the longest extra column name of that file fits, within [minimum, 20]. */
int label_width(const struct rv_model *m, enum rv_kind kind, int minimum);
/* One column: a tagged item's mark (tags.h), else a space. */
void draw_tag_mark(struct draw *d, bool tagged);
/* A label cut to width - 1 columns, then a space. */
void draw_label(struct draw *d, const char *s, size_t len, int width);

#endif
