package org.millrace.runtime.heartbeat;

import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} whose clock moves only when the test calls {@link #advance}:
 * due tasks then run on the test's thread, in time order. Lets timeout logic be tested without
 * sleeping and without threads.
 */
final class ManualScheduledExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long nowNanos;
    private long nextSequence;
    private boolean shutdown;

    /** Moves the clock forward by {@code duration}, running every task that falls due on the way (on this thread). */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowNanos + duration.toNanos();
        }
        while (true) {
            Task<?> due;
            synchronized (this) {
                if (queue.isEmpty() || queue.peek().timeNanos > target) {
                    nowNanos = target;
                    return;
                }
                due = queue.poll();
                nowNanos = due.timeNanos;
            }
            due.runScheduled(); // without the lock: the task may schedule or cancel others
        }
    }

    /** Tasks waiting for their time (cancelled ones are removed at once). */
    synchronized int scheduledTasks() {
        return queue.size();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(new Task<>(Executors.callable(command, null), unit.toNanos(delay), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, unit.toNanos(delay), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return enqueue(new Task<>(Executors.callable(command, null), unit.toNanos(initialDelay), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        // tasks take no time on this clock, so a fixed delay is a fixed rate
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        queue.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private synchronized <V> Task<V> enqueue(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        task.timeNanos = nowNanos + task.timeNanos;
        task.sequence = nextSequence++;
        queue.add(task);
        return task;
    }

    private synchronized void reschedule(Task<?> task) {
        if (!shutdown && !task.isCancelled()) {
            task.timeNanos += task.periodNanos;
            task.sequence = nextSequence++;
            queue.add(task);
        }
    }

    private synchronized void remove(Task<?> task) {
        queue.remove(task);
    }

    private synchronized long now() {
        return nowNanos;
    }

    /** A task with its due time; periodic ones go back into the queue after each run. */
    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        long timeNanos;
        long sequence;
        final long periodNanos;

        Task(Callable<V> callable, long delayNanos, long periodNanos) {
            super(callable);
            this.timeNanos = delayNanos;
            this.periodNanos = periodNanos;
        }

        void runScheduled() {
            if (periodNanos == 0) {
                run();
            } else if (runAndReset()) {
                reschedule(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            remove(this);
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(timeNanos - now(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> that = (Task<?>) other;
            int byTime = Long.compare(timeNanos, that.timeNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, that.sequence);
        }
    }
}
