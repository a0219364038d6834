/*
 * error.h - one convention for whatever can fail.
 *
 * A function that can fail in more than one way returns enum rv_result: RV_OK (0), or why not; one
 * that either works or does not returns bool (true for RV_OK). Either way its message, one sentence
 * for a person (FILE:LINE:COL first when it is about a place in a file), goes to a buffer its caller
 * gives, (char *err, size_t errsize), and the caller decides what to show. Problems found in a file's
 * contents are not failures of the function that reads it: they go to the data set's diag_list
 * (diag.h), with their positions. The session keeps the message of a change that could not be made or
 * saved in rv_session.error, and a conflict in rv_session.conflict.
 */
#ifndef RECVIEW_ERROR_H
#define RECVIEW_ERROR_H

enum rv_result {
	RV_OK = 0,
	RV_E_NOT_FOUND,  /* no such file */
	RV_E_UNREADABLE, /* there, but not readable as asked (not a regular file, too large, not a table) */
	RV_E_CONFLICT,   /* changed by someone else since it was read: nothing was written */
	RV_E_REFUSED,    /* a rule forbids it (outside the data set, not a regular file...): nothing was written */
	RV_E_FAILED,     /* a step failed (disk full, permissions, the lock): nothing was written */
};

/* "ok", "not found", "unreadable", "conflict", "refused", "failed". */
const char *rv_result_name(enum rv_result r);

#endif
