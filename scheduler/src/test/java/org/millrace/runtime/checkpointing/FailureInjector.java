package org.millrace.runtime.checkpointing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.api.common.state.CheckpointListener;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.executiongraph.failover.RestartStrategyOptions;

/**
 * Passes records on and fails on purpose, after checkpoints completed: the first attempts of one
 * subtask throw on the first record once they have seen a number of completed checkpoints. Counts
 * (in this JVM, where the MiniCluster runs) the failures it injected and the records the failing
 * subtask read in the attempts after them.
 */
final class FailureInjector extends RichMapFunction<Long, Long> implements CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static final Map<Integer, AtomicLong> INJECTED = new ConcurrentHashMap<>();
    private static final Map<Integer, AtomicLong> READ_AFTER_FAILURES = new ConcurrentHashMap<>();

    private final int id = NEXT_ID.incrementAndGet();
    private final int failingSubtask;
    private final int failingAttempts;
    private final int checkpointsBeforeFailure;
    private int completedCheckpoints;

    /**
     * @param failingAttempts attempts 0 .. failingAttempts-1 of {@code failingSubtask} fail
     * @param checkpointsBeforeFailure completed checkpoints an attempt sees before it fails
     */
    FailureInjector(int failingSubtask, int failingAttempts, int checkpointsBeforeFailure) {
        this.failingSubtask = failingSubtask;
        this.failingAttempts = failingAttempts;
        this.checkpointsBeforeFailure = checkpointsBeforeFailure;
        INJECTED.put(id, new AtomicLong());
        READ_AFTER_FAILURES.put(id, new AtomicLong());
    }

    /** The configuration of a job that checkpoints into {@code checkpoints} and restarts {@code attempts} times. */
    static Configuration restartingConfiguration(Path checkpoints, int attempts) {
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), checkpoints.toUri().toString());
        conf.setString(RestartStrategyOptions.RESTART_STRATEGY_TYPE.key(), "fixed-delay");
        conf.setString(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS.key(), String.valueOf(attempts));
        conf.setString(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY.key(), "10 ms");
        return conf;
    }

    @Override
    public Long map(Long value) {
        if (getRuntimeContext().getIndexOfThisSubtask() != failingSubtask) {
            return value;
        }
        int attempt = getRuntimeContext().getAttemptNumber();
        if (attempt < failingAttempts && completedCheckpoints >= checkpointsBeforeFailure) {
            INJECTED.get(id).incrementAndGet();
            throw new IllegalStateException("injected failure of attempt " + attempt + " after "
                    + completedCheckpoints + " completed checkpoints");
        }
        if (attempt >= failingAttempts) {
            READ_AFTER_FAILURES.get(id).incrementAndGet();
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        completedCheckpoints++;
    }

    long injectedFailures() {
        return INJECTED.get(id).get();
    }

    /** Records the failing subtask read in its attempts after the failing ones. */
    long readAfterFailures() {
        return READ_AFTER_FAILURES.get(id).get();
    }
}
