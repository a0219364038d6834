#!/bin/sh
# The export corpus is what its generator makes: tests/data/exports/generate.sh run again into a
# temporary directory gives the committed files byte for byte (the generator is deterministic and
# nobody edited its output by hand), and every file has the dialect its set's EXPECTED names on
# its "file" line (encoding, BOM, delimiter, line ends, final newline), checked with iconv and od.
. tests/cli/lib.sh
CORPUS=tests/data/exports

if sh "$CORPUS/generate.sh" "$TMP/gen" 2>"$TMP/err"; then echo "ok corpus-generates"; else
	echo "not ok corpus-generates"; sed 's/^/  /' "$TMP/err" | head -5; fi
for d in "$CORPUS"/*/; do
	name=$(basename "$d")
	[ "$name" = gen ] && continue
	if diff -r "$d" "$TMP/gen/$name" >"$TMP/diff" 2>&1; then echo "ok corpus-same-$name"; else
		echo "not ok corpus-same-$name: regenerate with sh $CORPUS/generate.sh"; head -5 "$TMP/diff" | sed 's/^/  /'; fi
done
for d in "$TMP/gen"/*/; do
	[ -d "$CORPUS/$(basename "$d")" ] || echo "not ok corpus-committed-$(basename "$d"): not in $CORPUS"
done

bytes() { od -An -v -tx1 "$1" | tr -s ' \n' '  '; } # the file as " ef bb bf 69 64 ..."

# dialect FILE ENCODING BOM DELIMITER LINE-END FINAL HEADER-LINE: prints what is wrong, if anything
dialect() {
	f=$1 enc=$2 bom=$3 delim=$4 eol=$5 final=$6 header=$7
	case $enc in
	utf-8) from=UTF-8 ;; windows-1252) from=CP1252 ;; macintosh) from=MACINTOSH ;; utf-16le) from=UTF-16LE ;;
	*) echo "unknown encoding $enc"; return ;;
	esac
	b=$(bytes "$f")
	case $enc/$bom in
	utf-8/yes) case $b in " ef bb bf"*) ;; *) echo "no UTF-8 BOM" ;; esac ;;
	utf-16le/yes) case $b in " ff fe"*) ;; *) echo "no UTF-16LE BOM" ;; esac ;;
	*/no) case $b in " ef bb bf"* | " ff fe"* | " fe ff"*) echo "a BOM" ;; esac ;;
	esac
	# Legacy encodings must really be legacy: not valid UTF-8, and with characters beyond ASCII.
	if ! iconv -f "$from" -t UTF-8 "$f" >"$TMP/utf8" 2>/dev/null; then echo "not valid $enc"; return; fi
	case $enc in
	windows-1252 | macintosh)
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 && echo "valid UTF-8, not $enc"
		LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMP/utf8" || echo "nothing beyond ASCII decoded as $enc" ;;
	esac
	[ "$bom" = yes ] && sed -i '1s/^\xef\xbb\xbf//' "$TMP/utf8"
	# Line ends: CRLF files have no CR without its LF (Excel's in-cell breaks are lone LFs), LF files
	# no CR, CR files no CRLF.
	ends=$(od -An -v -tx1 "$TMP/utf8" | tr -s ' \n' '\n\n' | awk '
		p == "0d" && $1 == "0a" { crlf++ } p == "0d" && $1 != "0a" { cr++ } { p = $1 }
		END { if (p == "0d") cr++; print crlf + 0, cr + 0 }')
	case $eol/$ends in
	CRLF/0\ * | CRLF/*\ [1-9]*) echo "line ends are not CRLF ($ends: CRLF, lone CR)" ;;
	LF/0\ 0) ;; LF/*) echo "a CR in an LF file ($ends)" ;;
	CR/0\ [1-9]*) ;; CR/*) echo "line ends are not CR ($ends: CRLF, lone CR)" ;;
	esac
	last=$(tail -c 1 "$TMP/utf8" | od -An -tx1 | tr -d ' \n')
	case $final/$last in yes/0a | yes/0d | no/*) ;; *) echo "no line end at the end" ;; esac
	[ "$final" = no ] && case $last in 0a | 0d) echo "a line end at the end" ;; esac
	# The header line holds the delimiter and none of the other candidates.
	tr '\r' '\n' <"$TMP/utf8" | sed -n "${header}p" >"$TMP/header"
	case $delim in comma) c=',' ;; semicolon) c=';' ;; tab) c='	' ;; pipe) c='|' ;; esac
	grep -qF -- "$c" "$TMP/header" || echo "header line $header has no $delim"
	for other in , ';' '	' '|'; do
		[ "$other" = "$c" ] && continue
		grep -qF -- "$other" "$TMP/header" && echo "header line $header has another delimiter '$other'"
	done
}

for exp in "$CORPUS"/*/EXPECTED; do
	set_dir=$(dirname "$exp")
	grep '^file ' "$exp" | while IFS= read -r l; do
		f=${l#file }
		f=${f%%: *}
		spec=${l#*: }
		set -- $(printf '%s\n' "$spec" | tr ' ' '\n' | sed -n 's/^\(encoding\|bom\|delimiter\|line-end\|final-newline\|header-line\)=//p')
		what=$(dialect "$set_dir/$f" "$@")
		if [ -z "$what" ]; then echo "ok dialect-$(basename "$set_dir")/$f"; else
			echo "not ok dialect-$(basename "$set_dir")/$f: $what" | tr '\n' ' '; echo; fi
	done
	# every file of the set has its line
	for f in "$set_dir"/*; do
		b=$(basename "$f")
		case $b in EXPECTED | recview.map) continue ;; esac
		grep -qF "file $b: " "$exp" || echo "not ok dialect-$(basename "$set_dir")/$b: no file line in EXPECTED"
	done
done
