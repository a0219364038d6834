/*
 * test_config.c - the configuration file (config_default_path, config_load, config_free).
 *
 * Every test that reads a file works in a fresh mkdtemp directory, removed afterwards. Tests that
 * change XDG_CONFIG_HOME or HOME put them back as they were.
 */
#include "tests.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/config.h"

/* ---- fixtures ---- */

static char cdir[64];

static int cfg_setup(void **state)
{
	(void)state;
	snprintf(cdir, sizeof(cdir), "/tmp/recview-config-XXXXXX");
	return mkdtemp(cdir) ? 0 : -1;
}

static int cfg_teardown(void **state)
{
	(void)state;
	remove_tree(cdir);
	return 0;
}

static const char *cfg_path(const char *name)
{
	static char buf[2][256];
	static int next;
	char *b = buf[next++ % 2];
	snprintf(b, sizeof(buf[0]), "%s/%s", cdir, name);
	return b;
}

/* Writes len bytes (which may hold NULs) to cdir/name. */
static void write_bytes(const char *name, const char *data, size_t len)
{
	FILE *f = fopen(cfg_path(name), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static const char *const requests[] = { "quit", "move-down", "move-up", "redraw", "open", "search" };

static bool validate(const char *name)
{
	for (size_t i = 0; i < sizeof(requests) / sizeof(*requests); i++)
		if (strcmp(name, requests[i]) == 0)
			return true;
	return false;
}

/* Loads cdir/name (written from text unless text is NULL) with validate. */
static void load_text(struct config *c, struct diag_list *dl, const char *name, const char *text)
{
	if (text)
		write_test_file(cdir, name, text);
	diag_list_init(dl);
	config_load(c, cfg_path(name), dl, validate);
}

static void done(struct config *c, struct diag_list *dl)
{
	config_free(c);
	diag_list_free(dl);
}

/* Diagnostic i is a warning about line of file path with exactly msg. */
static void assert_warning(const struct diag_list *dl, size_t i, const char *path, unsigned line, const char *msg)
{
	if (i >= dl->n) {
		print_error("wanted warning #%zu (line %u: %s), there are only %zu\n", i, line, msg, dl->n);
		fail();
	}
	const struct diag *d = &dl->items[i];
	bool ok = d->severity == DIAG_WARNING && d->line == line && d->col == 0 && strcmp(d->file, path) == 0 &&
		  strcmp(d->msg, msg) == 0;
	if (!ok) {
		print_error("warning #%zu: got  %s:%u: %s\n", i, d->file, (unsigned)d->line, d->msg);
		print_error("warning #%zu: want %s:%u: %s\n", i, path, line, msg);
	}
	assert_true(ok);
}

static void assert_empty_config(const struct config *c)
{
	assert_null(c->theme);
	assert_null(c->author);
	assert_null(c->data);
	assert_int_equal(c->mouse, -1);
	assert_int_equal(c->nbindings, 0);
	assert_null(c->bindings);
}

static const struct config_binding *find_binding(const struct config *c, const char *key)
{
	for (size_t i = 0; i < c->nbindings; i++)
		if (strcmp(c->bindings[i].key, key) == 0)
			return &c->bindings[i];
	return NULL;
}

static void assert_binding(const struct config *c, const char *key, const char *request, unsigned line)
{
	const struct config_binding *b = find_binding(c, key);
	if (!b) {
		print_error("no binding for key '%s'\n", key);
		fail();
	}
	assert_string_equal(b->request, request);
	assert_int_equal(b->line, line);
}

/* ---- the environment ---- */

struct saved_env {
	char *xdg, *home;
};

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void env_save(struct saved_env *e)
{
	e->xdg = dup_or_null(getenv("XDG_CONFIG_HOME"));
	e->home = dup_or_null(getenv("HOME"));
}

static void env_put(const char *name, const char *value)
{
	if (value)
		assert_int_equal(setenv(name, value, 1), 0);
	else
		assert_int_equal(unsetenv(name), 0);
}

static void env_restore(struct saved_env *e)
{
	env_put("XDG_CONFIG_HOME", e->xdg);
	env_put("HOME", e->home);
	free(e->xdg);
	free(e->home);
}

/* With XDG_CONFIG_HOME and HOME as given (NULL: unset), the default path is want (NULL: none). */
static void expect_default_path(const char *xdg, const char *home, const char *want)
{
	env_put("XDG_CONFIG_HOME", xdg);
	env_put("HOME", home);
	char *got = config_default_path();
	if (want) {
		assert_non_null(got);
		assert_string_equal(got, want);
	} else {
		assert_null(got);
	}
	free(got);
}

static void test_default_path(void **state)
{
	(void)state;
	struct saved_env e;
	env_save(&e);
	expect_default_path("/x/cfg", "/home/jane", "/x/cfg/recview/config");
	expect_default_path("/x/cfg", NULL, "/x/cfg/recview/config");
	expect_default_path("/x/cfg/", "/home/jane", "/x/cfg/recview/config");
	expect_default_path("/", NULL, "/recview/config");
	expect_default_path("", "/home/jane", "/home/jane/.config/recview/config");
	expect_default_path(NULL, "/home/jane", "/home/jane/.config/recview/config");
	expect_default_path("relative/cfg", "/home/jane", "/home/jane/.config/recview/config");
	expect_default_path("relative/cfg", NULL, NULL);
	expect_default_path("", "", NULL);
	expect_default_path(NULL, NULL, NULL);
	env_restore(&e);
}

/* ---- good files ---- */

static void test_every_setting(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config",
		  "# recview configuration\n"
		  "theme = light\n"
		  "author = Jane Doe\n"
		  "mouse = off\n"
		  "data = /srv/recs/data\n"
		  "bind x quit\n"
		  "bind C-n move-down\n"
		  "bind F5 redraw\n"
		  "bind Enter open\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.path, cfg_path("config"));
	assert_string_equal(c.theme, "light");
	assert_string_equal(c.author, "Jane Doe");
	assert_int_equal(c.mouse, 0);
	assert_string_equal(c.data, "/srv/recs/data");
	assert_int_equal(c.nbindings, 4);
	assert_string_equal(c.bindings[0].key, "x");
	assert_string_equal(c.bindings[0].request, "quit");
	assert_int_equal(c.bindings[0].line, 6);
	assert_binding(&c, "C-n", "move-down", 7);
	assert_binding(&c, "F5", "redraw", 8);
	assert_binding(&c, "Enter", "open", 9);
	done(&c, &dl);
}

/* topic-grouping: normalise or off, kept as written; another word is said and ignored. */
static void test_topic_grouping(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "topic-grouping = off\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.topic_grouping, "off");
	done(&c, &dl);
	load_text(&c, &dl, "config", "topic-grouping = normalise\ntopic-grouping = loose\n");
	assert_int_equal(dl.n, 1);
	assert_non_null(strstr(dl.items[0].msg, "normalise, off"));
	assert_string_equal(c.topic_grouping, "normalise");
	done(&c, &dl);
}

/* present: ask, agenda or list, kept as written; another word is said and ignored. */
static void test_present(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "present = list\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.present, "list");
	done(&c, &dl);
	load_text(&c, &dl, "config", "present = agenda\npresent = slides\n");
	assert_int_equal(dl.n, 1);
	assert_non_null(strstr(dl.items[0].msg, "ask, agenda, list"));
	assert_string_equal(c.present, "agenda");
	done(&c, &dl);
}

/* big-text: auto, kitty, blocks or off, kept as written; another word is said and ignored. */
static void test_big_text(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "big-text = blocks\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.big_text, "blocks");
	done(&c, &dl);
	load_text(&c, &dl, "config", "big-text = kitty\nbig-text = huge\n");
	assert_int_equal(dl.n, 1);
	assert_non_null(strstr(dl.items[0].msg, "auto, kitty, blocks, off"));
	assert_string_equal(c.big_text, "kitty");
	done(&c, &dl);
}

/* minutes-file: a path kept as written (an empty one is said); minutes-on-leave: yes or no. */
static void test_minutes_settings(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "minutes-file = /srv/meet/minutes-%Y-%m-%d.md\nminutes-on-leave = yes\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.minutes_file, "/srv/meet/minutes-%Y-%m-%d.md");
	assert_string_equal(c.minutes_on_leave, "yes");
	done(&c, &dl);
	load_text(&c, &dl, "config", "minutes-file =\nminutes-on-leave = sometimes\n");
	assert_int_equal(dl.n, 2);
	assert_null(c.minutes_file);
	assert_null(c.minutes_on_leave);
	done(&c, &dl);
}

static void test_themes(void **state)
{
	(void)state;
	const char *themes[] = { "default", "light", "high-contrast", "monochrome", "okabe-ito" };
	for (size_t i = 0; i < 5; i++) {
		char text[64];
		snprintf(text, sizeof(text), "theme = %s\n", themes[i]);
		struct config c;
		struct diag_list dl;
		load_text(&c, &dl, "config", text);
		assert_int_equal(dl.n, 0);
		assert_string_equal(c.theme, themes[i]);
		done(&c, &dl);
	}
}

static void test_mouse_values(void **state)
{
	(void)state;
	const struct {
		const char *text;
		int want;
	} cases[] = {
		{ "on", 1 }, { "yes", 1 }, { "true", 1 }, { "1", 1 },
		{ "off", 0 }, { "no", 0 },  { "false", 0 }, { "0", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char text[64];
		snprintf(text, sizeof(text), "mouse=%s\n", cases[i].text);
		struct config c;
		struct diag_list dl;
		load_text(&c, &dl, "config", text);
		assert_int_equal(dl.n, 0);
		assert_int_equal(c.mouse, cases[i].want);
		done(&c, &dl);
	}
}

static void test_hyperlinks_and_clipboard(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "hyperlinks = off\nclipboard = osc52\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.hyperlinks, "off");
	assert_string_equal(c.clipboard, "osc52");
	done(&c, &dl);
	load_text(&c, &dl, "config", "hyperlinks = always\nclipboard = xclip\nclipboard = file\n");
	assert_int_equal(dl.n, 2);
	assert_warning(&dl, 0, cfg_path("config"), 1, "unknown hyperlinks setting 'always' (use auto, on, off)");
	assert_warning(&dl, 1, cfg_path("config"), 2, "unknown clipboard setting 'xclip' (use auto, osc52, file, off)");
	assert_null(c.hyperlinks);
	assert_string_equal(c.clipboard, "file");
	done(&c, &dl);
}

static void test_spacing_and_comments(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config",
		  "\n"
		  "   # an indented comment: theme = light\n"
		  "#theme = monochrome\n"
		  "\t\n"
		  "theme=high-contrast\n"
		  "   author   =    Jane   Doe   \n"
		  "\tmouse\t=\ton\t\n"
		  "data =/srv/data\n"
		  "  bind   q    quit  \n"
		  "#\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.theme, "high-contrast");
	assert_string_equal(c.author, "Jane   Doe");
	assert_int_equal(c.mouse, 1);
	assert_string_equal(c.data, "/srv/data");
	assert_int_equal(c.nbindings, 1);
	assert_binding(&c, "q", "quit", 9);
	done(&c, &dl);
}

/* '#' starts a comment anywhere outside quotes: the README's own example sets "Jane Doe". */
static void test_comments_after_values(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config",
		  "theme = high-contrast\n"
		  "author = Jane Doe          # the author of changes and notes (else $USER)\n"
		  "mouse = on# no space before it\n"
		  "data = /srv/reviews/ssr    # the data set opened when none is named\n"
		  "bind x quit                # KEY REQUEST\n"
		  "bind F5 redraw\t# requests as in the help view\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.theme, "high-contrast");
	assert_string_equal(c.author, "Jane Doe");
	assert_int_equal(c.mouse, 1);
	assert_string_equal(c.data, "/srv/reviews/ssr");
	assert_int_equal(c.nbindings, 2);
	assert_binding(&c, "x", "quit", 5);
	assert_binding(&c, "F5", "redraw", 6);
	done(&c, &dl);

	/* A comment that leaves nothing after '=' is an empty value, and a bad value before a comment is
	 * quoted without the comment. */
	const char *path = cfg_path("empty");
	load_text(&c, &dl, "empty",
		  "author = # nobody\n"
		  "theme = dark # not a theme\n"
		  "author=Jane#Doe\n");
	assert_int_equal(dl.n, 2);
	assert_warning(&dl, 0, path, 1, "author is empty");
	assert_warning(&dl, 1, path, 2,
		       "unknown theme 'dark' (known: default, light, high-contrast, monochrome, okabe-ito)");
	assert_string_equal(c.author, "Jane");
	done(&c, &dl);
}

/* A double-quoted value keeps its '#'; a comment may follow the closing quote. */
static void test_quoted_hash(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config",
		  "author = \"a # b\"\n"
		  "data = \"/srv/#1/data\"   # the first one\n"
		  "bind \"#\" quit   # the key '#' itself, quoted\n"
		  "bind \" move-down\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.author, "a # b");
	assert_string_equal(c.data, "/srv/#1/data");
	assert_int_equal(c.nbindings, 2);
	assert_binding(&c, "#", "quit", 3);
	assert_binding(&c, "\"", "move-down", 4);
	done(&c, &dl);

	/* An unclosed quote is not a quote: the '#' still starts a comment, and the value is refused. */
	const char *path = cfg_path("open");
	load_text(&c, &dl, "open", "author = \"Jane # Doe\n");
	assert_int_equal(dl.n, 1);
	assert_warning(&dl, 0, path, 1, "missing closing '\"' in '\"Jane'");
	assert_null(c.author);
	done(&c, &dl);
}

static void test_quoting(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config",
		  "author = \"  Jane  Doe  \"\n"
		  "data = \"/srv/my recs/data \"\n"
		  "theme = \"monochrome\"\n"
		  "mouse = \"yes\"\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.author, "  Jane  Doe  ");
	assert_string_equal(c.data, "/srv/my recs/data ");
	assert_string_equal(c.theme, "monochrome");
	assert_int_equal(c.mouse, 1);
	done(&c, &dl);

	const char *path = cfg_path("quotes");
	load_text(&c, &dl, "quotes",
		  "author = \"Jane\n"
		  "author = \"Jane\" Doe\n"
		  "author = \"\"\n"
		  "data = \"\"\n"
		  "author = say \"hi\"\n");
	assert_int_equal(dl.n, 4);
	assert_warning(&dl, 0, path, 1, "missing closing '\"' in '\"Jane'");
	assert_warning(&dl, 1, path, 2, "text after the closing '\"' in '\"Jane\" Doe'");
	assert_warning(&dl, 2, path, 3, "author is empty");
	assert_warning(&dl, 3, path, 4, "data path is empty");
	assert_string_equal(c.author, "say \"hi\""); /* quotes only count around the whole value */
	assert_null(c.data);
	done(&c, &dl);
}

static void test_overrides(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config",
		  "theme = light\n"
		  "author = A\n"
		  "mouse = on\n"
		  "data = /a\n"
		  "bind x quit\n"
		  "bind y redraw\n"
		  "theme = monochrome\n"
		  "author = B\n"
		  "mouse = off\n"
		  "data = /b\n"
		  "bind x search\n"
		  "theme = bogus\n");
	assert_int_equal(dl.n, 1);
	assert_string_equal(c.theme, "monochrome"); /* a bad later line leaves the earlier setting */
	assert_string_equal(c.author, "B");
	assert_int_equal(c.mouse, 0);
	assert_string_equal(c.data, "/b");
	assert_int_equal(c.nbindings, 2);
	assert_binding(&c, "x", "search", 11);
	assert_binding(&c, "y", "redraw", 6);
	done(&c, &dl);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "mouse = on\ntheme = light");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.mouse, 1);
	done(&c, &dl);

	load_text(&c, &dl, "empty", "");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.path, cfg_path("empty"));
	assert_empty_config(&c);
	done(&c, &dl);
}

static void test_crlf(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	load_text(&c, &dl, "config",
		  "# written on Windows\r\n"
		  "\r\n"
		  "theme = light\r\n"
		  "author = \"Jane Doe\"\r\n"
		  "mouse = on  \r\n"
		  "data = C:/recs\r\n"
		  "bind C-q quit\r\n"
		  "colour = red\r\n"
		  "bind F12 redraw");
	assert_int_equal(dl.n, 1);
	assert_warning(&dl, 0, path, 8, "unknown setting 'colour'");
	assert_string_equal(c.theme, "light");
	assert_string_equal(c.author, "Jane Doe");
	assert_int_equal(c.mouse, 1);
	assert_string_equal(c.data, "C:/recs");
	assert_binding(&c, "C-q", "quit", 7);
	assert_binding(&c, "F12", "redraw", 9);
	done(&c, &dl);
}

static void test_byte_order_mark(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "\xEF\xBB\xBFtheme = light\n");
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.theme, "light");
	done(&c, &dl);
}

/* ---- bad lines ---- */

static void test_bad_lines_reported(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	load_text(&c, &dl, "config",
		  "theme = dark\n"            /* 1 */
		  "author = Jane Doe\n"       /* 2 */
		  "colour = red\n"            /* 3 */
		  "mouse = sometimes\n"       /* 4 */
		  "bind xy quit\n"            /* 5 */
		  "bind x fly\n"              /* 6 */
		  "bind F5 redraw\n"          /* 7 */
		  "theme light\n"             /* 8 */
		  "just some words\n"         /* 9 */
		  "= light\n"                 /* 10 */
		  "bind x\n"                  /* 11 */
		  "bind x quit now\n"         /* 12 */
		  "bind\n"                    /* 13 */
		  "mouse = on\n"              /* 14 */
		  "Theme = light\n"           /* 15 */
		  "data = /srv/data\n"        /* 16 */
		  "theme = monochrome\n"      /* 17 */
		  "bind C-N quit\n"           /* 18 */
		  "bind F13 quit\n"           /* 19 */
		  "bind F0 quit\n"            /* 20 */
		  "bind enter open\n"         /* 21 */
		  "bind x Quit\n");           /* 22 */
	assert_int_equal(dl.n, 17);
	assert_int_equal(dl.warnings, 17);
	assert_int_equal(dl.errors, 0);
	size_t i = 0;
	assert_warning(&dl, i++, path, 1,
		       "unknown theme 'dark' (known: default, light, high-contrast, monochrome, okabe-ito)");
	assert_warning(&dl, i++, path, 3, "unknown setting 'colour'");
	assert_warning(&dl, i++, path, 4, "unknown mouse setting 'sometimes' (use on or off)");
	assert_warning(&dl, i++, path, 5, "unknown key 'xy'");
	assert_warning(&dl, i++, path, 6, "unknown request 'fly'");
	assert_warning(&dl, i++, path, 8, "expected '=' after 'theme'");
	assert_warning(&dl, i++, path, 9, "expected '=' after 'just'");
	assert_warning(&dl, i++, path, 10, "unknown setting '= light'");
	assert_warning(&dl, i++, path, 11, "bind needs a key and a request (bind KEY REQUEST), not 'x'");
	assert_warning(&dl, i++, path, 12, "bind needs a key and a request (bind KEY REQUEST), not 'x quit now'");
	assert_warning(&dl, i++, path, 13, "bind needs a key and a request (bind KEY REQUEST), not ''");
	assert_warning(&dl, i++, path, 15, "unknown setting 'Theme'");
	assert_warning(&dl, i++, path, 18, "unknown key 'C-N'");
	assert_warning(&dl, i++, path, 19, "unknown key 'F13'");
	assert_warning(&dl, i++, path, 20, "unknown key 'F0'");
	assert_warning(&dl, i++, path, 21, "unknown key 'enter'");
	assert_warning(&dl, i++, path, 22, "unknown request 'Quit'");
	/* the formatted form: "PATH:LINE: warning: message" */
	assert_diag(&dl, 0, DIAG_WARNING, 1, 0, "unknown theme 'dark'");
	/* good lines still apply */
	assert_string_equal(c.theme, "monochrome");
	assert_string_equal(c.author, "Jane Doe");
	assert_int_equal(c.mouse, 1);
	assert_string_equal(c.data, "/srv/data");
	assert_int_equal(c.nbindings, 1);
	assert_binding(&c, "F5", "redraw", 7);
	assert_string_equal(c.path, path);
	(void)i;
	done(&c, &dl);
}

static void test_unknown_setting_count(void **state)
{
	(void)state;
	/* the one message the test above does not count: an '=' right after an unknown name */
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	load_text(&c, &dl, "config", "\n\ncolour=red\nbind=x\n");
	assert_int_equal(dl.n, 2);
	assert_warning(&dl, 0, path, 3, "unknown setting 'colour'");
	assert_warning(&dl, 1, path, 4, "unknown setting 'bind'");
	assert_empty_config(&c);
	done(&c, &dl);
}

static void test_hostile_values_quoted(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "theme = \x1b[2J\x1b]0;pwned\x07\n");
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.items[0].line, 1);
	assert_null(strchr(dl.items[0].msg, '\x1b'));
	assert_null(strchr(dl.items[0].msg, '\x07'));
	assert_non_null(strstr(dl.items[0].msg, "unknown theme '"));
	assert_null(c.theme);
	done(&c, &dl);

	/* a long bad value is cut in the message */
	char text[3000];
	memcpy(text, "theme = ", 8);
	memset(text + 8, 'z', 2000);
	memcpy(text + 2008, "\n", 2);
	load_text(&c, &dl, "config", text);
	assert_int_equal(dl.n, 1);
	assert_true(strlen(dl.items[0].msg) < 300);
	done(&c, &dl);
}

static void test_author_control_characters(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	load_text(&c, &dl, "config",
		  "author = Jane\x1b[31mDoe\n"   /* 1 ESC */
		  "author = \"Jane\tDoe\"\n"     /* 2 TAB */
		  "author = Jane\x7f\n"          /* 3 DEL */
		  "author = Jane\xC2\x85 Doe\n"  /* 4 C1 NEL */
		  "author = Jane\xE2\x80\xAE\n"  /* 5 bidi override */
		  "author = Jane\rDoe\n"         /* 6 lone CR */
		  "author = Zoë Ñandú\n");       /* 7 fine */
	assert_int_equal(dl.n, 6);
	assert_warning(&dl, 0, path, 1, "control character in author 'Jane^[[31mDoe'");
	for (size_t i = 1; i < 6; i++) {
		assert_int_equal(dl.items[i].line, i + 1);
		assert_non_null(strstr(dl.items[i].msg, "control character in author '"));
	}
	assert_string_equal(c.author, "Zoë Ñandú");
	done(&c, &dl);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	load_text(&c, &dl, "config",
		  "author = Jane\n"
		  "author = Ja\xFFne\n"
		  "data = /srv/\xC0\xAF\n"      /* overlong '/' */
		  "bind \xE9 quit\n"              /* Latin-1 é */
		  "# a comment in Latin-1: caf\xE9\n"
		  "theme = light\n");
	assert_int_equal(dl.n, 3);
	assert_warning(&dl, 0, path, 2, "invalid UTF-8 in 'author = Ja\\xFFne'");
	assert_int_equal(dl.items[1].line, 3);
	assert_non_null(strstr(dl.items[1].msg, "invalid UTF-8 in '"));
	assert_int_equal(dl.items[2].line, 4);
	assert_non_null(strstr(dl.items[2].msg, "invalid UTF-8 in '"));
	assert_string_equal(c.author, "Jane");
	assert_null(c.data);
	assert_int_equal(c.nbindings, 0);
	assert_string_equal(c.theme, "light");
	done(&c, &dl);
}

static void test_nul_byte(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	write_bytes("config", LIT("author = Jane\0Doe\ntheme = light\n"));
	load_text(&c, &dl, "config", NULL);
	assert_int_equal(dl.n, 1);
	assert_warning(&dl, 0, path, 1, "NUL byte in line 'author = Jane^@Doe'");
	assert_null(c.author);
	assert_string_equal(c.theme, "light");
	done(&c, &dl);
}

/* A line of exactly len bytes setting author (len >= 12). */
static void add_author_line(struct strbuf *sb, size_t len, const char *ending)
{
	sb_adds(sb, "author = ");
	for (size_t i = 9; i < len; i++)
		sb_addc(sb, 'a');
	sb_adds(sb, ending);
}

static void test_long_lines(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "theme = light\n");           /* 1 */
	add_author_line(&sb, 4097, "\n");          /* 2: too long */
	sb_adds(&sb, "mouse = on\n");              /* 3 */
	add_author_line(&sb, 100000, "\n");        /* 4: far too long */
	sb_adds(&sb, "bind x quit\n");             /* 5 */
	add_author_line(&sb, 4097, "\r\n");        /* 6: too long without its CR as well */
	add_author_line(&sb, 4096, "\r\n");        /* 7: at the limit, fine */
	write_test_file(cdir, "config", sb.data);
	load_text(&c, &dl, "config", NULL);
	assert_int_equal(dl.n, 3);
	assert_warning(&dl, 0, path, 2, "line longer than 4096 bytes, skipped");
	assert_warning(&dl, 1, path, 4, "line longer than 4096 bytes, skipped");
	assert_warning(&dl, 2, path, 6, "line longer than 4096 bytes, skipped");
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.mouse, 1);
	assert_binding(&c, "x", "quit", 5);
	assert_non_null(c.author);
	assert_int_equal(strlen(c.author), 4096 - 9);
	done(&c, &dl);

	/* the last line, too long and without a newline */
	sb_reset(&sb);
	sb_adds(&sb, "theme = light\n");
	add_author_line(&sb, 5000, "");
	write_test_file(cdir, "config", sb.data);
	load_text(&c, &dl, "config", NULL);
	assert_int_equal(dl.n, 1);
	assert_warning(&dl, 0, path, 2, "line longer than 4096 bytes, skipped");
	assert_null(c.author);
	assert_string_equal(c.theme, "light");
	done(&c, &dl);
	sb_free(&sb);
}

/* ---- bindings ---- */

static void test_binding_keys(void **state)
{
	(void)state;
	const char *good[] = { "x", "Q", "F", "?", "/", "#", "\"", "=", "é", "C-a", "C-z", "F1", "F9", "F10", "F12",
			       "Enter", "Tab", "Space", "Backspace", "Up", "Down", "Left", "Right", "PgUp",
			       "PgDn", "Home", "End" };
	const char *bad[] = { "xy", "C-", "C-A", "C-1", "C-ab", "c-a", "F0", "F13", "F01", "F1x", "space",
			      "ENTER", "PageUp", "M-x", "\xE2\x80\x8B" /* zero-width space */ };
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) /* '#' alone would start a comment */
		sb_addf(&sb, strcmp(good[i], "#") == 0 ? "bind \"%s\" quit\n" : "bind %s quit\n", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		sb_addf(&sb, "bind %s quit\n", bad[i]);
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	load_text(&c, &dl, "config", sb.data);
	assert_int_equal(c.nbindings, sizeof(good) / sizeof(*good));
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		assert_binding(&c, good[i], "quit", (unsigned)i + 1);
	assert_int_equal(dl.n, sizeof(bad) / sizeof(*bad));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct strbuf want;
		sb_init(&want);
		sb_adds(&want, "unknown key ");
		diag_quote(&want, bad[i], strlen(bad[i]), 60);
		assert_warning(&dl, i, path, (unsigned)(sizeof(good) / sizeof(*good) + i + 1), want.data);
		sb_free(&want);
	}
	done(&c, &dl);
	sb_free(&sb);
}

static void test_binding_requests(void **state)
{
	(void)state;
	const char *text = "bind a quit\n"
			   "bind b move-down\n"
			   "bind c teleport\n"
			   "bind d move_down\n"
			   "bind e -quit\n"
			   "bind f search\n";
	struct config c;
	struct diag_list dl;
	const char *path = cfg_path("config");
	load_text(&c, &dl, "config", text);
	assert_int_equal(dl.n, 3);
	assert_warning(&dl, 0, path, 3, "unknown request 'teleport'");
	assert_warning(&dl, 1, path, 4, "unknown request 'move_down'");
	assert_warning(&dl, 2, path, 5, "unknown request '-quit'");
	assert_int_equal(c.nbindings, 3);
	assert_binding(&c, "a", "quit", 1);
	assert_binding(&c, "b", "move-down", 2);
	assert_binding(&c, "f", "search", 6);
	done(&c, &dl);

	/* without a validate function any well-formed request name is taken */
	diag_list_init(&dl);
	config_load(&c, path, &dl, NULL);
	assert_int_equal(dl.n, 2);
	assert_warning(&dl, 0, path, 4, "unknown request 'move_down'");
	assert_warning(&dl, 1, path, 5, "unknown request '-quit'");
	assert_int_equal(c.nbindings, 4);
	assert_binding(&c, "c", "teleport", 3);
	done(&c, &dl);
}

/* ---- files that cannot be read ---- */

static void test_missing_file(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "no-such-file", NULL);
	assert_int_equal(dl.n, 0);
	assert_null(c.path);
	assert_empty_config(&c);
	done(&c, &dl);

	diag_list_init(&dl);
	config_load(&c, cfg_path("no-such-dir/config"), &dl, validate);
	assert_int_equal(dl.n, 0);
	assert_null(c.path);
	done(&c, &dl);
}

static void test_directory(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	assert_int_equal(mkdir(cfg_path("config"), 0700), 0);
	load_text(&c, &dl, "config", NULL);
	assert_int_equal(dl.n, 1);
	assert_warning(&dl, 0, cfg_path("config"), 0, "cannot read: Is a directory");
	assert_diag(&dl, 0, DIAG_WARNING, 0, 0, "cannot read: ");
	assert_null(c.path);
	assert_empty_config(&c);
	done(&c, &dl);
}

static void test_unreadable_file(void **state)
{
	(void)state;
	if (geteuid() == 0) {
		skip(); /* root can read any file */
	}
	struct config c;
	struct diag_list dl;
	write_test_file(cdir, "config", "theme = light\n");
	assert_int_equal(chmod(cfg_path("config"), 0), 0);
	load_text(&c, &dl, "config", NULL);
	assert_int_equal(dl.n, 1);
	assert_warning(&dl, 0, cfg_path("config"), 0, "cannot read: Permission denied");
	assert_null(c.path);
	assert_empty_config(&c);
	done(&c, &dl);
}

static void test_free_twice(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load_text(&c, &dl, "config", "theme = light\nbind x quit\n");
	config_free(&c);
	assert_empty_config(&c);
	assert_null(c.path);
	config_free(&c); /* harmless on an emptied config */
	diag_list_free(&dl);
}

int run_config_tests(void)
{
#define CONFIG_TEST(f) cmocka_unit_test_setup_teardown(f, cfg_setup, cfg_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_path),
		CONFIG_TEST(test_every_setting),
		CONFIG_TEST(test_themes),
		CONFIG_TEST(test_topic_grouping),
		CONFIG_TEST(test_present),
		CONFIG_TEST(test_big_text),
		CONFIG_TEST(test_minutes_settings),
		CONFIG_TEST(test_mouse_values),
		CONFIG_TEST(test_spacing_and_comments),
		CONFIG_TEST(test_comments_after_values),
		CONFIG_TEST(test_quoted_hash),
		CONFIG_TEST(test_quoting),
		CONFIG_TEST(test_overrides),
		CONFIG_TEST(test_no_final_newline),
		CONFIG_TEST(test_crlf),
		CONFIG_TEST(test_byte_order_mark),
		CONFIG_TEST(test_bad_lines_reported),
		CONFIG_TEST(test_unknown_setting_count),
		CONFIG_TEST(test_hostile_values_quoted),
		CONFIG_TEST(test_author_control_characters),
		CONFIG_TEST(test_invalid_utf8),
		CONFIG_TEST(test_nul_byte),
		CONFIG_TEST(test_long_lines),
		CONFIG_TEST(test_binding_keys),
		CONFIG_TEST(test_binding_requests),
		CONFIG_TEST(test_missing_file),
		CONFIG_TEST(test_directory),
		CONFIG_TEST(test_unreadable_file),
		CONFIG_TEST(test_free_twice),
		CONFIG_TEST(test_hyperlinks_and_clipboard),
	};
#undef CONFIG_TEST
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
