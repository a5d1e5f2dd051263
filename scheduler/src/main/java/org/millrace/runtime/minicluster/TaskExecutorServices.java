package org.millrace.runtime.minicluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.NettyShuffleEnvironmentOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.shuffle.ShuffleEnvironment;

/**
 * What the tasks on one TaskExecutor share: the shuffle environment (network buffer pool and
 * partitions), a timer thread for buffer-timeout flushes, and the slot count.
 */
final class TaskExecutorServices implements AutoCloseable {

    private final ShuffleEnvironment shuffleEnvironment;
    private final ScheduledExecutorService timerService;
    private final int numberOfSlots;

    TaskExecutorServices(Configuration configuration, int numberOfSlots) {
        long segmentSize = configuration.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytes();
        long networkMemory = configuration.get(TaskManagerOptions.NETWORK_MEMORY_MAX).getBytes();
        int numberOfSegments = (int) Math.max(1, networkMemory / segmentSize);
        this.shuffleEnvironment = new ShuffleEnvironment(numberOfSegments, (int) segmentSize,
                configuration.get(NettyShuffleEnvironmentOptions.NETWORK_BUFFERS_PER_CHANNEL),
                configuration.get(NettyShuffleEnvironmentOptions.NETWORK_EXTRA_BUFFERS_PER_GATE));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("Task timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.timerService = timer;
        this.numberOfSlots = numberOfSlots;
    }

    ShuffleEnvironment getShuffleEnvironment() {
        return shuffleEnvironment;
    }

    ScheduledExecutorService getTimerService() {
        return timerService;
    }

    int getNumberOfSlots() {
        return numberOfSlots;
    }

    @Override
    public void close() throws InterruptedException {
        timerService.shutdownNow();
        timerService.awaitTermination(10, TimeUnit.SECONDS);
        shuffleEnvironment.close();
    }
}
