package org.millrace.shuffle.gate;

import java.io.IOException;
import org.millrace.shuffle.partition.BufferAndBacklog;

/**
 * One producing subtask's data as its {@link SingleInputGate} reads it. The transport is the
 * channel's business: {@link LocalInputChannel} reads a subpartition in the same TaskExecutor
 * without copying; {@link org.millrace.shuffle.netty.RemoteInputChannel} reads one of another TaskExecutor over Netty.
 *
 * <p>Contract with the gate: the channel calls {@link #notifyChannelNonEmpty()} whenever it goes
 * from having nothing to read to having something (or to having failed), from any thread. The gate
 * then polls it from the task thread, one buffer at a time, for as long as
 * {@link BufferAndBacklog#isMoreAvailable()} says more is queued.
 */
public abstract class InputChannel {

    protected final SingleInputGate inputGate;
    protected final int channelIndex;

    protected InputChannel(SingleInputGate inputGate, int channelIndex) {
        this.inputGate = inputGate;
        this.channelIndex = channelIndex;
    }

    /** Index of this channel within its gate, i.e. of its producer among the gate's producers. */
    public final int getChannelIndex() {
        return channelIndex;
    }

    /**
     * Connects to the producer's subpartition. Called once by {@link SingleInputGate#requestPartitions()}.
     *
     * @throws IOException if the partition cannot be found or read
     */
    public abstract void requestSubpartition() throws IOException;

    /**
     * The next buffer or event, or null if none is there now; the holder is reused by the next call.
     * Called by the task thread only.
     *
     * @throws IOException if the producer failed, naming its partition
     */
    public abstract BufferAndBacklog pollNext() throws IOException;

    /** Stops reading: whatever is still queued for this channel is recycled. Idempotent, any thread. */
    public abstract void release();

    /** Tells the gate this channel has something to read. */
    protected final void notifyChannelNonEmpty() {
        inputGate.notifyChannelNonEmpty(this);
    }
}
