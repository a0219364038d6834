/* session_git.c - committing a session's files to git on quit (git.h: rv_session_commit). */
#include "recview/git.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "recview/arena.h"
#include "recview/cli.h"
#include "recview/diag.h"
#include "recview/export.h"
#include "recview/mapping.h"
#include "recview/model.h"
#include "recview/triage.h"

/* The files of the data set that exist: every table's, and recview.map. */
static size_t data_set_files(const struct rv_model *m, const char **files)
{
	size_t n = 0;
	for (int k = 0; k < RV_KIND_COUNT; k++) {
		const char *name = rv_table_file(m, (enum rv_kind)k);
		bool seen = false;
		for (size_t i = 0; i < n && !seen; i++)
			seen = strcmp(files[i], name) == 0;
		char *path = rv_model_path(m, (enum rv_kind)k);
		struct stat st;
		if (!seen && stat(path, &st) == 0 && S_ISREG(st.st_mode))
			files[n++] = name;
		free(path);
	}
	struct strbuf map;
	sb_init(&map);
	sb_addf(&map, "%s/%s", m->dir, RV_MAP_FILE);
	struct stat st;
	if (stat(map.data, &st) == 0 && S_ISREG(st.st_mode))
		files[n++] = RV_MAP_FILE;
	sb_free(&map);
	return n;
}

enum rv_result rv_session_commit(const struct rv_session *s, const char *author, struct strbuf *said, char *err,
				 size_t errsize)
{
	if (s->applied == 0) {
		snprintf(err, errsize, "the session changed nothing: nothing to commit");
		return RV_E_NOT_FOUND;
	}
	struct strbuf msg;
	sb_init(&msg);
	sb_addf(&msg, "Triage: %zu change%s by %s\n\n", s->applied, s->applied == 1 ? "" : "s", s->author);
	rv_session_minutes(s, &msg);
	const char *files[RV_KIND_COUNT + 1];
	size_t n = data_set_files(s->m, files);
	enum rv_result res = rv_git_commit(s->m->dir, files, n, msg.data, author, said, err, errsize);
	sb_free(&msg);
	return res;
}

int rv_session_commit_on_quit(const struct rv_session *s, const char *author, FILE *err)
{
	struct strbuf said;
	sb_init(&said);
	char why[1024];
	enum rv_result res = rv_session_commit(s, author, &said, why, sizeof(why));
	int code = EXIT_CLEAN;
	if (res == RV_OK) {
		fprintf(err, "recview: %s: Triage: %zu change%s\n", said.data, s->applied, s->applied == 1 ? "" : "s");
	} else if (res == RV_E_NOT_FOUND) {
		fprintf(err, "recview: not committed: %s\n", why);
	} else {
		fprintf(err, "recview: the session is saved, but git commit failed: %s\n", why);
		code = EXIT_GIT;
	}
	sb_free(&said);
	return code;
}
