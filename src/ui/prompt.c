/* prompt.c - the status-line editor. */
#include "recview/prompt.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "recview/app.h"
#include "recview/arena.h"
#include "recview/text.h"
#include "recview/utf8.h"

#define CTRL(c) ((c) & 0x1f)

void prompt_history_add(struct prompt_history *h, const char *text)
{
	if (!*text)
		return;
	if (h->n && strcmp(h->items[h->n - 1], text) == 0)
		return;
	if (h->n == PROMPT_HISTORY_MAX) {
		free(h->items[0]);
		memmove(h->items, h->items + 1, (PROMPT_HISTORY_MAX - 1) * sizeof(*h->items));
		h->n--;
	}
	h->items[h->n++] = xstrdup(text);
}

void prompt_history_free(struct prompt_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->items[i]);
	h->n = 0;
}

static size_t prev_char(const char *s, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

static size_t next_char(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	pos++;
	while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

static void delete_range(struct strbuf *t, size_t from, size_t to)
{
	memmove(t->data + from, t->data + to, t->len - to + 1);
	t->len -= to - from;
}

static void insert_at(struct strbuf *t, size_t pos, const char *s, size_t n)
{
	sb_add(t, s, n); /* grow; then shift */
	memmove(t->data + pos + n, t->data + pos, t->len - n - pos);
	memcpy(t->data + pos, s, n);
}

static size_t word_start(const char *s, size_t pos)
{
	while (pos > 0 && s[pos - 1] == ' ')
		pos--;
	while (pos > 0 && s[pos - 1] != ' ')
		pos--;
	return pos;
}

void prompt_draw(struct app *app, struct prompt_state *p)
{
	struct draw d;
	draw_begin(&d, stdscr, LINES - 1, 0, COLS, false, app->ascii);
	draw_str(&d, p->label, C_HEADING);
	int label_w = d.col;
	int room = COLS - label_w - 1;
	if (room < 1)
		room = 1;
	/* Scroll so that the cursor stays visible. */
	if (p->cursor < p->scroll)
		p->scroll = p->cursor;
	while (text_width(p->text->data + p->scroll, p->cursor - p->scroll) > room)
		p->scroll = next_char(p->text->data, p->text->len, p->scroll);
	draw_text(&d, p->text->data + p->scroll, p->text->len - p->scroll, C_DEFAULT);
	draw_end(&d);
	int cx = label_w + text_width(p->text->data + p->scroll, p->cursor - p->scroll);
	move(LINES - 1, cx < COLS ? cx : COLS - 1);
	curs_set(1);
}

/* Up and Down walk the history; the text being typed is kept as the newest entry. */
static void recall(struct strbuf *text, size_t *cursor, const struct prompt_history *h, size_t *at, const char *typed)
{
	const char *s = *at == h->n ? typed : h->items[*at];
	sb_reset(text);
	sb_adds(text, s);
	*cursor = text->len;
}

bool prompt_read(struct app *app, const char *label, struct strbuf *text, const struct prompt_hooks *hooks)
{
	struct prompt_state p = {label, text, text->len, 0};
	struct prompt_history *h = hooks ? hooks->history : NULL;
	size_t hist_at = h ? h->n : 0;
	char *typed = xstrdup(text->data);
	bool accepted = false, done = false;

	app->prompt = &p;
	while (!done) {
		app_redraw(app);
		struct key key;
		if (!app_read_key(app, &key))
			break;
		bool changed = false;
		/* Function keys and their control-key twins are one thing. */
		if (key.is_fn) {
			static const struct {
				int fn, ch;
			} twins[] = {{KEY_LEFT, CTRL('b')}, {KEY_RIGHT, CTRL('f')}, {KEY_HOME, CTRL('a')},
				     {KEY_END, CTRL('e')},  {KEY_BACKSPACE, 0x7f},  {KEY_ENTER, '\r'}};
			for (size_t i = 0; i < sizeof(twins) / sizeof(*twins); i++) {
				if (key.code == twins[i].fn) {
					key.code = twins[i].ch;
					key.is_fn = false;
					break;
				}
			}
		}
		if (key.is_fn) {
			switch (key.code) {
			case KEY_DC:
				if (p.cursor < text->len) {
					delete_range(text, p.cursor, next_char(text->data, text->len, p.cursor));
					changed = true;
				}
				break;
			case KEY_UP:
			case KEY_DOWN:
				if (h && h->n) {
					if (hist_at == h->n) {
						free(typed);
						typed = xstrdup(text->data);
					}
					if (key.code == KEY_UP && hist_at > 0)
						hist_at--;
					else if (key.code == KEY_DOWN && hist_at < h->n)
						hist_at++;
					recall(text, &p.cursor, h, &hist_at, typed);
					changed = true;
				}
				break;
			default:
				break;
			}
		} else {
			switch (key.code) {
			case '\r':
			case '\n':
				accepted = done = true;
				break;
			case 27:
			case CTRL('g'):
				done = true;
				break;
			case CTRL('a'):
				p.cursor = 0;
				break;
			case CTRL('e'):
				p.cursor = text->len;
				break;
			case CTRL('b'):
				p.cursor = prev_char(text->data, p.cursor);
				break;
			case CTRL('f'):
				p.cursor = next_char(text->data, text->len, p.cursor);
				break;
			case CTRL('w'): {
				size_t from = word_start(text->data, p.cursor);
				delete_range(text, from, p.cursor);
				p.cursor = from;
				changed = true;
				break;
			}
			case CTRL('u'):
				delete_range(text, 0, p.cursor);
				p.cursor = 0;
				changed = true;
				break;
			case CTRL('k'):
				delete_range(text, p.cursor, text->len);
				changed = true;
				break;
			case CTRL('h'):
			case 0x7f:
				if (p.cursor) {
					size_t from = prev_char(text->data, p.cursor);
					delete_range(text, from, p.cursor);
					p.cursor = from;
					changed = true;
				} else if (!text->len) {
					done = true; /* Backspace on an empty prompt leaves it, as in less */
				}
				break;
			case '\t':
				if (hooks && hooks->complete) {
					hooks->complete(app, text, &p.cursor, hooks->data);
					changed = true;
				}
				break;
			case CTRL('r'):
				if (hooks && hooks->toggle) {
					p.label = hooks->toggle(app, hooks->data);
					changed = true;
				}
				break;
			default:
				if (key.code >= 0x20 && key.code != 0x7f) {
					char utf8[4];
					size_t n = utf8_encode((uint32_t)key.code, utf8);
					insert_at(text, p.cursor, utf8, n);
					p.cursor += n;
					changed = true;
				}
				break;
			}
		}
		if (changed && hooks && hooks->changed)
			hooks->changed(app, text->data, hooks->data);
	}
	app->prompt = NULL;
	if (accepted && h)
		prompt_history_add(h, text->data);
	free(typed);
	return accepted;
}

int prompt_key(struct app *app, const char *question)
{
	struct strbuf none;
	sb_init(&none);
	struct prompt_state p = {question, &none, 0, 0};
	app->prompt = &p;
	app_redraw(app);
	struct key key;
	int got = !app_read_key(app, &key) ? -1 : key.is_fn ? 27 : (int)key.code;
	app->prompt = NULL;
	sb_free(&none);
	return got;
}

bool prompt_confirm(struct app *app, const char *question)
{
	int key = prompt_key(app, question);
	return key == 'y' || key == 'Y';
}
