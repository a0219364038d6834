/*
 * date.h - dates as people and tools write them, and the order of their day and month.
 *
 * A parsed date is a YYYYMMDD integer with 00 for a missing month or day, so that dates sort as
 * numbers and a partial date sorts at the start of its period, before the days in it. Its precision
 * says what the text gave: a day, a month, a quarter (kept as the quarter's first month) or a year.
 *
 * Options and typed input (--as-of, --since, filters, a date typed in triage) are ISO only:
 * rv_date_parse. Values read from files go through rv_date_read, which also takes:
 *   2016-06-30T00:00:00Z, 2016-06-30 09:30, 2016/06/30          (year first: always year-month-day)
 *   6/30/2016, 30/06/2016, 30-06-2016, 30.06.16                  (day and month in the column's order)
 *   06/2016, 2016-6                                              (month and year)
 *   30 June 2016, 30-Jun-16, 30th June 2016, Thu 30 Jun 2016, Jun 30, 2016, 2016-Jun-30
 *   Nov. 2015, Sept 2016, November 2015, Feb-16, Feb '16         (a month)
 *   Q3 2016, Q3-16, 2016 Q3, 2016-Q3                             (a quarter)
 *   30/Jun/16 9:30 AM                                            (Jira: a time after any form is read and ignored)
 * Month names are English, full or abbreviated to three letters or more, with or without a full stop,
 * in any case. Two-digit years are 1969-1999 for 69-99 and 2000-2068 for 00-68, as POSIX strptime's %y.
 * A time may follow (H:MM, H:MM:SS, fractions, AM/PM, Z, UTC, GMT or an offset); the date is the date as
 * written, the time and zone are not used. Placeholders (TBD, TBC, TBA, Ongoing, N/A, NA, none, unknown,
 * ?, -, --, an en or em dash) read as no date, as an empty cell does.
 *
 * glibc's strptime is not used: its month names follow the locale (LC_TIME), it knows neither "Sept" nor
 * "Nov.", and it skips spaces where a strict reading must not; a small tokenizer is also faster.
 */
#ifndef RECVIEW_DATE_H
#define RECVIEW_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RV_DATE_NONE 0
enum rv_date_result {
	RV_DATE_OK,
	RV_DATE_EMPTY, /* empty, or a placeholder such as TBD or N/A */
	RV_DATE_BAD,
};

/* ISO 8601 only: YYYY-MM-DD, YYYY-MM or YYYY (for options and typed input). */
enum rv_date_result rv_date_parse(const char *s, size_t len, int32_t *out);
/* "2015-06-30", "2016-09", "2014" into buf (at least 11 bytes). */
void rv_date_format(int32_t date, char *buf, size_t size);

enum rv_date_precision {
	RV_DATE_PREC_NONE,    /* no usable date: empty, a placeholder, or not a date */
	RV_DATE_PREC_DAY,
	RV_DATE_PREC_MONTH,
	RV_DATE_PREC_QUARTER, /* kept as its first month: Q3 2016 is 20160700 */
	RV_DATE_PREC_YEAR,
};

/* Which of two numbers is the month in 6/7/2016 (never in a year-first date or one with a month name). */
enum rv_date_order {
	RV_DATE_MONTH_FIRST, /* 6/30/2016: US */
	RV_DATE_DAY_FIRST,   /* 30/06/2016, 30.06.2016: most other places */
};

struct rv_date_value {
	int32_t date;                     /* RV_DATE_NONE when there is none */
	enum rv_date_precision precision; /* RV_DATE_PREC_NONE then */
};

/* A date from a file, in any of the forms above; numeric day and month in the given order. */
enum rv_date_result rv_date_read(const char *s, size_t len, enum rv_date_order order, struct rv_date_value *out);
/* The last day a date of that precision covers: the day itself, the end of its month, quarter or year
 * (2015-11 gives 2015-11-30); RV_DATE_NONE for none. */
int32_t rv_date_last_day(int32_t date, enum rv_date_precision precision);
/* The same, telling whether the order was needed (*by_order: a numeric day and month, 6/7/2016); a
 * value that did not need it reads the same in either order. */
enum rv_date_result rv_date_read_noting_order(const char *s, size_t len, enum rv_date_order order,
					       struct rv_date_value *out, bool *by_order);
/* "2016-06-30", "2016-06", "2016-Q3", "2016"; "" for none. */
void rv_date_format_precision(int32_t date, enum rv_date_precision precision, char *buf, size_t size);

/*
 * The order of a column, decided from its values: a value whose first number is above 12 votes day
 * first, one whose second number is, month first; the side with more votes wins (a tie: the side of
 * the first vote). Without a vote (every numeric date ambiguous, like 6/7/2016) the column is read day
 * first when most of its ambiguous dates are written with dots (30.06.2016 is never month first),
 * else month first, as the US Excel writes. A mapping file may state the order instead.
 */
enum rv_date_order_basis {
	RV_DATE_ORDER_DEFAULT, /* no value decided: the rule above */
	RV_DATE_ORDER_VALUES,  /* a day above 12 decided it; row is the first value that voted so */
	RV_DATE_ORDER_MAPPED,  /* stated by a mapping: the values are not consulted */
};

struct rv_date_order_choice {
	enum rv_date_order order;
	enum rv_date_order_basis basis;
	uint32_t row;                    /* basis VALUES: the row (0-based) of the first value that decided */
	uint32_t day_first, month_first; /* the votes */
	uint32_t day_first_row, month_first_row; /* the row of each side's first vote */
	uint32_t ambiguous, ambiguous_dots;      /* numeric dates that either order reads */
};

/* Counts the vote of one value (of row) into choice; values that are not numeric dates do not vote. */
void rv_date_order_vote(struct rv_date_order_choice *choice, const char *s, size_t len, uint32_t row);
/* Sets order and basis from the votes, unless the basis is RV_DATE_ORDER_MAPPED. */
void rv_date_order_decide(struct rv_date_order_choice *choice);
/* "day first" / "month first". */
const char *rv_date_order_name(enum rv_date_order order);

/*
 * date (a full YYYYMMDD) written in the style of sample, a day-precision date of the same file read
 * in order ("23/11/2026" after "30/06/2016"); false when sample's style is not one recview knows.
 */
bool rv_date_write_like(int32_t date, const char *sample, size_t len, enum rv_date_order order, char *out, size_t size);

#endif
