#!/usr/bin/env bash
# Starts or stops the JobManager of a standalone session cluster (Dispatcher, ResourceManager, REST API).
#   bin/jobmanager.sh start|start-foreground|stop|stop-all [-D key=value ...]
# It listens at jobmanager.rpc.port for TaskManagers and at rest.port for clients (conf/flink-conf.yaml).
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup jobmanager.sh
action="${1:-}"
shift || true
millrace_daemon "$action" standalonesession org.millrace.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$@"
