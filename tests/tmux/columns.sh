#!/bin/sh
# The columns of the lists in a real terminal: the chooser (|) adds the status word, the list shows it
# at 200x60 and keeps it at 80x24; > scrolls sideways with the id kept, < comes back; the history's
# chooser lists its own columns.
. tests/tmux/lib.sh

START_ENV="XDG_CONFIG_HOME=$(pwd)/tests/data/config-split-off" start 200 60 --read-only data
expect default-header "Decision Pri Topic"
keys '_'
expect chooser "Columns of recommendations"
expect chooser-spec "columns.recommendations = id,decision,priority,topic,title,done,open,changed"
keys j j j j j j j j j Space K K K K K K K
expect status-second "id,status,decision"
keys '_'
expect status-header "ID        Status      Decision Pri Topic"
expect status-word "SSR1-4    in progress approved"
resize 80 24
expect status-kept-narrow "SSR1-4    in progress approved"
keys '>' '>'
expect scrolled-header "ID       ‹Pri Title or text"
expect id-kept "SSR1-4"
expect_not scrolled-off "in progress approved"
keys '<' '<'
expect back "SSR1-4    in progress approved"
keys t '_'
expect history-chooser "columns.history = date,rec,status,decision,note"
keys q q
expect list-again " Recommendations  "
keys Q
exited quit 0
