/*
 * search.h - finding text across every entity of a data set: recommendations, deliverables,
 * questions, history notes and notes. Smart case: a pattern with no upper-case letter ignores case.
 * A literal pattern by default; a POSIX extended regular expression with RV_SEARCH_REGEX.
 */
#ifndef RECVIEW_SEARCH_H
#define RECVIEW_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/entity.h"
#include "recview/model.h"

enum rv_search_flags {
	RV_SEARCH_REGEX = 1 << 0,
};

struct rv_search;

/* NULL with a message in err for an invalid regular expression or an empty pattern. */
struct rv_search *rv_search_compile(const char *pattern, unsigned flags, char *err, size_t errsize);
void rv_search_free(struct rv_search *s);

/* The first match in text[from..len) (text need not be NUL-terminated); false when none. */
bool rv_search_next(const struct rv_search *s, const char *text, size_t len, size_t from, size_t *off,
		    size_t *mlen);

struct rv_hit {
	enum rv_kind kind; /* RV_RECS: index is a rec index; else a child index of that kind */
	uint32_t index;
	int16_t field;     /* known field, or -1 - extra column number for an extra column */
	uint32_t off, len; /* the first match in that field */
};

/*
 * Every field with a match, in order: recommendations (id order, fields in contract order, then
 * extra columns), then deliverables, questions, history entries and the reviews' milestones and work
 * streams (reviews.csv) in file order, then the notes whose text as it reads now (amended: the new
 * text; retracted: none) matches.
 * *hits is allocated (free it); returns the count.
 */
size_t rv_search_all(const struct rv_model *m, const struct rv_search *s, struct rv_hit **hits);

/* The text of a hit's field. */
struct rv_text rv_hit_cell(const struct rv_model *m, const struct rv_hit *hit);
/* Whether any known field or extra column of a recommendation, or of a child entity, has a match. */
bool rv_rec_matches(const struct rv_model *m, size_t rec, const struct rv_search *s);
bool rv_child_matches(const struct rv_model *m, enum rv_kind kind, size_t child, const struct rv_search *s);
/* Whether the text of any of a recommendation's notes, as it reads now, has a match. */
bool rv_rec_notes_match(const struct rv_model *m, size_t rec, const struct rv_search *s);

#endif
