#!/usr/bin/env bash
# End-to-end tests of insatser and meetings in a real terminal (tmux): two overlapping insatser (one
# job-focused) and a meeting are scheduled for a participant through the forms; the timeline shows both, the
# list's flags and next meeting follow at once, one insats is ended and the end undone, and a colleague's
# window (a second process) follows. Screens are polled with a timeout; never fixed sleeps. Only test
# personnummer (birth numbers 980–999) and invented names.
# Usage: Tests/e2e/insatser.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: insatser.sh PATH/TO/samordna}
. "$(dirname "$0")/lib.sh"
export TZ=UTC

# row [-t SESSION] NAME: the caseload list's line for NAME.
row() {
  local s=app
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  screen -t "$s" | grep -F -- "$1"
}

# wait_row [-t SESSION] NAME REGEX: poll until the list's line for NAME matches REGEX.
wait_row() {
  local s=app i
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  for ((i = 0; i < 200; i++)); do
    row -t "$s" "$1" | grep -qE -- "$2" && return 0
    sleep 0.05
  done
  fail "the line for $1 never matched '$2'$(on "$s"): $(row -t "$s" "$1")"
}

# to_field [-t SESSION] LABEL: Tab until the focus marker is on LABEL.
to_field() {
  local s=app i
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  for ((i = 0; i < 30; i++)); do
    screen -t "$s" | grep -qF -- "▸ $1" && return 0
    $T send-keys -t "$s" Tab || return 1
    sleep 0.05
  done
  fail "no field '$1'$(on "$s")"
}

test_schedule_end_and_undo_with_a_colleague_watching() {
  local data=$WORK/insatser pnr
  "$APP" demo --data "$data" --participants 3 --seed 11 --today "$TODAY" >/dev/null || { fail "no demo"; return 1; }
  pnr="19851212980$(luhn_last 851212980)"
  "$APP" participant add --data "$data" --today "$TODAY" --personnummer "$pnr" --first-name Åke \
    --last-name Testsson >/dev/null || { fail "could not add Åke Testsson"; return 1; }

  start_app_as anna.af --data "$data" --today "$TODAY"
  start_app_as bjorn.soc -t bjorn --data "$data" --today "$TODAY"
  wait_for "1 av 4" || return 1
  wait_for -t bjorn "1 av 4" || return 1
  # No insats yet: the list says I and J.
  row "Testsson, Åke" | grep -qE ' IJ' || { fail "a participant without insatser lacks I and J: $(row "Testsson, Åke")"; return 1; }

  $T send-keys -t app / || return 1
  $T send-keys -t app -l testsson || return 1
  wait_for "1 av 1 (av 4)" || return 1
  $T send-keys -t app Enter Enter || return 1
  wait_for "Deltagare · Åke Testsson" || return 1
  $T send-keys -t app 3 || return 1
  wait_for "Inga insatser registrerade" || return 1

  # SFI, ongoing since 2 November.
  $T send-keys -t app n || return 1
  wait_for "Välj insats (skriv för att söka)" || return 1
  $T send-keys -t app -l "svenska för" || return 1
  wait_for "SFI    Svenska för invandrare" || return 1
  $T send-keys -t app Enter || return 1
  wait_for "Ny insats · Åke Testsson" || return 1
  $T send-keys -t app Right || return 1
  wait_for "( ) planerad  (•) pågår" || return 1
  to_field Startade || return 1
  $T send-keys -t app -l "2026-11-02" || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Insatsen är sparad: Svenska för invandrare (pågår)" || return 1
  wait_for "    SFI   " || return 1

  # Arbetspraktik, planned from today: job-focused, overlapping.
  $T send-keys -t app n || return 1
  wait_for "Välj insats" || return 1
  $T send-keys -t app -l arbetspraktik || return 1
  wait_for "PRA    Arbetspraktik" || return 1
  $T send-keys -t app Enter || return 1
  wait_for "Ny insats · Åke Testsson" || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Insatsen är sparad: Arbetspraktik (planerad)" || return 1
  wait_for "  J PRA   " || return 1
  screen | grep -F "  J PRA   " | grep -qF "░░" || { fail "the planned insats is not drawn as planned (░)"; return 1; }
  screen | grep -F "    SFI   " | grep -qF "██" || { fail "the ongoing insats is not drawn as ongoing (█)"; return 1; }

  # The colleague's list follows: an insats runs (no I), none job-focused yet (J).
  wait_for -t bjorn "Uppdaterat med ändringar från en kollega" || return 1
  wait_row -t bjorn "Testsson, Åke" ' 1 J' || return 1

  # Start the praktik: now a job-focused insats runs, and J goes.
  $T send-keys -t app j a || return 1
  wait_for "Arbetspraktik: vad har hänt?" || return 1
  $T send-keys -t app Enter || return 1
  wait_for "Starta insats · Arbetspraktik" || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Insatsen är sparad: Arbetspraktik (pågår)" || return 1

  # A meeting tomorrow.
  $T send-keys -t app 4 || return 1
  wait_for "Inga möten registrerade" || return 1
  $T send-keys -t app n || return 1
  wait_for "Boka möte · Åke Testsson" || return 1
  to_field Typ || return 1
  $T send-keys -t app Right || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Mötet är bokat: 2026-11-24 10:00 (kartläggning)" || return 1

  # End the SFI (found a job) … and take it back.
  $T send-keys -t app 3 || return 1
  wait_for "Insatser (n ny" || return 1
  $T send-keys -t app a || return 1
  wait_for "Svenska för invandrare: vad har hänt?" || return 1
  $T send-keys -t app Enter || return 1
  wait_for "Avsluta insats · Svenska för invandrare" || return 1
  to_field Orsak || return 1
  $T send-keys -t app Right Right || return 1
  $T send-keys -t app C-s || return 1
  wait_for "     avslutad  2026-11-02 – 2026-11-23   Svenska för invandrare" || return 1
  wait_for "orsak: arbete" || return 1
  $T send-keys -t app u || return 1
  wait_for "Ångrat" || return 1
  wait_gone "orsak: arbete" || return 1

  # Back on the list: two ongoing, no I or J; the next meeting is tomorrow, in both windows.
  $T send-keys -t app Escape || return 1
  wait_for "Samordna · Deltagarlista" || return 1
  $T send-keys -t app Escape || return 1
  wait_for "3 av 4" || return 1
  wait_row "Testsson, Åke" '2026-11-24 +2' || return 1
  row "Testsson, Åke" | grep -qE ' I|J' && { fail "I or J still shown: $(row "Testsson, Åke")"; return 1; }
  wait_row -t bjorn "Testsson, Åke" '2026-11-24 +2' || return 1

  # The team timeline shows the participant with both running.
  $T send-keys -t app t || return 1
  wait_for "Tidslinje · 4 deltagare" || return 1
  screen | grep -F "Testsson, Åke" | grep -qF "█J" || { fail "the team timeline lacks the job-focused insats"; return 1; }
}

# The veckolista in the terminal: this week's meetings, between weeks, Min vecka, a participant from a line,
# an export that a real CSV reader reads back.
test_week_view() {
  local data=$WORK/week f
  "$APP" demo --data "$data" --participants 40 --seed 5 --today "$TODAY" >/dev/null || { fail "no demo"; return 1; }
  start_app_as anna.af --data "$data" --today "$TODAY"
  wait_for "1 av 40" || return 1
  $T send-keys -t app v || return 1
  wait_for "Teamets vecka · v. 48 · 2026-11-23 – 2026-11-29" || return 1
  wait_for "Möten" || return 1
  $T send-keys -t app ] || return 1
  wait_for "Teamets vecka · v. 49 · 2026-11-30 – 2026-12-06" || return 1
  $T send-keys -t app [ [ || return 1
  wait_for "Teamets vecka · v. 47 · 2026-11-16 – 2026-11-22" || return 1
  $T send-keys -t app . || return 1
  wait_for "Teamets vecka · v. 48" || return 1
  $T send-keys -t app m || return 1
  wait_for "Min vecka · v. 48" || return 1
  $T send-keys -t app m || return 1
  wait_for "Teamets vecka · v. 48" || return 1
  # A week not read yet says so while it is read beside the screen; Enter waits until it is there.
  wait_gone "Läser veckan" || return 1
  # Enter on the first meeting opens that participant on the Möten tab.
  $T send-keys -t app Enter || return 1
  wait_for "Möten (n boka" || return 1
  $T send-keys -t app Escape || return 1
  wait_for "Teamets vecka · v. 48" || return 1
  $T send-keys -t app x || return 1
  wait_for "Exportera 2026-W48" || return 1
  $T send-keys -t app Enter || return 1
  wait_for "Exporterad:" || return 1
  f=$data/exporter/veckolista-2026-W48.csv
  [ -f "$f" ] || { fail "no export at $f"; return 1; }
  [ "$(stat -c %a "$f")" = 600 ] || { fail "the export is not private: $(stat -c %a "$f")"; return 1; }
  python3 - "$f" <<'PY' || { fail "the CSV does not read back"; return 1; }
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
assert len(rows) > 1, rows
PY
}

tests=(test_schedule_end_and_undo_with_a_colleague_watching test_week_view)
for t in "${tests[@]}"; do
  run_test "$t"
done

echo "insatser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
