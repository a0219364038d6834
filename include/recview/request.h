/*
 * request.h - every action of the browser, declared once with its help text. Keys map to requests
 * (keys.c) and the help view is generated from this table, so the two never drift apart.
 */
#ifndef RECVIEW_REQUEST_H
#define RECVIEW_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#define REQUEST_TABLE(_) \
	_(MOVE_DOWN, MOVE, "Move the cursor one line down") \
	_(MOVE_UP, MOVE, "Move the cursor one line up") \
	_(PAGE_DOWN, MOVE, "Move one page down") \
	_(PAGE_UP, MOVE, "Move one page up") \
	_(HALF_DOWN, MOVE, "Move half a page down") \
	_(HALF_UP, MOVE, "Move half a page up") \
	_(MOVE_FIRST, MOVE, "Go to the first line") \
	_(MOVE_LAST, MOVE, "Go to the last line") \
	_(NEXT_LINK, MOVE, "Go to the next link on the page") \
	_(PREV_LINK, MOVE, "Go to the previous link on the page") \
	_(ENTER, MOVE, "Open the selected item") \
	_(BACK, MOVE, "Go back to the previous view") \
	_(FORWARD, MOVE, "Go forward again after going back") \
	_(QUIT_VIEW, MOVE, "Close this view (quit at the last one)") \
	_(QUIT, MOVE, "Quit recview") \
	_(VIEW_RECS, APP, "Show all recommendations") \
	_(VIEW_DELIVERABLES, APP, "Show deliverables (of this recommendation, or all)") \
	_(VIEW_QUESTIONS, APP, "Show questions (of this recommendation, or all)") \
	_(VIEW_HISTORY, APP, "Show the status history (of this recommendation, or all)") \
	_(VIEW_PROBLEMS, APP, "Show the problems found while loading") \
	_(VIEW_HELP, APP, "Show the keys of this view") \
	_(SEARCH, SEARCH, "Search this view's text as you type (C-r in the prompt: regular expression)") \
	_(SEARCH_NEXT, SEARCH, "Go to the next match") \
	_(SEARCH_PREV, SEARCH, "Go to the previous match") \
	_(SEARCH_RESULTS, APP, "Every match in the data set, a line per recommendation") \
	_(FILTER, FILTER, "Filter this list (status:progress review:=SSR1 ...; Tab completes)") \
	_(FILTER_CLEAR, FILTER, "Clear this list's filter") \
	_(SORT, SORT, "Sort this list (id, status, priority, changed, due, ...; Tab completes)") \
	_(SORT_REVERSE, SORT, "Reverse this list's order") \
	_(JUMP, APP, "Go to a recommendation (:11, :SSR2-5.4), question (:Q19, :11.13), deliverable (:SSR1-3/D2) or review (:SSR2); Tab completes") \
	_(CHANGE_STATUS, REC, "Change the implementation status (with a note and a date)") \
	_(CHANGE_DECISION, REC, "Change the Board's decision (with a note and a date)") \
	_(CHANGE_PRIORITY, REC, "Set the priority (P1 to P4, empty clears)") \
	_(ADD_NOTE, REC, "Add a note to the recommendation") \
	_(SET_OWNER, REC, "Set the owner of the recommendation, or of the deliverable under the cursor (empty clears)") \
	_(ITEM_STATUS, ITEM, "Edit the item under the cursor: a deliverable's or question's status, or your note's text") \
	_(SET_DUE, ITEM, "Set the due date of the deliverable under the cursor, with the reason (the earlier date is kept)") \
	_(ANSWER, ITEM, "Answer the question under the cursor (an open question becomes answered)") \
	_(RETRACT_NOTE, ITEM, "Retract your note under the cursor (its text stays in the log)") \
	_(AGENDA_TOGGLE, REC, "Mark or unmark the recommendation for the agenda") \
	_(AGENDA_UP, AGENDA, "Move it up on the agenda") \
	_(AGENDA_DOWN, AGENDA, "Move it down on the agenda") \
	_(AGENDA_MINUTES, AGENDA, "Set the minutes the meeting has for this agenda item: its budget on the walkthrough's clock (empty clears)") \
	_(VIEW_AGENDA, APP, "Show the agenda") \
	_(WRITE_MINUTES, APP, "Write the meeting's minutes (items and times, changes, notes, actions) to a Markdown file") \
	_(TAG, TAGS, "Tag or untag the item under the cursor (in lists), then go down") \
	_(TAG_RANGE, TAGS, "Mark where a range starts; again: tag (or untag) every line up to the cursor") \
	_(TAG_ALL, TAGS, "Tag every line shown (or untag them, when all are tagged)") \
	_(TAG_MATCHING, TAGS, "Tag the items a filter expression matches (status:progress owner:OCTO ...)") \
	_(UNTAG_MATCHING, TAGS, "Untag the items a filter expression matches (empty: every tag)") \
	_(TAG_PREFIX, TAGS, "Apply the next change (status, decision, priority, note, agenda, owner, due date) to every tagged item") \
	_(UNDO, APP, "Undo the last change (a change made to tagged items: all of it)") \
	_(REDO, APP, "Redo what was undone") \
	_(VIEW_CHANGES, APP, "Show the changes made in this session") \
	_(VIEW_OTHERS, APP, "Show what others changed in the data set while it was open (live updates)") \
	_(VIEW_LOG, APP, "Show the log: every change recorded in the data set, newest first (f filters it)") \
	_(SAVE, APP, "Save again after a failure: retry, merge with the files as they are now, or save elsewhere") \
	_(VIEW_CONFLICTS, APP, "Show what a merge could not combine: fields changed here and by someone else") \
	_(KEEP_MINE, CONFLICT, "In the conflicts: keep my value for this field") \
	_(KEEP_THEIRS, CONFLICT, "In the conflicts: keep their value (mine is dropped)") \
	_(EXPORT, EXPORT, "Export what the view shows (list, page, agenda, minutes) to .md or .csv") \
	_(COPY, APP, "Copy to the clipboard, then a letter: i the id, t the title, x the text, p the page as Markdown, u the web address") \
	_(OPEN_URL, APP, "Open the web address on the cursor line (or on the screen; a digit chooses) in $BROWSER or xdg-open") \
	_(PRESENT, APP, "Present the agenda (or this list) one recommendation per screen") \
	_(MARK_SET, APP, "Remember this place (view, item, line) under a letter: b then a-z or A-Z") \
	_(MARK_GOTO, APP, "Return to the place a letter remembers: ' then the letter ('' returns to where the last jump left)") \
	_(JUMP_OLDER, APP, "Go back to the previous place in the jump list (every change of view is a jump)") \
	_(JUMP_NEWER, APP, "Go forward to the next place in the jump list") \
	_(VIEW_REVIEW, APP, "Show a review: its milestones as a dated timeline and its work streams (the review of the row or recommendation under the cursor)") \
	_(DASHBOARD, APP, "Show the dashboard: decisions and statuses per review, over time, by topic") \
	_(AS_OF, APP, "Show the data as of a date (DATE), or what moved between two (DATE..DATE)") \
	_(AS_OF_LATER, APP, "As of a date: hide what was recorded later, or show it dimmed and marked 'after DATE' (as-of-later in the config)") \
	_(REDRAW, APP, "Redraw the screen") \
	_(SPLIT_TOGGLE, SPLIT, "Show or hide the page of the item under the cursor beside the list (split)") \
	_(SPLIT_FOCUS, SPLIT, "Move the keys between the list and the page beside it") \
	_(SPLIT_NARROWER, SPLIT, "Give the list 5% less of the split (split-ratio in the config keeps it)") \
	_(SPLIT_WIDER, SPLIT, "Give the list 5% more of the split (split-ratio in the config keeps it)") \
	_(COLUMNS, COLUMNS, "Choose, order and resize the columns of this list (_ again, q or h: back to the list)") \
	_(SCROLL_RIGHT, COLUMNS, "Scroll the columns to the right: the first ones after the id go off the screen") \
	_(SCROLL_LEFT, COLUMNS, "Scroll the columns back to the left") \
	_(COLUMN_TOGGLE, VIEW, "Show or hide the column under the cursor (a shown one is added at the end)") \
	_(COLUMN_EARLIER, VIEW, "Move the column under the cursor one place to the left") \
	_(COLUMN_LATER, VIEW, "Move the column under the cursor one place to the right") \
	_(COLUMN_WIDER, VIEW, "Widen the column under the cursor by one (a width of its own, kept until reset)") \
	_(COLUMN_NARROWER, VIEW, "Narrow the column under the cursor by one") \
	_(COLUMN_FIT, VIEW, "Give the column under the cursor back its fitted width") \
	_(COLUMNS_RESET, VIEW, "Put back the default columns of the list") \
	_(NEXT_ITEM, VIEW, "Show the next item") \
	_(OVERVIEW, VIEW, "Show the overview of the walkthrough: every item with its time, budget and state (Enter goes to one)") \
	_(PREV_ITEM, VIEW, "Show the previous item") \
	_(NEXT_REVIEW, VIEW, "Show the next review (in the review view)") \
	_(PREV_REVIEW, VIEW, "Show the previous review (in the review view)")

/*
 * Which views a request belongs to, for the help of each view: a view's ops name the scopes it serves
 * (view.h). VIEW requests are a view's own: only its keymap binds them.
 */
enum request_scope {
	SCOPE_MOVE = 1u << 0,     /* moving and going back: every view */
	SCOPE_APP = 1u << 1,      /* opening views, jumping, undo, quitting: every view */
	SCOPE_SEARCH = 1u << 2,   /* searching the view's lines */
	SCOPE_FILTER = 1u << 3,   /* filtering a list */
	SCOPE_TAGS = 1u << 4,     /* tagging lines and changing every tagged item */
	SCOPE_REC = 1u << 5,      /* changing the recommendation the view is about or on */
	SCOPE_ITEM = 1u << 6,     /* changing the deliverable, question or note under the cursor */
	SCOPE_AGENDA = 1u << 7,   /* ordering the agenda */
	SCOPE_CONFLICT = 1u << 8, /* settling what a merge could not combine */
	SCOPE_EXPORT = 1u << 9,   /* writing what the view shows to a file */
	SCOPE_SORT = 1u << 10,    /* sorting a list */
	SCOPE_VIEW = 1u << 11,    /* a view's own request */
	SCOPE_SPLIT = 1u << 12,   /* a list with the page of its item beside it (split.h) */
	SCOPE_COLUMNS = 1u << 13, /* choosing a list's columns, scrolling them sideways */
};

#define REQUEST_ENUM(name, scope, help) REQ_##name,
enum request {
	REQ_NONE,
	REQUEST_TABLE(REQUEST_ENUM)
	REQ_COUNT
};
#undef REQUEST_ENUM

/* Help text and name ("move-down") of a request. */
const char *request_help(enum request req);
const char *request_name(enum request req);
/* The scope of a request (SCOPE_*). */
unsigned request_scope(enum request req);

#endif
