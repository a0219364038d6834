/* error.c - the names of results (error.h). */
#include "recview/error.h"

const char *rv_result_name(enum rv_result r)
{
	static const char *const names[] = {"ok", "not found", "unreadable", "conflict", "refused", "failed"};
	return (unsigned)r < sizeof(names) / sizeof(*names) ? names[r] : "failed";
}
