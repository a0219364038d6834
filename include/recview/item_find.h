/*
 * item_find.h - the filter and order of one item list (deliverables, questions, history): kept by
 * the view itself, so that f, F, s and S in it never touch the recommendations list's.
 */
#ifndef RECVIEW_ITEM_FIND_H
#define RECVIEW_ITEM_FIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/model.h"
#include "recview/request.h"
#include "recview/strbuf.h"

struct view;
struct rv_query;

struct item_finder {
	enum rv_kind kind;
	struct rv_query *query; /* NULL: every item */
	char filter_text[512];
	int sort_key;           /* rv_item_sort_names(kind); 0: the list's own order */
	bool sort_reverse;
	const uint32_t *all;    /* the list before the filter (the view's), for the count as typed */
	size_t nall;
};

/* f, F, s and S on the view that holds f: true when req was one of them (the view rebuilt, its
 * cursor on the first line). */
bool item_finder_request(struct view *v, struct item_finder *f, enum request req);
/* The filter and order for the breadcrumb: " [due:<2016] 3 of 12, by -due" (nothing when none). */
void item_finder_describe(const struct item_finder *f, size_t shown, struct strbuf *out);
void item_finder_free(struct item_finder *f);

#endif
