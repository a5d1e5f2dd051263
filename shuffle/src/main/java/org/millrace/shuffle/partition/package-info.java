/**
 * The producing side: result partitions, their subpartitions and the consumer views on them, and
 * the per-TaskExecutor {@link org.millrace.shuffle.partition.ResultPartitionManager} that consumers
 * find them through.
 */
package org.millrace.shuffle.partition;
