package org.millrace.runtime.executiongraph.failover;

/** How an exchange hands data over, which decides whether its two ends must run (and fail) together. */
public enum ResultPartitionType {
    /** Streamed while produced: producer and consumer run at the same time and share a pipelined region. */
    PIPELINED,
    /** Persisted completely before it is read: producer and consumer can run, and restart, separately. */
    BLOCKING
}
