#!/usr/bin/env bash
# Start-up: wall time and peak RSS of a small application with no agent, perfweave without and
# with profiling, the JDK's own JFR recording started from the command line with its `default`
# settings (what starting a recording costs any agent), and the OpenTelemetry agent (exporters
# off). APP is StartupApp (one JSON-RPC call with the JDK's HttpClient to a server on 127.0.0.1,
# then exit; the default) or HelloApp (one println). Runs interleaved; prints a markdown table of
# medians. Needs /usr/bin/time. Usage: scripts/bench-startup.sh [REPEATS] [APP]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-7}"
app_class="${2:-StartupApp}"
work=$(mktemp -d)
app=(-cp benchmarks/target/benchmarks.jar "com.example.bench.$app_class")
agent=agent/target/perfweave-agent.jar
otel=benchmarks/target/peers/opentelemetry-javaagent.jar
printf 'output: %s/out\n' "$work" > "$work/perfweave.yaml"

options() {
  case "$1" in
    no-agent) ;;
    perfweave) echo "-javaagent:$agent=config=$work/perfweave.yaml -Dperfweave.profiling.jfr.enabled=false -Dperfweave.profiling.asyncProfiler.enabled=false" ;;
    perfweave+profiling) echo "-javaagent:$agent=config=$work/perfweave.yaml" ;;
    jdk-jfr) echo "-XX:StartFlightRecording:settings=default,filename=$work/jdk.jfr" ;;
    opentelemetry) echo "-javaagent:$otel -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none" ;;
  esac
}

modes=(no-agent perfweave perfweave+profiling jdk-jfr opentelemetry)
for _ in $(seq "$repeats"); do
  for mode in "${modes[@]}"; do
    # shellcheck disable=SC2046
    /usr/bin/time -f "%e %M" -o "$work/time" java $(options "$mode") "${app[@]}" > "$work/stdout" 2> "$work/stderr" \
      || { echo "$mode failed: $(tail -3 "$work/stderr")" >&2; exit 1; }
    grep -q '"result"' "$work/stdout" || { echo "$mode: no answer" >&2; exit 1; }
    # a run perfweave did not weave starts faster for the wrong reason
    case "$app_class:$mode" in StartupApp:perfweave*) grep -q '^  http:127.0.0.1:' "$work/stderr" \
      || { echo "$mode: the call was not timed: $(grep -m1 perfweave: "$work/stderr")" >&2; exit 1; } ;; esac
    read -r secs kb < "$work/time"
    echo "$mode $secs $kb" >> "$work/rows"
  done
done

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
base_s=$(grep "^no-agent " "$work/rows" | awk '{print $2}' | median)
base_kb=$(grep "^no-agent " "$work/rows" | awk '{print $3}' | median)
echo "| mode | wall s (median of $repeats) | added ms | × no agent | peak RSS MB | added MB |"
echo "|---|---:|---:|---:|---:|---:|"
for mode in "${modes[@]}"; do
  s=$(grep "^$mode " "$work/rows" | awk '{print $2}' | median)
  kb=$(grep "^$mode " "$work/rows" | awk '{print $3}' | median)
  awk -v m="$mode" -v s="$s" -v b="$base_s" -v kb="$kb" -v bkb="$base_kb" \
    'BEGIN{printf "| %s | %.2f | %.0f | %.2f | %.0f | %.0f |\n", m, s, (s-b)*1000, s/b, kb/1024, (kb-bkb)/1024}'
done
rm -rf "$work"
