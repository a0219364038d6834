/*
 * ptyshim.c - a terminal between tmux and a program, for tests/tmux/bigtext.sh: runs the program on a
 * pty of its own (forkpty) the size of its own terminal, passes keys to it and its output back, and
 * writes every byte the program wrote to a file.
 *
 *   ptyshim [-a] [-k KEYS] [-d MS] -o FILE -- PROGRAM ARGS...
 *
 *   -a       answers the cursor position requests (CSI 6n) itself as a terminal with the kitty text
 *            sizing protocol would: after a carriage return the cursor is in column 1, and an OSC 66
 *            with s=N moves it N columns per character of its text. The requests are not passed on
 *            (tmux would answer them too, from a cursor that OSC 66 never moved); DA1 (CSI c) is, and
 *            tmux answers it. Without -a everything is passed on: tmux answers for itself.
 *   -k KEYS  bytes sent to the program as typed keys when it first asks for the cursor position, before
 *            any answer (\e is ESC): keys typed while it reads its replies must not be lost.
 *   -d MS    each answer is sent MS milliseconds late (a slow link): after the program stopped
 *            waiting for it.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int master = -1;
static volatile sig_atomic_t resized;
static struct termios saved;
static bool raw_set;

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
}

static void restore(void)
{
	if (raw_set)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

static void write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* -k's bytes, \e as ESC. */
static size_t unescape(const char *in, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; in[i] && n < cap; i++) {
		if (in[i] == '\\' && in[i + 1] == 'e') {
			out[n++] = '\x1b';
			i++;
		} else {
			out[n++] = in[i];
		}
	}
	return n;
}

static bool answer;
static char keys[256];
static size_t nkeys;
static int column = 1;
static int delay_ms;

/* The columns an OSC 66 "66;META;TEXT" moves the cursor: its scale times its characters. */
static void osc66_moves(const char *body, size_t n)
{
	int scale = 1;
	const char *meta = body + 3, *end = body + n;
	const char *text = memchr(meta, ';', (size_t)(end - meta));
	if (!text)
		return;
	for (const char *p = meta; p < text; p++)
		if (p[0] == 's' && p + 2 <= text && p[1] == '=')
			scale = atoi(p + 2);
	int chars = 0;
	for (const char *p = text + 1; p < end; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	column += scale * chars;
}

/*
 * The program's output in buf[0..n): passed to tmux but for the requests -a answers. Returns how many
 * bytes were dealt with; the rest (an escape sequence not yet whole) waits for more.
 */
static size_t from_program(const char *buf, size_t n)
{
	size_t i = 0, passed = 0;
	while (i < n) {
		char c = buf[i];
		if (c == '\r') {
			column = 1;
			i++;
			continue;
		}
		if (c != '\x1b') {
			i++;
			continue;
		}
		if (i + 1 >= n)
			break;
		if (buf[i + 1] == ']') { /* OSC: to BEL or ESC \ */
			size_t j = i + 2;
			while (j < n && buf[j] != '\a' && !(buf[j] == '\x1b' && j + 1 < n && buf[j + 1] == '\\'))
				j++;
			if (j >= n || (buf[j] == '\x1b' && j + 1 >= n))
				break;
			if (j - (i + 2) >= 3 && memcmp(buf + i + 2, "66;", 3) == 0)
				osc66_moves(buf + i + 2, j - (i + 2));
			i = j + (buf[j] == '\a' ? 1 : 2);
			continue;
		}
		if (buf[i + 1] == '[') {
			/* Only what may still become a request waits for more. */
			if (i + 3 >= n && memcmp(buf + i, "\x1b[6n", n - i) == 0)
				break;
			if (i + 3 < n && buf[i + 2] == '6' && buf[i + 3] == 'n') {
				if (nkeys) { /* typed while the program waits for its replies */
					write_all(master, keys, nkeys);
					nkeys = 0;
				}
				if (!answer) {
					i += 4;
					continue;
				}
				write_all(STDOUT_FILENO, buf + passed, i - passed);
				if (delay_ms)
					usleep((useconds_t)delay_ms * 1000);
				char reply[32];
				int len = snprintf(reply, sizeof(reply), "\x1b[1;%dR", column);
				write_all(master, reply, (size_t)len);
				i += 4;
				passed = i;
				continue;
			}
		}
		i++;
	}
	write_all(STDOUT_FILENO, buf + passed, i - passed);
	return i;
}

int main(int argc, char **argv)
{
	const char *record = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "+ak:d:o:")) != -1) {
		if (opt == 'a')
			answer = true;
		else if (opt == 'k')
			nkeys = unescape(optarg, keys, sizeof(keys));
		else if (opt == 'd')
			delay_ms = atoi(optarg);
		else if (opt == 'o')
			record = optarg;
		else
			return 2;
	}
	if (!record || optind >= argc) {
		fprintf(stderr, "usage: ptyshim [-a] [-k KEYS] [-d MS] -o FILE -- PROGRAM ARGS...\n");
		return 2;
	}
	int out = open(record, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (out < 0) {
		perror(record);
		return 2;
	}
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	ioctl(STDIN_FILENO, TIOCGWINSZ, &ws);
	pid_t pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		perror(argv[optind]);
		_exit(127);
	}
	if (tcgetattr(STDIN_FILENO, &saved) == 0) {
		struct termios raw = saved;
		cfmakeraw(&raw);
		raw_set = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
		atexit(restore);
	}
	signal(SIGWINCH, on_winch);
	char buf[65536];
	size_t held = 0;
	for (;;) {
		if (resized) {
			resized = 0;
			if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0)
				ioctl(master, TIOCSWINSZ, &ws);
		}
		struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {master, POLLIN, 0}};
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[0].revents & POLLIN) {
			char in[4096];
			ssize_t n = read(STDIN_FILENO, in, sizeof(in));
			if (n > 0)
				write_all(master, in, (size_t)n);
		}
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t n = read(master, buf + held, sizeof(buf) - held);
			if (n <= 0)
				break; /* the program ended (EIO) */
			write_all(out, buf + held, (size_t)n);
			held += (size_t)n;
			size_t done = from_program(buf, held);
			memmove(buf, buf + done, held - done);
			held -= done;
			if (held == sizeof(buf)) { /* never: a sequence that long is passed on as it is */
				write_all(STDOUT_FILENO, buf, held);
				held = 0;
			}
		}
	}
	write_all(STDOUT_FILENO, buf, held);
	close(out);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
