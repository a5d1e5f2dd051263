package org.millrace.runtime.entrypoint;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;

/** Where the JobManager and TaskManagers of a standalone (or YARN) cluster listen, and how slots are handed out. */
public final class ClusterOptions {

    private ClusterOptions() {}

    public static final ConfigOption<String> JOB_MANAGER_ADDRESS = key("jobmanager.rpc.address")
            .stringType()
            .defaultValue("localhost")
            .withDescription("Host name or IP address of the JobManager's control endpoint: TaskManagers connect to it.");

    public static final ConfigOption<Integer> JOB_MANAGER_PORT = key("jobmanager.rpc.port")
            .intType()
            .defaultValue(6123)
            .withDescription("Port of the JobManager's control endpoint (0 = any free port).");

    public static final ConfigOption<String> JOB_MANAGER_BIND_HOST = key("jobmanager.bind-host")
            .stringType()
            .defaultValue("0.0.0.0")
            .withDescription("Local address the JobManager's control endpoint binds to.");

    public static final ConfigOption<String> TASK_MANAGER_HOST = key("taskmanager.host")
            .stringType()
            .noDefaultValue()
            .withDescription("Host name or IP address the TaskManager advertises to the JobManager and to other"
                    + " TaskManagers (for data exchange). When not set, the local host's name.");

    public static final ConfigOption<String> TASK_MANAGER_BIND_HOST = key("taskmanager.bind-host")
            .stringType()
            .defaultValue("0.0.0.0")
            .withDescription("Local address the TaskManager's control and data endpoints bind to.");

    public static final ConfigOption<Integer> TASK_MANAGER_RPC_PORT = key("taskmanager.rpc.port")
            .intType()
            .defaultValue(0)
            .withDescription("Port of the TaskManager's control endpoint (0 = any free port).");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = key("slot.request.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a job waits for enough free slots (e.g. for TaskManagers to register) before"
                    + " it fails with a message saying how many slots it needed and how many there were.");

    public static final ConfigOption<Boolean> EVENLY_SPREAD_OUT_SLOTS = key("cluster.evenly-spread-out-slots")
            .booleanType()
            .defaultValue(false)
            .withDescription("Spread a job's slots evenly over all TaskManagers instead of filling one TaskManager"
                    + " after the other.");

    public static final ConfigOption<Duration> REGISTRATION_TIMEOUT = key("taskmanager.registration.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a TaskManager keeps trying to register with the JobManager before it gives up"
                    + " and exits.");

    public static final ConfigOption<String> TASK_MANAGER_RESOURCE_ID = key("taskmanager.resource-id")
            .stringType()
            .noDefaultValue()
            .withDescription("The id a TaskManager registers with (on YARN: its container id). When not set, its host"
                    + " name and a random suffix.");

    public static final ConfigOption<Duration> TASK_MANAGER_TIMEOUT = key("resourcemanager.taskmanager-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("On YARN: how long a TaskManager may have all its slots free before its container is"
                    + " given back. Standalone TaskManagers are never released.");
}
