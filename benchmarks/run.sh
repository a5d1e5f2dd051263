#!/usr/bin/env bash
# Runs the whole-job workloads of shared/BENCHMARKS.md on Millrace, on Apache Flink and as the
# hand-written single-thread program. Every run is a fresh JVM, and one round runs every
# configuration once before the next round starts, so drift on a noisy machine hits all alike.
# Prints the RESULT lines as they come, then MEDIAN lines, the Markdown comparison table and which
# checksums differ between engines; exits 1 on a wrong or disagreeing checksum. Each RESULT line ends
# with the JVM's peak RSS (peak_rss_mib, read by the JVM from /proc/self/status as the run ends, so
# all engines measure it alike); the table shows the medians per engine.
#
#   benchmarks/run.sh [--engine millrace|flink|baseline|all] [--workload W1|W2|W3|W4|W5|W4-rebalance|W4-keyby|all]
#                     [-p N]... [-n RECORDS] [--repetitions R]
# Options may repeat (-p 1 -p 2) or take a list (-p "1 2", --workload W1,W3). Without -n each workload
# runs its default size: W1/W2/W5 20M, W3 10M, W4 100M.
# The single-thread program has no W4 and runs only at p=1.
#
# Millrace must be packaged first:   mvn -B -o -pl benchmarks -am package -DskipTests
# Flink (a separate build that downloads Apache Flink) is built here on demand when requested.
#
# Environment: BENCH_TARGET [benchmarks/target]  FLINK_TARGET [benchmarks/flink/target]
#              JAVA [java]  JAVA_OPTS [-Xmx4g]  MVN [mvn]  OUT file keeping all lines [a temp file]
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_TARGET=${BENCH_TARGET:-benchmarks/target}
FLINK_TARGET=${FLINK_TARGET:-benchmarks/flink/target}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx4g}
MVN=${MVN:-mvn}
OUT=${OUT:-$(mktemp -t millrace-bench.XXXXXX)}

engines=() workloads=() parallelisms=() records="" repetitions=1
usage() { sed -n '10,11p' "$0" | sed 's/^# *//' >&2; exit 2; }
list() { echo "$1" | tr ',' ' '; }
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || usage
  case "$1" in
    --engine) engines+=($(list "$2")) ;;
    --workload) workloads+=($(list "$2")) ;;
    -p|--parallelism) parallelisms+=($(list "$2")) ;;
    -n|--records) records=$2 ;;
    --repetitions) repetitions=$2 ;;
    *) usage ;;
  esac
  shift 2
done
[[ ${#engines[@]} -eq 0 || " ${engines[*]} " == *" all "* ]] && engines=(baseline millrace flink)
[[ ${#workloads[@]} -eq 0 || " ${workloads[*]} " == *" all "* ]] && workloads=(W1 W2 W3 W4 W5)
[[ ${#parallelisms[@]} -eq 0 ]] && parallelisms=(1 2)
expanded=()
for w in "${workloads[@]}"; do
  case "$w" in
    W4|w4) expanded+=(W4-rebalance W4-keyby) ;;
    W1|W2|W3|W5|W4-rebalance|W4-keyby|w1|w2|w3|w5) expanded+=("${w^^}") ;;
    *) echo "Unknown workload $w" >&2; usage ;;
  esac
done
workloads=("${expanded[@]}")
has_engine() { [[ " ${engines[*]} " == *" $1 "* ]]; }

default_records() {
  case "$1" in
    W3) echo 10000000 ;;
    W4-*) echo 100000000 ;;
    *) echo 20000000 ;;
  esac
}

if [[ ! -f "$BENCH_TARGET/millrace-benchmarks.jar" ]]; then
  echo "No $BENCH_TARGET/millrace-benchmarks.jar: run 'mvn -pl benchmarks -am package -DskipTests' first" >&2
  exit 2
fi
MILLRACE_CP="$BENCH_TARGET/millrace-benchmarks.jar:$BENCH_TARGET/lib/*"
FLINK_CP="$FLINK_TARGET/millrace-benchmarks-flink.jar:$FLINK_TARGET/lib/*"
if has_engine flink && [[ ! -f "$FLINK_TARGET/millrace-benchmarks-flink.jar" ]]; then
  echo "# building the Apache Flink benchmarks (benchmarks/flink)" >&2
  flink_dir=$(basename "$FLINK_TARGET")
  "$MVN" -B -q -f benchmarks/flink/pom.xml package -DskipTests -Dbuild.dirname="$flink_dir"
fi

# runs one configuration in a fresh JVM; exit code 2 is a workload the engine cannot run yet
run() {  # engine, workload, parallelism
  local engine=$1 workload=$2 p=$3 cp main n=${records:-$(default_records "$2")}
  case "$engine" in
    baseline) cp=$MILLRACE_CP main=org.millrace.benchmarks.SingleThreadBaseline ;;
    millrace) cp=$MILLRACE_CP main=org.millrace.benchmarks.WholeJobBenchmark ;;
    flink) cp=$FLINK_CP main=org.millrace.benchmarks.flink.FlinkBenchmark ;;
  esac
  local log rc=0
  log=$(mktemp -t millrace-bench-run.XXXXXX)
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  "$JAVA" $JAVA_OPTS -cp "$cp" "$main" --workload "$workload" --parallelism "$p" --records "$n" --repetitions 1 \
    > "$log" 2> "$log.err" || rc=$?
  grep '^RESULT ' "$log" | tee -a "$OUT" || true
  if [[ $rc -eq 2 ]]; then
    echo "# $engine cannot run $workload yet: skipped" >&2
  elif [[ $rc -ne 0 ]]; then
    echo "# $engine $workload p=$p failed with exit code $rc; its last lines:" >&2
    tail -n 20 "$log.err" >&2
    status=1
  fi
  rm -f "$log" "$log.err"
}

: > "$OUT"
status=0
for round in $(seq 1 "$repetitions"); do
  echo "# round $round of $repetitions" >&2
  for w in "${workloads[@]}"; do
    if has_engine baseline && [[ $w != W4-* ]]; then run baseline "$w" 1; fi
    for p in "${parallelisms[@]}"; do
      if has_engine millrace; then run millrace "$w" "$p"; fi
      if has_engine flink; then run flink "$w" "$p"; fi
    done
  done
done

"$JAVA" -cp "$MILLRACE_CP" org.millrace.benchmarks.ResultSummary < "$OUT" || status=1
echo "# all lines in $OUT" >&2
exit $status
