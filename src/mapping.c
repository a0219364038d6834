/* mapping.c - reading recview.map (the format is in mapping.h). */
#include "recview/mapping.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/schema.h"
#include "recview/strbuf.h"
#include "recview/text.h"
#include "recview/vocab.h"

#define MAP_MAX_SIZE (1024 * 1024) /* a mapping is a few dozen lines */

static const char *const kind_names[RV_KIND_COUNT] = {
	[RV_RECS] = "recommendations", [RV_DELIVERABLES] = "deliverables", [RV_QUESTIONS] = "questions",
	[RV_HISTORY] = "status_history", [RV_REVIEWS] = "reviews",         [RV_NOTES] = "notes",
	[RV_AGENDA] = "agenda",          [RV_CHANGES] = "changes",
};

const char *rv_mapping_kind_name(enum rv_kind kind)
{
	return kind_names[kind];
}

static bool same_word(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && strncmp(s, word, len) == 0;
}

int rv_mapping_kind(const char *name, size_t len)
{
	for (int k = 0; k < RV_KIND_COUNT; k++)
		if (same_word(name, len, kind_names[k]))
			return k;
	return same_word(name, len, "history") ? RV_HISTORY : -1;
}

void rv_mapping_init(struct rv_mapping *mp)
{
	memset(mp, 0, sizeof(*mp));
}

static void free_table(struct rv_map_table *t)
{
	free(t->file);
}

void rv_mapping_free(struct rv_mapping *mp)
{
	for (size_t i = 0; i < mp->nfields; i++) {
		struct rv_map_field *f = &mp->fields[i];
		free(f->column);
		free(f->pattern_text);
		free(f->link_column);
		if (f->has_pattern)
			regfree(&f->pattern);
	}
	for (size_t i = 0; i < mp->nvalues; i++)
		free(mp->values[i].word);
	free(mp->fields);
	free(mp->values);
	free_table(&mp->all);
	for (int k = 0; k < RV_KIND_COUNT; k++)
		free_table(&mp->tables[k]);
	free(mp->path);
	memset(mp, 0, sizeof(*mp));
}

/* ---- one line ---- */

struct line {
	struct rv_mapping *mp;
	struct diag_list *diags;
	const char *start; /* the line's first byte: columns count from here */
	const char *p, *end;
	uint32_t no;
};

static uint32_t column_of(const struct line *ln, const char *at)
{
	uint32_t col = 1;
	for (const char *c = ln->start; c < at; c++)
		col += ((unsigned char)*c & 0xC0) != 0x80;
	return col;
}

/* A warning at a place of the line: "what 'text' tail", text quoted and sanitised. */
static void bad(const struct line *ln, const char *at, const char *what, const char *text, size_t len,
		const char *tail)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, what);
	if (text) {
		sb_addc(&sb, ' ');
		diag_quote(&sb, text, len, 40);
	}
	sb_adds(&sb, tail);
	sb_adds(&sb, "; the line is ignored");
	diag_add(ln->diags, DIAG_WARNING, ln->mp->path, ln->no, column_of(ln, at), "%s", sb.data);
	sb_free(&sb);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && is_space(*p))
		p++;
	return p;
}

static const char *trim_end(const char *p, const char *end)
{
	while (end > p && is_space(end[-1]))
		end--;
	return end;
}

/* Where the comment begins: a # at the start or after a space, outside double quotes. */
static const char *comment_start(const char *p, const char *end)
{
	bool quoted = false;
	for (const char *c = p; c < end; c++) {
		if (*c == '"')
			quoted = !quoted;
		else if (*c == '#' && !quoted && (c == p || is_space(c[-1])))
			return c;
	}
	return end;
}

/* A "quoted" text ("" inside is a quote) at *p: its value, *p moved past it; NULL when not closed. */
static char *read_quoted(const char **p, const char *end)
{
	struct strbuf sb;
	sb_init(&sb);
	for (const char *c = *p + 1; c < end; c++) {
		if (*c != '"') {
			sb_addc(&sb, *c);
			continue;
		}
		if (c + 1 < end && c[1] == '"') {
			sb_addc(&sb, '"');
			c++;
			continue;
		}
		*p = c + 1;
		if (!sb.data)
			sb_adds(&sb, "");
		return sb_detach(&sb);
	}
	sb_free(&sb);
	return NULL;
}

/* The value [p, end), trimmed; a value that is one quoted text is unquoted. NULL: a quote not closed. */
static char *read_value(const struct line *ln, const char *p, const char *end)
{
	p = skip_spaces(p, end);
	end = trim_end(p, end);
	if (p < end && *p == '"') {
		const char *q = p;
		char *v = read_quoted(&q, end);
		if (!v) {
			bad(ln, p, "a quote is not closed", NULL, 0, "");
			return NULL;
		}
		if (skip_spaces(q, end) == end)
			return v;
		free(v);
	}
	return xstrndup(p, (size_t)(end - p));
}

static bool parse_uint(const char *s, uint32_t *out)
{
	char *stop;
	if (!*s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	unsigned long v = strtoul(s, &stop, 10);
	if (*stop || errno || v == 0 || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

static bool parse_delimiter(const char *s, char *out)
{
	static const struct {
		const char *name;
		char delim;
	} names[] = {{",", ','},    {";", ';'},         {"|", '|'},    {"\t", '\t'},  {"tab", '\t'},
		     {"\\t", '\t'}, {"comma", ','},     {"semicolon", ';'}, {"pipe", '|'}, {"TAB", '\t'}};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].delim;
			return true;
		}
	}
	return false;
}

static bool parse_date_order(const char *s, enum rv_date_order *out)
{
	if (!strcmp(s, "day-first") || !strcmp(s, "day first") || !strcmp(s, "dmy")) {
		*out = RV_DATE_DAY_FIRST;
		return true;
	}
	if (!strcmp(s, "month-first") || !strcmp(s, "month first") || !strcmp(s, "mdy")) {
		*out = RV_DATE_MONTH_FIRST;
		return true;
	}
	return false;
}

/* file, encoding, delimiter, header_line, date_order of one table (or of all): false if not one of them. */
static bool table_setting(const struct line *ln, struct rv_map_table *t, bool for_all, const char *name,
			  size_t nlen, const char *vat, const char *value)
{
	if (same_word(name, nlen, "file") && !for_all) {
		if (!*value || strchr(value, '/') || !strcmp(value, ".") || !strcmp(value, ".."))
			bad(ln, vat, "the file", value, strlen(value), " must be a file name in the data set directory");
		else {
			free(t->file);
			t->file = xstrdup(value);
			t->file_line = ln->no;
		}
	} else if (same_word(name, nlen, "encoding")) {
		if (rv_encoding_by_name(value, &t->dialect.encoding))
			t->dialect.has_encoding = true;
		else
			bad(ln, vat, "unknown encoding", value, strlen(value),
			    " (known: UTF-8, UTF-16LE, UTF-16BE, Windows-1252, Mac Roman)");
	} else if (same_word(name, nlen, "delimiter")) {
		if (!parse_delimiter(value, &t->dialect.delim))
			bad(ln, vat, "unknown delimiter", value, strlen(value), " (known: , ; | tab)");
	} else if (same_word(name, nlen, "header_line")) {
		if (!parse_uint(value, &t->dialect.header_line))
			bad(ln, vat, "header_line must be a line number, not", value, strlen(value), "");
	} else if (same_word(name, nlen, "date_order")) {
		if (parse_date_order(value, &t->date_order))
			t->has_date_order = true;
		else
			bad(ln, vat, "date_order must be day-first or month-first, not", value, strlen(value), "");
	} else {
		return false;
	}
	return true;
}

/* The text of [p, end) trimmed, unquoted when it is one quoted text. */
static char *trimmed(const char *p, const char *end)
{
	p = skip_spaces(p, end);
	end = trim_end(p, end);
	if (end - p >= 2 && *p == '"' && end[-1] == '"') {
		const char *q = p;
		char *v = read_quoted(&q, end);
		if (v && q == end)
			return v;
		free(v);
	}
	return xstrndup(p, (size_t)(end - p));
}

/* The last occurrence of needle in [p, end), or NULL. */
static const char *find_last(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *c = end - (ptrdiff_t)n; c >= p && end - p >= (ptrdiff_t)n; c--)
		if (memcmp(c, needle, n) == 0)
			return c;
	return NULL;
}

/* The first ~ that stands alone (between spaces, or at an end), or NULL. */
static const char *find_tilde(const char *p, const char *end)
{
	for (const char *c = p; c < end; c++)
		if (*c == '~' && (c == p || is_space(c[-1])) && (c + 1 == end || is_space(c[1])))
			return c;
	return NULL;
}

/* "COLUMN [~ REGEX] [-> TABLE.COLUMN]" of [p, end) into f: false when a part is bad (said). */
static bool parse_field_source(const struct line *ln, const char *p, const char *end, struct rv_map_field *f)
{
	const char *arrow = find_last(p, end, "->");
	if (arrow) {
		const char *tp = skip_spaces(arrow + 2, end), *dot = memchr(tp, '.', (size_t)(end - tp));
		int k = dot ? rv_mapping_kind(tp, (size_t)(dot - tp)) : -1;
		if (k < 0 || trim_end(dot + 1, end) == dot + 1) {
			bad(ln, tp, "a link names TABLE.COLUMN (recommendations.Issue id), not", tp, (size_t)(end - tp), "");
			return false;
		}
		f->has_link = true;
		f->link_kind = (enum rv_kind)k;
		f->link_column = trimmed(dot + 1, end);
		end = arrow;
	}
	const char *tilde = find_tilde(p, end);
	if (tilde) {
		const char *rp = skip_spaces(tilde + 1, end), *rend = trim_end(rp, end);
		f->pattern_text = xstrndup(rp, (size_t)(rend - rp));
		int err = regcomp(&f->pattern, f->pattern_text, REG_EXTENDED);
		if (err) {
			char msg[160];
			regerror(err, &f->pattern, msg, sizeof(msg));
			struct strbuf tail;
			sb_init(&tail);
			sb_addf(&tail, ": %s", msg);
			bad(ln, rp, "bad regular expression", f->pattern_text, strlen(f->pattern_text), tail.data);
			sb_free(&tail);
			return false;
		}
		f->has_pattern = true;
		end = tilde;
	}
	f->column = trimmed(p, end);
	if (!f->column[0]) {
		bad(ln, p, "a pattern or a link needs a column", NULL, 0, "");
		return false;
	}
	return true;
}

static void free_field(struct rv_map_field *f)
{
	free(f->column);
	free(f->pattern_text);
	free(f->link_column);
	if (f->has_pattern)
		regfree(&f->pattern);
}

static void field_setting(const struct line *ln, enum rv_kind kind, const char *name, size_t nlen, const char *vat)
{
	char norm[64];
	rv_normalize_name(name, nlen, norm, sizeof(norm));
	int field = nlen < sizeof(norm) ? rv_field_by_name(kind, norm) : -1;
	if (field < 0) {
		struct strbuf tail;
		sb_init(&tail);
		sb_addf(&tail, " of %s (known:", kind_names[kind]);
		const struct rv_kind_def *def = rv_kind_def(kind);
		for (int i = 0; i < def->nfields; i++)
			sb_addf(&tail, " %s", def->fields[i].name);
		sb_adds(&tail, "; or file, encoding, delimiter, header_line, date_order)");
		bad(ln, name, "unknown field", name, nlen, tail.data);
		sb_free(&tail);
		return;
	}
	struct rv_map_field f = {.kind = kind, .field = field, .line = ln->no, .col = column_of(ln, vat)};
	const char *end = trim_end(vat, ln->end);
	if (vat < end && !parse_field_source(ln, vat, end, &f)) {
		free_field(&f);
		return;
	}
	struct rv_mapping *mp = ln->mp;
	mp->fields = xreallocarray(mp->fields, mp->nfields + 1, sizeof(*mp->fields));
	mp->fields[mp->nfields++] = f;
}

static void value_map(const struct line *ln, int kind, enum rv_map_vocab vocab, const char *p)
{
	const char *at = skip_spaces(p, ln->end);
	char *word;
	const char *eq;
	if (at < ln->end && *at == '"') {
		const char *q = at;
		word = read_quoted(&q, ln->end);
		if (!word) {
			bad(ln, at, "a quote is not closed", NULL, 0, "");
			return;
		}
		eq = skip_spaces(q, ln->end);
	} else {
		eq = memchr(at, '=', (size_t)(ln->end - at));
		word = eq ? xstrndup(at, (size_t)(trim_end(at, eq) - at)) : NULL;
	}
	if (!eq || eq >= ln->end || *eq != '=' || !word[0]) {
		bad(ln, eq && eq < ln->end ? eq : at, "a value map is WORD = VALUE", NULL, 0, " (status \"On hold\" = behind schedule)");
		free(word);
		return;
	}
	char *value = read_value(ln, eq + 1, ln->end);
	if (!value) {
		free(word);
		return;
	}
	const char *vat = skip_spaces(eq + 1, ln->end);
	int v = 0;
	size_t vlen = strlen(value);
	if (vocab == RV_MAP_STATUS)
		v = (int)rv_status_parse(value, vlen);
	else if (vocab == RV_MAP_DECISION)
		v = (int)rv_decision_parse(value, vlen);
	else
		v = rv_priority_parse(value, vlen);
	bool unknown = vocab == RV_MAP_STATUS ? v == RV_STATUS_UNKNOWN : vocab == RV_MAP_DECISION ? v == RV_DECISION_UNKNOWN : v < 0;
	if (unknown) {
		const char *known = vocab == RV_MAP_STATUS ? " (known: not started, in planning, in progress, behind schedule, complete, or empty)"
			: vocab == RV_MAP_DECISION ? " (known: pending, approved, rejected, or empty)"
						   : " (known: P1 to P4, or empty)";
		bad(ln, vat, vocab == RV_MAP_STATUS ? "unknown status" : vocab == RV_MAP_DECISION ? "unknown decision" : "unknown priority",
		    value, vlen, known);
		free(word);
		free(value);
		return;
	}
	free(value);
	struct rv_mapping *mp = ln->mp;
	mp->values = xreallocarray(mp->values, mp->nvalues + 1, sizeof(*mp->values));
	mp->values[mp->nvalues++] = (struct rv_map_value){kind, vocab, word, v, ln->no};
}

static int vocab_of(const char *name, size_t len)
{
	if (same_word(name, len, "status"))
		return RV_MAP_STATUS;
	if (same_word(name, len, "decision"))
		return RV_MAP_DECISION;
	if (same_word(name, len, "priority"))
		return RV_MAP_PRIORITY;
	return -1;
}

static void parse_line(struct line *ln)
{
	const char *p = skip_spaces(ln->p, ln->end);
	ln->end = trim_end(p, comment_start(p, ln->end));
	if (p == ln->end)
		return;
	const char *key = p;
	while (p < ln->end && !is_space(*p) && *p != '=')
		p++;
	size_t klen = (size_t)(p - key);
	const char *dot = memchr(key, '.', klen);
	const char *name = dot ? dot + 1 : key;
	size_t nlen = (size_t)(key + klen - name);
	int kind = -1;
	if (dot && (kind = rv_mapping_kind(key, (size_t)(dot - key))) < 0) {
		bad(ln, key, "unknown table", key, (size_t)(dot - key),
		    " (known: recommendations, deliverables, questions, status_history, reviews, notes, agenda)");
		return;
	}
	p = skip_spaces(p, ln->end);
	if (p == ln->end || *p != '=') {
		int vocab = vocab_of(name, nlen);
		if (vocab < 0) {
			bad(ln, p, "expected '=' after", key, klen, "");
			return;
		}
		value_map(ln, kind, (enum rv_map_vocab)vocab, p);
		return;
	}
	const char *vat = skip_spaces(p + 1, ln->end);
	char *value = read_value(ln, p + 1, ln->end);
	if (!value)
		return;
	struct rv_map_table *t = kind < 0 ? &ln->mp->all : &ln->mp->tables[kind];
	if (!table_setting(ln, t, kind < 0, name, nlen, vat, value)) {
		if (kind >= 0)
			field_setting(ln, (enum rv_kind)kind, name, nlen, vat);
		else
			bad(ln, key, "unknown setting", key, klen,
			    " (known: encoding, delimiter, header_line, date_order; TABLE.file, TABLE.FIELD, status WORD = VALUE)");
	}
	free(value);
}

void rv_mapping_parse(struct rv_mapping *mp, const char *path, const char *text, size_t len, struct diag_list *diags)
{
	free(mp->path);
	mp->path = xstrdup(path);
	diag_intern_file(diags, mp->path);
	const char *end = text + len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3; /* a BOM an editor added */
	struct line ln = {.mp = mp, .diags = diags};
	for (const char *p = text; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		ln.no++;
		ln.start = ln.p = p;
		size_t n = (size_t)(stop - p);
		if (n && p[n - 1] == '\r')
			n--;
		ln.end = p + n;
		if (n && memchr(p, '\0', n))
			bad(&ln, p, "a NUL byte in the line", NULL, 0, "");
		else
			parse_line(&ln);
		p = nl ? nl + 1 : end;
	}
}

bool rv_mapping_load(struct rv_mapping *mp, const char *dir, struct diag_list *diags)
{
	size_t dl = strlen(dir);
	char *path = xmalloc(dl + sizeof(RV_MAP_FILE) + 1);
	memcpy(path, dir, dl);
	path[dl] = '\0';
	if (dl && dir[dl - 1] != '/')
		strcat(path, "/");
	strcat(path, RV_MAP_FILE);
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		if (errno != ENOENT)
			diag_add(diags, DIAG_WARNING, path, 0, 0, "cannot read the mapping: %s", strerror(errno));
		free(path);
		return false;
	}
	struct stat st;
	struct strbuf text;
	sb_init(&text);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MAP_MAX_SIZE) {
		diag_add(diags, DIAG_WARNING, path, 0, 0, "the mapping is not a regular file of at most 1 MiB: ignored");
	} else {
		char chunk[8192];
		ssize_t n;
		while ((n = read(fd, chunk, sizeof(chunk))) > 0 && text.len < MAP_MAX_SIZE)
			sb_add(&text, chunk, (size_t)n);
		rv_mapping_parse(mp, path, text.data ? text.data : "", text.len, diags);
	}
	close(fd);
	sb_free(&text);
	free(path);
	return mp->path != NULL;
}

/* ---- questions asked of a mapping ---- */

struct csv_dialect rv_mapping_dialect(const struct rv_mapping *mp, enum rv_kind kind)
{
	struct csv_dialect d = {0};
	if (!mp)
		return d;
	const struct csv_dialect *all = &mp->all.dialect, *own = &mp->tables[kind].dialect;
	d.has_encoding = own->has_encoding || all->has_encoding;
	d.encoding = own->has_encoding ? own->encoding : all->encoding;
	d.delim = own->delim ? own->delim : all->delim;
	d.header_line = own->header_line ? own->header_line : all->header_line;
	return d;
}

bool rv_mapping_date_order(const struct rv_mapping *mp, enum rv_kind kind, enum rv_date_order *order)
{
	if (!mp)
		return false;
	const struct rv_map_table *t = mp->tables[kind].has_date_order ? &mp->tables[kind] : &mp->all;
	if (!t->has_date_order)
		return false;
	*order = t->date_order;
	return true;
}

static bool same_word_nocase(const char *a, const char *s, size_t len)
{
	while (len && is_space(*s)) {
		s++;
		len--;
	}
	while (len && is_space(s[len - 1]))
		len--;
	return text_equal_nocase(a, strlen(a), s, len);
}

bool rv_mapping_value(const struct rv_mapping *mp, enum rv_kind kind, enum rv_map_vocab vocab, const char *s,
		      size_t len, int *value)
{
	if (!mp || !mp->nvalues)
		return false;
	const struct rv_map_value *general = NULL;
	for (size_t i = mp->nvalues; i > 0; i--) {
		const struct rv_map_value *v = &mp->values[i - 1];
		if (v->vocab != vocab || (v->kind >= 0 && v->kind != (int)kind) || !same_word_nocase(v->word, s, len))
			continue;
		if (v->kind >= 0) {
			*value = v->value;
			return true;
		}
		if (!general)
			general = v;
	}
	if (general)
		*value = general->value;
	return general != NULL;
}

bool rv_map_field_extract(const struct rv_map_field *f, const char *s, size_t len, size_t *start, size_t *vlen)
{
	char stack[256];
	char *text = len < sizeof(stack) ? stack : xmalloc(len + 1);
	memcpy(text, s, len);
	text[len] = '\0';
	regmatch_t m[2];
	bool ok = memchr(s, '\0', len) == NULL && regexec(&f->pattern, text, 2, m, 0) == 0;
	if (ok) {
		int g = f->pattern.re_nsub >= 1 && m[1].rm_so >= 0 ? 1 : 0;
		*start = (size_t)m[g].rm_so;
		*vlen = (size_t)(m[g].rm_eo - m[g].rm_so);
	}
	if (text != stack)
		free(text);
	return ok;
}

/* Letters and digits only, lower-cased: "Custom field (Recommendation ID)" is "customfieldrecommendationid". */
static size_t fold_column(const char *s, size_t len, char *out, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			out[n++] = (char)c;
	}
	out[n] = '\0';
	return n;
}

bool rv_mapping_same_column(const char *a, size_t alen, const char *b, size_t blen)
{
	char fa[256], fb[256];
	size_t na = fold_column(a, alen, fa, sizeof(fa)), nb = fold_column(b, blen, fb, sizeof(fb));
	if (!na || !nb)
		return alen == blen && memcmp(a, b, alen) == 0;
	return na == nb && memcmp(fa, fb, na) == 0;
}
