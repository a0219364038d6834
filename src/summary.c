/*
 * summary.c - the data set in numbers (recview --summary): per review and per topic, how many
 * recommendations stand at each decision and implementation status, now or as of a date, and how that
 * moved at each date of the status history.
 *
 * Dates are YYYYMMDD integers (vocab.h) and compare as numbers, so a partial date counts as the start
 * of its month or year: an entry dated 2015-06 (20150600) is on or before 2015-06-01 and before
 * 2015-06-30, and --as-of 2015-06 means "before anything dated within June 2015". A history entry
 * without a date sorts first and counts as on or before every date.
 */
#include "recview/summary.h"
#include "recview/entity.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/items.h"
#include "recview/text.h"
#include "recview/theme.h"
#include "recview/topic_key.h"
#include "recview/vocab.h"

/* ---- grouping recommendations by a label, groups in order of first appearance ---- */

struct keyed {
	const char *label;
	size_t rec;
};

static int compare_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->label, y->label);
	if (c)
		return c;
	return x->rec < y->rec ? -1 : x->rec > y->rec;
}

struct group_first {
	size_t group;
	size_t first;
};

static int compare_first(const void *a, const void *b)
{
	const struct group_first *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/*
 * Groups n labels (one per recommendation): group_of[i] is the group of recommendation i, groups
 * numbered in order of first appearance; returns the number of groups and their labels (copies).
 * O(n log n), so that a data set with a distinct topic per recommendation stays quick.
 */
static size_t group_labels(char **labels, size_t n, size_t *group_of, char ***out_labels)
{
	struct keyed *k = xcalloc(n + 1, sizeof(*k));
	for (size_t i = 0; i < n; i++)
		k[i] = (struct keyed){labels[i], i};
	qsort(k, n, sizeof(*k), compare_keyed);
	struct group_first *g = xcalloc(n + 1, sizeof(*g));
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || strcmp(k[i].label, k[i - 1].label) != 0) {
			g[ng] = (struct group_first){ng, k[i].rec}; /* sorted by rec within a label */
			ng++;
		}
		group_of[k[i].rec] = ng - 1;
	}
	qsort(g, ng, sizeof(*g), compare_first);
	size_t *renumber = xcalloc(ng + 1, sizeof(*renumber));
	char **names = xcalloc(ng + 1, sizeof(*names));
	for (size_t i = 0; i < ng; i++) {
		renumber[g[i].group] = i;
		names[i] = xstrdup(labels[g[i].first]);
	}
	for (size_t i = 0; i < n; i++)
		group_of[i] = renumber[group_of[i]];
	free(renumber);
	free(g);
	free(k);
	*out_labels = names;
	return ng;
}

static char *sanitized(struct rv_text c, const char *if_empty)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, c.ptr, c.len, 0);
	if (sb.len == 0)
		sb_adds(&sb, if_empty);
	char *r = sb_detach(&sb);
	sb_free(&sb); /* sb_detach leaves a fresh empty buffer */
	return r;
}

static void tally_add(struct rv_tally *t, enum rv_decision d, enum rv_status st)
{
	t->total++;
	t->by_decision[(unsigned)d < RV_DECISION_COUNT ? d : RV_DECISION_UNKNOWN]++;
	t->by_status[(unsigned)st < RV_STATUS_COUNT ? st : RV_STATUS_UNKNOWN]++;
}

static char *date_label(int32_t date)
{
	char buf[16];
	rv_date_format(date, buf, sizeof(buf));
	return xstrdup(date == RV_DATE_NONE ? "now" : buf);
}

/* ---- timelines: a sweep over the history entries of each review, in date order ---- */

struct event {
	size_t group;
	int32_t date;
	size_t rec;
	size_t k; /* position in the recommendation's sorted history */
	enum rv_status status;
	enum rv_decision decision;
};

static int compare_event(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->rec != y->rec)
		return x->rec < y->rec ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/*
 * A point per distinct dated history entry of the review that gives a status or a decision (an entry
 * with a note alone, a progress line, moves nothing) up to as_of when given, each counting the
 * review's recommendations as rv_status_as_of / rv_decision_as_of give them on that date: everything
 * starts at NONE and each entry, in date order, moves its recommendation.
 */
static void build_timelines(const struct rv_model *m, int32_t as_of, const size_t *group_of,
			    struct rv_summary *s)
{
	size_t nev = 0;
	for (size_t i = 0; i < m->nrecs; i++)
		nev += rv_rec_child_count(m, i, RV_HISTORY);
	struct event *ev = xcalloc(nev + 1, sizeof(*ev));
	size_t n = 0;
	for (size_t i = 0; i < m->nrecs; i++) {
		for (size_t k = 0; k < rv_rec_child_count(m, i, RV_HISTORY); k++) {
			const struct rv_child *h = rv_rec_child(m, i, RV_HISTORY, k);
			if ((as_of != RV_DATE_NONE && h->date > as_of) ||
			    (h->status == RV_STATUS_NONE && h->decision == RV_DECISION_NONE))
				continue;
			ev[n++] = (struct event){group_of[i], h->date, i, k, h->status, h->decision};
		}
	}
	qsort(ev, n, sizeof(*ev), compare_event);

	/* Before any dated entry each recommendation stands where an undated value puts it (see rv_*_as_of). */
	enum rv_status *st = xcalloc(m->nrecs + 1, sizeof(*st));
	enum rv_decision *dec = xcalloc(m->nrecs + 1, sizeof(*dec));
	struct rv_tally *start = xcalloc(s->nreviews + 1, sizeof(*start));
	for (size_t i = 0; i < m->nrecs; i++) {
		st[i] = rv_rec_status_at_start(m, i);
		dec[i] = rv_rec_decision_at_start(m, i);
		start[group_of[i]].by_status[st[i]]++;
		start[group_of[i]].by_decision[dec[i]]++;
	}
	s->ntimelines = s->nreviews;
	s->timelines = xcalloc(s->nreviews + 1, sizeof(*s->timelines));
	size_t e = 0;
	for (size_t g = 0; g < s->nreviews; g++) {
		struct rv_timeline *tl = &s->timelines[g];
		tl->review = xstrdup(s->reviews[g].label);
		struct rv_tally cur = start[g];
		cur.total = s->reviews[g].total;
		size_t cap = 0;
		while (e < n && ev[e].group == g) {
			int32_t date = ev[e].date;
			for (; e < n && ev[e].group == g && ev[e].date == date; e++) {
				size_t r = ev[e].rec;
				if (ev[e].status != RV_STATUS_NONE) {
					cur.by_status[st[r]]--;
					cur.by_status[st[r] = ev[e].status]++;
				}
				if (ev[e].decision != RV_DECISION_NONE) {
					cur.by_decision[dec[r]]--;
					cur.by_decision[dec[r] = ev[e].decision]++;
				}
			}
			if (date == RV_DATE_NONE) /* undated entries count from the start; no point of their own */
				continue;
			if (tl->n == cap) {
				cap = cap ? cap * 2 : 8;
				tl->points = xreallocarray(tl->points, cap, sizeof(*tl->points));
			}
			tl->points[tl->n] = cur;
			tl->points[tl->n++].label = date_label(date);
		}
	}
	free(start);
	free(dec);
	free(st);
	free(ev);
}

/* The key a topic is grouped by: its key (topic_key.h); no topic is a group of its own. */
static char *topic_group_key(const struct rv_model *m, size_t rec)
{
	struct rv_text t = rv_rec_field(m, rec, REC_TOPIC);
	struct strbuf sb;
	sb_init(&sb);
	if (t.len == 0)
		sb_adds(&sb, "\x01");
	else
		rv_topic_key(t.ptr, t.len, &sb);
	char *r = sb_detach(&sb);
	sb_free(&sb);
	return r;
}

static void count_spelling(struct rv_tally *t, const char *text)
{
	for (size_t k = 0; k < t->nspellings; k++)
		if (strcmp(t->spellings[k].text, text) == 0) {
			t->spellings[k].count++;
			return;
		}
	t->spellings = xreallocarray(t->spellings, t->nspellings + 1, sizeof(*t->spellings));
	t->spellings[t->nspellings++] = (struct rv_spelling){xstrdup(text), 1};
}

/* A group's label: its most common spelling (of equals, the first), put first among its spellings;
 * a group of one spelling keeps no list. */
static void label_group(struct rv_tally *t)
{
	size_t best = 0;
	for (size_t k = 1; k < t->nspellings; k++)
		if (t->spellings[k].count > t->spellings[best].count)
			best = k;
	struct rv_spelling top = t->spellings[best];
	memmove(t->spellings + 1, t->spellings, best * sizeof(*t->spellings));
	t->spellings[0] = top;
	t->label = xstrdup(top.text);
	if (t->nspellings == 1) {
		free(t->spellings[0].text);
		free(t->spellings);
		t->spellings = NULL;
		t->nspellings = 0;
	}
}

/* The topics grouped by key: topic_of[i] is recommendation i's group; topics are the spellings. */
static void group_topics(const struct rv_model *m, char **topics, size_t n, size_t *topic_of, struct rv_summary *out)
{
	char **keys = xcalloc(n + 1, sizeof(*keys));
	for (size_t i = 0; i < n; i++)
		keys[i] = topic_group_key(m, i);
	char **names;
	out->ntopics = group_labels(keys, n, topic_of, &names);
	out->topics = xcalloc(out->ntopics + 1, sizeof(*out->topics));
	for (size_t i = 0; i < n; i++)
		count_spelling(&out->topics[topic_of[i]], topics[i]);
	for (size_t g = 0; g < out->ntopics; g++) {
		label_group(&out->topics[g]);
		free(names[g]);
	}
	free(names);
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

static void build(const struct rv_model *m, int32_t as_of, bool grouped, struct rv_summary *out)
{
	memset(out, 0, sizeof(*out));
	out->as_of = as_of;
	size_t n = m->nrecs;
	char **reviews = xcalloc(n + 1, sizeof(*reviews));
	char **topics = xcalloc(n + 1, sizeof(*topics));
	size_t *review_of = xcalloc(n + 1, sizeof(*review_of));
	size_t *topic_of = xcalloc(n + 1, sizeof(*topic_of));
	for (size_t i = 0; i < n; i++) {
		reviews[i] = sanitized(rv_rec_review_of(m, i), "(no review)");
		topics[i] = sanitized(rv_rec_field(m, i, REC_TOPIC), "(no topic)");
	}
	char **names;
	out->nreviews = group_labels(reviews, n, review_of, &names);
	out->reviews = xcalloc(out->nreviews + 1, sizeof(*out->reviews));
	for (size_t g = 0; g < out->nreviews; g++)
		out->reviews[g].label = names[g];
	free(names);
	if (grouped)
		group_topics(m, topics, n, topic_of, out);
	else {
		out->ntopics = group_labels(topics, n, topic_of, &names);
		out->topics = xcalloc(out->ntopics + 1, sizeof(*out->topics));
		for (size_t g = 0; g < out->ntopics; g++)
			out->topics[g].label = names[g];
		free(names);
	}

	for (size_t i = 0; i < n; i++) {
		enum rv_decision d = rv_decision_as_of(m, i, as_of);
		enum rv_status st = rv_status_as_of(m, i, as_of);
		struct rv_tally *review = &out->reviews[review_of[i]];
		tally_add(review, d, st);
		review->questions += rv_rec_child_count(m, i, RV_QUESTIONS);
		/* Items as they stood on the date: a deliverable done today is not done on 2015-06-30. */
		review->questions_open += rv_rec_open_questions_as_of(m, i, as_of);
		review->deliverables += rv_rec_child_count(m, i, RV_DELIVERABLES);
		review->deliverables_overdue += rv_rec_overdue_as_of(m, i, as_of);
		review->deliverables_done += rv_rec_deliverables_done_as_of(m, i, as_of);
		tally_add(&out->topics[topic_of[i]], d, st);
		free(reviews[i]);
		free(topics[i]);
	}
	build_timelines(m, as_of, review_of, out);
	free(topic_of);
	free(review_of);
	free(topics);
	free(reviews);
}

void rv_summary_build(const struct rv_model *m, int32_t as_of, struct rv_summary *out)
{
	build(m, as_of, false, out);
}

void rv_summary_build_grouped(const struct rv_model *m, int32_t as_of, struct rv_summary *out)
{
	build(m, as_of, true, out);
}

void rv_summary_free(struct rv_summary *s)
{
	for (size_t i = 0; i < s->nreviews; i++)
		free(s->reviews[i].label);
	for (size_t i = 0; i < s->ntopics; i++) {
		free(s->topics[i].label);
		for (size_t k = 0; k < s->topics[i].nspellings; k++)
			free(s->topics[i].spellings[k].text);
		free(s->topics[i].spellings);
	}
	for (size_t i = 0; i < s->ntimelines; i++) {
		for (size_t k = 0; k < s->timelines[i].n; k++)
			free(s->timelines[i].points[k].label);
		free(s->timelines[i].points);
		free(s->timelines[i].review);
	}
	free(s->reviews);
	free(s->topics);
	free(s->timelines);
	memset(s, 0, sizeof(*s));
}

/* ---- text ---- */

#define PART_LABEL_WIDTH 17 /* "! behind schedule" */

/* A value's fill pattern, the dashboard's (theme.c); ascii: the ASCII set. */
static const char *part_pattern(bool is_status, int value, bool ascii)
{
	return is_status ? rv_status_pattern((enum rv_status)value, ascii)
			 : rv_decision_pattern((enum rv_decision)value, ascii);
}

static const char *decision_word(enum rv_decision d)
{
	return d == RV_DECISION_NONE ? "no decision" : rv_decision_name(d);
}

static const char *status_word(enum rv_status st)
{
	return st == RV_STATUS_NONE ? "no status" : rv_status_name(st);
}

/* Parts in a fixed order: the named values first, NONE last. */
static const enum rv_decision decision_order[RV_DECISION_COUNT] = {
	RV_DECISION_APPROVED, RV_DECISION_REJECTED, RV_DECISION_PENDING, RV_DECISION_UNKNOWN, RV_DECISION_NONE,
};
static const enum rv_status status_order[RV_STATUS_COUNT] = {
	RV_STATUS_COMPLETE, RV_STATUS_PROGRESS, RV_STATUS_BEHIND, RV_STATUS_PLANNING,
	RV_STATUS_NOT_STARTED, RV_STATUS_UNKNOWN, RV_STATUS_NONE,
};

/* "✓ complete" or "approved": the glyph (statuses) and the word. */
static void part_label(struct strbuf *sb, bool is_status, int value, bool ascii)
{
	if (is_status) {
		enum rv_status st = (enum rv_status)value;
		sb_addf(sb, "%s %s", st == RV_STATUS_NONE ? "-" : rv_status_glyph(st, ascii), status_word(st));
	} else {
		sb_adds(sb, decision_word((enum rv_decision)value));
	}
}

/* Ends a line: cut to width columns, so that no line is ever wider. */
static void emit(struct strbuf *out, struct strbuf *line, int width)
{
	text_cut(out, line->data, line->len, width, false);
	sb_addc(out, '\n');
	sb_reset(line);
}

static void pad_to(struct strbuf *line, int col, int want)
{
	for (; col < want; col++)
		sb_addc(line, ' ');
}

/* Appends a sanitised label cut to at most width columns and padded to exactly width. */
static void add_cell(struct strbuf *line, const char *s, int width)
{
	int used = text_cut(line, s, strlen(s), width, false);
	pad_to(line, used, width);
}

static int digits(size_t n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/*
 * One line per value with a non-zero count: "  status    ✓ complete         20 ███████", the bar
 * proportional to the count among total, as long as the width leaves room for.
 */
static void bars(struct strbuf *out, struct strbuf *line, const char *axis, bool is_status, const size_t *counts,
		 size_t total, int numw, int width, bool ascii)
{
	int prefix = 2 + 10 + PART_LABEL_WIDTH + 1 + numw + 1;
	int barmax = width - prefix;
	int nvalues = is_status ? RV_STATUS_COUNT : RV_DECISION_COUNT;
	bool first = true;
	for (int i = 0; i < nvalues; i++) {
		int v = is_status ? (int)status_order[i] : (int)decision_order[i];
		size_t c = counts[v];
		if (!c)
			continue;
		sb_adds(line, "  ");
		add_cell(line, first ? axis : "", 10);
		first = false;
		struct strbuf label;
		sb_init(&label);
		part_label(&label, is_status, v, ascii);
		add_cell(line, label.data, PART_LABEL_WIDTH);
		sb_free(&label);
		sb_addf(line, " %*zu", numw, c);
		if (barmax > 0 && total) {
			size_t len = (c * (size_t)barmax + total / 2) / total;
			if (len == 0)
				len = 1;
			sb_addc(line, ' ');
			const char *fill = part_pattern(is_status, v, ascii); /* distinct without colour */
			for (size_t k = 0; k < len && k < (size_t)barmax; k++)
				sb_adds(line, fill);
		}
		emit(out, line, width);
	}
}

/* Parts that flow onto continuation lines (indented to indent) when the width is used up. */
struct flow {
	struct strbuf *out, *line;
	int col, indent, width;
	bool fresh; /* nothing on the line after its lead yet */
	bool ascii; /* ASCII glyphs and patterns */
};

static void flow_add(struct flow *f, const char *part)
{
	int w = text_width(part, strlen(part));
	if (!f->fresh && f->col + 2 + w > f->width) {
		emit(f->out, f->line, f->width);
		pad_to(f->line, 0, f->indent);
		f->col = f->indent;
		f->fresh = true;
	}
	if (!f->fresh) {
		sb_adds(f->line, "  ");
		f->col += 2;
	}
	sb_adds(f->line, part);
	f->col += w;
	f->fresh = false;
}

/* "approved 28  ✓ complete 20  ○ in progress 8": every non-zero count, decisions then statuses. */
static void flow_tally(struct flow *f, const struct rv_tally *t)
{
	struct strbuf part;
	sb_init(&part);
	for (int i = 0; i < RV_DECISION_COUNT; i++) {
		if (!t->by_decision[decision_order[i]])
			continue;
		sb_reset(&part);
		sb_addf(&part, "%s ", part_pattern(false, (int)decision_order[i], f->ascii));
		part_label(&part, false, (int)decision_order[i], f->ascii);
		sb_addf(&part, " %zu", t->by_decision[decision_order[i]]);
		flow_add(f, part.data);
	}
	for (int i = 0; i < RV_STATUS_COUNT; i++) {
		if (!t->by_status[status_order[i]])
			continue;
		sb_reset(&part);
		sb_addf(&part, "%s ", part_pattern(true, (int)status_order[i], f->ascii));
		part_label(&part, true, (int)status_order[i], f->ascii);
		sb_addf(&part, " %zu", t->by_status[status_order[i]]);
		flow_add(f, part.data);
	}
	sb_free(&part);
	if (f->line->len)
		emit(f->out, f->line, f->width);
}

static int max_label_width(const struct rv_tally *t, size_t n, int floor, int ceiling)
{
	int w = floor;
	for (size_t i = 0; i < n; i++) {
		int lw = text_width(t[i].label, strlen(t[i].label));
		if (lw > w)
			w = lw;
	}
	return w < ceiling ? w : ceiling;
}

/*
 * The report: a heading line with the date (or "now") and the total; per review its count and bars
 * per decision and status; "Over time": the counts of each review at each date of its history; "By
 * topic": the counts per topic. Words and glyphs name every count; no line is wider than width.
 */
void rv_summary_text(const struct rv_summary *s, int width, struct strbuf *out)
{
	rv_summary_text_glyphs(s, width, false, out);
}

void rv_summary_text_glyphs(const struct rv_summary *s, int width, bool ascii, struct strbuf *out)
{
	if (width < 1)
		width = 1;
	struct strbuf line;
	sb_init(&line);
	size_t total = 0, maxtotal = 0;
	for (size_t i = 0; i < s->nreviews; i++) {
		total += s->reviews[i].total;
		if (s->reviews[i].total > maxtotal)
			maxtotal = s->reviews[i].total;
	}
	char date[16];
	rv_date_format(s->as_of, date, sizeof(date));
	if (s->as_of == RV_DATE_NONE)
		sb_adds(&line, "Now: ");
	else
		sb_addf(&line, "As of %s: ", date);
	sb_addf(&line, "%zu recommendation%s in %zu review%s", total, total == 1 ? "" : "s", s->nreviews,
		s->nreviews == 1 ? "" : "s");
	emit(out, &line, width);

	int numw = digits(maxtotal);
	for (size_t i = 0; i < s->nreviews; i++) {
		const struct rv_tally *t = &s->reviews[i];
		emit(out, &line, width);
		text_cut(&line, t->label, strlen(t->label), width / 2 > 12 ? width / 2 : 12, false);
		sb_addf(&line, "  %zu recommendation%s", t->total, t->total == 1 ? "" : "s");
		emit(out, &line, width);
		bars(out, &line, "decision", false, t->by_decision, t->total, numw, width, ascii);
		bars(out, &line, "status", true, t->by_status, t->total, numw, width, ascii);
		if (t->questions || t->deliverables) {
			sb_adds(&line, "  items     ");
			if (t->questions)
				sb_addf(&line, "open questions %zu of %zu", t->questions_open, t->questions);
			if (t->questions && t->deliverables)
				sb_adds(&line, ", ");
			if (t->deliverables)
				sb_addf(&line, "overdue deliverables %zu of %zu, %zu done", t->deliverables_overdue,
					t->deliverables, t->deliverables_done);
			emit(out, &line, width);
		}
	}

	emit(out, &line, width);
	sb_adds(&line, "Over time");
	if (s->as_of != RV_DATE_NONE)
		sb_addf(&line, " (up to %s)", date);
	emit(out, &line, width);
	int revw = max_label_width(s->reviews, s->nreviews, 4, 12);
	for (size_t i = 0; i < s->ntimelines; i++) {
		const struct rv_timeline *tl = &s->timelines[i];
		add_cell(&line, tl->review, revw);
		if (tl->n == 0) {
			sb_adds(&line, "  (no dated history)");
			emit(out, &line, width);
		}
		for (size_t k = 0; k < tl->n; k++) {
			if (k)
				pad_to(&line, 0, revw);
			sb_adds(&line, "  ");
			add_cell(&line, tl->points[k].label, 10);
			struct flow f = {out, &line, revw + 2 + 10, revw + 2 + 10 + 2, width, false, ascii};
			flow_tally(&f, &tl->points[k]);
		}
	}

	emit(out, &line, width);
	sb_adds(&line, "By topic");
	emit(out, &line, width);
	int topw = max_label_width(s->topics, s->ntopics, 10, width / 2 > 20 ? width / 2 : 20);
	int totw = digits(maxtotal);
	for (size_t i = 0; i < s->ntopics; i++) {
		const struct rv_tally *t = &s->topics[i];
		sb_adds(&line, "  ");
		add_cell(&line, t->label, topw);
		sb_addf(&line, "  %*zu", totw, t->total);
		int indent = 2 + topw + 2 + totw;
		struct flow f = {out, &line, indent, indent + 2, width, false, ascii};
		if (width - indent < 24) { /* too narrow beside the label: the counts go below it */
			emit(out, &line, width);
			pad_to(&line, 0, 4);
			f.col = f.indent = 4;
			f.fresh = true;
		}
		flow_tally(&f, t);
	}
	sb_free(&line);
}

static void change_part(struct strbuf *out, const char *axis, const char *from, const char *to)
{
	sb_addf(out, "  %s: %s \xE2\x86\x92 %s", axis, *from ? from : "none", *to ? to : "none");
}

/*
 * "SSR1-4  status: in progress → complete  decision: pending → approved" per recommendation whose
 * state as of to differs from its state as of from (RV_DATE_NONE: now), in id order; then a count.
 */
void rv_changes_between(const struct rv_model *m, int32_t from, int32_t to, struct strbuf *out)
{
	size_t changed = 0;
	for (size_t i = 0; i < m->nrecs; i++) {
		enum rv_status s0 = rv_status_as_of(m, i, from), s1 = rv_status_as_of(m, i, to);
		enum rv_decision d0 = rv_decision_as_of(m, i, from), d1 = rv_decision_as_of(m, i, to);
		if (s0 == s1 && d0 == d1)
			continue;
		struct rv_text id = rv_rec_field(m, i, REC_ID);
		struct strbuf clean;
		sb_init(&clean);
		text_sanitize(&clean, id.ptr, id.len, 0);
		text_cut(out, clean.data, clean.len, 40, false);
		sb_free(&clean);
		if (s0 != s1)
			change_part(out, "status", rv_status_name(s0), rv_status_name(s1));
		if (d0 != d1)
			change_part(out, "decision", rv_decision_name(d0), rv_decision_name(d1));
		sb_addc(out, '\n');
		changed++;
	}
	char a[16], b[16];
	rv_date_format(from, a, sizeof(a));
	rv_date_format(to, b, sizeof(b));
	sb_addf(out, "%zu recommendation%s changed between %s and %s\n", changed, changed == 1 ? "" : "s",
		from == RV_DATE_NONE ? "now" : a, to == RV_DATE_NONE ? "now" : b);
}
