/* open_url.c - the web addresses of what the view shows, and opening one in a browser (copy.h). */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "recview/app.h"
#include "recview/copy.h"
#include "recview/entity.h"
#include "recview/url.h"
#include "recview/views.h"

extern char **environ;

#define MAX_PICK 9

struct picks {
	const char *at[MAX_PICK]; /* where each address is, so that one is listed once */
	char *target[MAX_PICK];   /* its target (url.h) */
	size_t n;
};

static void pick_add(struct picks *p, const char *s, const struct rv_url *u)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->at[i] == s + u->off)
			return;
	if (p->n == MAX_PICK)
		return;
	struct strbuf t;
	sb_init(&t);
	rv_url_target(&t, s + u->off, u->len, u->www);
	p->at[p->n] = s + u->off;
	p->target[p->n++] = sb_detach(&t);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\n';
}

/* The addresses a line of the view shows part of (a wrapped address: all of it). */
static void line_urls(const struct view *v, const struct line *line, struct picks *p)
{
	const char *text = v->text.data, *end = v->text.data + v->text.len;
	if (!text || line->off + line->len > v->text.len)
		return;
	const char *s = text + line->off, *lo = s, *hi = s + line->len;
	while (lo > text && !is_blank(lo[-1]))
		lo--;
	while (hi < end && !is_blank(*hi))
		hi++;
	struct rv_url u;
	for (size_t from = 0; rv_url_next(lo, (size_t)(hi - lo), from, &u); from = u.off + u.len)
		if (lo + u.off < s + line->len && lo + u.off + u.len > s)
			pick_add(p, lo, &u);
}

static void text_urls(struct rv_text t, struct picks *p)
{
	struct rv_url u;
	for (size_t from = 0; rv_url_next(t.ptr, t.len, from, &u); from = u.off + u.len)
		pick_add(p, t.ptr, &u);
}

/* The cursor line's addresses, else the screen's, else those of the recommendation's title and text. */
static void find_picks(struct app *app, struct view *v, struct picks *p)
{
	if (v->nlines)
		line_urls(v, &v->lines[v->lineno], p);
	size_t last = v->offset + (size_t)app_body_height(v);
	for (size_t i = v->offset; !p->n && i < v->nlines && i < last; i++)
		line_urls(v, &v->lines[i], p);
	long rec = view_current_rec(v);
	if (!p->n && rec >= 0) {
		text_urls(rv_rec_field(app->m, (size_t)rec, REC_TITLE), p);
		text_urls(rv_rec_field(app->m, (size_t)rec, REC_TEXT), p);
	}
}

/* "Open which address? 1 https://a.org/…  2 https://b.org" fitted to the screen's width. */
static void choice_question(const struct picks *p, const char *verb, struct strbuf *q)
{
	sb_addf(q, "%s which address? ", verb);
	int each = (COLS - 30) / (int)p->n - 4;
	if (each < 12)
		each = 12;
	for (size_t i = 0; i < p->n; i++) {
		size_t len = strlen(p->target[i]);
		sb_addf(q, "%zu %.*s%s  ", i + 1, (int)((int)len > each ? each : (int)len), p->target[i],
			(int)len > each ? "~" : "");
	}
}

bool copy_pick_url(struct app *app, struct view *v, const char *verb, struct strbuf *target)
{
	struct picks p = {0};
	find_picks(app, v, &p);
	long chosen = -1;
	if (p.n == 0) {
		app_message(app, C_DIM, "No web address on this line, on the screen or in the recommendation's text.");
	} else if (p.n == 1) {
		chosen = 0;
	} else {
		struct strbuf q;
		sb_init(&q);
		choice_question(&p, verb, &q);
		struct key key;
		if (copy_ask_key(app, q.data, &key) && !key.is_fn && key.code >= '1' && key.code < '1' + (int)p.n)
			chosen = key.code - '1';
		else
			app_message(app, C_DIM, "No address chosen.");
		sb_free(&q);
	}
	if (chosen >= 0)
		sb_adds(target, p.target[chosen]);
	for (size_t i = 0; i < p.n; i++)
		free(p.target[i]);
	return chosen >= 0;
}

/* Browsers started earlier that have ended: reaped, so that none stays a zombie. */
static pid_t started[16];

static void reap_started(void)
{
	for (size_t i = 0; i < sizeof(started) / sizeof(*started); i++)
		if (started[i] > 0 && waitpid(started[i], NULL, WNOHANG) != 0)
			started[i] = 0;
}

static void remember_started(pid_t pid)
{
	for (size_t i = 0; i < sizeof(started) / sizeof(*started); i++)
		if (started[i] <= 0) {
			started[i] = pid;
			return;
		}
}

/*
 * Runs one $BROWSER entry (words split at spaces, "%s" replaced by the address, else the address
 * appended) or xdg-open, its output sent to /dev/null so that the screen stays whole. 0 or errno.
 */
static int spawn_browser(const char *command, const char *target, pid_t *pid)
{
	char *copy = xstrdup(command);
	char *argv[34];
	size_t argc = 0;
	bool placed = false;
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w && argc < 32; w = strtok_r(NULL, " ", &save)) {
		placed |= strcmp(w, "%s") == 0;
		argv[argc++] = strcmp(w, "%s") == 0 ? (char *)target : w;
	}
	if (!placed)
		argv[argc++] = (char *)target;
	argv[argc] = NULL;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	for (int fd = 0; fd <= 2; fd++)
		posix_spawn_file_actions_addopen(&fa, fd, "/dev/null", fd ? O_WRONLY : O_RDONLY, 0);
	int err = argc > 1 ? posix_spawnp(pid, argv[0], &fa, NULL, argv, environ) : ENOENT;
	posix_spawn_file_actions_destroy(&fa);
	free(copy);
	return err;
}

/* An opener that ends at once with a failure says so; one still running is taken as started. */
static int quick_exit_status(pid_t pid)
{
	struct timespec ts = {0, 20 * 1000 * 1000};
	for (int i = 0; i < 10; i++) {
		int status;
		if (waitpid(pid, &status, WNOHANG) == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
		nanosleep(&ts, NULL);
	}
	remember_started(pid);
	return 0;
}

void copy_open_url(struct app *app, const char *target)
{
	reap_started();
	const char *browser = getenv("BROWSER");
	char *list = xstrdup(browser && *browser ? browser : "");
	const char *used = NULL;
	int status = -1;
	for (char *save = NULL, *entry = strtok_r(list, ":", &save); entry && !used; entry = strtok_r(NULL, ":", &save)) {
		pid_t pid;
		if (spawn_browser(entry, target, &pid) == 0) {
			used = entry;
			status = quick_exit_status(pid);
		}
	}
	pid_t pid;
	if (!used && spawn_browser("xdg-open", target, &pid) == 0) {
		used = "xdg-open";
		status = quick_exit_status(pid);
	}
	if (!used)
		app_message(app, C_ERROR, "Cannot open %.200s: no browser (set $BROWSER, or install xdg-open).", target);
	else if (status != 0)
		app_message(app, C_ERROR, "%.40s could not open %.200s (exit %d).", used, target, status);
	else
		app_message(app, C_HEADING, "Opened %.200s with %.40s", target, used);
	free(list);
}
