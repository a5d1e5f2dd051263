package org.millrace.api.common.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can be shipped with the job (what lambdas passed to {@code withTimestampAssigner} are). */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
