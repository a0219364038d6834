/*
 * list_columns.h - the columns of the browser's lists on the screen: the header and the cells of a row
 * laid out by the column model (columns.h), the user's choice per list (the configuration's
 * columns.LIST, the chooser), and scrolling sideways with the id column kept.
 */
#ifndef RECVIEW_LIST_COLUMNS_H
#define RECVIEW_LIST_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "recview/app.h"
#include "recview/columns.h"

/* The choice of each list from the configuration; a bad one is a problem of the data set's load (!). */
void list_columns_init(struct app *app);
void list_columns_free(struct app *app);
/* Columns, scrolling sideways: true when req was one of them. */
bool list_columns_request(struct app *app, enum request req);
/* Which list a view shows (false: a view without columns). */
bool list_columns_of(const struct view *v, enum rv_col_list *out);
/* The header and a row (ref: the recommendation or child), from where the view's own marks end. */
void list_columns_header(struct view *v, struct draw *d);
void list_columns_row(struct view *v, size_t ref, struct draw *d);
/* The choice of list, made the default set first when none was made (for the chooser to change). */
struct rv_col_choice *list_columns_choice(struct app *app, enum rv_col_list list);
/* The columns of list, and the widths they fit now (natural: per def, measured over the view's rows). */
void list_columns_measure(struct view *v, enum rv_col_list list, struct rv_col_set *set, int *natural);
/* The cells of the lists whose rows are no recommendation or child (list_columns_rows.c): the search
 * results (a recommendation's cells by list_columns_rec_cell) and the log; each drawn in w columns. */
void list_columns_rec_cell(struct view *v, const struct rv_col_def *def, size_t rec, int w, struct draw *d);
void list_columns_results_cell(struct view *v, const struct rv_col_def *def, size_t ref, int w, struct draw *d);
void list_columns_log_cell(struct view *v, const struct rv_col_def *def, size_t ref, int w, struct draw *d);
/* The widest value of each fitted column of set over the view's rows, into natural. */
void list_columns_measure_rows(struct view *v, const struct rv_col_set *set, int *natural);
/* The chooser of the columns of the list shown by of. */
struct view *columns_view_new(struct app *app, struct view *of, enum rv_col_list list);

#endif
