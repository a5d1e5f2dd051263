package org.millrace.runtime.checkpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link CheckpointTimer} and clock driven by the test: {@link #advance} runs what falls due, in time order. */
final class ManualCheckpointTimer implements CheckpointTimer {

    private final class Task implements Scheduled {
        final long due;
        final Runnable action;
        boolean cancelled;

        Task(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000;

    @Override
    public Scheduled schedule(Runnable action, long delayMillis) {
        Task task = new Task(now + delayMillis, action);
        tasks.add(task);
        return task;
    }

    long now() {
        return now;
    }

    /** Moves the clock forward by {@code millis}, running every action that falls due on the way. */
    void advance(long millis) {
        long target = now + millis;
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && t.due <= target)
                    .min(Comparator.comparingLong(t -> t.due)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due);
            next.action.run();
        }
        now = target;
    }
}
