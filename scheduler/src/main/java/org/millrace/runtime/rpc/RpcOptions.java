package org.millrace.runtime.rpc;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;

/** Options of the control RPC between JobManager and TaskManagers. */
public final class RpcOptions {

    private RpcOptions() {}

    public static final ConfigOption<Duration> ASK_TIMEOUT =
            key("rpc.ask-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withFallbackKeys("pekko.ask.timeout")
                    .withDeprecatedKeys("akka.ask.timeout")
                    .withDescription("How long a control message between JobManager and TaskManager waits for its"
                            + " answer before it fails with a timeout. Raise it on heavily loaded clusters or for"
                            + " jobs with very large task deployments.");
}
