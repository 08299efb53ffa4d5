#!/usr/bin/env bash
# End-to-end tests of the kartläggning in a real terminal (tmux, 100×30), issue 4's proof: a kartläggning
# filled in with Swedish text across sections survives a closed terminal (SIGHUP) mid-way, is found again as a
# draft, completed, copied into a second one and compared with it; a broken template file is named and the
# last valid version used; printing writes a private, pseudonymised file. Screens are polled every 50 ms with
# a timeout; never fixed sleeps. Only the demo caseload's invented people.
# Usage: Tests/e2e/kartlaggning.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: kartlaggning.sh PATH/TO/samordna}
. "$(dirname "$0")/lib.sh"
export TZ=UTC

ME=anna.af   # a demo login (arbetsförmedlare): the last page records AF's tilltro

# The team's template, written to the data directory before the first use: two sections, a required text, a
# required scale, a multi-line text and a ja-nej (27 lines; test 2 breaks line 29).
TEMPLATE='version: 1
titel: Liten mall
avsnitt:
  - id: A
    titel: Mål och tro
    frågor:
      - id: mal
        fråga: Vad vill du arbeta med?
        typ: text
        obligatorisk: ja
      - id: tro
        fråga: Jag tror att jag får ett arbete
        typ: skala
        skala: {låg: inte alls, hög: helt}
        obligatorisk: ja
      - id: dag
        fråga: Beskriv en vanlig dag
        typ: lång-text
  - id: B
    titel: Vardag
    frågor:
      - id: korkort
        fråga: Har du körkort?
        typ: ja-nej
      - id: resor
        fråga: Hur reser du till jobbet?
        typ: text'

# caseload DIR: the demo caseload (three invented participants, the demo team) with the template above,
# after checking that ME is one of the team.
caseload() {
  "$APP" demo --data "$1" --participants 3 --seed 11 --no-kartlaggningar --today "$TODAY" >/dev/null ||
    { fail "could not create the demo caseload in $1"; return 1; }
  "$APP" team list --data "$1" | grep -qw -- "$ME" || { fail "$ME is not in the demo team"; return 1; }
  printf '%s\n' "$TEMPLATE" >"$1/kartlaggning.yaml" && chmod 600 "$1/kartlaggning.yaml"
}

# participant_id DATA NAME: the id of the participant listed as NAME ("Efternamn, Förnamn").
participant_id() {
  "$APP" participant list --data "$1" --today "$TODAY" --format csv --names | grep -F -- "\"$2\"" | cut -d, -f1
}

# start DATA: the app as ME on DATA in a 100×30 terminal, in the session "app". A pane left from an earlier
# run is respawned (the session and server stay); otherwise a new session is made, tried again while a server
# that the last closed session took down is still going away.
start() {
  local cmd i
  cmd="env TERM=tmux-256color LANG=C.UTF-8 TZ=UTC USER=$ME LOGNAME=$ME $APP --data $(printf '%q' "$1") --today $TODAY; echo EXIT=\$?; sleep 60"
  if $T has-session -t app 2>/dev/null; then
    $T respawn-pane -k -t app "$cmd" || { fail "could not restart the app"; return 1; }
  else
    for ((i = 0; i < 100; i++)); do
      $T new-session -d -s app -x 100 -y 30 "$cmd" 2>/dev/null && break
      sleep 0.05
    done
    [ "$i" -lt 100 ] || { fail "could not start tmux"; return 1; }
  fi
  wait_for "Samordna · Deltagarlista" || return 1
  wait_for "1 av 3" || return 1
}

# open_tab NAME SEARCH: from the list, the participant found by SEARCH, on the Kartläggning tab.
open_tab() {
  $T send-keys -t app / || return 1
  wait_for "Sök:" || return 1
  $T send-keys -t app -l "$2" || return 1
  wait_for "1 av 1 (av 3)" || return 1
  $T send-keys -t app Enter Enter || return 1
  wait_for "Deltagare · $1" || return 1
  $T send-keys -t app 2 || return 1
  wait_for "Kartläggningar (n ny/fortsätt, e öppna, c jämför, p skriv ut)" || return 1
}

# has FILE TEXT…: FILE holds every TEXT.
has() {
  local file=$1 t
  shift
  for t in "$@"; do
    grep -qF -- "$t" "$file" || { fail "$(basename "$file") lacks '$t'"; cat "$file"; return 1; }
  done
}

# ---------------------------------------------------------------------------------------------------------

# Issue 4's proof: fill in Swedish text across sections, the terminal closes mid-way (SIGHUP while a field is
# being typed), start again, the draft is there with every answer, complete it; a second one starts from a
# copy, the scale changes, and the comparison shows the change with its arrow.
# new_kartlaggning: n on the Kartläggning tab, and Starta when asked (a draft only when the team says so).
new_kartlaggning() {
  $T send-keys -t app n || return 1
  wait_for "Starta en ny kartläggning?" || return 1
  $T send-keys -t app y || return 1
}

test_fill_quit_restart_complete_and_compare() {
  local data=$WORK/fill id pid md=$WORK/fill.md
  caseload "$data" || return 1
  id=$(participant_id "$data" "Al-Khalili, Mohammed")
  [ -n "$id" ] || { fail "no Mohammed Al-Khalili in the demo"; return 1; }

  start "$data" || return 1
  open_tab "Mohammed Al-Khalili" khalili || return 1
  wait_for "Inga kartläggningar ännu. n startar den första." || return 1
  new_kartlaggning || return 1
  wait_for "Kartläggning · Mohammed Al-Khalili · 1/3 Mål och tro" || return 1
  wait_for "Utkast sparat (mall v1)" || return 1
  wait_for "▸ Vad vill du arbeta med? *" || return 1
  # Section 1: a required text, the scale at 2, and a multi-line text with a wide character.
  $T send-keys -t app -l "Lagerarbete i Västerås, gärna på ÅÄÖ-lagret" || return 1
  wait_for "Vad vill du arbeta med? *          Lagerarbete i Västerås, gärna på ÅÄÖ-lagret" || return 1
  $T send-keys -t app Tab Right Right || return 1
  wait_for "▸ Jag tror att jag får ett arbete *  ( ) 1 inte alls  (•) 2  ( ) 3" || return 1
  $T send-keys -t app Tab || return 1
  wait_for "▸ Beskriv en vanlig dag" || return 1
  $T send-keys -t app -l "Går upp tidigt och läser 日本語 på bussen." || return 1
  $T send-keys -t app Enter || return 1
  $T send-keys -t app -l "Sedan promenad med hunden Öje." || return 1
  wait_for "Beskriv en vanlig dag              Går upp tidigt och läser 日本語 på bussen." || return 1
  wait_for "                                     Sedan promenad med hunden Öje." || return 1
  # Section 2: ja, and a text being typed when the terminal goes away.
  $T send-keys -t app C-n || return 1
  wait_for "Kartläggning · Mohammed Al-Khalili · 2/3 Vardag" || return 1
  wait_for "A 3/3✓" || return 1
  $T send-keys -t app Right || return 1
  wait_for "▸ Har du körkort?            (•) ja  ( ) nej  ( ) vet ej" || return 1
  $T send-keys -t app Tab || return 1
  wait_for "▸ Hur reser du till jobbet?" || return 1
  $T send-keys -t app -l "Cykel och pendeltåg från Sala" || return 1
  wait_for "▸ Hur reser du till jobbet?  Cykel och pendeltåg från Sala" || return 1

  # The terminal closes: SIGHUP to the samordna process only.
  pid=$(app_pid) || { fail "no samordna process under the pane"; ps -o pid,ppid,args --ppid "$($T list-panes -t app -F '#{pane_pid}')"; return 1; }
  kill -HUP "$pid" || { fail "could not send SIGHUP to $pid"; return 1; }
  gone "$pid" || return 1
  wait_for "EXIT=" || return 1

  # The database has the draft with every answer, the field being typed included.
  USER=$ME LOGNAME=$ME "$APP" export kartlaggning --data "$data" --participant "$id" >"$md" 2>&1 ||
    { fail "export kartlaggning failed"; cat "$md"; return 1; }
  has "$md" "**Status:** utkast (inte klar)" "**Mall:** Liten mall, version 1" \
    "Lagerarbete i Västerås, gärna på ÅÄÖ-lagret" "2 av 5" "Går upp tidigt och läser 日本語 på bussen." \
    "Sedan promenad med hunden Öje." "Cykel och pendeltåg från Sala" || return 1
  [ "$(grep -A1 -F '**Har du körkort?**' "$md" | sed -n 2p)" = ja ] || { fail "export: körkort is not 'ja'"; cat "$md"; return 1; }

  # Start again: the draft is on the tab, and continuing it shows every answer.
  start "$data" || return 1
  open_tab "Mohammed Al-Khalili" khalili || return 1
  wait_for "2026-11-23  utkast  mall v1  5 svar" || return 1
  $T send-keys -t app e || return 1
  wait_for "Kartläggning · Mohammed Al-Khalili · 1/3 Mål och tro" || return 1
  wait_for "Vad vill du arbeta med? *          Lagerarbete i Västerås, gärna på ÅÄÖ-lagret" || return 1
  wait_for "Jag tror att jag får ett arbete *  ( ) 1 inte alls  (•) 2  ( ) 3" || return 1
  wait_for "Beskriv en vanlig dag              Går upp tidigt och läser 日本語 på bussen." || return 1
  wait_for "                                     Sedan promenad med hunden Öje." || return 1
  $T send-keys -t app C-n || return 1
  wait_for "2/3 Vardag" || return 1
  wait_for "Har du körkort?            (•) ja" || return 1
  wait_for "Hur reser du till jobbet?  Cykel och pendeltåg från Sala" || return 1
  # The last page: AF was there; tilltro 3; klar.
  $T send-keys -t app C-n || return 1
  wait_for "3/3 Bedömning och klar" || return 1
  wait_for "Närvarande yrken *   [x] arbetsförmedlare" || return 1
  $T send-keys -t app Tab Right Right Right || return 1
  wait_for "▸ Tilltro (AF) *       ( ) 1 låg  ( ) 2  (•) 3  ( ) 4  ( ) 5 hög" || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Markera kartläggningen som klar?" || return 1
  wait_for "Närvarande: arbetsförmedlare" || return 1
  $T send-keys -t app y || return 1
  wait_for "Kartläggningen är klar; nästa utgår från en kopia" || return 1
  wait_for "2026-11-23  klar    mall v1  5 svar  AF" || return 1
  screen | grep -qF "utkast  mall" && { fail "the draft is still listed"; return 1; }

  # A second one starts from a copy of the first: the answers are there; the scale goes up to 4.
  new_kartlaggning || return 1
  wait_for "Kartläggning · Mohammed Al-Khalili · 1/3 Mål och tro" || return 1
  wait_for "Vad vill du arbeta med? *          Lagerarbete i Västerås, gärna på ÅÄÖ-lagret" || return 1
  wait_for "Beskriv en vanlig dag              Går upp tidigt och läser 日本語 på bussen." || return 1
  wait_for "Jag tror att jag får ett arbete *  ( ) 1 inte alls  (•) 2  ( ) 3" || return 1
  $T send-keys -t app Tab Right Right || return 1
  wait_for "▸ Jag tror att jag får ett arbete *  ( ) 1 inte alls  ( ) 2  ( ) 3  (•) 4  ( ) 5 helt" || return 1
  $T send-keys -t app C-n || return 1
  wait_for "2/3 Vardag" || return 1
  wait_for "Hur reser du till jobbet?  Cykel och pendeltåg från Sala" || return 1
  $T send-keys -t app C-n || return 1
  wait_for "3/3 Bedömning och klar" || return 1
  $T send-keys -t app Tab Right Right Right Right || return 1
  wait_for "▸ Tilltro (AF) *       ( ) 1 låg  ( ) 2  ( ) 3  (•) 4  ( ) 5 hög" || return 1
  $T send-keys -t app C-s || return 1
  wait_for "Markera kartläggningen som klar?" || return 1
  $T send-keys -t app y || return 1
  wait_for "Kartläggningen är klar; nästa utgår från en kopia" || return 1
  wait_for "Kartläggning · rad 1–3 av 3" || return 1
  [ "$(screen | grep -cF "2026-11-23  klar    mall v1  5 svar  AF")" -eq 2 ] ||
    { fail "not two completed kartläggningar on the tab"; return 1; }

  # Compare the newest (selected) with the first: the scale change with its arrow, and the tilltro.
  $T send-keys -t app c || return 1
  wait_for "Jämför med" || return 1
  $T send-keys -t app Enter || return 1
  wait_for "Progression · Mohammed Al-Khalili" || return 1
  wait_for "Jämförelse 2026-11-23 (mall v1) → 2026-11-23 (mall v1)" || return 1
  wait_for "1 av 5 frågor ändrade" || return 1
  wait_for "Jag tror att jag får ett arbete  [2 → 4 ↑]" || return 1
  wait_for "före:  2 av 5" || return 1
  wait_for "efter: 4 av 5" || return 1
  wait_for "Arbetsförmedlare     steg 4 → 4 =   tilltro 3 → 4 ↑" || return 1
  wait_for "Går upp tidigt och läser 日本語 på bussen. ⏎ Sedan promenad med hunden Öje." || return 1
  screen | grep -qF "Vad vill du arbeta med?  [" && { fail "an unchanged answer is marked as changed"; return 1; }
  $T send-keys -t app Escape || return 1
  wait_gone "Progression · Mohammed Al-Khalili" || return 1
  wait_for "Kartläggningar (n ny/fortsätt, e öppna, c jämför, p skriv ut)" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1

  # The command line reads the newest completed one.
  USER=$ME LOGNAME=$ME "$APP" export kartlaggning --data "$data" --participant "$id" >"$md" 2>&1 ||
    { fail "export kartlaggning failed"; cat "$md"; return 1; }
  has "$md" "**Status:** klar" "4 av 5" "Lagerarbete i Västerås, gärna på ÅÄÖ-lagret" \
    "Cykel och pendeltåg från Sala" "| arbetsförmedlare | 4 | 4 Arbetsplatsförlagd" || return 1
}

# Someone breaks the template file while the app runs (a tab in the indentation, line 29 column 1). A new
# kartläggning on another participant opens on the last valid version (1), and the status line names the
# file with line and column and says that the last valid version is used.
test_broken_template_is_named_and_the_last_valid_version_used() {
  local data=$WORK/broken status
  caseload "$data" || return 1
  start "$data" || return 1
  # One kartläggning begun with the valid template: version 1 is stored.
  open_tab "Mohammed Al-Khalili" khalili || return 1
  new_kartlaggning || return 1
  wait_for "Kartläggning · Mohammed Al-Khalili · 1/3 Mål och tro" || return 1
  wait_for "Utkast sparat (mall v1)" || return 1
  $T send-keys -t app Escape || return 1
  wait_for "2026-11-23  utkast  mall v1  0 svar" || return 1
  $T send-keys -t app Escape || return 1
  wait_for "Samordna · Deltagarlista" || return 1

  printf '  - id: C\n\ttitel: Tabb i indraget\n' >>"$data/kartlaggning.yaml"
  [ "$(sed -n 29p "$data/kartlaggning.yaml")" = $'\ttitel: Tabb i indraget' ] ||
    { fail "the broken line is not line 29"; return 1; }

  # The list may still hold the last search: start from the whole list.
  $T send-keys -t app / C-u || return 1
  wait_for "Sök:" || return 1
  $T send-keys -t app -l hassan || return 1
  wait_for "1 av 1 (av 3)" || return 1
  $T send-keys -t app Enter Enter || return 1
  wait_for "Deltagare · Amina Hassan" || return 1
  $T send-keys -t app 2 || return 1
  wait_for "Inga kartläggningar ännu. n startar den första." || return 1
  # The tab says the file has an error before anyone starts one, with the place.
  wait_for "Mallen har fel, nya kartläggningar använder senaste giltiga version" || return 1
  wait_for "kartlaggning.yaml:29:1:" || return 1
  new_kartlaggning || return 1
  # The form opens, on version 1's sections.
  wait_for "Kartläggning · Amina Hassan · 1/3 Mål och tro" || return 1
  wait_for "Utkast sparat (mall v1)" || return 1
  wait_for "▸ Vad vill du arbeta med? *" || return 1
  # The status line (the last row but one) names the file with line and column, and says that the last valid
  # version is used.
  wait_for "Mallen har fel" || return 1
  status=$(screen | tail -n 2 | head -n 1)
  grep -qF "kartlaggning.yaml:29:1" <<<"$status" ||
    { fail "the status line does not name kartlaggning.yaml:29:1: '$status'"; return 1; }
  grep -qF "visar senaste giltiga version 1" <<<"$status" ||
    { fail "the status line does not say the last valid version (1) is used: '$status'"; return 1; }
  # Leaving saves the draft on version 1; the team's file is left as they wrote it.
  $T send-keys -t app Escape || return 1
  wait_for "2026-11-23  utkast  mall v1  0 svar" || return 1
  [ "$(sed -n 29p "$data/kartlaggning.yaml")" = $'\ttitel: Tabb i indraget' ] ||
    { fail "the broken template file was changed"; return 1; }
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
}

# A draft left with Esc and Q (saved as the fields are left), then printed after a restart with `p` on the
# tab: DIR/utskrifter/kartlaggning-*.md, mode 600 in a 700 folder, with the answers but without the
# participant's surname or personnummer.
test_print_writes_a_private_file() {
  local data=$WORK/print files f
  caseload "$data" || return 1
  start "$data" || return 1
  open_tab "Amina Hassan" hassan || return 1
  new_kartlaggning || return 1
  wait_for "Kartläggning · Amina Hassan · 1/3 Mål och tro" || return 1
  $T send-keys -t app -l "Undersköterska på Åkersberga äldreboende" || return 1
  wait_for "Undersköterska på Åkersberga äldreboende" || return 1
  $T send-keys -t app Tab Right Right Right || return 1
  wait_for "▸ Jag tror att jag får ett arbete *  ( ) 1 inte alls  ( ) 2  (•) 3" || return 1
  $T send-keys -t app Escape || return 1
  wait_for "Utkastet är sparat; e fortsätter" || return 1
  wait_for "2026-11-23  utkast  mall v1  2 svar" || return 1
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1

  start "$data" || return 1
  open_tab "Amina Hassan" hassan || return 1
  wait_for "2026-11-23  utkast  mall v1  2 svar" || return 1
  [ ! -e "$data/utskrifter" ] || { fail "utskrifter/ exists before anything was printed"; return 1; }
  $T send-keys -t app p || return 1
  wait_for "Utskrift sparad" || return 1
  files=("$data"/utskrifter/kartlaggning-*.md)
  [ "${#files[@]}" -eq 1 ] && [ -f "${files[0]}" ] ||
    { fail "expected one utskrifter/kartlaggning-*.md"; ls -la "$data/utskrifter"; return 1; }
  f=${files[0]}
  [ "$(stat -c %a "$f")" = 600 ] || { fail "$(basename "$f") has mode $(stat -c %a "$f"), not 600"; return 1; }
  [ "$(stat -c %a "$data/utskrifter")" = 700 ] ||
    { fail "utskrifter/ has mode $(stat -c %a "$data/utskrifter"), not 700"; return 1; }
  has "$f" "Undersköterska på Åkersberga äldreboende" "3 av 5" "utkast" || return 1
  grep -qF "Hassan" "$f" && { fail "the print holds the surname"; cat "$f"; return 1; }
  grep -qF "781026" "$f" && { fail "the print holds the personnummer"; cat "$f"; return 1; }
  $T send-keys -t app Q || return 1
  wait_for "EXIT=0" || return 1
}

tests=(test_fill_quit_restart_complete_and_compare test_broken_template_is_named_and_the_last_valid_version_used
  test_print_writes_a_private_file)
for t in "${tests[@]}"; do
  run_test "$t"
done

echo "kartlaggning: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
