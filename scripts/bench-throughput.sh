#!/usr/bin/env bash
# Throughput overhead on the sample application (its JSON-RPC scenarios: near, neo, pod; no
# injected failures): at a fixed rate, the application JVM's own CPU per operation (the node runs
# in its own JVM and is not counted; warm-up rounds left out); at maximum rate, operations per
# second. The JIT's compiling within the measured rounds is reported apart: at a low rate it is
# still going on minutes in, and it is a one-time cost. Modes: no agent, perfweave timing only,
# perfweave timing + profiling (JFR and async-profiler), the OpenTelemetry agent (exporters off).
# Runs interleaved; medians.
# Usage: scripts/bench-throughput.sh [REPEATS] [ROUNDS] [RATE]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
rounds="${2:-60}"
rate="${3:-100}"
work=$(mktemp -d)
app=(-jar sample-app/target/perfweave-sample-app.jar --scenario near,neo,pod --failure-rate 0 --port 0)
agent=agent/target/perfweave-agent.jar
otel=benchmarks/target/peers/opentelemetry-javaagent.jar
printf 'output: %s/out\n' "$work" > "$work/perfweave.yaml"

options() {
  case "$1" in
    no-agent) ;;
    perfweave-timing) echo "-javaagent:$agent=config=$work/perfweave.yaml -Dperfweave.profiling.jfr.enabled=false -Dperfweave.profiling.asyncProfiler.enabled=false" ;;
    perfweave-timing+profiling) echo "-javaagent:$agent=config=$work/perfweave.yaml" ;;
    opentelemetry) echo "-javaagent:$otel -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none" ;;
  esac
}

modes=(no-agent perfweave-timing perfweave-timing+profiling opentelemetry)
for _ in $(seq "$repeats"); do
  for mode in "${modes[@]}"; do
    # shellcheck disable=SC2046
    java $(options "$mode") "${app[@]}" --warmup-rounds "$rounds" --rounds "$rounds" --rate "$rate" > "$work/fixed" 2> "$work/err"
    cpu=$(awk '/process CPU/{v=$(NF-1); sub(/\(/,"",v); print v}' "$work/fixed")
    jit=$(awk '/JIT compilation/{v=$(NF-1); sub(/\(/,"",v); print v}' "$work/fixed")
    # shellcheck disable=SC2046
    java $(options "$mode") "${app[@]}" --warmup-rounds "$rounds" --rounds "$rounds" > "$work/max" 2> "$work/err"
    ops=$(awk '/process CPU/{print $(NF-3)}' "$work/max")
    secs=$(awk '/rounds in/{v=$NF; sub(/s$/,"",v); print v}' "$work/max")
    echo "$mode $cpu $(awk -v o="$ops" -v s="$secs" 'BEGIN{printf "%.1f", o/s}') $jit" >> "$work/rows"
    rm -rf "$work/out"
  done
done

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
base_cpu=$(grep "^no-agent " "$work/rows" | awk '{print $2}' | median)
base_tput=$(grep "^no-agent " "$work/rows" | awk '{print $3}' | median)
# CPU less the JIT's compiling in the measured rounds, run by run: the cost that stays once the
# code is compiled (the JIT's time is the JVM's account of its compiler threads)
base_steady=$(grep "^no-agent " "$work/rows" | awk '{print $2 - $4}' | median)
echo "| mode | CPU µs/operation at $rate ops/s | CPU overhead | of which JIT µs/operation | overhead without the JIT | max operations/s | throughput change |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for mode in "${modes[@]}"; do
  cpu=$(grep "^$mode " "$work/rows" | awk '{print $2}' | median)
  jit=$(grep "^$mode " "$work/rows" | awk '{print $4}' | median)
  steady=$(grep "^$mode " "$work/rows" | awk '{print $2 - $4}' | median)
  tput=$(grep "^$mode " "$work/rows" | awk '{print $3}' | median)
  awk -v m="$mode" -v c="$cpu" -v bc="$base_cpu" -v j="$jit" -v s="$steady" -v bs="$base_steady" -v t="$tput" -v bt="$base_tput" \
    'BEGIN{printf "| %s | %.0f | %+.1f%% | %.0f | %+.1f%% | %.1f | %+.1f%% |\n", m, c, (c/bc-1)*100, j, (s/bs-1)*100, t, (t/bt-1)*100}'
done
rm -rf "$work"
