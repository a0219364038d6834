#!/bin/sh
# Plays one key script without a terminal and compares each saved screen with tests/screen/expected/.
#   # size COLSxLINES   and   # args ARGS...   in the script set the screen and the command line.
#   # copy DIR   plays it on a copy of the data set DIR, named @COPY (or @copy) in the args (a script that
#   changes files), and   # env NAME=VALUE...   sets the environment (USER, RECVIEW_NOW; @PWD is the
#   directory the tests run in, for XDG_CONFIG_HOME=@PWD/tests/data/config-bind).
#   :save-matches NAME   saves the screen with a row of ^ under the cells drawn as search matches.
# UPDATE=1 writes the screens as the new expectations (review them before committing).
set -u
BIN=${BIN:-./recview}
# Not the branch of recview's own work tree on the status line (see tests/run.sh).
GIT_CEILING_DIRECTORIES=$(pwd)
export GIT_CEILING_DIRECTORIES
script=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
size=$(sed -n 's/^# size //p' "$script")
args=$(sed -n 's/^# args //p' "$script")
envs=$(sed -n 's/^# env //p' "$script" | sed "s|@PWD|$(pwd)|g")
copy=$(sed -n 's/^# copy //p' "$script")
if [ -n "$copy" ]; then
	mkdir "$tmp/copy"
	cp -R "$copy"/. "$tmp/copy/"
	args=$(printf '%s' "$args" | sed "s|@COPY|$tmp/copy|g; s|@copy|$tmp/copy|g")
fi
cols=${size%x*}
lines=${size#*x}
sed "s|^:save-display |:save-display $tmp/|; s|^:save-matches |:save-matches $tmp/|" "$script" >"$tmp/script"
# shellcheck disable=SC2086
env $envs LINES=$lines COLUMNS=$cols TERM=xterm-256color RECVIEW_SCRIPT="$tmp/script" timeout 20 "$BIN" $args >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
if [ "$status" -ne 0 ]; then
	echo "$script: recview exited with $status"
	cat "$tmp/stderr"
	exit 1
fi
rc=0
for name in $(sed -n 's/^:save-display //p; s/^:save-matches //p' "$script"); do
	want=tests/screen/expected/$name
	if [ "${UPDATE:-0}" = 1 ]; then
		sed "s|$tmp/copy|@copy|g" "$tmp/$name" >"$want"
		continue
	fi
	if [ ! -f "$tmp/$name" ]; then
		echo "$script: screen $name was not saved"
		rc=1
	elif ! sed "s|$tmp/copy|@copy|g" "$tmp/$name" | cmp -s "$want" -; then
		echo "$script: screen $name differs from $want:"
		sed "s|$tmp/copy|@copy|g" "$tmp/$name" | diff -u "$want" - | head -40
		rc=1
	fi
done
exit $rc
