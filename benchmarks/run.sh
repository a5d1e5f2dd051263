#!/usr/bin/env bash
# Runs the W1 whole-job benchmark (shared/BENCHMARKS.md) at each parallelism, interleaved with the
# single-thread baseline: every repetition is a fresh JVM, and one round runs every configuration
# once before the next round starts, so drift on a noisy machine hits all of them alike.
# Builds nothing: package first with
#   mvn -B -o -pl benchmarks -am package -DskipTests
# Prints the RESULT lines as they come and MEDIAN lines at the end; exits 1 on a wrong checksum.
#
# Environment (defaults in brackets):
#   BENCH_TARGET   the module's build directory [benchmarks/target]
#   WORKLOAD       [W1]     RECORDS [20000000]     REPETITIONS [3]     PARALLELISMS ["1 2"]
#   JAVA           [java]   JAVA_OPTS [-Xmx4g]     OUT  file that keeps all lines [a temp file]
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_TARGET=${BENCH_TARGET:-benchmarks/target}
WORKLOAD=${WORKLOAD:-W1}
RECORDS=${RECORDS:-20000000}
REPETITIONS=${REPETITIONS:-3}
PARALLELISMS=${PARALLELISMS:-1 2}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx4g}
OUT=${OUT:-$(mktemp -t millrace-bench.XXXXXX)}

CLASSPATH="$BENCH_TARGET/millrace-benchmarks.jar:$BENCH_TARGET/lib/*"
if [[ ! -f "$BENCH_TARGET/millrace-benchmarks.jar" ]]; then
  echo "No $BENCH_TARGET/millrace-benchmarks.jar: run 'mvn -pl benchmarks -am package -DskipTests' first" >&2
  exit 2
fi

run() {  # main class, then its arguments
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  "$JAVA" $JAVA_OPTS -cp "$CLASSPATH" "org.millrace.benchmarks.$1" "${@:2}" --records "$RECORDS" --repetitions 1 \
    | grep '^RESULT ' | tee -a "$OUT"
}

: > "$OUT"
status=0
for round in $(seq 1 "$REPETITIONS"); do
  echo "# round $round of $REPETITIONS" >&2
  run SingleThreadBaseline --workload "$WORKLOAD" || status=1
  for p in $PARALLELISMS; do
    run WholeJobBenchmark --workload "$WORKLOAD" --parallelism "$p" || status=1
  done
done

"$JAVA" -cp "$CLASSPATH" org.millrace.benchmarks.ResultSummary < "$OUT" || status=1
echo "# all lines in $OUT" >&2
exit $status
