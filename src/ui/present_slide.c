/*
 * present_slide.c - the walkthrough's slide: one recommendation per screen, the id, status and title
 * big (present_big.c), generous margins, its text, deliverables, latest entry and open questions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/app.h"
#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"
#include "recview/present.h"

/* ---- building one screen ---- */

/* A readable line length: text lines no longer than this many columns, however wide the screen. */
enum { SLIDE_MEASURE = 84 };

/* The slide is one centred block of at most SLIDE_MEASURE columns (2 columns of margin when narrower). */
static int margin(const struct view *v)
{
	if (v->width - 4 <= SLIDE_MEASURE)
		return 2;
	return (v->width - SLIDE_MEASURE) / 2;
}

static int text_width_for(const struct view *v)
{
	int w = v->width - 2 * margin(v);
	if (w > SLIDE_MEASURE)
		w = SLIDE_MEASURE;
	return w > 20 ? w : 20;
}

static void add_text(struct view *v, uint16_t type, uint32_t ref, const char *s, size_t len)
{
	view_add_wrapped(v, type, ref, false, s, len, text_width_for(v));
}

int present_text_width(const struct view *v)
{
	return text_width_for(v);
}

/* The slide with gap blank rows between its sections: the id, state and title here, the content
 * from present_sections.c. */
static bool build_with_gap(struct view *v, int gap)
{
	struct present_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (!st->n) {
		view_add_line(v, PL_EMPTY, 0, false);
		return true;
	}
	size_t rec = st->recs[st->at];
	v->rec = (long)rec;

	view_add_line(v, v->app->as_of != RV_DATE_NONE ? PL_AS_OF : PL_BLANK, 0, false);
	/* The id, the status and the title big where they can be (present_big.c). */
	bool big_status = present_big_heading(v, rec, text_width_for(v));
	view_add_line(v, PL_STATE, big_status, false);
	struct rv_text topic = rv_rec_field(m, rec, REC_TOPIC);
	struct rv_text title = rv_rec_field(m, rec, REC_TITLE);
	if (topic.len)
		add_text(v, PL_TOPIC, 0, topic.ptr, topic.len);
	if (title.len && !present_big_title(v, rec, text_width_for(v)))
		add_text(v, PL_TOPIC, 1, title.ptr, title.len);
	present_sections_build(v, rec, gap);
	return true;
}

bool present_slide_build(struct view *v)
{
	const struct present_state *st = v->data;
	/* More room, more air; less again when the slide would not fit with it (nothing is cut: what
	 * does not fit at the least air scrolls, the footer says so). */
	int body = app_body_height(v);
	present_sections_prepare(v);
	for (int level = present_air_most(LINES);; level--) {
		struct present_air air = present_air_at(level);
		view_clear_lines(v);
		for (int i = 0; st->n && i < air.top; i++)
			view_add_line(v, PL_BLANK, 0, false);
		(void)build_with_gap(v, air.gap);
		if (level <= 0 || v->nlines <= (size_t)body)
			break;
	}
	return true;
}

/* ---- drawing ---- */

/* big_status: the status is drawn big above, the line has the rest. */
static void draw_state(struct view *v, struct draw *d, bool big_status)
{
	const struct rv_model *m = v->app->m;
	size_t rec = (size_t)v->rec;
	enum rv_status status = rv_rec_status(m, rec, v->app->as_of);
	enum rv_decision decision = rv_rec_decision(m, rec, v->app->as_of);
	const char *gap = big_status ? "" : "    "; /* before each part but a first one */
	if (big_status) {
		/* said above, in big letters */
	} else if (status != RV_STATUS_NONE) {
		draw_str(d, rv_status_glyph(status, d->ascii), status_color(status));
		draw_str(d, " ", C_DEFAULT);
		draw_str(d, rv_status_name(status), status_color(status));
	} else {
		draw_str(d, "no status recorded", rv_status_color(RV_STATUS_NONE)); /* its own colour, as on the dashboard */
	}
	if (decision != RV_DECISION_NONE) {
		draw_str(d, gap, C_DEFAULT);
		draw_str(d, "Board: ", C_DIM);
		draw_str(d, rv_decision_name(decision), decision_color(decision));
		gap = "    ";
	}
	/* The priority in force on the date, as the list's Pri column reads it (a later change not there yet). */
	struct rv_text pri = rv_child_field_as_of(m, RV_RECS, rec, REC_PRIORITY, v->app->as_of);
	if (pri.len) {
		draw_str(d, gap, C_DEFAULT);
		draw_str(d, "priority ", C_DIM);
		draw_text(d, pri.ptr, pri.len, rv_rec_priority_as_of(m, rec, v->app->as_of) == 1 ? C_ERROR : C_HEADING);
		gap = "    ";
	}
	if (rv_agenda_position(v->app->session, (size_t)v->rec) >= 0) {
		draw_str(d, gap, C_DEFAULT);
		draw_str(d, "on the agenda", C_HEADING);
	}
}

void present_slide_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	const char *text = view_line_text(v, line);
	if (line->type == PL_EMPTY) {
		draw_str(d, "  Nothing to present: the agenda is empty and no recommendation matches the filter.", C_DIM);
		return;
	}
	draw_spaces(d, margin(v), C_DEFAULT);
	if (line->type == PL_AS_OF) {
		char date[16];
		rv_date_format(v->app->as_of, date, sizeof(date));
		draw_str(d, "as of ", C_HEADING);
		draw_str(d, date, C_DATE);
		return;
	}
	switch (line->type) {
	case PL_BIG:
		present_big_draw(v, line, d, text_width_for(v));
		return;
	case PL_ID: {
		struct rv_text id = rv_rec_field(m, (size_t)v->rec, REC_ID);
		draw_text(d, id.ptr, id.len, C_ID);
		return;
	}
	case PL_STATE:
		draw_state(v, d, line->ref != 0);
		return;
	case PL_TOPIC:
		draw_text(d, text, line->len, line->ref ? C_HEADING : C_LABEL);
		return;
	case PL_TEXT:
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	case PL_HEADING:
		draw_text(d, text, line->len, C_HEADING);
		return;
	case PL_NOTE:
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	default:
		(void)present_sections_draw(v, line, d);
		return;
	}
}

