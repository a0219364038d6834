/*
 * meeting.h - the walkthrough's meeting clock as data: the time on the current item and on all of
 * them against their budgets (the agenda's minutes), how far through the agenda it is, and when it
 * runs over. The footer draws it (src/ui/present_clock.c); the clock itself is rv_meeting_seconds.
 */
#ifndef RECVIEW_MEETING_H
#define RECVIEW_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rv_session;

struct rv_meeting {
	size_t at, n;          /* the item shown (0-based) of the n walked through */
	double item, total;    /* seconds on it, on all of them */
	unsigned budget;       /* its minutes on the agenda; 0: none */
	unsigned total_budget; /* the minutes of all of them that have one */
	bool over;             /* more time on it than its budget */
	bool total_over;       /* more time on all than all their budgets */
};

/* The clock for the items of recs (n of them) with item at shown, from the session's times and agenda. */
void rv_meeting_measure(const struct rv_session *s, const uint32_t *recs, size_t n, size_t at, struct rv_meeting *out);
/* Seconds spent presenting a recommendation in this session (rv_session_add_time). */
double rv_session_time_on(const struct rv_session *s, size_t rec);
/* A duration as a clock reads it: "0:07", "3:12", "59:59", "1:02:03"; whole seconds, never negative. */
void rv_clock_format(double seconds, char *out, size_t size);
/* Cells of a bar of width cells that stand for done of all (all > 0), rounded; at most width. */
int rv_progress_cells(size_t done, size_t all, int width);

#endif
