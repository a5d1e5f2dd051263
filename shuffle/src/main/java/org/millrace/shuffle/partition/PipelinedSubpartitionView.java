package org.millrace.shuffle.partition;

import java.io.IOException;

/** The consumer's handle on a {@link PipelinedSubpartition}; owns the poll result it reuses. */
final class PipelinedSubpartitionView implements ResultSubpartitionView {

    private final PipelinedSubpartition subpartition;
    private final BufferAvailabilityListener listener;
    private final BufferAndBacklog result = new BufferAndBacklog();
    private volatile boolean released;

    PipelinedSubpartitionView(PipelinedSubpartition subpartition, BufferAvailabilityListener listener) {
        this.subpartition = subpartition;
        this.listener = listener;
    }

    BufferAvailabilityListener listener() {
        return listener;
    }

    @Override
    public BufferAndBacklog pollNext() throws IOException {
        return released ? null : subpartition.poll(result);
    }

    @Override
    public int getBacklog() {
        return subpartition.getBacklog();
    }

    @Override
    public void release() {
        if (!released) {
            released = true;
            subpartition.releaseView();
        }
    }

    @Override
    public boolean isReleased() {
        return released;
    }
}
