#!/usr/bin/env bash
# Profiling overhead on the sample application: CPU time and throughput with no agent, the agent
# timing only (no recordings), the agent with JFR only, and the agent with JFR + async-profiler.
# Runs are interleaved; prints one markdown row per run and the medians.
# Needs /usr/bin/time (Debian package `time`). Usage: scripts/profiling-overhead.sh [REPEATS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-5}"
rounds="${2:-150}"
app="sample-app/target/perfweave-sample-app.jar"
agent="-javaagent:agent/target/perfweave-agent.jar=config=sample-app/perfweave.yaml"
out=$(mktemp -d)

run() { # name, jvm options...
  local name=$1; shift
  /usr/bin/time -f "%U %S %e" -o "$out/time" java "$@" -jar "$app" --rounds "$rounds" --failure-rate 0 \
    > "$out/stdout" 2> "$out/stderr"
  read -r user sys wall < "$out/time"
  local ops
  ops=$(awk '/^  (getBlockCount|getBalance|sendTransaction) /{n+=$2} END{print n}' "$out/stdout")
  local tput
  tput=$(awk -v n="$ops" -v w="$wall" 'BEGIN{printf "%.1f", n/w}')
  local cpu_ms
  cpu_ms=$(awk -v u="$user" -v s="$sys" -v n="$ops" 'BEGIN{printf "%.3f", (u+s)*1000/n}')
  echo "$name $cpu_ms $tput" >> "$out/rows"
  echo "| $name | $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}') | $wall | $ops | $cpu_ms | $tput |"
}

echo "| mode | CPU s | wall s | requests | CPU ms/request | requests/s |"
echo "|---|---|---|---|---|---|"
for i in $(seq "$repeats"); do
  run "no-agent"
  run "timing-only" "$agent" -Dperfweave.profiling.jfr.enabled=false -Dperfweave.profiling.asyncProfiler.enabled=false
  run "jfr" "$agent" -Dperfweave.profiling.asyncProfiler.enabled=false
  run "jfr+async-profiler" "$agent"
done
echo
echo "| mode | median CPU ms/request | median requests/s |"
echo "|---|---|---|"
for mode in no-agent timing-only jfr jfr+async-profiler; do
  grep "^$mode " "$out/rows" | awk '{print $2, $3}' | sort -n > "$out/m"
  cpu=$(awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}' "$out/m")
  tput=$(sort -k2 -n "$out/m" | awk '{a[NR]=$2} END{print a[int((NR+1)/2)]}')
  echo "| $mode | $cpu | $tput |"
done
rm -rf "$out" perfweave-out
