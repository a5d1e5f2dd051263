#!/usr/bin/env bash
# Starts or stops a TaskManager, which registers with the JobManager at jobmanager.rpc.address:port.
#   bin/taskmanager.sh start|start-foreground|stop|stop-all [-D key=value ...]
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup taskmanager.sh
action="${1:-}"
shift || true
millrace_daemon "$action" taskexecutor org.millrace.runtime.cluster.TaskManagerRunner "$@"
