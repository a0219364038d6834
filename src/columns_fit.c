/* columns_fit.c - the values of the text columns, their widths, and the layout of a list's columns. */
#include "recview/columns.h"

#include <string.h>

#include "recview/as_of.h"
#include "recview/text.h"

/* The rows measured for fitted widths: every row of any list one reads, bounded for a huge one. */
#define MEASURE_MAX_ROWS 500000

static struct rv_text first_line(struct rv_text t)
{
	const char *nl = memchr(t.ptr, '\n', t.len);
	if (nl)
		t.len = (size_t)(nl - t.ptr);
	return t;
}

static struct rv_text word(const char *s)
{
	return (struct rv_text){s, strlen(s)};
}

struct rv_text rv_col_value(const struct rv_model *m, enum rv_col_list list, const struct rv_col_def *def,
			    size_t ref, int32_t as_of)
{
	enum rv_kind kind = rv_col_list_kind(list);
	bool rec = kind == RV_RECS;
	switch (def->what) {
	case RV_COL_FIELD: /* the whole text: a line break is drawn as a space */
	case RV_COL_ID:
		if (rec)
			return rv_rec_field(m, ref, def->field);
		/* As of a date, what changes.csv recorded by then (as_of.h). */
		if (kind == RV_QUESTIONS && def->field == Q_ANSWER)
			return rv_question_answer_as_of(m, ref, as_of);
		return rv_child_field_as_of(m, kind, ref, def->field, as_of);
	case RV_COL_EXTRA:
		return rec ? rv_rec_extra(m, ref, (size_t)def->field) : rv_child_extra(m, kind, ref, (size_t)def->field);
	case RV_COL_HEADLINE: /* as the list always showed it: the title, or the text's first line */
		return first_line(rv_rec_headline(m, ref));
	case RV_COL_NEXT_DUE: {
		long d = rec ? rv_rec_next_due_as_of(m, ref, as_of) : -1;
		return d < 0 ? word("") : first_line(rv_deliverable_due_as_of(m, (size_t)d, as_of).text);
	}
	case RV_COL_STATUS: {
		enum rv_status st = rec ? rv_rec_status(m, ref, as_of)
				   : kind == RV_DELIVERABLES ? rv_deliverable_status_as_of(m, ref, as_of)
							     : (enum rv_status)rv_child_at(m, kind, ref)->status;
		return word(st == RV_STATUS_NONE ? "" : rv_status_name(st));
	}
	default:
		return word("");
	}
}

long rv_rec_next_due(const struct rv_model *m, size_t rec)
{
	return rv_rec_next_due_as_of(m, rec, RV_DATE_NONE);
}

long rv_rec_next_due_as_of(const struct rv_model *m, size_t rec, int32_t as_of)
{
	long best = -1;
	int32_t when = 0;
	for (size_t k = 0; k < rv_rec_child_count(m, rec, RV_DELIVERABLES); k++) {
		size_t d = rv_rec_child_index(m, rec, RV_DELIVERABLES, k);
		struct rv_date_text due = rv_deliverable_due_as_of(m, d, as_of);
		if (rv_deliverable_status_as_of(m, d, as_of) == RV_STATUS_COMPLETE || due.precision == RV_DATE_PREC_NONE)
			continue;
		if (best < 0 || due.date < when) {
			best = (long)d;
			when = due.date;
		}
	}
	return best;
}

void rv_columns_measure_each(const struct rv_col_set *set, size_t n, rv_col_width_fn width, void *ctx, int *natural)
{
	for (size_t c = 0; c < set->n; c++) {
		const struct rv_col_def *def = &set->defs[c];
		natural[c] = 0;
		if (def->fit != RV_FIT_CONTENT)
			continue;
		int w = text_width(def->header, strlen(def->header));
		for (size_t i = 0; i < n && w < def->width; i++) {
			int tw = width(ctx, def, i);
			if (tw > w)
				w = tw;
		}
		natural[c] = w + def->mark; /* room for the mark after the value */
	}
}

struct measure_refs {
	const struct rv_model *m;
	const struct rv_col_set *set;
	const uint32_t *refs;
	int32_t as_of;
};

static int ref_value_width(void *ctx, const struct rv_col_def *def, size_t i)
{
	const struct measure_refs *mr = ctx;
	struct rv_text t = rv_col_value(mr->m, mr->set->list, def, mr->refs ? mr->refs[i] : i, mr->as_of);
	return text_width(t.ptr, t.len);
}

void rv_columns_measure(const struct rv_model *m, const struct rv_col_set *set, const uint32_t *refs, size_t n,
			int32_t as_of, int *natural)
{
	enum rv_kind kind = rv_col_list_kind(set->list);
	if (!refs)
		n = kind == RV_RECS ? m->nrecs : rv_child_total(m, kind);
	if (n > MEASURE_MAX_ROWS)
		n = MEASURE_MAX_ROWS;
	struct measure_refs mr = {m, set, refs, as_of};
	rv_columns_measure_each(set, n, ref_value_width, &mr, natural);
}

/* ---- the layout ---- */

struct fitting {
	const struct rv_col_set *set;
	struct rv_col_slot cols[RV_COLS_MAX];
	bool gone[RV_COLS_MAX];
	size_t n;
	int width;
};

static const struct rv_col_def *def_of(const struct fitting *f, size_t i)
{
	return &f->set->defs[f->cols[i].def];
}

/* What is left for the flexible column (or blank) with the columns still in, shared ones left out. */
static int rest_of(const struct fitting *f, bool *has_flex)
{
	int used = 0, count = 0;
	*has_flex = false;
	for (size_t i = 0; i < f->n; i++) {
		if (f->gone[i] || (def_of(f, i)->fit == RV_FIT_SHARE && !f->cols[i].width))
			continue;
		if (def_of(f, i)->fit == RV_FIT_FLEX && !f->cols[i].width)
			*has_flex = true;
		used += f->cols[i].width;
		count++;
	}
	return f->width - used - (count > 0 ? count - 1 : 0);
}

/* The next column to drop: the highest drop rank (then the rightmost) among those still in. */
static int next_to_drop(const struct fitting *f, bool ranked_only)
{
	int best = -1;
	for (size_t i = 0; i < f->n; i++) {
		const struct rv_col_def *d = def_of(f, i);
		if (f->gone[i] || d->sticky || !f->cols[i].width)
			continue;
		if (ranked_only && d->drop == 0)
			continue;
		if (best < 0 || d->drop >= def_of(f, (size_t)best)->drop)
			best = (int)i;
	}
	return best;
}

/* Narrow screens drop the least needed columns first: each goes while the flexible column would get
 * fewer than its keep (the order and the thresholds the lists always had); without a flexible
 * column, columns go only when they would not fit at all. */
static void drop_for_room(struct fitting *f, int *dropped)
{
	bool flex;
	bool tried[RV_COLS_MAX] = {false};
	for (;;) {
		int rest = rest_of(f, &flex);
		int best = -1;
		for (size_t i = 0; i < f->n; i++) {
			const struct rv_col_def *d = def_of(f, i);
			if (f->gone[i] || tried[i] || d->sticky || d->drop == 0 || d->fit == RV_FIT_SHARE)
				continue;
			if (best < 0 || d->drop >= def_of(f, (size_t)best)->drop)
				best = (int)i;
		}
		if (best < 0)
			break;
		tried[best] = true;
		int need = flex ? def_of(f, (size_t)best)->keep : 0;
		if (rest < need) {
			f->gone[best] = true;
			(*dropped)++;
		}
	}
	while (rest_of(f, &flex) < (flex ? 1 : 0)) {
		int i = next_to_drop(f, false);
		if (i < 0)
			break;
		f->gone[i] = true;
		(*dropped)++;
	}
}

static int base_width(const struct rv_col_def *d, int chosen, int natural)
{
	if (chosen)
		return chosen;
	switch (d->fit) {
	case RV_FIT_FIXED:
		return d->width;
	case RV_FIT_CONTENT: {
		int w = natural < d->min ? d->min : natural;
		return w > d->width ? d->width : w;
	}
	default:
		return 0;
	}
}

/* The columns chosen, minus the first skip that are not sticky. */
static void place(struct fitting *f, const struct rv_col_choice *c, const int *natural, int skip,
		  struct rv_col_layout *out)
{
	for (size_t i = 0; i < c->n && f->n < RV_COLS_MAX; i++) {
		int d = rv_columns_find(f->set, c->cols[i].name);
		if (d < 0)
			continue; /* a column of another data set */
		const struct rv_col_def *def = &f->set->defs[d];
		if (!def->sticky) {
			out->scrollable++;
			if (out->skipped < skip) {
				out->skipped++;
				continue;
			}
		}
		f->cols[f->n].def = d;
		f->cols[f->n].width = base_width(def, c->cols[i].width, natural ? natural[d] : 0);
		f->n++;
	}
}

void rv_columns_fit(const struct rv_col_set *set, const struct rv_col_choice *c, const int *natural, int width,
		    int skip, struct rv_col_layout *out)
{
	struct rv_col_choice def;
	if (!c || !c->set) {
		rv_columns_default(set, &def);
		c = &def;
	}
	memset(out, 0, sizeof(*out));
	struct fitting f = {.set = set, .width = width};
	place(&f, c, natural, skip, out);
	drop_for_room(&f, &out->dropped);
	bool flex;
	int rest = rest_of(&f, &flex);
	if (rest < 1)
		rest = 1;
	/* A shared column (the topic) takes its part of what is left, when there is room for both. */
	for (size_t i = 0; i < f.n; i++) {
		const struct rv_col_def *d = def_of(&f, i);
		if (f.gone[i] || d->fit != RV_FIT_SHARE || f.cols[i].width)
			continue;
		if (flex && rest >= d->keep) {
			f.cols[i].width = rest / d->width;
			rest -= f.cols[i].width + 1;
		} else if (!flex && rest > d->keep / d->width) {
			f.cols[i].width = rest > 40 ? 40 : rest;
			rest -= f.cols[i].width + 1;
		} else {
			f.gone[i] = true;
			out->dropped++;
		}
	}
	for (size_t i = 0; i < f.n; i++) {
		if (f.gone[i])
			continue;
		if (def_of(&f, i)->fit == RV_FIT_FLEX && !f.cols[i].width)
			f.cols[i].width = rest < 1 ? 1 : rest;
		out->slots[out->n++] = f.cols[i];
	}
}
