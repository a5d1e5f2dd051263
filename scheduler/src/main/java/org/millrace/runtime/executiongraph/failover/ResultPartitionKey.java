package org.millrace.runtime.executiongraph.failover;

/**
 * One producer subtask's output on one exchange, the unit in which blocking results are persisted
 * and can be lost (e.g. with the TaskManager whose disk held them).
 *
 * @param edgeId the exchange ({@code JobEdge#getId()})
 * @param producerSubtaskIndex the producing subtask of the edge's source vertex
 */
public record ResultPartitionKey(int edgeId, int producerSubtaskIndex) {}
