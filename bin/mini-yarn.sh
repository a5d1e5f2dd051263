#!/usr/bin/env bash
# HDFS and YARN on this machine, for trying Millrace on YARN without a Hadoop cluster: Hadoop's own
# MiniDFSCluster (one DataNode) and MiniYARNCluster (one ResourceManager, one NodeManager) in one background
# JVM, on free ports, with a Hadoop configuration directory for clients. See docs/yarn.md.
#
#   bin/mini-yarn.sh start [dir]   # starts them, waits until they run, prints: export HADOOP_CONF_DIR=<dir>/conf
#   bin/mini-yarn.sh stop [dir]    # stops them (and deletes nothing: the data stays in <dir>)
#
#   dir: where the clusters keep their data, logs, pid file and conf/ (default: $MINI_YARN_DIR, else
#        /tmp/millrace-mini-yarn-$USER). Its log: <dir>/mini-yarn.out and $FLINK_LOG_DIR.
#
# The miniclusters' JARs are in opt/mini-yarn/ next to lib/ (dist/target/opt/mini-yarn after 'mvn package').
# Environment (all optional, as for bin/flink): JAVA_HOME, FLINK_CONF_DIR, FLINK_LOG_DIR, FLINK_ENV_JAVA_OPTS,
# MILLRACE_LIB_DIR, MINI_YARN_DIR, MINI_YARN_START_TIMEOUT (seconds, default 180).
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup bin/mini-yarn.sh

usage() {
  echo "Usage: bin/mini-yarn.sh (start|stop) [dir]" >&2
  exit 1
}
[ $# -ge 1 ] && [ $# -le 2 ] || usage
action="$1"
dir="${2:-${MINI_YARN_DIR:-/tmp/millrace-mini-yarn-${USER:-$(id -un)}}}"
pid_file="$dir/mini-yarn.pid"

running_pid() {
  if [ -s "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2> /dev/null; then cat "$pid_file"; fi
}

case "$action" in
  start)
    pid=$(running_pid)
    if [ -n "$pid" ]; then
      echo "The mini YARN cluster in $dir already runs (pid $pid)."
      cat "$dir/ready"
      exit 0
    fi
    opt_dir="$(dirname "$lib_dir")/opt/mini-yarn"
    if ! compgen -G "$opt_dir/*.jar" > /dev/null; then
      echo "bin/mini-yarn.sh: no minicluster JARs in $opt_dir; run 'mvn -DskipTests package' first." >&2
      exit 1
    fi
    mkdir -p "$dir"
    dir=$(cd -P "$dir" && pwd)
    rm -f "$dir/ready"
    # The NodeManager passes JAVA_HOME on to the containers it starts.
    if [ -z "${JAVA_HOME:-}" ]; then
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
      export JAVA_HOME
    fi
    extra_classpath="$opt_dir/*"
    millrace_java_command mini-yarn org.millrace.yarn.minicluster.LocalYarnCluster --dir "$dir" --lib "$lib_dir"
    (cd "$dir" && exec nohup "${java_command[@]}" > "$dir/mini-yarn.out" 2>&1 < /dev/null) &
    pid=$!
    echo "$pid" > "$pid_file"
    echo "Starting HDFS and YARN (MiniDFSCluster, MiniYARNCluster) in $dir (pid $pid) ..."
    deadline=$((SECONDS + ${MINI_YARN_START_TIMEOUT:-180}))
    while [ ! -f "$dir/ready" ]; do
      if ! kill -0 "$pid" 2> /dev/null; then
        echo "bin/mini-yarn.sh: the mini YARN cluster did not start; the end of $dir/mini-yarn.out:" >&2
        tail -n 30 "$dir/mini-yarn.out" >&2
        rm -f "$pid_file"
        exit 1
      fi
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "bin/mini-yarn.sh: the mini YARN cluster is not up after ${MINI_YARN_START_TIMEOUT:-180} s; stopping it." \
          "The end of $dir/mini-yarn.out:" >&2
        tail -n 30 "$dir/mini-yarn.out" >&2
        kill "$pid"
        exit 1
      fi
      sleep 1
    done
    echo "Mini YARN cluster running (pid $pid). To use it:"
    cat "$dir/ready"
    echo "Stop it with: bin/mini-yarn.sh stop${2:+ $dir}"
    ;;
  stop)
    pid=$(running_pid)
    if [ -z "$pid" ]; then
      echo "No mini YARN cluster runs in $dir."
      rm -f "$pid_file"
      exit 0
    fi
    echo "Stopping the mini YARN cluster in $dir (pid $pid) ..."
    kill "$pid"
    deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2> /dev/null; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "It did not stop within 60 s; killing it (SIGKILL)."
        kill -9 "$pid"
      fi
      sleep 1
    done
    rm -f "$pid_file" "$dir/ready"
    echo "Stopped."
    ;;
  *)
    usage
    ;;
esac
