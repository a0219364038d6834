/*
 * test_corpus.c - csv-spectrum conformance: every csvs/NAME.csv is loaded with csv_table_load and its
 * header and records compared with json/NAME.json, read by the small JSON reader below.
 *
 * location_coordinates.csv has a known-bad expectation (see the corpus MANIFEST.txt): its JSON gives
 * a different phone number and the file holds a bare quote in an unquoted field, which a strict parser
 * must report. For it we assert our documented behaviour instead.
 */
#include "tests.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/strbuf.h"
#include "recview/utf8.h"

/* ---- a JSON reader for arrays of flat objects with string values ---- */

struct json_pair {
	char *key, *value;
	size_t key_len, value_len;
};

struct json_object {
	struct json_pair *pairs;
	size_t n;
};

struct json_doc {
	struct json_object *objects;
	size_t n;
};

struct json_in {
	const char *s;
	size_t len, pos;
	bool bad;
};

static void json_ws(struct json_in *in)
{
	while (in->pos < in->len && strchr(" \t\r\n", in->s[in->pos]) && in->s[in->pos])
		in->pos++;
}

static bool json_eat(struct json_in *in, char c)
{
	json_ws(in);
	if (in->pos < in->len && in->s[in->pos] == c) {
		in->pos++;
		return true;
	}
	return false;
}

static int hex4(const char *s)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* A JSON string: the decoded bytes, malloc'd; NULL (and in->bad) on a syntax error. */
static char *json_string(struct json_in *in, size_t *out_len)
{
	if (!json_eat(in, '"')) {
		in->bad = true;
		return NULL;
	}
	struct strbuf sb;
	sb_init(&sb);
	while (in->pos < in->len && in->s[in->pos] != '"') {
		char c = in->s[in->pos++];
		if (c != '\\') {
			sb_addc(&sb, c);
			continue;
		}
		if (in->pos >= in->len)
			break;
		char e = in->s[in->pos++];
		const char *simple = strchr("\"\\/bfnrt", e);
		if (simple && e) {
			static const char plain[] = "\"\\/\b\f\n\r\t";
			sb_addc(&sb, plain[simple - "\"\\/bfnrt"]);
		} else if (e == 'u' && in->pos + 4 <= in->len) {
			int cp = hex4(in->s + in->pos);
			in->pos += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && in->pos + 6 <= in->len && in->s[in->pos] == '\\' &&
			    in->s[in->pos + 1] == 'u') {
				int lo = hex4(in->s + in->pos + 2);
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					in->pos += 6;
				}
			}
			if (cp < 0) {
				in->bad = true;
				break;
			}
			char buf[4];
			sb_add(&sb, buf, utf8_encode((uint32_t)cp, buf));
		} else {
			in->bad = true;
			break;
		}
	}
	if (!json_eat(in, '"'))
		in->bad = true;
	*out_len = sb.len;
	char *s = sb_detach(&sb);
	sb_free(&sb);
	return s;
}

static void json_object_read(struct json_in *in, struct json_object *obj)
{
	memset(obj, 0, sizeof(*obj));
	if (!json_eat(in, '{')) {
		in->bad = true;
		return;
	}
	if (json_eat(in, '}'))
		return;
	do {
		struct json_pair p = {0};
		p.key = json_string(in, &p.key_len);
		if (!json_eat(in, ':'))
			in->bad = true;
		if (!in->bad)
			p.value = json_string(in, &p.value_len);
		obj->pairs = realloc(obj->pairs, (obj->n + 1) * sizeof(*obj->pairs));
		obj->pairs[obj->n++] = p;
	} while (!in->bad && json_eat(in, ','));
	if (!json_eat(in, '}'))
		in->bad = true;
}

static void json_doc_free(struct json_doc *doc)
{
	for (size_t i = 0; i < doc->n; i++) {
		for (size_t k = 0; k < doc->objects[i].n; k++) {
			free(doc->objects[i].pairs[k].key);
			free(doc->objects[i].pairs[k].value);
		}
		free(doc->objects[i].pairs);
	}
	free(doc->objects);
	memset(doc, 0, sizeof(*doc));
}

/* An array of objects, or (as in location_coordinates.json) one bare object. */
static bool json_doc_read(const char *s, size_t len, struct json_doc *doc)
{
	struct json_in in = {s, len, 0, false};
	memset(doc, 0, sizeof(*doc));
	bool array = json_eat(&in, '[');
	if (array && json_eat(&in, ']'))
		return true;
	do {
		doc->objects = realloc(doc->objects, (doc->n + 1) * sizeof(*doc->objects));
		json_object_read(&in, &doc->objects[doc->n++]);
	} while (array && !in.bad && json_eat(&in, ','));
	if (array && !json_eat(&in, ']'))
		in.bad = true;
	json_ws(&in);
	if (in.pos != in.len)
		in.bad = true;
	if (in.bad)
		json_doc_free(doc);
	return !in.bad;
}

static const struct json_pair *json_get(const struct json_object *obj, const char *key, size_t key_len)
{
	for (size_t i = 0; i < obj->n; i++)
		if (obj->pairs[i].key_len == key_len && memcmp(obj->pairs[i].key, key, key_len) == 0)
			return &obj->pairs[i];
	return NULL;
}

/* ---- the reader itself ---- */

static void test_json_reader_escapes(void **state)
{
	(void)state;
	static const char text[] = "[ {\"k\\\"1\": \"a\\\\b\\nc\\rd\\te\\u00e9\\u65E5\\ud83d\\ude00\\/\"} ]";
	struct json_doc doc;
	assert_true(json_doc_read(text, sizeof(text) - 1, &doc));
	assert_int_equal(doc.n, 1);
	assert_int_equal(doc.objects[0].n, 1);
	const struct json_pair *p = &doc.objects[0].pairs[0];
	static const char want[] = "a\\b\nc\rd\te\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80/";
	bool ok = p->key_len == 3 && memcmp(p->key, "k\"1", 3) == 0 && p->value_len == sizeof(want) - 1 &&
		  memcmp(p->value, want, sizeof(want) - 1) == 0;
	json_doc_free(&doc);
	assert_true(ok);
}

static void test_json_reader_rejects_garbage(void **state)
{
	(void)state;
	struct json_doc doc;
	assert_false(json_doc_read(LIT("[{\"a\": \"b\"}"), &doc));
	assert_false(json_doc_read(LIT("[{\"a\" \"b\"}]"), &doc));
	assert_false(json_doc_read(LIT("[{\"a\": \"b\\q\"}]"), &doc));
	assert_false(json_doc_read(LIT("[{\"a\": \"b\"}] x"), &doc));
}

/* ---- conformance ---- */

struct corpus_file {
	char csv[512], json[512];
	const char *name;
};

/* The .csv files of the corpus, sorted by name. */
static size_t list_corpus(struct corpus_file *files, size_t max)
{
	DIR *d = opendir(CSV_SPECTRUM_DIR "/csvs");
	if (!d)
		return 0;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < max) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		snprintf(files[n].csv, sizeof(files[n].csv), CSV_SPECTRUM_DIR "/csvs/%s", e->d_name);
		snprintf(files[n].json, sizeof(files[n].json), CSV_SPECTRUM_DIR "/json/%.*s.json", (int)(len - 4),
			 e->d_name);
		n++;
	}
	closedir(d);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(files[j - 1].csv, files[j].csv) > 0; j--) {
			struct corpus_file tmp = files[j];
			files[j] = files[j - 1];
			files[j - 1] = tmp;
		}
	for (size_t i = 0; i < n; i++)
		files[i].name = strrchr(files[i].csv, '/') + 1;
	return n;
}

/* Compares one table with its JSON; returns a description of the first difference, or NULL. */
static const char *compare_with_json(const struct csv_table *t, const struct json_doc *doc, char *why, size_t size)
{
	if (t->nrows != doc->n) {
		snprintf(why, size, "%zu records, JSON has %zu", t->nrows, doc->n);
		return why;
	}
	for (size_t r = 0; r < doc->n; r++) {
		const struct json_object *obj = &doc->objects[r];
		if (obj->n != t->ncols || t->rows[r].nfields != t->ncols) {
			snprintf(why, size, "record %zu: %u fields, header %zu, JSON %zu", r, t->rows[r].nfields, t->ncols,
				 obj->n);
			return why;
		}
		for (size_t c = 0; c < t->ncols; c++) {
			/* Header names in the order of the JSON keys (JSON keeps the CSV's column order). */
			if (obj->pairs[c].key_len != t->header[c].len ||
			    memcmp(obj->pairs[c].key, t->header[c].ptr, t->header[c].len) != 0) {
				snprintf(why, size, "header column %zu is \"%.*s\", JSON key \"%s\"", c, (int)t->header[c].len,
					 t->header[c].ptr, obj->pairs[c].key);
				return why;
			}
			const struct json_pair *p = json_get(obj, t->header[c].ptr, t->header[c].len);
			struct csv_cell cell = csv_cell_at(t, r, c);
			if (!p || p->value_len != cell.len || memcmp(p->value, cell.ptr, cell.len) != 0) {
				snprintf(why, size, "record %zu column %zu: \"%.*s\", JSON \"%s\"", r, c, (int)cell.len,
					 cell.ptr, p ? p->value : "(missing)");
				return why;
			}
		}
	}
	return NULL;
}

static void test_corpus_is_present(void **state)
{
	(void)state;
	struct corpus_file files[64];
	size_t n = list_corpus(files, 64);
	if (n == 0)
		print_error("no csv-spectrum corpus at %s (run from the repository root)\n", CSV_SPECTRUM_DIR);
	assert_int_equal(n, 12);
}

/* The corpus is part of the repository (a clone alone passes its tests), with its licence beside it,
 * and its *_crlf files still have their CRLF line endings (git must not convert them). */
static void test_corpus_is_in_the_repository(void **state)
{
	(void)state;
	assert_null(strstr(CSV_SPECTRUM_DIR, ".."));
	assert_int_equal(strncmp(CSV_SPECTRUM_DIR, "tests/data/", 11), 0);
	assert_int_equal(access(CSV_SPECTRUM_DIR "/LICENSE", R_OK), 0);
	assert_int_equal(access(CSV_SPECTRUM_DIR "/MANIFEST.txt", R_OK), 0);
	size_t len;
	char *crlf = read_whole_file(CSV_SPECTRUM_DIR "/csvs/simple_crlf.csv", &len);
	assert_non_null(crlf);
	assert_int_equal(len, 14);
	assert_memory_equal(crlf, "a,b,c\r\n1,2,3\r\n", 14);
	free(crlf);
}

static void test_corpus_matches_json(void **state)
{
	(void)state;
	struct corpus_file files[64];
	size_t n = list_corpus(files, 64);
	assert_true(n > 0);
	size_t checked = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(files[i].name, "location_coordinates.csv") == 0)
			continue;
		size_t jlen;
		char *json = read_whole_file(files[i].json, &jlen);
		if (!json)
			print_error("%s: no JSON at %s\n", files[i].name, files[i].json);
		assert_non_null(json);
		struct json_doc doc;
		bool parsed = json_doc_read(json, jlen, &doc);
		free(json);
		if (!parsed)
			print_error("%s: cannot read its JSON\n", files[i].json);
		assert_true(parsed);

		struct csv_table t;
		struct diag_list dl;
		diag_list_init(&dl);
		enum rv_result st = csv_table_load(&t, files[i].csv, &dl);
		char why[512];
		const char *diff = NULL;
		size_t problems = dl.n;
		if (st == RV_OK) {
			diff = compare_with_json(&t, &doc, why, sizeof(why));
			csv_table_free(&t);
		}
		diag_list_free(&dl);
		json_doc_free(&doc);
		if (st != RV_OK || problems || diff)
			print_error("%s: status %d, %zu problems, %s\n", files[i].name, (int)st, problems,
				    diff ? diff : "same values");
		assert_int_equal(st, RV_OK);
		assert_int_equal(problems, 0);
		assert_null(diff);
		checked++;
	}
	assert_int_equal(checked, n - 1);
}

static void test_corpus_crlf_files_keep_crlf(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	diag_list_init(&dl);
	assert_int_equal(csv_table_load(&t, CSV_SPECTRUM_DIR "/csvs/newlines_crlf.csv", &dl), RV_OK);
	assert_int_equal(t.eol, CSV_EOL_CRLF);
	assert_cell_eq(&t, 1, 0, LIT("Once upon \r\na time"));
	assert_int_equal(t.rows[2].line, 5);
	csv_table_free(&t);
	diag_list_free(&dl);
}

/* The documented behaviour for the file the corpus gets wrong: strict error, row kept as written. */
static void test_corpus_location_coordinates(void **state)
{
	(void)state;
	struct csv_table t;
	struct diag_list dl;
	diag_list_init(&dl);
	assert_int_equal(csv_table_load(&t, CSV_SPECTRUM_DIR "/csvs/location_coordinates.csv", &dl), RV_OK);
	/* 2095257564,37\uFFFD36'37.8"N: the bare quote is character 22 of line 2 (byte 81 of the file). */
	assert_int_equal(dl.n, 1);
	assert_diag(&dl, 0, DIAG_ERROR, 2, 22, "quote character inside an unquoted field");
	char *line = diag_line(&dl.items[0]);
	bool prefixed = strncmp(line, CSV_SPECTRUM_DIR "/csvs/location_coordinates.csv:2:22: error: ",
				strlen(CSV_SPECTRUM_DIR "/csvs/location_coordinates.csv:2:22: error: ")) == 0;
	free(line);
	assert_true(prefixed);
	assert_int_equal(t.ncols, 4);
	assert_header_eq(&t, 0, "Contact Phone Number");
	assert_header_eq(&t, 3, "Counties");
	assert_int_equal(t.nrows, 1);
	assert_int_equal(t.rows[0].nfields, 4);
	assert_cell_eq(&t, 0, 0, LIT("2095257564")); /* as in the CSV; the JSON says 1234567890 */
	assert_cell_eq(&t, 0, 1, LIT("37\xEF\xBF\xBD" "36'37.8\"N 121\xEF\xBF\xBD" "2'17.9\"W"));
	assert_cell_eq(&t, 0, 2, LIT("Modesto"));
	assert_cell_eq(&t, 0, 3, LIT("Stanislaus"));
	csv_table_free(&t);
	diag_list_free(&dl);
}

/* Its JSON is read too: all but the phone number agree with what we load. */
static void test_corpus_location_coordinates_json_differs_only_in_phone(void **state)
{
	(void)state;
	size_t jlen;
	char *json = read_whole_file(CSV_SPECTRUM_DIR "/json/location_coordinates.json", &jlen);
	assert_non_null(json);
	struct json_doc doc;
	bool parsed = json_doc_read(json, jlen, &doc);
	free(json);
	assert_true(parsed);
	assert_int_equal(doc.n, 1);
	const struct json_pair *phone = json_get(&doc.objects[0], LIT("Contact Phone Number"));
	const struct json_pair *where = json_get(&doc.objects[0], LIT("Location Coordinates"));
	bool phone_differs = phone && strcmp(phone->value, "1234567890") == 0;
	bool where_same = where && strcmp(where->value, "37\xEF\xBF\xBD" "36'37.8\"N 121\xEF\xBF\xBD" "2'17.9\"W") == 0;
	json_doc_free(&doc);
	assert_true(phone_differs);
	assert_true(where_same);
}

int run_corpus_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_reader_escapes),
		cmocka_unit_test(test_json_reader_rejects_garbage),
		cmocka_unit_test(test_corpus_is_present),
		cmocka_unit_test(test_corpus_is_in_the_repository),
		cmocka_unit_test(test_corpus_matches_json),
		cmocka_unit_test(test_corpus_crlf_files_keep_crlf),
		cmocka_unit_test(test_corpus_location_coordinates),
		cmocka_unit_test(test_corpus_location_coordinates_json_differs_only_in_phone),
	};
	return cmocka_run_group_tests_name("csv-spectrum", tests, NULL, NULL);
}
