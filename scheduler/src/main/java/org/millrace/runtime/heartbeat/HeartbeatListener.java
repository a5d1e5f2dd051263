package org.millrace.runtime.heartbeat;

/**
 * Told when a monitored process has gone silent, e.g. the ResourceManager releasing a
 * TaskManager's slots or a TaskManager disconnecting from a lost JobManager.
 *
 * @param <I> how the owner identifies a monitored process, e.g. a TaskManager's ResourceID string
 */
@FunctionalInterface
public interface HeartbeatListener<I> {

    /**
     * Called once per silent period, on the heartbeat scheduler's thread, after which the target is
     * no longer monitored. Must not block.
     */
    void notifyHeartbeatTimeout(I id);
}
