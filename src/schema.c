/* schema.c - the data contract: files, known columns and the header names accepted for them. */
#include "recview/model.h"

/* Aliases are normalised: lower case, '_' and '-' read as spaces. ICANN's own tables use "Rec #",
 * "Implementation Status" and "Description". */
static const struct rv_field_def rec_fields[REC_NFIELDS] = {
	[REC_ID] = {"id", {"rec #", "rec", "rec id", "recommendation", "recommendation id", "recommendation #",
			   "rec no", "rec no."}, true},
	[REC_REVIEW] = {"review", {"review team", "review name"}, false},
	[REC_NUMBER] = {"number", {"num", "no", "no.", "#", "rec number", "recommendation number"}, false},
	[REC_TOPIC] = {"topic", {"category", "theme", "subject"}, false},
	[REC_TITLE] = {"title", {"short title", "name", "summary", "heading"}, false},
	[REC_TEXT] = {"text", {"description", "recommendation text", "full text", "body"}, false},
	[REC_DECISION] = {"decision", {"board decision", "board action", "board status", "action"}, false},
	[REC_STATUS] = {"status", {"implementation status", "implementation stage", "stage", "state"}, false},
	[REC_PRIORITY] = {"priority", {"priority level", "prio"}, false},
	[REC_SOURCE] = {"source", {"sources", "reference", "references"}, false},
};

static const struct rv_field_def deliverable_fields[DEL_NFIELDS] = {
	[DEL_REC_ID] = {"rec id", {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[DEL_DESCRIPTION] = {"description", {"deliverable", "text", "title", "name"}, false},
	[DEL_RESPONSIBLE] = {"responsible", {"owner", "assignee", "responsible party"}, false},
	[DEL_DUE] = {"due", {"due date", "deadline", "target date"}, false},
	[DEL_STATUS] = {"status", {"implementation status", "state"}, false},
	[DEL_SOURCE] = {"source", {"sources", "reference"}, false},
};

static const struct rv_field_def question_fields[Q_NFIELDS] = {
	[Q_REC_ID] = {"rec id", {"rec", "rec #", "recommendation", "recommendation id"}, true},
	[Q_QID] = {"qid", {"question id", "question #", "q #", "q", "id", "number"}, false},
	[Q_BRIEFING] = {"briefing", {"briefing group", "group"}, false},
	[Q_ASKED] = {"asked", {"asked at", "asked on", "when", "where"}, false},
	[Q_QUESTION] = {"question", {"text", "question text"}, false},
	[Q_ANSWER] = {"answer", {"response", "reply"}, false},
	[Q_STATUS] = {"status", {"state"}, false},
	[Q_SOURCE] = {"source", {"sources", "reference"}, false},
};

static const struct rv_field_def history_fields[HIST_NFIELDS] = {
	[HIST_REC_ID] = {"rec id", {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[HIST_DATE] = {"date", {"as of", "changed", "date changed"}, true},
	[HIST_DECISION] = {"decision", {"board decision", "board action"}, false},
	[HIST_STATUS] = {"status", {"implementation status", "state"}, false},
	[HIST_SOURCE] = {"source", {"sources", "reference"}, false},
	[HIST_NOTE] = {"note", {"notes", "comment", "comments", "implementation notes"}, false},
};

static const struct rv_field_def review_fields[REV_NFIELDS] = {
	[REV_REVIEW] = {"review", {"review team"}, true},
	[REV_DATE] = {"date", {"start date"}, false},
	[REV_KIND] = {"kind", {"type"}, false},
	[REV_NAME] = {"name", {"activity", "title"}, false},
	[REV_DESCRIPTION] = {"description", {"text", "scope"}, false},
	[REV_SOURCE] = {"source", {"sources", "reference"}, false},
};

static const struct rv_field_def note_fields[NOTE_NFIELDS] = {
	[NOTE_REC_ID] = {"rec id", {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[NOTE_TIME] = {"time", {"date", "when", "written"}, false},
	[NOTE_AUTHOR] = {"author", {"by", "who", "user"}, false},
	[NOTE_TEXT] = {"note", {"text", "notes", "comment"}, false},
};

static const struct rv_field_def agenda_fields[AGENDA_NFIELDS] = {
	[AGENDA_REC_ID] = {"rec id", {"rec", "rec #", "recommendation", "recommendation id", "id"}, true},
	[AGENDA_ADDED] = {"added", {"date", "time"}, false},
	[AGENDA_AUTHOR] = {"author", {"by", "who"}, false},
};

static const struct rv_kind_def kinds[RV_KIND_COUNT] = {
	[RV_RECS] = {"recommendations.csv", "recommendations", true, REC_NFIELDS, rec_fields},
	[RV_DELIVERABLES] = {"deliverables.csv", "deliverables", false, DEL_NFIELDS, deliverable_fields},
	[RV_QUESTIONS] = {"questions.csv", "questions", false, Q_NFIELDS, question_fields},
	[RV_HISTORY] = {"status_history.csv", "status history", false, HIST_NFIELDS, history_fields},
	[RV_REVIEWS] = {"reviews.csv", "reviews", false, REV_NFIELDS, review_fields},
	[RV_NOTES] = {"notes.csv", "notes", false, NOTE_NFIELDS, note_fields},
	[RV_AGENDA] = {"agenda.csv", "agenda", false, AGENDA_NFIELDS, agenda_fields},
};

const struct rv_kind_def *rv_kind_def(enum rv_kind kind)
{
	return &kinds[kind];
}
