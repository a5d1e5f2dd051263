package org.millrace.streaming.runtime.tasks;

import java.io.IOException;
import java.util.ArrayDeque;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.CheckpointBarrier;
import org.millrace.runtime.io.network.InputGate;

/**
 * Between a task's input gate and its input processor: counts each checkpoint's barriers over the
 * channels and calls the task's checkpoint when the last one arrived (channels that have ended
 * count as arrived). For exactly-once it aligns: what a channel delivers after its barrier is held
 * back until the barriers of all channels are in, then replayed in order, so the snapshot holds the
 * effect of exactly the records before the barriers. At-least-once holds nothing back.
 *
 * <pre>
 *  gate ─> [blocked channel? ─> held per channel] ─> processor
 *                                 │ all barriers in: checkpoint, then held ─> replay ─> processor
 * </pre>
 *
 * <p>Holding costs no extra memory beyond what the producers could send anyway: held buffers are
 * not recycled, so the blocked channels' producers run out of credit (or local buffers) and stop.
 * Task thread only.
 */
final class CheckpointBarrierAligner {

    /** What the task does when a checkpoint's barriers are all in. */
    interface BarrierAction {
        void aligned(CheckpointBarrier barrier) throws Exception;

        /** A newer checkpoint's barrier came before all of {@code checkpointId}'s did: that one is given up. */
        void abandoned(long checkpointId);
    }

    private final boolean exactlyOnce;
    private final BarrierAction action;
    private final boolean[] barrierReceived;
    private final boolean[] ended;
    private final ArrayDeque<BufferOrEvent>[] held;
    private final ArrayDeque<BufferOrEvent> replay = new ArrayDeque<>();
    private long currentCheckpointId = -1;
    /** The barrier of the checkpoint being aligned, while some channels' barriers are missing. */
    private CheckpointBarrier pendingBarrier;
    private int received;
    private int heldCount;

    @SuppressWarnings("unchecked")
    CheckpointBarrierAligner(int channels, boolean exactlyOnce, BarrierAction action) {
        this.exactlyOnce = exactlyOnce;
        this.action = action;
        this.barrierReceived = new boolean[channels];
        this.ended = new boolean[channels];
        this.held = new ArrayDeque[channels];
        for (int i = 0; i < channels; i++) {
            held[i] = new ArrayDeque<>();
        }
    }

    /** The next buffer or event to process: replayed ones first, never one of a blocked channel. */
    BufferOrEvent pollNext(InputGate gate) throws IOException, InterruptedException {
        BufferOrEvent next;
        while ((next = replay.poll()) != null) {
            if (!holdIfBlocked(next)) {
                return next;
            }
        }
        while ((next = gate.pollNext()) != null) {
            if (!holdIfBlocked(next)) {
                return next;
            }
        }
        return null;
    }

    private boolean holdIfBlocked(BufferOrEvent next) {
        int channel = next.getChannelIndex();
        if (exactlyOnce && barrierReceived[channel]) {
            held[channel].add(next);
            heldCount++;
            return true;
        }
        return false;
    }

    /** Nothing held or waiting to be replayed. */
    boolean isIdle() {
        return replay.isEmpty() && heldCount == 0;
    }

    void barrier(CheckpointBarrier barrier, int channel) throws Exception {
        long id = barrier.getCheckpointId();
        if (id < currentCheckpointId || (id == currentCheckpointId && received == 0)) {
            return; // a late barrier of a checkpoint already taken or given up
        }
        if (id > currentCheckpointId) {
            if (received > 0) {
                long abandoned = currentCheckpointId;
                release();
                action.abandoned(abandoned);
            }
            currentCheckpointId = id;
        }
        if (!barrierReceived[channel]) {
            barrierReceived[channel] = true;
            received++;
        }
        completeIfAligned(barrier);
    }

    /** A channel ended: a checkpoint waiting only for that channel's barrier is now complete. */
    void channelEnded(int channel) throws Exception {
        if (!ended[channel]) {
            ended[channel] = true;
            if (received > 0 && pendingBarrier != null) {
                completeIfAligned(pendingBarrier);
            }
        }
    }

    private void completeIfAligned(CheckpointBarrier barrier) throws Exception {
        pendingBarrier = barrier;
        int waitingFor = 0;
        for (int c = 0; c < barrierReceived.length; c++) {
            if (!barrierReceived[c] && !ended[c]) {
                waitingFor++;
            }
        }
        if (waitingFor == 0) {
            pendingBarrier = null;
            release();
            action.aligned(barrier);
        }
    }

    /** Unblocks every channel; what they delivered meanwhile is processed next, in channel order. */
    private void release() {
        for (int c = 0; c < barrierReceived.length; c++) {
            barrierReceived[c] = false;
            replay.addAll(held[c]);
            held[c].clear();
        }
        heldCount = 0;
        received = 0;
        pendingBarrier = null;
    }
}
