/*
 * recorded.h - the rows of the files that record a change, each at the time it was recorded: the
 * status-history entries recview wrote (source "recview: AUTHOR"; when recorded from the changes.csv
 * row that says so, else the entry's date), the notes (their time) and the field changes of
 * changes.csv (their time; a status or decision change's own row is its history entry's time, not a
 * row of its own). recview --export minutes --since selects them (export.c), and a follower's slide
 * builds what the presenter's meeting decided from them (decided.h, rv_files_decided).
 */
#ifndef RECVIEW_RECORDED_H
#define RECVIEW_RECORDED_H

#include <stddef.h>
#include <stdint.h>

#include "recview/model.h"

struct rv_recorded {
	char when[32];      /* when it was recorded (a history row: its date when the files do not say) */
	char effective[16]; /* a history row recorded on another day than its date: that date */
	enum rv_kind kind;  /* RV_HISTORY, RV_NOTES or RV_CHANGES */
	uint32_t child;     /* its index among the children of kind */
	long state_row;     /* RV_HISTORY: the changes.csv row that says when it was recorded, or -1 */
};

/* Every such row about recommendation rec (-1: about any, a row that names none too), by when they
 * were recorded (ties by index); how many went to *out (to be freed). */
size_t rv_recorded_collect(const struct rv_model *m, long rec, struct rv_recorded **out);
/* Who recorded it: a history entry's author after "recview: ", a note's or a change's author column. */
struct rv_text rv_recorded_author(const struct rv_model *m, const struct rv_recorded *r);

#endif
