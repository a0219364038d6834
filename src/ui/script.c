/* script.c - reading a key script. */
#include "recview/script.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/utf8.h"

struct script {
	struct script_step *steps;
	size_t n, cap, next;
	char **lines; /* command texts */
	size_t nlines;
};

static void push(struct script *s, struct script_step step)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->steps = xreallocarray(s->steps, s->cap, sizeof(*s->steps));
	}
	s->steps[s->n++] = step;
}

static bool named_key(const char *name, size_t len, struct key *key)
{
	static const struct {
		const char *name;
		int code;
		bool fn;
	} names[] = {
		{"Enter", '\r', false},    {"Esc", 27, false},          {"Tab", '\t', false},
		{"S-Tab", KEY_BTAB, true}, {"BS", KEY_BACKSPACE, true}, {"Up", KEY_UP, true},
		{"Down", KEY_DOWN, true},  {"Left", KEY_LEFT, true},    {"Right", KEY_RIGHT, true},
		{"PgUp", KEY_PPAGE, true}, {"PgDn", KEY_NPAGE, true},   {"Home", KEY_HOME, true},
		{"End", KEY_END, true},    {"Space", ' ', false},       {"F1", KEY_F(1), true},
		{"lt", '<', false},        {"Del", KEY_DC, true},      {"Colon", ':', false},
		{"Hash", '#', false}, /* a line that starts with # is a comment */
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (strlen(names[i].name) == len && strncmp(names[i].name, name, len) == 0) {
			key->code = names[i].code;
			key->is_fn = names[i].fn;
			return true;
		}
	}
	if (len == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z') {
		key->code = name[2] & 0x1f;
		key->is_fn = false;
		return true;
	}
	return false;
}

static bool parse_keys(struct script *s, const char *line, unsigned lineno, char *err, size_t errsize)
{
	size_t len = strlen(line);
	for (size_t i = 0; i < len;) {
		struct script_step step = {.kind = STEP_KEY, .line = lineno};
		if (line[i] == '<') {
			const char *close = strchr(line + i, '>');
			if (!close || !named_key(line + i + 1, (size_t)(close - line - i - 1), &step.key)) {
				snprintf(err, errsize, "line %u: unknown key name at '%s'", lineno, line + i);
				return false;
			}
			i = (size_t)(close - line) + 1;
		} else {
			uint32_t cp;
			size_t n = utf8_decode((const unsigned char *)line + i, len - i, &cp);
			if (!n) {
				snprintf(err, errsize, "line %u: invalid UTF-8", lineno);
				return false;
			}
			step.key.code = (int)cp;
			i += n;
		}
		push(s, step);
	}
	return true;
}

struct script *script_load(const char *path, char *err, size_t errsize)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errsize, "cannot open script %s", path);
		return NULL;
	}
	struct script *s = xcalloc(1, sizeof(*s));
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	unsigned lineno = 0;
	bool ok = true;
	while (ok && (got = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		if (got == 0 || line[0] == '#')
			continue;
		if (line[0] == ':') {
			s->lines = xreallocarray(s->lines, s->nlines + 1, sizeof(*s->lines));
			s->lines[s->nlines] = xstrdup(line + 1);
			push(s, (struct script_step){.kind = STEP_COMMAND, .command = s->lines[s->nlines], .line = lineno});
			s->nlines++;
		} else {
			ok = parse_keys(s, line, lineno, err, errsize);
		}
	}
	free(line);
	fclose(f);
	if (!ok) {
		script_free(s);
		return NULL;
	}
	return s;
}

bool script_next(struct script *s, struct script_step *step)
{
	if (s->next >= s->n)
		return false;
	*step = s->steps[s->next++];
	return true;
}

void script_free(struct script *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nlines; i++)
		free(s->lines[i]);
	free(s->lines);
	free(s->steps);
	free(s);
}
