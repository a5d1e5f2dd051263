package org.millrace.streaming.api.operators;

import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.runtime.state.FunctionInitializationContext;
import org.millrace.runtime.state.OperatorListStates;
import org.millrace.streaming.api.checkpoint.CheckpointedFunction;

import org.millrace.api.common.functions.Function;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichFunction;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Shared life cycle of operators that wrap one user function: gives a {@link RichFunction} its
 * runtime context and opens/closes it. Subclasses receive everything in the constructor.
 */
public abstract class AbstractUdfOperator<F extends Function, OUT> implements StreamOperator<OUT> {

    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;
    protected final Output<OUT> output;
    protected final StreamOperatorParameters<OUT> parameters;
    private boolean functionOpened;

    protected AbstractUdfOperator(StreamOperatorParameters<OUT> parameters, F userFunction) {
        this.parameters = parameters;
        this.userFunction = userFunction;
        this.output = parameters.getOutput();
    }

    /** Declared by a {@link CheckpointedFunction} user function; null otherwise. */
    private OperatorListStates functionState;

    /** Gives a {@link CheckpointedFunction} its operator (and keyed) state, before it opens. */
    @Override
    public void initializeState(org.millrace.runtime.state.OperatorStateStore restored) throws Exception {
        if (userFunction instanceof CheckpointedFunction checkpointed) {
            if (userFunction instanceof RichFunction rich) {
                rich.setRuntimeContext(parameters.getRuntimeContext());
            }
            functionState = new OperatorListStates(restored);
            StreamingRuntimeContext context = parameters.getRuntimeContext();
            KeyedStateStore keyed = context.getKeyedStateBackend() == null ? null : new KeyedStateStore() {
                @Override
                public <T> org.millrace.api.common.state.ValueState<T> getState(
                        org.millrace.api.common.state.ValueStateDescriptor<T> descriptor) {
                    return context.getState(descriptor);
                }
            };
            checkpointed.initializeState(new FunctionInitializationContext() {
                @Override
                public boolean isRestored() {
                    return restored.isRestored();
                }

                @Override
                public org.millrace.api.common.state.OperatorStateStore getOperatorStateStore() {
                    return functionState;
                }

                @Override
                public KeyedStateStore getKeyedStateStore() {
                    return keyed;
                }
            });
        }
    }

    @Override
    public void snapshotState(long checkpointId, org.millrace.runtime.state.OperatorStateStore state) throws Exception {
        parameters.getRuntimeContext().removeExpiredState();
        if (userFunction instanceof CheckpointedFunction checkpointed) {
            checkpointed.snapshotState(() -> checkpointId);
            functionState.snapshotInto(state);
        }
    }

    @Override
    public void open() throws Exception {
        if (userFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(parameters.getRuntimeContext());
            rich.open(OPEN_CONTEXT);
        }
        functionOpened = true;
    }

    /** Forwards the watermark; operators with event-time logic override this. */
    public void processWatermark(Watermark mark) throws Exception {
        output.emitWatermark(mark);
    }

    /** Forwards the status. */
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (userFunction instanceof org.millrace.api.common.state.CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (userFunction instanceof org.millrace.api.common.state.CheckpointListener listener) {
            listener.notifyCheckpointAborted(checkpointId);
        }
    }

    @Override
    public void close() throws Exception {
        if (functionOpened && userFunction instanceof RichFunction rich) {
            functionOpened = false;
            rich.close();
        }
    }
}
