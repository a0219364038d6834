#!/bin/sh
# Text from outside that recview prints back (paths, option values, configuration values) reaches the
# terminal sanitised like file text: an escape sequence is shown as ^[... and no raw ESC is printed.
. tests/cli/lib.sh
E=$(printf '\033]0;x\007')
ESC=$(printf '\033')

# clean NAME: neither stdout nor stderr of the last run holds a raw ESC byte
clean() {
	if LC_ALL=C grep -q "$ESC" "$TMP/out" "$TMP/err"; then
		echo "not ok $1: a raw ESC was printed"
		LC_ALL=C sed "s/$ESC/<ESC>/g; s/^/  /" "$TMP/err" | head -3
	else
		echo "ok $1"
	fi
}

# Paths: the DIR argument, a missing data set, a data set in a hostile directory.
run path-missing 2 "$BIN" --check "$TMP/no${E}where"
clean path-missing-clean
has path-missing-visible err "no data set could be loaded from $TMP/no^[]0;x^Gwhere"
mkdir "$TMP/d${E}ir"
cp data/*.csv "$TMP/d${E}ir/"
run path-show-unknown 2 "$BIN" --show NOPE-1 "$TMP/d${E}ir"
clean path-show-unknown-clean
has path-show-unknown-visible err "in $TMP/d^[]0;x^Gir"
run path-check 0 "$BIN" --check "$TMP/d${E}ir"
clean path-check-clean
run path-summary 0 "$BIN" --summary "$TMP/d${E}ir"
clean path-summary-clean
run path-two-dirs 2 "$BIN" --check data "$TMP/d${E}ir"
clean path-two-dirs-clean
has path-two-dirs-visible err "d^[]0;x^Gir' is one too many"

# Option values.
run opt-theme 2 "$BIN" --theme "dark${E}" data
clean opt-theme-clean
has opt-theme-visible err "unknown theme 'dark^[]0;x^G'"
run opt-sort 2 "$BIN" --list --sort "id${E}" data
clean opt-sort-clean
run opt-filter 2 "$BIN" --list --filter "changed:${E}" data
clean opt-filter-clean
run opt-since 2 "$BIN" --export minutes --since "2015${E}" data
clean opt-since-clean
run opt-as-of 2 "$BIN" --summary --as-of "2015${E}" data
clean opt-as-of-clean
run opt-export 2 "$BIN" --export "md${E}" data
clean opt-export-clean
has opt-export-visible err "not 'md^[]0;x^G'"
run opt-unknown 2 "$BIN" "--frob${E}"
clean opt-unknown-clean
has opt-unknown-visible err "unknown option '--frob^[]0;x^G'"
run opt-unknown-short 2 "$BIN" "-${E}"
clean opt-unknown-short-clean
has opt-unknown-short-visible err "unknown option '-^['"
# A short option inside a group is named alone, not by the word before it.
run opt-unknown-in-group 2 "$BIN" -cx data
has opt-unknown-in-group-named err "unknown option '-x'"
run opt-unknown-group-first 2 "$BIN" "-x${E}"
has opt-unknown-group-first-named err "unknown option '-x'"
clean opt-unknown-group-first-clean
run opt-show-id 2 "$BIN" --show "R${E}" data
clean opt-show-id-clean

# Configuration values: a hostile data path from the configuration file, and a hostile config path.
mkdir -p "$TMP/cfg/recview"
printf 'data = %s/gone%s\ntheme = dark%s\n' "$TMP" "$E" "$E" >"$TMP/cfg/recview/config"
XDG_CONFIG_HOME="$TMP/cfg" run config-data 2 "$BIN" --check
clean config-data-clean
has config-data-visible err "no data set could be loaded from $TMP/gone^[]0;x^G"
mkdir -p "$TMP/c${E}fg/recview"
printf 'bind xy quit\n' >"$TMP/c${E}fg/recview/config"
XDG_CONFIG_HOME="$TMP/c${E}fg" run config-path 2 "$BIN" --check "$TMP/no${E}where"
clean config-path-clean
