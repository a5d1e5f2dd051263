package org.millrace.runtime.jobgraph;

import java.io.Serializable;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.streaming.api.operators.StreamOperatorFactory;

/**
 * One operator of a job vertex's chain: how to create it and where its output goes. Index 0 of a
 * chain is its head; {@code chainedOutputs} are indices of operators in the same chain (always
 * later in the list), {@code edgeOutputs} are positions in the vertex's output edge list.
 */
public record ChainedOperatorConfig(
        int nodeId,
        String name,
        StreamOperatorFactory<?> factory,
        KeySelector<?, ?> inputKeySelector,
        int[] chainedOutputs,
        int[] edgeOutputs) implements Serializable {}
