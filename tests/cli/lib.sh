# Helpers for command-line tests: each check prints "ok NAME" or "not ok NAME" and why.
BIN=${BIN:-./recview}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run NAME EXPECTED_EXIT CMD...: runs CMD, keeps stdout/stderr in $TMP/out, $TMP/err
run() {
	name=$1 want=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		echo "ok $name (exit $got)"
	else
		echo "not ok $name: exit $got, wanted $want"
		sed 's/^/  stderr: /' "$TMP/err" | head -5
	fi
}

# has NAME FILE(out|err) FIXED-STRING
has() {
	if grep -qF -- "$3" "$TMP/$2"; then
		echo "ok $1"
	else
		echo "not ok $1: $2 lacks: $3"
		sed "s/^/  $2: /" "$TMP/$2" | head -8
	fi
}

# lacks NAME FILE FIXED-STRING
lacks() {
	if grep -qF -- "$3" "$TMP/$2"; then
		echo "not ok $1: $2 has: $3"
	else
		echo "ok $1"
	fi
}

# same NAME FILE EXPECTED-FILE: exact comparison
same() {
	if cmp -s "$TMP/$2" "$3"; then
		echo "ok $1"
	else
		echo "not ok $1: $2 differs from $3"
		diff "$3" "$TMP/$2" | head -10
	fi
}
