/* handout.h - the meeting's handout: every presented item as a slide (handout.c). */
#ifndef RECVIEW_HANDOUT_H
#define RECVIEW_HANDOUT_H

#include <stddef.h>
#include <stdint.h>

#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/model.h"
#include "recview/strbuf.h"

/* The presented items into out: the agenda's items in agenda order, those of recs only (the filter
 * narrows the agenda); without an agenda, recs as they are. Returns how many. */
size_t rv_handout_select(const struct rv_model *m, const uint32_t *recs, size_t n, uint32_t *out);
/* One Markdown slide per item (a "---" rule before each), from its page as of as_of; later says what
 * becomes of what was recorded after it: left out, or kept marked "[after DATE]" (page.h). */
void rv_handout_markdown(const struct rv_model *m, const uint32_t *recs, size_t n, int32_t as_of,
			 enum rv_as_of_later later, struct strbuf *out);
/* One standalone HTML page: inline CSS, no script, no external asset, every text escaped; what was
 * recorded later, when kept, is marked in words and greyed (class "later"). */
void rv_handout_html(const struct rv_model *m, const uint32_t *recs, size_t n, int32_t as_of,
		     enum rv_as_of_later later, struct strbuf *out);

#endif
