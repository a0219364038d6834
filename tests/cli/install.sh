#!/bin/sh
# make install / uninstall with PREFIX and DESTDIR: the installed binary opens the installed data set.
. tests/cli/lib.sh
PREFIX="$TMP/prefix"
run install 0 make -s install PREFIX="$PREFIX" BUILD="$TMP/build"
for f in bin/recview share/man/man1/recview.1 share/recview/data/recommendations.csv share/recview/data/README.md; do
	if [ -f "$PREFIX/$f" ]; then echo "ok installed-$f"; else echo "not ok installed-$f: missing"; fi
done
(cd / && "$PREFIX/bin/recview" --check >"$TMP/out" 2>"$TMP/err")
has installed-opens-bundled-data out "recommendations: 91"
has installed-data-dir out "$PREFIX/share/recview/data"
run uninstall 0 make -s uninstall PREFIX="$PREFIX"
if [ -e "$PREFIX/bin/recview" ] || [ -e "$PREFIX/share/recview" ]; then echo "not ok uninstalled"; else echo "ok uninstalled"; fi

# DESTDIR stages the same tree under another root.
run destdir 0 make -s install PREFIX=/usr DESTDIR="$TMP/stage" BUILD="$TMP/build2"
if [ -x "$TMP/stage/usr/bin/recview" ] && [ -f "$TMP/stage/usr/share/recview/data/questions.csv" ]; then
	echo "ok destdir-tree"
else
	echo "not ok destdir-tree"
fi
