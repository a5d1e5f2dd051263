package org.millrace.yarn.entrypoint;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NodeManagers' answers to starting TaskManager containers: only a failed start matters (a
 * container that ends later is reported by YARN's ResourceManager).
 */
final class ContainerStartFailures extends NMClientAsync.AbstractCallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerStartFailures.class);

    private final BiConsumer<ContainerId, Throwable> onStartFailure;

    ContainerStartFailures(BiConsumer<ContainerId, Throwable> onStartFailure) {
        this.onStartFailure = onStartFailure;
    }

    @Override
    public void onContainerStarted(ContainerId containerId, Map<String, ByteBuffer> allServiceResponse) {
        LOG.debug("Container {} started", containerId);
    }

    @Override
    public void onStartContainerError(ContainerId containerId, Throwable t) {
        onStartFailure.accept(containerId, t);
    }

    @Override
    public void onContainerStatusReceived(ContainerId containerId, ContainerStatus containerStatus) {}

    @Override
    public void onContainerStopped(ContainerId containerId) {}

    @Override
    public void onContainerResourceIncreased(ContainerId containerId, Resource resource) {}

    @Override
    public void onContainerResourceUpdated(ContainerId containerId, Resource resource) {}

    @Override
    public void onGetContainerStatusError(ContainerId containerId, Throwable t) {}

    @Override
    public void onIncreaseContainerResourceError(ContainerId containerId, Throwable t) {}

    @Override
    public void onUpdateContainerResourceError(ContainerId containerId, Throwable t) {}

    @Override
    public void onStopContainerError(ContainerId containerId, Throwable t) {}
}
