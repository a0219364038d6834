/*
 * view_dashboard.c - the whole data set at a glance: per review, the decisions and implementation
 * statuses as stacked bars (every part with its glyph, word and count, so colour is never alone); the
 * same per topic; and how the statuses moved at each date of the history. Each review's open
 * questions and overdue deliverables (on the as-of date, or today). Enter on a line opens the list
 * filtered to what it counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/finding.h"
#include "recview/query.h"
#include "recview/summary.h"
#include "recview/text.h"
#include "recview/views.h"

enum {
	DB_HEADING,  /* a section heading; ref: which (0 reviews, 1 over time, 2 topics) */
	DB_REVIEW,   /* a review's name and total; ref: review index */
	DB_DECISION, /* a review's decision bar */
	DB_STATUS,   /* a review's status bar */
	DB_POINT,    /* a review's statuses at one date; ref: timeline, sub: point */
	DB_TOPIC,    /* a topic's status bar; ref: topic index */
	DB_TOPIC_DECISION, /* its decision bar */
	DB_QUESTIONS, /* a review's open questions; ref: review index */
	DB_OVERDUE,   /* a review's overdue deliverables */
	DB_BLANK,
};

struct dashboard_state {
	struct rv_summary sum;
	struct rv_stamp built; /* what the summary was counted for */
	bool counted;          /* sum holds the summary (false: zeroed, to be counted) */
};

static bool dashboard_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct dashboard_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (st->counted && rv_stamp_stale(m, st->built, v->app->as_of)) {
		rv_summary_free(&st->sum);
		memset(st, 0, sizeof(*st));
	}
	if (!st->counted) {
		st->counted = true;
		rv_summary_build(m, v->app->as_of, &st->sum);
		st->built = rv_stamp_now(m, v->app->as_of);
	}
	const struct rv_summary *s = &st->sum;
	view_add_line(v, DB_HEADING, 0, false);
	for (size_t i = 0; i < s->nreviews; i++) {
		view_add_line(v, DB_REVIEW, (uint32_t)i, true);
		view_add_line(v, DB_DECISION, (uint32_t)i, true);
		view_add_line(v, DB_STATUS, (uint32_t)i, true);
		if (s->reviews[i].questions)
			view_add_line(v, DB_QUESTIONS, (uint32_t)i, true);
		if (s->reviews[i].deliverables)
			view_add_line(v, DB_OVERDUE, (uint32_t)i, true);
	}
	view_add_line(v, DB_BLANK, 0, false);
	view_add_line(v, DB_HEADING, 1, false);
	for (size_t t = 0; t < s->ntimelines; t++)
		for (size_t k = 0; k < s->timelines[t].n; k++)
			view_add_line(v, DB_POINT, (uint32_t)t, true)->sub = (uint32_t)k;
	view_add_line(v, DB_BLANK, 0, false);
	view_add_line(v, DB_HEADING, 2, false);
	for (size_t i = 0; i < s->ntopics; i++) {
		view_add_line(v, DB_TOPIC, (uint32_t)i, true);
		view_add_line(v, DB_TOPIC_DECISION, (uint32_t)i, true);
	}
	return true;
}

static void dashboard_done(struct view *v)
{
	struct dashboard_state *st = v->data;
	if (st)
		rv_summary_free(&st->sum);
}

/* One stacked bar: each part as long as its share, then its glyph, word and count. */
static void draw_bar(struct draw *d, const size_t *counts, size_t total, bool status)
{
	static const int status_order[] = {RV_STATUS_COMPLETE, RV_STATUS_PROGRESS, RV_STATUS_BEHIND, RV_STATUS_PLANNING,
					   RV_STATUS_NOT_STARTED, RV_STATUS_UNKNOWN, RV_STATUS_NONE};
	static const int decision_order[] = {RV_DECISION_APPROVED, RV_DECISION_PENDING, RV_DECISION_REJECTED,
					     RV_DECISION_UNKNOWN, RV_DECISION_NONE};
	const int *order = status ? status_order : decision_order;
	size_t n = status ? sizeof(status_order) / sizeof(*status_order) : sizeof(decision_order) / sizeof(*decision_order);
	int bar = draw_remaining(d) / 3;
	if (bar > 40)
		bar = 40;
	const char *block = d->ascii ? "#" : "\xE2\x96\x88";
	int drawn = 0;
	for (size_t i = 0; i < n && total; i++) {
		size_t c = counts[order[i]];
		int w = (int)((c * (size_t)bar + total / 2) / total);
		if (c && !w)
			w = 1;
		if (drawn + w > bar)
			w = bar - drawn;
		enum color col = status ? status_color((enum rv_status)order[i]) : decision_color((enum rv_decision)order[i]);
		if (order[i] == RV_STATUS_NONE && status)
			col = C_DIM;
		for (int k = 0; k < w; k++)
			draw_str(d, block, col);
		drawn += w;
	}
	draw_spaces(d, bar - drawn + 2, C_DEFAULT);
	for (size_t i = 0; i < n; i++) {
		size_t c = counts[order[i]];
		if (!c)
			continue;
		char buf[64];
		const char *word = status ? rv_status_name((enum rv_status)order[i]) : rv_decision_name((enum rv_decision)order[i]);
		if (!*word)
			word = status ? "no status" : "no decision";
		enum color col = status ? status_color((enum rv_status)order[i]) : decision_color((enum rv_decision)order[i]);
		if (status) {
			/* "no status" gets a visible mark of its own, like the others. */
			draw_str(d, order[i] == RV_STATUS_NONE ? "-" : rv_status_glyph((enum rv_status)order[i], d->ascii), col);
			draw_str(d, " ", C_DEFAULT);
		}
		snprintf(buf, sizeof(buf), "%s %zu  ", word, c);
		draw_str(d, buf, col);
	}
}

static void dashboard_draw(struct view *v, const struct line *line, struct draw *d)
{
	struct dashboard_state *st = v->data;
	const struct rv_summary *s = &st->sum;
	char buf[64];
	switch (line->type) {
	case DB_HEADING: {
		static const char *const names[] = {"Reviews", "Over time", "By topic"};
		draw_str(d, names[line->ref], C_HEADING);
		if (line->ref == 0 && v->app->as_of != RV_DATE_NONE) {
			rv_date_format(v->app->as_of, buf, sizeof(buf));
			draw_str(d, "  as of ", C_HEADING);
			draw_str(d, buf, C_DATE);
		}
		return;
	}
	case DB_REVIEW:
		draw_str(d, "  ", C_DEFAULT);
		draw_str(d, s->reviews[line->ref].label, C_ID);
		snprintf(buf, sizeof(buf), "  %zu recommendations", s->reviews[line->ref].total);
		draw_str(d, buf, C_DIM);
		return;
	case DB_DECISION:
		draw_field(d, "    decision", 12, 14, C_LABEL);
		draw_bar(d, s->reviews[line->ref].by_decision, s->reviews[line->ref].total, false);
		return;
	case DB_STATUS:
		draw_field(d, "    status", 10, 14, C_LABEL);
		draw_bar(d, s->reviews[line->ref].by_status, s->reviews[line->ref].total, true);
		return;
	case DB_QUESTIONS: {
		const struct rv_tally *t = &s->reviews[line->ref];
		draw_field(d, "    questions", 13, 14, C_LABEL);
		snprintf(buf, sizeof(buf), "%zu open", t->questions_open);
		draw_str(d, buf, t->questions_open ? C_ST_NOT_STARTED : C_ST_COMPLETE);
		snprintf(buf, sizeof(buf), " of %zu", t->questions);
		draw_str(d, buf, C_DIM);
		return;
	}
	case DB_OVERDUE: {
		const struct rv_tally *t = &s->reviews[line->ref];
		draw_field(d, "    overdue", 11, 14, C_LABEL);
		snprintf(buf, sizeof(buf), "%zu", t->deliverables_overdue);
		draw_str(d, buf, t->deliverables_overdue ? C_ERROR : C_ST_COMPLETE);
		snprintf(buf, sizeof(buf), " of %zu deliverables", t->deliverables);
		draw_str(d, buf, C_DIM);
		return;
	}
	case DB_POINT: {
		const struct rv_timeline *tl = &s->timelines[line->ref];
		const struct rv_tally *p = &tl->points[line->sub];
		draw_str(d, "  ", C_DEFAULT);
		draw_field(d, line->sub ? "" : tl->review, line->sub ? 0 : strlen(tl->review), 8, C_ID);
		draw_field(d, p->label, strlen(p->label), 12, C_DATE);
		draw_bar(d, p->by_status, p->total, true);
		return;
	}
	case DB_TOPIC:
	case DB_TOPIC_DECISION: {
		const struct rv_tally *t = &s->topics[line->ref];
		draw_str(d, "  ", C_DEFAULT);
		int w = draw_remaining(d) / 3;
		if (line->type == DB_TOPIC)
			draw_field(d, t->label, strlen(t->label), w > 12 ? w : 12, C_LABEL);
		else
			draw_spaces(d, w > 12 ? w : 12, C_DEFAULT);
		draw_str(d, " ", C_DEFAULT);
		if (line->type == DB_TOPIC)
			draw_bar(d, t->by_status, t->total, true);
		else
			draw_bar(d, t->by_decision, t->total, false);
		return;
	}
	default:
		return;
	}
}

/* Enter on a bar: the list of what it counts (a timeline point also sets the date it shows). */
static enum request dashboard_request(struct view *v, enum request req, struct line *line)
{
	struct dashboard_state *st = v->data;
	if (req != REQ_ENTER)
		return req;
	char filter[600];
	const char *label = NULL;
	const char *field = "review";
	const char *also = "";
	switch (line->type) {
	case DB_QUESTIONS:
	case DB_OVERDUE:
		also = line->type == DB_QUESTIONS ? " question:open" : " has:overdue";
		label = st->sum.reviews[line->ref].label;
		break;
	case DB_REVIEW:
	case DB_DECISION:
	case DB_STATUS:
		label = st->sum.reviews[line->ref].label;
		break;
	case DB_POINT:
		label = st->sum.timelines[line->ref].review;
		rv_date_parse(st->sum.timelines[line->ref].points[line->sub].label,
			      strlen(st->sum.timelines[line->ref].points[line->sub].label), &v->app->as_of);
		/* Every view shows that date when it is next shown (app_current). */
		break;
	case DB_TOPIC:
	case DB_TOPIC_DECISION:
		label = st->sum.topics[line->ref].label;
		field = "topic";
		break;
	default:
		return REQ_NONE;
	}
	/* Exact: the bar of SSR1 lists SSR1, not SSR10 too. Quotes in a label cannot be written in the
	 * filter language: such a topic opens the whole list. */
	if (strcmp(label, "(no topic)") == 0)
		snprintf(filter, sizeof(filter), "-has:topic%s", also);
	else if (strchr(label, '"'))
		snprintf(filter, sizeof(filter), "%s", also + (*also == ' '));
	else
		snprintf(filter, sizeof(filter), "%s:=\"%s\"%s", field, label, also);
	app_set_filter(v->app, filter);
	app_open(v->app, recs_view_new(v->app));
	return REQ_NONE;
}

/* The review of the line under the cursor (v opens it), none on a topic or a heading. */
static bool dashboard_current_review(struct view *v, struct strbuf *out)
{
	const struct dashboard_state *st = v->data;
	const struct line *line = v->nlines ? &v->lines[v->lineno] : NULL;
	if (!st || !line)
		return false;
	if (line->type == DB_POINT)
		sb_adds(out, st->sum.timelines[line->ref].review);
	else if (line->type == DB_REVIEW || line->type == DB_DECISION || line->type == DB_STATUS ||
		 line->type == DB_QUESTIONS || line->type == DB_OVERDUE)
		sb_adds(out, st->sum.reviews[line->ref].label);
	else
		return false;
	return true;
}

static void dashboard_crumb(struct view *v, struct strbuf *out)
{
	(void)v;
	sb_adds(out, "Dashboard");
}

static const struct view_ops dashboard_ops = {
	.id = VIEW_DASHBOARD,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH,
	.name = "dashboard",
	.state_size = sizeof(struct dashboard_state),
	.open = dashboard_open,
	.draw = dashboard_draw,
	.request = dashboard_request,
	.crumb = dashboard_crumb,
	.current_review = dashboard_current_review,
	.done = dashboard_done,
};

struct view *dashboard_view_new(struct app *app)
{
	return view_new(app, &dashboard_ops, -1, -1, RV_RECS);
}
