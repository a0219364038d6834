/* agenda_minutes.c - # sets an agenda item's budget in the meeting: "minutes for SSR1-3:". */
#include <stdio.h>

#include "recview/entity.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/views.h"

static struct prompt_history minutes_history;

void agenda_set_minutes(struct app *app)
{
	long rec = triage_selected_rec(app);
	if (rec < 0 || triage_read_only(app, REQ_AGENDA_MINUTES))
		return;
	struct rv_text id = rv_rec_id(app->m, (size_t)rec);
	if (rv_agenda_position(app->session, (size_t)rec) < 0) {
		app_message(app, C_WARNING, "%.*s is not on the agenda: m puts it there, then # gives it minutes", (int)id.len,
			    id.ptr);
		return;
	}
	char label[128], current[16] = "", what[160];
	unsigned now = rv_agenda_minutes(app->session, (size_t)rec);
	if (now)
		snprintf(current, sizeof(current), "%u", now);
	snprintf(label, sizeof(label), "minutes for %.*s (empty clears): ", (int)id.len, id.ptr);
	struct strbuf value;
	sb_init(&value);
	if (triage_ask(app, label, current, &value, NULL, &minutes_history)) {
		unsigned minutes;
		if (!rv_minutes_parse(value.data ? value.data : "", &minutes) || minutes > RV_MINUTES_MAX) {
			app_message(app, C_ERROR, "Minutes are a whole number from 1 to %d (empty clears): nothing was changed",
				    RV_MINUTES_MAX);
		} else {
			bool ok = rv_agenda_set_minutes(app->session, (size_t)rec, minutes);
			if (minutes)
				snprintf(what, sizeof(what), "%.*s has %u minute%s on the agenda", (int)id.len, id.ptr, minutes,
					 minutes == 1 ? "" : "s");
			else
				snprintf(what, sizeof(what), "%.*s has no budget on the agenda", (int)id.len, id.ptr);
			triage_report(app, ok, what);
		}
	}
	sb_free(&value);
}
