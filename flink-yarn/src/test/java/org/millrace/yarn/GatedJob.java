package org.millrace.yarn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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

    private GatedJob() {}

    /** {@code --gate <file> --markers <dir> --output <file>}. */
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(1, COUNT)
                .map(new WaitForGate(params.getRequired("gate"), params.getRequired("markers"))).name("Wait for gate")
                .writeAsText(params.getRequired("output"), WriteMode.OVERWRITE);
        env.execute("gated job");
    }

    /** Marks each start, then waits for the gate; passes numbers on. */
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
            Files.createFile(Path.of(markers, "started-" + UUID.randomUUID()));
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
