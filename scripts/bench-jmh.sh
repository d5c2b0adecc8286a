#!/usr/bin/env bash
# Per-call costs (JMH, real agent jars attached to the forked JVMs): perfweave's advice, the
# OpenTelemetry agent on the same method and on the same JDK HttpClient call, the built-in HTTP
# site on an OkHttp call answered from memory, and the same policies written by hand with
# Caffeine and Resilience4j. Prints markdown tables.
# Usage: scripts/bench-jmh.sh [JMH OPTIONS...]   (default: each benchmark class's own settings)
set -euo pipefail
cd "$(dirname "$0")/../benchmarks"
work=$(mktemp -d)
java -jar target/benchmarks.jar 'AdviceBenchmark|MethodOpenTelemetry|HandWrittenPolicies|HttpSend|HttpCanned' \
  -rf csv -rff "$work/jmh.csv" "$@" > "$work/log" 2>&1 || { tail -30 "$work/log" >&2; exit 1; }

# "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
awk -F, 'NR > 1 { gsub(/["\r]/, ""); n = split($1, p, "."); printf "%s.%s\t%s\t%s\t%s\n", p[n-1], p[n], $5, $6, $7 }' "$work/jmh.csv" > "$work/scores"
score() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$work/scores"; }

echo "| benchmark | score | ± (99.9%) | unit |"
echo "|---|---:|---:|---|"
awk -F'\t' '{ e = ($3 == "NaN" ? "—" : sprintf("%.1f", $3)); printf "| `%s` | %.1f | %s | %s |\n", $1, $2, e, $4 }' "$work/scores"
echo
echo "| per call, over the same call unwoven | perfweave | peer | peer ÷ perfweave |"
echo "|---|---:|---:|---:|"
row() { # label, perfweave, perfweave baseline, peer, peer baseline, unit
  awk -v l="$1" -v p="$2" -v pb="$3" -v q="$4" -v qb="$5" -v u="$6" \
    'BEGIN { a = p - pb; b = q - qb; printf "| %s | %.1f %s | %.1f %s | %.2f× |\n", l, a, u, b, u, (a > 0 ? b / a : 0) }'
}
row "timing a method (OpenTelemetry: method instrumentation, a span per call)" \
  "$(score AdviceBenchmark.timing)" "$(score AdviceBenchmark.baseline)" \
  "$(score MethodOpenTelemetry.timing)" "$(score MethodOpenTelemetry.baseline)" ns
row "cache hit (peer: Caffeine get, hand-written)" \
  "$(score AdviceBenchmark.cacheHit)" "$(score AdviceBenchmark.baseline)" "$(score HandWrittenPolicies.caffeineHit)" 0 ns
row "retry, call never fails (peer: Resilience4j, hand-written)" \
  "$(score AdviceBenchmark.retryNoFailure)" "$(score AdviceBenchmark.baseline)" "$(score HandWrittenPolicies.resilience4jRetryNoFailure)" 0 ns
row "JDK HttpClient JSON-RPC call to 127.0.0.1 (OpenTelemetry: its HttpClient instrumentation)" \
  "$(score HttpSendPerfweave.send)" "$(score HttpSendNoAgent.send)" "$(score HttpSendOpenTelemetry.send)" "$(score HttpSendNoAgent.send)" µs
echo
awk -v p="$(score HttpCannedPerfweave.call)" -v b="$(score HttpCannedNoAgent.call)" \
  'BEGIN { printf "The HTTP site on an OkHttp call answered from memory (no socket): %.0f ns over the call unwoven (%.0f ns).\n", p - b, b }'
rm -rf "$work"
