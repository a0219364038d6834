/*
 * git.h - git as the shared store of a data set: running git (spawned with an argument vector, never
 * through a shell; its output captured), the branch of a work tree, setting up a clone for recview's
 * merge driver (recview git-setup), and committing a session's files.
 */
#ifndef RECVIEW_GIT_H
#define RECVIEW_GIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "recview/error.h"
#include "recview/strbuf.h"

struct rv_git_run {
	int status;        /* git's exit code; -1 when it could not be started or did not exit */
	struct strbuf out; /* its standard output */
	struct strbuf err; /* its standard error, or why it could not be started */
};

void rv_git_run_init(struct rv_git_run *r);
void rv_git_run_free(struct rv_git_run *r);

/*
 * Runs "git -C dir ARGS..." (dir NULL: no -C), args ending with NULL; input (NULL: nothing) is its
 * standard input; env (NULL-terminated "NAME=VALUE" entries, or NULL) is added to the environment.
 * True when git ran and exited 0. r is reset first.
 */
bool rv_git(const char *dir, const char *const *args, const char *input, size_t input_len, const char *const *env,
	    struct rv_git_run *r);

/* Whether dir lies in a git work tree (git installed and answering). */
bool rv_git_in_work_tree(const char *dir);

/*
 * The branch checked out in the work tree holding dir ("main"), "(abc1234)" for a detached HEAD,
 * made safe to show (controls made visible, at most size - 1 bytes); "" when dir is in no work tree.
 */
void rv_git_branch(const char *dir, char *out, size_t size);

/*
 * recview git-setup: in dir (which must lie in a git work tree), .gitattributes gets the line
 * "*.csv merge=recview" (kept when there; every other line kept), and the clone's configuration
 * merge.recview.name and merge.recview.driver ("recview merge-driver %O %A %B %P", with the path of
 * self instead of "recview" when that is not the recview found on PATH). Says what it did on out,
 * problems on err. Returns an exit code: 0 done, 2 not in a work tree or a step failed.
 */
int rv_git_setup(const char *dir, const char *self, FILE *out, FILE *err);

/*
 * Commits the files (names inside dir) of a session: git add, then git commit of those paths alone,
 * with message (its first line the subject) and author ("Name <email>" as --author; a plain name as
 * the author's name with git's own email; NULL or "": git's own). Result (error.h): RV_OK, committed
 * (said: "committed abc1234 on main"); RV_E_NOT_FOUND, nothing changed to commit; RV_E_REFUSED, dir
 * is in no work tree or a merge is in progress; RV_E_FAILED, git failed. err says why.
 */
enum rv_result rv_git_commit(const char *dir, const char *const *files, size_t nfiles, const char *message,
			     const char *author, struct strbuf *said, char *err, size_t errsize);

struct rv_session;
/*
 * Commits what a session saved (recview --commit, or git = commit): the files of the data set's
 * tables and its recview.map, with the session's minutes as the message under a subject line
 * ("Triage: 2 changes by Ann"), author as rv_git_commit takes it. A session that changed nothing
 * commits nothing (RV_E_NOT_FOUND); otherwise as rv_git_commit.
 */
enum rv_result rv_session_commit(const struct rv_session *s, const char *author, struct strbuf *said, char *err,
				 size_t errsize);

/* On quit with --commit: rv_session_commit, said on err ("recview: committed abc1234 on main: Triage:
 * 2 changes by Ann"; why not, when it failed). Returns EXIT_CLEAN, or EXIT_GIT when it failed. */
int rv_session_commit_on_quit(const struct rv_session *s, const char *author, FILE *err);

#endif
