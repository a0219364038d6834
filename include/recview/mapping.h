/*
 * mapping.h - recview.map, a data set's own statement of how its files map onto recview's tables,
 * for exports that detection alone cannot read (Jira, GitHub). Plain text, one setting per line:
 *
 *   # a comment (at the start of a line, or after a space)
 *   recommendations.file = Jira.csv          which file is which table (a name in the data set)
 *   encoding = UTF-8                         for every file, or TABLE.encoding for one
 *   delimiter = ;                            , ; | or tab (also comma, semicolon, pipe)
 *   header_line = 3                          the physical line of the header
 *   date_order = day-first                   or month-first: how 06/07/2016 reads
 *   recommendations.id = Rec. No.            which column is which field
 *   recommendations.number =                 no column is (an automatic match undone)
 *   recommendations.id = title ~ ^(SSR[0-9]+-[0-9.]+)
 *                                            the first group of a POSIX extended regex (the whole
 *                                            match without a group); no match: empty
 *   deliverables.rec_id = Parent id -> recommendations.Issue id
 *                                            a link through another column: the id of the row of
 *                                            that table whose column holds the value (after ~ if any)
 *   status "On hold" = behind schedule       value maps (status, decision, priority), for every
 *   deliverables.status CLOSED = complete    table or one; an empty value is none (priority Medium =)
 *
 * Tables are named recommendations, deliverables, questions, status_history (or history), reviews,
 * notes, agenda; fields by their name in the data contract or any alias of it; columns as the
 * header writes them, compared without case, spaces or punctuation (the first of duplicates).
 * A value may be "double-quoted" ("" is a quote inside), to keep a # or spaces at its ends. Every bad
 * line is a warning at recview.map:LINE:COL and is ignored; the other lines apply. What a mapping
 * states is taken as given; what it leaves unsaid is detected as usual.
 */
#ifndef RECVIEW_MAPPING_H
#define RECVIEW_MAPPING_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recview/csvread.h"
#include "recview/date.h"
#include "recview/diag.h"
#include "recview/model.h"

#define RV_MAP_FILE "recview.map"

struct strbuf;

enum rv_map_vocab { RV_MAP_STATUS, RV_MAP_DECISION, RV_MAP_PRIORITY };

/* What is stated about one file (or, as rv_mapping.all, about every file). */
struct rv_map_table {
	char *file;                 /* TABLE.file, or NULL */
	uint32_t file_line;
	struct csv_dialect dialect; /* encoding, delimiter, header line */
	bool has_date_order;
	enum rv_date_order date_order;
};

/* TABLE.FIELD = COLUMN [~ REGEX] [-> TABLE.COLUMN] */
struct rv_map_field {
	enum rv_kind kind;
	int field;
	char *column;           /* the column's name as the mapping writes it; NULL: no column */
	bool has_pattern;
	regex_t pattern;
	char *pattern_text;
	bool has_link;
	enum rv_kind link_kind;
	char *link_column;
	uint32_t line, col;     /* where the value begins in the mapping file */
};

/* [TABLE.]VOCAB WORD = VALUE */
struct rv_map_value {
	int kind;               /* enum rv_kind, or -1 for every table */
	enum rv_map_vocab vocab;
	char *word;             /* as the files write it: compared ignoring case and spaces at its ends */
	int value;              /* enum rv_status, enum rv_decision, or a priority 0..4 */
	uint32_t line;
};

struct rv_mapping {
	char *path;             /* the mapping file read, or NULL when there is none */
	struct rv_map_table all;
	struct rv_map_table tables[RV_KIND_COUNT];
	struct rv_map_field *fields;
	size_t nfields;
	struct rv_map_value *values;
	size_t nvalues;
};

void rv_mapping_init(struct rv_mapping *mp);
/* Reads len bytes of text as the mapping file path; bad lines go to diags and are ignored. */
void rv_mapping_parse(struct rv_mapping *mp, const char *path, const char *text, size_t len,
		      struct diag_list *diags);
/* Reads dir/recview.map when it exists (false, nothing said, when it does not). */
bool rv_mapping_load(struct rv_mapping *mp, const char *dir, struct diag_list *diags);
void rv_mapping_free(struct rv_mapping *mp);

/* A table by the name a mapping gives it ("deliverables", "status_history"), or -1. */
int rv_mapping_kind(const char *name, size_t len);
/* The name a mapping gives a table. */
const char *rv_mapping_kind_name(enum rv_kind kind);

/* What the mapping states of kind's file: its own settings over those for every file. mp may be NULL. */
struct csv_dialect rv_mapping_dialect(const struct rv_mapping *mp, enum rv_kind kind);
bool rv_mapping_date_order(const struct rv_mapping *mp, enum rv_kind kind, enum rv_date_order *order);
/* The meaning a value map gives s in kind (a map for kind before one for every table); false: none. */
bool rv_mapping_value(const struct rv_mapping *mp, enum rv_kind kind, enum rv_map_vocab vocab, const char *s,
		      size_t len, int *value);
/* The value a field's pattern takes from s (first group, else the whole match): false when it does
 * not match. */
bool rv_map_field_extract(const struct rv_map_field *f, const char *s, size_t len, size_t *start, size_t *vlen);
/* Column names compared as a mapping compares them: letters and digits only, without case. */
bool rv_mapping_same_column(const char *a, size_t alen, const char *b, size_t blen);

/* ---- applied to a model (mapping_apply.c) ---- */

/* Reads the data set's mapping into m->mapping (none: m->mapping stays NULL). */
void rv_model_load_mapping(struct rv_model *m);
/* The files the mapping names take the place of those found by name. */
void rv_model_map_files(struct rv_model *m);
/* After the header is read: the mapping's columns, patterns, links and date orders for kind. */
void rv_model_map_columns(struct rv_model *m, enum rv_kind kind);
/* Values read through the value maps, then the vocabularies (vocab.h). */
enum rv_status rv_model_status(const struct rv_model *m, enum rv_kind kind, const char *s, size_t len);
enum rv_decision rv_model_decision(const struct rv_model *m, enum rv_kind kind, const char *s, size_t len);
int rv_model_priority(const struct rv_model *m, enum rv_kind kind, const char *s, size_t len);
/* Whether the mapping says which column (or none) is kind's field. mp may be NULL. */
bool rv_mapping_states_field(const struct rv_mapping *mp, enum rv_kind kind, int field);
/* The mapping's line for kind's field: the one on line, or (line 0) the first; NULL when none. */
const struct rv_map_field *rv_mapping_rule(const struct rv_mapping *mp, enum rv_kind kind, int field, uint32_t line);
/* A line of the mapping for kind's field (on line, or line 0: the last) that names a column kind's
 * file does not have (reported as "no column"; the field is then detected as usual), or NULL. */
const struct rv_map_field *rv_model_unmatched_rule(const struct rv_model *m, enum rv_kind kind, int field,
						   uint32_t line);
/* Whether a field of kind is taken by a pattern or a link (it is not a column's value). */
bool rv_model_field_derived(const struct rv_model *m, enum rv_kind kind, int field);
/* The first column of t whose header is name (as a mapping compares them), or -1. */
int rv_mapping_find_column(const struct csv_table *t, const char *name);
/* "no column 'NAME' in FILE (its columns: ...)" at the mapping's line f. */
struct diag *rv_model_report_no_column(struct rv_model *m, const struct rv_map_field *f, const char *name,
				       const struct csv_table *t);

/* ---- derived values (derived.c) ---- */

/* The value of field f->field in every row of kind read from column col (rv_table.derived). */
void rv_model_derive_field(struct rv_model *m, enum rv_kind kind, const struct rv_map_field *f, int col);
/* The same for the rows appended to kind since (rv_model_append_child): by the same rule. */
void rv_model_derive_rows(struct rv_model *m, enum rv_kind kind);
/*
 * Whether a field of the rows of kind may be set (rv_model_set_field): not when a mapping derives it
 * (the cell holds more than its value: a title around an id, every label of an issue; or another
 * row's value through a link), nor when its column is also read by a derived field, or is what a
 * link goes through (the rows linked by it would lose their link). False with the reason in why.
 */
bool rv_model_field_settable(const struct rv_model *m, enum rv_kind kind, int field, char *why, size_t whysize);
/*
 * Appends to out the text a new row of kind needs in field's column to read as value: value itself
 * for a plain column; for a derived field, a text that its rule reads back as exactly value (checked
 * by reading it through the rule): through a link the key of the row whose id is value, in the
 * column's own frame when all its cells share one ("#12"), else bare. False, with why, when no such
 * text exists: then nothing is appended.
 */
bool rv_model_source_text(const struct rv_model *m, enum rv_kind kind, int field, const char *value, size_t len,
			  struct strbuf *out, char *why, size_t whysize);
/* Frees what the mapping added to m (rv_model_free calls it). */
void rv_model_free_mapping(struct rv_model *m);

/* ---- changed (mapping_edit.c) ---- */

/* Appends "deliverables.rec_id": how a mapping names a field (spaces as _). */
void rv_mapping_setting_name(enum rv_kind kind, int field, struct strbuf *out);
/*
 * One column setting: TABLE.FIELD = COLUMN, then rest (" ~ REGEX -> TABLE.COLUMN" as rv_map_field_rest
 * writes it, or NULL), on line: the line of the mapping it replaces when that line sets the field
 * (0, or a line that does not: the first line that sets it).
 */
struct rv_map_column {
	enum rv_kind kind;
	int field;
	const char *column;
	const char *rest;
	uint32_t line;
};
/* Appends the pattern and link of a rule as a mapping writes them (" ~ ([0-9]+) -> recommendations.number"). */
void rv_map_field_rest(const struct rv_map_field *f, struct strbuf *out);
/*
 * Appends to out the mapping text[0..len) (NULL: no file yet) with the setting c made: the line it
 * names (else the first line that sets that field, by any name of its table or field) takes the new
 * value (its own comment stays), a later line that sets the field (which would override it) is left
 * out, and every other line, comment and line end is kept as it is; with none, the line is added
 * after the last setting of its table, else at the end. The name is quoted when it needs it; a control character in it (a line break in a header
 * cell) is written as a space, which the comparison of names ignores. False, with why, for a name a
 * mapping cannot hold (no letter or digit, "->").
 */
bool rv_mapping_set_field(const char *text, size_t len, const struct rv_map_column *c, struct strbuf *out, char *why,
			  size_t whysize);
/*
 * Appends the mapping text[0..len) to out with TABLE.NAME = VALUE set for kind, NAME one of file,
 * encoding, delimiter (, ; | or tab, or a word), header_line and date_order: the first line that sets
 * it replaced (its comment kept), a later one left out, every other line kept; when absent, added
 * after the last setting of its table, else at the end. False for another NAME, or a VALUE without a letter or digit (but a delimiter).
 */
bool rv_mapping_set_table(const char *text, size_t len, enum rv_kind kind, const char *name, const char *value,
			  struct strbuf *out);
/* Whether the mapping text[0..len) has a setting TABLE.KEY = ... for kind (a value map is none). */
bool rv_mapping_sets_table(const char *text, size_t len, enum rv_kind kind);
/* An edit of recview.map: given the mapping as it is (text NULL, exists false: there is none), appends
 * the new text to out; false, with why, to write nothing. */
typedef bool (*rv_mapping_edit_fn)(const char *text, size_t len, bool exists, void *ctx, struct strbuf *out,
				   char *why, size_t whysize);
/*
 * Reads dir/recview.map, makes the edit and writes the result through the store (store.h): atomically,
 * inside the data set only, refused when the file may not be written (RV_E_REFUSED) or is not a regular
 * file (RV_E_UNREADABLE), a conflict when it changed since it was read (RV_E_CONFLICT); RV_E_REFUSED
 * also when the edit says no. RV_OK, or the reason in err.
 */
enum rv_result rv_mapping_rewrite(const char *dir, rv_mapping_edit_fn edit, void *ctx, char *err, size_t errsize);
/* Makes the setting c in dir/recview.map (rv_mapping_rewrite). */
enum rv_result rv_mapping_write_field(const char *dir, const struct rv_map_column *c, char *err, size_t errsize);

#endif
