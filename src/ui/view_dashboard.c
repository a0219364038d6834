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
	DB_LEGEND,    /* a further line of a bar's legend; ref: index in legends */
	DB_SPELLING,  /* one spelling of a grouped topic; ref: topic, sub: spelling */
};

/* A bar line whose legend goes on past its own line: the line and which legend line this is. */
struct legend_more {
	uint16_t type;
	uint32_t ref, sub;
	int k;
};

struct dashboard_state {
	struct rv_summary sum;
	struct rv_stamp built; /* what the summary was counted for */
	struct legend_more *legends;
	size_t nlegends, legends_cap;
	bool counted;          /* sum holds the summary (false: zeroed, to be counted) */
};

static void add_legend_lines(struct view *v, struct line *bar);

/* topic-grouping = normalise (the default) or off, in the configuration. */
static bool topics_grouped(const struct app *app)
{
	const char *g = app->opt ? app->opt->topic_grouping : NULL;
	return !g || strcmp(g, "off") != 0;
}

static bool dashboard_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct dashboard_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (st->counted && rv_stamp_stale(m, st->built, v->app->as_of)) {
		rv_summary_free(&st->sum);
		st->counted = false; /* the legends' array is kept, to be filled again */
	}
	st->nlegends = 0; /* laid out again for this width */
	if (!st->counted) {
		st->counted = true;
		if (topics_grouped(v->app))
			rv_summary_build_grouped(m, v->app->as_of, &st->sum);
		else
			rv_summary_build(m, v->app->as_of, &st->sum);
		st->built = rv_stamp_now(m, v->app->as_of);
	}
	const struct rv_summary *s = &st->sum;
	view_add_line(v, DB_HEADING, 0, false);
	for (size_t i = 0; i < s->nreviews; i++) {
		view_add_line(v, DB_REVIEW, (uint32_t)i, true);
		add_legend_lines(v, view_add_line(v, DB_DECISION, (uint32_t)i, true));
		add_legend_lines(v, view_add_line(v, DB_STATUS, (uint32_t)i, true));
		if (s->reviews[i].questions)
			view_add_line(v, DB_QUESTIONS, (uint32_t)i, true);
		if (s->reviews[i].deliverables)
			view_add_line(v, DB_OVERDUE, (uint32_t)i, true);
	}
	view_add_line(v, DB_BLANK, 0, false);
	view_add_line(v, DB_HEADING, 1, false);
	for (size_t t = 0; t < s->ntimelines; t++) {
		for (size_t k = 0; k < s->timelines[t].n; k++) {
			struct line *l = view_add_line(v, DB_POINT, (uint32_t)t, true);
			l->sub = (uint32_t)k;
			add_legend_lines(v, l);
		}
	}
	view_add_line(v, DB_BLANK, 0, false);
	view_add_line(v, DB_HEADING, 2, false);
	for (size_t i = 0; i < s->ntopics; i++) {
		add_legend_lines(v, view_add_line(v, DB_TOPIC, (uint32_t)i, true));
		add_legend_lines(v, view_add_line(v, DB_TOPIC_DECISION, (uint32_t)i, true));
		for (size_t k = 0; k < s->topics[i].nspellings; k++)
			view_add_line(v, DB_SPELLING, (uint32_t)i, true)->sub = (uint32_t)k;
	}
	return true;
}

static void dashboard_done(struct view *v)
{
	struct dashboard_state *st = v->data;
	if (st) {
		rv_summary_free(&st->sum);
		free(st->legends);
	}
}

/* A bar's parts in the order drawn: done first, nothing recorded last. */
static const int status_order[] = {RV_STATUS_COMPLETE, RV_STATUS_PROGRESS, RV_STATUS_BEHIND, RV_STATUS_PLANNING,
				   RV_STATUS_NOT_STARTED, RV_STATUS_UNKNOWN, RV_STATUS_NONE};
static const int decision_order[] = {RV_DECISION_APPROVED, RV_DECISION_PENDING, RV_DECISION_REJECTED,
				     RV_DECISION_UNKNOWN, RV_DECISION_NONE};
#define NPARTS(status) ((status) ? sizeof(status_order) / sizeof(*status_order) : sizeof(decision_order) / sizeof(*decision_order))

static enum color part_color(bool status, int v)
{
	return status ? rv_status_color((enum rv_status)v) : rv_decision_color((enum rv_decision)v);
}

static const char *part_pattern(bool status, int v, bool ascii)
{
	return status ? rv_status_pattern((enum rv_status)v, ascii) : rv_decision_pattern((enum rv_decision)v, ascii);
}

static const char *part_word(bool status, int v)
{
	const char *word = status ? rv_status_name((enum rv_status)v) : rv_decision_name((enum rv_decision)v);
	return *word ? word : status ? "no status" : "no decision";
}

/* Columns of one legend entry: "▓ ○ in progress 3" (no glyph for a decision or no status), then two
 * spaces before the next. */
static int entry_width(bool status, int v, size_t count, bool ascii)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), " %zu", count);
	const char *glyph = status && v != RV_STATUS_NONE ? rv_status_glyph((enum rv_status)v, ascii) : NULL;
	return 2 + (glyph ? text_width(glyph, strlen(glyph)) + 1 : 0) + (int)strlen(part_word(status, v)) + n;
}

/* The legend line each part's entry goes on, entries filled into lines of width columns (an entry
 * wider than a line has one of its own); returns the number of lines. */
static int legend_layout(const size_t *counts, bool status, bool ascii, int width, int *line_of)
{
	int line = 0, used = 0;
	for (size_t i = 0; i < NPARTS(status); i++) {
		int v = status ? status_order[i] : decision_order[i];
		line_of[i] = -1;
		if (!counts[v])
			continue;
		int w = entry_width(status, v, counts[v], ascii);
		if (used && used + 2 + w > width) {
			line++;
			used = 0;
		}
		used += (used ? 2 : 0) + w;
		line_of[i] = line;
	}
	return line + 1;
}

static int bar_length(int room)
{
	return room / 3 > 40 ? 40 : room / 3;
}

/* Columns before a line's bar: its label (a topic's as wide as a third of the width). */
static int bar_start(uint16_t type, int width)
{
	if (type == DB_POINT)
		return 2 + 8 + 12;
	if (type == DB_TOPIC || type == DB_TOPIC_DECISION) {
		int w = (width - 2) / 3;
		return 2 + (w > 12 ? w : 12) + 1;
	}
	return 14;
}

static int legend_start(uint16_t type, int width)
{
	int start = bar_start(type, width);
	return start + bar_length(width - start) + 2;
}

/* One stacked bar: each part as long as its share, in its colour and its pattern. */
static void draw_bar(struct draw *d, const size_t *counts, size_t total, bool status)
{
	int bar = bar_length(draw_remaining(d));
	int drawn = 0;
	for (size_t i = 0; i < NPARTS(status) && total; i++) {
		int v = status ? status_order[i] : decision_order[i];
		size_t c = counts[v];
		int w = (int)((c * (size_t)bar + total / 2) / total);
		if (c && !w)
			w = 1;
		if (drawn + w > bar)
			w = bar - drawn;
		const char *fill = part_pattern(status, v, d->ascii);
		for (int k = 0; k < w; k++)
			draw_str(d, fill, part_color(status, v));
		drawn += w;
	}
	draw_spaces(d, bar - drawn + 2, C_DEFAULT);
}

/* Line k of a bar's legend: per part its pattern, glyph, word and count, in its colour. */
static void draw_legend(struct draw *d, const size_t *counts, bool status, int width, int k)
{
	int line_of[8];
	legend_layout(counts, status, d->ascii, width, line_of);
	bool first = true;
	for (size_t i = 0; i < NPARTS(status); i++) {
		int v = status ? status_order[i] : decision_order[i];
		if (line_of[i] != k)
			continue;
		enum color col = part_color(status, v);
		if (!first)
			draw_spaces(d, 2, C_DEFAULT);
		first = false;
		draw_str(d, part_pattern(status, v, d->ascii), col);
		draw_str(d, " ", C_DEFAULT);
		if (status && v != RV_STATUS_NONE) {
			draw_str(d, rv_status_glyph((enum rv_status)v, d->ascii), col);
			draw_str(d, " ", C_DEFAULT);
		}
		char buf[64];
		snprintf(buf, sizeof(buf), "%s %zu", part_word(status, v), counts[v]);
		draw_str(d, buf, col);
	}
}

/* The counts a bar line shows (false: not a bar line). */
static bool bar_counts(const struct rv_summary *s, uint16_t type, uint32_t ref, uint32_t sub, const size_t **counts,
		       size_t *total, bool *status)
{
	const struct rv_tally *t;
	switch (type) {
	case DB_DECISION:
	case DB_STATUS:
		t = &s->reviews[ref];
		break;
	case DB_POINT:
		t = &s->timelines[ref].points[sub];
		break;
	case DB_TOPIC:
	case DB_TOPIC_DECISION:
		t = &s->topics[ref];
		break;
	default:
		return false;
	}
	*status = type == DB_STATUS || type == DB_POINT || type == DB_TOPIC;
	*counts = *status ? t->by_status : t->by_decision;
	*total = t->total;
	return true;
}

/* Legends never cut: the entries that do not fit beside a bar go on lines of their own under it. */
static void add_legend_lines(struct view *v, struct line *bar)
{
	struct dashboard_state *st = v->data;
	const size_t *counts;
	size_t total;
	bool status;
	uint16_t type = bar->type;
	uint32_t ref = bar->ref, sub = bar->sub;
	if (!bar_counts(&st->sum, type, ref, sub, &counts, &total, &status))
		return;
	int line_of[8];
	int n = legend_layout(counts, status, v->app->ascii, v->width - legend_start(type, v->width), line_of);
	for (int k = 1; k < n; k++) {
		if (st->nlegends == st->legends_cap) {
			st->legends_cap = st->legends_cap ? st->legends_cap * 2 : 16;
			st->legends = xreallocarray(st->legends, st->legends_cap, sizeof(*st->legends));
		}
		st->legends[st->nlegends] = (struct legend_more){type, ref, sub, k};
		view_add_line(v, DB_LEGEND, (uint32_t)st->nlegends++, true);
	}
}

/* A bar line's bar and the first line of its legend. */
static void draw_bar_line(struct view *v, const struct line *line, struct draw *d)
{
	const struct dashboard_state *st = v->data;
	const size_t *counts;
	size_t total;
	bool status;
	if (!bar_counts(&st->sum, line->type, line->ref, line->sub, &counts, &total, &status))
		return;
	draw_bar(d, counts, total, status);
	draw_legend(d, counts, status, v->width - legend_start(line->type, v->width), 0);
}

static void draw_legend_line(struct view *v, const struct line *line, struct draw *d)
{
	const struct dashboard_state *st = v->data;
	const struct legend_more *lm = &st->legends[line->ref];
	const size_t *counts;
	size_t total;
	bool status;
	if (!bar_counts(&st->sum, lm->type, lm->ref, lm->sub, &counts, &total, &status))
		return;
	int start = legend_start(lm->type, v->width);
	draw_spaces(d, start, C_DEFAULT);
	draw_legend(d, counts, status, v->width - start, lm->k);
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
		draw_bar_line(v, line, d);
		return;
	case DB_STATUS:
		draw_field(d, "    status", 10, 14, C_LABEL);
		draw_bar_line(v, line, d);
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
		snprintf(buf, sizeof(buf), " of %zu deliverables, %zu done", t->deliverables, t->deliverables_done);
		draw_str(d, buf, C_DIM);
		return;
	}
	case DB_POINT: {
		const struct rv_timeline *tl = &s->timelines[line->ref];
		const struct rv_tally *p = &tl->points[line->sub];
		draw_str(d, "  ", C_DEFAULT);
		draw_field(d, line->sub ? "" : tl->review, line->sub ? 0 : strlen(tl->review), 8, C_ID);
		draw_field(d, p->label, strlen(p->label), 12, C_DATE);
		draw_bar_line(v, line, d);
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
		draw_bar_line(v, line, d);
		return;
	}
	case DB_LEGEND:
		draw_legend_line(v, line, d);
		return;
	case DB_SPELLING: {
		/* The spellings counted as this topic (topic_key.h), each with its count. */
		const struct rv_spelling *sp = &s->topics[line->ref].spellings[line->sub];
		draw_field(d, line->sub ? "" : "    spellings", line->sub ? 0 : 13, 14, C_LABEL);
		snprintf(buf, sizeof(buf), "%zu  ", sp->count);
		draw_field_right(d, buf, strlen(buf), 6, C_DIM);
		draw_text(d, sp->text, strlen(sp->text), C_DEFAULT);
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
	struct line owner;
	if (line->type == DB_LEGEND) {
		const struct legend_more *lm = &st->legends[line->ref];
		owner = (struct line){.type = lm->type, .ref = lm->ref, .sub = lm->sub};
		line = &owner;
	}
	char filter[600];
	const char *label = NULL;
	const char *field = "review:=";
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
		/* A topic of several spellings: every recommendation of any of them. */
		field = st->sum.topics[line->ref].nspellings ? "topic:~" : "topic:=";
		break;
	case DB_SPELLING:
		label = st->sum.topics[line->ref].spellings[line->sub].text;
		field = "topic:=";
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
		snprintf(filter, sizeof(filter), "%s\"%s\"%s", field, label, also);
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
	struct line owner;
	if (line->type == DB_LEGEND) {
		const struct legend_more *lm = &st->legends[line->ref];
		owner = (struct line){.type = lm->type, .ref = lm->ref, .sub = lm->sub};
		line = &owner;
	}
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
