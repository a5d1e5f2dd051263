#!/usr/bin/env bash
# Stops what bin/start-cluster.sh started: the TaskManagers of conf/workers, then the JobManager (with
# ZooKeeper high availability: every JobManager of conf/masters).
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
stopped_hosts=" "
stop_masters_of_host() {
  case "$stopped_hosts" in *" $master_host "*) return 0 ;; esac
  stopped_hosts="$stopped_hosts$master_host "
  if millrace_is_local_host "$master_host"; then
    "$MILLRACE_HOME/bin/jobmanager.sh" stop-all
  else
    ssh -n "$master_host" "'$MILLRACE_HOME/bin/jobmanager.sh' stop-all"
  fi
}
if millrace_ha_zookeeper && [ -f "$FLINK_CONF_DIR/masters" ]; then
  millrace_for_each_master stop_masters_of_host
else
  "$MILLRACE_HOME/bin/jobmanager.sh" stop-all
fi
