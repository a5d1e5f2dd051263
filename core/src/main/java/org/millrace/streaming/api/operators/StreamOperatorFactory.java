package org.millrace.streaming.api.operators;

import java.io.Serializable;

/**
 * Creates one operator instance per subtask from the parameters of that subtask. Shipped inside the
 * job graph (with the user's function), so it must be serializable.
 */
@FunctionalInterface
public interface StreamOperatorFactory<OUT> extends Serializable {

    StreamOperator<OUT> createStreamOperator(StreamOperatorParameters<OUT> parameters);
}
