package org.millrace.runtime.checkpoint;

/** What the coordinator records about an operator besides its state: parallelism and key groups. */
public record OperatorInfo(int parallelism, int maxParallelism) {}
