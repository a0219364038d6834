/* palette.c - which colour a status or a decision gets (always drawn beside its glyph or word). */
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
