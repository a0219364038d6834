/* main.c - runs every unit-test group of the core; exits non-zero when any test failed. */
#include <locale.h>
#include <stdio.h>

#include "recview/text.h"
#include "tests.h"

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	text_init();

	int (*const groups[])(void) = {
		run_utf8_tests,  run_text_tests,  run_vocab_tests,      run_date_tests,  run_csvread_tests,
		run_corpus_tests, run_model_tests, run_bad_corpus_tests, run_hostile_tests,
		run_query_tests,  run_query_items_tests, run_search_tests, run_search_groups_tests,
		run_xref_tests,
		run_save_tests,
		run_store_tests,
		run_triage_tests,
		run_export_tests,
		run_summary_tests,
		run_config_tests,
		run_config_save_tests,
		run_schema_tests,
		run_diag_tests,
		run_merge_tests,
		run_dialect_tests,
		run_entity_tests,
		run_links_tests,
		run_flat_tests,
		run_mapping_tests,
		run_mapping_edit_tests,
		run_fields_tests,
		run_tagset_tests,
		run_merge_file_tests,
		run_cli_triage_tests,
		run_live_tests,
		run_items_tests,
		run_activity_tests,
		run_derived_tests,
		run_page_tests,
		run_split_tests,
		run_reviews_tests,
		run_target_tests,
		run_url_tests,
		run_columns_tests,
		run_theme_tests,
		run_topic_key_tests,
		run_as_of_tests,
		run_as_of_later_tests,
		run_meeting_tests,
		run_decided_tests,
		run_follow_tests,
		run_bigtext_tests,
	};
	int failed = 0;
	for (size_t i = 0; i < sizeof(groups) / sizeof(*groups); i++)
		failed += groups[i]();
	if (failed)
		fprintf(stderr, "unit-tests: %d test%s failed\n", failed, failed == 1 ? "" : "s");
	return failed ? 1 : 0;
}
