#!/usr/bin/env bash
# The shared cache's cost per call (JMH, the real agent jar, a real redis-server on a free local
# port): an own-cache miss answered by Redis, an own-cache miss without a shared level, and both
# with Redis down. Usage: scripts/bench-shared-cache.sh   (after mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" > "$dir/redis.log" &
redis=$!
trap 'kill $redis 2>/dev/null; rm -rf "$dir"' EXIT
sleep 0.5
cd benchmarks
PERFWEAVE_REDIS_URL="redis://127.0.0.1:$port" java -jar target/benchmarks.jar 'SharedCacheBenchmark' -rf text -rff "$dir/result.txt" > "$dir/jmh.log"
grep -E "^(# Benchmark:|Iteration)" "$dir/jmh.log" > "${JMH_ITERATIONS:-/dev/null}" || true
cat "$dir/result.txt"
echo "redis keys stored: $(redis-cli -p "$port" dbsize)"
