/**
 * JMH micro-benchmarks of Millrace's record path, run with {@code benchmarks/jmh.sh [regex]}:
 * serialization per type class ({@link org.millrace.benchmarks.jmh.SerializationBenchmark}), the
 * buffer hand-over of a local exchange ({@link org.millrace.benchmarks.jmh.LocalExchangeBenchmark}),
 * key-group hashing ({@link org.millrace.benchmarks.jmh.KeyGroupHashingBenchmark}) and heap keyed
 * state ({@link org.millrace.benchmarks.jmh.HeapValueStateBenchmark}).
 *
 * <p>Every benchmark drives the engine's own classes (the record writer and deserializer, the
 * shuffle environment's partitions and gates, the heap state backend) with data shaped like the
 * whole-job workloads, prepared in {@code @Setup} so only the hot path is timed. A benchmark method
 * processes a batch of records and declares it with {@code @OperationsPerInvocation}, so JMH reports
 * per record.
 */
package org.millrace.benchmarks.jmh;
