/*
 * gen.c - a synthetic data set for the benchmark: `gen N DIR`.
 *
 * Writes recommendations.csv, deliverables.csv, questions.csv, status_history.csv and reviews.csv
 * into DIR with N recommendations, each with 3 deliverables, 3 questions and 4 status-history
 * entries. The shape follows data/: the same headers (with the extra columns area, priority_note and
 * due_text), due dates written as the seeds write them ("Nov. 2015", "Sept 2016"), fields of similar
 * length, commas, quoted fields with doubled quotes, embedded line breaks and some non-ASCII
 * text. Every value is valid for the loader, so a load reports no problem.
 *
 * Only libc: a fixed-seed xorshift generator makes the output byte-identical on every run.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DELIVERABLES_PER_REC 3
#define QUESTIONS_PER_REC 3
#define HISTORY_PER_REC 4
#define NREVIEWS 4

/* ---- deterministic random numbers ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* Uniform in [lo, hi]. */
static unsigned rng_range(unsigned lo, unsigned hi)
{
	return lo + (unsigned)(rng_next() % (uint64_t)(hi - lo + 1));
}

/* True with probability percent/100. */
static int rng_chance(unsigned percent)
{
	return rng_next() % 100 < percent;
}

#define PICK(arr) ((arr)[rng_next() % (sizeof(arr) / sizeof(*(arr)))])

/* ---- a growable string ---- */

struct buf {
	char *data;
	size_t len, cap;
};

static void buf_need(struct buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		fprintf(stderr, "gen: out of memory\n");
		exit(2);
	}
	b->data = p;
	b->cap = cap;
}

static void buf_add(struct buf *b, const char *s, size_t n)
{
	buf_need(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

static void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* ---- vocabulary ---- */

static const char *const words[] = {
	"ICANN",      "should",       "establish",   "security",      "stability",     "resiliency",
	"framework",  "DNS",          "root",        "zone",          "registry",      "registrar",
	"policy",     "community",    "measurable",  "objectives",    "report",        "publish",
	"annual",     "budget",       "risk",        "management",    "process",       "incident",
	"response",   "threat",       "abuse",       "mitigation",    "compliance",    "contracted",
	"parties",    "Board",        "staff",       "review",        "team",          "implementation",
	"metrics",    "transparency", "oversight",   "operations",    "continuity",    "plan",
	"the",        "the",          "the",         "of",            "of",            "and",
	"and",        "to",           "to",          "in",            "for",           "with",
	"a",          "its",          "that",        "on",            "by",            "all",
	"clear",      "consistent",   "public",      "comment",       "strategic",     "KPIs",
	"SSAC",       "RSSAC",        "IANA",        "gTLD",          "ccTLD",         "WHOIS",
	"DNSSEC",     "key",          "rollover",    "audit",         "external",      "independent",
	"ICANN’s",    "org’s",        "Sécurité",    "réseau",        "café",          "déjà",
	"FY2016–2020", "2021–2025",   "漢字",         "漢字ドメイン",   "naïve",         "résumé",
};

static const char *const topics[] = {
	"Affirmation of Purpose – ICANN’s Remit, Mission",
	"Internationalization – Terminology and Relationships",
	"Operations Excellence – Transparency",
	"Operations Excellence – Structure",
	"Operations Excellence - Objectives",
	"Risk Management, Contingency Planning and Business Continuity",
	"Security of the Root Zone – Key Management",
	"Contracts, Compliance and Abuse Mitigation",
	"Identifier Systems – Internationalised Names (漢字)",
	"Budget Transparency, Resourcing",
	"",
};

static const char *const areas[] = {
	"ICANN's SSR Remit and Limited Technical Mission",
	"ICANN's SSR-Related Roles and Responsibilities",
	"Risk Management Framework",
	"ICANN's Risk Management Process",
	"Incidence Response and Notification",
	"ICANN Engagement with Others in the Global Internet Ecosystem",
	"Sécurité opérationnelle",
	"",
	"",
};

static const char *const priority_notes[] = {
	"", "", "", "Not eligible for prioritization", "Eligible for prioritization", "N/A", "Board to decide – 2023",
};

static const char *const decisions[] = {"approved", "approved", "approved", "pending", "rejected", ""};
static const char *const statuses[] = {
	"", "", "not started", "in planning", "in progress", "in progress", "behind schedule", "complete", "complete",
};
static const char *const hist_statuses[] = {"", "not started", "in planning", "in progress", "complete"};
static const char *const priorities[] = {"", "", "P1", "P2", "P3", "P4"};
static const char *const sources[] = {
	"000_dd050d74c006ebf6.txt", "001_9b6d37399682c83d.txt", "002_958f79cc9301c3e6.txt",
	"003_27467470dded133a.txt", "004_468ec3b28ca421a3.txt",
};
static const char *const responsibles[] = {"Staff", "Staff", "Staff", "OCTO", "GDD", "Compliance", "Board"};
static const char *const briefings[] = {"CTO", "Risk Management", "Compliance", "Policy", "Comms", "GDD"};
static const char *const question_status[] = {"", "", "", "answered", "open"};
static const char *const months[] = {"Jan.", "Feb.", "March", "April", "May", "June",
				     "July", "Aug.", "Sept", "Oct.", "Nov.", "Dec."};
static const char *const title_verbs[] = {"Publish", "Review", "Document", "Establish", "Measure",
					  "Improve", "Audit", "Define", "Report on", "Coordinate"};
static const char *const milestones[] = {"Call for Volunteers", "Review Team Announced", "Draft Report",
					 "Public Comment on Draft Report", "Final Report", "Board Action",
					 "Implementation Plan – Adopted"};

/* ---- text ---- */

/* Appends one sentence: capitalised, commas here and there, sometimes a quoted phrase. */
static void add_sentence(struct buf *b)
{
	unsigned n = rng_range(8, 22);
	for (unsigned i = 0; i < n; i++) {
		const char *w = PICK(words);
		if (i > 0)
			buf_addc(b, ' ');
		if (i > 0 && i + 2 < n && rng_next() % 1000 < 6) {
			/* A quoted phrase: written to the file with its quotes doubled. */
			buf_adds(b, "the so-called \"");
			buf_adds(b, w);
			buf_adds(b, " ");
			buf_adds(b, PICK(words));
			buf_adds(b, "\"");
			continue;
		}
		if (i == 0 && w[0] >= 'a' && w[0] <= 'z') {
			buf_addc(b, (char)(w[0] - 'a' + 'A'));
			buf_adds(b, w + 1);
		} else {
			buf_adds(b, w);
		}
		if (i + 1 < n && rng_chance(9))
			buf_addc(b, ',');
	}
	buf_addc(b, '.');
}

/*
 * Appends prose of about min..max bytes. newline_pct is the chance of a line break (or a blank line)
 * between two sentences; bullets starts each paragraph with "√ " like the notes of the source reports.
 */
static void add_prose(struct buf *b, unsigned min, unsigned max, unsigned newline_pct, int bullets)
{
	size_t start = b->len;
	size_t target = rng_range(min, max);
	if (bullets)
		buf_adds(b, "\xE2\x88\x9A "); /* √ */
	while (b->len - start < target) {
		if (b->len - start > (bullets ? 4u : 0u)) {
			if (rng_chance(newline_pct)) {
				buf_adds(b, rng_chance(30) ? "\n\n" : "\n");
				if (bullets)
					buf_adds(b, rng_chance(50) ? "\xE2\x88\x9A " : "\xE2\x97\x8B "); /* √ ○ */
			} else {
				buf_addc(b, ' ');
			}
		}
		add_sentence(b);
	}
	/* The last sentence may overshoot: cut it at a space before max and end it there. */
	if (b->len - start > max) {
		size_t cut = start + max;
		while (cut > start && b->data[cut] != ' ')
			cut--;
		while (cut > start && (b->data[cut - 1] == ',' || b->data[cut - 1] == ' '))
			cut--;
		b->len = cut;
		buf_addc(b, '.');
	}
}

static void add_title(struct buf *b)
{
	buf_adds(b, PICK(title_verbs));
	unsigned n = rng_range(1, 4);
	for (unsigned i = 0; i < n; i++) {
		buf_addc(b, ' ');
		buf_adds(b, PICK(words));
	}
}

/* ---- dates ---- */

/* Civil date of a day number (days since 1970-01-01), by Howard Hinnant's algorithm. */
static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned long doe = (unsigned long)(z - era * 146097);
	unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = (long)yoe + era * 400;
	unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned long mp = (5 * doy + 2) / 153;
	unsigned long dd = doy - (153 * mp + 2) / 5 + 1;
	unsigned long mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

static void format_day(char *out, size_t size, long day)
{
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
}

/* ---- CSV output ---- */

struct out {
	FILE *f;
	const char *path;
	int first; /* no field written yet on this row */
};

static void out_open(struct out *o, const char *dir, const char *name, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", dir, name);
	o->path = path;
	o->first = 1;
	o->f = fopen(path, "w");
	if (!o->f) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	static char bufs[5][1 << 16];
	static int next_buf;
	setvbuf(o->f, bufs[next_buf++ % 5], _IOFBF, sizeof(bufs[0]));
}

static void out_close(struct out *o)
{
	if (ferror(o->f) || fclose(o->f) != 0) {
		fprintf(stderr, "gen: %s: write error\n", o->path);
		exit(1);
	}
}

/*
 * One field: quoted when it must be (comma, quote, line break) and, like some exporters do, now
 * and then when it need not be.
 */
static void field(struct out *o, const char *s)
{
	if (!o->first)
		putc(',', o->f);
	o->first = 0;
	int quote = strpbrk(s, ",\"\r\n") != NULL || (s[0] && rng_chance(4));
	if (!quote) {
		fputs(s, o->f);
		return;
	}
	putc('"', o->f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			putc('"', o->f);
		putc(*p, o->f);
	}
	putc('"', o->f);
}

static void end_row(struct out *o)
{
	putc('\n', o->f);
	o->first = 1;
}

static void header(struct out *o, const char *line)
{
	fputs(line, o->f);
	putc('\n', o->f);
}

/* ---- the data set ---- */

static void usage(void)
{
	fprintf(stderr, "usage: gen N DIR\n  writes a synthetic data set with N recommendations into DIR\n");
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc != 3)
		usage();
	char *end;
	errno = 0;
	unsigned long n = strtoul(argv[1], &end, 10);
	if (errno || *end || end == argv[1] || n == 0 || n > 10000000)
		usage();
	const char *dir = argv[2];
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: %s: %s\n", dir, strerror(errno));
		return 1;
	}

	char p_rec[4096], p_del[4096], p_q[4096], p_hist[4096], p_rev[4096];
	struct out rec, del, q, hist, rev;
	out_open(&rec, dir, "recommendations.csv", p_rec, sizeof(p_rec));
	out_open(&del, dir, "deliverables.csv", p_del, sizeof(p_del));
	out_open(&q, dir, "questions.csv", p_q, sizeof(p_q));
	out_open(&hist, dir, "status_history.csv", p_hist, sizeof(p_hist));
	out_open(&rev, dir, "reviews.csv", p_rev, sizeof(p_rev));
	header(&rec, "id,review,number,topic,title,text,decision,status,priority,source,area,priority_note");
	header(&del, "rec_id,description,responsible,due,status,source,due_text");
	header(&q, "rec_id,qid,briefing,asked,question,answer,status,source");
	header(&hist, "rec_id,date,decision,status,source,note");
	header(&rev, "review,date,kind,name,description,source");

	struct buf text = {0}, tmp = {0};
	char id[64], review[16], number[32], small[128];

	/* A few reviews, each with a run of milestones. */
	for (int r = 1; r <= NREVIEWS; r++) {
		long day = 15000 + (long)r * 900;
		for (size_t k = 0; k < sizeof(milestones) / sizeof(*milestones); k++) {
			snprintf(review, sizeof(review), "SSR%d", r);
			field(&rev, review);
			day += rng_range(20, 200);
			format_day(small, sizeof(small), day);
			field(&rev, small);
			field(&rev, rng_chance(70) ? "milestone" : "workstream");
			field(&rev, milestones[k]);
			buf_reset(&text);
			add_prose(&text, 40, 300, 10, 0);
			field(&rev, text.data);
			field(&rev, PICK(sources));
			end_row(&rev);
		}
	}

	/* Recommendations are numbered <a>.<b> within their review: 12 per section. */
	for (unsigned long i = 0; i < n; i++) {
		unsigned long r = i * NREVIEWS / n + 1;
		unsigned long first = ((r - 1) * n + NREVIEWS - 1) / NREVIEWS; /* first index of review r */
		unsigned long j = i - first;
		snprintf(review, sizeof(review), "SSR%lu", r);
		snprintf(number, sizeof(number), "%lu.%lu", j / 12 + 1, j % 12 + 1);
		snprintf(id, sizeof(id), "%s-%s", review, number);

		field(&rec, id);
		field(&rec, review);
		field(&rec, number);
		field(&rec, PICK(topics));
		buf_reset(&text);
		add_title(&text);
		field(&rec, text.data);
		buf_reset(&text);
		add_prose(&text, 200, 600, 8, 0);
		field(&rec, text.data);
		field(&rec, PICK(decisions));
		field(&rec, PICK(statuses));
		field(&rec, PICK(priorities));
		buf_reset(&tmp);
		buf_adds(&tmp, PICK(sources));
		if (rng_chance(50)) {
			buf_adds(&tmp, "; ");
			buf_adds(&tmp, PICK(sources));
		}
		field(&rec, tmp.data);
		field(&rec, PICK(areas));
		field(&rec, PICK(priority_notes));
		end_row(&rec);

		for (int k = 0; k < DELIVERABLES_PER_REC; k++) {
			field(&del, id);
			buf_reset(&text);
			if (rng_chance(15))
				buf_adds(&text, "(Phase I) ");
			add_prose(&text, 20, 150, 3, 0);
			field(&del, text.data);
			field(&del, PICK(responsibles));
			unsigned y = rng_range(2014, 2024), m = rng_range(1, 12);
			int has_due = rng_chance(40);
			/* Written as the seeds write due dates: "Nov. 2015", "Sept 2016", "March 2016". */
			if (has_due)
				snprintf(small, sizeof(small), "%s %u", months[m - 1], y);
			field(&del, has_due ? small : "");
			field(&del, rng_chance(60) ? "complete" : rng_chance(50) ? "in progress" : "");
			field(&del, PICK(sources));
			if (has_due && rng_chance(50))
				snprintf(small, sizeof(small), "Target %s %u", months[m - 1], y);
			else
				small[0] = '\0';
			field(&del, has_due ? small : "");
			end_row(&del);
		}

		for (int k = 0; k < QUESTIONS_PER_REC; k++) {
			field(&q, id);
			snprintf(small, sizeof(small), "%s.%d", number, k + 1);
			field(&q, small);
			field(&q, PICK(briefings));
			snprintf(small, sizeof(small), "%s Review Team Plenary Call #%u", review, rng_range(1, 120));
			field(&q, small);
			buf_reset(&text);
			add_prose(&text, 40, 220, 5, 0);
			text.data[text.len - 1] = '?';
			field(&q, text.data);
			buf_reset(&text);
			if (rng_chance(25))
				add_prose(&text, 30, 200, 10, 0);
			field(&q, text.data);
			field(&q, PICK(question_status));
			field(&q, PICK(sources));
			end_row(&q);
		}

		/* History: strictly increasing dates from a start between 2013 and 2019. */
		long day = 15700 + (long)rng_range(0, 2200);
		for (int k = 0; k < HISTORY_PER_REC; k++) {
			field(&hist, id);
			day += rng_range(1, 400);
			format_day(small, sizeof(small), day);
			field(&hist, small);
			field(&hist, k == 0 ? PICK(decisions) : rng_chance(20) ? PICK(decisions) : "");
			field(&hist, PICK(hist_statuses));
			field(&hist, PICK(sources));
			buf_reset(&text);
			if (rng_chance(85))
				add_prose(&text, 10, 180, 25, rng_chance(40));
			field(&hist, text.data);
			end_row(&hist);
		}
	}

	free(text.data);
	free(tmp.data);
	out_close(&rec);
	out_close(&del);
	out_close(&q);
	out_close(&hist);
	out_close(&rev);
	return 0;
}
