/* ui.h - the interactive browser (ncurses). */
#ifndef RECVIEW_UI_H
#define RECVIEW_UI_H

#include "recview/cli.h"
#include "recview/model.h"

/* Runs the browser on a loaded data set; returns the exit code. */
int ui_run(struct rv_model *m, const struct cli_options *opt);

#endif
