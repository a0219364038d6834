#!/bin/sh
# A column recview does not know: the browser opens on the problem, Enter shows the header with
# samples (the cursor on the likeliest column), Enter and y write recview.map through the store and
# the list loads. An existing mapping keeps its other lines; a child file's link column is offered
# the same way; a read-only data set, or a recview.map pointing outside it, is refused with the reason.
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
expect header-shown "has no 'id' column. Which one holds it?"
expect samples "Ref code        'SSR1-1' 'SSR1-2' 'SSR1-3'"
expect cursor-on-best " 3/14"
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
