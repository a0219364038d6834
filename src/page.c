/* page.c - a recommendation's page built from the model: every section, in the page's order. */
#include "recview/page.h"
#include "recview/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recview/activity.h"
#include "recview/as_of_later.h"
#include "recview/changelog.h"
#include "recview/text.h"
#include "recview/xref.h"

/* A copy of t in the page's arena: the page outlives no change of the model, but a text read
 * through the changelog may be rebuilt. */
static struct rv_text keep(struct rv_page *p, struct rv_text t)
{
	if (!t.len)
		return (struct rv_text){"", 0};
	return (struct rv_text){arena_strndup(&p->arena, t.ptr, t.len), t.len};
}

static struct rv_text keep_sb(struct rv_page *p, const struct strbuf *sb)
{
	return keep(p, (struct rv_text){sb->data, sb->len});
}

static struct rv_text keep_str(struct rv_page *p, const char *s)
{
	return keep(p, (struct rv_text){s, strlen(s)});
}

static struct rv_page_item *new_items(struct rv_page *p, struct rv_page_section *sec, size_t n)
{
	sec->items = arena_alloc(&p->arena, (n ? n : 1) * sizeof(*sec->items));
	memset(sec->items, 0, (n ? n : 1) * sizeof(*sec->items));
	return sec->items;
}

static void add_field(struct rv_page *p, struct rv_page_section *sec, uint32_t ref, const char *label,
		      struct rv_text value, unsigned flags)
{
	if (!value.len)
		return;
	struct rv_page_item *it = &sec->items[sec->n++];
	it->kind = RV_PI_FIELD;
	it->ref = ref;
	it->flags = flags;
	it->label = keep_str(p, label);
	it->text = keep(p, value);
}

int rv_page_label_width(const struct rv_model *m, enum rv_kind kind, int minimum)
{
	int w = minimum;
	for (size_t e = 0; e < rv_extra_count(m, kind); e++) {
		struct rv_text name = rv_extra_name(m, kind, e);
		int nw = text_width(name.ptr, name.len) + 1;
		if (nw > w)
			w = nw;
	}
	return w > RV_PAGE_LABEL_MAX ? RV_PAGE_LABEL_MAX : w;
}

/*
 * A field of the recommendation as the page shows it on its date: a priority or owner recview logged
 * a later change of, as it was then; a status or decision cell the history overrides then (another
 * state was in force), nothing, so that the page shows the history's word instead.
 */
static struct rv_text field_as_of(const struct rv_model *m, const struct rv_page *p, int f)
{
	size_t rec = p->rec;
	if (f == REC_REVIEW)
		return rv_rec_review_of(m, rec);
	if (f == REC_PRIORITY || f == REC_OWNER)
		return rv_child_field_as_of(m, RV_RECS, rec, f, p->as_of);
	struct rv_text c = rv_rec_field(m, rec, f);
	if (p->as_of == RV_DATE_NONE || !c.len)
		return c;
	if (f == REC_STATUS && rv_rec_status(m, rec, p->as_of) != rv_rec_own_status(m, rec))
		return (struct rv_text){"", 0};
	if (f == REC_DECISION && rv_rec_decision(m, rec, p->as_of) != rv_rec_own_decision(m, rec))
		return (struct rv_text){"", 0};
	return c;
}

static void build_fields(const struct rv_model *m, struct rv_page *p)
{
	static const struct {
		int field;
		const char *label;
	} order[] = {{REC_REVIEW, "Review"},     {REC_NUMBER, "Number"},     {REC_TOPIC, "Topic"},
		     {REC_TITLE, "Title"},       {REC_DECISION, "Decision"}, {REC_STATUS, "Status"},
		     {REC_PRIORITY, "Priority"}, {REC_OWNER, "Owner"},       {REC_SOURCE, "Source"}};
	struct rv_page_section *sec = &p->sections[RV_PAGE_FIELDS];
	size_t rec = p->rec, nextra = rv_extra_count(m, RV_RECS);
	new_items(p, sec, sizeof(order) / sizeof(*order) + 1 + nextra);
	sec->label = keep_str(p, "Fields");
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++) {
		int f = order[i].field;
		struct rv_text c = field_as_of(m, p, f);
		if (c.len || (f != REC_DECISION && f != REC_STATUS)) {
			add_field(p, sec, (uint32_t)f, order[i].label, c, 0);
			continue;
		}
		/* An empty status or decision column shows what the history says, and says so. */
		const char *word = f == REC_STATUS ? rv_status_name(rv_rec_status(m, rec, p->as_of))
						   : rv_decision_name(rv_rec_decision(m, rec, p->as_of));
		if (!*word)
			continue;
		char derived[96];
		snprintf(derived, sizeof(derived), "%s (from the status history)", word);
		add_field(p, sec, (uint32_t)f, order[i].label, (struct rv_text){derived, strlen(derived)}, RV_PF_DERIVED);
	}
	/* The date of the last change as its file writes it ("30 June 2016"). */
	struct rv_date_text changed = rv_rec_last_change_date(m, rec, p->as_of);
	if (changed.precision != RV_DATE_PREC_NONE)
		add_field(p, sec, RV_PAGE_CHANGED, "Changed", changed.text, 0);
	for (size_t e = 0; e < nextra; e++) {
		struct rv_text name = rv_extra_name(m, RV_RECS, e);
		char label[64];
		if (name.len)
			snprintf(label, sizeof(label), "%.*s", (int)(name.len < 63 ? name.len : 63), name.ptr);
		else
			snprintf(label, sizeof(label), "column %d", rv_extra_column_number(m, RV_RECS, e));
		struct rv_text full = name.len ? name : (struct rv_text){label, strlen(label)};
		unsigned flags = text_width(full.ptr, full.len) + 1 > p->label_width ? RV_PF_LONG_LABEL : 0;
		size_t before = sec->n;
		add_field(p, sec, RV_PAGE_EXTRA + (uint32_t)e, "", rv_rec_extra(m, rec, e), flags);
		if (sec->n > before)
			sec->items[before].label = keep(p, full); /* the whole name, however long */
	}
}

/* "Text (from 000_….txt:130)": a text headed by where it comes from, or by the word alone. */
static struct rv_text source_label(struct rv_page *p, const char *what, struct rv_text where)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, what);
	if (where.len)
		sb_addf(&sb, " (from %.*s)", (int)where.len, where.ptr);
	struct rv_text t = keep_sb(p, &sb);
	sb_free(&sb);
	return t;
}

/* The text, and a second source's wording of it where the file keeps one: then each is labelled
 * with its source, so that a reader knows which words are whose. */
static void build_text(const struct rv_model *m, struct rv_page *p)
{
	struct rv_page_section *sec = &p->sections[RV_PAGE_TEXT];
	struct rv_text text = rv_rec_field(m, p->rec, REC_TEXT);
	struct rv_text other = rv_rec_field(m, p->rec, REC_OTHER_TEXT);
	new_items(p, sec, 2);
	sec->label = keep_str(p, "Text");
	if (text.len)
		sec->items[sec->n++] = (struct rv_page_item){.kind = RV_PI_PARAGRAPH, .ref = REC_TEXT, .text = keep(p, text)};
	if (!other.len)
		return;
	if (sec->n)
		sec->items[0].label = source_label(p, "Text", rv_rec_field(m, p->rec, REC_TEXT_SOURCE));
	sec->items[sec->n++] = (struct rv_page_item){
		.kind = RV_PI_PARAGRAPH,
		.ref = REC_OTHER_TEXT,
		.label = source_label(p, "Text", rv_rec_field(m, p->rec, REC_OTHER_TEXT_SOURCE)),
		.text = keep(p, other),
	};
}

/* The project status narrative, headed by where it comes from. */
static void build_project_status(const struct rv_model *m, struct rv_page *p)
{
	struct rv_page_section *sec = &p->sections[RV_PAGE_PROJECT_STATUS];
	struct rv_text status = rv_rec_field(m, p->rec, REC_PROJECT_STATUS);
	new_items(p, sec, 1);
	sec->label = source_label(p, "Project status", rv_rec_field(m, p->rec, REC_PROJECT_STATUS_SOURCE));
	if (!status.len)
		return;
	sec->items[0] = (struct rv_page_item){.kind = RV_PI_PARAGRAPH, .ref = REC_PROJECT_STATUS, .text = keep(p, status)};
	sec->n = 1;
}

static struct rv_text describe_link(struct rv_page *p, const struct rv_model *m, enum rv_kind kind,
				    const struct rv_child *ch)
{
	struct strbuf sb;
	sb_init(&sb);
	rv_child_describe_link(m, kind, ch, &sb);
	struct rv_text t = keep_sb(p, &sb);
	sb_free(&sb);
	return t;
}

/* The fields of a deliverable or question that a later change sets, and what they read now, for a
 * page that keeps later entries. */
static void later_values(const struct rv_model *m, struct rv_page *p, struct rv_page_item *it, enum rv_kind kind,
			 size_t child)
{
	if (p->later != RV_AS_OF_DIM)
		return;
	struct strbuf sb;
	sb_init(&sb);
	if (rv_child_later_values(m, kind, child, p->as_of, &sb))
		it->later = keep_sb(p, &sb);
	sb_free(&sb);
}

/* How many of a deliverable's due date revisions were recorded by as_of. */
static size_t due_revisions_by(const struct rv_model *m, size_t child, int32_t as_of)
{
	return rv_changelog_rows_by(m, (struct rv_item){RV_DELIVERABLES, child}, DEL_DUE, as_of);
}

static void build_deliverable(const struct rv_model *m, struct rv_page *p, struct rv_page_item *it, size_t child)
{
	const struct rv_child *ch = rv_child_at(m, RV_DELIVERABLES, child);
	/* As of a date, the status, owner and due date recorded by then (as_of.h). */
	it->kind = RV_PI_DELIVERABLE;
	it->status = rv_deliverable_status_as_of(m, child, p->as_of);
	it->text = keep(p, rv_child_text(m, RV_DELIVERABLES, ch, DEL_DESCRIPTION));
	it->owner = keep(p, rv_child_field_as_of(m, RV_DELIVERABLES, child, DEL_RESPONSIBLE, p->as_of));
	it->due = keep(p, rv_child_field_as_of(m, RV_DELIVERABLES, child, DEL_DUE, p->as_of));
	struct rv_text due_text = rv_child_text(m, RV_DELIVERABLES, ch, DEL_DUE_TEXT);
	bool same = due_text.len == it->due.len && !memcmp(due_text.ptr, it->due.ptr, due_text.len);
	if (it->status == RV_STATUS_COMPLETE)
		it->flags |= RV_PF_DONE;
	else if (it->due.len && rv_deliverable_overdue_as_of(m, child, p->as_of))
		it->flags |= RV_PF_OVERDUE;
	later_values(m, p, it, RV_DELIVERABLES, child);
	it->link = describe_link(p, m, RV_DELIVERABLES, ch);
	it->nrevisions = due_revisions_by(m, child, p->as_of);
	it->revisions = arena_alloc(&p->arena, (it->nrevisions + 1) * sizeof(*it->revisions));
	/* The source's wording of the due date is shown while the date is the one it gave: once revised,
	 * it would describe another date. */
	if (it->due.len && !same && !it->nrevisions)
		it->due_text = keep(p, due_text);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < it->nrevisions; i++) {
		sb_reset(&sb);
		rv_due_revision_describe(m, child, i, &sb);
		it->revisions[i] = keep_sb(p, &sb);
	}
	sb_free(&sb);
}

static void build_question(const struct rv_model *m, struct rv_page *p, struct rv_page_item *it, size_t child)
{
	const struct rv_child *ch = rv_child_at(m, RV_QUESTIONS, child);
	it->kind = RV_PI_QUESTION;
	it->qstate = rv_question_state_as_of(m, child, p->as_of);
	it->label = keep(p, rv_child_text(m, RV_QUESTIONS, ch, Q_QID));
	it->briefing = keep(p, rv_child_text(m, RV_QUESTIONS, ch, Q_BRIEFING));
	it->text = keep(p, rv_child_text(m, RV_QUESTIONS, ch, Q_QUESTION));
	it->link = describe_link(p, m, RV_QUESTIONS, ch);
	/* As of a date, an answer given after it is not there yet: the one before it is. */
	it->answer = keep(p, rv_question_answer_as_of(m, child, p->as_of));
	struct rv_text now = rv_child_field(m, RV_QUESTIONS, child, Q_ANSWER);
	bool later = it->answer.len != now.len || (now.len && memcmp(it->answer.ptr, now.ptr, now.len) != 0);
	later_values(m, p, it, RV_QUESTIONS, child);
	struct strbuf by;
	sb_init(&by);
	if (!later && it->answer.len && rv_question_answered_describe(m, child, &by))
		it->answered = keep_sb(p, &by);
	sb_free(&by);
}

static void build_history(const struct rv_model *m, struct rv_page *p, struct rv_page_item *it, size_t child)
{
	const struct rv_child *h = rv_child_at(m, RV_HISTORY, child);
	bool ours = false;
	it->kind = RV_PI_HISTORY;
	it->status = h->status;
	it->decision = h->decision;
	it->label = keep(p, rv_child_text(m, RV_HISTORY, h, HIST_DATE));
	it->status_text = keep(p, rv_child_text(m, RV_HISTORY, h, HIST_STATUS));
	it->decision_text = keep(p, rv_child_text(m, RV_HISTORY, h, HIST_DECISION));
	it->text = keep(p, rv_child_text(m, RV_HISTORY, h, HIST_NOTE));
	it->who = keep(p, rv_history_author(m, child, &ours));
	it->link = describe_link(p, m, RV_HISTORY, h);
	if (h->date_prec == RV_DATE_PREC_NONE)
		it->flags |= RV_PF_UNDATED;
	if (ours)
		it->flags |= RV_PF_OURS;
}

/* A note's earlier versions, oldest first: the text first written, then each correction but the last. */
static void build_note_versions(const struct rv_model *m, struct rv_page *p, struct rv_page_item *it, uint32_t child,
				size_t nrows)
{
	uint32_t *rows = xcalloc(nrows, sizeof(*rows));
	rv_changelog_rows(m, (struct rv_item){RV_NOTES, child}, NOTE_TEXT, rows, nrows);
	it->versions = arena_alloc(&p->arena, nrows * sizeof(*it->versions));
	it->nversions = nrows;
	for (size_t k = 0; k < nrows; k++) {
		struct rv_page_version *ver = &it->versions[k];
		ver->first = k == 0;
		if (k == 0) {
			ver->when = keep(p, rv_child_field(m, RV_NOTES, child, NOTE_TIME));
			ver->who = keep(p, rv_child_field(m, RV_NOTES, child, NOTE_AUTHOR));
			ver->text = keep(p, rv_child_text(m, RV_NOTES, rv_child_at(m, RV_NOTES, child), NOTE_TEXT));
		} else {
			ver->when = keep(p, rv_row_field(m, RV_CHANGES, rows[k - 1], CHG_TIME));
			ver->who = keep(p, rv_row_field(m, RV_CHANGES, rows[k - 1], CHG_AUTHOR));
			ver->text = keep(p, rv_row_field(m, RV_CHANGES, rows[k - 1], CHG_VALUE));
		}
	}
	free(rows);
}

/* A note reads as corrected (notes.csv is only added to; corrections are rows of changes.csv). */
static void build_note(const struct rv_model *m, struct rv_page *p, struct rv_page_item *it, uint32_t child)
{
	it->kind = RV_PI_NOTE;
	it->ref = child;
	it->label = keep(p, rv_child_field(m, RV_NOTES, child, NOTE_TIME));
	it->who = keep(p, rv_child_field(m, RV_NOTES, child, NOTE_AUTHOR));
	it->text = keep(p, rv_child_field(m, RV_NOTES, child, NOTE_TEXT));
	size_t nrows = rv_changelog_rows(m, (struct rv_item){RV_NOTES, child}, NOTE_TEXT, NULL, 0);
	if (!nrows)
		return;
	long row = rv_changelog_latest(m, (struct rv_item){RV_NOTES, child}, NOTE_TEXT);
	struct rv_text on = rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_TIME);
	it->marked = keep(p, (struct rv_text){on.ptr, on.len < 10 ? on.len : 10});
	if (it->text.len) {
		it->flags |= RV_PF_AMENDED;
	} else {
		it->flags |= RV_PF_RETRACTED;
		it->marked_by = keep(p, rv_row_field(m, RV_CHANGES, (uint32_t)row, CHG_AUTHOR));
	}
	build_note_versions(m, p, it, child, nrows);
}

/* An entry recorded after the as-of date, kept on a page that dims such entries. */
static void mark_later(struct rv_page *p, struct rv_page_item *it)
{
	char mark[32], day[16];
	rv_date_format(p->as_of, day, sizeof(day));
	snprintf(mark, sizeof(mark), "after %s", day);
	it->flags |= RV_PF_LATER;
	it->later = keep_str(p, mark);
}

static void build_children(const struct rv_model *m, struct rv_page *p, enum rv_page_kind which, enum rv_kind kind)
{
	struct rv_page_section *sec = &p->sections[which];
	const struct rv_rec *r = rv_rec_at(m, p->rec);
	size_t count = r->count[kind];
	char label[96];
	size_t later = 0;
	new_items(p, sec, count);
	for (size_t k = 0; k < count; k++) {
		/* History reads newest first, like a timeline; the rest in file order. */
		size_t idx = kind == RV_HISTORY ? count - 1 - k : k;
		size_t child = rv_rec_child_index(m, p->rec, kind, idx);
		bool in_time = rv_child_recorded_by(m, kind, child, p->as_of);
		if (!in_time) {
			later++; /* as of a date, what was recorded after it is not on the page, or dimmed */
			if (p->later != RV_AS_OF_DIM)
				continue;
		}
		struct rv_page_item *it = &sec->items[sec->n++];
		it->ref = (uint32_t)child;
		if (kind == RV_DELIVERABLES)
			build_deliverable(m, p, it, child);
		else if (kind == RV_QUESTIONS)
			build_question(m, p, it, child);
		else if (kind == RV_HISTORY)
			build_history(m, p, it, child);
		else
			build_note(m, p, it, (uint32_t)child);
		if (!in_time)
			mark_later(p, it);
	}
	if (kind == RV_DELIVERABLES) {
		size_t overdue = rv_rec_overdue_as_of(m, p->rec, p->as_of);
		size_t done = rv_rec_deliverables_done_as_of(m, p->rec, p->as_of);
		int n = snprintf(label, sizeof(label), "Deliverables (%zu, %zu done", count, done);
		snprintf(label + n, sizeof(label) - (size_t)n, overdue ? ", %zu overdue)" : ")", overdue);
	} else if (kind == RV_QUESTIONS && count) {
		snprintf(label, sizeof(label), "Questions (%zu, %zu open)", count,
			 rv_rec_open_questions_as_of(m, p->rec, p->as_of));
	} else if (kind == RV_QUESTIONS) {
		snprintf(label, sizeof(label), "Questions (0)");
	} else if (kind == RV_HISTORY) {
		snprintf(label, sizeof(label), "History (%zu, newest first)", count - later);
	} else {
		snprintf(label, sizeof(label), "Notes (%zu)", count - later);
	}
	if (later) {
		char day[16];
		rv_date_format(p->as_of, day, sizeof(day));
		size_t n = strlen(label);
		snprintf(label + n, sizeof(label) - n, ", %zu after %s %s", later, day,
			 p->later == RV_AS_OF_DIM ? "dimmed" : "hidden");
	}
	sec->label = keep_str(p, label);
}

/* "See Recommendation 25" and the like, both ways. */
static void build_references(const struct rv_model *m, struct rv_page *p)
{
	struct rv_page_section *sec = &p->sections[RV_PAGE_REFERENCES];
	const uint32_t *out, *in;
	size_t nout = rv_xref_out(m, p->rec, &out);
	size_t nin = rv_xref_in(m, p->rec, &in);
	char label[96];
	snprintf(label, sizeof(label), "References (refers to %zu, referred to by %zu)", nout, nin);
	sec->label = keep_str(p, label);
	new_items(p, sec, nout + nin);
	for (size_t i = 0; i < nout + nin; i++) {
		uint32_t other = i < nout ? out[i] : in[i - nout];
		struct rv_page_item *it = &sec->items[sec->n++];
		it->kind = i < nout ? RV_PI_REFERS_TO : RV_PI_REFERRED_BY;
		it->ref = other;
		it->status = rv_rec_status(m, other, p->as_of);
		it->label = keep(p, rv_rec_id(m, other));
		it->text = keep(p, rv_rec_headline(m, other));
	}
}

void rv_page_build(const struct rv_model *m, size_t rec, int32_t as_of, struct rv_page *out)
{
	rv_page_build_later(m, rec, as_of, RV_AS_OF_HIDE, out);
}

void rv_page_build_later(const struct rv_model *m, size_t rec, int32_t as_of, enum rv_as_of_later later,
			 struct rv_page *out)
{
	memset(out, 0, sizeof(*out));
	arena_init(&out->arena, 16384);
	out->rec = rec;
	out->as_of = as_of;
	out->later = later;
	out->id = keep(out, rv_rec_id(m, rec));
	out->status = rv_rec_status(m, rec, as_of);
	out->decision = rv_rec_decision(m, rec, as_of);
	if (out->status == RV_STATUS_UNKNOWN)
		out->status_raw = keep(out, rv_rec_field(m, rec, REC_STATUS));
	/* The priority in force on the date (a later change logged in changes.csv is not there yet). */
	out->priority = keep(out, rv_child_field_as_of(m, RV_RECS, rec, REC_PRIORITY, as_of));
	out->first_priority = rv_rec_priority_as_of(m, rec, as_of) == 1;
	out->label_width = rv_page_label_width(m, RV_RECS, RV_PAGE_LABEL_MIN);
	for (int k = 0; k < RV_PAGE_NSECTIONS; k++)
		out->sections[k].kind = (enum rv_page_kind)k;
	build_fields(m, out);
	build_text(m, out);
	build_project_status(m, out);
	build_children(m, out, RV_PAGE_DELIVERABLES, RV_DELIVERABLES);
	build_children(m, out, RV_PAGE_QUESTIONS, RV_QUESTIONS);
	build_children(m, out, RV_PAGE_HISTORY, RV_HISTORY);
	build_children(m, out, RV_PAGE_NOTES, RV_NOTES);
	build_references(m, out);
}

void rv_page_free(struct rv_page *p)
{
	arena_free(&p->arena);
	memset(p, 0, sizeof(*p));
}
