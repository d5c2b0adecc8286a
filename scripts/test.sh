#!/usr/bin/env bash
# The tests, on a fresh machine too: installs what they need where it is missing (Debian packages:
# maven, chromium for the report tests in a real browser, time for the benchmarks' smoke run,
# redis-server for the shared-cache tests; as root or through sudo), then runs `mvn -B verify`. The fork tests run on Java 17 and on the
# Temurin 25 JDK at /usr/lib/jvm/temurin-25-jdk-amd64; where that JDK is missing, the Java 25
# runs are left out and this says so (CI requires it: .ci/run). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -x /usr/bin/time ] || need+=(time)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$jdk25/bin/java" ]; then
  exec mvn -B verify "$@"
fi
echo "test.sh: no JDK at $jdk25: the fork tests run on Java 17 only; the Java 25 runs (and the" \
  "Java 25 warning test) are NOT run here" >&2
exec mvn -B verify -Dperfweave.it.extraJdk= "$@"
