# Shared by the bin/ scripts (sourced, not run): finds MILLRACE_HOME, java, the framework's JARs,
# the configuration and log directories, and the JVM options every Millrace JVM gets.
#
# Environment (all optional):
#   JAVA_HOME            JDK or JRE to run with (default: java on the PATH)
#   FLINK_CONF_DIR       directory of flink-conf.yaml and log4j2.properties (default: $MILLRACE_HOME/conf)
#   FLINK_LOG_DIR        directory of log files (default: $MILLRACE_HOME/log)
#   FLINK_PID_DIR        directory of the daemons' pid files (default: /tmp)
#   FLINK_ENV_JAVA_OPTS  extra JVM options for every process, e.g. "-Xmx4g"
#   MILLRACE_LIB_DIR     directory of the framework's JARs (default: $MILLRACE_HOME/lib if it has JARs,
#                        else $MILLRACE_HOME/dist/target/lib, which 'mvn package' fills)

# $1: the path of the calling script. Sets MILLRACE_HOME to the parent of its directory (following symlinks).
millrace_home_of() {
  local script="$1" link_dir
  while [ -L "$script" ]; do
    link_dir=$(cd -P "$(dirname "$script")" && pwd)
    script=$(readlink "$script")
    case "$script" in /*) ;; *) script="$link_dir/$script" ;; esac
  done
  MILLRACE_HOME=$(cd -P "$(dirname "$script")/.." && pwd)
  export MILLRACE_HOME
}

# $1: the calling script's name, for error messages.
millrace_setup() {
  local me="$1"
  if [ -n "${JAVA_HOME:-}" ]; then
    java_bin="$JAVA_HOME/bin/java"
  else
    java_bin=$(command -v java || true)
  fi
  if [ -z "$java_bin" ] || [ ! -x "$java_bin" ]; then
    echo "$me: cannot find java; set JAVA_HOME or put java on the PATH (JDK 17 or newer)." >&2
    exit 1
  fi
  if [ -n "${MILLRACE_LIB_DIR:-}" ]; then
    lib_dir="$MILLRACE_LIB_DIR"
  elif compgen -G "$MILLRACE_HOME/lib/*.jar" > /dev/null; then
    lib_dir="$MILLRACE_HOME/lib"
  else
    lib_dir="$MILLRACE_HOME/dist/target/lib"
  fi
  if ! compgen -G "$lib_dir/*.jar" > /dev/null; then
    echo "$me: no Millrace JARs in $lib_dir (nor in $MILLRACE_HOME/lib); run 'mvn -DskipTests package' first." >&2
    exit 1
  fi
  # The YARN deployer ships these JARs to the cluster.
  MILLRACE_LIB_DIR="$lib_dir"
  export MILLRACE_LIB_DIR
  FLINK_CONF_DIR="${FLINK_CONF_DIR:-$MILLRACE_HOME/conf}"
  export FLINK_CONF_DIR
  FLINK_LOG_DIR="${FLINK_LOG_DIR:-$MILLRACE_HOME/log}"
  mkdir -p "$FLINK_LOG_DIR"
  # The module openings the test JVMs get too (Kryo's fallback serialization and off-heap buffers use them).
  jvm_opts=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
            --add-opens=java.base/java.nio=ALL-UNNAMED)
  read -r -a user_opts <<< "${FLINK_ENV_JAVA_OPTS:-}"
}

# The command line of a Millrace JVM: $1 = log name (e.g. taskexecutor-0), $2 = main class, rest = its arguments.
# Class path: the JARs of the lib directory, then those of $extra_classpath if set (e.g. "$opt_dir/*").
millrace_java_command() {
  local log_name="$1" main_class="$2"
  shift 2
  java_command=("$java_bin" "${jvm_opts[@]}" ${user_opts[@]+"${user_opts[@]}"}
    "-Dlog.file=$FLINK_LOG_DIR/flink-${USER:-$(id -un)}-$log_name-${HOSTNAME:-$(hostname)}.log"
    "-Dlog4j2.configurationFile=$FLINK_CONF_DIR/log4j2.properties"
    -classpath "$lib_dir/*${extra_classpath:+:$extra_classpath}" "$main_class" "$@")
}

# Runs a cluster daemon: $1 = start | start-foreground | stop | stop-all, $2 = daemon name (jobmanager,
# taskexecutor), $3 = main class, rest = its arguments. 'start' runs it in the background, appending its pid
# to $FLINK_PID_DIR/millrace-$USER-<name>.pid; 'stop' stops the newest one, 'stop-all' all of them.
millrace_daemon() {
  local action="$1" name="$2" main_class="$3"
  shift 3
  local pid_file="${FLINK_PID_DIR:-/tmp}/millrace-${USER:-$(id -un)}-$name.pid"
  case "$action" in
    start-foreground)
      millrace_java_command "$name" "$main_class" --configDir "$FLINK_CONF_DIR" "$@"
      exec "${java_command[@]}"
      ;;
    start)
      local index=0
      [ -f "$pid_file" ] && index=$(wc -l < "$pid_file")
      millrace_java_command "$name-$index" "$main_class" --configDir "$FLINK_CONF_DIR" "$@"
      local out="$FLINK_LOG_DIR/flink-${USER:-$(id -un)}-$name-$index-${HOSTNAME:-$(hostname)}.out"
      nohup "${java_command[@]}" > "$out" 2>&1 < /dev/null &
      echo $! >> "$pid_file"
      echo "Starting $name daemon (pid $!) on host ${HOSTNAME:-$(hostname)}."
      ;;
    stop | stop-all)
      if [ ! -s "$pid_file" ]; then
        echo "No $name daemon to stop on host ${HOSTNAME:-$(hostname)}."
        return 0
      fi
      local pids
      if [ "$action" = stop ]; then pids=$(tail -n 1 "$pid_file"); else pids=$(cat "$pid_file"); fi
      for pid in $pids; do
        if kill -0 "$pid" 2> /dev/null; then
          echo "Stopping $name daemon (pid $pid) on host ${HOSTNAME:-$(hostname)}."
          kill "$pid"
        else
          echo "No $name daemon (pid $pid) is running anymore."
        fi
      done
      if [ "$action" = stop ]; then sed -i '$d' "$pid_file"; else rm -f "$pid_file"; fi
      ;;
    *)
      echo "Usage: $(basename "$0") (start|start-foreground|stop|stop-all) [-D key=value ...]" >&2
      exit 1
      ;;
  esac
}

# Whether flink-conf.yaml asks for ZooKeeper high availability (high-availability.type or the old
# high-availability key set to zookeeper).
millrace_ha_zookeeper() {
  grep -Eiq '^[[:space:]]*high-availability(\.type)?[[:space:]]*:[[:space:]]*["'"'"']?zookeeper' "$FLINK_CONF_DIR/flink-conf.yaml" 2> /dev/null
}

# Runs "$@" once per JobManager of conf/masters (lines "host:webui-port", '#' comments), with
# $master_host and $master_port set; a line without a port leaves $master_port empty.
millrace_for_each_master() {
  local line
  while read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    line="${line// /}"
    [ -z "$line" ] && continue
    master_host="${line%%:*}"
    master_port=""
    [ "$line" != "$master_host" ] && master_port="${line#*:}"
    "$@"
  done < "$FLINK_CONF_DIR/masters"
}

# $1: a host name. Succeeds if it names this machine.
millrace_is_local_host() {
  case "$1" in
    localhost | 127.0.0.1 | "$(hostname)") return 0 ;;
    *) return 1 ;;
  esac
}
