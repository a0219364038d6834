/*
 * request.h - every action of the browser, declared once with its help text. Keys map to requests
 * (keys.c) and the help view is generated from this table, so the two never drift apart.
 */
#ifndef RECVIEW_REQUEST_H
#define RECVIEW_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

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
	_(CHANGE_STATUS, "Change the implementation status (with a note and a date)") \
	_(CHANGE_DECISION, "Change the Board's decision (with a note and a date)") \
	_(CHANGE_PRIORITY, "Set the priority (P1 to P4, empty clears)") \
	_(ADD_NOTE, "Add a note to the recommendation") \
	_(SET_OWNER, "Set the owner of the recommendation, or of the deliverable under the cursor (empty clears)") \
	_(ITEM_STATUS, "Edit the item under the cursor: a deliverable's or question's status, or your note's text") \
	_(SET_DUE, "Set the due date of the deliverable under the cursor, with the reason (the earlier date is kept)") \
	_(ANSWER, "Answer the question under the cursor (an open question becomes answered)") \
	_(RETRACT_NOTE, "Retract your note under the cursor (its text stays in the log)") \
	_(AGENDA_TOGGLE, "Mark or unmark the recommendation for the agenda") \
	_(AGENDA_UP, "Move it up on the agenda") \
	_(AGENDA_DOWN, "Move it down on the agenda") \
	_(VIEW_AGENDA, "Show the agenda") \
	_(TAG, "Tag or untag the item under the cursor (in lists), then go down") \
	_(TAG_RANGE, "Mark where a range starts; again: tag (or untag) every line up to the cursor") \
	_(TAG_ALL, "Tag every line shown (or untag them, when all are tagged)") \
	_(TAG_MATCHING, "Tag the items a filter expression matches (status:progress owner:OCTO ...)") \
	_(UNTAG_MATCHING, "Untag the items a filter expression matches (empty: every tag)") \
	_(TAG_PREFIX, "Apply the next change (status, decision, priority, note, agenda, owner, due date) to every tagged item") \
	_(UNDO, "Undo the last change (a change made to tagged items: all of it)") \
	_(REDO, "Redo what was undone") \
	_(VIEW_CHANGES, "Show the changes made in this session") \
	_(VIEW_OTHERS, "Show what others changed in the data set while it was open (live updates)") \
	_(VIEW_LOG, "Show the log: every change recorded in the data set, newest first (f filters it)") \
	_(SAVE, "Save again after a failure: retry, merge with the files as they are now, or save elsewhere") \
	_(VIEW_CONFLICTS, "Show what a merge could not combine: fields changed here and by someone else") \
	_(KEEP_MINE, "In the conflicts: keep my value for this field") \
	_(KEEP_THEIRS, "In the conflicts: keep their value (mine is dropped)") \
	_(EXPORT, "Export what the view shows (list, page, agenda, minutes) to .md or .csv") \
	_(PRESENT, "Present the agenda (or this list) one recommendation per screen") \
	_(DASHBOARD, "Show the dashboard: decisions and statuses per review, over time, by topic") \
	_(AS_OF, "Show the data as of a date (DATE), or what moved between two (DATE..DATE)") \
	_(REDRAW, "Redraw the screen")

/*
 * What a request does in one view beyond its general help: the help view lists these under the keys
 * when it was opened from that view (VIEW is its view_ops name).
 */
#define REQUEST_IN_VIEW_TABLE(_) \
	_("problems", ENTER, "On a problem in a row of a file: open that row") \
	_("problems", ENTER, "On 'missing required column' or 'duplicate column': list the file's columns with " \
			     "three sample values each, the cursor on the likeliest; Enter and y write " \
			     "TABLE.FIELD = COLUMN into recview.map and read the data set again") \
	_("problems", ENTER, "On a recview.map line that names a column the file lacks ('no column ...'): " \
			     "pick the column the same way; Enter and y write it on that line of recview.map " \
			     "(its comment, pattern and link kept) and read the data set again") \
	_("mapping", ENTER, "Choose the column under the cursor: y writes it into recview.map and reads the " \
			    "data set again, n leaves recview.map as it was")

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
/* The i-th entry of REQUEST_IN_VIEW_TABLE for the view named view: false past the last. */
bool request_in_view(const char *view, size_t i, enum request *req, const char **help);

#endif
