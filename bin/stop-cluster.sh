#!/usr/bin/env bash
# Stops what bin/start-cluster.sh started: the TaskManagers of conf/workers, then the JobManager.
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup stop-cluster.sh
while read -r host || [ -n "$host" ]; do
  host="${host%%#*}"
  host="${host// /}"
  [ -z "$host" ] && continue
  case "$host" in
    localhost | 127.0.0.1 | "$(hostname)") "$MILLRACE_HOME/bin/taskmanager.sh" stop ;;
    *) ssh -n "$host" "'$MILLRACE_HOME/bin/taskmanager.sh' stop" ;;
  esac
done < "$FLINK_CONF_DIR/workers"
"$MILLRACE_HOME/bin/jobmanager.sh" stop-all
