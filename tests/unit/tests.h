/*
 * tests.h - the unit-test groups of the recview core and the helpers they share.
 *
 * The test binary runs from the repository root (./build/unit-tests), so fixture paths are relative
 * to it: tests/data/... for our own data sets, data/ for the bundled one, and the csv-spectrum corpus
 * in tests/data/csv-spectrum (a copy, with its licence).
 */
#ifndef RECVIEW_UNIT_TESTS_H
#define RECVIEW_UNIT_TESTS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "recview/csvread.h"
#include "recview/diag.h"

/* Each group returns the number of failed tests (cmocka_run_group_tests). */
int run_csvread_tests(void);
int run_corpus_tests(void);
int run_utf8_tests(void);
int run_text_tests(void);
int run_url_tests(void);
int run_vocab_tests(void);
int run_date_tests(void);
int run_model_tests(void);
int run_bad_corpus_tests(void);
int run_hostile_tests(void);
int run_query_tests(void);
int run_query_items_tests(void);
int run_search_tests(void);
int run_search_groups_tests(void);
int run_xref_tests(void);
int run_save_tests(void);
int run_triage_tests(void);
int run_export_tests(void);
int run_summary_tests(void);
int run_as_of_tests(void);
int run_as_of_later_tests(void);
int run_config_tests(void);
int run_config_save_tests(void);
int run_follow_tests(void);
int run_bigtext_tests(void);
int run_store_tests(void);
int run_schema_tests(void);
int run_diag_tests(void);
int run_merge_tests(void);
int run_dialect_tests(void);
int run_entity_tests(void);
int run_links_tests(void);
int run_flat_tests(void);
int run_mapping_tests(void);
int run_mapping_edit_tests(void);
int run_fields_tests(void);
int run_tagset_tests(void);
int run_merge_file_tests(void);
int run_cli_triage_tests(void);
int run_live_tests(void);
int run_items_tests(void);
int run_activity_tests(void);
int run_derived_tests(void);
int run_page_tests(void);
int run_split_tests(void);
int run_theme_tests(void);
int run_topic_key_tests(void);
int run_reviews_tests(void);
int run_target_tests(void);
int run_columns_tests(void);
int run_meeting_tests(void);
int run_decided_tests(void);

#define CSV_SPECTRUM_DIR "tests/data/csv-spectrum"

/* A string literal with its length (literals here may hold NUL bytes). */
#define LIT(s) (s), (sizeof(s) - 1)

/* An in-memory CSV file parsed with csv_table_parse, with its own diagnostics. */
struct parsed {
	struct csv_table t;
	struct diag_list dl;
	enum rv_result st;
};

/* Parses data as the file "t.csv"; free with parsed_free whatever the status. */
void parse_mem(struct parsed *p, const char *data, size_t len);
void parsed_free(struct parsed *p);

/* Asserts the bytes of a cell (len bytes, may hold NULs). */
void assert_cell_eq(const struct csv_table *t, size_t row, size_t col, const char *want, size_t want_len);
void assert_header_eq(const struct csv_table *t, size_t col, const char *want);

/*
 * Asserts diagnostic i: its severity, line and column, that diag_format gives
 * "FILE:LINE:COL: error|warning: " (LINE/COL left out when 0) and that the message contains msg_part.
 */
void assert_diag(const struct diag_list *dl, size_t i, enum diag_severity sev, uint32_t line, uint32_t col,
		 const char *msg_part);

/* The formatted diagnostic, malloc'd. */
char *diag_line(const struct diag *d);

/* A whole file, NUL-terminated, malloc'd; NULL when it cannot be read. */
char *read_whole_file(const char *path, size_t *len);

/* Bytes with anything unprintable as \xNN, for failure messages. */
void print_bytes(const char *label, const char *s, size_t len);
/* dir/name holding text (asserts it could be written). */
void write_test_file(const char *dir, const char *name, const char *text);
/* One file of a test's data set: its name and what it holds. */
struct test_file {
	const char *name;
	const char *text;
};
/* A group's data set: makes dir (a buffer of size bytes) a new directory /tmp/recview-LABEL-XXXXXX
 * holding files, up to the first one with no name. 0, or -1 when the directory cannot be made. */
int make_test_set(char *dir, size_t size, const char *label, const struct test_file *files);
/* A teardown for a setup that made a data set and left its directory in *state: removes it. */
int drop_test_set(void **state);
/* DIR/NAME, in a buffer that the next call overwrites. */
const char *test_path(const char *dir, const char *name);
/* Loads a data set, printing its problems and failing the test when it does not load. */
struct rv_model;
void load_ok(struct rv_model *m, const char *dir);
/* Removes a file or a directory and everything in it. */
void remove_tree(const char *path);

#endif
