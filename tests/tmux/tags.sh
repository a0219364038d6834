#!/bin/sh
# Tags in a real terminal: tag three recommendations one by one and a range, ; then a priority for all
# of them in one save; a status with the confirmation instead of ;, through a filter that hides some;
# one u takes a whole group back; every file is as it was at the end; the tags stay through a merge
# with another writer's save.
. tests/tmux/lib.sh
DATA="$TMP/data"
mkdir "$DATA"
cp data/*.csv "$DATA/"
START_ENV="USER=tester RECVIEW_NOW=2026-11-23T14:05:00"

start 120 40 "$DATA"
expect start "SSR1-11"
keys T j T
expect two-tagged "Recommendations · 2 tagged"
keys V j j V
expect range-tagged "5 tagged in all"
keys '\;'
expect prefix "the next change applies to the 5 tagged"
keys p
expect prompt-names-them "priority of 5 tagged (empty clears):"
keys P2 Enter
expect saved-together "Saved: priority of 5 tagged is now P2"
n=$(grep -c ',priority,P2,' "$DATA/changes.csv")
if [ "$n" = 5 ]; then echo "ok five-logged"; else echo "not ok five-logged: $n rows"; cat "$DATA/changes.csv"; fi
n=$(grep -c '^SSR1-[0-9]*,SSR1,[0-9]*,.*,P2,' "$DATA/recommendations.csv")
if [ "$n" = 5 ]; then echo "ok five-written"; else echo "not ok five-written: $n"; fi

keys f 'status:progress' Enter
expect hidden "5 tagged (3 hidden by the filter)"
keys c
expect confirm "apply to the 5 tagged recommendations? y/n"
keys y
expect status-prompt "status of 5 tagged:"
keys complete Enter
expect open-items "5 of the 5 tagged have open deliverables or questions: set complete anyway?"
keys y 'closed at the meeting' Enter Enter
expect status-saved "Saved: status of 5 tagged is now complete"
n=$(grep -c ',complete,recview: tester,closed at the meeting' "$DATA/status_history.csv")
if [ "$n" = 5 ]; then echo "ok five-history-rows"; else echo "not ok five-history-rows: $n"; fi

# Someone else saves meanwhile: the tags are found again on the files read again.
sed 's/^SSR1-20,\(.*\),approved,,,/SSR1-20,\1,approved,,P4,/' "$DATA/recommendations.csv" >"$TMP/r" && cat "$TMP/r" >"$DATA/recommendations.csv"
# Wait for the merge of their save: an undo typed before it would have its message replaced by it.
expect theirs-merged "Changed on disk: SSR1-20 priority"
keys F
keys u
expect undone-group "undid 5 changes made together"
expect still-tagged "Recommendations · 5 tagged"
keys u
expect undone-priority "undid 5 changes made together"
keys Q
exited quit 0
for f in data/*.csv; do
	name=$(basename "$f")
	if [ "$name" = recommendations.csv ]; then
		# Theirs (P4 on SSR1-20) stays; ours is gone.
		if diff "$f" "$DATA/$name" | grep -q '^> SSR1-20,.*,P4,'; then echo "ok theirs-kept"; else echo "not ok theirs-kept"; diff "$f" "$DATA/$name"; fi
		[ "$(diff "$f" "$DATA/$name" | grep -c '^>')" = 1 ] && echo "ok only-theirs" || echo "not ok only-theirs"
	elif cmp -s "$f" "$DATA/$name"; then
		echo "ok back-$name"
	else
		echo "not ok back-$name"; diff "$f" "$DATA/$name" | head
	fi
done

# Tagged deliverables: one owner and one new due date (with its reason) for all, each one undo step.
rm -rf "$DATA"; mkdir "$DATA"; cp data/*.csv "$DATA/"
start 120 40 "$DATA"
expect start-again "SSR1-11"
keys d T T T '\;' o
expect owner-prompt "owner of the 3 tagged (empty clears):"
keys OCTO Enter
expect owner-saved "Saved: owner of 3 tagged is now OCTO"
keys E
expect due-confirm "apply to the 3 tagged? y/n"
keys y 2017-03 Enter 'vendor late' Enter
expect due-saved "Saved: due date of 3 tagged is now 2017-03"
n=$(grep -c '^SSR1-1,D[123],due,2017-03,,.*,tester,vendor late$' "$DATA/changes.csv")
if [ "$n" = 3 ]; then echo "ok three-due-rows"; else echo "not ok three-due-rows: $n"; cat "$DATA/changes.csv"; fi
keys u
expect due-undone "undid 3 changes made together"
keys u
expect owner-undone "undid 3 changes made together"
keys Q
exited quit-deliverables 0
for f in data/*.csv; do
	cmp -s "$f" "$DATA/$(basename "$f")" && echo "ok deliverables-back-$(basename "$f")" || echo "not ok deliverables-back-$(basename "$f")"
done
