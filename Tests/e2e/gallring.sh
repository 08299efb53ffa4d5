#!/usr/bin/env bash
# End-to-end tests of gallring (retention and erasure, docs/privacy.md) without a terminal, with --today set
# years ahead: `gallring list` shows who is due (pseudonymised), the week export counts them, `gallring run`
# refuses without a terminal and --yes, asks on a terminal (the number or "ja"), erases with --yes, and then
# neither the list, `participant show` nor the database file holds the participant (sqlite3 and the file's
# bytes). `gallring policy` shows and sets each organisation's rule; bad input has its exit code (docs/cli.md).
# A demo caseload (invented names, test personnummer 980–999) made on 2026-11-23; every case gets its own.
# Usage: Tests/e2e/gallring.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: gallring.sh PATH/TO/samordna}
. "$(dirname "$0")/cli-lib.sh"

LATER=2031-01-15

# setup: a demo caseload of 40 (four of them closed) and anna, arbetsförmedlare, in the team.
setup() {
  expect_code 0 demo --participants 40 --seed 7 || return 1
  USER=admin expect_code 0 team add --login anna --name "Anna Åberg" --profession arbetsförmedlare || return 1
}

sql() { sqlite3 "$DATA/caseload.sqlite" "$1"; }

# dump_holds TEXT: whether `sqlite3 .dump` (every table, as SQL) contains TEXT.
dump_holds() {
  sqlite3 "$DATA/caseload.sqlite" .dump >"$WORK/dump.sql" || return 2
  grep -qF -- "$1" "$WORK/dump.sql"
}

# due_ids: the short ids `gallring list --format json` shows as due on LATER, one a line.
due_ids() {
  expect_code 0 gallring list --today "$LATER" --format json || return 1
  python3 -c 'import json,sys; [print(l["short_id"]) for l in json.load(sys.stdin) if l["due"]]' <"$WORK/out"
}

test_nobody_is_due_today_and_the_closed_ones_years_later() {
  setup || return 1
  expect_code 0 gallring list || return 1
  expect_out "Ingen deltagare att gallra 2026-11-23." || return 1
  closed=$(sql "SELECT count(*) FROM participant WHERE status = 'avslutad'")
  [ "$closed" -gt 0 ] || { fail "the demo should have closed participants"; return 1; }
  expect_code 0 gallring list --today "$LATER" || return 1
  expect_out "Gallring $LATER: $closed deltagare att gallra." || return 1
  expect_out "24 mån efter sista uppföljningen" || return 1
  # Pseudonymised: no personnummer, no surname of anyone closed.
  for pnr in $(sql "SELECT identity_value FROM participant WHERE status = 'avslutad'"); do
    refute_out "$pnr" || return 1
    refute_out "${pnr:2:6}" || return 1
  done
  for last in $(sql "SELECT last_name FROM participant WHERE status = 'avslutad'"); do refute_out "$last" || return 1; done
  expect_code 0 export week --today "$LATER" --format md || return 1
  expect_out "Gallring: $closed deltagare att gallra" || return 1
  expect_code 0 export week --format md || return 1
  refute_out "Gallring" || return 1
}

test_run_refuses_without_a_terminal_then_yes_erases_everything() {
  setup || return 1
  ids=$(due_ids) || return 1
  short=$(head -1 <<<"$ids")
  [ -n "$short" ] || { fail "nobody due on $LATER"; return 1; }
  id=$(sql "SELECT id FROM participant WHERE id LIKE '$short%'")
  pnr=$(sql "SELECT identity_value FROM participant WHERE id = '$id'")
  name=$(sql "SELECT first_name || ' ' || last_name FROM participant WHERE id = '$id'")
  [ "$(sql "SELECT count(*) FROM participant WHERE first_name || ' ' || last_name = '$name'")" -eq 1 ] \
    || { fail "the demo name '$name' should be unique"; return 1; }
  dump_holds "$pnr" || { fail "the dump should hold $pnr before"; return 1; }

  expect_code 64 gallring run --today "$LATER" </dev/null || return 1
  expect_err "ingen terminal" || return 1
  expect_err "--yes" || return 1
  [ "$(sql "SELECT count(*) FROM participant WHERE id = '$id'")" -eq 1 ] || { fail "refused run erased"; return 1; }

  expect_code 0 gallring run --today "$LATER" --yes || return 1
  n=$(wc -l <<<"$ids")
  expect_out "Gallrade $n deltagare." || return 1
  expect_code 0 gallring list --today "$LATER" || return 1
  expect_out "Ingen deltagare att gallra $LATER." || return 1
  expect_code 65 participant show "$id" || return 1
  [ "$(sql "SELECT count(*) FROM participant WHERE status = 'avslutad'")" -eq 0 ] || { fail "closed ones remain"; return 1; }
  [ "$(sql "SELECT count(*) FROM participant")" -eq $((40 - n)) ] || { fail "open participants were erased"; return 1; }
  for trace in "$pnr" "$name" "$id"; do
    dump_holds "$trace"
    [ $? -eq 1 ] || { fail "the database still holds '$trace' (or could not be dumped)"; return 1; }
    for f in "$DATA/caseload.sqlite" "$DATA/caseload.sqlite-wal"; do
      [ -f "$f" ] && grep -qaF -- "$trace" "$f" && { fail "$(basename "$f") still holds '$trace' in its bytes"; return 1; }
    done
  done
  # One log line, no ids or names.
  [ "$(sql "SELECT count(*) FROM gallring_log")" -eq 1 ] || { fail "one gallring_log line expected"; return 1; }
  [ "$(sql "SELECT participants || ' ' || login || ' ' || day FROM gallring_log")" = "$n anna $LATER" ] \
    || { fail "gallring_log: $(sql 'SELECT * FROM gallring_log')"; return 1; }
  expect_code 0 gallring log || return 1
  expect_out "anna (AF)  dag $LATER  $n deltagare" || return 1
  expect_code 0 gallring run --today "$LATER" --yes || return 1
  expect_out "Ingen deltagare att gallra $LATER." || return 1
}

test_run_on_a_terminal_asks_for_the_number_or_ja() {
  setup || return 1
  n=$(due_ids | wc -l)
  before=$(sql "SELECT count(*) FROM participant")
  printf 'kanske\n' | script -qec "'$APP' gallring run --today $LATER --data '$DATA'" /dev/null >"$WORK/out" 2>&1
  CODE=$?
  [ "$CODE" -eq 65 ] || { fail "answering 'kanske': exit $CODE, expected 65"; cat "$WORK/out"; return 1; }
  grep -qF "Skriv $n eller 'ja'" "$WORK/out" || { fail "the question should name $n"; cat "$WORK/out"; return 1; }
  [ "$(sql "SELECT count(*) FROM participant")" -eq "$before" ] || { fail "a refused answer erased"; return 1; }
  printf '%s\n' "$n" | script -qec "'$APP' gallring run --today $LATER --data '$DATA'" /dev/null >"$WORK/out" 2>&1
  CODE=$?
  [ "$CODE" -eq 0 ] || { fail "answering $n: exit $CODE"; cat "$WORK/out"; return 1; }
  [ "$(sql "SELECT count(*) FROM participant")" -eq $((before - n)) ] || { fail "answering $n did not erase"; return 1; }
}

test_only_a_team_member_may_run_it() {
  setup || return 1
  USER=nobody expect_code 65 gallring run --today "$LATER" --yes || return 1
  expect_err "bara köras av en medarbetare i teamet" || return 1
  [ "$(sql "SELECT count(*) FROM participant")" -eq 40 ] || { fail "erased by a login outside the team"; return 1; }
}

test_policy_is_shown_and_set_per_organisation() {
  setup || return 1
  expect_code 0 gallring policy || return 1
  expect_out "Kommun-soc           24 månader efter sista uppföljningen (standard)" || return 1
  expect_code 0 gallring policy --organisation kommun-soc --personakt || return 1
  expect_out "Kommun-soc: personakt" || return 1
  expect_code 0 gallring policy --organisation AF --months 6 || return 1
  expect_code 0 gallring policy || return 1
  expect_out "AF                   6 månader efter sista uppföljningen" || return 1
  expect_out "Kommun-soc           personakt: 5 år efter sista anteckningen" || return 1
  # Five years after the last entry (2026-11-23 at the latest): nobody with socialtjänstens entries is due yet.
  expect_code 0 gallring list --today "$LATER" --all --format json || return 1
  python3 -c 'import json,sys
l = json.load(sys.stdin)
assert l and all(x["from"] >= "2031-11-23" and x["deadline"] == "2032-12-31" and not x["due"] for x in l if "Kommun-soc" in x["reason"]), l' \
    <"$WORK/out" || { fail "personakt not applied"; return 1; }
  expect_code 0 gallring policy --organisation Kommun-soc --default || return 1
  expect_code 0 gallring policy || return 1
  expect_out "Kommun-soc           24 månader efter sista uppföljningen (standard)" || return 1
}

test_bad_input_has_its_exit_code() {
  setup || return 1
  expect_code 64 gallring policy --organisation Kommun-soc --months 0 || return 1
  expect_code 64 gallring policy --organisation Kommun-soc --months 121 || return 1
  expect_code 64 gallring policy --organisation Nowhere --months 12 || return 1
  expect_err "okänd organisation" || return 1
  expect_code 64 gallring policy --months 12 || return 1
  expect_code 64 gallring policy --organisation AF --months 12 --personakt || return 1
  expect_code 64 gallring list --format csv || return 1
  expect_code 64 gallring list --today 2031-13-01 || return 1
  DATA=$WORK/empty expect_code 1 gallring list || return 1
}

for t in test_nobody_is_due_today_and_the_closed_ones_years_later test_run_refuses_without_a_terminal_then_yes_erases_everything \
  test_run_on_a_terminal_asks_for_the_number_or_ja test_only_a_team_member_may_run_it \
  test_policy_is_shown_and_set_per_organisation test_bad_input_has_its_exit_code; do
  run_test "$t"
done

echo "gallring: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
