#!/usr/bin/env bash
# Runs the JMH micro-benchmarks of Millrace's record path (package org.millrace.benchmarks.jmh):
# serialization per type class, the local-exchange buffer hand-over, key-group hashing and keyed
# state (heap and RocksDB). Builds the benchmarks module first if its jar is missing.
#
#   benchmarks/jmh.sh [JMH options] [benchmark regex]
#
# Short defaults, so the whole suite takes about five minutes: -f 1 -wi 3 -i 5 -w 1s -r 1s. Any of
# these given on the command line replaces the default; everything is passed to org.openjdk.jmh.Main
# (e.g. `benchmarks/jmh.sh -prof gc Serialization`, `benchmarks/jmh.sh -p type=KRYO`, `-h` for help).
#
# Environment: BENCH_TARGET [benchmarks/target]  JAVA [java]  MVN [mvn]
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_TARGET=${BENCH_TARGET:-benchmarks/target}
JAVA=${JAVA:-java}
MVN=${MVN:-mvn}

if [[ ! -f "$BENCH_TARGET/millrace-benchmarks.jar" ]]; then
  echo "# building the benchmarks module into $BENCH_TARGET" >&2
  "$MVN" -B -q -pl benchmarks -am package -DskipTests -Dbuild.dirname="$(basename "$BENCH_TARGET")"
fi

defaults=()
given() { local flag=$1; shift; for a in "$@"; do [[ $a == "$flag" ]] && return 0; done; return 1; }
for default in "-f 1" "-wi 3" "-i 5" "-w 1s" "-r 1s"; do
  read -r flag value <<< "$default"
  given "$flag" "$@" || defaults+=("$flag" "$value")
done

exec "$JAVA" -cp "$BENCH_TARGET/millrace-benchmarks.jar:$BENCH_TARGET/lib/*" org.openjdk.jmh.Main "${defaults[@]}" "$@"
