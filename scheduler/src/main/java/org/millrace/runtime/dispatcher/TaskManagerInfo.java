package org.millrace.runtime.dispatcher;

/**
 * A registered TaskManager as {@code GET /taskmanagers} shows it.
 *
 * @param address its control endpoint, {@code host:port}
 * @param dataPort the port of its shuffle (data exchange) server
 * @param lastHeartbeat epoch millis of the last heartbeat received from it
 */
public record TaskManagerInfo(
        String id,
        String address,
        int dataPort,
        long lastHeartbeat,
        int slotsNumber,
        int freeSlots,
        int cpuCores,
        long physicalMemory,
        long freeMemory) {}
