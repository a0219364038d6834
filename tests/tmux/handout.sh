#!/bin/sh
# The meeting's handout against the walkthrough, at 80x24, 120x40, 200x60 and 240x67, on
# tests/data/meeting (an agenda of four, titles and texts with <script>, <b>, <link ...> and &):
# the walkthrough of the agenda and --export slides / slides-html have the same items in the same
# order; the walkthrough of the list filtered to decision:approved and the handout with that --filter
# the same count; the HTML is escaped (no raw <script>, no markup from the data) and standalone
# (no src, href, <link>, @import or url(): no external asset); the Markdown has each "<" escaped.
. tests/tmux/lib.sh
START_ENV="RECVIEW_CLOCK=0 XDG_CONFIG_HOME=$PWD/tests/data/config-big-text-off"
MEET=tests/data/meeting

"$BIN" --export slides "$MEET" >"$TMP/slides.md" 2>/dev/null
"$BIN" --export slides-html "$MEET" >"$TMP/slides.html" 2>/dev/null
"$BIN" --export slides --filter decision:approved "$MEET" >"$TMP/approved.md" 2>/dev/null
"$BIN" --export slides-html --filter decision:approved "$MEET" >"$TMP/approved.html" 2>/dev/null
# The ids of a handout's slides in order: the heading of each Markdown slide, each HTML section's.
md_ids() { grep -o '^# MT-[0-9]*' "$1" | cut -c3- | tr '\n' ' '; }
html_ids() { grep -o '^<h2>MT-[0-9]*' "$1" | cut -c5- | tr '\n' ' '; }
same() { # NAME GOT WANT
	if [ "$2" = "$3" ]; then echo "ok $1"; else echo "not ok $1: '$2', wanted '$3'"; fi
}

# The HTML page: escaped (its own tags only: <b> for the labels), standalone (no tag with src or
# href, no <link>, no @import or url( in its style).
if grep -qiE '<script|<b>markup|<i>drill|<link' "$TMP/slides.html"; then
	echo "not ok html-no-raw-markup"; grep -iE '<script|<b>markup|<i>drill|<link' "$TMP/slides.html"
else
	echo "ok html-no-raw-markup"
fi
if grep -qiE '<[a-z][^>]*(src|href)=' "$TMP/slides.html" ||
	sed -n '/<style>/,/<\/style>/p' "$TMP/slides.html" | grep -qiE '@import|url\('; then
	echo "not ok html-no-external-asset"; grep -iE '<[a-z][^>]*(src|href)=|@import|url\(' "$TMP/slides.html"
else
	echo "ok html-no-external-asset"
fi
# The Markdown handout: a "<" from the data escaped (\<), so that shown as HTML it has no tag.
if grep -qE '(^|[^\\])<(script|/script|b>|i>|link)' "$TMP/slides.md"; then
	echo "not ok md-no-raw-markup"; grep -E '(^|[^\\])<(script|/script|b>|i>|link)' "$TMP/slides.md"
else
	echo "ok md-no-raw-markup"
fi
grep -qF 'Stop \<script>alert("x")\</script> & friends' "$TMP/slides.md" && echo "ok md-title-escaped" || echo "not ok md-title-escaped"
grep -qF 'Stop &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends' "$TMP/slides.html" &&
	echo "ok html-title-escaped" || echo "not ok html-title-escaped"
grep -qF 'Alice &amp; Bob &lt;ops&gt;' "$TMP/slides.html" && echo "ok html-owner-escaped" || echo "not ok html-owner-escaped"
grep -qF '&lt;link rel=stylesheet href=http://example.com/x.css&gt;' "$TMP/slides.html" &&
	echo "ok html-text-escaped" || echo "not ok html-text-escaped"
same md-count "$(head -1 "$TMP/slides.md")" "4 slides"
same html-count "$(grep -c '^<section' "$TMP/slides.html")" 4
same md-approved-count "$(grep -c '^---$' "$TMP/approved.md")" 3
same html-approved-count "$(grep -c '^<section' "$TMP/approved.html")" 3

for size in $SIZES; do
	start "$(cols_of $size)" "$(lines_of $size)" --read-only "$MEET"
	expect "list-$size" "MT-1"
	keys P
	expect "asks-$size" "Present: a the agenda"
	keys a
	expect "walk-$size" "1 / 4"
	walked=""
	for i in 1 2 3 4; do
		expect "step-$i-$size" "$i / 4"
		walked="$walked$(screen | grep -m1 -o 'MT-[0-9]*') "
		keys Space
	done
	same "agenda-md-$size" "$walked" "$(md_ids "$TMP/slides.md")"
	same "agenda-html-$size" "$walked" "$(html_ids "$TMP/slides.html")"
	keys q f 'decision:approved' Enter
	expect "filtered-$size" "decision:approved"
	keys P l
	n=$(grep -c '^---$' "$TMP/approved.md")
	expect "walk-filtered-$size" "1 / $n"
	keys q Q
	expect "minutes-question-$size" "minutes not written"
	keys q
	exited "quit-$size" 0
done
