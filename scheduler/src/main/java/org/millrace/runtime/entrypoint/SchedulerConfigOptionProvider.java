package org.millrace.runtime.entrypoint;

import java.util.List;
import org.millrace.client.ClientOptions;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.configuration.ConfigOptionProvider;
import org.millrace.runtime.executiongraph.failover.FailoverOptions;
import org.millrace.runtime.executiongraph.failover.RestartStrategyOptions;
import org.millrace.runtime.heartbeat.HeartbeatOptions;
import org.millrace.runtime.highavailability.HighAvailabilityOptions;
import org.millrace.runtime.rest.RestOptions;
import org.millrace.runtime.rpc.RpcOptions;

/** Makes the scheduler module's options (cluster, RPC, heartbeats, failover, REST, client) known to the registry. */
public final class SchedulerConfigOptionProvider implements ConfigOptionProvider {

    @Override
    public List<Class<?>> optionHolders() {
        return List.of(ClusterOptions.class, RpcOptions.class, HeartbeatOptions.class, RestartStrategyOptions.class,
                FailoverOptions.class, RestOptions.class, RestClientOptions.class, ClientOptions.class,
                HighAvailabilityOptions.class);
    }
}
