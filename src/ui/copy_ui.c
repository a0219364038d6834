/* copy_ui.c - y then a letter: the id, title, text, page or web address to the clipboard (copy.h). */
#include "recview/copy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/app.h"
#include "recview/changelog.h"
#include "recview/entity.h"
#include "recview/page.h"
#include "recview/prompt.h"
#include "recview/terminal.h"
#include "recview/text.h"
#include "recview/url.h"
#include "recview/views.h"

enum copy_mode { COPY_AUTO, COPY_OSC52, COPY_FILE, COPY_OFF };

static enum copy_mode mode = COPY_AUTO;
static bool osc52_works; /* auto: the terminal is one that takes OSC 52 */

void copy_configure(const char *setting, bool script)
{
	const char *term = getenv("TERM"), *tmux = getenv("TMUX");
	mode = !setting ? COPY_AUTO : strcmp(setting, "osc52") == 0 ? COPY_OSC52 : strcmp(setting, "file") == 0 ? COPY_FILE
	       : strcmp(setting, "off") == 0 ? COPY_OFF : COPY_AUTO;
	term = term ? term : "";
	bool old_term = strcmp(term, "linux") == 0 || strncmp(term, "vt", 2) == 0 || strncmp(term, "cons", 4) == 0 ||
			(strncmp(term, "screen", 6) == 0 && !(tmux && *tmux));
	osc52_works = !script && !old_term;
}

bool copy_ask_key(struct app *app, const char *question, struct key *key)
{
	struct strbuf none;
	sb_init(&none);
	struct prompt_state p = {question, &none, 0, 0};
	app->prompt = &p;
	app_redraw(app);
	bool got = app_read_key(app, key);
	app->prompt = NULL;
	sb_free(&none);
	return got;
}

char *copy_file_path(void)
{
	const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct strbuf sb;
	sb_init(&sb);
	if (cache && *cache == '/')
		sb_addf(&sb, "%s/recview/clipboard.txt", cache);
	else if (home && *home)
		sb_addf(&sb, "%s/.cache/recview/clipboard.txt", home);
	else
		return NULL;
	return sb_detach(&sb);
}

/* Every directory of path's parents, made 0700 where missing. */
static bool make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		bool ok = mkdir(path, 0700) == 0 || errno == EEXIST;
		*p = '/';
		if (!ok)
			return false;
	}
	return true;
}

/* data into the clipboard file, replaced whole (a temporary file made 0600, renamed over it). */
static bool write_clip_file(const char *path, const char *data, size_t len, struct strbuf *why)
{
	char *dir = xstrdup(path);
	bool ok = make_parents(dir);
	free(dir);
	struct strbuf tmp;
	sb_init(&tmp);
	sb_addf(&tmp, "%s.XXXXXX", path);
	int fd = ok ? mkstemp(tmp.data) : -1;
	if (fd >= 0) {
		ok = fchmod(fd, 0600) == 0;
		for (size_t done = 0; ok && done < len;) {
			ssize_t n = write(fd, data + done, len - done);
			ok = n > 0;
			done += n > 0 ? (size_t)n : 0;
		}
		ok = close(fd) == 0 && ok && rename(tmp.data, path) == 0;
		if (!ok)
			unlink(tmp.data);
	}
	if (fd < 0 || !ok)
		sb_addf(why, "%s", strerror(errno));
	sb_free(&tmp);
	return fd >= 0 && ok;
}

/* Puts text (sanitised already) where the configuration says, and says where it went. */
static void deliver(struct app *app, const char *what, const char *text, size_t len)
{
	if (mode == COPY_OFF) {
		app_message(app, C_WARNING, "Copying is off (clipboard = off in the configuration).");
		return;
	}
	bool too_long = len > COPY_OSC52_MAX;
	if ((mode == COPY_OSC52 || (mode == COPY_AUTO && osc52_works)) && !too_long) {
		const char *tmux = getenv("TMUX");
		struct strbuf seq;
		sb_init(&seq);
		rv_osc52(&seq, text, len, tmux && *tmux);
		terminal_write(seq.data, seq.len);
		sb_free(&seq);
		app_message(app, C_HEADING, "Copied %s to the clipboard (OSC 52; clipboard = file if the terminal ignores it).",
			    what);
		return;
	}
	char *path = copy_file_path();
	struct strbuf why;
	sb_init(&why);
	if (!path)
		app_message(app, C_ERROR, "Cannot copy %s: neither XDG_CACHE_HOME nor HOME is set.", what);
	else if (!write_clip_file(path, text, len, &why))
		app_message(app, C_ERROR, "Cannot copy %s to %s: %s", what, path, why.data);
	else
		app_message(app, C_HEADING, "Copied %s to %s%s", what, path,
			    too_long ? " (too long for the terminal's clipboard)" : "");
	sb_free(&why);
	free(path);
}

/* A field of the recommendation, sanitised (line breaks kept); false when it is empty. */
static bool rec_text(struct app *app, long rec, int field, struct strbuf *out)
{
	struct rv_text t = field == REC_ID ? rv_rec_id(app->m, (size_t)rec) : rv_rec_field(app->m, (size_t)rec, field);
	text_sanitize(out, t.ptr, t.len, TEXT_KEEP_NEWLINES);
	return out->len > 0;
}

/* A field of the recommendation (i, t, x) or its page as Markdown (p), and what to call it; false,
 * with a message said, when there is nothing to copy. */
static bool rec_copy(struct app *app, long rec, int letter, struct strbuf *text, struct strbuf *what)
{
	struct strbuf id;
	sb_init(&id);
	rec_text(app, rec, REC_ID, &id);
	const char *name = id.data ? id.data : "";
	bool have;
	if (letter == 'p') {
		struct rv_page page;
		rv_page_build(app->m, (size_t)rec, app->as_of, &page);
		rv_page_markdown(&page, text);
		rv_page_free(&page);
		have = text->len > 0;
		sb_addf(what, "the page of %s as Markdown", name);
	} else {
		const char *field = letter == 'i' ? "id" : letter == 't' ? "title" : "text";
		have = rec_text(app, rec, letter == 'i' ? REC_ID : letter == 't' ? REC_TITLE : REC_TEXT, text);
		if (letter == 'i')
			sb_addf(what, "the id %s", name);
		else
			sb_addf(what, "the %s of %s", field, name);
		if (!have)
			app_message(app, C_DIM, "%s has no %s to copy.", *name ? name : "This recommendation", field);
	}
	sb_free(&id);
	return have;
}

/*
 * On a deliverable's or question's page, or on its row in a list, its id is the item's own name as
 * ':' takes it (SSR1-3/D2, SSR1-11/Q11.13), not its recommendation's.
 */
static bool item_copy_name(struct app *app, const struct view *v, long rec, struct strbuf *out)
{
	struct rv_item it;
	if (rec < 0 || (v->ops->id != VIEW_ITEM && v->ops->id != VIEW_CHILDREN) || !view_current_item(v, &it) ||
	    (it.kind != RV_DELIVERABLES && it.kind != RV_QUESTIONS))
		return false;
	struct strbuf name;
	sb_init(&name);
	bool ok = rv_item_name(app->m, it, &name) && name.len;
	if (ok) {
		rec_text(app, rec, REC_ID, out);
		sb_adds(out, "/");
		text_sanitize(out, name.data, name.len, 0);
	}
	sb_free(&name);
	return ok;
}

static void copy_what(struct app *app, struct view *v, int letter)
{
	long rec = view_current_rec(v);
	struct strbuf text, what;
	sb_init(&text);
	sb_init(&what);
	bool have = false;
	if (letter == 'u') {
		have = copy_pick_url(app, v, "Copy", &text);
		if (have)
			sb_addf(&what, "the address %.200s", text.data);
	} else if (letter <= 0 || letter > 127 || !strchr("itxp", letter)) {
		app_message(app, C_DIM, "Nothing copied: y then i (id), t (title), x (text), p (page) or u (address).");
	} else if (rec < 0) {
		app_message(app, C_DIM, "No recommendation here to copy from.");
	} else if (letter == 'i' && item_copy_name(app, v, rec, &text)) {
		sb_addf(&what, "the id %s", text.data);
		have = true;
	} else {
		have = rec_copy(app, rec, letter, &text, &what);
	}
	if (have)
		deliver(app, what.data, text.data, text.len);
	sb_free(&text);
	sb_free(&what);
}

bool copy_request(struct app *app, enum request req)
{
	struct view *v = app_current(app);
	if (req == REQ_OPEN_URL) {
		struct strbuf target;
		sb_init(&target);
		if (copy_pick_url(app, v, "Open", &target))
			copy_open_url(app, target.data);
		sb_free(&target);
		return true;
	}
	if (req != REQ_COPY)
		return false;
	struct key key;
	if (!copy_ask_key(app, "Copy: i id, t title, x text, p page as Markdown, u web address (Esc: nothing) ", &key))
		return true;
	if (key.is_fn || key.code == 27) {
		app_message(app, C_DIM, "Nothing copied.");
		return true;
	}
	copy_what(app, v, key.code);
	return true;
}
