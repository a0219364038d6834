/* palette.c - what views share: the colour of a status or a decision (always drawn beside its glyph or
 * word) and the width of field labels. */
#include "recview/text.h"
#include "recview/entity.h"
#include "recview/page.h"
#include "recview/views.h"

enum color status_color(enum rv_status st)
{
	switch (st) {
	case RV_STATUS_COMPLETE:
		return C_ST_COMPLETE;
	case RV_STATUS_PROGRESS:
		return C_ST_PROGRESS;
	case RV_STATUS_PLANNING:
		return C_ST_PLANNING;
	case RV_STATUS_NOT_STARTED:
		return C_ST_NOT_STARTED;
	case RV_STATUS_BEHIND:
		return C_ST_BEHIND;
	case RV_STATUS_UNKNOWN:
		return C_ST_UNKNOWN;
	default:
		return C_DEFAULT;
	}
}

enum color decision_color(enum rv_decision d)
{
	switch (d) {
	case RV_DECISION_APPROVED:
		return C_DEC_APPROVED;
	case RV_DECISION_REJECTED:
		return C_DEC_REJECTED;
	case RV_DECISION_PENDING:
		return C_DEC_PENDING;
	case RV_DECISION_UNKNOWN:
		return C_ST_UNKNOWN;
	default:
		return C_DEFAULT;
	}
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
