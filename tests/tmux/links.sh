#!/bin/sh
# Web addresses: what reaches the terminal (tmux pipe-pane records the bytes recview writes) holds OSC 8
# hyperlinks whose targets are printable ASCII only, even for the address with ESC and BEL inside
# (tests/data/links LNK-4); U opens an address through $BROWSER with the address as one argument; y
# copies through OSC 52, wrapped for tmux, or to a file written 0600.
. tests/tmux/lib.sh
RAW="$TMP/raw"
ARGS="$TMP/argv"
CACHE="$TMP/cache"
cat >"$TMP/browser" <<'SH'
#!/bin/sh
for a in "$@"; do printf '[%s]\n' "$a"; done >>"$ARGV_FILE"
SH
chmod +x "$TMP/browser"

# run CONFIG TMUX NAME [TERM]: recview on the links data set with that configuration, its output recorded in $RAW
run() {
	mkdir -p "$TMP/config/recview"
	printf '%s\n' "$1" >"$TMP/config/recview/config"
	: >"$RAW"
	EXIT_FILE="$TMP/exit-$((SESSIONS + 1))"
	start_command 100 30 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${4:-xterm-256color} XDG_CONFIG_HOME='$TMP/config' XDG_CACHE_HOME='$CACHE' BROWSER='$TMP/browser' ARGV_FILE='$ARGS' TMUX='${2:-}' sh -c 'sleep 0.5; exec $ABS_BIN --read-only tests/data/links'; echo \$? >$EXIT_FILE; sleep 30"
	tmx pipe-pane -O -t "$SESSION" "cat >>'$RAW'"
	expect start-$3 "LNK-1"
}
# has NAME TEXT WANT, lacks NAME TEXT WANT: TEXT (bytes written, or the screen) holds WANT or not
has() {
	if printf '%s' "$2" | grep -qF -- "$3"; then echo "ok $1"; else echo "not ok $1: no '$3'"; fi
}
lacks() {
	if printf '%s' "$2" | grep -qF -- "$3"; then echo "not ok $1: has '$3'"; else echo "ok $1"; fi
}

run "hyperlinks = on" "" on
keys Enter
expect page "The final report is at"
# The long address wraps without a space or a cut: its lines read it whole, joined.
keys : LNK-2 Enter
expect long-page "Read"
joined=$(screen | sed -n '/^  Read/,/before the call/p' | sed 's/^ *//' | tr -d '\n')
has long-address-whole "$joined" "https://community.example.org/display/SSR/Security+Stability+and+Resiliency+Review+Team+Final+Report+with+annexes+and+appendices"
keys : LNK-4 Enter
expect hostile-page "Click"
expect hostile-shown "Click https://evil.example/a^[]8;;https://phish.example^["
sleep 0.5
flat=$(tr -d '\000' <"$RAW")
has osc8-first "$flat" "$(printf '\033]8;;https://www.icann.org/resources/reviews/specific-reviews/ssr\033\\')"
has osc8-www "$flat" "$(printf '\033]8;;https://www.example.org/ssr-faq\033\\')"
has osc8-long "$flat" "$(printf '\033]8;;https://community.example.org/display/SSR/Security+Stability+and+Resiliency+Review+Team+Final+Report+with+annexes+and+appendices\033\\')"
has osc8-close "$flat" "$(printf '\033]8;;\033\\')"
# The hostile address ends at its ESC (drawn as ^[): its target is the part before, and the file's
# own ESC ] 8 never reaches the terminal: only recview's sequences, with printable targets.
has osc8-hostile-cut "$flat" "$(printf '\033]8;;https://evil.example/a\033\\')"
lacks no-raw-escape "$flat" "$(printf 'evil.example/a\033]8;;https://phish')"
targets=$(printf '%s' "$flat" | grep -ao "$(printf '\033')]8;;[^$(printf '\033')]*" | sort -u)
if [ -n "$targets" ] && [ "$(printf '%s\n' "$targets" | LC_ALL=C tr -d '\033' | LC_ALL=C grep -c '[^ -~]')" = 0 ]; then
	echo "ok osc8-targets-printable"
else
	echo "not ok osc8-targets-printable"
	printf '%s\n' "$targets" | od -c | head -20
fi

# U on the hostile line: its two addresses to choose from (the one in its escape is shown as text);
# the first goes to the browser as one argument, nothing of the escape in it.
: >"$ARGS"
keys / Click Enter U
expect choose-hostile "Open which address? 1 https://evil.example/a  2 https://phish.example"
keys 1
expect opened "Opened https://evil.example/a with"
sleep 0.3
if [ "$(cat "$ARGS")" = "[https://evil.example/a]" ]; then echo "ok browser-argv"; else echo "not ok browser-argv"; od -c "$ARGS" | head; fi
# On a line without an address: the one of the page (LNK-1's two are on one line; LNK-2 has one).
keys : LNK-2 Enter
expect long-again "Read"
: >"$ARGS"
keys U
expect opened-page "Opened https://community.example.org/display/SSR/"
# Two addresses: a digit chooses.
keys : LNK-3 Enter
expect two-page "Compare"
: >"$ARGS"
keys / Compare Enter U
expect choose "Open which address? 1 https://a.example/one"
keys 2
expect opened-second "Opened https://b.example/two"
sleep 0.3
if [ "$(cat "$ARGS")" = "[https://b.example/two]" ]; then echo "ok browser-argv-chosen"; else echo "not ok browser-argv-chosen"; cat "$ARGS"; fi

# y i: OSC 52 (clipboard = osc52), its base64 the id.
: >"$RAW"
keys y
expect copy-prompt "Copy: i id, t title"
keys i
expect copied "Copied the id LNK-3 to the clipboard (OSC 52"
sleep 0.3
has osc52-plain "$(tr -d '\000' <"$RAW")" "$(printf '\033]52;c;%s\a' "$(printf 'LNK-3' | base64)")"
keys Q
exited quit-on 0

# Inside tmux ($TMUX set): the passthrough wrapping; no hyperlinks when they are off.
run "$(printf 'hyperlinks = off\nclipboard = osc52')" "/tmp/fake,1,0" tmux
keys Enter
expect page-off "The final report is at"
keys y t
expect copied-title "Copied the title of LNK-1 to the clipboard"
sleep 0.3
flat=$(tr -d '\000' <"$RAW")
has osc52-tmux "$flat" "$(printf '\033Ptmux;\033\033]52;c;%s\a\033\\' "$(printf 'Report online' | base64)")"
lacks off-no-osc8 "$flat" "$(printf '\033]8;;')"
keys Q
exited quit-off 0

# clipboard = file: the text in a file of mode 0600 that the message names; the page as Markdown.
run "clipboard = file" "" file
keys Enter
expect page-file "The final report is at"
keys y x
expect copied-file "Copied the text of LNK-1 to $CACHE/recview/clipboard.txt"
file="$CACHE/recview/clipboard.txt"
if grep -qF 'The final report is at https://www.icann.org/resources/reviews/specific-reviews/ssr (see also' "$file" 2>/dev/null; then
	echo "ok file-text"
else
	echo "not ok file-text"
fi
mode=$(stat -c %a "$file" 2>/dev/null)
if [ "$mode" = 600 ]; then echo "ok file-mode"; else echo "not ok file-mode: $mode"; fi
keys y p
expect copied-page "Copied the page of LNK-1 as Markdown to"
if head -1 "$file" | grep -qx '# LNK-1'; then echo "ok file-page"; else echo "not ok file-page"; head -3 "$file"; fi
keys Q
exited quit-file 0

# On a question's or deliverable's page, y i copies the item's own name as ':' takes it.
mkdir -p "$TMP/config/recview"
printf 'clipboard = file\n' >"$TMP/config/recview/config"
EXIT_FILE="$TMP/exit-$((SESSIONS + 1))"
start_command 100 30 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME='$TMP/config' XDG_CACHE_HOME='$CACHE' sh -c 'sleep 0.5; exec $ABS_BIN --read-only data'; echo \$? >$EXIT_FILE; sleep 30"
expect start-items "SSR1-1"
keys : 1 1 . 1 3 Enter
expect question-page "Qid         11.13"
keys y i
expect copied-question "Copied the id SSR1-11/Q11.13 to $CACHE/recview/clipboard.txt"
if [ "$(cat "$file")" = "SSR1-11/Q11.13" ]; then echo "ok question-id-file"; else echo "not ok question-id-file: $(cat "$file")"; fi
keys q : S S R 1 - 3 / D 2 Enter
expect deliverable-page "Description"
keys y i
expect copied-deliverable "Copied the id SSR1-3/D2 to"
if [ "$(cat "$file")" = "SSR1-3/D2" ]; then echo "ok deliverable-id-file"; else echo "not ok deliverable-id-file: $(cat "$file")"; fi
keys Q
exited quit-items 0

# auto on the Linux console (TERM=linux): no hyperlinks, and a copy goes to the file.
rm -f "$file"
run "" "" auto linux
keys Enter
expect page-auto "The final report is at"
keys y i
expect copied-auto "Copied the id LNK-1 to $CACHE/recview/clipboard.txt"
flat=$(tr -d '\000' <"$RAW")
lacks auto-no-osc8 "$flat" "$(printf '\033]8;;')"
lacks auto-no-osc52 "$flat" "$(printf '\033]52;')"
if [ "$(cat "$file")" = "LNK-1" ]; then echo "ok auto-file"; else echo "not ok auto-file"; fi
keys Q
exited quit-auto 0
