/*
 * entity.h - reading the model: the fields of a recommendation and of its child entities
 * (deliverables, questions, history entries, notes, agenda entries, reviews) as text, and the values
 * derived from them (current status and decision, dates, counts), now or as of a date.
 *
 * Views, reports and the command line read the data set through these functions only: they never see
 * its files (csv_table, cells, column maps), which stay inside model, store, csvread and schema.
 *
 * A child entity is addressed by its kind and its index among the children of that kind
 * (m->children[kind], file order); rv_rec_child_index gives the i-th child of a recommendation.
 *
 * Generation: every change to the model bumps m->generation (rv_model_add_child,
 * rv_model_drop_last_child, rv_model_refresh_rec, rv_model_set_field, rv_model_append_child,
 * rv_model_restore_field, rv_model_create_table, and rv_model_touch for the changes made
 * elsewhere: undo, redo, merge, reload). What is derived from the
 * model remembers the generation it was built at (struct rv_stamp) and is rebuilt when it is older.
 */
#ifndef RECVIEW_ENTITY_H
#define RECVIEW_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/model.h"
#include "recview/strbuf.h"
#include "recview/vocab.h"

/* A field's value: bytes (not NUL-terminated, may hold NULs); valid until the model changes. */
struct rv_text {
	const char *ptr;
	size_t len;
};
/* Whether two texts hold the same bytes; whether a text holds exactly the string s. */
bool rv_text_same(struct rv_text a, struct rv_text b);
bool rv_text_is(struct rv_text t, const char *s);

/* ---- fields ---- */

/* A known field of a recommendation (REC_TITLE...), or empty text when the file lacks it. */
struct rv_text rv_rec_field(const struct rv_model *m, size_t rec, int field);
/* The field of a recommendation that has this role (rv_field_of_role), or empty text. */
struct rv_text rv_rec_role(const struct rv_model *m, size_t rec, enum rv_role role);
struct rv_text rv_rec_id(const struct rv_model *m, size_t rec);
/* Its title, else its text (what a one-line list shows). */
struct rv_text rv_rec_headline(const struct rv_model *m, size_t rec);
/* The review a recommendation belongs to: its review column, else its id up to the last '-'. */
struct rv_text rv_rec_review_of(const struct rv_model *m, size_t rec);

/* A history entry recview wrote (its source "recview: AUTHOR"): true, and the author in *author. */
bool rv_history_recview_author(const struct rv_model *m, size_t history, struct rv_text *author);

/* A known field (DEL_DUE...) of child entity child of kind, or empty text. */
struct rv_text rv_child_field(const struct rv_model *m, enum rv_kind kind, size_t child, int field);
struct rv_text rv_child_role(const struct rv_model *m, enum rv_kind kind, size_t child, enum rv_role role);
/* A known field of a row of kind's file, or empty text: rows are how changes address what they set
 * (rv_rec_row, rv_child_at(...)->row, the row rv_model_append_child returned). */
struct rv_text rv_row_field(const struct rv_model *m, enum rv_kind kind, uint32_t row, int field);
/* The row of a recommendation in recommendations.csv (its first, in a flat sheet). */
uint32_t rv_rec_row(const struct rv_model *m, size_t rec);
/* The rows that are a recommendation's own: 1, or in a flat sheet (flat.h) each row that repeats it
 * (rv_rec_row_at(m, rec, 0) is rv_rec_row); a change to the recommendation sets them all. */
size_t rv_rec_row_count(const struct rv_model *m, size_t rec);
uint32_t rv_rec_row_at(const struct rv_model *m, size_t rec, size_t i);
/* A known field of a child entity given as the record rv_rec_child or rv_child_at returns. */
struct rv_text rv_child_text(const struct rv_model *m, enum rv_kind kind, const struct rv_child *c, int field);
/*
 * For a child that found its recommendation by case or by the id rule (links.h), appends
 * " — linked as SSR1-1 (written 'Rec. 1')", sanitised, and returns true; else appends nothing.
 */
bool rv_child_describe_link(const struct rv_model *m, enum rv_kind kind, const struct rv_child *c, struct strbuf *out);
/* The entity itself (its recommendation, parsed status, decision and date). */
const struct rv_child *rv_child_at(const struct rv_model *m, enum rv_kind kind, size_t child);
/*
 * A date field (deliverable due, history date, review date) as written beside its parsed form: views
 * show the text ("Nov. 2015" stays "Nov. 2015"); order, filters and as-of use the parsed date.
 * Undated (precision RV_DATE_PREC_NONE): empty, a placeholder such as TBD, or not a date; date is then
 * RV_DATE_NONE (the order of an undated history entry is its place in the file: model.h).
 */
struct rv_date_text {
	struct rv_text text;              /* as written */
	int32_t date;                     /* parsed (date.h) */
	enum rv_date_precision precision;
};
struct rv_date_text rv_child_date(const struct rv_model *m, enum rv_kind kind, size_t child);
bool rv_child_undated(const struct rv_model *m, enum rv_kind kind, size_t child);
/* Day or month first in a date field of kind, and what decided it (date.h). */
struct rv_date_order_choice rv_date_order_of(const struct rv_model *m, enum rv_kind kind, int field);
/* How many children of kind the data set has (linked to a recommendation or not). */
size_t rv_child_total(const struct rv_model *m, enum rv_kind kind);

/* The i-th child of kind of a recommendation (history: oldest first), as an index for rv_child_*. */
size_t rv_rec_child_index(const struct rv_model *m, size_t rec, enum rv_kind kind, size_t i);
size_t rv_rec_child_count(const struct rv_model *m, size_t rec, enum rv_kind kind);

/* ---- the columns of a kind ---- */

/* Whether the file of kind was read; usable: with its required columns; and has a known field. */
bool rv_kind_present(const struct rv_model *m, enum rv_kind kind);
bool rv_kind_usable(const struct rv_model *m, enum rv_kind kind);
bool rv_kind_has_field(const struct rv_model *m, enum rv_kind kind, int field);
/* The kind has no file of its own: its rows are in recommendations.csv (a flat sheet, flat.h). */
bool rv_kind_flat(const struct rv_model *m, enum rv_kind kind);
/* The file of kind exists but could not be read (it is never replaced). */
bool rv_kind_unreadable(const struct rv_model *m, enum rv_kind kind);
/* Rows of the file of kind, with those appended since it was read (recommendations: m->nrecs). */
size_t rv_kind_rows(const struct rv_model *m, enum rv_kind kind);
/* The encoding its file was read in (and is written back in). */
enum rv_encoding rv_kind_encoding(const struct rv_model *m, enum rv_kind kind);
/* Whether its file, encoded again, would not give back the bytes read: it is never written. */
bool rv_kind_lossy(const struct rv_model *m, enum rv_kind kind);
/* The bytes of the file of kind as read (empty when it was not), for stamping what was read. */
struct rv_text rv_kind_bytes(const struct rv_model *m, enum rv_kind kind);
/* The line of a quote in the file of kind never closed before its end, or 0: a row appended after
 * it would be read as part of that field. */
uint32_t rv_kind_open_quote_line(const struct rv_model *m, enum rv_kind kind);
/* The header of a known field as the file writes it (empty when absent). */
struct rv_text rv_field_header(const struct rv_model *m, enum rv_kind kind, int field);
/* The 1-based column of a known field in its file, or 0 when the file lacks it. */
int rv_field_column_number(const struct rv_model *m, enum rv_kind kind, int field);

/* Extra columns: those of a file that no known field claimed, in file order. */
size_t rv_extra_count(const struct rv_model *m, enum rv_kind kind);
struct rv_text rv_extra_name(const struct rv_model *m, enum rv_kind kind, size_t e);
int rv_extra_column_number(const struct rv_model *m, enum rv_kind kind, size_t e);
struct rv_text rv_rec_extra(const struct rv_model *m, size_t rec, size_t e);
struct rv_text rv_child_extra(const struct rv_model *m, enum rv_kind kind, size_t child, size_t e);

/* Every column of recommendations.csv in file order, known or not (exports that copy the file):
 * how many the header has, the name of one, how many a recommendation's row has (at least the
 * header's count), and the text of one. */
size_t rv_rec_header_columns(const struct rv_model *m);
struct rv_text rv_rec_column_name(const struct rv_model *m, size_t col);
size_t rv_rec_row_columns(const struct rv_model *m, size_t rec);
struct rv_text rv_rec_column(const struct rv_model *m, size_t rec, size_t col);

/* ---- scanning every field of a kind (a search over the whole data set) ---- */

/* A field met by a scan. */
struct rv_scan_field {
	uint32_t entity;      /* the recommendation (RV_RECS, an index into m->recs) or the child index */
	int order;            /* a known field (0 .. nfields - 1), or nfields + e for extra column e */
	struct rv_text text;
};

struct rv_field_scan;

/* A scan of the known fields and extra columns of every entity of kind; NULL when the kind has no
 * usable file or no entities. Valid until the model changes. */
struct rv_field_scan *rv_field_scan_open(const struct rv_model *m, enum rv_kind kind);
void rv_field_scan_close(struct rv_field_scan *sc);

/* Field by field: rows in file order, a row's fields in field order; false at the end. */
bool rv_field_scan_next(struct rv_field_scan *sc, struct rv_scan_field *f);

/*
 * Over the file's bytes, for looking for a literal in one pass: the bytes of the rows as read (from
 * the header's line break on). Most values are spans of them; rv_field_scan_at places an offset
 * into them (offsets increasing from call to call) in the field that begins last at or before it
 * (RV_SCAN_FIELD, with f->text that span: whether the offset lies inside the value is the caller's
 * test), in none (between rows, a column no field claims, a value that is not a span of the bytes),
 * or past the last row. The values that are not spans of the bytes (changed since they were read,
 * or with quotes unescaped) come from rv_field_scan_next_loose, those of min_len bytes or more.
 */
struct rv_text rv_field_scan_bytes(const struct rv_field_scan *sc);
enum rv_scan_at { RV_SCAN_FIELD, RV_SCAN_NONE, RV_SCAN_END };
enum rv_scan_at rv_field_scan_at(struct rv_field_scan *sc, size_t off, struct rv_scan_field *f);
bool rv_field_scan_next_loose(struct rv_field_scan *sc, size_t min_len, struct rv_scan_field *f);

/* ---- derived values; as_of is a date (vocab.h) or RV_DATE_NONE for now ---- */

/*
 * The status and decision a recommendation had on as_of, computed from its history: the latest
 * entry dated on or before it that says one; a value that the history never dates (only the column
 * says it) holds throughout. RV_DATE_NONE: the current one (the column, else the latest entry).
 * Reading the past never writes into the model.
 */
enum rv_status rv_rec_status(const struct rv_model *m, size_t rec, int32_t as_of);
enum rv_decision rv_rec_decision(const struct rv_model *m, size_t rec, int32_t as_of);
/*
 * What was recorded by as_of (RV_DATE_NONE: everything). The position (oldest first) of the latest
 * history entry dated on or before as_of, or -1; whether a note was written by then (a note whose
 * time has no date counts as written).
 */
long rv_rec_latest_entry(const struct rv_model *m, size_t rec, int32_t as_of);
bool rv_history_recorded_by(const struct rv_model *m, size_t history, int32_t as_of);
bool rv_note_recorded_by(const struct rv_model *m, size_t note, int32_t as_of);
/*
 * Whether a status (or decision) entry dated date, recorded now, would be the one in force: no
 * history entry saying one is dated after it. The latest by effective date wins, ties by recording
 * order (the new one is recorded last), so a backdated change never overrides a later entry.
 */
bool rv_rec_entry_in_force(const struct rv_model *m, size_t rec, bool status, int32_t date);
/*
 * The date of its latest dated history entry on or before as_of, or RV_DATE_NONE; an undated entry
 * after it in the file is later but has no date to give. The _date form gives that entry's date as
 * written and its precision (precision NONE when there is none).
 */
int32_t rv_rec_last_change(const struct rv_model *m, size_t rec, int32_t as_of);
struct rv_date_text rv_rec_last_change_date(const struct rv_model *m, size_t rec, int32_t as_of);
/* 1..4, 0 none, -1 a value outside P1..P4. */
int rv_rec_priority(const struct rv_model *m, size_t rec);
size_t rv_rec_deliverables_done(const struct rv_model *m, size_t rec);
/* Its notes that still read (not retracted: changelog.h). */
size_t rv_rec_notes_shown(const struct rv_model *m, size_t rec);
/* Another row has the same id (the first one owns it). */
bool rv_rec_duplicate(const struct rv_model *m, size_t rec);

/* The older names of rv_rec_status / rv_rec_decision. */
/* Where a recommendation stands before its history's first dated entry: a value only the column
 * gives holds throughout; before an entry recview wrote, the state it had until then (changes.csv
 * keeps it); else none. */
enum rv_status rv_rec_status_at_start(const struct rv_model *m, size_t rec);
enum rv_decision rv_rec_decision_at_start(const struct rv_model *m, size_t rec);
enum rv_status rv_status_as_of(const struct rv_model *m, size_t rec, int32_t date);
enum rv_decision rv_decision_as_of(const struct rv_model *m, size_t rec, int32_t date);

/* ---- changes and the generation ---- */

/* Sets a known field of a row of kind (a copy of s is kept); the recommendation's derived state
 * follows with rv_model_refresh_rec. False when the file lacks that column, or the field may not be
 * set because a mapping derives it or reads its column (rv_model_field_settable, mapping.h). */
bool rv_model_set_field(struct rv_model *m, enum rv_kind kind, uint32_t row, int field, const char *s, size_t len);
/* Sets the field of that role (rv_field_of_role) of a row of kind; false when the kind or its file
 * has no such field. */
bool rv_model_set_role(struct rv_model *m, enum rv_kind kind, uint32_t row, enum rv_role role, const char *s,
		       size_t len);

/* A value for a known field of a new row: text NUL-terminated; NULL or "" leaves the field empty. */
struct rv_field_value {
	int field;
	const char *text;
};

/*
 * Appends a row to the file of a child kind (deliverables, questions, history, notes, agenda),
 * creating the file's table with the contract's header when the data set lacks it, with these
 * fields set (a field the file has no column for is left out), and joins it to the indexes
 * (rv_model_add_child). Returns its row; rv_model_remove_row takes it away again.
 */
uint32_t rv_model_append_child(struct rv_model *m, enum rv_kind kind, const struct rv_field_value *values, size_t n);
/*
 * Whether rv_model_append_child writes these values so that the new row reads each back: a field a
 * mapping derives (a pattern, a link: mapping.h) needs a text its rule reads back as the value, and
 * two fields of one column the same value. False with the reason in why; the session refuses such a
 * change, and rv_model_append_child leaves such a field empty rather than write what would not read
 * back. The values a mapping derives in the new row come from its cells by the same rule as at load.
 */
bool rv_model_row_fits(const struct rv_model *m, enum rv_kind kind, const struct rv_field_value *values, size_t n,
		       char *why, size_t whysize);

/* Says that the model changed in a way the functions above did not see (undo, merge, reload). */
void rv_model_touch(struct rv_model *m);

/* What something derived from the model was built for: the generation and the as-of date. */
struct rv_stamp {
	unsigned long generation;
	int32_t as_of;
};

struct rv_stamp rv_stamp_now(const struct rv_model *m, int32_t as_of);
/* True when the model changed since the stamp was taken, or it was taken for another date. */
bool rv_stamp_stale(const struct rv_model *m, struct rv_stamp stamp, int32_t as_of);

/*
 * How the file of kind writes a status, decision or priority value: its most frequent spelling of
 * it ("Completed" for complete, "High" for P2), else canonical in the column's usual case (to be freed).
 */
char *rv_file_word(const struct rv_model *m, enum rv_kind kind, int field, const char *canonical);

/* The index of a child record (from rv_child_at or rv_rec_child) among the children of its kind. */
size_t rv_child_index_of(const struct rv_model *m, enum rv_kind kind, const struct rv_child *c);
/* A recommendation's own status and decision columns as parsed (not the history: rv_rec_status). */
enum rv_status rv_rec_own_status(const struct rv_model *m, size_t rec);
enum rv_decision rv_rec_own_decision(const struct rv_model *m, size_t rec);

/* A recommendation's record: its derived state (counts, parsed columns), read-only, as rv_child_at's. */
const struct rv_rec *rv_rec_at(const struct rv_model *m, size_t rec);

/* Every column of kind's file by position, known or not (choosing a column for a field): how many
 * the header has, the name of one, one row's text in it, the known field it holds (-1: none), and
 * whether its values read like sentences (never an id). */
size_t rv_kind_columns(const struct rv_model *m, enum rv_kind kind);
struct rv_text rv_column_name(const struct rv_model *m, enum rv_kind kind, size_t col);
struct rv_text rv_row_column(const struct rv_model *m, enum rv_kind kind, uint32_t row, size_t col);
int rv_column_field(const struct rv_model *m, enum rv_kind kind, size_t col);
bool rv_column_reads_like_sentences(const struct rv_model *m, enum rv_kind kind, size_t col);

#endif
