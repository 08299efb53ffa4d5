#!/usr/bin/env bash
# End-to-end tests of `samordna insats` and `samordna meeting` without a terminal: planning two overlapping
# insatser (one job-focused) and a meeting, the lists as table, CSV and JSON (parsed with python3's csv and
# json modules), ending and starting insatser, undo, recording a meeting, warnings, and every bad input of
# issue 9 with its exit code and message, with nothing half-written (docs/cli.md). Only test personnummer
# (birth numbers 980–999) and invented names. Every case gets a fresh data directory.
# Usage: Tests/e2e/insats-cli.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: insats-cli.sh PATH/TO/samordna}
. "$(dirname "$0")/cli-lib.sh"

# py CODE: runs python3 with CODE on the last stdout; a failed assertion fails the test.
py() {
  python3 -c "$1" <"$WORK/out" 2>"$WORK/py" || { fail "python check failed: $(cat "$WORK/py")"; return 1; }
}

# setup: Anna (arbetsförmedlare) and Jonna (jobbcoach), added by an administrator, and Åsa Öberg, added by
# Anna; P is Åsa's id.
setup() {
  USER=admin expect_code 0 team add --login anna --name "Anna Åberg" --profession arbetsförmedlare || return 1
  USER=admin expect_code 0 team add --login jonna --name "Jonna Ek" --profession jobbcoach || return 1
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg --status aktiv || return 1
  P=$(last_id)
}

# plan: Arbetspraktik (job-focused, 60 %) and SFI (50 %), both ongoing and overlapping, and a meeting.
# Sets PRA, SFI and MEETING to their ids.
plan() {
  expect_code 0 insats add --participant "$P" --type PRA --status pågår --start 2026-11-02 --end 2027-01-29 \
    --omfattning 60 --anordnare "Bageriet Å&Ö AB" --kontaktperson "Örjan Ek" --beslutad-av AF \
    --beslutsdatum 2026-10-20 --uppfoljning 2026-12-15 || return 1
  expect_out "Lade till insats PRA Arbetspraktik (pågår) för Åsa Öberg" || return 1
  PRA=$(last_id)
  expect_code 0 insats add --participant "${P:0:6}" --type SFI --status pagar --start 2026-11-16 --omfattning 50 || return 1
  SFI=$(last_id)
  # 60 % + 50 % in week 47: warned, saved anyway.
  expect_err "samordna: varning: omfattning 110 % vecka 47 (2026-W47): mer än heltid" || return 1
  expect_code 0 meeting add --participant "$P" --date 2026-11-25 --time 10:00 --length 90 --kind trepartssamtal \
    --with anna --with jonna --place "Rum Älgen" --interpreter tigrinska || return 1
  expect_out "Bokade trepartssamtal 2026-11-25 10:00–11:30 med Åsa Öberg" || return 1
  MEETING=$(last_id)
  [ -z "$ERR" ] || { fail "a meeting without a double booking warned"; return 1; }
}

test_two_overlapping_insatser_and_a_meeting_in_every_format() {
  setup && plan || return 1
  expect_code 0 insats list || return 1
  expect_out "${PRA:0:6} Öberg, Åsa             PRA    pågår     2026-11-02  2027-01-29*  60% J Bageriet Å&Ö AB" || return 1
  expect_out "${SFI:0:6} Öberg, Åsa             SFI    pågår     2026-11-16               50%" || return 1
  expect_out "2 insatser" || return 1

  expect_code 0 insats list --format csv || return 1
  refute_out "Öberg" || return 1
  PRA=$PRA SFI=$SFI P=$P py '
import csv, os, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 2, rows
by = {r["id"]: r for r in rows}
pra, sfi = by[os.environ["PRA"]], by[os.environ["SFI"]]
assert pra["kod"] == "PRA" and pra["insats"] == "Arbetspraktik" and pra["jobbinriktad"] == "ja", pra
assert sfi["kod"] == "SFI" and sfi["jobbinriktad"] == "nej", sfi
assert pra["status"] == "pågår" and pra["start"] == "2026-11-02" and pra["planerat_slut"] == "2027-01-29", pra
assert pra["omfattning"] == "60" and pra["anordnare"] == "Bageriet Å&Ö AB" and pra["kontaktperson"] == "Örjan Ek", pra
assert pra["beslutad_av"] == "AF" and pra["beslutsdatum"] == "2026-10-20" and pra["nasta_uppfoljning"] == "2026-12-15", pra
# Pseudonymised: a code made for this export, never the stored id; the same code on both of her rows.
assert pra["deltagare"] == "Å.Ö. " + pra["deltagare_id"] and os.environ["P"][:6] not in pra["deltagare_id"], pra
assert sfi["deltagare_id"] == pra["deltagare_id"] and len(pra["deltagare_id"]) == 6, (pra, sfi)
' || return 1

  expect_code 0 insats list --participant "$P" --format json || return 1
  PRA=$PRA py '
import json, os, sys
rows = json.load(sys.stdin)
assert [r["kod"] for r in rows] == ["PRA", "SFI"], rows
pra = rows[0]
assert pra["id"] == os.environ["PRA"] and pra["jobbinriktad"] is True and pra["omfattning"] == 60, pra
assert pra["slut"] is None and pra["avslutsorsak"] is None and pra["deltagare"].startswith("Å.Ö. "), pra
' || return 1
  expect_code 0 insats list --format json --names || return 1
  expect_out '"deltagare" : "Öberg, Åsa"' || return 1

  expect_code 0 meeting list --week 2026-W48 || return 1
  expect_out "${MEETING:0:6} 2026-11-25 48 10:00–11:30  90 trepartssamtal (tolk)   Öberg, Åsa             anna jonna     planerat" || return 1
  expect_out "1 möten" || return 1
  # Without --week: this week (2026-W48 on 2026-11-23).
  expect_code 0 meeting list --format csv || return 1
  refute_out "Öberg" || return 1
  MEETING=$MEETING py '
import csv, os, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 1, rows
m = rows[0]
assert m["id"] == os.environ["MEETING"] and m["datum"] == "2026-11-25" and m["vecka"] == "2026-W48", m
assert m["tid"] == "10:00" and m["slut"] == "11:30" and m["langd"] == "90" and m["typ"] == "trepartssamtal", m
assert m["medarbetare"] == "anna jonna" and m["yrken"] == "AF JC" and m["tolk"] == "tigrinska", m
assert m["plats"] == "Rum Älgen" and m["utfall"] == "planerat", m
' || return 1
  expect_code 0 meeting list --participant "$P" --format json || return 1
  py '
import json, sys
rows = json.load(sys.stdin)
assert len(rows) == 1 and rows[0]["medarbetare"] == ["anna", "jonna"] and rows[0]["langd"] == 90, rows
' || return 1
  expect_code 0 meeting list --week 2026-W49 --format json || return 1
  py 'import json, sys; assert json.load(sys.stdin) == []' || return 1

  # The caseload list follows: two ongoing insatser, the next meeting, no "no job-focused insats" flag.
  expect_code 0 participant list --format csv || return 1
  py '
import csv, sys
r = list(csv.DictReader(sys.stdin))[0]
assert r["pagaende_insatser"] == "2" and r["nasta_mote"] == "2026-11-25 10:00", r
assert "noJobFocusedInsats" not in r["flaggor"] and "noOngoingInsats" not in r["flaggor"], r
' || return 1
  # The history says what was added, in words.
  expect_code 0 participant show "$P" || return 1
  expect_out "lade till insats PRA" || return 1
  expect_out "beslutad av: – → AF" || return 1
  expect_out "lade till möte 2026-11-25 10:00 (trepartssamtal)" || return 1
  expect_out "medarbetare: – → Anna Åberg (anna), Jonna Ek (jonna)" || return 1
}

test_end_an_insats_and_undo_it() {
  setup && plan || return 1
  expect_code 0 insats end "${PRA:0:6}" --on 2026-11-20 --reason arbete || return 1
  expect_out "Insats PRA (${PRA:0:6}) avslutad 2026-11-20 (arbete)" || return 1
  expect_code 0 insats list --format csv || return 1
  PRA=$PRA py '
import csv, os, sys
r = {r["id"]: r for r in csv.DictReader(sys.stdin)}[os.environ["PRA"]]
assert r["status"] == "avslutad" and r["slut"] == "2026-11-20" and r["avslutsorsak"] == "arbete", r
' || return 1
  # Ending it again is refused; nothing changes.
  expect_code 65 insats end "$PRA" --on 2026-11-21 --reason genomförd || return 1
  expect_err "samordna: ogiltigt värde för --reason 'genomförd': insatsen är redan avslutad; inget sparades" || return 1

  expect_code 0 undo || return 1
  expect_out "(insats PRA)" || return 1
  expect_out "status: avslutad → pågår" || return 1
  expect_out "avslutsorsak: arbete → –" || return 1
  expect_code 0 insats list --format json || return 1
  PRA=$PRA py '
import json, os, sys
r = {r["id"]: r for r in json.load(sys.stdin)}[os.environ["PRA"]]
assert r["status"] == "pågår" and r["slut"] is None and r["avslutsorsak"] is None, r
' || return 1
  expect_code 0 participant show "$P" || return 1
  expect_out "ångrade ändring nr" || return 1
}

test_a_planned_insats_is_started_or_only_cancelled() {
  setup || return 1
  expect_code 0 insats add --participant "$P" --type RoM --start 2026-12-01 --end 2027-05-31 || return 1
  expect_out "(planerad)" || return 1
  local rom
  rom=$(last_id)
  # A planned insats never ran: only a cancelling reason.
  expect_code 65 insats end "$rom" --on 2026-11-23 --reason arbete || return 1
  expect_err "samordna: ogiltigt värde för --reason 'arbete': en planerad insats kan bara avbrytas" || return 1
  expect_code 65 insats start "$rom" --on 2026-11-30 || return 1
  expect_err "samordna: ogiltigt värde för --on '2026-11-30': startdagen 2026-11-30 ligger i framtiden (idag är 2026-11-23)" || return 1
  expect_code 0 insats start "${rom:0:5}" --on 2026-11-23 || return 1
  expect_out "pågår" || return 1
  expect_code 65 insats start "$rom" --on 2026-11-23 || return 1
  expect_err "bara en planerad insats kan startas (den är pågår)" || return 1

  expect_code 0 insats add --participant "$P" --type SMF --start 2027-01-10 || return 1
  local smf
  smf=$(last_id)
  expect_code 0 insats end "$smf" --on 2026-11-23 --reason "deltagaren avbröt" || return 1
  expect_out "avbruten" || return 1
  expect_code 0 insats list --participant "$P" --format csv || return 1
  RM=$rom SMF=$smf py '
import csv, os, sys
by = {r["id"]: r for r in csv.DictReader(sys.stdin)}
assert by[os.environ["RM"]]["status"] == "pågår" and by[os.environ["RM"]]["start"] == "2026-11-23", by
assert by[os.environ["SMF"]]["status"] == "avbruten" and by[os.environ["SMF"]]["avslutsorsak"] == "deltagaren avbröt", by
' || return 1
}

test_warnings_are_printed_and_the_change_is_saved() {
  setup || return 1
  expect_code 0 insats add --participant "$P" --type SFI --status pågår --start 2026-09-01 || return 1
  expect_code 0 insats add --participant "$P" --type SFI --start 2026-12-01 || return 1
  expect_err "samordna: varning: SFI två gånger samtidigt från 2026-12-01" || return 1
  expect_code 0 insats add --participant "$P" --type SMF --status pågår --start 2026-01-05 || return 1
  expect_err "samordna: varning: SMF 323 dagar, längre än högst 150 dagar" || return 1
  expect_code 0 meeting add --participant "$P" --date 2026-11-26 --time 09:00 --kind uppföljning --with jonna || return 1
  expect_code 0 meeting add --participant "$P" --date 2026-11-26 --time 09:30 --length 30 --kind SIP --with jonna || return 1
  expect_err "samordna: varning: dubbelbokning: deltagaren har redan ett möte 2026-11-26 09:00–10:00 (uppföljning)" || return 1
  expect_err "samordna: varning: dubbelbokning: jonna har redan ett möte 2026-11-26 09:00–10:00 (uppföljning)" || return 1
  expect_code 0 insats list --format csv || return 1
  py 'import csv, sys; assert len(list(csv.DictReader(sys.stdin))) == 3' || return 1
  # Jonna's meetings are hers to read (Anna, of AF, sees them only with the Jobbtorg's consent).
  USER=jonna expect_code 0 meeting list --week 2026-W48 --format csv || return 1
  py 'import csv, sys; assert len(list(csv.DictReader(sys.stdin))) == 2' || return 1
  expect_code 0 meeting list --week 2026-W48 --format csv || return 1
  expect_err "samordna: inte med i listan: 2 möten från Jobbtorget – samtycke saknas" || return 1
  py 'import csv, sys; assert len(list(csv.DictReader(sys.stdin))) == 0' || return 1
}

test_recording_a_meeting() {
  setup || return 1
  expect_code 0 meeting add --participant "$P" --date 2026-11-20 --time 13:00 --kind kartläggning --with anna || return 1
  local held
  held=$(last_id)
  expect_code 0 meeting add --participant "$P" --date 2026-11-30 --time 13:00 --kind uppfoljning || return 1
  local coming
  coming=$(last_id)
  expect_code 65 meeting record "$coming" --outcome genomfört || return 1
  expect_err "samordna: ogiltigt värde för --outcome 'genomfört': mötet 2026-11-30 har inte ägt rum än (idag är 2026-11-23)" || return 1
  expect_code 0 meeting record "$coming" --outcome installt || return 1
  expect_out ": inställt" || return 1
  expect_code 65 meeting record "$held" --outcome kanske || return 1
  expect_err "samordna: ogiltigt värde för --outcome 'kanske': välj genomfört, uteblev eller inställt" || return 1
  expect_code 0 meeting record "${held:0:6}" --outcome uteblev --note "Ringde ingen återbud" || return 1
  expect_code 0 meeting list --participant "$P" --format csv || return 1
  HELD=$held COMING=$coming py '
import csv, os, sys
by = {r["id"]: r for r in csv.DictReader(sys.stdin)}
assert by[os.environ["HELD"]]["utfall"] == "uteblev" and by[os.environ["COMING"]]["utfall"] == "inställt", by
assert "Ringde" not in str(by), "the outcome note stays in the tool"
' || return 1
  expect_code 0 participant show "$P" || return 1
  expect_out "anteckning om utfallet: – → Ringde ingen återbud" || return 1
  expect_code 0 undo || return 1
  expect_out "utfall: uteblev → planerat" || return 1
}

# Issue 9's bad input, each with its exit code and the option and rule named, and nothing written.
test_every_bad_input_is_named_and_nothing_is_half_written() {
  setup && plan || return 1
  local before
  before=$("$APP" participant show "$P" --data "$DATA" | grep -c '^  nr ')

  # End before start; a date that does not exist.
  expect_code 65 insats add --participant "$P" --type PRA --start 2026-12-01 --end 2026-11-01 || return 1
  expect_err "samordna: ogiltigt värde för --end '2026-11-01': planerat slut 2026-11-01 är före planerad start 2026-12-01" || return 1
  expect_err "samordna: inget sparades" || return 1
  expect_code 65 insats end "$PRA" --on 2026-10-01 --reason arbete || return 1
  expect_err "samordna: ogiltigt värde för --on '2026-10-01': slutdagen 2026-10-01 är före starten 2026-11-02" || return 1
  expect_code 65 insats add --participant "$P" --type PRA --start 2026-02-30 || return 1
  expect_err "samordna: ogiltigt värde för --start '2026-02-30': ogiltigt datum" || return 1
  expect_code 65 insats end "$PRA" --on 2026-13-01 --reason arbete || return 1
  expect_err "samordna: ogiltigt värde för --on '2026-13-01': ogiltigt datum" || return 1
  expect_code 65 insats add --participant "$P" --type PRA --status pågår --start 2026-12-01 || return 1
  expect_err "samordna: ogiltigt värde för --start '2026-12-01': en pågående insats kan inte starta efter idag (2026-11-23); välj planerad" || return 1

  # Omfattning outside 1–100.
  for n in 0 101; do
    expect_code 65 insats add --participant "$P" --type PRA --start 2026-12-01 --omfattning "$n" || return 1
    expect_err "samordna: ogiltigt värde för --omfattning '$n': omfattning måste vara 1–100 % av heltid (fick $n)" || return 1
  done
  expect_code 65 insats add --participant "$P" --type PRA --start 2026-12-01 --omfattning mycket || return 1
  expect_err "samordna: ogiltigt värde för --omfattning 'mycket': omfattning skrivs som procent av heltid, 1–100" || return 1

  # An unknown or inactive catalogue code.
  expect_code 65 insats add --participant "$P" --type XYZ --start 2026-12-01 || return 1
  expect_err "samordna: ogiltigt värde för --type 'XYZ': okänd insatskod \"XYZ\"" || return 1
  expect_code 65 insats add --participant "$P" --type EXT --start 2026-12-01 || return 1
  expect_err "samordna: ogiltigt värde för --type 'EXT': EXT Extratjänst erbjuds inte längre (till 2021-12-31); den finns kvar för historiken" || return 1
  # Every refused field at once.
  expect_code 65 insats add --participant "$P" --type EXT --start 2026-12-01 --end 2026-11-01 --omfattning 150 --beslutad-av NASA || return 1
  [ "$(grep -c '^samordna: ogiltigt värde' <<<"$ERR")" -eq 4 ] || { fail "expected 4 refused options"; return 1; }
  expect_err "samordna: ogiltigt värde för --beslutad-av 'NASA': okänd organisation" || return 1
  expect_code 65 insats add --participant "$P" --type PRA --start 2026-12-01 --anordnare $'Bageri\e[31m' || return 1
  expect_err "samordna: ogiltigt värde för --anordnare 'Bageri\\u{1B}[31m'" || return 1

  # Meetings: length 0 or over 8 hours, a time like 25:61, a day that does not exist, an unknown kind.
  expect_code 65 meeting add --participant "$P" --date 2026-11-26 --time 10:00 --length 0 --kind SIP || return 1
  expect_err "samordna: ogiltigt värde för --length '0': längden måste vara 1–480 minuter (högst 8 timmar; fick 0)" || return 1
  expect_code 65 meeting add --participant "$P" --date 2026-11-26 --time 10:00 --length 481 --kind SIP || return 1
  expect_err "samordna: ogiltigt värde för --length '481': längden måste vara 1–480 minuter (högst 8 timmar; fick 481)" || return 1
  expect_code 65 meeting add --participant "$P" --date 2026-11-26 --time 25:61 --kind SIP || return 1
  expect_err "samordna: ogiltigt värde för --time '25:61': ogiltig tid \"25:61\" (skriv TT:MM, 00:00–23:59)" || return 1
  expect_code 65 meeting add --participant "$P" --date 2026-11-31 --time 10:00 --kind fika --with nobody || return 1
  expect_err "samordna: ogiltigt värde för --date '2026-11-31': ogiltigt datum" || return 1
  expect_err "samordna: ogiltigt värde för --kind 'fika': okänd mötestyp" || return 1
  expect_err "samordna: ogiltigt värde för --with 'nobody': ingen medarbetare har den inloggningen" || return 1

  # Records that do not exist, reasons that are not reasons.
  expect_code 65 insats add --participant 0000000 --type PRA --start 2026-12-01 || return 1
  expect_err "samordna: ingen deltagare med id eller personnummer '0000000'" || return 1
  expect_code 65 insats end deadbeef --on 2026-11-20 --reason arbete || return 1
  expect_err "samordna: ingen insats med id 'deadbeef'" || return 1
  expect_code 65 insats end "$PRA" --on 2026-11-20 --reason tröttnade || return 1
  expect_err "samordna: ogiltigt värde för --reason 'tröttnade': okänd avslutsorsak; välj genomförd, arbete" || return 1
  expect_code 65 meeting record deadbeef --outcome uteblev || return 1
  expect_err "samordna: inget möte med id 'deadbeef'" || return 1

  # Bad usage: 64 with the usage line.
  expect_code 64 meeting list --week 2025-W53 || return 1
  expect_err "ogiltig vecka för --week '2025-W53': 2025 har 52 veckor; sista veckan är 2025-W52" || return 1
  expect_err "Usage: samordna meeting list" || return 1
  expect_code 64 meeting list --week 2026-48 || return 1
  expect_code 64 insats add --participant "$P" --start 2026-12-01 || return 1
  expect_err "Missing expected argument '--type <kod>'" || return 1
  expect_code 64 insats list --format xml || return 1
  expect_code 64 insats list --today 2026-02-30 || return 1

  # Nothing was written: the history has no new entry, the lists are as planned, and undo takes back the
  # last good change (the meeting booked in plan).
  [ "$("$APP" participant show "$P" --data "$DATA" | grep -c '^  nr ')" -eq "$before" ] || { fail "the history grew"; return 1; }
  expect_code 0 insats list --format csv || return 1
  py 'import csv, sys; assert len(list(csv.DictReader(sys.stdin))) == 2' || return 1
  expect_code 0 meeting list --format csv || return 1
  py 'import csv, sys; assert len(list(csv.DictReader(sys.stdin))) == 1' || return 1
  expect_code 0 undo || return 1
  expect_out "(möte 2026-11-25 10:00 (trepartssamtal))" || return 1
}

test_lists_are_safe_to_open_and_leave_out_protected_identities() {
  setup || return 1
  expect_code 0 insats add --participant "$P" --type PRA --start 2026-12-01 --anordnare "=HYPERLINK(\"http://x\")" || return 1
  expect_code 0 participant add --personnummer 19800102-9803 --first-name Skyddad --last-name Person --protected || return 1
  local hidden
  hidden=$(last_id)
  expect_code 0 insats add --participant "$hidden" --type SFI --start 2026-12-01 || return 1
  expect_code 0 meeting add --participant "$hidden" --date 2026-11-24 --time 08:00 --kind SIP || return 1
  expect_code 0 insats list --format csv || return 1
  expect_err "samordna: 1 deltagare med skyddade personuppgifter är inte med i listan" || return 1
  refute_out "Skyddad" || return 1
  refute_out "$hidden" || return 1
  py '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 1 and rows[0]["anordnare"] == "'"'"'=HYPERLINK(\"http://x\")", rows
' || return 1
  expect_code 0 insats list --format json || return 1
  py 'import json, sys; rows = json.load(sys.stdin); assert len(rows) == 1 and rows[0]["anordnare"] == "=HYPERLINK(\"http://x\")", rows' || return 1
  expect_code 0 meeting list --format json || return 1
  expect_err "samordna: 1 deltagare med skyddade personuppgifter är inte med i listan" || return 1
  py 'import json, sys; assert json.load(sys.stdin) == []' || return 1
  # The table is for the screen: everyone is there.
  expect_code 0 insats list || return 1
  expect_out "Person, Skyddad" || return 1
}

test_no_caseload_yet_is_exit_1() {
  expect_code 1 insats list || return 1
  expect_err "ingen ärendelista i" || return 1
  expect_code 1 meeting list --week 2026-W48 || return 1
}

for t in test_two_overlapping_insatser_and_a_meeting_in_every_format test_end_an_insats_and_undo_it \
  test_a_planned_insats_is_started_or_only_cancelled test_warnings_are_printed_and_the_change_is_saved \
  test_recording_a_meeting test_every_bad_input_is_named_and_nothing_is_half_written \
  test_lists_are_safe_to_open_and_leave_out_protected_identities test_no_caseload_yet_is_exit_1; do
  run_test "$t"
done

echo "insats-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
