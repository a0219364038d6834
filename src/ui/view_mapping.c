/*
 * view_mapping.c - a required column is missing, two columns claim one field, or a line of
 * recview.map names a column the file lacks: the file's header, each column with sample values, the
 * cursor on the likeliest; Enter writes TABLE.FIELD = COLUMN into recview.map (through the store: on
 * the line that named the missing column, its pattern and link kept) and reads the data set again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/arena.h"
#include "recview/mapping.h"
#include "recview/entity.h"
#include "recview/prompt.h"
#include "recview/text.h"
#include "recview/triage.h"
#include "recview/triage_ui.h"
#include "recview/views.h"

enum { MAP_INTRO, MAP_BLANK, MAP_COLUMN };

#define MAP_SAMPLES 3
#define MAP_SCAN_ROWS 200 /* rows read to judge a column: enough to see whether its values repeat */

/* v->kind is the table, v->item the field; v->data the line of recview.map the problem is on. */
struct mapping_state {
	uint32_t map_line; /* 0: the problem is not a line of recview.map */
};

/* The line of recview.map that names a column the file lacks for this field, or NULL. */
static const struct rv_map_field *unmatched(const struct view *v)
{
	const struct mapping_state *st = v->data;
	return rv_model_unmatched_rule(v->app->m, v->kind, (int)v->item, st ? st->map_line : 0);
}

/* The line a choice replaces: the one naming a missing column, else the first for the field. */
static const struct rv_map_field *replaced_rule(const struct view *v)
{
	const struct rv_map_field *f = unmatched(v);
	return f ? f : rv_mapping_rule(v->app->m->mapping, v->kind, (int)v->item, 0);
}

/* How many columns the table's header has (0: no header, nothing to pick from). */
static size_t columns_of(const struct view *v)
{
	return rv_kind_columns(v->app->m, v->kind);
}

/* "rec_id", as the mapping names the field (and with_table: "deliverables.rec_id"). */
static void field_name(const struct view *v, bool with_table, struct strbuf *out)
{
	size_t start = out->len;
	rv_mapping_setting_name(v->kind, (int)v->item, out);
	if (!with_table) {
		const char *dot = strchr(out->data + start, '.');
		size_t skip = (size_t)(dot + 1 - (out->data + start));
		memmove(out->data + start, dot + 1, out->len - start - skip + 1);
		out->len -= skip;
	}
}

/* Whether a column's normalised name holds one of the words that name ids and links. */
static int name_hint(const struct view *v, const char *norm)
{
	const struct rv_field_def *f = &rv_kind_def(v->kind)->fields[v->item];
	if (strstr(norm, f->name))
		return 60;
	for (int a = 0; a < 10 && f->aliases[a]; a++)
		if (strstr(norm, f->aliases[a]))
			return 60;
	static const char *const words[] = {"id", "no", "ref", "code", "key", "number", "num", "rec", "parent"};
	for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++)
		if (strstr(norm, words[w]))
			return 20;
	return 0;
}

/* Letters and digits of a name, lower-cased, its words apart: "Rec No." is "rec no". */
static void name_words(const char *s, size_t len, char *out, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n + 2 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			out[n++] = (char)c;
		else if (n && out[n - 1] != ' ')
			out[n++] = ' ';
	}
	out[n] = '\0';
}

/* Whether a word of three letters or more of one name begins a word of the other ("Rec Number" and
 * "Recommendation ID"): the column a mapping line meant is often a renamed one. */
static bool names_alike(const char *a, const char *b)
{
	for (const char *w = a; *w;) {
		size_t wl = strcspn(w, " ");
		for (const char *x = b; wl >= 3 && *x;) {
			size_t xl = strcspn(x, " ");
			size_t n = wl < xl ? wl : xl;
			if (n >= 3 && strncmp(w, x, n) == 0)
				return true;
			x += xl + (x[xl] == ' ');
		}
		w += wl + (w[wl] == ' ');
	}
	return false;
}

/* Whether a value reads as what a field of this role holds (a status, a date...): -1 when the role
 * has no such test. */
static int reads_as_role(const struct rv_model *m, enum rv_kind kind, enum rv_role role, struct rv_text cell)
{
	switch (role) {
	case RV_ROLE_STATUS: {
		enum rv_status st = rv_model_status(m, kind, cell.ptr, cell.len);
		return st != RV_STATUS_UNKNOWN && st != RV_STATUS_NONE;
	}
	case RV_ROLE_DECISION: {
		enum rv_decision d = rv_model_decision(m, kind, cell.ptr, cell.len);
		return d != RV_DECISION_UNKNOWN && d != RV_DECISION_NONE;
	}
	case RV_ROLE_PRIORITY:
		return rv_model_priority(m, kind, cell.ptr, cell.len) > 0;
	case RV_ROLE_DATE: {
		int32_t date;
		return rv_date_parse(cell.ptr, cell.len, &date) == RV_DATE_OK;
	}
	default:
		return -1;
	}
}

static bool has_letter_and_digit(struct rv_text t)
{
	bool letter = false, digit = false;
	for (size_t i = 0; i < t.len; i++) {
		unsigned char c = (unsigned char)t.ptr[i];
		letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		digit |= c >= '0' && c <= '9';
	}
	return letter && digit;
}

/*
 * How likely column c holds the field: an id's values are present, distinct and short, with letters
 * and digits (SSR1-1, not 10001); a link's are ids of recommendations; a status, decision, priority
 * or date column's values read as such; what a mapping line's pattern matches, and a name like the
 * one that line gave or one that says so, help; a column already another field's, or of sentences,
 * hardly ever is.
 */
static int score_column(const struct view *v, size_t c)
{
	const struct rv_model *m = v->app->m;
	enum rv_role role = rv_kind_def(v->kind)->fields[v->item].role;
	if (rv_column_reads_like_sentences(m, v->kind, c))
		return -1000;
	const struct rv_map_field *rule = replaced_rule(v);
	size_t nrows = rv_kind_rows(m, v->kind);
	size_t rows = nrows < MAP_SCAN_ROWS ? nrows : MAP_SCAN_ROWS;
	size_t filled = 0, distinct = 0, found = 0, bytes = 0, alnum = 0, typed = 0, matched = 0;
	for (size_t r = 0; r < rows; r++) {
		struct rv_text cell = rv_row_column(m, v->kind, (uint32_t)r, c);
		if (!cell.len)
			continue;
		filled++;
		bytes += cell.len;
		found += rv_find_rec(m, cell.ptr, cell.len) >= 0;
		alnum += has_letter_and_digit(cell);
		typed += reads_as_role(m, v->kind, role, cell) > 0;
		size_t start, len;
		matched += rule && rule->has_pattern && rv_map_field_extract(rule, cell.ptr, cell.len, &start, &len);
		bool seen = false;
		for (size_t p = 0; p < r && !seen; p++) {
			struct rv_text o = rv_row_column(m, v->kind, (uint32_t)p, c);
			seen = o.len == cell.len && memcmp(o.ptr, cell.ptr, cell.len) == 0;
		}
		distinct += !seen;
	}
	char norm[128];
	struct rv_text name = rv_column_name(m, v->kind, c);
	rv_normalize_name(name.ptr, name.len, norm, sizeof(norm));
	int score = name_hint(v, norm);
	if (rule && rule->column) {
		char said[128], here[128];
		name_words(rule->column, strlen(rule->column), said, sizeof(said));
		name_words(name.ptr, name.len, here, sizeof(here));
		score += names_alike(said, here) ? 15 : 0;
	}
	if (rows) {
		score += (int)(20 * filled / rows);
		if (role == RV_ROLE_REC_LINK)
			score += (int)(100 * found / rows);
		else if (role == RV_ROLE_ID)
			score += (int)(40 * distinct / rows) + (filled && bytes / filled <= 20 ? 10 : 0) +
				 (int)(15 * alnum / rows);
		else if (reads_as_role(m, v->kind, role, (struct rv_text){"", 0}) >= 0)
			score += (int)(100 * typed / rows);
		if (rule && rule->has_pattern)
			score += (int)(100 * matched / rows);
	}
	int holds = rv_column_field(m, v->kind, c);
	if (holds >= 0 && holds != v->item)
		score -= 40;
	return score;
}

#define MAP_NAME_WIDTH 24 /* names are padded to the longest, up to this */

/* The column's name as shown (sanitised, cut to MAP_NAME_WIDTH columns). */
static void column_name(const struct view *v, size_t c, struct strbuf *out)
{
	struct rv_text name = rv_column_name(v->app->m, v->kind, c);
	if (!name.len) {
		sb_adds(out, "(no name)");
		return;
	}
	struct strbuf safe;
	sb_init(&safe);
	text_sanitize(&safe, name.ptr, name.len, 0);
	if (text_width(safe.data, safe.len) <= MAP_NAME_WIDTH)
		sb_add(out, safe.data, safe.len);
	else
		diag_quote(out, name.ptr, name.len, MAP_NAME_WIDTH - 2);
	sb_free(&safe);
}

static int names_width(const struct view *v)
{
	int w = 0;
	struct strbuf sb;
	sb_init(&sb);
	for (size_t c = 0; c < columns_of(v); c++) {
		sb_reset(&sb);
		column_name(v, c, &sb);
		int n = text_width(sb.data, sb.len);
		w = n > w ? n : w;
	}
	sb_free(&sb);
	return w;
}

/* "Ref code   'SSR1-1' 'SSR1-2' 'SSR1-3'": the first distinct values of the column, quoted. */
static void column_text(const struct view *v, size_t c, int pad, struct strbuf *out)
{
	const struct rv_model *m = v->app->m;
	size_t start = out->len, nrows = rv_kind_rows(m, v->kind);
	column_name(v, c, out);
	for (int w = text_width(out->data + start, out->len - start); w < pad + 3; w++)
		sb_addc(out, ' ');
	size_t shown = 0;
	for (size_t r = 0; r < nrows && r < MAP_SCAN_ROWS && shown < MAP_SAMPLES; r++) {
		struct rv_text cell = rv_row_column(m, v->kind, (uint32_t)r, c);
		bool seen = !cell.len;
		for (size_t p = 0; p < r && !seen; p++) {
			struct rv_text o = rv_row_column(m, v->kind, (uint32_t)p, c);
			seen = o.len == cell.len && memcmp(o.ptr, cell.ptr, cell.len) == 0;
		}
		if (seen)
			continue;
		if (shown++)
			sb_adds(out, " ");
		diag_quote(out, cell.ptr, cell.len, 24);
	}
	if (!shown)
		sb_adds(out, "(empty)");
}

/* "recview.map:3 names 'Old name', which it lacks": about a line naming a missing column. */
static void about_line(const struct rv_map_field *rule, struct strbuf *sb)
{
	sb_addf(sb, "%s:%u names ", RV_MAP_FILE, rule->line);
	diag_quote(sb, rule->column, strlen(rule->column), 40);
}

static void intro(const struct view *v, struct strbuf *sb)
{
	const char *file = rv_table_file(v->app->m, v->kind);
	const struct rv_map_field *rule = unmatched(v);
	struct strbuf name;
	sb_init(&name);
	field_name(v, false, &name);
	int now = rv_field_column_number(v->app->m, v->kind, (int)v->item) - 1;
	if (rule && now >= 0) {
		about_line(rule, sb);
		sb_addf(sb, " for '%s', which %s lacks (now column %d, by its name). Which column is it? Enter writes "
			    "your choice on that line of %s.", name.data, file, now + 1, RV_MAP_FILE);
	} else if (rule) {
		sb_addf(sb, "%s has no '%s' column, and ", file, name.data);
		about_line(rule, sb);
		sb_addf(sb, ", which it lacks. Which one holds it? Enter writes your choice on that line of %s.", RV_MAP_FILE);
	} else if (now >= 0) {
		sb_addf(sb, "Which column of %s is its '%s'? Now column %d; Enter on another writes it into %s.", file,
			name.data, now + 1, RV_MAP_FILE);
	} else {
		sb_addf(sb, "%s has no '%s' column. Which one holds it? Enter writes your choice into %s.", file,
			name.data, RV_MAP_FILE);
	}
	sb_free(&name);
}

static bool mapping_open(struct view *v, char *err, size_t errsize)
{
	(void)err;
	(void)errsize;
	int width = v->width - 8 > 20 ? v->width - 8 : 20;
	struct strbuf sb;
	sb_init(&sb);
	intro(v, &sb);
	view_add_wrapped(v, MAP_INTRO, 0, false, sb.data, sb.len, v->width - 2 > 20 ? v->width - 2 : 20);
	view_add_line(v, MAP_BLANK, 0, false);
	int pad = names_width(v);
	for (size_t c = 0; c < columns_of(v); c++) {
		sb_reset(&sb);
		column_text(v, c, pad, &sb);
		view_add_wrapped(v, MAP_COLUMN, (uint32_t)c, true, sb.data, sb.len, width);
	}
	sb_free(&sb);
	return true;
}

static void mapping_draw(struct view *v, const struct line *line, struct draw *d)
{
	if (line->type != MAP_COLUMN) {
		draw_str(d, " ", C_DEFAULT);
		draw_text(d, view_line_text(v, line), line->len, C_HEADING);
		return;
	}
	char num[16];
	if (line->sub == 0)
		snprintf(num, sizeof(num), "%4u  ", line->ref + 1);
	else
		snprintf(num, sizeof(num), "      ");
	bool now = rv_field_column_number(v->app->m, v->kind, (int)v->item) == (int)line->ref + 1;
	draw_str(d, num, C_DIM);
	draw_text(d, view_line_text(v, line), line->len, now ? C_DIM : C_DEFAULT);
	if (now && line->sub == 0)
		draw_str(d, "  (now)", C_DIM);
}

/* A column whose name an earlier column has too: a mapping names columns, and would take that one. */
static long earlier_namesake(const struct view *v, size_t c)
{
	struct rv_text name = rv_column_name(v->app->m, v->kind, c);
	for (size_t p = 0; p < c; p++) {
		struct rv_text other = rv_column_name(v->app->m, v->kind, p);
		if (rv_mapping_same_column(other.ptr, other.len, name.ptr, name.len))
			return (long)p;
	}
	return -1;
}

static bool confirmed(struct view *v, const char *column, const char *rest)
{
	struct strbuf q;
	sb_init(&q);
	sb_adds(&q, "map ");
	field_name(v, true, &q);
	sb_adds(&q, " = ");
	text_sanitize(&q, column, strlen(column), 0);
	text_sanitize(&q, rest, strlen(rest), 0);
	sb_adds(&q, "? y/n ");
	bool yes = prompt_confirm(v->app, q.data);
	sb_free(&q);
	return yes;
}

/* Writes the choice and reads the data set again (v is freed then). */
static void choose(struct view *v, size_t c)
{
	struct app *app = v->app;
	const char *why = rv_session_why_read_only(app->session);
	if (why) {
		app_message(app, C_ERROR, "NOT MAPPED: %s", why);
		return;
	}
	const struct rv_map_field *rule = replaced_rule(v);
	bool mends = unmatched(v) != NULL; /* the line naming a missing column is mended, whatever is chosen */
	if (!mends && rv_field_column_number(app->m, v->kind, (int)v->item) == (int)c + 1) {
		app_message(app, C_DIM, "Column %zu is that field already: pick another, or q to leave", c + 1);
		return;
	}
	long twin = earlier_namesake(v, c);
	if (twin >= 0) {
		app_message(app, C_ERROR, "NOT MAPPED: column %ld has the same name, and %s names columns by name",
			    twin + 1, RV_MAP_FILE);
		return;
	}
	enum rv_kind kind = v->kind;
	int field = (int)v->item;
	struct rv_text name = rv_column_name(app->m, v->kind, c);
	char *column = xstrndup(name.ptr, name.len);
	char *dir = xstrdup(app->m->dir);
	struct strbuf rest;
	sb_init(&rest);
	if (rule)
		rv_map_field_rest(rule, &rest); /* the line's pattern and link stay: its column was wrong */
	struct rv_map_column setting = {kind, field, column, rest.len ? rest.data : NULL, rule ? rule->line : 0};
	if (!confirmed(v, column, rest.len ? rest.data : "")) {
		app_message(app, C_WARNING, "Not mapped: %s was left as it was", RV_MAP_FILE);
	} else {
		char err[1024] = "";
		if (rv_mapping_write_field(dir, &setting, err, sizeof(err)) != RV_OK)
			app_message(app, C_ERROR, "NOT MAPPED: %s", err);
		else
			app_mapped(app, kind, field, column); /* reads the files again: v is freed */
	}
	sb_free(&rest);
	free(column);
	free(dir);
}

static enum request mapping_request(struct view *v, enum request req, struct line *line)
{
	if (req != REQ_ENTER)
		return req;
	if (line->type != MAP_COLUMN || !columns_of(v)) {
		app_message(v->app, C_DIM, "Move to a column and press Enter to choose it; q leaves.");
		return REQ_NONE;
	}
	choose(v, line->ref);
	return REQ_NONE;
}

static void mapping_crumb(struct view *v, struct strbuf *out)
{
	sb_adds(out, "Map ");
	field_name(v, true, out);
}

static const struct request_note mapping_notes[] = {
	{REQ_ENTER, "Choose the column under the cursor: y writes it into recview.map and reads the data set "
		    "again, n leaves recview.map as it was"},
};

static const struct view_keymap mapping_keymap = {NULL, 0, mapping_notes, KEYMAP_COUNT(mapping_notes)};

static const struct view_ops mapping_ops = {
	.id = VIEW_MAPPING,
	.keymap = &mapping_keymap,
	.scopes = SCOPE_MOVE | SCOPE_APP | SCOPE_SEARCH,
	.name = "mapping",
	.state_size = sizeof(struct mapping_state),
	.open = mapping_open,
	.draw = mapping_draw,
	.request = mapping_request,
	.crumb = mapping_crumb,
};

struct view *mapping_view_new(struct app *app, enum rv_kind kind, int field, const struct diag *from)
{
	const struct rv_mapping *mp = app->m->mapping;
	struct mapping_state init = {0};
	if (from && from->file && mp && mp->path && strcmp(from->file, mp->path) == 0)
		init.map_line = from->line; /* a line of recview.map: that one is what a choice replaces */
	struct view *v = view_new_with(app, &mapping_ops, -1, field, kind, &init);
	if (!v)
		return NULL;
	/* The cursor on the likeliest column (the first of equals). */
	int best_score = 0;
	long best = -1;
	for (size_t c = 0; c < columns_of(v); c++) {
		int s = score_column(v, c);
		if (best < 0 || s > best_score) {
			best = (long)c;
			best_score = s;
		}
	}
	for (size_t i = 0; i < v->nlines; i++) {
		if (v->lines[i].type == MAP_COLUMN && (long)v->lines[i].ref == best) {
			view_move_to(v, i, app_body_height(v));
			break;
		}
	}
	return v;
}
