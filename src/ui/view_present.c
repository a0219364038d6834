/*
 * view_present.c - walking a meeting through the agenda on a projector: one recommendation per
 * screen, the id and status large, generous margins, a one-line footer with the position and the time
 * spent on this item. Space, PgDn and Right go on; PgUp and Left go back; Enter opens the usual page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recview/arena.h"
#include "recview/app.h"
#include "recview/copy.h"
#include "recview/finding.h"
#include "recview/prompt.h"
#include "recview/target.h"
#include "recview/keys.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/query.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/views.h"

enum {
	PL_BIG,      /* a row of the block-letter id; sub: which row */
	PL_ID,       /* the id, when there is no room for block letters */
	PL_STATE,    /* glyph, status, decision, priority */
	PL_TOPIC,
	PL_BLANK,
	PL_TEXT,
	PL_HEADING,
	PL_DELIVERABLE, /* ref: child */
	PL_LATEST,   /* the latest history entry's date and state; ref: child */
	PL_NOTE,     /* its note, or the next question */
	PL_EMPTY,
	PL_AS_OF,    /* the first row, when a date is in force: "as of DATE" (the slide has no title bar) */
};

struct present_state {
	uint32_t *recs;  /* what is walked through */
	enum present_source from;
	size_t n, at;
	double shown_at; /* when the current item's clock last ran */
};

/* ---- block letters: 5 rows, 4 columns wide, for ids at projector sizes ---- */

static const char *glyph_rows(char c)
{
	static const struct {
		char c;
		const char *rows; /* 5 rows of 3 cells, '#' filled */
	} font[] = {
		{'0', "###" "# #" "# #" "# #" "###"}, {'1', " # " "## " " # " " # " "###"},
		{'2', "###" "  #" "###" "#  " "###"}, {'3', "###" "  #" " ##" "  #" "###"},
		{'4', "# #" "# #" "###" "  #" "  #"}, {'5', "###" "#  " "###" "  #" "###"},
		{'6', "###" "#  " "###" "# #" "###"}, {'7', "###" "  #" "  #" "  #" "  #"},
		{'8', "###" "# #" "###" "# #" "###"}, {'9', "###" "# #" "###" "  #" "###"},
		{'S', "###" "#  " "###" "  #" "###"}, {'R', "## " "# #" "## " "# #" "# #"},
		{'-', "   " "   " "###" "   " "   "}, {'.', "   " "   " "   " "   " " # "},
		{'A', " # " "# #" "###" "# #" "# #"}, {'B', "## " "# #" "## " "# #" "## "},
		{'C', "###" "#  " "#  " "#  " "###"}, {'D', "## " "# #" "# #" "# #" "## "},
		{'E', "###" "#  " "## " "#  " "###"}, {'H', "# #" "# #" "###" "# #" "# #"},
		{'T', "###" " # " " # " " # " " # "}, {' ', "   " "   " "   " "   " "   "},
	};
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	for (size_t i = 0; i < sizeof(font) / sizeof(*font); i++)
		if (font[i].c == c)
			return font[i].rows;
	return NULL;
}

/* True when every character of the id has a block letter and it fits. */
static bool can_draw_big(const struct rv_text id, int width)
{
	if (!id.len || (int)id.len * 4 > width)
		return false;
	for (uint32_t i = 0; i < id.len; i++)
		if (!glyph_rows(id.ptr[i]))
			return false;
	return true;
}

/* ---- building one screen ---- */

static int margin(const struct view *v)
{
	return v->width >= 100 ? v->width / 10 : 2;
}

static int text_width_for(const struct view *v)
{
	int w = v->width - 2 * margin(v);
	return w > 20 ? w : 20;
}

static void add_text(struct view *v, uint16_t type, uint32_t ref, const char *s, size_t len)
{
	view_add_wrapped(v, type, ref, false, s, len, text_width_for(v));
}

static bool present_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	struct present_state *st = v->data;
	const struct rv_model *m = v->app->m;
	if (!st->n) {
		view_add_line(v, PL_EMPTY, 0, false);
		return true;
	}
	size_t rec = st->recs[st->at];
	const struct rv_rec *r = rv_rec_at(m, rec);
	v->rec = (long)rec;

	struct rv_text id = rv_rec_field(m, rec, REC_ID);
	view_add_line(v, v->app->as_of != RV_DATE_NONE ? PL_AS_OF : PL_BLANK, 0, false);
	if (v->width >= 120 && LINES >= 40 && can_draw_big(id, text_width_for(v))) {
		for (uint32_t row = 0; row < 5; row++)
			view_add_line(v, PL_BIG, row, false)->sub = row;
	} else {
		view_add_line(v, PL_ID, 0, false);
	}
	view_add_line(v, PL_BLANK, 0, false);
	view_add_line(v, PL_STATE, 0, false);
	struct rv_text topic = rv_rec_field(m, rec, REC_TOPIC);
	struct rv_text title = rv_rec_field(m, rec, REC_TITLE);
	if (topic.len)
		add_text(v, PL_TOPIC, 0, topic.ptr, topic.len);
	if (title.len)
		add_text(v, PL_TOPIC, 1, title.ptr, title.len);
	/* More room, more air. */
	int gap = LINES >= 40 ? 2 : 1;
	for (int i = 0; i < gap; i++)
		view_add_line(v, PL_BLANK, 0, false);
	struct rv_text text = rv_rec_field(m, rec, REC_TEXT);
	if (text.len)
		add_text(v, PL_TEXT, 0, text.ptr, text.len);

	int32_t day = rv_overdue_day(v->app->as_of);
	if (r->count[RV_DELIVERABLES]) {
		char heading[96];
		size_t overdue = rv_rec_overdue(m, rec, day);
		snprintf(heading, sizeof(heading), "Deliverables  %u of %u done", r->deliverables_done,
			 r->count[RV_DELIVERABLES]);
		if (overdue)
			snprintf(heading + strlen(heading), sizeof(heading) - strlen(heading), ", %zu overdue", overdue);
		for (int i = 0; i < gap; i++)
			view_add_line(v, PL_BLANK, 0, false);
		add_text(v, PL_HEADING, 0, heading, strlen(heading));
		for (size_t k = 0; k < r->count[RV_DELIVERABLES]; k++) {
			const struct rv_child *d = rv_rec_child(m, rec, RV_DELIVERABLES, k);
			struct strbuf line;
			sb_init(&line);
			struct rv_text desc = rv_child_text(m, RV_DELIVERABLES, d, DEL_DESCRIPTION);
			struct rv_text due = rv_child_text(m, RV_DELIVERABLES, d, DEL_DUE);
			sb_add(&line, desc.ptr, desc.len);
			if (d->status != RV_STATUS_COMPLETE && due.len) {
				sb_adds(&line, "  (due ");
				sb_add(&line, due.ptr, due.len);
				if (rv_deliverable_overdue(m, rv_child_index_of(m, RV_DELIVERABLES, d), day))
					sb_adds(&line, ", overdue");
				sb_adds(&line, ")");
			}
			view_add_wrapped(v, PL_DELIVERABLE, (uint32_t)rv_child_index_of(m, RV_DELIVERABLES, d), false, line.data,
					 line.len, text_width_for(v) - 4);
			sb_free(&line);
		}
	}
	long latest = rv_rec_latest_entry(m, rec, v->app->as_of); /* never an entry after the date in force */
	if (latest >= 0) {
		const struct rv_child *h = rv_rec_child(m, rec, RV_HISTORY, (size_t)latest);
		for (int i = 0; i < gap; i++)
			view_add_line(v, PL_BLANK, 0, false);
		view_add_line(v, PL_LATEST, (uint32_t)rv_child_index_of(m, RV_HISTORY, h), false);
		struct rv_text note = rv_child_text(m, RV_HISTORY, h, HIST_NOTE);
		if (note.len)
			add_text(v, PL_NOTE, 0, note.ptr, note.len);
	}
	/* Open questions (open or follow-up): how many of all, and the next one. */
	size_t open = 0;
	const struct rv_child *next = NULL;
	for (size_t k = 0; k < r->count[RV_QUESTIONS]; k++) {
		const struct rv_child *q = rv_rec_child(m, rec, RV_QUESTIONS, k);
		if (rv_qstatus_is_open(rv_question_state(m, rv_child_index_of(m, RV_QUESTIONS, q)))) {
			if (!next)
				next = q;
			open++;
		}
	}
	if (open) {
		char heading[64];
		snprintf(heading, sizeof(heading), "Open questions  %zu of %u", open, r->count[RV_QUESTIONS]);
		for (int i = 0; i < gap; i++)
			view_add_line(v, PL_BLANK, 0, false);
		add_text(v, PL_HEADING, 0, heading, strlen(heading));
		struct strbuf line;
		sb_init(&line);
		struct rv_text qid = rv_child_text(m, RV_QUESTIONS, next, Q_QID);
		struct rv_text q = rv_child_text(m, RV_QUESTIONS, next, Q_QUESTION);
		sb_adds(&line, "Next: ");
		sb_add(&line, qid.ptr, qid.len);
		sb_adds(&line, "  ");
		sb_add(&line, q.ptr, q.len);
		add_text(v, PL_NOTE, 1, line.data, line.len);
		sb_free(&line);
	}
	return true;
}

/* ---- drawing ---- */

static void draw_big_row(struct view *v, const struct line *line, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	struct rv_text id = rv_rec_field(m, (size_t)v->rec, REC_ID);
	const char *block = d->ascii ? "#" : "\xE2\x96\x88"; /* █ */
	for (uint32_t i = 0; i < id.len; i++) {
		const char *rows = glyph_rows(id.ptr[i]);
		for (int x = 0; x < 3; x++)
			draw_str(d, rows[line->sub * 3 + x] == '#' ? block : " ", C_ID);
		draw_str(d, " ", C_DEFAULT);
	}
}

static void draw_state(struct view *v, struct draw *d)
{
	const struct rv_model *m = v->app->m;
	size_t rec = (size_t)v->rec;
	enum rv_status status = rv_rec_status(m, rec, v->app->as_of);
	enum rv_decision decision = rv_rec_decision(m, rec, v->app->as_of);
	if (status != RV_STATUS_NONE) {
		draw_str(d, rv_status_glyph(status, d->ascii), status_color(status));
		draw_str(d, " ", C_DEFAULT);
		draw_str(d, rv_status_name(status), status_color(status));
	} else {
		draw_str(d, "no status recorded", C_DIM);
	}
	if (decision != RV_DECISION_NONE) {
		draw_str(d, "    Board: ", C_DIM);
		draw_str(d, rv_decision_name(decision), decision_color(decision));
	}
	struct rv_text pri = rv_rec_field(m, (size_t)v->rec, REC_PRIORITY);
	if (pri.len) {
		draw_str(d, "    priority ", C_DIM);
		draw_text(d, pri.ptr, pri.len, rv_rec_priority(m, rec) == 1 ? C_ERROR : C_HEADING);
	}
	if (rv_agenda_position(v->app->session, (size_t)v->rec) >= 0)
		draw_str(d, "    on the agenda", C_HEADING);
}

static void present_draw(struct view *v, const struct line *line, struct draw *d)
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
		draw_big_row(v, line, d);
		return;
	case PL_ID: {
		struct rv_text id = rv_rec_field(m, (size_t)v->rec, REC_ID);
		draw_text(d, id.ptr, id.len, C_ID);
		return;
	}
	case PL_STATE:
		draw_state(v, d);
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
	case PL_DELIVERABLE: {
		const struct rv_child *c = rv_child_at(m, RV_DELIVERABLES, line->ref);
		bool done = c->status == RV_STATUS_COMPLETE;
		bool late = !done && rv_deliverable_overdue(m, line->ref, rv_overdue_day(v->app->as_of));
		if (line->sub == 0)
			draw_str(d, done ? (d->ascii ? "[x] " : "\xE2\x98\x91 ") : (d->ascii ? "[ ] " : "\xE2\x98\x90 "),
				 done ? C_ST_COMPLETE : late ? C_ERROR : C_ST_PROGRESS);
		else
			draw_str(d, d->ascii ? "    " : "  ", C_DEFAULT);
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	}
	case PL_LATEST: {
		const struct rv_child *h = rv_child_at(m, RV_HISTORY, line->ref);
		struct rv_text date = rv_child_text(m, RV_HISTORY, h, HIST_DATE);
		draw_str(d, "Latest  ", C_HEADING);
		draw_text(d, date.ptr, date.len, C_DATE);
		if (h->status != RV_STATUS_NONE) {
			draw_str(d, "  ", C_DEFAULT);
			draw_str(d, rv_status_glyph(h->status, d->ascii), status_color(h->status));
			draw_str(d, " ", C_DEFAULT);
			draw_str(d, rv_status_name(h->status), status_color(h->status));
		}
		if (h->decision != RV_DECISION_NONE) {
			draw_str(d, "  decision ", C_DIM);
			draw_str(d, rv_decision_name(h->decision), decision_color(h->decision));
		}
		return;
	}
	case PL_NOTE:
		draw_text(d, text, line->len, C_DEFAULT);
		return;
	default:
		return;
	}
}

/* The clock of the current item runs while the walkthrough is on screen. */
static void tick(struct view *v)
{
	struct present_state *st = v->data;
	double now = rv_monotonic_seconds();
	if (st->n && v->app->last_drawn == v)
		rv_session_add_time(v->app->session, st->recs[st->at], now - st->shown_at);
	st->shown_at = now;
}

static void present_footer(struct view *v, struct draw *d)
{
	struct present_state *st = v->data;
	tick(v);
	if (!st->n)
		return;
	char buf[96];
	double spent = 0;
	struct rv_text id = rv_rec_field(v->app->m, st->recs[st->at], REC_ID);
	for (size_t i = 0; i < v->app->session->ntimes; i++)
		if (strlen(v->app->session->times[i].rec_id) == id.len &&
		    memcmp(v->app->session->times[i].rec_id, id.ptr, id.len) == 0)
			spent = v->app->session->times[i].seconds;
	long secs = (long)spent;
	snprintf(buf, sizeof(buf), "  %zu / %zu", st->at + 1, st->n);
	draw_str(d, buf, C_HEADING);
	snprintf(buf, sizeof(buf), "    %ld:%02ld on this item", secs / 60, secs % 60);
	draw_str(d, buf, C_DIM);
}

static void go_to(struct view *v, size_t at)
{
	struct present_state *st = v->data;
	tick(v);
	st->at = at;
	view_clear_lines(v);
	char err[8];
	(void)present_open(v, err, sizeof(err)); /* it never refuses */
	v->lineno = v->offset = 0;
}

bool present_go_to_rec(struct view *v, long rec)
{
	struct present_state *st = v->data;
	for (size_t i = 0; i < st->n; i++)
		if ((long)st->recs[i] == rec) {
			go_to(v, i);
			return true;
		}
	return false;
}

/* Tab after ':' in the walkthrough: the ids of its own items only. */
static void complete_walk_id(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	const struct present_state *st = data;
	char **names = xcalloc(st->n + 1, sizeof(*names));
	for (size_t i = 0; i < st->n; i++) {
		struct rv_text id = rv_rec_field(app->m, st->recs[i], REC_ID);
		names[i] = xcalloc(id.len + 1, 1);
		memcpy(names[i], id.ptr, id.len);
	}
	char prefix[256];
	snprintf(prefix, sizeof(prefix), "%s", text->data ? text->data : "");
	finding_complete(app, text, cursor, 0, prefix, (const char *const *)names, st->n, "");
	for (size_t i = 0; i < st->n; i++)
		free(names[i]);
	free(names);
}

/* ':' in the walkthrough goes to one of its items (an id or a number, as ':' takes them) and stays in it. */
void present_jump(struct view *v)
{
	struct present_state *st = v->data;
	struct prompt_hooks hooks = {.complete = complete_walk_id, .data = st};
	struct strbuf text;
	sb_init(&text);
	snprintf(v->app->hint, sizeof(v->app->hint), "an item of this walkthrough: its id or number; Tab completes");
	bool ok = prompt_read(v->app, ":", &text, &hooks);
	v->app->hint[0] = '\0';
	if (ok && text.len) {
		struct rv_target t;
		char err[320];
		long here = st->n ? (long)st->recs[st->at] : -1;
		if (!rv_target_resolve(v->app->m, text.data, here, &t, err, sizeof(err)))
			app_message(v->app, C_ERROR, "%s", err);
		else if (!present_go_to_rec(v, t.rec))
			app_message(v->app, C_ERROR, "Not an item of this walkthrough");
	}
	sb_free(&text);
}

/* Space, PgDn and Right go to the next item, PgUp and Left to the previous one, Enter opens its page. */
static enum request present_request(struct view *v, enum request req, struct line *line)
{
	struct present_state *st = v->data;
	(void)line;
	if (req == REQ_NEXT_ITEM || req == REQ_PREV_ITEM) {
		bool next = req == REQ_NEXT_ITEM;
		if (next && st->at + 1 < st->n)
			go_to(v, st->at + 1);
		else if (!next && st->at > 0)
			go_to(v, st->at - 1);
		else
			app_message(v->app, C_DIM, next ? "This is the last item." : "This is the first item.");
		return REQ_NONE;
	}
	if (req == REQ_ENTER && st->n) {
		tick(v);
		app_open(v->app, rec_view_new(v->app, st->recs[st->at]));
		return REQ_NONE;
	}
	return req;
}

static const struct keybinding present_keys[] = {
	{{' ', false}, REQ_NEXT_ITEM},      {{KEY_NPAGE, true}, REQ_NEXT_ITEM}, {{KEY_RIGHT, true}, REQ_NEXT_ITEM},
	{{KEY_PPAGE, true}, REQ_PREV_ITEM}, {{KEY_LEFT, true}, REQ_PREV_ITEM},
};

static const struct request_note present_notes[] = {
	{REQ_ENTER, "Open the page of the item shown (Backspace comes back to the walkthrough)"},
};

static const struct view_keymap present_keymap = {
	present_keys, KEYMAP_COUNT(present_keys), present_notes, KEYMAP_COUNT(present_notes),
};

static long present_current_rec(struct view *v)
{
	struct present_state *st = v->data;
	return st->n ? (long)st->recs[st->at] : -1;
}

static void present_crumb(struct view *v, struct strbuf *out)
{
	struct present_state *st = v->data;
	sb_addf(out, "Walkthrough %zu/%zu", st->n ? st->at + 1 : 0, st->n);
}

static void present_done(struct view *v)
{
	struct present_state *st = v->data;
	if (st) {
		tick(v);
		free(st->recs);
	}
}

/* What is walked through: the agenda, else the list as filtered and sorted now. */
static void select_recs(struct present_state *st, struct app *app)
{
	const struct rv_session *s = app->session;
	free(st->recs);
	st->n = 0;
	st->recs = xcalloc(app->m->nrecs + 1, sizeof(*st->recs));
	if (st->from == PRESENT_AGENDA) {
		for (size_t i = 0; i < s->nagenda; i++)
			st->recs[st->n++] = s->agenda[i].rec;
	} else {
		st->n = rv_query_select_as_of(app->m, app->query, app->as_of, (enum rv_sort_key)app->sort_key,
					      app->sort_reverse, st->recs);
	}
}

/* After the files were read again: the same walkthrough, on the same recommendation when it is still there. */
static void present_reload(struct view *v, long cursor_rec)
{
	struct present_state *st = v->data;
	select_recs(st, v->app);
	st->at = 0;
	for (size_t i = 0; i < st->n; i++)
		if ((long)st->recs[i] == (cursor_rec >= 0 ? cursor_rec : v->rec))
			st->at = i;
}

static const struct view_ops present_ops = {
	.id = VIEW_PRESENT,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_REC | SCOPE_AGENDA,
	.reload = present_reload,
	.name = "walkthrough",
	.state_size = sizeof(struct present_state),
	.open = present_open,
	.draw = present_draw,
	.request = present_request,
	.crumb = present_crumb,
	.keymap = &present_keymap,
	.footer = present_footer,
	.fullscreen = true,
	.current_rec = present_current_rec,
	.done = present_done,
};

struct view *present_view_new(struct app *app, enum present_source from)
{
	struct present_state init = {0};
	init.from = from;
	select_recs(&init, app);
	init.shown_at = rv_monotonic_seconds();
	return view_new_with(app, &present_ops, -1, -1, RV_RECS, &init);
}

struct view *present_view_choose(struct app *app)
{
	const char *pref = app->opt ? app->opt->present : NULL;
	struct view *cur = app_current(app);
	if (!app->session->nagenda)
		return present_view_new(app, PRESENT_LIST);
	if ((cur && cur->ops->id == VIEW_AGENDA) || (pref && strcmp(pref, "agenda") == 0))
		return present_view_new(app, PRESENT_AGENDA);
	if (pref && strcmp(pref, "list") == 0)
		return present_view_new(app, PRESENT_LIST);
	struct key key;
	if (!copy_ask_key(app, "Present: a the agenda, l the list as filtered now (Esc: nothing) ", &key) || key.is_fn)
		return NULL;
	if (key.code == 'a')
		return present_view_new(app, PRESENT_AGENDA);
	if (key.code == 'l')
		return present_view_new(app, PRESENT_LIST);
	return NULL;
}
