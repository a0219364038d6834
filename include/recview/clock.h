/* clock.h - the time of day (RECVIEW_NOW fixes it for tests) and a monotonic clock. */
#ifndef RECVIEW_CLOCK_H
#define RECVIEW_CLOCK_H

/* Today's date and the time now (local), for history entries and notes. */
void rv_today(char date[16]);
void rv_now(char time[32]);
/* Seconds on a clock that only goes forward, for measuring durations. */
double rv_monotonic_seconds(void);
/*
 * The walkthrough's meeting clock: rv_monotonic_seconds, unless RECVIEW_CLOCK gives it a speed for
 * tests (a factor: 60 makes a second a minute; 0 stops it, so that only rv_meeting_advance moves it,
 * as a key script's ":advance SECONDS" does). Only the meeting clock is faked: the file watch and the
 * waits for keys keep real time.
 */
double rv_meeting_seconds(void);
void rv_meeting_advance(double seconds);

#endif
