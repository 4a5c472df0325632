#!/usr/bin/env bash
# Records the "recorded" VT corpus: what real programs write to a terminal of a known size.
# Each program runs in a pane of a private tmux server (its own -L socket, killed on exit) with
# TERM=xterm-256color (what mosh gives its sessions); `tmux pipe-pane -o` copies every byte the
# pane receives, after the pty's output processing (LF -> CRLF), into NAME.COLSxROWS.vt here.
# Interactive programs are driven with send-keys and the recording stops while they are still on
# screen, so the final screen is the program's, not the shell's after it quits.
#
#   conformance/src/test/resources/vt-corpus/record.sh [NAME...]    (default: all)
#
# The files are committed; the differential test only replays them, so CI needs none of these
# programs. Re-recording changes them (clock, process list, sizes of files): review the diff.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sock="jmosh-vt-record-$$"
work=$(mktemp -d)
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export LANG=C.UTF-8
unset LC_ALL TMUX

# start NAME COLS ROWS COMMAND: a pane of that size that waits for Enter, then runs COMMAND
start() {
  local name=$1 cols=$2 rows=$3 cmd=$4
  out="$here/$name.${cols}x${rows}.vt"
  rm -f "$out"
  T new-session -d -s "$name" -x "$cols" -y "$rows" \
    "stty -echo; read -r _; stty echo; export TERM=xterm-256color LANG=C.UTF-8; $cmd; tmux wait-for -S $name-done; sleep 30"
  T set-option -t "$name" status off
  T pipe-pane -o -t "$name" "cat >> '$out'"
  sleep 0.3
  T send-keys -t "$name" Enter
}

# keys NAME PAUSE KEY...: sends keys (tmux names, or -l TEXT for literal text only), then waits
keys() {
  local name=$1 pause=$2
  shift 2
  T send-keys -t "$name" "$@"
  sleep "$pause"
}

# line NAME PAUSE TEXT: types TEXT literally and Enter, then waits
line() {
  T send-keys -t "$1" -l "$3"
  T send-keys -t "$1" Enter
  sleep "$2"
}

# finish NAME: stops the copy (the program may still run) and closes the pane
finish() {
  local name=$1
  T pipe-pane -t "$name"
  sleep 0.5
  T kill-session -t "$name"
  local size
  size=$(wc -c < "$out")
  echo "recorded $(basename "$out") ($size bytes)"
}

# await NAME: waits (at most 60 s) for a non-interactive COMMAND to end
await() {
  timeout 60 tmux -L "$sock" -f /dev/null wait-for "$1-done"
}

rec_ls() {
  start ls 100 30 "ls --color=always -lR /usr/share/doc | head -n 80"
  await ls; finish ls
}

rec_top_batch() {
  start top-batch 100 30 "top -b -n 1 -w 100 | head -n 40"
  await top-batch; finish top-batch
}

rec_top() {
  start top 80 24 "top -d 0.5"
  sleep 2.5
  finish top
}

rec_htop() {
  start htop 100 30 "htop -d 5"
  sleep 2.5
  keys htop 1 F2     # setup screen: boxes, menus, colours
  keys htop 0.5 Down Down Right
  finish htop
}

rec_vim() {
  cp "$here/../../../../../modules/vt-emulator/src/main/java/dev/jmosh/vt/Color.java" "$work/Color.java"
  start vim 80 24 "cd '$work' && vim -u DEFAULTS -i NONE -N -c 'syntax on' -c 'set number' Color.java"
  sleep 1.5
  keys vim 0.3 -l '20G'
  keys vim 0.3 -l 'o'
  keys vim 0.3 -l '    // édité: 中文 ✓ and a long line that wraps past the right margin of the window'
  keys vim 0.3 Escape
  line vim 0.3 ':split'
  keys vim 0.3 -l 'G'
  keys vim 0.3 -l 'dd'
  line vim 0.3 ':set list'
  keys vim 0.3 C-w j
  line vim 0.3 '/Color'
  finish vim
}

rec_less() {
  start less 80 24 "less -R /usr/share/common-licenses/GPL-3"
  sleep 1
  keys less 0.3 Space
  keys less 0.3 -l '/software'
  keys less 0.3 Enter
  keys less 0.3 -l 'n'
  keys less 0.3 -l 'k'
  keys less 0.3 -l 'k'
  finish less
}

rec_man() {
  start man 80 24 "MANPAGER='less -R' MANWIDTH=80 man ls"
  sleep 2
  keys man 0.3 Space
  keys man 0.3 -l '/--color'
  keys man 0.5 Enter
  finish man
}

rec_git_log() {
  start git-log 100 40 "git --git-dir=/work/.mirror/mobile-shell+mosh/repo log --graph --color=always --decorate=short --date=short --format='%C(yellow)%h%C(reset) %C(green)%ad%C(reset) %s%C(auto)%d' --all -n 120 | cat"
  await git-log; finish git-log
}

rec_shell() {
  start shell 100 30 "env -i HOME=/tmp TERM=xterm-256color LANG=C.UTF-8 PATH=/usr/bin:/bin bash --norc --noprofile -i"
  sleep 1
  line shell 0.3 "PS1='\\[\\e[1;38;5;39m\\]\\u\\[\\e[0m\\]@\\[\\e[38;2;255;135;0m\\]\\h\\[\\e[0m\\] \\[\\e[48;5;236;3;32m\\] \\w \\[\\e[0m\\]\\[\\e[35m\\]❯\\[\\e[0m\\] '"
  line shell 0.3 "clear"
  line shell 0.3 "ls --color=always -F /usr /etc/apt"
  line shell 0.3 "printf '\\e[1mbold\\e[22m \\e[2mfaint\\e[22m \\e[3mitalic\\e[23m \\e[4munder\\e[24m \\e[9mstrike\\e[29m \\e[7minverse\\e[27m\\n'"
  line shell 0.3 "for i in 1 2 3; do printf '\\e[38;5;%dm█▓▒░ colour %d 表 😀\\e[0m\\n' \$((i*40)) \$i; done"
  line shell 0.3 "echo a long command line that goes past the right margin of the terminal and wraps onto the next row"
  line shell 0.3 "cd /usr/share/doc && pwd"
  keys shell 0.3 -l "echo unfinished input"
  keys shell 0.3 C-a
  finish shell
}

all=(ls top_batch top htop vim less man git_log shell)
for r in "${@:-${all[@]}}"; do
  "rec_${r//-/_}"
done
