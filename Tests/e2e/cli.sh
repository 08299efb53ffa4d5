#!/usr/bin/env bash
# End-to-end tests of the command line without a terminal: participant add/edit/list/show, CSV import, team,
# undo, and the documented exit codes (docs/cli.md). Only test personnummer (birth numbers 980–999) and
# invented names. Every case gets a fresh data directory.
# Usage: Tests/e2e/cli.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: cli.sh PATH/TO/samordna}
. "$(dirname "$0")/cli-lib.sh"

# count: participants in the caseload (the last line of the table).
count() {
  "$APP" participant list --data "$DATA" 2>/dev/null | tail -1 | cut -d' ' -f1
}

# team: Anna and Sven, added by an administrator (so the undo tests see only their own changes).
team() {
  USER=admin expect_code 0 team add --login anna --name "Anna Åberg" --profession arbetsförmedlare || return 1
  USER=admin expect_code 0 team add --login sven --name "Sven Öst" --profession socialsekreterare || return 1
}

test_add_with_swedish_names_and_samordningsnummer() {
  team || return 1
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg \
    --preferred-name Åsa --gender kvinna --phone "070-123 45 67" --email asa.oberg@exempel.se \
    --address "Storgatan 1, 211 22 Malmö" --language svenska --af-registered 2023-02-01 \
    --forsorjningsstod-since 2024-05-01 --status aktiv --responsible-af anna --responsible-soc sven || return 1
  expect_out "Lade till Åsa Öberg (personnummer 800101-XXXX)" || return 1
  # A samordningsnummer (day + 60) is recognised without --identity-kind.
  expect_code 0 participant add --personnummer 870481-9856 --first-name Tesfay --last-name Haile \
    --interpreter-language tigrinja || return 1
  expect_out "samordningsnummer 870481-XXXX" || return 1
  expect_code 0 participant add --identity-kind reservnummer --personnummer "R-2026-17" --first-name Ärla \
    --last-name Ödegård || return 1
  expect_code 0 participant list || return 1
  expect_out "Öberg, Åsa" || return 1
  expect_out "Haile, Tesfay" || return 1
  expect_out "3 deltagare" || return 1
  expect_code 0 participant list --responsible anna || return 1
  expect_out "1 deltagare" || return 1
  expect_code 0 participant list --status aktiv || return 1
  expect_out "Öberg, Åsa" || return 1
  refute_out "Haile" || return 1
  expect_code 0 participant show 19870481-9856 --format json || return 1
  expect_out '"identitetstyp" : "samordningsnummer"' || return 1
  expect_out '"tolksprak" : "tigrinja"' || return 1
  expect_code 0 participant show 800101-9804 --reveal || return 1
  expect_out "personnummer 19800101-9804" || return 1
  expect_out "AF: Anna Åberg (anna)" || return 1
  expect_out "Soc: Sven Öst (sven)" || return 1
}

test_every_bad_field_is_named_with_exit_65() {
  team || return 1
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
  # Each refused value: the option, the value and the rule; nothing written.
  expect_code 65 participant add --personnummer 19800101-9802 --first-name Åsa --last-name Berg || return 1
  expect_err "ogiltigt värde för --personnummer '19800101-9802'" || return 1
  expect_err "kontrollsiffran" || return 1
  expect_code 65 participant add --personnummer 19650612-9821 --first-name "" --last-name Berg \
    --email "inte-en-adress" --phone 12 --af-registered 2026-13-01 --forsorjningsstod-since 2027-01-01 \
    --gender okänd --status avslutad || return 1
  expect_err "samordna: --first-name: får inte vara tomt" || return 1
  expect_err "ogiltigt värde för --email 'inte-en-adress'" || return 1
  expect_err "ogiltigt värde för --phone '12': för få siffror" || return 1
  expect_err "ogiltigt värde för --af-registered '2026-13-01'" || return 1
  expect_err "ogiltigt värde för --forsorjningsstod-since '2027-01-01'" || return 1
  expect_err "ogiltigt värde för --gender 'okänd'" || return 1
  expect_err "ogiltigt värde för --status 'avslutad'" || return 1
  expect_code 65 participant add --personnummer 19650612-9821 --first-name Ali --last-name Berg --interpreter || return 1
  expect_err "tolkspråk" || return 1
  expect_code 65 participant add --personnummer 19870481-9856 --identity-kind personnummer --first-name Ali \
    --last-name Berg || return 1
  expect_err "samordningsnummer" || return 1
  expect_code 65 participant add --personnummer 19650612-9821 --identity-kind pass --first-name Ali --last-name Berg || return 1
  expect_err "--identity-kind" || return 1
  expect_code 65 participant add --personnummer 19650612-9821 --first-name "Ali$(printf '\033')[31m" --last-name Berg || return 1
  expect_err 'styrtecknet U+001B' || return 1
  grep -q $'\033' <<<"$ERR" && { fail "an escape character reached stderr"; return 1; }
  # Duplicates: the same number always; a similar name with the same birth date unless accepted.
  expect_code 65 participant add --personnummer 800101-9804 --first-name Åsa --last-name Öberg || return 1
  expect_err "har redan samma identitet" || return 1
  expect_code 65 participant add --personnummer 19800101-9812 --first-name Asa --last-name Oberg || return 1
  expect_err "möjlig dubblett" || return 1
  expect_err "--accept-similar" || return 1
  # Responsible staff must exist and have the profession.
  expect_code 65 participant add --personnummer 19650612-9821 --first-name Ali --last-name Berg --responsible-jc nobody || return 1
  expect_err "--responsible-jc 'nobody'" || return 1
  expect_code 65 participant add --personnummer 19650612-9821 --first-name Ali --last-name Berg --responsible-af sven || return 1
  expect_err "socialsekreterare, inte arbetsförmedlare" || return 1
  [ "$(count)" = 1 ] || { fail "something was written: $(count) participants"; return 1; }
  expect_code 0 participant add --personnummer 19800101-9812 --first-name Asa --last-name Oberg --accept-similar || return 1
  [ "$(count)" = 2 ] || { fail "accepted similar name not added"; return 1; }
  # Participants that cannot be found.
  expect_code 65 participant show 19650612-9821 || return 1
  expect_err "ingen deltagare" || return 1
  # Team members.
  expect_code 65 team add --login "två ord" --name "" --profession kock || return 1
  expect_err "--login" || return 1
  expect_err "--name" || return 1
  expect_err "--profession 'kock'" || return 1
  expect_code 65 team add --login anna --name "Anna Berg" --profession jobbcoach || return 1
  expect_err "inloggning" || return 1
}

test_bad_usage_is_64_and_other_failures_1() {
  expect_code 64 participant add --personnummer 19800101-9804 --first-name Åsa || return 1
  expect_err "Usage" || return 1
  expect_code 64 participant list --no-such-flag || return 1
  expect_code 64 participant list --status borta || return 1
  expect_code 64 participant list --today 2026-02-30 || return 1
  expect_code 64 participant edit 19800101-9804 --interpreter kanske || return 1
  # No caseload yet: nothing to list, show or undo.
  expect_code 1 participant list || return 1
  expect_err "ingen ärendelista" || return 1
  expect_code 1 undo || return 1
  [ ! -e "$DATA" ] || { fail "reading created the data directory"; return 1; }
}

write_good_csv() {
  printf '%s\n' \
    'personnummer;förnamn;efternamn;kön;telefon;epost;adress;språk;tolk;tolkspråk;af_inskriven;försörjningsstöd_sedan;status' \
    '19800101-9804;Åsa;Öberg;kvinna;070-123 45 67;asa.oberg@exempel.se;"Storgatan 1; lgh 1102' \
    '211 22 Malmö";svenska;nej;;2023-02-01;2024-05-01;aktiv' \
    '750315-9811;Mohammed;Ali;man;;;;arabiska;ja;arabiska;2022-09-15;;aktualiserad' >"$WORK/semicolon.csv"
  printf '%s\r\n' \
    'personnummer,fornamn,efternamn,kon,idtyp' \
    '19920729-9828,Sara,Lindqvist,icke-binär,' \
    '19870481-9856,Tesfay,Haile,man,samordningsnummer' >"$WORK/comma.csv"
}

test_import_a_good_csv_with_comma_and_semicolon() {
  write_good_csv
  expect_code 0 import participants "$WORK/semicolon.csv" || return 1
  expect_out "Importerade 2 deltagare" || return 1
  expect_code 0 import participants "$WORK/comma.csv" || return 1
  expect_out "Importerade 2 deltagare" || return 1
  [ "$(count)" = 4 ] || { fail "expected 4 participants, found $(count)"; return 1; }
  expect_code 0 participant show 19800101-9804 || return 1
  expect_out "Storgatan 1; lgh 1102" || return 1
  expect_out "211 22 Malmö" || return 1
  # The same file again: every row is already there, nothing is added.
  expect_code 65 import participants "$WORK/comma.csv" || return 1
  expect_err "finns redan i ärendelistan" || return 1
  [ "$(count)" = 4 ] || { fail "a refused import wrote something"; return 1; }
}

test_import_with_bad_rows_lists_them_all_and_writes_nothing() {
  write_good_csv
  expect_code 0 import participants "$WORK/semicolon.csv" || return 1
  printf '%s\n' \
    'personnummer,fornamn,efternamn,telefon,status' \
    '19650612-9821,Karin,Lund,,aktiv' \
    '19800101-9805,Åke,Ek,,' \
    '19900220-9832,,Berg,12,' \
    '20010909-9846,Noa,Sund,,avslutad' \
    '19750315-9811,Mohammed,Ali,,' \
    '19930313-9878,Li,Wu,,' \
    '19930313-9878,Li,Wu,,' >"$WORK/bad.csv"
  expect_code 65 import participants "$WORK/bad.csv" || return 1
  expect_err "ingenting importerades" || return 1
  expect_err 'rad 3, kolumn personnummer, värde "19800101-9805"' || return 1
  expect_err "rad 4, kolumn fornamn: får inte vara tomt" || return 1
  expect_err 'rad 4, kolumn telefon, värde "12"' || return 1
  expect_err "rad 5, kolumn status" || return 1
  expect_err "rad 6, kolumn personnummer" || return 1
  expect_err "rad 8, kolumn personnummer" || return 1
  grep -qF "rad 2" <<<"$ERR" && { fail "the good row 2 was listed"; return 1; }
  [ "$(count)" = 2 ] || { fail "expected the 2 earlier participants, found $(count)"; return 1; }
  expect_code 0 participant list || return 1
  refute_out "Lund" || return 1
}

test_import_unreadable_and_not_utf8_files() {
  expect_code 1 import participants "$WORK/finns-inte.csv" || return 1
  expect_err "kan inte läsa" || return 1
  printf 'personnummer,fornamn,efternamn\n19650612-9821,J\xf6rgen,Lund\n' >"$WORK/latin1.csv"
  expect_code 65 import participants "$WORK/latin1.csv" || return 1
  expect_err "rad 2: filen är inte UTF-8" || return 1
  printf 'personnummer,fornamn,skostorlek\n19650612-9821,Karin,38\n' >"$WORK/header.csv"
  expect_code 65 import participants "$WORK/header.csv" || return 1
  expect_err 'okänd kolumn "skostorlek"' || return 1
  # A refused import into a new data directory creates no database at all.
  [ ! -e "$DATA/caseload.sqlite" ] || { fail "a refused import created a database"; return 1; }
}

test_show_hides_contact_of_protected_identity() {
  team || return 1
  expect_code 0 participant add --personnummer 19650612-9821 --first-name Karin --last-name Lund --protected \
    --phone "070-555 12 34" --email karin@exempel.se --address "Hemlig väg 1" --responsible-af anna || return 1
  # Only her responsible staff see who she is: Sven (not responsible) is refused, and the table hides her.
  USER=sven expect_code 65 participant show 19650612-9821 || return 1
  expect_err "har skyddade personuppgifter; bara deltagarens ansvariga medarbetare ser posten" || return 1
  USER=sven expect_code 0 participant list || return 1
  refute_out "Lund" || return 1
  expect_out "Skyddad identitet" || return 1
  expect_code 0 participant show 19650612-9821 || return 1
  expect_out "skyddade personuppgifter" || return 1
  expect_out "dolda" || return 1
  refute_out "555 12 34" || return 1
  refute_out "karin@exempel.se" || return 1
  refute_out "Hemlig" || return 1
  expect_out "Historik" || return 1
  expect_code 0 participant show 19650612-9821 --format json || return 1
  expect_out '"kontakt" : null' || return 1
  refute_out "555 12 34" || return 1
  refute_out "Hemlig" || return 1
  expect_code 0 participant list --format csv --names || return 1
  refute_out "Karin" || return 1
  # --reveal never shows a protected participant's full number, and a pseudonymised list has no birth date.
  expect_code 0 participant list --reveal || return 1
  refute_out "19650612-9821" || return 1
  refute_out "650612-9821" || return 1
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
  expect_code 0 participant list --format csv || return 1
  expect_out "Å.Ö. " || return 1
  refute_out "800101" || return 1
}

test_undo_restores_a_field_and_refuses_over_a_colleague() {
  team || return 1
  USER=admin expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg \
    --phone "070-111 11 11" || return 1
  expect_code 0 participant edit 19800101-9804 --phone "070-222 22 22" --status aktiv || return 1
  expect_code 0 undo || return 1
  expect_out "telefon: 070-222 22 22 → 070-111 11 11" || return 1
  expect_code 0 participant show 19800101-9804 || return 1
  expect_out "070-111 11 11" || return 1
  expect_out "Status:                   aktualiserad" || return 1
  expect_out "ångrade ändring nr" || return 1
  # Nothing more of Anna's to undo (the participant was added by admin).
  expect_code 1 undo || return 1
  expect_err "ingen ändring kvar att ångra" || return 1
  # A colleague's change since: refused, nothing overwritten.
  expect_code 0 participant edit 19800101-9804 --phone "070-333 33 33" || return 1
  USER=sven expect_code 0 participant edit 19800101-9804 --language arabiska || return 1
  expect_code 65 undo || return 1
  expect_err "ändrats av någon annan" || return 1
  expect_code 0 participant show 19800101-9804 || return 1
  expect_out "070-333 33 33" || return 1
  expect_out "arabiska" || return 1
  # The colleague undoes their own change, then Anna's undo goes through.
  USER=sven expect_code 0 undo || return 1
  expect_code 0 undo || return 1
  expect_code 0 participant show 19800101-9804 || return 1
  expect_out "070-111 11 11" || return 1
}

test_team_add_list_and_deactivate() {
  team || return 1
  expect_code 0 team add --login jonna --name "Jonna Ärlig" --profession JC || return 1
  expect_out "jobbcoach" || return 1
  expect_code 0 team list || return 1
  expect_out "Anna Åberg" || return 1
  expect_out "Kommunen, Jobbtorg" || return 1
  expect_out "3 medarbetare" || return 1
  expect_code 0 team deactivate sven || return 1
  expect_code 0 team list || return 1
  expect_out "2 medarbetare" || return 1
  expect_code 0 team list --all || return 1
  expect_out "Sven Öst" || return 1
  expect_code 65 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg --responsible-soc sven || return 1
  expect_err "inte längre aktiv" || return 1
  # Marking someone as having left can be undone.
  expect_code 0 undo || return 1
  expect_out "aktiv: nej → ja" || return 1
  expect_code 0 team list || return 1
  expect_out "3 medarbetare" || return 1
}

test_check_names_template_problems_by_line_and_column() {
  team || return 1
  expect_code 0 check || return 1
  expect_out "ingen ännu" || return 1
  printf 'version: 1\ntitel: Mall\navsnitt:\n  - id: A\n    titel: Mål\n    frågor:\n      - id: q1\n        fråga: Vad vill du?\n        typ: skala7\n      - id: q1\n        typ: text\n        obligatorisk: ja\n' \
    >"$DATA/kartlaggning.yaml"
  expect_code 1 check || return 1
  expect_out "kartlaggning.yaml:9:14: okänd svarstyp 'skala7'" || return 1
  expect_out "kartlaggning.yaml:10:" || return 1
  grep -c "PROBLEM: .*kartlaggning.yaml" "$WORK/out" | grep -qx 3 || { fail "expected 3 template problems: $(cat "$WORK/out")"; return 1; }
}

for t in test_add_with_swedish_names_and_samordningsnummer test_every_bad_field_is_named_with_exit_65 \
  test_bad_usage_is_64_and_other_failures_1 test_import_a_good_csv_with_comma_and_semicolon \
  test_import_with_bad_rows_lists_them_all_and_writes_nothing test_import_unreadable_and_not_utf8_files \
  test_show_hides_contact_of_protected_identity test_undo_restores_a_field_and_refuses_over_a_colleague \
  test_team_add_list_and_deactivate test_check_names_template_problems_by_line_and_column; do
  run_test "$t"
done

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
