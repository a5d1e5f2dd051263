package org.millrace.runtime.heartbeat;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;

/** How often JobManager and TaskManagers check that the other side is alive, and when they give up. */
public final class HeartbeatOptions {

    private HeartbeatOptions() {}

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            key("heartbeat.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("Time between heartbeat requests from the JobManager to each TaskManager"
                            + " (a bare number is milliseconds).");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT =
            key("heartbeat.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(50))
                    .withDescription("Time without a heartbeat after which the other side counts as lost: the"
                            + " JobManager fails the tasks of a silent TaskManager, a TaskManager disconnects from a"
                            + " silent JobManager. Must be larger than heartbeat.interval.");
}
