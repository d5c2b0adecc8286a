#!/usr/bin/env bash
# Runs every benchmark side by side with its baseline and peers and rewrites the tables in
# BENCHMARKS.md (between <!-- bench:NAME --> and <!-- /bench:NAME -->), or, with --out FILE,
# writes them to FILE. --quick runs each with the least that still exercises it (CI smoke: the
# figures are not meaningful). Needs /usr/bin/time (Debian package `time`); downloads JMC 9.1.2.
#   scripts/benchmarks.sh                 # full: about 40 minutes on 2 cores
#   scripts/benchmarks.sh --quick --out target/benchmarks-quick.md
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
out=BENCHMARKS.md
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the start-up table of StartupApp (REPEATS $1), then HelloApp's, the target's trivial application ($2)
startup() {
  scripts/bench-startup.sh "$1" > "$work/startup"
  printf '\nThe trivial application (`com.example.bench.HelloApp`, one `println`), `scripts/bench-startup.sh %s HelloApp`:\n\n' "$2" >> "$work/startup"
  scripts/bench-startup.sh "$2" HelloApp >> "$work/startup"
}

if $quick; then
  scripts/bench-jmh.sh -f 1 -wi 1 -i 1 -w 200ms -r 200ms > "$work/jmh"
  startup 1 1
  scripts/bench-throughput.sh 1 3 100 > "$work/throughput"
  scripts/analyzer-bench.sh 20000 > "$work/analyzer"
  scripts/bench-plans.sh -p calls=20000 -wi 0 -i 1 > "$work/plans"
else
  scripts/bench-jmh.sh > "$work/jmh"
  startup 7 9
  scripts/bench-throughput.sh 3 40 100 > "$work/throughput"
  scripts/analyzer-bench.sh > "$work/analyzer"
  scripts/bench-plans.sh > "$work/plans"
fi

machine="$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
if [ "$out" = BENCHMARKS.md ]; then
  for name in jmh startup throughput analyzer plans; do
    awk -v name="$name" -v file="$work/$name" -v machine="$machine" '
      $0 == "<!-- bench:" name " -->" { print; print "Measured on " machine ":"; print ""; while ((getline line < file) > 0) print line; skip = 1; next }
      $0 == "<!-- /bench:" name " -->" { skip = 0 }
      !skip { print }' "$out" > "$work/new" && mv "$work/new" "$out"
  done
else
  {
    echo "# perfweave benchmarks ($($quick && echo quick mode, not meaningful || echo full))"
    echo
    echo "Measured on $machine."
    for name in jmh startup throughput analyzer plans; do
      echo
      echo "## $name"
      echo
      cat "$work/$name"
    done
  } > "$out"
fi
echo "benchmarks: tables written to $out"
