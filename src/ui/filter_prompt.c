/*
 * filter_prompt.c - reading a filter for any list: Tab completes the fields of the list's kind and
 * their values (quoted when they hold a blank: status:"not started"), and the hint says how many of
 * the list the filter keeps while it is typed.
 */
#include "recview/filter_prompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recview/arena.h"
#include "recview/entity.h"
#include "recview/finding.h"
#include "recview/query.h"
#include "recview/query_items.h"

struct filter_session {
	const struct filter_target *target;
	bool completed; /* the last change was a Tab: its hint stays, after the count */
};

/* A value from the data is offered only when it is printable (it goes to the terminal as it is). */
static bool printable(struct rv_text t)
{
	if (!t.len || t.len > 60)
		return false;
	for (size_t i = 0; i < t.len; i++) {
		unsigned char c = (unsigned char)t.ptr[i];
		if (c < 0x20 || c == 0x7f || c == '"')
			return false;
		if (c == 0xc2 && i + 1 < t.len && (unsigned char)t.ptr[i + 1] >= 0x80 && (unsigned char)t.ptr[i + 1] < 0xa0)
			return false; /* a C1 control */
	}
	return true;
}

struct values {
	char **v;
	size_t n, cap;
};

static void add_distinct(struct values *vals, struct rv_text t)
{
	if (!printable(t) || vals->n >= 200)
		return;
	for (size_t i = 0; i < vals->n; i++)
		if (strlen(vals->v[i]) == t.len && memcmp(vals->v[i], t.ptr, t.len) == 0)
			return;
	if (vals->n == vals->cap) {
		vals->cap = vals->cap ? vals->cap * 2 : 16;
		vals->v = xreallocarray(vals->v, vals->cap, sizeof(*vals->v));
	}
	vals->v[vals->n++] = xstrndup(t.ptr, t.len);
}

/* Briefings and owners as the data set writes them. */
static void data_values(const struct rv_model *m, const char *field, struct values *vals)
{
	if (strcmp(field, "briefing") == 0) {
		for (size_t i = 0; i < rv_child_total(m, RV_QUESTIONS); i++)
			add_distinct(vals, rv_child_field(m, RV_QUESTIONS, i, Q_BRIEFING));
	} else if (strcmp(field, "owner") == 0) {
		for (size_t i = 0; i < m->nrecs; i++)
			add_distinct(vals, rv_rec_field(m, i, REC_OWNER));
		for (size_t i = 0; i < rv_child_total(m, RV_DELIVERABLES); i++)
			add_distinct(vals, rv_child_field(m, RV_DELIVERABLES, i, DEL_RESPONSIBLE));
	}
}

/* The values Tab offers after field: in a list of kind (none: NULL). */
static const char *const *vocabulary(enum rv_kind kind, const char *field, size_t *n)
{
	static const char *const statuses[] = {"not started", "planning", "progress", "behind", "complete", "none"};
	static const char *const qstates[] = {"open", "answered", "follow-up", "closed", "none"};
	static const char *const decisions[] = {"pending", "approved", "rejected", "none"};
	static const char *const priorities[] = {"P1", "P2", "P3", "P4", "none"};
	static const char *const rec_has[] = {"deliverables", "questions", "history", "text", "priority", "open",
					      "overdue", "notes", "status", "decision", "owner", "due", "briefing"};
	static const char *const del_has[] = {"open", "overdue", "owner", "due", "status", "text", "source"};
	static const char *const q_has[] = {"answer", "status", "briefing", "by", "asked", "source"};
	static const char *const hist_has[] = {"status", "decision", "note", "date", "source"};
#define ANSWER(a) (*n = sizeof(a) / sizeof(*(a)), (a))
	if (strcmp(field, "status") == 0)
		return kind == RV_QUESTIONS ? ANSWER(qstates) : ANSWER(statuses);
	if (strcmp(field, "question") == 0 && kind == RV_RECS)
		return ANSWER(qstates);
	if (strcmp(field, "decision") == 0)
		return ANSWER(decisions);
	if (strcmp(field, "priority") == 0)
		return ANSWER(priorities);
	if (strcmp(field, "has") == 0) {
		switch (kind) {
		case RV_DELIVERABLES:
			return ANSWER(del_has);
		case RV_QUESTIONS:
			return ANSWER(q_has);
		case RV_HISTORY:
			return ANSWER(hist_has);
		default:
			return ANSWER(rec_has);
		}
	}
#undef ANSWER
	*n = 0;
	return NULL;
}

/*
 * Completes a value: the typed prefix (a quote before it ignored) among cands; one match is written
 * quoted when it holds a blank, with a space after; several fill in their common prefix.
 */
static void complete_value(struct app *app, struct strbuf *text, size_t *cursor, size_t vbegin,
			   const char *const *cands, size_t n)
{
	size_t from = vbegin + (vbegin < *cursor && text->data[vbegin] == '"');
	char *prefix = xstrndup(text->data + from, *cursor - from);
	size_t matches = 0, plen = strlen(prefix);
	const char *only = NULL;
	for (size_t i = 0; i < n; i++)
		if (strncasecmp(cands[i], prefix, plen) == 0) {
			only = cands[i];
			matches++;
		}
	if (matches == 1) {
		struct strbuf w;
		sb_init(&w);
		if (!rv_query_add_value(&w, only, strlen(only)))
			sb_adds(&w, only);
		sb_addc(&w, ' ');
		struct strbuf out;
		sb_init(&out);
		sb_add(&out, text->data, vbegin);
		sb_add(&out, w.data, w.len);
		size_t at = out.len;
		sb_add(&out, text->data + *cursor, text->len - *cursor);
		sb_reset(text);
		sb_add(text, out.data, out.len);
		*cursor = at;
		sb_free(&out);
		sb_free(&w);
		app->hint[0] = '\0';
	} else {
		finding_complete(app, text, cursor, from, prefix, cands, n, " ");
	}
	free(prefix);
}

static void complete_filter(struct app *app, struct strbuf *text, size_t *cursor, void *data)
{
	struct filter_session *fs = data;
	enum rv_kind kind = fs->target->kind;
	fs->completed = true;
	size_t begin = *cursor;
	while (begin > 0 && text->data[begin - 1] != ' ')
		begin--;
	const char *word = text->data + begin;
	size_t wlen = *cursor - begin;
	bool neg = wlen && word[0] == '-';
	const char *colon = memchr(word, ':', wlen);
	const char *const *fields = kind == RV_RECS ? rv_query_fields() : rv_item_query_fields(kind);
	if (!colon) {
		size_t n = 0;
		while (fields[n])
			n++;
		char *prefix = xstrndup(word + neg, wlen - neg);
		finding_complete(app, text, cursor, begin + neg, prefix, fields, n, ":");
		free(prefix);
		return;
	}
	char *field = xstrndup(word + neg, (size_t)(colon - word) - neg);
	size_t vbegin = (size_t)(colon - text->data) + 1;
	if (vbegin < *cursor && (text->data[vbegin] == '=' || text->data[vbegin] == '~'))
		vbegin++; /* field:=value and field:~value complete the same values */
	size_t n;
	const char *const *cands = vocabulary(kind, field, &n);
	struct values vals = {0};
	if (!cands) {
		data_values(app->m, field, &vals);
		cands = (const char *const *)vals.v;
		n = vals.n;
	}
	if (n)
		complete_value(app, text, cursor, vbegin, cands, n);
	else
		snprintf(app->hint, sizeof(app->hint), "Type a value for %s:", field);
	for (size_t i = 0; i < vals.n; i++)
		free(vals.v[i]);
	free(vals.v);
	free(field);
}

static struct rv_query *parse(const struct app *app, enum rv_kind kind, const char *text, char *err, size_t size)
{
	if (kind == RV_RECS)
		return rv_query_parse_model(text, app->m, err, size);
	return rv_item_query_parse(text, app->m, kind, err, size);
}

/* As the filter is typed: how many of the list it keeps, or why it does not parse yet. */
static void count_as_typed(struct app *app, const char *text, void *data)
{
	struct filter_session *fs = data;
	char err[256], count[96];
	struct rv_query *q = *text ? parse(app, fs->target->kind, text, err, sizeof(err)) : NULL;
	if (*text && !q) {
		snprintf(count, sizeof(count), "(incomplete: %.70s)", err);
	} else {
		size_t total = 0, n = fs->target->count(app, fs->target->data, q, &total);
		snprintf(count, sizeof(count), "%zu of %zu match", n, total);
	}
	rv_query_free(q);
	if (fs->completed && app->hint[0]) {
		char rest[sizeof(app->hint)];
		snprintf(rest, sizeof(rest), "%s", app->hint);
		snprintf(app->hint, sizeof(app->hint), "%s  %.400s", count, rest);
	} else {
		snprintf(app->hint, sizeof(app->hint), "%s", count);
	}
	fs->completed = false;
}

bool filter_prompt_read(struct app *app, const char *label, const struct filter_target *target, struct strbuf *text,
			struct prompt_history *history, struct rv_query **out)
{
	struct filter_session fs = {.target = target};
	struct prompt_hooks hooks = {.changed = count_as_typed, .complete = complete_filter, .history = history,
				     .data = &fs};
	count_as_typed(app, text->data ? text->data : "", &fs);
	bool ok = prompt_read(app, label, text, &hooks);
	app->hint[0] = '\0';
	*out = NULL;
	if (!ok)
		return false;
	while (text->len && text->data[text->len - 1] == ' ')
		text->data[--text->len] = '\0'; /* the space a completion leaves */
	char err[512];
	if (text->len && !(*out = parse(app, target->kind, text->data, err, sizeof(err)))) {
		app_message(app, C_ERROR, "filter: %s", err);
		return false;
	}
	return true;
}

size_t filter_prompt_count_recs(struct app *app, void *data, const struct rv_query *q, size_t *total)
{
	(void)data;
	uint32_t *out = xcalloc(app->m->nrecs + 1, sizeof(*out));
	size_t n = rv_query_select_as_of(app->m, q, app->as_of, RV_SORT_ID, false, out);
	free(out);
	*total = app->m->nrecs;
	return n;
}
