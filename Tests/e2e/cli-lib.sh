#!/usr/bin/env bash
# The shared harness of the command-line suites (cli.sh, insats-cli.sh, catalogue.sh, week-export.sh …):
# no terminal, a temporary WORK directory removed on exit, today fixed at 2026-11-23, and run/expect helpers
# that record stdout, stderr and the exit code. Sourced after APP is set (the login is "anna"):
#   APP=${1:?usage: NAME.sh PATH/TO/samordna}
#   . "$(dirname "$0")/cli-lib.sh"
# run_test gives each case its own data directory in DATA.
APP=$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
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
  [ -n "$OUT" ] && echo "---- stdout ----" && printf '%s\n' "$OUT"
  [ -n "$ERR" ] && echo "---- stderr ----" && printf '%s\n' "$ERR"
  return 1
}

# run ARGS…: the binary with the case's data directory; sets OUT, ERR and CODE.
run() {
  "$APP" "$@" --data "$DATA" >"$WORK/out" 2>"$WORK/err"
  CODE=$?
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
}

# expect_code N ARGS…: runs and checks the exit code.
expect_code() {
  local want=$1
  shift
  run "$@"
  [ "$CODE" -eq "$want" ] || { fail "'$*': exit $CODE, expected $want"; return 1; }
}

expect_out() { grep -qF -- "$1" <<<"$OUT" || { fail "stdout lacks '$1'"; return 1; }; }
expect_err() { grep -qF -- "$1" <<<"$ERR" || { fail "stderr lacks '$1'"; return 1; }; }
refute_out() { grep -qF -- "$1" <<<"$OUT" && { fail "stdout shows '$1'"; return 1; }; return 0; }
refute_err() { grep -qF -- "$1" <<<"$ERR" && { fail "stderr shows '$1'"; return 1; }; return 0; }

# The last word of stdout: the id an `add` command prints.
last_id() { printf '%s' "${OUT##* }"; }

# run_test NAME: runs the function NAME in a data directory of its own and counts it.
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
