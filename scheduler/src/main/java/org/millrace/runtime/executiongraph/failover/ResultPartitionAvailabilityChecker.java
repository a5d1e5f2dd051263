package org.millrace.runtime.executiongraph.failover;

/**
 * Tells region failover whether a blocking result partition can still be read, so that a region
 * whose input was lost also re-runs the region that produced it. The JobMaster answers from what
 * it knows: a partition on a TaskManager that died, or one already released, is unavailable.
 */
@FunctionalInterface
public interface ResultPartitionAvailabilityChecker {

    /** Every partition is readable; losses are then learnt only from {@link ConsumedPartitionLostException}s. */
    ResultPartitionAvailabilityChecker ALL_AVAILABLE = partition -> true;

    boolean isAvailable(ResultPartitionKey partition);
}
