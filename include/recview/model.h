/*
 * model.h - a data set: the CSV files of one directory, their known columns found by header name,
 * and indexes that link recommendations with their deliverables, questions and status history.
 */
#ifndef RECVIEW_MODEL_H
#define RECVIEW_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/error.h"
#include "recview/csvread.h"
#include "recview/diag.h"
#include "recview/vocab.h"
#include "recview/xref.h"

enum rv_kind {
	RV_RECS,
	RV_DELIVERABLES,
	RV_QUESTIONS,
	RV_HISTORY,
	RV_REVIEWS,
	RV_NOTES,     /* notes added in triage: only ever appended */
	RV_AGENDA,    /* the meeting agenda, in order */
	RV_CHANGES,   /* every triage change to a field other than a status or decision: only ever appended */
	RV_KIND_COUNT
};

/* Known fields of each file, in the order of the data contract. */
enum { REC_ID, REC_REVIEW, REC_NUMBER, REC_TOPIC, REC_TITLE, REC_TEXT, REC_DECISION, REC_STATUS, REC_PRIORITY,
       REC_SOURCE, REC_OWNER,
       /* Texts from a second source and where each text is in its source (data/README.md). */
       REC_PROJECT_STATUS, REC_PROJECT_STATUS_SOURCE, REC_TEXT_SOURCE, REC_OTHER_TEXT, REC_OTHER_TEXT_SOURCE,
       REC_NFIELDS };
enum { DEL_REC_ID, DEL_DESCRIPTION, DEL_RESPONSIBLE, DEL_DUE, DEL_STATUS, DEL_SOURCE, DEL_DUE_TEXT, DEL_NFIELDS };
enum { Q_REC_ID, Q_QID, Q_BRIEFING, Q_ASKED, Q_QUESTION, Q_ANSWER, Q_STATUS, Q_SOURCE, Q_ANSWERED, Q_ANSWERED_BY,
       Q_NFIELDS };
enum { HIST_REC_ID, HIST_DATE, HIST_DECISION, HIST_STATUS, HIST_SOURCE, HIST_NOTE, HIST_NFIELDS };
enum { REV_REVIEW, REV_DATE, REV_KIND, REV_NAME, REV_DESCRIPTION, REV_SOURCE, REV_NFIELDS };
enum { NOTE_REC_ID, NOTE_TIME, NOTE_AUTHOR, NOTE_TEXT, NOTE_NFIELDS };
enum { AGENDA_REC_ID, AGENDA_ADDED, AGENDA_AUTHOR, AGENDA_MINUTES, AGENDA_NFIELDS };
enum { CHG_REC_ID, CHG_ITEM, CHG_FIELD, CHG_VALUE, CHG_PREVIOUS, CHG_TIME, CHG_AUTHOR, CHG_NOTE, CHG_NFIELDS };
#define RV_MAX_FIELDS 16

/*
 * What a field means, whatever its kind calls it: code asks for "the status field of kind K" with
 * rv_field_of_role instead of naming each kind's constant. The model reads the link to a
 * recommendation, the status, the decision and the date of every kind by these roles.
 */
enum rv_role {
	RV_ROLE_NONE,
	RV_ROLE_ID,          /* the entity's own id (a recommendation's id, a question's qid) */
	RV_ROLE_REC_LINK,    /* the id of the recommendation a row belongs to */
	RV_ROLE_REVIEW,      /* the review (team) */
	RV_ROLE_NUMBER,
	RV_ROLE_TOPIC,
	RV_ROLE_TITLE,       /* a short name */
	RV_ROLE_TEXT,        /* the main text: description, question, note */
	RV_ROLE_DECISION,    /* pending / approved / rejected */
	RV_ROLE_STATUS,      /* an implementation status (parsed, vocab.h) */
	RV_ROLE_STATE,       /* a state word outside that vocabulary (a question's "answered") */
	RV_ROLE_PRIORITY,
	RV_ROLE_SOURCE,      /* where a row, or one of its texts, comes from */
	RV_ROLE_NARRATIVE,   /* a longer account beside the main text: how the work stands */
	RV_ROLE_DATE,        /* a date, parsed as date.h reads a file's dates; the text is kept as written */
	RV_ROLE_DATE_TEXT,   /* a date as its source wrote it, when the date column holds it otherwise */
	RV_ROLE_TIME,        /* a time stamp, kept as written */
	RV_ROLE_AUTHOR,
	RV_ROLE_RESPONSIBLE,
	RV_ROLE_GROUP,       /* a question's briefing group */
	RV_ROLE_PLACE,       /* where or when a question was asked */
	RV_ROLE_ANSWER,
	RV_ROLE_CATEGORY,    /* a review activity's kind */
	RV_ROLE_OWNER,       /* who is to act on a recommendation */
	RV_ROLE_ITEM,        /* a change's item: empty for the recommendation, D2, Q1.1, N<time> (changes.csv) */
	RV_ROLE_FIELD,       /* the field a change set */
	RV_ROLE_VALUE,       /* the value it set */
	RV_ROLE_PREVIOUS,    /* the value it replaced */
	RV_ROLE_MINUTES,     /* a length of time in whole minutes: an agenda item's budget */
	RV_ROLE_COUNT
};

struct rv_field_def {
	const char *name;        /* canonical header name */
	enum rv_role role;
	const char *aliases[10]; /* other accepted names, normalised (see rv_normalize_name) */
	bool required;
};

struct rv_kind_def {
	const char *file;  /* "recommendations.csv" */
	const char *label; /* "recommendations" */
	bool required;     /* the data set cannot load without it */
	int nfields;
	const struct rv_field_def *fields;
	bool by_date;      /* a recommendation's rows of this kind are in date order (then file order) */
};

const struct rv_kind_def *rv_kind_def(enum rv_kind kind);
/* The first field of kind with this role, or -1. */
int rv_field_of_role(enum rv_kind kind, enum rv_role role);

struct rv_map_field;

/* One file of the data set. */
struct rv_table {
	char *file;                   /* its file's name in the data set ("SSR tracker - recommendations.csv") */
	bool present;                 /* the file was read */
	bool unreadable;              /* the file exists but could not be read: it is never replaced */
	bool usable;                  /* read, with its required columns */
	bool flat;                    /* not a file: its rows are the recommendations' (a flat sheet, flat.c) */
	struct csv_table csv;
	int col[RV_MAX_FIELDS];       /* column of each known field, or -1 */
	uint32_t *extra_cols;         /* columns no known field claimed, in file order */
	size_t nextra;
	/* Day or month first, for each date field: decided from the column's values when its children
	 * are built, unless a mapping set it before (basis RV_DATE_ORDER_MAPPED). */
	struct rv_date_order_choice date_order[RV_MAX_FIELDS];
	/* A field a mapping takes out of a column by a pattern or through a link (mapping.h): its value
	 * in each of the first nderived rows, read instead of the cell; NULL for a plain column. */
	struct csv_cell *derived[RV_MAX_FIELDS];
	size_t nderived;
	const struct rv_map_field *derived_by[RV_MAX_FIELDS]; /* the mapping's line behind each derived field */
};

struct rv_rec {
	uint32_t row;                 /* row in recommendations.csv */
	enum rv_status status;        /* the status column as parsed */
	enum rv_decision decision;    /* the decision column as parsed */
	enum rv_status cur_status;    /* status column, else the latest history entry that has one */
	enum rv_decision cur_decision;
	int8_t priority;              /* 1..4, 0 none, -1 unknown */
	int32_t last_change;          /* date of the latest dated history entry, or RV_DATE_NONE */
	uint32_t first[RV_KIND_COUNT]; /* start of its children in child_index[kind] */
	uint32_t count[RV_KIND_COUNT]; /* how many */
	uint32_t deliverables_done;
	bool duplicate;               /* another row has the same id (the first one owns it) */
};

/*
 * A row of a child file: a deliverable, a question or a history entry. An entry without a usable
 * date (date_prec RV_DATE_PREC_NONE: empty, TBD, or not a date) keeps its place in file order: in a
 * by_date kind (history) its date is that of the entry before it in the file among its
 * recommendation's entries (RV_DATE_NONE when it comes first), so that it sorts right after that one
 * and counts as later than it, and as of a date once that one does. Elsewhere it is RV_DATE_NONE.
 * Small fields are bytes: a data set of 100k recommendations has a million children.
 */
struct rv_child {
	uint32_t row;
	int32_t rec;                  /* index into rv_model.recs, or -1 when its rec_id is unknown */
	int32_t date;                 /* history date, deliverable due date (date.h), for order and as-of */
	uint8_t status;               /* enum rv_status */
	uint8_t decision;             /* enum rv_decision */
	uint8_t date_prec;            /* enum rv_date_precision; RV_DATE_PREC_NONE: undated */
	uint8_t link;                 /* enum rv_link_how (links.h): exact, by case, by the id rule */
};

struct rv_mapping;
struct rv_changelog;

struct rv_model {
	char *dir;
	struct rv_table tables[RV_KIND_COUNT];
	struct rv_rec *recs;          /* in natural id order */
	size_t nrecs;
	struct rv_child *children[RV_KIND_COUNT]; /* per child kind, in file order */
	size_t nchildren[RV_KIND_COUNT];
	uint32_t *child_index[RV_KIND_COUNT];     /* children grouped by recommendation (history by date) */
	uint32_t *id_hash;            /* open addressing: rec index + 1, 0 = empty */
	size_t id_hash_size;
	struct rv_link_index *links;  /* the id rule's keys (links.c), built when an id first needs them */
	struct rv_flat *flat;         /* recommendations.csv holds a child kind too (flat.c), or NULL */
	struct diag_list diags;
	struct rv_xref_index xref;    /* references between recommendations found in their texts */
	/* Bumped by every change to the model (entity.h): derived data and views built at an older
	 * generation are stale. xref_generation is the one the xref index was built at. */
	unsigned long generation;
	unsigned long xref_generation;
	struct rv_mapping *mapping;   /* the data set's recview.map (mapping.h), or NULL */
	struct rv_changelog *changelog; /* the index of changes.csv (changelog.h), or NULL when it has no rows */
};

/* Loading (error.h): RV_OK, loaded (diags may hold warnings and errors); RV_E_UNREADABLE, nothing to
 * show: no directory, or no usable recommendations.csv. */

enum rv_result rv_model_load(struct rv_model *m, const char *dir);
/* Whether the load failed only because recommendations.csv lacks a required column: the model is then
 * empty but whole (no recommendations, child files read but not linked), for the browser to open on
 * and offer a mapping of that column. */
bool rv_model_lacks_columns(const struct rv_model *m);
void rv_model_free(struct rv_model *m);
/* Moves a loaded model into *dst (whose old contents must have been freed). */
void rv_model_move(struct rv_model *dst, struct rv_model *src);

/* Index of the recommendation with this id (exact, then ignoring case), or -1 (links.c). */
long rv_find_rec(const struct rv_model *m, const char *id, size_t len);

/* The i-th child of kind for a recommendation (history: oldest first). */
const struct rv_child *rv_rec_child(const struct rv_model *m, size_t rec, enum rv_kind kind, size_t i);

/*
 * After a change: a child row appended to its table (csv_table_append_row) joins the indexes, or the
 * last one leaves them again; a recommendation's derived state (current status, last change, counts)
 * is computed anew. Each is O(recommendations + children of that kind), with no re-parsing.
 */
void rv_model_add_child(struct rv_model *m, enum rv_kind kind, uint32_t row);
void rv_model_drop_last_child(struct rv_model *m, enum rv_kind kind);
void rv_model_refresh_rec(struct rv_model *m, size_t rec);
/* A child's parsed status and date from its fields as they read now; its recommendation follows. */
void rv_model_refresh_child(struct rv_model *m, enum rv_kind kind, size_t child);
/* A file read in a legacy encoding is written in UTF-8 from now on; false when it is UTF-8 already. */
bool rv_model_convert_to_utf8(struct rv_model *m, enum rv_kind kind);
/* Removes a child row anywhere in its table (the undo of a row appended before a merge). */
void rv_model_remove_row(struct rv_model *m, enum rv_kind kind, uint32_t row);
/*
 * A field as it was before a change, raw bytes and row layout included, so that undo can put it
 * back exactly (an unchanged row is then written as it was read). Valid on the model it was taken
 * from, while the row has not moved (no merge, no row removed before it).
 */
struct rv_field_undo {
	enum rv_kind kind;
	uint32_t row, col;
	struct csv_cell cell;
	uint32_t flags, nfields, first;
};
/* rv_model_set_field (entity.h) that first keeps what the field was in *undo. */
bool rv_model_set_field_undoable(struct rv_model *m, enum rv_kind kind, uint32_t row, int field, const char *s,
				 size_t len, struct rv_field_undo *undo);
/* Puts back the field *undo kept. */
void rv_model_restore_field(struct rv_model *m, const struct rv_field_undo *undo);
/* Creates an empty table with the contract's header for a file the data set lacks (not written yet). */
void rv_model_create_table(struct rv_model *m, enum rv_kind kind);
/* The path of a table's file. */
char *rv_model_path(const struct rv_model *m, enum rv_kind kind);
/* The name of a table's file in the data set (the kind's own name unless an export named it otherwise). */
const char *rv_table_file(const struct rv_model *m, enum rv_kind kind);

#endif
