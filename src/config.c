/*
 * config.c - reads the configuration file (see config.h for the format).
 *
 * The file is read line by line with a bounded buffer, so a huge or hostile file costs at most one
 * line's worth of memory. Every problem is a warning naming the line; a bad line is skipped and the
 * rest of the file still applies. A later setting overrides an earlier one; a later binding of the
 * same key replaces the earlier binding.
 */
#include "recview/config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/split.h"
#include "recview/columns.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/theme.h"
#include "recview/utf8.h"

#define CONFIG_MAX_LINE 4096 /* bytes, without the line ending */
#define QUOTE_COLS 60        /* columns of quoted text in a message */

static const char *const named_keys[] = { "Enter", "Tab",  "Space", "Backspace", "Up",  "Down",
					  "Left",  "Right", "PgUp",  "PgDn",      "Home", "End" };

/* ---- the default path ---- */

/* dir (trailing slashes dropped) + suffix, malloc'd. */
static char *join_path(const char *dir, const char *suffix)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 1 && dir[0] == '/')
		n = 0; /* "/" + "/recview/config" */
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, dir, n);
	sb_adds(&sb, suffix);
	char *s = sb_detach(&sb);
	sb_free(&sb);
	return s;
}

char *config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && xdg[0] == '/')
		return join_path(xdg, "/recview/config");
	const char *home = getenv("HOME");
	if (home && home[0])
		return join_path(home, "/.config/recview/config");
	return NULL;
}

/* ---- helpers ---- */

static void config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->mouse = -1;
	c->git_commit = -1;
	c->split = -1;
}

void config_free(struct config *c)
{
	free(c->path);
	free(c->theme);
	free(c->author);
	free(c->data);
	free(c->hyperlinks);
	free(c->clipboard);
	free(c->topic_grouping);
	free(c->present);
	free(c->as_of_later);
	free(c->big_text);
	free(c->minutes_file);
	free(c->minutes_on_leave);
	for (size_t l = 0; l < sizeof(c->columns) / sizeof(*c->columns); l++)
		free(c->columns[l]);
	for (size_t i = 0; i < c->nbindings; i++) {
		free(c->bindings[i].key);
		free(c->bindings[i].request);
	}
	free(c->bindings);
	config_init(c);
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* The context of one load: where messages go. */
struct loader {
	struct config *c;
	const char *path;
	struct diag_list *diags;
	bool (*validate_request)(const char *name);
	unsigned line;
};

/* A warning about the current line: fmt holds one "%s", replaced by s[0..len) quoted safely. */
static void warn_quoted(struct loader *ld, const char *fmt, const char *s, size_t len)
{
	struct strbuf q;
	sb_init(&q);
	diag_quote(&q, s, len, QUOTE_COLS);
	diag_add(ld->diags, DIAG_WARNING, ld->path, ld->line, 0, fmt, q.data);
	sb_free(&q);
}

static void set_string(char **field, const char *s, size_t len)
{
	free(*field);
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, s, len);
	*field = sb_detach(&sb);
	sb_free(&sb);
}

static bool word_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(s, word, len) == 0;
}

static const char *const hyperlink_words[] = {"auto", "on", "off", NULL};
static const char *const clipboard_words[] = {"auto", "osc52", "file", "off", NULL};
static const char *const topic_grouping_words[] = {"normalise", "off", NULL};
static const char *const present_words[] = {"ask", "agenda", "list", NULL};
static const char *const as_of_later_words[] = {"hide", "dim", NULL};
static const char *const big_text_words[] = {"auto", "kitty", "blocks", "off", NULL};
static const char *const yes_no_words[] = {"yes", "no", NULL};

/* A setting that takes one of a few words: kept as written, or a warning naming them. */
static void set_choice(struct loader *ld, char **field, const char *what, const char *const *words,
		       const char *val, size_t vlen)
{
	struct strbuf known;
	sb_init(&known);
	for (size_t k = 0; words[k]; k++) {
		if (word_is(val, vlen, words[k])) {
			set_string(field, val, vlen);
			sb_free(&known);
			return;
		}
		sb_addf(&known, "%s%s", k ? ", " : "", words[k]);
	}
	struct strbuf fmt;
	sb_init(&fmt);
	sb_addf(&fmt, "unknown %s setting %%s (use %s)", what, known.data);
	warn_quoted(ld, fmt.data, val, vlen);
	sb_free(&fmt);
	sb_free(&known);
}

/* True when s[0..len) holds a control character (C0, DEL, C1) or anything the terminal would not show
 * as plain text (bidi overrides, zero-width characters...). s is valid UTF-8. */
static bool has_control(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0)
			return true;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return true;
		i += n;
	}
	return text_has_escapes(s, len);
}

/* KEY of a binding: one printable character, C-a..C-z, F1..F12 or a named key. */
static bool valid_key(const char *s, size_t len)
{
	uint32_t cp;
	size_t n = utf8_decode((const unsigned char *)s, len, &cp);
	if (n > 0 && n == len)
		return cp > 0x20 && cp != 0x7f && text_cp_width(cp) > 0;
	if (len == 3 && s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z')
		return true;
	if ((len == 2 || len == 3) && s[0] == 'F' && s[1] >= '1' && s[1] <= '9') {
		if (len == 2)
			return true;
		return s[1] == '1' && s[2] >= '0' && s[2] <= '2';
	}
	for (size_t i = 0; i < sizeof(named_keys) / sizeof(*named_keys); i++)
		if (word_is(s, len, named_keys[i]))
			return true;
	return false;
}

/* REQUEST of a binding: lower-case words joined by '-', then whatever validate_request says. */
static bool valid_request(struct loader *ld, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
			return false;
	}
	if (len == 0 || s[0] == '-')
		return false;
	if (!ld->validate_request)
		return true;
	char *name = xmalloc(len + 1);
	memcpy(name, s, len);
	name[len] = '\0';
	bool ok = ld->validate_request(name);
	free(name);
	return ok;
}

/* ---- one line ---- */

/* When s[i] opens a quoted string, its closing '"'; else NULL. A '"' opens one when it begins a word
 * (at the start, after a space or '=') and another '"' follows; elsewhere it is a plain character. */
static const char *quote_end(const char *s, size_t len, size_t i)
{
	if (s[i] != '"' || (i > 0 && !is_space(s[i - 1]) && s[i - 1] != '='))
		return NULL;
	return memchr(s + i + 1, '"', len - i - 1);
}

/* The length of s without its comment: '#' starts one anywhere outside a quoted string, so that
 * "author = Jane Doe   # who I am" sets "Jane Doe" and "author = \"a # b\"" keeps the '#'. */
static size_t without_comment(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		const char *close = quote_end(s, len, i);
		if (close)
			i = (size_t)(close - s);
		else if (s[i] == '#')
			return i;
	}
	return len;
}

/* "bind KEY REQUEST"; rest is what follows the word "bind". */
static void parse_bind(struct loader *ld, const char *rest, size_t len)
{
	const char *words[3];
	size_t lens[3];
	size_t nwords = 0, i = 0;
	while (i < len) {
		while (i < len && is_space(rest[i]))
			i++;
		if (i == len)
			break;
		size_t start = i, end;
		const char *close = quote_end(rest, len, i);
		if (close) {
			/* a quoted word, for the key that starts a comment: bind "#" quit */
			start = i + 1;
			end = (size_t)(close - rest);
			i = end + 1;
		} else {
			while (i < len && !is_space(rest[i]))
				i++;
			end = i;
		}
		if (nwords < 3) {
			words[nwords] = rest + start;
			lens[nwords] = end - start;
		}
		nwords++;
	}
	if (nwords != 2) {
		warn_quoted(ld, "bind needs a key and a request (bind KEY REQUEST), not %s", rest, len);
		return;
	}
	if (!valid_key(words[0], lens[0])) {
		warn_quoted(ld, "unknown key %s", words[0], lens[0]);
		return;
	}
	if (!valid_request(ld, words[1], lens[1])) {
		warn_quoted(ld, "unknown request %s", words[1], lens[1]);
		return;
	}
	struct config *c = ld->c;
	struct config_binding *b = NULL;
	for (size_t k = 0; k < c->nbindings; k++)
		if (word_is(words[0], lens[0], c->bindings[k].key))
			b = &c->bindings[k];
	if (!b) {
		c->bindings = xreallocarray(c->bindings, c->nbindings + 1, sizeof(*c->bindings));
		b = &c->bindings[c->nbindings++];
		b->key = NULL;
		b->request = NULL;
		set_string(&b->key, words[0], lens[0]);
	}
	set_string(&b->request, words[1], lens[1]);
	b->line = ld->line;
}

static void parse_split(struct loader *ld, const char *val, size_t vlen)
{
	char word[8];
	enum split_mode mode;
	if (vlen < sizeof(word)) {
		memcpy(word, val, vlen);
		word[vlen] = '\0';
		if (split_parse_mode(word, &mode)) {
			ld->c->split = (int)mode;
			return;
		}
	}
	warn_quoted(ld, "unknown split setting %s (use auto, on or off)", val, vlen);
}

/* A whole number of percent for the list, SPLIT_RATIO_MIN to SPLIT_RATIO_MAX. */
static void parse_split_ratio(struct loader *ld, const char *val, size_t vlen)
{
	int n = 0;
	size_t i = 0;
	for (; i < vlen && i < 3 && val[i] >= '0' && val[i] <= '9'; i++)
		n = n * 10 + (val[i] - '0');
	if (i == 0 || i != vlen || n < SPLIT_RATIO_MIN || n > SPLIT_RATIO_MAX) {
		warn_quoted(ld, "split-ratio %s is not a percent from 20 to 80", val, vlen);
		return;
	}
	ld->c->split_ratio = n;
}

/* "columns.LIST = SPEC": the spec is read here (a bad one said with its line); whether its names are
 * columns of the data set is known once the data set is read (list_columns.c). */
_Static_assert(RV_COLS_LISTS == sizeof(((struct config *)0)->columns) / sizeof(char *), "a spec per list");

static void parse_columns(struct loader *ld, const char *list, size_t list_len, const char *val, size_t vlen)
{
	enum rv_col_list l;
	if (!rv_col_list_by_name(list, list_len, &l)) {
		warn_quoted(ld,
			    "unknown list %s (columns.recommendations, .deliverables, .questions, .history, .agenda, "
			    ".results, .log)",
			    list, list_len);
		return;
	}
	struct rv_col_choice choice;
	char err[160];
	if (!rv_columns_parse(val, vlen, &choice, err, sizeof(err))) {
		diag_add(ld->diags, DIAG_WARNING, ld->path, ld->line, 0, "columns.%s: %s", rv_col_list_name(l), err);
		return;
	}
	set_string(&ld->c->columns[l], val, vlen);
	ld->c->columns_line[l] = ld->line;
}

/* "name = value"; s[0..len) is the trimmed line, name the word before '=' or a space. */
static void parse_setting(struct loader *ld, const char *s, size_t len, size_t name_len)
{
	const char *name = s;
	size_t i = name_len;
	while (i < len && is_space(s[i]))
		i++;
	if (i == len || s[i] != '=') {
		warn_quoted(ld, "expected '=' after %s", name, name_len);
		return;
	}
	i++;
	while (i < len && is_space(s[i]))
		i++;
	const char *val = s + i;
	size_t vlen = len - i;
	if (vlen > 0 && val[0] == '"') {
		const char *close = memchr(val + 1, '"', vlen - 1);
		if (!close) {
			warn_quoted(ld, "missing closing '\"' in %s", val, vlen);
			return;
		}
		if ((size_t)(close - val) != vlen - 1) {
			warn_quoted(ld, "text after the closing '\"' in %s", val, vlen);
			return;
		}
		val++;
		vlen -= 2;
	}

	struct config *c = ld->c;
	if (name_len > 8 && memcmp(name, "columns.", 8) == 0) {
		parse_columns(ld, name + 8, name_len - 8, val, vlen);
	} else if (word_is(name, name_len, "theme")) {
		if (rv_theme_find(val, vlen)) {
			set_string(&c->theme, val, vlen);
			return;
		}
		warn_quoted(ld, "unknown theme %s (known: default, light, high-contrast, monochrome, okabe-ito)", val, vlen);
	} else if (word_is(name, name_len, "author")) {
		if (vlen == 0)
			diag_add(ld->diags, DIAG_WARNING, ld->path, ld->line, 0, "author is empty");
		else if (has_control(val, vlen))
			warn_quoted(ld, "control character in author %s", val, vlen);
		else
			set_string(&c->author, val, vlen);
	} else if (word_is(name, name_len, "mouse")) {
		if (word_is(val, vlen, "on") || word_is(val, vlen, "yes") || word_is(val, vlen, "true") ||
		    word_is(val, vlen, "1"))
			c->mouse = 1;
		else if (word_is(val, vlen, "off") || word_is(val, vlen, "no") || word_is(val, vlen, "false") ||
			 word_is(val, vlen, "0"))
			c->mouse = 0;
		else
			warn_quoted(ld, "unknown mouse setting %s (use on or off)", val, vlen);
	} else if (word_is(name, name_len, "git")) {
		if (word_is(val, vlen, "commit"))
			c->git_commit = 1;
		else if (word_is(val, vlen, "off") || word_is(val, vlen, "no"))
			c->git_commit = 0;
		else
			warn_quoted(ld, "unknown git setting %s (use commit or off)", val, vlen);
	} else if (word_is(name, name_len, "split")) {
		parse_split(ld, val, vlen);
	} else if (word_is(name, name_len, "split-ratio")) {
		parse_split_ratio(ld, val, vlen);
	} else if (word_is(name, name_len, "hyperlinks")) {
		set_choice(ld, &c->hyperlinks, "hyperlinks", hyperlink_words, val, vlen);
	} else if (word_is(name, name_len, "clipboard")) {
		set_choice(ld, &c->clipboard, "clipboard", clipboard_words, val, vlen);
	} else if (word_is(name, name_len, "topic-grouping")) {
		set_choice(ld, &c->topic_grouping, "topic-grouping", topic_grouping_words, val, vlen);
	} else if (word_is(name, name_len, "as-of-later")) {
		set_choice(ld, &c->as_of_later, "as-of-later", as_of_later_words, val, vlen);
	} else if (word_is(name, name_len, "big-text")) {
		set_choice(ld, &c->big_text, "big-text", big_text_words, val, vlen);
	} else if (word_is(name, name_len, "present")) {
		set_choice(ld, &c->present, "present", present_words, val, vlen);
	} else if (word_is(name, name_len, "minutes-file")) {
		if (vlen == 0)
			diag_add(ld->diags, DIAG_WARNING, ld->path, ld->line, 0, "minutes-file is empty");
		else
			set_string(&c->minutes_file, val, vlen);
	} else if (word_is(name, name_len, "minutes-on-leave")) {
		set_choice(ld, &c->minutes_on_leave, "minutes-on-leave", yes_no_words, val, vlen);
	} else if (word_is(name, name_len, "data")) {
		if (vlen == 0)
			diag_add(ld->diags, DIAG_WARNING, ld->path, ld->line, 0, "data path is empty");
		else
			set_string(&c->data, val, vlen);
	} else {
		warn_quoted(ld, "unknown setting %s", name, name_len);
	}
}

static void parse_line(struct loader *ld, const char *s, size_t len)
{
	while (len > 0 && is_space(s[0])) {
		s++;
		len--;
	}
	len = without_comment(s, len);
	while (len > 0 && is_space(s[len - 1]))
		len--;
	if (len == 0)
		return;
	if (memchr(s, '\0', len)) {
		warn_quoted(ld, "NUL byte in line %s", s, len);
		return;
	}
	if (utf8_first_invalid(s, len) != len) {
		warn_quoted(ld, "invalid UTF-8 in %s", s, len);
		return;
	}
	size_t name_len = 0;
	while (name_len < len && !is_space(s[name_len]) && s[name_len] != '=')
		name_len++;
	if (name_len == 0) {
		warn_quoted(ld, "unknown setting %s", s, len);
		return;
	}
	if (word_is(s, name_len, "bind") && (name_len == len || is_space(s[name_len]))) {
		/* "bind = quit" binds the key '='; only "bind=..." is a (wrong) setting */
		size_t i = name_len;
		while (i < len && is_space(s[i]))
			i++;
		parse_bind(ld, s + i, len - i);
		return;
	}
	parse_setting(ld, s, len, name_len);
}

/* ---- the file ---- */

/* Opens path for reading without blocking on a FIFO; sets errno and returns NULL on failure. */
static FILE *open_config(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return NULL;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return NULL;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		(void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return f;
}

static void cannot_read(struct loader *ld, int err)
{
	const char *why = err == EINVAL ? "not a regular file" : strerror(err);
	diag_add(ld->diags, DIAG_WARNING, ld->path, 0, 0, "cannot read: %s", why);
}

void config_load(struct config *c, const char *path, struct diag_list *diags,
		 bool (*validate_request)(const char *name))
{
	config_init(c);
	struct loader ld = { .c = c, .path = path, .diags = diags, .validate_request = validate_request };
	FILE *f = open_config(path);
	if (!f) {
		if (errno != ENOENT)
			cannot_read(&ld, errno);
		return;
	}

	/* Room for a line at the limit plus a CR plus one byte that tells it is too long. */
	char buf[CONFIG_MAX_LINE + 2];
	size_t n = 0;
	bool overflow = false, first = true;
	int ch;
	errno = 0;
	for (;;) {
		ch = getc(f);
		if (ch != EOF && ch != '\n') {
			if (n < sizeof(buf))
				buf[n++] = (char)ch;
			else
				overflow = true;
			continue;
		}
		if (ch == EOF && ferror(f))
			break;
		if (ch == EOF && n == 0 && !overflow)
			break; /* no last line after the final newline */
		ld.line++;
		if (!overflow && n > 0 && buf[n - 1] == '\r')
			n--;
		const char *s = buf;
		size_t len = n;
		if (first && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3; /* a byte-order mark */
			len -= 3;
		}
		first = false;
		if (overflow || len > CONFIG_MAX_LINE)
			diag_add(diags, DIAG_WARNING, path, ld.line, 0, "line longer than %d bytes, skipped",
				 CONFIG_MAX_LINE);
		else
			parse_line(&ld, s, len);
		n = 0;
		overflow = false;
		if (ch == EOF)
			break;
	}
	if (ferror(f)) {
		int e = errno ? errno : EIO;
		fclose(f);
		config_free(c);
		cannot_read(&ld, e);
		return;
	}
	fclose(f);
	c->path = xstrdup(path);
}
