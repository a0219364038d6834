/* keys.c - the default key table (less/vi keys and arrows) and key names. */
#include "recview/keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

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
	{CH('h'), REQ_BACK},             {FN(KEY_BACKSPACE), REQ_BACK},   {CH(0x7f), REQ_BACK},
	{CH(CTRL('h')), REQ_BACK},       {FN(KEY_LEFT), REQ_BACK},
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
	{CH('#'), REQ_AGENDA_MINUTES},
	{CH(CTRL('r')), REQ_REDO},       {CH('w'), REQ_VIEW_CHANGES},     {CH('W'), REQ_SAVE},
	{CH('x'), REQ_EXPORT},           {CH('P'), REQ_PRESENT},          {CH('Z'), REQ_WRITE_MINUTES},          {CH('D'), REQ_DASHBOARD},
	{CH('v'), REQ_VIEW_REVIEW},      {CH('@'), REQ_AS_OF},            {CH('&'), REQ_AS_OF_LATER},            {CH('M'), REQ_VIEW_CONFLICTS},
	{CH('o'), REQ_SET_OWNER},        {CH('e'), REQ_ITEM_STATUS},      {CH('E'), REQ_SET_DUE},
	{CH('I'), REQ_ANSWER},
	{CH('T'), REQ_TAG},              {CH('V'), REQ_TAG_RANGE},        {CH('*'), REQ_TAG_ALL},
	{CH(CTRL('t')), REQ_TAG_MATCHING}, {CH(CTRL('k')), REQ_UNTAG_MATCHING}, {CH(';'), REQ_TAG_PREFIX},
	{CH('O'), REQ_VIEW_OTHERS},
	{CH('X'), REQ_RETRACT_NOTE},       {CH('B'), REQ_VIEW_LOG},
	{CH('y'), REQ_COPY},               {CH('U'), REQ_OPEN_URL},
	{CH(CTRL('l')), REQ_REDRAW},
	{CH('|'), REQ_SPLIT_TOGGLE},     {CH(CTRL('w')), REQ_SPLIT_FOCUS},
	{CH('{'), REQ_SPLIT_NARROWER},   {CH('}'), REQ_SPLIT_WIDER},
	{CH('b'), REQ_MARK_SET},         {CH('\''), REQ_MARK_GOTO},
	{CH(CTRL('o')), REQ_JUMP_OLDER}, {CH(CTRL('e')), REQ_JUMP_NEWER},
	{CH('_'), REQ_COLUMNS},          {CH('>'), REQ_SCROLL_RIGHT},     {CH('<'), REQ_SCROLL_LEFT},
};

#define NKEYS (sizeof(default_keys) / sizeof(*default_keys))

#define MAX_BINDINGS 64
static struct keybinding user_keys[MAX_BINDINGS];
static size_t nuser_keys;

/* "move-down" names REQ_MOVE_DOWN. */
static enum request request_by_name(const char *name)
{
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const char *n = request_name((enum request)r);
		size_t i = 0;
		for (; n[i] && name[i]; i++) {
			char want = n[i] == '_' ? '-' : (char)(n[i] - 'A' + 'a');
			if (n[i] >= '0' && n[i] <= '9')
				want = n[i];
			if (name[i] != want)
				break;
		}
		if (!n[i] && !name[i])
			return (enum request)r;
	}
	return REQ_NONE;
}

const char *keys_request_config_name(enum request req, char *buf, size_t size)
{
	const char *n = request_name(req);
	size_t i = 0;
	for (; n[i] && i + 1 < size; i++)
		buf[i] = n[i] == '_' ? '-' : (n[i] >= 'A' && n[i] <= 'Z') ? (char)(n[i] - 'A' + 'a') : n[i];
	buf[i] = '\0';
	return buf;
}

bool keys_request_exists(const char *name)
{
	return request_by_name(name) != REQ_NONE;
}

static bool parse_key(const char *s, struct key *key)
{
	static const struct {
		const char *name;
		int code;
		bool fn;
	} names[] = {
		{"Enter", '\r', false},     {"Tab", '\t', false},        {"Space", ' ', false},
		{"Backspace", KEY_BACKSPACE, true}, {"Up", KEY_UP, true},  {"Down", KEY_DOWN, true},
		{"Left", KEY_LEFT, true},   {"Right", KEY_RIGHT, true},  {"PgUp", KEY_PPAGE, true},
		{"PgDn", KEY_NPAGE, true},  {"Home", KEY_HOME, true},    {"End", KEY_END, true},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(s, names[i].name) == 0) {
			key->code = names[i].code;
			key->is_fn = names[i].fn;
			return true;
		}
	if (s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z' && !s[3]) {
		key->code = s[2] & 0x1f;
		key->is_fn = false;
		return true;
	}
	if (s[0] == 'F' && s[1] >= '1' && s[1] <= '9') {
		int n = atoi(s + 1);
		if (n >= 1 && n <= 12) {
			key->code = KEY_F(n);
			key->is_fn = true;
			return true;
		}
	}
	wchar_t wc;
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	size_t len = strlen(s);
	size_t used = mbrtowc(&wc, s, len, &st);
	if (used == len && used > 0 && wc >= 0x20) {
		key->code = (int)wc;
		key->is_fn = false;
		return true;
	}
	return false;
}

bool keys_bind(const char *key, const char *request)
{
	struct key k;
	enum request req = request_by_name(request);
	if (req == REQ_NONE || !parse_key(key, &k))
		return false;
	for (size_t i = 0; i < nuser_keys; i++)
		if (user_keys[i].key.code == k.code && user_keys[i].key.is_fn == k.is_fn) {
			user_keys[i].req = req;
			return true;
		}
	if (nuser_keys == MAX_BINDINGS)
		return false;
	user_keys[nuser_keys].key = k;
	user_keys[nuser_keys++].req = req;
	return true;
}

static bool same_key(struct key a, struct key b)
{
	return a.code == b.code && a.is_fn == b.is_fn;
}

/* The request key runs in a table of n bindings, or REQ_NONE. */
static enum request lookup_in_table(const struct keybinding *table, size_t n, struct key key)
{
	for (size_t i = 0; i < n; i++)
		if (same_key(table[i].key, key))
			return table[i].req;
	return REQ_NONE;
}

enum request keys_lookup_in(const struct view_keymap *keymap, struct key key)
{
	enum request req = lookup_in_table(user_keys, nuser_keys, key);
	if (req == REQ_NONE && keymap)
		req = lookup_in_table(keymap->keys, keymap->nkeys, key);
	if (req == REQ_NONE)
		req = lookup_in_table(default_keys, NKEYS, key);
	return req;
}

bool keys_keymap_binds(const struct view_keymap *keymap, enum request req)
{
	for (size_t i = 0; keymap && i < keymap->nkeys; i++)
		if (keymap->keys[i].req == req)
			return true;
	return false;
}

enum request keys_lookup(struct key key)
{
	return keys_lookup_in(NULL, key);
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

/* Key names gathered for one request, each once ("Enter" is both CR and KEY_ENTER). */
struct key_list {
	char *buf;
	size_t size, len;
	char seen[24][16];
	size_t nseen;
};

static size_t add_key_name(struct key_list *kl, const char *name)
{
	for (size_t i = 0; i < kl->nseen; i++)
		if (strcmp(kl->seen[i], name) == 0)
			return 0;
	int w = snprintf(kl->buf + kl->len, kl->size - kl->len, "%s%s", kl->len ? ", " : "", name);
	if (w < 0 || (size_t)w >= kl->size - kl->len) {
		kl->buf[kl->len] = '\0';
		return 0;
	}
	kl->len += (size_t)w;
	if (kl->nseen < sizeof(kl->seen) / sizeof(*kl->seen))
		snprintf(kl->seen[kl->nseen++], sizeof(*kl->seen), "%s", name);
	return 1;
}

/* Adds the keys of table bound to req that neither the user nor (for the general table) the keymap
 * took for something else. */
static size_t add_table_keys(struct key_list *kl, const struct keybinding *table, size_t n,
			     const struct view_keymap *keymap, enum request req)
{
	size_t added = 0;
	for (size_t i = 0; i < n; i++) {
		if (table[i].req != req || lookup_in_table(user_keys, nuser_keys, table[i].key) != REQ_NONE)
			continue;
		if (keymap && table != keymap->keys &&
		    lookup_in_table(keymap->keys, keymap->nkeys, table[i].key) != REQ_NONE)
			continue;
		char name[32];
		keys_name(table[i].key, name, sizeof(name));
		/* C-j is the same key as Enter on most terminals, DEL as Backspace; listing both only confuses. */
		if (strcmp(name, "C-j") == 0 || strcmp(name, "DEL") == 0)
			continue;
		added += add_key_name(kl, name);
	}
	return added;
}

size_t keys_for_request_in(const struct view_keymap *keymap, enum request req, char *buf, size_t size)
{
	struct key_list kl = {.buf = buf, .size = size};
	size_t count = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < nuser_keys; i++) {
		if (user_keys[i].req != req)
			continue;
		char name[32];
		count += add_key_name(&kl, keys_name(user_keys[i].key, name, sizeof(name)));
	}
	if (keymap)
		count += add_table_keys(&kl, keymap->keys, keymap->nkeys, keymap, req);
	count += add_table_keys(&kl, default_keys, NKEYS, keymap, req);
	return count;
}

const char *keys_for_request(enum request req, char *buf, size_t size)
{
	keys_for_request_in(NULL, req, buf, size);
	return buf;
}

#define REQUEST_HELP(name, scope, help) help,
#define REQUEST_NAME(name, scope, help) #name,
#define REQUEST_SCOPE(name, scope, help) SCOPE_##scope,
static const char *const request_helps[] = {"", REQUEST_TABLE(REQUEST_HELP)};
static const char *const request_names[] = {"NONE", REQUEST_TABLE(REQUEST_NAME)};
static const unsigned request_scopes[] = {0, REQUEST_TABLE(REQUEST_SCOPE)};

const char *request_help(enum request req)
{
	return (unsigned)req < REQ_COUNT ? request_helps[req] : "";
}

const char *request_name(enum request req)
{
	return (unsigned)req < REQ_COUNT ? request_names[req] : "NONE";
}

unsigned request_scope(enum request req)
{
	return (unsigned)req < REQ_COUNT ? request_scopes[req] : 0;
}
