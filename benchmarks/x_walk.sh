#!/usr/bin/env bash
# The station on a real X server, driven by real X key events (issue 10): a badge scan, then for each
# shipped template a parcel (scan, Enter: box intact) and its item (scan the item, A: all as expected,
# Space: photo, Enter: finish and print). Scanner bursts are typed by xdotool at 3 ms per key plus Enter.
# Prints the actions per parcel and per item, the LPNs of the labelled items and the label files, and
# leaves a screenshot of every step in OUTDIR.
#
#   benchmarks/x_walk.sh [WIDTHxHEIGHT] [nl|en] [OUTDIR]      (default 1366x768 nl /tmp/x-walk)
#
# Needs Xvfb, xdotool and ImageMagick's import (apt-get install xvfb xdotool imagemagick).
set -uo pipefail
cd "$(dirname "$0")/.."
size=${1:-1366x768}; lang=${2:-nl}; out=${3:-/tmp/x-walk}
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install xvfb xdotool imagemagick"; exit 2; }
done
rm -rf "$out"; mkdir -p "$out"
data="$out/data"
.venv/bin/python benchmarks/x_walk_plan.py "$data" "$lang" > "$out/plan.json" 2>"$out/plan.log" \
  || { cat "$out/plan.log"; exit 1; }
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $app $xvfb 2>/dev/null' EXIT
sleep 1
export DISPLAY=$display QT_QPA_PLATFORM=xcb
INSPECTOR_DATA_DIR="$data" .venv/bin/inspector > "$out/app.log" 2>&1 & app=$!
shot() { import -display "$display" -window root "$out/$1.png" 2>/dev/null; }
actions=0
burst() { xdotool type --delay 3 "$1"; xdotool key --delay 3 Return; actions=$((actions + 1)); sleep 0.8; }  # scanner
key() { sleep 0.25; xdotool key "$1"; actions=$((actions + 1)); sleep 0.8; }                                 # person
for _ in $(seq 60); do xdotool search --name "Return Inspector" >/dev/null 2>&1 && break; sleep 0.5; done
sleep 2; shot 00-login
burst BDG000001; sleep 1.5; shot 01-logged-in
echo "log in: $actions action(s)"
n=0
while read -r template tracking item; do
  n=$((n + 1)); step=$(printf %02d "$n"); before=$actions
  burst "$tracking"; shot "$step-a-$template-parcel"
  key Return; shot "$step-b-$template-box"
  parcel=$((actions - before)); before=$actions
  burst "$item"; shot "$step-c-$template-item"
  key a; shot "$step-d-$template-answers"
  key space; sleep 0.7; shot "$step-e-$template-photo"
  key Return; sleep 1.2; shot "$step-f-$template-done"
  echo "$template: $parcel actions for the parcel, $((actions - before)) for its item"
done < <(.venv/bin/python -c 'import json, sys
for p in json.load(open(sys.argv[1])): print(p["template"], p["tracking"], p["item"])' "$out/plan.json")
sleep 1
kill "$app"; wait "$app" 2>/dev/null
.venv/bin/python - "$data/inspector.sqlite3" "$data/labels" <<'PY'
import sqlite3, sys
from pathlib import Path
rows = sqlite3.connect(sys.argv[1]).execute(
    "select lpn from inspections where status = 'finished' and lpn is not null order by lpn").fetchall()
print(f"labelled items: {len(rows)} ({', '.join(r[0] for r in rows)})")
print(f"label files: {len(list(Path(sys.argv[2]).glob('*')))}")
PY
errors=$(grep -ciE "traceback|error" "$out/app.log")
echo "errors in the log: $errors; screenshots in $out"
