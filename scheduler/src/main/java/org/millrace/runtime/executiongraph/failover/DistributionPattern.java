package org.millrace.runtime.executiongraph.failover;

/** Which consumer subtasks each producer subtask of an exchange is connected to. */
public enum DistributionPattern {
    /**
     * Each producer feeds a contiguous range of consumers (or several producers feed one), as
     * forward and rescale exchanges do; see {@link PointwiseConnections}.
     */
    POINTWISE,
    /** Every producer may send to every consumer: hash, rebalance, shuffle, broadcast, global, custom. */
    ALL_TO_ALL
}
