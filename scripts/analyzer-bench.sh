#!/usr/bin/env bash
# Analyzer throughput and peak memory against JDK Mission Control 9.1.2's rules HTML report, a
# bare jdk.jfr.consumer read and async-profiler's JfrReader, on recordings of growing size made
# here by the testbed's HotApp under the agent (RPC events with stack traces, CPU samples).
# Needs /usr/bin/time (Debian package `time`) and a built benchmarks module (JMC's jars).
# Usage: [JMC_MAX_MB=N] scripts/analyzer-bench.sh [CALLS...]
# (default: 450000 4500000 22000000 calls, about 20 MB, 250 MB and 1.2 GB of JFR; JMC_MAX_MB skips
# JMC on larger files: it runs out of memory on the largest and is then stopped after ten minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(450000 4500000 22000000)
work=$(mktemp -d)
bench=benchmarks/target/benchmarks.jar
analyzer=analyzer/target/perfweave-analyzer.jar
# JMC 9.1.2 and its dependencies, copied by the benchmarks module's build
jmc_cp=$(ls benchmarks/target/peers/jmc/*.jar | tr '\n' ':')

measure() { # label, file, command...
  local label=$1 file=$2; shift 2
  # JMC runs out of memory on the largest file and then hangs: ten minutes is its limit
  /usr/bin/time -f "%e %M" -o "$work/time" timeout -k 10 600 "$@" > "$work/out" 2>&1 || echo "  ($label exited $?: $(tail -1 "$work/out"))" >&2
  read -r secs kb < <(tail -1 "$work/time")
  local mb; mb=$(du -m "$file" | cut -f1)
  echo "| $(basename "$file") | $mb | $label | $secs | $(awk -v m="$mb" -v s="$secs" 'BEGIN{printf "%.1f", m/s}') | $((kb / 1024)) |"
}

echo "| recording | MB | reader | seconds | MB/s | peak RSS MB |"
echo "|---|---:|---|---:|---:|---:|"
for calls in "${sizes[@]}"; do
  dir="$work/rec-$calls"
  printf 'output: %s\nprofiling:\n  jfr: { maxSize: 4GB, callEventsPerSecond: 0 }\n  asyncProfiler: { enabled: false }\nsites:\n  - name: balance-read\n    match: { type: com.example.testbed.NodeClient, method: getBalance }\n' "$dir" > "$work/c.yaml"
  java -javaagent:agent/target/perfweave-agent.jar=config="$work/c.yaml" \
    -cp testbed/target/testbed.jar com.example.testbed.HotApp 3000 "$calls" >/dev/null 2>&1
  file=$(ls "$dir"/*.jfr | head -1)
  measure "perfweave-analyzer analyze" "$file" java -jar "$analyzer" analyze "$file" --out "$work/report-$calls"
  echo "|  |  | (report.html $(du -k "$work/report-$calls/report.html" | cut -f1) KB, report.json $(du -k "$work/report-$calls/report.json" | cut -f1) KB) |  |  |  |"
  measure "jdk.jfr.consumer, every event" "$file" java -cp "$bench" io.perfweave.analyzer.ReaderBaselines consumer "$file"
  measure "async-profiler JfrReader" "$file" java -cp "$bench" io.perfweave.analyzer.ReaderBaselines jfrreader "$file"
  if [ -z "${JMC_MAX_MB:-}" ] || [ "$(du -m "$file" | cut -f1)" -le "$JMC_MAX_MB" ]; then
    measure "JMC 9.1.2 JfrHtmlRulesReport" "$file" java -cp "$jmc_cp" org.openjdk.jmc.flightrecorder.rules.report.html.JfrHtmlRulesReport "$file" "$work/jmc-$calls.html"
  fi
  rm -rf "$dir"
done
rm -rf "$work"
