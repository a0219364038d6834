/* clock.c - the time of day for history entries and notes, and a clock for durations. */
#include "recview/clock.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* RECVIEW_NOW ("2026-11-23T14:05:00") fixes the clock, for tests. */
void rv_now(char out[32])
{
	const char *fixed = getenv("RECVIEW_NOW");
	if (fixed && *fixed) {
		snprintf(out, 32, "%.19s", fixed);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
}

double rv_monotonic_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double advanced; /* seconds rv_meeting_advance added */

double rv_meeting_seconds(void)
{
	static bool started;
	static double speed = 1, origin;
	if (!started) {
		const char *env = getenv("RECVIEW_CLOCK");
		char *end;
		double f = env && *env ? strtod(env, &end) : 1;
		if (env && *env && (*end || f < 0 || f > 1e6))
			f = 1; /* not a speed: real time */
		speed = f;
		origin = rv_monotonic_seconds();
		started = true;
	}
	return (rv_monotonic_seconds() - origin) * speed + advanced;
}

void rv_meeting_advance(double seconds)
{
	if (seconds > 0)
		advanced += seconds;
}

void rv_today(char out[16])
{
	char now[32];
	rv_now(now);
	snprintf(out, 16, "%.10s", now);
}
