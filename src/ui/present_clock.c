/*
 * present_clock.c - the meeting clock in the walkthrough's footer: a bar over the walkthrough (items
 * reached of all), the time on this item against its budget and the time on all of them against
 * theirs. Over budget, a clock turns to C_ERROR and its glyph to a warning sign ("!" in ASCII), so
 * that it reads without colour too.
 */
#include <stdio.h>
#include <string.h>

#include "recview/app.h"
#include "recview/meeting.h"
#include "recview/present.h"
#include "recview/text.h"
#include "recview/views.h"

/* One clock as drawn: its glyph, "3:12 / 5:00" (or "3:12" with no budget), and what it is of. */
struct clock_part {
	const char *glyph;
	char time[64];
	const char *what;
	bool over;
};

static void clock_part(struct clock_part *p, double seconds, unsigned budget, bool over, const char *what, bool ascii)
{
	char spent[24], of[24];
	rv_clock_format(seconds, spent, sizeof(spent));
	if (budget) {
		rv_clock_format(budget * 60.0, of, sizeof(of));
		snprintf(p->time, sizeof(p->time), "%s / %s", spent, of);
	} else {
		snprintf(p->time, sizeof(p->time), "%s", spent);
	}
	p->over = over;
	p->what = what;
	p->glyph = over ? (ascii ? "! " : "\xE2\x9A\xA0 " /* ⚠ */) : (ascii ? "" : "\xE2\x97\xB7 " /* ◷ */);
}

static int part_width(const struct clock_part *p)
{
	return 3 + text_width(p->glyph, strlen(p->glyph)) + text_width(p->time, strlen(p->time)) +
	       text_width(p->what, strlen(p->what));
}

static void draw_part(struct draw *d, const struct clock_part *p)
{
	draw_str(d, "   ", C_DIM);
	draw_str(d, p->glyph, p->over ? C_ERROR : C_DIM);
	draw_str(d, p->time, p->over ? C_ERROR : C_HEADING);
	draw_str(d, p->what, p->over ? C_ERROR : C_DIM);
}

/* The bar's width: wider on a wide screen; none when the clocks need the room. */
static int bar_width(int room)
{
	int w = room >= 100 ? 24 : 10;
	return room >= w + 2 ? w : room >= 8 ? room - 2 : 0;
}

static void draw_bar(struct draw *d, const struct rv_meeting *mc, int width)
{
	int full = rv_progress_cells(mc->at + 1, mc->n, width);
	draw_str(d, "  ", C_DIM);
	for (int i = 0; i < width; i++)
		draw_str(d, i < full ? (d->ascii ? "#" : "\xE2\x96\x88" /* █ */) : (d->ascii ? "-" : "\xE2\x96\x91" /* ░ */),
			 i < full ? C_HEADING : C_DIM);
}

/* reserve: columns kept free after the clock (the followers' part). When the room is short the
 * clocks drop their words ("this item", "in all"), then the bar goes. */
void present_clock_draw(struct view *v, struct draw *d, int reserve)
{
	const struct present_state *st = v->data;
	struct rv_meeting mc;
	rv_meeting_measure(v->app->session, st->recs, st->n, st->at, &mc);
	struct clock_part item, all;
	int room = draw_remaining(d) - reserve;
	clock_part(&item, mc.item, mc.budget, mc.over, " this item", d->ascii);
	clock_part(&all, mc.total, mc.total_budget, mc.total_over, " in all", d->ascii);
	if (part_width(&item) + part_width(&all) + 12 > room) {
		clock_part(&item, mc.item, mc.budget, mc.over, "", d->ascii);
		clock_part(&all, mc.total, mc.total_budget, mc.total_over, " all", d->ascii);
	}
	int bar = bar_width(room - part_width(&item) - part_width(&all));
	if (bar)
		draw_bar(d, &mc, bar);
	draw_part(d, &item);
	draw_part(d, &all);
}
