#!/usr/bin/env bash
# The analyzer's planning and what-if replay (PlansBenchmark, JMH) on synthetic models of many
# calls: one site and four, a cache and a retry finding on each. BEFORE=an older
# perfweave-analyzer.jar adds its rows, run the same way, first. Prints a markdown table.
# Usage: [BEFORE=JAR] scripts/bench-plans.sh [JMH OPTIONS...]   (after mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rows() { # label, analyzer jar, JMH options...
  local label=$1 jar=$2; shift 2
  java -cp benchmarks/target/benchmarks.jar:"$jar" org.openjdk.jmh.Main PlansBenchmark -p sites=1,4 \
    -rf csv -rff "$work/$label.csv" "$@" > "$work/$label.log" 2>&1 || { tail -30 "$work/$label.log" >&2; exit 1; }
  # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: calls","Param: sites"
  awk -F, -v l="$label" 'NR > 1 { gsub(/["\r]/, ""); e = ($6 == "NaN" ? "—" : sprintf("%.0f", $6));
    printf "| %s | %s | %s | %.0f | %s |\n", l, $9, $8, $5, e }' "$work/$label.csv"
}

echo "| analyzer | sites | calls a site | ms a plan | ± (99.9%) |"
echo "|---|---:|---:|---:|---:|"
[ -z "${BEFORE:-}" ] || rows before "$BEFORE" "$@"
rows "this build" analyzer/target/perfweave-analyzer.jar "$@"
