#!/bin/sh
# A Windows-1252 export (Excel for Windows) in a real terminal: its text reads decoded; a note with
# é is saved in the file's own encoding; a note with an emoji is refused with the reason and the
# offer to convert the file to UTF-8; n keeps the file as it was, y converts it and saves the note.
. tests/tmux/lib.sh
DATA="$TMP/data"
cp -R tests/data/exports/excel-windows-us "$DATA"
START_ENV="USER=tester RECVIEW_NOW=2026-11-23T14:05:00"

start 120 40 "$DATA"
expect start "SSR1-11"
keys ':' 'SSR1-2' Enter
expect decoded "ICANN’s definition"
keys i 'café au lait' Enter
expect note-saved "Saved: note added to SSR1-2"
if tail -c 20 "$DATA/notes.csv" | od -An -c | tr -d ' \n' | grep -q 'caf351aulait'; then
	echo "ok note-in-cp1252"
else
	echo "not ok note-in-cp1252:"; tail -c 20 "$DATA/notes.csv" | od -c
fi
cp "$DATA/notes.csv" "$TMP/notes-before"
keys i 'party 🎉' Enter
expect refused "notes.csv is in Windows-1252, which cannot hold"
expect offer "Convert notes.csv to UTF-8"
keys n
expect not-converted "nothing was changed"
if cmp -s "$TMP/notes-before" "$DATA/notes.csv"; then echo "ok unchanged-after-no"; else echo "not ok unchanged-after-no"; fi
keys i 'party 🎉' Enter
expect offer-again "Convert notes.csv to UTF-8"
keys y
expect converted "Saved: note added to SSR1-2"
if iconv -f UTF-8 -t UTF-8 "$DATA/notes.csv" >/dev/null 2>&1 && grep -q 'café au lait' "$DATA/notes.csv" &&
	grep -q 'party 🎉' "$DATA/notes.csv"; then
	echo "ok converted-to-utf8"
else
	echo "not ok converted-to-utf8"; od -c "$DATA/notes.csv" | tail -5
fi
keys Q
exited quit 0
