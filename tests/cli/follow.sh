#!/bin/sh
# recview --follow on the command line: a usage error with anything but the browser, a missing data
# directory said as for the browser, and the walkthrough's files in a data set (a state file that is
# garbage, a link, the followers' directory) never read as data nor changed by loading; git-setup
# ignores them.
. tests/cli/lib.sh

run missing-dir 2 "$BIN" --follow "$TMP/nowhere"
has missing-dir-said err "no data set could be loaded from $TMP/nowhere"
run with-check 2 "$BIN" --follow --check data
has with-check-said err "--follow goes with the browser"
run with-commit 2 "$BIN" --follow --commit data
has with-commit-said err "--commit goes with the browser (not with --read-only)"
run with-list 2 "$BIN" --list --follow data
run help 0 "$BIN" --help
has help-lists out "--follow"
run two-dirs 2 "$BIN" --follow data data
has two-dirs-said err "one data set directory at most"

# A data set holding a bad state file and followers' files loads as it would without them.
mkdir "$TMP/d"
cp data/*.csv "$TMP/d/"
"$BIN" --check "$TMP/d" >"$TMP/clean.out" 2>"$TMP/clean.err"
clean=$?
printf 'recview-present 1\npid 1\nhost \033]52;c;AAAA\007\n%0300d\n' 7 >"$TMP/d/.recview-present"
mkdir "$TMP/d/.recview-follow"
printf 'user x\n' >"$TMP/d/.recview-follow/alpha-12"
run check-with-state "$clean" "$BIN" --check "$TMP/d"
same check-with-state-out out "$TMP/clean.out"
lacks check-never-reads-it err "recview-present"
run list-with-state 0 "$BIN" --list "$TMP/d"
cksum "$TMP/d/.recview-present" >"$TMP/sum.before"
# Without a terminal the follower stops before the screen: the files stay as they were.
run follow-no-terminal 3 "$BIN" --follow "$TMP/d" </dev/null
cksum "$TMP/d/.recview-present" >"$TMP/sum.after"
cmp -s "$TMP/sum.before" "$TMP/sum.after" && echo "ok state-file-untouched" || echo "not ok state-file-untouched"
[ -f "$TMP/d/.recview-follow/alpha-12" ] && echo "ok follower-file-untouched" || echo "not ok follower-file-untouched"

if command -v git >/dev/null 2>&1; then
	mkdir "$TMP/g"
	git -C "$TMP/g" init -q
	cp data/*.csv "$TMP/g/"
	run git-setup 0 "$BIN" git-setup "$TMP/g"
	grep -qxF '.recview-present' "$TMP/g/.gitignore" && echo "ok git-ignores-state" || echo "not ok git-ignores-state"
	grep -qxF '.recview-follow/' "$TMP/g/.gitignore" && echo "ok git-ignores-followers" || echo "not ok git-ignores-followers"
fi
