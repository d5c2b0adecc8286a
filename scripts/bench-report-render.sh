#!/usr/bin/env bash
# report.html's size and how long Chromium takes to load and draw it, for the analyzer benchmark's
# largest recording, side by side with a blank page in the same run (the browser's own start).
# Needs chromium and /usr/bin/time. Usage: scripts/bench-report-render.sh [CALLS] [ROUNDS]
# (default 22000000 calls, about 0.9 GB of JFR as in scripts/analyzer-bench.sh; 7 rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-22000000}
rounds=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'output: %s\nprofiling:\n  jfr: { maxSize: 4GB, callEventsPerSecond: 0 }\n  asyncProfiler: { enabled: false }\nsites:\n  - name: balance-read\n    match: { type: com.example.testbed.NodeClient, method: getBalance }\n' "$work/rec" > "$work/c.yaml"
java -javaagent:agent/target/perfweave-agent.jar=config="$work/c.yaml" \
  -cp testbed/target/testbed.jar com.example.testbed.HotApp 3000 "$calls" >/dev/null 2>&1
file=$(ls "$work"/rec/*.jfr | head -1)
java -jar analyzer/target/perfweave-analyzer.jar analyze "$file" --out "$work/report" > /dev/null 2> "$work/analyze.err" \
  || { cat "$work/analyze.err" >&2; exit 1; }
echo '<!DOCTYPE html><html><body></body></html>' > "$work/blank.html"

render() { # page -> seconds for chromium to start, load, run the page's script and dump the DOM
  /usr/bin/time -f "%e" -o "$work/t" chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --dump-dom "file://$1" > "$work/dom" 2>/dev/null
  cat "$work/t"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

for _ in $(seq "$rounds"); do  # interleaved, so that the machine's noise falls on both alike
  render "$work/blank.html" >> "$work/blank"
  render "$work/report/report.html" >> "$work/page"
done
grep -q 'class="chart histogram"' "$work/dom" || { echo "report.html did not draw its charts" >&2; exit 1; }
blank=$(median < "$work/blank"); page=$(median < "$work/page")
echo "| recording | report.html | report.json | Chromium, blank page (s) | Chromium, report.html (s) | the page's own load and drawing (s) |"
echo "|---:|---:|---:|---:|---:|---:|"
echo "| $(du -m "$file" | cut -f1) MB | $(du -k "$work/report/report.html" | cut -f1) KB | $(du -k "$work/report/report.json" | cut -f1) KB | $blank | $page | $(awk -v a="$page" -v b="$blank" 'BEGIN{printf "%.2f", a-b}') |"
