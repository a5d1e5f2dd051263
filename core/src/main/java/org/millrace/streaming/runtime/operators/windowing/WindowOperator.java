package org.millrace.streaming.runtime.operators.windowing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.api.common.state.ReducingState;
import org.millrace.api.common.state.ReducingStateDescriptor;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.NamespacedState;
import org.millrace.runtime.state.VoidNamespace;
import org.millrace.streaming.api.operators.InternalTimer;
import org.millrace.streaming.api.operators.InternalTimerServiceImpl;
import org.millrace.streaming.api.operators.KeyContext;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.operators.SideOutputs;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.streaming.api.operators.TimestampedCollector;
import org.millrace.streaming.api.operators.Triggerable;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.api.windowing.assigners.MergingWindowAssigner;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.evictors.Evictor;
import org.millrace.streaming.api.windowing.triggers.EventTimeTrigger;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.triggers.TriggerResult;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/**
 * Windows on a keyed stream, with Flink's semantics. Per element: the assigner names its windows;
 * a window whose cleanup time (end + allowed lateness) the watermark has passed is skipped; the
 * element is folded into the window's state (key and window form the state's namespace in the
 * keyed backend); the trigger decides whether to fire or purge; a cleanup timer at the window's
 * cleanup time is registered. An element that fell only into skipped windows is late: it goes to
 * the late-data side output if there is one, else it is dropped. Timers fire windows (through the
 * trigger) and remove their state at cleanup time. Session (merging) windows keep the list of a
 * key's sessions; an element's window merges with the sessions it touches and their states,
 * trigger timers and cleanup timers move to the merged window.
 *
 * <p>Common case, kept cheap: tumbling event-time windows with {@code reduce}/{@code aggregate}.
 * The assigner returns cached window objects, the accumulator is folded in place in the state
 * table (one probe per element), and the trigger's timer doubles as the cleanup timer, so an
 * element costs one state probe and one timer-set probe and allocates nothing of the engine's.
 *
 * @param <S> the state kept per key and window (see {@link WindowContents})
 * @param <R> what the window function receives
 */
public final class WindowOperator<K, IN, S, R, OUT, W extends Window>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, W> {

    private final WindowAssigner<? super IN, W> assigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final WindowContents<IN, S, R> contents;
    private final InternalWindowFunction<R, OUT, K, W> windowFunction;
    private final Evictor<? super IN, ? super W> evictor;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataOutputTag;
    private final boolean merging;
    private final boolean eventTime;
    /**
     * The fast path: non-merging event-time windows, EventTimeTrigger, no allowed lateness. The
     * trigger's timer is then also the cleanup timer, and the trigger's per-element decision is
     * known without calling it (register the end-of-window timer, continue).
     */
    private final boolean cleanupTimerIsTriggerTimer;

    private final StreamOperatorParameters<OUT> parameters;
    private final Output<OUT> output;
    private final KeyContext<IN, K> keyContext;
    private final KeyedStateBackend<K> backend;
    private final InternalTimerServiceImpl<K, W> timers;
    private final NamespacedState<K, W, S> windowContents;
    private final NamespacedState<K, VoidNamespace, List<W>> sessions;
    private final TimestampedCollector<OUT> collector;
    private final SideOutputs sideOutputs;
    private final TriggerContextImpl triggerContext;
    private final WindowContextImpl windowContext;
    private final ElementTime elementTime = new ElementTime();
    private final WindowAssigner.WindowAssignerContext assignerContext;
    private long numLateRecordsDropped;

    @SuppressWarnings("unchecked")
    public WindowOperator(StreamOperatorParameters<OUT> parameters, WindowAssigner<? super IN, W> assigner,
            Trigger<? super IN, ? super W> trigger, WindowContents<IN, S, R> contents,
            InternalWindowFunction<R, OUT, K, W> windowFunction, Evictor<? super IN, ? super W> evictor,
            long allowedLateness, OutputTag<IN> lateDataOutputTag) {
        this.parameters = parameters;
        this.assigner = assigner;
        this.trigger = trigger;
        this.contents = contents;
        this.windowFunction = windowFunction;
        this.evictor = evictor;
        this.allowedLateness = allowedLateness;
        this.lateDataOutputTag = lateDataOutputTag;
        this.merging = assigner instanceof MergingWindowAssigner;
        this.eventTime = assigner.isEventTime();
        this.cleanupTimerIsTriggerTimer = eventTime && !merging && allowedLateness == 0 && trigger instanceof EventTimeTrigger;
        this.output = parameters.getOutput();
        this.keyContext = new KeyContext<>(parameters);
        this.backend = keyContext.getBackend();
        this.timers = new InternalTimerServiceImpl<>(backend, parameters.getProcessingTimeService(), this);
        try {
            @SuppressWarnings("unchecked")
            org.millrace.api.common.typeutils.TypeSerializer<W> windows = (org.millrace.api.common.typeutils.TypeSerializer<W>)
                    (org.millrace.api.common.typeutils.TypeSerializer<?>) new org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer<>(Object.class);
            timers.includeInSnapshots("_timers", windows);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.windowContents = backend.getNamespacedState("window-contents");
        this.sessions = backend.getNamespacedState("window-sessions");
        this.sessions.setCurrentNamespace(VoidNamespace.INSTANCE);
        this.collector = new TimestampedCollector<>(output);
        this.sideOutputs = new SideOutputs(output);
        this.triggerContext = new TriggerContextImpl();
        this.windowContext = new WindowContextImpl();
        this.assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timers.currentProcessingTime();
            }
        };
    }

    @Override
    public void open() throws Exception {
        windowFunction.open(parameters.getRuntimeContext());
    }

    @Override
    public void close() throws Exception {
        windowFunction.close();
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        K key = keyContext.setCurrentKeyOf(value);
        long ts = element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE;
        elementTime.set(element.hasTimestamp(), ts);
        Collection<W> windows = ((WindowAssigner<IN, W>) (WindowAssigner<?, W>) assigner).assignWindows(value, ts, assignerContext);
        boolean skipped = true;
        for (W window : windows) {
            W actual = merging ? addToSessions(key, window) : window;
            if (isWindowLate(actual)) {
                if (merging) {
                    retireSession(actual);
                }
                continue;
            }
            skipped = false;
            addAndTrigger(key, actual, value, ts);
        }
        if (skipped && isElementLate(ts)) {
            if (lateDataOutputTag != null) {
                sideOutputs.emit(lateDataOutputTag, value, element);
            } else {
                numLateRecordsDropped++;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void addAndTrigger(K key, W window, IN value, long ts) throws Exception {
        windowContents.setCurrentNamespace(window);
        S state = windowContents.get();
        S updated = contents.add(state, value, elementTime);
        // written back even when changed in place: a backend that stores bytes (RocksDB) needs it
        windowContents.update(updated);
        if (cleanupTimerIsTriggerTimer) {
            // EventTimeTrigger on a window that is not late: it would register the timer at the
            // window's end (already there unless the state is new) and continue
            if (state == null) {
                timers.registerUniqueEventTimeTimer(window, window.maxTimestamp());
            }
            return;
        }
        triggerContext.set(key, window);
        TriggerResult result = ((Trigger<IN, W>) (Trigger<?, ?>) trigger).onElement(value, ts, window, triggerContext);
        if (result.isFire()) {
            emitWindowContents(key, window, updated);
        }
        if (result.isPurge()) {
            windowContents.setCurrentNamespace(window);
            windowContents.clear();
        }
        if (!cleanupTimerIsTriggerTimer) {
            registerCleanupTimer(window);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        timers.advanceWatermark(mark.getTimestamp());
        output.emitWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        output.emitWatermarkStatus(status);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        W window = timer.getNamespace();
        List<W> keySessions = merging ? sessions.get() : null;
        if (merging && (keySessions == null || !keySessions.contains(window))) {
            return; // merged into another session, whose timers took over
        }
        triggerContext.set(timer.getKey(), window);
        TriggerResult result = ((Trigger<IN, W>) (Trigger<?, ?>) trigger).onEventTime(timer.getTimestamp(), window, triggerContext);
        fireOrPurge(timer.getKey(), window, result);
        if (eventTime && timer.getTimestamp() == cleanupTime(window)) {
            clearAllState(window, keySessions, !cleanupTimerIsTriggerTimer);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        W window = timer.getNamespace();
        List<W> keySessions = merging ? sessions.get() : null;
        if (merging && (keySessions == null || !keySessions.contains(window))) {
            return;
        }
        triggerContext.set(timer.getKey(), window);
        TriggerResult result = ((Trigger<IN, W>) (Trigger<?, ?>) trigger).onProcessingTime(timer.getTimestamp(), window, triggerContext);
        fireOrPurge(timer.getKey(), window, result);
        if (!eventTime && timer.getTimestamp() == cleanupTime(window)) {
            clearAllState(window, keySessions, true);
        }
    }

    /**
     * Acts on what the trigger said for a timer: the trigger runs even for a window without
     * contents (it may have timers of its own to re-register), but only contents are emitted.
     */
    private void fireOrPurge(K key, W window, TriggerResult result) throws Exception {
        if (result == TriggerResult.CONTINUE) {
            return;
        }
        windowContents.setCurrentNamespace(window);
        S state = windowContents.get();
        if (result.isFire() && state != null) {
            emitWindowContents(key, window, state);
        }
        if (result.isPurge()) {
            windowContents.setCurrentNamespace(window);
            windowContents.clear();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void emitWindowContents(K key, W window, S state) throws Exception {
        collector.setAbsoluteTimestamp(window.maxTimestamp());
        windowContext.window = window;
        if (evictor == null) {
            windowFunction.process(key, window, windowContext, contents.result(state), collector);
            return;
        }
        List<TimestampedValue<IN>> elements = (List<TimestampedValue<IN>>) state;
        Evictor rawEvictor = evictor;
        triggerContext.set(key, window);
        rawEvictor.evictBefore(elements, elements.size(), window, triggerContext);
        windowFunction.process(key, window, windowContext, contents.result(state), collector);
        rawEvictor.evictAfter(elements, elements.size(), window, triggerContext);
        if (elements.isEmpty()) {
            windowContents.setCurrentNamespace(window);
            windowContents.clear();
        }
    }

    /**
     * Removes everything of {@code window}. {@code clearTrigger} is false when the firing timer is
     * the trigger's only timer (EventTimeTrigger without lateness): nothing is left to delete.
     */
    private void clearAllState(W window, List<W> keySessions, boolean clearTrigger) throws Exception {
        windowContents.setCurrentNamespace(window);
        windowContents.clear();
        triggerContext.window = window;
        if (clearTrigger) {
            clearTrigger(window);
        }
        windowContext.window = window;
        windowFunction.clear(window, windowContext);
        if (keySessions != null) {
            retireSession(window);
        }
    }

    @SuppressWarnings("unchecked")
    private void clearTrigger(W window) throws Exception {
        ((Trigger<IN, W>) (Trigger<?, ?>) trigger).clear(window, triggerContext);
    }

    // ------------------------------------------------------------------ sessions (merging windows)

    /**
     * Adds {@code window} to the key's sessions, merging it with those it touches: their contents
     * move into the merged window, their trigger and cleanup timers go, and the trigger registers
     * what it needs for the merged window. Returns the session the element belongs to.
     */
    @SuppressWarnings("unchecked")
    private W addToSessions(K key, W window) throws Exception {
        List<W> keySessions = sessions.get();
        if (keySessions == null) {
            keySessions = new ArrayList<>(2);
            sessions.update(keySessions);
        }
        if (keySessions.contains(window)) {
            return window;
        }
        List<W> candidates = new ArrayList<>(keySessions.size() + 1);
        candidates.addAll(keySessions);
        candidates.add(window);
        List<Object[]> merges = new ArrayList<>(1);
        ((MergingWindowAssigner<IN, W>) (WindowAssigner<?, W>) assigner).mergeWindows(candidates,
                (toBeMerged, mergeResult) -> merges.add(new Object[] {new ArrayList<>(toBeMerged), mergeResult}));
        W actual = window;
        boolean newWindowMerged = false;
        for (Object[] merge : merges) {
            List<W> merged = (List<W>) merge[0];
            W result = (W) merge[1];
            if (merged.remove(window)) {
                newWindowMerged = true;
                actual = result;
            }
            merged.remove(result);
            if (merged.isEmpty()) {
                continue; // the new window lies inside an existing session: nothing merges
            }
            if (eventTime && cleanupTime(result) <= timers.currentWatermark()) {
                throw new UnsupportedOperationException("The end timestamp of an event-time window cannot become earlier"
                        + " than the current watermark by merging. Current watermark: " + timers.currentWatermark()
                        + " window: " + result);
            }
            if (!eventTime && result.maxTimestamp() <= timers.currentProcessingTime()) {
                throw new UnsupportedOperationException("The end timestamp of a processing-time window cannot become"
                        + " earlier than the current processing time by merging. Current processing time: "
                        + timers.currentProcessingTime() + " window: " + result);
            }
            triggerContext.set(key, result);
            triggerContext.mergedWindows = merged;
            ((Trigger<IN, W>) (Trigger<?, ?>) trigger).onMerge(result, triggerContext);
            triggerContext.mergedWindows = null;
            for (W m : merged) {
                triggerContext.window = m;
                clearTrigger(m);
                deleteCleanupTimer(m);
                moveContents(m, result);
                keySessions.remove(m);
            }
            if (!keySessions.contains(result)) {
                keySessions.add(result);
            }
        }
        if (!newWindowMerged) {
            keySessions.add(window);
        }
        sessions.update(keySessions);
        return actual;
    }

    private void moveContents(W from, W to) throws Exception {
        S source = windowContents.get(from);
        if (source == null) {
            return;
        }
        windowContents.clear(from);
        windowContents.setCurrentNamespace(to);
        S target = windowContents.get();
        windowContents.update(target == null ? source : contents.merge(target, source));
    }

    private void retireSession(W window) {
        List<W> keySessions = sessions.get();
        if (keySessions != null) {
            keySessions.remove(window);
            if (keySessions.isEmpty()) {
                sessions.clear();
            } else {
                sessions.update(keySessions);
            }
        }
    }

    // ------------------------------------------------------------------ lateness and cleanup

    private long cleanupTime(W window) {
        if (!eventTime) {
            return window.maxTimestamp();
        }
        long time = window.maxTimestamp() + allowedLateness;
        return time >= window.maxTimestamp() ? time : Long.MAX_VALUE;
    }

    private boolean isWindowLate(W window) {
        return eventTime && cleanupTime(window) <= timers.currentWatermark();
    }

    private boolean isElementLate(long timestamp) {
        return eventTime && timestamp != Long.MIN_VALUE && timestamp + allowedLateness <= timers.currentWatermark();
    }

    private void registerCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.registerEventTimeTimer(window, time);
        } else {
            timers.registerProcessingTimeTimer(window, time);
        }
    }

    private void deleteCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.deleteEventTimeTimer(window, time);
        } else {
            timers.deleteProcessingTimeTimer(window, time);
        }
    }

    /** Late elements dropped so far (no late-data side output). */
    public long getNumLateRecordsDropped() {
        return numLateRecordsDropped;
    }

    /** The operator's timers, for tests. */
    public InternalTimerServiceImpl<K, W> getInternalTimerService() {
        return timers;
    }

    // ------------------------------------------------------------------ contexts

    /** The element being added, as {@link WindowContents} sees its time. */
    private static final class ElementTime implements WindowContents.StreamRecordTime {
        private boolean has;
        private long ts;

        void set(boolean hasTimestamp, long timestamp) {
            this.has = hasTimestamp;
            this.ts = timestamp;
        }

        @Override
        public boolean hasTimestamp() {
            return has;
        }

        @Override
        public long timestamp() {
            return ts;
        }
    }

    /** The trigger's (and evictor's) view: timers and state of the current key and window. */
    private final class TriggerContextImpl implements Trigger.OnMergeContext, Evictor.EvictorContext {
        K key;
        W window;
        /** During {@code onMerge}: the windows merged into {@link #window}. */
        Collection<W> mergedWindows;
        private final PerWindowStateStore<K, W> state = new PerWindowStateStore<>(backend);

        void set(K key, W window) {
            this.key = key;
            this.window = window;
        }

        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(window, time);
        }

        @Override
        public <T> ValueState<T> getPartitionedState(ValueStateDescriptor<T> stateDescriptor) {
            state.setWindow(window);
            return state.getState(stateDescriptor);
        }

        @Override
        public <T> ReducingState<T> getPartitionedState(ReducingStateDescriptor<T> stateDescriptor) {
            state.setWindow(window);
            return state.getReducingState(stateDescriptor);
        }

        @Override
        public <T> void mergePartitionedState(ReducingStateDescriptor<T> stateDescriptor) throws Exception {
            if (mergedWindows == null) {
                throw new IllegalStateException("mergePartitionedState can only be called from Trigger.onMerge");
            }
            state.setWindow(window);
            state.mergeReducingState(stateDescriptor, mergedWindows);
        }
    }

    /** The window function's view of a fired window. */
    private final class WindowContextImpl implements InternalWindowFunction.InternalWindowContext {
        W window;
        private final PerWindowStateStore<K, W> windowState = new PerWindowStateStore<>(backend);
        private final KeyedStateStore globalState = new KeyedStateStore() {
            @Override
            public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
                return backend.getValueState(descriptor);
            }
        };

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            if (merging) {
                throw new UnsupportedOperationException("Per-window state is not supported when using merging windows.");
            }
            windowState.setWindow(window);
            return windowState;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalState;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, window.maxTimestamp());
        }
    }
}
