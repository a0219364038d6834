/*
 * view_mapping.c - a required column is missing, or two columns claim one field: the file's header,
 * each column with sample values, the cursor on the likeliest; Enter writes TABLE.FIELD = COLUMN
 * into recview.map (through the store) and reads the data set again.
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

/* v->kind is the table, v->item the field. */

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

/*
 * How likely column c holds the field: an id's values are present, distinct and short; a link's are
 * ids of recommendations; a name that says so helps; a column already another field's, or of
 * sentences, hardly ever is.
 */
static int score_column(const struct view *v, size_t c)
{
	const struct rv_model *m = v->app->m;
	enum rv_role role = rv_kind_def(v->kind)->fields[v->item].role;
	if (rv_column_reads_like_sentences(m, v->kind, c))
		return -1000;
	size_t nrows = rv_kind_rows(m, v->kind);
	size_t rows = nrows < MAP_SCAN_ROWS ? nrows : MAP_SCAN_ROWS;
	size_t filled = 0, distinct = 0, found = 0, bytes = 0;
	for (size_t r = 0; r < rows; r++) {
		struct rv_text cell = rv_row_column(m, v->kind, (uint32_t)r, c);
		if (!cell.len)
			continue;
		filled++;
		bytes += cell.len;
		found += rv_find_rec(m, cell.ptr, cell.len) >= 0;
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
	if (rows) {
		score += (int)(20 * filled / rows);
		if (role == RV_ROLE_REC_LINK)
			score += (int)(100 * found / rows);
		else if (role == RV_ROLE_ID)
			score += (int)(40 * distinct / rows) + (filled && bytes / filled <= 20 ? 10 : 0);
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

static void mapping_open(struct view *v)
{
	int width = v->width - 8 > 20 ? v->width - 8 : 20;
	struct strbuf sb, name;
	sb_init(&sb);
	sb_init(&name);
	field_name(v, false, &name);
	int now = rv_field_column_number(v->app->m, v->kind, (int)v->item) - 1;
	if (now >= 0)
		sb_addf(&sb, "Which column of %s is its '%s'? Now column %d; Enter on another writes it into %s.",
			rv_table_file(v->app->m, v->kind), name.data, now + 1, RV_MAP_FILE);
	else
		sb_addf(&sb, "%s has no '%s' column. Which one holds it? Enter writes your choice into %s.",
			rv_table_file(v->app->m, v->kind), name.data, RV_MAP_FILE);
	sb_free(&name);
	view_add_wrapped(v, MAP_INTRO, 0, false, sb.data, sb.len, v->width - 2 > 20 ? v->width - 2 : 20);
	view_add_line(v, MAP_BLANK, 0, false);
	int pad = names_width(v);
	for (size_t c = 0; c < columns_of(v); c++) {
		sb_reset(&sb);
		column_text(v, c, pad, &sb);
		view_add_wrapped(v, MAP_COLUMN, (uint32_t)c, true, sb.data, sb.len, width);
	}
	sb_free(&sb);
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

static bool confirmed(struct view *v, const char *column)
{
	struct strbuf q;
	sb_init(&q);
	sb_adds(&q, "map ");
	field_name(v, true, &q);
	sb_adds(&q, " = ");
	text_sanitize(&q, column, strlen(column), 0);
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
	if (rv_field_column_number(app->m, v->kind, (int)v->item) == (int)c + 1) {
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
	if (!confirmed(v, column)) {
		app_message(app, C_WARNING, "Not mapped: %s was left as it was", RV_MAP_FILE);
	} else {
		char err[1024] = "";
		struct rv_map_column setting = {kind, field, column, NULL, 0};
		if (rv_mapping_write_field(dir, &setting, err, sizeof(err)) != RV_OK)
			app_message(app, C_ERROR, "NOT MAPPED: %s", err);
		else
			app_mapped(app, kind, field, column); /* reads the files again: v is freed */
	}
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

static const struct view_ops mapping_ops = {
	.name = "mapping",
	.open = mapping_open,
	.draw = mapping_draw,
	.request = mapping_request,
	.crumb = mapping_crumb,
};

struct view *mapping_view_new(struct app *app, enum rv_kind kind, int field)
{
	struct view *v = view_new(app, &mapping_ops, -1, field, kind);
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
