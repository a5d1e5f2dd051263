#!/usr/bin/env bash
# Starts a Millrace session cluster on YARN, with Flink's options (bin/yarn-session.sh -h lists them):
#   bin/yarn-session.sh -d -nm my-session -s 2 -tm 2048     # detached: returns once the session runs
#   bin/yarn-session.sh                                     # attached: type 'stop' to stop the session
# The session's application id goes to /tmp/.yarn-properties-$USER (or yarn.properties-file.location), where
# 'bin/flink run' finds it. See docs/yarn.md.
#
# Environment (all optional, as for bin/flink):
#   HADOOP_CONF_DIR      directory of core-site.xml, hdfs-site.xml and yarn-site.xml (else YARN_CONF_DIR)
#   JAVA_HOME, FLINK_CONF_DIR, FLINK_LOG_DIR, FLINK_ENV_JAVA_OPTS, MILLRACE_LIB_DIR
set -eu
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"
millrace_home_of "${BASH_SOURCE[0]}"
millrace_setup bin/yarn-session.sh
millrace_java_command yarn-session org.millrace.yarn.client.YarnSessionCli "$@"
exec "${java_command[@]}"
