#!/usr/bin/env bash
# End-to-end tests of the team's insats catalogue file, insatser.yaml (docs/insats-catalogue.md), through the
# command line without a terminal: written private on first use and never over the team's file, every problem
# named by `check` with line and column (exit 65), a removed type still in use refused, the last valid
# catalogue kept with a warning, and the team's own coaching made job-focused in the file. Invented names and
# test personnummer only; every case gets a fresh data directory.
# Usage: Tests/e2e/catalogue.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: catalogue.sh PATH/TO/samordna}
. "$(dirname "$0")/cli-lib.sh"

CATALOGUE() { echo "$DATA/insatser.yaml"; }

# A demo caseload of 10 (with insatser of many types); the catalogue is not written yet.
demo() {
  "$APP" demo --data "$DATA" --participants 10 --seed 3 >/dev/null 2>&1 || { fail "demo failed"; return 1; }
}

# A code that stored insatser use, and how many.
used_code() { sqlite3 "$DATA/caseload.sqlite" "SELECT type_code FROM insats_episode GROUP BY type_code ORDER BY COUNT(*) DESC, type_code LIMIT 1"; }
used_count() { sqlite3 "$DATA/caseload.sqlite" "SELECT COUNT(*) FROM insats_episode WHERE type_code = '$1'"; }

test_first_use_writes_the_default_privately_and_never_over_the_file() {
  demo || return 1
  expect_code 0 check || return 1
  expect_out "Insatskatalog: ingen ännu" || return 1
  [ ! -e "$(CATALOGUE)" ] || { fail "check wrote the catalogue"; return 1; }
  expect_code 0 participant list || return 1
  [ "$(stat -c %a "$(CATALOGUE)")" = 600 ] || { fail "mode $(stat -c %a "$(CATALOGUE)"), expected 600"; return 1; }
  grep -q "^  - kod: KJC$" "$(CATALOGUE)" || { fail "no KJC in the default"; return 1; }
  expect_code 0 check || return 1
  expect_out "insatser.yaml', 38 insatstyper (37 erbjuds idag)" || return 1
  echo "# teamets egen rad" >>"$(CATALOGUE)"
  local before
  before=$(sha256sum "$(CATALOGUE)")
  expect_code 0 insats list || return 1
  [ "$(sha256sum "$(CATALOGUE)")" = "$before" ] || { fail "the team's file was changed"; return 1; }
}

test_check_names_every_problem_with_line_and_column_and_exits_65() {
  demo || return 1
  expect_code 0 participant list || return 1
  # Every entry whose only category is J gets an unknown one (the first is RoM); Extratjänst's end date does
  # not exist.
  sed -i 's/^    kategorier: \[J\]$/    kategorier: [J, X]/; s/^    aktiv_till: 2021-12-31$/    aktiv_till: 2021-02-30/' "$(CATALOGUE)"
  local cat_line ext_line
  cat_line=$(grep -n "kategorier: \[J, X\]" "$(CATALOGUE)" | head -1 | cut -d: -f1)
  ext_line=$(grep -n "aktiv_till: 2021-02-30" "$(CATALOGUE)" | cut -d: -f1)
  expect_code 65 check || return 1
  expect_out "insatser.yaml:$cat_line:21: okänd kategori 'X'" || return 1
  expect_out "insatser.yaml:$ext_line:17: 'aktiv_till:' ska vara ett datum som finns" || return 1
  # The commands carry on with the last valid catalogue and say so.
  expect_code 0 participant list || return 1
  expect_err "samordna: varning: Insatskatalogen har fel, använder senaste giltiga versionen" || return 1
  expect_err "insatser.yaml:$cat_line:21: okänd kategori 'X'" || return 1
  expect_out "10 deltagare" || return 1
}

test_anchors_and_aliases_are_refused_quickly() {
  demo || return 1
  printf 'insatser:\n  - kod: A\n    namn: &n Namn\n    organisation: *n\n    kategorier: [J]\n' >"$(CATALOGUE)"
  run check
  [ "$CODE" -eq 65 ] || { fail "exit $CODE, expected 65"; return 1; }
  expect_out "insatser.yaml:3:11: ankare (&n) används inte i insatskatalogen" || return 1
  expect_out "insatser.yaml:4:19: referenser (*n)" || return 1
}

test_a_removed_type_still_in_use_is_refused_by_check() {
  demo || return 1
  expect_code 0 participant list || return 1
  local code count
  code=$(used_code)
  count=$(used_count "$code")
  [ -n "$code" ] && [ "$count" -gt 0 ] || { fail "the demo has no insatser"; return 1; }
  # Take the entry out: from its '- kod:' line to the blank line after it.
  awk -v code="$code" '$0 == "  - kod: " code { skip = 1; next } skip && $0 == "" { skip = 0; next } !skip' \
    "$(CATALOGUE)" >"$WORK/cat" && cat "$WORK/cat" >"$(CATALOGUE)"
  grep -q "kod: $code\$" "$(CATALOGUE)" && { fail "$code still in the file"; return 1; }
  expect_code 65 check || return 1
  expect_out "kod '$code' används av $count insats" || return 1
  expect_out "men finns inte i insatser.yaml" || return 1
  # An inactive type (Extratjänst, aktiv_till 2021-12-31) is valid for history but cannot start anew.
  expect_code 65 insats add --participant "$(sqlite3 "$DATA/caseload.sqlite" 'SELECT id FROM participant LIMIT 1')" \
    --type EXT --start 2026-12-01 || return 1
  expect_err "EXT Extratjänst erbjuds inte längre" || return 1
}

test_the_team_can_make_its_own_coaching_job_focused() {
  demo || return 1
  local pid
  pid=$(sqlite3 "$DATA/caseload.sqlite" "SELECT id FROM participant LIMIT 1")
  expect_code 0 insats add --participant "$pid" --type KJC --start 2026-11-23 --status pågår --beslutad-av Kommun-Jobbtorg || return 1
  # By default the team's own coaching is not job-focused: no J in the list's J column.
  grep -A4 "^  - kod: KJC$" "$(CATALOGUE)" | grep -q "jobbinriktad: nej" || { fail "KJC is job-focused by default"; return 1; }
  # Read by the Jobbtorg's jobbcoach, whose organisation owns the insats (others need a consent).
  USER=carin.jc expect_code 0 insats list --participant "$pid" || return 1
  grep -q " KJC " <<<"$OUT" || { fail "the jobbcoach does not see the Jobbtorg's KJC"; return 1; }
  grep " KJC " <<<"$OUT" | grep -q " J *$" && { fail "KJC marked job-focused by default"; return 1; }
  awk '$0 == "  - kod: KJC" { kjc = 1 } kjc && $0 == "    jobbinriktad: nej" { $0 = "    jobbinriktad: ja"; kjc = 0 } { print }' \
    "$(CATALOGUE)" >"$WORK/cat" && cat "$WORK/cat" >"$(CATALOGUE)"
  expect_code 0 check || return 1
  USER=carin.jc expect_code 0 insats list --participant "$pid" || return 1
  grep " KJC " <<<"$OUT" | grep -q " J *$" || { fail "KJC not marked job-focused after the edit"; return 1; }
  # A code the file does not have is refused for a new insats.
  expect_code 65 insats add --participant "$pid" --type NYTT --start 2026-11-23 --beslutad-av AF || return 1
  expect_err "okänd insatskod" || return 1
}

for t in test_first_use_writes_the_default_privately_and_never_over_the_file \
  test_check_names_every_problem_with_line_and_column_and_exits_65 test_anchors_and_aliases_are_refused_quickly \
  test_a_removed_type_still_in_use_is_refused_by_check test_the_team_can_make_its_own_coaching_job_focused; do
  run_test "$t"
done

echo "catalogue: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
