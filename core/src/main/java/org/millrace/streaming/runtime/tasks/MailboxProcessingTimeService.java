package org.millrace.streaming.runtime.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ProcessingTimeService} of one operator in a task: the TaskExecutor's timer thread
 * waits, then posts a mail; the task thread runs the callback between records. A failing callback
 * fails the task naming the operator. {@link #shutdown()} cancels whatever is still scheduled.
 */
final class MailboxProcessingTimeService implements ProcessingTimeService {

    private final ScheduledExecutorService timerThread;
    private final TaskMailbox mailbox;
    private final String operatorName;
    private final String subtask;
    /** Touched by the task thread only. */
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile boolean shutdown;

    MailboxProcessingTimeService(ScheduledExecutorService timerThread, TaskMailbox mailbox, String operatorName, String subtask) {
        this.timerThread = timerThread;
        this.mailbox = mailbox;
        this.operatorName = operatorName;
        this.subtask = subtask;
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
        long delay = Math.max(0, timestamp - getCurrentProcessingTime());
        ScheduledFuture<?> future = timerThread.schedule(() -> post(callback, timestamp), delay, TimeUnit.MILLISECONDS);
        track(future);
        return future;
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
        ScheduledFuture<?> future = timerThread.scheduleWithFixedDelay(() -> post(callback, -1),
                initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
        track(future);
        return future;
    }

    private void track(ScheduledFuture<?> future) {
        scheduled.removeIf(ScheduledFuture::isDone);
        scheduled.add(future);
    }

    private void post(ProcessingTimeCallback callback, long timestamp) {
        if (shutdown) {
            return;
        }
        mailbox.put(() -> {
            if (shutdown) {
                return;
            }
            try {
                callback.onProcessingTime(timestamp >= 0 ? timestamp : getCurrentProcessingTime());
            } catch (OperatorFailureException | TaskCancelledException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorFailureException(operatorName, subtask, e);
            }
        });
    }

    /** Cancels every pending timer; mails already posted do nothing. Task thread. */
    void shutdown() {
        shutdown = true;
        for (ScheduledFuture<?> f : scheduled) {
            f.cancel(false);
        }
        scheduled.clear();
    }
}
