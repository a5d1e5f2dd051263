package org.millrace.runtime.heartbeat;

/**
 * A monitored process as the {@link HeartbeatSender} sees it. The caller implements it with its
 * transport, e.g. {@code RpcClient.tell} of a heartbeat request whose answer leads to
 * {@link HeartbeatMonitor#receiveHeartbeat}.
 */
@FunctionalInterface
public interface HeartbeatTarget {

    /** Asks the process for a heartbeat. Must not block: it runs on the shared heartbeat scheduler. */
    void requestHeartbeat();
}
