/* palette.c - what views share: the colour of a status or a decision (always drawn beside its glyph or
 * word) and the width of field labels. */
#include "recview/text.h"
#include "recview/entity.h"
#include "recview/page.h"
#include "recview/views.h"

/* As in a bar (theme.h), except that no status or decision is drawn in the text's own colour. */
enum color status_color(enum rv_status st)
{
	return st == RV_STATUS_NONE ? C_DEFAULT : rv_status_color(st);
}

enum color decision_color(enum rv_decision d)
{
	return d == RV_DECISION_NONE ? C_DEFAULT : rv_decision_color(d);
}

int label_width(const struct rv_model *m, enum rv_kind kind, int minimum)
{
	return rv_page_label_width(m, kind, minimum);
}

void draw_tag_mark(struct draw *d, bool tagged)
{
	if (tagged)
		draw_str(d, d->ascii ? "*" : "\xE2\x80\xA2" /* • */, C_TAGGED);
	else
		draw_spaces(d, 1, C_DEFAULT);
}

void draw_label(struct draw *d, const char *s, size_t len, int width)
{
	draw_field(d, s, len, width - 1, C_LABEL);
	draw_spaces(d, 1, C_DEFAULT);
}

/* The colour of a question's state: waiting (open, follow-up) stands out, settled is quiet. */
enum color qstate_color(enum rv_qstatus st)
{
	switch (st) {
	case RV_QSTATUS_OPEN:
		return C_ST_NOT_STARTED;
	case RV_QSTATUS_FOLLOW_UP:
		return C_ST_BEHIND;
	case RV_QSTATUS_ANSWERED:
		return C_ST_COMPLETE;
	default:
		return C_DIM;
	}
}
