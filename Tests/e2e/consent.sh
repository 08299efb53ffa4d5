#!/usr/bin/env bash
# End-to-end test of consent-gated visibility in a real terminal (tmux), two team members of different
# organisations in two windows on one caseload: the socialsekreterare writes a note, the arbetsförmedlare sees
# only that it exists; the socialtjänst registers a consent and the text appears in the other window; it is
# withdrawn and the text disappears again; the command line says the same, and the access log lists both
# members' reads. Screens are polled every 50 ms with a timeout, never fixed sleeps. Only test personnummer
# (birth numbers 980–999) and invented names.
# Usage: Tests/e2e/consent.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: consent.sh PATH/TO/samordna}
. "$(dirname "$0")/lib.sh"
export TZ=UTC

NOTE="Hyresskuld sedan i somras; kontakt med bostadssocialt stöd."
HIDDEN="1 anteckning från socialtjänsten – samtycke saknas"

# cli LOGIN ARGS…: the command line as LOGIN on the test's caseload; stdout in OUT, exit code in CODE.
cli() {
  local login=$1
  shift
  OUT=$(USER=$login LOGNAME=$login "$APP" "$@" --data "$DATA" --today "$TODAY" 2>"$WORK/err")
  CODE=$?
}

# setup: Anna (AF) and Björn (socialtjänsten), one participant, and both apps open on her Anteckningar tab.
setup() {
  DATA=$WORK/consent
  cli admin team add --login anna.af --name "Anna Lindqvist" --profession arbetsformedlare || return 1
  cli admin team add --login bjorn.soc --name "Björn Sandberg" --profession socialsekreterare || return 1
  cli bjorn.soc participant add --personnummer 19850505-9876 --first-name Märta --last-name Åkesson --status aktiv
  [ "$CODE" -eq 0 ] || { fail "participant add: exit $CODE: $(cat "$WORK/err")"; return 1; }
  ID=${OUT##* }
  local s login
  for s in anna bjorn; do
    [ "$s" = anna ] && login=anna.af || login=bjorn.soc
    start_app_as "$login" -t "$s" --data "$DATA" --today "$TODAY"
    wait_for -t "$s" "1 av 1" || return 1
    $T send-keys -t "$s" Enter || return 1
    wait_for -t "$s" "Deltagare · Märta Åkesson" || return 1
    $T send-keys -t "$s" 5 || return 1
    wait_for -t "$s" "Anteckningar · rad" || return 1
  done
}

test_consent_shows_and_withdrawal_hides_a_note_in_the_other_window() {
  setup || return 1
  # Björn writes a note about her housing (his organisation's "social situation/boende" by default).
  $T send-keys -t bjorn n || return 1
  wait_for -t bjorn "Ny anteckning · Märta Åkesson" || return 1
  wait_for -t bjorn "(•) social situation/boende" || return 1
  $T send-keys -t bjorn -l "$NOTE" || return 1
  $T send-keys -t bjorn C-s || return 1
  wait_for -t bjorn "Anteckningen är sparad" || return 1
  wait_for -t bjorn "$NOTE" || return 1

  # Anna reopens the record: the note exists, its text and author do not show.
  $T send-keys -t anna Escape || return 1
  wait_for -t anna "1 av 1" || return 1
  $T send-keys -t anna Enter 5 || return 1
  wait_for -t anna "$HIDDEN" || return 1
  screen -t anna | grep -qF "Hyresskuld" && { fail "Anna reads the socialtjänst's note without consent"; return 1; }
  screen -t anna | grep -qF "Björn Sandberg" && { fail "Anna sees who wrote it"; return 1; }

  # Björn registers the socialtjänst's consent: Soc may disclose social situation/boende to AF.
  $T send-keys -t bjorn 6 || return 1
  wait_for -t bjorn "Samtycke · rad" || return 1
  $T send-keys -t bjorn n || return 1
  wait_for -t bjorn "Nytt samtycke · Märta Åkesson" || return 1
  wait_for -t bjorn "▸ Får lämna" || return 1
  $T send-keys -t bjorn Right Space Tab Space Tab || return 1
  wait_for -t bjorn "▸ Uppgifter" || return 1
  $T send-keys -t bjorn Right Right Right Right Right Right Right Space Tab Space || return 1
  wait_for -t bjorn "[x] social situation/boende" || return 1
  wait_for -t bjorn "[x] gemensam kartläggning" || return 1
  $T send-keys -t bjorn C-s || return 1
  wait_for -t bjorn "Samtycket är registrerat" || return 1
  wait_for -t bjorn "lämnar: Soc" || return 1
  wait_for -t bjorn "tar emot: AF" || return 1

  # Anna's window follows at once: the text appears.
  wait_for -t anna "$NOTE" 15 || return 1
  wait_gone -t anna "$HIDDEN" || return 1

  # The command line reads the same for Anna now.
  cli anna.af participant show "$ID"
  grep -qF "$NOTE" <<<"$OUT" || { fail "participant show for Anna lacks the note with consent"; echo "$OUT"; return 1; }

  # Björn withdraws it today: Anna's window hides the text again.
  $T send-keys -t bjorn e || return 1
  wait_for -t bjorn "Återkalla" || return 1
  $T send-keys -t bjorn Tab || return 1
  $T send-keys -t bjorn -l "muntligt vid möte" || return 1
  $T send-keys -t bjorn C-s || return 1
  wait_for -t bjorn "återkallat 2026-11-23" || return 1
  wait_gone -t anna "Hyresskuld" 15 || return 1
  wait_for -t anna "$HIDDEN" || return 1

  cli anna.af participant show "$ID"
  grep -qF "Hyresskuld" <<<"$OUT" && { fail "participant show for Anna shows the note after withdrawal"; return 1; }
  grep -qF "$HIDDEN" <<<"$OUT" || { fail "participant show for Anna does not say a note is withheld"; echo "$OUT"; return 1; }
  cli bjorn.soc participant show "$ID"
  grep -qF "$NOTE" <<<"$OUT" || { fail "Björn no longer reads his own note"; return 1; }

  # The access log lists both members' reads of her record.
  cli admin audit --participant "$ID"
  grep -q "anna.af .*läsa" <<<"$OUT" || { fail "the log lacks Anna's read"; echo "$OUT"; return 1; }
  grep -q "bjorn.soc .*läsa" <<<"$OUT" || { fail "the log lacks Björn's read"; echo "$OUT"; return 1; }
}

# Skyddade personuppgifter: Anna is responsible and sees who it is; Björn is not and sees an anonymous row he
# cannot find by name or open, in the list and on the command line.
test_a_protected_identity_is_shown_only_to_the_responsible() {
  DATA=$WORK/protected
  cli admin team add --login anna.af --name "Anna Lindqvist" --profession arbetsformedlare || return 1
  cli admin team add --login bjorn.soc --name "Björn Sandberg" --profession socialsekreterare || return 1
  cli anna.af participant add --personnummer 19700101-9806 --first-name Vera --last-name Skogslund --protected \
    --status aktiv --responsible-af anna.af
  [ "$CODE" -eq 0 ] || { fail "participant add: exit $CODE: $(cat "$WORK/err")"; return 1; }
  local id=${OUT##* }
  start_app_as anna.af -t anna --data "$DATA" --today "$TODAY"
  start_app_as bjorn.soc -t bjorn --data "$DATA" --today "$TODAY"
  wait_for -t anna "Skogslund, Vera" || return 1
  wait_for -t bjorn "Skyddad identitet" || return 1
  screen -t bjorn | grep -qF "Skogslund" && { fail "Björn sees the protected name"; return 1; }
  $T send-keys -t bjorn Enter || return 1
  wait_for -t bjorn "Skyddad identitet: bara ansvariga" || return 1
  screen -t bjorn | grep -qF "Deltagare ·" && { fail "Björn opened the record"; return 1; }
  $T send-keys -t bjorn / || return 1
  $T send-keys -t bjorn -l "skogslund" || return 1
  wait_for -t bjorn "0 av 0 (av 1)" || return 1
  cli bjorn.soc participant show "$id"
  [ "$CODE" -eq 65 ] || { fail "participant show for Björn: exit $CODE, expected 65"; return 1; }
  cli anna.af participant show "$id"
  [ "$CODE" -eq 0 ] && grep -qF "Vera Skogslund" <<<"$OUT" || { fail "Anna cannot read her own participant"; return 1; }
}

tests=(test_consent_shows_and_withdrawal_hides_a_note_in_the_other_window
  test_a_protected_identity_is_shown_only_to_the_responsible)
for t in "${tests[@]}"; do
  run_test "$t"
done

echo "consent: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
