/* vocab.c - status vocabularies, priorities, dates and id order. */
#include "recview/vocab.h"

#include <stdio.h>
#include <string.h>

size_t rv_normalize_name(const char *s, size_t len, char *out, size_t size)
{
	size_t n = 0;
	bool pending_space = false;
	if (!size)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == '\r' || c == '\n') {
			pending_space = n > 0;
			continue;
		}
		if (pending_space && n + 1 < size)
			out[n++] = ' ';
		pending_space = false;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (n + 1 < size)
			out[n++] = (char)c;
	}
	out[n] = '\0';
	return n;
}

struct spelling {
	const char *text; /* normalised */
	int value;
};

/* The usual spellings and the glyphs of the source documents (√ ✓ complete, ○ in progress, ◊ in planning). */
static const struct spelling status_spellings[] = {
	{"complete", RV_STATUS_COMPLETE},         {"completed", RV_STATUS_COMPLETE},
	{"done", RV_STATUS_COMPLETE},             {"implemented", RV_STATUS_COMPLETE},
	{"fully implemented", RV_STATUS_COMPLETE}, {"closed", RV_STATUS_COMPLETE},
	{"finished", RV_STATUS_COMPLETE},         {"\xE2\x88\x9A", RV_STATUS_COMPLETE} /* √ */,
	{"\xE2\x9C\x93", RV_STATUS_COMPLETE} /* ✓ */, {"\xE2\x9C\x94", RV_STATUS_COMPLETE} /* ✔ */,
	{"\xE2\x98\x91", RV_STATUS_COMPLETE} /* ☑ */,
	{"in progress", RV_STATUS_PROGRESS},      {"progress", RV_STATUS_PROGRESS},
	{"in process", RV_STATUS_PROGRESS},       {"planned/in process", RV_STATUS_PROGRESS},
	{"ongoing", RV_STATUS_PROGRESS},          {"started", RV_STATUS_PROGRESS},
	{"underway", RV_STATUS_PROGRESS},         {"under way", RV_STATUS_PROGRESS},
	{"partially implemented", RV_STATUS_PROGRESS}, {"wip", RV_STATUS_PROGRESS},
	{"\xE2\x97\x8B", RV_STATUS_PROGRESS} /* ○ */, {"\xE2\x97\xAF", RV_STATUS_PROGRESS} /* ◯ */,
	{"in planning", RV_STATUS_PLANNING},      {"planning", RV_STATUS_PLANNING},
	{"planned", RV_STATUS_PLANNING},          {"implementation design", RV_STATUS_PLANNING},
	{"\xE2\x97\x8A", RV_STATUS_PLANNING} /* ◊ */, {"\xE2\x97\x87", RV_STATUS_PLANNING} /* ◇ */,
	{"not started", RV_STATUS_NOT_STARTED},   {"not begun", RV_STATUS_NOT_STARTED},
	{"to do", RV_STATUS_NOT_STARTED},         {"todo", RV_STATUS_NOT_STARTED},
	{"behind schedule", RV_STATUS_BEHIND},    {"behind", RV_STATUS_BEHIND},
	{"delayed", RV_STATUS_BEHIND},
	/* Trackers' words: on hold and blocked are in progress but stopped; Jira's and GitHub's states. */
	{"on hold", RV_STATUS_BEHIND},            {"blocked", RV_STATUS_BEHIND},
	{"at risk", RV_STATUS_BEHIND},            {"overdue", RV_STATUS_BEHIND},
	{"completed", RV_STATUS_COMPLETE},        {"implemented", RV_STATUS_COMPLETE},
	{"resolved", RV_STATUS_COMPLETE},
	{"in review", RV_STATUS_PROGRESS},        {"partially complete", RV_STATUS_PROGRESS},
	{"partially completed", RV_STATUS_PROGRESS}, {"partly implemented", RV_STATUS_PROGRESS},
	{"backlog", RV_STATUS_NOT_STARTED},       {"open", RV_STATUS_NOT_STARTED},
	{"new", RV_STATUS_NOT_STARTED},           {"not yet started", RV_STATUS_NOT_STARTED},
};

static const struct spelling decision_spellings[] = {
	{"approved", RV_DECISION_APPROVED},  {"approve", RV_DECISION_APPROVED},
	{"adopted", RV_DECISION_APPROVED},   {"accepted", RV_DECISION_APPROVED},
	{"rejected", RV_DECISION_REJECTED},  {"reject", RV_DECISION_REJECTED},
	{"not approved", RV_DECISION_REJECTED}, {"declined", RV_DECISION_REJECTED},
	{"pending", RV_DECISION_PENDING},    {"placed in pending status", RV_DECISION_PENDING},
	{"deferred", RV_DECISION_PENDING},   {"on hold", RV_DECISION_PENDING},
	/* A partial or in-principle acceptance is an approval; what the Board has yet to decide is pending. */
	{"approved in part", RV_DECISION_APPROVED}, {"partially approved", RV_DECISION_APPROVED},
	{"accepted in principle", RV_DECISION_APPROVED}, {"approved in principle", RV_DECISION_APPROVED},
	{"adopted in part", RV_DECISION_APPROVED},  {"not adopted", RV_DECISION_REJECTED},
	{"not accepted", RV_DECISION_REJECTED},     {"under consideration", RV_DECISION_PENDING},
	{"awaiting decision", RV_DECISION_PENDING}, {"tbd", RV_DECISION_PENDING},
};

static int lookup(const struct spelling *table, size_t n, const char *s, size_t len, int none, int unknown)
{
	char norm[64];
	/* Most values are written exactly as the vocabulary spells them: no need to normalise those. */
	for (size_t i = 0; len && i < n; i++)
		if (table[i].text[0] == s[0] && strlen(table[i].text) == len && memcmp(table[i].text, s, len) == 0)
			return table[i].value;
	if (len >= sizeof(norm) * 2)
		return unknown;
	size_t nl = rv_normalize_name(s, len, norm, sizeof(norm));
	if (nl == 0)
		return none;
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i].text, norm) == 0)
			return table[i].value;
	return unknown;
}

enum rv_status rv_status_parse(const char *s, size_t len)
{
	return (enum rv_status)lookup(status_spellings, sizeof(status_spellings) / sizeof(*status_spellings), s,
				      len, RV_STATUS_NONE, RV_STATUS_UNKNOWN);
}

enum rv_decision rv_decision_parse(const char *s, size_t len)
{
	return (enum rv_decision)lookup(decision_spellings, sizeof(decision_spellings) / sizeof(*decision_spellings),
					s, len, RV_DECISION_NONE, RV_DECISION_UNKNOWN);
}

const char *rv_status_name(enum rv_status st)
{
	static const char *const names[RV_STATUS_COUNT] = {
		"", "not started", "in planning", "in progress", "behind schedule", "complete", "unknown",
	};
	return (unsigned)st < RV_STATUS_COUNT ? names[st] : "unknown";
}

const char *rv_decision_name(enum rv_decision d)
{
	static const char *const names[RV_DECISION_COUNT] = {"", "pending", "approved", "rejected", "unknown"};
	return (unsigned)d < RV_DECISION_COUNT ? names[d] : "unknown";
}

const char *rv_status_glyph(enum rv_status st, bool ascii)
{
	static const char *const utf8[RV_STATUS_COUNT] = {
		" ", "\xC2\xB7" /* · */, "\xE2\x97\x8A" /* ◊ */, "\xE2\x97\x8B" /* ○ */, "!", "\xE2\x9C\x93" /* ✓ */, "?",
	};
	static const char *const plain[RV_STATUS_COUNT] = {" ", ".", "~", "o", "!", "+", "?"};
	if ((unsigned)st >= RV_STATUS_COUNT)
		st = RV_STATUS_UNKNOWN;
	return ascii ? plain[st] : utf8[st];
}

const char *rv_status_vocabulary(void)
{
	return "not started, in planning, in progress, behind schedule, complete";
}

const char *rv_decision_vocabulary(void)
{
	return "pending, approved, rejected";
}

static const struct spelling qstatus_spellings[] = {
	{"open", RV_QSTATUS_OPEN},           {"asked", RV_QSTATUS_OPEN},         {"new", RV_QSTATUS_OPEN},
	{"pending", RV_QSTATUS_OPEN},        {"unanswered", RV_QSTATUS_OPEN},    {"to do", RV_QSTATUS_OPEN},
	{"answered", RV_QSTATUS_ANSWERED},   {"answer received", RV_QSTATUS_ANSWERED},
	{"responded", RV_QSTATUS_ANSWERED},  {"replied", RV_QSTATUS_ANSWERED},
	{"follow-up", RV_QSTATUS_FOLLOW_UP}, {"follow up", RV_QSTATUS_FOLLOW_UP}, {"followup", RV_QSTATUS_FOLLOW_UP},
	{"follow-up needed", RV_QSTATUS_FOLLOW_UP}, {"needs follow-up", RV_QSTATUS_FOLLOW_UP},
	{"reopened", RV_QSTATUS_FOLLOW_UP},  {"closed", RV_QSTATUS_CLOSED},      {"resolved", RV_QSTATUS_CLOSED},
	{"done", RV_QSTATUS_CLOSED},         {"withdrawn", RV_QSTATUS_CLOSED},   {"n/a", RV_QSTATUS_CLOSED},
};

enum rv_qstatus rv_qstatus_parse(const char *s, size_t len)
{
	return (enum rv_qstatus)lookup(qstatus_spellings, sizeof(qstatus_spellings) / sizeof(*qstatus_spellings), s, len,
				       RV_QSTATUS_NONE, RV_QSTATUS_UNKNOWN);
}

const char *rv_qstatus_name(enum rv_qstatus st)
{
	static const char *const names[RV_QSTATUS_COUNT] = {"", "open", "answered", "follow-up", "closed", "unknown"};
	return (unsigned)st < RV_QSTATUS_COUNT ? names[st] : "unknown";
}

const char *rv_qstatus_vocabulary(void)
{
	return "open, answered, follow-up, closed";
}

enum rv_qstatus rv_qstatus_effective(enum rv_qstatus st, bool has_answer)
{
	if (st != RV_QSTATUS_NONE && st != RV_QSTATUS_UNKNOWN)
		return st;
	return has_answer ? RV_QSTATUS_ANSWERED : RV_QSTATUS_OPEN;
}

bool rv_qstatus_is_open(enum rv_qstatus st)
{
	return st == RV_QSTATUS_OPEN || st == RV_QSTATUS_FOLLOW_UP;
}

int rv_priority_parse(const char *s, size_t len)
{
	while (len && (s[0] == ' '))
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	if (len == 0)
		return 0;
	if (len == 2 && (s[0] == 'P' || s[0] == 'p') && s[1] >= '1' && s[1] <= '4')
		return s[1] - '0';
	if (len == 1 && s[0] >= '1' && s[0] <= '4')
		return s[0] - '0';
	/* Words for the four levels, as trackers name them: critical P1, high P2, medium P3, low P4. */
	static const struct spelling levels[] = {
		{"critical", 1}, {"highest", 1}, {"urgent", 1}, {"high", 2}, {"major", 2}, {"medium", 3},
		{"normal", 3}, {"moderate", 3}, {"low", 4}, {"lowest", 4}, {"minor", 4},
	};
	return lookup(levels, sizeof(levels) / sizeof(*levels), s, len, 0, -1);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int rv_id_compare(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	while (i < alen && j < blen) {
		if (is_digit(a[i]) && is_digit(b[j])) {
			/* Compare digit runs as numbers: skip leading zeros, then longer is bigger. */
			while (i < alen && a[i] == '0')
				i++;
			while (j < blen && b[j] == '0')
				j++;
			size_t si = i, sj = j;
			while (i < alen && is_digit(a[i]))
				i++;
			while (j < blen && is_digit(b[j]))
				j++;
			size_t la = i - si, lb = j - sj;
			if (la != lb)
				return la < lb ? -1 : 1;
			int c = memcmp(a + si, b + sj, la);
			if (c)
				return c < 0 ? -1 : 1;
			continue;
		}
		char ca = fold(a[i]), cb = fold(b[j]);
		if (ca != cb)
			return (unsigned char)ca < (unsigned char)cb ? -1 : 1;
		i++;
		j++;
	}
	if (i < alen || j < blen)
		return i < alen ? 1 : -1;
	/* Equal but for case or leading zeros: fall back to bytes so that the order is total. */
	size_t n = alen < blen ? alen : blen;
	int c = memcmp(a, b, n);
	if (c)
		return c < 0 ? -1 : 1;
	return alen == blen ? 0 : (alen < blen ? -1 : 1);
}
