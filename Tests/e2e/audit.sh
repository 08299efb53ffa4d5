#!/usr/bin/env bash
# End-to-end tests of the access log without a terminal: `participant show` (with and without --reveal),
# `participant list --reveal` and every export of a list (CSV, JSON, the week list) each write one line with
# who, organisation, which participant(s), format and whether names were included; `samordna audit` lists it
# newest first, filtered by participant, member and day, as a table or JSON; bad input has its exit code
# (docs/cli.md), and SQLite itself refuses to rewrite the log (docs/privacy.md). Only test personnummer
# (birth numbers 980–999) and invented names. Every case gets a fresh data directory.
# Usage: Tests/e2e/audit.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: audit.sh PATH/TO/samordna}
. "$(dirname "$0")/cli-lib.sh"

# py CODE: runs python3 with CODE on the last stdout; a failed assertion fails the test.
py() {
  python3 -c "$1" <"$WORK/out" 2>"$WORK/py" || { fail "python check failed: $(cat "$WORK/py")"; return 1; }
}

# setup: Anna (arbetsförmedlare) and Sven (socialsekreterare), and two participants added by Anna: P and Q.
setup() {
  USER=admin expect_code 0 team add --login anna --name "Anna Åberg" --profession arbetsförmedlare || return 1
  USER=admin expect_code 0 team add --login sven --name "Sven Ek" --profession socialsekreterare || return 1
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg --status aktiv || return 1
  P=$(last_id)
  expect_code 0 participant add --personnummer 19810202-9819 --first-name Bo --last-name Ring --status aktiv || return 1
  Q=$(last_id)
}

test_an_empty_log_says_so() {
  setup || return 1
  expect_code 0 audit || return 1
  expect_out "Inga rader i åtkomstloggen." || return 1
  expect_code 0 audit --format json || return 1
  py 'import json,sys; assert json.load(sys.stdin) == []' || return 1
}

test_show_and_reveal_are_logged_with_who_and_organisation() {
  setup || return 1
  USER=sven expect_code 0 participant show "$P" || return 1
  expect_code 0 participant show "$P" --reveal --format json || return 1
  expect_code 0 audit || return 1
  expect_out "Tid" || return 1
  expect_out "visa-personnummer" || return 1
  expect_out "läsa" || return 1
  # Newest first: Anna's reveal above Sven's read.
  [ "$(grep -c "${P:0:6}" <<<"$OUT")" -eq 2 ] || { fail "two lines expected for $P"; return 1; }
  head -2 <<<"$OUT" | tail -1 | grep -q "anna.*AF.*visa-personnummer" || { fail "newest line is not Anna's reveal"; return 1; }
  tail -1 <<<"$OUT" | grep -q "sven.*Kommun-soc.*läsa.*text" || { fail "oldest line is not Sven's read"; return 1; }
  refute_out "Öberg" || return 1
  refute_out "9804" || return 1
  expect_code 0 audit --format json || return 1
  py "import json,sys
lines = json.load(sys.stdin)
assert [l['action'] for l in lines] == ['visa-personnummer', 'läsa'], lines
assert lines[0]['participant_id'] == '$P' and lines[0]['participants'] == 1 and lines[0]['format'] == 'json'
assert lines[1]['login'] == 'sven' and lines[1]['organisation'] == 'Kommun-soc' and lines[1]['with_names'] is True
assert lines[0]['sequence'] > lines[1]['sequence']" || return 1
}

test_every_export_is_logged_with_count_format_and_names() {
  setup || return 1
  expect_code 0 participant list || return 1
  expect_code 0 audit --format json || return 1
  py 'import json,sys; assert json.load(sys.stdin) == [], "a masked table is not logged"' || return 1
  expect_code 0 participant list --reveal || return 1
  expect_code 0 participant list --format csv || return 1
  expect_code 0 participant list --format json --names || return 1
  expect_code 0 insats list --format csv || return 1
  expect_code 0 meeting list --format json || return 1
  expect_code 0 export week --week 2026-W48 --format md || return 1
  expect_code 0 audit --format json || return 1
  py "import json,sys
lines = json.load(sys.stdin)
got = [(l['action'], l['format'], l['participants'], l['with_names'], l['participant_id']) for l in reversed(lines)]
assert got[0] == ('visa-personnummer', 'table', 2, True, None), got
assert got[1] == ('exportera', 'csv', 2, False, None), got
assert got[2] == ('exportera', 'json', 2, True, None), got
assert got[3][:2] == ('exportera', 'csv') and got[4][:2] == ('exportera', 'json'), got
assert got[5][:2] == ('exportera', 'md') and got[5][3] is False, got
assert 'export week 2026-W48' in lines[0]['detail'], lines[0]
assert len(lines) == 6" || return 1
}

test_audit_filters_by_participant_member_and_day() {
  setup || return 1
  SAMORDNA_TODAY=2026-11-20 expect_code 0 participant show "$Q" || return 1
  USER=sven expect_code 0 participant show "$P" || return 1
  expect_code 0 participant show "$P" || return 1
  expect_code 0 audit --participant "$P" --format json || return 1
  py "import json,sys; l = json.load(sys.stdin); assert [x['login'] for x in l] == ['anna', 'sven'], l" || return 1
  expect_code 0 audit --participant 19800101-9804 --member sven --format json || return 1
  py "import json,sys; l = json.load(sys.stdin); assert len(l) == 1 and l[0]['login'] == 'sven', l" || return 1
  expect_code 0 audit --member anna --format json || return 1
  py "import json,sys; l = json.load(sys.stdin); assert len(l) == 2, l" || return 1
  expect_code 0 audit --since 2026-11-21 --format json || return 1
  py "import json,sys; l = json.load(sys.stdin); assert len(l) == 2 and all(x['participant_id'] == '$P' for x in l), l" || return 1
  expect_code 0 audit --member nobody || return 1
  expect_out "Inga rader" || return 1
}

test_bad_input_has_its_exit_code() {
  expect_code 1 audit || return 1
  expect_err "ingen ärendelista i" || return 1
  setup || return 1
  expect_code 64 audit --since 2026-13-01 || return 1
  expect_err "--since" || return 1
  expect_code 64 audit --format csv || return 1
  expect_code 65 audit --participant 19990101-9999 || return 1
  expect_code 65 participant show nosuchid || return 1
  expect_code 0 audit --format json || return 1
  py 'import json,sys; assert json.load(sys.stdin) == [], "a refused show is not logged"' || return 1
}

test_sqlite_refuses_to_rewrite_the_log() {
  command -v sqlite3 >/dev/null || { echo "     (sqlite3 missing: skipped)"; return 0; }
  setup || return 1
  expect_code 0 participant show "$P" || return 1
  sqlite3 "$DATA/caseload.sqlite" "UPDATE access_log SET login = 'mallory'" 2>"$WORK/sql" && { fail "UPDATE went through"; return 1; }
  grep -q "append-only" "$WORK/sql" || { fail "no append-only message: $(cat "$WORK/sql")"; return 1; }
  sqlite3 "$DATA/caseload.sqlite" "DELETE FROM access_log" 2>"$WORK/sql" && { fail "DELETE went through"; return 1; }
  expect_code 0 audit --member anna --format json || return 1
  py 'import json,sys; assert len(json.load(sys.stdin)) == 1' || return 1
}

test_a_refused_file_target_logs_nothing() {
  setup || return 1
  expect_code 0 export week --week 2026-W48 --format html --output "$WORK/vecka.html" || return 1
  expect_code 1 export week --week 2026-W48 --format html --output "$WORK/vecka.html" || return 1
  expect_err "finns redan" || return 1
  expect_code 1 export week --week 2026-W48 --output "$DATA/caseload.sqlite" --force || return 1
  expect_code 0 audit --format json || return 1
  py "import json,sys
l = json.load(sys.stdin)
assert len(l) == 1 and l[0]['format'] == 'html' and l[0]['action'] == 'exportera', l" || return 1
}

for t in test_a_refused_file_target_logs_nothing test_an_empty_log_says_so test_show_and_reveal_are_logged_with_who_and_organisation \
  test_every_export_is_logged_with_count_format_and_names test_audit_filters_by_participant_member_and_day \
  test_bad_input_has_its_exit_code test_sqlite_refuses_to_rewrite_the_log; do
  run_test "$t"
done

echo "audit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
