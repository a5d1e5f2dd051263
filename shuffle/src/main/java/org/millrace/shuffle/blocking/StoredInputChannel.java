package org.millrace.shuffle.blocking;

import java.io.IOException;
import org.millrace.shuffle.gate.InputChannel;
import org.millrace.shuffle.gate.SingleInputGate;
import org.millrace.shuffle.partition.BufferAndBacklog;
import org.millrace.shuffle.partition.BufferAvailabilityListener;
import org.millrace.shuffle.partition.ResultSubpartitionView;

/**
 * An input channel that reads one subpartition of a finished blocking partition straight from
 * storage ({@link BlockingPartitionReader}), for a consumer whose producer's TaskExecutor may be gone.
 * Flow control is the view's: it reads no further ahead than its free read buffers.
 */
public final class StoredInputChannel extends InputChannel implements BufferAvailabilityListener {

    private final BlockingPartitionReader partition;
    private final int subpartitionIndex;

    /** Set once by requestSubpartition; volatile because the gate may be set up by another thread than the task's. */
    private volatile ResultSubpartitionView view;

    public StoredInputChannel(SingleInputGate inputGate, int channelIndex, BlockingPartitionReader partition,
                              int subpartitionIndex) {
        super(inputGate, channelIndex);
        this.partition = partition;
        this.subpartitionIndex = subpartitionIndex;
    }

    @Override
    public void requestSubpartition() throws IOException {
        if (view == null) {
            view = partition.createSubpartitionView(subpartitionIndex, this);
        }
    }

    @Override
    public BufferAndBacklog pollNext() throws IOException {
        ResultSubpartitionView current = view;
        if (current == null) {
            throw new IllegalStateException("Channel " + channelIndex + " has not requested " + partition.getDirectory());
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
        return "StoredInputChannel{" + channelIndex + " <- " + partition.getDirectory() + "#" + subpartitionIndex + "}";
    }
}
