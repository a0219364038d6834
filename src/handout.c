/* handout.c - the slides of a meeting for those not in the room: one slide per presented item, in
 * Markdown or as one standalone HTML page, both made from the recommendation's page (page.h). */
#include "recview/handout.h"

#include <string.h>

#include "recview/date.h"
#include "recview/page.h"
#include "recview/text.h"

size_t rv_handout_select(const struct rv_model *m, const uint32_t *recs, size_t n, uint32_t *out)
{
	size_t na = rv_child_total(m, RV_AGENDA);
	if (!na) {
		memmove(out, recs, n * sizeof(*out));
		return n;
	}
	/* The agenda gives the order; the filter (recs) narrows it. */
	size_t k = 0;
	for (size_t i = 0; i < na; i++) {
		int32_t rec = rv_child_at(m, RV_AGENDA, i)->rec;
		for (size_t j = 0; rec >= 0 && j < n; j++)
			if (recs[j] == (uint32_t)rec) {
				out[k++] = (uint32_t)rec;
				break;
			}
	}
	return k;
}

/* "3 slides", and the date in force: "3 slides, as of 2015-06-30". */
static void slide_count(size_t n, int32_t as_of, struct strbuf *out)
{
	sb_addf(out, "%zu slide%s", n, n == 1 ? "" : "s");
	if (as_of != RV_DATE_NONE) {
		char day[16];
		rv_date_format(as_of, day, sizeof(day));
		sb_addf(out, ", as of %s", day);
	}
}

void rv_handout_markdown(const struct rv_model *m, const uint32_t *recs, size_t n, int32_t as_of,
			 enum rv_as_of_later later, struct strbuf *out)
{
	slide_count(n, as_of, out);
	sb_addc(out, '\n');
	for (size_t i = 0; i < n; i++) {
		struct rv_page p;
		rv_page_build_later(m, recs[i], as_of, later, &p);
		sb_adds(out, "\n---\n\n");
		rv_page_markdown(&p, out);
		rv_page_free(&p);
	}
}

/* Text for HTML: controls removed (sanitised), then &, <, >, " and ' escaped. */
static void html_text(struct strbuf *out, const char *s, size_t len)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, len, 0);
	for (size_t i = 0; i < clean.len; i++) {
		char c = clean.data[i];
		if (c == '&')
			sb_adds(out, "&amp;");
		else if (c == '<')
			sb_adds(out, "&lt;");
		else if (c == '>')
			sb_adds(out, "&gt;");
		else if (c == '"')
			sb_adds(out, "&quot;");
		else if (c == '\'')
			sb_adds(out, "&#39;");
		else if ((unsigned char)c >= 0x20 || c == '\n')
			sb_addc(out, c);
	}
	sb_free(&clean);
}

static void html_row(void *ctx, const struct rv_page_row *row)
{
	struct strbuf *out = ctx;
	static const char *const open[] = {"<h2>", "<p class=f>", "<p class=t>", "<h3>", "<p class=n>",
					   "<p class=i>", "<p class=d>", "<p class=d>", "<p class=v>", "<p>", "<p class=d>"};
	static const char *const close[] = {"</h2>\n", "</p>\n", "</p>\n", "</h3>\n", "</p>\n",
					    "</p>\n", "</p>\n", "</p>\n", "</p>\n", "</p>\n", "</p>\n"};
	/* Kept though recorded after the as-of date: greyed as well as marked in words. */
	bool later = row->kind == RV_ROW_LATER || (row->item && (row->item->flags & RV_PF_LATER));
	sb_adds(out, open[row->kind]);
	if (later)
		sb_adds(out, "<span class=later>");
	if (row->kind == RV_ROW_FIELD && row->item && row->item->label.len) {
		/* A value without its label ("SSR1", "1") would tell a reader nothing. */
		sb_adds(out, "<b>");
		html_text(out, row->item->label.ptr, row->item->label.len);
		sb_adds(out, "</b> ");
	}
	if (row->kind == RV_ROW_NONE)
		sb_adds(out, "none");
	else
		html_text(out, row->text, row->len);
	if (later)
		sb_adds(out, "</span>");
	sb_adds(out, close[row->kind]);
}

void rv_handout_html(const struct rv_model *m, const uint32_t *recs, size_t n, int32_t as_of,
		     enum rv_as_of_later later, struct strbuf *out)
{
	sb_adds(out, "<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>Handout</title>\n<style>\n"
		     "body{font-family:sans-serif;max-width:50em;margin:auto;padding:1em}\n"
		     "section{border:1px solid #888;border-radius:6px;padding:1em 2em;margin:2em 0;page-break-after:always}\n"
		     "h3{margin-bottom:.2em}p{margin:.2em 0;white-space:pre-wrap}.d,.v{margin-left:2em}\n"
		     ".later{color:#767676}\n"
		     "</style></head><body>\n");
	sb_adds(out, "<p>");
	slide_count(n, as_of, out);
	sb_adds(out, "</p>\n");
	for (size_t i = 0; i < n; i++) {
		struct rv_page p;
		rv_page_build_later(m, recs[i], as_of, later, &p);
		sb_adds(out, "<section class=slide>\n");
		struct rv_page_walk w = {.row = html_row, .ctx = out};
		rv_page_rows(&p, &w);
		sb_adds(out, "</section>\n");
		rv_page_free(&p);
	}
	sb_adds(out, "</body></html>\n");
}
