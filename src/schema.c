/* schema.c - the data contract: files, known columns and the header names accepted for them. */
#include "recview/schema.h"

#include <string.h>

#include "recview/utf8.h"

/* Aliases are normalised: lower case, '_' and '-' read as spaces. ICANN's own tables use "Rec #",
 * "Implementation Status" and "Description". */
static const struct rv_field_def rec_fields[REC_NFIELDS] = {
	[REC_ID] = {"id", RV_ROLE_ID, {"rec #", "rec", "rec id", "recommendation", "recommendation id", "recommendation #",
			   "rec no", "rec no."}, true},
	[REC_REVIEW] = {"review", RV_ROLE_REVIEW, {"review team", "review name"}, false},
	[REC_NUMBER] = {"number", RV_ROLE_NUMBER, {"num", "no", "no.", "#", "rec number", "recommendation number"}, false},
	[REC_TOPIC] = {"topic", RV_ROLE_TOPIC, {"category", "theme", "subject"}, false},
	[REC_TITLE] = {"title", RV_ROLE_TITLE, {"short title", "name", "summary", "heading"}, false},
	[REC_TEXT] = {"text", RV_ROLE_TEXT, {"description", "recommendation text", "full text", "body"}, false},
	[REC_DECISION] = {"decision", RV_ROLE_DECISION, {"board decision", "board action", "board status", "action"}, false},
	[REC_STATUS] = {"status", RV_ROLE_STATUS, {"implementation status", "implementation stage", "stage", "state"}, false},
	[REC_PRIORITY] = {"priority", RV_ROLE_PRIORITY, {"priority level", "prio"}, false},
	[REC_SOURCE] = {"source", RV_ROLE_SOURCE, {"sources", "reference", "references"}, false},
	[REC_OWNER] = {"owner", RV_ROLE_OWNER, {"responsible", "assignee", "assigned to", "action owner", "lead"}, false},
	/* How the work stands, in words (a tracker's status narrative), and where each text comes from:
	 * "FILE:LINE" or "FILE:FIRST-LAST" in the source's lines. */
	[REC_PROJECT_STATUS] = {"project status", RV_ROLE_NARRATIVE, {"status narrative", "narrative", "status report",
								     "status update"}, false},
	[REC_PROJECT_STATUS_SOURCE] = {"project status source", RV_ROLE_SOURCE, {"narrative source"}, false},
	[REC_TEXT_SOURCE] = {"text source", RV_ROLE_SOURCE, {"source of text"}, false},
	/* Another source's wording of the text, kept beside it where the two differ. */
	[REC_OTHER_TEXT] = {"other text", RV_ROLE_TEXT, {"alternative text", "second text"}, false},
	[REC_OTHER_TEXT_SOURCE] = {"other text source", RV_ROLE_SOURCE, {"source of other text"}, false},
};

static const struct rv_field_def deliverable_fields[DEL_NFIELDS] = {
	[DEL_REC_ID] = {"rec id", RV_ROLE_REC_LINK, {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[DEL_DESCRIPTION] = {"description", RV_ROLE_TEXT, {"deliverable", "text", "title", "name"}, false},
	[DEL_RESPONSIBLE] = {"responsible", RV_ROLE_RESPONSIBLE, {"owner", "assignee", "responsible party"}, false},
	[DEL_DUE] = {"due", RV_ROLE_DATE, {"due date", "deadline", "target date"}, false},
	[DEL_STATUS] = {"status", RV_ROLE_STATUS, {"implementation status", "state"}, false},
	[DEL_SOURCE] = {"source", RV_ROLE_SOURCE, {"sources", "reference"}, false},
	/* The due cell as the source wrote it ("Sept 2016"), where due holds it as an ISO month. */
	[DEL_DUE_TEXT] = {"due text", RV_ROLE_DATE_TEXT, {"due as written", "due date as written", "due date text"}, false},
};

static const struct rv_field_def question_fields[Q_NFIELDS] = {
	[Q_REC_ID] = {"rec id", RV_ROLE_REC_LINK, {"rec", "rec #", "recommendation", "recommendation id"}, true},
	[Q_QID] = {"qid", RV_ROLE_ID, {"question id", "question #", "q #", "q", "id", "number"}, false},
	[Q_BRIEFING] = {"briefing", RV_ROLE_GROUP, {"briefing group", "group"}, false},
	[Q_ASKED] = {"asked", RV_ROLE_PLACE, {"asked at", "asked on", "when", "where"}, false},
	[Q_QUESTION] = {"question", RV_ROLE_TEXT, {"text", "question text"}, false},
	[Q_ANSWER] = {"answer", RV_ROLE_ANSWER, {"response", "reply"}, false},
	[Q_STATUS] = {"status", RV_ROLE_STATE, {"state"}, false},
	[Q_SOURCE] = {"source", RV_ROLE_SOURCE, {"sources", "reference"}, false},
	/* When and by whom it was answered, as the file says (read only: recview records its own answers in
	 * changes.csv, items.h). */
	[Q_ANSWERED] = {"answered", RV_ROLE_TIME, {"answered on", "answered at", "answer date", "date answered",
						   "response date", "replied on"}, false},
	[Q_ANSWERED_BY] = {"answered by", RV_ROLE_AUTHOR, {"answerer", "responder", "respondent", "response by",
							   "replied by"}, false},
};

static const struct rv_field_def history_fields[HIST_NFIELDS] = {
	[HIST_REC_ID] = {"rec id", RV_ROLE_REC_LINK, {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[HIST_DATE] = {"date", RV_ROLE_DATE, {"as of", "changed", "date changed"}, true},
	[HIST_DECISION] = {"decision", RV_ROLE_DECISION, {"board decision", "board action"}, false},
	[HIST_STATUS] = {"status", RV_ROLE_STATUS, {"implementation status", "state"}, false},
	[HIST_SOURCE] = {"source", RV_ROLE_SOURCE, {"sources", "reference"}, false},
	[HIST_NOTE] = {"note", RV_ROLE_TEXT, {"notes", "comment", "comments", "implementation notes"}, false},
};

static const struct rv_field_def review_fields[REV_NFIELDS] = {
	[REV_REVIEW] = {"review", RV_ROLE_REVIEW, {"review team"}, true},
	[REV_DATE] = {"date", RV_ROLE_DATE, {"start date"}, false},
	[REV_KIND] = {"kind", RV_ROLE_CATEGORY, {"type"}, false},
	[REV_NAME] = {"name", RV_ROLE_TITLE, {"activity", "title"}, false},
	[REV_DESCRIPTION] = {"description", RV_ROLE_TEXT, {"text", "scope"}, false},
	[REV_SOURCE] = {"source", RV_ROLE_SOURCE, {"sources", "reference"}, false},
};

static const struct rv_field_def note_fields[NOTE_NFIELDS] = {
	[NOTE_REC_ID] = {"rec id", RV_ROLE_REC_LINK, {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[NOTE_TIME] = {"time", RV_ROLE_TIME, {"date", "when", "written"}, false},
	[NOTE_AUTHOR] = {"author", RV_ROLE_AUTHOR, {"by", "who", "user"}, false},
	[NOTE_TEXT] = {"note", RV_ROLE_TEXT, {"text", "notes", "comment"}, false},
};

static const struct rv_field_def agenda_fields[AGENDA_NFIELDS] = {
	[AGENDA_REC_ID] = {"rec id", RV_ROLE_REC_LINK, {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[AGENDA_ADDED] = {"added", RV_ROLE_TIME, {"date", "time"}, false},
	[AGENDA_AUTHOR] = {"author", RV_ROLE_AUTHOR, {"by", "who"}, false},
	/* The item's budget in the meeting, whole minutes; a file written before it had none. */
	[AGENDA_MINUTES] = {"minutes", RV_ROLE_MINUTES, {"budget", "mins"}, false},
};

/* recview's own log of field changes (triage.h): one row per change, never rewritten. */
static const struct rv_field_def change_fields[CHG_NFIELDS] = {
	[CHG_REC_ID] = {"rec id", RV_ROLE_REC_LINK, {"rec", "recommendation", "id"}, true},
	[CHG_ITEM] = {"item", RV_ROLE_ITEM, {"entity"}, false},
	[CHG_FIELD] = {"field", RV_ROLE_FIELD, {"column"}, true},
	[CHG_VALUE] = {"value", RV_ROLE_VALUE, {"new", "new value", "to"}, false},
	[CHG_PREVIOUS] = {"previous", RV_ROLE_PREVIOUS, {"old", "old value", "from"}, false},
	[CHG_TIME] = {"time", RV_ROLE_TIME, {"date", "when"}, false},
	[CHG_AUTHOR] = {"author", RV_ROLE_AUTHOR, {"by", "who"}, false},
	[CHG_NOTE] = {"note", RV_ROLE_TEXT, {"reason", "comment"}, false},
};

static const struct rv_kind_def kinds[RV_KIND_COUNT] = {
	[RV_RECS] = {"recommendations.csv", "recommendations", true, REC_NFIELDS, rec_fields, false},
	[RV_DELIVERABLES] = {"deliverables.csv", "deliverables", false, DEL_NFIELDS, deliverable_fields, false},
	[RV_QUESTIONS] = {"questions.csv", "questions", false, Q_NFIELDS, question_fields, false},
	[RV_HISTORY] = {"status_history.csv", "status history", false, HIST_NFIELDS, history_fields, true},
	[RV_REVIEWS] = {"reviews.csv", "reviews", false, REV_NFIELDS, review_fields, false},
	[RV_NOTES] = {"notes.csv", "notes", false, NOTE_NFIELDS, note_fields, false},
	[RV_AGENDA] = {"agenda.csv", "agenda", false, AGENDA_NFIELDS, agenda_fields, false},
	[RV_CHANGES] = {"changes.csv", "changes", false, CHG_NFIELDS, change_fields, false},
};

const struct rv_kind_def *rv_kind_def(enum rv_kind kind)
{
	return &kinds[kind];
}

int rv_field_of_role(enum rv_kind kind, enum rv_role role)
{
	/* Asked for every row the model reads: a table of the first field of each role, built once. */
	static signed char first[RV_KIND_COUNT][RV_ROLE_COUNT];
	static bool built;
	if (!built) {
		for (int k = 0; k < RV_KIND_COUNT; k++) {
			for (int r = 0; r < RV_ROLE_COUNT; r++)
				first[k][r] = -1;
			for (int f = kinds[k].nfields - 1; f >= 0; f--)
				first[k][kinds[k].fields[f].role] = (signed char)f;
			first[k][RV_ROLE_NONE] = -1;
		}
		built = true;
	}
	if ((unsigned)kind >= RV_KIND_COUNT || (unsigned)role >= RV_ROLE_COUNT)
		return -1;
	return first[kind][role];
}

/* ---- header names: a hash of every accepted name per kind, built on first use ---- */

#define NAME_SLOTS 512 /* power of two, well above the 22 names (exact and loose) of 10 fields */

struct name_slot {
	const char *name; /* normalised, or NULL */
	int field;
};

static struct name_slot name_hash[RV_KIND_COUNT][NAME_SLOTS];
static char canonical[RV_KIND_COUNT][RV_MAX_FIELDS][64];
static bool name_hash_built[RV_KIND_COUNT];
size_t rv_schema_bytes_read, rv_schema_name_probes;

static size_t name_hash_of(const char *s)
{
	size_t h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h & (NAME_SLOTS - 1);
}

/* The first field to claim a name keeps it, as when the fields were tried in contract order. */
static void name_insert(enum rv_kind kind, const char *name, int field)
{
	size_t slot = name_hash_of(name);
	for (; name_hash[kind][slot].name; slot = (slot + 1) & (NAME_SLOTS - 1))
		if (strcmp(name_hash[kind][slot].name, name) == 0)
			return;
	name_hash[kind][slot].name = name;
	name_hash[kind][slot].field = field;
}

/*
 * A normalised name without its punctuation: "rec. no." reads "rec no", "rec #" reads "rec". Header
 * names are matched as written first, then so (the loose names of the aliases are in the hash too).
 */
static size_t loosen(const char *norm, char *out, size_t size)
{
	size_t n = 0;
	bool space = false;
	for (const char *p = norm; *p && n + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;
		bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!keep) {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < size)
			out[n++] = ' ';
		space = false;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n;
}

#define LOOSE_NAMES 160
static char loose_names[RV_KIND_COUNT][LOOSE_NAMES][64];

static void build_name_hash(enum rv_kind kind)
{
	const struct rv_kind_def *def = &kinds[kind];
	size_t nloose = 0;
	for (int f = 0; f < def->nfields; f++) {
		const char *name = def->fields[f].name;
		rv_normalize_name(name, strlen(name), canonical[kind][f], sizeof(canonical[kind][f]));
		name_insert(kind, canonical[kind][f], f);
		for (int a = 0; a < 10 && def->fields[f].aliases[a]; a++)
			name_insert(kind, def->fields[f].aliases[a], f);
	}
	/* Then the loose forms, after every exact one: an exact name always wins. */
	for (int f = 0; f < def->nfields; f++) {
		const char *names[11] = {canonical[kind][f]};
		for (int a = 0; a < 10 && def->fields[f].aliases[a]; a++)
			names[a + 1] = def->fields[f].aliases[a];
		for (int a = 0; a < 11 && names[a] && nloose < LOOSE_NAMES; a++)
			if (loosen(names[a], loose_names[kind][nloose], sizeof(loose_names[0][0])))
				name_insert(kind, loose_names[kind][nloose++], f);
	}
	name_hash_built[kind] = true;
}

static int lookup_name(enum rv_kind kind, const char *norm)
{
	for (size_t slot = name_hash_of(norm); name_hash[kind][slot].name; slot = (slot + 1) & (NAME_SLOTS - 1)) {
		rv_schema_name_probes++;
		if (strcmp(name_hash[kind][slot].name, norm) == 0)
			return name_hash[kind][slot].field;
	}
	return -1;
}

int rv_field_by_name(enum rv_kind kind, const char *norm)
{
	if (!name_hash_built[kind])
		build_name_hash(kind);
	int f = lookup_name(kind, norm);
	if (f >= 0)
		return f;
	char loose[128];
	return loosen(norm, loose, sizeof(loose)) ? lookup_name(kind, loose) : -1;
}

/* ---- positions in one pass ---- */

void rv_pos_cursor_init(struct rv_pos_cursor *pc, const struct csv_table *t)
{
	pc->t = t;
	pc->off = pc->line_start = t->bom ? 3 : 0;
	pc->line = 1;
	pc->chars = 0;
}

void rv_pos_cursor_at(struct rv_pos_cursor *pc, uint32_t off, uint32_t *line, uint32_t *col)
{
	const char *buf = pc->t->buf;
	size_t size = pc->t->size, to = off < size ? off : size;
	size_t seg = pc->off;
	for (size_t i = pc->off; i < to; i++) {
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= size || buf[i + 1] != '\n'))) {
			pc->line++;
			pc->line_start = seg = i + 1;
			pc->chars = 0;
		}
	}
	/* Offsets asked for start fields, after an ASCII delimiter: counts of the pieces add up. */
	if (to > seg)
		pc->chars += (uint32_t)utf8_count_chars(buf + seg, to - seg);
	if (to > pc->off) {
		rv_schema_bytes_read += to - pc->off;
		pc->off = to;
	}
	*line = pc->line;
	*col = pc->chars + 1;
}
