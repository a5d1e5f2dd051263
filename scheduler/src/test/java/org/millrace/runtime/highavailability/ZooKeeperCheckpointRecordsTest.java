package org.millrace.runtime.highavailability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.checkpoint.CheckpointIdCounter;
import org.millrace.runtime.checkpoint.CheckpointMetadata;
import org.millrace.runtime.checkpoint.CompletedCheckpoint;
import org.millrace.runtime.checkpoint.CompletedCheckpointPointers;
import org.millrace.runtime.checkpoint.CompletedCheckpointStore;
import org.millrace.runtime.state.filesystem.FsCheckpointStorage;

/**
 * Checkpoint ids and completed-checkpoint pointers in a real ZooKeeper (Curator's TestingServer),
 * checkpoints on {@code file://}: what a new leader (a second client) continues with and restores,
 * and what a terminal job leaves behind.
 */
@Timeout(120)
class ZooKeeperCheckpointRecordsTest {

    @TempDir
    Path tmp;

    private TestingServer zooKeeper;
    private Configuration configuration;
    private CuratorFramework oldLeader;
    private CuratorFramework newLeader;
    private FsCheckpointStorage storage;
    private final JobID jobId = JobID.generate();

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new TestingServer(true);
        configuration = ZooKeeperHaTesting.configuration(zooKeeper);
        configuration.set(HighAvailabilityOptions.HA_CLUSTER_ID, "/checkpoint-records-test");
        oldLeader = ZooKeeperClients.start(configuration);
        newLeader = ZooKeeperClients.start(configuration);
        storage = new FsCheckpointStorage(FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
                new org.apache.hadoop.fs.Path(tmp.resolve("checkpoints").toUri()), jobId);
    }

    @AfterEach
    void stop() throws Exception {
        storage.close();
        oldLeader.close();
        newLeader.close();
        zooKeeper.close();
    }

    @Test
    void aNewLeaderContinuesCheckpointIdsAboveEveryIdTheOldLeaderHandedOut() throws Exception {
        CheckpointIdCounter old = new ZooKeeperCheckpointRecoveryFactory(oldLeader).createIdCounter(jobId, null, null);
        assertEquals(1, old.getAndIncrement());
        assertEquals(2, old.getAndIncrement());
        assertEquals(3, old.getAndIncrement()); // e.g. a checkpoint that was pending when the leader died

        CheckpointIdCounter next = new ZooKeeperCheckpointRecoveryFactory(newLeader).createIdCounter(jobId, null, null);
        assertEquals(4, next.getAndIncrement());
        next.raiseTo(10); // a job restored from savepoint 9
        next.raiseTo(7); // never lowers
        assertEquals(10, next.getAndIncrement());
        assertEquals(11, old.getAndIncrement());
    }

    @Test
    void aNewLeaderRestoresTheNewestRecordedCheckpointNotANewerUnrecordedDirectory() throws Exception {
        CompletedCheckpointStore store = store(oldLeader, 2);
        store.add(writeCheckpoint(1));
        store.add(writeCheckpoint(2));
        writeCheckpoint(3); // its metadata is complete, but the leader died before recording it

        CompletedCheckpointPointers pointers = new ZooKeeperCheckpointRecoveryFactory(newLeader).createPointers(jobId);
        assertEquals(2, pointers.latestUsable(storage.getFileSystem(), storage.getJobDirectory()).orElseThrow()
                .checkpointId());
        // what a directory scan (no HA) would have restored instead
        assertEquals(3, CompletedCheckpointPointers.DIRECTORY_SCAN.latestUsable(storage.getFileSystem(),
                storage.getJobDirectory()).orElseThrow().checkpointId());
    }

    @Test
    void aDamagedNewestRecordedCheckpointIsSkippedForTheRecordedOneBeforeIt() throws Exception {
        CompletedCheckpointStore store = store(oldLeader, 2);
        store.add(writeCheckpoint(1));
        CompletedCheckpoint second = writeCheckpoint(2);
        store.add(second);
        Files.delete(Path.of(java.net.URI.create(second.directory())).resolve("_metadata"));

        CompletedCheckpointPointers pointers = new ZooKeeperCheckpointRecoveryFactory(newLeader).createPointers(jobId);
        assertEquals(1, pointers.latestUsable(storage.getFileSystem(), storage.getJobDirectory()).orElseThrow()
                .checkpointId());
    }

    @Test
    void aSubsumedCheckpointLosesItsPointerAndFilesAndATerminalJobLeavesNoRecords() throws Exception {
        ZooKeeperCheckpointRecoveryFactory records = new ZooKeeperCheckpointRecoveryFactory(oldLeader);
        records.createIdCounter(jobId, null, null).getAndIncrement();
        CompletedCheckpointStore store = store(oldLeader, 1);
        CompletedCheckpoint first = writeCheckpoint(1);
        store.add(first);
        store.add(writeCheckpoint(2));
        assertEquals(List.of(String.format("%019d", 2)), newLeader.getChildren().forPath("/checkpoints/" + jobId));
        assertFalse(Files.exists(Path.of(java.net.URI.create(first.directory()))), "subsumed checkpoint's files deleted");

        records.cleanUp(jobId);
        assertNull(newLeader.checkExists().forPath("/checkpoints/" + jobId));
        assertNull(newLeader.checkExists().forPath("/checkpoint-counter/" + jobId));
        assertTrue(new ZooKeeperCheckpointRecoveryFactory(newLeader).createPointers(jobId)
                .latestUsable(storage.getFileSystem(), storage.getJobDirectory()).isEmpty());
        records.cleanUp(jobId); // twice is harmless (a leader that died while cleaning up)
    }

    @Test
    void aCheckpointThatCannotBeRecordedInZooKeeperIsNotKeptAsCompleted() throws Exception {
        configuration.set(HighAvailabilityOptions.ZOOKEEPER_CONNECTION_TIMEOUT, java.time.Duration.ofSeconds(1));
        configuration.set(HighAvailabilityOptions.ZOOKEEPER_RETRY_WAIT, java.time.Duration.ofMillis(100));
        configuration.set(HighAvailabilityOptions.ZOOKEEPER_MAX_RETRY_ATTEMPTS, 1);
        try (CuratorFramework impatient = ZooKeeperClients.start(configuration)) {
            CompletedCheckpointStore store = store(impatient, 2);
            store.add(writeCheckpoint(1));
            zooKeeper.stop();
            CompletedCheckpoint unrecorded = writeCheckpoint(2);
            org.millrace.runtime.checkpoint.CheckpointRecordException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.millrace.runtime.checkpoint.CheckpointRecordException.class, () -> store.add(unrecorded));
            assertTrue(e.getMessage().startsWith("Could not record completed checkpoint 2"), e.getMessage());
            assertEquals(1, store.latest().orElseThrow().checkpointId());
            assertEquals(1, store.all().size());
        }
    }

    private CompletedCheckpointStore store(CuratorFramework client, int retained) throws Exception {
        return new CompletedCheckpointStore(retained, c -> storage.discard(c.directory()),
                new ZooKeeperCheckpointRecoveryFactory(client).createPointers(jobId));
    }

    private CompletedCheckpoint writeCheckpoint(long id) throws Exception {
        return storage.initializeCheckpoint(id).complete(new CheckpointMetadata(jobId, id, System.currentTimeMillis(),
                false, List.of()));
    }
}
