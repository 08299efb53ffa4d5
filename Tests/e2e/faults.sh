#!/usr/bin/env bash
# Fault injection (docs/decisions/0006-safe-files-and-limits.md, Tests): writer processes — imports, adds,
# edits (a versioned update), kartläggning exports with --output --force and backups — are killed with kill -9 at random moments, at
# least KILLS (default 100) of them while still running. Afterwards: `samordna check` and SQLite's
# integrity_check pass, every change a process finished is there, every killed import is all or nothing,
# and no export or backup file is ever half written (an export is one of the two whole documents, a backup
# either absent or a whole database).
# Usage: Tests/e2e/faults.sh PATH/TO/samordna [KILLS]
set -uo pipefail
APP=${1:?usage: faults.sh PATH/TO/samordna [KILLS]}
APP=$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")
WANT_KILLS=${2:-100}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8 SAMORDNA_TODAY=2026-11-23 TZ=UTC USER=anna
unset SAMORDNA_DATA
DATA=$WORK/data
problems=0
problem() { echo "FAIL: $*"; problems=$((problems + 1)); }
sql() { sqlite3 "$DATA/caseload.sqlite" "$@"; }

# A caseload with one participant and a kartläggning to export (put in with sqlite3, as in safety.sh).
"$APP" participant add --data "$DATA" --personnummer 19800101-9804 --first-name Åsa --last-name Öberg >/dev/null ||
  { echo "setup failed"; exit 1; }
PID=$(sql "SELECT id FROM participant LIMIT 1")
sql "INSERT INTO kartlaggning_template (version, title, content, source, registered_at, registered_by)
       VALUES (1, 'Mall', '{\"version\":1,\"title\":\"Mall\",\"sections\":[{\"id\":\"a\",\"title\":\"Avsnitt\",\"questions\":[{\"id\":\"q1\",\"label\":\"Fråga\",\"type\":{\"text\":{}},\"required\":false,\"sensitivity\":\"P0\"}]}]}', 'version: 1', 0, 'anna');
     INSERT INTO kartlaggning (id, participant_id, template_version, date, status, professions_present, answers, version)
       VALUES ('k1234567', '$PID', 1, '2026-11-20', 'utkast', '',
         json_object('q1', json_object('typ', 'text', 'värde', replace(hex(zeroblob(20000)), '0', 'svar '))), 1);"
"$APP" export kartlaggning --data "$DATA" --participant "$PID" --format md >"$WORK/ref.md" || exit 1
"$APP" export kartlaggning --data "$DATA" --participant "$PID" --format html >"$WORK/ref.html" || exit 1
"$APP" participant add --data "$DATA" --identity-kind annan --personnummer EDIT --first-name Ändra --last-name Mig \
  >/dev/null || exit 1
EDIT_ID=$(sql "SELECT id FROM participant WHERE identity_value = 'EDIT'")
mkdir -p "$WORK/ut" "$WORK/kopior"
cp "$WORK/ref.md" "$WORK/ut/k.doc"

# One writer, chosen by the round: its command line, and what to check afterwards (kind:name).
start_writer() {
  local i=$1
  case $((i % 6)) in
  0)
    { echo "personnummer,idtyp,fornamn,efternamn"; for j in $(seq 1 40); do echo "I$i-$j,annan,Import,Rad $j"; done; } >"$WORK/imp-$i.csv"
    "$APP" import participants "$WORK/imp-$i.csv" --data "$DATA" >/dev/null 2>>"$WORK/errors" &
    KIND="import:I$i-" ;;
  1)
    "$APP" participant add --data "$DATA" --identity-kind annan --personnummer "A$i" --first-name Add \
      --last-name "Nr $i" >/dev/null 2>>"$WORK/errors" &
    KIND="add:A$i" ;;
  2 | 3)
    local format=md
    [ $((i % 2)) -eq 0 ] && format=html
    "$APP" export kartlaggning --data "$DATA" --participant "$PID" --format "$format" --output "$WORK/ut/k.doc" \
      --force >/dev/null 2>>"$WORK/errors" &
    KIND="export:$format" ;;
  5)
    # An update with a version check (the participant's version and its change-log row in one transaction).
    "$APP" participant edit "$EDIT_ID" --data "$DATA" --phone "070-$((1000 + i))" >/dev/null 2>>"$WORK/errors" &
    KIND="edit:070-$((1000 + i))" ;;
  4)
    "$APP" backup --data "$DATA" --output "$WORK/kopior/b$i.sqlite" >/dev/null 2>>"$WORK/errors" &
    KIND="backup:$WORK/kopior/b$i.sqlite" ;;
  esac
  WRITER=$!
}

kills=0
finished=0
round=0
declare -a LOG
# One writer of each kind first, left to finish and timed: the kills below come at a random moment within the
# slowest one's run, so they fall all through the writers' work whether the binary is a debug build (a start of
# about 50 ms) or the statically linked release (about 15 ms).
slowest=5
for _ in 1 2 3 4 5 6; do
  round=$((round + 1))
  began=$(date +%s%N)
  start_writer "$round"
  wait "$WRITER"
  status=$?
  took=$(( ($(date +%s%N) - began) / 1000000 ))
  [ "$took" -gt "$slowest" ] && slowest=$took
  LOG+=("done:$status $KIND")
  finished=$((finished + 1))
done
window=$(( slowest < 999 ? slowest : 999 ))
echo "faults: the slowest writer took $slowest ms; kills within the first $window ms"
while [ "$kills" -lt "$WANT_KILLS" ] && [ "$round" -lt $((WANT_KILLS * 4)) ]; do
  round=$((round + 1))
  start_writer "$round"
  sleep "0.$(printf '%03d' $((RANDOM % window)))"
  if kill -9 "$WRITER" 2>/dev/null; then
    wait "$WRITER" 2>/dev/null
    status=$?
    if [ "$status" -eq 137 ]; then kills=$((kills + 1)); LOG+=("killed $KIND"); else LOG+=("done:$status $KIND"); finished=$((finished + 1)); fi
  else
    wait "$WRITER"
    status=$?
    LOG+=("done:$status $KIND")
    finished=$((finished + 1))
  fi
done

echo "faults: $round writers, $kills killed with kill -9, $finished finished"
[ "$kills" -ge "$WANT_KILLS" ] || problem "only $kills writers were killed mid-way"

# The database: whole, and nothing committed lost.
[ "$(sql 'PRAGMA integrity_check')" = ok ] || problem "integrity_check: $(sql 'PRAGMA integrity_check' | head -3)"
[ -z "$(sql 'PRAGMA foreign_key_check')" ] || problem "foreign_key_check"
"$APP" check --data "$DATA" >"$WORK/check" 2>&1 || problem "samordna check: $(cat "$WORK/check")"
lost=0
for entry in "${LOG[@]}"; do
  state=${entry%% *}
  kind=${entry#* }
  case $kind in
  import:*)
    n=$(sql "SELECT count(*) FROM participant WHERE identity_value LIKE '${kind#import:}%'")
    if [ "$state" = done:0 ] && [ "$n" -ne 40 ]; then problem "a finished import has $n of 40 rows"; lost=$((lost + 1)); fi
    if [ "$n" -ne 0 ] && [ "$n" -ne 40 ]; then problem "an import was half written: $n of 40 rows"; fi ;;
  add:*)
    n=$(sql "SELECT count(*) FROM participant WHERE identity_value = '${kind#add:}'")
    if [ "$state" = done:0 ] && [ "$n" -ne 1 ]; then problem "a finished add is missing"; lost=$((lost + 1)); fi
    if [ "$n" -gt 0 ] && [ "$(sql "SELECT count(*) FROM change_log WHERE record_kind = 'participant' AND action = 'create' AND record_id = (SELECT id FROM participant WHERE identity_value = '${kind#add:}')")" -ne 1 ]; then
      problem "an add without its change-log row"
    fi ;;
  edit:*)
    if [ "$state" = done:0 ]; then
      n=$(sql "SELECT count(*) FROM change_log WHERE record_id = '$EDIT_ID' AND action = 'update' AND new_value LIKE '%${kind#edit:}%'")
      [ "$n" -ge 1 ] || { problem "a finished edit (${kind#edit:}) has no change-log row"; lost=$((lost + 1)); }
    fi ;;
  backup:*)
    file=${kind#backup:}
    if [ -e "$file" ]; then
      [ "$(sqlite3 "$file" 'PRAGMA integrity_check' 2>&1)" = ok ] || problem "a backup under its name is not whole: $file"
    elif [ "$state" = done:0 ]; then
      problem "a finished backup is missing"; lost=$((lost + 1))
    fi ;;
  esac
done
# Every committed edit bumped the version exactly once, together with its change-log row.
version=$(sql "SELECT version FROM participant WHERE id = '$EDIT_ID'")
updates=$(sql "SELECT count(*) FROM change_log WHERE record_id = '$EDIT_ID' AND action = 'update'")
[ "$version" -eq $((updates + 1)) ] || problem "version $version after $updates logged updates"
if ! cmp -s "$WORK/ut/k.doc" "$WORK/ref.md" && ! cmp -s "$WORK/ut/k.doc" "$WORK/ref.html"; then
  problem "the export is half written ($(wc -c <"$WORK/ut/k.doc") bytes)"
fi
corrupt=0
[ "$(sql 'PRAGMA integrity_check')" = ok ] || corrupt=1
left=$(ls -A "$WORK/ut" "$WORK/kopior" | grep -c 'samordna-.*\.tmp$')
echo "faults: $corrupt corrupt databases, $lost committed changes lost, 0 half-written exports expected; " \
  "$left temporary files left by killed writers (hidden names, never the target's)"
[ "$problems" -eq 0 ] || { echo "faults: $problems problems"; head -5 "$WORK/errors"; exit 1; }
echo "faults: all checks passed"
