/* clock.h - the time of day (RECVIEW_NOW fixes it for tests) and a monotonic clock. */
#ifndef RECVIEW_CLOCK_H
#define RECVIEW_CLOCK_H

/* Today's date and the time now (local), for history entries and notes. */
void rv_today(char date[16]);
void rv_now(char time[32]);
/* Seconds on a clock that only goes forward, for measuring durations. */
double rv_monotonic_seconds(void);

#endif
