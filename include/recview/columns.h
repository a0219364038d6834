/*
 * columns.h - the columns of the browser's lists: which a list can show (built in, the kind's other
 * known fields by role, the data set's extra columns), which it shows in which order and how wide
 * (the user's choice: `columns.LIST = id,status:12,title` in the configuration, or the chooser), and
 * the widths that fit a screen. No drawing here: the UI draws each cell (src/ui/columns_draw.c).
 *
 * Widths: a fixed column keeps its width, a fitted one takes its widest value (measured over the
 * list's rows, capped), the flexible column (the title or text) takes what is left, and a shared one
 * (the topic) a part of that when there is room. On a narrow screen the least needed columns are
 * dropped first (each says below which flexible width it goes); scrolling sideways leaves out the
 * first columns after the sticky ones (the id), which never move.
 */
#ifndef RECVIEW_COLUMNS_H
#define RECVIEW_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/diag.h"
#include "recview/entity.h"
#include "recview/model.h"

/* The lists with columns: the agenda and the search results show recommendations (the agenda their
 * columns, the results theirs after the id, the hits and the fields matched); the log its changes. */
enum rv_col_list {
	RV_COLS_RECS,
	RV_COLS_DELIVERABLES,
	RV_COLS_QUESTIONS,
	RV_COLS_HISTORY,
	RV_COLS_AGENDA,
	RV_COLS_RESULTS,
	RV_COLS_LOG,
	RV_COLS_LISTS
};

#define RV_COLS_MAX 48
#define RV_COL_NAME 40
#define RV_COL_WIDTH_MAX 200

/* What a cell shows. */
enum rv_col_what {
	RV_COL_FIELD,     /* a known field of the list's kind (field), as written, first line */
	RV_COL_EXTRA,     /* an extra column of the data set (field: its number among the kind's extras) */
	RV_COL_ID,        /* the recommendation's id (in a child list: the id the row names) */
	RV_COL_NOTES,     /* the mark of a recommendation with notes */
	RV_COL_STATUS,    /* the status word (a recommendation's as of the date; a deliverable's) */
	RV_COL_DECISION,  /* a recommendation's decision, as of the date */
	RV_COL_PRIORITY,
	RV_COL_HEADLINE,  /* the title, else the text's first line */
	RV_COL_DONE,      /* deliverables done of all, ! when one is overdue */
	RV_COL_OPEN,      /* questions open of all */
	RV_COL_CHANGED,   /* the date of the last change */
	RV_COL_DUE,       /* a deliverable's due date ("done" when complete), ! when overdue */
	RV_COL_QSTATE,    /* a question's state */
	RV_COL_DATE,      /* a history entry's date ("undated") */
	RV_COL_HSTATUS,   /* a history entry's status glyph and word as written */
	RV_COL_HDECISION, /* a history entry's decision as written */
	RV_COL_NEXT_DUE,  /* a recommendation's next due date: the earliest of its deliverables not complete */
	RV_COL_HITS,      /* a search result's count of matches */
	RV_COL_MATCHED,   /* a search result's fields matched, each with an excerpt */
	RV_COL_LOG_DATE,  /* a change's date (and time) */
	RV_COL_LOG_AUTHOR,
	RV_COL_LOG_REC,   /* the id of the recommendation changed */
	RV_COL_LOG_ITEM,  /* the item within it: D2, Q1.1 */
	RV_COL_LOG_KIND,
	RV_COL_LOG_CHANGE, /* old -> new, then the note */
	RV_COL_LOG_OLD,
	RV_COL_LOG_NEW,
	RV_COL_LOG_NOTE,
	RV_COL_MINUTES,   /* an agenda item's budget in the meeting ("5:00"), from the session's agenda */
};

enum rv_col_fit {
	RV_FIT_FIXED,   /* width */
	RV_FIT_CONTENT, /* its widest value, at least min, at most width */
	RV_FIT_FLEX,    /* what is left */
	RV_FIT_SHARE,   /* 1/width of what is left, when that is at least keep */
};

enum rv_col_style { RV_COL_PLAIN, RV_COL_DIM, RV_COL_IDLIKE, RV_COL_DATELIKE };

struct rv_col_def {
	char name[RV_COL_NAME];   /* in the configuration and the chooser: "priority", "area" */
	char header[RV_COL_NAME]; /* above the column: "Pri" */
	enum rv_col_what what;
	int field;
	enum rv_col_fit fit;
	int width;
	int min;
	int keep;   /* dropped when the flexible column would get fewer (0: only when nothing else fits) */
	int drop;   /* the order of dropping: higher first */
	int mark;   /* the last columns of its width hold a mark (the ! of overdue) */
	bool right; /* aligned to the right */
	bool sticky; /* stays when scrolling sideways */
	bool shown;  /* in the default set */
	enum rv_col_style style;
};

/* Every column a list can show, the default ones first in their order. */
struct rv_col_set {
	enum rv_col_list list;
	struct rv_col_def defs[RV_COLS_MAX];
	size_t n;
};

/* The columns shown, in order, each with its width (0: fitted). */
struct rv_col_pick {
	char name[RV_COL_NAME];
	int width;
};

struct rv_col_choice {
	struct rv_col_pick cols[RV_COLS_MAX];
	size_t n;
	bool set; /* false: the default set */
};

/* One column laid out: its def in the set and its width. */
struct rv_col_slot {
	int def;
	int width;
};

struct rv_col_layout {
	struct rv_col_slot slots[RV_COLS_MAX];
	size_t n;
	int skipped; /* columns scrolled past on the left */
	int dropped; /* columns left out for want of room */
	int scrollable; /* columns that scrolling can pass (not sticky), of those chosen */
};

/* The lists a view of recommendations shows with their columns (the recommendations, the agenda). */
bool rv_col_list_of_recs(enum rv_col_list list);

/* "recommendations" -> RV_COLS_RECS; false for another word. */
bool rv_col_list_by_name(const char *s, size_t len, enum rv_col_list *out);
const char *rv_col_list_name(enum rv_col_list list);
enum rv_kind rv_col_list_kind(enum rv_col_list list);

/* The columns of list for the data set m (its extra columns, whether it has notes). */
void rv_columns_available(const struct rv_model *m, enum rv_col_list list, struct rv_col_set *out);
/* The def named name, or -1. */
int rv_columns_find(const struct rv_col_set *set, const char *name);

/*
 * "id,status:12,title": names (letters, digits, '_', '-', '.'; case ignored) with an optional width
 * (1..200). False with the reason in err for a bad spec: empty, an empty name, a bad width, a name
 * given twice, more than RV_COLS_MAX columns. Names are not checked here (rv_columns_check).
 */
bool rv_columns_parse(const char *spec, size_t len, struct rv_col_choice *out, char *err, size_t errlen);
/* Whether every name of c is a column of set; false with the first unknown one and the known names. */
bool rv_columns_check(const struct rv_col_set *set, const struct rv_col_choice *c, char *err, size_t errlen);
/*
 * The configuration's specs (columns.LIST, by list; NULL: not given, each read from line lines[list] of
 * path) checked against the data set m: out[list] is the choice (unset where none was given or it
 * names a column m lacks, which is a warning "PATH:LINE: columns.LIST: unknown column ..." in diags).
 */
void rv_columns_from_config(const struct rv_model *m, const char *const *specs, const unsigned *lines,
			    const char *path, struct diag_list *diags, struct rv_col_choice *out);
/* The default columns of set as a choice. */
void rv_columns_default(const struct rv_col_set *set, struct rv_col_choice *out);
/* c as a spec rv_columns_parse reads back ("id,status:12,title"). */
void rv_columns_format(const struct rv_col_choice *c, struct strbuf *out);
/* The position of name in c, or -1. */
int rv_choice_find(const struct rv_col_choice *c, const char *name);

/* A cell's text for the columns whose value is text (field, extra, id, status word, headline: its
 * first line, next due date); empty for the others (the UI draws those). The search results' and the
 * log's rows are no recommendation or child: their cells' values are the UI's (ref is a row there). */
struct rv_text rv_col_value(const struct rv_model *m, enum rv_col_list list, const struct rv_col_def *def,
			    size_t ref, int32_t as_of);
/* The deliverable of rec not complete that is due first (a usable due date), or -1. */
long rv_rec_next_due(const struct rv_model *m, size_t rec);
/* The same with each deliverable's status and due date as recorded by as_of (as_of.h). */
long rv_rec_next_due_as_of(const struct rv_model *m, size_t rec, int32_t as_of);
/*
 * The widest value of each fitted column over rows 0..n, into natural[def]: width(ctx, def, i) is the
 * width of row i's value, or -1 for a row that is not measured. A column stops being read at its cap.
 */
typedef int (*rv_col_width_fn)(void *ctx, const struct rv_col_def *def, size_t i);
void rv_columns_measure_each(const struct rv_col_set *set, size_t n, rv_col_width_fn width, void *ctx, int *natural);
/* rv_columns_measure_each over the rows refs[0..n) (refs NULL: every row of the list's kind). */
void rv_columns_measure(const struct rv_model *m, const struct rv_col_set *set, const uint32_t *refs, size_t n,
			int32_t as_of, int *natural);
/*
 * Lays out the columns of c (the default set when c is NULL or unset) in width screen columns, one
 * space between columns, after skipping the first skip columns that are not sticky.
 */
void rv_columns_fit(const struct rv_col_set *set, const struct rv_col_choice *c, const int *natural, int width,
		    int skip, struct rv_col_layout *out);

#endif
