package org.millrace.runtime.checkpoint;

import org.millrace.configuration.CheckpointingOptions;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.filesystem.ChecksummedStateOutputStream;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.millrace.runtime.state.filesystem.FsCheckpointStorage;

/**
 * The coordinator's decisions with a hand-driven clock, writing real files: when it triggers, when
 * a checkpoint completes (metadata readable by recovery), and what expiry, declines, subsumption and
 * the tolerable-failure limit do.
 */
class CheckpointCoordinatorTest {

    private static final TaskId SOURCE = new TaskId(1, 0);
    private static final TaskId SINK = new TaskId(2, 0);

    @TempDir
    Path tmp;

    private final JobID job = JobID.generate();
    private final ManualCheckpointTimer timer = new ManualCheckpointTimer();
    private final List<String> events = new ArrayList<>();
    private Optional<Set<TaskId>> running = Optional.of(Set.of(SOURCE, SINK));
    private Throwable jobFailure;
    private FsCheckpointStorage storage;
    private CheckpointCoordinator coordinator;

    private final CheckpointCoordinator.JobTasks tasks = new CheckpointCoordinator.JobTasks() {
        @Override
        public Optional<Set<TaskId>> runningTasks() {
            return running;
        }

        @Override
        public void triggerCheckpoint(long checkpointId, long timestamp, String targetLocation, boolean drain) {
            events.add("trigger " + checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            events.add("complete " + checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            events.add("abort " + checkpointId);
        }

        @Override
        public void failJob(Throwable cause) {
            jobFailure = cause;
        }
    };

    @BeforeEach
    void openStorage() throws IOException {
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), tmp.toUri().toString());
        storage = FsCheckpointStorage.create(conf, job);
    }

    @AfterEach
    void close() throws IOException {
        if (coordinator != null) {
            coordinator.close();
        }
        storage.close();
    }

    private void start(String... settings) {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", "10 s");
        for (int i = 0; i < settings.length; i += 2) {
            conf.setString(settings[i], settings[i + 1]);
        }
        CheckpointCoordinatorConfiguration config = CheckpointCoordinatorConfiguration.fromConfiguration(conf);
        CompletedCheckpointStore store = new CompletedCheckpointStore(2, c -> storage.discard(c.directory()));
        coordinator = new CheckpointCoordinator(job, config, Map.of("source", new OperatorInfo(1, 128),
                "sink", new OperatorInfo(1, 128)), storage, store, 1, timer, timer::now, tasks);
        coordinator.startCheckpointScheduler();
    }

    /** A task's acknowledgement with one real state file in the checkpoint's directory. */
    private void acknowledge(long checkpointId, TaskId task, String operator) throws IOException {
        FileStateHandle handle;
        try (ChecksummedStateOutputStream out = storage.locationOf(checkpointId).createStateFile(operator + "-0.keyed")) {
            out.write((operator + " state at " + checkpointId).getBytes(UTF_8));
            handle = out.closeAndGetHandle();
        }
        coordinator.acknowledge(checkpointId, task,
                Map.of(operator, new SubtaskState(0, new KeyGroupRange(0, 127), List.of(handle), List.of())));
    }

    private boolean checkpointDirectoryExists(long checkpointId) throws IOException {
        FileSystem fs = storage.getFileSystem();
        return fs.exists(new org.apache.hadoop.fs.Path(storage.getJobDirectory(), "chk-" + checkpointId));
    }

    @Test
    void periodicCheckpointCompletesOnceEveryTaskAcknowledgedAndRecoveryFindsIt() throws Exception {
        start();
        timer.advance(9_999);
        assertEquals(List.of(), events);
        timer.advance(1);
        assertEquals(List.of("trigger 1"), events);

        acknowledge(1, SOURCE, "source");
        assertEquals(List.of(1L), coordinator.getPendingCheckpointIds());
        acknowledge(1, SINK, "sink");

        assertEquals(List.of("trigger 1", "complete 1"), events);
        assertEquals(List.of(), coordinator.getPendingCheckpointIds());
        CompletedCheckpoint recovered = CheckpointRecovery.latestUsable(storage.getFileSystem(), storage.getJobDirectory())
                .orElseThrow();
        assertEquals(1, recovered.checkpointId());
        assertEquals(Set.of("source", "sink"), Set.copyOf(recovered.metadata().operators().stream()
                .map(OperatorState::operatorId).toList()));
        assertEquals(1, coordinator.getCompletedCheckpoints().latest().orElseThrow().checkpointId());
    }

    @Test
    void aCheckpointInProgressHoldsBackTheNextTriggerAndMinPauseSpacesThem() throws Exception {
        start("execution.checkpointing.min-pause", "8 s");
        timer.advance(10_000);                       // checkpoint 1 starts at t=10 s
        timer.advance(10_000);                       // t=20 s: 1 still in progress, no second one
        assertEquals(List.of("trigger 1"), events);
        acknowledge(1, SOURCE, "source");
        timer.advance(5_000);                        // t=25 s
        acknowledge(1, SINK, "sink");                // 1 ends at t=25 s
        timer.advance(5_000);                        // t=30 s: the periodic trigger is due, but min pause runs to 33 s
        assertEquals(List.of("trigger 1", "complete 1"), events);
        timer.advance(2_999);
        assertEquals(List.of("trigger 1", "complete 1"), events);
        timer.advance(1);
        assertEquals(List.of("trigger 1", "complete 1", "trigger 2"), events);
    }

    @Test
    void expiredCheckpointIsAbortedItsFilesDeletedAndTheJobFailsBeyondTheTolerance() throws Exception {
        start("execution.checkpointing.timeout", "30 s", "execution.checkpointing.tolerable-failed-checkpoints", "1");
        timer.advance(10_000);
        acknowledge(1, SOURCE, "source");
        assertTrue(checkpointDirectoryExists(1));

        timer.advance(30_000);                       // t=40 s: 1 expires (its files go), then 2 is triggered

        assertFalse(checkpointDirectoryExists(1));
        assertTrue(events.contains("abort 1"), events.toString());
        assertNull(jobFailure, "one failed checkpoint is tolerated");
        timer.advance(100_000);                      // 2 expires at t=70 s too: two failures in a row
        assertTrue(jobFailure instanceof CheckpointException, String.valueOf(jobFailure));
        assertTrue(jobFailure.getMessage().contains("tolerable-failed-checkpoints")
                && jobFailure.getMessage().contains("expired after 30000 ms"), jobFailure.getMessage());
    }

    @Test
    void aCompletedCheckpointResetsTheFailureCountAndADeclineAbortsAtOnce() throws Exception {
        start("execution.checkpointing.tolerable-failed-checkpoints", "1");
        timer.advance(10_000);
        coordinator.decline(1, SINK, new IOException("disk full"));
        assertTrue(events.contains("abort 1"));
        timer.advance(10_000);
        acknowledge(2, SOURCE, "source");
        acknowledge(2, SINK, "sink");
        timer.advance(10_000);
        coordinator.decline(3, SOURCE, new IOException("disk full again"));

        assertNull(jobFailure, "the completed checkpoint 2 reset the count: one failure in a row");
        assertEquals(List.of("trigger 1", "abort 1", "trigger 2", "complete 2", "trigger 3", "abort 3"), events);
    }

    @Test
    void newerCompletedCheckpointSubsumesOlderPendingOnesAndLateAcknowledgementsAreIgnored() throws Exception {
        start("execution.checkpointing.max-concurrent-checkpoints", "2");
        timer.advance(10_000);
        timer.advance(10_000);
        acknowledge(2, SOURCE, "source");
        acknowledge(2, SINK, "sink");

        assertEquals(List.of("trigger 1", "trigger 2", "abort 1", "complete 2"), events);
        assertFalse(checkpointDirectoryExists(1));
        acknowledge(1, SOURCE, "source");            // late: nothing happens
        assertEquals(List.of(), coordinator.getPendingCheckpointIds());
        assertEquals(2, coordinator.getCompletedCheckpoints().latest().orElseThrow().checkpointId());
    }

    @Test
    void noCheckpointIsTriggeredWhileNotAllTasksRun() throws Exception {
        running = Optional.empty();
        start();
        timer.advance(30_000);

        assertEquals(List.of(), events);
        assertNull(jobFailure);
        running = Optional.of(Set.of(SOURCE, SINK));
        timer.advance(10_000);
        assertEquals(List.of("trigger 1"), events);
    }

    @Test
    void checkpointingIsOffWithoutIntervalAndBadValuesNameTheirKey() {
        assertNull(CheckpointCoordinatorConfiguration.fromConfiguration(new Configuration()));
        Configuration bad = new Configuration();
        bad.setString("execution.checkpointing.interval", "10 s");
        bad.setString("execution.checkpointing.max-concurrent-checkpoints", "0");

        IllegalConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalConfigurationException.class,
                () -> CheckpointCoordinatorConfiguration.fromConfiguration(bad));

        assertTrue(e.getMessage().contains("'execution.checkpointing.max-concurrent-checkpoints'"), e.getMessage());
    }

    @Test
    void manualTriggerCompletesItsFuture() throws Exception {
        start();
        CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
        acknowledge(1, SOURCE, "source");
        acknowledge(1, SINK, "sink");

        assertEquals(1, future.get().checkpointId());
        assertEquals(List.of("trigger 1", "complete 1"), events);
    }
}
