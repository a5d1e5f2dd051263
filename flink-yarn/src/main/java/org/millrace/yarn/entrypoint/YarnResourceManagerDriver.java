package org.millrace.yarn.entrypoint;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.hadoop.service.Service.STATE;
import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.ResourceRequest;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.resourcemanager.ResourceManagerDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the ResourceManager TaskManagers in YARN containers: asks YARN's ResourceManager for
 * containers when slot requests lack slots, starts a TaskManager in each (its resource id is the
 * container id), tells the ResourceManager when a container ends unexpectedly (logging YARN's exit
 * status and diagnostics) so that waiting requests lead to a replacement, and gives back containers
 * of TaskManagers that stayed idle.
 *
 * <p>Threads: YARN's callback thread ({@code onContainers*}) and the ResourceManager's callers
 * meet in this object's lock; calls into the ResourceManager happen outside it.
 */
public final class YarnResourceManagerDriver extends AMRMClientAsync.AbstractCallbackHandler
        implements ResourceManagerDriver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YarnResourceManagerDriver.class);
    private static final Priority PRIORITY = Priority.newInstance(1);
    private static final int HEARTBEAT_MILLIS = 1000;

    private final ResourceManager resourceManager;
    private final AMRMClientAsync<ContainerRequest> amrmClient;
    private final NMClientAsync nmClient;
    private final Resource capability;
    private final int slotsPerTaskManager;
    /** The launch context of a TaskManager in the given container. */
    private final Function<Container, ContainerLaunchContext> launchContexts;
    private final Consumer<Throwable> fatalErrorHandler;
    private final Runnable shutdownRequestHandler;

    private int requestedContainers;
    /** Started containers whose TaskManager has not registered yet. */
    private final Map<String, Container> starting = new HashMap<>();
    private final Set<String> registered = new HashSet<>();
    /** Containers this driver gave back; their end is expected. */
    private final Set<String> released = new HashSet<>();

    /**
     * @param launchContexts the launch context of a TaskManager in a given container
     * @param fatalErrorHandler called when YARN's ResourceManager can no longer be talked to
     * @param shutdownRequestHandler called when YARN's ResourceManager asks the ApplicationMaster to shut down
     */
    public YarnResourceManagerDriver(ResourceManager resourceManager, Resource capability, int slotsPerTaskManager,
                                     Function<Container, ContainerLaunchContext> launchContexts,
                                     Consumer<Throwable> fatalErrorHandler, Runnable shutdownRequestHandler) {
        this.resourceManager = resourceManager;
        this.capability = capability;
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.launchContexts = launchContexts;
        this.fatalErrorHandler = fatalErrorHandler;
        this.shutdownRequestHandler = shutdownRequestHandler;
        this.amrmClient = AMRMClientAsync.createAMRMClientAsync(HEARTBEAT_MILLIS, this);
        this.nmClient = NMClientAsync.createNMClientAsync(new ContainerStartFailures(this::containerStartFailed));
    }

    /**
     * Starts the YARN clients and registers the ApplicationMaster; from then on YARN shows
     * {@code host:port} and the tracking URL as the application's address.
     */
    public RegisterApplicationMasterResponse start(org.apache.hadoop.conf.Configuration yarnConfiguration, String host,
                                                   int port, String trackingUrl) throws IOException {
        amrmClient.init(yarnConfiguration);
        amrmClient.start();
        nmClient.init(yarnConfiguration);
        nmClient.start();
        try {
            return amrmClient.registerApplicationMaster(host, port, trackingUrl);
        } catch (YarnException e) {
            throw new IOException("Could not register the ApplicationMaster with YARN: " + e.getMessage(), e);
        }
    }

    /** Tells YARN how the application ended; YARN then stops every container of the application. */
    public void unregister(FinalApplicationStatus status, String diagnostics) throws IOException {
        try {
            amrmClient.unregisterApplicationMaster(status, diagnostics, null);
        } catch (YarnException e) {
            throw new IOException("Could not unregister the ApplicationMaster from YARN: " + e.getMessage(), e);
        }
    }

    /** Stops the YARN clients that {@link #start} started. */
    @Override
    public void close() {
        if (nmClient.isInState(STATE.STARTED)) {
            nmClient.stop();
        }
        if (amrmClient.isInState(STATE.STARTED)) {
            amrmClient.stop();
        }
    }

    @Override
    public synchronized void onSlotShortage(int lackingSlots) {
        int inFlightSlots = (requestedContainers + starting.size()) * slotsPerTaskManager;
        if (lackingSlots <= inFlightSlots) {
            return;
        }
        int containers = (lackingSlots - inFlightSlots + slotsPerTaskManager - 1) / slotsPerTaskManager;
        LOG.info("Requesting {} TaskManager container(s) of {} MB and {} vcores for {} lacking slots", containers,
                capability.getMemorySize(), capability.getVirtualCores(), lackingSlots);
        for (int i = 0; i < containers; i++) {
            amrmClient.addContainerRequest(new ContainerRequest(capability, null, null, PRIORITY));
        }
        requestedContainers += containers;
    }

    @Override
    public synchronized void onTaskExecutorRegistered(String resourceId) {
        if (starting.remove(resourceId) != null) {
            registered.add(resourceId);
        }
    }

    @Override
    public synchronized void releaseTaskExecutor(String resourceId) {
        if (registered.remove(resourceId)) {
            released.add(resourceId);
            LOG.info("Giving back container {} of an idle TaskManager", resourceId);
            amrmClient.releaseAssignedContainer(ContainerId.fromString(resourceId));
        }
    }

    @Override
    public void onContainersAllocated(List<Container> containers) {
        for (Container container : containers) {
            String id = container.getId().toString();
            boolean wanted;
            synchronized (this) {
                wanted = requestedContainers > 0;
                if (wanted) {
                    requestedContainers--;
                    removeOneRequest();
                    starting.put(id, container);
                } else {
                    released.add(id);
                    amrmClient.releaseAssignedContainer(container.getId());
                }
            }
            if (wanted) {
                LOG.info("Starting a TaskManager in container {} on {}", id, container.getNodeId());
                try {
                    nmClient.startContainerAsync(container, launchContexts.apply(container));
                } catch (RuntimeException e) {
                    containerStartFailed(container.getId(), e);
                }
            } else {
                LOG.info("Returning surplus container {}", id);
            }
        }
    }

    /** Without this, YARN keeps allocating containers for requests already met. */
    private void removeOneRequest() {
        List<? extends Collection<ContainerRequest>> matching =
                amrmClient.getMatchingRequests(PRIORITY, ResourceRequest.ANY, capability);
        if (!matching.isEmpty() && !matching.get(0).isEmpty()) {
            amrmClient.removeContainerRequest(matching.get(0).iterator().next());
        }
    }

    /** The NodeManager refused to start the container: forget it and ask again if slots are still lacking. */
    public void containerStartFailed(ContainerId containerId, Throwable cause) {
        LOG.warn("Could not start a TaskManager in container {}: {}", containerId, cause.toString());
        synchronized (this) {
            starting.remove(containerId.toString());
            released.add(containerId.toString());
        }
        amrmClient.releaseAssignedContainer(containerId);
        onSlotShortage(resourceManager.lackingSlots());
    }

    @Override
    public void onContainersCompleted(List<ContainerStatus> statuses) {
        Map<String, String> lost = new LinkedHashMap<>();
        for (ContainerStatus status : statuses) {
            String id = status.getContainerId().toString();
            String outcome = "exit status " + status.getExitStatus() + describe(status.getExitStatus())
                    + (status.getDiagnostics() == null || status.getDiagnostics().isBlank() ? ""
                    : "; diagnostics: " + status.getDiagnostics().strip());
            synchronized (this) {
                boolean wasStarting = starting.remove(id) != null;
                boolean wasRegistered = registered.remove(id);
                if (released.remove(id)) {
                    LOG.info("Container {} ended after it was given back ({})", id, outcome);
                } else if (wasStarting || wasRegistered) {
                    LOG.warn("TaskManager container {} ended unexpectedly: {}", id, outcome);
                    if (wasRegistered) {
                        lost.put(id, outcome);
                    }
                }
            }
        }
        lost.forEach((id, outcome) -> resourceManager.unregisterTaskExecutor(id,
                new Exception("the YARN container " + id + " of the TaskManager ended: " + outcome)));
        onSlotShortage(resourceManager.lackingSlots());
    }

    private static String describe(int exitStatus) {
        return switch (exitStatus) {
            case ContainerExitStatus.KILLED_EXCEEDED_PMEM -> " (killed for exceeding its physical memory)";
            case ContainerExitStatus.KILLED_EXCEEDED_VMEM -> " (killed for exceeding its virtual memory)";
            case ContainerExitStatus.PREEMPTED -> " (preempted)";
            case ContainerExitStatus.ABORTED -> " (aborted by YARN)";
            case ContainerExitStatus.DISKS_FAILED -> " (disks failed)";
            case ContainerExitStatus.KILLED_BY_RESOURCEMANAGER -> " (killed by YARN's ResourceManager)";
            case ContainerExitStatus.KILLED_BY_APPMASTER -> " (killed by the ApplicationMaster)";
            default -> "";
        };
    }

    @Override
    public void onContainersUpdated(List<UpdatedContainer> containers) {}

    /** YARN ended the application (e.g. {@code yarn application -kill}): there is nothing left to unregister. */
    @Override
    public void onShutdownRequest() {
        LOG.info("YARN's ResourceManager asked the ApplicationMaster to shut down (the application was killed)");
        shutdownRequestHandler.run();
    }

    @Override
    public void onNodesUpdated(List<NodeReport> updatedNodes) {}

    @Override
    public float getProgress() {
        return 0;
    }

    @Override
    public void onError(Throwable e) {
        fatalErrorHandler.accept(e);
    }
}
