#!/usr/bin/env bash
# Drives `parley chat` in a real terminal (tmux) as a tester would: types,
# reads the screen, uses history, tab completion and slash-commands, and
# leaves with Ctrl-D.   repl_tmux.sh PARLEY_BINARY
set -euo pipefail
parley=$1
command -v tmux >/dev/null || { echo "tmux is not installed: skipping"; exit 77; }

state=$(mktemp -d)
name=parley-repl-test-$$
cleanup() { tmux kill-session -t "$name" 2>/dev/null || true; rm -rf "$state"; }
trap cleanup EXIT

screen() { tmux capture-pane -p -t "$name" -S -200; }
# Waits until the screen shows $1 (a fixed string), up to 20 s.
wait_for() {
  for _ in $(seq 1 200); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "--- expected to see: $1" >&2
  screen >&2
  exit 1
}
type_line() { tmux send-keys -t "$name" -l -- "$1"; tmux send-keys -t "$name" Enter; }

tmux new-session -d -s "$name" -x 160 -y 50 \
  "env XDG_STATE_HOME=$state TERM=xterm-256color $parley chat --today 2026-11-24; echo PARLEY-EXITED; sleep 30"

wait_for "you>"
wait_for "/help for commands"
type_line "wheres my parcel"
wait_for "order number"
type_line "112-4839201-5561234"
wait_for "email address or the delivery postcode"
type_line "SW1A 1AA"
wait_for "on its way with Royal Mail"
wait_for "should arrive on Wednesday, 25 November"
type_line "/why"
wait_for "normalised:"
type_line "/state"
wait_for "awaiting_feedback"
# Tab completion of slash-commands.
tmux send-keys -t "$name" -l "/sl"
tmux send-keys -t "$name" Tab
tmux send-keys -t "$name" Enter
wait_for "order_number = 112-4839201-5561234"
# History: Up recalls the previous line.
tmux send-keys -t "$name" Up
sleep 0.3
screen | grep -v "^\s*$" | tail -n 1 | grep -qF "you> /slots" || { echo "history did not recall /slots" >&2; screen >&2; exit 1; }
tmux send-keys -t "$name" C-u
type_line "I want to talk to a human"
wait_for "handed off to a human agent"
type_line "/agent"
wait_for "you are the agent now"
wait_for "agent>"
type_line "/release"
wait_for "released: the bot answers again"
# Invalid input never breaks the REPL.
type_line "$(printf 'x%.0s' $(seq 1 3000))"
wait_for "long message"
type_line "/locale fr"
wait_for "no intent pack for locale 'fr' (packs here: en)"
# Ctrl-C cancels the line being typed, Ctrl-D leaves.
tmux send-keys -t "$name" -l "half a line"
tmux send-keys -t "$name" C-c
tmux send-keys -t "$name" C-d
wait_for "PARLEY-EXITED"
[ -s "$state/parley/history" ] || { echo "no history file was written" >&2; exit 1; }
echo "repl ok"
