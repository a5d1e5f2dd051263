package org.millrace.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.shuffle.netty.TestCertificates;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The shuffle between two TaskManager JVMs on loopback ({@link LoopbackCluster}, one slot each):
 * <ul>
 *   <li>throughput of W4-keyby ({@code shared/BENCHMARKS.md}): the longs 0..N-1 from one source
 *       subtask, keyed by value, to one sink subtask in the other JVM, as records/s and MB/s of the
 *       records' frames on the wire (13 bytes a long: length, tag, value) over the job's net
 *       runtime, checksum checked;</li>
 *   <li>latency at a fixed rate with {@code execution.buffer-timeout} 0, 1 ms and 100 ms: each
 *       record carries its emit time ({@link EpochMicros}, the wall clock, because the two ends are
 *       different processes) and the sink takes p50 / p99 / max after a 2 s warm-up.</li>
 * </ul>
 * With {@code --tls true} all of it runs again on a second cluster whose processes talk TLS
 * ({@code security.ssl.internal.*}, a certificate made by keytool for the run).
 * Prints {@code RESULT} lines (the first fields as in {@code shared/BENCHMARKS.md}) and
 * {@code LATENCY} lines, then a Markdown section; {@code --docs FILE} also puts the section between
 * the markers of that file. {@code benchmarks/exchange.sh} runs it.
 */
public final class RemoteExchangeBenchmark {

    static final String USAGE = "[--records N] [--repetitions R] [--latency-rate RECORDS_PER_S] [--latency-seconds S]"
            + " [--tls true|false] [--docs FILE --command TEXT --revision TEXT]";
    static final String ENGINE = "millrace-2tm";
    static final long FRAME_BYTES = 4 + 1 + 8;
    static final long[] BUFFER_TIMEOUTS_MS = {0, 1, 100};
    static final String BEGIN = "<!-- exchange-benchmark:begin -->";
    static final String END = "<!-- exchange-benchmark:end -->";

    private RemoteExchangeBenchmark() {}

    /** One throughput run: the measurement and the records/s and MB/s over the net runtime. */
    record Throughput(Measurement measurement) {
        double netRecordsPerSecond() {
            return measurement.records() * 1000.0 / measurement.netRuntimeMillis();
        }

        double netMegabytesPerSecond() {
            return netRecordsPerSecond() * FRAME_BYTES / 1e6;
        }

        String line() {
            return measurement.line("RESULT") + String.format(Locale.ROOT, " exchange=remote net_records_per_s=%.0f mb_per_s=%.1f",
                    netRecordsPerSecond(), netMegabytesPerSecond());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLines.namedOptions(args, "RemoteExchangeBenchmark", USAGE);
        long records = Long.parseLong(options.getOrDefault("--records", "100000000"));
        int repetitions = Integer.parseInt(options.getOrDefault("--repetitions", "3"));
        long rate = Long.parseLong(options.getOrDefault("--latency-rate", "10000"));
        long seconds = Long.parseLong(options.getOrDefault("--latency-seconds", "15"));
        boolean tls = Boolean.parseBoolean(options.getOrDefault("--tls", "false"));
        boolean allOk = true;
        String loadBefore = loadAverage();
        List<TransportRun> runs = new ArrayList<>();
        runs.add(run("plain TCP", Map.of(), records, repetitions, rate, seconds));
        if (tls) {
            runs.add(run("TLS", tlsConfiguration(), records, repetitions, rate, seconds));
        }
        for (TransportRun run : runs) {
            for (Throughput throughput : run.throughputs()) {
                allOk &= throughput.measurement().checksumOk().orElse(false);
            }
        }
        String load = "load average " + loadBefore + " before, " + loadAverage() + " after";
        String section = markdown(runs, rate, seconds, load, options);
        System.out.println(section);
        if (options.containsKey("--docs")) {
            replaceSection(Path.of(options.get("--docs")), section);
        }
        System.exit(allOk ? 0 : 1);
    }

    /** The throughput and latency runs over one transport, on a cluster of its own. */
    record TransportRun(String transport, List<Throughput> throughputs, List<LatencySink.Latencies> latencies) {}

    private static TransportRun run(String transport, Map<String, String> configuration, long records, int repetitions,
            long rate, long seconds) throws Exception {
        List<Throughput> throughputs = new ArrayList<>();
        List<LatencySink.Latencies> latencies = new ArrayList<>();
        String tag = " transport=" + transport.replace(' ', '-');
        try (LoopbackCluster cluster = new LoopbackCluster(
                List.of(System.getenv().getOrDefault("TM_JAVA_OPTS", "-Xmx2g").split("\\s+")), configuration)) {
            for (int r = 0; r < repetitions; r++) {
                Throughput run = throughput(cluster, records);
                throughputs.add(run);
                System.out.println(run.line() + tag);
            }
            for (long timeout : BUFFER_TIMEOUTS_MS) {
                LatencySink.Latencies result = latency(cluster, rate, seconds, timeout);
                latencies.add(result);
                System.out.println(String.format(Locale.ROOT, "LATENCY exchange=remote buffer_timeout_ms=%d rate=%d records=%d"
                        + " measured=%d p50_us=%d p99_us=%d max_us=%d", timeout, rate, rate * seconds, result.count(),
                        result.p50Micros(), result.p99Micros(), result.maxMicros()) + tag);
            }
        }
        return new TransportRun(transport, throughputs, latencies);
    }

    /** {@code security.ssl.internal.*} for a certificate made with keytool in a temporary directory. */
    private static Map<String, String> tlsConfiguration() throws Exception {
        Path stores = Files.createTempDirectory("millrace-exchange-benchmark-tls-");
        stores.toFile().deleteOnExit();
        Map<String, String> configuration = TestCertificates.identity(stores, "benchmark").toMap();
        for (String file : List.of("benchmark-keystore.p12", "benchmark.cer", "benchmark-truststore.p12")) {
            stores.resolve(file).toFile().deleteOnExit();
        }
        return configuration;
    }

    private static Throughput throughput(LoopbackCluster cluster, long records) throws Exception {
        long start = System.nanoTime();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(cluster.clientConfiguration());
        env.setParallelism(1);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.fromSequence(0, records - 1)
                .keyBy(new LongIdentityKey())
                .addSink(new SequenceSumSink()).name("Sum").slotSharingGroup("sink");
        JobExecutionResult result = env.execute("exchange throughput W4-keyby N=" + records);
        long nanos = System.nanoTime() - start;
        return new Throughput(new Measurement(Workload.W4_KEYBY, ENGINE, 1, records, nanos,
                ChecksumAccumulators.checksum(result), ChecksumAccumulators.results(result), result.getNetRuntime(),
                PeakRss.mebibytes()));
    }

    private static LatencySink.Latencies latency(LoopbackCluster cluster, long rate, long seconds, long bufferTimeoutMillis)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(cluster.clientConfiguration());
        env.setParallelism(1);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setBufferTimeout(bufferTimeoutMillis);
        env.fromSource(new PacedTimestampSource(rate * seconds, rate), "Paced timestamps", Types.LONG)
                .keyBy(new LongIdentityKey())
                .addSink(new LatencySink(2 * rate)).name("Latency").slotSharingGroup("sink");
        return LatencySink.Latencies.of(env.execute("exchange latency buffer-timeout=" + bufferTimeoutMillis + "ms"));
    }

    private static String markdown(List<TransportRun> runs, long rate, long seconds, String load,
            Map<String, String> options) {
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(options.getOrDefault("--command", "RemoteExchangeBenchmark")).append('`');
        if (options.containsKey("--revision")) {
            md.append(" at ").append(options.get("--revision"));
        }
        md.append(", ").append(java.time.LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(load).append(".\n\n");
        md.append("| transport | run | records | net runtime | records/s | MB/s | checksum |\n|---|---|---|---|---|---|---|\n");
        for (TransportRun run : runs) {
            for (int i = 0; i < run.throughputs().size(); i++) {
                Throughput t = run.throughputs().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.2f s | %.2f M | %.1f | %s |%n", run.transport(), i + 1,
                        t.measurement().records(), t.measurement().netRuntimeMillis() / 1000.0,
                        t.netRecordsPerSecond() / 1e6, t.netMegabytesPerSecond(),
                        t.measurement().checksumOk().map(ok -> ok ? "ok" : "WRONG").orElse(String.valueOf(t.measurement().checksum()))));
            }
        }
        md.append(String.format(Locale.ROOT, "%nLatency at %,d records/s for %d s (the first 2 s not counted):%n%n", rate, seconds));
        md.append("| transport | execution.buffer-timeout | records measured | p50 | p99 | max |\n|---|---|---|---|---|---|\n");
        for (TransportRun run : runs) {
            for (int i = 0; i < run.latencies().size(); i++) {
                LatencySink.Latencies l = run.latencies().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %d ms | %,d | %s | %s | %s |%n", run.transport(),
                        BUFFER_TIMEOUTS_MS[i], l.count(), millis(l.p50Micros()), millis(l.p99Micros()), millis(l.maxMicros())));
            }
        }
        return md.toString();
    }

    /** The 1-minute load average of the machine ({@code /proc/loadavg}), or "n/a": other work on it skews the figures. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    /** Replaces what stands between {@link #BEGIN} and {@link #END} in {@code file} with {@code section}. */
    static void replaceSection(Path file, String section) throws IOException {
        String text = Files.readString(file);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(file + " has no " + BEGIN + " ... " + END + " section to replace");
        }
        Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + section + text.substring(end));
    }
}
