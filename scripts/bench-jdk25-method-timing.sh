#!/usr/bin/env bash
# Per-call cost on the Temurin 25 JDK, side by side in one run (AdviceBenchmark, com.example.bench
# Targets: the same trivial method in each class): the bare method; JDK 25's own method timing
# (JEP 520, -XX:StartFlightRecording:method-timing=...) and per-call method tracing (method-trace)
# of it; perfweave's timing without and with the caller's stack (sites' default), with an event
# for every call, cache hit.
# Prints a markdown table. Usage: scripts/bench-jdk25-method-timing.sh [FORKS]
set -euo pipefail
forks=${1:-1}
cd "$(dirname "$0")/../benchmarks"
jdk=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
agent=$(realpath ../agent/target/perfweave-agent.jar)
work=$(mktemp -d)
plain='com.example.bench.Targets$Plain::get'

run() {
  local label=$1 benchmark=$2 options=$3
  java -jar target/benchmarks.jar "AdviceBenchmark.$benchmark\$" -f "$forks" -jvm "$jdk" \
    -jvmArgsAppend "$options" -rf csv -rff "$work/run.csv" > "$work/run.log" 2>&1 \
    || { tail -20 "$work/run.log" >&2; exit 1; }
  awk -F, -v l="$label" 'NR > 1 { gsub(/"/, ""); printf "| %s | %.1f ± %.1f |\n", l, $5, $6 }' "$work/run.csv"
}

echo "| on $("$jdk" -version 2>&1 | head -1 | tr -d '"') | ns/op |"
echo "|---|---:|"
run "bare method" baseline "-Dnone=1"
run "JDK method-timing" baseline "-XX:StartFlightRecording:method-timing=$plain,filename=$work/timing.jfr"
run "JDK method-trace (an event per call)" baseline "-XX:StartFlightRecording:method-trace=$plain,filename=$work/trace.jfr"
run "perfweave timing, stackTrace: false" timing "-javaagent:$agent=config=bench-perfweave.yaml"
run "perfweave timing, a site's defaults (stack)" timingWithStackTrace "-javaagent:$agent=config=bench-perfweave.yaml"
run "perfweave timing, an event per call (callEventsPerSecond: 0)" timing \
  "-javaagent:$agent=config=bench-perfweave.yaml -Dperfweave.profiling.jfr.callEventsPerSecond=0"
run "perfweave cache hit" cacheHit "-javaagent:$agent=config=bench-perfweave.yaml"
rm -rf "$work"
