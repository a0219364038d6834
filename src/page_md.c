/* page_md.c - a recommendation's page as Markdown: the fields as a table, a heading per section,
 * items as lists; every text sanitised (no control character leaves recview). */
#include "recview/page.h"

#include <string.h>

#include "recview/export.h"
#include "recview/text.h"

/*
 * Text that may run over lines, as one Markdown block: each line sanitised, joined by hard breaks and
 * indented under its list item; a line that Markdown would read as a heading, quote, list or rule
 * starts with a backslash, so that a file's text cannot restructure the document.
 */
static void md_block(struct strbuf *out, const char *s, size_t len, const char *indent)
{
	size_t start = 0;
	bool first = true;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		size_t end = i > start && s[i - 1] == '\r' ? i - 1 : i;
		if (!first)
			sb_addf(out, "  \n%s", indent);
		if (end > start && strchr("#>-+*=`|", s[start]))
			sb_addc(out, '\\');
		rv_markdown_cell(out, s + start, end - start);
		first = false;
		start = i + 1;
	}
}

struct md {
	const struct rv_page *page;
	struct strbuf *out;
};

static void md_fields(struct md *md)
{
	const struct rv_page_section *sec = &md->page->sections[RV_PAGE_FIELDS];
	if (!sec->n)
		return;
	sb_adds(md->out, "| Field | Value |\n|---|---|\n");
	for (size_t i = 0; i < sec->n; i++) {
		sb_adds(md->out, "| ");
		rv_markdown_cell(md->out, sec->items[i].label.ptr, sec->items[i].label.len);
		sb_adds(md->out, " | ");
		rv_markdown_cell(md->out, sec->items[i].text.ptr, sec->items[i].text.len);
		sb_adds(md->out, " |\n");
	}
}

static void md_row(void *ctx, const struct rv_page_row *row)
{
	struct md *md = ctx;
	struct strbuf *out = md->out;
	switch (row->kind) {
	case RV_ROW_TITLE:
		sb_adds(out, "# ");
		rv_markdown_cell(out, md->page->id.ptr, md->page->id.len);
		sb_adds(out, "\n\n");
		rv_markdown_cell(out, row->text, row->len);
		sb_adds(out, "\n\n");
		md_fields(md);
		return;
	case RV_ROW_FIELD:
		return; /* the table above */
	case RV_ROW_TEXT:
		sb_adds(out, "\n## Text\n\n");
		md_block(out, row->text, row->len, "");
		sb_addc(out, '\n');
		return;
	case RV_ROW_HEADING:
		sb_adds(out, "\n## ");
		rv_markdown_cell(out, row->text, row->len);
		sb_adds(out, "\n\n");
		return;
	case RV_ROW_NONE:
		sb_adds(out, "_none_\n");
		return;
	case RV_ROW_ITEM:
		sb_adds(out, "- ");
		if (row->item->kind == RV_PI_DELIVERABLE)
			sb_addf(out, "%s ", rv_page_deliverable_glyph(row->item, false));
		md_block(out, row->text, row->len, "  ");
		sb_addc(out, '\n');
		return;
	case RV_ROW_DETAIL:
	case RV_ROW_VERSION_HEAD:
	case RV_ROW_LATER:
		sb_adds(out, "  - ");
		md_block(out, row->text, row->len, "    ");
		sb_addc(out, '\n');
		return;
	case RV_ROW_PARAGRAPH:
		md_block(out, row->text, row->len, "");
		sb_addc(out, '\n');
		return;
	case RV_ROW_VERSION:
		sb_adds(out, "    - ");
		md_block(out, row->text, row->len, "      ");
		sb_addc(out, '\n');
		return;
	}
}

void rv_page_markdown(const struct rv_page *p, struct strbuf *out)
{
	struct md md = {p, out};
	struct rv_page_walk w = {.row = md_row, .ctx = &md};
	rv_page_rows(p, &w);
}
