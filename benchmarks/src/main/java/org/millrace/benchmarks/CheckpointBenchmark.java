package org.millrace.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.SavepointConfigOptions;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.api.source.IndexedSource;
import org.millrace.util.Collector;

/**
 * What checkpoints cost on the embedded cluster (heap state backend, local disk), at parallelism 2:
 * <ol>
 *   <li>throughput of a keyed counting job (the longs 0..N-1, keyed by value modulo K, a count per
 *       key in a {@code ValueState}) without checkpoints and with one every second; the
 *       difference is the overhead;</li>
 *   <li>for a job that puts {@code --state-mib} MiB of 1 KiB values into keyed state: the duration
 *       and size of the checkpoint taken once all of it is in, and the time from submitting a job
 *       that restores from that checkpoint until its operator opened with the state (restore),
 *       next to the same for an empty start;</li>
 *   <li>per keyed state backend ({@code --backends}; RocksDB with incremental checkpoints), at the
 *       backend without a job: the first checkpoint of {@code --state-mib} MiB of 1 KiB values, five
 *       later ones each after 1 % of the keys were updated (duration, bytes written) and a restore
 *       ({@link BackendCheckpointMeasurement}).</li>
 * </ol>
 * {@code --parts} picks which of the three run (all by default).
 * Prints {@code CHECKPOINT} lines. Run with {@code -Xmx} at least 4 times the state size (the state,
 * its serialized copy, the restored copy).
 *
 * <pre>java -Xmx6g -cp 'benchmarks/target/lib/*:benchmarks/target/classes' org.millrace.benchmarks.CheckpointBenchmark --state-mib 1024</pre>
 */
public final class CheckpointBenchmark {

    static final String USAGE = "[--records N] [--keys K] [--state-mib M] [--repetitions R]"
            + " [--parts throughput,state,backends] [--backends hashmap,rocksdb]";
    private static final int VALUE_BYTES = 1024;
    /** Set when the state-holding operator opened (after its restore), in this JVM. */
    private static volatile long openedAtNanos;
    private static final String LOADED_AND_CHECKPOINTED = "state loaded and checkpointed: the benchmark ends the job";

    private CheckpointBenchmark() {}

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = CommandLines.namedOptions(args, "CheckpointBenchmark", USAGE);
        long records = Long.parseLong(options.getOrDefault("--records", "20000000"));
        long keys = Long.parseLong(options.getOrDefault("--keys", "1000000"));
        long stateMib = Long.parseLong(options.getOrDefault("--state-mib", "256"));
        int repetitions = Integer.parseInt(options.getOrDefault("--repetitions", "3"));
        java.util.List<String> parts = java.util.List.of(options.getOrDefault("--parts", "throughput,state,backends").split(","));
        Path dir = Files.createTempDirectory("millrace-checkpoint-bench");
        try {
            if (parts.contains("throughput")) {
                throughput(dir, records, keys, repetitions);
            }
            if (parts.contains("state")) {
                stateJob(dir, stateMib * 1024);
            }
            if (parts.contains("backends")) {
                for (String backend : options.getOrDefault("--backends", "hashmap,rocksdb").split(",")) {
                    new BackendCheckpointMeasurement(dir, backend.trim()).run(stateMib * 1024);
                }
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** The keyed counting job without checkpoints and with one every second, alternately, {@code repetitions} times. */
    private static void throughput(Path dir, long records, long keys, int repetitions) throws Exception {
        double[] offRuns = new double[repetitions];
        double[] onRuns = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            // alternate the order, so JIT warm-up and drift favour neither
            boolean offFirst = r % 2 == 0;
            double first = countingJob(dir, records, keys, offFirst ? 0 : 1000);
            double second = countingJob(dir, records, keys, offFirst ? 1000 : 0);
            offRuns[r] = offFirst ? first : second;
            onRuns[r] = offFirst ? second : first;
            System.out.printf(Locale.ROOT, "CHECKPOINT workload=keyed-count records=%d keys=%d off_records_per_s=%.0f"
                    + " every_1s_records_per_s=%.0f%n", records, keys, offRuns[r], onRuns[r]);
        }
        double off = median(offRuns);
        double on = median(onRuns);
        System.out.printf(Locale.ROOT, "CHECKPOINT-MEDIAN workload=keyed-count off_records_per_s=%.0f"
                + " every_1s_records_per_s=%.0f overhead_pct=%.1f%n", off, on, 100 * (off - on) / off);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Records/s of the counting job; {@code intervalMillis} 0 = no checkpoints. */
    private static double countingJob(Path dir, long records, long keys, long intervalMillis) throws Exception {
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), dir.resolve("counting").toUri().toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        if (intervalMillis > 0) {
            env.enableCheckpointing(intervalMillis);
        }
        env.fromSequence(0, records - 1).keyBy(v -> v % keys).process(new Count()).addSink(new Discard<>());
        long start = System.nanoTime();
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            cluster.submitJob(env.getJobGraph("keyed count"), CheckpointBenchmark.class.getClassLoader()).get(1, TimeUnit.HOURS);
        }
        return records * 1e9 / (System.nanoTime() - start);
    }

    /** Fills {@code values} KiB of keyed state, then measures its checkpoint and a restore from it. */
    private static void stateJob(Path dir, long values) throws Exception {
        Path checkpoints = dir.resolve("state");
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), checkpoints.toUri().toString());
        conf.setString("restart-strategy.type", "none");
        conf.set(org.millrace.streaming.api.environment.ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                org.millrace.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        long fresh = runStateJob(conf, values, values, true);
        Path checkpoint = newestCheckpoint(checkpoints);
        long bytes = sizeOf(checkpoint);
        long durationMillis = Files.getLastModifiedTime(checkpoint.resolve("_metadata")).toMillis()
                - org.millrace.runtime.checkpoint.CheckpointRecovery.load(
                        org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
                        new org.apache.hadoop.fs.Path(checkpoint.toUri())).metadata().timestamp();
        Configuration restoring = new Configuration(conf);
        restoring.setString(SavepointConfigOptions.SAVEPOINT_PATH.key(), checkpoint.toUri().toString());
        long restored = runStateJob(restoring, values, values, false);
        System.out.printf(Locale.ROOT, "CHECKPOINT workload=keyed-state state_mib=%d checkpoint_mib=%.0f checkpoint_ms=%d"
                        + " open_after_restore_ms=%d open_fresh_ms=%d%n", values / 1024, bytes / 1048576.0, durationMillis,
                restored, fresh);
    }

    /**
     * Runs the state job to its end (with {@code endOnceCheckpointed}, to the completion of a
     * checkpoint holding all values); ms from submission until its state operator opened.
     */
    private static long runStateJob(Configuration conf, long values, long keys, boolean endOnceCheckpointed) throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(2000);
        env.fromSource(new Payloads(values), "payloads", TypeInformation.of(Long.class)).uid("payloads")
                .keyBy(v -> v % keys).process(new Store(endOnceCheckpointed ? values : 0)).uid("store").addSink(new Discard<>()).uid("discard");
        openedAtNanos = 0;
        long start = System.nanoTime();
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            cluster.submitJob(env.getJobGraph("keyed state"), CheckpointBenchmark.class.getClassLoader()).get(1, TimeUnit.HOURS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!endOnceCheckpointed || !String.valueOf(e.getCause()).contains(LOADED_AND_CHECKPOINTED)) {
                throw e;
            }
        }
        return (openedAtNanos - start) / 1_000_000;
    }

    private static Path newestCheckpoint(Path root) throws IOException {
        try (Stream<Path> found = Files.walk(root, 2)) {
            return found.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new IOException("no completed checkpoint below " + root));
        }
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Counts per key. */
    static final class Count extends KeyedProcessFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(org.millrace.api.common.functions.OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1L : c + 1);
        }
    }

    /** Keeps a 1 KiB value per key. */
    static final class Store extends KeyedProcessFunction<Long, Long, Long>
            implements org.millrace.streaming.api.checkpoint.CheckpointedFunction,
            org.millrace.api.common.state.CheckpointListener {
        private static final long serialVersionUID = 1L;
        /** Records stored by all subtasks when each checkpoint's barrier passed them. */
        private static final java.util.Map<Long, java.util.concurrent.atomic.AtomicLong> STORED_AT_BARRIER =
                new java.util.concurrent.ConcurrentHashMap<>();
        /** Ends the job (by failing it) once a checkpoint holding all these records completed; 0: never. */
        private final long endOnceCheckpointed;
        private transient ValueState<byte[]> payload;
        private transient long stored;

        Store(long endOnceCheckpointed) {
            this.endOnceCheckpointed = endOnceCheckpointed;
        }

        @Override
        public void initializeState(org.millrace.runtime.state.FunctionInitializationContext context) {}

        @Override
        public void snapshotState(org.millrace.runtime.state.FunctionSnapshotContext context) {
            STORED_AT_BARRIER.computeIfAbsent(context.getCheckpointId(), id -> new java.util.concurrent.atomic.AtomicLong())
                    .addAndGet(stored);
        }

        /**
         * A finished job's checkpoints are deleted: the loading run fails on purpose once a checkpoint
         * holds every record (no restarts), so that checkpoint is kept (RETAIN_ON_CANCELLATION).
         */
        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            java.util.concurrent.atomic.AtomicLong all = STORED_AT_BARRIER.get(checkpointId);
            if (endOnceCheckpointed > 0 && all != null && all.get() >= endOnceCheckpointed) {
                throw new IllegalStateException(LOADED_AND_CHECKPOINTED);
            }
        }

        @Override
        public void open(org.millrace.api.common.functions.OpenContext context) {
            payload = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", byte[].class));
            openedAtNanos = System.nanoTime();
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            byte[] bytes = new byte[VALUE_BYTES];
            bytes[0] = (byte) (long) value;
            payload.update(bytes);
            stored++;
        }
    }

    /** The indices 0..n-1, resumable. */
    static final class Payloads extends IndexedSource<Long> {
        private static final long serialVersionUID = 1L;

        Payloads(long count) {
            super(count);
        }

        @Override
        protected Long recordAt(long index) {
            return index;
        }
    }

    /** Drops everything. */
    static final class Discard<T> implements SinkFunction<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(T value) {}
    }
}
