package org.millrace.runtime.io.network;

/**
 * Control information that travels in-band with the records of a partition, in order with them
 * (end of partition; later checkpoint barriers). Serialized by {@link EventSerializer}.
 */
public abstract class AbstractEvent {}
