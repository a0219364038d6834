/*
 * git.c - running git for a data set kept in a git work tree (git.h). git is spawned with an argument
 * vector (posix_spawnp, no shell), "-C DIR" naming where it works; its standard input, output and
 * error are pipes, served together with poll so that neither side waits on a full pipe.
 */
#include "recview/git.h"
#include "recview/follow.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "recview/arena.h"
#include "recview/diag.h"
#include "recview/merge_file.h"
#include "recview/save.h"
#include "recview/store.h"
#include "recview/text.h"

extern char **environ;

void rv_git_run_init(struct rv_git_run *r)
{
	r->status = -1;
	sb_init(&r->out);
	sb_init(&r->err);
}

void rv_git_run_free(struct rv_git_run *r)
{
	sb_free(&r->out);
	sb_free(&r->err);
}

/* The environment with env's entries added (replacing any of the same name). */
static char **environment_with(const char *const *env)
{
	size_t n = 0, extra = 0;
	while (environ && environ[n])
		n++;
	while (env && env[extra])
		extra++;
	char **out = xcalloc(n + extra + 1, sizeof(*out));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool replaced = false;
		for (size_t e = 0; e < extra && !replaced; e++) {
			const char *eq = strchr(env[e], '=');
			size_t len = eq ? (size_t)(eq - env[e]) + 1 : strlen(env[e]);
			replaced = strncmp(environ[i], env[e], len) == 0;
		}
		if (!replaced)
			out[k++] = environ[i];
	}
	for (size_t e = 0; e < extra; e++)
		out[k++] = (char *)env[e];
	out[k] = NULL;
	return out;
}

static void close_pipe(int p[2])
{
	for (int i = 0; i < 2; i++)
		if (p[i] >= 0)
			close(p[i]);
	p[0] = p[1] = -1;
}

/* Feeds input and reads both outputs until git closes them. */
static void serve_pipes(int in, int out, int err, const char *input, size_t input_len, struct rv_git_run *r)
{
	size_t written = 0;
	if (in >= 0 && input_len == 0) {
		close(in);
		in = -1;
	}
	while (out >= 0 || err >= 0 || in >= 0) {
		struct pollfd fds[3] = {{out, POLLIN, 0}, {err, POLLIN, 0}, {in, POLLOUT, 0}};
		if (poll(fds, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			int *fd = i == 0 ? &out : &err;
			if (*fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			char buf[4096];
			ssize_t n = read(*fd, buf, sizeof(buf));
			if (n > 0) {
				sb_add(i == 0 ? &r->out : &r->err, buf, (size_t)n);
			} else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
				close(*fd);
				*fd = -1;
			}
		}
		if (in >= 0 && (fds[2].revents & (POLLOUT | POLLHUP | POLLERR))) {
			ssize_t n = (fds[2].revents & POLLOUT) ? write(in, input + written, input_len - written) : -1;
			if (n > 0)
				written += (size_t)n;
			if (written == input_len || (n < 0 && errno != EINTR && errno != EAGAIN)) {
				close(in);
				in = -1;
			}
		}
	}
	if (in >= 0)
		close(in);
}

bool rv_git(const char *dir, const char *const *args, const char *input, size_t input_len, const char *const *env,
	    struct rv_git_run *r)
{
	sb_reset(&r->out);
	sb_reset(&r->err);
	r->status = -1;
	size_t nargs = 0;
	while (args[nargs])
		nargs++;
	const char **argv = xcalloc(nargs + 4, sizeof(*argv));
	size_t k = 0;
	argv[k++] = "git";
	if (dir) {
		argv[k++] = "-C";
		argv[k++] = dir;
	}
	for (size_t i = 0; i < nargs; i++)
		argv[k++] = args[i];
	argv[k] = NULL;

	int pin[2] = {-1, -1}, pout[2] = {-1, -1}, perr[2] = {-1, -1};
	bool ok = pipe(pin) == 0 && pipe(pout) == 0 && pipe(perr) == 0;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	if (ok) {
		/* A write to a git that is gone fails with EPIPE instead of ending recview. */
		fcntl(pin[1], F_SETFD, FD_CLOEXEC);
		fcntl(pout[0], F_SETFD, FD_CLOEXEC);
		fcntl(perr[0], F_SETFD, FD_CLOEXEC);
		posix_spawn_file_actions_adddup2(&fa, pin[0], STDIN_FILENO);
		posix_spawn_file_actions_adddup2(&fa, pout[1], STDOUT_FILENO);
		posix_spawn_file_actions_adddup2(&fa, perr[1], STDERR_FILENO);
	}
	char **envp = environment_with(env);
	pid_t pid = -1;
	int spawn_err = ok ? posix_spawnp(&pid, "git", &fa, NULL, (char *const *)argv, envp) : errno;
	posix_spawn_file_actions_destroy(&fa);
	free(envp);
	free(argv);
	if (pin[0] >= 0)
		close(pin[0]);
	if (pout[1] >= 0)
		close(pout[1]);
	if (perr[1] >= 0)
		close(perr[1]);
	pin[0] = pout[1] = perr[1] = -1;
	if (!ok || spawn_err != 0) {
		sb_addf(&r->err, "cannot run git: %s", spawn_err == ENOENT ? "git is not installed" : strerror(spawn_err));
		close_pipe(pin);
		close_pipe(pout);
		close_pipe(perr);
		return false;
	}
	void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
	serve_pipes(pin[1], pout[0], perr[0], input, input ? input_len : 0, r);
	signal(SIGPIPE, old_pipe);
	int st;
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			return false;
	}
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return r->status == 0;
}

/* git's output, less its last line break. */
static void chomp(struct strbuf *sb)
{
	while (sb->len && (sb->data[sb->len - 1] == '\n' || sb->data[sb->len - 1] == '\r'))
		sb->data[--sb->len] = '\0';
}

bool rv_git_in_work_tree(const char *dir)
{
	struct rv_git_run r;
	rv_git_run_init(&r);
	const char *args[] = {"rev-parse", "--is-inside-work-tree", NULL};
	bool in = rv_git(dir, args, NULL, 0, NULL, &r) && strncmp(r.out.data ? r.out.data : "", "true", 4) == 0;
	rv_git_run_free(&r);
	return in;
}

void rv_git_branch(const char *dir, char *out, size_t size)
{
	if (size)
		out[0] = '\0';
	struct rv_git_run r;
	rv_git_run_init(&r);
	const char *sym[] = {"symbolic-ref", "--short", "-q", "HEAD", NULL};
	const char *sha[] = {"rev-parse", "--short", "-q", "HEAD", NULL};
	struct strbuf name;
	sb_init(&name);
	if (rv_git(dir, sym, NULL, 0, NULL, &r)) {
		chomp(&r.out);
		sb_add(&name, r.out.data ? r.out.data : "", r.out.len);
	} else if (r.status == 1 && rv_git(dir, sha, NULL, 0, NULL, &r)) {
		/* symbolic-ref -q says 1 for a detached HEAD, 128 outside a repository */
		chomp(&r.out);
		sb_addc(&name, '(');
		sb_add(&name, r.out.data ? r.out.data : "", r.out.len);
		sb_addc(&name, ')');
	}
	if (name.len && size) {
		struct strbuf safe;
		sb_init(&safe);
		text_sanitize(&safe, name.data, name.len, 0);
		struct strbuf cut;
		sb_init(&cut);
		text_cut(&cut, safe.data, safe.len, 40, false);
		size_t n = cut.len < size - 1 ? cut.len : size - 1;
		memcpy(out, cut.data, n);
		out[n] = '\0';
		sb_free(&cut);
		sb_free(&safe);
	}
	sb_free(&name);
	rv_git_run_free(&r);
}

/* ---- git-setup ---- */

#define ATTRIBUTE_LINE "*.csv merge=recview"

/* A line as words: runs of blanks as one space, none at either end. */
static void words_of(const char *s, size_t len, char *out, size_t size)
{
	size_t n = 0;
	bool space = false;
	for (size_t i = 0; i < len && n + 2 < size; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = s[i];
	}
	out[n] = '\0';
}

static bool has_line(const struct strbuf *text, const char *want)
{
	for (size_t start = 0; start < text->len;) {
		const char *nl = memchr(text->data + start, '\n', text->len - start);
		size_t end = nl ? (size_t)(nl - text->data) : text->len;
		char line[256];
		words_of(text->data + start, end - start, line, sizeof(line));
		if (strcmp(line, want) == 0)
			return true;
		start = end + 1;
	}
	return false;
}

/* Adds to dir/name each of lines it lacks, keeping every line it has; *added counts them. */
static bool add_lines(const char *dir, const char *name, const char *const *lines, size_t n, size_t *added, FILE *err)
{
	struct strbuf path, text;
	sb_init(&path);
	sb_init(&text);
	sb_addf(&path, "%s/%s", dir, name);
	int e = 0;
	bool ok = true;
	struct rv_file_stamp stamp;
	rv_file_stamp_read(path.data, &stamp);
	if (!rv_read_file_bytes(path.data, &text, &e) && e != ENOENT) {
		fprintf(err, "recview: git-setup: cannot read %s: %s\n", name, strerror(e));
		ok = false;
	}
	*added = 0;
	size_t old_len = text.len;
	for (size_t i = 0; ok && i < n; i++) {
		if (has_line(&text, lines[i]))
			continue;
		if (text.len && text.data[text.len - 1] != '\n')
			sb_addc(&text, '\n');
		sb_addf(&text, "%s\n", lines[i]);
		(*added)++;
	}
	char why[600];
	if (ok && text.len != old_len &&
	    rv_save_atomic(path.data, text.data, text.len, &stamp, NULL, NULL, why, sizeof(why)) != RV_OK) {
		struct strbuf safe;
		sb_init(&safe);
		text_sanitize(&safe, why, strlen(why), 0);
		fprintf(err, "recview: git-setup: %s\n", safe.data);
		sb_free(&safe);
		ok = false;
	}
	sb_free(&path);
	sb_free(&text);
	return ok;
}

/* The recview that PATH finds, resolved; NULL when there is none. */
static char *recview_on_path(void)
{
	const char *path = getenv("PATH");
	if (!path)
		return NULL;
	for (const char *p = path;; p++) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		struct strbuf cand;
		sb_init(&cand);
		sb_add(&cand, len ? p : ".", len ? len : 1);
		sb_adds(&cand, "/recview");
		char *real = access(cand.data, X_OK) == 0 ? realpath(cand.data, NULL) : NULL;
		sb_free(&cand);
		if (real)
			return real;
		if (!colon)
			return NULL;
		p = colon;
	}
}

/* sh's quoting of s: 'it'\''s'. */
static void shell_quote(struct strbuf *out, const char *s)
{
	sb_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_adds(out, "'\\''");
		else
			sb_addc(out, *s);
	}
	sb_addc(out, '\'');
}

/* "recview merge-driver %O %A %B %P", naming self's path when PATH finds another recview or none. */
static void driver_command(const char *self, struct strbuf *cmd)
{
	char *mine = self ? realpath(self, NULL) : NULL;
	char *found = recview_on_path();
	if (!mine || (found && strcmp(found, mine) == 0))
		sb_adds(cmd, "recview");
	else
		shell_quote(cmd, mine);
	sb_adds(cmd, " merge-driver %O %A %B %P");
	free(mine);
	free(found);
}

static bool git_config(const char *dir, const char *name, const char *value, FILE *err)
{
	struct rv_git_run r;
	rv_git_run_init(&r);
	const char *args[] = {"config", name, value, NULL};
	bool ok = rv_git(dir, args, NULL, 0, NULL, &r);
	if (!ok) {
		struct strbuf safe;
		sb_init(&safe);
		text_sanitize(&safe, r.err.data ? r.err.data : "", r.err.len, 0);
		fprintf(err, "recview: git-setup: git config %s failed: %s\n", name, safe.len ? safe.data : "no reason given");
		sb_free(&safe);
	}
	rv_git_run_free(&r);
	return ok;
}

int rv_git_setup(const char *dir, const char *self, FILE *out, FILE *err)
{
	struct strbuf safe_dir;
	sb_init(&safe_dir);
	diag_quote(&safe_dir, dir, strlen(dir), 60);
	struct stat st;
	int code = 2;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(err, "recview: git-setup: %s is not a directory\n", safe_dir.data);
	} else if (!rv_git_in_work_tree(dir)) {
		fprintf(err, "recview: git-setup: %s is not in a git work tree (make one with git init or git clone first)\n",
			safe_dir.data);
	} else {
		static const char *const attributes[] = {ATTRIBUTE_LINE};
		/* recview's lock, journal and temporary files, and a walkthrough's state for its followers
		 * (follow.h), are no part of the data set. */
		static const char *const ignored[] = {RV_STORE_LOCK, RV_STORE_JOURNAL, ".*.recview-*", RV_FOLLOW_STATE,
						      RV_FOLLOW_DIR "/"};
		size_t added = 0, ignores = 0;
		struct strbuf cmd;
		sb_init(&cmd);
		driver_command(self, &cmd);
		if (add_lines(dir, ".gitattributes", attributes, 1, &added, err) &&
		    add_lines(dir, ".gitignore", ignored, sizeof(ignored) / sizeof(*ignored), &ignores, err) &&
		    git_config(dir, "merge.recview.name", "recview: CSV tables merged row by row and cell by cell", err) &&
		    git_config(dir, "merge.recview.driver", cmd.data, err)) {
			fprintf(out, ".gitattributes: %s\n", added ? "added " ATTRIBUTE_LINE : ATTRIBUTE_LINE " is there already");
			fprintf(out, ".gitignore: %s\n",
				ignores ? "added recview's lock, journal, temporary and walkthrough files" : "recview's own files ignored already");
			struct strbuf safe;
			sb_init(&safe);
			text_sanitize(&safe, cmd.data, cmd.len, 0);
			fprintf(out, "git config merge.recview.driver: %s\n", safe.data);
			fputs("Commit .gitattributes and .gitignore so that every clone has them; each reviewer runs recview git-setup once in "
			      "their own clone (git keeps merge drivers out of what is pushed).\n",
			      out);
			sb_free(&safe);
			code = 0;
		}
		sb_free(&cmd);
	}
	sb_free(&safe_dir);
	return code;
}

/* ---- commit ---- */

static void say_git_error(const char *step, const struct rv_git_run *r, char *err, size_t errsize)
{
	struct strbuf safe;
	sb_init(&safe);
	text_sanitize(&safe, r->err.data ? r->err.data : "", r->err.len, 0);
	snprintf(err, errsize, "git %s failed%s%s", step, safe.len ? ": " : "", safe.len ? safe.data : "");
	sb_free(&safe);
}

/* The plain name of an author without an email: git's own email goes with it. */
static bool has_email(const char *author)
{
	const char *lt = strchr(author, '<');
	return lt && strchr(lt, '>');
}

/* head..., then "--" and the files, NULL-terminated (malloc'd). */
static const char **with_files(const char *const *head, size_t nhead, const char *const *files, size_t nfiles)
{
	const char **args = xcalloc(nhead + nfiles + 2, sizeof(*args));
	memcpy(args, head, nhead * sizeof(*args));
	args[nhead] = "--";
	memcpy(args + nhead + 1, files, nfiles * sizeof(*args));
	return args;
}

/* git add, then whether anything of the files is staged: RV_OK yes, RV_E_NOT_FOUND no. */
static enum rv_result stage_files(const char *dir, const char *const *files, size_t nfiles, struct rv_git_run *r,
				  char *err, size_t errsize)
{
	const char *add[] = {"add"};
	const char **args = with_files(add, 1, files, nfiles);
	enum rv_result res = RV_OK;
	if (!rv_git(dir, args, NULL, 0, NULL, r)) {
		say_git_error("add", r, err, errsize);
		res = RV_E_FAILED;
	}
	free(args);
	if (res != RV_OK)
		return res;
	const char *diff[] = {"diff", "--cached", "--quiet"};
	args = with_files(diff, 3, files, nfiles);
	rv_git(dir, args, NULL, 0, NULL, r);
	free(args);
	if (r->status == 0) {
		snprintf(err, errsize, "nothing changed in the data set's files: nothing to commit");
		return RV_E_NOT_FOUND;
	}
	if (r->status != 1) {
		say_git_error("diff", r, err, errsize);
		return RV_E_FAILED;
	}
	return RV_OK;
}

enum rv_result rv_git_commit(const char *dir, const char *const *files, size_t nfiles, const char *message,
			     const char *author, struct strbuf *said, char *err, size_t errsize)
{
	err[0] = '\0';
	if (!rv_git_in_work_tree(dir)) {
		snprintf(err, errsize, "the data set is not in a git work tree");
		return RV_E_REFUSED;
	}
	struct rv_git_run r;
	rv_git_run_init(&r);
	const char *merging[] = {"rev-parse", "-q", "--verify", "MERGE_HEAD", NULL};
	if (rv_git(dir, merging, NULL, 0, NULL, &r)) {
		snprintf(err, errsize, "a git merge is in progress: finish it (resolve, git commit), then commit the data set");
		rv_git_run_free(&r);
		return RV_E_REFUSED;
	}
	enum rv_result res = stage_files(dir, files, nfiles, &r, err, errsize);
	if (res == RV_OK) {
		/* Only the session's files: whatever else is staged stays staged, not committed. */
		struct strbuf author_arg, author_env;
		sb_init(&author_arg);
		sb_init(&author_env);
		const char *env[2] = {NULL, NULL};
		const char *head[6] = {"commit", "-q", "--cleanup=whitespace", "-F", "-"};
		size_t h = 5;
		if (author && *author && has_email(author)) {
			sb_addf(&author_arg, "--author=%s", author);
			head[h++] = author_arg.data;
		} else if (author && *author) {
			sb_addf(&author_env, "GIT_AUTHOR_NAME=%s", author);
			env[0] = author_env.data;
		}
		const char **args = with_files(head, h, files, nfiles);
		if (!rv_git(dir, args, message, strlen(message), env, &r)) {
			say_git_error("commit", &r, err, errsize);
			res = RV_E_FAILED;
		}
		free(args);
		sb_free(&author_arg);
		sb_free(&author_env);
	}
	if (res == RV_OK) {
		char branch[64];
		const char *sha[] = {"rev-parse", "--short", "HEAD", NULL};
		rv_git(dir, sha, NULL, 0, NULL, &r);
		chomp(&r.out);
		rv_git_branch(dir, branch, sizeof(branch));
		struct strbuf safe;
		sb_init(&safe);
		text_sanitize(&safe, r.out.data ? r.out.data : "", r.out.len, 0);
		sb_addf(said, "committed %s%s%s", safe.data ? safe.data : "", branch[0] ? " on " : "", branch);
		sb_free(&safe);
	}
	rv_git_run_free(&r);
	return res;
}
