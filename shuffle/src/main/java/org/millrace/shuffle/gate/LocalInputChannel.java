package org.millrace.shuffle.gate;

import java.io.IOException;
import org.millrace.shuffle.partition.BufferAndBacklog;
import org.millrace.shuffle.partition.BufferAvailabilityListener;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.shuffle.partition.ResultPartitionManager;
import org.millrace.shuffle.partition.ResultSubpartitionView;

/**
 * An input channel whose producer runs in the same TaskExecutor: it reads the producer's
 * subpartition view directly, so the consumer receives the very {@link org.millrace.runtime.io.network.Buffer}
 * the producer emitted — no copy, no serialization, no network.
 */
public final class LocalInputChannel extends InputChannel implements BufferAvailabilityListener {

    private final ResultPartitionManager partitionManager;
    private final ResultPartitionID partitionId;
    private final int subpartitionIndex;

    /** Set once by requestSubpartition; volatile because the gate may be set up by another thread than the task's. */
    private volatile ResultSubpartitionView view;

    public LocalInputChannel(
            SingleInputGate inputGate,
            int channelIndex,
            ResultPartitionManager partitionManager,
            ResultPartitionID partitionId,
            int subpartitionIndex) {
        super(inputGate, channelIndex);
        this.partitionManager = partitionManager;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    @Override
    public void requestSubpartition() throws IOException {
        if (view == null) {
            view = partitionManager.createSubpartitionView(partitionId, subpartitionIndex, this);
        }
    }

    @Override
    public BufferAndBacklog pollNext() throws IOException {
        ResultSubpartitionView current = view;
        if (current == null) {
            throw new IllegalStateException("Channel " + channelIndex + " has not requested partition " + partitionId);
        }
        return current.pollNext();
    }

    @Override
    public void notifyDataAvailable() {
        notifyChannelNonEmpty();
    }

    @Override
    public void release() {
        ResultSubpartitionView current = view;
        if (current != null) {
            current.release();
        }
    }

    @Override
    public String toString() {
        return "LocalInputChannel{" + channelIndex + " <- " + partitionId + "#" + subpartitionIndex + "}";
    }
}
