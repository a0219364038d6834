/*
 * terminal.c - the browser's terminal: whether the browser can run here, starting and stopping curses
 * (or the virtual screen of a key script), and the signals that end it.
 */
#include "recview/terminal.h"

#include <langinfo.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "recview/bigtext_ui.h"
#include "recview/copy.h"
#include "recview/diag.h"
#include "recview/draw.h"
#include "recview/hyperlink.h"

static volatile sig_atomic_t quit_signal;
static bool terminal_gone;
static bool curses_active;
static SCREEN *screen;
static FILE *script_out, *script_in;

static void restore_terminal(void)
{
	if (curses_active) {
		curses_active = false;
		endwin();
	}
}

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

/* A crash must not leave the terminal in raw mode: restore it, then die as the signal says. */
static void on_fatal_signal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

void terminal_install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the read, so the loop sees it at once. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
}

/*
 * Why the browser cannot run here, said into why; false when it can. It needs a terminal on stdin and
 * stdout (else the key loop would read end-of-file forever), and a TERM that terminfo knows and that
 * can move the cursor. A key script (RECVIEW_SCRIPT) needs none of this.
 */
bool terminal_problem(struct strbuf *why)
{
	const char *term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		sb_addf(why, "the browser needs a terminal, and standard %s is not one; for text output use "
			     "--list, --show, --summary, --export or --check",
			!isatty(STDIN_FILENO) ? "input" : "output");
	} else if (!term || !*term) {
		sb_adds(why, "TERM is not set: the browser needs to know the terminal (e.g. TERM=xterm-256color)");
	} else if (strcmp(term, "dumb") == 0) {
		sb_adds(why, "TERM is 'dumb': that terminal cannot show the browser (it cannot move the cursor); "
			     "for text output use --list, --show, --summary, --export or --check");
	} else {
		return false;
	}
	return true;
}

/* The terminal named by TERM (or the virtual screen of a key script); false with why said. */
static bool open_screen(struct app *app, struct strbuf *why)
{
	const char *term = getenv("TERM");
	if (app->script) {
		/* Display-free: curses draws into its virtual screen and the output goes nowhere. */
		script_out = fopen("/dev/null", "w");
		script_in = fopen("/dev/null", "r");
		if (script_out && script_in)
			screen = newterm(term && *term ? term : "xterm", script_out, script_in);
		if (!screen)
			sb_adds(why, "cannot start the virtual screen of the key script");
		return screen != NULL;
	}
	if (!term)
		term = ""; /* terminal_problem has refused it already */
	/* newterm, unlike initscr, returns to say what failed instead of exiting with its own message. */
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		sb_adds(why, "unknown terminal type ");
		diag_quote(why, term, strlen(term), 40);
		sb_adds(why, " (TERM): terminfo has no entry for it; try TERM=xterm-256color");
		return false;
	}
	set_term(screen);
	const char *cup = tigetstr("cup");
	if (!cup || cup == (const char *)-1) {
		endwin();
		delscreen(screen);
		screen = NULL;
		sb_adds(why, "the terminal ");
		diag_quote(why, term, strlen(term), 40);
		sb_adds(why, " (TERM) cannot move the cursor, which the browser needs");
		return false;
	}
	return true;
}

bool terminal_start(struct app *app, struct strbuf *why)
{
	const char *enc = nl_langinfo(CODESET);
	app->ascii = app->opt->ascii || !enc || strcmp(enc, "UTF-8") != 0;

	/* The probe for OSC 66 is answered before curses reads the keys. */
	bigtext_configure(app->opt->big_text, app->script != NULL);
	if (!open_screen(app, why))
		return false;
	set_term(screen);
	curses_active = true;
	atexit(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	bigtext_keys_typed();
	/* https://no-color.org: a NO_COLOR that is set and not empty turns colours off. */
	const char *no_color = getenv("NO_COLOR");
	draw_init_colors(!(no_color && *no_color));
	hyperlink_configure(app->opt->hyperlinks, app->script != NULL);
	copy_configure(app->opt->clipboard, app->script != NULL);
	if (app->opt->mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(300);
	return true;
}

void terminal_stop(void)
{
	restore_terminal();
	if (screen) {
		delscreen(screen);
		screen = NULL;
	}
	if (script_out)
		fclose(script_out);
	if (script_in)
		fclose(script_in);
	script_out = script_in = NULL;
}

int terminal_quit_signal(void)
{
	return quit_signal;
}

/*
 * A terminal that went away (its window closed, the tmux server killed) without a SIGHUP reaching us
 * leaves stdin at end-of-file or failing with EIO: every read returns at once, and a key loop that
 * only retries would spin. The tty says so itself: after a hangup tcgetattr fails and poll reports
 * POLLHUP, POLLERR or POLLNVAL. Once lost it stays lost.
 */
bool terminal_lost(void)
{
	if (terminal_gone || !curses_active || script_in)
		return terminal_gone;
	struct termios tio;
	struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
	int saved = errno;
	if (tcgetattr(STDIN_FILENO, &tio) != 0 && errno != EINTR)
		terminal_gone = true;
	else if (poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
		terminal_gone = true;
	errno = saved;
	return terminal_gone;
}

void terminal_write(const char *s, size_t len)
{
	fflush(stdout);
	while (len) {
		ssize_t n = write(STDOUT_FILENO, s, len);
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}
