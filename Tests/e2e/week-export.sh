#!/usr/bin/env bash
# End-to-end tests of `samordna export week` without a terminal: the calendar read back by Python's
# `icalendar` (a 10:00 meeting on the last Sunday of October stays 10:00 local, stable UIDs, a cancelled
# meeting), the CSV read back by Python's `csv` (BOM, `;`, Swedish letters and a formula-looking name intact),
# JSON and Markdown, who sees what (pseudonyms, skyddade personuppgifter, Min vecka, an arbetslag's week), and every bad input with
# its exit code and nothing written (docs/week-list.md, docs/cli.md). Test personnummer and invented names only.
# Usage: Tests/e2e/week-export.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: week-export.sh PATH/TO/samordna}
. "$(dirname "$0")/cli-lib.sh"
export SAMORDNA_TODAY=2026-10-20

# py FILE CODE: python3 with CODE reading FILE (sys.argv[1]); a failed assertion fails the test.
py() {
  python3 -c "$2" "$1" 2>"$WORK/py" || { fail "python check failed: $(cat "$WORK/py")"; return 1; }
}

# setup: Anna (arbetsförmedlare, the user), Sven (socialsekreterare); Åsa Öberg and a participant whose last
# name looks like a formula, both Anna's and Sven's; meetings in 2026-W43, the week summer time ends.
setup() {
  USER=admin expect_code 0 team add --login anna --name "Anna Åberg" --profession arbetsförmedlare || return 1
  USER=admin expect_code 0 team add --login sven --name "Sven Ek" --profession socialsekreterare || return 1
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg --status aktiv \
    --responsible-af anna --responsible-soc sven || return 1
  P=$(last_id)
  expect_code 0 participant add --personnummer 19900101-9802 --first-name Örjan --last-name '=SUMMA(A1:A9)' \
    --status aktiv --responsible-af anna || return 1
  F=$(last_id)
  expect_code 0 meeting add --participant "$P" --date 2026-10-25 --time 10:00 --kind trepartssamtal --with anna \
    --with sven --place "Rum Älgen" --interpreter tigrinja || return 1
  SUNDAY=$(last_id)
  expect_code 0 meeting add --participant "$P" --date 2026-10-21 --time 09:30 --kind uppföljning --with anna || return 1
  CANCELLED=$(last_id)
  expect_code 0 meeting record "$CANCELLED" --outcome inställt || return 1
  expect_code 0 meeting add --participant "$F" --date 2026-10-22 --time 13:00 --kind kartläggning --with anna || return 1
}

test_the_calendar_round_trips_through_icalendar() {
  setup || return 1
  expect_code 0 export week --week 2026-W43 --format ics --output "$WORK/v43.ics" || return 1
  SUNDAY=$SUNDAY CANCELLED=$CANCELLED py "$WORK/v43.ics" '
import os, sys
from datetime import datetime, timedelta
import icalendar
raw = open(sys.argv[1], "rb").read()
assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "CRLF only"
assert all(len(l) <= 75 for l in raw.split(b"\r\n")), "folded at 75 octets"
cal = icalendar.Calendar.from_ical(raw)
tz = [c for c in cal.walk("VTIMEZONE")]
assert len(tz) == 1 and str(tz[0]["TZID"]) == "Europe/Stockholm", tz
events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
assert len(events) == 3, list(events)
sunday = events[os.environ["SUNDAY"] + "@samordna"]
start = sunday.decoded("DTSTART")
assert (start.year, start.month, start.day, start.hour, start.minute) == (2026, 10, 25, 10, 0), start
assert start.utcoffset() == timedelta(hours=1), start.utcoffset()  # CET: summer time ended at 03:00
assert "Öberg" not in str(sunday["SUMMARY"]) and str(sunday["SUMMARY"]).startswith("trepartssamtal: Å.Ö. "), sunday["SUMMARY"]
assert "LOCATION" not in sunday, "no place without --names"
assert "tigrinja" in str(sunday["DESCRIPTION"])
cancelled = events[os.environ["CANCELLED"] + "@samordna"]
assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1, cancelled
' || return 1
  # The same meeting keeps its UID in a later export; with --names the place is there.
  expect_code 0 export week --week 2026-W43 --format ics --names || return 1
  expect_out "UID:$SUNDAY@samordna" || return 1
  expect_out "LOCATION:Rum Älgen" || return 1
}

test_the_csv_reads_back_with_swedish_letters_and_the_formula_name_intact() {
  setup || return 1
  expect_code 0 export week --week 2026-W43 --format csv --names --output "$WORK/v43.csv" || return 1
  py "$WORK/v43.csv" '
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbfvecka;avsnitt;"), raw[:40]
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
meetings = [r for r in rows if r["avsnitt"] == "Möte"]
assert [r["datum"] for r in meetings] == ["2026-10-21", "2026-10-22", "2026-10-25"], meetings
assert meetings[2]["deltagare"] == "Öberg, Åsa" and meetings[2]["plats"] == "Rum Älgen", meetings[2]
assert meetings[2]["tolk"] == "tolk: tigrinja" and meetings[2]["medarbetare"] == "Anna Åberg, Sven Ek", meetings[2]
assert meetings[1]["deltagare"] == "'"'"'=SUMMA(A1:A9), Örjan", meetings[1]
assert meetings[1]["deltagare"][1:] == "=SUMMA(A1:A9), Örjan"
assert meetings[0]["status"] == "inställt"
' || return 1
  expect_code 0 export week --week 2026-W43 --format csv --delimiter , || return 1
  expect_out "vecka,avsnitt,datum" || return 1
  refute_out "Öberg" || return 1
}

test_json_and_markdown() {
  setup || return 1
  expect_code 0 export week --week 2026-W43 --format json --output "$WORK/v43.json" || return 1
  py "$WORK/v43.json" '
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["_format"] == "samordna-veckolista/1" and doc["vecka"] == "2026-W43", doc["vecka"]
assert doc["fran"] == "2026-10-19" and doc["till"] == "2026-10-25" and doc["lasare"] == "anna"
assert len(doc["dagar"]) == 7 and [len(d["moten"]) for d in doc["dagar"]] == [0, 0, 1, 1, 0, 0, 1]
m = doc["dagar"][6]["moten"][0]
assert m["tid"] == "10:00" and m["plats"] is None and m["deltagare"].startswith("Å.Ö. "), m
assert "deltagare_id" not in m
' || return 1
  expect_code 0 export week --week 2026-W43 || return 1
  expect_out "# Veckolista v. 43 · 2026-10-19 – 2026-10-25" || return 1
  expect_out "Arbetsmaterial – sekretess" || return 1
  expect_out "### Söndag 25 oktober" || return 1
  refute_out "Öberg" || return 1
  # Without --week: this week (2026-W43 on 2026-10-20).
  expect_code 0 export week --format html || return 1
  expect_out "Veckolista v. 43" || return 1
  expect_out "@page { size: A4" || return 1
}

test_protected_participants_never_appear_and_min_vecka() {
  setup || return 1
  expect_code 0 participant add --personnummer 19700101-9806 --first-name Hemlig --last-name Skyddad \
    --status aktiv --protected --responsible-af anna || return 1
  H=$(last_id)
  expect_code 0 meeting add --participant "$H" --date 2026-10-23 --time 08:00 --kind SIP --with anna || return 1
  for f in csv md html ics json; do
    expect_code 0 export week --week 2026-W43 --format $f --names || return 1
    refute_out "Skyddad" || return 1
    refute_out "08:00" || return 1
  done
  # Min vecka of Sven: only Åsa's meeting he takes part in (and Åsa, whom he is responsible for).
  expect_code 0 export week --week 2026-W43 --format json --names --responsible sven || return 1
  py "$WORK/out" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["urval"] == "min-vecka" and doc["lasare"] == "sven", doc["urval"]
names = [m["deltagare"] for d in doc["dagar"] for m in d["moten"]]
assert names == ["Öberg, Åsa"], names
' || return 1
  expect_code 0 export week --week 2026-W43 --format json --mine || return 1
  py "$WORK/out" 'import json, sys; doc = json.load(open(sys.argv[1])); assert doc["lasare"] == "anna" and doc["urval"] == "min-vecka"' || return 1
}

# A caseload of two arbetslag: Teamets vecka of a member of a lag is the lag's, --whole-team everyone's;
# team set-unit moves a member, --no-unit takes them out of every lag.
test_an_arbetslags_week() {
  setup || return 1
  USER=admin expect_code 0 team add --login jonna --name "Jonna Berg" --profession jobbcoach --unit "Lag 2" || return 1
  expect_out "Lag 2" || return 1
  expect_code 0 team set-unit anna --unit "Lag 1" || return 1
  expect_out "hör till Lag 1" || return 1
  expect_code 0 team set-unit sven --unit "Lag 1" || return 1
  expect_code 0 participant add --personnummer 19850101-9809 --first-name Jonnas --last-name Deltagare --status aktiv \
    --responsible-jc jonna || return 1
  J=$(last_id)
  expect_code 0 meeting add --participant "$J" --date 2026-10-23 --time 11:00 --kind uppföljning --with jonna || return 1
  expect_code 0 team list || return 1
  expect_out "Lag" || return 1
  expect_code 0 export week --week 2026-W43 --format json --names || return 1
  py "$WORK/out" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["urval"] == "laget" and doc["lag"] == "Lag 1", (doc["urval"], doc["lag"])
names = sorted({m["deltagare"] for d in doc["dagar"] for m in d["moten"]})
assert names == ["=SUMMA(A1:A9), Örjan", "Öberg, Åsa"], names
assert all(d["sekretess"] == 0 for d in doc["dagar"]), "the meeting of Lag 2 is not even counted"
' || return 1
  expect_code 0 export week --week 2026-W43 --format md || return 1
  expect_out "Teamets vecka: Lag 1, läst som Anna Åberg (anna)" || return 1
  expect_code 0 export week --week 2026-W43 --format json --names --whole-team || return 1
  py "$WORK/out" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["urval"] == "teamet" and doc["lag"] is None, doc["urval"]
friday = [d for d in doc["dagar"] if d["datum"] == "2026-10-23"][0]
assert friday["sekretess"] == 1, friday  # the meeting of Lag 2: another organisation, no consent
' || return 1
  USER=jonna expect_code 0 export week --week 2026-W43 --format json --names || return 1
  py "$WORK/out" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["lag"] == "Lag 2" and [m["deltagare"] for d in doc["dagar"] for m in d["moten"]] == ["Deltagare, Jonnas"]
' || return 1
  expect_code 0 team set-unit anna --no-unit || return 1
  expect_code 0 export week --week 2026-W43 --format json || return 1
  py "$WORK/out" 'import json, sys; doc = json.load(open(sys.argv[1])); assert doc["urval"] == "teamet", doc["urval"]' || return 1
  # Bad input: named, and nothing changed.
  expect_code 64 export week --whole-team --mine || return 1
  expect_code 64 team set-unit sven || return 1
  expect_code 64 team set-unit sven --unit "Lag 3" --no-unit || return 1
  expect_code 65 team set-unit sven --unit "   " || return 1
  expect_err "--no-unit" || return 1
  expect_code 65 team set-unit sven --unit "$(printf 'Lag\t9')" || return 1
  expect_code 65 team set-unit nobody --unit "Lag 3" || return 1
  expect_err "ingen medarbetare" || return 1
  USER=admin expect_code 65 team add --login kim --name "Kim Ek" --profession jobbcoach --unit "$(printf 'Lag\n2')" || return 1
  expect_err "--unit" || return 1
  expect_code 0 team list || return 1
  expect_out "Lag 1" || return 1
  refute_out "Lag 3" || return 1
  refute_out "kim" || return 1
}

test_every_bad_input_is_named_and_nothing_is_written() {
  setup || return 1
  expect_code 64 export week --week 2026-W54 --output "$WORK/x.csv" || return 1
  expect_err "2026 har ingen vecka 54" || return 1
  expect_err "2026-W53" || return 1
  expect_code 64 export week --week 2025-W53 || return 1
  expect_err "den sista är 2025-W52" || return 1
  expect_code 64 export week --week 2026-49 || return 1
  expect_err "ÅÅÅÅ-Www" || return 1
  expect_code 64 export week --week v49 || return 1
  expect_code 64 export week --mine --responsible sven || return 1
  expect_code 64 export week --format csv --delimiter ';;' || return 1
  expect_code 65 export week --responsible nobody --output "$WORK/x.csv" || return 1
  expect_err "okänd medarbetare 'nobody'" || return 1
  USER=stranger expect_code 65 export week --mine || return 1
  [ ! -e "$WORK/x.csv" ] || { fail "a refused export wrote a file"; return 1; }
  expect_code 1 export week --output "$WORK/missing/v.csv" || return 1
  [ ! -e "$WORK/missing" ] || { fail "a missing folder was created"; return 1; }
  printf 'Mina anteckningar\n' >"$WORK/notes.md"
  expect_code 1 export week --output "$WORK/notes.md" || return 1
  expect_err "filen finns redan" || return 1
  expect_code 1 export week --output "$WORK/notes.md" --force || return 1
  expect_err "ingen tidigare veckoexport" || return 1
  [ "$(cat "$WORK/notes.md")" = "Mina anteckningar" ] || { fail "the notes were changed"; return 1; }
  # An earlier export is replaced with --force, in any format.
  expect_code 0 export week --week 2026-W42 --format csv --output "$WORK/v.csv" || return 1
  expect_code 1 export week --week 2026-W43 --format csv --output "$WORK/v.csv" || return 1
  expect_code 0 export week --week 2026-W43 --format csv --output "$WORK/v.csv" --force || return 1
  grep -q "2026-W43" "$WORK/v.csv" || { fail "the earlier export was not replaced"; return 1; }
  expect_code 1 export week --output "$DATA/caseload.sqlite" --force || return 1
  ls -a "$WORK" | grep -q 'samordna-.*\.tmp' && { fail "a temporary file was left"; return 1; }
  return 0
}

for t in test_the_calendar_round_trips_through_icalendar \
  test_the_csv_reads_back_with_swedish_letters_and_the_formula_name_intact test_json_and_markdown \
  test_protected_participants_never_appear_and_min_vecka test_an_arbetslags_week \
  test_every_bad_input_is_named_and_nothing_is_written; do
  run_test "$t"
done

echo "week-export: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
