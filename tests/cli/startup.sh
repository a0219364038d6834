#!/bin/sh
# Starting the browser where it cannot run: no terminal on stdin or stdout, TERM unset, unknown or
# dumb. Each is said by recview itself and exits 3, at once (a timeout catches a loop). A key script
# (RECVIEW_SCRIPT) still runs without any terminal.
. tests/cli/lib.sh

# browse NAME ENV...: recview data in env ENV, stdin from /dev/null; must exit 3 within the timeout
browse() {
	name=$1
	shift
	env "$@" timeout 10 "$BIN" data </dev/null >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -eq 3 ]; then echo "ok $name (exit 3)"; else echo "not ok $name: exit $got, wanted 3 (124: it hung)"; fi
}

browse stdin-null TERM=xterm-256color
has stdin-null-message err "the browser needs a terminal, and standard input is not one"
has stdin-null-hint err "--list"
lacks stdin-null-quiet-stdout out "Recommendations"
printf '' | env TERM=xterm-256color timeout 10 "$BIN" data >"$TMP/out" 2>"$TMP/err"
got=$?
if [ "$got" -eq 3 ]; then echo "ok stdin-pipe (exit 3)"; else echo "not ok stdin-pipe: exit $got, wanted 3"; fi
browse term-unset-no-tty -u TERM
has term-unset-no-tty-message err "recview: "

# On a terminal (a pseudo-terminal made by script(1)), TERM decides.
# ncurses keeps what a failed newterm allocated (new_prescr): not ours to free, so a sanitizer build
# is told so.
printf 'leak:new_prescr\n' >"$TMP/lsan.supp"
# onpty NAME ENV...: recview data on a pty, in env ENV; its exit code comes back through script -e
onpty() {
	name=$1
	shift
	env "$@" LSAN_OPTIONS="suppressions=$TMP/lsan.supp" timeout 10 script -qec "$BIN data" /dev/null \
		</dev/null >"$TMP/out" 2>&1
	got=$?
	if [ "$got" -eq 3 ]; then echo "ok $name (exit 3)"; else echo "not ok $name: exit $got, wanted 3 (124: it hung)"; fi
	lacks "$name-not-ncurses" out "Error opening terminal"
}
if command -v script >/dev/null 2>&1; then
	onpty term-unset -u TERM
	has term-unset-message out "recview: TERM is not set"
	onpty term-empty TERM=
	has term-empty-message out "recview: TERM is not set"
	onpty term-unknown TERM=nonsense-term
	has term-unknown-message out "recview: unknown terminal type 'nonsense-term' (TERM)"
	onpty term-dumb TERM=dumb
	has term-dumb-message out "recview: TERM is 'dumb'"
	# A hostile TERM is quoted like any other text from outside.
	onpty term-hostile "TERM=$(printf 'x\033]0;pwned\007')"
	has term-hostile-visible out "'x^[]0;pwned^G'"
	if LC_ALL=C grep -q "$(printf '\033]0;')" "$TMP/out"; then echo "not ok term-hostile-no-esc"; else echo "ok term-hostile-no-esc"; fi
	# The usual terminal still starts: q quits.
	printf 'q' >"$TMP/keys"
	env TERM=xterm-256color timeout 10 script -qec "$BIN --read-only data" /dev/null <"$TMP/keys" >"$TMP/out" 2>&1
	got=$?
	if [ "$got" -eq 0 ]; then echo "ok term-xterm (exit 0)"; else echo "not ok term-xterm: exit $got, wanted 0"; fi
	has term-xterm-screen out "Recommendations"
else
	echo "not ok pty: script(1) is missing (util-linux's bsdutils)"
fi

# A key script needs no terminal at all: not on stdin or stdout, nor TERM.
printf 'j\nq\n' >"$TMP/script"
env -u TERM RECVIEW_SCRIPT="$TMP/script" timeout 10 "$BIN" --read-only data </dev/null >"$TMP/out" 2>"$TMP/err"
got=$?
if [ "$got" -eq 0 ]; then echo "ok script-no-terminal (exit 0)"; else echo "not ok script-no-terminal: exit $got, wanted 0"; sed 's/^/  err: /' "$TMP/err" | head -3; fi
if [ -s "$TMP/out" ]; then echo "not ok script-no-output: stdout not empty"; else echo "ok script-no-output"; fi
