package org.millrace.yarn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.MemorySize;
import org.millrace.yarn.configuration.YarnConfigOptions;

/**
 * The launch context of a Millrace JVM in a YARN container (the ApplicationMaster or a
 * TaskManager): its files, class path ({@code $PWD} for the configuration, {@code $PWD/*} for the
 * JARs), environment (Flink's {@code containerized.master.env.*} / {@code containerized.taskmanager.env.*}
 * keys) and the {@code java} command line (heap from the process size, Flink's {@code env.java.opts.*}),
 * with stdout/stderr and the log file in the container's log directory.
 */
public final class ContainerSpecs {

    /** Environment variable of the ApplicationMaster naming its staging directory. */
    public static final String ENV_STAGING_DIR = "_MILLRACE_STAGING_DIR";
    /** The log4j2 configuration shipped with every application (logs to the container's log directory). */
    public static final String LOG_CONFIG_FILE = "log4j2-yarn.properties";

    private static final String[] JVM_OPENS = {"--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED"};

    private ContainerSpecs() {}

    /**
     * @param role {@code jobmanager} or {@code taskmanager}: names the log files and the env prefix
     * @param heapFraction share of {@code processSize} given to the heap
     */
    public static ContainerLaunchContext launchContext(Configuration configuration, String role,
                                                       Map<String, LocalResource> resources, Map<String, String> extraEnv,
                                                       MemorySize processSize, double heapFraction,
                                                       String mainClass, List<String> arguments) {
        Map<String, String> env = new HashMap<>();
        env.put(Environment.CLASSPATH.name(), Environment.PWD.$$() + ApplicationConstants.CLASS_PATH_SEPARATOR
                + Environment.PWD.$$() + "/*");
        String envPrefix = "containerized." + ("jobmanager".equals(role) ? "master" : "taskmanager") + ".env.";
        configuration.toMap().forEach((key, value) -> {
            if (key.startsWith(envPrefix)) {
                env.put(key.substring(envPrefix.length()), value);
            }
        });
        env.putAll(extraEnv);
        List<String> command = new ArrayList<>();
        command.add(Environment.JAVA_HOME.$$() + "/bin/java");
        command.add("-Xmx" + Math.max(64, (long) (processSize.getMebiBytes() * heapFraction)) + "m");
        command.addAll(List.of(JVM_OPENS));
        configuration.getOptional(YarnConfigOptions.JAVA_OPTS_ALL).ifPresent(opts -> command.add(opts.strip()));
        configuration.getOptional("jobmanager".equals(role) ? YarnConfigOptions.JAVA_OPTS_JOB_MANAGER
                : YarnConfigOptions.JAVA_OPTS_TASK_MANAGER).ifPresent(opts -> command.add(opts.strip()));
        command.add("-Dlog.file=" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/" + role + ".log");
        command.add("-Dlog4j2.configurationFile=" + LOG_CONFIG_FILE);
        command.add(mainClass);
        command.addAll(arguments);
        command.add("1>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/" + role + ".out");
        command.add("2>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/" + role + ".err");
        return ContainerLaunchContext.newInstance(resources, env, List.of(String.join(" ", command)), null, null, null);
    }
}
