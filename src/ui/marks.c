/* marks.c - less-style marks (b, ') and a jump list across views (C-o, C-e); see marks.h. */
#include "recview/marks.h"

#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/views.h"

#define JUMPS_MAX 100
#define LETTERS 52

/*
 * What a place is about, in terms that survive the files being read again (a merge or a reload after
 * someone else's save moves indices): a recommendation by its id, a child by its recommendation's id
 * and its position among that recommendation's children of its kind.
 */
struct item_key {
	bool set;
	enum rv_kind kind;
	char rec_id[128];  /* empty: a child whose recommendation is unknown (then index is its own) */
	size_t ordinal;    /* the how-many-th child of its recommendation */
	size_t index;      /* the index itself, for a child without recommendation */
};

struct place {
	bool set;
	const struct view *view; /* the view it was taken in, to tell that the view in front changed */
	enum view_id id;
	long rec, item;          /* as when taken; rec_key and item_key find them again */
	enum rv_kind kind;
	struct item_key rec_key, item_key;
	size_t lineno, offset;
	struct line line;        /* the line under the cursor, found again by what it is about, type and sub */
	struct item_key cursor_rec, cursor_item; /* what the line under the cursor is about */
	unsigned long generation; /* the model's when taken: line refs are only trusted at the same one */
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

static struct item_key key_of(const struct rv_model *m, struct rv_item it)
{
	struct item_key k = {.kind = it.kind, .index = it.index};
	long rec = it.kind == RV_RECS ? (long)it.index : it.index < rv_child_total(m, it.kind) ? rv_item_rec(m, it) : -2;
	if (rec == -2 || (it.kind == RV_RECS && it.index >= m->nrecs))
		return k;
	k.set = true;
	if (rec < 0)
		return k;
	struct rv_text id = rv_rec_id(m, (size_t)rec);
	if (id.len >= sizeof(k.rec_id)) /* too long to keep: found by index */
		return k;
	memcpy(k.rec_id, id.ptr, id.len);
	for (size_t i = 0; it.kind != RV_RECS && i < rv_rec_child_count(m, (size_t)rec, it.kind); i++)
		if (rv_rec_child_index(m, (size_t)rec, it.kind, i) == it.index)
			k.ordinal = i;
	return k;
}

/* The item a key names in the model as it is now; false when it is gone. */
static bool item_of(const struct rv_model *m, const struct item_key *k, struct rv_item *out)
{
	if (!k->set)
		return false;
	*out = (struct rv_item){k->kind, k->index};
	if (!k->rec_id[0])
		return k->kind == RV_RECS ? k->index < m->nrecs : k->index < rv_child_total(m, k->kind);
	long rec = rv_find_rec(m, k->rec_id, strlen(k->rec_id));
	if (rec < 0)
		return false;
	if (k->kind == RV_RECS) {
		out->index = (size_t)rec;
		return true;
	}
	if (k->ordinal >= rv_rec_child_count(m, (size_t)rec, k->kind))
		return false;
	out->index = rv_rec_child_index(m, (size_t)rec, k->kind, k->ordinal);
	return true;
}

static bool same_key(const struct item_key *a, const struct item_key *b)
{
	return a->set == b->set && (!a->set || (a->kind == b->kind && strcmp(a->rec_id, b->rec_id) == 0 &&
						(a->rec_id[0] ? a->ordinal == b->ordinal : a->index == b->index)));
}

/* What the line under v's cursor is about: its recommendation and its item (either may be unset). */
static void cursor_keys(const struct view *v, struct item_key *rec, struct item_key *item)
{
	const struct rv_model *m = v->app->m;
	struct rv_item it;
	long r = view_current_rec(v);
	*rec = r >= 0 ? key_of(m, (struct rv_item){RV_RECS, (size_t)r}) : (struct item_key){0};
	*item = (struct item_key){0};
	if (children_view_current_row(v, &it) || view_current_item(v, &it))
		*item = key_of(m, it);
}

static struct place place_of(const struct view *v)
{
	struct place p = {0};
	if (!v || !reopenable(v->ops->id))
		return p;
	const struct rv_model *m = v->app->m;
	p.set = true;
	p.view = v;
	p.id = v->ops->id;
	p.rec = v->rec;
	p.item = v->item;
	p.kind = v->kind;
	if (v->rec >= 0)
		p.rec_key = key_of(m, (struct rv_item){RV_RECS, (size_t)v->rec});
	if (v->item >= 0 && v->kind != RV_RECS && p.id != VIEW_REVIEWS)
		p.item_key = key_of(m, (struct rv_item){v->kind, (size_t)v->item});
	p.lineno = v->lineno;
	p.offset = v->offset;
	p.generation = m->generation;
	if (v->nlines) {
		p.line = v->lines[v->lineno];
		cursor_keys(v, &p.cursor_rec, &p.cursor_item);
	}
	return p;
}

/*
 * The place's recommendation and item as indices in the model now (into p); false when either is
 * gone. A place taken in a view about no recommendation or item keeps what it had.
 */
static bool resolve(const struct rv_model *m, struct place *p)
{
	struct rv_item it;
	if (p->rec_key.set) {
		if (!item_of(m, &p->rec_key, &it))
			return false;
		p->rec = (long)it.index;
	}
	if (p->item_key.set) {
		if (!item_of(m, &p->item_key, &it))
			return false;
		p->item = (long)it.index;
	}
	return true;
}

static bool same_view(const struct view *v, const struct place *p)
{
	return v->ops->id == p->id && v->rec == p->rec && v->item == p->item && v->kind == p->kind;
}

static bool same_place(const struct place *a, const struct place *b)
{
	return a->set && b->set && a->id == b->id && a->kind == b->kind && same_key(&a->rec_key, &b->rec_key) &&
	       same_key(&a->item_key, &b->item_key) && (a->rec_key.set || a->rec == b->rec) &&
	       (a->item_key.set || a->item == b->item) && a->lineno == b->lineno;
}

/* A new view for the place (resolved), or NULL when what it was about is gone. */
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

/* How well line i of v matches the place's line: -1 not about the same thing; higher is closer. */
static int line_score(struct view *v, size_t i, const struct place *p, bool same_model)
{
	const struct line *l = &v->lines[i];
	struct item_key rec, item;
	v->lineno = i;
	cursor_keys(v, &rec, &item);
	if (!same_key(&rec, &p->cursor_rec) || !same_key(&item, &p->cursor_item))
		return -1;
	if (l->type != p->line.type)
		return 0;
	if (l->sub != p->line.sub)
		return 1;
	/* A line's ref may be an index the new reading moved: trusted only in the same model. */
	return same_model && l->ref == p->line.ref ? 3 : 2;
}

/* The line about what the place's line was about (nearest its row among equals); false: none is. */
static bool find_line(struct app *app, struct view *v, const struct place *p, size_t *out)
{
	bool same_model = p->generation == app->m->generation;
	if (same_model && !p->cursor_rec.set && !p->cursor_item.set) {
		*out = p->lineno < v->nlines ? p->lineno : v->nlines ? v->nlines - 1 : 0;
		return true;
	}
	size_t saved = v->lineno, best = 0;
	int best_score = -1;
	for (size_t i = 0; i < v->nlines; i++) {
		int score = line_score(v, i, p, same_model);
		size_t dist = i > p->lineno ? i - p->lineno : p->lineno - i;
		size_t best_dist = best > p->lineno ? best - p->lineno : p->lineno - best;
		if (score > best_score || (score == best_score && score >= 0 && dist < best_dist)) {
			best = i;
			best_score = score;
		}
	}
	v->lineno = saved;
	*out = best;
	return best_score >= 0;
}

/* The cursor on the place's line, found by what it is about; says so when no line is about it now. */
static void restore_cursor(struct app *app, struct view *v, const struct place *p)
{
	size_t best;
	if (!find_line(app, v, p, &best)) {
		app_message(app, C_WARNING, "The marked line is gone (what it showed is no longer in this view).");
		best = p->lineno < v->nlines ? p->lineno : v->nlines ? v->nlines - 1 : 0;
	}
	size_t row = p->lineno - p->offset;
	v->offset = best > row ? best - row : 0;
	view_move_to(v, best, app_body_height(v));
}

/* Shows the place: the view itself when it is still open (the views above it are left as after going
 * back), else a new one. */
static bool go_to(struct app *app, const struct place *taken)
{
	struct place resolved = *taken, *p = &resolved;
	if (!resolve(app->m, p)) {
		app_message(app, C_WARNING, "That place is gone (what it showed is no longer in the data set).");
		return false;
	}
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
