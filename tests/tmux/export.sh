#!/bin/sh
# x in a real terminal: it never writes over a file of the data set, whatever path leads there; it
# asks before replacing another file (n leaves it); messages name the absolute path; the CSV it
# writes has formulas defused; a failed export says so and leaves the old file.
. tests/tmux/lib.sh
REAL=$(cd "$TMP" && pwd -P)
mkdir "$TMP/data" "$TMP/out"
cp data/*.csv "$TMP/data/"
# A title that a spreadsheet would run.
sed 's/^SSR1-11,\([^,]*,[^,]*,[^,]*\),[^,]*,/SSR1-11,\1,"=HYPERLINK(""http:\/\/x"",""y"")",/' data/recommendations.csv >"$TMP/data/recommendations.csv"
grep -q '=HYPERLINK' "$TMP/data/recommendations.csv" || echo "not ok setup: no formula in the copy"
ln -s ../data/recommendations.csv "$TMP/out/link.csv"
ln "$TMP/data/questions.csv" "$TMP/out/hard.md"
ln -s ../data "$TMP/out/datalink"
printf 'old\n' >"$TMP/out/old.md"
fingerprint() { cksum "$TMP"/data/*.csv; }
before=$(fingerprint)

# recview runs in $TMP, so that relative paths are taken from there.
EXIT_FILE="$TMP/exit-1"
start_command 200 40 "cd '$TMP' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $ABS_BIN data; echo \$? >$EXIT_FILE; sleep 30"
expect start "SSR1-11"

# export_to PATH: x, with PATH typed over the proposed name
export_to() {
	keys x
	wait_for "export to (.md or .csv):"
	keys C-u "$1" Enter
}

export_to data/recommendations.csv
expect refused-data-file "NOT EXPORTED: $REAL/data/recommendations.csv is recommendations.csv of the data set"
export_to out/../data/status_history.csv
expect refused-dotdot "NOT EXPORTED: $REAL/data/status_history.csv is status_history.csv of the data set"
export_to out/link.csv
expect refused-symlink "NOT EXPORTED: $REAL/data/recommendations.csv is recommendations.csv of the data set"
export_to out/hard.md
expect refused-hard-link "NOT EXPORTED: $REAL/out/hard.md is questions.csv of the data set (or a hard link to it)"
export_to out/datalink
expect refused-directory "NOT EXPORTED: $REAL/data is the directory of the data set"
export_to data/notes.csv
expect refused-new-csv "NOT EXPORTED: $REAL/data/notes.csv would be a data file"
if [ "$(fingerprint)" = "$before" ] && [ ! -e "$TMP/data/notes.csv" ]; then echo "ok data-untouched"; else echo "not ok data-untouched"; fi

# A new file: written without a question, the message names it in full, formulas defused.
export_to out/list.csv
expect exported-csv "Exported the list to $REAL/out/list.csv"
if grep -qF "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" "$TMP/out/list.csv"; then echo "ok csv-defused"; else echo "not ok csv-defused"; grep SSR1-11 "$TMP/out/list.csv"; fi

# An existing file: asked first; n leaves it, y replaces it.
export_to out/old.md
expect asks-replace "replace $REAL/out/old.md? y/n"
keys n
expect kept-message "Not exported: $REAL/out/old.md was left as it was"
if [ "$(cat "$TMP/out/old.md")" = old ]; then echo "ok kept-on-n"; else echo "not ok kept-on-n"; fi
export_to out/old.md
expect asks-again "replace $REAL/out/old.md? y/n"
keys y
expect replaced "Exported the list to $REAL/out/old.md"
if head -1 "$TMP/out/old.md" | grep -qx '# Recommendations'; then echo "ok replaced-on-y"; else echo "not ok replaced-on-y"; fi

# Failures: not a regular file; a directory where no file can be created (the old file stays).
export_to /dev/full
expect refused-dev-full "NOT EXPORTED: /dev/full is not a regular file"
cp /proc/version "$TMP/version-before"
export_to /proc/version
expect asks-proc "replace /proc/version? y/n"
keys y
expect write-failed "NOT EXPORTED: cannot create a temporary file next to /proc/version"
expect write-failed-kept "(the file was not changed)"
# (through a pipe: cmp -s trusts the size, which /proc gives as 0)
if cat /proc/version | cmp -s - "$TMP/version-before"; then echo "ok proc-intact"; else echo "not ok proc-intact"; fi
if [ "$(id -u)" != 0 ]; then
	# Without root a read-only directory refuses the temporary file too.
	mkdir "$TMP/ro" && printf 'old\n' >"$TMP/ro/old.md" && chmod 555 "$TMP/ro"
	export_to ro/old.md
	keys y
	expect read-only-dir "NOT EXPORTED: cannot create a temporary file next to $REAL/ro/old.md"
	if [ "$(cat "$TMP/ro/old.md")" = old ]; then echo "ok read-only-dir-intact"; else echo "not ok read-only-dir-intact"; fi
	chmod 755 "$TMP/ro"
fi

keys Q
exited quit 0
if [ "$(fingerprint)" = "$before" ]; then echo "ok data-untouched-at-the-end"; else echo "not ok data-untouched-at-the-end"; fi
