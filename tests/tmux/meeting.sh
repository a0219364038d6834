#!/bin/sh
# Meetings: the dashboard against --summary, a bar opening the filtered list, as-of dates, each theme
# drawing, a bad configuration line, NO_COLOR with the high-contrast theme.
. tests/tmux/lib.sh

start 140 45 --read-only data
keys D
expect dashboard "Dashboard"
expect ssr1-decision "approved 28"
expect ssr1-status "█ ✓ complete 20  ▓ ○ in progress 8"
expect ssr2-decision "█ approved 14  ▒ pending 31  ▄ rejected 18"
expect ssr1-2014 "2014-03-18  ████"
"$ABS_BIN" --summary data >"$TMP/summary"
# The dashboard's numbers are the ones --summary prints.
for want in "approved          28" "complete        20" "in progress      8" "rejected          18" "pending           31"; do
	if grep -qF "$want" "$TMP/summary"; then echo "ok summary-has-$(echo "$want" | tr -s ' ' '-')"; else echo "not ok summary-has: $want"; fi
done
keys j j j j j j
keys Enter
expect bar-opens-filter "Recommendations [review:=\"SSR2\"] 63 of 91"
keys F r g
keys @ 2014-12-31 Enter
expect as-of-status "as of 2014-12-31"
expect as-of-row "○ SSR1-3 "
keys @ C-u Enter
expect now-again "Showing the data as it is now."
expect now-row "✓ SSR1-3 "
keys @ C-u '2015-12-31..2016-06-30' Enter
expect moved "Moved 2015-12-31..2016-06-30"
expect moved-line "SSR1-25"
keys Q
exited quit 0

# Each theme draws the list (and a walkthrough in high-contrast).
for theme in default light high-contrast monochrome okabe-ito; do
	start 100 30 --read-only --theme "$theme" data
	expect "theme-$theme" "SSR1-11"
	keys Q
	exited "theme-$theme-quit" 0
done
start 100 30 --read-only --theme high-contrast data
keys P
expect "present-high-contrast" "1 / 91"
keys Q
start 100 30 --read-only --theme sepia data
exited bad-theme 2

# A bad configuration line: reported with its line number, the rest applies.
mkdir -p "$TMP/cfg/recview"
printf 'theme = monochrome\nfrobnicate = yes\nbind x quit\n' >"$TMP/cfg/recview/config"
START_ENV="XDG_CONFIG_HOME=$TMP/cfg" start 100 30 --read-only data
expect config-problem-count "1 problem while loading"
keys '!'
expect config-problem "config:2: warning: unknown setting 'frobnicate'"
keys x
exited config-binding-applied 0

# NO_COLOR wins over a theme.
START_ENV=NO_COLOR=1 start 100 30 --read-only --theme high-contrast data
expect nocolor-theme "SSR1-11"
ESC=$(printf '\033')
if tmx capture-pane -e -p -t "$SESSION" | grep -qE "${ESC}\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]"; then
	echo "not ok nocolor-theme-no-colour"
else
	echo "ok nocolor-theme-no-colour"
fi
keys Q
