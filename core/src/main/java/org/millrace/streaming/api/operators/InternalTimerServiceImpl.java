package org.millrace.streaming.api.operators;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;
import org.millrace.runtime.state.KeyGroupedState;

import java.util.concurrent.ScheduledFuture;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.streaming.runtime.tasks.ProcessingTimeService;

/**
 * The event-time and processing-time timers of one keyed operator, each in a {@link TimerQueue}.
 * The {@link InternalTimer} handed to the operator when a timer fires is a reused view: valid
 * during the call only.
 *
 * <ul>
 *   <li>Event time: {@link #advanceWatermark} fires, in timestamp order, every timer at or below
 *       the new watermark; the operator forwards the watermark only afterwards. A timer registered
 *       while firing, at or below the watermark, fires in the same pass.
 *   <li>Processing time: one wall-clock timer is pending for the earliest timer; when it runs (as
 *       a mail in the task thread) it fires what is due and schedules the next.
 * </ul>
 *
 * Before each firing the backend's current key becomes the timer's key.
 */
public final class InternalTimerServiceImpl<K, N> implements InternalTimerService<N> {

    private final KeyedStateBackend<K> backend;
    private final ProcessingTimeService processingTimeService;
    private final Triggerable<K, N> triggerable;
    private final TimerQueue<K, N> eventTimeTimers;
    private final TimerQueue<K, N> processingTimeTimers;
    private long currentWatermark = Long.MIN_VALUE;
    private long scheduledProcessingTime = Long.MAX_VALUE;
    private ScheduledFuture<?> scheduledProcessingTimer;
    private final TimerQueue.PolledTimer<K, N> polled = new TimerQueue.PolledTimer<>();

    public InternalTimerServiceImpl(KeyedStateBackend<K> backend, ProcessingTimeService processingTimeService,
            Triggerable<K, N> triggerable) {
        this.backend = backend;
        this.processingTimeService = processingTimeService;
        this.triggerable = triggerable;
        int first = backend.getKeyGroupRange().startKeyGroup();
        int count = backend.getKeyGroupRange().size();
        this.eventTimeTimers = new TimerQueue<>(first, count);
        this.processingTimeTimers = new TimerQueue<>(first, count);
    }

    @Override
    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        eventTimeTimers.add(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup());
    }

    /**
     * Registers an event-time timer for the current key that the caller guarantees is unique and
     * that it never deletes or registers again (one timer per state entry it creates, whose firing
     * removes the entry). Deduplication is then by construction, so the timer skips the set
     * lookup and is stored as a few array slots.
     */
    public void registerUniqueEventTimeTimer(N namespace, long time) {
        eventTimeTimers.addUnique(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup());
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimeTimers.remove(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup());
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        if (processingTimeTimers.add(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup())
                && time < scheduledProcessingTime) {
            schedule(time);
        }
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimeTimers.remove(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup());
    }

    /**
     * Makes the timers part of the backend's snapshots (and restores those of an earlier run,
     * scheduling the earliest processing-time timer again).
     */
    public void includeInSnapshots(String name, TypeSerializer<N> namespaceSerializer) throws IOException {
        backend.register(name + "/event-time", new TimersOfKeyGroup(eventTimeTimers, namespaceSerializer));
        backend.register(name + "/processing-time", new TimersOfKeyGroup(processingTimeTimers, namespaceSerializer));
    }

    /** One queue's timers of a key group: {@code int count}, then {@code long time, key, namespace} each. */
    private final class TimersOfKeyGroup implements KeyGroupedState {
        private final TimerQueue<K, N> queue;
        private final TypeSerializer<N> namespaceSerializer;

        TimersOfKeyGroup(TimerQueue<K, N> queue, TypeSerializer<N> namespaceSerializer) {
            this.queue = queue;
            this.namespaceSerializer = namespaceSerializer;
        }

        @Override
        public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
            List<InternalTimer<K, N>> timers = new ArrayList<>();
            queue.forEachInKeyGroup(keyGroup, timers::add);
            if (timers.isEmpty()) {
                return false;
            }
            out.writeInt(timers.size());
            TypeSerializer<K> keys = backend.getKeySerializer();
            for (InternalTimer<K, N> timer : timers) {
                out.writeLong(timer.getTimestamp());
                keys.serialize(timer.getKey(), out);
                namespaceSerializer.serialize(timer.getNamespace(), out);
            }
            return true;
        }

        @Override
        public void readKeyGroup(int keyGroup, DataInputView in) throws IOException {
            int count = in.readInt();
            TypeSerializer<K> keys = backend.getKeySerializer();
            for (int i = 0; i < count; i++) {
                long time = in.readLong();
                queue.add(time, keys.deserialize(in), namespaceSerializer.deserialize(in), keyGroup);
            }
            long next = queue.peekTime();
            if (queue == processingTimeTimers && queue.size() > 0 && next < scheduledProcessingTime) {
                schedule(next);
            }
        }
    }

    /** Fires the event-time timers up to {@code watermark}, in timestamp order. */
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        TimerQueue.PolledTimer<K, N> timer = polled;
        while (eventTimeTimers.hasTimerDueAt(watermark)) {
            eventTimeTimers.poll(timer);
            backend.setCurrentKey(timer.getKey(), timer.getKeyGroup());
            triggerable.onEventTime(timer);
        }
    }

    private void schedule(long time) {
        if (scheduledProcessingTimer != null) {
            scheduledProcessingTimer.cancel(false);
        }
        scheduledProcessingTime = time;
        scheduledProcessingTimer = processingTimeService.registerTimer(time, this::onProcessingTime);
    }

    private void onProcessingTime(long time) throws Exception {
        scheduledProcessingTimer = null;
        scheduledProcessingTime = Long.MAX_VALUE;
        TimerQueue.PolledTimer<K, N> timer = new TimerQueue.PolledTimer<>();
        while (processingTimeTimers.hasTimerDueAt(time)) {
            processingTimeTimers.poll(timer);
            backend.setCurrentKey(timer.getKey(), timer.getKeyGroup());
            triggerable.onProcessingTime(timer);
        }
        long next = processingTimeTimers.peekTime();
        if (processingTimeTimers.size() > 0 && next < scheduledProcessingTime) {
            schedule(next);
        }
    }

    /** Number of pending event-time timers (tests, metrics). */
    public int numEventTimeTimers() {
        return eventTimeTimers.size();
    }

    /** Number of pending processing-time timers (tests, metrics). */
    public int numProcessingTimeTimers() {
        return processingTimeTimers.size();
    }
}
