/* views.h - constructors of the views, one source file each. */
#ifndef RECVIEW_VIEWS_H
#define RECVIEW_VIEWS_H

#include "recview/app.h"

struct view *recs_view_new(struct app *app);
struct view *rec_view_new(struct app *app, size_t rec);
/* Deliverables, questions or history: of one recommendation (rec >= 0) or of all. */
struct view *children_view_new(struct app *app, enum rv_kind kind, long rec);
/* The page of one deliverable or question or history entry. */
struct view *item_view_new(struct app *app, enum rv_kind kind, size_t child);
struct view *problems_view_new(struct app *app);
struct view *help_view_new(struct app *app, const struct view *about);

/* Shared by views: the colour of a status or decision. */
enum color status_color(enum rv_status st);
enum color decision_color(enum rv_decision d);

#endif
