/*
 * columns.c - the columns each list can show and the user's choice of them (see columns.h).
 *
 * The built-in columns of each list reproduce the layout the lists always had; the kind's other
 * known fields (by their schema entry) and the data set's extra columns follow, hidden until chosen.
 */
#include "recview/columns.h"

#include <stdio.h>
#include <string.h>

#include "recview/strbuf.h"
#include "recview/text.h"

static const char *const list_names[RV_COLS_LISTS] = {"recommendations", "deliverables", "questions", "history",
							"agenda",          "results",      "log"};
/* The log's rows are changes, not history entries: its kind only says that they are no recommendation. */
static const enum rv_kind list_kinds[RV_COLS_LISTS] = {RV_RECS,    RV_DELIVERABLES, RV_QUESTIONS, RV_HISTORY,
						       RV_RECS,    RV_RECS,         RV_HISTORY};

bool rv_col_list_of_recs(enum rv_col_list list)
{
	return list == RV_COLS_RECS || list == RV_COLS_AGENDA;
}

bool rv_col_list_by_name(const char *s, size_t len, enum rv_col_list *out)
{
	for (int l = 0; l < RV_COLS_LISTS; l++)
		if (strlen(list_names[l]) == len && memcmp(s, list_names[l], len) == 0) {
			*out = (enum rv_col_list)l;
			return true;
		}
	return false;
}

const char *rv_col_list_name(enum rv_col_list list)
{
	return list_names[list];
}

enum rv_kind rv_col_list_kind(enum rv_col_list list)
{
	return list_kinds[list];
}

/* ---- the built-in columns ---- */

#define FIXED(w) RV_FIT_FIXED, (w), 0
#define FITTED(lo, hi) RV_FIT_CONTENT, (hi), (lo)

/* The recommendations list as it always was: narrow screens drop Open, Done, Changed, Pri, Decision. */
static const struct rv_col_def rec_builtin[] = {
	{"id", "ID", RV_COL_ID, REC_ID, FITTED(2, 14), 0, 0, 0, false, true, true, RV_COL_IDLIKE},
	{"notes", "", RV_COL_NOTES, -1, FIXED(1), 0, 0, 0, false, true, true, RV_COL_PLAIN},
	{"decision", "Decision", RV_COL_DECISION, REC_DECISION, FIXED(8), 16, 1, 0, false, false, true, RV_COL_PLAIN},
	{"priority", "Pri", RV_COL_PRIORITY, REC_PRIORITY, FIXED(3), 24, 2, 0, false, false, true, RV_COL_PLAIN},
	{"topic", "Topic", RV_COL_FIELD, REC_TOPIC, RV_FIT_SHARE, 3, 0, 60, 0, 0, false, false, true, RV_COL_DIM},
	{"title", "Title or text", RV_COL_HEADLINE, REC_TITLE, RV_FIT_FLEX, 0, 0, 0, 0, 0, false, false, true,
	 RV_COL_PLAIN},
	{"done", "Done", RV_COL_DONE, -1, FIXED(6), 40, 4, 1, true, false, true, RV_COL_PLAIN},
	{"open", "Open", RV_COL_OPEN, -1, FIXED(5), 40, 5, 0, true, false, true, RV_COL_PLAIN},
	{"changed", "Changed", RV_COL_CHANGED, -1, FIXED(10), 30, 3, 0, false, false, true, RV_COL_DATELIKE},
	{"status", "Status", RV_COL_STATUS, REC_STATUS, FITTED(6, 16), 0, 0, 0, false, false, false, RV_COL_PLAIN},
	{"owner", "Owner", RV_COL_FIELD, REC_OWNER, FITTED(5, 20), 0, 0, 0, false, false, false, RV_COL_DIM},
	{"due", "Due", RV_COL_NEXT_DUE, -1, FITTED(4, 13), 0, 0, 1, false, false, false, RV_COL_DATELIKE},
};

static const struct rv_col_def deliverable_builtin[] = {
	{"rec", "Rec", RV_COL_ID, DEL_REC_ID, FITTED(4, 14), 0, 0, 0, false, true, true, RV_COL_IDLIKE},
	{"description", "Deliverable", RV_COL_FIELD, DEL_DESCRIPTION, RV_FIT_FLEX, 0, 0, 0, 0, 0, false, false, true,
	 RV_COL_PLAIN},
	{"owner", "Owner", RV_COL_FIELD, DEL_RESPONSIBLE, FIXED(14), 34, 1, 0, false, false, true, RV_COL_DIM},
	{"due", "Due", RV_COL_DUE, DEL_DUE, FIXED(10), 0, 0, 1, false, false, true, RV_COL_DATELIKE},
	{"status", "Status", RV_COL_STATUS, DEL_STATUS, FITTED(6, 16), 0, 0, 0, false, false, false, RV_COL_PLAIN},
};

static const struct rv_col_def question_builtin[] = {
	{"qid", "Q", RV_COL_FIELD, Q_QID, FIXED(6), 0, 0, 0, false, true, true, RV_COL_IDLIKE},
	{"rec", "Rec", RV_COL_ID, Q_REC_ID, FITTED(4, 14), 0, 0, 0, false, true, true, RV_COL_IDLIKE},
	{"status", "State", RV_COL_QSTATE, Q_STATUS, FIXED(9), 0, 0, 0, false, false, true, RV_COL_PLAIN},
	{"question", "Question", RV_COL_FIELD, Q_QUESTION, RV_FIT_FLEX, 0, 0, 0, 0, 0, false, false, true,
	 RV_COL_PLAIN},
};

static const struct rv_col_def history_builtin[] = {
	{"date", "Date", RV_COL_DATE, HIST_DATE, FIXED(10), 0, 0, 0, false, false, true, RV_COL_DATELIKE},
	{"rec", "Rec", RV_COL_ID, HIST_REC_ID, FITTED(4, 14), 0, 0, 0, false, true, true, RV_COL_IDLIKE},
	{"status", "Status", RV_COL_HSTATUS, HIST_STATUS, FIXED(14), 0, 0, 0, false, false, true, RV_COL_PLAIN},
	{"decision", "Decision", RV_COL_HDECISION, HIST_DECISION, FIXED(9), 0, 0, 0, false, false, true, RV_COL_PLAIN},
	{"note", "Note", RV_COL_FIELD, HIST_NOTE, RV_FIT_FLEX, 0, 0, 0, 0, 0, false, false, true, RV_COL_PLAIN},
};

/* The agenda as it always was after its position and marks: the id in 12, the status word in 16, the
 * item's budget in the meeting, the title; fitted wider for longer values. Its other columns are the
 * recommendations' (agenda_from). */
static const struct rv_col_def agenda_builtin[] = {
	{"id", "ID", RV_COL_ID, REC_ID, FITTED(11, 24), 0, 0, 0, false, true, true, RV_COL_IDLIKE},
	{"status", "Status", RV_COL_STATUS, REC_STATUS, FITTED(15, 16), 0, 0, 0, false, false, true, RV_COL_PLAIN},
	{"minutes", "Budget", RV_COL_MINUTES, -1, FIXED(6), 0, 1, 0, true, false, true, RV_COL_PLAIN},
	{"title", "Title or text", RV_COL_HEADLINE, REC_TITLE, RV_FIT_FLEX, 0, 0, 0, 0, 0, false, false, true,
	 RV_COL_PLAIN},
};

/* The search results as they always were: the id (a recommendation's, a review's) in 11 with the tag
 * mark, the hits in 6, the fields matched; the recommendations' columns follow (results_from). */
static const struct rv_col_def results_builtin[] = {
	{"id", "Rec", RV_COL_ID, REC_ID, FITTED(9, 24), 0, 0, 0, false, true, true, RV_COL_IDLIKE},
	{"hits", "Hits", RV_COL_HITS, -1, FIXED(5), 0, 0, 1, true, false, true, RV_COL_DIM},
	{"matched", "Matched fields", RV_COL_MATCHED, -1, RV_FIT_FLEX, 0, 0, 0, 0, 0, false, false, true,
	 RV_COL_PLAIN},
};

/* The log as it always was: date 17, author 11, rec 11, item 6, kind 9 (each with its space), the
 * change; the ids and kinds fitted wider for longer values. The old and new values and the note apart, when chosen. */
static const struct rv_col_def log_builtin[] = {
	{"date", "Date", RV_COL_LOG_DATE, -1, FIXED(16), 0, 0, 0, false, true, true, RV_COL_DATELIKE},
	/* Fixed: an author may be a source file's long name, which would crowd the change out. */
	{"author", "Author", RV_COL_LOG_AUTHOR, -1, FIXED(10), 0, 0, 0, false, false, true, RV_COL_DIM},
	{"rec", "Rec", RV_COL_LOG_REC, -1, FITTED(10, 24), 0, 0, 0, false, false, true, RV_COL_IDLIKE},
	{"item", "Item", RV_COL_LOG_ITEM, -1, FITTED(5, 12), 0, 0, 0, false, false, true, RV_COL_IDLIKE},
	{"kind", "Kind", RV_COL_LOG_KIND, -1, FITTED(8, 16), 0, 0, 0, false, false, true, RV_COL_DIM},
	{"change", "Change", RV_COL_LOG_CHANGE, -1, RV_FIT_FLEX, 0, 0, 0, 0, 0, false, false, true, RV_COL_PLAIN},
	{"old", "Old", RV_COL_LOG_OLD, -1, FITTED(3, 30), 0, 0, 0, false, false, false, RV_COL_DIM},
	{"new", "New", RV_COL_LOG_NEW, -1, FITTED(3, 30), 0, 0, 0, false, false, false, RV_COL_PLAIN},
	{"note", "Note", RV_COL_LOG_NOTE, -1, FITTED(4, 40), 0, 0, 0, false, false, false, RV_COL_DIM},
};

static const struct {
	const struct rv_col_def *defs;
	size_t n;
} builtin[RV_COLS_LISTS] = {
	{rec_builtin, sizeof(rec_builtin) / sizeof(*rec_builtin)},
	{deliverable_builtin, sizeof(deliverable_builtin) / sizeof(*deliverable_builtin)},
	{question_builtin, sizeof(question_builtin) / sizeof(*question_builtin)},
	{history_builtin, sizeof(history_builtin) / sizeof(*history_builtin)},
	{agenda_builtin, sizeof(agenda_builtin) / sizeof(*agenda_builtin)},
	{results_builtin, sizeof(results_builtin) / sizeof(*results_builtin)},
	{log_builtin, sizeof(log_builtin) / sizeof(*log_builtin)},
};

static bool name_char(char c);

/* A column's name as the configuration writes it ("answered by" -> "answered_by", "Due (text)" ->
 * "due__text_"), and its header ("Answered by"). */
static void name_from(const char *s, size_t len, char *name, char *header)
{
	char norm[RV_COL_NAME];
	size_t n = rv_normalize_name(s, len, norm, sizeof(norm));
	for (size_t i = 0; i < n; i++)
		name[i] = name_char(norm[i]) ? norm[i] : '_';
	name[n] = '\0';
	if (header) {
		memcpy(header, norm, n + 1);
		if (header[0] >= 'a' && header[0] <= 'z')
			header[0] = (char)(header[0] - 'a' + 'A');
	}
}

static bool covers_field(const struct rv_col_set *set, int field)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->defs[i].what != RV_COL_EXTRA && set->defs[i].field == field)
			return true;
	return false;
}

/* A column that only shows when chosen: fitted to its values; chosen, it stays while the default ones
 * make room (it goes only when nothing else is left to drop). */
static void add_hidden(struct rv_col_set *set, enum rv_col_what what, int field, const char *name,
		       const char *header)
{
	char unique[RV_COL_NAME];
	if (set->n == RV_COLS_MAX || name[0] == '\0')
		return;
	if (rv_columns_find(set, name) >= 0) {
		/* An extra column named like a built-in one (a file's "Notes" beside the notes mark). */
		snprintf(unique, sizeof(unique), "%.31s_column", name);
		if (rv_columns_find(set, unique) >= 0)
			return;
		name = unique;
	}
	struct rv_col_def *d = &set->defs[set->n++];
	memset(d, 0, sizeof(*d));
	snprintf(d->name, sizeof(d->name), "%s", name);
	snprintf(d->header, sizeof(d->header), "%s", header);
	d->what = what;
	d->field = field;
	d->fit = RV_FIT_CONTENT;
	d->width = 24;
	d->min = 3;
}

/* A column of the recommendations for a list built on theirs: hidden until chosen; with the list's own
 * flexible column there, the title and the topic are fitted to their values instead. */
static void add_rec_column(struct rv_col_set *out, struct rv_col_def d, bool fit_flexible)
{
	if (out->n == RV_COLS_MAX || rv_columns_find(out, d.name) >= 0)
		return;
	d.shown = false;
	d.sticky = false; /* the notes mark stays beside the id in the recommendations only */
	if (fit_flexible && (d.fit == RV_FIT_FLEX || d.fit == RV_FIT_SHARE)) {
		d.width = d.fit == RV_FIT_FLEX ? 40 : 24;
		d.min = 5;
		d.fit = RV_FIT_CONTENT;
		d.keep = 0;
	}
	d.drop = 0; /* chosen, it stays while there is room: the list's own order of dropping is its */
	out->defs[out->n++] = d;
}

/* The agenda and the search results: their own columns, then every other column of the
 * recommendations (those of the data set included), hidden until chosen. */
static void recs_based(const struct rv_model *m, enum rv_col_list list, struct rv_col_set *out)
{
	struct rv_col_set recs;
	rv_columns_available(m, RV_COLS_RECS, &recs);
	memset(out, 0, sizeof(*out));
	out->list = list;
	for (size_t i = 0; i < builtin[list].n; i++)
		out->defs[out->n++] = builtin[list].defs[i];
	for (size_t i = 0; i < recs.n; i++)
		add_rec_column(out, recs.defs[i], list == RV_COLS_RESULTS);
}

void rv_columns_available(const struct rv_model *m, enum rv_col_list list, struct rv_col_set *out)
{
	if (list == RV_COLS_AGENDA || list == RV_COLS_RESULTS) {
		recs_based(m, list, out);
		return;
	}
	memset(out, 0, sizeof(*out));
	out->list = list;
	for (size_t i = 0; i < builtin[list].n; i++)
		out->defs[out->n++] = builtin[list].defs[i];
	if (list == RV_COLS_RECS && (!m || rv_child_total(m, RV_NOTES) == 0))
		out->defs[1].shown = false; /* no notes: no column for their mark */
	if (list == RV_COLS_LOG)
		return; /* a change has no fields of a kind: its columns are the built-in ones */
	enum rv_kind kind = list_kinds[list];
	const struct rv_kind_def *kd = rv_kind_def(kind);
	for (int f = 0; f < kd->nfields; f++) {
		if (covers_field(out, f))
			continue;
		char name[RV_COL_NAME], header[RV_COL_NAME];
		name_from(kd->fields[f].name, strlen(kd->fields[f].name), name, header);
		add_hidden(out, RV_COL_FIELD, f, name, header);
	}
	if (!m)
		return;
	for (size_t e = 0; e < rv_extra_count(m, kind); e++) {
		struct rv_text t = rv_extra_name(m, kind, e);
		char name[RV_COL_NAME], header[RV_COL_NAME];
		name_from(t.ptr, t.len < sizeof(name) - 1 ? t.len : sizeof(name) - 1, name, NULL);
		size_t hl = t.len < sizeof(header) - 1 ? t.len : sizeof(header) - 1;
		memcpy(header, t.ptr, hl); /* as the file writes it; the UI sanitises what it draws */
		header[hl] = '\0';
		add_hidden(out, RV_COL_EXTRA, (int)e, name, header);
	}
}

int rv_columns_find(const struct rv_col_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->defs[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* ---- the user's choice ---- */

/* Letters (UTF-8 ones too: an extra column may be named "état"), digits, '_', '-' and '.'. */
static bool name_char(char c)
{
	return (unsigned char)c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
	       c == '.';
}

int rv_choice_find(const struct rv_col_choice *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool parse_width(const char *s, size_t len, int *out)
{
	int w = 0;
	if (len == 0 || len > 3)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		w = w * 10 + (s[i] - '0');
	}
	if (w < 1 || w > RV_COL_WIDTH_MAX)
		return false;
	*out = w;
	return true;
}

/* One "name" or "name:width" of a spec. */
static bool parse_item(const char *s, size_t len, struct rv_col_choice *out, char *err, size_t errlen)
{
	while (len && (s[0] == ' ' || s[0] == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	const char *colon = memchr(s, ':', len);
	size_t nl = colon ? (size_t)(colon - s) : len;
	if (nl == 0) {
		snprintf(err, errlen, "a column without a name");
		return false;
	}
	if (nl >= RV_COL_NAME) {
		snprintf(err, errlen, "column name longer than %d characters", RV_COL_NAME - 1);
		return false;
	}
	struct rv_col_pick p = {{0}, 0};
	for (size_t i = 0; i < nl; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
		if (!name_char(c)) {
			snprintf(err, errlen, "'%c' in a column name (letters, digits, _ - .)", c > 0x20 && c < 0x7f ? c : '?');
			return false;
		}
		p.name[i] = c;
	}
	if (colon && !parse_width(colon + 1, len - nl - 1, &p.width)) {
		snprintf(err, errlen, "bad width for %s (a number from 1 to %d)", p.name, RV_COL_WIDTH_MAX);
		return false;
	}
	if (rv_choice_find(out, p.name) >= 0) {
		snprintf(err, errlen, "column %s given twice", p.name);
		return false;
	}
	if (out->n == RV_COLS_MAX) {
		snprintf(err, errlen, "more than %d columns", RV_COLS_MAX);
		return false;
	}
	out->cols[out->n++] = p;
	return true;
}

bool rv_columns_parse(const char *spec, size_t len, struct rv_col_choice *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && spec[i] != ',')
			continue;
		if (!parse_item(spec + start, i - start, out, err, errlen)) {
			memset(out, 0, sizeof(*out));
			return false;
		}
		start = i + 1;
	}
	out->set = true;
	return true;
}

bool rv_columns_check(const struct rv_col_set *set, const struct rv_col_choice *c, char *err, size_t errlen)
{
	for (size_t i = 0; i < c->n; i++) {
		if (rv_columns_find(set, c->cols[i].name) >= 0)
			continue;
		struct strbuf known;
		sb_init(&known);
		for (size_t k = 0; k < set->n; k++)
			sb_addf(&known, "%s%s", k ? ", " : "", set->defs[k].name);
		snprintf(err, errlen, "unknown column %s for the %s list (known: %s)", c->cols[i].name,
			 list_names[set->list], known.data ? known.data : "");
		sb_free(&known);
		return false;
	}
	return true;
}

void rv_columns_from_config(const struct rv_model *m, const char *const *specs, const unsigned *lines,
			    const char *path, struct diag_list *diags, struct rv_col_choice *out)
{
	for (int l = 0; l < RV_COLS_LISTS; l++) {
		memset(&out[l], 0, sizeof(out[l]));
		if (!specs[l])
			continue;
		struct rv_col_set set;
		struct rv_col_choice c;
		char err[1024];
		rv_columns_available(m, (enum rv_col_list)l, &set);
		if (!rv_columns_parse(specs[l], strlen(specs[l]), &c, err, sizeof(err)))
			continue; /* said when the configuration was read */
		if (!rv_columns_check(&set, &c, err, sizeof(err))) {
			/* The list keeps its default columns: one unknown name is no reason to show others. */
			diag_add(diags, DIAG_WARNING, path ? path : "config", lines[l], 0, "columns.%s: %s", list_names[l],
				 err);
			continue;
		}
		out[l] = c;
	}
}

void rv_columns_default(const struct rv_col_set *set, struct rv_col_choice *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < set->n; i++)
		if (set->defs[i].shown)
			memcpy(out->cols[out->n++].name, set->defs[i].name, RV_COL_NAME);
}

void rv_columns_format(const struct rv_col_choice *c, struct strbuf *out)
{
	for (size_t i = 0; i < c->n; i++) {
		sb_addf(out, "%s%s", i ? "," : "", c->cols[i].name);
		if (c->cols[i].width)
			sb_addf(out, ":%d", c->cols[i].width);
	}
}
