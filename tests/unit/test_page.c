/*
 * test_page.c - one page model (page.h) for every rendering of a recommendation: the rows the
 * browser's page is built from and recview --show's text say the same things in the same order, on
 * bundled pages with deliverables, questions, history, notes (amended, retracted) and references;
 * labels are never cut; the Markdown page and the list exports keep control characters out and
 * show states as the views do.
 */
#include "tests.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/date.h"
#include "recview/entity.h"
#include "recview/export.h"
#include "recview/model.h"
#include "recview/page.h"
#include "recview/report.h"
#include "recview/strbuf.h"
#include "recview/text.h"

static int32_t day(const char *iso)
{
	int32_t d = 0;
	rv_date_parse(iso, strlen(iso), &d);
	return d;
}

/* Text sanitised as both renderers do, without its white space: wrapping moves line breaks and may
 * break a long word (a URL), so only the characters and their order are compared. */
static void normalise(struct strbuf *out, const char *s, size_t len)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, TEXT_KEEP_NEWLINES);
	for (size_t i = 0; i < clean.len; i++)
		if (clean.data[i] != ' ' && clean.data[i] != '\n')
			sb_addc(out, clean.data[i]);
	sb_free(&clean);
}

/* What the page view's line builder is given, row by row: the kind, the label, the text. */
struct collected {
	struct strbuf seq; /* one normalised line per row: "KIND|label|text" */
	char **texts;
	size_t n;
};

static void collect_row(void *ctx, const struct rv_page_row *row)
{
	struct collected *c = ctx;
	struct strbuf text;
	sb_init(&text);
	if (row->kind == RV_ROW_FIELD)
		normalise(&text, row->item->label.ptr, row->item->label.len);
	normalise(&text, row->text, row->len);
	if (row->kind == RV_ROW_ITEM && row->item->kind == RV_PI_DELIVERABLE) {
		/* the glyph the view draws before the wrapped text */
		struct strbuf g;
		sb_init(&g);
		sb_addf(&g, "%s%s", rv_page_deliverable_glyph(row->item, false), text.data);
		sb_free(&text);
		text = g;
	}
	sb_addf(&c->seq, "%d|%s\n", (int)row->kind, text.data);
	c->texts = realloc(c->texts, (c->n + 1) * sizeof(*c->texts));
	c->texts[c->n++] = sb_detach(&text);
	sb_free(&text);
}

static void collected_free(struct collected *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->texts[i]);
	free(c->texts);
	sb_free(&c->seq);
}

static void collect(const struct rv_page *p, struct collected *c)
{
	memset(c, 0, sizeof(*c));
	sb_init(&c->seq);
	struct rv_page_walk w = {.row = collect_row, .ctx = c};
	rv_page_rows(p, &w);
}

/*
 * --show's text holds every row the page view is built from, in the page's order, whatever the width
 * (wrapping only moves line breaks).
 */
static void assert_show_agrees(const struct rv_model *m, const char *id, int width)
{
	long rec = rv_find_rec(m, id, strlen(id));
	assert_true(rec >= 0);
	struct rv_page page;
	rv_page_build(m, (size_t)rec, RV_DATE_NONE, &page);
	struct collected c;
	collect(&page, &c);
	struct strbuf show, flat;
	sb_init(&show);
	sb_init(&flat);
	report_show_text(m, (size_t)rec, width, &show);
	normalise(&flat, show.data, show.len);
	const char *at = flat.data;
	for (size_t i = 0; i < c.n; i++) {
		const char *found = strstr(at, c.texts[i]);
		if (!found) {
			print_error("%s at width %d: row %zu \"%s\" not in --show after \"%.60s\"\n", id, width, i, c.texts[i],
				    at);
			fail();
		}
		at = found + strlen(c.texts[i]);
	}
	assert_true(c.n > 8);
	/* nothing follows the last row */
	assert_int_equal((int)strlen(at), 0);
	collected_free(&c);
	sb_free(&show);
	sb_free(&flat);
	rv_page_free(&page);
}

static void test_show_agrees_with_the_page(void **state)
{
	(void)state;
	struct rv_model m, notes;
	load_ok(&m, "data");
	load_ok(&notes, "tests/data/notes");
	/* deliverables (one overdue), questions, history; references both ways; notes amended and retracted */
	/* and the project status narratives (11, 22: dated progress lines), both texts of 6, a due date as
	 * written beside its ISO month (4) */
	const char *ids[] = {"SSR1-11", "SSR1-25", "SSR1-26", "SSR2-5.4", "SSR1-22", "SSR1-6", "SSR1-4"};
	for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++) {
		assert_show_agrees(&m, ids[i], 100);
		assert_show_agrees(&m, ids[i], 40);
	}
	assert_show_agrees(&notes, "NT-1", 100);
	assert_show_agrees(&notes, "NT-2", 60);
	rv_model_free(&notes);
	rv_model_free(&m);
}

/* The page's sections in order, with what the page view shows in each. */
static void test_page_sections(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	struct rv_page p;
	rv_page_build(&m, (size_t)rv_find_rec(&m, "SSR1-11", 7), RV_DATE_NONE, &p);
	assert_string_equal(p.id.ptr, "SSR1-11");
	assert_int_equal(p.sections[RV_PAGE_DELIVERABLES].n, 4);
	assert_string_equal(p.sections[RV_PAGE_DELIVERABLES].label.ptr, "Deliverables (4, 3 done, 1 overdue)");
	const struct rv_page_item *d = &p.sections[RV_PAGE_DELIVERABLES].items[0];
	assert_true(d->flags & RV_PF_OVERDUE);
	assert_string_equal(d->due.ptr, "2015-10");
	assert_string_equal(d->owner.ptr, "Staff");
	assert_true(p.sections[RV_PAGE_DELIVERABLES].items[1].flags & RV_PF_DONE);
	assert_int_equal(p.sections[RV_PAGE_QUESTIONS].n, 16);
	assert_string_equal(p.sections[RV_PAGE_QUESTIONS].items[0].label.ptr, "11.1");
	assert_int_equal(p.sections[RV_PAGE_HISTORY].n, 3);
	assert_string_equal(p.sections[RV_PAGE_HISTORY].items[0].label.ptr, "2016-06-30"); /* newest first */
	/* 004's dated progress line: a note of its own, no status, traced to its line of the seed */
	const struct rv_page_item *h = &p.sections[RV_PAGE_HISTORY].items[1];
	assert_string_equal(h->label.ptr, "2016-01-29");
	assert_int_equal(h->status, RV_STATUS_NONE);
	assert_string_equal(h->who.ptr, "004_468ec3b28ca421a3.txt:547");
	assert_non_null(strstr(h->text.ptr, "29 Jan. 2016 - Release of Framework revised"));
	/* the narrative, after the text, headed by where it comes from; the seed's "2106" as written */
	const struct rv_page_section *ps = &p.sections[RV_PAGE_PROJECT_STATUS];
	assert_int_equal(ps->n, 1);
	assert_string_equal(ps->label.ptr, "Project status (from 004_468ec3b28ca421a3.txt:539-563)");
	assert_non_null(strstr(ps->items[0].text.ptr, "Closure date estimated March 2106."));
	assert_int_equal(p.sections[RV_PAGE_TEXT].n, 1);
	assert_int_equal(p.sections[RV_PAGE_TEXT].items[0].label.len, 0); /* one text: no source heading */
	assert_string_equal(d->due_text.ptr, "Oct 2015");
	assert_int_equal(p.sections[RV_PAGE_NOTES].n, 0);
	/* the field order of the page: Decision before Status before Source */
	const struct rv_page_section *f = &p.sections[RV_PAGE_FIELDS];
	const char *want[] = {"Review", "Number", "Topic", "Title", "Decision", "Status", "Source", "Changed", "area"};
	assert_int_equal(f->n, sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < f->n; i++)
		assert_string_equal(f->items[i].label.ptr, want[i]);
	assert_true(f->items[5].flags & RV_PF_DERIVED);
	rv_page_free(&p);

	/* As of a day: the status and the overdue marks of that day. */
	rv_page_build(&m, (size_t)rv_find_rec(&m, "SSR1-11", 7), day("2015-01-01"), &p);
	assert_string_equal(p.sections[RV_PAGE_DELIVERABLES].label.ptr, "Deliverables (4, 3 done)");
	assert_false(p.sections[RV_PAGE_DELIVERABLES].items[0].flags & RV_PF_OVERDUE);
	rv_page_free(&p);

	rv_page_build(&m, (size_t)rv_find_rec(&m, "SSR1-25", 7), RV_DATE_NONE, &p);
	const struct rv_page_section *refs = &p.sections[RV_PAGE_REFERENCES];
	size_t referred_by = 0;
	for (size_t i = 0; i < refs->n; i++)
		referred_by += refs->items[i].kind == RV_PI_REFERRED_BY;
	assert_int_equal(referred_by, 3); /* by 26, 27 and 28 */
	rv_page_free(&p);

	/* Both texts of 6, each headed by its source; 000's first. */
	rv_page_build(&m, (size_t)rv_find_rec(&m, "SSR1-6", 6), RV_DATE_NONE, &p);
	const struct rv_page_section *t = &p.sections[RV_PAGE_TEXT];
	assert_int_equal(t->n, 2);
	assert_string_equal(t->items[0].label.ptr, "Text (from 000_dd050d74c006ebf6.txt:130)");
	assert_string_equal(t->items[1].label.ptr, "Text (from 004_468ec3b28ca421a3.txt:268)");
	assert_non_null(strstr(t->items[1].text.ptr, "consistent with the demands placed upon them."));
	assert_null(strstr(t->items[0].text.ptr, "consensus"));
	rv_page_free(&p);

	/* 22's narrative names 20: a reference; SSR2 pages have no project status. */
	rv_page_build(&m, (size_t)rv_find_rec(&m, "SSR1-22", 7), RV_DATE_NONE, &p);
	assert_non_null(strstr(p.sections[RV_PAGE_PROJECT_STATUS].items[0].text.ptr,
			       "[Note: Recommendations 20, 21, 22 are addressed"));
	bool to20 = false;
	for (size_t i = 0; i < p.sections[RV_PAGE_REFERENCES].n; i++) {
		const struct rv_page_item *r = &p.sections[RV_PAGE_REFERENCES].items[i];
		to20 |= r->kind == RV_PI_REFERS_TO && !strcmp(r->label.ptr, "SSR1-20");
	}
	assert_true(to20);
	rv_page_free(&p);
	rv_page_build(&m, (size_t)rv_find_rec(&m, "SSR2-5.4", 8), RV_DATE_NONE, &p);
	assert_int_equal(p.sections[RV_PAGE_PROJECT_STATUS].n, 0);
	rv_page_free(&p);
	rv_model_free(&m);
}

/* Notes as the page shows them: the current text, amended or retracted, the earlier versions kept. */
static void test_page_notes(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "tests/data/notes");
	struct rv_page p;
	rv_page_build(&m, (size_t)rv_find_rec(&m, "NT-1", 4), RV_DATE_NONE, &p);
	const struct rv_page_item *n = &p.sections[RV_PAGE_NOTES].items[0];
	assert_true(n->flags & RV_PF_AMENDED);
	assert_string_equal(n->text.ptr, "Check the escrow deposits every week.");
	assert_string_equal(n->marked.ptr, "2026-12-01");
	assert_int_equal(n->nversions, 1);
	assert_string_equal(n->versions[0].text.ptr, "Check the escrow deposits monthly.");
	rv_page_free(&p);

	rv_page_build(&m, (size_t)rv_find_rec(&m, "NT-2", 4), RV_DATE_NONE, &p);
	assert_int_equal(p.sections[RV_PAGE_NOTES].n, 2);
	n = &p.sections[RV_PAGE_NOTES].items[0];
	assert_true(n->flags & RV_PF_RETRACTED);
	struct strbuf show;
	sb_init(&show);
	rv_page_text(&p, 100, &show);
	if (!strstr(show.data, "\nNotes (2)\n  2026-12-01T08:00:00  bob\n      (retracted by bob on 2026-12-02)\n")) {
		print_error("%s\n", show.data);
		fail();
	}
	assert_non_null(strstr(show.data, "  2026-12-01T08:30:00  alice\n      Ask for the audit schedule.\n"));
	sb_free(&show);
	rv_page_free(&p);
	rv_model_free(&m);
}

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/recview-page-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

/* priority_note is printed whole, and a label too wide for any width gets a line of its own. */
static void test_labels_never_cut(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	struct strbuf show;
	sb_init(&show);
	report_show_text(&m, (size_t)rv_find_rec(&m, "SSR2-5.4", 8), 100, &show);
	assert_non_null(strstr(show.data, "\npriority_note Eligible for prioritization\n"));
	assert_null(strstr(show.data, "\xE2\x80\xA6")); /* no ellipsis anywhere */
	sb_free(&show);
	rv_model_free(&m);

	write_test_file(dir, "recommendations.csv",
			"id,title,the_name_of_a_column_far_too_long_to_pad,area\n"
			"L-1,Long labels,the value of it,somewhere\n");
	load_ok(&m, dir);
	struct rv_page p;
	rv_page_build(&m, 0, RV_DATE_NONE, &p);
	assert_int_equal(p.label_width, RV_PAGE_LABEL_MAX);
	sb_init(&show);
	rv_page_text(&p, 80, &show);
	assert_non_null(strstr(show.data, "\nthe_name_of_a_column_far_too_long_to_pad\n                    the value of it\n"));
	assert_non_null(strstr(show.data, "\narea                somewhere\n"));
	sb_free(&show);
	rv_page_free(&p);
	rv_model_free(&m);
}

/* No control character in the Markdown page; a line of text cannot become a heading or split a cell. */
static void test_markdown_sanitised(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv",
			"id,title,text,owner\n"
			"H-1,\"\033]2;pwned\007 title | pipe\",\"first line\n# not a heading\n\033[31mred\",\"Ann\nLee\"\n");
	write_test_file(dir, "status_history.csv",
			"rec_id,date,status,note\nH-1,2026-01-02,in progress,\"a note\033[2J\nover lines\"\n");
	struct rv_model m;
	load_ok(&m, dir);
	struct rv_page p;
	rv_page_build(&m, 0, RV_DATE_NONE, &p);
	struct strbuf md;
	sb_init(&md);
	rv_page_markdown(&p, &md);
	for (size_t i = 0; i < md.len; i++)
		if ((unsigned char)md.data[i] < 0x20 && md.data[i] != '\n') {
			print_error("control byte 0x%02x at %zu in:\n%s\n", (unsigned char)md.data[i], i, md.data);
			fail();
		}
	assert_non_null(strstr(md.data, "# H-1\n"));
	assert_non_null(strstr(md.data, "| Title | ^[]2;pwned^G title \\| pipe |\n"));
	assert_non_null(strstr(md.data, "| Owner | Ann Lee |\n"));
	assert_non_null(strstr(md.data, "## Text\n\nfirst line  \n\\# not a heading  \n^[[31mred\n"));
	assert_non_null(strstr(md.data, "## History (1, newest first)\n\n- 2026-01-02  "));
	assert_non_null(strstr(md.data, "  - a note^[[2J  \n    over lines\n"));
	assert_non_null(strstr(md.data, "## Notes (0)\n\n_none_\n"));
	sb_free(&md);
	rv_page_free(&p);
	rv_model_free(&m);
}

/* The list exports say what the lists show: the status the history gives, a question's state. */
static void test_exports_as_shown(void **state)
{
	(void)state;
	struct rv_model m;
	load_ok(&m, "data");
	uint32_t rec = (uint32_t)rv_find_rec(&m, "SSR1-11", 7);
	struct strbuf out;
	sb_init(&out);
	rv_export_csv(&m, &rec, 1, &out);
	/* the file's status cell is empty: the export holds the status the page shows */
	assert_null(strstr(out.data, ",approved,,"));
	assert_non_null(strstr(out.data, ",approved,in progress,"));
	sb_reset(&out);

	const struct rv_rec *r = rv_rec_at(&m, rec);
	uint32_t items[64];
	size_t n = r->count[RV_DELIVERABLES];
	for (size_t k = 0; k < n; k++)
		items[k] = (uint32_t)rv_rec_child_index(&m, rec, RV_DELIVERABLES, k);
	rv_export_items_csv(&m, RV_DELIVERABLES, items, n, RV_DATE_NONE, &out);
	assert_non_null(strstr(out.data, "Rec,Status,Deliverable,Owner,Due,Overdue\nSSR1-11,,Identify"));
	assert_non_null(strstr(out.data, ",Staff,2015-10,overdue\n"));
	assert_non_null(strstr(out.data, "SSR1-11,complete,Organize two panels"));
	sb_reset(&out);
	rv_export_items_csv(&m, RV_DELIVERABLES, items, n, day("2015-01-01"), &out);
	assert_non_null(strstr(out.data, ",Staff,2015-10,\n"));
	sb_reset(&out);

	n = r->count[RV_QUESTIONS];
	for (size_t k = 0; k < n; k++)
		items[k] = (uint32_t)rv_rec_child_index(&m, rec, RV_QUESTIONS, k);
	rv_export_items_markdown(&m, RV_QUESTIONS, items, n, RV_DATE_NONE, "Questions | of SSR1-11", &out);
	assert_non_null(strstr(out.data, "# Questions \\| of SSR1-11\n\n16 questions.\n\n| Rec | Q | Briefing | State |"));
	assert_non_null(strstr(out.data, "\n| SSR1-11 | 11.1 | GDD | open | What measurements exist"));
	sb_free(&out);
	rv_model_free(&m);
}

int run_page_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_show_agrees_with_the_page),
		cmocka_unit_test(test_page_sections),
		cmocka_unit_test(test_page_notes),
		cmocka_unit_test_setup_teardown(test_labels_never_cut, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_markdown_sanitised, make_dir, remove_dir),
		cmocka_unit_test(test_exports_as_shown),
	};
	return cmocka_run_group_tests_name("page", tests, NULL, NULL);
}
