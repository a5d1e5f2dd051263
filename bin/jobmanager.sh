#!/usr/bin/env bash
# Starts or stops the JobManager of a standalone session cluster (Dispatcher, ResourceManager, REST API).
#   bin/jobmanager.sh start|start-foreground|stop|stop-all [host] [webui-port] [-D key=value ...]
# It listens at jobmanager.rpc.port for TaskManagers and at rest.port for clients (conf/flink-conf.yaml).
# host and webui-port (as a line of conf/masters gives them) set jobmanager.rpc.address and rest.address,
# and rest.port; with ZooKeeper high availability several JobManagers run and one of them leads.
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup jobmanager.sh
action="${1:-}"
shift || true
args=()
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  args+=(-D "jobmanager.rpc.address=$1" -D "rest.address=$1")
  shift
  if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    args+=(-D "rest.port=$1")
    shift
  fi
fi
set -- ${args[@]+"${args[@]}"} "$@"
millrace_daemon "$action" standalonesession org.millrace.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$@"
