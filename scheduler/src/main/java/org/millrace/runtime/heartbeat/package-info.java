/**
 * Heartbeats between JobManager and TaskManagers, independent of the transport.
 *
 * <pre>
 *  JobManager                                         TaskManager
 *  HeartbeatSender ── every heartbeat.interval ──>    heartbeat request handler
 *     (HeartbeatTarget.requestHeartbeat, RpcClient.tell) │ counts as the JobManager's heartbeat:
 *                                                        │ its HeartbeatMonitor.receiveHeartbeat(jm)
 *  HeartbeatMonitor.receiveHeartbeat(tm) <── answer ─────┘
 *  no heartbeat for heartbeat.timeout ──> HeartbeatListener.notifyHeartbeatTimeout(tm), once
 * </pre>
 *
 * Timers run on a {@link java.util.concurrent.ScheduledExecutorService} the owner passes in, so a
 * test drives time by hand instead of sleeping.
 */
package org.millrace.runtime.heartbeat;
