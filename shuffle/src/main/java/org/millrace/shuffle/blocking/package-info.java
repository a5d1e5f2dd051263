/**
 * Blocking result partitions for BATCH exchanges: the producer writes each subpartition to a
 * checksummed spill file through {@link org.millrace.shuffle.blocking.SpillStorage}; consumers, local
 * or remote, read the finished files through ordinary subpartition views, throttled by their own
 * small read-buffer pools.
 */
package org.millrace.shuffle.blocking;
