/*
 * page.h - a recommendation's page as one value: its title, fields, text, deliverables, questions,
 * history, notes and references, in the order every renderer shows them. The browser's page
 * (view_rec.c), recview --show (report.c) and the Markdown export (page_md.c) are renderings of it.
 * Texts are the model's raw bytes (copied): each renderer sanitises them for where they go.
 */
#ifndef RECVIEW_PAGE_H
#define RECVIEW_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/arena.h"
#include "recview/as_of.h"
#include "recview/entity.h"
#include "recview/items.h"
#include "recview/model.h"
#include "recview/strbuf.h"

/* A field item's ref: a REC_* field, the date of the last change, or an extra column. */
#define RV_PAGE_CHANGED 99
#define RV_PAGE_EXTRA 100
/* Labels are padded to one width, at least this; wider labels up to RV_PAGE_LABEL_MAX share it, and
 * a label wider still is put on a line of its own (a label is never cut). */
#define RV_PAGE_LABEL_MIN 11
#define RV_PAGE_LABEL_MAX 20

/* The width labels of kind's fields are padded to: the longest of the file's extra column names (and
 * a space) fits, within [minimum, RV_PAGE_LABEL_MAX]. */
int rv_page_label_width(const struct rv_model *m, enum rv_kind kind, int minimum);

enum rv_page_kind {
	RV_PAGE_FIELDS,
	RV_PAGE_TEXT,           /* the text; where a second source words it otherwise, both, each with its source */
	RV_PAGE_PROJECT_STATUS, /* how the work stands, in the tracker's words (empty: not shown) */
	RV_PAGE_DELIVERABLES,
	RV_PAGE_QUESTIONS,
	RV_PAGE_HISTORY,
	RV_PAGE_NOTES,
	RV_PAGE_REFERENCES,
	RV_PAGE_NSECTIONS,
};

enum rv_page_item_kind {
	RV_PI_FIELD,       /* label: value */
	RV_PI_PARAGRAPH,   /* a text of the recommendation; label: where it comes from, when that is shown */
	RV_PI_DELIVERABLE, /* ref: child index */
	RV_PI_QUESTION,
	RV_PI_HISTORY,
	RV_PI_NOTE,
	RV_PI_REFERS_TO,   /* ref: the recommendation named */
	RV_PI_REFERRED_BY,
};

enum rv_page_flags {
	RV_PF_DERIVED = 1 << 0,   /* a status or decision field read from the history */
	RV_PF_DONE = 1 << 1,      /* a complete deliverable */
	RV_PF_OVERDUE = 1 << 2,   /* an open deliverable past its due date */
	RV_PF_UNDATED = 1 << 3,   /* a history entry without a usable date */
	RV_PF_OURS = 1 << 4,      /* a history entry recview wrote: who is its author, not its source */
	RV_PF_AMENDED = 1 << 5,   /* a note corrected since: marked is the day */
	RV_PF_RETRACTED = 1 << 6, /* a note taken back: marked, marked_by say when and who */
	RV_PF_LONG_LABEL = 1 << 7, /* a field whose label does not fit the label width */
	/* A history entry or note recorded after the as-of date, on a page that keeps them
	 * (RV_AS_OF_DIM): later says "after DATE"; renderers dim it. */
	RV_PF_LATER = 1 << 8,
};

/* A note's earlier version: its time, author and text (empty: retracted). */
struct rv_page_version {
	struct rv_text when, who, text;
	bool first;
};

struct rv_page_item {
	enum rv_page_item_kind kind;
	uint32_t ref;
	unsigned flags;
	/* A field's label; a question's id; a history entry's date; a note's time; a reference's id. */
	struct rv_text label;
	/* A field's value; the description, question, history note, note text or reference's headline. */
	struct rv_text text;
	enum rv_status status;     /* deliverable, history entry, referenced recommendation */
	enum rv_decision decision; /* history entry */
	enum rv_qstatus qstate;    /* question */
	struct rv_text owner, due;                 /* deliverable, as written */
	struct rv_text due_text;                   /* deliverable: the due date as its source wrote it, beside due */
	struct rv_text briefing, answer, answered; /* question; answered: who gave the answer and when */
	struct rv_text status_text, decision_text; /* history entry, as written */
	struct rv_text who;                        /* history: author or source; note: author */
	struct rv_text marked, marked_by;          /* note: the day it was amended or retracted; who retracted it */
	struct rv_text link;                       /* how a child was linked, when not by its exact id */
	struct rv_text *revisions;                 /* deliverable: earlier due dates, described */
	size_t nrevisions;
	struct rv_page_version *versions;          /* note: earlier versions, oldest first */
	size_t nversions;
	/* As of a date, on a page that keeps later entries: "after DATE" for an entry recorded later; for a
	 * deliverable or question whose fields changed later, "after DATE: status complete, owner bob". */
	struct rv_text later;
};

struct rv_page_section {
	enum rv_page_kind kind;
	struct rv_text label; /* "Deliverables (4, 3 done, 1 overdue)" */
	struct rv_page_item *items;
	size_t n;
};

struct rv_page {
	size_t rec;
	int32_t as_of;
	enum rv_as_of_later later; /* what was recorded after as_of: left out, or kept flagged */
	/* The title line: id, status (raw when not a known word), decision, priority. */
	struct rv_text id, status_raw, priority;
	enum rv_status status;
	enum rv_decision decision;
	bool first_priority;
	int label_width;
	struct rv_page_section sections[RV_PAGE_NSECTIONS];
	struct arena arena;
};

/* The page of rec as of a day (RV_DATE_NONE: today); free it with rv_page_free. */
void rv_page_build(const struct rv_model *m, size_t rec, int32_t as_of, struct rv_page *out);
/* The same, keeping what was recorded after as_of dimmed and marked when later is RV_AS_OF_DIM. */
void rv_page_build_later(const struct rv_model *m, size_t rec, int32_t as_of, enum rv_as_of_later later,
			 struct rv_page *out);
void rv_page_free(struct rv_page *p);

/*
 * The rows of a page in order, what every renderer walks. A row is the title, a field, the text, a
 * section heading, "none" under an empty section, an item's first line, or one of its details (a
 * revised due date, an answer, a history entry's note, a note's text) or, for notes that versions
 * says to show, their earlier versions. A text with a heading of its own (the project status; each of
 * two texts, headed by its source) is a heading and a paragraph.
 */
enum rv_page_row_kind {
	RV_ROW_TITLE,
	RV_ROW_FIELD,
	RV_ROW_TEXT,
	RV_ROW_HEADING,
	RV_ROW_NONE,
	RV_ROW_ITEM,
	RV_ROW_DETAIL,
	RV_ROW_VERSION_HEAD,
	RV_ROW_VERSION,
	RV_ROW_PARAGRAPH, /* a text under the heading before it */
	RV_ROW_LATER,     /* a deliverable's or question's values recorded after the as-of date (item->later) */
};

struct rv_page_row {
	enum rv_page_row_kind kind;
	const struct rv_page_section *section;
	const struct rv_page_item *item; /* NULL for the title and headings */
	const char *text;                /* raw text of the row (not sanitised) */
	size_t len;
};

struct rv_page_walk {
	/* Called for each row; the row's text lives until it returns. */
	void (*row)(void *ctx, const struct rv_page_row *row);
	/* Optional: whether a note's earlier versions are shown (the note's child index). */
	bool (*versions)(void *ctx, uint32_t note);
	void *ctx;
	bool ascii; /* glyphs in ASCII */
};

void rv_page_rows(const struct rv_page *p, const struct rv_page_walk *walk);

/* The first line of an item as every renderer writes it, glyphs included (unsanitised). */
void rv_page_item_line(const struct rv_page_item *it, bool ascii, struct strbuf *out);
/* The title line: "SSR1-11   ○ in progress   approved   P1". */
void rv_page_title_line(const struct rv_page *p, bool ascii, struct strbuf *out);
/* The glyph before a deliverable: its status's, or a dot for one without a status. */
const char *rv_page_deliverable_glyph(const struct rv_page_item *it, bool ascii);

/* The page as plain UTF-8 text wrapped to width, every text sanitised (recview --show). */
void rv_page_text(const struct rv_page *p, int width, struct strbuf *out);
/* The page as Markdown: a heading per section, lists, every text sanitised (page_md.c). */
void rv_page_markdown(const struct rv_page *p, struct strbuf *out);

#endif
