#!/bin/sh
# --export slides and slides-html: one slide per presented item (the agenda's, narrowed by --filter),
# the HTML page standalone (no script, no external asset) and every text from the data escaped.
. tests/cli/lib.sh

count() { # count NAME WANT PATTERN: lines of out matching PATTERN
	got=$(grep -c -- "$3" "$TMP/out")
	if [ "$got" -eq "$2" ]; then echo "ok $1"; else echo "not ok $1: $got, wanted $2"; fi
}

run slides-agenda 0 "$BIN" --export slides tests/data/notes
count slides-agenda-count 1 '^---$'
has slides-agenda-item out '# NT-2'
run slides-html-agenda 0 "$BIN" --export slides-html tests/data/notes
count slides-html-agenda-count 1 '<section'
has slides-html-labels out "<b>Title</b> "
run slides-filter-none 0 "$BIN" --export slides --filter 'id:NT-1' tests/data/notes
count slides-filter-narrows 0 '^---$'
n=$("$BIN" --list tests/data/hostile 2>/dev/null | wc -l)
run slides-html-hostile 0 "$BIN" --export slides-html tests/data/hostile
count slides-html-hostile-count "$n" '<section'
lacks html-no-script out '<script'
lacks html-no-src out 'src='
lacks html-no-href out 'href='
lacks html-no-link out '<link'
lacks html-no-esc out "$(printf '\033')"
lacks html-no-bel out "$(printf '\007')"
has html-lt-escaped out '&lt;'
mkdir "$TMP/h"
printf '%s\n' 'id,title,text' 'X-1,"<script>alert(1)</script> & ""q"" '"'"'s'"'"'",plain' >"$TMP/h/recommendations.csv"
run slides-html-script 0 "$BIN" --export slides-html "$TMP/h"
lacks html-script-escaped out '<script'
has html-script-text out '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39;'
run slides-md-hostile 0 "$BIN" --export slides tests/data/hostile
count slides-md-hostile-count "$n" '^---$'
lacks md-no-esc out "$(printf '\033')"
run slides-as-of 0 "$BIN" --export slides --as-of 2015-01-01 tests/data/notes
# The minutes include a recommendation's priority changes (changes.csv), at their recorded time.
mkdir "$TMP/p"
printf '%s\n' 'id,title,priority' 'P-1,One,P2' >"$TMP/p/recommendations.csv"
printf '%s\n' 'rec_id,item,field,value,previous,time,author,note' 'P-1,,priority,P2,P1,2026-12-02T10:00:00,alice,raised' >"$TMP/p/changes.csv"
run minutes-priority 0 "$BIN" --export minutes "$TMP/p"
has minutes-priority-row out '| 2026-12-02T10:00:00 | alice | P-1 | priority: P1 → P2 | raised |'
run minutes-priority-since 0 "$BIN" --export minutes --since 2026-12-03 "$TMP/p"
lacks minutes-priority-before-since out 'priority: P1'
