#!/usr/bin/env bash
# Measures the shuffle between two TaskManager JVMs on loopback (RemoteExchangeBenchmark): a
# standalone cluster with its JobManager in the benchmark's JVM and two TaskManager JVMs with one
# slot each, so every record of the job crosses the Netty connection between them.
#   - throughput of W4-keyby (shared/BENCHMARKS.md) as records/s and MB/s, checksum checked;
#   - p50/p99/max latency at a fixed rate with execution.buffer-timeout 0, 1 ms and 100 ms
#     (emit stamps from the wall clock: System.nanoTime() is not comparable across JVMs).
# With --tls true everything runs again on a second cluster whose processes talk TLS
# (security.ssl.internal.*, a certificate made by keytool for the run).
# Prints RESULT and LATENCY lines and a Markdown section; --update-docs also writes that section
# into docs/benchmarks.md (between its exchange-benchmark markers).
#
#   benchmarks/exchange.sh [--update-docs] [--records N] [--repetitions R] [--latency-rate RECORDS_PER_S]
#                          [--latency-seconds S] [--tls true|false]
#
# Defaults: 100,000,000 records, 3 repetitions, 10,000 records/s for 15 s per buffer timeout.
# Environment: BENCH_TARGET [benchmarks/target]  JAVA [java]  JAVA_OPTS [-Xmx1g] (benchmark and
#              JobManager JVM)  TM_JAVA_OPTS [-Xmx2g] (each TaskManager JVM)  MVN [mvn]
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_TARGET=${BENCH_TARGET:-benchmarks/target}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
MVN=${MVN:-mvn}

command="benchmarks/exchange.sh $*"
args=()
for a in "$@"; do
  if [[ $a == --update-docs ]]; then
    args+=(--docs docs/benchmarks.md)
  else
    args+=("$a")
  fi
done
if [[ ! -f "$BENCH_TARGET/millrace-benchmarks.jar" ]]; then
  echo "# building the benchmarks module into $BENCH_TARGET" >&2
  "$MVN" -B -q -pl benchmarks -am package -DskipTests -Dbuild.dirname="$(basename "$BENCH_TARGET")"
fi
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || revision="$revision (+ uncommitted changes)"

# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
exec "$JAVA" $JAVA_OPTS -cp "$BENCH_TARGET/millrace-benchmarks.jar:$BENCH_TARGET/lib/*" \
  org.millrace.benchmarks.RemoteExchangeBenchmark "${args[@]}" --command "${command% }" --revision "$revision"
