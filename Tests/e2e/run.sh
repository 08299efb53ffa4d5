#!/usr/bin/env bash
# End-to-end tests: the real samordna binary in a real terminal (tmux), and its command line from a
# script with no terminal. Screens are polled every 50 ms with a timeout; never fixed sleeps.
# Usage: Tests/e2e/run.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: run.sh PATH/TO/samordna}
. "$(dirname "$0")/lib.sh"

DATA=$WORK/data
"$APP" demo --data "$DATA" --participants 100 --seed 7 --today "$TODAY" >/dev/null || {
  echo "FAIL: could not create the demo caseload"
  exit 1
}

# The first participant in Swedish order, straight from the command line (names on request).
first_row=$("$APP" participant list --data "$DATA" --today "$TODAY" --format csv --names 2>/dev/null | sed -n 2p)
FIRST_NAME=$(printf '%s' "$first_row" | cut -d, -f2 | tr -d '"')
LAST=${FIRST_NAME%%,*}

test_browse_search_open_back_quit() {
  start_app --data "$DATA" --today "$TODAY"
  wait_for "Deltagarlista" || return 1
  wait_for "1 av 100" || return 1
  $T send-keys -t app j j || return 1
  wait_for "3 av 100" || return 1
  $T send-keys -t app G || return 1
  wait_for "100 av 100" || return 1
  $T send-keys -t app g || return 1
  wait_for "1 av 100" || return 1
  # Incremental search on a surname (may contain åäö); the count of hits shows.
  $T send-keys -t app / || return 1
  wait_for "Sök:" || return 1
  $T send-keys -t app -l "$LAST" || return 1
  wait_for "(av 100)" || return 1
  $T send-keys -t app Enter || return 1
  $T send-keys -t app Enter || return 1
  wait_for "Översikt · rad" || return 1
  wait_for "$LAST" || return 1
  wait_for "Ansvariga" || return 1
  $T send-keys -t app G || return 1
  # The overview ends with the change log.
  wait_for "Historik" || return 1
  $T send-keys -t app Escape || return 1
  wait_for "Deltagarlista" || return 1
  wait_for "Sök: $LAST" || return 1
  $T send-keys -t app Escape || return 1
  wait_gone "Sök:" || return 1
  wait_for "av 100" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
}

test_search_by_personnummer() {
  local pnr
  pnr=$("$APP" participant list --data "$DATA" --today "$TODAY" --format csv --reveal 2>/dev/null | sed -n 5p | cut -d, -f3)
  start_app --data "$DATA" --today "$TODAY"
  wait_for "1 av 100" || return 1
  $T send-keys -t app / || return 1
  # 12 digits with a hyphen, as typed from a paper form.
  $T send-keys -t app -l "$pnr" || return 1
  wait_for "1 av 1 (av 100)" || return 1
  # While typing, Q is text; Enter leaves the field and Q quits.
  $T send-keys -t app Enter Q || return 1
  wait_for "EXIT=0" || return 1
}

test_help_and_identity_reveal() {
  start_app --data "$DATA" --today "$TODAY"
  wait_for "1 av 100" || return 1
  wait_for "XXXX" || return 1
  $T send-keys -t app '?' || return 1
  wait_for "Hjälp" || return 1
  wait_for "Avsluta" || return 1
  $T send-keys -t app Escape || return 1
  wait_gone "Hjälp – tangenter" || return 1
  $T send-keys -t app r || return 1
  wait_gone "XXXX" || return 1
  $T send-keys -t app q || return 1
  wait_for "EXIT=0" || return 1
}

test_small_and_resized_terminal() {
  start_app --data "$DATA" --today "$TODAY"
  wait_for "1 av 100" || return 1
  $T resize-window -t app -x 60 -y 20 || return 1
  wait_for "Fönstret är för litet" || return 1
  $T resize-window -t app -x 120 -y 40 || return 1
  wait_for "1 av 100" || return 1
  wait_gone "för litet" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
}

test_ctrl_c_and_sigterm_restore_the_terminal() {
  start_app --data "$DATA" --today "$TODAY"
  wait_for "1 av 100" || return 1
  $T send-keys -t app C-c || return 1
  wait_for "EXIT=130" || return 1
  start_app --data "$DATA" --today "$TODAY"
  wait_for "1 av 100" || return 1
  # This pane's samordna only: never another one on a shared machine.
  local pid
  pid=$(app_pid) || { fail "no samordna process to stop"; return 1; }
  kill -TERM "$pid" || return 1
  wait_for "EXIT=1" || return 1
  # The terminal is back in normal mode: the shell's echo is readable on a cleared line.
  screen | grep -q "Deltagarlista" && { fail "screen not restored after SIGTERM"; return 1; }
  return 0
}

test_colleague_change_appears() {
  local data2=$WORK/colleague
  "$APP" demo --data "$data2" --participants 5 --seed 3 --today "$TODAY" >/dev/null || return 1
  start_app --data "$data2" --today "$TODAY"
  wait_for "1 av 5" || return 1
  "$APP" participant add --data "$data2" --today "$TODAY" --personnummer 19900101-9802 \
    --first-name Örjan --last-name Åkesson >/dev/null || { fail "participant add failed"; return 1; }
  wait_for "1 av 6" 5 || return 1
  wait_for "Åkesson, Örjan" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
}

test_add_participant_through_the_form_and_find_it_after_restart() {
  local data4=$WORK/form
  "$APP" demo --data "$data4" --participants 3 --seed 11 --today "$TODAY" >/dev/null || return 1
  start_app --data "$data4" --today "$TODAY"
  wait_for "1 av 3" || return 1
  $T send-keys -t app n || return 1
  wait_for "Ny deltagare" || return 1
  # A wrong check digit is refused with the reason, as you type.
  $T send-keys -t app -l "19850615-9803" || return 1
  wait_for "kontrollsiffran" || return 1
  $T send-keys -t app BSpace || return 1
  # 850615-980? : the valid check digit, computed here so the test states it.
  $T send-keys -t app -l "$(luhn_last 850615980)" || return 1
  wait_gone "kontrollsiffran" || return 1
  $T send-keys -t app Tab || return 1
  $T send-keys -t app -l "Åsa-Märta" || return 1
  $T send-keys -t app Tab || return 1
  $T send-keys -t app -l "Öhrnström" || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Ny deltagare sparad" || return 1
  wait_for "Öhrnström, Åsa-Märta" || return 1
  wait_for "av 4" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
  # Start again: it is still there, and the change log knows who added it.
  start_app --data "$data4" --today "$TODAY"
  wait_for "Öhrnström, Åsa-Märta" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
}

test_no_terminal_refuses() {
  local out code
  out=$(env TERM=xterm-256color "$APP" --data "$DATA" </dev/null 2>&1 >/dev/null)
  code=$?
  [ "$code" -eq 1 ] || { fail "exit code $code, expected 1"; return 1; }
  grep -q "kräver en terminal" <<<"$out" || { fail "message: $out"; return 1; }
  out=$(script -qec "env TERM=no-such-terminal $APP --data $DATA" /dev/null 2>&1)
  grep -q "TERM='no-such-terminal'" <<<"$out" || { fail "unusable TERM message: $out"; return 1; }
}

test_command_line_bad_input() {
  local out code data3=$WORK/cli
  out=$("$APP" participant add --data "$data3" --today "$TODAY" --personnummer 19800101-9802 \
    --first-name Åsa --last-name Öberg 2>&1)
  code=$?
  [ "$code" -eq 65 ] || { fail "invalid personnummer: exit $code, expected 65"; return 1; }
  grep -q "19800101-9802" <<<"$out" || { fail "message does not name the value: $out"; return 1; }
  grep -q "kontrollsiffr" <<<"$out" || { fail "message does not name the rule: $out"; return 1; }
  if [ -e "$data3/caseload.sqlite" ] && [ "$("$APP" participant list --data "$data3" --format csv | wc -l)" -gt 1 ]; then
    fail "something was written"; return 1
  fi
  "$APP" participant list --data "$DATA" --no-such-flag >/dev/null 2>&1
  code=$?
  [ "$code" -eq 64 ] || { fail "unknown flag: exit $code, expected 64"; return 1; }
  out=$("$APP" participant list --data "$DATA" --today 2026-13-01 2>&1)
  code=$?
  [ "$code" -eq 64 ] || { fail "malformed --today: exit $code, expected 64"; return 1; }
  grep -q "Usage" <<<"$out" || { fail "no usage line: $out"; return 1; }
}

test_corrupt_database_is_named_and_untouched() {
  local bad=$WORK/bad out code before after
  mkdir -p "$bad" && chmod 700 "$bad"
  printf 'detta är ingen databas\n' >"$bad/caseload.sqlite"
  before=$(sha256sum "$bad/caseload.sqlite")
  out=$("$APP" participant list --data "$bad" 2>&1)
  code=$?
  after=$(sha256sum "$bad/caseload.sqlite")
  [ "$code" -ne 0 ] || { fail "corrupt database accepted"; return 1; }
  grep -qF "$bad/caseload.sqlite" <<<"$out" || { fail "message does not name the file: $out"; return 1; }
  [ "$before" = "$after" ] || { fail "the file was changed"; return 1; }
  "$APP" check --data "$bad" >/dev/null 2>&1 && { fail "check passed a corrupt database"; return 1; }
  return 0
}

test_check_and_private_files() {
  local out mode
  out=$("$APP" check --data "$DATA" 2>&1) || { fail "check failed: $out"; return 1; }
  grep -q "Deltagare: 100" <<<"$out" || { fail "check output: $out"; return 1; }
  mode=$(stat -c %a "$DATA")
  [ "$mode" = 700 ] || { fail "data directory mode $mode"; return 1; }
  mode=$(stat -c %a "$DATA/caseload.sqlite")
  [ "$mode" = 600 ] || { fail "database mode $mode"; return 1; }
}

# The README's first command: a temporary demo in which the user is the arbetsförmedlare, so a note can be
# written at once; the directory is gone after quitting.
test_demo_lets_the_user_write_at_once() {
  local before after
  before=$(ls -d "${TMPDIR:-/tmp}"/samordna-demo-* 2>/dev/null | wc -l)
  start_app --demo --today "$TODAY"
  wait_for "av 100" 20 || return 1
  $T send-keys -t app Enter || return 1
  wait_for "1 Översikt" || return 1
  $T send-keys -t app 5 n || return 1
  wait_for "Ny anteckning" || return 1
  screen | grep -qF "Vem är du?" && { fail "the demo asked who the user is"; return 1; }
  $T send-keys -t app -l "Första samtalet gick bra." || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Anteckningen är sparad" || return 1
  wait_for "Anna Lindqvist, arbetsförmedlare" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
  after=$(ls -d "${TMPDIR:-/tmp}"/samordna-demo-* 2>/dev/null | wc -l)
  [ "$after" -le "$before" ] || { fail "the demo directory was left behind"; return 1; }
}

for t in test_browse_search_open_back_quit test_search_by_personnummer test_help_and_identity_reveal \
  test_small_and_resized_terminal test_ctrl_c_and_sigterm_restore_the_terminal test_colleague_change_appears \
  test_add_participant_through_the_form_and_find_it_after_restart \
  test_no_terminal_refuses test_command_line_bad_input test_corrupt_database_is_named_and_untouched \
  test_check_and_private_files test_demo_lets_the_user_write_at_once; do
  run_test "$t"
done

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
