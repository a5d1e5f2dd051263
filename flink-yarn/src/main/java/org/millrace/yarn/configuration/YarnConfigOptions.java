package org.millrace.yarn.configuration;

import static org.millrace.configuration.ConfigOptions.key;

import java.util.List;
import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.MemorySize;

/** What a user sets to deploy Millrace on YARN: Flink's {@code yarn.*} keys and the process sizes of the containers. */
public final class YarnConfigOptions {

    private YarnConfigOptions() {}

    public static final ConfigOption<String> APPLICATION_NAME = key("yarn.application.name")
            .stringType()
            .noDefaultValue()
            .withDescription("Name of the YARN application. When not set: 'Millrace session cluster' or 'Millrace"
                    + " per-job cluster'.");

    public static final ConfigOption<String> APPLICATION_QUEUE = key("yarn.application.queue")
            .stringType()
            .noDefaultValue()
            .withDescription("YARN queue the application is submitted to. When not set, YARN's default queue.");

    public static final ConfigOption<String> TAGS = key("yarn.tags")
            .stringType()
            .noDefaultValue()
            .withDescription("Comma-separated tags of the YARN application (e.g. for 'yarn application -list"
                    + " -appTags').");

    public static final ConfigOption<Integer> APPLICATION_PRIORITY = key("yarn.application.priority")
            .intType()
            .noDefaultValue()
            .withDescription("Priority of the YARN application within its queue (higher runs first where the"
                    + " scheduler supports priorities). When not set, YARN's default.");

    public static final ConfigOption<Integer> APPLICATION_ATTEMPTS = key("yarn.application-attempts")
            .intType()
            .noDefaultValue()
            .withDescription("How many times YARN starts the ApplicationMaster (the JobManager) of an application: a"
                    + " lost one is replaced until this many attempts have run. A new attempt of a per-job application"
                    + " runs its job again with the same job id (from the start, or from the latest checkpoint once"
                    + " checkpoints are recovered); the TaskManager containers of the lost attempt are stopped by YARN"
                    + " and new ones are requested. YARN caps it at yarn.resourcemanager.am.max-attempts. When not set:"
                    + " 1, or 2 with high-availability.type ZOOKEEPER.");

    public static final ConfigOption<Long> APPLICATION_ATTEMPT_FAILURE_VALIDITY_INTERVAL =
            key("yarn.application-attempt-failures-validity-interval")
            .longType()
            .defaultValue(10_000L)
            .withDescription("Milliseconds: only ApplicationMaster failures within this interval count towards"
                    + " yarn.application-attempts, so a long-running application survives an occasional lost"
                    + " ApplicationMaster. -1: every failure counts. Applies when yarn.application-attempts is above 1.");

    public static final ConfigOption<String> APPLICATION_ID = key("yarn.application.id")
            .stringType()
            .noDefaultValue()
            .withDescription("The YARN session (application_...) that 'flink run -t yarn-session' submits to.");

    public static final ConfigOption<Integer> VCORES = key("yarn.containers.vcores")
            .intType()
            .noDefaultValue()
            .withDescription("Virtual cores of each TaskManager container. When not set, taskmanager.numberOfTaskSlots.");

    public static final ConfigOption<List<String>> PROVIDED_LIB_DIRS = key("yarn.provided.lib.dirs")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Directories (e.g. hdfs:///millrace/lib) holding the framework JARs, separated by ';'. When"
                    + " set, a deployment uploads no framework JARs; YARN localizes these files once per node"
                    + " (public visibility: they must be readable by everyone).");

    public static final ConfigOption<List<String>> SHIP_FILES = key("yarn.ship-files")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Local files, separated by ';', shipped with the application: each lands in the working"
                    + " directory of the JobManager and of every TaskManager under its own name (relative paths in a"
                    + " job find them there). Directories are not supported.");

    public static final ConfigOption<String> FRAMEWORK_LIB_DIR = key("yarn.framework.lib-dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Local directory of the framework JARs a deployment uploads (unless yarn.provided.lib.dirs"
                    + " is set). When not set, $MILLRACE_LIB_DIR, which bin/ scripts set.");

    public static final ConfigOption<String> STAGING_DIRECTORY = key("yarn.staging-directory")
            .stringType()
            .noDefaultValue()
            .withDescription("Base directory of the per-application staging directories (.millrace/<application id>)."
                    + " When not set, the user's home directory on the default file system.");

    public static final ConfigOption<String> PROPERTIES_FILE_LOCATION = key("yarn.properties-file.location")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory of the .yarn-properties-<user> file in which a detached yarn-session.sh stores"
                    + " its application id for later 'flink run' calls. When not set, java.io.tmpdir.");

    public static final ConfigOption<String> HADOOP_CONF_DIR = key("env.hadoop.conf.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory of core-site.xml, hdfs-site.xml and yarn-site.xml. When not set,"
                    + " $HADOOP_CONF_DIR, then $YARN_CONF_DIR, then the class path.");

    public static final ConfigOption<MemorySize> JOB_MANAGER_PROCESS_SIZE = key("jobmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.parse("1600m"))
            .withDescription("Memory of the JobManager's process (on YARN: the ApplicationMaster container). Its heap"
                    + " is 75% of it.");

    public static final ConfigOption<MemorySize> TASK_MANAGER_PROCESS_SIZE = key("taskmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.parse("1728m"))
            .withDescription("Memory of a TaskManager's process (on YARN: its container). Its heap is 60% of it; the"
                    + " rest is for network buffers (taskmanager.memory.network.max), metaspace and the JVM.");

    public static final ConfigOption<String> JAVA_OPTS_ALL = key("env.java.opts.all")
            .stringType()
            .noDefaultValue()
            .withDescription("Extra JVM options of the JobManager and the TaskManagers started on YARN, separated by"
                    + " spaces (e.g. '-XX:+UseG1GC').");

    public static final ConfigOption<String> JAVA_OPTS_JOB_MANAGER = key("env.java.opts.jobmanager")
            .stringType()
            .noDefaultValue()
            .withDescription("Extra JVM options of the JobManager (the ApplicationMaster on YARN), after env.java.opts.all.");

    public static final ConfigOption<String> JAVA_OPTS_TASK_MANAGER = key("env.java.opts.taskmanager")
            .stringType()
            .noDefaultValue()
            .withDescription("Extra JVM options of the TaskManagers started on YARN, after env.java.opts.all.");
}
