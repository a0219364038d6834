/* meeting.c - the walkthrough's meeting clock: times against the agenda's budgets. */
#include "recview/meeting.h"

#include <stdio.h>
#include <string.h>

#include "recview/entity.h"
#include "recview/triage.h"

double rv_session_time_on(const struct rv_session *s, size_t rec)
{
	struct rv_text id = rv_rec_id(s->m, rec);
	for (size_t i = 0; i < s->ntimes; i++)
		if (strlen(s->times[i].rec_id) == id.len && memcmp(s->times[i].rec_id, id.ptr, id.len) == 0)
			return s->times[i].seconds;
	return 0;
}

void rv_meeting_measure(const struct rv_session *s, const uint32_t *recs, size_t n, size_t at, struct rv_meeting *out)
{
	memset(out, 0, sizeof(*out));
	out->n = n;
	out->at = at < n ? at : 0;
	for (size_t i = 0; i < n; i++) {
		double spent = rv_session_time_on(s, recs[i]);
		unsigned minutes = rv_agenda_minutes(s, recs[i]);
		out->total += spent;
		out->total_budget += minutes;
		if (i == out->at) {
			out->item = spent;
			out->budget = minutes;
		}
	}
	/* Over means past the budget's last second: 5:00 of 5:00 is still on time. */
	out->over = out->budget && (long)out->item > (long)out->budget * 60;
	out->total_over = out->total_budget && (long)out->total > (long)out->total_budget * 60;
}

void rv_clock_format(double seconds, char *out, size_t size)
{
	long t = seconds > 0 ? (long)seconds : 0;
	if (t >= 3600)
		snprintf(out, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(out, size, "%ld:%02ld", t / 60, t % 60);
}

int rv_progress_cells(size_t done, size_t all, int width)
{
	if (!all || width <= 0)
		return 0;
	if (done >= all)
		return width;
	return (int)(((double)done * width) / (double)all + 0.5);
}
