#!/bin/sh
# A column recview does not know: the browser opens on the problem, Enter shows the header with
# samples (the cursor on the likeliest column), Enter and y write recview.map through the store and
# the list loads. An existing mapping keeps its other lines; a child file's link column is offered
# the same way; a read-only data set, or a recview.map pointing outside it, is refused with the reason.
# A recview.map line that names a column the file lacks is offered the same way, and mended on that
# line (its comment and pattern kept); a status a mapping reads out of a cell is not changed.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
sed -i '1s/^id,/Ref code,/' "$DATA/recommendations.csv"
printf '# ours\ndelimiter = ,\nrecommendations.id = Old name   # wrong\n' >"$DATA/recview.map"

start 120 30 "$DATA"
expect opens-on-problems "missing required column 'id'"
expect says-why "lacks a column recview needs: Enter on the error picks one"
keys Enter
# The mapping's line that named a missing column is said, and is the one the choice replaces.
expect header-shown "has no 'id' column, and recview.map:3 names 'Old name', which it lacks. Which one holds it?"
expect samples "Ref code                'SSR1-1' 'SSR1-2' 'SSR1-3'"
expect cursor-on-best " 4/20"
keys Enter
expect confirm "map recommendations.id = Ref code? y/n"
keys n
expect declined "Not mapped: recview.map was left as it was"
keys Enter y
expect mapped "Wrote recview.map (recommendations.id = Ref code): 91 recommendations loaded"
expect list-loaded "SSR1-11"
want=$(printf '# ours\ndelimiter = ,\nrecommendations.id = Ref code   # wrong\n')
got=$(cat "$DATA/recview.map")
if [ "$got" = "$want" ]; then echo "ok map-file-updated"; else echo "not ok map-file-updated: $got"; fi
[ -z "$(find "$DATA" -name '.*recview-*')" ] && echo "ok no-temporary-left" || echo "not ok no-temporary-left"
keys Q
exited quit 0

# A child file whose link column has another name: the column of recommendation ids is the likeliest.
CHILD="$TMP/child"
mkdir "$CHILD"
cp data/*.csv "$CHILD/"
sed -i '1s/^rec_id,description,/Owner ref,Parent item,/' "$CHILD/deliverables.csv"
start 120 30 "$CHILD"
expect child-loads "SSR1-11"
keys '!'
expect child-problem "deliverables.csv:1: error: missing required column 'rec_id'"
keys Enter
expect child-header "deliverables.csv has no 'rec_id' column"
expect child-cursor " 3/9"
keys Enter
expect child-confirm "map deliverables.rec_id = Owner ref? y/n"
keys y
expect child-mapped "Wrote recview.map (deliverables.rec_id = Owner ref)"
grep -qx 'deliverables.rec_id = Owner ref' "$CHILD/recview.map" && echo "ok child-map-written" ||
	echo "not ok child-map-written: $(cat "$CHILD/recview.map")"
keys d
expect child-linked "SSR1-1 "
keys Q

# Read-only: nothing is written, and the status line says why.
RO="$TMP/ro"
mkdir "$RO"
cp data/*.csv "$RO/"
sed -i '1s/^id,/Ref code,/' "$RO/recommendations.csv"
start 120 30 --read-only "$RO"
expect ro-opens "missing required column 'id'"
keys Enter
expect ro-header "Which one holds it?"
keys Enter
expect ro-refused "NOT MAPPED: read-only (--read-only)"
[ ! -e "$RO/recview.map" ] && echo "ok ro-nothing-written" || echo "not ok ro-nothing-written"
keys Q

# A recview.map that points outside the data set is never written through.
ln -s "$TMP/outside.map" "$RO/recview.map"
start 120 30 "$RO"
expect link-opens "missing required column 'id'"
keys Enter Enter y
expect link-refused "NOT MAPPED:"
[ ! -e "$TMP/outside.map" ] && echo "ok link-nothing-written" || echo "not ok link-nothing-written"
keys Q

# Two columns claim the id: Enter on the warning offers the choice; the mapping settles it.
DUP="$TMP/dup"
mkdir "$DUP"
cp data/*.csv "$DUP/"
awk -F, 'BEGIN { OFS = "," } NR == 1 { print "Rec ID," $0; next } { print "R" NR - 1 "," $0 }' \
	data/recommendations.csv >"$DUP/recommendations.csv"
start 120 30 "$DUP"
expect dup-loads "R11"
keys '!'
expect dup-warning "duplicate column 'id'"
keys Enter
expect dup-header "Which column of recommendations.csv is its 'id'? Now column 1"
keys Enter
expect dup-same "Column 1 is that field already"
keys j Enter
expect dup-confirm "map recommendations.id = id? y/n"
keys y
expect dup-mapped "Wrote recview.map (recommendations.id = id): 91 recommendations loaded"
expect dup-list "SSR1-11"
keys Q

# A recview.map line naming a column the export no longer has (Jira renamed it): Enter on that
# problem offers the header, the cursor on the likeliest; y writes the choice on that very line (its
# comment kept) and the set loads.
JIRA="$TMP/jira"
cp -R tests/data/exports/jira "$JIRA"
sed -i 's/^recommendations\.id = Custom field (Recommendation ID)$/recommendations.id = Rec Number   # renamed/' \
	"$JIRA/recview.map"
start 120 30 "$JIRA"
expect line-problem "recview.map:13:22: warning: no column 'Rec Number'"
keys Enter
expect line-header "Jira.csv has no 'id' column, and recview.map:13 names 'Rec Number', which it lacks."
expect line-cursor " 22/26"
keys Enter
expect line-confirm "map recommendations.id = Custom field (Recommendation ID)? y/n"
keys y
expect line-mapped "Wrote recview.map (recommendations.id = Custom field (Recommendation ID)): 15 recommendations loaded"
expect line-list "SSR1-1"
sed 's/^recommendations\.id = Custom field (Recommendation ID)$/recommendations.id = Custom field (Recommendation ID)   # renamed/' \
	tests/data/exports/jira/recview.map >"$TMP/jira-want.map"
cmp -s "$JIRA/recview.map" "$TMP/jira-want.map" && echo "ok line-replaced-in-place" ||
	echo "not ok line-replaced-in-place: $(diff "$TMP/jira-want.map" "$JIRA/recview.map")"
keys Q

# The line's pattern stays: only its column was wrong. The mended mapping is the corpus' own again.
GH="$TMP/github"
cp -R tests/data/exports/github "$GH"
sed -i 's/^recommendations\.id = title ~/recommendations.id = Issue title ~/' "$GH/recview.map"
start 120 30 "$GH"
expect pattern-problem "no column 'Issue title'"
keys Enter
expect pattern-header "names 'Issue title', which it lacks"
keys Enter
expect pattern-confirm "map recommendations.id = title ~ ^(SSR[0-9]+-[0-9.]+)? y/n"
keys y
expect pattern-mapped "Wrote recview.map (recommendations.id = title): 15 recommendations loaded"
cmp -s "$GH/recview.map" tests/data/exports/github/recview.map && echo "ok pattern-kept" ||
	echo "not ok pattern-kept: $(diff tests/data/exports/github/recview.map "$GH/recview.map")"

# On that data set a status lives inside the labels: changing it is refused, with the reason, and
# nothing is written.
keys ':' SSR1-1 Enter
expect gh-rec "SSR1-1"
keys c
expect gh-status-prompt "status of SSR1-1"
keys C-u 'in progress' Enter Enter Enter
expect gh-refused "recommendations.status is read from 'labels' by a pattern (recview.map:17)"
[ ! -e "$GH/status_history.csv" ] && cmp -s "$GH/issues.csv" tests/data/exports/github/issues.csv &&
	echo "ok gh-nothing-written" || echo "not ok gh-nothing-written"
keys Q
exited gh-exit 0

# The help view, opened from the problems view, says what Enter does there.
start 120 40 --read-only tests/data/unmatched
keys '!'
expect help-problems "no column 'Implementation Status'"
keys '?'
expect help-in-view "In the problems view"
expect help-line-entry "On a recview.map line that names a column the file lacks"
keys Q
