#!/usr/bin/env bash
# Starts a standalone session cluster: the JobManager here, and one TaskManager per line of conf/workers
# (this host directly, other hosts over ssh, where Millrace must be installed at the same path).
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup start-cluster.sh
"$MILLRACE_HOME/bin/jobmanager.sh" start
for_each_worker() {
  local action="$1" host
  while read -r host || [ -n "$host" ]; do
    host="${host%%#*}"
    host="${host// /}"
    [ -z "$host" ] && continue
    case "$host" in
      localhost | 127.0.0.1 | "$(hostname)") "$MILLRACE_HOME/bin/taskmanager.sh" "$action" ;;
      *) ssh -n "$host" "FLINK_CONF_DIR='$FLINK_CONF_DIR' '$MILLRACE_HOME/bin/taskmanager.sh' $action" ;;
    esac
  done < "$FLINK_CONF_DIR/workers"
}
for_each_worker start
