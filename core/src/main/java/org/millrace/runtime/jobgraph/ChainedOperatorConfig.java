package org.millrace.runtime.jobgraph;

import java.io.Serializable;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.streaming.api.operators.StreamOperatorFactory;
import org.millrace.util.OutputTag;

/**
 * One operator of a job vertex's chain: how to create it and where its output goes. Index 0 of a
 * chain is its head; {@code chainedOutputs} are indices of operators in the same chain (always
 * later in the list), {@code edgeOutputs} are positions in the vertex's output edge list.
 *
 * @param chainedOutputTags per entry of {@code chainedOutputs}, the side output it reads, or null
 *     for the main output
 * @param edgeOutputTags per entry of {@code edgeOutputs}, likewise
 * @param autoWatermarkIntervalMillis {@code pipeline.auto-watermark-interval} of the job; 0 = off
 * @param operatorId the id its state is kept under in checkpoints and savepoints: derived from the
 *     {@code uid} the user set, else from the operator's position in the program
 */
public record ChainedOperatorConfig(
        int nodeId,
        String name,
        StreamOperatorFactory<?> factory,
        KeySelector<?, ?> inputKeySelector,
        int[] chainedOutputs,
        int[] edgeOutputs,
        OutputTag<?>[] chainedOutputTags,
        OutputTag<?>[] edgeOutputTags,
        long autoWatermarkIntervalMillis,
        String operatorId) implements Serializable {

    /** An operator without side outputs, in a job with the default watermark interval. */
    public ChainedOperatorConfig(int nodeId, String name, StreamOperatorFactory<?> factory,
            KeySelector<?, ?> inputKeySelector, int[] chainedOutputs, int[] edgeOutputs) {
        this(nodeId, name, factory, inputKeySelector, chainedOutputs, edgeOutputs,
                new OutputTag<?>[chainedOutputs.length], new OutputTag<?>[edgeOutputs.length], 200,
                OperatorIds.generated(nodeId));
    }
}
