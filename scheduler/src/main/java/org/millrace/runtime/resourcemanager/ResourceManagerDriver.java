package org.millrace.runtime.resourcemanager;

/**
 * Lets a cluster manager (YARN, later Kubernetes) give the {@link ResourceManager} TaskManagers on
 * demand and take idle ones back. A standalone cluster has none ({@link #NONE}): its TaskManagers are
 * started by hand and stay.
 *
 * <p>The ResourceManager calls these methods without holding its lock, from the thread that changed
 * its state (a slot request, a registration, its idle check); implementations must not block.
 *
 * <pre>
 *  requestSlots ──> too few free ──> onSlotShortage(n) ──> driver starts TaskManagers
 *  TaskManager registers ──────────> onTaskExecutorRegistered(id)
 *  all slots free for the timeout ─> releaseTaskExecutor(id)  (already forgotten by the ResourceManager)
 * </pre>
 */
public interface ResourceManagerDriver {

    /** The driver of a cluster whose TaskManagers are started by hand. */
    ResourceManagerDriver NONE = new ResourceManagerDriver() {
        @Override
        public void onSlotShortage(int lackingSlots) {}

        @Override
        public void onTaskExecutorRegistered(String resourceId) {}

        @Override
        public void releaseTaskExecutor(String resourceId) {}
    };

    /**
     * Waiting slot requests need {@code lackingSlots} more slots than are free (0 = none lacking).
     * Called after every change of the waiting requests or the registered TaskManagers; the driver
     * subtracts what it has already asked for.
     */
    void onSlotShortage(int lackingSlots);

    /** A TaskManager registered; if the driver started it, it is no longer pending. */
    void onTaskExecutorRegistered(String resourceId);

    /**
     * The TaskManager had all its slots free for {@code resourcemanager.taskmanager-timeout}; the
     * ResourceManager has already forgotten it, the driver stops it.
     */
    void releaseTaskExecutor(String resourceId);
}
