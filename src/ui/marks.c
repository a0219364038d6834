/* marks.c - less-style marks (b, ') and a jump list across views (C-o, C-e); see marks.h. */
#include "recview/marks.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/views.h"

#define JUMPS_MAX 100
#define LETTERS 52

struct place {
	bool set;
	const struct view *view; /* the view it was taken in, to tell that the view in front changed */
	enum view_id id;
	long rec, item;
	enum rv_kind kind;
	size_t lineno, offset;
	struct line line;        /* the line under the cursor, found again by type, ref and sub */
};

struct marks {
	struct place letters[LETTERS];
	struct place jumps[JUMPS_MAX]; /* oldest first */
	size_t njumps, pos;            /* pos == njumps: at none of them (the newest place is the screen) */
	struct place last_from;        /* where the last jump left, for '' */
	struct place before;           /* the place before the key being handled */
	bool moving;                   /* the key moved through marks or the list: not a new jump */
};

static struct marks *state(struct app *app)
{
	if (!app->marks)
		app->marks = xcalloc(1, sizeof(struct marks));
	return app->marks;
}

void marks_free(struct app *app)
{
	free(app->marks);
	app->marks = NULL;
}

/* Views that can be opened again from their id and arguments alone. */
static bool reopenable(enum view_id id)
{
	switch (id) {
	case VIEW_RECS: case VIEW_REC: case VIEW_CHILDREN: case VIEW_ITEM: case VIEW_PROBLEMS:
	case VIEW_AGENDA: case VIEW_DASHBOARD: case VIEW_CHANGES: case VIEW_OTHERS: case VIEW_LOG:
	case VIEW_REVIEWS:
		return true;
	default:
		return false;
	}
}

static struct place place_of(const struct view *v)
{
	struct place p = {0};
	if (!v || !reopenable(v->ops->id))
		return p;
	p.set = true;
	p.view = v;
	p.id = v->ops->id;
	p.rec = v->rec;
	p.item = v->item;
	p.kind = v->kind;
	p.lineno = v->lineno;
	p.offset = v->offset;
	if (v->nlines)
		p.line = v->lines[v->lineno];
	return p;
}

static bool same_view(const struct view *v, const struct place *p)
{
	return v->ops->id == p->id && v->rec == p->rec && v->item == p->item && v->kind == p->kind;
}

static bool same_place(const struct place *a, const struct place *b)
{
	return a->set && b->set && a->id == b->id && a->rec == b->rec && a->item == b->item && a->kind == b->kind &&
	       a->lineno == b->lineno;
}

/* A new view for the place, or NULL when what it was about is gone. */
static struct view *open_view(struct app *app, const struct place *p)
{
	const struct rv_model *m = app->m;
	bool rec_ok = p->rec >= 0 && (size_t)p->rec < m->nrecs;
	bool item_ok = p->item >= 0 && (size_t)p->item < rv_child_total(m, p->kind);
	switch (p->id) {
	case VIEW_RECS: return recs_view_new(app);
	case VIEW_REC: return rec_ok ? rec_view_new(app, (size_t)p->rec) : NULL;
	case VIEW_CHILDREN: return p->rec < 0 || rec_ok ? children_view_new(app, p->kind, p->rec) : NULL;
	case VIEW_ITEM: return item_ok ? item_view_new(app, p->kind, (size_t)p->item) : NULL;
	case VIEW_PROBLEMS: return problems_view_new(app);
	case VIEW_AGENDA: return agenda_view_new(app);
	case VIEW_DASHBOARD: return dashboard_view_new(app);
	case VIEW_CHANGES: return changes_view_new(app);
	case VIEW_OTHERS: return others_view_new(app);
	case VIEW_LOG: return log_view_new(app);
	case VIEW_REVIEWS: return reviews_view_new(app, p->item);
	default: return NULL;
	}
}

/* The cursor on the place's line: the same line of the same item, else the same item, else its number. */
static void restore_cursor(struct app *app, struct view *v, const struct place *p)
{
	size_t best = p->lineno, found = v->nlines;
	for (size_t i = 0; i < v->nlines && found == v->nlines; i++)
		if (v->lines[i].type == p->line.type && v->lines[i].ref == p->line.ref && v->lines[i].sub == p->line.sub)
			found = i;
	for (size_t i = 0; i < v->nlines && found == v->nlines; i++)
		if (v->lines[i].type == p->line.type && v->lines[i].ref == p->line.ref)
			found = i;
	if (found < v->nlines)
		best = found;
	size_t row = p->lineno - p->offset;
	v->offset = best > row ? best - row : 0;
	view_move_to(v, best, app_body_height(v));
	(void)app;
}

/* Shows the place: the view itself when it is still open (the views above it are left as after going
 * back), else a new one. */
static bool go_to(struct app *app, const struct place *p)
{
	size_t k = app->depth;
	while (k > 0 && !same_view(app->stack[k - 1], p))
		k--;
	if (k > 0) {
		while (app->depth > k)
			app_back(app);
	} else {
		struct view *v = open_view(app, p);
		if (!v) {
			app_message(app, C_WARNING, "That place is gone (what it showed is no longer in the data set).");
			return false;
		}
		app_open(app, v);
	}
	restore_cursor(app, app_current(app), p);
	return true;
}

static int letter_index(struct key key)
{
	if (key.is_fn)
		return -1;
	if (key.code >= 'a' && key.code <= 'z')
		return key.code - 'a';
	if (key.code >= 'A' && key.code <= 'Z')
		return 26 + key.code - 'A';
	return -1;
}

/* The key after b or ', asked for on the status line. */
static bool read_after(struct app *app, const char *ask, struct key *key)
{
	app_message(app, C_DIM, "%s", ask);
	app_redraw(app);
	app->message[0] = '\0';
	return app_read_key(app, key);
}

static void set_mark(struct app *app)
{
	struct marks *mk = state(app);
	struct key key;
	if (!read_after(app, "mark: type a letter (a-z, A-Z) to remember this place", &key))
		return;
	int i = letter_index(key);
	struct place p = place_of(app_current(app));
	if (i < 0)
		app_message(app, C_WARNING, "Marks are letters, a-z and A-Z; nothing remembered.");
	else if (!p.set)
		app_message(app, C_WARNING, "This view cannot be a place (its contents come from a prompt): not marked.");
	else {
		mk->letters[i] = p;
		app_message(app, C_DIM, "Place remembered as '%c ('%c returns here)", (char)key.code, (char)key.code);
	}
}

static void push_jump(struct marks *mk, const struct place *p);

/* Goes to p, the place left becoming the one '' returns to; a jump by a mark also joins the jump
 * list (moving through the list does not). */
static void jump_to(struct app *app, struct place p, bool by_mark)
{
	struct marks *mk = state(app);
	struct place here = place_of(app_current(app));
	mk->moving = true;
	if (!go_to(app, &p) || !here.set)
		return;
	mk->last_from = here;
	if (by_mark)
		push_jump(mk, &here);
}

static void goto_mark(struct app *app)
{
	struct marks *mk = state(app);
	struct key key;
	if (!read_after(app, "go to mark: type its letter ('' returns to where the last jump left)", &key))
		return;
	if (!key.is_fn && key.code == '\'') {
		if (!mk->last_from.set)
			app_message(app, C_DIM, "No jump yet to return from.");
		else
			jump_to(app, mk->last_from, true);
		return;
	}
	int i = letter_index(key);
	if (i < 0)
		app_message(app, C_WARNING, "Marks are letters, a-z and A-Z.");
	else if (!mk->letters[i].set)
		app_message(app, C_WARNING, "No place is marked '%c (b then %c remembers one).", (char)key.code, (char)key.code);
	else
		jump_to(app, mk->letters[i], true);
}

static void push_jump(struct marks *mk, const struct place *p)
{
	mk->njumps = mk->pos < mk->njumps ? mk->pos : mk->njumps; /* a new jump drops the places ahead */
	if (mk->njumps && same_place(&mk->jumps[mk->njumps - 1], p)) {
		mk->pos = mk->njumps;
		return;
	}
	if (mk->njumps == JUMPS_MAX) {
		memmove(mk->jumps, mk->jumps + 1, (JUMPS_MAX - 1) * sizeof(*mk->jumps));
		mk->njumps--;
	}
	mk->jumps[mk->njumps++] = *p;
	mk->pos = mk->njumps;
}

static void jump_list(struct app *app, int dir)
{
	struct marks *mk = state(app);
	struct place here = place_of(app_current(app));
	if (dir < 0 && mk->pos == mk->njumps && here.set) {
		/* Leaving the newest place: it joins the list, for C-e to come back to. */
		push_jump(mk, &here);
		mk->pos = mk->njumps - 1;
	}
	size_t to = mk->pos;
	if (dir < 0 ? to == 0 : to + 1 >= mk->njumps) {
		app_message(app, C_DIM, dir < 0 ? "No earlier place in the jump list." : "No later place in the jump list.");
		return;
	}
	to = dir < 0 ? to - 1 : to + 1;
	mk->pos = to;
	jump_to(app, mk->jumps[to], false);
	app_message(app, C_DIM, "Jump list: place %zu of %zu (C-o back, C-e forward)", to + 1, mk->njumps);
}

bool marks_request(struct app *app, enum request req)
{
	switch (req) {
	case REQ_MARK_SET:
		set_mark(app);
		return true;
	case REQ_MARK_GOTO:
		goto_mark(app);
		return true;
	case REQ_JUMP_OLDER:
		jump_list(app, -1);
		return true;
	case REQ_JUMP_NEWER:
		jump_list(app, 1);
		return true;
	default:
		return false;
	}
}

void marks_before_key(struct app *app)
{
	struct marks *mk = state(app);
	mk->before = place_of(app->depth ? app->stack[app->depth - 1] : NULL);
	mk->moving = false;
}

void marks_after_key(struct app *app)
{
	struct marks *mk = state(app);
	const struct view *now = app->depth ? app->stack[app->depth - 1] : NULL;
	if (mk->moving || !mk->before.set || now == mk->before.view)
		return;
	push_jump(mk, &mk->before);
	mk->last_from = mk->before;
}
