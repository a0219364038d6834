/* keys.c - the default key table (less/vi keys and arrows) and key names. */
#include "recview/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)
#define CH(c) {(c), false}
#define FN(c) {(c), true}

static const struct keybinding default_keys[] = {
	{CH('j'), REQ_MOVE_DOWN},        {FN(KEY_DOWN), REQ_MOVE_DOWN},   {CH(CTRL('n')), REQ_MOVE_DOWN},
	{CH('k'), REQ_MOVE_UP},          {FN(KEY_UP), REQ_MOVE_UP},       {CH(CTRL('p')), REQ_MOVE_UP},
	{FN(KEY_NPAGE), REQ_PAGE_DOWN},  {CH(CTRL('f')), REQ_PAGE_DOWN},  {CH(' '), REQ_PAGE_DOWN},
	{FN(KEY_PPAGE), REQ_PAGE_UP},    {CH(CTRL('b')), REQ_PAGE_UP},    {CH('-'), REQ_PAGE_UP},
	{CH(CTRL('d')), REQ_HALF_DOWN},  {CH(CTRL('u')), REQ_HALF_UP},
	{CH('g'), REQ_MOVE_FIRST},       {FN(KEY_HOME), REQ_MOVE_FIRST},
	{CH('G'), REQ_MOVE_LAST},        {FN(KEY_END), REQ_MOVE_LAST},
	{CH('\t'), REQ_NEXT_LINK},       {FN(KEY_BTAB), REQ_PREV_LINK},
	{CH('\r'), REQ_ENTER},           {CH('\n'), REQ_ENTER},           {FN(KEY_ENTER), REQ_ENTER},
	{CH('l'), REQ_ENTER},            {FN(KEY_RIGHT), REQ_ENTER},
	{FN(KEY_BACKSPACE), REQ_BACK},   {CH(0x7f), REQ_BACK},            {CH(CTRL('h')), REQ_BACK},
	{CH('h'), REQ_BACK},             {FN(KEY_LEFT), REQ_BACK},
	{CH('L'), REQ_FORWARD},          {CH(']'), REQ_FORWARD},
	{CH('H'), REQ_BACK},             {CH('['), REQ_BACK},
	{CH('q'), REQ_QUIT_VIEW},        {CH('Q'), REQ_QUIT},
	{CH('r'), REQ_VIEW_RECS},        {CH('d'), REQ_VIEW_DELIVERABLES},
	{CH('a'), REQ_VIEW_QUESTIONS},   {CH('t'), REQ_VIEW_HISTORY},
	{CH('!'), REQ_VIEW_PROBLEMS},    {CH('?'), REQ_VIEW_HELP},        {FN(KEY_F(1)), REQ_VIEW_HELP},
	{CH('/'), REQ_SEARCH},           {CH('n'), REQ_SEARCH_NEXT},      {CH('N'), REQ_SEARCH_PREV},
	{CH('R'), REQ_SEARCH_RESULTS},   {CH('f'), REQ_FILTER},           {CH('F'), REQ_FILTER_CLEAR},
	{CH('s'), REQ_SORT},             {CH('S'), REQ_SORT_REVERSE},     {CH(':'), REQ_JUMP},
	{CH('c'), REQ_CHANGE_STATUS},    {CH('C'), REQ_CHANGE_DECISION},  {CH('p'), REQ_CHANGE_PRIORITY},
	{CH('i'), REQ_ADD_NOTE},         {CH('m'), REQ_AGENDA_TOGGLE},    {CH('K'), REQ_AGENDA_UP},
	{CH('J'), REQ_AGENDA_DOWN},      {CH('A'), REQ_VIEW_AGENDA},      {CH('u'), REQ_UNDO},
	{CH(CTRL('r')), REQ_REDO},       {CH('w'), REQ_VIEW_CHANGES},     {CH('W'), REQ_SAVE},
	{CH('x'), REQ_EXPORT},           {CH('P'), REQ_PRESENT},
	{CH(CTRL('l')), REQ_REDRAW},
};

#define NKEYS (sizeof(default_keys) / sizeof(*default_keys))

enum request keys_lookup(struct key key)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (default_keys[i].key.code == key.code && default_keys[i].key.is_fn == key.is_fn)
			return default_keys[i].req;
	return REQ_NONE;
}

const char *keys_name(struct key key, char *buf, size_t size)
{
	static const struct {
		int code;
		const char *name;
	} fn_names[] = {
		{KEY_DOWN, "Down"}, {KEY_UP, "Up"},       {KEY_LEFT, "Left"},   {KEY_RIGHT, "Right"},
		{KEY_NPAGE, "PgDn"}, {KEY_PPAGE, "PgUp"}, {KEY_HOME, "Home"},   {KEY_END, "End"},
		{KEY_BTAB, "S-Tab"}, {KEY_ENTER, "Enter"}, {KEY_BACKSPACE, "Backspace"}, {KEY_F(1), "F1"},
	};
	if (key.is_fn) {
		for (size_t i = 0; i < sizeof(fn_names) / sizeof(*fn_names); i++)
			if (fn_names[i].code == key.code) {
				snprintf(buf, size, "%s", fn_names[i].name);
				return buf;
			}
		snprintf(buf, size, "key-%d", key.code);
	} else if (key.code == '\r' || key.code == '\n') {
		snprintf(buf, size, "%s", key.code == '\r' ? "Enter" : "C-j");
	} else if (key.code == '\t') {
		snprintf(buf, size, "Tab");
	} else if (key.code == ' ') {
		snprintf(buf, size, "Space");
	} else if (key.code == 0x7f) {
		snprintf(buf, size, "DEL");
	} else if (key.code < 0x20) {
		snprintf(buf, size, "C-%c", key.code + 'a' - 1);
	} else {
		snprintf(buf, size, "%lc", (wint_t)key.code);
	}
	return buf;
}

const char *keys_for_request(enum request req, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < NKEYS; i++) {
		if (default_keys[i].req != req)
			continue;
		char name[32];
		keys_name(default_keys[i].key, name, sizeof(name));
		/* C-j is the same key as Enter on most terminals; listing both only confuses. */
		if (strcmp(name, "C-j") == 0 || strcmp(name, "DEL") == 0)
			continue;
		int n = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
	return buf;
}

#define REQUEST_HELP(name, help) help,
#define REQUEST_NAME(name, help) #name,
static const char *const request_helps[] = {"", REQUEST_TABLE(REQUEST_HELP)};
static const char *const request_names[] = {"NONE", REQUEST_TABLE(REQUEST_NAME)};

const char *request_help(enum request req)
{
	return (unsigned)req < REQ_COUNT ? request_helps[req] : "";
}

const char *request_name(enum request req)
{
	return (unsigned)req < REQ_COUNT ? request_names[req] : "NONE";
}
