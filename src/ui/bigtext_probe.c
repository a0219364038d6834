/*
 * bigtext_probe.c - which big text the terminal gets: the setting, the probe for OSC 66 and the keys
 * typed while it was answered (bigtext_ui.h).
 */
#include "recview/bigtext_ui.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "recview/bigtext.h"
#include "recview/terminal.h"

static enum rv_big_text mode;
static bool scaled;
/* Until then a reply that came too late may still come: it is dropped, never read as keys. */
static double late_until;
static struct strbuf typed; /* bytes typed during the probe, until curses can read them as keys */

enum { TYPED_MAX = 256 };
static struct key keys[TYPED_MAX];
static size_t nkeys, next_key;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Terminals that print the text of an OSC they do not know (the Linux console) are not asked. */
static bool term_may_be_asked(void)
{
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0 || strcmp(term, "linux") == 0)
		return false;
	return strncmp(term, "vt", 2) != 0 && strncmp(term, "cons", 4) != 0;
}

/* The replies, read raw for at most BIGTEXT_PROBE_MS; what is not a reply goes to typed. */
static bool probe(void)
{
	struct termios saved, raw;
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return false;
	raw = saved;
	raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
	raw.c_iflag &= (tcflag_t) ~ICRNL; /* Enter reads as curses will read it (nonl) */
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	/* TCSANOW, never a flush: keys typed before this are kept. */
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return false;
	struct rv_probe p;
	rv_probe_init(&p);
	terminal_write(RV_PROBE_QUERY, sizeof(RV_PROBE_QUERY) - 1);
	double until = now_ms() + BIGTEXT_PROBE_MS;
	while (!p.done && !terminal_quit_signal()) {
		int left = (int)(until - now_ms());
		if (left <= 0)
			break;
		struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
		int r = poll(&pfd, 1, left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || !(pfd.revents & POLLIN))
			break;
		char buf[256];
		ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n <= 0)
			break;
		rv_probe_feed(&p, buf, (size_t)n);
	}
	rv_probe_finish(&p);
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	sb_add(&typed, p.rest.data, p.rest.len);
	bool yes = rv_probe_positive(&p);
	if (!p.done)
		late_until = now_ms() + BIGTEXT_LATE_MS;
	rv_probe_free(&p);
	return yes;
}

void bigtext_configure(const char *setting, bool script)
{
	if (!rv_big_text_parse(setting, &mode))
		mode = RV_BIG_AUTO; /* the configuration said what was wrong with it */
	scaled = false;
	if (script)
		return;
	if (mode == RV_BIG_KITTY)
		scaled = true;
	else if (mode == RV_BIG_AUTO && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term_may_be_asked())
		scaled = probe();
}

bool bigtext_scaled(void)
{
	return scaled;
}

bool bigtext_blocks(void)
{
	return !scaled && mode != RV_BIG_OFF;
}

/* ---- the keys typed during the probe ---- */

static void push_key(int code, bool is_fn)
{
	if (next_key == nkeys)
		next_key = nkeys = 0;
	if (nkeys < TYPED_MAX)
		keys[nkeys++] = (struct key){code, is_fn};
}

/* The function key whose terminfo string s starts with (the longest), its length; 0 when none. */
static size_t match_fn_key(const char *s, size_t n, int *code)
{
	size_t best = 0;
	for (int k = KEY_MIN; k < KEY_MAX + 512; k++) {
		char *def = keybound(k, 0);
		if (!def)
			continue;
		size_t len = strlen(def);
		if (len > best && len <= n && memcmp(def, s, len) == 0) {
			best = len;
			*code = k;
		}
		free(def);
	}
	return best;
}

/* An escape sequence as a function key: as terminfo has it, or with ESC [ for its ESC O (the cursor
 * keys before curses turned on the keypad's application mode send ESC [ A where terminfo says ESC O A). */
static size_t fn_key(const char *s, size_t n, int *code)
{
	size_t len = match_fn_key(s, n, code);
	if (len || n < 3 || s[1] != '[')
		return len;
	char alt[3] = {'\x1b', 'O', s[2]};
	return match_fn_key(alt, 3, code) == 3 ? 3 : 0;
}

void bigtext_keys_typed(void)
{
	const char *s = typed.data;
	size_t n = typed.len, i = 0;
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	while (i < n) {
		int code;
		size_t len = s[i] == '\x1b' ? fn_key(s + i, n - i, &code) : 0;
		if (len) {
			push_key(code, true);
			i += len;
			continue;
		}
		wchar_t wc;
		size_t got = mbrtowc(&wc, s + i, n - i, &st);
		if (got == (size_t)-1 || got == (size_t)-2 || got == 0) {
			memset(&st, 0, sizeof(st));
			push_key((unsigned char)s[i], false);
			i++;
		} else {
			push_key((int)wc, false);
			i += got;
		}
	}
	sb_free(&typed);
}

bool bigtext_typed_key(struct key *key)
{
	if (next_key == nkeys)
		return false;
	*key = keys[next_key++];
	return true;
}

/* ---- replies that come after the probe gave up waiting ---- */

/* s is one reply to the probe, or a run of them. */
static bool is_reply(const char *s, size_t n, bool *da1)
{
	struct rv_probe p;
	rv_probe_init(&p);
	rv_probe_feed(&p, s, n);
	rv_probe_finish(&p);
	bool yes = !p.rest.len && (p.ncpr || p.done);
	*da1 = p.done;
	rv_probe_free(&p);
	return yes;
}

/* After ESC: the characters that follow at once, as long as they may be a reply; true when they were
 * one (then dropped); else they are queued as keys, to come after the ESC. */
static bool swallow_after_esc(bool *da1)
{
	struct strbuf seq;
	sb_init(&seq);
	sb_addc(&seq, '\x1b');
	struct key other = {0, false};
	bool have_other = false;
	timeout(50);
	while (seq.len < RV_PROBE_SEQ_MAX) {
		wint_t ch;
		int res = get_wch(&ch);
		if (res == ERR)
			break;
		if (res == KEY_CODE_YES || ch > 0x7e || ch < 0x20) {
			other = (struct key){(int)ch, res == KEY_CODE_YES};
			have_other = true;
			break;
		}
		sb_addc(&seq, (char)ch);
		if (ch >= 0x40 && seq.len > 2) /* a final byte: the sequence is whole */
			break;
	}
	bool reply = is_reply(seq.data, seq.len, da1);
	if (!reply)
		for (size_t i = 1; i < seq.len; i++)
			push_key((unsigned char)seq.data[i], false);
	if (have_other)
		push_key(other.code, other.is_fn);
	sb_free(&seq);
	return reply;
}

bool bigtext_late_reply(const struct key *key)
{
	if (!late_until || now_ms() > late_until)
		return false;
	bool reply = false, da1 = false;
	if (key->is_fn) {
		/* "ESC [ 1 ; 3 R" is also Alt-F3 to terminfo: curses may have read a reply as a key. */
		char *def = keybound(key->code, 0);
		reply = def && is_reply(def, strlen(def), &da1);
		free(def);
	} else if (key->code == 0x1b) {
		reply = swallow_after_esc(&da1);
	}
	if (da1)
		late_until = 0; /* the last reply came: nothing more is waited for */
	return reply;
}
