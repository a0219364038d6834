/*
 * request.h - every action of the browser, declared once with its help text. Keys map to requests
 * (keys.c) and the help view is generated from this table, so the two never drift apart.
 */
#ifndef RECVIEW_REQUEST_H
#define RECVIEW_REQUEST_H

#define REQUEST_TABLE(_) \
	_(MOVE_DOWN, "Move the cursor one line down") \
	_(MOVE_UP, "Move the cursor one line up") \
	_(PAGE_DOWN, "Move one page down") \
	_(PAGE_UP, "Move one page up") \
	_(HALF_DOWN, "Move half a page down") \
	_(HALF_UP, "Move half a page up") \
	_(MOVE_FIRST, "Go to the first line") \
	_(MOVE_LAST, "Go to the last line") \
	_(NEXT_LINK, "Go to the next link on the page") \
	_(PREV_LINK, "Go to the previous link on the page") \
	_(ENTER, "Open the selected item") \
	_(BACK, "Go back to the previous view") \
	_(FORWARD, "Go forward again after going back") \
	_(QUIT_VIEW, "Close this view (quit at the last one)") \
	_(QUIT, "Quit recview") \
	_(VIEW_RECS, "Show all recommendations") \
	_(VIEW_DELIVERABLES, "Show deliverables (of this recommendation, or all)") \
	_(VIEW_QUESTIONS, "Show questions (of this recommendation, or all)") \
	_(VIEW_HISTORY, "Show the status history (of this recommendation, or all)") \
	_(VIEW_PROBLEMS, "Show the problems found while loading") \
	_(VIEW_HELP, "Show the keys of this view") \
	_(SEARCH, "Search this view as you type (C-r in the prompt: regular expression)") \
	_(SEARCH_NEXT, "Go to the next match") \
	_(SEARCH_PREV, "Go to the previous match") \
	_(SEARCH_RESULTS, "List every match of the search in the whole data set") \
	_(FILTER, "Filter the recommendations (status:progress review:SSR1 ...)") \
	_(FILTER_CLEAR, "Clear the filter") \
	_(SORT, "Sort the recommendations (id, status, decision, priority, topic, changed, ...)") \
	_(SORT_REVERSE, "Reverse the order") \
	_(JUMP, "Jump to a recommendation by id (:11, :SSR2-5.4; Tab completes)") \
	_(REDRAW, "Redraw the screen")

#define REQUEST_ENUM(name, help) REQ_##name,
enum request {
	REQ_NONE,
	REQUEST_TABLE(REQUEST_ENUM)
	REQ_COUNT
};
#undef REQUEST_ENUM

/* Help text and name ("move-down") of a request. */
const char *request_help(enum request req);
const char *request_name(enum request req);

#endif
