package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.api.common.state.CheckpointListener;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.checkpoint.CheckpointRecovery;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A damaged latest checkpoint is not restored: when the job fails, the newest checkpoint's keyed
 * state file has been corrupted, so recovery logs why it is unusable and restores the one before
 * it — and the counts are still exact, because sources rewind to that checkpoint too. With RocksDB
 * and incremental checkpoints the damaged file is an SST file in the job's shared directory that
 * only the newest checkpoint uses.
 */
@Timeout(180)
class CorruptCheckpointFallbackITCase {

    private static final Map<String, Path> CHECKPOINT_ROOTS = new ConcurrentHashMap<>();

    /** On the first record after its second completed checkpoint, corrupts the newest checkpoint, then fails. */
    static final class CorruptThenFail extends RichMapFunction<Long, Long> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String root;
        private final boolean sharedFile;
        private int completed;

        CorruptThenFail(String root, boolean sharedFile) {
            this.root = root;
            this.sharedFile = sharedFile;
        }

        @Override
        public Long map(Long value) throws IOException {
            if (completed >= 2 && getRuntimeContext().getAttemptNumber() == 0 && getRuntimeContext().getIndexOfThisSubtask() == 0) {
                corruptNewestCheckpoint(CHECKPOINT_ROOTS.get(root), sharedFile);
                throw new IllegalStateException("failure after corrupting the newest checkpoint");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed++;
        }
    }

    /** Damages the newest complete checkpoint: its keyed state file, or a shared file only it uses. */
    static void corruptNewestCheckpoint(Path root, boolean sharedFile) throws IOException {
        List<Path> complete;
        try (Stream<Path> dirs = Files.walk(root, 2)) {
            complete = dirs.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .sorted(Comparator.comparingLong(p -> -Long.parseLong(p.getFileName().toString().substring(4)))).toList();
        }
        Path newest = complete.get(0);
        Path keyed;
        if (sharedFile) {
            org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
            java.util.Set<String> older = new java.util.HashSet<>();
            CheckpointRecovery.load(fs, new org.apache.hadoop.fs.Path(complete.get(1).toString())).metadata().sharedFiles()
                    .forEach(f -> older.add(f.relativePath()));
            String onlyNewest = CheckpointRecovery.load(fs, new org.apache.hadoop.fs.Path(newest.toString())).metadata()
                    .sharedFiles().stream().map(f -> f.relativePath()).filter(p -> !older.contains(p)).findFirst().orElseThrow();
            keyed = newest.resolveSibling("shared").resolve(onlyNewest);
        } else {
            try (Stream<Path> files = Files.list(newest)) {
                keyed = files.filter(p -> p.getFileName().toString().endsWith(".keyed")).findFirst().orElseThrow();
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(keyed.toFile(), "rw")) {
            file.seek(12); // inside the state bytes, after the header
            int b = file.read();
            file.seek(12);
            file.write(b ^ 0xFF);
        }
    }

    /** Collects what {@link CheckpointRecovery} logs. */
    private static final class CollectingAppender extends AbstractAppender {
        final List<String> messages = new CopyOnWriteArrayList<>();

        CollectingAppender() {
            super("collect", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            messages.add(event.getMessage().getFormattedMessage());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "state.backend.type: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hashmap", "rocksdb"})
    void recoveryFallsBackToTheCheckpointBeforeADamagedOne(String backend, @TempDir Path tmp) throws Exception {
        Configuration conf = StateBackendsUnderTest.use(FailureInjector.restartingConfiguration(tmp, 2), backend,
                tmp.resolve("rocksdb-local"));
        conf.setString("state.checkpoints.num-retained", "3");
        CHECKPOINT_ROOTS.put(tmp.toString(), tmp);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(300);
        env.fromSource(new SavepointRescaleITCase.ThrottledSequence(), "numbers", TypeInformation.of(Long.class))
                .map(new CorruptThenFail(tmp.toString(), backend.equals("rocksdb")))
                .keyBy(v -> v % 64)
                .process(new SavepointRescaleITCase.CountAndSum())
                .addSink(new SavepointRescaleITCase.LatestPerKey());
        SavepointRescaleITCase.forgetOutput();

        CollectingAppender appender = new CollectingAppender();
        appender.start();
        Logger logger = (Logger) LogManager.getLogger(CheckpointRecovery.class);
        logger.addAppender(appender);
        org.apache.logging.log4j.Level level = logger.getLevel();
        logger.setLevel(org.apache.logging.log4j.Level.INFO);
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            cluster.submitJob(env.getJobGraph("damaged checkpoint"), getClass().getClassLoader()).get(150, TimeUnit.SECONDS);
        } finally {
            logger.removeAppender(appender);
            logger.setLevel(level);
        }

        assertTrue(appender.messages.stream().anyMatch(m -> m.contains("is unusable") && m.contains("is corrupt")
                && m.contains("trying an earlier one")), "recovery said why it skipped the damaged checkpoint: " + appender.messages);
        assertTrue(appender.messages.stream().anyMatch(m -> m.startsWith("Restoring from checkpoint")), appender.messages.toString());
        SavepointRescaleITCase.assertEveryKeyExact("after falling back to the checkpoint before the damaged one");
        StateBackendsUnderTest.assertKeyedStateWasIn(backend.equals("rocksdb"), tmp.resolve("rocksdb-local"));
    }
}
