package org.millrace.streaming.api.windowing.triggers;

import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.state.ReducingState;
import org.millrace.api.common.state.ReducingStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.streaming.api.windowing.windows.Window;

/**
 * Fires a window every {@code maxCount} elements (counted per key and window) and restarts the
 * count. It never purges: wrap it in {@link PurgingTrigger} for tumbling count windows. With
 * merging (session) windows the counts of merged windows add up.
 */
public class CountTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ReducingStateDescriptor<Long> countDescriptor = new ReducingStateDescriptor<>("count", new Sum(), Types.LONG);

    private CountTrigger(long maxCount) {
        this.maxCount = maxCount;
    }

    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("The count of a CountTrigger must be positive, was " + maxCount);
        }
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
        count.add(1L);
        if (count.get() >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    /** The merged window's count is the sum of the merged windows'; it fires with its next element. */
    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(countDescriptor);
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }

    /** Adds counts. */
    private static final class Sum implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return a + b;
        }
    }
}
