#!/usr/bin/env bash
# Starts a standalone session cluster: the JobManager here, and one TaskManager per line of conf/workers
# (this host directly, other hosts over ssh, where Millrace must be installed at the same path).
# With ZooKeeper high availability (high-availability.type: zookeeper) it starts one JobManager per line
# "host:webui-port" of conf/masters instead; they elect a leader, the others stand by.
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup start-cluster.sh
start_master() {
  if millrace_is_local_host "$master_host"; then
    "$MILLRACE_HOME/bin/jobmanager.sh" start "$master_host" $master_port
  else
    ssh -n "$master_host" "FLINK_CONF_DIR='$FLINK_CONF_DIR' '$MILLRACE_HOME/bin/jobmanager.sh' start $master_host $master_port"
  fi
}
if millrace_ha_zookeeper && [ -f "$FLINK_CONF_DIR/masters" ]; then
  millrace_for_each_master start_master
else
  "$MILLRACE_HOME/bin/jobmanager.sh" start
fi
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
