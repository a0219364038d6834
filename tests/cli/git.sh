#!/bin/sh
# git as the shared store: a repository made here (git init), pushed to a bare one, two clones set up
# with recview git-setup; different changes in each (the browser with --commit in one, a
# spreadsheet's edits and appended rows in the other) merged by git pull without a conflict and
# everything present; then one true conflict that stops only its file and loses nothing. Also the
# merge driver's and git-setup's usage and errors, the branch on the status line, and that recview
# never commits unasked.
. tests/cli/lib.sh
if ! command -v git >/dev/null 2>&1; then
	echo "not ok git-installed: git is needed (make check installs it)"
	exit 0
fi
ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
unset GIT_CEILING_DIRECTORIES GIT_DIR GIT_WORK_TREE
export GIT_CONFIG_NOSYSTEM=1 HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" TZ=UTC
mkdir -p "$HOME"
DATA=$(pwd)/data

# check NAME CONDITION...: ok when the command succeeds
check() {
	name=$1
	shift
	if "$@"; then echo "ok $name"; else echo "not ok $name"; fi
}
# g DIR GIT-ARGS...: git in a clone, its output in $TMP/git.out
g() {
	dir=$1
	shift
	git -C "$dir" "$@" >"$TMP/git.out" 2>&1
}
# play DIR SCRIPT-TEXT ARGS...: the browser on DIR with keys from SCRIPT-TEXT
play() {
	dir=$1 keys=$2
	shift 2
	printf '%s\n' "$keys" >"$TMP/keys"
	(cd "$dir" && USER=tester RECVIEW_NOW=2026-11-23T14:05:00 LINES=30 COLUMNS=120 TERM=xterm \
		RECVIEW_SCRIPT="$TMP/keys" "$ABS_BIN" "$@" .) >"$TMP/out" 2>"$TMP/err"
}
clone_as() { # NAME USER
	git clone -q "$TMP/origin.git" "$TMP/$1" 2>/dev/null
	git -C "$TMP/$1" config user.name "$2"
	git -C "$TMP/$1" config user.email "$2@example.org"
	git -C "$TMP/$1" config pull.rebase false
}

# --- usage
run driver-usage 2 "$BIN" merge-driver onlyone
has driver-usage-says err "merge-driver takes BASE OURS THEIRS"
run driver-help 0 "$BIN" merge-driver --help
has driver-help-text out "usage: recview merge-driver BASE OURS THEIRS [PATH]"
mkdir "$TMP/plain"
run setup-outside 2 "$BIN" -C "$TMP/plain" git-setup
has setup-outside-says err "is not in a git work tree"
run setup-two-dirs 2 "$BIN" -C "$TMP/plain" git-setup "$TMP/plain"

# --- a repository made here, its data set under team/
mkdir -p "$TMP/seed/team"
cp "$DATA"/*.csv "$TMP/seed/team/"
git -C "$TMP/seed" init -q -b main
git -C "$TMP/seed" config user.name Seed
git -C "$TMP/seed" config user.email seed@example.org
printf 'docs/*.txt text\n' >"$TMP/seed/team/.gitattributes"
git -C "$TMP/seed" add -A
git -C "$TMP/seed" commit -q -m "The data set"
git clone -q --bare "$TMP/seed" "$TMP/origin.git" 2>/dev/null
clone_as a ann
clone_as b bob

run setup 0 "$BIN" -C "$TMP/a/team" git-setup
has setup-says out ".gitattributes: added *.csv merge=recview"
check setup-keeps-lines grep -qxF 'docs/*.txt text' "$TMP/a/team/.gitattributes"
check setup-attribute grep -qxF '*.csv merge=recview' "$TMP/a/team/.gitattributes"
check setup-ignores grep -qxF '.recview.lock' "$TMP/a/team/.gitignore"
driver=$(git -C "$TMP/a" config merge.recview.driver)
case $driver in
*"merge-driver %O %A %B %P") echo "ok setup-driver-config" ;;
*) echo "not ok setup-driver-config: $driver" ;;
esac
# PATH has no recview: the driver names this binary
case $driver in
"'$ABS_BIN' merge-driver"*) echo "ok setup-driver-path" ;;
*) echo "not ok setup-driver-path: $driver" ;;
esac
cp "$TMP/a/team/.gitattributes" "$TMP/attrs"
run setup-again 0 "$BIN" -C "$TMP/a/team" git-setup
has setup-again-says out "is there already"
check setup-idempotent cmp -s "$TMP/attrs" "$TMP/a/team/.gitattributes"
g "$TMP/a" add team/.gitattributes team/.gitignore
g "$TMP/a" commit -q -m "recview merges the tables"
g "$TMP/a" push -q origin main
g "$TMP/b" pull -q
(cd "$TMP/b/team" && "$ABS_BIN" git-setup >/dev/null)
check setup-in-b test -n "$(git -C "$TMP/b" config --get merge.recview.driver)"

# --- the branch on the status line; no commit unasked
play "$TMP/a/team" ':save-display '"$TMP"'/screen-a
q'
check branch-on-status-line grep -q 'git:main' "$TMP/screen-a"
commits=$(git -C "$TMP/a" rev-list --count HEAD)
play "$TMP/a/team" '<Colon>SSR1-3<Enter>
c
in progress<Enter>
<Enter>
<Enter>
q
q'
check no-commit-unasked test "$(git -C "$TMP/a" rev-list --count HEAD)" = "$commits"
check change-saved grep -q '^SSR1-3,2026-11-23,,in progress,recview: tester,' "$TMP/a/team/status_history.csv"

# --- ann: the same change again, committed by the browser on quit (--commit), with her name
g "$TMP/a" checkout -q -- team
printf 'author = Ann Example <ann@example.org>\n' >"$TMP/config-ann"
mkdir -p "$XDG_CONFIG_HOME/recview"
cp "$TMP/config-ann" "$XDG_CONFIG_HOME/recview/config"
play "$TMP/a/team" '<Colon>SSR1-3<Enter>
c
in progress<Enter>
drafted<Enter>
<Enter>
q
q' --commit
check commit-exit test $? -eq 0
has commit-says err "committed "
check commit-made test "$(git -C "$TMP/a" rev-list --count HEAD)" = "$((commits + 1))"
check commit-author test "$(git -C "$TMP/a" log -1 --format='%an <%ae>')" = "Ann Example <ann@example.org>"
git -C "$TMP/a" log -1 --format=%B >"$TMP/msg"
check commit-subject test "$(head -1 "$TMP/msg")" = "Triage: 1 change by Ann Example <ann@example.org>"
check commit-minutes grep -q '| SSR1-3 | status: .* in progress (as of 2026-11-23) | drafted |' "$TMP/msg"
check commit-only-data test -z "$(git -C "$TMP/a" status --porcelain)"
rm "$XDG_CONFIG_HOME/recview/config"

g "$TMP/a" push -q origin main

# --- bob: a spreadsheet's edit of another row and rows appended, committed by hand; then git pull
sed -i 's/,Review remit,/,Review the remit,/' "$TMP/b/team/recommendations.csv"
printf 'SSR1-5,2026-11-22,,complete,recview: bob,closed\n' >>"$TMP/b/team/status_history.csv"
printf 'SSR1-5,2026-11-24,,complete,recview: bob,checked\n' >>"$TMP/b/team/status_history.csv"
g "$TMP/b" commit -q -a -m "Bob's edits"
if g "$TMP/b" pull -q --no-edit; then echo "ok pull-merges"; else echo "not ok pull-merges"; sed 's/^/  /' "$TMP/git.out"; fi
check pull-no-markers test -z "$(grep -l '^<<<<<<<' "$TMP/b/team"/*.csv)"
check pull-has-ann grep -q '^SSR1-3,.*,in progress,' "$TMP/b/team/recommendations.csv"
check pull-has-bob grep -q ',Review the remit,' "$TMP/b/team/recommendations.csv"
# history: every row of both, in date order: bob's 22nd, ann's 23rd, bob's 24th
tail -3 "$TMP/b/team/status_history.csv" | cut -d, -f1,2 >"$TMP/tail"
printf 'SSR1-5,2026-11-22\nSSR1-3,2026-11-23\nSSR1-5,2026-11-24\n' >"$TMP/want"
check pull-history-date-order cmp -s "$TMP/tail" "$TMP/want"
want_rows=$(($(wc -l <"$DATA/status_history.csv") + 3))
check pull-history-all-rows test "$(wc -l <"$TMP/b/team/status_history.csv")" -eq "$want_rows"
check pull-rest-unchanged cmp -s "$DATA/deliverables.csv" "$TMP/b/team/deliverables.csv"
run pull-loads 0 "$BIN" --check "$TMP/b/team"
g "$TMP/b" push -q origin main

# --- one true conflict: the same status set two ways; notes added on both sides merge meanwhile
g "$TMP/a" pull -q --no-edit
sed -i 's/^\(SSR1-7,SSR1,7,.*\),approved,\([^,]*\),/\1,approved,complete,/' "$TMP/a/team/recommendations.csv"
printf 'rec_id,time,author,note\nSSR1-7,2026-11-25T10:00:00,ann,mine\n' >"$TMP/a/team/notes.csv"
g "$TMP/a" add team
g "$TMP/a" commit -q -m "Ann: SSR1-7 complete"
g "$TMP/a" push -q origin main
sed -i 's/^\(SSR1-7,SSR1,7,.*\),approved,\([^,]*\),/\1,approved,deferred,/' "$TMP/b/team/recommendations.csv"
printf 'rec_id,time,author,note\nSSR1-7,2026-11-25T09:00:00,bob,theirs too\n' >"$TMP/b/team/notes.csv"
g "$TMP/b" add team
g "$TMP/b" commit -q -m "Bob: SSR1-7 deferred"
if g "$TMP/b" pull -q --no-edit; then echo "not ok conflict-stops: the pull merged"; else echo "ok conflict-stops"; fi
has conflict-driver-says git.out "'SSR1-7': 'status': ours 'deferred', theirs 'complete'"
git -C "$TMP/b" diff --name-only --diff-filter=U >"$TMP/unmerged"
printf 'team/recommendations.csv\n' >"$TMP/want"
check conflict-only-its-file cmp -s "$TMP/unmerged" "$TMP/want"
f="$TMP/b/team/recommendations.csv"
check conflict-markers test "$(grep -c '^<<<<<<< ours$' "$f")" -eq 1 -a "$(grep -c '^>>>>>>> theirs$' "$f")" -eq 1
check conflict-both-values test "$(grep -c '^SSR1-7,.*,approved,deferred,' "$f")" -eq 1 -a \
	"$(grep -c '^SSR1-7,.*,approved,complete,' "$f")" -eq 1
# nothing lost: every other row as it is on both sides. A row may run over lines (a narrative with
# line breaks): a record that starts with one of the ids is left out whole, to its closing quote.
without_recs() {
	awk -v ids="$1" 'BEGIN { n = split(ids, a, " "); for (i = 1; i <= n; i++) id[a[i] ","] = 1 }
		skip { q += gsub(/"/, "\""); if (q % 2 == 0) skip = 0; next }
		{ p = index($0, ","); if (p && (substr($0, 1, p) in id)) { q = gsub(/"/, "\""); skip = q % 2; next } print }'
}
grep -v '^<<<<<<<\|^=======\|^>>>>>>>' "$f" | without_recs SSR1-7 >"$TMP/rest"
git -C "$TMP/b" show HEAD:team/recommendations.csv | without_recs SSR1-7 >"$TMP/rest-want"
check conflict-rest-kept cmp -s "$TMP/rest" "$TMP/rest-want"
check conflict-notes-merged test "$(grep -c '^SSR1-7,' "$TMP/b/team/notes.csv")" -eq 2
run conflict-check 2 "$BIN" --check "$TMP/b/team"
has conflict-reported err "error: unresolved merge conflict at "
has conflict-theirs-shown err "merge conflict, theirs (not read): 'status' is 'complete' where ours has 'deferred'; the row: 'SSR1-7,"
# --commit refuses while the merge is unfinished, and says so (exit 6): the data stays on disk
printf 'git = commit\n' >"$XDG_CONFIG_HOME/recview/config"
play "$TMP/b/team" '<Colon>SSR1-9<Enter>
c
complete<Enter>
y
<Enter>
<Enter>
q
q'
check commit-refused-exit test $? -eq 6
check commit-refused-in-merge grep -q 'git commit failed: a git merge is in progress' "$TMP/err"
check commit-refused-data-saved grep -q '^SSR1-9,2026-11-23,,complete,recview: tester,' "$TMP/b/team/status_history.csv"
rm "$XDG_CONFIG_HOME/recview/config"

# --- settled in the browser: the problems view's Enter on the conflict, t keeps theirs; then git commit
f="$TMP/b/team/recommendations.csv"
play "$TMP/b/team" '!
<Enter>
t<Enter>
:save-display '"$TMP"'/screen-settled
q'
check settle-exit test $? -eq 0
check settle-says grep -q 'Kept theirs in recommendations.csv, without the conflict markers' "$TMP/screen-settled"
check settle-no-markers test "$(grep -c '^<<<<<<<\|^=======\|^>>>>>>>' "$f")" -eq 0
check settle-theirs-value grep -q '^SSR1-7,.*,approved,complete,' "$f"
# every other row as before, but for SSR1-9, which the refused session above changed
without_recs "SSR1-7 SSR1-9" <"$f" >"$TMP/rest"
without_recs SSR1-9 <"$TMP/rest-want" >"$TMP/rest-want-9"
check settle-rest-kept cmp -s "$TMP/rest" "$TMP/rest-want-9"
run settle-loads 0 "$BIN" --check "$TMP/b/team"
g "$TMP/b" add team
check settle-commit g "$TMP/b" commit -q --no-edit
