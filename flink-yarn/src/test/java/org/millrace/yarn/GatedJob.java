package org.millrace.yarn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.core.fs.WriteMode;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.util.ParameterTool;

/**
 * A job whose map subtask, when it opens, leaves a marker file and then waits until a gate file
 * exists: a test knows a TaskManager is certainly running it (once per attempt) and decides when it
 * may finish. Emits the numbers 1 to {@link #COUNT}. Packaged into a JAR by the tests.
 */
public final class GatedJob {

    static final int COUNT = 1_000;
    /** The BATCH variant's first stage waits for a gate of its own: the gate's path plus this. */
    static final String FIRST_STAGE_GATE_SUFFIX = ".first-stage";

    private GatedJob() {}

    /**
     * One run of the job by a test: its JAR, marker directory, gate and output file in a directory.
     * {@link #starts()} counts the map subtask's starts; {@link #openGate()} lets it finish.
     */
    record Run(Path jar, Path markers, Path gate, Path output) {

        /** Writes the JAR (this class and its nested classes) and creates the marker directory in {@code dir}. */
        static Run in(Path dir) throws Exception {
            Path jar = MiniYarnEnvironment.jarOf(Path.of(GatedJob.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()), dir.resolve("gated-job.jar"), GatedJob.class.getName().replace('.', '/'));
            return new Run(jar, Files.createDirectories(dir.resolve("markers")), dir.resolve("gate"),
                    dir.resolve("output.txt"));
        }

        /** What follows {@code flink run [options]}: the entry class, the JAR and the job's arguments. */
        List<String> programArguments() {
            return List.of("-c", GatedJob.class.getName(), jar.toString(), "--gate", gate.toString(),
                    "--markers", markers.toString(), "--output", output.toString());
        }

        /** The BATCH variant: a first stage at {@code parallelism}, then the gated stage at 1. */
        List<String> batchProgramArguments(int parallelism) {
            List<String> args = new java.util.ArrayList<>(programArguments());
            args.addAll(List.of("--first-stage-parallelism", String.valueOf(parallelism)));
            return args;
        }

        /** How often the map subtask has started so far: the marker files. */
        long starts() {
            try (Stream<Path> files = Files.list(markers)) {
                return files.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Lets the BATCH variant's first stage finish. */
        void openFirstStageGate() throws IOException {
            Path firstStage = Path.of(gate + FIRST_STAGE_GATE_SUFFIX);
            if (!Files.exists(firstStage)) {
                Files.createFile(firstStage);
            }
        }

        void openGate() throws IOException {
            if (!Files.exists(gate)) {
                Files.createFile(gate);
            }
        }

        /** The numbers in the output, sorted. */
        List<Long> sortedOutput() throws IOException {
            return Files.readAllLines(output).stream().map(Long::parseLong).sorted().toList();
        }

        /** What {@link #sortedOutput()} is after a correct run: 1 to {@link #COUNT}, each once. */
        static List<Long> expectedOutput() {
            return LongStream.rangeClosed(1, COUNT).boxed().toList();
        }
    }

    /**
     * {@code --gate <file> --markers <dir> --output <file> [--first-stage-parallelism n]}: with the
     * last option a BATCH job whose first stage (source and a map waiting for the gate's path plus
     * {@link #FIRST_STAGE_GATE_SUFFIX}) runs at parallelism n and whose gated second stage runs at
     * parallelism 1, after a blocking exchange.
     */
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        org.millrace.streaming.api.datastream.DataStream<Long> numbers = env.fromSequence(1, COUNT);
        if (params.has("first-stage-parallelism")) {
            int n = params.getInt("first-stage-parallelism");
            env.setRuntimeMode(org.millrace.api.common.RuntimeExecutionMode.BATCH);
            String firstStageGate = params.getRequired("gate") + FIRST_STAGE_GATE_SUFFIX;
            numbers = env.fromSequence(1, COUNT).setParallelism(n).map(new WaitForGate(firstStageGate, null))
                    .setParallelism(n).name("First stage").rebalance();
        }
        numbers.map(new WaitForGate(params.getRequired("gate"), params.getRequired("markers"))).name("Wait for gate")
                .writeAsText(params.getRequired("output"), WriteMode.OVERWRITE);
        env.execute("gated job");
    }

    /** Marks each start (unless {@code markers} is null), then waits for the gate; passes numbers on. */
    static final class WaitForGate extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final String gate;
        private final String markers;

        WaitForGate(String gate, String markers) {
            this.gate = gate;
            this.markers = markers;
        }

        @Override
        public void open(OpenContext context) throws IOException, InterruptedException {
            if (markers != null) {
                Files.createFile(Path.of(markers, "started-" + UUID.randomUUID()));
            }
            while (!Files.exists(Path.of(gate))) {
                Thread.sleep(50); // the test opens the gate; a cancel interrupts the wait
            }
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }
}
