#!/usr/bin/env bash
# End-to-end tests of Samordna under faults and hostile input (docs/decisions/0006-safe-files-and-limits.md):
# files written atomically and never over the caseload or through a symlink, bounded parsers, invisible
# characters, backup and restore, the trust rule for data directories. The real binary without a terminal;
# only test personnummer (birth numbers 980–999) and invented names. Every case gets a fresh data directory.
# Usage: Tests/e2e/safety.sh PATH/TO/samordna
set -uo pipefail
APP=${1:?usage: safety.sh PATH/TO/samordna}
APP=$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")
WORK=$(mktemp -d)
TMUX_CMD=""
trap '[ -n "$TMUX_CMD" ] && $TMUX_CMD kill-server 2>/dev/null; remove_accounts; rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8 SAMORDNA_TODAY=2026-11-23 TZ=UTC USER=anna
unset SAMORDNA_DATA

passed=0
failed=0
current=""
OUT=""
ERR=""
CODE=0

fail() {
  echo "FAIL [$current]: $*"
  [ -n "$OUT" ] && echo "---- stdout ----" && printf '%s\n' "$OUT" | head -40
  [ -n "$ERR" ] && echo "---- stderr ----" && printf '%s\n' "$ERR" | head -40
  return 1
}

# run ARGS…: the binary with the case's data directory; sets OUT, ERR and CODE.
run() {
  "$APP" "$@" --data "$DATA" >"$WORK/out" 2>"$WORK/err" </dev/null
  CODE=$?
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
}

expect_code() {
  local want=$1
  shift
  run "$@"
  [ "$CODE" -eq "$want" ] || { fail "'$*': exit $CODE, expected $want"; return 1; }
}

expect_out() { grep -qF -- "$1" <<<"$OUT" || { fail "stdout lacks '$1'"; return 1; }; }
expect_err() { grep -qF -- "$1" <<<"$ERR" || { fail "stderr lacks '$1'"; return 1; }; }
refute_err() { grep -qF -- "$1" <<<"$ERR" && { fail "stderr shows '$1'"; return 1; }; return 0; }
mode_of() { stat -c %a "$1"; }
sum_of() { sha256sum "$1" | cut -d' ' -f1; }
# The caseload's content (opening it may checkpoint the WAL into the file, which changes its bytes).
content_of() { sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1; }

run_test() {
  current=$1
  DATA=$WORK/$1
  OUT=""
  ERR=""
  if "$1"; then
    passed=$((passed + 1))
    echo "ok   $1"
  else
    failed=$((failed + 1))
  fi
}

# A caseload with one participant who has a kartläggning (a draft on a one-question template), so there
# is something to export. The kartläggning is put in with sqlite3: the command line cannot make one.
with_kartlaggning() {
  local answer_length=${1:-0}
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
  PID=$(sqlite3 "$DATA/caseload.sqlite" "SELECT id FROM participant LIMIT 1")
  local content='{"version":1,"title":"Mall","sections":[{"id":"a","title":"Avsnitt","questions":[{"id":"q1","label":"Fråga","type":{"text":{}},"required":false,"sensitivity":"P0"}]}]}'
  sqlite3 "$DATA/caseload.sqlite" "
    INSERT INTO kartlaggning_template (version, title, content, source, registered_at, registered_by)
      VALUES (1, 'Mall', '$content', 'version: 1', 0, 'anna');
    INSERT INTO kartlaggning (id, participant_id, template_version, date, status, professions_present, answers, version)
      VALUES ('k1234567', '$PID', 1, '2026-11-20', 'utkast', '',
        CASE WHEN $answer_length = 0 THEN '{}'
          ELSE json_object('q1', json_object('typ', 'text', 'värde', replace(hex(zeroblob($answer_length / 2)), '0', 'a'))) END,
        1);" || { fail "sqlite3 insert"; return 1; }
}

# ---- 1. One file writer -------------------------------------------------------------------------------

test_output_never_replaces_the_caseload() {
  with_kartlaggning || return 1
  local before
  before=$(content_of "$DATA/caseload.sqlite")
  for target in caseload.sqlite caseload.sqlite-wal kartlaggning.yaml; do
    expect_code 1 export kartlaggning --participant "$PID" --output "$DATA/$target" --force || return 1
    expect_err "hör till datakatalogen" || return 1
  done
  [ "$(content_of "$DATA/caseload.sqlite")" = "$before" ] || { fail "the caseload changed"; return 1; }
  # A copy of the database under another name is not replaced either.
  cp "$DATA/caseload.sqlite" "$WORK/kopia.db"
  expect_code 1 export kartlaggning --participant "$PID" --output "$WORK/kopia.db" --force || return 1
  expect_err "är en SQLite-databas" || return 1
  expect_code 0 check || return 1
}

test_output_never_follows_a_symlink() {
  with_kartlaggning || return 1
  echo "orörd" >"$WORK/offer.txt"
  chmod 644 "$WORK/offer.txt"
  ln -sf "$WORK/offer.txt" "$WORK/länk.md"
  expect_code 1 export kartlaggning --participant "$PID" --output "$WORK/länk.md" --force || return 1
  expect_err "symbolisk länk" || return 1
  [ "$(cat "$WORK/offer.txt")" = "orörd" ] || { fail "the link's target was written"; return 1; }
  [ "$(mode_of "$WORK/offer.txt")" = 644 ] || { fail "the link's target changed mode"; return 1; }
}

test_output_is_new_private_and_replaced_only_with_force() {
  with_kartlaggning || return 1
  expect_code 0 export kartlaggning --participant "$PID" --output "$WORK/ut.md" || return 1
  [ "$(mode_of "$WORK/ut.md")" = 600 ] || { fail "mode $(mode_of "$WORK/ut.md")"; return 1; }
  grep -qF "**Mall:** Mall, version 1" "$WORK/ut.md" || { fail "no document: $(cat "$WORK/ut.md")"; return 1; }
  echo "annat" >"$WORK/ut.md"
  expect_code 1 export kartlaggning --participant "$PID" --output "$WORK/ut.md" || return 1
  expect_err "filen finns redan" || return 1
  [ "$(cat "$WORK/ut.md")" = "annat" ] || { fail "replaced without --force"; return 1; }
  expect_code 0 export kartlaggning --participant "$PID" --output "$WORK/ut.md" --force || return 1
  grep -qF "**Mall:** Mall" "$WORK/ut.md" || { fail "not replaced with --force"; return 1; }
  ls -A "$WORK" | grep -q samordna- && { fail "temporary file left: $(ls -A "$WORK")"; return 1; }
  return 0
}

test_a_write_cut_short_leaves_the_old_file_and_no_temporary_file() {
  # An answer of 200 kB makes the document larger than the limit below; the database itself only reads.
  with_kartlaggning 200000 || return 1
  mkdir -p "$WORK/ut"
  echo "den gamla utskriften" >"$WORK/ut/k.md"
  # ulimit -f 100: no file may grow past 100 kB; without the writer's care SIGXFSZ would kill the process
  # mid-write.
  (ulimit -f 100; "$APP" export kartlaggning --data "$DATA" --participant "$PID" --output "$WORK/ut/k.md" --force \
    >"$WORK/out" 2>"$WORK/err")
  CODE=$?
  ERR=$(cat "$WORK/err")
  [ "$CODE" -eq 1 ] || { fail "exit $CODE, expected 1"; return 1; }
  expect_err "filstorleksgränsen" || return 1
  expect_err "den gamla filen är orörd" || return 1
  [ "$(cat "$WORK/ut/k.md")" = "den gamla utskriften" ] || { fail "the old file changed"; return 1; }
  [ "$(ls -A "$WORK/ut")" = "k.md" ] || { fail "left behind: $(ls -A "$WORK/ut")"; return 1; }
}

test_a_path_with_escape_sequences_is_quoted() {
  with_kartlaggning || return 1
  local evil
  evil="$WORK/"$'\e]0;pwned\a\e[31m'"/x.md"
  expect_code 1 export kartlaggning --participant "$PID" --output "$evil" || return 1
  grep -q $'\e' "$WORK/err" && { fail "raw ESC on stderr"; return 1; }
  expect_err '\u{1B}]0;pwned\u{7}' || return 1
}

# ---- 2. Parsers have limits ---------------------------------------------------------------------------

test_check_survives_hostile_templates() {
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
  # Nested aliases used as a mapping key: 10⁹ nodes once expanded (hung check before).
  {
    echo "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"
    for i in 1 2 3 4 5 6 7 8; do
      printf 'a%d: &a%d [' "$i" "$i"
      for _ in 1 2 3 4 5 6 7 8 9; do printf '*a%d, ' $((i - 1)); done
      printf '*a%d]\n' $((i - 1))
    done
    printf '? *a8\n: x\n'
  } >"$DATA/kartlaggning.yaml"
  timeout 20 "$APP" check --data "$DATA" >"$WORK/out" 2>"$WORK/err"
  CODE=$?
  OUT=$(cat "$WORK/out")
  [ "$CODE" -eq 1 ] || { fail "check: exit $CODE, expected 1 (124 is a hang)"; return 1; }
  expect_out "kartlaggning.yaml:1:5: ankare (&a0) används inte i en mall" || return 1
  # A version that overflowed when the next one was worked out (crashed check before).
  printf 'version: 9223372036854775807\ntitel: Mall\navsnitt:\n  - id: A\n    titel: Mål\n    frågor:\n      - id: q1\n        fråga: Vad?\n        typ: text\n' \
    >"$DATA/kartlaggning.yaml"
  expect_code 1 check || return 1
  expect_out "kartlaggning.yaml:1:10: versionen får vara högst 1000000" || return 1
  # A title with an escape sequence and a bell: named, and nothing raw reaches the terminal.
  printf 'version: 1\ntitel: "Mall\\e]0;x\\a"\navsnitt:\n  - id: A\n    titel: Mål\n    frågor:\n      - id: q1\n        fråga: Vad?\n        typ: text\n' \
    >"$DATA/kartlaggning.yaml"
  expect_code 1 check || return 1
  expect_out "kartlaggning.yaml:2:8: titeln innehåller styrtecknet U+001B" || return 1
  grep -q $'\e' "$WORK/out" && { fail "raw ESC in check's output"; return 1; }
  return 0
}

test_import_is_bounded_and_a_refused_import_creates_nothing() {
  mkdir -p "$DATA"
  # Over the 5 MB cap: refused by its size, before it is read.
  { echo "personnummer,fornamn,efternamn"; yes "19800101-9804,Åsa,Öberg" | head -250000; } >"$WORK/stor.csv"
  expect_code 65 import participants "$WORK/stor.csv" || return 1
  expect_err "filen är för stor för en import" || return 1
  # 3 000 bad rows: a hundred problems listed, the rest counted.
  { echo "personnummer,fornamn,efternamn"; yes "19800101-9804,,Öberg" | head -3000; } >"$WORK/fel.csv"
  expect_code 65 import participants "$WORK/fel.csv" || return 1
  [ "$(wc -l <"$WORK/err")" -le 103 ] || { fail "$(wc -l <"$WORK/err") lines of problems"; return 1; }
  expect_err "… och " || return 1
  # Twenty rows of one name and birth date: one problem per row, not one per pair.
  { echo "personnummer,fornamn,efternamn"
    for n in 9804 9812 9820 9838 9846 9853 9861 9879 9887 9895; do echo "19800101-$n,Åsa,Öberg"; done; } >"$WORK/lika.csv"
  expect_code 65 import participants "$WORK/lika.csv" || return 1
  [ "$(grep -c "samma födelsedatum" "$WORK/err")" -eq 9 ] || { fail "expected 9 look-alike lines"; return 1; }
  [ ! -e "$DATA/caseload.sqlite" ] || { fail "a refused import created a database"; return 1; }
}

# ---- 3. Invisible and reordering characters ---------------------------------------------------------

# no_invisible FILE: fails when FILE holds a bidi control, a zero-width character or a line separator.
no_invisible() {
  if grep -qP '[\x{202A}-\x{202E}\x{2066}-\x{2069}\x{200B}-\x{200F}\x{2028}\x{2029}\x{FEFF}]' "$1"; then
    fail "invisible character in $1: $(grep -nP '[\x{202A}-\x{202E}\x{2066}-\x{2069}\x{200B}-\x{200F}\x{2028}\x{2029}]' "$1" | head -3 | cat -A)"
    return 1
  fi
  return 0
}

test_invisible_characters_are_refused_and_stored_ones_shown_inert() {
  expect_code 65 participant add --personnummer 19800101-9804 --first-name $'Åsa\u202egreb' --last-name Öberg || return 1
  expect_err "U+202E, som ändrar textens riktning" || return 1
  no_invisible "$WORK/err" || return 1
  expect_code 65 participant add --personnummer 19800101-9804 --first-name Åsa --last-name $'Ö\u200bberg' || return 1
  expect_err "U+200B, som inte syns" || return 1
  with_kartlaggning || return 1
  # Written by another tool: kept as stored, never shown raw.
  sqlite3 "$DATA/caseload.sqlite" "UPDATE participant SET first_name = 'Åsa' || char(0x202E) || 'greb' || char(0x2066),
    last_name = 'Ö' || char(0x200B) || 'berg' || char(0x2028)" || { fail "sqlite3 update"; return 1; }
  sqlite3 "$DATA/caseload.sqlite" "UPDATE kartlaggning SET answers = json_object('q1', json_object('typ', 'text', 'värde', 'svar' || char(0x202E) || 'x'))"
  local format
  for format in table csv json; do
    expect_code 0 participant list --format "$format" --names || return 1
    no_invisible "$WORK/out" || return 1
  done
  expect_code 0 participant show "$PID" || return 1
  no_invisible "$WORK/out" || return 1
  expect_code 0 participant show "$PID" --format json || return 1
  no_invisible "$WORK/out" || return 1
  grep -qF '\u202e' "$WORK/out" || { fail "json does not keep the character as an escape"; return 1; }
  for format in md html; do
    expect_code 0 export kartlaggning --participant "$PID" --format "$format" --names || return 1
    no_invisible "$WORK/out" || return 1
    expect_out '\u{202E}' || return 1
  done
}

test_paths_in_messages_are_quoted_inert() {
  local evil=$WORK/$'data\e]0;titel\a\u202e'
  "$APP" participant list --data "$evil" >"$WORK/out" 2>"$WORK/err"
  CODE=$?
  ERR=$(cat "$WORK/err")
  [ "$CODE" -eq 1 ] || { fail "exit $CODE"; return 1; }
  grep -q $'\e' "$WORK/err" && { fail "raw ESC in the message"; return 1; }
  no_invisible "$WORK/err" || return 1
  expect_err '\u{1B}]0;titel\u{7}\u{202E}' || return 1
}

# ---- 4. Trust and a team sharing one caseload ----------------------------------------------------------

test_check_is_read_only() {
  mkdir -p "$DATA" && chmod 700 "$DATA"
  : >"$DATA/caseload.sqlite"
  chmod 600 "$DATA/caseload.sqlite"
  expect_code 0 check || return 1
  expect_out "är tom (0 byte)" || return 1
  [ ! -s "$DATA/caseload.sqlite" ] || { fail "check wrote into the empty database"; return 1; }
  # A caseload of an older schema is not migrated by check either.
  expect_code 0 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
  local before
  before=$(content_of "$DATA/caseload.sqlite")
  expect_code 0 check || return 1
  [ "$(content_of "$DATA/caseload.sqlite")" = "$before" ] || { fail "check changed the database"; return 1; }
}

test_untrusted_directories_and_databases_are_refused() {
  mkdir -p "$DATA" && chmod 777 "$DATA"
  expect_code 1 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
  expect_err "kan ändras av alla användare" || return 1
  expect_err "chmod o-rwx" || return 1
  [ ! -e "$DATA/caseload.sqlite" ] || { fail "a database was created"; return 1; }
  expect_code 1 check || return 1
  chmod 700 "$DATA"
  # A database someone else made, writable by all: not adopted, not changed.
  printf '' >"$DATA/caseload.sqlite"
  chmod 666 "$DATA/caseload.sqlite"
  if [ "$(id -u)" = 0 ]; then chown nobody:nogroup "$DATA/caseload.sqlite"; fi
  expect_code 1 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
  [ ! -s "$DATA/caseload.sqlite" ] || { fail "the foreign database was written"; return 1; }
  if [ "$(id -u)" = 0 ]; then
    chmod 660 "$DATA/caseload.sqlite"
    expect_code 1 participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg || return 1
    expect_err "ägs av 'nobody'" || return 1
  fi
  # A data directory reached through a symlink into a folder anyone can swap.
  rm -f "$DATA/caseload.sqlite"
  mkdir -p "$WORK/öppen/d" && chmod 777 "$WORK/öppen" && chmod 700 "$WORK/öppen/d"
  ln -s "$WORK/öppen/d" "$WORK/länkad"
  "$APP" participant add --data "$WORK/länkad" --personnummer 19800101-9804 --first-name Åsa --last-name Öberg \
    >"$WORK/out" 2>"$WORK/err"
  CODE=$?
  ERR=$(cat "$WORK/err")
  [ "$CODE" -eq 1 ] || { fail "symlink into a world-writable folder: exit $CODE"; return 1; }
  expect_err "vem som helst kan byta ut datakatalogen" || return 1
}

test_umask_0277_first_run_is_usable() {
  # As root every permission check passes, so root runs it as `nobody` (whose own directory it is).
  local bin=$APP runner=()
  if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
    chmod 755 "$WORK"
    mkdir -p "$WORK/bin" "$DATA" && cp "$APP" "$WORK/bin/samordna" && chmod 755 "$WORK/bin" "$WORK/bin/samordna"
    bin=$WORK/bin/samordna
    chown nobody:nogroup "$DATA"
    runner=(runuser -u nobody -- env -i PATH=/usr/bin:/bin USER=nobody HOME=/tmp LANG=C.UTF-8 SAMORDNA_TODAY=2026-11-23)
  fi
  local n
  for n in 1 2; do
    (umask 0277; "${runner[@]}" "$bin" participant add --data "$DATA/data" --identity-kind annan --personnummer "U-$n" \
      --first-name Test --last-name "Person $n" >"$WORK/out" 2>"$WORK/err") ||
      { ERR=$(cat "$WORK/err"); fail "run $n under umask 0277"; return 1; }
    [ "$(mode_of "$DATA/data/caseload.sqlite")" = 600 ] || { fail "database mode $(mode_of "$DATA/data/caseload.sqlite")"; return 1; }
  done
  (umask 0277; "${runner[@]}" "$bin" participant list --data "$DATA/data" >"$WORK/out" 2>"$WORK/err")
  OUT=$(cat "$WORK/out")
  expect_out "2 deltagare" || return 1
}

# Two real Unix accounts in one group share a caseload: created when the test runs as root, else skipped.
ACCOUNTS=()
TEAM_GROUP=""
remove_accounts() {
  local u
  for u in "${ACCOUNTS[@]}"; do userdel "$u" 2>/dev/null; done
  [ -n "$TEAM_GROUP" ] && groupdel "$TEAM_GROUP" 2>/dev/null
  ACCOUNTS=()
  TEAM_GROUP=""
}

# as USER ARGS…: runs the binary as USER with the team's data directory.
as() {
  local who=$1
  shift
  runuser -u "$who" -- env -i PATH=/usr/bin:/bin USER="$who" HOME=/tmp LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC \
    SAMORDNA_TODAY=2026-11-23 "$WORK/bin/samordna" "$@" --data "$WORK/team"
}

test_two_unix_accounts_share_one_caseload() {
  if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
    echo "skip $current: needs root (to create two accounts) and useradd/runuser"
    return 0
  fi
  TEAM_GROUP=smdteam$$
  local anna=smd_anna_$$ sven=smd_sven_$$
  groupadd "$TEAM_GROUP" || { fail "groupadd"; return 1; }
  useradd -M -N -g nogroup -G "$TEAM_GROUP" -s /usr/sbin/nologin "$anna" && ACCOUNTS+=("$anna")
  useradd -M -N -g nogroup -G "$TEAM_GROUP" -s /usr/sbin/nologin "$sven" && ACCOUNTS+=("$sven")
  [ ${#ACCOUNTS[@]} -eq 2 ] || { fail "useradd"; remove_accounts; return 1; }
  chmod 755 "$WORK"
  mkdir -p "$WORK/bin" && cp "$APP" "$WORK/bin/samordna" && chmod 755 "$WORK/bin" "$WORK/bin/samordna"
  # The administrator's part (docs/storage.md): a directory for the team, owned by its group, setgid.
  mkdir "$WORK/team" && chgrp "$TEAM_GROUP" "$WORK/team" && chmod 2770 "$WORK/team"
  local ok=0
  {
    as "$anna" init --group "$TEAM_GROUP" >"$WORK/out" 2>"$WORK/err" || { ERR=$(cat "$WORK/err"); fail "init --group"; return 1; }
    [ "$(stat -c '%a %G' "$WORK/team")" = "2770 $TEAM_GROUP" ] || { fail "directory: $(stat -c '%a %G' "$WORK/team")"; return 1; }
    [ "$(stat -c '%a %G' "$WORK/team/caseload.sqlite")" = "660 $TEAM_GROUP" ] ||
      { fail "database: $(stat -c '%a %G' "$WORK/team/caseload.sqlite")"; return 1; }
    as "$anna" participant add --personnummer 19800101-9804 --first-name Åsa --last-name Öberg >/dev/null 2>"$WORK/err" ||
      { ERR=$(cat "$WORK/err"); fail "anna's add"; return 1; }
    as "$sven" participant list --names >"$WORK/out" 2>"$WORK/err" || { ERR=$(cat "$WORK/err"); fail "sven's list"; return 1; }
    grep -q "Öberg" "$WORK/out" || { fail "sven does not see anna's participant"; return 1; }
    # Both write at once, each with their own account.
    local i
    (for i in $(seq 1 12); do as "$anna" participant add --identity-kind annan --personnummer "A-$i" \
      --first-name Anna --last-name "Rad $i" >/dev/null 2>>"$WORK/err-anna" || echo fail >>"$WORK/err-anna"; done) &
    local first=$!
    (for i in $(seq 1 12); do as "$sven" participant add --identity-kind annan --personnummer "S-$i" \
      --first-name Sven --last-name "Rad $i" >/dev/null 2>>"$WORK/err-sven" || echo fail >>"$WORK/err-sven"; done) &
    wait "$first" "$!"
    if grep -q fail "$WORK/err-anna" "$WORK/err-sven" 2>/dev/null; then
      ERR=$(cat "$WORK/err-anna" "$WORK/err-sven"); fail "a concurrent add failed"; return 1
    fi
    as "$anna" participant list >"$WORK/out" 2>"$WORK/err"
    grep -q "^25 deltagare" "$WORK/out" || { OUT=$(cat "$WORK/out"); fail "anna does not see all 25"; return 1; }
    local logins
    logins=$(sqlite3 "$WORK/team/caseload.sqlite" "SELECT DISTINCT login FROM change_log ORDER BY login" | tr '\n' ' ')
    [ "$logins" = "$anna $sven " ] || { fail "change log logins: '$logins'"; return 1; }
    [ "$(sqlite3 "$WORK/team/caseload.sqlite" "PRAGMA integrity_check")" = ok ] || { fail "integrity"; return 1; }
    # Live: each has the terminal UI open (tmux) and sees the other's change within seconds.
    if command -v tmux >/dev/null; then
      live_ui "$anna" "$sven" || return 1
    else
      echo "skip live part of $current: no tmux"
    fi
    ok=1
  }
  TMUX_CMD=${TMUX_CMD:-}
  [ -n "$TMUX_CMD" ] && $TMUX_CMD kill-server 2>/dev/null
  remove_accounts
  [ "$ok" = 1 ]
}

# ui_screen SESSION: the text of that account's terminal UI now.
ui_screen() { $TMUX_CMD capture-pane -t "$1" -p 2>/dev/null; }

# ui_wait SESSION TEXT: polls the screen (50 ms) until TEXT shows, at most 10 s.
ui_wait() {
  local i
  for ((i = 0; i < 200; i++)); do
    ui_screen "$1" | grep -qF -- "$2" && return 0
    sleep 0.05
  done
  fail "'$2' did not show on $1's screen: $(ui_screen "$1" | head -5)"
}

live_ui() {
  local anna=$1 sven=$2 who
  TMUX_CMD="tmux -L samordna-safety-$$ -f /dev/null"
  for who in "$anna" "$sven"; do
    $TMUX_CMD new-session -d -s "$who" -x 100 -y 30 \
      "runuser -u $who -- env -i PATH=/usr/bin:/bin USER=$who HOME=/tmp LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=tmux-256color SAMORDNA_TODAY=2026-11-23 $WORK/bin/samordna --data $WORK/team; sleep 30"
  done
  ui_wait "$anna" "av 25" || return 1
  ui_wait "$sven" "av 25" || return 1
  as "$anna" participant add --identity-kind annan --personnummer L-1 --first-name Levande --last-name Annasson \
    >/dev/null 2>"$WORK/err" || { ERR=$(cat "$WORK/err"); fail "anna's live add"; return 1; }
  ui_wait "$sven" "av 26" || return 1
  as "$sven" participant add --identity-kind annan --personnummer L-2 --first-name Levande --last-name Svensson \
    >/dev/null 2>"$WORK/err" || { ERR=$(cat "$WORK/err"); fail "sven's live add"; return 1; }
  ui_wait "$anna" "av 27" || return 1
  $TMUX_CMD send-keys -t "$anna" Q
  $TMUX_CMD send-keys -t "$sven" Q
}

# ---- 5. Backup and restore ---------------------------------------------------------------------------

test_backup_and_restore() {
  expect_code 0 demo --participants 40 || return 1
  expect_code 0 check || return 1
  expect_out "Säkerhetskopia: ingen gjord ännu" || return 1
  # A backup while a colleague adds participants: consistent and verified.
  (for i in $(seq 1 15); do "$APP" participant add --data "$DATA" --identity-kind annan --personnummer "X-$i" \
    --first-name Test --last-name "Person $i" >/dev/null 2>&1; done) &
  local writer=$!
  expect_code 0 backup --output "$WORK/kopia.sqlite" || return 1
  wait "$writer"
  expect_out "kontrollerad med integrity_check" || return 1
  [ "$(mode_of "$WORK/kopia.sqlite")" = 600 ] || { fail "backup mode $(mode_of "$WORK/kopia.sqlite")"; return 1; }
  [ "$(sqlite3 "$WORK/kopia.sqlite" "PRAGMA integrity_check")" = ok ] || { fail "backup not ok"; return 1; }
  local in_copy
  in_copy=$(sqlite3 "$WORK/kopia.sqlite" "SELECT count(*) FROM participant")
  [ "$in_copy" -ge 40 ] || { fail "backup has $in_copy participants"; return 1; }
  expect_code 0 check || return 1
  expect_out "Senaste säkerhetskopia: " || return 1
  expect_code 1 backup --output "$WORK/kopia.sqlite" || return 1
  expect_err "är en SQLite-databas" || return 1
  # Restoring asks; a script must say --yes; a healthy caseload needs --force.
  expect_code 64 restore "$WORK/kopia.sqlite" || return 1
  expect_err "lägg till --yes" || return 1
  expect_code 65 restore "$WORK/kopia.sqlite" --yes || return 1
  expect_err "ersätts bara med --force" || return 1
  # Damage the caseload: cut it in half.
  local size
  size=$(stat -c %s "$DATA/caseload.sqlite")
  truncate -s $((size / 2 + 100)) "$DATA/caseload.sqlite"
  rm -f "$DATA/caseload.sqlite-wal" "$DATA/caseload.sqlite-shm"
  cp "$DATA/caseload.sqlite" "$WORK/trasig"
  expect_code 0 restore "$WORK/kopia.sqlite" --yes || return 1
  expect_out "Den tidigare filen finns kvar som" || return 1
  local aside
  aside=$(ls "$DATA" | grep fore-aterstallning | head -1)
  cmp -s "$DATA/$aside" "$WORK/trasig" || { fail "the damaged file was not kept as it was"; return 1; }
  [ "$(count_participants)" = "$in_copy" ] || { fail "restored $(count_participants), expected $in_copy"; return 1; }
  expect_code 0 check || return 1
  expect_out "Senaste säkerhetskopia: " || return 1
}

count_participants() { sqlite3 "$DATA/caseload.sqlite" "SELECT count(*) FROM participant"; }

ALL_TESTS=(
  test_output_never_replaces_the_caseload test_output_never_follows_a_symlink
  test_output_is_new_private_and_replaced_only_with_force
  test_a_write_cut_short_leaves_the_old_file_and_no_temporary_file test_a_path_with_escape_sequences_is_quoted
  test_check_survives_hostile_templates test_import_is_bounded_and_a_refused_import_creates_nothing
  test_invisible_characters_are_refused_and_stored_ones_shown_inert test_paths_in_messages_are_quoted_inert
  test_check_is_read_only test_untrusted_directories_and_databases_are_refused test_umask_0277_first_run_is_usable
  test_two_unix_accounts_share_one_caseload test_backup_and_restore
)
for t in "${ALL_TESTS[@]}"; do
  if [ $# -gt 1 ] && [[ " ${*:2} " != *" $t "* ]]; then continue; fi
  run_test "$t"
done

echo "safety: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
