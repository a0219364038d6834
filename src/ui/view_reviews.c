/*
 * view_reviews.c - one review: its milestones from reviews.csv as a dated timeline (past, now, to
 * come on today or the as-of date, dates aligned, a "today" line where the date falls) and its work
 * streams with their scope items. { and } show the other reviews; Enter on the heading lists the
 * review's recommendations. The grouping and order are the core's (reviews.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/clock.h"
#include "recview/date.h"
#include "recview/reviews.h"
#include "recview/search.h"
#include "recview/text.h"
#include "recview/views.h"

enum {
	RW_TITLE,    /* the review's name and counts; Enter: its recommendations */
	RW_BLANK,
	RW_HEADING,  /* ref 0: milestones, 1: work streams */
	RW_LEGEND,   /* what the marks mean */
	RW_NONE,     /* ref 0: no milestones, 1: no work streams */
	RW_MS_NAME,  /* ref: milestone (position in the review's timeline); sub: wrapped line */
	RW_MS_DESC,  /* its description */
	RW_TODAY,    /* where today (or the as-of date) falls in the timeline */
	RW_STREAM,   /* ref: work stream */
	RW_SCOPE,    /* ref: stream << 16 | item */
};

#define SCOPE_MAX 0xffff

struct reviews_state {
	struct rv_review_set set;
	struct rv_stamp built;
	char *want;     /* a review asked for by name, found when the lines are first built */
	int32_t today;  /* the date the timeline is read on */
	int date_width; /* the widest milestone date as written */
};

static const struct rv_review *current(const struct view *v)
{
	const struct reviews_state *st = v->data;
	return st && v->item >= 0 && (size_t)v->item < st->set.n ? &st->set.reviews[v->item] : NULL;
}

static int32_t reading_date(const struct app *app)
{
	if (app->as_of != RV_DATE_NONE)
		return app->as_of;
	char today[16];
	int32_t d = 0;
	rv_today(today);
	rv_date_parse(today, strlen(today), &d);
	return d;
}

/* The set of reviews, built again when the model changed; v->item stays in range. */
static void ensure_set(struct view *v)
{
	struct reviews_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (st->set.reviews && rv_stamp_stale(m, st->built, v->app->as_of))
		rv_reviews_free(&st->set);
	if (!st->set.reviews) {
		rv_reviews_build(m, &st->set);
		st->built = rv_stamp_now(m, v->app->as_of);
	}
	if (st->want) {
		long i = rv_reviews_find(&st->set, st->want, strlen(st->want));
		v->item = i >= 0 ? i : 0;
		free(st->want);
		st->want = NULL;
	}
	if (v->item < 0 || (size_t)v->item >= st->set.n)
		v->item = 0;
	st->today = reading_date(v->app);
}

static int name_width(const struct view *v)
{
	const struct reviews_state *st = v->data;
	int w = v->width - (2 + st->date_width + 2 + 2) - 1;
	return w > 10 ? w : 10;
}

static void add_milestones(struct view *v, const struct rv_review *r)
{
	struct reviews_state *st = v->data;
	const struct rv_model *m = v->app->m;
	st->date_width = 10;
	for (size_t i = 0; i < r->nmilestones; i++) {
		struct rv_text t = rv_child_date(m, RV_REVIEWS, r->milestones[i]).text;
		int w = (int)text_width(t.ptr, t.len);
		if (w > st->date_width)
			st->date_width = w < 24 ? w : 24;
	}
	if (!r->nmilestones) {
		view_add_line(v, RW_NONE, 0, false);
		return;
	}
	view_add_line(v, RW_LEGEND, 0, false);
	bool today_shown = false;
	for (size_t i = 0; i < r->nmilestones; i++) {
		enum rv_when when = rv_milestone_when(m, r, i, st->today);
		if (!today_shown && (when == RV_WHEN_TO_COME || when == RV_WHEN_UNDATED)) {
			view_add_line(v, RW_TODAY, 0, false);
			today_shown = true;
		}
		size_t c = r->milestones[i];
		struct rv_text name = rv_child_field(m, RV_REVIEWS, c, REV_NAME);
		struct rv_text desc = rv_child_field(m, RV_REVIEWS, c, REV_DESCRIPTION);
		if (!name.len)
			name = (struct rv_text){"(no name)", 9};
		view_add_wrapped(v, RW_MS_NAME, (uint32_t)i, false, name.ptr, name.len, name_width(v));
		if (desc.len)
			view_add_wrapped(v, RW_MS_DESC, (uint32_t)i, false, desc.ptr, desc.len, name_width(v));
	}
	if (!today_shown)
		view_add_line(v, RW_TODAY, 0, false);
}

static void add_streams(struct view *v, const struct rv_review *r)
{
	const struct rv_model *m = v->app->m;
	if (!r->nstreams) {
		view_add_line(v, RW_NONE, 1, false);
		return;
	}
	int width = v->width - 5 > 10 ? v->width - 5 : 10;
	for (size_t j = 0; j < r->nstreams && j < SCOPE_MAX; j++) {
		struct rv_text name = rv_child_field(m, RV_REVIEWS, r->streams[j], REV_NAME);
		struct rv_text scope = rv_child_field(m, RV_REVIEWS, r->streams[j], REV_DESCRIPTION);
		view_add_wrapped(v, RW_STREAM, (uint32_t)j, false, name.len ? name.ptr : "(no name)",
				 name.len ? name.len : 9, width);
		size_t n = rv_scope_items(scope.ptr, scope.len, NULL, 0);
		struct rv_text *items = xcalloc(n + 1, sizeof(*items));
		rv_scope_items(scope.ptr, scope.len, items, n);
		for (size_t k = 0; k < n && k < SCOPE_MAX; k++)
			view_add_wrapped(v, RW_SCOPE, (uint32_t)(j << 16 | k), false, items[k].ptr, items[k].len, width - 4);
		free(items);
	}
}

static bool reviews_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	ensure_set(v);
	const struct rv_review *r = current(v);
	view_add_line(v, RW_TITLE, 0, r && r->nrecs);
	if (!r)
		return true;
	view_add_line(v, RW_BLANK, 0, false);
	view_add_line(v, RW_HEADING, 0, false);
	add_milestones(v, r);
	view_add_line(v, RW_BLANK, 0, false);
	view_add_line(v, RW_HEADING, 1, false);
	add_streams(v, r);
	return true;
}

static void reviews_done(struct view *v)
{
	struct reviews_state *st = v->data;
	if (!st)
		return;
	rv_reviews_free(&st->set);
	free(st->want);
}

/* The files were read again: the same review, found again by its name. */
static void reviews_reload(struct view *v, long cursor_rec)
{
	struct reviews_state *st = v->data;
	(void)cursor_rec;
	const struct rv_review *r = current(v);
	if (r && !st->want)
		st->want = xstrdup(r->name);
	rv_reviews_free(&st->set);
}

static const char *mark_of(enum rv_when when, bool ascii, enum color *c)
{
	switch (when) {
	case RV_WHEN_PAST:
		*c = C_ST_COMPLETE;
		return ascii ? "x" : "\xE2\x9C\x93"; /* ✓ */
	case RV_WHEN_NOW:
		*c = C_ST_PROGRESS;
		return ascii ? ">" : "\xE2\x96\xB6"; /* ▶ */
	case RV_WHEN_TO_COME:
		*c = C_ST_NOT_STARTED;
		return ascii ? "o" : "\xE2\x97\x8B"; /* ○ */
	default:
		*c = C_DIM;
		return "?";
	}
}

static void draw_title(struct view *v, const struct rv_review *r, struct draw *d)
{
	char buf[160];
	draw_str(d, " ", C_DEFAULT);
	if (!r) {
		draw_str(d, "No reviews: neither the recommendations nor reviews.csv name one.", C_DIM);
		return;
	}
	const struct reviews_state *st = v->data;
	draw_str(d, r->name, C_ID);
	snprintf(buf, sizeof(buf), "  %zu milestone%s, %zu work stream%s, %zu recommendation%s", r->nmilestones,
		 r->nmilestones == 1 ? "" : "s", r->nstreams, r->nstreams == 1 ? "" : "s", r->nrecs, r->nrecs == 1 ? "" : "s");
	draw_str(d, buf, C_DIM);
	snprintf(buf, sizeof(buf), "  (%zu of %zu)", (size_t)v->item + 1, st->set.n);
	draw_str(d, buf, C_DIM);
}

static void draw_legend(struct draw *d)
{
	static const enum rv_when order[] = {RV_WHEN_PAST, RV_WHEN_NOW, RV_WHEN_TO_COME};
	static const char *const words[] = {" past   ", " now (the latest reached)   ", " to come"};
	draw_str(d, "  ", C_DEFAULT);
	for (size_t i = 0; i < 3; i++) {
		enum color c = C_DIM;
		const char *mark = mark_of(order[i], d->ascii, &c);
		draw_str(d, mark, c);
		draw_str(d, words[i], C_DIM);
	}
}

static void draw_milestone(struct view *v, const struct line *line, struct draw *d)
{
	const struct reviews_state *st = v->data;
	const struct rv_review *r = current(v);
	const struct rv_model *m = v->app->m;
	enum rv_when when = rv_milestone_when(m, r, line->ref, st->today);
	draw_str(d, "  ", C_DEFAULT);
	if (line->type == RW_MS_NAME && line->sub == 0) {
		struct rv_text date = rv_child_date(m, RV_REVIEWS, r->milestones[line->ref]).text;
		draw_field(d, date.len ? date.ptr : "undated", date.len ? date.len : 7, st->date_width, C_DATE);
		draw_str(d, "  ", C_DEFAULT);
		enum color c = C_DIM;
		draw_str(d, mark_of(when, d->ascii, &c), c);
		draw_str(d, " ", C_DEFAULT);
	} else {
		draw_spaces(d, st->date_width + 4, C_DEFAULT);
	}
	enum color c = line->type == RW_MS_DESC ? C_DIM : when == RV_WHEN_NOW ? C_HEADING : C_DEFAULT;
	draw_text(d, view_line_text(v, line), line->len, c);
}

static void draw_today(struct view *v, struct draw *d)
{
	const struct reviews_state *st = v->data;
	char date[16];
	rv_date_format(st->today, date, sizeof(date));
	draw_str(d, "  ", C_DEFAULT);
	draw_field(d, date, strlen(date), st->date_width, C_DATE);
	draw_str(d, "  ", C_DEFAULT);
	const char *rule = d->ascii ? "-" : "\xE2\x94\x80";
	draw_str(d, rule, C_HEADING);
	draw_str(d, v->app->as_of != RV_DATE_NONE ? " as of this date " : " today ", C_HEADING);
	while (draw_remaining(d) > 0)
		draw_str(d, rule, C_DIM);
}

static void reviews_draw(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_review *r = current(v);
	switch (line->type) {
	case RW_TITLE:
		draw_title(v, r, d);
		return;
	case RW_HEADING:
		draw_str(d, line->ref ? " Work streams" : " Milestones", C_HEADING);
		return;
	case RW_LEGEND:
		draw_legend(d);
		return;
	case RW_NONE:
		draw_str(d, line->ref ? "  No work streams in reviews.csv for this review." :
					"  No milestones in reviews.csv for this review.", C_DIM);
		return;
	case RW_MS_NAME:
	case RW_MS_DESC:
		draw_milestone(v, line, d);
		return;
	case RW_TODAY:
		draw_today(v, d);
		return;
	case RW_STREAM:
		draw_str(d, "  ", C_DEFAULT);
		draw_text(d, view_line_text(v, line), line->len, C_LABEL);
		return;
	case RW_SCOPE:
		draw_str(d, line->sub ? "      " : d->ascii ? "    - " : "    \xE2\x80\xA2 ", C_DIM);
		draw_text(d, view_line_text(v, line), line->len, C_DEFAULT);
		return;
	default:
		return;
	}
}

/* The whole text a line stands for: a milestone's name, date and description, a stream's name, a
 * scope item; searched on its first line only, so that a phrase that wraps is found once. */
static bool reviews_grep(struct view *v, const struct line *line, const struct rv_search *s)
{
	const struct rv_review *r = current(v);
	const struct rv_model *m = v->app->m;
	size_t off, len;
	if (!r || line->sub != 0)
		return false;
	struct rv_text parts[3] = {{0}};
	switch (line->type) {
	case RW_TITLE:
		parts[0] = (struct rv_text){r->name, strlen(r->name)};
		break;
	case RW_MS_NAME:
		parts[0] = rv_child_field(m, RV_REVIEWS, r->milestones[line->ref], REV_NAME);
		parts[1] = rv_child_field(m, RV_REVIEWS, r->milestones[line->ref], REV_DESCRIPTION);
		parts[2] = rv_child_date(m, RV_REVIEWS, r->milestones[line->ref]).text;
		break;
	case RW_STREAM:
		parts[0] = rv_child_field(m, RV_REVIEWS, r->streams[line->ref], REV_NAME);
		break;
	case RW_SCOPE:
		return line->len && rv_search_next(s, view_line_text(v, line), line->len, 0, &off, &len);
	default:
		return false;
	}
	for (size_t i = 0; i < 3; i++)
		if (parts[i].len && rv_search_next(s, parts[i].ptr, parts[i].len, 0, &off, &len))
			return true;
	return false;
}

static void show_review(struct view *v, long index)
{
	v->item = index;
	v->lineno = v->offset = 0;
	view_clear_lines(v);
	char err[8];
	(void)reviews_open(v, err, sizeof(err)); /* it never refuses */
}

static enum request reviews_request(struct view *v, enum request req, struct line *line)
{
	const struct reviews_state *st = v->data;
	const struct rv_review *r = current(v);
	if ((req == REQ_NEXT_REVIEW || req == REQ_PREV_REVIEW) && st->set.n) {
		long n = (long)st->set.n;
		show_review(v, (v->item + (req == REQ_NEXT_REVIEW ? 1 : n - 1)) % n);
		return REQ_NONE;
	}
	if (req != REQ_ENTER || !r)
		return req;
	if (line->type == RW_TITLE && r->nrecs) {
		char filter[600];
		/* Quotes cannot be written in the filter language: such a review opens the whole list. */
		if (strchr(r->name, '"'))
			filter[0] = '\0';
		else
			snprintf(filter, sizeof(filter), "review:=\"%s\"", r->name);
		app_set_filter(v->app, filter);
		app_open(v->app, recs_view_new(v->app));
	} else if (line->type == RW_MS_NAME || line->type == RW_MS_DESC) {
		struct rv_text src = rv_child_field(v->app->m, RV_REVIEWS, r->milestones[line->ref], REV_SOURCE);
		struct strbuf sb;
		sb_init(&sb);
		text_sanitize(&sb, src.ptr, src.len < 120 ? src.len : 120, 0);
		app_message(v->app, C_DIM, "Source: %s", sb.len ? sb.data : "(none given)");
		sb_free(&sb);
	}
	return REQ_NONE;
}

static void reviews_crumb(struct view *v, struct strbuf *out)
{
	const struct rv_review *r = current(v);
	sb_adds(out, "Review ");
	if (r)
		text_sanitize(out, r->name, strlen(r->name), 0);
}

static bool reviews_current_review(struct view *v, struct strbuf *out)
{
	const struct rv_review *r = current(v);
	if (r)
		sb_adds(out, r->name);
	return r != NULL;
}

static const struct keybinding reviews_keys[] = {
	{{'}', false}, REQ_NEXT_REVIEW},
	{{'{', false}, REQ_PREV_REVIEW},
};

static const struct request_note reviews_notes[] = {
	{REQ_ENTER, "On the heading: the review's recommendations; on a milestone: its source"},
};

static const struct view_keymap reviews_keymap = {reviews_keys, KEYMAP_COUNT(reviews_keys), reviews_notes,
						  KEYMAP_COUNT(reviews_notes)};

static const struct view_ops reviews_ops = {
	.id = VIEW_REVIEWS,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH | SCOPE_VIEW,
	.keymap = &reviews_keymap,
	.name = "review",
	.state_size = sizeof(struct reviews_state),
	.open = reviews_open,
	.draw = reviews_draw,
	.request = reviews_request,
	.crumb = reviews_crumb,
	.grep = reviews_grep,
	.current_review = reviews_current_review,
	.reload = reviews_reload,
	.done = reviews_done,
};

struct view *reviews_view_new(struct app *app, long index)
{
	return view_new(app, &reviews_ops, -1, index, RV_RECS);
}

struct view *reviews_view_named(struct app *app, const char *name, size_t len)
{
	struct reviews_state init = {.want = xstrndup(name, len)};
	return view_new_with(app, &reviews_ops, -1, -1, RV_RECS, &init);
}

bool view_current_review(const struct view *v, struct strbuf *out)
{
	if (v->ops->current_review)
		return v->ops->current_review((struct view *)v, out);
	long rec = view_current_rec(v);
	if (rec < 0)
		return false;
	struct rv_text r = rv_rec_review_of(v->app->m, (size_t)rec);
	sb_add(out, r.ptr, r.len);
	return r.len > 0;
}

void reviews_open_current(struct app *app)
{
	struct view *v = app_current(app);
	struct strbuf name;
	sb_init(&name);
	if (v->ops->id == VIEW_REVIEWS)
		app_message(app, C_DIM, "This is the review's view: { and } show the other reviews.");
	else if (view_current_review(v, &name))
		app_open(app, reviews_view_named(app, name.data, name.len));
	else
		app_open(app, reviews_view_new(app, 0)); /* nothing here names a review: the first one */
	sb_free(&name);
}
