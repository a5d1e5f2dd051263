package org.millrace.runtime.resourcemanager;

import java.net.InetSocketAddress;
import org.millrace.runtime.taskexecutor.TaskExecutorGateway;

/**
 * A TaskExecutor as the ResourceManager knows it after registration.
 *
 * @param address its control endpoint ({@code host:port}), or {@code "in-process"} in the MiniCluster
 * @param dataAddress its shuffle server, which remote consumers read its partitions from; null when
 *     every consumer is in the same TaskExecutor (a MiniCluster with one TaskExecutor)
 */
public record TaskExecutorRegistration(
        String resourceId,
        TaskExecutorGateway gateway,
        String address,
        InetSocketAddress dataAddress,
        int numberOfSlots,
        int cpuCores,
        long physicalMemory) {}
