#!/bin/sh
# A triage change saved into every export of the corpus that loads (the LOADS of exports.sh), the way
# its tool wrote it: a status change with a note, and a note. Then: recview exits 0; the change reads
# back; every other file is byte for byte the same; recommendations.csv differs in that row alone
# (or in each row that repeats it, in a flat sheet);
# the history and the notes only grew (the old bytes are a prefix of the new); and every file still
# decodes in its own encoding, its BOM kept. Where the recommendations' status is one that recview.map
# takes out of a cell by a pattern (GitHub's labels), the status change is refused and only the note
# is saved: no cell a mapping reads a part of is rewritten.
. tests/cli/lib.sh
LOADS=$(sed -n 's/^LOADS="\(.*\)"/\1/p' tests/cli/exports.sh)
DERIVED_STATUS="github"

# iconv's name for the encoding EXPECTED gives a file
iconv_name() {
	case $1 in
	windows-1252) echo CP1252 ;;
	macintosh | mac-roman | macroman) echo MACINTOSH ;;
	utf-16le) echo UTF-16LE ;;
	utf-16be) echo UTF-16BE ;;
	*) echo UTF-8 ;;
	esac
}

# decoded FILE ENCODING: the file's text in UTF-8 (fails when it does not decode)
decoded() { iconv -f "$(iconv_name "$2")" -t UTF-8 "$1"; }

for name in $LOADS; do
	src=tests/data/exports/$name
	dir=$TMP/$name
	rm -rf "$dir" "$dir.orig"
	cp -R "$src" "$dir"
	cp -R "$src" "$dir.orig"
	id=$("$BIN" --list "$dir" 2>/dev/null | head -1 | cut -f1)
	# the file the recommendations are in (the first of --check's files; a mapping may name it)
	recs_file=$("$BIN" --check "$dir" 2>/dev/null | sed -n '2s/^  \(.*[^ ]\)  *[0-9][0-9]* rows.*/\1/p')
	was=$("$BIN" --list "$dir" 2>/dev/null | head -1 | cut -f4)
	# (not complete: that asks first when the recommendation has open deliverables or questions)
	new="in progress"
	[ "$was" = "in progress" ] && new="in planning"
	printf '<Colon>%s<Enter>c%s<Enter>saved with an élan<Enter><Enter>ia note, in its encoding: café<Enter>\n' \
		"$id" "$new" >"$TMP/keys"
	RECVIEW_SCRIPT=$TMP/keys RECVIEW_NOW=2026-11-23T14:05:00 USER=tester "$BIN" "$dir" >/dev/null 2>"$TMP/err"
	got=$?
	if [ "$got" -ne 0 ]; then
		echo "not ok $name-saved: exit $got: $(head -c 300 "$TMP/err")"
		continue
	fi
	"$BIN" --show "$id" "$dir" >"$TMP/show" 2>/dev/null
	"$BIN" --export minutes "$dir" >"$TMP/minutes" 2>/dev/null
	case " $DERIVED_STATUS " in
	*" $name "*)
		if ! grep -qF "saved with an élan" "$TMP/show" && grep -qF "a note, in its encoding: café" "$TMP/minutes" &&
			[ ! -e "$dir/status_history.csv" ]; then
			echo "ok $name-status-refused-note-saved"
		else
			echo "not ok $name-status-refused-note-saved: the status change was made, or the note lost"
		fi ;;
	*)
		if grep -qF "saved with an élan" "$TMP/show" && grep -qF "a note, in its encoding: café" "$TMP/minutes"; then
			echo "ok $name-reads-back"
		else
			echo "not ok $name-reads-back: --show $id lacks the change"
		fi ;;
	esac
	bad=""
	for f in "$dir.orig"/*; do
		base=$(basename "$f")
		case $base in EXPECTED | recview.map) continue ;; esac
		enc=$(sed -n "s/^file $base: encoding=\([^ ]*\).*/\1/p" "$src/EXPECTED")
		[ -n "$enc" ] || enc=utf-8
		if cmp -s "$f" "$dir/$base"; then
			continue
		fi
		if ! decoded "$dir/$base" "$enc" >"$TMP/new.txt" 2>/dev/null; then
			bad="$bad $base(no longer $enc)"
			continue
		fi
		decoded "$f" "$enc" >"$TMP/old.txt" 2>/dev/null
		case $base in
		"$recs_file")
			changed=$(diff "$TMP/old.txt" "$TMP/new.txt" | grep -c '^>')
			# one row, or each row that repeats the recommendation (a flat sheet)
			rows=$(grep -c "^\"\{0,1\}$id\"\{0,1\}[,;	|]" "$TMP/old.txt")
			[ "$rows" -ge 1 ] || rows=1
			[ "$changed" -le "$rows" ] || bad="$bad $base($changed lines changed, $rows rows of $id)" ;;
		*)
			size=$(wc -c <"$f" | tr -d ' ')
			cmp -s -n "$size" "$f" "$dir/$base" || bad="$bad $base(not only appended)"
			# what was typed reads back in the file's own encoding (UTF-8 bytes in a cp1252 file would not)
			grep -qF -e "café" -e "élan" "$TMP/new.txt" || bad="$bad $base(typed text not in $enc)" ;;
		esac
		case $enc in utf-16*)
			[ "$(od -An -tx1 -N2 "$dir/$base" | tr -d ' ')" = "$(od -An -tx1 -N2 "$f" | tr -d ' ')" ] ||
				bad="$bad $base(BOM lost)" ;;
		esac
	done
	if [ -z "$bad" ]; then echo "ok $name-bytes-kept"; else echo "not ok $name-bytes-kept:$bad"; fi
done
