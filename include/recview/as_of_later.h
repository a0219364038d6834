/*
 * as_of_later.h - what of a recommendation was recorded after an as-of date, for the outputs that keep
 * it marked instead of leaving it out (as-of-later = dim, --as-of-later dim): --list, the Markdown
 * and CSV tables, the minutes. The page keeps its own marks (page.h, RV_PF_LATER).
 *
 * Every mark is plain text, "[after 2015-06-30]" as on the page, so that no output but the
 * browser's needs colour to tell what came later.
 */
#ifndef RECVIEW_AS_OF_LATER_H
#define RECVIEW_AS_OF_LATER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/model.h"
#include "recview/strbuf.h"

struct rv_rec_later {
	bool status, decision, priority, owner; /* what is in force now differs from what was then */
	size_t history, notes;                  /* entries recorded after the date */
	size_t deliverables, questions;         /* items with a field changed (or an answer given) after it */
};

/* What of rec was recorded after as_of; false (all zero) when nothing was, or as_of is RV_DATE_NONE. */
bool rv_rec_later_count(const struct rv_model *m, size_t rec, int32_t as_of, struct rv_rec_later *out);
/*
 * Appends what was recorded after as_of, "status complete, priority P1; 2 history entries, 1 note,
 * 1 deliverable changed, 1 question answered or changed" (raw, unsanitised: the caller sanitises for
 * where it goes); nothing, and false, when nothing of rec was recorded after as_of.
 */
bool rv_rec_later_describe(const struct rv_model *m, size_t rec, int32_t as_of, struct strbuf *out);
/* Appends the fields of a deliverable or question (kind) that a change recorded after as_of set, and
 * what they read now: "after 2015-06-30: status complete, owner Bob" (raw, as above); nothing, and
 * false, when none was changed after as_of or as_of is RV_DATE_NONE. */
bool rv_child_later_values(const struct rv_model *m, enum rv_kind kind, size_t child, int32_t as_of,
			   struct strbuf *out);
/* "[after 2015-06-30]": the mark of an entry recorded after as_of. */
void rv_after_mark(int32_t as_of, struct strbuf *out);
/* "after 2015-06-30": the words before what rv_rec_later_describe says, or a column's name. */
void rv_after_words(int32_t as_of, struct strbuf *out);

#endif
