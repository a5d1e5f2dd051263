package org.millrace.runtime.executiongraph.failover;

/**
 * Which subtasks a pointwise exchange connects, the same mapping {@code RescalePartitioner} sends
 * records by (and the identity for a forward exchange of equal parallelism). With {@code p}
 * producers and {@code q} consumers:
 *
 * <pre>
 * q &gt;= p: producer i feeds consumers [ floor(i*q/p), floor((i+1)*q/p) )     p=2,q=5: 0-&gt;{0,1}  1-&gt;{2,3,4}
 * q &lt;  p: producer i feeds consumer    floor(i*q/p)                          p=5,q=2: {0,1,2}-&gt;0  {3,4}-&gt;1
 * </pre>
 *
 * Every subtask on either side is connected to at least one on the other, and the ranges are
 * contiguous, so both directions are answered in O(1) as a half-open range.
 *
 * <p>Pitfall: this must stay the mapping the runtime really uses. If the rescale partitioner
 * changes, so must this class ({@code PipelinedRegionsTest} compares the two).
 */
final class PointwiseConnections {

    private PointwiseConnections() {}

    /** First consumer of producer {@code i}. */
    static int firstConsumer(int i, int producers, int consumers) {
        return (int) ((long) i * consumers / producers);
    }

    /** One past the last consumer of producer {@code i}. */
    static int endConsumer(int i, int producers, int consumers) {
        if (consumers >= producers) {
            return (int) ((long) (i + 1) * consumers / producers);
        }
        return firstConsumer(i, producers, consumers) + 1;
    }

    /** First producer feeding consumer {@code j}. */
    static int firstProducer(int j, int producers, int consumers) {
        if (consumers >= producers) {
            // the largest i with floor(i*q/p) <= j
            return (int) (ceilDiv((long) (j + 1) * producers, consumers) - 1);
        }
        // the smallest i with floor(i*q/p) == j
        return (int) ceilDiv((long) j * producers, consumers);
    }

    /** One past the last producer feeding consumer {@code j}. */
    static int endProducer(int j, int producers, int consumers) {
        if (consumers >= producers) {
            return firstProducer(j, producers, consumers) + 1;
        }
        return (int) ceilDiv((long) (j + 1) * producers, consumers);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
