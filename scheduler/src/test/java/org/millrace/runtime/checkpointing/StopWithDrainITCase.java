package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.SavepointConfigOptions;
import org.millrace.client.cli.CliFrontend;
import org.millrace.runtime.rest.RestOptions;
import org.millrace.runtime.rest.RestServerEndpoint;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * {@code flink stop --drain} (the CLI, through REST): the sources end their input with the savepoint, so event time ends,
 * every open window fires (the last one partly filled) and the job finishes instead of being
 * cancelled; resuming from that savepoint reads on from where the sources stopped, so the two runs
 * together count every record exactly once.
 */
@Timeout(240)
class StopWithDrainITCase {

    private static final long RECORDS = SavepointRescaleITCase.RECORDS;
    private static final int KEYS = 4;
    private static final long WINDOW = 1000;
    /** run -> "key@window" -> count. */
    private static final Map<Integer, Map<String, Long>> WINDOWS = new ConcurrentHashMap<>();

    /** Keeps each window's count under the run it came from. */
    static final class WindowCounts implements SinkFunction<Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final int run;

        WindowCounts(int run) {
            this.run = run;
        }

        @Override
        public void invoke(Tuple3<Long, Long, Long> window) {
            Long before = WINDOWS.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).put(window.f0 + "@" + window.f1, window.f2);
            if (before != null) {
                throw new IllegalStateException("Window " + window.f0 + "@" + window.f1 + " fired twice in run " + run);
            }
        }
    }

    private static JobGraph job(Configuration conf, int run) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        env.fromSource(new SavepointRescaleITCase.ThrottledSequence(), "numbers", TypeInformation.of(Long.class))
                .uid("numbers").setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((value, previous) -> value)).uid("watermarks").setParallelism(1)
                .map(v -> Tuple3.of(v % KEYS, v / WINDOW, 1L)).uid("tuples")
                .returns(new TypeHint<Tuple3<Long, Long, Long>>() {})
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2)).uid("windows")
                .addSink(new WindowCounts(run)).uid("sink");
        return env.getJobGraph("drained windows, run " + run);
    }

    @Test
    void drainFiresEveryOpenWindowFinishesTheJobAndResumesWhereTheSourceStopped(@TempDir Path tmp) throws Exception {
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), tmp.resolve("checkpoints").toUri().toString());
        String savepoints = tmp.resolve("savepoints").toUri().toString();
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        conf.set(RestOptions.UPLOAD_DIR, tmp.toString());
        try (MiniCluster cluster = new MiniCluster(conf, 2);
             RestServerEndpoint rest = new RestServerEndpoint(conf, cluster.getDispatcher())) {
            rest.start();
            JobGraph first = job(conf, 1);
            var result = cluster.submitJob(first, getClass().getClassLoader());
            String savepoint = stopWhenAWindowFired(URI.create(rest.getRestBaseUrl()).getAuthority(), first, savepoints);
            result.get(60, TimeUnit.SECONDS); // finishes normally: not cancelled
            assertTrue(Files.exists(Path.of(URI.create(savepoint)).resolve("_metadata")), savepoint);

            Map<String, Long> drained = WINDOWS.get(1);
            long read = drained.values().stream().mapToLong(Long::longValue).sum();
            assertTrue(read > 0 && read < RECORDS, "stopped mid-way, after " + read + " records");
            // the source read exactly [0, read): each key's windows hold that prefix, the last one partly
            long lastWindow = (read - 1) / WINDOW;
            for (long w = 0; w <= lastWindow; w++) {
                for (long key = 0; key < KEYS; key++) {
                    assertEquals(countOf(key, w * WINDOW, Math.min((w + 1) * WINDOW, read)), drained.getOrDefault(key + "@" + w, 0L),
                            "drained window " + key + "@" + w + " of " + read + " records");
                }
            }

            Configuration resumed = new Configuration(conf);
            resumed.setString(SavepointConfigOptions.SAVEPOINT_PATH.key(), savepoint);
            cluster.submitJob(job(resumed, 2), getClass().getClassLoader()).get(180, TimeUnit.SECONDS);
            long remaining = WINDOWS.get(2).values().stream().mapToLong(Long::longValue).sum();
            assertEquals(RECORDS - read, remaining, "the resumed run reads on from record " + read);
            assertEquals(countOf(0, read, Math.min((lastWindow + 1) * WINDOW, RECORDS)),
                    WINDOWS.get(2).getOrDefault("0@" + lastWindow, 0L), "the rest of the drained window");
        }
    }

    /** Records of {@code key} among the indices [from, to). */
    private static long countOf(long key, long from, long to) {
        long count = 0;
        for (long i = from; i < to; i++) {
            if (i % KEYS == key) {
                count++;
            }
        }
        return count;
    }

    /** Runs {@code flink stop --drain} once a window fired; the path it prints. */
    private static String stopWhenAWindowFired(String address, JobGraph job, String savepoints) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!WINDOWS.containsKey(1)) {
            assertTrue(System.nanoTime() < deadline, "no window fired");
            Thread.sleep(20); // polling pace
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CliFrontend(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(new String[] {"stop", "--drain", "-p", savepoints, "-m", address, job.getJobID().toString()});
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.startsWith("Draining job \"" + job.getJobID() + "\" with a savepoint.\n"), printed);
        Matcher path = Pattern.compile("Savepoint completed\\. Path: (\\S+)").matcher(printed);
        assertTrue(path.find(), printed);
        return path.group(1);
    }
}
