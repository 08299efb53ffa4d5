#!/usr/bin/env bash
# The shared harness of the end-to-end tests: a private tmux server, screens read with capture-pane and
# polled every 50 ms with a timeout (never fixed sleeps), and the pass/fail bookkeeping.
#
# Sourced by run.sh, records.sh …, after they set APP to the binary:
#   APP=${1:?usage: NAME.sh PATH/TO/samordna}
#   . "$(dirname "$0")/lib.sh"
# It sets APP to an absolute path, TODAY, WORK (a temporary directory removed on exit) and T (the tmux
# command for the private server), and defines fail, screen, wait_for, wait_gone, start_app, run_test and
# luhn_last. Every screen function takes an optional `-t SESSION` first (default: app), so one test can
# drive two apps at once (two people on the same caseload).

APP=$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")
TODAY=2026-11-23
WORK=$(mktemp -d)
CONF=$WORK/tmux.conf
: >"$CONF"
T="tmux -L samordna-e2e-$$ -f $CONF"
trap '$T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=${USER:-e2e}
unset SAMORDNA_DATA SAMORDNA_TODAY

passed=0
failed=0
current=""

# sessions: the names of the live tmux sessions, app first.
sessions() {
  $T list-sessions -F '#{session_name}' 2>/dev/null | sort | awk '$0 == "app" { print; next } { rest = rest $0 "\n" } END { printf "%s", rest }'
}

# fail MESSAGE: says which test failed and why, and shows every open screen.
fail() {
  local s
  echo "FAIL [$current]: $*"
  for s in $(sessions); do
    if [ "$s" = app ]; then echo "---- screen ----"; else echo "---- screen $s ----"; fi
    screen -t "$s"
    echo "----------------"
  done
  return 1
}

# on SESSION: " on SESSION" for a message about a second app; nothing for the default one.
on() { [ "$1" = app ] || printf ' on %s' "$1"; }

# screen [-t SESSION]: the text on the screen now.
screen() {
  local s=app
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  $T capture-pane -t "$s" -p 2>/dev/null
}

# wait_for [-t SESSION] TEXT [SECONDS]: poll the screen until TEXT shows.
wait_for() {
  local s=app
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  local text=$1 limit=${2:-10} i
  for ((i = 0; i < limit * 20; i++)); do
    screen -t "$s" | grep -qF -- "$text" && return 0
    sleep 0.05
  done
  fail "timed out waiting for '$text'$(on "$s")"
}

# wait_gone [-t SESSION] TEXT: poll until TEXT is no longer on the screen.
wait_gone() {
  local s=app
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  local text=$1 i
  for ((i = 0; i < 200; i++)); do
    screen -t "$s" | grep -qF -- "$text" || return 0
    sleep 0.05
  done
  fail "'$text' did not go away$(on "$s")"
}

# start_app [-t SESSION] ARGS…: the app in a fresh 80×24 tmux session; the pane stays open to show the
# exit code.
start_app() {
  local s=app
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  $T kill-session -t "$s" 2>/dev/null
  $T new-session -d -s "$s" -x 80 -y 24 \
    "env TERM=tmux-256color LANG=C.UTF-8 $APP $*; echo EXIT=\$?; sleep 60"
}

# start_app_as LOGIN [-t SESSION] ARGS…: start_app with USER and LOGNAME set to LOGIN for this app only.
start_app_as() {
  local login=$1 s=app
  shift
  if [ "${1:-}" = -t ]; then s=$2; shift 2; fi
  $T kill-session -t "$s" 2>/dev/null
  $T new-session -d -s "$s" -x 80 -y 24 \
    "env TERM=tmux-256color LANG=C.UTF-8 USER=$(printf '%q' "$login") LOGNAME=$(printf '%q' "$login") $APP $*; echo EXIT=\$?; sleep 60"
}

# run_test NAME: runs the function NAME, counts it, and closes every session it left open.
run_test() {
  local s
  current=$1
  if "$1"; then
    passed=$((passed + 1))
    echo "ok   $1"
  else
    failed=$((failed + 1))
  fi
  for s in $(sessions); do $T kill-session -t "$s" 2>/dev/null; done
  return 0
}

# luhn_last NINE_DIGITS: the check digit Skatteverket's rule gives (weights 2,1,2,…).
luhn_last() {
  local n=$1 sum=0 i d
  for ((i = 0; i < 9; i++)); do
    d=$(( ${n:i:1} * (i % 2 == 0 ? 2 : 1) ))
    sum=$(( sum + d / 10 + d % 10 ))
  done
  echo $(( (10 - sum % 10) % 10 ))
}

# app_pid: the samordna process in the pane (the pane's shell runs it as a child), checked to be $APP.
app_pid() {
  local pane pid
  pane=$($T list-panes -t app -F '#{pane_pid}') || return 1
  pid=$(pgrep -P "$pane" -x samordna) || return 1
  [ "$(wc -w <<<"$pid")" -eq 1 ] && [ "$(readlink -f "/proc/$pid/exe")" = "$(readlink -f "$APP")" ] || return 1
  echo "$pid"
}

# gone PID: poll until the process has ended.
gone() {
  local i
  for ((i = 0; i < 200; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.05
  done
  fail "process $1 is still running"
}
